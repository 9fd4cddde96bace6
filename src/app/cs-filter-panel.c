/* cs-filter-panel.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-filter-panel.h"

/* The controls behind the Filter button: they build a CsFilter and hand it
 * to the canvas, and show how much of the graph it leaves. */
struct _CsFilterPanel
{
  GtkWidget    parent_instance;

  /* template children */
  GtkWidget   *box;
  GtkLabel    *counts;
  GtkDropDown *consortium;
  GtkDropDown *stage;
  GtkDropDown *depth;
  GtkFlowBox  *types;
  GtkFlowBox  *relations;
  GtkCheckButton *hide;
  GtkSearchEntry *role;
  GtkButton   *reset;

  /* borrowed */
  CsCanvas    *canvas;

  /* owned */
  GArray      *consortia;      /* node index of each consortium item after "All" */
  GtkCheckButton *type_checks[CS_N_NODE_TYPES];
  GtkCheckButton *relation_checks[CS_N_RELATIONS];

  /* state */
  guint        updating : 1;
};

G_DEFINE_FINAL_TYPE (CsFilterPanel, cs_filter_panel, GTK_TYPE_WIDGET)

static void
update_counts (CsFilterPanel *self)
{
  CsGraph *graph = cs_document_get_graph (cs_canvas_get_document (self->canvas));
  g_autofree char *text = NULL;
  guint nodes, edges;

  if (graph == NULL)
    {
      gtk_label_set_text (self->counts, "");
      return;
    }
  cs_canvas_count_shown (self->canvas, &nodes, &edges);
  text = g_strdup_printf ("Showing %u of %u nodes and %u of %u links", nodes,
                          cs_graph_get_n_nodes (graph), edges, cs_graph_get_n_edges (graph));
  gtk_label_set_text (self->counts, text);
}

/* the controls → a filter for the canvas */
static void
apply (CsFilterPanel *self)
{
  CsFilter filter;
  guint consortium, depth;

  if (self->updating || self->canvas == NULL)
    return;

  cs_filter_init (&filter);
  filter.types = 0;
  for (guint t = 0; t < CS_N_NODE_TYPES; t++)
    if (self->type_checks[t] == NULL || gtk_check_button_get_active (self->type_checks[t]))
      filter.types |= 1u << t;
  filter.relations = 0;
  for (guint r = 0; r < CS_N_RELATIONS; r++)
    if (self->relation_checks[r] == NULL || gtk_check_button_get_active (self->relation_checks[r]))
      filter.relations |= 1u << r;
  consortium = gtk_drop_down_get_selected (self->consortium);
  if (consortium != GTK_INVALID_LIST_POSITION && consortium > 0 &&
      consortium - 1 < self->consortia->len)
    filter.consortium = g_array_index (self->consortia, guint, consortium - 1);
  filter.stage = gtk_drop_down_get_selected (self->stage);
  if (filter.stage > CS_FILTER_STAGE_SELECTED)
    filter.stage = CS_FILTER_STAGE_ANY;
  depth = gtk_drop_down_get_selected (self->depth);
  if (depth != GTK_INVALID_LIST_POSITION && depth > 0)
    {
      filter.around = CS_FILTER_AROUND_SELECTION;
      filter.depth = depth;
    }
  filter.hide = gtk_check_button_get_active (self->hide);
  g_strlcpy (filter.role, gtk_editable_get_text (GTK_EDITABLE (self->role)), sizeof filter.role);
  cs_canvas_set_filter (self->canvas, &filter);
}

static void
add_check (CsFilterPanel   *self,
           GtkFlowBox      *box,
           const char      *label,
           GtkCheckButton **slot)
{
  GtkWidget *check = gtk_check_button_new_with_label (label);

  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  g_signal_connect_object (check, "toggled", G_CALLBACK (apply), self, G_CONNECT_SWAPPED);
  gtk_flow_box_append (box, check);
  *slot = GTK_CHECK_BUTTON (check);
}

/* the graph → the controls: its consortia, types and relations */
static void
rebuild (CsFilterPanel *self)
{
  CsGraph *graph = self->canvas != NULL
                       ? cs_document_get_graph (cs_canvas_get_document (self->canvas))
                       : NULL;
  g_autoptr(GtkStringList) consortia = gtk_string_list_new (NULL);
  GtkWidget *child;

  self->updating = TRUE;
  g_array_set_size (self->consortia, 0);
  gtk_string_list_append (consortia, "All consortia");
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->types))) != NULL)
    gtk_flow_box_remove (self->types, child);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->relations))) != NULL)
    gtk_flow_box_remove (self->relations, child);
  memset (self->type_checks, 0, sizeof self->type_checks);
  memset (self->relation_checks, 0, sizeof self->relation_checks);

  if (graph != NULL)
    {
      for (guint i = 0; i < cs_graph_get_n_nodes (graph); i++)
        if (cs_graph_get_node (graph, i)->type == CS_NODE_TYPE_CONSORTIUM)
          {
            gtk_string_list_append (consortia, cs_graph_get_node (graph, i)->label);
            g_array_append_val (self->consortia, i);
          }
      for (guint t = 0; t < CS_N_NODE_TYPES; t++)
        if (cs_graph_count_type (graph, t) > 0)
          add_check (self, self->types, cs_node_type_get_display_name (t), &self->type_checks[t]);
      for (guint r = 0; r < CS_N_RELATIONS; r++)
        if (cs_graph_count_relation (graph, r) > 0)
          add_check (self, self->relations, cs_relation_get_display_name (r),
                     &self->relation_checks[r]);
    }
  gtk_drop_down_set_model (self->consortium, G_LIST_MODEL (consortia));
  gtk_drop_down_set_selected (self->consortium, 0);
  gtk_drop_down_set_selected (self->stage, 0);
  gtk_drop_down_set_selected (self->depth, 0);
  gtk_check_button_set_active (self->hide, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->role), "");
  self->updating = FALSE;
  update_counts (self);
}

static void
cs_filter_panel_graph_cb (CsFilterPanel *self)
{
  rebuild (self);
}

static void
cs_filter_panel_reset_cb (CsFilterPanel *self)
{
  CsFilter all;

  rebuild (self);
  cs_filter_init (&all);
  if (self->canvas != NULL)
    cs_canvas_set_filter (self->canvas, &all);
}

/**
 * cs_filter_panel_set_canvas:
 * @self: a #CsFilterPanel
 * @canvas: the canvas to filter
 */
void
cs_filter_panel_set_canvas (CsFilterPanel *self,
                            CsCanvas      *canvas)
{
  g_return_if_fail (CS_IS_FILTER_PANEL (self));
  g_return_if_fail (CS_IS_CANVAS (canvas));

  self->canvas = canvas;
  g_signal_connect_object (canvas, "notify::filter", G_CALLBACK (update_counts), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (canvas, "selection-changed", G_CALLBACK (update_counts), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (cs_canvas_get_document (canvas), "notify::graph",
                           G_CALLBACK (cs_filter_panel_graph_cb), self, G_CONNECT_SWAPPED);
  rebuild (self);
}

static void
cs_filter_panel_dispose (GObject *object)
{
  CsFilterPanel *self = (CsFilterPanel *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), CS_TYPE_FILTER_PANEL);

  G_OBJECT_CLASS (cs_filter_panel_parent_class)->dispose (object);
}

static void
cs_filter_panel_finalize (GObject *object)
{
  CsFilterPanel *self = (CsFilterPanel *)object;

  g_clear_pointer (&self->consortia, g_array_unref);

  G_OBJECT_CLASS (cs_filter_panel_parent_class)->finalize (object);
}

static void
cs_filter_panel_class_init (CsFilterPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cs_filter_panel_dispose;
  object_class->finalize = cs_filter_panel_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/cs-filter-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, CsFilterPanel, box);
  gtk_widget_class_bind_template_child (widget_class, CsFilterPanel, counts);
  gtk_widget_class_bind_template_child (widget_class, CsFilterPanel, consortium);
  gtk_widget_class_bind_template_child (widget_class, CsFilterPanel, stage);
  gtk_widget_class_bind_template_child (widget_class, CsFilterPanel, depth);
  gtk_widget_class_bind_template_child (widget_class, CsFilterPanel, types);
  gtk_widget_class_bind_template_child (widget_class, CsFilterPanel, relations);
  gtk_widget_class_bind_template_child (widget_class, CsFilterPanel, hide);
  gtk_widget_class_bind_template_child (widget_class, CsFilterPanel, role);
  gtk_widget_class_bind_template_child (widget_class, CsFilterPanel, reset);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "filterpanel");
}

static void
cs_filter_panel_init (CsFilterPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->consortia = g_array_new (FALSE, FALSE, sizeof (guint));

  g_signal_connect_object (self->consortium, "notify::selected", G_CALLBACK (apply), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->stage, "notify::selected", G_CALLBACK (apply), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->depth, "notify::selected", G_CALLBACK (apply), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->hide, "toggled", G_CALLBACK (apply), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->role, "search-changed", G_CALLBACK (apply), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->reset, "clicked", G_CALLBACK (cs_filter_panel_reset_cb), self,
                           G_CONNECT_SWAPPED);
}
