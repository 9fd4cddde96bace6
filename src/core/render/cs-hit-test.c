/* cs-hit-test.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-renderer.h"

#include "cs-render-private.h"

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
