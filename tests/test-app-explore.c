/* test-app-explore.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A person exploring the graph with the mouse, played by xdotool on the real
 * app under Xvfb: scroll to zoom, drag the background, drag a node, hover,
 * click, undo, Shift-drag a rubber band. Each step is checked on screenshots
 * taken with ImageMagick's import: nodes are found by their colours.
 */

#include "config.h"

#include "cs-render-style.h"
#include "test-support.h"

#include <glib/gstdio.h>
#include <math.h>
#include <signal.h>
#include <sys/wait.h>

typedef struct
{
  double x, y;
  guint  count;
} Blob;

enum { CO, UNI, MODEL, CHIP, N_NODES };

static char *xdotool;
static char *import;
static char *shot_path;
static CsRenderStyle style;
static const CsColor *colors[N_NODES];
static double min_x; /* left of this is the legend */

static void
xdo (const char *first,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  va_list args;

  g_ptr_array_add (argv, xdotool);
  va_start (args, first);
  for (const char *a = first; a != NULL; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *)a);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  g_assert_true (cs_test_run_tool ((const char *const *)argv->pdata, NULL));
}

static void
xdo_at (const char *command,
        double      x,
        double      y)
{
  g_autofree char *sx = g_strdup_printf ("%d", (int)round (x));
  g_autofree char *sy = g_strdup_printf ("%d", (int)round (y));

  xdo (command, sx, sy, NULL);
}

/* off the window (it is 1200 × 800 at the top left of the screen), so
 * nothing is hovered */
static void
park (void)
{
  xdo ("mousemove", "1270", "1010", NULL);
  g_usleep (300 * 1000);
}

/* moves in small steps, as a hand does, and rests before letting go so the
 * release carries no speed (a fast release would glide on) */
static void
slow_drag (double x,
           double y,
           double dx,
           double dy)
{
  xdo_at ("mousemove", x, y);
  g_usleep (100 * 1000);
  xdo ("mousedown", "1", NULL);
  for (int i = 1; i <= 10; i++)
    {
      xdo_at ("mousemove", x + dx * i / 10, y + dy * i / 10);
      g_usleep (30 * 1000);
    }
  g_usleep (300 * 1000);
  xdo ("mouseup", "1", NULL);
  park ();
}

static cairo_surface_t *
screenshot (void)
{
  const char *capture[] = { import, "-window", "root", shot_path, NULL };

  g_assert_true (cs_test_run_tool (capture, NULL));
  return cs_test_load_png (shot_path);
}

static gboolean
same_color (const CsColor *a,
            const CsColor *b,
            double         tolerance)
{
  return fabs (a->red - b->red) <= tolerance && fabs (a->green - b->green) <= tolerance &&
         fabs (a->blue - b->blue) <= tolerance;
}

static void
find (cairo_surface_t *surface,
      Blob            *blobs)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);

  memset (blobs, 0, N_NODES * sizeof (Blob));
  for (int y = 0; y < height; y++)
    for (int x = (int)min_x; x < width; x++)
      {
        CsColor c;

        cs_test_read_pixel (surface, x, y, &c);
        for (guint n = 0; n < N_NODES; n++)
          if (same_color (&c, colors[n], 3 / 255.0))
            {
              blobs[n].x += x;
              blobs[n].y += y;
              blobs[n].count++;
            }
      }
  for (guint n = 0; n < N_NODES; n++)
    if (blobs[n].count > 0)
      {
        blobs[n].x /= blobs[n].count;
        blobs[n].y /= blobs[n].count;
      }
}

static guint
count_near (cairo_surface_t *surface,
            const Blob      *blob,
            double           radius,
            const CsColor   *color)
{
  guint count = 0;

  for (int y = blob->y - radius; y <= blob->y + radius; y++)
    for (int x = blob->x - radius; x <= blob->x + radius; x++)
      {
        CsColor c;

        if (x < 0 || y < 0 || x >= cairo_image_surface_get_width (surface) ||
            y >= cairo_image_surface_get_height (surface))
          continue;
        cs_test_read_pixel (surface, x, y, &c);
        count += same_color (&c, color, 0.08);
      }
  return count;
}

/* takes screenshots until @check accepts one, for up to ten seconds */
static cairo_surface_t *
wait_for (gboolean (*check) (cairo_surface_t *surface,
                             Blob            *blobs,
                             gpointer         data),
          gpointer   data,
          Blob      *blobs)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  for (;;)
    {
      cairo_surface_t *surface = screenshot ();

      find (surface, blobs);
      if (check (surface, blobs, data))
        return surface;
      cairo_surface_destroy (surface);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (150 * 1000);
    }
}

/* screenshots until exactly the @want nodes have a selection ring */
static cairo_surface_t *
wait_for_rings (const Blob     *at,
                const gboolean *want)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  for (;;)
    {
      cairo_surface_t *surface = screenshot ();
      gboolean ok = TRUE;

      for (guint n = 0; n < N_NODES; n++)
        {
          guint ring = count_near (surface, &at[n], sqrt (at[n].count) + 10, &style.selection);

          ok &= want[n] ? ring > 40 : ring < 5;
        }
      if (ok)
        return surface;
      cairo_surface_destroy (surface);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (150 * 1000);
    }
}

static gboolean
all_drawn (cairo_surface_t *surface,
           Blob            *blobs,
           gpointer         data)
{
  for (guint n = 0; n < N_NODES; n++)
    if (blobs[n].count < 150)
      return FALSE;
  return TRUE;
}

static gboolean
moved_from (cairo_surface_t *surface,
            Blob            *blobs,
            gpointer         data)
{
  const Blob *before = data;

  if (!all_drawn (surface, blobs, NULL))
    return FALSE;
  for (guint n = 0; n < N_NODES; n++)
    if (hypot (blobs[n].x - before[n].x, blobs[n].y - before[n].y) > 2)
      return TRUE;
  return FALSE;
}

static void
assert_near (double actual,
             double expected,
             double tolerance)
{
  g_assert_cmpfloat (fabs (actual - expected), <=, tolerance);
}

static void
test_explore_with_the_mouse (void)
{
  g_autofree char *input = g_test_build_filename (G_TEST_DIST, "data", "good", "explore.json",
                                                  NULL);
  g_autofree char *shot_dir = g_dir_make_tmp ("cs-explore-XXXXXX", NULL);
  g_autofree char *window = NULL;
  const char *binary = g_getenv ("CONSORTIA_BIN");
  const char *app_argv[] = { binary, input, NULL };
  Blob start[N_NODES], zoomed[N_NODES], panned[N_NODES], dragged[N_NODES], now[N_NODES];
  cairo_surface_t *surface;
  GPid pid;
  double cx, cy, d0, d1;

  shot_path = g_build_filename (shot_dir, "shot.png", NULL);
  pid = cs_test_start_app (app_argv, NULL, &window);

  /* the legend takes the left column: look right of it, then hide it */
  min_x = 260;
  surface = wait_for (all_drawn, NULL, start);
  cairo_surface_destroy (surface);
  cx = (start[CO].x + start[UNI].x + start[MODEL].x + start[CHIP].x) / 4;
  cy = (start[CO].y + start[UNI].y + start[MODEL].y + start[CHIP].y) / 4;
  xdo_at ("mousemove", cx, cy);
  xdo ("click", "1", NULL);
  xdo ("key", "l", NULL);
  /* the inspector would open beside the canvas on each selection: keep it
   * closed so the canvas keeps its width (F9) */
  xdo ("key", "F9", NULL);
  g_usleep (300 * 1000);
  min_x = 0;
  surface = wait_for (all_drawn, NULL, start);
  cairo_surface_destroy (surface);
  g_test_message ("nodes at (%.0f,%.0f) (%.0f,%.0f) (%.0f,%.0f) (%.0f,%.0f)", start[CO].x,
                  start[CO].y, start[UNI].x, start[UNI].y, start[MODEL].x, start[MODEL].y,
                  start[CHIP].x, start[CHIP].y);

  /* 1. the wheel zooms around the pointer (out, so every node stays in
   * the window): nodes draw in towards it, and the point under the pointer
   * stays put */
  cx = (start[CO].x + start[CHIP].x) / 2;
  cy = (start[CO].y + start[CHIP].y) / 2;
  xdo_at ("mousemove", cx, cy);
  xdo ("click", "5", NULL);
  xdo ("click", "5", NULL);
  park ();
  surface = wait_for (moved_from, start, zoomed);
  cairo_surface_destroy (surface);
  d0 = hypot (start[UNI].x - start[CO].x, start[UNI].y - start[CO].y);
  d1 = hypot (zoomed[UNI].x - zoomed[CO].x, zoomed[UNI].y - zoomed[CO].y);
  g_test_message ("zoom: co–uni %.1f → %.1f px", d0, d1);
  g_assert_cmpfloat (d1, <, 0.85 * d0);
  /* (the middle of co and chip was under the pointer) */
  assert_near ((zoomed[CO].x + zoomed[CHIP].x) / 2, cx, 3);
  assert_near ((zoomed[CO].y + zoomed[CHIP].y) / 2, cy, 3);

  /* 2. dragging the empty middle pans everything by the drag */
  slow_drag (cx, cy, 50, 30);
  surface = wait_for (moved_from, zoomed, panned);
  cairo_surface_destroy (surface);
  for (guint n = 0; n < N_NODES; n++)
    {
      assert_near (panned[n].x, zoomed[n].x + 50, 3);
      assert_near (panned[n].y, zoomed[n].y + 30, 3);
    }

  /* 3. dragging the chip moves it alone, and pins it */
  slow_drag (panned[CHIP].x, panned[CHIP].y, -60, -40);
  surface = wait_for (moved_from, panned, dragged);
  assert_near (dragged[CHIP].x, panned[CHIP].x - 60, 3);
  assert_near (dragged[CHIP].y, panned[CHIP].y - 40, 3);
  for (guint n = 0; n < CHIP; n++)
    {
      assert_near (dragged[n].x, panned[n].x, 2);
      assert_near (dragged[n].y, panned[n].y, 2);
    }
  {
    Blob pin = dragged[CHIP];
    double r = sqrt (dragged[CHIP].count) / 2;

    pin.x += 0.75 * r;
    pin.y -= 0.75 * r;
    g_assert_cmpuint (count_near (surface, &pin, 4, &style.foreground), >, 5);
  }
  cairo_surface_destroy (surface);

  /* 4. hovering the university brings its links forward: the model, not
   * linked to it, fades; the company, its partner, does not */
  xdo_at ("mousemove", dragged[UNI].x, dragged[UNI].y);
  g_usleep (400 * 1000);
  surface = screenshot ();
  find (surface, now);
  g_test_message ("hover: model %u → %u px, company %u → %u px", dragged[MODEL].count,
                  now[MODEL].count, dragged[CO].count, now[CO].count);
  g_assert_cmpuint (now[MODEL].count, <, dragged[MODEL].count / 5);
  g_assert_cmpuint (now[CO].count, >, dragged[CO].count * 8 / 10);
  cairo_surface_destroy (surface);

  /* 5. a click selects: a ring in the selection colour */
  xdo_at ("mousemove", dragged[CO].x, dragged[CO].y);
  xdo ("click", "1", NULL);
  park ();
  {
    Blob targets[N_NODES];
    gboolean want[N_NODES] = { [CO] = TRUE };

    memcpy (targets, dragged, sizeof targets);
    surface = wait_for_rings (targets, want);
    cairo_surface_destroy (surface);
  }

  /* 6. Ctrl+Z puts the chip back, gliding there in about 300 ms */
  xdo ("key", "ctrl+z", NULL);
  g_usleep (600 * 1000);
  surface = wait_for (moved_from, dragged, now);
  assert_near (now[CHIP].x, panned[CHIP].x, 3);
  assert_near (now[CHIP].y, panned[CHIP].y, 3);
  cairo_surface_destroy (surface);

  /* 7. a Shift-drag draws a rubber band that adds the nodes inside it */
  {
    double x0 = now[UNI].x - 50, y0 = now[UNI].y - 50;

    xdo ("keydown", "shift", NULL);
    slow_drag (x0, y0, now[CHIP].x + 50 - x0, now[CHIP].y + 50 - y0);
    xdo ("keyup", "shift", NULL);
    park ();
    {
      gboolean want[N_NODES] = { [CO] = TRUE, [UNI] = TRUE, [CHIP] = TRUE };

      surface = wait_for_rings (now, want);
      cairo_surface_destroy (surface);
    }
  }

  kill (pid, SIGTERM);
  waitpid (pid, NULL, 0);
  g_spawn_close_pid (pid);
  if (g_getenv ("CS_KEEP_SCREENSHOT") == NULL)
    g_unlink (shot_path);
  g_rmdir (shot_dir);
  g_clear_pointer (&shot_path, g_free);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  cs_test_use_own_state_dir ();
  /* no ISOLATE_DIRS: the app must see the system's icons and schemas */
  g_test_init (&argc, &argv, NULL);
  if (g_getenv ("DISPLAY") == NULL)
    {
      g_printerr ("no display: run the GUI suite under xvfb-run\n");
      return 77;
    }
  xdotool = cs_test_find_program ("XDOTOOL", "xdotool");
  import = cs_test_find_program ("IMPORT", "import");
  g_assert_nonnull (xdotool);
  g_assert_nonnull (import);
  cs_render_style_init_default (&style, FALSE);
  colors[CO] = &style.nodes[CS_NODE_TYPE_COMPANY].fill;
  colors[UNI] = &style.nodes[CS_NODE_TYPE_UNIVERSITY].fill;
  colors[MODEL] = &style.nodes[CS_NODE_TYPE_MODEL].fill;
  colors[CHIP] = &style.nodes[CS_NODE_TYPE_CHIP].fill;

  g_test_add_func ("/cs/app/explore-with-the-mouse", test_explore_with_the_mouse);
  status = g_test_run ();

  cs_render_style_clear (&style);
  g_free (xdotool);
  g_free (import);
  return status;
}
