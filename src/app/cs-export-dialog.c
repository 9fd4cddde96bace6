/* cs-export-dialog.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-export-dialog.h"

#include <string.h>

/* Ctrl+E: the options of an export, then a file name, then the export in
 * a worker thread with a progress bar and a Cancel button. The picture is
 * drawn by the same renderer as the canvas, with its filter and pins. */
struct _CsExportDialog
{
  AdwWindow             parent_instance;

  /* template children */
  GtkButton            *cancel_button;
  GtkButton            *export_button;
  AdwComboRow          *format;
  AdwComboRow          *scope;
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

  /* borrowed */
  CsCanvas             *canvas;

  /* owned */
  GCancellable         *cancellable;
  GtkFileChooserNative *chooser;
  guint                *selection;
  gboolean             *pinned;
  guint                 pulse_source;

  /* state */
  int                   window_width;
  int                   window_height;
  guint                 n_selection;
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
  { "A4 landscape (297 × 210 mm)", 1123, 794 },
};

static const double scales[] = { 1, 2, 4, 300 / CS_EXPORT_SCREEN_DPI };
static const char *const extensions[] = { ".png", ".svg", ".pdf" };

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
  CsRenderScene scene;
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
  options->hulls = cs_canvas_get_show_hulls (self->canvas);
  options->pinned = self->pinned;
  options->scope = MIN (adw_combo_row_get_selected (self->scope), CS_EXPORT_SCOPE_SELECTION);
  options->selection = self->selection;
  options->n_selection = self->n_selection;

  if (cs_canvas_get_scene (self->canvas, &scene))
    {
      options->node_shown = scene.node_shown;
      options->edge_shown = scene.edge_shown;
      options->hide_filtered = scene.hide_filtered;
      /* what the window shows now, in world units */
      options->view = (CsBounds) {
        -scene.offset_x / scene.zoom, -scene.offset_y / scene.zoom,
        (scene.width - scene.offset_x) / scene.zoom, (scene.height - scene.offset_y) / scene.zoom,
      };
    }
}

gboolean
cs_export_dialog_get_busy (CsExportDialog *self)
{
  g_return_val_if_fail (CS_IS_EXPORT_DIALOG (self), FALSE);

  return self->cancellable != NULL;
}

static gboolean
pulse_cb (gpointer user_data)
{
  CsExportDialog *self = user_data;

  gtk_progress_bar_pulse (self->progress);
  return G_SOURCE_CONTINUE;
}

static void
set_busy (CsExportDialog *self,
          gboolean        busy)
{
  gtk_widget_set_visible (GTK_WIDGET (self->progress), busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), !busy);
  g_clear_handle_id (&self->pulse_source, g_source_remove);
  if (busy)
    self->pulse_source = g_timeout_add (100, pulse_cb, self);
}

static void
export_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(CsExportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *filename = g_object_steal_data (G_OBJECT (self), "filename");

  g_clear_object (&self->cancellable);
  if (!cs_export_to_file_finish (result, &error))
    {
      /* the dialog may be gone already; a closed window shows nothing */
      if (gtk_widget_get_root (GTK_WIDGET (self)) == NULL)
        return;
      set_busy (self, FALSE);
      gtk_label_set_text (self->status, g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
                                          ? "Export cancelled: nothing was written."
                                          : error->message);
      gtk_widget_remove_css_class (GTK_WIDGET (self->status), "dim-label");
      return;
    }
  set_busy (self, FALSE);
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
  CsDocument *document;
  CsExportOptions options;

  g_return_if_fail (CS_IS_EXPORT_DIALOG (self));
  g_return_if_fail (filename != NULL);

  document = cs_canvas_get_document (self->canvas);
  if (self->cancellable != NULL || cs_document_get_graph (document) == NULL)
    return;
  cs_export_dialog_get_options (self, &options);
  self->cancellable = g_cancellable_new ();
  g_object_set_data_full (G_OBJECT (self), "filename", g_strdup (filename), g_free);
  gtk_label_set_text (self->status, "Exporting…");
  set_busy (self, TRUE);
  cs_export_to_file_async (cs_document_get_graph (document), cs_document_get_positions (document),
                           &options, filename, self->cancellable, export_cb, g_object_ref (self));
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

static void
export_clicked_cb (CsExportDialog *self)
{
  g_autofree char *name = NULL;
  CsDocument *document = cs_canvas_get_document (self->canvas);
  GFile *source = cs_document_get_file (document);

  if (self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new ("Export Graph", GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, "_Export", "_Cancel");
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

/**
 * cs_export_dialog_new:
 * @parent: the window
 * @canvas: the canvas whose picture to export
 *
 * Returns: (transfer none): the dialog, shown by the caller
 */
CsExportDialog *
cs_export_dialog_new (GtkWindow *parent,
                      CsCanvas  *canvas)
{
  CsExportDialog *self;
  CsDocument *document;
  const guint *selection;
  guint n;
  g_autofree char *window_size = NULL;

  g_return_val_if_fail (CS_IS_CANVAS (canvas), NULL);

  self = g_object_new (CS_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  self->canvas = canvas;
  document = cs_canvas_get_document (canvas);

  /* the picture as it is now: later changes on screen do not reach it */
  self->window_width = MAX (gtk_widget_get_width (GTK_WIDGET (canvas)), CS_EXPORT_MIN_SIDE);
  self->window_height = MAX (gtk_widget_get_height (GTK_WIDGET (canvas)), CS_EXPORT_MIN_SIDE);
  window_size = g_strdup_printf ("As the window (%d × %d)", self->window_width,
                                 self->window_height);
  gtk_string_list_append (self->size_model, window_size);
  for (guint i = 1; i < G_N_ELEMENTS (sizes); i++)
    gtk_string_list_append (self->size_model, sizes[i].label);
  adw_combo_row_set_selected (self->size, 0);

  selection = cs_canvas_get_selection (canvas, &n);
  self->selection = g_memdup2 (selection, MAX (n, 1) * sizeof (guint));
  self->n_selection = n;
  if (cs_document_get_graph (document) != NULL)
    {
      guint n_nodes = cs_graph_get_n_nodes (cs_document_get_graph (document));

      self->pinned = g_new0 (gboolean, MAX (n_nodes, 1));
      for (guint i = 0; i < n_nodes; i++)
        self->pinned[i] = cs_document_get_pinned (document, i);
    }
  adw_combo_row_set_selected (self->palette, cs_canvas_get_dark (canvas) ? 1 : 0);
  adw_combo_row_set_selected (self->scope, n > 0 ? CS_EXPORT_SCOPE_SELECTION : CS_EXPORT_SCOPE_ALL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->scope), TRUE);
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

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->pulse_source, g_source_remove);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), CS_TYPE_EXPORT_DIALOG);

  G_OBJECT_CLASS (cs_export_dialog_parent_class)->dispose (object);
}

static void
cs_export_dialog_finalize (GObject *object)
{
  CsExportDialog *self = (CsExportDialog *)object;

  g_clear_pointer (&self->selection, g_free);
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
