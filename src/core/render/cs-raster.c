/* cs-raster.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-raster-private.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/**
 * _cs_raster_begin:
 * @raster: filled in
 * @cr: a context
 *
 * Prepares to write into @cr's target directly. It can when the target
 * is an ARGB32 or RGB24 image, the user space is the pixels scaled evenly
 * and moved, the operator is OVER and the clip is one rectangle (or
 * none). Ends with _cs_raster_end(), before cairo draws again.
 *
 * Returns: %FALSE when cairo has to draw instead
 */
gboolean
_cs_raster_begin (CsRaster *raster,
                  cairo_t  *cr)
{
  cairo_surface_t *target = cairo_get_group_target (cr);
  cairo_format_t format;
  cairo_matrix_t m;
  cairo_rectangle_list_t *clip;
  double dx, dy, sx, sy;
  gboolean ok = TRUE;

  memset (raster, 0, sizeof *raster);
  if (cairo_status (cr) != CAIRO_STATUS_SUCCESS ||
      cairo_surface_get_type (target) != CAIRO_SURFACE_TYPE_IMAGE ||
      cairo_get_operator (cr) != CAIRO_OPERATOR_OVER)
    return FALSE;
  format = cairo_image_surface_get_format (target);
  if (format != CAIRO_FORMAT_ARGB32 && format != CAIRO_FORMAT_RGB24)
    return FALSE;
  cairo_get_matrix (cr, &m);
  cairo_surface_get_device_scale (target, &sx, &sy);
  if (m.xy != 0 || m.yx != 0 || m.xx != m.yy || m.xx <= 0 || sx != 1 || sy != 1)
    return FALSE;
  cairo_surface_get_device_offset (target, &dx, &dy);

  raster->surface = target;
  raster->width = cairo_image_surface_get_width (target);
  raster->height = cairo_image_surface_get_height (target);
  raster->stride = cairo_image_surface_get_stride (target);
  raster->has_alpha = format == CAIRO_FORMAT_ARGB32;
  raster->scale = m.xx;
  raster->offset_x = m.x0 + dx;
  raster->offset_y = m.y0 + dy;
  raster->clip_x0 = 0;
  raster->clip_y0 = 0;
  raster->clip_x1 = raster->width;
  raster->clip_y1 = raster->height;

  clip = cairo_copy_clip_rectangle_list (cr);
  if (clip->status != CAIRO_STATUS_SUCCESS || clip->num_rectangles > 1)
    ok = FALSE;
  else if (clip->num_rectangles == 0)
    raster->clip_x1 = raster->clip_y1 = 0; /* everything is clipped away */
  else
    {
      const cairo_rectangle_t *r = &clip->rectangles[0];
      double x0 = r->x * m.xx + raster->offset_x, y0 = r->y * m.xx + raster->offset_y;

      raster->clip_x0 = MAX (0, floor (x0));
      raster->clip_y0 = MAX (0, floor (y0));
      raster->clip_x1 = MIN (raster->width, ceil (x0 + r->width * m.xx));
      raster->clip_y1 = MIN (raster->height, ceil (y0 + r->height * m.xx));
    }
  cairo_rectangle_list_destroy (clip);
  if (!ok)
    return FALSE;

  cairo_surface_flush (target);
  raster->data = cairo_image_surface_get_data (target);
  return raster->data != NULL;
}

/* tells cairo what was written */
void
_cs_raster_end (CsRaster *raster)
{
  if (raster->surface != NULL && raster->dirty)
    cairo_surface_mark_dirty (raster->surface);
  raster->dirty = FALSE;
}

/* a length in user units, in pixels */
double
_cs_raster_pixels (const CsRaster *raster,
                   double          user_length)
{
  return user_length * raster->scale;
}

static int
compare_starts (const void *a,
                const void *b)
{
  const double *x = a, *y = b;

  return (x[0] > y[0]) - (x[0] < y[0]);
}

/**
 * _cs_raster_dash_init:
 * @dash: filled in
 * @pattern: cairo's dash lengths, on and off in turn, in pixels
 * @n_pattern: how many (0 for a solid line)
 * @cap: the width of the line, whose round caps lengthen each dash; 0 for
 *   butt caps
 *
 * The parts of a period that are drawn, the caps included: two round caps
 * of a line w wide draw the ink of π w / 4 more of its length.
 */
void
_cs_raster_dash_init (CsRasterDash *dash,
                      const double *pattern,
                      guint         n_pattern,
                      double        cap)
{
  double pos = 0, raw[8][2];
  guint n_raw = 0, n_steps = n_pattern % 2 ? 2 * n_pattern : n_pattern;

  memset (dash, 0, sizeof *dash);
  if (n_pattern == 0 || n_steps > 8)
    return;
  cap *= G_PI / 4;
  for (guint i = 0; i < n_steps; i++)
    pos += pattern[i % n_pattern];
  dash->period = pos;
  if (dash->period <= 0)
    return;
  pos = 0;
  for (guint i = 0; i < n_steps; i++)
    {
      double len = pattern[i % n_pattern];

      if (i % 2 == 0)
        {
          double start, end;

          if (len + cap >= dash->period)
            {
              dash->n = 0; /* the caps close every gap: solid */
              return;
            }
          /* into [0, period), split where it wraps */
          start = fmod (pos - cap / 2 + dash->period, dash->period);
          end = start + len + cap;
          if (end > dash->period)
            {
              raw[n_raw][0] = start;
              raw[n_raw++][1] = dash->period;
              raw[n_raw][0] = 0;
              raw[n_raw++][1] = end - dash->period;
            }
          else
            {
              raw[n_raw][0] = start;
              raw[n_raw++][1] = end;
            }
        }
      pos += len;
    }
  /* overlapping caps are drawn once */
  qsort (raw, n_raw, sizeof raw[0], compare_starts);
  for (guint i = 0; i < n_raw; i++)
    {
      if (dash->n > 0 && raw[i][0] <= dash->on[dash->n - 1][1])
        dash->on[dash->n - 1][1] = MAX (dash->on[dash->n - 1][1], raw[i][1]);
      else
        {
          dash->on[dash->n][0] = raw[i][0];
          dash->on[dash->n++][1] = raw[i][1];
        }
    }
  for (guint i = 0; i < dash->n; i++)
    dash->on_total += dash->on[i][1] - dash->on[i][0];
  if (dash->on_total >= dash->period)
    dash->n = 0;
}

/* How much of [0, s) along a line its dashes draw, for a run of columns
 * whose distances follow one another (rising or falling): the period is
 * carried from one column to the next instead of divided out, and a
 * column's start is the end of the column before */
typedef struct
{
  const CsRasterDash *dash;
  double start; /* where the current period starts, along the line */
  double base;  /* the ink in [0, start) */
  double s;     /* the last distance asked, and its value */
  double upto;
} DashWalk;

static inline double
dash_walk_value (DashWalk *w,
                 double    s)
{
  const CsRasterDash *dash = w->dash;
  double m, acc;

  while (s - w->start >= dash->period)
    {
      w->start += dash->period;
      w->base += dash->on_total;
    }
  while (s < w->start)
    {
      w->start -= dash->period;
      w->base -= dash->on_total;
    }
  m = s - w->start;
  acc = w->base;
  for (guint i = 0; i < dash->n; i++)
    acc += CLAMP (m - dash->on[i][0], 0, dash->on[i][1] - dash->on[i][0]);
  return acc;
}

static inline void
dash_walk_init (DashWalk           *w,
                const CsRasterDash *dash,
                double              s)
{
  double periods = (double)(gint64)(s / dash->period);

  w->dash = dash;
  w->start = periods * dash->period;
  w->base = periods * dash->on_total;
  w->s = s;
  w->upto = dash_walk_value (w, s);
}

/* the dashes' ink over [sa, sb] (either way round) */
static inline double
dash_walk_between (DashWalk *w,
                   double    sa,
                   double    sb)
{
  double from = sa == w->s ? w->upto : dash_walk_value (w, sa);

  w->s = sb;
  w->upto = dash_walk_value (w, sb);
  return fabs (w->upto - from);
}

/* x / 255, rounded, for x up to 255 × 255 */
static inline guint32
div255 (guint32 x)
{
  return ((x + 128) * 257) >> 16;
}

/* each of a pixel's four channels × a / 255, two at a time (as pixman) */
static inline guint32
mul_channels (guint32 x,
              guint32 a)
{
  guint32 rb = (x & 0xff00ff) * a + 0x800080;
  guint32 ag = ((x >> 8) & 0xff00ff) * a + 0x800080;

  rb = ((rb + ((rb >> 8) & 0xff00ff)) >> 8) & 0xff00ff;
  ag = (ag + ((ag >> 8) & 0xff00ff)) & 0xff00ff00;
  return rb | ag;
}

/* channel by channel x + y, no channel past 255 */
static inline guint32
add_channels (guint32 x,
              guint32 y)
{
  guint32 rb = (x & 0xff00ff) + (y & 0xff00ff);
  guint32 ag = ((x >> 8) & 0xff00ff) + ((y >> 8) & 0xff00ff);

  rb = (rb | (0x1000100 - ((rb >> 8) & 0xff00ff))) & 0xff00ff;
  ag = (ag | (0x1000100 - ((ag >> 8) & 0xff00ff))) & 0xff00ff;
  return rb | ag << 8;
}

/* OVER with a premultiplied colour, packed as the pixels are (@color) with
 * its alpha apart (@alpha, 0…255), at @coverage */
G_ALWAYS_INLINE static inline void
blend_at (guint8  *pixel,
          double   coverage,
          guint32  color,
          guint32  alpha)
{
  guint32 *p = (guint32 *)pixel;
  guint32 f = (guint32)(coverage * 255 + 0.5);

  if (f == 0)
    return;
  *p = add_channels (mul_channels (color, f), mul_channels (*p, 255 - div255 (alpha * f)));
}

G_ALWAYS_INLINE static inline void
blend (CsRaster *raster,
       int       x,
       int       y,
       double    coverage,
       guint32   color,
       guint32   alpha)
{
  blend_at (raster->data + (gsize)y * raster->stride + 4 * (gsize)x, coverage, color, alpha);
}

G_ALWAYS_INLINE static inline void
put (CsRaster *raster,
     gboolean  steep,
     int       pa,
     int       pb,
     double    coverage,
     guint32   color,
     guint32   alpha)
{
  if (steep)
    blend (raster, pb, pa, coverage, color, alpha);
  else
    blend (raster, pa, pb, coverage, color, alpha);
}

/* floor() of a number above -2^20, without a call into libm */
#define FLOOR_NEAR(x) ((int)((x) + 1048576.0) - 1048576)

/* Clips the segment to a box (Liang–Barsky); FALSE when none of it is in */
static gboolean
clip_segment (double  x0,
              double  y0,
              double  x1,
              double  y1,
              double  bx0,
              double  by0,
              double  bx1,
              double  by1,
              double *t0,
              double *t1)
{
  double p[4] = { -(x1 - x0), x1 - x0, -(y1 - y0), y1 - y0 };
  double q[4] = { x0 - bx0, bx1 - x0, y0 - by0, by1 - y0 };

  *t0 = 0;
  *t1 = 1;
  for (guint i = 0; i < 4; i++)
    {
      if (p[i] == 0)
        {
          if (q[i] < 0)
            return FALSE;
          continue;
        }
      {
        double t = q[i] / p[i];

        if (p[i] < 0)
          *t0 = MAX (*t0, t);
        else
          *t1 = MIN (*t1, t);
      }
    }
  return *t0 < *t1;
}

/**
 * _cs_raster_line:
 * @raster: begun
 * @x0: where the line starts, user units
 * @y0:
 * @x1: where it ends
 * @y1:
 * @width: its width, user units
 * @color: its colour (not premultiplied)
 * @dash: (nullable): its dashes, in pixels along the line
 * @along: (inout) (nullable): how far along its dash pattern the line
 *   starts, in pixels; receives where it ends
 *
 * A line with butt ends. Each column (or row, for a steep line) of
 * pixels it crosses gets the share of the pixel the band of its width
 * covers at the column's middle.
 */
void
_cs_raster_line (CsRaster           *raster,
                 double              x0,
                 double              y0,
                 double              x1,
                 double              y1,
                 double              width,
                 const CsColor      *color,
                 const CsRasterDash *dash,
                 double             *along)
{
  double alpha = CLAMP (color->alpha, 0, 1);
  guint32 a8 = (guint32)(alpha * 255 + 0.5);
  guint32 c = a8 << 24 | (guint32)(CLAMP (color->red, 0, 1) * alpha * 255 + 0.5) << 16 |
              (guint32)(CLAMP (color->green, 0, 1) * alpha * 255 + 0.5) << 8 |
              (guint32)(CLAMP (color->blue, 0, 1) * alpha * 255 + 0.5);
  double s0 = along != NULL ? *along : 0;
  double w = width * raster->scale, half, length, t0, t1;
  gboolean steep, use_dash = dash != NULL && dash->n > 0;
  double dash_share = 1;
  double a0, b0, a1, b1, slope, sec, thick, lo, hi, across_lo, across_hi;

  x0 = x0 * raster->scale + raster->offset_x;
  y0 = y0 * raster->scale + raster->offset_y;
  x1 = x1 * raster->scale + raster->offset_x;
  y1 = y1 * raster->scale + raster->offset_y;
  length = hypot (x1 - x0, y1 - y0);
  if (along != NULL)
    *along = s0 + length;
  if (length < 1e-9 || a8 == 0 || w <= 0)
    return;
  /* dashes finer than two pixels blur into their share of the line */
  if (use_dash && dash->period <= 2)
    {
      dash_share = dash->on_total / dash->period;
      use_dash = FALSE;
    }
  half = w / 2 + 1;
  if (!clip_segment (x0, y0, x1, y1, raster->clip_x0 - half, raster->clip_y0 - half,
                     raster->clip_x1 + half, raster->clip_y1 + half, &t0, &t1))
    return;
  raster->dirty = TRUE;

  /* along the longer axis (a), across the other (b) */
  steep = fabs (y1 - y0) > fabs (x1 - x0);
  a0 = steep ? y0 : x0;
  b0 = steep ? x0 : y0;
  a1 = steep ? y1 : x1;
  b1 = steep ? x1 : y1;
  slope = (b1 - b0) / (a1 - a0);
  sec = sqrt (1 + slope * slope);
  thick = w * sec;
  lo = MIN (a0 + t0 * (a1 - a0), a0 + t1 * (a1 - a0));
  hi = MAX (a0 + t0 * (a1 - a0), a0 + t1 * (a1 - a0));
  across_lo = steep ? raster->clip_x0 : raster->clip_y0;
  across_hi = steep ? raster->clip_x1 : raster->clip_y1;
  lo = MAX (lo, steep ? raster->clip_y0 : raster->clip_x0);
  hi = MIN (hi, steep ? raster->clip_y1 : raster->clip_x1);

  {
    int pa_end = (int)ceil (hi);
    int across_first = (int)across_lo, across_end = (int)across_hi;
    double half_thick = thick / 2;

    /* the whole columns of a band (most links of a big graph) in a tight
     * loop, a dashed one's by the share of each its dashes draw */
    int full_lo = (int)ceil (lo), full_hi = (int)floor (hi);
    gboolean hairline = full_lo < full_hi;
    gsize step_a = steep ? (gsize)raster->stride : 4, step_b = steep ? 4 : (gsize)raster->stride;
    DashWalk walk = { 0 };

    if (use_dash)
      dash_walk_init (&walk, dash, s0 + fabs (MAX (floor (lo), lo) - a0) * sec);

    for (int pa = (int)floor (lo); pa < pa_end; pa++)
      {
        double a = MAX (pa, lo), b = MIN (pa + 1.0, hi), f = (b - a) * dash_share;
        double mid, top, bottom;
        int first, last;

        if (hairline && pa == full_lo)
          {
            guint8 *column = raster->data + (gsize)pa * step_a;

            mid = b0 + (pa + 0.5 - a0) * slope;
            for (; pa < full_hi; pa++, mid += slope, column += step_a)
              {
                double start = mid - half_thick, cover, share = dash_share;
                int row = FLOOR_NEAR (start);

                if (use_dash)
                  {
                    /* the share of this column the dashes draw */
                    share = dash_walk_between (&walk, s0 + fabs (pa - a0) * sec,
                                               s0 + fabs (pa + 1 - a0) * sec) / sec;
                    if (share <= 0)
                      continue;
                  }
                cover = MIN (row + 1 - start, thick);
                if (row >= across_first && row < across_end)
                  blend_at (column + (gsize)row * step_b, cover * share, c, a8);
                for (double left = thick - cover; left > 0; left -= 1)
                  {
                    row++;
                    if (row >= across_first && row < across_end)
                      blend_at (column + (gsize)row * step_b, MIN (left, 1.0) * share, c, a8);
                  }
              }
            pa--;
            continue;
          }
        if (f <= 0)
          continue;
        if (use_dash)
          {
            /* the share of this stretch the dashes draw */
            double sa = s0 + fabs (a - a0) * sec, sb = s0 + fabs (b - a0) * sec;

            f *= dash_walk_between (&walk, sa, sb) / MAX (fabs (sb - sa), 1e-12);
            if (f <= 0)
              continue;
          }
        mid = b0 + ((a + b) / 2 - a0) * slope;
        top = mid - half_thick;
        bottom = mid + half_thick;
        /* floor without libm: the band starts at most a few pixels off */
        first = FLOOR_NEAR (top);
        last = FLOOR_NEAR (bottom);
        if (first == last)
          {
            if (first >= across_first && first < across_end)
              put (raster, steep, pa, first, (bottom - top) * f, c, a8);
            continue;
          }
        if (first >= across_first && first < across_end)
          put (raster, steep, pa, first, (first + 1 - top) * f, c, a8);
        for (int pb = MAX (first + 1, across_first); pb < MIN (last, across_end); pb++)
          put (raster, steep, pa, pb, f, c, a8);
        if (last >= across_first && last < across_end)
          put (raster, steep, pa, last, (bottom - last) * f, c, a8);
      }
  }
}

/**
 * _cs_raster_curve:
 *
 * A cubic Bézier curve as _cs_raster_line() lines, a few pixels each, its
 * dashes running on from one to the next.
 */
void
_cs_raster_curve (CsRaster           *raster,
                  double              x0,
                  double              y0,
                  double              c1x,
                  double              c1y,
                  double              c2x,
                  double              c2y,
                  double              x1,
                  double              y1,
                  double              width,
                  const CsColor      *color,
                  const CsRasterDash *dash)
{
  double hull = hypot (c1x - x0, c1y - y0) + hypot (c2x - c1x, c2y - c1y) + hypot (x1 - c2x, y1 - c2y);
  guint n = CLAMP ((guint)ceil (hull * raster->scale / 6), 4, 64);
  double px = x0, py = y0, along = 0;

  for (guint i = 1; i <= n; i++)
    {
      double t = (double)i / n, u = 1 - t;
      double x = u * u * u * x0 + 3 * u * u * t * c1x + 3 * u * t * t * c2x + t * t * t * x1;
      double y = u * u * u * y0 + 3 * u * u * t * c1y + 3 * u * t * t * c2y + t * t * t * y1;

      _cs_raster_line (raster, px, py, x, y, width, color, dash, &along);
      px = x;
      py = y;
    }
}
