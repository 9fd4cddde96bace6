/* cs-filter.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-filter.h"

#include "cs-stages.h"

#include "cs-search.h"

#include <string.h>

G_DEFINE_BOXED_TYPE (CsFilter, cs_filter, cs_filter_copy, cs_filter_free)

/**
 * cs_filter_new:
 *
 * Returns: (transfer full): a filter that shows everything
 */
CsFilter *
cs_filter_new (void)
{
  CsFilter *filter = g_new0 (CsFilter, 1);

  filter->hidden_types = g_new0 (char *, 1);
  filter->hidden_relations = g_new0 (char *, 1);
  filter->consortium = -1;
  filter->around = -1;
  filter->depth = 1;
  return filter;
}

CsFilter *
cs_filter_copy (const CsFilter *filter)
{
  CsFilter *copy;

  g_return_val_if_fail (filter != NULL, NULL);

  copy = g_memdup2 (filter, sizeof *filter);
  copy->hidden_types = g_strdupv (filter->hidden_types);
  copy->hidden_relations = g_strdupv (filter->hidden_relations);
  copy->role = g_strdup (filter->role);
  copy->stage = g_strdup (filter->stage);
  return copy;
}

void
cs_filter_free (CsFilter *filter)
{
  if (filter == NULL)
    return;

  g_strfreev (filter->hidden_types);
  g_strfreev (filter->hidden_relations);
  g_free (filter->role);
  g_free (filter->stage);
  g_free (filter);
}

gboolean
cs_filter_is_active (const CsFilter *filter)
{
  g_return_val_if_fail (filter != NULL, FALSE);

  return filter->hidden_types[0] != NULL || filter->hidden_relations[0] != NULL ||
         filter->consortium >= 0 || filter->stage != NULL || filter->around >= 0 ||
         filter->around == CS_FILTER_AROUND_SELECTION ||
         (filter->role != NULL && filter->role[0] != '\0');
}

static gboolean
same_names (char **a,
            char **b)
{
  guint n = g_strv_length (a);

  if (n != g_strv_length (b))
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (!g_strv_contains ((const char *const *)b, a[i]))
      return FALSE;
  return TRUE;
}

gboolean
cs_filter_equal (const CsFilter *a,
                 const CsFilter *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return same_names (a->hidden_types, b->hidden_types) &&
         same_names (a->hidden_relations, b->hidden_relations) && a->consortium == b->consortium &&
         g_strcmp0 (a->stage, b->stage) == 0 && a->around == b->around &&
         (a->around == -1 || a->depth == b->depth) && !!a->hide == !!b->hide &&
         g_strcmp0 (a->role != NULL && a->role[0] ? a->role : NULL,
                    b->role != NULL && b->role[0] ? b->role : NULL) == 0;
}

static void
set_listed (char       ***names,
            const char   *name,
            gboolean      listed)
{
  g_autoptr(GStrvBuilder) builder = NULL;

  if (g_strv_contains ((const char *const *)*names, name) == listed)
    return;
  builder = g_strv_builder_new ();
  for (guint i = 0; (*names)[i] != NULL; i++)
    if (!g_str_equal ((*names)[i], name))
      g_strv_builder_add (builder, (*names)[i]);
  if (listed)
    g_strv_builder_add (builder, name);
  g_strfreev (*names);
  *names = g_strv_builder_end (builder);
}

gboolean
cs_filter_get_type_shown (const CsFilter *filter,
                          const char     *type)
{
  g_return_val_if_fail (filter != NULL, FALSE);
  g_return_val_if_fail (type != NULL, FALSE);

  return !g_strv_contains ((const char *const *)filter->hidden_types, type);
}

void
cs_filter_set_type_shown (CsFilter   *filter,
                          const char *type,
                          gboolean    shown)
{
  g_return_if_fail (filter != NULL);
  g_return_if_fail (type != NULL);

  set_listed (&filter->hidden_types, type, !shown);
}

gboolean
cs_filter_get_relation_shown (const CsFilter *filter,
                              const char     *relation)
{
  g_return_val_if_fail (filter != NULL, FALSE);
  g_return_val_if_fail (relation != NULL, FALSE);

  return !g_strv_contains ((const char *const *)filter->hidden_relations, relation);
}

void
cs_filter_set_relation_shown (CsFilter   *filter,
                              const char *relation,
                              gboolean    shown)
{
  g_return_if_fail (filter != NULL);
  g_return_if_fail (relation != NULL);

  set_listed (&filter->hidden_relations, relation, !shown);
}

void
cs_filter_set_role (CsFilter   *filter,
                    const char *role)
{
  g_return_if_fail (filter != NULL);

  g_free (filter->role);
  filter->role = role != NULL && role[0] != '\0' ? g_strdup (role) : NULL;
}

static gboolean
role_matches (const CsEdge *edge,
              const char   *folded)
{
  g_autofree char *role = edge->role != NULL ? cs_search_normalize (edge->role) : NULL;
  g_autofree char *role_en = edge->role_en != NULL ? cs_search_normalize (edge->role_en) : NULL;

  return (role != NULL && strstr (role, folded) != NULL) ||
         (role_en != NULL && strstr (role_en, folded) != NULL);
}

/* marks @team, the nodes that lead it or are members of it, and what the
 * team itself develops, uses or supplies (its models) */
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
      else if (edge->source == team &&
               (edge->relation == CS_RELATION_DEVELOPS || edge->relation == CS_RELATION_USES ||
                edge->relation == CS_RELATION_SUPPLIES))
        marks[edge->target] = 1;
    }
}

/* Leaves out, at @stage, the teams not in the running and whoever belongs
 * to those teams alone (leads and members); what belongs to no team, such
 * as the programme, stays. O(nodes + edges + teams log teams). */
static void
at_stage (CsGraph        *graph,
          const CsStages *stages,
          guint           stage,
          guint8         *shown)
{
  guint n_nodes = cs_graph_get_n_nodes (graph);
  guint n_edges = cs_graph_get_n_edges (graph);
  g_autofree guint8 *team = g_new0 (guint8, MAX (n_nodes, 1));      /* 1 a team, 2 running */
  g_autofree guint8 *belongs = g_new0 (guint8, MAX (n_nodes, 1));   /* 1 some team, 2 running */

  for (guint s = 0; s < cs_stages_get_n_stages (stages); s++)
    {
      const CsStageInfo *info = cs_stages_get_stage (stages, s);

      for (guint i = 0; i < info->n_named; i++)
        team[info->named[i]] = 1;
    }
  for (guint i = 0; i < cs_stages_get_stage (stages, stage)->n_running; i++)
    team[cs_stages_get_stage (stages, stage)->running[i]] = 2;
  for (guint e = 0; e < n_edges; e++)
    {
      const CsEdge *edge = cs_graph_get_edge (graph, e);

      if ((edge->relation == CS_RELATION_MEMBER_OF || edge->relation == CS_RELATION_LEADS) &&
          team[edge->target] != 0)
        belongs[edge->source] = MAX (belongs[edge->source], team[edge->target]);
    }
  for (guint i = 0; i < n_nodes; i++)
    {
      if (team[i] == 1 || (team[i] == 0 && belongs[i] == 1))
        shown[i] = 0;
    }
}

/**
 * cs_filter_set_stage:
 * @filter: the filter
 * @stage: (nullable): a stage word, or %NULL for every stage
 */
void
cs_filter_set_stage (CsFilter   *filter,
                     const char *stage)
{
  g_return_if_fail (filter != NULL);

  if (stage != filter->stage)
    {
      g_free (filter->stage);
      filter->stage = g_strdup (stage);
    }
}

/* per id of the graph's vocabulary, whether the filter shows it */
static guint8 *
names_shown (char       **hidden,
             CsGraph     *graph,
             guint        n,
             const char *(*name_of) (CsGraph *, guint))
{
  guint8 *shown = g_new (guint8, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    shown[i] = !g_strv_contains ((const char *const *)hidden, name_of (graph, i));
  return shown;
}

/**
 * cs_filter_apply:
 * @filter: the filter
 * @graph: the graph; the filter's node indices refer to it
 * @selection: (array length=n_selection) (nullable): the selected nodes,
 *   for %CS_FILTER_AROUND_SELECTION
 * @n_selection: how many
 * @edges_shown: (out) (optional) (transfer full): one flag per edge
 *
 * O(nodes + edges). Thread safe.
 *
 * Returns: (transfer full): one flag per node, 1 when the node is shown
 */
guint8 *
cs_filter_apply (const CsFilter  *filter,
                 CsGraph         *graph,
                 const guint     *selection,
                 guint            n_selection,
                 guint8         **edges_shown)
{
  g_autofree guint8 *type_shown = NULL;
  g_autofree guint8 *relation_shown = NULL;
  g_autofree char *folded = NULL;
  guint n_nodes, n_edges;
  guint8 *shown;

  g_return_val_if_fail (filter != NULL, NULL);
  g_return_val_if_fail (CS_IS_GRAPH (graph), NULL);
  g_return_val_if_fail (selection != NULL || n_selection == 0, NULL);

  n_nodes = cs_graph_get_n_nodes (graph);
  n_edges = cs_graph_get_n_edges (graph);
  shown = g_new (guint8, MAX (n_nodes, 1));
  type_shown = names_shown (filter->hidden_types, graph, cs_graph_get_n_types (graph),
                            cs_graph_get_type_name);
  relation_shown = names_shown (filter->hidden_relations, graph, cs_graph_get_n_relations (graph),
                                cs_graph_get_relation_name);
  if (filter->role != NULL && filter->role[0] != '\0')
    folded = cs_search_normalize (filter->role);

  for (guint i = 0; i < n_nodes; i++)
    shown[i] = type_shown[cs_graph_get_node (graph, i)->type];

  if (filter->consortium >= 0 && filter->consortium < (int)n_nodes)
    {
      g_autofree guint8 *team = g_new0 (guint8, n_nodes);

      mark_team (graph, filter->consortium, team);
      for (guint i = 0; i < n_nodes; i++)
        shown[i] &= team[i];
    }

  if (filter->stage != NULL)
    {
      const CsStages *stages = cs_stages_get (graph);
      int stage = cs_stages_lookup (stages, filter->stage);

      if (stage >= 0)
        at_stage (graph, stages, stage, shown);
    }

  if ((filter->around >= 0 && filter->around < (int)n_nodes) ||
      filter->around == CS_FILTER_AROUND_SELECTION)
    {
      /* breadth-first from every seed out to the depth, along the
       * relations shown */
      g_autofree guint *distance = g_new (guint, MAX (n_nodes, 1));
      g_autofree guint *queue = g_new (guint, MAX (n_nodes, 1));
      guint head = 0, tail = 0;
      guint depth = CLAMP (filter->depth, 1, 3);
      guint seed = filter->around;
      const guint *seeds = filter->around >= 0 ? &seed : selection;
      guint n_seeds = filter->around >= 0 ? 1 : n_selection;

      for (guint i = 0; i < n_nodes; i++)
        distance[i] = G_MAXUINT;
      for (guint s = 0; s < n_seeds; s++)
        {
          if (seeds[s] >= n_nodes || distance[seeds[s]] == 0)
            continue;
          distance[seeds[s]] = 0;
          queue[tail++] = seeds[s];
        }
      while (head < tail)
        {
          guint node = queue[head++];
          guint count;
          const guint *edges = cs_graph_get_incident_edges (graph, node, &count);

          if (distance[node] == depth)
            continue;
          for (guint e = 0; e < count; e++)
            {
              const CsEdge *edge = cs_graph_get_edge (graph, edges[e]);
              guint other = edge->source == node ? edge->target : edge->source;

              if (!relation_shown[edge->relation] || distance[other] != G_MAXUINT)
                continue;
              distance[other] = distance[node] + 1;
              queue[tail++] = other;
            }
        }
      for (guint i = 0; i < n_nodes; i++)
        shown[i] &= distance[i] != G_MAXUINT;
    }

  if (folded != NULL)
    {
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
                              relation_shown[edge->relation] &&
                              (folded == NULL || role_matches (edge, folded));
        }
    }
  return shown;
}
