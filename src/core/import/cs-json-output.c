/* cs-json-output.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-json-output.h"

#include <math.h>
#include <string.h>

/* JSON text from a json-glib tree, written to a stream as it goes. Not
 * json-glib's JsonGenerator, for three reasons: version 1.6 writes a
 * double such as 1e20 as "1e+20.0", which is not JSON, so a file holding
 * one would be saved unreadable; it builds the whole text in memory
 * before any of it is written; and it cannot say how far it has got, which
 * a save of a big graph shows. Members keep their order; strings are
 * written as UTF-8 with only what JSON requires escaped; numbers read
 * back to the same value, bit for bit. The layout matches data/'s files:
 * two spaces a level, `"member": value`. */

#define FLUSH_AT        (256 * 1024)
#define PROGRESS_EVERY  2048

typedef struct
{
  GString        *buffer;
  GOutputStream  *stream; /* nullable: all of it stays in the buffer */
  gboolean        pretty;
  CsJsonProgress  progress;
  gpointer        user_data;
  GCancellable   *cancellable;
  GError        **error;
  gboolean        failed;
  guint64         done;
  guint64         total;
} Output;

static void
flush (Output *self)
{
  gsize written;

  if (self->stream == NULL || self->failed || self->buffer->len == 0)
    return;
  if (!g_output_stream_write_all (self->stream, self->buffer->str, self->buffer->len, &written,
                                  self->cancellable, self->error))
    self->failed = TRUE;
  g_string_truncate (self->buffer, 0);
}

static void
newline (Output *self,
         guint   depth)
{
  if (!self->pretty)
    return;
  g_string_append_c (self->buffer, '\n');
  for (guint i = 0; i < depth; i++)
    g_string_append (self->buffer, "  ");
}

static void
write_string (Output     *self,
              const char *text)
{
  static const char hex[] = "0123456789abcdef";
  const char *run = text;

  g_string_append_c (self->buffer, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar)*p;

      if (c >= 0x20 && c != '"' && c != '\\')
        continue;
      g_string_append_len (self->buffer, run, p - run);
      run = p + 1;
      switch (c)
        {
        case '"':
          g_string_append (self->buffer, "\\\"");
          break;
        case '\\':
          g_string_append (self->buffer, "\\\\");
          break;
        case '\n':
          g_string_append (self->buffer, "\\n");
          break;
        case '\t':
          g_string_append (self->buffer, "\\t");
          break;
        case '\r':
          g_string_append (self->buffer, "\\r");
          break;
        case '\b':
          g_string_append (self->buffer, "\\b");
          break;
        case '\f':
          g_string_append (self->buffer, "\\f");
          break;
        default:
          g_string_append (self->buffer, "\\u00");
          g_string_append_c (self->buffer, hex[c >> 4]);
          g_string_append_c (self->buffer, hex[c & 0xf]);
        }
    }
  g_string_append_len (self->buffer, run, strlen (run));
  g_string_append_c (self->buffer, '"');
}

static void
write_double (Output *self,
              double  value)
{
  char text[G_ASCII_DTOSTR_BUF_SIZE];

  /* a tree read from JSON holds no infinity or NaN; one built from the
   * model holds none either (cs_document_move_nodes() refuses them) */
  g_assert (isfinite (value));
  g_ascii_dtostr (text, sizeof text, value);
  g_string_append (self->buffer, text);
  /* still a number with a fraction when read back */
  if (strpbrk (text, ".eE") == NULL)
    g_string_append (self->buffer, ".0");
}

static void write_node (Output   *self,
                        JsonNode *node,
                        guint     depth);

static void
write_object (Output     *self,
              JsonObject *object,
              guint       depth)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;
  gboolean first = TRUE;

  g_string_append_c (self->buffer, '{');
  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    {
      if (!first)
        g_string_append_c (self->buffer, ',');
      first = FALSE;
      newline (self, depth + 1);
      write_string (self, name);
      g_string_append (self->buffer, self->pretty ? ": " : ":");
      write_node (self, member, depth + 1);
    }
  if (!first)
    newline (self, depth);
  g_string_append_c (self->buffer, '}');
}

static void
write_array (Output    *self,
             JsonArray *array,
             guint      depth)
{
  guint n = json_array_get_length (array);

  g_string_append_c (self->buffer, '[');
  for (guint i = 0; i < n && !self->failed; i++)
    {
      if (i > 0)
        g_string_append_c (self->buffer, ',');
      newline (self, depth + 1);
      write_node (self, json_array_get_element (array, i), depth + 1);
      /* the elements of the top-level arrays: nodes, edges */
      if (depth == 1)
        {
          self->done++;
          if (self->buffer->len >= FLUSH_AT)
            flush (self);
          if (self->progress != NULL && self->done % PROGRESS_EVERY == 0)
            self->progress (self->done, self->total, self->user_data);
          if (self->cancellable != NULL && self->done % PROGRESS_EVERY == 0 && !self->failed &&
              g_cancellable_set_error_if_cancelled (self->cancellable, self->error))
            self->failed = TRUE;
        }
    }
  if (n > 0)
    newline (self, depth);
  g_string_append_c (self->buffer, ']');
}

static void
write_node (Output   *self,
            JsonNode *node,
            guint     depth)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      write_object (self, json_node_get_object (node), depth);
      break;

    case JSON_NODE_ARRAY:
      write_array (self, json_node_get_array (node), depth);
      break;

    case JSON_NODE_NULL:
      g_string_append (self->buffer, "null");
      break;

    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_INT64:
          g_string_append_printf (self->buffer, "%" G_GINT64_FORMAT, json_node_get_int (node));
          break;
        case G_TYPE_DOUBLE:
          write_double (self, json_node_get_double (node));
          break;
        case G_TYPE_BOOLEAN:
          g_string_append (self->buffer, json_node_get_boolean (node) ? "true" : "false");
          break;
        case G_TYPE_STRING:
          write_string (self, json_node_get_string (node));
          break;
        default:
          g_assert_not_reached ();
        }
      break;

    default:
      g_assert_not_reached ();
    }
}

static guint64
count_top_elements (JsonNode *root)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;
  guint64 total = 0;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    return 0;
  json_object_iter_init_ordered (&iter, json_node_get_object (root));
  while (json_object_iter_next_ordered (&iter, &name, &member))
    if (JSON_NODE_HOLDS_ARRAY (member))
      total += json_array_get_length (json_node_get_array (member));
  return total;
}

/**
 * cs_json_output_write:
 * @root: the document
 * @pretty: %TRUE for one member or element a line, indented; %FALSE for
 *   all of it on one line
 * @stream: where to write
 * @progress: (nullable) (scope call): told how far the writing has got
 * @user_data: data for @progress
 * @cancellable: (nullable): a #GCancellable
 * @error: a #GIOError
 *
 * Writes @root as JSON text ending with a newline. Safe in any thread for
 * a tree no other thread changes.
 *
 * Returns: %TRUE when all of it was written
 */
gboolean
cs_json_output_write (JsonNode        *root,
                      gboolean         pretty,
                      GOutputStream   *stream,
                      CsJsonProgress   progress,
                      gpointer         user_data,
                      GCancellable    *cancellable,
                      GError         **error)
{
  g_autoptr(GString) buffer = g_string_sized_new (FLUSH_AT + 4096);
  Output self = {
    .buffer = buffer,
    .stream = stream,
    .pretty = pretty,
    .progress = progress,
    .user_data = user_data,
    .cancellable = cancellable,
    .error = error,
    .total = count_top_elements (root),
  };

  g_return_val_if_fail (root != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  write_node (&self, root, 0);
  g_string_append_c (buffer, '\n');
  flush (&self);
  if (!self.failed && progress != NULL)
    progress (self.total, self.total, user_data);
  return !self.failed;
}

/**
 * cs_json_output_to_bytes:
 * @root: the document
 * @pretty: as for cs_json_output_write()
 *
 * Returns: (transfer full): @root as JSON text, ending with a newline
 */
GBytes *
cs_json_output_to_bytes (JsonNode *root,
                         gboolean  pretty)
{
  GString *buffer = g_string_new (NULL);
  Output self = { .buffer = buffer, .pretty = pretty };

  g_return_val_if_fail (root != NULL, NULL);

  write_node (&self, root, 0);
  g_string_append_c (buffer, '\n');
  return g_string_free_to_bytes (buffer);
}
