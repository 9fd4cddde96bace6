/* cs-pajek-importer.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-pajek-importer.h"

#include "cs-foreign-graph-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* Pajek networks (.net), as Pajek, igraph and networkx write them:
 * *Network, *Vertices N [N1] with labels, coordinates, a shape and
 * key-value parameters, then *Arcs, *Edges, *Arcslist, *Edgeslist or
 * *Matrix sections. Lines, not a grammar: read here line by line.
 *
 * Why not igraph_read_graph_pajek(): measured on igraph 0.10.2 (Debian 12),
 * an edge to a vertex beyond *Vertices fails the whole file ("Out-of-range
 * vertex IDs"), errors carry a line at most, and "*Vertices 2000000000"
 * in a 20-byte file makes it allocate the vertices: 22 GB, killed after
 * three minutes. Its attributes would also need igraph's process-global
 * attribute table, which the layout threads would share (see
 * cs-gml-importer.c). Here every problem is a warning at its line and
 * column, and memory is bounded by the file: a file declares at most
 * MIN_VERTICES vertices, and one more per BYTES_PER_VERTEX bytes.
 *
 * - Node ids are the vertex numbers; a vertex without a label is shown
 *   by its number. Vertices a section lists beyond N, or edges name, are
 *   added with a warning.
 * - Coordinates are fractions of Pajek's drawing area (0 to 1): they are
 *   multiplied by PAJEK_SCALE to give world units; z is kept as the
 *   attribute "z". The shape and every parameter (ic, bc, x_fact, …) are
 *   kept as attributes under Pajek's names.
 * - An edge's weight (signed or not) is the attribute "weight", its
 *   parameters attributes ("l" as "label"); *Arcs, *Arcslist and *Matrix
 *   are directed, *Edges and *Edgeslist not. Each nonzero of a *Matrix is
 *   an arc with its value as weight. A section's relation number and
 *   name (*Arcs :2 "friends") become the attribute "relation".
 * - Partitions, vectors and other sections are not read, with a warning. */

#define PAJEK_SCALE  1000
#define MIN_VERTICES 100000
#define BYTES_PER_VERTEX 8
#define CANCEL_EVERY 65536

typedef enum
{
  SECTION_NONE,
  SECTION_VERTICES,
  SECTION_EDGES,
  SECTION_LISTS,
  SECTION_MATRIX,
  SECTION_SKIP,
} Section;

typedef struct
{
  const char *start;
  gsize       length;
  gsize       offset;
} Token;

typedef struct
{
  /* borrowed refs */
  CsForeignGraph *graph;
  const char     *data;

  /* owned */
  GPtrArray      *vertices;  /* CsForeignNode or NULL, by number (0 unused) */
  GPtrArray      *extra;     /* CsForeignNode listed beyond N */
  GArray         *tokens;    /* Token, of the line being read */
  GHashTable     *warned;    /* sections warned about */
  char           *relation;  /* of the edge section being read */
  char           *title;

  /* state */
  gsize           length;
  guint64         n;         /* *Vertices N */
  guint64         n1;        /* of a two-mode network, else 0 */
  Section         section;
  gboolean        directed;
  gboolean        have_vertices;
  gboolean        vertices_taken;
  guint64         row;       /* of *Matrix, from 1 */
  gsize           vertices_offset;
} Reader;

struct _CsPajekImporter
{
  CsImporter parent_instance;
};

G_DEFINE_FINAL_TYPE (CsPajekImporter, cs_pajek_importer, CS_TYPE_IMPORTER)

static char *
token_text (const Token *token)
{
  return g_strndup (token->start, token->length);
}

/* a missing token is empty: no number, no vertex */
static const Token *
token_at (Reader *reader,
          guint   i)
{
  static const Token missing = { "", 0, CS_PROBLEM_NO_OFFSET };

  return i < reader->tokens->len ? &g_array_index (reader->tokens, Token, i) : &missing;
}

static gboolean
has_token (Reader *reader,
           guint   i)
{
  return i < reader->tokens->len;
}

/* words and "quoted strings"; an unclosed quote runs to the line's end */
static void
split_line (Reader *reader,
            gsize   start,
            gsize   end)
{
  const char *d = reader->data;
  gsize p = start;

  g_array_set_size (reader->tokens, 0);
  while (p < end)
    {
      Token token;

      while (p < end && g_ascii_isspace (d[p]))
        p++;
      if (p >= end)
        break;
      if (d[p] == '"')
        {
          const char *close = memchr (d + p + 1, '"', end - p - 1);
          gsize stop = close != NULL ? (gsize)(close - d) : end;

          if (close == NULL)
            _cs_foreign_graph_warn (reader->graph, CS_FOREIGN_WARNING_VALUE, p,
                                    _("the quote is not closed on its line; it runs to the "
                                      "line's end"));
          token = (Token) { d + p + 1, stop - p - 1, p };
          p = close != NULL ? stop + 1 : end;
        }
      else
        {
          gsize q = p;

          while (q < end && !g_ascii_isspace (d[q]))
            q++;
          token = (Token) { d + p, q - p, p };
          p = q;
        }
      g_array_append_val (reader->tokens, token);
    }
}

static gboolean
token_number (const Token *token,
              double      *value)
{
  g_autofree char *text = NULL;

  text = token_text (token);
  return _cs_foreign_parse_double (text, value);
}

static gboolean
token_vertex (const Token *token,
              guint64     *value)
{
  g_autofree char *text = NULL;

  text = token_text (token);
  return g_ascii_string_to_unsigned (text, 10, 1, G_MAXUINT64, value, NULL);
}

static char *
vertex_id (guint64 number)
{
  return g_strdup_printf ("%" G_GUINT64_FORMAT, number);
}

static void
take_vertices (Reader *reader)
{
  if (reader->vertices_taken)
    return;
  reader->vertices_taken = TRUE;
  for (guint64 i = 1; i <= reader->n; i++)
    {
      CsForeignNode *node = g_steal_pointer (&g_ptr_array_index (reader->vertices, i));

      if (node == NULL)
        {
          g_autofree char *id = vertex_id (i);

          node = _cs_foreign_node_new (id, reader->vertices_offset);
        }
      if (reader->n1 > 0)
        _cs_foreign_attributes_add (node->attributes, "mode", i <= reader->n1 ? "1" : "2", NULL);
      _cs_foreign_graph_take_node (reader->graph, node);
    }
  for (guint i = 0; i < reader->extra->len; i++)
    _cs_foreign_graph_take_node (reader->graph,
                                 g_steal_pointer (&g_ptr_array_index (reader->extra, i)));
  g_ptr_array_set_size (reader->vertices, 0);
  g_ptr_array_set_size (reader->extra, 0);
}

static void
read_vertex (Reader *reader)
{
  static const char *const shapes[] = { "ellipse", "box", "diamond", "triangle", "cross",
                                        "empty", "man", "woman", NULL };
  const Token *first = token_at (reader, 0);
  g_autoptr(CsForeignNode) node = NULL;
  g_autofree char *id = NULL;
  guint64 number;
  double xyz[3];
  guint i = 2, n_coordinates = 0;

  if (!token_vertex (first, &number))
    {
      g_autofree char *text = token_text (first);

      _cs_foreign_graph_warn (reader->graph, CS_FOREIGN_WARNING_OTHER, first->offset,
                              _("\"%s\" is not a vertex number; the line is left out"), text);
      return;
    }
  id = vertex_id (number);
  node = _cs_foreign_node_new (id, first->offset);
  if (has_token (reader, 1))
    node->label = token_text (token_at (reader, 1));

  while (n_coordinates < 3 && token_number (token_at (reader, i), &xyz[n_coordinates]))
    n_coordinates++, i++;
  if (n_coordinates >= 2 && !_cs_foreign_node_set_position (node, xyz[0] * PAJEK_SCALE,
                                                            xyz[1] * PAJEK_SCALE))
    _cs_foreign_graph_warn (reader->graph, CS_FOREIGN_WARNING_VALUE, first->offset,
                            _("vertex %s: its coordinates are not finite; left out"), id);
  if (n_coordinates == 3)
    {
      g_autofree char *z = token_text (token_at (reader, 4));

      _cs_foreign_attributes_add (node->attributes, "z", z, NULL);
    }
  if (has_token (reader, i))
    {
      g_autofree char *word = token_text (token_at (reader, i));

      if (g_strv_contains (shapes, word))
        {
          _cs_foreign_attributes_add (node->attributes, "shape", word, NULL);
          i++;
        }
    }
  for (; i + 1 < reader->tokens->len; i += 2)
    {
      g_autofree char *key = token_text (token_at (reader, i));
      g_autofree char *value = token_text (token_at (reader, i + 1));

      _cs_foreign_attributes_add (node->attributes, key, value, NULL);
    }

  if (number > reader->n)
    {
      _cs_foreign_graph_warn (reader->graph, CS_FOREIGN_WARNING_OTHER, first->offset,
                              /* TRANSLATORS: *Vertices is Pajek's section: keep it */
                              _("vertex %s is beyond *Vertices %llu; it is added"), id,
                              (unsigned long long)reader->n);
      g_ptr_array_add (reader->extra, g_steal_pointer (&node));
    }
  else if (g_ptr_array_index (reader->vertices, number) != NULL)
    _cs_foreign_graph_warn (reader->graph, CS_FOREIGN_WARNING_DUPLICATE_NODE, first->offset,
                            _("vertex %s is listed twice; this line is left out, the first is "
                              "kept"),
                            id);
  else
    g_ptr_array_index (reader->vertices, number) = g_steal_pointer (&node);
}

static CsForeignEdge *
new_edge (Reader  *reader,
          guint64  source,
          guint64  target,
          gsize    offset)
{
  g_autofree char *s = vertex_id (source);
  g_autofree char *t = vertex_id (target);
  CsForeignEdge *edge = _cs_foreign_edge_new (s, t, offset);

  edge->directed = reader->directed;
  if (reader->relation != NULL)
    _cs_foreign_attributes_add (edge->attributes, "relation", reader->relation, NULL);
  return edge;
}

static void
warn_not_vertex (Reader      *reader,
                 const Token *token)
{
  g_autofree char *text = token_text (token);

  _cs_foreign_graph_warn (reader->graph, CS_FOREIGN_WARNING_OTHER, token->offset,
                          _("\"%s\" is not a vertex number; the line is left out"), text);
}

static void
read_edge (Reader *reader)
{
  const Token *first = token_at (reader, 0);
  guint64 source, target;
  CsForeignEdge *edge;
  double weight;
  guint i = 2;

  if (!token_vertex (first, &source))
    {
      warn_not_vertex (reader, first);
      return;
    }
  if (!token_vertex (token_at (reader, 1), &target))
    {
      warn_not_vertex (reader, has_token (reader, 1) ? token_at (reader, 1) : first);
      return;
    }
  edge = new_edge (reader, source, target, first->offset);
  if (token_number (token_at (reader, 2), &weight))
    {
      g_autofree char *text = token_text (token_at (reader, 2));

      _cs_foreign_attributes_add (edge->attributes, "weight", text, NULL);
      i = 3;
    }
  for (; i + 1 < reader->tokens->len; i += 2)
    {
      g_autofree char *key = token_text (token_at (reader, i));
      g_autofree char *value = token_text (token_at (reader, i + 1));

      _cs_foreign_attributes_add (edge->attributes, g_str_equal (key, "l") ? "label" : key, value,
                                  NULL);
    }
  _cs_foreign_graph_take_edge (reader->graph, edge);
}

static void
read_list (Reader *reader)
{
  const Token *first = token_at (reader, 0);
  guint64 source, target;

  if (!token_vertex (first, &source))
    {
      warn_not_vertex (reader, first);
      return;
    }
  for (guint i = 1; i < reader->tokens->len; i++)
    {
      if (!token_vertex (token_at (reader, i), &target))
        {
          warn_not_vertex (reader, token_at (reader, i));
          return;
        }
      _cs_foreign_graph_take_edge (reader->graph,
                                   new_edge (reader, source, target, token_at (reader, i)->offset));
    }
}

static void
read_matrix_row (Reader *reader)
{
  guint64 row = ++reader->row;
  guint64 columns = reader->n1 > 0 ? reader->n - reader->n1 : reader->n;
  guint64 rows = reader->n1 > 0 ? reader->n1 : reader->n;

  if (row > rows)
    {
      _cs_foreign_graph_warn (reader->graph, CS_FOREIGN_WARNING_OTHER, token_at (reader, 0)->offset,
                              /* TRANSLATORS: *Matrix is Pajek's section: keep it */
                              g_dngettext (GETTEXT_PACKAGE,
                                           "row %llu of *Matrix is beyond its %llu row; left out",
                                           "row %llu of *Matrix is beyond its %llu rows; left out",
                                           (gulong)rows),
                              (unsigned long long)row, (unsigned long long)rows);
      return;
    }
  if (reader->tokens->len != columns)
    _cs_foreign_graph_warn (reader->graph, CS_FOREIGN_WARNING_OTHER, token_at (reader, 0)->offset,
                            /* TRANSLATORS: *Matrix is Pajek's section: keep it */
                            g_dngettext (GETTEXT_PACKAGE,
                                         "row %llu of *Matrix has %u value, not %llu",
                                         "row %llu of *Matrix has %u values, not %llu",
                                         reader->tokens->len),
                            (unsigned long long)row, reader->tokens->len,
                            (unsigned long long)columns);
  for (guint i = 0; i < reader->tokens->len && i < columns; i++)
    {
      const Token *token = token_at (reader, i);
      double value;
      CsForeignEdge *edge;
      g_autofree char *text = NULL;

      if (!token_number (token, &value))
        {
          text = token_text (token);
          _cs_foreign_graph_warn (reader->graph, CS_FOREIGN_WARNING_VALUE, token->offset,
                                  _("\"%s\" in *Matrix is not a number; left out"), text);
          continue;
        }
      if (value == 0)
        continue;
      text = token_text (token);
      edge = new_edge (reader, row, reader->n1 + i + 1, token->offset);
      _cs_foreign_attributes_add (edge->attributes, "weight", text, NULL);
      _cs_foreign_graph_take_edge (reader->graph, edge);
    }
}

/* *Vertices N [N1] */
static gboolean
start_vertices (Reader *reader,
                gsize   offset)
{
  guint64 limit = MIN_VERTICES + reader->length / BYTES_PER_VERTEX;
  g_autofree char *count = has_token (reader, 1) ? token_text (token_at (reader, 1)) : NULL;

  if (reader->have_vertices)
    {
      _cs_foreign_graph_warn (reader->graph, CS_FOREIGN_WARNING_UNSUPPORTED, offset,
                              _("a second *Vertices section is not read"));
      return FALSE;
    }
  reader->have_vertices = TRUE;
  reader->vertices_offset = offset;
  if (count == NULL || !g_ascii_string_to_unsigned (count, 10, 0, G_MAXUINT64, &reader->n, NULL))
    {
      _cs_foreign_graph_error (reader->graph, CS_IMPORT_ERROR_SYNTAX, offset,
                               _("*Vertices needs the number of vertices"));
      return FALSE;
    }
  if (reader->n > limit)
    {
      _cs_foreign_graph_error (reader->graph, CS_IMPORT_ERROR_TOO_LARGE, offset,
                               /* TRANSLATORS: *Vertices is Pajek's section: keep it */
                               _("*Vertices %llu: more vertices than Consortia reads from a "
                                 "file of %zu bytes (at most %llu)"),
                               (unsigned long long)reader->n, (size_t)reader->length,
                               (unsigned long long)limit);
      return FALSE;
    }
  if (has_token (reader, 2) &&
      (!token_vertex (token_at (reader, 2), &reader->n1) || reader->n1 >= reader->n))
    {
      _cs_foreign_graph_warn (reader->graph, CS_FOREIGN_WARNING_VALUE, token_at (reader, 2)->offset,
                              _("the size of the first mode is not a number below %llu; the "
                                "network is read as one-mode"),
                              (unsigned long long)reader->n);
      reader->n1 = 0;
    }
  g_ptr_array_set_size (reader->vertices, reader->n + 1);
  return TRUE;
}

static void
start_section (Reader *reader,
               gsize   offset)
{
  const Token *first = token_at (reader, 0);
  g_autofree char *word = NULL;
  gsize n = 1;

  while (n < first->length && g_ascii_isalpha (first->start[n]))
    n++;
  word = g_ascii_strdown (first->start + 1, n - 1);
  g_clear_pointer (&reader->relation, g_free);
  reader->row = 0;

  if (!g_str_equal (word, "vertices") && !g_str_equal (word, "network") && reader->have_vertices)
    take_vertices (reader);

  if (g_str_equal (word, "network"))
    {
      gsize start = first->offset + first->length;
      const char *end = memchr (reader->data + start, '\n', reader->length - start);
      g_autofree char *rest = g_strndup (reader->data + start,
                                         (end != NULL ? (gsize)(end - reader->data)
                                                      : reader->length) - start);

      g_strstrip (rest);
      if (rest[0] == '"' && strlen (rest) >= 2 && rest[strlen (rest) - 1] == '"')
        {
          rest[strlen (rest) - 1] = '\0';
          memmove (rest, rest + 1, strlen (rest));
        }
      if (reader->title == NULL && rest[0] != '\0')
        reader->title = g_steal_pointer (&rest);
      reader->section = SECTION_NONE;
    }
  else if (g_str_equal (word, "vertices"))
    reader->section = start_vertices (reader, offset) ? SECTION_VERTICES : SECTION_SKIP;
  else if (g_str_equal (word, "arcs") || g_str_equal (word, "edges") ||
           g_str_equal (word, "arcslist") || g_str_equal (word, "edgeslist") ||
           g_str_equal (word, "matrix"))
    {
      const Token *number = token_at (reader, 1);

      reader->directed = !g_str_has_prefix (word, "edges");
      reader->section = g_str_equal (word, "matrix")  ? SECTION_MATRIX
                        : g_str_has_suffix (word, "list") ? SECTION_LISTS
                                                          : SECTION_EDGES;
      /* *Arcs :2 "friends": the second relation, named */
      if (number != NULL && number->start[0] == ':')
        reader->relation = has_token (reader, 2)
                               ? token_text (token_at (reader, 2))
                               : g_strndup (number->start + 1, number->length - 1);
    }
  else
    {
      if (!g_hash_table_contains (reader->warned, word))
        {
          _cs_foreign_graph_warn (reader->graph, CS_FOREIGN_WARNING_UNSUPPORTED, offset,
                                  /* TRANSLATORS: *%.*s is the section's name, such as *Arcs */
                                  _("section *%.*s is not read"), (int)(n - 1), first->start + 1);
          g_hash_table_add (reader->warned, g_steal_pointer (&word));
        }
      reader->section = SECTION_SKIP;
    }
}

static gboolean
parse (Reader       *reader,
       GCancellable *cancellable)
{
  gsize p = cs_problems_bom_length (reader->data, reader->length);
  guint n_lines = 0;
  gboolean warned_outside = FALSE;

  while (p < reader->length)
    {
      const char *newline = memchr (reader->data + p, '\n', reader->length - p);
      gsize end = newline != NULL ? (gsize)(newline - reader->data) : reader->length;
      gsize next = newline != NULL ? end + 1 : end;
      gsize start = p;

      if (++n_lines % CANCEL_EVERY == 0 && g_cancellable_is_cancelled (cancellable))
        return FALSE;
      p = next;
      while (start < end && g_ascii_isspace (reader->data[start]))
        start++;
      if (start >= end || reader->data[start] == '%')
        continue;
      split_line (reader, start, end);
      if (reader->tokens->len == 0)
        continue;

      if (reader->data[start] == '*')
        start_section (reader, start);
      else
        switch (reader->section)
          {
          case SECTION_VERTICES:
            read_vertex (reader);
            break;
          case SECTION_EDGES:
            read_edge (reader);
            break;
          case SECTION_LISTS:
            read_list (reader);
            break;
          case SECTION_MATRIX:
            read_matrix_row (reader);
            break;
          case SECTION_NONE:
            if (!warned_outside)
              _cs_foreign_graph_warn (reader->graph, CS_FOREIGN_WARNING_OTHER, start,
                                      _("a line outside any section is left out"));
            warned_outside = TRUE;
            break;
          case SECTION_SKIP:
            break;
          default:
            g_assert_not_reached ();
          }
      if (_cs_foreign_graph_failed (reader->graph))
        return FALSE;
    }
  if (reader->have_vertices)
    take_vertices (reader);
  return !_cs_foreign_graph_failed (reader->graph);
}

static gboolean
cs_pajek_importer_load (CsImporter            *importer,
                        const char            *data,
                        gsize                  length,
                        const CsImportOptions *options,
                        CsGraphBuilder        *builder,
                        GPtrArray             *problems,
                        GCancellable          *cancellable)
{
  g_autoptr(CsForeignGraph) graph = _cs_foreign_graph_new (builder, problems, "Pajek");
  g_autoptr(GPtrArray) vertices =
      g_ptr_array_new_with_free_func ((GDestroyNotify)_cs_foreign_node_free);
  g_autoptr(GPtrArray) extra =
      g_ptr_array_new_with_free_func ((GDestroyNotify)_cs_foreign_node_free);
  g_autoptr(GArray) tokens = g_array_new (FALSE, FALSE, sizeof (Token));
  g_autoptr(GHashTable) warned = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Reader reader = {
    .graph = graph,
    .data = data,
    .vertices = vertices,
    .extra = extra,
    .tokens = tokens,
    .warned = warned,
    .length = length,
  };
  gboolean ok;

  ok = _cs_foreign_graph_check_text (graph, data, length) && parse (&reader, cancellable);
  if (ok)
    {
      _cs_foreign_graph_set_metadata (graph, reader.title, NULL, NULL);
      ok = _cs_foreign_graph_finish (graph, cancellable);
    }
  g_free (reader.relation);
  g_free (reader.title);
  return ok && !_cs_foreign_graph_failed (graph);
}

/* the first line that is not blank or a comment: *Network or *Vertices */
static guint
cs_pajek_importer_sniff (CsImporter *importer,
                         const char *head,
                         gsize       length)
{
  gsize p = cs_problems_bom_length (head, length);

  for (;;)
    {
      while (p < length && g_ascii_isspace (head[p]))
        p++;
      if (p >= length)
        return 0;
      if (head[p] != '%')
        break;
      while (p < length && head[p] != '\n')
        p++;
    }
  if (head[p] != '*')
    return 0;
  if ((length - p >= 8 && g_ascii_strncasecmp (head + p, "*network", 8) == 0) ||
      (length - p >= 9 && g_ascii_strncasecmp (head + p, "*vertices", 9) == 0))
    return 90;
  if ((length - p >= 5 && g_ascii_strncasecmp (head + p, "*arcs", 5) == 0) ||
      (length - p >= 6 && g_ascii_strncasecmp (head + p, "*edges", 6) == 0))
    return 50;
  return 0;
}

static void
cs_pajek_importer_class_init (CsPajekImporterClass *klass)
{
  CsImporterClass *importer_class = CS_IMPORTER_CLASS (klass);
  static const char *const mime_types[] = { "text/x-pajek", NULL };
  static const char *const extensions[] = { "net", NULL };

  importer_class->name = "pajek";
  /* TRANSLATORS: the name of a file format, in the file chooser */
  importer_class->display_name = _("Pajek network");
  importer_class->mime_types = mime_types;
  importer_class->extensions = extensions;
  importer_class->sniff = cs_pajek_importer_sniff;
  importer_class->load = cs_pajek_importer_load;
}

static void
cs_pajek_importer_init (CsPajekImporter *self)
{
}
