/* cs-graph-loader.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-graph-loader.h"
#include "cs-graph-private.h"

#include <json-glib/json-glib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

G_DEFINE_QUARK (cs-graph-loader-error-quark, cs_graph_loader_error)

#define FORMAT_NAME     "consortia-graph"
#define FORMAT_VERSION  1
#define MAX_ID_LENGTH   200

typedef struct
{
  const char *data;
  gsize       length;
  const char *display_name;
  GArray     *line_starts;  /* byte offset of each line */
  GHashTable *positions;    /* JsonNode/JsonObject/JsonArray* → packed line:col */
  GArray     *open_stack;   /* packed positions of unclosed containers */
  GPtrArray  *problems;     /* CsProblem */
  CsGraph    *graph;
  gboolean    check_sources;
} Loader;

static guint64
pack_position (guint line,
               guint column)
{
  return ((guint64)line << 32) | column;
}

static void
problem_add (Loader             *loader,
             CsProblemSeverity   severity,
             CsGraphLoaderError  code,
             guint64             position,
             const char         *path,
             const char         *format,
             ...) G_GNUC_PRINTF (6, 7);

static void
problem_add (Loader             *loader,
             CsProblemSeverity   severity,
             CsGraphLoaderError  code,
             guint64             position,
             const char         *path,
             const char         *format,
             ...)
{
  CsProblem *problem = g_new0 (CsProblem, 1);
  va_list args;

  va_start (args, format);
  problem->message = g_strdup_vprintf (format, args);
  va_end (args);
  problem->severity = severity;
  problem->code = code;
  problem->line = position >> 32;
  problem->column = position & 0xffffffff;
  problem->path = g_strdup (path);
  g_ptr_array_add (loader->problems, problem);
}

#define error_at(loader, code, pos, path, ...) \
  problem_add (loader, CS_PROBLEM_ERROR, CS_GRAPH_LOADER_ERROR_##code, pos, path, __VA_ARGS__)
#define warning_at(loader, code, pos, path, ...) \
  problem_add (loader, CS_PROBLEM_WARNING, CS_GRAPH_LOADER_ERROR_##code, pos, path, __VA_ARGS__)

static guint64 position_of (Loader        *loader,
                            gconstpointer  json);

/* A problem with @member of @object, placed at the member's value. */
static void
member_problem (Loader             *loader,
                CsGraphLoaderError  code,
                JsonObject         *object,
                const char         *path,
                const char         *member,
                const char         *format,
                ...) G_GNUC_PRINTF (6, 7);

static void
member_problem (Loader             *loader,
                CsGraphLoaderError  code,
                JsonObject         *object,
                const char         *path,
                const char         *member,
                const char         *format,
                ...)
{
  g_autofree char *message = NULL;
  g_autofree char *mpath = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  mpath = (path == NULL || path[0] == '\0') ? g_strdup (member)
                                            : g_strdup_printf ("%s.%s", path, member);
  problem_add (loader, CS_PROBLEM_ERROR, code,
               position_of (loader, json_object_get_member (object, member)), mpath, "%s", message);
}

#define member_error(loader, code, object, path, member, ...) \
  member_problem (loader, CS_GRAPH_LOADER_ERROR_##code, object, path, member, __VA_ARGS__)

void
cs_problem_free (CsProblem *problem)
{
  if (problem == NULL)
    return;

  g_free (problem->path);
  g_free (problem->message);
  g_free (problem);
}

/**
 * cs_problem_to_string:
 * @problem: a #CsProblem
 * @display_name: (nullable): the file name to start the text with
 *
 * Formats @problem as `FILE:LINE:COL: PATH: message`, leaving out the parts
 * that are unknown.
 *
 * Returns: (transfer full): the text
 */
char *
cs_problem_to_string (const CsProblem *problem,
                      const char      *display_name)
{
  GString *str;

  g_return_val_if_fail (problem != NULL, NULL);

  str = g_string_new (display_name);
  if (problem->line > 0)
    g_string_append_printf (str, "%s%u:%u", str->len ? ":" : "", problem->line, problem->column);
  if (str->len > 0)
    g_string_append (str, ": ");
  if (problem->severity == CS_PROBLEM_WARNING)
    g_string_append (str, "warning: ");
  if (problem->path != NULL && problem->path[0] != '\0')
    g_string_append_printf (str, "%s: ", problem->path);
  g_string_append (str, problem->message);

  return g_string_free (str, FALSE);
}

/* Text positions. GScanner reports 1-based byte columns; users' editors count
 * characters, so columns are converted once the text is known to be UTF-8. */

static void
compute_line_starts (Loader *loader)
{
  gsize zero = 0;

  loader->line_starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_array_append_val (loader->line_starts, zero);
  for (gsize i = 0; i < loader->length; i++)
    {
      if (loader->data[i] == '\n')
        {
          gsize next = i + 1;

          g_array_append_val (loader->line_starts, next);
        }
    }
}

static guint64
position_from_offset (Loader *loader,
                      gsize   offset)
{
  guint lo = 0;
  guint hi = loader->line_starts->len;
  gsize start;

  /* last line start <= offset */
  while (hi - lo > 1)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (loader->line_starts, gsize, mid) <= offset)
        lo = mid;
      else
        hi = mid;
    }
  start = g_array_index (loader->line_starts, gsize, lo);
  return pack_position (lo + 1, g_utf8_strlen (loader->data + start, offset - start) + 1);
}

static gsize
offset_from_scanner (Loader *loader,
                     guint   line,
                     guint   byte_column)
{
  gsize offset;

  if (line == 0 || line > loader->line_starts->len)
    return loader->length;
  offset = g_array_index (loader->line_starts, gsize, line - 1) +
           (byte_column > 0 ? byte_column - 1 : 0);
  return MIN (offset, loader->length > 0 ? loader->length - 1 : 0);
}

/* The scanner stands at or just after the end of a scalar it has read; walk
 * back to where the scalar starts so the column points at the value. */
static guint64
scalar_start_position (Loader *loader,
                       guint   line,
                       guint   byte_column)
{
  const char *d = loader->data;
  gsize line_start;
  gsize i;

  if (loader->length == 0 || line == 0 || line > loader->line_starts->len)
    return pack_position (line, byte_column);

  line_start = g_array_index (loader->line_starts, gsize, line - 1);
  i = offset_from_scanner (loader, line, byte_column);
  while (i > line_start && strchr (" \t\r\n,}]:", d[i]) != NULL)
    i--;

  if (d[i] == '"')
    {
      /* find the opening quote: a quote not escaped by an odd run of '\' */
      while (i > line_start)
        {
          gsize backslashes = 0;

          i--;
          while (i - backslashes > line_start && d[i - backslashes - 1] == '\\')
            backslashes++;
          if (d[i] == '"' && backslashes % 2 == 0)
            break;
        }
    }
  else
    {
      while (i > line_start && (g_ascii_isalnum (d[i - 1]) || strchr ("+-.", d[i - 1]) != NULL))
        i--;
    }

  return position_from_offset (loader, i);
}

static guint64
position_of (Loader        *loader,
             gconstpointer  json)
{
  gpointer value;

  if (json != NULL && g_hash_table_lookup_extended (loader->positions, json, NULL, &value))
    return *(guint64 *)value;
  return 0;
}

static void
remember_position (Loader        *loader,
                   gconstpointer  json,
                   guint64        position)
{
  guint64 *value = g_new (guint64, 1);

  *value = position;
  g_hash_table_replace (loader->positions, (gpointer)json, value);
}

static void
parser_container_start_cb (JsonParser *parser,
                           Loader     *loader)
{
  guint line = json_parser_get_current_line (parser);
  guint column = json_parser_get_current_pos (parser);
  guint64 position = position_from_offset (loader, offset_from_scanner (loader, line, column));

  g_array_append_val (loader->open_stack, position);
}

static void
parser_container_end_cb (JsonParser *parser,
                         gpointer    container,
                         Loader     *loader)
{
  guint64 position = 0;

  if (loader->open_stack->len > 0)
    {
      position = g_array_index (loader->open_stack, guint64, loader->open_stack->len - 1);
      g_array_set_size (loader->open_stack, loader->open_stack->len - 1);
    }
  remember_position (loader, container, position);
}

static void
remember_value (Loader     *loader,
                JsonParser *parser,
                JsonNode   *node)
{
  guint64 position;

  if (node == NULL)
    return;

  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      position = position_of (loader, json_node_get_object (node));
      break;

    case JSON_NODE_ARRAY:
      position = position_of (loader, json_node_get_array (node));
      break;

    case JSON_NODE_VALUE:
    case JSON_NODE_NULL:
    default:
      position = scalar_start_position (loader,
                                        json_parser_get_current_line (parser),
                                        json_parser_get_current_pos (parser));
      break;
    }
  remember_position (loader, node, position);
}

static void
parser_object_member_cb (JsonParser *parser,
                         JsonObject *object,
                         const char *member,
                         Loader     *loader)
{
  remember_value (loader, parser, json_object_get_member (object, member));
}

static void
parser_array_element_cb (JsonParser *parser,
                         JsonArray  *array,
                         int         index,
                         Loader     *loader)
{
  remember_value (loader, parser, json_array_get_element (array, index));
}

/* Checks before parsing: json-glib recurses once per nesting level and has no
 * limit of its own, and it rejects non-UTF-8 input without saying where. */

static gboolean
check_encoding (Loader *loader)
{
  const guchar *d = (const guchar *)loader->data;
  const char *end = NULL;

  if (loader->length >= 2 && ((d[0] == 0xff && d[1] == 0xfe) || (d[0] == 0xfe && d[1] == 0xff)))
    {
      error_at (loader, ENCODING, pack_position (1, 1), NULL,
                "the file is UTF-16 encoded; save it as UTF-8");
      return FALSE;
    }

  if (memchr (d, '\0', loader->length) != NULL)
    {
      gsize offset = (const guchar *)memchr (d, '\0', loader->length) - d;

      error_at (loader, ENCODING, 0, NULL,
                "the file contains a NUL byte at offset %" G_GSIZE_FORMAT
                " (UTF-16 or UTF-32 text, or not a text file); save it as UTF-8",
                offset);
      return FALSE;
    }

  if (!g_utf8_validate (loader->data, loader->length, &end))
    {
      gsize offset = end - loader->data;
      gsize line_start = 0;
      guint line = 1;

      for (gsize i = 0; i < offset; i++)
        {
          if (loader->data[i] == '\n')
            {
              line++;
              line_start = i + 1;
            }
        }
      error_at (
          loader, ENCODING,
          pack_position (line, g_utf8_strlen (loader->data + line_start, offset - line_start) + 1),
          NULL, "invalid UTF-8 (byte 0x%02x at offset %" G_GSIZE_FORMAT ")", d[offset], offset);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_depth (Loader *loader)
{
  gboolean in_string = FALSE;
  guint depth = 0;

  for (gsize i = 0; i < loader->length; i++)
    {
      char c = loader->data[i];

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
          if (++depth > CS_GRAPH_LOADER_MAX_DEPTH)
            {
              error_at (loader, TOO_DEEP, position_from_offset (loader, i), NULL,
                        "nesting deeper than %d levels", CS_GRAPH_LOADER_MAX_DEPTH);
              return FALSE;
            }
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }

  return TRUE;
}

/* Turns json-glib's "<data>:LINE:COL: Parse error: what" into a problem with a
 * character column. */
static void
add_syntax_problem (Loader       *loader,
                    const GError *error)
{
  const char *message = error->message;
  const char *what = strstr (message, "Parse error: ");
  guint line = 0;
  guint column = 0;
  const char *colon;

  if (g_str_has_prefix (message, "<data>:"))
    {
      if (sscanf (message + strlen ("<data>:"), "%u:%u:", &line, &column) != 2)
        line = column = 0;
    }
  colon = what != NULL ? what + strlen ("Parse error: ") : message;

  error_at (loader, SYNTAX,
            line > 0 ? position_from_offset (loader, offset_from_scanner (loader, line, column))
                     : 0,
            NULL, "not valid JSON: %s", colon);
}

/* Value checks */

static const char *
json_kind (JsonNode *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return "null";
  if (JSON_NODE_HOLDS_OBJECT (node))
    return "an object";
  if (JSON_NODE_HOLDS_ARRAY (node))
    return "an array";
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return "a string";
    case G_TYPE_BOOLEAN:
      return "a boolean";
    case G_TYPE_INT64:
    case G_TYPE_DOUBLE:
      return "a number";
    default:
      return "a value";
    }
}

static gboolean
node_is_type (JsonNode *node,
              GType     type)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  if (type == G_TYPE_DOUBLE)
    return json_node_get_value_type (node) == G_TYPE_DOUBLE ||
           json_node_get_value_type (node) == G_TYPE_INT64;
  return json_node_get_value_type (node) == type;
}

static char *
member_path (const char *parent,
             const char *member)
{
  if (parent == NULL || parent[0] == '\0')
    return g_strdup (member);
  return g_strdup_printf ("%s.%s", parent, member);
}

static char *
element_path (const char *parent,
              guint       index)
{
  return g_strdup_printf ("%s[%u]", parent, index);
}

static void
check_members (Loader            *loader,
               JsonObject        *object,
               const char        *path,
               const char *const *allowed)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (const GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;

      if (!g_strv_contains (allowed, name))
        {
          g_autofree char *mpath = member_path (path, name);

          error_at (loader, UNKNOWN_MEMBER,
                    position_of (loader, json_object_get_member (object, name)), mpath,
                    "unknown member \"%s\"", name);
        }
    }
}

/* Reads an optional string member; returns FALSE (with a problem) when it is
 * present but not a string, or empty when @non_empty. */
static gboolean
get_string (Loader      *loader,
            JsonObject  *object,
            const char  *path,
            const char  *member,
            gboolean     required,
            gboolean     non_empty,
            const char **out)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autofree char *mpath = member_path (path, member);

  *out = NULL;
  if (node == NULL)
    {
      if (required)
        error_at (loader, MISSING, position_of (loader, object), path,
                  "missing \"%s\"", member);
      return !required;
    }
  if (!node_is_type (node, G_TYPE_STRING))
    {
      error_at (loader, TYPE, position_of (loader, node), mpath,
                "expected a string, found %s", json_kind (node));
      return FALSE;
    }
  *out = json_node_get_string (node);
  if (non_empty && **out == '\0')
    {
      error_at (loader, VALUE, position_of (loader, node), mpath, "must not be empty");
      *out = NULL;
      return FALSE;
    }
  return TRUE;
}

static gboolean
get_number (Loader     *loader,
            JsonObject *object,
            const char *path,
            const char *member,
            gboolean   *present,
            double     *out)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autofree char *mpath = member_path (path, member);

  /* present even when invalid: the caller's "x without y" check is about
   * what the file says, not about what could be read */
  *present = node != NULL;
  if (node == NULL)
    return TRUE;
  if (!node_is_type (node, G_TYPE_DOUBLE))
    {
      error_at (loader, TYPE, position_of (loader, node), mpath,
                "expected a number, found %s", json_kind (node));
      return FALSE;
    }
  *out = json_node_get_double (node);
  if (!isfinite (*out))
    {
      error_at (loader, NON_FINITE, position_of (loader, node), mpath,
                "number is too large to be finite");
      return FALSE;
    }
  return TRUE;
}

/* A member that must hold an array or an object; NULL when it is missing
 * (a problem when @required) or of another kind (always a problem). */
static JsonNode *
get_container (Loader       *loader,
               JsonObject   *object,
               const char   *path,
               const char   *member,
               gboolean      required,
               JsonNodeType  type)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL)
    {
      if (required)
        error_at (loader, MISSING, position_of (loader, object), path, "missing \"%s\"", member);
      return NULL;
    }
  if (JSON_NODE_TYPE (node) != type)
    {
      g_autofree char *mpath = member_path (path, member);

      error_at (loader, TYPE, position_of (loader, node), mpath, "expected %s, found %s",
                type == JSON_NODE_ARRAY ? "an array" : "an object", json_kind (node));
      return NULL;
    }
  return node;
}

static JsonArray *
get_array (Loader     *loader,
           JsonObject *object,
           const char *path,
           const char *member,
           gboolean    required)
{
  JsonNode *node = get_container (loader, object, path, member, required, JSON_NODE_ARRAY);

  return node != NULL ? json_node_get_array (node) : NULL;
}

static JsonObject *
get_object (Loader     *loader,
            JsonObject *object,
            const char *path,
            const char *member)
{
  JsonNode *node = get_container (loader, object, path, member, FALSE, JSON_NODE_OBJECT);

  return node != NULL ? json_node_get_object (node) : NULL;
}

static JsonObject *
expect_object (Loader     *loader,
               JsonNode   *element,
               const char *path,
               const char *what)
{
  if (JSON_NODE_HOLDS_OBJECT (element))
    return json_node_get_object (element);
  error_at (loader, TYPE, position_of (loader, element), path, "expected %s, found %s", what,
            json_kind (element));
  return NULL;
}

static gboolean is_valid_id (const char *id);

static gboolean
get_id (Loader      *loader,
        JsonObject  *object,
        const char  *path,
        gboolean     required,
        const char **out)
{
  if (!get_string (loader, object, path, "id", required, TRUE, out))
    return FALSE;
  if (*out != NULL && !is_valid_id (*out))
    {
      member_error (loader, VALUE, object, path, "id",
                    "invalid id \"%s\" (use letters, digits and _ . : -, starting with a letter or "
                    "digit, at most %d characters)", *out, MAX_ID_LENGTH);
      *out = NULL;
      return FALSE;
    }
  return TRUE;
}

static gboolean
is_valid_id (const char *id)
{
  gsize len = strlen (id);

  if (len == 0 || len > MAX_ID_LENGTH || !g_ascii_isalnum (id[0]))
    return FALSE;
  for (const char *p = id; *p; p++)
    {
      if (!g_ascii_isalnum (*p) && strchr ("_.:-", *p) == NULL)
        return FALSE;
    }
  return TRUE;
}

static gboolean
is_valid_relation (const char *relation)
{
  if (!g_ascii_islower (relation[0]))
    return FALSE;
  for (const char *p = relation; *p; p++)
    {
      if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '_')
        return FALSE;
    }
  return TRUE;
}

/* YYYY, YYYY-MM or YYYY-MM-DD with a real month and day */
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

static gboolean
check_date (Loader     *loader,
            JsonObject *object,
            const char *path,
            const char *member,
            const char **out)
{
  if (!get_string (loader, object, path, member, FALSE, TRUE, out))
    return FALSE;
  if (*out != NULL && !is_valid_date (*out))
    {
      g_autofree char *mpath = member_path (path, member);

      error_at (loader, VALUE, position_of (loader, json_object_get_member (object, member)), mpath,
                "\"%s\" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)", *out);
      *out = NULL;
      return FALSE;
    }
  return TRUE;
}

static void
parse_sources (Loader     *loader,
               JsonObject *object,
               const char *path,
               GPtrArray  *sources)
{
  static const char *const allowed[] = { "file", "quote", NULL };
  g_autofree char *spath = member_path (path, "sources");
  JsonArray *array = get_array (loader, object, path, "sources", FALSE);

  if (array == NULL)
    return;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autofree char *epath = element_path (spath, i);
      const char *file = NULL;
      const char *quote = NULL;

      if (node_is_type (element, G_TYPE_STRING))
        {
          file = json_node_get_string (element);
          if (file[0] == '\0')
            {
              error_at (loader, VALUE, position_of (loader, element), epath, "must not be empty");
              continue;
            }
        }
      else if (JSON_NODE_HOLDS_OBJECT (element))
        {
          JsonObject *source = json_node_get_object (element);

          check_members (loader, source, epath, allowed);
          if (!get_string (loader, source, epath, "file", TRUE, TRUE, &file) ||
              !get_string (loader, source, epath, "quote", FALSE, TRUE, &quote) ||
              file == NULL)
            continue;
        }
      else
        {
          error_at (loader, TYPE, position_of (loader, element), epath,
                    "expected a file name or {\"file\", \"quote\"}, found %s", json_kind (element));
          continue;
        }

      if (loader->check_sources && !_cs_graph_has_article (loader->graph, file))
        error_at (loader, UNKNOWN_SOURCE, position_of (loader, element), epath,
                  "unknown source \"%s\" (not listed in graph.sources)", file);

      g_ptr_array_add (sources, _cs_source_new (file, quote));
    }
}

static char *
scalar_to_string (JsonNode *node)
{
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return g_strdup (json_node_get_string (node));
    case G_TYPE_BOOLEAN:
      return g_strdup (json_node_get_boolean (node) ? "true" : "false");
    case G_TYPE_INT64:
      return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
    case G_TYPE_DOUBLE:
      {
        char buf[G_ASCII_DTOSTR_BUF_SIZE];

        return g_strdup (g_ascii_dtostr (buf, sizeof buf, json_node_get_double (node)));
      }
    default:
      g_assert_not_reached ();
    }
}

static gboolean
check_scalar (Loader     *loader,
              JsonNode   *node,
              const char *path)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    {
      error_at (loader, TYPE, position_of (loader, node), path,
                "expected a string, number or boolean, found %s", json_kind (node));
      return FALSE;
    }
  if (json_node_get_value_type (node) == G_TYPE_DOUBLE && !isfinite (json_node_get_double (node)))
    {
      error_at (loader, NON_FINITE, position_of (loader, node), path,
                "number is too large to be finite");
      return FALSE;
    }
  return TRUE;
}

static void
parse_attributes (Loader     *loader,
                  JsonObject *parent,
                  const char *path,
                  GPtrArray  *attributes)
{
  static const char *const claim_members[] = { "value", "note", "sources", NULL };
  g_autofree char *apath = member_path (path, "attributes");
  JsonObject *object = get_object (loader, parent, path, "attributes");
  g_autoptr(GList) members = NULL;

  if (object == NULL)
    return;

  members = json_object_get_members (object);
  for (const GList *l = members; l != NULL; l = l->next)
    {
      const char *key = l->data;
      JsonNode *value = json_object_get_member (object, key);
      g_autofree char *kpath = member_path (apath, key);
      g_autoptr(CsAttribute) attribute = _cs_attribute_new (key);

      if (JSON_NODE_HOLDS_ARRAY (value))
        {
          JsonArray *claims = json_node_get_array (value);

          if (json_array_get_length (claims) == 0)
            {
              error_at (loader, VALUE, position_of (loader, value), kpath,
                        "a list of claims must not be empty");
              continue;
            }
          for (guint i = 0; i < json_array_get_length (claims); i++)
            {
              JsonNode *element = json_array_get_element (claims, i);
              g_autofree char *cpath = element_path (kpath, i);
              g_autofree char *vpath = member_path (cpath, "value");
              g_autoptr(CsClaim) claim = NULL;
              JsonObject *claim_object;
              JsonNode *claim_value;
              const char *note = NULL;

              claim_object = expect_object (loader, element, cpath,
                                            "a claim {\"value\", \"sources\"}");
              if (claim_object == NULL)
                continue;
              check_members (loader, claim_object, cpath, claim_members);
              claim_value = json_object_get_member (claim_object, "value");
              if (claim_value == NULL)
                {
                  error_at (loader, MISSING, position_of (loader, claim_object), cpath,
                            "missing \"value\"");
                  continue;
                }
              if (!check_scalar (loader, claim_value, vpath) ||
                  !get_string (loader, claim_object, cpath, "note", FALSE, FALSE, &note))
                continue;
              claim = _cs_claim_new ();
              claim->value = scalar_to_string (claim_value);
              claim->note = g_strdup (note);
              parse_sources (loader, claim_object, cpath, claim->sources);
              g_ptr_array_add (attribute->claims, g_steal_pointer (&claim));
            }
        }
      else if (check_scalar (loader, value, kpath))
        {
          CsClaim *claim = _cs_claim_new ();

          claim->value = scalar_to_string (value);
          g_ptr_array_add (attribute->claims, claim);
        }

      if (attribute->claims->len > 0)
        g_ptr_array_add (attributes, g_steal_pointer (&attribute));
    }
}

static void
parse_events (Loader     *loader,
              JsonObject *parent,
              const char *path,
              GPtrArray  *events)
{
  static const char *const allowed[] = { "date", "stage", "label", "label_en", "sources", NULL };
  g_autofree char *epath = member_path (path, "events");
  JsonArray *array = get_array (loader, parent, path, "events", FALSE);

  if (array == NULL)
    return;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autofree char *ipath = element_path (epath, i);
      g_autoptr(CsEvent) event = NULL;
      JsonObject *object;
      const char *date, *stage, *label, *label_en;
      gboolean ok = TRUE;

      object = expect_object (loader, element, ipath, "an event object");
      if (object == NULL)
        continue;
      check_members (loader, object, ipath, allowed);
      event = _cs_event_new ();
      ok &= check_date (loader, object, ipath, "date", &date);
      ok &= get_string (loader, object, ipath, "stage", TRUE, TRUE, &stage);
      ok &= get_string (loader, object, ipath, "label", FALSE, FALSE, &label);
      ok &= get_string (loader, object, ipath, "label_en", FALSE, FALSE, &label_en);
      if (stage != NULL && !cs_stage_from_string (stage, &event->stage))
        {
          member_error (loader, VALUE, object, ipath, "stage", "unknown stage \"%s\"", stage);
          ok = FALSE;
        }
      parse_sources (loader, object, ipath, event->sources);
      if (!ok)
        continue;
      event->date = g_strdup (date);
      event->label = g_strdup (label);
      event->label_en = g_strdup (label_en);
      g_ptr_array_add (events, g_steal_pointer (&event));
    }
}

static void
parse_graph_metadata (Loader     *loader,
                      JsonObject *root)
{
  static const char *const allowed[] = {
    "title", "title_en", "description", "date", "sources", "layout", NULL
  };
  static const char *const article_members[] = {
    "file", "title", "publisher", "date", "language", NULL
  };
  static const char *const layout_members[] = { "algorithm", "seed", NULL };
  JsonObject *graph = get_object (loader, root, NULL, "graph");
  JsonObject *layout;
  JsonArray *sources;
  const char *title, *title_en, *description, *date;

  if (graph == NULL)
    return;

  check_members (loader, graph, "graph", allowed);
  get_string (loader, graph, "graph", "title", FALSE, FALSE, &title);
  get_string (loader, graph, "graph", "title_en", FALSE, FALSE, &title_en);
  get_string (loader, graph, "graph", "description", FALSE, FALSE, &description);
  check_date (loader, graph, "graph", "date", &date);
  _cs_graph_set_metadata (loader->graph, title, title_en, description, date);

  sources = get_array (loader, graph, "graph", "sources", FALSE);
  if (sources != NULL)
    {
      loader->check_sources = TRUE;
      for (guint i = 0; i < json_array_get_length (sources); i++)
        {
          JsonNode *element = json_array_get_element (sources, i);
          g_autofree char *apath = g_strdup_printf ("graph.sources[%u]", i);
          g_autoptr(CsArticle) article = NULL;
          JsonObject *object;
          const char *file, *atitle, *publisher, *adate, *language;
          gboolean ok = TRUE;

          object = expect_object (loader, element, apath, "an object with \"file\"");
          if (object == NULL)
            continue;
          check_members (loader, object, apath, article_members);
          ok &= get_string (loader, object, apath, "file", TRUE, TRUE, &file);
          ok &= get_string (loader, object, apath, "title", FALSE, FALSE, &atitle);
          ok &= get_string (loader, object, apath, "publisher", FALSE, FALSE, &publisher);
          ok &= check_date (loader, object, apath, "date", &adate);
          ok &= get_string (loader, object, apath, "language", FALSE, FALSE, &language);
          if (!ok || file == NULL)
            continue;
          if (_cs_graph_has_article (loader->graph, file))
            {
              error_at (loader, DUPLICATE_ID, position_of (loader, element), apath,
                        "source \"%s\" is listed twice", file);
              continue;
            }
          article = _cs_article_new (file);
          article->title = g_strdup (atitle);
          article->publisher = g_strdup (publisher);
          article->date = g_strdup (adate);
          article->language = g_strdup (language);
          _cs_graph_take_article (loader->graph, g_steal_pointer (&article));
        }
    }

  layout = get_object (loader, graph, "graph", "layout");
  if (layout != NULL)
    {
      const char *algorithm = NULL;
      JsonNode *seed = json_object_get_member (layout, "seed");
      gboolean has_seed = FALSE;
      gint64 seed_value = 0;

      check_members (loader, layout, "graph.layout", layout_members);
      get_string (loader, layout, "graph.layout", "algorithm", FALSE, TRUE, &algorithm);
      if (seed != NULL)
        {
          if (!node_is_type (seed, G_TYPE_INT64))
            error_at (loader, TYPE, position_of (loader, seed), "graph.layout.seed",
                      "expected a whole number, found %s", json_kind (seed));
          else if ((seed_value = json_node_get_int (seed)) < 0 || seed_value > G_MAXUINT32)
            error_at (loader, VALUE, position_of (loader, seed), "graph.layout.seed",
                      "seed %" G_GINT64_FORMAT " is outside 0…4294967295", seed_value);
          else
            has_seed = TRUE;
        }
      _cs_graph_set_layout (loader->graph, algorithm, has_seed, (guint32)seed_value);
    }
}

static void
parse_node (Loader     *loader,
            JsonNode   *element,
            guint       index,
            GHashTable *first_index)
{
  static const char *const allowed[] = {
    "id", "label", "label_en", "label_en_origin", "aliases", "type", "description",
    "attributes", "events", "sources", "x", "y", "pinned", NULL
  };
  g_autofree char *path = g_strdup_printf ("nodes[%u]", index);
  g_autoptr(CsNode) node = NULL;
  JsonObject *object;
  JsonArray *aliases;
  JsonNode *pinned;
  const char *id, *label, *label_en, *origin, *type, *description;
  gboolean ok = TRUE;
  gboolean has_x, has_y;
  double x = 0, y = 0;

  object = expect_object (loader, element, path, "a node object");
  if (object == NULL)
    return;
  check_members (loader, object, path, allowed);
  node = _cs_node_new ();

  ok &= get_id (loader, object, path, TRUE, &id);
  ok &= get_string (loader, object, path, "label", TRUE, TRUE, &label);
  ok &= get_string (loader, object, path, "label_en", FALSE, FALSE, &label_en);
  ok &= get_string (loader, object, path, "label_en_origin", FALSE, TRUE, &origin);
  if (origin != NULL && !g_str_equal (origin, "article") && !g_str_equal (origin, "outside"))
    {
      member_error (loader, VALUE, object, path, "label_en_origin",
                    "expected \"article\" or \"outside\", found \"%s\"", origin);
      ok = FALSE;
    }
  ok &= get_string (loader, object, path, "type", TRUE, TRUE, &type);
  if (type != NULL && !cs_node_type_from_string (type, &node->type))
    {
      member_error (loader, VALUE, object, path, "type", "unknown node type \"%s\"", type);
      ok = FALSE;
    }
  ok &= get_string (loader, object, path, "description", FALSE, FALSE, &description);

  aliases = get_array (loader, object, path, "aliases", FALSE);
  {
    g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
    g_autofree char *apath = member_path (path, "aliases");

    for (guint i = 0; aliases != NULL && i < json_array_get_length (aliases); i++)
      {
        JsonNode *alias = json_array_get_element (aliases, i);

        if (!node_is_type (alias, G_TYPE_STRING) || json_node_get_string (alias)[0] == '\0')
          {
            g_autofree char *epath = element_path (apath, i);

            error_at (loader, TYPE, position_of (loader, alias), epath,
                      "expected a non-empty string, found %s", json_kind (alias));
            ok = FALSE;
            continue;
          }
        g_strv_builder_add (builder, json_node_get_string (alias));
      }
    node->aliases = g_strv_builder_end (builder);
  }

  ok &= get_number (loader, object, path, "x", &has_x, &x);
  ok &= get_number (loader, object, path, "y", &has_y, &y);
  if (has_x != has_y)
    {
      error_at (loader, MISSING, position_of (loader, object), path,
                "\"%s\" is given without \"%s\"", has_x ? "x" : "y", has_x ? "y" : "x");
      ok = FALSE;
    }
  pinned = json_object_get_member (object, "pinned");
  if (pinned != NULL)
    {
      g_autofree char *ppath = member_path (path, "pinned");

      if (!node_is_type (pinned, G_TYPE_BOOLEAN))
        {
          error_at (loader, TYPE, position_of (loader, pinned), ppath,
                    "expected a boolean, found %s", json_kind (pinned));
          ok = FALSE;
        }
      else if (!has_x && json_node_get_boolean (pinned))
        {
          error_at (loader, MISSING, position_of (loader, pinned), ppath,
                    "a pinned node needs \"x\" and \"y\"");
          ok = FALSE;
        }
      else
        node->pinned = json_node_get_boolean (pinned);
    }

  parse_attributes (loader, object, path, node->attributes);
  parse_events (loader, object, path, node->events);
  parse_sources (loader, object, path, node->sources);

  if (id != NULL)
    {
      gpointer first;

      if (g_hash_table_lookup_extended (first_index, id, NULL, &first))
        {
          member_error (loader, DUPLICATE_ID, object, path, "id",
                        "duplicate id \"%s\" (first used by nodes[%u])", id,
                        GPOINTER_TO_UINT (first));
          return;
        }
      g_hash_table_insert (first_index, g_strdup (id), GUINT_TO_POINTER (index));
    }

  if (!ok)
    return;

  node->id = g_strdup (id);
  node->label = g_strdup (label);
  node->label_en = g_strdup (label_en);
  node->label_en_outside = origin != NULL && g_str_equal (origin, "outside");
  node->description = g_strdup (description);
  node->has_position = has_x && has_y;
  node->x = x;
  node->y = y;
  if (_cs_graph_take_node (loader->graph, node))
    g_steal_pointer (&node);
}

static gboolean
resolve_end (Loader     *loader,
             JsonObject *object,
             const char *path,
             const char *member,
             GHashTable *first_index,
             guint      *index)
{
  const char *id;

  if (!get_string (loader, object, path, member, TRUE, TRUE, &id) || id == NULL)
    return FALSE;
  if (!cs_graph_lookup (loader->graph, id, index))
    {
      g_autofree char *mpath = member_path (path, member);

      /* a node with this id exists but was rejected: that problem is reported already */
      if (!g_hash_table_contains (first_index, id))
        error_at (loader, UNKNOWN_NODE,
                  position_of (loader, json_object_get_member (object, member)), mpath,
                  "unknown node \"%s\"", id);
      return FALSE;
    }
  return TRUE;
}

static void
parse_edge (Loader     *loader,
            JsonNode   *element,
            guint       index,
            GHashTable *first_index)
{
  static const char *const allowed[] = {
    "id", "source", "target", "relation", "role", "role_en", "note", "attributes", "sources", NULL
  };
  g_autofree char *path = g_strdup_printf ("edges[%u]", index);
  g_autoptr(CsEdge) edge = NULL;
  JsonObject *object;
  const char *id, *relation, *role, *role_en, *note;
  gboolean ok = TRUE;

  object = expect_object (loader, element, path, "an edge object");
  if (object == NULL)
    return;
  check_members (loader, object, path, allowed);
  edge = _cs_edge_new ();

  ok &= get_id (loader, object, path, FALSE, &id);
  ok &= resolve_end (loader, object, path, "source", first_index, &edge->source);
  ok &= resolve_end (loader, object, path, "target", first_index, &edge->target);
  ok &= get_string (loader, object, path, "relation", TRUE, TRUE, &relation);
  if (relation != NULL)
    {
      g_autofree char *rpath = member_path (path, "relation");
      guint64 position = position_of (loader, json_object_get_member (object, "relation"));

      if (!is_valid_relation (relation))
        {
          error_at (loader, VALUE, position, rpath,
                    "invalid relation \"%s\" (use lower-case snake_case, like member_of)",
                    relation);
          ok = FALSE;
        }
      else if ((edge->relation = cs_relation_from_string (relation)) == CS_RELATION_OTHER)
        warning_at (loader, VALUE, position, rpath,
                    "relation \"%s\" has no style of its own and is drawn as \"other\"", relation);
    }
  ok &= get_string (loader, object, path, "role", FALSE, FALSE, &role);
  ok &= get_string (loader, object, path, "role_en", FALSE, FALSE, &role_en);
  ok &= get_string (loader, object, path, "note", FALSE, FALSE, &note);
  parse_attributes (loader, object, path, edge->attributes);
  parse_sources (loader, object, path, edge->sources);

  if (!ok)
    return;

  if (edge->source == edge->target)
    warning_at (loader, VALUE, position_of (loader, object), path,
                "the edge links node \"%s\" to itself",
                cs_graph_get_node (loader->graph, edge->source)->id);

  edge->id = g_strdup (id);
  edge->relation_name = g_strdup (relation);
  edge->role = g_strdup (role);
  edge->role_en = g_strdup (role_en);
  edge->note = g_strdup (note);
  _cs_graph_take_edge (loader->graph, g_steal_pointer (&edge));
}

static void
parse_document (Loader   *loader,
                JsonNode *root)
{
  static const char *const allowed[] = { "$schema", "format", "version", "graph",
                                         "nodes",   "edges",  NULL };
  g_autoptr(GHashTable) first_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonObject *object;
  JsonNode *format;
  JsonNode *version;
  JsonArray *nodes;
  JsonArray *edges;

  if (root == NULL)
    {
      error_at (loader, EMPTY, 0, NULL, "the file holds no JSON value");
      return;
    }
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      error_at (
          loader, ROOT,
          position_of (loader,
                       JSON_NODE_HOLDS_ARRAY (root) ? (gpointer)json_node_get_array (root) : NULL),
          NULL, "expected a Consortia graph object at the top level, found %s", json_kind (root));
      return;
    }
  object = json_node_get_object (root);
  remember_position (loader, root, position_of (loader, object));

  format = json_object_get_member (object, "format");
  if (format == NULL)
    {
      error_at (loader, FORMAT, position_of (loader, object), NULL,
                "not a Consortia graph: missing \"format\": \"%s\"", FORMAT_NAME);
      return;
    }
  if (!node_is_type (format, G_TYPE_STRING) ||
      !g_str_equal (json_node_get_string (format), FORMAT_NAME))
    {
      error_at (loader, FORMAT, position_of (loader, format), "format",
                "not a Consortia graph: expected \"%s\"", FORMAT_NAME);
      return;
    }
  version = json_object_get_member (object, "version");
  if (version == NULL)
    {
      error_at (loader, VERSION, position_of (loader, object), NULL, "missing \"version\"");
      return;
    }
  if (!node_is_type (version, G_TYPE_INT64))
    {
      error_at (loader, TYPE, position_of (loader, version), "version",
                "expected a whole number, found %s", json_kind (version));
      return;
    }
  if (json_node_get_int (version) != FORMAT_VERSION)
    {
      error_at (loader, VERSION, position_of (loader, version), "version",
                "format version %" G_GINT64_FORMAT
                " is not supported (this Consortia reads version %d)",
                json_node_get_int (version), FORMAT_VERSION);
      return;
    }

  check_members (loader, object, NULL, allowed);
  parse_graph_metadata (loader, object);

  nodes = get_array (loader, object, NULL, "nodes", TRUE);
  for (guint i = 0; nodes != NULL && i < json_array_get_length (nodes); i++)
    parse_node (loader, json_array_get_element (nodes, i), i, first_index);

  edges = get_array (loader, object, NULL, "edges", FALSE);
  for (guint i = 0; edges != NULL && i < json_array_get_length (edges); i++)
    parse_edge (loader, json_array_get_element (edges, i), i, first_index);
}

static gboolean
is_blank (const char *data,
          gsize       length)
{
  for (gsize i = 0; i < length; i++)
    {
      if (!g_ascii_isspace (data[i]))
        return FALSE;
    }
  return TRUE;
}

static guint
count_errors (GPtrArray *problems)
{
  guint n = 0;

  for (guint i = 0; i < problems->len; i++)
    n += ((const CsProblem *)g_ptr_array_index (problems, i))->severity == CS_PROBLEM_ERROR;
  return n;
}

static void
set_error_from_problems (GPtrArray  *problems,
                         const char *display_name,
                         GError    **error)
{
  const CsProblem *first = NULL;
  g_autofree char *text = NULL;
  guint n_errors = count_errors (problems);

  for (guint i = 0; first == NULL && i < problems->len; i++)
    {
      const CsProblem *problem = g_ptr_array_index (problems, i);

      if (problem->severity == CS_PROBLEM_ERROR)
        first = problem;
    }
  g_assert (first != NULL);

  text = cs_problem_to_string (first, display_name);
  if (n_errors > 1)
    g_set_error (error, CS_GRAPH_LOADER_ERROR, first->code, "%s (and %u more problem%s)",
                 text, n_errors - 1, n_errors > 2 ? "s" : "");
  else
    g_set_error_literal (error, CS_GRAPH_LOADER_ERROR, first->code, text);
}

/**
 * cs_graph_loader_load_data:
 * @data: the file's bytes
 * @length: the number of bytes in @data
 * @display_name: (nullable): the name to put in messages, usually the file name
 * @problems: (out) (optional) (transfer full): every problem found, errors
 *   and warnings, as #CsProblem
 * @error: the first error, formatted as `FILE:LINE:COL: PATH: problem`
 *
 * Parses and checks a Consortia graph. Never aborts on bad input. Thread safe.
 *
 * Returns: (transfer full) (nullable): the graph, or %NULL when there is an error
 */
CsGraph *
cs_graph_loader_load_data (const char  *data,
                           gsize        length,
                           const char  *display_name,
                           GPtrArray  **problems,
                           GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify)cs_problem_free);
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(CsGraph) graph = _cs_graph_new ();
  Loader loader = { 0 };

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  loader.display_name = display_name;
  loader.problems = found;
  loader.graph = graph;
  loader.positions = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  loader.open_stack = g_array_new (FALSE, FALSE, sizeof (guint64));

  /* a UTF-8 byte order mark is harmless: skip it */
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      length -= 3;
    }
  loader.data = data != NULL ? data : "";
  loader.length = length;
  compute_line_starts (&loader);

  if (length > CS_GRAPH_LOADER_MAX_SIZE)
    error_at (&loader, TOO_LARGE, 0, NULL, "the file is larger than %d MiB",
              CS_GRAPH_LOADER_MAX_SIZE / (1024 * 1024));
  else if (is_blank (loader.data, length))
    error_at (&loader, EMPTY, 0, NULL, "the file is empty");
  else if (check_encoding (&loader) && check_depth (&loader))
    {
      parser = json_parser_new_immutable ();
      g_signal_connect (parser, "object-start", G_CALLBACK (parser_container_start_cb), &loader);
      g_signal_connect (parser, "array-start", G_CALLBACK (parser_container_start_cb), &loader);
      g_signal_connect (parser, "object-end", G_CALLBACK (parser_container_end_cb), &loader);
      g_signal_connect (parser, "array-end", G_CALLBACK (parser_container_end_cb), &loader);
      g_signal_connect (parser, "object-member", G_CALLBACK (parser_object_member_cb), &loader);
      g_signal_connect (parser, "array-element", G_CALLBACK (parser_array_element_cb), &loader);

      if (!json_parser_load_from_data (parser, loader.data, length, &parse_error))
        add_syntax_problem (&loader, parse_error);
      else
        parse_document (&loader, json_parser_get_root (parser));
    }

  g_hash_table_unref (loader.positions);
  g_array_unref (loader.open_stack);
  g_array_unref (loader.line_starts);

  if (problems != NULL)
    *problems = g_ptr_array_ref (found);

  if (count_errors (found) > 0)
    {
      set_error_from_problems (found, display_name, error);
      return NULL;
    }

  _cs_graph_seal (graph);
  return g_steal_pointer (&graph);
}

/**
 * cs_graph_loader_load_file:
 * @filename: a path in the GLib file name encoding
 * @problems: (out) (optional) (transfer full): every problem found
 * @error: the first error
 *
 * Reads and checks a Consortia graph file; see cs_graph_loader_load_data().
 * Messages name the file as @filename is written. Thread safe.
 *
 * Returns: (transfer full) (nullable): the graph
 */
CsGraph *
cs_graph_loader_load_file (const char  *filename,
                           GPtrArray  **problems,
                           GError     **error)
{
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *display_name = NULL;

  g_return_val_if_fail (filename != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display_name = g_filename_display_name (filename);
  mapped = g_mapped_file_new (filename, FALSE, &local_error);
  if (mapped == NULL)
    {
      if (problems != NULL)
        {
          CsProblem *problem = g_new0 (CsProblem, 1);

          problem->severity = CS_PROBLEM_ERROR;
          problem->code = CS_GRAPH_LOADER_ERROR_IO;
          problem->message = g_strdup (local_error->message);
          *problems = g_ptr_array_new_with_free_func ((GDestroyNotify)cs_problem_free);
          g_ptr_array_add (*problems, problem);
        }
      g_set_error (error, CS_GRAPH_LOADER_ERROR, CS_GRAPH_LOADER_ERROR_IO,
                   "%s", local_error->message);
      return NULL;
    }

  return cs_graph_loader_load_data (g_mapped_file_get_contents (mapped),
                                    g_mapped_file_get_length (mapped),
                                    display_name, problems, error);
}
