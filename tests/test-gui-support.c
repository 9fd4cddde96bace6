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
