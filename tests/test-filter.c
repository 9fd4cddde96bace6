/* test-filter.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-filter.h"
#include "cs-layout.h"
#include "cs-renderer.h"
#include "test-support.h"

static CsGraph *graph;

static guint
node (const char *id)
{
  guint index;

  g_assert_true (cs_graph_lookup (graph, id, &index));
  return index;
}

static guint
count (const guint8 *flags,
       guint         n)
{
  guint c = 0;

  for (guint i = 0; i < n; i++)
    c += flags[i];
  return c;
}

static void
test_everything (void)
{
  CsFilter filter;
  g_autofree guint8 *edges = NULL;
  g_autofree guint8 *nodes = NULL;

  cs_filter_init (&filter);
  g_assert_false (cs_filter_is_active (&filter));
  nodes = cs_filter_apply (&filter, graph, &edges);
  g_assert_cmpuint (count (nodes, cs_graph_get_n_nodes (graph)), ==, cs_graph_get_n_nodes (graph));
  g_assert_cmpuint (count (edges, cs_graph_get_n_edges (graph)), ==, cs_graph_get_n_edges (graph));
}

static void
test_types (void)
{
  CsFilter filter;
  g_autofree guint8 *edges = NULL;
  g_autofree guint8 *nodes = NULL;

  cs_filter_init (&filter);
  filter.types = 1u << CS_NODE_TYPE_UNIVERSITY | 1u << CS_NODE_TYPE_CONSORTIUM;
  g_assert_true (cs_filter_is_active (&filter));
  nodes = cs_filter_apply (&filter, graph, &edges);
  g_assert_cmpuint (count (nodes, cs_graph_get_n_nodes (graph)), ==,
                    cs_graph_count_type (graph, CS_NODE_TYPE_UNIVERSITY) +
                    cs_graph_count_type (graph, CS_NODE_TYPE_CONSORTIUM));
  g_assert_true (nodes[node ("kaist")]);
  g_assert_false (nodes[node ("skt")]);
  /* an edge needs both ends */
  for (guint e = 0; e < cs_graph_get_n_edges (graph); e++)
    {
      const CsEdge *edge = cs_graph_get_edge (graph, e);

      g_assert_cmpint (edges[e], ==, nodes[edge->source] && nodes[edge->target]);
    }
}

static void
test_relations (void)
{
  CsFilter filter;
  g_autofree guint8 *edges = NULL;
  g_autofree guint8 *nodes = NULL;

  cs_filter_init (&filter);
  filter.relations = 1u << CS_RELATION_MEMBER_OF;
  nodes = cs_filter_apply (&filter, graph, &edges);
  g_assert_cmpuint (count (edges, cs_graph_get_n_edges (graph)), ==,
                    cs_graph_count_relation (graph, CS_RELATION_MEMBER_OF));
}

static void
test_consortium (void)
{
  CsFilter filter;
  g_autofree guint8 *nodes = NULL;

  cs_filter_init (&filter);
  filter.consortium = node ("team-nc-ai");
  nodes = cs_filter_apply (&filter, graph, NULL);
  g_assert_true (nodes[node ("team-nc-ai")]);
  g_assert_true (nodes[node ("kaist")]);
  g_assert_true (nodes[node ("nhn-cloud")]);
  g_assert_false (nodes[node ("skt")]);
  g_assert_false (nodes[node ("krafton")]);
}

static void
test_stage (void)
{
  CsFilter filter;
  g_autofree guint8 *selected = NULL;
  g_autofree guint8 *passed = NULL;
  guint n_teams = 0;

  cs_filter_init (&filter);
  filter.stage = CS_FILTER_STAGE_SELECTED;
  selected = cs_filter_apply (&filter, graph, NULL);
  for (guint i = 0; i < cs_graph_get_n_nodes (graph); i++)
    n_teams += selected[i] && cs_graph_get_node (graph, i)->type == CS_NODE_TYPE_CONSORTIUM;
  g_assert_cmpuint (n_teams, ==, 5);
  g_assert_true (selected[node ("krafton")]);
  g_assert_false (selected[node ("team-kt")]);

  filter.stage = CS_FILTER_STAGE_PASSED_DOCUMENT_REVIEW;
  passed = cs_filter_apply (&filter, graph, NULL);
  n_teams = 0;
  for (guint i = 0; i < cs_graph_get_n_nodes (graph); i++)
    n_teams += passed[i] && cs_graph_get_node (graph, i)->type == CS_NODE_TYPE_CONSORTIUM;
  g_assert_cmpuint (n_teams, ==, 10);
  g_assert_true (passed[node ("team-kt")]);
  g_assert_false (passed[node ("team-lunit")]);
}

static void
test_neighbourhood (void)
{
  CsFilter filter;
  guint previous = 0;

  cs_filter_init (&filter);
  filter.around = node ("krafton");
  for (guint depth = 1; depth <= 3; depth++)
    {
      g_autofree guint8 *nodes = NULL;
      guint n;

      filter.depth = depth;
      nodes = cs_filter_apply (&filter, graph, NULL);
      n = count (nodes, cs_graph_get_n_nodes (graph));
      g_assert_true (nodes[node ("krafton")]);
      if (depth == 1)
        {
          /* Krafton, its consortium and its product */
          g_assert_cmpuint (n, ==, 1 + cs_graph_get_degree (graph, node ("krafton")) - 1);
          g_assert_true (nodes[node ("team-skt")]);
          g_assert_false (nodes[node ("skt")]);
        }
      if (depth == 2)
        g_assert_true (nodes[node ("skt")]);
      g_assert_cmpuint (n, >, previous);
      previous = n;
    }
}

static void
test_role (void)
{
  CsFilter filter;
  g_autofree guint8 *edges = NULL;
  g_autofree guint8 *nodes = NULL;

  cs_filter_init (&filter);
  g_strlcpy (filter.role, "npu", sizeof filter.role);
  g_assert_true (cs_filter_is_active (&filter));
  nodes = cs_filter_apply (&filter, graph, &edges);
  g_assert_true (nodes[node ("rebellions")]);
  g_assert_true (nodes[node ("team-skt")]);
  g_assert_false (nodes[node ("krafton")]);
  for (guint e = 0; e < cs_graph_get_n_edges (graph); e++)
    if (edges[e])
      {
        const CsEdge *edge = cs_graph_get_edge (graph, e);

        g_assert_true ((edge->role != NULL && strstr (edge->role, "NPU") != NULL) ||
                       (edge->role_en != NULL && strstr (edge->role_en, "NPU") != NULL));
      }

  /* Korean works the same */
  g_clear_pointer (&nodes, g_free);
  g_strlcpy (filter.role, "멀티모달", sizeof filter.role);
  nodes = cs_filter_apply (&filter, graph, NULL);
  g_assert_true (nodes[node ("krafton")]);
  g_assert_false (nodes[node ("rebellions")]);
}

/* Faded nodes keep a trace; hidden ones leave the background; neither
 * answers the pointer. */
static void
test_drawn_faded_or_hidden (void)
{
  g_autoptr(CsLayoutParams) params = cs_layout_params_new_for_graph (graph);
  g_autoptr(CsPositions) positions = cs_layout_run (graph, params, NULL, NULL);
  g_autofree guint8 *nodes = NULL;
  g_autofree guint8 *edges = NULL;
  CsRenderStyle style;
  CsRenderScene scene;
  CsFilter filter;
  guint skt = node ("skt"), kaist = node ("kaist");
  double x, y;

  cs_filter_init (&filter);
  filter.types = 1u << CS_NODE_TYPE_UNIVERSITY;
  nodes = cs_filter_apply (&filter, graph, &edges);
  cs_render_style_init_default (&style, FALSE);
  cs_render_scene_init (&scene, graph, positions, &style, 1000, 800);
  scene.flags = CS_RENDER_BACKGROUND;
  cs_render_scene_fit (&scene, 20);
  scene.node_shown = nodes;
  scene.edge_shown = edges;

  for (guint hide = 0; hide < 2; hide++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1000, 800);
      cairo_t *cr = cairo_create (surface);
      CsColor c;

      scene.hide_filtered = hide;
      cs_renderer_draw (cr, &scene);
      cairo_destroy (cr);

      cs_renderer_node_to_device (&scene, kaist, &x, &y);
      cs_test_assert_color (surface, x, y, &style.nodes[CS_NODE_TYPE_UNIVERSITY].fill, 2 / 255.0);
      g_assert_cmpint (cs_renderer_hit_test (&scene, x, y), ==, kaist);

      cs_renderer_node_to_device (&scene, skt, &x, &y);
      cs_test_read_pixel (surface, x, y, &c);
      if (hide)
        cs_test_assert_color (surface, x, y, &style.background, 1 / 255.0);
      else
        {
          /* faint, but there */
          g_assert_cmpfloat (c.red, <, 0.99);
          g_assert_cmpfloat (c.red, >, style.nodes[CS_NODE_TYPE_COMPANY].fill.red + 0.3);
        }
      g_assert_cmpint (cs_renderer_hit_test (&scene, x, y), ==, -1);
      cairo_surface_destroy (surface);
    }
  cs_render_style_clear (&style);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  graph = cs_test_load_graph ("bundled", BUNDLED_GRAPH);

  g_test_add_func ("/cs/filter/everything", test_everything);
  g_test_add_func ("/cs/filter/types", test_types);
  g_test_add_func ("/cs/filter/relations", test_relations);
  g_test_add_func ("/cs/filter/consortium", test_consortium);
  g_test_add_func ("/cs/filter/stage", test_stage);
  g_test_add_func ("/cs/filter/neighbourhood", test_neighbourhood);
  g_test_add_func ("/cs/filter/role", test_role);
  g_test_add_func ("/cs/filter/drawn-faded-or-hidden", test_drawn_faded_or_hidden);

  status = g_test_run ();
  g_object_unref (graph);
  return status;
}
