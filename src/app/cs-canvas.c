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

#define FIT_MARGIN   24.0
#define ZOOM_STEP    1.25
#define WHEEL_STEP   1.15
#define TOOLTIP_MAX_LINKS 10

struct _CsCanvas
{
  GtkWidget      parent_instance;

  /* owned */
  CsDocument    *document;
  CsViewport    *viewport;
  GskRenderNode *graph_layer; /* cache of the drawn graph, nullable */
  CsRenderStyle  style;

  /* state */
  double         pointer_x;
  double         pointer_y;
  double         drag_offset_x;
  double         drag_offset_y;
  double         pinch_zoom;
  guint          n_frames;
  guint          dark : 1;
  guint          fit_pending : 1;
};

G_DEFINE_FINAL_TYPE (CsCanvas, cs_canvas, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_DARK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
invalidate (CsCanvas *self)
{
  g_clear_pointer (&self->graph_layer, gsk_render_node_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
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

  if (self->document == NULL)
    return FALSE;
  graph = cs_document_get_graph (self->document);
  positions = cs_document_get_positions (self->document);
  if (graph == NULL || positions == NULL)
    return FALSE;

  cs_render_scene_init (scene, graph, positions, &self->style,
                        gtk_widget_get_width (GTK_WIDGET (self)),
                        gtk_widget_get_height (GTK_WIDGET (self)));
  scene->zoom = cs_viewport_get_zoom (self->viewport);
  scene->offset_x = cs_viewport_get_offset_x (self->viewport);
  scene->offset_y = cs_viewport_get_offset_y (self->viewport);
  return TRUE;
}

static void
cs_canvas_snapshot (GtkWidget   *widget,
                    GtkSnapshot *snapshot)
{
  CsCanvas *self = CS_CANVAS (widget);
  CsRenderScene scene;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  if (width <= 0 || height <= 0 || !cs_canvas_get_scene (self, &scene))
    return;

  if (self->graph_layer == NULL)
    {
      g_autoptr(GtkSnapshot) layer = gtk_snapshot_new ();
      cairo_t *cr = gtk_snapshot_append_cairo (layer, &GRAPHENE_RECT_INIT (0, 0, width, height));

      cs_renderer_draw (cr, &scene);
      cairo_destroy (cr);
      self->graph_layer = gtk_snapshot_free_to_node (g_steal_pointer (&layer));
    }

  if (self->graph_layer != NULL)
    gtk_snapshot_append_node (snapshot, self->graph_layer);
  self->n_frames++;
}

static void
fit_now (CsCanvas *self)
{
  CsRenderScene scene;
  CsBounds bounds;
  CsBounds area;
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  if (width <= 0 || height <= 0 || !cs_canvas_get_scene (self, &scene))
    {
      self->fit_pending = TRUE;
      return;
    }
  self->fit_pending = FALSE;
  cs_render_scene_get_world_bounds (&scene, &bounds);
  cs_render_scene_get_graph_area (&scene, FIT_MARGIN, &area);
  cs_viewport_fit_area (self->viewport, &bounds, &area);
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

  fit_now (self);
}

static void
cs_canvas_size_allocate (GtkWidget *widget,
                         int        width,
                         int        height,
                         int        baseline)
{
  CsCanvas *self = CS_CANVAS (widget);

  if (self->fit_pending)
    fit_now (self);
  invalidate (self);
}

static gboolean
cs_canvas_query_tooltip (GtkWidget  *widget,
                         int         x,
                         int         y,
                         gboolean    keyboard_mode,
                         GtkTooltip *tooltip)
{
  CsCanvas *self = CS_CANVAS (widget);
  CsRenderScene scene;
  g_autofree char *markup = NULL;
  int hit;

  if (keyboard_mode || !cs_canvas_get_scene (self, &scene))
    return FALSE;
  hit = cs_renderer_hit_test (&scene, x, y);
  if (hit < 0)
    return FALSE;

  markup = cs_node_summary_markup (scene.graph, hit, TOOLTIP_MAX_LINKS);
  gtk_tooltip_set_markup (tooltip, markup);
  return TRUE;
}

static void
cs_canvas_drag_begin_cb (CsCanvas       *self,
                         double          x,
                         double          y,
                         GtkGestureDrag *gesture)
{
  self->drag_offset_x = cs_viewport_get_offset_x (self->viewport);
  self->drag_offset_y = cs_viewport_get_offset_y (self->viewport);
  gtk_widget_grab_focus (GTK_WIDGET (self));
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
}

static void
cs_canvas_drag_update_cb (CsCanvas       *self,
                          double          dx,
                          double          dy,
                          GtkGestureDrag *gesture)
{
  cs_viewport_set_offset (self->viewport, self->drag_offset_x + dx, self->drag_offset_y + dy);
}

static void
cs_canvas_drag_end_cb (CsCanvas       *self,
                       double          dx,
                       double          dy,
                       GtkGestureDrag *gesture)
{
  gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
}

static void
cs_canvas_motion_cb (CsCanvas                 *self,
                     double                    x,
                     double                    y,
                     GtkEventControllerMotion *motion)
{
  self->pointer_x = x;
  self->pointer_y = y;
}

static gboolean
cs_canvas_scroll_cb (CsCanvas                 *self,
                     double                    dx,
                     double                    dy,
                     GtkEventControllerScroll *scroll)
{
  double factor;

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

static void
zoom_by (CsCanvas *self,
         double    factor)
{
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
  cs_viewport_pan (self->viewport, dx, dy);
}

static void
cs_canvas_document_changed_cb (CsCanvas   *self,
                               GParamSpec *pspec,
                               CsDocument *document)
{
  if (g_str_equal (pspec->name, "graph"))
    fit_now (self);
  invalidate (self);
}

static void
update_actions (CsCanvas *self)
{
  gboolean has_graph = self->document != NULL && cs_document_get_graph (self->document) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "canvas.zoom-in", has_graph);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "canvas.zoom-out", has_graph);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "canvas.fit", has_graph);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "canvas.pan", has_graph);
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

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  g_clear_pointer (&self->graph_layer, gsk_render_node_unref);

  G_OBJECT_CLASS (cs_canvas_parent_class)->dispose (object);
}

static void
cs_canvas_finalize (GObject *object)
{
  CsCanvas *self = (CsCanvas *)object;

  g_clear_object (&self->viewport);
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
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "canvas.zoom-in", NULL, cs_canvas_zoom_in_action);
  gtk_widget_class_install_action (widget_class, "canvas.zoom-out", NULL, cs_canvas_zoom_out_action);
  gtk_widget_class_install_action (widget_class, "canvas.fit", NULL, cs_canvas_fit_action);
  gtk_widget_class_install_action (widget_class, "canvas.pan", "(dd)", cs_canvas_pan_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, 0, "canvas.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, 0, "canvas.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, 0, "canvas.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "canvas.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, 0, "canvas.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, 0, "canvas.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "canvas.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, 0, "canvas.fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, 0, "canvas.fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "canvas.fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "canvas.pan", "(dd)", 60.0, 0.0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "canvas.pan", "(dd)", -60.0, 0.0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, 0, "canvas.pan", "(dd)", 0.0, 60.0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, 0, "canvas.pan", "(dd)", 0.0, -60.0);

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
  GtkGesture *pinch;
  GtkEventController *scroll;
  GtkEventController *motion;
  AdwStyleManager *manager = adw_style_manager_get_default ();

  self->viewport = cs_viewport_new ();
  g_signal_connect_object (self->viewport, "notify", G_CALLBACK (invalidate), self, G_CONNECT_SWAPPED);

  self->dark = adw_style_manager_get_dark (manager);
  cs_render_style_init_default (&self->style, self->dark);
  g_signal_connect_object (manager, "notify::dark",
                           G_CALLBACK (cs_canvas_style_manager_dark_cb), self, G_CONNECT_SWAPPED);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  drag = gtk_gesture_drag_new ();
  g_signal_connect_swapped (drag, "drag-begin", G_CALLBACK (cs_canvas_drag_begin_cb), self);
  g_signal_connect_swapped (drag, "drag-update", G_CALLBACK (cs_canvas_drag_update_cb), self);
  g_signal_connect_swapped (drag, "drag-end", G_CALLBACK (cs_canvas_drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  g_signal_connect_swapped (scroll, "scroll", G_CALLBACK (cs_canvas_scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);

  motion = gtk_event_controller_motion_new ();
  g_signal_connect_swapped (motion, "enter", G_CALLBACK (cs_canvas_motion_cb), self);
  g_signal_connect_swapped (motion, "motion", G_CALLBACK (cs_canvas_motion_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  pinch = gtk_gesture_zoom_new ();
  g_signal_connect_swapped (pinch, "begin", G_CALLBACK (cs_canvas_pinch_begin_cb), self);
  g_signal_connect_swapped (pinch, "scale-changed", G_CALLBACK (cs_canvas_pinch_scale_changed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (pinch));

  update_actions (self);
  self->fit_pending = TRUE;
}

GtkWidget *
cs_canvas_new (void)
{
  return g_object_new (CS_TYPE_CANVAS, NULL);
}
