/* cs-layout.h
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cs-graph.h"
#include "cs-positions.h"

G_BEGIN_DECLS

#define CS_LAYOUT_ERROR (cs_layout_error_quark ())

typedef enum
{
  CS_LAYOUT_ERROR_FAILED,
  CS_LAYOUT_ERROR_UNKNOWN_ALGORITHM,
  CS_LAYOUT_ERROR_TOO_LARGE,
} CsLayoutError;

typedef enum
{
  CS_LAYOUT_FRUCHTERMAN_REINGOLD,
  CS_LAYOUT_KAMADA_KAWAI,
  CS_LAYOUT_DRL,
  CS_LAYOUT_CIRCLE,
  CS_LAYOUT_GRID,
  CS_LAYOUT_STAR,
  CS_LAYOUT_MDS,
  CS_LAYOUT_SUGIYAMA,
  CS_LAYOUT_CONSORTIA,
  CS_N_LAYOUTS
} CsLayoutAlgorithm;

#define CS_LAYOUT_DEFAULT_SEED 1

/* Distance in world units (pixels at zoom 1) that an edge of typical length
 * spans in every layout. */
#define CS_LAYOUT_EDGE_LENGTH 90.0

#define CS_TYPE_LAYOUT_PARAMS (cs_layout_params_get_type ())

typedef struct _CsLayoutParams CsLayoutParams;

GQuark             cs_layout_error_quark             (void);
GType              cs_layout_params_get_type         (void) G_GNUC_CONST;
CsLayoutParams    *cs_layout_params_new              (CsLayoutAlgorithm      algorithm,
                                                      guint32                seed);
CsLayoutParams    *cs_layout_params_new_for_graph    (CsGraph               *graph);
CsLayoutParams    *cs_layout_params_copy             (const CsLayoutParams  *self);
void               cs_layout_params_free             (CsLayoutParams        *self);
void               cs_layout_params_update_checksum  (const CsLayoutParams  *self,
                                                      GChecksum             *checksum);
CsLayoutAlgorithm  cs_layout_params_get_algorithm    (const CsLayoutParams  *self);
void               cs_layout_params_set_algorithm    (CsLayoutParams        *self,
                                                      CsLayoutAlgorithm      algorithm);
guint32            cs_layout_params_get_seed         (const CsLayoutParams  *self);
void               cs_layout_params_set_seed         (CsLayoutParams        *self,
                                                      guint32                seed);
void               cs_layout_params_set_fixed        (CsLayoutParams        *self,
                                                      CsPositions           *positions,
                                                      const gboolean        *fixed);
void               cs_layout_params_set_initial      (CsLayoutParams        *self,
                                                      CsPositions           *positions);
CsPositions       *cs_layout_params_get_initial      (const CsLayoutParams  *self);
void               cs_layout_params_set_center       (CsLayoutParams        *self,
                                                      int                    node);
int                cs_layout_params_get_center       (const CsLayoutParams  *self);
void               cs_layout_params_set_quick        (CsLayoutParams        *self,
                                                      gboolean               quick);
void               cs_layout_params_set_radii        (CsLayoutParams        *self,
                                                      guint                  n_radii,
                                                      const double          *radii);
void               cs_layout_params_set_groups       (CsLayoutParams        *self,
                                                      guint                  n_nodes,
                                                      const guint           *groups);
CsPositions       *cs_layout_run                     (CsGraph               *graph,
                                                      const CsLayoutParams  *params,
                                                      GCancellable          *cancellable,
                                                      GError               **error);
void               cs_layout_run_async               (CsGraph               *graph,
                                                      const CsLayoutParams  *params,
                                                      GCancellable          *cancellable,
                                                      GAsyncReadyCallback    callback,
                                                      gpointer               user_data);
CsPositions       *cs_layout_run_finish              (GAsyncResult          *result,
                                                      GError               **error);
const char        *cs_layout_get_library_version     (void);
const char        *cs_layout_algorithm_to_string     (CsLayoutAlgorithm      algorithm);
gboolean           cs_layout_algorithm_from_string   (const char            *name,
                                                      CsLayoutAlgorithm     *algorithm);
const char        *cs_layout_algorithm_get_description (CsLayoutAlgorithm    algorithm);
gboolean           cs_layout_algorithm_is_seeded     (CsLayoutAlgorithm      algorithm);
guint              cs_layout_algorithm_get_max_nodes (CsLayoutAlgorithm      algorithm);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CsLayoutParams, cs_layout_params_free)

G_END_DECLS
