/* test-layout.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-import.h"
#include "cs-layout.h"

#include <math.h>

static CsGraph *
load (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "good", name, NULL);
  g_autoptr(GError) error = NULL;
  CsGraph *graph = cs_import_file (path, NULL, NULL, &error);

  g_assert_no_error (error);
  return graph;
}

static CsPositions *
run (CsGraph           *graph,
     CsLayoutAlgorithm  algorithm,
     guint32            seed)
{
  g_autoptr(CsLayoutParams) params = cs_layout_params_new (algorithm, seed);
  g_autoptr(GError) error = NULL;
  CsPositions *positions = cs_layout_run (graph, params, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (positions);
  g_assert_cmpuint (cs_positions_get_n_nodes (positions), ==, cs_graph_get_n_nodes (graph));
  return positions;
}

static void
assert_finite_and_spread (CsPositions *positions)
{
  guint n = cs_positions_get_n_nodes (positions);

  for (guint i = 0; i < n; i++)
    {
      g_assert_true (isfinite (cs_positions_get_x (positions, i)));
      g_assert_true (isfinite (cs_positions_get_y (positions, i)));
      /* no two nodes on the same spot */
      for (guint j = 0; j < i; j++)
        g_assert_cmpfloat (
            hypot (cs_positions_get_x (positions, i) - cs_positions_get_x (positions, j),
                   cs_positions_get_y (positions, i) - cs_positions_get_y (positions, j)),
            >, 1.0);
    }
}

static void
test_same_seed_same_positions (void)
{
  g_autoptr(CsGraph) graph = load ("small.json");

  for (guint a = 0; a < CS_N_LAYOUTS; a++)
    {
      g_autoptr(CsPositions) first = run (graph, a, 42);
      g_autoptr(CsPositions) second = run (graph, a, 42);

      g_test_message ("layout %s", cs_layout_algorithm_to_string (a));
      g_assert_true (cs_positions_equal (first, second));
      assert_finite_and_spread (first);
    }
}

static void
test_other_seed_other_positions (void)
{
  g_autoptr(CsGraph) graph = load ("small.json");
  g_autoptr(CsPositions) first = run (graph, CS_LAYOUT_FRUCHTERMAN_REINGOLD, 1);
  g_autoptr(CsPositions) second = run (graph, CS_LAYOUT_FRUCHTERMAN_REINGOLD, 2);

  g_assert_false (cs_positions_equal (first, second));
}

/* The layouts that keep no spacing of their own (the force layouts and
 * MDS) are scaled so that their median edge spans the same world distance;
 * the others space nodes by their radii. */
static void
test_edge_length_normalised (void)
{
  g_autoptr(CsGraph) graph = load ("small.json");
  const CsLayoutAlgorithm scaled[] = {
    CS_LAYOUT_FRUCHTERMAN_REINGOLD, CS_LAYOUT_KAMADA_KAWAI, CS_LAYOUT_DRL, CS_LAYOUT_MDS,
  };

  for (guint s = 0; s < G_N_ELEMENTS (scaled); s++)
    {
      CsLayoutAlgorithm a = scaled[s];
      g_autoptr(CsPositions) positions = run (graph, a, 5);
      double lengths[16];
      guint n = cs_graph_get_n_edges (graph);

      g_assert_cmpuint (n, <=, G_N_ELEMENTS (lengths));
      for (guint i = 0; i < n; i++)
        {
          const CsEdge *edge = cs_graph_get_edge (graph, i);

          lengths[i] = hypot (cs_positions_get_x (positions, edge->source) -
                                  cs_positions_get_x (positions, edge->target),
                              cs_positions_get_y (positions, edge->source) -
                                  cs_positions_get_y (positions, edge->target));
        }
      /* the median edge of every layout spans the same world distance */
      for (guint i = 0; i < n; i++)
        for (guint j = i + 1; j < n; j++)
          if (lengths[j] < lengths[i])
            {
              double t = lengths[i];
              lengths[i] = lengths[j];
              lengths[j] = t;
            }
      g_assert_cmpfloat_with_epsilon (lengths[n / 2], CS_LAYOUT_EDGE_LENGTH, 1e-6);
    }
}

static void
test_empty_single_disconnected (void)
{
  const char *files[] = { "empty-graph.json", "single-node.json", "disconnected.json" };

  for (guint f = 0; f < G_N_ELEMENTS (files); f++)
    {
      g_autoptr(CsGraph) graph = load (files[f]);

      for (guint a = 0; a < CS_N_LAYOUTS; a++)
        {
          g_autoptr(CsPositions) first = run (graph, a, 9);
          g_autoptr(CsPositions) again = run (graph, a, 9);

          g_test_message ("%s with %s", files[f], cs_layout_algorithm_to_string (a));
          assert_finite_and_spread (first);
          g_assert_true (cs_positions_equal (first, again));
        }
    }
}

static void
test_saved_positions_used (void)
{
  g_autoptr(CsGraph) graph = load ("positions.json");
  g_autoptr(CsLayoutParams) params = cs_layout_params_new_for_graph (graph);
  g_autoptr(CsPositions) positions = cs_layout_run (graph, params, NULL, NULL);

  g_assert_cmpint (cs_layout_params_get_seed (params), ==, 3);
  for (guint i = 0; i < cs_graph_get_n_nodes (graph); i++)
    {
      const CsNode *node = cs_graph_get_node (graph, i);

      g_assert_cmpfloat (cs_positions_get_x (positions, i), ==, node->x);
      g_assert_cmpfloat (cs_positions_get_y (positions, i), ==, node->y);
    }
}

static void
test_partial_positions_kept (void)
{
  g_autoptr(CsGraph) graph = load ("partial-positions.json");

  for (guint a = 0; a < CS_N_LAYOUTS; a++)
    {
      g_autoptr(CsLayoutParams) params = cs_layout_params_new_for_graph (graph);
      g_autoptr(CsPositions) positions = NULL;
      g_autoptr(CsPositions) again = NULL;

      cs_layout_params_set_algorithm (params, a);
      positions = cs_layout_run (graph, params, NULL, NULL);
      again = cs_layout_run (graph, params, NULL, NULL);
      g_assert_true (cs_positions_equal (positions, again));
      assert_finite_and_spread (positions);
      for (guint i = 0; i < cs_graph_get_n_nodes (graph); i++)
        {
          const CsNode *node = cs_graph_get_node (graph, i);

          if (node->has_position)
            {
              g_assert_cmpfloat (cs_positions_get_x (positions, i), ==, node->x);
              g_assert_cmpfloat (cs_positions_get_y (positions, i), ==, node->y);
            }
        }
    }
}

static void
async_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  CsPositions **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = cs_layout_run_finish (result, &error);
  g_assert_no_error (error);
}

static void
test_async_matches_sync (void)
{
  g_autoptr(CsGraph) graph = load ("disconnected.json");
  g_autoptr(CsLayoutParams) params = cs_layout_params_new (CS_LAYOUT_FRUCHTERMAN_REINGOLD, 77);
  g_autoptr(CsPositions) sync = cs_layout_run (graph, params, NULL, NULL);
  g_autoptr(CsPositions) async = NULL;

  cs_layout_run_async (graph, params, NULL, async_done_cb, &async);
  while (async == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (cs_positions_equal (sync, async));
}

static void
test_cancelled (void)
{
  g_autoptr(CsGraph) graph = load ("small.json");
  g_autoptr(CsLayoutParams) params = cs_layout_params_new (CS_LAYOUT_KAMADA_KAWAI, 1);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CsPositions) positions = NULL;

  g_cancellable_cancel (cancellable);
  positions = cs_layout_run (graph, params, cancellable, &error);
  g_assert_null (positions);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_algorithm_names (void)
{
  CsLayoutAlgorithm algorithm;

  g_assert_true (cs_layout_algorithm_from_string ("fr", &algorithm));
  g_assert_cmpint (algorithm, ==, CS_LAYOUT_FRUCHTERMAN_REINGOLD);
  g_assert_true (cs_layout_algorithm_from_string ("Kamada_Kawai", &algorithm));
  g_assert_cmpint (algorithm, ==, CS_LAYOUT_KAMADA_KAWAI);
  g_assert_false (cs_layout_algorithm_from_string ("spring", NULL));
  for (guint a = 0; a < CS_N_LAYOUTS; a++)
    {
      g_assert_true (
          cs_layout_algorithm_from_string (cs_layout_algorithm_to_string (a), &algorithm));
      g_assert_cmpint (algorithm, ==, a);
    }
}

int
main (int   argc,
      char *argv[])
{
  /* no ISOLATE_DIRS: layouts touch no user dirs, and GLib 2.74 leaks the
   * isolated paths, which would need slow full unwinding under LSan */
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cs/layout/same-seed-same-positions", test_same_seed_same_positions);
  g_test_add_func ("/cs/layout/other-seed-other-positions", test_other_seed_other_positions);
  g_test_add_func ("/cs/layout/edge-length-normalised", test_edge_length_normalised);
  g_test_add_func ("/cs/layout/empty-single-disconnected", test_empty_single_disconnected);
  g_test_add_func ("/cs/layout/saved-positions-used", test_saved_positions_used);
  g_test_add_func ("/cs/layout/partial-positions-kept", test_partial_positions_kept);
  g_test_add_func ("/cs/layout/async-matches-sync", test_async_matches_sync);
  g_test_add_func ("/cs/layout/cancelled", test_cancelled);
  g_test_add_func ("/cs/layout/algorithm-names", test_algorithm_names);

  return g_test_run ();
}
