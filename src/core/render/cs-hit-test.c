/* cs-hit-test.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-renderer.h"

#include "cs-render-private.h"

#include <math.h>

/* Which node is under a point, with the drawing's own geometry: the node
 * drawn last (the highest index) is on top. */

#define HIT_SLOP 3.0 /* device units */

static gboolean
hits (const CsScene *scene,
      guint          node,
      double         x,
      double         y)
{
  double nx, ny;
  double r = scene->content->radius[node] * scene->zoom + HIT_SLOP;

  cs_scene_node_to_device (scene, node, &nx, &ny);
  return (x - nx) * (x - nx) + (y - ny) * (y - ny) <= r * r;
}

/**
 * cs_renderer_hit_test:
 * @scene: a scene
 * @x: a device x
 * @y: a device y
 *
 * Looks at every node; see cs_renderer_hit_test_indexed() for many tests.
 * Nodes the filter leaves out are never hit.
 *
 * Returns: the index of the node under (@x, @y), or -1
 */
int
cs_renderer_hit_test (const CsScene *scene,
                      double         x,
                      double         y)
{
  g_return_val_if_fail (scene != NULL, -1);

  for (guint i = cs_graph_get_n_nodes (scene->content->graph); i-- > 0;)
    {
      if (cs_scene_is_node_shown (scene, i) && hits (scene, i, x, y))
        return i;
    }
  return -1;
}

/**
 * cs_renderer_build_hit_index:
 * @scene: a scene
 *
 * Indexes the nodes' hit areas for cs_renderer_hit_test_indexed(), in
 * world units: the index stays valid while the scene is panned, until
 * its zoom changes.
 *
 * Returns: (transfer full): the index
 */
CsSpatialGrid *
cs_renderer_build_hit_index (const CsScene *scene)
{
  CsSpatialGrid *index;
  double z;

  g_return_val_if_fail (scene != NULL, NULL);

  z = MAX (scene->zoom, 1e-9);
  index = cs_spatial_grid_new (64 / z);
  for (guint i = 0; i < cs_graph_get_n_nodes (scene->content->graph); i++)
    {
      double x = cs_positions_get_x (scene->content->positions, i);
      double y = cs_positions_get_y (scene->content->positions, i);
      double r = scene->content->radius[i] + HIT_SLOP / z;

      if (cs_scene_is_node_shown (scene, i))
        cs_spatial_grid_insert (index, x - r, y - r, x + r, y + r, i);
    }
  return index;
}

/**
 * cs_renderer_hit_test_indexed:
 * @scene: a scene
 * @index: its index from cs_renderer_build_hit_index(), at the same zoom
 * @x: a device x
 * @y: a device y
 *
 * Like cs_renderer_hit_test(), looking only at the nodes near the point.
 *
 * Returns: the node under (@x, @y), or -1
 */
int
cs_renderer_hit_test_indexed (const CsScene *scene,
                              CsSpatialGrid *index,
                              double         x,
                              double         y)
{
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (guint));
  double z;
  int best = -1;

  g_return_val_if_fail (scene != NULL, -1);
  g_return_val_if_fail (index != NULL, -1);

  z = MAX (scene->zoom, 1e-9);
  cs_spatial_grid_query_point (index, (x - scene->offset_x) / z, (y - scene->offset_y) / z,
                               candidates);
  for (guint c = 0; c < candidates->len; c++)
    {
      guint i = g_array_index (candidates, guint, c);

      if ((int)i > best && hits (scene, i, x, y))
        best = i;
    }
  return best;
}

/* the distance from (@x, @y) to the segment from (@ax, @ay) to (@bx, @by) */
static double
segment_distance (double x,
                  double y,
                  double ax,
                  double ay,
                  double bx,
                  double by)
{
  double dx = bx - ax, dy = by - ay;
  double length2 = dx * dx + dy * dy;
  double t = length2 > 0 ? ((x - ax) * dx + (y - ay) * dy) / length2 : 0;

  t = CLAMP (t, 0, 1);
  dx = ax + t * dx - x;
  dy = ay + t * dy - y;
  return sqrt (dx * dx + dy * dy);
}

/* a bent link, followed in this many straight pieces */
#define CURVE_PIECES 16

static double
edge_distance (const CsEdgeGeometry *g,
               double                x,
               double                y)
{
  double best = G_MAXDOUBLE, px = g->x0, py = g->y0;

  if (!g->curved)
    return segment_distance (x, y, g->x0, g->y0, g->ex, g->ey);
  for (guint i = 1; i <= CURVE_PIECES; i++)
    {
      double t = (double)i / CURVE_PIECES, u = 1 - t;
      double qx = u * u * u * g->x0 + 3 * u * u * t * g->c1x + 3 * u * t * t * g->c2x +
                  t * t * t * g->ex;
      double qy = u * u * u * g->y0 + 3 * u * u * t * g->c1y + 3 * u * t * t * g->c2y +
                  t * t * t * g->ey;

      best = MIN (best, segment_distance (x, y, px, py, qx, qy));
      px = qx, py = qy;
    }
  return best;
}

/**
 * cs_renderer_hit_test_edge:
 * @scene: a scene
 * @x: a device x
 * @y: a device y
 * @tolerance: how far from a link's course a point still hits it, in
 *   device units
 *
 * The link nearest (@x, @y) within @tolerance, along the course the
 * drawing gives it (bent ones followed closely). Links the filter leaves
 * out are never hit. Looks at every link, skipping those whose box is
 * away from the point: for a click, not for every motion of the pointer.
 *
 * Returns: the link's index, or -1
 */
int
cs_renderer_hit_test_edge (const CsScene *scene,
                           double         x,
                           double         y,
                           double         tolerance)
{
  CsGraph *graph;
  double best = tolerance;
  int found = -1;

  g_return_val_if_fail (scene != NULL, -1);

  graph = scene->content->graph;
  for (guint e = 0; e < cs_graph_get_n_edges (graph); e++)
    {
      const CsEdge *edge = cs_graph_get_edge (graph, e);
      double sx, sy, tx, ty, d;
      CsEdgeGeometry g;

      if (!_cs_scene_edge_shown (scene, e) || !cs_scene_is_node_shown (scene, edge->source) ||
          !cs_scene_is_node_shown (scene, edge->target))
        continue;
      cs_scene_node_to_device (scene, edge->source, &sx, &sy);
      cs_scene_node_to_device (scene, edge->target, &tx, &ty);
      /* the box of the ends, grown for a bend */
      {
        double pad = tolerance + 0.3 * hypot (tx - sx, ty - sy);

        if (x < MIN (sx, tx) - pad || x > MAX (sx, tx) + pad || y < MIN (sy, ty) - pad ||
            y > MAX (sy, ty) + pad)
          continue;
      }
      if (!_cs_render_edge_geometry (scene, e, &g))
        continue;
      d = edge_distance (&g, x, y);
      if (d <= best)
        {
          best = d;
          found = (int)e;
        }
    }
  return found;
}
