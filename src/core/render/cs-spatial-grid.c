/* cs-spatial-grid.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-spatial-grid.h"

#include <math.h>

/* A uniform grid of boxes: each box is listed in every cell it touches, so
 * a query looks at the boxes near it only. Labels placed on a crowded map
 * and hit tests under the pointer stay fast with thousands of nodes. */

typedef struct
{
  double x0, y0, x1, y1;
  guint  id;
} Box;

struct _CsSpatialGrid
{
  double      cell_size;
  GArray     *boxes; /* Box */
  GHashTable *cells; /* packed cell → GArray of box indices */
};

#define MAX_CELLS_PER_BOX 4096

static gint64
cell_key (gint64 cx,
          gint64 cy)
{
  /* shift unsigned: a negative cell index must not be shifted as signed */
  return (gint64)(((guint64)(guint32)cx << 32) | (guint32)cy);
}

/**
 * cs_spatial_grid_new:
 * @cell_size: the side of a cell, in the units of the boxes; about the size
 *   of a typical box
 *
 * Returns: (transfer full): an empty grid
 */
CsSpatialGrid *
cs_spatial_grid_new (double cell_size)
{
  CsSpatialGrid *self;

  g_return_val_if_fail (cell_size > 0, NULL);

  self = g_new0 (CsSpatialGrid, 1);
  self->cell_size = cell_size;
  self->boxes = g_array_new (FALSE, FALSE, sizeof (Box));
  self->cells = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                       (GDestroyNotify)g_array_unref);
  return self;
}

void
cs_spatial_grid_free (CsSpatialGrid *self)
{
  if (self == NULL)
    return;

  g_array_unref (self->boxes);
  g_hash_table_unref (self->cells);
  g_free (self);
}

static void
cell_range (CsSpatialGrid *self,
            double         x0,
            double         y0,
            double         x1,
            double         y1,
            gint64        *cx0,
            gint64        *cy0,
            gint64        *cx1,
            gint64        *cy1)
{
  *cx0 = (gint64)floor (x0 / self->cell_size);
  *cy0 = (gint64)floor (y0 / self->cell_size);
  *cx1 = (gint64)floor (x1 / self->cell_size);
  *cy1 = (gint64)floor (y1 / self->cell_size);
}

void
cs_spatial_grid_insert (CsSpatialGrid *self,
                        double         x0,
                        double         y0,
                        double         x1,
                        double         y1,
                        guint          id)
{
  Box box = { MIN (x0, x1), MIN (y0, y1), MAX (x0, x1), MAX (y0, y1), id };
  guint index;
  gint64 cx0, cy0, cx1, cy1;

  g_return_if_fail (self != NULL);
  g_return_if_fail (isfinite (x0) && isfinite (y0) && isfinite (x1) && isfinite (y1));

  index = self->boxes->len;
  g_array_append_val (self->boxes, box);
  cell_range (self, box.x0, box.y0, box.x1, box.y1, &cx0, &cy0, &cx1, &cy1);
  /* a box far larger than the cells would fill the table: clamp its span */
  if ((cx1 - cx0 + 1) * (cy1 - cy0 + 1) > MAX_CELLS_PER_BOX)
    {
      cx1 = MIN (cx1, cx0 + 63);
      cy1 = MIN (cy1, cy0 + 63);
    }
  for (gint64 cx = cx0; cx <= cx1; cx++)
    for (gint64 cy = cy0; cy <= cy1; cy++)
      {
        gint64 key = cell_key (cx, cy);
        GArray *cell = g_hash_table_lookup (self->cells, &key);

        if (cell == NULL)
          {
            cell = g_array_new (FALSE, FALSE, sizeof (guint));
            g_hash_table_insert (self->cells, g_memdup2 (&key, sizeof key), cell);
          }
        g_array_append_val (cell, index);
      }
}

/**
 * cs_spatial_grid_overlaps:
 * @self: a grid
 * @x0: the box's left
 * @y0: the box's top
 * @x1: the box's right
 * @y1: the box's bottom
 * @ignore_id: a box id to leave out, or -1
 *
 * Returns: %TRUE when a box in the grid overlaps the given one
 */
gboolean
cs_spatial_grid_overlaps (CsSpatialGrid *self,
                          double         x0,
                          double         y0,
                          double         x1,
                          double         y1,
                          int            ignore_id)
{
  gint64 cx0, cy0, cx1, cy1;

  g_return_val_if_fail (self != NULL, FALSE);

  cell_range (self, x0, y0, x1, y1, &cx0, &cy0, &cx1, &cy1);
  for (gint64 cx = cx0; cx <= cx1; cx++)
    for (gint64 cy = cy0; cy <= cy1; cy++)
      {
        gint64 key = cell_key (cx, cy);
        GArray *cell = g_hash_table_lookup (self->cells, &key);

        for (guint i = 0; cell != NULL && i < cell->len; i++)
          {
            const Box *box = &g_array_index (self->boxes, Box, g_array_index (cell, guint, i));

            if ((int)box->id != ignore_id && x0 < box->x1 && box->x0 < x1 && y0 < box->y1 &&
                box->y0 < y1)
              return TRUE;
          }
      }
  return FALSE;
}

/**
 * cs_spatial_grid_query_point:
 * @self: a grid
 * @x: a point
 * @y: a point
 * @ids: a #GArray of guint that receives, in insertion order and without
 *   repeats, the ids of the boxes holding the point
 */
void
cs_spatial_grid_query_point (CsSpatialGrid *self,
                             double         x,
                             double         y,
                             GArray        *ids)
{
  gint64 key;
  GArray *cell;

  g_return_if_fail (self != NULL);
  g_return_if_fail (ids != NULL);

  g_array_set_size (ids, 0);
  key = cell_key ((gint64)floor (x / self->cell_size), (gint64)floor (y / self->cell_size));
  cell = g_hash_table_lookup (self->cells, &key);
  for (guint i = 0; cell != NULL && i < cell->len; i++)
    {
      const Box *box = &g_array_index (self->boxes, Box, g_array_index (cell, guint, i));

      if (x >= box->x0 && x <= box->x1 && y >= box->y0 && y <= box->y1)
        g_array_append_val (ids, box->id);
    }
}
