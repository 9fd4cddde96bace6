/* cs-dot-importer.h
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cs-importer.h"

G_BEGIN_DECLS

#define CS_TYPE_DOT_IMPORTER (cs_dot_importer_get_type ())

G_DECLARE_FINAL_TYPE (CsDotImporter, cs_dot_importer, CS, DOT_IMPORTER, CsImporter)

G_END_DECLS
