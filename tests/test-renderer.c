/* test-renderer.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-graph-loader.h"
#include "cs-layout.h"
#include "cs-renderer.h"
#include "test-support.h"

typedef struct
{
  CsGraph         *graph;
  CsPositions     *positions;
  CsRenderStyle    style;
  CsRenderScene    scene;
  cairo_surface_t *surface;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(CsLayoutParams) params = NULL;

  f->graph = cs_test_load_graph ("good", data != NULL ? data : "small.json");
  params = cs_layout_params_new_for_graph (f->graph);
  f->positions = cs_layout_run (f->graph, params, NULL, NULL);
  cs_render_style_init_default (&f->style, FALSE);
  cs_render_scene_init (&f->scene, f->graph, f->positions, &f->style, 800, 600);
  cs_render_scene_fit (&f->scene, 20);
  f->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 800, 600);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  cairo_surface_destroy (f->surface);
  cs_render_style_clear (&f->style);
  cs_positions_unref (f->positions);
  g_assert_finalize_object (f->graph);
}

static void
draw (Fixture *f)
{
  cairo_t *cr = cairo_create (f->surface);

  cs_renderer_draw (cr, &f->scene);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
}

/* Every node's centre has its type's colour: nodes are drawn where the
 * layout put them, in the right style, above the edges. */
static void
test_node_centres (Fixture       *f,
                   gconstpointer  data)
{
  draw (f);
  for (guint i = 0; i < cs_graph_get_n_nodes (f->graph); i++)
    {
      double x, y;

      cs_renderer_node_to_device (&f->scene, i, &x, &y);
      g_test_message ("node %s at %.1f,%.1f", cs_graph_get_node (f->graph, i)->id, x, y);
      cs_test_assert_color (f->surface, x, y, &f->style.nodes[cs_graph_get_node (f->graph, i)->type].fill, 2 / 255.0);
    }
}

static void
test_background (Fixture       *f,
                 gconstpointer  data)
{
  CsColor transparent = { 0, 0, 0, 0 };

  draw (f);
  cs_test_assert_color (f->surface, 799, 599, &f->style.background, 1 / 255.0);

  /* without the background flag the area off the drawing stays clear */
  cairo_surface_destroy (f->surface);
  f->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 800, 600);
  f->scene.flags &= ~CS_RENDER_BACKGROUND;
  draw (f);
  cs_test_assert_color (f->surface, 799, 599, &transparent, 0);
}

static void
test_dark_palette (Fixture       *f,
                   gconstpointer  data)
{
  cs_render_style_clear (&f->style);
  cs_render_style_init_default (&f->style, TRUE);
  draw (f);
  g_assert_cmpfloat (f->style.background.red, <, 0.2);
  cs_test_assert_color (f->surface, 799, 599, &f->style.background, 1 / 255.0);
  for (guint i = 0; i < cs_graph_get_n_nodes (f->graph); i++)
    {
      double x, y;

      cs_renderer_node_to_device (&f->scene, i, &x, &y);
      cs_test_assert_color (f->surface, x, y, &f->style.nodes[cs_graph_get_node (f->graph, i)->type].fill, 2 / 255.0);
    }
}

/* The legend, drawn at the top left, reserves its box: no label inside. */
static void
test_legend_drawn (Fixture       *f,
                   gconstpointer  data)
{
  CsColor color;
  guint legend_pixels = 0;

  f->scene.flags = CS_RENDER_BACKGROUND | CS_RENDER_LEGEND;
  draw (f);
  /* the legend's fill differs from the background; sample inside its box */
  cs_test_read_pixel (f->surface, 14, 14, &color);
  g_assert_cmpfloat (color.red, <, 1.0);
  for (int y = 12; y < 60; y++)
    for (int x = 12; x < 60; x++)
      {
        cs_test_read_pixel (f->surface, x, y, &color);
        legend_pixels += color.red < 0.9;
      }
  g_assert_cmpuint (legend_pixels, >, 50);
}

static void
test_hit_test (Fixture       *f,
               gconstpointer  data)
{
  for (guint i = 0; i < cs_graph_get_n_nodes (f->graph); i++)
    {
      double x, y;

      cs_renderer_node_to_device (&f->scene, i, &x, &y);
      g_assert_cmpint (cs_renderer_hit_test (&f->scene, x, y), ==, (int)i);
      g_assert_cmpint (cs_renderer_hit_test (&f->scene, x + 1, y - 1), ==, (int)i);
    }
  g_assert_cmpint (cs_renderer_hit_test (&f->scene, -500, -500), ==, -1);
}

static void
test_hangul_has_glyphs (Fixture       *f,
                        gconstpointer  data)
{
  /* small.json's labels are Hangul: an installed CJK font must cover them */
  g_assert_cmpuint (cs_renderer_count_missing_glyphs (&f->scene), ==, 0);
}

static void
test_missing_glyphs_detected (void)
{
  /* U+F0000 (private use) has no glyph in any font we install */
  const char *data = "{\"format\": \"consortia-graph\", \"version\": 1, \"nodes\": ["
                     "{\"id\": \"a\", \"label\": \"\xf3\xb0\x80\x80\xf3\xb0\x80\x81\", \"type\": \"company\"}]}";
  g_autoptr(CsGraph) graph = cs_graph_loader_load_data (data, strlen (data), NULL, NULL, NULL);
  g_autoptr(CsPositions) positions = cs_positions_new (1, NULL);
  CsRenderStyle style;
  CsRenderScene scene;

  cs_render_style_init_default (&style, FALSE);
  cs_render_scene_init (&scene, graph, positions, &style, 100, 100);
  g_assert_cmpuint (cs_renderer_count_missing_glyphs (&scene), ==, 2);
  cs_render_style_clear (&style);
}

/* Labels are drawn as glyphs: the area under a Hangul label gets dark ink
 * in several separate strokes, unlike an empty box outline. */
static void
test_labels_have_ink (Fixture       *f,
                      gconstpointer  data)
{
  guint index;
  double x, y, r;
  guint ink = 0;

  f->scene.flags = CS_RENDER_BACKGROUND | CS_RENDER_LABELS;
  draw (f);
  g_assert_true (cs_graph_lookup (f->graph, "ax", &index));
  cs_renderer_node_to_device (&f->scene, index, &x, &y);
  r = cs_renderer_get_node_radius (&f->scene, index) * f->scene.zoom;
  for (int dy = 0; dy < 12 * f->scene.zoom; dy++)
    for (int dx = -20; dx <= 20; dx++)
      {
        CsColor color;

        cs_test_read_pixel (f->surface, x + dx, y + r + 4 + dy, &color);
        ink += color.red < 0.5;
      }
  g_assert_cmpuint (ink, >, 20);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/cs/renderer/node-centres", Fixture, NULL, fixture_set_up, test_node_centres, fixture_tear_down);
  g_test_add ("/cs/renderer/node-centres/claims", Fixture, "claims.json", fixture_set_up, test_node_centres,
              fixture_tear_down);
  g_test_add ("/cs/renderer/node-centres/partial-positions", Fixture, "partial-positions.json", fixture_set_up,
              test_node_centres, fixture_tear_down);
  g_test_add ("/cs/renderer/background", Fixture, NULL, fixture_set_up, test_background, fixture_tear_down);
  g_test_add ("/cs/renderer/dark-palette", Fixture, NULL, fixture_set_up, test_dark_palette, fixture_tear_down);
  g_test_add ("/cs/renderer/legend", Fixture, NULL, fixture_set_up, test_legend_drawn, fixture_tear_down);
  g_test_add ("/cs/renderer/hit-test", Fixture, NULL, fixture_set_up, test_hit_test, fixture_tear_down);
  g_test_add ("/cs/renderer/hangul-has-glyphs", Fixture, NULL, fixture_set_up, test_hangul_has_glyphs,
              fixture_tear_down);
  g_test_add_func ("/cs/renderer/missing-glyphs-detected", test_missing_glyphs_detected);
  g_test_add ("/cs/renderer/labels-have-ink", Fixture, NULL, fixture_set_up, test_labels_have_ink, fixture_tear_down);

  return g_test_run ();
}
