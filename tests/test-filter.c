/* test-filter.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-filter.h"
#include "cs-layout.h"
#include "cs-renderer.h"
#include "cs-view-state.h"
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

/* hides every type of the graph but those named */
static void
show_only_types (CsFilter   *filter,
                 CsGraph    *g,
                 const char *first,
                 ...)
{
  va_list args;

  for (guint t = 0; t < cs_graph_get_n_types (g); t++)
    cs_filter_set_type_shown (filter, cs_graph_get_type_name (g, t), FALSE);
  va_start (args, first);
  for (const char *name = first; name != NULL; name = va_arg (args, const char *))
    cs_filter_set_type_shown (filter, name, TRUE);
  va_end (args);
}

static void
test_everything (void)
{
  g_autoptr(CsFilter) filter = cs_filter_new ();
  g_autofree guint8 *edges = NULL;
  g_autofree guint8 *nodes = NULL;

  g_assert_false (cs_filter_is_active (filter));
  nodes = cs_filter_apply (filter, graph, NULL, 0, &edges);
  g_assert_cmpuint (count (nodes, cs_graph_get_n_nodes (graph)), ==, cs_graph_get_n_nodes (graph));
  g_assert_cmpuint (count (edges, cs_graph_get_n_edges (graph)), ==, cs_graph_get_n_edges (graph));
}

static void
test_types (void)
{
  g_autoptr(CsFilter) filter = cs_filter_new ();
  g_autoptr(CsFilter) copy = NULL;
  g_autofree guint8 *edges = NULL;
  g_autofree guint8 *nodes = NULL;

  show_only_types (filter, graph, "university", "consortium", NULL);
  g_assert_true (cs_filter_is_active (filter));
  g_assert_false (cs_filter_get_type_shown (filter, "company"));
  g_assert_true (cs_filter_get_type_shown (filter, "university"));
  copy = cs_filter_copy (filter);
  g_assert_true (cs_filter_equal (filter, copy));
  cs_filter_set_type_shown (copy, "company", TRUE);
  g_assert_false (cs_filter_equal (filter, copy));
  nodes = cs_filter_apply (filter, graph, NULL, 0, &edges);
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
  g_autoptr(CsFilter) filter = cs_filter_new ();
  g_autofree guint8 *edges = NULL;
  g_autofree guint8 *nodes = NULL;

  for (guint r = 0; r < cs_graph_get_n_relations (graph); r++)
    cs_filter_set_relation_shown (filter, cs_graph_get_relation_name (graph, r),
                                  r == CS_RELATION_MEMBER_OF);
  nodes = cs_filter_apply (filter, graph, NULL, 0, &edges);
  g_assert_cmpuint (count (edges, cs_graph_get_n_edges (graph)), ==,
                    cs_graph_count_relation (graph, CS_RELATION_MEMBER_OF));
}

static void
test_consortium (void)
{
  g_autoptr(CsFilter) filter = cs_filter_new ();
  g_autofree guint8 *nodes = NULL;

  filter->consortium = node ("team-nc-ai");
  nodes = cs_filter_apply (filter, graph, NULL, 0, NULL);
  g_assert_true (nodes[node ("team-nc-ai")]);
  g_assert_true (nodes[node ("kaist")]);
  g_assert_true (nodes[node ("nhn-cloud")]);
  g_assert_false (nodes[node ("skt")]);
  g_assert_false (nodes[node ("krafton")]);
  /* the models the team itself uses or develops come with it; its
   * members' other models do not */
  g_assert_true (nodes[node ("model-varco")]);
  g_assert_false (nodes[node ("model-exaone")]);
  g_clear_pointer (&nodes, g_free);
  filter->consortium = node ("team-skt");
  nodes = cs_filter_apply (filter, graph, NULL, 0, NULL);
  g_assert_true (nodes[node ("model-skt-sovereign")]);
  g_assert_false (nodes[node ("model-adot")]);
}

static void
test_stage (void)
{
  g_autoptr(CsFilter) filter = cs_filter_new ();
  g_autofree guint8 *selected = NULL;
  g_autofree guint8 *passed = NULL;
  guint n_teams = 0;

  cs_filter_set_stage (filter, "selected");
  selected = cs_filter_apply (filter, graph, NULL, 0, NULL);
  for (guint i = 0; i < cs_graph_get_n_nodes (graph); i++)
    n_teams += selected[i] && cs_graph_get_node (graph, i)->type == CS_NODE_TYPE_CONSORTIUM;
  g_assert_cmpuint (n_teams, ==, 5);
  g_assert_true (selected[node ("krafton")]);
  g_assert_false (selected[node ("team-kt")]);

  cs_filter_set_stage (filter, "passed_document_review");
  passed = cs_filter_apply (filter, graph, NULL, 0, NULL);
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
  g_autoptr(CsFilter) filter = cs_filter_new ();
  guint previous = 0;

  filter->around = node ("krafton");
  for (guint depth = 1; depth <= 3; depth++)
    {
      g_autofree guint8 *nodes = NULL;
      guint n;

      filter->depth = depth;
      nodes = cs_filter_apply (filter, graph, NULL, 0, NULL);
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
  g_autoptr(CsFilter) filter = cs_filter_new ();
  g_autofree guint8 *edges = NULL;
  g_autofree guint8 *nodes = NULL;

  cs_filter_set_role (filter, "npu");
  g_assert_true (cs_filter_is_active (filter));
  nodes = cs_filter_apply (filter, graph, NULL, 0, &edges);
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
  cs_filter_set_role (filter, "멀티모달");
  nodes = cs_filter_apply (filter, graph, NULL, 0, NULL);
  g_assert_true (nodes[node ("krafton")]);
  g_assert_false (nodes[node ("rebellions")]);
}

/* Around the selection: every selected node is a seed, and the
 * neighbourhood is the union of theirs. */
static void
test_around_selection (void)
{
  g_autoptr(CsFilter) filter = cs_filter_new ();
  g_autofree guint8 *none = NULL;
  g_autofree guint8 *one = NULL;
  g_autofree guint8 *two = NULL;
  guint seeds[] = { node ("krafton"), node ("rebellions") };

  filter->around = CS_FILTER_AROUND_SELECTION;
  filter->depth = 1;
  g_assert_true (cs_filter_is_active (filter));
  none = cs_filter_apply (filter, graph, NULL, 0, NULL);
  g_assert_cmpuint (count (none, cs_graph_get_n_nodes (graph)), ==, 0);
  one = cs_filter_apply (filter, graph, seeds, 1, NULL);
  two = cs_filter_apply (filter, graph, seeds, 2, NULL);
  g_assert_cmpuint (count (one, cs_graph_get_n_nodes (graph)), ==,
                    1 + cs_graph_get_degree (graph, seeds[0]) - 1);
  g_assert_true (two[seeds[0]] && two[seeds[1]]);
  for (guint i = 0; i < cs_graph_get_n_nodes (graph); i++)
    if (one[i])
      g_assert_true (two[i]);
  g_assert_cmpuint (count (two, cs_graph_get_n_nodes (graph)), >,
                    count (one, cs_graph_get_n_nodes (graph)));
}

/* Names the format does not know filter like the known ones. */
static void
test_unknown_vocabulary (void)
{
  g_autoptr(CsGraph) own = cs_test_load_graph ("good", "unknown-vocabulary.json");
  g_autoptr(CsFilter) filter = cs_filter_new ();
  g_autofree guint8 *nodes = NULL;
  g_autofree guint8 *edges = NULL;
  guint studio_a, tank;
  CsRelation sponsors;

  g_assert_true (cs_graph_lookup (own, "studio-a", &studio_a));
  g_assert_true (cs_graph_lookup (own, "tank", &tank));
  g_assert_true (cs_graph_lookup_relation (own, "sponsors", &sponsors));
  cs_filter_set_type_shown (filter, "think_tank", FALSE);
  cs_filter_set_relation_shown (filter, "sponsors", FALSE);
  /* a name the graph does not have hides nothing */
  cs_filter_set_type_shown (filter, "no_such_type", FALSE);
  nodes = cs_filter_apply (filter, own, NULL, 0, &edges);
  g_assert_false (nodes[tank]);
  g_assert_true (nodes[studio_a]);
  for (guint e = 0; e < cs_graph_get_n_edges (own); e++)
    {
      const CsEdge *edge = cs_graph_get_edge (own, e);

      if (edge->relation == sponsors)
        g_assert_false (edges[e]);
      else
        g_assert_cmpint (edges[e], ==, nodes[edge->source] && nodes[edge->target]);
    }
}

/* Faded nodes keep a trace; hidden ones leave the background; neither
 * answers the pointer. */
static void
test_drawn_faded_or_hidden (void)
{
  g_autoptr(CsLayoutParams) params = cs_layout_params_new_for_graph (graph);
  g_autoptr(CsPositions) positions = cs_layout_run (graph, params, NULL, NULL);
  g_autoptr(CsViewState) view = cs_view_state_new ();
  g_autoptr(CsFilter) filter = cs_filter_new ();
  g_autoptr(CsScene) whole = NULL;
  CsRenderStyle style;
  guint skt = node ("skt"), kaist = node ("kaist");
  double x, y;

  cs_view_state_set_graph (view, graph);
  show_only_types (filter, graph, "university", NULL);
  cs_render_style_init_default (&style, FALSE);
  /* both drawings frame the whole graph, so every node has its place */
  whole = cs_scene_new (graph, positions, NULL, NULL, &style, 1000, 800);
  cs_scene_fit (whole, 20);

  for (guint hide = 0; hide < 2; hide++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1000, 800);
      cairo_t *cr = cairo_create (surface);
      g_autoptr(CsScene) scene = NULL;
      CsColor c;

      filter->hide = hide;
      cs_view_state_set_filter (view, filter);
      scene = cs_scene_new (graph, positions, NULL, view, &style, 1000, 800);
      cs_scene_set_flags (scene, CS_RENDER_BACKGROUND);
      cs_scene_set_transform (scene, cs_scene_get_zoom (whole), cs_scene_get_offset_x (whole),
                              cs_scene_get_offset_y (whole));
      cs_renderer_draw (cr, scene);
      cairo_destroy (cr);

      cs_scene_node_to_device (scene, kaist, &x, &y);
      cs_test_assert_color (surface, x, y, &style.nodes[CS_NODE_TYPE_UNIVERSITY].fill, 2 / 255.0);
      g_assert_cmpint (cs_renderer_hit_test (scene, x, y), ==, kaist);

      cs_scene_node_to_device (scene, skt, &x, &y);
      cs_test_read_pixel (surface, x, y, &c);
      if (hide)
        cs_test_assert_color (surface, x, y, &style.background, 1 / 255.0);
      else
        {
          /* faint, but there */
          g_assert_cmpfloat (c.red, <, 0.99);
          g_assert_cmpfloat (c.red, >, style.nodes[CS_NODE_TYPE_COMPANY].fill.red + 0.3);
        }
      g_assert_cmpint (cs_renderer_hit_test (scene, x, y), ==, -1);
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
  g_test_add_func ("/cs/filter/around-selection", test_around_selection);
  g_test_add_func ("/cs/filter/unknown-vocabulary", test_unknown_vocabulary);
  g_test_add_func ("/cs/filter/drawn-faded-or-hidden", test_drawn_faded_or_hidden);

  status = g_test_run ();
  g_object_unref (graph);
  return status;
}
