/* cs-layout-overlap.h
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The room left between two discs after a layout, in world units. */
#define CS_LAYOUT_OVERLAP_GAP 4.0

guint cs_layout_remove_overlaps (guint           n_nodes,
                                 double         *xy,
                                 const double   *radii,
                                 const gboolean *fixed,
                                 double          gap);

G_END_DECLS
