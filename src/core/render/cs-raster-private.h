/* cs-raster-private.h
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>

#include "cs-render-style.h"

G_BEGIN_DECLS

/* Thin lines written straight into the pixels of an image surface.
 *
 * Cairo 1.16's image backend spends 8 to 50 µs on every stroke of a thin
 * line (its polygon, scan conversion and compositing set up anew), and a
 * path of many lines is slower still; a picture of 20,000 links took
 * seconds. Here a line is a box-filtered band, column by column along its
 * longer axis, blended with the operator OVER into the surface: the same
 * coverage cairo gives a thin line, at a few nanoseconds a pixel. Vector
 * surfaces (SVG, PDF) and wide or unusual lines keep going through cairo.
 * All coordinates are the cairo context's user units. */

typedef struct
{
  cairo_surface_t *surface;
  guint8          *data;
  int              stride;
  int              width;  /* pixels */
  int              height;
  gboolean         has_alpha;
  double           scale;  /* pixel = user × scale + offset */
  double           offset_x;
  double           offset_y;
  double           clip_x0, clip_y0, clip_x1, clip_y1; /* pixels */
  gboolean         dirty;
} CsRaster;

/* a dash pattern along a line, in pixels, with its caps */
typedef struct
{
  guint  n;           /* intervals drawn within a period; 0: solid */
  double period;
  double on[8][2];    /* [start, end) within [0, period) */
  double on_total;
} CsRasterDash;

gboolean _cs_raster_begin      (CsRaster           *raster,
                                cairo_t            *cr);
void     _cs_raster_end        (CsRaster           *raster);
double   _cs_raster_pixels     (const CsRaster     *raster,
                                double              user_length);
void     _cs_raster_dash_init  (CsRasterDash       *dash,
                                const double       *pattern,
                                guint               n_pattern,
                                double              cap);
void     _cs_raster_line       (CsRaster           *raster,
                                double              x0,
                                double              y0,
                                double              x1,
                                double              y1,
                                double              width,
                                const CsColor      *color,
                                const CsRasterDash *dash,
                                double             *along);
void     _cs_raster_curve      (CsRaster           *raster,
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
                                const CsRasterDash *dash);

G_END_DECLS
