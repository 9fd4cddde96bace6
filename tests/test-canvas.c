/* test-canvas.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The canvas's mouse and keyboard handling, driven through its own event
 * controllers and actions in a real window (Xvfb in CI).
 */

#include "config.h"

#include "cs-inspector.h"
#include "cs-renderer.h"
#include "cs-canvas-private.h"
#include "cs-window.h"
#include "test-gui-support.h"
#include "test-support.h"

#include <glib/gstdio.h>
#include <math.h>

typedef struct
{
  CsWindow    *window;
  CsCanvas    *canvas;
  CsDocument  *document;
  CsViewState *view;
  CsGraph     *graph;
} Fixture;

static void
settle (Fixture *f)
{
  guint frames = cs_canvas_get_n_frames (f->canvas);
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  gtk_widget_queue_draw (GTK_WIDGET (f->canvas));
  while (cs_canvas_get_n_frames (f->canvas) == frames)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      cs_test_iterate ();
    }
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "good",
                                                 data ? data : "small.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  f->window = g_object_new (CS_TYPE_WINDOW, NULL);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1000, 700);
  f->canvas = cs_window_get_canvas (f->window);
  f->document = cs_window_get_document (f->window);
  f->view = cs_window_get_view_state (f->window);
  cs_window_open (f->window, file);
  gtk_window_present (GTK_WINDOW (f->window));
  while (cs_document_get_graph (f->document) == NULL || cs_document_get_busy (f->document))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      cs_test_iterate ();
    }
  f->graph = cs_document_get_graph (f->document);
  settle (f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static guint
node (Fixture    *f,
      const char *id)
{
  guint index;

  g_assert_true (cs_graph_lookup (f->graph, id, &index));
  return index;
}

static void
node_xy (Fixture *f,
         guint    index,
         double  *x,
         double  *y)
{
  CsScene *scene = cs_canvas_get_scene (f->canvas);

  g_assert_nonnull (scene);
  cs_scene_node_to_device (scene, index, x, y);
}

static GtkEventController *
controller (Fixture *f,
            GType    type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (f->canvas));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) c = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (c, type))
        return c;
    }
  g_assert_not_reached ();
}

static void
press (Fixture *f,
       int      n_press,
       double   x,
       double   y)
{
  g_signal_emit_by_name (controller (f, GTK_TYPE_GESTURE_CLICK), "pressed", n_press, x, y);
}

static void
drag (Fixture *f,
      double   x,
      double   y,
      double   dx,
      double   dy)
{
  GtkEventController *gesture = controller (f, GTK_TYPE_GESTURE_DRAG);

  g_signal_emit_by_name (gesture, "drag-begin", x, y);
  g_signal_emit_by_name (gesture, "drag-update", dx / 2, dy / 2);
  g_signal_emit_by_name (gesture, "drag-update", dx, dy);
  g_signal_emit_by_name (gesture, "drag-end", dx, dy);
}

static void
count_cb (gpointer  instance,
          guint    *count)
{
  (*count)++;
}

static void
activated_cb (CsCanvas *canvas,
              guint     index,
              int      *out)
{
  *out = index;
}

static void
test_hover (Fixture       *f,
            gconstpointer  data)
{
  GtkEventController *motion = controller (f, GTK_TYPE_EVENT_CONTROLLER_MOTION);
  guint skt = node (f, "skt");
  double x, y;

  node_xy (f, skt, &x, &y);
  g_signal_emit_by_name (motion, "motion", x + 1, y);
  g_assert_cmpint (cs_canvas_get_hover_node (f->canvas), ==, skt);
  g_signal_emit_by_name (motion, "motion", 2.0, 2.0);
  g_assert_cmpint (cs_canvas_get_hover_node (f->canvas), ==, -1);
  g_signal_emit_by_name (motion, "motion", x, y);
  g_signal_emit_by_name (motion, "leave");
  g_assert_cmpint (cs_canvas_get_hover_node (f->canvas), ==, -1);
}

static void
wait_for_card (Fixture *f,
               gboolean visible)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (gtk_widget_get_visible (f->canvas->card) != visible)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      cs_test_iterate ();
    }
  settle (f);
}

/* how many of @node's neighbours (and whether @node itself) the card covers */
static guint
card_covers (Fixture  *f,
             guint     node_index,
             gboolean *covers_node)
{
  CsScene *scene = cs_canvas_get_scene (f->canvas);
  graphene_rect_t card;
  const guint *edges;
  guint n_edges, covered = 0;
  double x, y;

  g_assert_true (gtk_widget_compute_bounds (f->canvas->card, GTK_WIDGET (f->canvas), &card));
  node_xy (f, node_index, &x, &y);
  *covers_node = graphene_rect_contains_point (&card, &GRAPHENE_POINT_INIT (x, y));
  edges = cs_graph_get_incident_edges (f->graph, node_index, &n_edges);
  for (guint e = 0; e < n_edges; e++)
    {
      const CsEdge *edge = cs_graph_get_edge (f->graph, edges[e]);

      cs_scene_node_to_device (scene, edge->source == node_index ? edge->target : edge->source,
                               &x, &y);
      covered += graphene_rect_contains_point (&card, &GRAPHENE_POINT_INIT (x, y));
    }
  return covered;
}

/* Resting on a node brings up a card beside it: the node's summary, inside
 * the canvas, over neither the node nor its neighbours; the next node's
 * card comes at once; off the nodes it goes */
static void
test_hover_card (Fixture       *f,
                 gconstpointer  data)
{
  GtkEventController *motion = controller (f, GTK_TYPE_EVENT_CONTROLLER_MOTION);
  guint skt = node (f, "skt"), kaist = node (f, "kaist");
  graphene_rect_t card;
  gboolean covers_node;
  double x, y;

  g_assert_false (gtk_widget_get_visible (f->canvas->card));
  node_xy (f, skt, &x, &y);
  g_signal_emit_by_name (motion, "motion", x, y);
  /* not at once: the pointer may only be passing */
  g_assert_false (gtk_widget_get_visible (f->canvas->card));
  wait_for_card (f, TRUE);
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (f->canvas->card)),
                                   cs_graph_get_node (f->graph, skt)->label));
  g_assert_true (gtk_widget_compute_bounds (f->canvas->card, GTK_WIDGET (f->canvas), &card));
  g_assert_cmpfloat (card.size.width, >, 50);
  g_assert_cmpfloat (card.origin.x, >=, 0);
  g_assert_cmpfloat (card.origin.y, >=, 0);
  g_assert_cmpfloat (card.origin.x + card.size.width, <=,
                     gtk_widget_get_width (GTK_WIDGET (f->canvas)));
  g_assert_cmpfloat (card.origin.y + card.size.height, <=,
                     gtk_widget_get_height (GTK_WIDGET (f->canvas)));
  g_assert_cmpuint (card_covers (f, skt, &covers_node), ==, 0);
  g_assert_false (covers_node);
  /* the pointer takes no notice of it */
  g_assert_false (gtk_widget_get_can_target (f->canvas->card));

  /* the next node's card comes without a wait, moved beside it */
  node_xy (f, kaist, &x, &y);
  g_signal_emit_by_name (motion, "motion", x, y);
  g_assert_true (gtk_widget_get_visible (f->canvas->card));
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (f->canvas->card)),
                                   cs_graph_get_node (f->graph, kaist)->label));
  settle (f);
  g_assert_cmpuint (card_covers (f, kaist, &covers_node), ==, 0);
  g_assert_false (covers_node);

  /* none while dragging, none off the graph */
  g_signal_emit_by_name (motion, "leave");
  g_assert_false (gtk_widget_get_visible (f->canvas->card));
  /* the keyboard's tooltip stays for the selection alone */
  g_assert_true (gtk_widget_get_has_tooltip (GTK_WIDGET (f->canvas)));
}

/* Resting on a link (no node under the pointer) brings it forward and
 * brings up its card: both ends, the relation and the role */
static void
test_hover_link (Fixture       *f,
                 gconstpointer  data)
{
  GtkEventController *motion = controller (f, GTK_TYPE_EVENT_CONTROLLER_MOTION);
  guint kaist = node (f, "kaist"), team = node (f, "team");
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  const char *text;
  int edge = -1;
  double kx, ky, tx, ty;

  for (guint e = 0; e < cs_graph_get_n_edges (f->graph); e++)
    if (cs_graph_get_edge (f->graph, e)->source == kaist &&
        cs_graph_get_edge (f->graph, e)->target == team)
      edge = (int)e;
  g_assert_cmpint (edge, >=, 0);
  node_xy (f, kaist, &kx, &ky);
  node_xy (f, team, &tx, &ty);
  g_signal_emit_by_name (motion, "motion", (kx + tx) / 2, (ky + ty) / 2);
  g_assert_cmpint (cs_canvas_get_hover_node (f->canvas), ==, -1);
  while (cs_canvas_get_hover_edge (f->canvas) != edge)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      cs_test_iterate ();
    }
  wait_for_card (f, TRUE);
  text = gtk_label_get_text (GTK_LABEL (f->canvas->card));
  g_assert_true (g_str_has_prefix (text, "KAIST "));
  g_assert_nonnull (strstr (text, "SK텔레콤 컨소시엄\n연구"));

  /* a node under the pointer wins over the link */
  g_signal_emit_by_name (motion, "motion", kx, ky);
  g_assert_cmpint (cs_canvas_get_hover_node (f->canvas), ==, kaist);
  g_assert_cmpint (cs_canvas_get_hover_edge (f->canvas), ==, -1);
  /* off everything, after the rest, nothing */
  g_signal_emit_by_name (motion, "motion", 3.0, 3.0);
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (gtk_widget_get_visible (f->canvas->card))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      cs_test_iterate ();
    }
  g_assert_cmpint (cs_canvas_get_hover_edge (f->canvas), ==, -1);
  g_assert_cmpint (cs_canvas_get_hover_node (f->canvas), ==, -1);
}

static void
test_click_selects (Fixture       *f,
                    gconstpointer  data)
{
  guint skt = node (f, "skt"), kaist = node (f, "kaist");
  guint changed = 0, n;
  const guint *selection;
  double x, y;

  g_signal_connect (f->view, "selection-changed", G_CALLBACK (count_cb), &changed);
  node_xy (f, skt, &x, &y);
  press (f, 1, x, y);
  g_assert_cmpint (cs_view_state_get_selected_node (f->view), ==, skt);
  g_assert_cmpuint (changed, ==, 1);

  /* Shift adds, Ctrl toggles */
  cs_view_state_select_node (f->view, kaist, CS_SELECTION_EXTEND);
  selection = cs_view_state_get_selection (f->view, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpuint (selection[0], ==, skt);
  g_assert_cmpuint (selection[1], ==, kaist);
  cs_view_state_select_node (f->view, skt, CS_SELECTION_TOGGLE);
  cs_view_state_get_selection (f->view, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpint (cs_view_state_get_selected_node (f->view), ==, kaist);

  /* a click on empty space clears it, and so does Escape */
  press (f, 1, 3, 3);
  g_assert_cmpint (cs_view_state_get_selected_node (f->view), ==, -1);
  press (f, 1, x, y);
  g_assert_true (
      gtk_widget_activate_action (GTK_WIDGET (f->canvas), "canvas.clear-selection", NULL));
  g_assert_cmpint (cs_view_state_get_selected_node (f->view), ==, -1);
  g_assert_cmpuint (changed, ==, 6);
}

static void
test_double_click_focuses (Fixture       *f,
                           gconstpointer  data)
{
  CsViewport *viewport = cs_view_state_get_viewport (f->view);
  guint ax = node (f, "ax");
  int activated = -1;
  double zoom = cs_viewport_get_zoom (viewport);
  double x, y;

  g_signal_connect (f->canvas, "node-activated", G_CALLBACK (activated_cb), &activated);
  node_xy (f, ax, &x, &y);
  press (f, 1, x, y);
  press (f, 2, x, y);
  g_assert_cmpint (activated, ==, ax);
  /* its ego network (the model and SK Telecom) fills the view */
  g_assert_cmpfloat (cs_viewport_get_zoom (viewport), >, zoom);
  node_xy (f, ax, &x, &y);
  g_assert_cmpfloat (x, >, 0);
  g_assert_cmpfloat (x, <, gtk_widget_get_width (GTK_WIDGET (f->canvas)));
  node_xy (f, node (f, "skt"), &x, &y);
  g_assert_cmpfloat (y, >, 0);
  g_assert_cmpfloat (y, <, gtk_widget_get_height (GTK_WIDGET (f->canvas)));

  /* the inspector slides in beside the canvas: the focus stays framed in
   * what is left, clear of the legend */
  {
    gint64 deadline = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;
    CsBounds area;
    const char *ids[] = { "ax", "skt" };

    while (g_get_monotonic_time () < deadline)
      cs_test_iterate ();
    settle (f);
    g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->canvas)), <, 800);
    cs_scene_get_graph_area (cs_canvas_get_scene (f->canvas), 0, &area);
    for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
      {
        node_xy (f, node (f, ids[i]), &x, &y);
        g_assert_cmpfloat (x, >, area.x0);
        g_assert_cmpfloat (x, <, area.x1);
        g_assert_cmpfloat (y, >, area.y0);
        g_assert_cmpfloat (y, <, area.y1);
      }
  }
}

/* Dragging a node moves it and pins it, as one step that undo takes back. */
static void
test_drag_node_undo (Fixture       *f,
                     gconstpointer  data)
{
  CsViewport *viewport = cs_view_state_get_viewport (f->view);
  guint kaist = node (f, "kaist"), skt = node (f, "skt");
  g_autoptr(CsPositions) before = cs_positions_ref (cs_document_get_positions (f->document));
  double offset_x = cs_viewport_get_offset_x (viewport);
  double zoom = cs_viewport_get_zoom (viewport);
  double x, y;
  cairo_surface_t *surface;
  CsScene *scene;

  node_xy (f, kaist, &x, &y);
  drag (f, x, y, 60, 40);
  g_assert_cmpfloat_with_epsilon (
      cs_positions_get_x (cs_document_get_positions (f->document), kaist),
      cs_positions_get_x (before, kaist) + 60 / zoom, 1e-9);
  g_assert_cmpfloat_with_epsilon (
      cs_positions_get_y (cs_document_get_positions (f->document), kaist),
      cs_positions_get_y (before, kaist) + 40 / zoom, 1e-9);
  g_assert_cmpfloat (cs_positions_get_x (cs_document_get_positions (f->document), skt), ==,
                     cs_positions_get_x (before, skt));
  g_assert_true (cs_document_get_pinned (f->document, kaist));
  /* the view did not pan */
  g_assert_cmpfloat (cs_viewport_get_offset_x (viewport), ==, offset_x);

  /* and the picture shows it there */
  settle (f);
  scene = cs_canvas_get_scene (f->canvas);
  g_assert_nonnull (scene);
  surface = cs_test_render_widget (GTK_WIDGET (f->canvas));
  node_xy (f, kaist, &x, &y);
  cs_test_assert_color (surface, x, y, &cs_scene_get_style (scene)->nodes[CS_NODE_TYPE_UNIVERSITY].fill,
                        2 / 255.0);
  cairo_surface_destroy (surface);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  g_assert_true (cs_positions_equal (before, cs_document_get_positions (f->document)));
  g_assert_false (cs_document_get_pinned (f->document, kaist));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.redo", NULL));
  g_assert_true (cs_document_get_pinned (f->document, kaist));
}

static void
test_drag_selection (Fixture       *f,
                     gconstpointer  data)
{
  guint kaist = node (f, "kaist"), ax = node (f, "ax");
  g_autoptr(CsPositions) before = cs_positions_ref (cs_document_get_positions (f->document));
  double zoom = cs_viewport_get_zoom (cs_view_state_get_viewport (f->view));
  double x, y;

  cs_view_state_select_node (f->view, kaist, CS_SELECTION_REPLACE);
  cs_view_state_select_node (f->view, ax, CS_SELECTION_EXTEND);
  node_xy (f, ax, &x, &y);
  press (f, 1, x, y);
  drag (f, x, y, -30, 25);
  /* both selected nodes moved together, as one undo step */
  for (guint i = 0; i < 2; i++)
    {
      guint n = i == 0 ? kaist : ax;

      g_assert_cmpfloat_with_epsilon (
          cs_positions_get_x (cs_document_get_positions (f->document), n),
          cs_positions_get_x (before, n) - 30 / zoom, 1e-9);
    }
  g_assert_true (cs_document_undo (f->document));
  g_assert_true (cs_positions_equal (before, cs_document_get_positions (f->document)));
}

/* A press that moves less than the drag threshold is a click, not a move */
static void
test_small_wobble_is_no_move (Fixture       *f,
                              gconstpointer  data)
{
  guint skt = node (f, "skt");
  double x, y;

  node_xy (f, skt, &x, &y);
  drag (f, x, y, 1, 1);
  g_assert_false (cs_document_get_can_undo (f->document));
}

static void
test_drag_background_pans (Fixture       *f,
                           gconstpointer  data)
{
  CsViewport *viewport = cs_view_state_get_viewport (f->view);
  double x0 = cs_viewport_get_offset_x (viewport);
  double y0 = cs_viewport_get_offset_y (viewport);

  drag (f, 5, 5, 80, -50);
  g_assert_cmpfloat_with_epsilon (cs_viewport_get_offset_x (viewport), x0 + 80, 1e-9);
  g_assert_cmpfloat_with_epsilon (cs_viewport_get_offset_y (viewport), y0 - 50, 1e-9);
  g_assert_false (cs_document_get_can_undo (f->document));
}

/* With the keyboard alone: Tab walks round a node's neighbours, arrows go
 * to the neighbour in that direction, Enter focuses, Escape clears. */
static void
test_keyboard (Fixture       *f,
               gconstpointer  data)
{
  GtkWidget *canvas = GTK_WIDGET (f->canvas);
  guint skt = node (f, "skt"), team = node (f, "team"), ax = node (f, "ax");
  int activated = -1;
  double sx, sy, ax_x, ax_y;

  g_signal_connect (f->canvas, "node-activated", G_CALLBACK (activated_cb), &activated);
  g_assert_true (gtk_widget_get_focusable (canvas));

  /* with nothing selected, Tab starts at the best-connected node */
  g_assert_true (gtk_widget_activate_action (canvas, "canvas.next-neighbour", "i", 1));
  g_assert_cmpint (cs_view_state_get_selected_node (f->view), ==, team);

  cs_view_state_select_node (f->view, skt, CS_SELECTION_REPLACE);
  /* SK Telecom's links in file order: it leads the team, develops A.X */
  g_assert_true (gtk_widget_activate_action (canvas, "canvas.next-neighbour", "i", 1));
  g_assert_cmpint (cs_view_state_get_selected_node (f->view), ==, team);
  g_assert_true (gtk_widget_activate_action (canvas, "canvas.next-neighbour", "i", 1));
  g_assert_cmpint (cs_view_state_get_selected_node (f->view), ==, ax);
  g_assert_true (gtk_widget_activate_action (canvas, "canvas.next-neighbour", "i", 1));
  g_assert_cmpint (cs_view_state_get_selected_node (f->view), ==, team);
  g_assert_true (gtk_widget_activate_action (canvas, "canvas.next-neighbour", "i", -1));
  g_assert_cmpint (cs_view_state_get_selected_node (f->view), ==, ax);

  /* the arrow pointing from SK Telecom towards A.X selects A.X */
  cs_view_state_select_node (f->view, skt, CS_SELECTION_REPLACE);
  node_xy (f, skt, &sx, &sy);
  node_xy (f, ax, &ax_x, &ax_y);
  if (fabs (ax_x - sx) > fabs (ax_y - sy))
    g_assert_true (gtk_widget_activate_action (canvas, "canvas.move-selection", "(dd)",
                                               ax_x > sx ? 1.0 : -1.0, 0.0));
  else
    g_assert_true (gtk_widget_activate_action (canvas, "canvas.move-selection", "(dd)", 0.0,
                                               ax_y > sy ? 1.0 : -1.0));
  g_assert_cmpint (cs_view_state_get_selected_node (f->view), ==, ax);

  g_assert_true (gtk_widget_activate_action (canvas, "canvas.activate", NULL));
  g_assert_cmpint (activated, ==, ax);
  g_assert_true (gtk_widget_activate_action (canvas, "canvas.clear-selection", NULL));
  g_assert_cmpint (cs_view_state_get_selected_node (f->view), ==, -1);

  /* with nothing selected, arrows pan */
  {
    double x0 = cs_viewport_get_offset_x (cs_view_state_get_viewport (f->view));

    g_assert_true (gtk_widget_activate_action (canvas, "canvas.move-selection", "(dd)", 1.0, 0.0));
    g_assert_cmpfloat (cs_viewport_get_offset_x (cs_view_state_get_viewport (f->view)), <, x0);
  }
}

/* The menu's view options and their keys change the view state, and the
 * canvas draws what it says. */
static void
test_view_options (Fixture       *f,
                   gconstpointer  data)
{
  guint team = node (f, "team"), skt = node (f, "skt");
  CsScene *scene;

  g_assert_true (cs_view_state_get_layers (f->view) & CS_LAYER_LEGEND);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "view.show-legend", NULL));
  g_assert_false (cs_view_state_get_layers (f->view) & CS_LAYER_LEGEND);
  scene = cs_canvas_get_scene (f->canvas);
  g_assert_false (cs_scene_get_flags (scene) & CS_RENDER_LEGEND);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->canvas), "canvas.toggle-legend", NULL));
  g_assert_true (cs_view_state_get_layers (f->view) & CS_LAYER_LEGEND);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "view.uniform-size", NULL));
  g_assert_cmpint (cs_view_state_get_sizing (f->view), ==, CS_NODE_SIZE_UNIFORM);
  scene = cs_canvas_get_scene (f->canvas);
  g_assert_cmpfloat (cs_scene_get_node_radius (scene, team), ==,
                     cs_scene_get_style (scene)->nodes[CS_NODE_TYPE_CONSORTIUM].radius);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "view.english-labels", NULL));
  scene = cs_canvas_get_scene (f->canvas);
  g_assert_cmpstr (cs_scene_get_label (scene, skt), ==, "SK Telecom");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "view.show-hulls", NULL));
  g_assert_false (cs_view_state_get_layers (f->view) & CS_LAYER_HULLS);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->canvas), "canvas.toggle-hulls", NULL));
  g_assert_true (cs_view_state_get_layers (f->view) & CS_LAYER_HULLS);
}

/* The canvas follows the light or dark style, with its own palette. */
static void
test_dark_palette (Fixture       *f,
                   gconstpointer  data)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  cairo_surface_t *surface;
  CsColor corner;

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (cs_canvas_get_dark (f->canvas));
  settle (f);
  g_assert_nonnull (cs_canvas_get_scene (f->canvas));
  surface = cs_test_render_widget (GTK_WIDGET (f->canvas));
  cs_test_read_pixel (surface, gtk_widget_get_width (GTK_WIDGET (f->canvas)) - 2,
                      gtk_widget_get_height (GTK_WIDGET (f->canvas)) - 2, &corner);
  g_assert_cmpfloat (corner.red, <, 0.2);
  cairo_surface_destroy (surface);

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_assert_false (cs_canvas_get_dark (f->canvas));
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
}

/* A relayout keeps the node moved by hand where it was put. */
static void
test_relayout_keeps_pins (Fixture       *f,
                          gconstpointer  data)
{
  guint kaist = node (f, "kaist");
  double x, y, wx, wy;
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  node_xy (f, kaist, &x, &y);
  drag (f, x, y, 90, 0);
  wx = cs_positions_get_x (cs_document_get_positions (f->document), kaist);
  wy = cs_positions_get_y (cs_document_get_positions (f->document), kaist);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.relayout", NULL));
  while (cs_document_get_busy (f->document))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      cs_test_iterate ();
    }
  g_assert_cmpfloat (cs_positions_get_x (cs_document_get_positions (f->document), kaist), ==, wx);
  g_assert_cmpfloat (cs_positions_get_y (cs_document_get_positions (f->document), kaist), ==, wy);
}

static void
wait_until_idle (Fixture *f)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (cs_document_get_busy (f->document))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      cs_test_iterate ();
    }
}

/* Another layout: the nodes glide there (about 300 ms) from where they
 * were shown, and the view frames the new layout. A drop lands at once. */
static void
test_layout_glides (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(CsPositions) before = cs_positions_ref (cs_document_get_positions (f->document));
  guint kaist = node (f, "kaist");
  gint64 deadline;
  gboolean seen_between = FALSE;
  double x, y;

  g_assert_false (cs_canvas_get_transitioning (f->canvas));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.layout", "s", "circle"));
  wait_until_idle (f);
  g_assert_cmpint (cs_document_get_algorithm (f->document), ==, CS_LAYOUT_CIRCLE);
  g_assert_true (cs_canvas_get_transitioning (f->canvas));
  /* the layout menu's radio items follow the window's layout property */
  {
    g_autofree char *layout = NULL;

    g_object_get (f->window, "layout", &layout, NULL);
    g_assert_cmpstr (layout, ==, "circle");
  }

  /* mid-way, KAIST is drawn between where it was and where it goes */
  deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (cs_canvas_get_transitioning (f->canvas))
    {
      CsPositions *to = cs_document_get_positions (f->document);
      CsPositions *drawn = cs_scene_get_positions (cs_canvas_get_scene (f->canvas));
      double t = (cs_positions_get_x (drawn, kaist) - cs_positions_get_x (before, kaist)) /
                 (cs_positions_get_x (to, kaist) - cs_positions_get_x (before, kaist));

      if (t > 0.01 && t < 0.99)
        seen_between = TRUE;
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      cs_test_iterate ();
    }
  g_assert_true (seen_between);
  g_assert_true (cs_positions_equal (cs_scene_get_positions (cs_canvas_get_scene (f->canvas)),
                                     cs_document_get_positions (f->document)));
  /* framed: every node inside the canvas */
  for (guint i = 0; i < cs_graph_get_n_nodes (f->graph); i++)
    {
      node_xy (f, i, &x, &y);
      g_assert_cmpfloat (x, >, 0);
      g_assert_cmpfloat (x, <, gtk_widget_get_width (GTK_WIDGET (f->canvas)));
      g_assert_cmpfloat (y, >, 0);
      g_assert_cmpfloat (y, <, gtk_widget_get_height (GTK_WIDGET (f->canvas)));
    }

  /* a node dropped lands where it was dropped */
  node_xy (f, kaist, &x, &y);
  drag (f, x, y, 40, 0);
  g_assert_false (cs_canvas_get_transitioning (f->canvas));
  /* undo glides it back */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  g_assert_true (cs_canvas_get_transitioning (f->canvas));
}

/* A selected node stays clear of the panels: the inspector opening beside
 * the canvas, or folded over it, never hides it; centring uses the room
 * the legend leaves. */
static void
test_selection_clear_of_panels (Fixture       *f,
                                gconstpointer  data)
{
  guint right = 0;
  double best = -G_MAXDOUBLE, x, y, width;
  gint64 deadline;
  CsBounds area;

  /* the node furthest right */
  for (guint i = 0; i < cs_graph_get_n_nodes (f->graph); i++)
    {
      node_xy (f, i, &x, &y);
      if (x > best)
        best = x, right = i;
    }
  node_xy (f, right, &x, &y);
  press (f, 1, x, y);
  g_assert_cmpint (cs_view_state_get_selected_node (f->view), ==, right);
  /* the inspector slides in and the canvas narrows */
  deadline = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;
  while (g_get_monotonic_time () < deadline)
    cs_test_iterate ();
  settle (f);
  width = gtk_widget_get_width (GTK_WIDGET (f->canvas));
  node_xy (f, right, &x, &y);
  g_test_message ("canvas %.0f px wide; the selection at x = %.0f", width, x);
  g_assert_cmpfloat (width, <, 1000 - 200);
  g_assert_cmpfloat (x, <, width - 48);
  g_assert_cmpfloat (x, >, 0);

  /* a panel folded over the right side pushes it clear too */
  cs_canvas_set_covered_right (f->canvas, width / 2);
  node_xy (f, right, &x, &y);
  g_assert_cmpfloat (x, <, width / 2);
  cs_canvas_set_covered_right (f->canvas, 0);

  /* centring puts it in the middle of what the legend leaves */
  cs_canvas_centre_node (f->canvas, right);
  cs_scene_get_graph_area (cs_canvas_get_scene (f->canvas), 0, &area);
  g_assert_cmpfloat (area.x0, >, 0);
  node_xy (f, right, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, (area.x0 + area.x1) / 2, 1e-6);
  g_assert_cmpfloat_with_epsilon (y, (area.y0 + area.y1) / 2, 1e-6);
}

/* the first point of the canvas's legend that stands for @want */
static gboolean
find_in_legend (Fixture     *f,
                CsLegendHit  want,
                double      *x,
                double      *y,
                guint       *id)
{
  CsScene *scene = cs_canvas_get_scene (f->canvas);

  g_assert_nonnull (scene);
  for (*y = 0; *y < 500; *y += 3)
    for (*x = 0; *x < 400; *x += 8)
      if (cs_renderer_legend_hit_test (scene, *x, *y, id) == want)
        return TRUE;
  return FALSE;
}

/* Clicking a legend entry highlights what it stands for, clicking it again
 * clears that; the header folds the legend; a click on the legend never
 * selects a node under it. */
static void
test_legend_clicks (Fixture       *f,
                    gconstpointer  data)
{
  guint id = 0, hid = 0, consortium = G_MAXUINT;
  double x, y;

  settle (f);
  g_assert_true (find_in_legend (f, CS_LEGEND_HIT_CONSORTIUM, &x, &y, &consortium));
  g_assert_cmpint (cs_graph_get_node (f->graph, consortium)->type, ==, CS_NODE_TYPE_CONSORTIUM);
  press (f, 1, x, y);
  g_assert_cmpint (cs_view_state_get_highlight (f->view, &hid), ==, CS_HIGHLIGHT_CONSORTIUM);
  g_assert_cmpuint (hid, ==, consortium);
  g_assert_cmpint (cs_view_state_get_selected_node (f->view), ==, -1);
  settle (f);
  press (f, 1, x, y);
  g_assert_cmpint (cs_view_state_get_highlight (f->view, NULL), ==, CS_HIGHLIGHT_NONE);

  g_assert_true (find_in_legend (f, CS_LEGEND_HIT_TYPE, &x, &y, &id));
  press (f, 1, x, y);
  g_assert_cmpint (cs_view_state_get_highlight (f->view, &hid), ==, CS_HIGHLIGHT_TYPE);
  g_assert_cmpuint (hid, ==, id);
  g_assert_true (find_in_legend (f, CS_LEGEND_HIT_RELATION, &x, &y, &id));
  press (f, 1, x, y);
  g_assert_cmpint (cs_view_state_get_highlight (f->view, &hid), ==, CS_HIGHLIGHT_RELATION);
  g_assert_cmpuint (hid, ==, id);
  /* Escape clears it */
  g_assert_true (
      gtk_widget_activate_action (GTK_WIDGET (f->canvas), "canvas.clear-selection", NULL));
  g_assert_cmpint (cs_view_state_get_highlight (f->view, NULL), ==, CS_HIGHLIGHT_NONE);

  g_assert_true (find_in_legend (f, CS_LEGEND_HIT_TOGGLE, &x, &y, &id));
  press (f, 1, x, y);
  g_assert_true (cs_view_state_get_legend_collapsed (f->view));
  settle (f);
  g_assert_false (find_in_legend (f, CS_LEGEND_HIT_TYPE, &x, &y, &id));
  g_assert_true (find_in_legend (f, CS_LEGEND_HIT_TOGGLE, &x, &y, &id));
  press (f, 1, x, y);
  g_assert_false (cs_view_state_get_legend_collapsed (f->view));
}

static guint
count_inked (cairo_surface_t *surface)
{
  const guint8 *data;
  int stride, width, height;
  guint inked = 0;

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  width = cairo_image_surface_get_width (surface);
  height = cairo_image_surface_get_height (surface);
  for (int y = height / 4; y < 3 * height / 4; y++)
    for (int x = width / 4; x < 3 * width / 4; x++)
      {
        guint32 p = ((const guint32 *)(data + y * stride))[x];

        /* darker than the light background */
        inked += ((p >> 8) & 0xff) < 200;
      }
  return inked;
}

static void
wait_for_layers (CsCanvas *canvas,
                 guint     count)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (cs_canvas_get_n_layers_drawn (canvas) < count)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      cs_test_iterate ();
    }
}

/* A graph of thousands of nodes draws its kept layer in a worker: the
 * frame after a pan past the layer comes at once, with the old layer
 * moved, and the new layer follows; closing the window mid-drawing is
 * safe. */
static void
test_big_graph_layer_in_worker (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cs-canvas-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "big.json", NULL);
  g_autofree char *data = cs_test_one_line_graph (3000);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  CsWindow *window;
  CsCanvas *canvas;
  CsDocument *document;
  CsViewport *viewport;
  cairo_surface_t *shot;
  guint layers, frames;

  g_assert_true (g_file_set_contents (path, data, -1, NULL));
  window = g_object_new (CS_TYPE_WINDOW, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  canvas = cs_window_get_canvas (window);
  document = cs_window_get_document (window);
  viewport = cs_view_state_get_viewport (cs_window_get_view_state (window));
  cs_window_open (window, file);
  gtk_window_present (GTK_WINDOW (window));
  while (cs_document_get_graph (document) == NULL || cs_document_get_busy (document))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      cs_test_iterate ();
    }
  g_assert_cmpuint (cs_graph_get_n_nodes (cs_document_get_graph (document)), >, 3000);
  wait_for_layers (canvas, 1);
  cs_test_wait_for_frame (canvas);
  shot = cs_test_render_widget (GTK_WIDGET (canvas));
  g_assert_cmpuint (count_inked (shot), >, 500);
  cairo_surface_destroy (shot);

  /* far past the layer's margin */
  layers = cs_canvas_get_n_layers_drawn (canvas);
  frames = cs_canvas_get_n_frames (canvas);
  cs_viewport_set_offset (viewport, cs_viewport_get_offset_x (viewport) + 5000,
                          cs_viewport_get_offset_y (viewport));
  cs_test_wait_for_frame (canvas);
  g_assert_cmpuint (cs_canvas_get_n_frames (canvas), >, frames);
  g_assert_cmpuint (cs_canvas_get_n_layers_drawn (canvas), ==, layers);
  wait_for_layers (canvas, layers + 1);

  /* back, and the window closed while that layer is drawn */
  cs_viewport_set_offset (viewport, cs_viewport_get_offset_x (viewport) - 5000,
                          cs_viewport_get_offset_y (viewport));
  cs_test_wait_for_frame (canvas);
  gtk_window_destroy (GTK_WINDOW (window));
  deadline = g_get_monotonic_time () + G_USEC_PER_SEC;
  while (g_get_monotonic_time () < deadline)
    cs_test_iterate ();
  g_unlink (path);
  g_rmdir (dir);
}

/* A click on a link selects it: drawn in the selection's colour, and the
 * inspector shows its relation, role and sources; a click on the
 * background or on a node lets go of it */
static void
test_click_selects_link (Fixture       *f,
                         gconstpointer  data)
{
  guint kaist = node (f, "kaist"), team = node (f, "team");
  int edge = -1;
  double kx, ky, tx, ty;
  g_autofree char *text = NULL;

  for (guint e = 0; e < cs_graph_get_n_edges (f->graph); e++)
    if (cs_graph_get_edge (f->graph, e)->source == kaist &&
        cs_graph_get_edge (f->graph, e)->target == team)
      edge = (int)e;
  g_assert_cmpint (edge, >=, 0);
  node_xy (f, kaist, &kx, &ky);
  node_xy (f, team, &tx, &ty);
  g_assert_cmpint (cs_renderer_hit_test_edge (cs_canvas_get_scene (f->canvas), (kx + tx) / 2,
                                              (ky + ty) / 2, 4), ==, edge);
  /* a point well away from every link */
  g_assert_cmpint (cs_renderer_hit_test_edge (cs_canvas_get_scene (f->canvas), 3, 3, 4), ==, -1);

  press (f, 1, (kx + tx) / 2, (ky + ty) / 2);
  g_assert_cmpint (cs_view_state_get_selected_edge (f->view), ==, edge);
  g_assert_cmpint (cs_view_state_get_selected_node (f->view), ==, -1);
  g_assert_true (cs_window_get_inspector_revealed (f->window));
  text = cs_inspector_dup_text (cs_window_get_inspector (f->window));
  g_assert_true (g_str_has_prefix (text, "KAIST → SK텔레콤 컨소시엄\n"));
  g_assert_nonnull (strstr (text, "Role: 연구"));
  settle (f);

  /* a node click lets go of it */
  press (f, 1, kx, ky);
  g_assert_cmpint (cs_view_state_get_selected_edge (f->view), ==, -1);
  g_assert_cmpint (cs_view_state_get_selected_node (f->view), ==, kaist);
  press (f, 1, (kx + tx) / 2, (ky + ty) / 2);
  g_assert_cmpint (cs_view_state_get_selected_edge (f->view), ==, edge);
  /* and so does the background */
  press (f, 1, 3, 3);
  g_assert_cmpint (cs_view_state_get_selected_edge (f->view), ==, -1);
  g_assert_false (cs_window_get_inspector_revealed (f->window));
}

int
main (int   argc,
      char *argv[])
{
  cs_test_use_own_state_dir ();
  /* no ISOLATE_DIRS: GTK needs the system's MIME database (see test-window) */
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_printerr ("no display: run the GUI suite under xvfb-run\n");
      return 77;
    }
  adw_init ();
  cs_test_gui_init ();

#define ADD(path, func)                                                                            \
  g_test_add ("/cs/canvas/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("hover", test_hover);
  ADD ("hover-card", test_hover_card);
  ADD ("hover-link", test_hover_link);
  ADD ("click-selects", test_click_selects);
  ADD ("click-selects-link", test_click_selects_link);
  ADD ("double-click-focuses", test_double_click_focuses);
  ADD ("drag-node-undo", test_drag_node_undo);
  ADD ("drag-selection", test_drag_selection);
  ADD ("small-wobble-is-no-move", test_small_wobble_is_no_move);
  ADD ("drag-background-pans", test_drag_background_pans);
  ADD ("keyboard", test_keyboard);
  ADD ("view-options", test_view_options);
  ADD ("relayout-keeps-pins", test_relayout_keeps_pins);
  ADD ("layout-glides", test_layout_glides);
  ADD ("selection-clear-of-panels", test_selection_clear_of_panels);
  ADD ("dark-palette", test_dark_palette);
  ADD ("legend-clicks", test_legend_clicks);
  g_test_add_func ("/cs/canvas/big-graph-layer-in-worker", test_big_graph_layer_in_worker);
#undef ADD

  return g_test_run ();
}
