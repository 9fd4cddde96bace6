/* cs-layout-cache.h
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cs-layout.h"
#include "cs-positions.h"

G_BEGIN_DECLS

char        *cs_layout_cache_key_for_file (GFile                 *file,
                                           GFile                 *nodes,
                                           guint                  graph,
                                           const CsLayoutParams  *params,
                                           GCancellable          *cancellable,
                                           GError               **error);
CsPositions *cs_layout_cache_lookup       (const char            *key,
                                           guint                  n_nodes);
GBytes      *cs_layout_cache_entry_new    (const char            *key,
                                           CsPositions           *positions);
gboolean     cs_layout_cache_store        (const char            *key,
                                           CsPositions           *positions,
                                           GError               **error);
char        *cs_layout_cache_get_dir      (void);

G_END_DECLS
