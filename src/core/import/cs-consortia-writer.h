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

GBytes   *cs_consortia_writer_to_bytes   (CsGraph         *graph,
                                          CsPositions     *positions,
                                          const gboolean  *pinned,
                                          const char      *layout_algorithm,
                                          gint64           layout_seed);
gboolean  cs_consortia_writer_write_file (CsGraph         *graph,
                                          CsPositions     *positions,
                                          const gboolean  *pinned,
                                          const char      *layout_algorithm,
                                          gint64           layout_seed,
                                          const char      *filename,
                                          GCancellable    *cancellable,
                                          GError         **error);

G_END_DECLS
