/* cs-spatial-grid.h
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _CsSpatialGrid CsSpatialGrid;

CsSpatialGrid *cs_spatial_grid_new          (double         cell_size);
void           cs_spatial_grid_free         (CsSpatialGrid *self);
void           cs_spatial_grid_insert       (CsSpatialGrid *self,
                                             double         x0,
                                             double         y0,
                                             double         x1,
                                             double         y1,
                                             guint          id);
gboolean       cs_spatial_grid_overlaps     (CsSpatialGrid *self,
                                             double         x0,
                                             double         y0,
                                             double         x1,
                                             double         y1,
                                             int            ignore_id);
void           cs_spatial_grid_query_point  (CsSpatialGrid *self,
                                             double         x,
                                             double         y,
                                             GArray        *ids);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CsSpatialGrid, cs_spatial_grid_free)

G_END_DECLS
