/* test-viewport.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-viewport.h"

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_round_trip (void)
{
  g_autoptr(CsViewport) viewport = cs_viewport_new ();
  const double points[][2] = { { 0, 0 }, { 10.5, -3 }, { -400, 250.25 }, { 1e4, 1e4 } };

  cs_viewport_set_zoom (viewport, 2.5);
  cs_viewport_set_offset (viewport, 123, -45);
  for (guint i = 0; i < G_N_ELEMENTS (points); i++)
    {
      double wx, wy, x, y;

      cs_viewport_world_to_widget (viewport, points[i][0], points[i][1], &wx, &wy);
      cs_viewport_widget_to_world (viewport, wx, wy, &x, &y);
      g_assert_cmpfloat_with_epsilon (x, points[i][0], 1e-9);
      g_assert_cmpfloat_with_epsilon (y, points[i][1], 1e-9);
    }
  {
    double wx, wy;

    cs_viewport_world_to_widget (viewport, 10, 20, &wx, &wy);
    g_assert_cmpfloat (wx, ==, 10 * 2.5 + 123);
    g_assert_cmpfloat (wy, ==, 20 * 2.5 - 45);
  }
}

static void
test_zoom_keeps_anchor (void)
{
  g_autoptr(CsViewport) viewport = cs_viewport_new ();
  const double factors[] = { 1.15, 0.5, 3.0, 0.01, 100.0 };

  cs_viewport_set_offset (viewport, 40, 60);
  for (guint i = 0; i < G_N_ELEMENTS (factors); i++)
    {
      double before_x, before_y, after_x, after_y;

      cs_viewport_widget_to_world (viewport, 300, 200, &before_x, &before_y);
      cs_viewport_zoom_at (viewport, cs_viewport_get_zoom (viewport) * factors[i], 300, 200);
      cs_viewport_widget_to_world (viewport, 300, 200, &after_x, &after_y);
      g_assert_cmpfloat_with_epsilon (after_x, before_x, 1e-9);
      g_assert_cmpfloat_with_epsilon (after_y, before_y, 1e-9);
    }
}

static void
test_limits (void)
{
  g_autoptr(CsViewport) viewport = cs_viewport_new ();

  cs_viewport_set_zoom (viewport, 1e9);
  g_assert_cmpfloat (cs_viewport_get_zoom (viewport), ==, CS_VIEWPORT_ZOOM_MAX);
  cs_viewport_zoom_at (viewport, 1e-9, 10, 10);
  g_assert_cmpfloat (cs_viewport_get_zoom (viewport), ==, CS_VIEWPORT_ZOOM_MIN);
}

static void
test_fit (void)
{
  g_autoptr(CsViewport) viewport = cs_viewport_new ();
  CsBounds world = { -100, -50, 300, 150 };
  double x0, y0, x1, y1;

  cs_viewport_fit (viewport, &world, 1000, 500, 20);
  cs_viewport_world_to_widget (viewport, world.x0, world.y0, &x0, &y0);
  cs_viewport_world_to_widget (viewport, world.x1, world.y1, &x1, &y1);
  /* height limits: 460 / 200 = 2.3, but fitting never zooms past 2 */
  g_assert_cmpfloat (cs_viewport_get_zoom (viewport), ==, CS_VIEWPORT_FIT_ZOOM_MAX);
  g_assert_cmpfloat_with_epsilon ((x0 + x1) / 2, 500, 1e-9);
  g_assert_cmpfloat_with_epsilon ((y0 + y1) / 2, 250, 1e-9);

  world = (CsBounds) { 0, 0, 4000, 1000 };
  cs_viewport_fit (viewport, &world, 1000, 500, 20);
  g_assert_cmpfloat_with_epsilon (cs_viewport_get_zoom (viewport), 960.0 / 4000, 1e-12);
  cs_viewport_world_to_widget (viewport, 0, 0, &x0, &y0);
  g_assert_cmpfloat_with_epsilon (x0, 20, 1e-9);
}

static void
test_notify_once (void)
{
  g_autoptr(CsViewport) viewport = cs_viewport_new ();
  guint zoom_count = 0;
  guint offset_count = 0;

  g_signal_connect (viewport, "notify::zoom", G_CALLBACK (count_notify_cb), &zoom_count);
  g_signal_connect (viewport, "notify::offset-x", G_CALLBACK (count_notify_cb), &offset_count);

  cs_viewport_set_zoom (viewport, 2.0);
  cs_viewport_set_zoom (viewport, 2.0);
  g_assert_cmpuint (zoom_count, ==, 1);

  cs_viewport_zoom_at (viewport, 4.0, 100, 0);
  g_assert_cmpuint (zoom_count, ==, 2);
  g_assert_cmpuint (offset_count, ==, 1);

  cs_viewport_pan (viewport, 0, 10);
  g_assert_cmpuint (offset_count, ==, 1);
  cs_viewport_pan (viewport, 5, 0);
  g_assert_cmpuint (offset_count, ==, 2);

  g_object_set (viewport, "zoom", 4.0, NULL);
  g_assert_cmpuint (zoom_count, ==, 2);
  g_assert_finalize_object (g_steal_pointer (&viewport));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cs/viewport/round-trip", test_round_trip);
  g_test_add_func ("/cs/viewport/zoom-keeps-anchor", test_zoom_keeps_anchor);
  g_test_add_func ("/cs/viewport/limits", test_limits);
  g_test_add_func ("/cs/viewport/fit", test_fit);
  g_test_add_func ("/cs/viewport/notify-once", test_notify_once);

  return g_test_run ();
}
