/* cs-layout-groups.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-layout-groups-private.h"

#include <stdlib.h>

/* Reads the programme's structure out of a graph: who leads and who
 * belongs to each consortium, who belongs to several, what sits at the
 * centre, and for everything else the group it hangs off (the nearest
 * one, by links). Plain GLib; the layouts built on it call igraph. */

static void
group_free (CsLayoutGroup *group)
{
  g_array_unref (group->nodes);
  g_free (group);
}

static guint
add_group (CsLayoutGroups    *self,
           CsLayoutGroupKind  kind,
           guint              heart,
           guint              anchor)
{
  CsLayoutGroup *group = g_new0 (CsLayoutGroup, 1);

  group->kind = kind;
  group->heart = heart;
  group->anchor = anchor;
  group->nodes = g_array_new (FALSE, FALSE, sizeof (guint));
  g_ptr_array_add (self->groups, group);
  return self->groups->len - 1;
}

static gboolean
is_consortium (CsGraph *graph,
               guint    node)
{
  return cs_graph_get_node (graph, node)->type == CS_NODE_TYPE_CONSORTIUM;
}

static int
compare_pairs (const void *a,
               const void *b)
{
  guint64 pa = *(const guint64 *)a, pb = *(const guint64 *)b;

  return (pa > pb) - (pa < pb);
}

/* everything not in a group yet joins the group it is nearest to by links
 * (breadth first); what no link reaches is the rest */
static void
attach_rest (CsLayoutGroups *self,
             CsGraph        *graph)
{
  guint n = self->n_nodes, head = 0, tail = 0, rest = G_MAXUINT;
  g_autofree guint *queue = g_new (guint, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    if (self->group[i] != G_MAXUINT)
      queue[tail++] = i;
  while (head < tail)
    {
      guint u = queue[head++], n_incident;
      const guint *incident = cs_graph_get_incident_edges (graph, u, &n_incident);

      for (guint k = 0; k < n_incident; k++)
        {
          const CsEdge *edge = cs_graph_get_edge (graph, incident[k]);
          guint v = edge->source == u ? edge->target : edge->source;

          if (self->group[v] == G_MAXUINT)
            {
              self->group[v] = self->group[u];
              queue[tail++] = v;
            }
        }
    }
  for (guint i = 0; i < n; i++)
    {
      if (self->group[i] == G_MAXUINT)
        {
          if (rest == G_MAXUINT)
            rest = add_group (self, CS_LAYOUT_GROUP_REST, G_MAXUINT, G_MAXUINT);
          self->group[i] = rest;
        }
      g_array_append_val (((CsLayoutGroup *)g_ptr_array_index (self->groups,
                                                               self->group[i]))->nodes, i);
    }
}


/**
 * _cs_layout_groups_new:
 * @graph: a #CsGraph
 *
 * Each consortium is a group, with its best-connected lead at its heart
 * and every organisation that leads or belongs to it alone; an
 * organisation of several consortia is a group of its own (a bridge);
 * programmes and governments are the centre. Every other node joins the
 * group of the nearest of those by links (breadth first, ties to the
 * lower index), and what no link reaches is the rest.
 *
 * Returns: (transfer full): the groups
 */
CsLayoutGroups *
_cs_layout_groups_new (CsGraph *graph)
{
  CsLayoutGroups *self = g_new0 (CsLayoutGroups, 1);
  guint n = cs_graph_get_n_nodes (graph);
  guint n_edges = cs_graph_get_n_edges (graph);
  g_autofree guint64 *pairs = g_new (guint64, MAX (n_edges, 1));
  g_autofree guint *n_teams = g_new0 (guint, MAX (n, 1));
  g_autofree guint *team = g_new (guint, MAX (n, 1));
  g_autofree guint *heart = g_new (guint, MAX (n, 1));
  g_autofree gboolean *is_heart = g_new0 (gboolean, MAX (n, 1));
  guint n_pairs = 0;

  self->n_nodes = n;
  self->roles = g_new0 (CsLayoutRole, MAX (n, 1));
  self->group = g_new (guint, MAX (n, 1));
  self->groups = g_ptr_array_new_with_free_func ((GDestroyNotify)group_free);
  self->centre = G_MAXUINT;

  for (guint i = 0; i < n; i++)
    {
      self->group[i] = G_MAXUINT;
      heart[i] = G_MAXUINT;
    }

  /* who leads or belongs to which consortium, each pair once */
  for (guint e = 0; e < n_edges; e++)
    {
      const CsEdge *edge = cs_graph_get_edge (graph, e);

      if ((edge->relation == CS_RELATION_MEMBER_OF || edge->relation == CS_RELATION_LEADS) &&
          is_consortium (graph, edge->target) && !is_consortium (graph, edge->source))
        pairs[n_pairs++] = ((guint64)edge->source << 32) | edge->target;
    }
  qsort (pairs, n_pairs, sizeof (guint64), compare_pairs);
  for (guint k = 0; k < n_pairs; k++)
    if (k == 0 || pairs[k] != pairs[k - 1])
      {
        guint source = pairs[k] >> 32;

        if (n_teams[source]++ == 0)
          team[source] = pairs[k] & 0xffffffffu;
      }

  /* each consortium's heart: its best-connected lead not already the
   * heart of another */
  for (guint e = 0; e < n_edges; e++)
    {
      const CsEdge *edge = cs_graph_get_edge (graph, e);
      guint c = edge->target, s = edge->source, old;

      if (edge->relation != CS_RELATION_LEADS || !is_consortium (graph, c) ||
          is_consortium (graph, s) || (is_heart[s] && heart[c] != s))
        continue;
      old = heart[c];
      if (old == G_MAXUINT || cs_graph_get_degree (graph, s) > cs_graph_get_degree (graph, old) ||
          (cs_graph_get_degree (graph, s) == cs_graph_get_degree (graph, old) && s < old))
        {
          if (old != G_MAXUINT)
            is_heart[old] = FALSE;
          heart[c] = s;
          is_heart[s] = TRUE;
        }
    }

  for (guint i = 0; i < n; i++)
    if (is_consortium (graph, i))
      {
        guint g = add_group (self, CS_LAYOUT_GROUP_CONSORTIUM,
                             heart[i] != G_MAXUINT ? heart[i] : i, i);

        self->group[i] = g;
        self->roles[i] = CS_LAYOUT_ROLE_CONSORTIUM;
        if (heart[i] != G_MAXUINT)
          {
            self->group[heart[i]] = g;
            self->roles[heart[i]] = CS_LAYOUT_ROLE_LEAD;
          }
        self->n_consortia++;
      }

  for (guint i = 0; i < n; i++)
    {
      if (self->group[i] != G_MAXUINT || n_teams[i] == 0)
        continue;
      if (n_teams[i] == 1)
        {
          self->group[i] = self->group[team[i]];
          self->roles[i] = CS_LAYOUT_ROLE_MEMBER;
        }
      else
        {
          self->group[i] = add_group (self, CS_LAYOUT_GROUP_BRIDGE, i, i);
          self->roles[i] = CS_LAYOUT_ROLE_BRIDGE;
        }
    }

  /* the centre: programmes, governments and what runs a programme */
  for (guint e = 0; e < n_edges; e++)
    {
      const CsEdge *edge = cs_graph_get_edge (graph, e);

      if (edge->relation == CS_RELATION_RUNS && self->group[edge->source] == G_MAXUINT &&
          cs_graph_get_node (graph, edge->target)->type == CS_NODE_TYPE_PROGRAMME)
        self->roles[edge->source] = CS_LAYOUT_ROLE_GOVERNMENT;
    }
  for (guint i = 0; i < n; i++)
    {
      CsNodeType type = cs_graph_get_node (graph, i)->type;

      if (self->group[i] != G_MAXUINT)
        continue;
      if (type == CS_NODE_TYPE_PROGRAMME)
        self->roles[i] = CS_LAYOUT_ROLE_PROGRAMME;
      else if (type == CS_NODE_TYPE_GOVERNMENT)
        self->roles[i] = CS_LAYOUT_ROLE_GOVERNMENT;
      if (self->roles[i] == CS_LAYOUT_ROLE_PROGRAMME || self->roles[i] == CS_LAYOUT_ROLE_GOVERNMENT)
        {
          if (self->centre == G_MAXUINT)
            self->centre = add_group (self, CS_LAYOUT_GROUP_CENTRE, i, i);
          self->group[i] = self->centre;
        }
    }
  /* the centre's heart: its best-connected programme */
  if (self->centre != G_MAXUINT)
    {
      CsLayoutGroup *centre = g_ptr_array_index (self->groups, self->centre);

      for (guint i = 0; i < n; i++)
        if (self->group[i] == self->centre &&
            (self->roles[centre->heart] != CS_LAYOUT_ROLE_PROGRAMME ||
             (self->roles[i] == CS_LAYOUT_ROLE_PROGRAMME &&
              cs_graph_get_degree (graph, i) > cs_graph_get_degree (graph, centre->heart))))
          centre->heart = centre->anchor = i;
    }

  attach_rest (self, graph);
  return self;
}

/**
 * _cs_layout_groups_new_from_partition:
 * @graph: a #CsGraph
 * @partition: per node, a group from 0, or %G_MAXUINT for none
 *
 * Groups an attribute makes (cs_layout_params_set_groups()): each is laid
 * out as a consortium would be, round its best-connected node; a node of
 * no group joins the nearest one by links, as in _cs_layout_groups_new().
 *
 * Returns: (transfer full): the groups
 */
CsLayoutGroups *
_cs_layout_groups_new_from_partition (CsGraph     *graph,
                                      const guint *partition)
{
  CsLayoutGroups *self = g_new0 (CsLayoutGroups, 1);
  guint n = cs_graph_get_n_nodes (graph);
  g_autoptr(GHashTable) made = g_hash_table_new (NULL, NULL);

  self->n_nodes = n;
  self->roles = g_new0 (CsLayoutRole, MAX (n, 1));
  self->group = g_new (guint, MAX (n, 1));
  self->groups = g_ptr_array_new_with_free_func ((GDestroyNotify)group_free);
  self->centre = G_MAXUINT;
  for (guint i = 0; i < n; i++)
    {
      gpointer found;

      self->group[i] = G_MAXUINT;
      if (partition[i] == G_MAXUINT)
        continue;
      if (g_hash_table_lookup_extended (made, GUINT_TO_POINTER (partition[i]), NULL, &found))
        {
          CsLayoutGroup *group = g_ptr_array_index (self->groups, GPOINTER_TO_UINT (found));

          self->group[i] = GPOINTER_TO_UINT (found);
          self->roles[i] = CS_LAYOUT_ROLE_MEMBER;
          /* the heart: the best-connected, the first of equals */
          if (cs_graph_get_degree (graph, i) > cs_graph_get_degree (graph, group->heart))
            {
              self->roles[group->heart] = CS_LAYOUT_ROLE_MEMBER;
              group->heart = group->anchor = i;
              self->roles[i] = CS_LAYOUT_ROLE_LEAD;
            }
        }
      else
        {
          self->group[i] = add_group (self, CS_LAYOUT_GROUP_CONSORTIUM, i, i);
          self->roles[i] = CS_LAYOUT_ROLE_LEAD;
          g_hash_table_insert (made, GUINT_TO_POINTER (partition[i]),
                               GUINT_TO_POINTER (self->group[i]));
          self->n_consortia++;
        }
    }
  attach_rest (self, graph);
  return self;
}

void
_cs_layout_groups_free (CsLayoutGroups *self)
{
  if (self == NULL)
    return;
  g_free (self->roles);
  g_free (self->group);
  g_ptr_array_unref (self->groups);
  g_free (self);
}

/**
 * _cs_layout_groups_layers:
 * @self: the groups of @graph
 * @graph: a #CsGraph
 *
 * Layers for a layered drawing, top first: governments, programmes,
 * consortia, their leads and members, then everything else below the
 * node it hangs off (models under their developers), each layer that has
 * nodes in turn. A graph without that structure is layered by links from
 * the best-connected node of each piece.
 *
 * Returns: (transfer full): a layer per node, from 0
 */
guint *
_cs_layout_groups_layers (const CsLayoutGroups *self,
                          CsGraph              *graph)
{
  enum { GOVERNMENT, PROGRAMME, CONSORTIUM, MEMBER, N_RANKS };
  guint n = self->n_nodes;
  guint *layer = g_new (guint, MAX (n, 1));
  g_autofree guint *queue = g_new (guint, MAX (n, 1));
  guint rank_layer[N_RANKS], next = 0, floor_layer, head = 0, tail = 0;
  gboolean present[N_RANKS] = { FALSE, };

  for (guint i = 0; i < n; i++)
    {
      layer[i] = G_MAXUINT;
      switch (self->roles[i])
        {
        case CS_LAYOUT_ROLE_GOVERNMENT: present[GOVERNMENT] = TRUE; break;
        case CS_LAYOUT_ROLE_PROGRAMME: present[PROGRAMME] = TRUE; break;
        case CS_LAYOUT_ROLE_CONSORTIUM: present[CONSORTIUM] = TRUE; break;
        case CS_LAYOUT_ROLE_LEAD:
        case CS_LAYOUT_ROLE_MEMBER:
        case CS_LAYOUT_ROLE_BRIDGE: present[MEMBER] = TRUE; break;
        case CS_LAYOUT_ROLE_OTHER:
        default: break;
        }
    }
  for (guint r = 0; r < N_RANKS; r++)
    rank_layer[r] = present[r] ? next++ : next;
  floor_layer = next;

  for (guint i = 0; i < n; i++)
    {
      switch (self->roles[i])
        {
        case CS_LAYOUT_ROLE_GOVERNMENT: layer[i] = rank_layer[GOVERNMENT]; break;
        case CS_LAYOUT_ROLE_PROGRAMME: layer[i] = rank_layer[PROGRAMME]; break;
        case CS_LAYOUT_ROLE_CONSORTIUM: layer[i] = rank_layer[CONSORTIUM]; break;
        case CS_LAYOUT_ROLE_LEAD:
        case CS_LAYOUT_ROLE_MEMBER:
        case CS_LAYOUT_ROLE_BRIDGE: layer[i] = rank_layer[MEMBER]; break;
        case CS_LAYOUT_ROLE_OTHER:
        default: continue;
        }
      queue[tail++] = i;
    }

  /* the rest below what they hang off; a piece with no structure from its
   * best-connected node */
  for (guint pass = 0;; pass++)
    {
      while (head < tail)
        {
          guint u = queue[head++], n_incident;
          const guint *incident = cs_graph_get_incident_edges (graph, u, &n_incident);

          for (guint k = 0; k < n_incident; k++)
            {
              const CsEdge *edge = cs_graph_get_edge (graph, incident[k]);
              guint v = edge->source == u ? edge->target : edge->source;

              if (layer[v] == G_MAXUINT)
                {
                  layer[v] = MAX (layer[u] + 1, floor_layer);
                  queue[tail++] = v;
                }
            }
        }
      if (tail == n)
        break;
      {
        guint root = G_MAXUINT;

        for (guint i = 0; i < n; i++)
          if (layer[i] == G_MAXUINT &&
              (root == G_MAXUINT ||
               cs_graph_get_degree (graph, i) > cs_graph_get_degree (graph, root)))
            root = i;
        layer[root] = floor_layer;
        queue[tail++] = root;
      }
    }
  return layer;
}

/**
 * _cs_layout_dfs_order:
 * @graph: a #CsGraph
 * @root: the node to start from
 *
 * Every node once, depth first from @root, then from the lowest unreached
 * node of each other piece: a node's descendants come together, so a ring
 * in this order draws short chords.
 *
 * Returns: (transfer full): the order, cs_graph_get_n_nodes() long
 */
guint *
_cs_layout_dfs_order (CsGraph *graph,
                      guint    root)
{
  guint n = cs_graph_get_n_nodes (graph);
  guint *order = g_new (guint, MAX (n, 1));
  g_autofree gboolean *seen = g_new0 (gboolean, MAX (n, 1));
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (guint));
  guint k = 0;

  g_assert (root < n);

  for (guint start = 0; start <= n; start++)
    {
      guint s = start == 0 ? root : start - 1;

      if (seen[s])
        continue;
      g_array_append_val (stack, s);
      while (stack->len > 0)
        {
          guint u = g_array_index (stack, guint, stack->len - 1), n_incident;
          const guint *incident;

          g_array_set_size (stack, stack->len - 1);
          if (seen[u])
            continue;
          seen[u] = TRUE;
          order[k++] = u;
          incident = cs_graph_get_incident_edges (graph, u, &n_incident);
          /* pushed last first, so the lowest edge is walked first */
          for (guint j = n_incident; j-- > 0;)
            {
              const CsEdge *edge = cs_graph_get_edge (graph, incident[j]);
              guint v = edge->source == u ? edge->target : edge->source;

              if (!seen[v])
                g_array_append_val (stack, v);
            }
        }
    }
  g_assert (k == n);
  return order;
}
