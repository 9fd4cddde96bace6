/* cs-consortia-writer.h
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cs-graph.h"
#include "cs-positions.h"

G_BEGIN_DECLS

/* told now and then how many of the nodes and edges are written */
typedef void (*CsWriterProgress) (guint64  done,
                                  guint64  total,
                                  gpointer user_data);

gboolean  cs_consortia_writer_write    (CsGraph           *graph,
                                        CsPositions       *positions,
                                        const gboolean    *pinned,
                                        const char        *layout_algorithm,
                                        gint64             layout_seed,
                                        const CsSavedView *view,
                                        GOutputStream     *stream,
                                        CsWriterProgress   progress,
                                        gpointer           user_data,
                                        GCancellable      *cancellable,
                                        GError           **error);
GBytes   *cs_consortia_writer_to_bytes (CsGraph           *graph,
                                        CsPositions       *positions,
                                        const gboolean    *pinned,
                                        const char        *layout_algorithm,
                                        gint64             layout_seed,
                                        const CsSavedView *view);

G_END_DECLS
