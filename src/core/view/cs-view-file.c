/* cs-view-file.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-view-file.h"

/* A view state as a file's "view" writes it (CsSavedView: names and node
 * ids), and back: what a save records so that reopening shows the same
 * picture. The highlight a legend click makes is left out: it is a
 * moment's look, like the hover. */

static char *
node_id (CsGraph *graph,
         int      node)
{
  if (node < 0 || node >= (int)cs_graph_get_n_nodes (graph))
    return NULL;
  return g_strdup (cs_graph_get_node (graph, node)->id);
}

static char **
copy_nonempty (char **strings)
{
  return strings != NULL && strings[0] != NULL ? g_strdupv (strings) : NULL;
}

G_STATIC_ASSERT (G_N_ELEMENTS (((CsSavedView *)NULL)->style) == CS_N_STYLE_CHANNELS);

/**
 * cs_view_state_save:
 * @self: a #CsViewState with a graph
 *
 * Returns: (transfer full): what @self shows, as a file's "view" member
 *   records it: filter, sizing, labels, layers, label density, the
 *   legend's folding, the attributes that drive colour, size, shape and
 *   grouping, zoom and the world point at the middle of the viewport, and
 *   the selection
 */
CsSavedView *
cs_view_state_save (CsViewState *self)
{
  CsGraph *graph;
  const CsFilter *filter;
  CsViewport *viewport;
  CsLayers layers;
  CsSavedView *view;
  const guint *selection;
  guint n_selected;

  g_return_val_if_fail (CS_IS_VIEW_STATE (self), NULL);
  g_return_val_if_fail (cs_view_state_get_graph (self) != NULL, NULL);

  graph = cs_view_state_get_graph (self);
  filter = cs_view_state_get_filter (self);
  view = cs_saved_view_new ();

  view->hidden_types = copy_nonempty (filter->hidden_types);
  view->hidden_relations = copy_nonempty (filter->hidden_relations);
  view->consortium = node_id (graph, filter->consortium);
  view->stage = g_strdup (filter->stage);
  if (filter->around == CS_FILTER_AROUND_SELECTION)
    view->around = g_strdup ("selection");
  else
    view->around = node_id (graph, filter->around);
  if (view->around != NULL)
    view->depth = filter->depth;
  if (filter->hide)
    {
      view->has_hide = TRUE;
      view->hide = TRUE;
    }
  view->role = filter->role != NULL && filter->role[0] != '\0' ? g_strdup (filter->role) : NULL;

  view->sizing = g_strdup (cs_view_state_get_sizing (self) == CS_NODE_SIZE_UNIFORM ? "uniform"
                                                                                     : "degree");
  view->labels = g_strdup (cs_view_state_get_label_language (self) == CS_LABEL_LANGUAGE_ENGLISH
                               ? "english"
                               : "original");
  view->has_label_density = TRUE;
  view->label_density = cs_view_state_get_label_density (self);
  layers = cs_view_state_get_layers (self);
  view->has_layers = TRUE;
  view->show_labels = (layers & CS_LAYER_LABELS) != 0;
  view->show_legend = (layers & CS_LAYER_LEGEND) != 0;
  view->show_hulls = (layers & CS_LAYER_HULLS) != 0;
  view->show_roles = (layers & CS_LAYER_ROLES) != 0;
  view->has_legend_collapsed = TRUE;
  view->legend_collapsed = cs_view_state_get_legend_collapsed (self);
  /* what drives the look, as the picture shows it: a choice made for the
   * graph is written out, so the file opens the same anywhere */
  for (guint c = 0; c < CS_N_STYLE_CHANNELS; c++)
    {
      const char *shown = cs_view_state_get_style_attribute (self, c);

      if (cs_view_state_get_style_key (self, c) != NULL || shown[0] != '\0')
        view->style[c] = g_strdup (shown);
    }

  viewport = cs_view_state_get_viewport (self);
  if (cs_viewport_get_width (viewport) > 0 && cs_viewport_get_height (viewport) > 0)
    {
      view->has_camera = TRUE;
      view->zoom = cs_viewport_get_zoom (viewport);
      cs_viewport_widget_to_world (viewport, cs_viewport_get_width (viewport) / 2,
                                   cs_viewport_get_height (viewport) / 2, &view->center_x,
                                   &view->center_y);
    }

  selection = cs_view_state_get_selection (self, &n_selected);
  if (n_selected > 0)
    {
      view->selection = g_new0 (char *, n_selected + 1);
      for (guint i = 0; i < n_selected; i++)
        view->selection[i] = node_id (graph, selection[i]);
    }
  return view;
}

static int
node_index (CsGraph    *graph,
            const char *id)
{
  guint index;

  if (id == NULL || !cs_graph_lookup (graph, id, &index))
    return -1;
  return index;
}

/**
 * cs_view_state_restore:
 * @self: a #CsViewState with a graph
 * @view: (nullable): what a file's "view" says
 *
 * Shows what @view says (as cs_view_state_save() wrote it) and leaves the
 * rest as it is; %NULL changes nothing. The camera is the viewport's to
 * apply once it has a size: see cs_view_state_get_camera().
 */
void
cs_view_state_restore (CsViewState       *self,
                       const CsSavedView *view)
{
  g_autoptr(CsFilter) filter = NULL;
  CsGraph *graph;

  g_return_if_fail (CS_IS_VIEW_STATE (self));
  g_return_if_fail (cs_view_state_get_graph (self) != NULL);

  if (view == NULL)
    return;
  graph = cs_view_state_get_graph (self);

  /* the selection first: a filter around the selection needs it */
  if (view->selection != NULL)
    {
      g_autofree guint *nodes = g_new (guint, g_strv_length (view->selection) + 1);
      guint n = 0;

      for (guint i = 0; view->selection[i] != NULL; i++)
        {
          int node = node_index (graph, view->selection[i]);

          if (node >= 0)
            nodes[n++] = node;
        }
      cs_view_state_select_nodes (self, nodes, n, CS_SELECTION_REPLACE);
    }

  filter = cs_filter_new ();
  if (view->hidden_types != NULL)
    {
      g_strfreev (filter->hidden_types);
      filter->hidden_types = g_strdupv (view->hidden_types);
    }
  if (view->hidden_relations != NULL)
    {
      g_strfreev (filter->hidden_relations);
      filter->hidden_relations = g_strdupv (view->hidden_relations);
    }
  filter->consortium = node_index (graph, view->consortium);
  cs_filter_set_stage (filter, view->stage);
  if (g_strcmp0 (view->around, "selection") == 0)
    filter->around = CS_FILTER_AROUND_SELECTION;
  else
    filter->around = node_index (graph, view->around);
  if (view->depth >= 1 && view->depth <= 3)
    filter->depth = view->depth;
  filter->hide = view->has_hide && view->hide;
  cs_filter_set_role (filter, view->role);
  cs_view_state_set_filter (self, filter);

  if (view->sizing != NULL)
    cs_view_state_set_sizing (self, g_str_equal (view->sizing, "uniform") ? CS_NODE_SIZE_UNIFORM
                                                                            : CS_NODE_SIZE_DEGREE);
  if (view->labels != NULL)
    cs_view_state_set_label_language (self, g_str_equal (view->labels, "english")
                                                ? CS_LABEL_LANGUAGE_ENGLISH
                                                : CS_LABEL_LANGUAGE_ORIGINAL);
  if (view->has_label_density)
    cs_view_state_set_label_density (self, view->label_density);
  if (view->has_layers)
    cs_view_state_set_layers (self, (view->show_labels ? CS_LAYER_LABELS : 0) |
                                        (view->show_legend ? CS_LAYER_LEGEND : 0) |
                                        (view->show_hulls ? CS_LAYER_HULLS : 0) |
                                        (view->show_roles ? CS_LAYER_ROLES : 0));
  if (view->has_legend_collapsed)
    cs_view_state_set_legend_collapsed (self, view->legend_collapsed);
  for (guint c = 0; c < CS_N_STYLE_CHANNELS; c++)
    if (view->style[c] != NULL)
      cs_view_state_set_style_key (self, c, view->style[c]);
}

/**
 * cs_view_state_get_camera:
 * @view: (nullable): what a file's "view" says
 * @zoom: (out): the zoom
 * @center_x: (out): the world point at the middle of the view
 * @center_y: (out): the world point at the middle of the view
 *
 * Returns: %TRUE when @view has a camera
 */
gboolean
cs_view_state_get_camera (const CsSavedView *view,
                          double            *zoom,
                          double            *center_x,
                          double            *center_y)
{
  g_return_val_if_fail (zoom != NULL && center_x != NULL && center_y != NULL, FALSE);

  if (view == NULL || !view->has_camera)
    return FALSE;
  *zoom = view->zoom;
  *center_x = view->center_x;
  *center_y = view->center_y;
  return TRUE;
}
