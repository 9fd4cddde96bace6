/* cs-filter-panel.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cs-filter-panel.h"

#include "cs-stages.h"

/* The controls behind the Filter button: they build a CsFilter for the
 * view state, and show how much of the graph it leaves. Types and
 * relations are the graph's own, known or not. */
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

  /* owned */
  CsViewState *view;
  GArray      *consortia;       /* node index of each consortium item after "All" */
  GPtrArray   *stages;          /* the stage word of each stage item after "Every stage" */
  GPtrArray   *type_checks;     /* per type id: its check button, or NULL when no node has it */
  GPtrArray   *relation_checks; /* per relation id */
  CsGraph     *built_for;       /* the graph the controls were built for */

  /* state */
  guint        updating : 1;
};

G_DEFINE_FINAL_TYPE (CsFilterPanel, cs_filter_panel, GTK_TYPE_WIDGET)

static CsGraph *
get_graph (CsFilterPanel *self)
{
  return self->view != NULL ? cs_view_state_get_graph (self->view) : NULL;
}

static void
update_counts (CsFilterPanel *self)
{
  CsGraph *graph = get_graph (self);
  g_autofree char *text = NULL;
  guint nodes, edges;

  if (graph == NULL)
    {
      gtk_label_set_text (self->counts, "");
      return;
    }
  cs_view_state_count_shown (self->view, &nodes, &edges);
  /* TRANSLATORS: how much of the graph the filter leaves: shown nodes, all
   * nodes, shown links, all links */
  text = g_strdup_printf (_("Showing %u of %u nodes and %u of %u links"), nodes,
                          cs_graph_get_n_nodes (graph), edges, cs_graph_get_n_edges (graph));
  gtk_label_set_text (self->counts, text);
}

/* the controls → a filter for the view */
static void
apply (CsFilterPanel *self)
{
  g_autoptr(CsFilter) filter = NULL;
  CsGraph *graph = get_graph (self);
  guint consortium, stage, depth;

  if (self->updating || graph == NULL)
    return;

  filter = cs_filter_new ();
  for (guint t = 0; t < self->type_checks->len; t++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->type_checks, t);

      if (check != NULL && !gtk_check_button_get_active (check))
        cs_filter_set_type_shown (filter, cs_graph_get_type_name (graph, t), FALSE);
    }
  for (guint r = 0; r < self->relation_checks->len; r++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->relation_checks, r);

      if (check != NULL && !gtk_check_button_get_active (check))
        cs_filter_set_relation_shown (filter, cs_graph_get_relation_name (graph, r), FALSE);
    }
  consortium = gtk_drop_down_get_selected (self->consortium);
  if (consortium != GTK_INVALID_LIST_POSITION && consortium > 0 &&
      consortium - 1 < self->consortia->len)
    filter->consortium = g_array_index (self->consortia, guint, consortium - 1);
  stage = gtk_drop_down_get_selected (self->stage);
  if (stage != GTK_INVALID_LIST_POSITION && stage > 0 && stage - 1 < self->stages->len)
    cs_filter_set_stage (filter, g_ptr_array_index (self->stages, stage - 1));
  depth = gtk_drop_down_get_selected (self->depth);
  if (depth != GTK_INVALID_LIST_POSITION && depth > 0)
    {
      filter->around = CS_FILTER_AROUND_SELECTION;
      filter->depth = depth;
    }
  filter->hide = gtk_check_button_get_active (self->hide);
  cs_filter_set_role (filter, gtk_editable_get_text (GTK_EDITABLE (self->role)));
  self->updating = TRUE;
  cs_view_state_set_filter (self->view, filter);
  self->updating = FALSE;
}

static GtkCheckButton *
add_check (CsFilterPanel *self,
           GtkFlowBox    *box,
           const char    *label)
{
  GtkWidget *check = gtk_check_button_new_with_label (label);

  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  g_signal_connect_object (check, "toggled", G_CALLBACK (apply), self, G_CONNECT_SWAPPED);
  gtk_flow_box_append (box, check);
  return GTK_CHECK_BUTTON (check);
}

/* one item per stage of the graph's events, in order: "Selected · 2025-08" */
static void
add_stages (CsFilterPanel *self,
            CsGraph       *graph,
            GtkStringList *list)
{
  const CsStages *stages = cs_stages_get (graph);

  for (guint s = 0; s < cs_stages_get_n_stages (stages); s++)
    {
      const CsStageInfo *info = cs_stages_get_stage (stages, s);
      g_autofree char *name = cs_stage_get_title (info->name);
      g_autofree char *item = NULL;

      if (info->date != NULL && info->planned)
        /* TRANSLATORS: a stage in the filter's drop-down: its name, then its
         * date; planned: no source says it has happened yet */
        item = g_strdup_printf (_("%s · %s (planned)"), name, info->date);
      else if (info->date != NULL)
        item = g_strdup_printf ("%s · %s", name, info->date);
      else if (info->planned)
        /* TRANSLATORS: a stage in the filter's drop-down, with no date; planned:
         * no source says it has happened yet */
        item = g_strdup_printf (_("%s (planned)"), name);
      else
        item = g_strdup (name);
      gtk_string_list_append (list, item);
      g_ptr_array_add (self->stages, g_strdup (info->name));
    }
}

/* the graph → the controls: its consortia, stages, types and relations */
static void
rebuild (CsFilterPanel *self)
{
  CsGraph *graph = get_graph (self);
  g_autoptr(GtkStringList) consortia = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) stages = gtk_string_list_new (NULL);
  GtkWidget *child;

  self->updating = TRUE;
  g_array_set_size (self->consortia, 0);
  gtk_string_list_append (consortia, _("All consortia"));
  g_ptr_array_set_size (self->stages, 0);
  gtk_string_list_append (stages, _("Every stage"));
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->types))) != NULL)
    gtk_flow_box_remove (self->types, child);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->relations))) != NULL)
    gtk_flow_box_remove (self->relations, child);
  g_ptr_array_set_size (self->type_checks, 0);
  g_ptr_array_set_size (self->relation_checks, 0);
  g_set_object (&self->built_for, graph);

  if (graph != NULL)
    {
      for (guint i = 0; i < cs_graph_get_n_nodes (graph); i++)
        if (cs_graph_get_node (graph, i)->type == CS_NODE_TYPE_CONSORTIUM)
          {
            gtk_string_list_append (consortia, cs_graph_get_node (graph, i)->label);
            g_array_append_val (self->consortia, i);
          }
      add_stages (self, graph, stages);
      for (guint t = 0; t < cs_graph_get_n_types (graph); t++)
        g_ptr_array_add (self->type_checks,
                         cs_graph_count_type (graph, t) > 0
                             ? add_check (self, self->types,
                                          cs_graph_get_type_display_name (graph, t))
                             : NULL);
      for (guint r = 0; r < cs_graph_get_n_relations (graph); r++)
        g_ptr_array_add (self->relation_checks,
                         cs_graph_count_relation (graph, r) > 0
                             ? add_check (self, self->relations,
                                          cs_graph_get_relation_display_name (graph, r))
                             : NULL);
    }
  gtk_drop_down_set_model (self->consortium, G_LIST_MODEL (consortia));
  gtk_drop_down_set_selected (self->consortium, 0);
  gtk_drop_down_set_model (self->stage, G_LIST_MODEL (stages));
  gtk_drop_down_set_selected (self->stage, 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->stage), self->stages->len > 0);
  gtk_drop_down_set_selected (self->depth, 0);
  gtk_check_button_set_active (self->hide, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->role), "");
  self->updating = FALSE;
  update_counts (self);
}

static void
cs_filter_panel_graph_cb (CsFilterPanel *self)
{
  if (get_graph (self) != self->built_for)
    rebuild (self);
}

/* the view's filter → the controls, when someone else set it */
static void
cs_filter_panel_filter_cb (CsFilterPanel *self)
{
  const CsFilter *filter = cs_view_state_get_filter (self->view);
  CsGraph *graph = get_graph (self);
  guint consortium = 0, stage = 0;

  if (self->updating || graph == NULL)
    return;
  /* the view may tell of its new filter before of its new graph: the
   * controls are for the graph the filter speaks of */
  if (graph != self->built_for)
    rebuild (self);
  self->updating = TRUE;
  for (guint t = 0; t < self->type_checks->len; t++)
    if (g_ptr_array_index (self->type_checks, t) != NULL)
      gtk_check_button_set_active (g_ptr_array_index (self->type_checks, t),
                                   cs_filter_get_type_shown (filter,
                                                             cs_graph_get_type_name (graph, t)));
  for (guint r = 0; r < self->relation_checks->len; r++)
    if (g_ptr_array_index (self->relation_checks, r) != NULL)
      gtk_check_button_set_active (
          g_ptr_array_index (self->relation_checks, r),
          cs_filter_get_relation_shown (filter, cs_graph_get_relation_name (graph, r)));
  for (guint i = 0; i < self->consortia->len; i++)
    if ((int)g_array_index (self->consortia, guint, i) == filter->consortium)
      consortium = i + 1;
  gtk_drop_down_set_selected (self->consortium, consortium);
  for (guint i = 0; filter->stage != NULL && i < self->stages->len; i++)
    if (g_str_equal (g_ptr_array_index (self->stages, i), filter->stage))
      stage = i + 1;
  gtk_drop_down_set_selected (self->stage, stage);
  gtk_drop_down_set_selected (self->depth,
                              filter->around == CS_FILTER_AROUND_SELECTION ? filter->depth : 0);
  gtk_check_button_set_active (self->hide, filter->hide);
  gtk_editable_set_text (GTK_EDITABLE (self->role), filter->role != NULL ? filter->role : "");
  self->updating = FALSE;
}

static void
cs_filter_panel_reset_cb (CsFilterPanel *self)
{
  g_autoptr(CsFilter) all = cs_filter_new ();

  rebuild (self);
  if (self->view != NULL)
    cs_view_state_set_filter (self->view, all);
}

/**
 * cs_filter_panel_set_view_state:
 * @self: a #CsFilterPanel
 * @view: the view state to filter
 */
void
cs_filter_panel_set_view_state (CsFilterPanel *self,
                                CsViewState   *view)
{
  g_return_if_fail (CS_IS_FILTER_PANEL (self));
  g_return_if_fail (CS_IS_VIEW_STATE (view));

  if (self->view != NULL)
    g_signal_handlers_disconnect_by_data (self->view, self);
  g_set_object (&self->view, view);
  g_signal_connect_object (view, "visibility-changed", G_CALLBACK (update_counts), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (view, "notify::graph", G_CALLBACK (cs_filter_panel_graph_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (view, "notify::filter", G_CALLBACK (cs_filter_panel_filter_cb), self,
                           G_CONNECT_SWAPPED);
  rebuild (self);
  cs_filter_panel_filter_cb (self);
}

static void
cs_filter_panel_dispose (GObject *object)
{
  CsFilterPanel *self = (CsFilterPanel *)object;

  if (self->view != NULL)
    g_signal_handlers_disconnect_by_data (self->view, self);
  g_clear_object (&self->view);
  g_clear_object (&self->built_for);
  gtk_widget_dispose_template (GTK_WIDGET (self), CS_TYPE_FILTER_PANEL);

  G_OBJECT_CLASS (cs_filter_panel_parent_class)->dispose (object);
}

static void
cs_filter_panel_finalize (GObject *object)
{
  CsFilterPanel *self = (CsFilterPanel *)object;

  g_clear_pointer (&self->consortia, g_array_unref);
  g_clear_pointer (&self->stages, g_ptr_array_unref);
  g_clear_pointer (&self->type_checks, g_ptr_array_unref);
  g_clear_pointer (&self->relation_checks, g_ptr_array_unref);

  G_OBJECT_CLASS (cs_filter_panel_parent_class)->finalize (object);
}

/* Escape in the role field closes the panel, as it does anywhere else in
 * it (the search entry would keep the key to itself) */
static void
cs_filter_panel_role_stop_cb (CsFilterPanel  *self,
                              GtkSearchEntry *entry)
{
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_POPOVER);

  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
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
  self->stages = g_ptr_array_new_with_free_func (g_free);
  self->type_checks = g_ptr_array_new ();
  self->relation_checks = g_ptr_array_new ();

  g_signal_connect_object (self->consortium, "notify::selected", G_CALLBACK (apply), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->stage, "notify::selected", G_CALLBACK (apply), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->depth, "notify::selected", G_CALLBACK (apply), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->hide, "toggled", G_CALLBACK (apply), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->role, "search-changed", G_CALLBACK (apply), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->role, "stop-search", G_CALLBACK (cs_filter_panel_role_stop_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->reset, "clicked", G_CALLBACK (cs_filter_panel_reset_cb), self,
                           G_CONNECT_SWAPPED);
}
