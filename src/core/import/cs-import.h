/* cs-import.h
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cs-graph.h"
#include "cs-importer.h"
#include "cs-problem.h"

G_BEGIN_DECLS

#define CS_IMPORT_MAX_SIZE (256 * 1024 * 1024)

CsGraph  *cs_import_file (const char    *filename,
                          GCancellable  *cancellable,
                          GPtrArray    **problems,
                          GError       **error);
CsGraph  *cs_import_data (const char    *data,
                          gsize          length,
                          const char    *display_name,
                          GCancellable  *cancellable,
                          GPtrArray    **problems,
                          GError       **error);

CsGraph  *cs_import_file_full (const char             *filename,
                               const CsImportOptions  *options,
                               GCancellable           *cancellable,
                               GPtrArray             **problems,
                               GError                **error);
CsGraph  *cs_import_data_full (const char             *data,
                               gsize                   length,
                               const char             *display_name,
                               const CsImportOptions  *options,
                               GCancellable           *cancellable,
                               GPtrArray             **problems,
                               GError                **error);

const char *cs_import_get_library_version (void);

G_END_DECLS
