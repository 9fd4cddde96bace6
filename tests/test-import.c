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
  g_assert_cmpint (event->stage, ==, CS_STAGE_PASSED_DOCUMENT_REVIEW);
  g_assert_cmpstr (event->date, ==, "2025-07-25");
  g_assert_cmpint (((CsEvent *)g_ptr_array_index (team->events, 1))->stage, ==, CS_STAGE_SELECTED);

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

/* Written back as Consortia JSON, every good fixture and the bundled graph
 * read the same: nodes, edges, claims, sources, events, vocabulary,
 * metadata, saved positions and pins; and with positions given, the file
 * carries exactly those, pinned where asked. */
static void
test_writer_round_trip (void)
{
  const char *names[] = {
    "claims.json", "disconnected.json", "empty-graph.json", "explore.json", "hangul.json",
    "no-glyphs.json", "partial-positions.json", "positions.json", "single-node.json",
    "small.json", "unknown-vocabulary.json", "warnings.json", NULL,
  };

  for (guint f = 0; f <= G_N_ELEMENTS (names) - 1; f++)
    {
      g_autoptr(CsGraph) graph = names[f] != NULL ? cs_test_load_graph ("good", names[f])
                                                  : cs_test_load_graph ("bundled", BUNDLED_GRAPH);
      g_autoptr(GBytes) bytes = cs_consortia_writer_to_bytes (graph, NULL, NULL, NULL, -1);
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

      g_test_message ("%s", names[f] != NULL ? names[f] : BUNDLED_GRAPH);
      again = cs_import_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "w.json",
                              NULL, NULL, &error);
      g_assert_no_error (error);
      cs_test_assert_same_graph (graph, again, TRUE);
      /* and written again, the same bytes */
      twice = cs_consortia_writer_to_bytes (again, NULL, NULL, NULL, -1);
      g_assert_true (g_bytes_equal (bytes, twice));

      for (guint i = 0; i < n; i++)
        {
          /* positions no decimal rounding could keep by accident */
          xy[2 * i] = i * G_PI * 100.0 / 7;
          xy[2 * i + 1] = -1.0 / (i + 3);
          pinned[i] = i % 3 == 0;
        }
      positions = cs_positions_new (n, xy);
      placed = cs_consortia_writer_to_bytes (graph, positions, pinned, "circle", 77);
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

/* The file is replaced whole or not at all: a write into a folder that is
 * not there fails with an error and creates nothing; one over an old file
 * leaves the new file complete and no temporary file beside it. */
static void
test_writer_replaces_whole_file (void)
{
  g_autoptr(CsGraph) graph = cs_test_load_graph ("good", "small.json");
  g_autofree char *dir = g_dir_make_tmp ("cs-writer-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "out.json", NULL);
  g_autofree char *missing = g_build_filename (dir, "no", "such", "out.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) expected = cs_consortia_writer_to_bytes (graph, NULL, NULL, NULL, -1);
  g_autofree char *contents = NULL;
  gsize length;
  GDir *listing;
  const char *name;
  guint n_files = 0;

  g_assert_false (cs_consortia_writer_write_file (graph, NULL, NULL, NULL, -1, missing, NULL,
                                                  &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (path, "an old file, longer than nothing", -1, NULL));
  g_assert_true (cs_consortia_writer_write_file (graph, NULL, NULL, NULL, -1, path, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpmem (contents, length, g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));

  listing = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_assert_cmpstr (name, ==, "out.json");
      n_files++;
    }
  g_dir_close (listing);
  g_assert_cmpuint (n_files, ==, 1);
  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
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
  g_test_add_func ("/cs/import/writer-replaces-whole-file", test_writer_replaces_whole_file);
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
