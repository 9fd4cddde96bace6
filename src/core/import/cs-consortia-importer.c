/* cs-consortia-importer.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-consortia-importer.h"

#include "cs-stages.h"

#include "cs-json-tree.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Consortia's own JSON format (data/README.md, data/consortia-graph.schema.json):
 * every rule of the schema is checked here, each problem placed at the
 * value it is about. Nothing is formatted or allocated for a value that
 * is fine: paths become text only when a problem is reported. */

#define FORMAT_NAME     "consortia-graph"
#define FORMAT_VERSION  1
#define MAX_ID_LENGTH   200
#define CANCEL_EVERY    4096

struct _CsConsortiaImporter
{
  CsImporter parent_instance;
};

G_DEFINE_FINAL_TYPE (CsConsortiaImporter, cs_consortia_importer, CS_TYPE_IMPORTER)

typedef struct
{
  CsJsonTree     *tree;
  CsGraphBuilder *builder;
  GPtrArray      *problems;
  GArray         *json_index; /* per node taken: its index in "nodes" */
  GHashTable     *rejected;   /* id → index + 1 in "nodes", of nodes left out for a problem */
  gboolean        check_sources;
} Reader;

/* An object being read: its node (for positions), the object, its path,
 * and how many of its members the reading found */
typedef struct
{
  JsonNode         *node;
  JsonObject       *object;
  const CsJsonPath *path;
  guint             found;
} Object;

static void
report (Reader             *reader,
        CsProblemSeverity   severity,
        CsImportError       code,
        JsonNode           *at,
        const CsJsonPath   *path,
        const char         *member,
        const char         *format,
        ...) G_GNUC_PRINTF (7, 8);

static void
report (Reader             *reader,
        CsProblemSeverity   severity,
        CsImportError       code,
        JsonNode           *at,
        const CsJsonPath   *path,
        const char         *member,
        const char         *format,
        ...)
{
  g_autofree char *message = NULL;
  g_autofree char *text_path = cs_json_path_to_string (path, member);
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (reader->problems,
                   cs_problem_new (severity, code, cs_json_tree_get_offset (reader->tree, at),
                                   text_path, message));
}

#define error_at(reader, code, at, path, member, ...) \
  report (reader, CS_PROBLEM_ERROR, CS_IMPORT_ERROR_##code, at, path, member, __VA_ARGS__)

/* Members */

typedef struct
{
  Reader            *reader;
  Object            *object;
  const char *const *allowed;
} MemberCheck;

static void
check_member_cb (JsonObject  *object,
                 const char  *name,
                 JsonNode    *value,
                 gpointer     user_data)
{
  MemberCheck *check = user_data;

  /* "x-" members are the format's room for other programs' data: valid,
   * not read, and written back as they were by a save */
  if (!g_strv_contains (check->allowed, name) && !g_str_has_prefix (name, "x-"))
    error_at (check->reader, UNKNOWN_MEMBER, value, check->object->path, name,
              _("unknown member \"%s\""), name);
}

static void
check_members (Reader            *reader,
               Object            *object,
               const char *const *allowed)
{
  MemberCheck check = { reader, object, allowed };

  json_object_foreach_member (object->object, check_member_cb, &check);
}

/* For objects whose every allowed member is looked up once: when the
 * lookups found them all, no other member is there to report. */
static void
check_other_members (Reader            *reader,
                     Object            *object,
                     const char *const *allowed)
{
  if (json_object_get_size (object->object) != object->found)
    check_members (reader, object, allowed);
}

static JsonNode *
lookup (Object     *object,
        const char *member)
{
  JsonNode *node = json_object_get_member (object->object, member);

  object->found += node != NULL;
  return node;
}

/* Reads an optional string member; returns FALSE (with a problem) when it is
 * present but not a string, or empty when @non_empty. */
static gboolean
get_string (Reader        *reader,
            Object  *object,
            const char    *member,
            gboolean       required,
            gboolean       non_empty,
            const char   **out)
{
  JsonNode *node = lookup (object, member);

  *out = NULL;
  if (node == NULL)
    {
      if (required)
        error_at (reader, MISSING, object->node, object->path, NULL, _("missing \"%s\""), member);
      return !required;
    }
  if (!cs_json_holds (node, G_TYPE_STRING))
    {
      error_at (reader, TYPE, node, object->path, member, _("expected a string, found %s"),
                cs_json_describe (node));
      return FALSE;
    }
  *out = json_node_get_string (node);
  if (non_empty && **out == '\0')
    {
      error_at (reader, VALUE, node, object->path, member, _("must not be empty"));
      *out = NULL;
      return FALSE;
    }
  return TRUE;
}

static gboolean
get_number (Reader       *reader,
            Object *object,
            const char   *member,
            gboolean     *present,
            double       *out)
{
  JsonNode *node = lookup (object, member);

  /* present even when invalid: the caller's "x without y" check is about
   * what the file says, not about what could be read */
  *present = node != NULL;
  if (node == NULL)
    return TRUE;
  if (!cs_json_holds (node, G_TYPE_DOUBLE))
    {
      error_at (reader, TYPE, node, object->path, member, _("expected a number, found %s"),
                cs_json_describe (node));
      return FALSE;
    }
  *out = json_node_get_double (node);
  if (!isfinite (*out))
    {
      error_at (reader, NON_FINITE, node, object->path, member,
                _("number is too large to be finite"));
      return FALSE;
    }
  return TRUE;
}

/* A member that must hold an array or an object; NULL when it is missing
 * (a problem when @required) or of another kind (always a problem). */
static JsonNode *
get_container (Reader       *reader,
               Object *object,
               const char   *member,
               gboolean      required,
               JsonNodeType  type)
{
  JsonNode *node = lookup (object, member);

  if (node == NULL)
    {
      if (required)
        error_at (reader, MISSING, object->node, object->path, NULL, _("missing \"%s\""), member);
      return NULL;
    }
  if (JSON_NODE_TYPE (node) != type)
    {
      error_at (reader, TYPE, node, object->path, member, _("expected %s, found %s"),
                type == JSON_NODE_ARRAY ? C_("JSON value", "an array")
                                        : C_("JSON value", "an object"),
                cs_json_describe (node));
      return NULL;
    }
  return node;
}

static JsonArray *
get_array (Reader       *reader,
           Object *object,
           const char   *member,
           gboolean      required)
{
  JsonNode *node = get_container (reader, object, member, required, JSON_NODE_ARRAY);

  return node != NULL ? json_node_get_array (node) : NULL;
}

/* @element as an object at @path, or NULL with a problem */
static gboolean
expect_object (Reader           *reader,
               JsonNode         *element,
               const CsJsonPath *path,
               const char       *what,
               Object           *object)
{
  if (!JSON_NODE_HOLDS_OBJECT (element))
    {
      /* TRANSLATORS: the first %s is what the element should be, such as
       * “a node object”; the second a kind of JSON value, such as “an array” */
      error_at (reader, TYPE, element, path, NULL, _("expected %s, found %s"), what,
                cs_json_describe (element));
      return FALSE;
    }
  *object = (Object) { element, json_node_get_object (element), path, 0 };
  return TRUE;
}

static gboolean
get_object (Reader       *reader,
            Object *parent,
            const char   *member,
            CsJsonPath   *path,
            Object       *object)
{
  JsonNode *node = get_container (reader, parent, member, FALSE, JSON_NODE_OBJECT);

  if (node == NULL)
    return FALSE;
  *path = CS_JSON_PATH_MEMBER (parent->path, member);
  *object = (Object) { node, json_node_get_object (node), path, 0 };
  return TRUE;
}

/* Values */

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

/* types and relations: lower-case snake_case words */
static gboolean
is_valid_name (const char *name)
{
  if (!g_ascii_islower (name[0]))
    return FALSE;
  for (const char *p = name; *p; p++)
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
get_id (Reader        *reader,
        Object  *object,
        gboolean       required,
        const char   **out)
{
  if (!get_string (reader, object, "id", required, TRUE, out))
    return FALSE;
  if (*out != NULL && !is_valid_id (*out))
    {
      error_at (reader, VALUE, json_object_get_member (object->object, "id"), object->path, "id",
                _("invalid id \"%s\" (use letters, digits and _ . : -, starting with a letter "
                  "or digit, at most %d characters)"),
                *out, MAX_ID_LENGTH);
      *out = NULL;
      return FALSE;
    }
  return TRUE;
}

static gboolean
get_date (Reader        *reader,
          Object  *object,
          const char    *member,
          const char   **out)
{
  if (!get_string (reader, object, member, FALSE, TRUE, out))
    return FALSE;
  if (*out != NULL && !is_valid_date (*out))
    {
      error_at (reader, VALUE, json_object_get_member (object->object, member), object->path,
                member, _("\"%s\" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"), *out);
      *out = NULL;
      return FALSE;
    }
  return TRUE;
}

/* a type or relation: any snake_case word; the known ones have styles */
static gboolean
get_name (Reader        *reader,
          Object  *object,
          const char    *member,
          const char    *what,
          const char   **out)
{
  if (!get_string (reader, object, member, TRUE, TRUE, out))
    return FALSE;
  if (*out != NULL && !is_valid_name (*out))
    {
      error_at (reader, VALUE, json_object_get_member (object->object, member), object->path,
                member,
                /* TRANSLATORS: the first %s is the member, type, stage or relation;
                 * the last an example of a valid value */
                _("invalid %s \"%s\" (use lower-case snake_case, like %s)"), what, *out,
                g_str_equal (member, "type")    ? "research_institute"
                : g_str_equal (member, "stage") ? "passed_document_review"
                                                : "member_of");
      *out = NULL;
      return FALSE;
    }
  return TRUE;
}

typedef void (*TakeSource) (gpointer  owner,
                            CsSource *source);

static void
parse_sources (Reader       *reader,
               Object *parent,
               gpointer      owner,
               TakeSource    take)
{
  static const char *const allowed[] = { "file", "quote", NULL };
  CsJsonPath spath = CS_JSON_PATH_MEMBER (parent->path, "sources");
  JsonArray *array = get_array (reader, parent, "sources", FALSE);

  if (array == NULL)
    return;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      CsJsonPath epath = CS_JSON_PATH_ELEMENT (&spath, i);
      const char *file = NULL;
      const char *quote = NULL;

      if (cs_json_holds (element, G_TYPE_STRING))
        {
          file = json_node_get_string (element);
          if (file[0] == '\0')
            {
              error_at (reader, VALUE, element, &epath, NULL, _("must not be empty"));
              continue;
            }
        }
      else if (JSON_NODE_HOLDS_OBJECT (element))
        {
          Object source = { element, json_node_get_object (element), &epath };

          check_members (reader, &source, allowed);
          if (!get_string (reader, &source, "file", TRUE, TRUE, &file) ||
              !get_string (reader, &source, "quote", FALSE, TRUE, &quote) || file == NULL)
            continue;
        }
      else
        {
          error_at (reader, TYPE, element, &epath, NULL,
                    /* TRANSLATORS: {"file", "quote"} is JSON: keep it as it is */
                    _("expected a file name or {\"file\", \"quote\"}, found %s"),
                    cs_json_describe (element));
          continue;
        }

      if (reader->check_sources && !cs_graph_builder_has_article (reader->builder, file))
        error_at (reader, UNKNOWN_SOURCE, element, &epath, NULL,
                  _("unknown source \"%s\" (not listed in graph.sources)"), file);

      take (owner, cs_source_new (file, quote));
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
check_scalar (Reader           *reader,
              JsonNode         *node,
              const CsJsonPath *path,
              const char       *member)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    {
      error_at (reader, TYPE, node, path, member,
                _("expected a string, number or boolean, found %s"), cs_json_describe (node));
      return FALSE;
    }
  if (json_node_get_value_type (node) == G_TYPE_DOUBLE && !isfinite (json_node_get_double (node)))
    {
      error_at (reader, NON_FINITE, node, path, member, _("number is too large to be finite"));
      return FALSE;
    }
  return TRUE;
}

typedef void (*TakeAttribute) (gpointer     owner,
                               CsAttribute *attribute);

typedef struct
{
  Reader           *reader;
  const CsJsonPath *path; /* …attributes */
  gpointer          owner;
  TakeAttribute     take;
} AttributeRead;

static void
parse_attribute_cb (JsonObject *object,
                    const char *key,
                    JsonNode   *value,
                    gpointer    user_data)
{
  static const char *const claim_members[] = { "value", "note", "sources", NULL };
  AttributeRead *read = user_data;
  Reader *reader = read->reader;
  CsJsonPath kpath = CS_JSON_PATH_MEMBER (read->path, key);
  g_autoptr(CsAttribute) attribute = cs_attribute_new (key);

  if (JSON_NODE_HOLDS_ARRAY (value))
    {
      JsonArray *claims = json_node_get_array (value);

      if (json_array_get_length (claims) == 0)
        {
          error_at (reader, VALUE, value, &kpath, NULL, _("a list of claims must not be empty"));
          return;
        }
      for (guint i = 0; i < json_array_get_length (claims); i++)
        {
          JsonNode *element = json_array_get_element (claims, i);
          CsJsonPath cpath = CS_JSON_PATH_ELEMENT (&kpath, i);
          g_autoptr(CsClaim) claim = NULL;
          Object claim_object;
          JsonNode *claim_value;
          const char *note = NULL;

          /* TRANSLATORS: fills the first %s of “expected %s, found %s” */
          if (!expect_object (reader, element, &cpath, _("a claim {\"value\", \"sources\"}"),
                              &claim_object))
            continue;
          check_members (reader, &claim_object, claim_members);
          claim_value = json_object_get_member (claim_object.object, "value");
          if (claim_value == NULL)
            {
              error_at (reader, MISSING, element, &cpath, NULL, _("missing \"value\""));
              continue;
            }
          if (!check_scalar (reader, claim_value, &cpath, "value") ||
              !get_string (reader, &claim_object, "note", FALSE, FALSE, &note))
            continue;
          claim = cs_claim_new ();
          claim->value = scalar_to_string (claim_value);
          claim->note = g_strdup (note);
          parse_sources (reader, &claim_object, claim, (TakeSource)cs_claim_take_source);
          cs_attribute_take_claim (attribute, g_steal_pointer (&claim));
        }
    }
  else if (check_scalar (reader, value, &kpath, NULL))
    {
      CsClaim *claim = cs_claim_new ();

      claim->value = scalar_to_string (value);
      cs_attribute_take_claim (attribute, claim);
    }

  if (attribute->claims->len > 0)
    read->take (read->owner, g_steal_pointer (&attribute));
}

static void
parse_attributes (Reader        *reader,
                  Object  *parent,
                  gpointer       owner,
                  TakeAttribute  take)
{
  JsonNode *node = get_container (reader, parent, "attributes", FALSE, JSON_NODE_OBJECT);
  CsJsonPath apath = CS_JSON_PATH_MEMBER (parent->path, "attributes");
  AttributeRead read = { reader, &apath, owner, take };

  if (node != NULL)
    json_object_foreach_member (json_node_get_object (node), parse_attribute_cb, &read);
}

static void
parse_events (Reader       *reader,
              Object *parent,
              CsNode       *node)
{
  static const char *const allowed[] = {
    "date", "until", "stage", "label", "label_en", "count", "planned", "sources", NULL
  };
  CsJsonPath epath = CS_JSON_PATH_MEMBER (parent->path, "events");
  JsonArray *array = get_array (reader, parent, "events", FALSE);

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      CsJsonPath ipath = CS_JSON_PATH_ELEMENT (&epath, i);
      g_autoptr(CsEvent) event = NULL;
      Object object;
      const char *date, *until, *stage, *label, *label_en;
      JsonNode *count, *planned;
      gboolean ok = TRUE;

      /* TRANSLATORS: fills the first %s of “expected %s, found %s” */
      if (!expect_object (reader, element, &ipath, _("an event object"), &object))
        continue;
      check_members (reader, &object, allowed);
      event = cs_event_new ();
      ok &= get_date (reader, &object, "date", &date);
      ok &= get_date (reader, &object, "until", &until);
      ok &= get_name (reader, &object, "stage", "stage", &stage);
      ok &= get_string (reader, &object, "label", FALSE, FALSE, &label);
      ok &= get_string (reader, &object, "label_en", FALSE, FALSE, &label_en);
      if (until != NULL && date == NULL)
        {
          error_at (reader, MISSING, element, &ipath, "until",
                    _("\"until\" is given without \"date\""));
          ok = FALSE;
        }
      else if (until != NULL && date != NULL && strcmp (until, date) < 0)
        {
          error_at (reader, VALUE, json_object_get_member (object.object, "until"), &ipath, "until",
                    _("\"%s\" is before the event's date \"%s\""), until, date);
          ok = FALSE;
        }
      count = lookup (&object, "count");
      if (count != NULL)
        {
          gint64 value = cs_json_holds (count, G_TYPE_INT64) ? json_node_get_int (count) : -1;

          if (value < 0 || value > G_MAXINT)
            {
              if (cs_json_holds (count, G_TYPE_INT64))
                error_at (reader, VALUE, count, &ipath, "count",
                          /* TRANSLATORS: count is the member of an event */
                          _("count %lld is outside 0…%d"), (long long)json_node_get_int (count),
                          G_MAXINT);
              else
                error_at (reader, TYPE, count, &ipath, "count",
                          _("expected a whole number of at least 0, found %s"),
                          cs_json_describe (count));
              ok = FALSE;
            }
          else
            event->count = value;
        }
      planned = lookup (&object, "planned");
      if (planned != NULL)
        {
          if (!cs_json_holds (planned, G_TYPE_BOOLEAN))
            {
              error_at (reader, TYPE, planned, &ipath, "planned", _("expected a boolean, found %s"),
                        cs_json_describe (planned));
              ok = FALSE;
            }
          else
            event->planned = json_node_get_boolean (planned);
        }
      parse_sources (reader, &object, event, (TakeSource)cs_event_take_source);
      if (!ok)
        continue;
      event->date = g_strdup (date);
      event->until = g_strdup (until);
      g_free (event->stage);
      event->stage = g_strdup (stage);
      event->label = g_strdup (label);
      event->label_en = g_strdup (label_en);
      cs_node_take_event (node, g_steal_pointer (&event));
    }
}

static void
parse_graph_metadata (Reader       *reader,
                      Object *root)
{
  static const char *const allowed[] = {
    "title", "title_en", "description", "date", "sources", "layout", NULL
  };
  static const char *const article_members[] = {
    "file", "title", "publisher", "date", "language", NULL
  };
  static const char *const layout_members[] = { "algorithm", "seed", NULL };
  CsJsonPath gpath, lpath;
  Object graph, layout;
  JsonArray *sources;
  const char *title, *title_en, *description, *date;

  if (!get_object (reader, root, "graph", &gpath, &graph))
    return;

  check_members (reader, &graph, allowed);
  get_string (reader, &graph, "title", FALSE, FALSE, &title);
  get_string (reader, &graph, "title_en", FALSE, FALSE, &title_en);
  get_string (reader, &graph, "description", FALSE, FALSE, &description);
  get_date (reader, &graph, "date", &date);
  cs_graph_builder_set_metadata (reader->builder, title, title_en, description, date);

  sources = get_array (reader, &graph, "sources", FALSE);
  if (sources != NULL)
    {
      CsJsonPath spath = CS_JSON_PATH_MEMBER (&gpath, "sources");

      reader->check_sources = TRUE;
      for (guint i = 0; i < json_array_get_length (sources); i++)
        {
          JsonNode *element = json_array_get_element (sources, i);
          CsJsonPath apath = CS_JSON_PATH_ELEMENT (&spath, i);
          g_autoptr(CsArticle) article = NULL;
          Object object;
          const char *file, *atitle, *publisher, *adate, *language;
          gboolean ok = TRUE;

          /* TRANSLATORS: fills the first %s of “expected %s, found %s” */
          if (!expect_object (reader, element, &apath, _("an object with \"file\""), &object))
            continue;
          check_members (reader, &object, article_members);
          ok &= get_string (reader, &object, "file", TRUE, TRUE, &file);
          ok &= get_string (reader, &object, "title", FALSE, FALSE, &atitle);
          ok &= get_string (reader, &object, "publisher", FALSE, FALSE, &publisher);
          ok &= get_date (reader, &object, "date", &adate);
          ok &= get_string (reader, &object, "language", FALSE, FALSE, &language);
          if (!ok || file == NULL)
            continue;
          if (cs_graph_builder_has_article (reader->builder, file))
            {
              error_at (reader, DUPLICATE_ID, element, &apath, NULL,
                        _("source \"%s\" is listed twice"), file);
              continue;
            }
          article = cs_article_new (file);
          article->title = g_strdup (atitle);
          article->publisher = g_strdup (publisher);
          article->date = g_strdup (adate);
          article->language = g_strdup (language);
          cs_graph_builder_take_article (reader->builder, g_steal_pointer (&article));
        }
    }

  if (get_object (reader, &graph, "layout", &lpath, &layout))
    {
      const char *algorithm = NULL;
      JsonNode *seed = json_object_get_member (layout.object, "seed");
      gboolean has_seed = FALSE;
      gint64 seed_value = 0;

      check_members (reader, &layout, layout_members);
      get_string (reader, &layout, "algorithm", FALSE, TRUE, &algorithm);
      if (seed != NULL)
        {
          if (!cs_json_holds (seed, G_TYPE_INT64))
            error_at (reader, TYPE, seed, &lpath, "seed", _("expected a whole number, found %s"),
                      cs_json_describe (seed));
          else if ((seed_value = json_node_get_int (seed)) < 0 || seed_value > G_MAXUINT32)
            error_at (reader, VALUE, seed, &lpath, "seed",
                      /* TRANSLATORS: seed is the member of the layout */
                      _("seed %lld is outside 0…4294967295"), (long long)seed_value);
          else
            has_seed = TRUE;
        }
      cs_graph_builder_set_layout (reader->builder, algorithm, has_seed, (guint32)seed_value);
    }
}

/* Where the node with @id first appeared in "nodes", taken or left out */
static gboolean
find_node (Reader     *reader,
           const char *id,
           guint      *json_index,
           gboolean   *taken)
{
  guint index;
  gpointer value;

  if (cs_graph_builder_lookup (reader->builder, id, &index))
    {
      *json_index = g_array_index (reader->json_index, guint, index);
      *taken = TRUE;
      return TRUE;
    }
  if (reader->rejected != NULL && (value = g_hash_table_lookup (reader->rejected, id)) != NULL)
    {
      *json_index = GPOINTER_TO_UINT (value) - 1;
      *taken = FALSE;
      return TRUE;
    }
  return FALSE;
}

static void
parse_node (Reader           *reader,
            JsonNode         *element,
            const CsJsonPath *path,
            guint             index)
{
  static const char *const allowed[] = {
    "id", "label", "label_en", "label_en_origin", "aliases", "type", "description",
    "attributes", "events", "sources", "x", "y", "pinned", NULL
  };
  g_autoptr(CsNode) node = NULL;
  Object object;
  JsonArray *aliases;
  JsonNode *pinned;
  const char *id, *label, *label_en, *origin, *type, *description;
  gboolean ok = TRUE;
  gboolean has_x, has_y;
  double x = 0, y = 0;

  /* TRANSLATORS: fills the first %s of “expected %s, found %s” */
  if (!expect_object (reader, element, path, _("a node object"), &object))
    return;
  node = cs_node_new ();

  ok &= get_id (reader, &object, TRUE, &id);
  ok &= get_string (reader, &object, "label", TRUE, TRUE, &label);
  ok &= get_string (reader, &object, "label_en", FALSE, FALSE, &label_en);
  ok &= get_string (reader, &object, "label_en_origin", FALSE, TRUE, &origin);
  if (origin != NULL && !g_str_equal (origin, "article") && !g_str_equal (origin, "outside"))
    {
      error_at (reader, VALUE, json_object_get_member (object.object, "label_en_origin"), path,
                "label_en_origin", _("expected \"article\" or \"outside\", found \"%s\""), origin);
      ok = FALSE;
    }
  ok &= get_name (reader, &object, "type", "type", &type);
  if (type != NULL)
    node->type = cs_graph_builder_intern_type (reader->builder, type);
  ok &= get_string (reader, &object, "description", FALSE, FALSE, &description);

  aliases = get_array (reader, &object, "aliases", FALSE);
  if (aliases != NULL && json_array_get_length (aliases) > 0)
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      CsJsonPath apath = CS_JSON_PATH_MEMBER (path, "aliases");

      for (guint i = 0; i < json_array_get_length (aliases); i++)
        {
          JsonNode *alias = json_array_get_element (aliases, i);

          if (!cs_json_holds (alias, G_TYPE_STRING) || json_node_get_string (alias)[0] == '\0')
            {
              CsJsonPath epath = CS_JSON_PATH_ELEMENT (&apath, i);

              error_at (reader, TYPE, alias, &epath, NULL,
                        _("expected a non-empty string, found %s"), cs_json_describe (alias));
              ok = FALSE;
              continue;
            }
          g_strv_builder_add (builder, json_node_get_string (alias));
        }
      node->aliases = g_strv_builder_end (builder);
    }

  ok &= get_number (reader, &object, "x", &has_x, &x);
  ok &= get_number (reader, &object, "y", &has_y, &y);
  if (has_x != has_y)
    {
      error_at (reader, MISSING, element, path, NULL, _("\"%s\" is given without \"%s\""),
                has_x ? "x" : "y", has_x ? "y" : "x");
      ok = FALSE;
    }
  pinned = lookup (&object, "pinned");
  if (pinned != NULL)
    {
      if (!cs_json_holds (pinned, G_TYPE_BOOLEAN))
        {
          error_at (reader, TYPE, pinned, path, "pinned", _("expected a boolean, found %s"),
                    cs_json_describe (pinned));
          ok = FALSE;
        }
      else if (!has_x && json_node_get_boolean (pinned))
        {
          error_at (reader, MISSING, pinned, path, "pinned",
                    _("a pinned node needs \"x\" and \"y\""));
          ok = FALSE;
        }
      else
        node->pinned = json_node_get_boolean (pinned);
    }

  parse_attributes (reader, &object, node, (TakeAttribute)cs_node_take_attribute);
  parse_events (reader, &object, node);
  parse_sources (reader, &object, node, (TakeSource)cs_node_take_source);
  check_other_members (reader, &object, allowed);

  if (id != NULL)
    {
      guint first;
      gboolean taken;

      if (find_node (reader, id, &first, &taken))
        {
          error_at (reader, DUPLICATE_ID, json_object_get_member (object.object, "id"), path,
                    "id", _("duplicate id \"%s\" (first used by nodes[%u])"), id, first);
          return;
        }
    }

  if (!ok)
    {
      /* remembered, so a later duplicate or an edge to it is understood */
      if (id != NULL)
        {
          if (reader->rejected == NULL)
            reader->rejected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
          g_hash_table_insert (reader->rejected, g_strdup (id), GUINT_TO_POINTER (index + 1));
        }
      return;
    }

  node->id = g_strdup (id);
  node->label = g_strdup (label);
  node->label_en = g_strdup (label_en);
  node->label_en_outside = origin != NULL && g_str_equal (origin, "outside");
  node->description = g_strdup (description);
  node->has_position = has_x && has_y;
  node->x = x;
  node->y = y;
  if (cs_graph_builder_take_node (reader->builder, node))
    {
      g_steal_pointer (&node);
      g_array_append_val (reader->json_index, index);
    }
}

static gboolean
resolve_end (Reader       *reader,
             Object *object,
             const char   *member,
             guint        *index)
{
  const char *id;
  guint first;
  gboolean taken;

  if (!get_string (reader, object, member, TRUE, TRUE, &id) || id == NULL)
    return FALSE;
  if (!cs_graph_builder_lookup (reader->builder, id, index))
    {
      /* a node with this id exists but was left out: that problem is
       * reported already */
      if (!find_node (reader, id, &first, &taken))
        error_at (reader, UNKNOWN_NODE, json_object_get_member (object->object, member),
                  object->path, member, _("unknown node \"%s\""), id);
      return FALSE;
    }
  return TRUE;
}

static void
parse_edge (Reader           *reader,
            JsonNode         *element,
            const CsJsonPath *path)
{
  static const char *const allowed[] = {
    "id", "source", "target", "relation", "role", "role_en", "note", "attributes", "sources", NULL
  };
  g_autoptr(CsEdge) edge = NULL;
  Object object;
  const char *id, *relation, *role, *role_en, *note;
  gboolean ok = TRUE;

  /* TRANSLATORS: fills the first %s of “expected %s, found %s” */
  if (!expect_object (reader, element, path, _("an edge object"), &object))
    return;
  edge = cs_edge_new ();

  ok &= get_id (reader, &object, FALSE, &id);
  ok &= resolve_end (reader, &object, "source", &edge->source);
  ok &= resolve_end (reader, &object, "target", &edge->target);
  ok &= get_name (reader, &object, "relation", "relation", &relation);
  if (relation != NULL)
    edge->relation = cs_graph_builder_intern_relation (reader->builder, relation);
  ok &= get_string (reader, &object, "role", FALSE, FALSE, &role);
  ok &= get_string (reader, &object, "role_en", FALSE, FALSE, &role_en);
  ok &= get_string (reader, &object, "note", FALSE, FALSE, &note);
  parse_attributes (reader, &object, edge, (TakeAttribute)cs_edge_take_attribute);
  parse_sources (reader, &object, edge, (TakeSource)cs_edge_take_source);
  check_other_members (reader, &object, allowed);

  if (!ok)
    return;

  if (edge->source == edge->target)
    report (reader, CS_PROBLEM_WARNING, CS_IMPORT_ERROR_VALUE, element, path, NULL,
            _("the edge links node \"%s\" to itself"),
            cs_graph_builder_get_node (reader->builder, edge->source)->id);

  edge->id = g_strdup (id);
  edge->role = g_strdup (role);
  edge->role_en = g_strdup (role_en);
  edge->note = g_strdup (note);
  cs_graph_builder_take_edge (reader->builder, g_steal_pointer (&edge));
}


static void
check_view_member_cb (JsonObject  *object,
                      const char  *name,
                      JsonNode    *value,
                      gpointer     user_data)
{
  MemberCheck *check = user_data;

  if (!g_strv_contains (check->allowed, name) && !g_str_has_prefix (name, "x-"))
    report (check->reader, CS_PROBLEM_WARNING, CS_IMPORT_ERROR_UNKNOWN_MEMBER, value,
            check->object->path, name, _("unknown member \"%s\" of the view, left out"), name);
}

/* as check_members(), but the view's problems are warnings */
static void
check_view_members (Reader            *reader,
                    Object            *object,
                    const char *const *allowed)
{
  MemberCheck check = { reader, object, allowed };

  if (json_object_get_size (object->object) != object->found)
    json_object_foreach_member (object->object, check_view_member_cb, &check);
}

/* The view */

#define warn_at(reader, code, at, path, member, ...) \
  report (reader, CS_PROBLEM_WARNING, CS_IMPORT_ERROR_##code, at, path, member, __VA_ARGS__)

/* A view member of @type, or NULL with a warning: a view that cannot be
 * read is shown as a file without one would be, the graph still opens */
static JsonNode *
view_member (Reader       *reader,
             Object       *object,
             const char   *member,
             GType         type)
{
  JsonNode *node = lookup (object, member);

  if (node == NULL)
    return NULL;
  if (type == JSON_TYPE_OBJECT || type == JSON_TYPE_ARRAY)
    {
      if (JSON_NODE_TYPE (node) == (type == JSON_TYPE_OBJECT ? JSON_NODE_OBJECT : JSON_NODE_ARRAY))
        return node;
    }
  else if (cs_json_holds (node, type))
    {
      if (type != G_TYPE_DOUBLE || isfinite (json_node_get_double (node)))
        return node;
    }
  warn_at (reader, TYPE, node, object->path, member,
           /* TRANSLATORS: the first %s is the kind of JSON value the view's
            * member should hold, the second the one it holds, the last the
            * member's name, such as zoom */
           _("expected %s, found %s; the view's %s is left as it is"),
           type == JSON_TYPE_OBJECT  ? C_("JSON value", "an object")
           : type == JSON_TYPE_ARRAY ? C_("JSON value", "an array")
           : type == G_TYPE_STRING   ? C_("JSON value", "a string")
           : type == G_TYPE_BOOLEAN  ? C_("JSON value", "true or false")
           : type == G_TYPE_INT64    ? C_("JSON value", "a whole number")
                                     : C_("JSON value", "a finite number"),
           cs_json_describe (node), member);
  return NULL;
}

/* a string member that must be one of @choices */
static char *
view_choice (Reader            *reader,
             Object            *object,
             const char        *member,
             const char *const *choices)
{
  JsonNode *node = view_member (reader, object, member, G_TYPE_STRING);
  g_autofree char *list = NULL;

  if (node == NULL)
    return NULL;
  if (g_strv_contains (choices, json_node_get_string (node)))
    return g_strdup (json_node_get_string (node));
  list = g_strjoinv (", ", (char **)choices);
  warn_at (reader, VALUE, node, object->path, member,
           /* TRANSLATORS: the first %s is the view's member, sizing or labels; the
            * last the values it takes, such as “degree, uniform” */
           _("unknown %s \"%s\" (expected one of %s)"), member, json_node_get_string (node),
           list);
  return NULL;
}

/* whether any node read so far has an event that makes stage @word: one
 * pass over the events, made only when a view names a stage */
static gboolean
has_stage (Reader     *reader,
           const char *word)
{
  for (guint i = 0; i < cs_graph_builder_get_n_nodes (reader->builder); i++)
    {
      const CsNode *node = cs_graph_builder_get_node (reader->builder, i);

      for (guint e = 0; node->events != NULL && e < node->events->len; e++)
        if (g_str_equal (((const CsEvent *)g_ptr_array_index (node->events, e))->stage, word))
          return TRUE;
    }
  return FALSE;
}

/* the stage a view shows: one of the stages the graph's events make */
static char *
view_stage (Reader     *reader,
            Object     *object,
            const char *member)
{
  JsonNode *node = view_member (reader, object, member, G_TYPE_STRING);
  const char *word;

  if (node == NULL)
    return NULL;
  word = json_node_get_string (node);
  if (cs_stage_word_is_stage (word) && has_stage (reader, word))
    return g_strdup (word);
  warn_at (reader, VALUE, node, object->path, member,
           _("unknown stage \"%s\" (no event of the graph has it)"), word);
  return NULL;
}

/* a list of strings; with @nodes, ids of nodes of the graph (the others
 * are left out with a warning) */
static char **
view_strings (Reader     *reader,
              Object     *object,
              const char *member,
              gboolean    nodes)
{
  JsonNode *node = view_member (reader, object, member, JSON_TYPE_ARRAY);
  CsJsonPath path = CS_JSON_PATH_MEMBER (object->path, member);
  g_autoptr(GPtrArray) strings = NULL;
  JsonArray *array;

  if (node == NULL)
    return NULL;
  array = json_node_get_array (node);
  strings = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      CsJsonPath epath = CS_JSON_PATH_ELEMENT (&path, i);
      guint index;

      if (!cs_json_holds (element, G_TYPE_STRING))
        warn_at (reader, TYPE, element, &epath, NULL, _("expected a string, found %s"),
                 cs_json_describe (element));
      else if (nodes &&
               !cs_graph_builder_lookup (reader->builder, json_node_get_string (element), &index))
        warn_at (reader, UNKNOWN_NODE, element, &epath, NULL, _("unknown node \"%s\""),
                 json_node_get_string (element));
      else
        g_ptr_array_add (strings, g_strdup (json_node_get_string (element)));
    }
  g_ptr_array_add (strings, NULL);
  return (char **)g_ptr_array_free (g_steal_pointer (&strings), FALSE);
}

static char *
view_node (Reader     *reader,
           Object     *object,
           const char *member,
           const char *also)
{
  JsonNode *node = view_member (reader, object, member, G_TYPE_STRING);
  const char *id;
  guint index;

  if (node == NULL)
    return NULL;
  id = json_node_get_string (node);
  if ((also != NULL && g_str_equal (id, also)) ||
      cs_graph_builder_lookup (reader->builder, id, &index))
    return g_strdup (id);
  warn_at (reader, UNKNOWN_NODE, node, object->path, member, _("unknown node \"%s\""), id);
  return NULL;
}

static void
parse_view_filter (Reader      *reader,
                   Object      *view,
                   CsSavedView *saved)
{
  static const char *const allowed[] = { "hidden_types", "hidden_relations", "consortium",
                                         "stage", "around", "depth", "hide", "role", NULL };
  JsonNode *node = view_member (reader, view, "filter", JSON_TYPE_OBJECT);
  CsJsonPath path = CS_JSON_PATH_MEMBER (view->path, "filter");
  Object filter;
  JsonNode *member;

  if (node == NULL)
    return;
  filter = (Object) { node, json_node_get_object (node), &path, 0 };
  saved->hidden_types = view_strings (reader, &filter, "hidden_types", FALSE);
  saved->hidden_relations = view_strings (reader, &filter, "hidden_relations", FALSE);
  saved->consortium = view_node (reader, &filter, "consortium", NULL);
  saved->stage = view_stage (reader, &filter, "stage");
  saved->around = view_node (reader, &filter, "around", "selection");
  if ((member = view_member (reader, &filter, "depth", G_TYPE_INT64)) != NULL)
    {
      if (json_node_get_int (member) >= 1 && json_node_get_int (member) <= 3)
        saved->depth = json_node_get_int (member);
      else
        warn_at (reader, VALUE, member, &path, "depth",
                 /* TRANSLATORS: depth is the member of the view's filter */
                 _("depth %lld is outside 1…3"), (long long)json_node_get_int (member));
    }
  if ((member = view_member (reader, &filter, "hide", G_TYPE_BOOLEAN)) != NULL)
    {
      saved->has_hide = TRUE;
      saved->hide = json_node_get_boolean (member);
    }
  if ((member = view_member (reader, &filter, "role", G_TYPE_STRING)) != NULL)
    saved->role = g_strdup (json_node_get_string (member));
  check_view_members (reader, &filter, allowed);
}

static void
parse_view (Reader *reader,
            Object *root)
{
  static const char *const allowed[] = { "filter", "sizing", "labels", "label_density", "layers",
                                         "legend_collapsed", "style", "zoom", "center",
                                         "selection", NULL };
  static const char *const style_members[] = { "color", "size", "shape", "group", NULL };
  static const char *const layer_members[] = { "labels", "legend", "hulls", "roles", NULL };
  static const char *const sizings[] = { "degree", "uniform", NULL };
  static const char *const languages[] = { "original", "english", NULL };
  CsJsonPath path = CS_JSON_PATH_MEMBER (NULL, "view");
  g_autoptr(CsSavedView) saved = NULL;
  JsonNode *node = view_member (reader, root, "view", JSON_TYPE_OBJECT);
  JsonNode *member;
  Object view;

  if (node == NULL)
    return;
  view = (Object) { node, json_node_get_object (node), &path, 0 };
  saved = cs_saved_view_new ();
  parse_view_filter (reader, &view, saved);
  saved->sizing = view_choice (reader, &view, "sizing", sizings);
  saved->labels = view_choice (reader, &view, "labels", languages);
  if ((member = view_member (reader, &view, "label_density", G_TYPE_DOUBLE)) != NULL)
    {
      if (json_node_get_double (member) >= 0 && json_node_get_double (member) <= 1)
        {
          saved->has_label_density = TRUE;
          saved->label_density = json_node_get_double (member);
        }
      else
        warn_at (reader, VALUE, member, &path, "label_density",
                 _("label density %g is outside 0…1"), json_node_get_double (member));
    }
  if ((member = view_member (reader, &view, "layers", JSON_TYPE_OBJECT)) != NULL)
    {
      CsJsonPath lpath = CS_JSON_PATH_MEMBER (&path, "layers");
      Object layers = { member, json_node_get_object (member), &lpath, 0 };
      gboolean *shown[] = { &saved->show_labels, &saved->show_legend, &saved->show_hulls,
                            &saved->show_roles };

      saved->has_layers = TRUE;
      for (guint i = 0; i < G_N_ELEMENTS (shown); i++)
        {
          JsonNode *flag = view_member (reader, &layers, layer_members[i], G_TYPE_BOOLEAN);

          /* a layer the file does not name is shown, as by default */
          *shown[i] = flag != NULL ? json_node_get_boolean (flag) : TRUE;
        }
      check_view_members (reader, &layers, layer_members);
    }
  if ((member = view_member (reader, &view, "legend_collapsed", G_TYPE_BOOLEAN)) != NULL)
    {
      saved->has_legend_collapsed = TRUE;
      saved->legend_collapsed = json_node_get_boolean (member);
    }
  if ((member = view_member (reader, &view, "style", JSON_TYPE_OBJECT)) != NULL)
    {
      CsJsonPath spath = CS_JSON_PATH_MEMBER (&path, "style");
      Object style = { member, json_node_get_object (member), &spath, 0 };

      /* an attribute's key, or null for the node types */
      for (guint c = 0; style_members[c] != NULL; c++)
        {
          JsonNode *key = json_object_get_member (style.object, style_members[c]);

          if (key != NULL && JSON_NODE_HOLDS_NULL (key))
            {
              lookup (&style, style_members[c]); /* counted as read */
              saved->style[c] = g_strdup ("");
            }
          else if ((key = view_member (reader, &style, style_members[c], G_TYPE_STRING)) != NULL)
            saved->style[c] = g_strdup (json_node_get_string (key));
        }
      check_view_members (reader, &style, style_members);
    }
  {
    JsonNode *zoom = view_member (reader, &view, "zoom", G_TYPE_DOUBLE);
    JsonNode *center = view_member (reader, &view, "center", JSON_TYPE_ARRAY);
    JsonArray *xy = center != NULL ? json_node_get_array (center) : NULL;

    if (zoom != NULL && json_node_get_double (zoom) <= 0)
      {
        warn_at (reader, VALUE, zoom, &path, "zoom", _("zoom %g is not above 0"),
                 json_node_get_double (zoom));
        zoom = NULL;
      }
    if (xy != NULL &&
        (json_array_get_length (xy) != 2 ||
         !cs_json_holds (json_array_get_element (xy, 0), G_TYPE_DOUBLE) ||
         !cs_json_holds (json_array_get_element (xy, 1), G_TYPE_DOUBLE) ||
         !isfinite (json_array_get_double_element (xy, 0)) ||
         !isfinite (json_array_get_double_element (xy, 1))))
      {
        warn_at (reader, VALUE, center, &path, "center", _("expected [x, y], two finite numbers"));
        xy = NULL;
      }
    if (zoom != NULL && xy != NULL)
      {
        saved->has_camera = TRUE;
        saved->zoom = json_node_get_double (zoom);
        saved->center_x = json_array_get_double_element (xy, 0);
        saved->center_y = json_array_get_double_element (xy, 1);
      }
    else if ((zoom != NULL) != (center != NULL))
      warn_at (reader, MISSING, node, &path, NULL, _("\"zoom\" and \"center\" go together"));
  }
  saved->selection = view_strings (reader, &view, "selection", TRUE);
  check_view_members (reader, &view, allowed);
  cs_graph_builder_take_saved_view (reader->builder, g_steal_pointer (&saved));
}

static gboolean
parse_document (Reader       *reader,
                JsonNode     *root,
                GCancellable *cancellable)
{
  static const char *const allowed[] = { "$schema", "format", "version", "graph",
                                         "nodes",   "edges",  "view", NULL };
  CsJsonPath nodes_path = CS_JSON_PATH_MEMBER (NULL, "nodes");
  CsJsonPath edges_path = CS_JSON_PATH_MEMBER (NULL, "edges");
  Object document;
  JsonNode *format;
  JsonNode *version;
  JsonArray *nodes;
  JsonArray *edges;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      error_at (reader, ROOT, root, NULL, NULL,
                _("expected a Consortia graph object at the top level, found %s"),
                cs_json_describe (root));
      return FALSE;
    }
  document = (Object) { root, json_node_get_object (root), NULL };

  format = json_object_get_member (document.object, "format");
  if (format == NULL)
    {
      error_at (reader, FORMAT, root, NULL, NULL,
                _("not a Consortia graph: missing \"format\": \"%s\""), FORMAT_NAME);
      return FALSE;
    }
  if (!cs_json_holds (format, G_TYPE_STRING) ||
      !g_str_equal (json_node_get_string (format), FORMAT_NAME))
    {
      error_at (reader, FORMAT, format, NULL, "format", _("not a Consortia graph: expected \"%s\""),
                FORMAT_NAME);
      return FALSE;
    }
  version = json_object_get_member (document.object, "version");
  if (version == NULL)
    {
      error_at (reader, VERSION, root, NULL, NULL, _("missing \"version\""));
      return FALSE;
    }
  if (!cs_json_holds (version, G_TYPE_INT64))
    {
      error_at (reader, TYPE, version, NULL, "version", _("expected a whole number, found %s"),
                cs_json_describe (version));
      return FALSE;
    }
  if (json_node_get_int (version) != FORMAT_VERSION)
    {
      error_at (reader, VERSION, version, NULL, "version",
                _("format version %lld is not supported (this Consortia reads version %d)"),
                (long long)json_node_get_int (version), FORMAT_VERSION);
      return FALSE;
    }

  check_members (reader, &document, allowed);
  parse_graph_metadata (reader, &document);

  nodes = get_array (reader, &document, "nodes", TRUE);
  for (guint i = 0; nodes != NULL && i < json_array_get_length (nodes); i++)
    {
      CsJsonPath path = CS_JSON_PATH_ELEMENT (&nodes_path, i);

      if (i % CANCEL_EVERY == 0 && g_cancellable_is_cancelled (cancellable))
        return FALSE;
      parse_node (reader, json_array_get_element (nodes, i), &path, i);
    }

  edges = get_array (reader, &document, "edges", FALSE);
  for (guint i = 0; edges != NULL && i < json_array_get_length (edges); i++)
    {
      CsJsonPath path = CS_JSON_PATH_ELEMENT (&edges_path, i);

      if (i % CANCEL_EVERY == 0 && g_cancellable_is_cancelled (cancellable))
        return FALSE;
      parse_edge (reader, json_array_get_element (edges, i), &path);
    }
  parse_view (reader, &document);
  return TRUE;
}

static gboolean
cs_consortia_importer_load (CsImporter            *importer,
                            const char            *data,
                            gsize                  length,
                            const CsImportOptions *options,
                            CsGraphBuilder        *builder,
                            GPtrArray             *problems,
                            GCancellable          *cancellable)
{
  g_autoptr(CsJsonTree) tree = cs_json_tree_parse (data, length, problems);
  g_autoptr(GArray) json_index = g_array_new (FALSE, FALSE, sizeof (guint));
  Reader reader = {
    .tree = tree,
    .builder = builder,
    .problems = problems,
    .json_index = json_index,
  };
  gboolean ok;

  if (options->graph > 0)
    {
      cs_problems_add (problems, CS_PROBLEM_ERROR, CS_IMPORT_ERROR_OPTION, CS_PROBLEM_NO_OFFSET,
                       NULL, _("there is no graph %u: a Consortia graph file holds one graph"),
                       options->graph + 1);
      return FALSE;
    }
  if (tree == NULL)
    return FALSE;
  ok = parse_document (&reader, cs_json_tree_get_root (tree), cancellable);
  g_clear_pointer (&reader.rejected, g_hash_table_unref);
  if (ok)
    {
      /* kept whole: a save writes back everything it does not change */
      g_autoptr(GBytes) text = g_bytes_new (data, length);

      cs_graph_builder_set_source (builder, "consortia", text);
    }
  return ok && cs_problems_count_errors (problems) == 0;
}

/* `{` then, near the start as every writer puts it, "format": "consortia-graph" */
static guint
cs_consortia_importer_sniff (CsImporter *importer,
                             const char *head,
                             gsize       length)
{
  static const char marker[] = "\"consortia-graph\"";
  gsize i = 0;

  if (length >= 3 && memcmp (head, "\xef\xbb\xbf", 3) == 0)
    i = 3;
  while (i < length && g_ascii_isspace (head[i]))
    i++;
  if (i >= length || head[i] != '{')
    return 0;
  if (g_strstr_len (head + i, length - i, marker) != NULL)
    return 100;
  /* some JSON object: ours is the format that says best what is missing */
  return 10;
}

static void
cs_consortia_importer_class_init (CsConsortiaImporterClass *klass)
{
  CsImporterClass *importer_class = CS_IMPORTER_CLASS (klass);
  static const char *const mime_types[] = { "application/x-consortia-graph+json",
                                            "application/json", NULL };
  static const char *const extensions[] = { "json", NULL };

  importer_class->name = "consortia";
  /* TRANSLATORS: the name of a file format, in the file chooser */
  importer_class->display_name = _("Consortia graph (JSON)");
  importer_class->mime_types = mime_types;
  importer_class->extensions = extensions;
  importer_class->sniff = cs_consortia_importer_sniff;
  importer_class->load = cs_consortia_importer_load;
}

static void
cs_consortia_importer_init (CsConsortiaImporter *self)
{
}
