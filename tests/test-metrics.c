/* test-metrics.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-import.h"
#include "cs-layout-private.h"
#include "cs-metrics.h"
#include "test-support.h"

#include <math.h>
#include <string.h>

/* the @k nodes with the highest values, highest first */
static guint *
top (const double *values,
     guint         n,
     guint         k)
{
  guint *best = g_new (guint, k);
  g_autofree gboolean *taken = g_new0 (gboolean, n);

  for (guint r = 0; r < k; r++)
    {
      guint arg = 0;

      while (taken[arg])
        arg++;
      for (guint i = arg + 1; i < n; i++)
        if (!taken[i] && values[i] > values[arg])
          arg = i;
      taken[arg] = TRUE;
      best[r] = arg;
    }
  return best;
}

/* On the bundled graph the figure is exact, between 0 and 1, and the
 * programme the consortia meet through is the greatest broker. */
static void
test_exact (void)
{
  g_autoptr(CsGraph) graph = cs_test_load_graph ("bundled", BUNDLED_GRAPH);
  g_autoptr(GError) error = NULL;
  g_autofree double *values = NULL;
  g_autofree guint *best = NULL;
  guint n_sources = 0, programme;

  values = cs_metrics_betweenness (graph, NULL, &n_sources, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_sources, ==, cs_graph_get_n_nodes (graph));
  for (guint i = 0; i < cs_graph_get_n_nodes (graph); i++)
    {
      g_assert_cmpfloat (values[i], >=, 0);
      g_assert_cmpfloat (values[i], <=, 1);
    }
  g_assert_true (cs_graph_lookup (graph, "sovereign-ai-fm-project", &programme));
  best = top (values, cs_graph_get_n_nodes (graph), 1);
  g_assert_cmpuint (best[0], ==, programme);
}

/* Beyond the budget the figure is estimated from a sample of sources: the
 * same brokers come out on top, near their exact values, and the same
 * graph always gives the same estimate. */
static void
test_estimate (void)
{
  g_autofree char *text = cs_test_one_line_graph (2000);
  g_autoptr(CsGraph) graph = cs_import_data (text, strlen (text), NULL, NULL, NULL, NULL);
  guint n = cs_graph_get_n_nodes (graph);
  g_autofree double *exact = _cs_metrics_betweenness_sampled (graph, n, NULL, NULL);
  g_autofree double *estimate = _cs_metrics_betweenness_sampled (graph, 400, NULL, NULL);
  g_autofree double *again = _cs_metrics_betweenness_sampled (graph, 400, NULL, NULL);
  g_autofree guint *exact_top = top (exact, n, 10);
  g_autofree guint *estimate_top = top (estimate, n, 10);
  guint shared = 0;

  g_assert_nonnull (exact);
  g_assert_nonnull (estimate);
  g_assert_true (memcmp (estimate, again, n * sizeof (double)) == 0);
  for (guint i = 0; i < 10; i++)
    for (guint j = 0; j < 10; j++)
      shared += exact_top[i] == estimate_top[j];
  g_test_message ("top ten shared: %u; top broker exact %.4f, estimated %.4f", shared,
                  exact[exact_top[0]], estimate[exact_top[0]]);
  g_assert_cmpuint (shared, >=, 7);
  g_assert_cmpfloat (fabs (estimate[exact_top[0]] - exact[exact_top[0]]), <,
                     0.25 * exact[exact_top[0]]);
}

static void
test_cancelled (void)
{
  g_autoptr(CsGraph) graph = cs_test_load_graph ("bundled", BUNDLED_GRAPH);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree double *values = NULL;

  g_cancellable_cancel (cancellable);
  values = cs_metrics_betweenness (graph, cancellable, NULL, &error);
  g_assert_null (values);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

int
main (int   argc,
      char *argv[])
{
  /* no ISOLATE_DIRS: nothing here touches user dirs, and GLib 2.74 leaks the
   * old values on each reset, which fast unwinding cannot match to a suppression */
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cs/metrics/exact", test_exact);
  g_test_add_func ("/cs/metrics/estimate", test_estimate);
  g_test_add_func ("/cs/metrics/cancelled", test_cancelled);

  return g_test_run ();
}
