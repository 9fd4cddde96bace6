/* test-styling.c: style by attribute: what a graph's attributes hold, what
 * drives the look when nothing is said, the scene's colours, sizes, shapes
 * and outlines, and the choice kept through a save
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-attribute-summary.h"
#include "cs-consortia-writer.h"
#include "cs-export.h"
#include "cs-import.h"
#include "cs-layout.h"
#include "cs-renderer.h"
#include "cs-scene.h"
#include "cs-view-file.h"
#include "test-support.h"

#include <math.h>
#include <string.h>

static guint
node (CsGraph    *graph,
      const char *id)
{
  guint index = G_MAXUINT;

  g_assert_true (cs_graph_lookup (graph, id, &index));
  return index;
}

static gboolean
same_color (const CsColor *a,
            const CsColor *b)
{
  return a->red == b->red && a->green == b->green && a->blue == b->blue;
}

/* The keys, each with what it holds and what it can drive */
static void
test_summary (void)
{
  g_autoptr(CsGraph) graph = cs_test_load_graph ("good", "styled.json");
  const CsAttributeSummary *summary = cs_attribute_summary_get (graph);
  const CsAttributeInfo *club = cs_attribute_summary_lookup (summary, "club");
  const CsAttributeInfo *weight = cs_attribute_summary_lookup (summary, "weight");
  const CsAttributeInfo *color = cs_attribute_summary_lookup (summary, "color");

  /* made once, kept with the graph */
  g_assert_true (cs_attribute_summary_get (graph) == summary);
  g_assert_cmpuint (cs_attribute_summary_get_n_keys (summary), ==, 3);
  g_assert_null (cs_attribute_summary_lookup (summary, "name")); /* the label */

  g_assert_nonnull (club);
  g_assert_cmpuint (club->n_nodes, ==, 6);
  g_assert_cmpuint (club->n_values, ==, 2);
  g_assert_true (cs_attribute_info_is_categorical (club));
  g_assert_false (cs_attribute_info_is_numeric (club));
  g_assert_true (cs_attribute_info_can_drive (club, CS_STYLE_GROUP));
  g_assert_false (cs_attribute_info_can_drive (club, CS_STYLE_SIZE));

  g_assert_nonnull (weight);
  g_assert_true (cs_attribute_info_is_numeric (weight));
  g_assert_cmpfloat (weight->min, ==, 1);
  g_assert_cmpfloat (weight->max, ==, 30);
  /* six nodes, six values: not a category */
  g_assert_false (cs_attribute_info_is_categorical (weight));
  g_assert_true (cs_attribute_info_can_drive (weight, CS_STYLE_SIZE));
  g_assert_true (cs_attribute_info_can_drive (weight, CS_STYLE_COLOR));
  g_assert_false (cs_attribute_info_can_drive (weight, CS_STYLE_SHAPE));

  g_assert_nonnull (color);
  g_assert_true (cs_attribute_info_is_colors (color));
  g_assert_cmpuint (color->n_values, ==, 3); /* #f00 and #ff0000 are written apart */

  g_assert_true (cs_attribute_value_is_color ("#abc"));
  g_assert_true (cs_attribute_value_is_color ("#aabbccdd"));
  g_assert_false (cs_attribute_value_is_color ("#abcd"));
  g_assert_false (cs_attribute_value_is_color ("red"));
  g_assert_true (cs_attribute_value_get_number ("-1.5e3", NULL));
  g_assert_false (cs_attribute_value_get_number (" 1", NULL));
  g_assert_false (cs_attribute_value_get_number ("1 apple", NULL));
  g_assert_false (cs_attribute_value_get_number ("inf", NULL));
}

/* With nothing said: the file's colours and a known measure for a graph
 * whose nodes are all of one kind; the node types for the programme's */
static void
test_pick (void)
{
  g_autoptr(CsGraph) styled = cs_test_load_graph ("good", "styled.json");
  g_autoptr(CsGraph) bundled = cs_test_load_graph ("bundled", BUNDLED_GRAPH);
  const CsAttributeSummary *summary = cs_attribute_summary_get (styled);
  g_autoptr(CsViewState) view = cs_view_state_new ();

  g_assert_cmpstr (cs_attribute_summary_pick (summary, styled, CS_STYLE_COLOR), ==, "color");
  g_assert_cmpstr (cs_attribute_summary_pick (summary, styled, CS_STYLE_SIZE), ==, "weight");
  g_assert_cmpstr (cs_attribute_summary_pick (summary, styled, CS_STYLE_SHAPE), ==, "");
  g_assert_cmpstr (cs_attribute_summary_pick (summary, styled, CS_STYLE_GROUP), ==, "");
  for (guint c = 0; c < CS_N_STYLE_CHANNELS; c++)
    g_assert_cmpstr (cs_attribute_summary_pick (cs_attribute_summary_get (bundled), bundled, c),
                     ==, "");

  /* Gephi's "Modularity Class" is a known grouping key, whatever its case
   * and spaces; a file's own colours come first */
  {
    g_autofree char *path = g_build_filename (g_getenv ("CONSORTIA_TESTDATA"), "graphology",
                                              "graphml", "miserables.graphml", NULL);
    g_autoptr(GError) error = NULL;
    g_autoptr(CsGraph) gephi = cs_import_file (path, NULL, NULL, &error);
    const CsAttributeSummary *gephi_summary;

    g_assert_no_error (error);
    gephi_summary = cs_attribute_summary_get (gephi);
    g_assert_cmpstr (cs_attribute_summary_pick (gephi_summary, gephi, CS_STYLE_COLOR), ==,
                     "color");
    g_assert_cmpstr (cs_attribute_summary_pick (gephi_summary, gephi, CS_STYLE_SIZE), ==, "size");
  }
  {
    const char *text = "{\"nodes\": [{\"id\": \"a\", \"Modularity Class\": 1}, "
                       "{\"id\": \"b\", \"Modularity Class\": 1}, "
                       "{\"id\": \"c\", \"Modularity Class\": 2}, "
                       "{\"id\": \"d\", \"other\": \"x\"}], \"links\": []}";
    g_autoptr(GError) error = NULL;
    g_autoptr(CsGraph) classes = cs_import_data (text, strlen (text), "classes.json", NULL, NULL,
                                                 &error);

    g_assert_no_error (error);
    g_assert_cmpstr (cs_attribute_summary_pick (cs_attribute_summary_get (classes), classes,
                                                CS_STYLE_COLOR),
                     ==, "Modularity Class");
  }

  /* the view: automatic, the types, a key; a key that cannot drive the
   * channel counts as the types */
  cs_view_state_set_graph (view, styled);
  g_assert_null (cs_view_state_get_style_key (view, CS_STYLE_COLOR));
  g_assert_cmpstr (cs_view_state_get_style_attribute (view, CS_STYLE_COLOR), ==, "color");
  cs_view_state_set_style_key (view, CS_STYLE_COLOR, "");
  g_assert_cmpstr (cs_view_state_get_style_attribute (view, CS_STYLE_COLOR), ==, "");
  cs_view_state_set_style_key (view, CS_STYLE_COLOR, "club");
  g_assert_cmpstr (cs_view_state_get_style_attribute (view, CS_STYLE_COLOR), ==, "club");
  cs_view_state_set_style_key (view, CS_STYLE_SIZE, "club");
  g_assert_cmpstr (cs_view_state_get_style_attribute (view, CS_STYLE_SIZE), ==, "");
  cs_view_state_set_style_key (view, CS_STYLE_SHAPE, "no-such-key");
  g_assert_cmpstr (cs_view_state_get_style_attribute (view, CS_STYLE_SHAPE), ==, "");
  /* another graph: its own choices */
  cs_view_state_set_graph (view, bundled);
  g_assert_null (cs_view_state_get_style_key (view, CS_STYLE_COLOR));
}

static CsScene *
scene_for (CsGraph     *graph,
           CsViewState *view,
           CsPositions *positions,
           CsRenderStyle *style)
{
  CsScene *scene = cs_scene_new (graph, positions, NULL, view, style, 800, 600);

  cs_scene_fit (scene, 20);
  return scene;
}

/* Colour by categories, by the file's colours and by a ramp; size by
 * numbers; shape by categories */
static void
test_scene_styles (void)
{
  g_autoptr(CsGraph) graph = cs_test_load_graph ("good", "styled.json");
  g_autoptr(CsPositions) positions = cs_test_default_layout (graph, "styled.json");
  g_autoptr(CsViewState) view = cs_view_state_new ();
  guint a1 = node (graph, "a1"), a2 = node (graph, "a2"), a3 = node (graph, "a3");
  guint b1 = node (graph, "b1"), b3 = node (graph, "b3"), c1 = node (graph, "c1");
  CsRenderStyle style;
  const CsNodeStyle *type_style;

  cs_render_style_init_default (&style, FALSE);
  cs_view_state_set_graph (view, graph);

  /* the types: every node alike */
  for (guint c = 0; c < CS_N_STYLE_CHANNELS; c++)
    cs_view_state_set_style_key (view, c, "");
  {
    g_autoptr(CsScene) scene = scene_for (graph, view, positions, &style);

    type_style = cs_scene_get_node_style (scene, a1);
    g_assert_true (same_color (&cs_scene_get_node_style (scene, b1)->fill, &type_style->fill));
    g_assert_cmpfloat (cs_scene_get_node_radius (scene, b3), ==,
                       cs_scene_get_node_radius (scene, a3)); /* both of degree 2 */
  }

  /* categories: one colour per club, the node without one keeps its look */
  cs_view_state_set_style_key (view, CS_STYLE_COLOR, "club");
  cs_view_state_set_style_key (view, CS_STYLE_SHAPE, "club");
  {
    g_autoptr(CsScene) scene = scene_for (graph, view, positions, &style);
    g_autoptr(CsScene) types = NULL;
    const CsNodeStyle *sa = cs_scene_get_node_style (scene, a1);
    const CsNodeStyle *sb = cs_scene_get_node_style (scene, b1);

    g_assert_true (same_color (&sa->fill, &cs_scene_get_node_style (scene, a2)->fill));
    g_assert_false (same_color (&sa->fill, &sb->fill));
    g_assert_cmpint (sa->shape, ==, cs_scene_get_node_style (scene, a3)->shape);
    g_assert_cmpint (sa->shape, !=, sb->shape);
    g_assert_cmpint (cs_scene_get_node_style (scene, c1)->shape, ==, CS_SHAPE_CIRCLE);
    cs_view_state_set_style_key (view, CS_STYLE_COLOR, "");
    cs_view_state_set_style_key (view, CS_STYLE_SHAPE, "");
    types = scene_for (graph, view, positions, &style);
    g_assert_true (same_color (&cs_scene_get_node_style (scene, c1)->fill,
                               &cs_scene_get_node_style (types, c1)->fill));
    g_assert_false (cs_scene_equal_content (scene, types));
  }

  /* the file's colours, #f00 the same red as #ff0000 */
  cs_view_state_set_style_key (view, CS_STYLE_COLOR, "color");
  {
    g_autoptr(CsScene) scene = scene_for (graph, view, positions, &style);
    const CsColor red = { 1, 0, 0, 1 }, blue = { 0, 0, 1, 1 };

    g_assert_true (same_color (&cs_scene_get_node_style (scene, a1)->fill, &red));
    g_assert_true (same_color (&cs_scene_get_node_style (scene, a3)->fill, &red));
    g_assert_true (same_color (&cs_scene_get_node_style (scene, b3)->fill, &blue));
  }

  /* a ramp: the smallest and largest at its two ends, apart */
  cs_view_state_set_style_key (view, CS_STYLE_COLOR, "weight");
  {
    g_autoptr(CsScene) scene = scene_for (graph, view, positions, &style);
    const CsColor *low = &cs_scene_get_node_style (scene, a1)->fill;
    const CsColor *high = &cs_scene_get_node_style (scene, b3)->fill;

    g_assert_false (same_color (low, high));
    /* light to dark */
    g_assert_cmpfloat (low->red + low->green + low->blue, >, high->red + high->green + high->blue);
  }

  /* size by numbers: larger with the value, whatever the degree */
  cs_view_state_set_style_key (view, CS_STYLE_SIZE, "weight");
  {
    g_autoptr(CsScene) scene = scene_for (graph, view, positions, &style);
    double r1 = cs_scene_get_node_radius (scene, a1), r2 = cs_scene_get_node_radius (scene, a2);
    double r30 = cs_scene_get_node_radius (scene, b3);

    g_assert_cmpfloat (r1, <, r2);
    g_assert_cmpfloat (r2, <, r30);
    /* the area follows the value: 30 times the value, at most 30 times the
     * area */
    g_assert_cmpfloat (r30 * r30, <=, 30 * r1 * r1 + 1e-9);
    g_assert_cmpfloat (cs_scene_get_node_radius (scene, c1), <, r1);
  }
  cs_render_style_clear (&style);
}

static guint
count_pixels_near (cairo_surface_t *surface,
                   const CsColor   *color)
{
  guint n = 0;
  int w = cairo_image_surface_get_width (surface), h = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guint8 *data = cairo_image_surface_get_data (surface);

  cairo_surface_flush (surface);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        guint32 p = *(const guint32 *)(data + y * stride + 4 * x);
        double r = ((p >> 16) & 0xff) / 255.0, g = ((p >> 8) & 0xff) / 255.0, b = (p & 0xff) / 255.0;

        n += fabs (r - color->red) < 0.03 && fabs (g - color->green) < 0.03 &&
             fabs (b - color->blue) < 0.03;
      }
  return n;
}

/* An attribute's groups are outlined, one colour each, instead of the
 * consortia; the legend says so */
static void
test_groups (void)
{
  g_autoptr(CsGraph) graph = cs_test_load_graph ("good", "styled.json");
  g_autoptr(CsPositions) positions = cs_test_default_layout (graph, "styled.json");
  g_autoptr(CsViewState) view = cs_view_state_new ();
  g_autoptr(CsScene) plain = NULL;
  g_autoptr(CsScene) grouped = NULL;
  CsRenderStyle style;
  cairo_surface_t *with, *without;
  cairo_t *cr;

  cs_render_style_init_default (&style, FALSE);
  cs_view_state_set_graph (view, graph);
  cs_view_state_set_style_key (view, CS_STYLE_COLOR, "");
  plain = scene_for (graph, view, positions, &style);
  cs_view_state_set_style_key (view, CS_STYLE_GROUP, "club");
  grouped = scene_for (graph, view, positions, &style);
  g_assert_false (cs_scene_equal_content (plain, grouped));

  with = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 800, 600);
  without = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 800, 600);
  cr = cairo_create (with);
  cs_renderer_draw (cr, grouped);
  cairo_destroy (cr);
  cr = cairo_create (without);
  cs_renderer_draw (cr, plain);
  cairo_destroy (cr);
  /* the first two outline colours, stroked round each club */
  for (guint g = 0; g < 2; g++)
    {
      guint n_with = count_pixels_near (with, &style.hulls[g]);
      guint n_without = count_pixels_near (without, &style.hulls[g]);

      g_test_message ("outline colour %u: %u pixels grouped, %u not", g, n_with, n_without);
      g_assert_cmpuint (n_with, >, n_without + 40);
    }
  cairo_surface_destroy (with);
  cairo_surface_destroy (without);
  cs_render_style_clear (&style);
}

/* The choices go into the file's view (null for the node types) and come
 * back; a choice the reader cannot take is a warning, not a refusal */
static void
test_saved (void)
{
  g_autoptr(CsGraph) graph = cs_test_load_graph ("good", "styled.json");
  g_autoptr(CsPositions) positions = cs_test_default_layout (graph, "styled.json");
  g_autoptr(CsViewState) view = cs_view_state_new ();
  g_autoptr(CsViewState) again = cs_view_state_new ();
  g_autoptr(CsSavedView) saved = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(CsGraph) reread = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  const CsSavedView *read;
  const char *text;
  gsize length;

  cs_view_state_set_graph (view, graph);
  cs_view_state_set_style_key (view, CS_STYLE_SHAPE, "");
  cs_view_state_set_style_key (view, CS_STYLE_GROUP, "club");
  saved = cs_view_state_save (view);
  /* automatic choices are written as they were made */
  g_assert_cmpstr (saved->style[CS_STYLE_COLOR], ==, "color");
  g_assert_cmpstr (saved->style[CS_STYLE_SIZE], ==, "weight");
  g_assert_cmpstr (saved->style[CS_STYLE_SHAPE], ==, "");
  g_assert_cmpstr (saved->style[CS_STYLE_GROUP], ==, "club");

  bytes = cs_consortia_writer_to_bytes (graph, positions, NULL, NULL, -1, saved);
  text = g_bytes_get_data (bytes, &length);
  g_assert_nonnull (g_strstr_len (text, length, "\"shape\": null"));
  g_assert_nonnull (g_strstr_len (text, length, "\"group\": \"club\""));
  reread = cs_import_data (text, length, "styled-saved.json", NULL, &problems, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems != NULL ? problems->len : 0, ==, 0);
  read = cs_graph_get_saved_view (reread);
  g_assert_true (cs_saved_view_equal (read, saved));
  cs_view_state_set_graph (again, reread);
  cs_view_state_restore (again, read);
  g_assert_cmpstr (cs_view_state_get_style_key (again, CS_STYLE_SHAPE), ==, "");
  g_assert_cmpstr (cs_view_state_get_style_key (again, CS_STYLE_GROUP), ==, "club");
  g_assert_cmpstr (cs_view_state_get_style_attribute (again, CS_STYLE_COLOR), ==, "color");

  /* a number where a key belongs, and a channel of no one's */
  {
    const char *bad = "{\"format\": \"consortia-graph\", \"version\": 1, \"nodes\": "
                      "[{\"id\": \"a\", \"label\": \"A\", \"type\": \"company\"}], \"edges\": [],"
                      "\n\"view\": {\"style\": {\"color\": 5, \"smell\": \"x\"}}}";
    g_autoptr(GPtrArray) warnings = NULL;
    g_autoptr(GError) bad_error = NULL;
    g_autoptr(CsGraph) opened = cs_import_data (bad, strlen (bad), "bad-style.json", NULL,
                                                &warnings, &bad_error);
    gboolean said_color = FALSE, said_smell = FALSE;

    g_assert_no_error (bad_error);
    g_assert_nonnull (opened);
    g_assert_nonnull (warnings);
    for (guint i = 0; i < warnings->len; i++)
      {
        const CsProblem *problem = g_ptr_array_index (warnings, i);

        g_test_message ("%u:%u %s %s", problem->line, problem->column, problem->path,
                        problem->message);
        said_color |= problem->path != NULL && g_str_has_suffix (problem->path, "style.color") &&
                      problem->line == 2;
        said_smell |= g_strrstr (problem->message, "smell") != NULL;
      }
    g_assert_true (said_color);
    g_assert_true (said_smell);
    g_assert_null (cs_graph_get_saved_view (opened)->style[CS_STYLE_COLOR]);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cs/styling/summary", test_summary);
  g_test_add_func ("/cs/styling/pick", test_pick);
  g_test_add_func ("/cs/styling/scene-styles", test_scene_styles);
  g_test_add_func ("/cs/styling/groups", test_groups);
  g_test_add_func ("/cs/styling/saved", test_saved);
  return g_test_run ();
}
