/* cs-metrics.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-metrics.h"

#include "cs-layout-private.h"

#include <igraph.h>

/**
 * cs_metrics_betweenness:
 * @graph: a #CsGraph
 * @error: a %CS_LAYOUT_ERROR when igraph fails
 *
 * Betweenness centrality from igraph, on the simple undirected graph (each
 * linked pair counted once), normalised to 0…1 by the number of pairs of
 * other nodes: how often a node lies on the shortest paths between others,
 * the brokers between consortia scoring highest.
 *
 * Returns: (transfer full) (nullable): one value per node
 */
double *
cs_metrics_betweenness (CsGraph  *graph,
                        GError  **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  guint n = cs_graph_get_n_nodes (graph);
  igraph_vector_int_t edges;
  igraph_vector_t result;
  igraph_t g;
  double *values = NULL;
  double pairs;

  g_return_val_if_fail (CS_IS_GRAPH (graph), NULL);

  if (n == 0)
    return g_new0 (double, 1);

  _cs_igraph_lock ();
  if (igraph_vector_int_init (&edges, 0) != IGRAPH_SUCCESS)
    goto out;
  for (guint i = 0; i < cs_graph_get_n_edges (graph); i++)
    {
      const CsEdge *edge = cs_graph_get_edge (graph, i);
      gint64 key = ((gint64)MIN (edge->source, edge->target) << 32) |
                   MAX (edge->source, edge->target);

      if (edge->source == edge->target || g_hash_table_contains (seen, &key))
        continue;
      g_hash_table_add (seen, g_memdup2 (&key, sizeof key));
      igraph_vector_int_push_back (&edges, edge->source);
      igraph_vector_int_push_back (&edges, edge->target);
    }
  if (igraph_create (&g, &edges, n, IGRAPH_UNDIRECTED) == IGRAPH_SUCCESS)
    {
      if (igraph_vector_init (&result, n) == IGRAPH_SUCCESS)
        {
          if (igraph_betweenness (&g, &result, igraph_vss_all (), /* directed = */ false, NULL) ==
              IGRAPH_SUCCESS)
            {
              pairs = n > 2 ? (n - 1.0) * (n - 2.0) / 2.0 : 1.0;
              values = g_new (double, n);
              for (guint i = 0; i < n; i++)
                values[i] = VECTOR (result)[i] / pairs;
            }
          igraph_vector_destroy (&result);
        }
      igraph_destroy (&g);
    }
  igraph_vector_int_destroy (&edges);

out:
  if (values == NULL)
    g_set_error (error, CS_LAYOUT_ERROR, CS_LAYOUT_ERROR_FAILED, "Betweenness failed: %s",
                 _cs_igraph_reason ()[0] ? _cs_igraph_reason () : "out of memory");
  _cs_igraph_unlock ();
  return values;
}
