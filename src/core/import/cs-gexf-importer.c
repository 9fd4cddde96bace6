/* cs-gexf-importer.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-gexf-importer.h"

#include "cs-foreign-graph-private.h"
#include "cs-xml-parser-private.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

/* GEXF 1.1 to 1.3 (https://gexf.net/), Gephi's format, read with libxml2
 * in one streaming pass (cs-xml-parser.c says how it is kept safe).
 *
 * - <attributes> of class node and edge declare the columns: an
 *   <attvalue> becomes an attribute named by its column's title (else its
 *   id), a column's <default> the value of every node or edge without
 *   one; a value that is not of its column's type is kept as text, with a
 *   warning.
 * - viz:position is the node's position (z, when not 0, the attribute
 *   "z"); viz:color becomes the attribute "color" (#rrggbb, its alpha
 *   "opacity"), viz:size "size", viz:thickness "thickness", viz:shape
 *   "shape". Coordinates are kept as written: Gephi's y axis points up,
 *   Consortia's down, so a drawing comes out mirrored top to bottom.
 * - Dynamic graphs are read as one static graph, and a warning says so:
 *   start and end of nodes and edges become attributes of those names,
 *   each <spell> a value of the attribute "spells" ("[2001, 2005]", with
 *   "(" or ")" for open ends), and an <attvalue>'s own interval the note
 *   of its value, so a column that changes over time has one value per
 *   interval.
 * - Hierarchies (nodes in nodes, pid, <parents>) are read flat, each node
 *   with the attribute "parent". */

typedef enum
{
  KIND_GEXF,
  KIND_META,
  KIND_META_TEXT,
  KIND_GRAPH,
  KIND_COLUMNS,
  KIND_COLUMN,
  KIND_DEFAULT,
  KIND_NODES,
  KIND_NODE,
  KIND_EDGES,
  KIND_EDGE,
  KIND_ATTVALUES,
  KIND_SPELLS,
  KIND_PARENTS,
  KIND_SKIP,
} Kind;

enum
{
  CLASS_NODE,
  CLASS_EDGE,
  N_CLASSES
};

typedef struct
{
  char *id;
  char *title;
  char *type;
  char *default_value;
  gsize offset;
} Column;

typedef struct
{
  Kind     kind;
  gboolean nested; /* <nodes> inside a node */
} Frame;

typedef struct
{
  /* borrowed refs */
  CsForeignGraph *graph;

  /* owned */
  GHashTable     *columns[N_CLASSES];      /* id → Column */
  GPtrArray      *column_order[N_CLASSES]; /* Column, as declared */
  GArray         *stack;                   /* Frame */
  GPtrArray      *parents;                 /* ids of the nodes whose <nodes> are open */
  CsForeignNode  *node;
  CsForeignEdge  *edge;
  char           *description;
  char           *date;

  /* state */
  Column         *column;          /* being declared */
  int             column_class;    /* of the <attributes> being read, or -1 */
  gboolean        directed;        /* defaultedgetype */
  gboolean        warned_dynamic;
  gboolean        warned_hierarchy;
  gboolean        in_description;
} Reader;

struct _CsGexfImporter
{
  CsImporter parent_instance;
};

G_DEFINE_FINAL_TYPE (CsGexfImporter, cs_gexf_importer, CS_TYPE_IMPORTER)

static void
column_free (Column *column)
{
  g_free (column->id);
  g_free (column->title);
  g_free (column->type);
  g_free (column->default_value);
  g_free (column);
}

static void
warn_dynamic (Reader *reader,
              gsize   offset)
{
  if (reader->warned_dynamic)
    return;
  reader->warned_dynamic = TRUE;
  _cs_foreign_graph_warn (reader->graph, CS_FOREIGN_WARNING_UNSUPPORTED, offset,
                          /* TRANSLATORS: start, end and spells are names of
                           * attributes: keep them as they are */
                          _("the graph is dynamic (it has times); Consortia shows it as one "
                            "static graph, the times kept as attributes (start, end, spells) and "
                            "as notes on values"));
}

static void
warn_hierarchy (Reader *reader,
                gsize   offset)
{
  if (reader->warned_hierarchy)
    return;
  reader->warned_hierarchy = TRUE;
  _cs_foreign_graph_warn (reader->graph, CS_FOREIGN_WARNING_UNSUPPORTED, offset,
                          /* TRANSLATORS: parent is the name of an attribute: keep it */
                          _("the graph is hierarchical (nodes in nodes); its nodes are read as "
                            "one graph, each with the attribute \"parent\""));
}

/* "[start, end]" with "(" and ")" for open ends; NULL without either */
static char *
interval (Reader             *reader,
          const CsXmlElement *element)
{
  const char *start = _cs_xml_element_get (element, "start");
  const char *end = _cs_xml_element_get (element, "end");
  const char *start_open = _cs_xml_element_get (element, "startopen");
  const char *end_open = _cs_xml_element_get (element, "endopen");

  if (start == NULL && end == NULL && start_open == NULL && end_open == NULL)
    return NULL;
  warn_dynamic (reader, element->offset);
  return g_strdup_printf ("%s%s, %s%s", start == NULL && start_open != NULL ? "(" : "[",
                          start != NULL ? start : start_open != NULL ? start_open : "",
                          end != NULL ? end : end_open != NULL ? end_open : "",
                          end == NULL && end_open != NULL ? ")" : "]");
}

/* start, end, startopen and endopen of a node or an edge */
static void
add_times (Reader             *reader,
           const CsXmlElement *element,
           GPtrArray          *attributes)
{
  static const char *const names[] = { "start", "end", "startopen", "endopen" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      const char *value = _cs_xml_element_get (element, names[i]);

      if (value != NULL)
        {
          warn_dynamic (reader, element->offset);
          _cs_foreign_attributes_add (attributes, names[i], value, NULL);
        }
    }
}

static char *
typed_value (Reader       *reader,
             const Column *column,
             const char   *text,
             gsize         offset)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  const char *type = column->type;
  enum { FINE, NOT_INTEGER, NOT_NUMBER, NOT_BOOLEAN } expected = FINE;
  gint64 integer;
  double number;

  if (g_str_equal (type, "integer") || g_str_equal (type, "long") || g_str_equal (type, "short") ||
      g_str_equal (type, "byte"))
    {
      if (!_cs_foreign_parse_integer (trimmed, &integer))
        expected = NOT_INTEGER;
    }
  else if (g_str_equal (type, "double") || g_str_equal (type, "float") ||
           g_str_equal (type, "bigdecimal"))
    {
      if (!_cs_foreign_parse_double (trimmed, &number))
        expected = NOT_NUMBER;
    }
  else if (g_str_equal (type, "boolean"))
    {
      if (g_ascii_strcasecmp (trimmed, "true") != 0 && g_ascii_strcasecmp (trimmed, "false") != 0 &&
          !g_str_equal (trimmed, "1") && !g_str_equal (trimmed, "0"))
        expected = NOT_BOOLEAN;
    }
  else
    return g_strdup (text);

  if (expected == NOT_INTEGER)
    _cs_foreign_graph_warn (reader->graph, CS_FOREIGN_WARNING_VALUE, offset,
                            /* TRANSLATORS: the first %s is the value, the second the
                             * attribute's name, the last its type as the file declares
                             * it (integer, double…) */
                            _("value \"%s\" of \"%s\" is not a whole "
                              "number (the attribute's type is %s); kept as text"),
                            trimmed, column->title, type);
  else if (expected == NOT_NUMBER)
    _cs_foreign_graph_warn (reader->graph, CS_FOREIGN_WARNING_VALUE, offset,
                            /* TRANSLATORS: the first %s is the value, the second the
                             * attribute's name, the last its type as the file declares
                             * it (integer, double…) */
                            _("value \"%s\" of \"%s\" is not a number "
                              "(the attribute's type is %s); kept as text"),
                            trimmed, column->title, type);
  else if (expected == NOT_BOOLEAN)
    _cs_foreign_graph_warn (reader->graph, CS_FOREIGN_WARNING_VALUE, offset,
                            /* TRANSLATORS: the first %s is the value, the second the
                             * attribute's name, the last its type as the file declares
                             * it (integer, double…) */
                            _("value \"%s\" of \"%s\" is not true or "
                              "false (the attribute's type is %s); kept as text"),
                            trimmed, column->title, type);
  return g_steal_pointer (&trimmed);
}

static void
read_column (Reader             *reader,
             const CsXmlElement *element)
{
  const char *id = _cs_xml_element_get (element, "id");
  const char *title = _cs_xml_element_get (element, "title");
  const char *type = _cs_xml_element_get (element, "type");
  Column *column;

  reader->column = NULL;
  if (id == NULL || id[0] == '\0')
    {
      _cs_foreign_graph_warn (reader->graph, CS_FOREIGN_WARNING_OTHER, element->offset,
                              _("an <attribute> without an id is left out"));
      return;
    }
  if (g_hash_table_contains (reader->columns[reader->column_class], id))
    {
      _cs_foreign_graph_warn (reader->graph, CS_FOREIGN_WARNING_OTHER, element->offset,
                              reader->column_class == CLASS_NODE
                                  ? _("node attribute \"%s\" is declared twice; the first "
                                      "declaration is kept")
                                  : _("edge attribute \"%s\" is declared twice; the first "
                                      "declaration is kept"),
                              id);
      return;
    }
  column = g_new0 (Column, 1);
  column->id = g_strdup (id);
  column->title = g_strdup (title != NULL && title[0] != '\0' ? title : id);
  column->type = g_strdup (type != NULL ? type : "string");
  column->offset = element->offset;
  g_hash_table_insert (reader->columns[reader->column_class], column->id, column);
  g_ptr_array_add (reader->column_order[reader->column_class], column);
  reader->column = column;
}

static void
read_attvalue (Reader             *reader,
               const CsXmlElement *element,
               int                 klass,
               GPtrArray          *attributes)
{
  const char *id = _cs_xml_element_get (element, "for");
  const char *value = _cs_xml_element_get (element, "value");
  g_autofree char *note = NULL;
  g_autofree char *typed = NULL;
  Column *column;

  /* GEXF 1.1 names the column with "id" */
  if (id == NULL)
    id = _cs_xml_element_get (element, "id");
  if (id == NULL || value == NULL)
    {
      _cs_foreign_graph_warn (reader->graph, CS_FOREIGN_WARNING_OTHER, element->offset,
                              _("an <attvalue> without \"for\" or \"value\" is left out"));
      return;
    }
  column = g_hash_table_lookup (reader->columns[klass], id);
  if (column == NULL)
    {
      _cs_foreign_graph_warn (reader->graph, CS_FOREIGN_WARNING_OTHER, element->offset,
                              _("no <attribute> declares \"%s\"; its values are kept under "
                                "that name"),
                              id);
      column = g_new0 (Column, 1);
      column->id = g_strdup (id);
      column->title = g_strdup (id);
      column->type = g_strdup ("string");
      g_hash_table_insert (reader->columns[klass], column->id, column);
      g_ptr_array_add (reader->column_order[klass], column);
    }
  note = interval (reader, element);
  typed = typed_value (reader, column, value, element->offset);
  _cs_foreign_attributes_add (attributes, column->title, typed, note);
}

static void
add_defaults (Reader    *reader,
              int        klass,
              GPtrArray *attributes)
{
  for (guint i = 0; i < reader->column_order[klass]->len; i++)
    {
      const Column *column = g_ptr_array_index (reader->column_order[klass], i);

      if (column->default_value != NULL &&
          _cs_foreign_attributes_get (attributes, column->title) == NULL)
        _cs_foreign_attributes_add (attributes, column->title, column->default_value, NULL);
    }
}

static gboolean
viz_number (Reader             *reader,
            const CsXmlElement *element,
            const char         *name,
            double             *value)
{
  const char *text = _cs_xml_element_get (element, name);

  if (text == NULL)
    return FALSE;
  if (_cs_foreign_parse_double (text, value) && isfinite (*value))
    return TRUE;
  _cs_foreign_graph_warn (reader->graph, CS_FOREIGN_WARNING_VALUE, element->offset,
                          /* TRANSLATORS: viz:%s is the element (viz:position,
                           * viz:size…), %s=\"%s\" its attribute and value */
                          _("viz:%s %s=\"%s\" is not a finite number; left out"), element->name,
                          name, text);
  return FALSE;
}

static void
read_color (Reader             *reader,
            const CsXmlElement *element,
            GPtrArray          *attributes)
{
  const char *hex = _cs_xml_element_get (element, "hex");
  const char *alpha = _cs_xml_element_get (element, "a");
  double rgb[3];
  static const char *const channels[] = { "r", "g", "b" };

  if (hex != NULL)
    _cs_foreign_attributes_add (attributes, "color", hex, NULL);
  else
    {
      for (guint i = 0; i < 3; i++)
        {
          if (!viz_number (reader, element, channels[i], &rgb[i]))
            return;
          if (rgb[i] < 0 || rgb[i] > 255)
            {
              _cs_foreign_graph_warn (reader->graph, CS_FOREIGN_WARNING_VALUE, element->offset,
                                      /* TRANSLATORS: %s is r, g or b */
                                      _("viz:color %s=\"%g\" is outside 0…255; the colour is "
                                        "left out"),
                                      channels[i], rgb[i]);
              return;
            }
        }
      {
        g_autofree char *color = g_strdup_printf ("#%02x%02x%02x", (guint)rgb[0], (guint)rgb[1],
                                                  (guint)rgb[2]);

        _cs_foreign_attributes_add (attributes, "color", color, NULL);
      }
    }
  if (alpha != NULL)
    _cs_foreign_attributes_add (attributes, "opacity", alpha, NULL);
}

/* viz:color, viz:position, viz:size, viz:thickness and viz:shape */
static gboolean
read_viz (Reader             *reader,
          const CsXmlElement *element,
          CsForeignNode      *node,
          GPtrArray          *attributes)
{
  const char *name = element->name;
  double x, y, z, value;

  if (g_str_equal (name, "color"))
    read_color (reader, element, attributes);
  else if (g_str_equal (name, "position") && node != NULL)
    {
      if (viz_number (reader, element, "x", &x) && viz_number (reader, element, "y", &y))
        _cs_foreign_node_set_position (node, x, y);
      if (viz_number (reader, element, "z", &z) && z != 0)
        _cs_foreign_attributes_add (attributes, "z", _cs_xml_element_get (element, "z"), NULL);
    }
  else if ((g_str_equal (name, "size") && node != NULL) ||
           (g_str_equal (name, "thickness") && node == NULL))
    {
      if (viz_number (reader, element, "value", &value))
        _cs_foreign_attributes_add (attributes, name, _cs_xml_element_get (element, "value"), NULL);
    }
  else if (g_str_equal (name, "shape"))
    {
      const char *shape = _cs_xml_element_get (element, "value");

      if (shape != NULL)
        _cs_foreign_attributes_add (attributes, "shape", shape, NULL);
    }
  else
    return FALSE;
  return TRUE;
}

static void
finish_node (Reader      *reader,
             CsXmlParser *parser)
{
  CsForeignNode *node = g_steal_pointer (&reader->node);

  add_defaults (reader, CLASS_NODE, node->attributes);
  _cs_foreign_graph_take_node (reader->graph, node);
  if (_cs_foreign_graph_failed (reader->graph))
    _cs_xml_parser_stop (parser);
}

static void
finish_edge (Reader      *reader,
             CsXmlParser *parser)
{
  CsForeignEdge *edge = g_steal_pointer (&reader->edge);

  add_defaults (reader, CLASS_EDGE, edge->attributes);
  _cs_foreign_graph_take_edge (reader->graph, edge);
  if (_cs_foreign_graph_failed (reader->graph))
    _cs_xml_parser_stop (parser);
}

static Kind
start_node (Reader             *reader,
            const CsXmlElement *element)
{
  const char *id = _cs_xml_element_get (element, "id");
  const char *label = _cs_xml_element_get (element, "label");
  const char *pid = _cs_xml_element_get (element, "pid");
  const char *parent = reader->parents->len > 0
                           ? g_ptr_array_index (reader->parents, reader->parents->len - 1)
                           : pid;

  if (id == NULL || id[0] == '\0')
    {
      _cs_foreign_graph_warn (reader->graph, CS_FOREIGN_WARNING_OTHER, element->offset,
                              _("a node without an id is left out"));
      return KIND_SKIP;
    }
  reader->node = _cs_foreign_node_new (id, element->offset);
  reader->node->label = g_strdup (label);
  add_times (reader, element, reader->node->attributes);
  if (pid != NULL)
    warn_hierarchy (reader, element->offset);
  if (parent != NULL)
    _cs_foreign_attributes_add (reader->node->attributes, "parent", parent, NULL);
  return KIND_NODE;
}

static Kind
start_edge (Reader             *reader,
            const CsXmlElement *element)
{
  const char *source = _cs_xml_element_get (element, "source");
  const char *target = _cs_xml_element_get (element, "target");
  const char *type = _cs_xml_element_get (element, "type");
  static const char *const kept[] = { "label", "weight", "kind" };
  CsForeignEdge *edge;

  if (source == NULL || target == NULL || source[0] == '\0' || target[0] == '\0')
    {
      _cs_foreign_graph_warn (reader->graph, CS_FOREIGN_WARNING_OTHER, element->offset,
                              _("an edge without a source or a target is left out"));
      return KIND_SKIP;
    }
  edge = reader->edge = _cs_foreign_edge_new (source, target, element->offset);
  edge->id = g_strdup (_cs_xml_element_get (element, "id"));
  edge->directed = type != NULL ? g_str_equal (type, "directed") : reader->directed;
  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    {
      const char *value = _cs_xml_element_get (element, kept[i]);

      if (value != NULL)
        _cs_foreign_attributes_add (edge->attributes, kept[i], value, NULL);
    }
  add_times (reader, element, edge->attributes);
  return KIND_EDGE;
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
  const char *value;

  if (parent == NULL)
    {
      const char *version = _cs_xml_element_get (element, "version");

      if (!g_str_equal (name, "gexf"))
        {
          _cs_foreign_graph_error (reader->graph, CS_IMPORT_ERROR_FORMAT, element->offset,
                                   _("not a GEXF file: the root element is <%s>, not <gexf>"),
                                   name);
          _cs_xml_parser_stop (parser);
          return;
        }
      if (version != NULL && !g_str_equal (version, "1.1") && !g_str_equal (version, "1.2") &&
          !g_str_equal (version, "1.3"))
        _cs_foreign_graph_warn (reader->graph, CS_FOREIGN_WARNING_UNSUPPORTED, element->offset,
                                _("GEXF version %s is read as version 1.3"), version);
      frame.kind = KIND_GEXF;
    }
  else
    switch (parent->kind)
      {
      case KIND_GEXF:
        if (g_str_equal (name, "meta"))
          {
            if ((value = _cs_xml_element_get (element, "lastmodifieddate")) != NULL &&
                reader->date == NULL)
              reader->date = g_strdup (value);
            frame.kind = KIND_META;
          }
        else if (g_str_equal (name, "graph"))
          {
            value = _cs_xml_element_get (element, "defaultedgetype");
            reader->directed = value != NULL && g_str_equal (value, "directed");
            value = _cs_xml_element_get (element, "mode");
            if (value != NULL && g_str_equal (value, "dynamic"))
              warn_dynamic (reader, element->offset);
            frame.kind = KIND_GRAPH;
          }
        break;

      case KIND_META:
        reader->in_description = g_str_equal (name, "description");
        _cs_xml_parser_want_text (parser);
        frame.kind = KIND_META_TEXT;
        break;

      case KIND_GRAPH:
        if (g_str_equal (name, "attributes"))
          {
            value = _cs_xml_element_get (element, "class");
            reader->column_class = value == NULL || g_str_equal (value, "node") ? CLASS_NODE
                                   : g_str_equal (value, "edge")                ? CLASS_EDGE
                                                                                : -1;
            value = _cs_xml_element_get (element, "mode");
            if (value != NULL && g_str_equal (value, "dynamic"))
              warn_dynamic (reader, element->offset);
            if (reader->column_class >= 0)
              frame.kind = KIND_COLUMNS;
          }
        else if (g_str_equal (name, "nodes"))
          frame.kind = KIND_NODES;
        else if (g_str_equal (name, "edges"))
          frame.kind = KIND_EDGES;
        break;

      case KIND_COLUMNS:
        if (g_str_equal (name, "attribute"))
          {
            read_column (reader, element);
            frame.kind = KIND_COLUMN;
          }
        break;

      case KIND_COLUMN:
        if (g_str_equal (name, "default") && reader->column != NULL)
          {
            _cs_xml_parser_want_text (parser);
            frame.kind = KIND_DEFAULT;
          }
        break;

      case KIND_NODES:
        if (g_str_equal (name, "node") && reader->node == NULL)
          frame.kind = start_node (reader, element);
        break;

      case KIND_EDGES:
        if (g_str_equal (name, "edge") && reader->edge == NULL)
          frame.kind = start_edge (reader, element);
        break;

      case KIND_NODE:
      case KIND_EDGE:
        {
          gboolean node = parent->kind == KIND_NODE;
          GPtrArray *attributes = node ? (reader->node != NULL ? reader->node->attributes : NULL)
                                       : reader->edge->attributes;

          if (g_str_equal (name, "attvalues") && attributes != NULL)
            frame.kind = KIND_ATTVALUES;
          else if (g_str_equal (name, "spells") && attributes != NULL)
            frame.kind = KIND_SPELLS;
          else if (g_str_equal (name, "parents") && node && attributes != NULL)
            {
              warn_hierarchy (reader, element->offset);
              frame.kind = KIND_PARENTS;
            }
          else if (g_str_equal (name, "nodes") && node)
            {
              /* the node is complete: its children follow */
              g_autofree char *id = reader->node != NULL ? g_strdup (reader->node->id) : NULL;

              warn_hierarchy (reader, element->offset);
              if (reader->node != NULL)
                finish_node (reader, parser);
              g_ptr_array_add (reader->parents, g_steal_pointer (&id));
              frame.kind = KIND_NODES;
              frame.nested = TRUE;
            }
          else if (attributes != NULL)
            read_viz (reader, element, node ? reader->node : NULL, attributes);
        }
        break;

      case KIND_ATTVALUES:
        if (g_str_equal (name, "attvalue"))
          {
            gboolean node = reader->node != NULL;

            read_attvalue (reader, element, node ? CLASS_NODE : CLASS_EDGE,
                           node ? reader->node->attributes : reader->edge->attributes);
          }
        break;

      case KIND_SPELLS:
        if (g_str_equal (name, "spell"))
          {
            g_autofree char *spell = interval (reader, element);
            GPtrArray *attributes = reader->node != NULL ? reader->node->attributes
                                                         : reader->edge->attributes;

            if (spell != NULL)
              _cs_foreign_attributes_add (attributes, "spells", spell, NULL);
          }
        break;

      case KIND_PARENTS:
        if (g_str_equal (name, "parent") && (value = _cs_xml_element_get (element, "for")) != NULL)
          _cs_foreign_attributes_add (reader->node->attributes, "parent", value, NULL);
        break;

      case KIND_META_TEXT:
      case KIND_DEFAULT:
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

  g_assert (reader->stack->len > 0);
  frame = g_array_index (reader->stack, Frame, reader->stack->len - 1);
  g_array_set_size (reader->stack, reader->stack->len - 1);

  switch (frame.kind)
    {
    case KIND_META_TEXT:
      if (reader->in_description && text != NULL && reader->description == NULL)
        reader->description = g_strstrip (g_strdup (text));
      reader->in_description = FALSE;
      break;
    case KIND_DEFAULT:
      if (reader->column != NULL && reader->column->default_value == NULL && text != NULL)
        reader->column->default_value = typed_value (reader, reader->column, text,
                                                     reader->column->offset);
      break;
    case KIND_COLUMN:
      reader->column = NULL;
      break;
    case KIND_COLUMNS:
      reader->column_class = -1;
      break;
    case KIND_NODES:
      if (frame.nested)
        g_ptr_array_set_size (reader->parents, reader->parents->len - 1);
      break;
    case KIND_NODE:
      if (reader->node != NULL)
        finish_node (reader, parser);
      break;
    case KIND_EDGE:
      if (reader->edge != NULL)
        finish_edge (reader, parser);
      break;
    case KIND_GEXF:
    case KIND_META:
    case KIND_GRAPH:
    case KIND_EDGES:
    case KIND_ATTVALUES:
    case KIND_SPELLS:
    case KIND_PARENTS:
    case KIND_SKIP:
      break;
    default:
      g_assert_not_reached ();
    }
}

static gboolean
cs_gexf_importer_load (CsImporter            *importer,
                       const char            *data,
                       gsize                  length,
                       const CsImportOptions *options,
                       CsGraphBuilder        *builder,
                       GPtrArray             *problems,
                       GCancellable          *cancellable)
{
  static const CsXmlHandler handler = { start_cb, end_cb };
  g_autoptr(CsForeignGraph) graph = _cs_foreign_graph_new (builder, problems, "GEXF");
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (Frame));
  g_autoptr(GPtrArray) parents = g_ptr_array_new_with_free_func (g_free);
  Reader reader = {
    .graph = graph,
    .stack = stack,
    .parents = parents,
    .column_class = -1,
  };
  gboolean ok;

  for (guint k = 0; k < N_CLASSES; k++)
    {
      reader.columns[k] = g_hash_table_new (g_str_hash, g_str_equal);
      reader.column_order[k] = g_ptr_array_new_with_free_func ((GDestroyNotify)column_free);
    }

  ok = _cs_xml_parse (data, length, &handler, &reader, problems, cancellable);
  g_clear_pointer (&reader.node, _cs_foreign_node_free);
  g_clear_pointer (&reader.edge, _cs_foreign_edge_free);
  if (ok && !_cs_foreign_graph_failed (graph))
    {
      _cs_foreign_graph_set_metadata (graph, NULL, reader.description, reader.date);
      ok = _cs_foreign_graph_finish (graph, cancellable);
    }

  for (guint k = 0; k < N_CLASSES; k++)
    {
      g_hash_table_unref (reader.columns[k]);
      g_ptr_array_unref (reader.column_order[k]);
    }
  g_free (reader.description);
  g_free (reader.date);
  return ok && !_cs_foreign_graph_failed (graph);
}

static guint
cs_gexf_importer_sniff (CsImporter *importer,
                        const char *head,
                        gsize       length)
{
  return _cs_xml_sniff_root (head, length, "gexf", "gexf.net");
}

static void
cs_gexf_importer_class_init (CsGexfImporterClass *klass)
{
  CsImporterClass *importer_class = CS_IMPORTER_CLASS (klass);
  static const char *const mime_types[] = { "application/gexf+xml", NULL };
  static const char *const extensions[] = { "gexf", NULL };

  importer_class->name = "gexf";
  importer_class->display_name = "GEXF (Gephi)";
  importer_class->mime_types = mime_types;
  importer_class->extensions = extensions;
  importer_class->sniff = cs_gexf_importer_sniff;
  importer_class->load = cs_gexf_importer_load;
}

static void
cs_gexf_importer_init (CsGexfImporter *self)
{
}
