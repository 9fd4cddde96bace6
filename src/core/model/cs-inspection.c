/* cs-inspection.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-inspection.h"

#include <glib/gi18n-lib.h>
#include <string.h>

static void
citation_free (CsInspectCitation *citation)
{
  g_free (citation->quote);
  g_free (citation->article);
  g_free (citation->brief);
  g_free (citation);
}

static void
row_free (CsInspectRow *row)
{
  g_free (row->text);
  g_free (row->detail);
  g_free (row->sources);
  g_clear_pointer (&row->citations, g_ptr_array_unref);
  g_free (row);
}

static void
section_free (CsInspectSection *section)
{
  g_free (section->title);
  g_ptr_array_unref (section->rows);
  g_free (section);
}

void
cs_inspection_free (CsInspection *self)
{
  if (self == NULL)
    return;

  g_free (self->title);
  g_free (self->subtitle);
  g_ptr_array_unref (self->sections);
  g_free (self);
}

static CsInspectSection *
section_new (const char *title)
{
  CsInspectSection *section = g_new0 (CsInspectSection, 1);

  section->title = g_strdup (title);
  section->rows = g_ptr_array_new_with_free_func ((GDestroyNotify)row_free);
  return section;
}

static CsInspectRow *
add_row (CsInspectSection *section,
         int               node,
         char             *text,
         char             *detail,
         char             *sources)
{
  CsInspectRow *row = g_new0 (CsInspectRow, 1);

  row->node = node;
  row->text = text;
  row->detail = detail;
  row->sources = sources;
  g_ptr_array_add (section->rows, row);
  return row;
}

/* the sources of @row, each quote with its article named by title,
 * publisher and date */
static void
cite (CsInspectRow *row,
      CsGraph      *graph,
      GPtrArray    *sources)
{
  GString *str;

  if (sources == NULL || sources->len == 0)
    return;
  str = g_string_new (NULL);
  row->citations = g_ptr_array_new_with_free_func ((GDestroyNotify)citation_free);
  for (guint i = 0; i < sources->len; i++)
    {
      const CsSource *source = g_ptr_array_index (sources, i);
      CsInspectCitation *citation = g_new0 (CsInspectCitation, 1);

      citation->quote = g_strdup (source->quote);
      citation->article = cs_graph_describe_article (graph, source->file, -1);
      citation->brief = cs_graph_describe_article (graph, source->file, 0);
      g_ptr_array_add (row->citations, citation);
      if (i > 0)
        g_string_append (str, " · ");
      if (source->quote != NULL)
        g_string_append_printf (str, "“%s” — ", source->quote);
      g_string_append (str, citation->article);
    }
  g_free (row->sources);
  row->sources = g_string_free (str, FALSE);
}

/* "passed the document review 2025-07-25 → selected 2025-08" */
static char *
stage_history (const CsNode *node)
{
  GString *str;

  if (node->events->len == 0)
    return NULL;
  str = g_string_new (NULL);
  for (guint i = 0; i < node->events->len; i++)
    {
      const CsEvent *event = g_ptr_array_index (node->events, i);
      g_autofree char *name = cs_stage_get_display_name (event->stage);

      if (i > 0)
        g_string_append (str, " → ");
      g_string_append (str, name);
      if (event->date != NULL)
        g_string_append_printf (str, " %s", event->date);
    }
  return g_string_free (str, FALSE);
}

static char *
role_text (const CsEdge *edge)
{
  if (edge->role == NULL || edge->role[0] == '\0')
    return NULL;
  if (edge->role_en != NULL && edge->role_en[0] != '\0')
    return g_strdup_printf ("%s (%s)", edge->role, edge->role_en);
  return g_strdup (edge->role);
}

/* the other node as a row names it: its names and its role, "KAIST —
 * 주관 (lead)" */
static char *
link_text (const CsNode *other,
           const CsEdge *edge)
{
  g_autofree char *role = role_text (edge);
  GString *str = g_string_new (NULL);

  g_string_append (str, other->label);
  if (other->label_en != NULL && !g_str_equal (other->label_en, other->label))
    g_string_append_printf (str, " (%s)", other->label_en);
  if (role != NULL)
    g_string_append_printf (str, " — %s", role);
  return g_string_free (str, FALSE);
}

static char *
edge_detail (const CsEdge *edge,
             const CsNode *other)
{
  g_autofree char *history = other->type == CS_NODE_TYPE_CONSORTIUM ? stage_history (other) : NULL;

  if (history != NULL && edge->note != NULL)
    return g_strdup_printf ("%s; %s", history, edge->note);
  if (history != NULL)
    return g_steal_pointer (&history);
  return g_strdup (edge->note);
}

static void
add_attributes (CsGraph          *graph,
                CsInspectSection *section,
                GPtrArray        *attributes)
{
  for (guint a = 0; a < attributes->len; a++)
    {
      const CsAttribute *attribute = g_ptr_array_index (attributes, a);
      g_autofree char *key = g_strdup (attribute->key);

      g_strdelimit (key, "_", ' ');
      /* conflicting claims stay side by side, each with its source */
      for (guint c = 0; c < attribute->claims->len; c++)
        {
          const CsClaim *claim = g_ptr_array_index (attribute->claims, c);
          char *text = attribute->claims->len > 1
                           /* TRANSLATORS: an attribute's name, which of its
                            * conflicting values this is and how many there
                            * are, then the value: "founded (claim 1 of 2):
                            * 2013" */
                           ? g_strdup_printf (_("%s (claim %u of %u): %s"), key, c + 1,
                                              attribute->claims->len, claim->value)
                           : g_strdup_printf ("%s: %s", key, claim->value);

          cite (add_row (section, -1, text, g_strdup (claim->note), NULL), graph, claim->sources);
        }
    }
}

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const CsInspectRow *x = *(const CsInspectRow **)a;
  const CsInspectRow *y = *(const CsInspectRow **)b;

  return g_utf8_collate (x->text, y->text);
}

static gboolean
is_thing (CsNodeType type)
{
  return type == CS_NODE_TYPE_MODEL || type == CS_NODE_TYPE_PRODUCT || type == CS_NODE_TYPE_CHIP;
}

/**
 * cs_inspection_new:
 * @graph: a #CsGraph
 * @node: the node to describe
 * @betweenness: (nullable): per-node betweenness, from cs_metrics_betweenness()
 * @betweenness_sources: how many nodes that searched shortest paths from: an
 *   estimate when fewer than the graph's nodes
 *
 * Gathers what the graph says about @node: for an organisation, the
 * consortia it belongs to with its role there and their stage results, the
 * models and products it develops, its people and partners, the consortia
 * it bridges and its metrics; for a consortium, its lead, members with
 * their roles, models and stage history; for a model, its developer,
 * figures and versions. Every row keeps its sources.
 *
 * Returns: (transfer full): the inspection
 */
CsInspection *
cs_inspection_new (CsGraph      *graph,
                   guint         node,
                   const double *betweenness,
                   guint         betweenness_sources)
{
  const CsNode *n;
  CsInspection *self;
  CsInspectSection *about, *stages, *consortia, *members, *makers, *things, *versions, *people,
      *links, *bridges, *metrics, *sources;
  g_autoptr(GHashTable) member_of = g_hash_table_new (NULL, NULL);
  const guint *edges;
  guint n_edges;

  g_return_val_if_fail (CS_IS_GRAPH (graph), NULL);
  g_return_val_if_fail (node < cs_graph_get_n_nodes (graph), NULL);

  n = cs_graph_get_node (graph, node);
  self = g_new0 (CsInspection, 1);
  self->node = node;
  self->title = g_strdup (n->label);
  self->subtitle = n->label_en != NULL && n->label_en[0] != '\0'
                       ? g_strdup_printf ("%s · %s", n->label_en,
                                          cs_graph_get_type_display_name (graph, n->type))
                       : g_strdup (cs_graph_get_type_display_name (graph, n->type));
  self->sections = g_ptr_array_new_with_free_func ((GDestroyNotify)section_free);

  /* TRANSLATORS: the headings of the inspector's sections, and of
   * consortia --inspect's; "Metrics" is also the section the window adds
   * its notes to, so both must say it the same way */
  about = section_new (_("About"));
  stages = section_new (_("Stage results"));
  /* TRANSLATORS: the inspector's section of the consortia a node is in */
  consortia = section_new (C_("inspector section", "Consortia"));
  members = section_new (_("Lead and members"));
  makers = section_new (_("Developed, supplied or used by"));
  things = section_new (_("Models, products and chips"));
  versions = section_new (_("Versions"));
  people = section_new (_("People"));
  links = section_new (_("Other links"));
  /* TRANSLATORS: the consortia a node links together by belonging to
   * several */
  bridges = section_new (_("Bridges"));
  metrics = section_new (_("Metrics"));
  sources = section_new (_("Sources"));

  if (n->label_en != NULL && n->label_en_outside)
    add_row (about, -1, g_strdup_printf (_("English name: %s"), n->label_en),
             /* TRANSLATORS: under "English name: …": the articles give the
              * name in Korean only, so this spelling is the app's */
             g_strdup (_("spelling not given in the articles")), NULL);
  if (n->aliases[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv (", ", n->aliases);

      /* TRANSLATORS: the node's other names, separated by commas */
      add_row (about, -1, g_strdup_printf (_("Also called: %s"), joined), NULL, NULL);
    }
  if (n->description != NULL)
    add_row (about, -1, g_strdup (n->description), NULL, NULL);
  add_attributes (graph, about, n->attributes);

  for (guint i = 0; i < n->events->len; i++)
    {
      const CsEvent *event = g_ptr_array_index (n->events, i);
      g_autofree char *name = cs_stage_get_display_name (event->stage);
      g_autofree char *what = NULL;
      GString *text = g_string_new (NULL);

      if (event->date != NULL && event->until != NULL)
        g_string_append_printf (text, "%s – %s: ", event->date, event->until);
      else if (event->date != NULL)
        g_string_append_printf (text, "%s: ", event->date);
      if (event->count >= 0 && event->planned)
        /* TRANSLATORS: a stage of the contest ("selected"), how many teams
         * it leaves in the running, and that it is still to come */
        what = g_strdup_printf (_("%s, %d in the running (planned)"), name, event->count);
      else if (event->count >= 0)
        /* TRANSLATORS: a stage of the contest ("selected") and how many
         * teams it left in the running */
        what = g_strdup_printf (_("%s, %d in the running"), name, event->count);
      else if (event->planned)
        /* TRANSLATORS: a stage of the contest ("selected") still to come */
        what = g_strdup_printf (_("%s (planned)"), name);
      g_string_append (text, what != NULL ? what : name);
      cite (add_row (stages, -1, g_string_free (text, FALSE),
                     g_strdup (event->label != NULL ? event->label : event->label_en), NULL),
            graph, event->sources);
    }

  edges = cs_graph_get_incident_edges (graph, node, &n_edges);
  for (guint e = 0; e < n_edges; e++)
    {
      const CsEdge *edge = cs_graph_get_edge (graph, edges[e]);
      gboolean outgoing = edge->source == node;
      guint other_index = outgoing ? edge->target : edge->source;
      const CsNode *other = cs_graph_get_node (graph, other_index);
      const char *relation = cs_graph_get_relation_display_name (graph, edge->relation);
      g_autofree char *name = link_text (other, edge);
      /* TRANSLATORS: a kind of link ("Partner of", "Develops") and the
       * node at its other end */
      g_autofree char *related = g_strdup_printf (C_("inspector row", "%s: %s"), relation, name);
      /* TRANSLATORS: under a row naming a node that links to this one:
       * the kind of link, such as "Develops" */
      g_autofree char *incoming = g_strdup_printf (_("%s this"), relation);
      CsInspectRow *row;
      gboolean membership = edge->relation == CS_RELATION_MEMBER_OF ||
                            edge->relation == CS_RELATION_LEADS;

      if (outgoing && membership && other->type == CS_NODE_TYPE_CONSORTIUM)
        {
          g_hash_table_add (member_of, GUINT_TO_POINTER (other_index));
          row = add_row (consortia, other_index,
                         /* TRANSLATORS: the consortium the node leads, with
                          * its role there */
                         edge->relation == CS_RELATION_LEADS ? g_strdup_printf (_("Leads %s"), name)
                                                             : g_strdup (name),
                         edge_detail (edge, other), NULL);
        }
      else if (!outgoing && membership && n->type == CS_NODE_TYPE_CONSORTIUM)
        row = add_row (members, other_index,
                       /* TRANSLATORS: the member leading the consortium,
                        * with its role there */
                       edge->relation == CS_RELATION_LEADS ? g_strdup_printf (_("Lead: %s"), name)
                                                           : g_strdup (name),
                       g_strdup (edge->note), NULL);
      else if (edge->relation == CS_RELATION_VERSION_OF)
        row = add_row (versions, other_index,
                       /* TRANSLATORS: the model this one is a version of */
                       outgoing ? g_strdup_printf (_("Version of %s"), name)
                                /* TRANSLATORS: a version of this model */
                                : g_strdup_printf (_("Version: %s"), name),
                       g_strdup (edge->note), NULL);
      else if (is_thing (n->type) && !outgoing && other->type != CS_NODE_TYPE_PERSON)
        row = add_row (makers, other_index, g_strdup (name), g_strdup (relation), NULL);
      else if (other->type == CS_NODE_TYPE_PERSON)
        row = add_row (people, other_index, g_strdup (outgoing ? related : name),
                       outgoing ? g_strdup (edge->note) : g_strdup (relation), NULL);
      else if (is_thing (other->type))
        row = add_row (things, other_index, g_strdup (outgoing ? related : name),
                       outgoing ? g_strdup (edge->note) : g_strdup (incoming), NULL);
      else
        row = add_row (links, other_index, g_strdup (related),
                       outgoing ? g_strdup (edge->note) : g_strdup (incoming), NULL);
      cite (row, graph, edge->sources);
    }

  /* partners grouped by relation: their rows start with it */
  g_ptr_array_sort (links->rows, compare_rows);

  /* several roles in one consortium are several claims: keep them apart,
   * but say which consortia the node links together */
  if (g_hash_table_size (member_of) >= 2)
    {
      g_autoptr(GString) list = g_string_new (NULL);
      guint k = 0;

      for (guint i = 0; i < cs_graph_get_n_nodes (graph); i++)
        if (g_hash_table_contains (member_of, GUINT_TO_POINTER (i)))
          g_string_append_printf (list, "%s%s", k++ ? ", " : "",
                                  cs_graph_get_node (graph, i)->label);
      /* TRANSLATORS: under "Bridges": the consortia the node belongs to,
       * separated by commas, which it links together */
      add_row (bridges, -1, g_strdup_printf (_("Links %s"), list->str), NULL, NULL);
    }

  /* TRANSLATORS: how many links the node has */
  add_row (metrics, -1, g_strdup_printf (_("Links: %u"), n_edges), NULL, NULL);
  if (n->type != CS_NODE_TYPE_CONSORTIUM && !is_thing (n->type))
    /* TRANSLATORS: how many consortia the node belongs to */
    add_row (metrics, -1, g_strdup_printf (_("Consortia: %u"), g_hash_table_size (member_of)),
             NULL, NULL);
  if (betweenness != NULL && betweenness_sources < cs_graph_get_n_nodes (graph))
    {
      guint n_nodes = cs_graph_get_n_nodes (graph);
      /* TRANSLATORS: what betweenness measures; the first number is the
       * nodes searched from, the second all the graph's nodes */
      char *detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "share of shortest paths "
                                                   "between other nodes that pass through it, "
                                                   "estimated from the paths out of %u of the %u "
                                                   "node",
                                                   "share of shortest paths between other nodes "
                                                   "that pass through it, estimated from the "
                                                   "paths out of %u of the %u nodes",
                                                   n_nodes),
                                      betweenness_sources, n_nodes);

      /* TRANSLATORS: betweenness centrality, estimated */
      add_row (metrics, -1, g_strdup_printf (_("Betweenness: about %.3f"), betweenness[node]),
               detail, NULL);
    }
  else if (betweenness != NULL)
    add_row (metrics, -1, g_strdup_printf (_("Betweenness: %.3f"), betweenness[node]),
             g_strdup (_("share of shortest paths between other nodes that pass through it")),
             NULL);

  /* the node's own sources: an article per row, its quote under it */
  for (guint i = 0; i < n->sources->len; i++)
    {
      const CsSource *source = g_ptr_array_index (n->sources, i);

      add_row (sources, -1, cs_graph_describe_article (graph, source->file, -1),
               source->quote != NULL ? g_strdup_printf ("“%s”", source->quote) : NULL, NULL);
    }

  {
    CsInspectSection *order[] = { about,    stages, consortia, members, makers,  things,
                                  versions, people, links,     bridges, metrics, sources };

    for (guint i = 0; i < G_N_ELEMENTS (order); i++)
      {
        if (order[i]->rows->len > 0)
          g_ptr_array_add (self->sections, order[i]);
        else
          section_free (order[i]);
      }
  }
  return self;
}

/* a consortium's members counted among the selected */
typedef struct
{
  guint node;
  guint count;
} TeamCount;

static int
compare_team_counts (gconstpointer a,
                     gconstpointer b)
{
  const TeamCount *x = a, *y = b;

  if (x->count != y->count)
    return x->count > y->count ? -1 : 1;
  return x->node < y->node ? -1 : x->node > y->node;
}

/**
 * cs_inspection_new_for_nodes:
 * @graph: a graph
 * @nodes: (array length=n_nodes): the nodes, two or more (a selection)
 * @n_nodes: how many
 *
 * A summary of several nodes, as the inspector shows a selection made with
 * a rubber band: how many of each type, the consortia they are in (with
 * how many of them each), the links among them, and every node as a row
 * leading to it. O(nodes + their links).
 *
 * Returns: (transfer full): the summary; its node is the first of @nodes
 */
CsInspection *
cs_inspection_new_for_nodes (CsGraph     *graph,
                             const guint *nodes,
                             guint        n_nodes)
{
  CsInspection *self;
  CsInspectSection *types, *teams, *links, *members;
  g_autofree guint8 *in = NULL;
  g_autofree guint *by_type = NULL;
  g_autoptr(GHashTable) team_counts = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) team_last = g_hash_table_new (NULL, NULL); /* team → 1 + the last node counted */
  g_autoptr(GArray) team_list = g_array_new (FALSE, FALSE, sizeof (TeamCount));
  g_autoptr(GString) subtitle = g_string_new (NULL);
  guint n_types, n_links = 0;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (CS_IS_GRAPH (graph), NULL);
  g_return_val_if_fail (n_nodes == 0 || nodes != NULL, NULL);

  n_types = cs_graph_get_n_types (graph);
  in = g_new0 (guint8, MAX (cs_graph_get_n_nodes (graph), 1));
  by_type = g_new0 (guint, MAX (n_types, 1));
  for (guint i = 0; i < n_nodes; i++)
    {
      g_return_val_if_fail (nodes[i] < cs_graph_get_n_nodes (graph), NULL);
      in[nodes[i]] = 1;
    }

  self = g_new0 (CsInspection, 1);
  self->node = n_nodes > 0 ? nodes[0] : 0;
  self->sections = g_ptr_array_new_with_free_func ((GDestroyNotify)section_free);
  self->title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u node selected",
                                              "%u nodes selected", n_nodes),
                                 n_nodes);
  /* TRANSLATORS: the inspector's section of a selection of several
   * nodes: how many there are of each type */
  types = section_new (_("Types"));
  /* TRANSLATORS: the inspector's section of a selection of several
   * nodes: the consortia they are in */
  teams = section_new (C_("inspector section", "Consortia"));
  /* TRANSLATORS: the inspector's section of a selection of several
   * nodes: the links between two of them */
  links = section_new (_("Links among them"));
  /* TRANSLATORS: the inspector's section of a selection of several
   * nodes: each of them, to inspect one */
  members = section_new (_("Selected"));

  for (guint i = 0; i < n_nodes; i++)
    {
      const CsNode *node = cs_graph_get_node (graph, nodes[i]);
      guint n_edges;
      const guint *edges = cs_graph_get_incident_edges (graph, nodes[i], &n_edges);

      by_type[node->type]++;
      add_row (members, (int)nodes[i],
               node->label_en != NULL && g_strcmp0 (node->label_en, node->label) != 0
                   ? g_strdup_printf ("%s (%s)", node->label, node->label_en)
                   : g_strdup (node->label),
               g_strdup (cs_graph_get_type_display_name (graph, node->type)), NULL);
      for (guint e = 0; e < n_edges; e++)
        {
          const CsEdge *edge = cs_graph_get_edge (graph, edges[e]);

          /* each link among them once, from its source */
          if (edge->source == nodes[i] && in[edge->target] && edge->target != edge->source)
            n_links++;
          /* once a node for a team it both leads and is a member of */
          if (edge->source == nodes[i] &&
              (edge->relation == CS_RELATION_MEMBER_OF || edge->relation == CS_RELATION_LEADS) &&
              GPOINTER_TO_UINT (g_hash_table_lookup (team_last, GUINT_TO_POINTER (edge->target))) !=
                  i + 1)
            {
              g_hash_table_insert (team_last, GUINT_TO_POINTER (edge->target),
                                   GUINT_TO_POINTER (i + 1));
              gpointer count = g_hash_table_lookup (team_counts, GUINT_TO_POINTER (edge->target));

              g_hash_table_insert (team_counts, GUINT_TO_POINTER (edge->target),
                                   GUINT_TO_POINTER (GPOINTER_TO_UINT (count) + 1));
            }
        }
    }

  for (guint t = 0; t < n_types; t++)
    if (by_type[t] > 0)
      {
        add_row (types, -1,
                 /* TRANSLATORS: a node type and how many of the selection
                  * are of it: "Company: 3" */
                 g_strdup_printf (C_("inspector row", "%s: %u"),
                                  cs_graph_get_type_display_name (graph, t), by_type[t]),
                 NULL, NULL);
        if (subtitle->len > 0)
          g_string_append (subtitle, " · ");
        g_string_append_printf (subtitle, C_("inspector row", "%s: %u"),
                                cs_graph_get_type_display_name (graph, t), by_type[t]);
      }
  self->subtitle = g_strdup (subtitle->str);

  g_hash_table_iter_init (&iter, team_counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_array_append_val (team_list, ((TeamCount) { GPOINTER_TO_UINT (key),
                                                  GPOINTER_TO_UINT (value) }));
  g_array_sort (team_list, compare_team_counts);
  for (guint i = 0; i < team_list->len; i++)
    {
      const TeamCount *team = &g_array_index (team_list, TeamCount, i);

      add_row (teams, (int)team->node, g_strdup (cs_graph_get_node (graph, team->node)->label),
               g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of the selection",
                                             "%u of the selection", team->count),
                                team->count),
               NULL);
    }

  add_row (links, -1,
           g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u link between selected nodes",
                                         "%u links between selected nodes", n_links),
                            n_links),
           NULL, NULL);

  {
    CsInspectSection *order[] = { types, teams, links, members };

    for (guint i = 0; i < G_N_ELEMENTS (order); i++)
      {
        if (order[i]->rows->len > 0)
          g_ptr_array_add (self->sections, order[i]);
        else
          section_free (order[i]);
      }
  }
  return self;
}

/**
 * cs_inspection_new_for_edge:
 * @graph: a graph
 * @edge: a link's index
 *
 * What the graph says of one link, as the inspector shows a selected link:
 * its relation and role, the note, its two ends (rows leading to them) and
 * every source with its quote.
 *
 * Returns: (transfer full): the inspection; its node is the link's source
 */
CsInspection *
cs_inspection_new_for_edge (CsGraph *graph,
                            guint    edge_index)
{
  const CsEdge *edge;
  const CsNode *source, *target;
  CsInspection *self;
  CsInspectSection *about, *ends;
  g_autofree char *role = NULL;
  CsInspectRow *row;

  g_return_val_if_fail (CS_IS_GRAPH (graph), NULL);
  g_return_val_if_fail (edge_index < cs_graph_get_n_edges (graph), NULL);

  edge = cs_graph_get_edge (graph, edge_index);
  source = cs_graph_get_node (graph, edge->source);
  target = cs_graph_get_node (graph, edge->target);
  self = g_new0 (CsInspection, 1);
  self->node = edge->source;
  self->sections = g_ptr_array_new_with_free_func ((GDestroyNotify)section_free);
  /* TRANSLATORS: the inspector's title for a selected link: its source and
   * its target */
  self->title = g_strdup_printf (_("%s → %s"), source->label, target->label);
  /* TRANSLATORS: the inspector's subtitle for a selected link: the kind
   * of link it is */
  self->subtitle = g_strdup_printf (_("Link · %s"),
                                    cs_graph_get_relation_display_name (graph, edge->relation));

  about = section_new (_("About"));
  role = role_text (edge);
  row = add_row (about, -1,
                 /* TRANSLATORS: a link's row: its relation, "member of" */
                 g_strdup_printf (_("Relation: %s"),
                                  cs_graph_get_relation_display_name (graph, edge->relation)),
                 NULL, NULL);
  if (role != NULL)
    /* TRANSLATORS: a link's row: the member's role in the consortium */
    row = add_row (about, -1, g_strdup_printf (_("Role: %s"), role), NULL, NULL);
  if (edge->note != NULL)
    add_row (about, -1, g_strdup (edge->note), NULL, NULL);
  cite (row, graph, edge->sources);

  /* TRANSLATORS: the inspector's section of a link's two ends */
  ends = section_new (_("Ends"));
  for (guint i = 0; i < 2; i++)
    {
      const CsNode *end = i == 0 ? source : target;

      add_row (ends, (int)(i == 0 ? edge->source : edge->target),
               end->label_en != NULL && !g_str_equal (end->label_en, end->label)
                   ? g_strdup_printf ("%s (%s)", end->label, end->label_en)
                   : g_strdup (end->label),
               g_strdup (cs_graph_get_type_display_name (graph, end->type)), NULL);
    }

  g_ptr_array_add (self->sections, about);
  g_ptr_array_add (self->sections, ends);
  return self;
}

/**
 * cs_inspection_find_section:
 * @self: an inspection
 * @title: a section's title
 *
 * Returns: (transfer none) (nullable): the section
 */
const CsInspectSection *
cs_inspection_find_section (const CsInspection *self,
                            const char         *title)
{
  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < self->sections->len; i++)
    {
      const CsInspectSection *section = g_ptr_array_index (self->sections, i);

      if (g_str_equal (section->title, title))
        return section;
    }
  return NULL;
}

/**
 * cs_inspection_add_note:
 * @self: an inspection
 * @title: the section's title; the section is added at the end when missing
 * @text: the row's text
 * @detail: (nullable): a line under it
 *
 * Adds a row that is no fact of the graph's, such as a metric still being
 * computed.
 */
void
cs_inspection_add_note (CsInspection *self,
                        const char   *title,
                        const char   *text,
                        const char   *detail)
{
  CsInspectSection *section = (CsInspectSection *)cs_inspection_find_section (self, title);

  g_return_if_fail (self != NULL);
  g_return_if_fail (title != NULL && text != NULL);

  if (section == NULL)
    {
      section = section_new (title);
      g_ptr_array_add (self->sections, section);
    }
  add_row (section, -1, g_strdup (text), g_strdup (detail), NULL);
}

/**
 * cs_inspection_to_text:
 * @self: an inspection
 *
 * Returns: (transfer full): the inspection as plain text, as `consortia
 *   --inspect` prints it
 */
char *
cs_inspection_to_text (const CsInspection *self)
{
  GString *str;

  g_return_val_if_fail (self != NULL, NULL);

  str = g_string_new (NULL);
  g_string_append_printf (str, "%s\n%s\n", self->title, self->subtitle);
  for (guint s = 0; s < self->sections->len; s++)
    {
      const CsInspectSection *section = g_ptr_array_index (self->sections, s);

      g_string_append_printf (str, "\n%s\n", section->title);
      for (guint r = 0; r < section->rows->len; r++)
        {
          const CsInspectRow *row = g_ptr_array_index (section->rows, r);

          g_string_append_printf (str, "  • %s\n", row->text);
          if (row->detail != NULL && row->detail[0] != '\0')
            g_string_append_printf (str, "      %s\n", row->detail);
          for (guint c = 0; row->citations != NULL && c < row->citations->len; c++)
            {
              const CsInspectCitation *citation = g_ptr_array_index (row->citations, c);

              g_string_append (str, "      ");
              if (citation->quote != NULL)
                /* TRANSLATORS: under a row of consortia --inspect: a quote
                 * backing it and the article it is from */
                g_string_append_printf (str, _("source: “%s” — %s"), citation->quote,
                                        citation->article);
              else
                /* TRANSLATORS: under a row of consortia --inspect: the
                 * article backing it */
                g_string_append_printf (str, _("source: %s"), citation->article);
              g_string_append_c (str, '\n');
            }
        }
    }
  return g_string_free (str, FALSE);
}
