/* test-search.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-import.h"
#include "cs-search.h"
#include "test-support.h"

static CsGraph *graph;

static const char *
first_id (const char *query)
{
  g_autoptr(GArray) hits = cs_search (graph, query, 10);

  if (hits->len == 0)
    return NULL;
  return cs_graph_get_node (graph, g_array_index (hits, CsSearchHit, 0).node)->id;
}

static gboolean
finds (const char *query,
       const char *id)
{
  g_autoptr(GArray) hits = cs_search (graph, query, 0);

  for (guint i = 0; i < hits->len; i++)
    if (g_str_equal (cs_graph_get_node (graph, g_array_index (hits, CsSearchHit, i).node)->id, id))
      return TRUE;
  return FALSE;
}

static void
test_normalize (void)
{
  g_autofree char *a = cs_search_normalize ("SK 텔레콤");
  g_autofree char *b = cs_search_normalize ("sk텔레콤");
  g_autofree char *c = cs_search_normalize ("A.X");
  g_autofree char *i = cs_search_initials ("SK텔레콤 컨소시엄");

  g_assert_cmpstr (a, ==, b);
  g_assert_cmpstr (c, ==, "ax");
  g_assert_cmpstr (i, ==, "ㅌㄹㅋㅋㅅㅅㅇ");
}

static void
test_korean (void)
{
  g_assert_cmpstr (first_id ("SK텔레콤"), ==, "skt");
  g_assert_cmpstr (first_id ("카이스트"), ==, "kaist");
  g_assert_cmpstr (first_id ("크래프톤"), ==, "krafton");
  /* part of a word */
  g_assert_true (finds ("텔레콤", "skt"));
  g_assert_true (finds ("래프", "krafton"));
}

static void
test_english_and_aliases (void)
{
  g_assert_cmpstr (first_id ("kaist"), ==, "kaist");
  g_assert_cmpstr (first_id ("SKT"), ==, "skt");
  g_assert_cmpstr (first_id ("sk telecom"), ==, "skt");
  g_assert_cmpstr (first_id ("한국과학기술원"), ==, "kaist");
  /* the start of a later word */
  g_assert_true (finds ("cloud", "naver-cloud"));
  g_assert_true (finds ("Telecom", "skt"));
}

static void
test_initials (void)
{
  /* ㅅㅋ: 에스케이텔레콤 (an alias of SK Telecom) has ㅇㅅㅋㅇㅌㄹㅋ */
  g_assert_true (finds ("ㅅㅋ", "skt"));
  g_assert_cmpstr (first_id ("ㅋㄹㅍㅌ"), ==, "krafton");
  g_assert_true (finds ("ㅋㅇㅅㅌ", "kaist"));
  g_assert_false (finds ("ㅋㄹㅍㅌ", "skt"));
}

static void
test_no_match_and_suggestions (void)
{
  g_autoptr(GArray) none = cs_search (graph, "zzzz", 0);
  g_autoptr(GArray) empty = cs_search (graph, "  ", 0);
  g_autoptr(GPtrArray) closest = cs_search_closest_names (graph, "크래프턴", 3);

  g_assert_cmpuint (none->len, ==, 0);
  g_assert_cmpuint (empty->len, ==, 0);
  g_assert_cmpuint (closest->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (closest, 0), ==, "크래프톤");
}

/* "·" separates words, but its bytes also occur inside Hangul syllables:
 * splitting must not cut a syllable in two */
static void
test_dot_separated (void)
{
  const char *data = "{\"format\": \"consortia-graph\", \"version\": 1, \"nodes\": ["
                     "{\"id\": \"a\", \"label\": \"서울대·포항공대\", \"type\": \"university\"},"
                     "{\"id\": \"b\", \"label\": \"무엇·Mobility 연구소\", \"type\": \"company\"}]}";
  g_autoptr(CsGraph) small = cs_import_data (data, strlen (data), NULL, NULL, NULL, NULL);
  g_autoptr(GArray) hits = cs_search (small, "포항", 0);
  g_autoptr(GArray) prefix = cs_search (small, "mobi", 0);

  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpint (g_array_index (hits, CsSearchHit, 0).kind, ==, CS_MATCH_PREFIX);
  g_assert_cmpuint (prefix->len, ==, 1);
  g_assert_cmpint (g_array_index (prefix, CsSearchHit, 0).kind, ==, CS_MATCH_PREFIX);
}

static void
test_order (void)
{
  g_autoptr(GArray) hits = cs_search (graph, "SK텔레콤", 0);

  /* the exact name first, then names that start with it */
  g_assert_cmpuint (hits->len, >=, 2);
  g_assert_cmpint (g_array_index (hits, CsSearchHit, 0).kind, ==, CS_MATCH_EXACT);
  g_assert_cmpint (g_array_index (hits, CsSearchHit, 1).kind, ==, CS_MATCH_PREFIX);
  g_assert_cmpstr (cs_graph_get_node (graph, g_array_index (hits, CsSearchHit, 1).node)->id, ==,
                   "team-skt");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  graph = cs_test_load_graph ("bundled", BUNDLED_GRAPH);

  g_test_add_func ("/cs/search/normalize", test_normalize);
  g_test_add_func ("/cs/search/korean", test_korean);
  g_test_add_func ("/cs/search/english-and-aliases", test_english_and_aliases);
  g_test_add_func ("/cs/search/initials", test_initials);
  g_test_add_func ("/cs/search/no-match-and-suggestions", test_no_match_and_suggestions);
  g_test_add_func ("/cs/search/order", test_order);
  g_test_add_func ("/cs/search/dot-separated", test_dot_separated);

  status = g_test_run ();
  g_object_unref (graph);
  return status;
}
