/* cs-graphml-importer.h
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cs-importer.h"

G_BEGIN_DECLS

#define CS_TYPE_GRAPHML_IMPORTER (cs_graphml_importer_get_type ())

G_DECLARE_FINAL_TYPE (CsGraphmlImporter, cs_graphml_importer, CS, GRAPHML_IMPORTER, CsImporter)

G_END_DECLS
