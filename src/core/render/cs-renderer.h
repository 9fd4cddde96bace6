/* cs-renderer.h
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>

#include "cs-scene.h"
#include "cs-spatial-grid.h"

G_BEGIN_DECLS

/* what a point of the legend stands for */
typedef enum
{
  CS_LEGEND_HIT_NONE,
  CS_LEGEND_HIT_BOX,        /* the legend, between its entries */
  CS_LEGEND_HIT_TOGGLE,     /* the header that folds and unfolds it */
  CS_LEGEND_HIT_TYPE,       /* a kind of node */
  CS_LEGEND_HIT_RELATION,   /* a kind of link */
  CS_LEGEND_HIT_CONSORTIUM, /* a consortium */
} CsLegendHit;

void           cs_renderer_draw                 (cairo_t             *cr,
                                                 const CsScene       *scene);
double         cs_renderer_layer_margin         (int                  width,
                                                 int                  height);
void           cs_renderer_draw_overlays        (cairo_t             *cr,
                                                 const CsScene       *scene);
void           cs_renderer_draw_focus           (cairo_t             *cr,
                                                 const CsScene       *scene,
                                                 const CsRenderFocus *focus);
int            cs_renderer_hit_test             (const CsScene       *scene,
                                                 double               x,
                                                 double               y);
int            cs_renderer_hit_test_edge        (const CsScene       *scene,
                                                 double               x,
                                                 double               y,
                                                 double               tolerance);
CsSpatialGrid *cs_renderer_build_hit_index      (const CsScene       *scene);
int            cs_renderer_hit_test_indexed     (const CsScene       *scene,
                                                 CsSpatialGrid       *index,
                                                 double               x,
                                                 double               y);
CsLegendHit    cs_renderer_legend_hit_test      (const CsScene       *scene,
                                                 double               x,
                                                 double               y,
                                                 guint               *id);
guint          cs_renderer_count_missing_glyphs (const CsScene       *scene);

G_END_DECLS
