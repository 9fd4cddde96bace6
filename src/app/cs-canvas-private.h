/* cs-canvas-private.h
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cs-canvas.h"

G_BEGIN_DECLS

/* The canvas over six files: cs-canvas.c (state, scene, drawing,
 * framing), cs-canvas-gestures.c (pointer), cs-canvas-card.c (the hover
 * card and the link under the pointer), cs-canvas-kinetic.c (gliding
 * pans), cs-canvas-transition.c (nodes gliding to a new layout) and
 * cs-canvas-keyboard.c (actions and key bindings). */

#define CS_CANVAS_FIT_MARGIN 24.0
/* room kept round a node brought into view, for its name and links */
#define CS_CANVAS_REVEAL_MARGIN (4 * CS_CANVAS_FIT_MARGIN)

/* past this many nodes a layout lands at once instead of gliding */
#define CS_CANVAS_TRANSITION_MAX_NODES 20000

typedef enum
{
  CS_CANVAS_DRAG_NONE,
  CS_CANVAS_DRAG_PAN,
  CS_CANVAS_DRAG_NODES,
  CS_CANVAS_DRAG_RUBBER_BAND,
} CsCanvasDrag;

struct _CsCanvas
{
  GtkWidget      parent_instance;

  /* owned */
  CsDocument    *document;
  CsViewState   *view;
  CsScene       *scene;         /* what is drawn, built when needed; nullable */
  GskRenderNode *graph_layer;   /* cache of the drawn scene, nullable, with */
  CsScene       *layer_scene;   /* the scene, zoom and offset it was drawn at */
  double         layer_zoom;
  double         layer_offset_x;
  double         layer_offset_y;
  int            layer_width;   /* the widget's size then */
  int            layer_height;
  gboolean       layer_drawing; /* a worker draws the next layer */
  GCancellable  *layer_cancellable; /* cancelled when the canvas goes */
  guint          n_layers_drawn;
  gconstpointer  pictured;      /* the graph last put on screen, only compared */
  CsSpatialGrid *hit_index;     /* nodes' hit areas in world units, nullable */
  double         hit_index_zoom; /* the zoom it was built at: a pan keeps it */
  CsPositions   *preview;       /* positions while nodes are dragged, nullable */
  GArray        *dragged;       /* guint nodes moving with the pointer */
  GArray        *marked;        /* guint nodes the search finds, ringed */
  double        *drag_start_xy; /* their world positions when the drag began */
  CsPositions   *shown_positions; /* the document's positions last drawn, nullable */
  CsPositions   *transition_from; /* where a glide to the document's positions began */
  CsPositions   *transition;    /* the positions drawn mid-glide, nullable */
  CsRenderStyle  style;

  GtkWidget     *card;          /* the hover card, a child taking no input */
  guint          card_source;   /* shows it once the pointer rests */
  gint64         card_hidden_at;
  guint          edge_source;   /* looks for the link under the resting pointer */

  /* state */
  int            hover;
  int            hover_edge;    /* the link under the pointer when no node is, or -1 */
  gboolean       pointer_inside;
  int            centring;      /* node kept in the middle through resizes, or -1 */
  CsBounds       framed;        /* world box kept framed through resizes, with */
  gboolean       framing;
  gboolean       camera_kept; /* the view is the file's camera, untouched since: its centre
                               * stays in the middle through resizes */
  gboolean       fitted;   /* the view is the fit a new graph got, untouched since: a size
                            * that changes before anything else (the timeline
                            * appearing below) fits the graph again */
  int            tab_anchor;    /* node whose neighbours Tab walks round, or -1 */
  CsCanvasDrag   drag_mode;
  double         drag_x;
  double         drag_y;
  double         drag_dx;
  double         drag_dy;
  double         drag_offset_x;
  double         drag_offset_y;
  double         pointer_x;
  double         pointer_y;
  double         pinch_zoom;
  double         covered_right;  /* a panel folded over the right side, in pixels */
  int            allocated_width; /* the size last allocated */
  int            root_width;      /* the window's size then */
  int            root_height;
  gboolean       user_moved;      /* panned or zoomed since the last fit */
  CsFilter      *last_filter;     /* the filter framed last, nullable */
  int            allocated_height;
  double         kinetic_vx;
  double         kinetic_vy;
  gint64         kinetic_time;
  guint          kinetic_tick;
  guint          sharpen_source; /* redraws the layer crisp once zooming stops */
  guint          transition_tick;
  gint64         transition_start; /* frame time, 0 until the first frame */
  guint          n_frames;
  guint          dark : 1;
  guint          fit_pending : 1;
  guint          camera_pending : 1; /* look at the camera below instead of fitting */
  double         camera_zoom;
  double         camera_x;
  double         camera_y;
  guint          drag_extend : 1;
  guint          committing_drag : 1; /* the document takes a drop: no glide */
};

enum {
  CS_CANVAS_NODE_ACTIVATED,
  CS_CANVAS_N_SIGNALS
};

extern guint _cs_canvas_signals[CS_CANVAS_N_SIGNALS];

guint     _cs_canvas_n_nodes            (CsCanvas    *self);
CsGraph  *_cs_canvas_get_graph          (CsCanvas    *self);
void      _cs_canvas_invalidate_scene   (CsCanvas    *self);
int       _cs_canvas_hit_test           (CsCanvas    *self,
                                         double       x,
                                         double       y);
void      _cs_canvas_set_hover          (CsCanvas    *self,
                                         int          hover);
void      _cs_canvas_set_hover_edge     (CsCanvas    *self,
                                         int          edge);
void      _cs_canvas_release_view       (CsCanvas    *self);
void      _cs_canvas_init_card          (CsCanvas    *self);
void      _cs_canvas_dispose_card       (CsCanvas    *self);
void      _cs_canvas_update_card        (CsCanvas    *self);
void      _cs_canvas_hide_card          (CsCanvas    *self);
void      _cs_canvas_allocate_card      (CsCanvas    *self);
void      _cs_canvas_place_card         (CsCanvas    *self,
                                         double       w,
                                         double       h,
                                         double      *x,
                                         double      *y);
void      _cs_canvas_look_for_edge      (CsCanvas    *self);
void      _cs_canvas_stop_looking_for_edge (CsCanvas *self);
void      _cs_canvas_reveal_node        (CsCanvas    *self,
                                         guint        node);
void      _cs_canvas_add_gestures       (CsCanvas    *self);
void      _cs_canvas_start_kinetic      (CsCanvas    *self,
                                         double       vx,
                                         double       vy);
void      _cs_canvas_stop_kinetic       (CsCanvas    *self);
void      _cs_canvas_positions_changed  (CsCanvas    *self);
void      _cs_canvas_forget_positions   (CsCanvas    *self);
void      _cs_canvas_finish_transition  (CsCanvas    *self);
void      _cs_canvas_class_add_actions  (GtkWidgetClass *widget_class);
void      _cs_canvas_update_actions     (CsCanvas    *self);

G_END_DECLS
