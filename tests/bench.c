/* bench.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `meson test --benchmark -C build`, or run build/tests/bench directly.
 * Prints timings for loading, layout, drawing and export, each beside a
 * baseline measured in the same run, and the ratio between them.
 */

#include "config.h"

#include "cs-export.h"
#include "cs-graph-loader.h"
#include "cs-layout.h"
#include "cs-renderer.h"

#include <json-glib/json-glib.h>
#include <stdio.h>

/* A preferential-attachment graph of @n nodes as Consortia JSON. */
static char *
synthetic_graph (guint n)
{
  static const char *types[] = { "company", "university", "consortium", "model",
                                 "research_institute" };
  g_autoptr(GRand) rand = g_rand_new_with_seed (n);
  g_autoptr(GArray) ends = g_array_new (FALSE, FALSE, sizeof (guint));
  GString *json = g_string_new ("{\"format\": \"consortia-graph\", \"version\": 1, \"nodes\": [\n");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (json,
                            "%s{\"id\": \"n%u\", \"label\": \"기관 %u\", \"type\": \"%s\", "
                            "\"sources\": [\"s.txt\"]}",
                            i ? ",\n" : "", i, i, types[i % G_N_ELEMENTS (types)]);
  g_string_append (json, "],\n\"edges\": [\n");
  for (guint i = 1; i < n; i++)
    for (guint k = 0; k < MIN (i, 2u); k++)
      {
        guint target = ends->len > 0
                           ? g_array_index (ends, guint, g_rand_int_range (rand, 0, ends->len))
                           : 0;

        if (target == i)
          target = 0;
        g_string_append_printf (
            json,
            "%s{\"source\": \"n%u\", \"target\": \"n%u\", \"relation\": \"member_of\", "
            "\"role\": \"역할\"}",
            json->str[json->len - 1] == '\n' ? "" : ",\n", i, target);
        g_array_append_val (ends, i);
        g_array_append_val (ends, target);
      }
  g_string_append (json, "]}\n");
  return g_string_free (json, FALSE);
}

static double
now (void)
{
  return g_get_monotonic_time () / 1e6;
}

static void
report (const char *what,
        double      seconds,
        const char *baseline,
        double      base_seconds)
{
  printf ("%-34s %10.3f ms   %-30s %10.3f ms   ratio %7.2f\n", what, 1000 * seconds, baseline,
          1000 * base_seconds, base_seconds > 0 ? seconds / base_seconds : 0);
}

static void
bench_graph (const char *name,
             const char *data,
             gsize       length,
             guint       repeats)
{
  g_autoptr(CsGraph) graph = NULL;
  g_autoptr(CsPositions) positions = NULL;
  g_autoptr(CsLayoutParams) params = NULL;
  CsRenderStyle style;
  CsRenderScene scene;
  cairo_surface_t *surface;
  double t0, parse, load, layout, draw, paint, png;

  g_autofree char *label = NULL;

  /* loading: our checks on top of json-glib's parse */
  t0 = now ();
  for (guint r = 0; r < repeats; r++)
    {
      g_autoptr(JsonParser) parser = json_parser_new_immutable ();

      json_parser_load_from_data (parser, data, length, NULL);
    }
  parse = (now () - t0) / repeats;
  t0 = now ();
  for (guint r = 0; r < repeats; r++)
    {
      g_clear_object (&graph);
      graph = cs_graph_loader_load_data (data, length, name, NULL, NULL);
    }
  load = (now () - t0) / repeats;
  g_assert_nonnull (graph);

  params = cs_layout_params_new (CS_LAYOUT_FRUCHTERMAN_REINGOLD, 1);
  t0 = now ();
  positions = cs_layout_run (graph, params, NULL, NULL);
  layout = now () - t0;

  cs_render_style_init_default (&style, FALSE);
  cs_render_scene_init (&scene, graph, positions, &style, 1280, 800);
  cs_render_scene_fit (&scene, 24);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1280, 800);

  printf ("\n%s: %u nodes, %u edges\n", name, cs_graph_get_n_nodes (graph),
          cs_graph_get_n_edges (graph));
  report ("load and check", load, "json-glib parse alone", parse);
  label = g_strdup_printf ("layout (FR, %u nodes)", cs_graph_get_n_nodes (graph));
  report (label, layout, "load and check", load);

  /* a frame of the canvas, against painting the background alone */
  t0 = now ();
  for (guint r = 0; r < repeats; r++)
    {
      cairo_t *cr = cairo_create (surface);

      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      cairo_destroy (cr);
    }
  paint = (now () - t0) / repeats;
  t0 = now ();
  for (guint r = 0; r < repeats; r++)
    {
      cairo_t *cr = cairo_create (surface);

      cs_renderer_draw (cr, &scene);
      cairo_destroy (cr);
    }
  draw = (now () - t0) / repeats;
  report ("draw one 1280x800 frame", draw, "paint the background", paint);

  /* hover: the focus overlay over the kept layer, on the best-connected node */
  {
    CsRenderFocus focus = { .hover = 0 };
    double focus_time, layer_time, plain, indexed;
    g_autoptr(CsSpatialGrid) index = NULL;
    g_autoptr(GRand) rand = g_rand_new_with_seed (1);
    volatile int sink = 0;
    cairo_surface_t *big;

    for (guint i = 1; i < cs_graph_get_n_nodes (graph); i++)
      if (cs_graph_get_degree (graph, i) > cs_graph_get_degree (graph, focus.hover))
        focus.hover = i;
    t0 = now ();
    for (guint r = 0; r < repeats; r++)
      {
        cairo_t *cr = cairo_create (surface);

        cs_renderer_draw_focus (cr, &scene, &focus);
        cairo_destroy (cr);
      }
    focus_time = (now () - t0) / repeats;
    report ("hover overlay (busiest node)", focus_time, "draw one 1280x800 frame", draw);

    /* what a pan past the kept layer's margin redraws: twice the size */
    big = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 2560, 1600);
    {
      CsRenderScene layer = scene;

      layer.width = 2560;
      layer.height = 1600;
      layer.offset_x += 640;
      layer.offset_y += 400;
      t0 = now ();
      for (guint r = 0; r < repeats; r++)
        {
          cairo_t *cr = cairo_create (big);

          cs_renderer_draw (cr, &layer);
          cairo_destroy (cr);
        }
      layer_time = (now () - t0) / repeats;
    }
    cairo_surface_destroy (big);
    report ("redraw the kept 2560x1600 layer", layer_time, "draw one 1280x800 frame", draw);

    t0 = now ();
    for (guint r = 0; r < 2000; r++)
      sink += cs_renderer_hit_test (&scene, g_rand_double_range (rand, 0, 1280),
                                    g_rand_double_range (rand, 0, 800));
    plain = (now () - t0) / 2000;
    index = cs_renderer_build_hit_index (&scene);
    t0 = now ();
    for (guint r = 0; r < 2000; r++)
      sink += cs_renderer_hit_test_indexed (&scene, index, g_rand_double_range (rand, 0, 1280),
                                            g_rand_double_range (rand, 0, 800));
    indexed = (now () - t0) / 2000;
    report ("hit test with the spatial index", indexed, "hit test over every node", plain);
    (void)sink;
  }

  {
    CsExportOptions options;
    g_autoptr(GBytes) bytes = NULL;

    cs_export_options_init (&options);
    t0 = now ();
    bytes = cs_export_to_bytes (graph, positions, &options, NULL);
    png = now () - t0;
  }

  report ("export 1600x1200 PNG", png, "draw one 1280x800 frame", draw);

  cairo_surface_destroy (surface);
  cs_render_style_clear (&style);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *bundled = g_build_filename (SOURCE_DATADIR, BUNDLED_GRAPH, NULL);
  g_autofree char *contents = NULL;
  gsize length;
  const guint sizes[] = { 1000, 5000 };

  if (g_file_get_contents (bundled, &contents, &length, NULL))
    bench_graph ("bundled graph", contents, length, 20);
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree char *data = synthetic_graph (sizes[i]);
      g_autofree char *name = g_strdup_printf ("synthetic graph %u", sizes[i]);

      bench_graph (name, data, strlen (data), 3);
    }
  return 0;
}
