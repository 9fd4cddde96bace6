/* cs-pajek-importer.h
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cs-importer.h"

G_BEGIN_DECLS

#define CS_TYPE_PAJEK_IMPORTER (cs_pajek_importer_get_type ())

G_DECLARE_FINAL_TYPE (CsPajekImporter, cs_pajek_importer, CS, PAJEK_IMPORTER, CsImporter)

G_END_DECLS
