/* cs-node-radii.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-node-radii.h"

#include "cs-render-style.h"
#include "cs-scene.h"

/**
 * cs_node_radii_new:
 * @graph: a #CsGraph
 *
 * The radius the renderer draws each node with in the default style, sized
 * by links (the larger of the two sizings), in world units: what a layout
 * keeps apart (cs_layout_params_set_radii()) and what the quality
 * measures test. Read from a scene built for the purpose, so it is the
 * renderer's own figure whatever its formula. Display-free; any thread.
 *
 * Returns: (transfer full) (array): one radius per node (at least one
 *   element)
 */
double *
cs_node_radii_new (CsGraph *graph)
{
  guint n;
  g_autoptr(CsPositions) origin = NULL;
  g_autoptr(CsScene) scene = NULL;
  CsRenderStyle style;
  double *radii;

  g_return_val_if_fail (CS_IS_GRAPH (graph), NULL);

  n = cs_graph_get_n_nodes (graph);
  radii = g_new0 (double, MAX (n, 1));
  origin = cs_positions_new (n, NULL);
  cs_render_style_init_default (&style, FALSE);
  scene = cs_scene_new (graph, origin, NULL, NULL, &style, 1, 1);
  for (guint i = 0; i < n; i++)
    radii[i] = cs_scene_get_node_radius (scene, i);
  cs_render_style_clear (&style);
  return radii;
}

/**
 * cs_node_radii_new_layout_params:
 * @graph: a #CsGraph
 *
 * What the window lays @graph out with when it opens:
 * cs_layout_params_new_for_graph() (the file's algorithm and seed, else the
 * default for its kind; its saved positions kept) with the renderer's node
 * radii from cs_node_radii_new(). The command line and the tests use it to
 * draw the window's picture.
 *
 * Returns: (transfer full): new parameters
 */
CsLayoutParams *
cs_node_radii_new_layout_params (CsGraph *graph)
{
  CsLayoutParams *params;
  g_autofree double *radii = NULL;

  g_return_val_if_fail (CS_IS_GRAPH (graph), NULL);

  params = cs_layout_params_new_for_graph (graph);
  radii = cs_node_radii_new (graph);
  cs_layout_params_set_radii (params, cs_graph_get_n_nodes (graph), radii);
  return params;
}
