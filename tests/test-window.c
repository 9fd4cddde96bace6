/* test-window.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The real window under a display (Xvfb in CI): it loads a graph, draws it,
 * keeps it when another file fails to load, and answers pan and zoom input.
 */

#include "config.h"

#include "cs-application.h"
#include "cs-export-dialog.h"
#include "cs-filter-panel.h"
#include "cs-import.h"
#include "cs-layout-cache.h"
#include "cs-layout-private.h"
#include "cs-node-radii.h"
#include "cs-node-item.h"
#include "cs-stages.h"
#include "cs-timeline.h"
#include "cs-window-private.h"
#include "test-gui-support.h"
#include "test-support.h"

#include <glib/gstdio.h>
#include <math.h>

static void
wait_until_idle (CsWindow *window)
{
  CsDocument *document = cs_window_get_document (window);
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  /* one turn first: the load may not have started yet */
  g_main_context_iteration (NULL, FALSE);
  while (cs_document_get_busy (document))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      cs_test_iterate ();
    }
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static CsWindow *
open_window (GFile *file)
{
  CsWindow *window = g_object_new (CS_TYPE_WINDOW, NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
  cs_window_open (window, file);
  gtk_window_present (GTK_WINDOW (window));
  wait_until_idle (window);
  cs_test_wait_for_frame (cs_window_get_canvas (window));
  return window;
}

static void
assert_graph_drawn (CsCanvas *canvas)
{
  CsScene *scene = cs_canvas_get_scene (canvas);
  cairo_surface_t *surface;
  guint probed = 0;

  g_assert_nonnull (scene);
  surface = cs_test_render_widget (GTK_WIDGET (canvas));
  for (guint i = 0; i < cs_graph_get_n_nodes (cs_scene_get_graph (scene)); i++)
    {
      double x, y;

      cs_scene_node_to_device (scene, i, &x, &y);
      if (x < 0 || y < 0 || x >= cs_scene_get_width (scene) || y >= cs_scene_get_height (scene))
        continue;
      cs_test_assert_color (surface, x, y, &cs_scene_get_node_style (scene, i)->fill, 2 / 255.0);
      probed++;
    }
  /* after fitting, every node is in view */
  g_assert_cmpuint (probed, ==, cs_graph_get_n_nodes (cs_scene_get_graph (scene)));
  cairo_surface_destroy (surface);
}

static void
test_opens_and_draws (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "good", "small.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  CsWindow *window = open_window (file);
  CsDocument *document = cs_window_get_document (window);

  g_assert_nonnull (cs_document_get_graph (document));
  g_assert_cmpuint (cs_graph_get_n_nodes (cs_document_get_graph (document)), ==, 6);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "작은 그래프");
  assert_graph_drawn (cs_window_get_canvas (window));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_bundled_graph (void)
{
  g_autoptr(GFile) file = cs_application_get_bundled_file ();
  CsWindow *window = open_window (file);

  g_assert_nonnull (cs_document_get_graph (cs_window_get_document (window)));
  g_assert_cmpuint (cs_graph_get_n_nodes (cs_document_get_graph (cs_window_get_document (window))),
                    >, 20);
  assert_graph_drawn (cs_window_get_canvas (window));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The bundled graph's layout comes with the program (src/tools): the
 * entry in the resources is the layout the window computes, so the first
 * start draws at once and as it would have. */
static void
test_bundled_layout_prebuilt (void)
{
  g_autoptr(GFile) file = cs_application_get_bundled_file ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CsGraph) graph = cs_import_file_full (g_file_peek_path (file),
                                                  &(CsImportOptions){ 0 }, NULL, NULL, &error);
  g_autoptr(CsLayoutParams) params = NULL;
  g_autoptr(CsPositions) computed = NULL;
  g_autoptr(CsPositions) kept = NULL;
  g_autofree char *key = NULL;
  g_autofree char *dir = cs_layout_cache_get_dir ();
  g_autofree char *user_entry = NULL;
  gsize size = 0;
  CsWindow *window;

  g_assert_no_error (error);
  g_assert_true (g_resources_get_info (RESOURCE_BASE "/layout-cache/bundled.layout",
                                       G_RESOURCE_LOOKUP_FLAGS_NONE, &size, NULL, NULL));
  params = cs_node_radii_new_layout_params (graph);
  key = cs_layout_cache_key_for_file (file, NULL, 0, params, NULL, &error);
  g_assert_no_error (error);
  kept = cs_layout_cache_lookup (key, cs_graph_get_n_nodes (graph));
  g_assert_nonnull (kept);
  computed = cs_layout_run (graph, params, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (cs_positions_equal (kept, computed));

  /* the window opens with it, and keeps nothing of its own */
  window = open_window (file);
  g_assert_true (cs_positions_equal (cs_document_get_positions (cs_window_get_document (window)),
                                     computed));
  user_entry = g_build_filename (dir, key, NULL);
  g_assert_false (g_file_test (user_entry, G_FILE_TEST_EXISTS));
  gtk_window_destroy (GTK_WINDOW (window));
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels (); /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (item) && gtk_widget_get_visible (GTK_WIDGET (item)))
        return ADW_MESSAGE_DIALOG (item);
    }
  return NULL;
}

/* A file that fails to load is reported with its place, and the graph
 * already open stays open. */
static void
test_bad_file_keeps_graph (void)
{
  g_autofree char *good = g_test_build_filename (G_TEST_DIST, "data", "good", "small.json", NULL);
  g_autofree char *bad = g_test_build_filename (G_TEST_DIST, "data", "bad", "dangling-edge.json",
                                                NULL);
  g_autoptr(GFile) good_file = g_file_new_for_path (good);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad);
  CsWindow *window = open_window (good_file);
  CsDocument *document = cs_window_get_document (window);
  CsGraph *before = cs_document_get_graph (document);
  AdwMessageDialog *dialog;

  g_assert_null (find_message_dialog ());
  cs_window_open (window, bad_file);
  wait_until_idle (window);

  g_assert_true (cs_document_get_graph (document) == before);
  g_assert_true (g_file_equal (cs_document_get_file (document), good_file));
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==,
                   "Could not open “dangling-edge.json”");
  g_assert_nonnull (
      strstr (adw_message_dialog_get_body (dialog), ":8:31: edges[0].target: unknown node \"q\""));
  gtk_window_destroy (GTK_WINDOW (dialog));

  cs_test_wait_for_frame (cs_window_get_canvas (window));
  assert_graph_drawn (cs_window_get_canvas (window));
  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkEventController *
find_controller (GtkWidget *widget,
                 GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return controller;
    }
  g_assert_not_reached ();
}

static void
test_pan_and_zoom (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "good", "small.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  CsWindow *window = open_window (file);
  CsCanvas *canvas = cs_window_get_canvas (window);
  CsViewport *viewport = cs_view_state_get_viewport (cs_window_get_view_state (window));
  GtkEventController *drag = find_controller (GTK_WIDGET (canvas), GTK_TYPE_GESTURE_DRAG);
  GtkEventController *scroll = find_controller (GTK_WIDGET (canvas),
                                                GTK_TYPE_EVENT_CONTROLLER_SCROLL);
  GtkEventController *motion = find_controller (GTK_WIDGET (canvas),
                                                GTK_TYPE_EVENT_CONTROLLER_MOTION);
  double x0 = cs_viewport_get_offset_x (viewport);
  double y0 = cs_viewport_get_offset_y (viewport);
  double zoom = cs_viewport_get_zoom (viewport);
  double before_x, before_y, after_x, after_y;
  gboolean handled = FALSE;

  /* dragging the background pans by the drag's distance */
  g_signal_emit_by_name (drag, "drag-begin", 100.0, 100.0);
  g_signal_emit_by_name (drag, "drag-update", 30.0, -20.0);
  g_signal_emit_by_name (drag, "drag-end", 30.0, -20.0);
  g_assert_cmpfloat_with_epsilon (cs_viewport_get_offset_x (viewport), x0 + 30, 1e-9);
  g_assert_cmpfloat_with_epsilon (cs_viewport_get_offset_y (viewport), y0 - 20, 1e-9);

  /* the wheel zooms around the pointer, which stays over the same point */
  g_signal_emit_by_name (motion, "motion", 250.0, 180.0);
  cs_viewport_widget_to_world (viewport, 250, 180, &before_x, &before_y);
  g_signal_emit_by_name (scroll, "scroll", 0.0, -1.0, &handled);
  g_assert_true (handled);
  g_assert_cmpfloat (cs_viewport_get_zoom (viewport), >, zoom);
  cs_viewport_widget_to_world (viewport, 250, 180, &after_x, &after_y);
  g_assert_cmpfloat_with_epsilon (after_x, before_x, 1e-6);
  g_assert_cmpfloat_with_epsilon (after_y, before_y, 1e-6);

  /* keys: zoom out and fit again */
  zoom = cs_viewport_get_zoom (viewport);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (canvas), "canvas.zoom-out", NULL));
  g_assert_cmpfloat (cs_viewport_get_zoom (viewport), <, zoom);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.fit", NULL));
  cs_test_wait_for_frame (canvas);
  assert_graph_drawn (canvas);

  gtk_window_destroy (GTK_WINDOW (window));
}

static guint
bundled_node (CsWindow   *window,
              const char *id)
{
  guint index;

  g_assert_true (
      cs_graph_lookup (cs_document_get_graph (cs_window_get_document (window)), id, &index));
  return index;
}

/* Selecting a node opens the inspector on it; its rows lead on. */
static void
test_inspector (void)
{
  g_autoptr(GFile) file = cs_application_get_bundled_file ();
  CsWindow *window = open_window (file);
  CsCanvas *canvas = cs_window_get_canvas (window);
  CsViewState *view = cs_window_get_view_state (window);
  CsInspector *inspector = cs_window_get_inspector (window);
  guint kaist = bundled_node (window, "kaist");
  guint team = bundled_node (window, "team-nc-ai");
  g_autofree char *text = NULL;
  CsScene *scene;
  double x, y;

  g_assert_false (cs_window_get_inspector_revealed (window));
  cs_view_state_select_node (view, kaist, CS_SELECTION_REPLACE);
  g_assert_true (cs_window_get_inspector_revealed (window));
  g_assert_cmpint (cs_inspector_get_node (inspector), ==, kaist);
  text = cs_inspector_dup_text (inspector);
  g_assert_nonnull (strstr (text, "• SK텔레콤 컨소시엄 (SK Telecom consortium) — 원천기술 연구"));
  g_assert_nonnull (strstr (text, "• NC AI 컨소시엄 (NC AI consortium) — 그랜드 컨소시엄 구성"));
  g_assert_nonnull (strstr (text, "• 네이버클라우드 컨소시엄 (NAVER Cloud consortium) — 협력기관"));
  g_assert_nonnull (strstr (text, "• Leads KAIST 팀"));

  /* a row about a consortium takes the selection there and centres it */
  g_signal_emit_by_name (inspector, "navigate", team);
  g_assert_cmpint (cs_view_state_get_selected_node (view), ==, team);
  g_assert_cmpint (cs_inspector_get_node (inspector), ==, team);
  /* the panel slides in; the node stays in the middle all the while */
  {
    AdwFlap *flap = ADW_FLAP (gtk_widget_get_ancestor (GTK_WIDGET (inspector), ADW_TYPE_FLAP));
    /* a frame of this window takes seconds under the sanitizers' full
     * unwinding: 0.6 s here in the plain build, 27–45 s there */
    gint64 deadline = g_get_monotonic_time () + (cs_test_bounded () ? 90 : 10) * G_USEC_PER_SEC;

    while (adw_flap_get_reveal_progress (flap) < 1.0)
      {
        g_assert_cmpint (g_get_monotonic_time (), <, deadline);
        cs_test_iterate ();
      }
  }
  cs_test_wait_for_frame (canvas);
  scene = cs_canvas_get_scene (canvas);
  cs_scene_node_to_device (scene, team, &x, &y);
  /* in the middle of the room the legend leaves */
  {
    CsBounds area;

    cs_scene_get_graph_area (scene, 0, &area);
    g_assert_cmpfloat (fabs (x - (area.x0 + area.x1) / 2), <, 1);
    g_assert_cmpfloat (fabs (y - (area.y0 + area.y1) / 2), <, 1);
  }

  /* F9 keeps it closed while exploring, and opens it again */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-inspector", NULL));
  g_assert_false (cs_window_get_inspector_revealed (window));
  cs_view_state_select_node (view, kaist, CS_SELECTION_REPLACE);
  g_assert_false (cs_window_get_inspector_revealed (window));
  g_assert_cmpint (cs_inspector_get_node (inspector), ==, kaist);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-inspector", NULL));
  g_assert_true (cs_window_get_inspector_revealed (window));

  /* clearing the selection closes it */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.clear-selection", NULL));
  g_assert_false (cs_window_get_inspector_revealed (window));
  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkWidget *
find_child (GtkWidget *root,
            GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_child (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Ctrl+F, type initials, Enter: the node is selected and centred. */
static void
test_search (void)
{
  g_autoptr(GFile) file = cs_application_get_bundled_file ();
  CsWindow *window = open_window (file);
  CsViewState *view = cs_window_get_view_state (window);
  GtkWidget *bar = find_child (GTK_WIDGET (window), GTK_TYPE_SEARCH_BAR);
  GtkWidget *entry = find_child (bar, GTK_TYPE_SEARCH_ENTRY);
  GtkWidget *results = window->search_scroller;
  GtkWidget *canvas = GTK_WIDGET (cs_window_get_canvas (window));
  GtkListBox *list;
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  guint krafton = bundled_node (window, "krafton");
  GtkEventController *keys = NULL;
  gboolean handled = FALSE;
  int canvas_height;

  g_assert_nonnull (entry);
  g_assert_false (gtk_search_bar_get_search_mode (GTK_SEARCH_BAR (bar)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
  g_assert_true (gtk_search_bar_get_search_mode (GTK_SEARCH_BAR (bar)));
  /* the bar slides in */
  for (gint64 end = g_get_monotonic_time () + G_USEC_PER_SEC / 2; g_get_monotonic_time () < end;)
    cs_test_iterate ();
  canvas_height = gtk_widget_get_height (canvas);

  gtk_editable_set_text (GTK_EDITABLE (entry), "ㅋㄹㅍㅌ");
  /* the entry waits a moment before it searches */
  while (!gtk_widget_get_visible (results))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      cs_test_iterate ();
    }
  list = GTK_LIST_BOX (find_child (results, GTK_TYPE_LIST_BOX));
  g_assert_cmpstr (
      adw_preferences_row_get_title (ADW_PREFERENCES_ROW (gtk_list_box_get_row_at_index (list, 0))),
      ==, "크래프톤");
  /* and ringed on the canvas while the user types */
  {
    guint n_marked;
    const guint *marked = cs_canvas_get_marked (cs_window_get_canvas (window), &n_marked);

    g_assert_cmpuint (n_marked, >=, 1);
    g_assert_cmpuint (marked[0], ==, krafton);
  }
  /* the results float over the canvas: it keeps its size */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpint (gtk_widget_get_height (canvas), ==, canvas_height);
  g_assert_true (gtk_widget_is_ancestor (results, GTK_WIDGET (window)));
  g_assert_false (gtk_widget_is_ancestor (results, bar));

  /* Down goes from the field into the results */
  for (guint i = 0; i < g_list_model_get_n_items (gtk_widget_observe_controllers (entry)); i++)
    {
      g_autoptr(GObject) controller =
          g_list_model_get_item (gtk_widget_observe_controllers (entry), i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        keys = GTK_EVENT_CONTROLLER (controller);
    }
  g_assert_nonnull (keys);
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Down, 0, 0, &handled);
  g_assert_true (handled);
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (window)) ==
                 GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0)));
  gtk_widget_grab_focus (entry);

  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpint (cs_view_state_get_selected_node (view), ==, krafton);
  g_assert_true (cs_window_get_inspector_revealed (window));
  /* the chosen one is shown, the results make way for it */
  g_assert_false (gtk_widget_get_visible (results));

  /* a text that finds nothing says so */
  gtk_editable_set_text (GTK_EDITABLE (entry), "zqxzqx");
  deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (gtk_list_box_get_row_at_index (list, 0) != NULL || !gtk_widget_get_visible (results))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      cs_test_iterate ();
    }
  {
    GtkWidget *none = gtk_widget_get_first_child (GTK_WIDGET (list));

    g_assert_true (GTK_IS_LABEL (none));
    g_assert_true (gtk_widget_get_visible (none));
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (none)), ==, "No matches");
  }

  {
    guint n_marked;

    cs_canvas_get_marked (cs_window_get_canvas (window), &n_marked);
    g_assert_cmpuint (n_marked, ==, 0);
  }

  /* a broad text rings every match, more than the list shows */
  gtk_editable_set_text (GTK_EDITABLE (entry), "ㅋ");
  deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (gtk_list_box_get_row_at_index (list, 0) == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      cs_test_iterate ();
    }
  {
    guint n_marked, n_rows = 0;

    cs_canvas_get_marked (cs_window_get_canvas (window), &n_marked);
    while (gtk_list_box_get_row_at_index (list, n_rows) != NULL)
      n_rows++;
    g_assert_cmpuint (n_rows, ==, 8);
    g_assert_cmpuint (n_marked, >, n_rows);
  }

  /* the results go with the search */
  g_signal_emit_by_name (entry, "stop-search");
  g_assert_false (gtk_search_bar_get_search_mode (GTK_SEARCH_BAR (bar)));
  g_assert_false (gtk_widget_get_visible (results));
  /* and so do the rings */
  {
    guint n_marked;

    cs_canvas_get_marked (cs_window_get_canvas (window), &n_marked);
    g_assert_cmpuint (n_marked, ==, 0);
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The filter controls set the view state's filter; counts and hit tests
 * follow it, and a filter set elsewhere shows in the controls. */
/* the labels of the panel's check buttons that are on, depth first */
static void
collect_check_labels (GtkWidget *widget,
                      GPtrArray *labels)
{
  if (GTK_IS_CHECK_BUTTON (widget))
    {
      if (gtk_check_button_get_active (GTK_CHECK_BUTTON (widget)))
        g_ptr_array_add (labels, (gpointer)gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)));
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_check_labels (child, labels);
}

static void
test_filter_panel (void)
{
  g_autoptr(GFile) file = cs_application_get_bundled_file ();
  CsWindow *window = open_window (file);
  CsCanvas *canvas = cs_window_get_canvas (window);
  CsViewState *view = cs_window_get_view_state (window);
  GtkWidget *panel = find_child (GTK_WIDGET (window), CS_TYPE_FILTER_PANEL);
  GtkWidget *counts;
  GtkDropDown *stage = NULL;
  const CsStages *stages;
  CsScene *scene;
  guint nodes, edges, kt_team = bundled_node (window, "team-kt"),
                      skt = bundled_node (window, "skt");
  double x, y;

  g_assert_nonnull (panel);
  counts = find_child (panel, GTK_TYPE_LABEL);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (counts)), ==,
                   "Showing 119 of 119 nodes and 152 of 152 links");

  /* the stage drop-down is the second one */
  {
    guint k = 0;

    for (GtkWidget *w = find_child (panel, GTK_TYPE_DROP_DOWN); w != NULL;
         w = gtk_widget_get_next_sibling (w))
      if (GTK_IS_DROP_DOWN (w) && k++ == 1)
        stage = GTK_DROP_DOWN (w);
  }
  g_assert_nonnull (stage);
  /* "Every stage", then the graph's stages in order */
  stages = cs_stages_get (cs_view_state_get_graph (view));
  g_assert_cmpint (cs_stages_lookup (stages, "selected"), >=, 0);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (stage)), ==,
                    cs_stages_get_n_stages (stages) + 1);
  gtk_drop_down_set_selected (stage, cs_stages_lookup (stages, "selected") + 1);
  g_assert_cmpstr (cs_view_state_get_filter (view)->stage, ==, "selected");
  cs_view_state_count_shown (view, &nodes, &edges);
  g_assert_cmpuint (nodes, <, 119);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (counts)), !=,
                   "Showing 119 of 119 nodes and 152 of 152 links");

  /* KT's team was not among the five: it no longer answers the pointer */
  cs_test_wait_for_frame (canvas);
  scene = cs_canvas_get_scene (canvas);
  cs_scene_node_to_device (scene, kt_team, &x, &y);
  g_assert_cmpint (cs_renderer_hit_test (scene, x, y), ==, -1);
  cs_scene_node_to_device (scene, skt, &x, &y);
  g_assert_cmpint (cs_renderer_hit_test (scene, x, y), ==, skt);

  gtk_drop_down_set_selected (stage, 0);
  g_assert_false (cs_filter_is_active (cs_view_state_get_filter (view)));

  /* a filter set on the view state shows in the controls */
  {
    g_autoptr(CsFilter) filter = cs_filter_new ();

    cs_filter_set_stage (filter, "passed_document_review");
    cs_view_state_set_filter (view, filter);
    g_assert_cmpuint (gtk_drop_down_get_selected (stage), ==,
                      cs_stages_lookup (stages, "passed_document_review") + 1);
  }

  /* another graph, opened with a filter on: the checks are the new graph's
   * types, every one on, and the filter is gone */
  {
    g_autoptr(CsFilter) filter = cs_filter_new ();
    g_autofree char *path =
        g_test_build_filename (G_TEST_DIST, "data", "good", "unknown-vocabulary.json", NULL);
    g_autoptr(GFile) other = g_file_new_for_path (path);
    g_autoptr(GPtrArray) labels = g_ptr_array_new ();

    cs_filter_set_type_shown (filter, "university", FALSE);
    cs_view_state_set_filter (view, filter);
    /* a filter is a change the file would keep: asked first */
    g_assert_true (cs_document_get_modified (cs_window_get_document (window)));
    cs_window_open (window, other);
    cs_test_respond (GTK_WINDOW (window), "Save Changes?", "discard");
    wait_until_idle (window);
    g_assert_cmpstr (cs_graph_get_title (cs_view_state_get_graph (view)), ==,
                     "A vocabulary of its own");
    g_assert_false (cs_filter_is_active (cs_view_state_get_filter (view)));
    collect_check_labels (panel, labels);
    g_assert_true (g_ptr_array_find_with_equal_func (labels, "startup_studio", g_str_equal, NULL));
    g_assert_true (g_ptr_array_find_with_equal_func (labels, "sponsors", g_str_equal, NULL));
    g_assert_false (g_ptr_array_find_with_equal_func (labels, "University", g_str_equal, NULL));
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (counts)), ==,
                     "Showing 4 of 4 nodes and 4 of 4 links");
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The timeline under the canvas steps through the contest: the view's
 * filter follows it and it follows the filter; nodes keep their places;
 * playing runs to the last stage; a mark selects its node; a graph
 * without stages hides it */
static void
test_timeline (void)
{
  g_autoptr(GFile) file = cs_application_get_bundled_file ();
  CsWindow *window = open_window (file);
  CsViewState *view = cs_window_get_view_state (window);
  CsTimeline *timeline = CS_TIMELINE (find_child (GTK_WIDGET (window), CS_TYPE_TIMELINE));
  GtkWidget *panel = find_child (GTK_WIDGET (window), CS_TYPE_FILTER_PANEL);
  CsGraph *graph = cs_view_state_get_graph (view);
  const CsStages *stages = cs_stages_get (graph);
  CsPositions *positions = cs_document_get_positions (cs_window_get_document (window));
  g_autoptr(CsPositions) before =
      cs_positions_new (cs_positions_get_n_nodes (positions), cs_positions_get_xy (positions));
  GtkDropDown *stage = NULL;
  guint kt = bundled_node (window, "team-kt"), skt = bundled_node (window, "team-skt");
  guint at_selected, at_final, edges, n_marks;
  const CsStageMark *marks;
  double last_x = -1;
  gint64 deadline;

  g_assert_nonnull (timeline);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (timeline)));
  g_assert_cmpint (cs_timeline_get_stage (timeline), ==, -1);
  /* at 900 pixels some names would not fit one line; none is cut on
   * two, nor at 1200 */
  g_assert_cmpuint (cs_timeline_count_cut_names (timeline), ==, 0);
  {
    int width = gtk_widget_get_width (GTK_WIDGET (timeline));

    gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
    deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
    while (gtk_widget_get_width (GTK_WIDGET (timeline)) == width)
      {
        g_assert_cmpint (g_get_monotonic_time (), <, deadline);
        cs_test_iterate ();
      }
    g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (timeline)), >, width + 200);
    g_assert_cmpuint (cs_timeline_count_cut_names (timeline), ==, 0);
    /* a strip too narrow for them says so */
    width = gtk_widget_get_width (GTK_WIDGET (timeline));
    gtk_window_set_default_size (GTK_WINDOW (window), 400, 800);
    while (gtk_widget_get_width (GTK_WIDGET (timeline)) == width)
      {
        g_assert_cmpint (g_get_monotonic_time (), <, deadline);
        cs_test_iterate ();
      }
    g_test_message ("timeline at %d pixels", gtk_widget_get_width (GTK_WIDGET (timeline)));
    g_assert_cmpuint (cs_timeline_count_cut_names (timeline), >, 0);
    width = gtk_widget_get_width (GTK_WIDGET (timeline));
    gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
    while (gtk_widget_get_width (GTK_WIDGET (timeline)) == width)
      {
        g_assert_cmpint (g_get_monotonic_time (), <, deadline);
        cs_test_iterate ();
      }
    cs_test_wait_for_frame (cs_window_get_canvas (window));
  }

  /* → and End */
  gtk_widget_activate_action (GTK_WIDGET (timeline), "timeline.next", NULL);
  g_assert_cmpint (cs_timeline_get_stage (timeline), ==, 0);
  g_assert_cmpstr (cs_view_state_get_filter (view)->stage, ==, "applied");
  gtk_widget_activate_action (GTK_WIDGET (timeline), "timeline.last", NULL);
  g_assert_cmpstr (cs_view_state_get_filter (view)->stage, ==, "final_selection");
  cs_view_state_count_shown (view, &at_final, &edges);
  /* ← three times: the selection of August; KT's team is out */
  for (guint i = 0; i < 3; i++)
    gtk_widget_activate_action (GTK_WIDGET (timeline), "timeline.previous", NULL);
  g_assert_cmpint (cs_timeline_get_stage (timeline), ==, 2);
  g_assert_cmpstr (cs_view_state_get_filter (view)->stage, ==, "selected");
  cs_view_state_count_shown (view, &at_selected, &edges);
  g_assert_cmpuint (at_selected, <, 110);
  /* the planned stages keep the five in the running */
  g_assert_cmpuint (at_final, ==, at_selected);
  g_assert_false (cs_view_state_get_node_shown (view)[kt]);
  g_assert_true (cs_view_state_get_node_shown (view)[skt]);
  cs_test_wait_for_frame (cs_window_get_canvas (window));
  /* no node moved */
  g_assert_true (cs_document_get_positions (cs_window_get_document (window)) == positions);
  g_assert_true (cs_positions_equal (positions, before));

  /* the filter panel shows the stage, and sets it */
  for (GtkWidget *w = find_child (panel, GTK_TYPE_DROP_DOWN); w != NULL;
       w = gtk_widget_get_next_sibling (w))
    if (GTK_IS_DROP_DOWN (w) && g_list_model_get_n_items (gtk_drop_down_get_model (
                                    GTK_DROP_DOWN (w))) == cs_stages_get_n_stages (stages) + 1)
      stage = GTK_DROP_DOWN (w);
  g_assert_nonnull (stage);
  g_assert_cmpuint (gtk_drop_down_get_selected (stage), ==, 3);
  gtk_drop_down_set_selected (stage, 2);
  g_assert_cmpint (cs_timeline_get_stage (timeline), ==, 1);

  /* playing steps to the last stage and stops */
  cs_timeline_set_stage (timeline, 3);
  cs_timeline_set_playing (timeline, TRUE);
  g_assert_true (cs_timeline_get_playing (timeline));
  g_assert_cmpint (cs_timeline_get_stage (timeline), ==, 4);
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (cs_timeline_get_playing (timeline))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      cs_test_iterate ();
    }
  g_assert_cmpint (cs_timeline_get_stage (timeline), ==, 5);
  g_assert_cmpstr (cs_view_state_get_filter (view)->stage, ==, "final_selection");

  /* the marks, in date order along the strip, apart; one selects its node */
  marks = cs_stages_get_marks (stages, &n_marks);
  g_assert_cmpuint (n_marks, >=, 3);
  for (guint m = 0; m < n_marks; m++)
    {
      double x, y;

      g_assert_true (cs_timeline_get_mark_point (timeline, m, &x, &y));
      g_assert_cmpfloat (x, >, last_x + 5);
      g_assert_cmpfloat (x, <, gtk_widget_get_width (GTK_WIDGET (timeline)));
      last_x = x;
    }
  {
    double x_mark, y, x_applied, x_passed;

    /* the presentation evaluation (30–31 July) between the review and the
     * selection */
    for (guint m = 0; m < n_marks; m++)
      if (g_strcmp0 (marks[m].event->date, "2025-07-30") == 0)
        {
          g_assert_true (cs_timeline_get_mark_point (timeline, m, &x_mark, &y));
          g_assert_true (cs_timeline_get_stop_point (timeline, 1, &x_applied, &y));
          g_assert_true (cs_timeline_get_stop_point (timeline, 2, &x_passed, &y));
          g_assert_cmpfloat (x_mark, >, x_applied);
          g_assert_cmpfloat (x_mark, <, x_passed);
        }
  }
  cs_timeline_activate_mark (timeline, 0);
  g_assert_cmpint (cs_view_state_get_selected_node (view), ==, (int)marks[0].node);

  /* Home: every stage */
  gtk_widget_activate_action (GTK_WIDGET (timeline), "timeline.first", NULL);
  g_assert_cmpint (cs_timeline_get_stage (timeline), ==, -1);
  g_assert_null (cs_view_state_get_filter (view)->stage);

  /* a graph without stages: no timeline */
  {
    g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "good", "small.json",
                                                   NULL);
    g_autoptr(GFile) small = g_file_new_for_path (path);

    cs_window_open (window, small);
    cs_test_respond (GTK_WINDOW (window), "Save Changes?", "discard");
    wait_until_idle (window);
    g_assert_false (gtk_widget_get_visible (GTK_WIDGET (timeline)));
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The organisation list mirrors the graph: selection goes both ways,
 * columns sort, the filter applies. */
static void
test_node_list (void)
{
  g_autoptr(GFile) file = cs_application_get_bundled_file ();
  CsWindow *window = open_window (file);
  CsViewState *view = cs_window_get_view_state (window);
  CsNodeList *list = cs_window_get_node_list (window);
  GListModel *model = cs_node_list_get_model (list);
  guint kaist = bundled_node (window, "kaist");
  g_autoptr(CsNodeItem) first = NULL;
  g_autoptr(CsFilter) filter = cs_filter_new ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-list", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 119);

  /* view → list */
  cs_view_state_select_node (view, kaist, CS_SELECTION_REPLACE);
  g_assert_cmpint (cs_node_list_get_selected (list), ==, kaist);

  /* list → canvas: the best-connected row first by default */
  first = g_list_model_get_item (model, 0);
  g_assert_cmpstr (cs_node_item_get_label (first), ==, "SK텔레콤 컨소시엄");
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (model), 0, TRUE);
  g_assert_cmpint (cs_view_state_get_selected_node (view), ==, cs_node_item_get_node (first));

  /* sorting by consortia puts KAIST (in four) first */
  cs_node_list_sort_by (list, "consortia", TRUE);
  g_clear_object (&first);
  first = g_list_model_get_item (model, 0);
  g_assert_cmpstr (cs_node_item_get_label (first), ==, "KAIST");
  g_assert_cmpuint (cs_node_item_get_consortia (first), ==, 4);

  /* the filter applies to the list too */
  for (guint t = 0; t < cs_graph_get_n_types (cs_view_state_get_graph (view)); t++)
    cs_filter_set_type_shown (filter, cs_graph_get_type_name (cs_view_state_get_graph (view), t),
                              t == CS_NODE_TYPE_UNIVERSITY);
  cs_view_state_set_filter (view, filter);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 8);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
exported_cb (CsExportDialog *dialog,
             const char     *filename,
             char          **out)
{
  *out = g_strdup (filename);
}

/* Ctrl+E: options, a thread, a file; a cancelled or failed export writes
 * nothing and says so, and the window answers all the while. */
static void
test_export_dialog (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "good", "small.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *dir = g_dir_make_tmp ("cs-export-dialog-XXXXXX", NULL);
  g_autofree char *png = g_build_filename (dir, "view.png", NULL);
  g_autofree char *big = g_build_filename (dir, "big.png", NULL);
  g_autofree char *bad = g_build_filename (dir, "missing", "x.png", NULL);
  g_autofree char *written = NULL;
  CsWindow *window = open_window (file);
  CsCanvas *canvas = cs_window_get_canvas (window);
  CsExportDialog *dialog;
  CsExportOptions options;
  cairo_surface_t *surface;
  gint64 deadline;

  /* the picture as the window shows it: size, view, pins */
  dialog = cs_export_dialog_new (GTK_WINDOW (window), cs_window_get_document (window),
                                 cs_window_get_view_state (window));
  cs_export_dialog_get_options (dialog, &options);
  g_assert_cmpint (options.format, ==, CS_EXPORT_FORMAT_PNG);
  g_assert_cmpint (options.width, ==, gtk_widget_get_width (GTK_WIDGET (canvas)));
  g_assert_cmpint (options.scope, ==, CS_EXPORT_SCOPE_ALL);
  g_assert_cmpfloat (options.dpi, ==, 96);
  g_assert_true (options.caption);
  g_signal_connect (dialog, "exported", G_CALLBACK (exported_cb), &written);
  gtk_window_present (GTK_WINDOW (dialog));
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
  cs_export_dialog_export_to (dialog, png);
  g_assert_true (cs_export_dialog_get_busy (dialog));
  deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while (written == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      cs_test_iterate ();
    }
  g_assert_cmpstr (written, ==, png);
  surface = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==,
                   gtk_widget_get_width (GTK_WIDGET (canvas)));
  cairo_surface_destroy (surface);
  /* the dialog closes itself */
  while (dialog != NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      cs_test_iterate ();
    }

  /* cancelled: nothing written, the dialog stays and says so */
  dialog = cs_export_dialog_new (GTK_WINDOW (window), cs_window_get_document (window),
                                 cs_window_get_view_state (window));
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
  {
    AdwComboRow *size = NULL, *scale = NULL;
    guint k = 0;

    for (GtkWidget *row = find_child (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW); row != NULL;
         row = gtk_widget_get_next_sibling (row))
      if (ADW_IS_COMBO_ROW (row))
        {
          if (k == 2)
            size = ADW_COMBO_ROW (row);
          if (k == 3)
            scale = ADW_COMBO_ROW (row);
          k++;
        }
    g_assert_nonnull (size);
    g_assert_nonnull (scale);
    adw_combo_row_set_selected (size, 3);  /* 3200 × 2400 */
    adw_combo_row_set_selected (scale, 1); /* 2× */
  }
  cs_export_dialog_get_options (dialog, &options);
  g_assert_cmpint (options.width, ==, 3200);
  g_assert_cmpfloat (options.scale, ==, 2);
  gtk_window_present (GTK_WINDOW (dialog));
  cs_export_dialog_export_to (dialog, big);
  cs_export_dialog_cancel (dialog);
  while (cs_export_dialog_get_busy (dialog))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline + 40 * G_USEC_PER_SEC);
      /* the window keeps answering: its actions still run */
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (canvas), "canvas.zoom-in", NULL));
      cs_test_iterate ();
    }
  g_assert_false (g_file_test (big, G_FILE_TEST_EXISTS));
  g_assert_nonnull (dialog);

  /* a write error is shown in the dialog */
  cs_export_dialog_export_to (dialog, bad);
  while (cs_export_dialog_get_busy (dialog))
    cs_test_iterate ();
  g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));
  g_assert_nonnull (dialog);
  gtk_window_destroy (GTK_WINDOW (dialog));

  g_unlink (png);
  g_rmdir (dir);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The export dialog draws the canvas's own scene: after "Same size for
 * every node", English names and a filter in the window, the scene it
 * exports is the one on screen. */
static void
test_export_matches_screen (void)
{
  g_autoptr(GFile) file = cs_application_get_bundled_file ();
  CsWindow *window = open_window (file);
  CsCanvas *canvas = cs_window_get_canvas (window);
  CsViewState *view = cs_window_get_view_state (window);
  g_autoptr(CsFilter) filter = cs_filter_new ();
  g_autoptr(CsScene) exported = NULL;
  g_autoptr(CsScene) before = NULL;
  CsExportDialog *dialog;
  CsScene *screen;
  guint team = bundled_node (window, "team-skt");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "view.uniform-size", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "view.english-labels", NULL));
  cs_filter_set_type_shown (filter, "person", FALSE);
  cs_view_state_set_filter (view, filter);
  cs_test_wait_for_frame (canvas);
  screen = cs_canvas_get_scene (canvas);

  dialog = cs_export_dialog_new (GTK_WINDOW (window), cs_window_get_document (window), view);
  exported = cs_export_dialog_build_scene (dialog);
  g_assert_nonnull (exported);
  g_assert_true (cs_scene_equal_content (screen, exported));
  g_assert_cmpfloat (cs_scene_get_node_radius (exported, team), ==,
                     cs_scene_get_node_radius (screen, team));
  g_assert_cmpstr (cs_scene_get_label (exported, team), ==, "SK Telecom consortium");

  /* the dialog keeps the picture as it was when it opened */
  before = g_steal_pointer (&exported);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "view.uniform-size", NULL));
  exported = cs_export_dialog_build_scene (dialog);
  g_assert_true (cs_scene_equal_content (before, exported));
  g_assert_false (cs_scene_equal_content (cs_canvas_get_scene (canvas), exported));

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
}

static char *
menu_label (GMenuModel *model,
            guint       index)
{
  char *label = NULL;

  g_assert_true (g_menu_model_get_item_attribute (model, index, G_MENU_ATTRIBUTE_LABEL, "s",
                                                  &label));
  return label;
}

/* The Style by Attribute menu offers, per channel, the automatic choice
 * (naming it), the types and the attributes that can drive it; choosing
 * one changes the view and the canvas, the screen and an export alike */
static void
test_style_menu (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "good", "styled.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  CsWindow *window = open_window (file);
  CsCanvas *canvas = cs_window_get_canvas (window);
  CsViewState *view = cs_window_get_view_state (window);
  GMenuModel *menu = G_MENU_MODEL (window->style_menu);
  GMenuModel *colour, *size;
  g_autoptr(GVariant) state = NULL;
  g_autofree char *automatic = NULL;
  g_autofree char *club = NULL;
  g_autofree char *weight = NULL;
  g_autoptr(CsScene) before = NULL;
  CsExportDialog *dialog;
  g_autoptr(CsScene) exported = NULL;
  guint a1, b1;

  g_assert_true (cs_graph_lookup (cs_document_get_graph (cs_window_get_document (window)), "a1",
                                  &a1));
  g_assert_true (cs_graph_lookup (cs_document_get_graph (cs_window_get_document (window)), "b1",
                                  &b1));
  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, CS_N_STYLE_CHANNELS);
  colour = g_menu_model_get_item_link (menu, CS_STYLE_COLOR, G_MENU_LINK_SECTION);
  size = g_menu_model_get_item_link (menu, CS_STYLE_SIZE, G_MENU_LINK_SECTION);
  /* automatic, the types, then club, weight and color */
  g_assert_cmpint (g_menu_model_get_n_items (colour), ==, 5);
  automatic = menu_label (colour, 0);
  club = menu_label (colour, 2);
  g_assert_cmpstr (automatic, ==, "_Automatic (color)");
  g_assert_cmpstr (club, ==, "club (2 values)");
  /* only numbers size nodes */
  g_assert_cmpint (g_menu_model_get_n_items (size), ==, 3);
  weight = menu_label (size, 2);
  g_assert_cmpstr (weight, ==, "weight (1 – 30)");
  g_object_unref (colour);
  g_object_unref (size);

  cs_test_wait_for_frame (canvas);
  before = cs_scene_ref (cs_canvas_get_scene (canvas));
  /* the file's colours: red and blue */
  g_assert_cmpfloat (cs_scene_get_node_style (before, a1)->fill.red, ==, 1.0);
  g_assert_cmpfloat (cs_scene_get_node_style (before, b1)->fill.blue, ==, 1.0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "view.color-by", "s", "a:club"));
  g_assert_cmpstr (cs_view_state_get_style_key (view, CS_STYLE_COLOR), ==, "club");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "view.shape-by", "s", "types"));
  g_assert_cmpstr (cs_view_state_get_style_key (view, CS_STYLE_SHAPE), ==, "");
  cs_test_wait_for_frame (canvas);
  g_assert_false (cs_scene_equal_content (before, cs_canvas_get_scene (canvas)));
  g_assert_cmpfloat (cs_scene_get_node_style (cs_canvas_get_scene (canvas), a1)->fill.red, !=, 1.0);
  /* the export draws what the screen does */
  dialog = cs_export_dialog_new (GTK_WINDOW (window), cs_window_get_document (window), view);
  exported = cs_export_dialog_build_scene (dialog);
  g_assert_true (cs_scene_equal_content (cs_canvas_get_scene (canvas), exported));
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* the action follows the view, as after opening a file with a view */
  cs_view_state_set_style_key (view, CS_STYLE_COLOR, NULL);
  state = g_action_group_get_action_state (G_ACTION_GROUP (window->view_actions), "color-by");
  g_assert_cmpstr (g_variant_get_string (state, NULL), ==, "auto");
  g_clear_pointer (&state, g_variant_unref);
  g_clear_pointer (&state, g_variant_unref);

  /* outlines by an attribute: the consortia layout gathers its groups */
  g_assert_cmpint (cs_document_get_algorithm (cs_window_get_document (window)), !=,
                   CS_LAYOUT_CONSORTIA);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "view.group-by", "s", "a:club"));
  state = g_action_group_get_action_state (G_ACTION_GROUP (window->view_actions), "group-by");
  g_assert_cmpstr (g_variant_get_string (state, NULL), ==, "a:club");
  wait_until_idle (window);
  g_assert_cmpint (cs_document_get_algorithm (cs_window_get_document (window)), ==,
                   CS_LAYOUT_CONSORTIA);
  {
    CsPositions *positions = cs_document_get_positions (cs_window_get_document (window));
    double ab = hypot (cs_positions_get_x (positions, a1) - cs_positions_get_x (positions, b1),
                       cs_positions_get_y (positions, a1) - cs_positions_get_y (positions, b1));
    guint a2;

    /* a club's members nearer each other than the two clubs' */
    g_assert_true (cs_graph_lookup (cs_document_get_graph (cs_window_get_document (window)), "a2",
                                    &a2));
    g_assert_cmpfloat (hypot (cs_positions_get_x (positions, a1) - cs_positions_get_x (positions, a2),
                              cs_positions_get_y (positions, a1) - cs_positions_get_y (positions, a2)),
                       <, ab);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

typedef struct
{
  GMutex   mutex;
  GCond    cond;
  gboolean locked;
  gboolean release;
} LockHolder;

/* stands for a layout running in a worker */
static gpointer
hold_igraph (gpointer data)
{
  LockHolder *holder = data;

  _cs_igraph_lock ();
  g_mutex_lock (&holder->mutex);
  holder->locked = TRUE;
  g_cond_broadcast (&holder->cond);
  while (!holder->release)
    g_cond_wait (&holder->cond, &holder->mutex);
  g_mutex_unlock (&holder->mutex);
  _cs_igraph_unlock ();
  return NULL;
}

static gboolean
tick_cb (gpointer data)
{
  (*(guint *)data)++;
  return G_SOURCE_CONTINUE;
}

/* Betweenness runs in a worker and is kept by the document: while igraph
 * is busy elsewhere the window keeps answering and the inspector says the
 * figure is on its way; then it shows it. */
static void
test_metrics_in_background (void)
{
  g_autoptr(GFile) file = cs_application_get_bundled_file ();
  CsWindow *window = open_window (file);
  CsDocument *document = cs_window_get_document (window);
  CsInspector *inspector = cs_window_get_inspector (window);
  LockHolder holder = { .locked = FALSE };
  guint kaist = bundled_node (window, "kaist");
  g_autofree char *waiting = NULL;
  g_autofree char *done = NULL;
  gint64 deadline;
  guint ticks = 0, source;
  GThread *thread;

  g_mutex_init (&holder.mutex);
  g_cond_init (&holder.cond);
  thread = g_thread_new ("igraph-holder", hold_igraph, &holder);
  g_mutex_lock (&holder.mutex);
  while (!holder.locked)
    g_cond_wait (&holder.cond, &holder.mutex);
  g_mutex_unlock (&holder.mutex);

  g_assert_null (cs_document_get_betweenness (document));
  cs_view_state_select_node (cs_window_get_view_state (window), kaist, CS_SELECTION_REPLACE);
  /* the selection returned at once, with the figure still to come */
  g_assert_true (cs_document_get_metrics_pending (document));
  waiting = cs_inspector_dup_text (inspector);
  g_assert_nonnull (strstr (waiting, "Betweenness: computing…"));

  /* the main loop runs on meanwhile */
  source = g_timeout_add (10, tick_cb, &ticks);
  deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while (ticks < 5)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      cs_test_iterate ();
    }
  g_source_remove (source);
  g_assert_null (cs_document_get_betweenness (document));

  g_mutex_lock (&holder.mutex);
  holder.release = TRUE;
  g_cond_broadcast (&holder.cond);
  g_mutex_unlock (&holder.mutex);
  g_thread_join (thread);
  g_mutex_clear (&holder.mutex);
  g_cond_clear (&holder.cond);

  deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while (cs_document_get_betweenness (document) == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      cs_test_iterate ();
    }
  done = cs_inspector_dup_text (inspector);
  g_assert_null (strstr (done, "computing"));
  g_assert_nonnull (strstr (done, "Betweenness: 0."));
  gtk_window_destroy (GTK_WINDOW (window));
}


static gboolean
filter_matches (GtkFileFilter *filter,
                const char    *name,
                const char    *content_type)
{
  g_autoptr(GFileInfo) info = g_file_info_new ();

  g_file_info_set_display_name (info, name);
  g_file_info_set_content_type (info, content_type);
  return gtk_filter_match (GTK_FILTER (filter), info);
}

/* The file chooser offers every format of the importer registry, all of
 * them together first */
static void
test_open_filters (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "good", "small.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GListModel) filters = _cs_window_new_open_filters ();
  /* in the registry's order (cs-importer.c) */
  const char *names[] = {
    "All graph files", "Consortia graph (JSON)", "JSON Graph Format",
    "Node-link JSON (d3, NetworkX)", "Cytoscape.js JSON", "graphology JSON (and MiniVan bundles)",
    "GraphML", "GEXF (Gephi)", "GML", "Pajek network", "Graphviz DOT", "CSV edge list",
    "All files",
  };
  const char *graphs[] = { "a.json", "b.gv", "c.dot", "d.csv", "e.TSV", "f.graphml", "g.gexf",
                           "h.gml", "i.net" };
  g_autoptr(GtkFileFilter) all = NULL;
  g_autoptr(GtkFileFilter) dot = NULL;
  g_autoptr(GListModel) offered = NULL;
  GtkFileFilter *first;
  g_autoptr(GtkFileChooserNative) chooser = NULL;
  g_autoptr(GFile) folder = NULL;
  CsWindow *window;

  g_assert_cmpuint (g_list_model_get_n_items (filters), ==, G_N_ELEMENTS (names));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GtkFileFilter) filter = g_list_model_get_item (filters, i);

      g_assert_cmpstr (gtk_file_filter_get_name (filter), ==, names[i]);
    }
  all = g_list_model_get_item (filters, 0);
  for (guint i = 0; i < G_N_ELEMENTS (graphs); i++)
    g_assert_true (filter_matches (all, graphs[i], "application/octet-stream"));
  /* by MIME type, whatever the name */
  g_assert_true (filter_matches (all, "edges", "text/csv"));
  g_assert_true (filter_matches (all, "graph", "text/vnd.graphviz"));
  g_assert_false (filter_matches (all, "notes.txt", "text/plain"));
  dot = g_list_model_get_item (filters, 10);
  g_assert_true (filter_matches (dot, "c.dot", "application/octet-stream"));
  g_assert_false (filter_matches (dot, "d.csv", "text/csv"));

  /* and the window's chooser (win.open shows it) has them, all graph
   * files chosen, in the open file's folder */
  window = open_window (file);
  chooser = _cs_window_new_open_chooser (window);
  offered = gtk_file_chooser_get_filters (GTK_FILE_CHOOSER (chooser));
  g_assert_cmpuint (g_list_model_get_n_items (offered), ==, G_N_ELEMENTS (names));
  first = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (chooser));
  g_assert_cmpstr (gtk_file_filter_get_name (first), ==, "All graph files");
  folder = gtk_file_chooser_get_current_folder (GTK_FILE_CHOOSER (chooser));
  g_assert_true (g_file_has_parent (file, folder));
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  gtk_window_destroy (GTK_WINDOW (window));
}

static const char *
label_text (GtkWidget *widget)
{
  for (GtkWidget *child = widget; child != NULL; child = gtk_widget_get_first_child (child))
    if (GTK_IS_LABEL (child))
      return gtk_label_get_text (GTK_LABEL (child));
  return NULL;
}

/* A file read with warnings says so in a toast; its button lists them */
static void
test_import_problems (void)
{
  g_autofree char *dot = g_test_build_filename (G_TEST_DIST, "data", "import", "clusters.dot",
                                                NULL);
  g_autofree char *csv = g_test_build_filename (G_TEST_DIST, "data", "import", "edges.tsv", NULL);
  g_autoptr(GFile) dot_file = g_file_new_for_path (dot);
  g_autoptr(GFile) csv_file = g_file_new_for_path (csv);
  CsWindow *window = open_window (dot_file);
  CsDocument *document = cs_window_get_document (window);
  AdwToast *toast = _cs_window_get_problems_toast (window);
  AdwMessageDialog *dialog;
  const char *text;

  g_assert_cmpuint (cs_graph_get_n_nodes (cs_document_get_graph (document)), ==, 6);
  /* the groups are consortia: the consortia layout and outlines apply */
  g_assert_cmpstr (cs_layout_algorithm_to_string (cs_document_get_algorithm (document)), ==,
                   "consortia");
  assert_graph_drawn (cs_window_get_canvas (window));
  g_assert_nonnull (toast);
  g_assert_cmpstr (adw_toast_get_title (toast), ==, "Opened with 2 problems");
  g_assert_cmpstr (adw_toast_get_button_label (toast), ==, "_Details");
  g_assert_cmpstr (adw_toast_get_action_name (toast), ==, "win.show-problems");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-problems", NULL));
  dialog = cs_test_wait_for_dialog (GTK_WINDOW (window), "Problems in “clusters.dot”");
  text = label_text (adw_message_dialog_get_extra_child (dialog));
  g_assert_nonnull (text);
  g_assert_cmpstr (text, ==,
                   "clusters.dot:6:3: warning: 2 subgraphs made into groups (cluster_ai, "
                   "cluster_chips): a node of type consortium each, with a member_of edge from "
                   "each of its members\n"
                   "clusters.dot:4:3: warning: the graph's attribute rankdir is left out "
                   "(Consortia keeps a graph's label, as its title)");
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* a file without problems: no toast, nothing to list */
  cs_window_open (window, csv_file);
  cs_test_respond (GTK_WINDOW (window), "Open “edges.tsv” as a List of Links?", "links");
  wait_until_idle (window);
  g_assert_true (g_file_equal (cs_document_get_file (document), csv_file));
  g_assert_null (_cs_window_get_problems_toast (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-problems", NULL);
  g_assert_null (find_message_dialog ());
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Dropping a file of any format opens it */
static void
test_drop_other_formats (void)
{
  g_autofree char *json = g_test_build_filename (G_TEST_DIST, "data", "good", "small.json", NULL);
  g_autofree char *csv = g_test_build_filename (G_TEST_DIST, "data", "import", "edges-comma.csv",
                                                NULL);
  g_autoptr(GFile) json_file = g_file_new_for_path (json);
  g_autoptr(GFile) csv_file = g_file_new_for_path (csv);
  CsWindow *window = open_window (json_file);
  GtkEventController *target = find_controller (GTK_WIDGET (window), GTK_TYPE_DROP_TARGET);
  GSList *files = g_slist_prepend (NULL, csv_file);
  GValue value = G_VALUE_INIT;
  gboolean handled = FALSE;

  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (files));
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &handled);
  g_value_unset (&value);
  g_slist_free (files);
  g_assert_true (handled);
  cs_test_respond (GTK_WINDOW (window), "Open “edges-comma.csv” as a List of Links?", "links");
  wait_until_idle (window);
  g_assert_true (g_file_equal (cs_document_get_file (cs_window_get_document (window)), csv_file));
  g_assert_cmpuint (cs_graph_get_n_nodes (cs_document_get_graph (cs_window_get_document (window))),
                    ==, 3);
  g_assert_nonnull (_cs_window_get_problems_toast (window));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A CSV edge list asks whether a node table comes with it: cancelling
 * keeps the open graph, a table joins its nodes, and reading the file
 * again (it changed on disk) reads the same table */
static void
test_csv_node_table (void)
{
  g_autofree char *json = g_test_build_filename (G_TEST_DIST, "data", "good", "small.json", NULL);
  g_autofree char *edges = g_test_build_filename (G_TEST_DIST, "data", "import", "join-edges.csv",
                                                  NULL);
  g_autofree char *nodes = g_test_build_filename (G_TEST_DIST, "data", "import", "join-nodes.csv",
                                                  NULL);
  g_autoptr(GFile) json_file = g_file_new_for_path (json);
  g_autoptr(GFile) edges_file = g_file_new_for_path (edges);
  g_autoptr(GFile) nodes_file = g_file_new_for_path (nodes);
  CsWindow *window = open_window (json_file);
  CsDocument *document = cs_window_get_document (window);
  AdwMessageDialog *dialog;
  CsGraph *graph;
  guint n1;

  cs_window_open (window, edges_file);
  dialog = cs_test_wait_for_dialog (GTK_WINDOW (window), "Open “join-edges.csv” as a List of Links?");
  g_assert_true (adw_message_dialog_has_response (dialog, "table"));
  g_assert_true (adw_message_dialog_has_response (dialog, "links"));
  g_assert_cmpstr (adw_message_dialog_get_close_response (dialog), ==, "cancel");
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  wait_until_idle (window);
  g_assert_true (g_file_equal (cs_document_get_file (document), json_file));

  /* what choosing the table in its chooser does */
  _cs_window_load_full (window, edges_file, nodes_file, 0, NULL);
  wait_until_idle (window);
  graph = cs_document_get_graph (document);
  g_assert_true (g_file_equal (cs_document_get_file (document), edges_file));
  g_assert_true (g_file_equal (cs_document_get_nodes_file (document), nodes_file));
  g_assert_true (cs_graph_lookup (graph, "n1", &n1));
  g_assert_cmpstr (cs_graph_get_node (graph, n1)->label, ==, "Samsung Electronics");
  g_assert_cmpint (cs_graph_get_node (graph, n1)->type, ==, CS_NODE_TYPE_COMPANY);

  /* read again as it was */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.reload", NULL));
  wait_until_idle (window);
  g_assert_true (cs_document_get_graph (document) != graph);
  graph = cs_document_get_graph (document);
  g_assert_true (cs_graph_lookup (graph, "n1", &n1));
  g_assert_cmpstr (cs_graph_get_node (graph, n1)->label, ==, "Samsung Electronics");
  g_assert_null (find_message_dialog ());
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A file of several graphs opens its first and says so; another can be
 * picked, and reading the file again keeps to it */
static void
test_choose_graph (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("CONSORTIA_TESTDATA"), "jgf",
                                            "car_graphs.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  CsWindow *window = open_window (file);
  CsDocument *document = cs_window_get_document (window);
  AdwMessageDialog *dialog;
  GtkDropDown *graphs;
  guint index = G_MAXUINT;

  g_assert_cmpuint (cs_graph_get_n_file_graphs (cs_document_get_graph (document), &index), ==, 2);
  g_assert_cmpuint (index, ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.choose-graph", NULL));
  dialog = cs_test_wait_for_dialog (GTK_WINDOW (window), "Open Another Graph?");
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==,
                   "“car_graphs.json” holds 2 graphs; graph 1 is open.");
  graphs = GTK_DROP_DOWN (adw_message_dialog_get_extra_child (dialog));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (graphs)), ==, 2);
  gtk_drop_down_set_selected (graphs, 1);
  adw_message_dialog_response (dialog, "open");
  gtk_window_destroy (GTK_WINDOW (dialog));
  wait_until_idle (window);
  g_assert_cmpuint (cs_graph_get_n_file_graphs (cs_document_get_graph (document), &index), ==, 2);
  g_assert_cmpuint (index, ==, 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.reload", NULL));
  wait_until_idle (window);
  g_assert_cmpuint (cs_graph_get_n_file_graphs (cs_document_get_graph (document), &index), ==, 2);
  g_assert_cmpuint (index, ==, 1);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The shortcuts window builds: GtkApplication loads it by itself and an
 * error in it would abort the app. */
static void
test_help_overlay (void)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new ();
  g_autoptr(GError) error = NULL;
  GObject *overlay;

  g_assert_true (
      gtk_builder_add_from_resource (builder, RESOURCE_BASE "/gtk/help-overlay.ui", &error));
  g_assert_no_error (error);
  overlay = gtk_builder_get_object (builder, "help_overlay");
  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));
  gtk_window_destroy (GTK_WINDOW (overlay));
}

/* Every control has a name a screen reader says (its text, or an
 * accessible label) and the icon-only ones a tooltip; the canvas is an
 * image named after the graph, described by what it shows and what is
 * selected. */
static void
collect_unnamed (GtkWidget *widget,
                 GPtrArray *unnamed)
{
  /* the insides of composite controls are named by the control */
  if (GTK_IS_MENU_BUTTON (widget) || GTK_IS_DROP_DOWN (widget) || ADW_IS_COMBO_ROW (widget) ||
      GTK_IS_WINDOW_CONTROLS (widget) || GTK_IS_POPOVER_MENU (widget) ||
      GTK_IS_SPIN_BUTTON (widget) || GTK_IS_SEARCH_ENTRY (widget))
    {
      if (GTK_IS_MENU_BUTTON (widget) &&
          gtk_menu_button_get_label (GTK_MENU_BUTTON (widget)) == NULL &&
          (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget),
                                              GTK_ACCESSIBLE_PROPERTY_LABEL) ||
           gtk_widget_get_tooltip_text (widget) == NULL))
        g_ptr_array_add (unnamed, g_strdup (gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (widget))));
      return;
    }
  if (GTK_IS_BUTTON (widget) && !GTK_IS_LINK_BUTTON (widget))
    {
      const char *label = gtk_button_get_label (GTK_BUTTON (widget));
      GtkWidget *child = gtk_button_get_child (GTK_BUTTON (widget));
      gboolean has_text = (label != NULL && *label != '\0' &&
                           gtk_button_get_icon_name (GTK_BUTTON (widget)) == NULL) ||
                          GTK_IS_LABEL (child) || (child != NULL && !GTK_IS_IMAGE (child));

      if (!has_text && (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget),
                                                           GTK_ACCESSIBLE_PROPERTY_LABEL) ||
                        gtk_widget_get_tooltip_text (widget) == NULL))
        g_ptr_array_add (unnamed, g_strdup_printf ("%s in %s",
                                                   gtk_button_get_icon_name (GTK_BUTTON (widget))
                                                       ? gtk_button_get_icon_name (GTK_BUTTON (widget))
                                                       : G_OBJECT_TYPE_NAME (widget),
                                                   G_OBJECT_TYPE_NAME (gtk_widget_get_parent (widget))));
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_unnamed (child, unnamed);
}

static void
test_accessible (void)
{
  g_autoptr(GFile) file = cs_application_get_bundled_file ();
  CsWindow *window = open_window (file);
  CsCanvas *canvas = cs_window_get_canvas (window);
  CsGraph *graph = cs_document_get_graph (cs_window_get_document (window));
  g_autoptr(GPtrArray) unnamed = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *expected = NULL;
  g_autofree char *failed = NULL;
  guint krafton = bundled_node (window, "krafton");

  collect_unnamed (GTK_WIDGET (window), unnamed);
  collect_unnamed (GTK_WIDGET (cs_window_get_inspector (window)), unnamed);
  for (guint i = 0; i < unnamed->len; i++)
    g_printerr ("# unnamed: %s\n", (char *)unnamed->pdata[i]);
  g_assert_cmpuint (unnamed->len, ==, 0);

  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (canvas), GTK_ACCESSIBLE_ROLE_IMG);
  failed = gtk_test_accessible_check_property (GTK_ACCESSIBLE (canvas),
                                               GTK_ACCESSIBLE_PROPERTY_LABEL,
                                               cs_graph_get_title (graph));
  g_assert_null (failed);
  expected = g_strdup_printf ("%u of %u nodes and %u of %u links shown; nothing selected",
                              cs_graph_get_n_nodes (graph), cs_graph_get_n_nodes (graph),
                              cs_graph_get_n_edges (graph), cs_graph_get_n_edges (graph));
  failed = gtk_test_accessible_check_property (GTK_ACCESSIBLE (canvas),
                                               GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, expected);
  g_assert_null (failed);
  cs_view_state_select_node (cs_window_get_view_state (window), krafton, CS_SELECTION_REPLACE);
  g_free (expected);
  expected = g_strdup_printf ("%u of %u nodes and %u of %u links shown; selected: 크래프톤",
                              cs_graph_get_n_nodes (graph), cs_graph_get_n_nodes (graph),
                              cs_graph_get_n_edges (graph), cs_graph_get_n_edges (graph));
  failed = gtk_test_accessible_check_property (GTK_ACCESSIBLE (canvas),
                                               GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, expected);
  g_assert_null (failed);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A panel that closes gives the keyboard back to the canvas */
static void
test_panel_focus (void)
{
  g_autoptr(GFile) file = cs_application_get_bundled_file ();
  CsWindow *window = open_window (file);
  GtkWidget *canvas = GTK_WIDGET (cs_window_get_canvas (window));
  GtkWidget *list = GTK_WIDGET (cs_window_get_node_list (window));
  GtkWidget *focus;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-list", NULL));
  /* once the list has slid in */
  for (gint64 end = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;
       g_get_monotonic_time () < end &&
       ((focus = gtk_window_get_focus (GTK_WINDOW (window))) == NULL ||
        !(focus == list || gtk_widget_is_ancestor (focus, list)));)
    cs_test_iterate ();
  focus = gtk_window_get_focus (GTK_WINDOW (window));
  g_assert_nonnull (focus);
  g_assert_true (focus == list || gtk_widget_is_ancestor (focus, list));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-list", NULL));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (window)) == canvas);

  /* the inspector: focus in it, then the selection cleared closes it */
  cs_view_state_select_node (cs_window_get_view_state (window), bundled_node (window, "krafton"),
                             CS_SELECTION_REPLACE);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_true (cs_window_get_inspector_revealed (window));
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (cs_window_get_inspector (window)),
                                         GTK_DIR_TAB_FORWARD));
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (window)),
                                         GTK_WIDGET (cs_window_get_inspector (window))));
  cs_view_state_select_node (cs_window_get_view_state (window), -1, CS_SELECTION_REPLACE);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_false (cs_window_get_inspector_revealed (window));
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (window)) == canvas);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Alt+arrows move the selection as a drag does: pinned, one undo step */
static void
test_keyboard_move (void)
{
  g_autoptr(GFile) file = cs_application_get_bundled_file ();
  CsWindow *window = open_window (file);
  CsCanvas *canvas = cs_window_get_canvas (window);
  CsDocument *document = cs_window_get_document (window);
  guint krafton = bundled_node (window, "krafton");
  double x0, y0, zoom;

  cs_view_state_select_node (cs_window_get_view_state (window), krafton, CS_SELECTION_REPLACE);
  x0 = cs_positions_get_x (cs_document_get_positions (document), krafton);
  y0 = cs_positions_get_y (cs_document_get_positions (document), krafton);
  zoom = cs_scene_get_zoom (cs_canvas_get_scene (canvas));
  g_assert_false (cs_document_get_pinned (document, krafton));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (canvas), "canvas.nudge", "(dd)", 5.0,
                                             -1.0));
  g_assert_cmpfloat_with_epsilon (cs_positions_get_x (cs_document_get_positions (document), krafton),
                                  x0 + 40 / zoom, 1e-6);
  g_assert_cmpfloat_with_epsilon (cs_positions_get_y (cs_document_get_positions (document), krafton),
                                  y0 - 8 / zoom, 1e-6);
  g_assert_true (cs_document_get_pinned (document, krafton));
  g_assert_true (cs_document_undo (document));
  g_assert_cmpfloat (cs_positions_get_x (cs_document_get_positions (document), krafton), ==, x0);
  g_assert_false (cs_document_get_pinned (document, krafton));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A view the user has not moved follows the window's size, a selection
 * notwithstanding; one zoomed by hand keeps its zoom */
static void
wait_for_canvas_width (CsCanvas *canvas,
                       int       old_width)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (gtk_widget_get_width (GTK_WIDGET (canvas)) == old_width)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      cs_test_iterate ();
    }
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
test_resize_refits (void)
{
  g_autoptr(GFile) file = cs_application_get_bundled_file ();
  CsWindow *window = open_window (file);
  CsCanvas *canvas = cs_window_get_canvas (window);
  CsViewport *viewport = cs_view_state_get_viewport (cs_window_get_view_state (window));
  CsScene *scene;
  double zoom;
  int width;

  /* a selection made with the inspector kept closed (F9) */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-inspector", NULL));
  cs_view_state_select_node (cs_window_get_view_state (window), bundled_node (window, "krafton"),
                             CS_SELECTION_REPLACE);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  zoom = cs_viewport_get_zoom (viewport);
  width = gtk_widget_get_width (GTK_WIDGET (canvas));
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 1000);
  wait_for_canvas_width (canvas, width);
  cs_test_wait_for_frame (canvas);
  /* bigger window, bigger picture, every node inside it */
  g_assert_cmpfloat (cs_viewport_get_zoom (viewport), >, zoom * 1.1);
  scene = cs_canvas_get_scene (canvas);
  for (guint i = 0; i < cs_graph_get_n_nodes (cs_scene_get_graph (scene)); i++)
    {
      double x, y;

      cs_scene_node_to_device (scene, i, &x, &y);
      g_assert_cmpfloat (x, >=, 0);
      g_assert_cmpfloat (x, <=, gtk_widget_get_width (GTK_WIDGET (canvas)));
      g_assert_cmpfloat (y, >=, 0);
      g_assert_cmpfloat (y, <=, gtk_widget_get_height (GTK_WIDGET (canvas)));
    }

  /* zoomed by hand: the window's size no longer changes the zoom */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (canvas), "canvas.zoom-in", NULL));
  zoom = cs_viewport_get_zoom (viewport);
  width = gtk_widget_get_width (GTK_WIDGET (canvas));
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 760);
  wait_for_canvas_width (canvas, width);
  g_assert_cmpfloat (cs_viewport_get_zoom (viewport), ==, zoom);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A filter frames what it keeps, clearing it frames the whole graph
 * again; a stage step keeps the view; after a zoom by hand nothing moves */
static void
test_filter_frames (void)
{
  g_autoptr(GFile) file = cs_application_get_bundled_file ();
  CsWindow *window = open_window (file);
  CsCanvas *canvas = cs_window_get_canvas (window);
  CsViewState *view = cs_window_get_view_state (window);
  CsViewport *viewport = cs_view_state_get_viewport (view);
  g_autoptr(CsFilter) filter = cs_filter_new ();
  const guint8 *shown;
  CsScene *scene;
  double all_zoom, team_zoom;

  all_zoom = cs_viewport_get_zoom (viewport);
  filter->consortium = (int)bundled_node (window, "team-skt");
  cs_view_state_set_filter (view, filter);
  cs_test_wait_for_frame (canvas);
  team_zoom = cs_viewport_get_zoom (viewport);
  g_assert_cmpfloat (team_zoom, >, all_zoom * 1.2);
  scene = cs_canvas_get_scene (canvas);
  shown = cs_view_state_get_node_shown (view);
  for (guint i = 0; i < cs_graph_get_n_nodes (cs_scene_get_graph (scene)); i++)
    {
      double x, y;

      if (!shown[i])
        continue;
      cs_scene_node_to_device (scene, i, &x, &y);
      g_assert_cmpfloat (x, >=, 0);
      g_assert_cmpfloat (x, <=, gtk_widget_get_width (GTK_WIDGET (canvas)));
      g_assert_cmpfloat (y, >=, 0);
      g_assert_cmpfloat (y, <=, gtk_widget_get_height (GTK_WIDGET (canvas)));
    }

  /* a stage shown with it: the view stays */
  g_free (filter->stage);
  filter->stage = g_strdup ("selected");
  cs_view_state_set_filter (view, filter);
  cs_test_wait_for_frame (canvas);
  g_assert_cmpfloat (cs_viewport_get_zoom (viewport), ==, team_zoom);

  /* cleared: the whole graph again */
  {
    g_autoptr(CsFilter) none = cs_filter_new ();

    cs_view_state_set_filter (view, none);
  }
  cs_test_wait_for_frame (canvas);
  g_assert_cmpfloat_with_epsilon (cs_viewport_get_zoom (viewport), all_zoom, all_zoom * 1e-6);

  /* zoomed by hand: a filter leaves the view as it is */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (canvas), "canvas.zoom-in", NULL));
  all_zoom = cs_viewport_get_zoom (viewport);
  g_free (filter->stage);
  filter->stage = NULL;
  cs_view_state_set_filter (view, filter);
  cs_test_wait_for_frame (canvas);
  g_assert_cmpfloat (cs_viewport_get_zoom (viewport), ==, all_zoom);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Escape in the filter's role field closes the filter panel */
static void
test_filter_role_escape (void)
{
  g_autoptr(GFile) file = cs_application_get_bundled_file ();
  CsWindow *window = open_window (file);
  GtkWidget *panel = find_child (GTK_WIDGET (window), CS_TYPE_FILTER_PANEL);
  GtkWidget *popover = gtk_widget_get_ancestor (panel, GTK_TYPE_POPOVER);
  GtkWidget *role = NULL;

  /* the panel's own search entry, not one in a drop-down's popup */
  {
    g_autoptr(GPtrArray) stack = g_ptr_array_new ();

    g_ptr_array_add (stack, panel);
    while (stack->len > 0 && role == NULL)
      {
        GtkWidget *w = g_ptr_array_steal_index (stack, stack->len - 1);

        if (GTK_IS_DROP_DOWN (w))
          continue;
        if (GTK_IS_SEARCH_ENTRY (w))
          role = w;
        for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL;
             c = gtk_widget_get_next_sibling (c))
          g_ptr_array_add (stack, c);
      }
  }

  g_assert_nonnull (popover);
  g_assert_nonnull (role);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.filter", NULL));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_true (gtk_widget_get_visible (popover));
  gtk_editable_set_text (GTK_EDITABLE (role), "NPU");
  g_signal_emit_by_name (role, "stop-search");
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_false (gtk_widget_get_visible (popover));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The inspector's back button returns to the nodes shown before, as a
 * browser's does; it is there only when there is somewhere to go back to */
static void
test_inspector_back (void)
{
  g_autoptr(GFile) file = cs_application_get_bundled_file ();
  CsWindow *window = open_window (file);
  CsViewState *view = cs_window_get_view_state (window);
  CsInspector *inspector = cs_window_get_inspector (window);
  /* the first button of the inspector's header is the back button */
  GtkWidget *back = find_child (GTK_WIDGET (inspector), GTK_TYPE_BUTTON);
  guint kaist = bundled_node (window, "kaist"), krafton = bundled_node (window, "krafton"),
        skt = bundled_node (window, "skt");

  g_assert_nonnull (back);
  g_assert_cmpstr (gtk_button_get_icon_name (GTK_BUTTON (back)), ==, "go-previous-symbolic");

  cs_view_state_select_node (view, kaist, CS_SELECTION_REPLACE);
  g_assert_false (gtk_widget_get_visible (back));
  cs_view_state_select_node (view, krafton, CS_SELECTION_REPLACE);
  cs_view_state_select_node (view, skt, CS_SELECTION_REPLACE);
  g_assert_true (gtk_widget_get_visible (back));

  g_signal_emit_by_name (back, "clicked");
  g_assert_cmpint (cs_view_state_get_selected_node (view), ==, krafton);
  g_assert_cmpint (cs_inspector_get_node (inspector), ==, krafton);
  g_assert_true (gtk_widget_get_visible (back));
  g_signal_emit_by_name (back, "clicked");
  g_assert_cmpint (cs_view_state_get_selected_node (view), ==, kaist);
  g_assert_false (gtk_widget_get_visible (back));

  /* clearing the selection ends the trail */
  cs_view_state_select_node (view, krafton, CS_SELECTION_REPLACE);
  g_assert_true (gtk_widget_get_visible (back));
  cs_view_state_select_node (view, -1, CS_SELECTION_REPLACE);
  cs_view_state_select_node (view, skt, CS_SELECTION_REPLACE);
  g_assert_false (gtk_widget_get_visible (back));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Several nodes selected: the inspector sums them up; a row leads to one */
static void
test_inspector_several (void)
{
  g_autoptr(GFile) file = cs_application_get_bundled_file ();
  CsWindow *window = open_window (file);
  CsViewState *view = cs_window_get_view_state (window);
  CsInspector *inspector = cs_window_get_inspector (window);
  guint nodes[] = { bundled_node (window, "kaist"), bundled_node (window, "krafton"),
                    bundled_node (window, "skt") };
  g_autofree char *text = NULL;

  cs_view_state_select_nodes (view, nodes, G_N_ELEMENTS (nodes), CS_SELECTION_REPLACE);
  g_assert_true (cs_window_get_inspector_revealed (window));
  text = cs_inspector_dup_text (inspector);
  g_assert_true (g_str_has_prefix (text, "3 nodes selected\n"));
  g_assert_nonnull (strstr (text, "Links among them"));
  g_assert_nonnull (strstr (text, "SK텔레콤 (SK Telecom)"));

  /* down to one: that node's own inspection */
  g_signal_emit_by_name (inspector, "navigate", nodes[1]);
  g_assert_cmpint (cs_view_state_get_selected_node (view), ==, (int)nodes[1]);
  g_clear_pointer (&text, g_free);
  text = cs_inspector_dup_text (inspector);
  g_assert_true (g_str_has_prefix (text, "크래프톤"));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The accessibility check the "-a11y" runs make catches a button with
 * only an icon and no tooltip, and a control with no name at all */
static void
test_accessibility_check (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *named = gtk_button_new_from_icon_name ("document-open-symbolic");
  GtkWidget *bare = gtk_button_new_from_icon_name ("edit-find-symbolic");
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  gtk_widget_set_tooltip_text (named, "Open");
  gtk_accessible_update_property (GTK_ACCESSIBLE (named), GTK_ACCESSIBLE_PROPERTY_LABEL, "Open",
                                  -1);
  gtk_box_append (GTK_BOX (box), named);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (named))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      cs_test_iterate ();
    }
  g_assert_cmpuint (cs_test_check_accessible (window), ==, 1);

  gtk_box_append (GTK_BOX (box), bare);
  gtk_accessible_update_property (GTK_ACCESSIBLE (bare), GTK_ACCESSIBLE_PROPERTY_LABEL, "Find",
                                  -1);
  while (!gtk_widget_get_mapped (bare))
    cs_test_iterate ();
  if (g_test_subprocess ())
    {
      cs_test_check_accessible (window);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*an icon and no tooltip: GtkButton < GtkBox < GtkWindow*");

  gtk_widget_set_tooltip_text (bare, "Find");
  g_assert_cmpuint (cs_test_check_accessible (window), ==, 2);
  g_test_trap_subprocess ("/cs/window/accessibility-check/unnamed", 0,
                          G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*no accessible name: GtkSwitch < GtkBox < GtkWindow*");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* the subprocess of the above: a switch nothing names */
static void
test_accessibility_check_unnamed (void)
{
  GtkWidget *window;
  GtkWidget *box;

  if (!g_test_subprocess ())
    return;
  window = gtk_window_new ();
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_box_append (GTK_BOX (box), gtk_switch_new ());
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (gtk_widget_get_first_child (box)))
    cs_test_iterate ();
  cs_test_check_accessible (window);
}

int
main (int   argc,
      char *argv[])
{
  cs_test_use_own_state_dir ();
  /* GTK's test accessibility backend: the accessible properties can be
   * read back (with "none" there are none) */
  g_setenv ("GTK_A11Y", "test", TRUE);
  /* no ISOLATE_DIRS: GTK finds image formats through the MIME database in
   * the system data dirs; settings stay in memory (GSETTINGS_BACKEND) */
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_printerr ("no display: run the GUI suite under xvfb-run\n");
      return 77;
    }
  adw_init ();
  cs_test_gui_init ();

  g_test_add_func ("/cs/window/opens-and-draws", test_opens_and_draws);
  g_test_add_func ("/cs/window/accessibility-check", test_accessibility_check);
  g_test_add_func ("/cs/window/accessibility-check/unnamed", test_accessibility_check_unnamed);
  g_test_add_func ("/cs/window/bundled-graph", test_bundled_graph);
  g_test_add_func ("/cs/window/bundled-layout-prebuilt", test_bundled_layout_prebuilt);
  g_test_add_func ("/cs/window/bad-file-keeps-graph", test_bad_file_keeps_graph);
  g_test_add_func ("/cs/window/pan-and-zoom", test_pan_and_zoom);
  g_test_add_func ("/cs/window/help-overlay", test_help_overlay);
  g_test_add_func ("/cs/window/inspector", test_inspector);
  g_test_add_func ("/cs/window/inspector-back", test_inspector_back);
  g_test_add_func ("/cs/window/inspector-several", test_inspector_several);
  g_test_add_func ("/cs/window/search", test_search);
  g_test_add_func ("/cs/window/accessible", test_accessible);
  g_test_add_func ("/cs/window/panel-focus", test_panel_focus);
  g_test_add_func ("/cs/window/keyboard-move", test_keyboard_move);
  g_test_add_func ("/cs/window/resize-refits", test_resize_refits);
  g_test_add_func ("/cs/window/filter-frames", test_filter_frames);
  g_test_add_func ("/cs/window/filter-role-escape", test_filter_role_escape);
  g_test_add_func ("/cs/window/filter-panel", test_filter_panel);
  g_test_add_func ("/cs/window/node-list", test_node_list);
  g_test_add_func ("/cs/window/timeline", test_timeline);
  g_test_add_func ("/cs/window/export-dialog", test_export_dialog);
  g_test_add_func ("/cs/window/style-menu", test_style_menu);
  g_test_add_func ("/cs/window/csv-node-table", test_csv_node_table);
  g_test_add_func ("/cs/window/choose-graph", test_choose_graph);
  g_test_add_func ("/cs/window/export-matches-screen", test_export_matches_screen);
  g_test_add_func ("/cs/window/metrics-in-background", test_metrics_in_background);
  g_test_add_func ("/cs/window/open-filters", test_open_filters);
  g_test_add_func ("/cs/window/import-problems", test_import_problems);
  g_test_add_func ("/cs/window/drop-other-formats", test_drop_other_formats);

  return g_test_run ();
}
