/* test-node-summary.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-import.h"
#include "cs-node-summary.h"
#include "test-support.h"

#include <pango/pango.h>

static char *
summary (CsGraph    *graph,
         const char *id,
         guint       max_links)
{
  guint index;
  char *markup;

  g_assert_true (cs_graph_lookup (graph, id, &index));
  markup = cs_node_summary_markup (graph, index, max_links);
  /* valid Pango markup, whatever the names hold */
  g_assert_true (pango_parse_markup (markup, -1, 0, NULL, NULL, NULL, NULL));
  return markup;
}

static void
test_roles_and_sources (void)
{
  g_autoptr(CsGraph) graph = cs_test_load_graph ("good", "claims.json");
  g_autofree char *co = summary (graph, "co", 10);

  g_assert_true (g_str_has_prefix (co, "<b>회사</b>\n<small>Company · 3 links</small>"));
  /* links with a role come first, with the role in both languages and the
   * link's sources */
  g_assert_nonnull (strstr (co, "\n• Leads 팀: <i>주관</i> (lead) <small>[a.txt]</small>"
                                "\n• Member of 팀: <i>데이터</i> <small>[b.txt]</small>"
                                "\n• sponsors 사업"));
}

static void
test_incoming_and_limit (void)
{
  g_autoptr(CsGraph) graph = cs_test_load_graph ("good", "claims.json");
  g_autofree char *team = summary (graph, "team", 1);
  g_autofree char *prog = summary (graph, "prog", 10);

  g_assert_nonnull (strstr (team, "\n• 회사 → leads: <i>주관</i> (lead)"));
  g_assert_nonnull (strstr (team, "\n<small>… and 2 more</small>"));
  g_assert_nonnull (strstr (prog, "<b>사업</b>\nProgramme\n"));
  g_assert_true (g_str_has_suffix (prog, "\n<small>Sources: a.txt, b.txt</small>"));
}

static void
test_escapes_names (void)
{
  const char *data = "{\"format\": \"consortia-graph\", \"version\": 1, \"nodes\": ["
                     "{\"id\": \"a\", \"label\": \"R&D <Lab>\", \"type\": \"company\"}]}";
  g_autoptr(CsGraph) graph = cs_import_data (data, strlen (data), NULL, NULL, NULL, NULL);
  g_autofree char *markup = summary (graph, "a", 5);

  g_assert_true (g_str_has_prefix (markup, "<b>R&amp;D &lt;Lab&gt;</b>"));
}

static void
test_bundled_seed_numbers (void)
{
  g_autoptr(CsGraph) graph = cs_test_load_graph ("bundled", BUNDLED_GRAPH);
  g_autofree char *krafton = summary (graph, "krafton", 10);

  /* the two roles the articles give Krafton, each with its article */
  g_assert_nonnull (strstr (
      krafton, ": <i>멀티모달 설계</i> (multimodal design) <small>[000, 001, 003]</small>"));
  g_assert_nonnull (strstr (krafton, ": <i>게임 AI</i> (game AI) <small>[002]</small>"));
}

/* a link's card: both ends with its relation, the role in both
 * languages, the note and the sources; a bare link gives its ends only */
static void
test_edge (void)
{
  g_autoptr(CsGraph) graph = cs_test_load_graph ("good", "claims.json");
  g_autofree char *leads = cs_edge_summary_markup (graph, 0);
  g_autofree char *bare = cs_edge_summary_markup (graph, 2);

  g_assert_true (pango_parse_markup (leads, -1, 0, NULL, NULL, NULL, NULL));
  g_assert_cmpstr (leads, ==,
                   "<b>회사</b> Leads <b>팀</b>\n<i>주관</i> (lead)\nn\n"
                   "<small>Sources: a.txt</small>");
  g_assert_cmpstr (bare, ==, "<b>팀</b> Applied to <b>사업</b>");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cs/node-summary/roles-and-sources", test_roles_and_sources);
  g_test_add_func ("/cs/node-summary/incoming-and-limit", test_incoming_and_limit);
  g_test_add_func ("/cs/node-summary/escapes-names", test_escapes_names);
  g_test_add_func ("/cs/node-summary/bundled-seed-numbers", test_bundled_seed_numbers);

  g_test_add_func ("/cs/node-summary/edge", test_edge);

  return g_test_run ();
}
