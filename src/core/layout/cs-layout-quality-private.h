/* cs-layout-quality-private.h
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

guint64 _cs_layout_quality_count_crossings_xy (guint         n_edges,
                                               const guint  *edges,
                                               const double *xy,
                                               gboolean     *estimated);

G_END_DECLS
