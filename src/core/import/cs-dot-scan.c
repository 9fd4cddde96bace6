/* cs-dot-scan.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-dot-scan-private.h"

#include "cs-problem.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* The lexer follows cgraph's (lib/cgraph/scan.l in Graphviz 2.42): names
 * of letters (any byte from 0x80 on is one), digits and _; numbers; quoted
 * strings with \" and backslash-newline; HTML strings in nested <>;
 * comments (C-style, // and # to the end of the line); keywords in any case;
 * and '@', which cgraph reads as the end of the input.
 *
 * Bison's stack in cgraph's parser holds 10,000 entries: a subgraph takes
 * about 3 of them while it is open and each link of an edge chain
 * (a -> b -> c) 4 until its statement ends. Past that it says "memory
 * exhausted" and keeps, in a static variable, a stack of the graph it has
 * just freed: every later parse in the process fails or frees memory
 * twice. The scan refuses such statements before cgraph sees them. */
#define PARSER_STACK_PER_LEVEL 3
#define PARSER_STACK_PER_LINK  4
#define PARSER_STACK_BUDGET    6000

#define CANCEL_EVERY 65536

typedef enum
{
  TOKEN_END,
  TOKEN_NAME,   /* a name or a number */
  TOKEN_QUOTED,
  TOKEN_HTML,
  TOKEN_EDGE_OP,
  TOKEN_PUNCT,
} TokenKind;

typedef enum
{
  KEYWORD_NONE,
  KEYWORD_NODE,
  KEYWORD_EDGE,
  KEYWORD_GRAPH,
  KEYWORD_DIGRAPH,
  KEYWORD_STRICT,
  KEYWORD_SUBGRAPH,
} Keyword;

typedef struct
{
  TokenKind kind;
  Keyword   keyword;
  char      punct;
  gboolean  closed; /* a quoted or HTML string that ends before the input */
  gsize     start;
  gsize     end;
} Token;

typedef enum
{
  ATTR_NODE,
  ATTR_EDGE,
  ATTR_GRAPH,
  ATTR_NONE,
} AttrKind;

/* An open body: the graph's or a subgraph's */
typedef struct
{
  guint     instance;
  guint64   count;        /* node mentions in it, nested bodies' included */
  /* the statement being read */
  gboolean  has_prev;     /* an operand was read */
  guint64   prev_size;    /* its nodes at most */
  char     *prev_name;    /* its node, when it is one */
  gboolean  edge_pending; /* an edge operator waits for its right operand */
  gsize     edge_offset;
  guint     links;        /* edge operators so far */
  AttrKind  attr_kind;    /* after "node", "edge" or "graph" */
} Frame;

typedef struct
{
  const char   *data;
  gsize         pos;
  gsize         stop;
  Token         pushed;
  gboolean      has_pushed;
  guint         n_tokens;
  GCancellable *cancellable;
  GPtrArray    *problems;
  gboolean      failed;
  gsize         unclosed; /* the first string or comment that does not end */
  char          unclosed_kind;

  /* the graph asked for */
  CsDotScan    *scan;
  GArray       *frames;         /* Frame */
  GArray       *sizes;          /* guint64 per subgraph: its nodes at most */
  GHashTable   *instances;      /* "parent\x1fname" → subgraph + 1 */
  GHashTable   *attr_names[ATTR_NONE];
  gboolean      ports;
  guint64       n_edges;
  guint64       n_memberships;
  guint         stack;
} Scanner;

static void G_GNUC_PRINTF (4, 5)
fail (Scanner       *s,
      CsImportError  code,
      gsize          offset,
      const char    *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  if (s->failed)
    return;
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (s->problems, cs_problem_new (CS_PROBLEM_ERROR, code, offset, NULL, message));
  s->failed = TRUE;
}

/* Lexer */

static gboolean
is_letter (guchar c)
{
  return g_ascii_isalpha (c) || c == '_' || c >= 0x80;
}

static void
skip_space (Scanner *s)
{
  const char *d = s->data;

  while (s->pos < s->stop)
    {
      gsize p = s->pos;
      guchar c = d[p];

      if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
        s->pos++;
      else if (c == 0xef && p + 2 < s->stop && (guchar)d[p + 1] == 0xbb &&
               (guchar)d[p + 2] == 0xbf)
        s->pos += 3;
      else if (c == '/' && p + 1 < s->stop && d[p + 1] == '*')
        {
          /* the data holds no NUL (checked before) */
          const char *close = g_strstr_len (d + p + 2, s->stop - p - 2, "*/");

          if (close == NULL && s->unclosed == CS_PROBLEM_NO_OFFSET)
            {
              s->unclosed = p;
              s->unclosed_kind = '/';
            }
          s->pos = close != NULL ? (gsize)(close - d) + 2 : s->stop;
        }
      else if ((c == '/' && p + 1 < s->stop && d[p + 1] == '/') || c == '#')
        {
          const char *nl = memchr (d + p, '\n', s->stop - p);

          s->pos = nl != NULL ? (gsize)(nl - d) : s->stop;
        }
      else
        break;
    }
}

/* cgraph's NUMBER: -?(digits(.digits*)?|.digits), and a letter or a
 * second dot right after it is a token of its own (chkNum) */
static gsize
match_number (const char *d,
              gsize       p,
              gsize       stop)
{
  gsize q = p, digits_start;
  gboolean digits = FALSE, dot = FALSE;

  if (q < stop && d[q] == '-')
    q++;
  digits_start = q;
  while (q < stop && g_ascii_isdigit (d[q]))
    q++;
  if (q > digits_start)
    {
      digits = TRUE;
      if (q < stop && d[q] == '.')
        {
          dot = TRUE;
          q++;
          while (q < stop && g_ascii_isdigit (d[q]))
            q++;
        }
    }
  else if (q + 1 < stop && d[q] == '.' && g_ascii_isdigit (d[q + 1]))
    {
      digits = dot = TRUE;
      q++;
      while (q < stop && g_ascii_isdigit (d[q]))
        q++;
    }
  if (!digits)
    return 0;
  if (q < stop && d[q] == '.' && !dot)
    q++;
  return q - p;
}

static Keyword
keyword_of (const char *text,
            gsize       length)
{
  static const struct
  {
    const char *word;
    Keyword     keyword;
  } keywords[] = {
    { "node", KEYWORD_NODE },       { "edge", KEYWORD_EDGE },     { "graph", KEYWORD_GRAPH },
    { "digraph", KEYWORD_DIGRAPH }, { "strict", KEYWORD_STRICT }, { "subgraph", KEYWORD_SUBGRAPH },
  };

  for (guint i = 0; i < G_N_ELEMENTS (keywords); i++)
    {
      if (strlen (keywords[i].word) == length &&
          g_ascii_strncasecmp (text, keywords[i].word, length) == 0)
        return keywords[i].keyword;
    }
  return KEYWORD_NONE;
}

static void
next (Scanner *s,
      Token   *t)
{
  const char *d = s->data;
  gsize p, q, n;
  guchar c;

  if (s->has_pushed)
    {
      *t = s->pushed;
      s->has_pushed = FALSE;
      return;
    }
  if (++s->n_tokens % CANCEL_EVERY == 0 && g_cancellable_is_cancelled (s->cancellable))
    s->stop = s->pos;

  skip_space (s);
  p = s->pos;
  *t = (Token) { TOKEN_END, KEYWORD_NONE, 0, FALSE, p, p };
  if (p >= s->stop)
    return;

  c = d[p];
  if (c == '@')
    {
      /* cgraph ends its input here */
      s->stop = p;
      return;
    }
  if (is_letter (c))
    {
      for (q = p + 1; q < s->stop && (is_letter (d[q]) || g_ascii_isdigit (d[q])); q++)
        ;
      t->kind = TOKEN_NAME;
      t->keyword = keyword_of (d + p, q - p);
    }
  else if ((n = match_number (d, p, s->stop)) > 0)
    {
      q = p + n;
      t->kind = TOKEN_NAME;
    }
  else if (c == '-' && p + 1 < s->stop && (d[p + 1] == '>' || d[p + 1] == '-'))
    {
      q = p + 2;
      t->kind = TOKEN_EDGE_OP;
    }
  else if (c == '"')
    {
      for (q = p + 1; q < s->stop;)
        {
          if (d[q] == '\\' && q + 1 < s->stop)
            q += 2;
          else if (d[q++] == '"')
            {
              t->closed = TRUE;
              break;
            }
        }
      q = MIN (q, s->stop);
      t->kind = TOKEN_QUOTED;
    }
  else if (c == '<')
    {
      guint nest = 1;

      for (q = p + 1; q < s->stop; q++)
        {
          if (d[q] == '<')
            nest++;
          else if (d[q] == '>' && --nest == 0)
            {
              q++;
              t->closed = TRUE;
              break;
            }
        }
      t->kind = TOKEN_HTML;
    }
  else
    {
      q = p + 1;
      t->kind = TOKEN_PUNCT;
      t->punct = c;
    }
  t->end = q;
  s->pos = q;
  if ((t->kind == TOKEN_QUOTED || t->kind == TOKEN_HTML) && !t->closed &&
      s->unclosed == CS_PROBLEM_NO_OFFSET)
    {
      s->unclosed = p;
      s->unclosed_kind = c;
    }
}

static void
push_back (Scanner     *s,
           const Token *t)
{
  g_assert (!s->has_pushed);

  s->pushed = *t;
  s->has_pushed = TRUE;
}

static void
peek (Scanner *s,
      Token   *t)
{
  next (s, t);
  push_back (s, t);
}

static gboolean
is_punct (const Token *t,
          char         c)
{
  return t->kind == TOKEN_PUNCT && t->punct == c;
}

static gboolean
is_atom (const Token *t)
{
  return (t->kind == TOKEN_NAME && t->keyword == KEYWORD_NONE) || t->kind == TOKEN_QUOTED ||
         t->kind == TOKEN_HTML;
}

/* A token's text as cgraph keeps it: a quoted string without its quotes,
 * \" made ", a backslash before a newline dropped, \\ kept */
static void
append_text (Scanner     *s,
             const Token *t,
             GString     *out)
{
  const char *d = s->data;
  gsize start = t->start, end = t->end;

  if (t->kind == TOKEN_NAME)
    {
      g_string_append_len (out, d + start, end - start);
      return;
    }
  start++;
  if (t->closed)
    end--;
  if (t->kind == TOKEN_HTML)
    {
      g_string_append_len (out, d + start, end - start);
      return;
    }
  for (gsize i = start; i < end; i++)
    {
      if (d[i] == '\\' && i + 1 < end && (d[i + 1] == '"' || d[i + 1] == '\n'))
        {
          if (d[++i] == '"')
            g_string_append_c (out, '"');
        }
      else if (d[i] == '\\' && i + 1 < end && d[i + 1] == '\\')
        {
          g_string_append_len (out, "\\\\", 2);
          i++;
        }
      else
        g_string_append_c (out, d[i]);
    }
}

/* An atom from @t on, with the "a" + "b" that cgraph joins into one;
 * its text when @text is given */
static void
read_atom (Scanner     *s,
           const Token *t,
           GString     *text)
{
  Token plus, more;

  if (text != NULL)
    append_text (s, t, text);
  if (t->kind == TOKEN_NAME)
    return;
  for (;;)
    {
      next (s, &plus);
      if (!is_punct (&plus, '+'))
        {
          push_back (s, &plus);
          return;
        }
      next (s, &more);
      if (more.kind != TOKEN_QUOTED && more.kind != TOKEN_HTML)
        {
          push_back (s, &more);
          return;
        }
      if (text != NULL)
        append_text (s, &more, text);
    }
}

/* Structure of the graph asked for */

static Frame *
top (Scanner *s)
{
  g_assert (s->frames->len > 0);

  return &g_array_index (s->frames, Frame, s->frames->len - 1);
}

static void
check_stack (Scanner *s,
             gsize    offset)
{
  if (s->stack > PARSER_STACK_BUDGET)
    fail (s, CS_IMPORT_ERROR_TOO_DEEP, offset,
          _("this statement is too long for Graphviz's parser: an edge chain (a -> b -> c …) "
            "of more than about %d links, or long chains within nested subgraphs"),
          PARSER_STACK_BUDGET / PARSER_STACK_PER_LINK);
}

static void
end_statement (Scanner *s,
               Frame   *f)
{
  s->stack -= f->links * PARSER_STACK_PER_LINK;
  f->links = 0;
  f->has_prev = FALSE;
  f->prev_size = 0;
  g_clear_pointer (&f->prev_name, g_free);
  f->edge_pending = FALSE;
  f->attr_kind = ATTR_NONE;
}

static void
record_edge (Scanner    *s,
             const char *tail,
             const char *head,
             gsize       offset)
{
  g_autofree char *key = g_strconcat (tail, "\x1f", head, NULL);
  GArray *offsets = g_hash_table_lookup (s->scan->edges, key);

  if (offsets == NULL)
    {
      offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
      g_hash_table_insert (s->scan->edges, g_steal_pointer (&key), offsets);
    }
  g_array_append_val (offsets, offset);
}

/* An operand of a statement: a node list of @size nodes (the node @name
 * when it is one) or a subgraph of at most @size nodes */
static void
operand (Scanner    *s,
         guint64     size,
         const char *name)
{
  Frame *f = top (s);

  if (f->edge_pending)
    {
      guint64 pairs = f->prev_size * size;

      s->n_edges += pairs;
      s->n_memberships += pairs * (s->frames->len - 1);
      if (s->n_edges > CS_DOT_MAX_EDGES)
        fail (s, CS_IMPORT_ERROR_TOO_LARGE, f->edge_offset,
              _("the edges made up to here are more than %d, the most Consortia reads from a "
                "DOT graph (an edge between two subgraphs stands for an edge from each node of "
                "the first to each node of the second)"),
              CS_DOT_MAX_EDGES);
      else if (s->n_memberships > CS_DOT_MAX_MEMBERSHIPS)
        fail (s, CS_IMPORT_ERROR_TOO_LARGE, f->edge_offset,
              _("subgraphs would hold nodes and edges more than %d times over here, the most "
                "Consortia reads from a DOT graph"),
              CS_DOT_MAX_MEMBERSHIPS);
      if (f->prev_name != NULL && name != NULL)
        record_edge (s, f->prev_name, name, f->edge_offset);
      f->edge_pending = FALSE;
    }
  else
    end_statement (s, f);
  f->has_prev = TRUE;
  f->prev_size = size;
  g_free (f->prev_name);
  f->prev_name = g_strdup (name);
}

static void
mention (Scanner    *s,
         const char *name,
         gsize       offset)
{
  top (s)->count++;
  if (!g_hash_table_contains (s->scan->nodes, name))
    {
      g_hash_table_insert (s->scan->nodes, g_strdup (name), GSIZE_TO_POINTER (offset + 1));
      if (g_hash_table_size (s->scan->nodes) > CS_DOT_MAX_NODES)
        fail (s, CS_IMPORT_ERROR_TOO_LARGE, offset,
              _("more than %d nodes: Consortia reads DOT graphs of up to %d nodes and %d edges"),
              CS_DOT_MAX_NODES, CS_DOT_MAX_NODES, CS_DOT_MAX_EDGES);
    }
}

static void
open_frame (Scanner    *s,
            const char *name,
            gsize       offset)
{
  Frame frame = { 0 };
  guint instance = s->sizes->len;

  if (s->frames->len > CS_DOT_MAX_DEPTH)
    {
      fail (s, CS_IMPORT_ERROR_TOO_DEEP, offset, _("subgraphs nested deeper than %d levels"),
            CS_DOT_MAX_DEPTH);
      return;
    }
  if (name != NULL)
    {
      /* a subgraph's name is its parent's to give: the same name there is
       * the same subgraph, with the nodes it had */
      g_autofree char *key = g_strdup_printf ("%u\x1f%s", top (s)->instance, name);
      gpointer found = g_hash_table_lookup (s->instances, key);

      if (found != NULL)
        instance = GPOINTER_TO_UINT (found) - 1;
      else
        g_hash_table_insert (s->instances, g_steal_pointer (&key), GUINT_TO_POINTER (instance + 1));
      if (!g_hash_table_contains (s->scan->subgraphs, name))
        g_hash_table_insert (s->scan->subgraphs, g_strdup (name), GSIZE_TO_POINTER (offset + 1));
    }
  if (instance == s->sizes->len)
    {
      guint64 zero = 0;

      g_array_append_val (s->sizes, zero);
    }
  frame.instance = instance;
  frame.attr_kind = ATTR_NONE;
  g_array_append_val (s->frames, frame);
  s->stack += PARSER_STACK_PER_LEVEL;
  check_stack (s, offset);
}

/* Returns TRUE when the graph's own body closed */
static gboolean
close_frame (Scanner     *s,
             const Token *t)
{
  Frame child = *top (s);
  guint64 *size;

  end_statement (s, &child);
  g_array_set_size (s->frames, s->frames->len - 1);
  s->stack -= PARSER_STACK_PER_LEVEL;
  if (s->frames->len == 0)
    {
      s->scan->end = t->end;
      return TRUE;
    }
  top (s)->count += child.count;
  size = &g_array_index (s->sizes, guint64, child.instance);
  *size += child.count;
  s->n_memberships += child.count;
  if (s->n_memberships > CS_DOT_MAX_MEMBERSHIPS)
    fail (s, CS_IMPORT_ERROR_TOO_LARGE, t->start,
          _("subgraphs hold nodes and edges more than %d times over here, the most Consortia "
            "reads from a DOT graph"),
          CS_DOT_MAX_MEMBERSHIPS);
  operand (s, *size, NULL);
  return FALSE;
}

static void
add_attr_name (Scanner    *s,
               AttrKind    kind,
               const char *name,
               gsize       offset)
{
  if (kind == ATTR_NONE || (kind == ATTR_EDGE && g_str_equal (name, "key")))
    return;
  if (kind == ATTR_GRAPH && s->frames->len == 1 &&
      !g_hash_table_contains (s->scan->attributes, name))
    g_hash_table_insert (s->scan->attributes, g_strdup (name), GSIZE_TO_POINTER (offset + 1));
  if (!g_hash_table_contains (s->attr_names[kind], name))
    g_hash_table_add (s->attr_names[kind], g_strdup (name));
}

static void
attr_list (Scanner *s)
{
  Frame *f = top (s);
  AttrKind kind = f->attr_kind != ATTR_NONE ? f->attr_kind
                  : f->links > 0            ? ATTR_EDGE
                  : f->has_prev             ? ATTR_NODE
                                            : ATTR_NONE;
  Token t, value;

  for (;;)
    {
      next (s, &t);
      if (t.kind == TOKEN_END || is_punct (&t, ']'))
        return;
      if (is_punct (&t, '{') || is_punct (&t, '}'))
        {
          /* not an attribute list cgraph reads: the body goes on */
          push_back (s, &t);
          return;
        }
      if (!is_atom (&t))
        continue;
      {
        g_autoptr(GString) name = g_string_new (NULL);

        read_atom (s, &t, name);
        next (s, &value);
        if (!is_punct (&value, '='))
          {
            push_back (s, &value);
            continue;
          }
        next (s, &value);
        if (is_atom (&value))
          read_atom (s, &value, NULL);
        else
          push_back (s, &value);
        add_attr_name (s, kind, name->str, t.start);
      }
    }
}

/* A node list, from its first node on: a, b:port, c */
static void
node_list (Scanner    *s,
           const char *first,
           gsize       first_offset)
{
  g_autoptr(GString) name = g_string_new (first);
  g_autofree char *single = NULL;
  gsize offset = first_offset;
  guint64 count = 0;
  Token t;

  for (;;)
    {
      mention (s, name->str, offset);
      if (count++ == 0)
        single = g_strdup (name->str);
      /* ports: a:p or a:p:compass */
      for (;;)
        {
          Token colon, port;

          next (s, &colon);
          if (!is_punct (&colon, ':'))
            {
              push_back (s, &colon);
              break;
            }
          s->ports = TRUE;
          next (s, &port);
          if (is_atom (&port))
            read_atom (s, &port, NULL);
          else
            push_back (s, &port);
        }
      next (s, &t);
      if (!is_punct (&t, ','))
        {
          push_back (s, &t);
          break;
        }
      next (s, &t);
      if (!is_atom (&t))
        {
          push_back (s, &t);
          break;
        }
      g_string_truncate (name, 0);
      read_atom (s, &t, name);
      offset = t.start;
    }
  operand (s, count, count == 1 ? single : NULL);
}

/* Reads the body of the graph asked for, from its "{" on; FALSE when the
 * input ends first */
static gboolean
scan_graph (Scanner *s)
{
  Token t, n;

  while (!s->failed)
    {
      next (s, &t);
      if (t.kind == TOKEN_END)
        return FALSE;
      if (t.kind == TOKEN_PUNCT)
        {
          switch (t.punct)
            {
            case '}':
              if (close_frame (s, &t))
                return TRUE;
              break;
            case '{':
              open_frame (s, NULL, t.start);
              break;
            case ';':
            case ',':
              end_statement (s, top (s));
              break;
            case '[':
              attr_list (s);
              break;
            default:
              break;
            }
        }
      else if (t.kind == TOKEN_EDGE_OP)
        {
          Frame *f = top (s);

          if (f->has_prev && !f->edge_pending)
            {
              f->edge_pending = TRUE;
              f->edge_offset = t.start;
              f->links++;
              s->stack += PARSER_STACK_PER_LINK;
              check_stack (s, t.start);
            }
        }
      else if (t.keyword == KEYWORD_NODE || t.keyword == KEYWORD_EDGE ||
               t.keyword == KEYWORD_GRAPH)
        {
          peek (s, &n);
          if (is_punct (&n, '['))
            {
              end_statement (s, top (s));
              top (s)->attr_kind = t.keyword == KEYWORD_NODE   ? ATTR_NODE
                                   : t.keyword == KEYWORD_EDGE ? ATTR_EDGE
                                                               : ATTR_GRAPH;
            }
        }
      else if (t.keyword == KEYWORD_SUBGRAPH)
        {
          g_autoptr(GString) name = NULL;

          next (s, &n);
          if (is_atom (&n))
            {
              name = g_string_new (NULL);
              read_atom (s, &n, name);
              next (s, &n);
            }
          if (is_punct (&n, '{'))
            open_frame (s, name != NULL ? name->str : NULL, t.start);
          else
            push_back (s, &n);
        }
      else if (is_atom (&t))
        {
          g_autoptr(GString) name = g_string_new (NULL);
          Token eq;

          read_atom (s, &t, name);
          peek (s, &eq);
          if (is_punct (&eq, '='))
            {
              /* "name = value" is an attribute of the graph */
              next (s, &eq);
              next (s, &n);
              if (is_atom (&n))
                read_atom (s, &n, NULL);
              else
                push_back (s, &n);
              end_statement (s, top (s));
              add_attr_name (s, ATTR_GRAPH, name->str, t.start);
            }
          else
            node_list (s, name->str, t.start);
        }
    }
  return FALSE;
}

/* What cgraph keeps a value for: each attribute name of a kind on every
 * object of that kind (a name declared late is added to every one) */
static void
check_values (Scanner *s)
{
  guint64 nodes = g_hash_table_size (s->scan->nodes);
  guint64 node_names = g_hash_table_size (s->attr_names[ATTR_NODE]);
  guint64 edge_names = g_hash_table_size (s->attr_names[ATTR_EDGE]) + (s->ports ? 2 : 0);
  guint64 graph_names = g_hash_table_size (s->attr_names[ATTR_GRAPH]);
  guint64 values = node_names * nodes + edge_names * s->n_edges + graph_names * (s->sizes->len + 1);

  if (values > CS_DOT_MAX_VALUES)
    fail (s, CS_IMPORT_ERROR_TOO_LARGE, s->scan->start,
          _("the graph's attributes would take more than %d values (%llu node attributes for "
            "%llu nodes, %llu edge attributes for %llu edges), the most Consortia reads from a "
            "DOT graph"),
          CS_DOT_MAX_VALUES, (unsigned long long)node_names, (unsigned long long)nodes,
          (unsigned long long)edge_names, (unsigned long long)s->n_edges);
}

static void
offsets_free (gpointer data)
{
  g_array_unref (data);
}

/**
 * _cs_dot_scan_new:
 * @data: a DOT file, without NUL bytes
 * @length: its length
 * @graph: which graph of the file to look at, from 0
 * @problems: where an error goes
 * @cancellable: (nullable): stops the scan
 *
 * Returns: (transfer full) (nullable): what the scan found, or %NULL with
 *   an error in @problems when the graph asks for more than Consortia reads
 */
CsDotScan *
_cs_dot_scan_new (const char   *data,
                  gsize         length,
                  guint         graph,
                  GPtrArray    *problems,
                  GCancellable *cancellable)
{
  g_autoptr(CsDotScan) scan = g_new0 (CsDotScan, 1);
  Scanner s = { 0 };
  gsize header = CS_PROBLEM_NO_OFFSET; /* the first token since the last graph */
  gsize graph_start = 0;
  guint depth = 0;
  guint index = 0;
  Token t;

  s.data = data;
  s.stop = length;
  s.cancellable = cancellable;
  s.problems = problems;
  s.scan = scan;
  scan->nodes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  scan->subgraphs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  scan->edges = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, offsets_free);
  scan->attributes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  s.unclosed = CS_PROBLEM_NO_OFFSET;

  for (;;)
    {
      next (&s, &t);
      if (t.kind == TOKEN_END)
        break;
      if (depth > 0)
        {
          if (is_punct (&t, '{'))
            depth++;
          else if (is_punct (&t, '}') && --depth == 0)
            {
              graph_start = t.end;
              header = CS_PROBLEM_NO_OFFSET;
            }
          continue;
        }
      if (!is_punct (&t, '{'))
        {
          if (header == CS_PROBLEM_NO_OFFSET)
            header = t.start;
          continue;
        }
      if (index++ != graph)
        {
          depth = 1;
          continue;
        }

      /* from the end of the graph before: what is between is this one's
       * header, and cgraph reads it so */
      scan->found = TRUE;
      scan->start = graph_start;
      scan->header = header != CS_PROBLEM_NO_OFFSET ? header : t.start;
      s.frames = g_array_new (FALSE, FALSE, sizeof (Frame));
      s.sizes = g_array_new (FALSE, FALSE, sizeof (guint64));
      s.instances = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint k = 0; k < ATTR_NONE; k++)
        s.attr_names[k] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      {
        Frame root = { 0 };
        guint64 zero = 0;

        root.attr_kind = ATTR_NONE;
        g_array_append_val (s.sizes, zero);
        g_array_append_val (s.frames, root);
        s.stack = PARSER_STACK_PER_LEVEL;
      }
      scan->closed = scan_graph (&s);
      if (!scan->closed)
        scan->end = s.stop;
      if (!s.failed)
        check_values (&s);
      for (guint k = 0; k < s.frames->len; k++)
        g_free (g_array_index (s.frames, Frame, k).prev_name);
      g_array_unref (s.frames);
      g_array_unref (s.sizes);
      g_hash_table_unref (s.instances);
      for (guint k = 0; k < ATTR_NONE; k++)
        g_hash_table_unref (s.attr_names[k]);
      if (s.failed || !scan->closed)
        break;
      /* the rest only to count its graphs */
      graph_start = scan->end;
      header = CS_PROBLEM_NO_OFFSET;
    }

  if (s.failed)
    return NULL;
  scan->n_graphs = index;
  scan->trailing = header;
  if (!scan->found)
    {
      scan->start = 0;
      scan->end = s.stop;
    }
  /* one that is in the graph's bytes, which cgraph gets */
  if (s.unclosed >= scan->start && s.unclosed < scan->end)
    {
      scan->unclosed = s.unclosed;
      scan->unclosed_kind = s.unclosed_kind;
    }
  else
    scan->unclosed = CS_PROBLEM_NO_OFFSET;
  scan->walk_data = data;
  scan->walk_length = length;
  scan->walk_line = 1;
  scan->start_line = 1;
  _cs_dot_scan_line_start (scan, G_MAXUINT);
  return g_steal_pointer (&scan);
}

void
_cs_dot_scan_free (CsDotScan *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->nodes, g_hash_table_unref);
  g_clear_pointer (&self->subgraphs, g_hash_table_unref);
  g_clear_pointer (&self->edges, g_hash_table_unref);
  g_clear_pointer (&self->attributes, g_hash_table_unref);
  g_free (self);
}

static gsize
lookup_offset (GHashTable *table,
               const char *name)
{
  gpointer value = g_hash_table_lookup (table, name);

  return value != NULL ? GPOINTER_TO_SIZE (value) - 1 : CS_PROBLEM_NO_OFFSET;
}

gsize
_cs_dot_scan_node_offset (CsDotScan  *self,
                          const char *name)
{
  g_assert (self != NULL && name != NULL);

  return lookup_offset (self->nodes, name);
}

gsize
_cs_dot_scan_subgraph_offset (CsDotScan  *self,
                              const char *name)
{
  g_assert (self != NULL && name != NULL);

  return lookup_offset (self->subgraphs, name);
}

/* Where the @nth edge (from 0) between @tail and @head is written, as far
 * as the scan knows: an edge made by a statement between subgraphs is
 * placed at the tail's first mention */
gsize
_cs_dot_scan_edge_offset (CsDotScan  *self,
                          const char *tail,
                          const char *head,
                          guint       nth)
{
  for (guint reversed = 0; reversed < 2; reversed++)
    {
      g_autofree char *key = reversed ? g_strconcat (head, "\x1f", tail, NULL)
                                      : g_strconcat (tail, "\x1f", head, NULL);
      GArray *offsets = g_hash_table_lookup (self->edges, key);

      if (offsets != NULL)
        return g_array_index (offsets, gsize, MIN (nth, offsets->len - 1));
    }
  return _cs_dot_scan_node_offset (self, tail);
}

gsize
_cs_dot_scan_attribute_offset (CsDotScan  *self,
                               const char *name)
{
  g_assert (self != NULL && name != NULL);

  return lookup_offset (self->attributes, name);
}

enum
{
  WALK_TEXT,
  WALK_QUOTED,
  WALK_COMMENT,
  WALK_LINE_COMMENT,
  WALK_HTML,
};

/* cgraph counts a line at each newline but those in a quoted string, where
 * only a backslash-newline counts (its rule for string text takes newlines
 * in without counting them): its line numbers are not the file's after a
 * string that spans lines. This walks the file counting as it does.
 *
 * With @line G_MAXUINT (once, from _cs_dot_scan_new()): sets start_line,
 * cgraph's line at the graph's start. Else returns the offset where
 * cgraph's @line starts, walking on from the last call when it can; the
 * end of the file when there is no such line. */
gsize
_cs_dot_scan_line_start (CsDotScan *self,
                         guint      line)
{
  const char *d = self->walk_data;
  gsize length = self->walk_length;
  gsize stop = line == G_MAXUINT ? self->start : length;

  if (line != G_MAXUINT && line < self->walk_line)
    {
      self->walk_pos = 0;
      self->walk_line = 1;
      self->walk_state = WALK_TEXT;
      self->walk_nest = 0;
    }
  for (gsize i = self->walk_pos; i < stop && self->walk_line < line; i++)
    {
      char c = d[i];

      switch (self->walk_state)
        {
        case WALK_TEXT:
          if (c == '"')
            self->walk_state = WALK_QUOTED;
          else if (c == '<')
            {
              self->walk_state = WALK_HTML;
              self->walk_nest = 1;
            }
          else if (c == '/' && i + 1 < length && d[i + 1] == '*')
            {
              self->walk_state = WALK_COMMENT;
              i++;
            }
          else if (c == '#' || (c == '/' && i + 1 < length && d[i + 1] == '/'))
            self->walk_state = WALK_LINE_COMMENT;
          break;
        case WALK_QUOTED:
          if (c == '\\' && i + 1 < length)
            {
              if (d[++i] == '\n')
                {
                  self->walk_line++;
                  self->walk_pos = i + 1;
                }
            }
          else if (c == '"')
            self->walk_state = WALK_TEXT;
          continue;
        case WALK_COMMENT:
          if (c == '*' && i + 1 < length && d[i + 1] == '/')
            {
              self->walk_state = WALK_TEXT;
              i++;
            }
          break;
        case WALK_LINE_COMMENT:
          if (c == '\n')
            self->walk_state = WALK_TEXT;
          break;
        case WALK_HTML:
          if (c == '<')
            self->walk_nest++;
          else if (c == '>' && --self->walk_nest == 0)
            self->walk_state = WALK_TEXT;
          break;
        default:
          g_assert_not_reached ();
        }
      if (c == '\n')
        {
          self->walk_line++;
          self->walk_pos = i + 1;
        }
    }
  if (line == G_MAXUINT)
    {
      self->start_line = self->walk_line;
      self->walk_pos = 0;
      self->walk_line = 1;
      self->walk_state = WALK_TEXT;
      self->walk_nest = 0;
      return self->start;
    }
  return self->walk_line == line ? self->walk_pos : length;
}
