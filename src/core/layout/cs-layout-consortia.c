/* cs-layout-consortia.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-layout.h"
#include "cs-layout-private.h"

#include "cs-layout-groups-private.h"
#include "cs-layout-igraph-private.h"
#include "cs-layout-overlap.h"

#include <math.h>
#include <stdlib.h>

/* The consortia layout: groups first, members second.
 *
 * 1. The graph is read into groups (cs-layout-groups.c): a consortium with
 *    its lead and members and what hangs off them, an organisation of
 *    several consortia (a bridge) with what hangs off it, and the centre
 *    (programme and ministry).
 * 2. Each group is laid out alone by igraph's Fruchterman–Reingold, its
 *    lead fixed at the heart and the consortium node fixed just inside it,
 *    towards the centre, so members spread around the pair and models
 *    around their developers.
 * 3. igraph's Kamada–Kawai lays out the graph of groups (weighted by the
 *    links between them), which gives each group's direction from the
 *    centre: consortia that share members, and the bridges between them,
 *    come next to each other.
 * 4. The groups go round the centre in that order, on the smallest circle
 *    where none overlaps the next, each turned so its consortium node faces
 *    the programme: every team's link to the programme is a short spoke
 *    that crosses no other team.
 *
 * Coordinates are in edge lengths throughout, and each group is scaled to a
 * median edge of one, so the result needs no scaling afterwards. */

#define GROUP_GAP 0.6 /* between two regions, in edge lengths */

typedef struct
{
  double *xy;     /* heart at the origin, +y towards the centre */
  double  radius; /* how far its discs reach from the heart */
} Local;

static double
radius_of (const double *radii,
           guint         node)
{
  return _CS_LAYOUT_RADIUS (radii, node);
}

/* Lays out one group on its own. @group_edges holds its inner edges in
 * group-local indices; @local maps a node to its index in the group.
 * @towards_centre: whether to keep the side facing the centre clear. */
static igraph_error_t
lay_out_group (const CsLayoutGroup       *group,
               const igraph_vector_int_t *group_edges,
               const guint               *local,
               const double              *radii,
               CsGraph                   *graph,
               gboolean                   towards_centre,
               Local                     *out)
{
  guint m = group->nodes->len;
  /* the group's nodes, then one that stands for the centre */
  guint total = m + (towards_centre ? 1 : 0);
  g_autofree gboolean *fixed = g_new0 (gboolean, total);
  igraph_vector_int_t edges;
  igraph_vector_t minx, maxx, miny, maxy, weights;
  igraph_matrix_t res;
  igraph_t sub;
  double spread = sqrt ((double)m) / 2, median, scale = 1, cx = 0, cy = 0;
  guint heart = G_MAXUINT;

  out->xy = g_new0 (double, 2 * m);
  if (group->anchor != G_MAXUINT)
    heart = local[group->anchor];
  if (m == 1)
    {
      out->radius = radius_of (radii, g_array_index (group->nodes, guint, 0));
      return IGRAPH_SUCCESS;
    }

  IGRAPH_CHECK (igraph_vector_int_init_copy (&edges, group_edges));
  IGRAPH_FINALLY (igraph_vector_int_destroy, &edges);
  IGRAPH_VECTOR_INIT_FINALLY (&weights, igraph_vector_int_size (&edges) / 2);
  /* the lead stays beside its consortium, at the group's heart */
  for (igraph_integer_t e = 0; e < igraph_vector_size (&weights); e++)
    {
      guint a = g_array_index (group->nodes, guint, VECTOR (edges)[2 * e]);
      guint b = g_array_index (group->nodes, guint, VECTOR (edges)[2 * e + 1]);

      VECTOR (weights)[e] = (a == group->heart && b == group->anchor) ||
                                    (b == group->heart && a == group->anchor)
                                ? 4.0
                                : 1.0;
    }
  if (towards_centre && heart != G_MAXUINT)
    {
      IGRAPH_CHECK (igraph_vector_int_push_back (&edges, heart));
      IGRAPH_CHECK (igraph_vector_int_push_back (&edges, m));
      IGRAPH_CHECK (igraph_vector_push_back (&weights, 1.0));
    }
  IGRAPH_CHECK (igraph_create (&sub, &edges, total, IGRAPH_UNDIRECTED));
  IGRAPH_FINALLY (igraph_destroy, &sub);
  IGRAPH_MATRIX_INIT_FINALLY (&res, total, 2);
  IGRAPH_VECTOR_INIT_FINALLY (&minx, total);
  IGRAPH_VECTOR_INIT_FINALLY (&maxx, total);
  IGRAPH_VECTOR_INIT_FINALLY (&miny, total);
  IGRAPH_VECTOR_INIT_FINALLY (&maxy, total);

  for (guint i = 0; i < total; i++)
    {
      MATRIX (res, i, 0) = RNG_UNIF (-spread, spread);
      MATRIX (res, i, 1) = RNG_UNIF (-spread, spread);
    }
  if (heart != G_MAXUINT)
    {
      fixed[heart] = TRUE;
      MATRIX (res, heart, 0) = MATRIX (res, heart, 1) = 0;
    }
  if (towards_centre)
    {
      /* the programme's side, a little past where the members will be: its
       * push keeps that side clear for the team's link to the centre */
      fixed[m] = TRUE;
      MATRIX (res, m, 0) = 0;
      MATRIX (res, m, 1) = 0.5 + spread;
    }
  for (guint i = 0; i < total; i++)
    {
      if (fixed[i])
        {
          VECTOR (minx)[i] = VECTOR (maxx)[i] = MATRIX (res, i, 0);
          VECTOR (miny)[i] = VECTOR (maxy)[i] = MATRIX (res, i, 1);
        }
      else
        {
          VECTOR (minx)[i] = VECTOR (miny)[i] = -IGRAPH_INFINITY;
          VECTOR (maxx)[i] = VECTOR (maxy)[i] = IGRAPH_INFINITY;
        }
    }

  IGRAPH_CHECK (igraph_layout_fruchterman_reingold (
      &sub, &res, /* use_seed = */ true, 500, sqrt ((double)total) / 10.0,
      total > 500 ? IGRAPH_LAYOUT_GRID : IGRAPH_LAYOUT_NOGRID, &weights, &minx, &maxx, &miny,
      &maxy));

  /* one edge length per typical edge, about the heart (or the middle) */
  median = _cs_layout_median_length (&res, group_edges);
  if (median > 0)
    scale = 1 / median;
  if (heart == G_MAXUINT)
    {
      for (guint i = 0; i < m; i++)
        {
          cx += MATRIX (res, i, 0) / m;
          cy += MATRIX (res, i, 1) / m;
        }
    }
  out->radius = 0;
  for (guint i = 0; i < m; i++)
    {
      guint node = g_array_index (group->nodes, guint, i);

      out->xy[2 * i] = (MATRIX (res, i, 0) - cx) * scale;
      out->xy[2 * i + 1] = (MATRIX (res, i, 1) - cy) * scale;
      out->radius = MAX (out->radius, hypot (out->xy[2 * i], out->xy[2 * i + 1]) +
                                          radius_of (radii, node));
    }

  igraph_vector_destroy (&maxy);
  igraph_vector_destroy (&miny);
  igraph_vector_destroy (&maxx);
  igraph_vector_destroy (&minx);
  igraph_matrix_destroy (&res);
  igraph_destroy (&sub);
  igraph_vector_destroy (&weights);
  igraph_vector_int_destroy (&edges);
  IGRAPH_FINALLY_CLEAN (8);
  return IGRAPH_SUCCESS;
}

typedef struct
{
  guint  group;
  double angle;
} Slot;

static int
compare_slots (const void *a,
               const void *b)
{
  const Slot *x = a, *y = b;

  if (x->angle != y->angle)
    return (x->angle > y->angle) - (x->angle < y->angle);
  return (x->group > y->group) - (x->group < y->group);
}

static int
compare_keys (const void *a,
              const void *b)
{
  guint64 x = *(const guint64 *)a, y = *(const guint64 *)b;

  return (x > y) - (x < y);
}

/* What an order round the ring costs: each link between two groups times
 * how many places apart they are */
static double
order_cost (const Slot   *slots,
            guint         n_ring,
            const guint  *ring_index,
            const double *links)
{
  double cost = 0;

  for (guint a = 0; a < n_ring; a++)
    for (guint b = a + 1; b < n_ring; b++)
      {
        double w = links[ring_index[slots[a].group] * n_ring + ring_index[slots[b].group]];

        if (w > 0)
          cost += w * MIN (b - a, n_ring - (b - a));
      }
  return cost;
}

/* Swaps two groups while that brings linked groups closer round the
 * ring: Kamada–Kawai gives a good order, this settles what it leaves. */
static void
refine_order (Slot         *slots,
              guint         n_ring,
              const guint  *ring_index,
              const double *links)
{
  double best = order_cost (slots, n_ring, ring_index, links);
  gboolean better = TRUE;

  for (guint round = 0; better && round < 32; round++)
    {
      better = FALSE;
      for (guint a = 0; a < n_ring; a++)
        for (guint b = a + 1; b < n_ring; b++)
          {
            Slot t = slots[a];
            double cost;

            slots[a] = slots[b];
            slots[b] = t;
            cost = order_cost (slots, n_ring, ring_index, links);
            if (cost < best - 1e-9)
              {
                best = cost;
                better = TRUE;
              }
            else
              {
                slots[b] = slots[a];
                slots[a] = t;
              }
          }
    }
}

#define REFINE_MAX_RING 64

/* Each ring group's direction from the centre, from Kamada–Kawai on the
 * graph of groups: a link between two groups for every edge between them,
 * the more edges the shorter. */
static igraph_error_t
order_ring (const CsLayoutGroups      *groups,
            const igraph_vector_int_t *edges,
            const guint               *ring_index, /* group → ring slot or G_MAXUINT */
            Slot                      *slots,
            guint                      n_ring)
{
  guint centre = groups->centre;
  guint nq = n_ring + (centre != G_MAXUINT);
  igraph_integer_t n_edges = igraph_vector_int_size (edges) / 2;
  g_autofree guint64 *keys = g_new (guint64, MAX (n_edges, 1));
  igraph_vector_int_t qedges;
  igraph_vector_t weights;
  igraph_matrix_t res;
  igraph_t q;
  guint n_keys = 0;
  double ox = 0, oy = 0;

  for (igraph_integer_t e = 0; e < n_edges; e++)
    {
      guint ga = groups->group[VECTOR (*edges)[2 * e]];
      guint gb = groups->group[VECTOR (*edges)[2 * e + 1]];
      guint qa = ga == centre ? n_ring : ring_index[ga];
      guint qb = gb == centre ? n_ring : ring_index[gb];

      if (qa != qb)
        keys[n_keys++] = ((guint64)MIN (qa, qb) << 32) | MAX (qa, qb);
    }
  qsort (keys, n_keys, sizeof (guint64), compare_keys);

  IGRAPH_VECTOR_INT_INIT_FINALLY (&qedges, 0);
  IGRAPH_VECTOR_INIT_FINALLY (&weights, 0);
  for (guint k = 0; k < n_keys;)
    {
      guint j = k;

      while (j < n_keys && keys[j] == keys[k])
        j++;
      IGRAPH_CHECK (igraph_vector_int_push_back (&qedges, keys[k] >> 32));
      IGRAPH_CHECK (igraph_vector_int_push_back (&qedges, keys[k] & 0xffffffffu));
      /* Kamada–Kawai reads weights as lengths */
      IGRAPH_CHECK (igraph_vector_push_back (&weights, 1.0 / (j - k)));
      k = j;
    }
  IGRAPH_CHECK (igraph_create (&q, &qedges, nq, IGRAPH_UNDIRECTED));
  IGRAPH_FINALLY (igraph_destroy, &q);
  IGRAPH_MATRIX_INIT_FINALLY (&res, nq, 2);
  IGRAPH_CHECK (igraph_layout_kamada_kawai (&q, &res, /* use_seed = */ false, 50 * nq, 0.0,
                                            (double)nq, &weights, NULL, NULL, NULL, NULL));

  if (centre != G_MAXUINT)
    {
      ox = MATRIX (res, n_ring, 0);
      oy = MATRIX (res, n_ring, 1);
    }
  else
    {
      for (guint k = 0; k < n_ring; k++)
        {
          ox += MATRIX (res, k, 0) / n_ring;
          oy += MATRIX (res, k, 1) / n_ring;
        }
    }
  for (guint k = 0; k < n_ring; k++)
    slots[k].angle = atan2 (MATRIX (res, k, 1) - oy, MATRIX (res, k, 0) - ox);

  igraph_matrix_destroy (&res);
  igraph_destroy (&q);
  igraph_vector_destroy (&weights);
  igraph_vector_int_destroy (&qedges);
  IGRAPH_FINALLY_CLEAN (4);
  qsort (slots, n_ring, sizeof (Slot), compare_slots);

  if (n_ring >= 4 && n_ring <= REFINE_MAX_RING)
    {
      g_autofree double *links = g_new0 (double, n_ring * n_ring);

      for (guint k = 0; k < n_keys; k++)
        {
          guint qa = keys[k] >> 32, qb = keys[k] & 0xffffffffu;

          if (qb < n_ring)
            {
              links[qa * n_ring + qb] += 1;
              links[qb * n_ring + qa] += 1;
            }
        }
      refine_order (slots, n_ring, ring_index, links);
    }
  return IGRAPH_SUCCESS;
}

/* the angle a region of @radius takes on a ring of radius @rho */
static double
half_angle (double radius,
            double rho)
{
  return asin (MIN (1.0, (radius + GROUP_GAP / 2) / rho));
}

static double
ring_angles (const Local *locals,
             const Slot  *slots,
             guint        n_ring,
             double       rho)
{
  double sum = 0;

  for (guint k = 0; k < n_ring; k++)
    sum += 2 * half_angle (locals[slots[k].group].radius, rho);
  return sum;
}

/* the smallest ring that holds every region side by side, clear of the
 * centre */
static double
ring_radius (const Local *locals,
             const Slot  *slots,
             guint        n_ring,
             double       centre_radius)
{
  double lo = 0, hi, widest = 0, sum = 0;

  for (guint k = 0; k < n_ring; k++)
    {
      widest = MAX (widest, locals[slots[k].group].radius);
      sum += 2 * locals[slots[k].group].radius + GROUP_GAP;
    }
  lo = centre_radius + GROUP_GAP + widest;
  if (n_ring == 1 || ring_angles (locals, slots, n_ring, lo) <= 2 * G_PI)
    return lo;
  hi = lo + sum;
  for (guint i = 0; i < 60; i++)
    {
      double mid = (lo + hi) / 2;

      if (ring_angles (locals, slots, n_ring, mid) <= 2 * G_PI)
        hi = mid;
      else
        lo = mid;
    }
  return hi;
}

/**
 * _cs_layout_consortia:
 * @graph: the graph
 * @g: the same graph for igraph, simple and undirected
 * @edges: its edges, as pairs of node indices
 * @radii: each node's radius, in world units
 * @res: (out): the positions, in edge lengths
 *
 * The consortia layout (see the top of this file). Without consortia it is
 * Fruchterman–Reingold.
 *
 * Returns: an igraph error code
 */
igraph_error_t
_cs_layout_consortia (CsGraph                   *graph,
                      const igraph_t            *g,
                      const igraph_vector_int_t *edges,
                      const double              *radii,
                      igraph_matrix_t           *res)
{
  g_autoptr(CsLayoutGroups) groups = _cs_layout_groups_new (graph);
  guint n = cs_graph_get_n_nodes (graph);
  guint n_groups = groups->groups->len;
  igraph_integer_t n_edges = igraph_vector_int_size (edges) / 2;
  g_autofree guint *local = g_new (guint, MAX (n, 1));
  g_autofree guint *ring_index = g_new (guint, MAX (n_groups, 1));
  g_autofree Slot *slots = g_new0 (Slot, MAX (n_groups, 1));
  g_autofree Local *locals = g_new0 (Local, MAX (n_groups, 1));
  g_autofree igraph_vector_int_t *group_edges = NULL;
  igraph_error_t ret = IGRAPH_SUCCESS;
  double centre_radius = 0, rho = 0, slack, theta;
  guint n_ring = 0, n_done = 0;

  if (groups->n_consortia == 0)
    {
      double median;

      IGRAPH_CHECK (_cs_layout_fr_free (g, res));
      median = _cs_layout_median_length (res, edges);
      if (median > 0)
        for (guint i = 0; i < n; i++)
          {
            MATRIX (*res, i, 0) /= median;
            MATRIX (*res, i, 1) /= median;
          }
      return IGRAPH_SUCCESS;
    }

  for (guint k = 0; k < n_groups; k++)
    {
      const CsLayoutGroup *group = g_ptr_array_index (groups->groups, k);

      for (guint i = 0; i < group->nodes->len; i++)
        local[g_array_index (group->nodes, guint, i)] = i;
    }

  /* each group's own edges, in its own indices */
  group_edges = g_new0 (igraph_vector_int_t, n_groups);
  for (; n_done < n_groups; n_done++)
    if ((ret = igraph_vector_int_init (&group_edges[n_done], 0)) != IGRAPH_SUCCESS)
      goto out;
  for (igraph_integer_t e = 0; e < n_edges; e++)
    {
      guint a = VECTOR (*edges)[2 * e], b = VECTOR (*edges)[2 * e + 1];
      guint k = groups->group[a];

      if (k != groups->group[b])
        continue;
      if ((ret = igraph_vector_int_push_back (&group_edges[k], local[a])) != IGRAPH_SUCCESS ||
          (ret = igraph_vector_int_push_back (&group_edges[k], local[b])) != IGRAPH_SUCCESS)
        goto out;
    }

  for (guint k = 0; k < n_groups; k++)
    {
      if ((ret = lay_out_group (g_ptr_array_index (groups->groups, k), &group_edges[k], local,
                                radii, graph,
                                groups->centre != G_MAXUINT && k != groups->centre,
                                &locals[k])) != IGRAPH_SUCCESS)
        goto out;
      ring_index[k] = G_MAXUINT;
      if (k == groups->centre)
        centre_radius = locals[k].radius;
      else
        {
          slots[n_ring].group = k;
          ring_index[k] = n_ring++;
        }
    }

  if (n_ring > 0)
    {
      if ((ret = order_ring (groups, edges, ring_index, slots, n_ring)) != IGRAPH_SUCCESS)
        goto out;
      rho = ring_radius (locals, slots, n_ring, centre_radius);
    }

  /* round the ring from the first group's own direction, the room left
   * shared out evenly between neighbours */
  slack = n_ring > 0 ? (2 * G_PI - ring_angles (locals, slots, n_ring, rho)) / n_ring : 0;
  slack = MAX (slack, 0);
  theta = n_ring > 0 ? slots[0].angle : 0;
  for (guint s = 0; s <= n_ring; s++)
    {
      guint k;
      const CsLayoutGroup *group;
      double ux = 0, uy = -1, cx = 0, cy = 0;

      if (s < n_ring)
        {
          k = slots[s].group;
          if (s > 0)
            theta += half_angle (locals[slots[s - 1].group].radius, rho) + slack +
                     half_angle (locals[k].radius, rho);
          ux = cos (theta);
          uy = sin (theta);
          cx = rho * ux;
          cy = rho * uy;
        }
      else if (groups->centre != G_MAXUINT)
        k = groups->centre;
      else
        break;

      group = g_ptr_array_index (groups->groups, k);
      for (guint i = 0; i < group->nodes->len; i++)
        {
          guint node = g_array_index (group->nodes, guint, i);
          double x = locals[k].xy[2 * i], y = locals[k].xy[2 * i + 1];

          if (s == n_ring)
            {
              /* the centre as laid out */
              MATRIX (*res, node, 0) = x;
              MATRIX (*res, node, 1) = y;
              continue;
            }
          /* local x along the ring, local +y towards the centre */
          MATRIX (*res, node, 0) = cx + x * -uy + y * -ux;
          MATRIX (*res, node, 1) = cy + x * ux + y * -uy;
        }
    }

out:
  for (guint k = 0; k < n_groups; k++)
    g_free (locals[k].xy);
  for (guint k = 0; k < n_done; k++)
    igraph_vector_int_destroy (&group_edges[k]);
  return ret;
}
