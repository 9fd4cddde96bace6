/* cs-node-link-importer.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-node-link-importer.h"

#include "cs-json-graph-private.h"
#include "cs-json-tree.h"

#include <glib/gi18n-lib.h>

/* Node-link JSON, as d3's force examples and NetworkX's node_link_data()
 * write it, parsed with json-glib: "nodes" and "links" (or "edges", as
 * NetworkX 3.4 can write them), the "directed" and "multigraph" flags, and
 * the graph's own attributes in "graph" (an object, or in NetworkX 1 a
 * list of [key, value] pairs).
 *
 * A node's id is its "id", or for old d3 files its "name"; an edge's ends
 * are ids, or, when they are whole numbers in a file from d3 before
 * version 4 or NetworkX 1 (a "graph" list, or no "graph" at all: see
 * ends_by_index()), places in the list of nodes, from 0. x and y,
 * when both are finite numbers, are the node's position; a "type" that is
 * a word ("company", "person") its type, as a link's "relation" is its
 * relation; every other member (group, weight, value, key, …) is an
 * attribute. The graph's name
 * is the title, its other attributes and the two flags lines of the
 * description. Parallel edges are kept, with a warning unless the file
 * says it is a multigraph. */

struct _CsNodeLinkImporter
{
  CsImporter parent_instance;
};

G_DEFINE_FINAL_TYPE (CsNodeLinkImporter, cs_node_link_importer, CS_TYPE_IMPORTER)

static void
read_node (CsJsonGraph      *graph,
           JsonNode         *element,
           const CsJsonPath *path)
{
  g_autoptr(CsNode) node = NULL;
  JsonObject *object;
  const char *label_key;
  const char *id_key;
  gboolean placed, type_used;
  char *id;

  if (!JSON_NODE_HOLDS_OBJECT (element))
    {
      cs_json_graph_warn (graph, TYPE, element, path, NULL,
                          _("expected a node object, found %s; it is left out"),
                          cs_json_describe (element));
      _cs_json_graph_skip_node (graph);
      return;
    }
  object = json_node_get_object (element);
  node = cs_node_new ();
  id_key = json_object_has_member (object, "id") ? "id" : "name";
  id = _cs_json_graph_read_id (graph, json_object_get_member (object, id_key), path, id_key);
  label_key = _cs_json_graph_find_label (object, &node->label);
  placed = _cs_json_graph_read_position (graph, node, json_object_get_member (object, "x"),
                                         json_object_get_member (object, "y"), element, path);
  type_used = _cs_json_graph_read_type (graph, node, json_object_get_member (object, "type"));
  {
    const char *skip[] = { id_key, label_key, placed ? "x" : NULL, placed ? "y" : NULL,
                           type_used ? "type" : NULL };

    _cs_json_graph_node_attributes (graph, node, object, skip, G_N_ELEMENTS (skip), NULL, NULL);
  }
  _cs_json_graph_add_node (graph, g_steal_pointer (&node), id, element, path);
}

static void
read_edge (CsJsonGraph      *graph,
           JsonNode         *element,
           const CsJsonPath *path,
           gboolean          directed)
{
  g_autoptr(CsEdge) edge = NULL;
  JsonObject *object;
  gboolean relation_used;
  guint from, to;

  if (!JSON_NODE_HOLDS_OBJECT (element))
    {
      cs_json_graph_warn (graph, TYPE, element, path, NULL,
                          _("expected a link object, found %s; it is left out"),
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
  relation_used = _cs_json_graph_read_relation (graph, edge,
                                                json_object_get_member (object, "relation"));
  {
    const char *skip[] = { "id", "source", "target", relation_used ? "relation" : NULL };

    _cs_json_graph_edge_attributes (graph, edge, object, skip, G_N_ELEMENTS (skip), NULL, NULL);
  }
  _cs_json_graph_add_edge (graph, g_steal_pointer (&edge),
                           _cs_json_graph_read_id (graph, json_object_get_member (object, "id"),
                                                   path, "id"),
                           directed, element, path);
}

/* NetworkX 1 writes the graph's attributes as [[key, value], …] */
static void
read_graph_pairs (CsJsonGraph *graph,
                  JsonNode    *pairs)
{
  CsJsonPath path = CS_JSON_PATH_MEMBER (NULL, "graph");
  JsonArray *array = json_node_get_array (pairs);
  g_autoptr(JsonObject) object = json_object_new ();

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *pair = json_array_get_element (array, i);
      JsonArray *items = JSON_NODE_HOLDS_ARRAY (pair) ? json_node_get_array (pair) : NULL;

      if (items == NULL || json_array_get_length (items) != 2 ||
          !cs_json_holds (json_array_get_element (items, 0), G_TYPE_STRING))
        {
          CsJsonPath pair_path = CS_JSON_PATH_ELEMENT (&path, i);

          cs_json_graph_warn (graph, TYPE, pair, &pair_path, NULL,
                              _("expected a pair [key, value], found %s; it is left out"),
                              cs_json_describe (pair));
          continue;
        }
      json_object_set_member (object, json_array_get_string_element (items, 0),
                              json_node_ref (json_array_get_element (items, 1)));
    }
  _cs_json_graph_read_graph_data (graph, object, NULL);
}

/* Whole-number ends are places in the list of nodes in the files of d3
 * before version 4 and of NetworkX 1 (whose "graph" is a list), and ids
 * in NetworkX 2 and later (whose "graph" is an object). A file with
 * neither is read as d3 reads it, by place, unless its nodes have
 * whole-number ids and an end is not a place: then it names an id. */
static gboolean
ends_by_index (JsonNode  *graph,
               JsonArray *nodes,
               JsonArray *links)
{
  guint n_nodes = json_array_get_length (nodes);
  gboolean number_ids = FALSE;

  if (_cs_json_is (graph, JSON_NODE_ARRAY))
    return TRUE;
  if (_cs_json_is (graph, JSON_NODE_OBJECT))
    return FALSE;
  for (guint i = 0; !number_ids && i < n_nodes; i++)
    {
      JsonNode *node = json_array_get_element (nodes, i);

      number_ids = JSON_NODE_HOLDS_OBJECT (node) &&
                   cs_json_holds (json_object_get_member (json_node_get_object (node), "id"),
                                  G_TYPE_INT64);
    }
  for (guint i = 0; number_ids && links != NULL && i < json_array_get_length (links); i++)
    {
      JsonNode *link = json_array_get_element (links, i);
      const char *const ends[] = { "source", "target" };

      if (!JSON_NODE_HOLDS_OBJECT (link))
        continue;
      for (guint e = 0; e < G_N_ELEMENTS (ends); e++)
        {
          JsonNode *end = json_object_get_member (json_node_get_object (link), ends[e]);

          if (cs_json_holds (end, G_TYPE_INT64) &&
              (json_node_get_int (end) < 0 || json_node_get_int (end) >= n_nodes))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
read_document (CsJsonGraph  *graph,
               JsonNode     *root,
               GCancellable *cancellable)
{
  CsJsonPath nodes_path = CS_JSON_PATH_MEMBER (NULL, "nodes");
  JsonObject *object = json_node_get_object (root);
  JsonNode *directed = json_object_get_member (object, "directed");
  JsonNode *multigraph = json_object_get_member (object, "multigraph");
  JsonNode *graph_data = json_object_get_member (object, "graph");
  const char *links_key = json_object_has_member (object, "links") ? "links" : "edges";
  CsJsonPath links_path = CS_JSON_PATH_MEMBER (NULL, links_key);
  gboolean is_directed;
  JsonNode *nodes;
  JsonNode *links;
  JsonArray *array;
  JsonArray *links_array;

  nodes = _cs_json_graph_get_member (graph, root, NULL, "nodes", JSON_NODE_ARRAY, TRUE);
  if (nodes == NULL)
    return FALSE;
  links = _cs_json_graph_get_member (graph, root, NULL, links_key, JSON_NODE_ARRAY, FALSE);
  if (links == NULL && json_object_get_member (object, links_key) != NULL)
    return FALSE;
  if (g_str_equal (links_key, "links") && json_object_has_member (object, "edges"))
    cs_json_graph_warn (graph, UNKNOWN_MEMBER, json_object_get_member (object, "edges"), NULL,
                        "edges",
                        _("the file has both \"links\" and \"edges\"; the links are read, "
                          "\"edges\" is left out"));
  links_array = links != NULL ? json_node_get_array (links) : NULL;

  /* NetworkX's defaults */
  is_directed = cs_json_holds (directed, G_TYPE_BOOLEAN) && json_node_get_boolean (directed);
  _cs_json_graph_set_directed (graph, is_directed,
                               cs_json_holds (multigraph, G_TYPE_BOOLEAN) &&
                                   json_node_get_boolean (multigraph));
  _cs_json_graph_add_info (graph, "directed", directed);
  _cs_json_graph_add_info (graph, "multigraph", multigraph);
  if (_cs_json_is (graph_data, JSON_NODE_OBJECT))
    _cs_json_graph_read_graph_data (graph, json_node_get_object (graph_data), NULL);
  else if (_cs_json_is (graph_data, JSON_NODE_ARRAY))
    read_graph_pairs (graph, graph_data);

  array = json_node_get_array (nodes);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      CsJsonPath path = CS_JSON_PATH_ELEMENT (&nodes_path, i);

      if (_cs_json_graph_is_cancelled (graph, i))
        return FALSE;
      read_node (graph, json_array_get_element (array, i), &path);
    }
  _cs_json_graph_end_nodes (graph);

  _cs_json_graph_set_ends_by_index (graph, ends_by_index (graph_data, array, links_array));
  for (guint i = 0; links_array != NULL && i < json_array_get_length (links_array); i++)
    {
      CsJsonPath path = CS_JSON_PATH_ELEMENT (&links_path, i);

      if (_cs_json_graph_is_cancelled (graph, i))
        return FALSE;
      read_edge (graph, json_array_get_element (links_array, i), &path, is_directed);
    }
  return TRUE;
}

static gboolean
cs_node_link_importer_load (CsImporter            *importer,
                            const char            *data,
                            gsize                  length,
                            const CsImportOptions *options,
                            CsGraphBuilder        *builder,
                            GPtrArray             *problems,
                            GCancellable          *cancellable)
{
  g_autoptr(CsJsonTree) tree = cs_json_tree_parse (data, length, problems);
  g_autoptr(CsJsonGraph) graph = NULL;
  JsonNode *root;
  gboolean ok;

  if (tree == NULL)
    return FALSE;
  graph = _cs_json_graph_new (tree, builder, problems, cancellable);
  root = cs_json_tree_get_root (tree);
  if (!_cs_json_graph_expect_root (graph, root,
                                   /* TRANSLATORS: fills the first %s of “expected %s at
                                    * the top level, found %s”; {"nodes", "links"} is
                                    * JSON: keep it */
                                   _("a node-link object {\"nodes\", \"links\"}")))
    return FALSE;
  if (!_cs_json_graph_expect_one (graph, root, options))
    return FALSE;
  ok = read_document (graph, root, cancellable);
  _cs_json_graph_finish (graph);
  return ok && cs_problems_count_errors (problems) == 0;
}

/* "nodes" with "links"; or with NetworkX's flags "directed" or
 * "multigraph" (Consortia's own files have "nodes", "edges" and a "graph"
 * too, never those). A head that ends in a long "nodes" list, before its
 * links, is likely one as well. */
static guint
cs_node_link_importer_sniff (CsImporter *importer,
                             const char *head,
                             gsize       length)
{
  g_autoptr(CsJsonSniff) sniff = _cs_json_sniff_new (head, length);

  if (!_cs_json_sniff_is_object (sniff) || !_cs_json_sniff_has (sniff, "nodes"))
    return 0;
  if (_cs_json_sniff_has (sniff, "links"))
    return 60;
  /* ours, or graphology's */
  if (_cs_json_sniff_has (sniff, "format") || _cs_json_sniff_has (sniff, "version") ||
      _cs_json_sniff_has (sniff, "attributes") || _cs_json_sniff_has (sniff, "options") ||
      _cs_json_sniff_has (sniff, "nodes[0].key"))
    return 0;
  /* NetworkX writes its flags first: its "links" may lie far past the
   * head, after a long "nodes" list whose nodes may have a label and a
   * type as ours do */
  if (_cs_json_sniff_has (sniff, "directed") || _cs_json_sniff_has (sniff, "multigraph"))
    return 60;
  if (_cs_json_sniff_has (sniff, "nodes[0].label") && _cs_json_sniff_has (sniff, "nodes[0].type"))
    return 0;
  if (_cs_json_sniff_cut_in (sniff, "nodes"))
    return 30;
  return 0;
}

static void
cs_node_link_importer_class_init (CsNodeLinkImporterClass *klass)
{
  CsImporterClass *importer_class = CS_IMPORTER_CLASS (klass);
  static const char *const mime_types[] = { "application/json", NULL };
  static const char *const extensions[] = { "json", NULL };

  importer_class->name = "node-link";
  /* TRANSLATORS: the name of a file format, in the file chooser */
  importer_class->display_name = _("Node-link JSON (d3, NetworkX)");
  importer_class->mime_types = mime_types;
  importer_class->extensions = extensions;
  importer_class->sniff = cs_node_link_importer_sniff;
  importer_class->load = cs_node_link_importer_load;
}

static void
cs_node_link_importer_init (CsNodeLinkImporter *self)
{
}
