/* cs-node-summary.h
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "cs-graph.h"

G_BEGIN_DECLS

char *cs_node_summary_markup (CsGraph *graph,
                              guint    node,
                              guint    max_links);
char *cs_edge_summary_markup (CsGraph *graph,
                              guint    edge);

G_END_DECLS
