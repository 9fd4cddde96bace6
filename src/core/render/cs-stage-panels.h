/* cs-stage-panels.h
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "cs-export.h"

G_BEGIN_DECLS

/* Small multiples: one figure with a panel per stage of the graph's
 * events, every panel the same graph at the same positions and scale,
 * each titled with its stage, date and counts. Each panel is a scene
 * built by cs_scene_new(), as the canvas's. */
typedef struct _CsStagePanels CsStagePanels;

CsStagePanels *cs_stage_panels_new           (CsGraph                *graph,
                                              CsPositions            *positions,
                                              const gboolean         *pinned,
                                              CsViewState            *view,
                                              const CsExportOptions  *options);
CsStagePanels *cs_stage_panels_ref           (CsStagePanels          *self);
void           cs_stage_panels_unref         (CsStagePanels          *self);
guint          cs_stage_panels_get_n_panels  (const CsStagePanels    *self);
CsScene       *cs_stage_panels_get_scene     (const CsStagePanels    *self,
                                              guint                   panel);
void           cs_stage_panels_get_box       (const CsStagePanels    *self,
                                              guint                   panel,
                                              CsBounds               *box);
const char    *cs_stage_panels_get_heading   (const CsStagePanels    *self,
                                              guint                   panel);
void           cs_stage_panels_draw          (cairo_t                *cr,
                                              const CsStagePanels    *self);
GBytes        *cs_export_panels_to_bytes     (CsStagePanels          *panels,
                                              const CsExportOptions  *options,
                                              GCancellable           *cancellable,
                                              GError                **error);
gboolean       cs_export_panels_to_file      (CsStagePanels          *panels,
                                              const CsExportOptions  *options,
                                              const char             *filename,
                                              GError                **error);
void           cs_export_panels_to_file_async (CsStagePanels         *panels,
                                              const CsExportOptions  *options,
                                              const char             *filename,
                                              GCancellable           *cancellable,
                                              GAsyncReadyCallback     callback,
                                              gpointer                user_data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CsStagePanels, cs_stage_panels_unref)

G_END_DECLS
