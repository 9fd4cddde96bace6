/* cs-json-tree.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-json-tree.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

/* A document is parsed once, as fast as json-glib parses: most files have
 * no problem, and need no positions. The first time a position is asked
 * for (a problem to report), the text is parsed once more with json-glib's
 * signals, which give every value's offset, and the two trees (the same
 * shape) are walked side by side to put the offsets on the first. Every
 * position is then a table lookup: nothing is searched for per problem. */
struct _CsJsonTree
{
  JsonParser  *parser;
  const char  *data;          /* the JSON text, after a byte order mark */
  gsize        length;
  gsize        skipped;       /* the mark's length: offsets count from the file's start */
  GHashTable  *offsets;       /* JsonNode* → byte offset in the text + 1 */
};

/* the second parse, with positions */
typedef struct
{
  JsonParser   *parser;
  const char   *data;
  gsize         length;
  GArray       *line_starts;   /* byte offset of each line, for the scanner's line:column */
  GHashTable   *offsets;       /* JsonNode* of this parse → byte offset + 1 */
  GArray       *open;          /* offsets of the containers being read */
  gsize         closed_offset; /* the container read last, whose node comes next */
  gconstpointer closed;        /* its JsonObject or JsonArray */
} Positions;

/* json-glib's scanner gives the line and byte column of the last character
 * it took; the line starts turn that into an offset at once. */
static gsize
scanner_offset (Positions *self)
{
  guint line = json_parser_get_current_line (self->parser);
  guint column = json_parser_get_current_pos (self->parser);
  gsize offset;

  if (line == 0 || line > self->line_starts->len)
    return self->length > 0 ? self->length - 1 : 0;
  offset = g_array_index (self->line_starts, gsize, line - 1) + (column > 0 ? column - 1 : 0);
  return MIN (offset, self->length > 0 ? self->length - 1 : 0);
}

/* The scanner stands on or just past the end of the scalar it read (the
 * comma or bracket after it): walk back to where the scalar starts. The
 * walk covers the scalar and the punctuation after it, so reading every
 * value costs the file's length once. */
static gsize
scalar_start (Positions *self,
              gsize      i,
              gsize      floor)
{
  const char *d = self->data;

  while (i > floor && strchr (" \t\r\n,}]:", d[i]) != NULL)
    i--;

  if (d[i] == '"')
    {
      /* the opening quote: one not escaped by an odd run of backslashes */
      while (i > floor)
        {
          i--;
          if (d[i] == '"')
            {
              gsize backslashes = 0;

              while (i - backslashes > floor && d[i - backslashes - 1] == '\\')
                backslashes++;
              if (backslashes % 2 == 0)
                break;
            }
        }
    }
  else
    {
      while (i > floor && (g_ascii_isalnum (d[i - 1]) || strchr ("+-.", d[i - 1]) != NULL))
        i--;
    }
  return i;
}

static void
remember (Positions *self,
          JsonNode  *node)
{
  gsize offset;

  if (node == NULL)
    return;

  if ((JSON_NODE_HOLDS_OBJECT (node) && json_node_get_object (node) == self->closed) ||
      (JSON_NODE_HOLDS_ARRAY (node) && json_node_get_array (node) == self->closed))
    offset = self->closed_offset;
  else
    {
      gsize floor = self->open->len > 0
                        ? g_array_index (self->open, gsize, self->open->len - 1)
                        : 0;

      offset = scalar_start (self, scanner_offset (self), floor);
    }
  g_hash_table_insert (self->offsets, node, GSIZE_TO_POINTER (offset + 1));
}

static void
container_start_cb (JsonParser *parser,
                    Positions  *self)
{
  gsize offset = scanner_offset (self);

  g_array_append_val (self->open, offset);
}

static void
container_end_cb (JsonParser    *parser,
                  gconstpointer  container,
                  Positions     *self)
{
  if (self->open->len == 0)
    return;
  self->closed_offset = g_array_index (self->open, gsize, self->open->len - 1);
  self->closed = container;
  g_array_set_size (self->open, self->open->len - 1);
}

static void
object_member_cb (JsonParser *parser,
                  JsonObject *object,
                  const char *member,
                  Positions  *self)
{
  remember (self, json_object_get_member (object, member));
}

static void
array_element_cb (JsonParser *parser,
                  JsonArray  *array,
                  int         index,
                  Positions  *self)
{
  remember (self, json_array_get_element (array, index));
}

/* Checks before parsing: json-glib rejects invalid UTF-8 without saying
 * where, and recurses once per level of nesting with no limit of its own
 * (1.6 overflows the stack near 100,000 levels). */

static gboolean
check_encoding (CsJsonTree *self,
                GPtrArray  *problems)
{
  const guchar *d = (const guchar *)self->data;
  const char *end = NULL;
  const guchar *nul;

  if (self->length >= 2 && ((d[0] == 0xff && d[1] == 0xfe) || (d[0] == 0xfe && d[1] == 0xff)))
    {
      cs_problems_add (problems, CS_PROBLEM_ERROR, CS_IMPORT_ERROR_ENCODING, 0, NULL,
                       _("the file is UTF-16 encoded; save it as UTF-8"));
      return FALSE;
    }

  nul = memchr (d, '\0', self->length);
  if (nul != NULL)
    {
      cs_problems_add (problems, CS_PROBLEM_ERROR, CS_IMPORT_ERROR_ENCODING, CS_PROBLEM_NO_OFFSET,
                       NULL,
                       _("the file contains a NUL byte at offset %zu (UTF-16 or UTF-32 "
                         "text, or not a text file); save it as UTF-8"),
                       (size_t)(self->skipped + (gsize)(nul - d)));
      return FALSE;
    }

  if (!g_utf8_validate (self->data, self->length, &end))
    {
      gsize offset = end - self->data;

      cs_problems_add (problems, CS_PROBLEM_ERROR, CS_IMPORT_ERROR_ENCODING,
                       self->skipped + offset, NULL,
                       _("invalid UTF-8 (byte 0x%02x at offset %zu)"), d[offset],
                       (size_t)(self->skipped + offset));
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_depth (CsJsonTree *self,
             GPtrArray  *problems)
{
  gboolean in_string = FALSE;
  guint depth = 0;

  for (gsize i = 0; i < self->length; i++)
    {
      char c = self->data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > CS_JSON_MAX_DEPTH)
            {
              cs_problems_add (problems, CS_PROBLEM_ERROR, CS_IMPORT_ERROR_TOO_DEEP,
                               self->skipped + i, NULL, _("nesting deeper than %d levels"),
                               CS_JSON_MAX_DEPTH);
              return FALSE;
            }
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }
  return TRUE;
}

static GArray *
find_line_starts (const char *data,
                  gsize       length)
{
  GArray *line_starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  gsize zero = 0;

  g_array_append_val (line_starts, zero);
  for (const char *p = data, *end = data + length; (p = memchr (p, '\n', end - p)) != NULL;)
    {
      gsize next = ++p - data;

      g_array_append_val (line_starts, next);
    }
  return line_starts;
}

/* json-glib says "<data>:LINE:COL: Parse error: what", "Parse error" in
 * the user's language */
static void
add_syntax_problem (CsJsonTree   *self,
                    const GError *error,
                    GPtrArray    *problems)
{
  g_autoptr(GArray) line_starts = find_line_starts (self->data, self->length);
  const char *message = error->message;
  const char *what = strstr (message, "Parse error: ");
  gsize offset = CS_PROBLEM_NO_OFFSET;
  guint line = 0;
  guint column = 0;
  int end = 0;

  if (what != NULL)
    what += strlen ("Parse error: ");
  if (g_str_has_prefix (message, "<data>:") &&
      sscanf (message + strlen ("<data>:"), "%u:%u: %n", &line, &column, &end) == 2 &&
      line > 0 && line <= line_starts->len)
    {
      offset = g_array_index (line_starts, gsize, line - 1) + (column > 0 ? column - 1 : 0);
      offset = MIN (offset, self->length > 0 ? self->length - 1 : 0);
      /* a translated "Parse error" ends at the first ": " after the place */
      if (what == NULL && end > 0)
        {
          what = strstr (message + strlen ("<data>:") + end, ": ");
          if (what != NULL)
            what += 2;
        }
    }
  cs_problems_add (problems, CS_PROBLEM_ERROR, CS_IMPORT_ERROR_SYNTAX,
                   offset != CS_PROBLEM_NO_OFFSET ? self->skipped + offset : offset, NULL,
                   /* TRANSLATORS: %s is json-glib's message saying what is wrong */
                   _("not valid JSON: %s"), what != NULL ? what : message);
}

/**
 * cs_json_tree_parse:
 * @data: the text, which must outlive the tree; a leading byte order mark
 *   is skipped, and offsets still count from @data
 * @length: its length in bytes
 * @problems: (element-type CsProblem): receives the problem when the text
 *   is not JSON
 *
 * Parses @data with json-glib. Linear in @length; positions cost nothing
 * until one is asked for (cs_json_tree_get_offset()). Thread safe.
 *
 * Returns: (transfer full) (nullable): the tree, or %NULL with a problem
 */
CsJsonTree *
cs_json_tree_parse (const char *data,
                    gsize       length,
                    GPtrArray  *problems)
{
  g_autoptr(CsJsonTree) self = g_new0 (CsJsonTree, 1);
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (problems != NULL, NULL);

  data = data != NULL ? data : "";
  /* a UTF-8 byte order mark is harmless: skip it */
  self->skipped = cs_problems_bom_length (data, length);
  self->data = data + self->skipped;
  self->length = length - self->skipped;

  if (!check_depth (self, problems))
    return NULL;

  self->parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (self->parser, self->data, self->length, &error))
    {
      /* say where and what for text json-glib rejects as a whole */
      if (check_encoding (self, problems))
        add_syntax_problem (self, error, problems);
      return NULL;
    }
  if (json_parser_get_root (self->parser) == NULL)
    {
      cs_problems_add (problems, CS_PROBLEM_ERROR, CS_IMPORT_ERROR_EMPTY, CS_PROBLEM_NO_OFFSET,
                       NULL, _("the file holds no JSON value"));
      return NULL;
    }
  return g_steal_pointer (&self);
}

/* puts the offsets of the second parse's nodes on the first's: the trees
 * have the same shape, members the same names */
static void
copy_offsets (CsJsonTree *self,
              Positions  *positions,
              JsonNode   *ours,
              JsonNode   *theirs)
{
  gpointer offset;

  if (ours == NULL || theirs == NULL || JSON_NODE_TYPE (ours) != JSON_NODE_TYPE (theirs))
    return;
  offset = g_hash_table_lookup (positions->offsets, theirs);
  if (offset != NULL)
    g_hash_table_insert (self->offsets, ours, offset);

  if (JSON_NODE_HOLDS_OBJECT (ours))
    {
      JsonObject *a = json_node_get_object (ours);
      JsonObject *b = json_node_get_object (theirs);
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;

      json_object_iter_init (&iter, a);
      while (json_object_iter_next (&iter, &name, &member))
        copy_offsets (self, positions, member, json_object_get_member (b, name));
    }
  else if (JSON_NODE_HOLDS_ARRAY (ours))
    {
      JsonArray *a = json_node_get_array (ours);
      JsonArray *b = json_node_get_array (theirs);
      guint n = MIN (json_array_get_length (a), json_array_get_length (b));

      for (guint i = 0; i < n; i++)
        copy_offsets (self, positions, json_array_get_element (a, i),
                      json_array_get_element (b, i));
    }
}

static void
find_offsets (CsJsonTree *self)
{
  Positions positions = {
    .data = self->data,
    .length = self->length,
  };

  self->offsets = g_hash_table_new (NULL, NULL);
  positions.line_starts = find_line_starts (self->data, self->length);
  positions.offsets = g_hash_table_new (NULL, NULL);
  positions.open = g_array_new (FALSE, FALSE, sizeof (gsize));
  positions.parser = json_parser_new_immutable ();
  g_signal_connect (positions.parser, "object-start", G_CALLBACK (container_start_cb), &positions);
  g_signal_connect (positions.parser, "array-start", G_CALLBACK (container_start_cb), &positions);
  g_signal_connect (positions.parser, "object-end", G_CALLBACK (container_end_cb), &positions);
  g_signal_connect (positions.parser, "array-end", G_CALLBACK (container_end_cb), &positions);
  g_signal_connect (positions.parser, "object-member", G_CALLBACK (object_member_cb), &positions);
  g_signal_connect (positions.parser, "array-element", G_CALLBACK (array_element_cb), &positions);

  /* the same text parsed a moment ago: it parses again */
  if (json_parser_load_from_data (positions.parser, self->data, self->length, NULL) &&
      json_parser_get_root (positions.parser) != NULL)
    {
      /* the root has no member or element signal of its own */
      remember (&positions, json_parser_get_root (positions.parser));
      copy_offsets (self, &positions, json_parser_get_root (self->parser),
                    json_parser_get_root (positions.parser));
    }

  g_object_unref (positions.parser);
  g_hash_table_unref (positions.offsets);
  g_array_unref (positions.open);
  g_array_unref (positions.line_starts);
}

void
cs_json_tree_free (CsJsonTree *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->parser);
  g_clear_pointer (&self->offsets, g_hash_table_unref);
  g_free (self);
}

/**
 * cs_json_tree_get_root:
 * @self: a tree
 *
 * Returns: (transfer none): the top-level value
 */
JsonNode *
cs_json_tree_get_root (CsJsonTree *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return json_parser_get_root (self->parser);
}

/**
 * cs_json_tree_get_offset:
 * @self: a tree
 * @node: (nullable): a value of the tree
 *
 * The first call parses the text once more, for every value's offset; the
 * others look them up.
 *
 * Returns: where @node starts (its first byte, or its opening bracket), or
 *   %CS_PROBLEM_NO_OFFSET
 */
gsize
cs_json_tree_get_offset (CsJsonTree *self,
                         JsonNode   *node)
{
  gpointer value;

  g_return_val_if_fail (self != NULL, CS_PROBLEM_NO_OFFSET);

  if (node == NULL)
    return CS_PROBLEM_NO_OFFSET;
  if (self->offsets == NULL)
    find_offsets (self);
  if ((value = g_hash_table_lookup (self->offsets, node)) == NULL)
    return CS_PROBLEM_NO_OFFSET;
  return self->skipped + GPOINTER_TO_SIZE (value) - 1;
}

static void
append_path (GString          *str,
             const CsJsonPath *path)
{
  if (path == NULL)
    return;
  append_path (str, path->parent);
  if (path->member != NULL)
    g_string_append_printf (str, "%s%s", str->len > 0 ? "." : "", path->member);
  else
    g_string_append_printf (str, "[%u]", path->index);
}

/**
 * cs_json_path_to_string:
 * @path: (nullable): a path
 * @member: (nullable): a member to add after it
 *
 * Returns: (transfer full) (nullable): the path as `edges[12].target`, or
 *   %NULL for the top level
 */
char *
cs_json_path_to_string (const CsJsonPath *path,
                        const char       *member)
{
  GString *str = g_string_new (NULL);

  append_path (str, path);
  if (member != NULL)
    g_string_append_printf (str, "%s%s", str->len > 0 ? "." : "", member);
  if (str->len == 0)
    {
      g_string_free (str, TRUE);
      return NULL;
    }
  return g_string_free (str, FALSE);
}

/**
 * cs_json_describe:
 * @node: (nullable): a value
 *
 * Returns: what @node is, for messages: "a string", "an array", "null"
 *   (translated)
 */
const char *
cs_json_describe (JsonNode *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    /* TRANSLATORS: the JSON values below are what a file gives where another
     * kind of value is expected; each fills a %s of a message like “expected
     * a number, found %s” or “expected %s, found %s” */
    return C_("JSON value", "null");
  if (JSON_NODE_HOLDS_OBJECT (node))
    return C_("JSON value", "an object");
  if (JSON_NODE_HOLDS_ARRAY (node))
    return C_("JSON value", "an array");
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return C_("JSON value", "a string");
    case G_TYPE_BOOLEAN:
      return C_("JSON value", "a boolean");
    case G_TYPE_INT64:
    case G_TYPE_DOUBLE:
      return C_("JSON value", "a number");
    default:
      return C_("JSON value", "a value");
    }
}

/**
 * cs_json_holds:
 * @node: (nullable): a value
 * @type: %G_TYPE_STRING, %G_TYPE_BOOLEAN, %G_TYPE_INT64, or %G_TYPE_DOUBLE
 *   for any number
 *
 * Returns: %TRUE when @node is a scalar of that type
 */
gboolean
cs_json_holds (JsonNode *node,
               GType     type)
{
  GType held;

  if (node == NULL)
    return FALSE;
  /* one call: containers answer with their boxed types, null with none */
  held = json_node_get_value_type (node);
  if (type == G_TYPE_DOUBLE)
    return held == G_TYPE_DOUBLE || held == G_TYPE_INT64;
  return held == type;
}
