/* cs-layout-overlap-private.h
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

guint _cs_layout_separate (guint           n_nodes,
                           double         *xy,
                           const double   *radii,
                           const gboolean *fixed,
                           double          gap,
                           guint           max_sweeps);

double _cs_layout_zoom_to_fit (guint         n_nodes,
                               double       *xy,
                               const double *radii,
                               double        gap);

G_END_DECLS
