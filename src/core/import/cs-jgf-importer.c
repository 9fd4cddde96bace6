/* cs-jgf-importer.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-jgf-importer.h"

#include "cs-json-graph-private.h"
#include "cs-json-tree.h"

#include <glib/gi18n-lib.h>

/* JSON Graph Format (jsongraphformat.info), parsed with json-glib:
 * version 1 (nodes as an array of objects with "id") and version 2 (nodes
 * as an object, one member per node id); a file's "graph", or one of its
 * "graphs" (CsImportOptions.graph, the first by default, with a warning
 * saying how many there are).
 *
 * A node's label is its "label" (or name, title, Label, Name); its other
 * members and the members of its "metadata" become attributes (a name of
 * both is kept from the metadata as "metadata.NAME"). An edge's
 * "relation" is its relation when it is a word our format can name, and
 * an attribute otherwise; its "label", "directed" and metadata are
 * attributes. The graph's label is the title; its id, type, directed and
 * metadata are lines of the description. Hyperedges (a "hyperedges"
 * list, or an edge whose ends are lists) are left out with a warning. */

struct _CsJgfImporter
{
  CsImporter parent_instance;
};

G_DEFINE_FINAL_TYPE (CsJgfImporter, cs_jgf_importer, CS_TYPE_IMPORTER)

typedef struct
{
  CsJsonGraph *graph;
  CsGraphBuilder *builder;
  gboolean     directed;    /* the graph's default for its edges */
  guint        n_hyper;     /* hyperedges left out */
  JsonNode    *first_hyper; /* where the first is */
} Reader;

static void
read_node (Reader           *reader,
           JsonNode         *element,
           const char       *key,
           const CsJsonPath *path)
{
  g_autoptr(CsNode) node = NULL;
  JsonObject *object;
  JsonNode *metadata;
  const char *label_key;
  char *id;

  if (!JSON_NODE_HOLDS_OBJECT (element))
    {
      cs_json_graph_warn (reader->graph, TYPE, element, path, NULL,
                          _("expected a node object, found %s; it is left out"),
                          cs_json_describe (element));
      _cs_json_graph_skip_node (reader->graph);
      return;
    }
  object = json_node_get_object (element);
  node = cs_node_new ();
  label_key = _cs_json_graph_find_label (object, &node->label);
  /* version 2 names a node by its member, version 1 by its "id" */
  id = key != NULL ? g_strdup (key)
                   : _cs_json_graph_read_id (reader->graph, json_object_get_member (object, "id"),
                                             path, "id");
  metadata = json_object_get_member (object, "metadata");
  if (!_cs_json_is (metadata, JSON_NODE_OBJECT))
    metadata = NULL;

  {
    const char *skip[] = { key == NULL ? "id" : NULL, label_key,
                           metadata != NULL ? "metadata" : NULL };

    _cs_json_graph_node_attributes (reader->graph, node, object, skip, G_N_ELEMENTS (skip), NULL,
                                    NULL);
  }
  if (metadata != NULL)
    _cs_json_graph_node_attributes (reader->graph, node, json_node_get_object (metadata), NULL, 0,
                                    object, "metadata");
  _cs_json_graph_add_node (reader->graph, g_steal_pointer (&node), id, element, path);
}

static void
count_hyperedges (Reader   *reader,
                  JsonNode *at,
                  guint     n)
{
  if (n == 0)
    return;
  if (reader->n_hyper == 0)
    reader->first_hyper = at;
  reader->n_hyper += n;
}

static void
read_edge (Reader           *reader,
           JsonNode         *element,
           const CsJsonPath *path)
{
  g_autoptr(CsEdge) edge = NULL;
  JsonObject *object;
  JsonNode *source, *target, *directed, *metadata;
  gboolean relation_used;
  guint from, to;

  if (!JSON_NODE_HOLDS_OBJECT (element))
    {
      cs_json_graph_warn (reader->graph, TYPE, element, path, NULL,
                          _("expected an edge object, found %s; it is left out"),
                          cs_json_describe (element));
      return;
    }
  object = json_node_get_object (element);
  source = json_object_get_member (object, "source");
  target = json_object_get_member (object, "target");
  if (_cs_json_is (source, JSON_NODE_ARRAY) || _cs_json_is (target, JSON_NODE_ARRAY))
    {
      count_hyperedges (reader, element, 1);
      return;
    }
  if (!_cs_json_graph_resolve_end (reader->graph, element, path, "source", source, &from) ||
      !_cs_json_graph_resolve_end (reader->graph, element, path, "target", target, &to))
    return;

  edge = cs_edge_new ();
  edge->source = from;
  edge->target = to;
  relation_used = _cs_json_graph_read_relation (reader->graph, edge,
                                                json_object_get_member (object, "relation"));
  directed = json_object_get_member (object, "directed");
  metadata = json_object_get_member (object, "metadata");
  if (!_cs_json_is (metadata, JSON_NODE_OBJECT))
    metadata = NULL;

  {
    const char *skip[] = { "id", "source", "target", relation_used ? "relation" : NULL,
                           metadata != NULL ? "metadata" : NULL };

    _cs_json_graph_edge_attributes (reader->graph, edge, object, skip, G_N_ELEMENTS (skip), NULL,
                                    NULL);
  }
  if (metadata != NULL)
    _cs_json_graph_edge_attributes (reader->graph, edge, json_node_get_object (metadata), NULL, 0,
                                    object, "metadata");
  _cs_json_graph_add_edge (reader->graph, g_steal_pointer (&edge),
                           _cs_json_graph_read_id (reader->graph,
                                                   json_object_get_member (object, "id"), path,
                                                   "id"),
                           cs_json_holds (directed, G_TYPE_BOOLEAN)
                               ? json_node_get_boolean (directed)
                               : reader->directed,
                           element, path);
}

static gboolean
read_graph (Reader           *reader,
            JsonNode         *graph_node,
            const CsJsonPath *path,
            GCancellable     *cancellable)
{
  static const char *const graph_skip[] = { "nodes", "edges", "hyperedges", "metadata", NULL };
  CsJsonPath nodes_path = CS_JSON_PATH_MEMBER (path, "nodes");
  CsJsonPath edges_path = CS_JSON_PATH_MEMBER (path, "edges");
  JsonObject *object = json_node_get_object (graph_node);
  JsonNode *nodes = json_object_get_member (object, "nodes");
  JsonNode *directed = json_object_get_member (object, "directed");
  JsonNode *metadata = json_object_get_member (object, "metadata");
  JsonNode *hyperedges;
  JsonNode *edges;
  JsonArray *array;

  /* the spec's default: edges have a direction */
  reader->directed = cs_json_holds (directed, G_TYPE_BOOLEAN) ? json_node_get_boolean (directed)
                                                              : TRUE;
  _cs_json_graph_set_directed (reader->graph, reader->directed, FALSE);
  _cs_json_graph_read_graph_data (reader->graph, object, graph_skip);
  if (_cs_json_is (metadata, JSON_NODE_OBJECT))
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *value;

      json_object_iter_init_ordered (&iter, json_node_get_object (metadata));
      while (json_object_iter_next_ordered (&iter, &name, &value))
        _cs_json_graph_add_info (reader->graph, name, value);
    }

  if (_cs_json_is (nodes, JSON_NODE_OBJECT))
    {
      JsonObjectIter iter;
      const char *key;
      JsonNode *element;
      guint i = 0;

      json_object_iter_init_ordered (&iter, json_node_get_object (nodes));
      while (json_object_iter_next_ordered (&iter, &key, &element))
        {
          CsJsonPath node_path = CS_JSON_PATH_MEMBER (&nodes_path, key);

          if (_cs_json_graph_is_cancelled (reader->graph, i++))
            return FALSE;
          read_node (reader, element, key, &node_path);
        }
    }
  else if (_cs_json_is (nodes, JSON_NODE_ARRAY))
    {
      array = json_node_get_array (nodes);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          CsJsonPath node_path = CS_JSON_PATH_ELEMENT (&nodes_path, i);

          if (_cs_json_graph_is_cancelled (reader->graph, i))
            return FALSE;
          read_node (reader, json_array_get_element (array, i), NULL, &node_path);
        }
    }
  else if (nodes != NULL && !JSON_NODE_HOLDS_NULL (nodes))
    {
      cs_json_graph_error (reader->graph, TYPE, nodes, path, "nodes",
                           /* TRANSLATORS: %s is a kind of JSON value, such as “a string” */
                           _("expected an object (JSON Graph Format 2) or an array (version 1), "
                             "found %s"),
                           cs_json_describe (nodes));
      return FALSE;
    }
  _cs_json_graph_end_nodes (reader->graph);

  edges = _cs_json_graph_get_member (reader->graph, graph_node, path, "edges", JSON_NODE_ARRAY,
                                     FALSE);
  if (edges == NULL && json_object_get_member (object, "edges") != NULL)
    return FALSE;
  for (guint i = 0; edges != NULL && i < json_array_get_length (json_node_get_array (edges)); i++)
    {
      CsJsonPath edge_path = CS_JSON_PATH_ELEMENT (&edges_path, i);

      if (_cs_json_graph_is_cancelled (reader->graph, i))
        return FALSE;
      read_edge (reader, json_array_get_element (json_node_get_array (edges), i), &edge_path);
    }

  hyperedges = json_object_get_member (object, "hyperedges");
  if (_cs_json_is (hyperedges, JSON_NODE_ARRAY))
    count_hyperedges (reader, hyperedges, json_array_get_length (json_node_get_array (hyperedges)));
  if (reader->n_hyper > 0)
    cs_json_graph_warn (reader->graph, VALUE, reader->first_hyper, NULL, NULL,
                        g_dngettext (GETTEXT_PACKAGE,
                                     "%u hyperedge is left out: Consortia links two nodes at a "
                                     "time",
                                     "%u hyperedges are left out: Consortia links two nodes at a "
                                     "time",
                                     reader->n_hyper),
                        reader->n_hyper);
  return TRUE;
}

/* the graph the options ask for, of a "graphs" list */
static JsonNode *
pick_graph (Reader                *reader,
            JsonNode              *root,
            const CsImportOptions *options,
            CsJsonPath            *path)
{
  JsonNode *graphs = _cs_json_graph_get_member (reader->graph, root, NULL, "graphs",
                                                JSON_NODE_ARRAY, FALSE);
  JsonArray *array;
  JsonNode *chosen;
  guint n;

  if (graphs == NULL)
    return NULL;
  array = json_node_get_array (graphs);
  n = json_array_get_length (array);
  if (n == 0)
    {
      cs_json_graph_error (reader->graph, MISSING, graphs, NULL, "graphs",
                           _("the file holds no graph"));
      return NULL;
    }
  if (options->graph >= n)
    {
      cs_json_graph_error (reader->graph, VALUE, graphs, NULL, "graphs",
                           /* TRANSLATORS: the first %u is the number given to --graph,
                            * the others the number of graphs of the file */
                           g_dngettext (GETTEXT_PACKAGE,
                                        "there is no graph %u: the file holds %u (--graph 1 to %u)",
                                        "there is no graph %u: the file holds %u (--graph 1 to %u)",
                                        n),
                           options->graph + 1, n, n);
      return NULL;
    }
  *path = CS_JSON_PATH_ELEMENT (path->parent, options->graph);
  chosen = json_array_get_element (array, options->graph);
  cs_graph_builder_set_file_graphs (reader->builder, n, options->graph);
  if (!JSON_NODE_HOLDS_OBJECT (chosen))
    {
      cs_json_graph_error (reader->graph, TYPE, chosen, path, NULL,
                           _("expected a graph object, found %s"), cs_json_describe (chosen));
      return NULL;
    }
  if (n > 1)
    {
      JsonNode *label = json_object_get_member (json_node_get_object (chosen), "label");

      if (cs_json_holds (label, G_TYPE_STRING))
        cs_json_graph_warn (reader->graph, VALUE, chosen, path, NULL,
                            /* TRANSLATORS: the first and last %u are the number of graphs of the
                             * file, more than one; the second the graph read, %s its label */
                            g_dngettext (GETTEXT_PACKAGE,
                                         "the file holds %u graph; this is graph %u (\"%s\"), "
                                         "and --graph N opens graph N (1 to %u)",
                                         "the file holds %u graphs; this is graph %u (\"%s\"), "
                                         "and --graph N opens graph N (1 to %u)",
                                         n),
                            n, options->graph + 1, json_node_get_string (label), n);
      else
        cs_json_graph_warn (reader->graph, VALUE, chosen, path, NULL,
                            /* TRANSLATORS: the first and last %u are the number of graphs of the
                             * file, more than one; the second the graph read, %s its label */
                            g_dngettext (GETTEXT_PACKAGE,
                                         "the file holds %u graph; this is graph %u, and --graph "
                                         "N opens graph N (1 to %u)",
                                         "the file holds %u graphs; this is graph %u, and "
                                         "--graph N opens graph N (1 to %u)",
                                         n),
                            n, options->graph + 1, n);
    }
  return chosen;
}

static gboolean
cs_jgf_importer_load (CsImporter            *importer,
                      const char            *data,
                      gsize                  length,
                      const CsImportOptions *options,
                      CsGraphBuilder        *builder,
                      GPtrArray             *problems,
                      GCancellable          *cancellable)
{
  g_autoptr(CsJsonTree) tree = cs_json_tree_parse (data, length, problems);
  g_autoptr(CsJsonGraph) graph = NULL;
  CsJsonPath graphs_path = CS_JSON_PATH_MEMBER (NULL, "graphs");
  CsJsonPath path = CS_JSON_PATH_MEMBER (NULL, "graph");
  Reader reader = { 0 };
  JsonNode *root;
  JsonNode *chosen;
  gboolean ok;

  if (tree == NULL)
    return FALSE;
  graph = _cs_json_graph_new (tree, builder, problems, cancellable);
  reader.graph = graph;
  reader.builder = builder;
  root = cs_json_tree_get_root (tree);
  if (!_cs_json_graph_expect_root (graph, root,
                                   /* TRANSLATORS: fills the first %s of “expected %s at
                                    * the top level, found %s” */
                                   _("a JSON Graph Format object")))
    return FALSE;

  if (json_object_get_member (json_node_get_object (root), "graphs") != NULL)
    {
      path = CS_JSON_PATH_ELEMENT (&graphs_path, 0);
      chosen = pick_graph (&reader, root, options, &path);
      if (json_object_get_member (json_node_get_object (root), "graph") != NULL)
        cs_json_graph_warn (graph, UNKNOWN_MEMBER,
                            json_object_get_member (json_node_get_object (root), "graph"), NULL,
                            "graph",
                            _("the file has both \"graphs\" and \"graph\"; \"graph\" is left "
                              "out"));
    }
  else if (json_object_get_member (json_node_get_object (root), "graph") != NULL)
    {
      chosen = _cs_json_graph_get_member (graph, root, NULL, "graph", JSON_NODE_OBJECT, TRUE);
      if (chosen != NULL && !_cs_json_graph_expect_one (graph, chosen, options))
        return FALSE;
    }
  else
    {
      cs_json_graph_error (graph, MISSING, root, NULL, NULL,
                           _("not a JSON Graph Format file: missing \"graph\" or \"graphs\""));
      return FALSE;
    }
  if (chosen == NULL)
    return FALSE;

  ok = read_graph (&reader, chosen, &path, cancellable);
  _cs_json_graph_finish (graph);
  return ok && cs_problems_count_errors (problems) == 0;
}

/* "graph" or "graphs" at the top, without the "nodes" of node-link files
 * and Consortia's own, or what marks graphology's (MiniVan bundles also
 * keep theirs under "graph") */
static guint
cs_jgf_importer_sniff (CsImporter *importer,
                       const char *head,
                       gsize       length)
{
  g_autoptr(CsJsonSniff) sniff = _cs_json_sniff_new (head, length);

  if (!_cs_json_sniff_is_object (sniff) ||
      (!_cs_json_sniff_has (sniff, "graph") && !_cs_json_sniff_has (sniff, "graphs")))
    return 0;
  if (_cs_json_sniff_has (sniff, "nodes") || _cs_json_sniff_has (sniff, "format") ||
      _cs_json_sniff_has (sniff, "bundleVersion") ||
      _cs_json_sniff_has (sniff, "graph.attributes") ||
      _cs_json_sniff_has (sniff, "graph.options"))
    return 0;
  return 60;
}

static void
cs_jgf_importer_class_init (CsJgfImporterClass *klass)
{
  CsImporterClass *importer_class = CS_IMPORTER_CLASS (klass);
  static const char *const mime_types[] = { "application/vnd.jgf+json", "application/json", NULL };
  static const char *const extensions[] = { "json", "jgf", NULL };

  importer_class->name = "jgf";
  importer_class->display_name = "JSON Graph Format";
  importer_class->mime_types = mime_types;
  importer_class->extensions = extensions;
  importer_class->sniff = cs_jgf_importer_sniff;
  importer_class->load = cs_jgf_importer_load;
}

static void
cs_jgf_importer_init (CsJgfImporter *self)
{
}
