/* cs-export-dialog.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cs-export-dialog.h"

#include "cs-settings.h"
#include "cs-stages.h"

#include <string.h>

/* Ctrl+E: the options of an export, then a file name, then the export in
 * a worker thread with a progress bar and a Cancel button. The scene is
 * built by the canvas's own builder from the view state as it was when the
 * dialog opened: filter, selection, sizing, labels, outlines and pins. */
struct _CsExportDialog
{
  AdwWindow             parent_instance;

  /* template children */
  GtkButton            *cancel_button;
  GtkButton            *export_button;
  AdwComboRow          *format;
  AdwComboRow          *scope;
  AdwActionRow         *panels_row;
  GtkSwitch            *panels;
  AdwComboRow          *size;
  GtkStringList        *size_model;
  AdwComboRow          *scale;
  AdwComboRow          *background;
  AdwComboRow          *palette;
  GtkSwitch            *legend;
  GtkSwitch            *title;
  GtkSwitch            *caption;
  GtkLabel             *status;
  GtkProgressBar       *progress;

  /* owned: the picture as it was when the dialog opened */
  CsDocument           *document;
  CsGraph              *graph;
  CsPositions          *positions;
  gboolean             *pinned;
  CsViewState          *view;
  GCancellable         *cancellable;
  GtkFileChooserNative *chooser;
  GSettings            *settings; /* NULL when the schema is missing */
  guint                 progress_source;
  gint                  progress_permille; /* written by the export's worker */

  /* state */
  int                   window_width;
  int                   window_height;
  gboolean              disposed;
};

G_DEFINE_FINAL_TYPE (CsExportDialog, cs_export_dialog, ADW_TYPE_WINDOW)

enum {
  EXPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const struct
{
  const char *label;
  int         width;
  int         height;
} sizes[] = {
  { NULL, 0, 0 }, /* the canvas's own size */
  { "1600 × 1200", 1600, 1200 },
  { "1920 × 1080", 1920, 1080 },
  { "3200 × 2400", 3200, 2400 },
  /* TRANSLATORS: a size of the exported picture: an A4 page, landscape */
  { N_("A4 landscape (297 × 210 mm)"), 1123, 794 },
};

static const double scales[] = { 1, 2, 4, 300 / CS_EXPORT_SCREEN_DPI };
static const char *const extensions[] = { ".png", ".svg", ".pdf" };

/* each combo row's choices as the settings name them (the schema's enums),
 * in the row's order */
static const char *const format_nicks[] = { "png", "svg", "pdf", NULL };
static const char *const scope_nicks[] = { "all", "view", "selection", NULL };
static const char *const size_nicks[] = { "window", "1600x1200", "1920x1080", "3200x2400",
                                          "a4-landscape", NULL };
static const char *const scale_nicks[] = { "1x", "2x", "4x", "300dpi", NULL };
static const char *const background_nicks[] = { "palette", "white", "transparent", NULL };
static const char *const palette_nicks[] = { "light", "dark", NULL };

G_STATIC_ASSERT (G_N_ELEMENTS (size_nicks) == G_N_ELEMENTS (sizes) + 1);
G_STATIC_ASSERT (G_N_ELEMENTS (scale_nicks) == G_N_ELEMENTS (scales) + 1);
G_STATIC_ASSERT (G_N_ELEMENTS (format_nicks) == G_N_ELEMENTS (extensions) + 1);

/**
 * cs_export_dialog_get_options:
 * @self: a #CsExportDialog
 * @options: (out caller-allocates): the options the dialog shows; its
 *   pointers stay valid while the dialog lives
 */
void
cs_export_dialog_get_options (CsExportDialog  *self,
                              CsExportOptions *options)
{
  guint size = adw_combo_row_get_selected (self->size);
  guint scale = adw_combo_row_get_selected (self->scale);

  g_return_if_fail (CS_IS_EXPORT_DIALOG (self));
  g_return_if_fail (options != NULL);

  cs_export_options_init (options);
  options->format = MIN (adw_combo_row_get_selected (self->format), CS_EXPORT_FORMAT_PDF);
  options->width = size > 0 && size < G_N_ELEMENTS (sizes) ? sizes[size].width : self->window_width;
  options->height = size > 0 && size < G_N_ELEMENTS (sizes) ? sizes[size].height
                                                            : self->window_height;
  options->scale = scales[MIN (scale, G_N_ELEMENTS (scales) - 1)];
  if (scale == G_N_ELEMENTS (scales) - 1)
    options->dpi = 300;
  else
    options->dpi = options->scale * CS_EXPORT_SCREEN_DPI;
  options->background = MIN (adw_combo_row_get_selected (self->background),
                             CS_EXPORT_BACKGROUND_TRANSPARENT);
  options->dark = adw_combo_row_get_selected (self->palette) == 1;
  options->legend = gtk_switch_get_active (self->legend);
  options->title = gtk_switch_get_active (self->title);
  options->caption = gtk_switch_get_active (self->caption);
  options->scope = MIN (adw_combo_row_get_selected (self->scope), CS_EXPORT_SCOPE_SELECTION);
}

/**
 * cs_export_dialog_get_stage_panels:
 * @self: a #CsExportDialog
 *
 * Returns: whether the export is a panel per stage (the graph has stages
 *   and the switch is on)
 */
gboolean
cs_export_dialog_get_stage_panels (CsExportDialog *self)
{
  g_return_val_if_fail (CS_IS_EXPORT_DIALOG (self), FALSE);

  return gtk_widget_get_visible (GTK_WIDGET (self->panels_row)) &&
         gtk_switch_get_active (self->panels);
}

/**
 * cs_export_dialog_build_panels:
 * @self: a #CsExportDialog
 *
 * Returns: (transfer full) (nullable): the small multiples the dialog's
 *   options export, or %NULL when there is no graph or it has no stages
 */
CsStagePanels *
cs_export_dialog_build_panels (CsExportDialog *self)
{
  CsExportOptions options;

  g_return_val_if_fail (CS_IS_EXPORT_DIALOG (self), NULL);

  if (self->graph == NULL || self->positions == NULL)
    return NULL;
  cs_export_dialog_get_options (self, &options);
  options.scope = CS_EXPORT_SCOPE_ALL;
  return cs_stage_panels_new (self->graph, self->positions, self->pinned, self->view, &options);
}

/**
 * cs_export_dialog_build_scene:
 * @self: a #CsExportDialog
 *
 * Returns: (transfer full) (nullable): the scene the dialog's options
 *   export, or %NULL when there is no graph
 */
CsScene *
cs_export_dialog_build_scene (CsExportDialog *self)
{
  CsExportOptions options;

  g_return_val_if_fail (CS_IS_EXPORT_DIALOG (self), NULL);

  if (self->graph == NULL || self->positions == NULL)
    return NULL;
  cs_export_dialog_get_options (self, &options);
  return cs_export_build_scene (self->graph, self->positions, self->pinned, self->view, &options);
}

gboolean
cs_export_dialog_get_busy (CsExportDialog *self)
{
  g_return_val_if_fail (CS_IS_EXPORT_DIALOG (self), FALSE);

  return self->cancellable != NULL;
}

/* the worker's progress (cs-export.c counts what it has drawn), read ten
 * times a second */
static gboolean
progress_cb (gpointer user_data)
{
  CsExportDialog *self = user_data;
  gint permille = g_atomic_int_get (&self->progress_permille);

  gtk_progress_bar_set_fraction (self->progress, CLAMP (permille, 0, 1000) / 1000.0);
  return G_SOURCE_CONTINUE;
}

static void
set_busy (CsExportDialog *self,
          gboolean        busy)
{
  gtk_widget_set_visible (GTK_WIDGET (self->progress), busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), !busy);
  g_clear_handle_id (&self->progress_source, g_source_remove);
  g_atomic_int_set (&self->progress_permille, 0);
  gtk_progress_bar_set_fraction (self->progress, 0);
  if (busy)
    self->progress_source = g_timeout_add (100, progress_cb, self);
}

static void
export_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(CsExportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *filename = g_object_steal_data (G_OBJECT (self), "filename");
  gboolean ok;

  g_clear_object (&self->cancellable);
  ok = cs_export_scene_to_file_finish (result, &error);
  /* closed meanwhile: the close cancelled the export, and a closed dialog
   * shows nothing */
  if (self->disposed)
    return;
  if (!ok)
    {
      set_busy (self, FALSE);
      gtk_label_set_text (self->status, g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
                                          ? _("Export cancelled: nothing was written.")
                                          : error->message);
      gtk_widget_remove_css_class (GTK_WIDGET (self->status), "dim-label");
      return;
    }
  set_busy (self, FALSE);
  if (self->settings != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_path (filename);
      g_autoptr(GFile) folder = g_file_get_parent (file);
      g_autofree char *uri = folder != NULL ? g_file_get_uri (folder) : NULL;

      if (uri != NULL)
        g_settings_set_string (self->settings, "export-folder", uri);
    }
  g_signal_emit (self, signals[EXPORTED], 0, filename);
  gtk_window_destroy (GTK_WINDOW (self));
}

/**
 * cs_export_dialog_export_to:
 * @self: a #CsExportDialog
 * @filename: the file to write; its format is the dialog's
 *
 * Starts the export in a worker thread; #CsExportDialog::exported follows,
 * or the dialog says what went wrong.
 */
void
cs_export_dialog_export_to (CsExportDialog *self,
                            const char     *filename)
{
  g_autoptr(CsScene) scene = NULL;
  g_autoptr(CsStagePanels) panels = NULL;
  CsExportOptions options;

  g_return_if_fail (CS_IS_EXPORT_DIALOG (self));
  g_return_if_fail (filename != NULL);

  if (self->cancellable != NULL)
    return;
  if (cs_export_dialog_get_stage_panels (self))
    panels = cs_export_dialog_build_panels (self);
  else
    scene = cs_export_dialog_build_scene (self);
  if (scene == NULL && panels == NULL)
    return;
  cs_export_dialog_get_options (self, &options);
  options.progress = &self->progress_permille;
  self->cancellable = g_cancellable_new ();
  g_object_set_data_full (G_OBJECT (self), "filename", g_strdup (filename), g_free);
  gtk_label_set_text (self->status, _("Exporting…"));
  set_busy (self, TRUE);
  if (panels != NULL)
    cs_export_panels_to_file_async (panels, &options, filename, self->cancellable, export_cb,
                                    g_object_ref (self));
  else
    cs_export_scene_to_file_async (scene, &options, filename, self->cancellable, export_cb,
                                   g_object_ref (self));
}

/**
 * cs_export_dialog_cancel:
 * @self: a #CsExportDialog
 *
 * Cancels a running export (nothing is written), or closes the dialog.
 */
void
cs_export_dialog_cancel (CsExportDialog *self)
{
  g_return_if_fail (CS_IS_EXPORT_DIALOG (self));

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  else
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
chooser_response_cb (CsExportDialog       *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;
      const char *extension = extensions[MIN (adw_combo_row_get_selected (self->format), 2)];

      if (path != NULL)
        {
          g_autofree char *with_extension = g_str_has_suffix (path, extension)
                                                ? g_strdup (path)
                                                : g_strconcat (path, extension, NULL);

          cs_export_dialog_export_to (self, with_extension);
        }
    }
  g_clear_object (&self->chooser);
}

/**
 * cs_export_dialog_dup_folder:
 * @self: a #CsExportDialog
 *
 * Returns: (transfer full) (nullable): the folder the last export, in this
 *   run or an earlier one, was written to, where the file chooser opens;
 *   %NULL before the first export or when that folder is gone
 */
GFile *
cs_export_dialog_dup_folder (CsExportDialog *self)
{
  g_autofree char *uri = NULL;
  g_autoptr(GFile) folder = NULL;

  g_return_val_if_fail (CS_IS_EXPORT_DIALOG (self), NULL);

  if (self->settings == NULL)
    return NULL;
  uri = g_settings_get_string (self->settings, "export-folder");
  if (uri[0] == '\0')
    return NULL;
  folder = g_file_new_for_uri (uri);
  if (g_file_query_file_type (folder, G_FILE_QUERY_INFO_NONE, NULL) != G_FILE_TYPE_DIRECTORY)
    return NULL;
  return g_steal_pointer (&folder);
}

static void
export_clicked_cb (CsExportDialog *self)
{
  g_autofree char *name = NULL;
  g_autoptr(GFile) folder = NULL;
  GFile *source = cs_document_get_file (self->document);

  if (self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Export Graph"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                               _("_Cancel"));
  folder = cs_export_dialog_dup_folder (self);
  if (folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), folder, NULL);
  if (source != NULL)
    {
      g_autofree char *base = g_file_get_basename (source);
      char *dot = strrchr (base, '.');

      if (dot != NULL)
        *dot = '\0';
      name = g_strconcat (base, extensions[MIN (adw_combo_row_get_selected (self->format), 2)],
                          NULL);
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
    }
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static guint
nick_to_index (const char *const *nicks,
               const char        *nick)
{
  for (guint i = 0; nicks[i] != NULL; i++)
    if (g_str_equal (nicks[i], nick))
      return i;
  return GTK_INVALID_LIST_POSITION;
}

static gboolean
choice_get_mapping (GValue   *value,
                    GVariant *variant,
                    gpointer  user_data)
{
  guint index = nick_to_index (user_data, g_variant_get_string (variant, NULL));

  if (index == GTK_INVALID_LIST_POSITION)
    return FALSE;
  g_value_set_uint (value, index);
  return TRUE;
}

static GVariant *
choice_set_mapping (const GValue       *value,
                    const GVariantType *expected_type,
                    gpointer            user_data)
{
  const char *const *nicks = user_data;
  guint index = g_value_get_uint (value);

  /* a row with nothing chosen leaves the setting as it was */
  if (index >= g_strv_length ((char **)nicks))
    return NULL;
  return g_variant_new_string (nicks[index]);
}

/* a combo row shows the choice kept in @key, and keeps the user's */
static void
bind_choice (CsExportDialog    *self,
             const char        *key,
             AdwComboRow       *row,
             const char *const *nicks)
{
  g_settings_bind_with_mapping (self->settings, key, row, "selected", G_SETTINGS_BIND_DEFAULT,
                                choice_get_mapping, choice_set_mapping, (gpointer)nicks, NULL);
}

/* the choice kept in @key when the user has set it, otherwise @fallback */
static guint
get_user_choice (CsExportDialog    *self,
                 const char        *key,
                 const char *const *nicks,
                 guint              fallback)
{
  g_autoptr(GVariant) value = NULL;
  guint index;

  if (self->settings == NULL || (value = g_settings_get_user_value (self->settings, key)) == NULL)
    return fallback;
  index = nick_to_index (nicks, g_variant_get_string (value, NULL));
  return index != GTK_INVALID_LIST_POSITION ? index : fallback;
}

static void
set_choice (CsExportDialog    *self,
            const char        *key,
            const char *const *nicks,
            AdwComboRow       *row)
{
  guint index = adw_combo_row_get_selected (row);

  if (index < g_strv_length ((char **)nicks))
    g_settings_set_string (self->settings, key, nicks[index]);
}

static void
cs_export_dialog_palette_notify_cb (CsExportDialog *self)
{
  set_choice (self, "export-palette", palette_nicks, self->palette);
}

static void
cs_export_dialog_scope_notify_cb (CsExportDialog *self)
{
  set_choice (self, "export-scope", scope_nicks, self->scope);
}

static void
cs_export_dialog_legend_notify_cb (CsExportDialog *self)
{
  g_settings_set_boolean (self->settings, "export-legend", gtk_switch_get_active (self->legend));
}

/* What the user set in an earlier export, in this run or another, comes
 * back. Until they set them, the palette is the window's, the legend is
 * there when the window shows it, and the selection is exported when
 * there is one; a selection kept from before with nothing selected now
 * gives the whole graph. */
static void
restore_options (CsExportDialog *self,
                 CsViewState    *view)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  gboolean legend = (cs_view_state_get_layers (view) & CS_LAYER_LEGEND) != 0;
  g_autoptr(GVariant) user_legend = NULL;
  guint n_selected;
  guint scope;

  cs_view_state_get_selection (view, &n_selected);
  scope = get_user_choice (self, "export-scope", scope_nicks,
                           n_selected > 0 ? CS_EXPORT_SCOPE_SELECTION : CS_EXPORT_SCOPE_ALL);
  if (scope == CS_EXPORT_SCOPE_SELECTION && n_selected == 0)
    scope = CS_EXPORT_SCOPE_ALL;
  adw_combo_row_set_selected (self->scope, scope);
  adw_combo_row_set_selected (self->palette, get_user_choice (self, "export-palette",
                                                              palette_nicks, dark ? 1 : 0));
  if (self->settings != NULL &&
      (user_legend = g_settings_get_user_value (self->settings, "export-legend")) != NULL)
    legend = g_variant_get_boolean (user_legend);
  gtk_switch_set_active (self->legend, legend);

  if (self->settings == NULL)
    return;
  bind_choice (self, "export-format", self->format, format_nicks);
  bind_choice (self, "export-size", self->size, size_nicks);
  bind_choice (self, "export-scale", self->scale, scale_nicks);
  bind_choice (self, "export-background", self->background, background_nicks);
  g_settings_bind (self->settings, "export-title", self->title, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "export-caption", self->caption, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "export-stage-panels", self->panels, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (self->scope, "notify::selected",
                           G_CALLBACK (cs_export_dialog_scope_notify_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->palette, "notify::selected",
                           G_CALLBACK (cs_export_dialog_palette_notify_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->legend, "notify::active",
                           G_CALLBACK (cs_export_dialog_legend_notify_cb), self,
                           G_CONNECT_SWAPPED);
}

/**
 * cs_export_dialog_new:
 * @parent: the window
 * @document: the document whose graph, positions and pins to export
 * @view: what the window shows; its size is the "as the window" preset
 *
 * Returns: (transfer none): the dialog, shown by the caller
 */
CsExportDialog *
cs_export_dialog_new (GtkWindow   *parent,
                      CsDocument  *document,
                      CsViewState *view)
{
  CsExportDialog *self;
  CsViewport *viewport;
  g_autofree char *window_size = NULL;

  g_return_val_if_fail (CS_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (CS_IS_VIEW_STATE (view), NULL);

  self = g_object_new (CS_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  self->document = g_object_ref (document);
  self->settings = cs_settings_new ();

  /* the picture as it is now: later changes on screen do not reach it */
  self->view = cs_view_state_copy (view);
  if (cs_document_get_graph (document) != NULL && cs_document_get_positions (document) != NULL)
    {
      guint n_nodes = cs_graph_get_n_nodes (cs_document_get_graph (document));

      self->graph = g_object_ref (cs_document_get_graph (document));
      self->positions = cs_positions_ref (cs_document_get_positions (document));
      self->pinned = g_memdup2 (cs_document_get_pins (document),
                                MAX (n_nodes, 1) * sizeof (gboolean));
    }
  viewport = cs_view_state_get_viewport (view);
  self->window_width = MAX ((int)cs_viewport_get_width (viewport), CS_EXPORT_MIN_SIDE);
  self->window_height = MAX ((int)cs_viewport_get_height (viewport), CS_EXPORT_MIN_SIDE);
  /* TRANSLATORS: a size of the exported picture: the canvas's width × height, in pixels */
  window_size = g_strdup_printf (_("As the window (%d × %d)"), self->window_width,
                                 self->window_height);
  gtk_string_list_append (self->size_model, window_size);
  for (guint i = 1; i < G_N_ELEMENTS (sizes); i++)
    gtk_string_list_append (self->size_model, g_dgettext (GETTEXT_PACKAGE, sizes[i].label));
  adw_combo_row_set_selected (self->size, 0);

  /* small multiples for a graph whose events make stages; the scope is
   * then the whole graph in each panel */
  gtk_widget_set_visible (GTK_WIDGET (self->panels_row),
                          self->graph != NULL &&
                              cs_stages_get_n_stages (cs_stages_get (self->graph)) > 0);
  if (gtk_widget_get_visible (GTK_WIDGET (self->panels_row)))
    g_object_bind_property (self->panels, "active", self->scope, "sensitive",
                            G_BINDING_SYNC_CREATE | G_BINDING_INVERT_BOOLEAN);
  restore_options (self, view);
  return self;
}

static gboolean
escape_cb (GtkWidget *widget,
           GVariant  *args,
           gpointer   user_data)
{
  cs_export_dialog_cancel (CS_EXPORT_DIALOG (widget));
  return TRUE;
}

static void
cs_export_dialog_dispose (GObject *object)
{
  CsExportDialog *self = (CsExportDialog *)object;

  self->disposed = TRUE;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->progress_source, g_source_remove);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), CS_TYPE_EXPORT_DIALOG);
  g_clear_object (&self->document);
  g_clear_object (&self->graph);
  g_clear_object (&self->view);
  g_clear_pointer (&self->positions, cs_positions_unref);

  G_OBJECT_CLASS (cs_export_dialog_parent_class)->dispose (object);
}

static void
cs_export_dialog_finalize (GObject *object)
{
  CsExportDialog *self = (CsExportDialog *)object;

  g_clear_pointer (&self->pinned, g_free);

  G_OBJECT_CLASS (cs_export_dialog_parent_class)->finalize (object);
}

static void
cs_export_dialog_class_init (CsExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cs_export_dialog_dispose;
  object_class->finalize = cs_export_dialog_finalize;

  /**
   * CsExportDialog::exported:
   * @self: the dialog
   * @filename: the file written
   */
  signals[EXPORTED] =
    g_signal_new ("exported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/cs-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CsExportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, CsExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, CsExportDialog, format);
  gtk_widget_class_bind_template_child (widget_class, CsExportDialog, scope);
  gtk_widget_class_bind_template_child (widget_class, CsExportDialog, panels_row);
  gtk_widget_class_bind_template_child (widget_class, CsExportDialog, panels);
  gtk_widget_class_bind_template_child (widget_class, CsExportDialog, size);
  gtk_widget_class_bind_template_child (widget_class, CsExportDialog, size_model);
  gtk_widget_class_bind_template_child (widget_class, CsExportDialog, scale);
  gtk_widget_class_bind_template_child (widget_class, CsExportDialog, background);
  gtk_widget_class_bind_template_child (widget_class, CsExportDialog, palette);
  gtk_widget_class_bind_template_child (widget_class, CsExportDialog, legend);
  gtk_widget_class_bind_template_child (widget_class, CsExportDialog, title);
  gtk_widget_class_bind_template_child (widget_class, CsExportDialog, caption);
  gtk_widget_class_bind_template_child (widget_class, CsExportDialog, status);
  gtk_widget_class_bind_template_child (widget_class, CsExportDialog, progress);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, escape_cb, NULL);
}

static void
cs_export_dialog_init (CsExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self->cancel_button, "clicked", G_CALLBACK (cs_export_dialog_cancel),
                            self);
  g_signal_connect_swapped (self->export_button, "clicked", G_CALLBACK (export_clicked_cb), self);
}
