/* cs-layout-quality.h
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "cs-graph.h"
#include "cs-positions.h"

G_BEGIN_DECLS

guint    cs_layout_quality_count_node_overlaps  (guint            n_nodes,
                                                 const double    *xy,
                                                 const double    *radii);
guint    cs_layout_quality_count_label_overlaps (guint            n_nodes,
                                                 const double    *xy,
                                                 const double    *radii,
                                                 guint            n_labels,
                                                 const guint     *label_nodes,
                                                 const CsBounds  *label_boxes,
                                                 guint           *label_label,
                                                 guint           *label_node);
guint64  cs_layout_quality_count_crossings      (CsGraph         *graph,
                                                 CsPositions     *positions,
                                                 gboolean        *estimated);
guint    cs_layout_quality_count_nearest_consortium (CsGraph     *graph,
                                                 CsPositions     *positions,
                                                 guint           *n_members);

G_END_DECLS
