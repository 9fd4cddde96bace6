/* cs-cell-grid.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-cell-grid-private.h"

#include <math.h>

/* Cells are addressed by integer coordinates; coordinates far outside an
 * int (a node thrown to 1e300) are clamped, which only makes that cell
 * crowded, never wrong: every query filters by distance afterwards. */
#define COORD_LIMIT 1000000000.0

void
_cs_cell_grid_init (CsCellGrid *self,
                    double      origin_x,
                    double      origin_y,
                    double      cell)
{
  g_assert (self != NULL);
  g_assert (cell > 0 && isfinite (cell));

  *self = (CsCellGrid) { 0 };
  self->origin_x = origin_x;
  self->origin_y = origin_y;
  self->cell = cell;
  self->pending = g_array_new (FALSE, FALSE, sizeof (CsCellEntry));
}

void
_cs_cell_grid_clear (CsCellGrid *self)
{
  g_clear_pointer (&self->start, g_free);
  g_clear_pointer (&self->entries, g_free);
  g_clear_pointer (&self->pending, g_array_unref);
  self->n_entries = 0;
}

int
_cs_cell_grid_coord (const CsCellGrid *self,
                     double            value,
                     double            origin)
{
  double c = floor ((value - origin) / self->cell);

  if (!(c > -COORD_LIMIT))
    return (int)-COORD_LIMIT;
  if (c > COORD_LIMIT)
    return (int)COORD_LIMIT;
  return (int)c;
}

static inline guint
bucket_of (const CsCellGrid *self,
           int               cx,
           int               cy)
{
  guint32 h = (guint32)cx * 73856093u ^ (guint32)cy * 19349663u;

  h ^= h >> 15;
  h *= 0x2c1b3c6du;
  h ^= h >> 12;
  return h & self->mask;
}

void
_cs_cell_grid_add (CsCellGrid *self,
                   guint       item,
                   int         cx,
                   int         cy)
{
  CsCellEntry entry = { item, cx, cy };

  g_assert (self->pending != NULL);
  g_array_append_val (self->pending, entry);
}

/* every cell the box touches */
void
_cs_cell_grid_add_box (CsCellGrid *self,
                       guint       item,
                       double      x0,
                       double      y0,
                       double      x1,
                       double      y1)
{
  int cx0 = _cs_cell_grid_coord (self, x0, self->origin_x);
  int cx1 = _cs_cell_grid_coord (self, x1, self->origin_x);
  int cy0 = _cs_cell_grid_coord (self, y0, self->origin_y);
  int cy1 = _cs_cell_grid_coord (self, y1, self->origin_y);

  for (int cy = cy0; cy <= cy1; cy++)
    for (int cx = cx0; cx <= cx1; cx++)
      _cs_cell_grid_add (self, item, cx, cy);
}

void
_cs_cell_grid_seal (CsCellGrid *self)
{
  guint n = self->pending->len;
  const CsCellEntry *pending = (const CsCellEntry *)(gpointer)self->pending->data;
  guint n_buckets = 16;

  while (n_buckets < n && n_buckets < (1u << 30))
    n_buckets <<= 1;
  self->mask = n_buckets - 1;
  self->start = g_new0 (guint, n_buckets + 1);
  self->entries = g_new (CsCellEntry, MAX (n, 1));
  self->n_entries = n;

  for (guint i = 0; i < n; i++)
    self->start[bucket_of (self, pending[i].cx, pending[i].cy) + 1]++;
  for (guint b = 0; b < n_buckets; b++)
    self->start[b + 1] += self->start[b];
  {
    g_autofree guint *fill = g_memdup2 (self->start, n_buckets * sizeof (guint));

    for (guint i = 0; i < n; i++)
      self->entries[fill[bucket_of (self, pending[i].cx, pending[i].cy)]++] = pending[i];
  }
  g_clear_pointer (&self->pending, g_array_unref);
}

const CsCellEntry *
_cs_cell_grid_bucket (const CsCellGrid *self,
                      int               cx,
                      int               cy,
                      guint            *n_entries)
{
  guint b;

  g_assert (self->start != NULL);

  b = bucket_of (self, cx, cy);
  *n_entries = self->start[b + 1] - self->start[b];
  return self->entries + self->start[b];
}
