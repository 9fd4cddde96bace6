/* test-renderer.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-export.h"
#include "cs-hull.h"
#include "cs-import.h"
#include "cs-layout-private.h"
#include "cs-layout.h"
#include "cs-renderer.h"
#include "test-support.h"

#include <math.h>

typedef struct
{
  CsGraph         *graph;
  CsPositions     *positions;
  CsRenderStyle    style;
  CsScene         *scene;
  cairo_surface_t *surface;
} Fixture;

/* the scene again, from the same inputs with these pins and view */
static void
rebuild (Fixture        *f,
         const gboolean *pinned,
         CsViewState    *view)
{
  g_clear_pointer (&f->scene, cs_scene_unref);
  f->scene = cs_scene_new (f->graph, f->positions, pinned, view, &f->style, 800, 600);
  cs_scene_fit (f->scene, 20);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->graph = cs_test_load_graph ("good", data != NULL ? data : "small.json");
  f->positions = cs_test_default_layout (f->graph, data != NULL ? data : "small.json");
  cs_render_style_init_default (&f->style, FALSE);
  rebuild (f, NULL, NULL);
  f->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 800, 600);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  cairo_surface_destroy (f->surface);
  g_clear_pointer (&f->scene, cs_scene_unref);
  cs_render_style_clear (&f->style);
  cs_positions_unref (f->positions);
  g_assert_finalize_object (f->graph);
}

static void
draw (Fixture *f)
{
  cairo_t *cr = cairo_create (f->surface);

  cs_renderer_draw (cr, f->scene);
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

      cs_scene_node_to_device (f->scene, i, &x, &y);
      g_test_message ("node %s at %.1f,%.1f", cs_graph_get_node (f->graph, i)->id, x, y);
      cs_test_assert_color (f->surface, x, y,
                            &cs_scene_get_node_style (f->scene, i)->fill, 2 / 255.0);
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
  cs_scene_set_flags (f->scene, cs_scene_get_flags (f->scene) & ~CS_RENDER_BACKGROUND);
  draw (f);
  cs_test_assert_color (f->surface, 799, 599, &transparent, 0);
}

static void
test_dark_palette (Fixture       *f,
                   gconstpointer  data)
{
  cs_render_style_clear (&f->style);
  cs_render_style_init_default (&f->style, TRUE);
  rebuild (f, NULL, NULL);
  draw (f);
  g_assert_cmpfloat (f->style.background.red, <, 0.2);
  cs_test_assert_color (f->surface, 799, 599, &f->style.background, 1 / 255.0);
  for (guint i = 0; i < cs_graph_get_n_nodes (f->graph); i++)
    {
      double x, y;

      cs_scene_node_to_device (f->scene, i, &x, &y);
      cs_test_assert_color (f->surface, x, y,
                            &cs_scene_get_node_style (f->scene, i)->fill, 2 / 255.0);
    }
}

/* The legend, drawn at the top left, reserves its box: no label inside. */
static void
test_legend_drawn (Fixture       *f,
                   gconstpointer  data)
{
  CsColor color;
  guint legend_pixels = 0;

  cs_scene_set_flags (f->scene, CS_RENDER_BACKGROUND | CS_RENDER_LEGEND);
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

      cs_scene_node_to_device (f->scene, i, &x, &y);
      g_assert_cmpint (cs_renderer_hit_test (f->scene, x, y), ==, (int)i);
      g_assert_cmpint (cs_renderer_hit_test (f->scene, x + 1, y - 1), ==, (int)i);
    }
  g_assert_cmpint (cs_renderer_hit_test (f->scene, -500, -500), ==, -1);
}

static void
test_hangul_has_glyphs (Fixture       *f,
                        gconstpointer  data)
{
  /* small.json's labels are Hangul: an installed CJK font must cover them */
  g_assert_cmpuint (cs_renderer_count_missing_glyphs (f->scene), ==, 0);
}

static void
test_missing_glyphs_detected (void)
{
  /* U+F0000 (private use) has no glyph in any font we install */
  const char *data =
      "{\"format\": \"consortia-graph\", \"version\": 1, \"nodes\": ["
      "{\"id\": \"a\", \"label\": \"\xf3\xb0\x80\x80\xf3\xb0\x80\x81\", \"type\": \"company\"}]}";
  g_autoptr(CsGraph) graph = cs_import_data (data, strlen (data), NULL, NULL, NULL, NULL);
  g_autoptr(CsPositions) positions = cs_positions_new (1, NULL);
  g_autoptr(CsScene) scene = NULL;
  CsRenderStyle style;

  cs_render_style_init_default (&style, FALSE);
  scene = cs_scene_new (graph, positions, NULL, NULL, &style, 100, 100);
  g_assert_cmpuint (cs_renderer_count_missing_glyphs (scene), ==, 2);
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

  cs_scene_set_flags (f->scene, CS_RENDER_BACKGROUND | CS_RENDER_LABELS);
  draw (f);
  g_assert_true (cs_graph_lookup (f->graph, "ax", &index));
  cs_scene_node_to_device (f->scene, index, &x, &y);
  r = cs_scene_get_node_radius (f->scene, index) * cs_scene_get_zoom (f->scene);
  for (int dy = 0; dy < 12 * cs_scene_get_zoom (f->scene); dy++)
    for (int dx = -20; dx <= 20; dx++)
      {
        CsColor color;

        cs_test_read_pixel (f->surface, x + dx, y + r + 4 + dy, &color);
        ink += color.red < 0.5;
      }
  g_assert_cmpuint (ink, >, 20);
}

/* At every zoom no two labels overlap, and zooming in names more of the
 * nodes: a label shown at one zoom is still shown closer in. The labels
 * are measured on the force layout this test was written for (the seed
 * the bundled file gives), whatever layout the file opens with: how many
 * nodes a zoom about the middle keeps in view is the layout's business. */
static void
test_labels_never_overlap (void)
{
  g_autoptr(CsGraph) graph = cs_test_load_graph ("bundled", BUNDLED_GRAPH);
  g_autoptr(CsLayoutParams) params = cs_layout_params_new (CS_LAYOUT_FRUCHTERMAN_REINGOLD, 42);
  g_autoptr(CsPositions) positions = cs_layout_run (graph, params, NULL, NULL);
  const double zooms[] = { 0.6, 1.0, 1.5, 2.5, 4.0 };
  guint n_nodes = cs_graph_get_n_nodes (graph);
  g_autofree gboolean *named_before = g_new0 (gboolean, n_nodes);
  guint previous = 0;
  CsRenderStyle style;

  cs_render_style_init_default (&style, FALSE);
  for (guint z = 0; z < G_N_ELEMENTS (zooms); z++)
    {
      g_autoptr(GArray) labels = g_array_new (FALSE, FALSE, sizeof (CsPlacedLabel));
      g_autofree gboolean *named = g_new0 (gboolean, n_nodes);
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1200, 800);
      cairo_t *cr = cairo_create (surface);
      g_autoptr(CsScene) scene = cs_scene_new (graph, positions, NULL, NULL, &style, 1200, 800);
      guint n_named = 0, kept = 0, before = 0;

      cs_scene_fit (scene, 20);
      /* zoom about the middle, as the window does */
      cs_scene_set_transform (scene, cs_scene_get_zoom (scene) * zooms[z],
                              600 - (600 - cs_scene_get_offset_x (scene)) * zooms[z],
                              400 - (400 - cs_scene_get_offset_y (scene)) * zooms[z]);
      cs_scene_set_placed_labels (scene, labels);
      cs_renderer_draw (cr, scene);
      for (guint i = 0; i < labels->len; i++)
        {
          const CsPlacedLabel *a = &g_array_index (labels, CsPlacedLabel, i);

          for (guint j = i + 1; j < labels->len; j++)
            {
              const CsPlacedLabel *b = &g_array_index (labels, CsPlacedLabel, j);

              g_assert_false (a->bounds.x0 < b->bounds.x1 && b->bounds.x0 < a->bounds.x1 &&
                              a->bounds.y0 < b->bounds.y1 && b->bounds.y0 < a->bounds.y1);
            }
          named[a->node] = TRUE;
          n_named++;
        }
      /* of the nodes named at the previous zoom and still in view, most
       * stay named (a label may move aside, never many vanish) */
      for (guint i = 0; i < n_nodes; i++)
        {
          double x, y;

          cs_scene_node_to_device (scene, i, &x, &y);
          if (!named_before[i] || x < 100 || x > 1100 || y < 100 || y > 700)
            continue;
          before++;
          kept += named[i];
        }
      g_test_message ("zoom ×%.1f: %u labels; %u of %u named before still named", zooms[z], n_named,
                      kept, before);
      g_assert_cmpuint (kept * 10, >=, before * 9);
      if (z > 0)
        g_assert_cmpuint (n_named + 5, >=, previous / 2);
      memcpy (named_before, named, n_nodes * sizeof (gboolean));
      previous = n_named;
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
  g_assert_cmpuint (previous, >, 0);
  cs_render_style_clear (&style);
}

/* A node the filter hides is not drawn, so it leaves room for its
 * neighbour's label; a node the filter only fades still takes its space. */
static void
test_hidden_nodes_leave_room (void)
{
  static const char json[] =
      "{\"format\": \"consortia-graph\", \"version\": 1, \"nodes\": ["
      "{\"id\": \"a\", \"label\": \"A\", \"type\": \"company\"},"
      "{\"id\": \"s\", \"label\": \"S\", \"type\": \"university\"},"
      "{\"id\": \"n\", \"label\": \"N\", \"type\": \"university\"},"
      "{\"id\": \"e\", \"label\": \"E\", \"type\": \"university\"},"
      "{\"id\": \"w\", \"label\": \"W\", \"type\": \"university\"}], \"edges\": []}";
  /* the universities sit on the four places a label of A could go */
  static const double xy[] = { 0, 0, 0, 24, 0, -24, 24, 0, -24, 0 };
  g_autoptr(CsGraph) graph = cs_import_data (json, strlen (json), "t.json", NULL, NULL, NULL);
  g_autoptr(CsPositions) positions = cs_positions_new (5, xy);
  g_autoptr(CsFilter) filter = cs_filter_new ();
  g_autoptr(CsViewState) view = cs_view_state_new ();
  CsRenderStyle style;
  guint a;

  g_assert_nonnull (graph);
  g_assert_true (cs_graph_lookup (graph, "a", &a));
  cs_render_style_init_default (&style, FALSE);
  cs_view_state_set_graph (view, graph);
  cs_view_state_set_sizing (view, CS_NODE_SIZE_UNIFORM);
  cs_filter_set_type_shown (filter, "university", FALSE);
  for (guint hide = 0; hide <= 1; hide++)
    {
      g_autoptr(GArray) labels = g_array_new (FALSE, FALSE, sizeof (CsPlacedLabel));
      g_autoptr(CsScene) scene = NULL;
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 400, 400);
      cairo_t *cr = cairo_create (surface);
      gboolean a_named = FALSE;

      filter->hide = hide;
      cs_view_state_set_filter (view, filter);
      scene = cs_scene_new (graph, positions, NULL, view, &style, 400, 400);
      cs_scene_set_flags (scene, CS_RENDER_BACKGROUND | CS_RENDER_LABELS);
      cs_scene_set_transform (scene, 1.0, 200, 200);
      cs_scene_set_placed_labels (scene, labels);
      cs_renderer_draw (cr, scene);
      for (guint i = 0; i < labels->len; i++)
        {
          /* only A is shown, so only A can be named */
          g_assert_cmpuint (g_array_index (labels, CsPlacedLabel, i).node, ==, a);
          a_named = TRUE;
        }
      g_test_message ("%s: A %s", hide ? "hidden" : "faded", a_named ? "named" : "not named");
      g_assert_true (a_named == (gboolean)hide);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
  cs_render_style_clear (&style);
}

/* Random points over the scene, and a point @beside each node's centre
 * (device units): the index answers like the plain test at every one.
 * Returns how many points hit a node. */
static guint
check_index (CsScene       *scene,
             CsSpatialGrid *index,
             GRand         *rand,
             guint          n_points,
             double         beside)
{
  guint hits = 0;

  for (guint i = 0; i < n_points; i++)
    {
      double x = g_rand_double_range (rand, 0, 1200);
      double y = g_rand_double_range (rand, 0, 800);
      int plain = cs_renderer_hit_test (scene, x, y);

      g_assert_cmpint (cs_renderer_hit_test_indexed (scene, index, x, y), ==, plain);
      hits += plain >= 0;
    }
  for (guint i = 0; i < cs_graph_get_n_nodes (cs_scene_get_graph (scene)); i++)
    {
      double x, y, r = beside > 0 ? cs_scene_get_node_radius (scene, i) * cs_scene_get_zoom (scene)
                                  : 0;

      cs_scene_node_to_device (scene, i, &x, &y);
      x += beside > 0 ? r + beside : 0;
      g_assert_cmpint (cs_renderer_hit_test_indexed (scene, index, x, y), ==,
                       cs_renderer_hit_test (scene, x, y));
    }
  return hits;
}

/* The indexed hit test answers like the plain one, everywhere. */
static void
test_hit_index (void)
{
  g_autoptr(CsGraph) graph = cs_test_load_graph ("bundled", BUNDLED_GRAPH);
  g_autoptr(CsPositions) positions = cs_test_default_layout (graph, BUNDLED_GRAPH);
  g_autoptr(CsSpatialGrid) index = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (3);
  g_autoptr(CsScene) scene = NULL;
  CsRenderStyle style;
  guint n_points = cs_test_bounded () ? 4000 : 20000;

  cs_render_style_init_default (&style, FALSE);
  scene = cs_scene_new (graph, positions, NULL, NULL, &style, 1200, 800);
  cs_scene_fit (scene, 20);
  index = cs_renderer_build_hit_index (scene);
  g_assert_cmpuint (check_index (scene, index, rand, n_points, 0), >, n_points / 200);

  /* the index is in world units: after a pan it still answers like the
   * plain test, the node at each point and the slop round it included */
  cs_scene_set_transform (scene, cs_scene_get_zoom (scene), cs_scene_get_offset_x (scene) + 333.7,
                          cs_scene_get_offset_y (scene) - 121.2);
  g_assert_cmpuint (check_index (scene, index, rand, n_points, 2), >, n_points / 400);
  cs_render_style_clear (&style);
}

/* Focus: the hovered node and its neighbours keep their colours, the rest
 * fades; a selected node gets a ring in the selection colour. */
static void
test_focus (Fixture       *f,
            gconstpointer  data)
{
  CsRenderFocus focus = { .hover = -1 };
  guint skt, ax, kaist;
  double x, y;
  cairo_t *cr;
  CsColor faded;

  draw (f);
  g_assert_true (cs_graph_lookup (f->graph, "skt", &skt));
  g_assert_true (cs_graph_lookup (f->graph, "ax", &ax));
  g_assert_true (cs_graph_lookup (f->graph, "kaist", &kaist));
  focus.hover = skt;
  focus.selected = &kaist;
  focus.n_selected = 1;
  cr = cairo_create (f->surface);
  cs_renderer_draw_focus (cr, f->scene, &focus);
  cairo_destroy (cr);

  cs_scene_node_to_device (f->scene, skt, &x, &y);
  cs_test_assert_color (f->surface, x, y, &f->style.nodes[CS_NODE_TYPE_COMPANY].fill, 2 / 255.0);
  cs_scene_node_to_device (f->scene, ax, &x, &y);
  cs_test_assert_color (f->surface, x, y, &f->style.nodes[CS_NODE_TYPE_MODEL].fill, 2 / 255.0);
  /* KAIST is not a neighbour of SK Telecom: faded towards the background */
  cs_scene_node_to_device (f->scene, kaist, &x, &y);
  cs_test_read_pixel (f->surface, x, y, &faded);
  g_assert_cmpfloat (faded.blue, >, f->style.nodes[CS_NODE_TYPE_UNIVERSITY].fill.blue + 0.3);
  /* its selection ring */
  {
    double r = cs_scene_get_node_radius (f->scene, kaist) * cs_scene_get_zoom (f->scene);
    guint ring = 0;

    for (int a = 0; a < 360; a += 5)
      for (double d = r; d < r + 10; d += 0.5)
        {
          CsColor c;

          cs_test_read_pixel (f->surface, x + d * cos (a * G_PI / 180),
                              y + d * sin (a * G_PI / 180), &c);
          ring += fabs (c.red - f->style.selection.red) < 0.05 &&
                  fabs (c.green - f->style.selection.green) < 0.05 &&
                  fabs (c.blue - f->style.selection.blue) < 0.05;
        }
    g_assert_cmpuint (ring, >, 60);
  }
}

static guint
count_ring (Fixture       *f,
            guint          node,
            const CsColor *color)
{
  double r = cs_scene_get_node_radius (f->scene, node) * cs_scene_get_zoom (f->scene);
  guint ring = 0;
  double x, y;

  cs_scene_node_to_device (f->scene, node, &x, &y);
  for (int a = 0; a < 360; a += 5)
    for (double d = r; d < r + 12; d += 0.5)
      {
        CsColor c;

        cs_test_read_pixel (f->surface, x + d * cos (a * G_PI / 180), y + d * sin (a * G_PI / 180),
                            &c);
        ring += fabs (c.red - color->red) < 0.05 && fabs (c.green - color->green) < 0.05 &&
                fabs (c.blue - color->blue) < 0.05;
      }
  return ring;
}

/* The search's matches get a ring in the match colour, and nothing else
 * does; the picture is not faded for them */
static void
test_focus_marked (Fixture       *f,
                   gconstpointer  data)
{
  guint marked[2], kaist;
  CsRenderFocus focus = { .hover = -1, .marked = marked, .n_marked = 2 };
  cairo_t *cr;
  double x, y;

  draw (f);
  g_assert_true (cs_graph_lookup (f->graph, "skt", &marked[0]));
  g_assert_true (cs_graph_lookup (f->graph, "ax", &marked[1]));
  g_assert_true (cs_graph_lookup (f->graph, "kaist", &kaist));
  g_assert_cmpuint (count_ring (f, marked[0], &f->style.match), ==, 0);
  cr = cairo_create (f->surface);
  cs_renderer_draw_focus (cr, f->scene, &focus);
  cairo_destroy (cr);
  g_assert_cmpuint (count_ring (f, marked[0], &f->style.match), >, 60);
  g_assert_cmpuint (count_ring (f, marked[1], &f->style.match), >, 60);
  g_assert_cmpuint (count_ring (f, kaist, &f->style.match), ==, 0);
  cs_scene_node_to_device (f->scene, kaist, &x, &y);
  cs_test_assert_color (f->surface, x, y, &f->style.nodes[CS_NODE_TYPE_UNIVERSITY].fill, 2 / 255.0);
}

/* A hovered link comes forward: its ends look as they did, the rest
 * fades, as for a hovered node */
static void
test_focus_hover_edge (Fixture       *f,
                       gconstpointer  data)
{
  CsRenderFocus focus = { .hover = -1, .has_hover_edge = TRUE, .hover_edge = 0 };
  const CsEdge *edge = cs_graph_get_edge (f->graph, 0);
  guint ends[2] = { edge->source, edge->target }, other = G_MAXUINT;
  CsColor before[3], after;
  cairo_t *cr;
  double x, y;

  for (guint i = 0; i < cs_graph_get_n_nodes (f->graph) && other == G_MAXUINT; i++)
    if (i != edge->source && i != edge->target &&
        cs_graph_get_node (f->graph, i)->type == CS_NODE_TYPE_UNIVERSITY)
      other = i;
  g_assert_cmpuint (other, !=, G_MAXUINT);
  draw (f);
  for (guint k = 0; k < 3; k++)
    {
      cs_scene_node_to_device (f->scene, k < 2 ? ends[k] : other, &x, &y);
      cs_test_read_pixel (f->surface, x, y, &before[k]);
    }
  cr = cairo_create (f->surface);
  cs_renderer_draw_focus (cr, f->scene, &focus);
  cairo_destroy (cr);
  for (guint k = 0; k < 2; k++)
    {
      cs_scene_node_to_device (f->scene, ends[k], &x, &y);
      cs_test_assert_color (f->surface, x, y, &before[k], 2 / 255.0);
    }
  cs_scene_node_to_device (f->scene, other, &x, &y);
  cs_test_read_pixel (f->surface, x, y, &after);
  g_assert_cmpfloat (after.blue, >, before[2].blue + 0.3);
}

/* Hovering a hub brings all its links forward but names only its
 * best-connected few hundred neighbours, every one of them with room. */
static void
test_focus_on_hub (void)
{
  const guint n_leaves = 2400, n_linked = 10;
  g_autoptr(GString) json = g_string_new ("{\"format\": \"consortia-graph\", \"version\": 1, "
                                          "\"nodes\": [{\"id\": \"hub\", \"label\": \"Hub\", "
                                          "\"type\": \"company\"}");
  g_autofree double *xy = g_new0 (double, 2 * (n_leaves + 1));
  g_autoptr(GArray) labels = g_array_new (FALSE, FALSE, sizeof (CsPlacedLabel));
  g_autoptr(CsGraph) graph = NULL;
  g_autoptr(CsPositions) positions = NULL;
  g_autoptr(CsScene) scene = NULL;
  g_autoptr(CsViewState) view = cs_view_state_new ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 3100, 3100);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GError) error = NULL;
  CsRenderFocus focus = { .hover = 0 };
  guint linked_named = 0;
  CsRenderStyle style;

  for (guint i = 0; i < n_leaves; i++)
    g_string_append_printf (json, ",{\"id\": \"n%u\", \"label\": \"N%u\", \"type\": \"university\"}",
                            i, i);
  g_string_append (json, "], \"edges\": [");
  for (guint i = 0; i < n_leaves; i++)
    g_string_append_printf (json, "%s{\"source\": \"n%u\", \"target\": \"hub\", "
                            "\"relation\": \"member_of\", \"role\": \"R%u\"}",
                            i ? "," : "", i, i);
  /* the last few leaves know each other too: the hub's best-connected */
  for (guint i = n_leaves - n_linked; i + 1 < n_leaves; i++)
    g_string_append_printf (json, ",{\"source\": \"n%u\", \"target\": \"n%u\", "
                            "\"relation\": \"partners_with\"}", i, i + 1);
  g_string_append (json, "]}");
  graph = cs_import_data (json->str, json->len, "hub.json", NULL, NULL, &error);
  g_assert_no_error (error);

  /* leaves on a grid with room for every name; the hub in the middle */
  xy[0] = 1550;
  xy[1] = 1550;
  for (guint i = 0; i < n_leaves; i++)
    {
      xy[2 * (i + 1)] = 50 + (i % 50) * 60;
      xy[2 * (i + 1) + 1] = 40 + (i / 50) * 62;
    }
  positions = cs_positions_new (n_leaves + 1, xy);
  cs_view_state_set_graph (view, graph);
  cs_view_state_set_sizing (view, CS_NODE_SIZE_UNIFORM);
  cs_render_style_init_default (&style, FALSE);
  scene = cs_scene_new (graph, positions, NULL, view, &style, 3100, 3100);
  cs_scene_set_flags (scene, CS_RENDER_BACKGROUND);
  cs_scene_set_transform (scene, 1.0, 0, 0);
  cs_renderer_draw (cr, scene);
  cs_scene_set_placed_labels (scene, labels);
  cs_renderer_draw_focus (cr, scene, &focus);

  g_test_message ("%u names in the focus of a hub with %u neighbours", labels->len, n_leaves);
  /* the hub and at most 300 neighbours, and not a handful either */
  g_assert_cmpuint (labels->len, <=, 301);
  g_assert_cmpuint (labels->len, >=, 250);
  for (guint i = 0; i < labels->len; i++)
    {
      guint node = g_array_index (labels, CsPlacedLabel, i).node;

      linked_named += node > n_leaves - n_linked;
    }
  g_assert_cmpuint (linked_named, ==, n_linked);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  cs_render_style_clear (&style);
}

static void
test_pins_drawn (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree gboolean *pins = g_new0 (gboolean, cs_graph_get_n_nodes (f->graph));
  guint ax;
  double x, y, r;
  guint dark = 0;

  g_assert_true (cs_graph_lookup (f->graph, "ax", &ax));
  pins[ax] = TRUE;
  rebuild (f, pins, NULL);
  cs_scene_set_flags (f->scene, CS_RENDER_BACKGROUND);
  draw (f);
  cs_scene_node_to_device (f->scene, ax, &x, &y);
  r = cs_scene_get_node_radius (f->scene, ax) * cs_scene_get_zoom (f->scene);
  for (int dy = -4; dy <= 4; dy++)
    for (int dx = -4; dx <= 4; dx++)
      {
        CsColor c;

        cs_test_read_pixel (f->surface, x + 0.75 * r + dx, y - 0.75 * r + dy, &c);
        dark += c.red < 0.3 && c.green < 0.3 && c.blue < 0.3;
      }
  g_assert_cmpuint (dark, >, 10);
}

static double
turn (const double *xy,
      guint         o,
      guint         a,
      guint         b)
{
  return (xy[2 * a] - xy[2 * o]) * (xy[2 * b + 1] - xy[2 * o + 1]) -
         (xy[2 * a + 1] - xy[2 * o + 1]) * (xy[2 * b] - xy[2 * o]);
}

/* The outlines' own convex hull: corners only, in one winding, whatever
 * the order, repeats or collinear points of the input. */
static void
test_hull_geometry (void)
{
  const double square[] = { 0, 0, 10, 10, 5, 5, 10, 0, 0, 10, 5, 0, 10, 10 };
  const double line[] = { 0, 0, 2, 2, 1, 1, 3, 3 };
  const double same[] = { 4, 4, 4, 4, 4, 4 };
  g_autoptr(GArray) hull = g_array_new (FALSE, FALSE, sizeof (guint));
  guint *h;

  cs_hull_compute (square, G_N_ELEMENTS (square) / 2, hull);
  g_assert_cmpuint (hull->len, ==, 4);
  h = (guint *)hull->data;
  for (guint i = 0; i < hull->len; i++)
    {
      /* (5, 5) is inside and (5, 0) on an edge: neither is a corner */
      g_assert_cmpuint (h[i], !=, 2);
      g_assert_cmpuint (h[i], !=, 5);
      g_assert_cmpfloat (turn (square, h[i], h[(i + 1) % 4], h[(i + 2) % 4]), >, 0);
    }

  cs_hull_compute (line, G_N_ELEMENTS (line) / 2, hull);
  g_assert_cmpuint (hull->len, ==, 2);
  cs_hull_compute (same, G_N_ELEMENTS (same) / 2, hull);
  g_assert_cmpuint (hull->len, ==, 1);
  cs_hull_compute (NULL, 0, hull);
  g_assert_cmpuint (hull->len, ==, 0);
}

typedef struct
{
  GMutex   mutex;
  GCond    cond;
  gboolean locked;
  gboolean release;
} LockHolder;

/* stands for a layout or betweenness running in a worker */
static gpointer
hold_igraph (gpointer data)
{
  LockHolder *holder = data;

  _cs_igraph_lock ();
  g_mutex_lock (&holder->mutex);
  holder->locked = TRUE;
  g_cond_broadcast (&holder->cond);
  while (!holder->release)
    g_cond_wait (&holder->cond, &holder->mutex);
  g_mutex_unlock (&holder->mutex);
  _cs_igraph_unlock ();
  return NULL;
}

/* A picture does not depend on what other threads do with igraph: the
 * outlines drawn while another thread holds igraph's lock are the same,
 * byte for byte, and they are there. */
static void
test_outlines_while_igraph_busy (void)
{
  g_autoptr(CsGraph) graph = cs_test_load_graph ("bundled", BUNDLED_GRAPH);
  g_autoptr(CsPositions) positions = cs_test_default_layout (graph, BUNDLED_GRAPH);
  g_autoptr(CsViewState) view = cs_view_state_new ();
  g_autoptr(CsViewState) bare = cs_view_state_new ();
  g_autoptr(GBytes) free_png = NULL;
  g_autoptr(GBytes) busy_png = NULL;
  g_autoptr(GBytes) bare_png = NULL;
  LockHolder holder = { .locked = FALSE };
  CsExportOptions options;
  GThread *thread;

  cs_export_options_init (&options);
  cs_view_state_set_graph (view, graph);
  cs_view_state_set_graph (bare, graph);
  cs_view_state_set_layer (bare, CS_LAYER_HULLS, FALSE);
  free_png = cs_export_to_bytes (graph, positions, view, &options, NULL);
  bare_png = cs_export_to_bytes (graph, positions, bare, &options, NULL);

  g_mutex_init (&holder.mutex);
  g_cond_init (&holder.cond);
  thread = g_thread_new ("igraph-holder", hold_igraph, &holder);
  g_mutex_lock (&holder.mutex);
  while (!holder.locked)
    g_cond_wait (&holder.cond, &holder.mutex);
  g_mutex_unlock (&holder.mutex);

  busy_png = cs_export_to_bytes (graph, positions, view, &options, NULL);

  g_mutex_lock (&holder.mutex);
  holder.release = TRUE;
  g_cond_broadcast (&holder.cond);
  g_mutex_unlock (&holder.mutex);
  g_thread_join (thread);
  g_mutex_clear (&holder.mutex);
  g_cond_clear (&holder.cond);

  g_assert_nonnull (free_png);
  g_assert_nonnull (busy_png);
  g_assert_true (g_bytes_equal (free_png, busy_png));
  /* and the outlines are drawn at all */
  g_assert_false (g_bytes_equal (free_png, bare_png));
}

/* Types and relations the format does not know keep their names and get a
 * style of their own, made from the name: the same name looks the same in
 * every scene, and two names look apart. */
static void
test_unknown_vocabulary (void)
{
  g_autoptr(CsGraph) graph = cs_test_load_graph ("good", "unknown-vocabulary.json");
  g_autoptr(CsPositions) positions = NULL;
  g_autoptr(CsLayoutParams) params = cs_layout_params_new_for_graph (graph);
  g_autoptr(CsScene) scene = NULL;
  g_autoptr(CsScene) again = NULL;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 800, 600);
  cairo_t *cr = cairo_create (surface);
  CsNodeStyle other;
  const CsNodeStyle *a, *b, *tank;
  CsRenderStyle style;
  CsNodeType startup;
  guint sa, sb, tk;

  positions = cs_layout_run (graph, params, NULL, NULL);
  cs_render_style_init_default (&style, FALSE);
  scene = cs_scene_new (graph, positions, NULL, NULL, &style, 800, 600);
  again = cs_scene_new (graph, positions, NULL, NULL, &style, 800, 600);
  cs_scene_fit (scene, 20);

  g_assert_true (cs_graph_lookup_type (graph, "startup_studio", &startup));
  g_assert_cmpuint (startup, >=, CS_N_NODE_TYPES);
  g_assert_cmpstr (cs_graph_get_type_display_name (graph, startup), ==, "startup_studio");
  g_assert_true (cs_graph_lookup (graph, "studio-a", &sa));
  g_assert_true (cs_graph_lookup (graph, "studio-b", &sb));
  g_assert_true (cs_graph_lookup (graph, "tank", &tk));
  a = cs_scene_get_node_style (scene, sa);
  b = cs_scene_get_node_style (scene, sb);
  tank = cs_scene_get_node_style (scene, tk);
  cs_render_style_get_node_style (&style, graph, CS_NODE_TYPE_OTHER, &other);
  g_assert_true (cs_node_style_equal (a, b));
  g_assert_true (cs_node_style_equal (a, cs_scene_get_node_style (again, sa)));
  g_assert_false (memcmp (&a->fill, &tank->fill, sizeof a->fill) == 0);
  g_assert_false (memcmp (&a->fill, &other.fill, sizeof a->fill) == 0);
  g_assert_cmpint (a->shape, !=, CS_SHAPE_RING);

  /* drawn in that colour */
  cs_renderer_draw (cr, scene);
  for (guint i = 0; i < cs_graph_get_n_nodes (graph); i++)
    {
      double x, y;

      cs_scene_node_to_device (scene, i, &x, &y);
      cs_test_assert_color (surface, x, y, &cs_scene_get_node_style (scene, i)->fill, 2 / 255.0);
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  cs_render_style_clear (&style);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/cs/renderer/node-centres", Fixture, NULL, fixture_set_up, test_node_centres,
              fixture_tear_down);
  g_test_add ("/cs/renderer/node-centres/claims", Fixture, "claims.json", fixture_set_up,
              test_node_centres, fixture_tear_down);
  g_test_add ("/cs/renderer/node-centres/partial-positions", Fixture, "partial-positions.json",
              fixture_set_up, test_node_centres, fixture_tear_down);
  g_test_add ("/cs/renderer/background", Fixture, NULL, fixture_set_up, test_background,
              fixture_tear_down);
  g_test_add ("/cs/renderer/dark-palette", Fixture, NULL, fixture_set_up, test_dark_palette,
              fixture_tear_down);
  g_test_add ("/cs/renderer/legend", Fixture, NULL, fixture_set_up, test_legend_drawn,
              fixture_tear_down);
  g_test_add ("/cs/renderer/hit-test", Fixture, NULL, fixture_set_up, test_hit_test,
              fixture_tear_down);
  g_test_add ("/cs/renderer/hangul-has-glyphs", Fixture, NULL, fixture_set_up,
              test_hangul_has_glyphs, fixture_tear_down);
  g_test_add_func ("/cs/renderer/missing-glyphs-detected", test_missing_glyphs_detected);
  g_test_add ("/cs/renderer/labels-have-ink", Fixture, NULL, fixture_set_up, test_labels_have_ink,
              fixture_tear_down);
  g_test_add_func ("/cs/renderer/labels-never-overlap", test_labels_never_overlap);
  g_test_add_func ("/cs/renderer/hidden-nodes-leave-room", test_hidden_nodes_leave_room);
  g_test_add_func ("/cs/renderer/hit-index", test_hit_index);
  g_test_add ("/cs/renderer/focus", Fixture, NULL, fixture_set_up, test_focus, fixture_tear_down);
  g_test_add ("/cs/renderer/focus-marked", Fixture, NULL, fixture_set_up, test_focus_marked,
              fixture_tear_down);
  g_test_add ("/cs/renderer/focus-hover-edge", Fixture, NULL, fixture_set_up,
              test_focus_hover_edge, fixture_tear_down);
  g_test_add_func ("/cs/renderer/focus-on-hub", test_focus_on_hub);
  g_test_add ("/cs/renderer/pins-drawn", Fixture, NULL, fixture_set_up, test_pins_drawn,
              fixture_tear_down);
  g_test_add_func ("/cs/renderer/hull-geometry", test_hull_geometry);
  g_test_add_func ("/cs/renderer/outlines-while-igraph-busy", test_outlines_while_igraph_busy);
  g_test_add_func ("/cs/renderer/unknown-vocabulary", test_unknown_vocabulary);

  return g_test_run ();
}
