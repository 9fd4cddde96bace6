/* cs-inspection.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-inspection.h"

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

static char *
link_text (const CsNode *other,
           const char   *prefix,
           const CsEdge *edge)
{
  g_autofree char *role = role_text (edge);
  GString *str = g_string_new (prefix);

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
                           ? g_strdup_printf ("%s (claim %u of %u): %s", key, c + 1,
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

  about = section_new ("About");
  stages = section_new ("Stage results");
  consortia = section_new ("Consortia");
  members = section_new ("Lead and members");
  makers = section_new ("Developed, supplied or used by");
  things = section_new ("Models, products and chips");
  versions = section_new ("Versions");
  people = section_new ("People");
  links = section_new ("Other links");
  bridges = section_new ("Bridges");
  metrics = section_new ("Metrics");
  sources = section_new ("Sources");

  if (n->label_en != NULL && n->label_en_outside)
    add_row (about, -1, g_strdup_printf ("English name: %s", n->label_en),
             g_strdup ("spelling not given in the articles"), NULL);
  if (n->aliases[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv (", ", n->aliases);

      add_row (about, -1, g_strdup_printf ("Also called: %s", joined), NULL, NULL);
    }
  if (n->description != NULL)
    add_row (about, -1, g_strdup (n->description), NULL, NULL);
  add_attributes (graph, about, n->attributes);

  for (guint i = 0; i < n->events->len; i++)
    {
      const CsEvent *event = g_ptr_array_index (n->events, i);
      g_autofree char *name = cs_stage_get_display_name (event->stage);
      GString *text = g_string_new (NULL);

      if (event->date != NULL && event->until != NULL)
        g_string_append_printf (text, "%s – %s: ", event->date, event->until);
      else if (event->date != NULL)
        g_string_append_printf (text, "%s: ", event->date);
      g_string_append (text, name);
      if (event->count >= 0)
        g_string_append_printf (text, ", %d in the running", event->count);
      if (event->planned)
        g_string_append (text, " (planned)");
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
      g_autofree char *prefix = g_strdup_printf ("%s: ", relation);
      CsInspectRow *row;
      gboolean membership = edge->relation == CS_RELATION_MEMBER_OF ||
                            edge->relation == CS_RELATION_LEADS;

      if (outgoing && membership && other->type == CS_NODE_TYPE_CONSORTIUM)
        {
          g_hash_table_add (member_of, GUINT_TO_POINTER (other_index));
          row = add_row (consortia, other_index,
                         link_text (other, edge->relation == CS_RELATION_LEADS ? "Leads " : "", edge),
                         edge_detail (edge, other), NULL);
        }
      else if (!outgoing && membership && n->type == CS_NODE_TYPE_CONSORTIUM)
        row = add_row (members, other_index,
                       link_text (other, edge->relation == CS_RELATION_LEADS ? "Lead: " : "", edge),
                       g_strdup (edge->note), NULL);
      else if (edge->relation == CS_RELATION_VERSION_OF)
        row = add_row (versions, other_index,
                       link_text (other, outgoing ? "Version of " : "Version: ", edge),
                       g_strdup (edge->note), NULL);
      else if (is_thing (n->type) && !outgoing && other->type != CS_NODE_TYPE_PERSON)
        row = add_row (makers, other_index, link_text (other, "", edge), g_strdup (relation),
                       NULL);
      else if (other->type == CS_NODE_TYPE_PERSON)
        row = add_row (people, other_index, link_text (other, outgoing ? prefix : "", edge),
                       outgoing ? g_strdup (edge->note) : g_strdup (relation), NULL);
      else if (is_thing (other->type))
        row = add_row (things, other_index, link_text (other, outgoing ? prefix : "", edge),
                       outgoing ? g_strdup (edge->note) : g_strdup_printf ("%s this", relation),
                       NULL);
      else
        row = add_row (links, other_index, link_text (other, prefix, edge),
                       outgoing ? g_strdup (edge->note) : g_strdup_printf ("%s this", relation),
                       NULL);
      cite (row, graph, edge->sources);
    }

  /* partners grouped by relation: their rows start with it */
  g_ptr_array_sort (links->rows, compare_rows);

  /* several roles in one consortium are several claims: keep them apart,
   * but say which consortia the node links together */
  if (g_hash_table_size (member_of) >= 2)
    {
      GString *text = g_string_new ("Links ");
      guint k = 0;

      for (guint i = 0; i < cs_graph_get_n_nodes (graph); i++)
        if (g_hash_table_contains (member_of, GUINT_TO_POINTER (i)))
          g_string_append_printf (text, "%s%s", k++ ? ", " : "",
                                  cs_graph_get_node (graph, i)->label);
      add_row (bridges, -1, g_string_free (text, FALSE), NULL, NULL);
    }

  add_row (metrics, -1, g_strdup_printf ("Links: %u", n_edges), NULL, NULL);
  if (n->type != CS_NODE_TYPE_CONSORTIUM && !is_thing (n->type))
    add_row (metrics, -1, g_strdup_printf ("Consortia: %u", g_hash_table_size (member_of)), NULL,
             NULL);
  if (betweenness != NULL && betweenness_sources < cs_graph_get_n_nodes (graph))
    add_row (metrics, -1, g_strdup_printf ("Betweenness: about %.3f", betweenness[node]),
             g_strdup_printf ("share of shortest paths between other nodes that pass through it, "
                              "estimated from the paths out of %u of the %u nodes",
                              betweenness_sources, cs_graph_get_n_nodes (graph)),
             NULL);
  else if (betweenness != NULL)
    add_row (metrics, -1, g_strdup_printf ("Betweenness: %.3f", betweenness[node]),
             g_strdup ("share of shortest paths between other nodes that pass through it"), NULL);

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

              if (citation->quote != NULL)
                g_string_append_printf (str, "      source: “%s” — %s\n", citation->quote,
                                        citation->article);
              else
                g_string_append_printf (str, "      source: %s\n", citation->article);
            }
        }
    }
  return g_string_free (str, FALSE);
}
