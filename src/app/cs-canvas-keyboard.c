/* cs-canvas-keyboard.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-canvas-private.h"

#include <math.h>

/* The canvas's actions and their keys: zoom, fit, pan, walking the
 * selection from node to neighbour, activating it, and the layers. Every
 * one of them is listed in the shortcuts window. */

#define ZOOM_STEP 1.25
#define PAN_STEP  60.0

static CsViewport *
viewport_of (CsCanvas *self)
{
  return cs_view_state_get_viewport (self->view);
}

static void
zoom_by (CsCanvas *self,
         double    factor)
{
  _cs_canvas_release_view (self);
  cs_viewport_zoom_at (viewport_of (self), cs_viewport_get_zoom (viewport_of (self)) * factor,
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
  _cs_canvas_release_view (self);
  cs_viewport_pan (viewport_of (self), dx, dy);
}

static void
cs_canvas_clear_selection_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  CsCanvas *self = CS_CANVAS (widget);

  self->tab_anchor = -1;
  cs_view_state_select_node (self->view, -1, CS_SELECTION_REPLACE);
  /* Escape clears a highlight from the legend too */
  cs_view_state_set_highlight (self->view, CS_HIGHLIGHT_NONE, 0);
}

/* Arrow keys move the selection to the neighbour that lies most in the
 * arrow's direction; with nothing selected they pan. */
/* Alt+arrows: the keyboard's drag. The selected nodes move that many
 * pixels on screen (Alt+Shift: five times as far), are pinned, and the
 * move is one step of undo, as a drag is. */
#define NUDGE_STEP 8.0

static void
cs_canvas_nudge_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  CsCanvas *self = CS_CANVAS (widget);
  CsPositions *positions = cs_document_get_positions (self->document);
  const guint *selection;
  guint n = 0;
  double dx, dy, zoom = cs_viewport_get_zoom (viewport_of (self));
  g_autofree double *xy = NULL;

  g_variant_get (parameter, "(dd)", &dx, &dy);
  selection = cs_view_state_get_selection (self->view, &n);
  if (n == 0 || positions == NULL || zoom <= 0)
    {
      gtk_widget_error_bell (widget);
      return;
    }
  xy = g_new (double, 2 * n);
  for (guint i = 0; i < n; i++)
    {
      xy[2 * i] = cs_positions_get_x (positions, selection[i]) + dx * NUDGE_STEP / zoom;
      xy[2 * i + 1] = cs_positions_get_y (positions, selection[i]) + dy * NUDGE_STEP / zoom;
    }
  cs_document_move_nodes (self->document, n, selection, xy, TRUE);
}

static void
cs_canvas_move_selection_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  CsCanvas *self = CS_CANVAS (widget);
  int current = cs_view_state_get_selected_node (self->view);
  CsScene *scene = cs_canvas_get_scene (self);
  double dx, dy, best_score = -G_MAXDOUBLE;
  int best = -1;
  const guint *edges;
  guint n_edges;
  double x0, y0;
  CsGraph *graph;

  g_variant_get (parameter, "(dd)", &dx, &dy);
  self->tab_anchor = -1;
  if (current < 0 || scene == NULL)
    {
      cs_viewport_pan (viewport_of (self), -dx * PAN_STEP, -dy * PAN_STEP);
      return;
    }

  graph = cs_scene_get_graph (scene);
  cs_scene_node_to_device (scene, current, &x0, &y0);
  edges = cs_graph_get_incident_edges (graph, current, &n_edges);
  for (guint e = 0; e < n_edges; e++)
    {
      const CsEdge *edge = cs_graph_get_edge (graph, edges[e]);
      guint other = edge->source == (guint)current ? edge->target : edge->source;
      double x, y, len, cosine;

      if (!cs_scene_is_node_shown (scene, other))
        continue;
      cs_scene_node_to_device (scene, other, &x, &y);
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
      cs_view_state_select_node (self->view, best, CS_SELECTION_REPLACE);
      _cs_canvas_reveal_node (self, best);
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
  CsGraph *graph = _cs_canvas_get_graph (self);
  int current = cs_view_state_get_selected_node (self->view);
  g_autoptr(GArray) ring = NULL;
  g_autoptr(GHashTable) seen = NULL;
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
      cs_view_state_select_node (self->view, best, CS_SELECTION_REPLACE);
      _cs_canvas_reveal_node (self, best);
      return;
    }

  /* Tab walks round the neighbours of the node it started from (the
   * anchor); any other way of selecting starts a new walk */
  anchor = current;
  if (self->tab_anchor >= 0 && self->tab_anchor < (int)cs_graph_get_n_nodes (graph))
    anchor = self->tab_anchor;
  ring = g_array_new (FALSE, FALSE, sizeof (guint));
  seen = g_hash_table_new (NULL, NULL);
  g_hash_table_add (seen, GUINT_TO_POINTER (anchor));
  edges = cs_graph_get_incident_edges (graph, anchor, &n_edges);
  for (guint e = 0; e < n_edges; e++)
    {
      const CsEdge *edge = cs_graph_get_edge (graph, edges[e]);
      guint other = edge->source == (guint)anchor ? edge->target : edge->source;

      if (g_hash_table_add (seen, GUINT_TO_POINTER (other)))
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
    cs_view_state_select_node (self->view, next, CS_SELECTION_REPLACE);
    self->tab_anchor = anchor;
    _cs_canvas_reveal_node (self, next);
  }
}

static void
cs_canvas_activate_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  CsCanvas *self = CS_CANVAS (widget);
  int node = cs_view_state_get_selected_node (self->view);

  if (node < 0)
    return;
  cs_canvas_focus_node (self, node);
  g_signal_emit (self, _cs_canvas_signals[CS_CANVAS_NODE_ACTIVATED], 0, node);
}

static void
cs_canvas_toggle_layer_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  CsCanvas *self = CS_CANVAS (widget);
  CsLayers layer = g_str_equal (action_name, "canvas.toggle-legend") ? CS_LAYER_LEGEND
                                                                     : CS_LAYER_HULLS;

  cs_view_state_set_layer (self->view, layer,
                           (cs_view_state_get_layers (self->view) & layer) == 0);
}

void
_cs_canvas_update_actions (CsCanvas *self)
{
  gboolean ready = _cs_canvas_get_graph (self) != NULL && self->view != NULL;
  const char *names[] = {
    "canvas.zoom-in",         "canvas.zoom-out",      "canvas.fit",
    "canvas.pan",             "canvas.move-selection", "canvas.next-neighbour",
    "canvas.clear-selection", "canvas.activate",      "canvas.toggle-legend",
    "canvas.toggle-hulls",    "canvas.nudge",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), names[i], ready);
}

void
_cs_canvas_class_add_actions (GtkWidgetClass *widget_class)
{
  static const struct
  {
    guint           key;
    GdkModifierType mods;
    const char     *action;
    double          dx, dy;
  } moves[] = {
    { GDK_KEY_Left, 0, "canvas.move-selection", -1, 0 },
    { GDK_KEY_Right, 0, "canvas.move-selection", 1, 0 },
    { GDK_KEY_Up, 0, "canvas.move-selection", 0, -1 },
    { GDK_KEY_Down, 0, "canvas.move-selection", 0, 1 },
    { GDK_KEY_Left, GDK_ALT_MASK, "canvas.nudge", -1, 0 },
    { GDK_KEY_Right, GDK_ALT_MASK, "canvas.nudge", 1, 0 },
    { GDK_KEY_Up, GDK_ALT_MASK, "canvas.nudge", 0, -1 },
    { GDK_KEY_Down, GDK_ALT_MASK, "canvas.nudge", 0, 1 },
    { GDK_KEY_Left, GDK_ALT_MASK | GDK_SHIFT_MASK, "canvas.nudge", -5, 0 },
    { GDK_KEY_Right, GDK_ALT_MASK | GDK_SHIFT_MASK, "canvas.nudge", 5, 0 },
    { GDK_KEY_Up, GDK_ALT_MASK | GDK_SHIFT_MASK, "canvas.nudge", 0, -5 },
    { GDK_KEY_Down, GDK_ALT_MASK | GDK_SHIFT_MASK, "canvas.nudge", 0, 5 },
    { GDK_KEY_Left, GDK_CONTROL_MASK, "canvas.pan", PAN_STEP, 0 },
    { GDK_KEY_Right, GDK_CONTROL_MASK, "canvas.pan", -PAN_STEP, 0 },
    { GDK_KEY_Up, GDK_CONTROL_MASK, "canvas.pan", 0, PAN_STEP },
    { GDK_KEY_Down, GDK_CONTROL_MASK, "canvas.pan", 0, -PAN_STEP },
  };
  static const struct
  {
    guint           key;
    GdkModifierType mods;
    const char     *action;
  } keys[] = {
    { GDK_KEY_plus, 0, "canvas.zoom-in" },
    { GDK_KEY_equal, 0, "canvas.zoom-in" },
    { GDK_KEY_KP_Add, 0, "canvas.zoom-in" },
    { GDK_KEY_plus, GDK_CONTROL_MASK, "canvas.zoom-in" },
    { GDK_KEY_minus, 0, "canvas.zoom-out" },
    { GDK_KEY_KP_Subtract, 0, "canvas.zoom-out" },
    { GDK_KEY_minus, GDK_CONTROL_MASK, "canvas.zoom-out" },
    { GDK_KEY_0, 0, "canvas.fit" },
    { GDK_KEY_KP_0, 0, "canvas.fit" },
    { GDK_KEY_0, GDK_CONTROL_MASK, "canvas.fit" },
    { GDK_KEY_Escape, 0, "canvas.clear-selection" },
    { GDK_KEY_Return, 0, "canvas.activate" },
    { GDK_KEY_KP_Enter, 0, "canvas.activate" },
    { GDK_KEY_l, 0, "canvas.toggle-legend" },
    { GDK_KEY_h, 0, "canvas.toggle-hulls" },
  };

  gtk_widget_class_install_action (widget_class, "canvas.zoom-in", NULL, cs_canvas_zoom_in_action);
  gtk_widget_class_install_action (widget_class, "canvas.zoom-out", NULL,
                                   cs_canvas_zoom_out_action);
  gtk_widget_class_install_action (widget_class, "canvas.fit", NULL, cs_canvas_fit_action);
  gtk_widget_class_install_action (widget_class, "canvas.pan", "(dd)", cs_canvas_pan_action);
  gtk_widget_class_install_action (widget_class, "canvas.move-selection", "(dd)",
                                   cs_canvas_move_selection_action);
  gtk_widget_class_install_action (widget_class, "canvas.next-neighbour", "i",
                                   cs_canvas_next_neighbour_action);
  gtk_widget_class_install_action (widget_class, "canvas.nudge", "(dd)", cs_canvas_nudge_action);
  gtk_widget_class_install_action (widget_class, "canvas.clear-selection", NULL,
                                   cs_canvas_clear_selection_action);
  gtk_widget_class_install_action (widget_class, "canvas.activate", NULL,
                                   cs_canvas_activate_action);
  gtk_widget_class_install_action (widget_class, "canvas.toggle-legend", NULL,
                                   cs_canvas_toggle_layer_action);
  gtk_widget_class_install_action (widget_class, "canvas.toggle-hulls", NULL,
                                   cs_canvas_toggle_layer_action);

  for (guint i = 0; i < G_N_ELEMENTS (moves); i++)
    gtk_widget_class_add_binding_action (widget_class, moves[i].key, moves[i].mods,
                                         moves[i].action, "(dd)", moves[i].dx, moves[i].dy);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_widget_class_add_binding_action (widget_class, keys[i].key, keys[i].mods, keys[i].action,
                                         NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Tab, 0, "canvas.next-neighbour", "i",
                                       1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK,
                                       "canvas.next-neighbour", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Tab, GDK_SHIFT_MASK,
                                       "canvas.next-neighbour", "i", -1);
}
