/* cs-node-radii.h
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "cs-graph.h"
#include "cs-layout.h"

G_BEGIN_DECLS

double         *cs_node_radii_new               (CsGraph *graph);
CsLayoutParams *cs_node_radii_new_layout_params (CsGraph *graph);

G_END_DECLS
