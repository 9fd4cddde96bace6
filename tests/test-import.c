/* test-import.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-consortia-writer.h"
#include "cs-import.h"
#include "cs-importer.h"
#include "test-support.h"

#include <json-glib/json-glib.h>

#include <glib/gstdio.h>

typedef struct
{
  const char         *file;
  CsImportError  code;
  const char         *message; /* the whole first error, after the file name */
} BadCase;

/* Each bad input fails with its own code and a message that says where. */
static const BadCase bad_cases[] = {
  { "not-json.json", CS_IMPORT_ERROR_SYNTAX,
    "1:4: not valid JSON: unexpected identifier `this', expected value" },
  { "empty.json", CS_IMPORT_ERROR_EMPTY, "the file is empty" },
  { "whitespace.json", CS_IMPORT_ERROR_EMPTY, "the file is empty" },
  { "root-array.json", CS_IMPORT_ERROR_ROOT,
    "1:1: expected a Consortia graph object at the top level, found an array" },
  { "missing-format.json", CS_IMPORT_ERROR_FORMAT,
    "1:1: not a Consortia graph: missing \"format\": \"consortia-graph\"" },
  { "wrong-format.json", CS_IMPORT_ERROR_FORMAT,
    "2:13: format: not a Consortia graph: expected \"consortia-graph\"" },
  { "future-version.json", CS_IMPORT_ERROR_VERSION,
    "3:14: version: format version 2 is not supported (this Consortia reads version 1)" },
  { "missing-nodes.json", CS_IMPORT_ERROR_MISSING, "1:1: missing \"nodes\"" },
  { "nodes-not-array.json", CS_IMPORT_ERROR_TYPE,
    "4:12: nodes: expected an array, found an object" },
  { "missing-id.json", CS_IMPORT_ERROR_MISSING, "6:5: nodes[1]: missing \"id\"" },
  { "empty-id.json", CS_IMPORT_ERROR_VALUE, "5:12: nodes[0].id: must not be empty" },
  { "duplicate-id.json", CS_IMPORT_ERROR_DUPLICATE_ID,
    "7:12: nodes[2].id: duplicate id \"a\" (first used by nodes[0])" },
  { "dangling-edge.json", CS_IMPORT_ERROR_UNKNOWN_NODE,
    "8:31: edges[0].target: unknown node \"q\"" },
  { "label-not-string.json", CS_IMPORT_ERROR_TYPE,
    "5:26: nodes[0].label: expected a string, found a number" },
  { "bad-type.json", CS_IMPORT_ERROR_VALUE,
    "5:39: nodes[0].type: invalid type \"Start Up\" (use lower-case snake_case, like "
    "research_institute)" },
  { "non-finite.json", CS_IMPORT_ERROR_NON_FINITE,
    "5:55: nodes[0].x: number is too large to be finite" },
  { "x-without-y.json", CS_IMPORT_ERROR_MISSING,
    "5:5: nodes[0]: \"x\" is given without \"y\"" },
  { "pinned-without-position.json", CS_IMPORT_ERROR_MISSING,
    "5:60: nodes[0].pinned: a pinned node needs \"x\" and \"y\"" },
  { "invalid-utf8.json", CS_IMPORT_ERROR_ENCODING,
    "5:28: invalid UTF-8 (byte 0xff at offset 89)" },
  /* the offset counts the byte order mark, the column does not */
  { "bom-invalid-utf8.json", CS_IMPORT_ERROR_ENCODING,
    "1:78: invalid UTF-8 (byte 0xff at offset 80)" },
  { "utf16.json", CS_IMPORT_ERROR_ENCODING,
    "1:1: the file is UTF-16 encoded; save it as UTF-8" },
  { "nul-byte.json", CS_IMPORT_ERROR_ENCODING,
    "the file contains a NUL byte at offset 65 (UTF-16 or UTF-32 text, or not a text file); save "
    "it as UTF-8" },
  { "deep-nesting.json", CS_IMPORT_ERROR_TOO_DEEP, "5:581: nesting deeper than 512 levels" },
  { "trailing-comma.json", CS_IMPORT_ERROR_SYNTAX,
    "5:49: not valid JSON: unexpected character `,', expected character `]'" },
  { "truncated.json", CS_IMPORT_ERROR_SYNTAX,
    "5:43: not valid JSON: scanner: unterminated string constant" },
  { "unknown-member.json", CS_IMPORT_ERROR_UNKNOWN_MEMBER,
    "5:26: nodes[0].lable: unknown member \"lable\"" },
  { "bad-date.json", CS_IMPORT_ERROR_VALUE,
    "4:21: graph.date: \"2025-13-01\" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)" },
  { "bad-relation.json", CS_IMPORT_ERROR_VALUE,
    "9:48: edges[0].relation: invalid relation \"Member Of\" (use lower-case snake_case, like "
    "member_of)" },
  { "unknown-source.json", CS_IMPORT_ERROR_UNKNOWN_SOURCE,
    "6:62: nodes[0].sources[0]: unknown source \"001.txt\" (not listed in graph.sources)" },
  { "seed-negative.json", CS_IMPORT_ERROR_VALUE,
    "4:32: graph.layout.seed: seed -3 is outside 0…4294967295" },
  { "empty-claims.json", CS_IMPORT_ERROR_VALUE,
    "5:72: nodes[0].attributes.gpu: a list of claims must not be empty" },
  { "until-before-date.json", CS_IMPORT_ERROR_VALUE,
    "6:46: nodes[0].events[0].until: \"2025-07-31\" is before the event's date \"2025-08\"" },
  { "negative-count.json", CS_IMPORT_ERROR_VALUE,
    "6:47: nodes[0].events[0].count: count -15 is outside 0…2147483647" },
  { "bad-stage.json", CS_IMPORT_ERROR_VALUE,
    "6:27: nodes[0].events[0].stage: invalid stage \"Document Review\" (use lower-case "
    "snake_case, like passed_document_review)" },
  { "many-problems.json", CS_IMPORT_ERROR_DUPLICATE_ID,
    "6:12: nodes[1].id: duplicate id \"a\" (first used by nodes[0]) (and 2 more problems)" },
};

static void
test_bad_file (gconstpointer data)
{
  const BadCase *bad = data;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "bad", bad->file, NULL);
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *expected = g_strdup_printf (
      "%s%s%s", display, g_ascii_isdigit (bad->message[0]) ? ":" : ": ", bad->message);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CsGraph) graph = NULL;

  graph = cs_import_file (path, NULL, &problems, &error);
  g_assert_null (graph);
  g_assert_error (error, CS_IMPORT_ERROR, (int)bad->code);
  g_assert_cmpstr (error->message, ==, expected);
  g_assert_nonnull (problems);
  g_assert_cmpuint (problems->len, >=, 1);
}

static void
test_all_problems_listed (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "bad", "many-problems.json",
                                                 NULL);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CsGraph) graph = cs_import_file (path, NULL, &problems, &error);
  const CsProblem *third;

  g_assert_null (graph);
  g_assert_cmpuint (problems->len, ==, 3);
  third = g_ptr_array_index (problems, 2);
  g_assert_cmpint (third->code, ==, CS_IMPORT_ERROR_UNKNOWN_NODE);
  g_assert_cmpstr (third->path, ==, "edges[0].target");
  g_assert_cmpuint (third->line, ==, 10);
  g_assert_cmpuint (third->column, ==, 31);
}

static void
test_missing_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CsGraph) graph = cs_import_file ("/nonexistent/graph.json", NULL, NULL, &error);

  g_assert_null (graph);
  g_assert_error (error, CS_IMPORT_ERROR, CS_IMPORT_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "/nonexistent/graph.json"));
}

/* Columns count characters, not bytes, so Hangul before a problem does not
 * push the column off. */
static void
test_column_counts_characters (void)
{
  const char *data =
    "{\"format\": \"consortia-graph\", \"version\": 1, \"nodes\": [\n"
    "{\"id\": \"kr\", \"label\": \"가나다\", \"type\": 7}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr (CsGraph)
      graph = cs_import_data (data, strlen (data), "mem.json", NULL, NULL, &error);

  g_assert_null (graph);
  g_assert_error (error, CS_IMPORT_ERROR, CS_IMPORT_ERROR_TYPE);
  /* {"id": "kr", "label": "가나다", "type": 7 → the 7 is character 38, byte 44 */
  g_assert_cmpstr (error->message, ==,
                   "mem.json:2:38: nodes[0].type: expected a string, found a number");
}

static void
test_bom_accepted (void)
{
  const char *data = "\xef\xbb\xbf{\"format\": \"consortia-graph\", \"version\": 1, \"nodes\": []}";
  g_autoptr(GError) error = NULL;
  g_autoptr(CsGraph) graph = cs_import_data (data, strlen (data), NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (cs_graph_get_n_nodes (graph), ==, 0);
}

static CsGraph *
load_good (const char  *name,
           GPtrArray  **problems)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "good", name, NULL);
  g_autoptr(GError) error = NULL;
  CsGraph *graph = cs_import_file (path, NULL, problems, &error);

  g_assert_no_error (error);
  g_assert_nonnull (graph);
  return graph;
}

static void
test_good_small (void)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(CsGraph) graph = load_good ("small.json", &problems);
  const CsNode *skt;
  const CsEdge *edge;
  guint index, n;
  const guint *incident;
  guint32 seed;

  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpuint (cs_graph_get_n_nodes (graph), ==, 6);
  g_assert_cmpuint (cs_graph_get_n_edges (graph), ==, 5);
  g_assert_cmpstr (cs_graph_get_title (graph), ==, "작은 그래프");
  g_assert_true (cs_graph_get_layout_seed (graph, &seed));
  g_assert_cmpuint (seed, ==, 7);

  g_assert_true (cs_graph_lookup (graph, "skt", &index));
  skt = cs_graph_get_node (graph, index);
  g_assert_cmpstr (skt->label, ==, "SK텔레콤");
  g_assert_cmpstr (skt->label_en, ==, "SK Telecom");
  g_assert_cmpint (skt->type, ==, CS_NODE_TYPE_COMPANY);
  g_assert_false (skt->has_position);
  g_assert_false (cs_graph_lookup (graph, "nobody", NULL));

  incident = cs_graph_get_incident_edges (graph, index, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpuint (cs_graph_get_degree (graph, index), ==, 2);
  edge = cs_graph_get_edge (graph, incident[0]);
  g_assert_cmpint (edge->relation, ==, CS_RELATION_LEADS);
  g_assert_cmpstr (cs_graph_get_node (graph, edge->target)->id, ==, "team");

  g_assert_cmpuint (cs_graph_count_type (graph, CS_NODE_TYPE_PROGRAMME), ==, 1);
  g_assert_cmpuint (cs_graph_count_relation (graph, CS_RELATION_MEMBER_OF), ==, 1);
}

static void
test_good_claims (void)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(CsGraph) graph = load_good ("claims.json", &problems);
  const CsNode *prog;
  const CsNode *team;
  const CsAttribute *gpus = NULL;
  const CsEdge *leads;
  const CsEvent *event;
  guint index;

  /* a relation of the data's own is no problem: it keeps its name */
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpint (cs_graph_get_edge (graph, 3)->relation, >=, CS_N_RELATIONS);
  g_assert_cmpstr (cs_graph_get_edge (graph, 3)->relation_name, ==, "sponsors");
  g_assert_cmpstr (cs_graph_get_relation_display_name (graph, cs_graph_get_edge (graph, 3)->relation),
                   ==, "sponsors");

  g_assert_cmpuint (cs_graph_get_n_articles (graph), ==, 2);
  g_assert_cmpstr (cs_graph_get_article (graph, 0)->publisher, ==, "신문");
  g_assert_cmpstr (cs_graph_get_layout_algorithm (graph), ==, "kk");

  g_assert_true (cs_graph_lookup (graph, "prog", &index));
  prog = cs_graph_get_node (graph, index);
  g_assert_true (prog->label_en_outside);
  g_assert_cmpuint (g_strv_length (prog->aliases), ==, 2);
  g_assert_cmpstr (prog->aliases[1], ==, "K-AI");
  g_assert_cmpuint (prog->attributes->len, ==, 4);
  for (guint i = 0; i < prog->attributes->len; i++)
    {
      const CsAttribute *attribute = g_ptr_array_index (prog->attributes, i);

      if (g_str_equal (attribute->key, "gpus"))
        gpus = attribute;
      if (g_str_equal (attribute->key, "teams_final"))
        g_assert_cmpstr (((CsClaim *)g_ptr_array_index (attribute->claims, 0))->value, ==, "2");
      if (g_str_equal (attribute->key, "open_source"))
        g_assert_cmpstr (((CsClaim *)g_ptr_array_index (attribute->claims, 0))->value, ==, "true");
    }
  g_assert_nonnull (gpus);
  g_assert_cmpuint (gpus->claims->len, ==, 2);
  g_assert_cmpstr (((CsClaim *)g_ptr_array_index (gpus->claims, 1))->note, ==, "this year");
  g_assert_cmpstr (
      ((CsSource *)g_ptr_array_index (((CsClaim *)g_ptr_array_index (gpus->claims, 1))->sources, 0))
          ->quote,
      ==, "B200 512장");
  g_assert_cmpuint (prog->sources->len, ==, 2);

  g_assert_true (cs_graph_lookup (graph, "team", &index));
  team = cs_graph_get_node (graph, index);
  g_assert_cmpuint (team->events->len, ==, 2);
  event = g_ptr_array_index (team->events, 0);
  g_assert_cmpstr (event->stage, ==, "passed_document_review");
  g_assert_cmpstr (event->date, ==, "2025-07-25");
  g_assert_cmpstr (((CsEvent *)g_ptr_array_index (team->events, 1))->stage, ==, "selected");

  leads = cs_graph_get_edge (graph, 0);
  g_assert_cmpstr (leads->id, ==, "e1");
  g_assert_cmpstr (leads->role, ==, "주관");
  g_assert_cmpstr (leads->role_en, ==, "lead");
  g_assert_cmpuint (leads->sources->len, ==, 1);
}

static void
test_good_positions (void)
{
  g_autoptr(CsGraph) graph = load_good ("positions.json", NULL);
  const CsNode *a = cs_graph_get_node (graph, 0);
  const CsNode *b = cs_graph_get_node (graph, 1);

  g_assert_true (a->has_position);
  g_assert_true (a->pinned);
  g_assert_cmpfloat (b->x, ==, 200);
  g_assert_false (b->pinned);
}

static void
test_empty_graph (void)
{
  g_autoptr(CsGraph) graph = load_good ("empty-graph.json", NULL);

  g_assert_cmpuint (cs_graph_get_n_nodes (graph), ==, 0);
  g_assert_cmpuint (cs_graph_get_n_edges (graph), ==, 0);
}

/* A type or relation the format does not know keeps its name, gets an id
 * of its own after the known ones, shared by every use, and is counted. */
static void
test_unknown_vocabulary (void)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(CsGraph) graph = load_good ("unknown-vocabulary.json", &problems);
  CsNodeType studio, tank;
  CsRelation sponsors, mentors, partner;
  guint a, b;

  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_true (cs_graph_lookup_type (graph, "startup_studio", &studio));
  g_assert_true (cs_graph_lookup_type (graph, "think_tank", &tank));
  g_assert_cmpuint (studio, ==, CS_N_NODE_TYPES);
  g_assert_cmpuint (tank, ==, CS_N_NODE_TYPES + 1);
  g_assert_cmpuint (cs_graph_get_n_types (graph), ==, CS_N_NODE_TYPES + 2);
  g_assert_cmpstr (cs_graph_get_type_name (graph, studio), ==, "startup_studio");
  g_assert_cmpstr (cs_graph_get_type_display_name (graph, studio), ==, "startup_studio");
  g_assert_cmpstr (cs_graph_get_type_display_name (graph, CS_NODE_TYPE_COMPANY), ==, "Company");
  g_assert_true (cs_graph_lookup (graph, "studio-a", &a));
  g_assert_true (cs_graph_lookup (graph, "studio-b", &b));
  g_assert_cmpuint (cs_graph_get_node (graph, a)->type, ==, studio);
  g_assert_cmpuint (cs_graph_get_node (graph, b)->type, ==, studio);
  g_assert_cmpuint (cs_graph_count_type (graph, studio), ==, 2);

  g_assert_true (cs_graph_lookup_relation (graph, "sponsors", &sponsors));
  g_assert_true (cs_graph_lookup_relation (graph, "mentors", &mentors));
  g_assert_true (cs_graph_lookup_relation (graph, "partner_of", &partner));
  g_assert_cmpuint (partner, ==, CS_RELATION_PARTNER_OF);
  g_assert_cmpuint (mentors, >=, CS_N_RELATIONS);
  g_assert_cmpuint (sponsors, >=, CS_N_RELATIONS);
  g_assert_cmpuint (cs_graph_count_relation (graph, sponsors), ==, 2);
  g_assert_cmpstr (cs_graph_get_edge (graph, 1)->relation_name, ==, "sponsors");
  /* nothing is drawn with an arrow the data did not ask for */
  g_assert_false (cs_relation_is_directed (sponsors));
  g_assert_false (cs_graph_lookup_type (graph, "sponsors", NULL));
}

/* The registry knows the Consortia importer; content decides before the
 * file name. */
static void
test_importer_seam (void)
{
  const char *ours = "{\"format\": \"consortia-graph\", \"version\": 1, \"nodes\": []}";
  const char *object = "{\"nodes\": []}";
  guint n_types;
  const GType *types = cs_importer_get_types (&n_types);
  g_autoptr(CsImporter) by_content = NULL;
  g_autoptr(CsImporter) by_name = NULL;
  g_autoptr(CsImporter) none = NULL;
  g_autoptr(CsGraph) graph = NULL;
  g_autoptr(GError) error = NULL;
  gboolean found = FALSE;

  for (guint i = 0; i < n_types; i++)
    {
      g_autoptr(CsImporter) importer = g_object_new (types[i], NULL);

      g_assert_nonnull (cs_importer_get_name (importer));
      g_assert_nonnull (cs_importer_get_display_name (importer));
      found |= g_str_equal (cs_importer_get_name (importer), "consortia");
    }
  g_assert_true (found);

  /* the marker makes it certain, whatever the name */
  by_content = cs_importer_new_for_data (ours, strlen (ours), "graph.txt");
  g_assert_nonnull (by_content);
  g_assert_cmpstr (cs_importer_get_name (by_content), ==, "consortia");
  g_assert_cmpuint (cs_importer_sniff (by_content, ours, strlen (ours)), ==, 100);
  g_assert_cmpuint (cs_importer_sniff (by_content, object, strlen (object)), <, 100);
  g_assert_true (cs_importer_matches_extension (by_content, "/a.b/graph.JSON"));
  g_assert_false (cs_importer_matches_extension (by_content, "/a.json/graph"));
  graph = cs_import_data (ours, strlen (ours), "graph.txt", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (graph);

  /* unrecognised content: the extension decides */
  by_name = cs_importer_new_for_data ("hello", 5, "x.json");
  g_assert_nonnull (by_name);
  none = cs_importer_new_for_data ("hello", 5, "x.dat");
  g_assert_null (none);
  g_clear_object (&graph);
  graph = cs_import_data ("hello", 5, "x.dat", NULL, NULL, &error);
  g_assert_null (graph);
  g_assert_error (error, CS_IMPORT_ERROR, CS_IMPORT_ERROR_UNKNOWN_FORMAT);
  g_assert_nonnull (strstr (error->message, "x.dat: not a graph format Consortia reads"));
  g_assert_nonnull (strstr (error->message, "Consortia graph (JSON)"));
}

/* Line and column come from byte offsets in one pass over the text, for
 * any number of problems in any order; columns count characters. */
static void
test_positions_resolved (void)
{
  const char *text = "ab\n가나다x\n\nlast";
  g_autoptr(GPtrArray) problems = cs_problems_new ();
  const struct
  {
    gsize offset;
    guint line, column;
  } expected[] = {
    { 12, 2, 4 },  /* x, after three Hangul syllables (9 bytes) */
    { 0, 1, 1 },
    { 3, 2, 1 },
    { 15, 4, 1 },
    { 2, 1, 3 },   /* the newline itself ends line 1 */
    { 18, 4, 4 },
    { 14, 3, 1 },  /* the empty line */
    { 19, 4, 5 },  /* the end of the text */
  };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    cs_problems_add (problems, CS_PROBLEM_ERROR, CS_IMPORT_ERROR_VALUE, expected[i].offset, NULL,
                     "problem %u", i);
  cs_problems_add (problems, CS_PROBLEM_ERROR, CS_IMPORT_ERROR_VALUE, CS_PROBLEM_NO_OFFSET, NULL,
                   "nowhere");
  cs_problems_resolve_positions (problems, text, strlen (text));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const CsProblem *problem = g_ptr_array_index (problems, i);

      g_test_message ("offset %" G_GSIZE_FORMAT, expected[i].offset);
      g_assert_cmpuint (problem->line, ==, expected[i].line);
      g_assert_cmpuint (problem->column, ==, expected[i].column);
    }
  g_assert_cmpuint (((const CsProblem *)g_ptr_array_index (problems, 8))->line, ==, 0);
}

static void
test_problem_to_string (void)
{
  CsProblem problem = {
    .severity = CS_PROBLEM_WARNING,
    .line = 3,
    .column = 9,
    .path = (char *)"edges[1]",
    .message = (char *)"odd",
  };
  g_autofree char *with_file = cs_problem_to_string (&problem, "g.json");
  g_autofree char *without = NULL;

  g_assert_cmpstr (with_file, ==, "g.json:3:9: warning: edges[1]: odd");
  problem.line = 0;
  problem.path = NULL;
  problem.severity = CS_PROBLEM_ERROR;
  without = cs_problem_to_string (&problem, NULL);
  g_assert_cmpstr (without, ==, "odd");
}

static void
test_preconditions (void)
{
  if (g_test_subprocess ())
    {
      cs_import_file (NULL, NULL, NULL, NULL);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*CRITICAL*filename != NULL*");
}

/* Written and read back, a graph is the same: nodes, edges, attributes,
 * metadata, saved positions and pins; and with positions given, the file
 * carries exactly those, pinned where asked. Both ways of writing: a graph
 * read from our format (its file written back with the changes) and one
 * built otherwise (written from the model). */
static void
test_writer_round_trip (void)
{
  const char *names[] = {
    "claims.json", "disconnected.json", "empty-graph.json", "explore.json", "hangul.json",
    "no-glyphs.json", "partial-positions.json", "positions.json", "single-node.json",
    "small.json", "unknown-vocabulary.json", "warnings.json", "extensions.json", NULL,
  };

  for (guint f = 0; f <= G_N_ELEMENTS (names) - 1; f++)
    for (guint from_model = 0; from_model < 2; from_model++)
      {
        g_autoptr(CsGraph) read = names[f] != NULL ? cs_test_load_graph ("good", names[f])
                                                   : cs_test_load_graph ("bundled", BUNDLED_GRAPH);
        g_autoptr(CsGraph) graph = from_model ? cs_test_rebuild_graph (read) : g_object_ref (read);
        g_autoptr(GBytes) bytes = cs_consortia_writer_to_bytes (graph, NULL, NULL, NULL, -1, NULL);
        g_autoptr(GError) error = NULL;
        g_autoptr(CsGraph) again = NULL;
        g_autoptr(GBytes) twice = NULL;
        guint n = cs_graph_get_n_nodes (graph);
        g_autofree double *xy = g_new (double, 2 * MAX (n, 1));
        g_autofree gboolean *pinned = g_new0 (gboolean, MAX (n, 1));
        g_autoptr(CsPositions) positions = NULL;
        g_autoptr(GBytes) placed = NULL;
        g_autoptr(CsGraph) laid_out = NULL;
        guint32 seed = 0;

        g_test_message ("%s%s", names[f] != NULL ? names[f] : BUNDLED_GRAPH,
                        from_model ? ", from the model" : "");
        if (from_model)
          g_assert_null (cs_graph_get_source_text (graph));
        else
          g_assert_nonnull (cs_graph_get_source_text (graph));
        again = cs_import_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                "w.json", NULL, NULL, &error);
        g_assert_no_error (error);
        cs_test_assert_same_graph (graph, again, TRUE);
        g_assert_true (cs_saved_view_equal (cs_graph_get_saved_view (graph),
                                            cs_graph_get_saved_view (again)) ||
                       cs_graph_get_saved_view (graph) == NULL);
        /* and written again, the same bytes */
        twice = cs_consortia_writer_to_bytes (again, NULL, NULL, NULL, -1, NULL);
        g_assert_true (g_bytes_equal (bytes, twice));

        for (guint i = 0; i < n; i++)
          {
            /* positions no decimal rounding could keep by accident */
            xy[2 * i] = i * G_PI * 100.0 / 7;
            xy[2 * i + 1] = -1.0 / (i + 3);
            pinned[i] = i % 3 == 0;
          }
        /* and the huge ones json-glib 1.6 would write as "1e+20.0" */
        if (n > 2)
          {
            xy[2] = 1e20;
            xy[3] = -1e22;
          }
        positions = cs_positions_new (n, xy);
        placed = cs_consortia_writer_to_bytes (graph, positions, pinned, "circle", 77, NULL);
        laid_out = cs_import_data (g_bytes_get_data (placed, NULL), g_bytes_get_size (placed),
                                   "p.json", NULL, NULL, &error);
        g_assert_no_error (error);
        cs_test_assert_same_graph (graph, laid_out, FALSE);
        g_assert_cmpstr (cs_graph_get_layout_algorithm (laid_out), ==, "circle");
        g_assert_true (cs_graph_get_layout_seed (laid_out, &seed));
        g_assert_cmpuint (seed, ==, 77);
        for (guint i = 0; i < n; i++)
          {
            const CsNode *node = cs_graph_get_node (laid_out, i);

            g_assert_true (node->has_position);
            g_assert_cmpfloat (node->x, ==, xy[2 * i]);
            g_assert_cmpfloat (node->y, ==, xy[2 * i + 1]);
            g_assert_cmpint (node->pinned, ==, pinned[i]);
          }
      }
}

/* JSON text as a tree with no member order, and without what a save may
 * change: each node's x, y and pinned, graph.layout and the view */
static JsonNode *
tree_without_layout (GBytes *bytes)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root, *graph;
  JsonArray *nodes;

  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                             g_bytes_get_size (bytes), &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  json_object_remove_member (root, "view");
  if (json_object_has_member (root, "graph"))
    {
      graph = json_object_get_object_member (root, "graph");
      json_object_remove_member (graph, "layout");
      /* made for the layout when the file had none */
      if (json_object_get_size (graph) == 0)
        json_object_remove_member (root, "graph");
    }
  nodes = json_object_get_array_member (root, "nodes");
  for (guint i = 0; i < json_array_get_length (nodes); i++)
    {
      JsonObject *node = json_array_get_object_element (nodes, i);

      json_object_remove_member (node, "x");
      json_object_remove_member (node, "y");
      json_object_remove_member (node, "pinned");
    }
  return json_node_ref (json_parser_get_root (parser));
}

/* A file of our format comes back from a save with nothing dropped or
 * changed but positions, pins, layout and view: members the model reads
 * as text (a number attribute), "x-" members it does not read at all, and
 * the order of everything (json_node_equal() ignores member order, so the
 * order is checked on the text) */
static void
test_writer_keeps_the_rest (void)
{
  const char *names[] = { "extensions.json", "claims.json", "warnings.json", NULL };

  for (guint f = 0; f < G_N_ELEMENTS (names); f++)
    {
      g_autoptr(CsGraph) graph = names[f] != NULL ? cs_test_load_graph ("good", names[f])
                                                  : cs_test_load_graph ("bundled", BUNDLED_GRAPH);
      GBytes *original = cs_graph_get_source_text (graph);
      guint n = cs_graph_get_n_nodes (graph);
      g_autofree double *xy = g_new0 (double, 2 * MAX (n, 1));
      g_autofree gboolean *pinned = g_new0 (gboolean, MAX (n, 1));
      g_autoptr(CsPositions) positions = NULL;
      g_autoptr(CsSavedView) view = cs_saved_view_new ();
      g_autoptr(GBytes) saved = NULL;
      g_autoptr(JsonNode) before = NULL;
      g_autoptr(JsonNode) after = NULL;
      g_autoptr(CsGraph) again = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;

      g_test_message ("%s", names[f] != NULL ? names[f] : BUNDLED_GRAPH);
      g_assert_nonnull (original);
      for (guint i = 0; i < n; i++)
        {
          xy[2 * i] = i * 1.25;
          xy[2 * i + 1] = i * -0.5;
          pinned[i] = i % 2;
        }
      positions = cs_positions_new (n, xy);
      view->labels = g_strdup ("english");
      view->has_camera = TRUE;
      view->zoom = 1.5;
      view->center_x = 12.5;
      view->center_y = -3;
      saved = cs_consortia_writer_to_bytes (graph, positions, pinned, "grid", 5, view);
      before = tree_without_layout (original);
      after = tree_without_layout (saved);
      g_assert_true (json_node_equal (before, after));

      again = cs_import_data (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved), "s.json",
                              NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (cs_saved_view_equal (cs_graph_get_saved_view (again), view));

      /* in the same order: each node's id where it was among the others */
      text = g_strndup (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved));
      for (guint i = 1; i < n; i++)
        {
          g_autofree char *a = g_strdup_printf ("\"%s\"", cs_graph_get_node (graph, i - 1)->id);
          g_autofree char *b = g_strdup_printf ("\"%s\"", cs_graph_get_node (graph, i)->id);

          g_assert_true (strstr (text, a) < strstr (text, b));
        }
    }
}

/* The extension members and a number attribute, checked by hand: they are
 * in the text written, as written */
static void
test_writer_extensions (void)
{
  g_autoptr(CsGraph) graph = cs_test_load_graph ("good", "extensions.json");
  g_autoptr(GBytes) saved = cs_consortia_writer_to_bytes (graph, NULL, NULL, NULL, -1, NULL);
  g_autofree char *text = g_strndup (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved));

  g_assert_nonnull (strstr (text, "\"x-editor\": {"));
  g_assert_nonnull (strstr (text, "\"name\": \"gephi-bridge\""));
  g_assert_nonnull (strstr (text, "\"x-page\": 3"));
  g_assert_nonnull (strstr (text, "\"x-weight\": 1e+20"));
  g_assert_nonnull (strstr (text, "\"staff\": 1500.0"));
  g_assert_nonnull (strstr (text, "\"x-trailer\": ["));
  g_assert_nonnull (strstr (text, "\"founded\": 1984"));
  g_assert_nonnull (strstr (text, "\"x-colour\": \"#aa3377\""));
  g_assert_nonnull (strstr (text, "\"x-weight\": 0.75"));
}

/* A file on one line is saved on one line; an indented one indented */
static void
test_writer_keeps_one_line (void)
{
  g_autofree char *json = cs_test_one_line_graph (50);
  g_autoptr(GError) error = NULL;
  g_autoptr(CsGraph) graph = cs_import_data (json, strlen (json), "one.json", NULL, NULL, &error);
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GBytes) indented = NULL;
  g_autoptr(CsGraph) bundled = cs_test_load_graph ("bundled", BUNDLED_GRAPH);
  const char *data;
  gsize length;

  g_assert_no_error (error);
  saved = cs_consortia_writer_to_bytes (graph, NULL, NULL, "circle", 3, NULL);
  data = g_bytes_get_data (saved, &length);
  g_assert_cmpuint (length, >, 1000);
  g_assert_null (memchr (data, '\n', length - 1));
  g_assert_cmpint (data[length - 1], ==, '\n');
  indented = cs_consortia_writer_to_bytes (bundled, NULL, NULL, NULL, -1, NULL);
  data = g_bytes_get_data (indented, &length);
  g_assert_nonnull (memchr (data, '\n', length - 1));
}

/* A view that is wrong in places still opens the graph: each wrong part is
 * a warning at its place, left out, and the rest of the view is kept */
static void
test_bad_view_warns (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "good", "bad-view.json",
                                                 NULL);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CsGraph) graph = cs_import_file (path, NULL, &problems, &error);
  g_autoptr(GString) all = g_string_new (NULL);
  const CsSavedView *view;
  const char *expected[] = {
    "view.filter.consortium: unknown node \"gone\"",
    "view.filter.stage: unknown stage \"finished\"",
    "view.filter.depth: depth 7 is outside 1…3",
    "view.sizing: expected a string, found a number",
    "view.zoom: zoom -2 is not above 0",
    "view.selection[1]: unknown node \"missing\"",
    "view.selection[2]: expected a string, found a number",
    "view.colour: unknown member \"colour\" of the view, left out",
  };

  g_assert_no_error (error);
  g_assert_nonnull (graph);
  for (guint i = 0; i < problems->len; i++)
    {
      const CsProblem *problem = g_ptr_array_index (problems, i);
      g_autofree char *text = cs_problem_to_string (problem, "bad-view.json");

      g_assert_cmpint (problem->severity, ==, CS_PROBLEM_WARNING);
      g_string_append_printf (all, "%s\n", text);
    }
  g_test_message ("%s", all->str);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_nonnull (strstr (all->str, expected[i]));
  view = cs_graph_get_saved_view (graph);
  g_assert_nonnull (view);
  g_assert_cmpstr (view->labels, ==, "english");
  g_assert_null (view->sizing);
  g_assert_false (view->has_camera);
  g_assert_cmpuint (g_strv_length (view->selection), ==, 1);
  g_assert_cmpstr (view->selection[0], ==, "a");
}

/* Every input a fuzz target once found breaking something (tests/data/fuzz)
 * is read without a crash, a critical or a leak: loaded, or refused with a
 * message */
static void
test_fuzz_regressions (void)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "data", "fuzz", NULL);
  GDir *dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(CsGraph) graph = cs_import_file (path, NULL, NULL, &error);

      g_assert_true ((graph != NULL) != (error != NULL));
      g_assert_true (error == NULL || error->message[0] != '\0');
      n++;
    }
  g_dir_close (dir);
  /* the README at least: the folder is there and read */
  g_assert_cmpuint (n, >=, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/cs/import/bad/%s", bad_cases[i].file);

      g_test_add_data_func (name, &bad_cases[i], test_bad_file);
    }
  g_test_add_func ("/cs/import/all-problems-listed", test_all_problems_listed);
  g_test_add_func ("/cs/import/missing-file", test_missing_file);
  g_test_add_func ("/cs/import/writer-round-trip", test_writer_round_trip);
  g_test_add_func ("/cs/import/writer-keeps-the-rest", test_writer_keeps_the_rest);
  g_test_add_func ("/cs/import/bad-view-warns", test_bad_view_warns);
  g_test_add_func ("/cs/import/fuzz-regressions", test_fuzz_regressions);
  g_test_add_func ("/cs/import/writer-extensions", test_writer_extensions);
  g_test_add_func ("/cs/import/writer-keeps-one-line", test_writer_keeps_one_line);
  g_test_add_func ("/cs/import/column-counts-characters", test_column_counts_characters);
  g_test_add_func ("/cs/import/bom-accepted", test_bom_accepted);
  g_test_add_func ("/cs/import/good/small", test_good_small);
  g_test_add_func ("/cs/import/good/claims", test_good_claims);
  g_test_add_func ("/cs/import/good/positions", test_good_positions);
  g_test_add_func ("/cs/import/good/empty", test_empty_graph);
  g_test_add_func ("/cs/import/unknown-vocabulary", test_unknown_vocabulary);
  g_test_add_func ("/cs/import/importer-seam", test_importer_seam);
  g_test_add_func ("/cs/import/positions-resolved", test_positions_resolved);
  g_test_add_func ("/cs/import/problem-to-string", test_problem_to_string);
  g_test_add_func ("/cs/import/preconditions", test_preconditions);

  return g_test_run ();
}
