/* cs-canvas.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-canvas-private.h"

#include "cs-node-summary.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>
#include <math.h>

/* The graph on screen. What it shows comes from the document (graph,
 * positions, pins) and the view state (selection, filter, sizing, labels,
 * layers, pan and zoom); the canvas only turns input into changes of
 * those, and draws the scene cs_scene_new() builds from them, as every
 * export does. */

#define TOOLTIP_MAX_LINKS 6
#define SHARPEN_DELAY_MS  120

G_DEFINE_FINAL_TYPE (CsCanvas, cs_canvas, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_VIEW_STATE,
  PROP_DARK,
  PROP_HOVER_NODE,
  PROP_HOVER_EDGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];
guint _cs_canvas_signals[CS_CANVAS_N_SIGNALS];

CsGraph *
_cs_canvas_get_graph (CsCanvas *self)
{
  return self->document != NULL ? cs_document_get_graph (self->document) : NULL;
}

guint
_cs_canvas_n_nodes (CsCanvas *self)
{
  CsGraph *graph = _cs_canvas_get_graph (self);

  return graph != NULL ? cs_graph_get_n_nodes (graph) : 0;
}

/* The kept layer no longer shows the scene: it is drawn again when next
 * needed, and stays on screen until then (a big graph's is drawn in a
 * worker) */
static void
invalidate_layer (CsCanvas *self)
{
  g_clear_pointer (&self->layer_scene, cs_scene_unref);
  g_clear_pointer (&self->hit_index, cs_spatial_grid_free);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* what is drawn changed: the scene is built again when next needed */
void
_cs_canvas_invalidate_scene (CsCanvas *self)
{
  g_clear_pointer (&self->scene, cs_scene_unref);
  invalidate_layer (self);
}

static gboolean
sharpen_cb (gpointer user_data)
{
  CsCanvas *self = user_data;

  self->sharpen_source = 0;
  invalidate_layer (self);
  return G_SOURCE_REMOVE;
}

/* Pan and zoom reuse the drawn layer (see snapshot): only the hit areas
 * change at once. A zoom redraws crisp once the wheel or pinch rests. */
static void
cs_canvas_viewport_changed_cb (CsCanvas   *self,
                               GParamSpec *pspec,
                               CsViewport *viewport)
{
  /* the hit index is in world units: a pan keeps it */
  if (cs_viewport_get_zoom (viewport) != self->hit_index_zoom)
    g_clear_pointer (&self->hit_index, cs_spatial_grid_free);
  if (self->graph_layer != NULL && cs_viewport_get_zoom (viewport) != self->layer_zoom)
    {
      g_clear_handle_id (&self->sharpen_source, g_source_remove);
      self->sharpen_source = g_timeout_add (SHARPEN_DELAY_MS, sharpen_cb, self);
    }
  /* what the card describes moved: it comes back beside it once the view
   * rests; the link that was under the pointer may not be any more */
  if (self->hover_edge >= 0)
    _cs_canvas_set_hover_edge (self, -1);
  if (self->card != NULL && gtk_widget_get_visible (self->card))
    {
      _cs_canvas_hide_card (self);
      self->card_hidden_at = 0;
      _cs_canvas_update_card (self);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* the pins to draw: the document's, and the dragged nodes, which will be */
static gboolean *
current_pins (CsCanvas *self)
{
  guint n = _cs_canvas_n_nodes (self);
  gboolean *pins = g_memdup2 (cs_document_get_pins (self->document), MAX (n, 1) * sizeof (gboolean));

  for (guint i = 0; self->drag_mode == CS_CANVAS_DRAG_NODES && i < self->dragged->len; i++)
    pins[g_array_index (self->dragged, guint, i)] = TRUE;
  return pins;
}

/**
 * cs_canvas_get_scene:
 * @self: a #CsCanvas
 *
 * The scene as the canvas draws it now, with the view's pan and zoom.
 *
 * Returns: (transfer none) (nullable): the scene, or %NULL when there is
 *   nothing to draw
 */
CsScene *
cs_canvas_get_scene (CsCanvas *self)
{
  CsGraph *graph;
  CsPositions *positions;
  CsViewport *viewport;

  g_return_val_if_fail (CS_IS_CANVAS (self), NULL);

  graph = _cs_canvas_get_graph (self);
  if (graph == NULL || self->view == NULL || cs_view_state_get_graph (self->view) != graph)
    return NULL;
  positions = self->preview != NULL      ? self->preview
              : self->transition != NULL ? self->transition
                                         : cs_document_get_positions (self->document);
  if (positions == NULL || cs_positions_get_n_nodes (positions) != cs_graph_get_n_nodes (graph))
    return NULL;

  if (self->scene == NULL)
    {
      g_autofree gboolean *pins = current_pins (self);

      self->scene = cs_scene_new (graph, positions, pins, self->view, &self->style,
                                  gtk_widget_get_width (GTK_WIDGET (self)),
                                  gtk_widget_get_height (GTK_WIDGET (self)));
      /* the canvas draws the title and legend over its graph layer, the
       * legend with the header that folds it */
      cs_scene_set_flags (self->scene, cs_scene_get_flags (self->scene) | CS_RENDER_OVERLAYS_APART);
    }
  viewport = cs_view_state_get_viewport (self->view);
  cs_scene_set_size (self->scene, gtk_widget_get_width (GTK_WIDGET (self)),
                     gtk_widget_get_height (GTK_WIDGET (self)));
  cs_scene_set_transform (self->scene, cs_viewport_get_zoom (viewport),
                          cs_viewport_get_offset_x (viewport),
                          cs_viewport_get_offset_y (viewport));
  return self->scene;
}

/* Past this many nodes and links the kept layer is drawn in a worker
 * thread, the last one staying on screen, moved and scaled, meanwhile: a
 * 10,000-node layer takes a tenth of a second to draw, more than a frame */
#define ASYNC_LAYER_ITEMS 5000

/* one drawing of the kept layer */
typedef struct
{
  CsScene         *visible; /* the canvas's scene it was asked for */
  CsScene         *scene;   /* the copy drawn, at the layer's size */
  double           margin;
  double           zoom;
  double           offset_x;
  double           offset_y;
  int              width;   /* the widget's size */
  int              height;
  int              scale;
  cairo_surface_t *surface; /* what was drawn */
} LayerJob;

static void
layer_job_free (LayerJob *job)
{
  g_clear_pointer (&job->visible, cs_scene_unref);
  g_clear_pointer (&job->scene, cs_scene_unref);
  g_clear_pointer (&job->surface, cairo_surface_destroy);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LayerJob, layer_job_free)

static LayerJob *
layer_job_new (CsCanvas *self,
               CsScene  *visible,
               int       width,
               int       height)
{
  LayerJob *job = g_new0 (LayerJob, 1);

  job->visible = cs_scene_ref (visible);
  job->margin = cs_renderer_layer_margin (width, height);
  job->zoom = cs_scene_get_zoom (visible);
  job->offset_x = cs_scene_get_offset_x (visible);
  job->offset_y = cs_scene_get_offset_y (visible);
  job->width = width;
  job->height = height;
  job->scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  job->scene = cs_scene_copy (visible);
  cs_scene_set_size (job->scene, width + 2 * job->margin, height + 2 * job->margin);
  cs_scene_set_transform (job->scene, job->zoom, job->offset_x + job->margin,
                          job->offset_y + job->margin);
  cs_scene_set_view_origin (job->scene, job->margin, job->margin);
  cs_scene_set_flags (job->scene, cs_scene_get_flags (job->scene) | CS_RENDER_OVERLAYS_APART);
  return job;
}

/* Draws the layer into pixels of its own, not a recording that GTK would
 * play back: the renderer then writes thin links straight into them. Any
 * thread: the scene is the job's own copy. */
static void
layer_job_draw (LayerJob *job)
{
  int pixel_width = (job->width + 2 * (int)job->margin) * job->scale;
  int pixel_height = (job->height + 2 * (int)job->margin) * job->scale;
  cairo_t *cr;

  job->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, pixel_width, pixel_height);
  cr = cairo_create (job->surface);
  cairo_scale (cr, job->scale, job->scale);
  cs_renderer_draw (cr, job->scene);
  cairo_destroy (cr);
  cairo_surface_flush (job->surface);
}

static void
layer_job_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  layer_job_draw (task_data);
  g_task_return_boolean (task, TRUE);
}

/* the drawn layer on screen from now on */
static void
install_layer (CsCanvas *self,
               LayerJob *job)
{
  int pixel_height = cairo_image_surface_get_height (job->surface);
  int stride = cairo_image_surface_get_stride (job->surface);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (job->surface),
                                      (gsize)stride * pixel_height,
                                      (GDestroyNotify)cairo_surface_destroy,
                                      cairo_surface_reference (job->surface));
  /* cairo's ARGB32 is GDK's default memory format */
  texture = gdk_memory_texture_new (cairo_image_surface_get_width (job->surface), pixel_height,
                                    GDK_MEMORY_DEFAULT, bytes, stride);
  g_clear_pointer (&self->graph_layer, gsk_render_node_unref);
  g_clear_pointer (&self->layer_scene, cs_scene_unref);
  g_clear_handle_id (&self->sharpen_source, g_source_remove);
  self->graph_layer = gsk_texture_node_new (
      texture, &GRAPHENE_RECT_INIT (-job->margin, -job->margin, job->width + 2 * job->margin,
                                    job->height + 2 * job->margin));
  self->layer_scene = cs_scene_ref (job->visible);
  self->layer_zoom = job->zoom;
  self->layer_offset_x = job->offset_x;
  self->layer_offset_y = job->offset_y;
  self->layer_width = job->width;
  self->layer_height = job->height;
}

static void
layer_job_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  CsCanvas *self = CS_CANVAS (source);
  LayerJob *job = g_task_get_task_data (G_TASK (result));

  if (g_task_had_error (G_TASK (result)) || g_cancellable_is_cancelled (self->layer_cancellable))
    return;
  self->layer_drawing = FALSE;
  /* a layer of the graph the canvas still shows: even when the view or
   * the positions moved on meanwhile (a glide, a drag), better than an
   * older one; the snapshot it brings asks for the next */
  if (self->scene != NULL && cs_scene_get_graph (job->visible) == cs_scene_get_graph (self->scene))
    {
      install_layer (self, job);
      self->n_layers_drawn++;
      g_debug ("layer of %d×%d drawn in a worker", job->width, job->height);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The graph layer is drawn larger than the widget, by a margin on every
 * side (cs_renderer_layer_margin()), so panning only moves it; it is redrawn when a pan goes past
 * that margin, when the zoom settles, and when anything it shows changes.
 * A big graph's layer is drawn in a worker, one at a time, and shown when
 * done; the snapshot after it asks for the next if the view moved on. */
static void
ensure_graph_layer (CsCanvas *self,
                    CsScene  *visible,
                    int       width,
                    int       height)
{
  double zoom = cs_scene_get_zoom (visible);
  double offset_x = cs_scene_get_offset_x (visible);
  double offset_y = cs_scene_get_offset_y (visible);
  gboolean reuse = self->graph_layer != NULL && self->layer_scene == visible;
  CsGraph *graph = cs_scene_get_graph (visible);
  g_autoptr(LayerJob) job = NULL;

  /* the layer serves while what is visible lies inside what it holds: a
   * pan within its margin, or a panel sliding in beside the canvas */
  if (reuse && zoom == self->layer_zoom)
    {
      double held = cs_renderer_layer_margin (self->layer_width, self->layer_height);
      double dx = offset_x - self->layer_offset_x;
      double dy = offset_y - self->layer_offset_y;

      reuse = -dx >= -held && -dx + width <= self->layer_width + held && -dy >= -held &&
              -dy + height <= self->layer_height + held;
    }
  else
    reuse = FALSE;
  if (reuse || self->layer_drawing)
    return;

  job = layer_job_new (self, visible, width, height);
  if (cs_graph_get_n_nodes (graph) + cs_graph_get_n_edges (graph) > ASYNC_LAYER_ITEMS)
    {
      g_autoptr(GTask) task = g_task_new (self, self->layer_cancellable, layer_job_done_cb, NULL);

      g_task_set_source_tag (task, ensure_graph_layer);
      g_task_set_task_data (task, g_steal_pointer (&job), (GDestroyNotify)layer_job_free);
      self->layer_drawing = TRUE;
      g_task_run_in_thread (task, layer_job_thread);
      return;
    }
  layer_job_draw (job);
  install_layer (self, job);
  self->n_layers_drawn++;
}

static void
cs_canvas_snapshot (GtkWidget   *widget,
                    GtkSnapshot *snapshot)
{
  CsCanvas *self = CS_CANVAS (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  guint n_selected = 0;
  int edge;
  const guint *selected;
  CsScene *scene;
  cairo_t *cr;

  if (width <= 0 || height <= 0 || (scene = cs_canvas_get_scene (self)) == NULL)
    return;

  ensure_graph_layer (self, scene, width, height);
  if (self->graph_layer != NULL)
    {
      /* layer pixel p was world × z₀ + o₀; it belongs at world × z + o */
      double s = cs_scene_get_zoom (scene) / self->layer_zoom;

      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot,
                              &GRAPHENE_POINT_INIT (cs_scene_get_offset_x (scene) -
                                                        self->layer_offset_x * s,
                                                    cs_scene_get_offset_y (scene) -
                                                        self->layer_offset_y * s));
      gtk_snapshot_scale (snapshot, s, s);
      gtk_snapshot_append_node (snapshot, self->graph_layer);
      gtk_snapshot_restore (snapshot);
    }

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  selected = cs_view_state_get_selection (self->view, &n_selected);
  edge = cs_view_state_get_selected_edge (self->view);
  /* hover and selection change often: they are drawn over the layer */
  if (self->hover >= 0 || self->hover_edge >= 0 || n_selected > 0 || edge >= 0 ||
      self->marked->len > 0)
    {
      g_autoptr(CsScene) over = cs_scene_copy (scene);
      CsRenderFocus focus = {
        .hover = self->drag_mode == CS_CANVAS_DRAG_NONE ? self->hover : -1,
        .selected = selected,
        .n_selected = n_selected,
        .has_edge = edge >= 0,
        .edge = edge >= 0 ? (guint)edge : 0,
        .has_hover_edge = self->drag_mode == CS_CANVAS_DRAG_NONE && self->hover_edge >= 0,
        .hover_edge = self->hover_edge >= 0 ? (guint)self->hover_edge : 0,
        .marked = (const guint *)self->marked->data,
        .n_marked = self->marked->len,
      };

      cs_scene_set_flags (over, cs_scene_get_flags (over) | CS_RENDER_OVERLAYS_APART);
      cs_renderer_draw_focus (cr, over, &focus);
    }
  cs_renderer_draw_overlays (cr, scene);
  if (self->drag_mode == CS_CANVAS_DRAG_RUBBER_BAND)
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
  if (self->card != NULL && gtk_widget_get_visible (self->card))
    gtk_widget_snapshot_child (widget, self->card, snapshot);
  self->n_frames++;
  /* for the benchmark (`bench window`): when a graph is first on screen */
  if (self->graph_layer != NULL && self->pictured != cs_scene_get_graph (scene))
    {
      self->pictured = cs_scene_get_graph (scene);
      g_debug ("first picture of a graph of %u nodes",
               cs_graph_get_n_nodes (cs_scene_get_graph (scene)));
    }
}

/* Framing */

/* The part of the canvas a node can be seen in: clear of the title and
 * legend, and of a panel folded over the canvas's right side. */
static gboolean
free_area_at_size (CsCanvas *self,
                   int       width,
                   int       height,
                   double    margin,
                   CsBounds *area)
{
  CsScene *scene = cs_canvas_get_scene (self);

  if (scene == NULL)
    return FALSE;
  cs_scene_set_size (scene, width, height);
  cs_scene_get_graph_area (scene, margin, area);
  cs_scene_set_size (scene, gtk_widget_get_width (GTK_WIDGET (self)),
                     gtk_widget_get_height (GTK_WIDGET (self)));
  if (self->covered_right > 0 && area->x1 - self->covered_right - area->x0 > 100)
    area->x1 -= self->covered_right;
  return TRUE;
}

static gboolean
free_area (CsCanvas *self,
           double    margin,
           CsBounds *area)
{
  return free_area_at_size (self, gtk_widget_get_width (GTK_WIDGET (self)),
                            gtk_widget_get_height (GTK_WIDGET (self)), margin, area);
}

static void
fit_bounds (CsCanvas       *self,
            const CsBounds *bounds)
{
  CsBounds area;

  if (!free_area (self, CS_CANVAS_FIT_MARGIN, &area))
    return;
  cs_viewport_fit_area (cs_view_state_get_viewport (self->view), bounds, &area);
}

/* Frames @bounds, and keeps framing them while a panel slides in or out,
 * until the user moves the view. */
static void
frame_bounds (CsCanvas       *self,
              const CsBounds *bounds)
{
  self->centring = -1;
  self->framed = *bounds;
  self->framing = TRUE;
  fit_bounds (self, bounds);
}

/* The user moved the view: it no longer follows a node or a frame. */
void
_cs_canvas_release_view (CsCanvas *self)
{
  self->centring = -1;
  self->framing = FALSE;
  self->fitted = FALSE;
  self->camera_kept = FALSE;
  self->user_moved = TRUE;
}

static void
fit_now (CsCanvas *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  CsScene *scene;
  CsBounds bounds;

  if (width <= 0 || height <= 0 || (scene = cs_canvas_get_scene (self)) == NULL)
    {
      self->fit_pending = TRUE;
      return;
    }
  self->fit_pending = FALSE;
  if (self->camera_pending)
    {
      CsViewport *viewport = cs_view_state_get_viewport (self->view);
      double zoom;

      self->camera_pending = FALSE;
      self->camera_kept = TRUE;
      cs_viewport_set_zoom (viewport, self->camera_zoom);
      /* the zoom as the viewport clamps it */
      zoom = cs_viewport_get_zoom (viewport);
      cs_viewport_set_offset (viewport, width / 2.0 - self->camera_x * zoom,
                              height / 2.0 - self->camera_y * zoom);
      return;
    }
  self->fitted = TRUE;
  self->user_moved = FALSE;
  cs_scene_get_world_bounds (scene, &bounds);
  /* mid-glide, frame where the nodes are going, with the same room round
   * them as the scene gives the nodes where they are */
  if (self->transition != NULL)
    {
      CsBounds from, to;

      cs_positions_get_bounds (self->transition, &from);
      cs_positions_get_bounds (cs_document_get_positions (self->document), &to);
      bounds = (CsBounds) { to.x0 - (from.x0 - bounds.x0), to.y0 - (from.y0 - bounds.y0),
                            to.x1 + (bounds.x1 - from.x1), to.y1 + (bounds.y1 - from.y1) };
    }
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

  _cs_canvas_release_view (self);
  self->camera_pending = FALSE;
  fit_now (self);
}

/**
 * cs_canvas_look_at:
 * @self: a #CsCanvas with a view state
 * @zoom: the zoom
 * @center_x: the world point to put at the middle of the canvas
 * @center_y: the world point to put at the middle of the canvas
 *
 * Shows the graph as a saved view had it, instead of fitting it; waits for
 * the first allocation when the canvas has no size yet.
 */
void
cs_canvas_look_at (CsCanvas *self,
                   double    zoom,
                   double    center_x,
                   double    center_y)
{
  g_return_if_fail (CS_IS_CANVAS (self));
  g_return_if_fail (self->view != NULL);
  g_return_if_fail (zoom > 0 && isfinite (zoom) && isfinite (center_x) && isfinite (center_y));

  _cs_canvas_release_view (self);
  self->camera_pending = TRUE;
  self->camera_zoom = zoom;
  self->camera_x = center_x;
  self->camera_y = center_y;
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
  CsScene *scene;
  CsGraph *graph;
  CsPositions *positions;
  CsBounds bounds = { 0 };
  const guint *edges;
  guint n_edges;

  g_return_if_fail (CS_IS_CANVAS (self));
  g_return_if_fail (node < _cs_canvas_n_nodes (self));

  if ((scene = cs_canvas_get_scene (self)) == NULL)
    return;
  graph = cs_scene_get_graph (scene);
  positions = cs_scene_get_positions (scene);
  self->centring = -1;
  edges = cs_graph_get_incident_edges (graph, node, &n_edges);
  for (guint e = 0; e <= n_edges; e++)
    {
      const CsEdge *edge = e < n_edges ? cs_graph_get_edge (graph, edges[e]) : NULL;
      guint other = edge == NULL ? node : edge->source == node ? edge->target : edge->source;
      double x = cs_positions_get_x (positions, other);
      double y = cs_positions_get_y (positions, other);
      double r = cs_scene_get_node_radius (scene, other) + 3 * self->style.font_size;

      if (e == 0)
        bounds = (CsBounds) { x - r, y - r, x + r, y + r };
      bounds.x0 = MIN (bounds.x0, x - r);
      bounds.y0 = MIN (bounds.y0, y - r);
      bounds.x1 = MAX (bounds.x1, x + r);
      bounds.y1 = MAX (bounds.y1, y + r);
    }
  frame_bounds (self, &bounds);
}

static void
centre (CsCanvas *self,
        guint     node)
{
  CsScene *scene = cs_canvas_get_scene (self);
  CsBounds area;
  double x, y;

  if (scene == NULL || !free_area (self, 0, &area))
    return;
  cs_scene_node_to_device (scene, node, &x, &y);
  cs_viewport_pan (cs_view_state_get_viewport (self->view), (area.x0 + area.x1) / 2 - x,
                   (area.y0 + area.y1) / 2 - y);
}

/* Pans the least that brings @node inside the free area, @margin in. */
static void
bring_into_view (CsCanvas *self,
                 guint     node,
                 double    margin)
{
  CsScene *scene = cs_canvas_get_scene (self);
  CsBounds area;
  double x, y, dx = 0, dy = 0;

  if (scene == NULL || !free_area (self, margin, &area))
    return;
  cs_scene_node_to_device (scene, node, &x, &y);
  if (x < area.x0)
    dx = area.x0 - x;
  else if (x > area.x1)
    dx = area.x1 - x;
  if (y < area.y0)
    dy = area.y0 - y;
  else if (y > area.y1)
    dy = area.y1 - y;
  if (dx != 0 || dy != 0)
    cs_viewport_pan (cs_view_state_get_viewport (self->view), dx, dy);
}

/* How far @node is inside the free area at that size: negative outside */
static double
clearance_at_size (CsCanvas *self,
                   guint     node,
                   int       width,
                   int       height)
{
  CsScene *scene = cs_canvas_get_scene (self);
  CsBounds area;
  double x, y;

  if (scene == NULL || !free_area_at_size (self, width, height, 0, &area))
    return -G_MAXDOUBLE;
  cs_scene_node_to_device (scene, node, &x, &y);
  return MIN (MIN (x - area.x0, area.x1 - x), MIN (y - area.y0, area.y1 - y));
}

static gboolean
in_free_area (CsCanvas *self,
              guint     node,
              double    margin)
{
  return clearance_at_size (self, node, gtk_widget_get_width (GTK_WIDGET (self)),
                            gtk_widget_get_height (GTK_WIDGET (self))) >= margin;
}

/**
 * cs_canvas_centre_node:
 * @self: a #CsCanvas
 * @node: a node index
 *
 * Pans, keeping the zoom, so the node is in the middle of the room the
 * legend and any panel over the canvas leave.
 */
void
cs_canvas_centre_node (CsCanvas *self,
                       guint     node)
{
  g_return_if_fail (CS_IS_CANVAS (self));
  g_return_if_fail (node < _cs_canvas_n_nodes (self));

  centre (self, node);
  /* a panel may be sliding in: the node stays in the middle through resizes
   * until the user moves the view */
  self->framing = FALSE;
  self->centring = node;
}

/* Pans just enough to bring a node chosen with the keyboard into view. */
void
_cs_canvas_reveal_node (CsCanvas *self,
                        guint     node)
{
  if (!in_free_area (self, node, CS_CANVAS_REVEAL_MARGIN))
    cs_canvas_centre_node (self, node);
}

/**
 * cs_canvas_set_covered_right:
 * @self: a #CsCanvas
 * @width: how much of the canvas's right side a panel covers, in pixels
 *
 * A panel folded over the canvas (the inspector in a narrow window): fit,
 * centre and focus use what is left, and the selection is kept clear of it.
 */
void
cs_canvas_set_covered_right (CsCanvas *self,
                             double    width)
{
  int selected;

  g_return_if_fail (CS_IS_CANVAS (self));

  width = MAX (width, 0);
  if (self->covered_right == width)
    return;
  self->covered_right = width;
  selected = self->view != NULL ? cs_view_state_get_selected_node (self->view) : -1;
  if (selected >= 0 && selected < (int)_cs_canvas_n_nodes (self))
    bring_into_view (self, selected, CS_CANVAS_REVEAL_MARGIN);
}

static void
cs_canvas_size_allocate (GtkWidget *widget,
                         int        width,
                         int        height,
                         int        baseline)
{
  CsCanvas *self = CS_CANVAS (widget);
  int selected = self->view != NULL ? cs_view_state_get_selected_node (self->view) : -1;
  double clearance = -G_MAXDOUBLE;
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (widget));
  gboolean window_resized = FALSE;

  /* the window itself resized (not a panel opening beside the canvas) */
  if (root != NULL)
    {
      int root_width = gtk_widget_get_width (root), root_height = gtk_widget_get_height (root);

      window_resized = self->root_width > 0 &&
                       (root_width != self->root_width || root_height != self->root_height);
      self->root_width = root_width;
      self->root_height = root_height;
    }
  /* the same size again (the hover card moved or changed): only the card */
  if (!window_resized && !self->fit_pending && width == self->allocated_width &&
      height == self->allocated_height)
    {
      _cs_canvas_allocate_card (self);
      return;
    }

  /* how far inside the view the selection was at the old size */
  if (selected >= 0 && selected < (int)_cs_canvas_n_nodes (self) && self->allocated_width > 0)
    clearance = clearance_at_size (self, selected, self->allocated_width, self->allocated_height);
  self->allocated_width = width;
  self->allocated_height = height;
  if (self->view != NULL)
    cs_viewport_set_size (cs_view_state_get_viewport (self->view), width, height);
  /* nothing moves under the pointer when a panel opens beside the canvas,
   * but a node just centred stays centred while the panel slides in, and
   * the selection a panel would cover comes back into view */
  if (self->fit_pending)
    fit_now (self);
  else if (self->centring >= 0 && self->centring < (int)_cs_canvas_n_nodes (self))
    centre (self, self->centring);
  else if (self->framing)
    fit_bounds (self, &self->framed);
  else if ((self->fitted || (window_resized && !self->user_moved && !self->camera_kept)) &&
           self->transition == NULL)
    /* a view the user has not moved follows the window's size */
    fit_now (self);
  else if (self->camera_kept)
    {
      CsViewport *viewport = cs_view_state_get_viewport (self->view);
      double zoom = cs_viewport_get_zoom (viewport);

      cs_viewport_set_offset (viewport, width / 2.0 - self->camera_x * zoom,
                              height / 2.0 - self->camera_y * zoom);
    }
  else if (clearance >= 0 &&
           clearance_at_size (self, selected, width, height) <
               MIN (clearance, CS_CANVAS_REVEAL_MARGIN))
    bring_into_view (self, selected, CS_CANVAS_REVEAL_MARGIN);
  /* the kept layer holds more than the view: snapshot redraws it only when
   * the new size goes past it */
  g_clear_pointer (&self->hit_index, cs_spatial_grid_free);
  _cs_canvas_allocate_card (self);
  gtk_widget_queue_draw (widget);
}

/* Hover and hit tests */

void
_cs_canvas_set_hover (CsCanvas *self,
                      int       hover)
{
  if (self->hover == hover)
    return;
  self->hover = hover;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), hover >= 0 ? "pointer" : NULL);
  _cs_canvas_update_card (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HOVER_NODE]);
}

void
_cs_canvas_set_hover_edge (CsCanvas *self,
                           int       edge)
{
  if (self->hover_edge == edge)
    return;
  self->hover_edge = edge;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (self->hover < 0)
    {
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), edge >= 0 ? "pointer" : NULL);
      _cs_canvas_update_card (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HOVER_EDGE]);
}

int
cs_canvas_get_hover_node (CsCanvas *self)
{
  g_return_val_if_fail (CS_IS_CANVAS (self), -1);

  return self->hover;
}

/**
 * cs_canvas_set_marked:
 * @self: a #CsCanvas
 * @nodes: (array length=n_nodes) (nullable): the nodes to mark, the most
 *   important first
 * @n_nodes: how many
 *
 * Rings @nodes in the match colour and names them, over the picture (the
 * search marks what it finds while the user types); none to clear. The
 * marks go when another graph opens.
 */
void
cs_canvas_set_marked (CsCanvas    *self,
                      const guint *nodes,
                      guint        n_nodes)
{
  g_return_if_fail (CS_IS_CANVAS (self));
  g_return_if_fail (nodes != NULL || n_nodes == 0);

  if (n_nodes == 0 && self->marked->len == 0)
    return;
  g_array_set_size (self->marked, 0);
  for (guint i = 0; i < n_nodes; i++)
    if (nodes[i] < _cs_canvas_n_nodes (self))
      g_array_append_val (self->marked, nodes[i]);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * cs_canvas_get_marked:
 * @self: a #CsCanvas
 * @n_nodes: (out): how many
 *
 * Returns: (array length=n_nodes) (transfer none): the marked nodes
 */
const guint *
cs_canvas_get_marked (CsCanvas *self,
                      guint    *n_nodes)
{
  g_return_val_if_fail (CS_IS_CANVAS (self), NULL);
  g_return_val_if_fail (n_nodes != NULL, NULL);

  *n_nodes = self->marked->len;
  return (const guint *)self->marked->data;
}

/**
 * cs_canvas_get_hover_edge:
 * @self: a #CsCanvas
 *
 * Returns: the link the pointer rests on when no node is under it, or -1
 */
int
cs_canvas_get_hover_edge (CsCanvas *self)
{
  g_return_val_if_fail (CS_IS_CANVAS (self), -1);

  return self->hover_edge;
}

int
_cs_canvas_hit_test (CsCanvas *self,
                     double    x,
                     double    y)
{
  CsScene *scene = cs_canvas_get_scene (self);

  if (scene == NULL)
    return -1;
  /* the legend lies over the nodes under it */
  if (cs_renderer_legend_hit_test (scene, x, y, NULL) != CS_LEGEND_HIT_NONE)
    return -1;
  if (self->hit_index == NULL)
    {
      self->hit_index = cs_renderer_build_hit_index (scene);
      self->hit_index_zoom = cs_scene_get_zoom (scene);
    }
  return cs_renderer_hit_test_indexed (scene, self->hit_index, x, y);
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

  /* the pointer brings up the hover card instead (cs-canvas-card.c) */
  if (self->view == NULL || !keyboard_mode)
    return FALSE;
  node = cs_view_state_get_selected_node (self->view);
  if (node < 0)
    return FALSE;
  markup = cs_node_summary_markup (_cs_canvas_get_graph (self), node, TOOLTIP_MAX_LINKS);
  gtk_tooltip_set_markup (tooltip, markup);
  return TRUE;
}

/* The document and the view state */

static void
forget_nodes (CsCanvas *self)
{
  /* indices of the old graph mean nothing in the new one */
  self->hover = -1;
  self->hover_edge = -1;
  g_array_set_size (self->marked, 0);
  _cs_canvas_stop_looking_for_edge (self);
  _cs_canvas_hide_card (self);
  self->tab_anchor = -1;
  _cs_canvas_release_view (self);
  g_clear_pointer (&self->preview, cs_positions_unref);
  g_array_set_size (self->dragged, 0);
  self->drag_mode = CS_CANVAS_DRAG_NONE;
  _cs_canvas_forget_positions (self);
}

/* What a screen reader says of the canvas: the graph's title, what is
 * shown of it and what is selected (the organisation list, F8, lists the
 * nodes themselves) */
static void
update_accessible (CsCanvas *self)
{
  CsGraph *graph = self->view != NULL ? cs_view_state_get_graph (self->view) : NULL;
  g_autofree char *shown = NULL;
  g_autofree char *selected = NULL;
  g_autofree char *description = NULL;
  const char *title;
  guint n_nodes = 0, n_edges = 0, n_selected = 0;

  if (graph == NULL)
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Partnership graph"), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      _("No graph is open"), -1);
      return;
    }
  title = cs_graph_get_title (graph);
  cs_view_state_count_shown (self->view, &n_nodes, &n_edges);
  cs_view_state_get_selection (self->view, &n_selected);
  /* TRANSLATORS: the canvas described to a screen reader: how many nodes
   * and links are shown, of all of them */
  shown = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u node and %u of %u links shown",
                                        "%u of %u nodes and %u of %u links shown",
                                        cs_graph_get_n_nodes (graph)),
                           n_nodes, cs_graph_get_n_nodes (graph), n_edges,
                           cs_graph_get_n_edges (graph));
  if (n_selected == 1)
    /* TRANSLATORS: %s is the name of the one node selected */
    selected = g_strdup_printf (_("selected: %s"),
                                cs_graph_get_node (graph,
                                                   cs_view_state_get_selected_node (self->view))
                                    ->label);
  else if (n_selected > 1)
    selected = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u node selected",
                                             "%u nodes selected", n_selected),
                                n_selected);
  else
    selected = g_strdup (_("nothing selected"));
  /* TRANSLATORS: the two parts of the canvas's description for screen
   * readers: what is shown, then what is selected */
  description = g_strdup_printf (C_("canvas description", "%s; %s"), shown, selected);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  title != NULL && *title != '\0' ? title
                                                                   : _("Partnership graph"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
}

static void
cs_canvas_document_changed_cb (CsCanvas   *self,
                               GParamSpec *pspec,
                               CsDocument *document)
{
  _cs_canvas_invalidate_scene (self);
  if (g_str_equal (pspec->name, "positions"))
    _cs_canvas_positions_changed (self);
  if (g_str_equal (pspec->name, "graph"))
    {
      forget_nodes (self);
      _cs_canvas_update_actions (self);
      fit_now (self);
    }
}

static void
cs_canvas_view_graph_cb (CsCanvas    *self,
                         GParamSpec  *pspec,
                         CsViewState *view)
{
  forget_nodes (self);
  g_clear_pointer (&self->last_filter, cs_filter_free);
  self->last_filter = cs_filter_copy (cs_view_state_get_filter (view));
  _cs_canvas_invalidate_scene (self);
  _cs_canvas_update_actions (self);
  fit_now (self);
  update_accessible (self);
}

/* A new filter frames what it keeps (all of the graph when it keeps
 * everything), unless the user has moved the view since the last fit; a
 * step along the stages keeps the view, as it keeps the nodes' places. */
static void
frame_filtered (CsCanvas *self)
{
  const CsFilter *filter = cs_view_state_get_filter (self->view);
  g_autoptr(CsFilter) same_stage = cs_filter_copy (filter);
  gboolean changed;
  CsScene *scene;
  CsBounds bounds;

  g_free (same_stage->stage);
  same_stage->stage = self->last_filter != NULL ? g_strdup (self->last_filter->stage) : NULL;
  changed = self->last_filter != NULL && !cs_filter_equal (same_stage, self->last_filter);
  g_clear_pointer (&self->last_filter, cs_filter_free);
  self->last_filter = cs_filter_copy (filter);
  if (!changed || self->user_moved || (scene = cs_canvas_get_scene (self)) == NULL)
    return;
  if (!cs_filter_is_active (filter) || !cs_scene_get_shown_bounds (scene, &bounds))
    fit_now (self);
  else
    frame_bounds (self, &bounds);
}

static void
cs_canvas_view_visibility_cb (CsCanvas    *self,
                              CsViewState *view)
{
  const guint8 *shown = cs_view_state_get_node_shown (view);

  _cs_canvas_invalidate_scene (self);
  if (self->hover >= 0 && shown != NULL && !shown[self->hover])
    _cs_canvas_set_hover (self, -1);
  _cs_canvas_set_hover_edge (self, -1);
  frame_filtered (self);
  update_accessible (self);
}

static void
cs_canvas_view_selection_cb (CsCanvas    *self,
                             CsViewState *view)
{
  /* the selection's names are always drawn, clear of its ring */
  _cs_canvas_invalidate_scene (self);
  /* a panel opening for it must not move the nodes under the pointer */
  self->fitted = FALSE;
  self->camera_kept = FALSE;
  update_accessible (self);
}

CsDocument *
cs_canvas_get_document (CsCanvas *self)
{
  g_return_val_if_fail (CS_IS_CANVAS (self), NULL);

  return self->document;
}

/**
 * cs_canvas_set_document:
 * @self: a #CsCanvas
 * @document: (nullable): the document whose graph, positions and pins to draw
 */
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
    }

  forget_nodes (self);
  _cs_canvas_update_actions (self);
  _cs_canvas_invalidate_scene (self);
  fit_now (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

/**
 * cs_canvas_get_view_state:
 * @self: a #CsCanvas
 *
 * Returns: (transfer none) (nullable): what the canvas shows
 */
CsViewState *
cs_canvas_get_view_state (CsCanvas *self)
{
  g_return_val_if_fail (CS_IS_CANVAS (self), NULL);

  return self->view;
}

/**
 * cs_canvas_set_view_state:
 * @self: a #CsCanvas
 * @view: (nullable): the view state to show and change: selection,
 *   filter, sizing, labels, layers, pan and zoom
 */
void
cs_canvas_set_view_state (CsCanvas    *self,
                          CsViewState *view)
{
  g_return_if_fail (CS_IS_CANVAS (self));
  g_return_if_fail (view == NULL || CS_IS_VIEW_STATE (view));

  if (self->view == view)
    return;

  if (self->view != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->view, self);
      g_signal_handlers_disconnect_by_data (cs_view_state_get_viewport (self->view), self);
    }
  g_set_object (&self->view, view);
  if (view != NULL)
    {
      CsViewport *viewport = cs_view_state_get_viewport (view);
      const char *scene_properties[] = { "notify::sizing",         "notify::label-language",
                                         "notify::layers",         "notify::label-density",
                                         "notify::highlight-kind", "notify::highlight-id",
                                         "notify::legend-collapsed", "notify::color-by", "notify::size-by",
                                     "notify::shape-by", "notify::group-by" };

      g_signal_connect_object (view, "notify::graph", G_CALLBACK (cs_canvas_view_graph_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (view, "visibility-changed",
                               G_CALLBACK (cs_canvas_view_visibility_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (view, "selection-changed",
                               G_CALLBACK (cs_canvas_view_selection_cb), self, G_CONNECT_SWAPPED);
      for (guint i = 0; i < G_N_ELEMENTS (scene_properties); i++)
        g_signal_connect_object (view, scene_properties[i],
                                 G_CALLBACK (_cs_canvas_invalidate_scene), self,
                                 G_CONNECT_SWAPPED);
      g_signal_connect_object (viewport, "notify::zoom",
                               G_CALLBACK (cs_canvas_viewport_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (viewport, "notify::offset-x",
                               G_CALLBACK (cs_canvas_viewport_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (viewport, "notify::offset-y",
                               G_CALLBACK (cs_canvas_viewport_changed_cb), self, G_CONNECT_SWAPPED);
      cs_viewport_set_size (viewport, gtk_widget_get_width (GTK_WIDGET (self)),
                            gtk_widget_get_height (GTK_WIDGET (self)));
    }

  forget_nodes (self);
  _cs_canvas_update_actions (self);
  _cs_canvas_invalidate_scene (self);
  fit_now (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW_STATE]);
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
  _cs_canvas_invalidate_scene (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DARK]);
}

/**
 * cs_canvas_get_n_layers_drawn:
 * @self: a #CsCanvas
 *
 * How many times the kept layer under pans and zooms has been drawn and
 * put on screen (for tests: a big graph's is drawn in a worker).
 *
 * Returns: the count
 */
guint
cs_canvas_get_n_layers_drawn (CsCanvas *self)
{
  g_return_val_if_fail (CS_IS_CANVAS (self), 0);

  return self->n_layers_drawn;
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

  _cs_canvas_stop_kinetic (self);
  _cs_canvas_finish_transition (self);
  _cs_canvas_dispose_card (self);
  g_clear_pointer (&self->shown_positions, cs_positions_unref);
  g_clear_pointer (&self->last_filter, cs_filter_free);
  g_clear_handle_id (&self->sharpen_source, g_source_remove);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  if (self->view != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->view, self);
      g_signal_handlers_disconnect_by_data (cs_view_state_get_viewport (self->view), self);
    }
  g_clear_object (&self->document);
  g_clear_object (&self->view);
  g_clear_pointer (&self->scene, cs_scene_unref);
  g_clear_pointer (&self->layer_scene, cs_scene_unref);
  g_clear_pointer (&self->graph_layer, gsk_render_node_unref);
  g_clear_pointer (&self->hit_index, cs_spatial_grid_free);
  g_clear_pointer (&self->preview, cs_positions_unref);
  /* a layer still being drawn is thrown away when done */
  g_cancellable_cancel (self->layer_cancellable);

  G_OBJECT_CLASS (cs_canvas_parent_class)->dispose (object);
}

static void
cs_canvas_finalize (GObject *object)
{
  CsCanvas *self = (CsCanvas *)object;

  g_clear_pointer (&self->dragged, g_array_unref);
  g_clear_pointer (&self->marked, g_array_unref);
  g_clear_pointer (&self->drag_start_xy, g_free);
  g_clear_object (&self->layer_cancellable);
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

    case PROP_VIEW_STATE:
      g_value_set_object (value, self->view);
      break;

    case PROP_DARK:
      g_value_set_boolean (value, self->dark);
      break;

    case PROP_HOVER_NODE:
      g_value_set_int (value, self->hover);
      break;

    case PROP_HOVER_EDGE:
      g_value_set_int (value, self->hover_edge);
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

    case PROP_VIEW_STATE:
      cs_canvas_set_view_state (self, g_value_get_object (value));
      break;

    case PROP_DARK:
      cs_canvas_set_dark (self, g_value_get_boolean (value));
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
  properties[PROP_VIEW_STATE] =
    g_param_spec_object ("view-state", NULL, NULL, CS_TYPE_VIEW_STATE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DARK] =
    g_param_spec_boolean ("dark", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HOVER_NODE] =
    g_param_spec_int ("hover-node", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HOVER_EDGE] =
    g_param_spec_int ("hover-edge", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CsCanvas::node-activated:
   * @self: the canvas
   * @node: the node's index
   *
   * A node was double-clicked, or Enter was pressed on the selection.
   */
  _cs_canvas_signals[CS_CANVAS_NODE_ACTIVATED] =
    g_signal_new ("node-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  _cs_canvas_class_add_actions (widget_class);

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
  AdwStyleManager *manager = adw_style_manager_get_default ();

  self->dragged = g_array_new (FALSE, FALSE, sizeof (guint));
  self->marked = g_array_new (FALSE, FALSE, sizeof (guint));
  self->layer_cancellable = g_cancellable_new ();
  self->hover = -1;
  self->tab_anchor = -1;
  _cs_canvas_init_card (self);
  _cs_canvas_release_view (self);

  self->dark = adw_style_manager_get_dark (manager);
  cs_render_style_init_default (&self->style, self->dark);
  g_signal_connect_object (manager, "notify::dark",
                           G_CALLBACK (cs_canvas_style_manager_dark_cb), self, G_CONNECT_SWAPPED);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  _cs_canvas_add_gestures (self);
  _cs_canvas_update_actions (self);
  self->fit_pending = TRUE;
  update_accessible (self);
}

GtkWidget *
cs_canvas_new (void)
{
  return g_object_new (CS_TYPE_CANVAS, NULL);
}
