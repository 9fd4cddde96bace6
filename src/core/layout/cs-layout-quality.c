/* cs-layout-quality.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-layout-quality.h"
#include "cs-layout-quality-private.h"

#include "cs-cell-grid-private.h"

#include <math.h>
#include <stdlib.h>

/* How good a picture is, measured on its geometry: discs on discs, labels
 * on labels or discs, edges crossing edges, members away from their team.
 * Each measure goes through a grid of cells, so it costs n log n for a
 * picture of bounded density rather than a test of every pair. */

/* past this many cells walked or pairs tested, crossings are estimated
 * from a sample of edges instead (a tangle of long edges has quadratically
 * many crossings: no exact count is cheap then) */
#define CROSSING_CELL_BUDGET  (1u << 25)
#define CROSSING_PAIR_BUDGET  (1u << 26)
#define CROSSING_SAMPLE       256
#define CROSSING_MAX_CELLS    4096
#define CROSSING_SAMPLE_SEED  20251010

/**
 * cs_layout_quality_count_node_overlaps:
 * @n_nodes: how many nodes
 * @xy: (array): x then y of each node
 * @radii: (array): each node's radius, in the units of @xy
 *
 * Returns: the number of pairs of nodes whose discs overlap
 */
guint
cs_layout_quality_count_node_overlaps (guint         n_nodes,
                                       const double *xy,
                                       const double *radii)
{
  CsCellGrid grid;
  double r_max = 0;
  guint count = 0;

  g_return_val_if_fail (n_nodes == 0 || (xy != NULL && radii != NULL), 0);

  for (guint i = 0; i < n_nodes; i++)
    r_max = MAX (r_max, radii[i]);
  if (n_nodes < 2 || r_max <= 0)
    return 0;

  _cs_cell_grid_init (&grid, 0, 0, 2 * r_max);
  for (guint i = 0; i < n_nodes; i++)
    _cs_cell_grid_add (&grid, i, _cs_cell_grid_coord (&grid, xy[2 * i], 0),
                       _cs_cell_grid_coord (&grid, xy[2 * i + 1], 0));
  _cs_cell_grid_seal (&grid);

  for (guint i = 0; i < n_nodes; i++)
    {
      int cx = _cs_cell_grid_coord (&grid, xy[2 * i], 0);
      int cy = _cs_cell_grid_coord (&grid, xy[2 * i + 1], 0);

      for (int dy = -1; dy <= 1; dy++)
        for (int dx = -1; dx <= 1; dx++)
          {
            guint n_entries;
            const CsCellEntry *entries = _cs_cell_grid_bucket (&grid, cx + dx, cy + dy,
                                                               &n_entries);

            for (guint k = 0; k < n_entries; k++)
              {
                guint j = entries[k].item;
                double ex, ey, need;

                if (j <= i || entries[k].cx != cx + dx || entries[k].cy != cy + dy)
                  continue;
                ex = xy[2 * j] - xy[2 * i];
                ey = xy[2 * j + 1] - xy[2 * i + 1];
                need = radii[i] + radii[j];
                count += ex * ex + ey * ey < need * need;
              }
          }
    }
  _cs_cell_grid_clear (&grid);
  return count;
}

static gboolean
box_hits_disc (const CsBounds *box,
               double          x,
               double          y,
               double          r)
{
  double nx = CLAMP (x, box->x0, box->x1);
  double ny = CLAMP (y, box->y0, box->y1);

  return (nx - x) * (nx - x) + (ny - y) * (ny - y) < r * r;
}

/**
 * cs_layout_quality_count_label_overlaps:
 * @n_nodes: how many nodes
 * @xy: (array): x then y of each node, in the units of the label boxes
 * @radii: (array): each node's radius, in the same units
 * @n_labels: how many labels were drawn
 * @label_nodes: (array length=n_labels): the node each label names
 * @label_boxes: (array length=n_labels): where each label was drawn
 * @label_label: (out) (optional): pairs of labels that overlap
 * @label_node: (out) (optional): labels that cover another node's disc,
 *   counted once per disc
 *
 * Returns: the sum of both counts
 */
guint
cs_layout_quality_count_label_overlaps (guint           n_nodes,
                                        const double   *xy,
                                        const double   *radii,
                                        guint           n_labels,
                                        const guint    *label_nodes,
                                        const CsBounds *label_boxes,
                                        guint          *label_label,
                                        guint          *label_node)
{
  CsCellGrid grid;
  double side = 0;
  guint n_ll = 0, n_ln = 0;

  g_return_val_if_fail (n_nodes == 0 || (xy != NULL && radii != NULL), 0);
  g_return_val_if_fail (n_labels == 0 || (label_nodes != NULL && label_boxes != NULL), 0);

  if (label_label != NULL)
    *label_label = 0;
  if (label_node != NULL)
    *label_node = 0;
  if (n_labels == 0)
    return 0;

  /* cells about a label's height: wide labels cover a few, discs one to four */
  for (guint l = 0; l < n_labels; l++)
    side += MIN (label_boxes[l].x1 - label_boxes[l].x0, label_boxes[l].y1 - label_boxes[l].y0);
  side = MAX (side / n_labels, 1e-6);
  for (guint i = 0; i < n_nodes; i++)
    side = MAX (side, radii[i]);

  _cs_cell_grid_init (&grid, 0, 0, side);
  for (guint l = 0; l < n_labels; l++)
    _cs_cell_grid_add_box (&grid, l, label_boxes[l].x0, label_boxes[l].y0, label_boxes[l].x1,
                           label_boxes[l].y1);
  for (guint i = 0; i < n_nodes; i++)
    _cs_cell_grid_add_box (&grid, n_labels + i, xy[2 * i] - radii[i], xy[2 * i + 1] - radii[i],
                           xy[2 * i] + radii[i], xy[2 * i + 1] + radii[i]);
  _cs_cell_grid_seal (&grid);

  /* a pair is counted in the one cell that holds the low corner of where
   * their boxes meet: both cover that cell */
  for (guint b = 0; b <= grid.mask; b++)
    {
      const CsCellEntry *entries = grid.entries + grid.start[b];
      guint n_entries = grid.start[b + 1] - grid.start[b];

      for (guint p = 0; p < n_entries; p++)
        {
          guint a = entries[p].item;
          const CsBounds *box;

          if (a >= n_labels)
            continue;
          box = &label_boxes[a];
          for (guint q = 0; q < n_entries; q++)
            {
              guint other = entries[q].item;
              double mx, my;

              if (q == p || entries[q].cx != entries[p].cx || entries[q].cy != entries[p].cy)
                continue;
              if (other < n_labels)
                {
                  const CsBounds *o = &label_boxes[other];

                  if (other < a || box->x0 >= o->x1 || o->x0 >= box->x1 || box->y0 >= o->y1 ||
                      o->y0 >= box->y1)
                    continue;
                  mx = MAX (box->x0, o->x0);
                  my = MAX (box->y0, o->y0);
                  if (_cs_cell_grid_coord (&grid, mx, 0) == entries[p].cx &&
                      _cs_cell_grid_coord (&grid, my, 0) == entries[p].cy)
                    n_ll++;
                }
              else
                {
                  guint node = other - n_labels;
                  double x = xy[2 * node], y = xy[2 * node + 1], r = radii[node];

                  if (node == label_nodes[a] || !box_hits_disc (box, x, y, r))
                    continue;
                  mx = MAX (box->x0, x - r);
                  my = MAX (box->y0, y - r);
                  if (_cs_cell_grid_coord (&grid, mx, 0) == entries[p].cx &&
                      _cs_cell_grid_coord (&grid, my, 0) == entries[p].cy)
                    n_ln++;
                }
            }
        }
    }
  _cs_cell_grid_clear (&grid);

  if (label_label != NULL)
    *label_label = n_ll;
  if (label_node != NULL)
    *label_node = n_ln;
  return n_ll + n_ln;
}

/* Crossings */

typedef struct
{
  double ax, ay, bx, by;
  guint  a, b;
} Segment;

static int
compare_pairs (const void *a,
               const void *b)
{
  guint64 pa = *(const guint64 *)a, pb = *(const guint64 *)b;

  return (pa > pb) - (pa < pb);
}

static Segment
make_segment (guint         a,
              guint         b,
              const double *xy)
{
  Segment s = { xy[2 * a], xy[2 * a + 1], xy[2 * b], xy[2 * b + 1], a, b };

  /* left to right, so a segment's cells are walked in one direction */
  if (s.bx < s.ax)
    s = (Segment) { xy[2 * b], xy[2 * b + 1], xy[2 * a], xy[2 * a + 1], b, a };
  return s;
}

/* each drawn line once: repeated claims about a link share one line */
static GArray *
collect_segments (CsGraph     *graph,
                  CsPositions *positions)
{
  guint n_edges = cs_graph_get_n_edges (graph);
  g_autofree guint64 *pairs = g_new (guint64, MAX (n_edges, 1));
  GArray *segments = g_array_new (FALSE, FALSE, sizeof (Segment));
  guint n_pairs = 0;

  for (guint e = 0; e < n_edges; e++)
    {
      const CsEdge *edge = cs_graph_get_edge (graph, e);
      guint a = MIN (edge->source, edge->target), b = MAX (edge->source, edge->target);

      if (a != b)
        pairs[n_pairs++] = ((guint64)a << 32) | b;
    }
  qsort (pairs, n_pairs, sizeof (guint64), compare_pairs);
  for (guint k = 0; k < n_pairs; k++)
    {
      Segment s;

      if (k > 0 && pairs[k] == pairs[k - 1])
        continue;
      s = make_segment (pairs[k] >> 32, pairs[k] & 0xffffffffu, cs_positions_get_xy (positions));
      g_array_append_val (segments, s);
    }
  return segments;
}

static inline double
orient (double ax,
        double ay,
        double bx,
        double by,
        double cx,
        double cy)
{
  return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
}

/* TRUE when the two segments cross at one point inside both; segments that
 * share an end, touch or run along each other do not cross. */
static gboolean
segments_cross (const Segment *s,
                const Segment *t,
                double        *px,
                double        *py)
{
  double d1, d2, d3, d4, u;

  if (s->a == t->a || s->a == t->b || s->b == t->a || s->b == t->b)
    return FALSE;
  if (MAX (s->ax, s->bx) < MIN (t->ax, t->bx) || MAX (t->ax, t->bx) < MIN (s->ax, s->bx) ||
      MAX (s->ay, s->by) < MIN (t->ay, t->by) || MAX (t->ay, t->by) < MIN (s->ay, s->by))
    return FALSE;
  d1 = orient (t->ax, t->ay, t->bx, t->by, s->ax, s->ay);
  d2 = orient (t->ax, t->ay, t->bx, t->by, s->bx, s->by);
  d3 = orient (s->ax, s->ay, s->bx, s->by, t->ax, t->ay);
  d4 = orient (s->ax, s->ay, s->bx, s->by, t->bx, t->by);
  if (!((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) || !((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0)))
    return FALSE;
  if (px != NULL)
    {
      u = d1 / (d1 - d2);
      *px = s->ax + u * (s->bx - s->ax);
      *py = s->ay + u * (s->by - s->ay);
    }
  return TRUE;
}

/* the cells a segment passes through, column by column, each column's
 * rows widened by a hair so a crossing on a cell border is in both */
static guint64
cover_segment (CsCellGrid    *grid,
               const Segment *s,
               guint          item,
               gboolean       count_only)
{
  double cell = grid->cell, eps = cell * 1e-7;
  int c0 = _cs_cell_grid_coord (grid, s->ax - eps, grid->origin_x);
  int c1 = _cs_cell_grid_coord (grid, s->bx + eps, grid->origin_x);
  double dx = s->bx - s->ax;
  guint64 n = 0;

  /* a segment's cells number about its columns plus its rows */
  if (count_only)
    {
      int r0 = _cs_cell_grid_coord (grid, MIN (s->ay, s->by) - eps, grid->origin_y);
      int r1 = _cs_cell_grid_coord (grid, MAX (s->ay, s->by) + eps, grid->origin_y);

      return (guint64)((gint64)c1 - c0 + 1) + (guint64)((gint64)r1 - r0 + 1);
    }

  for (int c = c0; c <= c1; c++)
    {
      double x0 = MAX (s->ax, grid->origin_x + c * cell);
      double x1 = MIN (s->bx, grid->origin_x + (c + 1) * cell);
      double y0, y1;
      int r0, r1;

      if (dx > 0)
        {
          /* the column's share of the segment, as fractions along it: a
           * column the widening reached past an end holds only that end
           * (an edge a hair off vertical must not extrapolate to a huge
           * height) */
          double t0 = CLAMP ((MIN (x0, x1) - s->ax) / dx, 0, 1);
          double t1 = CLAMP ((MAX (x0, x1) - s->ax) / dx, 0, 1);

          y0 = s->ay + t0 * (s->by - s->ay);
          y1 = s->ay + t1 * (s->by - s->ay);
        }
      else
        y0 = s->ay, y1 = s->by;
      r0 = _cs_cell_grid_coord (grid, MIN (y0, y1) - eps, grid->origin_y);
      r1 = _cs_cell_grid_coord (grid, MAX (y0, y1) + eps, grid->origin_y);
      n += (guint64)(r1 - r0 + 1);
      for (int r = r0; r <= r1; r++)
        _cs_cell_grid_add (grid, item, c, r);
    }
  return n;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

static guint64
count_crossings_sampled (const Segment *segments,
                         guint          m)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (CROSSING_SAMPLE_SEED);
  guint64 found = 0;

  for (guint k = 0; k < CROSSING_SAMPLE; k++)
    {
      const Segment *s = &segments[g_rand_int_range (rand, 0, m)];

      for (guint t = 0; t < m; t++)
        found += segments_cross (s, &segments[t], NULL, NULL);
    }
  /* each crossing has two edges that could have been drawn */
  return (guint64)llround ((double)found * m / (2.0 * CROSSING_SAMPLE));
}

/* the count over @segments (each drawn line once, left end first) */
static guint64
count_crossings (const Segment *segments,
                 guint          m,
                 gboolean      *estimated)
{
  g_autofree double *lengths = NULL;
  CsCellGrid grid;
  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, cell;
  guint64 n_cells = 0, n_pairs = 0, count = 0;

  if (estimated != NULL)
    *estimated = FALSE;
  if (m < 2)
    return 0;

  lengths = g_new (double, m);
  for (guint k = 0; k < m; k++)
    {
      lengths[k] = hypot (segments[k].bx - segments[k].ax, segments[k].by - segments[k].ay);
      x0 = MIN (x0, segments[k].ax);
      y0 = MIN (y0, MIN (segments[k].ay, segments[k].by));
    }
  qsort (lengths, m, sizeof (double), compare_doubles);
  cell = lengths[m / 2];
  if (!(cell > 0))
    cell = lengths[m - 1] > 0 ? lengths[m - 1] : 1;
  /* a few edges far longer than the rest: cells no finer than a
   * CROSSING_MAX_CELLS-th of the picture, so one edge never walks more */
  {
    double x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;

    for (guint k = 0; k < m; k++)
      {
        x1 = MAX (x1, segments[k].bx);
        y1 = MAX (y1, MAX (segments[k].ay, segments[k].by));
      }
    cell = MAX (cell, MAX (x1 - x0, y1 - y0) / CROSSING_MAX_CELLS);
  }

  _cs_cell_grid_init (&grid, x0, y0, cell);
  for (guint k = 0; k < m && n_cells <= CROSSING_CELL_BUDGET; k++)
    n_cells += cover_segment (&grid, &segments[k], k, TRUE);
  if (n_cells > CROSSING_CELL_BUDGET)
    goto sample;

  for (guint k = 0; k < m; k++)
    cover_segment (&grid, &segments[k], k, FALSE);
  _cs_cell_grid_seal (&grid);
  /* bucket sizes bound the pairs of each cell they hold */
  for (guint b = 0; b <= grid.mask; b++)
    {
      guint64 k = grid.start[b + 1] - grid.start[b];

      n_pairs += k * (k - 1) / 2;
    }
  if (n_pairs > CROSSING_PAIR_BUDGET)
    goto sample;

  for (guint b = 0; b <= grid.mask; b++)
    {
      const CsCellEntry *entries = grid.entries + grid.start[b];
      guint n_entries = grid.start[b + 1] - grid.start[b];

      for (guint p = 0; p < n_entries; p++)
        for (guint q = p + 1; q < n_entries; q++)
          {
            double px, py;

            if (entries[q].cx != entries[p].cx || entries[q].cy != entries[p].cy)
              continue;
            /* counted in the cell where they cross, once */
            if (segments_cross (&segments[entries[p].item], &segments[entries[q].item], &px,
                                &py) &&
                _cs_cell_grid_coord (&grid, px, grid.origin_x) == entries[p].cx &&
                _cs_cell_grid_coord (&grid, py, grid.origin_y) == entries[p].cy)
              count++;
          }
    }
  _cs_cell_grid_clear (&grid);
  return count;

sample:
  _cs_cell_grid_clear (&grid);
  if (estimated != NULL)
    *estimated = TRUE;
  return count_crossings_sampled (segments, m);
}

/**
 * cs_layout_quality_count_crossings:
 * @graph: a #CsGraph
 * @positions: positions of its nodes
 * @estimated: (out) (optional): %TRUE when the figure is an estimate
 *
 * Counts the pairs of straight edges that cross (edges that share a node
 * never do; repeated claims about one link are one edge). Edges are
 * walked through a grid of cells about a median edge long and pairs
 * tested only within a cell, so a picture of short edges costs about
 * n log n. When the edges are so long and tangled that this would test too
 * many pairs, the count is estimated from a fixed sample of edges, each
 * tested against all the others.
 *
 * Returns: the number of crossings
 */
guint64
cs_layout_quality_count_crossings (CsGraph     *graph,
                                   CsPositions *positions,
                                   gboolean    *estimated)
{
  g_autoptr(GArray) array = NULL;

  g_return_val_if_fail (CS_IS_GRAPH (graph), 0);
  g_return_val_if_fail (positions != NULL, 0);
  g_return_val_if_fail (cs_positions_get_n_nodes (positions) == cs_graph_get_n_nodes (graph), 0);

  array = collect_segments (graph, positions);
  return count_crossings ((const Segment *)(gpointer)array->data, array->len, estimated);
}

/**
 * _cs_layout_quality_count_crossings_xy:
 * @n_edges: how many edges
 * @edges: (array): two node indices per edge, each pair once, no loops
 * @xy: (array): x then y of each node
 * @estimated: (out) (optional): %TRUE when the figure is an estimate
 *
 * cs_layout_quality_count_crossings() for a layout in progress.
 *
 * Returns: the number of crossings
 */
guint64
_cs_layout_quality_count_crossings_xy (guint         n_edges,
                                       const guint  *edges,
                                       const double *xy,
                                       gboolean     *estimated)
{
  g_autofree Segment *segments = g_new (Segment, MAX (n_edges, 1));

  for (guint k = 0; k < n_edges; k++)
    segments[k] = make_segment (edges[2 * k], edges[2 * k + 1], xy);
  return count_crossings (segments, n_edges, estimated);
}

/* Nearest consortium */

static gboolean
any_closer (const CsCellGrid *grid,
            const double     *cxy,
            int               min_cx,
            int               max_cx,
            int               min_cy,
            int               max_cy,
            double            x,
            double            y,
            guint             own,
            double            own_d2)
{
  int qx = _cs_cell_grid_coord (grid, x, grid->origin_x);
  int qy = _cs_cell_grid_coord (grid, y, grid->origin_y);
  int reach = MAX (MAX (ABS (qx - min_cx), ABS (qx - max_cx)),
                   MAX (ABS (qy - min_cy), ABS (qy - max_cy)));

  for (int ring = 0; ring <= reach; ring++)
    {
      /* cells of ring r + 1 are at least r cells away */
      double near = (ring - 1) * grid->cell;

      if (ring > 0 && near > 0 && near * near >= own_d2)
        return FALSE;
      for (int cy = qy - ring; cy <= qy + ring; cy++)
        {
          int step = (cy == qy - ring || cy == qy + ring) ? 1 : 2 * ring;

          for (int cx = qx - ring; cx <= qx + ring; cx += MAX (step, 1))
            {
              guint n_entries;
              const CsCellEntry *entries = _cs_cell_grid_bucket (grid, cx, cy, &n_entries);

              for (guint k = 0; k < n_entries; k++)
                {
                  guint c = entries[k].item;
                  double ex = cxy[2 * c] - x, ey = cxy[2 * c + 1] - y;

                  if (entries[k].cx != cx || entries[k].cy != cy || c == own)
                    continue;
                  if (ex * ex + ey * ey < own_d2)
                    return TRUE;
                }
            }
        }
    }
  return FALSE;
}

/**
 * cs_layout_quality_count_nearest_consortium:
 * @graph: a #CsGraph
 * @positions: positions of its nodes
 * @n_members: (out): how many nodes lead or belong to exactly one
 *   consortium
 *
 * Returns: how many of those have their own consortium's node nearest
 *   (no other consortium node strictly closer)
 */
guint
cs_layout_quality_count_nearest_consortium (CsGraph     *graph,
                                            CsPositions *positions,
                                            guint       *n_members)
{
  guint n_nodes, n_consortia = 0, count = 0;
  g_autofree guint *home = NULL;       /* per node: consortium + 1, 0 none, G_MAXUINT many */
  g_autofree guint *slot = NULL;       /* per node: its index among consortia */
  g_autofree double *cxy = NULL;
  CsCellGrid grid;
  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE, cell;
  int min_cx = G_MAXINT, max_cx = G_MININT, min_cy = G_MAXINT, max_cy = G_MININT;

  g_return_val_if_fail (CS_IS_GRAPH (graph), 0);
  g_return_val_if_fail (positions != NULL, 0);
  g_return_val_if_fail (n_members != NULL, 0);
  g_return_val_if_fail (cs_positions_get_n_nodes (positions) == cs_graph_get_n_nodes (graph), 0);

  *n_members = 0;
  n_nodes = cs_graph_get_n_nodes (graph);
  home = g_new0 (guint, MAX (n_nodes, 1));
  slot = g_new (guint, MAX (n_nodes, 1));
  for (guint i = 0; i < n_nodes; i++)
    if (cs_graph_get_node (graph, i)->type == CS_NODE_TYPE_CONSORTIUM)
      slot[i] = n_consortia++;
  if (n_consortia == 0)
    return 0;

  for (guint e = 0; e < cs_graph_get_n_edges (graph); e++)
    {
      const CsEdge *edge = cs_graph_get_edge (graph, e);

      if ((edge->relation != CS_RELATION_MEMBER_OF && edge->relation != CS_RELATION_LEADS) ||
          cs_graph_get_node (graph, edge->target)->type != CS_NODE_TYPE_CONSORTIUM ||
          cs_graph_get_node (graph, edge->source)->type == CS_NODE_TYPE_CONSORTIUM)
        continue;
      if (home[edge->source] == 0)
        home[edge->source] = edge->target + 1;
      else if (home[edge->source] != edge->target + 1)
        home[edge->source] = G_MAXUINT;
    }

  cxy = g_new (double, 2 * n_consortia);
  for (guint i = 0; i < n_nodes; i++)
    if (cs_graph_get_node (graph, i)->type == CS_NODE_TYPE_CONSORTIUM)
      {
        double x = cs_positions_get_x (positions, i), y = cs_positions_get_y (positions, i);

        cxy[2 * slot[i]] = x;
        cxy[2 * slot[i] + 1] = y;
        x0 = MIN (x0, x), x1 = MAX (x1, x), y0 = MIN (y0, y), y1 = MAX (y1, y);
      }
  /* about one consortium per cell */
  cell = sqrt (MAX ((x1 - x0) * (y1 - y0), 0) / n_consortia);
  if (!(cell > 0))
    cell = MAX (MAX (x1 - x0, y1 - y0), 1.0);
  _cs_cell_grid_init (&grid, x0, y0, cell);
  for (guint c = 0; c < n_consortia; c++)
    {
      int cx = _cs_cell_grid_coord (&grid, cxy[2 * c], x0);
      int cy = _cs_cell_grid_coord (&grid, cxy[2 * c + 1], y0);

      _cs_cell_grid_add (&grid, c, cx, cy);
      min_cx = MIN (min_cx, cx), max_cx = MAX (max_cx, cx);
      min_cy = MIN (min_cy, cy), max_cy = MAX (max_cy, cy);
    }
  _cs_cell_grid_seal (&grid);

  for (guint i = 0; i < n_nodes; i++)
    {
      guint own;
      double x, y, ex, ey;

      if (home[i] == 0 || home[i] == G_MAXUINT)
        continue;
      own = slot[home[i] - 1];
      (*n_members)++;
      x = cs_positions_get_x (positions, i);
      y = cs_positions_get_y (positions, i);
      ex = cxy[2 * own] - x;
      ey = cxy[2 * own + 1] - y;
      if (!any_closer (&grid, cxy, min_cx, max_cx, min_cy, max_cy, x, y, own, ex * ex + ey * ey))
        count++;
    }
  _cs_cell_grid_clear (&grid);
  return count;
}
