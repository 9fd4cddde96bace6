/* test-stages.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-export.h"
#include "cs-filter.h"
#include "cs-import.h"
#include "cs-renderer.h"
#include "cs-stage-panels.h"
#include "cs-stages.h"
#include "cs-view-state.h"
#include "test-support.h"

#include <math.h>

static guint
node (CsGraph    *graph,
      const char *id)
{
  guint index;

  g_assert_true (cs_graph_lookup (graph, id, &index));
  return index;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(char *const *)a, *(char *const *)b);
}

/* the ids of @n sorted node indices, joined by spaces */
static char *
ids (CsGraph     *graph,
     const guint *nodes,
     guint        n)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (names, cs_graph_get_node (graph, nodes[i])->id);
  g_ptr_array_sort (names, compare_strings);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **)names->pdata);
}

static void
assert_ids (CsGraph     *graph,
            const guint *nodes,
            guint        n,
            const char  *expected)
{
  g_autofree char *got = ids (graph, nodes, n);

  g_assert_cmpstr (got, ==, expected);
}

/* order by date, undated events after the dated one before them, the
 * programme's counts, who is named, running and cut */
static void
test_fixture (void)
{
  g_autoptr(CsGraph) graph = cs_test_load_graph ("good", "stages.json");
  const CsStages *stages = cs_stages_get (graph);
  const CsStageInfo *applied, *round, *final;
  g_autofree char *described = NULL;

  g_assert_true (cs_stages_get (graph) == stages);
  g_assert_cmpuint (cs_stages_get_n_stages (stages), ==, 3);
  applied = cs_stages_get_stage (stages, 0);
  round = cs_stages_get_stage (stages, 1);
  final = cs_stages_get_stage (stages, 2);
  g_assert_cmpstr (applied->name, ==, "applied");
  g_assert_cmpstr (round->name, ==, "round_1");
  g_assert_cmpstr (final->name, ==, "final");
  g_assert_cmpint (cs_stages_lookup (stages, "round_1"), ==, 1);
  g_assert_cmpint (cs_stages_lookup (stages, "failed_round_1"), ==, -1);
  g_assert_cmpint (cs_stages_lookup (stages, "other"), ==, -1);

  g_assert_null (applied->date);
  g_assert_cmpint (applied->stated, ==, 4);
  g_assert_false (applied->planned);
  g_assert_cmpstr (applied->label, ==, "4 teams applied");
  assert_ids (graph, applied->named, applied->n_named, "team-a team-b team-c team-d");
  g_assert_cmpuint (applied->n_cut, ==, 0);

  g_assert_cmpstr (round->date, ==, "2025-03");
  g_assert_cmpint (round->stated, ==, 2);
  assert_ids (graph, round->running, round->n_running, "team-a team-b");
  assert_ids (graph, round->cut, round->n_cut, "team-c team-d");
  g_assert_true (cs_stages_is_running (stages, 1, node (graph, "team-a")));
  g_assert_false (cs_stages_is_running (stages, 1, node (graph, "team-c")));
  g_assert_true (cs_stages_is_cut (stages, 1, node (graph, "team-d")));
  g_assert_false (cs_stages_is_cut (stages, 2, node (graph, "team-d")));

  /* planned, naming no one: the running are still those of round 1 */
  g_assert_true (final->planned);
  g_assert_cmpint (final->stated, ==, 1);
  g_assert_cmpuint (final->n_named, ==, 0);
  assert_ids (graph, final->running, final->n_running, "team-a team-b");
  g_assert_cmpuint (final->n_cut, ==, 0);

  described = cs_stages_describe (stages, 1);
  g_assert_cmpstr (described, ==, "2025-03 · 2 stated, 2 named");
  g_clear_pointer (&described, g_free);
  described = cs_stages_describe (stages, 2);
  g_assert_cmpstr (described, ==, "2026 · planned · 1 stated");
  g_clear_pointer (&described, g_free);
  described = cs_stages_describe (stages, 0);
  g_assert_cmpstr (described, ==, "4 stated, 4 named");
}

/* the "other" events with a date are marks, by date */
static void
test_marks (void)
{
  g_autoptr(CsGraph) graph = cs_test_load_graph ("good", "stages.json");
  guint n_marks;
  const CsStageMark *marks = cs_stages_get_marks (cs_stages_get (graph), &n_marks);

  g_assert_cmpuint (n_marks, ==, 2);
  g_assert_cmpuint (marks[0].node, ==, node (graph, "team-d"));
  g_assert_cmpstr (marks[0].event->label, ==, "announced");
  g_assert_cmpuint (marks[1].node, ==, node (graph, "prog"));
  g_assert_cmpstr (marks[1].event->date, ==, "2025-02-10");
  g_assert_cmpstr (marks[1].event->until, ==, "2025-02-12");
}

/* at a stage the filter keeps the running teams, whoever belongs to one
 * of them, and what belongs to no team */
static void
test_filter_at_stage (void)
{
  g_autoptr(CsGraph) graph = cs_test_load_graph ("good", "stages.json");
  g_autoptr(CsFilter) filter = cs_filter_new ();
  g_autofree guint8 *shown = NULL;
  g_autofree guint8 *all = NULL;

  cs_filter_set_stage (filter, "round_1");
  g_assert_true (cs_filter_is_active (filter));
  shown = cs_filter_apply (filter, graph, NULL, 0, NULL);
  g_assert_true (shown[node (graph, "team-a")]);
  g_assert_true (shown[node (graph, "team-b")]);
  g_assert_false (shown[node (graph, "team-c")]);
  g_assert_false (shown[node (graph, "team-d")]);
  g_assert_true (shown[node (graph, "x")]);  /* leads team A */
  g_assert_false (shown[node (graph, "y")]); /* leads team C alone */
  g_assert_true (shown[node (graph, "z")]);  /* in A and C: A is running */
  g_assert_true (shown[node (graph, "w")]);  /* in no team */
  g_assert_true (shown[node (graph, "prog")]);

  /* a stage the graph does not have leaves everything */
  cs_filter_set_stage (filter, "round_9");
  all = cs_filter_apply (filter, graph, NULL, 0, NULL);
  for (guint i = 0; i < cs_graph_get_n_nodes (graph); i++)
    g_assert_true (all[i]);
}

static CsGraph *
load_data (const char *json)
{
  g_autoptr(GError) error = NULL;
  CsGraph *graph = cs_import_data (json, strlen (json), "inline.json", NULL, NULL, &error);

  g_assert_no_error (error);
  return graph;
}

/* what does not add up is told, each in a sentence */
static void
test_problems (void)
{
  g_autoptr(CsGraph) graph = load_data (
      "{\"format\": \"consortia-graph\", \"version\": 1, \"nodes\": ["
      "{\"id\": \"p\", \"label\": \"P\", \"type\": \"programme\", \"events\": ["
      "  {\"stage\": \"applied\", \"count\": 1},"
      "  {\"stage\": \"applied\", \"count\": 3},"
      "  {\"stage\": \"final\", \"date\": \"2030\", \"planned\": true}]},"
      "{\"id\": \"a\", \"label\": \"A\", \"type\": \"consortium\", \"events\": ["
      "  {\"stage\": \"applied\"}, {\"stage\": \"final\", \"date\": \"2030\", \"planned\": true}]},"
      "{\"id\": \"b\", \"label\": \"B\", \"type\": \"consortium\", \"events\": ["
      "  {\"stage\": \"applied\"}]}]}");
  g_autoptr(GPtrArray) problems = cs_stages_get_problems (cs_stages_get (graph));
  g_autoptr(GString) all = g_string_new (NULL);
  g_autoptr(CsGraph) fine = cs_test_load_graph ("good", "stages.json");
  g_autoptr(GPtrArray) none = cs_stages_get_problems (cs_stages_get (fine));

  for (guint i = 0; i < problems->len; i++)
    g_string_append_printf (all, "%s\n", (const char *)g_ptr_array_index (problems, i));
  g_assert_cmpstr (all->str, ==,
                   "stage \"applied\" names 2 in the running, but its count is 1\n"
                   "stage \"applied\" has two counts, 1 and 3\n");
  /* a team's own planned event names it: a planned stage naming teams */
  g_assert_cmpuint (none->len, ==, 0);
  {
    g_autoptr(CsGraph) planned = load_data (
        "{\"format\": \"consortia-graph\", \"version\": 1, \"nodes\": ["
        "{\"id\": \"a\", \"label\": \"A\", \"type\": \"consortium\", \"events\": ["
        "  {\"stage\": \"applied\"}, {\"stage\": \"final\", \"date\": \"2030\"}]},"
        "{\"id\": \"p\", \"label\": \"P\", \"type\": \"programme\", \"events\": ["
        "  {\"stage\": \"final\", \"date\": \"2030\", \"planned\": true, \"count\": 1}]}]}");
    g_autoptr(GPtrArray) found = cs_stages_get_problems (cs_stages_get (planned));

    /* the team's event is not planned: the stage has happened */
    g_assert_false (cs_stages_get_stage (cs_stages_get (planned), 1)->planned);
    g_assert_cmpuint (found->len, ==, 0);
  }
}

/* The bundled contest: 15 applied (12 named), 10 passed the document
 * review on 2025-07-25, 5 selected in August, then the planned 4, 3 and 2 */
static void
test_bundled (void)
{
  g_autoptr(CsGraph) graph = cs_test_load_graph ("bundled", "sovereign-ai-2025.json");
  const CsStages *stages = cs_stages_get (graph);
  const char *const names[] = { "applied", "passed_document_review", "selected",
                                "stage_evaluation_1", "stage_evaluation_2", "final_selection" };
  const int stated[] = { 15, 10, 5, 4, 3, 2 };
  const guint named[] = { 12, 10, 5, 0, 0, 0 };
  const guint running[] = { 12, 10, 5, 5, 5, 5 };
  g_autoptr(GPtrArray) problems = cs_stages_get_problems (stages);
  const CsStageInfo *info;
  guint n_marks;

  g_assert_cmpuint (cs_stages_get_n_stages (stages), ==, G_N_ELEMENTS (names));
  for (guint s = 0; s < G_N_ELEMENTS (names); s++)
    {
      info = cs_stages_get_stage (stages, s);
      g_assert_cmpstr (info->name, ==, names[s]);
      g_assert_cmpint (info->stated, ==, stated[s]);
      g_assert_cmpuint (info->n_named, ==, named[s]);
      g_assert_cmpuint (info->n_running, ==, running[s]);
      g_assert_cmpint (info->planned, ==, s >= 3);
      for (guint i = 0; i < info->n_running; i++)
        g_assert_cmpint (cs_graph_get_node (graph, info->running[i])->type, ==,
                         CS_NODE_TYPE_CONSORTIUM);
    }
  g_assert_cmpuint (problems->len, ==, 0);

  info = cs_stages_get_stage (stages, 1);
  g_assert_cmpstr (info->date, ==, "2025-07-25");
  assert_ids (graph, info->cut, info->n_cut, "team-bionexus team-lunit");
  info = cs_stages_get_stage (stages, 2);
  g_assert_cmpstr (info->date, ==, "2025-08");
  assert_ids (graph, info->cut, info->n_cut,
              "team-kaist team-kakao team-konan team-kt team-motif");
  assert_ids (graph, info->running, info->n_running,
              "team-lg-ai-research team-naver-cloud team-nc-ai team-skt team-upstage");
  info = cs_stages_get_stage (stages, 5);
  g_assert_cmpstr (info->date, ==, "2027");
  g_assert_cmpuint (info->n_cut, ==, 0);

  /* the presentation evaluation, 30–31 July, is a mark between the review
   * and the selection; KT's announcements come before */
  cs_stages_get_marks (stages, &n_marks);
  g_assert_cmpuint (n_marks, >=, 3);
  {
    const CsStageMark *marks = cs_stages_get_marks (stages, &n_marks);
    gboolean presentation = FALSE;

    for (guint i = 0; i < n_marks; i++)
      {
        if (i > 0)
          g_assert_cmpstr (marks[i - 1].event->date, <=, marks[i].event->date);
        if (g_strcmp0 (marks[i].event->date, "2025-07-30") == 0 &&
            g_strcmp0 (marks[i].event->until, "2025-07-31") == 0)
          presentation = TRUE;
      }
    g_assert_true (presentation);
  }
}

/* Every panel frames the same world box: a node lands at the same place
 * in each, whatever the stage shows; one panel per stage, side by side
 * without overlapping, inside the figure */
static void
test_panels (void)
{
  g_autoptr(CsGraph) graph = cs_test_load_graph ("bundled", "sovereign-ai-2025.json");
  g_autoptr(CsPositions) positions = cs_test_default_layout (graph, "bundled");
  g_autoptr(CsViewState) view = cs_view_state_new ();
  g_autoptr(CsStagePanels) panels = NULL;
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GError) error = NULL;
  CsExportOptions options;
  guint skt = node (graph, "team-skt"), kt = node (graph, "team-kt");
  double x0 = 0, y0 = 0;

  cs_export_options_init (&options);
  cs_view_state_set_graph (view, graph);
  panels = cs_stage_panels_new (graph, positions, NULL, view, &options);
  g_assert_nonnull (panels);
  g_assert_cmpuint (cs_stage_panels_get_n_panels (panels), ==, 6);
  g_assert_cmpstr (cs_stage_panels_get_heading (panels, 0), ==, "Applied");
  g_assert_cmpstr (cs_stage_panels_get_heading (panels, 1), ==, "Passed the document review");
  g_assert_cmpstr (cs_stage_panels_get_heading (panels, 5), ==, "Final selection");
  for (guint p = 0; p < 6; p++)
    {
      CsScene *scene = cs_stage_panels_get_scene (panels, p);
      CsBounds box;
      double x, y;

      cs_stage_panels_get_box (panels, p, &box);
      g_assert_cmpfloat (box.x0, >=, 0);
      g_assert_cmpfloat (box.y0, >=, 0);
      g_assert_cmpfloat (box.x1, <=, options.width);
      g_assert_cmpfloat (box.y1, <=, options.height);
      g_assert_cmpfloat (box.x1 - box.x0, >, 200);
      for (guint q = 0; q < p; q++)
        {
          CsBounds other;

          cs_stage_panels_get_box (panels, q, &other);
          g_assert_false (box.x0 < other.x1 && other.x0 < box.x1 && box.y0 < other.y1 &&
                          other.y0 < box.y1);
        }
      g_assert_true (cs_scene_get_positions (scene) == positions);
      cs_scene_node_to_device (scene, skt, &x, &y);
      if (p == 0)
        {
          x0 = x;
          y0 = y;
        }
      g_assert_cmpfloat (fabs (x - x0), <, 1e-9);
      g_assert_cmpfloat (fabs (y - y0), <, 1e-9);
      /* KT's team runs until the selection, then is out */
      g_assert_cmpint (cs_scene_is_node_shown (scene, kt), ==, p < 2);
      g_assert_true (cs_scene_is_node_shown (scene, skt));
    }
  png = cs_export_panels_to_bytes (panels, &options, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (png), >, 10000);

  /* a graph without stages has no panels */
  {
    g_autoptr(CsGraph) small = cs_test_load_graph ("good", "small.json");
    g_autoptr(CsPositions) small_positions = cs_test_default_layout (small, "small");

    g_assert_null (cs_stage_panels_new (small, small_positions, NULL, NULL, &options));
  }
}

/* The teams cut at the stage shown are ringed in red, even when the
 * filter hides the rest */
static void
test_cut_drawn (void)
{
  g_autoptr(CsGraph) graph = cs_test_load_graph ("good", "stages.json");
  g_autoptr(CsPositions) positions = cs_test_default_layout (graph, "stages");
  g_autoptr(CsViewState) view = cs_view_state_new ();
  g_autoptr(CsFilter) filter = cs_filter_new ();
  guint team_c = node (graph, "team-c"), team_a = node (graph, "team-a");

  cs_view_state_set_graph (view, graph);
  cs_filter_set_stage (filter, "round_1");
  filter->hide = TRUE;
  cs_view_state_set_filter (view, filter);

  for (guint round = 0; round < 2; round++)
    {
      CsRenderStyle style;
      g_autoptr(CsScene) scene = NULL;
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 800, 600);
      cairo_t *cr = cairo_create (surface);
      guint red[2] = { 0, 0 };
      const guint nodes[2] = { team_c, team_a };

      cs_render_style_init_default (&style, FALSE);
      scene = cs_scene_new (graph, positions, NULL, view, &style, 800, 600);
      cs_render_style_clear (&style);
      cs_scene_set_flags (scene, CS_RENDER_BACKGROUND);
      cs_scene_fit (scene, 60);
      cs_renderer_draw (cr, scene);
      cairo_surface_flush (surface);
      /* count red pixels in a box round each team */
      for (guint k = 0; k < 2; k++)
        {
          double cx, cy;

          cs_scene_node_to_device (scene, nodes[k], &cx, &cy);
          for (int y = MAX ((int)cy - 40, 0); y < MIN ((int)cy + 40, 600); y++)
            for (int x = MAX ((int)cx - 40, 0); x < MIN ((int)cx + 40, 800); x++)
              {
                CsColor c;

                cs_test_read_pixel (surface, x, y, &c);
                red[k] += c.red > 0.7 && c.green < 0.35 && c.blue < 0.35;
              }
        }
      g_test_message ("red pixels round team C: %u, round team A: %u", red[0], red[1]);
      if (round == 0)
        {
          g_assert_cmpuint (red[0], >, 30);
          g_assert_cmpuint (red[1], ==, 0);
        }
      else
        /* at the first stage no one was cut */
        g_assert_cmpuint (red[0], ==, 0);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
      cs_filter_set_stage (filter, "applied");
      cs_view_state_set_filter (view, filter);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cs/stages/fixture", test_fixture);
  g_test_add_func ("/cs/stages/marks", test_marks);
  g_test_add_func ("/cs/stages/filter-at-stage", test_filter_at_stage);
  g_test_add_func ("/cs/stages/problems", test_problems);
  g_test_add_func ("/cs/stages/bundled", test_bundled);
  g_test_add_func ("/cs/stages/panels", test_panels);
  g_test_add_func ("/cs/stages/cut-drawn", test_cut_drawn);
  return g_test_run ();
}
