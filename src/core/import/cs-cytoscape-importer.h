/* cs-cytoscape-importer.h
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cs-importer.h"

G_BEGIN_DECLS

#define CS_TYPE_CYTOSCAPE_IMPORTER (cs_cytoscape_importer_get_type ())

G_DECLARE_FINAL_TYPE (CsCytoscapeImporter, cs_cytoscape_importer, CS, CYTOSCAPE_IMPORTER,
                      CsImporter)

G_END_DECLS
