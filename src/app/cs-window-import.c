/* cs-window-import.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cs-csv-importer.h"
#include "cs-window-private.h"

/* What opening a file asks before it is read: a CSV edge list's links may
 * come with a node table (another CSV file, joined by its id column, that
 * gives the nodes their labels, types and attributes), as `--nodes` gives
 * one on the command line. The question offers to read the links alone or
 * to choose the table; cancelling keeps the graph that is open.
 *
 * And once read: a file of several graphs (JGF, GraphML, GML, DOT) opens
 * its first; a toast says so, and win.choose-graph picks another, as
 * `--graph N` does. */

/**
 * _cs_window_import_asks:
 * @file: a file to open
 *
 * Returns: %TRUE when opening @file asks first: its name is a CSV edge
 *   list's (.csv, .tsv)
 */
gboolean
_cs_window_import_asks (GFile *file)
{
  g_autoptr(CsImporter) csv = g_object_new (CS_TYPE_CSV_IMPORTER, NULL);
  g_autofree char *name = g_file_get_basename (file);

  return name != NULL && cs_importer_matches_extension (csv, name);
}

static void
nodes_chooser_response_cb (CsWindow             *self,
                           int                   response,
                           GtkFileChooserNative *chooser)
{
  GFile *file = g_object_get_data (G_OBJECT (chooser), "edges");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) nodes = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (nodes != NULL)
        _cs_window_load_full (self, file, nodes, 0, NULL);
    }
  g_clear_object (&self->nodes_chooser);
}

static void
choose_node_table (CsWindow *self,
                   GFile    *file)
{
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  g_autoptr(GFile) parent = g_file_get_parent (file);

  if (self->nodes_chooser != NULL)
    return;
  self->nodes_chooser = gtk_file_chooser_native_new (_("Choose the Node Table"),
                                                     GTK_WINDOW (self),
                                                     GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"),
                                                     _("_Cancel"));
  gtk_file_filter_set_name (csv, _("Node tables (CSV)"));
  gtk_file_filter_add_suffix (csv, "csv");
  gtk_file_filter_add_suffix (csv, "tsv");
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->nodes_chooser), csv);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->nodes_chooser), all);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (self->nodes_chooser), csv);
  /* the table usually sits beside the edge list */
  if (parent != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->nodes_chooser), parent, NULL);
  g_object_set_data_full (G_OBJECT (self->nodes_chooser), "edges", g_object_ref (file),
                          g_object_unref);
  g_signal_connect_object (self->nodes_chooser, "response", G_CALLBACK (nodes_chooser_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->nodes_chooser));
}

static void
import_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    CsWindow         *self)
{
  GFile *file = g_object_get_data (G_OBJECT (dialog), "file");

  if (g_str_equal (response, "links"))
    _cs_window_load_full (self, file, NULL, 0, NULL);
  else if (g_str_equal (response, "table"))
    choose_node_table (self, file);
}

static gboolean
present_idle_cb (gpointer data)
{
  gtk_window_present (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

/* once the window is on screen (a turn later: its surface maps after the
 * signal), so that the question lands over it */
static void
present_once_cb (GtkWindow *dialog,
                 CsWindow  *self)
{
  g_signal_handlers_disconnect_by_func (self, present_once_cb, dialog);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, present_idle_cb, g_object_ref (dialog),
                   g_object_unref);
}

/**
 * _cs_window_import_ask:
 * @self: a #CsWindow
 * @file: a CSV edge list
 *
 * Asks whether @file comes with a node table, then opens it as answered.
 */
void
_cs_window_import_ask (CsWindow *self,
                       GFile    *file)
{
  g_autofree char *name = g_file_get_basename (file);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), NULL, NULL);
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog),
                                     /* TRANSLATORS: %s is the name of a CSV file */
                                     _("Open “%s” as a List of Links?"), name);
  adw_message_dialog_set_body (
      ADW_MESSAGE_DIALOG (dialog),
      _("Each row links two nodes. A node table, another CSV file with an id column, can give "
        "the nodes their names, types and attributes."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    /* TRANSLATORS: opens the CSV file as links, without a
                                     * node table */
                                    "links", _("_Links Only"),
                                    "table", _("_Choose Node Table…"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "table",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "links");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "file", g_object_ref (file), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (import_response_cb), self, 0);
  /* over the window, also when the window opens with the file */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_window_present (GTK_WINDOW (dialog));
  else
    g_signal_connect_object (self, "map", G_CALLBACK (present_once_cb), dialog,
                             G_CONNECT_SWAPPED);
}

static void
choose_graph_response_cb (AdwMessageDialog *dialog,
                          const char       *response,
                          CsWindow         *self)
{
  GtkDropDown *graphs = GTK_DROP_DOWN (adw_message_dialog_get_extra_child (dialog));
  GFile *file = cs_document_get_file (self->document);
  guint chosen = gtk_drop_down_get_selected (graphs);

  if (g_str_equal (response, "open") && file != NULL && chosen != GTK_INVALID_LIST_POSITION)
    _cs_window_open_graph (self, file, cs_document_get_nodes_file (self->document), chosen);
}

static void
cs_window_choose_graph_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  CsWindow *self = CS_WINDOW (widget);
  CsGraph *graph = cs_document_get_graph (self->document);
  GFile *file = cs_document_get_file (self->document);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog, *graphs;
  guint n, index;

  if (graph == NULL || file == NULL || (n = cs_graph_get_n_file_graphs (graph, &index)) < 2)
    return;
  for (guint k = 0; k < n; k++)
    {
      /* TRANSLATORS: an item of the drop-down of a file's graphs */
      g_autofree char *item = g_strdup_printf (_("Graph %u of %u"), k + 1, n);

      gtk_string_list_append (names, item);
    }
  name = g_file_get_basename (file);
  /* TRANSLATORS: %1$s is a file name, %2$u how many graphs it holds (two or
   * more), %3$u the number of the graph open */
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "“%s” holds %u graph; graph %u is open.",
                                       "“%s” holds %u graphs; graph %u is open.", n),
                          name, n, index + 1);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Open Another Graph?"), body);
  graphs = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&names)), NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (graphs), index);
  /* TRANSLATORS: the accessible name of the drop-down of a file's graphs */
  gtk_accessible_update_property (GTK_ACCESSIBLE (graphs), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Graph"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), graphs);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "open",
                                    _("_Open"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "open",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "open");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (choose_graph_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * _cs_window_import_loaded:
 * @self: a #CsWindow whose document has just read a file
 *
 * Says when the file holds other graphs than the one open, with a button
 * that picks another.
 */
void
_cs_window_import_loaded (CsWindow *self)
{
  CsGraph *graph = cs_document_get_graph (self->document);
  GFile *file = cs_document_get_file (self->document);
  guint n = graph != NULL ? cs_graph_get_n_file_graphs (graph, NULL) : 1;
  guint index;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.choose-graph", n > 1 && file != NULL);
  if (n > 1 && file != NULL)
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *title = NULL;
      AdwToast *toast;

      cs_graph_get_n_file_graphs (graph, &index);
      /* TRANSLATORS: a toast; %1$s is a file name, %2$u how many graphs it
       * holds (two or more), %3$u the number of the graph open */
      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "“%s” holds %u graph: graph %u is open",
                                            "“%s” holds %u graphs: graph %u is open", n),
                               name, n, index + 1);
      toast = adw_toast_new (title);
      /* TRANSLATORS: the toast's button: choose another graph of the file */
      adw_toast_set_button_label (toast, _("_Choose…"));
      adw_toast_set_action_name (toast, "win.choose-graph");
      adw_toast_set_timeout (toast, 10);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
}

void
_cs_window_import_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.choose-graph", NULL,
                                   cs_window_choose_graph_action);
}
