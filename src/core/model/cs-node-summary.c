/* cs-node-summary.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-node-summary.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* "000_f3ced14ea170172e.txt" → "000": the seed's number is what a reader
 * needs to tell articles apart in a short summary. */
static void
append_source_list (GString   *str,
                    GPtrArray *sources)
{
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < sources->len; i++)
    {
      const CsSource *source = g_ptr_array_index (sources, i);
      const char *underscore = strchr (source->file, '_');
      g_autofree char *shortname = underscore != NULL && underscore != source->file
                                   ? g_strndup (source->file, underscore - source->file)
                                   : g_strdup (source->file);
      gboolean dup = FALSE;

      for (guint j = 0; j < seen->len && !dup; j++)
        dup = g_str_equal (g_ptr_array_index (seen, j), shortname);
      if (!dup)
        g_ptr_array_add (seen, g_steal_pointer (&shortname));
    }

  for (guint i = 0; i < seen->len; i++)
    {
      g_autofree char *escaped = g_markup_escape_text (g_ptr_array_index (seen, i), -1);

      g_string_append_printf (str, "%s%s", i ? ", " : "", escaped);
    }
}

/**
 * cs_node_summary_markup:
 * @graph: a #CsGraph
 * @node: a node index
 * @max_links: how many of the node's links to list at most
 *
 * Summarises a node for a tooltip: its names, type, its links with their
 * roles, and the sources of each, as Pango markup with every text escaped.
 *
 * Returns: (transfer full): the markup
 */
char *
cs_node_summary_markup (CsGraph *graph,
                        guint    node,
                        guint    max_links)
{
  const CsNode *n;
  const guint *edges;
  guint n_edges;
  guint shown = 0;
  GString *str;
  g_autofree char *label = NULL;

  g_return_val_if_fail (CS_IS_GRAPH (graph), NULL);
  g_return_val_if_fail (node < cs_graph_get_n_nodes (graph), NULL);

  n = cs_graph_get_node (graph, node);
  label = g_markup_escape_text (n->label, -1);
  str = g_string_new (NULL);
  g_string_append_printf (str, "<b>%s</b>", label);
  if (n->label_en != NULL && n->label_en[0] != '\0')
    {
      g_autofree char *escaped = g_markup_escape_text (n->label_en, -1);

      g_string_append_printf (str, "\n%s", escaped);
    }

  edges = cs_graph_get_incident_edges (graph, node, &n_edges);
  g_string_append (str, "\n<small>");
  /* TRANSLATORS: in a node's tooltip: its type ("Company") and how many
   * links it has */
  g_string_append_printf (str, g_dngettext (GETTEXT_PACKAGE, "%s · %u link", "%s · %u links",
                                            n_edges),
                          cs_graph_get_type_display_name (graph, n->type), n_edges);
  g_string_append (str, "</small>");

  /* links with a role first: they say what the organisation does */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < n_edges && shown < max_links; i++)
      {
        const CsEdge *edge = cs_graph_get_edge (graph, edges[i]);
        gboolean has_role = edge->role != NULL && edge->role[0] != '\0';
        gboolean outgoing = edge->source == node;
        const CsNode *other = cs_graph_get_node (graph, outgoing ? edge->target : edge->source);
        g_autofree char *other_label = g_markup_escape_text (other->label, -1);
        g_autofree char *relation_lower = NULL;
        const char *relation = cs_graph_get_relation_display_name (graph, edge->relation);

        if (has_role != (pass == 0))
          continue;
        shown++;
        if (outgoing)
          {
            g_string_append (str, "\n• ");
            /* TRANSLATORS: in a node's tooltip, a link of the node's: its
             * kind ("Member of", "Leads") and the node at the other end */
            g_string_append_printf (str, C_("node tooltip", "%s %s"), relation, other_label);
          }
        else
          {
            relation_lower = g_ascii_strdown (relation, -1);
            g_string_append_printf (str, "\n• %s → %s", other_label, relation_lower);
          }
        if (has_role)
          {
            g_autofree char *role = g_markup_escape_text (edge->role, -1);
            g_autofree char *role_en = edge->role_en ? g_markup_escape_text (edge->role_en, -1)
                                                     : NULL;

            g_string_append_printf (str, ": <i>%s</i>", role);
            if (role_en != NULL)
              g_string_append_printf (str, " (%s)", role_en);
          }
        if (edge->sources->len > 0)
          {
            g_string_append (str, " <small>[");
            append_source_list (str, edge->sources);
            g_string_append (str, "]</small>");
          }
      }
  if (shown < n_edges)
    {
      g_string_append (str, "\n<small>");
      /* TRANSLATORS: in a node's tooltip, after the links it lists: how
       * many more it has */
      g_string_append_printf (str, g_dngettext (GETTEXT_PACKAGE, "… and %u more", "… and %u more",
                                                n_edges - shown),
                              n_edges - shown);
      g_string_append (str, "</small>");
    }

  if (n->sources->len > 0)
    {
      g_autoptr(GString) list = g_string_new (NULL);

      append_source_list (list, n->sources);
      g_string_append (str, "\n<small>");
      /* TRANSLATORS: in a node's tooltip: the articles its facts come
       * from, separated by commas */
      g_string_append_printf (str, _("Sources: %s"), list->str);
      g_string_append (str, "</small>");
    }

  return g_string_free (str, FALSE);
}

/**
 * cs_edge_summary_markup:
 * @graph: a #CsGraph
 * @edge: an edge index
 *
 * Summarises a link for the card the pointer brings up over it: its two
 * ends and relation ("SK Telecom → Leads → SK Telecom consortium"), its
 * role with the English where the data has it, its note and the sources,
 * as Pango markup with every text escaped.
 *
 * Returns: (transfer full): the markup
 */
char *
cs_edge_summary_markup (CsGraph *graph,
                        guint    edge)
{
  const CsEdge *e;
  GString *str;
  g_autofree char *source = NULL;
  g_autofree char *target = NULL;
  g_autofree char *relation = NULL;

  g_return_val_if_fail (CS_IS_GRAPH (graph), NULL);
  g_return_val_if_fail (edge < cs_graph_get_n_edges (graph), NULL);

  e = cs_graph_get_edge (graph, edge);
  source = g_markup_escape_text (cs_graph_get_node (graph, e->source)->label, -1);
  target = g_markup_escape_text (cs_graph_get_node (graph, e->target)->label, -1);
  relation = g_markup_escape_text (cs_graph_get_relation_display_name (graph, e->relation), -1);
  str = g_string_new (NULL);
  /* TRANSLATORS: the first line of a link's card: the node it starts
   * from, its kind ("Member of") and the node it leads to */
  g_string_append_printf (str, _("<b>%s</b> %s <b>%s</b>"), source, relation, target);
  if (e->role != NULL && e->role[0] != '\0')
    {
      g_autofree char *role = g_markup_escape_text (e->role, -1);

      g_string_append_printf (str, "\n<i>%s</i>", role);
      if (e->role_en != NULL && e->role_en[0] != '\0')
        {
          g_autofree char *role_en = g_markup_escape_text (e->role_en, -1);

          g_string_append_printf (str, " (%s)", role_en);
        }
    }
  if (e->note != NULL && e->note[0] != '\0')
    {
      g_autofree char *note = g_markup_escape_text (e->note, -1);

      g_string_append_printf (str, "\n%s", note);
    }
  if (e->sources->len > 0)
    {
      g_autoptr(GString) list = g_string_new (NULL);

      append_source_list (list, e->sources);
      g_string_append (str, "\n<small>");
      g_string_append_printf (str, _("Sources: %s"), list->str);
      g_string_append (str, "</small>");
    }
  return g_string_free (str, FALSE);
}
