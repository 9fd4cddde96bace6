/* test-layout.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-import.h"
#include "cs-layout.h"
#include "cs-layout-overlap.h"
#include "cs-layout-quality.h"
#include "cs-layout-report.h"
#include "cs-node-radii.h"
#include "test-support.h"

#include <igraph.h>
#include <math.h>
#include <string.h>

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

/* The same layout again, to compare with @first: bounded
 * (cs_test_bounded()), what one run shows is not run twice, and @first
 * stands for it; the unbounded run compares two runs. */
static CsPositions *
again_with (CsGraph           *graph,
            CsLayoutParams    *params,
            CsPositions       *first)
{
  g_autoptr(GError) error = NULL;
  CsPositions *positions;

  if (cs_test_bounded ())
    return cs_positions_ref (first);
  positions = cs_layout_run (graph, params, NULL, &error);
  g_assert_no_error (error);
  return positions;
}

static CsPositions *
run_again (CsGraph           *graph,
           CsLayoutAlgorithm  algorithm,
           guint32            seed,
           CsPositions       *first)
{
  g_autoptr(CsLayoutParams) params = cs_layout_params_new (algorithm, seed);

  return again_with (graph, params, first);
}

static void
test_same_seed_same_positions (void)
{
  g_autoptr(CsGraph) graph = load ("small.json");

  for (guint a = 0; a < CS_N_LAYOUTS; a++)
    {
      g_autoptr(CsPositions) first = run (graph, a, 42);
      g_autoptr(CsPositions) second = run_again (graph, a, 42, first);

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
          g_autoptr(CsPositions) again = run_again (graph, a, 9, first);

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
      again = again_with (graph, params, positions);
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


/* The graphs every layout is tried on: the bundled one, and a generated
 * one of 600 organisations in two consortia (hubs, long tails) */
static CsGraph *
test_graph (guint which)
{
  if (which == 0)
    return cs_test_load_graph ("bundled", BUNDLED_GRAPH);
  else
    {
      g_autofree char *json = cs_test_one_line_graph (600);
      g_autoptr(GError) error = NULL;
      CsGraph *graph = cs_import_data (json, strlen (json), "generated.json", NULL, NULL, &error);

      g_assert_no_error (error);
      return graph;
    }
}

/* the window's parameters: the renderer's radii */
static CsLayoutParams *
window_params (CsGraph           *graph,
               CsLayoutAlgorithm  algorithm,
               guint32            seed)
{
  CsLayoutParams *params = cs_layout_params_new (algorithm, seed);
  g_autofree double *radii = cs_node_radii_new (graph);

  cs_layout_params_set_radii (params, cs_graph_get_n_nodes (graph), radii);
  return params;
}

static CsPositions *
run_params (CsGraph              *graph,
            const CsLayoutParams *params)
{
  g_autoptr(GError) error = NULL;
  CsPositions *positions = cs_layout_run (graph, params, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (positions);
  return positions;
}

/* Cancelling a layout at any moment: igraph 0.10.2 returns from an
 * interrupted function with its cleanup entries still pushed, pointing
 * into a frame that is gone; unless the handler unwinds them at once, the
 * next error handler frees garbage (a double free inside
 * reingold_tilford_circular was seen). Every algorithm, cancelled from
 * another thread at delays across its run: a result or "cancelled", an
 * empty cleanup stack, and a layout after it that matches one never
 * interrupted. */
typedef struct
{
  GCancellable *cancellable;
  gint64 delay_us;
} Canceller;

static gpointer
cancel_later (gpointer data)
{
  Canceller *canceller = data;

  g_usleep (canceller->delay_us);
  g_cancellable_cancel (canceller->cancellable);
  return NULL;
}

static void
test_cancelled_midway (void)
{
  static const CsLayoutAlgorithm algorithms[] = {
    CS_LAYOUT_CONSORTIA, CS_LAYOUT_FRUCHTERMAN_REINGOLD, CS_LAYOUT_KAMADA_KAWAI, CS_LAYOUT_DRL,
  };
  /* under valgrind or a sanitizer: a smaller graph, fewer delays */
  gboolean bounded = cs_test_bounded ();
  g_autofree char *json = cs_test_one_line_graph (bounded ? 120 : 250);
  g_autoptr(GError) error = NULL;
  g_autoptr(CsGraph) graph = cs_import_data (json, strlen (json), "generated.json", NULL, NULL,
                                             &error);
  guint n_cancelled = 0, n_runs = 0;

  g_assert_no_error (error);
  for (guint a = 0; a < G_N_ELEMENTS (algorithms); a++)
    {
      /* DrL takes two seconds whatever the size: fewer tries, none under
       * valgrind */
      gboolean drl = algorithms[a] == CS_LAYOUT_DRL;
      guint n_delays = drl ? (bounded ? 0 : 3) : (bounded ? 4 : 10);
      g_autoptr(CsLayoutParams) params = NULL;
      g_autoptr(CsPositions) whole = NULL;
      g_autoptr(CsPositions) again = NULL;
      gint64 start, duration;

      if (n_delays == 0)
        continue;
      params = window_params (graph, algorithms[a], 5);
      start = g_get_monotonic_time ();
      whole = run_params (graph, params);
      duration = g_get_monotonic_time () - start;

      g_test_message ("%s: %.0f ms", cs_layout_algorithm_to_string (algorithms[a]),
                      duration / 1000.0);

      for (guint k = 0; k < n_delays; k++, n_runs++)
        {
          g_autoptr(GCancellable) cancellable = g_cancellable_new ();
          g_autoptr(GError) cancel_error = NULL;
          g_autoptr(CsPositions) positions = NULL;
          Canceller canceller = { cancellable, duration * k / n_delays };
          GThread *thread = g_thread_new ("cancel", cancel_later, &canceller);

          positions = cs_layout_run (graph, params, cancellable, &cancel_error);
          g_thread_join (thread);
          if (positions == NULL)
            {
              g_assert_error (cancel_error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
              n_cancelled++;
            }
          else
            {
              g_assert_no_error (cancel_error);
              g_assert_true (cs_positions_equal (positions, whole));
            }
          g_assert_cmpint (IGRAPH_FINALLY_STACK_SIZE (), ==, 0);
        }
      again = run_params (graph, params);
      g_assert_true (cs_positions_equal (again, whole));
    }
  /* the delays reached into the runs, not only past their ends */
  g_assert_cmpuint (n_cancelled, >=, n_runs / 2);
}

/* the smallest gap between two discs, less the gap the pass leaves */
static double
closest_gap (CsPositions  *positions,
             const double *radii)
{
  guint n = cs_positions_get_n_nodes (positions);
  double closest = G_MAXDOUBLE;

  for (guint i = 0; i < n; i++)
    for (guint j = i + 1; j < n; j++)
      closest = MIN (closest,
                     hypot (cs_positions_get_x (positions, i) - cs_positions_get_x (positions, j),
                            cs_positions_get_y (positions, i) - cs_positions_get_y (positions, j)) -
                         radii[i] - radii[j]);
  return closest;
}

/* Bounded (cs_test_bounded()), every layout still runs, on fewer graphs,
 * starts and seeds, and what one run already showed (the same seed giving
 * the same positions, a fresh layout with another seed) is not run again.
 * The unbounded run checks all of it. */
static guint
runs (guint full)
{
  return cs_test_bounded () ? 1 : full;
}

/* The consortia layout of the bundled graph with the window's parameters
 * and seed 42, computed once for the tests that start from it (a second
 * computation is what test_no_overlaps_deterministic compares it with) */
static CsPositions *
bundled_consortia_42 (CsGraph *graph)
{
  static CsPositions *positions;

  if (positions == NULL)
    {
      g_autoptr(CsLayoutParams) params = window_params (graph, CS_LAYOUT_CONSORTIA, 42);

      positions = run_params (graph, params);
    }
  return cs_positions_ref (positions);
}

/* After every layout no two discs (at the radii drawn) overlap, by the
 * quality measure and by a test of every pair; and the same seed gives the
 * same positions, bit for bit. */
static void
test_no_overlaps_deterministic (void)
{
  for (guint which = 0; which < runs (2); which++)
    {
      g_autoptr(CsGraph) graph = test_graph (which);
      g_autofree double *radii = cs_node_radii_new (graph);
      guint n = cs_graph_get_n_nodes (graph);

      for (guint a = 0; a < CS_N_LAYOUTS; a++)
        {
          g_autoptr(CsLayoutParams) params = window_params (graph, a, 42);
          gint64 start = g_get_monotonic_time ();
          g_autoptr(CsPositions) first = which == 0 && a == CS_LAYOUT_CONSORTIA
                                             ? bundled_consortia_42 (graph)
                                             : run_params (graph, params);
          double seconds = (g_get_monotonic_time () - start) / 1e6;
          g_autoptr(CsPositions) again = cs_test_bounded () ? cs_positions_ref (first)
                                                    : run_params (graph, params);
          guint overlaps = cs_layout_quality_count_node_overlaps (n, cs_positions_get_xy (first),
                                                                  radii);
          double gap = closest_gap (first, radii);

          g_test_message ("%s, %s: %u node overlaps, closest gap %.2f (%.2f s)",
                          which ? "generated" : "bundled", cs_layout_algorithm_to_string (a),
                          overlaps, gap, seconds);
          g_assert_cmpuint (overlaps, ==, 0);
          g_assert_cmpfloat (gap, >=, CS_LAYOUT_OVERLAP_GAP * 0.99);
          g_assert_true (cs_positions_equal (first, again));
        }
    }
}

/* Pinned nodes keep their exact positions through every layout, the
 * others are laid out around them without overlapping them */
static void
test_pins_kept (void)
{
  g_autoptr(CsGraph) graph = test_graph (0);
  g_autofree double *radii = cs_node_radii_new (graph);
  guint n = cs_graph_get_n_nodes (graph);
  g_autofree gboolean *fixed = g_new0 (gboolean, n);
  g_autoptr(CsPositions) first = bundled_consortia_42 (graph);
  g_autofree double *xy = g_memdup2 (cs_positions_get_xy (first), 2 * n * sizeof (double));
  g_autoptr(CsPositions) moved = NULL;

  /* every seventh node pinned, dragged somewhere else first */
  for (guint i = 0; i < n; i += 7)
    {
      fixed[i] = TRUE;
      xy[2 * i] += 333.25;
      xy[2 * i + 1] -= 111.5;
    }
  moved = cs_positions_new (n, xy);

  for (guint a = 0; a < CS_N_LAYOUTS; a++)
    for (guint start = 0; start < runs (2); start++)
      {
        g_autoptr(CsLayoutParams) params = window_params (graph, a, 9);
        g_autoptr(CsPositions) positions = NULL;

        cs_layout_params_set_fixed (params, moved, fixed);
        if (start)
          cs_layout_params_set_initial (params, moved);
        positions = run_params (graph, params);
        g_test_message ("%s%s", cs_layout_algorithm_to_string (a), start ? " from the current positions" : "");
        for (guint i = 0; i < n; i++)
          if (fixed[i])
            {
              g_assert_cmpfloat (cs_positions_get_x (positions, i), ==, xy[2 * i]);
              g_assert_cmpfloat (cs_positions_get_y (positions, i), ==, xy[2 * i + 1]);
            }
        /* the pinned nodes were far enough apart: nothing overlaps */
        g_assert_cmpuint (cs_layout_quality_count_node_overlaps (n, cs_positions_get_xy (positions),
                                                                 radii), ==, 0);
      }
}

static double
mean_displacement (CsPositions *a,
                   CsPositions *b)
{
  guint n = cs_positions_get_n_nodes (a);
  double sum = 0;

  for (guint i = 0; i < n; i++)
    sum += hypot (cs_positions_get_x (a, i) - cs_positions_get_x (b, i),
                  cs_positions_get_y (a, i) - cs_positions_get_y (b, i));
  return n > 0 ? sum / n : 0;
}

/* Laying a laid-out graph out again from where it is (as Ctrl+R does)
 * moves it little: the force layouts refine it, and the others, which
 * start afresh, are turned and shifted onto it, so with the same seed
 * they give it back. Against that, a fresh layout with another seed moves
 * nodes by several edge lengths. */
static void
test_relayout_moves_little (void)
{
  g_autoptr(CsGraph) graph = test_graph (0);

  for (guint a = 0; a < CS_N_LAYOUTS; a++)
    {
      g_autoptr(CsLayoutParams) params = window_params (graph, a, 42);
      g_autoptr(CsLayoutParams) again_params = window_params (graph, a, 42);
      g_autoptr(CsLayoutParams) other_params = window_params (graph, a, 43);
      g_autoptr(CsPositions) before = a == CS_LAYOUT_CONSORTIA ? bundled_consortia_42 (graph)
                                                               : run_params (graph, params);
      g_autoptr(CsPositions) after = NULL;
      g_autoptr(CsPositions) other = NULL;
      double moved, moved_other = 0;

      cs_layout_params_set_initial (again_params, before);
      after = run_params (graph, again_params);
      moved = mean_displacement (before, after);
      if (!cs_test_bounded ())
        {
          other = run_params (graph, other_params);
          moved_other = mean_displacement (before, other);
        }
      g_test_message ("%s: mean move %.1f on a re-layout, %.1f for a fresh one, seed 43",
                      cs_layout_algorithm_to_string (a), moved, moved_other);
      if (a == CS_LAYOUT_FRUCHTERMAN_REINGOLD || a == CS_LAYOUT_KAMADA_KAWAI)
        g_assert_cmpfloat (moved, <, CS_LAYOUT_EDGE_LENGTH);
      else
        g_assert_cmpfloat (moved, <, 1e-6 * CS_LAYOUT_EDGE_LENGTH);
      if (cs_layout_algorithm_is_seeded (a) && !cs_test_bounded ())
        g_assert_cmpfloat (moved, <, moved_other / 4);
    }
}

/* The consortia layout's targets on the bundled graph (issue #10), for
 * several seeds: no node or label overlaps, at least 95% of the members of
 * one consortium nearest their own, and at least a fifth fewer crossings
 * than Fruchterman–Reingold with the same seed. */
static void
test_consortia_targets (void)
{
  g_autoptr(CsGraph) graph = test_graph (0);
  const guint32 seeds[] = { 42, 1, 2, 3, 7 };

  for (guint s = 0; s < runs (G_N_ELEMENTS (seeds)); s++)
    {
      g_autoptr(CsLayoutParams) params = window_params (graph, CS_LAYOUT_CONSORTIA, seeds[s]);
      g_autoptr(CsLayoutParams) fr_params =
          window_params (graph, CS_LAYOUT_FRUCHTERMAN_REINGOLD, seeds[s]);
      g_autoptr(CsPositions) positions = seeds[s] == 42 ? bundled_consortia_42 (graph)
                                                        : run_params (graph, params);
      g_autoptr(CsPositions) fr = run_params (graph, fr_params);
      g_autoptr(GError) error = NULL;
      CsLayoutReport report, fr_report;

      g_assert_true (cs_layout_report_measure (graph, positions, NULL, &report, &error));
      g_assert_no_error (error);
      g_assert_true (cs_layout_report_measure (graph, fr, NULL, &fr_report, &error));
      g_test_message ("seed %u: consortia %u node overlaps, %u label overlaps (%u labels), "
                      "%" G_GUINT64_FORMAT " crossings, %u of %u members nearest their own; "
                      "Fruchterman–Reingold %" G_GUINT64_FORMAT " crossings, %u of %u nearest",
                      seeds[s], report.node_overlaps, report.label_label + report.label_node,
                      report.n_labels, report.crossings, report.n_nearest, report.n_members,
                      fr_report.crossings, fr_report.n_nearest, fr_report.n_members);
      g_assert_cmpuint (report.node_overlaps, ==, 0);
      g_assert_cmpuint (report.label_label + report.label_node, ==, 0);
      g_assert_cmpuint (report.n_labels, >, 0);
      g_assert_false (report.crossings_estimated);
      g_assert_cmpuint (report.n_members, >, 40);
      g_assert_cmpuint (report.n_nearest * 100, >=, report.n_members * 95);
      g_assert_cmpuint (report.crossings * 10, <=, fr_report.crossings * 8);
    }
}

/* The picture the consortia layout makes of the bundled graph: each lead
 * beside its consortium, each member nearer its own consortium than most
 * nodes are, an organisation of several consortia between them, and the
 * programme in the middle of the teams */
static void
test_consortia_shape (void)
{
  g_autoptr(CsGraph) graph = test_graph (0);
  g_autoptr(CsPositions) positions = bundled_consortia_42 (graph);
  guint n = cs_graph_get_n_nodes (graph), prog, kaist, skt, naver, nc, kaist_team;
  double cx = 0, cy = 0, spread = 0, d_prog;
  guint n_teams = 0;

#define DIST(a, b)                                                                          \
  hypot (cs_positions_get_x (positions, a) - cs_positions_get_x (positions, b),            \
         cs_positions_get_y (positions, a) - cs_positions_get_y (positions, b))

  prog = G_MAXUINT;
  for (guint i = 0; i < n; i++)
    if (cs_graph_get_node (graph, i)->type == CS_NODE_TYPE_PROGRAMME)
      prog = i;
  g_assert_true (cs_graph_lookup (graph, "kaist", &kaist));
  g_assert_true (cs_graph_lookup (graph, "team-skt", &skt));
  g_assert_true (cs_graph_lookup (graph, "team-naver-cloud", &naver));
  g_assert_true (cs_graph_lookup (graph, "team-nc-ai", &nc));
  g_assert_true (cs_graph_lookup (graph, "team-kaist", &kaist_team));
  g_assert_cmpuint (prog, !=, G_MAXUINT);

  /* leads beside their consortia */
  for (guint e = 0; e < cs_graph_get_n_edges (graph); e++)
    {
      const CsEdge *edge = cs_graph_get_edge (graph, e);

      if (edge->relation == CS_RELATION_LEADS &&
          cs_graph_get_node (graph, edge->source)->type != CS_NODE_TYPE_PERSON)
        g_assert_cmpfloat (DIST (edge->source, edge->target), <, 2.5 * CS_LAYOUT_EDGE_LENGTH);
    }

  /* the programme amid the teams: nearer their middle than a typical team */
  for (guint i = 0; i < n; i++)
    if (cs_graph_get_node (graph, i)->type == CS_NODE_TYPE_CONSORTIUM)
      {
        cx += cs_positions_get_x (positions, i);
        cy += cs_positions_get_y (positions, i);
        n_teams++;
      }
  cx /= n_teams;
  cy /= n_teams;
  for (guint i = 0; i < n; i++)
    if (cs_graph_get_node (graph, i)->type == CS_NODE_TYPE_CONSORTIUM)
      spread += hypot (cs_positions_get_x (positions, i) - cx,
                       cs_positions_get_y (positions, i) - cy) / n_teams;
  d_prog = hypot (cs_positions_get_x (positions, prog) - cx,
                  cs_positions_get_y (positions, prog) - cy);
  g_test_message ("programme %.0f from the teams' middle, teams %.0f on average", d_prog, spread);
  g_assert_cmpfloat (d_prog, <, spread / 2);

  /* KAIST, in four consortia, is nearer each of SKT's, Naver's and NC AI's
   * than they are to one another's far side: between them */
  g_test_message ("KAIST to SKT %.0f, Naver %.0f, NC AI %.0f; SKT to NC AI %.0f",
                  DIST (kaist, skt), DIST (kaist, naver), DIST (kaist, nc), DIST (skt, nc));
  g_assert_cmpfloat (DIST (kaist, skt), <, DIST (skt, nc));
  g_assert_cmpfloat (DIST (kaist, nc), <, DIST (skt, nc));
  g_assert_cmpfloat (DIST (kaist, kaist_team), <, 2.5 * CS_LAYOUT_EDGE_LENGTH);
#undef DIST
}

/* The circle holds every node a disc apart, so its radius grows with the
 * number of nodes instead of staying the same */
static void
test_circle_grows (void)
{
  const guint sizes[] = { 40, 400, 4000 };
  double previous = 0;

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autofree char *json = cs_test_one_line_graph (sizes[s]);
      g_autoptr(CsGraph) graph = cs_import_data (json, strlen (json), "g.json", NULL, NULL, NULL);
      g_autoptr(CsLayoutParams) params = window_params (graph, CS_LAYOUT_CIRCLE, 1);
      g_autoptr(CsPositions) positions = run_params (graph, params);
      g_autofree double *radii = cs_node_radii_new (graph);
      guint n = cs_graph_get_n_nodes (graph);
      double cx = 0, cy = 0, r_min = G_MAXDOUBLE, r_max = 0;

      for (guint i = 0; i < n; i++)
        {
          cx += cs_positions_get_x (positions, i) / n;
          cy += cs_positions_get_y (positions, i) / n;
        }
      for (guint i = 0; i < n; i++)
        {
          double r = hypot (cs_positions_get_x (positions, i) - cx,
                            cs_positions_get_y (positions, i) - cy);

          r_min = MIN (r_min, r);
          r_max = MAX (r_max, r);
        }
      g_test_message ("%u nodes: radius %.0f to %.0f", n, r_min, r_max);
      /* one circle, which the overlap pass had no need to disturb */
      g_assert_cmpfloat (r_max - r_min, <, 1e-6 * r_max);
      g_assert_cmpuint (cs_layout_quality_count_node_overlaps (n, cs_positions_get_xy (positions),
                                                               radii), ==, 0);
      if (previous > 0)
        g_assert_cmpfloat (r_min, >, previous * 5);
      previous = r_min;
    }
}

/* The star puts the node asked for in the middle and every other node on
 * one ring round it */
static void
test_star_centre (void)
{
  g_autoptr(CsGraph) graph = test_graph (0);
  g_autoptr(CsLayoutParams) params = window_params (graph, CS_LAYOUT_STAR, 1);
  g_autoptr(CsPositions) positions = NULL;
  guint centre, n = cs_graph_get_n_nodes (graph);
  double r_min = G_MAXDOUBLE, r_max = 0;

  g_assert_true (cs_graph_lookup (graph, "team-upstage", &centre));
  cs_layout_params_set_center (params, centre);
  positions = run_params (graph, params);
  for (guint i = 0; i < n; i++)
    {
      double r;

      if (i == centre)
        continue;
      r = hypot (cs_positions_get_x (positions, i) - cs_positions_get_x (positions, centre),
                 cs_positions_get_y (positions, i) - cs_positions_get_y (positions, centre));
      r_min = MIN (r_min, r);
      r_max = MAX (r_max, r);
    }
  g_assert_cmpfloat (r_max - r_min, <, 1e-6 * r_max);
  g_assert_cmpfloat (r_min, >, CS_LAYOUT_EDGE_LENGTH);
}

/* The layered drawing reads from the top: the ministry, the programme,
 * the consortia, their members, then what hangs off them (models) */
static void
test_sugiyama_layers (void)
{
  g_autoptr(CsGraph) graph = test_graph (0);
  g_autoptr(CsLayoutParams) params = window_params (graph, CS_LAYOUT_SUGIYAMA, 1);
  g_autoptr(CsPositions) positions = run_params (graph, params);
  guint ministry, programme, team, lead, model;

  g_assert_true (cs_graph_lookup (graph, "msit", &ministry));
  g_assert_true (cs_graph_lookup (graph, "team-skt", &team));
  g_assert_true (cs_graph_lookup (graph, "skt", &lead));
  programme = G_MAXUINT;
  model = G_MAXUINT;
  for (guint i = 0; i < cs_graph_get_n_nodes (graph); i++)
    {
      if (cs_graph_get_node (graph, i)->type == CS_NODE_TYPE_PROGRAMME)
        programme = i;
      else if (model == G_MAXUINT && cs_graph_get_node (graph, i)->type == CS_NODE_TYPE_MODEL)
        model = i;
    }
  g_assert_cmpuint (programme, !=, G_MAXUINT);
  g_assert_cmpuint (model, !=, G_MAXUINT);
  g_assert_cmpfloat (cs_positions_get_y (positions, ministry), <,
                     cs_positions_get_y (positions, programme));
  g_assert_cmpfloat (cs_positions_get_y (positions, programme), <,
                     cs_positions_get_y (positions, team));
  g_assert_cmpfloat (cs_positions_get_y (positions, team), <,
                     cs_positions_get_y (positions, lead));
  g_assert_cmpfloat (cs_positions_get_y (positions, lead), <,
                     cs_positions_get_y (positions, model));
}

/* Layouts that keep something for every pair of nodes refuse a graph past
 * their size at once, with a message that names the way out */
static void
test_too_large (void)
{
  const CsLayoutAlgorithm limited[] = { CS_LAYOUT_KAMADA_KAWAI, CS_LAYOUT_MDS };

  for (guint l = 0; l < G_N_ELEMENTS (limited); l++)
    {
      guint max = cs_layout_algorithm_get_max_nodes (limited[l]);
      g_autofree char *json = cs_test_one_line_graph (max + 1);
      g_autoptr(CsGraph) graph = cs_import_data (json, strlen (json), "g.json", NULL, NULL, NULL);
      g_autoptr(CsLayoutParams) params = cs_layout_params_new (limited[l], 1);
      g_autoptr(GError) error = NULL;
      g_autoptr(CsPositions) positions = NULL;
      gint64 start = g_get_monotonic_time ();

      g_assert_cmpuint (max, >, 0);
      positions = cs_layout_run (graph, params, NULL, &error);
      g_assert_null (positions);
      g_assert_error (error, CS_LAYOUT_ERROR, CS_LAYOUT_ERROR_TOO_LARGE);
      g_assert_nonnull (strstr (error->message, "fruchterman_reingold"));
      g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);
    }
  for (guint a = 0; a < CS_N_LAYOUTS; a++)
    if (a != CS_LAYOUT_KAMADA_KAWAI && a != CS_LAYOUT_MDS)
      g_assert_cmpuint (cs_layout_algorithm_get_max_nodes (a), ==, 0);
}

/* The overlap pass on hand-made discs: a crowd on one spot spreads apart,
 * fixed discs never move, and a picture with no overlap is left alone */
static void
test_overlap_pass (void)
{
  double xy[2 * 40], radii[40], before[2 * 40];
  gboolean fixed[40] = { FALSE, };

  for (guint i = 0; i < 40; i++)
    {
      xy[2 * i] = xy[2 * i + 1] = 0;
      radii[i] = 5 + i % 3;
    }
  fixed[7] = TRUE;
  g_assert_cmpuint (cs_layout_remove_overlaps (40, xy, radii, fixed, 2), ==, 0);
  g_assert_cmpfloat (xy[14], ==, 0);
  g_assert_cmpfloat (xy[15], ==, 0);
  g_assert_cmpuint (cs_layout_quality_count_node_overlaps (40, xy, radii), ==, 0);
  for (guint i = 0; i < 40; i++)
    for (guint j = i + 1; j < 40; j++)
      g_assert_cmpfloat (hypot (xy[2 * i] - xy[2 * j], xy[2 * i + 1] - xy[2 * j + 1]), >=,
                         radii[i] + radii[j] + 2 - 1e-6);

  memcpy (before, xy, sizeof xy);
  g_assert_cmpuint (cs_layout_remove_overlaps (40, xy, radii, NULL, 2), ==, 0);
  g_assert_true (memcmp (before, xy, sizeof xy) == 0);

  /* two fixed discs on each other stay, and are reported */
  {
    double two[4] = { 0, 0, 1, 0 }, r[2] = { 5, 5 };
    gboolean both[2] = { TRUE, TRUE };

    g_assert_cmpuint (cs_layout_remove_overlaps (2, two, r, both, 0), ==, 1);
    g_assert_cmpfloat (two[2], ==, 1);
  }
}

/* Crossings, counted through the grid, against a test of every pair, on
 * hand-made cases and on random segments of every length */
static guint64
brute_crossings (guint         n_edges,
                 const guint  *edges,
                 const double *xy)
{
  guint64 count = 0;

  for (guint e = 0; e < n_edges; e++)
    for (guint f = e + 1; f < n_edges; f++)
      {
        const double *a = &xy[2 * edges[2 * e]], *b = &xy[2 * edges[2 * e + 1]];
        const double *c = &xy[2 * edges[2 * f]], *d = &xy[2 * edges[2 * f + 1]];
        double d1, d2, d3, d4;

        if (edges[2 * e] == edges[2 * f] || edges[2 * e] == edges[2 * f + 1] ||
            edges[2 * e + 1] == edges[2 * f] || edges[2 * e + 1] == edges[2 * f + 1])
          continue;
        d1 = (d[0] - c[0]) * (a[1] - c[1]) - (d[1] - c[1]) * (a[0] - c[0]);
        d2 = (d[0] - c[0]) * (b[1] - c[1]) - (d[1] - c[1]) * (b[0] - c[0]);
        d3 = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
        d4 = (b[0] - a[0]) * (d[1] - a[1]) - (b[1] - a[1]) * (d[0] - a[0]);
        count += d1 * d2 < 0 && d3 * d4 < 0;
      }
  return count;
}

static CsGraph *
graph_of (guint         n_nodes,
          guint         n_edges,
          const guint  *edges,
          const double *xy,
          const char   *extra_nodes)
{
  GString *json = g_string_new ("{\"format\": \"consortia-graph\", \"version\": 1, \"nodes\": [");
  g_autoptr(GError) error = NULL;
  CsGraph *graph;

  for (guint i = 0; i < n_nodes; i++)
    g_string_append_printf (json, "%s{\"id\": \"n%u\", \"label\": \"n%u\", \"type\": \"company\", "
                            "\"x\": %.17g, \"y\": %.17g}", i ? ", " : "", i, i, xy[2 * i],
                            xy[2 * i + 1]);
  g_string_append (json, extra_nodes);
  g_string_append (json, "], \"edges\": [");
  for (guint e = 0; e < n_edges; e++)
    g_string_append_printf (json, "%s{\"source\": \"n%u\", \"target\": \"n%u\", "
                            "\"relation\": \"partner_of\"}", e ? ", " : "", edges[2 * e],
                            edges[2 * e + 1]);
  g_string_append (json, "]}");
  graph = cs_import_data (json->str, json->len, "made.json", NULL, NULL, &error);
  g_assert_no_error (error);
  g_string_free (json, TRUE);
  return graph;
}

static guint64
count_crossings_of (guint         n_nodes,
                    guint         n_edges,
                    const guint  *edges,
                    const double *xy)
{
  g_autoptr(CsGraph) graph = graph_of (n_nodes, n_edges, edges, xy, "");
  g_autoptr(CsPositions) positions = cs_positions_new (n_nodes, xy);
  gboolean estimated = TRUE;
  guint64 count = cs_layout_quality_count_crossings (graph, positions, &estimated);

  g_assert_false (estimated);
  return count;
}

static void
test_quality_crossings (void)
{
  /* an X; a shared end; a T (an end on the other edge); two parallels;
   * the same link twice */
  const double square[] = { 0, 0, 100, 0, 100, 100, 0, 100, 50, 0 };
  const guint x[] = { 0, 2, 1, 3 };
  const guint shared[] = { 0, 1, 0, 2 };
  const guint t[] = { 0, 1, 4, 2 };
  const guint parallel[] = { 0, 1, 3, 2 };
  const guint twice[] = { 0, 2, 1, 3, 2, 0 };
  g_autoptr(GRand) rand = g_rand_new_with_seed (10);

  g_assert_cmpuint (count_crossings_of (5, 2, x, square), ==, 1);
  g_assert_cmpuint (count_crossings_of (5, 2, shared, square), ==, 0);
  g_assert_cmpuint (count_crossings_of (5, 2, t, square), ==, 0);
  g_assert_cmpuint (count_crossings_of (5, 2, parallel, square), ==, 0);
  g_assert_cmpuint (count_crossings_of (5, 3, twice, square), ==, 1);
  /* two edges a hair off vertical (as a group's layout made them): at once,
   * where their cells were once extrapolated millions of rows high */
  {
    const double hair[] = { 0, 0, 4.1943923469803638e-17, 0.68499625359747207,
                            -4.904983245621337e-10, 1.6849962535974721 };
    const guint edges[] = { 0, 1, 2, 1 };
    gint64 start = g_get_monotonic_time ();

    g_assert_cmpuint (count_crossings_of (3, 2, edges, hair), ==, 0);
    g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC / 10);
  }

  /* random pictures: short edges, long ones, and a mix */
  for (guint round = 0; round < 6; round++)
    {
      guint n = 300, m = 400;
      g_autofree double *xy = g_new (double, 2 * n);
      g_autofree guint *edges = g_new (guint, 2 * m);
      g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
      guint k = 0;
      guint64 grid, brute;

      for (guint i = 0; i < n; i++)
        {
          xy[2 * i] = g_rand_double_range (rand, -1000, 1000);
          xy[2 * i + 1] = g_rand_double_range (rand, -1000, 1000);
        }
      while (k < m)
        {
          guint a = g_rand_int_range (rand, 0, n), b;

          /* rounds 0 and 1: neighbours in index order only (short edges,
           * as the points are sorted below); the rest: any pair */
          b = round < 2 ? (a + 1 + (guint)g_rand_int_range (rand, 0, 3)) % n
                        : (guint)g_rand_int_range (rand, 0, n);
          if (a == b || g_hash_table_contains (seen, GUINT_TO_POINTER (MIN (a, b) * n + MAX (a, b) + 1)))
            continue;
          g_hash_table_add (seen, GUINT_TO_POINTER (MIN (a, b) * n + MAX (a, b) + 1));
          edges[2 * k] = a;
          edges[2 * k + 1] = b;
          k++;
        }
      if (round < 2)
        /* points along a line, jittered: index neighbours are near */
        for (guint i = 0; i < n; i++)
          {
            xy[2 * i] = i * 7.0 + g_rand_double_range (rand, -20, 20);
            xy[2 * i + 1] = g_rand_double_range (rand, -40, 40);
          }
      grid = count_crossings_of (n, m, edges, xy);
      brute = brute_crossings (m, edges, xy);
      g_test_message ("round %u: %" G_GUINT64_FORMAT " crossings through the grid, %" G_GUINT64_FORMAT
                      " by every pair", round, grid, brute);
      g_assert_cmpuint (grid, ==, brute);
      g_assert_cmpuint (brute, >, 0);
    }
}

/* Node overlaps and label overlaps through the grid against every pair */
static void
test_quality_overlaps (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);
  guint n = 400, n_labels = 150;
  g_autofree double *xy = g_new (double, 2 * n);
  g_autofree double *radii = g_new (double, n);
  g_autofree guint *label_nodes = g_new (guint, n_labels);
  g_autofree CsBounds *boxes = g_new (CsBounds, n_labels);
  guint pairs = 0, ll = 0, ln = 0, got_ll, got_ln;
  const double two[] = { 0, 0, 15, 0 }, r[] = { 8, 8 };

  g_assert_cmpuint (cs_layout_quality_count_node_overlaps (2, two, r), ==, 1);
  for (guint i = 0; i < n; i++)
    {
      xy[2 * i] = g_rand_double_range (rand, 0, 800);
      xy[2 * i + 1] = g_rand_double_range (rand, 0, 600);
      radii[i] = g_rand_double_range (rand, 3, 15);
    }
  for (guint i = 0; i < n; i++)
    for (guint j = i + 1; j < n; j++)
      pairs += hypot (xy[2 * i] - xy[2 * j], xy[2 * i + 1] - xy[2 * j + 1]) < radii[i] + radii[j];
  g_assert_cmpuint (cs_layout_quality_count_node_overlaps (n, xy, radii), ==, pairs);
  g_assert_cmpuint (pairs, >, 0);

  for (guint l = 0; l < n_labels; l++)
    {
      double w = g_rand_double_range (rand, 20, 120), h = 12;

      label_nodes[l] = l;
      boxes[l].x0 = xy[2 * l] + radii[l];
      boxes[l].y0 = xy[2 * l + 1] - h / 2;
      boxes[l].x1 = boxes[l].x0 + w;
      boxes[l].y1 = boxes[l].y0 + h;
    }
  for (guint a = 0; a < n_labels; a++)
    {
      for (guint b = a + 1; b < n_labels; b++)
        ll += boxes[a].x0 < boxes[b].x1 && boxes[b].x0 < boxes[a].x1 &&
              boxes[a].y0 < boxes[b].y1 && boxes[b].y0 < boxes[a].y1;
      for (guint i = 0; i < n; i++)
        {
          double nx = CLAMP (xy[2 * i], boxes[a].x0, boxes[a].x1);
          double ny = CLAMP (xy[2 * i + 1], boxes[a].y0, boxes[a].y1);

          ln += i != label_nodes[a] &&
                (nx - xy[2 * i]) * (nx - xy[2 * i]) + (ny - xy[2 * i + 1]) * (ny - xy[2 * i + 1]) <
                    radii[i] * radii[i];
        }
    }
  g_assert_cmpuint (cs_layout_quality_count_label_overlaps (n, xy, radii, n_labels, label_nodes,
                                                            boxes, &got_ll, &got_ln), ==, ll + ln);
  g_assert_cmpuint (got_ll, ==, ll);
  g_assert_cmpuint (got_ln, ==, ln);
  g_assert_cmpuint (ll, >, 0);
  g_assert_cmpuint (ln, >, 0);
}

/* Members nearest their own consortium, on a hand-made picture: one
 * member sits by the other team, and one of both teams is left out */
static void
test_quality_nearest (void)
{
  const char *json =
      "{\"format\": \"consortia-graph\", \"version\": 1, \"nodes\": ["
      "{\"id\": \"c1\", \"label\": \"c1\", \"type\": \"consortium\", \"x\": 0, \"y\": 0},"
      "{\"id\": \"c2\", \"label\": \"c2\", \"type\": \"consortium\", \"x\": 1000, \"y\": 0},"
      "{\"id\": \"a\", \"label\": \"a\", \"type\": \"company\", \"x\": 100, \"y\": 100},"
      "{\"id\": \"b\", \"label\": \"b\", \"type\": \"company\", \"x\": 900, \"y\": 100},"
      "{\"id\": \"d\", \"label\": \"d\", \"type\": \"company\", \"x\": 990, \"y\": 300},"
      "{\"id\": \"e\", \"label\": \"e\", \"type\": \"university\", \"x\": 10, \"y\": 20},"
      "{\"id\": \"f\", \"label\": \"f\", \"type\": \"company\", \"x\": 400, \"y\": 0}],"
      "\"edges\": ["
      "{\"source\": \"a\", \"target\": \"c1\", \"relation\": \"member_of\"},"
      "{\"source\": \"b\", \"target\": \"c1\", \"relation\": \"leads\"},"
      "{\"source\": \"b\", \"target\": \"c1\", \"relation\": \"member_of\"},"
      "{\"source\": \"d\", \"target\": \"c2\", \"relation\": \"member_of\"},"
      "{\"source\": \"e\", \"target\": \"c1\", \"relation\": \"member_of\"},"
      "{\"source\": \"e\", \"target\": \"c2\", \"relation\": \"member_of\"},"
      "{\"source\": \"f\", \"target\": \"a\", \"relation\": \"partner_of\"}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(CsGraph) graph = cs_import_data (json, strlen (json), "n.json", NULL, NULL, &error);
  g_autoptr(CsLayoutParams) params = NULL;
  g_autoptr(CsPositions) positions = NULL;
  guint n_members = 0;

  g_assert_no_error (error);
  params = cs_layout_params_new_for_graph (graph);
  positions = cs_layout_run (graph, params, NULL, &error);
  g_assert_no_error (error);
  /* a, b (twice a member of c1, still one team) and d; e is in both and f
   * in none */
  g_assert_cmpuint (cs_layout_quality_count_nearest_consortium (graph, positions, &n_members), ==,
                    2);
  g_assert_cmpuint (n_members, ==, 3);
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
  g_test_add_func ("/cs/layout/cancelled-midway", test_cancelled_midway);
  g_test_add_func ("/cs/layout/algorithm-names", test_algorithm_names);
  g_test_add_func ("/cs/layout/no-overlaps-deterministic", test_no_overlaps_deterministic);
  g_test_add_func ("/cs/layout/pins-kept", test_pins_kept);
  g_test_add_func ("/cs/layout/relayout-moves-little", test_relayout_moves_little);
  g_test_add_func ("/cs/layout/consortia-targets", test_consortia_targets);
  g_test_add_func ("/cs/layout/consortia-shape", test_consortia_shape);
  g_test_add_func ("/cs/layout/circle-grows", test_circle_grows);
  g_test_add_func ("/cs/layout/star-centre", test_star_centre);
  g_test_add_func ("/cs/layout/sugiyama-layers", test_sugiyama_layers);
  g_test_add_func ("/cs/layout/too-large", test_too_large);
  g_test_add_func ("/cs/layout/overlap-pass", test_overlap_pass);
  g_test_add_func ("/cs/layout/quality-crossings", test_quality_crossings);
  g_test_add_func ("/cs/layout/quality-overlaps", test_quality_overlaps);
  g_test_add_func ("/cs/layout/quality-nearest", test_quality_nearest);

  return g_test_run ();
}
