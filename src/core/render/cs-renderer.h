/* cs-renderer.h
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>

#include "cs-graph.h"
#include "cs-positions.h"
#include "cs-render-style.h"
#include "cs-spatial-grid.h"

G_BEGIN_DECLS

typedef enum
{
  CS_RENDER_BACKGROUND = 1 << 0,
  CS_RENDER_LABELS     = 1 << 1,
  CS_RENDER_LEGEND     = 1 << 2,
  CS_RENDER_TITLE      = 1 << 3,
  CS_RENDER_HULLS      = 1 << 4,
  /* keep labels clear of the title and legend but leave them out: the
   * caller draws them with cs_renderer_draw_overlays() */
  CS_RENDER_OVERLAYS_APART = 1 << 5,
  /* a caption along the bottom naming the source articles */
  CS_RENDER_CAPTION    = 1 << 6,
} CsRenderFlags;

#define CS_RENDER_DEFAULT_FLAGS                                                                    \
  (CS_RENDER_BACKGROUND | CS_RENDER_LABELS | CS_RENDER_LEGEND | CS_RENDER_HULLS)

typedef enum
{
  CS_NODE_SIZE_DEGREE,  /* the type's size, grown with the number of links */
  CS_NODE_SIZE_UNIFORM, /* the type's size only */
} CsNodeSizing;

/* What the pointer and the selection bring forward, drawn over the scene. */
typedef struct
{
  int          hover;      /* node under the pointer, or -1 */
  const guint *selected;   /* selected nodes */
  guint        n_selected;
} CsRenderFocus;

/* Everything one picture depends on. The renderer borrows every pointer. */
typedef struct
{
  CsGraph             *graph;
  CsPositions         *positions;
  const CsRenderStyle *style;
  CsRenderFlags        flags;
  const char          *title;    /* nullable: the graph's title */
  const gboolean      *pinned;   /* nullable: one flag per node, drawn as a pin */
  CsNodeSizing         sizing;
  double               width;    /* device units */
  double               height;
  double               zoom;     /* device = world × zoom + offset */
  double               offset_x;
  double               offset_y;
  double               view_x;   /* where the visible area starts, in device */
  double               view_y;   /* units: the title and legend sit there */
  GArray              *placed_labels; /* nullable: receives a CsPlacedLabel per label drawn */
  const guint8        *node_shown;    /* nullable: per node, 0 when filtered out */
  const guint8        *edge_shown;    /* nullable: per edge, 0 when filtered out */
  gboolean             hide_filtered; /* leave filtered-out parts out, instead of fading them */
} CsRenderScene;

typedef struct
{
  guint    node;
  CsBounds bounds; /* device units */
} CsPlacedLabel;

void     cs_render_scene_init              (CsRenderScene       *scene,
                                            CsGraph             *graph,
                                            CsPositions         *positions,
                                            const CsRenderStyle *style,
                                            double               width,
                                            double               height);
void     cs_render_scene_get_world_bounds  (const CsRenderScene *scene,
                                            CsBounds            *bounds);
void     cs_render_scene_get_graph_area    (const CsRenderScene *scene,
                                            double               margin,
                                            CsBounds            *area);
void     cs_render_scene_fit               (CsRenderScene       *scene,
                                            double               margin);
void     cs_renderer_draw                  (cairo_t             *cr,
                                            const CsRenderScene *scene);
void     cs_renderer_draw_overlays         (cairo_t             *cr,
                                            const CsRenderScene *scene);
void     cs_renderer_draw_focus            (cairo_t             *cr,
                                            const CsRenderScene *scene,
                                            const CsRenderFocus *focus);
int      cs_renderer_get_consortium_color  (const CsRenderScene *scene,
                                            guint                node,
                                            CsColor             *color);
double   cs_renderer_get_node_radius       (const CsRenderScene *scene,
                                            guint                node);
int      cs_renderer_hit_test              (const CsRenderScene *scene,
                                            double               x,
                                            double               y);
CsSpatialGrid *cs_renderer_build_hit_index (const CsRenderScene *scene);
int      cs_renderer_hit_test_indexed      (const CsRenderScene *scene,
                                            CsSpatialGrid       *index,
                                            double               x,
                                            double               y);
void     cs_renderer_node_to_device        (const CsRenderScene *scene,
                                            guint                node,
                                            double              *x,
                                            double              *y);
guint    cs_renderer_count_missing_glyphs  (const CsRenderScene *scene);

G_END_DECLS
