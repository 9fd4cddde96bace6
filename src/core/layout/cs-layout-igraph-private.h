/* cs-layout-igraph-private.h
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <igraph.h>

#include "cs-graph.h"

G_BEGIN_DECLS

/* Shared by the files of the layout library that lay out with igraph;
 * called under _cs_igraph_lock(), with the generator seeded. Coordinates
 * are in edge lengths (CS_LAYOUT_EDGE_LENGTH world units). */

/* one node's radius, in edge lengths */
#define _CS_LAYOUT_RADIUS(radii, i) ((radii)[i] / CS_LAYOUT_EDGE_LENGTH)

igraph_error_t _cs_layout_fr_free        (const igraph_t      *graph,
                                          igraph_matrix_t     *res);
double         _cs_layout_median_length  (const igraph_matrix_t     *res,
                                          const igraph_vector_int_t *edges);
igraph_error_t _cs_layout_consortia      (CsGraph                   *graph,
                                          const igraph_t            *g,
                                          const igraph_vector_int_t *edges,
                                          const double              *radii,
                                          const guint               *groups,
                                          igraph_matrix_t           *res);

G_END_DECLS
