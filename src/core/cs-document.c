/* cs-document.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-document.h"
#include "cs-graph-loader.h"

struct _CsDocument
{
  GObject            parent_instance;

  /* owned */
  GFile             *file;
  CsGraph           *graph;
  CsPositions       *positions;
  GPtrArray         *problems;
  char              *title;

  /* state */
  CsLayoutAlgorithm  algorithm;
  guint32            seed;
  guint              busy;
};

G_DEFINE_FINAL_TYPE (CsDocument, cs_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FILE,
  PROP_GRAPH,
  PROP_POSITIONS,
  PROP_BUSY,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  GFile          *file;
  CsGraph        *graph;
  CsPositions    *positions;
  GPtrArray      *problems;
  CsLayoutParams *params;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_clear_object (&data->file);
  g_clear_object (&data->graph);
  g_clear_pointer (&data->positions, cs_positions_unref);
  g_clear_pointer (&data->problems, g_ptr_array_unref);
  g_clear_pointer (&data->params, cs_layout_params_free);
  g_free (data);
}

static void
cs_document_finalize (GObject *object)
{
  CsDocument *self = (CsDocument *)object;

  g_clear_object (&self->file);
  g_clear_object (&self->graph);
  g_clear_pointer (&self->positions, cs_positions_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->title, g_free);

  G_OBJECT_CLASS (cs_document_parent_class)->finalize (object);
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

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_document_class_init (CsDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

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
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cs_document_init (CsDocument *self)
{
  self->algorithm = CS_LAYOUT_FRUCHTERMAN_REINGOLD;
  self->seed = CS_LAYOUT_DEFAULT_SEED;
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
apply_load (CsDocument *self,
            LoadData   *data)
{
  const char *title;

  g_object_freeze_notify (G_OBJECT (self));

  if (g_set_object (&self->file, data->file))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);

  g_clear_pointer (&self->problems, g_ptr_array_unref);
  self->problems = g_steal_pointer (&data->problems);
  self->algorithm = cs_layout_params_get_algorithm (data->params);
  self->seed = cs_layout_params_get_seed (data->params);

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
}

static LoadData *
load_in_thread (GFile         *file,
                GCancellable  *cancellable,
                GError       **error)
{
  LoadData *data = g_new0 (LoadData, 1);
  g_autofree char *path = g_file_get_path (file);

  data->file = g_object_ref (file);
  if (path != NULL)
    data->graph = cs_graph_loader_load_file (path, &data->problems, error);
  else
    {
      g_autofree char *contents = NULL;
      g_autofree char *name = g_file_get_parse_name (file);
      gsize length;

      if (g_file_load_contents (file, cancellable, &contents, &length, NULL, error))
        data->graph = cs_graph_loader_load_data (contents, length, name, &data->problems, error);
    }

  if (data->graph == NULL)
    {
      load_data_free (data);
      return NULL;
    }

  data->params = cs_layout_params_new_for_graph (data->graph);
  data->positions = cs_layout_run (data->graph, data->params, cancellable, error);
  if (data->positions == NULL)
    {
      load_data_free (data);
      return NULL;
    }
  return data;
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  LoadData *data = load_in_thread (task_data, cancellable, &error);

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
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (CS_IS_DOCUMENT (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cs_document_load_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  busy_push (self);
  g_task_run_in_thread (task, load_thread);
}

/**
 * cs_document_load_finish:
 * @self: a #CsDocument
 * @result: the result
 * @error: a %CS_GRAPH_LOADER_ERROR, %CS_LAYOUT_ERROR or #GIOError
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

  data = load_in_thread (file, cancellable, error);
  if (data == NULL)
    return FALSE;
  apply_load (self, data);
  load_data_free (data);
  return TRUE;
}

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
 * cs_document_relayout_async:
 * @self: a #CsDocument with a graph
 * @algorithm: the layout
 * @seed: the random seed
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Lays the graph out again; nodes with positions saved in the file stay put.
 */
void
cs_document_relayout_async (CsDocument          *self,
                            CsLayoutAlgorithm    algorithm,
                            guint32              seed,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(CsLayoutParams) params = NULL;
  GTask *task;

  g_return_if_fail (CS_IS_DOCUMENT (self));
  g_return_if_fail (self->graph != NULL);

  params = cs_layout_params_new_for_graph (self->graph);
  cs_layout_params_set_algorithm (params, algorithm);
  cs_layout_params_set_seed (params, seed);

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
  set_positions (self, positions);
  return TRUE;
}
