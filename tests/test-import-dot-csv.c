/* test-import-dot-csv.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Graphviz DOT importer (cgraph) and the CSV edge list importer
 * (libcsv): fixtures in tests/data/import for each quirk, a real file from
 * ../shared/testdata (CONSORTIA_TESTDATA), bounds, bad input, and the trip
 * through our own format.
 */

#include "config.h"

#include "cs-consortia-writer.h"
#include "cs-dot-scan-private.h"
#include "cs-import-common-private.h"
#include "cs-import.h"
#include "cs-importer.h"
#include "test-support.h"

#include <string.h>

static char *
fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "import", name, NULL);
}

/* A problem as the tests write it: [FILE:]LINE:COL: warning|error: message,
 * FILE only for a problem in another file than the one read */
static char *
describe (const CsProblem *problem)
{
  GString *text = g_string_new (NULL);

  if (problem->file != NULL)
    {
      g_autofree char *base = g_path_get_basename (problem->file);

      g_string_append_printf (text, "%s:", base);
    }
  if (problem->line > 0)
    g_string_append_printf (text, "%u:%u: ", problem->line, problem->column);
  g_string_append (text, problem->severity == CS_PROBLEM_WARNING ? "warning: " : "error: ");
  g_string_append (text, problem->message);
  return g_string_free (text, FALSE);
}

static void
assert_problems (GPtrArray         *problems,
                 const char *const *expected)
{
  guint n = g_strv_length ((char **)expected);

  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *text = describe (g_ptr_array_index (problems, i));

      g_test_message ("problem %u: %s", i, text);
      if (i < n)
        g_assert_cmpstr (text, ==, expected[i]);
    }
  g_assert_cmpuint (problems->len, ==, n);
}

static CsGraph *
import_with (const char            *name,
             const CsImportOptions *options,
             GPtrArray            **problems)
{
  g_autofree char *path = fixture (name);
  g_autoptr(GError) error = NULL;
  CsGraph *graph = cs_import_file_full (path, options, NULL, problems, &error);

  g_assert_no_error (error);
  g_assert_nonnull (graph);
  return graph;
}

static CsGraph *
import (const char  *name,
        GPtrArray  **problems)
{
  return import_with (name, NULL, problems);
}

static GError *
import_error (const char            *name,
              const CsImportOptions *options)
{
  g_autofree char *path = fixture (name);
  GError *error = NULL;
  CsGraph *graph = cs_import_file_full (path, options, NULL, NULL, &error);

  g_assert_null (graph);
  g_assert_nonnull (error);
  return error;
}

/* The first error of @data read as @name, after "NAME:" */
static void
assert_data_error (const char    *data,
                   gssize         length,
                   const char    *name,
                   CsImportError  code,
                   const char    *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CsGraph) graph = cs_import_data (data, length < 0 ? strlen (data) : (gsize)length,
                                             name, NULL, NULL, &error);

  g_autofree char *expected = g_strdup_printf (g_ascii_isdigit (message[0]) ? "%s:%s" : "%s: %s",
                                               name, message);

  g_assert_null (graph);
  g_assert_error (error, CS_IMPORT_ERROR, (int)code);
  g_assert_cmpstr (error->message, ==, expected);
}

static CsGraph *
import_data (const char  *data,
             const char  *name,
             GPtrArray  **problems)
{
  g_autoptr(GError) error = NULL;
  CsGraph *graph = cs_import_data (data, strlen (data), name, NULL, problems, &error);

  g_assert_no_error (error);
  g_assert_nonnull (graph);
  return graph;
}

static const CsNode *
node (CsGraph    *graph,
      const char *id)
{
  guint index;

  if (!cs_graph_lookup (graph, id, &index))
    g_error ("no node %s", id);
  return cs_graph_get_node (graph, index);
}

static const char *
attribute (GPtrArray  *attributes,
           const char *key)
{
  for (guint i = 0; i < attributes->len; i++)
    {
      const CsAttribute *attribute = g_ptr_array_index (attributes, i);

      if (g_str_equal (attribute->key, key))
        {
          g_assert_cmpuint (attribute->claims->len, ==, 1);
          return ((const CsClaim *)g_ptr_array_index (attribute->claims, 0))->value;
        }
    }
  return NULL;
}

static const char *
type_of (CsGraph    *graph,
         const char *id)
{
  return cs_graph_get_type_name (graph, node (graph, id)->type);
}

/* Edge @index links @source to @target by @relation */
static const CsEdge *
assert_edge (CsGraph    *graph,
             guint       index,
             const char *source,
             const char *target,
             const char *relation)
{
  const CsEdge *edge = cs_graph_get_edge (graph, index);

  g_assert_cmpstr (cs_graph_get_node (graph, edge->source)->id, ==, source);
  g_assert_cmpstr (cs_graph_get_node (graph, edge->target)->id, ==, target);
  g_assert_cmpstr (cs_graph_get_relation_name (graph, edge->relation), ==, relation);
  return edge;
}

/* DOT */

static void
test_dot_clusters (void)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(CsGraph) graph = import ("clusters.dot", &problems);
  const char *expected[] = {
    "6:3: warning: 2 subgraphs made into groups (cluster_ai, cluster_chips): a node of type "
    "consortium each, with a member_of edge from each of its members",
    "4:3: warning: the graph's attribute rankdir is left out (Consortia keeps a graph's label, as "
    "its title)",
    NULL
  };
  const CsNode *a, *b, *c, *ai, *chips;
  const CsEdge *edge;

  assert_problems (problems, expected);
  g_assert_cmpstr (cs_graph_get_source_format (graph), ==, "dot");
  g_assert_cmpstr (cs_graph_get_title (graph), ==, "Partners");
  g_assert_cmpuint (cs_graph_get_n_nodes (graph), ==, 6);
  g_assert_cmpuint (cs_graph_get_n_edges (graph), ==, 5);

  a = node (graph, "a");
  g_assert_cmpstr (a->label, ==, "Alpha");
  g_assert_cmpstr (type_of (graph, "a"), ==, "company");
  /* points, with Graphviz's y going up; "!" pins */
  g_assert_true (a->has_position);
  g_assert_cmpfloat (a->x, ==, 10);
  g_assert_cmpfloat (a->y, ==, -20);
  g_assert_true (a->pinned);
  g_assert_cmpstr (attribute (a->attributes, "shape"), ==, "box");
  g_assert_null (attribute (a->attributes, "pos"));
  g_assert_null (attribute (a->attributes, "label"));
  b = node (graph, "b");
  g_assert_cmpstr (b->label, ==, "Beta\nCorp");
  g_assert_false (b->has_position);
  c = node (graph, "c");
  g_assert_cmpstr (c->label, ==, "c");
  g_assert_cmpstr (type_of (graph, "c"), ==, "research_institute");
  g_assert_cmpstr (node (graph, "d")->label, ==, "d");
  g_assert_cmpstr (type_of (graph, "d"), ==, "other");

  /* groups: consortium nodes after the file's, labelled with their own
   * label, else their name (cgraph gives every subgraph the graph's) */
  ai = cs_graph_get_node (graph, 4);
  chips = cs_graph_get_node (graph, 5);
  g_assert_cmpstr (ai->id, ==, "cluster_ai");
  g_assert_cmpstr (ai->label, ==, "AI team");
  g_assert_cmpstr (type_of (graph, "cluster_ai"), ==, "consortium");
  g_assert_cmpstr (attribute (ai->attributes, "color"), ==, "blue");
  g_assert_cmpuint (ai->attributes->len, ==, 1);
  g_assert_cmpstr (chips->id, ==, "cluster_chips");
  g_assert_cmpstr (chips->label, ==, "cluster_chips");
  g_assert_cmpuint (chips->attributes->len, ==, 0);

  edge = assert_edge (graph, 0, "a", "b", "other");
  g_assert_cmpstr (edge->role, ==, "supplies b");
  g_assert_cmpstr (attribute (edge->attributes, "weight"), ==, "2");
  g_assert_cmpuint (edge->attributes->len, ==, 1);
  assert_edge (graph, 1, "b", "c", "other");
  assert_edge (graph, 2, "a", "cluster_ai", "member_of");
  assert_edge (graph, 3, "b", "cluster_ai", "member_of");
  assert_edge (graph, 4, "c", "cluster_chips", "member_of");
}

/* A node belongs to its innermost group, and a group to the one around
 * it; anonymous subgraphs are only syntax */
static void
test_dot_nested (void)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(CsGraph) graph = import ("nested.dot", &problems);
  const char *expected[] = {
    "11:3: warning: subgraph \"empty_one\" holds no nodes: no group is made of it",
    "2:3: warning: 2 subgraphs made into groups (cluster_outer, cluster_inner): a node of type "
    "consortium each, with a member_of edge from each of its members",
    NULL
  };
  const char *nodes[] = { "x", "y", "z", "w", "p", "q", "r", "s", "cluster_outer",
                          "cluster_inner" };

  assert_problems (problems, expected);
  g_assert_cmpuint (cs_graph_get_n_nodes (graph), ==, G_N_ELEMENTS (nodes));
  for (guint i = 0; i < G_N_ELEMENTS (nodes); i++)
    g_assert_cmpstr (cs_graph_get_node (graph, i)->id, ==, nodes[i]);
  g_assert_cmpstr (node (graph, "cluster_outer")->label, ==, "Outer");
  g_assert_cmpstr (node (graph, "cluster_inner")->label, ==, "Inner");
  /* subgraph attributes that are only syntax are no group's */
  g_assert_null (attribute (node (graph, "cluster_outer")->attributes, "rank"));

  g_assert_cmpuint (cs_graph_get_n_edges (graph), ==, 10);
  assert_edge (graph, 0, "x", "y", "other");
  /* {p q} -- {r s}: each to each */
  assert_edge (graph, 1, "p", "r", "other");
  assert_edge (graph, 2, "p", "s", "other");
  assert_edge (graph, 3, "q", "r", "other");
  assert_edge (graph, 4, "q", "s", "other");
  assert_edge (graph, 5, "x", "cluster_outer", "member_of");
  assert_edge (graph, 6, "y", "cluster_inner", "member_of");
  assert_edge (graph, 7, "z", "cluster_inner", "member_of");
  assert_edge (graph, 8, "w", "cluster_outer", "member_of");
  assert_edge (graph, 9, "cluster_inner", "cluster_outer", "member_of");
}

static void
test_dot_ports_and_names (void)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(CsGraph) graph = import ("ports-names.dot", &problems);
  const char *expected[] = {
    "9:3: warning: syntax ambiguity - badly delimited number '1a' splits into two tokens",
    "3:3: warning: node \"서울\": pos \"not a position\" is not x,y: it is kept as an attribute, "
    "and the layout places the node",
    "6:8: warning: the edge links node \"서울\" to itself",
    "8:6: warning: another edge links \"ab\" -> \"New York\" already (parallel edges)",
    "2:3: warning: 2 node names are not Consortia ids (letters, digits and _ . : -): each gets "
    "an id of its own (\"New York\" is \"New_York\") and keeps its name as its label or an "
    "alias",
    "2:3: warning: 1 HTML label read as its text: the markup is left out",
    NULL
  };
  const char *ids[] = { "New_York", "node-1", "ab", "1", "a", "x" };
  const CsNode *york, *seoul;
  const CsEdge *edge;

  assert_problems (problems, expected);
  g_assert_cmpuint (cs_graph_get_n_nodes (graph), ==, G_N_ELEMENTS (ids));
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_assert_cmpstr (cs_graph_get_node (graph, i)->id, ==, ids[i]);

  york = node (graph, "New_York");
  g_assert_cmpstr (york->label, ==, "Big Apple & co\nNY");
  g_assert_cmpstr (york->aliases[0], ==, "New York");
  g_assert_null (york->aliases[1]);
  seoul = node (graph, "node-1");
  g_assert_cmpstr (seoul->label, ==, "서울");
  g_assert_null (seoul->aliases[0]);
  g_assert_cmpstr (attribute (seoul->attributes, "pos"), ==, "not a position");
  g_assert_false (seoul->has_position);
  /* "a" + "b" is one name, and \N is it */
  g_assert_cmpstr (node (graph, "ab")->label, ==, "ab!");

  g_assert_cmpuint (cs_graph_get_n_edges (graph), ==, 5);
  edge = assert_edge (graph, 0, "New_York", "node-1", "other");
  g_assert_cmpstr (attribute (edge->attributes, "tailport"), ==, "east");
  g_assert_cmpstr (attribute (edge->attributes, "headport"), ==, "w:n");
  assert_edge (graph, 1, "node-1", "node-1", "other");
  edge = assert_edge (graph, 2, "ab", "New_York", "other");
  g_assert_cmpstr (attribute (edge->attributes, "key"), ==, "first");
  edge = assert_edge (graph, 3, "ab", "New_York", "other");
  g_assert_null (attribute (edge->attributes, "key"));
  assert_edge (graph, 4, "a", "x", "other");
}

/* --graph N, and cgraph's lexer kept from handing the rest of one file
 * to the next read */
static void
test_dot_several_graphs (void)
{
  CsImportOptions second = { .graph = 1 };
  CsImportOptions third = { .graph = 2 };
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) first_problems = NULL;
  g_autoptr(CsGraph) first = import ("multi.dot", &first_problems);
  g_autoptr(CsGraph) other = NULL;
  const char *first_expected[] = {
    "1:1: warning: the file holds 2 graphs: this is graph 1 (the command line's --graph N reads "
    "another)",
    NULL
  };
  const char *second_expected[] = {
    "4:1: warning: the file holds 2 graphs: this is graph 2 (the command line's --graph N reads "
    "another)",
    NULL
  };
  g_autoptr(CsGraph) graph = NULL;
  g_autoptr(GError) error = NULL;

  assert_problems (first_problems, first_expected);
  g_assert_cmpuint (cs_graph_get_n_nodes (first), ==, 2);
  g_assert_cmpstr (cs_graph_get_node (first, 0)->id, ==, "a");
  g_assert_null (cs_graph_get_title (first));
  /* cgraph's agmemread() of the next file would give the second graph */
  other = import ("clusters.dot", NULL);
  g_assert_cmpuint (cs_graph_get_n_nodes (other), ==, 6);

  graph = import_with ("multi.dot", &second, &problems);
  assert_problems (problems, second_expected);
  g_assert_cmpstr (cs_graph_get_title (graph), ==, "Second");
  g_assert_cmpuint (cs_graph_get_n_nodes (graph), ==, 3);
  g_assert_cmpuint (cs_graph_get_n_edges (graph), ==, 2);
  assert_edge (graph, 1, "q", "r", "other");

  error = import_error ("multi.dot", &third);
  g_assert_error (error, CS_IMPORT_ERROR, CS_IMPORT_ERROR_OPTION);
  g_assert_true (g_str_has_suffix (error->message,
                                   "multi.dot: there is no graph 3: the file holds 2 graphs"));
  g_clear_error (&error);
  error = import_error ("clusters.dot", &second);
  g_assert_error (error, CS_IMPORT_ERROR, CS_IMPORT_ERROR_OPTION);
  g_assert_true (g_str_has_suffix (error->message,
                                   "there is no graph 2: the file holds one graph"));
}

/* After any of these, cgraph still reads a good file */
static void
assert_cgraph_still_reads (void)
{
  g_autoptr(CsGraph) graph = import_data ("digraph { fine -> well }", "good.dot", NULL);

  g_assert_cmpuint (cs_graph_get_n_nodes (graph), ==, 2);
  g_assert_cmpuint (cs_graph_get_n_edges (graph), ==, 1);
}

static void
test_dot_syntax_errors (void)
{
  const struct
  {
    const char    *data;
    CsImportError  code;
    const char    *message;
  } cases[] = {
    { "digraph {\n  a -> b\n  c -- d\n}\n", CS_IMPORT_ERROR_SYNTAX,
      "3:5: syntax error near '--' (a digraph's edges are written ->, a graph's --)" },
    { "graph {\n  a [label=\"oops]\n  b\n}\n", CS_IMPORT_ERROR_SYNTAX,
      "2:12: this quoted string is never closed (a \" is missing)" },
    /* cgraph counts no line breaks in a quoted string: the place is ours */
    { "graph {\n  a [label=\"two\nlines\"]\n  b -- ]\n}\n", CS_IMPORT_ERROR_SYNTAX,
      "4:8: syntax error near ']'" },
    { "graph {\n  a /* never\n ends\n", CS_IMPORT_ERROR_SYNTAX,
      "2:5: this comment is never closed (*/ is missing)" },
    { "graph { a [label=<<b>x</b>] }", CS_IMPORT_ERROR_SYNTAX,
      "1:18: this HTML string is never closed (a > is missing, or its < and > do not pair)" },
    { "digraph { a -> b ", CS_IMPORT_ERROR_SYNTAX, "1:18: the graph ends before its closing }" },
    { "/* only a comment */ graph", CS_IMPORT_ERROR_SYNTAX,
      "1:22: no DOT graph here (a graph is written graph { … } or digraph { … })" },
    { "digraph { a -> \xff }", CS_IMPORT_ERROR_ENCODING,
      "1:16: invalid UTF-8 (byte 0xff at offset 15); save the file as UTF-8" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("case %u: %s", i, cases[i].message);
      assert_data_error (cases[i].data, -1, "bad.dot", cases[i].code, cases[i].message);
      assert_cgraph_still_reads ();
    }
  {
    /* the second graph's error, at its place in the file */
    const char *two = "graph { a -- b }\ngraph { c -- }";
    CsImportOptions second = { .graph = 1 };
    g_autoptr(GError) error = NULL;
    g_autoptr(CsGraph) graph = cs_import_data_full (two, strlen (two), "two.dot", &second, NULL,
                                                    NULL, &error);

    g_assert_null (graph);
    g_assert_cmpstr (error->message, ==, "two.dot:2:14: syntax error near '}'");
    g_clear_object (&graph);
    g_clear_error (&error);
    second.graph = 0;
    graph = cs_import_data_full (two, strlen (two), "two.dot", &second, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (cs_graph_get_n_edges (graph), ==, 1);
  }
  {
    g_autoptr(GError) error = import_error ("bad-syntax.dot", NULL);

    g_assert_true (g_str_has_suffix (error->message, "bad-syntax.dot:3:5: syntax error near '--' "
                                                     "(a digraph's edges are written ->, a "
                                                     "graph's --)"));
  }
  {
    g_autoptr(GError) error = import_error ("unterminated.dot", NULL);

    g_assert_true (g_str_has_suffix (error->message, "unterminated.dot:2:12: this quoted string "
                                                     "is never closed (a \" is missing)"));
  }
}

/* What would take cgraph too much memory, time or parser stack is refused
 * before cgraph sees it, at its place; cgraph reads on afterwards */
static void
test_dot_bounds (void)
{
  g_autoptr(GString) pairs = g_string_new ("digraph {\n{");
  g_autoptr(GString) deep = g_string_new ("graph {");
  g_autoptr(GString) chain = g_string_new ("digraph { a0");
  g_autoptr(GString) values = g_string_new ("digraph {");
  g_autoptr(GString) members = g_string_new ("graph {");
  g_autofree char *message = NULL;

  /* {1001 nodes} -> {1000 nodes}: 1,001,000 edges from 11 kB */
  for (guint i = 0; i < 1001; i++)
    g_string_append_printf (pairs, " a%u", i);
  g_string_append (pairs, " }\n -> {");
  for (guint i = 0; i < 1000; i++)
    g_string_append_printf (pairs, " b%u", i);
  g_string_append (pairs, " }\n}");
  message = g_strdup_printf ("3:2: the edges made up to here are more than %d, the most "
                             "Consortia reads from a DOT graph (an edge between two subgraphs "
                             "stands for an edge from each node of the first to each node of "
                             "the second)",
                             CS_DOT_MAX_EDGES);
  assert_data_error (pairs->str, -1, "pairs.dot", CS_IMPORT_ERROR_TOO_LARGE, message);
  assert_cgraph_still_reads ();

  for (guint i = 0; i < CS_DOT_MAX_DEPTH + 1; i++)
    g_string_append (deep, " {");
  g_string_append (deep, " x }");
  g_clear_pointer (&message, g_free);
  message = g_strdup_printf ("1:%d: subgraphs nested deeper than %d levels",
                             8 + 2 * CS_DOT_MAX_DEPTH + 1, CS_DOT_MAX_DEPTH);
  assert_data_error (deep->str, -1, "deep.dot", CS_IMPORT_ERROR_TOO_DEEP, message);
  assert_cgraph_still_reads ();

  /* 2,500 links overflow bison's stack in cgraph, which then stays broken */
  for (guint i = 1; i < 2500; i++)
    g_string_append_printf (chain, " -> a%u", i);
  g_string_append (chain, " }");
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(CsGraph) graph = cs_import_data (chain->str, chain->len, "chain.dot", NULL, NULL,
                                               &error);

    g_assert_null (graph);
    g_assert_error (error, CS_IMPORT_ERROR, CS_IMPORT_ERROR_TOO_DEEP);
    g_assert_nonnull (strstr (error->message, "this statement is too long for Graphviz's "
                                              "parser: an edge chain (a -> b -> c …) of more "
                                              "than about 1500 links"));
  }
  assert_cgraph_still_reads ();
  /* a long chain that fits is read */
  {
    g_autoptr(GString) fits = g_string_new ("digraph { a0");
    g_autoptr(CsGraph) graph = NULL;

    for (guint i = 1; i < 1200; i++)
      g_string_append_printf (fits, " -> a%u", i);
    g_string_append (fits, " }");
    graph = import_data (fits->str, "fits.dot", NULL);
    g_assert_cmpuint (cs_graph_get_n_edges (graph), ==, 1199);
  }

  /* 20,000 attribute names declared for 2,000 nodes: 40 million values */
  for (guint i = 0; i < 2000; i++)
    g_string_append_printf (values, " n%u;", i);
  g_string_append (values, "\n n0 [");
  for (guint i = 0; i < 20000; i++)
    g_string_append_printf (values, " k%u=1", i);
  g_string_append (values, " ] }");
  g_clear_pointer (&message, g_free);
  message = g_strdup_printf ("1:1: the graph's attributes would take more than %d values (20000 "
                             "node attributes for 2000 nodes, 0 edge attributes for 0 edges), "
                             "the most Consortia reads from a DOT graph",
                             CS_DOT_MAX_VALUES);
  assert_data_error (values->str, -1, "values.dot", CS_IMPORT_ERROR_TOO_LARGE, message);

  /* a node in 100 nested subgraphs, mentioned 50,000 times: 5,000,000
   * times in a subgraph at most */
  for (guint i = 0; i < 100; i++)
    g_string_append (members, " {");
  for (guint i = 0; i < 50000; i++)
    g_string_append (members, " n");
  for (guint i = 0; i < 100; i++)
    g_string_append (members, " }");
  g_string_append (members, " }");
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(CsGraph) graph = cs_import_data (members->str, members->len, "members.dot", NULL,
                                               NULL, &error);
    g_autofree char *text = g_strdup_printf ("subgraphs hold nodes and edges more than %d times "
                                             "over here, the most Consortia reads from a DOT "
                                             "graph",
                                             CS_DOT_MAX_MEMBERSHIPS);

    g_assert_null (graph);
    g_assert_error (error, CS_IMPORT_ERROR, CS_IMPORT_ERROR_TOO_LARGE);
    g_assert_true (g_str_has_suffix (error->message, text));
  }
  assert_cgraph_still_reads ();
}

/* One DOT file at a time gets cgraph: the others wait, and each reads its
 * own graph */
static gpointer
read_in_thread (gpointer data)
{
  g_autofree char *path = fixture (data);

  for (guint i = 0; i < 20; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CsGraph) graph = cs_import_file (path, NULL, NULL, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (cs_graph_get_n_nodes (graph), ==,
                        g_str_equal (data, "clusters.dot") ? 6 : 10);
    }
  return NULL;
}

static void
test_dot_threads (void)
{
  GThread *threads[4];

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("dot", read_in_thread, i % 2 ? "clusters.dot" : "nested.dot");
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_thread_join (threads[i]);
}

/* Bytes changed at random in each fixture: an error or a graph, never a
 * crash, a hang or a warning; cgraph reads on after all of them */
static void
test_dot_mangled (void)
{
  const char *names[] = { "clusters.dot", "nested.dot", "ports-names.dot", "multi.dot" };
  const char alphabet[] = "{}[]<>\"\\;,=-:@#/*+\n ab1";
  GRand *rand = g_rand_new_with_seed (12);
  guint n_graphs = 0, n_errors = 0;

  for (guint f = 0; f < G_N_ELEMENTS (names); f++)
    {
      g_autofree char *path = fixture (names[f]);
      g_autofree char *original = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (path, &original, &length, NULL));
      for (guint round = 0; round < 150; round++)
        {
          g_autofree char *data = g_strdup (original);
          g_autoptr(GError) error = NULL;
          g_autoptr(CsGraph) graph = NULL;

          for (guint k = 0; k < 1 + round % 4; k++)
            data[g_rand_int_range (rand, 0, length)] =
                alphabet[g_rand_int_range (rand, 0, sizeof alphabet - 1)];
          graph = cs_import_data (data, length, "mangled.dot", NULL, NULL, &error);
          g_assert_true ((graph == NULL) != (error == NULL));
          n_graphs += graph != NULL;
          n_errors += error != NULL;
        }
    }
  g_rand_free (rand);
  g_test_message ("%u graphs, %u errors", n_graphs, n_errors);
  g_assert_cmpuint (n_graphs, >, 0);
  g_assert_cmpuint (n_errors, >, 0);
  assert_cgraph_still_reads ();
}

/* The DOT file of Gephi's importer tests, read where it is */
static void
test_dot_gephi_subgraph (void)
{
  const char *root = g_getenv ("CONSORTIA_TESTDATA");
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CsGraph) graph = NULL;
  const CsEdge *edge;

  g_assert_nonnull (root);
  path = g_build_filename (root, "gephi", "importer_tests", "dot_subgraph.dot", NULL);
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_test_fail_printf ("%s is missing: the shared test files are read from "
                          "CONSORTIA_TESTDATA (%s)",
                          path, root);
      return;
    }
  graph = cs_import_file (path, NULL, &problems, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpstr (((CsProblem *)g_ptr_array_index (problems, 0))->message, ==,
                   "1 subgraph made into a group (cluster_0): a node of type consortium, with a "
                   "member_of edge from each of its members");
  g_assert_cmpuint (((CsProblem *)g_ptr_array_index (problems, 0))->line, ==, 2);
  g_assert_cmpuint (cs_graph_get_n_nodes (graph), ==, 3);
  g_assert_cmpstr (attribute (node (graph, "n0")->attributes, "foo"), ==, "a");
  g_assert_cmpstr (attribute (node (graph, "n1")->attributes, "foo"), ==, "b");
  g_assert_cmpstr (type_of (graph, "cluster_0"), ==, "consortium");
  g_assert_cmpuint (cs_graph_count_type (graph, CS_NODE_TYPE_CONSORTIUM), ==, 1);
  g_assert_cmpuint (cs_graph_get_n_edges (graph), ==, 3);
  edge = assert_edge (graph, 0, "n0", "n1", "other");
  g_assert_cmpuint (edge->attributes->len, ==, 0);
  assert_edge (graph, 1, "n0", "cluster_0", "member_of");
  assert_edge (graph, 2, "n1", "cluster_0", "member_of");
}

static const char *
sniffed (const char *data,
         const char *filename)
{
  g_autoptr(CsImporter) importer = cs_importer_new_for_data (data, strlen (data), filename);
  static char name[32];

  if (importer == NULL)
    return NULL;
  g_strlcpy (name, cs_importer_get_name (importer), sizeof name);
  return name;
}

static void
test_sniff (void)
{
  /* DOT by its content, whatever the name */
  g_assert_cmpstr (sniffed ("digraph g { a -> b }", NULL), ==, "dot");
  g_assert_cmpstr (sniffed ("\xef\xbb\xbf/* c */ # x\n strict Graph \"n m\" {}", "x.txt"), ==,
                   "dot");
  g_assert_cmpstr (sniffed ("graph{}", "x.csv"), ==, "dot");
  /* GML starts with graph too: not DOT, the GML importer's */
  g_assert_cmpstr (sniffed ("graph [ node [ id 1 ] ]", NULL), ==, "gml");
  /* a CSV edge list by a header naming the ends; by the extension else */
  g_assert_cmpstr (sniffed ("Source;Target;Weight\na;b;1\n", NULL), ==, "csv");
  g_assert_cmpstr (sniffed ("from\tto\nx\ty\n", "edges.txt"), ==, "csv");
  g_assert_null (sniffed ("a,b\nb,c\n", NULL));
  g_assert_null (sniffed ("a,b\nb,c\n", "notes.txt"));
  g_assert_cmpstr (sniffed ("a,b\nb,c\n", "edges.csv"), ==, "csv");
  g_assert_cmpstr (sniffed ("a\tb\n", "edges.TSV"), ==, "csv");
  /* JSON and XML are never CSV */
  g_assert_cmpstr (sniffed ("{\"source\": 1}", "x.csv"), ==, "consortia");
  g_assert_null (sniffed ("[\"source,target\"]", NULL));
  g_assert_cmpstr (sniffed ("<graphml>source,target</graphml>", NULL), ==, "graphml");
  g_assert_null (sniffed ("  [1, 2]", NULL));
  assert_data_error ("[\"source\", \"target\"]", -1, "list.csv", CS_IMPORT_ERROR_FORMAT,
                     "1:1: this is JSON, not a CSV table");
  /* the GraphML importer's, whatever the name, which says what is wrong */
  assert_data_error ("\n<?xml version=\"1.0\"?><graphml/>", -1, "g.tsv", CS_IMPORT_ERROR_SYNTAX,
                     "2:6: not well-formed XML: XML declaration allowed only at the start of the "
                     "document");
}

/* CSV */

static void
test_csv_comma (void)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(CsGraph) graph = import ("edges-comma.csv", &problems);
  const char *expected[] = {
    "5:1: warning: the edge links node \"carol\" to itself",
    "6:1: warning: another row links \"alice\" to \"bob\" already (parallel edges)",
    "7:6: warning: empty target: the row is left out",
    NULL
  };
  const CsEdge *edge;

  assert_problems (problems, expected);
  g_assert_cmpstr (cs_graph_get_source_format (graph), ==, "csv");
  g_assert_cmpuint (cs_graph_get_n_nodes (graph), ==, 3);
  g_assert_cmpstr (node (graph, "alice")->label, ==, "alice");
  g_assert_cmpstr (type_of (graph, "alice"), ==, "other");
  g_assert_cmpuint (cs_graph_get_n_edges (graph), ==, 4);

  edge = assert_edge (graph, 0, "alice", "bob", "partner_of");
  g_assert_cmpstr (edge->role, ==, "joint lab");
  g_assert_cmpstr (attribute (edge->attributes, "weight"), ==, "1.5");
  /* a quoted field across lines */
  g_assert_cmpstr (attribute (edge->attributes, "note"), ==, "first line\nsecond line");
  g_assert_cmpuint (edge->attributes->len, ==, 2);
  /* "Member Of" is the word member_of */
  edge = assert_edge (graph, 1, "bob", "carol", "member_of");
  g_assert_null (edge->role);
  g_assert_cmpstr (attribute (edge->attributes, "note"), ==, "a, b");
  edge = assert_edge (graph, 2, "carol", "carol", "other");
  g_assert_cmpuint (edge->attributes->len, ==, 0);
  edge = assert_edge (graph, 3, "alice", "bob", "other");
  g_assert_cmpstr (edge->role, ==, "again");
}

static void
test_csv_semicolon_and_tab (void)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(CsGraph) semicolon = import ("edges-semicolon.csv", &problems);
  g_autoptr(GPtrArray) tab_problems = NULL;
  g_autoptr(CsGraph) tab = import ("edges.tsv", &tab_problems);
  const CsEdge *edge;

  /* decimal commas inside: semicolons split every row the same */
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpuint (cs_graph_get_n_edges (semicolon), ==, 3);
  edge = assert_edge (semicolon, 0, "a", "b", "other");
  g_assert_cmpstr (attribute (edge->attributes, "column3"), ==, "1,5");
  edge = assert_edge (semicolon, 2, "c", "a", "other");
  g_assert_cmpstr (attribute (edge->attributes, "column3"), ==, "3");

  g_assert_cmpuint (tab_problems->len, ==, 0);
  g_assert_cmpuint (cs_graph_get_n_nodes (tab), ==, 3);
  edge = assert_edge (tab, 0, "x", "y", "other");
  g_assert_cmpstr (attribute (edge->attributes, "kind"), ==, "a");
  edge = assert_edge (tab, 1, "y", "z", "other");
  g_assert_cmpuint (edge->attributes->len, ==, 0);
}

static void
test_csv_header (void)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(CsGraph) none = import ("no-header.csv", &problems);
  g_autoptr(GPtrArray) numeric_problems = NULL;
  g_autoptr(CsGraph) numeric = import ("header-numeric.csv", &numeric_problems);
  g_autoptr(GPtrArray) crlf_problems = NULL;
  g_autoptr(CsGraph) crlf = import_data ("\xef\xbb\xbf" "SOURCE , Target\r\n\"a\",b\r\nb,c",
                                         "crlf.csv", &crlf_problems);
  g_autoptr(CsGraph) recurring = import_data ("a,b\nb,c\n", "r.csv", NULL);
  const char *expected[] = {
    "1:1: warning: no header row (no columns named source and target, or from and to): the "
    "first row is read as an edge",
    NULL
  };

  assert_problems (problems, expected);
  g_assert_cmpuint (cs_graph_get_n_edges (none), ==, 2);
  assert_edge (none, 0, "p1", "p2", "other");

  /* a column of numbers under a word */
  g_assert_cmpuint (numeric_problems->len, ==, 0);
  g_assert_cmpuint (cs_graph_get_n_edges (numeric), ==, 2);
  g_assert_cmpstr (attribute (cs_graph_get_edge (numeric, 0)->attributes, "weight"), ==, "1");

  /* a byte order mark, CRLF, spaces and case around the names */
  g_assert_cmpuint (crlf_problems->len, ==, 0);
  g_assert_cmpuint (cs_graph_get_n_edges (crlf), ==, 2);
  assert_edge (crlf, 1, "b", "c", "other");

  /* the first row's ends come back: an edge, said nothing of */
  g_assert_cmpuint (cs_graph_get_n_edges (recurring), ==, 2);
}

static void
test_csv_node_table (void)
{
  g_autofree char *nodes_path = fixture ("join-nodes.csv");
  CsImportOptions options = { .nodes_path = nodes_path };
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(CsGraph) graph = import_with ("join-edges.csv", &options, &problems);
  const char *expected[] = {
    "join-nodes.csv:5:1: warning: duplicate id \"n1\": the first row with it is kept, this one "
    "left out",
    "join-nodes.csv:6:1: warning: no id in column \"Id\": the row is left out",
    NULL,
    "join-nodes.csv:3:4: warning: node \"n2\" has no Label: its id is shown",
    "join-nodes.csv:4:40: warning: node \"n3\": x \"5\" and y \"abc\" are not a position: they "
    "are kept as attributes, and the layout places the node",
    NULL
  };
  g_autofree char *unknown = g_strdup_printf ("4:4: warning: unknown node \"ghost\" (not in %s): "
                                              "a node is made of it",
                                              nodes_path);
  const CsNode *n1, *n2, *n3, *ghost;
  const CsEdge *edge;

  expected[2] = unknown;
  assert_problems (problems, expected);
  g_assert_cmpuint (cs_graph_get_n_nodes (graph), ==, 4);
  n1 = cs_graph_get_node (graph, 0);
  g_assert_cmpstr (n1->id, ==, "n1");
  g_assert_cmpstr (n1->label, ==, "Samsung Electronics");
  g_assert_cmpstr (type_of (graph, "n1"), ==, "company");
  g_assert_true (n1->has_position);
  g_assert_cmpfloat (n1->x, ==, 10);
  g_assert_cmpfloat (n1->y, ==, 20);
  g_assert_cmpstr (attribute (n1->attributes, "sector"), ==, "chips");
  g_assert_cmpuint (n1->attributes->len, ==, 1);
  n2 = cs_graph_get_node (graph, 1);
  g_assert_cmpstr (n2->label, ==, "n2");
  g_assert_cmpstr (type_of (graph, "n2"), ==, "university");
  n3 = cs_graph_get_node (graph, 2);
  g_assert_cmpstr (n3->label, ==, "KAIST, Daejeon");
  g_assert_cmpstr (type_of (graph, "n3"), ==, "research_institute");
  g_assert_false (n3->has_position);
  g_assert_cmpstr (attribute (n3->attributes, "x"), ==, "5");
  g_assert_cmpstr (attribute (n3->attributes, "y"), ==, "abc");
  ghost = cs_graph_get_node (graph, 3);
  g_assert_cmpstr (ghost->id, ==, "ghost");
  g_assert_cmpstr (type_of (graph, "ghost"), ==, "other");

  g_assert_cmpuint (cs_graph_get_n_edges (graph), ==, 3);
  /* Gephi's Type column is an attribute: only "relation" is the relation */
  edge = assert_edge (graph, 0, "n1", "n2", "other");
  g_assert_cmpstr (attribute (edge->attributes, "Type"), ==, "Directed");
  g_assert_cmpstr (attribute (edge->attributes, "Weight"), ==, "1");
  assert_edge (graph, 2, "n3", "ghost", "other");
}

static void
test_csv_missing_columns (void)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(CsGraph) graph = import ("missing-columns.csv", &problems);
  const char *expected[] = {
    "3:1: warning: 3 fields, the header has 4: the missing ones are left empty",
    "4:1: warning: 1 field, the header has 4: no target here, the row is left out",
    "5:12: warning: 5 fields, the header has 4: the last one is left out",
    NULL
  };
  const CsEdge *edge;

  assert_problems (problems, expected);
  g_assert_cmpuint (cs_graph_get_n_nodes (graph), ==, 5);
  g_assert_cmpuint (cs_graph_get_n_edges (graph), ==, 3);
  edge = assert_edge (graph, 1, "b", "c", "other");
  g_assert_cmpstr (attribute (edge->attributes, "weight"), ==, "2");
  g_assert_null (attribute (edge->attributes, "color"));
  edge = assert_edge (graph, 2, "d", "e", "other");
  g_assert_cmpstr (attribute (edge->attributes, "color"), ==, "blue");
  g_assert_cmpuint (edge->attributes->len, ==, 2);
}

static void
test_csv_errors (void)
{
  g_autofree char *missing = fixture ("no-such-nodes.csv");
  CsImportOptions no_nodes = { .nodes_path = missing };
  CsImportOptions second = { .graph = 1 };
  g_autoptr(GError) error = NULL;

  error = import_error ("one-column.csv", NULL);
  g_assert_error (error, CS_IMPORT_ERROR, CS_IMPORT_ERROR_MISSING);
  g_assert_true (g_str_has_suffix (error->message, "one-column.csv:1:1: an edge list needs two "
                                                   "columns, the source and the target of each "
                                                   "edge; with the delimiter \",\" this file has "
                                                   "one"));
  g_clear_error (&error);
  error = import_error ("unterminated.csv", NULL);
  g_assert_error (error, CS_IMPORT_ERROR, CS_IMPORT_ERROR_SYNTAX);
  g_assert_true (g_str_has_suffix (error->message, "unterminated.csv:2:3: this quoted field is "
                                                   "never closed: the rest of the file would be "
                                                   "in it"));
  g_clear_error (&error);
  error = import_error ("edges.tsv", &no_nodes);
  g_assert_error (error, CS_IMPORT_ERROR, CS_IMPORT_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "cannot read the node table: "));
  g_assert_nonnull (strstr (error->message, "no-such-nodes.csv"));
  g_clear_error (&error);
  error = import_error ("edges.tsv", &second);
  g_assert_error (error, CS_IMPORT_ERROR, CS_IMPORT_ERROR_OPTION);
  g_assert_true (g_str_has_suffix (error->message, "there is no graph 2: a CSV edge list holds "
                                                   "one graph"));
  assert_data_error ("a,b\n\xc0\xafx,y\n", -1, "bad.csv", CS_IMPORT_ERROR_ENCODING,
                     "2:1: invalid UTF-8 (byte 0xc0 at offset 4); save the file as UTF-8");
  assert_data_error ("\xff\xfe" "a\0,\0b\0", 8, "utf16.csv", CS_IMPORT_ERROR_ENCODING,
                     "1:1: the file is UTF-16 encoded; save it as UTF-8");
}

/* Names that are not ids of ours get ids, and keep their names */
static void
test_csv_ids (void)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(CsGraph) graph = import ("korean.csv", &problems);
  const char *expected[] = {
    "2:1: warning: 3 node names are not Consortia ids (letters, digits and _ . : -): each gets an "
    "id of its own (\"삼성전자\" is \"node-1\") and keeps its name as its label or an alias",
    NULL
  };
  const CsNode *seoul;

  assert_problems (problems, expected);
  g_assert_cmpstr (node (graph, "node-1")->label, ==, "삼성전자");
  g_assert_cmpstr (node (graph, "SK")->label, ==, "SK하이닉스");
  seoul = node (graph, "Seoul_National_University");
  g_assert_cmpstr (seoul->label, ==, "Seoul National University");
  /* the label says the name already */
  g_assert_null (seoul->aliases[0]);
  g_assert_cmpstr (cs_graph_get_edge (graph, 0)->role, ==, "메모리");
  assert_edge (graph, 1, "SK", "Seoul_National_University", "other");
}

/* Many warnings of a kind: the first hundred listed, the rest counted */
static void
test_csv_many_warnings (void)
{
  g_autoptr(GString) data = g_string_new ("source,target\n");
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(CsGraph) graph = NULL;
  const CsProblem *last;

  for (guint i = 0; i < 150; i++)
    g_string_append_printf (data, "n%u,n%u\n", i, i);
  graph = import_data (data->str, "loops.csv", &problems);
  g_assert_cmpuint (cs_graph_get_n_edges (graph), ==, 150);
  g_assert_cmpuint (problems->len, ==, CS_IMPORT_WARNINGS_PER_KIND + 1);
  last = g_ptr_array_index (problems, problems->len - 1);
  g_assert_cmpstr (last->message, ==, "50 more self-loops are not listed");
  g_assert_cmpuint (((CsProblem *)g_ptr_array_index (problems, 99))->line, ==, 101);
}

/* Each file read, written as a Consortia graph and read again: every node,
 * edge, attribute, label, type, alias and position is there */
static void
test_round_trip (void)
{
  g_autofree char *nodes_path = fixture ("join-nodes.csv");
  const struct
  {
    const char *name;
    const char *nodes;
    guint       graph;
  } files[] = {
    { "clusters.dot" }, { "nested.dot" },         { "ports-names.dot" },
    { "multi.dot", NULL, 1 },                     { "edges-comma.csv" },
    { "edges-semicolon.csv" },                    { "edges.tsv" },
    { "no-header.csv" }, { "missing-columns.csv" }, { "korean.csv" },
    { "join-edges.csv", nodes_path },
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      CsImportOptions options = { .graph = files[i].graph, .nodes_path = files[i].nodes };
      g_autoptr(CsGraph) graph = import_with (files[i].name, &options, NULL);
      g_autoptr(GBytes) bytes = cs_consortia_writer_to_bytes (graph, NULL, NULL, NULL, -1, NULL);
      g_autoptr(GPtrArray) problems = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(CsGraph) again = NULL;

      g_test_message ("%s", files[i].name);
      again = cs_import_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                              "again.json", NULL, &problems, &error);
      g_assert_no_error (error);
      /* our format warns of self-loops too, and of nothing else here */
      for (guint k = 0; k < problems->len; k++)
        g_assert_true (g_str_has_suffix (((CsProblem *)g_ptr_array_index (problems, k))->message,
                                         "to itself"));
      g_assert_cmpstr (cs_graph_get_source_format (again), ==, "consortia");
      cs_test_assert_same_graph (graph, again, TRUE);
    }

  /* names that are empty, long or only punctuation */
  {
    g_autoptr(GString) dot = g_string_new ("digraph { \"\" -> \"!!\" -> \"-x-\"; subgraph \"\" { q } ");
    g_autoptr(CsGraph) graph = NULL;
    g_autoptr(GBytes) bytes = NULL;
    g_autoptr(GError) error = NULL;
    g_autoptr(CsGraph) again = NULL;

    g_string_append_c (dot, '"');
    for (guint i = 0; i < 300; i++)
      g_string_append_c (dot, 'a' + i % 26);
    g_string_append (dot, "\" }");
    graph = import_data (dot->str, "names.dot", NULL);
    g_assert_cmpuint (cs_graph_get_n_nodes (graph), ==, 6);
    g_assert_cmpstr (cs_graph_get_node (graph, 0)->id, ==, "node-1");
    g_assert_cmpstr (cs_graph_get_node (graph, 0)->label, ==, "node-1");
    g_assert_cmpstr (cs_graph_get_node (graph, 1)->id, ==, "node-2");
    g_assert_cmpstr (cs_graph_get_node (graph, 1)->label, ==, "!!");
    g_assert_cmpstr (cs_graph_get_node (graph, 2)->id, ==, "x-");
    g_assert_cmpuint (strlen (cs_graph_get_node (graph, 4)->id), <=, 200);
    g_assert_cmpstr (cs_graph_get_node (graph, 5)->id, ==, "node-3");
    g_assert_cmpstr (type_of (graph, "node-3"), ==, "consortium");
    bytes = cs_consortia_writer_to_bytes (graph, NULL, NULL, NULL, -1, NULL);
    again = cs_import_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "n.json",
                            NULL, NULL, &error);
    g_assert_no_error (error);
    cs_test_assert_same_graph (graph, again, TRUE);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cs/import-dot-csv/dot/clusters", test_dot_clusters);
  g_test_add_func ("/cs/import-dot-csv/dot/nested", test_dot_nested);
  g_test_add_func ("/cs/import-dot-csv/dot/ports-and-names", test_dot_ports_and_names);
  g_test_add_func ("/cs/import-dot-csv/dot/several-graphs", test_dot_several_graphs);
  g_test_add_func ("/cs/import-dot-csv/dot/syntax-errors", test_dot_syntax_errors);
  g_test_add_func ("/cs/import-dot-csv/dot/bounds", test_dot_bounds);
  g_test_add_func ("/cs/import-dot-csv/dot/threads", test_dot_threads);
  g_test_add_func ("/cs/import-dot-csv/dot/mangled", test_dot_mangled);
  g_test_add_func ("/cs/import-dot-csv/dot/gephi-subgraph", test_dot_gephi_subgraph);
  g_test_add_func ("/cs/import-dot-csv/sniff", test_sniff);
  g_test_add_func ("/cs/import-dot-csv/csv/comma", test_csv_comma);
  g_test_add_func ("/cs/import-dot-csv/csv/semicolon-and-tab", test_csv_semicolon_and_tab);
  g_test_add_func ("/cs/import-dot-csv/csv/header", test_csv_header);
  g_test_add_func ("/cs/import-dot-csv/csv/node-table", test_csv_node_table);
  g_test_add_func ("/cs/import-dot-csv/csv/missing-columns", test_csv_missing_columns);
  g_test_add_func ("/cs/import-dot-csv/csv/errors", test_csv_errors);
  g_test_add_func ("/cs/import-dot-csv/csv/ids", test_csv_ids);
  g_test_add_func ("/cs/import-dot-csv/csv/many-warnings", test_csv_many_warnings);
  g_test_add_func ("/cs/import-dot-csv/round-trip", test_round_trip);

  return g_test_run ();
}
