/* cs-json-graph.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-json-graph-private.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* The common half of the importers of other programs' JSON graphs, which
 * parse with json-glib (cs-json-tree.h); see cs-json-graph-private.h. */

/* as the Consortia format's ids: cs-consortia-importer.c */
#define MAX_ID_LENGTH       200
#define MAX_RELATION_LENGTH 64
#define ORIGINAL_ID         "original_id"
#define CANCEL_EVERY        4096

/* A warning that applies to many nodes or edges is said once, with their
 * number, at the first of them */
typedef enum
{
  SUMMARY_NO_LABEL,
  SUMMARY_NO_ID,
  SUMMARY_NODE_ID_CHANGED,
  SUMMARY_EDGE_ID_CHANGED,
  N_SUMMARIES
} Summary;

typedef struct
{
  guint       count;
  JsonNode   *first; /* where the first one is */
  char       *example_from;
  char       *example_to;
} SummaryCount;

/* the warnings of one kind (one message format) so far */
typedef struct
{
  guint  count;
  char  *last;      /* the last one listed, as text */
} Listed;

static void
listed_free (gpointer data)
{
  Listed *listed = data;

  g_free (listed->last);
  g_free (listed);
}

struct _CsJsonGraph
{
  /* borrowed */
  CsJsonTree     *tree;
  CsGraphBuilder *builder;
  GPtrArray      *problems;
  GCancellable   *cancellable;

  /* owned: nodes until _cs_json_graph_end_nodes() hands them on */
  GPtrArray      *staged;     /* CsNode */
  GPtrArray      *originals;  /* per staged node: the file's id, or NULL */
  GPtrArray      *places;     /* per staged node: its JsonNode, for messages */
  GHashTable     *ids;        /* the file's id → staged index + 1 */
  GArray         *positions;  /* per node of the file, in order: staged index */
  GHashTable     *pairs;      /* guint64 (source, target) of the edges so far */
  GHashTable     *listed;     /* message format → Listed, borrowed from kinds */
  GPtrArray      *kinds;      /* Listed, in the order they first appeared */
  SummaryCount    summaries[N_SUMMARIES];
  GString        *info;       /* "key: value" lines about the graph */
  char           *title;
  char           *description;
  char           *date;

  /* state */
  gboolean        directed;
  gboolean        multigraph;
  gboolean        ends_by_index;
  gboolean        nodes_ended;
};

CsJsonGraph *
_cs_json_graph_new (CsJsonTree     *tree,
                    CsGraphBuilder *builder,
                    GPtrArray      *problems,
                    GCancellable   *cancellable)
{
  CsJsonGraph *self = g_new0 (CsJsonGraph, 1);

  g_assert (tree != NULL && builder != NULL && problems != NULL);

  self->tree = tree;
  self->builder = builder;
  self->problems = problems;
  self->cancellable = cancellable;
  self->staged = g_ptr_array_new_with_free_func ((GDestroyNotify)cs_node_free);
  self->originals = g_ptr_array_new_with_free_func (g_free);
  self->places = g_ptr_array_new ();
  self->ids = g_hash_table_new (g_str_hash, g_str_equal);
  self->positions = g_array_new (FALSE, FALSE, sizeof (guint));
  self->pairs = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->listed = g_hash_table_new (NULL, NULL);
  self->kinds = g_ptr_array_new_with_free_func (listed_free);
  self->info = g_string_new (NULL);
  self->directed = TRUE;
  return self;
}

void
_cs_json_graph_free (CsJsonGraph *self)
{
  if (self == NULL)
    return;

  /* the keys of ids are the strings of originals */
  g_clear_pointer (&self->ids, g_hash_table_unref);
  g_clear_pointer (&self->staged, g_ptr_array_unref);
  g_clear_pointer (&self->originals, g_ptr_array_unref);
  g_clear_pointer (&self->places, g_ptr_array_unref);
  g_clear_pointer (&self->positions, g_array_unref);
  g_clear_pointer (&self->pairs, g_hash_table_unref);
  g_clear_pointer (&self->listed, g_hash_table_unref);
  g_clear_pointer (&self->kinds, g_ptr_array_unref);
  for (guint i = 0; i < N_SUMMARIES; i++)
    {
      g_free (self->summaries[i].example_from);
      g_free (self->summaries[i].example_to);
    }
  if (self->info != NULL)
    g_string_free (self->info, TRUE);
  g_free (self->title);
  g_free (self->description);
  g_free (self->date);
  g_free (self);
}

/* Problems */

static void report_valist (CsJsonGraph       *self,
                           CsProblemSeverity  severity,
                           CsImportError      code,
                           JsonNode          *at,
                           const CsJsonPath  *path,
                           const char        *member,
                           const char        *format,
                           va_list            args) G_GNUC_PRINTF (7, 0);

static void
report_valist (CsJsonGraph       *self,
               CsProblemSeverity  severity,
               CsImportError      code,
               JsonNode          *at,
               const CsJsonPath  *path,
               const char        *member,
               const char        *format,
               va_list            args)
{
  g_autofree char *message = NULL;
  g_autofree char *text_path = NULL;
  Listed *listed = NULL;

  /* a file with a million bad edges gets a list of a readable length */
  if (severity == CS_PROBLEM_WARNING)
    {
      listed = g_hash_table_lookup (self->listed, format);
      if (listed == NULL)
        {
          listed = g_new0 (Listed, 1);
          g_hash_table_insert (self->listed, (gpointer)format, listed);
          g_ptr_array_add (self->kinds, listed);
        }
      if (listed->count++ >= CS_JSON_GRAPH_MAX_LISTED)
        return;
    }
  message = g_strdup_vprintf (format, args);
  text_path = cs_json_path_to_string (path, member);
  if (listed != NULL && listed->count == CS_JSON_GRAPH_MAX_LISTED)
    listed->last = text_path != NULL ? g_strdup_printf ("%s: %s", text_path, message)
                                     : g_strdup (message);
  g_ptr_array_add (self->problems,
                   cs_problem_new (severity, code, cs_json_tree_get_offset (self->tree, at),
                                   text_path, message));
}

void
_cs_json_graph_report (CsJsonGraph       *self,
                       CsProblemSeverity  severity,
                       CsImportError      code,
                       JsonNode          *at,
                       const CsJsonPath  *path,
                       const char        *member,
                       const char        *format,
                       ...)
{
  va_list args;

  va_start (args, format);
  report_valist (self, severity, code, at, path, member, format, args);
  va_end (args);
}

gboolean
_cs_json_graph_is_cancelled (CsJsonGraph *self,
                             guint        i)
{
  return i % CANCEL_EVERY == 0 && g_cancellable_is_cancelled (self->cancellable);
}

/* @member of @object when it is of @type; NULL when it is missing (an error
 * when @required) or of another kind (always an error: the file is not of
 * the shape its format has) */
JsonNode *
_cs_json_graph_get_member (CsJsonGraph      *self,
                           JsonNode         *object,
                           const CsJsonPath *path,
                           const char       *member,
                           JsonNodeType      type,
                           gboolean          required)
{
  JsonNode *node;

  g_assert (JSON_NODE_HOLDS_OBJECT (object));

  node = json_object_get_member (json_node_get_object (object), member);
  if (node == NULL)
    {
      if (required)
        /* TRANSLATORS: %s is the name of a JSON member, such as nodes */
        cs_json_graph_error (self, MISSING, object, path, NULL, _("missing \"%s\""), member);
      return NULL;
    }
  if (JSON_NODE_TYPE (node) != type)
    {
      /* TRANSLATORS: the %s are kinds of JSON value: “expected an array,
       * found a string” */
      cs_json_graph_error (self, TYPE, node, path, member, _("expected %s, found %s"),
                           type == JSON_NODE_ARRAY ? C_("JSON value", "an array")
                                                   : C_("JSON value", "an object"),
                           cs_json_describe (node));
      return NULL;
    }
  return node;
}

gboolean
_cs_json_graph_expect_root (CsJsonGraph *self,
                            JsonNode    *root,
                            const char  *what)
{
  if (JSON_NODE_HOLDS_OBJECT (root))
    return TRUE;
  /* TRANSLATORS: the first %s is what the format's files hold, such as
   * “a JSON Graph Format object”; the second a kind of JSON value, such
   * as “an array” */
  cs_json_graph_error (self, ROOT, root, NULL, NULL, _("expected %s at the top level, found %s"),
                       what, cs_json_describe (root));
  return FALSE;
}

/* for a format whose files hold one graph: an error when the options ask
 * for another */
gboolean
_cs_json_graph_expect_one (CsJsonGraph           *self,
                           JsonNode              *at,
                           const CsImportOptions *options)
{
  if (options->graph == 0)
    return TRUE;
  cs_json_graph_error (self, VALUE, at, NULL, NULL,
                       /* TRANSLATORS: %u is the number given to --graph */
                       _("there is no graph %u: the file holds one graph (--graph 1)"),
                       options->graph + 1);
  return FALSE;
}

/* The graph as a whole */

void
_cs_json_graph_set_directed (CsJsonGraph *self,
                             gboolean     directed,
                             gboolean     multigraph)
{
  self->directed = directed;
  self->multigraph = multigraph;
}

/* whether whole-number ends of edges are places in the list of nodes
 * (d3 before version 4, NetworkX 1) rather than ids */
void
_cs_json_graph_set_ends_by_index (CsJsonGraph *self,
                                  gboolean     by_index)
{
  self->ends_by_index = by_index;
}

static void
append_number (GString *str,
               double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  /* the shortest text that reads back as the same number: 0.1, not
   * g_ascii_dtostr()'s 0.10000000000000001 */
  for (int precision = 15; precision <= 17; precision++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", precision);
      g_ascii_formatd (buf, sizeof buf, format, value);
      if (!isfinite (value) || g_ascii_strtod (buf, NULL) == value)
        break;
    }
  g_string_append (str, buf);
}

static void
append_json_string (GString    *str,
                    const char *text)
{
  g_string_append_c (str, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = *p;

      if (c == '"' || c == '\\')
        g_string_append_printf (str, "\\%c", c);
      else if (c < 0x20)
        g_string_append_printf (str, "\\u%04x", c);
      else
        g_string_append_c (str, c);
    }
  g_string_append_c (str, '"');
}

/* compact JSON; the tree is at most CS_JSON_MAX_DEPTH deep */
static void
append_json (GString  *str,
             JsonNode *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;
      gboolean first = TRUE;

      g_string_append_c (str, '{');
      json_object_iter_init_ordered (&iter, json_node_get_object (node));
      while (json_object_iter_next_ordered (&iter, &name, &member))
        {
          if (!first)
            g_string_append_c (str, ',');
          first = FALSE;
          append_json_string (str, name);
          g_string_append_c (str, ':');
          append_json (str, member);
        }
      g_string_append_c (str, '}');
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      g_string_append_c (str, '[');
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          if (i > 0)
            g_string_append_c (str, ',');
          append_json (str, json_array_get_element (array, i));
        }
      g_string_append_c (str, ']');
    }
  else if (JSON_NODE_HOLDS_NULL (node))
    g_string_append (str, "null");
  else
    switch (json_node_get_value_type (node))
      {
      case G_TYPE_STRING:
        append_json_string (str, json_node_get_string (node));
        break;
      case G_TYPE_BOOLEAN:
        g_string_append (str, json_node_get_boolean (node) ? "true" : "false");
        break;
      case G_TYPE_INT64:
        g_string_append_printf (str, "%" G_GINT64_FORMAT, json_node_get_int (node));
        break;
      default:
        append_number (str, json_node_get_double (node));
        break;
      }
}

/**
 * _cs_json_graph_value_text:
 * @value: (nullable): a JSON value
 *
 * Returns: (transfer full) (nullable): @value as an attribute's text: a
 *   string as it is, a number in its shortest form, true or false, a list
 *   or an object as compact JSON; %NULL for null
 */
char *
_cs_json_graph_value_text (JsonNode *value)
{
  GString *str;

  if (value == NULL || JSON_NODE_HOLDS_NULL (value))
    return NULL;
  if (cs_json_holds (value, G_TYPE_STRING))
    return g_strdup (json_node_get_string (value));
  str = g_string_new (NULL);
  append_json (str, value);
  return g_string_free (str, FALSE);
}

/* YYYY, YYYY-MM or YYYY-MM-DD with a real month and day, as our format
 * takes them */
static gboolean
is_valid_date (const char *date)
{
  gsize len = strlen (date);
  guint year, month = 1, day = 1;

  if (len != 4 && len != 7 && len != 10)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    {
      gboolean dash = (i == 4 || i == 7);

      if (dash ? date[i] != '-' : !g_ascii_isdigit (date[i]))
        return FALSE;
    }
  year = atoi (date);
  if (len >= 7)
    month = atoi (date + 5);
  if (len == 10)
    day = atoi (date + 8);
  return year >= 1 && g_date_valid_dmy (day, month, year);
}

/**
 * _cs_json_graph_add_info:
 * @self: a graph being read
 * @key: what the file calls the value
 * @value: (nullable): a value about the graph as a whole
 *
 * Keeps a scalar as a "key: value" line of the graph's description: the
 * model has no attributes for the whole graph. Lists, objects (layout
 * settings and the like) and empty strings are left out.
 */
void
_cs_json_graph_add_info (CsJsonGraph *self,
                         const char  *key,
                         JsonNode    *value)
{
  g_autofree char *text = NULL;

  if (value == NULL || !JSON_NODE_HOLDS_VALUE (value) ||
      (cs_json_holds (value, G_TYPE_STRING) && json_node_get_string (value)[0] == '\0'))
    return;
  text = _cs_json_graph_value_text (value);
  g_string_append_printf (self->info, "%s%s: %s", self->info->len > 0 ? "\n" : "", key, text);
}

/**
 * _cs_json_graph_read_graph_data:
 * @self: a graph being read
 * @object: what the file says about the graph
 * @skip: (nullable): members read elsewhere
 *
 * The title comes from title, label, name or id (the first there is), the
 * description and date from their members (a date only in a form our
 * format takes); every other scalar becomes a line of the description.
 * What an earlier call took is not replaced: a second title is a line.
 */
void
_cs_json_graph_read_graph_data (CsJsonGraph       *self,
                                JsonObject        *object,
                                const char *const *skip)
{
  static const char *const title_keys[] = { "title", "label", "name", "id" };
  const char *title_key = NULL;
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;

  for (guint i = 0; self->title == NULL && i < G_N_ELEMENTS (title_keys); i++)
    {
      value = json_object_get_member (object, title_keys[i]);
      if ((skip == NULL || !g_strv_contains (skip, title_keys[i])) &&
          cs_json_holds (value, G_TYPE_STRING) && json_node_get_string (value)[0] != '\0')
        {
          title_key = title_keys[i];
          self->title = g_strdup (json_node_get_string (value));
        }
    }

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &value))
    {
      gboolean is_string = cs_json_holds (value, G_TYPE_STRING);

      if ((skip != NULL && g_strv_contains (skip, name)) || g_strcmp0 (name, title_key) == 0)
        continue;
      if (is_string && self->description == NULL && g_str_equal (name, "description") &&
          json_node_get_string (value)[0] != '\0')
        self->description = g_strdup (json_node_get_string (value));
      else if (is_string && self->date == NULL && g_str_equal (name, "date") &&
               is_valid_date (json_node_get_string (value)))
        self->date = g_strdup (json_node_get_string (value));
      else
        _cs_json_graph_add_info (self, name, value);
    }
}

/* Nodes */

/**
 * _cs_json_graph_find_label:
 * @object: a node's members
 * @label: (out) (transfer full): the label, or %NULL
 *
 * The label: the first of label, name, title, Label and Name that is a
 * string that is not empty, or a number.
 *
 * Returns: (nullable): the member it came from
 */
const char *
_cs_json_graph_find_label (JsonObject  *object,
                           char       **label)
{
  static const char *const keys[] = { "label", "name", "title", "Label", "Name" };

  *label = NULL;
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      JsonNode *value = json_object_get_member (object, keys[i]);

      if ((cs_json_holds (value, G_TYPE_STRING) && json_node_get_string (value)[0] != '\0') ||
          cs_json_holds (value, G_TYPE_DOUBLE))
        {
          *label = _cs_json_graph_value_text (value);
          return keys[i];
        }
    }
  return NULL;
}

/**
 * _cs_json_graph_read_position:
 * @self: a graph being read
 * @node: the node
 * @x: (nullable): the file's x
 * @y: (nullable): the file's y
 * @at: the node, for messages
 * @path: its path
 *
 * Returns: %TRUE when @x and @y are two finite numbers, now the node's
 *   position; otherwise the node is placed by the layout (with a warning
 *   when the file gives something else)
 */
gboolean
_cs_json_graph_read_position (CsJsonGraph      *self,
                              CsNode           *node,
                              JsonNode         *x,
                              JsonNode         *y,
                              JsonNode         *at,
                              const CsJsonPath *path)
{
  if (x == NULL && y == NULL)
    return FALSE;
  if (!cs_json_holds (x, G_TYPE_DOUBLE) || !cs_json_holds (y, G_TYPE_DOUBLE) ||
      !isfinite (json_node_get_double (x)) || !isfinite (json_node_get_double (y)))
    {
      cs_json_graph_warn (self, VALUE, at, path, NULL,
                          _("the position is not two finite numbers x and y; the layout "
                            "places the node"));
      return FALSE;
    }
  node->has_position = TRUE;
  node->x = json_node_get_double (x);
  node->y = json_node_get_double (y);
  return TRUE;
}

static gboolean
in_list (const char        *name,
         const char *const *list,
         guint              n)
{
  for (guint i = 0; i < n; i++)
    {
      if (list[i] != NULL && g_str_equal (list[i], name))
        return TRUE;
    }
  return FALSE;
}

typedef void (*TakeAttribute) (gpointer     owner,
                               CsAttribute *attribute);

/* Keeps every member of @object that is not null and not in @skip (which
 * may hold NULLs), in the file's order. A name @earlier has too (members
 * already kept from another object of the same node) is kept as
 * "@scope.name". */
static void
add_attributes (gpointer           owner,
                TakeAttribute      take,
                JsonObject        *object,
                const char *const *skip,
                guint              n_skip,
                JsonObject        *earlier,
                const char        *scope)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &value))
    {
      g_autofree char *key = NULL;
      CsAttribute *attribute;
      CsClaim *claim;

      if (JSON_NODE_HOLDS_NULL (value) || in_list (name, skip, n_skip))
        continue;
      if (earlier != NULL && json_object_has_member (earlier, name))
        {
          key = g_strconcat (scope, ".", name, NULL);
          /* a member of that very name too: nothing is left to call it */
          if (json_object_has_member (earlier, key))
            continue;
        }
      attribute = cs_attribute_new (key != NULL ? key : name);
      claim = cs_claim_new ();
      claim->value = _cs_json_graph_value_text (value);
      cs_attribute_take_claim (attribute, claim);
      take (owner, attribute);
    }
}

/**
 * _cs_json_graph_node_attributes:
 * @self: a graph being read
 * @node: the node
 * @object: the members to keep as attributes
 * @skip: (array length=n_skip): members read otherwise; may hold %NULL
 * @n_skip: their number
 * @earlier: (nullable): members already kept from another object of the
 *   node: a name of both is kept from @object as "@scope.name"
 * @scope: (nullable): that prefix
 *
 * Keeps every member that is not null as an attribute, in the file's
 * order.
 */
void
_cs_json_graph_node_attributes (CsJsonGraph       *self,
                                CsNode            *node,
                                JsonObject        *object,
                                const char *const *skip,
                                guint              n_skip,
                                JsonObject        *earlier,
                                const char        *scope)
{
  add_attributes (node, (TakeAttribute)cs_node_take_attribute, object, skip, n_skip, earlier,
                  scope);
}

/* as _cs_json_graph_node_attributes(), for an edge */
void
_cs_json_graph_edge_attributes (CsJsonGraph       *self,
                                CsEdge            *edge,
                                JsonObject        *object,
                                const char *const *skip,
                                guint              n_skip,
                                JsonObject        *earlier,
                                const char        *scope)
{
  add_attributes (edge, (TakeAttribute)cs_edge_take_attribute, object, skip, n_skip, earlier,
                  scope);
}

/* a relation of the data's own: lower-case snake_case, as our format takes
 * it; "interactsWith" and "Is part-of" become interacts_with, is_part_of */
static char *
relation_name (const char *text)
{
  GString *name = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      char c = *p;

      if (g_ascii_isupper (c) && p > text && g_ascii_islower (p[-1]))
        g_string_append_c (name, '_');
      if (g_ascii_isalnum (c))
        g_string_append_c (name, g_ascii_tolower (c));
      else if (strchr (" _-./", c) != NULL)
        {
          if (name->len > 0 && name->str[name->len - 1] != '_')
            g_string_append_c (name, '_');
        }
      else
        {
          g_string_free (name, TRUE);
          return NULL;
        }
    }
  while (name->len > 0 && name->str[name->len - 1] == '_')
    g_string_truncate (name, name->len - 1);
  if (name->len == 0 || name->len > MAX_RELATION_LENGTH || !g_ascii_islower (name->str[0]))
    {
      g_string_free (name, TRUE);
      return NULL;
    }
  return g_string_free (name, FALSE);
}

/**
 * _cs_json_graph_read_relation:
 * @self: a graph being read
 * @edge: the edge
 * @value: (nullable): what the file says the edge is
 *
 * Takes @value as the edge's relation when it is a word our format can
 * name (a relation of the data's own, or a known one); the edge's
 * relation is "other" otherwise.
 *
 * Returns: %TRUE when the relation is @value as written, which then
 *   needs no attribute of its own
 */
/* @value as a word our format can name, or NULL; @as_written: it is
 * that word already */
static char *
read_word (JsonNode *value,
           gboolean *as_written)
{
  char *name;

  if (!cs_json_holds (value, G_TYPE_STRING) ||
      (name = relation_name (json_node_get_string (value))) == NULL)
    return NULL;
  *as_written = g_str_equal (name, json_node_get_string (value));
  return name;
}

gboolean
_cs_json_graph_read_relation (CsJsonGraph *self,
                              CsEdge      *edge,
                              JsonNode    *value)
{
  gboolean as_written = FALSE;
  g_autofree char *name = read_word (value, &as_written);

  if (name != NULL)
    edge->relation = cs_graph_builder_intern_relation (self->builder, name);
  return as_written;
}

/**
 * _cs_json_graph_read_type:
 * @self: a graph being read
 * @node: the node
 * @value: (nullable): what the file says the node is
 *
 * Takes @value as the node's type when it is a word our format can name
 * (a type of the data's own, or a known one, "company" say), as for
 * relations; the node's type is "other" otherwise.
 *
 * Returns: %TRUE when the type is @value as written, which then needs no
 *   attribute of its own
 */
gboolean
_cs_json_graph_read_type (CsJsonGraph *self,
                          CsNode      *node,
                          JsonNode    *value)
{
  gboolean as_written = FALSE;
  g_autofree char *name = read_word (value, &as_written);

  if (name != NULL)
    node->type = cs_graph_builder_intern_type (self->builder, name);
  return as_written;
}

/* @text for a message: at most MAX_ID_LENGTH characters of it */
static char *
shorten (const char *text)
{
  const char *p = text;

  for (guint n = 0; *p != '\0' && n < MAX_ID_LENGTH; n++)
    p = g_utf8_next_char (p);
  if (*p == '\0')
    return g_strdup (text);
  return g_strdup_printf ("%.*s…", (int)(p - text), text);
}

static gboolean
is_valid_id (const char *id)
{
  gsize len = strlen (id);

  if (len == 0 || len > MAX_ID_LENGTH || !g_ascii_isalnum (id[0]))
    return FALSE;
  for (const char *p = id; *p != '\0'; p++)
    {
      if (!g_ascii_isalnum (*p) && strchr ("_.:-", *p) == NULL)
        return FALSE;
    }
  return TRUE;
}

/* an id our format takes, made from @text: every other character becomes
 * "_", at most MAX_ID_LENGTH of them; empty when nothing is left */
static char *
id_from_text (const char *text)
{
  GString *id = g_string_new (NULL);

  for (const char *p = text; *p != '\0' && id->len < MAX_ID_LENGTH; p = g_utf8_next_char (p))
    {
      if (g_ascii_isalnum (*p) || (id->len > 0 && strchr ("_.:-", *p) != NULL))
        g_string_append_c (id, *p);
      else if (id->len > 0 && id->str[id->len - 1] != '_')
        g_string_append_c (id, '_');
    }
  return g_string_free (id, FALSE);
}

static void
count_summary (CsJsonGraph *self,
               Summary      summary,
               JsonNode    *at,
               const char  *from,
               const char  *to)
{
  SummaryCount *count = &self->summaries[summary];

  if (count->count++ == 0)
    {
      count->first = at;
      count->example_from = g_strdup (from);
      count->example_to = g_strdup (to);
    }
}

/**
 * _cs_json_graph_read_id:
 * @self: a graph being read
 * @value: (nullable): the file's id of a node or an edge
 * @path: where the node or edge is
 * @member: the member @value is in
 *
 * Returns: (transfer full) (nullable): the id as text (a string, or a
 *   number written as the file writes it), or %NULL with a warning when
 *   it is of another kind
 */
char *
_cs_json_graph_read_id (CsJsonGraph      *self,
                        JsonNode         *value,
                        const CsJsonPath *path,
                        const char       *member)
{
  if (value == NULL || JSON_NODE_HOLDS_NULL (value))
    return NULL;
  if (cs_json_holds (value, G_TYPE_STRING) || cs_json_holds (value, G_TYPE_DOUBLE))
    return _cs_json_graph_value_text (value);
  cs_json_graph_warn (self, TYPE, value, path, member,
                      /* TRANSLATORS: %s is a kind of JSON value, such as “an array” */
                      _("expected a string or a number as the id, found %s; the id is left "
                        "out"),
                      cs_json_describe (value));
  return NULL;
}

/* an id too long to keep whole, not even as an attribute: the file holds
 * it, and the graph only what a person could read */
static void
warn_long_id (CsJsonGraph      *self,
              const char       *id,
              JsonNode         *at,
              const CsJsonPath *path)
{
  cs_json_graph_warn (self, VALUE, at, path, NULL,
                      _("the id is %zu bytes long; only its first %d characters are kept "
                        "(Consortia ids are at most %d)"),
                      strlen (id), MAX_ID_LENGTH, MAX_ID_LENGTH);
}

/**
 * _cs_json_graph_add_node:
 * @self: a graph being read
 * @node: (transfer full): the node, with its label, attributes and
 *   position; its id is made later
 * @id: (transfer full) (nullable): the file's id for it
 * @at: where it is, for messages
 * @path: its path
 *
 * Adds the next node of the file. A node whose id an earlier node has is
 * left out (with a warning); edges to that id go to the earlier one.
 *
 * Returns: the node's index, or %CS_JSON_GRAPH_NO_NODE when it was left out
 */
guint
_cs_json_graph_add_node (CsJsonGraph      *self,
                         CsNode           *node,
                         char             *id,
                         JsonNode         *at,
                         const CsJsonPath *path)
{
  g_autoptr(CsNode) owned = node;
  guint index = self->staged->len;
  gpointer first;

  g_assert (!self->nodes_ended);

  if (id != NULL && id[0] == '\0')
    g_clear_pointer (&id, g_free);
  if (id != NULL && (first = g_hash_table_lookup (self->ids, id)) != NULL)
    {
      g_autofree char *text = shorten (id);

      index = GPOINTER_TO_UINT (first) - 1;
      cs_json_graph_warn (self, DUPLICATE_ID, at, path, NULL,
                          _("duplicate node id \"%s\"; this node is left out, edges to it go "
                            "to the first"), text);
      g_array_append_val (self->positions, index);
      g_free (id);
      return CS_JSON_GRAPH_NO_NODE;
    }

  if (id != NULL && strlen (id) > MAX_ID_LENGTH)
    warn_long_id (self, id, at, path);
  if (node->label == NULL)
    {
      if (id != NULL)
        node->label = shorten (id);
      count_summary (self, SUMMARY_NO_LABEL, at, NULL, NULL);
    }
  if (id == NULL)
    count_summary (self, SUMMARY_NO_ID, at, NULL, NULL);
  else
    g_hash_table_insert (self->ids, id, GUINT_TO_POINTER (index + 1));

  g_ptr_array_add (self->staged, g_steal_pointer (&owned));
  g_ptr_array_add (self->originals, id);
  g_ptr_array_add (self->places, at);
  g_array_append_val (self->positions, index);
  return index;
}

/* keeps the places of the nodes after an element that is not one */
void
_cs_json_graph_skip_node (CsJsonGraph *self)
{
  guint none = CS_JSON_GRAPH_NO_NODE;

  g_array_append_val (self->positions, none);
}

/**
 * _cs_json_graph_find_node:
 * @self: a graph whose nodes are still being added
 * @id: the file's id
 * @index: (out) (optional): the node's index
 *
 * Returns: (transfer none) (nullable): the node added with @id
 */
CsNode *
_cs_json_graph_find_node (CsJsonGraph *self,
                          const char  *id,
                          guint       *index)
{
  gpointer value = g_hash_table_lookup (self->ids, id);

  g_assert (!self->nodes_ended);

  if (value == NULL)
    return NULL;
  if (index != NULL)
    *index = GPOINTER_TO_UINT (value) - 1;
  return g_ptr_array_index (self->staged, GPOINTER_TO_UINT (value) - 1);
}

guint
_cs_json_graph_get_n_nodes (CsJsonGraph *self)
{
  return self->nodes_ended ? cs_graph_builder_get_n_nodes (self->builder) : self->staged->len;
}

/* A free id from @base: @base itself, or @base-2, @base-3, …; @next
 * remembers where each base got to, so a thousand clashes cost a
 * thousand tries, not a million. */
static char *
unique_id (GHashTable *used,
           GHashTable *next,
           const char *base)
{
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (next, base));
  char *id;

  if (n == 0 && !g_hash_table_contains (used, base))
    id = g_strdup (base);
  else
    {
      for (n = MAX (n, 2);; n++)
        {
          id = g_strdup_printf ("%.*s-%u", MAX_ID_LENGTH - 11, base, n);
          if (!g_hash_table_contains (used, id))
            break;
          g_free (id);
        }
    }
  g_hash_table_insert (next, g_strdup (base), GUINT_TO_POINTER (n + 1));
  return id;
}

/**
 * _cs_json_graph_end_nodes:
 * @self: a graph being read
 *
 * Gives each node its id (the file's when it is one our format takes,
 * else one made from it, keeping the file's as the attribute original_id,
 * or node-N from its place among the nodes) and hands the nodes to the
 * builder.
 */
void
_cs_json_graph_end_nodes (CsJsonGraph *self)
{
  g_autoptr(GHashTable) used = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) next = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_assert (!self->nodes_ended);

  /* the file's own ids first, so no made id takes one of them */
  for (guint i = 0; i < self->staged->len; i++)
    {
      const char *original = g_ptr_array_index (self->originals, i);
      CsNode *node = g_ptr_array_index (self->staged, i);

      if (original != NULL && is_valid_id (original))
        {
          node->id = g_strdup (original);
          g_hash_table_add (used, node->id);
        }
    }
  for (guint i = 0; i < self->staged->len; i++)
    {
      const char *original = g_ptr_array_index (self->originals, i);
      CsNode *node = g_ptr_array_index (self->staged, i);
      g_autofree char *base = NULL;

      if (node->id != NULL)
        continue;
      base = original != NULL ? id_from_text (original) : NULL;
      if (base == NULL || base[0] == '\0')
        {
          g_free (base);
          base = g_strdup_printf ("node-%u", i);
        }
      node->id = unique_id (used, next, base);
      g_hash_table_add (used, node->id);
      if (node->label == NULL)
        node->label = g_strdup (node->id);
      if (original != NULL && strlen (original) <= MAX_ID_LENGTH)
        {
          CsAttribute *attribute = cs_attribute_new (ORIGINAL_ID);
          CsClaim *claim = cs_claim_new ();

          claim->value = g_strdup (original);
          cs_attribute_take_claim (attribute, claim);
          cs_node_take_attribute (node, attribute);
          count_summary (self, SUMMARY_NODE_ID_CHANGED, g_ptr_array_index (self->places, i),
                         original, node->id);
        }
    }

  for (guint i = 0; i < self->staged->len; i++)
    {
      CsNode *node = g_ptr_array_index (self->staged, i);
      gboolean taken = cs_graph_builder_take_node (self->builder, node);

      g_assert (taken);
    }
  /* the builder owns them now */
  g_ptr_array_set_free_func (self->staged, NULL);
  g_ptr_array_set_size (self->staged, 0);
  self->nodes_ended = TRUE;
}

/* Edges */

static const char *
node_id (CsJsonGraph *self,
         guint        index)
{
  return cs_graph_builder_get_node (self->builder, index)->id;
}

/**
 * _cs_json_graph_resolve_end:
 * @self: a graph whose nodes are all added
 * @edge: the edge, for messages
 * @path: its path
 * @member: the member @value is in: "source" or "target"
 * @value: (nullable): the file's reference to a node
 * @index: (out): the node's index
 *
 * Returns: %TRUE when @value names a node; otherwise the edge is left out,
 *   with a warning
 */
gboolean
_cs_json_graph_resolve_end (CsJsonGraph      *self,
                            JsonNode         *edge,
                            const CsJsonPath *path,
                            const char       *member,
                            JsonNode         *value,
                            guint            *index)
{
  g_autofree char *id = NULL;
  gpointer found;

  g_assert (self->nodes_ended);

  if (value == NULL || JSON_NODE_HOLDS_NULL (value))
    {
      cs_json_graph_warn (self, MISSING, edge, path, NULL,
                          /* TRANSLATORS: %s is source or target, the JSON member naming an
                           * end of the edge */
                          _("missing \"%s\"; the edge is left out"), member);
      return FALSE;
    }
  if (self->ends_by_index && cs_json_holds (value, G_TYPE_INT64))
    {
      gint64 i = json_node_get_int (value);

      if (i < 0 || (guint64)i >= self->positions->len ||
          g_array_index (self->positions, guint, i) == CS_JSON_GRAPH_NO_NODE)
        {
          cs_json_graph_warn (self, UNKNOWN_NODE, value, path, member,
                              _("no node at index %lld (the nodes are numbered from 0 to %d); "
                                "the edge is left out"),
                              (long long)i, (int)self->positions->len - 1);
          return FALSE;
        }
      *index = g_array_index (self->positions, guint, i);
      return TRUE;
    }
  if (!cs_json_holds (value, G_TYPE_STRING) && !cs_json_holds (value, G_TYPE_DOUBLE))
    {
      cs_json_graph_warn (self, TYPE, value, path, member,
                          /* TRANSLATORS: %s is a kind of JSON value, such as “an array” */
                          _("expected a node id, found %s; the edge is left out"),
                          cs_json_describe (value));
      return FALSE;
    }
  id = _cs_json_graph_value_text (value);
  if ((found = g_hash_table_lookup (self->ids, id)) == NULL)
    {
      g_autofree char *text = shorten (id);

      cs_json_graph_warn (self, UNKNOWN_NODE, value, path, member,
                          _("unknown node \"%s\"; the edge is left out"), text);
      return FALSE;
    }
  *index = GPOINTER_TO_UINT (found) - 1;
  return TRUE;
}

/**
 * _cs_json_graph_add_edge:
 * @self: a graph whose nodes are all added
 * @edge: (transfer full): an edge with its ends, relation and attributes
 * @id: (transfer full) (nullable): the file's id for it
 * @directed: whether the file says the edge has a direction
 * @at: where it is, for messages
 * @path: its path
 *
 * Adds the edge, saying so when it links a node to itself or repeats
 * another in a file that does not say it is a multigraph.
 */
void
_cs_json_graph_add_edge (CsJsonGraph      *self,
                         CsEdge           *edge,
                         char             *id,
                         gboolean          directed,
                         JsonNode         *at,
                         const CsJsonPath *path)
{
  g_autoptr(CsEdge) owned = edge;
  g_autofree char *original = id;
  guint64 pair;
  guint a = edge->source, b = edge->target;

  g_assert (self->nodes_ended);

  if (a == b)
    cs_json_graph_warn (self, VALUE, at, path, NULL, _("the edge links node \"%s\" to itself"),
                        node_id (self, a));
  if (!directed && a > b)
    {
      a = edge->target;
      b = edge->source;
    }
  pair = ((guint64)a << 32) | b;
  if (g_hash_table_contains (self->pairs, &pair))
    {
      if (!self->multigraph)
        cs_json_graph_warn (self, VALUE, at, path, NULL,
                            _("another edge between \"%s\" and \"%s\"; both are kept"),
                            node_id (self, edge->source), node_id (self, edge->target));
    }
  else
    g_hash_table_add (self->pairs, g_memdup2 (&pair, sizeof pair));

  if (original != NULL && original[0] != '\0')
    {
      if (is_valid_id (original))
        edge->id = g_steal_pointer (&original);
      else if (strlen (original) > MAX_ID_LENGTH)
        {
          warn_long_id (self, original, at, path);
          edge->id = id_from_text (original);
          if (edge->id[0] == '\0')
            g_clear_pointer (&edge->id, g_free);
        }
      else
        {
          CsAttribute *attribute = cs_attribute_new (ORIGINAL_ID);
          CsClaim *claim = cs_claim_new ();

          edge->id = id_from_text (original);
          if (edge->id[0] == '\0')
            g_clear_pointer (&edge->id, g_free);
          count_summary (self, SUMMARY_EDGE_ID_CHANGED, at, original,
                         /* TRANSLATORS: shown as the new id of an edge whose id had
                          * nothing an id can keep, in “… "%s" to "%s" and so on …” */
                         edge->id != NULL ? edge->id : C_("edge id", "none"));
          claim->value = g_steal_pointer (&original);
          cs_attribute_take_claim (attribute, claim);
          cs_edge_take_attribute (edge, attribute);
        }
    }
  cs_graph_builder_take_edge (self->builder, g_steal_pointer (&owned));
}

/* a member_of edge from a node of a group (a compound node's child) to the
 * group's node */
void
_cs_json_graph_add_member_edge (CsJsonGraph *self,
                                guint        member,
                                guint        group)
{
  CsEdge *edge = cs_edge_new ();

  g_assert (self->nodes_ended);

  edge->source = member;
  edge->target = group;
  edge->relation = cs_graph_builder_intern_relation (self->builder, "member_of");
  cs_graph_builder_take_edge (self->builder, edge);
}

/* The end */

static void
add_summary (CsJsonGraph  *self,
             Summary       summary,
             CsImportError code,
             const char   *format,
             ...) G_GNUC_PRINTF (4, 5);

static void
add_summary (CsJsonGraph  *self,
             Summary       summary,
             CsImportError code,
             const char   *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  if (self->summaries[summary].count == 0)
    return;
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (self->problems,
                   cs_problem_new (CS_PROBLEM_WARNING, code,
                                   cs_json_tree_get_offset (self->tree,
                                                            self->summaries[summary].first),
                                   NULL, message));
}

/**
 * _cs_json_graph_finish:
 * @self: a graph read
 *
 * Adds the warnings about many nodes at once and the graph's title,
 * description and date.
 */
void
_cs_json_graph_finish (CsJsonGraph *self)
{
  SummaryCount *s = self->summaries;
  g_autofree char *description = NULL;

  guint n;

  n = s[SUMMARY_NO_LABEL].count;
  add_summary (self, SUMMARY_NO_LABEL, CS_IMPORT_ERROR_MISSING,
               /* TRANSLATORS: label, name, title, Label and Name are JSON
                * members: keep them as they are */
               g_dngettext (GETTEXT_PACKAGE,
                            "%u node has no label (label, name, title, Label or Name); it is "
                            "shown by its id",
                            "%u nodes have no label (label, name, title, Label or Name); they "
                            "are shown by their ids", n),
               n);
  n = s[SUMMARY_NO_ID].count;
  add_summary (self, SUMMARY_NO_ID, CS_IMPORT_ERROR_MISSING,
               /* TRANSLATORS: node-N stands for the ids made: node-0, node-1… */
               g_dngettext (GETTEXT_PACKAGE,
                            "%u node has no id; it is named node-N by its place among the "
                            "nodes, from 0",
                            "%u nodes have no id; they are named node-N by their place among "
                            "the nodes, from 0", n),
               n);
  n = s[SUMMARY_NODE_ID_CHANGED].count;
  add_summary (self, SUMMARY_NODE_ID_CHANGED, CS_IMPORT_ERROR_VALUE,
               /* TRANSLATORS: the %s are the first of the ids changed and
                * what it became; original_id is the name of an attribute:
                * keep it as it is */
               g_dngettext (GETTEXT_PACKAGE,
                            "%u node id is not a Consortia id (letters, digits and _ . : -, "
                            "starting with a letter or digit); it is changed, \"%s\" to "
                            "\"%s\" and so on, and the file's id kept as the attribute "
                            "original_id",
                            "%u node ids are not Consortia ids (letters, digits and _ . : -, "
                            "starting with a letter or digit); they are changed, \"%s\" to "
                            "\"%s\" and so on, and the file's id kept as the attribute "
                            "original_id", n),
               n, s[SUMMARY_NODE_ID_CHANGED].example_from, s[SUMMARY_NODE_ID_CHANGED].example_to);
  n = s[SUMMARY_EDGE_ID_CHANGED].count;
  add_summary (self, SUMMARY_EDGE_ID_CHANGED, CS_IMPORT_ERROR_VALUE,
               /* TRANSLATORS: the %s are the first of the ids changed and
                * what it became; original_id is the name of an attribute:
                * keep it as it is */
               g_dngettext (GETTEXT_PACKAGE,
                            "%u edge id is not a Consortia id; it is changed, \"%s\" to "
                            "\"%s\" and so on, and the file's id kept as the attribute "
                            "original_id",
                            "%u edge ids are not Consortia ids; they are changed, \"%s\" to "
                            "\"%s\" and so on, and the file's id kept as the attribute "
                            "original_id", n),
               n, s[SUMMARY_EDGE_ID_CHANGED].example_from, s[SUMMARY_EDGE_ID_CHANGED].example_to);

  for (guint i = 0; i < self->kinds->len; i++)
    {
      Listed *listed = g_ptr_array_index (self->kinds, i);

      if (listed->count > CS_JSON_GRAPH_MAX_LISTED)
        {
          n = listed->count - CS_JSON_GRAPH_MAX_LISTED;
          cs_problems_add (self->problems, CS_PROBLEM_WARNING, CS_IMPORT_ERROR_VALUE,
                           CS_PROBLEM_NO_OFFSET, NULL,
                           /* TRANSLATORS: %s is the last warning listed, with
                            * where it is */
                           g_dngettext (GETTEXT_PACKAGE,
                                        "%u more warning like this one is not listed: %s",
                                        "%u more warnings like this one are not listed: %s", n),
                           n, listed->last);
        }
    }

  if (self->description != NULL && self->info->len > 0)
    description = g_strconcat (self->description, "\n\n", self->info->str, NULL);
  else if (self->info->len > 0)
    description = g_strdup (self->info->str);
  else
    description = g_strdup (self->description);
  cs_graph_builder_set_metadata (self->builder, self->title, NULL, description, self->date);
}

/* Sniffing */

#define SNIFF_KEY_LENGTH 40
#define SNIFF_MAX_DEPTH  64

struct _CsJsonSniff
{
  char        root;   /* '{', '[' or 0 */
  GHashTable *names;
  char       *cut_in; /* the top-level member being read where the head ends */
};

/* reads the string at @i (its opening quote); returns the index after it
 * and its first SNIFF_KEY_LENGTH bytes in @text */
static gsize
sniff_string (const char *head,
              gsize       length,
              gsize       i,
              GString    *text)
{
  g_string_truncate (text, 0);
  for (i++; i < length && head[i] != '"'; i++)
    {
      if (head[i] == '\\')
        i++;
      else if (text->len < SNIFF_KEY_LENGTH)
        g_string_append_c (text, head[i]);
    }
  return i + 1;
}

CsJsonSniff *
_cs_json_sniff_new (const char *head,
                    gsize       length)
{
  CsJsonSniff *self = g_new0 (CsJsonSniff, 1);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *member = NULL; /* the top-level member being read */
  char kinds[SNIFF_MAX_DEPTH];    /* '{' or '[' per open container */
  guint elements[SNIFF_MAX_DEPTH]; /* per open array: elements begun so far */
  gboolean expect_key = FALSE;
  guint depth = 0;
  gsize i = cs_problems_bom_length (head, length);

  self->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  while (i < length && g_ascii_isspace (head[i]))
    i++;
  if (i >= length || (head[i] != '{' && head[i] != '['))
    return self;
  self->root = head[i];

  while (i < length)
    {
      char c = head[i];

      if (c == '{' || c == '[')
        {
          if (depth >= SNIFF_MAX_DEPTH)
            break;
          kinds[depth] = c;
          elements[depth] = 0;
          depth++;
          expect_key = c == '{';
          i++;
        }
      else if (c == '}' || c == ']')
        {
          if (depth == 0)
            break;
          depth--;
          if (depth == 0)
            break;
          i++;
        }
      else if (c == ',')
        {
          if (depth > 0 && kinds[depth - 1] == '[')
            elements[depth - 1]++;
          expect_key = depth > 0 && kinds[depth - 1] == '{';
          i++;
        }
      else if (c == ':')
        {
          expect_key = FALSE;
          i++;
        }
      else if (c == '"')
        {
          i = sniff_string (head, length, i, text);
          if (!expect_key)
            continue;
          expect_key = FALSE;
          /* which object this key is in: the root, a member of the root,
           * or the first element of the root or of a member of it */
          if (depth == 1)
            {
              g_free (member);
              member = g_strdup (text->str);
              g_hash_table_add (self->names, g_strdup (text->str));
            }
          else if (depth == 2 && self->root == '[' && elements[0] == 0)
            g_hash_table_add (self->names, g_strconcat ("[0].", text->str, NULL));
          else if (depth == 2 && member != NULL)
            g_hash_table_add (self->names, g_strconcat (member, ".", text->str, NULL));
          else if (depth == 3 && member != NULL && kinds[1] == '[' && elements[1] == 0)
            g_hash_table_add (self->names, g_strconcat (member, "[0].", text->str, NULL));
        }
      else
        i++;
    }
  if (i >= length && depth >= 2 && self->root == '{' && member != NULL)
    self->cut_in = g_steal_pointer (&member);
  return self;
}

void
_cs_json_sniff_free (CsJsonSniff *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->names, g_hash_table_unref);
  g_free (self->cut_in);
  g_free (self);
}

gboolean
_cs_json_sniff_is_object (CsJsonSniff *self)
{
  return self->root == '{';
}

gboolean
_cs_json_sniff_is_array (CsJsonSniff *self)
{
  return self->root == '[';
}

gboolean
_cs_json_sniff_has (CsJsonSniff *self,
                    const char  *name)
{
  return g_hash_table_contains (self->names, name);
}

/* whether the head ends inside the top-level @member: what follows it was
 * not seen */
gboolean
_cs_json_sniff_cut_in (CsJsonSniff *self,
                       const char  *member)
{
  return g_strcmp0 (self->cut_in, member) == 0;
}
