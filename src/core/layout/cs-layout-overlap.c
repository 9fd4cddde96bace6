/* cs-layout-overlap.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-layout-overlap.h"
#include "cs-layout-overlap-private.h"

#include "cs-cell-grid-private.h"

#include <math.h>

/* Pushes overlapping discs apart along the line through their centres, in
 * sweeps over a grid whose cells are one largest disc (plus the gap) wide,
 * so a disc only meets the discs of its own and the eight cells around.
 * A sweep moves each pair as soon as it is seen (Gauss–Seidel), which
 * settles a crowd in a few sweeps; a crowd that keeps pushing back is
 * loosened about its centre now and then until it fits. */

#define MAX_SWEEPS      600
#define LOOSEN_AFTER    80
#define LOOSEN_EVERY    20
#define LOOSEN_FACTOR   1.05
#define SEPARATION_SLACK 1e-7

/* every CROWD_EVERY sweeps, crowds are spread when the pairs too close
 * fell by less than a fifth since the last look */
#define CROWD_EVERY     8

/* a fresh layout is zoomed until at most one node in ZOOM_ALLOWANCE still
 * overlaps another, by at most ZOOM_MAX */
#define ZOOM_ALLOWANCE  50
#define ZOOM_MAX        64.0
/* and by no more than this many times what the discs need in all */
#define ZOOM_ROOM       3.0
#define CROWD_STALLED   0.8

static inline double
pair_angle (guint i,
            guint j)
{
  guint32 h = (guint32)i * 2654435761u ^ ((guint32)j + 0x9e3779b9u) * 40503u;

  h ^= h >> 13;
  h *= 0x5bd1e995u;
  h ^= h >> 15;
  return (h % 65536u) * (2 * G_PI / 65536.0);
}

static gboolean
is_fixed (const gboolean *fixed,
          guint           i)
{
  return fixed != NULL && fixed[i];
}

/* Spreads the free nodes about their centre when their discs could not fit
 * in the box they take: no sweep can settle a crowd that has no room. */
static void
make_room (guint           n,
           double         *xy,
           const double   *radii,
           const gboolean *fixed,
           double          gap)
{
  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;
  double cx = 0, cy = 0, need = 0, have, r_max = 0;
  guint n_free = 0;

  for (guint i = 0; i < n; i++)
    {
      if (is_fixed (fixed, i))
        continue;
      x0 = MIN (x0, xy[2 * i]);
      x1 = MAX (x1, xy[2 * i]);
      y0 = MIN (y0, xy[2 * i + 1]);
      y1 = MAX (y1, xy[2 * i + 1]);
      cx += xy[2 * i];
      cy += xy[2 * i + 1];
      need += (2 * radii[i] + gap) * (2 * radii[i] + gap);
      r_max = MAX (r_max, radii[i]);
      n_free++;
    }
  if (n_free < 2)
    return;
  cx /= n_free;
  cy /= n_free;
  /* the box the discs take, not their centres': a picture on one line
   * has room along it */
  have = (x1 - x0 + 2 * r_max + gap) * (y1 - y0 + 2 * r_max + gap);
  if (have > 0 && have < need)
    {
      double factor = sqrt (need / have);

      for (guint i = 0; i < n; i++)
        if (!is_fixed (fixed, i))
          {
            xy[2 * i] = cx + (xy[2 * i] - cx) * factor;
            xy[2 * i + 1] = cy + (xy[2 * i + 1] - cy) * factor;
          }
    }
}

static void
loosen (guint           n,
        double         *xy,
        const gboolean *fixed)
{
  double cx = 0, cy = 0;

  for (guint i = 0; i < n; i++)
    {
      cx += xy[2 * i] / n;
      cy += xy[2 * i + 1] / n;
    }
  for (guint i = 0; i < n; i++)
    if (!is_fixed (fixed, i))
      {
        xy[2 * i] = cx + (xy[2 * i] - cx) * LOOSEN_FACTOR;
        xy[2 * i + 1] = cy + (xy[2 * i + 1] - cy) * LOOSEN_FACTOR;
      }
}

static guint
find (guint *parent,
      guint  i)
{
  while (parent[i] != i)
    {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
  return i;
}

/* Spreads each crowd that pairwise pushing cannot settle (nodes that
 * still overlap, joined through @parent) about its own centre, until its
 * discs would fit the box it takes: a jam in the middle of a dense
 * layout opens up at once instead of by a hair a sweep, and the rest of
 * the picture stays where it is. */
static void
spread_crowds (guint           n,
               double         *xy,
               const double   *radii,
               const gboolean *fixed,
               double          gap,
               guint          *parent)
{
  /* per root: sum x, sum y, count, need, then the box */
  g_autofree double *acc = g_new0 (double, 8 * (gsize)n);

  for (guint i = 0; i < n; i++)
    {
      guint r = find (parent, i);
      double *a = &acc[8 * r];

      if (a[2] == 0)
        {
          a[4] = a[6] = xy[2 * i];
          a[5] = a[7] = xy[2 * i + 1];
        }
      a[0] += xy[2 * i];
      a[1] += xy[2 * i + 1];
      a[2] += 1;
      a[3] += (2 * radii[i] + gap) * (2 * radii[i] + gap);
      a[4] = MIN (a[4], xy[2 * i]);
      a[5] = MIN (a[5], xy[2 * i + 1]);
      a[6] = MAX (a[6], xy[2 * i]);
      a[7] = MAX (a[7], xy[2 * i + 1]);
    }
  for (guint i = 0; i < n; i++)
    {
      const double *a = &acc[8 * find (parent, i)];
      double have, factor;

      if (a[2] < 3 || is_fixed (fixed, i))
        continue;
      have = (a[6] - a[4]) * (a[7] - a[5]);
      factor = have > 0 ? sqrt (a[3] / have) : 2;
      factor = CLAMP (factor, LOOSEN_FACTOR, 2);
      xy[2 * i] = a[0] / a[2] + (xy[2 * i] - a[0] / a[2]) * factor;
      xy[2 * i + 1] = a[1] / a[2] + (xy[2 * i + 1] - a[1] / a[2]) * factor;
    }
}

/* One sweep; returns how many pairs it found too close (pairs of fixed
 * nodes are counted in @stuck, not moved). */
static guint
sweep (guint           n,
       double         *xy,
       const double   *radii,
       const gboolean *fixed,
       double          gap,
       double          cell,
       guint          *parent,
       guint          *stuck)
{
  CsCellGrid grid;
  g_autofree int *cells = g_new (int, 2 * (gsize)n);
  guint n_close = 0;

  *stuck = 0;
  _cs_cell_grid_init (&grid, 0, 0, cell);
  for (guint i = 0; i < n; i++)
    {
      cells[2 * i] = _cs_cell_grid_coord (&grid, xy[2 * i], 0);
      cells[2 * i + 1] = _cs_cell_grid_coord (&grid, xy[2 * i + 1], 0);
      _cs_cell_grid_add (&grid, i, cells[2 * i], cells[2 * i + 1]);
    }
  _cs_cell_grid_seal (&grid);

  for (guint i = 0; i < n; i++)
    for (int dy = -1; dy <= 1; dy++)
      for (int dx = -1; dx <= 1; dx++)
        {
          int cx = cells[2 * i] + dx, cy = cells[2 * i + 1] + dy;
          guint n_entries;
          const CsCellEntry *entries = _cs_cell_grid_bucket (&grid, cx, cy, &n_entries);

          for (guint k = 0; k < n_entries; k++)
            {
              guint j = entries[k].item;
              double ex, ey, d2, d, need, push, ux, uy, wi, wj;
              gboolean fi, fj;

              if (j <= i || entries[k].cx != cx || entries[k].cy != cy)
                continue;
              need = radii[i] + radii[j] + gap;
              ex = xy[2 * j] - xy[2 * i];
              ey = xy[2 * j + 1] - xy[2 * i + 1];
              d2 = ex * ex + ey * ey;
              if (d2 >= need * need)
                continue;
              fi = is_fixed (fixed, i);
              fj = is_fixed (fixed, j);
              if (fi && fj)
                {
                  (*stuck)++;
                  continue;
                }
              n_close++;
              if (parent != NULL)
                parent[find (parent, i)] = find (parent, j);
              d = sqrt (d2);
              if (d <= need * 1e-9)
                {
                  double a = pair_angle (i, j);

                  ux = cos (a);
                  uy = sin (a);
                  d = 0;
                }
              else
                {
                  ux = ex / d;
                  uy = ey / d;
                }
              push = (need - d) * (1 + SEPARATION_SLACK) + need * SEPARATION_SLACK;
              wi = fi ? 0 : (fj ? 1 : 0.5);
              wj = fj ? 0 : (fi ? 1 : 0.5);
              xy[2 * i] -= ux * push * wi;
              xy[2 * i + 1] -= uy * push * wi;
              xy[2 * j] += ux * push * wj;
              xy[2 * j + 1] += uy * push * wj;
            }
        }

  _cs_cell_grid_clear (&grid);
  return n_close;
}

/**
 * cs_layout_remove_overlaps:
 * @n_nodes: how many nodes
 * @xy: (array) (inout): x then y of each node, moved in place
 * @radii: (array): each node's radius, in the units of @xy
 * @fixed: (array) (nullable): %TRUE for nodes that must not move
 * @gap: the room to leave between two discs
 *
 * Moves nodes apart until no two discs are closer than the sum of their
 * radii and @gap, each as little as the pass can: a layout keeps its
 * shape. Fixed nodes never move; only two fixed nodes can still overlap.
 * Time grows as n log n for a layout of bounded density (a grid of cells,
 * rebuilt each sweep). Deterministic.
 *
 * Returns: the number of pairs still too close (0 unless fixed nodes
 *   overlap each other)
 */
guint
cs_layout_remove_overlaps (guint           n_nodes,
                           double         *xy,
                           const double   *radii,
                           const gboolean *fixed,
                           double          gap)
{
  g_autofree guint *parent = NULL;
  double r_max = 0;
  guint n_close = 0, stuck = 0;

  g_return_val_if_fail (n_nodes == 0 || (xy != NULL && radii != NULL), 0);
  g_return_val_if_fail (gap >= 0 && isfinite (gap), 0);

  for (guint i = 0; i < n_nodes; i++)
    {
      g_return_val_if_fail (radii[i] >= 0 && isfinite (radii[i]), 0);
      g_return_val_if_fail (isfinite (xy[2 * i]) && isfinite (xy[2 * i + 1]), 0);
      r_max = MAX (r_max, radii[i]);
    }
  if (n_nodes < 2 || 2 * r_max + gap <= 0)
    return 0;

  make_room (n_nodes, xy, radii, fixed, gap);
  parent = g_new (guint, n_nodes);
  for (guint s = 0, last = G_MAXUINT; s < MAX_SWEEPS; s++)
    {
      gboolean check = s > 0 && s % CROWD_EVERY == 0;

      if (check)
        for (guint i = 0; i < n_nodes; i++)
          parent[i] = i;
      n_close = sweep (n_nodes, xy, radii, fixed, gap, 2 * r_max + gap, check ? parent : NULL,
                       &stuck);
      if (n_close == 0)
        break;
      /* a crowd that pushing does not thin out is spread as a whole */
      if (check)
        {
          if (n_close > last * CROWD_STALLED)
            spread_crowds (n_nodes, xy, radii, fixed, gap, parent);
          last = n_close;
        }
      if (s >= LOOSEN_AFTER && s % LOOSEN_EVERY == 0)
        loosen (n_nodes, xy, fixed);
    }
  return n_close + stuck;
}

/**
 * _cs_layout_separate:
 * @n_nodes: how many nodes
 * @xy: (array) (inout): x then y of each node, moved in place
 * @radii: (array): each node's radius
 * @fixed: (array) (nullable): %TRUE for nodes that must not move
 * @gap: the room to leave between two discs
 * @max_sweeps: at most this many sweeps
 *
 * The sweeps of cs_layout_remove_overlaps() alone: pairs pushed apart
 * where they meet, and nothing spread or loosened as a whole, so a packing
 * drawn together stays as tight as its discs allow.
 *
 * Returns: the number of pairs still too close after the last sweep
 */
guint
_cs_layout_separate (guint           n_nodes,
                     double         *xy,
                     const double   *radii,
                     const gboolean *fixed,
                     double          gap,
                     guint           max_sweeps)
{
  double r_max = 0;
  guint n_close = 0, stuck = 0;

  for (guint i = 0; i < n_nodes; i++)
    r_max = MAX (r_max, radii[i]);
  if (n_nodes < 2 || 2 * r_max + gap <= 0)
    return 0;
  for (guint s = 0; s < max_sweeps; s++)
    {
      n_close = sweep (n_nodes, xy, radii, fixed, gap, 2 * r_max + gap, NULL, &stuck);
      if (n_close == 0)
        break;
    }
  return n_close + stuck;
}

/* How many pairs of discs overlap once @xy is scaled by @factor, counting
 * no further than @limit + 1: a crowd costs no more than the limit. */
static guint
count_overlaps (guint         n,
                const double *xy,
                const double *radii,
                double        gap,
                double        r_max,
                double        factor,
                guint         limit)
{
  CsCellGrid grid;
  guint count = 0;

  _cs_cell_grid_init (&grid, 0, 0, 2 * r_max + gap);
  for (guint i = 0; i < n; i++)
    _cs_cell_grid_add (&grid, i, _cs_cell_grid_coord (&grid, xy[2 * i] * factor, 0),
                       _cs_cell_grid_coord (&grid, xy[2 * i + 1] * factor, 0));
  _cs_cell_grid_seal (&grid);
  for (guint i = 0; i < n && count <= limit; i++)
    {
      int ci = _cs_cell_grid_coord (&grid, xy[2 * i] * factor, 0);
      int cj = _cs_cell_grid_coord (&grid, xy[2 * i + 1] * factor, 0);

      for (int dy = -1; dy <= 1; dy++)
        for (int dx = -1; dx <= 1; dx++)
          {
            guint n_entries;
            const CsCellEntry *entries = _cs_cell_grid_bucket (&grid, ci + dx, cj + dy,
                                                               &n_entries);

            for (guint k = 0; k < n_entries && count <= limit; k++)
              {
                guint j = entries[k].item;
                double need = radii[i] + radii[j] + gap;

                if (j <= i || entries[k].cx != ci + dx || entries[k].cy != cj + dy)
                  continue;
                count += hypot (xy[2 * j] - xy[2 * i], xy[2 * j + 1] - xy[2 * i + 1]) * factor <
                         need;
              }
          }
    }
  _cs_cell_grid_clear (&grid);
  return count;
}

/**
 * _cs_layout_zoom_to_fit:
 * @n_nodes: how many nodes
 * @xy: (array) (inout): x then y of each node, scaled in place
 * @radii: (array): each node's radius
 * @gap: the room to leave between two discs
 *
 * Scales a fresh layout about its centre, as little as does, so that at
 * most one pair of discs per ZOOM_ALLOWANCE nodes still overlaps (and by
 * at most ZOOM_MAX): a crowded middle, as a force layout of a graph with
 * hubs has, then needs a few sweeps of the overlap pass instead of
 * hundreds, and the picture keeps its shape exactly. The factor is found
 * by doubling then halving, each count stopping at the allowance, so it
 * costs a few passes over the nodes whatever the crowd.
 *
 * Returns: the factor applied (1 when none was needed)
 */
double
_cs_layout_zoom_to_fit (guint         n_nodes,
                        double       *xy,
                        const double *radii,
                        double        gap)
{
  double r_max = 0, cx = 0, cy = 0, lo = 1, hi = 1, limit;
  /* a few pairs are for the pushing alone */
  guint allowance = MAX (n_nodes / ZOOM_ALLOWANCE, 2);
  g_autofree double *centred = NULL;

  for (guint i = 0; i < n_nodes; i++)
    r_max = MAX (r_max, radii[i]);
  if (n_nodes < 2 || 2 * r_max + gap <= 0)
    return 1;
  for (guint i = 0; i < n_nodes; i++)
    {
      cx += xy[2 * i] / n_nodes;
      cy += xy[2 * i + 1] / n_nodes;
    }
  centred = g_new (double, 2 * n_nodes);
  for (guint i = 0; i < n_nodes; i++)
    {
      centred[2 * i] = xy[2 * i] - cx;
      centred[2 * i + 1] = xy[2 * i + 1] - cy;
    }

  if (count_overlaps (n_nodes, centred, radii, gap, r_max, 1, allowance) <= allowance)
    return 1;
  /* no further than the discs need room overall: nodes a layout puts on
   * one spot (MDS does, for nodes with the same links) are pushed apart
   * where they are, not by zooming the whole picture out of sight */
  {
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0, need = 0;

    for (guint i = 0; i < n_nodes; i++)
      {
        x0 = MIN (x0, centred[2 * i]);
        x1 = MAX (x1, centred[2 * i]);
        y0 = MIN (y0, centred[2 * i + 1]);
        y1 = MAX (y1, centred[2 * i + 1]);
        need += (2 * radii[i] + gap) * (2 * radii[i] + gap);
      }
    /* the box the discs take, not their centres': a picture on one line
     * has room along it */
    x0 -= r_max, y0 -= r_max, x1 += r_max, y1 += r_max;
    limit = ZOOM_ROOM * sqrt (need / ((x1 - x0) * (y1 - y0)));
    limit = CLAMP (limit, 1, ZOOM_MAX);
  }
  while (hi < limit)
    {
      lo = hi;
      hi = MIN (2 * hi, limit);
      if (count_overlaps (n_nodes, centred, radii, gap, r_max, hi, allowance) <= allowance)
        break;
    }
  if (hi >= limit && count_overlaps (n_nodes, centred, radii, gap, r_max, hi, allowance) >
                         allowance)
    lo = hi;
  for (guint step = 0; step < 8 && lo < hi; step++)
    {
      double mid = (lo + hi) / 2;

      if (count_overlaps (n_nodes, centred, radii, gap, r_max, mid, allowance) <= allowance)
        hi = mid;
      else
        lo = mid;
    }
  for (guint i = 0; i < n_nodes; i++)
    {
      xy[2 * i] = cx + centred[2 * i] * hi;
      xy[2 * i + 1] = cy + centred[2 * i + 1] * hi;
    }
  return hi;
}
