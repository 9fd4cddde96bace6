/* test-cli.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs the real `consortia` binary with no display, as scripts and CI do.
 */

#include "config.h"

#include "cs-export.h"
#include "cs-import.h"
#include "cs-layout.h"
#include "cs-node-radii.h"
#include "cs-renderer.h"
#include "test-support.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

static char *tmp_dir;

static int
run (const char *const  *args,
     char              **out,
     char              **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  const char *binary = g_getenv ("CONSORTIA_BIN");
  int status;

  g_assert_nonnull (binary);
  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
  g_ptr_array_add (argv, (char *)binary);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *)args[i]);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **)argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL, out,
                               err, &status, &error));
  g_assert_no_error (error);
  if (g_spawn_check_wait_status (status, &error))
    return 0;
  g_assert_true (g_error_matches (error, G_SPAWN_EXIT_ERROR, error->code));
  return error->code;
}

static char *
fixture (const char *kind,
         const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", kind, name, NULL);
}

/* Where `consortia --export` puts every node of small.json in a W × H file,
 * worked out with the library the binary uses. */
static void
assert_nodes_drawn (cairo_surface_t *surface,
                    double           tolerance)
{
  g_autoptr(CsGraph) graph = cs_test_load_graph ("good", "small.json");
  g_autoptr(CsLayoutParams) params = cs_node_radii_new_layout_params (graph);
  g_autoptr(CsPositions) positions = cs_layout_run (graph, params, NULL, NULL);
  g_autoptr(CsScene) scene = NULL;
  CsRenderStyle style;

  cs_render_style_init_default (&style, FALSE);
  scene = cs_scene_new (graph, positions, NULL, NULL, &style,
                        cairo_image_surface_get_width (surface),
                        cairo_image_surface_get_height (surface));
  cs_scene_fit (scene, CS_EXPORT_MARGIN);
  for (guint i = 0; i < cs_graph_get_n_nodes (graph); i++)
    {
      double x, y;

      cs_scene_node_to_device (scene, i, &x, &y);
      cs_test_assert_color (surface, x, y, &cs_scene_get_node_style (scene, i)->fill, tolerance);
    }
  cs_render_style_clear (&style);
}

/* The whole picture, not just the nodes: another program's rendering of
 * our SVG or PDF matches our PNG but for text antialiasing. */
static void
assert_same_picture (const char *ours,
                     const char *theirs)
{
  cairo_surface_t *a = cs_test_load_png (ours);
  cairo_surface_t *b = cs_test_load_png (theirs);
  int w = cairo_image_surface_get_width (a), h = cairo_image_surface_get_height (a);
  double total = 0;
  guint differing = 0;

  g_assert_cmpint (cairo_image_surface_get_width (b), ==, w);
  g_assert_cmpint (cairo_image_surface_get_height (b), ==, h);
  for (int y = 0; y < h; y += 2)
    for (int x = 0; x < w; x += 2)
      {
        CsColor ca, cb;
        double d;

        cs_test_read_pixel (a, x, y, &ca);
        cs_test_read_pixel (b, x, y, &cb);
        d = (fabs (ca.red - cb.red) + fabs (ca.green - cb.green) + fabs (ca.blue - cb.blue)) / 3;
        total += d;
        differing += d > 16 / 255.0;
      }
  g_test_message ("%s vs %s: mean difference %.2f/255, %.2f%% of pixels off by more than 16/255",
                  ours, theirs, 255 * total / (w * h / 4.0), 100.0 * differing / (w * h / 4.0));
  g_assert_cmpfloat (total / (w * h / 4.0), <, 3 / 255.0);
  g_assert_cmpfloat (differing / (w * h / 4.0), <, 0.05);
  cairo_surface_destroy (a);
  cairo_surface_destroy (b);
}

/* Where our PNG shows an outline's light tint, a reader's rendering of
 * the same picture shows it too: no outline clipped, lost or drawn
 * differently. */
static void
assert_same_outlines (const char *ours,
                      const char *theirs,
                      guint       percent)
{
  cairo_surface_t *a = cs_test_load_png (ours);
  cairo_surface_t *b = cs_test_load_png (theirs);
  int w = cairo_image_surface_get_width (a), h = cairo_image_surface_get_height (a);
  guint tint = 0, same = 0;

  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        CsColor ca, cb;
        double hi, lo;

        cs_test_read_pixel (a, x, y, &ca);
        hi = MAX (ca.red, MAX (ca.green, ca.blue));
        lo = MIN (ca.red, MIN (ca.green, ca.blue));
        /* light and tinted: the inside of an outline on white */
        if (lo < 0.75 || hi - lo < 0.03)
          continue;
        tint++;
        cs_test_read_pixel (b, x, y, &cb);
        same += fabs (ca.red - cb.red) + fabs (ca.green - cb.green) + fabs (ca.blue - cb.blue) <
                24 / 255.0;
      }
  g_test_message ("%s: %u tinted pixels, %.2f%% the same in %s", ours, tint,
                  100.0 * same / MAX (tint, 1), theirs);
  g_assert_cmpuint (tint, >, (guint)(w * h / 20));
  g_assert_cmpuint (same * 100, >=, tint * percent);
  cairo_surface_destroy (a);
  cairo_surface_destroy (b);
}

static void
test_vector_matches_png (void)
{
  g_autofree char *input = g_build_filename (SOURCE_DATADIR, BUNDLED_GRAPH, NULL);
  g_autofree char *png = g_build_filename (tmp_dir, "bundled.png", NULL);
  g_autofree char *svg = g_build_filename (tmp_dir, "bundled.svg", NULL);
  g_autofree char *pdf = g_build_filename (tmp_dir, "bundled.pdf", NULL);
  g_autofree char *svg_png = g_build_filename (tmp_dir, "bundled-svg.png", NULL);
  g_autofree char *pdf_prefix = g_build_filename (tmp_dir, "bundled-pdf", NULL);
  g_autofree char *pdf_png = g_strconcat (pdf_prefix, ".png", NULL);
  g_autofree char *rsvg = cs_test_find_program ("RSVG_CONVERT", "rsvg-convert");
  g_autofree char *pdftoppm = cs_test_find_program ("PDFTOPPM", "pdftoppm");
  const char *to_png[] = { "--export", png, "--caption", input, NULL };
  const char *to_svg[] = { "--export", svg, "--caption", input, NULL };
  const char *to_pdf[] = { "--export", pdf, "--caption", input, NULL };
  const char *render_svg[] = { rsvg, "-o", svg_png, svg, NULL };
  const char *render_pdf[] = { pdftoppm, "-png", "-r", "72", "-singlefile", pdf, pdf_prefix, NULL };
  g_autofree char *svg_text = NULL;

  g_assert_cmpint (run (to_png, NULL, NULL), ==, 0);
  g_assert_cmpint (run (to_svg, NULL, NULL), ==, 0);
  g_assert_cmpint (run (to_pdf, NULL, NULL), ==, 0);
  /* vector only: text as glyph outlines, no raster fallback */
  g_assert_true (g_file_get_contents (svg, &svg_text, NULL, NULL));
  g_assert_null (strstr (svg_text, "<image"));
  g_assert_nonnull (strstr (svg_text, "<symbol"));
  g_assert_true (cs_test_run_tool (render_svg, NULL));
  g_assert_true (cs_test_run_tool (render_pdf, NULL));
  /* the PDF holds no raster image, and embeds its fonts */
  {
    g_autofree char *pdfimages = cs_test_find_program ("PDFIMAGES", "pdfimages");
    g_autofree char *pdffonts = cs_test_find_program ("PDFFONTS", "pdffonts");
    const char *images[] = { pdfimages, "-list", pdf, NULL };
    const char *fonts[] = { pdffonts, pdf, NULL };
    g_autofree char *image_list = NULL;
    g_autofree char *font_list = NULL;
    g_auto(GStrv) lines = NULL;

    g_assert_nonnull (pdfimages);
    g_assert_true (cs_test_run_tool (images, &image_list));
    lines = g_strsplit (g_strstrip (image_list), "\n", -1);
    g_assert_cmpuint (g_strv_length (lines), ==, 2); /* the heading and its rule only */
    g_assert_true (cs_test_run_tool (fonts, &font_list));
    g_assert_nonnull (strstr (font_list, "NanumGothic"));
    g_assert_null (strstr (font_list, " no  "));
  }
  assert_same_picture (png, svg_png);
  assert_same_picture (png, pdf_png);
  /* poppler antialiases the outlines' edges a little differently */
  assert_same_outlines (png, svg_png, 97);
  assert_same_outlines (png, pdf_png, 95);
}

static double
share_differing (const char *a_path,
                 const char *b_path)
{
  cairo_surface_t *a = cs_test_load_png (a_path);
  cairo_surface_t *b = cs_test_load_png (b_path);
  int w = cairo_image_surface_get_width (a), h = cairo_image_surface_get_height (a);
  guint differing = 0;

  g_assert_cmpint (cairo_image_surface_get_width (b), ==, w);
  g_assert_cmpint (cairo_image_surface_get_height (b), ==, h);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        CsColor ca, cb;

        cs_test_read_pixel (a, x, y, &ca);
        cs_test_read_pixel (b, x, y, &cb);
        differing += fabs (ca.red - cb.red) + fabs (ca.green - cb.green) +
                         fabs (ca.blue - cb.blue) >
                     48 / 255.0;
      }
  cairo_surface_destroy (a);
  cairo_surface_destroy (b);
  return differing / (double)(w * h);
}

/* A Hangul label is drawn with glyphs: it matches a known-good rendering
 * (tests/reference/hangul.png, NanumGothic through fontconfig), and that
 * rendering is far from what missing glyphs (boxes) look like. */
static void
test_hangul_reference (void)
{
  g_autofree char *input = fixture ("good", "hangul.json");
  g_autofree char *boxes = fixture ("good", "no-glyphs.json");
  g_autofree char *reference = g_test_build_filename (G_TEST_DIST, "reference", "hangul.png", NULL);
  g_autofree char *ours = g_build_filename (tmp_dir, "hangul.png", NULL);
  g_autofree char *tofu = g_build_filename (tmp_dir, "tofu.png", NULL);
  const char *draw[] = { "--export",    ours,           "--width", "480", "--height", "120",
                         "--no-legend", "--background", "white",   input, NULL };
  const char *draw_boxes[] = { "--export", tofu, "--width", "480", "--height", "120", "--no-legend",
                               "--background", "white", boxes, NULL };
  double same, boxed;

  g_assert_cmpint (run (draw, NULL, NULL), ==, 0);
  g_assert_cmpint (run (draw_boxes, NULL, NULL), ==, 0);
  same = share_differing (ours, reference);
  boxed = share_differing (tofu, reference);
  g_test_message ("differing pixels: %.3f%% against the reference, %.3f%% for boxes", 100 * same,
                  100 * boxed);
  g_assert_cmpfloat (same, <, 0.001);
  g_assert_cmpfloat (boxed, >, 0.01);
}

static void
test_export_scope_and_dpi (void)
{
  g_autofree char *input = g_build_filename (SOURCE_DATADIR, BUNDLED_GRAPH, NULL);
  g_autofree char *png = g_build_filename (tmp_dir, "kaist.png", NULL);
  g_autofree char *err = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  const char *ok[] = { "--export", png,     "--scope", "selection", "--select",
                       "kaist",    "--dpi", "192",     input,       NULL };
  const char *no_select[] = { "--export", png, "--scope", "selection", input, NULL };
  const char *bad_id[] = { "--export", png,      "--scope", "selection",
                           "--select", "nobody", input,     NULL };
  const char *bad_scope[] = { "--export", png, "--scope", "world", input, NULL };
  const char *bad_view[] = { "--export", png, "--scope", "view", "--view", "5,5,1,1", input, NULL };
  cairo_surface_t *surface;

  g_assert_cmpint (run (ok, NULL, &err), ==, 0);
  /* 192 dpi without --scale draws at twice the screen's 96 dpi */
  surface = cs_test_load_png (png);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 3200);
  cairo_surface_destroy (surface);
  g_assert_true (g_file_get_contents (png, &contents, &length, NULL));
  /* 192 dpi = 7559 px per metre (0x1d87) */
  {
    gboolean found = FALSE;

    for (gsize i = 0; i + 13 <= length && !found; i++)
      found = memcmp (contents + i, "pHYs\0\0\x1d\x87\0\0\x1d\x87\x01", 13) == 0;
    g_assert_true (found);
  }

  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (no_select, NULL, &err), ==, 2);
  g_assert_nonnull (strstr (err, "--scope selection needs --select ID"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (bad_id, NULL, &err), ==, 1);
  g_assert_nonnull (strstr (err, "no node with id “nobody”"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (bad_scope, NULL, &err), ==, 2);
  g_assert_nonnull (strstr (err, "--scope: unknown value “world”: use all, view, selection"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (bad_view, NULL, &err), ==, 2);
  g_assert_nonnull (strstr (err, "--view: “5,5,1,1” is not a world box X0,Y0,X1,Y1"));

  /* a box with decimals, spaces after the commas: read with a point whatever the locale */
  {
    const char *decimal_view[] = { "--export", png, "--scope", "view", "--view",
                                   "-0.5, -0.5, 0.5, 0.5", input, NULL };

    g_clear_pointer (&err, g_free);
    g_assert_cmpint (run (decimal_view, NULL, &err), ==, 0);
    g_assert_cmpstr (err, ==, "");
  }
}

/* Another program's rendering of our small.json export, at 1600 × 1200:
 * every node where our PNG has it */
static void
assert_rendering (const char *png)
{
  cairo_surface_t *surface = cs_test_load_png (png);

  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 1600);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 1200);
  assert_nodes_drawn (surface, 3 / 255.0);
  cairo_surface_destroy (surface);
}

static void
test_export_png (void)
{
  g_autofree char *input = fixture ("good", "small.json");
  g_autofree char *output = g_build_filename (tmp_dir, "small.png", NULL);
  g_autofree char *err = NULL;
  const char *args[] = { "--export", output, input, NULL };
  const char *sized[] = { "--export", output,    "--width", "400", "--height",
                          "300",      "--scale", "2",       input, NULL };
  cairo_surface_t *surface;

  g_assert_cmpint (run (args, NULL, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  surface = cs_test_load_png (output);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 1600);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 1200);
  assert_nodes_drawn (surface, 2 / 255.0);
  cairo_surface_destroy (surface);

  g_assert_cmpint (run (sized, NULL, NULL), ==, 0);
  surface = cs_test_load_png (output);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 800);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 600);
  cairo_surface_destroy (surface);
}

/* The SVG is well-formed and, drawn by librsvg, puts every node where our
 * PNG does. */
static void
test_export_svg (void)
{
  g_autofree char *input = fixture ("good", "small.json");
  g_autofree char *svg = g_build_filename (tmp_dir, "small.svg", NULL);
  g_autofree char *png = g_build_filename (tmp_dir, "small-rsvg.png", NULL);
  g_autofree char *rsvg = cs_test_find_program ("RSVG_CONVERT", "rsvg-convert");
  const char *args[] = { "--export", svg, input, NULL };
  const char *convert[] = { rsvg, "-o", png, svg, NULL };

  g_assert_nonnull (rsvg);
  g_assert_cmpint (run (args, NULL, NULL), ==, 0);
  g_assert_true (cs_test_run_tool (convert, NULL));
  assert_rendering (png);
}

static void
test_export_pdf (void)
{
  g_autofree char *input = fixture ("good", "small.json");
  g_autofree char *pdf = g_build_filename (tmp_dir, "small.pdf", NULL);
  g_autofree char *prefix = g_build_filename (tmp_dir, "small-pdf", NULL);
  g_autofree char *png = g_strconcat (prefix, ".png", NULL);
  g_autofree char *pdftoppm = cs_test_find_program ("PDFTOPPM", "pdftoppm");
  const char *args[] = { "--export", pdf, input, NULL };
  const char *convert[] = { pdftoppm, "-png", "-r", "72", "-singlefile", pdf, prefix, NULL };

  g_assert_nonnull (pdftoppm);
  g_assert_cmpint (run (args, NULL, NULL), ==, 0);
  g_assert_true (cs_test_run_tool (convert, NULL));
  assert_rendering (png);
}

static void
test_export_bad_input (void)
{
  g_autofree char *input = fixture ("bad", "dangling-edge.json");
  g_autofree char *output = g_build_filename (tmp_dir, "never.png", NULL);
  g_autofree char *err = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *display = g_filename_display_name (input);
  const char *args[] = { "--export", output, input, NULL };

  g_assert_cmpint (run (args, NULL, &err), ==, 1);
  expected = g_strdup_printf ("consortia: %s:8:31: edges[0].target: unknown node \"q\"\n", display);
  g_assert_cmpstr (err, ==, expected);
  g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
}

static void
test_export_bad_options (void)
{
  g_autofree char *input = fixture ("good", "small.json");
  g_autofree char *jpeg = g_build_filename (tmp_dir, "x.jpeg", NULL);
  g_autofree char *png = g_build_filename (tmp_dir, "x.png", NULL);
  g_autofree char *err = NULL;
  const char *bad_format[] = { "--export", jpeg, input, NULL };
  const char *bad_layout[] = { "--export", png, "--layout", "spring", input, NULL };
  const char *too_wide[] = { "--export", png, "--width", "40000", input, NULL };
  const char *too_large[] = { "--export", png, "--width", "20000", "--height", "20000", input,
                              NULL };

  /* mistakes in the command line: 2, before any file is read */
  g_assert_cmpint (run (bad_format, NULL, &err), ==, 2);
  g_assert_nonnull (strstr (err, "--export: "));
  g_assert_nonnull (strstr (err, "unknown format"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (bad_layout, NULL, &err), ==, 2);
  g_assert_nonnull (strstr (err, "--layout: unknown layout “spring”"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (too_wide, NULL, &err), ==, 2);
  g_assert_nonnull (strstr (err, "--width: “40000” is not a whole number from 16 to 32767"));
  /* a picture cairo cannot hold is a mistake in the command line too */
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (too_large, NULL, &err), ==, 2);
  g_assert_nonnull (strstr (err, "too large"));
  g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));
}

static void
test_same_seed_same_bytes (void)
{
  g_autofree char *input = fixture ("good", "disconnected.json");
  g_autofree char *a = g_build_filename (tmp_dir, "a.png", NULL);
  g_autofree char *b = g_build_filename (tmp_dir, "b.png", NULL);
  g_autofree char *c = g_build_filename (tmp_dir, "c.png", NULL);
  g_autofree char *da = NULL, *db = NULL, *dc = NULL;
  gsize la, lb, lc;
  const char *first[] = { "--export", a, "--seed", "5", input, NULL };
  const char *second[] = { "--export", b, "--seed", "5", input, NULL };
  const char *third[] = { "--export", c, "--seed", "6", input, NULL };

  g_assert_cmpint (run (first, NULL, NULL), ==, 0);
  g_assert_cmpint (run (second, NULL, NULL), ==, 0);
  g_assert_cmpint (run (third, NULL, NULL), ==, 0);
  g_assert_true (g_file_get_contents (a, &da, &la, NULL));
  g_assert_true (g_file_get_contents (b, &db, &lb, NULL));
  g_assert_true (g_file_get_contents (c, &dc, &lc, NULL));
  g_assert_cmpmem (da, la, db, lb);
  g_assert_false (la == lc && memcmp (da, dc, la) == 0);
}

static void
test_info (void)
{
  g_autofree char *input = fixture ("good", "small.json");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *args[] = { "--info", input, NULL };

  g_assert_cmpint (run (args, &out, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_nonnull (strstr (out, "Title: 작은 그래프\n"));
  g_assert_nonnull (strstr (out, "Format: Consortia graph (JSON)\n"));
  g_assert_nonnull (strstr (out, "Nodes: 6\n"));
  g_assert_nonnull (strstr (out, "  consortium           1\n"));
  g_assert_nonnull (strstr (out, "Edges: 5\n"));
  g_assert_nonnull (strstr (out, "  member_of            1\n"));
  /* no algorithm in the file: a graph with a consortium gets the
   * consortia layout */
  g_assert_nonnull (strstr (out, "Layout: consortia, seed 7\n"));
  g_assert_nonnull (strstr (out, "Label characters without a font: 0\n"));
  g_assert_nonnull (strstr (out, "Problems: 0\n"));
}


static CsGraph *load_path (const char *path);

/* --info on other formats: the counts as for ours, the format read, and
 * every warning of the import at its place */
static void
test_info_other_formats (void)
{
  g_autofree char *dot = fixture ("import", "clusters.dot");
  g_autofree char *csv = fixture ("import", "edges-comma.csv");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *dot_args[] = { "--info", dot, NULL };
  const char *csv_args[] = { "--info", csv, NULL };

  g_assert_cmpint (run (dot_args, &out, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_nonnull (strstr (out, "Format: Graphviz DOT\n"));
  g_assert_nonnull (strstr (out, "Title: Partners\n"));
  g_assert_nonnull (strstr (out, "Nodes: 6\n"));
  g_assert_nonnull (strstr (out, "  consortium           2\n"));
  g_assert_nonnull (strstr (out, "Edges: 5\n"));
  g_assert_nonnull (strstr (out, "  member_of            3\n"));
  g_assert_nonnull (strstr (out, "Layout: consortia, seed"));
  g_assert_nonnull (strstr (out, "Problems: 2\n"));
  g_assert_nonnull (strstr (out, "clusters.dot:6:3: warning: 2 subgraphs made into groups "
                                 "(cluster_ai, cluster_chips): a node of type consortium each, "
                                 "with a member_of edge from each of its members\n"));
  g_assert_nonnull (strstr (out, "clusters.dot:4:3: warning: the graph's attribute rankdir is "
                                 "left out"));

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (csv_args, &out, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_nonnull (strstr (out, "Format: CSV edge list\n"));
  g_assert_nonnull (strstr (out, "Nodes: 3\n"));
  g_assert_nonnull (strstr (out, "Edges: 4\n"));
  g_assert_nonnull (strstr (out, "Problems: 3\n"));
  g_assert_nonnull (strstr (out, "edges-comma.csv:5:1: warning: the edge links node \"carol\" to "
                                 "itself\n"));
  g_assert_nonnull (strstr (out, "edges-comma.csv:6:1: warning: another row links \"alice\" to "
                                 "\"bob\" already (parallel edges)\n"));
  g_assert_nonnull (strstr (out, "edges-comma.csv:7:6: warning: empty target: the row is left "
                                 "out\n"));
}

/* --graph N, from 1, for every command that reads a file */
static void
test_graph_option (void)
{
  g_autofree char *multi = fixture ("import", "multi.dot");
  g_autofree char *png = g_build_filename (tmp_dir, "second.png", NULL);
  g_autofree char *json = g_build_filename (tmp_dir, "second.json", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *info[] = { "--info", "--graph", "2", multi, NULL };
  const char *first[] = { "--info", multi, NULL };
  const char *beyond[] = { "--info", "--graph", "3", multi, NULL };
  const char *export_png[] = { "--export", png, "--graph", "2", multi, NULL };
  const char *export_json[] = { "--export", json, "--graph", "2", multi, NULL };
  const char *inspect[] = { "--inspect", "q", "--graph", "2", multi, NULL };
  g_autoptr(CsGraph) written = NULL;

  g_assert_cmpint (run (info, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "Title: Second\n"));
  g_assert_nonnull (strstr (out, "Nodes: 3\n"));
  g_assert_nonnull (strstr (out, "Edges: 2\n"));
  g_assert_nonnull (strstr (out, "multi.dot:4:1: warning: the file holds 2 graphs: this is graph "
                                 "2 (the command line's --graph N reads another)\n"));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run (first, &out, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Nodes: 2\n"));
  g_assert_null (strstr (out, "Title:"));

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (beyond, &out, &err), ==, 2);
  g_assert_cmpstr (out, ==, "");
  g_assert_nonnull (strstr (err, "multi.dot: there is no graph 3: the file holds 2 graphs"));
  g_assert_nonnull (strstr (err, "see consortia --help"));

  g_assert_cmpint (run (export_png, NULL, NULL), ==, 0);
  g_assert_true (g_file_test (png, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (run (export_json, NULL, NULL), ==, 0);
  written = load_path (json);
  g_assert_cmpstr (cs_graph_get_title (written), ==, "Second");
  g_assert_cmpuint (cs_graph_get_n_nodes (written), ==, 3);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run (inspect, &out, NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "q\n"));
}

/* --nodes NODES.csv joins a node table to an edge list */
static void
test_nodes_option (void)
{
  g_autofree char *edges = fixture ("import", "join-edges.csv");
  g_autofree char *nodes = fixture ("import", "join-nodes.csv");
  g_autofree char *dot = fixture ("import", "clusters.dot");
  g_autofree char *json = g_build_filename (tmp_dir, "joined.json", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *unknown = NULL;
  const char *info[] = { "--info", "--nodes", nodes, edges, NULL };
  const char *inspect[] = { "--inspect", "Samsung", "--nodes", nodes, edges, NULL };
  const char *export_json[] = { "--export", json, "--nodes", nodes, edges, NULL };
  const char *not_csv[] = { "--info", "--nodes", nodes, dot, NULL };
  g_autoptr(CsGraph) written = NULL;
  guint index;

  g_assert_cmpint (run (info, &out, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_nonnull (strstr (out, "Format: CSV edge list\n"));
  g_assert_nonnull (strstr (out, "Nodes: 4\n"));
  g_assert_nonnull (strstr (out, "  company              1\n"));
  g_assert_nonnull (strstr (out, "  university           1\n"));
  g_assert_nonnull (strstr (out, "Problems: 5\n"));
  /* the node table's problems name it */
  g_assert_nonnull (strstr (out, "join-nodes.csv:5:1: warning: duplicate id \"n1\": the first row "
                                 "with it is kept, this one left out\n"));
  g_assert_nonnull (strstr (out, "join-nodes.csv:3:4: warning: node \"n2\" has no Label: its id "
                                 "is shown\n"));
  unknown = g_strdup_printf ("join-edges.csv:4:4: warning: unknown node \"ghost\" (not in %s): a "
                             "node is made of it\n",
                             nodes);
  g_assert_nonnull (strstr (out, unknown));

  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run (inspect, &out, NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "Samsung Electronics\nCompany\n"));
  g_assert_nonnull (strstr (out, "sector: chips"));

  g_assert_cmpint (run (export_json, NULL, NULL), ==, 0);
  written = load_path (json);
  g_assert_cmpuint (cs_graph_get_n_nodes (written), ==, 4);
  g_assert_true (cs_graph_lookup (written, "n3", &index));
  g_assert_cmpstr (cs_graph_get_node (written, index)->label, ==, "KAIST, Daejeon");

  g_clear_pointer (&err, g_free);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run (not_csv, &out, &err), ==, 2);
  g_assert_cmpstr (out, ==, "");
  g_assert_nonnull (strstr (err, "--nodes: a node table goes with a CSV edge list, and "));
  g_assert_nonnull (strstr (err, "clusters.dot is a Graphviz DOT file"));
}

static void
test_info_warnings (void)
{
  g_autofree char *input = fixture ("good", "warnings.json");
  g_autofree char *out = NULL;
  const char *args[] = { "--info", input, NULL };

  g_autofree char *err = NULL;

  g_assert_cmpint (run (args, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "Problems: 1\n"));
  /* listed once, with the rest of the report */
  g_assert_cmpstr (err, ==, "");
  g_assert_nonnull (strstr (out, ":10:5: warning: edges[1]: the edge links node \"a\" to itself"));
}

static void
test_info_every_problem (void)
{
  g_autofree char *input = fixture ("bad", "many-problems.json");
  g_autofree char *display = g_filename_display_name (input);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *expected = NULL;
  const char *args[] = { "--info", input, NULL };

  g_assert_cmpint (run (args, &out, &err), ==, 1);
  g_assert_cmpstr (out, ==, "");
  expected = g_strdup_printf (
      "consortia: %1$s:6:12: nodes[1].id: duplicate id \"a\" (first used by nodes[0])\n"
      "consortia: %1$s:7:26: nodes[2].label: expected a string, found a number\n"
      "consortia: %1$s:10:31: edges[0].target: unknown node \"zz\"\n",
      display);
  g_assert_cmpstr (err, ==, expected);
}

static void
test_info_missing_file (void)
{
  g_autofree char *err = NULL;
  const char *args[] = { "--info", "/nonexistent/x.json", NULL };

  g_assert_cmpint (run (args, NULL, &err), ==, 1);
  g_assert_true (g_str_has_prefix (err, "consortia: "));
  g_assert_nonnull (strstr (err, "/nonexistent/x.json"));
}

static void
test_inspect (void)
{
  g_autofree char *input = g_build_filename (SOURCE_DATADIR, BUNDLED_GRAPH, NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *by_alias[] = { "--inspect", "카이스트", input, NULL };
  const char *by_initials[] = { "--inspect", "ㅋㄹㅍㅌ", input, NULL };

  g_assert_cmpint (run (by_alias, &out, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_true (g_str_has_prefix (out, "KAIST\nKAIST · University\n"));
  g_assert_nonnull (strstr (
      out,
      "  • NC AI 컨소시엄 (NC AI consortium) — 그랜드 컨소시엄 구성 (grand consortium partner)\n"));
  /* the quote, and its article by title and publisher */
  g_assert_nonnull (strstr (out, "      source: “서울대·포항공대·고려대·한양대·KAIST 등도 "
                                 "협력기관으로 이름을 올렸다” — NC AI·SKT·KT, 대규모 컨소시엄으로 "
                                 "국가대표 AI 도전 (스마트에프엔"));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run (by_initials, &out, NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "크래프톤\nKRAFTON · Company\n"));
}

static void
test_inspect_unknown (void)
{
  g_autofree char *input = g_build_filename (SOURCE_DATADIR, BUNDLED_GRAPH, NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *args[] = { "--inspect", "크래프턴스", input, NULL };

  g_assert_cmpint (run (args, &out, &err), ==, 1);
  g_assert_cmpstr (out, ==, "");
  g_assert_true (
      g_str_has_prefix (err, "consortia: no organisation named “크래프턴스”; closest: “크래프톤”"));
}

static void
test_list_layouts (void)
{
  g_autofree char *out = NULL;
  const char *args[] = { "--list-layouts", NULL };

  g_assert_cmpint (run (args, &out, NULL), ==, 0);
  for (guint i = 0; i < CS_N_LAYOUTS; i++)
    {
      g_autofree char *line = g_strdup_printf ("%s ", cs_layout_algorithm_to_string (i));

      g_assert_nonnull (strstr (out, line));
    }
}

/* A type and a relation the format does not know are counted under their
 * own names. */
static void
test_info_vocabulary (void)
{
  g_autofree char *input = fixture ("good", "unknown-vocabulary.json");
  g_autofree char *out = NULL;
  const char *args[] = { "--info", input, NULL };

  g_assert_cmpint (run (args, &out, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "  startup_studio       2\n"));
  g_assert_nonnull (strstr (out, "  think_tank           1\n"));
  g_assert_nonnull (strstr (out, "  sponsors             2\n"));
  g_assert_nonnull (strstr (out, "  mentors              1\n"));
  g_assert_nonnull (strstr (out, "Problems: 0\n"));
}

/* Without FILE, the headless commands read the bundled graph, as the
 * window does. */
static void
test_bundled_by_default (void)
{
  g_autofree char *out = NULL;
  g_autofree char *png = g_build_filename (tmp_dir, "bundled.png", NULL);
  const char *info[] = { "--info", NULL };
  const char *export[] = { "--export", png, "--width", "400", "--height", "300", NULL };

  g_assert_cmpint (run (info, &out, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Nodes: 119\n"));
  g_assert_nonnull (strstr (out, BUNDLED_GRAPH));
  g_assert_cmpint (run (export, NULL, NULL), ==, 0);
  g_assert_true (g_file_test (png, G_FILE_TEST_IS_REGULAR));
}

/* Every mistake in the command line is 2, with a message that names the
 * option, and nothing is written. */
static void
test_usage_errors (void)
{
  g_autofree char *input = fixture ("good", "small.json");
  g_autofree char *png = g_build_filename (tmp_dir, "never.png", NULL);
  g_autofree char *json = g_build_filename (tmp_dir, "never.json", NULL);
  const struct
  {
    const char *args[8];
    const char *message;
  } cases[] = {
    { { "--export", png, "--width", "wide", NULL }, "--width: “wide” is not a whole number" },
    { { "--export", png, "--width", "0", NULL }, "--width: “0” is not a whole number from 16" },
    { { "--export", png, "--height", "-5", NULL }, "--height: “-5” is not a whole number" },
    { { "--export", png, "--dpi", "-3", NULL }, "--dpi: “-3” is not a number above 0" },
    { { "--export", png, "--scale", "nan", NULL }, "--scale: “nan” is not a number" },
    { { "--export", png, "--seed", "4294967296", NULL }, "--seed: “4294967296” is not a whole" },
    { { "--export", png, "--palette", "pink", NULL }, "--palette: unknown value “pink”" },
    { { "--export", png, "--background", "red", NULL }, "--background: unknown value “red”" },
    { { "--export", png, "--legend", "--no-legend", NULL }, "contradict" },
    { { "--export", png, "--width", "32767", "--scale", "2", NULL }, "65534 × 2400 is too large" },
    { { "--export", png, "--dpi", "10000", NULL }, "is too large" },
    { { "--export", png, "--width", "20000", "--height", "20000", NULL }, "is too large" },
    { { "--export", png, "--view", "0,0,1,1", NULL }, "--view goes with --scope view" },
    { { "--export", png, "--select", "kaist", NULL }, "--select goes with --scope selection" },
    { { "--export", png, "--scope", "view", "--view", "0,0,1", NULL }, "is not a world box" },
    { { "--export", png, "--scope", "view", "--view", "0,0,1,1,", NULL }, "is not a world box" },
    { { "--export", png, "--scope", "view", "--view", "0,0,1,1x", NULL }, "is not a world box" },
    { { "--bogus", NULL }, "Unknown option --bogus" },
    { { "--info", input, input, NULL }, "give at most one graph FILE, not 2" },
    { { "--info", "--list-layouts", NULL }, "give one command at a time" },
    { { "--width", "300", input, NULL }, "the export options go with --export OUT" },
    { { "--list-layouts", input, NULL }, "--list-layouts takes no FILE" },
    { { "--quality", input, NULL }, "--quality goes with --info" },
    { { "--layout", "fr", input, NULL }, "--layout and --seed go with --export OUT or --info --quality" },
    { { "--info", "--seed", "3", input, NULL }, "--layout and --seed go with --export OUT or --info --quality" },
    { { "--inspect", "KAIST", "--layout", "fr", NULL }, "--layout and --seed go with" },
    { { "--info", "--quality", "--layout", "spring", input, NULL }, "--layout: unknown layout “spring”" },
    { { "--info", "--quality", "--seed", "-1", input, NULL }, "--seed: “-1” is not a whole" },
    { { "--export", png, "--layout", "nope", NULL }, "--layout: unknown layout “nope”" },
    { { "--export", json, "--width", "300", NULL }, "--width: a .json export writes the graph" },
    { { "--export", json, "--title", "T", NULL }, "--title: a .json export writes the graph" },
    { { "--info", "--graph", "0", input, NULL }, "--graph: “0” is not a whole number from 1 to" },
    { { "--info", "--graph", "two", input, NULL }, "--graph: “two” is not a whole number" },
    { { "--export", png, "--graph", "-1", input, NULL }, "--graph: “-1” is not a whole number" },
    { { "--info", "--nodes", "/no/such/nodes.csv", input, NULL },
      "--nodes: “/no/such/nodes.csv” is not a file" },
    { { "--graph", "2", input, NULL }, "--graph and --nodes go with --export, --info, --inspect or --check-sources" },
    { { "--list-layouts", "--nodes", input, NULL }, "--graph and --nodes go with --export" },
    /* a file of ours holds one graph */
    { { "--info", "--graph", "2", input, NULL }, "there is no graph 2: a Consortia graph file "
                                                  "holds one graph" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *err = NULL;
      g_autofree char *out = NULL;

      g_test_message ("case %u: %s", i, cases[i].message);
      g_assert_cmpint (run (cases[i].args, &out, &err), ==, 2);
      g_assert_true (g_str_has_prefix (err, "consortia: "));
      g_assert_nonnull (strstr (err, cases[i].message));
      g_assert_nonnull (strstr (err, "see consortia --help"));
      g_assert_cmpstr (out, ==, "");
      g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));
      g_assert_false (g_file_test (json, G_FILE_TEST_EXISTS));
    }
}

/* --help names every command and option, each with its line */
static void
test_help (void)
{
  g_autofree char *out = NULL;
  const char *args[] = { "--help", NULL };
  const char *options[] = { "--export=OUT", "--info", "--inspect=NAME", "--list-layouts",
                            "--version", "--help", "--layout=NAME", "--seed=N", "--width=W",
                            "--height=H", "--scale=S", "--dpi=DPI", "--background=BG",
                            "--palette=PALETTE", "--title=TEXT", "--legend", "--no-legend",
                            "--no-hulls", "--uniform-size", "--english", "--caption",
                            "--scope=SCOPE", "--select=ID", "--view=X0,Y0,X1,Y1" };

  g_assert_cmpint (run (args, &out, NULL), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (options); i++)
    {
      g_autofree char *line = g_strdup_printf (" %s ", options[i]);

      g_test_message ("%s", options[i]);
      g_assert_nonnull (strstr (out, line));
    }
  g_assert_nonnull (strstr (out, "Exit status: 0 on success, 1 "));
}

/* --version names the program and every library it draws on */
static void
test_version (void)
{
  g_autofree char *out = NULL;
  const char *args[] = { "--version", NULL };
  const char *names[] = { "consortia " PACKAGE_VERSION "\n", "\nGTK 4.", "\nlibadwaita 1.",
                          "\nGLib 2.", "\nigraph 0.", "\njson-glib 1.", "\nlibxml2 2.",
                          "\ncgraph (Graphviz) 2.", "\nlibcsv 3.", "\ncairo 1.", "\nPango 1." };

  g_assert_cmpint (run (args, &out, NULL), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_assert_nonnull (strstr (out, names[i]));
}

static CsGraph *
load_path (const char *path)
{
  g_autoptr(GError) error = NULL;
  CsGraph *graph = cs_import_file (path, NULL, NULL, &error);

  g_assert_no_error (error);
  return graph;
}

/* `--export OUT.json` writes the graph with the positions its layout
 * computed: the file reads back as the same graph, each node at the
 * position the library computes for that layout and seed, pinned where
 * the file was; opened again (no --layout) it keeps them exactly, so a
 * second export writes the same bytes and its picture is the one the
 * first layout drew. */
static void
test_export_json_round_trip (void)
{
  g_autofree char *input = g_build_filename (SOURCE_DATADIR, BUNDLED_GRAPH, NULL);
  g_autofree char *first = g_build_filename (tmp_dir, "laid-out.json", NULL);
  g_autofree char *second = g_build_filename (tmp_dir, "again.json", NULL);
  g_autofree char *png_a = g_build_filename (tmp_dir, "laid-out-a.png", NULL);
  g_autofree char *png_b = g_build_filename (tmp_dir, "laid-out-b.png", NULL);
  const char *write[] = { "--export", first, "--layout", "consortia", "--seed", "1", input, NULL };
  const char *reopen[] = { "--export", second, first, NULL };
  const char *draw_a[] = { "--export", png_a, "--layout", "consortia", "--seed", "1", input, NULL };
  const char *draw_b[] = { "--export", png_b, first, NULL };
  g_autoptr(CsGraph) original = cs_test_load_graph ("bundled", BUNDLED_GRAPH);
  g_autoptr(CsGraph) written = NULL;
  g_autoptr(CsLayoutParams) params = cs_node_radii_new_layout_params (original);
  g_autoptr(CsPositions) expected = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *err = NULL;
  gsize len_a, len_b;
  guint32 seed = 0;

  g_assert_cmpint (run (write, NULL, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  written = load_path (first);
  cs_test_assert_same_graph (original, written, FALSE);
  g_assert_cmpstr (cs_graph_get_layout_algorithm (written), ==, "consortia");
  g_assert_true (cs_graph_get_layout_seed (written, &seed));
  g_assert_cmpuint (seed, ==, 1);

  cs_layout_params_set_algorithm (params, CS_LAYOUT_CONSORTIA);
  cs_layout_params_set_seed (params, 1);
  expected = cs_layout_run (original, params, NULL, NULL);
  for (guint i = 0; i < cs_graph_get_n_nodes (written); i++)
    {
      const CsNode *node = cs_graph_get_node (written, i);

      g_assert_true (node->has_position);
      g_assert_cmpfloat (node->x, ==, cs_positions_get_x (expected, i));
      g_assert_cmpfloat (node->y, ==, cs_positions_get_y (expected, i));
      g_assert_cmpint (node->pinned, ==, cs_graph_get_node (original, i)->pinned);
    }

  g_assert_cmpint (run (reopen, NULL, NULL), ==, 0);
  g_assert_true (g_file_get_contents (first, &a, &len_a, NULL));
  g_assert_true (g_file_get_contents (second, &b, &len_b, NULL));
  g_assert_cmpmem (a, len_a, b, len_b);

  /* the picture of the written file is the picture of that layout */
  g_assert_cmpint (run (draw_a, NULL, NULL), ==, 0);
  g_assert_cmpint (run (draw_b, NULL, NULL), ==, 0);
  g_clear_pointer (&a, g_free);
  g_clear_pointer (&b, g_free);
  g_assert_true (g_file_get_contents (png_a, &a, &len_a, NULL));
  g_assert_true (g_file_get_contents (png_b, &b, &len_b, NULL));
  g_assert_cmpmem (a, len_a, b, len_b);
}

/* A failed --export OUT.json (a layout refused) leaves the old file as it
 * was, and writing where no folder is fails with 1 and creates nothing */
static void
test_export_json_failures (void)
{
  g_autofree char *big = g_build_filename (tmp_dir, "big.json", NULL);
  g_autofree char *out = g_build_filename (tmp_dir, "kept.json", NULL);
  g_autofree char *nowhere = g_build_filename (tmp_dir, "no-such-dir", "out.json", NULL);
  g_autofree char *json = cs_test_one_line_graph (2500);
  g_autofree char *input = fixture ("good", "small.json");
  const char *refused[] = { "--export", out, "--layout", "kamada_kawai", big, NULL };
  const char *missing[] = { "--export", nowhere, input, NULL };
  g_autofree char *err = NULL;
  g_autofree char *contents = NULL;

  g_assert_true (g_file_set_contents (big, json, -1, NULL));
  g_assert_true (g_file_set_contents (out, "old", -1, NULL));
  g_assert_cmpint (run (refused, NULL, &err), ==, 1);
  g_assert_nonnull (strstr (err, "takes at most 2000 nodes"));
  g_assert_true (g_file_get_contents (out, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old");

  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (missing, NULL, &err), ==, 1);
  g_assert_true (g_str_has_prefix (err, "consortia: "));
  g_assert_false (g_file_test (nowhere, G_FILE_TEST_EXISTS));
}

static guint64
read_figure (const char *out,
             const char *label)
{
  const char *line = strstr (out, label);

  g_assert_nonnull (line);
  return g_ascii_strtoull (line + strlen (label), NULL, 10);
}

/* `--info --quality` prints the four figures. On the bundled graph the
 * consortia layout meets the targets against
 * Fruchterman–Reingold with the same seed; on a hand-made file with saved
 * positions the figures are the ones counted by hand. */
static void
test_info_quality (void)
{
  g_autofree char *input = g_build_filename (SOURCE_DATADIR, BUNDLED_GRAPH, NULL);
  g_autofree char *made = g_build_filename (tmp_dir, "quality.json", NULL);
  const guint32 seeds[] = { 1, 42 };
  /* c1 and c2 teams; a by c1; b a member of c1 that sits by c2; d by c2,
   * e (in both teams, so not counted) 5 px from d. Four crossings: p–q
   * with b–c1, e–c1 and r–s, and e–c1 with d–c2 just below c2's end */
  const char *hand_made =
      "{\"format\": \"consortia-graph\", \"version\": 1, \"nodes\": ["
      "{\"id\": \"c1\", \"label\": \"c1\", \"type\": \"consortium\", \"x\": 0, \"y\": 0},"
      "{\"id\": \"c2\", \"label\": \"c2\", \"type\": \"consortium\", \"x\": 1000, \"y\": 0},"
      "{\"id\": \"a\", \"label\": \"a\", \"type\": \"company\", \"x\": 100, \"y\": 100},"
      "{\"id\": \"b\", \"label\": \"b\", \"type\": \"company\", \"x\": 900, \"y\": 100},"
      "{\"id\": \"d\", \"label\": \"d\", \"type\": \"company\", \"x\": 1000, \"y\": 300},"
      "{\"id\": \"e\", \"label\": \"e\", \"type\": \"company\", \"x\": 1005, \"y\": 300},"
      "{\"id\": \"p\", \"label\": \"p\", \"type\": \"company\", \"x\": 500, \"y\": -200},"
      "{\"id\": \"q\", \"label\": \"q\", \"type\": \"company\", \"x\": 500, \"y\": 400},"
      "{\"id\": \"r\", \"label\": \"r\", \"type\": \"company\", \"x\": 300, \"y\": 300},"
      "{\"id\": \"s\", \"label\": \"s\", \"type\": \"company\", \"x\": 700, \"y\": 300}],"
      "\"edges\": ["
      "{\"source\": \"a\", \"target\": \"c1\", \"relation\": \"member_of\"},"
      "{\"source\": \"b\", \"target\": \"c1\", \"relation\": \"member_of\"},"
      "{\"source\": \"d\", \"target\": \"c2\", \"relation\": \"member_of\"},"
      "{\"source\": \"e\", \"target\": \"c2\", \"relation\": \"member_of\"},"
      "{\"source\": \"e\", \"target\": \"c1\", \"relation\": \"member_of\"},"
      "{\"source\": \"p\", \"target\": \"q\", \"relation\": \"partner_of\"},"
      "{\"source\": \"r\", \"target\": \"s\", \"relation\": \"partner_of\"}]}";
  const char *made_args[] = { "--info", "--quality", made, NULL };
  g_autofree char *made_out = NULL;

  for (guint s = 0; s < G_N_ELEMENTS (seeds); s++)
    {
      g_autofree char *seed = g_strdup_printf ("%u", seeds[s]);
      const char *ours[] = { "--info", "--quality", "--layout", "consortia", "--seed", seed, input, NULL };
      const char *fr[] = { "--info", "--quality", "--layout", "fruchterman_reingold", "--seed", seed, input, NULL };
      g_autofree char *out = NULL;
      g_autofree char *fr_out = NULL;
      g_autofree char *header = g_strdup_printf ("Quality of layout consortia, seed %u:\n", seeds[s]);
      guint64 crossings, fr_crossings, nearest, members;
      const char *line;

      g_assert_cmpint (run (ours, &out, NULL), ==, 0);
      g_assert_cmpint (run (fr, &fr_out, NULL), ==, 0);
      g_assert_nonnull (strstr (out, header));
      crossings = read_figure (out, "  Edge crossings: ");
      fr_crossings = read_figure (fr_out, "  Edge crossings: ");
      line = strstr (out, "  Members nearest their own consortium: ");
      g_assert_nonnull (line);
      g_assert_cmpint (sscanf (line, "  Members nearest their own consortium: %" G_GUINT64_FORMAT
                               " of %" G_GUINT64_FORMAT, &nearest, &members), ==, 2);
      g_test_message ("seed %u: %s", seeds[s], strstr (out, "Quality"));
      g_test_message ("Fruchterman–Reingold: %" G_GUINT64_FORMAT " crossings", fr_crossings);
      g_assert_cmpuint (read_figure (out, "  Node overlaps: "), ==, 0);
      g_assert_cmpuint (read_figure (out, "  Label overlaps: "), ==, 0);
      g_assert_cmpuint (crossings * 10, <=, fr_crossings * 8);
      g_assert_cmpuint (nearest * 100, >=, members * 95);
      g_assert_null (strstr (out, "estimated"));
    }

  g_assert_true (g_file_set_contents (made, hand_made, -1, NULL));
  g_assert_cmpint (run (made_args, &made_out, NULL), ==, 0);
  g_test_message ("%s", strstr (made_out, "Quality"));
  g_assert_nonnull (strstr (made_out, "Quality of the positions in the file:\n"));
  g_assert_nonnull (strstr (made_out, "  Node overlaps: 1\n"));
  g_assert_nonnull (strstr (made_out, "  Edge crossings: 4\n"));
  g_assert_nonnull (strstr (made_out, "  Members nearest their own consortium: 2 of 3 (66.7%)\n"));
  g_assert_nonnull (strstr (made_out, "  Label overlaps: "));
}

/* Style by attribute from the command line: --info says what each
 * attribute can drive and what drives the look, --color-by and the like
 * change the picture and go into a .json export, a key the file cannot
 * style by is refused with the ones it can */
static void
test_style_options (void)
{
  g_autofree char *styled = fixture ("good", "styled.json");
  g_autofree char *json = g_build_filename (tmp_dir, "styled-out.json", NULL);
  g_autofree char *by_club = g_build_filename (tmp_dir, "by-club.png", NULL);
  g_autofree char *by_types = g_build_filename (tmp_dir, "by-types.png", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *contents = NULL;
  const char *info[] = { "--info", styled, NULL };
  const char *unknown[] = { "--export", by_club, "--color-by", "nosuch", styled, NULL };
  const char *not_numbers[] = { "--export", by_club, "--size-by", "club", styled, NULL };
  const char *without_export[] = { "--color-by", "club", styled, NULL };
  const char *to_json[] = { "--export", json, "--group-by", "club", "--shape-by", "types", styled,
                            NULL };
  const char *reread[] = { "--info", json, NULL };
  const char *club_png[] = { "--export", by_club, "--color-by", "club", styled, NULL };
  const char *types_png[] = { "--export", by_types, "--color-by", "types", styled, NULL };
  cairo_surface_t *club_surface, *types_surface;
  guint differ = 0;

  g_assert_cmpint (run (info, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "Node attributes: 3\n"));
  g_assert_nonnull (strstr (out, "  club                 6 nodes, 2 values; can drive colour, shape, "
                                 "group\n"));
  g_assert_nonnull (strstr (out, "  weight               6 nodes, 6 values, numbers 1…30; can drive "
                                 "colour, size\n"));
  g_assert_nonnull (strstr (out, "  color                6 nodes, 3 values, colours; can drive "));
  g_assert_nonnull (strstr (out, "Style: colour by color, size by weight, shape by node type, group "
                                 "by consortia\n"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (unknown, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "styled.json: --color-by: no node has an attribute “nosuch”; it "
                                 "takes types (the node types) or an attribute holding a few "
                                 "values, numbers or colours: club, weight, color\n"));
  g_assert_false (g_file_test (by_club, G_FILE_TEST_EXISTS));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (not_numbers, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "--size-by: no node can be styled by “club”; it takes types (the "
                                 "node types) or an attribute holding numbers: weight\n"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (without_export, &out, &err), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* a .json export keeps the choices, the automatic ones as made */
  g_assert_cmpint (run (to_json, &out, &err), ==, 0);
  g_assert_true (g_file_get_contents (json, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "\"group\": \"club\""));
  g_assert_nonnull (strstr (contents, "\"shape\": null"));
  g_assert_nonnull (strstr (contents, "\"color\": \"color\""));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (reread, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "Style: colour by color, size by weight, shape by node type, group "
                                 "by club\n"));
  g_assert_nonnull (strstr (out, "Problems: 0\n"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* the picture changes with the choice */
  g_assert_cmpint (run (club_png, &out, &err), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (types_png, &out, &err), ==, 0);
  club_surface = cs_test_load_png (by_club);
  types_surface = cs_test_load_png (by_types);
  g_assert_cmpint (cairo_image_surface_get_width (club_surface), ==,
                   cairo_image_surface_get_width (types_surface));
  for (int y = 0; y < cairo_image_surface_get_height (club_surface); y += 2)
    for (int x = 0; x < cairo_image_surface_get_width (club_surface); x += 2)
      {
        CsColor a, b;

        cs_test_read_pixel (club_surface, x, y, &a);
        cs_test_read_pixel (types_surface, x, y, &b);
        differ += a.red != b.red || a.green != b.green || a.blue != b.blue;
      }
  g_test_message ("%u sampled pixels differ", differ);
  g_assert_cmpuint (differ, >, 500);
  cairo_surface_destroy (club_surface);
  cairo_surface_destroy (types_surface);
}

/* --check-sources: a quote found across a line break passes; a quote the
 * article does not hold, an article the folder lacks and a citation
 * without a quote are each printed, and the exit status says so; the
 * bundled graph's quotes are all in the articles beside the project */
static void
test_check_sources (void)
{
  g_autofree char *folder = g_test_build_filename (G_TEST_DIST, "data", "sources", NULL);
  g_autofree char *cited = fixture ("good", "cited.json");
  g_autofree char *seeds = g_build_filename (g_getenv ("CONSORTIA_TESTDATA"), "..", "seeds", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *args[] = { "--check-sources", folder, cited, NULL };
  const char *not_folder[] = { "--check-sources", cited, cited, NULL };
  const char *bundled[] = { "--check-sources", seeds, NULL };
  const char *two_commands[] = { "--check-sources", folder, "--info", cited, NULL };

  g_assert_cmpint (run (args, &out, &err), ==, 1);
  g_assert_cmpstr (err, ==, "");
  g_assert_null (strstr (out, "node msit"));
  g_assert_nonnull (strstr (out, "cited.json: node naver: the quote is not, word for word, in "
                                 "a.txt: “네이버클라우드 컨소시엄이 탈락했다”\n"));
  g_assert_nonnull (strstr (out, "cited.json: node lg, attribute model: no such article in the "
                                 "folder: c.txt: “엑사원”\n"));
  g_assert_nonnull (strstr (out, "cited.json: edge naver → msit (applied_to): no quote from "
                                 "a.txt\n"));
  g_assert_nonnull (strstr (out, "Citations: 5\nWith a quote: 4\nQuotes found word for word: 2\n"
                                 "Problems: 3\n"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (not_folder, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "cited.json: not a folder"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (two_commands, &out, &err), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* every citation of the bundled graph has a quote, and every quote is
   * in its article (#13) */
  g_assert_true (g_file_test (seeds, G_FILE_TEST_IS_DIR));
  g_assert_cmpint (run (bundled, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "Citations: 630\nWith a quote: 630\nQuotes found word for word: "
                                 "630\n"));
  g_assert_nonnull (strstr (out, "\nProblems: 0\n"));
  g_assert_null (strstr (out, "the quote is not"));
  g_assert_null (strstr (out, "no such article"));
  g_assert_null (strstr (out, "no quote from"));
}

/* the stages of a contest: --info lists them, --stages draws a panel for
 * each (its heading and counts are the PDF's text), --stage NAME one */
static void
test_stages (void)
{
  g_autofree char *stages = fixture ("good", "stages.json");
  g_autofree char *small = fixture ("good", "small.json");
  g_autofree char *pdf = g_build_filename (tmp_dir, "stages.pdf", NULL);
  g_autofree char *selected = g_build_filename (tmp_dir, "selected.png", NULL);
  g_autofree char *applied = g_build_filename (tmp_dir, "applied.png", NULL);
  g_autofree char *json = g_build_filename (tmp_dir, "stage.json", NULL);
  g_autofree char *pdftotext = cs_test_find_program ("PDFTOTEXT", "pdftotext");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *text = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  gsize la, lb;
  const char *info[] = { "--info", stages, NULL };
  const char *panels[] = { "--export", pdf, "--stages", "--title", "", NULL };
  const char *to_text[] = { pdftotext, "-layout", pdf, "-", NULL };
  const char *one[] = { "--export", selected, "--stage", "selected", NULL };
  const char *first[] = { "--export", applied, "--stage", "applied", "--hide", NULL };
  const char *unknown[] = { "--export", selected, "--stage", "finished", NULL };
  const char *both[] = { "--export", selected, "--stage", "selected", "--stages", NULL };
  const char *scoped[] = { "--export", selected, "--stages", "--scope", "selection", "--select",
                           "skt", NULL };
  const char *none[] = { "--export", selected, "--stages", small, NULL };
  const char *not_drawn[] = { "--export", json, "--stages", NULL };
  const char *headings[] = { "Applied", "Passed the document review", "Selected",
                             "Stage evaluation 1", "Stage evaluation 2", "Final selection" };
  guint n_stated = 0;

  g_assert_cmpint (run (info, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "Stages: 3\n"
                                 "  applied                  4 stated, 4 named\n"
                                 "  round_1                  2025-03 · 2 stated, 2 named · 2 cut\n"
                                 "  final                    2026 · planned · 1 stated\n"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* the bundled contest, a panel per stage */
  g_assert_nonnull (pdftotext);
  g_assert_cmpint (run (panels, NULL, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_clear_pointer (&err, g_free);
  g_assert_true (cs_test_run_tool (to_text, &text));
  for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
    g_assert_nonnull (strstr (text, headings[i]));
  for (const char *p = text; (p = strstr (p, "stated")) != NULL; p++)
    n_stated++;
  g_assert_cmpuint (n_stated, ==, G_N_ELEMENTS (headings));
  g_assert_nonnull (strstr (text, "2025-07-25 · 10 stated, 10 named · 2 cut"));
  g_assert_nonnull (strstr (text, "2025-08 · 5 stated, 5 named · 5 cut"));
  g_assert_nonnull (strstr (text, "2027 · planned · 2 stated"));

  /* one stage, and another: different pictures */
  g_assert_cmpint (run (one, NULL, NULL), ==, 0);
  g_assert_cmpint (run (first, NULL, NULL), ==, 0);
  g_assert_true (g_file_get_contents (selected, &a, &la, NULL));
  g_assert_true (g_file_get_contents (applied, &b, &lb, NULL));
  g_assert_false (la == lb && memcmp (a, b, la) == 0);

  g_assert_cmpint (run (unknown, NULL, &err), ==, 1);
  g_assert_nonnull (strstr (err, "--stage: no stage “finished” in this graph; its stages: "
                                 "applied, passed_document_review, selected, stage_evaluation_1, "
                                 "stage_evaluation_2, final_selection\n"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (none, NULL, &err), ==, 1);
  g_assert_nonnull (strstr (err, "--stages: the graph has no stages"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (both, NULL, &err), ==, 2);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (scoped, NULL, &err), ==, 2);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (not_drawn, NULL, &err), ==, 2);
  g_assert_nonnull (strstr (err, "--stages: a .json export writes the graph"));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  tmp_dir = g_dir_make_tmp ("cs-cli-XXXXXX", NULL);

  g_test_add_func ("/cs/cli/export-png", test_export_png);
  g_test_add_func ("/cs/cli/export-svg", test_export_svg);
  g_test_add_func ("/cs/cli/export-pdf", test_export_pdf);
  g_test_add_func ("/cs/cli/export-bad-input", test_export_bad_input);
  g_test_add_func ("/cs/cli/export-bad-options", test_export_bad_options);
  g_test_add_func ("/cs/cli/same-seed-same-bytes", test_same_seed_same_bytes);
  g_test_add_func ("/cs/cli/info", test_info);
  g_test_add_func ("/cs/cli/info-quality", test_info_quality);
  g_test_add_func ("/cs/cli/export-json-round-trip", test_export_json_round_trip);
  g_test_add_func ("/cs/cli/export-json-failures", test_export_json_failures);
  g_test_add_func ("/cs/cli/info-warnings", test_info_warnings);
  g_test_add_func ("/cs/cli/info-other-formats", test_info_other_formats);
  g_test_add_func ("/cs/cli/graph-option", test_graph_option);
  g_test_add_func ("/cs/cli/style-options", test_style_options);
  g_test_add_func ("/cs/cli/check-sources", test_check_sources);
  g_test_add_func ("/cs/cli/stages", test_stages);
  g_test_add_func ("/cs/cli/nodes-option", test_nodes_option);
  g_test_add_func ("/cs/cli/info-every-problem", test_info_every_problem);
  g_test_add_func ("/cs/cli/info-missing-file", test_info_missing_file);
  g_test_add_func ("/cs/cli/list-layouts", test_list_layouts);
  g_test_add_func ("/cs/cli/inspect", test_inspect);
  g_test_add_func ("/cs/cli/vector-matches-png", test_vector_matches_png);
  g_test_add_func ("/cs/cli/export-scope-and-dpi", test_export_scope_and_dpi);
  g_test_add_func ("/cs/cli/hangul-reference", test_hangul_reference);
  g_test_add_func ("/cs/cli/inspect-unknown", test_inspect_unknown);
  g_test_add_func ("/cs/cli/usage-errors", test_usage_errors);
  g_test_add_func ("/cs/cli/info-vocabulary", test_info_vocabulary);
  g_test_add_func ("/cs/cli/bundled-by-default", test_bundled_by_default);
  g_test_add_func ("/cs/cli/help", test_help);
  g_test_add_func ("/cs/cli/version", test_version);

  status = g_test_run ();

  {
    g_autoptr(GDir) dir = g_dir_open (tmp_dir, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *path = g_build_filename (tmp_dir, name, NULL);

        g_unlink (path);
      }
    g_rmdir (tmp_dir);
    g_free (tmp_dir);
  }
  return status;
}
