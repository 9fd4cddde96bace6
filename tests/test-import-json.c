/* test-import-json.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-consortia-writer.h"
#include "cs-import.h"
#include "cs-importer.h"
#include "test-support.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* The importers of other programs' JSON graphs: JSON Graph Format,
 * node-link (d3, NetworkX), Cytoscape.js and graphology / MiniVan. Small
 * fixtures of our own in tests/data/import/ for every quirk, and the real
 * files of ../shared/testdata/ (CONSORTIA_TESTDATA) with the counts its
 * README gives. */

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "import", name, NULL);
}

static CsGraph *
import_fixture_full (const char  *name,
                     guint        graph_index,
                     GPtrArray  **problems)
{
  g_autofree char *path = fixture_path (name);
  CsImportOptions options = { .graph = graph_index };
  g_autoptr(GError) error = NULL;
  CsGraph *graph = cs_import_file_full (path, &options, NULL, problems, &error);

  g_assert_no_error (error);
  g_assert_nonnull (graph);
  return graph;
}

static CsGraph *
import_fixture (const char  *name,
                GPtrArray  **problems)
{
  return import_fixture_full (name, 0, problems);
}

/* every problem, as --info prints it without the file name, in order */
static void
assert_problems (GPtrArray         *problems,
                 const char *const *expected)
{
  guint n = g_strv_length ((char **)expected);

  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *text = cs_problem_to_string (g_ptr_array_index (problems, i), NULL);

      g_test_message ("problem %u: %s", i, text);
    }
  g_assert_cmpuint (problems->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = cs_problem_to_string (g_ptr_array_index (problems, i), NULL);

      g_assert_cmpstr (text, ==, expected[i]);
    }
}

static const CsNode *
node_by_id (CsGraph    *graph,
            const char *id)
{
  guint index;

  if (!cs_graph_lookup (graph, id, &index))
    g_error ("no node \"%s\"", id);
  return cs_graph_get_node (graph, index);
}

/* the attributes exactly: key, value, key, value, …, NULL */
static void
assert_attributes (GPtrArray  *attributes,
                   const char *first_key,
                   ...)
{
  va_list args;
  guint i = 0;

  va_start (args, first_key);
  for (const char *key = first_key; key != NULL; key = va_arg (args, const char *), i++)
    {
      const char *value = va_arg (args, const char *);
      const CsAttribute *attribute;

      g_assert_cmpuint (i, <, attributes->len);
      attribute = g_ptr_array_index (attributes, i);
      g_assert_cmpstr (attribute->key, ==, key);
      g_assert_cmpuint (attribute->claims->len, ==, 1);
      g_assert_cmpstr (((const CsClaim *)g_ptr_array_index (attribute->claims, 0))->value, ==,
                       value);
    }
  va_end (args);
  g_assert_cmpuint (attributes->len, ==, i);
}

static void
assert_edge (CsGraph    *graph,
             guint       index,
             const char *source,
             const char *target,
             const char *relation,
             const char *id)
{
  const CsEdge *edge = cs_graph_get_edge (graph, index);

  g_assert_cmpstr (cs_graph_get_node (graph, edge->source)->id, ==, source);
  g_assert_cmpstr (cs_graph_get_node (graph, edge->target)->id, ==, target);
  g_assert_cmpstr (edge->relation_name, ==, relation);
  g_assert_cmpstr (edge->id, ==, id);
}

static void
assert_node (const CsNode *node,
             const char   *label,
             gboolean      has_position,
             double        x,
             double        y)
{
  g_assert_cmpstr (node->label, ==, label);
  g_assert_cmpint (node->has_position, ==, has_position);
  if (has_position)
    {
      g_assert_cmpfloat (node->x, ==, x);
      g_assert_cmpfloat (node->y, ==, y);
    }
}

/* Saved as Consortia JSON and opened again: every node, edge, attribute,
 * label, type, relation and position is kept. */
static void
assert_round_trip (CsGraph *graph)
{
  g_autoptr(GBytes) bytes = cs_consortia_writer_to_bytes (graph, NULL, NULL, NULL, -1, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CsGraph) again = NULL;

  again = cs_import_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "saved.json",
                          NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cs_graph_get_source_format (again), ==, "consortia");
  cs_test_assert_same_graph (graph, again, TRUE);
}

/* JSON Graph Format */

static void
test_jgf_v1 (void)
{
  const char *const expected[] = {
    "13:7: warning: graph.nodes[3]: duplicate node id \"a\"; this node is left out, edges to it "
    "go to the first",
    "17:7: warning: graph.edges[1]: another edge between \"b\" and \"a\"; both are kept",
    "18:33: warning: graph.edges[2].target: unknown node \"q\"; the edge is left out",
    "19:7: warning: graph.edges[3]: the edge links node \"c\" to itself",
    "20:7: warning: 1 hyperedge is left out: Consortia links two nodes at a time",
    "12:7: warning: 1 node has no label (label, name, title, Label or Name); it is shown by its "
    "id",
    NULL,
  };
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(CsGraph) graph = import_fixture ("jgf-v1.json", &problems);
  const CsNode *a;

  g_assert_cmpstr (cs_graph_get_source_format (graph), ==, "jgf");
  assert_problems (problems, expected);
  g_assert_cmpstr (cs_graph_get_title (graph), ==, "Small JGF 1");
  g_assert_cmpstr (cs_graph_get_description (graph), ==,
                   "id: g1\ntype: test\ndirected: false\nyear: 2015\nweighted: true");

  g_assert_cmpuint (cs_graph_get_n_nodes (graph), ==, 3);
  a = node_by_id (graph, "a");
  /* metadata are attributes; x and y there are not a position */
  assert_node (a, "Alpha", FALSE, 0, 0);
  g_assert_cmpstr (cs_graph_get_type_name (graph, a->type), ==, "other");
  assert_attributes (a->attributes, "type", "letter", "size", "3.5", "colour", "#ff0000",
                     "metadata.type", "vowel", "x", "1", "y", "2", NULL);
  assert_node (node_by_id (graph, "b"), "Beta", FALSE, 0, 0);
  assert_node (node_by_id (graph, "c"), "c", FALSE, 0, 0);

  g_assert_cmpuint (cs_graph_get_n_edges (graph), ==, 3);
  assert_edge (graph, 0, "a", "b", "knows", NULL);
  assert_attributes (cs_graph_get_edge (graph, 0)->attributes, "weight", "0.1", NULL);
  /* a relation our format names otherwise keeps the file's words */
  assert_edge (graph, 1, "b", "a", "is_part_of", NULL);
  assert_attributes (cs_graph_get_edge (graph, 1)->attributes, "relation", "Is Part Of", "label",
                     "reverse", NULL);
  assert_edge (graph, 2, "c", "c", "other", NULL);
  assert_round_trip (graph);
}

static void
test_jgf_graphs (void)
{
  const char *const first[] = {
    "3:5: warning: graphs[0]: the file holds 2 graphs; this is graph 1 (\"First\"), and --graph N "
    "opens graph N (1 to 2)",
    NULL,
  };
  const char *const second[] = {
    "8:5: warning: graphs[1]: the file holds 2 graphs; this is graph 2 (\"Second\"), and --graph "
    "N opens graph N (1 to 2)",
    "17:21: warning: 2 hyperedges are left out: Consortia links two nodes at a time",
    "13:17: warning: 1 node has no label (label, name, title, Label or Name); it is shown by its "
    "id",
    "12:23: warning: 2 node ids are not Consortia ids (letters, digits and _ . : -, starting with "
    "a letter or digit); they are changed, \"Roger Kint\" to \"Roger_Kint-2\" and so on, and the "
    "file's id kept as the attribute original_id",
    "16:17: warning: 1 edge id is not a Consortia id; it is changed, \"e 1\" to \"e_1\" and so on, "
    "and the file's id kept as the attribute original_id",
    NULL,
  };
  g_autofree char *path = fixture_path ("jgf-v2-graphs.json");
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) more = NULL;
  g_autoptr(CsGraph) graph = import_fixture_full ("jgf-v2-graphs.json", 0, &problems);
  g_autoptr(CsGraph) other = import_fixture_full ("jgf-v2-graphs.json", 1, &more);
  g_autoptr(CsGraph) none = NULL;
  g_autoptr(GError) error = NULL;
  CsImportOptions options = { .graph = 2 };
  g_autofree char *message = NULL;
  const CsNode *roger, *kaist;

  assert_problems (problems, first);
  g_assert_cmpstr (cs_graph_get_title (graph), ==, "First");
  g_assert_cmpuint (cs_graph_get_n_nodes (graph), ==, 2);
  assert_node (node_by_id (graph, "x"), "X", FALSE, 0, 0);
  assert_edge (graph, 0, "x", "y", "linked_to", NULL);
  assert_round_trip (graph);

  /* version 2's node map, ids our format does not take, a Hangul id */
  assert_problems (more, second);
  g_assert_cmpstr (cs_graph_get_title (other), ==, "Second");
  g_assert_cmpstr (cs_graph_get_description (other), ==, "directed: true");
  g_assert_cmpuint (cs_graph_get_n_nodes (other), ==, 3);
  /* the file's valid id keeps its name; the made one steps aside */
  assert_node (node_by_id (other, "Roger_Kint"), "Valid twin", FALSE, 0, 0);
  roger = node_by_id (other, "Roger_Kint-2");
  assert_node (roger, "Roger Kint", FALSE, 0, 0);
  assert_attributes (roger->attributes, "actor", "Kevin Spacey", "original_id", "Roger Kint",
                     NULL);
  kaist = node_by_id (other, "node-1");
  assert_node (kaist, "카이스트", FALSE, 0, 0);
  assert_attributes (kaist->attributes, "original_id", "카이스트", NULL);
  g_assert_cmpuint (cs_graph_get_n_edges (other), ==, 1);
  assert_edge (other, 0, "Roger_Kint-2", "node-1", "is", "e_1");
  assert_attributes (cs_graph_get_edge (other, 0)->attributes, "original_id", "e 1", NULL);
  assert_round_trip (other);

  none = cs_import_file_full (path, &options, NULL, NULL, &error);
  g_assert_null (none);
  g_assert_error (error, CS_IMPORT_ERROR, CS_IMPORT_ERROR_VALUE);
  message = g_strdup_printf ("%s:2:13: graphs: there is no graph 3: the file holds 2 (--graph 1 "
                             "to 2)", path);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_jgf_one_graph_option (void)
{
  g_autofree char *path = fixture_path ("jgf-v1.json");
  g_autofree char *message = NULL;
  CsImportOptions options = { .graph = 1 };
  g_autoptr(GError) error = NULL;
  g_autoptr(CsGraph) graph = cs_import_file_full (path, &options, NULL, NULL, &error);

  g_assert_null (graph);
  g_assert_error (error, CS_IMPORT_ERROR, CS_IMPORT_ERROR_VALUE);
  message = g_strdup_printf ("%s:2:12: there is no graph 2: the file holds one graph "
                             "(--graph 1)", path);
  g_assert_cmpstr (error->message, ==, message);
}

/* node-link */

static void
test_node_link_networkx (void)
{
  const char *const expected[] = {
    "7:5: warning: nodes[1]: the position is not two finite numbers x and y; the layout places "
    "the node",
    "9:5: warning: nodes[3]: duplicate node id \"a\"; this node is left out, edges to it go to the "
    "first",
    "13:5: warning: links[1]: another edge between \"a\" and \"b\"; both are kept",
    "16:31: warning: links[4].target: unknown node \"zz\"; the edge is left out",
    "17:5: warning: links[5]: missing \"target\"; the edge is left out",
    "18:5: warning: links[6]: the edge links node \"3\" to itself",
    "8:5: warning: 1 node has no label (label, name, title, Label or Name); it is shown by its id",
    NULL,
  };
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(CsGraph) graph = import_fixture ("node-link-networkx.json", &problems);
  const CsNode *a, *b, *three;

  g_assert_cmpstr (cs_graph_get_source_format (graph), ==, "node-link");
  assert_problems (problems, expected);
  g_assert_cmpstr (cs_graph_get_title (graph), ==, "Test network");
  g_assert_cmpstr (cs_graph_get_description (graph), ==,
                   "directed: true\nmultigraph: false\ncreated: 2024");

  g_assert_cmpuint (cs_graph_get_n_nodes (graph), ==, 3);
  a = node_by_id (graph, "a");
  assert_node (a, "Node A", TRUE, 10.5, -3);
  /* the position is not an attribute as well; sizes and colours are */
  assert_attributes (a->attributes, "size", "4", "color", "#00ff00", NULL);
  b = node_by_id (graph, "b");
  assert_node (b, "Node B", FALSE, 0, 0);
  assert_attributes (b->attributes, "x", "1", NULL);
  /* a whole-number id, in a NetworkX 2 file: an id, not a place */
  three = node_by_id (graph, "3");
  assert_node (three, "3", FALSE, 0, 0);
  assert_attributes (three->attributes, "group", "2", NULL);

  g_assert_cmpuint (cs_graph_get_n_edges (graph), ==, 5);
  assert_edge (graph, 0, "a", "b", "other", NULL);
  assert_attributes (cs_graph_get_edge (graph, 0)->attributes, "weight", "0.25", NULL);
  assert_edge (graph, 1, "a", "b", "other", NULL);
  /* directed: b → a is not a second a → b */
  assert_edge (graph, 2, "b", "a", "other", NULL);
  assert_edge (graph, 3, "3", "a", "cites", NULL);
  g_assert_cmpuint (cs_graph_get_edge (graph, 3)->attributes->len, ==, 0);
  assert_edge (graph, 4, "3", "3", "other", NULL);
  assert_round_trip (graph);
}

static void
test_node_link_d3_index (void)
{
  const char *const expected[] = {
    "4:23: warning: links[2].source: no node at index 5 (the nodes are numbered from 0 to 2); the "
    "edge is left out",
    "2:12: warning: 1 node id is not a Consortia id (letters, digits and _ . : -, starting with a "
    "letter or digit); it is changed, \"Mlle Baptistine\" to \"Mlle_Baptistine\" and so on, and "
    "the file's id kept as the attribute original_id",
    NULL,
  };
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(CsGraph) graph = import_fixture ("node-link-d3-index.json", &problems);
  const CsNode *mlle;

  assert_problems (problems, expected);
  g_assert_null (cs_graph_get_title (graph));
  g_assert_null (cs_graph_get_description (graph));
  g_assert_cmpuint (cs_graph_get_n_nodes (graph), ==, 3);
  /* old d3: the name is the id and the label */
  assert_node (node_by_id (graph, "Myriel"), "Myriel", FALSE, 0, 0);
  assert_attributes (node_by_id (graph, "Myriel")->attributes, "group", "1", NULL);
  mlle = node_by_id (graph, "Mlle_Baptistine");
  assert_node (mlle, "Mlle Baptistine", FALSE, 0, 0);
  assert_attributes (mlle->attributes, "group", "2", "original_id", "Mlle Baptistine", NULL);
  g_assert_cmpuint (cs_graph_get_n_edges (graph), ==, 2);
  assert_edge (graph, 0, "Napoleon", "Myriel", "other", NULL);
  assert_attributes (cs_graph_get_edge (graph, 0)->attributes, "value", "1", NULL);
  assert_edge (graph, 1, "Mlle_Baptistine", "Myriel", "other", NULL);
  assert_round_trip (graph);
}

static void
test_node_link_networkx1 (void)
{
  const char *const expected[] = {
    "1:86: warning: graph[2]: expected a pair [key, value], found a string; it is left out",
    "2:12: warning: 3 nodes have no label (label, name, title, Label or Name); they are shown by "
    "their ids",
    NULL,
  };
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(CsGraph) graph = import_fixture ("node-link-networkx1.json", &problems);

  /* a multigraph: the second edge is expected, and no warning says it */
  assert_problems (problems, expected);
  g_assert_cmpstr (cs_graph_get_title (graph), ==, "pairs");
  g_assert_cmpstr (cs_graph_get_description (graph), ==,
                   "directed: false\nmultigraph: true\nversion: 1");
  g_assert_cmpuint (cs_graph_get_n_nodes (graph), ==, 3);
  /* NetworkX 1: ends are places in the list, not the ids 10, 20, 30 */
  g_assert_cmpuint (cs_graph_get_n_edges (graph), ==, 2);
  assert_edge (graph, 0, "10", "30", "other", NULL);
  assert_edge (graph, 1, "30", "10", "other", NULL);
  assert_attributes (cs_graph_get_edge (graph, 1)->attributes, "key", "1", NULL);
  assert_round_trip (graph);
}

static void
test_node_link_edges (void)
{
  const char *const expected[] = {
    "2:12: warning: nodes[0]: the position is not two finite numbers x and y; the layout places "
    "the node",
    "3:44: warning: edges[1]: another edge between \"q\" and \"p\"; both are kept",
    "2:12: warning: 2 nodes have no label (label, name, title, Label or Name); they are shown by "
    "their ids",
    NULL,
  };
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(CsGraph) graph = import_fixture ("node-link-edges.json", &problems);

  assert_problems (problems, expected);
  g_assert_cmpuint (cs_graph_get_n_nodes (graph), ==, 2);
  /* an infinite y is no position; both stay as attributes */
  assert_node (node_by_id (graph, "p"), "p", FALSE, 0, 0);
  assert_attributes (node_by_id (graph, "p")->attributes, "x", "0", "y", "inf", NULL);
  g_assert_cmpuint (cs_graph_get_n_edges (graph), ==, 2);
  assert_edge (graph, 1, "q", "p", "other", NULL);
  assert_round_trip (graph);
}

/* Cytoscape.js */

static void
test_cytoscape_array (void)
{
  const char *const expected[] = {
    "5:74: warning: [2].position: the position is not two finite numbers x and y; the layout "
    "places the node",
    "10:13: warning: [7].group: expected \"nodes\" or \"edges\"; the element is left out",
    "7:53: warning: [4].data.parent: the node is its own parent; it is in no group",
    "3:74: warning: 2 groups made from compound nodes: each parent is a consortium node, with a "
    "member_of edge from each of its children (3 in all); 1 parent was not in the file, added",
    "5:3: warning: 4 nodes have no label (label, name, title, Label or Name); they are shown by "
    "their ids",
    NULL,
  };
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(CsGraph) graph = import_fixture ("cytoscape-array.json", &problems);
  const CsNode *team, *ghost, *m1;

  g_assert_cmpstr (cs_graph_get_source_format (graph), ==, "cytoscape");
  assert_problems (problems, expected);
  g_assert_cmpuint (cs_graph_get_n_nodes (graph), ==, 7);
  team = node_by_id (graph, "team");
  assert_node (team, "Team One", FALSE, 0, 0);
  g_assert_cmpint (team->type, ==, CS_NODE_TYPE_CONSORTIUM);
  /* a parent the file does not have is added as the group's node */
  ghost = node_by_id (graph, "ghost");
  assert_node (ghost, "ghost", FALSE, 0, 0);
  g_assert_cmpint (ghost->type, ==, CS_NODE_TYPE_CONSORTIUM);
  g_assert_cmpuint (cs_graph_count_type (graph, CS_NODE_TYPE_CONSORTIUM), ==, 2);
  m1 = node_by_id (graph, "m1");
  assert_node (m1, "Member 1", TRUE, 1, 2);
  g_assert_cmpint (m1->type, ==, CS_NODE_TYPE_OTHER);
  /* data.parent is the member_of edge, "selected" is how it was shown */
  assert_attributes (m1->attributes, "weight", "3", "classes", "big", NULL);
  g_assert_cmpuint (node_by_id (graph, "m3")->attributes->len, ==, 0);
  g_assert_cmpint (node_by_id (graph, "m4")->type, ==, CS_NODE_TYPE_OTHER);
  /* an element without "group" and without ends is a node */
  assert_node (node_by_id (graph, "m5"), "m5", FALSE, 0, 0);

  g_assert_cmpuint (cs_graph_get_n_edges (graph), ==, 6);
  assert_edge (graph, 0, "m1", "m2", "pp", "e1");
  g_assert_cmpuint (cs_graph_get_edge (graph, 0)->attributes->len, ==, 0);
  /* "99340" is no relation our format can name: kept as it was */
  assert_edge (graph, 1, "m2", "m3", "other", NULL);
  assert_attributes (cs_graph_get_edge (graph, 1)->attributes, "interaction", "99340", NULL);
  assert_edge (graph, 2, "m1", "team", "other", NULL);
  assert_edge (graph, 3, "m1", "team", "member_of", NULL);
  assert_edge (graph, 4, "m2", "team", "member_of", NULL);
  assert_edge (graph, 5, "m3", "ghost", "member_of", NULL);
  g_assert_cmpuint (cs_graph_count_relation (graph, CS_RELATION_MEMBER_OF), ==, 3);
  assert_round_trip (graph);
}

static void
test_cytoscape_elements (void)
{
  const char *const expected[] = {
    "8:60: warning: 2 groups made from compound nodes: each parent is a consortium node, with a "
    "member_of edge from each of its children (2 in all)",
    "10:7: warning: 1 node has no id; it is named node-N by its place among the nodes, from 0",
    NULL,
  };
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(CsGraph) graph = import_fixture ("cytoscape-elements.json", &problems);
  g_autoptr(CsGraph) listed = NULL;
  g_autoptr(GPtrArray) none = NULL;

  assert_problems (problems, expected);
  g_assert_cmpstr (cs_graph_get_title (graph), ==, "Elements object");
  g_assert_cmpstr (cs_graph_get_description (graph), ==,
                   "SUID: 52\nformat_version: 1.0\ngenerated_by: hand");
  g_assert_cmpuint (cs_graph_get_n_nodes (graph), ==, 4);
  /* a group within a group: inner is both */
  g_assert_cmpint (node_by_id (graph, "outer")->type, ==, CS_NODE_TYPE_CONSORTIUM);
  g_assert_cmpint (node_by_id (graph, "inner")->type, ==, CS_NODE_TYPE_CONSORTIUM);
  assert_node (node_by_id (graph, "leaf"), "Leaf", TRUE, -5.25, 7);
  assert_node (node_by_id (graph, "node-3"), "No id", FALSE, 0, 0);
  g_assert_cmpuint (cs_graph_get_n_edges (graph), ==, 4);
  assert_edge (graph, 0, "leaf", "inner", "other", "x1");
  assert_edge (graph, 1, "leaf", "outer", "reports_to", NULL);
  assert_attributes (cs_graph_get_edge (graph, 1)->attributes, "relation", "reportsTo", NULL);
  assert_edge (graph, 2, "inner", "outer", "member_of", NULL);
  assert_edge (graph, 3, "leaf", "inner", "member_of", NULL);
  assert_round_trip (graph);

  /* "elements" as one list, an edge before its target */
  listed = import_fixture ("cytoscape-elements-array.json", &none);
  g_assert_cmpuint (none->len, ==, 0);
  g_assert_cmpuint (cs_graph_get_n_nodes (listed), ==, 2);
  assert_node (node_by_id (listed, "t"), "End", FALSE, 0, 0);
  g_assert_cmpuint (cs_graph_get_n_edges (listed), ==, 1);
  assert_edge (listed, 0, "s", "t", "other", NULL);
  assert_round_trip (listed);
}

/* graphology */

static void
test_graphology (void)
{
  const char *const expected[] = {
    "11:5: warning: edges[1]: another edge between \"2\" and \"n1\"; both are kept",
    "12:5: warning: edges[2]: another edge between \"n1\" and \"2\"; both are kept",
    "7:5: warning: 1 node has no label (label, name, title, Label or Name); it is shown by its id",
    "10:5: warning: 1 edge id is not a Consortia id; it is changed, \"n1->2\" to \"n1-_2\" and so "
    "on, and the file's id kept as the attribute original_id",
    NULL,
  };
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(CsGraph) graph = import_fixture ("graphology.json", &problems);
  const CsNode *one, *two;

  g_assert_cmpstr (cs_graph_get_source_format (graph), ==, "graphology");
  assert_problems (problems, expected);
  g_assert_cmpstr (cs_graph_get_title (graph), ==, "Graphology test");
  g_assert_cmpstr (cs_graph_get_description (graph), ==,
                   "A small graph\n\nyear: 2021\ntype: mixed\nmulti: false\nallowSelfLoops: true");
  g_assert_cmpuint (cs_graph_get_n_nodes (graph), ==, 3);
  one = node_by_id (graph, "n1");
  assert_node (one, "One", TRUE, 0.5, -1.5);
  assert_attributes (one->attributes, "size", "10", "color", "rgb(1,2,3)", NULL);
  /* a number key; lists and objects kept as compact JSON */
  two = node_by_id (graph, "2");
  assert_node (two, "Two", FALSE, 0, 0);
  assert_attributes (two->attributes, "tags", "[\"a\",\"b\"]", "info",
                     "{\"k\":1.25,\"s\":\"q\\\"uote\"}", NULL);
  assert_node (node_by_id (graph, "n3"), "n3", FALSE, 0, 0);

  g_assert_cmpuint (cs_graph_get_n_edges (graph), ==, 3);
  assert_edge (graph, 0, "n1", "2", "follows", "n1-_2");
  assert_attributes (cs_graph_get_edge (graph, 0)->attributes, "weight", "1.5", "original_id",
                     "n1->2", NULL);
  assert_edge (graph, 1, "2", "n1", "other", NULL);
  assert_attributes (cs_graph_get_edge (graph, 1)->attributes, "undirected", "true", NULL);
  /* a member of the edge named as one of its attributes */
  assert_attributes (cs_graph_get_edge (graph, 2)->attributes, "undirected", "attr",
                     "edge.undirected", "true", NULL);
  assert_round_trip (graph);
}

static void
test_minivan (void)
{
  const char *const expected[] = {
    "13:34: warning: graph.nodes[1].attributes: the position is not two finite numbers x and y; "
    "the layout places the node",
    NULL,
  };
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(CsGraph) graph = import_fixture ("minivan.json", &problems);

  g_assert_cmpstr (cs_graph_get_source_format (graph), ==, "graphology");
  /* undirected and multi: b–a repeats a–b as the settings allow */
  assert_problems (problems, expected);
  g_assert_cmpstr (cs_graph_get_title (graph), ==, "Bundle");
  g_assert_cmpstr (cs_graph_get_date (graph), ==, "2018-10-16");
  g_assert_cmpstr (cs_graph_get_description (graph), ==,
                   "A MiniVan bundle\n\nbundleVersion: 1.0.0\ncreator: Gephi 0.9\ntype: "
                   "undirected\nmulti: true");
  g_assert_cmpuint (cs_graph_get_n_nodes (graph), ==, 2);
  assert_node (node_by_id (graph, "a"), "A", TRUE, 1, 2);
  g_assert_cmpuint (node_by_id (graph, "a")->attributes->len, ==, 0);
  assert_node (node_by_id (graph, "b"), "B", FALSE, 0, 0);
  assert_attributes (node_by_id (graph, "b")->attributes, "x", "3", "y", "4", NULL);
  g_assert_cmpuint (cs_graph_get_n_edges (graph), ==, 2);
  assert_round_trip (graph);
}

/* Problems */

typedef struct
{
  const char    *file;
  CsImportError  code;
  const char    *message; /* after the file name */
} BadCase;

static const BadCase bad_cases[] = {
  { "bad-jgf-graph.json", CS_IMPORT_ERROR_TYPE, "2:12: graph: expected an object, found an array" },
  { "bad-jgf-no-graphs.json", CS_IMPORT_ERROR_MISSING, "1:12: graphs: the file holds no graph" },
  { "bad-node-link-nodes.json", CS_IMPORT_ERROR_TYPE,
    "2:12: nodes: expected an array, found an object" },
  { "bad-node-link-syntax.json", CS_IMPORT_ERROR_SYNTAX,
    "3:42: not valid JSON: unexpected character `,', expected character `]'" },
  { "bad-cytoscape-elements.json", CS_IMPORT_ERROR_TYPE,
    "2:15: elements: expected {\"nodes\": [...], \"edges\": [...]} or an array, found a string" },
  { "bad-graphology-nodes.json", CS_IMPORT_ERROR_TYPE,
    "3:12: nodes: expected an array, found a number" },
  { "bad-minivan-graph.json", CS_IMPORT_ERROR_TYPE,
    "3:12: graph: expected an object, found a string" },
};

static void
test_bad_file (gconstpointer data)
{
  const BadCase *bad = data;
  g_autofree char *path = fixture_path (bad->file);
  g_autofree char *expected = g_strdup_printf ("%s:%s", path, bad->message);
  g_autoptr(GError) error = NULL;
  g_autoptr(CsGraph) graph = cs_import_file (path, NULL, NULL, &error);

  g_assert_null (graph);
  g_assert_error (error, CS_IMPORT_ERROR, (int)bad->code);
  g_assert_cmpstr (error->message, ==, expected);
}

/* an id of 100,000 characters is cut, with a message, and still links */
static void
test_huge_id (void)
{
  g_autofree char *id = g_strnfill (100000, 'x');
  g_autofree char *text = g_strdup_printf (
      "{\"nodes\": [{\"id\": \"%s\"}, {\"id\": \"b\"}], \"links\": [{\"source\": \"%s\", "
      "\"target\": \"b\"}]}", id, id);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CsGraph) graph = cs_import_data (text, strlen (text), "huge.json", NULL, &problems,
                                             &error);
  g_autofree char *cut = g_strnfill (200, 'x');
  g_autofree char *label = g_strconcat (cut, "…", NULL);
  const char *const expected[] = {
    "1:12: warning: nodes[0]: the id is 100000 bytes long; only its first 200 characters are kept "
    "(Consortia ids are at most 200)",
    "1:12: warning: 2 nodes have no label (label, name, title, Label or Name); they are shown by "
    "their ids",
    NULL,
  };
  const CsNode *node;

  g_assert_no_error (error);
  assert_problems (problems, expected);
  node = cs_graph_get_node (graph, 0);
  g_assert_cmpstr (node->id, ==, cut);
  g_assert_cmpstr (node->label, ==, label);
  g_assert_cmpuint (node->attributes->len, ==, 0);
  g_assert_cmpuint (cs_graph_get_n_edges (graph), ==, 1);
  assert_edge (graph, 0, cut, "b", "other", NULL);
  assert_round_trip (graph);
}

/* a thousand of one warning: fifty listed, then their number */
static void
test_many_warnings (void)
{
  GString *text = g_string_new ("{\"nodes\": [{\"id\": \"a\", \"label\": \"A\"}], \"links\": [");
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CsGraph) graph = NULL;
  g_autofree char *last = NULL;

  for (guint i = 0; i < 1000; i++)
    g_string_append_printf (text, "%s{\"source\": \"a\", \"target\": \"a\"}", i > 0 ? ", " : "");
  g_string_append (text, "]}");
  graph = cs_import_data (text->str, text->len, "loops.json", NULL, &problems, &error);
  g_string_free (text, TRUE);

  g_assert_no_error (error);
  g_assert_cmpuint (cs_graph_get_n_edges (graph), ==, 1000);
  /* 50 self-loops, then one for the other 950; the same for the 999
   * parallel edges (every loop after the first repeats it) */
  g_assert_cmpuint (problems->len, ==, 102);
  last = cs_problem_to_string (g_ptr_array_index (problems, 100), NULL);
  g_assert_cmpstr (last, ==, "warning: 950 more warnings like this one are not listed: "
                             "links[49]: the edge links node \"a\" to itself");
  g_free (last);
  last = cs_problem_to_string (g_ptr_array_index (problems, 101), NULL);
  g_assert_cmpstr (last, ==, "warning: 949 more warnings like this one are not listed: "
                             "links[50]: another edge between \"a\" and \"a\"; both are kept");
  g_free (last);
  last = cs_problem_to_string (g_ptr_array_index (problems, 49), NULL);
  g_assert_cmpstr (last, ==, "1:850: warning: links[25]: the edge links node \"a\" to itself");
}

static void
test_deep_nesting (void)
{
  GString *text = g_string_new ("{\"nodes\": [{\"id\": \"a\", \"deep\": ");
  g_autoptr(GError) error = NULL;
  g_autoptr(CsGraph) graph = NULL;
  /* far past the 512 levels read; bounded, past them still */
  guint depth = cs_test_bounded () ? 5000 : 100000;

  for (guint i = 0; i < depth; i++)
    g_string_append_c (text, '[');
  for (guint i = 0; i < depth; i++)
    g_string_append_c (text, ']');
  g_string_append (text, "}], \"links\": []}");
  graph = cs_import_data (text->str, text->len, "deep.json", NULL, NULL, &error);
  g_string_free (text, TRUE);
  g_assert_null (graph);
  g_assert_error (error, CS_IMPORT_ERROR, CS_IMPORT_ERROR_TOO_DEEP);
}

static void
test_cancelled (void)
{
  g_autofree char *path = fixture_path ("cytoscape-array.json");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CsGraph) graph = NULL;

  g_cancellable_cancel (cancellable);
  graph = cs_import_file (path, cancellable, NULL, &error);
  g_assert_null (graph);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static const char *const fixtures[] = {
  "jgf-v1.json", "jgf-v2-graphs.json", "node-link-networkx.json", "node-link-d3-index.json",
  "node-link-networkx1.json", "node-link-edges.json", "cytoscape-array.json",
  "cytoscape-elements.json", "cytoscape-elements-array.json", "graphology.json", "minivan.json",
};

/* Every fixture cut short at every few bytes and with bytes changed: a
 * graph or an error, never a crash, a warning on the log or a hang. */
static void
test_mangled (void)
{
  for (guint f = 0; f < G_N_ELEMENTS (fixtures); f++)
    {
      g_autofree char *path = fixture_path (fixtures[f]);
      g_autofree char *text = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (path, &text, &length, NULL));
      for (gsize cut = 0; cut < length; cut += 3)
        {
          g_autofree char *mangled = g_memdup2 (text, length);
          g_autoptr(GError) error = NULL;
          g_autoptr(CsGraph) shortened = cs_import_data (text, cut, fixtures[f], NULL, NULL,
                                                         &error);
          g_autoptr(GError) error2 = NULL;
          g_autoptr(CsGraph) changed = NULL;

          g_assert_true ((shortened == NULL) != (error == NULL));
          /* a quote, a bracket or a digit where something else was */
          mangled[cut] = "\"]}0,:"[cut % 6];
          changed = cs_import_data (mangled, length, fixtures[f], NULL, NULL, &error2);
          g_assert_true ((changed == NULL) != (error2 == NULL));
        }
    }
}

/* Recognising the formats */

typedef struct
{
  const char *text;
  const char *importer; /* NULL: none */
} SniffCase;

static const SniffCase sniff_cases[] = {
  { "{\"graph\": {\"nodes\": {}}}", "jgf" },
  { "{\"graphs\": []}", "jgf" },
  { "{\"nodes\": [], \"links\": []}", "node-link" },
  { "{\"directed\": true, \"graph\": {}, \"nodes\": [], \"edges\": []}", "node-link" },
  { "[{\"group\": \"nodes\", \"data\": {\"id\": \"a\"}}]", "cytoscape" },
  { "[{\"data\": {\"id\": \"a\"}}]", "cytoscape" },
  { "{\"elements\": {\"nodes\": []}}", "cytoscape" },
  { "{\"attributes\": {}, \"nodes\": []}", "graphology" },
  { "{\"options\": {}, \"nodes\": [], \"edges\": []}", "graphology" },
  { "{\"nodes\": [{\"key\": \"a\"}], \"edges\": []}", "graphology" },
  { "{\"title\": \"t\", \"graph\": {\"nodes\": []}, \"bundleVersion\": \"1.0.0\"}", "graphology" },
  { "{\"graph\": {\"options\": {}, \"nodes\": []}}", "graphology" },
  /* ours, or broken files of ours: the Consortia importer says what is wrong */
  { "{\"format\": \"consortia-graph\", \"graph\": {}, \"nodes\": [], \"links\": []}", "consortia" },
  { "{\"version\": 1, \"nodes\": []}", "consortia" },
  { "{\"nodes\": [], \"edges\": []}", "consortia" },
  { "{\"graph\": {\"title\": \"t\"}, \"nodes\": [], \"edges\": []}", "consortia" },
  { "{\"nodes\": [{\"id\": \"a\", \"label\": \"A\", \"type\": \"company\"}], \"edges\": []}",
    "consortia" },
  { "[{\"id\": \"a\"}]", NULL },
  { "[]", NULL },
};

static void
test_sniff (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (sniff_cases); i++)
    {
      const SniffCase *c = &sniff_cases[i];
      g_autoptr(CsImporter) importer = cs_importer_new_for_data (c->text, strlen (c->text),
                                                                 "file.json");

      g_test_message ("%s", c->text);
      if (c->importer == NULL)
        {
          /* only the extension, as for any JSON: our importer, weakly */
          g_assert_nonnull (importer);
          g_assert_cmpstr (cs_importer_get_name (importer), ==, "consortia");
          g_assert_cmpuint (cs_importer_sniff (importer, c->text, strlen (c->text)), ==, 0);
        }
      else
        g_assert_cmpstr (cs_importer_get_name (importer), ==, c->importer);
    }
}

static void
test_sniff_files (void)
{
  const char *const expected[] = {
    "jgf", "jgf", "node-link", "node-link", "node-link", "node-link", "cytoscape", "cytoscape",
    "cytoscape", "graphology", "graphology",
  };
  const char *const ours[][2] = {
    { "bad", "missing-format.json" }, { "bad", "root-array.json" }, { "bad", "missing-nodes.json" },
    { "good", "small.json" }, { "good", "claims.json" },
  };
  g_autofree char *bundled = g_build_filename (g_getenv ("CONSORTIA_DATA_DIR"),
                                               "sovereign-ai-2025.json", NULL);

  G_STATIC_ASSERT (G_N_ELEMENTS (expected) == G_N_ELEMENTS (fixtures));
  for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      g_autofree char *path = fixture_path (fixtures[i]);
      g_autofree char *text = NULL;
      gsize length;
      g_autoptr(CsImporter) importer = NULL;

      g_assert_true (g_file_get_contents (path, &text, &length, NULL));
      importer = cs_importer_new_for_data (text, length, path);
      g_assert_cmpstr (cs_importer_get_name (importer), ==, expected[i]);
    }

  /* no JSON importer steals our own files, good or broken */
  for (guint i = 0; i <= G_N_ELEMENTS (ours); i++)
    {
      g_autofree char *path = i < G_N_ELEMENTS (ours)
                                  ? g_test_build_filename (G_TEST_DIST, "data", ours[i][0],
                                                           ours[i][1], NULL)
                                  : g_strdup (bundled);
      g_autofree char *text = NULL;
      gsize length;
      g_autoptr(CsImporter) importer = NULL;

      g_assert_true (g_file_get_contents (path, &text, &length, NULL));
      importer = cs_importer_new_for_data (text, length, path);
      g_assert_cmpstr (cs_importer_get_name (importer), ==, "consortia");
    }
}

/* a d3 file longer than the head the importers see, its links after it */
static void
test_sniff_long_nodes (void)
{
  GString *text = g_string_new ("{\"nodes\": [");
  g_autoptr(CsImporter) importer = NULL;
  g_autoptr(CsGraph) graph = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 20000; i++)
    g_string_append_printf (text, "%s{\"id\": \"n%u\"}", i > 0 ? ", " : "", i);
  g_string_append (text, "], \"links\": [{\"source\": \"n0\", \"target\": \"n19999\"}]}");
  importer = cs_importer_new_for_data (text->str, text->len, "big.json");
  g_assert_cmpstr (cs_importer_get_name (importer), ==, "node-link");
  graph = cs_import_data (text->str, text->len, "big.json", NULL, NULL, &error);
  g_string_free (text, TRUE);
  g_assert_no_error (error);
  g_assert_cmpuint (cs_graph_get_n_nodes (graph), ==, 20000);
  g_assert_cmpuint (cs_graph_get_n_edges (graph), ==, 1);
}

/* The real files of ../shared/testdata */

typedef struct
{
  const char *path;     /* under CONSORTIA_TESTDATA, as the README lists it */
  const char *importer;
  guint       n_graphs;
} RealFile;

static const RealFile real_files[] = {
  { "jgf/car_graphs.json", "jgf", 2 },
  { "jgf/empty_test.json", "jgf", 1 },
  { "jgf/les_miserables.json", "jgf", 1 },
  { "jgf/usual_suspects.json", "jgf", 1 },
  { "jgf/v1_2015/car_graphs.json", "jgf", 2 },
  { "jgf/v1_2015/les_miserables.json", "jgf", 1 },
  { "jgf/v1_2015/usual_suspects.json", "jgf", 1 },
  { "d3/miserables_d3v2_bostock2010.json", "node-link", 1 },
  { "d3/miserables_d3v4_vasturiano.json", "node-link", 1 },
  { "networkx/nx_barbell_v1x_blehman.json", "node-link", 1 },
  { "networkx/nx_nuclear_roles_selfloops_quakers.json", "node-link", 1 },
  { "cytoscape/6000-elements_data.json", "cytoscape", 1 },
  { "cytoscape/edge-types_data.json", "cytoscape", 1 },
  { "cytoscape/node-types_data.json", "cytoscape", 1 },
  { "cytoscape/tokyo-railways_tokyo-railways.json", "cytoscape", 1 },
  { "graphology/json/nordic-design.json", "graphology", 1 },
};

static const char *
testdata_dir (void)
{
  const char *dir = g_getenv ("CONSORTIA_TESTDATA");

  if (dir == NULL || !g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_test_fail_printf ("the shared test data are not there: CONSORTIA_TESTDATA is %s%s%s "
                          "(tests/meson.build sets it to ../shared/testdata beside the source)",
                          dir != NULL ? "\"" : "", dir != NULL ? dir : "not set",
                          dir != NULL ? "\", not a folder" : "");
      return NULL;
    }
  return dir;
}

/* the row of @path in the README's table: | file | format | nodes | edges | … */
static gboolean
readme_counts (const char *readme,
               const char *path,
               guint      *n_nodes,
               guint      *n_edges)
{
  g_auto (GStrv) lines = g_strsplit (readme, "\n", -1);
  g_autofree char *start = g_strdup_printf ("| %s |", path);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto (GStrv) cells = NULL;

      if (!g_str_has_prefix (lines[i], start))
        continue;
      cells = g_strsplit (lines[i], "|", -1);
      g_assert_cmpuint (g_strv_length (cells), >=, 5);
      *n_nodes = atoi (g_strstrip (cells[3]));
      *n_edges = atoi (g_strstrip (cells[4]));
      return TRUE;
    }
  return FALSE;
}

static void
test_real_file (gconstpointer data)
{
  const RealFile *real = data;
  const char *dir = testdata_dir ();
  g_autofree char *readme_path = NULL;
  g_autofree char *readme = NULL;
  g_autofree char *path = NULL;
  guint n_nodes = 0, n_edges = 0;
  guint sum_nodes = 0, sum_edges = 0;

  if (dir == NULL)
    return;
  readme_path = g_build_filename (dir, "README.md", NULL);
  g_assert_true (g_file_get_contents (readme_path, &readme, NULL, NULL));
  g_assert_true (readme_counts (readme, real->path, &n_nodes, &n_edges));
  path = g_build_filename (dir, real->path, NULL);

  /* the README counts every graph of a file */
  for (guint g = 0; g <= real->n_graphs; g++)
    {
      CsImportOptions options = { .graph = g };
      g_autoptr(GPtrArray) problems = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(CsGraph) graph = cs_import_file_full (path, &options, NULL, &problems, &error);

      if (g == real->n_graphs)
        {
          /* one more than there are */
          g_assert_null (graph);
          g_assert_error (error, CS_IMPORT_ERROR, CS_IMPORT_ERROR_VALUE);
          continue;
        }
      g_assert_no_error (error);
      g_assert_cmpstr (cs_graph_get_source_format (graph), ==, real->importer);
      g_assert_cmpuint (cs_problems_count_errors (problems), ==, 0);
      g_test_message ("%s, graph %u: %u nodes, %u edges, %u warnings", real->path, g,
                      cs_graph_get_n_nodes (graph), cs_graph_get_n_edges (graph), problems->len);
      sum_nodes += cs_graph_get_n_nodes (graph);
      sum_edges += cs_graph_get_n_edges (graph);
      for (guint i = 0; i < cs_graph_get_n_nodes (graph); i++)
        {
          const CsNode *node = cs_graph_get_node (graph, i);

          g_assert_true (node->label != NULL && node->label[0] != '\0');
          g_assert_true (!node->has_position || (isfinite (node->x) && isfinite (node->y)));
        }
      assert_round_trip (graph);
    }
  g_assert_cmpuint (sum_nodes, ==, n_nodes);
  g_assert_cmpuint (sum_edges, ==, n_edges);
}

/* what the real files hold beyond their counts */
static void
test_real_contents (void)
{
  const char *dir = testdata_dir ();
  g_autofree char *tokyo = NULL;
  g_autofree char *nordic = NULL;
  g_autofree char *suspects = NULL;
  g_autoptr(CsGraph) graph = NULL;
  g_autoptr(CsGraph) bundle = NULL;
  g_autoptr(CsGraph) jgf = NULL;
  g_autoptr(GError) error = NULL;
  const CsNode *node;

  if (dir == NULL)
    return;
  tokyo = g_build_filename (dir, "cytoscape", "tokyo-railways_tokyo-railways.json", NULL);
  graph = cs_import_file (tokyo, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cs_graph_get_title (graph), ==, "tokyo_only");
  node = node_by_id (graph, "8220");
  assert_node (node, "9934001", TRUE, 1398668.75, -357509.32);
  g_assert_cmpstr (((const CsAttribute *)g_ptr_array_index (node->attributes, 0))->key, ==,
                   "station_name");

  nordic = g_build_filename (dir, "graphology", "json", "nordic-design.json", NULL);
  bundle = cs_import_file (nordic, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cs_graph_get_title (bundle), ==, "Nordic Design");
  g_assert_cmpstr (cs_graph_get_date (bundle), ==, "2018-10-16");
  node = node_by_id (bundle, "202");
  assert_node (node, "Mynewsdesk.com", TRUE, 425.7314, 89.95018);

  suspects = g_build_filename (dir, "jgf", "usual_suspects.json", NULL);
  jgf = cs_import_file (suspects, NULL, NULL, &error);
  g_assert_no_error (error);
  node = node_by_id (jgf, "Keyser_S_ze");
  g_assert_cmpstr (node->label, ==, "Keyser Söze");
  assert_attributes (node->attributes, "actor", "Kevin Spacey", "original_id", "Keyser Söze",
                     NULL);
  g_assert_cmpstr (cs_graph_get_description (jgf), ==,
                   "id: Usual Suspects\ntype: movie characters\nrelease year: 1995");
}

/* JSON Schemas lie beside the graphs: they are no JSON Graph Format file */
static void
test_real_schemas (void)
{
  const char *dir = testdata_dir ();
  const char *const schemas[] = { "jgf/json-graph-schema_v2.json",
                                  "jgf/v1_2015/json-graph-schema.json" };

  if (dir == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (schemas); i++)
    {
      g_autofree char *path = g_build_filename (dir, schemas[i], NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(CsGraph) graph = cs_import_file (path, NULL, NULL, &error);

      g_assert_null (graph);
      g_assert_error (error, CS_IMPORT_ERROR, CS_IMPORT_ERROR_FORMAT);
    }
}

/* NetworkX's flags come first: a file whose links lie past the part read
 * to tell formats apart, after nodes with a label and a type as ours
 * have, is still node-link, and a node's type word is its type */
static void
test_node_link_long_nodes (void)
{
  g_autoptr(GString) json = g_string_new ("{\"directed\": false, \"multigraph\": false, "
                                          "\"graph\": {}, \"nodes\": [");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(CsGraph) graph = NULL;
  CsNodeType company;
  const guint n = 3000;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (json, "%s{\"id\": \"n%u\", \"label\": \"org %u\", \"type\": "
                                  "\"company\"}",
                            i > 0 ? ", " : "", i, i);
  g_string_append (json, "], \"links\": [");
  for (guint i = 1; i < n; i++)
    g_string_append_printf (json, "%s{\"source\": \"n%u\", \"target\": \"n0\", "
                                  "\"relation\": \"partner_of\"}",
                            i > 1 ? ", " : "", i);
  g_string_append (json, "]}");
  /* the links start well past what is read to tell formats apart */
  g_assert_cmpint (strstr (json->str, "\"links\"") - json->str, >, 64 * 1024);

  graph = cs_import_data (json->str, json->len, "big.json", NULL, &problems, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cs_graph_get_source_format (graph), ==, "node-link");
  g_assert_cmpuint (cs_graph_get_n_nodes (graph), ==, n);
  g_assert_cmpuint (cs_graph_get_n_edges (graph), ==, n - 1);
  g_assert_true (cs_graph_lookup_type (graph, "company", &company));
  g_assert_cmpuint (cs_graph_count_type (graph, company), ==, n);
  g_assert_cmpuint (cs_graph_count_relation (graph, CS_RELATION_PARTNER_OF), ==, n - 1);
  /* the type is no attribute as well */
  g_assert_cmpuint (cs_graph_get_node (graph, 0)->attributes->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cs/import-json/jgf/v1", test_jgf_v1);
  g_test_add_func ("/cs/import-json/jgf/graphs", test_jgf_graphs);
  g_test_add_func ("/cs/import-json/jgf/one-graph-option", test_jgf_one_graph_option);
  g_test_add_func ("/cs/import-json/node-link/networkx", test_node_link_networkx);
  g_test_add_func ("/cs/import-json/node-link/long-nodes", test_node_link_long_nodes);
  g_test_add_func ("/cs/import-json/node-link/d3-index", test_node_link_d3_index);
  g_test_add_func ("/cs/import-json/node-link/networkx1", test_node_link_networkx1);
  g_test_add_func ("/cs/import-json/node-link/edges", test_node_link_edges);
  g_test_add_func ("/cs/import-json/cytoscape/array", test_cytoscape_array);
  g_test_add_func ("/cs/import-json/cytoscape/elements", test_cytoscape_elements);
  g_test_add_func ("/cs/import-json/graphology/serialized", test_graphology);
  g_test_add_func ("/cs/import-json/graphology/minivan", test_minivan);
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/cs/import-json/bad/%s", bad_cases[i].file);

      g_test_add_data_func (name, &bad_cases[i], test_bad_file);
    }
  g_test_add_func ("/cs/import-json/huge-id", test_huge_id);
  g_test_add_func ("/cs/import-json/many-warnings", test_many_warnings);
  g_test_add_func ("/cs/import-json/deep-nesting", test_deep_nesting);
  g_test_add_func ("/cs/import-json/cancelled", test_cancelled);
  g_test_add_func ("/cs/import-json/mangled", test_mangled);
  g_test_add_func ("/cs/import-json/sniff", test_sniff);
  g_test_add_func ("/cs/import-json/sniff-files", test_sniff_files);
  g_test_add_func ("/cs/import-json/sniff-long-nodes", test_sniff_long_nodes);
  for (guint i = 0; i < G_N_ELEMENTS (real_files); i++)
    {
      g_autofree char *name = g_strdup_printf ("/cs/import-json/real/%s", real_files[i].path);

      g_test_add_data_func (name, &real_files[i], test_real_file);
    }
  g_test_add_func ("/cs/import-json/real-contents", test_real_contents);
  g_test_add_func ("/cs/import-json/real-schemas", test_real_schemas);

  return g_test_run ();
}
