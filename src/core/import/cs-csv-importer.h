/* cs-csv-importer.h
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cs-importer.h"

G_BEGIN_DECLS

#define CS_TYPE_CSV_IMPORTER (cs_csv_importer_get_type ())

G_DECLARE_FINAL_TYPE (CsCsvImporter, cs_csv_importer, CS, CSV_IMPORTER, CsImporter)

G_END_DECLS
