/* cs-view-state.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-view-state.h"

#include <math.h>

/* What one window shows of a graph: the selection, the filter and what it
 * leaves, sizing, label language, the layers drawn, and the pan and zoom.
 * The canvas, the node list, the inspector, the export dialog and the
 * command line all read it here; none of them asks another. */
struct _CsViewState
{
  GObject          parent_instance;

  /* owned */
  CsGraph         *graph;
  CsViewport      *viewport;
  CsFilter        *filter;
  GArray          *selection;   /* guint, the primary node last */
  int              selected_edge; /* a link selected instead of nodes, or -1 */
  GArray          *anchor;      /* guint: the last selection that was not empty, what a
                                 * filter around the selection is around once it is cleared */
  guint8          *selected;    /* per node: 1 when selected */
  guint8          *node_shown;  /* the filter applied; NULL until asked for, or when all show */
  guint8          *edge_shown;

  /* state */
  CsNodeSizing     sizing;
  CsLabelLanguage  label_language;
  CsLayers         layers;
  double           label_density;
  CsHighlightKind  highlight_kind;
  guint            highlight_id;
  char            *style_keys[CS_N_STYLE_CHANNELS]; /* NULL automatic, "" off, else a key */
  guint            shown_valid : 1;
  guint            legend_collapsed : 1;
};

G_DEFINE_FINAL_TYPE (CsViewState, cs_view_state, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (CsSelectionMode, cs_selection_mode,
                    G_DEFINE_ENUM_VALUE (CS_SELECTION_REPLACE, "replace"),
                    G_DEFINE_ENUM_VALUE (CS_SELECTION_EXTEND, "extend"),
                    G_DEFINE_ENUM_VALUE (CS_SELECTION_TOGGLE, "toggle"))

G_DEFINE_ENUM_TYPE (CsNodeSizing, cs_node_sizing,
                    G_DEFINE_ENUM_VALUE (CS_NODE_SIZE_DEGREE, "degree"),
                    G_DEFINE_ENUM_VALUE (CS_NODE_SIZE_UNIFORM, "uniform"))

G_DEFINE_ENUM_TYPE (CsLabelLanguage, cs_label_language,
                    G_DEFINE_ENUM_VALUE (CS_LABEL_LANGUAGE_ORIGINAL, "original"),
                    G_DEFINE_ENUM_VALUE (CS_LABEL_LANGUAGE_ENGLISH, "english"))

G_DEFINE_FLAGS_TYPE (CsLayers, cs_layers,
                     G_DEFINE_ENUM_VALUE (CS_LAYER_LABELS, "labels"),
                     G_DEFINE_ENUM_VALUE (CS_LAYER_LEGEND, "legend"),
                     G_DEFINE_ENUM_VALUE (CS_LAYER_HULLS, "hulls"),
                     G_DEFINE_ENUM_VALUE (CS_LAYER_ROLES, "roles"))

G_DEFINE_ENUM_TYPE (CsStyleChannel, cs_style_channel,
                    G_DEFINE_ENUM_VALUE (CS_STYLE_COLOR, "color"),
                    G_DEFINE_ENUM_VALUE (CS_STYLE_SIZE, "size"),
                    G_DEFINE_ENUM_VALUE (CS_STYLE_SHAPE, "shape"),
                    G_DEFINE_ENUM_VALUE (CS_STYLE_GROUP, "group"))

G_DEFINE_ENUM_TYPE (CsHighlightKind, cs_highlight_kind,
                    G_DEFINE_ENUM_VALUE (CS_HIGHLIGHT_NONE, "none"),
                    G_DEFINE_ENUM_VALUE (CS_HIGHLIGHT_TYPE, "type"),
                    G_DEFINE_ENUM_VALUE (CS_HIGHLIGHT_RELATION, "relation"),
                    G_DEFINE_ENUM_VALUE (CS_HIGHLIGHT_CONSORTIUM, "consortium"))

enum {
  PROP_0,
  PROP_GRAPH,
  PROP_VIEWPORT,
  PROP_FILTER,
  PROP_SELECTED_NODE,
  PROP_SIZING,
  PROP_LABEL_LANGUAGE,
  PROP_LAYERS,
  PROP_LABEL_DENSITY,
  PROP_HIGHLIGHT_KIND,
  PROP_HIGHLIGHT_ID,
  PROP_LEGEND_COLLAPSED,
  /* the same, as switches for menus */
  PROP_SHOW_LABELS,
  PROP_SHOW_LEGEND,
  PROP_SHOW_HULLS,
  PROP_SHOW_ROLES,
  PROP_UNIFORM_SIZE,
  PROP_ENGLISH_LABELS,
  /* the attributes that drive the look, in CsStyleChannel order */
  PROP_COLOR_BY,
  PROP_SIZE_BY,
  PROP_SHAPE_BY,
  PROP_GROUP_BY,
  N_PROPS
};

enum {
  SELECTION_CHANGED,
  VISIBILITY_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static guint
n_nodes (CsViewState *self)
{
  return self->graph != NULL ? cs_graph_get_n_nodes (self->graph) : 0;
}

/* what the filter leaves changes: forget it until it is asked for again */
static void
invalidate_shown (CsViewState *self)
{
  g_clear_pointer (&self->node_shown, g_free);
  g_clear_pointer (&self->edge_shown, g_free);
  self->shown_valid = FALSE;
  g_signal_emit (self, signals[VISIBILITY_CHANGED], 0);
}

static void
ensure_shown (CsViewState *self)
{
  if (self->shown_valid)
    return;
  self->shown_valid = TRUE;
  if (self->graph == NULL || !cs_filter_is_active (self->filter))
    return;
  self->node_shown = cs_filter_apply (self->filter, self->graph,
                                      (const guint *)self->anchor->data, self->anchor->len,
                                      &self->edge_shown);
}

static void
selection_changed (CsViewState *self)
{
  /* a click on the background clears the selection, not the filter
   * around it: that stays around the last nodes selected */
  if (self->selection->len > 0)
    {
      /* nodes or a link: selecting one lets go of the other */
      self->selected_edge = -1;
      g_array_set_size (self->anchor, 0);
      g_array_append_vals (self->anchor, self->selection->data, self->selection->len);
    }
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_NODE]);
  if (self->filter->around == CS_FILTER_AROUND_SELECTION && self->selection->len > 0)
    invalidate_shown (self);
}

static void
cs_view_state_finalize (GObject *object)
{
  CsViewState *self = (CsViewState *)object;

  g_clear_object (&self->graph);
  g_clear_object (&self->viewport);
  g_clear_pointer (&self->filter, cs_filter_free);
  g_clear_pointer (&self->selection, g_array_unref);
  g_clear_pointer (&self->anchor, g_array_unref);
  g_clear_pointer (&self->selected, g_free);
  g_clear_pointer (&self->node_shown, g_free);
  g_clear_pointer (&self->edge_shown, g_free);
  for (guint c = 0; c < CS_N_STYLE_CHANNELS; c++)
    g_clear_pointer (&self->style_keys[c], g_free);

  G_OBJECT_CLASS (cs_view_state_parent_class)->finalize (object);
}

static void
cs_view_state_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CsViewState *self = CS_VIEW_STATE (object);

  switch (prop_id)
    {
    case PROP_GRAPH:
      g_value_set_object (value, self->graph);
      break;

    case PROP_VIEWPORT:
      g_value_set_object (value, self->viewport);
      break;

    case PROP_FILTER:
      g_value_set_boxed (value, self->filter);
      break;

    case PROP_SELECTED_NODE:
      g_value_set_int (value, cs_view_state_get_selected_node (self));
      break;

    case PROP_SIZING:
      g_value_set_enum (value, self->sizing);
      break;

    case PROP_LABEL_LANGUAGE:
      g_value_set_enum (value, self->label_language);
      break;

    case PROP_LAYERS:
      g_value_set_flags (value, self->layers);
      break;

    case PROP_LABEL_DENSITY:
      g_value_set_double (value, self->label_density);
      break;

    case PROP_HIGHLIGHT_KIND:
      g_value_set_enum (value, self->highlight_kind);
      break;

    case PROP_HIGHLIGHT_ID:
      g_value_set_uint (value, self->highlight_id);
      break;

    case PROP_LEGEND_COLLAPSED:
      g_value_set_boolean (value, self->legend_collapsed);
      break;

    case PROP_SHOW_LABELS:
      g_value_set_boolean (value, (self->layers & CS_LAYER_LABELS) != 0);
      break;

    case PROP_SHOW_ROLES:
      g_value_set_boolean (value, (self->layers & CS_LAYER_ROLES) != 0);
      break;

    case PROP_SHOW_LEGEND:
      g_value_set_boolean (value, (self->layers & CS_LAYER_LEGEND) != 0);
      break;

    case PROP_SHOW_HULLS:
      g_value_set_boolean (value, (self->layers & CS_LAYER_HULLS) != 0);
      break;

    case PROP_UNIFORM_SIZE:
      g_value_set_boolean (value, self->sizing == CS_NODE_SIZE_UNIFORM);
      break;

    case PROP_ENGLISH_LABELS:
      g_value_set_boolean (value, self->label_language == CS_LABEL_LANGUAGE_ENGLISH);
      break;

    case PROP_COLOR_BY:
    case PROP_SIZE_BY:
    case PROP_SHAPE_BY:
    case PROP_GROUP_BY:
      g_value_set_string (value, self->style_keys[prop_id - PROP_COLOR_BY]);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_view_state_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CsViewState *self = CS_VIEW_STATE (object);

  switch (prop_id)
    {
    case PROP_GRAPH:
      cs_view_state_set_graph (self, g_value_get_object (value));
      break;

    case PROP_FILTER:
      cs_view_state_set_filter (self, g_value_get_boxed (value));
      break;

    case PROP_SIZING:
      cs_view_state_set_sizing (self, g_value_get_enum (value));
      break;

    case PROP_LABEL_LANGUAGE:
      cs_view_state_set_label_language (self, g_value_get_enum (value));
      break;

    case PROP_LAYERS:
      cs_view_state_set_layers (self, g_value_get_flags (value));
      break;

    case PROP_LABEL_DENSITY:
      cs_view_state_set_label_density (self, g_value_get_double (value));
      break;

    case PROP_LEGEND_COLLAPSED:
      cs_view_state_set_legend_collapsed (self, g_value_get_boolean (value));
      break;

    case PROP_SHOW_LABELS:
      cs_view_state_set_layer (self, CS_LAYER_LABELS, g_value_get_boolean (value));
      break;

    case PROP_SHOW_ROLES:
      cs_view_state_set_layer (self, CS_LAYER_ROLES, g_value_get_boolean (value));
      break;

    case PROP_SHOW_LEGEND:
      cs_view_state_set_layer (self, CS_LAYER_LEGEND, g_value_get_boolean (value));
      break;

    case PROP_SHOW_HULLS:
      cs_view_state_set_layer (self, CS_LAYER_HULLS, g_value_get_boolean (value));
      break;

    case PROP_UNIFORM_SIZE:
      cs_view_state_set_sizing (self, g_value_get_boolean (value) ? CS_NODE_SIZE_UNIFORM
                                                                  : CS_NODE_SIZE_DEGREE);
      break;

    case PROP_ENGLISH_LABELS:
      cs_view_state_set_label_language (self, g_value_get_boolean (value)
                                                  ? CS_LABEL_LANGUAGE_ENGLISH
                                                  : CS_LABEL_LANGUAGE_ORIGINAL);
      break;

    case PROP_COLOR_BY:
    case PROP_SIZE_BY:
    case PROP_SHAPE_BY:
    case PROP_GROUP_BY:
      cs_view_state_set_style_key (self, prop_id - PROP_COLOR_BY, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_view_state_class_init (CsViewStateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cs_view_state_finalize;
  object_class->get_property = cs_view_state_get_property;
  object_class->set_property = cs_view_state_set_property;

  properties[PROP_GRAPH] = g_param_spec_object ("graph", NULL, NULL, CS_TYPE_GRAPH, rw);
  properties[PROP_VIEWPORT] =
    g_param_spec_object ("viewport", NULL, NULL, CS_TYPE_VIEWPORT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILTER] = g_param_spec_boxed ("filter", NULL, NULL, CS_TYPE_FILTER, rw);
  properties[PROP_SELECTED_NODE] =
    g_param_spec_int ("selected-node", NULL, NULL, -1, G_MAXINT, -1, ro);
  properties[PROP_SIZING] = g_param_spec_enum ("sizing", NULL, NULL, CS_TYPE_NODE_SIZING,
                                               CS_NODE_SIZE_DEGREE, rw);
  properties[PROP_LABEL_LANGUAGE] =
    g_param_spec_enum ("label-language", NULL, NULL, CS_TYPE_LABEL_LANGUAGE,
                       CS_LABEL_LANGUAGE_ORIGINAL, rw);
  properties[PROP_LAYERS] = g_param_spec_flags ("layers", NULL, NULL, CS_TYPE_LAYERS,
                                                CS_LAYERS_DEFAULT, rw);
  properties[PROP_LABEL_DENSITY] = g_param_spec_double ("label-density", NULL, NULL, 0.0, 1.0,
                                                        CS_LABEL_DENSITY_DEFAULT, rw);
  properties[PROP_HIGHLIGHT_KIND] =
    g_param_spec_enum ("highlight-kind", NULL, NULL, CS_TYPE_HIGHLIGHT_KIND, CS_HIGHLIGHT_NONE, ro);
  properties[PROP_HIGHLIGHT_ID] =
    g_param_spec_uint ("highlight-id", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_LEGEND_COLLAPSED] =
    g_param_spec_boolean ("legend-collapsed", NULL, NULL, FALSE, rw);
  properties[PROP_SHOW_LABELS] = g_param_spec_boolean ("show-labels", NULL, NULL, TRUE, rw);
  properties[PROP_SHOW_ROLES] = g_param_spec_boolean ("show-roles", NULL, NULL, TRUE, rw);
  properties[PROP_SHOW_LEGEND] = g_param_spec_boolean ("show-legend", NULL, NULL, TRUE, rw);
  properties[PROP_SHOW_HULLS] = g_param_spec_boolean ("show-hulls", NULL, NULL, TRUE, rw);
  properties[PROP_UNIFORM_SIZE] = g_param_spec_boolean ("uniform-size", NULL, NULL, FALSE, rw);
  properties[PROP_ENGLISH_LABELS] =
    g_param_spec_boolean ("english-labels", NULL, NULL, FALSE, rw);
  /* NULL: chosen for the graph (cs_render_styling_pick()); "": the
   * node types' colours and shapes, sizes by links, consortia as groups */
  properties[PROP_COLOR_BY] = g_param_spec_string ("color-by", NULL, NULL, NULL, rw);
  properties[PROP_SIZE_BY] = g_param_spec_string ("size-by", NULL, NULL, NULL, rw);
  properties[PROP_SHAPE_BY] = g_param_spec_string ("shape-by", NULL, NULL, NULL, rw);
  properties[PROP_GROUP_BY] = g_param_spec_string ("group-by", NULL, NULL, NULL, rw);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CsViewState::selection-changed:
   *
   * The selected nodes changed (also their order).
   */
  signals[SELECTION_CHANGED] = g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass),
                                             G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE,
                                             0);
  /**
   * CsViewState::visibility-changed:
   *
   * What the filter leaves may have changed: read
   * cs_view_state_get_node_shown() again.
   */
  signals[VISIBILITY_CHANGED] = g_signal_new ("visibility-changed", G_TYPE_FROM_CLASS (klass),
                                              G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE,
                                              0);
}

static void
cs_view_state_init (CsViewState *self)
{
  self->viewport = cs_viewport_new ();
  self->filter = cs_filter_new ();
  self->selection = g_array_new (FALSE, FALSE, sizeof (guint));
  self->anchor = g_array_new (FALSE, FALSE, sizeof (guint));
  self->selected_edge = -1;
  self->sizing = CS_NODE_SIZE_DEGREE;
  self->label_language = CS_LABEL_LANGUAGE_ORIGINAL;
  self->layers = CS_LAYERS_DEFAULT;
  self->label_density = CS_LABEL_DENSITY_DEFAULT;
}

CsViewState *
cs_view_state_new (void)
{
  return g_object_new (CS_TYPE_VIEW_STATE, NULL);
}

/**
 * cs_view_state_copy:
 * @self: a #CsViewState
 *
 * A snapshot to change without touching what the window shows, for an
 * export of the selection, say. The viewport is copied too.
 *
 * Returns: (transfer full): the copy
 */
CsViewState *
cs_view_state_copy (CsViewState *self)
{
  CsViewState *copy;

  g_return_val_if_fail (CS_IS_VIEW_STATE (self), NULL);

  copy = cs_view_state_new ();
  copy->graph = self->graph != NULL ? g_object_ref (self->graph) : NULL;
  cs_filter_free (copy->filter);
  copy->filter = cs_filter_copy (self->filter);
  g_array_append_vals (copy->selection, self->selection->data, self->selection->len);
  g_array_append_vals (copy->anchor, self->anchor->data, self->anchor->len);
  copy->selected_edge = self->selected_edge;
  if (self->selected != NULL)
    copy->selected = g_memdup2 (self->selected, MAX (n_nodes (self), 1));
  copy->sizing = self->sizing;
  copy->label_language = self->label_language;
  copy->layers = self->layers;
  copy->label_density = self->label_density;
  copy->legend_collapsed = self->legend_collapsed;
  copy->highlight_kind = self->highlight_kind;
  copy->highlight_id = self->highlight_id;
  for (guint c = 0; c < CS_N_STYLE_CHANNELS; c++)
    copy->style_keys[c] = g_strdup (self->style_keys[c]);
  cs_viewport_set_size (copy->viewport, cs_viewport_get_width (self->viewport),
                        cs_viewport_get_height (self->viewport));
  cs_viewport_set_zoom (copy->viewport, cs_viewport_get_zoom (self->viewport));
  cs_viewport_set_offset (copy->viewport, cs_viewport_get_offset_x (self->viewport),
                          cs_viewport_get_offset_y (self->viewport));
  return copy;
}

/**
 * cs_view_state_get_graph:
 * @self: a #CsViewState
 *
 * Returns: (transfer none) (nullable): the graph shown
 */
CsGraph *
cs_view_state_get_graph (CsViewState *self)
{
  g_return_val_if_fail (CS_IS_VIEW_STATE (self), NULL);

  return self->graph;
}

/**
 * cs_view_state_set_graph:
 * @self: a #CsViewState
 * @graph: (nullable): the graph to show
 *
 * A new graph clears the selection, the filter and the highlight: node,
 * type and relation ids of the old graph mean nothing in the new one.
 * Sizing, labels, density and layers stay.
 */
void
cs_view_state_set_graph (CsViewState *self,
                         CsGraph     *graph)
{
  gboolean had_selection;
  g_autoptr(CsFilter) all = NULL;

  g_return_if_fail (CS_IS_VIEW_STATE (self));
  g_return_if_fail (graph == NULL || CS_IS_GRAPH (graph));

  if (self->graph == graph)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  g_set_object (&self->graph, graph);
  had_selection = self->selection->len > 0;
  g_array_set_size (self->selection, 0);
  g_array_set_size (self->anchor, 0);
  self->selected_edge = -1;
  g_clear_pointer (&self->selected, g_free);
  if (cs_filter_is_active (self->filter) || self->filter->hide || self->filter->depth != 1)
    {
      all = cs_filter_new ();
      cs_filter_free (self->filter);
      self->filter = g_steal_pointer (&all);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTER]);
    }
  if (self->highlight_kind != CS_HIGHLIGHT_NONE)
    {
      self->highlight_kind = CS_HIGHLIGHT_NONE;
      self->highlight_id = 0;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIGHLIGHT_KIND]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIGHLIGHT_ID]);
    }
  /* one graph's attributes mean nothing to another */
  for (guint c = 0; c < CS_N_STYLE_CHANNELS; c++)
    cs_view_state_set_style_key (self, c, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GRAPH]);
  if (had_selection)
    selection_changed (self);
  invalidate_shown (self);
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * cs_view_state_get_viewport:
 * @self: a #CsViewState
 *
 * Returns: (transfer none): the pan and zoom
 */
CsViewport *
cs_view_state_get_viewport (CsViewState *self)
{
  g_return_val_if_fail (CS_IS_VIEW_STATE (self), NULL);

  return self->viewport;
}

/**
 * cs_view_state_get_selection:
 * @self: a #CsViewState
 * @n_selected: (out): how many nodes are selected
 *
 * Returns: (transfer none) (array length=n_selected): the selected nodes,
 *   the primary one (the last chosen) last
 */
const guint *
cs_view_state_get_selection (CsViewState *self,
                             guint       *n_selected)
{
  g_return_val_if_fail (CS_IS_VIEW_STATE (self), NULL);
  g_return_val_if_fail (n_selected != NULL, NULL);

  *n_selected = self->selection->len;
  return (const guint *)self->selection->data;
}

/**
 * cs_view_state_get_selected_node:
 * @self: a #CsViewState
 *
 * Returns: the primary selected node, or -1
 */
int
cs_view_state_get_selected_node (CsViewState *self)
{
  g_return_val_if_fail (CS_IS_VIEW_STATE (self), -1);

  if (self->selection->len == 0)
    return -1;
  return g_array_index (self->selection, guint, self->selection->len - 1);
}

gboolean
cs_view_state_is_selected (CsViewState *self,
                           guint        node)
{
  g_return_val_if_fail (CS_IS_VIEW_STATE (self), FALSE);

  return self->selected != NULL && node < n_nodes (self) && self->selected[node];
}

static void
add_to_selection (CsViewState *self,
                  guint        node)
{
  if (self->selected == NULL)
    self->selected = g_new0 (guint8, MAX (n_nodes (self), 1));
  g_array_append_val (self->selection, node);
  self->selected[node] = 1;
}

static void
remove_from_selection (CsViewState *self,
                       guint        node)
{
  for (guint i = 0; i < self->selection->len; i++)
    {
      if (g_array_index (self->selection, guint, i) == node)
        {
          g_array_remove_index (self->selection, i);
          break;
        }
    }
  self->selected[node] = 0;
}

static void
clear_selection (CsViewState *self)
{
  for (guint i = 0; i < self->selection->len; i++)
    self->selected[g_array_index (self->selection, guint, i)] = 0;
  g_array_set_size (self->selection, 0);
}

/**
 * cs_view_state_select_node:
 * @self: a #CsViewState with a graph
 * @node: a node index, or -1 to clear the selection
 * @mode: replace the selection, add to it, or toggle the node in it
 *
 * Adding a node that is selected makes it the primary one.
 */
void
cs_view_state_select_node (CsViewState     *self,
                           int              node,
                           CsSelectionMode  mode)
{
  g_return_if_fail (CS_IS_VIEW_STATE (self));
  g_return_if_fail (node < (int)n_nodes (self));

  if (node < 0)
    {
      if (mode != CS_SELECTION_REPLACE ||
          (self->selection->len == 0 && self->selected_edge < 0))
        return;
      self->selected_edge = -1;
      clear_selection (self);
      selection_changed (self);
      return;
    }

  if (mode == CS_SELECTION_REPLACE)
    {
      if (self->selection->len == 1 && g_array_index (self->selection, guint, 0) == (guint)node)
        return;
      clear_selection (self);
    }
  else if (cs_view_state_is_selected (self, node))
    {
      remove_from_selection (self, node);
      if (mode == CS_SELECTION_TOGGLE)
        {
          selection_changed (self);
          return;
        }
    }
  add_to_selection (self, node);
  selection_changed (self);
}

/**
 * cs_view_state_select_edge:
 * @self: a #CsViewState with a graph
 * @edge: a link's index, or -1 for none
 *
 * Selects one link instead of nodes (the inspector shows its relation,
 * role and sources); selecting nodes lets go of it. Emits
 * #CsViewState::selection-changed.
 */
void
cs_view_state_select_edge (CsViewState *self,
                           int          edge)
{
  g_return_if_fail (CS_IS_VIEW_STATE (self));
  g_return_if_fail (edge < 0 ||
                    (self->graph != NULL && edge < (int)cs_graph_get_n_edges (self->graph)));

  edge = MAX (edge, -1);
  if (edge == self->selected_edge && (edge < 0 || self->selection->len == 0))
    return;
  clear_selection (self);
  self->selected_edge = edge;
  selection_changed (self);
}

/**
 * cs_view_state_get_selected_edge:
 * @self: a #CsViewState
 *
 * Returns: the selected link, or -1
 */
int
cs_view_state_get_selected_edge (CsViewState *self)
{
  g_return_val_if_fail (CS_IS_VIEW_STATE (self), -1);

  return self->selected_edge;
}

/**
 * cs_view_state_select_nodes:
 * @self: a #CsViewState with a graph
 * @nodes: (array length=n_nodes): node indices
 * @n_nodes: how many
 * @mode: %CS_SELECTION_REPLACE, or %CS_SELECTION_EXTEND to add them
 *
 * Selects many nodes as one change, such as those in a rubber band; the
 * last is the primary one. O(@n_nodes).
 */
void
cs_view_state_select_nodes (CsViewState     *self,
                            const guint     *nodes,
                            guint            n_nodes_in,
                            CsSelectionMode  mode)
{
  gboolean changed = FALSE;

  g_return_if_fail (CS_IS_VIEW_STATE (self));
  g_return_if_fail (nodes != NULL || n_nodes_in == 0);
  g_return_if_fail (mode != CS_SELECTION_TOGGLE);

  for (guint i = 0; i < n_nodes_in; i++)
    g_return_if_fail (nodes[i] < n_nodes (self));

  if (mode == CS_SELECTION_REPLACE && self->selection->len > 0)
    {
      clear_selection (self);
      changed = TRUE;
    }
  for (guint i = 0; i < n_nodes_in; i++)
    {
      if (cs_view_state_is_selected (self, nodes[i]))
        continue;
      add_to_selection (self, nodes[i]);
      changed = TRUE;
    }
  if (changed)
    selection_changed (self);
}

/**
 * cs_view_state_get_filter:
 * @self: a #CsViewState
 *
 * Returns: (transfer none): what is shown
 */
const CsFilter *
cs_view_state_get_filter (CsViewState *self)
{
  g_return_val_if_fail (CS_IS_VIEW_STATE (self), NULL);

  return self->filter;
}

/**
 * cs_view_state_set_filter:
 * @self: a #CsViewState
 * @filter: what to show; copied. Node indices refer to the graph.
 */
void
cs_view_state_set_filter (CsViewState    *self,
                          const CsFilter *filter)
{
  g_return_if_fail (CS_IS_VIEW_STATE (self));
  g_return_if_fail (filter != NULL);

  if (cs_filter_equal (self->filter, filter))
    return;
  cs_filter_free (self->filter);
  self->filter = cs_filter_copy (filter);
  invalidate_shown (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTER]);
}

/**
 * cs_view_state_get_node_shown:
 * @self: a #CsViewState
 *
 * Returns: (transfer none) (nullable): per node, 0 when the filter leaves
 *   it out; %NULL when everything is shown. Valid until
 *   #CsViewState::visibility-changed.
 */
const guint8 *
cs_view_state_get_node_shown (CsViewState *self)
{
  g_return_val_if_fail (CS_IS_VIEW_STATE (self), NULL);

  ensure_shown (self);
  return self->node_shown;
}

/**
 * cs_view_state_get_edge_shown:
 * @self: a #CsViewState
 *
 * Returns: (transfer none) (nullable): per edge, as for
 *   cs_view_state_get_node_shown()
 */
const guint8 *
cs_view_state_get_edge_shown (CsViewState *self)
{
  g_return_val_if_fail (CS_IS_VIEW_STATE (self), NULL);

  ensure_shown (self);
  return self->edge_shown;
}

void
cs_view_state_count_shown (CsViewState *self,
                           guint       *n_nodes_out,
                           guint       *n_edges_out)
{
  guint nodes = 0, edges = 0;
  guint n_edges;

  g_return_if_fail (CS_IS_VIEW_STATE (self));

  ensure_shown (self);
  n_edges = self->graph != NULL ? cs_graph_get_n_edges (self->graph) : 0;
  for (guint i = 0; i < n_nodes (self); i++)
    nodes += self->node_shown == NULL || self->node_shown[i];
  for (guint e = 0; e < n_edges; e++)
    edges += self->edge_shown == NULL || self->edge_shown[e];
  if (n_nodes_out != NULL)
    *n_nodes_out = nodes;
  if (n_edges_out != NULL)
    *n_edges_out = edges;
}

CsNodeSizing
cs_view_state_get_sizing (CsViewState *self)
{
  g_return_val_if_fail (CS_IS_VIEW_STATE (self), CS_NODE_SIZE_DEGREE);

  return self->sizing;
}

void
cs_view_state_set_sizing (CsViewState  *self,
                          CsNodeSizing  sizing)
{
  g_return_if_fail (CS_IS_VIEW_STATE (self));
  g_return_if_fail (sizing <= CS_NODE_SIZE_UNIFORM);

  if (self->sizing == sizing)
    return;
  self->sizing = sizing;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIZING]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNIFORM_SIZE]);
}

/**
 * cs_view_state_get_style_key:
 * @self: a #CsViewState
 * @channel: what of the look
 *
 * Returns: (nullable): the attribute that drives @channel: %NULL when it
 *   is chosen for the graph, "" when the node types (and consortia, for
 *   groups) drive it, else an attribute's key
 */
const char *
cs_view_state_get_style_key (CsViewState    *self,
                             CsStyleChannel  channel)
{
  g_return_val_if_fail (CS_IS_VIEW_STATE (self), NULL);
  g_return_val_if_fail (channel < CS_N_STYLE_CHANNELS, NULL);

  return self->style_keys[channel];
}

void
cs_view_state_set_style_key (CsViewState    *self,
                             CsStyleChannel  channel,
                             const char     *key)
{
  g_return_if_fail (CS_IS_VIEW_STATE (self));
  g_return_if_fail (channel < CS_N_STYLE_CHANNELS);

  if (g_strcmp0 (self->style_keys[channel], key) == 0)
    return;
  g_free (self->style_keys[channel]);
  self->style_keys[channel] = g_strdup (key);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLOR_BY + channel]);
}

/**
 * cs_view_state_get_style_attribute:
 * @self: a #CsViewState
 * @channel: what of the look
 *
 * What drives @channel in the picture: the key set, else the one
 * cs_attribute_summary_pick() chooses for the graph. A key no node of the
 * graph can drive @channel with counts as the node types.
 *
 * Returns: "" for the node types (and consortia), else an attribute's key
 */
const char *
cs_view_state_get_style_attribute (CsViewState    *self,
                                   CsStyleChannel  channel)
{
  const CsAttributeSummary *summary;
  const CsAttributeInfo *info;
  const char *key;

  g_return_val_if_fail (CS_IS_VIEW_STATE (self), "");
  g_return_val_if_fail (channel < CS_N_STYLE_CHANNELS, "");

  if (self->graph == NULL)
    return "";
  summary = cs_attribute_summary_get (self->graph);
  key = self->style_keys[channel];
  if (key == NULL)
    return cs_attribute_summary_pick (summary, self->graph, channel);
  if (key[0] == '\0' || (info = cs_attribute_summary_lookup (summary, key)) == NULL ||
      !cs_attribute_info_can_drive (info, channel))
    return "";
  return key;
}

CsLabelLanguage
cs_view_state_get_label_language (CsViewState *self)
{
  g_return_val_if_fail (CS_IS_VIEW_STATE (self), CS_LABEL_LANGUAGE_ORIGINAL);

  return self->label_language;
}

void
cs_view_state_set_label_language (CsViewState     *self,
                                  CsLabelLanguage  language)
{
  g_return_if_fail (CS_IS_VIEW_STATE (self));
  g_return_if_fail (language <= CS_LABEL_LANGUAGE_ENGLISH);

  if (self->label_language == language)
    return;
  self->label_language = language;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL_LANGUAGE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENGLISH_LABELS]);
}

CsLayers
cs_view_state_get_layers (CsViewState *self)
{
  g_return_val_if_fail (CS_IS_VIEW_STATE (self), 0);

  return self->layers;
}

void
cs_view_state_set_layers (CsViewState *self,
                          CsLayers     layers)
{
  CsLayers changed;

  g_return_if_fail (CS_IS_VIEW_STATE (self));

  layers &= CS_LAYERS_DEFAULT;
  changed = layers ^ self->layers;
  if (changed == 0)
    return;
  self->layers = layers;
  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAYERS]);
  if (changed & CS_LAYER_LABELS)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_LABELS]);
  if (changed & CS_LAYER_LEGEND)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_LEGEND]);
  if (changed & CS_LAYER_HULLS)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_HULLS]);
  if (changed & CS_LAYER_ROLES)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_ROLES]);
  g_object_thaw_notify (G_OBJECT (self));
}

void
cs_view_state_set_layer (CsViewState *self,
                         CsLayers     layer,
                         gboolean     shown)
{
  g_return_if_fail (CS_IS_VIEW_STATE (self));

  cs_view_state_set_layers (self, shown ? self->layers | layer : self->layers & ~layer);
}

double
cs_view_state_get_label_density (CsViewState *self)
{
  g_return_val_if_fail (CS_IS_VIEW_STATE (self), CS_LABEL_DENSITY_DEFAULT);

  return self->label_density;
}

/**
 * cs_view_state_set_label_density:
 * @self: a #CsViewState
 * @density: from 0 (only the names always shown: consortia, leads and the
 *   selection) to 1 (every name that finds room, most important first)
 */
void
cs_view_state_set_label_density (CsViewState *self,
                                 double       density)
{
  g_return_if_fail (CS_IS_VIEW_STATE (self));

  density = isfinite (density) ? CLAMP (density, 0.0, 1.0) : CS_LABEL_DENSITY_DEFAULT;
  if (self->label_density == density)
    return;
  self->label_density = density;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL_DENSITY]);
}

/**
 * cs_view_state_get_highlight:
 * @self: a #CsViewState
 * @id: (out) (optional): the type id, relation id or consortium node
 *
 * Returns: what a legend click brought forward, or %CS_HIGHLIGHT_NONE
 */
CsHighlightKind
cs_view_state_get_highlight (CsViewState *self,
                             guint       *id)
{
  g_return_val_if_fail (CS_IS_VIEW_STATE (self), CS_HIGHLIGHT_NONE);

  if (id != NULL)
    *id = self->highlight_id;
  return self->highlight_kind;
}

/**
 * cs_view_state_set_highlight:
 * @self: a #CsViewState
 * @kind: what to bring forward, or %CS_HIGHLIGHT_NONE
 * @id: a type id or relation id of the graph, or a consortium's node index
 *
 * A new graph clears it.
 */
void
cs_view_state_set_highlight (CsViewState     *self,
                             CsHighlightKind  kind,
                             guint            id)
{
  g_return_if_fail (CS_IS_VIEW_STATE (self));
  g_return_if_fail (kind <= CS_HIGHLIGHT_CONSORTIUM);
  g_return_if_fail (kind == CS_HIGHLIGHT_NONE || self->graph != NULL);
  g_return_if_fail (kind != CS_HIGHLIGHT_TYPE || id < cs_graph_get_n_types (self->graph));
  g_return_if_fail (kind != CS_HIGHLIGHT_RELATION || id < cs_graph_get_n_relations (self->graph));
  g_return_if_fail (kind != CS_HIGHLIGHT_CONSORTIUM ||
                    (id < n_nodes (self) &&
                     cs_graph_get_node (self->graph, id)->type == CS_NODE_TYPE_CONSORTIUM));

  if (kind == CS_HIGHLIGHT_NONE)
    id = 0;
  if (self->highlight_kind == kind && self->highlight_id == id)
    return;
  g_object_freeze_notify (G_OBJECT (self));
  if (self->highlight_id != id)
    {
      self->highlight_id = id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIGHLIGHT_ID]);
    }
  self->highlight_kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIGHLIGHT_KIND]);
  g_object_thaw_notify (G_OBJECT (self));
}

gboolean
cs_view_state_get_legend_collapsed (CsViewState *self)
{
  g_return_val_if_fail (CS_IS_VIEW_STATE (self), FALSE);

  return self->legend_collapsed;
}

/**
 * cs_view_state_set_legend_collapsed:
 * @self: a #CsViewState
 * @collapsed: %TRUE to fold the legend to its header row
 */
void
cs_view_state_set_legend_collapsed (CsViewState *self,
                                    gboolean     collapsed)
{
  g_return_if_fail (CS_IS_VIEW_STATE (self));

  collapsed = !!collapsed;
  if (self->legend_collapsed == (guint)collapsed)
    return;
  self->legend_collapsed = collapsed;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEGEND_COLLAPSED]);
}
