/* cs-canvas-gestures.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-canvas-private.h"

#include <math.h>

/* The pointer: click to select, drag the background to pan or a node to
 * move it, Shift-drag a rubber band, wheel and pinch to zoom, hover to
 * bring a node's links forward. Each turns into a change of the view
 * state or the document. */

#define WHEEL_STEP 1.15


/* how far from a link's course a click still selects it, in pixels */
#define EDGE_HIT_SLOP 4.0

static CsSelectionMode
mode_for_state (GdkModifierType state)
{
  if ((state & GDK_CONTROL_MASK) != 0)
    return CS_SELECTION_TOGGLE;
  if ((state & GDK_SHIFT_MASK) != 0)
    return CS_SELECTION_EXTEND;
  return CS_SELECTION_REPLACE;
}

/* A click on the legend: its header folds it, an entry highlights what it
 * stands for, and a second click on the same entry clears that. */
static void
legend_clicked (CsCanvas    *self,
                CsLegendHit  hit,
                guint        id)
{
  CsHighlightKind kind, current;
  guint current_id = 0;

  switch (hit)
    {
    case CS_LEGEND_HIT_TOGGLE:
      cs_view_state_set_legend_collapsed (self->view,
                                          !cs_view_state_get_legend_collapsed (self->view));
      return;
    case CS_LEGEND_HIT_TYPE:
      kind = CS_HIGHLIGHT_TYPE;
      break;
    case CS_LEGEND_HIT_RELATION:
      kind = CS_HIGHLIGHT_RELATION;
      break;
    case CS_LEGEND_HIT_CONSORTIUM:
      kind = CS_HIGHLIGHT_CONSORTIUM;
      break;
    case CS_LEGEND_HIT_BOX:
    case CS_LEGEND_HIT_NONE:
    default:
      return;
    }
  current = cs_view_state_get_highlight (self->view, &current_id);
  if (current == kind && current_id == id)
    cs_view_state_set_highlight (self->view, CS_HIGHLIGHT_NONE, 0);
  else
    cs_view_state_set_highlight (self->view, kind, id);
}

static void
cs_canvas_click_pressed_cb (CsCanvas        *self,
                            int              n_press,
                            double           x,
                            double           y,
                            GtkGestureClick *click)
{
  GdkModifierType state =
      gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (click));
  int node = _cs_canvas_hit_test (self, x, y);
  CsScene *scene = cs_canvas_get_scene (self);
  CsLegendHit hit = CS_LEGEND_HIT_NONE;
  guint id = 0;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  self->tab_anchor = -1;
  if (self->view == NULL)
    return;
  if (scene != NULL && n_press == 1)
    hit = cs_renderer_legend_hit_test (scene, x, y, &id);
  if (hit != CS_LEGEND_HIT_NONE)
    {
      legend_clicked (self, hit, id);
      return;
    }
  if (n_press == 2 && node >= 0)
    {
      cs_view_state_select_node (self->view, node, CS_SELECTION_REPLACE);
      cs_canvas_focus_node (self, node);
      g_signal_emit (self, _cs_canvas_signals[CS_CANVAS_NODE_ACTIVATED], 0, node);
      return;
    }
  if (n_press != 1)
    return;
  if (node >= 0)
    {
      /* a plain press on a selected node keeps the selection: it may be
       * the start of dragging them all */
      if (mode_for_state (state) != CS_SELECTION_REPLACE ||
          !cs_view_state_is_selected (self->view, node))
        cs_view_state_select_node (self->view, node, mode_for_state (state));
    }
  else if (mode_for_state (state) == CS_SELECTION_REPLACE)
    {
      /* a link under the press is selected, to inspect its role and
       * sources; the background clears the selection */
      int edge = scene != NULL ? cs_renderer_hit_test_edge (scene, x, y, EDGE_HIT_SLOP) : -1;

      if (edge >= 0)
        cs_view_state_select_edge (self->view, edge);
      else
        cs_view_state_select_node (self->view, -1, CS_SELECTION_REPLACE);
    }
}

static void
cs_canvas_drag_begin_cb (CsCanvas       *self,
                         double          x,
                         double          y,
                         GtkGestureDrag *gesture)
{
  GdkModifierType state =
      gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  CsViewport *viewport;
  int node;

  if (self->view == NULL || cs_canvas_get_scene (self) == NULL)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }
  /* a node grabbed mid-glide is grabbed where it lands */
  _cs_canvas_finish_transition (self);
  node = _cs_canvas_hit_test (self, x, y);
  viewport = cs_view_state_get_viewport (self->view);
  _cs_canvas_stop_kinetic (self);
  _cs_canvas_release_view (self);
  self->drag_x = x;
  self->drag_y = y;
  self->drag_dx = self->drag_dy = 0;
  self->drag_offset_x = cs_viewport_get_offset_x (viewport);
  self->drag_offset_y = cs_viewport_get_offset_y (viewport);
  self->drag_extend = (state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK)) != 0;
  g_array_set_size (self->dragged, 0);
  g_clear_pointer (&self->drag_start_xy, g_free);

  if (node >= 0)
    {
      CsPositions *positions = cs_document_get_positions (self->document);

      self->drag_mode = CS_CANVAS_DRAG_NODES;
      /* dragging a selected node moves the whole selection */
      if (cs_view_state_is_selected (self->view, node))
        {
          guint n;
          const guint *selection = cs_view_state_get_selection (self->view, &n);

          g_array_append_vals (self->dragged, selection, n);
        }
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
    self->drag_mode = CS_CANVAS_DRAG_RUBBER_BAND;
  else
    {
      self->drag_mode = CS_CANVAS_DRAG_PAN;
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
    }
  /* no card while something moves */
  _cs_canvas_update_card (self);
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
    case CS_CANVAS_DRAG_PAN:
      cs_viewport_set_offset (cs_view_state_get_viewport (self->view), self->drag_offset_x + dx,
                              self->drag_offset_y + dy);
      break;

    case CS_CANVAS_DRAG_NODES:
      {
        CsPositions *positions = cs_document_get_positions (self->document);
        double zoom = cs_viewport_get_zoom (cs_view_state_get_viewport (self->view));
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
        _cs_canvas_invalidate_scene (self);
      }
      break;

    case CS_CANVAS_DRAG_RUBBER_BAND:
      gtk_widget_queue_draw (GTK_WIDGET (self));
      break;

    case CS_CANVAS_DRAG_NONE:
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
  CsCanvasDrag mode = self->drag_mode;

  cs_canvas_drag_update_cb (self, dx, dy, gesture);
  self->drag_mode = CS_CANVAS_DRAG_NONE;
  gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
  _cs_canvas_update_card (self);

  if (mode == CS_CANVAS_DRAG_NODES && self->preview != NULL)
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
      self->committing_drag = TRUE;
      cs_document_move_nodes (self->document, self->dragged->len,
                              (const guint *)self->dragged->data, xy, TRUE);
      self->committing_drag = FALSE;
    }
  else if (mode == CS_CANVAS_DRAG_RUBBER_BAND)
    {
      CsScene *scene = cs_canvas_get_scene (self);
      double x0 = MIN (self->drag_x, self->drag_x + dx), x1 = MAX (self->drag_x, self->drag_x + dx);
      double y0 = MIN (self->drag_y, self->drag_y + dy), y1 = MAX (self->drag_y, self->drag_y + dy);
      g_autoptr(GArray) inside = g_array_new (FALSE, FALSE, sizeof (guint));

      for (guint i = 0; scene != NULL && i < cs_graph_get_n_nodes (cs_scene_get_graph (scene)); i++)
        {
          double x, y;

          cs_scene_node_to_device (scene, i, &x, &y);
          if (x >= x0 && x <= x1 && y >= y0 && y <= y1 && cs_scene_is_node_shown (scene, i))
            g_array_append_val (inside, i);
        }
      cs_view_state_select_nodes (self->view, (const guint *)inside->data, inside->len,
                                  CS_SELECTION_EXTEND);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
  g_array_set_size (self->dragged, 0);
}

/* A pan that ends with speed glides on and slows down, like a map. */
static void
cs_canvas_swipe_cb (CsCanvas        *self,
                    double           vx,
                    double           vy,
                    GtkGestureSwipe *swipe)
{
  CsViewport *viewport;

  if (self->drag_mode != CS_CANVAS_DRAG_NONE || self->view == NULL)
    return;
  viewport = cs_view_state_get_viewport (self->view);
  /* only a pan glides: the swipe follows every drag, so check what moved */
  if (self->dragged->len > 0 ||
      fabs (cs_viewport_get_offset_x (viewport) - self->drag_offset_x) +
              fabs (cs_viewport_get_offset_y (viewport) - self->drag_offset_y) <
          1)
    return;
  _cs_canvas_start_kinetic (self, vx, vy);
}

static void
cs_canvas_motion_cb (CsCanvas                 *self,
                     double                    x,
                     double                    y,
                     GtkEventControllerMotion *motion)
{
  int node;

  self->pointer_x = x;
  self->pointer_y = y;
  self->pointer_inside = TRUE;
  if (self->drag_mode != CS_CANVAS_DRAG_NONE)
    return;
  node = _cs_canvas_hit_test (self, x, y);
  if (node >= 0)
    {
      _cs_canvas_stop_looking_for_edge (self);
      _cs_canvas_set_hover_edge (self, -1);
    }
  else
    _cs_canvas_look_for_edge (self);
  _cs_canvas_set_hover (self, node);
}

static void
cs_canvas_leave_cb (CsCanvas                 *self,
                    GtkEventControllerMotion *motion)
{
  self->pointer_inside = FALSE;
  _cs_canvas_stop_looking_for_edge (self);
  _cs_canvas_set_hover_edge (self, -1);
  _cs_canvas_set_hover (self, -1);
}

static gboolean
cs_canvas_scroll_cb (CsCanvas                 *self,
                     double                    dx,
                     double                    dy,
                     GtkEventControllerScroll *scroll)
{
  CsViewport *viewport;
  double factor;

  if (self->view == NULL)
    return FALSE;
  viewport = cs_view_state_get_viewport (self->view);
  _cs_canvas_stop_kinetic (self);
  _cs_canvas_release_view (self);
  if (gtk_event_controller_scroll_get_unit (scroll) == GDK_SCROLL_UNIT_SURFACE)
    factor = exp (-dy / 200.0); /* touchpads: smooth, proportional */
  else
    factor = pow (WHEEL_STEP, -dy);

  cs_viewport_zoom_at (viewport, cs_viewport_get_zoom (viewport) * factor, self->pointer_x,
                       self->pointer_y);
  return TRUE;
}

static void
cs_canvas_pinch_begin_cb (CsCanvas         *self,
                          GdkEventSequence *sequence,
                          GtkGestureZoom   *gesture)
{
  _cs_canvas_stop_kinetic (self);
  _cs_canvas_release_view (self);
  if (self->view != NULL)
    self->pinch_zoom = cs_viewport_get_zoom (cs_view_state_get_viewport (self->view));
}

static void
cs_canvas_pinch_scale_changed_cb (CsCanvas       *self,
                                  double          scale,
                                  GtkGestureZoom *gesture)
{
  double x, y;

  if (self->view == NULL)
    return;
  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    {
      x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
      y = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
    }
  cs_viewport_zoom_at (cs_view_state_get_viewport (self->view), self->pinch_zoom * scale, x, y);
}

void
_cs_canvas_add_gestures (CsCanvas *self)
{
  GtkGesture *drag;
  GtkGesture *swipe;
  GtkGesture *click;
  GtkGesture *pinch;
  GtkEventController *scroll;
  GtkEventController *motion;

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
}
