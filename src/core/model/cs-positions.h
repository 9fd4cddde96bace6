/* cs-positions.h
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CS_TYPE_POSITIONS (cs_positions_get_type ())

typedef struct _CsPositions CsPositions;

typedef struct
{
  double x0;
  double y0;
  double x1;
  double y1;
} CsBounds;

GType         cs_positions_get_type   (void) G_GNUC_CONST;
CsPositions  *cs_positions_new        (guint              n_nodes,
                                       const double      *xy);
CsPositions  *cs_positions_new_moved  (const CsPositions *self,
                                       guint              node,
                                       double             x,
                                       double             y);
CsPositions  *cs_positions_ref        (CsPositions       *self);
void          cs_positions_unref      (CsPositions       *self);
guint         cs_positions_get_n_nodes (const CsPositions *self);
double        cs_positions_get_x      (const CsPositions *self,
                                       guint              node);
double        cs_positions_get_y      (const CsPositions *self,
                                       guint              node);
const double *cs_positions_get_xy     (const CsPositions *self);
void          cs_positions_get_bounds (const CsPositions *self,
                                       CsBounds          *bounds);
gboolean      cs_positions_equal      (const CsPositions *a,
                                       const CsPositions *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CsPositions, cs_positions_unref)

G_END_DECLS
