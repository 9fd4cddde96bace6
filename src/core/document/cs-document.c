/* cs-document.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-document.h"
#include "cs-install.h"

#include "cs-import.h"
#include "cs-layout-cache.h"
#include "cs-metrics.h"
#include "cs-node-radii.h"
#include "cs-save.h"

#include <glib/gi18n-lib.h>
#include <math.h>

struct _CsDocument
{
  GObject            parent_instance;

  /* owned */
  GFile             *file;
  GFile             *nodes_file; /* nullable: the node table the graph was read with */
  CsGraph           *graph;
  CsPositions       *positions;
  GPtrArray         *problems;
  char              *title;
  gboolean          *pinned;     /* one flag per node */
  guint             *layout_groups; /* per node, nullable: what the consortia layout gathers */
  GPtrArray         *undo_stack; /* Move */
  GPtrArray         *redo_stack; /* Move */
  double            *betweenness; /* per node, once the worker has computed it */
  char              *metrics_error; /* why the metrics could not be had, nullable */
  GCancellable      *metrics_cancellable; /* the metrics worker running, nullable */
  guint              finishing;   /* the layout that follows a big graph's sketch, or 0 */
  guint              next_finishing;
  GCancellable      *finishing_cancellable;
  char              *etag;       /* of the file as read or last saved; nullable */

  /* state */
  guint              betweenness_sources; /* nodes its shortest paths were searched from */
  CsLayoutAlgorithm  algorithm;
  int                default_layout; /* a CsLayoutAlgorithm, or -1: the kind's own */
  guint32            seed;
  guint              busy;
  guint              saving;
  gboolean           file_is_ours; /* @file is of our format: read as one, or written by Save */
  guint64            next_serial;  /* for the next Move */
  guint64            saved_serial; /* the Move on top when last saved or opened; G_MAXUINT64:
                                    * never saved (a recovered document) */
  guint64            view_changes; /* counted by cs_document_mark_view_changed() */
  guint64            saved_view_changes;
  double             save_progress;
};

G_DEFINE_FINAL_TYPE (CsDocument, cs_document, G_TYPE_OBJECT)

/* One undoable step: some nodes moved, and maybe pinned. */
typedef struct
{
  guint64   serial; /* never 0: 0 is the empty stack */
  guint     n;
  guint    *nodes;
  double   *old_xy;
  double   *new_xy;
  gboolean *old_pinned;
  gboolean *new_pinned;
} Move;

static void
move_free (Move *move)
{
  g_free (move->nodes);
  g_free (move->old_xy);
  g_free (move->new_xy);
  g_free (move->old_pinned);
  g_free (move->new_pinned);
  g_free (move);
}

enum {
  PROP_0,
  PROP_FILE,
  PROP_GRAPH,
  PROP_POSITIONS,
  PROP_BUSY,
  PROP_TITLE,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_METRICS_READY,
  PROP_METRICS_PENDING,
  PROP_MODIFIED,
  PROP_SAVING,
  PROP_SAVE_PROGRESS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* what to read: a file, and how */
typedef struct
{
  GFile *file;
  GFile *nodes; /* nullable: the node table of a CSV edge list */
  guint  graph; /* of a file holding several, from 0 */
  int    default_layout;
} LoadRequest;

typedef struct
{
  GFile          *file;
  GFile          *nodes;     /* nullable: the node table of a CSV edge list */
  CsGraph        *graph;
  CsPositions    *positions;
  GPtrArray      *problems;
  CsLayoutParams *params;
  CsLayoutParams *final_params; /* nullable: the layout still to run, after a sketch */
  char           *cache_key;    /* nullable: the layout cache's name for this layout */
  char           *etag;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_clear_object (&data->file);
  g_clear_object (&data->nodes);
  g_clear_object (&data->graph);
  g_clear_pointer (&data->positions, cs_positions_unref);
  g_clear_pointer (&data->problems, g_ptr_array_unref);
  g_clear_pointer (&data->params, cs_layout_params_free);
  g_clear_pointer (&data->final_params, cs_layout_params_free);
  g_free (data->cache_key);
  g_free (data->etag);
  g_free (data);
}

static void
cs_document_finalize (GObject *object)
{
  CsDocument *self = (CsDocument *)object;

  g_clear_object (&self->file);
  g_clear_object (&self->nodes_file);
  g_clear_object (&self->graph);
  g_clear_pointer (&self->positions, cs_positions_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->pinned, g_free);
  g_clear_pointer (&self->layout_groups, g_free);
  g_clear_pointer (&self->undo_stack, g_ptr_array_unref);
  g_clear_pointer (&self->redo_stack, g_ptr_array_unref);
  g_clear_pointer (&self->betweenness, g_free);
  g_clear_pointer (&self->metrics_error, g_free);
  g_clear_pointer (&self->etag, g_free);

  G_OBJECT_CLASS (cs_document_parent_class)->finalize (object);
}

static void stop_finishing (CsDocument *self);

static void
cs_document_dispose (GObject *object)
{
  CsDocument *self = (CsDocument *)object;

  g_cancellable_cancel (self->metrics_cancellable);
  g_clear_object (&self->metrics_cancellable);
  stop_finishing (self);

  G_OBJECT_CLASS (cs_document_parent_class)->dispose (object);
}

static void
cs_document_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  CsDocument *self = CS_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    case PROP_GRAPH:
      g_value_set_object (value, self->graph);
      break;

    case PROP_POSITIONS:
      g_value_set_boxed (value, self->positions);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, self->busy > 0);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_CAN_UNDO:
      g_value_set_boolean (value, self->undo_stack->len > 0);
      break;

    case PROP_CAN_REDO:
      g_value_set_boolean (value, self->redo_stack->len > 0);
      break;

    case PROP_METRICS_READY:
      g_value_set_boolean (value, self->betweenness != NULL);
      break;

    case PROP_METRICS_PENDING:
      g_value_set_boolean (value, self->metrics_cancellable != NULL);
      break;

    case PROP_MODIFIED:
      g_value_set_boolean (value, cs_document_get_modified (self));
      break;

    case PROP_SAVING:
      g_value_set_boolean (value, self->saving > 0);
      break;

    case PROP_SAVE_PROGRESS:
      g_value_set_double (value, self->save_progress);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_document_class_init (CsDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cs_document_dispose;
  object_class->finalize = cs_document_finalize;
  object_class->get_property = cs_document_get_property;

  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_GRAPH] =
    g_param_spec_object ("graph", NULL, NULL, CS_TYPE_GRAPH,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_POSITIONS] =
    g_param_spec_boxed ("positions", NULL, NULL, CS_TYPE_POSITIONS,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_METRICS_READY] =
    g_param_spec_boolean ("metrics-ready", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_METRICS_PENDING] =
    g_param_spec_boolean ("metrics-pending", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * CsDocument:modified:
   *
   * Whether the document holds changes its file does not: nodes moved,
   * pinned or laid out (undoing back to the saved state clears it), or a
   * view change (cs_document_mark_view_changed()).
   */
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SAVING] =
    g_param_spec_boolean ("saving", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * CsDocument:save-progress:
   *
   * How much of the save running is written, 0 to 1.
   */
  properties[PROP_SAVE_PROGRESS] =
    g_param_spec_double ("save-progress", NULL, NULL, 0, 1, 0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cs_document_init (CsDocument *self)
{
  self->undo_stack = g_ptr_array_new_with_free_func ((GDestroyNotify)move_free);
  self->redo_stack = g_ptr_array_new_with_free_func ((GDestroyNotify)move_free);
  self->algorithm = CS_LAYOUT_FRUCHTERMAN_REINGOLD;
  self->default_layout = -1;
  self->seed = CS_LAYOUT_DEFAULT_SEED;
  self->next_serial = 1;
}

CsDocument *
cs_document_new (void)
{
  return g_object_new (CS_TYPE_DOCUMENT, NULL);
}

GFile *
cs_document_get_file (CsDocument *self)
{
  g_return_val_if_fail (CS_IS_DOCUMENT (self), NULL);

  return self->file;
}

/**
 * cs_document_get_graph:
 * @self: a #CsDocument
 *
 * Returns: (transfer none) (nullable): the open graph
 */
CsGraph *
cs_document_get_graph (CsDocument *self)
{
  g_return_val_if_fail (CS_IS_DOCUMENT (self), NULL);

  return self->graph;
}

/**
 * cs_document_get_positions:
 * @self: a #CsDocument
 *
 * Returns: (transfer none) (nullable): the positions of the open graph
 */
CsPositions *
cs_document_get_positions (CsDocument *self)
{
  g_return_val_if_fail (CS_IS_DOCUMENT (self), NULL);

  return self->positions;
}

/**
 * cs_document_get_problems:
 * @self: a #CsDocument
 *
 * Returns: (transfer none) (nullable): the warnings found when the open
 *   graph was loaded, as #CsProblem
 */
GPtrArray *
cs_document_get_problems (CsDocument *self)
{
  g_return_val_if_fail (CS_IS_DOCUMENT (self), NULL);

  return self->problems;
}

gboolean
cs_document_get_busy (CsDocument *self)
{
  g_return_val_if_fail (CS_IS_DOCUMENT (self), FALSE);

  return self->busy > 0;
}

const char *
cs_document_get_title (CsDocument *self)
{
  g_return_val_if_fail (CS_IS_DOCUMENT (self), NULL);

  return self->title;
}

CsLayoutAlgorithm
cs_document_get_algorithm (CsDocument *self)
{
  g_return_val_if_fail (CS_IS_DOCUMENT (self), CS_LAYOUT_FRUCHTERMAN_REINGOLD);

  return self->algorithm;
}

guint32
cs_document_get_seed (CsDocument *self)
{
  g_return_val_if_fail (CS_IS_DOCUMENT (self), 0);

  return self->seed;
}

static void
busy_push (CsDocument *self)
{
  if (self->busy++ == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
busy_pop (CsDocument *self)
{
  g_assert (self->busy > 0);

  if (--self->busy == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static guint64
top_serial (CsDocument *self)
{
  if (self->undo_stack->len == 0)
    return 0;
  return ((Move *)g_ptr_array_index (self->undo_stack, self->undo_stack->len - 1))->serial;
}

/**
 * cs_document_get_modified:
 * @self: a #CsDocument
 *
 * Returns: %TRUE when the document has changes its file does not have
 */
gboolean
cs_document_get_modified (CsDocument *self)
{
  g_return_val_if_fail (CS_IS_DOCUMENT (self), FALSE);

  if (self->graph == NULL)
    return FALSE;
  return top_serial (self) != self->saved_serial || self->view_changes != self->saved_view_changes;
}

/* Runs @change, and says so when it made the document modified or not */
#define TRACK_MODIFIED(self, change)                                          \
  G_STMT_START                                                                \
  {                                                                           \
    gboolean was_modified_ = cs_document_get_modified (self);                 \
    change;                                                                   \
    if (was_modified_ != cs_document_get_modified (self))                     \
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);  \
  }                                                                           \
  G_STMT_END

/**
 * cs_document_mark_view_changed:
 * @self: a #CsDocument
 *
 * Says that what the file's view records (filter, labels, sizing,
 * layers) changed, so the document differs from its file until saved.
 */
void
cs_document_mark_view_changed (CsDocument *self)
{
  g_return_if_fail (CS_IS_DOCUMENT (self));

  if (self->graph == NULL)
    return;
  TRACK_MODIFIED (self, self->view_changes++);
}

/**
 * cs_document_get_etag:
 * @self: a #CsDocument
 *
 * Returns: (nullable): the entity tag of the file as it was read or last
 *   saved: another program changed it when the one on disk differs
 */
const char *
cs_document_get_etag (CsDocument *self)
{
  g_return_val_if_fail (CS_IS_DOCUMENT (self), NULL);

  return self->etag;
}

/**
 * cs_document_get_save_progress:
 * @self: a #CsDocument
 *
 * Returns: how much of the save running is written, 0 to 1
 */
double
cs_document_get_save_progress (CsDocument *self)
{
  g_return_val_if_fail (CS_IS_DOCUMENT (self), 0);

  return self->save_progress;
}

/**
 * cs_document_get_saving:
 * @self: a #CsDocument
 *
 * Returns: %TRUE while a save runs
 */
gboolean
cs_document_get_saving (CsDocument *self)
{
  g_return_val_if_fail (CS_IS_DOCUMENT (self), FALSE);

  return self->saving > 0;
}

/**
 * cs_document_get_can_save_in_place:
 * @self: a #CsDocument
 *
 * Returns: %TRUE when Save writes the open file: it is a file of our own
 *   format (read as one, or written by a save) and not the bundled graph;
 *   else Save asks where (Save As), never writing over a file of another
 *   program's format
 */
gboolean
cs_document_get_can_save_in_place (CsDocument *self)
{
  g_autofree char *bundled = NULL;
  g_autoptr(GFile) bundled_file = NULL;

  g_return_val_if_fail (CS_IS_DOCUMENT (self), FALSE);

  if (self->file == NULL || self->graph == NULL || !self->file_is_ours)
    return FALSE;
  bundled = cs_document_find_bundled_graph ();
  bundled_file = g_file_new_for_path (bundled);
  return !g_file_equal (self->file, bundled_file);
}

static void
set_positions (CsDocument  *self,
               CsPositions *positions)
{
  if (self->positions == positions)
    return;

  g_clear_pointer (&self->positions, cs_positions_unref);
  self->positions = positions != NULL ? cs_positions_ref (positions) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITIONS]);
}

static void
notify_stacks (CsDocument *self,
               gboolean    could_undo,
               gboolean    could_redo)
{
  if (could_undo != (self->undo_stack->len > 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (could_redo != (self->redo_stack->len > 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

static void
set_stacks_empty (CsDocument *self)
{
  gboolean could_undo = self->undo_stack->len > 0;
  gboolean could_redo = self->redo_stack->len > 0;

  g_ptr_array_set_size (self->undo_stack, 0);
  g_ptr_array_set_size (self->redo_stack, 0);
  notify_stacks (self, could_undo, could_redo);
}

static void
cancel_metrics (CsDocument *self)
{
  if (self->metrics_cancellable == NULL)
    return;
  g_cancellable_cancel (self->metrics_cancellable);
  g_clear_object (&self->metrics_cancellable);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_METRICS_PENDING]);
}

/* whether a layout is computed for @graph: some node has no saved position */
static gboolean
needs_layout (CsGraph *graph)
{
  guint n = cs_graph_get_n_nodes (graph);

  for (guint i = 0; i < n; i++)
    if (!cs_graph_get_node (graph, i)->has_position)
      return TRUE;
  return FALSE;
}

/* in a worker: a cache that cannot be written only costs the next open
 * its layout */
static void
store_layout (const char  *key,
              CsPositions *positions)
{
  g_autoptr(GError) error = NULL;

  if (!cs_layout_cache_store (key, positions, &error))
    g_debug ("the layout was not kept: %s", error->message);
}

/* A layout after a sketch is dropped when the user lays out, moves nodes
 * or opens another file: it is cancelled (igraph stops at its next
 * interruption point, which frees the igraph lock for the user's layout),
 * and the ticket keeps a result that was already on its way from being
 * used. */
static void
stop_finishing (CsDocument *self)
{
  self->finishing = 0;
  if (self->finishing_cancellable != NULL)
    {
      g_cancellable_cancel (self->finishing_cancellable);
      g_clear_object (&self->finishing_cancellable);
    }
}

typedef struct
{
  CsDocument     *document;
  CsGraph        *graph;
  CsLayoutParams *params;
  char           *cache_key; /* nullable */
  guint           ticket;    /* self->finishing while it is wanted */
} Finishing;

static void
finishing_free (Finishing *finishing)
{
  g_object_unref (finishing->document);
  g_object_unref (finishing->graph);
  cs_layout_params_free (finishing->params);
  g_free (finishing->cache_key);
  g_free (finishing);
}

static void
finish_layout_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  Finishing *finishing = task_data;
  GError *error = NULL;
  CsPositions *positions = cs_layout_run (finishing->graph, finishing->params, cancellable,
                                          &error);

  if (positions == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  /* kept even when the user moved on: it is this file's layout */
  if (finishing->cache_key != NULL)
    store_layout (finishing->cache_key, positions);
  g_task_return_pointer (task, positions, (GDestroyNotify)cs_positions_unref);
}

static void
finish_layout_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  CsDocument *self = CS_DOCUMENT (object);
  Finishing *finishing = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(CsPositions) positions = g_task_propagate_pointer (G_TASK (result), &error);

  busy_pop (self);
  if (positions == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("the layout after the sketch failed: %s", error->message);
    }
  else if (self->finishing == finishing->ticket && self->graph == finishing->graph)
    /* as if it had been read so: no undo step, not a change to save */
    set_positions (self, positions);
  if (self->finishing == finishing->ticket)
    {
      self->finishing = 0;
      g_clear_object (&self->finishing_cancellable);
    }
}

/* Lays a big graph out properly after its sketch, in a worker, and keeps
 * the result in the layout cache; it replaces the sketch unless the user
 * moved nodes, laid the graph out or opened another meanwhile. */
static void
finish_layout (CsDocument           *self,
               const CsLayoutParams *params,
               const char           *cache_key)
{
  Finishing *finishing = g_new0 (Finishing, 1);
  g_autoptr(GTask) task = NULL;

  finishing->document = g_object_ref (self);
  finishing->graph = g_object_ref (self->graph);
  finishing->params = cs_layout_params_copy (params);
  finishing->cache_key = g_strdup (cache_key);
  finishing->ticket = ++self->next_finishing;
  self->finishing = finishing->ticket;
  g_clear_object (&self->finishing_cancellable);
  self->finishing_cancellable = g_cancellable_new ();
  busy_push (self);
  task = g_task_new (self, self->finishing_cancellable, finish_layout_cb, NULL);
  g_task_set_source_tag (task, finish_layout);
  g_task_set_task_data (task, finishing, (GDestroyNotify)finishing_free);
  g_task_run_in_thread (task, finish_layout_thread);
}

static void
apply_load (CsDocument *self,
            LoadData   *data)
{
  const char *title;

  /* the old graph's layout to come is of no use */
  stop_finishing (self);

  g_object_freeze_notify (G_OBJECT (self));

  g_set_object (&self->nodes_file, data->nodes);
  if (g_set_object (&self->file, data->file))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);

  g_clear_pointer (&self->problems, g_ptr_array_unref);
  self->problems = g_steal_pointer (&data->problems);
  g_free (self->etag);
  self->etag = g_steal_pointer (&data->etag);
  self->algorithm = cs_layout_params_get_algorithm (data->params);
  self->seed = cs_layout_params_get_seed (data->params);
  self->file_is_ours = g_strcmp0 (cs_graph_get_source_format (data->graph), "consortia") == 0;

  /* metrics of the old graph say nothing of the new one */
  cancel_metrics (self);
  g_clear_pointer (&self->metrics_error, g_free);
  if (self->betweenness != NULL)
    {
      g_clear_pointer (&self->betweenness, g_free);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_METRICS_READY]);
    }

  g_clear_pointer (&self->layout_groups, g_free);
  g_free (self->pinned);
  self->pinned = g_new0 (gboolean, MAX (1, cs_graph_get_n_nodes (data->graph)));
  for (guint i = 0; i < cs_graph_get_n_nodes (data->graph); i++)
    self->pinned[i] = cs_graph_get_node (data->graph, i)->pinned;
  {
    gboolean was_modified = cs_document_get_modified (self);

    set_stacks_empty (self);
    self->saved_serial = 0;
    self->saved_view_changes = self->view_changes;
    if (was_modified)
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
  }

  /* positions first: a listener of "graph" finds matching positions */
  g_clear_pointer (&self->positions, cs_positions_unref);
  g_set_object (&self->graph, data->graph);
  set_positions (self, data->positions);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GRAPH]);

  title = cs_graph_get_title (self->graph);
  g_free (self->title);
  if (title != NULL && title[0] != '\0')
    self->title = g_strdup (title);
  else
    self->title = g_file_get_basename (self->file);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);

  g_object_thaw_notify (G_OBJECT (self));

  if (data->final_params != NULL)
    finish_layout (self, data->final_params, data->cache_key);
}

/* Past this many nodes a graph opened in the window is shown first with
 * a sketch of its layout (cs_layout_params_set_quick(): 0.4 s for 100,000
 * nodes, where the consortia layout takes 20 s), and laid out properly
 * after (finish_layout) */
#define SKETCH_NODES 20000

static gboolean
wants_sketch (CsGraph              *graph,
              const CsLayoutParams *params)
{
  guint n = cs_graph_get_n_nodes (graph);
  CsLayoutAlgorithm algorithm = cs_layout_params_get_algorithm (params);

  if (n < SKETCH_NODES ||
      (algorithm != CS_LAYOUT_CONSORTIA && algorithm != CS_LAYOUT_FRUCHTERMAN_REINGOLD &&
       algorithm != CS_LAYOUT_DRL))
    return FALSE;
  /* a file with every position saved is drawn as it is, at once */
  return needs_layout (graph);
}

static LoadData *
load_in_thread (GFile         *file,
                GFile         *nodes,
                guint          graph,
                int            default_layout,
                gboolean       sketch,
                GCancellable  *cancellable,
                GError       **error)
{
  LoadData *data = g_new0 (LoadData, 1);
  g_autoptr(GError) layout_error = NULL;
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *nodes_path = nodes != NULL ? g_file_get_path (nodes) : NULL;
  CsImportOptions options = { .graph = graph, .nodes_path = nodes_path };

  data->file = g_object_ref (file);
  data->nodes = nodes != NULL ? g_object_ref (nodes) : NULL;
  /* before reading: a change made while it is read shows as one */
  data->etag = cs_save_query_etag (file);
  if (nodes != NULL && nodes_path == NULL)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                         /* TRANSLATORS: the CSV file of nodes that goes with a
                          * CSV edge list */
                         _("the node table must be a local file"));
  else if (path != NULL)
    data->graph = cs_import_file_full (path, &options, cancellable, &data->problems, error);
  else
    {
      g_autofree char *contents = NULL;
      g_autofree char *name = g_file_get_parse_name (file);
      gsize length;

      if (g_file_load_contents (file, cancellable, &contents, &length, NULL, error))
        data->graph = cs_import_data_full (contents, length, name, &options, cancellable,
                                           &data->problems, error);
    }

  if (data->graph == NULL)
    {
      load_data_free (data);
      return NULL;
    }

  data->params = cs_node_radii_new_layout_params (data->graph);
  /* the user's choice for a file that names no layout (the consortia
   * layout only where there are consortia) */
  if (default_layout >= 0 && cs_graph_get_layout_algorithm (data->graph) == NULL &&
      (default_layout != CS_LAYOUT_CONSORTIA ||
       cs_graph_count_type (data->graph, CS_NODE_TYPE_CONSORTIUM) > 0))
    cs_layout_params_set_algorithm (data->params, default_layout);
  if (needs_layout (data->graph))
    {
      g_autoptr(GError) key_error = NULL;

      data->cache_key = cs_layout_cache_key_for_file (file, nodes, graph, data->params,
                                                      cancellable, &key_error);
      if (data->cache_key == NULL)
        g_debug ("no layout cache for %s: %s", g_file_peek_path (file), key_error->message);
      else if ((data->positions = cs_layout_cache_lookup (data->cache_key,
                                                          cs_graph_get_n_nodes (data->graph))))
        {
          g_debug ("the layout of %u nodes read from the layout cache",
                   cs_graph_get_n_nodes (data->graph));
          return data;
        }
    }
  if (sketch && wants_sketch (data->graph, data->params))
    {
      g_autoptr(CsLayoutParams) quick = cs_layout_params_copy (data->params);

      cs_layout_params_set_algorithm (quick, CS_LAYOUT_FRUCHTERMAN_REINGOLD);
      cs_layout_params_set_quick (quick, TRUE);
      g_debug ("read %u nodes; sketching their layout", cs_graph_get_n_nodes (data->graph));
      data->positions = cs_layout_run (data->graph, quick, cancellable, &layout_error);
      g_debug ("sketched");
      if (data->positions != NULL)
        data->final_params = cs_layout_params_copy (data->params);
    }
  else
    data->positions = cs_layout_run (data->graph, data->params, cancellable, &layout_error);
  /* a file that asks for a layout too big for it still opens, drawn by
   * the one a file without a layout gets */
  if (g_error_matches (layout_error, CS_LAYOUT_ERROR, CS_LAYOUT_ERROR_TOO_LARGE))
    {
      g_debug ("%s", layout_error->message);
      g_clear_error (&layout_error);
      cs_layout_params_set_algorithm (data->params,
                                      cs_graph_count_type (data->graph,
                                                           CS_NODE_TYPE_CONSORTIUM) > 0
                                          ? CS_LAYOUT_CONSORTIA
                                          : CS_LAYOUT_FRUCHTERMAN_REINGOLD);
      data->positions = cs_layout_run (data->graph, data->params, cancellable, &layout_error);
    }
  if (data->positions == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&layout_error));
      load_data_free (data);
      return NULL;
    }
  /* a sketch is not kept: the layout after it is (finish_layout) */
  if (data->cache_key != NULL && data->final_params == NULL)
    store_layout (data->cache_key, data->positions);
  return data;
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  LoadRequest *request = task_data;
  LoadData *data = load_in_thread (request->file, request->nodes, request->graph,
                                   request->default_layout, TRUE, cancellable, &error);

  if (data == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, data, (GDestroyNotify)load_data_free);
}

/**
 * cs_document_load_async:
 * @self: a #CsDocument
 * @file: the graph file
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Loads and lays out @file in a worker thread. The open graph is replaced
 * only on success: after a failure the document is unchanged.
 */
void
cs_document_load_async (CsDocument          *self,
                        GFile               *file,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  cs_document_load_full_async (self, file, NULL, 0, cancellable, callback, user_data);
}

static void
load_request_free (LoadRequest *request)
{
  g_clear_object (&request->file);
  g_clear_object (&request->nodes);
  g_free (request);
}

/**
 * cs_document_load_full_async:
 * @self: a #CsDocument
 * @file: the graph file
 * @nodes: (nullable): for a CSV edge list, a node table joined by its id
 *   column (cs_import_file_full())
 * @graph: which graph of a file holding several, from 0
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * As cs_document_load_async(), with the node table and the graph to read;
 * the document keeps the table (cs_document_get_nodes_file()) to read the
 * file again, and the graph says which it is (cs_graph_get_n_file_graphs()).
 */
void
cs_document_load_full_async (CsDocument          *self,
                             GFile               *file,
                             GFile               *nodes,
                             guint                graph,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadRequest *request;

  g_return_if_fail (CS_IS_DOCUMENT (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (nodes == NULL || G_IS_FILE (nodes));

  /* the worker computing the open graph's metrics holds igraph, which the
   * new file's layout needs: the metrics are of no use once it is open */
  cancel_metrics (self);
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cs_document_load_async);
  request = g_new0 (LoadRequest, 1);
  request->file = g_object_ref (file);
  request->nodes = nodes != NULL ? g_object_ref (nodes) : NULL;
  request->graph = graph;
  request->default_layout = self->default_layout;
  g_task_set_task_data (task, request, (GDestroyNotify)load_request_free);
  busy_push (self);
  g_task_run_in_thread (task, load_thread);
}

/**
 * cs_document_set_default_layout:
 * @self: a #CsDocument
 * @algorithm: a #CsLayoutAlgorithm, or -1 for the default of the graph's
 *   kind (the consortia layout for a graph with consortia, else
 *   Fruchterman–Reingold)
 *
 * The layout the next files loaded get when they name none (the
 * preferences' default layout). A layout too big for a graph gives way to
 * the default of its kind.
 */
void
cs_document_set_default_layout (CsDocument *self,
                                int         algorithm)
{
  g_return_if_fail (CS_IS_DOCUMENT (self));
  g_return_if_fail (algorithm >= -1 && algorithm < CS_N_LAYOUTS);

  self->default_layout = algorithm;
}

/**
 * cs_document_get_nodes_file:
 * @self: a #CsDocument
 *
 * Returns: (transfer none) (nullable): the node table the open graph was
 *   read with
 */
GFile *
cs_document_get_nodes_file (CsDocument *self)
{
  g_return_val_if_fail (CS_IS_DOCUMENT (self), NULL);

  return self->nodes_file;
}

/**
 * cs_document_load_finish:
 * @self: a #CsDocument
 * @result: the result
 * @error: a %CS_IMPORT_ERROR, %CS_LAYOUT_ERROR or #GIOError
 *
 * Returns: %TRUE when the new graph is open
 */
gboolean
cs_document_load_finish (CsDocument    *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  LoadData *data;

  g_return_val_if_fail (CS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  busy_pop (self);
  data = g_task_propagate_pointer (G_TASK (result), error);
  if (data == NULL)
    return FALSE;
  apply_load (self, data);
  load_data_free (data);
  return TRUE;
}

/**
 * cs_document_load:
 * @self: a #CsDocument
 * @file: the graph file
 * @cancellable: (nullable): a #GCancellable
 * @error: as for cs_document_load_finish()
 *
 * Loads and lays out @file in the calling thread.
 *
 * Returns: %TRUE when the new graph is open
 */
gboolean
cs_document_load (CsDocument    *self,
                  GFile         *file,
                  GCancellable  *cancellable,
                  GError       **error)
{
  LoadData *data;

  g_return_val_if_fail (CS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  data = load_in_thread (file, NULL, 0, self->default_layout, FALSE, cancellable, error);
  if (data == NULL)
    return FALSE;
  apply_load (self, data);
  load_data_free (data);
  return TRUE;
}

static void record_and_apply (CsDocument     *self,
                              guint           n,
                              const guint    *nodes,
                              const double   *xy,
                              const gboolean *pinned);

static void
relayout_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  CsPositions *positions = cs_layout_run_finish (result, &error);

  if (positions == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, positions, (GDestroyNotify)cs_positions_unref);
}

/**
 * cs_document_set_layout_groups:
 * @self: a #CsDocument with a graph
 * @groups: (nullable): per node, a group from 0 or %G_MAXUINT; %NULL for
 *   the consortia the graph's structure makes
 *
 * What the consortia layout gathers from now on (an attribute the view
 * outlines the nodes by, cs_attribute_groups()), until another graph is
 * opened.
 */
void
cs_document_set_layout_groups (CsDocument  *self,
                               const guint *groups)
{
  g_return_if_fail (CS_IS_DOCUMENT (self));
  g_return_if_fail (groups == NULL || self->graph != NULL);

  g_clear_pointer (&self->layout_groups, g_free);
  if (groups != NULL)
    self->layout_groups = g_memdup2 (groups, MAX (cs_graph_get_n_nodes (self->graph), 1) *
                                                 sizeof (guint));
}

/**
 * cs_document_relayout_async:
 * @self: a #CsDocument with a graph
 * @algorithm: the layout
 * @seed: the random seed
 * @center: the node the star layout centres on (the selection), or -1 for
 *   the best-connected node
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Lays the graph out again from where its nodes are, moving them as little
 * as the layout allows; pinned nodes (pinned in the file, or moved by
 * hand) stay put, and no two nodes are left on top of each other. The new
 * positions can be undone like a move.
 */
void
cs_document_relayout_async (CsDocument          *self,
                            CsLayoutAlgorithm    algorithm,
                            guint32              seed,
                            int                  center,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(CsLayoutParams) params = NULL;
  g_autofree double *radii = NULL;
  GTask *task;

  g_return_if_fail (CS_IS_DOCUMENT (self));
  g_return_if_fail (self->graph != NULL);
  g_return_if_fail (center >= -1 && center < (int)cs_graph_get_n_nodes (self->graph));

  /* the user's layout, not the one after the sketch */
  stop_finishing (self);
  params = cs_layout_params_new (algorithm, seed);
  cs_layout_params_set_center (params, center);
  radii = cs_node_radii_new (self->graph);
  cs_layout_params_set_radii (params, cs_graph_get_n_nodes (self->graph), radii);
  if (self->layout_groups != NULL)
    cs_layout_params_set_groups (params, cs_graph_get_n_nodes (self->graph), self->layout_groups);
  if (self->positions != NULL)
    {
      cs_layout_params_set_initial (params, self->positions);
      cs_layout_params_set_fixed (params, self->positions, self->pinned);
    }

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cs_document_relayout_async);
  g_task_set_task_data (task, g_object_ref (self->graph), g_object_unref);
  g_object_set_data (G_OBJECT (task), "algorithm", GUINT_TO_POINTER (algorithm));
  g_object_set_data (G_OBJECT (task), "seed", GUINT_TO_POINTER (seed));
  busy_push (self);
  cs_layout_run_async (self->graph, params, cancellable, relayout_cb, task);
}

gboolean
cs_document_relayout_finish (CsDocument    *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_autoptr(CsPositions) positions = NULL;
  GTask *task = G_TASK (result);

  g_return_val_if_fail (CS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  busy_pop (self);
  positions = g_task_propagate_pointer (task, error);
  if (positions == NULL)
    return FALSE;
  /* the graph may have been replaced while the layout ran */
  if (g_task_get_task_data (task) != self->graph)
    return TRUE;
  self->algorithm = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (task), "algorithm"));
  self->seed = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (task), "seed"));
  {
    guint n = cs_positions_get_n_nodes (positions);
    g_autofree guint *nodes = g_new (guint, MAX (n, 1));

    for (guint i = 0; i < n; i++)
      nodes[i] = i;
    record_and_apply (self, n, nodes, cs_positions_get_xy (positions), self->pinned);
  }
  return TRUE;
}

/**
 * cs_document_get_pinned:
 * @self: a #CsDocument with a graph
 * @node: a node index
 *
 * Returns: %TRUE when @node stays put when the graph is laid out again
 */
gboolean
cs_document_get_pinned (CsDocument *self,
                        guint       node)
{
  g_return_val_if_fail (CS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (self->graph != NULL, FALSE);
  g_return_val_if_fail (node < cs_graph_get_n_nodes (self->graph), FALSE);

  return self->pinned[node];
}

static void
apply_move (CsDocument     *self,
            const Move     *move,
            gboolean        forward)
{
  g_autoptr(CsPositions) positions = NULL;
  g_autofree double *xy = NULL;
  guint n_nodes = cs_positions_get_n_nodes (self->positions);
  const double *target = forward ? move->new_xy : move->old_xy;
  const gboolean *pins = forward ? move->new_pinned : move->old_pinned;

  xy = g_memdup2 (cs_positions_get_xy (self->positions), 2 * n_nodes * sizeof (double));
  for (guint i = 0; i < move->n; i++)
    {
      xy[2 * move->nodes[i]] = target[2 * i];
      xy[2 * move->nodes[i] + 1] = target[2 * i + 1];
      self->pinned[move->nodes[i]] = pins[i];
    }
  positions = cs_positions_new (n_nodes, xy);
  set_positions (self, positions);
}

/* @xy holds the new position of each of @nodes, in order, and @pinned
 * (nullable: unchanged) their new pins. */
static void
record_and_apply (CsDocument     *self,
                  guint           n,
                  const guint    *nodes,
                  const double   *xy,
                  const gboolean *pinned)
{
  Move *move = g_new0 (Move, 1);
  gboolean could_undo = self->undo_stack->len > 0;
  gboolean could_redo = self->redo_stack->len > 0;

  /* the user's arrangement wins over the layout after a sketch */
  stop_finishing (self);
  move->serial = self->next_serial++;
  move->n = n;
  move->nodes = g_memdup2 (nodes, n * sizeof (guint));
  move->new_xy = g_memdup2 (xy, 2 * n * sizeof (double));
  move->old_xy = g_new (double, 2 * n);
  move->old_pinned = g_new (gboolean, n);
  move->new_pinned = g_new (gboolean, n);
  for (guint i = 0; i < n; i++)
    {
      move->old_xy[2 * i] = cs_positions_get_x (self->positions, nodes[i]);
      move->old_xy[2 * i + 1] = cs_positions_get_y (self->positions, nodes[i]);
      move->old_pinned[i] = self->pinned[nodes[i]];
      move->new_pinned[i] = pinned != NULL ? pinned[i] : self->pinned[nodes[i]];
    }

  TRACK_MODIFIED (self, {
    g_ptr_array_add (self->undo_stack, move);
    g_ptr_array_set_size (self->redo_stack, 0);
  });
  apply_move (self, move, TRUE);
  notify_stacks (self, could_undo, could_redo);
}

/**
 * cs_document_move_nodes:
 * @self: a #CsDocument with a graph
 * @n: how many nodes move
 * @nodes: (array length=n): their indices
 * @xy: (array): their new world positions, x then y for each
 * @pin: %TRUE to pin them there, so a new layout keeps them
 *
 * Moves nodes as one step that cs_document_undo() takes back.
 */
void
cs_document_move_nodes (CsDocument   *self,
                        guint         n,
                        const guint  *nodes,
                        const double *xy,
                        gboolean      pin)
{
  g_autofree gboolean *pins = NULL;

  g_return_if_fail (CS_IS_DOCUMENT (self));
  g_return_if_fail (self->positions != NULL);
  g_return_if_fail (n == 0 || (nodes != NULL && xy != NULL));

  for (guint i = 0; i < n; i++)
    {
      g_return_if_fail (nodes[i] < cs_positions_get_n_nodes (self->positions));
      g_return_if_fail (isfinite (xy[2 * i]) && isfinite (xy[2 * i + 1]));
    }
  if (n == 0)
    return;

  pins = g_new (gboolean, n);
  for (guint i = 0; i < n; i++)
    pins[i] = pin || self->pinned[nodes[i]];
  record_and_apply (self, n, nodes, xy, pins);
}

/**
 * cs_document_set_pinned:
 * @self: a #CsDocument with a graph
 * @node: a node index
 * @pinned: whether the node stays put in a new layout
 *
 * Pins or unpins one node where it is, as an undoable step.
 */
void
cs_document_set_pinned (CsDocument *self,
                        guint       node,
                        gboolean    pinned)
{
  double xy[2];

  g_return_if_fail (CS_IS_DOCUMENT (self));
  g_return_if_fail (self->positions != NULL);
  g_return_if_fail (node < cs_positions_get_n_nodes (self->positions));

  if (self->pinned[node] == !!pinned)
    return;
  xy[0] = cs_positions_get_x (self->positions, node);
  xy[1] = cs_positions_get_y (self->positions, node);
  pinned = !!pinned;
  record_and_apply (self, 1, &node, xy, &pinned);
}

gboolean
cs_document_get_can_undo (CsDocument *self)
{
  g_return_val_if_fail (CS_IS_DOCUMENT (self), FALSE);

  return self->undo_stack->len > 0;
}

gboolean
cs_document_get_can_redo (CsDocument *self)
{
  g_return_val_if_fail (CS_IS_DOCUMENT (self), FALSE);

  return self->redo_stack->len > 0;
}

/**
 * cs_document_undo:
 * @self: a #CsDocument
 *
 * Takes back the last move, pin or layout.
 *
 * Returns: %FALSE when there was nothing to undo
 */
gboolean
cs_document_undo (CsDocument *self)
{
  gboolean could_redo;
  Move *move;

  g_return_val_if_fail (CS_IS_DOCUMENT (self), FALSE);

  if (self->undo_stack->len == 0)
    return FALSE;
  could_redo = self->redo_stack->len > 0;
  TRACK_MODIFIED (self, {
    move = g_ptr_array_steal_index (self->undo_stack, self->undo_stack->len - 1);
    g_ptr_array_add (self->redo_stack, move);
  });
  apply_move (self, move, FALSE);
  notify_stacks (self, TRUE, could_redo);
  return TRUE;
}

/**
 * cs_document_redo:
 * @self: a #CsDocument
 *
 * Returns: %FALSE when there was nothing to redo
 */
gboolean
cs_document_redo (CsDocument *self)
{
  gboolean could_undo;
  Move *move;

  g_return_val_if_fail (CS_IS_DOCUMENT (self), FALSE);

  if (self->redo_stack->len == 0)
    return FALSE;
  could_undo = self->undo_stack->len > 0;
  TRACK_MODIFIED (self, {
    move = g_ptr_array_steal_index (self->redo_stack, self->redo_stack->len - 1);
    g_ptr_array_add (self->undo_stack, move);
  });
  apply_move (self, move, TRUE);
  notify_stacks (self, could_undo, TRUE);
  return TRUE;
}

/**
 * cs_document_get_pins:
 * @self: a #CsDocument with a graph
 *
 * Returns: (transfer none) (array): per node, %TRUE when it stays put in a
 *   new layout; valid until the next change of the document
 */
const gboolean *
cs_document_get_pins (CsDocument *self)
{
  g_return_val_if_fail (CS_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (self->graph != NULL, NULL);

  return self->pinned;
}

/* Saving */

typedef struct
{
  CsDocument    *self;       /* a ref: the progress reaches it on its thread */
  GFile         *file;
  CsSaveContent  content;
  CsSaveFlags    flags;
  char          *etag;       /* what the file must still be; nullable */
  char          *new_etag;
  gboolean       copy;       /* a recovery copy: the document is not changed */
  guint64        serial;     /* the Move on top when the save began */
  guint64        view_changes;
  gint           progress_queued;
  double         progress;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->self);
  g_clear_object (&data->file);
  g_clear_object (&data->content.graph);
  g_clear_pointer (&data->content.positions, cs_positions_unref);
  g_free ((gboolean *)data->content.pinned);
  g_free ((char *)data->content.layout_algorithm);
  cs_saved_view_free ((CsSavedView *)data->content.view);
  g_free (data->etag);
  g_free (data->new_etag);
  g_free (data);
}

static gboolean
save_progress_idle_cb (gpointer user_data)
{
  SaveData *data = g_task_get_task_data (user_data);

  g_atomic_int_set (&data->progress_queued, FALSE);
  if (!data->copy && data->self->saving > 0)
    {
      data->self->save_progress = data->progress;
      g_object_notify_by_pspec (G_OBJECT (data->self), properties[PROP_SAVE_PROGRESS]);
    }
  return G_SOURCE_REMOVE;
}

/* in the worker: one update at a time on its way to the main thread */
static void
save_progress_cb (guint64  done,
                  guint64  total,
                  gpointer user_data)
{
  GTask *task = user_data;
  SaveData *data = g_task_get_task_data (task);

  data->progress = total > 0 ? (double)done / total : 1;
  if (!data->copy && g_atomic_int_compare_and_exchange (&data->progress_queued, FALSE, TRUE))
    g_main_context_invoke_full (g_task_get_context (task), G_PRIORITY_DEFAULT,
                                save_progress_idle_cb, g_object_ref (task), g_object_unref);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveData *data = task_data;
  GError *error = NULL;

  if (cs_save_graph (data->file, &data->content, data->flags, data->etag, &data->new_etag,
                     save_progress_cb, task, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
start_save (CsDocument          *self,
            GFile               *file,
            const CsSavedView   *view,
            CsDocumentSaveFlags  flags,
            gboolean             copy,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data,
            gpointer             source_tag)
{
  g_autoptr(GTask) task = NULL;
  SaveData *data = g_new0 (SaveData, 1);
  guint n = cs_graph_get_n_nodes (self->graph);
  gboolean same_file = self->file != NULL && g_file_equal (file, self->file);

  /* a snapshot: the document may change while the worker writes */
  data->self = g_object_ref (self);
  data->file = g_object_ref (file);
  data->content.graph = g_object_ref (self->graph);
  data->content.positions = self->positions != NULL ? cs_positions_ref (self->positions) : NULL;
  data->content.pinned = g_memdup2 (self->pinned, MAX (n, 1) * sizeof (gboolean));
  data->content.layout_algorithm = g_strdup (cs_layout_algorithm_to_string (self->algorithm));
  data->content.layout_seed = self->seed;
  data->content.view = cs_saved_view_copy (view);
  data->copy = copy;
  data->flags = copy ? CS_SAVE_NONE : CS_SAVE_BACKUP;
  /* the file as it was read must still be there, unless the user said
   * to overwrite it or chose another */
  if (!copy && same_file && (flags & CS_DOCUMENT_SAVE_OVERWRITE) == 0)
    data->etag = g_strdup (self->etag);
  data->serial = top_serial (self);
  data->view_changes = self->view_changes;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, data, (GDestroyNotify)save_data_free);
  if (!copy)
    {
      if (self->saving++ == 0)
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVING]);
      self->save_progress = 0;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVE_PROGRESS]);
    }
  g_task_run_in_thread (task, save_thread);
}

/**
 * cs_document_save_async:
 * @self: a #CsDocument with a graph
 * @file: (nullable): where to save; %NULL for the open file
 * @view: (nullable): the view to record in the file
 * @flags: #CsDocumentSaveFlags
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Saves the graph with its positions, pins, layout and @view as Consortia
 * JSON in a worker thread (cs_save_graph()): atomically, the old file kept
 * as FILE~. Saving over the open file fails with %G_IO_ERROR_WRONG_ETAG
 * when another program changed it since it was read or saved, unless
 * @flags has %CS_DOCUMENT_SAVE_OVERWRITE. #CsDocument:save-progress tells
 * how far it has got. Once saved, @file is the document's file.
 */
void
cs_document_save_async (CsDocument          *self,
                        GFile               *file,
                        const CsSavedView   *view,
                        CsDocumentSaveFlags  flags,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_return_if_fail (CS_IS_DOCUMENT (self));
  g_return_if_fail (self->graph != NULL);
  g_return_if_fail (file == NULL || G_IS_FILE (file));
  g_return_if_fail (file != NULL || self->file != NULL);

  start_save (self, file != NULL ? file : self->file, view, flags, FALSE, cancellable, callback,
              user_data, cs_document_save_async);
}

/**
 * cs_document_save_finish:
 * @self: a #CsDocument
 * @result: the result
 * @error: a #GIOError whose message is the reason alone
 *
 * Returns: %TRUE when the file is saved
 */
gboolean
cs_document_save_finish (CsDocument    *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  GTask *task = G_TASK (result);
  SaveData *data;
  gboolean was_modified;

  g_return_val_if_fail (CS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (task) == cs_document_save_async, FALSE);

  data = g_task_get_task_data (task);
  if (--self->saving == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVING]);
  if (!g_task_propagate_boolean (task, error))
    return FALSE;
  /* another file opened meanwhile: the save is of a document gone */
  if (data->content.graph != self->graph)
    return TRUE;

  g_object_freeze_notify (G_OBJECT (self));
  was_modified = cs_document_get_modified (self);
  if (self->file == NULL || !g_file_equal (self->file, data->file))
    {
      g_set_object (&self->file, data->file);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
      if (cs_graph_get_title (self->graph) == NULL || cs_graph_get_title (self->graph)[0] == '\0')
        {
          g_free (self->title);
          self->title = g_file_get_basename (self->file);
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
        }
    }
  self->file_is_ours = TRUE;
  g_free (self->etag);
  self->etag = g_steal_pointer (&data->new_etag);
  self->saved_serial = data->serial;
  self->saved_view_changes = data->view_changes;
  if (was_modified != cs_document_get_modified (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
  g_object_thaw_notify (G_OBJECT (self));
  return TRUE;
}

/**
 * cs_document_save_copy_async:
 * @self: a #CsDocument with a graph
 * @file: where to write
 * @view: (nullable): the view to record
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Writes what cs_document_save_async() would, atomically, to @file
 * without making it the document's file or changing whether the document
 * is modified: a recovery copy.
 */
void
cs_document_save_copy_async (CsDocument          *self,
                             GFile               *file,
                             const CsSavedView   *view,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_return_if_fail (CS_IS_DOCUMENT (self));
  g_return_if_fail (self->graph != NULL);
  g_return_if_fail (G_IS_FILE (file));

  start_save (self, file, view, CS_DOCUMENT_SAVE_NONE, TRUE, cancellable, callback, user_data,
              cs_document_save_copy_async);
}

gboolean
cs_document_save_copy_finish (CsDocument    *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (CS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == cs_document_save_copy_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * cs_document_adopt:
 * @self: a #CsDocument just loaded from a recovery copy
 * @file: (nullable): the file of our format the copy was of, which Save
 *   writes; %NULL for one that had none, or was of another format (Save
 *   asks where)
 * @etag: (nullable): that file's entity tag when the copy was made
 *
 * Makes the open graph the unsaved state of @file: modified until saved.
 */
void
cs_document_adopt (CsDocument *self,
                   GFile      *file,
                   const char *etag)
{
  gboolean was_modified;

  g_return_if_fail (CS_IS_DOCUMENT (self));
  g_return_if_fail (self->graph != NULL);
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  g_object_freeze_notify (G_OBJECT (self));
  was_modified = cs_document_get_modified (self);
  if (g_set_object (&self->file, file))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
  self->file_is_ours = file != NULL;
  g_free (self->etag);
  self->etag = g_strdup (etag);
  self->saved_serial = G_MAXUINT64;
  if (!was_modified)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
  g_object_thaw_notify (G_OBJECT (self));
}

/* Metrics */

typedef struct
{
  double *betweenness;
  guint   n_sources;
} Metrics;

static void
metrics_free (Metrics *metrics)
{
  g_free (metrics->betweenness);
  g_free (metrics);
}

static void
metrics_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GError *error = NULL;
  Metrics *metrics = g_new0 (Metrics, 1);

  metrics->betweenness = cs_metrics_betweenness (task_data, cancellable, &metrics->n_sources,
                                                 &error);
  if (metrics->betweenness == NULL)
    {
      metrics_free (metrics);
      g_task_return_error (task, error);
    }
  else
    g_task_return_pointer (task, metrics, (GDestroyNotify)metrics_free);
}

static void
metrics_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  CsDocument *self = CS_DOCUMENT (object);
  GTask *task = G_TASK (result);
  g_autoptr(GError) error = NULL;
  Metrics *metrics = g_task_propagate_pointer (task, &error);

  /* a new graph came meanwhile: this one's metrics are of no use */
  if (g_task_get_task_data (task) != self->graph ||
      g_task_get_cancellable (task) != self->metrics_cancellable)
    {
      g_clear_pointer (&metrics, metrics_free);
      return;
    }
  g_clear_object (&self->metrics_cancellable);
  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_METRICS_PENDING]);
  if (metrics == NULL)
    /* said once, not tried again for this graph */
    self->metrics_error = g_strdup (error->message);
  else
    {
      self->betweenness = g_steal_pointer (&metrics->betweenness);
      self->betweenness_sources = metrics->n_sources;
      metrics_free (metrics);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_METRICS_READY]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * cs_document_request_metrics:
 * @self: a #CsDocument
 *
 * Starts computing the graph's metrics (betweenness) in a worker thread,
 * unless they are known, on their way or failed already;
 * #CsDocument:metrics-ready follows. The main thread never waits for
 * igraph.
 */
void
cs_document_request_metrics (CsDocument *self)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (CS_IS_DOCUMENT (self));

  if (self->graph == NULL || self->betweenness != NULL || self->metrics_cancellable != NULL ||
      self->metrics_error != NULL)
    return;
  self->metrics_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->metrics_cancellable, metrics_done_cb, NULL);
  g_task_set_source_tag (task, cs_document_request_metrics);
  g_task_set_task_data (task, g_object_ref (self->graph), g_object_unref);
  g_task_run_in_thread (task, metrics_thread);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_METRICS_PENDING]);
}

/**
 * cs_document_get_metrics_pending:
 * @self: a #CsDocument
 *
 * Returns: %TRUE while the metrics worker runs
 */
gboolean
cs_document_get_metrics_pending (CsDocument *self)
{
  g_return_val_if_fail (CS_IS_DOCUMENT (self), FALSE);

  return self->metrics_cancellable != NULL;
}

/**
 * cs_document_get_metrics_error:
 * @self: a #CsDocument
 *
 * Returns: (nullable): why the graph's metrics could not be computed
 */
const char *
cs_document_get_metrics_error (CsDocument *self)
{
  g_return_val_if_fail (CS_IS_DOCUMENT (self), NULL);

  return self->metrics_error;
}

/**
 * cs_document_get_betweenness_sources:
 * @self: a #CsDocument
 *
 * Returns: how many nodes the betweenness searched shortest paths from:
 *   every node when it is exact, fewer when it is an estimate
 */
guint
cs_document_get_betweenness_sources (CsDocument *self)
{
  g_return_val_if_fail (CS_IS_DOCUMENT (self), 0);

  return self->betweenness_sources;
}

/**
 * cs_document_get_betweenness:
 * @self: a #CsDocument
 *
 * Returns: (transfer none) (nullable) (array): per node, its betweenness
 *   (see cs_metrics_betweenness()), or %NULL until
 *   cs_document_request_metrics() has finished
 */
const double *
cs_document_get_betweenness (CsDocument *self)
{
  g_return_val_if_fail (CS_IS_DOCUMENT (self), NULL);

  return self->betweenness;
}

/**
 * cs_document_find_bundled_graph:
 *
 * Finds the bundled graph: in `$CONSORTIA_DATA_DIR` (the source tree's
 * data folder, for the tests and `meson devenv`), else in the data folder
 * installed with the program (src/core/document/cs-install.c). The window
 * and the headless commands open it when given no file.
 *
 * Returns: (transfer full): the bundled graph's path
 */
char *
cs_document_find_bundled_graph (void)
{
  const char *env = g_getenv ("CONSORTIA_DATA_DIR");
  g_autofree char *datadir = NULL;

  if (env != NULL && *env != '\0')
    {
      g_autofree char *path = g_build_filename (env, BUNDLED_GRAPH, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return g_steal_pointer (&path);
    }
  datadir = cs_install_get_datadir ();
  return g_build_filename (datadir, "consortia", BUNDLED_GRAPH, NULL);
}
