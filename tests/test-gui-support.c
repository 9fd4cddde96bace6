/* test-gui-support.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "test-gui-support.h"

/* Renders what a widget shows into an image, as the screen would. */
cairo_surface_t *
cs_test_render_widget (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  return surface;
}

/**
 * cs_test_wait_for_dialog:
 * @parent: a window
 * @heading: the heading the dialog must have
 *
 * Turns the main loop until a message dialog with @heading shows over
 * @parent; fails the test after ten seconds.
 *
 * Returns: (transfer none): the dialog
 */
AdwMessageDialog *
cs_test_wait_for_dialog (GtkWindow  *parent,
                         const char *heading)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  for (;;)
    {
      GListModel *toplevels = gtk_window_get_toplevels ();

      for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
        {
          g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

          if (ADW_IS_MESSAGE_DIALOG (window) &&
              gtk_window_get_transient_for (window) == parent &&
              gtk_widget_get_visible (GTK_WIDGET (window)) &&
              g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)), heading) ==
                  0)
            return ADW_MESSAGE_DIALOG (window);
        }
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (2000);
    }
}

/**
 * cs_test_respond:
 * @parent: a window
 * @heading: the dialog's heading
 * @response: the response to give, as a click on its button would
 */
void
cs_test_respond (GtkWindow  *parent,
                 const char *heading,
                 const char *response)
{
  AdwMessageDialog *dialog = cs_test_wait_for_dialog (parent, heading);

  g_assert_true (adw_message_dialog_has_response (dialog, response));
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/**
 * cs_test_iterate:
 *
 * One turn of the main loop that never blocks for good: a test that waits
 * for something that does not happen fails at its deadline instead.
 */
void
cs_test_iterate (void)
{
  if (!g_main_context_iteration (NULL, FALSE))
    g_usleep (2000);
}

/**
 * cs_test_wait_for_frame:
 * @canvas: a canvas in a shown window
 *
 * Asks for a frame and turns the main loop until the canvas has drawn it;
 * fails the test after ten seconds.
 */
void
cs_test_wait_for_frame (CsCanvas *canvas)
{
  guint frames = cs_canvas_get_n_frames (canvas);
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  gtk_widget_queue_draw (GTK_WIDGET (canvas));
  while (cs_canvas_get_n_frames (canvas) == frames)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      cs_test_iterate ();
    }
}

/* Accessibility checks (CS_TEST_A11Y=1, with GTK_A11Y=test: meson's
 * "-a11y" runs of the GUI tests). Every window, dialog and popover is
 * walked each time something new shows in it: each control on screen
 * must have an accessible name (its label property, a labelled-by
 * relation, the text it shows or its row's title) and a control that
 * shows only an icon must have a tooltip. A miss fails the test, naming
 * the widget and the chain of its parents. */

/* the text a widget shows, in it or in its children */
static gboolean
shows_text (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget) &&
      *gtk_label_get_text (GTK_LABEL (widget)) != '\0')
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_get_visible (child) && shows_text (child))
      return TRUE;
  return FALSE;
}

static gboolean
has_accessible_name (GtkWidget *widget)
{
  GtkAccessible *accessible = GTK_ACCESSIBLE (widget);
  GtkWidget *parent = gtk_widget_get_parent (widget);

  if (gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL) ||
      gtk_test_accessible_has_relation (accessible, GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    return TRUE;
  if (ADW_IS_PREFERENCES_ROW (widget))
    return *adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)) != '\0';
  /* a switch or check at the end of a titled row is named by it */
  for (GtkWidget *up = parent; up != NULL; up = gtk_widget_get_parent (up))
    if (ADW_IS_ACTION_ROW (up))
      return adw_action_row_get_activatable_widget (ADW_ACTION_ROW (up)) == widget &&
             *adw_preferences_row_get_title (ADW_PREFERENCES_ROW (up)) != '\0';
  return shows_text (widget);
}

static gboolean
is_control (GtkWidget *widget)
{
  return GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget) || GTK_IS_CHECK_BUTTON (widget) ||
         GTK_IS_SWITCH (widget) || GTK_IS_RANGE (widget) || GTK_IS_SPIN_BUTTON (widget) ||
         GTK_IS_DROP_DOWN (widget) || GTK_IS_ENTRY (widget) || GTK_IS_SEARCH_ENTRY (widget) ||
         GTK_IS_PASSWORD_ENTRY (widget) || CS_IS_CANVAS (widget);
}

/* controls GTK builds out of others: the outer one is checked, not its parts */
static gboolean
is_composite (GtkWidget *widget)
{
  return GTK_IS_MENU_BUTTON (widget) || GTK_IS_DROP_DOWN (widget) ||
         GTK_IS_SPIN_BUTTON (widget) || GTK_IS_ENTRY (widget) || GTK_IS_SEARCH_ENTRY (widget) ||
         GTK_IS_PASSWORD_ENTRY (widget) || GTK_IS_WINDOW_CONTROLS (widget) ||
         GTK_IS_NATIVE (widget);
}

static void
describe (GString   *problems,
          GtkWidget *widget,
          const char *what)
{
  g_string_append_printf (problems, "\n  %s: ", what);
  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
    {
      const char *name = gtk_widget_get_name (w);

      g_string_append_printf (problems, "%s%s", w == widget ? "" : " < ", G_OBJECT_TYPE_NAME (w));
      if (name != NULL && g_strcmp0 (name, G_OBJECT_TYPE_NAME (w)) != 0)
        g_string_append_printf (problems, "#%s", name);
      if (GTK_IS_NATIVE (w))
        break;
    }
}

static void
check_accessible_tree (GtkWidget *widget,
                       GString   *problems,
                       guint     *n_checked)
{
  if (!gtk_widget_get_mapped (widget) || !gtk_widget_get_visible (widget))
    return;
  if (is_control (widget) && gtk_widget_get_sensitive (widget))
    {
      (*n_checked)++;
      if (!has_accessible_name (widget))
        describe (problems, widget, "no accessible name");
      else if ((GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget)) && !shows_text (widget) &&
               !gtk_widget_get_has_tooltip (widget))
        describe (problems, widget, "an icon and no tooltip");
    }
  /* the parts of a control are its own; the window's buttons, the
   * scroll bars, the file chooser and a toast's close button are GTK's
   * and libadwaita's,
   * named by them (and without tooltips, as everywhere in GNOME) */
  if ((is_composite (widget) && is_control (widget)) || GTK_IS_WINDOW_CONTROLS (widget) ||
      GTK_IS_SCROLLBAR (widget) || GTK_IS_FILE_CHOOSER_WIDGET (widget) ||
      g_str_equal (G_OBJECT_TYPE_NAME (widget), "AdwToastWidget"))
    return;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (!GTK_IS_NATIVE (child))
      check_accessible_tree (child, problems, n_checked);
}

/**
 * cs_test_check_accessible:
 * @root: a window, dialog or popover on screen
 *
 * Fails the test if a control shown in @root has no accessible name, or
 * shows only an icon and has no tooltip.
 *
 * Returns: how many controls were checked
 */
guint
cs_test_check_accessible (GtkWidget *root)
{
  g_autoptr(GString) problems = g_string_new (NULL);
  guint n_checked = 0;

  check_accessible_tree (root, problems, &n_checked);
  if (problems->len > 0)
    g_error ("accessibility check of %s:%s", G_OBJECT_TYPE_NAME (root), problems->str);
  return n_checked;
}

/* the windows, dialogs and popovers something was shown in since the
 * last check (GWeakRef *) */
static GPtrArray *pending_natives;
static guint check_source;

static void
free_weak_ref (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
}

static gboolean
check_pending_cb (gpointer user_data)
{
  g_autoptr(GPtrArray) natives = g_steal_pointer (&pending_natives);

  check_source = 0;
  for (guint i = 0; natives != NULL && i < natives->len; i++)
    {
      g_autoptr(GtkWidget) native = g_weak_ref_get (g_ptr_array_index (natives, i));

      /* GTK's own tooltip window holds a label and nothing to operate */
      if (native != NULL && gtk_widget_get_mapped (native) &&
          !g_str_equal (G_OBJECT_TYPE_NAME (native), "GtkTooltipWindow"))
        {
          guint n = cs_test_check_accessible (native);

          g_test_message ("accessibility check: %u controls in %s", n, G_OBJECT_TYPE_NAME (native));
        }
    }
  return G_SOURCE_REMOVE;
}

static gboolean
map_hook (GSignalInvocationHint *hint,
          guint                  n_values,
          const GValue          *values,
          gpointer               user_data)
{
  GtkWidget *widget = g_value_get_object (&values[0]);
  GtkNative *native = gtk_widget_get_native (widget);
  GWeakRef *ref;

  if (native == NULL)
    return TRUE;
  if (pending_natives == NULL)
    pending_natives = g_ptr_array_new_with_free_func (free_weak_ref);
  for (guint i = 0; i < pending_natives->len; i++)
    {
      g_autoptr(GObject) known = g_weak_ref_get (g_ptr_array_index (pending_natives, i));

      if (known == (GObject *)native)
        return TRUE;
    }
  ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (ref, native);
  g_ptr_array_add (pending_natives, ref);
  /* once the burst of maps is over and the content is laid out */
  if (check_source == 0)
    check_source = g_idle_add_full (G_PRIORITY_LOW, check_pending_cb, NULL, NULL);
  return TRUE;
}

/**
 * cs_test_gui_init:
 *
 * Call after gtk_init(): with CS_TEST_A11Y set, checks with
 * cs_test_check_accessible() every window, dialog and popover each time
 * something new shows in it (a panel opening, a dialog, a popover).
 */
void
cs_test_gui_init (void)
{
  if (g_getenv ("CS_TEST_A11Y") == NULL)
    return;
  g_assert_cmpstr (g_getenv ("GTK_A11Y"), ==, "test");
  /* the signal exists once the class does */
  g_type_class_unref (g_type_class_ref (GTK_TYPE_WIDGET));
  g_signal_add_emission_hook (g_signal_lookup ("map", GTK_TYPE_WIDGET), 0, map_hook, NULL, NULL);
}
