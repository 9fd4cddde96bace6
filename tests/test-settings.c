/* test-settings.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the app remembers between runs: where its settings schema is found,
 * the window's size and panels, the dark style, and every option of the
 * export dialog with the folder of the last export. In this process the
 * settings live in memory (GSETTINGS_BACKEND=memory); the last test runs
 * the real app twice on a keyfile and checks that the second run starts
 * as the first one ended.
 */

#include "config.h"

#include "cs-application.h"
#include "cs-export-dialog.h"
#include "cs-preferences-window.h"
#include "cs-settings-private.h"
#include "cs-window.h"
#include "test-gui-support.h"
#include "test-support.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>

static void
wait_until_idle (CsWindow *window)
{
  CsDocument *document = cs_window_get_document (window);
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  g_main_context_iteration (NULL, FALSE);
  while (cs_document_get_busy (document))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      cs_test_iterate ();
    }
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* every key back to its default, so each test starts as a first run */
static void
reset_settings (void)
{
  g_autoptr(GSettings) settings = cs_settings_new ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;

  g_assert_nonnull (settings);
  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    g_settings_reset (settings, keys[i]);
}

static void
assert_setting (GSettings  *settings,
                const char *key,
                const char *expected)
{
  g_autofree char *value = g_settings_get_string (settings, key);

  g_assert_cmpstr (value, ==, expected);
}

static CsWindow *
open_small_graph (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "good", "small.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  CsWindow *window = g_object_new (CS_TYPE_WINDOW, NULL);

  cs_window_open (window, file);
  gtk_window_present (GTK_WINDOW (window));
  wait_until_idle (window);
  return window;
}

static gboolean
list_shown (CsWindow *window)
{
  GtkWidget *flap = gtk_widget_get_ancestor (GTK_WIDGET (cs_window_get_node_list (window)),
                                             ADW_TYPE_FLAP);

  g_assert_nonnull (flap);
  return adw_flap_get_reveal_flap (ADW_FLAP (flap));
}

/* Compiles @xml as the only schema of a new folder, as an installed copy. */
static GSettingsSchemaSource *
compile_schema (const char *dir,
                const char *xml)
{
  g_autofree char *compiler = cs_test_find_program ("GLIB_COMPILE_SCHEMAS", "glib-compile-schemas");
  g_autofree char *file = g_build_filename (dir, SCHEMA_ID ".gschema.xml", NULL);
  g_autoptr(GError) error = NULL;
  GSettingsSchemaSource *source;
  const char *argv[] = { compiler, "--strict", dir, NULL };

  g_assert_nonnull (compiler);
  g_assert_true (g_file_set_contents (file, xml, -1, &error));
  g_assert_no_error (error);
  g_assert_true (cs_test_run_tool (argv, NULL));
  source = g_settings_schema_source_new_from_directory (dir, NULL, FALSE, &error);
  g_assert_no_error (error);
  g_unlink (file);
  return source;
}

static void
remove_compiled (const char *dir)
{
  g_autofree char *compiled = g_build_filename (dir, "gschemas.compiled", NULL);

  g_unlink (compiled);
  g_rmdir (dir);
}

/* The schema is found where the environment says (the build's, for the
 * tests and `meson devenv`); of a copy in the default places and the one
 * installed with the program, the first comes first unless it is older;
 * with none at all the app goes on without. */
static void
test_schema_lookup (void)
{
  g_autofree char *source_xml = NULL;
  g_autofree char *path = g_build_filename (SOURCE_DATADIR, SCHEMA_ID ".gschema.xml", NULL);
  g_autofree char *dir = g_dir_make_tmp ("cs-schema-XXXXXX", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GSettingsSchemaSource) installed = NULL;
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GString) changed = NULL;
  g_autoptr(GString) old = NULL;

  reset_settings ();
  /* the test's GSETTINGS_SCHEMA_DIR holds the build's schema */
  settings = cs_settings_new ();
  g_assert_nonnull (settings);
  g_object_get (settings, "settings-schema", &schema, NULL);
  g_assert_cmpstr (g_settings_schema_get_id (schema), ==, SCHEMA_ID);
  g_assert_cmpstr (g_settings_schema_get_path (schema), ==, "/io/github/consortia/Consortia/");
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1200);
  g_clear_object (&settings);

  /* an installed copy of the same keys wins (its default tells it apart) */
  g_assert_true (g_file_get_contents (path, &source_xml, NULL, &error));
  g_assert_no_error (error);
  changed = g_string_new (source_xml);
  g_assert_cmpuint (g_string_replace (changed, "<default>1200</default>", "<default>999</default>",
                                      1), ==, 1);
  installed = compile_schema (dir, changed->str);
  settings = _cs_settings_new_from (installed, BUILD_SCHEMADIR);
  g_assert_nonnull (settings);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 999);
  g_clear_object (&settings);
  g_clear_pointer (&installed, g_settings_schema_source_unref);

  /* an older installed copy (a key missing) gives way to the build's */
  old = g_string_new (source_xml);
  g_assert_cmpuint (g_string_replace (old, "<default>1200</default>", "<default>999</default>", 1),
                    ==, 1);
  g_assert_cmpuint (g_string_replace (old, "<key name=\"export-folder\"", "<key name=\"x-folder\"",
                                      1), ==, 1);
  installed = compile_schema (dir, old->str);
  settings = _cs_settings_new_from (installed, BUILD_SCHEMADIR);
  g_assert_nonnull (settings);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1200);
  assert_setting (settings, "export-folder", "");
  g_clear_object (&settings);
  /* ... and is used when the program has none of its own */
  settings = _cs_settings_new_from (installed, "/nonexistent");
  g_assert_nonnull (settings);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 999);
  g_clear_object (&settings);
  g_clear_pointer (&installed, g_settings_schema_source_unref);

  /* nowhere: a warning, no settings, no abort */
  g_test_expect_message ("cs-app", G_LOG_LEVEL_WARNING, "*" SCHEMA_ID " is not installed*");
  settings = _cs_settings_new_from (NULL, "/nonexistent");
  g_test_assert_expected_messages ();
  g_assert_null (settings);

  remove_compiled (dir);
}

/* The preferences window edits the keys (each row bound both ways), and
 * what it sets is how the next graph opens, unless its file says */
static void
test_preferences (void)
{
  g_autoptr(GSettings) settings = cs_settings_new ();
  CsPreferencesWindow *preferences;
  g_autofree char *small = g_test_build_filename (G_TEST_DIST, "data", "good", "small.json", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cs-prefs-XXXXXX", NULL);
  g_autofree char *with_view = g_build_filename (dir, "with-view.json", NULL);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GString) text = NULL;
  g_autoptr(GError) error = NULL;
  AdwComboRow *rows[4] = { NULL };
  guint n_rows = 0;
  CsWindow *window;
  CsViewState *view;

  reset_settings ();
  preferences = cs_preferences_window_new (settings);
  gtk_window_present (GTK_WINDOW (preferences));
  /* the combo rows, in the window's order: style, language, names, layout */
  {
    GtkWidget *stack[64];
    guint top = 0;

    stack[top++] = GTK_WIDGET (preferences);
    while (top > 0)
      {
        GtkWidget *widget = stack[--top];
        GtkWidget *children[32];
        guint n = 0;

        if (ADW_IS_COMBO_ROW (widget) && n_rows < G_N_ELEMENTS (rows))
          rows[n_rows++] = ADW_COMBO_ROW (widget);
        for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL && n < 32;
             child = gtk_widget_get_next_sibling (child))
          children[n++] = child;
        /* depth first, in order */
        while (n > 0 && top < G_N_ELEMENTS (stack))
          stack[top++] = children[--n];
      }
  }
  g_assert_cmpuint (n_rows, ==, 4);
  /* the defaults shown */
  g_assert_cmpuint (adw_combo_row_get_selected (rows[0]), ==, 0);
  g_assert_cmpuint (adw_combo_row_get_selected (rows[1]), ==, 0);
  g_assert_cmpuint (adw_combo_row_get_selected (rows[2]), ==, 2);
  g_assert_cmpuint (adw_combo_row_get_selected (rows[3]), ==, 0);
  /* rows write the keys */
  adw_combo_row_set_selected (rows[0], 2);
  assert_setting (settings, "color-scheme", "dark");
  adw_combo_row_set_selected (rows[1], 1);
  assert_setting (settings, "label-language", "english");
  adw_combo_row_set_selected (rows[2], 0);
  assert_setting (settings, "label-density", "key-names");
  adw_combo_row_set_selected (rows[3], 4);
  assert_setting (settings, "default-layout", "circle");
  /* and follow them */
  g_settings_set_string (settings, "label-density", "some");
  g_assert_cmpuint (adw_combo_row_get_selected (rows[2]), ==, 1);
  g_settings_set_string (settings, "label-density", "key-names");
  gtk_window_destroy (GTK_WINDOW (preferences));

  /* a file that says nothing opens as the preferences say */
  window = open_small_graph ();
  view = cs_window_get_view_state (window);
  g_assert_cmpint (cs_view_state_get_label_language (view), ==, CS_LABEL_LANGUAGE_ENGLISH);
  g_assert_cmpfloat (cs_view_state_get_label_density (view), ==, 0.0);
  g_assert_cmpint (cs_document_get_algorithm (cs_window_get_document (window)), ==,
                   CS_LAYOUT_CIRCLE);
  gtk_window_destroy (GTK_WINDOW (window));

  /* a file that says keeps its own */
  g_assert_true (g_file_get_contents (small, &contents, NULL, &error));
  g_assert_no_error (error);
  text = g_string_new (contents);
  g_assert_cmpuint (g_string_replace (text, "\"format\": \"consortia-graph\",",
                                      "\"format\": \"consortia-graph\", \"view\": "
                                      "{\"labels\": \"original\", \"label_density\": 0.5},",
                                      1), ==, 1);
  g_assert_cmpuint (g_string_replace (text, "\"layout\": {\"seed\": 7}",
                                      "\"layout\": {\"algorithm\": \"grid\", \"seed\": 7}",
                                      1), ==, 1);
  g_assert_true (g_file_set_contents (with_view, text->str, -1, &error));
  g_assert_no_error (error);
  file = g_file_new_for_path (with_view);
  window = g_object_new (CS_TYPE_WINDOW, NULL);
  cs_window_open (window, file);
  gtk_window_present (GTK_WINDOW (window));
  wait_until_idle (window);
  view = cs_window_get_view_state (window);
  g_assert_cmpint (cs_view_state_get_label_language (view), ==, CS_LABEL_LANGUAGE_ORIGINAL);
  g_assert_cmpfloat (cs_view_state_get_label_density (view), ==, 0.5);
  g_assert_cmpint (cs_document_get_algorithm (cs_window_get_document (window)), ==,
                   CS_LAYOUT_GRID);
  gtk_window_destroy (GTK_WINDOW (window));

  g_remove (with_view);
  g_rmdir (dir);
  reset_settings ();
}

/* Closing a window keeps its size and panels; the next window starts so. */
static void
test_window_state (void)
{
  g_autoptr(GSettings) settings = cs_settings_new ();
  CsWindow *window;
  int width, height;

  reset_settings ();

  /* a first run: the schema's defaults */
  window = g_object_new (CS_TYPE_WINDOW, NULL);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 1200);
  g_assert_cmpint (height, ==, 800);
  g_assert_false (list_shown (window));
  gtk_window_destroy (GTK_WINDOW (window));

  window = open_small_graph ();
  gtk_window_set_default_size (GTK_WINDOW (window), 700, 500);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-list", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-inspector", NULL));
  g_assert_true (list_shown (window));
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *)&window);
  gtk_window_close (GTK_WINDOW (window));
  g_assert_null (window);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 700);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 500);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));
  g_assert_true (g_settings_get_boolean (settings, "show-organisation-list"));
  g_assert_false (g_settings_get_boolean (settings, "show-inspector"));

  /* the next window: that size, the list open, and a selection leaves the
   * inspector closed */
  window = open_small_graph ();
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 700);
  g_assert_cmpint (height, ==, 500);
  g_assert_true (list_shown (window));
  cs_view_state_select_node (cs_window_get_view_state (window), 0, CS_SELECTION_REPLACE);
  g_assert_false (cs_window_get_inspector_revealed (window));
  /* F9 opens it again, and that is kept too */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-inspector", NULL));
  g_assert_true (cs_window_get_inspector_revealed (window));
  gtk_window_close (GTK_WINDOW (window));
  g_assert_true (g_settings_get_boolean (settings, "show-inspector"));

  /* (whether a window comes back maximized is left untested: with no
   * window manager on Xvfb, no window is ever maximized) */
  reset_settings ();
}

/* the dialog's combo rows and switches, in the order the dialog lists them */
static void
collect (GtkWidget *root,
         GType      type,
         GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    g_ptr_array_add (found, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, type, found);
}

enum { FORMAT, SCOPE, SIZE, SCALE, BACKGROUND, PALETTE, N_COMBOS };
enum { PANELS, LEGEND, TITLE, CAPTION, N_SWITCHES };

typedef struct
{
  CsExportDialog *dialog;
  AdwComboRow    *combos[N_COMBOS];
  GtkSwitch      *switches[N_SWITCHES];
} Dialog;

static void
open_dialog (CsWindow *window,
             Dialog   *d)
{
  g_autoptr(GPtrArray) combos = g_ptr_array_new ();
  g_autoptr(GPtrArray) switches = g_ptr_array_new ();

  d->dialog = cs_export_dialog_new (GTK_WINDOW (window), cs_window_get_document (window),
                                    cs_window_get_view_state (window));
  collect (GTK_WIDGET (d->dialog), ADW_TYPE_COMBO_ROW, combos);
  collect (GTK_WIDGET (d->dialog), GTK_TYPE_SWITCH, switches);
  g_assert_cmpuint (combos->len, ==, N_COMBOS);
  g_assert_cmpuint (switches->len, ==, N_SWITCHES);
  for (guint i = 0; i < N_COMBOS; i++)
    d->combos[i] = combos->pdata[i];
  for (guint i = 0; i < N_SWITCHES; i++)
    d->switches[i] = switches->pdata[i];
}

/* Every option set in one export dialog is there in the next one. */
static void
test_export_options (void)
{
  g_autoptr(GSettings) settings = cs_settings_new ();
  CsWindow *window;
  CsExportOptions options;
  Dialog d;

  reset_settings ();
  window = open_small_graph ();

  /* a first export: the defaults */
  open_dialog (window, &d);
  cs_export_dialog_get_options (d.dialog, &options);
  g_assert_cmpint (options.format, ==, CS_EXPORT_FORMAT_PNG);
  g_assert_cmpint (options.scope, ==, CS_EXPORT_SCOPE_ALL);
  g_assert_cmpuint (adw_combo_row_get_selected (d.combos[SIZE]), ==, 0);
  g_assert_cmpfloat (options.dpi, ==, 96);
  g_assert_cmpint (options.background, ==, CS_EXPORT_BACKGROUND_THEME);
  g_assert_false (options.dark);
  g_assert_true (options.legend);
  g_assert_false (options.title);
  g_assert_true (options.caption);
  /* a graph without stages: no panel per stage */
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_ancestor (GTK_WIDGET (d.switches[PANELS]), ADW_TYPE_ACTION_ROW)));
  g_assert_false (cs_export_dialog_get_stage_panels (d.dialog));

  /* the user changes every one of them */
  adw_combo_row_set_selected (d.combos[FORMAT], CS_EXPORT_FORMAT_SVG);
  adw_combo_row_set_selected (d.combos[SCOPE], CS_EXPORT_SCOPE_VIEW);
  adw_combo_row_set_selected (d.combos[SIZE], 2); /* 1920 × 1080 */
  adw_combo_row_set_selected (d.combos[SCALE], 3); /* 300 dpi */
  adw_combo_row_set_selected (d.combos[BACKGROUND], CS_EXPORT_BACKGROUND_TRANSPARENT);
  adw_combo_row_set_selected (d.combos[PALETTE], 1); /* dark */
  gtk_switch_set_active (d.switches[LEGEND], FALSE);
  gtk_switch_set_active (d.switches[TITLE], TRUE);
  gtk_switch_set_active (d.switches[CAPTION], FALSE);
  gtk_switch_set_active (d.switches[PANELS], TRUE);
  gtk_window_destroy (GTK_WINDOW (d.dialog));

  g_assert_true (g_settings_get_boolean (settings, "export-stage-panels"));
  assert_setting (settings, "export-format", "svg");
  assert_setting (settings, "export-scope", "view");
  assert_setting (settings, "export-size", "1920x1080");
  assert_setting (settings, "export-scale", "300dpi");
  assert_setting (settings, "export-background", "transparent");
  assert_setting (settings, "export-palette", "dark");
  g_assert_false (g_settings_get_boolean (settings, "export-legend"));
  g_assert_true (g_settings_get_boolean (settings, "export-title"));
  g_assert_false (g_settings_get_boolean (settings, "export-caption"));

  /* the next dialog shows them all */
  open_dialog (window, &d);
  cs_export_dialog_get_options (d.dialog, &options);
  g_assert_cmpint (options.format, ==, CS_EXPORT_FORMAT_SVG);
  g_assert_cmpint (options.scope, ==, CS_EXPORT_SCOPE_VIEW);
  g_assert_cmpint (options.width, ==, 1920);
  g_assert_cmpint (options.height, ==, 1080);
  g_assert_cmpfloat (options.dpi, ==, 300);
  g_assert_cmpint (options.background, ==, CS_EXPORT_BACKGROUND_TRANSPARENT);
  g_assert_true (options.dark);
  g_assert_false (options.legend);
  g_assert_true (options.title);
  g_assert_false (options.caption);
  /* kept, but a graph without stages exports one picture */
  g_assert_true (gtk_switch_get_active (d.switches[PANELS]));
  g_assert_false (cs_export_dialog_get_stage_panels (d.dialog));
  /* ... and one with stages a panel per stage, the scope set aside */
  gtk_window_destroy (GTK_WINDOW (d.dialog));
  {
    g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "good", "stages.json",
                                                   NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(CsStagePanels) panels = NULL;

    cs_window_open (window, file);
    wait_until_idle (window);
    g_assert_cmpstr (cs_graph_get_title (cs_document_get_graph (cs_window_get_document (window))), ==,
                     "A contest in three stages");
    open_dialog (window, &d);
    g_assert_true (gtk_widget_get_visible (gtk_widget_get_ancestor (GTK_WIDGET (d.switches[PANELS]), ADW_TYPE_ACTION_ROW)));
    g_assert_true (cs_export_dialog_get_stage_panels (d.dialog));
    g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (d.combos[SCOPE])));
    panels = cs_export_dialog_build_panels (d.dialog);
    g_assert_nonnull (panels);
    g_assert_cmpuint (cs_stage_panels_get_n_panels (panels), ==, 3);
    gtk_switch_set_active (d.switches[PANELS], FALSE);
    g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (d.combos[SCOPE])));
    gtk_window_destroy (GTK_WINDOW (d.dialog));
  }

  gtk_window_destroy (GTK_WINDOW (window));
  reset_settings ();
}

/* Until the user sets them, the palette, the legend and the scope follow
 * the window; once set, their choice wins. */
static void
test_export_follows_window (void)
{
  g_autoptr(GSettings) settings = cs_settings_new ();
  CsWindow *window;
  CsViewState *view;
  CsExportOptions options;
  Dialog d;

  reset_settings ();
  window = open_small_graph ();
  view = cs_window_get_view_state (window);

  /* never set: a selection is exported, the legend is the window's */
  cs_view_state_select_node (view, 0, CS_SELECTION_REPLACE);
  cs_view_state_set_layer (view, CS_LAYER_LEGEND, FALSE);
  open_dialog (window, &d);
  cs_export_dialog_get_options (d.dialog, &options);
  g_assert_cmpint (options.scope, ==, CS_EXPORT_SCOPE_SELECTION);
  g_assert_false (options.legend);
  gtk_window_destroy (GTK_WINDOW (d.dialog));
  /* opening the dialog set nothing */
  g_assert_null (g_settings_get_user_value (settings, "export-scope"));
  g_assert_null (g_settings_get_user_value (settings, "export-legend"));
  g_assert_null (g_settings_get_user_value (settings, "export-palette"));

  /* set by the user: kept whatever the window shows */
  open_dialog (window, &d);
  adw_combo_row_set_selected (d.combos[SCOPE], CS_EXPORT_SCOPE_ALL);
  gtk_switch_set_active (d.switches[LEGEND], TRUE);
  gtk_window_destroy (GTK_WINDOW (d.dialog));
  open_dialog (window, &d);
  cs_export_dialog_get_options (d.dialog, &options);
  g_assert_cmpint (options.scope, ==, CS_EXPORT_SCOPE_ALL);
  g_assert_true (options.legend);

  /* the selection kept, nothing selected now: the whole graph, and the
   * choice stays for the next selection */
  adw_combo_row_set_selected (d.combos[SCOPE], CS_EXPORT_SCOPE_SELECTION);
  gtk_window_destroy (GTK_WINDOW (d.dialog));
  cs_view_state_select_node (view, -1, CS_SELECTION_REPLACE);
  open_dialog (window, &d);
  cs_export_dialog_get_options (d.dialog, &options);
  g_assert_cmpint (options.scope, ==, CS_EXPORT_SCOPE_ALL);
  gtk_window_destroy (GTK_WINDOW (d.dialog));
  assert_setting (settings, "export-scope", "selection");

  gtk_window_destroy (GTK_WINDOW (window));
  reset_settings ();
}

static void
exported_cb (CsExportDialog *dialog,
             const char     *filename,
             char          **out)
{
  *out = g_strdup (filename);
}

/* The file chooser opens in the folder of the last export, while it is
 * there. */
static void
test_export_folder (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cs-export-folder-XXXXXX", NULL);
  g_autofree char *png = g_build_filename (dir, "graph.png", NULL);
  g_autofree char *written = NULL;
  g_autoptr(GFile) expected = g_file_new_for_path (dir);
  g_autoptr(GFile) folder = NULL;
  CsWindow *window;
  Dialog d;
  gint64 deadline;

  reset_settings ();
  window = open_small_graph ();
  open_dialog (window, &d);
  g_assert_null (cs_export_dialog_dup_folder (d.dialog));
  g_signal_connect (d.dialog, "exported", G_CALLBACK (exported_cb), &written);
  cs_export_dialog_export_to (d.dialog, png);
  deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while (written == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      cs_test_iterate ();
    }

  open_dialog (window, &d);
  folder = cs_export_dialog_dup_folder (d.dialog);
  g_assert_nonnull (folder);
  g_assert_true (g_file_equal (folder, expected));
  /* gone: the chooser's own default */
  g_assert_cmpint (g_unlink (png), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
  g_assert_null (cs_export_dialog_dup_folder (d.dialog));
  gtk_window_destroy (GTK_WINDOW (d.dialog));

  gtk_window_destroy (GTK_WINDOW (window));
  reset_settings ();
}

/* The dark style set in the menu comes back at start-up, and Quit closes
 * each window as its close button would, so that it saves its state. */
static void
test_application (void)
{
  g_autoptr(GSettings) settings = cs_settings_new ();
  g_autoptr(CsApplication) app = cs_application_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) state = NULL;
  AdwStyleManager *manager = adw_style_manager_get_default ();
  CsWindow *window;

  reset_settings ();
  g_settings_set_string (settings, "color-scheme", "dark");
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (adw_style_manager_get_color_scheme (manager), ==, ADW_COLOR_SCHEME_FORCE_DARK);
  state = g_action_group_get_action_state (G_ACTION_GROUP (app), "dark-style");
  g_assert_true (g_variant_get_boolean (state));

  g_action_group_change_action_state (G_ACTION_GROUP (app), "dark-style",
                                      g_variant_new_boolean (FALSE));
  g_assert_cmpint (adw_style_manager_get_color_scheme (manager), ==,
                   ADW_COLOR_SCHEME_FORCE_LIGHT);
  assert_setting (settings, "color-scheme", "light");
  g_clear_pointer (&state, g_variant_unref);
  state = g_action_group_get_action_state (G_ACTION_GROUP (app), "dark-style");
  g_assert_false (g_variant_get_boolean (state));

  window = g_object_new (CS_TYPE_WINDOW, "application", app, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 480);
  gtk_window_present (GTK_WINDOW (window));
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *)&window);
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  g_assert_null (window);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 640);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 480);

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
  reset_settings ();
}

static void
xdo (const char *first,
     ...)
{
  g_autofree char *xdotool = cs_test_find_program ("XDOTOOL", "xdotool");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  va_list args;

  g_assert_nonnull (xdotool);
  g_ptr_array_add (argv, xdotool);
  va_start (args, first);
  for (const char *a = first; a != NULL; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *)a);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  g_assert_true (cs_test_run_tool ((const char *const *)argv->pdata, NULL));
}

static void
wait_for_size (const char *window,
               int         width,
               int         height)
{
  g_autofree char *xdotool = cs_test_find_program ("XDOTOOL", "xdotool");
  g_autofree char *expected = g_strdup_printf ("WIDTH=%d\nHEIGHT=%d\n", width, height);
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  const char *argv[] = { xdotool, "getwindowgeometry", "--shell", window, NULL };

  for (;;)
    {
      g_autofree char *out = NULL;

      g_assert_true (cs_test_run_tool (argv, &out));
      if (strstr (out, expected) != NULL)
        return;
      if (g_get_monotonic_time () > deadline)
        {
          g_test_message ("window %s: expected %d × %d, got\n%s", window, width, height, out);
          g_assert_not_reached ();
        }
      g_usleep (50 * 1000);
    }
}

/* The X server has the new size at once; GTK takes it as the window's
 * size at its next frame, which the app's first picture of the bundled
 * graph holds back: it opens at once now (its layout is built in), and
 * under AddressSanitizer the first frames take over half a second. Two
 * seconds let them pass before Ctrl+Q. */
static void
settle (void)
{
  g_usleep (2 * G_USEC_PER_SEC);
}

/* the app, and its visible window once it is there */
static GPid
start_app (char  **envp,
           char  **out_window)
{
  const char *argv[] = { g_getenv ("CONSORTIA_BIN"), NULL };

  return cs_test_start_app (argv, envp, out_window);
}

/* Ctrl+Q, and the app exits on its own, with status 0 */
static void
quit_app (GPid pid)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  int status;

  xdo ("key", "ctrl+q", NULL);
  while (waitpid (pid, &status, WNOHANG) == 0)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (20 * 1000);
    }
  g_spawn_close_pid (pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
}

static GKeyFile *
load_keyfile (const char *path)
{
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (g_key_file_load_from_file (keyfile, path, G_KEY_FILE_NONE, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&keyfile);
}

static void
assert_saved (GKeyFile   *keyfile,
              const char *key,
              const char *value)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *got = g_key_file_get_value (keyfile, "io/github/consortia/Consortia", key,
                                               &error);

  g_assert_no_error (error);
  g_assert_cmpstr (got, ==, value);
}

/* The real app twice, with its settings in a keyfile: the first run is
 * resized, opens the list (F8) and keeps the inspector closed (F9), and
 * quits; the second starts at that size with the list open and, resized
 * again, saves its new size with the panels as it found them. */
static void
test_between_runs (void)
{
  g_autofree char *config = g_dir_make_tmp ("cs-settings-XXXXXX", NULL);
  g_autofree char *keyfile_path = g_build_filename (config, "glib-2.0", "settings", "keyfile",
                                                    NULL);
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GKeyFile) keyfile = NULL;
  g_autofree char *window = NULL;
  GPid pid;

  envp = g_environ_setenv (envp, "GSETTINGS_BACKEND", "keyfile", TRUE);
  envp = g_environ_setenv (envp, "XDG_CONFIG_HOME", config, TRUE);

  pid = start_app (envp, &window);
  /* the first run has the schema's size */
  wait_for_size (window, 1200, 800);
  xdo ("windowsize", window, "1000", "650", NULL);
  wait_for_size (window, 1000, 650);
  settle ();
  xdo ("mousemove", "--window", window, "500", "300", NULL);
  xdo ("windowfocus", "--sync", window, NULL);
  xdo ("key", "F8", "F9", NULL);
  quit_app (pid);

  keyfile = load_keyfile (keyfile_path);
  assert_saved (keyfile, "window-width", "1000");
  assert_saved (keyfile, "window-height", "650");
  assert_saved (keyfile, "show-organisation-list", "true");
  assert_saved (keyfile, "show-inspector", "false");
  g_clear_pointer (&keyfile, g_key_file_unref);
  g_clear_pointer (&window, g_free);

  pid = start_app (envp, &window);
  wait_for_size (window, 1000, 650);
  xdo ("windowsize", window, "900", "600", NULL);
  wait_for_size (window, 900, 600);
  settle ();
  xdo ("mousemove", "--window", window, "500", "300", NULL);
  xdo ("windowfocus", "--sync", window, NULL);
  quit_app (pid);

  /* saved by the second run, so what it restored was in its window */
  keyfile = load_keyfile (keyfile_path);
  assert_saved (keyfile, "window-width", "900");
  assert_saved (keyfile, "window-height", "600");
  assert_saved (keyfile, "show-organisation-list", "true");
  assert_saved (keyfile, "show-inspector", "false");

  g_unlink (keyfile_path);
  {
    g_autofree char *settings_dir = g_path_get_dirname (keyfile_path);
    g_autofree char *glib_dir = g_path_get_dirname (settings_dir);

    g_rmdir (settings_dir);
    g_rmdir (glib_dir);
    g_rmdir (config);
  }
}

int
main (int   argc,
      char *argv[])
{
  cs_test_use_own_state_dir ();
  /* no ISOLATE_DIRS: GTK needs the system's icons; settings stay in memory
   * here (GSETTINGS_BACKEND), and the app run by the last test writes to a
   * folder of its own */
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_printerr ("no display: run the GUI suite under xvfb-run\n");
      return 77;
    }
  adw_init ();
  cs_test_gui_init ();

  g_test_add_func ("/cs/settings/schema-lookup", test_schema_lookup);
  g_test_add_func ("/cs/settings/window-state", test_window_state);
  g_test_add_func ("/cs/settings/preferences", test_preferences);
  g_test_add_func ("/cs/settings/export-options", test_export_options);
  g_test_add_func ("/cs/settings/export-follows-window", test_export_follows_window);
  g_test_add_func ("/cs/settings/export-folder", test_export_folder);
  g_test_add_func ("/cs/settings/application", test_application);
  g_test_add_func ("/cs/settings/between-runs", test_between_runs);

  return g_test_run ();
}
