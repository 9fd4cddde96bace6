/* cs-node-list.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-node-list.h"

#include "cs-node-item.h"

/* Every node the view shows, as a sortable table: keyboard and screen
 * reader users reach every organisation here. The list and the canvas
 * share the view state's selection; picking a row asks the window, through
 * ::navigate, to take the view there. */
struct _CsNodeList
{
  GtkWidget           parent_instance;

  /* template children */
  GtkWidget          *scroller;
  GtkColumnView      *view;
  GtkColumnViewColumn *name_column;
  GtkColumnViewColumn *english_column;
  GtkColumnViewColumn *type_column;
  GtkColumnViewColumn *degree_column;
  GtkColumnViewColumn *consortia_column;

  /* owned */
  GListStore         *store;     /* CsNodeItem */
  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;
  GtkSortListModel   *sorted;
  GtkSingleSelection *selection;

  /* owned */
  CsViewState        *view_state;

  /* state */
  guint               updating : 1;
};

G_DEFINE_FINAL_TYPE (CsNodeList, cs_node_list, GTK_TYPE_WIDGET)

enum {
  NAVIGATE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
cs_node_list_format_uint (gpointer unused,
                          guint    value)
{
  return g_strdup_printf ("%u", value);
}

/* the list shows what the view's filter shows */
static gboolean
shown_by_view (gpointer item,
               gpointer user_data)
{
  CsNodeList *self = user_data;
  const guint8 *shown = self->view_state != NULL ? cs_view_state_get_node_shown (self->view_state) : NULL;

  return shown == NULL || shown[cs_node_item_get_node (item)] != 0;
}

static void
rebuild (CsNodeList *self)
{
  CsGraph *graph = self->view_state != NULL ? cs_view_state_get_graph (self->view_state) : NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  self->updating = TRUE;
  for (guint i = 0; graph != NULL && i < cs_graph_get_n_nodes (graph); i++)
    g_ptr_array_add (items, cs_node_item_new (graph, i));
  g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)),
                       items->pdata, items->len);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  self->updating = FALSE;
}

/* view → list */
static void
cs_node_list_view_selection_cb (CsNodeList  *self,
                                CsViewState *view)
{
  int node = cs_view_state_get_selected_node (view);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  guint position = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; node >= 0 && i < n; i++)
    {
      g_autoptr(CsNodeItem) item = g_list_model_get_item (G_LIST_MODEL (self->selection), i);

      if ((int)cs_node_item_get_node (item) == node)
        position = i;
    }
  self->updating = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  self->updating = FALSE;
}

/* list → view */
static void
cs_node_list_selection_changed_cb (CsNodeList         *self,
                                   GParamSpec         *pspec,
                                   GtkSingleSelection *selection)
{
  CsNodeItem *item = gtk_single_selection_get_selected_item (selection);

  if (self->updating || self->view_state == NULL || item == NULL)
    return;
  g_signal_emit (self, signals[NAVIGATE], 0, cs_node_item_get_node (item));
}

static void
cs_node_list_filter_changed_cb (CsNodeList *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  cs_node_list_view_selection_cb (self, self->view_state);
}

/**
 * cs_node_list_set_view_state:
 * @self: a #CsNodeList
 * @view: the view state whose graph, filter and selection the list mirrors
 */
void
cs_node_list_set_view_state (CsNodeList  *self,
                             CsViewState *view)
{
  g_return_if_fail (CS_IS_NODE_LIST (self));
  g_return_if_fail (CS_IS_VIEW_STATE (view));

  if (self->view_state != NULL)
    g_signal_handlers_disconnect_by_data (self->view_state, self);
  g_set_object (&self->view_state, view);
  g_signal_connect_object (view, "notify::graph", G_CALLBACK (rebuild), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (view, "selection-changed",
                           G_CALLBACK (cs_node_list_view_selection_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (view, "visibility-changed",
                           G_CALLBACK (cs_node_list_filter_changed_cb), self, G_CONNECT_SWAPPED);
  rebuild (self);
}

/**
 * cs_node_list_get_model:
 * @self: a #CsNodeList
 *
 * Returns: (transfer none): the rows as shown: filtered and sorted
 */
GListModel *
cs_node_list_get_model (CsNodeList *self)
{
  g_return_val_if_fail (CS_IS_NODE_LIST (self), NULL);

  return G_LIST_MODEL (self->selection);
}

/**
 * cs_node_list_get_selected:
 * @self: a #CsNodeList
 *
 * Returns: the node of the selected row, or -1
 */
int
cs_node_list_get_selected (CsNodeList *self)
{
  CsNodeItem *item;

  g_return_val_if_fail (CS_IS_NODE_LIST (self), -1);

  item = gtk_single_selection_get_selected_item (self->selection);
  return item != NULL ? (int)cs_node_item_get_node (item) : -1;
}

/**
 * cs_node_list_sort_by:
 * @self: a #CsNodeList
 * @column: "name", "english", "type", "degree" or "consortia"
 * @descending: the order
 */
void
cs_node_list_sort_by (CsNodeList *self,
                      const char *column,
                      gboolean    descending)
{
  GtkColumnViewColumn *columns[] = { self->name_column, self->english_column, self->type_column,
                                     self->degree_column, self->consortia_column };
  const char *names[] = { "name", "english", "type", "degree", "consortia" };

  g_return_if_fail (CS_IS_NODE_LIST (self));

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (column, names[i]))
      gtk_column_view_sort_by_column (self->view, columns[i],
                                      descending ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
}

static void
cs_node_list_dispose (GObject *object)
{
  CsNodeList *self = (CsNodeList *)object;

  /* the rows go away with the view: that is no choice of the user's */
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  if (self->view_state != NULL)
    g_signal_handlers_disconnect_by_data (self->view_state, self);
  g_clear_object (&self->view_state);
  gtk_widget_dispose_template (GTK_WIDGET (self), CS_TYPE_NODE_LIST);
  g_clear_object (&self->selection);
  g_clear_object (&self->sorted);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cs_node_list_parent_class)->dispose (object);
}

static void
cs_node_list_class_init (CsNodeListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cs_node_list_dispose;

  /**
   * CsNodeList::navigate:
   * @self: the list
   * @node: the node of the row picked
   *
   * The user picked a row: the window selects the node and takes the view
   * there.
   */
  signals[NAVIGATE] =
    g_signal_new ("navigate", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);

  g_type_ensure (CS_TYPE_NODE_ITEM);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/cs-node-list.ui");
  gtk_widget_class_bind_template_child (widget_class, CsNodeList, scroller);
  gtk_widget_class_bind_template_child (widget_class, CsNodeList, view);
  gtk_widget_class_bind_template_child (widget_class, CsNodeList, name_column);
  gtk_widget_class_bind_template_child (widget_class, CsNodeList, english_column);
  gtk_widget_class_bind_template_child (widget_class, CsNodeList, type_column);
  gtk_widget_class_bind_template_child (widget_class, CsNodeList, degree_column);
  gtk_widget_class_bind_template_child (widget_class, CsNodeList, consortia_column);
  gtk_widget_class_bind_template_callback (widget_class, cs_node_list_format_uint);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "nodelist");
}

static void
cs_node_list_init (CsNodeList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->store = g_list_store_new (CS_TYPE_NODE_ITEM);
  self->filter = gtk_custom_filter_new (shown_by_view, self, NULL);
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->store)),
                                              GTK_FILTER (g_object_ref (self->filter)));
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->filtered)),
                                          g_object_ref (gtk_column_view_get_sorter (self->view)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->sorted)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->selection, "notify::selected",
                           G_CALLBACK (cs_node_list_selection_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_column_view_sort_by_column (self->view, self->degree_column, GTK_SORT_DESCENDING);
}
