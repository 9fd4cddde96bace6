/* cs-canvas.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-canvas.h"

#include "cs-node-summary.h"

#include <adwaita.h>
#include <math.h>

#define FIT_MARGIN        24.0
#define ZOOM_STEP         1.25
#define WHEEL_STEP        1.15
#define TOOLTIP_MAX_LINKS 6
#define PAN_STEP          60.0
#define KINETIC_DECAY     4.0   /* per second */
#define KINETIC_MIN_SPEED 20.0  /* px per second */
#define SHARPEN_DELAY_MS  120

typedef enum
{
  DRAG_NONE,
  DRAG_PAN,
  DRAG_NODES,
  DRAG_RUBBER_BAND,
} DragMode;

struct _CsCanvas
{
  GtkWidget      parent_instance;

  /* owned */
  CsDocument    *document;
  CsViewport    *viewport;
  GskRenderNode *graph_layer;   /* cache of the drawn graph, nullable, with */
  double         layer_zoom;    /* the zoom and offset it was drawn at, and */
  double         layer_offset_x;
  double         layer_offset_y;
  int            layer_width;   /* the widget's size then */
  int            layer_height;
  int            centring;      /* node kept in the middle through resizes, or -1 */
  CsSpatialGrid *hit_index;     /* nodes' hit areas for that drawing, nullable */
  CsPositions   *preview;       /* positions while nodes are dragged, nullable */
  GArray        *selection;     /* guint node indices, the primary one last */
  GArray        *dragged;       /* guint nodes moving with the pointer */
  double        *drag_start_xy; /* their world positions when the drag began */
  CsRenderStyle  style;
  CsFilter       filter;
  guint8        *node_shown;    /* the filter applied, NULL when it shows all */
  guint8        *edge_shown;

  /* state */
  int            hover;
  int            tab_anchor;    /* node whose neighbours Tab walks round, or -1 */
  DragMode       drag_mode;
  double         drag_x;
  double         drag_y;
  double         drag_dx;
  double         drag_dy;
  double         drag_offset_x;
  double         drag_offset_y;
  double         pointer_x;
  double         pointer_y;
  double         pinch_zoom;
  double         kinetic_vx;
  double         kinetic_vy;
  gint64         kinetic_time;
  guint          kinetic_tick;
  guint          sharpen_source; /* redraws the layer crisp once zooming stops */
  guint          n_frames;
  CsNodeSizing   sizing;
  guint          dark : 1;
  guint          fit_pending : 1;
  guint          show_legend : 1;
  guint          show_hulls : 1;
  guint          drag_extend : 1;
};

G_DEFINE_FINAL_TYPE (CsCanvas, cs_canvas, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_DARK,
  PROP_SELECTED_NODE,
  PROP_HOVER_NODE,
  PROP_SHOW_LEGEND,
  PROP_SHOW_HULLS,
  PROP_UNIFORM_SIZE,
  PROP_FILTER,
  N_PROPS
};

enum {
  NODE_ACTIVATED,
  SELECTION_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Applies the filter to the graph; a neighbourhood "around the selection"
 * follows the primary selected node. */
static void set_hover (CsCanvas *self,
                       int       hover);

static void
update_filter (CsCanvas *self)
{
  CsGraph *graph = self->document != NULL ? cs_document_get_graph (self->document) : NULL;
  CsFilter applied = self->filter;

  g_clear_pointer (&self->node_shown, g_free);
  g_clear_pointer (&self->edge_shown, g_free);
  if (applied.around == CS_FILTER_AROUND_SELECTION)
    applied.around = self->selection->len > 0
                         ? (int)g_array_index (self->selection, guint, self->selection->len - 1)
                         : -1;
  if (graph == NULL || !cs_filter_is_active (&applied))
    return;
  if (applied.around >= (int)cs_graph_get_n_nodes (graph) ||
      applied.consortium >= (int)cs_graph_get_n_nodes (graph))
    return;
  self->node_shown = cs_filter_apply (&applied, graph, &self->edge_shown);
}

static void
invalidate (CsCanvas *self)
{
  g_clear_pointer (&self->graph_layer, gsk_render_node_unref);
  g_clear_pointer (&self->hit_index, cs_spatial_grid_free);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
sharpen_cb (gpointer user_data)
{
  CsCanvas *self = user_data;

  self->sharpen_source = 0;
  invalidate (self);
  return G_SOURCE_REMOVE;
}

/* Pan and zoom reuse the drawn layer (see snapshot): only the hit areas
 * change at once. A zoom redraws crisp once the wheel or pinch rests. */
static void
cs_canvas_viewport_changed_cb (CsCanvas   *self,
                               GParamSpec *pspec,
                               CsViewport *viewport)
{
  g_clear_pointer (&self->hit_index, cs_spatial_grid_free);
  if (self->graph_layer != NULL && cs_viewport_get_zoom (viewport) != self->layer_zoom)
    {
      g_clear_handle_id (&self->sharpen_source, g_source_remove);
      self->sharpen_source = g_timeout_add (SHARPEN_DELAY_MS, sharpen_cb, self);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static CsGraph *
get_graph (CsCanvas *self)
{
  return self->document != NULL ? cs_document_get_graph (self->document) : NULL;
}

static guint
n_nodes (CsCanvas *self)
{
  CsGraph *graph = get_graph (self);

  return graph != NULL ? cs_graph_get_n_nodes (graph) : 0;
}

/**
 * cs_canvas_get_scene:
 * @self: a #CsCanvas
 * @scene: (out caller-allocates): the scene as drawn now
 *
 * Returns: %FALSE when there is nothing to draw
 */
gboolean
cs_canvas_get_scene (CsCanvas      *self,
                     CsRenderScene *scene)
{
  CsGraph *graph;
  CsPositions *positions;

  g_return_val_if_fail (CS_IS_CANVAS (self), FALSE);
  g_return_val_if_fail (scene != NULL, FALSE);

  graph = get_graph (self);
  positions = self->preview != NULL    ? self->preview
              : self->document != NULL ? cs_document_get_positions (self->document)
                                       : NULL;
  if (graph == NULL || positions == NULL ||
      cs_positions_get_n_nodes (positions) != cs_graph_get_n_nodes (graph))
    return FALSE;

  cs_render_scene_init (scene, graph, positions, &self->style,
                        gtk_widget_get_width (GTK_WIDGET (self)),
                        gtk_widget_get_height (GTK_WIDGET (self)));
  scene->zoom = cs_viewport_get_zoom (self->viewport);
  scene->offset_x = cs_viewport_get_offset_x (self->viewport);
  scene->offset_y = cs_viewport_get_offset_y (self->viewport);
  scene->sizing = self->sizing;
  scene->node_shown = self->node_shown;
  scene->edge_shown = self->edge_shown;
  scene->hide_filtered = self->filter.hide;
  scene->flags = CS_RENDER_BACKGROUND | CS_RENDER_LABELS;
  if (self->show_legend)
    scene->flags |= CS_RENDER_LEGEND;
  if (self->show_hulls)
    scene->flags |= CS_RENDER_HULLS;
  return TRUE;
}

/* the pins to draw: the document's, and the dragged nodes, which will be */
static gboolean *
current_pins (CsCanvas *self)
{
  guint n = n_nodes (self);
  gboolean *pins = g_new0 (gboolean, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    pins[i] = cs_document_get_pinned (self->document, i);
  for (guint i = 0; self->drag_mode == DRAG_NODES && i < self->dragged->len; i++)
    pins[g_array_index (self->dragged, guint, i)] = TRUE;
  return pins;
}

/* The graph layer is drawn larger than the widget, by half its size on
 * every side, so panning only moves it; it is redrawn when a pan goes past
 * that margin, when the zoom settles, and when anything it shows changes. */
static void
ensure_graph_layer (CsCanvas            *self,
                    const CsRenderScene *visible,
                    int                  width,
                    int                  height)
{
  double margin = ceil (MAX (width, height) / 2.0);
  gboolean reuse = self->graph_layer != NULL && self->layer_width == width &&
                   self->layer_height == height;

  if (reuse && visible->zoom == self->layer_zoom)
    reuse = fabs (visible->offset_x - self->layer_offset_x) <= margin &&
            fabs (visible->offset_y - self->layer_offset_y) <= margin;
  if (reuse)
    return;

  {
    g_autoptr(GtkSnapshot) layer = gtk_snapshot_new ();
    g_autofree gboolean *pins = current_pins (self);
    CsRenderScene scene = *visible;
    cairo_t *cr = gtk_snapshot_append_cairo (
        layer, &GRAPHENE_RECT_INIT (-margin, -margin, width + 2 * margin, height + 2 * margin));

    scene.pinned = pins;
    scene.width = width + 2 * margin;
    scene.height = height + 2 * margin;
    scene.offset_x += margin;
    scene.offset_y += margin;
    scene.view_x = margin;
    scene.view_y = margin;
    scene.flags |= CS_RENDER_OVERLAYS_APART;
    cairo_translate (cr, -margin, -margin);
    cs_renderer_draw (cr, &scene);
    cairo_destroy (cr);

    g_clear_pointer (&self->graph_layer, gsk_render_node_unref);
    g_clear_handle_id (&self->sharpen_source, g_source_remove);
    self->graph_layer = gtk_snapshot_free_to_node (g_steal_pointer (&layer));
    self->layer_zoom = visible->zoom;
    self->layer_offset_x = visible->offset_x;
    self->layer_offset_y = visible->offset_y;
    self->layer_width = width;
    self->layer_height = height;
  }
}

static void
cs_canvas_snapshot (GtkWidget   *widget,
                    GtkSnapshot *snapshot)
{
  CsCanvas *self = CS_CANVAS (widget);
  CsRenderScene scene;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  gboolean band = self->drag_mode == DRAG_RUBBER_BAND;
  cairo_t *cr;

  if (width <= 0 || height <= 0 || !cs_canvas_get_scene (self, &scene))
    return;

  ensure_graph_layer (self, &scene, width, height);
  if (self->graph_layer != NULL)
    {
      /* layer pixel p was world × z₀ + o₀; it belongs at world × z + o */
      double s = scene.zoom / self->layer_zoom;

      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot,
                              &GRAPHENE_POINT_INIT (scene.offset_x - self->layer_offset_x * s,
                                                    scene.offset_y - self->layer_offset_y * s));
      gtk_snapshot_scale (snapshot, s, s);
      gtk_snapshot_append_node (snapshot, self->graph_layer);
      gtk_snapshot_restore (snapshot);
    }

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  /* hover and selection change often: they are drawn over the layer */
  if (self->hover >= 0 || self->selection->len > 0)
    {
      CsRenderFocus focus = {
        .hover = self->drag_mode == DRAG_NONE ? self->hover : -1,
        .selected = (const guint *)self->selection->data,
        .n_selected = self->selection->len,
      };

      scene.flags |= CS_RENDER_OVERLAYS_APART;
      cs_renderer_draw_focus (cr, &scene, &focus);
    }
  cs_renderer_draw_overlays (cr, &scene);
  if (band)
    {
      cairo_rectangle (cr, MIN (self->drag_x, self->drag_x + self->drag_dx) + 0.5,
                       MIN (self->drag_y, self->drag_y + self->drag_dy) + 0.5,
                       fabs (self->drag_dx), fabs (self->drag_dy));
      cairo_set_source_rgba (cr, self->style.selection.red, self->style.selection.green,
                             self->style.selection.blue, 0.15);
      cairo_fill_preserve (cr);
      cairo_set_source_rgba (cr, self->style.selection.red, self->style.selection.green,
                             self->style.selection.blue, 0.8);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);
    }
  cairo_destroy (cr);
  self->n_frames++;
}

static void
fit_bounds (CsCanvas       *self,
            const CsBounds *bounds)
{
  CsRenderScene scene;
  CsBounds area;

  if (!cs_canvas_get_scene (self, &scene))
    return;
  cs_render_scene_get_graph_area (&scene, FIT_MARGIN, &area);
  cs_viewport_fit_area (self->viewport, bounds, &area);
}

static void
fit_now (CsCanvas *self)
{
  CsRenderScene scene;
  CsBounds bounds;
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  if (width <= 0 || height <= 0 || !cs_canvas_get_scene (self, &scene))
    {
      self->fit_pending = TRUE;
      return;
    }
  self->fit_pending = FALSE;
  cs_render_scene_get_world_bounds (&scene, &bounds);
  fit_bounds (self, &bounds);
}

/**
 * cs_canvas_fit:
 * @self: a #CsCanvas
 *
 * Zooms and pans so the whole graph is in view; waits for the first
 * allocation when the canvas has no size yet.
 */
void
cs_canvas_fit (CsCanvas *self)
{
  g_return_if_fail (CS_IS_CANVAS (self));

  self->centring = -1;
  fit_now (self);
}

/**
 * cs_canvas_focus_node:
 * @self: a #CsCanvas
 * @node: a node index
 *
 * Zooms to the node and its neighbours (its ego network).
 */
void
cs_canvas_focus_node (CsCanvas *self,
                      guint     node)
{
  CsRenderScene scene;
  CsBounds bounds;
  const guint *edges;
  guint n_edges;

  g_return_if_fail (CS_IS_CANVAS (self));
  g_return_if_fail (node < n_nodes (self));

  if (!cs_canvas_get_scene (self, &scene))
    return;
  self->centring = -1;
  edges = cs_graph_get_incident_edges (scene.graph, node, &n_edges);
  for (guint e = 0; e <= n_edges; e++)
    {
      const CsEdge *edge = e < n_edges ? cs_graph_get_edge (scene.graph, edges[e]) : NULL;
      guint other = edge == NULL ? node : edge->source == node ? edge->target : edge->source;
      double x = cs_positions_get_x (scene.positions, other);
      double y = cs_positions_get_y (scene.positions, other);
      double r = cs_renderer_get_node_radius (&scene, other) + 3 * self->style.font_size;

      if (e == 0)
        bounds = (CsBounds) { x - r, y - r, x + r, y + r };
      bounds.x0 = MIN (bounds.x0, x - r);
      bounds.y0 = MIN (bounds.y0, y - r);
      bounds.x1 = MAX (bounds.x1, x + r);
      bounds.y1 = MAX (bounds.y1, y + r);
    }
  fit_bounds (self, &bounds);
}

static void
centre (CsCanvas *self,
        guint     node)
{
  CsRenderScene scene;
  double x, y;

  if (!cs_canvas_get_scene (self, &scene))
    return;
  cs_renderer_node_to_device (&scene, node, &x, &y);
  cs_viewport_pan (self->viewport, scene.width / 2 - x, scene.height / 2 - y);
}

/**
 * cs_canvas_centre_node:
 * @self: a #CsCanvas
 * @node: a node index
 *
 * Pans, keeping the zoom, so the node is in the middle of the canvas.
 */
void
cs_canvas_centre_node (CsCanvas *self,
                       guint     node)
{
  g_return_if_fail (CS_IS_CANVAS (self));
  g_return_if_fail (node < n_nodes (self));

  centre (self, node);
  /* a panel may be sliding in: the node stays in the middle through resizes
   * until the user moves the view */
  self->centring = node;
}

/* Pans just enough to bring a node chosen with the keyboard into view. */
static void
reveal_node (CsCanvas *self,
             guint     node)
{
  CsRenderScene scene;
  double x, y, margin = 4 * FIT_MARGIN;

  if (!cs_canvas_get_scene (self, &scene))
    return;
  cs_renderer_node_to_device (&scene, node, &x, &y);
  if (x < margin || y < margin || x > scene.width - margin || y > scene.height - margin)
    cs_canvas_centre_node (self, node);
}

static void
cs_canvas_size_allocate (GtkWidget *widget,
                         int        width,
                         int        height,
                         int        baseline)
{
  CsCanvas *self = CS_CANVAS (widget);

  /* nothing moves under the pointer when a panel opens beside the canvas,
   * but a node just centred stays centred while the panel slides in */
  if (self->fit_pending)
    fit_now (self);
  else if (self->centring >= 0 && self->centring < (int)n_nodes (self))
    centre (self, self->centring);
  invalidate (self);
}

/* Selection */

static gboolean
selection_contains (CsCanvas *self,
                    guint     node)
{
  for (guint i = 0; i < self->selection->len; i++)
    {
      if (g_array_index (self->selection, guint, i) == node)
        return TRUE;
    }
  return FALSE;
}

static void
selection_changed (CsCanvas *self)
{
  if (self->filter.around == CS_FILTER_AROUND_SELECTION)
    {
      update_filter (self);
      invalidate (self);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_NODE]);
}

/**
 * cs_canvas_get_selection:
 * @self: a #CsCanvas
 * @n_selected: (out): how many nodes are selected
 *
 * Returns: (transfer none) (array length=n_selected): the selected nodes,
 *   the primary one (the last chosen) last
 */
const guint *
cs_canvas_get_selection (CsCanvas *self,
                         guint    *n_selected)
{
  g_return_val_if_fail (CS_IS_CANVAS (self), NULL);
  g_return_val_if_fail (n_selected != NULL, NULL);

  *n_selected = self->selection->len;
  return (const guint *)self->selection->data;
}

/**
 * cs_canvas_get_selected_node:
 * @self: a #CsCanvas
 *
 * Returns: the primary selected node, or -1
 */
int
cs_canvas_get_selected_node (CsCanvas *self)
{
  g_return_val_if_fail (CS_IS_CANVAS (self), -1);

  if (self->selection->len == 0)
    return -1;
  return g_array_index (self->selection, guint, self->selection->len - 1);
}

/**
 * cs_canvas_select_node:
 * @self: a #CsCanvas
 * @node: a node index, or -1 to clear the selection
 * @mode: replace the selection, add to it, or toggle the node in it
 */
void
cs_canvas_select_node (CsCanvas        *self,
                       int              node,
                       CsSelectionMode  mode)
{
  g_return_if_fail (CS_IS_CANVAS (self));
  g_return_if_fail (node < (int)n_nodes (self));

  if (node < 0)
    {
      if (mode != CS_SELECTION_REPLACE || self->selection->len == 0)
        return;
      g_array_set_size (self->selection, 0);
      selection_changed (self);
      return;
    }

  if (mode == CS_SELECTION_REPLACE)
    {
      if (self->selection->len == 1 && g_array_index (self->selection, guint, 0) == (guint)node)
        return;
      g_array_set_size (self->selection, 0);
    }
  else if (selection_contains (self, node))
    {
      for (guint i = 0; i < self->selection->len; i++)
        {
          if (g_array_index (self->selection, guint, i) == (guint)node)
            {
              g_array_remove_index (self->selection, i);
              break;
            }
        }
      if (mode == CS_SELECTION_TOGGLE)
        {
          selection_changed (self);
          return;
        }
    }
  {
    guint n = node;

    g_array_append_val (self->selection, n);
  }
  selection_changed (self);
}

static void
set_hover (CsCanvas *self,
           int       hover)
{
  if (self->hover == hover)
    return;
  self->hover = hover;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), hover >= 0 ? "pointer" : NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HOVER_NODE]);
}

int
cs_canvas_get_hover_node (CsCanvas *self)
{
  g_return_val_if_fail (CS_IS_CANVAS (self), -1);

  return self->hover;
}

static int
hit_test (CsCanvas *self,
          double    x,
          double    y)
{
  CsRenderScene scene;

  if (!cs_canvas_get_scene (self, &scene))
    return -1;
  if (self->hit_index == NULL)
    self->hit_index = cs_renderer_build_hit_index (&scene);
  return cs_renderer_hit_test_indexed (&scene, self->hit_index, x, y);
}

static gboolean
cs_canvas_query_tooltip (GtkWidget  *widget,
                         int         x,
                         int         y,
                         gboolean    keyboard_mode,
                         GtkTooltip *tooltip)
{
  CsCanvas *self = CS_CANVAS (widget);
  g_autofree char *markup = NULL;
  int node;

  node = keyboard_mode ? cs_canvas_get_selected_node (self) : hit_test (self, x, y);
  if (node < 0)
    return FALSE;
  markup = cs_node_summary_markup (get_graph (self), node, TOOLTIP_MAX_LINKS);
  gtk_tooltip_set_markup (tooltip, markup);
  return TRUE;
}

/* Pointer */

static CsSelectionMode
mode_for_state (GdkModifierType state)
{
  if ((state & GDK_CONTROL_MASK) != 0)
    return CS_SELECTION_TOGGLE;
  if ((state & GDK_SHIFT_MASK) != 0)
    return CS_SELECTION_EXTEND;
  return CS_SELECTION_REPLACE;
}

static void
cs_canvas_click_pressed_cb (CsCanvas        *self,
                            int              n_press,
                            double           x,
                            double           y,
                            GtkGestureClick *click)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (
      GTK_EVENT_CONTROLLER (click));
  int node = hit_test (self, x, y);

  gtk_widget_grab_focus (GTK_WIDGET (self));
  self->tab_anchor = -1;
  if (n_press == 2 && node >= 0)
    {
      cs_canvas_select_node (self, node, CS_SELECTION_REPLACE);
      cs_canvas_focus_node (self, node);
      g_signal_emit (self, signals[NODE_ACTIVATED], 0, node);
      return;
    }
  if (n_press != 1)
    return;
  if (node >= 0)
    {
      /* a plain press on a selected node keeps the selection: it may be
       * the start of dragging them all */
      if (mode_for_state (state) != CS_SELECTION_REPLACE || !selection_contains (self, node))
        cs_canvas_select_node (self, node, mode_for_state (state));
    }
  else if (mode_for_state (state) == CS_SELECTION_REPLACE)
    cs_canvas_select_node (self, -1, CS_SELECTION_REPLACE);
}

static void
stop_kinetic (CsCanvas *self)
{
  if (self->kinetic_tick != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->kinetic_tick);
      self->kinetic_tick = 0;
    }
}

static void
cs_canvas_drag_begin_cb (CsCanvas       *self,
                         double          x,
                         double          y,
                         GtkGestureDrag *gesture)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (
      GTK_EVENT_CONTROLLER (gesture));
  int node = hit_test (self, x, y);

  stop_kinetic (self);
  self->centring = -1;
  self->drag_x = x;
  self->drag_y = y;
  self->drag_dx = self->drag_dy = 0;
  self->drag_offset_x = cs_viewport_get_offset_x (self->viewport);
  self->drag_offset_y = cs_viewport_get_offset_y (self->viewport);
  self->drag_extend = (state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK)) != 0;
  g_array_set_size (self->dragged, 0);
  g_clear_pointer (&self->drag_start_xy, g_free);

  if (node >= 0)
    {
      CsPositions *positions = cs_document_get_positions (self->document);

      self->drag_mode = DRAG_NODES;
      /* dragging a selected node moves the whole selection */
      if (selection_contains (self, node))
        g_array_append_vals (self->dragged, self->selection->data, self->selection->len);
      else
        {
          guint n = node;

          g_array_append_val (self->dragged, n);
        }
      self->drag_start_xy = g_new (double, 2 * self->dragged->len);
      for (guint i = 0; i < self->dragged->len; i++)
        {
          guint d = g_array_index (self->dragged, guint, i);

          self->drag_start_xy[2 * i] = cs_positions_get_x (positions, d);
          self->drag_start_xy[2 * i + 1] = cs_positions_get_y (positions, d);
        }
    }
  else if (self->drag_extend)
    self->drag_mode = DRAG_RUBBER_BAND;
  else
    {
      self->drag_mode = DRAG_PAN;
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
    }
}

static void
cs_canvas_drag_update_cb (CsCanvas       *self,
                          double          dx,
                          double          dy,
                          GtkGestureDrag *gesture)
{
  self->drag_dx = dx;
  self->drag_dy = dy;

  switch (self->drag_mode)
    {
    case DRAG_PAN:
      cs_viewport_set_offset (self->viewport, self->drag_offset_x + dx, self->drag_offset_y + dy);
      break;

    case DRAG_NODES:
      {
        CsPositions *positions = cs_document_get_positions (self->document);
        double zoom = cs_viewport_get_zoom (self->viewport);
        g_autofree double *xy = NULL;

        /* a click that wobbles a pixel is not a move */
        if (self->preview == NULL &&
            !gtk_drag_check_threshold (GTK_WIDGET (self), 0, 0, (int)dx, (int)dy))
          return;
        xy = g_memdup2 (cs_positions_get_xy (positions),
                        2 * cs_positions_get_n_nodes (positions) * sizeof (double));
        for (guint i = 0; i < self->dragged->len; i++)
          {
            guint d = g_array_index (self->dragged, guint, i);

            xy[2 * d] = self->drag_start_xy[2 * i] + dx / zoom;
            xy[2 * d + 1] = self->drag_start_xy[2 * i + 1] + dy / zoom;
          }
        g_clear_pointer (&self->preview, cs_positions_unref);
        self->preview = cs_positions_new (cs_positions_get_n_nodes (positions), xy);
        invalidate (self);
      }
      break;

    case DRAG_RUBBER_BAND:
      gtk_widget_queue_draw (GTK_WIDGET (self));
      break;

    case DRAG_NONE:
    default:
      break;
    }
}

static void
cs_canvas_drag_end_cb (CsCanvas       *self,
                       double          dx,
                       double          dy,
                       GtkGestureDrag *gesture)
{
  DragMode mode = self->drag_mode;

  cs_canvas_drag_update_cb (self, dx, dy, gesture);
  self->drag_mode = DRAG_NONE;
  gtk_widget_set_cursor (GTK_WIDGET (self), NULL);

  if (mode == DRAG_NODES && self->preview != NULL)
    {
      g_autofree double *xy = g_new (double, 2 * self->dragged->len);
      g_autoptr(CsPositions) preview = g_steal_pointer (&self->preview);

      for (guint i = 0; i < self->dragged->len; i++)
        {
          guint d = g_array_index (self->dragged, guint, i);

          xy[2 * i] = cs_positions_get_x (preview, d);
          xy[2 * i + 1] = cs_positions_get_y (preview, d);
        }
      /* one undoable step; the document's new positions redraw the canvas */
      cs_document_move_nodes (self->document, self->dragged->len,
                              (const guint *)self->dragged->data, xy, TRUE);
    }
  else if (mode == DRAG_RUBBER_BAND)
    {
      CsRenderScene scene;
      double x0 = MIN (self->drag_x, self->drag_x + dx), x1 = MAX (self->drag_x, self->drag_x + dx);
      double y0 = MIN (self->drag_y, self->drag_y + dy), y1 = MAX (self->drag_y, self->drag_y + dy);
      gboolean changed = FALSE;

      if (cs_canvas_get_scene (self, &scene))
        for (guint i = 0; i < cs_graph_get_n_nodes (scene.graph); i++)
          {
            double x, y;

            cs_renderer_node_to_device (&scene, i, &x, &y);
            if (x >= x0 && x <= x1 && y >= y0 && y <= y1 && !selection_contains (self, i))
              {
                g_array_append_val (self->selection, i);
                changed = TRUE;
              }
          }
      if (changed)
        selection_changed (self);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
  g_array_set_size (self->dragged, 0);
}

static gboolean
kinetic_tick_cb (GtkWidget     *widget,
                 GdkFrameClock *clock,
                 gpointer       user_data)
{
  CsCanvas *self = CS_CANVAS (widget);
  gint64 now = gdk_frame_clock_get_frame_time (clock);
  double dt = (now - self->kinetic_time) / (double)G_USEC_PER_SEC;
  double decay;

  self->kinetic_time = now;
  if (dt <= 0)
    return G_SOURCE_CONTINUE;
  decay = exp (-KINETIC_DECAY * dt);
  cs_viewport_pan (self->viewport, self->kinetic_vx * dt, self->kinetic_vy * dt);
  self->kinetic_vx *= decay;
  self->kinetic_vy *= decay;
  if (hypot (self->kinetic_vx, self->kinetic_vy) < KINETIC_MIN_SPEED)
    {
      self->kinetic_tick = 0;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

/* A pan that ends with speed glides on and slows down, like a map. */
static void
cs_canvas_swipe_cb (CsCanvas        *self,
                    double           vx,
                    double           vy,
                    GtkGestureSwipe *swipe)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (self->drag_mode != DRAG_NONE || clock == NULL || hypot (vx, vy) < 4 * KINETIC_MIN_SPEED)
    return;
  /* only a pan glides: the swipe follows every drag, so check what moved */
  if (self->dragged->len > 0 ||
      fabs (cs_viewport_get_offset_x (self->viewport) - self->drag_offset_x) +
              fabs (cs_viewport_get_offset_y (self->viewport) - self->drag_offset_y) <
          1)
    return;
  stop_kinetic (self);
  self->kinetic_vx = vx;
  self->kinetic_vy = vy;
  self->kinetic_time = gdk_frame_clock_get_frame_time (clock);
  self->kinetic_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), kinetic_tick_cb, NULL,
                                                     NULL);
}

static void
cs_canvas_motion_cb (CsCanvas                 *self,
                     double                    x,
                     double                    y,
                     GtkEventControllerMotion *motion)
{
  self->pointer_x = x;
  self->pointer_y = y;
  if (self->drag_mode == DRAG_NONE)
    set_hover (self, hit_test (self, x, y));
}

static void
cs_canvas_leave_cb (CsCanvas                 *self,
                    GtkEventControllerMotion *motion)
{
  set_hover (self, -1);
}

static gboolean
cs_canvas_scroll_cb (CsCanvas                 *self,
                     double                    dx,
                     double                    dy,
                     GtkEventControllerScroll *scroll)
{
  double factor;

  stop_kinetic (self);
  self->centring = -1;
  if (gtk_event_controller_scroll_get_unit (scroll) == GDK_SCROLL_UNIT_SURFACE)
    factor = exp (-dy / 200.0); /* touchpads: smooth, proportional */
  else
    factor = pow (WHEEL_STEP, -dy);

  cs_viewport_zoom_at (self->viewport, cs_viewport_get_zoom (self->viewport) * factor,
                       self->pointer_x, self->pointer_y);
  return TRUE;
}

static void
cs_canvas_pinch_begin_cb (CsCanvas         *self,
                          GdkEventSequence *sequence,
                          GtkGestureZoom   *gesture)
{
  stop_kinetic (self);
  self->centring = -1;
  self->pinch_zoom = cs_viewport_get_zoom (self->viewport);
}

static void
cs_canvas_pinch_scale_changed_cb (CsCanvas       *self,
                                  double          scale,
                                  GtkGestureZoom *gesture)
{
  double x, y;

  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    {
      x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
      y = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
    }
  cs_viewport_zoom_at (self->viewport, self->pinch_zoom * scale, x, y);
}

/* Actions */

static void
zoom_by (CsCanvas *self,
         double    factor)
{
  self->centring = -1;
  cs_viewport_zoom_at (self->viewport, cs_viewport_get_zoom (self->viewport) * factor,
                       gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
                       gtk_widget_get_height (GTK_WIDGET (self)) / 2.0);
}

static void
cs_canvas_zoom_in_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  zoom_by (CS_CANVAS (widget), ZOOM_STEP);
}

static void
cs_canvas_zoom_out_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  zoom_by (CS_CANVAS (widget), 1 / ZOOM_STEP);
}

static void
cs_canvas_fit_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  cs_canvas_fit (CS_CANVAS (widget));
}

static void
cs_canvas_pan_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CsCanvas *self = CS_CANVAS (widget);
  double dx, dy;

  g_variant_get (parameter, "(dd)", &dx, &dy);
  self->centring = -1;
  cs_viewport_pan (self->viewport, dx, dy);
}

static void
cs_canvas_clear_selection_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  CS_CANVAS (widget)->tab_anchor = -1;
  cs_canvas_select_node (CS_CANVAS (widget), -1, CS_SELECTION_REPLACE);
}

/* Arrow keys move the selection to the neighbour that lies most in the
 * arrow's direction; with nothing selected they pan. */
static void
cs_canvas_move_selection_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  CsCanvas *self = CS_CANVAS (widget);
  int current = cs_canvas_get_selected_node (self);
  CsRenderScene scene;
  double dx, dy, best_score = -G_MAXDOUBLE;
  int best = -1;
  const guint *edges;
  guint n_edges;
  double x0, y0;

  g_variant_get (parameter, "(dd)", &dx, &dy);
  self->tab_anchor = -1;
  if (current < 0 || !cs_canvas_get_scene (self, &scene))
    {
      cs_viewport_pan (self->viewport, -dx * PAN_STEP, -dy * PAN_STEP);
      return;
    }

  cs_renderer_node_to_device (&scene, current, &x0, &y0);
  edges = cs_graph_get_incident_edges (scene.graph, current, &n_edges);
  for (guint e = 0; e < n_edges; e++)
    {
      const CsEdge *edge = cs_graph_get_edge (scene.graph, edges[e]);
      guint other = edge->source == (guint)current ? edge->target : edge->source;
      double x, y, len, cosine;

      cs_renderer_node_to_device (&scene, other, &x, &y);
      len = hypot (x - x0, y - y0);
      if (other == (guint)current || len < 1e-9)
        continue;
      cosine = ((x - x0) * dx + (y - y0) * dy) / len;
      /* within 60° of the arrow, the best-aligned, then the nearest */
      if (cosine > 0.5 && cosine - len * 1e-4 > best_score)
        {
          best_score = cosine - len * 1e-4;
          best = other;
        }
    }
  if (best >= 0)
    {
      cs_canvas_select_node (self, best, CS_SELECTION_REPLACE);
      reveal_node (self, best);
    }
  else
    gtk_widget_error_bell (widget);
}

/* Tab walks round the primary node's neighbours, in the order of the links */
static void
cs_canvas_next_neighbour_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  CsCanvas *self = CS_CANVAS (widget);
  int step = g_variant_get_int32 (parameter);
  CsGraph *graph = get_graph (self);
  int current = cs_canvas_get_selected_node (self);
  g_autoptr(GArray) ring = NULL;
  guint n_edges;
  const guint *edges;
  int anchor;

  if (graph == NULL || cs_graph_get_n_nodes (graph) == 0)
    return;
  if (current < 0)
    {
      /* start at the best-connected node */
      guint best = 0;

      for (guint i = 1; i < cs_graph_get_n_nodes (graph); i++)
        if (cs_graph_get_degree (graph, i) > cs_graph_get_degree (graph, best))
          best = i;
      cs_canvas_select_node (self, best, CS_SELECTION_REPLACE);
      reveal_node (self, best);
      return;
    }

  /* Tab walks round the neighbours of the node it started from (the
   * anchor); any other way of selecting starts a new walk */
  anchor = current;
  if (self->tab_anchor >= 0 && self->tab_anchor < (int)cs_graph_get_n_nodes (graph))
    anchor = self->tab_anchor;
  ring = g_array_new (FALSE, FALSE, sizeof (guint));
  edges = cs_graph_get_incident_edges (graph, anchor, &n_edges);
  for (guint e = 0; e < n_edges; e++)
    {
      const CsEdge *edge = cs_graph_get_edge (graph, edges[e]);
      guint other = edge->source == (guint)anchor ? edge->target : edge->source;
      gboolean seen = other == (guint)anchor;

      for (guint r = 0; r < ring->len && !seen; r++)
        seen = g_array_index (ring, guint, r) == other;
      if (!seen)
        g_array_append_val (ring, other);
    }
  if (ring->len == 0)
    {
      gtk_widget_error_bell (widget);
      return;
    }
  {
    int position = -1;
    guint next;

    for (guint r = 0; r < ring->len; r++)
      if (g_array_index (ring, guint, r) == (guint)current)
        position = r;
    if (position < 0)
      position = step > 0 ? -1 : 0;
    next = g_array_index (ring, guint, (position + step + (int)ring->len) % (int)ring->len);
    cs_canvas_select_node (self, next, CS_SELECTION_REPLACE);
    self->tab_anchor = anchor;
    reveal_node (self, next);
  }
}

static void
cs_canvas_activate_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  CsCanvas *self = CS_CANVAS (widget);
  int node = cs_canvas_get_selected_node (self);

  if (node < 0)
    return;
  cs_canvas_focus_node (self, node);
  g_signal_emit (self, signals[NODE_ACTIVATED], 0, node);
}

static void
cs_canvas_document_changed_cb (CsCanvas   *self,
                               GParamSpec *pspec,
                               CsDocument *document)
{
  if (g_str_equal (pspec->name, "graph"))
    {
      /* indices of the old graph mean nothing in the new one */
      g_array_set_size (self->selection, 0);
      self->hover = -1;
      self->tab_anchor = -1;
      g_clear_pointer (&self->preview, cs_positions_unref);
      /* a filter naming nodes of the old graph means nothing now */
      cs_filter_init (&self->filter);
      update_filter (self);
      fit_now (self);
      selection_changed (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTER]);
    }
  invalidate (self);
}

static void
update_actions (CsCanvas *self)
{
  gboolean has_graph = get_graph (self) != NULL;
  const char *names[] = {
    "canvas.zoom-in", "canvas.zoom-out", "canvas.fit", "canvas.pan", "canvas.move-selection",
    "canvas.next-neighbour", "canvas.clear-selection", "canvas.activate",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), names[i], has_graph);
}

static void
cs_canvas_graph_notify_cb (CsCanvas   *self,
                           GParamSpec *pspec,
                           CsDocument *document)
{
  update_actions (self);
}

CsDocument *
cs_canvas_get_document (CsCanvas *self)
{
  g_return_val_if_fail (CS_IS_CANVAS (self), NULL);

  return self->document;
}

void
cs_canvas_set_document (CsCanvas   *self,
                        CsDocument *document)
{
  g_return_if_fail (CS_IS_CANVAS (self));
  g_return_if_fail (document == NULL || CS_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  if (document != NULL)
    {
      g_signal_connect_object (document, "notify::graph",
                               G_CALLBACK (cs_canvas_document_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "notify::positions",
                               G_CALLBACK (cs_canvas_document_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "notify::graph",
                               G_CALLBACK (cs_canvas_graph_notify_cb), self, G_CONNECT_SWAPPED);
    }

  g_array_set_size (self->selection, 0);
  self->hover = -1;
  update_actions (self);
  fit_now (self);
  invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

/**
 * cs_canvas_get_viewport:
 * @self: a #CsCanvas
 *
 * Returns: (transfer none): the canvas's pan and zoom
 */
CsViewport *
cs_canvas_get_viewport (CsCanvas *self)
{
  g_return_val_if_fail (CS_IS_CANVAS (self), NULL);

  return self->viewport;
}

gboolean
cs_canvas_get_dark (CsCanvas *self)
{
  g_return_val_if_fail (CS_IS_CANVAS (self), FALSE);

  return self->dark;
}

void
cs_canvas_set_dark (CsCanvas *self,
                    gboolean  dark)
{
  g_return_if_fail (CS_IS_CANVAS (self));

  dark = !!dark;
  if (self->dark == dark)
    return;

  self->dark = dark;
  cs_render_style_clear (&self->style);
  cs_render_style_init_default (&self->style, dark);
  invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DARK]);
}

#define DEFINE_FLAG_PROPERTY(name, field, prop)                                  \
  gboolean                                                                       \
  cs_canvas_get_##name (CsCanvas *self)                                          \
  {                                                                              \
    g_return_val_if_fail (CS_IS_CANVAS (self), FALSE);                           \
    return self->field;                                                          \
  }                                                                              \
                                                                                 \
  void                                                                           \
  cs_canvas_set_##name (CsCanvas *self,                                          \
                        gboolean  value)                                         \
  {                                                                              \
    g_return_if_fail (CS_IS_CANVAS (self));                                      \
    value = !!value;                                                             \
    if (self->field == (guint)value)                                             \
      return;                                                                    \
    self->field = value;                                                         \
    invalidate (self);                                                           \
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);                \
  }

DEFINE_FLAG_PROPERTY (show_legend, show_legend, PROP_SHOW_LEGEND)
DEFINE_FLAG_PROPERTY (show_hulls, show_hulls, PROP_SHOW_HULLS)

gboolean
cs_canvas_get_uniform_size (CsCanvas *self)
{
  g_return_val_if_fail (CS_IS_CANVAS (self), FALSE);

  return self->sizing == CS_NODE_SIZE_UNIFORM;
}

void
cs_canvas_set_uniform_size (CsCanvas *self,
                            gboolean  uniform)
{
  CsNodeSizing sizing = uniform ? CS_NODE_SIZE_UNIFORM : CS_NODE_SIZE_DEGREE;

  g_return_if_fail (CS_IS_CANVAS (self));

  if (self->sizing == sizing)
    return;
  self->sizing = sizing;
  invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNIFORM_SIZE]);
}

/**
 * cs_canvas_get_filter:
 * @self: a #CsCanvas
 *
 * Returns: (transfer none): what the canvas shows
 */
const CsFilter *
cs_canvas_get_filter (CsCanvas *self)
{
  g_return_val_if_fail (CS_IS_CANVAS (self), NULL);

  return &self->filter;
}

/**
 * cs_canvas_set_filter:
 * @self: a #CsCanvas
 * @filter: what to show; node indices refer to the document's graph
 */
void
cs_canvas_set_filter (CsCanvas       *self,
                      const CsFilter *filter)
{
  g_return_if_fail (CS_IS_CANVAS (self));
  g_return_if_fail (filter != NULL);

  if (cs_filter_equal (&self->filter, filter))
    return;
  self->filter = *filter;
  update_filter (self);
  invalidate (self);
  if (self->hover >= 0 && self->node_shown != NULL && !self->node_shown[self->hover])
    set_hover (self, -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTER]);
}

/**
 * cs_canvas_count_shown:
 * @self: a #CsCanvas
 * @n_nodes: (out): nodes the filter shows
 * @n_edges: (out): edges the filter shows
 */
void
cs_canvas_count_shown (CsCanvas *self,
                       guint    *n_nodes_out,
                       guint    *n_edges_out)
{
  CsGraph *graph;
  guint nodes = 0, edges = 0;

  g_return_if_fail (CS_IS_CANVAS (self));

  graph = get_graph (self);
  if (graph != NULL)
    {
      for (guint i = 0; i < cs_graph_get_n_nodes (graph); i++)
        nodes += self->node_shown == NULL || self->node_shown[i];
      for (guint e = 0; e < cs_graph_get_n_edges (graph); e++)
        edges += self->edge_shown == NULL || self->edge_shown[e];
    }
  *n_nodes_out = nodes;
  *n_edges_out = edges;
}

/**
 * cs_canvas_get_n_frames:
 * @self: a #CsCanvas
 *
 * Returns: how many frames the canvas has drawn with a graph in it
 */
guint
cs_canvas_get_n_frames (CsCanvas *self)
{
  g_return_val_if_fail (CS_IS_CANVAS (self), 0);

  return self->n_frames;
}

static void
cs_canvas_dispose (GObject *object)
{
  CsCanvas *self = (CsCanvas *)object;

  stop_kinetic (self);
  g_clear_handle_id (&self->sharpen_source, g_source_remove);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  g_clear_pointer (&self->graph_layer, gsk_render_node_unref);
  g_clear_pointer (&self->hit_index, cs_spatial_grid_free);
  g_clear_pointer (&self->preview, cs_positions_unref);

  G_OBJECT_CLASS (cs_canvas_parent_class)->dispose (object);
}

static void
cs_canvas_finalize (GObject *object)
{
  CsCanvas *self = (CsCanvas *)object;

  g_clear_object (&self->viewport);
  g_clear_pointer (&self->selection, g_array_unref);
  g_clear_pointer (&self->dragged, g_array_unref);
  g_clear_pointer (&self->drag_start_xy, g_free);
  g_clear_pointer (&self->node_shown, g_free);
  g_clear_pointer (&self->edge_shown, g_free);
  cs_render_style_clear (&self->style);

  G_OBJECT_CLASS (cs_canvas_parent_class)->finalize (object);
}

static void
cs_canvas_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  CsCanvas *self = CS_CANVAS (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_DARK:
      g_value_set_boolean (value, self->dark);
      break;

    case PROP_SELECTED_NODE:
      g_value_set_int (value, cs_canvas_get_selected_node (self));
      break;

    case PROP_HOVER_NODE:
      g_value_set_int (value, self->hover);
      break;

    case PROP_SHOW_LEGEND:
      g_value_set_boolean (value, self->show_legend);
      break;

    case PROP_SHOW_HULLS:
      g_value_set_boolean (value, self->show_hulls);
      break;

    case PROP_UNIFORM_SIZE:
      g_value_set_boolean (value, cs_canvas_get_uniform_size (self));
      break;

    case PROP_FILTER:
      g_value_set_pointer (value, &self->filter);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_canvas_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  CsCanvas *self = CS_CANVAS (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      cs_canvas_set_document (self, g_value_get_object (value));
      break;

    case PROP_DARK:
      cs_canvas_set_dark (self, g_value_get_boolean (value));
      break;

    case PROP_SHOW_LEGEND:
      cs_canvas_set_show_legend (self, g_value_get_boolean (value));
      break;

    case PROP_SHOW_HULLS:
      cs_canvas_set_show_hulls (self, g_value_get_boolean (value));
      break;

    case PROP_UNIFORM_SIZE:
      cs_canvas_set_uniform_size (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_canvas_class_init (CsCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cs_canvas_dispose;
  object_class->finalize = cs_canvas_finalize;
  object_class->get_property = cs_canvas_get_property;
  object_class->set_property = cs_canvas_set_property;

  widget_class->snapshot = cs_canvas_snapshot;
  widget_class->size_allocate = cs_canvas_size_allocate;
  widget_class->query_tooltip = cs_canvas_query_tooltip;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, CS_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DARK] =
    g_param_spec_boolean ("dark", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_NODE] =
    g_param_spec_int ("selected-node", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HOVER_NODE] =
    g_param_spec_int ("hover-node", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_LEGEND] =
    g_param_spec_boolean ("show-legend", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_HULLS] =
    g_param_spec_boolean ("show-hulls", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILTER] =
    g_param_spec_pointer ("filter", NULL, NULL,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNIFORM_SIZE] =
    g_param_spec_boolean ("uniform-size", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CsCanvas::node-activated:
   * @self: the canvas
   * @node: the node's index
   *
   * A node was double-clicked, or Enter was pressed on the selection.
   */
  signals[NODE_ACTIVATED] = g_signal_new ("node-activated", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                                          G_TYPE_UINT);
  signals[SELECTION_CHANGED] = g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass),
                                             G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE,
                                             0);

  gtk_widget_class_install_action (widget_class, "canvas.zoom-in", NULL, cs_canvas_zoom_in_action);
  gtk_widget_class_install_action (widget_class, "canvas.zoom-out", NULL,
                                   cs_canvas_zoom_out_action);
  gtk_widget_class_install_action (widget_class, "canvas.fit", NULL, cs_canvas_fit_action);
  gtk_widget_class_install_action (widget_class, "canvas.pan", "(dd)", cs_canvas_pan_action);
  gtk_widget_class_install_action (widget_class, "canvas.move-selection", "(dd)",
                                   cs_canvas_move_selection_action);
  gtk_widget_class_install_action (widget_class, "canvas.next-neighbour", "i",
                                   cs_canvas_next_neighbour_action);
  gtk_widget_class_install_action (widget_class, "canvas.clear-selection", NULL,
                                   cs_canvas_clear_selection_action);
  gtk_widget_class_install_action (widget_class, "canvas.activate", NULL,
                                   cs_canvas_activate_action);
  gtk_widget_class_install_property_action (widget_class, "canvas.show-legend", "show-legend");
  gtk_widget_class_install_property_action (widget_class, "canvas.show-hulls", "show-hulls");
  gtk_widget_class_install_property_action (widget_class, "canvas.uniform-size", "uniform-size");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, 0, "canvas.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, 0, "canvas.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, 0, "canvas.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK,
                                       "canvas.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, 0, "canvas.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, 0, "canvas.zoom-out",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK,
                                       "canvas.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, 0, "canvas.fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, 0, "canvas.fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "canvas.fit",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "canvas.move-selection",
                                       "(dd)", -1.0, 0.0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "canvas.move-selection",
                                       "(dd)", 1.0, 0.0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, 0, "canvas.move-selection", "(dd)",
                                       0.0, -1.0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, 0, "canvas.move-selection",
                                       "(dd)", 0.0, 1.0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_CONTROL_MASK, "canvas.pan",
                                       "(dd)", PAN_STEP, 0.0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_CONTROL_MASK, "canvas.pan",
                                       "(dd)", -PAN_STEP, 0.0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_CONTROL_MASK, "canvas.pan",
                                       "(dd)", 0.0, PAN_STEP);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_CONTROL_MASK, "canvas.pan",
                                       "(dd)", 0.0, -PAN_STEP);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Tab, 0, "canvas.next-neighbour", "i",
                                       1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK,
                                       "canvas.next-neighbour", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Tab, GDK_SHIFT_MASK,
                                       "canvas.next-neighbour", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "canvas.clear-selection",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "canvas.activate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "canvas.activate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, 0, "canvas.show-legend", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_h, 0, "canvas.show-hulls", NULL);

  gtk_widget_class_set_css_name (widget_class, "graphcanvas");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
cs_canvas_style_manager_dark_cb (CsCanvas        *self,
                                 GParamSpec      *pspec,
                                 AdwStyleManager *manager)
{
  cs_canvas_set_dark (self, adw_style_manager_get_dark (manager));
}

static void
cs_canvas_init (CsCanvas *self)
{
  GtkGesture *drag;
  GtkGesture *swipe;
  GtkGesture *click;
  GtkGesture *pinch;
  GtkEventController *scroll;
  GtkEventController *motion;
  AdwStyleManager *manager = adw_style_manager_get_default ();

  self->viewport = cs_viewport_new ();
  g_signal_connect_object (self->viewport, "notify", G_CALLBACK (cs_canvas_viewport_changed_cb),
                           self, G_CONNECT_SWAPPED);
  self->selection = g_array_new (FALSE, FALSE, sizeof (guint));
  self->dragged = g_array_new (FALSE, FALSE, sizeof (guint));
  self->hover = -1;
  self->tab_anchor = -1;
  self->centring = -1;
  self->show_legend = TRUE;
  self->show_hulls = TRUE;
  self->sizing = CS_NODE_SIZE_DEGREE;
  cs_filter_init (&self->filter);

  self->dark = adw_style_manager_get_dark (manager);
  cs_render_style_init_default (&self->style, self->dark);
  g_signal_connect_object (manager, "notify::dark",
                           G_CALLBACK (cs_canvas_style_manager_dark_cb), self, G_CONNECT_SWAPPED);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  click = gtk_gesture_click_new ();
  g_signal_connect_swapped (click, "pressed", G_CALLBACK (cs_canvas_click_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  drag = gtk_gesture_drag_new ();
  g_signal_connect_swapped (drag, "drag-begin", G_CALLBACK (cs_canvas_drag_begin_cb), self);
  g_signal_connect_swapped (drag, "drag-update", G_CALLBACK (cs_canvas_drag_update_cb), self);
  g_signal_connect_swapped (drag, "drag-end", G_CALLBACK (cs_canvas_drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  swipe = gtk_gesture_swipe_new ();
  g_signal_connect_swapped (swipe, "swipe", G_CALLBACK (cs_canvas_swipe_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (swipe));

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  g_signal_connect_swapped (scroll, "scroll", G_CALLBACK (cs_canvas_scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);

  motion = gtk_event_controller_motion_new ();
  g_signal_connect_swapped (motion, "enter", G_CALLBACK (cs_canvas_motion_cb), self);
  g_signal_connect_swapped (motion, "motion", G_CALLBACK (cs_canvas_motion_cb), self);
  g_signal_connect_swapped (motion, "leave", G_CALLBACK (cs_canvas_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  pinch = gtk_gesture_zoom_new ();
  g_signal_connect_swapped (pinch, "begin", G_CALLBACK (cs_canvas_pinch_begin_cb), self);
  g_signal_connect_swapped (pinch, "scale-changed", G_CALLBACK (cs_canvas_pinch_scale_changed_cb),
                            self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (pinch));

  update_actions (self);
  self->fit_pending = TRUE;
}

GtkWidget *
cs_canvas_new (void)
{
  return g_object_new (CS_TYPE_CANVAS, NULL);
}
