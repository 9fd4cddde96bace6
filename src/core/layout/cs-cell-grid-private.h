/* cs-cell-grid-private.h
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A uniform grid of square cells over the plane, hashed into a table
 * about the size of what it holds, so a sparse picture costs no more than
 * a dense one. Items (nodes, edges, boxes) are added to the cells they
 * cover, then the grid is sealed and each cell lists its items. Built in
 * linear time by a counting sort; no allocation per cell. */
typedef struct
{
  guint item;
  int   cx;
  int   cy;
} CsCellEntry;

typedef struct
{
  double       origin_x;
  double       origin_y;
  double       cell;
  guint        mask;      /* n_buckets - 1, a power of two less one */
  guint       *start;     /* n_buckets + 1 offsets into entries */
  CsCellEntry *entries;   /* sorted by bucket */
  guint        n_entries;
  GArray      *pending;   /* CsCellEntry, until sealed */
} CsCellGrid;

void     _cs_cell_grid_init      (CsCellGrid        *self,
                                  double             origin_x,
                                  double             origin_y,
                                  double             cell);
void     _cs_cell_grid_clear     (CsCellGrid        *self);
int      _cs_cell_grid_coord     (const CsCellGrid  *self,
                                  double             value,
                                  double             origin);
void     _cs_cell_grid_add       (CsCellGrid        *self,
                                  guint              item,
                                  int                cx,
                                  int                cy);
void     _cs_cell_grid_add_box   (CsCellGrid        *self,
                                  guint              item,
                                  double             x0,
                                  double             y0,
                                  double             x1,
                                  double             y1);
void     _cs_cell_grid_seal      (CsCellGrid        *self);
/* the entries of the bucket holding cell (cx, cy): the caller skips those
 * whose cx, cy differ (other cells sharing the bucket) */
const CsCellEntry *_cs_cell_grid_bucket (const CsCellGrid *self,
                                         int               cx,
                                         int               cy,
                                         guint            *n_entries);

G_END_DECLS
