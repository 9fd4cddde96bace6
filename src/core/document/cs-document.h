/* cs-document.h
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cs-graph.h"
#include "cs-layout.h"
#include "cs-positions.h"

G_BEGIN_DECLS

#define CS_TYPE_DOCUMENT (cs_document_get_type ())

G_DECLARE_FINAL_TYPE (CsDocument, cs_document, CS, DOCUMENT, GObject)

typedef enum /*< flags >*/
{
  CS_DOCUMENT_SAVE_NONE      = 0,
  CS_DOCUMENT_SAVE_OVERWRITE = 1 << 0, /* even when another program changed the file */
} CsDocumentSaveFlags;

CsDocument        *cs_document_new             (void);
char              *cs_document_find_bundled_graph (void);
GFile             *cs_document_get_file        (CsDocument           *self);
CsGraph           *cs_document_get_graph       (CsDocument           *self);
CsPositions       *cs_document_get_positions   (CsDocument           *self);
GPtrArray         *cs_document_get_problems    (CsDocument           *self);
gboolean           cs_document_get_busy        (CsDocument           *self);
const char        *cs_document_get_title       (CsDocument           *self);
CsLayoutAlgorithm  cs_document_get_algorithm   (CsDocument           *self);
guint32            cs_document_get_seed        (CsDocument           *self);
void               cs_document_load_async      (CsDocument           *self,
                                                GFile                *file,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
void               cs_document_load_full_async (CsDocument           *self,
                                                GFile                *file,
                                                GFile                *nodes,
                                                guint                 graph,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
void               cs_document_set_default_layout (CsDocument          *self,
                                                  int                  algorithm);
GFile             *cs_document_get_nodes_file  (CsDocument           *self);
gboolean           cs_document_load_finish     (CsDocument           *self,
                                                GAsyncResult         *result,
                                                GError              **error);
gboolean           cs_document_load            (CsDocument           *self,
                                                GFile                *file,
                                                GCancellable         *cancellable,
                                                GError              **error);
void               cs_document_set_layout_groups (CsDocument         *self,
                                                const guint          *groups);
void               cs_document_relayout_async  (CsDocument           *self,
                                                CsLayoutAlgorithm     algorithm,
                                                guint32               seed,
                                                int                   center,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
gboolean           cs_document_relayout_finish (CsDocument           *self,
                                                GAsyncResult         *result,
                                                GError              **error);
gboolean           cs_document_get_pinned      (CsDocument           *self,
                                                guint                 node);
void               cs_document_set_pinned      (CsDocument           *self,
                                                guint                 node,
                                                gboolean              pinned);
void               cs_document_move_nodes      (CsDocument           *self,
                                                guint                 n,
                                                const guint          *nodes,
                                                const double         *xy,
                                                gboolean              pin);
gboolean           cs_document_get_can_undo    (CsDocument           *self);
gboolean           cs_document_get_can_redo    (CsDocument           *self);
gboolean           cs_document_undo            (CsDocument           *self);
gboolean           cs_document_redo            (CsDocument           *self);
const gboolean    *cs_document_get_pins        (CsDocument           *self);
void               cs_document_request_metrics (CsDocument           *self);
gboolean           cs_document_get_metrics_pending (CsDocument       *self);
const char        *cs_document_get_metrics_error (CsDocument         *self);
guint              cs_document_get_betweenness_sources (CsDocument   *self);
const double      *cs_document_get_betweenness (CsDocument           *self);

gboolean           cs_document_get_modified    (CsDocument           *self);
void               cs_document_mark_view_changed (CsDocument         *self);
const char        *cs_document_get_etag        (CsDocument           *self);
gboolean           cs_document_get_saving      (CsDocument           *self);
double             cs_document_get_save_progress (CsDocument         *self);
gboolean           cs_document_get_can_save_in_place (CsDocument     *self);
void               cs_document_save_async      (CsDocument           *self,
                                                GFile                *file,
                                                const CsSavedView    *view,
                                                CsDocumentSaveFlags   flags,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
gboolean           cs_document_save_finish     (CsDocument           *self,
                                                GAsyncResult         *result,
                                                GError              **error);
void               cs_document_save_copy_async (CsDocument           *self,
                                                GFile                *file,
                                                const CsSavedView    *view,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
gboolean           cs_document_save_copy_finish (CsDocument          *self,
                                                 GAsyncResult        *result,
                                                 GError             **error);
void               cs_document_adopt           (CsDocument           *self,
                                                GFile                *file,
                                                const char           *etag);

G_END_DECLS
