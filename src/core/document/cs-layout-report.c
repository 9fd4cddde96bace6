/* cs-layout-report.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-layout-report.h"

#include "cs-export.h"
#include "cs-layout-quality.h"
#include "cs-node-radii.h"
#include "cs-view-state.h"

/**
 * cs_layout_report_measure:
 * @graph: a #CsGraph
 * @positions: positions of its nodes
 * @pinned: (array) (nullable): per node, whether it is pinned (drawn so)
 * @report: (out caller-allocates): the figures
 * @error: an export error, when the labels could not be placed
 *
 * Measures a picture on its geometry: node discs at the renderer's radii
 * (cs_node_radii_new()), the labels a default export (1600×1200, the
 * window's view state) draws where it draws them, straight-edge crossings
 * (estimated from a sample of edges when the edges are long and tangled)
 * and members nearest their own consortium. Each measure goes through a
 * grid of cells, so the cost grows as n log n, plus one export. Display-
 * free; any thread.
 *
 * Returns: %TRUE when @report is filled
 */
gboolean
cs_layout_report_measure (CsGraph         *graph,
                          CsPositions     *positions,
                          const gboolean  *pinned,
                          CsLayoutReport  *report,
                          GError         **error)
{
  g_autoptr(CsViewState) view = cs_view_state_new ();
  g_autoptr(CsScene) scene = NULL;
  g_autoptr(GArray) placed = g_array_new (FALSE, FALSE, sizeof (CsPlacedLabel));
  g_autoptr(GBytes) png = NULL;
  g_autofree double *radii = NULL;
  g_autofree double *device_xy = NULL;
  g_autofree double *device_r = NULL;
  g_autofree guint *label_nodes = NULL;
  g_autofree CsBounds *label_boxes = NULL;
  CsExportOptions options;
  guint n;

  g_return_val_if_fail (CS_IS_GRAPH (graph), FALSE);
  g_return_val_if_fail (positions != NULL, FALSE);
  g_return_val_if_fail (cs_positions_get_n_nodes (positions) == cs_graph_get_n_nodes (graph),
                        FALSE);
  g_return_val_if_fail (report != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *report = (CsLayoutReport) { 0 };
  n = cs_graph_get_n_nodes (graph);
  radii = cs_node_radii_new (graph);
  report->node_overlaps =
      cs_layout_quality_count_node_overlaps (n, cs_positions_get_xy (positions), radii);

  /* the labels a default export draws, where it draws them, against the
   * discs as that export draws them */
  cs_export_options_init (&options);
  cs_view_state_set_graph (view, graph);
  scene = cs_export_build_scene (graph, positions, pinned, view, &options);
  cs_scene_set_placed_labels (scene, placed);
  png = cs_export_scene_to_bytes (scene, &options, NULL, error);
  cs_scene_set_placed_labels (scene, NULL);
  if (png == NULL)
    return FALSE;
  device_xy = g_new (double, 2 * MAX (n, 1));
  device_r = g_new (double, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      cs_scene_node_to_device (scene, i, &device_xy[2 * i], &device_xy[2 * i + 1]);
      device_r[i] = cs_scene_get_node_radius (scene, i) * cs_scene_get_zoom (scene);
    }
  label_nodes = g_new (guint, MAX (placed->len, 1));
  label_boxes = g_new (CsBounds, MAX (placed->len, 1));
  for (guint l = 0; l < placed->len; l++)
    {
      label_nodes[l] = g_array_index (placed, CsPlacedLabel, l).node;
      label_boxes[l] = g_array_index (placed, CsPlacedLabel, l).bounds;
    }
  report->n_labels = placed->len;
  report->width = options.width;
  report->height = options.height;
  cs_layout_quality_count_label_overlaps (n, device_xy, device_r, placed->len, label_nodes,
                                          label_boxes, &report->label_label,
                                          &report->label_node);

  report->crossings = cs_layout_quality_count_crossings (graph, positions,
                                                         &report->crossings_estimated);
  report->n_nearest = cs_layout_quality_count_nearest_consortium (graph, positions,
                                                                  &report->n_members);
  return TRUE;
}
