/* cs-export.h
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cs-graph.h"
#include "cs-positions.h"
#include "cs-scene.h"
#include "cs-view-state.h"

G_BEGIN_DECLS

#define CS_EXPORT_ERROR (cs_export_error_quark ())

typedef enum
{
  CS_EXPORT_ERROR_FAILED,
  CS_EXPORT_ERROR_FORMAT,
  CS_EXPORT_ERROR_TOO_LARGE,
  CS_EXPORT_ERROR_WRITE,
} CsExportError;

typedef enum
{
  CS_EXPORT_FORMAT_PNG,
  CS_EXPORT_FORMAT_SVG,
  CS_EXPORT_FORMAT_PDF,
} CsExportFormat;

typedef enum
{
  CS_EXPORT_SCOPE_ALL,       /* the whole graph */
  CS_EXPORT_SCOPE_VIEW,      /* what the view state's viewport shows */
  CS_EXPORT_SCOPE_SELECTION, /* the view's selected nodes and their neighbours */
} CsExportScope;

typedef enum
{
  CS_EXPORT_BACKGROUND_THEME,
  CS_EXPORT_BACKGROUND_WHITE,
  CS_EXPORT_BACKGROUND_TRANSPARENT,
} CsExportBackground;

#define CS_EXPORT_MAX_SIDE   32767
#define CS_EXPORT_MAX_PIXELS (16384.0 * 16384.0)
#define CS_EXPORT_MIN_SIDE   16
#define CS_EXPORT_MARGIN     24.0 /* around the graph, in px */
#define CS_EXPORT_SCREEN_DPI 96.0 /* what scale 1 means on paper */

/* How to draw a picture into a file. What the picture shows (filter,
 * selection, sizing, labels, outlines) comes from a view state, as on
 * screen; these are the file's own choices. */
typedef struct
{
  CsExportFormat      format;
  int                 width;   /* px (pt for PDF), before scale */
  int                 height;
  double              scale;   /* PNG pixels per unit */
  CsExportBackground  background;
  gboolean            legend;
  gboolean            title;
  const char         *title_text; /* nullable: the graph's title */
  gboolean            dark;
  CsExportScope       scope;
  double              dpi;        /* PNG resolution to record, 0 for none */
  gboolean            caption;    /* a caption naming the source articles */
  gint               *progress;   /* nullable: how far an export is, 0–1000, written
                                   * atomically from the thread that draws */
  void              (*progress_func) (int      permille,
                                      gpointer data); /* nullable: called from the
                                                       * thread that draws, as it goes */
  gpointer            progress_data;
} CsExportOptions;

GQuark    cs_export_error_quark           (void);
void      cs_export_options_init          (CsExportOptions        *options);
gboolean  cs_export_options_check         (const CsExportOptions  *options,
                                           GError                **error);
gboolean  cs_export_format_from_filename  (const char             *filename,
                                           CsExportFormat         *format);
GBytes   *cs_export_png_set_dpi           (GBytes                 *png,
                                           double                  dpi,
                                           GError                **error);
CsScene  *cs_export_build_scene           (CsGraph                *graph,
                                           CsPositions            *positions,
                                           const gboolean         *pinned,
                                           CsViewState            *view,
                                           const CsExportOptions  *options);
GBytes   *cs_export_scene_to_bytes        (CsScene                *scene,
                                           const CsExportOptions  *options,
                                           GCancellable           *cancellable,
                                           GError                **error);
gboolean  cs_export_scene_to_file         (CsScene                *scene,
                                           const CsExportOptions  *options,
                                           const char             *filename,
                                           GError                **error);
void      cs_export_scene_to_file_async   (CsScene                *scene,
                                           const CsExportOptions  *options,
                                           const char             *filename,
                                           GCancellable           *cancellable,
                                           GAsyncReadyCallback     callback,
                                           gpointer                user_data);
gboolean  cs_export_scene_to_file_finish  (GAsyncResult           *result,
                                           GError                **error);
GBytes   *cs_export_to_bytes              (CsGraph                *graph,
                                           CsPositions            *positions,
                                           CsViewState            *view,
                                           const CsExportOptions  *options,
                                           GError                **error);

G_END_DECLS
