/* test-export.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-export.h"
#include "cs-import.h"
#include "cs-layout.h"
#include "cs-renderer.h"
#include "test-support.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

typedef struct
{
  CsGraph     *graph;
  CsPositions *positions;
  char        *dir;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(CsLayoutParams) params = NULL;

  f->graph = cs_test_load_graph ("good", "small.json");
  params = cs_layout_params_new_for_graph (f->graph);
  f->positions = cs_layout_run (f->graph, params, NULL, NULL);
  f->dir = g_dir_make_tmp ("cs-export-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
  cs_positions_unref (f->positions);
  g_object_unref (f->graph);
}

typedef struct
{
  const guchar *data;
  gsize         length;
  gsize         offset;
} Reader;

static cairo_status_t
read_bytes (void          *closure,
            unsigned char *data,
            unsigned int   length)
{
  Reader *reader = closure;

  if (reader->offset + length > reader->length)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (data, reader->data + reader->offset, length);
  reader->offset += length;
  return CAIRO_STATUS_SUCCESS;
}

static cairo_surface_t *
decode_png (GBytes *bytes)
{
  Reader reader = { g_bytes_get_data (bytes, &reader.length), 0, 0 };
  cairo_surface_t *surface;

  reader.length = g_bytes_get_size (bytes);
  surface = cairo_image_surface_create_from_png_stream (read_bytes, &reader);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  return surface;
}

static gboolean
export_file (Fixture                *f,
             const CsExportOptions  *options,
             const char             *path,
             GError                **error)
{
  g_autoptr(CsScene) scene = cs_export_build_scene (f->graph, f->positions, NULL, NULL, options);

  return cs_export_scene_to_file (scene, options, path, error);
}

static void
test_png (Fixture       *f,
          gconstpointer  data)
{
  CsExportOptions options;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) again = NULL;
  cairo_surface_t *surface;

  cs_export_options_init (&options);
  options.width = 640;
  options.height = 480;
  bytes = cs_export_to_bytes (f->graph, f->positions, NULL, &options, NULL);
  g_assert_nonnull (bytes);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), 8, "\x89PNG\r\n\x1a\n", 8);
  surface = decode_png (bytes);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 640);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 480);
  cairo_surface_destroy (surface);

  /* deterministic: the same input gives the same bytes */
  again = cs_export_to_bytes (f->graph, f->positions, NULL, &options, NULL);
  g_assert_true (g_bytes_equal (bytes, again));

  /* scale multiplies the pixel size */
  options.scale = 2;
  g_clear_pointer (&again, g_bytes_unref);
  again = cs_export_to_bytes (f->graph, f->positions, NULL, &options, NULL);
  surface = decode_png (again);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 1280);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 960);
  cairo_surface_destroy (surface);
}

static void
test_transparent (Fixture       *f,
                  gconstpointer  data)
{
  CsExportOptions options;
  g_autoptr(GBytes) bytes = NULL;
  cairo_surface_t *surface;
  CsColor clear = { 0, 0, 0, 0 };
  CsColor white = { 1, 1, 1, 1 };

  cs_export_options_init (&options);
  options.width = 300;
  options.height = 200;
  options.legend = FALSE;
  options.background = CS_EXPORT_BACKGROUND_TRANSPARENT;
  bytes = cs_export_to_bytes (f->graph, f->positions, NULL, &options, NULL);
  surface = decode_png (bytes);
  cs_test_assert_color (surface, 0, 0, &clear, 0);
  cs_test_assert_color (surface, 299, 199, &clear, 0);
  cairo_surface_destroy (surface);

  options.background = CS_EXPORT_BACKGROUND_WHITE;
  options.dark = TRUE;
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = cs_export_to_bytes (f->graph, f->positions, NULL, &options, NULL);
  surface = decode_png (bytes);
  cs_test_assert_color (surface, 0, 0, &white, 0);
  cairo_surface_destroy (surface);
}

static void
test_svg_and_pdf (Fixture       *f,
                  gconstpointer  data)
{
  CsExportOptions options;
  g_autoptr(GBytes) svg = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *text = NULL;

  cs_export_options_init (&options);
  options.format = CS_EXPORT_FORMAT_SVG;
  options.width = 800;
  options.height = 600;
  svg = cs_export_to_bytes (f->graph, f->positions, NULL, &options, NULL);
  text = g_strndup (g_bytes_get_data (svg, NULL), g_bytes_get_size (svg));
  g_assert_true (g_str_has_prefix (text, "<?xml"));
  /* pixels, not points: an 800 × 600 export is 800 × 600 px */
  g_assert_nonnull (strstr (text, "width=\"800px\""));
  g_assert_nonnull (strstr (text, "height=\"600px\""));
  /* vector only: no embedded raster image */
  g_assert_null (strstr (text, "<image"));
  g_assert_true (g_str_has_suffix (g_strchomp (text), "</svg>"));

  options.format = CS_EXPORT_FORMAT_PDF;
  pdf = cs_export_to_bytes (f->graph, f->positions, NULL, &options, NULL);
  g_assert_cmpmem (g_bytes_get_data (pdf, NULL), 5, "%PDF-", 5);
  g_assert_cmpuint (g_bytes_get_size (pdf), >, 1000);
}

static void
test_format_from_filename (void)
{
  CsExportFormat format;

  g_assert_true (cs_export_format_from_filename ("a/b.PNG", &format));
  g_assert_cmpint (format, ==, CS_EXPORT_FORMAT_PNG);
  g_assert_true (cs_export_format_from_filename ("x.svg", &format));
  g_assert_cmpint (format, ==, CS_EXPORT_FORMAT_SVG);
  g_assert_true (cs_export_format_from_filename ("x.pdf", &format));
  g_assert_cmpint (format, ==, CS_EXPORT_FORMAT_PDF);
  g_assert_false (cs_export_format_from_filename ("x.jpeg", &format));
}

/* A failed export never replaces or half-writes the file. */
static void
test_too_large_keeps_file (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "keep.png", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  CsExportOptions options;

  g_assert_true (g_file_set_contents (path, "old contents", -1, NULL));
  cs_export_options_init (&options);
  options.width = 40000;
  g_assert_false (export_file (f, &options, path, &error));
  g_assert_error (error, CS_EXPORT_ERROR, CS_EXPORT_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "32767"));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old contents");

  g_clear_error (&error);
  options.width = 20000;
  options.height = 20000;
  g_assert_false (export_file (f, &options, path, &error));
  g_assert_error (error, CS_EXPORT_ERROR, CS_EXPORT_ERROR_TOO_LARGE);

  g_clear_error (&error);
  options.width = 4;
  g_assert_false (export_file (f, &options, path, &error));
  g_assert_error (error, CS_EXPORT_ERROR, CS_EXPORT_ERROR_TOO_LARGE);
}

static void
test_write_error (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "missing", "out.png", NULL);
  g_autoptr(GError) error = NULL;
  CsExportOptions options;

  cs_export_options_init (&options);
  options.width = 100;
  options.height = 100;
  g_assert_false (export_file (f, &options, path, &error));
  g_assert_error (error, CS_EXPORT_ERROR, CS_EXPORT_ERROR_WRITE);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_write_file (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "graph.svg", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  CsExportOptions options;
  guint n_files = 0;

  cs_export_options_init (&options);
  options.format = CS_EXPORT_FORMAT_SVG;
  g_assert_true (export_file (f, &options, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  /* no temporary file is left beside it */
  dir = g_dir_open (f->dir, 0, NULL);
  while (g_dir_read_name (dir) != NULL)
    n_files++;
  g_assert_cmpuint (n_files, ==, 1);
}

/* The pHYs chunk records the resolution; the PNG stays valid. */
static void
test_dpi (Fixture       *f,
          gconstpointer  data)
{
  CsExportOptions options;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  const guint8 *d;
  gsize length;
  cairo_surface_t *surface;
  const guint8 *phys = NULL;

  cs_export_options_init (&options);
  options.width = 200;
  options.height = 100;
  options.dpi = 300;
  bytes = cs_export_to_bytes (f->graph, f->positions, NULL, &options, &error);
  g_assert_no_error (error);
  d = g_bytes_get_data (bytes, &length);
  for (gsize i = 8; i + 21 <= length; i++)
    if (memcmp (d + i, "pHYs", 4) == 0)
      phys = d + i + 4;
  g_assert_nonnull (phys);
  /* 300 dpi = 11811 px per metre, on both axes, unit metre */
  g_assert_cmpuint (((guint32)phys[0] << 24) | (phys[1] << 16) | (phys[2] << 8) | phys[3], ==,
                    11811);
  g_assert_cmpuint (((guint32)phys[4] << 24) | (phys[5] << 16) | (phys[6] << 8) | phys[7], ==,
                    11811);
  g_assert_cmpuint (phys[8], ==, 1);
  /* still a PNG libpng reads: the chunk's CRC is right */
  surface = decode_png (bytes);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 200);
  cairo_surface_destroy (surface);

  /* not a PNG: a clear error */
  {
    g_autoptr(GBytes) junk = g_bytes_new_static ("not a png at all, no, not at all", 32);
    g_autoptr(GBytes) none = cs_export_png_set_dpi (junk, 300, &error);

    g_assert_null (none);
    g_assert_error (error, CS_EXPORT_ERROR, CS_EXPORT_ERROR_FAILED);
  }
}

/* A selection export shows the view's selected node and its neighbours,
 * and nothing else. */
static void
test_selection_scope (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(CsViewState) view = cs_view_state_new ();
  g_autoptr(CsScene) scene = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree guint8 *expected = NULL;
  CsExportOptions options;
  cairo_surface_t *surface;
  const guint8 *shown;
  const guint *edges;
  guint kaist, n_edges;

  g_assert_true (cs_graph_lookup (f->graph, "kaist", &kaist));
  expected = g_new0 (guint8, cs_graph_get_n_nodes (f->graph));
  expected[kaist] = 1;
  edges = cs_graph_get_incident_edges (f->graph, kaist, &n_edges);
  for (guint e = 0; e < n_edges; e++)
    {
      const CsEdge *edge = cs_graph_get_edge (f->graph, edges[e]);

      expected[edge->source] = expected[edge->target] = 1;
    }

  cs_view_state_set_graph (view, f->graph);
  cs_view_state_select_node (view, kaist, CS_SELECTION_REPLACE);
  cs_export_options_init (&options);
  options.width = 800;
  options.height = 600;
  options.legend = FALSE;
  options.scope = CS_EXPORT_SCOPE_SELECTION;
  scene = cs_export_build_scene (f->graph, f->positions, NULL, view, &options);
  bytes = cs_export_scene_to_bytes (scene, &options, NULL, NULL);
  surface = decode_png (bytes);

  /* the scene shows exactly the neighbourhood, the rest hidden */
  shown = cs_scene_get_node_shown (scene);
  g_assert_nonnull (shown);
  g_assert_true (cs_scene_get_hide_filtered (scene));
  for (guint i = 0; i < cs_graph_get_n_nodes (f->graph); i++)
    g_assert_cmpint (shown[i], ==, expected[i]);
  /* the window's own view is left as it was */
  g_assert_null (cs_view_state_get_node_shown (view));

  for (guint i = 0; i < cs_graph_get_n_nodes (f->graph); i++)
    {
      const CsColor *fill = &cs_scene_get_node_style (scene, i)->fill;
      double x, y;

      cs_scene_node_to_device (scene, i, &x, &y);
      if (x < 0 || y < 0 || x >= 800 || y >= 600)
        {
          g_assert_false (expected[i]);
          continue;
        }
      if (expected[i])
        cs_test_assert_color (surface, x, y, fill, 2 / 255.0);
      else
        {
          CsColor c;

          cs_test_read_pixel (surface, x, y, &c);
          g_assert_false (fabs (c.red - fill->red) < 0.01 && fabs (c.green - fill->green) < 0.01);
        }
    }
  cairo_surface_destroy (surface);
}

/* A view export frames what the view's viewport shows. */
static void
test_view_scope (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(CsViewState) view = cs_view_state_new ();
  g_autoptr(GBytes) bytes = NULL;
  CsViewport *viewport = cs_view_state_get_viewport (view);
  CsExportOptions options;
  cairo_surface_t *surface;
  CsRenderStyle style;
  guint skt;
  double x, y;

  g_assert_true (cs_graph_lookup (f->graph, "skt", &skt));
  x = cs_positions_get_x (f->positions, skt);
  y = cs_positions_get_y (f->positions, skt);
  cs_view_state_set_graph (view, f->graph);
  cs_view_state_set_layer (view, CS_LAYER_HULLS, FALSE);
  cs_viewport_set_size (viewport, 300, 300);
  cs_viewport_fit_area (viewport, &(CsBounds) { x - 100, y - 100, x + 100, y + 100 },
                        &(CsBounds) { 0, 0, 300, 300 });
  cs_export_options_init (&options);
  options.width = 400;
  options.height = 400;
  options.legend = FALSE;
  options.scope = CS_EXPORT_SCOPE_VIEW;
  bytes = cs_export_to_bytes (f->graph, f->positions, view, &options, NULL);
  surface = decode_png (bytes);
  /* the node in the middle of the view is in the middle of the picture */
  cs_render_style_init_default (&style, FALSE);
  cs_test_assert_color (surface, 200, 200, &style.nodes[CS_NODE_TYPE_COMPANY].fill, 2 / 255.0);
  cs_render_style_clear (&style);
  cairo_surface_destroy (surface);
}

/* A view zoomed far into one node exports that box, not a fit clamped to
 * the zoom a whole graph opens at: the node fills the middle of the picture. */
static void
test_view_scope_deep_zoom (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(CsViewState) view = cs_view_state_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(CsScene) scene = NULL;
  g_autofree gboolean *pins = g_new0 (gboolean, cs_graph_get_n_nodes (f->graph));
  CsViewport *viewport = cs_view_state_get_viewport (view);
  CsExportOptions options;
  cairo_surface_t *surface;
  CsRenderStyle style;
  double x, y, r;
  guint skt;

  g_assert_true (cs_graph_lookup (f->graph, "skt", &skt));
  x = cs_positions_get_x (f->positions, skt);
  y = cs_positions_get_y (f->positions, skt);
  cs_view_state_set_graph (view, f->graph);
  cs_view_state_set_layer (view, CS_LAYER_HULLS, FALSE);
  cs_view_state_set_layer (view, CS_LAYER_LABELS, FALSE);
  cs_export_options_init (&options);
  options.width = 400;
  options.height = 400;
  options.legend = FALSE;
  options.scope = CS_EXPORT_SCOPE_VIEW;
  scene = cs_export_build_scene (f->graph, f->positions, pins, view, &options);
  r = cs_scene_get_node_radius (scene, skt);

  /* a box as wide as the node: zoom 300 / 2r, far past the fit's limit of 2 */
  cs_viewport_set_size (viewport, 300, 300);
  cs_viewport_show_area (viewport, &(CsBounds) { x - r, y - r, x + r, y + r },
                         &(CsBounds) { 0, 0, 300, 300 });
  g_assert_cmpfloat (cs_viewport_get_zoom (viewport), >, 2 * CS_VIEWPORT_FIT_ZOOM_MAX);
  bytes = cs_export_to_bytes (f->graph, f->positions, view, &options, NULL);
  surface = decode_png (bytes);
  cs_render_style_init_default (&style, FALSE);
  /* the node's fill reaches 80 % of the way to each side of the picture */
  cs_test_assert_color (surface, 200, 200, &style.nodes[CS_NODE_TYPE_COMPANY].fill, 2 / 255.0);
  cs_test_assert_color (surface, 200 - 140, 200, &style.nodes[CS_NODE_TYPE_COMPANY].fill,
                        2 / 255.0);
  cs_test_assert_color (surface, 200, 200 + 140, &style.nodes[CS_NODE_TYPE_COMPANY].fill,
                        2 / 255.0);
  cs_render_style_clear (&style);
  cairo_surface_destroy (surface);
}

/* One scene builder: an export of the view, at the window's size, is the
 * scene the screen draws for that view state, sizing, labels, filter,
 * layers and pins included, at the same place. */
static void
test_export_scene_is_screen_scene (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(CsViewState) view = cs_view_state_new ();
  g_autoptr(CsFilter) filter = cs_filter_new ();
  g_autoptr(CsScene) screen = NULL;
  g_autoptr(CsScene) file = NULL;
  g_autoptr(CsScene) other = NULL;
  g_autofree gboolean *pins = g_new0 (gboolean, cs_graph_get_n_nodes (f->graph));
  CsViewport *viewport = cs_view_state_get_viewport (view);
  CsExportOptions options;
  CsRenderStyle style;
  guint skt;

  g_assert_true (cs_graph_lookup (f->graph, "skt", &skt));
  pins[skt] = TRUE;
  cs_view_state_set_graph (view, f->graph);
  cs_view_state_set_sizing (view, CS_NODE_SIZE_UNIFORM);
  cs_view_state_set_label_language (view, CS_LABEL_LANGUAGE_ENGLISH);
  cs_view_state_set_layer (view, CS_LAYER_HULLS, FALSE);
  cs_filter_set_type_shown (filter, "university", FALSE);
  cs_view_state_set_filter (view, filter);

  /* the screen: a 900 × 700 canvas, fitted */
  cs_render_style_init_default (&style, FALSE);
  screen = cs_scene_new (f->graph, f->positions, pins, view, &style, 900, 700);
  cs_scene_fit (screen, 24);
  cs_viewport_set_size (viewport, 900, 700);
  cs_viewport_set_zoom (viewport, cs_scene_get_zoom (screen));
  cs_viewport_set_offset (viewport, cs_scene_get_offset_x (screen),
                          cs_scene_get_offset_y (screen));

  cs_export_options_init (&options);
  options.width = 900;
  options.height = 700;
  options.scope = CS_EXPORT_SCOPE_VIEW;
  file = cs_export_build_scene (f->graph, f->positions, pins, view, &options);
  g_assert_true (cs_scene_equal_content (screen, file));
  g_assert_cmpfloat_with_epsilon (cs_scene_get_zoom (file), cs_scene_get_zoom (screen), 1e-9);
  g_assert_cmpfloat_with_epsilon (cs_scene_get_offset_x (file), cs_scene_get_offset_x (screen),
                                  1e-6);
  g_assert_cmpfloat_with_epsilon (cs_scene_get_offset_y (file), cs_scene_get_offset_y (screen),
                                  1e-6);
  g_assert_cmpfloat (cs_scene_get_node_radius (file, skt), ==,
                     style.nodes[CS_NODE_TYPE_COMPANY].radius);
  g_assert_cmpstr (cs_scene_get_label (file, skt), ==, "SK Telecom");

  /* and a different view state is a different picture */
  cs_view_state_set_sizing (view, CS_NODE_SIZE_DEGREE);
  other = cs_export_build_scene (f->graph, f->positions, pins, view, &options);
  g_assert_false (cs_scene_equal_content (screen, other));
  cs_render_style_clear (&style);
}

/* An export reports how far its drawing is, and a cancel stops the
 * drawing itself: 4,000 nodes at seeded random places, to SVG (cairo's
 * slowest surface). The figures are told to a function in the drawing's
 * own thread, which cancels at the first one in the second run: no
 * thread timing in it. */
typedef struct
{
  GCancellable *cancellable;  /* cancelled at the first figure, if set */
  gint          seen[256];
  guint         n_seen;
} Watcher;

static void
watch_progress (int      permille,
                gpointer data)
{
  Watcher *w = data;

  if (w->n_seen < G_N_ELEMENTS (w->seen))
    w->seen[w->n_seen++] = permille;
  if (w->cancellable != NULL)
    g_cancellable_cancel (w->cancellable);
}

static void
test_progress_and_cancel (void)
{
  const guint n = 4000;
  g_autofree char *json = cs_test_one_line_graph (n);
  g_autoptr(GError) error = NULL;
  g_autoptr(CsGraph) graph = cs_import_data (json, strlen (json), "big.json", NULL, NULL, &error);
  g_autoptr(GRand) rand = g_rand_new_with_seed (3);
  g_autoptr(CsPositions) positions = NULL;
  g_autoptr(CsScene) scene = NULL;
  g_autofree double *xy = NULL;
  CsExportOptions options;
  gint permille = -1;

  g_assert_no_error (error);
  xy = g_new (double, 2 * cs_graph_get_n_nodes (graph));
  for (guint i = 0; i < 2 * cs_graph_get_n_nodes (graph); i++)
    xy[i] = g_rand_double_range (rand, 0, 8000);
  positions = cs_positions_new (cs_graph_get_n_nodes (graph), xy);
  cs_export_options_init (&options);
  options.format = CS_EXPORT_FORMAT_SVG;
  options.progress = &permille;
  options.progress_func = watch_progress;
  scene = cs_export_build_scene (graph, positions, NULL, NULL, &options);

  /* the whole export: rising figures on the way, 1000 at the end */
  {
    Watcher w = { NULL };
    g_autoptr(GBytes) bytes = NULL;

    options.progress_data = &w;
    bytes = cs_export_scene_to_bytes (scene, &options, NULL, &error);
    g_assert_no_error (error);
    g_assert_nonnull (bytes);
    g_assert_cmpint (permille, ==, 1000);
    /* a figure every 1,024 items drawn: links, nodes, nodes looked at for names */
    g_assert_cmpuint (w.n_seen, >=, (cs_graph_get_n_edges (graph) + 2 * n) / 1024);
    for (guint i = 0; i < w.n_seen; i++)
      {
        g_assert_cmpint (w.seen[i], >, 0);
        g_assert_cmpint (w.seen[i], <=, 500);
        if (i > 0)
          g_assert_cmpint (w.seen[i], >, w.seen[i - 1]);
      }
  }

  /* cancelled at the first figure: the drawing stops there */
  {
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();
    Watcher w = { cancellable };
    g_autoptr(GBytes) bytes = NULL;

    options.progress_data = &w;
    bytes = cs_export_scene_to_bytes (scene, &options, cancellable, &error);
    g_assert_null (bytes);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_assert_cmpuint (w.n_seen, ==, 1);
    g_assert_cmpint (permille, ==, w.seen[0]);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/cs/export/png", Fixture, NULL, fixture_set_up, test_png, fixture_tear_down);
  g_test_add ("/cs/export/background", Fixture, NULL, fixture_set_up, test_transparent,
              fixture_tear_down);
  g_test_add ("/cs/export/svg-and-pdf", Fixture, NULL, fixture_set_up, test_svg_and_pdf,
              fixture_tear_down);
  g_test_add_func ("/cs/export/format-from-filename", test_format_from_filename);
  g_test_add_func ("/cs/export/progress-and-cancel", test_progress_and_cancel);
  g_test_add ("/cs/export/too-large-keeps-file", Fixture, NULL, fixture_set_up,
              test_too_large_keeps_file, fixture_tear_down);
  g_test_add ("/cs/export/write-error", Fixture, NULL, fixture_set_up, test_write_error,
              fixture_tear_down);
  g_test_add ("/cs/export/write-file", Fixture, NULL, fixture_set_up, test_write_file,
              fixture_tear_down);
  g_test_add ("/cs/export/dpi", Fixture, NULL, fixture_set_up, test_dpi, fixture_tear_down);
  g_test_add ("/cs/export/selection-scope", Fixture, NULL, fixture_set_up, test_selection_scope,
              fixture_tear_down);
  g_test_add ("/cs/export/view-scope-deep-zoom", Fixture, NULL, fixture_set_up,
              test_view_scope_deep_zoom, fixture_tear_down);
  g_test_add ("/cs/export/view-scope", Fixture, NULL, fixture_set_up, test_view_scope,
              fixture_tear_down);
  g_test_add ("/cs/export/export-scene-is-screen-scene", Fixture, NULL, fixture_set_up,
              test_export_scene_is_screen_scene, fixture_tear_down);

  return g_test_run ();
}
