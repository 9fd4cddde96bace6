/* cs-dot-importer.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-dot-importer.h"

#include "cs-dot-scan-private.h"
#include "cs-import-common-private.h"

#include <glib/gi18n-lib.h>
#include <graphviz/cgraph.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Graphviz DOT, read by Graphviz's own parser, cgraph (pkg-config
 * libcgraph). agmemread() would parse a NUL-terminated string; we call
 * agread() with a memory channel of our own, as agmemread() does, because
 * a mapped file has no NUL after it, and because cgraph must get only the
 * bytes of the graph asked for: its lexer keeps what it read past the end
 * of one graph for the next call, whatever that call reads (agmemread() of
 * "graph{a} graph{b}" then of "graph{c}" gives b). A first pass of our own
 * (cs-dot-scan.c) finds those bytes, refuses what would take cgraph too
 * much memory, time or parser stack, and says where each node is written.
 *
 * cgraph keeps its parser, lexer and error handler in static variables:
 * one DOT file is read at a time (cgraph_lock), and what cgraph would
 * print on stderr is collected (agseterrf()) and reported at its line.
 *
 * What the graph becomes:
 * - a node: label from the label attribute (with \N, \G and the escapes
 *   Graphviz reads; an HTML label's text), else its name; pos "x,y" (points,
 *   y up; "!" pins it) its position; a type attribute that is a word its
 *   type; every other attribute an attribute
 * - an edge: relation "other" (or its relation attribute when that is a
 *   word), its label as its role, every other attribute kept; ports are the
 *   tailport and headport attributes cgraph makes of them
 * - a named subgraph (clusters among them) that holds nodes: a group, that
 *   is a node of type consortium labelled with the subgraph's own label,
 *   else its name, with a member_of edge from each node it holds that no
 *   group inside it holds, and from each group inside it; anonymous
 *   subgraphs ({a b}, {rank=same; …}) are only syntax
 * - the graph's label its title; its other attributes are left out (said) */

struct _CsDotImporter
{
  CsImporter parent_instance;
};

G_DEFINE_FINAL_TYPE (CsDotImporter, cs_dot_importer, CS_TYPE_IMPORTER)

static GMutex cgraph_lock;
static GString *cgraph_messages; /* under cgraph_lock: what cgraph says while reading */
static gboolean cgraph_broken;   /* under cgraph_lock: its parser cannot be trusted any more */

static int
collect_message_cb (char *text)
{
  g_string_append (cgraph_messages, text);
  return 0;
}

typedef struct
{
  const char *data;
  gsize       length;
  gsize       pos;
} Channel;

static int
channel_read (void *chan,
              char *buffer,
              int   size)
{
  Channel *channel = chan;
  gsize n = MIN ((gsize)MAX (size, 0), channel->length - channel->pos);

  memcpy (buffer, channel->data + channel->pos, n);
  channel->pos += n;
  return (int)n;
}

static int
channel_write (void       *chan,
               const char *text)
{
  return 0;
}

static int
channel_flush (void *chan)
{
  return 0;
}

static Agiodisc_t channel_io = { channel_read, channel_write, channel_flush };

/* cgraph's messages */

typedef struct
{
  gboolean  error;
  guint     line;
  char     *near;
  char     *text;
} Message;

static void
message_clear (Message *message)
{
  g_free (message->near);
  g_free (message->text);
}

/* "Error: syntax error in line 3 near '--'" and its continuation lines, as
 * cgraph's error handler gives them: a level, then the text */
static GArray *
split_messages (const char *all)
{
  GArray *messages = g_array_new (FALSE, TRUE, sizeof (Message));
  g_auto(GStrv) lines = g_strsplit (all, "\n", -1);
  GString *text = NULL;
  Message *current = NULL;

  g_array_set_clear_func (messages, (GDestroyNotify)message_clear);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      gboolean error = g_str_has_prefix (line, "Error: ");

      if (error || g_str_has_prefix (line, "Warning: "))
        {
          Message message = { error };

          if (current != NULL)
            current->text = g_string_free (text, FALSE);
          g_array_append_val (messages, message);
          current = &g_array_index (messages, Message, messages->len - 1);
          text = g_string_new (strchr (line, ' ') + 1);
        }
      else if (current != NULL && line[0] != '\0')
        g_string_append_printf (text, "; %s", line);
    }
  if (current != NULL)
    current->text = g_string_free (text, FALSE);

  /* " in line N" (and chkNum's " of input") becomes the problem's place */
  for (guint i = 0; i < messages->len; i++)
    {
      Message *message = &g_array_index (messages, Message, i);
      char *at = strstr (message->text, " in line ");
      char *near = strstr (message->text, " near '");
      char *quote = near != NULL ? near + 6 : strchr (message->text, '\'');

      /* what the message is about, near '…' or quoted: 'the token' */
      if (quote != NULL)
        {
          char *close = strchr (quote + 1, '\'');

          if (close != NULL)
            message->near = g_strndup (quote + 1, close - (quote + 1));
        }
      if (at != NULL)
        {
          char *end = NULL;
          guint64 line = g_ascii_strtoull (at + 9, &end, 10);

          if (end != at + 9 && line <= G_MAXUINT)
            {
              message->line = (guint)line;
              if (g_str_has_prefix (end, " of input"))
                end += strlen (" of input");
              memmove (at, end, strlen (end) + 1);
            }
        }
    }
  return messages;
}

static int
compare_messages (gconstpointer a,
                  gconstpointer b)
{
  const Message *ma = a, *mb = b;

  return (ma->line > mb->line) - (ma->line < mb->line);
}

/* Each message as a problem at its line, and at the text it is near when
 * that is on the line; FALSE when one is an error */
static gboolean
report_messages (const char *data,
                 gsize       length,
                 CsDotScan  *scan,
                 const char *all,
                 GPtrArray  *problems)
{
  g_autoptr(GArray) messages = split_messages (all);
  guint n_warnings = 0;
  gboolean ok = TRUE;

  g_array_sort (messages, compare_messages);
  for (guint i = 0; i < messages->len; i++)
    {
      Message *message = &g_array_index (messages, Message, i);
      gsize offset = CS_PROBLEM_NO_OFFSET;
      g_autofree char *text = NULL;

      if (message->line > 0)
        {
          gsize line_start = _cs_dot_scan_line_start (scan, message->line);

          offset = line_start;
          if (message->near != NULL && message->near[0] != '\0' && line_start < length)
            {
              const char *nl = memchr (data + line_start, '\n', length - line_start);
              gsize line_end = nl != NULL ? (gsize)(nl - data) : length;
              const char *found = g_strstr_len (data + line_start, line_end - line_start,
                                                message->near);

              if (found != NULL)
                offset = found - data;
            }
        }
      if (g_str_has_prefix (message->text, "memory exhausted"))
        {
          /* the scan is there to keep this from happening: see
           * cs-dot-scan.c. cgraph keeps a stale parser stack after it. */
          cgraph_broken = TRUE;
          /* TRANSLATORS: %s is Graphviz's message, in English */
          text = g_strdup_printf (_("%s: the statement is too long for Graphviz's parser"),
                                  message->text);
        }
      else if (message->near != NULL &&
               (g_str_equal (message->near, "--") || g_str_equal (message->near, "->")))
        /* TRANSLATORS: %s is Graphviz's message, in English */
        text = g_strdup_printf (_("%s (a digraph's edges are written ->, a graph's --)"),
                                message->text);
      else if (message->error && message->near == NULL && !scan->closed)
        {
          offset = scan->end;
          text = g_strdup (_("the graph ends before its closing }"));
        }
      else
        text = g_strdup (message->text);

      if (message->error)
        {
          cs_problems_add (problems, CS_PROBLEM_ERROR, CS_IMPORT_ERROR_SYNTAX, offset, NULL,
                           "%s", text);
          ok = FALSE;
        }
      else
        _cs_import_warn (problems, &n_warnings, CS_IMPORT_ERROR_SYNTAX, offset, "%s", text);
    }
  _cs_import_warn_rest (problems, n_warnings,
                        g_dngettext (GETTEXT_PACKAGE,
                                     "%u more warning of Graphviz's parser is not listed",
                                     "%u more warnings of Graphviz's parser are not listed",
                                     _cs_import_n_unlisted (n_warnings)),
                        _cs_import_n_unlisted (n_warnings));
  return ok;
}

static const char *
unclosed_message (char kind)
{
  switch (kind)
    {
    case '"':
      return _("this quoted string is never closed (a \" is missing)");
    case '<':
      return _("this HTML string is never closed (a > is missing, or its < and > do not pair)");
    default:
      return _("this comment is never closed (*/ is missing)");
    }
}

/* After an error cgraph may keep its lexer in a state it does not reset
 * (the one it found the end of the input in while discarding tokens, say):
 * a graph it must read says whether it can be trusted with another file */
static void
check_cgraph (void)
{
  Channel channel = { "graph{}", 7, 0 };
  Agdisc_t disc = { &AgMemDisc, &AgIdDisc, &channel_io };
  Agraph_t *graph = agread (&channel, &disc);

  if (graph == NULL)
    cgraph_broken = TRUE;
  else
    {
      while (graph != NULL)
        {
          agclose (graph);
          graph = agread (&channel, &disc);
        }
    }
}

/* Reads the graph the scan found, or says why not; under cgraph_lock */
static Agraph_t *
parse (const char *data,
       gsize       length,
       CsDotScan  *scan,
       GPtrArray  *problems)
{
  Channel channel = { data + scan->start, scan->end - scan->start, 0 };
  Agdisc_t disc = { &AgMemDisc, &AgIdDisc, &channel_io };
  g_autofree char *messages = NULL;
  agusererrf previous;
  Agraph_t *graph;
  gboolean ok;

  if (cgraph_broken)
    {
      cs_problems_add (problems, CS_PROBLEM_ERROR, CS_IMPORT_ERROR_FAILED, CS_PROBLEM_NO_OFFSET,
                       NULL,
                       _("Graphviz's parser failed on an earlier file and cannot read "
                         "another in this run of Consortia: start it again"));
      return NULL;
    }

  /* cgraph's lexer would end in that string or comment, and stay there
   * for the next file */
  if (scan->unclosed != CS_PROBLEM_NO_OFFSET)
    {
      cs_problems_add (problems, CS_PROBLEM_ERROR, CS_IMPORT_ERROR_SYNTAX, scan->unclosed, NULL,
                       "%s", unclosed_message (scan->unclosed_kind));
      return NULL;
    }

  cgraph_messages = g_string_new (NULL);
  previous = agseterrf (collect_message_cb);
  agreseterrors ();
  /* its messages count lines from the start of the file */
  agsetfile (NULL);
  agreadline ((int)scan->start_line);
  graph = agread (&channel, &disc);
  if (graph != NULL)
    {
      Agraph_t *extra;

      /* to the end of the bytes given, so that nothing of them is left
       * in the lexer for the next file: an empty parse at the end flushes it */
      while ((extra = agread (&channel, &disc)) != NULL)
        agclose (extra);
    }
  if (graph == NULL)
    check_cgraph ();
  agseterrf (previous);
  messages = g_string_free (g_steal_pointer (&cgraph_messages), FALSE);

  ok = report_messages (data, length, scan, messages, problems);
  if (!ok && graph != NULL)
    g_clear_pointer (&graph, agclose);
  if (ok && graph == NULL)
    cs_problems_add (problems, CS_PROBLEM_ERROR, CS_IMPORT_ERROR_SYNTAX, scan->start, NULL,
                     _("no DOT graph here (a graph starts with graph or digraph and a {)"));
  return graph;
}

/* Values */

/* An HTML label's text: tags left out (<br/> ends a line), entities read */
static char *
html_text (const char *html)
{
  GString *out = g_string_new (NULL);

  for (const char *p = html; *p != '\0';)
    {
      if (*p == '<')
        {
          const char *close = strchr (p, '>');

          if (g_ascii_strncasecmp (p + 1, "br", 2) == 0 && !g_ascii_isalpha (p[3]))
            g_string_append_c (out, '\n');
          p = close != NULL ? close + 1 : p + strlen (p);
        }
      else if (*p == '&')
        {
          static const struct
          {
            const char *name;
            const char *text;
          } entities[] = {
            { "&amp;", "&" }, { "&lt;", "<" }, { "&gt;", ">" }, { "&quot;", "\"" },
            { "&apos;", "'" }, { "&nbsp;", " " },
          };
          gboolean done = FALSE;

          for (guint i = 0; i < G_N_ELEMENTS (entities) && !done; i++)
            {
              if (g_str_has_prefix (p, entities[i].name))
                {
                  g_string_append (out, entities[i].text);
                  p += strlen (entities[i].name);
                  done = TRUE;
                }
            }
          if (!done && p[1] == '#')
            {
              gboolean hex = p[2] == 'x' || p[2] == 'X';
              char *end = NULL;
              guint64 c = g_ascii_strtoull (p + (hex ? 3 : 2), &end, hex ? 16 : 10);

              if (end != NULL && *end == ';' && c > 0 && c <= 0x10ffff && g_unichar_validate (c))
                {
                  g_string_append_unichar (out, (gunichar)c);
                  p = end + 1;
                  done = TRUE;
                }
            }
          if (!done)
            g_string_append_c (out, *p++);
        }
      else
        g_string_append_c (out, *p++);
    }
  return g_string_free (out, FALSE);
}

/* A label as Graphviz shows it: \N the object's name, \G the graph's, \E,
 * \T and \H the edge's name, tail and head; \n, \l and \r end a line; a
 * backslash before anything else is dropped. NULL when nothing is left. */
static char *
expand_label (const char *value,
              const char *name,
              const char *graph_name,
              const char *tail,
              const char *head)
{
  GString *out = g_string_new (NULL);

  if (aghtmlstr ((char *)value))
    {
      g_autofree char *text = html_text (value);

      g_string_assign (out, text);
    }
  else
    {
      for (const char *p = value; *p != '\0'; p++)
        {
          const char *insert = NULL;

          if (*p != '\\' || p[1] == '\0')
            {
              g_string_append_c (out, *p);
              continue;
            }
          switch (*++p)
            {
            case 'N': insert = name; break;
            case 'G': insert = graph_name; break;
            case 'E': insert = tail != NULL ? name : NULL; break;
            case 'T': insert = tail; break;
            case 'H': insert = head; break;
            case 'n': case 'l': case 'r': insert = "\n"; break;
            default: g_string_append_c (out, *p); break;
            }
          if (insert != NULL)
            g_string_append (out, insert);
        }
    }
  g_strstrip (out->str);
  out->len = strlen (out->str);
  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

static gboolean
parse_number (const char *text,
              double     *value)
{
  char *end = NULL;

  while (g_ascii_isspace (*text))
    text++;
  if (*text == '\0')
    return FALSE;
  *value = g_ascii_strtod (text, &end);
  while (g_ascii_isspace (*end))
    end++;
  return *end == '\0' && isfinite (*value);
}

/* pos: "x,y", "x,y,z", and a "!" after it to pin the node */
static gboolean
parse_pos (const char *text,
           double     *x,
           double     *y,
           gboolean   *pinned)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  g_auto(GStrv) parts = NULL;
  gsize len = strlen (copy);
  double z;

  *pinned = len > 0 && copy[len - 1] == '!';
  if (*pinned)
    copy[len - 1] = '\0';
  parts = g_strsplit (copy, ",", -1);
  if (g_strv_length (parts) < 2 || g_strv_length (parts) > 3 || !parse_number (parts[0], x) ||
      !parse_number (parts[1], y) || (parts[2] != NULL && !parse_number (parts[2], &z)))
    return FALSE;
  /* Graphviz's y goes up, ours down */
  *y = -*y;
  return TRUE;
}

/* Reading the parsed graph */

typedef struct
{
  Agraph_t       *graph;
  const char     *graph_name; /* "" for an anonymous one */
  CsDotScan      *scan;
  CsGraphBuilder *builder;
  GPtrArray      *problems;
  CsIdMap        *ids;
  GHashTable     *index;      /* Agnode_t * → node + 1 */
  GPtrArray      *names;      /* per node: its name in the file */
  guint           n_html;
  gsize           first_html;
  guint           n_bad_pos;
  guint           n_loops;
  guint           n_parallel;
  guint           n_empty;
} Reader;

static void
add_alias (CsNode     *node,
           const char *name)
{
  const char *aliases[] = { name, NULL };

  /* the name the file gave it, when neither its id nor its label says it */
  if (name[0] == '\0' || g_str_equal (name, node->id) || g_str_equal (name, node->label))
    return;
  node->aliases = g_strdupv ((char **)aliases);
}

static void
read_node (Reader   *reader,
           Agnode_t *n,
           guint     index)
{
  const char *name = g_ptr_array_index (reader->names, index);
  gsize offset = _cs_dot_scan_node_offset (reader->scan, name);
  g_autoptr(CsNode) node = cs_node_new ();
  gboolean pin = FALSE, pos_pinned = FALSE;
  char *label = NULL;

  node->id = g_strdup (_cs_id_map_assign (reader->ids, name));
  for (Agsym_t *sym = agnxtattr (reader->graph, AGNODE, NULL); sym != NULL;
       sym = agnxtattr (reader->graph, AGNODE, sym))
    {
      const char *value = agxget (n, sym);
      g_autofree char *word = NULL;

      if (value == NULL || value[0] == '\0')
        continue;
      if (g_str_equal (sym->name, "label"))
        {
          if (aghtmlstr ((char *)value) && reader->n_html++ == 0)
            reader->first_html = offset;
          g_free (label);
          label = expand_label (value, name, reader->graph_name, NULL, NULL);
          continue;
        }
      if (g_str_equal (sym->name, "pos"))
        {
          if (parse_pos (value, &node->x, &node->y, &pos_pinned))
            {
              node->has_position = TRUE;
              continue;
            }
          _cs_import_warn (reader->problems, &reader->n_bad_pos, CS_IMPORT_ERROR_VALUE, offset,
                           /* TRANSLATORS: pos is the DOT attribute: keep it as it is */
                           _("node \"%s\": pos \"%s\" is not x,y: it is kept as an "
                             "attribute, and the layout places the node"),
                           name, value);
        }
      if (g_str_equal (sym->name, "type") && (word = _cs_import_word (value)) != NULL)
        {
          node->type = cs_graph_builder_intern_type (reader->builder, word);
          continue;
        }
      if (g_str_equal (sym->name, "pin"))
        pin = g_ascii_strcasecmp (value, "true") == 0 || atoi (value) != 0;
      cs_node_take_attribute (node, _cs_import_attribute_new (sym->name, value));
    }
  node->pinned = node->has_position && (pos_pinned || pin);
  /* a node named "" is shown by its id */
  node->label = label != NULL ? label : g_strdup (name[0] != '\0' ? name : node->id);
  add_alias (node, name);
  if (!cs_graph_builder_take_node (reader->builder, node))
    g_assert_not_reached ();
  g_steal_pointer (&node);
}

static int
compare_edges (gconstpointer a,
               gconstpointer b)
{
  guint64 sa = AGSEQ (*(Agedge_t *const *)a), sb = AGSEQ (*(Agedge_t *const *)b);

  return (sa > sb) - (sa < sb);
}

static guint
node_index (Reader   *reader,
            Agnode_t *n)
{
  gpointer value = g_hash_table_lookup (reader->index, n);

  g_assert (value != NULL);
  return GPOINTER_TO_UINT (value) - 1;
}

static void
read_edges (Reader *reader)
{
  g_autoptr(GPtrArray) edges = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  CsRelation other = cs_graph_builder_intern_relation (reader->builder, "other");
  gboolean directed = agisdirected (reader->graph);

  for (Agnode_t *n = agfstnode (reader->graph); n != NULL; n = agnxtnode (reader->graph, n))
    for (Agedge_t *e = agfstout (reader->graph, n); e != NULL; e = agnxtout (reader->graph, e))
      g_ptr_array_add (edges, e);
  /* in the order the file makes them */
  g_ptr_array_sort (edges, compare_edges);

  for (guint i = 0; i < edges->len; i++)
    {
      Agedge_t *e = g_ptr_array_index (edges, i);
      g_autoptr(CsEdge) edge = cs_edge_new ();
      guint source = node_index (reader, agtail (e));
      guint target = node_index (reader, aghead (e));
      const char *tail = g_ptr_array_index (reader->names, source);
      const char *head = g_ptr_array_index (reader->names, target);
      const char *key = agnameof (e);
      g_autofree char *pair = NULL;
      guint nth;
      gsize offset;

      edge->source = source;
      edge->target = target;
      edge->relation = other;
      if (key != NULL && key[0] != '\0' && key[0] != '%')
        cs_edge_take_attribute (edge, _cs_import_attribute_new ("key", key));
      for (Agsym_t *sym = agnxtattr (reader->graph, AGEDGE, NULL); sym != NULL;
           sym = agnxtattr (reader->graph, AGEDGE, sym))
        {
          const char *value = agxget (e, sym);
          g_autofree char *word = NULL;

          if (value == NULL || value[0] == '\0')
            continue;
          if (g_str_equal (sym->name, "label"))
            {
              g_free (edge->role);
              edge->role = expand_label (value, key != NULL ? key : "", reader->graph_name,
                                         tail, head);
              continue;
            }
          if (g_str_equal (sym->name, "relation") && (word = _cs_import_word (value)) != NULL)
            {
              edge->relation = cs_graph_builder_intern_relation (reader->builder, word);
              continue;
            }
          cs_edge_take_attribute (edge, _cs_import_attribute_new (sym->name, value));
        }

      /* the nth edge between these two nodes is at the nth place the scan
       * saw one written */
      pair = directed || g_strcmp0 (tail, head) < 0 ? g_strconcat (tail, "\x1f", head, NULL)
                                                    : g_strconcat (head, "\x1f", tail, NULL);
      nth = GPOINTER_TO_UINT (g_hash_table_lookup (seen, pair));
      g_hash_table_insert (seen, g_strdup (pair), GUINT_TO_POINTER (nth + 1));
      offset = _cs_dot_scan_edge_offset (reader->scan, tail, head, nth);
      if (source == target)
        _cs_import_warn (reader->problems, &reader->n_loops, CS_IMPORT_ERROR_VALUE, offset,
                         _("the edge links node \"%s\" to itself"), tail);
      else if (nth > 0)
        _cs_import_warn (reader->problems, &reader->n_parallel, CS_IMPORT_ERROR_VALUE, offset,
                         /* TRANSLATORS: the middle %s is the edge operator, -> or -- */
                         _("another edge links \"%s\" %s \"%s\" already (parallel edges)"),
                         tail, directed ? "->" : "--", head);
      cs_graph_builder_take_edge (reader->builder, g_steal_pointer (&edge));
    }
}

/* Groups */

typedef struct
{
  Agraph_t *subgraph;
  Agraph_t *parent;       /* the graph or subgraph it is in */
  guint     parent_group; /* G_MAXUINT: none */
  char     *name;
} Group;

static void
group_clear (Group *group)
{
  g_free (group->name);
}

/* cgraph orders subgraphs by id, and a named one's id is the address of
 * its name: the order they are written in is their sequence */
static int
compare_subgraphs (gconstpointer a,
                   gconstpointer b)
{
  guint64 sa = AGSEQ (*(Agraph_t *const *)a), sb = AGSEQ (*(Agraph_t *const *)b);

  return (sa > sb) - (sa < sb);
}

static void
push_children (Agraph_t  *graph,
               guint      group,
               GPtrArray *stack,
               GArray    *stack_groups)
{
  g_autoptr(GPtrArray) children = g_ptr_array_new ();

  for (Agraph_t *child = agfstsubg (graph); child != NULL; child = agnxtsubg (child))
    g_ptr_array_add (children, child);
  g_ptr_array_sort (children, compare_subgraphs);
  /* the first on top */
  for (guint i = children->len; i > 0; i--)
    {
      g_ptr_array_add (stack, g_ptr_array_index (children, i - 1));
      g_array_append_val (stack_groups, group);
    }
}

static gboolean
has_group (GArray *groups,
           guint   group)
{
  for (guint i = 0; groups != NULL && i < groups->len; i++)
    if (g_array_index (groups, guint, i) == group)
      return TRUE;
  return FALSE;
}

/* A subgraph's own value of @sym: one it sets, not the one it has from
 * the graph around it (cgraph gives a subgraph the graph's label too) */
static const char *
own_value (Agraph_t *subgraph,
           Agraph_t *parent,
           Agsym_t  *sym)
{
  const char *value = agxget (subgraph, sym);

  if (value == NULL || value[0] == '\0' || g_strcmp0 (value, agxget (parent, sym)) == 0)
    return NULL;
  return value;
}

static void
read_groups (Reader *reader)
{
  g_autoptr(GArray) groups = g_array_new (FALSE, TRUE, sizeof (Group));
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();
  g_autoptr(GArray) stack_groups = g_array_new (FALSE, FALSE, sizeof (guint));
  guint n_nodes = reader->names->len;
  GArray **member_of = g_new0 (GArray *, MAX (n_nodes, 1));
  guint first = cs_graph_builder_get_n_nodes (reader->builder);
  CsNodeType consortium = cs_graph_builder_intern_type (reader->builder, "consortium");
  CsRelation member_of_relation = cs_graph_builder_intern_relation (reader->builder, "member_of");
  g_autoptr(GString) listed = g_string_new (NULL);

  g_array_set_clear_func (groups, (GDestroyNotify)group_clear);

  /* subgraphs before those inside them, each once: a node belongs to
   * the innermost groups that hold it */
  push_children (reader->graph, G_MAXUINT, stack, stack_groups);
  while (stack->len > 0)
    {
      Agraph_t *sub = g_ptr_array_steal_index (stack, stack->len - 1);
      guint parent_group = g_array_index (stack_groups, guint, stack_groups->len - 1);
      guint group = parent_group;
      const char *name = agnameof (sub);

      g_array_set_size (stack_groups, stack_groups->len - 1);
      /* cgraph names anonymous subgraphs %N */
      if (name != NULL && name[0] != '%')
        {
          if (agnnodes (sub) == 0)
            _cs_import_warn (reader->problems, &reader->n_empty, CS_IMPORT_ERROR_VALUE,
                             _cs_dot_scan_subgraph_offset (reader->scan, name),
                             _("subgraph \"%s\" holds no nodes: no group is made of it"), name);
          else
            {
              Group g = { sub, agparent (sub), parent_group, g_strdup (name) };

              group = groups->len;
              g_array_append_val (groups, g);
              for (Agnode_t *n = agfstnode (sub); n != NULL; n = agnxtnode (sub, n))
                {
                  guint i = node_index (reader, n);

                  if (member_of[i] == NULL)
                    member_of[i] = g_array_new (FALSE, FALSE, sizeof (guint));
                  /* inside its parent's group: a member of this one instead */
                  for (guint k = 0; k < member_of[i]->len; k++)
                    if (g_array_index (member_of[i], guint, k) == parent_group)
                      g_array_remove_index (member_of[i], k--);
                  if (!has_group (member_of[i], group))
                    g_array_append_val (member_of[i], group);
                }
            }
        }
      push_children (sub, group, stack, stack_groups);
    }

  {
    Agsym_t *label_sym = agattr (reader->graph, AGRAPH, "label", NULL);

    for (guint g = 0; g < groups->len; g++)
      {
        Group *group = &g_array_index (groups, Group, g);
        g_autoptr(CsNode) node = cs_node_new ();
        const char *label = label_sym != NULL ? own_value (group->subgraph, group->parent,
                                                           label_sym)
                                              : NULL;

        node->id = g_strdup (_cs_id_map_make (reader->ids, group->name));
        node->type = consortium;
        if (label != NULL)
          node->label = expand_label (label, group->name, group->name, NULL, NULL);
        if (node->label == NULL)
          node->label = g_strdup (group->name[0] != '\0' ? group->name : node->id);
        for (Agsym_t *sym = agnxtattr (reader->graph, AGRAPH, NULL); sym != NULL;
             sym = agnxtattr (reader->graph, AGRAPH, sym))
          {
            const char *value = own_value (group->subgraph, group->parent, sym);

            if (value != NULL && sym != label_sym)
              cs_node_take_attribute (node, _cs_import_attribute_new (sym->name, value));
          }
        add_alias (node, group->name);
        if (!cs_graph_builder_take_node (reader->builder, node))
          g_assert_not_reached ();
        g_steal_pointer (&node);
        if (g < 3)
          g_string_append_printf (listed, "%s%s", g > 0 ? ", " : "", group->name);
        else if (g == 3)
          g_string_append (listed, ", …");
      }
  }

  for (guint i = 0; i < n_nodes; i++)
    {
      for (guint k = 0; member_of[i] != NULL && k < member_of[i]->len; k++)
        {
          CsEdge *edge = cs_edge_new ();

          edge->source = i;
          edge->target = first + g_array_index (member_of[i], guint, k);
          edge->relation = member_of_relation;
          cs_graph_builder_take_edge (reader->builder, edge);
        }
      g_clear_pointer (&member_of[i], g_array_unref);
    }
  g_free (member_of);
  for (guint g = 0; g < groups->len; g++)
    {
      Group *group = &g_array_index (groups, Group, g);
      CsEdge *edge;

      if (group->parent_group == G_MAXUINT)
        continue;
      edge = cs_edge_new ();
      edge->source = first + g;
      edge->target = first + group->parent_group;
      edge->relation = member_of_relation;
      cs_graph_builder_take_edge (reader->builder, edge);
    }

  if (groups->len > 0)
    cs_problems_add (reader->problems, CS_PROBLEM_WARNING, CS_IMPORT_ERROR_VALUE,
                     _cs_dot_scan_subgraph_offset (reader->scan,
                                                   g_array_index (groups, Group, 0).name),
                     NULL,
                     /* TRANSLATORS: %s lists the first subgraphs' names; consortium
                      * and member_of are a node type and a relation: keep them */
                     g_dngettext (GETTEXT_PACKAGE,
                                  "%u subgraph made into a group (%s): a node of type "
                                  "consortium, with a member_of edge from each of its members",
                                  "%u subgraphs made into groups (%s): a node of type "
                                  "consortium each, with a member_of edge from each of its "
                                  "members",
                                  groups->len),
                     groups->len, listed->str);
  _cs_import_warn_rest (reader->problems, reader->n_empty,
                        g_dngettext (GETTEXT_PACKAGE,
                                     "%u more empty subgraph is not listed",
                                     "%u more empty subgraphs are not listed",
                                     _cs_import_n_unlisted (reader->n_empty)),
                        _cs_import_n_unlisted (reader->n_empty));
}

static void
read_graph (Reader *reader)
{
  Agsym_t *label_sym = agattr (reader->graph, AGRAPH, "label", NULL);
  g_autoptr(GString) left_out = g_string_new (NULL);
  g_autofree char *title = NULL;
  gsize first = CS_PROBLEM_NO_OFFSET;
  guint n = 0;

  if (label_sym != NULL && agxget (reader->graph, label_sym)[0] != '\0')
    title = expand_label (agxget (reader->graph, label_sym), reader->graph_name,
                          reader->graph_name, NULL, NULL);
  if (title != NULL)
    cs_graph_builder_set_metadata (reader->builder, title, NULL, NULL, NULL);

  for (Agsym_t *sym = agnxtattr (reader->graph, AGRAPH, NULL); sym != NULL;
       sym = agnxtattr (reader->graph, AGRAPH, sym))
    {
      const char *value = agxget (reader->graph, sym);

      if (sym == label_sym || value == NULL || value[0] == '\0')
        continue;
      g_string_append_printf (left_out, "%s%s", n++ > 0 ? ", " : "", sym->name);
      first = MIN (first, _cs_dot_scan_attribute_offset (reader->scan, sym->name));
    }
  if (n > 0)
    cs_problems_add (reader->problems, CS_PROBLEM_WARNING, CS_IMPORT_ERROR_UNKNOWN_MEMBER,
                     first, NULL,
                     /* TRANSLATORS: %s lists the attributes' names */
                     g_dngettext (GETTEXT_PACKAGE,
                                  "the graph's attribute %s is left out (Consortia keeps a "
                                  "graph's label, as its title)",
                                  "the graph's attributes %s are left out (Consortia keeps a "
                                  "graph's label, as its title)",
                                  n),
                     left_out->str);
}

static void
read_all (Reader *reader)
{
  guint i = 0;

  for (Agnode_t *n = agfstnode (reader->graph); n != NULL; n = agnxtnode (reader->graph, n))
    {
      char *name = g_strdup (agnameof (n));

      g_ptr_array_add (reader->names, name);
      g_hash_table_insert (reader->index, n, GUINT_TO_POINTER (reader->names->len));
      _cs_id_map_reserve (reader->ids, name);
    }
  for (Agnode_t *n = agfstnode (reader->graph); n != NULL; n = agnxtnode (reader->graph, n))
    read_node (reader, n, i++);
  read_edges (reader);
  read_groups (reader);
  read_graph (reader);

  if (_cs_id_map_get_n_renamed (reader->ids) > 0)
    {
      const char *id;
      const char *name = _cs_id_map_get_first_renamed (reader->ids, &id);

      cs_problems_add (reader->problems, CS_PROBLEM_WARNING, CS_IMPORT_ERROR_VALUE,
                       _cs_dot_scan_node_offset (reader->scan, name), NULL,
                       /* TRANSLATORS: the %s are the first name changed and the
                        * id it gets */
                       g_dngettext (GETTEXT_PACKAGE,
                                    "%u node name is not a Consortia id (letters, digits and "
                                    "_ . : -): it gets an id of its own (\"%s\" is \"%s\") and "
                                    "keeps its name as its label or an alias",
                                    "%u node names are not Consortia ids (letters, digits and "
                                    "_ . : -): each gets an id of its own (\"%s\" is \"%s\") and "
                                    "keeps its name as its label or an alias",
                                    _cs_id_map_get_n_renamed (reader->ids)),
                       _cs_id_map_get_n_renamed (reader->ids), name, id);
    }
  if (reader->n_html > 0)
    cs_problems_add (reader->problems, CS_PROBLEM_WARNING, CS_IMPORT_ERROR_VALUE,
                     reader->first_html, NULL,
                     g_dngettext (GETTEXT_PACKAGE,
                                  "%u HTML label read as its text: the markup is left out",
                                  "%u HTML labels read as their text: the markup is left out",
                                  reader->n_html),
                     reader->n_html);
  _cs_import_warn_rest (reader->problems, reader->n_bad_pos,
                        g_dngettext (GETTEXT_PACKAGE,
                                     "%u more node with a pos that is not x,y is not listed",
                                     "%u more nodes with a pos that is not x,y are not listed",
                                     _cs_import_n_unlisted (reader->n_bad_pos)),
                        _cs_import_n_unlisted (reader->n_bad_pos));
  _cs_import_warn_rest (reader->problems, reader->n_loops,
                        g_dngettext (GETTEXT_PACKAGE,
                                     "%u more self-loop is not listed",
                                     "%u more self-loops are not listed",
                                     _cs_import_n_unlisted (reader->n_loops)),
                        _cs_import_n_unlisted (reader->n_loops));
  _cs_import_warn_rest (reader->problems, reader->n_parallel,
                        g_dngettext (GETTEXT_PACKAGE,
                                     "%u more parallel edge is not listed",
                                     "%u more parallel edges are not listed",
                                     _cs_import_n_unlisted (reader->n_parallel)),
                        _cs_import_n_unlisted (reader->n_parallel));
}

static gboolean
cs_dot_importer_load (CsImporter            *importer,
                      const char            *data,
                      gsize                  length,
                      const CsImportOptions *options,
                      CsGraphBuilder        *builder,
                      GPtrArray             *problems,
                      GCancellable          *cancellable)
{
  g_autoptr(CsDotScan) scan = NULL;
  Agraph_t *graph;

  if (!_cs_import_check_text (data, length, problems))
    return FALSE;
  scan = _cs_dot_scan_new (data, length, options->graph, problems, cancellable);
  if (scan == NULL || g_cancellable_is_cancelled (cancellable))
    return FALSE;
  if (scan->n_graphs == 0)
    {
      cs_problems_add (problems, CS_PROBLEM_ERROR, CS_IMPORT_ERROR_SYNTAX,
                       scan->trailing != CS_PROBLEM_NO_OFFSET ? scan->trailing : 0, NULL,
                       _("no DOT graph here (a graph is written graph { … } or digraph { … })"));
      return FALSE;
    }
  if (!scan->found)
    {
      if (scan->n_graphs == 1)
        cs_problems_add (problems, CS_PROBLEM_ERROR, CS_IMPORT_ERROR_OPTION, CS_PROBLEM_NO_OFFSET,
                         NULL, _("there is no graph %u: the file holds one graph"),
                         options->graph + 1);
      else
        cs_problems_add (problems, CS_PROBLEM_ERROR, CS_IMPORT_ERROR_OPTION, CS_PROBLEM_NO_OFFSET,
                         NULL,
                         /* TRANSLATORS: the first %u is the number given to --graph, the
                          * second the number of graphs of the file, more than one */
                         g_dngettext (GETTEXT_PACKAGE,
                                      "there is no graph %u: the file holds %u graph",
                                      "there is no graph %u: the file holds %u graphs",
                                      scan->n_graphs),
                         options->graph + 1, scan->n_graphs);
      return FALSE;
    }

  g_mutex_lock (&cgraph_lock);
  graph = parse (data, length, scan, problems);
  if (graph != NULL)
    {
      const char *name = agnameof (graph);
      g_autofree char *graph_name = g_strdup (name != NULL && name[0] != '%' ? name : "");
      g_autoptr(CsIdMap) ids = _cs_id_map_new ();
      g_autoptr(GHashTable) index = g_hash_table_new (NULL, NULL);
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      Reader reader = {
        .graph = graph,
        .graph_name = graph_name,
        .scan = scan,
        .builder = builder,
        .problems = problems,
        .ids = ids,
        .index = index,
        .names = names,
      };

      read_all (&reader);
      agclose (graph);
      if (options->graph < scan->n_graphs)
        cs_graph_builder_set_file_graphs (builder, scan->n_graphs, options->graph);
      if (scan->n_graphs > 1)
        cs_problems_add (problems, CS_PROBLEM_WARNING, CS_IMPORT_ERROR_VALUE, scan->header, NULL,
                         /* TRANSLATORS: the first %u is the number of graphs of the
                          * file, more than one */
                         g_dngettext (GETTEXT_PACKAGE,
                                      "the file holds %u graph: this is graph %u (the command "
                                      "line's --graph N reads another)",
                                      "the file holds %u graphs: this is graph %u (the command "
                                      "line's --graph N reads another)",
                                      scan->n_graphs),
                         scan->n_graphs, options->graph + 1);
      if (scan->trailing != CS_PROBLEM_NO_OFFSET)
        cs_problems_add (problems, CS_PROBLEM_WARNING, CS_IMPORT_ERROR_SYNTAX, scan->trailing,
                         NULL, _("text after the last graph is left out"));
    }
  g_mutex_unlock (&cgraph_lock);
  return graph != NULL && cs_problems_count_errors (problems) == 0;
}

/* Skips white space and comments as DOT has them */
static gsize
skip_space (const char *head,
            gsize       length,
            gsize       i)
{
  while (i < length)
    {
      if (g_ascii_isspace (head[i]))
        i++;
      else if (head[i] == '#' || (head[i] == '/' && i + 1 < length && head[i + 1] == '/'))
        {
          const char *nl = memchr (head + i, '\n', length - i);

          i = nl != NULL ? (gsize)(nl - head) : length;
        }
      else if (head[i] == '/' && i + 1 < length && head[i + 1] == '*')
        {
          const char *close = g_strstr_len (head + i + 2, length - i - 2, "*/");

          i = close != NULL ? (gsize)(close - head) + 2 : length;
        }
      else
        break;
    }
  return i;
}

static gboolean
keyword_at (const char *head,
            gsize       length,
            gsize      *i,
            const char *word)
{
  gsize n = strlen (word);

  if (*i + n > length || g_ascii_strncasecmp (head + *i, word, n) != 0 ||
      (*i + n < length && (g_ascii_isalnum (head[*i + n]) || head[*i + n] == '_')))
    return FALSE;
  *i += n;
  return TRUE;
}

/* [strict] (graph|digraph) [ID] { — GML also starts with "graph", then [ */
static guint
cs_dot_importer_sniff (CsImporter *importer,
                       const char *head,
                       gsize       length)
{
  gsize i = length >= 3 && memcmp (head, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;

  i = skip_space (head, length, i);
  if (keyword_at (head, length, &i, "strict"))
    i = skip_space (head, length, i);
  if (!keyword_at (head, length, &i, "graph") && !keyword_at (head, length, &i, "digraph"))
    return 0;
  i = skip_space (head, length, i);
  if (i < length && head[i] == '"')
    {
      for (i++; i < length && head[i] != '"'; i++)
        if (head[i] == '\\')
          i++;
      i++;
    }
  else
    while (i < length && (g_ascii_isalnum (head[i]) || head[i] == '_' || head[i] == '.' ||
                          head[i] == '-' || (guchar)head[i] >= 0x80))
      i++;
  i = skip_space (head, length, i);
  return i < length && head[i] == '{' ? 90 : 0;
}

static void
cs_dot_importer_class_init (CsDotImporterClass *klass)
{
  CsImporterClass *importer_class = CS_IMPORTER_CLASS (klass);
  static const char *const mime_types[] = { "text/vnd.graphviz", NULL };
  static const char *const extensions[] = { "gv", "dot", NULL };

  importer_class->name = "dot";
  importer_class->display_name = "Graphviz DOT";
  importer_class->mime_types = mime_types;
  importer_class->extensions = extensions;
  importer_class->sniff = cs_dot_importer_sniff;
  importer_class->load = cs_dot_importer_load;
}

static void
cs_dot_importer_init (CsDotImporter *self)
{
}
