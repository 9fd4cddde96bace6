/* cs-foreign-graph.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-foreign-graph-private.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Other programs' graphs in Consortia's model (see the header). Ids keep
 * the file's spelling when it is one Consortia's own format can save
 * (letters, digits and _ . : -, at most 200 characters, starting with a
 * letter or digit; data/README.md); any other id is turned into one
 * (spaces and other characters become "_", or "node-N" when nothing is
 * left), and the file's id is kept in the attribute "original_id" unless
 * the label already shows it. Foreign nodes are of type "other" and
 * foreign edges of relation "other", drawn without arrows: a directed
 * graph says so in a warning. */

#define MAX_REPORTED        10 /* warnings of one kind listed one by one */
#define CONSORTIA_ID_LENGTH 200
#define ORIGINAL_ID         "original_id"
#define CANCEL_EVERY        4096

struct _CsForeignGraph
{
  /* borrowed refs */
  CsGraphBuilder *builder;
  GPtrArray      *problems;

  /* owned */
  char           *format;   /* for messages: "GraphML" */
  GHashTable     *ids;      /* the file's node id → index + 1 */
  GPtrArray      *edges;    /* CsForeignEdge, resolved by _cs_foreign_graph_finish() */

  /* state */
  guint           n_warnings[CS_FOREIGN_N_WARNINGS];
  guint           n_unlabelled;
  gsize           first_unlabelled;
  gboolean        failed;
};

/* "and N more …" for the warnings of @kind past the ones listed */
static char *
summary_text (CsForeignWarning kind,
              guint            n)
{
  switch (kind)
    {
    case CS_FOREIGN_WARNING_DUPLICATE_NODE:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "and %u more node left out for a duplicate id (not "
                                           "listed)",
                                           "and %u more nodes left out for a duplicate id (not "
                                           "listed)",
                                           n),
                              n);
    case CS_FOREIGN_WARNING_UNKNOWN_NODE:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "and %u more node created for the edges that name it "
                                           "(not listed)",
                                           "and %u more nodes created for the edges that name "
                                           "them (not listed)",
                                           n),
                              n);
    case CS_FOREIGN_WARNING_SELF_LOOP:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "and %u more self-loop (not listed)",
                                           "and %u more self-loops (not listed)", n),
                              n);
    case CS_FOREIGN_WARNING_PARALLEL_EDGE:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "and %u more parallel edge (not listed)",
                                           "and %u more parallel edges (not listed)", n),
                              n);
    case CS_FOREIGN_WARNING_NODE_ID:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "and %u more node id changed (not listed)",
                                           "and %u more node ids changed (not listed)", n),
                              n);
    case CS_FOREIGN_WARNING_EDGE_ID:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "and %u more edge id changed (not listed)",
                                           "and %u more edge ids changed (not listed)", n),
                              n);
    case CS_FOREIGN_WARNING_VALUE:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "and %u more value that is not of its declared type "
                                           "(not listed)",
                                           "and %u more values that are not of their declared "
                                           "type (not listed)",
                                           n),
                              n);
    case CS_FOREIGN_WARNING_UNSUPPORTED:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "and %u more part that is not read (not listed)",
                                           "and %u more parts that are not read (not listed)",
                                           n),
                              n);
    case CS_FOREIGN_WARNING_OTHER:
    default:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "and %u more warning (not listed)",
                                           "and %u more warnings (not listed)", n),
                              n);
    }
}

static const char *const label_keys[] = { "label", "name", "Label", "title" };

CsForeignGraph *
_cs_foreign_graph_new (CsGraphBuilder *builder,
                       GPtrArray      *problems,
                       const char     *format)
{
  CsForeignGraph *self = g_new0 (CsForeignGraph, 1);

  g_return_val_if_fail (builder != NULL, NULL);
  g_return_val_if_fail (problems != NULL, NULL);
  g_return_val_if_fail (format != NULL, NULL);

  self->builder = builder;
  self->problems = problems;
  self->format = g_strdup (format);
  self->ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->edges = g_ptr_array_new_with_free_func ((GDestroyNotify)_cs_foreign_edge_free);
  return self;
}

void
_cs_foreign_graph_free (CsForeignGraph *self)
{
  if (self == NULL)
    return;

  g_free (self->format);
  g_hash_table_unref (self->ids);
  g_ptr_array_unref (self->edges);
  g_free (self);
}

void
_cs_foreign_graph_warn (CsForeignGraph   *self,
                        CsForeignWarning  kind,
                        gsize             offset,
                        const char       *format,
                        ...)
{
  g_autofree char *message = NULL;
  CsImportError code = CS_IMPORT_ERROR_VALUE;
  va_list args;

  g_return_if_fail (self != NULL);
  g_return_if_fail (kind < CS_FOREIGN_N_WARNINGS);

  /* a file with a million self-loops gets ten, and a count */
  if (++self->n_warnings[kind] > MAX_REPORTED)
    return;
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  if (kind == CS_FOREIGN_WARNING_DUPLICATE_NODE)
    code = CS_IMPORT_ERROR_DUPLICATE_ID;
  else if (kind == CS_FOREIGN_WARNING_UNKNOWN_NODE)
    code = CS_IMPORT_ERROR_UNKNOWN_NODE;
  g_ptr_array_add (self->problems,
                   cs_problem_new (CS_PROBLEM_WARNING, code, offset, NULL, message));
}

void
_cs_foreign_graph_error (CsForeignGraph *self,
                         CsImportError   code,
                         gsize           offset,
                         const char     *format,
                         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  g_return_if_fail (self != NULL);

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (self->problems, cs_problem_new (CS_PROBLEM_ERROR, code, offset, NULL, message));
  self->failed = TRUE;
}

gboolean
_cs_foreign_graph_failed (CsForeignGraph *self)
{
  g_return_val_if_fail (self != NULL, TRUE);

  return self->failed;
}

/* For the text formats (GML, Pajek): UTF-8, as JSON is, found with its
 * offset before any parsing */
gboolean
_cs_foreign_graph_check_text (CsForeignGraph *self,
                              const char     *data,
                              gsize           length)
{
  const guchar *d = (const guchar *)data;
  const guchar *nul;
  const char *end = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  if (length >= 2 && ((d[0] == 0xff && d[1] == 0xfe) || (d[0] == 0xfe && d[1] == 0xff)))
    {
      _cs_foreign_graph_error (self, CS_IMPORT_ERROR_ENCODING, 0,
                               _("the file is UTF-16 encoded; save it as UTF-8"));
      return FALSE;
    }
  nul = memchr (d, '\0', length);
  if (nul != NULL)
    {
      _cs_foreign_graph_error (self, CS_IMPORT_ERROR_ENCODING, nul - d,
                               _("the file contains a NUL byte at offset %zu (UTF-16 or "
                                 "UTF-32 text, or not a text file); save it as UTF-8"),
                               (size_t)(nul - d));
      return FALSE;
    }
  if (!g_utf8_validate (data, length, &end))
    {
      gsize offset = end - data;

      _cs_foreign_graph_error (self, CS_IMPORT_ERROR_ENCODING, offset,
                               _("invalid UTF-8 (byte 0x%02x at offset %zu)"), d[offset],
                               (size_t)offset);
      return FALSE;
    }
  return TRUE;
}

/* Of @n_graphs in a file, @chosen (CsImportOptions.graph) was read: an
 * error when there is no such graph, a warning when there were others */
gboolean
_cs_foreign_graph_check_choice (CsForeignGraph *self,
                                guint           n_graphs,
                                guint           chosen,
                                gsize           offset,
                                const char     *id)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (n_graphs == 0)
    cs_problems_add (self->problems, CS_PROBLEM_WARNING, CS_IMPORT_ERROR_MISSING,
                     CS_PROBLEM_NO_OFFSET, NULL, _("the file holds no graph"));
  else if (chosen >= n_graphs)
    {
      _cs_foreign_graph_error (self, CS_IMPORT_ERROR_VALUE, CS_PROBLEM_NO_OFFSET,
                               /* TRANSLATORS: the last %u is the graph asked for */
                               g_dngettext (GETTEXT_PACKAGE,
                                            "the file holds %u graph; there is no graph %u",
                                            "the file holds %u graphs; there is no graph %u",
                                            n_graphs),
                               n_graphs, chosen + 1);
      return FALSE;
    }
  if (n_graphs > 0)
    cs_graph_builder_set_file_graphs (self->builder, n_graphs, chosen);
  if (n_graphs > 1 && id != NULL)
    cs_problems_add (self->problems, CS_PROBLEM_WARNING, CS_IMPORT_ERROR_VALUE, offset, NULL,
                     /* TRANSLATORS: the second %u is the graph read, %s its id */
                     g_dngettext (GETTEXT_PACKAGE,
                                  "the file holds %u graph; graph %u (\"%s\") is read (the graph "
                                  "option picks another)",
                                  "the file holds %u graphs; graph %u (\"%s\") is read (the graph "
                                  "option picks another)",
                                  n_graphs),
                     n_graphs, chosen + 1, id);
  else if (n_graphs > 1)
    cs_problems_add (self->problems, CS_PROBLEM_WARNING, CS_IMPORT_ERROR_VALUE, offset, NULL,
                     /* TRANSLATORS: the second %u is the graph read */
                     g_dngettext (GETTEXT_PACKAGE,
                                  "the file holds %u graph; graph %u is read (the graph option "
                                  "picks another)",
                                  "the file holds %u graphs; graph %u is read (the graph option "
                                  "picks another)",
                                  n_graphs),
                     n_graphs, chosen + 1);
  return TRUE;
}

/* Ids of any length would be kept whole in hash tables, labels and
 * messages; a few kilobytes are more than any real file uses. */
gboolean
_cs_foreign_graph_check_id (CsForeignGraph *self,
                            const char     *id,
                            gsize           offset,
                            const char     *what)
{
  gsize length;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  length = strlen (id);
  if (length <= CS_FOREIGN_MAX_ID_LENGTH)
    return TRUE;
  if (g_str_equal (what, "edge"))
    _cs_foreign_graph_error (self, CS_IMPORT_ERROR_VALUE, offset,
                             /* TRANSLATORS: %zu is the id's length, %.20s its
                              * first 20 bytes */
                             _("edge id of %zu bytes (\"%.20s…\"); Consortia reads ids of at "
                               "most %d bytes"),
                             (size_t)length, id, CS_FOREIGN_MAX_ID_LENGTH);
  else
    _cs_foreign_graph_error (self, CS_IMPORT_ERROR_VALUE, offset,
                             /* TRANSLATORS: %zu is the id's length, %.20s its
                              * first 20 bytes */
                             _("node id of %zu bytes (\"%.20s…\"); Consortia reads ids of at "
                               "most %d bytes"),
                             (size_t)length, id, CS_FOREIGN_MAX_ID_LENGTH);
  return FALSE;
}

static gboolean
is_consortia_id (const char *id)
{
  gsize length = strlen (id);

  if (length == 0 || length > CONSORTIA_ID_LENGTH || !g_ascii_isalnum (id[0]))
    return FALSE;
  for (const char *p = id; *p != '\0'; p++)
    {
      if (!g_ascii_isalnum (*p) && strchr ("_.:-", *p) == NULL)
        return FALSE;
    }
  return TRUE;
}

/* YYYY, YYYY-MM or YYYY-MM-DD with a real month and day, as our format
 * takes them */
static gboolean
is_date (const char *date)
{
  gsize length = strlen (date);
  guint year, month = 1, day = 1;

  if (length != 4 && length != 7 && length != 10)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    {
      if ((i == 4 || i == 7) ? date[i] != '-' : !g_ascii_isdigit (date[i]))
        return FALSE;
    }
  year = atoi (date);
  if (length >= 7)
    month = atoi (date + 5);
  if (length == 10)
    day = atoi (date + 8);
  return year >= 1 && g_date_valid_dmy (day, month, year);
}

void
_cs_foreign_graph_set_metadata (CsForeignGraph *self,
                                const char     *title,
                                const char     *description,
                                const char     *date)
{
  g_return_if_fail (self != NULL);

  if (title != NULL && title[0] == '\0')
    title = NULL;
  if (description != NULL && description[0] == '\0')
    description = NULL;
  if (date != NULL && !is_date (date))
    date = NULL;
  cs_graph_builder_set_metadata (self->builder, title, NULL, description, date);
}

static gboolean
builder_has (CsForeignGraph *self,
             const char     *id)
{
  guint index;

  return cs_graph_builder_lookup (self->builder, id, &index);
}

/* an id our format can save, for a file's id that is not one */
static char *
make_id (CsForeignGraph *self,
         const char     *original)
{
  GString *id = g_string_new (NULL);
  gboolean gap = FALSE;
  gsize base;

  for (const char *p = original; *p != '\0' && id->len < CONSORTIA_ID_LENGTH - 16; p++)
    {
      if (g_ascii_isalnum (*p) || (id->len > 0 && strchr ("_.:-", *p) != NULL))
        {
          if (gap && id->len > 0)
            g_string_append_c (id, '_');
          g_string_append_c (id, *p);
          gap = FALSE;
        }
      else
        gap = TRUE;
    }
  if (id->len == 0)
    g_string_printf (id, "node-%u", cs_graph_builder_get_n_nodes (self->builder) + 1);
  base = id->len;
  for (guint k = 2; builder_has (self, id->str); k++)
    {
      g_string_truncate (id, base);
      g_string_append_printf (id, "-%u", k);
    }
  return g_string_free (id, FALSE);
}

static int
find_attribute (GPtrArray  *attributes,
                const char *key)
{
  for (guint i = 0; i < attributes->len; i++)
    {
      const CsAttribute *attribute = g_ptr_array_index (attributes, i);

      if (g_str_equal (attribute->key, key))
        return i;
    }
  return -1;
}

/* the single value of @key, or NULL when it has none or several */
static const char *
single_value (GPtrArray  *attributes,
              const char *key,
              int        *index)
{
  const CsAttribute *attribute;

  *index = find_attribute (attributes, key);
  if (*index < 0)
    return NULL;
  attribute = g_ptr_array_index (attributes, *index);
  if (attribute->claims->len != 1)
    return NULL;
  return ((const CsClaim *)g_ptr_array_index (attribute->claims, 0))->value;
}

/* the label from the usual keys; the attribute it came from is taken */
static char *
take_label (GPtrArray *attributes)
{
  for (guint k = 0; k < G_N_ELEMENTS (label_keys); k++)
    {
      int index;
      const char *value = single_value (attributes, label_keys[k], &index);

      if (value != NULL && value[0] != '\0')
        {
          char *label = g_strdup (value);

          g_ptr_array_remove_index (attributes, index);
          return label;
        }
    }
  return NULL;
}

/* attributes x and y that are numbers are the node's position */
static void
take_position (CsForeignGraph *self,
               CsForeignNode  *foreign,
               CsNode         *node)
{
  int ix, iy;
  const char *xs = single_value (foreign->attributes, "x", &ix);
  const char *ys = single_value (foreign->attributes, "y", &iy);
  double x, y;

  if (foreign->has_position)
    {
      node->has_position = TRUE;
      node->x = foreign->x;
      node->y = foreign->y;
      return;
    }
  if (xs == NULL || ys == NULL || !_cs_foreign_parse_double (xs, &x) ||
      !_cs_foreign_parse_double (ys, &y))
    return;
  if (!isfinite (x) || !isfinite (y))
    {
      _cs_foreign_graph_warn (self, CS_FOREIGN_WARNING_VALUE, foreign->offset,
                              _("node \"%s\": position (%s, %s) is not finite; kept as "
                                "attributes"),
                              foreign->id, xs, ys);
      return;
    }
  node->has_position = TRUE;
  node->x = x;
  node->y = y;
  g_ptr_array_remove_index (foreign->attributes, MAX (ix, iy));
  g_ptr_array_remove_index (foreign->attributes, MIN (ix, iy));
}

static guint
add_node (CsForeignGraph *self,
          CsForeignNode  *foreign,
          gboolean        created)
{
  g_autoptr(CsNode) node = cs_node_new ();
  gboolean changed;
  guint index = cs_graph_builder_get_n_nodes (self->builder);

  node->label = foreign->label != NULL && foreign->label[0] != '\0'
                    ? g_strdup (foreign->label)
                    : take_label (foreign->attributes);
  if (node->label == NULL)
    {
      /* an empty id too (GML's id ""): the id it is saved as, below */
      node->label = foreign->id[0] != '\0' ? g_strdup (foreign->id) : NULL;
      if (!created && self->n_unlabelled++ == 0)
        self->first_unlabelled = foreign->offset;
    }
  node->description = g_strdup (foreign->description);
  take_position (self, foreign, node);

  changed = !is_consortia_id (foreign->id) || builder_has (self, foreign->id);
  node->id = changed ? make_id (self, foreign->id) : g_strdup (foreign->id);
  if (node->label == NULL)
    node->label = g_strdup (node->id);
  if (changed)
    {
      gboolean keep = !g_str_equal (node->label, foreign->id) &&
                      find_attribute (foreign->attributes, ORIGINAL_ID) < 0;

      if (keep)
        _cs_foreign_attributes_add (foreign->attributes, ORIGINAL_ID, foreign->id, NULL);
      if (keep)
        _cs_foreign_graph_warn (self, CS_FOREIGN_WARNING_NODE_ID, foreign->offset,
                                /* TRANSLATORS: original_id is the name of an
                                 * attribute: keep it as it is */
                                _("node id \"%s\" is saved as \"%s\" (Consortia ids are "
                                  "letters, digits and _ . : -, at most %d); the file's id is "
                                  "kept as attribute \"original_id\""),
                                foreign->id, node->id, CONSORTIA_ID_LENGTH);
      else
        _cs_foreign_graph_warn (self, CS_FOREIGN_WARNING_NODE_ID, foreign->offset,
                                _("node id \"%s\" is saved as \"%s\" (Consortia ids are "
                                  "letters, digits and _ . : -, at most %d)"),
                                foreign->id, node->id, CONSORTIA_ID_LENGTH);
    }

  for (guint i = 0; i < foreign->attributes->len; i++)
    cs_node_take_attribute (node, g_steal_pointer (&g_ptr_array_index (foreign->attributes, i)));
  g_ptr_array_set_size (foreign->attributes, 0);

  if (!cs_graph_builder_take_node (self->builder, node))
    g_assert_not_reached ();
  g_steal_pointer (&node);
  g_hash_table_insert (self->ids, g_steal_pointer (&foreign->id), GUINT_TO_POINTER (index + 1));
  return index;
}

/**
 * _cs_foreign_graph_take_node:
 * @self: the graph being read
 * @node: (transfer full): a node
 *
 * Returns: %TRUE when @node was taken, %FALSE when its id was used before
 *   (a warning) or is too long (an error)
 */
gboolean
_cs_foreign_graph_take_node (CsForeignGraph *self,
                             CsForeignNode  *node)
{
  gboolean taken = FALSE;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (node != NULL && node->id != NULL, FALSE);

  if (!_cs_foreign_graph_check_id (self, node->id, node->offset, "node"))
    ;
  else if (g_hash_table_contains (self->ids, node->id))
    _cs_foreign_graph_warn (self, CS_FOREIGN_WARNING_DUPLICATE_NODE, node->offset,
                            _("duplicate node id \"%s\": this node is left out, the first "
                              "one with the id is kept"),
                            node->id);
  else
    {
      add_node (self, node, FALSE);
      taken = TRUE;
    }
  _cs_foreign_node_free (node);
  return taken;
}

/**
 * _cs_foreign_graph_take_edge:
 * @self: the graph being read
 * @edge: (transfer full): an edge, resolved with the others at the end
 */
void
_cs_foreign_graph_take_edge (CsForeignGraph *self,
                             CsForeignEdge  *edge)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (edge != NULL && edge->source != NULL && edge->target != NULL);

  if (!_cs_foreign_graph_check_id (self, edge->source, edge->offset, "node") ||
      !_cs_foreign_graph_check_id (self, edge->target, edge->offset, "node") ||
      (edge->id != NULL && !_cs_foreign_graph_check_id (self, edge->id, edge->offset, "edge")))
    {
      _cs_foreign_edge_free (edge);
      return;
    }
  g_ptr_array_add (self->edges, edge);
}

guint
_cs_foreign_graph_get_n_nodes (CsForeignGraph *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return cs_graph_builder_get_n_nodes (self->builder);
}

guint
_cs_foreign_graph_get_n_edges (CsForeignGraph *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->edges->len;
}

static guint
resolve (CsForeignGraph *self,
         const char     *id,
         gsize           offset)
{
  gpointer value = g_hash_table_lookup (self->ids, id);
  g_autoptr(CsForeignNode) created = NULL;

  if (value != NULL)
    return GPOINTER_TO_UINT (value) - 1;
  _cs_foreign_graph_warn (self, CS_FOREIGN_WARNING_UNKNOWN_NODE, offset,
                          _("edge to unknown node \"%s\": the node is created"), id);
  created = _cs_foreign_node_new (id, offset);
  return add_node (self, created, TRUE);
}

typedef struct
{
  guint64 ends;
  guint   index;
} EndsKey;

static int
compare_ends (gconstpointer a,
              gconstpointer b)
{
  const EndsKey *x = a, *y = b;

  if (x->ends != y->ends)
    return x->ends < y->ends ? -1 : 1;
  return (x->index > y->index) - (x->index < y->index);
}

static void
add_summaries (CsForeignGraph *self,
               guint           n_directed,
               gsize           first_directed)
{
  if (self->n_unlabelled > 0)
    cs_problems_add (self->problems, CS_PROBLEM_WARNING, CS_IMPORT_ERROR_MISSING,
                     self->first_unlabelled, NULL,
                     /* TRANSLATORS: label, name, Label and title are names of
                      * attributes: keep them as they are */
                     g_dngettext (GETTEXT_PACKAGE,
                                  "%u node has no label (label, name, Label or title); it is "
                                  "shown by its id",
                                  "%u nodes have no label (label, name, Label or title); each is "
                                  "shown by its id",
                                  self->n_unlabelled),
                     self->n_unlabelled);
  if (n_directed > 0)
    cs_problems_add (self->problems, CS_PROBLEM_WARNING, CS_IMPORT_ERROR_VALUE, first_directed,
                     NULL,
                     /* TRANSLATORS: %s is a file format, such as GraphML */
                     g_dngettext (GETTEXT_PACKAGE,
                                  "%u of %u edge is directed; Consortia draws the edges of a %s "
                                  "file without arrows",
                                  "%u of %u edges are directed; Consortia draws the edges of a %s "
                                  "file without arrows",
                                  self->edges->len),
                     n_directed, self->edges->len, self->format);
  for (guint k = 0; k < CS_FOREIGN_N_WARNINGS; k++)
    {
      if (self->n_warnings[k] > MAX_REPORTED)
        {
          g_autofree char *text = summary_text (k, self->n_warnings[k] - MAX_REPORTED);

          cs_problems_add (self->problems, CS_PROBLEM_WARNING, CS_IMPORT_ERROR_VALUE,
                           CS_PROBLEM_NO_OFFSET, NULL, "%s", text);
        }
    }
}

/**
 * _cs_foreign_graph_finish:
 * @self: the graph being read
 * @cancellable: (nullable): a #GCancellable
 *
 * Resolves the edges taken (creating the nodes they name that the file
 * does not declare), reports self-loops and parallel edges, and adds the
 * summary warnings.
 *
 * Returns: %FALSE when cancelled or when an error was reported
 */
gboolean
_cs_foreign_graph_finish (CsForeignGraph *self,
                          GCancellable   *cancellable)
{
  g_autofree guint *ends = NULL;
  g_autoptr(GArray) keys = NULL;
  g_autofree gboolean *parallel = NULL;
  guint n = 0;
  guint n_directed = 0;
  gsize first_directed = CS_PROBLEM_NO_OFFSET;

  g_return_val_if_fail (self != NULL, FALSE);

  if (self->failed)
    return FALSE;

  n = self->edges->len;
  ends = g_new (guint, 2 * (gsize)MAX (n, 1));
  keys = g_array_sized_new (FALSE, FALSE, sizeof (EndsKey), n);
  for (guint i = 0; i < n; i++)
    {
      CsForeignEdge *edge = g_ptr_array_index (self->edges, i);
      EndsKey key;
      guint a, b;

      if (i % CANCEL_EVERY == 0 && g_cancellable_is_cancelled (cancellable))
        return FALSE;
      ends[2 * i] = a = resolve (self, edge->source, edge->offset);
      ends[2 * i + 1] = b = resolve (self, edge->target, edge->offset);
      /* an undirected edge is parallel to one either way round */
      if (!edge->directed && b < a)
        {
          guint t = a;

          a = b;
          b = t;
        }
      key.ends = (guint64)a << 32 | b;
      key.index = i;
      g_array_append_val (keys, key);
    }

  /* parallel edges by sorting, not hashing: no allocation per edge */
  g_array_sort (keys, compare_ends);
  parallel = g_new0 (gboolean, MAX (n, 1));
  for (guint k = 1; k < keys->len; k++)
    {
      const EndsKey *previous = &g_array_index (keys, EndsKey, k - 1);
      const EndsKey *key = &g_array_index (keys, EndsKey, k);

      if (key->ends == previous->ends)
        parallel[key->index] = TRUE;
    }

  for (guint i = 0; i < n; i++)
    {
      CsForeignEdge *foreign = g_ptr_array_index (self->edges, i);
      g_autoptr(CsEdge) edge = cs_edge_new ();
      const CsNode *source, *target;

      edge->source = ends[2 * i];
      edge->target = ends[2 * i + 1];
      edge->relation = cs_graph_builder_intern_relation (self->builder, "other");
      source = cs_graph_builder_get_node (self->builder, edge->source);
      target = cs_graph_builder_get_node (self->builder, edge->target);

      if (foreign->id != NULL && is_consortia_id (foreign->id))
        edge->id = g_strdup (foreign->id);
      else if (foreign->id != NULL)
        {
          if (find_attribute (foreign->attributes, ORIGINAL_ID) < 0)
            _cs_foreign_attributes_add (foreign->attributes, ORIGINAL_ID, foreign->id, NULL);
          _cs_foreign_graph_warn (self, CS_FOREIGN_WARNING_EDGE_ID, foreign->offset,
                                  /* TRANSLATORS: original_id is the name of an
                                   * attribute: keep it as it is */
                                  _("edge id \"%s\" is not one Consortia can save (letters, "
                                    "digits and _ . : -, at most %d); it is kept as attribute "
                                    "\"original_id\""),
                                  foreign->id, CONSORTIA_ID_LENGTH);
        }

      if (edge->source == edge->target)
        _cs_foreign_graph_warn (self, CS_FOREIGN_WARNING_SELF_LOOP, foreign->offset,
                                _("the edge links node \"%s\" to itself"), source->label);
      else if (parallel[i])
        _cs_foreign_graph_warn (self, CS_FOREIGN_WARNING_PARALLEL_EDGE, foreign->offset,
                                foreign->directed
                                    ? _("parallel edge: \"%s\" and \"%s\" are linked in this "
                                        "direction already (kept)")
                                    : _("parallel edge: \"%s\" and \"%s\" are linked already "
                                        "(kept)"),
                                source->label, target->label);
      if (foreign->directed && n_directed++ == 0)
        first_directed = foreign->offset;

      for (guint k = 0; k < foreign->attributes->len; k++)
        cs_edge_take_attribute (edge,
                                g_steal_pointer (&g_ptr_array_index (foreign->attributes, k)));
      g_ptr_array_set_size (foreign->attributes, 0);
      cs_graph_builder_take_edge (self->builder, g_steal_pointer (&edge));
    }

  add_summaries (self, n_directed, first_directed);
  return !self->failed;
}

CsForeignNode *
_cs_foreign_node_new (const char *id,
                      gsize       offset)
{
  CsForeignNode *node = g_new0 (CsForeignNode, 1);

  g_return_val_if_fail (id != NULL, NULL);

  node->id = g_strdup (id);
  node->offset = offset;
  node->attributes = _cs_foreign_attributes_new ();
  return node;
}

void
_cs_foreign_node_free (CsForeignNode *node)
{
  if (node == NULL)
    return;

  g_free (node->id);
  g_free (node->label);
  g_free (node->description);
  g_ptr_array_unref (node->attributes);
  g_free (node);
}

/* Returns: %FALSE (and leaves @node without a position) when either
 * coordinate is not finite */
gboolean
_cs_foreign_node_set_position (CsForeignNode *node,
                               double         x,
                               double         y)
{
  g_return_val_if_fail (node != NULL, FALSE);

  if (!isfinite (x) || !isfinite (y))
    return FALSE;
  node->has_position = TRUE;
  node->x = x;
  node->y = y;
  return TRUE;
}

CsForeignEdge *
_cs_foreign_edge_new (const char *source,
                      const char *target,
                      gsize       offset)
{
  CsForeignEdge *edge = g_new0 (CsForeignEdge, 1);

  g_return_val_if_fail (source != NULL && target != NULL, NULL);

  edge->source = g_strdup (source);
  edge->target = g_strdup (target);
  edge->offset = offset;
  edge->attributes = _cs_foreign_attributes_new ();
  return edge;
}

void
_cs_foreign_edge_free (CsForeignEdge *edge)
{
  if (edge == NULL)
    return;

  g_free (edge->id);
  g_free (edge->source);
  g_free (edge->target);
  g_ptr_array_unref (edge->attributes);
  g_free (edge);
}

GPtrArray *
_cs_foreign_attributes_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify)cs_attribute_free);
}

/* A key given twice (GML lists, dynamic GEXF values) gets one claim per
 * value, in the file's order; @note says what sets a value apart */
void
_cs_foreign_attributes_add (GPtrArray  *attributes,
                            const char *key,
                            const char *value,
                            const char *note)
{
  int index;
  CsAttribute *attribute;
  CsClaim *claim;

  g_return_if_fail (attributes != NULL);
  g_return_if_fail (key != NULL && value != NULL);

  index = find_attribute (attributes, key);
  if (index >= 0)
    attribute = g_ptr_array_index (attributes, index);
  else
    {
      attribute = cs_attribute_new (key);
      g_ptr_array_add (attributes, attribute);
    }
  claim = cs_claim_new ();
  claim->value = g_strdup (value);
  claim->note = g_strdup (note);
  cs_attribute_take_claim (attribute, claim);
}

/* Returns: (nullable): the first value of @key */
const char *
_cs_foreign_attributes_get (GPtrArray  *attributes,
                            const char *key)
{
  int index;
  const CsAttribute *attribute;

  g_return_val_if_fail (attributes != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);

  index = find_attribute (attributes, key);
  if (index < 0)
    return NULL;
  attribute = g_ptr_array_index (attributes, index);
  return ((const CsClaim *)g_ptr_array_index (attribute->claims, 0))->value;
}

/* The whole of @text, spaces around it aside, as a number (inf and nan
 * included: the caller says what a non-finite one means) */
gboolean
_cs_foreign_parse_double (const char *text,
                          double     *value)
{
  char *end = NULL;

  g_return_val_if_fail (text != NULL && value != NULL, FALSE);

  while (g_ascii_isspace (*text))
    text++;
  if (*text == '\0')
    return FALSE;
  *value = g_ascii_strtod (text, &end);
  if (end == text)
    return FALSE;
  while (g_ascii_isspace (*end))
    end++;
  return *end == '\0';
}

gboolean
_cs_foreign_parse_integer (const char *text,
                           gint64     *value)
{
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail (text != NULL && value != NULL, FALSE);

  trimmed = g_strstrip (g_strdup (text));
  if (trimmed[0] == '+')
    memmove (trimmed, trimmed + 1, strlen (trimmed));
  return g_ascii_string_to_signed (trimmed, 10, G_MININT64, G_MAXINT64, value, NULL);
}
