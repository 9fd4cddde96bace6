/* cs-metrics.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-metrics.h"

#include "cs-layout-private.h"

#include <glib/gi18n-lib.h>
#include <igraph.h>
#include <stdlib.h>

static int
compare_pairs (const void *a,
               const void *b)
{
  guint64 pa = *(const guint64 *)a, pb = *(const guint64 *)b;

  return (pa > pb) - (pa < pb);
}

/* Exact betweenness costs a search from every node: nodes × links steps.
 * Beyond this many it is estimated from searches out of a sample of the
 * nodes (Brandes and Pich), scaled up: the same ranking of brokers, in a
 * time bounded by the budget. */
#define EXACT_BUDGET 20000000.0
#define MIN_SAMPLE   64
#define SAMPLE_SEED  20250801

/**
 * _cs_metrics_betweenness_sampled:
 * @graph: a #CsGraph
 * @sample: how many nodes to search shortest paths from; all of them (or
 *   more) for the exact figure
 * @cancellable: (nullable): stops the computation
 * @error: a %CS_LAYOUT_ERROR, or %G_IO_ERROR_CANCELLED
 *
 * cs_metrics_betweenness() with the sample size given.
 *
 * Returns: (transfer full) (nullable): one value per node
 */
double *
_cs_metrics_betweenness_sampled (CsGraph       *graph,
                                 guint          sample,
                                 GCancellable  *cancellable,
                                 GError       **error)
{
  guint n;
  guint n_edges;
  g_autofree guint64 *pairs = NULL;
  guint n_pairs = 0;
  igraph_vector_int_t edges;
  igraph_vector_int_t sources;
  igraph_vector_t result;
  igraph_t g;
  double *values = NULL;
  double normaliser;

  g_return_val_if_fail (CS_IS_GRAPH (graph), NULL);

  /* igraph is not even started: an interruption inside it may leak (see
   * tests/lsan.supp) */
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  n = cs_graph_get_n_nodes (graph);
  sample = CLAMP (sample, 1, MAX (n, 1));
  if (n == 0)
    return g_new0 (double, 1);

  /* each linked pair once, self-links left out */
  n_edges = cs_graph_get_n_edges (graph);
  pairs = g_new (guint64, MAX (n_edges, 1));
  for (guint i = 0; i < n_edges; i++)
    {
      const CsEdge *edge = cs_graph_get_edge (graph, i);

      if (edge->source != edge->target)
        pairs[n_pairs++] = ((guint64)MIN (edge->source, edge->target) << 32) |
                           MAX (edge->source, edge->target);
    }
  qsort (pairs, n_pairs, sizeof *pairs, compare_pairs);

  _cs_igraph_lock ();
  _cs_igraph_set_cancellable (cancellable);
  if (igraph_vector_int_init (&edges, 0) != IGRAPH_SUCCESS)
    goto out;
  if (igraph_vector_int_reserve (&edges, 2 * (igraph_integer_t)n_pairs) != IGRAPH_SUCCESS)
    goto out_edges;
  for (guint i = 0; i < n_pairs; i++)
    {
      if (i > 0 && pairs[i] == pairs[i - 1])
        continue;
      igraph_vector_int_push_back (&edges, pairs[i] >> 32);
      igraph_vector_int_push_back (&edges, pairs[i] & 0xffffffff);
    }
  if (igraph_create (&g, &edges, n, IGRAPH_UNDIRECTED) == IGRAPH_SUCCESS)
    {
      if (igraph_vector_init (&result, n) == IGRAPH_SUCCESS)
        {
          igraph_error_t status;

          if (sample == n)
            status = igraph_betweenness (&g, &result, igraph_vss_all (), /* directed = */ false,
                                         NULL);
          else if ((status = igraph_vector_int_init (&sources, sample)) == IGRAPH_SUCCESS)
            {
              /* the same sample every time: the same figures for the same graph */
              g_autoptr(GRand) rand = g_rand_new_with_seed (SAMPLE_SEED);
              g_autofree guint *order = g_new (guint, n);

              for (guint i = 0; i < n; i++)
                order[i] = i;
              for (guint i = 0; i < sample; i++)
                {
                  guint j = i + g_rand_int_range (rand, 0, n - i);
                  guint t = order[i];

                  order[i] = order[j];
                  order[j] = t;
                  VECTOR (sources)[i] = order[i];
                }
              status = igraph_betweenness_subset (&g, &result, igraph_vss_all (),
                                                  /* directed = */ false,
                                                  igraph_vss_vector (&sources), igraph_vss_all (),
                                                  NULL);
              igraph_vector_int_destroy (&sources);
            }
          if (status == IGRAPH_SUCCESS)
            {
              double scale = (double)n / sample;

              normaliser = n > 2 ? (n - 1.0) * (n - 2.0) / 2.0 : 1.0;
              values = g_new (double, n);
              for (guint i = 0; i < n; i++)
                values[i] = MIN (1.0, VECTOR (result)[i] * scale / normaliser);
            }
          igraph_vector_destroy (&result);
        }
      igraph_destroy (&g);
    }
out_edges:
  igraph_vector_int_destroy (&edges);

out:
  if (values == NULL && !g_cancellable_set_error_if_cancelled (cancellable, error))
    /* TRANSLATORS: betweenness centrality could not be computed, and why */
    g_set_error (error, CS_LAYOUT_ERROR, CS_LAYOUT_ERROR_FAILED, _("Betweenness failed: %s"),
                 _cs_igraph_reason ()[0] ? _cs_igraph_reason () : _("out of memory"));
  _cs_igraph_unlock ();
  return values;
}

/**
 * cs_metrics_betweenness:
 * @graph: a #CsGraph
 * @cancellable: (nullable): stops the computation
 * @n_sources: (out) (optional): how many nodes the shortest paths were
 *   searched from: all of them for the exact figure, fewer for an estimate
 * @error: a %CS_LAYOUT_ERROR when igraph fails, or %G_IO_ERROR_CANCELLED
 *
 * Betweenness centrality from igraph, on the simple undirected graph (each
 * linked pair counted once), normalised to 0…1 by the number of pairs of
 * other nodes: how often a node lies on the shortest paths between others,
 * the brokers between consortia scoring highest. Exact while nodes × links
 * stays within a budget, estimated from a fixed sample of sources beyond
 * it, so that the time stays bounded whatever the size. Call it from a
 * worker thread (see cs_document_request_metrics()).
 *
 * Returns: (transfer full) (nullable): one value per node
 */
double *
cs_metrics_betweenness (CsGraph       *graph,
                        GCancellable  *cancellable,
                        guint         *n_sources,
                        GError       **error)
{
  guint n, m, sample;

  g_return_val_if_fail (CS_IS_GRAPH (graph), NULL);

  n = cs_graph_get_n_nodes (graph);
  m = MAX (cs_graph_get_n_edges (graph), 1);
  sample = (double)n * m <= EXACT_BUDGET ? n : MIN (n, MAX (MIN_SAMPLE, (guint)(EXACT_BUDGET / m)));
  if (n_sources != NULL)
    *n_sources = sample;
  return _cs_metrics_betweenness_sampled (graph, sample, cancellable, error);
}
