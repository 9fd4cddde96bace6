/* cs-gexf-importer.h
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cs-importer.h"

G_BEGIN_DECLS

#define CS_TYPE_GEXF_IMPORTER (cs_gexf_importer_get_type ())

G_DECLARE_FINAL_TYPE (CsGexfImporter, cs_gexf_importer, CS, GEXF_IMPORTER, CsImporter)

G_END_DECLS
