/* test-app-smoke.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Starts the real `consortia` with no arguments on the display (Xvfb in CI),
 * waits for its window with xdotool, takes a screenshot with ImageMagick's
 * import, and checks that the bundled graph is on it.
 */

#include "config.h"

#include "cs-render-style.h"
#include "test-support.h"

#include <glib/gstdio.h>
#include <math.h>
#include <signal.h>
#include <sys/wait.h>

/* Counts the pixels within 3/255 of @color. */
static guint
count_color (cairo_surface_t *surface,
             const CsColor   *color)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  guint count = 0;

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        CsColor got;

        cs_test_read_pixel (surface, x, y, &got);
        count += fabs (got.red - color->red) <= 3 / 255.0 &&
                 fabs (got.green - color->green) <= 3 / 255.0 &&
                 fabs (got.blue - color->blue) <= 3 / 255.0;
      }
  return count;
}

static void
test_window_shows_bundled_graph (void)
{
  g_autofree char *xdotool = cs_test_find_program ("XDOTOOL", "xdotool");
  g_autofree char *import = cs_test_find_program ("IMPORT", "import");
  g_autofree char *shot_dir = g_dir_make_tmp ("cs-smoke-XXXXXX", NULL);
  g_autofree char *shot = g_build_filename (shot_dir, "shot.png", NULL);
  g_autofree char *window_id = NULL;
  const char *binary = g_getenv ("CONSORTIA_BIN");
  const char *app_argv[] = { binary, NULL };
  cairo_surface_t *surface;
  CsRenderStyle style;
  gint64 deadline;
  GPid pid;
  guint consortium_pixels, company_pixels;

  g_assert_nonnull (binary);
  g_assert_nonnull (xdotool);
  g_assert_nonnull (import);

  /* the window appears: a visible X window of the consortia process */
  pid = cs_test_start_app (app_argv, NULL, &window_id);

  /* the graph is drawn once the layout is done: wait for its colours */
  cs_render_style_init_default (&style, FALSE);
  deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  for (;;)
    {
      const char *capture[] = { import, "-window", "root", shot, NULL };

      g_assert_true (cs_test_run_tool (capture, NULL));
      surface = cs_test_load_png (shot);
      consortium_pixels = count_color (surface, &style.nodes[CS_NODE_TYPE_CONSORTIUM].fill);
      company_pixels = count_color (surface, &style.nodes[CS_NODE_TYPE_COMPANY].fill);
      cairo_surface_destroy (surface);
      if (consortium_pixels > 200 && company_pixels > 200)
        break;
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (200 * 1000);
    }
  g_test_message ("screenshot: %u consortium pixels, %u company pixels", consortium_pixels,
                  company_pixels);
  cs_render_style_clear (&style);

  kill (pid, SIGTERM);
  waitpid (pid, NULL, 0);
  g_spawn_close_pid (pid);
  if (g_getenv ("CS_KEEP_SCREENSHOT") == NULL)
    g_unlink (shot);
  else
    g_printerr ("screenshot kept at %s\n", shot);
  g_rmdir (shot_dir);
}

int
main (int   argc,
      char *argv[])
{
  cs_test_use_own_state_dir ();
  /* no ISOLATE_DIRS: the app must see the system's icons and schemas, as a
   * user's does; it writes nothing */
  g_test_init (&argc, &argv, NULL);

  if (g_getenv ("DISPLAY") == NULL)
    {
      g_printerr ("no display: run the GUI suite under xvfb-run\n");
      return 77;
    }

  g_test_add_func ("/cs/app/window-shows-bundled-graph", test_window_shows_bundled_graph);
  return g_test_run ();
}
