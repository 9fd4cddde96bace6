/* cs-jgf-importer.h
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cs-importer.h"

G_BEGIN_DECLS

#define CS_TYPE_JGF_IMPORTER (cs_jgf_importer_get_type ())

G_DECLARE_FINAL_TYPE (CsJgfImporter, cs_jgf_importer, CS, JGF_IMPORTER,
                      CsImporter)

G_END_DECLS
