/* cs-render-style.h
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "cs-graph.h"

G_BEGIN_DECLS

typedef struct
{
  double red;
  double green;
  double blue;
  double alpha;
} CsColor;

typedef enum
{
  CS_SHAPE_CIRCLE,
  CS_SHAPE_SQUARE,
  CS_SHAPE_DIAMOND,
  CS_SHAPE_TRIANGLE,
  CS_SHAPE_TRIANGLE_DOWN,
  CS_SHAPE_HEXAGON,
  CS_SHAPE_OCTAGON,
  CS_SHAPE_STAR,
  CS_SHAPE_RING,
} CsShape;

typedef enum
{
  CS_DASH_SOLID,
  CS_DASH_DASHED,
  CS_DASH_DOTTED,
  CS_DASH_DASH_DOT,
  CS_DASH_LONG_DASH,
} CsDash;

typedef struct
{
  CsColor  fill;
  CsShape  shape;
  double   radius; /* world units, before the degree bonus */
} CsNodeStyle;

typedef struct
{
  CsColor  color;
  CsDash   dash;
  double   width; /* world units */
} CsEdgeStyle;

typedef struct
{
  gboolean     dark;
  CsColor      background;
  CsColor      foreground;    /* labels, legend text */
  CsColor      halo;          /* outline behind labels, node outlines */
  CsColor      legend_fill;
  CsColor      legend_border;
  CsColor      selection;     /* rings around selected nodes */
  CsColor      match;         /* rings around the search's matches */
  CsColor      dim;           /* wash over what is not in focus */
  CsColor      hulls[12];     /* consortium outlines, in turn */
  CsNodeStyle  nodes[CS_N_NODE_TYPES];
  CsEdgeStyle  edges[CS_N_RELATIONS];
  char        *font_family;
  double       font_size;        /* world units */
  double       min_label_pixels; /* names not always shown are left out when their
                                    world size lands smaller than this on screen */
  double       label_min_pixels; /* names are drawn at least this large on screen */
  double       label_max_pixels; /* and at most this large, however far one zooms in */
  double       legend_font_size; /* device units */
} CsRenderStyle;

void     cs_render_style_init_default (CsRenderStyle *style,
                                       gboolean       dark);
void     cs_render_style_copy         (CsRenderStyle       *dest,
                                       const CsRenderStyle *src);
void     cs_render_style_clear        (CsRenderStyle *style);
void     cs_render_style_get_node_style (const CsRenderStyle *style,
                                       CsGraph             *graph,
                                       CsNodeType           type,
                                       CsNodeStyle         *out);
void     cs_render_style_get_edge_style (const CsRenderStyle *style,
                                       CsGraph             *graph,
                                       CsRelation           relation,
                                       CsEdgeStyle         *out);
gboolean cs_node_style_equal          (const CsNodeStyle   *a,
                                       const CsNodeStyle   *b);
gboolean cs_edge_style_equal          (const CsEdgeStyle   *a,
                                       const CsEdgeStyle   *b);
gboolean cs_color_parse               (CsColor       *color,
                                       const char    *spec);

G_END_DECLS
