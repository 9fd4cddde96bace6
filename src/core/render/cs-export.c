/* cs-export.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-export.h"
#include "cs-render-private.h"
#include "cs-render-style.h"
#include "cs-renderer.h"
#include "cs-stage-panels.h"
#include "cs-viewport.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>
#include <zlib.h>

G_DEFINE_QUARK (cs-export-error-quark, cs_export_error)

#define PNG_SIGNATURE_LENGTH 8
#define PNG_IHDR_END         (PNG_SIGNATURE_LENGTH + 4 + 4 + 13 + 4)

static void
put_be32 (guint8  *p,
          guint32  value)
{
  p[0] = value >> 24;
  p[1] = value >> 16;
  p[2] = value >> 8;
  p[3] = value;
}

/**
 * cs_export_png_set_dpi:
 * @png: a PNG file's bytes, as cairo writes it (IHDR first, no pHYs)
 * @dpi: the resolution to record
 * @error: a %CS_EXPORT_ERROR
 *
 * Cairo 1.16 records no resolution: this adds the pHYs chunk after IHDR,
 * so print layouts place the image at its size (300 dpi: 300 px per inch).
 *
 * Returns: (transfer full) (nullable): the PNG with its resolution
 */
GBytes *
cs_export_png_set_dpi (GBytes  *png,
                       double   dpi,
                       GError **error)
{
  gsize length;
  const guint8 *data = g_bytes_get_data (png, &length);
  guint8 chunk[4 + 4 + 9 + 4];
  guint32 ppm;
  GByteArray *out;

  g_return_val_if_fail (png != NULL, NULL);

  if (!isfinite (dpi) || dpi <= 0 || dpi > 100000)
    {
      /* TRANSLATORS: a PNG's resolution, in dots per inch */
      g_set_error (error, CS_EXPORT_ERROR, CS_EXPORT_ERROR_FAILED, _("Invalid resolution %g dpi"),
                   dpi);
      return NULL;
    }
  if (length < PNG_IHDR_END || memcmp (data, "\x89PNG\r\n\x1a\n", 8) != 0 ||
      memcmp (data + 12, "IHDR", 4) != 0)
    {
      g_set_error_literal (error, CS_EXPORT_ERROR, CS_EXPORT_ERROR_FAILED, _("Not a PNG image"));
      return NULL;
    }

  ppm = (guint32)round (dpi / 0.0254);
  put_be32 (chunk, 9);
  memcpy (chunk + 4, "pHYs", 4);
  put_be32 (chunk + 8, ppm);
  put_be32 (chunk + 12, ppm);
  chunk[16] = 1; /* the unit is the metre */
  put_be32 (chunk + 17, crc32 (crc32 (0, NULL, 0), chunk + 4, 4 + 9));

  out = g_byte_array_sized_new (length + sizeof chunk);
  g_byte_array_append (out, data, PNG_IHDR_END);
  g_byte_array_append (out, chunk, sizeof chunk);
  g_byte_array_append (out, data + PNG_IHDR_END, length - PNG_IHDR_END);
  return g_byte_array_free_to_bytes (out);
}

/**
 * cs_export_options_init:
 * @options: (out caller-allocates): options to fill
 *
 * A 1600 × 1200 PNG at scale 1 of the whole graph on the theme's
 * background, with the legend.
 */
void
cs_export_options_init (CsExportOptions *options)
{
  g_return_if_fail (options != NULL);

  *options = (CsExportOptions) {
    .format = CS_EXPORT_FORMAT_PNG,
    .width = 1600,
    .height = 1200,
    .scale = 1.0,
    .background = CS_EXPORT_BACKGROUND_THEME,
    .legend = TRUE,
  };
}

/**
 * cs_export_format_from_filename:
 * @filename: a file name ending in .png, .svg or .pdf (any case)
 * @format: (out): the format
 *
 * Returns: %TRUE when the extension names a format
 */
gboolean
cs_export_format_from_filename (const char     *filename,
                                CsExportFormat *format)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (filename != NULL, FALSE);
  g_return_val_if_fail (format != NULL, FALSE);

  lower = g_ascii_strdown (filename, -1);
  if (g_str_has_suffix (lower, ".png"))
    *format = CS_EXPORT_FORMAT_PNG;
  else if (g_str_has_suffix (lower, ".svg"))
    *format = CS_EXPORT_FORMAT_SVG;
  else if (g_str_has_suffix (lower, ".pdf"))
    *format = CS_EXPORT_FORMAT_PDF;
  else
    return FALSE;
  return TRUE;
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
check_size (const CsExportOptions  *options,
            double                 *device_width,
            double                 *device_height,
            GError                **error)
{
  double scale = options->format == CS_EXPORT_FORMAT_PNG ? options->scale : 1.0;
  double w = options->width * scale;
  double h = options->height * scale;

  if (!isfinite (scale) || scale <= 0)
    {
      /* TRANSLATORS: the PNG pixels per unit of an export */
      g_set_error (error, CS_EXPORT_ERROR, CS_EXPORT_ERROR_FAILED, _("Invalid scale %g"),
                   options->scale);
      return FALSE;
    }
  if (options->width < CS_EXPORT_MIN_SIDE || options->height < CS_EXPORT_MIN_SIDE)
    {
      g_set_error (error, CS_EXPORT_ERROR, CS_EXPORT_ERROR_TOO_LARGE,
                   /* TRANSLATORS: an export's width × height, in pixels
                    * (points for PDF), then the least each side may be */
                   _("%d × %d is too small: each side needs at least %d"), options->width,
                   options->height, CS_EXPORT_MIN_SIDE);
      return FALSE;
    }
  if (w > CS_EXPORT_MAX_SIDE || h > CS_EXPORT_MAX_SIDE)
    {
      g_set_error (error, CS_EXPORT_ERROR, CS_EXPORT_ERROR_TOO_LARGE,
                   /* TRANSLATORS: an export's width × height in device
                    * pixels, then the most each side may be; cairo is the
                    * drawing library */
                   _("%.0f × %.0f is too large: cairo allows at most %d on each side"),
                   w, h, CS_EXPORT_MAX_SIDE);
      return FALSE;
    }
  if (options->format == CS_EXPORT_FORMAT_PNG && w * h > CS_EXPORT_MAX_PIXELS)
    {
      g_set_error (error, CS_EXPORT_ERROR, CS_EXPORT_ERROR_TOO_LARGE,
                   /* TRANSLATORS: a PNG's width × height in pixels, then the
                    * most pixels it may have, in millions */
                   _("%.0f × %.0f is too large: a PNG may have at most %.0f million pixels"),
                   w, h, CS_EXPORT_MAX_PIXELS / 1e6);
      return FALSE;
    }
  *device_width = ceil (w);
  *device_height = ceil (h);
  return TRUE;
}

/**
 * cs_export_options_check:
 * @options: what to export
 * @error: return location for a #GError
 *
 * Whether cairo can draw a picture of this size and scale, so that a dialog
 * or a command line can refuse it before any drawing starts.
 *
 * Returns: %TRUE if the size is drawable
 */
gboolean
cs_export_options_check (const CsExportOptions  *options,
                         GError                **error)
{
  double w, h;

  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return check_size (options, &w, &h, error);
}

/**
 * cs_export_build_scene:
 * @graph: the graph
 * @positions: its positions
 * @pinned: (nullable) (array): per node, drawn as a pin
 * @view: (nullable): what the window shows: filter, selection, sizing,
 *   labels, outlines and, for %CS_EXPORT_SCOPE_VIEW, the pan and zoom;
 *   %NULL for the defaults
 * @options: the file's size, palette and what to add
 *
 * The scene of an export, built by cs_scene_new() like the canvas's, then
 * framed for the file: the whole graph, the view's visible part, or the
 * selection with its neighbours. Call it on the thread that owns @view;
 * the scene can then be drawn in any thread.
 *
 * Returns: (transfer full): the scene
 */
CsScene *
cs_export_build_scene (CsGraph               *graph,
                       CsPositions           *positions,
                       const gboolean        *pinned,
                       CsViewState           *view,
                       const CsExportOptions *options)
{
  g_autoptr(CsViewState) selection_view = NULL;
  CsRenderStyle style;
  CsScene *scene;
  CsRenderFlags flags;

  g_return_val_if_fail (CS_IS_GRAPH (graph), NULL);
  g_return_val_if_fail (positions != NULL, NULL);
  g_return_val_if_fail (view == NULL || CS_IS_VIEW_STATE (view), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  if (options->scope == CS_EXPORT_SCOPE_SELECTION && view != NULL)
    {
      /* the selected nodes, their neighbours and the links among them,
       * as far as the view's filter shows them */
      g_autoptr(CsFilter) filter = cs_filter_copy (cs_view_state_get_filter (view));

      selection_view = cs_view_state_copy (view);
      filter->around = CS_FILTER_AROUND_SELECTION;
      filter->depth = 1;
      filter->hide = TRUE;
      cs_view_state_set_filter (selection_view, filter);
      view = selection_view;
    }

  cs_render_style_init_default (&style, options->dark);
  if (options->background == CS_EXPORT_BACKGROUND_WHITE)
    style.background = (CsColor) { 1, 1, 1, 1 };
  scene = cs_scene_new (graph, positions, pinned, view, &style, options->width, options->height);
  cs_render_style_clear (&style);

  flags = cs_scene_get_flags (scene) & ~(CS_RENDER_BACKGROUND | CS_RENDER_LEGEND);
  if (options->background != CS_EXPORT_BACKGROUND_TRANSPARENT)
    flags |= CS_RENDER_BACKGROUND;
  if (options->legend)
    flags |= CS_RENDER_LEGEND;
  if (options->title)
    flags |= CS_RENDER_TITLE;
  if (options->caption)
    flags |= CS_RENDER_CAPTION;
  cs_scene_set_flags (scene, flags);
  cs_scene_set_title (scene, options->title_text);

  if (options->scope == CS_EXPORT_SCOPE_VIEW && view != NULL)
    {
      g_autoptr(CsViewport) viewport = cs_viewport_new ();
      CsBounds visible, area;

      /* the box fills the picture, as the window shows it, above the caption */
      cs_viewport_get_visible_bounds (cs_view_state_get_viewport (view), &visible);
      cs_scene_get_graph_area (scene, 0, &area);
      area = (CsBounds) { 0, 0, options->width, options->caption ? area.y1 : options->height };
      cs_viewport_show_area (viewport, &visible, &area);
      cs_scene_set_transform (scene, cs_viewport_get_zoom (viewport),
                              cs_viewport_get_offset_x (viewport),
                              cs_viewport_get_offset_y (viewport));
    }
  else
    cs_scene_fit (scene, CS_EXPORT_MARGIN);
  return scene;
}

typedef void (*DrawFunc) (cairo_t       *cr,
                          gconstpointer  what);

static GBytes *draw_to_bytes (CsGraph                *graph,
                              DrawFunc                draw,
                              gconstpointer           what,
                              guint64                 n_items,
                              const CsExportOptions  *options,
                              GCancellable           *cancellable,
                              GError                **error);

/**
 * cs_export_scene_to_bytes:
 * @scene: what to draw, at the options' size
 * @options: the format, scale and resolution
 * @cancellable: (nullable): stops the export
 * @error: a %CS_EXPORT_ERROR, or %G_IO_ERROR_CANCELLED
 *
 * Draws @scene with the screen's renderer into a PNG, SVG or PDF held in
 * memory. The same scene gives the same bytes for PNG. Thread safe for a
 * scene no other thread changes.
 *
 * Returns: (transfer full) (nullable): the file's contents
 */
GBytes *
cs_export_scene_to_bytes (CsScene                *scene,
                          const CsExportOptions  *options,
                          GCancellable           *cancellable,
                          GError                **error)
{
  g_return_val_if_fail (scene != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return draw_to_bytes (cs_scene_get_graph (scene), (DrawFunc)cs_renderer_draw, scene,
                        _cs_render_progress_items (scene), options, cancellable, error);
}

/**
 * cs_export_panels_to_bytes:
 * @panels: the small multiples, at the options' size
 * @options: the format, scale and resolution
 * @cancellable: (nullable): stops the export
 * @error: a %CS_EXPORT_ERROR, or %G_IO_ERROR_CANCELLED
 *
 * As cs_export_scene_to_bytes(), for a figure of a panel per stage.
 *
 * Returns: (transfer full) (nullable): the file's contents
 */
GBytes *
cs_export_panels_to_bytes (CsStagePanels          *panels,
                           const CsExportOptions  *options,
                           GCancellable           *cancellable,
                           GError                **error)
{
  guint64 n_items = 0;

  g_return_val_if_fail (panels != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  for (guint i = 0; i < cs_stage_panels_get_n_panels (panels); i++)
    n_items += _cs_render_progress_items (cs_stage_panels_get_scene (panels, i));
  return draw_to_bytes (cs_scene_get_graph (cs_stage_panels_get_scene (panels, 0)),
                        (DrawFunc)cs_stage_panels_draw, panels, n_items, options, cancellable,
                        error);
}

/* Of an export's time, what the drawing takes: cairo's SVG and PDF
 * surfaces spend about as long again writing the file out when finished
 * (measured at 10,000 nodes), PNG encoding a little */
#define DRAWING_SHARE_VECTOR 0.5
#define DRAWING_SHARE_PNG    0.85

/* Draws with @draw into a PNG, SVG or PDF held in memory; @n_items is the
 * ticks the drawing makes, for the progress (options->progress) */
static GBytes *
draw_to_bytes (CsGraph                *graph,
               DrawFunc                draw,
               gconstpointer           what,
               guint64                 n_items,
               const CsExportOptions  *options,
               GCancellable           *cancellable,
               GError                **error)
{
  g_autoptr(GByteArray) bytes = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  double device_width, device_height;
  double scale;
  CsRenderProgress progress = {
    .cancellable = cancellable,
    .permille = options->progress,
    .func = options->progress_func,
    .data = options->progress_data,
    .to = options->format == CS_EXPORT_FORMAT_PNG ? DRAWING_SHARE_PNG : DRAWING_SHARE_VECTOR,
    .n_items = n_items,
  };

  if (!check_size (options, &device_width, &device_height, error))
    return NULL;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  scale = options->format == CS_EXPORT_FORMAT_PNG ? options->scale : 1.0;

  bytes = g_byte_array_new ();
  switch (options->format)
    {
    case CS_EXPORT_FORMAT_SVG:
      surface = cairo_svg_surface_create_for_stream (append_bytes, bytes, device_width,
                                                     device_height);
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
      break;

    case CS_EXPORT_FORMAT_PDF:
      surface = cairo_pdf_surface_create_for_stream (append_bytes, bytes, device_width,
                                                     device_height);
      /* fixed metadata keeps the file the same for the same input */
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Consortia");
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE,
                                      "2025-01-01T00:00:00Z");
      if (cs_graph_get_title (graph) != NULL)
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                        cs_graph_get_title (graph));
      break;

    case CS_EXPORT_FORMAT_PNG:
    default:
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int)device_width,
                                            (int)device_height);
      break;
    }

  status = cairo_surface_status (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, CS_EXPORT_ERROR, status == CAIRO_STATUS_NO_MEMORY ?
                   CS_EXPORT_ERROR_TOO_LARGE : CS_EXPORT_ERROR_FAILED,
                   /* TRANSLATORS: cairo's reason follows */
                   _("Could not create the drawing surface: %s"),
                   cairo_status_to_string (status));
      cairo_surface_destroy (surface);
      return NULL;
    }

  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  if (options->progress != NULL)
    g_atomic_int_set (options->progress, 0);
  /* the drawing stops at a cancel, and reports how far it is */
  _cs_render_progress_begin (&progress);
  draw (cr, what);
  _cs_render_progress_end ();
  if (progress.cancelled || g_cancellable_is_cancelled (cancellable))
    {
      /* no file to finish: cairo's SVG and PDF surfaces record the page
       * and play it into the file when finished, which a cleared page
       * spares */
      cairo_reset_clip (cr);
      cairo_identity_matrix (cr);
      cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
      cairo_paint (cr);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
      g_cancellable_set_error_if_cancelled (cancellable, error);
      return NULL;
    }
  status = cairo_status (cr);
  cairo_destroy (cr);
  if (options->progress != NULL)
    g_atomic_int_set (options->progress, (gint)(1000 * progress.to));

  if (status == CAIRO_STATUS_SUCCESS && options->format == CS_EXPORT_FORMAT_PNG)
    status = cairo_surface_write_to_png_stream (surface, append_bytes, bytes);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, CS_EXPORT_ERROR, CS_EXPORT_ERROR_FAILED,
                   /* TRANSLATORS: cairo's reason follows */
                   _("Drawing failed: %s"), cairo_status_to_string (status));
      return NULL;
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  if (options->progress != NULL)
    g_atomic_int_set (options->progress, 1000);

  if (options->format == CS_EXPORT_FORMAT_PNG && options->dpi > 0)
    {
      g_autoptr(GBytes) png = g_byte_array_free_to_bytes (g_steal_pointer (&bytes));

      return cs_export_png_set_dpi (png, options->dpi, error);
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

/**
 * cs_export_to_bytes:
 * @graph: the graph
 * @positions: its positions
 * @view: (nullable): what to show, as for cs_export_build_scene()
 * @options: what to draw and how
 * @error: a %CS_EXPORT_ERROR
 *
 * cs_export_build_scene() and cs_export_scene_to_bytes() in one, in the
 * calling thread.
 *
 * Returns: (transfer full) (nullable): the file's contents
 */
GBytes *
cs_export_to_bytes (CsGraph                *graph,
                    CsPositions            *positions,
                    CsViewState            *view,
                    const CsExportOptions  *options,
                    GError                **error)
{
  g_autoptr(CsScene) scene = NULL;

  g_return_val_if_fail (CS_IS_GRAPH (graph), NULL);
  g_return_val_if_fail (positions != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);

  scene = cs_export_build_scene (graph, positions, NULL, view, options);
  return cs_export_scene_to_bytes (scene, options, NULL, error);
}

/* Writes through a temporary file beside @filename that replaces it only
 * when complete (GIO renames it on close): a failure or a cancel before
 * that point leaves the old file as it was, and no temporary behind. */
static gboolean
write_file (GBytes        *bytes,
            const char    *filename,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (filename);
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize written;

  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, cancellable,
                           &local_error);
  if (stream == NULL ||
      !g_output_stream_write_all (G_OUTPUT_STREAM (stream), g_bytes_get_data (bytes, NULL),
                                  g_bytes_get_size (bytes), &written, cancellable, &local_error) ||
      !g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, &local_error))
    {
      if (stream != NULL && !g_output_stream_is_closed (G_OUTPUT_STREAM (stream)))
        {
          g_autoptr(GCancellable) abandon = g_cancellable_new ();

          /* closing with a cancelled cancellable drops the temporary file */
          g_cancellable_cancel (abandon);
          g_output_stream_close (G_OUTPUT_STREAM (stream), abandon, NULL);
        }
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, CS_EXPORT_ERROR, CS_EXPORT_ERROR_WRITE, "%s", local_error->message);
      return FALSE;
    }
  return TRUE;
}

/**
 * cs_export_scene_to_file:
 * @scene: what to draw
 * @options: the format, size and resolution
 * @filename: where to write
 * @error: a %CS_EXPORT_ERROR
 *
 * Like cs_export_scene_to_bytes(), then writes a temporary file beside
 * @filename and renames it, so a failed export never leaves a broken file
 * behind.
 *
 * Returns: %TRUE on success
 */
gboolean
cs_export_scene_to_file (CsScene                *scene,
                         const CsExportOptions  *options,
                         const char             *filename,
                         GError                **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (filename != NULL, FALSE);

  bytes = cs_export_scene_to_bytes (scene, options, NULL, error);
  return bytes != NULL && write_file (bytes, filename, NULL, error);
}

/**
 * cs_export_panels_to_file:
 * @panels: the small multiples
 * @options: the format, size and resolution
 * @filename: where to write
 * @error: a %CS_EXPORT_ERROR
 *
 * As cs_export_scene_to_file(), for a figure of a panel per stage.
 *
 * Returns: %TRUE on success
 */
gboolean
cs_export_panels_to_file (CsStagePanels          *panels,
                          const CsExportOptions  *options,
                          const char             *filename,
                          GError                **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (filename != NULL, FALSE);

  bytes = cs_export_panels_to_bytes (panels, options, NULL, error);
  return bytes != NULL && write_file (bytes, filename, NULL, error);
}

/* What a worker thread needs: the scene or the panels (no other thread
 * changes them) and copies of the options */
typedef struct
{
  CsScene         *scene;
  CsStagePanels   *panels;
  CsExportOptions  options;
  char            *title_text;
  char            *filename;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_pointer (&job->scene, cs_scene_unref);
  g_clear_pointer (&job->panels, cs_stage_panels_unref);
  g_free (job->title_text);
  g_free (job->filename);
  g_free (job);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(GBytes) bytes = NULL;
  GError *error = NULL;

  if (job->panels != NULL)
    bytes = cs_export_panels_to_bytes (job->panels, &job->options, cancellable, &error);
  else
    bytes = cs_export_scene_to_bytes (job->scene, &job->options, cancellable, &error);
  /* cancelled while drawing: nothing is written */
  if (bytes != NULL && !write_file (bytes, job->filename, cancellable, &error))
    g_clear_pointer (&bytes, g_bytes_unref);
  if (bytes == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
start_job (ExportJob             *job,
           const CsExportOptions *options,
           const char            *filename,
           GCancellable          *cancellable,
           GAsyncReadyCallback    callback,
           gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;

  job->options = *options;
  job->filename = g_strdup (filename);
  job->title_text = g_strdup (options->title_text);
  job->options.title_text = job->title_text;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, cs_export_scene_to_file_async);
  g_task_set_task_data (task, job, (GDestroyNotify)export_job_free);
  g_task_run_in_thread (task, export_thread);
}

/**
 * cs_export_scene_to_file_async:
 * @scene: what to draw; nothing may change it until the export is done
 * @options: the format, size and resolution; copied
 * @filename: where to write
 * @cancellable: (nullable): cancels the export; nothing is written then
 * @callback: called in the caller's main context when done
 * @user_data: data for @callback
 *
 * cs_export_scene_to_file() in a worker thread, so a large export leaves
 * the window responsive.
 */
void
cs_export_scene_to_file_async (CsScene               *scene,
                               const CsExportOptions *options,
                               const char            *filename,
                               GCancellable          *cancellable,
                               GAsyncReadyCallback    callback,
                               gpointer               user_data)
{
  ExportJob *job;

  g_return_if_fail (scene != NULL);
  g_return_if_fail (options != NULL);
  g_return_if_fail (filename != NULL);

  job = g_new0 (ExportJob, 1);
  job->scene = cs_scene_ref (scene);
  start_job (job, options, filename, cancellable, callback, user_data);
}

/**
 * cs_export_panels_to_file_async:
 * @panels: the small multiples; nothing may change them until the export
 *   is done
 * @options: the format, size and resolution; copied
 * @filename: where to write
 * @cancellable: (nullable): cancels the export; nothing is written then
 * @callback: called in the caller's main context when done; finish with
 *   cs_export_scene_to_file_finish()
 * @user_data: data for @callback
 */
void
cs_export_panels_to_file_async (CsStagePanels         *panels,
                                const CsExportOptions *options,
                                const char            *filename,
                                GCancellable          *cancellable,
                                GAsyncReadyCallback    callback,
                                gpointer               user_data)
{
  ExportJob *job;

  g_return_if_fail (panels != NULL);
  g_return_if_fail (options != NULL);
  g_return_if_fail (filename != NULL);

  job = g_new0 (ExportJob, 1);
  job->panels = cs_stage_panels_ref (panels);
  start_job (job, options, filename, cancellable, callback, user_data);
}

/**
 * cs_export_scene_to_file_finish:
 * @result: the result
 * @error: a %CS_EXPORT_ERROR or %G_IO_ERROR_CANCELLED
 *
 * Returns: %TRUE when the file was written
 */
gboolean
cs_export_scene_to_file_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
