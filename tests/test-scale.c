/* test-scale.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The `slow` suite: a 100,000-node graph written on one line, as most
 * tools write JSON, through every path that reads or shows it. Nothing
 * here is asserted on time (the benchmark measures); a path that is not
 * near linear does not finish within the test's timeout.
 */

#include "config.h"

#include "cs-document.h"
#include "cs-export.h"
#include "cs-import.h"
#include "cs-layout-cache.h"
#include "cs-layout.h"
#include "cs-layout-quality.h"
#include "cs-metrics.h"
#include "cs-node-radii.h"
#include "cs-renderer.h"
#include "test-support.h"

#include <glib/gstdio.h>
#include <math.h>

#define N_NODES 100000

static char *graph_text;

static guint
columns_before (const char *text,
                const char *at)
{
  return g_utf8_strlen (text, at - text) + 1;
}

static void
test_loads (void)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CsGraph) graph = cs_import_data (graph_text, strlen (graph_text), "scale.json", NULL,
                                             &problems, &error);
  CsNodeType consortium = CS_NODE_TYPE_CONSORTIUM;

  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpuint (cs_graph_get_n_nodes (graph), ==, N_NODES + N_NODES / 5000 + 2);
  g_assert_cmpuint (cs_graph_count_type (graph, consortium), ==, N_NODES / 5000 + 2);
  g_assert_cmpuint (cs_graph_get_n_edges (graph), ==,
                    2 * (N_NODES - 1) - 1 + N_NODES / 10);
  g_assert_null (strchr (graph_text, '\n'));
}

/* Problems near the start and the very end of the one line: each at its
 * exact column, counted in characters after thousands of Hangul ones. */
static void
test_problems_placed (void)
{
  g_autofree char *text = g_strdup (graph_text);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CsGraph) graph = NULL;
  char *first, *last;
  const CsProblem *a = NULL, *b = NULL;
  /* the generator's edges: two per node but the first two, then the
   * memberships */
  guint last_edge = 2 * (N_NODES - 1) - 1 + N_NODES / 10 - 1;

  /* nodes[5].type: a number; the last edge's target: a node nobody has */
  first = strstr (text, "\"type\": \"company\"}, {\"id\": \"n5\"");
  g_assert_nonnull (first);
  first = strstr (first + 1, "\"type\": \"");
  first += strlen ("\"type\": ");
  memcpy (first, "77777777", 8);
  for (char *p = first + 8; *p != '}'; p++)
    *p = ' ';
  last = g_strrstr (text, "\"target\": \"c");
  g_assert_nonnull (last);
  last += strlen ("\"target\": ");
  last[2] = 'x';

  graph = cs_import_data (text, strlen (text), "scale.json", NULL, &problems, &error);
  g_assert_null (graph);
  g_assert_error (error, CS_IMPORT_ERROR, CS_IMPORT_ERROR_TYPE);
  for (guint i = 0; i < problems->len; i++)
    {
      const CsProblem *problem = g_ptr_array_index (problems, i);

      if (g_strcmp0 (problem->path, "nodes[5].type") == 0)
        a = problem;
      if (g_str_has_prefix (problem->path, "edges[") && g_str_has_suffix (problem->path, ".target"))
        b = problem;
    }
  g_assert_cmpuint (problems->len, ==, 2);
  g_assert_nonnull (a);
  g_assert_nonnull (b);
  g_assert_cmpuint (a->line, ==, 1);
  g_assert_cmpuint (a->column, ==, columns_before (text, first));
  g_assert_cmpuint (b->line, ==, 1);
  g_assert_cmpuint (b->column, ==, columns_before (text, last));
  {
    g_autofree char *path = g_strdup_printf ("edges[%u].target", last_edge);

    g_assert_cmpstr (b->path, ==, path);
  }
  g_test_message ("last problem at 1:%u of a %zu-byte line", b->column, strlen (text));
}

/* The view and the scene at this size: filter, selection of a tenth of the
 * nodes at once, the scene, its hit index and a hit test, an export of the
 * filtered view to a small PNG. */
static void
test_view_and_scene (void)
{
  g_autoptr(CsGraph) graph = cs_import_data (graph_text, strlen (graph_text), NULL, NULL, NULL,
                                             NULL);
  guint n = cs_graph_get_n_nodes (graph);
  g_autofree double *xy = g_new (double, 2 * n);
  g_autofree guint *band = g_new (guint, n / 10);
  g_autoptr(CsPositions) positions = NULL;
  g_autoptr(CsViewState) view = cs_view_state_new ();
  g_autoptr(CsFilter) filter = cs_filter_new ();
  g_autoptr(CsScene) scene = NULL;
  g_autoptr(CsSpatialGrid) index = NULL;
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GError) error = NULL;
  CsExportOptions options;
  CsRenderStyle style;
  guint shown, selected;
  double x, y;

  /* a grid: the layout is not what is measured here */
  for (guint i = 0; i < n; i++)
    {
      xy[2 * i] = (i % 400) * 30.0;
      xy[2 * i + 1] = (i / 400) * 30.0;
    }
  positions = cs_positions_new (n, xy);
  cs_view_state_set_graph (view, graph);
  for (guint i = 0; i < n / 10; i++)
    band[i] = 10 * i;
  cs_view_state_select_nodes (view, band, n / 10, CS_SELECTION_REPLACE);
  cs_view_state_get_selection (view, &selected);
  g_assert_cmpuint (selected, ==, n / 10);
  cs_filter_set_type_shown (filter, "university", FALSE);
  cs_view_state_set_filter (view, filter);
  cs_view_state_count_shown (view, &shown, NULL);
  g_assert_cmpuint (shown, ==, n - N_NODES / 4);

  cs_render_style_init_default (&style, FALSE);
  scene = cs_scene_new (graph, positions, NULL, view, &style, 1600, 1200);
  cs_scene_fit (scene, 24);
  index = cs_renderer_build_hit_index (scene);
  cs_scene_node_to_device (scene, 0, &x, &y);
  /* zoomed out this far nodes overlap: the one on top answers, as the
   * plain test says */
  g_assert_cmpint (cs_renderer_hit_test_indexed (scene, index, x, y), >=, 0);
  g_assert_cmpint (cs_renderer_hit_test_indexed (scene, index, x, y), ==,
                   cs_renderer_hit_test (scene, x, y));

  cs_export_options_init (&options);
  options.width = 320;
  options.height = 240;
  png = cs_export_to_bytes (graph, positions, view, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (png), >, 1000);
  cs_render_style_clear (&style);
}

/* Betweenness at this size is an estimate from a sample of sources, in
 * bounded time, and it finds the hubs. */
static void
test_betweenness (void)
{
  g_autoptr(CsGraph) graph = cs_import_data (graph_text, strlen (graph_text), NULL, NULL, NULL,
                                             NULL);
  g_autoptr(GError) error = NULL;
  g_autofree double *values = NULL;
  guint n = cs_graph_get_n_nodes (graph), n_sources = 0, best = 0, higher = 0;

  values = cs_metrics_betweenness (graph, NULL, &n_sources, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_sources, <, n);
  g_assert_cmpuint (n_sources, >=, 64);
  for (guint i = 1; i < n; i++)
    if (values[i] > values[best])
      best = i;
  /* the greatest broker of a preferential-attachment graph is a hub: few
   * nodes have more links */
  for (guint i = 0; i < n; i++)
    higher += cs_graph_get_degree (graph, i) > cs_graph_get_degree (graph, best);
  g_test_message ("estimated from %u sources; the top broker has %u links, %u nodes more",
                  n_sources, cs_graph_get_degree (graph, best), higher);
  g_assert_cmpuint (higher, <, n / 100);
}

/* The command line on the file itself: mapped, read, counted. */
static void
test_cli_info (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cs-scale-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "scale.json", NULL);
  g_autofree char *out = NULL;
  g_autofree char *expected = g_strdup_printf ("Nodes: %u\n", N_NODES + N_NODES / 5000 + 2);
  const char *argv[] = { g_getenv ("CONSORTIA_BIN"), "--info", path, NULL };

  g_assert_nonnull (argv[0]);
  g_assert_true (g_file_set_contents (path, graph_text, -1, NULL));
  /* what it said and how it ended, should it fail (it did once in CI,
   * beside the sanitizer and valgrind runs, and never alone since) */
  {
    g_autofree char *err = NULL;
    g_autoptr(GError) error = NULL;
    int status = 0;

    g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
                                 &status, &error));
    if (!g_spawn_check_wait_status (status, &error))
      g_error ("consortia --info: %s; it said: %s", error->message, err);
  }
  g_assert_nonnull (strstr (out, expected));
  g_assert_nonnull (strstr (out, "Problems: 0\n"));
  g_unlink (path);
  g_rmdir (dir);
}

/* The layouts that take any size lay the graph out with no two discs
 * overlapping (the overlap pass included); the two that keep every pair
 * refuse at once. DrL and Sugiyama also take it, in a minute or more:
 * the benchmark (`bench layout 100000`) times them. */
static void
test_layouts (void)
{
  g_autoptr(CsGraph) graph = cs_import_data (graph_text, strlen (graph_text), NULL, NULL, NULL,
                                             NULL);
  g_autofree double *radii = cs_node_radii_new (graph);
  const CsLayoutAlgorithm any_size[] = {
    CS_LAYOUT_CONSORTIA, CS_LAYOUT_FRUCHTERMAN_REINGOLD, CS_LAYOUT_CIRCLE, CS_LAYOUT_GRID,
    CS_LAYOUT_STAR,
  };
  const CsLayoutAlgorithm refused[] = { CS_LAYOUT_KAMADA_KAWAI, CS_LAYOUT_MDS };
  guint n = cs_graph_get_n_nodes (graph);

  for (guint a = 0; a < G_N_ELEMENTS (any_size); a++)
    {
      g_autoptr(CsLayoutParams) params = cs_layout_params_new (any_size[a], 1);
      g_autoptr(CsPositions) positions = NULL;
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();

      cs_layout_params_set_radii (params, n, radii);
      positions = cs_layout_run (graph, params, NULL, &error);
      g_assert_no_error (error);
      g_test_message ("%s: %.1f s", cs_layout_algorithm_to_string (any_size[a]),
                      (g_get_monotonic_time () - start) / 1e6);
      g_assert_cmpuint (cs_layout_quality_count_node_overlaps (n, cs_positions_get_xy (positions),
                                                               radii), ==, 0);
      for (guint i = 0; i < n; i++)
        g_assert_true (isfinite (cs_positions_get_x (positions, i)) &&
                       isfinite (cs_positions_get_y (positions, i)));
    }
  for (guint a = 0; a < G_N_ELEMENTS (refused); a++)
    {
      g_autoptr(CsLayoutParams) params = cs_layout_params_new (refused[a], 1);
      g_autoptr(GError) error = NULL;

      g_assert_null (cs_layout_run (graph, params, NULL, &error));
      g_assert_error (error, CS_LAYOUT_ERROR, CS_LAYOUT_ERROR_TOO_LARGE);
    }
}

/* A tangle of long edges has quadratically many crossings: the count is
 * then estimated from a sample of edges, says so, and lands near the
 * count of every pair */
static void
test_crossings_estimated (void)
{
  guint n = 24000, m = 12000;
  g_autoptr(GRand) rand = g_rand_new_with_seed (12);
  g_autofree double *xy = g_new (double, 2 * n);
  GString *json = g_string_new ("{\"format\": \"consortia-graph\", \"version\": 1, \"nodes\": [");
  g_autoptr(CsGraph) graph = NULL;
  g_autoptr(CsPositions) positions = NULL;
  guint64 brute = 0, estimate;
  gboolean estimated = FALSE;

  for (guint i = 0; i < n; i++)
    {
      xy[2 * i] = g_rand_double_range (rand, 0, 1000);
      xy[2 * i + 1] = g_rand_double_range (rand, 0, 1000);
      g_string_append_printf (json, "%s{\"id\": \"n%u\", \"label\": \"n\", \"type\": \"company\"}",
                              i ? ", " : "", i);
    }
  g_string_append (json, "], \"edges\": [");
  /* edge k joins nodes 2k and 2k + 1: no two share an end */
  for (guint k = 0; k < m; k++)
    g_string_append_printf (json, "%s{\"source\": \"n%u\", \"target\": \"n%u\", "
                            "\"relation\": \"partner_of\"}", k ? ", " : "", 2 * k, 2 * k + 1);
  g_string_append (json, "]}");
  graph = cs_import_data (json->str, json->len, NULL, NULL, NULL, NULL);
  g_string_free (json, TRUE);
  positions = cs_positions_new (n, xy);

  estimate = cs_layout_quality_count_crossings (graph, positions, &estimated);
  for (guint e = 0; e < m; e++)
    for (guint f = e + 1; f < m; f++)
      {
        const double *a = &xy[4 * e], *b = &xy[4 * e + 2], *c = &xy[4 * f], *d = &xy[4 * f + 2];
        double d1 = (d[0] - c[0]) * (a[1] - c[1]) - (d[1] - c[1]) * (a[0] - c[0]);
        double d2 = (d[0] - c[0]) * (b[1] - c[1]) - (d[1] - c[1]) * (b[0] - c[0]);
        double d3 = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
        double d4 = (b[0] - a[0]) * (d[1] - a[1]) - (b[1] - a[1]) * (d[0] - a[0]);

        brute += d1 * d2 < 0 && d3 * d4 < 0;
      }
  g_test_message ("estimate %" G_GUINT64_FORMAT ", every pair %" G_GUINT64_FORMAT, estimate, brute);
  g_assert_true (estimated);
  g_assert_cmpfloat (fabs ((double)estimate - brute), <, 0.1 * brute);
}

static void
done_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  *(GAsyncResult **)user_data = g_object_ref (result);
}

static CsDocument *
open_in_window_way (const char *path)
{
  CsDocument *document = cs_document_new ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  cs_document_load_async (document, file, NULL, done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (cs_document_load_finish (document, result, &error));
  g_assert_no_error (error);
  return document;
}

static guint
overlaps (CsDocument *document)
{
  CsGraph *graph = cs_document_get_graph (document);
  g_autofree double *radii = cs_node_radii_new (graph);

  return cs_layout_quality_count_node_overlaps (cs_graph_get_n_nodes (graph),
                                                cs_positions_get_xy (cs_document_get_positions (document)),
                                                radii);
}

static void
clear_layout_cache (void)
{
  g_autofree char *dir = cs_layout_cache_get_dir ();
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  const char *name;

  while (folder != NULL && (name = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_assert_cmpint (g_unlink (path), ==, 0);
    }
}

/* The window shows a big graph with a sketch of its layout first, then
 * its layout: no undo step, nothing to save; opened again, that layout at
 * once (the layout cache); a node moved meanwhile stays where it was put,
 * the layout's result dropped. */
static void
test_sketch_then_layout (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cs-scale-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "big.json", NULL);
  g_autoptr(CsDocument) document = NULL;
  g_autoptr(CsPositions) sketch = NULL;
  g_autoptr(CsPositions) laid_out = NULL;
  gint64 deadline;

  g_assert_true (g_file_set_contents (path, graph_text, -1, NULL));
  clear_layout_cache ();
  document = open_in_window_way (path);
  sketch = cs_positions_ref (cs_document_get_positions (document));
  /* the sketch is shown while the consortia layout runs */
  g_assert_true (cs_document_get_busy (document));
  g_assert_cmpuint (overlaps (document), >, 0);
  deadline = g_get_monotonic_time () + 600 * G_USEC_PER_SEC;
  while (cs_document_get_busy (document))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_true (cs_document_get_positions (document) != sketch);
  /* the layout's overlap pass has run: no two discs on each other */
  g_assert_cmpuint (overlaps (document), ==, 0);
  g_assert_false (cs_document_get_can_undo (document));
  g_assert_false (cs_document_get_modified (document));
  laid_out = cs_positions_ref (cs_document_get_positions (document));
  g_clear_object (&document);

  /* opened again: the layout kept in the cache, at once, no sketch */
  document = open_in_window_way (path);
  g_assert_false (cs_document_get_busy (document));
  g_assert_true (cs_positions_equal (cs_document_get_positions (document), laid_out));
  g_clear_object (&document);

  /* a node moved while the layout runs: the user's arrangement wins */
  clear_layout_cache ();
  document = open_in_window_way (path);
  {
    guint node = 7;
    double xy[2] = { 12345.0, -6789.0 };
    CsPositions *moved;

    g_assert_true (cs_document_get_busy (document));
    cs_document_move_nodes (document, 1, &node, xy, TRUE);
    moved = cs_document_get_positions (document);
    while (cs_document_get_busy (document))
      g_main_context_iteration (NULL, TRUE);
    g_assert_true (cs_document_get_positions (document) == moved);
    g_assert_cmpfloat (cs_positions_get_x (cs_document_get_positions (document), node), ==, xy[0]);
    g_assert_cmpfloat (cs_positions_get_y (cs_document_get_positions (document), node), ==, xy[1]);
    g_assert_true (cs_document_get_can_undo (document));
  }
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* no ISOLATE_DIRS: nothing here touches user dirs, and GLib 2.74 leaks the
   * old values on each reset, which fast unwinding cannot match to a suppression */
  cs_test_use_own_state_dir ();
  g_test_init (&argc, &argv, NULL);
  graph_text = cs_test_one_line_graph (N_NODES);

  g_test_add_func ("/cs/scale/loads", test_loads);
  g_test_add_func ("/cs/scale/problems-placed", test_problems_placed);
  g_test_add_func ("/cs/scale/view-and-scene", test_view_and_scene);
  g_test_add_func ("/cs/scale/betweenness", test_betweenness);
  g_test_add_func ("/cs/scale/cli-info", test_cli_info);
  g_test_add_func ("/cs/scale/layouts", test_layouts);
  g_test_add_func ("/cs/scale/crossings-estimated", test_crossings_estimated);
  g_test_add_func ("/cs/scale/sketch-then-layout", test_sketch_then_layout);

  status = g_test_run ();
  g_free (graph_text);
  return status;
}
