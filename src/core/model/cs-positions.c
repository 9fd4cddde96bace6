/* cs-positions.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-positions.h"

#include <math.h>
#include <string.h>

struct _CsPositions
{
  gatomicrefcount  ref_count;
  guint            n_nodes;
  CsBounds         bounds;
  double           xy[]; /* x0 y0 x1 y1 … */
};

G_DEFINE_BOXED_TYPE (CsPositions, cs_positions, cs_positions_ref, cs_positions_unref)

static void
compute_bounds (CsPositions *self)
{
  CsBounds b = { 0, 0, 0, 0 };

  for (guint i = 0; i < self->n_nodes; i++)
    {
      double x = self->xy[2 * i];
      double y = self->xy[2 * i + 1];

      if (i == 0)
        b = (CsBounds) { x, y, x, y };
      b.x0 = MIN (b.x0, x);
      b.y0 = MIN (b.y0, y);
      b.x1 = MAX (b.x1, x);
      b.y1 = MAX (b.y1, y);
    }
  self->bounds = b;
}

static CsPositions *
positions_alloc (guint n_nodes)
{
  CsPositions *self = g_malloc0 (sizeof (CsPositions) + 2 * n_nodes * sizeof (double));

  g_atomic_ref_count_init (&self->ref_count);
  self->n_nodes = n_nodes;
  return self;
}

/**
 * cs_positions_new:
 * @n_nodes: the number of nodes
 * @xy: (array) (nullable): 2 × @n_nodes finite coordinates, x then y for each
 *   node; %NULL places every node at the origin
 *
 * Returns: (transfer full): new immutable positions holding a copy of @xy
 */
CsPositions *
cs_positions_new (guint         n_nodes,
                  const double *xy)
{
  CsPositions *self;

  for (guint i = 0; xy != NULL && i < 2 * n_nodes; i++)
    g_return_val_if_fail (isfinite (xy[i]), NULL);

  self = positions_alloc (n_nodes);
  if (xy != NULL)
    memcpy (self->xy, xy, 2 * n_nodes * sizeof (double));
  compute_bounds (self);
  return self;
}

/**
 * cs_positions_new_moved:
 * @self: positions
 * @node: the node to move
 * @x: its new x
 * @y: its new y
 *
 * Returns: (transfer full): a copy of @self with @node at (@x, @y)
 */
CsPositions *
cs_positions_new_moved (const CsPositions *self,
                        guint              node,
                        double             x,
                        double             y)
{
  CsPositions *copy;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (node < self->n_nodes, NULL);
  g_return_val_if_fail (isfinite (x) && isfinite (y), NULL);

  copy = positions_alloc (self->n_nodes);
  memcpy (copy->xy, self->xy, 2 * self->n_nodes * sizeof (double));
  copy->xy[2 * node] = x;
  copy->xy[2 * node + 1] = y;
  compute_bounds (copy);
  return copy;
}

CsPositions *
cs_positions_ref (CsPositions *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
cs_positions_unref (CsPositions *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    g_free (self);
}

guint
cs_positions_get_n_nodes (const CsPositions *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_nodes;
}

double
cs_positions_get_x (const CsPositions *self,
                    guint              node)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (node < self->n_nodes, 0);

  return self->xy[2 * node];
}

double
cs_positions_get_y (const CsPositions *self,
                    guint              node)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (node < self->n_nodes, 0);

  return self->xy[2 * node + 1];
}

/**
 * cs_positions_get_xy:
 * @self: positions
 *
 * Returns: (transfer none): 2 × n coordinates, x then y for each node
 */
const double *
cs_positions_get_xy (const CsPositions *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->xy;
}

/**
 * cs_positions_get_bounds:
 * @self: positions
 * @bounds: (out): the smallest box holding every node centre; all zero when
 *   there are no nodes
 */
void
cs_positions_get_bounds (const CsPositions *self,
                         CsBounds          *bounds)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (bounds != NULL);

  *bounds = self->bounds;
}

gboolean
cs_positions_equal (const CsPositions *a,
                    const CsPositions *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return a->n_nodes == b->n_nodes &&
         memcmp (a->xy, b->xy, 2 * a->n_nodes * sizeof (double)) == 0;
}
