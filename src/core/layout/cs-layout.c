/* cs-layout.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-layout.h"
#include "cs-layout-private.h"

#include <igraph.h>
#include <math.h>
#include <string.h>

G_DEFINE_QUARK (cs-layout-error-quark, cs_layout_error)

struct _CsLayoutParams
{
  CsLayoutAlgorithm  algorithm;
  guint32            seed;
  CsPositions       *fixed_positions; /* nullable */
  gboolean          *fixed;           /* n_nodes flags, nullable */
};

G_DEFINE_BOXED_TYPE (CsLayoutParams, cs_layout_params, cs_layout_params_copy, cs_layout_params_free)

static const struct
{
  const char *name;
  const char *alias;
  const char *description;
} algorithms[CS_N_LAYOUTS] = {
  { "fruchterman_reingold", "fr",
    "force-directed (Fruchterman–Reingold); keeps pinned nodes; the default" },
  { "kamada_kawai", "kk", "spring model (Kamada–Kawai); even edge lengths; keeps pinned nodes" },
  { "drl", "drl", "DrL, for large graphs; pinned nodes are put back where they were" },
  { "circle", "circle", "every node on one circle" },
  { "grid", "grid", "nodes on a square grid, in file order" },
};

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

static igraph_error_t
cs_igraph_interruption_handler (void *data)
{
  if (igraph_cancellable != NULL && g_cancellable_is_cancelled (igraph_cancellable))
    return IGRAPH_INTERRUPTED;
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

  return algorithms[algorithm].description;
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
  return self;
}

/**
 * cs_layout_params_new_for_graph:
 * @graph: a #CsGraph
 *
 * Takes the algorithm and seed saved in @graph (or the defaults) and fixes
 * every node that has a saved position, so the file's positions are kept.
 *
 * Returns: (transfer full): new parameters
 */
CsLayoutParams *
cs_layout_params_new_for_graph (CsGraph *graph)
{
  CsLayoutAlgorithm algorithm = CS_LAYOUT_FRUCHTERMAN_REINGOLD;
  guint32 seed = CS_LAYOUT_DEFAULT_SEED;
  CsLayoutParams *self;
  const char *name;
  guint n_nodes;
  gboolean any_saved = FALSE;

  g_return_val_if_fail (CS_IS_GRAPH (graph), NULL);

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
  if (self->fixed_positions != NULL)
    cs_layout_params_set_fixed (copy, self->fixed_positions, self->fixed);
  return copy;
}

void
cs_layout_params_free (CsLayoutParams *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->fixed_positions, cs_positions_unref);
  g_clear_pointer (&self->fixed, g_free);
  g_free (self);
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
 * Nodes that are not fixed are placed by the layout. %NULL clears the set.
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
      self->fixed = g_memdup2 (fixed, cs_positions_get_n_nodes (positions) * sizeof (gboolean));
    }
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
median_edge_length (const igraph_matrix_t     *res,
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
  if (k == 0)
    return 0;
  qsort (lengths, k, sizeof (double), compare_doubles);
  return lengths[k / 2];
}

static igraph_error_t
run_igraph (const igraph_t       *g,
            const CsLayoutParams *params,
            igraph_integer_t      n_nodes,
            gboolean              have_fixed,
            igraph_matrix_t      *res)
{
  igraph_vector_t minx, maxx, miny, maxy;
  gboolean bounded = have_fixed && (params->algorithm == CS_LAYOUT_FRUCHTERMAN_REINGOLD ||
                                    params->algorithm == CS_LAYOUT_KAMADA_KAWAI);
  igraph_error_t ret = IGRAPH_SUCCESS;

  if (bounded)
    {
      IGRAPH_VECTOR_INIT_FINALLY (&minx, n_nodes);
      IGRAPH_VECTOR_INIT_FINALLY (&maxx, n_nodes);
      IGRAPH_VECTOR_INIT_FINALLY (&miny, n_nodes);
      IGRAPH_VECTOR_INIT_FINALLY (&maxy, n_nodes);
      for (igraph_integer_t i = 0; i < n_nodes; i++)
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

  switch (params->algorithm)
    {
    case CS_LAYOUT_FRUCHTERMAN_REINGOLD:
      ret = igraph_layout_fruchterman_reingold (
          g, res, /* use_seed = */ bounded, 500, sqrt ((double)n_nodes) / 10.0,
          /* igraph's automatic choice keeps the exact
           * O(n²) forces up to 1000 nodes: 0.8 s there,
           * against 0.4 s for 5000 with the grid */
          n_nodes > 500 ? IGRAPH_LAYOUT_GRID : IGRAPH_LAYOUT_NOGRID, NULL, bounded ? &minx : NULL,
          bounded ? &maxx : NULL, bounded ? &miny : NULL, bounded ? &maxy : NULL);
      break;

    case CS_LAYOUT_KAMADA_KAWAI:
      ret = igraph_layout_kamada_kawai (g, res, /* use_seed = */ bounded, 50 * n_nodes, 0.0,
                                        (double)n_nodes, NULL,
                                        bounded ? &minx : NULL, bounded ? &maxx : NULL,
                                        bounded ? &miny : NULL, bounded ? &maxy : NULL);
      break;

    case CS_LAYOUT_DRL:
      {
        igraph_layout_drl_options_t options;

        ret = igraph_layout_drl_options_init (&options, IGRAPH_LAYOUT_DRL_DEFAULT);
        if (ret == IGRAPH_SUCCESS)
          ret = igraph_layout_drl (g, res, /* use_seed = */ false, &options, NULL);
      }
      break;

    case CS_LAYOUT_CIRCLE:
      ret = igraph_layout_circle (g, res, igraph_vss_all ());
      break;

    case CS_LAYOUT_GRID:
      ret = igraph_layout_grid (g, res, (igraph_integer_t)ceil (sqrt ((double)n_nodes)));
      break;

    case CS_N_LAYOUTS:
    default:
      g_assert_not_reached ();
    }

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

/**
 * cs_layout_run:
 * @graph: a #CsGraph
 * @params: the layout parameters
 * @cancellable: (nullable): cancels a long layout
 * @error: a %CS_LAYOUT_ERROR or %G_IO_ERROR_CANCELLED
 *
 * Places every node. The result is in world units (pixels at zoom 1), with a
 * typical edge about %CS_LAYOUT_EDGE_LENGTH long; fixed nodes keep their
 * positions exactly. Deterministic for a given graph and @params. May be
 * called from any thread; layouts run one at a time.
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
  igraph_vector_int_t edges;
  igraph_matrix_t res;
  igraph_t g;
  igraph_error_t ret;
  guint n_nodes;
  guint n_fixed;
  double scale;

  g_return_val_if_fail (CS_IS_GRAPH (graph), NULL);
  g_return_val_if_fail (params != NULL, NULL);
  g_return_val_if_fail (params->fixed_positions == NULL ||
                        cs_positions_get_n_nodes (params->fixed_positions) ==
                        cs_graph_get_n_nodes (graph), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  n_nodes = cs_graph_get_n_nodes (graph);
  n_fixed = count_fixed (params, n_nodes);

  if (n_nodes == 0)
    return cs_positions_new (0, NULL);
  if (n_fixed == n_nodes)
    return cs_positions_ref (params->fixed_positions);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  locker = g_mutex_locker_new (&igraph_lock);
  install_handlers ();
  igraph_cancellable = cancellable;
  igraph_rng_seed (igraph_rng_default (), params->seed);

  /* Layout coordinates are in edge lengths: a fixed node's world position is
   * divided by the edge length on the way in and multiplied on the way out. */
  scale = CS_LAYOUT_EDGE_LENGTH;

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

  if (n_fixed > 0)
    {
      /* start free nodes near the centre of the fixed ones, spread by the seed */
      double cx = 0, cy = 0;

      for (guint i = 0; i < n_nodes; i++)
        {
          if (is_fixed (params, i))
            {
              cx += cs_positions_get_x (params->fixed_positions, i) / scale / n_fixed;
              cy += cs_positions_get_y (params->fixed_positions, i) / scale / n_fixed;
            }
        }
      for (guint i = 0; i < n_nodes; i++)
        {
          if (is_fixed (params, i))
            {
              MATRIX (res, i, 0) = cs_positions_get_x (params->fixed_positions, i) / scale;
              MATRIX (res, i, 1) = cs_positions_get_y (params->fixed_positions, i) / scale;
            }
          else
            {
              double r = sqrt ((double)n_nodes);

              MATRIX (res, i, 0) = cx + RNG_UNIF (-r, r);
              MATRIX (res, i, 1) = cy + RNG_UNIF (-r, r);
            }
        }
    }

  ret = run_igraph (&g, params, n_nodes, n_fixed > 0, &res);

  if (ret == IGRAPH_SUCCESS)
    {
      double median = median_edge_length (&res, &edges);
      double factor = scale;

      /* Without fixed nodes there is no scale to keep: bring every
       * algorithm to the same typical edge length. */
      if (n_fixed == 0 && median > 0)
        factor = scale / median;

      xy = g_new (double, 2 * n_nodes);
      for (guint i = 0; i < n_nodes; i++)
        {
          if (is_fixed (params, i))
            {
              xy[2 * i] = cs_positions_get_x (params->fixed_positions, i);
              xy[2 * i + 1] = cs_positions_get_y (params->fixed_positions, i);
            }
          else
            {
              xy[2 * i] = MATRIX (res, i, 0) * factor;
              xy[2 * i + 1] = MATRIX (res, i, 1) * factor;
            }
          if (!isfinite (xy[2 * i]) || !isfinite (xy[2 * i + 1]))
            {
              ret = IGRAPH_FAILURE;
              g_strlcpy (igraph_reason, "the layout produced a non-finite coordinate",
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
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "Layout cancelled");
      return NULL;
    }
  if (ret != IGRAPH_SUCCESS)
    {
      g_set_error (error, CS_LAYOUT_ERROR, CS_LAYOUT_ERROR_FAILED, "Layout “%s” failed: %s",
                   algorithms[params->algorithm].name,
                   igraph_reason[0] ? igraph_reason : igraph_strerror (ret));
      return NULL;
    }

  return cs_positions_new (n_nodes, xy);

fail_early:
  igraph_cancellable = NULL;
  g_set_error (error, CS_LAYOUT_ERROR, CS_LAYOUT_ERROR_FAILED, "Layout failed: %s",
               igraph_reason[0] ? igraph_reason : "out of memory");
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
