/* cs-layout-consortia.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-layout.h"
#include "cs-layout-private.h"

#include "cs-cell-grid-private.h"
#include "cs-layout-groups-private.h"
#include "cs-layout-igraph-private.h"
#include "cs-layout-overlap.h"
#include "cs-layout-overlap-private.h"
#include "cs-layout-quality-private.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* The consortia layout: groups first, members second, composed from
 * igraph's layouts (none of its own forces).
 *
 * 1. The graph is read into groups (cs-layout-groups.c): a consortium with
 *    its lead and members and what hangs off them, an organisation of
 *    several consortia (a bridge) with what hangs off it, and the centre
 *    (programme and ministry).
 * 2. Each group is laid out alone, its consortium fixed at the heart and
 *    its lead held beside it: igraph's Fruchterman–Reingold from a radial
 *    tree (Reingold–Tilford) out of the heart and from random starts, the
 *    lead on each side in turn, the try with the fewest crossings kept,
 *    and Davidson–Harel's annealing (which counts crossings) on what still
 *    crosses.
 * 3. Kamada–Kawai on the graph of groups, each link as long as its two
 *    discs side by side, gives the order round the centre, settled by
 *    swaps so that consortia sharing members sit next to each other. Each
 *    consortium gets a sector of the ring as wide as its disc, so its spoke
 *    to the programme crosses no other team; the ring is then drawn in as
 *    far as the discs allow (small teams close, large ones further out).
 * 4. Bridges go between the groups they link, just outside their discs.
 *    Each group is turned (and mirrored when that is better) so that its
 *    links to other groups are as short as a turn makes them, then laid
 *    out again by Fruchterman–Reingold with each such link held by a fixed
 *    node in its direction, kept when that crosses less: members tied to a
 *    university or another team face it.
 * 5. The groups are drawn in towards the centre by their nodes, each as
 *    far as it goes without a node coming within a name's room of another
 *    group's, and the bridges follow.
 * 6. A small graph is composed a few times and the picture with the fewest
 *    crossings kept.
 *
 * Coordinates are in edge lengths throughout, and each group is scaled to a
 * median edge of one, so the result needs no scaling afterwards. */

#define GROUP_GAP 0.6 /* between two regions, in edge lengths */

/* Kamada–Kawai on the graph of groups keeps every distance between two
 * groups; past this many, Fruchterman–Reingold with its grid places them */
#define KK_MAX_GROUPS 600

/* sweeps of turning every group towards its links */
#define ORIENT_SWEEPS 6

/* A graph up to THOROUGH_MAX nodes is laid out thoroughly: each group
 * several ways and the clearest kept, and the whole composed
 * COMPOSE_TRIES times, the picture with the fewest crossings kept. A
 * larger one is laid out once, each step the first way, in fewer steps
 * and with igraph's grid for groups past FAST_NOGRID_MAX nodes, so its
 * time grows with its size like one Fruchterman–Reingold. */
#define THOROUGH_MAX    3000
#define COMPOSE_TRIES   6
#define FAST_STEPS      200
#define FAST_NOGRID_MAX 100

/* how hard a port pulls, against an edge inside the group, and how warm
 * that second layout runs */
#define PORT_PULL   0.5
static const double port_warmth[] = { 0.05, 0.15, 0.4, 1.0 };

typedef struct
{
  double  *xy;     /* heart at the origin */
  double   radius; /* how far its discs reach from the heart */
  double   unit;   /* an edge length in the units its layout came in */
  double   c, s;   /* its turn */
  gboolean mirror; /* mirrored (x → -x) before the turn */
} Local;

static double
radius_of (const double *radii,
           guint         node)
{
  return _CS_LAYOUT_RADIUS (radii, node);
}

/* The ways a group is laid out: from a radial tree out of its heart
 * (members on the first ring, what hangs off them further out, nothing
 * crossing) refined more or less warmly by Fruchterman–Reingold, or from
 * random positions. A group up to LOCAL_TRIES_MAX nodes is laid out each
 * way and the one with the fewest crossings kept; a larger one the first
 * way only. */
static const struct
{
  gboolean from_tree;
  double   warmth; /* times igraph's default first step */
} local_tries[] = {
  { TRUE, 0.1 },
  { TRUE, 0.3 },
  { TRUE, 1.0 },
  { FALSE, 1.0 },
  { FALSE, 1.0 },
  { FALSE, 1.0 },
  { FALSE, 1.0 },
  { FALSE, 1.0 },
  { FALSE, 1.0 },
  { FALSE, 1.0 },
  { FALSE, 1.0 },
  { FALSE, 1.0 },
};

#define LOCAL_TRIES_MAX 60

/* how far from its consortium the lead is held, in Fruchterman–Reingold's
 * units (about an edge) */
#define LEAD_STEP 0.8
/* and no nearer than this once in edge lengths */
#define LEAD_MIN  0.7

/* groups up to this size whose best try still crosses itself are annealed
 * by Davidson–Harel, which is quadratic in edges per step */
#define LOCAL_UNTANGLE_MAX 120
#define UNTANGLE_STEPS     30

/* @res in edge lengths (a median edge of one) about the heart, or about
 * the middle when there is none, into @xy */
static double
normalise (const igraph_matrix_t     *res,
           const igraph_vector_int_t *group_edges,
           guint                      heart,
           double                    *xy)
{
  igraph_integer_t m = igraph_matrix_nrow (res);
  double median = _cs_layout_median_length (res, group_edges), scale = 1, cx = 0, cy = 0;

  if (median > 0)
    scale = 1 / median;
  if (heart == G_MAXUINT)
    for (igraph_integer_t i = 0; i < m; i++)
      {
        cx += MATRIX (*res, i, 0) / m;
        cy += MATRIX (*res, i, 1) / m;
      }
  else
    {
      cx = MATRIX (*res, heart, 0);
      cy = MATRIX (*res, heart, 1);
    }
  for (igraph_integer_t i = 0; i < m; i++)
    {
      xy[2 * i] = (MATRIX (*res, i, 0) - cx) * scale;
      xy[2 * i + 1] = (MATRIX (*res, i, 1) - cy) * scale;
    }
  return 1 / scale;
}

/* the lead a little way from its consortium, whatever scale the layout
 * came in: the two discs and their rings apart, room for their names */
static void
keep_lead_apart (double *xy,
                 guint   lead)
{
  double d;

  if (lead == G_MAXUINT)
    return;
  d = hypot (xy[2 * lead], xy[2 * lead + 1]);
  if (d >= LEAD_MIN)
    return;
  if (d == 0)
    xy[2 * lead] = LEAD_MIN;
  else
    {
      xy[2 * lead] *= LEAD_MIN / d;
      xy[2 * lead + 1] *= LEAD_MIN / d;
    }
}

/* Lays out one group on its own. @group_edges holds its inner edges in
 * group-local indices; @local maps a node to its index in the group. */
static igraph_error_t
lay_out_group (const CsLayoutGroup       *group,
               gboolean                   thorough,
               const igraph_vector_int_t *group_edges,
               const guint               *local,
               const double              *radii,
               Local                     *out)
{
  guint m = group->nodes->len;
  guint n_edges = igraph_vector_int_size (group_edges) / 2;
  igraph_vector_t minx, maxx, miny, maxy, weights;
  igraph_matrix_t tree, tree_best, res;
  igraph_t sub;
  g_autofree guint *pairs = g_new (guint, 2 * MAX (n_edges, 1));
  g_autofree double *xy = g_new (double, 2 * m);
  guint heart = G_MAXUINT, lead = G_MAXUINT, n_turns;
  guint n_tries = thorough && m <= LOCAL_TRIES_MAX ? G_N_ELEMENTS (local_tries) : 1;
  double lead_x = 1, lead_y = 0;
  guint64 best = G_MAXUINT64;
  double unit;

  out->xy = g_new0 (double, 2 * m);
  out->unit = 1;
  out->c = 1;
  out->s = 0;
  out->mirror = FALSE;
  if (group->anchor != G_MAXUINT)
    heart = local[group->anchor];
  if (heart != G_MAXUINT && group->heart != group->anchor)
    lead = local[group->heart];
  if (m == 1)
    {
      out->radius = radius_of (radii, g_array_index (group->nodes, guint, 0));
      return IGRAPH_SUCCESS;
    }

  IGRAPH_VECTOR_INIT_FINALLY (&weights, n_edges);
  /* the lead stays beside its consortium, at the group's heart */
  for (guint e = 0; e < n_edges; e++)
    {
      guint a = g_array_index (group->nodes, guint, VECTOR (*group_edges)[2 * e]);
      guint b = g_array_index (group->nodes, guint, VECTOR (*group_edges)[2 * e + 1]);

      VECTOR (weights)[e] = (a == group->heart && b == group->anchor) ||
                                    (b == group->heart && a == group->anchor)
                                ? 4.0
                                : 1.0;
      pairs[2 * e] = VECTOR (*group_edges)[2 * e];
      pairs[2 * e + 1] = VECTOR (*group_edges)[2 * e + 1];
    }
  IGRAPH_CHECK (igraph_create (&sub, group_edges, m, IGRAPH_UNDIRECTED));
  IGRAPH_FINALLY (igraph_destroy, &sub);
  IGRAPH_MATRIX_INIT_FINALLY (&tree, m, 2);
  IGRAPH_MATRIX_INIT_FINALLY (&tree_best, m, 2);
  IGRAPH_MATRIX_INIT_FINALLY (&res, m, 2);
  IGRAPH_VECTOR_INIT_FINALLY (&minx, m);
  IGRAPH_VECTOR_INIT_FINALLY (&maxx, m);
  IGRAPH_VECTOR_INIT_FINALLY (&miny, m);
  IGRAPH_VECTOR_INIT_FINALLY (&maxy, m);

  if (heart != G_MAXUINT)
    {
      igraph_vector_int_t roots;

      IGRAPH_CHECK (igraph_vector_int_init (&roots, 1));
      IGRAPH_FINALLY (igraph_vector_int_destroy, &roots);
      VECTOR (roots)[0] = heart;
      IGRAPH_CHECK (igraph_layout_reingold_tilford_circular (&sub, &tree, IGRAPH_ALL, &roots,
                                                             NULL));
      igraph_vector_int_destroy (&roots);
      IGRAPH_FINALLY_CLEAN (1);
    }
  else
    IGRAPH_CHECK (igraph_layout_reingold_tilford_circular (&sub, &tree, IGRAPH_ALL, NULL, NULL));
  /* rings one apart hold a large group far tighter than Fruchterman–
   * Reingold spreads it (and its grid then finds crowded cells): the
   * tree spread as wide as igraph's own random start */
  {
    double reach = 0, stretch;

    for (guint i = 0; i < m; i++)
      reach = MAX (reach, hypot (MATRIX (tree, i, 0), MATRIX (tree, i, 1)));
    stretch = reach > 0 ? MAX (1, sqrt ((double)m) / 2 / reach) : 1;
    igraph_matrix_scale (&tree, stretch);
  }
  for (guint i = 0; i < m; i++)
    {
      VECTOR (minx)[i] = VECTOR (miny)[i] = -IGRAPH_INFINITY;
      VECTOR (maxx)[i] = VECTOR (maxy)[i] = IGRAPH_INFINITY;
    }
  if (heart != G_MAXUINT)
    {
      VECTOR (minx)[heart] = VECTOR (maxx)[heart] = 0;
      VECTOR (miny)[heart] = VECTOR (maxy)[heart] = 0;
    }
  /* the lead held a step from its consortium, the way the tree put it:
   * what hangs off it (its models, its people) spreads out from there
   * instead of drawing it away from the heart */
  if (lead != G_MAXUINT)
    {
      lead_x = MATRIX (tree, lead, 0);
      lead_y = MATRIX (tree, lead, 1);
      if (lead_x == 0 && lead_y == 0)
        lead_x = 1;
    }

  /* each way with the lead on each side of its consortium, until one
   * crosses nothing */
  n_turns = lead != G_MAXUINT && n_tries > 1 ? 4 : 1;
  for (guint u = 0; u < n_tries * n_turns && best > 0; u++)
    {
      double spread = sqrt ((double)m) / 2;
      guint64 crossings;
      guint t = u / n_turns;

      if (lead != G_MAXUINT)
        {
          double a = atan2 (lead_y, lead_x) + (u % n_turns) * G_PI / 2;

          VECTOR (minx)[lead] = VECTOR (maxx)[lead] = cos (a) * LEAD_STEP;
          VECTOR (miny)[lead] = VECTOR (maxy)[lead] = sin (a) * LEAD_STEP;
        }
      for (guint i = 0; i < m; i++)
        {
          if (local_tries[t].from_tree)
            {
              /* a hair of the seed, so no two nodes start on one spot */
              MATRIX (res, i, 0) = MATRIX (tree, i, 0) + RNG_UNIF (-0.01, 0.01);
              MATRIX (res, i, 1) = MATRIX (tree, i, 1) + RNG_UNIF (-0.01, 0.01);
            }
          else
            {
              MATRIX (res, i, 0) = RNG_UNIF (-spread, spread);
              MATRIX (res, i, 1) = RNG_UNIF (-spread, spread);
            }
        }
      if (heart != G_MAXUINT)
        MATRIX (res, heart, 0) = MATRIX (res, heart, 1) = 0;
      if (lead != G_MAXUINT)
        {
          MATRIX (res, lead, 0) = VECTOR (minx)[lead];
          MATRIX (res, lead, 1) = VECTOR (miny)[lead];
        }

      IGRAPH_CHECK (igraph_layout_fruchterman_reingold (
          &sub, &res, /* use_seed = */ true, thorough ? 500 : FAST_STEPS,
          sqrt ((double)m) / 10.0 * local_tries[t].warmth,
          m > (thorough ? 500 : FAST_NOGRID_MAX) ? IGRAPH_LAYOUT_GRID : IGRAPH_LAYOUT_NOGRID,
          &weights, &minx, &maxx, &miny, &maxy));

      unit = normalise (&res, group_edges, heart, xy);
      keep_lead_apart (xy, lead);
      crossings = n_tries * n_turns > 1
                      ? _cs_layout_quality_count_crossings_xy (n_edges, pairs, xy, NULL)
                      : 0;
      if (crossings < best)
        {
          best = crossings;
          out->unit = unit;
          memcpy (out->xy, xy, 2 * m * sizeof (double));
          IGRAPH_CHECK (igraph_matrix_update (&tree_best, &res));
        }
    }

  /* what crossings are left, Davidson–Harel's annealing (which counts
   * them) tries to undo from there */
  if (thorough && best > 0 && m <= LOCAL_UNTANGLE_MAX)
    {
      double density = 2.0 * n_edges / ((double)m * (m - 1));
      guint64 crossings;

      IGRAPH_CHECK (igraph_matrix_update (&res, &tree_best));
      IGRAPH_CHECK (igraph_layout_davidson_harel (
          &sub, &res, /* use_seed = */ true, UNTANGLE_STEPS, MAX (10, (igraph_integer_t)log2 (m)), 0.75,
          1.0, 0.0, density / 10, 1.0 - sqrt (density), 0.2 * (1 - density)));
      if (heart != G_MAXUINT)
        {
          double hx = MATRIX (res, heart, 0), hy = MATRIX (res, heart, 1);

          for (guint i = 0; i < m; i++)
            {
              MATRIX (res, i, 0) -= hx;
              MATRIX (res, i, 1) -= hy;
            }
        }
      unit = normalise (&res, group_edges, heart, xy);
      keep_lead_apart (xy, lead);
      crossings = _cs_layout_quality_count_crossings_xy (n_edges, pairs, xy, NULL);
      if (crossings < best)
        {
          out->unit = unit;
          memcpy (out->xy, xy, 2 * m * sizeof (double));
        }
    }

  out->radius = 0;
  for (guint i = 0; i < m; i++)
    out->radius = MAX (out->radius, hypot (out->xy[2 * i], out->xy[2 * i + 1]) +
                                        radius_of (radii, g_array_index (group->nodes, guint, i)));

  igraph_vector_destroy (&maxy);
  igraph_vector_destroy (&miny);
  igraph_vector_destroy (&maxx);
  igraph_vector_destroy (&minx);
  igraph_matrix_destroy (&res);
  igraph_matrix_destroy (&tree_best);
  igraph_matrix_destroy (&tree);
  igraph_destroy (&sub);
  igraph_vector_destroy (&weights);
  IGRAPH_FINALLY_CLEAN (9);
  return IGRAPH_SUCCESS;
}

/* where a node of group @local sits, turned and shifted to @cx, @cy */
static inline void
place (const Local *local,
       guint        i,
       double       cx,
       double       cy,
       double      *x,
       double      *y)
{
  double px = local->mirror ? -local->xy[2 * i] : local->xy[2 * i];
  double py = local->xy[2 * i + 1];

  *x = cx + local->c * px - local->s * py;
  *y = cy + local->s * px + local->c * py;
}

static int
compare_keys (const void *a,
              const void *b)
{
  guint64 x = *(const guint64 *)a, y = *(const guint64 *)b;

  return (x > y) - (x < y);
}

/* The links between groups, each pair once with how many edges it has */
typedef struct
{
  guint a, b;
  guint count;
} GroupLink;

static GArray *
collect_group_links (const CsLayoutGroups      *groups,
                     const igraph_vector_int_t *edges)
{
  igraph_integer_t n_edges = igraph_vector_int_size (edges) / 2;
  g_autofree guint64 *keys = g_new (guint64, MAX (n_edges, 1));
  GArray *links = g_array_new (FALSE, FALSE, sizeof (GroupLink));
  guint n_keys = 0;

  for (igraph_integer_t e = 0; e < n_edges; e++)
    {
      guint ga = groups->group[VECTOR (*edges)[2 * e]];
      guint gb = groups->group[VECTOR (*edges)[2 * e + 1]];

      if (ga != gb)
        keys[n_keys++] = ((guint64)MIN (ga, gb) << 32) | MAX (ga, gb);
    }
  qsort (keys, n_keys, sizeof (guint64), compare_keys);
  for (guint k = 0; k < n_keys;)
    {
      guint j = k;
      GroupLink link;

      while (j < n_keys && keys[j] == keys[k])
        j++;
      link.a = keys[k] >> 32;
      link.b = keys[k] & 0xffffffffu;
      link.count = j - k;
      g_array_append_val (links, link);
      k = j;
    }
  return links;
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

/* What an order round the ring costs: each tie between two groups times
 * how many places apart they are */
static double
order_cost (const Slot   *slots,
            guint         n_ring,
            const guint  *ring_index,
            const double *ties)
{
  double cost = 0;

  for (guint a = 0; a < n_ring; a++)
    for (guint b = a + 1; b < n_ring; b++)
      {
        double w = ties[ring_index[slots[a].group] * n_ring + ring_index[slots[b].group]];

        if (w > 0)
          cost += w * MIN (b - a, n_ring - (b - a));
      }
  return cost;
}

/* Swaps two groups while that brings tied groups closer round the ring:
 * Kamada–Kawai gives a good order, this settles what it leaves. */
static void
refine_order (Slot         *slots,
              guint         n_ring,
              const guint  *ring_index,
              const double *ties)
{
  double best = order_cost (slots, n_ring, ring_index, ties);
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
            cost = order_cost (slots, n_ring, ring_index, ties);
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

/* the swaps cost n⁴ in ring groups: a longer ring keeps the order of the
 * graph of groups */
#define REFINE_MAX_RING 32

/* Kamada–Kawai on the graph of groups, each link as long as the two discs
 * side by side: where each group lies from the centre */
static igraph_error_t
lay_out_group_graph (const Local *locals,
                     guint        n_groups,
                     GArray      *links,
                     double      *qxy)
{
  const GroupLink *link = (const GroupLink *)(gpointer)links->data;
  igraph_vector_int_t qedges;
  igraph_vector_t weights;
  igraph_matrix_t res;
  igraph_t q;

  IGRAPH_VECTOR_INT_INIT_FINALLY (&qedges, 2 * links->len);
  IGRAPH_VECTOR_INIT_FINALLY (&weights, links->len);
  for (guint l = 0; l < links->len; l++)
    {
      VECTOR (qedges)[2 * l] = link[l].a;
      VECTOR (qedges)[2 * l + 1] = link[l].b;
    }
  IGRAPH_CHECK (igraph_create (&q, &qedges, n_groups, IGRAPH_UNDIRECTED));
  IGRAPH_FINALLY (igraph_destroy, &q);
  IGRAPH_MATRIX_INIT_FINALLY (&res, n_groups, 2);

  if (n_groups <= KK_MAX_GROUPS)
    {
      /* Kamada–Kawai reads weights as lengths; groups with many links
       * between them come a little closer still */
      for (guint l = 0; l < links->len; l++)
        VECTOR (weights)[l] = (locals[link[l].a].radius + locals[link[l].b].radius + GROUP_GAP) /
                              (1 + 0.1 * log (link[l].count));
      IGRAPH_CHECK (igraph_layout_kamada_kawai (&q, &res, /* use_seed = */ false,
                                                50 * n_groups, 0.0, (double)n_groups,
                                                &weights, NULL, NULL, NULL, NULL));
    }
  else
    {
      /* Fruchterman–Reingold reads weights as pull */
      for (guint l = 0; l < links->len; l++)
        VECTOR (weights)[l] = 1 + log (link[l].count);
      IGRAPH_CHECK (igraph_layout_fruchterman_reingold (
          &q, &res, /* use_seed = */ false, 500, sqrt ((double)n_groups) / 10.0,
          IGRAPH_LAYOUT_GRID, &weights, NULL, NULL, NULL, NULL));
    }
  for (guint k = 0; k < n_groups; k++)
    {
      qxy[2 * k] = MATRIX (res, k, 0);
      qxy[2 * k + 1] = MATRIX (res, k, 1);
    }

  igraph_matrix_destroy (&res);
  igraph_destroy (&q);
  igraph_vector_destroy (&weights);
  igraph_vector_int_destroy (&qedges);
  IGRAPH_FINALLY_CLEAN (4);
  return IGRAPH_SUCCESS;
}

/* how far in the ring is drawn, in rounds of shrinking and packing */
#define COMPACT_ROUNDS 24
#define COMPACT_FACTOR 0.85

/* Each group's heart. The centre (programme and ministry) in the middle;
 * the consortia round it in the order the graph of groups gives, tied
 * ones (sharing members) next to each other, each in its own sector so
 * its spoke to the centre crosses no other group; the ring then drawn in
 * towards the centre as far as the discs let it, so small teams sit close
 * and large ones further out. An organisation of several consortia (a
 * bridge) is placed later, between them (orient_groups()). */
static igraph_error_t
place_groups (const CsLayoutGroups *groups,
              const Local          *locals,
              GArray               *links,
              double               *cxy)
{
  const GroupLink *link = (const GroupLink *)(gpointer)links->data;
  guint n_groups = groups->groups->len, centre = groups->centre, n_ring = 0;
  g_autofree double *qxy = g_new0 (double, 2 * n_groups);
  g_autofree double *disc = g_new (double, n_groups);
  g_autofree gboolean *held = g_new0 (gboolean, n_groups);
  g_autofree guint *ring_index = g_new (guint, n_groups);
  g_autofree Slot *slots = g_new0 (Slot, n_groups);
  double ox = 0, oy = 0, total = 0, theta, centre_radius = 0;

  for (guint k = 0; k < n_groups; k++)
    {
      const CsLayoutGroup *group = g_ptr_array_index (groups->groups, k);

      disc[k] = locals[k].radius;
      ring_index[k] = G_MAXUINT;
      if (k != centre && group->kind != CS_LAYOUT_GROUP_BRIDGE)
        {
          slots[n_ring].group = k;
          ring_index[k] = n_ring++;
        }
    }
  if (centre != G_MAXUINT)
    {
      centre_radius = disc[centre];
      held[centre] = TRUE;
    }
  if (n_groups > 1)
    IGRAPH_CHECK (lay_out_group_graph (locals, n_groups, links, qxy));
  if (n_ring == 0)
    return IGRAPH_SUCCESS;

  if (centre != G_MAXUINT)
    {
      ox = qxy[2 * centre];
      oy = qxy[2 * centre + 1];
    }
  else
    {
      for (guint r = 0; r < n_ring; r++)
        {
          ox += qxy[2 * slots[r].group] / n_ring;
          oy += qxy[2 * slots[r].group + 1] / n_ring;
        }
    }
  for (guint r = 0; r < n_ring; r++)
    slots[r].angle = atan2 (qxy[2 * slots[r].group + 1] - oy, qxy[2 * slots[r].group] - ox);
  qsort (slots, n_ring, sizeof (Slot), compare_slots);
  for (guint r = 0; r < n_ring; r++)
    ring_index[slots[r].group] = r;

  if (n_ring >= 4 && n_ring <= REFINE_MAX_RING)
    {
      /* two ring groups are tied by their links and by every bridge they
       * share */
      g_autofree double *ties = g_new0 (double, n_ring * n_ring);
      g_autofree GPtrArray **bridge_ties = g_new0 (GPtrArray *, n_groups);
      for (guint l = 0; l < links->len; l++)
        {
          guint a = link[l].a, b = link[l].b, ra = ring_index[a], rb = ring_index[b];

          if (ra != G_MAXUINT && rb != G_MAXUINT)
            {
              ties[ra * n_ring + rb] += link[l].count;
              ties[rb * n_ring + ra] += link[l].count;
            }
          else if (ra != G_MAXUINT || rb != G_MAXUINT)
            {
              guint bridge = ra == G_MAXUINT ? a : b, ring = ra == G_MAXUINT ? b : a;

              if (bridge == centre)
                continue;
              if (bridge_ties[bridge] == NULL)
                bridge_ties[bridge] = g_ptr_array_new ();
              g_ptr_array_add (bridge_ties[bridge], GUINT_TO_POINTER (ring_index[ring]));
            }
        }
      for (guint k = 0; k < n_groups; k++)
        {
          if (bridge_ties[k] == NULL)
            continue;
          for (guint i = 0; i < bridge_ties[k]->len; i++)
            for (guint j = i + 1; j < bridge_ties[k]->len; j++)
              {
                guint ra = GPOINTER_TO_UINT (g_ptr_array_index (bridge_ties[k], i));
                guint rb = GPOINTER_TO_UINT (g_ptr_array_index (bridge_ties[k], j));

                ties[ra * n_ring + rb] += 1;
                ties[rb * n_ring + ra] += 1;
              }
          g_ptr_array_unref (bridge_ties[k]);
        }
      refine_order (slots, n_ring, ring_index, ties);
    }

  /* sectors as wide as the groups, on the ring that holds them all */
  for (guint r = 0; r < n_ring; r++)
    total += 2 * disc[slots[r].group] + GROUP_GAP;
  theta = slots[0].angle - G_PI * (2 * disc[slots[0].group] + GROUP_GAP) / total;
  for (guint r = 0; r < n_ring; r++)
    {
      guint k = slots[r].group;
      double half = G_PI * (2 * disc[k] + GROUP_GAP) / total;
      double rho = MAX (centre_radius + GROUP_GAP + disc[k],
                        (disc[k] + GROUP_GAP / 2) / sin (MIN (half, G_PI / 2)));

      theta += half;
      cxy[2 * k] = rho * cos (theta);
      cxy[2 * k + 1] = rho * sin (theta);
      theta += half;
    }

  /* drawn in towards the centre, packed apart again, until it holds */
  for (guint round = 0; round < COMPACT_ROUNDS; round++)
    {
      g_autofree double *ring_xy = g_new (double, 2 * (n_ring + 1));
      g_autofree double *ring_disc = g_new (double, n_ring + 1);
      g_autofree gboolean *ring_held = g_new0 (gboolean, n_ring + 1);

      for (guint r = 0; r < n_ring; r++)
        {
          guint k = slots[r].group;

          ring_xy[2 * r] = cxy[2 * k] * COMPACT_FACTOR;
          ring_xy[2 * r + 1] = cxy[2 * k + 1] * COMPACT_FACTOR;
          ring_disc[r] = disc[k];
        }
      /* the centre's disc, which nothing enters */
      ring_xy[2 * n_ring] = ring_xy[2 * n_ring + 1] = 0;
      ring_disc[n_ring] = centre_radius;
      ring_held[n_ring] = TRUE;
      _cs_layout_separate (n_ring + 1, ring_xy, ring_disc, ring_held, GROUP_GAP, 400);
      for (guint r = 0; r < n_ring; r++)
        {
          guint k = slots[r].group;

          cxy[2 * k] = ring_xy[2 * r];
          cxy[2 * k + 1] = ring_xy[2 * r + 1];
        }
    }

  /* bridges start between the groups they link, refined later */
  {
    g_autofree double *sum = g_new0 (double, 3 * n_groups);

    for (guint l = 0; l < links->len; l++)
      for (guint side = 0; side < 2; side++)
        {
          guint k = side ? link[l].b : link[l].a, other = side ? link[l].a : link[l].b;

          if (ring_index[other] == G_MAXUINT)
            continue;
          sum[3 * k] += cxy[2 * other] * link[l].count;
          sum[3 * k + 1] += cxy[2 * other + 1] * link[l].count;
          sum[3 * k + 2] += link[l].count;
        }
    for (guint k = 0; k < n_groups; k++)
      {
        const CsLayoutGroup *group = g_ptr_array_index (groups->groups, k);

        if (group->kind == CS_LAYOUT_GROUP_BRIDGE && sum[3 * k + 2] > 0)
          {
            cxy[2 * k] = sum[3 * k] / sum[3 * k + 2];
            cxy[2 * k + 1] = sum[3 * k + 1] / sum[3 * k + 2];
          }
      }
  }
  return IGRAPH_SUCCESS;
}

/* Each group's edges to other groups: for group k, entries start[k] to
 * start[k + 1] of pairs, each its own node and the node outside */
typedef struct
{
  guint *start;
  guint *pairs;
} Outside;

static void
outside_init (Outside                   *self,
              const CsLayoutGroups      *groups,
              const igraph_vector_int_t *edges)
{
  guint n_groups = groups->groups->len, n_pairs = 0;
  igraph_integer_t n_edges = igraph_vector_int_size (edges) / 2;
  g_autofree guint *fill = NULL;

  self->start = g_new0 (guint, n_groups + 1);
  for (igraph_integer_t e = 0; e < n_edges; e++)
    {
      guint a = VECTOR (*edges)[2 * e], b = VECTOR (*edges)[2 * e + 1];

      if (groups->group[a] != groups->group[b])
        {
          self->start[groups->group[a] + 1]++;
          self->start[groups->group[b] + 1]++;
          n_pairs += 2;
        }
    }
  for (guint k = 0; k < n_groups; k++)
    self->start[k + 1] += self->start[k];
  fill = g_memdup2 (self->start, n_groups * sizeof (guint));
  self->pairs = g_new (guint, 2 * MAX (n_pairs, 1));
  for (igraph_integer_t e = 0; e < n_edges; e++)
    {
      guint a = VECTOR (*edges)[2 * e], b = VECTOR (*edges)[2 * e + 1];
      guint ga = groups->group[a], gb = groups->group[b];

      if (ga == gb)
        continue;
      self->pairs[2 * fill[ga]] = a;
      self->pairs[2 * fill[ga]++ + 1] = b;
      self->pairs[2 * fill[gb]] = b;
      self->pairs[2 * fill[gb]++ + 1] = a;
    }
}

static void
outside_clear (Outside *self)
{
  g_clear_pointer (&self->start, g_free);
  g_clear_pointer (&self->pairs, g_free);
}

static void
place_group (const CsLayoutGroup *group,
             const Local         *l,
             const double        *cxy,
             guint                k,
             double              *xy)
{
  for (guint i = 0; i < group->nodes->len; i++)
    {
      guint node = g_array_index (group->nodes, guint, i);

      place (l, i, cxy[2 * k], cxy[2 * k + 1], &xy[2 * node], &xy[2 * node + 1]);
    }
}

/* A bridge goes where its links pull it: between its consortia */
static void
centre_bridge (const CsLayoutGroups *groups,
               const Outside        *outside,
               const Local          *locals,
               guint                 k,
               const double         *xy,
               double               *cxy)
{
  const CsLayoutGroup *group = g_ptr_array_index (groups->groups, k);
  guint first = outside->start[k], last = outside->start[k + 1];
  double sx = 0, sy = 0;

  if (group->kind != CS_LAYOUT_GROUP_BRIDGE || first == last)
    return;
  for (guint p = first; p < last; p++)
    {
      sx += xy[2 * outside->pairs[2 * p + 1]];
      sy += xy[2 * outside->pairs[2 * p + 1] + 1];
    }
  sx /= last - first;
  sy /= last - first;
  /* outside the groups it links, at their edge: their members that it
   * ties reach it without crossing the rest */
  for (guint round = 0; round < 2; round++)
    for (guint p = first; p < last; p++)
      {
        guint g = groups->group[outside->pairs[2 * p + 1]];
        double dx = sx - cxy[2 * g], dy = sy - cxy[2 * g + 1], d = hypot (dx, dy);
        double reach = locals[g].radius + locals[k].radius + GROUP_GAP;

        if (g == k || d >= reach || ((const CsLayoutGroup *)g_ptr_array_index (groups->groups, g))->kind == CS_LAYOUT_GROUP_BRIDGE)
          continue;
        if (d == 0)
          dx = 1, dy = 0, d = 1;
        sx = cxy[2 * g] + dx / d * reach;
        sy = cxy[2 * g + 1] + dy / d * reach;
      }
  cxy[2 * k] = sx;
  cxy[2 * k + 1] = sy;
}

/* Turns each group about its heart (and mirrors it when that is better) so
 * that the edges it has to other groups are as short as a turn can make
 * them, least squares; every group in turn, a few sweeps. Bridges move
 * between the groups they link as those turn. */
static void
orient_groups (const CsLayoutGroups *groups,
               const Outside        *outside,
               const guint          *local,
               Local                *locals,
               double               *cxy,
               double               *xy)
{
  guint n_groups = groups->groups->len;

  for (guint sweep = 0; sweep < ORIENT_SWEEPS; sweep++)
    for (guint k = 0; k < n_groups; k++)
      {
        const CsLayoutGroup *group = g_ptr_array_index (groups->groups, k);
        Local *l = &locals[k];
        double best = -1;

        if (outside->start[k] == outside->start[k + 1])
          continue;
        centre_bridge (groups, outside, locals, k, xy, cxy);
        for (int mirror = 0; mirror < (group->nodes->len > 1 ? 2 : 0); mirror++)
          {
            double a = 0, b = 0, h;

            for (guint p = outside->start[k]; p < outside->start[k + 1]; p++)
              {
                guint i = local[outside->pairs[2 * p]], other = outside->pairs[2 * p + 1];
                double px = mirror ? -l->xy[2 * i] : l->xy[2 * i], py = l->xy[2 * i + 1];
                double wx = xy[2 * other] - cxy[2 * k], wy = xy[2 * other + 1] - cxy[2 * k + 1];

                a += px * wx + py * wy;
                b += px * wy - py * wx;
              }
            h = hypot (a, b);
            /* ties keep the group as it is */
            if (h > best * (1 + 1e-9))
              {
                best = h;
                l->mirror = mirror;
                if (h > 0)
                  l->c = a / h, l->s = b / h;
                else
                  l->c = 1, l->s = 0;
              }
          }
        place_group (group, l, cxy, k, xy);
      }
}

/* the crossings among a group's own edges and its edges to the others */
static guint64
group_crossings (const igraph_vector_int_t *group_edges,
                 const CsLayoutGroup       *group,
                 const Outside             *outside,
                 guint                      k,
                 const double              *xy)
{
  guint n_inner = igraph_vector_int_size (group_edges) / 2;
  guint n_out = outside->start[k + 1] - outside->start[k];
  g_autofree guint *pairs = g_new (guint, 2 * MAX (n_inner + n_out, 1));

  for (guint e = 0; e < n_inner; e++)
    {
      pairs[2 * e] = g_array_index (group->nodes, guint, VECTOR (*group_edges)[2 * e]);
      pairs[2 * e + 1] = g_array_index (group->nodes, guint, VECTOR (*group_edges)[2 * e + 1]);
    }
  memcpy (pairs + 2 * n_inner, outside->pairs + 2 * outside->start[k],
          2 * n_out * sizeof (guint));
  return _cs_layout_quality_count_crossings_xy (n_inner + n_out, pairs, xy, NULL);
}

/* how far past its disc a group's links to the others are anchored */
#define PORT_REACH 0.5

/* Lays a group out again where it now stands, with each of its links to
 * another group held by a fixed node in that direction (a port), so
 * members tied elsewhere move to the side facing it: the workers of a
 * university face the university. Fruchterman–Reingold in the group's own
 * units, from where the group is, cool; kept when it crosses less. */
static igraph_error_t
face_links (const CsLayoutGroups      *groups,
            gboolean                   thorough,
            const igraph_vector_int_t *group_edges,
            const Outside             *outside,
            guint                      k,
            const guint               *local,
            const double              *radii,
            Local                     *l,
            const double              *cxy,
            double                    *xy)
{
  const CsLayoutGroup *group = g_ptr_array_index (groups->groups, k);
  guint m = group->nodes->len, n_inner = igraph_vector_int_size (group_edges) / 2;
  guint first = outside->start[k], n_links = outside->start[k + 1] - first;
  guint total, heart = G_MAXUINT, n_ports = 0, n_tries;
  g_autoptr(GHashTable) port_of_group = g_hash_table_new (NULL, NULL);
  g_autofree guint *port = g_new (guint, MAX (n_links, 1));
  g_autofree double *aim = g_new0 (double, 3 * MAX (n_links, 1));
  igraph_vector_int_t sub_edges;
  igraph_vector_t minx, maxx, miny, maxy, weights;
  igraph_matrix_t res;
  igraph_t sub;
  g_autofree double *old_xy = g_new (double, 2 * m);
  g_autofree double *best_xy = g_new (double, 2 * m);
  guint64 before, after, best;
  double reach = l->radius + PORT_REACH, stretch;

  if (m < 3 || n_links == 0)
    return IGRAPH_SUCCESS;
  if (group->anchor != G_MAXUINT)
    heart = local[group->anchor];

  /* one port per group linked, towards the nodes it links there */
  for (guint p = 0; p < n_links; p++)
    {
      guint other = outside->pairs[2 * (first + p) + 1];
      gpointer key = GUINT_TO_POINTER (groups->group[other] + 1), value;

      if (!g_hash_table_lookup_extended (port_of_group, key, NULL, &value))
        {
          value = GUINT_TO_POINTER (n_ports++);
          g_hash_table_insert (port_of_group, key, value);
        }
      port[p] = GPOINTER_TO_UINT (value);
      aim[3 * port[p]] += xy[2 * other];
      aim[3 * port[p] + 1] += xy[2 * other + 1];
      aim[3 * port[p] + 2] += 1;
    }
  total = m + n_ports;
  /* in units where the group is as wide as igraph's random start, so its
   * grid finds few nodes per cell (see lay_out_group()) */
  stretch = MAX (1, sqrt ((double)total) / 2 / reach);

  IGRAPH_VECTOR_INT_INIT_FINALLY (&sub_edges, 2 * (n_inner + n_links));
  IGRAPH_VECTOR_INIT_FINALLY (&weights, n_inner + n_links);
  for (guint e = 0; e < n_inner; e++)
    {
      guint a = VECTOR (*group_edges)[2 * e], b = VECTOR (*group_edges)[2 * e + 1];
      guint na = g_array_index (group->nodes, guint, a);
      guint nb = g_array_index (group->nodes, guint, b);

      VECTOR (sub_edges)[2 * e] = a;
      VECTOR (sub_edges)[2 * e + 1] = b;
      VECTOR (weights)[e] = (na == group->heart && nb == group->anchor) ||
                                    (nb == group->heart && na == group->anchor)
                                ? 4.0
                                : 1.0;
    }
  for (guint p = 0; p < n_links; p++)
    {
      VECTOR (sub_edges)[2 * (n_inner + p)] = local[outside->pairs[2 * (first + p)]];
      VECTOR (sub_edges)[2 * (n_inner + p) + 1] = m + port[p];
      VECTOR (weights)[n_inner + p] = PORT_PULL;
    }
  IGRAPH_CHECK (igraph_create (&sub, &sub_edges, total, IGRAPH_UNDIRECTED));
  IGRAPH_FINALLY (igraph_destroy, &sub);
  IGRAPH_MATRIX_INIT_FINALLY (&res, total, 2);
  IGRAPH_VECTOR_INIT_FINALLY (&minx, total);
  IGRAPH_VECTOR_INIT_FINALLY (&maxx, total);
  IGRAPH_VECTOR_INIT_FINALLY (&miny, total);
  IGRAPH_VECTOR_INIT_FINALLY (&maxy, total);

  for (guint i = 0; i < m; i++)
    {
      guint node = g_array_index (group->nodes, guint, i);

      old_xy[2 * i] = best_xy[2 * i] = xy[2 * node];
      old_xy[2 * i + 1] = best_xy[2 * i + 1] = xy[2 * node + 1];
      VECTOR (minx)[i] = VECTOR (miny)[i] = -IGRAPH_INFINITY;
      VECTOR (maxx)[i] = VECTOR (maxy)[i] = IGRAPH_INFINITY;
    }
  for (guint p = 0; p < n_ports; p++)
    {
      double dx = aim[3 * p] / aim[3 * p + 2] - cxy[2 * k];
      double dy = aim[3 * p + 1] / aim[3 * p + 2] - cxy[2 * k + 1];
      double d = hypot (dx, dy), f = d > reach ? reach / d : 1;
      guint i = m + p;

      VECTOR (minx)[i] = VECTOR (maxx)[i] = dx * f * stretch;
      VECTOR (miny)[i] = VECTOR (maxy)[i] = dy * f * stretch;
    }
  if (heart != G_MAXUINT)
    {
      VECTOR (minx)[heart] = VECTOR (maxx)[heart] = 0;
      VECTOR (miny)[heart] = VECTOR (maxy)[heart] = 0;
      /* and its lead where it is, beside it */
      if (group->heart != group->anchor)
        {
          guint lead = local[group->heart];

          VECTOR (minx)[lead] = VECTOR (maxx)[lead] = (old_xy[2 * lead] - cxy[2 * k]) * stretch;
          VECTOR (miny)[lead] = VECTOR (maxy)[lead] =
              (old_xy[2 * lead + 1] - cxy[2 * k + 1]) * stretch;
        }
    }

  /* a large graph takes the first way as it comes; a large group in a
   * small one is laid out one way, kept if it crosses less */
  n_tries = thorough && m <= LOCAL_TRIES_MAX ? G_N_ELEMENTS (port_warmth) : 1;
  best = before = thorough ? group_crossings (group_edges, group, outside, k, xy) : G_MAXUINT64;
  for (guint t = 0; t < n_tries && best > 0; t++)
    {
      double median, f;

      for (guint i = 0; i < m; i++)
        {
          MATRIX (res, i, 0) = (old_xy[2 * i] - cxy[2 * k]) * stretch;
          MATRIX (res, i, 1) = (old_xy[2 * i + 1] - cxy[2 * k + 1]) * stretch;
        }
      for (guint i = m; i < total; i++)
        {
          MATRIX (res, i, 0) = VECTOR (minx)[i];
          MATRIX (res, i, 1) = VECTOR (miny)[i];
        }
      IGRAPH_CHECK (igraph_layout_fruchterman_reingold (
          &sub, &res, /* use_seed = */ true, thorough ? 300 : FAST_STEPS,
          sqrt ((double)total) / 10.0 * port_warmth[n_tries > 1 ? t : 1],
          total > (thorough ? 500 : FAST_NOGRID_MAX) ? IGRAPH_LAYOUT_GRID : IGRAPH_LAYOUT_NOGRID,
          &weights, &minx, &maxx, &miny, &maxy));
      /* back to a median edge of one about the heart: Fruchterman–Reingold
       * has a scale of its own */
      median = _cs_layout_median_length (&res, group_edges);
      f = median > 0 ? 1 / median : 1;
      for (guint i = 0; i < m; i++)
        {
          guint node = g_array_index (group->nodes, guint, i);

          xy[2 * node] = cxy[2 * k] + MATRIX (res, i, 0) * f;
          xy[2 * node + 1] = cxy[2 * k + 1] + MATRIX (res, i, 1) * f;
        }
      after = thorough ? group_crossings (group_edges, group, outside, k, xy) : 0;
      if (after < best)
        {
          best = after;
          for (guint i = 0; i < m; i++)
            {
              guint node = g_array_index (group->nodes, guint, i);

              best_xy[2 * i] = xy[2 * node];
              best_xy[2 * i + 1] = xy[2 * node + 1];
            }
        }
    }

  /* the best (or the group as it was) is its new local layout */
  l->c = 1, l->s = 0, l->mirror = FALSE;
  l->radius = 0;
  for (guint i = 0; i < m; i++)
    {
      guint node = g_array_index (group->nodes, guint, i);

      xy[2 * node] = best_xy[2 * i];
      xy[2 * node + 1] = best_xy[2 * i + 1];
      l->xy[2 * i] = xy[2 * node] - cxy[2 * k];
      l->xy[2 * i + 1] = xy[2 * node + 1] - cxy[2 * k + 1];
      l->radius = MAX (l->radius, hypot (l->xy[2 * i], l->xy[2 * i + 1]) + radius_of (radii, node));
    }
  after = best;

  igraph_vector_destroy (&maxy);
  igraph_vector_destroy (&miny);
  igraph_vector_destroy (&maxx);
  igraph_vector_destroy (&minx);
  igraph_matrix_destroy (&res);
  igraph_destroy (&sub);
  igraph_vector_destroy (&weights);
  igraph_vector_int_destroy (&sub_edges);
  IGRAPH_FINALLY_CLEAN (8);
  return IGRAPH_SUCCESS;
}

/* how near two nodes of different groups may come when the picture is
 * drawn together, past their discs, in edge lengths: room for names */
#define COMPACT_MARGIN 1.0
#define COMPACT_STEPS  16
#define COMPACT_STEP   0.9

typedef struct
{
  guint  group;
  double distance;
} ByDistance;

static int
compare_by_distance (const void *a,
                     const void *b)
{
  const ByDistance *x = a, *y = b;

  if (x->distance != y->distance)
    return (x->distance > y->distance) - (x->distance < y->distance);
  return (x->group > y->group) - (x->group < y->group);
}

/* Where the nodes stand while the groups are drawn in: cells of a fixed
 * size, each listing its nodes, kept up to date as a group moves (its
 * nodes leave their cells and join their new ones), so each step costs
 * the nodes once, not once per group. */
typedef struct
{
  GHashTable *cells; /* packed cell → GArray of node indices */
  double      cell;
} NodeCells;

static int
cell_coord (double value,
            double cell)
{
  double c = floor (value / cell);

  /* far-off values share the outermost cells, as CsCellGrid's do */
  return (int)CLAMP (c, -1e9, 1e9);
}

static gpointer
cell_key (int cx,
          int cy)
{
  return GSIZE_TO_POINTER (((guint64)(guint32)cx << 32) | (guint32)cy);
}

static guint
cell_hash (gconstpointer key)
{
  guint64 k = GPOINTER_TO_SIZE (key);

  return (guint)(k >> 32) * 73856093u ^ (guint)k * 19349663u;
}

static void
node_cells_init (NodeCells *self,
                 double     cell)
{
  self->cells = g_hash_table_new_full (cell_hash, g_direct_equal, NULL,
                                       (GDestroyNotify)g_array_unref);
  self->cell = cell;
}

static void
node_cells_clear (NodeCells *self)
{
  g_clear_pointer (&self->cells, g_hash_table_unref);
}

static void
node_cells_add (NodeCells *self,
                guint      node,
                double     x,
                double     y)
{
  gpointer key = cell_key (cell_coord (x, self->cell), cell_coord (y, self->cell));
  GArray *nodes = g_hash_table_lookup (self->cells, key);

  if (nodes == NULL)
    {
      nodes = g_array_new (FALSE, FALSE, sizeof (guint));
      g_hash_table_insert (self->cells, key, nodes);
    }
  g_array_append_val (nodes, node);
}

static void
node_cells_remove (NodeCells *self,
                   guint      node,
                   double     x,
                   double     y)
{
  GArray *nodes = g_hash_table_lookup (
      self->cells, cell_key (cell_coord (x, self->cell), cell_coord (y, self->cell)));

  for (guint i = 0; nodes != NULL && i < nodes->len; i++)
    if (g_array_index (nodes, guint, i) == node)
      {
        g_array_remove_index_fast (nodes, i);
        return;
      }
}

/* whether a node of group @k, moved by @dx, @dy, would come nearer than
 * the margin to a node of a group that stays */
static gboolean
collides (const CsLayoutGroups *groups,
          guint                 k,
          double                dx,
          double                dy,
          const double         *xy,
          const double         *radii,
          const NodeCells      *cells)
{
  const CsLayoutGroup *group = g_ptr_array_index (groups->groups, k);

  for (guint i = 0; i < group->nodes->len; i++)
    {
      guint node = g_array_index (group->nodes, guint, i);
      double x = xy[2 * node] + dx, y = xy[2 * node + 1] + dy;
      double r = radius_of (radii, node);
      int cx = cell_coord (x, cells->cell);
      int cy = cell_coord (y, cells->cell);

      for (int oy = -1; oy <= 1; oy++)
        for (int ox = -1; ox <= 1; ox++)
          {
            GArray *nodes = g_hash_table_lookup (cells->cells, cell_key (cx + ox, cy + oy));

            for (guint e = 0; nodes != NULL && e < nodes->len; e++)
              {
                guint other = g_array_index (nodes, guint, e);
                double need, ex, ey;

                if (groups->group[other] == k)
                  continue;
                need = r + radius_of (radii, other) + COMPACT_MARGIN;
                ex = xy[2 * other] - x;
                ey = xy[2 * other + 1] - y;
                if (ex * ex + ey * ey < need * need)
                  return TRUE;
              }
          }
    }
  return FALSE;
}

/* Draws the groups in towards the centre by their nodes, not their discs:
 * a disc is as wide as a group's farthest node, and most groups leave
 * room inside it. Nearest first, each group steps in along its ray while
 * none of its nodes comes within the margin of another group's; bridges
 * follow their groups afterwards (orient_groups()). */
static void
compact_groups (const CsLayoutGroups *groups,
                const double         *radii,
                double               *cxy,
                double               *xy)
{
  guint n = groups->n_nodes, n_groups = groups->groups->len, n_ring = 0;
  g_autofree ByDistance *ring = g_new (ByDistance, MAX (n_groups, 1));
  NodeCells cells;
  double r_max = 0;

  for (guint i = 0; i < n; i++)
    r_max = MAX (r_max, radius_of (radii, i));
  for (guint k = 0; k < n_groups; k++)
    {
      const CsLayoutGroup *group = g_ptr_array_index (groups->groups, k);

      if (k == groups->centre || group->kind == CS_LAYOUT_GROUP_BRIDGE)
        continue;
      ring[n_ring].group = k;
      ring[n_ring].distance = hypot (cxy[2 * k], cxy[2 * k + 1]);
      n_ring++;
    }
  qsort (ring, n_ring, sizeof (ByDistance), compare_by_distance);

  /* the others as they stand, bridges left out: they follow */
  node_cells_init (&cells, 2 * r_max + COMPACT_MARGIN);
  for (guint i = 0; i < n; i++)
    {
      const CsLayoutGroup *of = g_ptr_array_index (groups->groups, groups->group[i]);

      if (of->kind != CS_LAYOUT_GROUP_BRIDGE)
        node_cells_add (&cells, i, xy[2 * i], xy[2 * i + 1]);
    }
  for (guint step = 0; step < COMPACT_STEPS; step++)
    {
      gboolean moved = FALSE;

      for (guint r = 0; r < n_ring; r++)
        {
          guint k = ring[r].group;
          const CsLayoutGroup *group = g_ptr_array_index (groups->groups, k);
          double dx = cxy[2 * k] * (COMPACT_STEP - 1), dy = cxy[2 * k + 1] * (COMPACT_STEP - 1);

          if (collides (groups, k, dx, dy, xy, radii, &cells))
            continue;
          cxy[2 * k] += dx;
          cxy[2 * k + 1] += dy;
          for (guint i = 0; i < group->nodes->len; i++)
            {
              guint node = g_array_index (group->nodes, guint, i);

              node_cells_remove (&cells, node, xy[2 * node], xy[2 * node + 1]);
              xy[2 * node] += dx;
              xy[2 * node + 1] += dy;
              node_cells_add (&cells, node, xy[2 * node], xy[2 * node + 1]);
            }
          moved = TRUE;
        }
      if (!moved)
        break;
    }
  node_cells_clear (&cells);
}

/* One composition: every group laid out alone, the groups placed round
 * the centre, turned towards their links and laid out again facing them */
static igraph_error_t
compose (const CsLayoutGroups      *groups,
         gboolean                   thorough,
         const igraph_vector_int_t *group_edges,
         const guint               *local,
         GArray                    *links,
         const Outside             *outside,
         const double              *radii,
         Local                     *locals,
         double                    *cxy,
         double                    *xy)
{
  guint n_groups = groups->groups->len;

  for (guint k = 0; k < n_groups; k++)
    {
      g_clear_pointer (&locals[k].xy, g_free);
      IGRAPH_CHECK (lay_out_group (g_ptr_array_index (groups->groups, k), thorough,
                                   &group_edges[k], local, radii, &locals[k]));
    }
  IGRAPH_CHECK (place_groups (groups, locals, links, cxy));
  for (guint k = 0; k < n_groups; k++)
    place_group (g_ptr_array_index (groups->groups, k), &locals[k], cxy, k, xy);
  orient_groups (groups, outside, local, locals, cxy, xy);
  for (guint k = 0; k < n_groups; k++)
    IGRAPH_CHECK (face_links (groups, thorough, &group_edges[k], outside, k, local, radii,
                              &locals[k], cxy, xy));
  compact_groups (groups, radii, cxy, xy);
  orient_groups (groups, outside, local, locals, cxy, xy);
  return IGRAPH_SUCCESS;
}

/**
 * _cs_layout_consortia:
 * @graph: the graph
 * @g: the same graph for igraph, simple and undirected
 * @edges: its edges, as pairs of node indices
 * @radii: each node's radius, in world units
 * @partition: (nullable): per node, a group from 0 or %G_MAXUINT, to
 *   gather instead of the consortia (cs_layout_params_set_groups())
 * @res: (out): the positions, in edge lengths
 *
 * The consortia layout (see the top of this file). Without consortia (or
 * groups) it is Fruchterman–Reingold.
 *
 * Returns: an igraph error code
 */
igraph_error_t
_cs_layout_consortia (CsGraph                   *graph,
                      const igraph_t            *g,
                      const igraph_vector_int_t *edges,
                      const double              *radii,
                      const guint               *partition,
                      igraph_matrix_t           *res)
{
  g_autoptr(CsLayoutGroups) groups = partition != NULL
                                         ? _cs_layout_groups_new_from_partition (graph, partition)
                                         : _cs_layout_groups_new (graph);
  guint n = cs_graph_get_n_nodes (graph);
  guint n_groups = groups->groups->len;
  igraph_integer_t n_edges = igraph_vector_int_size (edges) / 2;
  g_autofree guint *local = g_new (guint, MAX (n, 1));
  g_autofree Local *locals = g_new0 (Local, MAX (n_groups, 1));
  g_autofree double *cxy = g_new0 (double, 2 * MAX (n_groups, 1));
  g_autofree double *xy = g_new0 (double, 2 * MAX (n, 1));
  g_autofree igraph_vector_int_t *group_edges = NULL;
  g_autoptr(GArray) links = NULL;
  g_autofree guint *pairs = g_new (guint, 2 * MAX (n_edges, 1));
  Outside outside = { NULL, NULL };
  igraph_error_t ret = IGRAPH_SUCCESS;
  guint n_done = 0, n_tries;
  gboolean thorough;
  guint64 best = 0;

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

  links = collect_group_links (groups, edges);
  outside_init (&outside, groups, edges);
  for (igraph_integer_t e = 0; e < n_edges; e++)
    {
      pairs[2 * e] = VECTOR (*edges)[2 * e];
      pairs[2 * e + 1] = VECTOR (*edges)[2 * e + 1];
    }

  /* a small graph is composed a few times, each from where the generator
   * stands, and the clearest kept */
  thorough = n <= THOROUGH_MAX;
  n_tries = thorough ? COMPOSE_TRIES : 1;
  for (guint t = 0; t < n_tries; t++)
    {
      guint64 crossings = 0;

      if ((ret = compose (groups, thorough, group_edges, local, links, &outside, radii, locals,
                          cxy, xy)) != IGRAPH_SUCCESS)
        goto out;
      if (n_tries > 1)
        crossings = _cs_layout_quality_count_crossings_xy (n_edges, pairs, xy, NULL);
      if (t == 0 || crossings < best)
        {
          best = crossings;
          for (guint i = 0; i < n; i++)
            {
              MATRIX (*res, i, 0) = xy[2 * i];
              MATRIX (*res, i, 1) = xy[2 * i + 1];
            }
        }
    }

out:
  outside_clear (&outside);
  for (guint k = 0; k < n_groups; k++)
    g_clear_pointer (&locals[k].xy, g_free);
  for (guint k = 0; k < n_done; k++)
    igraph_vector_int_destroy (&group_edges[k]);
  return ret;
}
