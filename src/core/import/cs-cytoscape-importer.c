/* cs-cytoscape-importer.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-cytoscape-importer.h"

#include "cs-json-graph-private.h"
#include "cs-json-tree.h"

#include <glib/gi18n-lib.h>

/* Cytoscape.js JSON (also what Cytoscape's desktop app exports as .cyjs),
 * parsed with json-glib: a top-level array of elements, or an object
 * whose "elements" is {"nodes": [...], "edges": [...]} or an array. An
 * element's "group" ("nodes" or "edges") says what it is; without one, an
 * element whose data has a source or a target is an edge.
 *
 * A node's id is data.id (one without gets node-N from its place), its
 * label data's label, name or title, its position "position" {x, y}; an
 * edge's ends are data.source and data.target, its relation data.relation
 * or data.interaction when our format can name it. Every other member of
 * data is an attribute, and so are the element's own members but for the
 * ones that only say how Cytoscape showed it (selected, locked, grabbable,
 * …): classes and style are kept.
 *
 * Compound nodes become groups: a node's data.parent makes the parent a
 * consortium node (added when the file does not have it) and links the
 * child to it with a member_of edge, so the consortia layout places the
 * members round their group and the hulls outline it. The import report
 * says how many groups were made. */

struct _CsCytoscapeImporter
{
  CsImporter parent_instance;
};

G_DEFINE_FINAL_TYPE (CsCytoscapeImporter, cs_cytoscape_importer, CS_TYPE_IMPORTER)

/* an element's own members that only say how Cytoscape showed it, or that
 * are read otherwise */
static const char *const element_skip[] = {
  "group", "data", "position", "renderedPosition", "selected", "selectable",
  "locked", "grabbable", "pannable", "removed", "scratch",
};

typedef struct
{
  guint     child;  /* node index */
  JsonNode *parent; /* its data.parent */
  char     *data;   /* the path of the child's data, for messages */
} Parent;

static void
parent_clear (gpointer data)
{
  g_free (((Parent *)data)->data);
}

typedef struct
{
  CsJsonGraph *graph;
  GArray      *parents; /* Parent */
  JsonNode    *first_parent;
} Reader;

typedef enum
{
  ELEMENT_NONE,
  ELEMENT_NODE,
  ELEMENT_EDGE,
} ElementKind;

/* the element's data, or NULL when it has none (a warning when it is not
 * an object) */
static JsonObject *
element_data (Reader           *reader,
              JsonObject       *element,
              const CsJsonPath *path)
{
  JsonNode *data = json_object_get_member (element, "data");

  if (data == NULL || JSON_NODE_HOLDS_NULL (data))
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (data))
    {
      cs_json_graph_warn (reader->graph, TYPE, data, path, "data",
                          _("expected an object, found %s; it is left out"),
                          cs_json_describe (data));
      return NULL;
    }
  return json_node_get_object (data);
}

/* what an element of a mixed list is */
static ElementKind
element_kind (Reader           *reader,
              JsonNode         *element,
              const CsJsonPath *path)
{
  JsonObject *object;
  JsonNode *group;
  JsonNode *data;

  if (!JSON_NODE_HOLDS_OBJECT (element))
    {
      cs_json_graph_warn (reader->graph, TYPE, element, path, NULL,
                          _("expected an element object, found %s; it is left out"),
                          cs_json_describe (element));
      return ELEMENT_NONE;
    }
  object = json_node_get_object (element);
  group = json_object_get_member (object, "group");
  if (group != NULL)
    {
      const char *name = cs_json_holds (group, G_TYPE_STRING) ? json_node_get_string (group) : "";

      if (g_str_equal (name, "nodes"))
        return ELEMENT_NODE;
      if (g_str_equal (name, "edges"))
        return ELEMENT_EDGE;
      cs_json_graph_warn (reader->graph, VALUE, group, path, "group",
                          _("expected \"nodes\" or \"edges\"; the element is left out"));
      return ELEMENT_NONE;
    }
  data = json_object_get_member (object, "data");
  if (_cs_json_is (data, JSON_NODE_OBJECT) &&
      (json_object_has_member (json_node_get_object (data), "source") ||
       json_object_has_member (json_node_get_object (data), "target")))
    return ELEMENT_EDGE;
  return ELEMENT_NODE;
}

static void
read_node (Reader           *reader,
           JsonNode         *element,
           const CsJsonPath *path)
{
  CsJsonPath data_path = CS_JSON_PATH_MEMBER (path, "data");
  g_autoptr(CsNode) node = NULL;
  JsonObject *object;
  JsonObject *data;
  JsonNode *position;
  JsonNode *parent = NULL;
  const char *label_key = NULL;
  char *id = NULL;
  guint index;

  if (!JSON_NODE_HOLDS_OBJECT (element))
    {
      cs_json_graph_warn (reader->graph, TYPE, element, path, NULL,
                          _("expected a node object, found %s; it is left out"),
                          cs_json_describe (element));
      _cs_json_graph_skip_node (reader->graph);
      return;
    }
  object = json_node_get_object (element);
  data = element_data (reader, object, path);
  node = cs_node_new ();
  if (data != NULL)
    {
      id = _cs_json_graph_read_id (reader->graph, json_object_get_member (data, "id"), &data_path,
                                   "id");
      label_key = _cs_json_graph_find_label (data, &node->label);
      parent = json_object_get_member (data, "parent");
      if (parent != NULL && JSON_NODE_HOLDS_NULL (parent))
        parent = NULL;
    }

  position = json_object_get_member (object, "position");
  if (_cs_json_is (position, JSON_NODE_OBJECT))
    {
      CsJsonPath position_path = CS_JSON_PATH_MEMBER (path, "position");

      _cs_json_graph_read_position (reader->graph, node,
                                    json_object_get_member (json_node_get_object (position), "x"),
                                    json_object_get_member (json_node_get_object (position), "y"),
                                    position, &position_path);
    }
  else if (position != NULL && !JSON_NODE_HOLDS_NULL (position))
    cs_json_graph_warn (reader->graph, TYPE, position, path, "position",
                        _("expected an object {x, y}, found %s; the layout places the node"),
                        cs_json_describe (position));

  if (data != NULL)
    {
      const char *skip[] = { "id", label_key, parent != NULL ? "parent" : NULL };

      _cs_json_graph_node_attributes (reader->graph, node, data, skip, G_N_ELEMENTS (skip), NULL,
                                      NULL);
    }
  _cs_json_graph_node_attributes (reader->graph, node, object, element_skip,
                                  G_N_ELEMENTS (element_skip), data, "element");

  index = _cs_json_graph_add_node (reader->graph, g_steal_pointer (&node), id, element, path);
  if (parent != NULL && index != CS_JSON_GRAPH_NO_NODE)
    {
      /* a path is a chain on the caller's stack: kept as text */
      Parent p = { index, parent, cs_json_path_to_string (&data_path, NULL) };

      g_array_append_val (reader->parents, p);
    }
}

/* Each compound node's parent becomes a consortium node; the member_of
 * edges come once every node has its index. */
static void
make_groups (Reader *reader,
             GArray *links)
{
  CsNodeType consortium = CS_NODE_TYPE_CONSORTIUM;
  g_autoptr(GHashTable) groups = g_hash_table_new (NULL, NULL);
  guint n_added = 0;

  for (guint i = 0; i < reader->parents->len; i++)
    {
      Parent *p = &g_array_index (reader->parents, Parent, i);
      CsJsonPath path = CS_JSON_PATH_MEMBER (NULL, p->data);
      g_autofree char *id = _cs_json_graph_read_id (reader->graph, p->parent, &path, "parent");
      CsNode *group;
      guint index;

      if (id == NULL || id[0] == '\0')
        continue;
      group = _cs_json_graph_find_node (reader->graph, id, &index);
      if (group == NULL)
        {
          /* Cytoscape.js draws a parent the file does not have as nothing;
           * its group still holds its children */
          CsNode *added = cs_node_new ();

          added->label = g_strdup (id);
          index = _cs_json_graph_add_node (reader->graph, added, g_strdup (id), p->parent, &path);
          group = _cs_json_graph_find_node (reader->graph, id, NULL);
          n_added++;
        }
      if (index == p->child)
        {
          cs_json_graph_warn (reader->graph, VALUE, p->parent, &path, "parent",
                              _("the node is its own parent; it is in no group"));
          continue;
        }
      group->type = consortium;
      if (reader->first_parent == NULL)
        reader->first_parent = p->parent;
      g_hash_table_add (groups, GUINT_TO_POINTER (index + 1));
      g_array_append_val (links, p->child);
      g_array_append_val (links, index);
    }

  if (g_hash_table_size (groups) > 0)
    {
      guint n_groups = g_hash_table_size (groups);
      guint n_members = links->len / 2;

      if (n_added == 0)
        cs_json_graph_warn (reader->graph, VALUE, reader->first_parent, NULL, NULL,
                            /* TRANSLATORS: the last %u counts the children; consortium
                             * and member_of are a node type and a relation: keep them */
                            g_dngettext (GETTEXT_PACKAGE,
                                         "%u group made from compound nodes: each parent is a "
                                         "consortium node, with a member_of edge from each of "
                                         "its children (%u in all)",
                                         "%u groups made from compound nodes: each parent is a "
                                         "consortium node, with a member_of edge from each of "
                                         "its children (%u in all)",
                                         n_groups),
                            n_groups, n_members);
      else
        {
          g_autofree char *added = g_strdup_printf (
              /* TRANSLATORS: ends the message “N groups made from compound
               * nodes: …; %s” */
              g_dngettext (GETTEXT_PACKAGE, "%u parent was not in the file, added",
                           "%u parents were not in the file, added", n_added),
              n_added);

          cs_json_graph_warn (reader->graph, VALUE, reader->first_parent, NULL, NULL,
                              /* TRANSLATORS: the last %u counts the children; %s says
                               * how many parents were not in the file, “2 parents were
                               * not in the file, added”; consortium and member_of are a
                               * node type and a relation: keep them */
                              g_dngettext (GETTEXT_PACKAGE,
                                           "%u group made from compound nodes: each parent is "
                                           "a consortium node, with a member_of edge from each "
                                           "of its children (%u in all); %s",
                                           "%u groups made from compound nodes: each parent is "
                                           "a consortium node, with a member_of edge from each "
                                           "of its children (%u in all); %s",
                                           n_groups),
                              n_groups, n_members, added);
        }
    }
}

static void
read_edge (Reader           *reader,
           JsonNode         *element,
           const CsJsonPath *path)
{
  CsJsonPath data_path = CS_JSON_PATH_MEMBER (path, "data");
  g_autoptr(CsEdge) edge = NULL;
  JsonObject *object;
  JsonObject *data;
  JsonNode *relation;
  const char *relation_key;
  gboolean relation_used;
  guint from, to;
  char *id;

  if (!JSON_NODE_HOLDS_OBJECT (element))
    {
      cs_json_graph_warn (reader->graph, TYPE, element, path, NULL,
                          _("expected an edge object, found %s; it is left out"),
                          cs_json_describe (element));
      return;
    }
  object = json_node_get_object (element);
  data = element_data (reader, object, path);
  if (data == NULL)
    {
      cs_json_graph_warn (reader->graph, MISSING, element, path, NULL,
                          _("an edge without data.source and data.target; it is left out"));
      return;
    }
  if (!_cs_json_graph_resolve_end (reader->graph, element, &data_path, "source",
                                   json_object_get_member (data, "source"), &from) ||
      !_cs_json_graph_resolve_end (reader->graph, element, &data_path, "target",
                                   json_object_get_member (data, "target"), &to))
    return;

  edge = cs_edge_new ();
  edge->source = from;
  edge->target = to;
  relation_key = json_object_has_member (data, "relation") ? "relation" : "interaction";
  relation = json_object_get_member (data, relation_key);
  relation_used = _cs_json_graph_read_relation (reader->graph, edge, relation);
  {
    const char *skip[] = { "id", "source", "target", relation_used ? relation_key : NULL };

    _cs_json_graph_edge_attributes (reader->graph, edge, data, skip, G_N_ELEMENTS (skip), NULL,
                                    NULL);
  }
  _cs_json_graph_edge_attributes (reader->graph, edge, object, element_skip,
                                  G_N_ELEMENTS (element_skip), data, "element");
  id = _cs_json_graph_read_id (reader->graph, json_object_get_member (data, "id"), &data_path,
                               "id");
  _cs_json_graph_add_edge (reader->graph, g_steal_pointer (&edge), id, TRUE, element, path);
}

/* A list of elements of both kinds: the nodes first, for the edges' ends */
static gboolean
read_elements (Reader           *reader,
               JsonArray        *elements,
               const CsJsonPath *path,
               ElementKind       kind,
               GCancellable     *cancellable)
{
  for (guint i = 0; i < json_array_get_length (elements); i++)
    {
      JsonNode *element = json_array_get_element (elements, i);
      CsJsonPath element_path = CS_JSON_PATH_ELEMENT (path, i);

      if (_cs_json_graph_is_cancelled (reader->graph, i))
        return FALSE;
      /* a mixed list is read twice: its kinds are told (and warned about)
       * on the first pass only */
      if (kind == ELEMENT_NODE && element_kind (reader, element, &element_path) == ELEMENT_NODE)
        read_node (reader, element, &element_path);
      else if (kind == ELEMENT_EDGE && JSON_NODE_HOLDS_OBJECT (element))
        {
          JsonNode *group = json_object_get_member (json_node_get_object (element), "group");
          gboolean is_edge;

          if (group != NULL)
            is_edge = cs_json_holds (group, G_TYPE_STRING) &&
                      g_str_equal (json_node_get_string (group), "edges");
          else
            {
              JsonNode *data = json_object_get_member (json_node_get_object (element), "data");

              is_edge = _cs_json_is (data, JSON_NODE_OBJECT) &&
                        (json_object_has_member (json_node_get_object (data), "source") ||
                         json_object_has_member (json_node_get_object (data), "target"));
            }
          if (is_edge)
            read_edge (reader, element, &element_path);
        }
    }
  return TRUE;
}

static gboolean
read_list (Reader           *reader,
           JsonNode         *list,
           const CsJsonPath *path,
           ElementKind       kind,
           GCancellable     *cancellable)
{
  JsonArray *array = json_node_get_array (list);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      CsJsonPath element_path = CS_JSON_PATH_ELEMENT (path, i);

      if (_cs_json_graph_is_cancelled (reader->graph, i))
        return FALSE;
      if (kind == ELEMENT_NODE)
        read_node (reader, json_array_get_element (array, i), &element_path);
      else
        read_edge (reader, json_array_get_element (array, i), &element_path);
    }
  return TRUE;
}

static gboolean
read_document (Reader       *reader,
               JsonNode     *root,
               GCancellable *cancellable)
{
  static const char *const top_skip[] = { "elements", "data", NULL };
  CsJsonPath elements_path = CS_JSON_PATH_MEMBER (NULL, "elements");
  CsJsonPath nodes_path = CS_JSON_PATH_MEMBER (&elements_path, "nodes");
  CsJsonPath edges_path = CS_JSON_PATH_MEMBER (&elements_path, "edges");
  g_autoptr(GArray) links = g_array_new (FALSE, FALSE, sizeof (guint));
  JsonNode *elements;
  JsonNode *nodes = NULL;
  JsonNode *edges = NULL;
  const CsJsonPath *list_path = NULL;

  if (JSON_NODE_HOLDS_ARRAY (root))
    elements = root;
  else if (JSON_NODE_HOLDS_OBJECT (root))
    {
      JsonObject *object = json_node_get_object (root);
      JsonNode *data = json_object_get_member (object, "data");

      /* the graph's data, then the file's own members such as generated_by */
      if (_cs_json_is (data, JSON_NODE_OBJECT))
        _cs_json_graph_read_graph_data (reader->graph, json_node_get_object (data), NULL);
      _cs_json_graph_read_graph_data (reader->graph, object, top_skip);
      elements = json_object_get_member (object, "elements");
      if (elements == NULL)
        {
          cs_json_graph_error (reader->graph, MISSING, root, NULL, NULL,
                               _("not a Cytoscape.js file: missing \"elements\""));
          return FALSE;
        }
      list_path = &elements_path;
      if (JSON_NODE_HOLDS_OBJECT (elements))
        {
          nodes = _cs_json_graph_get_member (reader->graph, elements, &elements_path, "nodes",
                                             JSON_NODE_ARRAY, FALSE);
          edges = _cs_json_graph_get_member (reader->graph, elements, &elements_path, "edges",
                                             JSON_NODE_ARRAY, FALSE);
          JsonObject *lists = json_node_get_object (elements);

          if ((nodes == NULL && json_object_has_member (lists, "nodes")) ||
              (edges == NULL && json_object_has_member (lists, "edges")))
            return FALSE;
          elements = NULL;
        }
      else if (!JSON_NODE_HOLDS_ARRAY (elements))
        {
          cs_json_graph_error (reader->graph, TYPE, elements, NULL, "elements",
                               /* TRANSLATORS: {"nodes": [...], "edges": [...]} is JSON:
                                * keep it; %s is a kind of JSON value, such as “a string” */
                               _("expected {\"nodes\": [...], \"edges\": [...]} or an array, "
                                 "found %s"),
                               cs_json_describe (elements));
          return FALSE;
        }
    }
  else
    {
      cs_json_graph_error (reader->graph, ROOT, root, NULL, NULL,
                           /* TRANSLATORS: %s is a kind of JSON value, such as “a string” */
                           _("expected an array of Cytoscape.js elements or an object with "
                             "\"elements\" at the top level, found %s"),
                           cs_json_describe (root));
      return FALSE;
    }

  if (elements != NULL)
    {
      if (!read_elements (reader, json_node_get_array (elements), list_path, ELEMENT_NODE,
                          cancellable))
        return FALSE;
    }
  else if (nodes != NULL && !read_list (reader, nodes, &nodes_path, ELEMENT_NODE, cancellable))
    return FALSE;
  make_groups (reader, links);
  _cs_json_graph_end_nodes (reader->graph);

  if (elements != NULL)
    {
      if (!read_elements (reader, json_node_get_array (elements), list_path, ELEMENT_EDGE,
                          cancellable))
        return FALSE;
    }
  else if (edges != NULL && !read_list (reader, edges, &edges_path, ELEMENT_EDGE, cancellable))
    return FALSE;
  for (guint i = 0; i + 1 < links->len; i += 2)
    _cs_json_graph_add_member_edge (reader->graph, g_array_index (links, guint, i),
                                    g_array_index (links, guint, i + 1));
  return TRUE;
}

static gboolean
cs_cytoscape_importer_load (CsImporter            *importer,
                            const char            *data,
                            gsize                  length,
                            const CsImportOptions *options,
                            CsGraphBuilder        *builder,
                            GPtrArray             *problems,
                            GCancellable          *cancellable)
{
  g_autoptr(CsJsonTree) tree = cs_json_tree_parse (data, length, problems);
  g_autoptr(CsJsonGraph) graph = NULL;
  g_autoptr(GArray) parents = g_array_new (FALSE, FALSE, sizeof (Parent));
  Reader reader = { 0 };
  gboolean ok;

  if (tree == NULL)
    return FALSE;
  g_array_set_clear_func (parents, parent_clear);
  graph = _cs_json_graph_new (tree, builder, problems, cancellable);
  reader.graph = graph;
  reader.parents = parents;
  /* Cytoscape draws every edge with its direction, and draws parallel
   * edges apart; they are still said */
  _cs_json_graph_set_directed (graph, TRUE, FALSE);
  if (!_cs_json_graph_expect_one (graph, cs_json_tree_get_root (tree), options))
    return FALSE;
  ok = read_document (&reader, cs_json_tree_get_root (tree), cancellable);
  _cs_json_graph_finish (graph);
  return ok && cs_problems_count_errors (problems) == 0;
}

/* "elements" at the top, or a top-level array whose first element has a
 * "group" or "data" */
static guint
cs_cytoscape_importer_sniff (CsImporter *importer,
                             const char *head,
                             gsize       length)
{
  g_autoptr(CsJsonSniff) sniff = _cs_json_sniff_new (head, length);

  if (_cs_json_sniff_is_object (sniff) && _cs_json_sniff_has (sniff, "elements"))
    return 60;
  if (_cs_json_sniff_is_array (sniff) &&
      (_cs_json_sniff_has (sniff, "[0].group") || _cs_json_sniff_has (sniff, "[0].data")))
    return 60;
  return 0;
}

static void
cs_cytoscape_importer_class_init (CsCytoscapeImporterClass *klass)
{
  CsImporterClass *importer_class = CS_IMPORTER_CLASS (klass);
  static const char *const mime_types[] = { "application/json", NULL };
  static const char *const extensions[] = { "cyjs", "json", NULL };

  importer_class->name = "cytoscape";
  importer_class->display_name = "Cytoscape.js JSON";
  importer_class->mime_types = mime_types;
  importer_class->extensions = extensions;
  importer_class->sniff = cs_cytoscape_importer_sniff;
  importer_class->load = cs_cytoscape_importer_load;
}

static void
cs_cytoscape_importer_init (CsCytoscapeImporter *self)
{
}
