/* cs-inspector.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cs-inspector.h"

#include <string.h>

#include "cs-inspection.h"

#include <adwaita.h>

/* Shows the inspection (cs-inspection.c) of the view state's selected node
 * as boxed lists; a row that leads to another node takes the selection
 * there. Metrics come from the document, computed in a worker: the panel
 * says so while they are on their way. */
struct _CsInspector
{
  GtkWidget     parent_instance;

  /* template children */
  GtkWidget    *box;
  GtkLabel     *title;
  GtkLabel     *subtitle;
  GtkBox       *sections;
  GtkWidget    *back_button;

  /* owned */
  CsDocument   *document;
  CsViewState  *view;
  CsGraph      *graph;
  CsInspection *inspection;

  /* state */
  int           node;
  GArray       *history;    /* int: the nodes shown before, the last on top */
  GArray       *summary;    /* guint: the selection, when it is several nodes */
  int           edge;       /* the link shown instead of a node, or -1 */
  gboolean      going_back;
  gboolean      requesting; /* asking for metrics, which may notify back */
};

G_DEFINE_FINAL_TYPE (CsInspector, cs_inspector, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_NODE,
  N_PROPS
};

enum {
  NAVIGATE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
cs_inspector_row_activated_cb (CsInspector   *self,
                               AdwActionRow  *row)
{
  int node = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "node"));

  g_signal_emit (self, signals[NAVIGATE], 0, (guint)node);
}

/* The back button: the node shown before this one, as a browser's back
 * goes (the window selects it, which shows it here) */
#define HISTORY_MAX 64

static void
cs_inspector_back_cb (CsInspector *self,
                      GtkButton   *button)
{
  int node;

  if (self->history->len == 0)
    return;
  node = g_array_index (self->history, int, self->history->len - 1);
  g_array_set_size (self->history, self->history->len - 1);
  self->going_back = TRUE;
  g_signal_emit (self, signals[NAVIGATE], 0, (guint)node);
  self->going_back = FALSE;
  gtk_widget_set_visible (self->back_button, self->history->len > 0);
}

/* quotes a row writes out; the rest are in its tooltip */
#define QUOTES_SHOWN 2

static GtkWidget *
build_row (CsInspector        *self,
           const CsInspectRow *row)
{
  GtkWidget *widget = adw_action_row_new ();
  g_autofree char *title = g_markup_escape_text (row->text, -1);
  GString *subtitle = g_string_new (NULL);
  GString *tooltip = g_string_new (NULL);

  if (row->detail != NULL && row->detail[0] != '\0')
    {
      g_autofree char *detail = g_markup_escape_text (row->detail, -1);

      g_string_append (subtitle, detail);
    }
  /* each source: its quote as readable as the rest, then its article in
   * short (publisher and date); quotes from one article in a row share its
   * name. The first few are written out, the rest counted: the row's
   * tooltip has every quote and names each article whole. */
  for (guint c = 0; row->citations != NULL && c < row->citations->len; c++)
    {
      const CsInspectCitation *citation = g_ptr_array_index (row->citations, c);
      const CsInspectCitation *next =
          c + 1 < row->citations->len ? g_ptr_array_index (row->citations, c + 1) : NULL;

      if (citation->quote != NULL)
        g_string_append_printf (tooltip, "%s“%s”\n— %s", tooltip->len > 0 ? "\n" : "",
                                citation->quote, citation->article);
      else
        g_string_append_printf (tooltip, "%s%s", tooltip->len > 0 ? "\n" : "",
                                citation->article);
      if (c == QUOTES_SHOWN)
        {
          guint more = row->citations->len - QUOTES_SHOWN;
          /* TRANSLATORS: under the quotes an inspector row shows: how many
           * more sources it has; their quotes are in the row's tooltip */
          g_autofree char *more_text = g_strdup_printf (
              g_dngettext (GETTEXT_PACKAGE, "and %u more source (hover to read)",
                           "and %u more sources (hover to read)", more),
              more);
          g_autofree char *escaped = g_markup_escape_text (more_text, -1);

          g_string_append_printf (subtitle, "\n<small>%s</small>", escaped);
        }
      if (c >= QUOTES_SHOWN)
        continue;
      if (subtitle->len > 0)
        g_string_append (subtitle, "\n");
      if (citation->quote != NULL)
        {
          g_autofree char *quote = g_markup_escape_text (citation->quote, -1);

          g_string_append_printf (subtitle, "“%s”", quote);
        }
      if (next == NULL || c + 1 == QUOTES_SHOWN ||
          g_strcmp0 (next->article, citation->article) != 0)
        {
          g_autofree char *brief = g_markup_escape_text (citation->brief, -1);

          g_string_append_printf (subtitle, "%s<small>— %s</small>",
                                  citation->quote != NULL ? "\n" : "", brief);
        }
    }
  if (tooltip->len > 0)
    gtk_widget_set_tooltip_text (widget, tooltip->str);
  g_string_free (tooltip, TRUE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (widget), title);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (widget), 0);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (widget), subtitle->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (widget), 0);
  g_string_free (subtitle, TRUE);

  if (row->node >= 0)
    {
      adw_action_row_add_suffix (ADW_ACTION_ROW (widget),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (widget), TRUE);
      g_object_set_data (G_OBJECT (widget), "node", GINT_TO_POINTER (row->node));
      g_signal_connect_object (widget, "activated", G_CALLBACK (cs_inspector_row_activated_cb),
                               self, G_CONNECT_SWAPPED);
    }
  return widget;
}

static void
rebuild (CsInspector *self)
{
  GtkWidget *child;

  /* asking the document for metrics tells of them pending, which would
   * rebuild from inside this rebuild: this one reads that state below */
  if (self->requesting)
    return;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sections))) != NULL)
    gtk_box_remove (self->sections, child);
  g_clear_pointer (&self->inspection, cs_inspection_free);

  if (self->graph == NULL || self->node < 0)
    {
      gtk_label_set_text (self->title, "");
      gtk_label_set_text (self->subtitle, "");
      return;
    }

  if (self->edge >= 0)
    self->inspection = cs_inspection_new_for_edge (self->graph, self->edge);
  else if (self->summary->len > 1)
    self->inspection = cs_inspection_new_for_nodes (self->graph,
                                                    (const guint *)self->summary->data,
                                                    self->summary->len);
  else
  {
    const double *betweenness = NULL;

    if (self->document != NULL && cs_document_get_graph (self->document) == self->graph)
      {
        self->requesting = TRUE;
        cs_document_request_metrics (self->document);
        self->requesting = FALSE;
        betweenness = cs_document_get_betweenness (self->document);
      }
    self->inspection = cs_inspection_new (
        self->graph, self->node, betweenness,
        betweenness != NULL ? cs_document_get_betweenness_sources (self->document) : 0);
    if (betweenness == NULL && self->document != NULL &&
        cs_document_get_metrics_pending (self->document))
      /* TRANSLATORS: "Metrics" is the inspector's section of a node's
       * measures, as cs-inspection.c names it; betweenness centrality is
       * being computed */
      cs_inspection_add_note (self->inspection, _("Metrics"), _("Betweenness: computing…"),
                              _("in the background; the panel fills it in when done"));
    else if (betweenness == NULL && self->document != NULL &&
             cs_document_get_metrics_error (self->document) != NULL)
      cs_inspection_add_note (self->inspection, _("Metrics"), _("Betweenness: not available"),
                              cs_document_get_metrics_error (self->document));
  }
  gtk_label_set_text (self->title, self->inspection->title);
  gtk_label_set_text (self->subtitle, self->inspection->subtitle);

  for (guint s = 0; s < self->inspection->sections->len; s++)
    {
      const CsInspectSection *section = g_ptr_array_index (self->inspection->sections, s);
      GtkWidget *group = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *heading = gtk_label_new (section->title);
      GtkWidget *list = gtk_list_box_new ();

      gtk_label_set_xalign (GTK_LABEL (heading), 0);
      gtk_widget_add_css_class (heading, "heading");
      gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
      gtk_widget_add_css_class (list, "boxed-list");
      for (guint r = 0; r < section->rows->len; r++)
        gtk_list_box_append (GTK_LIST_BOX (list),
                             build_row (self, g_ptr_array_index (section->rows, r)));
      gtk_box_append (GTK_BOX (group), heading);
      gtk_box_append (GTK_BOX (group), list);
      gtk_box_append (self->sections, group);
    }
}

static void
set_graph (CsInspector *self,
           CsGraph     *graph)
{
  if (self->graph == graph)
    return;
  g_set_object (&self->graph, graph);
  /* nodes of another graph */
  g_array_set_size (self->history, 0);
  self->edge = -1;
  gtk_widget_set_visible (self->back_button, FALSE);
  if (self->node >= 0)
    {
      self->node = -1;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NODE]);
    }
  rebuild (self);
}

static void
cs_inspector_view_changed_cb (CsInspector *self)
{
  guint n = 0;
  const guint *selection;
  gboolean was_summary = self->summary->len > 1;

  set_graph (self, cs_view_state_get_graph (self->view));
  selection = cs_view_state_get_selection (self->view, &n);
  g_array_set_size (self->summary, 0);
  /* a link selected: its relation, role and sources */
  if (cs_view_state_get_selected_edge (self->view) >= 0 || self->edge >= 0)
    {
      self->edge = cs_view_state_get_selected_edge (self->view);
      if (self->edge >= 0)
        {
          self->node = (int)cs_graph_get_edge (self->graph, self->edge)->source;
          rebuild (self);
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NODE]);
          return;
        }
      /* back to nodes: whatever is selected now is shown afresh */
      self->node = -1;
    }
  /* several nodes (a rubber band, Shift-clicks): a summary of them all */
  if (n > 1)
    g_array_append_vals (self->summary, selection, n);
  if (n > 1 || was_summary)
    {
      self->node = cs_view_state_get_selected_node (self->view);
      rebuild (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NODE]);
      return;
    }
  cs_inspector_set_node (self, cs_view_state_get_selected_node (self->view));
}

static void
cs_inspector_metrics_cb (CsInspector *self)
{
  if (self->node >= 0)
    rebuild (self);
}

/**
 * cs_inspector_set_view_state:
 * @self: a #CsInspector
 * @view: the view whose selected node to show
 */
void
cs_inspector_set_view_state (CsInspector *self,
                             CsViewState *view)
{
  g_return_if_fail (CS_IS_INSPECTOR (self));
  g_return_if_fail (CS_IS_VIEW_STATE (view));

  if (self->view != NULL)
    g_signal_handlers_disconnect_by_data (self->view, self);
  g_set_object (&self->view, view);
  g_signal_connect_object (view, "notify::graph", G_CALLBACK (cs_inspector_view_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (view, "selection-changed", G_CALLBACK (cs_inspector_view_changed_cb),
                           self, G_CONNECT_SWAPPED);
  cs_inspector_view_changed_cb (self);
}

/**
 * cs_inspector_set_document:
 * @self: a #CsInspector
 * @document: the document whose metrics to show
 */
void
cs_inspector_set_document (CsInspector *self,
                           CsDocument  *document)
{
  g_return_if_fail (CS_IS_INSPECTOR (self));
  g_return_if_fail (CS_IS_DOCUMENT (document));

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  g_signal_connect_object (document, "notify::metrics-ready",
                           G_CALLBACK (cs_inspector_metrics_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::metrics-pending",
                           G_CALLBACK (cs_inspector_metrics_cb), self, G_CONNECT_SWAPPED);
  rebuild (self);
}

int
cs_inspector_get_node (CsInspector *self)
{
  g_return_val_if_fail (CS_IS_INSPECTOR (self), -1);

  return self->node;
}

/**
 * cs_inspector_set_node:
 * @self: a #CsInspector
 * @node: the node to show, or -1 for none
 */
void
cs_inspector_set_node (CsInspector *self,
                       int          node)
{
  g_return_if_fail (CS_IS_INSPECTOR (self));
  g_return_if_fail (node < 0 ||
                    (self->graph != NULL && node < (int)cs_graph_get_n_nodes (self->graph)));

  node = MAX (node, -1);
  if (self->node == node)
    return;
  /* nothing shown ends the trail; going back does not lay a new one */
  if (node < 0)
    g_array_set_size (self->history, 0);
  else if (self->node >= 0 && !self->going_back)
    {
      if (self->history->len == HISTORY_MAX)
        g_array_remove_index (self->history, 0);
      g_array_append_val (self->history, self->node);
    }
  gtk_widget_set_visible (self->back_button, self->history->len > 0);
  self->node = node;
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NODE]);
}

/**
 * cs_inspector_dup_text:
 * @self: a #CsInspector
 *
 * Returns: (transfer full) (nullable): what the inspector shows, as text
 */
char *
cs_inspector_dup_text (CsInspector *self)
{
  g_return_val_if_fail (CS_IS_INSPECTOR (self), NULL);

  return self->inspection != NULL ? cs_inspection_to_text (self->inspection) : NULL;
}

static void
cs_inspector_dispose (GObject *object)
{
  CsInspector *self = (CsInspector *)object;

  if (self->view != NULL)
    g_signal_handlers_disconnect_by_data (self->view, self);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), CS_TYPE_INSPECTOR);
  g_clear_object (&self->view);
  g_clear_object (&self->document);
  g_clear_object (&self->graph);
  g_clear_pointer (&self->history, g_array_unref);
  g_clear_pointer (&self->summary, g_array_unref);
  g_clear_pointer (&self->inspection, cs_inspection_free);

  G_OBJECT_CLASS (cs_inspector_parent_class)->dispose (object);
}

static void
cs_inspector_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  CsInspector *self = CS_INSPECTOR (object);

  switch (prop_id)
    {
    case PROP_NODE:
      g_value_set_int (value, self->node);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_inspector_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  CsInspector *self = CS_INSPECTOR (object);

  switch (prop_id)
    {
    case PROP_NODE:
      cs_inspector_set_node (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_inspector_class_init (CsInspectorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cs_inspector_dispose;
  object_class->get_property = cs_inspector_get_property;
  object_class->set_property = cs_inspector_set_property;

  properties[PROP_NODE] =
    g_param_spec_int ("node", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CsInspector::navigate:
   * @self: the inspector
   * @node: the node a row leads to
   *
   * A row about another node (a partner, a consortium, a member) was
   * activated.
   */
  signals[NAVIGATE] =
    g_signal_new ("navigate", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/cs-inspector.ui");
  gtk_widget_class_bind_template_child (widget_class, CsInspector, box);
  gtk_widget_class_bind_template_child (widget_class, CsInspector, title);
  gtk_widget_class_bind_template_child (widget_class, CsInspector, subtitle);
  gtk_widget_class_bind_template_child (widget_class, CsInspector, sections);
  gtk_widget_class_bind_template_child (widget_class, CsInspector, back_button);
  gtk_widget_class_bind_template_callback (widget_class, cs_inspector_back_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "inspector");
}

static void
cs_inspector_init (CsInspector *self)
{
  self->node = -1;
  self->edge = -1;
  self->history = g_array_new (FALSE, FALSE, sizeof (int));
  self->summary = g_array_new (FALSE, FALSE, sizeof (guint));
  gtk_widget_init_template (GTK_WIDGET (self));
}
