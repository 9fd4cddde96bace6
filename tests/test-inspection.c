/* test-inspection.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-inspection.h"
#include "cs-metrics.h"
#include "test-support.h"

static CsGraph *graph;
static double *betweenness;

static CsInspection *
inspect (const char *id)
{
  guint node;

  g_assert_true (cs_graph_lookup (graph, id, &node));
  return cs_inspection_new (graph, node, betweenness, cs_graph_get_n_nodes (graph));
}

static const CsInspectRow *
find_row (const CsInspection *inspection,
          const char         *section_title,
          const char         *text_start)
{
  const CsInspectSection *section = cs_inspection_find_section (inspection, section_title);

  g_assert_nonnull (section);
  for (guint i = 0; i < section->rows->len; i++)
    {
      const CsInspectRow *row = g_ptr_array_index (section->rows, i);

      if (g_str_has_prefix (row->text, text_start))
        return row;
    }
  g_error ("no row “%s…” in section %s", text_start, section_title);
}

/* "what does KAIST do in this programme, with whom, and says who?" */
static void
test_kaist (void)
{
  g_autoptr(CsInspection) kaist = inspect ("kaist");
  const CsInspectSection *consortia = cs_inspection_find_section (kaist, "Consortia");
  const CsInspectRow *skt, *own;
  guint team;

  g_assert_cmpstr (kaist->title, ==, "KAIST");
  g_assert_cmpuint (consortia->rows->len, ==, 4);
  own = find_row (kaist, "Consortia", "Leads KAIST 팀");
  g_assert_cmpstr (own->detail, ==,
                   "applied → passed the document review 2025-07-25 → not selected 2025-08");
  skt = find_row (kaist, "Consortia", "SK텔레콤 컨소시엄 (SK Telecom consortium) — 원천기술 연구");
  g_assert_true (cs_graph_lookup (graph, "team-skt", &team));
  g_assert_cmpint (skt->node, ==, team);
  g_assert_true (g_str_has_suffix (skt->detail, "→ selected 2025-08"));
  /* each source names its article by title, publisher and date */
  g_assert_true (g_str_has_prefix (skt->sources, "“"));
  g_assert_cmpuint (skt->citations->len, >=, 2);
  g_assert_nonnull (
      strstr (skt->sources, "NC AI·SKT·KT, 대규모 컨소시엄으로 국가대표 AI 도전 (스마트에프엔"));
  g_assert_null (strstr (skt->sources, ".txt"));
  find_row (kaist, "Consortia", "NC AI 컨소시엄 (NC AI consortium) — 그랜드 컨소시엄 구성");
  find_row (kaist, "Consortia", "네이버클라우드 컨소시엄 (NAVER Cloud consortium) — 협력기관");
  g_assert_nonnull (strstr (find_row (kaist, "Bridges", "Links ")->text, "네이버클라우드 컨소시엄"));
  find_row (kaist, "Metrics", "Consortia: 4");
  find_row (kaist, "Metrics", "Betweenness: 0.");
}

static void
test_skt_consortium (void)
{
  g_autoptr(CsInspection) team = inspect ("team-skt");
  const CsInspectSection *members = cs_inspection_find_section (team, "Lead and members");

  g_assert_cmpuint (members->rows->len, >=, 8);
  find_row (team, "Lead and members", "Lead: SK텔레콤 (SK Telecom)");
  /* differing roles from different articles stay side by side */
  g_assert_cmpstr (
      find_row (team, "Lead and members", "크래프톤 (KRAFTON) — 멀티모달 설계")->sources, !=, NULL);
  {
    const CsInspectRow *game = find_row (team, "Lead and members", "크래프톤 (KRAFTON) — 게임 AI");
    const CsInspectCitation *citation;

    g_assert_cmpuint (game->citations->len, ==, 1);
    citation = g_ptr_array_index (game->citations, 0);
    g_assert_cmpstr (citation->quote, ==, "크래프톤(게임 AI)");
    g_assert_true (g_str_has_prefix (citation->article, "NC AI·SKT·KT, 대규모 컨소시엄으로"));
  }
  find_row (team, "Lead and members", "포티투닷 (42dot) — 온디바이스 모델 개발");
  find_row (team, "Lead and members", "포티투닷 (42dot) — 자율주행");
  find_row (team, "Lead and members", "리벨리온 (Rebellions) — NPU");
  find_row (team, "Stage results", "2025-07-25: passed the document review");
  find_row (team, "Stage results", "2025-08: selected");
  /* conflicting claims about GPUs, each with its article */
  g_assert_true (g_str_has_prefix (find_row (team, "About", "gpu (claim 1 of 2)")->sources,
                                   "“AI 모델 학습을 위한 그래픽처리장치(GPU)는 자체 조달한다” — "
                                   "SK텔레콤(SKT)이"));
  g_assert_nonnull (strstr (find_row (team, "About", "gpu (claim 2 of 2)")->sources,
                            "” — [인터뷰] SKT \"고품질 데이터 확보에 총력"));
}

static void
test_model (void)
{
  g_autoptr(CsInspection) ax = inspect ("model-ax");

  g_assert_cmpstr (ax->subtitle, ==, "A.X · Model");
  find_row (ax, "Developed, supplied or used by", "SK텔레콤 (SK Telecom)");
  find_row (ax, "Versions", "Version: A.X 3.1 라이트");
  find_row (ax, "People", "김태윤");
  g_assert_null (cs_inspection_find_section (ax, "Consortia"));
}

static void
test_text (void)
{
  g_autoptr(CsInspection) kaist = inspect ("kaist");
  g_autofree char *text = cs_inspection_to_text (kaist);

  g_assert_true (g_str_has_prefix (text, "KAIST\nKAIST · University\n"));
  g_assert_nonnull (
      strstr (text, "\nConsortia\n  • Leads KAIST 팀 (KAIST team)\n"
                    "      applied → passed the document review 2025-07-25 → not selected 2025-08\n"
                    "      source: “"));
}

static void
test_betweenness (void)
{
  guint skt, hub = 0;

  /* the programme node joins every team: the broker of this graph */
  for (guint i = 1; i < cs_graph_get_n_nodes (graph); i++)
    if (betweenness[i] > betweenness[hub])
      hub = i;
  g_assert_cmpint (cs_graph_get_node (graph, hub)->type, ==, CS_NODE_TYPE_PROGRAMME);
  g_assert_true (cs_graph_lookup (graph, "skt", &skt));
  g_assert_cmpfloat (betweenness[skt], >, 0);
  for (guint i = 0; i < cs_graph_get_n_nodes (graph); i++)
    {
      g_assert_cmpfloat (betweenness[i], >=, 0);
      g_assert_cmpfloat (betweenness[i], <=, 1);
      /* a node with one link lies on no path between others */
      if (cs_graph_get_degree (graph, i) == 1)
        g_assert_cmpfloat (betweenness[i], ==, 0);
    }
}

/* A rubber band's catch: counts by type, the consortia they are in, the
 * links among them, each node a row leading to it */
static void
test_several (void)
{
  const char *ids[] = { "skt", "kaist", "krafton", "model-ax" };
  guint nodes[G_N_ELEMENTS (ids)];
  g_autoptr(CsInspection) summary = NULL;
  g_autofree char *links = NULL;
  const CsInspectSection *section;
  const CsInspectRow *row;
  guint team, expected_links = 0;

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_assert_true (cs_graph_lookup (graph, ids[i], &nodes[i]));
  g_assert_true (cs_graph_lookup (graph, "team-skt", &team));
  summary = cs_inspection_new_for_nodes (graph, nodes, G_N_ELEMENTS (nodes));
  g_assert_cmpstr (summary->title, ==, "4 nodes selected");
  g_assert_cmpstr (summary->subtitle, ==, "Company: 2 · University: 1 · Model: 1");
  find_row (summary, "Types", "Company: 2");
  find_row (summary, "Types", "Model: 1");

  /* team-skt first: three of the four are in it */
  section = cs_inspection_find_section (summary, "Consortia");
  g_assert_nonnull (section);
  row = g_ptr_array_index (section->rows, 0);
  g_assert_cmpint (row->node, ==, (int)team);
  g_assert_cmpstr (row->detail, ==, "3 of the selection");

  for (guint e = 0; e < cs_graph_get_n_edges (graph); e++)
    {
      const CsEdge *edge = cs_graph_get_edge (graph, e);
      gboolean source = FALSE, target = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (nodes); i++)
        {
          source |= edge->source == nodes[i];
          target |= edge->target == nodes[i];
        }
      expected_links += source && target && edge->source != edge->target;
    }
  g_assert_cmpuint (expected_links, >, 0);
  links = g_strdup_printf ("%u link", expected_links);
  row = find_row (summary, "Links among them", links);
  g_assert_cmpint (row->node, ==, -1);

  section = cs_inspection_find_section (summary, "Selected");
  g_assert_cmpuint (section->rows->len, ==, G_N_ELEMENTS (nodes));
  row = find_row (summary, "Selected", "SK텔레콤 (SK Telecom)");
  g_assert_cmpint (row->node, ==, (int)nodes[0]);
}

/* A selected link: relation, role, note and sources, and its two ends */
static void
test_edge (void)
{
  guint kaist, team;
  int edge = -1;
  g_autoptr(CsInspection) inspection = NULL;
  const CsInspectSection *ends;
  const CsInspectRow *row;
  g_autofree char *relation = NULL;

  g_assert_true (cs_graph_lookup (graph, "kaist", &kaist));
  g_assert_true (cs_graph_lookup (graph, "team-skt", &team));
  for (guint e = 0; e < cs_graph_get_n_edges (graph); e++)
    if (cs_graph_get_edge (graph, e)->source == kaist &&
        cs_graph_get_edge (graph, e)->target == team)
      edge = (int)e;
  g_assert_cmpint (edge, >=, 0);
  inspection = cs_inspection_new_for_edge (graph, edge);
  g_assert_cmpstr (inspection->title, ==, "KAIST → SK텔레콤 컨소시엄");
  relation = g_strdup_printf ("Relation: %s",
                              cs_graph_get_relation_display_name (
                                  graph, cs_graph_get_edge (graph, edge)->relation));
  find_row (inspection, "About", relation);
  row = find_row (inspection, "About", "Role: ");
  g_assert_nonnull (strstr (row->text, cs_graph_get_edge (graph, edge)->role));
  /* its sources, each quote with its article */
  g_assert_nonnull (row->citations);
  g_assert_cmpuint (row->citations->len, ==, cs_graph_get_edge (graph, edge)->sources->len);
  g_assert_nonnull (((CsInspectCitation *)row->citations->pdata[0])->quote);
  ends = cs_inspection_find_section (inspection, "Ends");
  g_assert_cmpuint (ends->rows->len, ==, 2);
  g_assert_cmpint (((CsInspectRow *)ends->rows->pdata[0])->node, ==, (int)kaist);
  g_assert_cmpint (((CsInspectRow *)ends->rows->pdata[1])->node, ==, (int)team);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  graph = cs_test_load_graph ("bundled", BUNDLED_GRAPH);
  betweenness = cs_metrics_betweenness (graph, NULL, NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/cs/inspection/kaist", test_kaist);
  g_test_add_func ("/cs/inspection/skt-consortium", test_skt_consortium);
  g_test_add_func ("/cs/inspection/model", test_model);
  g_test_add_func ("/cs/inspection/text", test_text);
  g_test_add_func ("/cs/inspection/betweenness", test_betweenness);
  g_test_add_func ("/cs/inspection/several", test_several);
  g_test_add_func ("/cs/inspection/edge", test_edge);

  status = g_test_run ();
  g_free (betweenness);
  g_object_unref (graph);
  return status;
}
