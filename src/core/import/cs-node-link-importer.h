/* cs-node-link-importer.h
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cs-importer.h"

G_BEGIN_DECLS

#define CS_TYPE_NODE_LINK_IMPORTER (cs_node_link_importer_get_type ())

G_DECLARE_FINAL_TYPE (CsNodeLinkImporter, cs_node_link_importer, CS, NODE_LINK_IMPORTER,
                      CsImporter)

G_END_DECLS
