/* cs-layout-report.h
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cs-graph.h"
#include "cs-positions.h"

G_BEGIN_DECLS

/* How clear a laid-out picture is (`consortia --info --quality`) */
typedef struct
{
  guint    node_overlaps;       /* pairs of node discs, as drawn, that overlap */
  guint    n_labels;            /* labels a default export draws */
  guint    label_label;         /* pairs of those labels that overlap */
  guint    label_node;          /* labels over another node's disc */
  int      width;               /* the export the labels were placed in */
  int      height;
  guint64  crossings;           /* pairs of edges that cross */
  gboolean crossings_estimated; /* counted on a sample of edges */
  guint    n_members;           /* nodes that lead or belong to one consortium only */
  guint    n_nearest;           /* of those, how many have their own consortium nearest */
} CsLayoutReport;

gboolean cs_layout_report_measure (CsGraph         *graph,
                                   CsPositions     *positions,
                                   const gboolean  *pinned,
                                   CsLayoutReport  *report,
                                   GError         **error);

G_END_DECLS
