/* cs-layout.c
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
#include "cs-layout-overlap-private.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

G_DEFINE_QUARK (cs-layout-error-quark, cs_layout_error)

struct _CsLayoutParams
{
  CsLayoutAlgorithm  algorithm;
  guint32            seed;
  int                center;          /* star's centre, -1 for the best-connected node */
  CsPositions       *fixed_positions; /* nullable */
  gboolean          *fixed;           /* n_nodes flags, nullable */
  CsPositions       *initial;         /* where a re-layout starts, nullable */
  double            *radii;           /* n_radii, nullable */
  guint              n_radii;
  guint             *groups;          /* n_groups entries, nullable: the consortia layout's */
  guint              n_groups;
  gboolean           quick;           /* a first sketch: few steps, discs may overlap */
};

G_DEFINE_BOXED_TYPE (CsLayoutParams, cs_layout_params, cs_layout_params_copy, cs_layout_params_free)

/* How an algorithm's coordinates become world units: scaled so the median
 * edge is CS_LAYOUT_EDGE_LENGTH long, or already in edge lengths (the
 * algorithm spaced its nodes by their radii itself). */
typedef enum
{
  SCALE_MEDIAN_EDGE,
  SCALE_OWN,
} Scale;

enum
{
  SEEDED    = 1 << 0, /* the seed changes the picture */
  STARTABLE = 1 << 1, /* can start from the current positions and move little */
  BOUNDED   = 1 << 2, /* holds pinned nodes itself (igraph's bounds) */
};

static const struct
{
  const char *name;
  const char *alias;
  const char *description; /* marked with N_() */
  guint       flags;
  Scale       scale;
  guint       max_nodes; /* 0 for any size */
} algorithms[CS_N_LAYOUTS] = {
  [CS_LAYOUT_FRUCHTERMAN_REINGOLD] = {
    "fruchterman_reingold", "fr",
    /* TRANSLATORS: the layouts, as consortia --list-layouts and the window
     * describe them; a re-layout is laying the graph out again */
    N_("force-directed (Fruchterman–Reingold); a re-layout starts from the current positions"),
    SEEDED | STARTABLE | BOUNDED, SCALE_MEDIAN_EDGE },
  [CS_LAYOUT_KAMADA_KAWAI] = {
    "kamada_kawai", "kk",
    N_("spring model (Kamada–Kawai); even edge lengths; starts from the current positions "
       "(up to 2,000 nodes)"),
    /* not BOUNDED: igraph's Kamada–Kawai moves the most stressed node each
     * step, and when that node is held it stops for good. It keeps every
     * distance between two nodes, n², and its steps grow as n²: 5 s for
     * 2,000 nodes, 50 s for 5,000 */
    STARTABLE, SCALE_MEDIAN_EDGE, 2000 },
  [CS_LAYOUT_DRL] = {
    "drl", "drl", N_("DrL, force-directed for large graphs"),
    /* not STARTABLE: DrL refines in a scale of its own, and from positions
     * in ours it throws nodes thousands of edges away */
    SEEDED, SCALE_MEDIAN_EDGE },
  [CS_LAYOUT_CIRCLE] = {
    "circle", "circle", N_("every node on one circle, in file order"), 0, SCALE_OWN },
  [CS_LAYOUT_GRID] = {
    "grid", "grid", N_("nodes on a square grid, in file order"), 0, SCALE_OWN },
  [CS_LAYOUT_STAR] = {
    "star", "star",
    N_("the selected node (else the best-connected) in the middle, the rest around it"),
    0, SCALE_OWN },
  [CS_LAYOUT_MDS] = {
    "mds", "mds",
    N_("multidimensional scaling: distances on the page follow links (up to 2,000 nodes)"),
    /* every distance, n², and an eigenproblem on them: 5.6 s for 2,000
     * nodes, 130 s for 5,000 */
    0, SCALE_MEDIAN_EDGE, 2000 },
  [CS_LAYOUT_SUGIYAMA] = {
    "sugiyama", "layered",
    N_("layers from the top: ministry, programme, consortia, members, models"),
    0, SCALE_OWN },
  [CS_LAYOUT_CONSORTIA] = {
    "consortia", "teams",
    N_("a region per consortium, lead at its heart, members around, the programme in the "
       "middle; the default for graphs with consortia"),
    SEEDED, SCALE_OWN },
};


#define DRL_FULL_NODES 20000

/* Node radius when the caller gives none: as large as the renderer's
 * largest type (the programme's) with its bonus for links, so no disc the
 * default style draws overlaps another. */
#define DEFAULT_TYPE_RADIUS 22.0

/* Debian's igraph is built without thread-local storage: its error handler,
 * interruption handler and random generator are process-wide. One layout
 * runs at a time, under this lock. */
static GMutex igraph_lock;
static char igraph_reason[256];
static GCancellable *igraph_cancellable;

static void
cs_igraph_error_handler (const char     *reason,
                         const char     *file,
                         int             line,
                         igraph_error_t  igraph_errno)
{
  g_strlcpy (igraph_reason, reason != NULL ? reason : igraph_strerror (igraph_errno),
             sizeof igraph_reason);
  IGRAPH_FINALLY_FREE ();
}

static void
cs_igraph_warning_handler (const char *reason,
                           const char *file,
                           int         line)
{
  g_debug ("igraph: %s (%s:%d)", reason, file, line);
}

/* igraph 0.10.2's IGRAPH_ALLOW_INTERRUPTION() returns from the function
 * that asked, leaving what it pushed on the cleanup ("finally") stack:
 * pointers into a frame that is gone once the caller's error handler
 * frees them (seen as a double free inside reingold_tilford_circular).
 * Everything is unwound here, while those frames still exist; the
 * callers' error handlers then find the stack empty. */
static igraph_error_t
cs_igraph_interruption_handler (void *data)
{
  if (igraph_cancellable != NULL && g_cancellable_is_cancelled (igraph_cancellable))
    {
      IGRAPH_FINALLY_FREE ();
      return IGRAPH_INTERRUPTED;
    }
  return IGRAPH_SUCCESS;
}

static void
install_handlers (void)
{
  igraph_set_error_handler (cs_igraph_error_handler);
  igraph_set_warning_handler (cs_igraph_warning_handler);
  igraph_set_interruption_handler (cs_igraph_interruption_handler);
  igraph_reason[0] = '\0';
}

void
_cs_igraph_lock (void)
{
  g_mutex_lock (&igraph_lock);
  install_handlers ();
}

gboolean
_cs_igraph_trylock (void)
{
  if (!g_mutex_trylock (&igraph_lock))
    return FALSE;
  install_handlers ();
  return TRUE;
}

void
_cs_igraph_unlock (void)
{
  igraph_cancellable = NULL;
  g_mutex_unlock (&igraph_lock);
}

/* what interrupts the igraph call made under the lock; cleared by unlock */
void
_cs_igraph_set_cancellable (GCancellable *cancellable)
{
  igraph_cancellable = cancellable;
}

const char *
_cs_igraph_reason (void)
{
  return igraph_reason;
}

/**
 * cs_layout_get_library_version:
 *
 * Returns: "igraph X.Y.Z", the igraph in use
 */
const char *
cs_layout_get_library_version (void)
{
  static char version[64];
  static gsize ready;

  if (g_once_init_enter (&ready))
    {
      const char *text = NULL;

      igraph_version (&text, NULL, NULL, NULL);
      g_snprintf (version, sizeof version, "igraph %s", text != NULL ? text : "?");
      g_once_init_leave (&ready, 1);
    }
  return version;
}

const char *
cs_layout_algorithm_to_string (CsLayoutAlgorithm algorithm)
{
  g_return_val_if_fail (algorithm < CS_N_LAYOUTS, NULL);

  return algorithms[algorithm].name;
}

/**
 * cs_layout_algorithm_from_string:
 * @name: a name from `consortia --list-layouts`, or its short form
 * @algorithm: (out) (optional): the algorithm
 *
 * Returns: %TRUE when @name names a layout
 */
gboolean
cs_layout_algorithm_from_string (const char        *name,
                                 CsLayoutAlgorithm *algorithm)
{
  g_return_val_if_fail (name != NULL, FALSE);

  for (guint i = 0; i < CS_N_LAYOUTS; i++)
    {
      if (g_ascii_strcasecmp (name, algorithms[i].name) == 0 ||
          g_ascii_strcasecmp (name, algorithms[i].alias) == 0)
        {
          if (algorithm != NULL)
            *algorithm = i;
          return TRUE;
        }
    }
  return FALSE;
}

const char *
cs_layout_algorithm_get_description (CsLayoutAlgorithm algorithm)
{
  g_return_val_if_fail (algorithm < CS_N_LAYOUTS, NULL);

  return _(algorithms[algorithm].description);
}

/**
 * cs_layout_algorithm_get_max_nodes:
 * @algorithm: a layout algorithm
 *
 * Returns: the most nodes @algorithm lays out (it keeps something for every
 *   pair of nodes), or 0 when it takes a graph of any size
 */
guint
cs_layout_algorithm_get_max_nodes (CsLayoutAlgorithm algorithm)
{
  g_return_val_if_fail (algorithm < CS_N_LAYOUTS, 0);

  return algorithms[algorithm].max_nodes;
}

/**
 * cs_layout_algorithm_is_seeded:
 * @algorithm: a layout algorithm
 *
 * Returns: %TRUE when the seed changes what @algorithm draws; the others
 *   draw the same picture whatever the seed
 */
gboolean
cs_layout_algorithm_is_seeded (CsLayoutAlgorithm algorithm)
{
  g_return_val_if_fail (algorithm < CS_N_LAYOUTS, FALSE);

  return (algorithms[algorithm].flags & SEEDED) != 0;
}

/**
 * cs_layout_params_new:
 * @algorithm: the layout algorithm
 * @seed: the random seed; the same graph, parameters and seed always give
 *   the same positions
 *
 * Returns: (transfer full): new parameters with no fixed nodes
 */
CsLayoutParams *
cs_layout_params_new (CsLayoutAlgorithm algorithm,
                      guint32           seed)
{
  CsLayoutParams *self;

  g_return_val_if_fail (algorithm < CS_N_LAYOUTS, NULL);

  self = g_new0 (CsLayoutParams, 1);
  self->algorithm = algorithm;
  self->seed = seed;
  self->center = -1;
  return self;
}

/**
 * cs_layout_params_new_for_graph:
 * @graph: a #CsGraph
 *
 * Takes the algorithm and seed saved in @graph, else the defaults: the
 * consortia layout for a graph with consortium nodes, Fruchterman–Reingold
 * for any other. Every node that has a saved position is fixed, so the
 * file's positions are kept.
 *
 * Returns: (transfer full): new parameters
 */
CsLayoutParams *
cs_layout_params_new_for_graph (CsGraph *graph)
{
  CsLayoutAlgorithm algorithm;
  guint32 seed = CS_LAYOUT_DEFAULT_SEED;
  CsLayoutParams *self;
  const char *name;
  guint n_nodes;
  gboolean any_saved = FALSE;

  g_return_val_if_fail (CS_IS_GRAPH (graph), NULL);

  algorithm = cs_graph_count_type (graph, CS_NODE_TYPE_CONSORTIUM) > 0
                  ? CS_LAYOUT_CONSORTIA
                  : CS_LAYOUT_FRUCHTERMAN_REINGOLD;
  name = cs_graph_get_layout_algorithm (graph);
  if (name != NULL)
    cs_layout_algorithm_from_string (name, &algorithm);
  cs_graph_get_layout_seed (graph, &seed);
  self = cs_layout_params_new (algorithm, seed);

  n_nodes = cs_graph_get_n_nodes (graph);
  for (guint i = 0; i < n_nodes; i++)
    any_saved |= cs_graph_get_node (graph, i)->has_position;

  if (any_saved)
    {
      g_autofree double *xy = g_new0 (double, 2 * n_nodes);
      g_autofree gboolean *fixed = g_new0 (gboolean, n_nodes);
      g_autoptr(CsPositions) positions = NULL;

      for (guint i = 0; i < n_nodes; i++)
        {
          const CsNode *node = cs_graph_get_node (graph, i);

          fixed[i] = node->has_position;
          xy[2 * i] = node->x;
          xy[2 * i + 1] = node->y;
        }
      positions = cs_positions_new (n_nodes, xy);
      cs_layout_params_set_fixed (self, positions, fixed);
    }

  return self;
}

CsLayoutParams *
cs_layout_params_copy (const CsLayoutParams *self)
{
  CsLayoutParams *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = cs_layout_params_new (self->algorithm, self->seed);
  copy->center = self->center;
  if (self->fixed_positions != NULL)
    cs_layout_params_set_fixed (copy, self->fixed_positions, self->fixed);
  cs_layout_params_set_initial (copy, self->initial);
  cs_layout_params_set_radii (copy, self->n_radii, self->radii);
  cs_layout_params_set_groups (copy, self->n_groups, self->groups);
  copy->quick = self->quick;
  return copy;
}

void
cs_layout_params_free (CsLayoutParams *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->fixed_positions, cs_positions_unref);
  g_clear_pointer (&self->fixed, g_free);
  g_clear_pointer (&self->initial, cs_positions_unref);
  g_clear_pointer (&self->radii, g_free);
  g_clear_pointer (&self->groups, g_free);
  g_free (self);
}

static void
checksum_positions (GChecksum   *checksum,
                    CsPositions *positions)
{
  guint32 n = positions != NULL ? cs_positions_get_n_nodes (positions) : 0;

  g_checksum_update (checksum, (const guchar *)&n, sizeof n);
  if (n > 0)
    g_checksum_update (checksum, (const guchar *)cs_positions_get_xy (positions),
                       2 * n * sizeof (double));
}

/**
 * cs_layout_params_update_checksum:
 * @self: layout parameters
 * @checksum: a checksum being computed
 *
 * Adds everything @self holds that can change a layout to @checksum: two
 * parameters that add the same lay the same graph out alike.
 */
void
cs_layout_params_update_checksum (const CsLayoutParams *self,
                                  GChecksum            *checksum)
{
  gint32 header[5];
  guint32 n_fixed = self->fixed != NULL && self->fixed_positions != NULL
                        ? cs_positions_get_n_nodes (self->fixed_positions)
                        : 0;

  g_return_if_fail (self != NULL);
  g_return_if_fail (checksum != NULL);

  header[0] = self->algorithm;
  header[1] = (gint32)self->seed;
  header[2] = self->center;
  header[3] = self->quick;
  header[4] = (gint32)n_fixed;
  g_checksum_update (checksum, (const guchar *)header, sizeof header);
  if (n_fixed > 0)
    {
      checksum_positions (checksum, self->fixed_positions);
      for (guint i = 0; i < n_fixed; i++)
        {
          guchar flag = self->fixed[i] ? 1 : 0;

          g_checksum_update (checksum, &flag, 1);
        }
    }
  checksum_positions (checksum, self->initial);
  g_checksum_update (checksum, (const guchar *)&self->n_radii, sizeof self->n_radii);
  if (self->n_radii > 0)
    g_checksum_update (checksum, (const guchar *)self->radii, self->n_radii * sizeof (double));
  g_checksum_update (checksum, (const guchar *)&self->n_groups, sizeof self->n_groups);
  if (self->n_groups > 0)
    g_checksum_update (checksum, (const guchar *)self->groups, self->n_groups * sizeof (guint));
}

/**
 * cs_layout_params_set_groups:
 * @self: layout parameters
 * @n_nodes: the graph's nodes, or 0 to unset
 * @groups: (array length=n_nodes) (nullable): per node, a group from 0,
 *   or %G_MAXUINT for none
 *
 * The groups the consortia layout gathers, instead of the consortia the
 * graph's structure makes (an attribute chosen to outline the nodes by);
 * a node of no group joins the nearest one by links. The other layouts
 * leave them aside.
 */
void
cs_layout_params_set_groups (CsLayoutParams *self,
                             guint           n_nodes,
                             const guint    *groups)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (n_nodes == 0 || groups != NULL);

  g_clear_pointer (&self->groups, g_free);
  self->n_groups = 0;
  if (n_nodes > 0)
    {
      self->groups = g_memdup2 (groups, n_nodes * sizeof (guint));
      self->n_groups = n_nodes;
    }
}

CsLayoutAlgorithm
cs_layout_params_get_algorithm (const CsLayoutParams *self)
{
  g_return_val_if_fail (self != NULL, CS_LAYOUT_FRUCHTERMAN_REINGOLD);

  return self->algorithm;
}

void
cs_layout_params_set_algorithm (CsLayoutParams    *self,
                                CsLayoutAlgorithm  algorithm)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (algorithm < CS_N_LAYOUTS);

  self->algorithm = algorithm;
}

guint32
cs_layout_params_get_seed (const CsLayoutParams *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->seed;
}

void
cs_layout_params_set_seed (CsLayoutParams *self,
                           guint32         seed)
{
  g_return_if_fail (self != NULL);

  self->seed = seed;
}

/**
 * cs_layout_params_set_fixed:
 * @self: parameters
 * @positions: (nullable): positions of the graph's nodes, in world units
 * @fixed: (array) (nullable): one flag per node of @positions: %TRUE keeps
 *   the node at its position
 *
 * Fixed nodes keep their positions exactly, in every layout; the others
 * are placed by it. %NULL clears the set. The positions of nodes that are
 * not fixed are not read: a re-layout that should start from them also
 * sets them with cs_layout_params_set_initial().
 */
void
cs_layout_params_set_fixed (CsLayoutParams *self,
                            CsPositions    *positions,
                            const gboolean *fixed)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail ((positions == NULL) == (fixed == NULL));

  g_clear_pointer (&self->fixed_positions, cs_positions_unref);
  g_clear_pointer (&self->fixed, g_free);
  if (positions != NULL)
    {
      self->fixed_positions = cs_positions_ref (positions);
      self->fixed = g_memdup2 (fixed, MAX (cs_positions_get_n_nodes (positions), 1) *
                                          sizeof (gboolean));
    }
}

/**
 * cs_layout_params_set_initial:
 * @self: parameters
 * @positions: (nullable): the graph's current positions, in world units
 *
 * Makes the layout a re-layout that moves nodes as little as it must: the
 * force-directed layouts start from @positions and run cooler and shorter,
 * and every result is turned and shifted onto @positions as well as it
 * fits. %NULL lays out from scratch.
 */
void
cs_layout_params_set_initial (CsLayoutParams *self,
                              CsPositions    *positions)
{
  g_return_if_fail (self != NULL);

  if (positions != NULL)
    cs_positions_ref (positions);
  g_clear_pointer (&self->initial, cs_positions_unref);
  self->initial = positions;
}

/**
 * cs_layout_params_get_initial:
 * @self: parameters
 *
 * Returns: (transfer none) (nullable): the positions a re-layout starts from
 */
CsPositions *
cs_layout_params_get_initial (const CsLayoutParams *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->initial;
}

/**
 * cs_layout_params_set_center:
 * @self: parameters
 * @node: the node the star layout puts in the middle, or -1 for the
 *   best-connected node
 */
void
cs_layout_params_set_center (CsLayoutParams *self,
                             int             node)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (node >= -1);

  self->center = node;
}

/**
 * cs_layout_params_set_quick:
 * @self: parameters
 * @quick: whether a first sketch will do
 *
 * A sketch of the force-directed layout, to show a big graph while its
 * real layout runs: 30 steps instead of 500, and no pass that pulls
 * overlapping discs apart (about a twentieth of the time). Other
 * algorithms ignore it.
 */
void
cs_layout_params_set_quick (CsLayoutParams *self,
                            gboolean        quick)
{
  g_return_if_fail (self != NULL);

  self->quick = quick;
}

int
cs_layout_params_get_center (const CsLayoutParams *self)
{
  g_return_val_if_fail (self != NULL, -1);

  return self->center;
}

/**
 * cs_layout_params_set_radii:
 * @self: parameters
 * @n_radii: how many radii: the graph's number of nodes, or 0
 * @radii: (array length=n_radii) (nullable): each node's radius as drawn, in
 *   world units; %NULL for the default
 *
 * The overlap pass that ends every layout keeps discs of these radii (plus
 * %CS_LAYOUT_OVERLAP_GAP) apart, and the layouts that space nodes
 * themselves use them. Without radii, each node gets 22 world units plus
 * 1.2 √(min (degree, 60)): the renderer's largest, so the default style
 * never overlaps.
 */
void
cs_layout_params_set_radii (CsLayoutParams *self,
                            guint           n_radii,
                            const double   *radii)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (n_radii == 0 || radii != NULL);

  g_clear_pointer (&self->radii, g_free);
  self->n_radii = 0;
  if (radii == NULL || n_radii == 0)
    return;
  for (guint i = 0; i < n_radii; i++)
    g_return_if_fail (radii[i] >= 0 && isfinite (radii[i]));
  self->radii = g_memdup2 (radii, n_radii * sizeof (double));
  self->n_radii = n_radii;
}

static gboolean
is_fixed (const CsLayoutParams *params,
          guint                 node)
{
  return params->fixed != NULL && params->fixed[node];
}

static guint
count_fixed (const CsLayoutParams *params,
             guint                 n_nodes)
{
  guint n = 0;

  for (guint i = 0; i < n_nodes; i++)
    n += is_fixed (params, i);
  return n;
}

/* Layouts work on the simple undirected graph: claims that repeat an edge
 * must not pull twice as hard. */
static void
collect_edges (CsGraph             *graph,
               igraph_vector_int_t *edges)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint n_edges = cs_graph_get_n_edges (graph);

  g_array_set_size (keys, n_edges);
  for (guint i = 0; i < n_edges; i++)
    {
      const CsEdge *edge = cs_graph_get_edge (graph, i);
      guint a = MIN (edge->source, edge->target);
      guint b = MAX (edge->source, edge->target);
      gint64 *key = &g_array_index (keys, gint64, i);

      if (a == b)
        continue;
      *key = ((gint64)a << 32) | b;
      if (g_hash_table_contains (seen, key))
        continue;
      g_hash_table_add (seen, key);
      igraph_vector_int_push_back (edges, a);
      igraph_vector_int_push_back (edges, b);
    }
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *)a;
  double y = *(const double *)b;

  return (x > y) - (x < y);
}

static double
median_of (double *values,
           guint   n)
{
  if (n == 0)
    return 0;
  qsort (values, n, sizeof (double), compare_doubles);
  return values[n / 2];
}

/* the median length of the edges that have one, in the units of @res */
double
_cs_layout_median_length (const igraph_matrix_t     *res,
                          const igraph_vector_int_t *edges)
{
  igraph_integer_t n = igraph_vector_int_size (edges) / 2;
  g_autofree double *lengths = NULL;
  guint k = 0;

  if (n == 0)
    return 0;
  lengths = g_new (double, n);
  for (igraph_integer_t i = 0; i < n; i++)
    {
      igraph_integer_t a = VECTOR (*edges)[2 * i];
      igraph_integer_t b = VECTOR (*edges)[2 * i + 1];
      double d = hypot (MATRIX (*res, a, 0) - MATRIX (*res, b, 0),
                        MATRIX (*res, a, 1) - MATRIX (*res, b, 1));

      if (d > 0)
        lengths[k++] = d;
    }
  return median_of (lengths, k);
}

static double
median_length_xy (const double              *xy,
                  const igraph_vector_int_t *edges)
{
  igraph_integer_t n = igraph_vector_int_size (edges) / 2;
  g_autofree double *lengths = g_new (double, MAX (n, 1));
  guint k = 0;

  for (igraph_integer_t i = 0; i < n; i++)
    {
      igraph_integer_t a = VECTOR (*edges)[2 * i];
      igraph_integer_t b = VECTOR (*edges)[2 * i + 1];
      double d = hypot (xy[2 * a] - xy[2 * b], xy[2 * a + 1] - xy[2 * b + 1]);

      if (d > 0)
        lengths[k++] = d;
    }
  return median_of (lengths, k);
}

/* The turn and shift (no mirror, no scaling) that bring @xy closest to
 * @target over the nodes @use selects (all when NULL), least squares;
 * applied to every node of @xy. */
static void
align_rigidly (double            *xy,
               const CsPositions *target,
               const gboolean    *use,
               gboolean           use_value,
               guint              n)
{
  double px = 0, py = 0, qx = 0, qy = 0, a = 0, b = 0, c, s, tx, ty;
  guint m = 0;

  for (guint i = 0; i < n; i++)
    {
      if (use != NULL && !!use[i] != use_value)
        continue;
      px += xy[2 * i];
      py += xy[2 * i + 1];
      qx += cs_positions_get_x (target, i);
      qy += cs_positions_get_y (target, i);
      m++;
    }
  if (m == 0)
    return;
  px /= m, py /= m, qx /= m, qy /= m;
  for (guint i = 0; i < n; i++)
    {
      double ux, uy, vx, vy;

      if (use != NULL && !!use[i] != use_value)
        continue;
      ux = xy[2 * i] - px;
      uy = xy[2 * i + 1] - py;
      vx = cs_positions_get_x (target, i) - qx;
      vy = cs_positions_get_y (target, i) - qy;
      a += ux * vx + uy * vy;
      b += ux * vy - uy * vx;
    }
  if (a == 0 && b == 0)
    c = 1, s = 0;
  else
    {
      double h = hypot (a, b);

      c = a / h;
      s = b / h;
    }
  tx = qx - (c * px - s * py);
  ty = qy - (s * px + c * py);
  for (guint i = 0; i < n; i++)
    {
      double x = xy[2 * i], y = xy[2 * i + 1];

      xy[2 * i] = c * x - s * y + tx;
      xy[2 * i + 1] = s * x + c * y + ty;
    }
}

/* What one layout run needs, under the lock */
typedef struct
{
  CsGraph                   *graph;
  const CsLayoutParams      *params;
  const igraph_t            *g;
  const igraph_vector_int_t *edges;
  igraph_integer_t           n;
  guint                      n_fixed;
  gboolean                   start;  /* res holds the positions to start from */
  const double              *radii;  /* world units */
  double                     r_max;  /* world units */
} Job;

/* Fruchterman–Reingold from random positions, nothing fixed: igraph's
 * automatic choice keeps the exact O(n²) forces up to 1000 nodes (0.8 s
 * there, against 0.4 s for 5000 with the grid) */
igraph_error_t
_cs_layout_fr_free (const igraph_t  *graph,
                    igraph_matrix_t *res)
{
  igraph_integer_t n = igraph_vcount (graph);

  return igraph_layout_fruchterman_reingold (
      graph, res, /* use_seed = */ false, 500, sqrt ((double)n) / 10.0,
      n > 500 ? IGRAPH_LAYOUT_GRID : IGRAPH_LAYOUT_NOGRID, NULL, NULL, NULL, NULL, NULL);
}

static igraph_error_t
run_force (const Job       *job,
           igraph_matrix_t *res)
{
  const CsLayoutParams *params = job->params;
  igraph_vector_t minx, maxx, miny, maxy;
  gboolean bounded = job->n_fixed > 0 && (algorithms[params->algorithm].flags & BOUNDED);
  gboolean use_seed = job->start || bounded;
  igraph_integer_t n = job->n;
  igraph_error_t ret = IGRAPH_SUCCESS;

  if (bounded)
    {
      IGRAPH_VECTOR_INIT_FINALLY (&minx, n);
      IGRAPH_VECTOR_INIT_FINALLY (&maxx, n);
      IGRAPH_VECTOR_INIT_FINALLY (&miny, n);
      IGRAPH_VECTOR_INIT_FINALLY (&maxy, n);
      for (igraph_integer_t i = 0; i < n; i++)
        {
          if (is_fixed (params, i))
            {
              VECTOR (minx)[i] = VECTOR (maxx)[i] = MATRIX (*res, i, 0);
              VECTOR (miny)[i] = VECTOR (maxy)[i] = MATRIX (*res, i, 1);
            }
          else
            {
              VECTOR (minx)[i] = VECTOR (miny)[i] = -IGRAPH_INFINITY;
              VECTOR (maxx)[i] = VECTOR (maxy)[i] = IGRAPH_INFINITY;
            }
        }
    }

  if (params->algorithm == CS_LAYOUT_FRUCHTERMAN_REINGOLD)
    /* from the current positions: cooler and shorter, so nodes settle
     * where they are instead of starting over */
    ret = igraph_layout_fruchterman_reingold (
        job->g, res, use_seed, params->quick ? 30 : job->start ? 120 : 500,
        sqrt ((double)n) / 10.0 * (job->start ? 0.1 : 1.0),
        n > 500 ? IGRAPH_LAYOUT_GRID : IGRAPH_LAYOUT_NOGRID, NULL, bounded ? &minx : NULL,
        bounded ? &maxx : NULL, bounded ? &miny : NULL, bounded ? &maxy : NULL);
  else
    ret = igraph_layout_kamada_kawai (job->g, res, use_seed, (job->start ? 10 : 50) * n, 0.0,
                                      (double)n, NULL, bounded ? &minx : NULL,
                                      bounded ? &maxx : NULL, bounded ? &miny : NULL,
                                      bounded ? &maxy : NULL);

  if (bounded)
    {
      igraph_vector_destroy (&maxy);
      igraph_vector_destroy (&miny);
      igraph_vector_destroy (&maxx);
      igraph_vector_destroy (&minx);
      IGRAPH_FINALLY_CLEAN (4);
    }
  return ret;
}

/* the radius of a ring of @count nodes spaced a largest disc apart */
static double
ring_radius (const Job *job,
             guint      count)
{
  double spacing = 2 * job->r_max + CS_LAYOUT_OVERLAP_GAP;
  double r = CS_LAYOUT_EDGE_LENGTH;

  if (count >= 2)
    r = MAX (r, spacing / (2 * sin (G_PI / count)));
  return r / CS_LAYOUT_EDGE_LENGTH;
}

static void
scale_matrix (igraph_matrix_t  *res,
              igraph_integer_t  n,
              double            factor)
{
  for (igraph_integer_t i = 0; i < n; i++)
    {
      MATRIX (*res, i, 0) *= factor;
      MATRIX (*res, i, 1) *= factor;
    }
}

static guint
best_connected (CsGraph *graph)
{
  guint best = 0;

  for (guint i = 1; i < cs_graph_get_n_nodes (graph); i++)
    if (cs_graph_get_degree (graph, i) > cs_graph_get_degree (graph, best))
      best = i;
  return best;
}

static igraph_error_t
run_star (const Job       *job,
          igraph_matrix_t *res)
{
  int center = job->params->center;
  g_autofree guint *order = NULL;
  igraph_vector_int_t v;
  igraph_error_t ret;
  double r;

  if (center < 0 || center >= job->n)
    center = best_connected (job->graph);
  /* depth first from the centre: what hangs together sits together */
  order = _cs_layout_dfs_order (job->graph, center);
  IGRAPH_CHECK (igraph_vector_int_init (&v, job->n));
  for (igraph_integer_t i = 0; i < job->n; i++)
    VECTOR (v)[i] = order[i];
  ret = igraph_layout_star (job->g, res, center, &v);
  igraph_vector_int_destroy (&v);
  if (ret != IGRAPH_SUCCESS)
    return ret;

  r = ring_radius (job, job->n - 1);
  r = MAX (r, (job->radii[center] + job->r_max + CS_LAYOUT_OVERLAP_GAP) / CS_LAYOUT_EDGE_LENGTH);
  scale_matrix (res, job->n, r);
  return IGRAPH_SUCCESS;
}

static igraph_error_t
run_sugiyama (const Job       *job,
              igraph_matrix_t *res)
{
  g_autoptr(CsLayoutGroups) groups = _cs_layout_groups_new (job->graph);
  g_autofree guint *layers = _cs_layout_groups_layers (groups, job->graph);
  double hgap = (2 * job->r_max + CS_LAYOUT_OVERLAP_GAP) / CS_LAYOUT_EDGE_LENGTH;
  igraph_vector_int_t v;
  igraph_error_t ret;

  IGRAPH_CHECK (igraph_vector_int_init (&v, job->n));
  for (igraph_integer_t i = 0; i < job->n; i++)
    VECTOR (v)[i] = layers[i];
  /* layers further apart than nodes within one, so edges between them
   * have room to slope */
  ret = igraph_layout_sugiyama (job->g, res, NULL, NULL, &v, hgap, MAX (1.6, 2 * hgap), 100,
                                NULL);
  igraph_vector_int_destroy (&v);
  return ret;
}

static igraph_error_t
run_algorithm (const Job       *job,
               igraph_matrix_t *res)
{
  igraph_integer_t n = job->n;

  switch (job->params->algorithm)
    {
    case CS_LAYOUT_FRUCHTERMAN_REINGOLD:
    case CS_LAYOUT_KAMADA_KAWAI:
      return run_force (job, res);

    case CS_LAYOUT_DRL:
      {
        igraph_layout_drl_options_t options;

        IGRAPH_CHECK (igraph_layout_drl_options_init (&options, IGRAPH_LAYOUT_DRL_DEFAULT));
        /* DrL's phases run a fixed number of passes over every node (6.5
         * minutes for 100,000): past DRL_FULL_NODES nodes, fewer of them,
         * down to a fifth */
        if (n > DRL_FULL_NODES)
          {
            double f = MAX (0.2, (double)DRL_FULL_NODES / n);

            options.liquid_iterations = MAX (10, (igraph_integer_t)(options.liquid_iterations * f));
            options.expansion_iterations =
                MAX (10, (igraph_integer_t)(options.expansion_iterations * f));
            options.cooldown_iterations =
                MAX (10, (igraph_integer_t)(options.cooldown_iterations * f));
            options.crunch_iterations = MAX (10, (igraph_integer_t)(options.crunch_iterations * f));
            options.simmer_iterations = MAX (10, (igraph_integer_t)(options.simmer_iterations * f));
          }
        return igraph_layout_drl (job->g, res, /* use_seed = */ false, &options, NULL);
      }

    case CS_LAYOUT_CIRCLE:
      IGRAPH_CHECK (igraph_layout_circle (job->g, res, igraph_vss_all ()));
      scale_matrix (res, n, ring_radius (job, n));
      return IGRAPH_SUCCESS;

    case CS_LAYOUT_GRID:
      IGRAPH_CHECK (igraph_layout_grid (job->g, res, (igraph_integer_t)ceil (sqrt ((double)n))));
      scale_matrix (res, n,
                    MAX (CS_LAYOUT_EDGE_LENGTH, 2 * job->r_max + CS_LAYOUT_OVERLAP_GAP) /
                        CS_LAYOUT_EDGE_LENGTH);
      return IGRAPH_SUCCESS;

    case CS_LAYOUT_STAR:
      return run_star (job, res);

    case CS_LAYOUT_MDS:
      /* igraph's MDS needs more nodes than dimensions */
      if (n <= 2)
        {
          for (igraph_integer_t i = 0; i < n; i++)
            {
              MATRIX (*res, i, 0) = i;
              MATRIX (*res, i, 1) = 0;
            }
          return IGRAPH_SUCCESS;
        }
      return igraph_layout_mds (job->g, res, NULL, 2);

    case CS_LAYOUT_SUGIYAMA:
      return run_sugiyama (job, res);

    case CS_LAYOUT_CONSORTIA:
      return _cs_layout_consortia (job->graph, job->g, job->edges, job->radii,
                                   job->params->groups, res);

    case CS_N_LAYOUTS:
    default:
      g_assert_not_reached ();
    }
}

static double *
default_radii (CsGraph *graph)
{
  guint n = cs_graph_get_n_nodes (graph);
  double *radii = g_new (double, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    radii[i] = DEFAULT_TYPE_RADIUS + 1.2 * sqrt ((double)MIN (cs_graph_get_degree (graph, i), 60));
  return radii;
}

/**
 * cs_layout_run:
 * @graph: a #CsGraph
 * @params: the layout parameters
 * @cancellable: (nullable): cancels a long layout
 * @error: a %CS_LAYOUT_ERROR or %G_IO_ERROR_CANCELLED
 *
 * Places every node. The result is in world units (pixels at zoom 1), with a
 * typical edge about %CS_LAYOUT_EDGE_LENGTH long; fixed nodes keep their
 * positions exactly, and no two discs (of the radii in @params) overlap
 * unless two fixed ones do. With initial positions the result stays as
 * close to them as the layout allows. Deterministic for a given graph and
 * @params. May be called from any thread; layouts run one at a time.
 *
 * Returns: (transfer full) (nullable): the positions
 */
CsPositions *
cs_layout_run (CsGraph               *graph,
               const CsLayoutParams  *params,
               GCancellable          *cancellable,
               GError               **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autofree double *xy = NULL;
  g_autofree double *own_radii = NULL;
  const double *radii;
  igraph_vector_int_t edges;
  igraph_matrix_t res;
  igraph_t g;
  igraph_error_t ret;
  guint n_nodes, n_fixed, flags;
  gboolean start, held_by_bounds;
  Job job;
  double r_max = 0;

  g_return_val_if_fail (CS_IS_GRAPH (graph), NULL);
  g_return_val_if_fail (params != NULL, NULL);
  g_return_val_if_fail (params->fixed_positions == NULL ||
                        cs_positions_get_n_nodes (params->fixed_positions) ==
                        cs_graph_get_n_nodes (graph), NULL);
  g_return_val_if_fail (params->initial == NULL ||
                        cs_positions_get_n_nodes (params->initial) ==
                        cs_graph_get_n_nodes (graph), NULL);
  g_return_val_if_fail (params->radii == NULL ||
                        params->n_radii == cs_graph_get_n_nodes (graph), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  n_nodes = cs_graph_get_n_nodes (graph);
  n_fixed = count_fixed (params, n_nodes);
  flags = algorithms[params->algorithm].flags;

  if (n_nodes == 0)
    return cs_positions_new (0, NULL);
  if (n_fixed == n_nodes)
    return cs_positions_ref (params->fixed_positions);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  if (algorithms[params->algorithm].max_nodes > 0 &&
      n_nodes > algorithms[params->algorithm].max_nodes)
    {
      g_set_error (error, CS_LAYOUT_ERROR, CS_LAYOUT_ERROR_TOO_LARGE,
                   /* TRANSLATORS: a layout's name as typed on the command
                    * line ("kamada_kawai"), the most nodes it can lay out
                    * and the graph's nodes; fruchterman_reingold, drl and
                    * consortia are names of layouts, to type as they are */
                   _("Layout “%s” takes at most %u nodes and this graph has %u: it keeps every "
                     "distance between two nodes. Use fruchterman_reingold, drl or consortia."),
                   algorithms[params->algorithm].name, algorithms[params->algorithm].max_nodes,
                   n_nodes);
      return NULL;
    }

  radii = params->radii;
  if (radii == NULL)
    radii = own_radii = default_radii (graph);
  for (guint i = 0; i < n_nodes; i++)
    r_max = MAX (r_max, radii[i]);

  start = params->initial != NULL && (flags & STARTABLE);
  held_by_bounds = n_fixed > 0 && (flags & BOUNDED);

  locker = g_mutex_locker_new (&igraph_lock);
  install_handlers ();
  igraph_cancellable = cancellable;
  /* a layout the seed does not change draws the same whatever it is */
  igraph_rng_seed (igraph_rng_default (), (flags & SEEDED) ? params->seed : 0);

  if (igraph_vector_int_init (&edges, 0) != IGRAPH_SUCCESS)
    goto fail_early;
  collect_edges (graph, &edges);
  if (igraph_create (&g, &edges, n_nodes, IGRAPH_UNDIRECTED) != IGRAPH_SUCCESS)
    {
      igraph_vector_int_destroy (&edges);
      goto fail_early;
    }
  if (igraph_matrix_init (&res, n_nodes, 2) != IGRAPH_SUCCESS)
    {
      igraph_destroy (&g);
      igraph_vector_int_destroy (&edges);
      goto fail_early;
    }

  /* Layout coordinates are in edge lengths: a world position is divided by
   * the edge length on the way in and multiplied on the way out. */
  if (start)
    {
      for (guint i = 0; i < n_nodes; i++)
        {
          CsPositions *from = is_fixed (params, i) ? params->fixed_positions : params->initial;

          MATRIX (res, i, 0) = cs_positions_get_x (from, i) / CS_LAYOUT_EDGE_LENGTH;
          MATRIX (res, i, 1) = cs_positions_get_y (from, i) / CS_LAYOUT_EDGE_LENGTH;
        }
    }
  else if (held_by_bounds)
    {
      /* start free nodes near the centre of the fixed ones, spread by the seed */
      double cx = 0, cy = 0, r = sqrt ((double)n_nodes);

      for (guint i = 0; i < n_nodes; i++)
        if (is_fixed (params, i))
          {
            cx += cs_positions_get_x (params->fixed_positions, i) / CS_LAYOUT_EDGE_LENGTH / n_fixed;
            cy += cs_positions_get_y (params->fixed_positions, i) / CS_LAYOUT_EDGE_LENGTH / n_fixed;
          }
      for (guint i = 0; i < n_nodes; i++)
        {
          if (is_fixed (params, i))
            {
              MATRIX (res, i, 0) = cs_positions_get_x (params->fixed_positions, i) /
                                   CS_LAYOUT_EDGE_LENGTH;
              MATRIX (res, i, 1) = cs_positions_get_y (params->fixed_positions, i) /
                                   CS_LAYOUT_EDGE_LENGTH;
            }
          else
            {
              MATRIX (res, i, 0) = cx + RNG_UNIF (-r, r);
              MATRIX (res, i, 1) = cy + RNG_UNIF (-r, r);
            }
        }
    }

  job = (Job) {
    .graph = graph,
    .params = params,
    .g = &g,
    .edges = &edges,
    .n = n_nodes,
    .n_fixed = n_fixed,
    .start = start,
    .radii = radii,
    .r_max = r_max,
  };
  ret = run_algorithm (&job, &res);

  if (ret == IGRAPH_SUCCESS)
    {
      double median = _cs_layout_median_length (&res, &edges);
      double factor = CS_LAYOUT_EDGE_LENGTH;

      if (held_by_bounds)
        /* the fixed nodes set the scale */
        factor = CS_LAYOUT_EDGE_LENGTH;
      else if (start)
        {
          /* keep the scale the picture had */
          double before = median_length_xy (cs_positions_get_xy (params->initial), &edges);

          if (before > 0 && median > 0)
            factor = before / median;
        }
      else if (algorithms[params->algorithm].scale == SCALE_MEDIAN_EDGE && median > 0)
        /* bring every algorithm to the same typical edge length */
        factor = CS_LAYOUT_EDGE_LENGTH / median;

      xy = g_new (double, 2 * n_nodes);
      for (guint i = 0; i < n_nodes; i++)
        {
          xy[2 * i] = MATRIX (res, i, 0) * factor;
          xy[2 * i + 1] = MATRIX (res, i, 1) * factor;
        }

      /* onto the old picture, or onto the fixed nodes, as well as a turn
       * and a shift can put it; with nothing fixed, once the picture is
       * final (below) */
      if (!held_by_bounds && n_fixed > 0)
        {
          if (params->initial != NULL)
            align_rigidly (xy, params->initial, NULL, TRUE, n_nodes);
          else
            align_rigidly (xy, params->fixed_positions, params->fixed, TRUE, n_nodes);
        }

      for (guint i = 0; i < n_nodes; i++)
        {
          if (is_fixed (params, i))
            {
              xy[2 * i] = cs_positions_get_x (params->fixed_positions, i);
              xy[2 * i + 1] = cs_positions_get_y (params->fixed_positions, i);
            }
          if (!isfinite (xy[2 * i]) || !isfinite (xy[2 * i + 1]))
            {
              ret = IGRAPH_FAILURE;
              g_strlcpy (igraph_reason, _("the layout produced a non-finite coordinate"),
                         sizeof igraph_reason);
              break;
            }
        }
    }

  igraph_matrix_destroy (&res);
  igraph_destroy (&g);
  igraph_vector_int_destroy (&edges);
  igraph_cancellable = NULL;

  if (ret == IGRAPH_INTERRUPTED || g_cancellable_is_cancelled (cancellable))
    {
      g_cancellable_set_error_if_cancelled (cancellable, error);
      if (error != NULL && *error == NULL)
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Layout cancelled"));
      return NULL;
    }
  if (ret != IGRAPH_SUCCESS)
    {
      /* TRANSLATORS: a layout's name ("kamada_kawai") and why it failed */
      g_set_error (error, CS_LAYOUT_ERROR, CS_LAYOUT_ERROR_FAILED, _("Layout “%s” failed: %s"),
                   algorithms[params->algorithm].name,
                   igraph_reason[0] ? igraph_reason : igraph_strerror (ret));
      return NULL;
    }
  g_clear_pointer (&locker, g_mutex_locker_free);

  /* geometry only: igraph is free for the next job meanwhile. A fresh
   * picture is first zoomed out of its worst crowding, which keeps its
   * shape (and is what a re-layout of the same algorithm and seed gives
   * again); one refined from the current positions, or held by pinned
   * nodes, is only pushed apart where it must be. */
  if (n_fixed == 0 && !start)
    _cs_layout_zoom_to_fit (n_nodes, xy, radii, CS_LAYOUT_OVERLAP_GAP);
  if (!params->quick)
    cs_layout_remove_overlaps (n_nodes, xy, radii, params->fixed, CS_LAYOUT_OVERLAP_GAP);
  /* a turn and a shift keep discs apart: a re-layout with nothing fixed is
   * put onto the old picture last, so the same layout and seed give it
   * back exactly */
  if (n_fixed == 0 && params->initial != NULL)
    align_rigidly (xy, params->initial, NULL, TRUE, n_nodes);
  return cs_positions_new (n_nodes, xy);

fail_early:
  igraph_cancellable = NULL;
  /* TRANSLATORS: why the layout failed */
  g_set_error (error, CS_LAYOUT_ERROR, CS_LAYOUT_ERROR_FAILED, _("Layout failed: %s"),
               igraph_reason[0] ? igraph_reason : _("out of memory"));
  return NULL;
}

static void
layout_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  CsGraph *graph = g_object_get_data (G_OBJECT (task), "graph");
  const CsLayoutParams *params = task_data;
  GError *error = NULL;
  CsPositions *positions;

  positions = cs_layout_run (graph, params, cancellable, &error);
  if (positions == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, positions, (GDestroyNotify)cs_positions_unref);
}

/**
 * cs_layout_run_async:
 * @graph: a #CsGraph
 * @params: the layout parameters, copied
 * @cancellable: (nullable): a #GCancellable
 * @callback: called in the calling thread's main context when done
 * @user_data: data for @callback
 *
 * Runs cs_layout_run() in a worker thread.
 */
void
cs_layout_run_async (CsGraph              *graph,
                     const CsLayoutParams *params,
                     GCancellable         *cancellable,
                     GAsyncReadyCallback   callback,
                     gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (CS_IS_GRAPH (graph));
  g_return_if_fail (params != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, cs_layout_run_async);
  g_task_set_task_data (task, cs_layout_params_copy (params),
                        (GDestroyNotify)cs_layout_params_free);
  g_object_set_data_full (G_OBJECT (task), "graph", g_object_ref (graph), g_object_unref);
  g_task_run_in_thread (task, layout_thread);
}

/**
 * cs_layout_run_finish:
 * @result: the #GAsyncResult
 * @error: the error, as from cs_layout_run()
 *
 * Returns: (transfer full) (nullable): the positions
 */
CsPositions *
cs_layout_run_finish (GAsyncResult  *result,
                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
