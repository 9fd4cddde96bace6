/* cs-graphml-importer.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-graphml-importer.h"

#include "cs-foreign-graph-private.h"
#include "cs-xml-parser-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* GraphML (http://graphml.graphdrawing.org/), as yEd, Gephi, igraph,
 * networkx and graphology write it, read with libxml2 in one streaming
 * pass (cs-xml-parser.c says how it is kept safe).
 *
 * - <key>s give each <data> its attribute name (attr.name, else the key's
 *   id) and type; a value that is not of its type is kept as text, with a
 *   warning. A key's <default> is the value of every node or edge without
 *   a <data> for it.
 * - Of several top-level <graph>s, CsImportOptions.graph picks one (0:
 *   the first) and a warning says how many there are.
 * - A graph nested in a node (a yEd group) is read into the graph: its
 *   nodes get the attribute "parent", the group node's id. Hyperedges,
 *   ports and locators are not read, with a warning.
 * - yEd's graphics: the first y:NodeLabel is the label (unless a data key
 *   gives one), y:Geometry the position (its centre), y:Fill's colour the
 *   attribute "color"; y:EdgeLabel becomes the edge's "label". Other yEd
 *   elements are passed over, as are other XML values of keys with a
 *   yfiles.type; XML in any other <data> is left out with a warning.
 * - Edges are directed as edgedefault (undirected when missing) or their
 *   own "directed" says. */

typedef enum
{
  KIND_GRAPHML,
  KIND_KEY,
  KIND_DEFAULT,
  KIND_GRAPH,
  KIND_NODE,
  KIND_EDGE,
  KIND_DATA,
  KIND_DESC,
  KIND_YED,
  KIND_YED_LABEL,
  KIND_SKIP,
} Kind;

typedef enum
{
  TYPE_STRING,
  TYPE_INTEGER,
  TYPE_NUMBER,
  TYPE_BOOLEAN,
  TYPE_XML,
} KeyType;

enum
{
  FOR_NODE = 1 << 0,
  FOR_EDGE = 1 << 1,
  FOR_GRAPH = 1 << 2,
};

typedef struct
{
  char    *id;
  char    *name;     /* attr.name, else the id */
  char    *type_name;
  KeyType  type;
  guint    domain;   /* FOR_* */
  char    *default_value;
  gsize    offset;
} Key;

typedef struct
{
  Kind     kind;
  gboolean directed; /* a graph's edgedefault */
  gboolean nested;   /* a graph inside a node or an edge */
  gboolean children; /* a <data> holding elements */
} Frame;

typedef struct
{
  /* borrowed refs */
  CsForeignGraph        *graph;
  const CsImportOptions *options;

  /* owned */
  GHashTable            *keys;       /* id → Key */
  GPtrArray             *key_order;  /* Key, as declared */
  GArray                *stack;      /* Frame */
  GPtrArray             *parents;    /* ids of the nodes whose graphs are open (nullable) */
  GHashTable            *warned;     /* key ids warned about */
  CsForeignNode         *node;       /* being read */
  CsForeignEdge         *edge;
  char                  *yed_label;
  char                  *yed_fill;
  char                  *graph_id;
  char                  *title;
  char                  *description;

  /* state */
  Key                   *key;        /* the <key> or <data> being read */
  gsize                  data_offset;
  guint                  n_graphs;   /* top-level */
  gsize                  graph_offset;
  gboolean               yed_geometry;
  double                 yed_x;
  double                 yed_y;
  gboolean               warned_ports;
  gboolean               warned_locator;
  gboolean               warned_nested_edge;
} Reader;

struct _CsGraphmlImporter
{
  CsImporter parent_instance;
};

G_DEFINE_FINAL_TYPE (CsGraphmlImporter, cs_graphml_importer, CS_TYPE_IMPORTER)

static void
key_free (Key *key)
{
  g_free (key->id);
  g_free (key->name);
  g_free (key->type_name);
  g_free (key->default_value);
  g_free (key);
}

static gboolean
is_blank (const char *text)
{
  for (; text != NULL && *text != '\0'; text++)
    {
      if (!g_ascii_isspace (*text))
        return FALSE;
    }
  return TRUE;
}

/* once per key id, so a file of a million nodes says it once */
static gboolean
first_warning_for (Reader     *reader,
                   const char *what,
                   const char *key_id)
{
  g_autofree char *tag = g_strconcat (what, ":", key_id, NULL);

  if (g_hash_table_contains (reader->warned, tag))
    return FALSE;
  g_hash_table_add (reader->warned, g_steal_pointer (&tag));
  return TRUE;
}

static void
read_key (Reader             *reader,
          const CsXmlElement *element)
{
  const char *id = _cs_xml_element_get (element, "id");
  const char *name = _cs_xml_element_get (element, "attr.name");
  const char *type = _cs_xml_element_get (element, "attr.type");
  const char *domain = _cs_xml_element_get (element, "for");
  Key *key;

  reader->key = NULL;
  if (id == NULL || id[0] == '\0')
    {
      _cs_foreign_graph_warn (reader->graph, CS_FOREIGN_WARNING_OTHER, element->offset,
                              _("a <key> without an id is left out"));
      return;
    }
  if (g_hash_table_contains (reader->keys, id))
    {
      _cs_foreign_graph_warn (reader->graph, CS_FOREIGN_WARNING_OTHER, element->offset,
                              _("key \"%s\" is declared twice; the first declaration is kept"), id);
      return;
    }

  key = g_new0 (Key, 1);
  key->id = g_strdup (id);
  key->offset = element->offset;
  key->name = g_strdup (name != NULL && name[0] != '\0' ? name : id);
  key->type_name = g_strdup (type != NULL ? type : "string");
  if (_cs_xml_element_get (element, "yfiles.type") != NULL)
    key->type = TYPE_XML;
  else if (type == NULL || g_str_equal (type, "string"))
    key->type = TYPE_STRING;
  else if (g_str_equal (type, "int") || g_str_equal (type, "long"))
    key->type = TYPE_INTEGER;
  else if (g_str_equal (type, "float") || g_str_equal (type, "double"))
    key->type = TYPE_NUMBER;
  else if (g_str_equal (type, "boolean"))
    key->type = TYPE_BOOLEAN;
  else
    {
      _cs_foreign_graph_warn (reader->graph, CS_FOREIGN_WARNING_VALUE, element->offset,
                              _("key \"%s\" has the unknown type \"%s\"; its values are read "
                                "as text"),
                              id, type);
      key->type = TYPE_STRING;
    }

  if (domain == NULL || g_str_equal (domain, "all"))
    key->domain = FOR_NODE | FOR_EDGE | FOR_GRAPH;
  else if (g_str_equal (domain, "node"))
    key->domain = FOR_NODE;
  else if (g_str_equal (domain, "edge"))
    key->domain = FOR_EDGE;
  else if (g_str_equal (domain, "graph"))
    key->domain = FOR_GRAPH;
  /* graphml, port, hyperedge, endpoint: nothing read has them */

  g_hash_table_insert (reader->keys, key->id, key);
  g_ptr_array_add (reader->key_order, key);
  reader->key = key;
}

/* @text as its key's type says, or NULL (with a warning) when it is not */
static char *
typed_value (Reader     *reader,
             Key        *key,
             const char *text,
             gsize       offset)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  KeyType expected = TYPE_STRING; /* the type @text is not of, when it is not */
  gint64 integer;
  double number;

  switch (key->type)
    {
    case TYPE_STRING:
    case TYPE_XML:
      return g_strdup (text);
    case TYPE_INTEGER:
      if (!_cs_foreign_parse_integer (trimmed, &integer))
        expected = TYPE_INTEGER;
      break;
    case TYPE_NUMBER:
      if (!_cs_foreign_parse_double (trimmed, &number))
        expected = TYPE_NUMBER;
      break;
    case TYPE_BOOLEAN:
      if (g_ascii_strcasecmp (trimmed, "true") != 0 && g_ascii_strcasecmp (trimmed, "false") != 0 &&
          !g_str_equal (trimmed, "1") && !g_str_equal (trimmed, "0"))
        expected = TYPE_BOOLEAN;
      break;
    default:
      g_assert_not_reached ();
    }
  if (expected == TYPE_INTEGER)
    _cs_foreign_graph_warn (reader->graph, CS_FOREIGN_WARNING_VALUE, offset,
                            /* TRANSLATORS: the first %s is the value, the second the
                             * key's name, the last its type as the file declares
                             * it (int, long, double…) */
                            _("value \"%s\" of \"%s\" is not a whole "
                              "number (the key's type is %s); kept as text"),
                            trimmed, key->name, key->type_name);
  else if (expected == TYPE_NUMBER)
    _cs_foreign_graph_warn (reader->graph, CS_FOREIGN_WARNING_VALUE, offset,
                            /* TRANSLATORS: the first %s is the value, the second the
                             * key's name, the last its type as the file declares
                             * it (int, long, double…) */
                            _("value \"%s\" of \"%s\" is not a number "
                              "(the key's type is %s); kept as text"),
                            trimmed, key->name, key->type_name);
  else if (expected == TYPE_BOOLEAN)
    _cs_foreign_graph_warn (reader->graph, CS_FOREIGN_WARNING_VALUE, offset,
                            /* TRANSLATORS: the first %s is the value, the second the
                             * key's name, the last its type as the file declares
                             * it (int, long, double…) */
                            _("value \"%s\" of \"%s\" is not true or "
                              "false (the key's type is %s); kept as text"),
                            trimmed, key->name, key->type_name);
  return g_steal_pointer (&trimmed);
}

static void
add_defaults (Reader    *reader,
              GPtrArray *attributes,
              guint      domain)
{
  for (guint i = 0; i < reader->key_order->len; i++)
    {
      const Key *key = g_ptr_array_index (reader->key_order, i);

      if ((key->domain & domain) && key->default_value != NULL &&
          _cs_foreign_attributes_get (attributes, key->name) == NULL)
        _cs_foreign_attributes_add (attributes, key->name, key->default_value, NULL);
    }
}

static void
reset_yed (Reader *reader)
{
  g_clear_pointer (&reader->yed_label, g_free);
  g_clear_pointer (&reader->yed_fill, g_free);
  reader->yed_geometry = FALSE;
}

/* Gephi's GraphML export writes a node's colour as three attributes, r, g
 * and b (0 to 255): they become its "color" too, as a GEXF viz:color does */
static void
add_rgb_color (CsForeignNode *node)
{
  const char *channels[] = { "r", "g", "b" };
  guint rgb[3];

  if (_cs_foreign_attributes_get (node->attributes, "color") != NULL)
    return;
  for (guint c = 0; c < 3; c++)
    {
      const char *text = _cs_foreign_attributes_get (node->attributes, channels[c]);
      guint64 value;

      if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 0, 255, &value, NULL))
        return;
      rgb[c] = value;
    }
  {
    char color[8];

    g_snprintf (color, sizeof color, "#%02x%02x%02x", rgb[0], rgb[1], rgb[2]);
    _cs_foreign_attributes_add (node->attributes, "color", color, NULL);
  }
}

static void
finish_node (Reader      *reader,
             CsXmlParser *parser)
{
  CsForeignNode *node = g_steal_pointer (&reader->node);
  const char *parent = reader->parents->len > 0
                           ? g_ptr_array_index (reader->parents, reader->parents->len - 1)
                           : NULL;

  add_defaults (reader, node->attributes, FOR_NODE);
  if (reader->yed_label != NULL)
    node->label = g_steal_pointer (&reader->yed_label);
  if (reader->yed_geometry)
    _cs_foreign_node_set_position (node, reader->yed_x, reader->yed_y);
  if (reader->yed_fill != NULL && _cs_foreign_attributes_get (node->attributes, "color") == NULL)
    _cs_foreign_attributes_add (node->attributes, "color", reader->yed_fill, NULL);
  add_rgb_color (node);
  if (parent != NULL && _cs_foreign_attributes_get (node->attributes, "parent") == NULL)
    _cs_foreign_attributes_add (node->attributes, "parent", parent, NULL);
  reset_yed (reader);

  _cs_foreign_graph_take_node (reader->graph, node);
  if (_cs_foreign_graph_failed (reader->graph))
    _cs_xml_parser_stop (parser);
}

static void
finish_edge (Reader      *reader,
             CsXmlParser *parser)
{
  CsForeignEdge *edge = g_steal_pointer (&reader->edge);

  add_defaults (reader, edge->attributes, FOR_EDGE);
  if (reader->yed_label != NULL && _cs_foreign_attributes_get (edge->attributes, "label") == NULL)
    _cs_foreign_attributes_add (edge->attributes, "label", reader->yed_label, NULL);
  reset_yed (reader);

  _cs_foreign_graph_take_edge (reader->graph, edge);
  if (_cs_foreign_graph_failed (reader->graph))
    _cs_xml_parser_stop (parser);
}

static gboolean
parse_directed (const char *value,
                gboolean    fallback)
{
  if (value == NULL)
    return fallback;
  return g_str_equal (value, "true") || g_str_equal (value, "1") ||
         g_str_equal (value, "directed");
}

static Kind
start_node (Reader             *reader,
            const CsXmlElement *element)
{
  const char *id = _cs_xml_element_get (element, "id");

  if (id == NULL || id[0] == '\0')
    {
      _cs_foreign_graph_warn (reader->graph, CS_FOREIGN_WARNING_OTHER, element->offset,
                              _("a node without an id is left out"));
      return KIND_SKIP;
    }
  reset_yed (reader);
  reader->node = _cs_foreign_node_new (id, element->offset);
  return KIND_NODE;
}

static void
warn_ports (Reader             *reader,
            const CsXmlElement *element)
{
  if (reader->warned_ports)
    return;
  reader->warned_ports = TRUE;
  _cs_foreign_graph_warn (reader->graph, CS_FOREIGN_WARNING_UNSUPPORTED, element->offset,
                          _("ports are not read; edges attach to their nodes"));
}

static Kind
start_edge (Reader             *reader,
            const CsXmlElement *element,
            const Frame        *graph)
{
  const char *source = _cs_xml_element_get (element, "source");
  const char *target = _cs_xml_element_get (element, "target");
  const char *id = _cs_xml_element_get (element, "id");

  if (source == NULL || target == NULL || source[0] == '\0' || target[0] == '\0')
    {
      _cs_foreign_graph_warn (reader->graph, CS_FOREIGN_WARNING_OTHER, element->offset,
                              _("an edge without a source or a target is left out"));
      return KIND_SKIP;
    }
  if (_cs_xml_element_get (element, "sourceport") != NULL ||
      _cs_xml_element_get (element, "targetport") != NULL)
    warn_ports (reader, element);
  reset_yed (reader);
  reader->edge = _cs_foreign_edge_new (source, target, element->offset);
  reader->edge->directed = parse_directed (_cs_xml_element_get (element, "directed"),
                                           graph->directed);
  if (id != NULL && id[0] != '\0')
    reader->edge->id = g_strdup (id);
  return KIND_EDGE;
}

static Kind
start_data (Reader             *reader,
            const CsXmlElement *element,
            CsXmlParser        *parser,
            guint               domain)
{
  const char *id = _cs_xml_element_get (element, "key");
  Key *key;

  if (id == NULL)
    {
      _cs_foreign_graph_warn (reader->graph, CS_FOREIGN_WARNING_OTHER, element->offset,
                              _("a <data> without a key is left out"));
      return KIND_SKIP;
    }
  key = g_hash_table_lookup (reader->keys, id);
  if (key == NULL)
    {
      _cs_foreign_graph_warn (reader->graph, CS_FOREIGN_WARNING_OTHER, element->offset,
                              _("no <key> declares \"%s\"; its values are kept under that "
                                "name"),
                              id);
      key = g_new0 (Key, 1);
      key->id = g_strdup (id);
      key->name = g_strdup (id);
      key->type_name = g_strdup ("string");
      key->domain = FOR_NODE | FOR_EDGE | FOR_GRAPH;
      g_hash_table_insert (reader->keys, key->id, key);
      g_ptr_array_add (reader->key_order, key);
    }
  if ((domain == FOR_NODE && reader->node == NULL) || (domain == FOR_EDGE && reader->edge == NULL))
    return KIND_SKIP;
  reader->key = key;
  reader->data_offset = element->offset;
  _cs_xml_parser_want_text (parser);
  return KIND_DATA;
}

static void
finish_data (Reader             *reader,
             const char         *text,
             const Frame        *frame,
             const Frame        *parent,
             gsize               offset)
{
  Key *key = reader->key;
  g_autofree char *value = NULL;

  reader->key = NULL;
  g_assert (key != NULL);
  if (key->type == TYPE_XML)
    return;
  if (frame->children)
    {
      if (first_warning_for (reader, "xml", key->id))
        _cs_foreign_graph_warn (reader->graph, CS_FOREIGN_WARNING_UNSUPPORTED, offset,
                                _("the values of \"%s\" are XML, not text; they are left out"),
                                key->name);
      return;
    }

  value = typed_value (reader, key, text != NULL ? text : "", offset);
  switch (parent->kind)
    {
    case KIND_NODE:
      _cs_foreign_attributes_add (reader->node->attributes, key->name, value, NULL);
      break;
    case KIND_EDGE:
      _cs_foreign_attributes_add (reader->edge->attributes, key->name, value, NULL);
      break;
    case KIND_GRAPH:
      /* yEd writes an empty Description for every graph */
      if (parent->nested || is_blank (value))
        break;
      if (g_ascii_strcasecmp (key->name, "title") == 0 ||
          g_ascii_strcasecmp (key->name, "label") == 0 ||
          g_ascii_strcasecmp (key->name, "name") == 0)
        {
          if (reader->title == NULL)
            reader->title = g_strdup (value);
        }
      else if (g_ascii_strcasecmp (key->name, "description") == 0)
        {
          if (reader->description == NULL)
            reader->description = g_strdup (value);
        }
      else if (first_warning_for (reader, "graph", key->id))
        _cs_foreign_graph_warn (reader->graph, CS_FOREIGN_WARNING_UNSUPPORTED, offset,
                                _("graph attribute \"%s\" is not read (Consortia keeps "
                                  "attributes of nodes and edges)"),
                                key->name);
      break;
    default:
      g_assert_not_reached ();
    }
}

static Kind
start_yed (Reader             *reader,
           const CsXmlElement *element,
           CsXmlParser        *parser)
{
  if (g_str_equal (element->name, "NodeLabel") || g_str_equal (element->name, "EdgeLabel"))
    {
      if (reader->yed_label == NULL)
        _cs_xml_parser_want_text (parser);
      return KIND_YED_LABEL;
    }
  if (g_str_equal (element->name, "Geometry") && reader->node != NULL && !reader->yed_geometry)
    {
      const char *xs = _cs_xml_element_get (element, "x");
      const char *ys = _cs_xml_element_get (element, "y");
      const char *ws = _cs_xml_element_get (element, "width");
      const char *hs = _cs_xml_element_get (element, "height");
      double x, y, w = 0, h = 0;

      if (xs != NULL && ys != NULL && _cs_foreign_parse_double (xs, &x) &&
          _cs_foreign_parse_double (ys, &y))
        {
          /* yEd places a node by its top left corner */
          if (ws != NULL && _cs_foreign_parse_double (ws, &w) && hs != NULL &&
              _cs_foreign_parse_double (hs, &h))
            {
              x += w / 2;
              y += h / 2;
            }
          reader->yed_geometry = TRUE;
          reader->yed_x = x;
          reader->yed_y = y;
        }
    }
  else if (g_str_equal (element->name, "Fill") && reader->node != NULL && reader->yed_fill == NULL)
    {
      const char *color = _cs_xml_element_get (element, "color");

      if (color != NULL && color[0] != '\0')
        reader->yed_fill = g_strdup (color);
    }
  return KIND_YED;
}

static Kind
start_nested_graph (Reader             *reader,
                    const CsXmlElement *element,
                    CsXmlParser        *parser,
                    Frame              *frame,
                    Kind                parent)
{
  frame->nested = TRUE;
  frame->directed = parse_directed (_cs_xml_element_get (element, "edgedefault"), FALSE);
  if (parent == KIND_NODE && reader->node != NULL)
    {
      g_autofree char *id = g_strdup (reader->node->id);

      _cs_foreign_graph_warn (reader->graph, CS_FOREIGN_WARNING_UNSUPPORTED, element->offset,
                              /* TRANSLATORS: parent is the name of an attribute: keep it */
                              _("node \"%s\" holds a graph of its own; its nodes and edges are "
                                "read into this graph, each node with the attribute \"parent\""),
                              id);
      finish_node (reader, parser);
      g_ptr_array_add (reader->parents, g_steal_pointer (&id));
    }
  else
    {
      if (parent == KIND_EDGE && reader->edge != NULL)
        finish_edge (reader, parser);
      if (!reader->warned_nested_edge)
        _cs_foreign_graph_warn (reader->graph, CS_FOREIGN_WARNING_UNSUPPORTED, element->offset,
                                _("an edge holds a graph of its own; its nodes and edges are "
                                  "read into this graph"));
      reader->warned_nested_edge = TRUE;
      g_ptr_array_add (reader->parents, NULL);
    }
  return KIND_GRAPH;
}

static void
start_cb (CsXmlParser        *parser,
          const CsXmlElement *element,
          gpointer            user_data)
{
  Reader *reader = user_data;
  Frame *parent = reader->stack->len > 0
                      ? &g_array_index (reader->stack, Frame, reader->stack->len - 1)
                      : NULL;
  const char *name = element->name;
  Frame frame = { KIND_SKIP };

  if (parent == NULL)
    {
      if (!g_str_equal (name, "graphml"))
        {
          _cs_foreign_graph_error (reader->graph, CS_IMPORT_ERROR_FORMAT, element->offset,
                                   _("not a GraphML file: the root element is <%s>, not "
                                     "<graphml>"),
                                   name);
          _cs_xml_parser_stop (parser);
          return;
        }
      frame.kind = KIND_GRAPHML;
    }
  else
    switch (parent->kind)
      {
      case KIND_GRAPHML:
        if (g_str_equal (name, "key"))
          {
            read_key (reader, element);
            frame.kind = KIND_KEY;
          }
        else if (g_str_equal (name, "graph"))
          {
            if (reader->n_graphs++ == reader->options->graph)
              {
                const char *id = _cs_xml_element_get (element, "id");

                frame.kind = KIND_GRAPH;
                frame.directed = parse_directed (_cs_xml_element_get (element, "edgedefault"),
                                                 FALSE);
                reader->graph_offset = element->offset;
                reader->graph_id = g_strdup (id);
              }
          }
        else if (g_str_equal (name, "desc"))
          {
            frame.kind = KIND_DESC;
            _cs_xml_parser_want_text (parser);
          }
        break;

      case KIND_KEY:
        if (g_str_equal (name, "default") && reader->key != NULL)
          {
            frame.kind = KIND_DEFAULT;
            _cs_xml_parser_want_text (parser);
          }
        break;

      case KIND_GRAPH:
        if (g_str_equal (name, "node") && reader->node == NULL)
          frame.kind = start_node (reader, element);
        else if (g_str_equal (name, "edge") && reader->edge == NULL)
          frame.kind = start_edge (reader, element, parent);
        else if (g_str_equal (name, "hyperedge"))
          _cs_foreign_graph_warn (reader->graph, CS_FOREIGN_WARNING_UNSUPPORTED, element->offset,
                                  _("a hyperedge is left out (Consortia reads edges between "
                                    "two nodes)"));
        else if (g_str_equal (name, "data"))
          frame.kind = start_data (reader, element, parser, FOR_GRAPH);
        else if (g_str_equal (name, "desc") && !parent->nested)
          {
            frame.kind = KIND_DESC;
            _cs_xml_parser_want_text (parser);
          }
        break;

      case KIND_NODE:
      case KIND_EDGE:
        if (g_str_equal (name, "data"))
          frame.kind = start_data (reader, element, parser,
                                   parent->kind == KIND_NODE ? FOR_NODE : FOR_EDGE);
        else if (g_str_equal (name, "graph"))
          frame.kind = start_nested_graph (reader, element, parser, &frame, parent->kind);
        else if (g_str_equal (name, "desc") &&
                 (parent->kind == KIND_NODE ? reader->node != NULL : reader->edge != NULL))
          {
            frame.kind = KIND_DESC;
            _cs_xml_parser_want_text (parser);
          }
        else if (g_str_equal (name, "port"))
          warn_ports (reader, element);
        else if (g_str_equal (name, "locator") && !reader->warned_locator)
          {
            reader->warned_locator = TRUE;
            _cs_foreign_graph_warn (reader->graph, CS_FOREIGN_WARNING_UNSUPPORTED,
                                    element->offset,
                                    _("a <locator> names a graph in another file; it is not "
                                      "read"));
          }
        break;

      case KIND_DATA:
        parent->children = TRUE;
        G_GNUC_FALLTHROUGH;
      case KIND_YED:
      case KIND_YED_LABEL:
        frame.kind = start_yed (reader, element, parser);
        break;

      case KIND_DEFAULT:
      case KIND_DESC:
      case KIND_SKIP:
        break;

      default:
        g_assert_not_reached ();
      }

  g_array_append_val (reader->stack, frame);
}

static void
end_cb (CsXmlParser *parser,
        const char  *name,
        const char  *text,
        gpointer     user_data)
{
  Reader *reader = user_data;
  Frame frame;
  Frame *parent;

  g_assert (reader->stack->len > 0);
  frame = g_array_index (reader->stack, Frame, reader->stack->len - 1);
  g_array_set_size (reader->stack, reader->stack->len - 1);
  parent = reader->stack->len > 0 ? &g_array_index (reader->stack, Frame, reader->stack->len - 1)
                                  : NULL;

  switch (frame.kind)
    {
    case KIND_DEFAULT:
      if (reader->key != NULL && reader->key->default_value == NULL && text != NULL)
        reader->key->default_value = typed_value (reader, reader->key, text,
                                                    reader->key->offset);
      break;
    case KIND_KEY:
      reader->key = NULL;
      break;
    case KIND_DESC:
      g_assert (parent != NULL);
      if (text == NULL || is_blank (text))
        break;
      if (parent->kind == KIND_NODE && reader->node != NULL && reader->node->description == NULL)
        reader->node->description = g_strstrip (g_strdup (text));
      else if (parent->kind == KIND_EDGE && reader->edge != NULL)
        _cs_foreign_attributes_add (reader->edge->attributes, "description", text, NULL);
      else if ((parent->kind == KIND_GRAPH || parent->kind == KIND_GRAPHML) &&
               reader->description == NULL)
        reader->description = g_strstrip (g_strdup (text));
      break;
    case KIND_DATA:
      g_assert (parent != NULL);
      finish_data (reader, text, &frame, parent, reader->data_offset);
      break;
    case KIND_YED_LABEL:
      if (reader->yed_label == NULL && text != NULL && !is_blank (text))
        reader->yed_label = g_strstrip (g_strdup (text));
      break;
    case KIND_NODE:
      if (reader->node != NULL)
        finish_node (reader, parser);
      break;
    case KIND_EDGE:
      if (reader->edge != NULL)
        finish_edge (reader, parser);
      break;
    case KIND_GRAPH:
      if (frame.nested)
        g_ptr_array_set_size (reader->parents, reader->parents->len - 1);
      break;
    case KIND_GRAPHML:
    case KIND_YED:
    case KIND_SKIP:
      break;
    default:
      g_assert_not_reached ();
    }
}

static gboolean
cs_graphml_importer_load (CsImporter            *importer,
                          const char            *data,
                          gsize                  length,
                          const CsImportOptions *options,
                          CsGraphBuilder        *builder,
                          GPtrArray             *problems,
                          GCancellable          *cancellable)
{
  static const CsXmlHandler handler = { start_cb, end_cb };
  g_autoptr(CsForeignGraph) graph = _cs_foreign_graph_new (builder, problems, "GraphML");
  g_autoptr(GHashTable) keys = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) key_order = g_ptr_array_new_with_free_func ((GDestroyNotify)key_free);
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (Frame));
  g_autoptr(GPtrArray) parents = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) warned = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Reader reader = {
    .graph = graph,
    .options = options,
    .keys = keys,
    .key_order = key_order,
    .stack = stack,
    .parents = parents,
    .warned = warned,
  };
  gboolean ok;

  ok = _cs_xml_parse (data, length, &handler, &reader, problems, cancellable);
  g_clear_pointer (&reader.node, _cs_foreign_node_free);
  g_clear_pointer (&reader.edge, _cs_foreign_edge_free);
  reset_yed (&reader);

  if (ok && !_cs_foreign_graph_failed (graph))
    {
      _cs_foreign_graph_check_choice (graph, reader.n_graphs, options->graph, reader.graph_offset,
                                      reader.graph_id);
      _cs_foreign_graph_set_metadata (graph, reader.title, reader.description, NULL);
      ok = _cs_foreign_graph_finish (graph, cancellable);
    }

  g_free (reader.graph_id);
  g_free (reader.title);
  g_free (reader.description);
  return ok && !_cs_foreign_graph_failed (graph);
}

static guint
cs_graphml_importer_sniff (CsImporter *importer,
                           const char *head,
                           gsize       length)
{
  return _cs_xml_sniff_root (head, length, "graphml", "graphml.graphdrawing.org");
}

static void
cs_graphml_importer_class_init (CsGraphmlImporterClass *klass)
{
  CsImporterClass *importer_class = CS_IMPORTER_CLASS (klass);
  static const char *const mime_types[] = { "application/graphml+xml", NULL };
  static const char *const extensions[] = { "graphml", NULL };

  importer_class->name = "graphml";
  importer_class->display_name = "GraphML";
  importer_class->mime_types = mime_types;
  importer_class->extensions = extensions;
  importer_class->sniff = cs_graphml_importer_sniff;
  importer_class->load = cs_graphml_importer_load;
}

static void
cs_graphml_importer_init (CsGraphmlImporter *self)
{
}
