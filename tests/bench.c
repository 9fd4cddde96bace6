/* bench.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `meson test --benchmark -C build`, or run build/tests/bench directly
 * (`bench load`, `bench draw` or `bench layout [NODES]` for one part). Prints timings and peak
 * memory for loading, layout, drawing and export, each beside a baseline
 * measured in the same run, and the ratio between them.
 */

#include "config.h"

#include "cs-attribute-summary.h"
#include "cs-export.h"
#include "cs-import.h"
#include "cs-layout.h"
#include "cs-layout-overlap.h"
#include "cs-layout-quality.h"
#include "cs-metrics.h"
#include "cs-node-radii.h"
#include "cs-renderer.h"
#include "cs-save.h"
#include "cs-stage-panels.h"
#include "cs-stages.h"
#include "test-support.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <malloc.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

static double
now (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void
report (const char *what,
        double      seconds,
        const char *baseline,
        double      base_seconds)
{
  printf ("%-36s %10.3f ms   %-32s %10.3f ms   ratio %7.2f\n", what, 1000 * seconds, baseline,
          1000 * base_seconds, base_seconds > 0 ? seconds / base_seconds : 0);
}

/* for what takes microseconds */
static void
report_us (const char *what,
           double      seconds,
           const char *baseline,
           double      base_seconds)
{
  printf ("%-36s %10.3f us   %-32s %10.3f us   ratio %7.2f\n", what, 1e6 * seconds, baseline,
          1e6 * base_seconds, base_seconds > 0 ? seconds / base_seconds : 0);
}

typedef enum
{
  WORK_NONE,
  WORK_PARSE,
  WORK_IMPORT,
} Work;

static void
do_work (Work        work,
         const char *data,
         gsize       length)
{
  if (work == WORK_PARSE)
    {
      g_autoptr(JsonParser) parser = json_parser_new_immutable ();

      if (!json_parser_load_from_data (parser, data, length, NULL))
        g_error ("the benchmark's own graph is not JSON");
    }
  else if (work == WORK_IMPORT)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CsGraph) graph = cs_import_data (data, length, "bench.json", NULL, NULL, &error);

      if (graph == NULL)
        g_error ("%s", error->message);
    }
}

/* In a fresh process (this program again, `bench --measure WORK FILE`):
 * map the file, touch its pages, do the work, exit. */
static int
measure_main (const char *work,
              const char *path)
{
  g_autoptr(GMappedFile) mapped = g_mapped_file_new (path, FALSE, NULL);
  const char *data;
  gsize length;
  volatile char sink = 0;

  if (mapped == NULL)
    return 1;
  data = g_mapped_file_get_contents (mapped);
  length = g_mapped_file_get_length (mapped);
  /* the file's pages count for every run alike */
  for (gsize i = 0; i < length; i += 4096)
    sink += data[i];
  (void)sink;
  do_work (g_str_equal (work, "parse") ? WORK_PARSE
           : g_str_equal (work, "import") ? WORK_IMPORT
                                          : WORK_NONE,
           data, length);
  /* the high-water mark of this process image alone (a fork's count
   * would include the parent's pages) */
  {
    g_autofree char *status = NULL;
    const char *hwm;

    if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
        (hwm = strstr (status, "VmHWM:")) == NULL)
      return 1;
    printf ("%" G_GUINT64_FORMAT "\n", g_ascii_strtoull (hwm + strlen ("VmHWM:"), NULL, 10));
  }
  return 0;
}

/* the peak resident memory of a fresh process doing @work on the file */
static gsize
peak_memory (const char *self_path,
             const char *work,
             const char *path)
{
  const char *argv[] = { self_path, "--measure", work, path, NULL };
  g_autofree char *out = NULL;
  int status;

  fflush (stdout);
  if (!g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status,
                     NULL) ||
      !g_spawn_check_wait_status (status, NULL))
    g_error ("the measuring process failed");
  return g_ascii_strtoull (out, NULL, 10) * 1024;
}

/* The best of @repeats runs: json-glib's parse with the freeing of its
 * tree (what reading the file costs it), or our load, which frees its
 * JSON tree too, up to the graph in hand (freeing the graph is not
 * loading). */
static double
time_work (Work        work,
           const char *data,
           gsize       length,
           guint       repeats)
{
  double best = G_MAXDOUBLE;

  for (guint r = 0; r < repeats; r++)
    {
      g_autoptr(CsGraph) graph = NULL;
      double t0 = now ();

      if (work == WORK_IMPORT)
        graph = cs_import_data (data, length, "bench.json", NULL, NULL, NULL);
      else
        do_work (work, data, length);
      best = MIN (best, now () - t0);
      if (work == WORK_IMPORT && graph == NULL)
        g_error ("the benchmark's own graph does not load");
    }
  return best;
}

/* Loading a one-line file against json-glib's own parse of it: time and
 * peak memory, the JSON tree freed in both. */
static void
bench_load (const char *self_path)
{
  const guint sizes[] = { 1000, 10000, 100000 };
  g_autofree char *dir = g_dir_make_tmp ("cs-bench-XXXXXX", NULL);

  printf ("\nLoading one-line Consortia JSON (nodes, edges), against json-glib's parse of the "
          "same bytes\n");
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autofree char *data = cs_test_one_line_graph (sizes[s]);
      g_autofree char *path = g_build_filename (dir, "graph.json", NULL);
      gsize length = strlen (data);
      guint repeats = sizes[s] >= 100000 ? 3 : sizes[s] >= 10000 ? 10 : 40;
      g_autoptr(CsGraph) graph = cs_import_data (data, length, NULL, NULL, NULL, NULL);
      guint elements = cs_graph_get_n_nodes (graph) + cs_graph_get_n_edges (graph);
      g_autofree char *label = NULL;
      double parse, import;
      gsize base, parse_peak, import_peak;

      g_assert_true (g_file_set_contents (path, data, length, NULL));
      /* warm up, then alternate so both see the same machine */
      do_work (WORK_IMPORT, data, length);
      parse = import = G_MAXDOUBLE;
      for (guint round = 0; round < 3; round++)
        {
          parse = MIN (parse, time_work (WORK_PARSE, data, length, repeats));
          import = MIN (import, time_work (WORK_IMPORT, data, length, repeats));
        }
      base = peak_memory (self_path, "none", path);
      parse_peak = peak_memory (self_path, "parse", path) - base;
      import_peak = peak_memory (self_path, "import", path) - base;

      label = g_strdup_printf ("load %u nodes, %u edges (%.1f MB)", cs_graph_get_n_nodes (graph),
                               cs_graph_get_n_edges (graph), length / 1e6);
      report (label, import, "json-glib parse and free", parse);
      printf ("%-36s %10.1f MB   %-32s %10.1f MB   ratio %7.2f\n", "  peak memory above the file",
              import_peak / 1e6, "json-glib parse alone", parse_peak / 1e6,
              parse_peak > 0 ? (double)import_peak / parse_peak : 0);
      printf ("%-36s %10.0f B    %-32s %10.0f B\n", "  per node or edge", (double)import_peak / elements,
              "json-glib parse alone", (double)parse_peak / elements);
      if (sizes[s] >= 100000)
        {
          /* the inspector's metric on the whole graph, beside one load */
          guint n_sources = 0;
          double t0 = now (), betweenness;

          g_free (cs_metrics_betweenness (graph, NULL, &n_sources, NULL));
          betweenness = now () - t0;
          g_free (label);
          label = g_strdup_printf ("  betweenness (estimate, %u sources)", n_sources);
          report (label, betweenness, "load", import);
        }
      g_unlink (path);
    }
  g_rmdir (dir);
}

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

static void
bench_graph (const char *name,
             const char *data,
             gsize       length,
             guint       repeats)
{
  g_autoptr(CsGraph) graph = NULL;
  g_autoptr(CsPositions) positions = NULL;
  g_autoptr(CsLayoutParams) params = NULL;
  g_autoptr(CsViewState) view = cs_view_state_new ();
  g_autoptr(CsScene) scene = NULL;
  g_autofree char *label = NULL;
  CsRenderStyle style;
  cairo_surface_t *surface;
  double t0, parse, load, layout, betweenness, build, draw, paint, png;
  guint n_sources = 0;

  /* loading: our checks on top of json-glib's parse */
  parse = time_work (WORK_PARSE, data, length, repeats);
  load = time_work (WORK_IMPORT, data, length, repeats);
  graph = cs_import_data (data, length, name, NULL, NULL, NULL);
  g_assert_nonnull (graph);

  params = cs_layout_params_new (CS_LAYOUT_FRUCHTERMAN_REINGOLD, 1);
  t0 = now ();
  positions = cs_layout_run (graph, params, NULL, NULL);
  layout = now () - t0;
  t0 = now ();
  g_free (cs_metrics_betweenness (graph, NULL, &n_sources, NULL));
  betweenness = now () - t0;

  cs_render_style_init_default (&style, FALSE);
  cs_view_state_set_graph (view, graph);
  t0 = now ();
  for (guint r = 0; r < repeats; r++)
    {
      g_clear_pointer (&scene, cs_scene_unref);
      scene = cs_scene_new (graph, positions, NULL, view, &style, 1280, 800);
    }
  build = (now () - t0) / repeats;
  cs_scene_fit (scene, 24);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1280, 800);

  printf ("\n%s: %u nodes, %u edges\n", name, cs_graph_get_n_nodes (graph),
          cs_graph_get_n_edges (graph));
  report ("load and check", load, "json-glib parse alone", parse);
  label = g_strdup_printf ("layout (FR, %u nodes)", cs_graph_get_n_nodes (graph));
  report (label, layout, "load and check", load);
  g_free (label);
  label = g_strdup_printf ("betweenness (%s, %u sources)",
                           n_sources == cs_graph_get_n_nodes (graph) ? "exact" : "estimate",
                           n_sources);
  report (label, betweenness, "layout", layout);

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

      cs_renderer_draw (cr, scene);
      cairo_destroy (cr);
    }
  draw = (now () - t0) / repeats;
  report ("draw one 1280x800 frame", draw, "paint the background", paint);
  report ("build the scene", build, "draw one 1280x800 frame", draw);

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

        cs_renderer_draw_focus (cr, scene, &focus);
        cairo_destroy (cr);
      }
    focus_time = (now () - t0) / repeats;
    report ("hover overlay (busiest node)", focus_time, "draw one 1280x800 frame", draw);

    /* what a pan past the kept layer's margin redraws: twice the size */
    big = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 2560, 1600);
    {
      g_autoptr(CsScene) layer = cs_scene_copy (scene);

      cs_scene_set_size (layer, 2560, 1600);
      cs_scene_set_transform (layer, cs_scene_get_zoom (scene), cs_scene_get_offset_x (scene) + 640,
                              cs_scene_get_offset_y (scene) + 400);
      t0 = now ();
      for (guint r = 0; r < repeats; r++)
        {
          cairo_t *cr = cairo_create (big);

          cs_renderer_draw (cr, layer);
          cairo_destroy (cr);
        }
      layer_time = (now () - t0) / repeats;
    }
    cairo_surface_destroy (big);
    report ("redraw the kept 2560x1600 layer", layer_time, "draw one 1280x800 frame", draw);

    t0 = now ();
    for (guint r = 0; r < 2000; r++)
      sink += cs_renderer_hit_test (scene, g_rand_double_range (rand, 0, 1280),
                                    g_rand_double_range (rand, 0, 800));
    plain = (now () - t0) / 2000;
    index = cs_renderer_build_hit_index (scene);
    t0 = now ();
    for (guint r = 0; r < 2000; r++)
      sink += cs_renderer_hit_test_indexed (scene, index, g_rand_double_range (rand, 0, 1280),
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
    bytes = cs_export_to_bytes (graph, positions, view, &options, NULL);
    png = now () - t0;
  }

  report ("export 1600x1200 PNG", png, "draw one 1280x800 frame", draw);

  cairo_surface_destroy (surface);
  cs_render_style_clear (&style);
}

static void
bench_draw (void)
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
}

/* Every layout on a one-line graph of @n organisations (with n / 5000 + 2
 * consortia), each against loading it; then the overlap pass alone on a
 * crowded picture (the consortia layout drawn in to half its size) and the
 * quality measures. */
static void
bench_layout (guint n)
{
  g_autofree char *data = cs_test_one_line_graph (n);
  gsize length = strlen (data);
  g_autoptr(CsGraph) graph = NULL;
  g_autoptr(CsPositions) consortia = NULL;
  g_autofree double *radii = NULL;
  g_autofree double *xy = NULL;
  double load, t0, seconds;
  guint n_nodes, n_left, n_members = 0;
  gboolean estimated;
  guint64 crossings;

  load = time_work (WORK_IMPORT, data, length, 1);
  graph = cs_import_data (data, length, "bench.json", NULL, NULL, NULL);
  g_assert_nonnull (graph);
  n_nodes = cs_graph_get_n_nodes (graph);
  radii = cs_node_radii_new (graph);
  printf ("\nlayouts of a one-line graph: %u nodes, %u edges\n", n_nodes,
          cs_graph_get_n_edges (graph));
  report ("load and check", load, "load and check", load);

  for (guint a = 0; a < CS_N_LAYOUTS; a++)
    {
      g_autoptr(CsLayoutParams) params = cs_layout_params_new (a, 1);
      g_autoptr(CsPositions) positions = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *label = NULL;

      cs_layout_params_set_radii (params, n_nodes, radii);
      t0 = now ();
      positions = cs_layout_run (graph, params, NULL, &error);
      seconds = now () - t0;
      label = g_strdup_printf ("layout %s", cs_layout_algorithm_to_string (a));
      if (positions == NULL)
        {
          printf ("%-36s refused in %.3f ms: %s\n", label, 1000 * seconds, error->message);
          continue;
        }
      report (label, seconds, "load and check", load);
      if (a == CS_LAYOUT_CONSORTIA)
        consortia = cs_positions_ref (positions);
    }

  /* the overlap pass on a picture with most discs on another */
  xy = g_memdup2 (cs_positions_get_xy (consortia), 2 * n_nodes * sizeof (double));
  for (guint i = 0; i < 2 * n_nodes; i++)
    xy[i] *= 0.5;
  printf ("%-36s %u pairs of discs overlap\n", "consortia layout drawn in by half:",
          cs_layout_quality_count_node_overlaps (n_nodes, xy, radii));
  t0 = now ();
  n_left = cs_layout_remove_overlaps (n_nodes, xy, radii, NULL, CS_LAYOUT_OVERLAP_GAP);
  seconds = now () - t0;
  g_assert_cmpuint (n_left, ==, 0);
  report ("overlap pass on it", seconds, "load and check", load);

  t0 = now ();
  g_assert_cmpuint (cs_layout_quality_count_node_overlaps (n_nodes, cs_positions_get_xy (consortia),
                                                           radii), ==, 0);
  report ("quality: node overlaps", now () - t0, "load and check", load);
  t0 = now ();
  crossings = cs_layout_quality_count_crossings (graph, consortia, &estimated);
  seconds = now () - t0;
  report (estimated ? "quality: crossings (estimated)" : "quality: crossings", seconds,
          "load and check", load);
  printf ("%-36s %" G_GUINT64_FORMAT "\n", "  crossings of the consortia layout:", crossings);
  t0 = now ();
  cs_layout_quality_count_nearest_consortium (graph, consortia, &n_members);
  report ("quality: nearest consortium", now () - t0, "load and check", load);
}

/* Saving a laid-out graph (the window's Ctrl+S, `--export OUT.json`)
 * against loading it, and against writing its bytes atomically as they
 * are (the floor of any atomic save) */
static void
bench_save (void)
{
  const guint sizes[] = { 1000, 10000, 100000 };
  g_autofree char *dir = g_dir_make_tmp ("cs-bench-XXXXXX", NULL);

  printf ("\nSaving one-line Consortia JSON with new positions (parse, patch, write, fsync, "
          "rename), against loading it and against an atomic write of its bytes\n");
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autofree char *data = cs_test_one_line_graph (sizes[s]);
      g_autofree char *path = g_build_filename (dir, "graph.json", NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      gsize length = strlen (data);
      g_autoptr(CsGraph) graph = cs_import_data (data, length, NULL, NULL, NULL, NULL);
      guint n = cs_graph_get_n_nodes (graph);
      g_autofree double *xy = g_new (double, 2 * n);
      g_autoptr(CsPositions) positions = NULL;
      CsSaveContent content = { graph, .layout_algorithm = "consortia", .layout_seed = 42 };
      g_autofree char *label = NULL;
      double save = G_MAXDOUBLE, load = G_MAXDOUBLE, copy = G_MAXDOUBLE;
      guint repeats = sizes[s] >= 100000 ? 2 : 5;

      for (guint i = 0; i < n; i++)
        {
          xy[2 * i] = i * 1.37;
          xy[2 * i + 1] = -(double)i / 3;
        }
      positions = cs_positions_new (n, xy);
      content.positions = positions;
      for (guint round = 0; round < repeats; round++)
        {
          double t0 = now ();

          g_assert_true (cs_save_graph (file, &content, CS_SAVE_BACKUP, NULL, NULL, NULL, NULL,
                                        NULL, NULL));
          save = MIN (save, now () - t0);
          t0 = now ();
          g_clear_object (&graph);
          graph = cs_import_data (data, length, NULL, NULL, NULL, NULL);
          content.graph = graph;
          load = MIN (load, now () - t0);
          t0 = now ();
          g_assert_true (g_file_replace_contents (file, data, length, NULL, FALSE,
                                                  G_FILE_CREATE_NONE, NULL, NULL, NULL));
          copy = MIN (copy, now () - t0);
        }
      label = g_strdup_printf ("save %u nodes (%.1f MB)", n, length / 1e6);
      report (label, save, "load the same graph", load);
      report ("", save, "atomic write of its bytes", copy);
      {
        g_autofree char *backup = g_strconcat (path, "~", NULL);

        g_unlink (backup);
      }
      g_unlink (path);
    }
  g_rmdir (dir);
}

/* Style by attribute on 100,000 nodes written on one line (node-link
 * JSON): the attribute summary made once, and a scene whose colour, size,
 * shape and outlines follow attributes against one that follows the types */
static void
bench_style (void)
{
  const guint n = 100000;
  g_autoptr(GString) json = g_string_new ("{\"nodes\":[");
  g_autoptr(CsGraph) graph = NULL;
  g_autoptr(CsPositions) positions = NULL;
  g_autoptr(CsViewState) view = cs_view_state_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (5);
  CsRenderStyle style;
  double t0, import, summary, plain, styled;
  const guint repeats = 5;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (json, "%s{\"id\":\"n%u\",\"community\":\"c%u\",\"weight\":%u,"
                                  "\"kind\":\"k%u\"}",
                            i > 0 ? "," : "", i, g_rand_int_range (rand, 0, 10),
                            g_rand_int_range (rand, 1, 1000), i % 5);
  g_string_append (json, "],\"links\":[");
  for (guint i = 1; i < n; i++)
    g_string_append_printf (json, "%s{\"source\":\"n%u\",\"target\":\"n%u\"}", i > 1 ? "," : "",
                            i, g_rand_int_range (rand, 0, i));
  g_string_append (json, "]}");

  t0 = now ();
  graph = cs_import_data (json->str, json->len, "styled.nl.json", NULL, NULL, NULL);
  import = now () - t0;
  g_assert_nonnull (graph);
  t0 = now ();
  g_assert_cmpuint (cs_attribute_summary_get_n_keys (cs_attribute_summary_get (graph)), ==, 3);
  summary = now () - t0;
  {
    g_autofree double *xy = g_new (double, 2 * n);

    for (guint i = 0; i < 2 * n; i++)
      xy[i] = g_rand_double_range (rand, 0, 5000);
    positions = cs_positions_new (n, xy);
  }
  cs_render_style_init_default (&style, FALSE);
  cs_view_state_set_graph (view, graph);
  for (guint c = 0; c < CS_N_STYLE_CHANNELS; c++)
    cs_view_state_set_style_key (view, c, "");
  t0 = now ();
  for (guint r = 0; r < repeats; r++)
    cs_scene_unref (cs_scene_new (graph, positions, NULL, view, &style, 1280, 800));
  plain = (now () - t0) / repeats;
  cs_view_state_set_style_key (view, CS_STYLE_COLOR, "community");
  cs_view_state_set_style_key (view, CS_STYLE_SIZE, "weight");
  cs_view_state_set_style_key (view, CS_STYLE_SHAPE, "kind");
  cs_view_state_set_style_key (view, CS_STYLE_GROUP, "community");
  t0 = now ();
  for (guint r = 0; r < repeats; r++)
    cs_scene_unref (cs_scene_new (graph, positions, NULL, view, &style, 1280, 800));
  styled = (now () - t0) / repeats;

  printf ("\nstyle by attribute: %u nodes, one line of node-link JSON\n", n);
  report ("attribute summary (once per graph)", summary, "load and check", import);
  report ("scene, four attributes", styled, "scene, by the node types", plain);
  cs_render_style_clear (&style);
}

/* Stages on 100,000 nodes written on one line (Consortia JSON): 10,000
 * teams of ten, each with its stage events, and the programme's counts.
 * The stages are made once per graph (against the load); the filter at a
 * stage against the filter without one; the small multiples (a scene per
 * stage) against one scene. */
static void
bench_stages (void)
{
  const guint n_teams = 10000, per_team = 9;
  guint n = n_teams * (per_team + 1) + 1;
  g_autoptr(GString) json = g_string_new (
      "{\"format\":\"consortia-graph\",\"version\":1,\"nodes\":[{\"id\":\"p\",\"label\":\"P\","
      "\"type\":\"programme\",\"events\":[{\"stage\":\"applied\",\"count\":10000},"
      "{\"date\":\"2025-07\",\"stage\":\"review\",\"count\":5000},"
      "{\"date\":\"2025-08\",\"stage\":\"selected\",\"count\":1000},"
      "{\"date\":\"2026\",\"stage\":\"final\",\"count\":2,\"planned\":true}]}");
  g_autoptr(GString) edges = g_string_new ("],\"edges\":[");
  g_autoptr(CsGraph) graph = NULL;
  g_autoptr(CsPositions) positions = NULL;
  g_autoptr(CsViewState) view = cs_view_state_new ();
  g_autoptr(CsFilter) filter = cs_filter_new ();
  g_autoptr(CsStagePanels) panels = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (13);
  CsExportOptions options;
  CsRenderStyle style;
  double t0, import, stages, plain, at_stage, one_scene, multiples, fr, consortia;

  for (guint t = 0; t < n_teams; t++)
    {
      g_string_append_printf (json, ",{\"id\":\"t%u\",\"label\":\"T%u\",\"type\":\"consortium\","
                                    "\"events\":[{\"stage\":\"applied\"}%s%s]}",
                              t, t, t % 2 == 0 ? ",{\"date\":\"2025-07\",\"stage\":\"review\"}" : "",
                              t % 10 == 0 ? ",{\"date\":\"2025-08\",\"stage\":\"selected\"}" : "");
      g_string_append_printf (edges, "%s{\"source\":\"t%u\",\"target\":\"p\",\"relation\":"
                                     "\"applied_to\"}", t > 0 ? "," : "", t);
      for (guint m = 0; m < per_team; m++)
        {
          g_string_append_printf (json, ",{\"id\":\"m%u_%u\",\"label\":\"M%u\",\"type\":"
                                        "\"company\"}", t, m, m);
          g_string_append_printf (edges, ",{\"source\":\"m%u_%u\",\"target\":\"t%u\","
                                         "\"relation\":\"%s\"}", t, m, t,
                                  m == 0 ? "leads" : "member_of");
        }
    }
  g_string_append (json, edges->str);
  g_string_append (json, "]}");

  t0 = now ();
  graph = cs_import_data (json->str, json->len, "stages.json", NULL, NULL, NULL);
  import = now () - t0;
  g_assert_nonnull (graph);
  g_assert_cmpuint (cs_graph_get_n_nodes (graph), ==, n);
  t0 = now ();
  g_assert_cmpuint (cs_stages_get_n_stages (cs_stages_get (graph)), ==, 4);
  stages = now () - t0;
  g_assert_cmpuint (cs_stages_get_stage (cs_stages_get (graph), 2)->n_cut, ==, 4000);

  t0 = now ();
  g_free (cs_filter_apply (filter, graph, NULL, 0, NULL));
  plain = now () - t0;
  cs_filter_set_stage (filter, "selected");
  t0 = now ();
  g_free (cs_filter_apply (filter, graph, NULL, 0, NULL));
  at_stage = now () - t0;

  {
    g_autofree double *xy = g_new (double, 2 * n);

    for (guint i = 0; i < 2 * n; i++)
      xy[i] = g_rand_double_range (rand, 0, 20000);
    positions = cs_positions_new (n, xy);
  }
  cs_view_state_set_graph (view, graph);
  cs_render_style_init_default (&style, FALSE);
  t0 = now ();
  cs_scene_unref (cs_scene_new (graph, positions, NULL, view, &style, 1600, 1200));
  one_scene = now () - t0;
  cs_export_options_init (&options);
  t0 = now ();
  panels = cs_stage_panels_new (graph, positions, NULL, view, &options);
  multiples = now () - t0;
  g_assert_cmpuint (cs_stage_panels_get_n_panels (panels), ==, 4);

  /* the layout such a graph opens with (a region per team), against the
   * force-directed one */
  {
    g_autoptr(CsLayoutParams) params = cs_layout_params_new (CS_LAYOUT_FRUCHTERMAN_REINGOLD, 1);
    g_autoptr(CsPositions) laid = NULL;

    cs_layout_params_set_algorithm (params, CS_LAYOUT_FRUCHTERMAN_REINGOLD);
    t0 = now ();
    laid = cs_layout_run (graph, params, NULL, NULL);
    fr = now () - t0;
    g_assert_nonnull (laid);
    g_clear_pointer (&laid, cs_positions_unref);
    cs_layout_params_set_algorithm (params, CS_LAYOUT_CONSORTIA);
    t0 = now ();
    laid = cs_layout_run (graph, params, NULL, NULL);
    consortia = now () - t0;
    g_assert_nonnull (laid);
  }

  printf ("\nstages: %u nodes (%u teams), one line of Consortia JSON\n", n, n_teams);
  report ("consortia layout, 10,000 teams", consortia, "fruchterman_reingold layout", fr);
  report ("stages (once per graph)", stages, "load and check", import);
  report ("filter at a stage", at_stage, "filter without a stage", plain);
  report ("small multiples, 4 panels", multiples, "one scene", one_scene);
  cs_render_style_clear (&style);
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

/* the median of @n times, which it sorts */
static double
median (double *times,
        guint   n)
{
  qsort (times, n, sizeof (double), compare_doubles);
  return n % 2 ? times[n / 2] : (times[n / 2 - 1] + times[n / 2]) / 2;
}

/* Issue #14's measures. The median of @runs timed runs of @func after one
 * untimed run */
typedef void (*Timed) (gpointer data);

static double
median_time (Timed    func,
             gpointer data,
             guint    runs)
{
  g_autofree double *times = g_new (double, runs);

  func (data);
  for (guint r = 0; r < runs; r++)
    {
      double t0 = now ();

      func (data);
      times[r] = now () - t0;
    }
  return median (times, runs);
}

/* the wall time of a command, its output thrown away */
static double
command_time (const char *const *argv)
{
  gint64 t0 = g_get_monotonic_time ();
  int status;
  g_autoptr(GError) error = NULL;

  fflush (stdout);
  if (!g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL |
                     G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    {
      printf ("%-36s failed: %s\n", argv[0], error->message);
      return -1;
    }
  return (g_get_monotonic_time () - t0) / 1e6;
}

static double
median_command (const char *const *argv,
                guint              runs)
{
  g_autofree double *times = g_new (double, runs);

  for (guint r = 0; r < runs; r++)
    if ((times[r] = command_time (argv)) < 0)
      return -1;
  return median (times, runs);
}

#define FRAME_WIDTH  1920
#define FRAME_HEIGHT 1080

typedef struct
{
  CsScene         *scene;
  cairo_surface_t *surface;
  cairo_surface_t *layer;       /* the canvas's kept layer, drawn */
  double           layer_margin;
  double           dx, scale;   /* a pan, a zoom of the kept layer */
  CsRenderFocus    focus;
} Frame;

static void
paint_background (gpointer data)
{
  Frame *f = data;
  cairo_t *cr = cairo_create (f->surface);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_destroy (cr);
}

static void
draw_frame (gpointer data)
{
  Frame *f = data;
  cairo_t *cr = cairo_create (f->surface);

  cs_renderer_draw (cr, f->scene);
  cairo_destroy (cr);
}

/* the canvas's kept layer: the view and a margin on every side
 * (cs-canvas.c, ensure_graph_layer) */
static CsScene *
layer_scene (const CsScene *scene,
             double         margin)
{
  CsScene *layer = cs_scene_copy (scene);

  cs_scene_set_size (layer, FRAME_WIDTH + 2 * margin, FRAME_HEIGHT + 2 * margin);
  cs_scene_set_transform (layer, cs_scene_get_zoom (scene), cs_scene_get_offset_x (scene) + margin,
                          cs_scene_get_offset_y (scene) + margin);
  cs_scene_set_view_origin (layer, margin, margin);
  return layer;
}

static void
draw_layer (gpointer data)
{
  Frame *f = data;
  g_autoptr(CsScene) layer = layer_scene (f->scene, f->layer_margin);
  cairo_t *cr = cairo_create (f->layer);

  cs_renderer_draw (cr, layer);
  cairo_destroy (cr);
}

/* a frame while panning or zooming: the kept layer moved or scaled under
 * the view, as GTK's cairo renderer composes it, then the title and legend */
static void
compose_frame (gpointer data)
{
  Frame *f = data;
  cairo_t *cr = cairo_create (f->surface);

  cairo_save (cr);
  cairo_translate (cr, f->dx, 0);
  cairo_scale (cr, f->scale, f->scale);
  cairo_set_source_surface (cr, f->layer, -f->layer_margin, -f->layer_margin);
  cairo_pattern_set_filter (cairo_get_source (cr),
                            f->scale == 1.0 ? CAIRO_FILTER_NEAREST : CAIRO_FILTER_BILINEAR);
  cairo_paint (cr);
  cairo_restore (cr);
  cs_renderer_draw_overlays (cr, f->scene);
  cairo_destroy (cr);
}

static void
draw_hover (gpointer data)
{
  Frame *f = data;
  cairo_t *cr = cairo_create (f->surface);

  cs_renderer_draw_focus (cr, f->scene, &f->focus);
  cairo_destroy (cr);
}

static void
export_png (gpointer data)
{
  CsExportOptions options;
  g_autoptr(GBytes) bytes = NULL;

  cs_export_options_init (&options);
  bytes = cs_export_scene_to_bytes (data, &options, NULL, NULL);
}

/* The window's frames at 1920x1080 on one graph laid out by the default
 * layout, each against painting the background of the same surface */
static void
bench_frame_graph (const char *name,
                   const char *path,
                   guint       runs)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CsGraph) graph = cs_import_file (path, NULL, NULL, &error);
  g_autoptr(CsLayoutParams) params = NULL;
  g_autoptr(CsPositions) positions = NULL;
  g_autoptr(CsViewState) view = cs_view_state_new ();
  g_autoptr(CsScene) scene = NULL;
  g_autofree double *radii = NULL;
  CsRenderStyle style;
  Frame f = { 0 };
  double t0, layout, paint, frame, layer, pan, zoom, hover, zoomed, build, plain, indexed, png;
  guint n;

  if (graph == NULL)
    {
      printf ("\n%s: %s\n", name, error->message);
      return;
    }
  n = cs_graph_get_n_nodes (graph);
  params = cs_layout_params_new_for_graph (graph);
  radii = cs_node_radii_new (graph);
  cs_layout_params_set_radii (params, n, radii);
  t0 = now ();
  positions = cs_layout_run (graph, params, NULL, &error);
  layout = now () - t0;
  g_assert_nonnull (positions);

  cs_render_style_init_default (&style, FALSE);
  cs_view_state_set_graph (view, graph);
  t0 = now ();
  scene = cs_scene_new (graph, positions, NULL, view, &style, FRAME_WIDTH, FRAME_HEIGHT);
  build = now () - t0;
  cs_scene_set_flags (scene, cs_scene_get_flags (scene) | CS_RENDER_OVERLAYS_APART);
  cs_scene_fit (scene, 24);
  f.scene = scene;
  f.surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, FRAME_WIDTH, FRAME_HEIGHT);
  f.layer_margin = cs_renderer_layer_margin (FRAME_WIDTH, FRAME_HEIGHT);
  f.layer = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, FRAME_WIDTH + 2 * f.layer_margin,
                                        FRAME_HEIGHT + 2 * f.layer_margin);
  f.scale = 1.0;

  printf ("\n%s: %u nodes, %u edges, %s layout %.2f s; frames of %dx%d\n", name, n,
          cs_graph_get_n_edges (graph),
          cs_layout_algorithm_to_string (cs_layout_params_get_algorithm (params)), layout,
          FRAME_WIDTH, FRAME_HEIGHT);
  paint = median_time (paint_background, &f, runs);
  frame = median_time (draw_frame, &f, runs);
  layer = median_time (draw_layer, &f, runs);
  f.dx = 37;
  pan = median_time (compose_frame, &f, runs);
  f.dx = 0;
  f.scale = 1.1;
  zoom = median_time (compose_frame, &f, runs);
  report ("build the scene (once per change)", build, "paint the background", paint);
  report ("pan frame (kept layer moved)", pan, "paint the background", paint);
  report ("zoom frame (kept layer scaled)", zoom, "paint the background", paint);
  report ("full frame, whole graph", frame, "paint the background", paint);
  report ("full redraw of the kept layer", layer, "paint the background", paint);

  /* settled after zooming in on the middle, 8 times the fitted zoom */
  cs_scene_set_transform (scene, 8 * cs_scene_get_zoom (scene),
                          FRAME_WIDTH / 2.0 - 8 * (FRAME_WIDTH / 2.0 - cs_scene_get_offset_x (scene)),
                          FRAME_HEIGHT / 2.0 - 8 * (FRAME_HEIGHT / 2.0 - cs_scene_get_offset_y (scene)));
  zoomed = median_time (draw_layer, &f, runs);
  report ("full redraw, zoomed in 8x", zoomed, "paint the background", paint);
  cs_scene_fit (scene, 24);

  f.focus.hover = 0;
  for (guint i = 1; i < n; i++)
    if (cs_graph_get_degree (graph, i) > cs_graph_get_degree (graph, f.focus.hover))
      f.focus.hover = i;
  hover = median_time (draw_hover, &f, runs);
  report ("hover overlay (busiest node)", hover, "pan frame", pan);

  {
    g_autoptr(CsSpatialGrid) index = NULL;
    g_autoptr(GRand) rand = g_rand_new_with_seed (1);
    volatile int sink = 0;
    double index_time;

    t0 = now ();
    for (guint r = 0; r < 200; r++)
      sink += cs_renderer_hit_test (scene, g_rand_double_range (rand, 0, FRAME_WIDTH),
                                    g_rand_double_range (rand, 0, FRAME_HEIGHT));
    plain = (now () - t0) / 200;
    t0 = now ();
    index = cs_renderer_build_hit_index (scene);
    index_time = now () - t0;
    t0 = now ();
    for (guint r = 0; r < 2000; r++)
      sink += cs_renderer_hit_test_indexed (scene, index, g_rand_double_range (rand, 0, FRAME_WIDTH),
                                            g_rand_double_range (rand, 0, FRAME_HEIGHT));
    indexed = (now () - t0) / 2000;
    report_us ("hit test (spatial index)", indexed, "hit test over every node", plain);
    report ("building the hit index (per zoom)", index_time, "pan frame", pan);
    (void)sink;
  }

  {
    CsExportOptions o;
    g_autoptr(CsScene) export_scene = NULL;

    cs_export_options_init (&o);
    export_scene = cs_export_build_scene (graph, positions, NULL, view, &o);
    png = median_time (export_png, export_scene, MIN (runs, 3));
    report ("PNG export 1600x1200", png, "full frame, whole graph", frame);
  }

  cairo_surface_destroy (f.layer);
  cairo_surface_destroy (f.surface);
  cs_render_style_clear (&style);
}

/* `consortia --export OUT.svg FILE` (the default layout and the SVG) against
 * `sfdp -Tsvg`, and an SVG at given positions against `neato -n2 -Tsvg` */
static void
bench_against_graphviz (const char *dir,
                        const char *stem)
{
  g_autofree char *json = g_strdup_printf ("%s/%s.json", dir, stem);
  g_autofree char *dot = g_strdup_printf ("%s/%s.dot", dir, stem);
  g_autofree char *svg = g_strdup_printf ("%s/%s.svg", dir, stem);
  g_autofree char *placed_json = g_strdup_printf ("%s/%s-placed.json", dir, stem);
  g_autofree char *placed_dot = g_strdup_printf ("%s/%s-placed.dot", dir, stem);
  const char *ours[] = { CONSORTIA_PROGRAM, "--export", svg, json, NULL };
  const char *sfdp[] = { "sfdp", "-Tsvg", "-o", svg, dot, NULL };
  const char *place_ours[] = { CONSORTIA_PROGRAM, "--export", placed_json, json, NULL };
  const char *place_dot[] = { "sfdp", "-o", placed_dot, dot, NULL };
  const char *ours_placed[] = { CONSORTIA_PROGRAM, "--export", svg, placed_json, NULL };
  const char *neato[] = { "neato", "-n2", "-Tsvg", "-o", svg, placed_dot, NULL };
  double a, b;

  printf ("\n%s against Graphviz (wall time of each command, median of 3)\n", stem);
  a = median_command (ours, 3);
  b = median_command (sfdp, 3);
  if (a > 0 && b > 0)
    report ("consortia --export SVG (layout too)", a, "sfdp -Tsvg", b);
  if (command_time (place_ours) < 0 || command_time (place_dot) < 0)
    return;
  a = median_command (ours_placed, 3);
  b = median_command (neato, 3);
  if (a > 0 && b > 0)
    report ("consortia --export SVG, positioned", a, "neato -n2 -Tsvg", b);
}

static char *
generate (const char *dir,
          guint       n,
          guint       m,
          const char *ext)
{
  g_autofree char *out = g_strdup_printf ("%s/ba-%u-m%u.%s", dir, n, m, ext);
  g_autofree char *nodes = g_strdup_printf ("%u", n);
  g_autofree char *edges = g_strdup_printf ("%u", m);
  const char *argv[] = { "python3", GEN_GRAPH, nodes, out, "--m", edges, NULL };

  if (command_time (argv) < 0)
    return NULL;
  return g_steal_pointer (&out);
}


/* `bench frame [NODES]`: Barabási–Albert graphs from gen-graph.py (1,000,
 * 10,000 and 100,000 nodes with two links each, 3,200 with 22 each), and
 * the large real files of ../shared/testdata */
static void
bench_frame (guint only)
{
  const struct { guint n, m; } sizes[] = { { 1000, 2 }, { 10000, 2 }, { 3200, 22 }, { 100000, 2 } };
  g_autofree char *dir = g_dir_make_tmp ("cs-bench-XXXXXX", NULL);
  const char *real[] = { "gephi/samples/Power_Grid.gml", "cytoscape/6000-elements_data.json" };

  if (!g_file_test (GEN_GRAPH, G_FILE_TEST_EXISTS))
    {
      printf ("\nframes: %s is missing\n", GEN_GRAPH);
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree char *path = NULL;
      g_autofree char *name = NULL;

      if (only != 0 && sizes[i].n != only)
        continue;
      path = generate (dir, sizes[i].n, sizes[i].m, "json");
      name = g_strdup_printf ("Barabasi-Albert %u, m %u", sizes[i].n, sizes[i].m);
      if (path != NULL)
        bench_frame_graph (name, path, sizes[i].n >= 100000 ? 3 : 7);
      if (sizes[i].n == 10000 && sizes[i].m == 2)
        {
          g_free (generate (dir, 10000, 2, "dot"));
          bench_against_graphviz (dir, "ba-10000-m2");
        }
      g_unlink (path);
    }
  for (guint i = 0; only == 0 && i < G_N_ELEMENTS (real); i++)
    {
      g_autofree char *path = g_build_filename (SHARED_TESTDATA, real[i], NULL);

      bench_frame_graph (real[i], path, 7);
    }
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *entry;

    while (d != NULL && (entry = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *path = g_build_filename (dir, entry, NULL);

        g_unlink (path);
      }
  }
  g_rmdir (dir);
}

/* Seconds from starting the window on @file to its first picture of the
 * graph (the canvas's debug line), or -1 when it ends without one. @home
 * is the user's folders (settings, state, and the cache that holds Mesa's
 * shaders and our layouts). With @linger, the program is left running
 * until the layout cache holds an entry (the layout after a sketch) or
 * two minutes pass. */
static double
first_picture_time (const char *file,
                    const char *home,
                    gboolean    linger)
{
  g_autoptr(GSubprocessLauncher) launcher =
      g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GDataInputStream) in = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *layouts = g_build_filename (home, "consortia", "layouts", NULL);
  double seconds = -1;
  gint64 start;
  char *line;

  g_subprocess_launcher_setenv (launcher, "G_MESSAGES_DEBUG", "cs-app", TRUE);
  g_subprocess_launcher_setenv (launcher, "GSETTINGS_BACKEND", "memory", TRUE);
  g_subprocess_launcher_setenv (launcher, "HOME", home, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_STATE_HOME", home, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", home, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", home, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CACHE_HOME", home, TRUE);
  start = g_get_monotonic_time ();
  process = g_subprocess_launcher_spawn (launcher, &error, CONSORTIA_PROGRAM, file, NULL);
  if (process == NULL)
    {
      printf ("%-36s %s\n", "window:", error->message);
      return -1;
    }
  /* GLib writes debug messages to the standard output */
  in = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
  while ((line = g_data_input_stream_read_line (in, NULL, NULL, NULL)) != NULL)
    {
      gboolean found = strstr (line, "first picture of a graph") != NULL;

      g_free (line);
      if (found)
        {
          seconds = (g_get_monotonic_time () - start) / 1e6;
          break;
        }
    }
  if (linger)
    {
      gint64 deadline = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;
      g_autoptr(GDir) folder = NULL;

      while (g_get_monotonic_time () < deadline &&
             ((folder = g_dir_open (layouts, 0, NULL)) == NULL ||
              g_dir_read_name (folder) == NULL))
        {
          g_clear_pointer (&folder, g_dir_close);
          g_usleep (G_USEC_PER_SEC / 4);
        }
    }
  g_subprocess_force_exit (process);
  g_subprocess_wait (process, NULL, NULL);
  return seconds;
}

/* `bench window`: from starting the program to the window's first
 * picture of the bundled graph and of 100,000 nodes, against an empty
 * graph (GTK's and the window's own start); wall time, median of 5
 * (3 for the big graph). One home for all runs, warmed by a first run
 * that is not counted (a user's Mesa shader cache is warm too); the
 * layout cache is emptied before each first open. Needs a display: run
 * it under xvfb-run. */
static void
bench_window (void)
{
  g_autofree char *bundled = g_build_filename (SOURCE_DATADIR, BUNDLED_GRAPH, NULL);
  g_autofree char *empty = g_build_filename (SOURCE_DATADIR, "..", "tests", "data", "good",
                                             "empty-graph.json", NULL);
  g_autofree char *dir = g_dir_make_tmp ("cs-bench-XXXXXX", NULL);
  g_autofree char *home = g_build_filename (dir, "home", NULL);
  g_autofree char *layouts = g_build_filename (home, "consortia", "layouts", NULL);
  g_autofree char *big = NULL;
  const char *rm_layouts[] = { "rm", "-rf", layouts, NULL };
  const char *rm_home[] = { "rm", "-rf", home, NULL };
  double times[5], base, ours, large;

  printf ("\nWindow start to first picture (wall time, median)\n");
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      printf ("%-36s no display: run under xvfb-run\n", "window:");
      g_rmdir (dir);
      return;
    }
  g_mkdir (home, 0700);
  first_picture_time (empty, home, FALSE);
  for (guint r = 0; r < 5; r++)
    times[r] = first_picture_time (empty, home, FALSE);
  base = median (times, 5);
  for (guint r = 0; r < 5; r++)
    {
      command_time (rm_layouts);
      times[r] = first_picture_time (bundled, home, FALSE);
    }
  ours = median (times, 5);
  /* its layout comes with the program (src/tools/cs-prelayout.c) */
  report ("bundled graph, first picture", ours, "an empty graph", base);
  big = generate (dir, 100000, 2, "json");
  if (big != NULL)
    {
      for (guint r = 0; r < 3; r++)
        {
          command_time (rm_layouts);
          /* the last one waits for the layout after the sketch, kept */
          times[r] = first_picture_time (big, home, r == 2);
        }
      large = median (times, 3);
      report ("100,000 nodes, first open", large, "an empty graph", base);
      for (guint r = 0; r < 3; r++)
        times[r] = first_picture_time (big, home, FALSE);
      large = median (times, 3);
      report ("100,000 nodes, opened again", large, "an empty graph", base);
      g_unlink (big);
    }
  command_time (rm_home);
  g_rmdir (dir);
}

/* A cancel from another thread, once the export has drawn @at of its way */
typedef struct
{
  GCancellable *cancellable;
  gint         *permille;
  gint          at;
  gint64        cancelled_at; /* monotonic µs */
  gint          stop;
} Canceller;

static gpointer
cancel_at_progress (gpointer data)
{
  Canceller *c = data;

  while (!g_atomic_int_get (&c->stop))
    {
      if (g_atomic_int_get (c->permille) >= c->at)
        {
          c->cancelled_at = g_get_monotonic_time ();
          g_cancellable_cancel (c->cancellable);
          return NULL;
        }
      g_thread_yield ();
    }
  return NULL;
}

/* `bench export`: 100,000 nodes and 200,000 links at seeded random places
 * (no layout: the drawing only), 1600x1200, each format once (wall time,
 * the calling thread) with the file's size; then how long a cancel takes
 * to stop an SVG export a tenth of its way in, against the export whole */
static void
bench_export (void)
{
  const guint n = 100000;
  g_autofree char *json = cs_test_one_line_graph (n);
  g_autoptr(GError) error = NULL;
  g_autoptr(CsGraph) graph = cs_import_data (json, strlen (json), "big.json", NULL, NULL, &error);
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(CsPositions) positions = NULL;
  g_autofree double *xy = NULL;
  const CsExportFormat formats[] = { CS_EXPORT_FORMAT_PNG, CS_EXPORT_FORMAT_SVG,
                                     CS_EXPORT_FORMAT_PDF };
  const char *names[] = { "PNG", "SVG", "PDF" };
  double svg_seconds = 0;

  printf ("\nExports of %u nodes, %u links at random places (wall time)\n", n,
          graph != NULL ? cs_graph_get_n_edges (graph) : 0);
  if (graph == NULL)
    {
      printf ("export: %s\n", error->message);
      return;
    }
  xy = g_new (double, 2 * (gsize)cs_graph_get_n_nodes (graph));
  for (guint i = 0; i < 2 * cs_graph_get_n_nodes (graph); i++)
    xy[i] = g_rand_double_range (rand, 0, 60000);
  positions = cs_positions_new (cs_graph_get_n_nodes (graph), xy);
  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      CsExportOptions options;
      g_autoptr(CsScene) scene = NULL;
      g_autoptr(GBytes) bytes = NULL;
      gint64 t0;
      double seconds;
      char what[64];

      cs_export_options_init (&options);
      options.format = formats[f];
      scene = cs_export_build_scene (graph, positions, NULL, NULL, &options);
      t0 = g_get_monotonic_time ();
      bytes = cs_export_scene_to_bytes (scene, &options, NULL, NULL);
      seconds = (g_get_monotonic_time () - t0) / 1e6;
      if (formats[f] == CS_EXPORT_FORMAT_SVG)
        svg_seconds = seconds;
      g_snprintf (what, sizeof what, "%s export (%.0f MB)", names[f],
                  bytes != NULL ? g_bytes_get_size (bytes) / 1e6 : 0);
      report (what, seconds, "", 0);
    }
  {
    CsExportOptions options;
    g_autoptr(CsScene) scene = NULL;
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();
    g_autoptr(GBytes) bytes = NULL;
    gint permille = 0;
    Canceller c = { cancellable, &permille, 50 };
    GThread *thread;
    gint64 t0;

    cs_export_options_init (&options);
    options.format = CS_EXPORT_FORMAT_SVG;
    options.progress = &permille;
    scene = cs_export_build_scene (graph, positions, NULL, NULL, &options);
    thread = g_thread_new ("cancel", cancel_at_progress, &c);
    t0 = g_get_monotonic_time ();
    bytes = cs_export_scene_to_bytes (scene, &options, cancellable, NULL);
    g_atomic_int_set (&c.stop, 1);
    g_thread_join (thread);
    if (bytes == NULL && c.cancelled_at > 0)
      report ("SVG cancelled a tenth in: to stop", (g_get_monotonic_time () - c.cancelled_at) / 1e6,
              "the SVG export whole", svg_seconds);
    else
      printf ("SVG cancel: the export ended before the cancel (%.0f ms)\n",
              (g_get_monotonic_time () - t0) / 1e3);
  }
}

int
main (int   argc,
      char *argv[])
{
  /* keep freed memory in the process: every run then costs its work, not
   * the virtual machine's page faults, alike for baselines and ours */
  mallopt (M_TRIM_THRESHOLD, 1 << 30);
  mallopt (M_MMAP_THRESHOLD, 1 << 30);
  g_autofree char *self_path = g_file_read_link ("/proc/self/exe", NULL);
  const char *part = argc > 1 ? argv[1] : "all";

  if (argc == 4 && g_str_equal (argv[1], "--measure"))
    return measure_main (argv[2], argv[3]);
  if (g_str_equal (part, "all") || g_str_equal (part, "load"))
    bench_load (self_path);
  if (g_str_equal (part, "all") || g_str_equal (part, "draw"))
    bench_draw ();
  if (g_str_equal (part, "all") || g_str_equal (part, "save"))
    bench_save ();
  if (g_str_equal (part, "all") || g_str_equal (part, "style"))
    bench_style ();
  if (g_str_equal (part, "all") || g_str_equal (part, "stages"))
    bench_stages ();
  /* `bench frame [N]`: the window's frames, exports, Graphviz */
  if (g_str_equal (part, "all") || g_str_equal (part, "frame"))
    bench_frame (argc > 2 && g_str_equal (part, "frame") ? (guint)g_ascii_strtoull (argv[2], NULL, 10) : 0);
  if (g_str_equal (part, "all") || g_str_equal (part, "window"))
    bench_window ();
  if (g_str_equal (part, "all") || g_str_equal (part, "export"))
    bench_export ();
  /* `bench layout [N]`: every layout on N nodes (100,000 takes minutes) */
  if (g_str_equal (part, "all") || g_str_equal (part, "layout"))
    bench_layout (argc > 2 ? (guint)g_ascii_strtoull (argv[2], NULL, 10) : 10000);
  return 0;
}
