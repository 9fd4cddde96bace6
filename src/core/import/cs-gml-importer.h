/* cs-gml-importer.h
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cs-importer.h"

G_BEGIN_DECLS

#define CS_TYPE_GML_IMPORTER (cs_gml_importer_get_type ())

G_DECLARE_FINAL_TYPE (CsGmlImporter, cs_gml_importer, CS, GML_IMPORTER, CsImporter)

G_END_DECLS
