/* cs-cli.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-cli.h"

#include "cs-export.h"
#include "cs-graph-loader.h"
#include "cs-inspection.h"
#include "cs-layout.h"
#include "cs-metrics.h"
#include "cs-render-style.h"
#include "cs-renderer.h"
#include "cs-search.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

/* The commands that run without a display, before GTK is touched. */
static const char *const headless_options[] = {
  "--export", "--info", "--inspect", "--list-layouts", NULL
};

/**
 * cs_cli_is_headless:
 * @argc: the argument count
 * @argv: the arguments
 *
 * Returns: %TRUE when the command line asks for a headless command
 */
gboolean
cs_cli_is_headless (int    argc,
                    char **argv)
{
  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--"))
        break;
      for (guint j = 0; headless_options[j] != NULL; j++)
        {
          gsize len = strlen (headless_options[j]);

          if (strncmp (argv[i], headless_options[j], len) == 0 &&
              (argv[i][len] == '\0' || argv[i][len] == '='))
            return TRUE;
        }
    }
  return FALSE;
}

static void
print_problems (GPtrArray  *problems,
                const char *display_name,
                FILE       *stream)
{
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      g_autofree char *text = cs_problem_to_string (g_ptr_array_index (problems, i), display_name);

      fprintf (stream, "consortia: %s\n", text);
    }
}

static CsGraph *
load_graph (const char *filename,
            GPtrArray **problems_out)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *display_name = g_filename_display_name (filename);
  CsGraph *graph;

  graph = cs_graph_loader_load_file (filename, &problems, &error);
  if (graph == NULL && error->code == CS_GRAPH_LOADER_ERROR_IO)
    fprintf (stderr, "consortia: %s\n", error->message);
  else
    print_problems (problems, display_name, stderr);

  if (problems_out != NULL)
    *problems_out = g_steal_pointer (&problems);
  return graph;
}

static int
run_list_layouts (void)
{
  for (guint i = 0; i < CS_N_LAYOUTS; i++)
    printf ("%-22s %s\n", cs_layout_algorithm_to_string (i),
            cs_layout_algorithm_get_description (i));
  return 0;
}

static int
run_info (const char *filename)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(CsGraph) graph = NULL;
  g_autofree char *display_name = g_filename_display_name (filename);
  CsRenderStyle style;
  CsRenderScene scene;
  g_autoptr(CsPositions) origin = NULL;
  guint32 seed = CS_LAYOUT_DEFAULT_SEED;
  guint n_isolated = 0;
  guint missing;

  graph = load_graph (filename, &problems);
  if (graph == NULL)
    return 1;

  printf ("File: %s\n", display_name);
  if (cs_graph_get_title (graph) != NULL)
    printf ("Title: %s\n", cs_graph_get_title (graph));
  if (cs_graph_get_title_en (graph) != NULL)
    printf ("Title (English): %s\n", cs_graph_get_title_en (graph));
  if (cs_graph_get_date (graph) != NULL)
    printf ("Date: %s\n", cs_graph_get_date (graph));

  printf ("Nodes: %u\n", cs_graph_get_n_nodes (graph));
  for (guint t = 0; t < CS_N_NODE_TYPES; t++)
    {
      guint count = cs_graph_count_type (graph, t);

      if (count > 0)
        printf ("  %-20s %u\n", cs_node_type_to_string (t), count);
    }
  printf ("Edges: %u\n", cs_graph_get_n_edges (graph));
  for (guint r = 0; r < CS_N_RELATIONS; r++)
    {
      guint count = cs_graph_count_relation (graph, r);

      if (count > 0)
        printf ("  %-20s %u\n", cs_relation_to_string (r), count);
    }

  for (guint i = 0; i < cs_graph_get_n_nodes (graph); i++)
    n_isolated += cs_graph_get_degree (graph, i) == 0;
  printf ("Isolated nodes: %u\n", n_isolated);
  printf ("Sources: %u\n", cs_graph_get_n_articles (graph));
  for (guint i = 0; i < cs_graph_get_n_articles (graph); i++)
    {
      const CsArticle *article = cs_graph_get_article (graph, i);

      printf ("  %s%s%s\n", article->file, article->title ? "  " : "",
              article->title ? article->title : "");
    }
  cs_graph_get_layout_seed (graph, &seed);
  printf ("Layout: %s, seed %u\n",
          cs_graph_get_layout_algorithm (graph)
              ? cs_graph_get_layout_algorithm (graph)
              : cs_layout_algorithm_to_string (CS_LAYOUT_FRUCHTERMAN_REINGOLD),
          seed);

  cs_render_style_init_default (&style, FALSE);
  origin = cs_positions_new (cs_graph_get_n_nodes (graph), NULL);
  cs_render_scene_init (&scene, graph, origin, &style, 100, 100);
  missing = cs_renderer_count_missing_glyphs (&scene);
  printf ("Label characters without a font: %u\n", missing);
  cs_render_style_clear (&style);

  printf ("Problems: %u\n", problems != NULL ? problems->len : 0);
  if (problems != NULL && problems->len > 0)
    print_problems (problems, display_name, stdout);
  return 0;
}

/* One organisation's roles, as the inspector shows them; the name is
 * matched as search does, the best hit wins. */
static int
run_inspect (const char *name,
             const char *filename)
{
  g_autoptr(CsGraph) graph = NULL;
  g_autoptr(GArray) hits = NULL;
  g_autoptr(CsInspection) inspection = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree double *betweenness = NULL;
  g_autofree char *text = NULL;
  guint node;

  graph = load_graph (filename, NULL);
  if (graph == NULL)
    return 1;

  hits = cs_search (graph, name, 0);
  if (hits->len == 0)
    {
      g_autoptr(GPtrArray) closest = cs_search_closest_names (graph, name, 3);
      GString *message = g_string_new (NULL);

      g_string_printf (message, "consortia: no organisation named “%s”", name);
      for (guint i = 0; i < closest->len; i++)
        g_string_append_printf (message, "%s“%s”", i == 0 ? "; closest: " : ", ",
                                (const char *)g_ptr_array_index (closest, i));
      fprintf (stderr, "%s\n", message->str);
      g_string_free (message, TRUE);
      return 1;
    }

  node = g_array_index (hits, CsSearchHit, 0).node;
  betweenness = cs_metrics_betweenness (graph, &error);
  if (betweenness == NULL)
    g_debug ("%s", error->message);
  inspection = cs_inspection_new (graph, node, betweenness);
  text = cs_inspection_to_text (inspection);
  fputs (text, stdout);
  if (hits->len > 1)
    {
      printf ("\nOther matches for “%s”:", name);
      for (guint i = 1; i < MIN (hits->len, 6u); i++)
        printf ("%s %s", i > 1 ? "," : "",
                cs_graph_get_node (graph, g_array_index (hits, CsSearchHit, i).node)->label);
      printf ("%s\n", hits->len > 6 ? ", …" : "");
    }
  return 0;
}

typedef struct
{
  char     *layout;
  gint64    seed;
  int       width;
  int       height;
  double    scale;
  char     *background;
  char     *palette;
  char     *title;
  gboolean  legend;
  gboolean  no_legend;
  gboolean  no_hulls;
  gboolean  caption;
  char     *scope;
  char    **select;
  char     *view;
  double    dpi;
} ExportArgs;

static int
run_export (const char       *output,
            const char       *filename,
            const ExportArgs *args)
{
  g_autoptr(CsGraph) graph = NULL;
  g_autoptr(CsLayoutParams) params = NULL;
  g_autoptr(CsPositions) positions = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *output_name = g_filename_display_name (output);
  g_autoptr(GArray) selection = NULL;
  CsExportOptions options;

  cs_export_options_init (&options);
  if (!cs_export_format_from_filename (output, &options.format))
    {
      fprintf (stderr,
               "consortia: %s: unknown export format: use a name ending in .png, .svg or .pdf\n",
               output_name);
      return 1;
    }
  if (args->width > 0)
    options.width = args->width;
  if (args->height > 0)
    options.height = args->height;
  options.scale = args->scale;
  options.legend = args->legend || !args->no_legend;
  options.hulls = !args->no_hulls;
  options.caption = args->caption;
  if (args->dpi < 0 || args->dpi > 100000)
    {
      fprintf (stderr, "consortia: --dpi must be between 0 and 100000\n");
      return 1;
    }
  options.dpi = options.format == CS_EXPORT_FORMAT_PNG ? args->dpi : 0;
  /* a resolution without a scale means the same size in inches as on screen */
  if (args->dpi > 0 && args->scale == 1.0)
    options.scale = args->dpi / CS_EXPORT_SCREEN_DPI;
  if (args->title != NULL)
    {
      options.title = TRUE;
      options.title_text = args->title[0] != '\0' ? args->title : NULL;
    }
  if (args->background == NULL || g_str_equal (args->background, "theme"))
    options.background = CS_EXPORT_BACKGROUND_THEME;
  else if (g_str_equal (args->background, "white"))
    options.background = CS_EXPORT_BACKGROUND_WHITE;
  else if (g_str_equal (args->background, "transparent"))
    options.background = CS_EXPORT_BACKGROUND_TRANSPARENT;
  else
    {
      fprintf (stderr, "consortia: unknown background “%s”: use theme, white or transparent\n",
               args->background);
      return 1;
    }
  if (args->palette == NULL || g_str_equal (args->palette, "light"))
    options.dark = FALSE;
  else if (g_str_equal (args->palette, "dark"))
    options.dark = TRUE;
  else
    {
      fprintf (stderr, "consortia: unknown palette “%s”: use light or dark\n", args->palette);
      return 1;
    }

  graph = load_graph (filename, NULL);
  if (graph == NULL)
    return 1;

  params = cs_layout_params_new_for_graph (graph);
  if (args->layout != NULL)
    {
      CsLayoutAlgorithm algorithm;

      if (!cs_layout_algorithm_from_string (args->layout, &algorithm))
        {
          fprintf (stderr, "consortia: unknown layout “%s” (see consortia --list-layouts)\n",
                   args->layout);
          return 1;
        }
      cs_layout_params_set_algorithm (params, algorithm);
    }
  if (args->seed >= 0)
    cs_layout_params_set_seed (params, (guint32)args->seed);

  if (args->scope == NULL || g_str_equal (args->scope, "all"))
    options.scope = CS_EXPORT_SCOPE_ALL;
  else if (g_str_equal (args->scope, "selection"))
    {
      options.scope = CS_EXPORT_SCOPE_SELECTION;
      if (args->select == NULL)
        {
          fprintf (stderr, "consortia: --scope selection needs --select ID (once per node)\n");
          return 1;
        }
      selection = g_array_new (FALSE, FALSE, sizeof (guint));
      for (guint i = 0; args->select[i] != NULL; i++)
        {
          guint node;

          if (!cs_graph_lookup (graph, args->select[i], &node))
            {
              fprintf (stderr, "consortia: --select: no node with id “%s”\n", args->select[i]);
              return 1;
            }
          g_array_append_val (selection, node);
        }
      options.selection = (const guint *)selection->data;
      options.n_selection = selection->len;
    }
  else if (g_str_equal (args->scope, "view"))
    {
      double v[4];

      if (args->view == NULL ||
          sscanf (args->view, "%lf,%lf,%lf,%lf", &v[0], &v[1], &v[2], &v[3]) != 4 ||
          !(v[2] > v[0]) || !(v[3] > v[1]))
        {
          fprintf (
              stderr,
              "consortia: --scope view needs --view X0,Y0,X1,Y1 (a world box, X1 > X0, Y1 > Y0)\n");
          return 1;
        }
      options.scope = CS_EXPORT_SCOPE_VIEW;
      options.view = (CsBounds) { v[0], v[1], v[2], v[3] };
    }
  else
    {
      fprintf (stderr, "consortia: unknown scope “%s”: use all, view or selection\n", args->scope);
      return 1;
    }

  positions = cs_layout_run (graph, params, NULL, &error);
  if (positions == NULL)
    {
      fprintf (stderr, "consortia: %s\n", error->message);
      return 1;
    }

  if (!cs_export_to_file (graph, positions, &options, output, &error))
    {
      fprintf (stderr, "consortia: %s: %s\n", output_name, error->message);
      return 1;
    }
  return 0;
}

/**
 * cs_cli_main:
 * @argc: the argument count
 * @argv: the arguments
 *
 * Runs `--export`, `--info`, `--inspect` or `--list-layouts` without opening
 * a display.
 *
 * Returns: the exit status: 0 on success, 1 on bad input, 2 on bad usage
 */
int
cs_cli_main (int    argc,
             char **argv)
{
  g_autofree char *export_path = NULL;
  g_auto(GStrv) rest = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  gboolean list_layouts = FALSE;
  g_autofree char *inspect_name = NULL;
  gboolean info = FALSE;
  ExportArgs args = { .seed = -1, .scale = 1.0 };
  int status;
  const GOptionEntry entries[] = {
    { "export", 0, 0, G_OPTION_ARG_FILENAME, &export_path,
      "Draw FILE into OUT (.png, .svg or .pdf) and exit", "OUT" },
    { "info", 0, 0, G_OPTION_ARG_NONE, &info, "Print counts and every problem in FILE, then exit",
      NULL },
    { "inspect", 0, 0, G_OPTION_ARG_STRING, &inspect_name,
      "Print one organisation's roles in FILE, then exit", "NAME" },
    { "list-layouts", 0, 0, G_OPTION_ARG_NONE, &list_layouts, "List the layout algorithms and exit",
      NULL },
    { "layout", 0, 0, G_OPTION_ARG_STRING, &args.layout, "Layout algorithm for --export", "NAME" },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &args.seed, "Random seed for the layout", "N" },
    { "width", 0, 0, G_OPTION_ARG_INT, &args.width, "Width of the export (default 1600)", "W" },
    { "height", 0, 0, G_OPTION_ARG_INT, &args.height, "Height of the export (default 1200)", "H" },
    { "scale", 0, 0, G_OPTION_ARG_DOUBLE, &args.scale, "Pixels per unit for PNG (default 1)", "S" },
    { "background", 0, 0, G_OPTION_ARG_STRING, &args.background, "theme, white or transparent",
      "BG" },
    { "palette", 0, 0, G_OPTION_ARG_STRING, &args.palette, "light or dark", "PALETTE" },
    { "title", 0, 0, G_OPTION_ARG_STRING, &args.title, "Draw a title (\"\" for the graph's own)",
      "TEXT" },
    { "legend", 0, 0, G_OPTION_ARG_NONE, &args.legend, "Draw the legend (the default)", NULL },
    { "no-legend", 0, 0, G_OPTION_ARG_NONE, &args.no_legend, "Leave out the legend", NULL },
    { "no-hulls", 0, 0, G_OPTION_ARG_NONE, &args.no_hulls,
      "Leave out the outlines around consortia", NULL },
    { "caption", 0, 0, G_OPTION_ARG_NONE, &args.caption, "Add a caption naming the source articles",
      NULL },
    { "scope", 0, 0, G_OPTION_ARG_STRING, &args.scope, "all (default), view or selection",
      "SCOPE" },
    { "select", 0, 0, G_OPTION_ARG_STRING_ARRAY, &args.select,
      "A node id for --scope selection (repeat)", "ID" },
    { "view", 0, 0, G_OPTION_ARG_STRING, &args.view, "The world box for --scope view",
      "X0,Y0,X1,Y1" },
    { "dpi", 0, 0, G_OPTION_ARG_DOUBLE, &args.dpi,
      "Record this resolution in a PNG (and scale to it)", "DPI" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &rest, NULL, "FILE" },
    { NULL }
  };

  g_return_val_if_fail (argv != NULL, 2);

  setlocale (LC_ALL, "");

  context = g_option_context_new ("FILE");
  g_option_context_set_summary (
      context, "Headless commands of Consortia. Without them, consortia [FILE] opens the window.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "consortia: %s\n", error->message);
      return 2;
    }

  if (list_layouts)
    status = run_list_layouts ();
  else if (rest == NULL || g_strv_length (rest) != 1)
    {
      fprintf (stderr, "consortia: give exactly one graph FILE (see consortia --help)\n");
      status = 2;
    }
  else if (info)
    status = run_info (rest[0]);
  else if (inspect_name != NULL)
    status = run_inspect (inspect_name, rest[0]);
  else if (export_path != NULL)
    {
      if (args.seed > G_MAXUINT32)
        {
          fprintf (stderr, "consortia: --seed must be between 0 and 4294967295\n");
          status = 2;
        }
      else
        status = run_export (export_path, rest[0], &args);
    }
  else
    {
      fprintf (stderr, "consortia: nothing to do (see consortia --help)\n");
      status = 2;
    }

  g_free (args.layout);
  g_free (args.background);
  g_free (args.palette);
  g_free (args.title);
  g_free (args.scope);
  g_free (args.view);
  g_strfreev (args.select);
  fflush (stdout);
  return status;
}
