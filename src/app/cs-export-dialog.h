/* cs-export-dialog.h
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cs-document.h"
#include "cs-export.h"
#include "cs-stage-panels.h"
#include "cs-view-state.h"

G_BEGIN_DECLS

#define CS_TYPE_EXPORT_DIALOG (cs_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CsExportDialog, cs_export_dialog, CS, EXPORT_DIALOG, AdwWindow)

CsExportDialog *cs_export_dialog_new          (GtkWindow      *parent,
                                               CsDocument     *document,
                                               CsViewState    *view);
CsScene        *cs_export_dialog_build_scene  (CsExportDialog *self);
CsStagePanels  *cs_export_dialog_build_panels (CsExportDialog *self);
gboolean        cs_export_dialog_get_stage_panels (CsExportDialog *self);
void            cs_export_dialog_get_options  (CsExportDialog *self,
                                               CsExportOptions *options);
void            cs_export_dialog_export_to    (CsExportDialog *self,
                                               const char     *filename);
void            cs_export_dialog_cancel       (CsExportDialog *self);
gboolean        cs_export_dialog_get_busy     (CsExportDialog *self);
GFile          *cs_export_dialog_dup_folder   (CsExportDialog *self);

G_END_DECLS
