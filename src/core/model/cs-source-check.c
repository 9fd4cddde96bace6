/* cs-source-check.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-source-check.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* Checks every citation of a graph against the articles it cites: each
 * should carry a quote, and each quote should be in its article, word for
 * word. Texts are compared in Unicode's composed form (NFC), every run of
 * white space as one space, so a quote may cross a line break of the
 * article. Each article is read once. Plain GLib. */

typedef struct
{
  const char     *folder;
  GHashTable     *articles; /* file -> normalised text, or NULL when it cannot be read */
  CsSourceReport *report;
} Checker;

static void
issue_free (CsSourceIssue *issue)
{
  g_free (issue->where);
  g_free (issue->file);
  g_free (issue->quote);
  g_free (issue);
}

void
cs_source_report_free (CsSourceReport *report)
{
  if (report == NULL)
    return;
  g_ptr_array_unref (report->issues);
  g_free (report);
}

/* NFC, white space runs as one space, no space at either end */
static char *
normalise (const char *text,
           gssize      length)
{
  g_autofree char *composed = g_utf8_normalize (text, length, G_NORMALIZE_NFC);
  GString *out;
  gboolean space = FALSE;

  if (composed == NULL)
    return NULL;
  out = g_string_sized_new (strlen (composed));
  for (const char *p = composed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x00a0)
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static const char *
article (Checker    *checker,
         const char *file)
{
  gpointer text;

  if (!g_hash_table_lookup_extended (checker->articles, file, NULL, &text))
    {
      g_autofree char *path = NULL;
      g_autofree char *contents = NULL;
      gsize length;

      /* a name, never a path: a citation reads nothing outside the folder */
      if (strchr (file, '/') == NULL && strcmp (file, "..") != 0)
        path = g_build_filename (checker->folder, file, NULL);
      if (path != NULL && g_file_get_contents (path, &contents, &length, NULL) &&
          g_utf8_validate (contents, length, NULL))
        text = normalise (contents, length);
      else
        text = NULL;
      g_hash_table_insert (checker->articles, g_strdup (file), text);
    }
  return text;
}

static void
add_issue (Checker           *checker,
           CsSourceIssueKind  kind,
           const char        *where,
           const CsSource    *source)
{
  CsSourceIssue *issue = g_new0 (CsSourceIssue, 1);

  issue->kind = kind;
  issue->where = g_strdup (where);
  issue->file = g_strdup (source->file);
  issue->quote = g_strdup (source->quote);
  g_ptr_array_add (checker->report->issues, issue);
}

static void
check_sources (Checker    *checker,
               GPtrArray  *sources,
               const char *where)
{
  for (guint s = 0; sources != NULL && s < sources->len; s++)
    {
      const CsSource *source = g_ptr_array_index (sources, s);
      const char *text = article (checker, source->file);
      g_autofree char *quote = NULL;

      checker->report->n_citations++;
      if (source->quote != NULL && source->quote[0] != '\0')
        checker->report->n_quoted++;
      if (text == NULL)
        {
          add_issue (checker, CS_SOURCE_NO_ARTICLE, where, source);
          continue;
        }
      if (source->quote == NULL || source->quote[0] == '\0')
        {
          add_issue (checker, CS_SOURCE_NO_QUOTE, where, source);
          continue;
        }
      quote = normalise (source->quote, -1);
      if (quote != NULL && quote[0] != '\0' && strstr (text, quote) != NULL)
        checker->report->n_verified++;
      else
        add_issue (checker, CS_SOURCE_QUOTE_MISSING, where, source);
    }
}

static void
check_attributes (Checker    *checker,
                  GPtrArray  *attributes,
                  const char *owner)
{
  for (guint a = 0; a < attributes->len; a++)
    {
      const CsAttribute *attribute = g_ptr_array_index (attributes, a);
      /* TRANSLATORS: what cites an article: a node or an edge ("node
       * kaist"), then the name of its attribute */
      g_autofree char *where = g_strdup_printf (_("%s, attribute %s"), owner, attribute->key);

      for (guint c = 0; c < attribute->claims->len; c++)
        check_sources (checker, ((const CsClaim *)g_ptr_array_index (attribute->claims, c))->sources,
                       where);
    }
}

/**
 * cs_source_check:
 * @graph: a #CsGraph
 * @folder: the folder holding the articles its sources name
 *
 * Goes through every citation: of nodes, edges, their attributes' claims
 * and nodes' events. Linear in the citations and the articles' size.
 *
 * Returns: (transfer full): what was found
 */
CsSourceReport *
cs_source_check (CsGraph    *graph,
                 const char *folder)
{
  g_autoptr(GHashTable) articles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  Checker checker = { folder, articles, g_new0 (CsSourceReport, 1) };

  g_return_val_if_fail (CS_IS_GRAPH (graph), NULL);
  g_return_val_if_fail (folder != NULL, NULL);

  checker.report->issues = g_ptr_array_new_with_free_func ((GDestroyNotify)issue_free);
  for (guint i = 0; i < cs_graph_get_n_nodes (graph); i++)
    {
      const CsNode *node = cs_graph_get_node (graph, i);
      /* TRANSLATORS: what cites an article: the node with this id */
      g_autofree char *where = g_strdup_printf (_("node %s"), node->id);

      check_sources (&checker, node->sources, where);
      check_attributes (&checker, node->attributes, where);
      for (guint e = 0; e < node->events->len; e++)
        {
          const CsEvent *event = g_ptr_array_index (node->events, e);
          g_autofree char *event_where =
              event->date != NULL
                  /* TRANSLATORS: what cites an article: a node ("node
                   * kaist"), then one of its events by its stage word
                   * ("selected") and its date */
                  ? g_strdup_printf (_("%s, event %s %s"), where, event->stage, event->date)
                  /* TRANSLATORS: what cites an article: a node ("node
                   * kaist"), then one of its events by its stage word */
                  : g_strdup_printf (_("%s, event %s"), where, event->stage);

          check_sources (&checker, event->sources, event_where);
        }
    }
  for (guint e = 0; e < cs_graph_get_n_edges (graph); e++)
    {
      const CsEdge *edge = cs_graph_get_edge (graph, e);
      g_autofree char *where =
          edge->id != NULL
              /* TRANSLATORS: what cites an article: the edge with this id */
              ? g_strdup_printf (_("edge %s"), edge->id)
              /* TRANSLATORS: what cites an article: the edge from one node
               * id to another, with its relation ("member_of") */
              : g_strdup_printf (_("edge %s → %s (%s)"),
                                 cs_graph_get_node (graph, edge->source)->id,
                                 cs_graph_get_node (graph, edge->target)->id,
                                 cs_graph_get_relation_name (graph, edge->relation));

      check_sources (&checker, edge->sources, where);
      check_attributes (&checker, edge->attributes, where);
    }
  return checker.report;
}
