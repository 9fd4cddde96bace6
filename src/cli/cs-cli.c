/* cs-cli.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-cli.h"

#include "cs-document.h"
#include "cs-export.h"
#include "cs-import.h"
#include "cs-inspection.h"
#include "cs-layout.h"
#include "cs-layout-report.h"
#include "cs-metrics.h"
#include "cs-node-radii.h"
#include "cs-render-style.h"
#include "cs-renderer.h"
#include "cs-save.h"
#include "cs-search.h"
#include "cs-source-check.h"
#include "cs-stage-panels.h"
#include "cs-stages.h"
#include "cs-view-file.h"

#include <cairo.h>
#include <errno.h>
#include <glib/gi18n-lib.h>
#include <locale.h>
#include <math.h>
#include <pango/pango.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The command line: every option is read here, before GTK is touched, so
 * the headless commands need no display and a mistake in the command line
 * is always exit status 2 with a message naming the option. */

#define EXIT_BAD_INPUT 1
#define EXIT_USAGE     2

typedef struct
{
  /* commands */
  char      *export_path;
  gboolean   info;
  gboolean   quality;
  char      *inspect_name;
  char      *check_sources; /* the articles' folder */
  gboolean   list_layouts;
  gboolean   help;
  gboolean   version;
  /* export options, as written */
  char      *layout;
  char      *seed;
  char      *width;
  char      *height;
  char      *scale;
  char      *dpi;
  char      *background;
  char      *palette;
  char      *title;
  gboolean   legend;
  gboolean   no_legend;
  gboolean   no_hulls;
  gboolean   uniform_size;
  gboolean   english;
  gboolean   caption;
  char      *scope;
  char     **select;
  char      *view;
  char      *stage;
  gboolean   stages;
  gboolean   hide;
  char      *style_by[CS_N_STYLE_CHANNELS]; /* --color-by, --size-by, --shape-by, --group-by */
  /* import options, as written */
  char      *graph;
  char      *nodes;
  char     **rest;
} Args;

static void
args_clear (Args *args)
{
  g_free (args->export_path);
  g_free (args->inspect_name);
  g_free (args->check_sources);
  g_free (args->layout);
  g_free (args->seed);
  g_free (args->width);
  g_free (args->height);
  g_free (args->scale);
  g_free (args->dpi);
  g_free (args->background);
  g_free (args->palette);
  g_free (args->title);
  g_free (args->scope);
  g_free (args->view);
  g_free (args->stage);
  for (guint c = 0; c < CS_N_STYLE_CHANNELS; c++)
    g_free (args->style_by[c]);
  g_free (args->graph);
  g_free (args->nodes);
  g_strfreev (args->select);
  g_strfreev (args->rest);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Args, args_clear)

static void G_GNUC_PRINTF (1, 2)
usage_error (const char *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  fputs ("consortia: ", stderr);
  /* TRANSLATORS: a mistake in the command line, then where to read how to
   * write it */
  fprintf (stderr, _("%s (see consortia --help)"), message);
  fputc ('\n', stderr);
}

/* A whole number from @min to @max, all of @text */
static gboolean
parse_integer (const char *option,
               const char *text,
               gint64      min,
               gint64      max,
               gint64     *out)
{
  g_autoptr(GError) error = NULL;

  if (!g_ascii_string_to_signed (text, 10, min, max, out, &error))
    {
      /* TRANSLATORS: an option ("--width"), the value given, and the
       * least and most it may be */
      usage_error (_("%s: “%s” is not a whole number from %lld to %lld"), option, text,
                   (long long)min, (long long)max);
      return FALSE;
    }
  return TRUE;
}

/* A number above @min (or equal when @inclusive) and at most @max */
static gboolean
parse_number (const char *option,
              const char *text,
              double      min,
              double      max,
              double     *out)
{
  char *end = NULL;
  double value;

  errno = 0;
  value = g_ascii_strtod (text, &end);
  if (text[0] == '\0' || end == NULL || *end != '\0' || errno != 0 || !isfinite (value) ||
      value <= min || value > max)
    {
      /* TRANSLATORS: an option ("--scale"), the value given, the number
       * it must be above and the most it may be */
      usage_error (_("%s: “%s” is not a number above %g and up to %g"), option, text, min, max);
      return FALSE;
    }
  *out = value;
  return TRUE;
}

static gboolean
parse_choice (const char        *option,
              const char        *text,
              const char *const *choices,
              guint             *out)
{
  g_autofree char *list = NULL;

  for (guint i = 0; choices[i] != NULL; i++)
    {
      if (g_str_equal (text, choices[i]))
        {
          *out = i;
          return TRUE;
        }
    }
  list = g_strjoinv (", ", (char **)choices);
  /* TRANSLATORS: an option ("--palette"), the value given, and the
   * values it takes, separated by commas, to type as they are */
  usage_error (_("%s: unknown value “%s”: use %s"), option, text, list);
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

/* The importer's display name for the format a graph was read from */
static const char *
format_display_name (CsGraph *graph)
{
  const char *name = cs_graph_get_source_format (graph);
  guint n_types;
  const GType *types = cs_importer_get_types (&n_types);

  for (guint i = 0; name != NULL && i < n_types; i++)
    {
      g_autoptr(CsImporter) importer = g_object_new (types[i], NULL);

      /* class data: it outlives the instance */
      if (g_strcmp0 (cs_importer_get_name (importer), name) == 0)
        return cs_importer_get_display_name (importer);
    }
  return name;
}

/* Reads @filename with the command line's import options; its problems go
 * to stderr, unless the caller takes them (@problems_out) to report them
 * itself when the file loads. On failure @status is the exit status: an
 * option the file cannot meet (--graph beyond its graphs, --nodes for a
 * format without node tables) is a mistake in the command line. */
static CsGraph *
load_graph (const char             *filename,
            const CsImportOptions  *options,
            GPtrArray             **problems_out,
            int                    *status)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *display_name = g_filename_display_name (filename);
  CsGraph *graph;

  *status = EXIT_BAD_INPUT;
  graph = cs_import_file_full (filename, options, NULL, &problems, &error);
  if (graph == NULL && error->code == CS_IMPORT_ERROR_OPTION)
    {
      usage_error ("%s", error->message);
      *status = EXIT_USAGE;
      return NULL;
    }
  if (graph == NULL && error->code == CS_IMPORT_ERROR_IO)
    fprintf (stderr, "consortia: %s\n", error->message);
  else if (graph == NULL || problems_out == NULL)
    print_problems (problems, display_name, stderr);

  if (graph != NULL && options->nodes_path != NULL &&
      g_strcmp0 (cs_graph_get_source_format (graph), "csv") != 0)
    {
      /* TRANSLATORS: a file's name, then the name of its format, such as
       * "Graphviz DOT" */
      usage_error (_("--nodes: a node table goes with a CSV edge list, and %s is a %s file"),
                   display_name, format_display_name (graph));
      g_clear_object (&graph);
      *status = EXIT_USAGE;
      return NULL;
    }

  if (problems_out != NULL)
    *problems_out = g_steal_pointer (&problems);
  return graph;
}

/* --graph N (from 1) and --nodes FILE, checked before any file is read */
static gboolean
parse_import (const Args      *args,
              CsImportOptions *options)
{
  gint64 value;

  if (args->graph != NULL)
    {
      if (!parse_integer ("--graph", args->graph, 1, G_MAXUINT, &value))
        return FALSE;
      /* the importers count from 0 */
      options->graph = (guint)(value - 1);
    }
  if (args->nodes != NULL)
    {
      g_autofree char *name = g_filename_display_name (args->nodes);

      if (!g_file_test (args->nodes, G_FILE_TEST_IS_REGULAR))
        {
          usage_error (_("--nodes: “%s” is not a file"), name);
          return FALSE;
        }
      options->nodes_path = args->nodes;
    }
  return TRUE;
}

static int
run_list_layouts (void)
{
  for (guint i = 0; i < CS_N_LAYOUTS; i++)
    printf ("%-22s %s\n", cs_layout_algorithm_to_string (i),
            cs_layout_algorithm_get_description (i));
  return 0;
}

/* The layout the command line asks for, checked before any file is read */
typedef struct
{
  gboolean           has_layout;
  CsLayoutAlgorithm  algorithm;
  gboolean           has_seed;
  guint32            seed;
} LayoutChoice;

static gboolean
parse_layout_choice (const Args   *args,
                     LayoutChoice *choice)
{
  gint64 value;

  if (args->seed != NULL)
    {
      if (!parse_integer ("--seed", args->seed, 0, G_MAXUINT32, &value))
        return FALSE;
      choice->has_seed = TRUE;
      choice->seed = value;
    }
  if (args->layout != NULL)
    {
      if (!cs_layout_algorithm_from_string (args->layout, &choice->algorithm))
        {
          /* TRANSLATORS: the layout name given on the command line */
          usage_error (_("--layout: unknown layout “%s” (consortia --list-layouts lists them)"),
                       args->layout);
          return FALSE;
        }
      choice->has_layout = TRUE;
    }
  return TRUE;
}

/* What the window would lay out: the file's own layout (or the default for
 * its kind) with its saved positions kept, and the renderer's node radii.
 * A --layout or --seed lays the graph out afresh instead, keeping only
 * the pinned nodes where the file put them. */
static CsLayoutParams *
layout_params_for (CsGraph            *graph,
                   const LayoutChoice *choice)
{
  CsLayoutParams *params = cs_node_radii_new_layout_params (graph);
  guint n = cs_graph_get_n_nodes (graph);

  if (!choice->has_layout && !choice->has_seed)
    return params;
  if (choice->has_layout)
    cs_layout_params_set_algorithm (params, choice->algorithm);
  if (choice->has_seed)
    cs_layout_params_set_seed (params, choice->seed);
  {
    g_autofree double *xy = g_new0 (double, 2 * MAX (n, 1));
    g_autofree gboolean *fixed = g_new0 (gboolean, MAX (n, 1));
    g_autoptr(CsPositions) saved = NULL;
    gboolean any = FALSE;

    for (guint i = 0; i < n; i++)
      {
        const CsNode *node = cs_graph_get_node (graph, i);

        fixed[i] = node->has_position && node->pinned;
        xy[2 * i] = node->x;
        xy[2 * i + 1] = node->y;
        any |= fixed[i];
      }
    saved = cs_positions_new (n, xy);
    cs_layout_params_set_fixed (params, any ? saved : NULL, any ? fixed : NULL);
  }
  return params;
}

static gboolean *
graph_pins (CsGraph *graph)
{
  gboolean *pinned = g_new0 (gboolean, MAX (cs_graph_get_n_nodes (graph), 1));

  for (guint i = 0; i < cs_graph_get_n_nodes (graph); i++)
    pinned[i] = cs_graph_get_node (graph, i)->pinned;
  return pinned;
}

/* How good the picture is (cs_layout_report_measure()): the file laid out
 * as the window would, or with the command line's layout and seed */
static int
print_quality (CsGraph            *graph,
               const LayoutChoice *choice)
{
  g_autoptr(CsLayoutParams) params = layout_params_for (graph, choice);
  g_autoptr(CsPositions) positions = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree gboolean *pinned = graph_pins (graph);
  CsLayoutReport report;
  guint n_saved = 0;

  positions = cs_layout_run (graph, params, NULL, &error);
  if (positions == NULL || !cs_layout_report_measure (graph, positions, pinned, &report, &error))
    {
      fprintf (stderr, "consortia: %s\n", error->message);
      return EXIT_BAD_INPUT;
    }

  /* a --layout or --seed lays the file out afresh (layout_params_for()) */
  for (guint i = 0; i < cs_graph_get_n_nodes (graph) && !choice->has_layout && !choice->has_seed;
       i++)
    n_saved += cs_graph_get_node (graph, i)->has_position;
  if (n_saved > 0 && n_saved == cs_graph_get_n_nodes (graph))
    printf ("Quality of the positions in the file:\n");
  else if (n_saved > 0)
    printf ("Quality of layout %s, seed %u, with the file's %u positions:\n",
            cs_layout_algorithm_to_string (cs_layout_params_get_algorithm (params)),
            cs_layout_params_get_seed (params), n_saved);
  else
    printf ("Quality of layout %s, seed %u:\n",
            cs_layout_algorithm_to_string (cs_layout_params_get_algorithm (params)),
            cs_layout_params_get_seed (params));
  printf ("  Node overlaps: %u\n", report.node_overlaps);
  printf ("  Label overlaps: %u (%u between labels, %u on other nodes; %u labels drawn at "
          "%d×%d)\n",
          report.label_label + report.label_node, report.label_label, report.label_node,
          report.n_labels, report.width, report.height);
  printf ("  Edge crossings: %" G_GUINT64_FORMAT "%s\n", report.crossings,
          report.crossings_estimated ? " (estimated from a sample of edges)" : "");
  if (report.n_members > 0)
    printf ("  Members nearest their own consortium: %u of %u (%.1f%%)\n", report.n_nearest,
            report.n_members, 100.0 * report.n_nearest / report.n_members);
  else
    printf ("  Members nearest their own consortium: no consortium members\n");
  return 0;
}

/* the node attributes and what each can drive (--color-by and the like),
 * and what drives the look when nothing is said. The "Node attributes:"
 * and "Style:" lines are for scripts, in English; the lines between them
 * are for a reader. */
static void
print_attributes (CsGraph *graph)
{
  static const char *const channels[] = { "colour", "size", "shape", "group" };
  /* TRANSLATORS: what a node attribute can drive, at the end of a line of
   * consortia --info such as "6 nodes, 2 values; can drive colour, shape" */
  static const char *const channel_names[] = { NC_("style channel", "colour"),
                                               NC_("style channel", "size"),
                                               NC_("style channel", "shape"),
                                               NC_("style channel", "group") };
  const CsAttributeSummary *summary = cs_attribute_summary_get (graph);
  guint n_keys = cs_attribute_summary_get_n_keys (summary);
  g_autoptr(CsViewState) view = cs_view_state_new ();

  printf ("Node attributes: %u\n", n_keys);
  for (guint k = 0; k < n_keys; k++)
    {
      const CsAttributeInfo *info = cs_attribute_summary_get_info (summary, k);
      g_autoptr(GString) line = g_string_new (NULL);
      g_autoptr(GString) drives = g_string_new (NULL);
      char min[G_ASCII_DTOSTR_BUF_SIZE], max[G_ASCII_DTOSTR_BUF_SIZE];

      /* TRANSLATORS: in consortia --info, how many nodes have an
       * attribute; the line goes on with its values */
      g_string_append_printf (line, g_dngettext (GETTEXT_PACKAGE, "%u node", "%u nodes",
                                                 info->n_nodes),
                              info->n_nodes);
      g_string_append (line, ", ");
      if (info->n_values > CS_ATTRIBUTE_MAX_COUNTED)
        /* TRANSLATORS: in consortia --info, how many values an attribute
         * takes, past what is counted */
        g_string_append_printf (line, g_dngettext (GETTEXT_PACKAGE, "more than %u value",
                                                   "more than %u values",
                                                   CS_ATTRIBUTE_MAX_COUNTED),
                                CS_ATTRIBUTE_MAX_COUNTED);
      else
        /* TRANSLATORS: in consortia --info, how many values an attribute
         * takes */
        g_string_append_printf (line, g_dngettext (GETTEXT_PACKAGE, "%u value", "%u values",
                                                   info->n_values),
                                info->n_values);
      g_string_append (line, ", ");
      if (cs_attribute_info_is_colors (info))
        /* TRANSLATORS: in consortia --info: the attribute's values are
         * colours */
        g_string_append (line, _("colours"));
      else if (cs_attribute_info_is_numeric (info))
        /* TRANSLATORS: in consortia --info: the attribute's values are
         * numbers, from the smallest to the largest */
        g_string_append_printf (line, _("numbers %s…%s"),
                                g_ascii_formatd (min, sizeof min, "%g", info->min),
                                g_ascii_formatd (max, sizeof max, "%g", info->max));
      else
        g_string_truncate (line, line->len - 2);
      for (guint c = 0; c < CS_N_STYLE_CHANNELS; c++)
        if (cs_attribute_info_can_drive (info, c))
          g_string_append_printf (drives, "%s%s", drives->len > 0 ? ", " : "",
                                  g_dpgettext2 (GETTEXT_PACKAGE, "style channel",
                                                channel_names[c]));
      printf ("  %-20s ", info->key);
      if (drives->len > 0)
        /* TRANSLATORS: in consortia --info: what is known of an attribute
         * ("6 nodes, 2 values"), then what it can drive ("colour, shape") */
        printf (_("%s; can drive %s"), line->str, drives->str);
      else
        fputs (line->str, stdout);
      printf ("\n");
    }
  /* as the window shows the file: its saved view, else the choices made
   * for the graph */
  cs_view_state_set_graph (view, graph);
  cs_view_state_restore (view, cs_graph_get_saved_view (graph));
  printf ("Style:");
  for (guint c = 0; c < CS_N_STYLE_CHANNELS; c++)
    {
      const char *key = cs_view_state_get_style_attribute (view, c);

      printf ("%s %s by %s", c > 0 ? "," : "", channels[c],
              key[0] != '\0'             ? key
              : c == CS_STYLE_SIZE      ? "links"
              : c == CS_STYLE_GROUP     ? "consortia"
                                        : "node type");
    }
  printf ("\n");
}

/* "Stages: 6", then each in order with its date and counts; then what
 * does not add up */
static void
print_stages (CsGraph *graph)
{
  const CsStages *stages = cs_stages_get (graph);
  g_autoptr(GPtrArray) problems = cs_stages_get_problems (stages);

  printf ("Stages: %u\n", cs_stages_get_n_stages (stages));
  for (guint s = 0; s < cs_stages_get_n_stages (stages); s++)
    {
      const CsStageInfo *info = cs_stages_get_stage (stages, s);
      g_autofree char *summary = cs_stages_summarise (stages, s);

      printf ("  %-24s %s\n", info->name, summary);
    }
  for (guint i = 0; i < problems->len; i++)
    {
      printf ("  ");
      /* TRANSLATORS: in consortia --info, under the stages: what does not
       * add up in them */
      printf (_("problem: %s"), (const char *)g_ptr_array_index (problems, i));
      printf ("\n");
    }
}

static int
run_info (const char            *filename,
          const CsImportOptions *import,
          gboolean               quality,
          const LayoutChoice    *choice)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(CsGraph) graph = NULL;
  g_autoptr(CsPositions) origin = NULL;
  g_autoptr(CsScene) scene = NULL;
  g_autofree char *display_name = g_filename_display_name (filename);
  g_autoptr(CsLayoutParams) params = NULL;
  CsRenderStyle style;
  guint n_isolated = 0;
  int status;

  graph = load_graph (filename, import, &problems, &status);
  if (graph == NULL)
    return status;

  printf ("File: %s\n", display_name);
  printf ("Format: %s\n", format_display_name (graph));
  if (cs_graph_get_title (graph) != NULL)
    printf ("Title: %s\n", cs_graph_get_title (graph));
  if (cs_graph_get_title_en (graph) != NULL)
    printf ("Title (English): %s\n", cs_graph_get_title_en (graph));
  if (cs_graph_get_date (graph) != NULL)
    printf ("Date: %s\n", cs_graph_get_date (graph));

  printf ("Nodes: %u\n", cs_graph_get_n_nodes (graph));
  for (guint t = 0; t < cs_graph_get_n_types (graph); t++)
    {
      guint count = cs_graph_count_type (graph, t);

      if (count > 0)
        printf ("  %-20s %u\n", cs_graph_get_type_name (graph, t), count);
    }
  printf ("Edges: %u\n", cs_graph_get_n_edges (graph));
  for (guint r = 0; r < cs_graph_get_n_relations (graph); r++)
    {
      guint count = cs_graph_count_relation (graph, r);

      if (count > 0)
        printf ("  %-20s %u\n", cs_graph_get_relation_name (graph, r), count);
    }

  for (guint i = 0; i < cs_graph_get_n_nodes (graph); i++)
    n_isolated += cs_graph_get_degree (graph, i) == 0;
  printf ("Isolated nodes: %u\n", n_isolated);
  print_attributes (graph);
  printf ("Sources: %u\n", cs_graph_get_n_articles (graph));
  for (guint i = 0; i < cs_graph_get_n_articles (graph); i++)
    {
      const CsArticle *article = cs_graph_get_article (graph, i);

      printf ("  %s%s%s\n", article->file, article->title ? "  " : "",
              article->title ? article->title : "");
    }
  print_stages (graph);
  /* what the window lays the file out with */
  params = cs_layout_params_new_for_graph (graph);
  printf ("Layout: %s, seed %u\n",
          cs_layout_algorithm_to_string (cs_layout_params_get_algorithm (params)),
          cs_layout_params_get_seed (params));

  cs_render_style_init_default (&style, FALSE);
  origin = cs_positions_new (cs_graph_get_n_nodes (graph), NULL);
  scene = cs_scene_new (graph, origin, NULL, NULL, &style, 100, 100);
  printf ("Label characters without a font: %u\n", cs_renderer_count_missing_glyphs (scene));
  cs_render_style_clear (&style);

  printf ("Problems: %u\n", problems != NULL ? problems->len : 0);
  if (problems != NULL && problems->len > 0)
    print_problems (problems, display_name, stdout);
  return quality ? print_quality (graph, choice) : 0;
}

/* Every citation against the articles in @folder: each that names its
 * article only, cites one the folder lacks, or quotes what the article
 * does not say, on stdout; then the counts */
static int
run_check_sources (const char            *folder,
                   const char            *filename,
                   const CsImportOptions *import)
{
  g_autoptr(CsGraph) graph = NULL;
  g_autoptr(CsSourceReport) report = NULL;
  g_autofree char *display_name = g_filename_display_name (filename);
  int status;

  if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *folder_name = g_filename_display_name (folder);

      fprintf (stderr, "consortia: %s: ", folder_name);
      /* TRANSLATORS: after the name of what consortia --check-sources was
       * given as the articles' folder */
      fputs (_("not a folder"), stderr);
      fputc ('\n', stderr);
      return EXIT_BAD_INPUT;
    }
  graph = load_graph (filename, import, NULL, &status);
  if (graph == NULL)
    return status;
  report = cs_source_check (graph, folder);
  for (guint i = 0; i < report->issues->len; i++)
    {
      const CsSourceIssue *issue = g_ptr_array_index (report->issues, i);
      g_autofree char *problem = NULL;

      switch (issue->kind)
        {
        case CS_SOURCE_NO_QUOTE:
        default:
          /* TRANSLATORS: consortia --check-sources: a citation names its
           * article (a file name) but quotes nothing of it */
          problem = g_strdup_printf (_("no quote from %s"), issue->file);
          break;
        case CS_SOURCE_NO_ARTICLE:
          problem = issue->quote != NULL
                        /* TRANSLATORS: consortia --check-sources: the
                         * article a citation names (a file name) is not in
                         * the folder given, then the citation's quote */
                        ? g_strdup_printf (_("no such article in the folder: %s: “%s”"),
                                           issue->file, issue->quote)
                        /* TRANSLATORS: consortia --check-sources: the
                         * article a citation names (a file name) is not in
                         * the folder given */
                        : g_strdup_printf (_("no such article in the folder: %s"), issue->file);
          break;
        case CS_SOURCE_QUOTE_MISSING:
          problem = issue->quote != NULL
                        /* TRANSLATORS: consortia --check-sources: the
                         * article (a file name) does not hold the quote
                         * that follows */
                        ? g_strdup_printf (_("the quote is not, word for word, in %s: “%s”"),
                                           issue->file, issue->quote)
                        /* TRANSLATORS: consortia --check-sources: the
                         * article (a file name) does not hold the quote */
                        : g_strdup_printf (_("the quote is not, word for word, in %s"),
                                           issue->file);
          break;
        }
      /* the file, what cites the article ("node kaist"), the problem */
      printf ("%s: %s: %s\n", display_name, issue->where, problem);
    }
  /* for scripts: in English */
  printf ("Citations: %u\nWith a quote: %u\nQuotes found word for word: %u\nProblems: %u\n",
          report->n_citations, report->n_quoted, report->n_verified, report->issues->len);
  return report->issues->len > 0 ? EXIT_BAD_INPUT : 0;
}

/* One organisation's roles, as the inspector shows them; the name is
 * matched as search does, the best hit wins. */
static int
run_inspect (const char            *name,
             const char            *filename,
             const CsImportOptions *import)
{
  g_autoptr(CsGraph) graph = NULL;
  g_autoptr(GArray) hits = NULL;
  g_autoptr(CsInspection) inspection = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree double *betweenness = NULL;
  g_autofree char *text = NULL;
  guint node, n_sources = 0;
  int status;

  graph = load_graph (filename, import, NULL, &status);
  if (graph == NULL)
    return status;

  hits = cs_search (graph, name, 0);
  if (hits->len == 0)
    {
      g_autoptr(GPtrArray) closest = cs_search_closest_names (graph, name, 3);
      g_autoptr(GString) names = g_string_new (NULL);

      for (guint i = 0; i < closest->len; i++)
        g_string_append_printf (names, "%s“%s”", i == 0 ? "" : ", ",
                                (const char *)g_ptr_array_index (closest, i));
      fputs ("consortia: ", stderr);
      if (closest->len > 0)
        /* TRANSLATORS: consortia --inspect NAME found nothing: the name
         * given, then the nearest names in the graph, each in quotes,
         * separated by commas */
        fprintf (stderr, _("no organisation named “%s”; closest: %s"), name, names->str);
      else
        /* TRANSLATORS: consortia --inspect NAME found nothing */
        fprintf (stderr, _("no organisation named “%s”"), name);
      fputc ('\n', stderr);
      return EXIT_BAD_INPUT;
    }

  node = g_array_index (hits, CsSearchHit, 0).node;
  betweenness = cs_metrics_betweenness (graph, NULL, &n_sources, &error);
  if (betweenness == NULL)
    g_debug ("%s", error->message);
  inspection = cs_inspection_new (graph, node, betweenness, n_sources);
  text = cs_inspection_to_text (inspection);
  fputs (text, stdout);
  if (hits->len > 1)
    {
      g_autoptr(GString) others = g_string_new (NULL);

      for (guint i = 1; i < MIN (hits->len, 6u); i++)
        {
          guint other = g_array_index (hits, CsSearchHit, i).node;

          g_string_append_printf (others, "%s%s", i > 1 ? ", " : "",
                                  cs_graph_get_node (graph, other)->label);
        }
      if (hits->len > 6)
        g_string_append (others, ", …");
      printf ("\n");
      /* TRANSLATORS: after consortia --inspect NAME's card: the name given,
       * then the other nodes it matches, separated by commas */
      printf (_("Other matches for “%s”: %s"), name, others->str);
      printf ("\n");
    }
  return 0;
}

/* What an export asks for, checked before any file is read */
typedef struct
{
  CsExportOptions    options;
  gboolean           json;    /* the graph with its positions, not a picture */
  LayoutChoice       layout;
  gboolean           has_view;
  CsBounds           view;
  CsLayers           layers;
  CsNodeSizing       sizing;
  CsLabelLanguage    language;
} ExportRequest;

/* X0,Y0,X1,Y1 with a point for decimals whatever the locale */
static gboolean
parse_world_box (const char *text,
                 CsBounds   *box)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);
  double v[4];

  if (g_strv_length (parts) != 4)
    return FALSE;
  for (guint i = 0; i < 4; i++)
    {
      const char *start = parts[i];
      char *end = NULL;

      while (g_ascii_isspace (*start))
        start++;
      if (*start == '\0')
        return FALSE;
      v[i] = g_ascii_strtod (start, &end);
      while (g_ascii_isspace (*end))
        end++;
      if (*end != '\0' || !isfinite (v[i]))
        return FALSE;
    }
  if (!(v[2] > v[0]) || !(v[3] > v[1]))
    return FALSE;
  *box = (CsBounds) { v[0], v[1], v[2], v[3] };
  return TRUE;
}

static gboolean
parse_export (const Args    *args,
              ExportRequest *request)
{
  static const char *const backgrounds[] = { "theme", "white", "transparent", NULL };
  static const char *const palettes[] = { "light", "dark", NULL };
  static const char *const scopes[] = { "all", "view", "selection", NULL };
  g_autofree char *output_name = g_filename_display_name (args->export_path);
  CsExportOptions *options = &request->options;
  g_autoptr(GError) error = NULL;
  gint64 value;
  guint choice;

  cs_export_options_init (options);
  request->layers = CS_LAYERS_DEFAULT;
  request->sizing = args->uniform_size ? CS_NODE_SIZE_UNIFORM : CS_NODE_SIZE_DEGREE;
  request->language = args->english ? CS_LABEL_LANGUAGE_ENGLISH : CS_LABEL_LANGUAGE_ORIGINAL;
  if (!parse_layout_choice (args, &request->layout))
    return FALSE;
  if (g_str_has_suffix (args->export_path, ".json") ||
      g_str_has_suffix (args->export_path, ".JSON"))
    {
      static const char *const drawing[] = {
        "--width", "--height", "--scale", "--dpi", "--background", "--palette", "--title",
        "--legend", "--no-legend", "--no-hulls", "--uniform-size", "--english", "--caption",
        "--scope", "--select", "--view", "--stage", "--stages", "--hide",
      };
      const gboolean given[] = {
        args->width != NULL, args->height != NULL, args->scale != NULL, args->dpi != NULL,
        args->background != NULL, args->palette != NULL, args->title != NULL, args->legend,
        args->no_legend, args->no_hulls, args->uniform_size, args->english, args->caption,
        args->scope != NULL, args->select != NULL, args->view != NULL, args->stage != NULL,
        args->stages, args->hide,
      };

      G_STATIC_ASSERT (G_N_ELEMENTS (drawing) == G_N_ELEMENTS (given));
      for (guint i = 0; i < G_N_ELEMENTS (drawing); i++)
        if (given[i])
          {
            /* TRANSLATORS: an option that only a picture takes ("--width") */
            usage_error (_("%s: a .json export writes the graph and its positions, not a picture"),
                         drawing[i]);
            return FALSE;
          }
      request->json = TRUE;
      return TRUE;
    }
  if (!cs_export_format_from_filename (args->export_path, &options->format))
    {
      /* TRANSLATORS: the file name given to --export */
      usage_error (_("--export: %s: unknown format: use a name ending in .png, .svg, .pdf or "
                     ".json"),
                   output_name);
      return FALSE;
    }
  if (args->width != NULL)
    {
      if (!parse_integer ("--width", args->width, CS_EXPORT_MIN_SIDE, CS_EXPORT_MAX_SIDE, &value))
        return FALSE;
      options->width = value;
    }
  if (args->height != NULL)
    {
      if (!parse_integer ("--height", args->height, CS_EXPORT_MIN_SIDE, CS_EXPORT_MAX_SIDE,
                          &value))
        return FALSE;
      options->height = value;
    }
  if (args->scale != NULL && !parse_number ("--scale", args->scale, 0, 64, &options->scale))
    return FALSE;
  if (args->dpi != NULL)
    {
      if (!parse_number ("--dpi", args->dpi, 0, 100000, &options->dpi))
        return FALSE;
      /* a resolution without a scale means the same size in inches as on screen */
      if (args->scale == NULL)
        options->scale = options->dpi / CS_EXPORT_SCREEN_DPI;
      if (options->format != CS_EXPORT_FORMAT_PNG)
        options->dpi = 0;
    }
  if (args->background != NULL)
    {
      if (!parse_choice ("--background", args->background, backgrounds, &choice))
        return FALSE;
      options->background = choice;
    }
  if (args->palette != NULL)
    {
      if (!parse_choice ("--palette", args->palette, palettes, &choice))
        return FALSE;
      options->dark = choice == 1;
    }
  if (args->legend && args->no_legend)
    {
      usage_error (_("--legend and --no-legend contradict each other"));
      return FALSE;
    }
  options->legend = !args->no_legend;
  if (args->no_hulls)
    request->layers &= ~CS_LAYER_HULLS;
  options->caption = args->caption;
  if (args->title != NULL)
    {
      options->title = TRUE;
      options->title_text = args->title[0] != '\0' ? args->title : NULL;
    }
  if (args->scope != NULL)
    {
      if (!parse_choice ("--scope", args->scope, scopes, &choice))
        return FALSE;
      options->scope = choice;
    }
  if (options->scope == CS_EXPORT_SCOPE_SELECTION && args->select == NULL)
    {
      /* TRANSLATORS: "--scope selection" and "--select ID" are to be typed
       * as they are; ID is a node's id */
      usage_error (_("--scope selection needs --select ID (once per node)"));
      return FALSE;
    }
  if (args->view != NULL)
    {
      if (!parse_world_box (args->view, &request->view))
        {
          /* TRANSLATORS: the value given to --view; a world box is a
           * rectangle in the graph's own coordinates */
          usage_error (_("--view: “%s” is not a world box X0,Y0,X1,Y1 with X1 > X0 and Y1 > Y0"),
                       args->view);
          return FALSE;
        }
      request->has_view = TRUE;
    }
  if (args->view != NULL && options->scope != CS_EXPORT_SCOPE_VIEW)
    {
      usage_error (_("--view goes with --scope view"));
      return FALSE;
    }
  if (args->select != NULL && options->scope != CS_EXPORT_SCOPE_SELECTION)
    {
      usage_error (_("--select goes with --scope selection"));
      return FALSE;
    }
  if (options->scope == CS_EXPORT_SCOPE_VIEW && !request->has_view)
    {
      /* TRANSLATORS: a world box is a rectangle in the graph's own
       * coordinates */
      usage_error (_("--scope view needs --view X0,Y0,X1,Y1 (a world box)"));
      return FALSE;
    }
  if (args->stage != NULL && args->stages)
    {
      usage_error (_("--stage NAME draws one stage, --stages a panel for each: give one"));
      return FALSE;
    }
  if (args->stages && options->scope != CS_EXPORT_SCOPE_ALL)
    {
      usage_error (_("--stages draws the whole graph in each panel: it does not go with --scope"));
      return FALSE;
    }
  if (!cs_export_options_check (options, &error))
    {
      usage_error ("--export: %s", error->message);
      return FALSE;
    }
  return TRUE;
}

/* --color-by and the like: "types" for the node types, else an attribute
 * that can drive the channel. Returns FALSE, having said why, when the
 * file has no such attribute. */
static gboolean
apply_style_options (CsViewState *view,
                     const Args  *args,
                     const char  *filename)
{
  static const char *const options[] = { "--color-by", "--size-by", "--shape-by", "--group-by" };
  /* TRANSLATORS: what an attribute must hold to drive the colour, the
   * size, the shape or the outlines, in "…or an attribute holding %s" */
  static const char *const wants[] = { N_("a few values, numbers or colours"), N_("numbers"),
                                       N_("a few values (at most 24)"),
                                       N_("a few values (at most 24)") };
  CsGraph *graph = cs_view_state_get_graph (view);
  const CsAttributeSummary *summary = cs_attribute_summary_get (graph);
  g_autofree char *display_name = g_filename_display_name (filename);

  for (guint c = 0; c < CS_N_STYLE_CHANNELS; c++)
    {
      const char *key = args->style_by[c];
      const CsAttributeInfo *info;

      if (key == NULL)
        continue;
      if (g_str_equal (key, "types"))
        {
          cs_view_state_set_style_key (view, c, "");
          continue;
        }
      info = cs_attribute_summary_lookup (summary, key);
      if (info == NULL || !cs_attribute_info_can_drive (info, c))
        {
          g_autoptr(GString) keys = g_string_new (NULL);

          for (guint k = 0; k < cs_attribute_summary_get_n_keys (summary); k++)
            {
              const CsAttributeInfo *other = cs_attribute_summary_get_info (summary, k);

              if (cs_attribute_info_can_drive (other, c))
                g_string_append_printf (keys, "%s%s", keys->len > 0 ? ", " : "", other->key);
            }
          /* TRANSLATORS: what the file's attributes that can drive it are
           * when it has none */
          const char *none = _("this file has none");

          fprintf (stderr, "consortia: %s: %s: ", display_name, options[c]);
          if (info == NULL)
            /* TRANSLATORS: --color-by KEY and the like with an attribute no
             * node has: KEY, what the option takes, then the attributes
             * that can do, separated by commas. "types" is a word to type
             * as it is */
            fprintf (stderr, _("no node has an attribute “%s”; it takes types (the node types) "
                               "or an attribute holding %s: %s"),
                     key, _(wants[c]), keys->len > 0 ? keys->str : none);
          else
            /* TRANSLATORS: --color-by KEY and the like with an attribute
             * that cannot drive it: KEY, what the option takes, then the
             * attributes that can, separated by commas. "types" is a word
             * to type as it is */
            fprintf (stderr, _("no node can be styled by “%s”; it takes types (the node types) "
                               "or an attribute holding %s: %s"),
                     key, _(wants[c]), keys->len > 0 ? keys->str : none);
          fputc ('\n', stderr);
          return FALSE;
        }
      cs_view_state_set_style_key (view, c, key);
    }
  return TRUE;
}

/* what a .json export writes as its view: the file's own, with what drives
 * the look as the picture would show it (a choice made for a graph of
 * another format is written out, as Save As does) */
static CsSavedView *
json_view (CsGraph     *graph,
           CsViewState *view)
{
  g_autoptr(CsSavedView) saved = cs_saved_view_copy (cs_graph_get_saved_view (graph));

  for (guint c = 0; c < CS_N_STYLE_CHANNELS; c++)
    {
      const char *shown = cs_view_state_get_style_attribute (view, c);

      if (cs_view_state_get_style_key (view, c) == NULL && shown[0] == '\0')
        continue;
      if (saved == NULL)
        saved = cs_saved_view_new ();
      g_free (saved->style[c]);
      saved->style[c] = g_strdup (shown);
    }
  return g_steal_pointer (&saved);
}

/* An attribute's groups are gathered by the consortia layout, the layout
 * of a graph with groups unless --layout says another */
static void
group_layout (CsLayoutParams *params,
              CsViewState    *view,
              const Args     *args)
{
  CsGraph *graph = cs_view_state_get_graph (view);
  const char *key = cs_view_state_get_style_attribute (view, CS_STYLE_GROUP);
  g_autofree guint *groups = NULL;

  if (key[0] == '\0')
    return;
  groups = cs_attribute_groups (graph, key);
  cs_layout_params_set_groups (params, cs_graph_get_n_nodes (graph), groups);
  if (args->layout == NULL)
    cs_layout_params_set_algorithm (params, CS_LAYOUT_CONSORTIA);
}

/* "applied, selected": the stage words, as --stage takes them */
static char *
stage_names (CsGraph *graph)
{
  const CsStages *stages = cs_stages_get (graph);
  GString *names = g_string_new (NULL);

  for (guint s = 0; s < cs_stages_get_n_stages (stages); s++)
    g_string_append_printf (names, "%s%s", s == 0 ? "" : ", ",
                            cs_stages_get_stage (stages, s)->name);
  return g_string_free (names, FALSE);
}

static int
run_export (const char            *filename,
            const CsImportOptions *import,
            const char            *output,
            const Args            *args,
            const ExportRequest   *request)
{
  g_autoptr(CsGraph) graph = NULL;
  g_autoptr(CsLayoutParams) params = NULL;
  g_autoptr(CsPositions) positions = NULL;
  g_autoptr(CsViewState) view = cs_view_state_new ();
  g_autoptr(CsScene) scene = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *output_name = g_filename_display_name (output);
  g_autofree gboolean *pinned = NULL;
  int status;

  graph = load_graph (filename, import, NULL, &status);
  if (graph == NULL)
    return status;

  params = layout_params_for (graph, &request->layout);
  /* the view state the picture shows, as the window would have it: as the
   * file was saved, then what the options add */
  cs_view_state_set_graph (view, graph);
  cs_view_state_restore (view, cs_graph_get_saved_view (graph));
  if (!apply_style_options (view, args, filename))
    return EXIT_BAD_INPUT;
  group_layout (params, view, args);
  if (request->json)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (output);
      CsSaveContent content = { graph };
      g_autoptr(CsSavedView) saved = json_view (graph, view);

      pinned = graph_pins (graph);
      positions = cs_layout_run (graph, params, NULL, &error);
      if (positions == NULL)
        {
          fprintf (stderr, "consortia: %s\n", error->message);
          return EXIT_BAD_INPUT;
        }
      /* what the window's Save writes, with the file's own view */
      content.positions = positions;
      content.pinned = pinned;
      content.layout_algorithm =
          cs_layout_algorithm_to_string (cs_layout_params_get_algorithm (params));
      content.layout_seed = cs_layout_params_get_seed (params);
      content.view = saved;
      if (!cs_save_graph (file, &content, CS_SAVE_NONE, NULL, NULL, NULL, NULL, NULL, &error))
        {
          fprintf (stderr, "consortia: %s: %s\n", output_name, error->message);
          return EXIT_BAD_INPUT;
        }
      return 0;
    }

  cs_view_state_set_layers (view, cs_view_state_get_layers (view) & request->layers);
  if (args->uniform_size)
    cs_view_state_set_sizing (view, request->sizing);
  if (args->english)
    cs_view_state_set_label_language (view, request->language);
  for (guint i = 0; args->select != NULL && args->select[i] != NULL; i++)
    {
      guint node;

      if (!cs_graph_lookup (graph, args->select[i], &node))
        {
          fputs ("consortia: --select: ", stderr);
          /* TRANSLATORS: the node id given to --select, then the graph
           * file */
          fprintf (stderr, _("no node with id “%s” in %s"), args->select[i], filename);
          fputc ('\n', stderr);
          return EXIT_BAD_INPUT;
        }
      cs_view_state_select_node (view, node, CS_SELECTION_EXTEND);
    }
  if (request->has_view)
    {
      CsViewport *viewport = cs_view_state_get_viewport (view);

      cs_viewport_set_size (viewport, request->options.width, request->options.height);
      cs_viewport_show_area (viewport, &request->view,
                            &(CsBounds) { 0, 0, request->options.width, request->options.height });
    }

  if (args->stage != NULL || args->hide)
    {
      g_autoptr(CsFilter) filter = cs_filter_copy (cs_view_state_get_filter (view));

      if (args->stage != NULL && cs_stages_lookup (cs_stages_get (graph), args->stage) < 0)
        {
          g_autofree char *names = stage_names (graph);

          fprintf (stderr, "consortia: %s: --stage: ", filename);
          if (names[0] != '\0')
            /* TRANSLATORS: the stage word given to --stage, then the
             * graph's stage words, separated by commas */
            fprintf (stderr, _("no stage “%s” in this graph; its stages: %s"), args->stage,
                     names);
          else
            /* TRANSLATORS: the stage word given to --stage */
            fprintf (stderr, _("no stage “%s” in this graph; it has no stages"), args->stage);
          fputc ('\n', stderr);
          return EXIT_BAD_INPUT;
        }
      if (args->stage != NULL)
        cs_filter_set_stage (filter, args->stage);
      if (args->hide)
        filter->hide = TRUE;
      cs_view_state_set_filter (view, filter);
    }

  positions = cs_layout_run (graph, params, NULL, &error);
  if (positions == NULL)
    {
      fprintf (stderr, "consortia: %s\n", error->message);
      return EXIT_BAD_INPUT;
    }
  pinned = graph_pins (graph);

  if (args->stages)
    {
      g_autoptr(CsStagePanels) panels =
          cs_stage_panels_new (graph, positions, pinned, view, &request->options);

      if (panels == NULL)
        {
          fprintf (stderr, "consortia: %s: --stages: ", filename);
          /* TRANSLATORS: data/README.md is a file and Stages its section:
           * leave them as they are */
          fputs (_("the graph has no stages (no event names one; see data/README.md, Stages)"),
                 stderr);
          fputc ('\n', stderr);
          return EXIT_BAD_INPUT;
        }
      if (!cs_export_panels_to_file (panels, &request->options, output, &error))
        {
          fprintf (stderr, "consortia: %s: %s\n", output_name, error->message);
          return EXIT_BAD_INPUT;
        }
      return 0;
    }

  scene = cs_export_build_scene (graph, positions, pinned, view, &request->options);
  if (!cs_export_scene_to_file (scene, &request->options, output, &error))
    {
      fprintf (stderr, "consortia: %s: %s\n", output_name, error->message);
      return EXIT_BAD_INPUT;
    }
  return 0;
}

static void
print_version (const char *toolkit)
{
  printf ("consortia %s\n", PACKAGE_VERSION);
  if (toolkit != NULL)
    fputs (toolkit, stdout);
  printf ("GLib %u.%u.%u\n", glib_major_version, glib_minor_version, glib_micro_version);
  printf ("%s\n", cs_layout_get_library_version ());
  printf ("%s\n", cs_import_get_library_version ());
  printf ("cairo %s\n", cairo_version_string ());
  printf ("Pango %s\n", pango_version_string ());
}

static GOptionContext *
create_context (Args *args)
{
  const GOptionEntry commands[] = {
    { "export", 0, 0, G_OPTION_ARG_FILENAME, &args->export_path,
      N_("Draw the graph into OUT (.png, .svg or .pdf), or write it with its laid-out "
         "positions (.json), and exit"), N_("OUT") },
    { "info", 0, 0, G_OPTION_ARG_NONE, &args->info,
      N_("Print the counts by type and relation and every problem, then exit"), NULL },
    { "quality", 0, 0, G_OPTION_ARG_NONE, &args->quality,
      N_("With --info: lay the graph out and measure node and label overlaps, edge crossings "
         "and members nearest their own consortium"), NULL },
    { "inspect", 0, 0, G_OPTION_ARG_STRING, &args->inspect_name,
      N_("Print one organisation's roles, partners and sources, then exit"), N_("NAME") },
    { "list-layouts", 0, 0, G_OPTION_ARG_NONE, &args->list_layouts,
      N_("List the layout algorithms and exit"), NULL },
    { "check-sources", 0, 0, G_OPTION_ARG_FILENAME, &args->check_sources,
      N_("Check that every citation quotes its article in DIR word for word; print each that "
         "does not, then exit (1 when any)"), N_("DIR") },
    { "version", 0, 0, G_OPTION_ARG_NONE, &args->version,
      N_("Print the version of Consortia and of the libraries in use"), NULL },
    { "help", 'h', 0, G_OPTION_ARG_NONE, &args->help, N_("Print this help"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &args->rest, NULL, N_("[FILE]") },
    { NULL }
  };
  const GOptionEntry export_entries[] = {
    { "layout", 0, 0, G_OPTION_ARG_STRING, &args->layout,
      N_("Layout algorithm (see --list-layouts); default: the file's, else consortia for a graph "
         "with consortia, else fruchterman_reingold"), N_("NAME") },
    { "seed", 0, 0, G_OPTION_ARG_STRING, &args->seed,
      N_("Random seed of the layout, 0 to 4294967295; default: the file's, else 1"), N_("N") },
    { "width", 0, 0, G_OPTION_ARG_STRING, &args->width,
      N_("Width in pixels (points for PDF), 16 to 32767 (default 1600)"), N_("W") },
    { "height", 0, 0, G_OPTION_ARG_STRING, &args->height,
      N_("Height in pixels (points for PDF), 16 to 32767 (default 1200)"), N_("H") },
    { "scale", 0, 0, G_OPTION_ARG_STRING, &args->scale,
      N_("PNG pixels per unit, above 0 and up to 64 (default 1)"), N_("S") },
    { "dpi", 0, 0, G_OPTION_ARG_STRING, &args->dpi,
      N_("Record this resolution in a PNG and scale to it (300 for print)"), N_("DPI") },
    { "background", 0, 0, G_OPTION_ARG_STRING, &args->background,
      N_("theme (default), white or transparent"), N_("BG") },
    { "palette", 0, 0, G_OPTION_ARG_STRING, &args->palette, N_("light (default) or dark"),
      N_("PALETTE") },
    { "title", 0, 0, G_OPTION_ARG_STRING, &args->title,
      N_("Draw a title; \"\" for the graph's own"), N_("TEXT") },
    { "legend", 0, 0, G_OPTION_ARG_NONE, &args->legend, N_("Draw the legend (the default)"),
      NULL },
    { "no-legend", 0, 0, G_OPTION_ARG_NONE, &args->no_legend, N_("Leave out the legend"), NULL },
    { "no-hulls", 0, 0, G_OPTION_ARG_NONE, &args->no_hulls,
      N_("Leave out the outlines around consortia"), NULL },
    { "uniform-size", 0, 0, G_OPTION_ARG_NONE, &args->uniform_size,
      N_("Give every node its type's size, whatever its links"), NULL },
    { "english", 0, 0, G_OPTION_ARG_NONE, &args->english,
      N_("Label nodes with their English names where the data has them"), NULL },
    { "caption", 0, 0, G_OPTION_ARG_NONE, &args->caption,
      N_("Add a caption naming the source articles"), NULL },
    { "scope", 0, 0, G_OPTION_ARG_STRING, &args->scope,
      N_("all (default), view (needs --view) or selection (needs --select)"), N_("SCOPE") },
    { "select", 0, 0, G_OPTION_ARG_STRING_ARRAY, &args->select,
      N_("Select the node with this id (repeat for more)"), N_("ID") },
    { "view", 0, 0, G_OPTION_ARG_STRING, &args->view,
      N_("The world box --scope view shows"), N_("X0,Y0,X1,Y1") },
    { "stage", 0, 0, G_OPTION_ARG_STRING, &args->stage,
      N_("Show the graph at this stage of its events (applied, passed_document_review, "
         "selected, …; see --info): the teams in the running drawn fully, those cut there "
         "ringed"),
      N_("NAME") },
    { "stages", 0, 0, G_OPTION_ARG_NONE, &args->stages,
      N_("Small multiples: a panel per stage, at the same positions and scale, each titled with "
         "its stage, date and counts"), NULL },
    { "hide", 0, 0, G_OPTION_ARG_NONE, &args->hide,
      N_("Leave out what the stage or the file's filter leaves out, instead of fading it"),
      NULL },
    { "color-by", 0, 0, G_OPTION_ARG_STRING, &args->style_by[CS_STYLE_COLOR],
      N_("Colour nodes by this attribute (a few values, numbers or colours; types: the node "
         "types)"), N_("KEY") },
    { "size-by", 0, 0, G_OPTION_ARG_STRING, &args->style_by[CS_STYLE_SIZE],
      N_("Size nodes by this attribute's numbers (types: by links)"), N_("KEY") },
    { "shape-by", 0, 0, G_OPTION_ARG_STRING, &args->style_by[CS_STYLE_SHAPE],
      N_("Shape nodes by this attribute's values (types: the node types)"), N_("KEY") },
    { "group-by", 0, 0, G_OPTION_ARG_STRING, &args->style_by[CS_STYLE_GROUP],
      N_("Outline the nodes of each of this attribute's values (types: the consortia)"),
      N_("KEY") },
    { NULL }
  };
  const GOptionEntry import_entries[] = {
    { "graph", 0, 0, G_OPTION_ARG_STRING, &args->graph,
      N_("Which graph of a file holding several to read, from 1 (default 1)"), N_("N") },
    { "nodes", 0, 0, G_OPTION_ARG_FILENAME, &args->nodes,
      N_("A node table (CSV) for a CSV edge list: its id column joins the edges' ends"),
      N_("NODES.csv") },
    { NULL }
  };
  GOptionContext *context = g_option_context_new (NULL);
  GOptionGroup *group;

  g_option_context_set_summary (
      context,
      /* TRANSLATORS: the top of consortia --help. The words in capitals
       * (FILE, OUT, NAME, N, NODES.csv, OPTION) are the placeholders of
       * the options below: keep them as those are kept or translated;
       * the commands and options are typed as they are, and the second
       * column starts at the same place on each line */
      _("Explore who works with whom: partnership graphs of organisations, consortia and models.\n"
        "\n"
        "  consortia [FILE]                       open FILE in the window\n"
        "  consortia --export OUT [OPTION…] [FILE]  draw FILE into OUT.png, OUT.svg or OUT.pdf\n"
        "  consortia --export OUT --stages [FILE]  a panel per stage of the contest\n"
        "  consortia --export OUT.json [--layout NAME] [--seed N] [FILE]\n"
        "                                         FILE with laid-out positions, to open as is\n"
        "  consortia --info [FILE]                counts, vocabulary and every problem in FILE\n"
        "  consortia --info --quality [--layout NAME] [--seed N] [FILE]\n"
        "                                         and how clear the layout is\n"
        "  consortia --inspect NAME [FILE]        one organisation's roles, partners, sources\n"
        "  consortia --list-layouts               the layout algorithms\n"
        "\n"
        "FILE is a Consortia graph (JSON), a Graphviz DOT file or a CSV edge list; --graph N\n"
        "picks the Nth graph of a file holding several, --nodes NODES.csv a CSV edge list's\n"
        "node table.\n"
        "Without FILE, the bundled graph of Korea's 2025 sovereign AI programme is used.\n"
        "The headless commands need no display."));
  g_option_context_set_description (
      context,
      /* TRANSLATORS: the end of consortia --help. "consortia:
       * FILE:LINE:COLUMN: PATH: problem" is how a problem is printed: the
       * words in capitals are placeholders, as in the options' help */
      _("Exit status: 0 on success, 1 when a file cannot be read or has errors (each reported as\n"
        "consortia: FILE:LINE:COLUMN: PATH: problem), 2 on a mistake in the command line.\n"
        "\n"
        "Example:\n"
        "  consortia --export skt.svg --scope selection --select team-skt --caption"));
  g_option_context_set_help_enabled (context, FALSE);
  /* the summary and description, and each group's entries, are translated
   * as the help is written; a group's heading is printed as given when the
   * whole help is, so it is translated here */
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  /* TRANSLATORS: the heading of consortia --help's commands; "Show the
   * commands" describes --help-commands */
  group = g_option_group_new ("commands", _("Commands:"), _("Show the commands"), NULL, NULL);
  g_option_group_set_translation_domain (group, GETTEXT_PACKAGE);
  g_option_group_add_entries (group, commands);
  g_option_context_set_main_group (context, group);
  /* TRANSLATORS: the heading of consortia --help's export options; "Show
   * the export options" describes --help-export */
  group = g_option_group_new ("export", _("Export options:"), _("Show the export options"), NULL,
                              NULL);
  g_option_group_set_translation_domain (group, GETTEXT_PACKAGE);
  g_option_group_add_entries (group, export_entries);
  g_option_context_add_group (context, group);
  /* TRANSLATORS: the heading of consortia --help's import options; "Show
   * the import options" describes --help-import */
  group = g_option_group_new ("import", _("Import options (with --export, --info, --inspect):"),
                              _("Show the import options"), NULL, NULL);
  g_option_group_set_translation_domain (group, GETTEXT_PACKAGE);
  g_option_group_add_entries (group, import_entries);
  g_option_context_add_group (context, group);
  return context;
}

/**
 * cs_cli_main:
 * @argc: the argument count
 * @argv: the arguments
 * @toolkit_versions: (nullable): lines naming the GUI libraries in use, for
 *   `--version`
 * @window_file: (out) (transfer full) (nullable): for the window, the file
 *   to open, or %NULL for the bundled graph
 *
 * Reads the whole command line and runs a headless command (`--export`,
 * `--info`, `--inspect`, `--list-layouts`, `--help`, `--version`) without
 * opening a display.
 *
 * Returns: the exit status (0 on success, 1 on bad input, 2 on a bad command
 *   line), or -1 when the window should open
 */
int
cs_cli_main (int          argc,
             char       **argv,
             const char  *toolkit_versions,
             char       **window_file)
{
  g_auto(Args) args = { 0 };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) copy = NULL;
  g_autofree char *bundled = NULL;
  ExportRequest request = { 0 };
  CsImportOptions import = { 0 };
  const char *file;
  guint n_commands;
  int n_args;

  g_return_val_if_fail (argv != NULL, EXIT_USAGE);
  g_return_val_if_fail (window_file != NULL, EXIT_USAGE);

  *window_file = NULL;
  setlocale (LC_ALL, "");

  context = create_context (&args);
  copy = g_strdupv (argv);
  n_args = argc;
  {
    /* g_option_context_parse takes elements out of the array it is given */
    g_autofree char **view = g_memdup2 (copy, (argc + 1) * sizeof (char *));

    if (!g_option_context_parse (context, &n_args, &view, &error))
      {
        usage_error ("%s", error->message);
        return EXIT_USAGE;
      }
  }

  if (args.help)
    {
      g_autofree char *help = g_option_context_get_help (context, FALSE, NULL);

      fputs (help, stdout);
      return 0;
    }
  if (args.version)
    {
      print_version (toolkit_versions);
      return 0;
    }

  n_commands = (args.export_path != NULL) + args.info + (args.inspect_name != NULL) +
               args.list_layouts + (args.check_sources != NULL);
  if (n_commands > 1)
    {
      usage_error (_("give one command at a time: --export, --info, --inspect, --check-sources "
                     "or --list-layouts"));
      return EXIT_USAGE;
    }
  if (args.rest != NULL && g_strv_length (args.rest) > 1)
    {
      /* TRANSLATORS: how many files were given; FILE as in consortia
       * --help */
      usage_error (_("give at most one graph FILE, not %u"), g_strv_length (args.rest));
      return EXIT_USAGE;
    }
  if (args.quality && !args.info)
    {
      usage_error (_("--quality goes with --info"));
      return EXIT_USAGE;
    }
  if (args.export_path == NULL && !args.quality && (args.layout || args.seed))
    {
      usage_error (_("--layout and --seed go with --export OUT or --info --quality"));
      return EXIT_USAGE;
    }
  if (args.export_path == NULL &&
      (args.width || args.height || args.scale || args.dpi ||
       args.background || args.palette || args.title || args.legend || args.no_legend ||
       args.no_hulls || args.uniform_size || args.english || args.caption || args.scope ||
       args.select || args.view || args.stage || args.stages || args.hide ||
       args.style_by[CS_STYLE_COLOR] || args.style_by[CS_STYLE_SIZE] ||
       args.style_by[CS_STYLE_SHAPE] || args.style_by[CS_STYLE_GROUP]))
    {
      usage_error (_("the export options go with --export OUT"));
      return EXIT_USAGE;
    }

  if ((args.graph != NULL || args.nodes != NULL) &&
      (n_commands == 0 || args.list_layouts))
    {
      usage_error (_("--graph and --nodes go with --export, --info, --inspect or --check-sources"));
      return EXIT_USAGE;
    }

  if (n_commands == 0)
    {
      *window_file = args.rest != NULL ? g_strdup (args.rest[0]) : NULL;
      return -1;
    }
  if (args.list_layouts)
    return args.rest != NULL ? (usage_error (_("--list-layouts takes no FILE")), EXIT_USAGE)
                             : run_list_layouts ();
  if (args.export_path != NULL && !parse_export (&args, &request))
    return EXIT_USAGE;
  if (!parse_import (&args, &import))
    return EXIT_USAGE;

  if (args.rest != NULL)
    file = args.rest[0];
  else
    file = bundled = cs_document_find_bundled_graph ();
  import.base_path = file;

  if (args.info)
    {
      LayoutChoice choice = { 0 };

      if (!parse_layout_choice (&args, &choice))
        return EXIT_USAGE;
      return run_info (file, &import, args.quality, &choice);
    }
  if (args.inspect_name != NULL)
    return run_inspect (args.inspect_name, file, &import);
  if (args.check_sources != NULL)
    return run_check_sources (args.check_sources, file, &import);
  return run_export (file, &import, args.export_path, &args, &request);
}
