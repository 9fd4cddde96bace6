/* cs-csv-importer.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-csv-importer.h"

#include "cs-import.h"
#include "cs-import-common-private.h"

#include <csv.h>
#include <glib/gi18n-lib.h>

#include <math.h>
#include <string.h>

/* An edge list in CSV, and a node table beside it (CsImportOptions'
 * nodes_path), split into fields by libcsv (quotes, "" in quotes, line
 * breaks in quoted fields, spaces around fields trimmed).
 *
 * - The delimiter (comma, semicolon or tab) is the one that splits the
 *   first rows into the same number of fields; a .tsv file prefers tabs.
 * - The first row is a header when it names the ends (source and target,
 *   or from and to, in any case), when a column below it holds only
 *   numbers and it does not, or when its ends are not nodes of the node
 *   table and the other rows' are; a first row whose ends come back in
 *   other rows is an edge. Otherwise it is read as an edge, and said so.
 * - The ends are the source and target columns, else the first two. A
 *   relation column that holds a word is the edge's relation (else
 *   "other"), a role or label column its role; every other column is an
 *   attribute, named by the header (column3… without one).
 * - The node table's first row is its header. Its id column is id, else
 *   name, else the first; label (else name) is the label, type (a word)
 *   the type, x and y (numbers) the position, description and label_en
 *   those; every other column an attribute. An edge end that is not in it
 *   becomes a node of its own, said so; one without a node table is one.
 *
 * Text is UTF-8 (a byte order mark is skipped). Rows are fed to libcsv a
 * line at a time, so that each row's first byte is known for problems;
 * a field's place is found again in the row's text when a problem is
 * about it. */

#define SAMPLE_LENGTH (64 * 1024) /* what the delimiter is sniffed from */
#define SAMPLE_ROWS   20
#define HEADER_ROWS   50          /* rows a numeric column is tested on */
#define CANCEL_EVERY  4096

struct _CsCsvImporter
{
  CsImporter parent_instance;
};

G_DEFINE_FINAL_TYPE (CsCsvImporter, cs_csv_importer, CS_TYPE_IMPORTER)

/* Sniffing */

static gsize
bom_length (const char *data,
            gsize       length)
{
  return length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;
}

/* JSON and XML are never an edge list, whatever the file is called */
static const char *
other_format (const char *data,
              gsize       length,
              gsize      *at)
{
  gsize i = bom_length (data, length);

  while (i < length && g_ascii_isspace (data[i]))
    i++;
  *at = i;
  if (i < length && (data[i] == '{' || data[i] == '['))
    return "JSON";
  if (i < length && data[i] == '<')
    return "XML";
  return NULL;
}

/* The delimiter that splits the first rows (quotes respected) into the
 * same number of fields most often, and into the most fields among
 * equals; @preferred when none splits them */
static char
sniff_delimiter (const char *data,
                 gsize       length,
                 gboolean    whole,
                 char        preferred)
{
  static const char candidates[] = { ',', ';', '\t' };
  guint counts[G_N_ELEMENTS (candidates)][SAMPLE_ROWS];
  guint current[G_N_ELEMENTS (candidates)] = { 0 };
  guint n_rows = 0;
  gboolean quoted = FALSE, content = FALSE;
  char best = preferred;
  double best_share = 0;
  guint best_mode = 0;

  for (gsize i = 0; i <= length && n_rows < SAMPLE_ROWS; i++)
    {
      char c = i < length ? data[i] : '\n';

      if (i == length && !whole)
        break;
      if (c == '"')
        {
          quoted = !quoted;
          content = TRUE;
        }
      else if (!quoted && (c == '\n' || c == '\r'))
        {
          if (content)
            {
              for (guint k = 0; k < G_N_ELEMENTS (candidates); k++)
                counts[k][n_rows] = current[k];
              n_rows++;
            }
          memset (current, 0, sizeof current);
          content = FALSE;
        }
      else if (!quoted)
        {
          for (guint k = 0; k < G_N_ELEMENTS (candidates); k++)
            current[k] += c == candidates[k];
          content |= c != ' ';
        }
    }

  for (guint k = 0; k < G_N_ELEMENTS (candidates); k++)
    {
      guint mode = 0, mode_rows = 0;

      for (guint r = 0; r < n_rows; r++)
        {
          guint same = 0;

          for (guint q = 0; q < n_rows; q++)
            same += counts[k][q] == counts[k][r];
          if (same > mode_rows || (same == mode_rows && counts[k][r] > mode))
            {
              mode = counts[k][r];
              mode_rows = same;
            }
        }
      if (mode == 0)
        continue;
      {
        double share = (double)mode_rows / n_rows;

        if (share > best_share || (share == best_share && mode > best_mode) ||
            (share == best_share && mode == best_mode && candidates[k] == preferred))
          {
            best = candidates[k];
            best_share = share;
            best_mode = mode;
          }
      }
    }
  return best;
}

/* The columns of a header row named for the ends */
static gboolean
find_end_columns (const char *const *names,
                  guint              n,
                  guint             *source,
                  guint             *target)
{
  static const char *const pairs[][2] = { { "source", "target" }, { "from", "to" } };

  for (guint p = 0; p < G_N_ELEMENTS (pairs); p++)
    {
      *source = *target = G_MAXUINT;
      for (guint i = 0; i < n; i++)
        {
          if (*source == G_MAXUINT && g_ascii_strcasecmp (names[i], pairs[p][0]) == 0)
            *source = i;
          else if (*target == G_MAXUINT && g_ascii_strcasecmp (names[i], pairs[p][1]) == 0)
            *target = i;
        }
      if (*source != G_MAXUINT && *target != G_MAXUINT)
        return TRUE;
    }
  return FALSE;
}

/* The first row's fields, for sniffing: quotes and spaces around taken off */
static GPtrArray *
split_first_row (const char *data,
                 gsize       length,
                 char        delimiter)
{
  GPtrArray *fields = g_ptr_array_new_with_free_func (g_free);
  GString *field = g_string_new (NULL);
  gboolean quoted = FALSE;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (quoted)
        {
          if (c == '"' && i + 1 < length && data[i + 1] == '"')
            g_string_append_c (field, data[++i]);
          else if (c == '"')
            quoted = FALSE;
          else
            g_string_append_c (field, c);
        }
      else if (c == '"')
        quoted = TRUE;
      else if (c == delimiter || c == '\n' || c == '\r')
        {
          g_ptr_array_add (fields, g_strstrip (g_strdup (field->str)));
          g_string_truncate (field, 0);
          if (c != delimiter)
            break;
        }
      else
        g_string_append_c (field, c);
    }
  g_string_free (field, TRUE);
  return fields;
}

/* Content alone says little: a header naming the ends is sure; any other
 * text needs the .csv or .tsv extension (cs_importer_new_for_data() adds
 * it), and JSON and XML never are */
static guint
cs_csv_importer_sniff (CsImporter *importer,
                       const char *head,
                       gsize       length)
{
  gsize bom = bom_length (head, length);
  g_autoptr(GPtrArray) fields = NULL;
  guint source, target;
  char delimiter;
  gsize at;

  if (other_format (head, length, &at) != NULL)
    return 0;
  delimiter = sniff_delimiter (head + bom, length - bom, length < SAMPLE_LENGTH, ',');
  fields = split_first_row (head + bom, length - bom, delimiter);
  g_ptr_array_add (fields, NULL);
  if (fields->len > 2 &&
      find_end_columns ((const char *const *)fields->pdata, fields->len - 1, &source, &target))
    return 60;
  return 0;
}

/* Tables */

typedef struct
{
  gsize offset;   /* of its first byte */
  guint first;    /* its first field in Table.fields */
  guint n_fields;
} Row;

typedef struct
{
  const char   *data;
  gsize         length;
  char          delimiter;
  GArray       *rows;   /* Row */
  GPtrArray    *fields; /* char *, in chunk */
  GStringChunk *chunk;
  /* while reading */
  gboolean      in_row;
  gsize         next_start; /* where the next row starts, blank lines aside */
  gsize         piece_end;  /* the end of the line libcsv reads */
} Table;

static void
table_init (Table      *table,
            const char *data,
            gsize       length)
{
  table->data = data;
  table->length = length;
  table->rows = g_array_new (FALSE, FALSE, sizeof (Row));
  table->fields = g_ptr_array_new ();
  table->chunk = g_string_chunk_new (64 * 1024);
}

static void
table_clear (Table *table)
{
  g_clear_pointer (&table->rows, g_array_unref);
  g_clear_pointer (&table->fields, g_ptr_array_unref);
  g_clear_pointer (&table->chunk, g_string_chunk_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Table, table_clear)

static const Row *
table_row (const Table *table,
           guint        row)
{
  return &g_array_index (table->rows, Row, row);
}

/* A field of a row, or "" past its end */
static const char *
table_field (const Table *table,
             guint        row,
             guint        column)
{
  const Row *r = table_row (table, row);

  if (column >= r->n_fields)
    return "";
  return g_ptr_array_index (table->fields, r->first + column);
}

static void
field_cb (void   *text,
          size_t  length,
          void   *user_data)
{
  Table *table = user_data;
  Row *row;

  if (!table->in_row)
    {
      Row start = { table->next_start, table->fields->len, 0 };

      while (start.offset < table->length &&
             (table->data[start.offset] == '\n' || table->data[start.offset] == '\r'))
        start.offset++;
      g_array_append_val (table->rows, start);
      table->in_row = TRUE;
    }
  row = &g_array_index (table->rows, Row, table->rows->len - 1);
  g_ptr_array_add (table->fields, g_string_chunk_insert_len (table->chunk, text, length));
  row->n_fields++;
}

static void
row_cb (int   terminator,
        void *user_data)
{
  Table *table = user_data;

  /* rows end at the end of a line, and each line is fed alone */
  table->in_row = FALSE;
  table->next_start = table->piece_end;
}

/* Where field @column of @row starts in the text: the row read again,
 * quotes respected */
static gsize
field_offset (const Table *table,
              guint        row,
              guint        column)
{
  const char *d = table->data;
  gsize i = table_row (table, row)->offset;
  gboolean quoted = FALSE;

  for (guint c = 0; c < column && i < table->length; i++)
    {
      if (d[i] == '"')
        quoted = !quoted;
      else if (!quoted && d[i] == table->delimiter)
        c++;
      else if (!quoted && (d[i] == '\n' || d[i] == '\r'))
        break;
    }
  while (i < table->length && (d[i] == ' ' || (d[i] == '\t' && table->delimiter != '\t')))
    i++;
  return i;
}

static gboolean
table_read (Table        *table,
            gsize         start,
            GPtrArray    *problems,
            GCancellable *cancellable)
{
  struct csv_parser parser;
  const char *d = table->data;
  gsize pos = start;
  guint pieces = 0;
  gboolean ok = TRUE;

  if (csv_init (&parser, CSV_APPEND_NULL) != 0)
    {
      cs_problems_add (problems, CS_PROBLEM_ERROR, CS_IMPORT_ERROR_FAILED, CS_PROBLEM_NO_OFFSET,
                       NULL, _("libcsv could not start"));
      return FALSE;
    }
  csv_set_delim (&parser, (unsigned char)table->delimiter);
  table->next_start = start;
  while (ok && pos < table->length)
    {
      gsize end = pos;

      while (end < table->length && d[end] != '\n' && d[end] != '\r')
        end++;
      if (end < table->length)
        end += d[end] == '\r' && end + 1 < table->length && d[end + 1] == '\n' ? 2 : 1;
      table->piece_end = end;
      if (csv_parse (&parser, d + pos, end - pos, field_cb, row_cb, table) != end - pos)
        {
          cs_problems_add (problems, CS_PROBLEM_ERROR, CS_IMPORT_ERROR_FAILED, pos, NULL,
                           _("libcsv: %s"), csv_strerror (csv_error (&parser)));
          ok = FALSE;
        }
      pos = end;
      if (++pieces % CANCEL_EVERY == 0 && g_cancellable_is_cancelled (cancellable))
        ok = FALSE;
    }

  /* a quote that never closes takes the rest of the file into its field
   * (libcsv's states: 2 is a field begun) */
  if (ok && parser.quoted && parser.pstate == 2 && table->in_row)
    {
      guint row = table->rows->len - 1;

      cs_problems_add (problems, CS_PROBLEM_ERROR, CS_IMPORT_ERROR_SYNTAX,
                       field_offset (table, row, table_row (table, row)->n_fields), NULL,
                       _("this quoted field is never closed: the rest of the file would be in it"));
      ok = FALSE;
    }
  table->piece_end = table->length;
  csv_fini (&parser, field_cb, row_cb, table);
  csv_free (&parser);
  return ok;
}

static gboolean
is_number (const char *text,
           double     *value)
{
  char *end = NULL;

  if (text[0] == '\0')
    return FALSE;
  *value = g_ascii_strtod (text, &end);
  return *end == '\0' && isfinite (*value);
}

/* A file as a table: text checks, delimiter, rows */
static gboolean
table_load (Table        *table,
            const char   *path,
            GPtrArray    *problems,
            GCancellable *cancellable)
{
  gsize bom = bom_length (table->data, table->length);
  gsize at;
  const char *other = other_format (table->data, table->length, &at);
  gboolean tsv = path != NULL && g_str_has_suffix (path, ".tsv");

  if (!_cs_import_check_text (table->data, table->length, problems))
    return FALSE;
  if (other != NULL)
    {
      cs_problems_add (problems, CS_PROBLEM_ERROR, CS_IMPORT_ERROR_FORMAT, at, NULL,
                       /* TRANSLATORS: %s is JSON or XML */
                       _("this is %s, not a CSV table"), other);
      return FALSE;
    }
  table->delimiter = sniff_delimiter (table->data + bom,
                                      MIN (table->length - bom, SAMPLE_LENGTH),
                                      table->length - bom <= SAMPLE_LENGTH, tsv ? '\t' : ',');
  return table_read (table, bom, problems, cancellable);
}

/* Reading */

typedef struct
{
  CsGraphBuilder *builder;
  GPtrArray      *problems;
  const char     *nodes_name;  /* the node table's name for messages; nullable */
  CsIdMap        *ids;
  GHashTable     *index;       /* name in the file → node + 1 */
  CsRelation      other;
  /* warnings counted by kind */
  guint           n_short;
  guint           n_long;
  guint           n_empty_end;
  guint           n_unknown;
  guint           n_loops;
  guint           n_parallel;
  /* where the first name that is not an id is */
  gsize           renamed_offset;
  gboolean        renamed_in_nodes;
} Reader;

/* Remembers where the first name that is not an id is, for the message */
static const char *
assign_id (Reader     *reader,
           const char *name,
           gsize       offset,
           gboolean    in_nodes)
{
  guint before = _cs_id_map_get_n_renamed (reader->ids);
  const char *id = _cs_id_map_assign (reader->ids, name);

  if (before == 0 && _cs_id_map_get_n_renamed (reader->ids) == 1)
    {
      reader->renamed_offset = offset;
      reader->renamed_in_nodes = in_nodes;
    }
  return id;
}

/* Column names, unique: the header's, or column1… */
static GPtrArray *
column_names (const Table *table,
              gboolean     header,
              guint        n_columns)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint c = 0; c < n_columns; c++)
    {
      const char *name = header ? table_field (table, 0, c) : "";
      char *unique = name[0] != '\0' ? g_strdup (name) : g_strdup_printf ("column%u", c + 1);

      for (guint k = 2; g_hash_table_contains (seen, unique); k++)
        {
          g_free (unique);
          unique = g_strdup_printf ("%s_%u", name[0] != '\0' ? name : "column", k);
        }
      g_ptr_array_add (names, unique);
      g_hash_table_add (seen, unique);
    }
  return names;
}

static guint
find_column (GPtrArray  *names,
             const char *name,
             guint       except)
{
  for (guint c = 0; c < names->len; c++)
    if (c != except && g_ascii_strcasecmp (g_ptr_array_index (names, c), name) == 0)
      return c;
  return G_MAXUINT;
}

static guint
max_fields (const Table *table)
{
  guint n = 0;

  for (guint r = 0; r < table->rows->len; r++)
    n = MAX (n, table_row (table, r)->n_fields);
  return n;
}

/* The node table's rows by id; its problems are said in its own name */
typedef struct
{
  Table       table;
  GPtrArray  *names;   /* per column */
  guint       id;
  guint       label;
  guint       type;
  guint       x;
  guint       y;
  guint       description;
  guint       label_en;
  GHashTable *rows;    /* id → row + 1, for the first row with it */
  GArray     *order;   /* rows taken, in order */
} Nodes;

static void
nodes_clear (Nodes *nodes)
{
  table_clear (&nodes->table);
  g_clear_pointer (&nodes->names, g_ptr_array_unref);
  g_clear_pointer (&nodes->rows, g_hash_table_unref);
  g_clear_pointer (&nodes->order, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Nodes, nodes_clear)

static gboolean
nodes_read (Nodes        *nodes,
            const char   *path,
            GPtrArray    *problems,
            GCancellable *cancellable)
{
  Table *table = &nodes->table;
  guint n_columns;
  guint n_no_id = 0, n_duplicates = 0, n_long = 0;

  if (!table_load (table, path, problems, cancellable))
    return FALSE;
  nodes->rows = g_hash_table_new (g_str_hash, g_str_equal);
  nodes->order = g_array_new (FALSE, FALSE, sizeof (guint));
  if (table->rows->len == 0)
    {
      cs_problems_add (problems, CS_PROBLEM_WARNING, CS_IMPORT_ERROR_EMPTY, CS_PROBLEM_NO_OFFSET,
                       NULL, _("the node table is empty"));
      nodes->names = g_ptr_array_new ();
      nodes->id = 0;
      return TRUE;
    }

  n_columns = table_row (table, 0)->n_fields;
  nodes->names = column_names (table, TRUE, n_columns);
  nodes->id = find_column (nodes->names, "id", G_MAXUINT);
  if (nodes->id == G_MAXUINT)
    nodes->id = find_column (nodes->names, "name", G_MAXUINT);
  if (nodes->id == G_MAXUINT)
    nodes->id = 0;
  nodes->label = find_column (nodes->names, "label", nodes->id);
  if (nodes->label == G_MAXUINT)
    nodes->label = find_column (nodes->names, "name", nodes->id);
  nodes->type = find_column (nodes->names, "type", nodes->id);
  nodes->x = find_column (nodes->names, "x", nodes->id);
  nodes->y = find_column (nodes->names, "y", nodes->id);
  nodes->description = find_column (nodes->names, "description", nodes->id);
  nodes->label_en = find_column (nodes->names, "label_en", nodes->id);

  for (guint r = 1; r < table->rows->len; r++)
    {
      const Row *row = table_row (table, r);
      const char *id = table_field (table, r, nodes->id);
      gpointer first;

      if (row->n_fields > n_columns)
        _cs_import_warn (problems, &n_long, CS_IMPORT_ERROR_VALUE,
                         field_offset (table, r, n_columns),
                         /* TRANSLATORS: the first %u is the row's number of fields,
                          * more than the header's; the plural is for the fields
                          * left out */
                         g_dngettext (GETTEXT_PACKAGE,
                                      "%u fields, the header has %u: the last one is left out",
                                      "%u fields, the header has %u: the last ones are left out",
                                      row->n_fields - n_columns),
                         row->n_fields, n_columns);
      if (id[0] == '\0')
        {
          _cs_import_warn (problems, &n_no_id, CS_IMPORT_ERROR_MISSING, row->offset,
                           _("no id in column \"%s\": the row is left out"),
                           (const char *)g_ptr_array_index (nodes->names, nodes->id));
          continue;
        }
      if ((first = g_hash_table_lookup (nodes->rows, id)) != NULL)
        {
          _cs_import_warn (problems, &n_duplicates, CS_IMPORT_ERROR_DUPLICATE_ID,
                           field_offset (table, r, nodes->id),
                           _("duplicate id \"%s\": the first row with it is kept, this one "
                             "left out"),
                           id);
          continue;
        }
      g_hash_table_insert (nodes->rows, (char *)id, GUINT_TO_POINTER (r + 1));
      g_array_append_val (nodes->order, r);
    }
  _cs_import_warn_rest (problems, n_long,
                        g_dngettext (GETTEXT_PACKAGE,
                                     "%u more row with too many fields is not listed",
                                     "%u more rows with too many fields are not listed",
                                     _cs_import_n_unlisted (n_long)),
                        _cs_import_n_unlisted (n_long));
  _cs_import_warn_rest (problems, n_no_id,
                        g_dngettext (GETTEXT_PACKAGE,
                                     "%u more row without an id is not listed",
                                     "%u more rows without an id are not listed",
                                     _cs_import_n_unlisted (n_no_id)),
                        _cs_import_n_unlisted (n_no_id));
  _cs_import_warn_rest (problems, n_duplicates,
                        g_dngettext (GETTEXT_PACKAGE,
                                     "%u more duplicate id is not listed",
                                     "%u more duplicate ids are not listed",
                                     _cs_import_n_unlisted (n_duplicates)),
                        _cs_import_n_unlisted (n_duplicates));
  return TRUE;
}

static void
add_alias (CsNode     *node,
           const char *name)
{
  const char *aliases[] = { name, NULL };

  if (name[0] == '\0' || g_str_equal (name, node->id) || g_str_equal (name, node->label))
    return;
  node->aliases = g_strdupv ((char **)aliases);
}

static guint
take_node (Reader *reader,
           CsNode *node,
           const char *name)
{
  guint index = cs_graph_builder_get_n_nodes (reader->builder);

  add_alias (node, name);
  if (!cs_graph_builder_take_node (reader->builder, node))
    g_assert_not_reached ();
  g_hash_table_insert (reader->index, g_strdup (name), GUINT_TO_POINTER (index + 1));
  return index;
}

static void
node_from_row (Reader    *reader,
               Nodes     *nodes,
               guint      r,
               GPtrArray *problems,
               guint     *n_unlabelled,
               guint     *n_bad_xy)
{
  const Table *table = &nodes->table;
  const char *name = table_field (table, r, nodes->id);
  const char *label = nodes->label != G_MAXUINT ? table_field (table, r, nodes->label) : "";
  const char *x = nodes->x != G_MAXUINT ? table_field (table, r, nodes->x) : "";
  const char *y = nodes->y != G_MAXUINT ? table_field (table, r, nodes->y) : "";
  g_autofree char *word = NULL;
  CsNode *node = cs_node_new ();
  gboolean position;

  node->id = g_strdup (assign_id (reader, name, field_offset (table, r, nodes->id), TRUE));
  if (label[0] != '\0')
    node->label = g_strdup (label);
  else
    {
      if (nodes->label != G_MAXUINT)
        _cs_import_warn (problems, n_unlabelled, CS_IMPORT_ERROR_MISSING,
                         field_offset (table, r, nodes->label),
                         _("node \"%s\" has no %s: its id is shown"), name,
                         (const char *)g_ptr_array_index (nodes->names, nodes->label));
      node->label = g_strdup (name);
    }
  position = is_number (x, &node->x) && is_number (y, &node->y);
  node->has_position = position;
  if (!position && (x[0] != '\0' || y[0] != '\0'))
    _cs_import_warn (problems, n_bad_xy, CS_IMPORT_ERROR_VALUE,
                     field_offset (table, r, x[0] != '\0' ? nodes->x : nodes->y),
                     _("node \"%s\": x \"%s\" and y \"%s\" are not a position: they are "
                       "kept as attributes, and the layout places the node"),
                     name, x, y);
  if (nodes->description != G_MAXUINT && table_field (table, r, nodes->description)[0] != '\0')
    node->description = g_strdup (table_field (table, r, nodes->description));
  if (nodes->label_en != G_MAXUINT && table_field (table, r, nodes->label_en)[0] != '\0')
    node->label_en = g_strdup (table_field (table, r, nodes->label_en));
  for (guint c = 0; c < nodes->names->len; c++)
    {
      const char *value = table_field (table, r, c);

      if (value[0] == '\0' || c == nodes->id || c == nodes->label || c == nodes->description ||
          c == nodes->label_en || (position && (c == nodes->x || c == nodes->y)))
        continue;
      if (c == nodes->type && (word = _cs_import_word (value)) != NULL)
        {
          node->type = cs_graph_builder_intern_type (reader->builder, word);
          continue;
        }
      cs_node_take_attribute (node,
                              _cs_import_attribute_new (g_ptr_array_index (nodes->names, c),
                                                        value));
    }
  take_node (reader, node, name);
}

/* The node an edge end names, made when there is none */
static gboolean
end_node (Reader      *reader,
          const Table *edges,
          guint        row,
          guint        column,
          guint       *index)
{
  const char *name = table_field (edges, row, column);
  gpointer found = g_hash_table_lookup (reader->index, name);
  CsNode *node;

  if (found != NULL)
    {
      *index = GPOINTER_TO_UINT (found) - 1;
      return TRUE;
    }
  if (reader->nodes_name != NULL)
    _cs_import_warn (reader->problems, &reader->n_unknown, CS_IMPORT_ERROR_UNKNOWN_NODE,
                     field_offset (edges, row, column),
                     _("unknown node \"%s\" (not in %s): a node is made of it"), name,
                     reader->nodes_name);
  node = cs_node_new ();
  node->id = g_strdup (assign_id (reader, name, field_offset (edges, row, column), FALSE));
  node->label = g_strdup (name);
  *index = take_node (reader, node, name);
  return TRUE;
}

typedef struct
{
  gboolean   header;
  guint      source;
  guint      target;
  guint      relation;
  guint      role;
  GPtrArray *names;
} Columns;

/* Whether the first row names the columns (see the top of the file) */
static gboolean
has_header (const Table *edges,
            Nodes       *nodes,
            GPtrArray   *problems,
            guint       *source,
            guint       *target)
{
  const Row *first = table_row (edges, 0);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GHashTable) ends = NULL;
  const char *a, *b;
  double value;

  for (guint c = 0; c < first->n_fields; c++)
    g_ptr_array_add (names, (char *)table_field (edges, 0, c));
  if (find_end_columns ((const char *const *)names->pdata, names->len, source, target))
    return TRUE;
  *source = 0;
  *target = 1;
  if (edges->rows->len < 2)
    return FALSE;

  /* a column of numbers under a word */
  for (guint c = 0; c < first->n_fields; c++)
    {
      guint numbers = 0, others = 0;

      if (is_number (table_field (edges, 0, c), &value))
        continue;
      for (guint r = 1; r < MIN (edges->rows->len, HEADER_ROWS + 1); r++)
        {
          if (c >= table_row (edges, r)->n_fields)
            continue;
          if (is_number (table_field (edges, r, c), &value))
            numbers++;
          else
            others++;
        }
      if (numbers > 0 && others == 0)
        return TRUE;
    }

  a = table_field (edges, 0, 0);
  b = table_field (edges, 0, 1);
  if (nodes != NULL && nodes->rows != NULL && g_hash_table_size (nodes->rows) > 0)
    {
      gboolean first_known = g_hash_table_contains (nodes->rows, a) ||
                             g_hash_table_contains (nodes->rows, b);
      gboolean others_known = FALSE;

      for (guint r = 1; r < edges->rows->len && !others_known; r++)
        others_known = g_hash_table_contains (nodes->rows, table_field (edges, r, 0)) ||
                       g_hash_table_contains (nodes->rows, table_field (edges, r, 1));
      if (!first_known && others_known)
        return TRUE;
      if (first_known)
        return FALSE;
    }

  /* its ends come back in other rows: an edge */
  ends = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint r = 1; r < edges->rows->len; r++)
    {
      g_hash_table_add (ends, (char *)table_field (edges, r, 0));
      g_hash_table_add (ends, (char *)table_field (edges, r, 1));
    }
  if (!g_hash_table_contains (ends, a) && !g_hash_table_contains (ends, b))
    cs_problems_add (problems, CS_PROBLEM_WARNING, CS_IMPORT_ERROR_VALUE, first->offset, NULL,
                     /* TRANSLATORS: source, target, from and to are names of
                      * columns: keep them as they are */
                     _("no header row (no columns named source and target, or from and to): "
                       "the first row is read as an edge"));
  return FALSE;
}

static void
read_edge (Reader      *reader,
           const Table *edges,
           Columns     *columns,
           guint        r,
           GHashTable  *pairs)
{
  const Row *row = table_row (edges, r);
  guint n_columns = columns->names->len;
  guint needed = MAX (columns->source, columns->target) + 1;
  const char *source_name = table_field (edges, r, columns->source);
  const char *target_name = table_field (edges, r, columns->target);
  g_autoptr(CsEdge) edge = NULL;
  g_autofree char *pair = NULL;

  if (row->n_fields < needed)
    {
      const char *end = columns->source >= row->n_fields ? "source" : "target";

      if (columns->header)
        _cs_import_warn (reader->problems, &reader->n_short, CS_IMPORT_ERROR_MISSING,
                         row->offset,
                         /* TRANSLATORS: the first %u is the row's number of fields, the
                          * second the number of columns; %s is source or target, the end of
                          * the edge: keep it as it is */
                         g_dngettext (GETTEXT_PACKAGE,
                                      "%u field, the header has %u: no %s here, the row is "
                                      "left out",
                                      "%u fields, the header has %u: no %s here, the row is "
                                      "left out",
                                      row->n_fields),
                         row->n_fields, n_columns, end);
      else
        _cs_import_warn (reader->problems, &reader->n_short, CS_IMPORT_ERROR_MISSING,
                         row->offset,
                         /* TRANSLATORS: the first %u is the row's number of fields, the
                          * second the number of columns; %s is source or target, the end of
                          * the edge: keep it as it is */
                         g_dngettext (GETTEXT_PACKAGE,
                                      "%u field, other rows have %u: no %s here, the row is "
                                      "left out",
                                      "%u fields, other rows have %u: no %s here, the row is "
                                      "left out",
                                      row->n_fields),
                         row->n_fields, n_columns, end);
      return;
    }
  if (source_name[0] == '\0' || target_name[0] == '\0')
    {
      guint empty = source_name[0] == '\0' ? columns->source : columns->target;

      _cs_import_warn (reader->problems, &reader->n_empty_end, CS_IMPORT_ERROR_MISSING,
                       field_offset (edges, r, empty),
                       /* TRANSLATORS: %s is source or target, the end of the
                        * edge: keep it as it is */
                       _("empty %s: the row is left out"),
                       empty == columns->source ? "source" : "target");
      return;
    }
  if (row->n_fields < n_columns && columns->header)
    _cs_import_warn (reader->problems, &reader->n_short, CS_IMPORT_ERROR_MISSING, row->offset,
                     /* TRANSLATORS: the first %u is the row's number of fields, the second
                      * the number of columns */
                     g_dngettext (GETTEXT_PACKAGE,
                                  "%u field, the header has %u: the missing ones are left empty",
                                  "%u fields, the header has %u: the missing ones are left empty",
                                  row->n_fields),
                     row->n_fields, n_columns);
  else if (row->n_fields < n_columns)
    _cs_import_warn (reader->problems, &reader->n_short, CS_IMPORT_ERROR_MISSING, row->offset,
                     /* TRANSLATORS: the first %u is the row's number of fields, the second
                      * the number of columns */
                     g_dngettext (GETTEXT_PACKAGE,
                                  "%u field, other rows have %u: the missing ones are left empty",
                                  "%u fields, other rows have %u: the missing ones are left empty",
                                  row->n_fields),
                     row->n_fields, n_columns);
  else if (row->n_fields > n_columns && columns->header)
    _cs_import_warn (reader->problems, &reader->n_long, CS_IMPORT_ERROR_VALUE,
                     field_offset (edges, r, n_columns),
                     /* TRANSLATORS: the first %u is the row's number of fields, more than
                      * the number of columns; the plural is for the fields left out */
                     g_dngettext (GETTEXT_PACKAGE,
                                  "%u fields, the header has %u: the last one is left out",
                                  "%u fields, the header has %u: the last ones are left out",
                                  row->n_fields - n_columns),
                     row->n_fields, n_columns);
  else if (row->n_fields > n_columns)
    _cs_import_warn (reader->problems, &reader->n_long, CS_IMPORT_ERROR_VALUE,
                     field_offset (edges, r, n_columns),
                     /* TRANSLATORS: the first %u is the row's number of fields, more than
                      * the number of columns; the plural is for the fields left out */
                     g_dngettext (GETTEXT_PACKAGE,
                                  "%u fields, other rows have %u: the last one is left out",
                                  "%u fields, other rows have %u: the last ones are left out",
                                  row->n_fields - n_columns),
                     row->n_fields, n_columns);

  edge = cs_edge_new ();
  end_node (reader, edges, r, columns->source, &edge->source);
  end_node (reader, edges, r, columns->target, &edge->target);
  edge->relation = reader->other;
  for (guint c = 0; c < MIN (row->n_fields, n_columns); c++)
    {
      const char *value = table_field (edges, r, c);
      g_autofree char *word = NULL;

      if (value[0] == '\0' || c == columns->source || c == columns->target)
        continue;
      if (c == columns->relation && (word = _cs_import_word (value)) != NULL)
        {
          edge->relation = cs_graph_builder_intern_relation (reader->builder, word);
          continue;
        }
      if (c == columns->role)
        {
          edge->role = g_strdup (value);
          continue;
        }
      cs_edge_take_attribute (edge,
                              _cs_import_attribute_new (g_ptr_array_index (columns->names, c),
                                                        value));
    }

  if (edge->source == edge->target)
    _cs_import_warn (reader->problems, &reader->n_loops, CS_IMPORT_ERROR_VALUE, row->offset,
                     _("the edge links node \"%s\" to itself"), source_name);
  pair = g_strdup_printf ("%u %u", edge->source, edge->target);
  if (g_hash_table_contains (pairs, pair))
    _cs_import_warn (reader->problems, &reader->n_parallel, CS_IMPORT_ERROR_VALUE, row->offset,
                     _("another row links \"%s\" to \"%s\" already (parallel edges)"), source_name,
                     target_name);
  else
    g_hash_table_add (pairs, g_steal_pointer (&pair));
  cs_graph_builder_take_edge (reader->builder, g_steal_pointer (&edge));
}

/* The node table's problems, placed in its own text and named by it */
static void
move_problems (GPtrArray  *from,
               const Table *table,
               const char *name,
               GPtrArray  *to)
{
  cs_problems_resolve_positions (from, table->data, table->length);
  for (guint i = 0; i < from->len; i++)
    {
      CsProblem *problem = g_ptr_array_index (from, i);

      problem->offset = CS_PROBLEM_NO_OFFSET;
      problem->file = g_strdup (name);
    }
  g_ptr_array_extend_and_steal (to, g_ptr_array_ref (from));
}

static gboolean
load_nodes (Nodes                 *nodes,
            const CsImportOptions *options,
            const char            *name,
            GMappedFile          **mapped,
            GPtrArray             *problems,
            GCancellable          *cancellable)
{
  g_autoptr(GPtrArray) own = cs_problems_new ();
  g_autoptr(GError) error = NULL;
  gboolean ok;

  *mapped = g_mapped_file_new (options->nodes_path, FALSE, &error);
  if (*mapped == NULL)
    {
      cs_problems_add (problems, CS_PROBLEM_ERROR, CS_IMPORT_ERROR_IO, CS_PROBLEM_NO_OFFSET, NULL,
                       _("cannot read the node table: %s"), error->message);
      return FALSE;
    }
  if (g_mapped_file_get_length (*mapped) > CS_IMPORT_MAX_SIZE)
    {
      cs_problems_add (problems, CS_PROBLEM_ERROR, CS_IMPORT_ERROR_TOO_LARGE, CS_PROBLEM_NO_OFFSET,
                       NULL, _("the node table %s is larger than %d MiB"), name,
                       CS_IMPORT_MAX_SIZE / (1024 * 1024));
      return FALSE;
    }
  table_init (&nodes->table, g_mapped_file_get_contents (*mapped),
              g_mapped_file_get_length (*mapped));
  ok = nodes_read (nodes, options->nodes_path, own, cancellable);
  move_problems (own, &nodes->table, name, problems);
  return ok;
}

static gboolean
cs_csv_importer_load (CsImporter            *importer,
                      const char            *data,
                      gsize                  length,
                      const CsImportOptions *options,
                      CsGraphBuilder        *builder,
                      GPtrArray             *problems,
                      GCancellable          *cancellable)
{
  g_auto(Table) edges = { 0 };
  g_auto(Nodes) nodes = { 0 };
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(CsIdMap) ids = _cs_id_map_new ();
  g_autoptr(GHashTable) index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) pairs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *nodes_name = NULL;
  g_autoptr(GPtrArray) node_problems = cs_problems_new ();
  Columns columns = { 0 };
  Reader reader = { builder, problems, NULL, ids, index };
  guint n_unlabelled = 0, n_bad_xy = 0;
  guint n_columns;

  if (options->graph > 0)
    {
      cs_problems_add (problems, CS_PROBLEM_ERROR, CS_IMPORT_ERROR_OPTION, CS_PROBLEM_NO_OFFSET,
                       NULL, _("there is no graph %u: a CSV edge list holds one graph"),
                       options->graph + 1);
      return FALSE;
    }

  table_init (&edges, data, length);
  if (!table_load (&edges, options->base_path, problems, cancellable))
    return FALSE;
  if (options->nodes_path != NULL)
    {
      nodes_name = g_filename_display_name (options->nodes_path);
      reader.nodes_name = nodes_name;
      if (!load_nodes (&nodes, options, nodes_name, &mapped, problems, cancellable))
        return FALSE;
    }
  if (g_cancellable_is_cancelled (cancellable))
    return FALSE;

  n_columns = max_fields (&edges);
  if (edges.rows->len == 0 || n_columns < 2)
    {
      cs_problems_add (problems, CS_PROBLEM_ERROR, CS_IMPORT_ERROR_MISSING,
                       edges.rows->len > 0 ? table_row (&edges, 0)->offset : CS_PROBLEM_NO_OFFSET,
                       NULL,
                       /* TRANSLATORS: %s is the delimiter, such as , or \t */
                       _("an edge list needs two columns, the source and the target of each "
                         "edge; with the delimiter \"%s\" this file has one"),
                       edges.delimiter == '\t' ? "\\t" : (char[]) { edges.delimiter, '\0' });
      return FALSE;
    }
  columns.header = has_header (&edges, options->nodes_path != NULL ? &nodes : NULL, problems,
                               &columns.source, &columns.target);
  if (columns.header)
    n_columns = table_row (&edges, 0)->n_fields;
  columns.names = column_names (&edges, columns.header, MAX (n_columns, 2));
  columns.relation = columns.header ? find_column (columns.names, "relation", G_MAXUINT)
                                    : G_MAXUINT;
  columns.role = columns.header ? find_column (columns.names, "role", G_MAXUINT) : G_MAXUINT;
  if (columns.header && columns.role == G_MAXUINT)
    columns.role = find_column (columns.names, "label", G_MAXUINT);
  reader.other = cs_graph_builder_intern_relation (builder, "other");

  /* every name first: ids made for the others never take one of them */
  for (guint i = 0; nodes.order != NULL && i < nodes.order->len; i++)
    _cs_id_map_reserve (ids, table_field (&nodes.table, g_array_index (nodes.order, guint, i),
                                          nodes.id));
  for (guint r = columns.header ? 1 : 0; r < edges.rows->len; r++)
    {
      _cs_id_map_reserve (ids, table_field (&edges, r, columns.source));
      _cs_id_map_reserve (ids, table_field (&edges, r, columns.target));
    }

  for (guint i = 0; nodes.order != NULL && i < nodes.order->len; i++)
    node_from_row (&reader, &nodes, g_array_index (nodes.order, guint, i), node_problems,
                   &n_unlabelled, &n_bad_xy);
  for (guint r = columns.header ? 1 : 0; r < edges.rows->len; r++)
    {
      if (r % CANCEL_EVERY == 0 && g_cancellable_is_cancelled (cancellable))
        {
          g_ptr_array_unref (columns.names);
          return FALSE;
        }
      read_edge (&reader, &edges, &columns, r, pairs);
    }
  g_ptr_array_unref (columns.names);

  _cs_import_warn_rest (node_problems, n_unlabelled,
                        g_dngettext (GETTEXT_PACKAGE,
                                     "%u more node without a label is not listed",
                                     "%u more nodes without a label are not listed",
                                     _cs_import_n_unlisted (n_unlabelled)),
                        _cs_import_n_unlisted (n_unlabelled));
  _cs_import_warn_rest (node_problems, n_bad_xy,
                        g_dngettext (GETTEXT_PACKAGE,
                                     "%u more node whose x and y are not a position is not listed",
                                     "%u more nodes whose x and y are not a position are not "
                                     "listed",
                                     _cs_import_n_unlisted (n_bad_xy)),
                        _cs_import_n_unlisted (n_bad_xy));
  _cs_import_warn_rest (problems, reader.n_short,
                        g_dngettext (GETTEXT_PACKAGE,
                                     "%u more row with too few fields is not listed",
                                     "%u more rows with too few fields are not listed",
                                     _cs_import_n_unlisted (reader.n_short)),
                        _cs_import_n_unlisted (reader.n_short));
  _cs_import_warn_rest (problems, reader.n_long,
                        g_dngettext (GETTEXT_PACKAGE,
                                     "%u more row with too many fields is not listed",
                                     "%u more rows with too many fields are not listed",
                                     _cs_import_n_unlisted (reader.n_long)),
                        _cs_import_n_unlisted (reader.n_long));
  _cs_import_warn_rest (problems, reader.n_empty_end,
                        g_dngettext (GETTEXT_PACKAGE,
                                     "%u more row with an empty end is not listed",
                                     "%u more rows with an empty end are not listed",
                                     _cs_import_n_unlisted (reader.n_empty_end)),
                        _cs_import_n_unlisted (reader.n_empty_end));
  _cs_import_warn_rest (problems, reader.n_unknown,
                        g_dngettext (GETTEXT_PACKAGE,
                                     "%u more unknown node is not listed",
                                     "%u more unknown nodes are not listed",
                                     _cs_import_n_unlisted (reader.n_unknown)),
                        _cs_import_n_unlisted (reader.n_unknown));
  _cs_import_warn_rest (problems, reader.n_loops,
                        g_dngettext (GETTEXT_PACKAGE,
                                     "%u more self-loop is not listed",
                                     "%u more self-loops are not listed",
                                     _cs_import_n_unlisted (reader.n_loops)),
                        _cs_import_n_unlisted (reader.n_loops));
  _cs_import_warn_rest (problems, reader.n_parallel,
                        g_dngettext (GETTEXT_PACKAGE,
                                     "%u more parallel edge is not listed",
                                     "%u more parallel edges are not listed",
                                     _cs_import_n_unlisted (reader.n_parallel)),
                        _cs_import_n_unlisted (reader.n_parallel));
  if (_cs_id_map_get_n_renamed (ids) > 0)
    {
      const char *id;
      const char *name = _cs_id_map_get_first_renamed (ids, &id);
      guint n = _cs_id_map_get_n_renamed (ids);

      cs_problems_add (reader.renamed_in_nodes ? node_problems : problems, CS_PROBLEM_WARNING,
                       CS_IMPORT_ERROR_VALUE, reader.renamed_offset, NULL,
                       /* TRANSLATORS: the %s are the first name changed and the
                        * id it gets */
                       g_dngettext (GETTEXT_PACKAGE,
                                    "%u node name is not a Consortia id (letters, digits and "
                                    "_ . : -): it gets an id of its own (\"%s\" is \"%s\") and "
                                    "keeps its name as its label or an alias",
                                    "%u node names are not Consortia ids (letters, digits and "
                                    "_ . : -): each gets an id of its own (\"%s\" is \"%s\") and "
                                    "keeps its name as its label or an alias",
                                    n),
                       n, name, id);
    }
  if (node_problems->len > 0)
    move_problems (node_problems, &nodes.table, nodes_name, problems);
  return cs_problems_count_errors (problems) == 0;
}

static void
cs_csv_importer_class_init (CsCsvImporterClass *klass)
{
  CsImporterClass *importer_class = CS_IMPORTER_CLASS (klass);
  static const char *const mime_types[] = { "text/csv", "text/tab-separated-values", NULL };
  static const char *const extensions[] = { "csv", "tsv", NULL };

  importer_class->name = "csv";
  /* TRANSLATORS: the name of a file format, in the file chooser */
  importer_class->display_name = _("CSV edge list");
  importer_class->mime_types = mime_types;
  importer_class->extensions = extensions;
  importer_class->sniff = cs_csv_importer_sniff;
  importer_class->load = cs_csv_importer_load;
}

static void
cs_csv_importer_init (CsCsvImporter *self)
{
}
