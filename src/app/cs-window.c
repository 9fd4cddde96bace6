/* cs-window.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cs-window-private.h"

#include "cs-export-dialog.h"
#include "cs-filter-panel.h"
#include "cs-importer.h"
#include "cs-node-list.h"
#include "cs-search.h"
#include "cs-settings.h"

#include <string.h>

#define SEARCH_MAX_RESULTS 8
/* how many of the matches are ringed on the canvas while the user types */
#define SEARCH_MAX_MARKS 500


G_DEFINE_FINAL_TYPE (CsWindow, cs_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_LAYOUT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * cs_window_get_document:
 * @self: a #CsWindow
 *
 * Returns: (transfer none): the window's document
 */
CsDocument *
cs_window_get_document (CsWindow *self)
{
  g_return_val_if_fail (CS_IS_WINDOW (self), NULL);

  return self->document;
}

/**
 * cs_window_get_view_state:
 * @self: a #CsWindow
 *
 * Returns: (transfer none): what the window shows of its document
 */
CsViewState *
cs_window_get_view_state (CsWindow *self)
{
  g_return_val_if_fail (CS_IS_WINDOW (self), NULL);

  return self->view;
}

/**
 * cs_window_get_node_list:
 * @self: a #CsWindow
 *
 * Returns: (transfer none): the window's list of organisations
 */
CsNodeList *
cs_window_get_node_list (CsWindow *self)
{
  g_return_val_if_fail (CS_IS_WINDOW (self), NULL);

  return self->node_list;
}

/**
 * cs_window_get_inspector:
 * @self: a #CsWindow
 *
 * Returns: (transfer none): the window's inspector panel
 */
CsInspector *
cs_window_get_inspector (CsWindow *self)
{
  g_return_val_if_fail (CS_IS_WINDOW (self), NULL);

  return self->inspector;
}

/**
 * cs_window_get_inspector_revealed:
 * @self: a #CsWindow
 *
 * Returns: %TRUE when the inspector panel is shown
 */
gboolean
cs_window_get_inspector_revealed (CsWindow *self)
{
  g_return_val_if_fail (CS_IS_WINDOW (self), FALSE);

  return adw_flap_get_reveal_flap (self->flap);
}

/**
 * cs_window_get_canvas:
 * @self: a #CsWindow
 *
 * Returns: (transfer none): the window's canvas
 */
CsCanvas *
cs_window_get_canvas (CsWindow *self)
{
  g_return_val_if_fail (CS_IS_WINDOW (self), NULL);

  return self->canvas;
}

/**
 * _cs_window_show_error:
 * @self: a #CsWindow
 * @heading: what failed, naming the file
 * @error: why
 *
 * Says so in a dialog; with nothing open, in the window itself too.
 */
void
_cs_window_show_error (CsWindow     *self,
                       const char   *heading,
                       const GError *error)
{
  GtkWidget *dialog;

  if (cs_document_get_graph (self->document) == NULL)
    {
      /* nothing is open: say so in the window itself */
      adw_status_page_set_title (self->status_page, heading);
      adw_status_page_set_description (self->status_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "status");
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_error (CsWindow     *self,
            GFile        *file,
            const GError *error)
{
  g_autofree char *name = g_file_get_basename (file);
  /* TRANSLATORS: %s is a file name */
  g_autofree char *heading = g_strdup_printf (_("Could not open “%s”"), name);

  _cs_window_show_error (self, heading, error);
}

/* The title, with a dot before it while there are unsaved changes, as
 * GNOME's editors show them */
void
_cs_window_update_title (CsWindow *self)
{
  GFile *file = cs_document_get_file (self->document);
  const char *title = cs_document_get_title (self->document);
  g_autofree char *name = file != NULL ? g_file_get_basename (file) : NULL;
  g_autofree char *shown = NULL;

  if (title == NULL)
    title = "Consortia";
  shown = cs_document_get_modified (self->document) ? g_strdup_printf ("• %s", title)
                                                    : g_strdup (title);
  adw_window_title_set_title (self->window_title, shown);
  adw_window_title_set_subtitle (self->window_title, name);
  gtk_window_set_title (GTK_WINDOW (self), shown);
}

typedef struct
{
  CsWindow        *self;
  GFile           *file;
  CsRecoveryEntry *entry; /* nullable: a recovery copy to restore */
} OpenData;

static void
open_data_free (OpenData *data)
{
  g_clear_object (&data->self);
  g_clear_object (&data->file);
  g_clear_pointer (&data->entry, cs_recovery_entry_free);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OpenData, open_data_free)

/**
 * _cs_window_get_problems_toast:
 * @self: a #CsWindow
 *
 * Returns: (transfer none) (nullable): the toast that says the open file
 *   was read with problems, while it shows
 */
AdwToast *
_cs_window_get_problems_toast (CsWindow *self)
{
  g_return_val_if_fail (CS_IS_WINDOW (self), NULL);

  return self->problems_toast;
}

static void
cs_window_problems_toast_dismissed_cb (CsWindow *self,
                                       AdwToast *toast)
{
  if (self->problems_toast == toast)
    g_clear_object (&self->problems_toast);
}

/* The warnings of the file just opened: a toast, and the list behind its
 * button (win.show-problems) */
static void
show_problems (CsWindow *self)
{
  GPtrArray *problems = cs_document_get_problems (self->document);
  guint n = problems != NULL ? problems->len : 0;
  g_autofree char *title = NULL;
  AdwToast *toast;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-problems", n > 0);
  if (self->problems_toast != NULL)
    adw_toast_dismiss (self->problems_toast);
  g_clear_object (&self->problems_toast);
  if (n == 0)
    return;

  /* TRANSLATORS: a toast: the file just opened was read with problems */
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Opened with %u problem",
                                        "Opened with %u problems", n),
                           n);
  toast = adw_toast_new (title);
  /* TRANSLATORS: the button of the toast above: shows the problems */
  adw_toast_set_button_label (toast, _("_Details"));
  adw_toast_set_action_name (toast, "win.show-problems");
  adw_toast_set_timeout (toast, 10);
  self->problems_toast = g_object_ref (toast);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (cs_window_problems_toast_dismissed_cb),
                           self, G_CONNECT_SWAPPED);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
cs_window_show_problems_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  CsWindow *self = CS_WINDOW (widget);
  GPtrArray *problems = cs_document_get_problems (self->document);
  GFile *file = cs_document_get_file (self->document);
  /* TRANSLATORS: stands for the file's name, at the start of each problem
   * line ("the file:4:3: warning: …") when the graph has no file */
  g_autofree char *name = file != NULL ? g_file_get_basename (file) : g_strdup (_("the file"));
  /* TRANSLATORS: %s is a file name */
  g_autofree char *heading = file != NULL ? g_strdup_printf (_("Problems in “%s”"), name)
                                          : g_strdup (_("Problems in the file"));
  g_autoptr(GString) text = g_string_new (NULL);
  GtkWidget *dialog, *scroller, *label;

  if (problems == NULL || problems->len == 0)
    return;
  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *line = cs_problem_to_string (g_ptr_array_index (problems, i), name);

      g_string_append_printf (text, "%s%s", i > 0 ? "\n" : "", line);
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                   _("The graph opened without what these leave out."));
  label = gtk_label_new (text->str);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "caption");
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 160);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 360);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), label);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scroller);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(OpenData) data = user_data;
  g_autoptr(GError) error = NULL;
  CsWindow *self = data->self;

  if (!cs_document_load_finish (CS_DOCUMENT (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, data->file, error);
      return;
    }

  gtk_stack_set_visible_child_name (self->stack, "canvas");
  gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
  _cs_window_file_loaded (self, data->file, g_steal_pointer (&data->entry));
  _cs_window_update_title (self);
  show_problems (self);
  _cs_window_import_loaded (self);
}

/**
 * _cs_window_load:
 * @self: a #CsWindow
 * @file: a graph file
 * @entry: (transfer full) (nullable): the recovery copy @file is, to be
 *   restored as the unsaved state of the file it was a copy of
 *
 * Loads @file in the background, without asking about unsaved changes
 * (cs_window_open() asks). On failure the window shows why and keeps the
 * graph it had.
 */
void
_cs_window_load (CsWindow        *self,
                 GFile           *file,
                 CsRecoveryEntry *entry)
{
  /* an edge list may come with a node table: ask (cs-window-import.c) */
  if (entry == NULL && _cs_window_import_asks (file))
    {
      _cs_window_import_ask (self, file);
      return;
    }
  _cs_window_load_full (self, file, NULL, 0, entry);
}

/**
 * _cs_window_load_full:
 * @self: a #CsWindow
 * @file: a graph file
 * @nodes: (nullable): the node table of a CSV edge list
 * @graph: which graph of a file holding several, from 0
 * @entry: (transfer full) (nullable): as for _cs_window_load()
 *
 * Loads @file (with @nodes, its graph @graph) in the background without
 * asking anything.
 */
void
_cs_window_load_full (CsWindow        *self,
                      GFile           *file,
                      GFile           *nodes,
                      guint            graph,
                      CsRecoveryEntry *entry)
{
  OpenData *data;

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  self->load_cancellable = g_cancellable_new ();

  data = g_new0 (OpenData, 1);
  data->self = g_object_ref (self);
  data->file = g_object_ref (file);
  data->entry = entry;
  cs_document_load_full_async (self->document, file, nodes, graph, self->load_cancellable, load_cb,
                               data);
}

/**
 * _cs_window_reload:
 * @self: a #CsWindow
 * @file: the document's file
 *
 * Reads @file again as the open graph was read: with its node table, the
 * same graph of several.
 */
void
_cs_window_reload (CsWindow *self,
                   GFile    *file)
{
  CsGraph *graph = cs_document_get_graph (self->document);
  guint index = 0;

  if (graph != NULL)
    cs_graph_get_n_file_graphs (graph, &index);
  _cs_window_load_full (self, file, cs_document_get_nodes_file (self->document), index, NULL);
}

static void
cs_window_chooser_response_cb (CsWindow             *self,
                               int                   response,
                               GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        cs_window_open (self, file);
    }
  g_clear_object (&self->chooser);
}

/**
 * _cs_window_new_open_filters:
 *
 * The file chooser's filters, from the importer registry: every format
 * Consortia reads together, then each one (its display name, extensions
 * and MIME types), then all files.
 *
 * Returns: (transfer full): a list of #GtkFileFilter
 */
GListModel *
_cs_window_new_open_filters (void)
{
  GListStore *filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autoptr(GtkFileFilter) graphs = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  guint n_types;
  const GType *types = cs_importer_get_types (&n_types);

  gtk_file_filter_set_name (graphs, _("All graph files"));
  g_list_store_append (filters, graphs);
  for (guint i = 0; i < n_types; i++)
    {
      g_autoptr(CsImporter) importer = g_object_new (types[i], NULL);
      CsImporterClass *klass = CS_IMPORTER_GET_CLASS (importer);
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

      for (guint k = 0; klass->extensions != NULL && klass->extensions[k] != NULL; k++)
        {
          gtk_file_filter_add_suffix (filter, klass->extensions[k]);
          gtk_file_filter_add_suffix (graphs, klass->extensions[k]);
        }
      for (guint k = 0; klass->mime_types != NULL && klass->mime_types[k] != NULL; k++)
        {
          gtk_file_filter_add_mime_type (filter, klass->mime_types[k]);
          gtk_file_filter_add_mime_type (graphs, klass->mime_types[k]);
        }
      gtk_file_filter_set_name (filter, klass->display_name);
      g_list_store_append (filters, filter);
    }
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  g_list_store_append (filters, all);
  return G_LIST_MODEL (filters);
}

/**
 * _cs_window_new_open_chooser:
 * @self: a #CsWindow
 *
 * The chooser win.open shows: every format Consortia reads (see
 * _cs_window_new_open_filters()), in the folder of the open file.
 *
 * Returns: (transfer full): the chooser, not shown
 */
GtkFileChooserNative *
_cs_window_new_open_chooser (CsWindow *self)
{
  g_autoptr(GListModel) filters = _cs_window_new_open_filters ();
  GFile *current = cs_document_get_file (self->document);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Open Graph"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  for (guint i = 0; i < g_list_model_get_n_items (filters); i++)
    {
      g_autoptr(GtkFileFilter) filter = g_list_model_get_item (filters, i);

      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
      if (i == 0)
        gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), filter);
    }
  if (current != NULL)
    {
      g_autoptr(GFile) parent = g_file_get_parent (current);

      if (parent != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), parent, NULL);
    }
  return chooser;
}

static void
cs_window_open_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  CsWindow *self = CS_WINDOW (widget);

  if (self->chooser != NULL)
    return;

  self->chooser = _cs_window_new_open_chooser (self);
  g_signal_connect_object (self->chooser, "response",
                           G_CALLBACK (cs_window_chooser_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static gboolean
cs_window_drop_cb (CsWindow      *self,
                   const GValue  *value,
                   double         x,
                   double         y,
                   GtkDropTarget *target)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;
  files = gdk_file_list_get_files (g_value_get_boxed (value));
  if (files == NULL)
    return FALSE;
  cs_window_open (self, files->data);
  g_slist_free (files);
  return TRUE;
}

/* The header bar sits outside the canvas, where canvas.* does not reach. */
static void
cs_window_canvas_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  CsWindow *self = CS_WINDOW (widget);
  g_autofree char *name = g_strconcat ("canvas.", action_name + strlen ("win."), NULL);

  gtk_widget_activate_action (GTK_WIDGET (self->canvas), name, NULL);
}

static void
cs_window_undo_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  cs_document_undo (CS_WINDOW (widget)->document);
}

static void
cs_window_redo_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  cs_document_redo (CS_WINDOW (widget)->document);
}

static void
relayout_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(CsWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!cs_document_relayout_finish (CS_DOCUMENT (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }
  /* another layout takes other room: frame it; the same one again moved
   * little, and the view stays */
  if (self->fit_after_layout && self->canvas != NULL)
    cs_canvas_fit (self->canvas);
  self->fit_after_layout = FALSE;
}

void
_cs_window_relayout (CsWindow          *self,
                     CsLayoutAlgorithm  algorithm,
                     guint32            seed)
{
  if (cs_document_get_graph (self->document) == NULL || cs_document_get_busy (self->document))
    return;
  self->fit_after_layout = algorithm != cs_document_get_algorithm (self->document) ||
                           seed != cs_document_get_seed (self->document);
  /* the star is drawn round the selection */
  cs_document_relayout_async (self->document, algorithm, seed,
                              cs_view_state_get_selected_node (self->view),
                              self->load_cancellable, relayout_cb, g_object_ref (self));
}

/* Lays the graph out again with the same algorithm and seed: nodes moved by
 * hand are pinned and stay, the rest follow them. */
static void
cs_window_relayout_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  CsWindow *self = CS_WINDOW (widget);

  _cs_window_relayout (self, cs_document_get_algorithm (self->document),
            cs_document_get_seed (self->document));
}

/* Another arrangement from the same algorithm: the next seed */
static void
cs_window_reseed_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  CsWindow *self = CS_WINDOW (widget);

  _cs_window_relayout (self, cs_document_get_algorithm (self->document),
            cs_document_get_seed (self->document) + 1);
}

/* The layout menu's words for each algorithm; one the window does not know
 * yet is named by its description. */
static const struct
{
  const char *name;
  const char *title;
} layout_titles[] = {
  /* TRANSLATORS: the layout menu: a layout that places the consortia
   * first and their members round them */
  { "consortia", N_("_Consortia First") },
  { "fruchterman_reingold", N_("_Force-Directed (Fruchterman–Reingold)") },
  { "kamada_kawai", N_("_Spring (Kamada–Kawai)") },
  { "drl", N_("Force-Directed for _Large Graphs (DrL)") },
  /* TRANSLATORS: the layout menu: multidimensional scaling, which places
   * nodes by their distances in the graph */
  { "mds", N_("_Distances (MDS)") },
  /* TRANSLATORS: the layout menu: a layered layout, one layer for the
   * programme, one for the consortia, and so on */
  { "sugiyama", N_("_Layers (Programme, Consortia, Members, Models)") },
  { "star", N_("S_tar Around the Selection") },
  { "circle", N_("C_ircle") },
  { "grid", N_("_Grid") },
};

static GMenuModel *
build_layout_menu (void)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) algorithms = g_menu_new ();
  g_autoptr(GMenu) again = g_menu_new ();

  for (guint i = 0; i < CS_N_LAYOUTS; i++)
    {
      const char *name = cs_layout_algorithm_to_string (i);
      g_autofree char *title = NULL;
      g_autoptr(GMenuItem) item = NULL;

      for (guint k = 0; k < G_N_ELEMENTS (layout_titles) && title == NULL; k++)
        if (g_str_equal (layout_titles[k].name, name))
          title = g_strdup (g_dgettext (GETTEXT_PACKAGE, layout_titles[k].title));
      if (title == NULL)
        {
          const char *description = cs_layout_algorithm_get_description (i);
          const char *end = strchr (description, ';');

          title = end != NULL ? g_strndup (description, end - description) : g_strdup (description);
          title[0] = g_ascii_toupper (title[0]);
        }
      item = g_menu_item_new (title, NULL);
      g_menu_item_set_action_and_target_value (item, "win.layout", g_variant_new_string (name));
      g_menu_append_item (algorithms, item);
    }
  g_menu_append (again, _("Lay Out _Again (Keep Pinned Nodes)"), "win.relayout");
  g_menu_append (again, _("_Try Another Arrangement"), "win.reseed");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (algorithms));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (again));
  return G_MENU_MODEL (g_steal_pointer (&menu));
}

static void
update_actions (CsWindow *self)
{
  gboolean idle = !cs_document_get_busy (self->document);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 idle && cs_document_get_can_undo (self->document));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 idle && cs_document_get_can_redo (self->document));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.relayout",
                                 idle && cs_document_get_graph (self->document) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reseed",
                                 idle && cs_document_get_graph (self->document) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.layout",
                                 idle && cs_document_get_graph (self->document) != NULL);
}

static void
cs_window_document_notify_cb (CsWindow   *self,
                              GParamSpec *pspec,
                              CsDocument *document)
{
  update_actions (self);
  /* a load or a layout sets the algorithm, and then the positions */
  if (g_str_equal (pspec->name, "positions"))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAYOUT]);
}

/* The selection opens the inspector beside the canvas (the inspector shows
 * the view's primary selected node itself); the panel closes when nothing
 * is selected. */
static void
cs_window_selection_changed_cb (CsWindow    *self,
                                CsViewState *view)
{
  int node = cs_view_state_get_selected_node (view);

  /* the window is being taken apart */
  if (self->flap == NULL)
    return;
  adw_flap_set_reveal_flap (self->flap, (node >= 0 || cs_view_state_get_selected_edge (view) >= 0) &&
                                            self->inspector_wanted);
}

/* In a narrow window the inspector folds over the canvas instead of
 * beside it: the canvas keeps the selection clear of it. */
static void
cs_window_flap_notify_cb (CsWindow   *self,
                          GParamSpec *pspec,
                          AdwFlap    *flap)
{
  double covered = 0;

  if (adw_flap_get_folded (flap))
    covered = adw_flap_get_reveal_progress (flap) *
              gtk_widget_get_width (GTK_WIDGET (self->inspector));
  cs_canvas_set_covered_right (self->canvas, covered);
}

/* F9: keep the inspector closed while exploring, or open it again */
static void
cs_window_show_inspector_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  CsWindow *self = CS_WINDOW (widget);

  self->inspector_wanted = !self->inspector_wanted;
  adw_flap_set_reveal_flap (self->flap, self->inspector_wanted &&
                                            cs_view_state_get_selected_node (self->view) >= 0);
}

/* a node chosen in a panel (search, inspector, list): select it and take
 * the view there */
static void
show_node (CsWindow *self,
           guint     node)
{
  cs_view_state_select_node (self->view, node, CS_SELECTION_REPLACE);
  cs_canvas_centre_node (self->canvas, node);
}

static void
cs_window_inspector_navigate_cb (CsWindow    *self,
                                 guint        node,
                                 CsInspector *inspector)
{
  show_node (self, node);
}

static void
cs_window_node_list_navigate_cb (CsWindow   *self,
                                 guint       node,
                                 CsNodeList *list)
{
  show_node (self, node);
}

/* the view follows the document's graph: a new graph, a new view of it */
static void
cs_window_graph_changed_cb (CsWindow   *self,
                            GParamSpec *pspec,
                            CsDocument *document)
{
  /* a new graph resets the view: no change of the document */
  self->view_quiet++;
  cs_view_state_set_graph (self->view, cs_document_get_graph (document));
  self->view_quiet--;
  adw_flap_set_reveal_flap (self->flap, FALSE);
}

/* Search */

static void
cs_window_search_changed_cb (CsWindow       *self,
                             GtkSearchEntry *entry)
{
  CsGraph *graph = cs_document_get_graph (self->document);
  g_autoptr(GArray) hits = NULL;
  GtkListBoxRow *old;

  /* the rows, not the first child: the placeholder is a child too */
  while ((old = gtk_list_box_get_row_at_index (self->search_results, 0)) != NULL)
    gtk_list_box_remove (self->search_results, GTK_WIDGET (old));
  if (graph == NULL)
    return;

  hits = cs_search (graph, gtk_editable_get_text (GTK_EDITABLE (entry)), SEARCH_MAX_MARKS);
  /* every match ringed on the canvas, the best few listed */
  {
    g_autofree guint *marks = g_new (guint, MAX (hits->len, 1));

    for (guint i = 0; i < hits->len; i++)
      marks[i] = g_array_index (hits, CsSearchHit, i).node;
    cs_canvas_set_marked (self->canvas, marks,
                          gtk_search_bar_get_search_mode (self->search_bar) ? hits->len : 0);
  }
  for (guint i = 0; i < hits->len && i < SEARCH_MAX_RESULTS; i++)
    {
      const CsSearchHit *hit = &g_array_index (hits, CsSearchHit, i);
      const CsNode *node = cs_graph_get_node (graph, hit->node);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = g_markup_escape_text (node->label, -1);
      g_autofree char *subtitle = NULL;

      if (node->label_en != NULL)
        subtitle = g_markup_printf_escaped ("%s · %s", node->label_en,
                                            cs_graph_get_type_display_name (graph, node->type));
      else
        subtitle = g_strdup (cs_graph_get_type_display_name (graph, node->type));
      if (hit->matched != node->label && hit->matched != node->label_en)
        {
          /* TRANSLATORS: a search result's subtitle: its English name and
           * type, then the alias the search matched */
          char *with_alias = g_markup_printf_escaped (_("%s · also “%s”"), subtitle, hit->matched);

          g_free (subtitle);
          subtitle = with_alias;
        }
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "node", GUINT_TO_POINTER (hit->node));
      gtk_list_box_append (self->search_results, row);
    }
  /* the results, or "No matches" (the list's placeholder) for a text
   * that finds nothing */
  gtk_widget_set_visible (self->search_scroller,
                          gtk_search_bar_get_search_mode (self->search_bar) &&
                              *gtk_editable_get_text (GTK_EDITABLE (entry)) != '\0');
}

/* Down from the search field goes into the results, Up from the first
 * result back to the field; Escape in the results ends the search */
static gboolean
cs_window_search_key_cb (CsWindow              *self,
                         guint                  keyval,
                         guint                  keycode,
                         GdkModifierType        state,
                         GtkEventControllerKey *controller)
{
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->search_results, 0);

  if ((keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down) || first == NULL ||
      !gtk_widget_get_visible (self->search_scroller))
    return GDK_EVENT_PROPAGATE;
  gtk_widget_grab_focus (GTK_WIDGET (first));
  return GDK_EVENT_STOP;
}

static gboolean
cs_window_search_results_keynav_failed_cb (CsWindow         *self,
                                           GtkDirectionType  direction,
                                           GtkListBox       *list)
{
  if (direction != GTK_DIR_UP)
    return GDK_EVENT_PROPAGATE;
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  return GDK_EVENT_STOP;
}

static gboolean
cs_window_search_results_key_cb (CsWindow              *self,
                                 guint                  keyval,
                                 guint                  keycode,
                                 GdkModifierType        state,
                                 GtkEventControllerKey *controller)
{
  if (keyval != GDK_KEY_Escape)
    return GDK_EVENT_PROPAGATE;
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
  return GDK_EVENT_STOP;
}

/* the floating results go with the search bar */
static void
cs_window_search_mode_cb (CsWindow     *self,
                          GParamSpec   *pspec,
                          GtkSearchBar *bar)
{
  if (!gtk_search_bar_get_search_mode (bar))
    {
      gtk_widget_set_visible (self->search_scroller, FALSE);
      cs_canvas_set_marked (self->canvas, NULL, 0);
    }
  else
    cs_window_search_changed_cb (self, GTK_SEARCH_ENTRY (self->search_entry));
}

/* Enter: the best match */
static void
cs_window_search_activate_cb (CsWindow       *self,
                              GtkSearchEntry *entry)
{
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->search_results, 0);

  if (first == NULL)
    {
      gtk_widget_error_bell (GTK_WIDGET (entry));
      return;
    }
  show_node (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (first), "node")));
  /* the picture, not the results, once one is chosen (typing shows them
   * again) */
  gtk_widget_set_visible (self->search_scroller, FALSE);
}

static void
cs_window_search_row_activated_cb (CsWindow      *self,
                                   GtkListBoxRow *row,
                                   GtkListBox    *list)
{
  show_node (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "node")));
  gtk_widget_set_visible (self->search_scroller, FALSE);
}

static void
cs_window_search_stop_cb (CsWindow       *self,
                          GtkSearchEntry *entry)
{
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
}

/* GTK 4.8 leaves the close buttons it adds to search and info bars
 * without a name or tooltip: give them ours */
static void
name_close_buttons (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget) &&
      g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)), "window-close-symbolic") == 0 &&
      gtk_widget_get_tooltip_text (widget) == NULL)
    {
      GtkWidget *bar = gtk_widget_get_ancestor (widget, GTK_TYPE_SEARCH_BAR);
      const char *name;

      if (bar == NULL)
        bar = gtk_widget_get_ancestor (widget, GTK_TYPE_INFO_BAR);
      name = bar != NULL && GTK_IS_SEARCH_BAR (bar) ? _("Close the search") : _("Close");
      gtk_widget_set_tooltip_text (widget, name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                      -1);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    name_close_buttons (child);
}

/* A panel that closes hands the keyboard back to the canvas when the
 * focus was in it, on its button, or nowhere: the canvas's keys (0, l, h,
 * the arrows) work at once, without a click. */
static void
cs_window_panel_revealed_cb (CsWindow   *self,
                             GParamSpec *pspec,
                             AdwFlap    *flap)
{
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (self));
  GtkWidget *panel = adw_flap_get_flap (flap);

  if (adw_flap_get_reveal_flap (flap))
    return;
  if (focus == NULL || !gtk_widget_get_mapped (focus) ||
      (panel != NULL && (focus == panel || gtk_widget_is_ancestor (focus, panel))) ||
      focus == GTK_WIDGET (self->list_button))
    gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
}

/* F8: the list of organisations, for the keyboard and screen readers */
static void
cs_window_show_list_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  CsWindow *self = CS_WINDOW (widget);
  gboolean show = !gtk_toggle_button_get_active (self->list_button);

  gtk_toggle_button_set_active (self->list_button, show);
  /* into the list once it is there (the flap slides in first) */
  self->focus_list = show;
  if (show && gtk_widget_child_focus (GTK_WIDGET (self->node_list), GTK_DIR_TAB_FORWARD))
    self->focus_list = FALSE;
}

static void
cs_window_list_progress_cb (CsWindow   *self,
                            GParamSpec *pspec,
                            AdwFlap    *flap)
{
  if (self->focus_list && adw_flap_get_reveal_progress (flap) >= 1.0 &&
      gtk_widget_child_focus (GTK_WIDGET (self->node_list), GTK_DIR_TAB_FORWARD))
    self->focus_list = FALSE;
}

static void
cs_window_exported_cb (CsWindow       *self,
                       const char     *filename,
                       CsExportDialog *dialog)
{
  g_autofree char *name = g_filename_display_basename (filename);
  /* TRANSLATORS: a toast; %s is a file name */
  g_autofree char *text = g_strdup_printf (_("Exported to “%s”"), name);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

/* Ctrl+E */
static void
cs_window_export_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  CsWindow *self = CS_WINDOW (widget);
  CsExportDialog *dialog;

  if (cs_document_get_graph (self->document) == NULL)
    return;
  dialog = cs_export_dialog_new (GTK_WINDOW (self), self->document, self->view);
  g_signal_connect_object (dialog, "exported", G_CALLBACK (cs_window_exported_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
cs_window_filter_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  gtk_menu_button_popup (CS_WINDOW (widget)->filter_button);
}

static void
cs_window_search_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  CsWindow *self = CS_WINDOW (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Window state, kept between runs: size, maximized, the inspector and the
 * list. Each window starts as the last one closed was. */

/* the preferences' layout for files that name none */
static void
cs_window_default_layout_cb (CsWindow   *self,
                             const char *key,
                             GSettings  *settings)
{
  g_autofree char *name = g_settings_get_string (settings, "default-layout");
  CsLayoutAlgorithm algorithm;

  cs_document_set_default_layout (self->document, cs_layout_algorithm_from_string (name, &algorithm)
                                                      ? (int)algorithm
                                                      : -1);
}

static void
restore_window_state (CsWindow *self)
{
  if (self->settings == NULL)
    return;
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  self->inspector_wanted = g_settings_get_boolean (self->settings, "show-inspector");
  gtk_toggle_button_set_active (self->list_button,
                                g_settings_get_boolean (self->settings, "show-organisation-list"));
  cs_window_default_layout_cb (self, "default-layout", self->settings);
  g_signal_connect_object (self->settings, "changed::default-layout",
                           G_CALLBACK (cs_window_default_layout_cb), self, G_CONNECT_SWAPPED);
}

static void
save_window_state (CsWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;
  /* a maximized window keeps the size it goes back to */
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  if (!gtk_window_is_maximized (GTK_WINDOW (self)) && width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  g_settings_set_boolean (self->settings, "show-inspector", self->inspector_wanted);
  g_settings_set_boolean (self->settings, "show-organisation-list",
                          gtk_toggle_button_get_active (self->list_button));
}

/* Asked to close (by the title bar, the window manager or Quit): save the
 * state and let the close go on, or whatever else answers the request. */
static gboolean
cs_window_close_request_cb (CsWindow *self)
{
  save_window_state (self);
  return GDK_EVENT_PROPAGATE;
}

static void
cs_window_dispose (GObject *object)
{
  CsWindow *self = (CsWindow *)object;

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  _cs_window_file_dispose (self);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  if (self->nodes_chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->nodes_chooser));
  g_clear_object (&self->nodes_chooser);
  g_clear_object (&self->settings);
  g_clear_object (&self->problems_toast);
  gtk_widget_dispose_template (GTK_WIDGET (self), CS_TYPE_WINDOW);
  g_clear_object (&self->document);
  g_clear_object (&self->view_actions);
  g_clear_object (&self->view);

  G_OBJECT_CLASS (cs_window_parent_class)->dispose (object);
}

static void
cs_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  CsWindow *self = CS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_LAYOUT:
      g_value_set_string (value,
                          cs_layout_algorithm_to_string (cs_document_get_algorithm (self->document)));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  CsWindow *self = CS_WINDOW (object);
  CsLayoutAlgorithm algorithm;

  switch (prop_id)
    {
    case PROP_LAYOUT:
      /* choosing a layout lays the graph out with it, the one in use again too */
      if (g_value_get_string (value) != NULL &&
          cs_layout_algorithm_from_string (g_value_get_string (value), &algorithm))
        _cs_window_relayout (self, algorithm, cs_document_get_seed (self->document));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean
cs_window_close_request (GtkWindow *window)
{
  if (_cs_window_file_close_request (CS_WINDOW (window)))
    return TRUE;
  return GTK_WINDOW_CLASS (cs_window_parent_class)->close_request (window);
}

static void
cs_window_class_init (CsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = cs_window_dispose;
  object_class->get_property = cs_window_get_property;
  object_class->set_property = cs_window_set_property;
  window_class->close_request = cs_window_close_request;

  /**
   * CsWindow:layout:
   *
   * The name of the layout the graph is drawn with; setting it lays the
   * graph out again with that one (the layout menu's radio items).
   */
  properties[PROP_LAYOUT] =
    g_param_spec_string ("layout", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CS_TYPE_CANVAS);
  g_type_ensure (CS_TYPE_INSPECTOR);
  g_type_ensure (CS_TYPE_FILTER_PANEL);
  g_type_ensure (CS_TYPE_NODE_LIST);
  g_type_ensure (CS_TYPE_TIMELINE);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/cs-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CsWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CsWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, CsWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, CsWindow, status_page);
  gtk_widget_class_bind_template_child (widget_class, CsWindow, canvas);
  gtk_widget_class_bind_template_child (widget_class, CsWindow, timeline);
  gtk_widget_class_bind_template_child (widget_class, CsWindow, layout_button);
  gtk_widget_class_bind_template_child (widget_class, CsWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, CsWindow, inspector);
  gtk_widget_class_bind_template_child (widget_class, CsWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, CsWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CsWindow, search_scroller);
  gtk_widget_class_bind_template_child (widget_class, CsWindow, search_results);
  gtk_widget_class_bind_template_child (widget_class, CsWindow, filter_button);
  gtk_widget_class_bind_template_child (widget_class, CsWindow, filter_panel);
  gtk_widget_class_bind_template_child (widget_class, CsWindow, list_button);
  gtk_widget_class_bind_template_child (widget_class, CsWindow, node_list);
  gtk_widget_class_bind_template_child (widget_class, CsWindow, changed_bar);
  gtk_widget_class_bind_template_child (widget_class, CsWindow, changed_label);
  gtk_widget_class_bind_template_child (widget_class, CsWindow, save_progress);
  gtk_widget_class_bind_template_child (widget_class, CsWindow, recent_menu);
  gtk_widget_class_bind_template_child (widget_class, CsWindow, style_menu);
  gtk_widget_class_bind_template_callback (widget_class, cs_window_inspector_navigate_cb);
  gtk_widget_class_bind_template_callback (widget_class, cs_window_node_list_navigate_cb);
  gtk_widget_class_bind_template_callback (widget_class, cs_window_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, cs_window_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, cs_window_search_stop_cb);
  gtk_widget_class_bind_template_callback (widget_class, cs_window_search_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, cs_window_open_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_install_action (widget_class, "win.show-problems", NULL,
                                   cs_window_show_problems_action);
  gtk_widget_class_install_action (widget_class, "win.fit", NULL, cs_window_canvas_action);
  gtk_widget_class_install_action (widget_class, "win.clear-selection", NULL,
                                   cs_window_canvas_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, cs_window_search_action);
  gtk_widget_class_install_action (widget_class, "win.show-inspector", NULL,
                                   cs_window_show_inspector_action);
  gtk_widget_class_install_action (widget_class, "win.filter", NULL, cs_window_filter_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, cs_window_export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export",
                                       NULL);
  gtk_widget_class_install_action (widget_class, "win.show-list", NULL, cs_window_show_list_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F8, 0, "win.show-list", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.filter", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.filter", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.show-inspector", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search",
                                       NULL);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, cs_window_undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, cs_window_redo_action);
  gtk_widget_class_install_action (widget_class, "win.relayout", NULL, cs_window_relayout_action);
  gtk_widget_class_install_action (widget_class, "win.reseed", NULL, cs_window_reseed_action);
  gtk_widget_class_install_property_action (widget_class, "win.layout", "layout");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "win.relayout",
                                       NULL);
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, cs_window_canvas_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, cs_window_canvas_action);
  _cs_window_file_class_init (widget_class);
  _cs_window_import_class_init (widget_class);
}

static void
cs_window_init (CsWindow *self)
{
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->inspector_wanted = TRUE;

  self->document = cs_document_new ();
  self->view = cs_view_state_new ();
  /* the view first: the canvas and panels find the new graph in it */
  g_signal_connect_object (self->document, "notify::graph", G_CALLBACK (cs_window_graph_changed_cb),
                           self, G_CONNECT_SWAPPED);
  cs_canvas_set_document (self->canvas, self->document);
  cs_canvas_set_view_state (self->canvas, self->view);
  g_signal_connect_object (self->document, "notify", G_CALLBACK (cs_window_document_notify_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view, "selection-changed",
                           G_CALLBACK (cs_window_selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->flap, "notify::folded", G_CALLBACK (cs_window_flap_notify_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->flap, "notify::reveal-progress",
                           G_CALLBACK (cs_window_flap_notify_cb), self, G_CONNECT_SWAPPED);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  g_signal_connect_object (self->flap, "notify::reveal-flap",
                           G_CALLBACK (cs_window_panel_revealed_cb), self, G_CONNECT_SWAPPED);
  name_close_buttons (GTK_WIDGET (self));
  g_signal_connect_object (gtk_widget_get_parent (GTK_WIDGET (self->node_list)),
                           "notify::reveal-flap", G_CALLBACK (cs_window_panel_revealed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_widget_get_parent (GTK_WIDGET (self->node_list)),
                           "notify::reveal-progress", G_CALLBACK (cs_window_list_progress_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_bar, "notify::search-mode-enabled",
                           G_CALLBACK (cs_window_search_mode_cb), self, G_CONNECT_SWAPPED);
  {
    GtkEventController *keys = gtk_event_controller_key_new ();
    GtkWidget *none = gtk_label_new (_("No matches"));

    g_signal_connect_object (keys, "key-pressed", G_CALLBACK (cs_window_search_key_cb), self,
                             G_CONNECT_SWAPPED);
    gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);
    keys = gtk_event_controller_key_new ();
    g_signal_connect_object (keys, "key-pressed", G_CALLBACK (cs_window_search_results_key_cb),
                             self, G_CONNECT_SWAPPED);
    gtk_widget_add_controller (GTK_WIDGET (self->search_results), keys);
    g_signal_connect_object (self->search_results, "keynav-failed",
                             G_CALLBACK (cs_window_search_results_keynav_failed_cb), self,
                             G_CONNECT_SWAPPED);
    gtk_widget_add_css_class (none, "dim-label");
    gtk_widget_set_margin_top (none, 12);
    gtk_widget_set_margin_bottom (none, 12);
    gtk_list_box_set_placeholder (self->search_results, none);
  }
  cs_inspector_set_view_state (self->inspector, self->view);
  cs_inspector_set_document (self->inspector, self->document);
  cs_filter_panel_set_view_state (self->filter_panel, self->view);
  cs_node_list_set_view_state (self->node_list, self->view);
  cs_timeline_set_view_state (self->timeline, self->view);
  update_actions (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-problems", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.choose-graph", FALSE);
  {
    g_autoptr(GMenuModel) layouts = build_layout_menu ();

    gtk_menu_button_set_menu_model (self->layout_button, layouts);
  }

  /* the view state's options, for the menu */
  {
    g_autoptr(GSimpleActionGroup) view = g_simple_action_group_new ();
    const char *options[] = { "show-legend",    "show-hulls",   "show-roles",
                              "uniform-size",   "english-labels", "label-density" };

    for (guint i = 0; i < G_N_ELEMENTS (options); i++)
      {
        g_autoptr (GPropertyAction)
            action = g_property_action_new (options[i], self->view, options[i]);

        g_action_map_add_action (G_ACTION_MAP (view), G_ACTION (action));
      }
    gtk_widget_insert_action_group (GTK_WIDGET (self), "view", G_ACTION_GROUP (view));
    self->view_actions = g_object_ref (view);
  }
  _cs_window_style_init (self);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_swapped (drop, "drop", G_CALLBACK (cs_window_drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  _cs_window_file_init (self);

  if (DEVELOPMENT)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  self->settings = cs_settings_new ();
  restore_window_state (self);
  g_signal_connect (self, "close-request", G_CALLBACK (cs_window_close_request_cb), NULL);
}
