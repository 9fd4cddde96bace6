/* cs-window-file.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cs-window-private.h"

#include "cs-save.h"
#include "cs-view-file.h"

#include <string.h>

/* The window's file: Save and Save As, the question before unsaved changes
 * are lost (closing, opening another file), recovery copies written a few
 * seconds after the last change and offered at the next start, the file
 * changed on disk by another program, and the recent files. */

#define RECOVERY_DELAY_MS 2000
#define RECENT_MAX        8

typedef enum
{
  PENDING_CLOSE,
  PENDING_OPEN,
} PendingKind;

struct _CsPending
{
  PendingKind      kind;
  GFile           *file;  /* PENDING_OPEN */
  CsRecoveryEntry *entry; /* PENDING_OPEN of a recovery copy; nullable */
  gboolean         read_as_said; /* PENDING_OPEN without asking how: with nodes, graph */
  GFile           *nodes; /* nullable */
  guint            graph;
};

static void
pending_free (CsPending *pending)
{
  if (pending == NULL)
    return;
  g_clear_object (&pending->file);
  g_clear_object (&pending->nodes);
  g_clear_pointer (&pending->entry, cs_recovery_entry_free);
  g_free (pending);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CsPending, pending_free)

static void save (CsWindow            *self,
                  GFile               *file,
                  CsDocumentSaveFlags  flags);
static void save_as (CsWindow *self);

static char *
display_name (CsWindow *self)
{
  GFile *file = cs_document_get_file (self->document);

  if (file != NULL && cs_document_get_can_save_in_place (self->document))
    return g_file_get_basename (file);
  return g_strdup (cs_document_get_title (self->document) != NULL
                       ? cs_document_get_title (self->document)
                       : _("Untitled graph"));
}

static gboolean
cs_window_close_idle_cb (gpointer user_data)
{
  gtk_window_close (GTK_WINDOW (user_data));
  return G_SOURCE_REMOVE;
}

static void
run_pending (CsWindow  *self,
             CsPending *pending)
{
  switch (pending->kind)
    {
    case PENDING_CLOSE:
      self->closing = TRUE;
      /* once the dialog that asked, transient for this window, is gone */
      g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, cs_window_close_idle_cb, g_object_ref (self),
                       g_object_unref);
      break;

    case PENDING_OPEN:
      if (pending->read_as_said)
        _cs_window_load_full (self, pending->file, pending->nodes, pending->graph, NULL);
      else
        _cs_window_load (self, pending->file, g_steal_pointer (&pending->entry));
      break;

    default:
      g_assert_not_reached ();
    }
}

/* Unsaved changes */

static void
cs_window_unsaved_response_cb (AdwMessageDialog *dialog,
                               const char       *response,
                               CsWindow         *self)
{
  g_autoptr(CsPending) pending = g_object_steal_data (G_OBJECT (dialog), "pending");

  if (g_str_equal (response, "discard"))
    run_pending (self, pending);
  else if (g_str_equal (response, "save"))
    {
      /* runs once the save succeeds; a failed or cancelled save drops it */
      pending_free (self->pending);
      self->pending = g_steal_pointer (&pending);
      if (cs_document_get_can_save_in_place (self->document))
        save (self, NULL, CS_DOCUMENT_SAVE_NONE);
      else
        save_as (self);
    }
}

/* Does @pending now when nothing would be lost, else asks first: save,
 * discard or cancel, as GNOME's editors ask */
static void
ask_then (CsWindow  *self,
          CsPending *pending)
{
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  if (!cs_document_get_modified (self->document))
    {
      run_pending (self, pending);
      pending_free (pending);
      return;
    }
  name = display_name (self);
  /* TRANSLATORS: %s is a file name, or the graph's title */
  body = g_strdup_printf (_("“%s” has changes that are not saved: nodes moved, pinned or laid "
                            "out, or a new filter or view. Without saving, they are lost."),
                          name);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Save Changes?"),
                                                       body));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "discard", _("_Discard"),
                                    "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "pending", pending, (GDestroyNotify)pending_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (cs_window_unsaved_response_cb), self,
                           0);
  gtk_window_present (GTK_WINDOW (dialog));
}

gboolean
_cs_window_file_close_request (CsWindow *self)
{
  CsPending *pending;

  if (self->closing || !cs_document_get_modified (self->document))
    return FALSE;
  pending = g_new0 (CsPending, 1);
  pending->kind = PENDING_CLOSE;
  ask_then (self, pending);
  return TRUE;
}

/**
 * cs_window_open:
 * @self: a #CsWindow
 * @file: a graph file
 *
 * Opens @file in the window, after asking whether to save the changes to
 * the graph open when it has unsaved ones. The file loads in the
 * background; on failure the window shows why and keeps the graph it had.
 */
void
cs_window_open (CsWindow *self,
                GFile    *file)
{
  CsPending *pending;

  g_return_if_fail (CS_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  pending = g_new0 (CsPending, 1);
  pending->kind = PENDING_OPEN;
  pending->file = g_object_ref (file);
  ask_then (self, pending);
}

/**
 * _cs_window_open_graph:
 * @self: a #CsWindow
 * @file: a graph file
 * @nodes: (nullable): its node table, for a CSV edge list
 * @graph: which graph of a file holding several, from 0
 *
 * As cs_window_open() (asking about unsaved changes first), reading the
 * file as said without asking how.
 */
void
_cs_window_open_graph (CsWindow *self,
                       GFile    *file,
                       GFile    *nodes,
                       guint     graph)
{
  CsPending *pending = g_new0 (CsPending, 1);

  pending->kind = PENDING_OPEN;
  pending->file = g_object_ref (file);
  pending->read_as_said = TRUE;
  pending->nodes = nodes != NULL ? g_object_ref (nodes) : NULL;
  pending->graph = graph;
  ask_then (self, pending);
}

/* Recent files */

static void
add_recent (CsWindow *self,
            GFile    *file)
{
  g_autofree char *uri = NULL;
  g_autofree char *bundled = cs_document_find_bundled_graph ();
  g_autoptr(GFile) bundled_file = g_file_new_for_path (bundled);

  /* the bundled graph is always a click away; recovery copies are no
   * file of the user's */
  if (file == NULL || g_file_equal (file, bundled_file))
    return;
  uri = g_file_get_uri (file);
  gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
}

static int
compare_recent (gconstpointer a,
                gconstpointer b)
{
  GtkRecentInfo *x = *(GtkRecentInfo *const *)a;
  GtkRecentInfo *y = *(GtkRecentInfo *const *)b;

  return g_date_time_compare (gtk_recent_info_get_modified (y), gtk_recent_info_get_modified (x));
}

static void
refresh_recent (CsWindow *self)
{
  GtkRecentManager *manager = gtk_recent_manager_get_default ();
  g_autoptr(GPtrArray) items =
      g_ptr_array_new_with_free_func ((GDestroyNotify)gtk_recent_info_unref);
  GList *list = gtk_recent_manager_get_items (manager);
  const char *app = g_get_application_name ();

  for (GList *l = list; l != NULL; l = l->next)
    {
      GtkRecentInfo *info = l->data;

      if (app != NULL && gtk_recent_info_has_application (info, app) &&
          gtk_recent_info_is_local (info) && gtk_recent_info_exists (info))
        g_ptr_array_add (items, gtk_recent_info_ref (info));
    }
  g_list_free_full (list, (GDestroyNotify)gtk_recent_info_unref);
  g_ptr_array_sort (items, compare_recent);

  g_menu_remove_all (self->recent_menu);
  for (guint i = 0; i < items->len && i < RECENT_MAX; i++)
    {
      GtkRecentInfo *info = g_ptr_array_index (items, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (gtk_recent_info_get_display_name (info), NULL);

      const char *uri = gtk_recent_info_get_uri (info);

      g_menu_item_set_action_and_target_value (item, "win.open-recent",
                                               g_variant_new_string (uri));
      g_menu_append_item (self->recent_menu, item);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open-recent", items->len > 0);
}

static void
cs_window_open_recent_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  cs_window_open (CS_WINDOW (widget), file);
}

/* The file changed on disk */

static void
check_disk (CsWindow *self)
{
  GFile *file = cs_document_get_file (self->document);
  g_autofree char *now = NULL;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  gboolean gone;

  if (file == NULL || cs_document_get_saving (self->document) ||
      cs_document_get_etag (self->document) == NULL)
    return;
  now = cs_save_query_etag (file);
  if (g_strcmp0 (now, cs_document_get_etag (self->document)) == 0)
    {
      gtk_info_bar_set_revealed (self->changed_bar, FALSE);
      return;
    }
  if (self->keep_mine)
    return;
  gone = now == NULL;
  name = g_file_get_basename (file);
  if (gone)
    /* TRANSLATORS: %s is a file name */
    text = g_strdup_printf (_("“%s” was moved or deleted by another program. Save to write it "
                              "again."), name);
  else if (cs_document_get_modified (self->document))
    /* TRANSLATORS: %s is a file name */
    text = g_strdup_printf (_("“%s” was changed by another program. Reloading it discards the "
                              "changes made here."), name);
  else
    /* TRANSLATORS: %s is a file name */
    text = g_strdup_printf (_("“%s” was changed by another program."), name);
  gtk_label_set_text (self->changed_label, text);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reload", !gone);
  gtk_info_bar_set_revealed (self->changed_bar, TRUE);
}

static void
cs_window_monitor_changed_cb (CsWindow          *self,
                              GFile             *file,
                              GFile             *other_file,
                              GFileMonitorEvent  event,
                              GFileMonitor      *monitor)
{
  switch (event)
    {
    case G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT:
    case G_FILE_MONITOR_EVENT_DELETED:
    case G_FILE_MONITOR_EVENT_CREATED:
    case G_FILE_MONITOR_EVENT_RENAMED:
    case G_FILE_MONITOR_EVENT_MOVED_IN:
    case G_FILE_MONITOR_EVENT_MOVED_OUT:
      self->keep_mine = FALSE;
      check_disk (self);
      break;

    default:
      break;
    }
}

static void
watch_file (CsWindow *self)
{
  GFile *file = cs_document_get_file (self->document);

  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
  if (file == NULL || !cs_document_get_can_save_in_place (self->document))
    return;
  self->monitor = g_file_monitor_file (file, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
  if (self->monitor != NULL)
    g_signal_connect_object (self->monitor, "changed",
                             G_CALLBACK (cs_window_monitor_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
cs_window_reload_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  CsWindow *self = CS_WINDOW (widget);
  GFile *file = cs_document_get_file (self->document);

  /* the user asked for the other version, in place of this one, read as
   * it was (with its node table, the same graph of several) */
  if (file != NULL)
    _cs_window_reload (self, file);
}

static void
cs_window_keep_mine_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  CsWindow *self = CS_WINDOW (widget);

  self->keep_mine = TRUE;
  gtk_info_bar_set_revealed (self->changed_bar, FALSE);
}

/* Saving */

typedef struct
{
  CsWindow *self;
  GFile    *file;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->self);
  g_clear_object (&data->file);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaveData, save_data_free)

static void
cs_window_changed_response_cb (AdwMessageDialog *dialog,
                               const char       *response,
                               CsWindow         *self)
{
  GFile *file = g_object_get_data (G_OBJECT (dialog), "file");

  if (g_str_equal (response, "overwrite"))
    save (self, file, CS_DOCUMENT_SAVE_OVERWRITE);
  else
    {
      g_clear_pointer (&self->pending, pending_free);
      if (g_str_equal (response, "reload"))
        _cs_window_reload (self, file);
    }
}

static void
clear_recovery (CsWindow *self)
{
  g_clear_handle_id (&self->recovery_timeout, g_source_remove);
  if (self->recovery != NULL)
    cs_recovery_clear (self->recovery);
}

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(SaveData) data = user_data;
  CsWindow *self = data->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (data->file);
  g_autoptr(CsPending) pending = g_steal_pointer (&self->pending);

  if (!cs_document_save_finish (CS_DOCUMENT (object), result, &error))
    {
      g_autofree char *heading = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->window_title == NULL)
        return;
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG))
        {
          g_autofree char *body = g_strdup_printf (
              /* TRANSLATORS: %s is a file name */
              _("“%s” was changed by another program since it was opened or saved here. Saving "
                "overwrites that version; reloading discards the changes made here."),
              name);
          AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (
              adw_message_dialog_new (GTK_WINDOW (self), _("The File Changed on Disk"), body));

          adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"),
                                            /* TRANSLATORS: reads the file again as the
                                             * other program left it */
                                            "reload", _("_Reload"),
                                            /* TRANSLATORS: saves over the other
                                             * program's version */
                                            "overwrite", _("_Overwrite"), NULL);
          adw_message_dialog_set_response_appearance (dialog, "overwrite",
                                                      ADW_RESPONSE_DESTRUCTIVE);
          adw_message_dialog_set_default_response (dialog, "cancel");
          adw_message_dialog_set_close_response (dialog, "cancel");
          g_object_set_data_full (G_OBJECT (dialog), "file", g_object_ref (data->file),
                                  g_object_unref);
          /* an overwrite still runs what waited on the save */
          self->pending = g_steal_pointer (&pending);
          g_signal_connect_object (dialog, "response", G_CALLBACK (cs_window_changed_response_cb),
                                   self, 0);
          gtk_window_present (GTK_WINDOW (dialog));
          return;
        }
      /* TRANSLATORS: %s is a file name */
      heading = g_strdup_printf (_("Could not save “%s”"), name);
      _cs_window_show_error (self, heading, error);
      return;
    }

  {
    /* TRANSLATORS: a toast; %s is a file name */
    g_autofree char *text = g_strdup_printf (_("Saved “%s”"), name);

    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
  }
  add_recent (self, data->file);
  self->keep_mine = FALSE;
  gtk_info_bar_set_revealed (self->changed_bar, FALSE);
  watch_file (self);
  if (!cs_document_get_modified (self->document))
    clear_recovery (self);
  _cs_window_update_title (self);
  if (pending != NULL)
    run_pending (self, pending);
}

static void
save (CsWindow            *self,
      GFile               *file,
      CsDocumentSaveFlags  flags)
{
  g_autoptr(CsSavedView) view = NULL;
  SaveData *data;

  if (cs_document_get_graph (self->document) == NULL || cs_document_get_saving (self->document))
    return;
  view = cs_view_state_save (self->view);
  data = g_new0 (SaveData, 1);
  data->self = g_object_ref (self);
  data->file = g_object_ref (file != NULL ? file : cs_document_get_file (self->document));
  g_cancellable_cancel (self->save_cancellable);
  g_clear_object (&self->save_cancellable);
  self->save_cancellable = g_cancellable_new ();
  cs_document_save_async (self->document, data->file, view, flags, self->save_cancellable,
                          save_cb, data);
}

static void
cs_window_save_chooser_response_cb (CsWindow             *self,
                                    int                   response,
                                    GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->save_chooser);
  if (file == NULL)
    {
      g_clear_pointer (&self->pending, pending_free);
      return;
    }
  /* the chooser asked before replacing another file: no check of what it
   * was is left to make */
  save (self, file, CS_DOCUMENT_SAVE_OVERWRITE);
}

static char *
suggested_name (CsWindow *self)
{
  GFile *file = cs_document_get_file (self->document);
  g_autofree char *base = NULL;
  CsGraph *graph;
  char *dot;

  if (file != NULL && cs_document_get_can_save_in_place (self->document))
    return g_file_get_basename (file);
  /* TRANSLATORS: the file name Save As suggests for a graph that has no
   * file, before ".json"; better without spaces or slashes */
  base = file != NULL ? g_file_get_basename (file) : g_strdup (_("graph"));
  /* another format, or the bundled graph: a new name of our format */
  if ((dot = strrchr (base, '.')) != NULL && dot != base)
    *dot = '\0';
  graph = cs_document_get_graph (self->document);
  if (file != NULL && !cs_document_get_can_save_in_place (self->document) &&
      g_strcmp0 (cs_graph_get_source_format (graph), "consortia") == 0)
    {
      /* TRANSLATORS: the file name Save As suggests for a changed copy of
       * a file; %s is the file's name without its extension (".json"
       * follows) */
      g_autofree char *edited = g_strdup_printf (_("%s (edited)"), base);

      return g_strconcat (edited, ".json", NULL);
    }
  return g_strdup_printf ("%s.json", base);
}

static void
save_as (CsWindow *self)
{
  g_autoptr(GtkFileFilter) json = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  GFile *current = cs_document_get_file (self->document);

  if (cs_document_get_graph (self->document) == NULL || self->save_chooser != NULL)
    return;
  self->save_chooser = gtk_file_chooser_native_new (_("Save Graph As"), GTK_WINDOW (self),
                                                    GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"),
                                                    _("_Cancel"));
  gtk_file_filter_set_name (json, _("Consortia graphs (JSON)"));
  gtk_file_filter_add_suffix (json, "json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->save_chooser), json);
  name = suggested_name (self);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->save_chooser), name);
  /* beside the open file, of ours or another format; the bundled graph's
   * folder is the installation's */
  if (current != NULL)
    {
      g_autofree char *bundled = cs_document_find_bundled_graph ();
      g_autoptr(GFile) bundled_file = g_file_new_for_path (bundled);
      g_autoptr(GFile) parent = g_file_get_parent (current);

      if (parent != NULL && !g_file_equal (current, bundled_file))
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->save_chooser), parent, NULL);
    }
  g_signal_connect_object (self->save_chooser, "response",
                           G_CALLBACK (cs_window_save_chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->save_chooser));
}

/* Ctrl+S: the open file, unless it is the bundled graph or of another
 * format, which are saved as a new file of ours */
static void
cs_window_save_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  CsWindow *self = CS_WINDOW (widget);

  if (cs_document_get_can_save_in_place (self->document))
    save (self, NULL, CS_DOCUMENT_SAVE_NONE);
  else
    save_as (self);
}

static void
cs_window_save_as_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  save_as (CS_WINDOW (widget));
}

static void
cs_window_saving_cb (CsWindow   *self,
                     GParamSpec *pspec,
                     CsDocument *document)
{
  gboolean saving = cs_document_get_saving (document);

  gtk_progress_bar_set_fraction (self->save_progress,
                                 saving ? cs_document_get_save_progress (document) : 0);
  gtk_widget_set_visible (GTK_WIDGET (self->save_progress), saving);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save", !saving);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as", !saving);
}

/* Recovery copies */

static void
recovery_written_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(CsWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  CsDocument *document = CS_DOCUMENT (object);

  self->recovery_writing = FALSE;
  if (!cs_document_save_copy_finish (document, result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not write the recovery copy: %s", error->message);
      return;
    }
  if (self->recovery == NULL)
    return;
  /* saved meanwhile: nothing left to recover */
  if (!cs_document_get_modified (document))
    {
      cs_recovery_clear (self->recovery);
      return;
    }
  /* a file of another format is never written over: a restored copy of
   * its changes is saved with Save As */
  if (!cs_recovery_commit (self->recovery,
                           cs_document_get_can_save_in_place (document)
                             ? cs_document_get_file (document) : NULL,
                           cs_document_get_etag (document), cs_document_get_title (document),
                           &error))
    g_warning ("Could not write the recovery copy: %s", error->message);
}

static gboolean
cs_window_recovery_timeout_cb (gpointer user_data)
{
  CsWindow *self = user_data;
  g_autoptr(CsSavedView) view = NULL;
  g_autoptr(GFile) copy = NULL;

  self->recovery_timeout = 0;
  if (self->recovery == NULL || !cs_document_get_modified (self->document) ||
      cs_document_get_graph (self->document) == NULL)
    return G_SOURCE_REMOVE;
  /* one copy at a time: the next one follows this one */
  if (self->recovery_writing)
    {
      self->recovery_timeout = g_timeout_add (RECOVERY_DELAY_MS, cs_window_recovery_timeout_cb,
                                              self);
      return G_SOURCE_REMOVE;
    }
  self->recovery_writing = TRUE;
  view = cs_view_state_save (self->view);
  copy = cs_recovery_get_copy_file (self->recovery);
  cs_document_save_copy_async (self->document, copy, view, self->recovery_cancellable,
                               recovery_written_cb, g_object_ref (self));
  return G_SOURCE_REMOVE;
}

/* A change: the copy is written a few seconds after the last one */
static void
schedule_recovery (CsWindow *self)
{
  if (self->recovery == NULL)
    return;
  if (!cs_document_get_modified (self->document))
    {
      clear_recovery (self);
      return;
    }
  g_clear_handle_id (&self->recovery_timeout, g_source_remove);
  self->recovery_timeout = g_timeout_add (RECOVERY_DELAY_MS, cs_window_recovery_timeout_cb, self);
}

static void
cs_window_document_changed_cb (CsWindow   *self,
                               GParamSpec *pspec,
                               CsDocument *document)
{
  if (g_str_equal (pspec->name, "modified"))
    {
      _cs_window_update_title (self);
      if (cs_document_get_modified (document))
        check_disk (self);
    }
  schedule_recovery (self);
}

/* What the file's view records changed: the document differs from its
 * file. Loading and restoring a view change it too, and do not count. */
static void
cs_window_view_changed_cb (CsWindow    *self,
                           GParamSpec  *pspec,
                           CsViewState *view)
{
  if (self->view_quiet > 0 || cs_document_get_busy (self->document))
    return;
  cs_document_mark_view_changed (self->document);
}

static void
cs_window_restore_response_cb (AdwMessageDialog *dialog,
                               const char       *response,
                               CsWindow         *self)
{
  CsRecoveryEntry *entry = g_object_steal_data (G_OBJECT (dialog), "entry");
  GPtrArray *rest = g_object_get_data (G_OBJECT (dialog), "rest");

  if (g_str_equal (response, "restore"))
    {
      CsPending *pending = g_new0 (CsPending, 1);
      CsWindow *target = self;

      /* the first in this window, the others each in one of its own */
      if (cs_document_get_modified (self->document) || self->restored)
        {
          target = g_object_new (CS_TYPE_WINDOW, "application",
                                 gtk_window_get_application (GTK_WINDOW (self)), NULL);
          gtk_window_present (GTK_WINDOW (target));
        }
      target->restored = TRUE;
      pending->kind = PENDING_OPEN;
      pending->file = g_object_ref (entry->copy);
      pending->entry = entry;
      run_pending (target, pending);
      pending_free (pending);
    }
  else
    {
      cs_recovery_entry_discard (entry);
      cs_recovery_entry_free (entry);
    }
  if (rest != NULL && rest->len > 0)
    {
      g_autoptr(GPtrArray) others = g_ptr_array_ref (rest);

      g_object_set_data (G_OBJECT (dialog), "rest", NULL);
      _cs_window_offer_recovery (self, others);
    }
}

/**
 * _cs_window_offer_recovery:
 * @self: a #CsWindow
 * @entries: (element-type CsRecoveryEntry): copies left by windows gone,
 *   taken from the start
 *
 * Asks, for the first copy, whether to restore it; then for the next.
 */
void
_cs_window_offer_recovery (CsWindow  *self,
                           GPtrArray *entries)
{
  CsRecoveryEntry *entry;
  g_autofree char *when = NULL;
  g_autofree char *body = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GDateTime) local = NULL;
  AdwMessageDialog *dialog;

  if (entries->len == 0)
    return;
  entry = g_ptr_array_steal_index (entries, 0);
  local = g_date_time_to_local (entry->time);
  when = g_date_time_format (local, "%Y-%m-%d %H:%M");
  name = entry->original != NULL ? g_file_get_basename (entry->original)
                                 : entry->title != NULL && entry->title[0] != '\0'
                                 ? g_strdup (entry->title)
                                 : NULL;
  if (name != NULL)
    /* TRANSLATORS: the first %s is a file name or the graph's title, the
     * second a date and time ("2025-08-04 14:30") */
    body = g_strdup_printf (_("Consortia stopped before the changes to “%s” were saved. "
                              "A copy from %s has them: restore it and save, or discard it "
                              "for good."),
                            name, when);
  else
    /* TRANSLATORS: %s is a date and time ("2025-08-04 14:30") */
    body = g_strdup_printf (_("Consortia stopped before the changes to an unsaved graph were "
                              "saved. A copy from %s has them: restore it and save, or "
                              "discard it for good."),
                            when);
  dialog = ADW_MESSAGE_DIALOG (
      adw_message_dialog_new (GTK_WINDOW (self), _("Restore Unsaved Changes?"), body));
  adw_message_dialog_add_responses (dialog, "discard", _("_Discard"), "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "restore", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "restore");
  adw_message_dialog_set_close_response (dialog, "restore");
  g_object_set_data_full (G_OBJECT (dialog), "entry", entry,
                          (GDestroyNotify)cs_recovery_entry_free);
  g_object_set_data_full (G_OBJECT (dialog), "rest", g_ptr_array_ref (entries),
                          (GDestroyNotify)g_ptr_array_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (cs_window_restore_response_cb), self,
                           0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
cs_window_offer_recovery_idle_cb (gpointer user_data)
{
  g_autoptr(CsWindow) self = user_data;
  g_autoptr(GPtrArray) entries = NULL;

  if (self->window_title == NULL)
    return G_SOURCE_REMOVE;
  entries = cs_recovery_find_left ();
  _cs_window_offer_recovery (self, entries);
  return G_SOURCE_REMOVE;
}

/* What the window does once a file is open: the file's view, the recovery
 * copy made the unsaved state of its file, the file watched */
void
_cs_window_file_loaded (CsWindow        *self,
                        GFile           *file,
                        CsRecoveryEntry *entry)
{
  const CsSavedView *saved = cs_graph_get_saved_view (cs_document_get_graph (self->document));
  double zoom, x, y;

  self->view_quiet++;
  /* the preferences, then what the file says */
  if (self->settings != NULL)
    {
      g_autofree char *language = g_settings_get_string (self->settings, "label-language");
      g_autofree char *density = g_settings_get_string (self->settings, "label-density");

      cs_view_state_set_label_language (self->view, g_str_equal (language, "english")
                                                        ? CS_LABEL_LANGUAGE_ENGLISH
                                                        : CS_LABEL_LANGUAGE_ORIGINAL);
      cs_view_state_set_label_density (self->view, g_str_equal (density, "key-names") ? 0.0
                                                   : g_str_equal (density, "some")    ? 0.5
                                                                                      : 1.0);
    }
  cs_view_state_restore (self->view, saved);
  self->view_quiet--;
  if (cs_view_state_get_camera (saved, &zoom, &x, &y))
    cs_canvas_look_at (self->canvas, zoom, x, y);

  self->keep_mine = FALSE;
  gtk_info_bar_set_revealed (self->changed_bar, FALSE);
  if (entry != NULL)
    {
      cs_document_adopt (self->document, entry->original, entry->etag);
      cs_recovery_entry_discard (entry);
      cs_recovery_entry_free (entry);
      /* this window's copy now, written at once */
      schedule_recovery (self);
    }
  else
    {
      clear_recovery (self);
      add_recent (self, file);
    }
  watch_file (self);
  check_disk (self);
}

static void
cs_window_recent_changed_cb (CsWindow         *self,
                             GtkRecentManager *manager)
{
  refresh_recent (self);
}

void
_cs_window_file_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.save", NULL, cs_window_save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, cs_window_save_as_action);
  gtk_widget_class_install_action (widget_class, "win.reload", NULL, cs_window_reload_action);
  gtk_widget_class_install_action (widget_class, "win.keep-mine", NULL,
                                   cs_window_keep_mine_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s",
                                   cs_window_open_recent_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_S, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.save-as", NULL);
}

void
_cs_window_file_init (CsWindow *self)
{
  static gboolean offered;
  const char *scene_properties[] = { "notify::filter", "notify::sizing", "notify::label-language",
                                     "notify::layers", "notify::label-density",
                                     "notify::legend-collapsed", "notify::color-by", "notify::size-by",
                                     "notify::shape-by", "notify::group-by" };
  g_autoptr(GError) error = NULL;

  self->recovery = cs_recovery_new (&error);
  if (self->recovery == NULL)
    g_debug ("No recovery copies: %s", error->message);
  self->recovery_cancellable = g_cancellable_new ();

  g_signal_connect_object (self->document, "notify::modified",
                           G_CALLBACK (cs_window_document_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify::positions",
                           G_CALLBACK (cs_window_document_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify::saving", G_CALLBACK (cs_window_saving_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify::save-progress",
                           G_CALLBACK (cs_window_saving_cb), self, G_CONNECT_SWAPPED);
  for (guint i = 0; i < G_N_ELEMENTS (scene_properties); i++)
    g_signal_connect_object (self->view, scene_properties[i],
                             G_CALLBACK (cs_window_view_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (cs_window_recent_changed_cb), self, G_CONNECT_SWAPPED);
  refresh_recent (self);

  /* copies the windows of a process gone left behind: the first window of
   * the next process offers them, once it is up */
  if (!offered)
    {
      offered = TRUE;
      g_idle_add (cs_window_offer_recovery_idle_cb, g_object_ref (self));
    }
}

void
_cs_window_file_dispose (CsWindow *self)
{
  g_clear_handle_id (&self->recovery_timeout, g_source_remove);
  g_cancellable_cancel (self->recovery_cancellable);
  g_clear_object (&self->recovery_cancellable);
  g_cancellable_cancel (self->save_cancellable);
  g_clear_object (&self->save_cancellable);
  /* closed after the user saved or gave the changes up: no copy to keep */
  g_clear_pointer (&self->recovery, cs_recovery_free);
  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
  if (self->save_chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->save_chooser));
  g_clear_object (&self->save_chooser);
  g_clear_pointer (&self->pending, pending_free);
}
