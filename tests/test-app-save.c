/* test-app-save.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-import.h"
#include "cs-recovery.h"
#include "cs-scene.h"
#include "cs-window.h"
#include "test-gui-support.h"
#include "test-support.h"

#include <glib/gstdio.h>
#include <math.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>

/* Never losing work, as a user meets it in the window (issue #11): drag a
 * node, Ctrl+S, reopen, the same picture; close with unsaved changes and
 * be asked; another program changes the file; the app killed with
 * changes unsaved offers them at the next start. */

static void
wait_until (CsWindow *window,
            gboolean (*done) (CsDocument *document))
{
  CsDocument *document = cs_window_get_document (window);
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  g_main_context_iteration (NULL, FALSE);
  while (!done (document))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      cs_test_iterate ();
    }
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
loaded (CsDocument *document)
{
  return !cs_document_get_busy (document) && cs_document_get_graph (document) != NULL;
}

static gboolean
saved (CsDocument *document)
{
  return !cs_document_get_saving (document);
}

static CsWindow *
open_window (GFile *file)
{
  CsWindow *window = g_object_new (CS_TYPE_WINDOW, NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
  cs_window_open (window, file);
  gtk_window_present (GTK_WINDOW (window));
  wait_until (window, loaded);
  cs_test_wait_for_frame (cs_window_get_canvas (window));
  return window;
}

static void
close_window (CsWindow *window)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *)&window);
  gtk_window_destroy (GTK_WINDOW (window));
  while (window != NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      cs_test_iterate ();
    }
}

/* a copy of a fixture in a folder of its own */
static GFile *
copy_of (const char *kind,
         const char *name,
         char      **dir_out)
{
  g_autofree char *source = kind != NULL
                                ? g_test_build_filename (G_TEST_DIST, "data", kind, name, NULL)
                                : g_build_filename (g_getenv ("CONSORTIA_DATA_DIR"), name, NULL);
  g_autofree char *dir = g_dir_make_tmp ("cs-app-save-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "graph.json", NULL);
  g_autofree char *text = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (source, &text, &length, NULL));
  g_assert_true (g_file_set_contents (path, text, length, NULL));
  *dir_out = g_steal_pointer (&dir);
  return g_file_new_for_path (path);
}

static void
remove_dir (const char *dir)
{
  GDir *d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_remove (path);
    }
  if (d != NULL)
    g_dir_close (d);
  g_rmdir (dir);
}

static GtkEventController *
controller (GtkWidget *widget,
            GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) c = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (c, type))
        return c;
    }
  g_assert_not_reached ();
}

/* drags node @id by (@dx, @dy) pixels with the canvas's own gesture */
static void
drag_node (CsWindow   *window,
           const char *id,
           double      dx,
           double      dy)
{
  CsCanvas *canvas = cs_window_get_canvas (window);
  GtkEventController *gesture = controller (GTK_WIDGET (canvas), GTK_TYPE_GESTURE_DRAG);
  CsGraph *graph = cs_document_get_graph (cs_window_get_document (window));
  guint node;
  double x, y;

  g_assert_true (cs_graph_lookup (graph, id, &node));
  cs_scene_node_to_device (cs_canvas_get_scene (canvas), node, &x, &y);
  g_signal_emit_by_name (gesture, "drag-begin", x, y);
  g_signal_emit_by_name (gesture, "drag-update", dx / 2, dy / 2);
  g_signal_emit_by_name (gesture, "drag-update", dx, dy);
  g_signal_emit_by_name (gesture, "drag-end", dx, dy);
}

static gboolean
title_marked (CsWindow *window)
{
  return g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "• ");
}

static void
assert_same_pixels (cairo_surface_t *a,
                    cairo_surface_t *b)
{
  int width = cairo_image_surface_get_width (a);
  int height = cairo_image_surface_get_height (a);
  guint differ = 0;

  cairo_surface_flush (a);
  cairo_surface_flush (b);
  g_assert_cmpint (width, ==, cairo_image_surface_get_width (b));
  g_assert_cmpint (height, ==, cairo_image_surface_get_height (b));
  for (int y = 0; y < height; y++)
    differ += memcmp (cairo_image_surface_get_data (a) + y * cairo_image_surface_get_stride (a),
                      cairo_image_surface_get_data (b) + y * cairo_image_surface_get_stride (b),
                      width * 4) != 0;
  g_test_message ("%u of %d rows differ", differ, height);
  g_assert_cmpuint (differ, ==, 0);
}

/* Drag a node, Ctrl+S, reopen: the same positions, pins, view and picture,
 * pixel for pixel; the title shows the changes until they are saved */
static void
test_drag_save_reopen (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(GFile) file = copy_of (NULL, BUNDLED_GRAPH, &dir);
  CsWindow *window = open_window (file);
  CsWindow *again;
  CsDocument *document = cs_window_get_document (window);
  CsViewState *view = cs_window_get_view_state (window);
  cairo_surface_t *before, *after;
  guint skt;

  g_assert_false (title_marked (window));
  drag_node (window, "skt", 60, 40);
  g_assert_true (cs_document_get_modified (document));
  g_assert_true (title_marked (window));
  /* and a view the file records: English names */
  cs_view_state_set_label_language (view, CS_LABEL_LANGUAGE_ENGLISH);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  g_assert_true (cs_document_get_saving (document));
  wait_until (window, saved);
  g_assert_false (cs_document_get_modified (document));
  g_assert_false (title_marked (window));
  cs_test_wait_for_frame (cs_window_get_canvas (window));
  before = cs_test_render_widget (GTK_WIDGET (cs_window_get_canvas (window)));

  again = open_window (file);
  g_assert_true (cs_graph_lookup (cs_document_get_graph (cs_window_get_document (again)), "skt",
                                  &skt));
  g_assert_true (cs_positions_equal (cs_document_get_positions (document),
                                     cs_document_get_positions (cs_window_get_document (again))));
  g_assert_true (cs_document_get_pinned (cs_window_get_document (again), skt));
  g_assert_cmpint (cs_view_state_get_label_language (cs_window_get_view_state (again)), ==,
                   CS_LABEL_LANGUAGE_ENGLISH);
  g_assert_false (cs_document_get_modified (cs_window_get_document (again)));
  cs_test_wait_for_frame (cs_window_get_canvas (again));
  after = cs_test_render_widget (GTK_WIDGET (cs_window_get_canvas (again)));
  assert_same_pixels (before, after);
  cairo_surface_destroy (before);
  cairo_surface_destroy (after);

  close_window (again);
  close_window (window);
  remove_dir (dir);
}

/* the file chooser a window has open, or NULL */
static GtkFileChooser *
find_chooser (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (GTK_IS_FILE_CHOOSER (toplevel) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return GTK_FILE_CHOOSER (toplevel);
    }
  return NULL;
}

/* A GraphML file: Ctrl+S asks where, beside it, under a name of our format;
 * the GraphML stays byte for byte; the next Ctrl+S writes the new file
 * without asking */
static void
test_foreign_save_as (void)
{
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "import", "basic.graphml",
                                                   NULL);
  g_autofree char *dir = g_dir_make_tmp ("cs-app-save-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "basic.graphml", NULL);
  g_autofree char *ours_path = g_build_filename (dir, "basic.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GFile) ours = g_file_new_for_path (ours_path);
  g_autoptr(GFile) chooser_folder = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *original = NULL;
  g_autofree char *after = NULL;
  g_autofree char *name = NULL;
  gsize original_length, after_length;
  CsWindow *window;
  CsDocument *document;
  GtkFileChooser *chooser = NULL;
  gint64 deadline;

  g_assert_true (g_file_get_contents (source, &original, &original_length, NULL));
  g_assert_true (g_file_set_contents (path, original, original_length, NULL));
  window = open_window (file);
  document = cs_window_get_document (window);
  drag_node (window, "alice", 40, 30);
  g_assert_true (cs_document_get_modified (document));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  g_assert_false (cs_document_get_saving (document));
  deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  while ((chooser = find_chooser ()) == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      cs_test_iterate ();
    }
  name = gtk_file_chooser_get_current_name (chooser);
  g_assert_cmpstr (name, ==, "basic.json");
  /* the chooser's folder is there once it has loaded */
  while ((chooser_folder = gtk_file_chooser_get_current_folder (chooser)) == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      cs_test_iterate ();
    }
  g_assert_true (g_file_equal (chooser_folder, folder));
  g_assert_true (gtk_file_chooser_set_file (chooser, ours, &error));
  g_assert_no_error (error);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  while (cs_document_get_modified (document))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      cs_test_iterate ();
    }
  wait_until (window, saved);
  g_assert_true (g_file_equal (cs_document_get_file (document), ours));
  g_assert_true (g_file_query_exists (ours, NULL));
  g_assert_true (g_file_get_contents (path, &after, &after_length, NULL));
  g_assert_cmpmem (after, after_length, original, original_length);

  /* now a file of ours: Save writes it, no chooser */
  drag_node (window, "alice", -20, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  g_assert_true (cs_document_get_saving (document));
  wait_until (window, saved);
  g_assert_false (cs_document_get_modified (document));
  g_assert_null (find_chooser ());

  close_window (window);
  remove_dir (dir);
}

/* Closing with unsaved changes asks: Cancel keeps the window, Save saves
 * and closes, Discard closes and the file stays as it was */
static void
test_close_asks (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(GFile) file = copy_of ("good", "small.json", &dir);
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *original = NULL;
  g_autofree char *text = NULL;
  CsWindow *window = open_window (file);

  g_assert_true (g_file_get_contents (path, &original, NULL, NULL));
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *)&window);
  drag_node (window, "kaist", 30, 0);
  gtk_window_close (GTK_WINDOW (window));
  cs_test_respond (GTK_WINDOW (window), "Save Changes?", "cancel");
  g_assert_nonnull (window);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));

  /* Discard: gone, and the file untouched */
  gtk_window_close (GTK_WINDOW (window));
  cs_test_respond (GTK_WINDOW (window), "Save Changes?", "discard");
  while (window != NULL)
    cs_test_iterate ();
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_cmpstr (text, ==, original);

  /* Save: saved, then closed */
  window = open_window (file);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *)&window);
  drag_node (window, "kaist", 30, 0);
  gtk_window_close (GTK_WINDOW (window));
  cs_test_respond (GTK_WINDOW (window), "Save Changes?", "save");
  while (window != NULL)
    cs_test_iterate ();
  g_clear_pointer (&text, g_free);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_cmpstr (text, !=, original);
  g_assert_nonnull (strstr (text, "\"pinned\": true"));
  remove_dir (dir);
}

static GtkWidget *
find_widget (GtkWidget *root,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Another program rewrites the open file: the window says so; a save then
 * asks before overwriting it, and Overwrite writes ours */
static void
test_changed_on_disk (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(GFile) file = copy_of ("good", "small.json", &dir);
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *text = NULL;
  CsWindow *window = open_window (file);
  GtkInfoBar *bar = GTK_INFO_BAR (find_widget (GTK_WIDGET (window), GTK_TYPE_INFO_BAR));
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  g_assert_nonnull (bar);
  g_assert_false (gtk_info_bar_get_revealed (bar));
  drag_node (window, "kaist", 30, 0);
  g_usleep (20000);
  g_assert_true (g_file_set_contents (path, "{\"format\": \"consortia-graph\"}", -1, NULL));
  while (!gtk_info_bar_get_revealed (bar))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      cs_test_iterate ();
    }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  cs_test_respond (GTK_WINDOW (window), "The File Changed on Disk", "overwrite");
  wait_until (window, saved);
  g_assert_false (cs_document_get_modified (cs_window_get_document (window)));
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "\"nodes\""));
  g_assert_false (gtk_info_bar_get_revealed (bar));
  close_window (window);
  remove_dir (dir);
}

static gboolean
has_info_file (const char *dir)
{
  GDir *d = g_dir_open (dir, 0, NULL);
  const char *name;
  gboolean found = FALSE;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    found |= g_str_has_suffix (name, ".info");
  if (d != NULL)
    g_dir_close (d);
  return found;
}

static void
xdotool (const char *const *args)
{
  g_autofree char *xdo = cs_test_find_program ("XDOTOOL", "xdotool");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();

  g_ptr_array_add (argv, xdo);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *)args[i]);
  g_ptr_array_add (argv, NULL);
  g_assert_true (cs_test_run_tool ((const char *const *)argv->pdata, NULL));
}

/* The real app, changes made with the keyboard (Ctrl+R lays the graph
 * out again), killed with SIGKILL: the next start offers the copy, and
 * restoring it gives the unsaved state of the same file, modified, with
 * the positions the copy had. Must be the first window of this process
 * (only the first offers). */
static void
test_recovery_after_kill (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(GFile) file = copy_of ("good", "small.json", &dir);
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *recovery_dir = cs_recovery_get_dir ();
  const char *binary = g_getenv ("CONSORTIA_BIN");
  const char *app_argv[] = { binary, path, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *window_id = NULL;
  g_autofree char *pid_text = NULL;
  g_autoptr(GPtrArray) left = NULL;
  g_autoptr(CsGraph) copy = NULL;
  g_autofree char *copy_path = NULL;
  CsWindow *window;
  CsDocument *document;
  gint64 deadline;
  GPid pid;

  g_assert_nonnull (binary);
  pid = cs_test_start_app (app_argv, NULL, &window_id);
  pid_text = g_strdup_printf ("%d", pid);
  g_strstrip (window_id);
  /* loaded and laid out, then a change: a click in the canvas for the
   * keyboard focus, and Ctrl+R until a copy appears */
  g_usleep (1500 * 1000);
  deadline = g_get_monotonic_time () + 40 * G_USEC_PER_SEC;
  while (!has_info_file (recovery_dir))
    {
      const char *click[] = { "mousemove", "600", "500", "click", "1", NULL };
      const char *key[] = { "key", "ctrl+r", NULL };

      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      xdotool (click);
      xdotool (key);
      g_usleep (3500 * 1000);
    }
  kill (pid, SIGKILL);
  waitpid (pid, NULL, 0);
  g_spawn_close_pid (pid);

  /* what the copy holds, read while it is there */
  {
    GDir *d = g_dir_open (recovery_dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (d)) != NULL)
      if (g_str_has_suffix (name, ".json"))
        copy_path = g_build_filename (recovery_dir, name, NULL);
    g_dir_close (d);
  }
  g_assert_nonnull (copy_path);
  copy = cs_import_file (copy_path, NULL, NULL, &error);
  g_assert_no_error (error);

  /* the next start: this process's first window */
  window = g_object_new (CS_TYPE_WINDOW, NULL);
  gtk_window_present (GTK_WINDOW (window));
  cs_test_respond (GTK_WINDOW (window), "Restore Unsaved Changes?", "restore");
  wait_until (window, loaded);
  document = cs_window_get_document (window);
  g_assert_true (cs_document_get_modified (document));
  g_assert_true (title_marked (window));
  g_assert_true (g_file_equal (cs_document_get_file (document), file));
  for (guint i = 0; i < cs_graph_get_n_nodes (copy); i++)
    {
      const CsNode *node = cs_graph_get_node (copy, i);

      g_assert_true (node->has_position);
      g_assert_cmpfloat (node->x, ==, cs_positions_get_x (cs_document_get_positions (document), i));
      g_assert_cmpfloat (node->y, ==, cs_positions_get_y (cs_document_get_positions (document), i));
    }
  /* the old copy taken, none offered twice */
  left = cs_recovery_find_left ();
  g_assert_cmpuint (left->len, ==, 0);

  /* given up: closed, and no copy stays behind */
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *)&window);
  gtk_window_close (GTK_WINDOW (window));
  cs_test_respond (GTK_WINDOW (window), "Save Changes?", "discard");
  while (window != NULL)
    cs_test_iterate ();
  g_assert_false (has_info_file (recovery_dir));
  remove_dir (dir);
}

/* With the keyboard alone, on the real app: Ctrl+F and a name to find a
 * node, Enter to select it, Escape back to the
 * canvas, Alt+→ to move it, l and h for the legend and the outlines,
 * Ctrl+S to save, Ctrl+Q to quit. The saved file holds all of it: the
 * selection, the node moved right and nothing else moved, the layers. */
static void
test_keyboard_walkthrough (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(GFile) file = copy_of ("good", "small.json", &dir);
  g_autofree char *path = g_file_get_path (file);
  const char *binary = g_getenv ("CONSORTIA_BIN");
  const char *app_argv[] = { binary, path, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(CsGraph) before = NULL;
  g_autoptr(CsGraph) after = NULL;
  g_autofree char *window_id = NULL;
  const CsSavedView *view;
  GStatBuf original;
  guint kaist;
  gint64 deadline;
  GPid pid;
  int status = 0;

  g_assert_nonnull (binary);
  /* the graph with its positions, so that what moved can be told */
  {
    g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "good", "small.json",
                                                     NULL);
    const char *export[] = { binary, "--export", path, source, NULL };

    g_assert_true (cs_test_run_tool (export, NULL));
  }
  before = cs_import_file (path, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (cs_graph_get_node (before, 0)->has_position);
  g_assert_cmpint (g_stat (path, &original), ==, 0);
  /* the save must be told from the export by its time */
  g_usleep (1100 * 1000);
  pid = cs_test_start_app (app_argv, NULL, &window_id);
  g_strstrip (window_id);
  /* loaded and laid out; the keyboard goes to the window, no pointer */
  g_usleep (1500 * 1000);
  {
    const char *focus[] = { "windowfocus", "--sync", window_id, NULL };

    xdotool (focus);
  }
  {
    const char *find[] = { "key", "--delay", "150", "ctrl+f", NULL };
    const char *type[] = { "type", "--delay", "120", "KAIST", NULL };
    /* the entry searches a moment after the last key */
    const char *choose[] = { "sleep", "0.8", "key", "--delay", "300", "Return", "Escape", NULL };
    const char *move[] = { "key", "--delay", "150", "alt+Right", "alt+Right", "alt+Right", "l", "h",
                           NULL };
    const char *save[] = { "key", "--delay", "300", "ctrl+s", NULL };

    xdotool (find);
    xdotool (type);
    xdotool (choose);
    xdotool (move);
    xdotool (save);
  }
  /* saved: the file changes (in place of the old one, at once) */
  deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  for (;;)
    {
      GStatBuf now;

      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      if (g_stat (path, &now) == 0 && (now.st_mtime != original.st_mtime ||
                                       now.st_size != original.st_size))
        break;
      g_usleep (200 * 1000);
    }
  {
    const char *quit[] = { "key", "ctrl+q", NULL };

    xdotool (quit);
  }
  deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while (waitpid (pid, &status, WNOHANG) != pid)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (100 * 1000);
    }
  g_spawn_close_pid (pid);
  /* it quit, asking nothing: everything was saved */
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);

  after = cs_import_file (path, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (cs_graph_lookup (after, "kaist", &kaist));
  view = cs_graph_get_saved_view (after);
  g_assert_nonnull (view);
  g_assert_nonnull (view->selection);
  g_assert_cmpstrv (view->selection, ((const char *[]){ "kaist", NULL }));
  g_assert_true (view->has_layers);
  g_assert_false (view->show_legend);
  g_assert_false (view->show_hulls);
  g_assert_true (view->show_labels);
  /* KAIST moved right, and only KAIST */
  for (guint i = 0; i < cs_graph_get_n_nodes (after); i++)
    {
      const CsNode *node = cs_graph_get_node (after, i);
      guint j;

      g_assert_true (node->has_position);
      g_assert_true (cs_graph_lookup (before, node->id, &j));
      if (i == kaist)
        g_assert_cmpfloat (node->x, >, cs_graph_get_node (before, j)->x + 1);
      else
        g_assert_cmpfloat (fabs (node->x - cs_graph_get_node (before, j)->x), <, 1e-6);
    }
  remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = g_dir_make_tmp ("cs-app-save-home-XXXXXX", NULL);
  g_autofree char *state = g_build_filename (home, "state", NULL);
  g_autofree char *data = g_build_filename (home, "data", NULL);
  int status;

  /* folders of its own for the recovery copies and the recent files, set
   * before GLib reads them (G_TEST_OPTION_ISOLATE_DIRS would hide the
   * system's icon and MIME data from the windows) */
  g_assert_cmpint (g_mkdir (state, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (data, 0700), ==, 0);
  g_setenv ("XDG_STATE_HOME", state, TRUE);
  g_setenv ("XDG_DATA_HOME", data, TRUE);
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();
  cs_test_gui_init ();
  g_test_add_func ("/cs/app-save/recovery-after-kill", test_recovery_after_kill);
  g_test_add_func ("/cs/app-save/drag-save-reopen", test_drag_save_reopen);
  g_test_add_func ("/cs/app-save/foreign-save-as", test_foreign_save_as);
  g_test_add_func ("/cs/app-save/close-asks", test_close_asks);
  g_test_add_func ("/cs/app-save/changed-on-disk", test_changed_on_disk);
  g_test_add_func ("/cs/app-save/keyboard-walkthrough", test_keyboard_walkthrough);
  status = g_test_run ();
  {
    g_autofree char *recovery = cs_recovery_get_dir ();
    g_autofree char *consortia = g_path_get_dirname (recovery);
    g_autofree char *recent = g_build_filename (data, "recently-used.xbel", NULL);

    remove_dir (recovery);
    g_rmdir (consortia);
    g_rmdir (state);
    g_remove (recent);
    g_rmdir (data);
    g_rmdir (home);
  }
  return status;
}
