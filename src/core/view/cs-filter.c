/* cs-filter.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-filter.h"

#include "cs-search.h"

#include <string.h>

static gboolean
role_matches (const CsEdge *edge,
              const char   *folded)
{
  g_autofree char *role = edge->role != NULL ? cs_search_normalize (edge->role) : NULL;
  g_autofree char *role_en = edge->role_en != NULL ? cs_search_normalize (edge->role_en) : NULL;

  return (role != NULL && strstr (role, folded) != NULL) ||
         (role_en != NULL && strstr (role_en, folded) != NULL);
}

/**
 * cs_filter_init:
 * @filter: (out caller-allocates): the filter
 *
 * A filter that shows everything.
 */
void
cs_filter_init (CsFilter *filter)
{
  g_return_if_fail (filter != NULL);

  *filter = (CsFilter) {
    .types = CS_FILTER_ALL_TYPES,
    .relations = CS_FILTER_ALL_RELATIONS,
    .consortium = -1,
    .stage = CS_FILTER_STAGE_ANY,
    .around = -1,
    .depth = 1,
  };
}

gboolean
cs_filter_is_active (const CsFilter *filter)
{
  g_return_val_if_fail (filter != NULL, FALSE);

  return (filter->types & CS_FILTER_ALL_TYPES) != CS_FILTER_ALL_TYPES ||
         (filter->relations & CS_FILTER_ALL_RELATIONS) != CS_FILTER_ALL_RELATIONS ||
         filter->consortium >= 0 || filter->stage != CS_FILTER_STAGE_ANY || filter->around >= 0 ||
         filter->around == CS_FILTER_AROUND_SELECTION || filter->role[0] != '\0';
}

gboolean
cs_filter_equal (const CsFilter *a,
                 const CsFilter *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return a->types == b->types && a->relations == b->relations && a->consortium == b->consortium &&
         a->stage == b->stage && a->around == b->around &&
         (a->around == -1 || a->depth == b->depth) && !!a->hide == !!b->hide &&
         strcmp (a->role, b->role) == 0;
}

static gboolean
team_at_stage (const CsNode  *node,
               CsFilterStage  stage)
{
  if (node->type != CS_NODE_TYPE_CONSORTIUM)
    return FALSE;
  for (guint i = 0; i < node->events->len; i++)
    {
      CsStage s = ((const CsEvent *)g_ptr_array_index (node->events, i))->stage;

      switch (stage)
        {
        case CS_FILTER_STAGE_APPLIED:
          /* every team with a stage result applied */
          return TRUE;
        case CS_FILTER_STAGE_PASSED_DOCUMENT_REVIEW:
          if (s == CS_STAGE_PASSED_DOCUMENT_REVIEW)
            return TRUE;
          break;
        case CS_FILTER_STAGE_SELECTED:
          if (s == CS_STAGE_SELECTED)
            return TRUE;
          break;
        case CS_FILTER_STAGE_ANY:
        default:
          return TRUE;
        }
    }
  return FALSE;
}

/* marks @team and the nodes that lead it or are members of it */
static void
mark_team (CsGraph *graph,
           guint    team,
           guint8  *marks)
{
  guint n_edges;
  const guint *edges = cs_graph_get_incident_edges (graph, team, &n_edges);

  marks[team] = 1;
  for (guint e = 0; e < n_edges; e++)
    {
      const CsEdge *edge = cs_graph_get_edge (graph, edges[e]);

      if (edge->target == team &&
          (edge->relation == CS_RELATION_MEMBER_OF || edge->relation == CS_RELATION_LEADS))
        marks[edge->source] = 1;
    }
}

/**
 * cs_filter_apply:
 * @filter: the filter
 * @graph: the graph
 * @edges_shown: (out) (optional) (transfer full): one flag per edge
 *
 * Returns: (transfer full): one flag per node, 1 when the node is shown
 */
guint8 *
cs_filter_apply (const CsFilter  *filter,
                 CsGraph         *graph,
                 guint8         **edges_shown)
{
  guint n_nodes, n_edges;
  guint8 *shown;

  g_return_val_if_fail (filter != NULL, NULL);
  g_return_val_if_fail (CS_IS_GRAPH (graph), NULL);

  n_nodes = cs_graph_get_n_nodes (graph);
  n_edges = cs_graph_get_n_edges (graph);
  shown = g_new (guint8, MAX (n_nodes, 1));

  for (guint i = 0; i < n_nodes; i++)
    shown[i] = (filter->types & (1u << cs_graph_get_node (graph, i)->type)) != 0;

  if (filter->consortium >= 0 && filter->consortium < (int)n_nodes)
    {
      g_autofree guint8 *team = g_new0 (guint8, n_nodes);

      mark_team (graph, filter->consortium, team);
      for (guint i = 0; i < n_nodes; i++)
        shown[i] &= team[i];
    }

  if (filter->stage != CS_FILTER_STAGE_ANY)
    {
      g_autofree guint8 *teams = g_new0 (guint8, n_nodes);

      for (guint i = 0; i < n_nodes; i++)
        if (team_at_stage (cs_graph_get_node (graph, i), filter->stage))
          mark_team (graph, i, teams);
      for (guint i = 0; i < n_nodes; i++)
        shown[i] &= teams[i];
    }

  if (filter->around >= 0 && filter->around < (int)n_nodes)
    {
      /* breadth-first out to the depth, along the relations shown */
      g_autofree guint *distance = g_new (guint, n_nodes);
      g_autoptr(GQueue) queue = g_queue_new ();
      guint depth = CLAMP (filter->depth, 1, 3);

      for (guint i = 0; i < n_nodes; i++)
        distance[i] = G_MAXUINT;
      distance[filter->around] = 0;
      g_queue_push_tail (queue, GUINT_TO_POINTER (filter->around));
      while (!g_queue_is_empty (queue))
        {
          guint node = GPOINTER_TO_UINT (g_queue_pop_head (queue));
          guint count;
          const guint *edges = cs_graph_get_incident_edges (graph, node, &count);

          if (distance[node] == depth)
            continue;
          for (guint e = 0; e < count; e++)
            {
              const CsEdge *edge = cs_graph_get_edge (graph, edges[e]);
              guint other = edge->source == node ? edge->target : edge->source;

              if ((filter->relations & (1u << edge->relation)) == 0 || distance[other] != G_MAXUINT)
                continue;
              distance[other] = distance[node] + 1;
              g_queue_push_tail (queue, GUINT_TO_POINTER (other));
            }
        }
      for (guint i = 0; i < n_nodes; i++)
        shown[i] &= distance[i] != G_MAXUINT;
    }

  if (filter->role[0] != '\0')
    {
      g_autofree char *folded = cs_search_normalize (filter->role);
      g_autofree guint8 *ends = g_new0 (guint8, MAX (n_nodes, 1));

      for (guint e = 0; e < n_edges; e++)
        {
          const CsEdge *edge = cs_graph_get_edge (graph, e);

          if (role_matches (edge, folded))
            ends[edge->source] = ends[edge->target] = 1;
        }
      for (guint i = 0; i < n_nodes; i++)
        shown[i] &= ends[i];
    }

  if (edges_shown != NULL)
    {
      *edges_shown = g_new (guint8, MAX (n_edges, 1));
      for (guint e = 0; e < n_edges; e++)
        {
          const CsEdge *edge = cs_graph_get_edge (graph, e);

          (*edges_shown)[e] = shown[edge->source] && shown[edge->target] &&
                              (filter->relations & (1u << edge->relation)) != 0;
        }
      if (filter->role[0] != '\0')
        {
          g_autofree char *folded = cs_search_normalize (filter->role);

          for (guint e = 0; e < n_edges; e++)
            (*edges_shown)[e] &= role_matches (cs_graph_get_edge (graph, e), folded);
        }
    }
  return shown;
}
