/* cs-graphology-importer.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-graphology-importer.h"

#include "cs-json-graph-private.h"
#include "cs-json-tree.h"

#include <glib/gi18n-lib.h>

/* graphology's serialized graphs (graph.export(): {attributes, options,
 * nodes: [{key, attributes}], edges: [{key, source, target, attributes,
 * undirected}]}) and MiniVan bundles (such a graph under "graph", with
 * "bundleVersion", a title, description and date, and "settings"), parsed
 * with json-glib.
 *
 * A node's id is its key, its label the label (or name, title, Label,
 * Name) of its attributes, its position their x and y when both are
 * finite numbers; its other attributes (size, color, …) stay attributes.
 * An edge's key is its id, its attributes' relation its relation when our
 * format can name it; "undirected" and its other attributes are
 * attributes. options.type and options.multi (a bundle's settings) say
 * whether edges have a direction and whether parallel edges are expected.
 * The graph's attributes and the bundle's own members give the title,
 * description, date and lines of the description. */

struct _CsGraphologyImporter
{
  CsImporter parent_instance;
};

G_DEFINE_FINAL_TYPE (CsGraphologyImporter, cs_graphology_importer, CS_TYPE_IMPORTER)

/* the object in @member of @object, or NULL (a warning when it is of
 * another kind) */
static JsonObject *
attributes_of (CsJsonGraph      *graph,
               JsonObject       *object,
               const CsJsonPath *path)
{
  JsonNode *attributes = json_object_get_member (object, "attributes");

  if (attributes == NULL || JSON_NODE_HOLDS_NULL (attributes))
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (attributes))
    {
      cs_json_graph_warn (graph, TYPE, attributes, path, "attributes",
                          _("expected an object, found %s; it is left out"),
                          cs_json_describe (attributes));
      return NULL;
    }
  return json_node_get_object (attributes);
}

static void
read_node (CsJsonGraph      *graph,
           JsonNode         *element,
           const CsJsonPath *path)
{
  static const char *const own_skip[] = { "key", "attributes" };
  g_autoptr(CsNode) node = NULL;
  JsonObject *object;
  JsonObject *attributes;
  const char *label_key = NULL;
  gboolean placed = FALSE;
  char *id;

  if (!JSON_NODE_HOLDS_OBJECT (element))
    {
      cs_json_graph_warn (graph, TYPE, element, path, NULL,
                          _("expected a node object {key, attributes}, found %s; it is left out"),
                          cs_json_describe (element));
      _cs_json_graph_skip_node (graph);
      return;
    }
  object = json_node_get_object (element);
  node = cs_node_new ();
  id = _cs_json_graph_read_id (graph, json_object_get_member (object, "key"), path, "key");
  attributes = attributes_of (graph, object, path);
  if (attributes != NULL)
    {
      CsJsonPath attributes_path = CS_JSON_PATH_MEMBER (path, "attributes");

      label_key = _cs_json_graph_find_label (attributes, &node->label);
      placed = _cs_json_graph_read_position (graph, node, json_object_get_member (attributes, "x"),
                                             json_object_get_member (attributes, "y"),
                                             json_object_get_member (object, "attributes"),
                                             &attributes_path);
      {
        const char *skip[] = { label_key, placed ? "x" : NULL, placed ? "y" : NULL };

        _cs_json_graph_node_attributes (graph, node, attributes, skip, G_N_ELEMENTS (skip), NULL,
                                        NULL);
      }
    }
  _cs_json_graph_node_attributes (graph, node, object, own_skip, G_N_ELEMENTS (own_skip),
                                  attributes, "node");
  _cs_json_graph_add_node (graph, g_steal_pointer (&node), id, element, path);
}

static void
read_edge (CsJsonGraph      *graph,
           JsonNode         *element,
           const CsJsonPath *path,
           gboolean          directed)
{
  static const char *const own_skip[] = { "key", "source", "target", "attributes" };
  g_autoptr(CsEdge) edge = NULL;
  JsonObject *object;
  JsonObject *attributes;
  JsonNode *undirected;
  gboolean relation_used = FALSE;
  guint from, to;

  if (!JSON_NODE_HOLDS_OBJECT (element))
    {
      cs_json_graph_warn (graph, TYPE, element, path, NULL,
                          _("expected an edge object {source, target}, found %s; it is left out"),
                          cs_json_describe (element));
      return;
    }
  object = json_node_get_object (element);
  if (!_cs_json_graph_resolve_end (graph, element, path, "source",
                                   json_object_get_member (object, "source"), &from) ||
      !_cs_json_graph_resolve_end (graph, element, path, "target",
                                   json_object_get_member (object, "target"), &to))
    return;

  edge = cs_edge_new ();
  edge->source = from;
  edge->target = to;
  attributes = attributes_of (graph, object, path);
  if (attributes != NULL)
    {
      JsonNode *relation = json_object_get_member (attributes, "relation");
      const char *skip[1];

      relation_used = _cs_json_graph_read_relation (graph, edge, relation);
      skip[0] = relation_used ? "relation" : NULL;
      _cs_json_graph_edge_attributes (graph, edge, attributes, skip, G_N_ELEMENTS (skip), NULL,
                                      NULL);
    }
  _cs_json_graph_edge_attributes (graph, edge, object, own_skip, G_N_ELEMENTS (own_skip),
                                  attributes, "edge");
  undirected = json_object_get_member (object, "undirected");
  if (cs_json_holds (undirected, G_TYPE_BOOLEAN) && json_node_get_boolean (undirected))
    directed = FALSE;
  _cs_json_graph_add_edge (graph, g_steal_pointer (&edge),
                           _cs_json_graph_read_id (graph, json_object_get_member (object, "key"),
                                                   path, "key"),
                           directed, element, path);
}

/* options {type, multi} of a graph, or settings of a bundle */
static gboolean
read_options (CsJsonGraph *graph,
              JsonNode    *options)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;
  JsonNode *type;
  JsonNode *multi;

  if (!_cs_json_is (options, JSON_NODE_OBJECT))
    return TRUE;
  type = json_object_get_member (json_node_get_object (options), "type");
  multi = json_object_get_member (json_node_get_object (options), "multi");
  json_object_iter_init_ordered (&iter, json_node_get_object (options));
  while (json_object_iter_next_ordered (&iter, &name, &value))
    _cs_json_graph_add_info (graph, name, value);
  /* graphology's default is "mixed": edges are directed unless they say */
  _cs_json_graph_set_directed (graph,
                               !cs_json_holds (type, G_TYPE_STRING) ||
                                   !g_str_equal (json_node_get_string (type), "undirected"),
                               cs_json_holds (multi, G_TYPE_BOOLEAN) &&
                                   json_node_get_boolean (multi));
  return !cs_json_holds (type, G_TYPE_STRING) ||
         !g_str_equal (json_node_get_string (type), "undirected");
}

static gboolean
read_graph (CsJsonGraph      *graph,
            JsonNode         *serialized,
            const CsJsonPath *path,
            JsonNode         *settings,
            GCancellable     *cancellable)
{
  CsJsonPath nodes_path = CS_JSON_PATH_MEMBER (path, "nodes");
  CsJsonPath edges_path = CS_JSON_PATH_MEMBER (path, "edges");
  JsonObject *object = json_node_get_object (serialized);
  JsonNode *attributes = json_object_get_member (object, "attributes");
  JsonNode *options = json_object_get_member (object, "options");
  gboolean directed;
  JsonNode *nodes;
  JsonNode *edges;
  JsonArray *array;

  if (_cs_json_is (attributes, JSON_NODE_OBJECT))
    _cs_json_graph_read_graph_data (graph, json_node_get_object (attributes), NULL);
  /* a bundle's settings say it for the graph, which may have no options */
  directed = read_options (graph, options != NULL ? options : settings);

  nodes = _cs_json_graph_get_member (graph, serialized, path, "nodes", JSON_NODE_ARRAY, TRUE);
  if (nodes == NULL)
    return FALSE;
  edges = _cs_json_graph_get_member (graph, serialized, path, "edges", JSON_NODE_ARRAY, FALSE);
  if (edges == NULL && json_object_get_member (object, "edges") != NULL)
    return FALSE;

  array = json_node_get_array (nodes);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      CsJsonPath node_path = CS_JSON_PATH_ELEMENT (&nodes_path, i);

      if (_cs_json_graph_is_cancelled (graph, i))
        return FALSE;
      read_node (graph, json_array_get_element (array, i), &node_path);
    }
  _cs_json_graph_end_nodes (graph);

  array = edges != NULL ? json_node_get_array (edges) : NULL;
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      CsJsonPath edge_path = CS_JSON_PATH_ELEMENT (&edges_path, i);

      if (_cs_json_graph_is_cancelled (graph, i))
        return FALSE;
      read_edge (graph, json_array_get_element (array, i), &edge_path, directed);
    }
  return TRUE;
}

static gboolean
cs_graphology_importer_load (CsImporter            *importer,
                             const char            *data,
                             gsize                  length,
                             const CsImportOptions *options,
                             CsGraphBuilder        *builder,
                             GPtrArray             *problems,
                             GCancellable          *cancellable)
{
  static const char *const bundle_skip[] = { "graph", "settings", NULL };
  g_autoptr(CsJsonTree) tree = cs_json_tree_parse (data, length, problems);
  g_autoptr(CsJsonGraph) graph = NULL;
  CsJsonPath graph_path = CS_JSON_PATH_MEMBER (NULL, "graph");
  JsonNode *root;
  JsonObject *object;
  gboolean ok;

  if (tree == NULL)
    return FALSE;
  graph = _cs_json_graph_new (tree, builder, problems, cancellable);
  root = cs_json_tree_get_root (tree);
  if (!_cs_json_graph_expect_root (graph, root,
                                   /* TRANSLATORS: fills the first %s of “expected %s at
                                    * the top level, found %s” */
                                   _("a graphology graph or MiniVan bundle object")))
    return FALSE;
  if (!_cs_json_graph_expect_one (graph, root, options))
    return FALSE;
  object = json_node_get_object (root);

  /* a MiniVan bundle: the graph is one member of it */
  if (json_object_has_member (object, "bundleVersion") ||
      (!json_object_has_member (object, "nodes") && json_object_has_member (object, "graph")))
    {
      JsonNode *serialized = _cs_json_graph_get_member (graph, root, NULL, "graph",
                                                        JSON_NODE_OBJECT, TRUE);

      _cs_json_graph_read_graph_data (graph, object, bundle_skip);
      ok = serialized != NULL && read_graph (graph, serialized, &graph_path,
                                             json_object_get_member (object, "settings"),
                                             cancellable);
    }
  else
    ok = read_graph (graph, root, NULL, NULL, cancellable);
  _cs_json_graph_finish (graph);
  return ok && cs_problems_count_errors (problems) == 0;
}

/* a MiniVan bundle's "bundleVersion"; or "nodes" with graphology's
 * "attributes" or "options", or with nodes that have a "key" */
static guint
cs_graphology_importer_sniff (CsImporter *importer,
                              const char *head,
                              gsize       length)
{
  g_autoptr(CsJsonSniff) sniff = _cs_json_sniff_new (head, length);

  if (!_cs_json_sniff_is_object (sniff))
    return 0;
  if (_cs_json_sniff_has (sniff, "bundleVersion"))
    return 90;
  if (_cs_json_sniff_has (sniff, "graph.attributes") || _cs_json_sniff_has (sniff, "graph.options"))
    return 60;
  if (_cs_json_sniff_has (sniff, "nodes") && !_cs_json_sniff_has (sniff, "links") &&
      !_cs_json_sniff_has (sniff, "format") &&
      (_cs_json_sniff_has (sniff, "attributes") || _cs_json_sniff_has (sniff, "options") ||
       _cs_json_sniff_has (sniff, "nodes[0].key")))
    return 60;
  return 0;
}

static void
cs_graphology_importer_class_init (CsGraphologyImporterClass *klass)
{
  CsImporterClass *importer_class = CS_IMPORTER_CLASS (klass);
  static const char *const mime_types[] = { "application/json", NULL };
  static const char *const extensions[] = { "json", NULL };

  importer_class->name = "graphology";
  /* TRANSLATORS: the name of a file format, in the file chooser */
  importer_class->display_name = _("graphology JSON (and MiniVan bundles)");
  importer_class->mime_types = mime_types;
  importer_class->extensions = extensions;
  importer_class->sniff = cs_graphology_importer_sniff;
  importer_class->load = cs_graphology_importer_load;
}

static void
cs_graphology_importer_init (CsGraphologyImporter *self)
{
}
