/* cs-gml-importer.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-gml-importer.h"

#include "cs-foreign-graph-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* GML, the Graph Modelling Language (Himsolt 1997), as Mark Newman's data
 * sets, igraph, networkx, yEd and Gephi write it: key-value lists, with a
 * "Creator" line or comments before the graph, ids as bare numbers.
 *
 * Why a tokeniser of our own and not igraph_read_graph_gml(): measured on
 * igraph 0.10.2 (Debian 12), its reader refuses a whole file for a
 * duplicate node id or an edge to an unknown node, drops nested lists
 * such as graphics [ x 1 y 2 ] (positions are lost), rejects ids that are
 * not integers, and reports errors with a line but no column or byte
 * offset. It would also need igraph's C attribute table, which is
 * process-global (igraph_set_attribute_table()), and the layout threads
 * use igraph at the same time: an igraph_t created under one table and
 * destroyed under another crashes. GML's grammar is small (keys, numbers,
 * strings, [ lists ]); reading it here keeps every problem a warning at
 * its line and column, and keeps igraph in the layout code (STYLE.md).
 *
 * - Of several top-level graph lists, CsImportOptions.graph picks one.
 * - Nested lists become attributes with dotted keys ("graphics.fill");
 *   graphics.x and graphics.y are the node's position. A key given twice
 *   in one node or edge gets one value per occurrence.
 * - Strings are UTF-8, and the entities &quot; &amp; &lt; &gt; &apos; and
 *   &#N; are decoded. Lists nest at most MAX_DEPTH levels. */

#define MAX_DEPTH    128
#define CANCEL_EVERY 65536

typedef enum
{
  TOKEN_END,
  TOKEN_KEY,
  TOKEN_NUMBER,
  TOKEN_STRING,
  TOKEN_OPEN,
  TOKEN_CLOSE,
  TOKEN_ERROR,
} TokenType;

typedef struct
{
  TokenType   type;
  gsize       offset;
  const char *start;
  gsize       length;
} Token;

typedef enum
{
  LIST_TOP,
  LIST_GRAPH,
  LIST_NODE,
  LIST_EDGE,
  LIST_VALUE,  /* a list in a node or an edge: its keys become dotted attributes */
  LIST_SKIP,
} ListKind;

typedef struct
{
  ListKind kind;
  gsize    offset;    /* of its "[" */
  gsize    path_len;  /* of the dotted key before it opened */
} List;

typedef struct
{
  /* borrowed refs */
  CsForeignGraph        *graph;
  const CsImportOptions *options;
  const char            *data;

  /* owned */
  GArray                *lists;      /* List */
  GString               *path;       /* the dotted key inside a node or an edge */
  GPtrArray             *edges;      /* CsForeignEdge of the graph read, till its end */
  GHashTable            *warned;     /* graph keys warned about */
  CsForeignNode         *node;
  CsForeignEdge         *edge;
  char                  *x;          /* graphics.x and .y of the node being read */
  char                  *y;
  char                  *title;
  char                  *description;

  /* state */
  gsize                  length;
  gsize                  position;
  gboolean               directed;
  gboolean               node_has_id;
  guint                  n_graphs;
  gsize                  graph_offset;
} Reader;

struct _CsGmlImporter
{
  CsImporter parent_instance;
};

G_DEFINE_FINAL_TYPE (CsGmlImporter, cs_gml_importer, CS_TYPE_IMPORTER)

static gboolean
is_key_start (char c)
{
  return g_ascii_isalpha (c) || c == '_';
}

static gboolean
is_number_char (char c)
{
  return g_ascii_isdigit (c) || c == '.' || c == '+' || c == '-' || c == 'e' || c == 'E';
}

static void
skip_space (Reader *reader)
{
  while (reader->position < reader->length)
    {
      char c = reader->data[reader->position];

      if (c == '#')
        {
          while (reader->position < reader->length && reader->data[reader->position] != '\n')
            reader->position++;
        }
      else if (g_ascii_isspace (c))
        reader->position++;
      else
        break;
    }
}

static Token
next_token (Reader *reader)
{
  Token token = { TOKEN_END, 0, NULL, 0 };
  const char *d = reader->data;
  gsize p;

  skip_space (reader);
  p = token.offset = reader->position;
  token.start = d + p;
  if (p >= reader->length)
    return token;

  if (d[p] == '[' || d[p] == ']')
    {
      token.type = d[p] == '[' ? TOKEN_OPEN : TOKEN_CLOSE;
      token.length = 1;
    }
  else if (d[p] == '"')
    {
      const char *close = memchr (d + p + 1, '"', reader->length - p - 1);

      if (close == NULL)
        {
          token.type = TOKEN_ERROR;
          _cs_foreign_graph_error (reader->graph, CS_IMPORT_ERROR_SYNTAX, p,
                                   _("unterminated string (no closing \")"));
          return token;
        }
      token.type = TOKEN_STRING;
      token.start = d + p + 1;
      token.length = close - (d + p + 1);
      reader->position = close + 1 - d;
      return token;
    }
  else if (is_key_start (d[p]))
    {
      gsize q = p;

      while (q < reader->length && (g_ascii_isalnum (d[q]) || d[q] == '_'))
        q++;
      token.type = TOKEN_KEY;
      token.length = q - p;
    }
  else if (g_ascii_isdigit (d[p]) || d[p] == '.' || d[p] == '+' || d[p] == '-')
    {
      gsize q = p;

      while (q < reader->length && is_number_char (d[q]))
        q++;
      /* "-inf", "+nan": igraph writes non-finite values so */
      while (q < reader->length && g_ascii_isalpha (d[q]))
        q++;
      token.type = TOKEN_NUMBER;
      token.length = q - p;
    }
  else
    {
      gunichar c = g_utf8_get_char (d + p);

      token.type = TOKEN_ERROR;
      _cs_foreign_graph_error (reader->graph, CS_IMPORT_ERROR_SYNTAX, p,
                               _("unexpected character U+%04X (expected a key, a value, [ or ])"),
                               c);
      return token;
    }
  reader->position = p + token.length;
  return token;
}

/* A string's text with its entities decoded; a number as written */
static char *
token_text (const Token *token)
{
  GString *text;
  const char *p = token->start;
  const char *end = token->start + token->length;

  if (token->type != TOKEN_STRING || memchr (p, '&', token->length) == NULL)
    return g_strndup (token->start, token->length);

  text = g_string_sized_new (token->length);
  while (p < end)
    {
      static const struct
      {
        const char *name;
        const char *text;
      } entities[] = {
        { "&quot;", "\"" }, { "&amp;", "&" }, { "&lt;", "<" }, { "&gt;", ">" }, { "&apos;", "'" },
      };
      gboolean done = FALSE;

      if (*p == '&')
        {
          for (guint i = 0; !done && i < G_N_ELEMENTS (entities); i++)
            {
              gsize n = strlen (entities[i].name);

              if ((gsize)(end - p) >= n && memcmp (p, entities[i].name, n) == 0)
                {
                  g_string_append (text, entities[i].text);
                  p += n;
                  done = TRUE;
                }
            }
          if (!done && end - p > 3 && p[1] == '#')
            {
              const char *semi = memchr (p, ';', MIN (end - p, 12));
              gboolean hex = p[2] == 'x' || p[2] == 'X';
              g_autofree char *digits = NULL;
              guint64 code = 0;

              if (semi != NULL)
                {
                  digits = g_strndup (p + 2 + hex, semi - (p + 2 + hex));
                  if (g_ascii_string_to_unsigned (digits, hex ? 16 : 10, 1, 0x10ffff, &code,
                                                  NULL) &&
                      g_unichar_validate ((gunichar)code))
                    {
                      g_string_append_unichar (text, (gunichar)code);
                      p = semi + 1;
                      done = TRUE;
                    }
                }
            }
        }
      if (!done)
        g_string_append_c (text, *p++);
    }
  return g_string_free (text, FALSE);
}

static ListKind
top_kind (Reader *reader)
{
  return g_array_index (reader->lists, List, reader->lists->len - 1).kind;
}

static void
finish_node (Reader *reader)
{
  CsForeignNode *node = g_steal_pointer (&reader->node);
  double x, y;

  if (reader->x != NULL && reader->y != NULL && _cs_foreign_parse_double (reader->x, &x) &&
      _cs_foreign_parse_double (reader->y, &y) && _cs_foreign_node_set_position (node, x, y))
    ;
  else
    {
      if (reader->x != NULL || reader->y != NULL)
        _cs_foreign_graph_warn (reader->graph, CS_FOREIGN_WARNING_VALUE, node->offset,
                                /* TRANSLATORS: graphics, x and y are GML keys: keep them;
                                 * the second and third %s are values, or “(none)” */
                                _("node %s: graphics x %s, y %s is not a position; kept as "
                                  "attributes"),
                                node->id, reader->x != NULL ? reader->x : C_("GML value", "(none)"),
                                reader->y != NULL ? reader->y : C_("GML value", "(none)"));
      if (reader->x != NULL)
        _cs_foreign_attributes_add (node->attributes, "graphics.x", reader->x, NULL);
      if (reader->y != NULL)
        _cs_foreign_attributes_add (node->attributes, "graphics.y", reader->y, NULL);
    }
  g_clear_pointer (&reader->x, g_free);
  g_clear_pointer (&reader->y, g_free);

  if (!reader->node_has_id)
    {
      _cs_foreign_graph_warn (reader->graph, CS_FOREIGN_WARNING_OTHER, node->offset,
                              _("a node without an id is left out"));
      _cs_foreign_node_free (node);
      return;
    }
  _cs_foreign_graph_take_node (reader->graph, node);
}

static void
finish_edge (Reader *reader)
{
  CsForeignEdge *edge = g_steal_pointer (&reader->edge);

  if (edge->source[0] == '\0' || edge->target[0] == '\0')
    {
      _cs_foreign_graph_warn (reader->graph, CS_FOREIGN_WARNING_OTHER, edge->offset,
                              _("an edge without a source or a target is left out"));
      _cs_foreign_edge_free (edge);
      return;
    }
  g_ptr_array_add (reader->edges, edge);
}

static void
finish_graph (Reader *reader)
{
  for (guint i = 0; i < reader->edges->len; i++)
    {
      CsForeignEdge *edge = g_steal_pointer (&g_ptr_array_index (reader->edges, i));

      /* "directed 1" may come anywhere in the graph */
      edge->directed = reader->directed;
      _cs_foreign_graph_take_edge (reader->graph, edge);
    }
  g_ptr_array_set_size (reader->edges, 0);
}

static void
open_list (Reader      *reader,
           const Token *key,
           const Token *open)
{
  List list = { LIST_SKIP, open->offset, reader->path->len };
  g_autofree char *name = token_text (key);

  switch (top_kind (reader))
    {
    case LIST_TOP:
      if (g_str_equal (name, "graph") && reader->n_graphs++ == reader->options->graph)
        {
          list.kind = LIST_GRAPH;
          reader->graph_offset = key->offset;
        }
      break;
    case LIST_GRAPH:
      if (g_str_equal (name, "node"))
        {
          list.kind = LIST_NODE;
          reader->node = _cs_foreign_node_new ("", key->offset);
          reader->node_has_id = FALSE;
        }
      else if (g_str_equal (name, "edge"))
        {
          list.kind = LIST_EDGE;
          reader->edge = _cs_foreign_edge_new ("", "", key->offset);
        }
      else if (!g_hash_table_contains (reader->warned, name))
        {
          _cs_foreign_graph_warn (reader->graph, CS_FOREIGN_WARNING_UNSUPPORTED, key->offset,
                                  _("graph list \"%s\" is not read"), name);
          g_hash_table_add (reader->warned, g_steal_pointer (&name));
        }
      break;
    case LIST_NODE:
    case LIST_EDGE:
    case LIST_VALUE:
      list.kind = LIST_VALUE;
      if (reader->path->len > 0)
        g_string_append_c (reader->path, '.');
      g_string_append (reader->path, name);
      break;
    case LIST_SKIP:
      break;
    default:
      g_assert_not_reached ();
    }
  g_array_append_val (reader->lists, list);
}

static void
close_list (Reader *reader)
{
  List list = g_array_index (reader->lists, List, reader->lists->len - 1);

  g_array_set_size (reader->lists, reader->lists->len - 1);
  g_string_truncate (reader->path, list.path_len);
  if (list.kind == LIST_NODE)
    finish_node (reader);
  else if (list.kind == LIST_EDGE)
    finish_edge (reader);
  else if (list.kind == LIST_GRAPH)
    finish_graph (reader);
}

static void
read_value (Reader      *reader,
            const Token *key,
            const Token *value)
{
  g_autofree char *name = token_text (key);
  g_autofree char *text = token_text (value);
  g_autofree char *path = NULL;

  switch (top_kind (reader))
    {
    case LIST_GRAPH:
      if (g_str_equal (name, "directed"))
        reader->directed = g_str_equal (text, "1");
      else if ((g_str_equal (name, "label") || g_str_equal (name, "name")) &&
               reader->title == NULL)
        reader->title = g_steal_pointer (&text);
      else if (g_str_equal (name, "comment") && reader->description == NULL)
        reader->description = g_steal_pointer (&text);
      else if (!g_str_equal (name, "id") && !g_str_equal (name, "multigraph") &&
               !g_str_equal (name, "hierarchic") && !g_hash_table_contains (reader->warned, name))
        {
          _cs_foreign_graph_warn (reader->graph, CS_FOREIGN_WARNING_UNSUPPORTED, key->offset,
                                  _("graph attribute \"%s\" is not read (Consortia keeps "
                                    "attributes of nodes and edges)"),
                                  name);
          g_hash_table_add (reader->warned, g_steal_pointer (&name));
        }
      break;

    case LIST_NODE:
      if (g_str_equal (name, "id") && !reader->node_has_id)
        {
          g_free (reader->node->id);
          reader->node->id = g_steal_pointer (&text);
          reader->node->offset = value->offset;
          reader->node_has_id = TRUE;
          break;
        }
      _cs_foreign_attributes_add (reader->node->attributes, name, text, NULL);
      break;

    case LIST_EDGE:
      if (g_str_equal (name, "source") && reader->edge->source[0] == '\0' && text[0] != '\0')
        {
          g_free (reader->edge->source);
          reader->edge->source = g_steal_pointer (&text);
        }
      else if (g_str_equal (name, "target") && reader->edge->target[0] == '\0' && text[0] != '\0')
        {
          g_free (reader->edge->target);
          reader->edge->target = g_steal_pointer (&text);
        }
      else if (g_str_equal (name, "id") && reader->edge->id == NULL)
        reader->edge->id = g_steal_pointer (&text);
      else
        _cs_foreign_attributes_add (reader->edge->attributes, name, text, NULL);
      break;

    case LIST_VALUE:
      path = g_strconcat (reader->path->str, ".", name, NULL);
      if (reader->node != NULL && g_str_equal (path, "graphics.x") && reader->x == NULL)
        reader->x = g_steal_pointer (&text);
      else if (reader->node != NULL && g_str_equal (path, "graphics.y") && reader->y == NULL)
        reader->y = g_steal_pointer (&text);
      else
        _cs_foreign_attributes_add (reader->node != NULL ? reader->node->attributes
                                                         : reader->edge->attributes,
                                    path, text, NULL);
      break;

    case LIST_TOP:  /* Creator, Version and the like */
    case LIST_SKIP:
      break;

    default:
      g_assert_not_reached ();
    }
}

static gboolean
parse (Reader       *reader,
       GCancellable *cancellable)
{
  List top = { LIST_TOP, 0, 0 };
  guint n_tokens = 0;

  g_array_append_val (reader->lists, top);
  for (;;)
    {
      Token key = next_token (reader);
      Token value;

      if (++n_tokens % CANCEL_EVERY == 0 && g_cancellable_is_cancelled (cancellable))
        return FALSE;
      switch (key.type)
        {
        case TOKEN_ERROR:
          return FALSE;
        case TOKEN_END:
          if (reader->lists->len > 1)
            {
              const List *open = &g_array_index (reader->lists, List, reader->lists->len - 1);

              _cs_foreign_graph_error (reader->graph, CS_IMPORT_ERROR_SYNTAX, open->offset,
                                       _("the file ends inside this list (no closing ]): it may "
                                         "be cut short"));
              return FALSE;
            }
          return TRUE;
        case TOKEN_CLOSE:
          if (reader->lists->len == 1)
            {
              _cs_foreign_graph_error (reader->graph, CS_IMPORT_ERROR_SYNTAX, key.offset,
                                       _("] without a ["));
              return FALSE;
            }
          close_list (reader);
          if (_cs_foreign_graph_failed (reader->graph))
            return FALSE;
          continue;
        case TOKEN_KEY:
          break;
        case TOKEN_NUMBER:
        case TOKEN_STRING:
        case TOKEN_OPEN:
          _cs_foreign_graph_error (reader->graph, CS_IMPORT_ERROR_SYNTAX, key.offset,
                                   _("expected a key (a word such as node or label)"));
          return FALSE;
        default:
          g_assert_not_reached ();
        }

      value = next_token (reader);
      switch (value.type)
        {
        case TOKEN_ERROR:
          return FALSE;
        case TOKEN_OPEN:
          if (reader->lists->len > MAX_DEPTH)
            {
              _cs_foreign_graph_error (reader->graph, CS_IMPORT_ERROR_TOO_DEEP, value.offset,
                                       _("lists nested deeper than %d levels"), MAX_DEPTH);
              return FALSE;
            }
          open_list (reader, &key, &value);
          break;
        case TOKEN_NUMBER:
        case TOKEN_STRING:
        case TOKEN_KEY: /* a bare word as a value: read as its text */
          read_value (reader, &key, &value);
          break;
        case TOKEN_END:
        case TOKEN_CLOSE:
          {
            g_autofree char *name = token_text (&key);

            _cs_foreign_graph_error (reader->graph, CS_IMPORT_ERROR_SYNTAX,
                                     value.type == TOKEN_END ? key.offset : value.offset,
                                     _("\"%s\" has no value"), name);
            return FALSE;
          }
        default:
          g_assert_not_reached ();
        }
    }
}

static gboolean
cs_gml_importer_load (CsImporter            *importer,
                      const char            *data,
                      gsize                  length,
                      const CsImportOptions *options,
                      CsGraphBuilder        *builder,
                      GPtrArray             *problems,
                      GCancellable          *cancellable)
{
  g_autoptr(CsForeignGraph) graph = _cs_foreign_graph_new (builder, problems, "GML");
  g_autoptr(GArray) lists = g_array_new (FALSE, FALSE, sizeof (List));
  g_autoptr(GString) path = g_string_new (NULL);
  g_autoptr(GPtrArray) edges =
      g_ptr_array_new_with_free_func ((GDestroyNotify)_cs_foreign_edge_free);
  g_autoptr(GHashTable) warned = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Reader reader = {
    .graph = graph,
    .options = options,
    .data = data,
    .lists = lists,
    .path = path,
    .edges = edges,
    .warned = warned,
    .length = length,
    .position = cs_problems_bom_length (data, length),
  };
  gboolean ok;

  ok = _cs_foreign_graph_check_text (graph, data, length) && parse (&reader, cancellable);
  g_clear_pointer (&reader.node, _cs_foreign_node_free);
  g_clear_pointer (&reader.edge, _cs_foreign_edge_free);
  g_clear_pointer (&reader.x, g_free);
  g_clear_pointer (&reader.y, g_free);
  if (ok && _cs_foreign_graph_check_choice (graph, reader.n_graphs, options->graph,
                                            reader.graph_offset, NULL))
    {
      _cs_foreign_graph_set_metadata (graph, reader.title, reader.description, NULL);
      ok = _cs_foreign_graph_finish (graph, cancellable);
    }
  g_free (reader.title);
  g_free (reader.description);
  return ok && !_cs_foreign_graph_failed (graph);
}

/* key-value pairs (Creator "…", Version 2), comments, then graph [ */
static guint
cs_gml_importer_sniff (CsImporter *importer,
                       const char *head,
                       gsize       length)
{
  gsize p = cs_problems_bom_length (head, length);

  for (guint pairs = 0; pairs < 64; pairs++)
    {
      gsize key, key_end;

      while (p < length && (g_ascii_isspace (head[p]) || head[p] == '#'))
        {
          if (head[p] == '#')
            while (p < length && head[p] != '\n')
              p++;
          else
            p++;
        }
      if (p >= length || !is_key_start (head[p]))
        return 0;
      key = p;
      while (p < length && (g_ascii_isalnum (head[p]) || head[p] == '_'))
        p++;
      key_end = p;
      while (p < length && g_ascii_isspace (head[p]))
        p++;
      if (p >= length)
        return 0;
      if (key_end - key == 5 && memcmp (head + key, "graph", 5) == 0)
        return head[p] == '[' ? 90 : 0;
      if (head[p] == '"')
        {
          const char *close = memchr (head + p + 1, '"', length - p - 1);

          if (close == NULL)
            return 0;
          p = close + 1 - head;
        }
      else if (g_ascii_isdigit (head[p]) || head[p] == '-' || head[p] == '+' || head[p] == '.')
        {
          while (p < length && is_number_char (head[p]))
            p++;
        }
      else
        return 0;
    }
  return 0;
}

static void
cs_gml_importer_class_init (CsGmlImporterClass *klass)
{
  CsImporterClass *importer_class = CS_IMPORTER_CLASS (klass);
  static const char *const mime_types[] = { "text/x-gml", NULL };
  static const char *const extensions[] = { "gml", NULL };

  importer_class->name = "gml";
  importer_class->display_name = "GML";
  importer_class->mime_types = mime_types;
  importer_class->extensions = extensions;
  importer_class->sniff = cs_gml_importer_sniff;
  importer_class->load = cs_gml_importer_load;
}

static void
cs_gml_importer_init (CsGmlImporter *self)
{
}
