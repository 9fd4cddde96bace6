/* cs-view-state.h
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "cs-attribute-summary.h"
#include "cs-filter.h"
#include "cs-graph.h"
#include "cs-viewport.h"

G_BEGIN_DECLS

typedef enum
{
  CS_SELECTION_REPLACE, /* the node alone */
  CS_SELECTION_EXTEND,  /* add the node (Shift) */
  CS_SELECTION_TOGGLE,  /* add or remove the node (Ctrl) */
} CsSelectionMode;

typedef enum
{
  CS_NODE_SIZE_DEGREE,  /* the type's size, grown with the number of links */
  CS_NODE_SIZE_UNIFORM, /* the type's size only */
} CsNodeSizing;

typedef enum
{
  CS_LABEL_LANGUAGE_ORIGINAL, /* the data's own names (Korean for the bundled graph) */
  CS_LABEL_LANGUAGE_ENGLISH,  /* English names where the data has them */
} CsLabelLanguage;

typedef enum /*< flags >*/
{
  CS_LAYER_LABELS = 1 << 0,
  CS_LAYER_LEGEND = 1 << 1,
  CS_LAYER_HULLS  = 1 << 2, /* outlines around each consortium */
  CS_LAYER_ROLES  = 1 << 3, /* members' roles written on their links */
} CsLayers;

#define CS_LAYERS_DEFAULT (CS_LAYER_LABELS | CS_LAYER_LEGEND | CS_LAYER_HULLS | CS_LAYER_ROLES)

/* What a click on a legend entry brings forward; the rest fades */
typedef enum
{
  CS_HIGHLIGHT_NONE,
  CS_HIGHLIGHT_TYPE,       /* nodes of one type: the id is the graph's type id */
  CS_HIGHLIGHT_RELATION,   /* links of one relation: a relation id */
  CS_HIGHLIGHT_CONSORTIUM, /* one consortium and its members: the consortium's node index */
} CsHighlightKind;

/* How many of the names that are not guaranteed a label may have one:
 * 0 for the guaranteed ones alone (consortia, leads, the selection), 1 for
 * every name that finds room, most important first */
#define CS_LABEL_DENSITY_DEFAULT 1.0

#define CS_TYPE_SELECTION_MODE  (cs_selection_mode_get_type ())
#define CS_TYPE_NODE_SIZING     (cs_node_sizing_get_type ())
#define CS_TYPE_LABEL_LANGUAGE  (cs_label_language_get_type ())
#define CS_TYPE_LAYERS          (cs_layers_get_type ())
#define CS_TYPE_HIGHLIGHT_KIND  (cs_highlight_kind_get_type ())
#define CS_TYPE_STYLE_CHANNEL   (cs_style_channel_get_type ())
#define CS_TYPE_VIEW_STATE      (cs_view_state_get_type ())

GType cs_selection_mode_get_type (void) G_GNUC_CONST;
GType cs_node_sizing_get_type    (void) G_GNUC_CONST;
GType cs_label_language_get_type (void) G_GNUC_CONST;
GType cs_layers_get_type         (void) G_GNUC_CONST;
GType cs_highlight_kind_get_type (void) G_GNUC_CONST;
GType cs_style_channel_get_type  (void) G_GNUC_CONST;

G_DECLARE_FINAL_TYPE (CsViewState, cs_view_state, CS, VIEW_STATE, GObject)

CsViewState     *cs_view_state_new                (void);
CsGraph         *cs_view_state_get_graph          (CsViewState     *self);
void             cs_view_state_set_graph          (CsViewState     *self,
                                                   CsGraph         *graph);
CsViewport      *cs_view_state_get_viewport       (CsViewState     *self);
const guint     *cs_view_state_get_selection      (CsViewState     *self,
                                                   guint           *n_selected);
int              cs_view_state_get_selected_node  (CsViewState     *self);
gboolean         cs_view_state_is_selected        (CsViewState     *self,
                                                   guint            node);
void             cs_view_state_select_node        (CsViewState     *self,
                                                   int              node,
                                                   CsSelectionMode  mode);
void             cs_view_state_select_edge        (CsViewState     *self,
                                                   int              edge);
int              cs_view_state_get_selected_edge  (CsViewState     *self);
void             cs_view_state_select_nodes       (CsViewState     *self,
                                                   const guint     *nodes,
                                                   guint            n_nodes,
                                                   CsSelectionMode  mode);
const CsFilter  *cs_view_state_get_filter         (CsViewState     *self);
void             cs_view_state_set_filter         (CsViewState     *self,
                                                   const CsFilter  *filter);
const guint8    *cs_view_state_get_node_shown     (CsViewState     *self);
const guint8    *cs_view_state_get_edge_shown     (CsViewState     *self);
void             cs_view_state_count_shown        (CsViewState     *self,
                                                   guint           *n_nodes,
                                                   guint           *n_edges);
CsNodeSizing     cs_view_state_get_sizing         (CsViewState     *self);
void             cs_view_state_set_sizing         (CsViewState     *self,
                                                   CsNodeSizing     sizing);
CsLabelLanguage  cs_view_state_get_label_language (CsViewState     *self);
void             cs_view_state_set_label_language (CsViewState     *self,
                                                   CsLabelLanguage  language);
CsLayers         cs_view_state_get_layers         (CsViewState     *self);
void             cs_view_state_set_layers         (CsViewState     *self,
                                                   CsLayers         layers);
void             cs_view_state_set_layer          (CsViewState     *self,
                                                   CsLayers         layer,
                                                   gboolean         shown);
const char      *cs_view_state_get_style_key      (CsViewState     *self,
                                                   CsStyleChannel   channel);
void             cs_view_state_set_style_key      (CsViewState     *self,
                                                   CsStyleChannel   channel,
                                                   const char      *key);
const char      *cs_view_state_get_style_attribute (CsViewState    *self,
                                                   CsStyleChannel   channel);
double           cs_view_state_get_label_density  (CsViewState     *self);
void             cs_view_state_set_label_density  (CsViewState     *self,
                                                   double           density);
CsHighlightKind  cs_view_state_get_highlight      (CsViewState     *self,
                                                   guint           *id);
void             cs_view_state_set_highlight      (CsViewState     *self,
                                                   CsHighlightKind  kind,
                                                   guint            id);
gboolean         cs_view_state_get_legend_collapsed (CsViewState   *self);
void             cs_view_state_set_legend_collapsed (CsViewState   *self,
                                                     gboolean       collapsed);
CsViewState     *cs_view_state_copy               (CsViewState     *self);

G_END_DECLS
