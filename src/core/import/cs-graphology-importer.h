/* cs-graphology-importer.h
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cs-importer.h"

G_BEGIN_DECLS

#define CS_TYPE_GRAPHOLOGY_IMPORTER (cs_graphology_importer_get_type ())

G_DECLARE_FINAL_TYPE (CsGraphologyImporter, cs_graphology_importer, CS, GRAPHOLOGY_IMPORTER,
                      CsImporter)

G_END_DECLS
