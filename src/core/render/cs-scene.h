/* cs-scene.h
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "cs-graph.h"
#include "cs-positions.h"
#include "cs-render-style.h"
#include "cs-view-state.h"

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
  /* members' roles written on their links */
  CS_RENDER_ROLES      = 1 << 7,
} CsRenderFlags;

/* flags that follow the view state's layers; the others belong to the
 * surface the scene is drawn on */
#define CS_RENDER_LAYER_FLAGS                                                                      \
  (CS_RENDER_LABELS | CS_RENDER_LEGEND | CS_RENDER_HULLS | CS_RENDER_ROLES)

/* What the pointer and the selection bring forward, drawn over the scene. */
typedef struct
{
  int          hover;      /* node under the pointer, or -1 */
  const guint *selected;   /* selected nodes */
  guint        n_selected;
  gboolean     has_edge;   /* a link is selected: @edge */
  guint        edge;
  gboolean     has_hover_edge; /* a link is under the pointer (and no node): @hover_edge */
  guint        hover_edge;
  const guint *marked;     /* what the search finds, ringed and named */
  guint        n_marked;
} CsRenderFocus;

typedef struct
{
  guint    node;
  CsBounds bounds; /* device units */
  gboolean forced; /* a name always shown that found no free spot: drawn anyway */
} CsPlacedLabel;

/* A role written on a link */
typedef struct
{
  guint    edge;
  CsBounds bounds; /* device units */
} CsPlacedRole;

#define CS_TYPE_SCENE (cs_scene_get_type ())

/* Everything one picture shows, built by one function, cs_scene_new(),
 * from the graph, its positions and pins, a view state, a style and a
 * size: the canvas and every export draw the same scene and only differ
 * in the surface. What is drawn is fixed when the scene is built; where it
 * lands (zoom, offset, size) and the surface's own flags can be set after.
 * A scene is read by one thread at a time; copies share what is drawn. */
typedef struct _CsScene CsScene;

GType          cs_scene_get_type           (void) G_GNUC_CONST;
CsScene       *cs_scene_new                (CsGraph             *graph,
                                            CsPositions         *positions,
                                            const gboolean      *pinned,
                                            CsViewState         *view,
                                            const CsRenderStyle *style,
                                            double               width,
                                            double               height);
CsScene       *cs_scene_copy               (const CsScene       *self);
CsScene       *cs_scene_ref                (CsScene             *self);
void           cs_scene_unref              (CsScene             *self);
gboolean       cs_scene_equal_content      (const CsScene       *a,
                                            const CsScene       *b);

CsGraph       *cs_scene_get_graph          (const CsScene       *self);
CsPositions   *cs_scene_get_positions      (const CsScene       *self);
const CsRenderStyle *cs_scene_get_style    (const CsScene       *self);
const guint8  *cs_scene_get_node_shown     (const CsScene       *self);
const guint8  *cs_scene_get_edge_shown     (const CsScene       *self);
gboolean       cs_scene_get_hide_filtered  (const CsScene       *self);
gboolean       cs_scene_is_node_shown      (const CsScene       *self,
                                            guint                node);
const char    *cs_scene_get_label          (const CsScene       *self,
                                            guint                node);
const CsNodeStyle *cs_scene_get_node_style (const CsScene       *self,
                                            guint                node);
double         cs_scene_get_node_radius    (const CsScene       *self,
                                            guint                node);
int            cs_scene_get_consortium_color (const CsScene     *self,
                                            guint                node,
                                            CsColor             *color);
const guint   *cs_scene_get_node_consortia (const CsScene       *self,
                                            guint                node,
                                            guint               *n_consortia);
gboolean       cs_scene_get_label_guaranteed (const CsScene     *self,
                                            guint                node);
gboolean       cs_scene_is_node_lit        (const CsScene       *self,
                                            guint                node);
const char    *cs_scene_get_role           (const CsScene       *self,
                                            guint                edge);

CsRenderFlags  cs_scene_get_flags          (const CsScene       *self);
void           cs_scene_set_flags          (CsScene             *self,
                                            CsRenderFlags        flags);
const char    *cs_scene_get_title          (const CsScene       *self);
void           cs_scene_set_title          (CsScene             *self,
                                            const char          *title);
double         cs_scene_get_width          (const CsScene       *self);
double         cs_scene_get_height         (const CsScene       *self);
void           cs_scene_set_size           (CsScene             *self,
                                            double               width,
                                            double               height);
double         cs_scene_get_zoom           (const CsScene       *self);
double         cs_scene_get_offset_x       (const CsScene       *self);
double         cs_scene_get_offset_y       (const CsScene       *self);
void           cs_scene_set_transform      (CsScene             *self,
                                            double               zoom,
                                            double               offset_x,
                                            double               offset_y);
void           cs_scene_set_view_origin    (CsScene             *self,
                                            double               view_x,
                                            double               view_y);
void           cs_scene_set_placed_labels  (CsScene             *self,
                                            GArray              *placed);
void           cs_scene_set_placed_roles   (CsScene             *self,
                                            GArray              *placed);
double         cs_scene_get_label_size     (const CsScene       *self);
void           cs_scene_node_to_device     (const CsScene       *self,
                                            guint                node,
                                            double              *x,
                                            double              *y);
void           cs_scene_get_world_bounds   (const CsScene       *self,
                                            CsBounds            *bounds);
gboolean       cs_scene_get_shown_bounds   (const CsScene       *self,
                                            CsBounds            *bounds);
void           cs_scene_get_graph_area     (const CsScene       *self,
                                            double               margin,
                                            CsBounds            *area);
void           cs_scene_fit                (CsScene             *self,
                                            double               margin);
void           cs_scene_fit_bounds         (CsScene             *self,
                                            const CsBounds      *world,
                                            double               margin);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CsScene, cs_scene_unref)

G_END_DECLS
