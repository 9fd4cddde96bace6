/* test-raster.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Thin lines written into pixels (cs-raster.c) against cairo's own
 * strokes of the same lines: the same ink in the same place, dashes
 * included, within the context's transform and clip.
 */

#include "config.h"

#include "cs-raster-private.h"

#include <math.h>

#define SIZE 200

static const CsColor ink = { 0.1, 0.2, 0.6, 0.8 };

static cairo_surface_t *
white_surface (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, SIZE, SIZE);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_destroy (cr);
  return surface;
}

/* how far from white each pixel is, summed, in 0…255 of the green channel */
static double
total_ink (cairo_surface_t *surface)
{
  const guint8 *data;
  int stride;
  double sum = 0;

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < SIZE; y++)
    for (int x = 0; x < SIZE; x++)
      sum += 255 - ((((const guint32 *)(data + y * stride))[x] >> 8) & 0xff);
  return sum;
}

/* the ink's centre of mass */
static void
ink_centre (cairo_surface_t *surface,
            double          *cx,
            double          *cy)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  double sum = 0, sx = 0, sy = 0;

  for (int y = 0; y < SIZE; y++)
    for (int x = 0; x < SIZE; x++)
      {
        double v = 255 - ((((const guint32 *)(data + y * stride))[x] >> 8) & 0xff);

        sum += v;
        sx += v * (x + 0.5);
        sy += v * (y + 0.5);
      }
  g_assert_cmpfloat (sum, >, 0);
  *cx = sx / sum;
  *cy = sy / sum;
}

/* the largest difference of one pixel's green channel */
static int
largest_difference (cairo_surface_t *a,
                    cairo_surface_t *b)
{
  const guint8 *da = cairo_image_surface_get_data (a), *db = cairo_image_surface_get_data (b);
  int stride = cairo_image_surface_get_stride (a), most = 0;

  for (int y = 0; y < SIZE; y++)
    for (int x = 0; x < SIZE; x++)
      {
        int va = (((const guint32 *)(da + y * stride))[x] >> 8) & 0xff;
        int vb = (((const guint32 *)(db + y * stride))[x] >> 8) & 0xff;

        most = MAX (most, ABS (va - vb));
      }
  return most;
}

/* the same ink as cairo's, within @share of it, its centre within
 * @centre pixels */
static void
assert_alike (cairo_surface_t *ours,
              cairo_surface_t *theirs,
              double           share,
              double           centre)
{
  double cx0, cy0, cx1, cy1;

  g_assert_cmpfloat (fabs (total_ink (ours) - total_ink (theirs)) / total_ink (theirs), <, share);
  ink_centre (ours, &cx0, &cy0);
  ink_centre (theirs, &cx1, &cy1);
  g_assert_cmpfloat (hypot (cx0 - cx1, cy0 - cy1), <, centre);
}

static void
cairo_line (cairo_surface_t *surface,
            double           x0,
            double           y0,
            double           x1,
            double           y1,
            double           width,
            const double    *dashes,
            guint            n_dashes)
{
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgba (cr, ink.red, ink.green, ink.blue, ink.alpha);
  cairo_set_line_width (cr, width);
  cairo_set_line_cap (cr, n_dashes > 0 ? CAIRO_LINE_CAP_ROUND : CAIRO_LINE_CAP_BUTT);
  cairo_set_dash (cr, dashes, n_dashes, 0);
  cairo_move_to (cr, x0, y0);
  cairo_line_to (cr, x1, y1);
  cairo_stroke (cr);
  cairo_destroy (cr);
}

static void
raster_line (cairo_surface_t *surface,
             double           x0,
             double           y0,
             double           x1,
             double           y1,
             double           width,
             const double    *dashes,
             guint            n_dashes)
{
  cairo_t *cr = cairo_create (surface);
  CsRaster raster;
  CsRasterDash dash;

  g_assert_true (_cs_raster_begin (&raster, cr));
  _cs_raster_dash_init (&dash, dashes, n_dashes, n_dashes > 0 ? width : 0);
  _cs_raster_line (&raster, x0, y0, x1, y1, width, &ink, &dash, NULL);
  _cs_raster_end (&raster);
  cairo_destroy (cr);
}

/* Lines at many angles and widths: the same ink as cairo's, within a few
 * per cent, in the same place, no pixel far off */
static void
test_lines_match_cairo (void)
{
  const double widths[] = { 0.4, 1.0, 1.7, 3.0 };

  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    for (guint a = 0; a < 24; a++)
      {
        double angle = a * G_PI / 12 + 0.05;
        double x0 = 100 - 70 * cos (angle), y0 = 100 - 70 * sin (angle);
        double x1 = 100 + 70 * cos (angle), y1 = 100 + 70 * sin (angle);
        cairo_surface_t *ours = white_surface (), *theirs = white_surface ();
        double ink_ours, ink_theirs, cx0, cy0, cx1, cy1;

        raster_line (ours, x0, y0, x1, y1, widths[w], NULL, 0);
        cairo_line (theirs, x0, y0, x1, y1, widths[w], NULL, 0);
        ink_ours = total_ink (ours);
        ink_theirs = total_ink (theirs);
        g_assert_cmpfloat (ink_theirs, >, 0);
        g_assert_cmpfloat (fabs (ink_ours - ink_theirs) / ink_theirs, <, 0.04);
        ink_centre (ours, &cx0, &cy0);
        ink_centre (theirs, &cx1, &cy1);
        g_test_message ("width %g, angle %u: ink %.0f, cairo's %.0f; centre %.2f,%.2f, cairo's "
                        "%.2f,%.2f", widths[w], a, ink_ours, ink_theirs, cx0, cy0, cx1, cy1);
        /* ours sits on the line's middle; cairo's sampling drifts up to
         * half a pixel along the thinnest, nearly level lines */
        g_assert_cmpfloat (hypot (cx0 - 100, cy0 - 100), <, 0.02);
        g_assert_cmpfloat (hypot (cx0 - cx1, cy0 - cy1), <, 0.6);
        /* a box filter against cairo's: a pixel may differ where the band
         * crosses it at a slant, never by most of the ink */
        g_assert_cmpint (largest_difference (ours, theirs), <, 100);
        cairo_surface_destroy (ours);
        cairo_surface_destroy (theirs);
      }
}

/* Dashes and dots (round caps): the share of the line they draw is
 * cairo's; a dotted line finer than two pixels blurs to the same share */
static void
test_dashes_match_cairo (void)
{
  const double dashed[] = { 9, 5 }, dotted[] = { 0.01, 5 }, fine[] = { 0.01, 1.5 };
  const double dash_dot[] = { 10, 4, 0.01, 4 };
  const struct { const double *pattern; guint n; double width; } cases[] = {
    { dashed, 2, 1.5 }, { dotted, 2, 2.0 }, { fine, 2, 0.6 }, { dash_dot, 4, 1.2 },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    for (guint a = 0; a < 6; a++)
      {
        double angle = a * G_PI / 6 + 0.1;
        double x0 = 100 - 80 * cos (angle), y0 = 100 - 80 * sin (angle);
        double x1 = 100 + 80 * cos (angle), y1 = 100 + 80 * sin (angle);
        cairo_surface_t *ours = white_surface (), *theirs = white_surface ();
        cairo_surface_t *solid = white_surface ();
        double ink_ours, ink_theirs;

        raster_line (ours, x0, y0, x1, y1, cases[c].width, cases[c].pattern, cases[c].n);
        cairo_line (theirs, x0, y0, x1, y1, cases[c].width, cases[c].pattern, cases[c].n);
        cairo_line (solid, x0, y0, x1, y1, cases[c].width, NULL, 0);
        ink_ours = total_ink (ours);
        ink_theirs = total_ink (theirs);
        g_test_message ("pattern %u, angle %u: ink %.0f, cairo's %.0f, solid %.0f", c, a, ink_ours,
                        ink_theirs, total_ink (solid));
        /* a dashed line is lighter than a solid one, as dashed as cairo's */
        g_assert_cmpfloat (ink_ours, <, 0.9 * total_ink (solid));
        g_assert_cmpfloat (fabs (ink_ours - ink_theirs) / ink_theirs, <, 0.15);
        cairo_surface_destroy (ours);
        cairo_surface_destroy (theirs);
        cairo_surface_destroy (solid);
      }
}

/* The context's scale and offset, a clip rectangle and a group: the
 * raster writes where cairo would, and nothing outside the clip */
static void
test_transform_clip_group (void)
{
  cairo_surface_t *ours = white_surface (), *theirs = white_surface ();
  cairo_t *cr = cairo_create (ours);
  CsRaster raster;

  cairo_translate (cr, 30, 20);
  cairo_scale (cr, 2, 2);
  cairo_rectangle (cr, 10, 10, 40, 40); /* pixels 50…130, 40…120 */
  cairo_clip (cr);
  cairo_push_group (cr);
  g_assert_true (_cs_raster_begin (&raster, cr));
  _cs_raster_line (&raster, 0, 0, 80, 80, 1.0, &ink, NULL, NULL);
  _cs_raster_end (&raster);
  cairo_pop_group_to_source (cr);
  cairo_paint (cr);
  cairo_destroy (cr);

  cr = cairo_create (theirs);
  cairo_translate (cr, 30, 20);
  cairo_scale (cr, 2, 2);
  cairo_rectangle (cr, 10, 10, 40, 40);
  cairo_clip (cr);
  cairo_set_source_rgba (cr, ink.red, ink.green, ink.blue, ink.alpha);
  cairo_set_line_width (cr, 1.0);
  cairo_move_to (cr, 0, 0);
  cairo_line_to (cr, 80, 80);
  cairo_stroke (cr);
  cairo_destroy (cr);

  cairo_surface_flush (ours);
  {
    const guint8 *data = cairo_image_surface_get_data (ours);
    int stride = cairo_image_surface_get_stride (ours);

    for (int y = 0; y < SIZE; y++)
      for (int x = 0; x < SIZE; x++)
        if (x < 50 || x >= 130 || y < 40 || y >= 120)
          g_assert_cmphex (((const guint32 *)(data + y * stride))[x], ==, 0xffffffff);
  }
  assert_alike (ours, theirs, 0.04, 0.2);
  cairo_surface_destroy (ours);
  cairo_surface_destroy (theirs);
}

/* What the raster cannot write into, it says so, and cairo draws */
static void
test_refuses (void)
{
  cairo_surface_t *image = white_surface ();
  cairo_surface_t *recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr;
  CsRaster raster;

  cr = cairo_create (recording);
  g_assert_false (_cs_raster_begin (&raster, cr));
  cairo_destroy (cr);

  cr = cairo_create (image);
  cairo_rotate (cr, 0.3);
  g_assert_false (_cs_raster_begin (&raster, cr));
  cairo_identity_matrix (cr);
  cairo_arc (cr, 100, 100, 50, 0, 2 * G_PI);
  cairo_clip (cr);
  g_assert_false (_cs_raster_begin (&raster, cr));
  cairo_reset_clip (cr);
  cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
  g_assert_false (_cs_raster_begin (&raster, cr));
  cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
  g_assert_true (_cs_raster_begin (&raster, cr));
  /* a line far off the surface, and one of no length, write nothing */
  _cs_raster_line (&raster, -500, -500, -400, -300, 1, &ink, NULL, NULL);
  _cs_raster_line (&raster, 50, 50, 50, 50, 1, &ink, NULL, NULL);
  _cs_raster_end (&raster);
  g_assert_cmpfloat (total_ink (image), ==, 0);
  cairo_destroy (cr);

  cairo_surface_destroy (recording);
  cairo_surface_destroy (image);
}

/* A Bézier curve runs through the same pixels as cairo's */
static void
test_curve (void)
{
  cairo_surface_t *ours = white_surface (), *theirs = white_surface ();
  cairo_t *cr = cairo_create (ours);
  CsRaster raster;

  g_assert_true (_cs_raster_begin (&raster, cr));
  _cs_raster_curve (&raster, 20, 150, 60, 20, 140, 20, 180, 150, 1.2, &ink, NULL);
  _cs_raster_end (&raster);
  cairo_destroy (cr);
  cr = cairo_create (theirs);
  cairo_set_source_rgba (cr, ink.red, ink.green, ink.blue, ink.alpha);
  cairo_set_line_width (cr, 1.2);
  cairo_move_to (cr, 20, 150);
  cairo_curve_to (cr, 60, 20, 140, 20, 180, 150);
  cairo_stroke (cr);
  cairo_destroy (cr);
  assert_alike (ours, theirs, 0.05, 0.3);
  cairo_surface_destroy (ours);
  cairo_surface_destroy (theirs);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cs/raster/lines-match-cairo", test_lines_match_cairo);
  g_test_add_func ("/cs/raster/dashes-match-cairo", test_dashes_match_cairo);
  g_test_add_func ("/cs/raster/transform-clip-group", test_transform_clip_group);
  g_test_add_func ("/cs/raster/refuses", test_refuses);
  g_test_add_func ("/cs/raster/curve", test_curve);

  return g_test_run ();
}
