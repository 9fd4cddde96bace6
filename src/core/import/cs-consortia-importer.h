/* cs-consortia-importer.h
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cs-importer.h"

G_BEGIN_DECLS

#define CS_TYPE_CONSORTIA_IMPORTER (cs_consortia_importer_get_type ())

G_DECLARE_FINAL_TYPE (CsConsortiaImporter, cs_consortia_importer, CS, CONSORTIA_IMPORTER,
                      CsImporter)

G_END_DECLS
