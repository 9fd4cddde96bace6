/* test-korean.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window in Korean (LANGUAGE=ko, the build's catalogue): every text it
 * shows — labels, buttons, menus, tooltips, placeholders, accessible
 * names, the shortcuts window — is Korean, save names that stay as they
 * are (formats, the app's name, the data's own English). A screenshot is
 * written for a person to look at.
 */

#include "config.h"

#include "cs-application.h"
#include "cs-preferences-window.h"
#include "cs-settings.h"
#include "cs-window-private.h"
#include "test-gui-support.h"
#include "test-support.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <string.h>

/* words that are the same in Korean text */
static const char *const kept_words[] = {
  "Consortia", "PNG", "SVG", "PDF", "JSON", "CSV", "TSV", "GraphML", "GEXF", "GML", "DOT",
  "Pajek", "Graphviz", "igraph", "Fruchterman", "Reingold", "Kamada", "Kawai", "DrL", "MDS",
  "Sugiyama", "Ctrl", "Shift", "Alt", "Esc", "Escape", "Enter", "Tab", "Space", "Home", "End",
  "Page", "Up", "Down", "Left", "Right", "dpi", "px", "F8", "F9", "F10", "F11", "JGF", "GPL",
  "AI", "NPU", "GPU", "LLM", "ICT", "Cytoscape", "graphology", "NetworkX", "MiniVan", "d3",
  NULL
};

static gboolean
has_hangul (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c >= 0xac00 && c <= 0xd7a3) || (c >= 0x3131 && c <= 0x318e))
        return TRUE;
    }
  return FALSE;
}

/* TRUE when @text reads as Korean: it has Hangul, or no English word
 * (three letters or more) but kept ones and the data's own @names */
static gboolean
reads_korean (const char *text,
              GHashTable *names)
{
  g_autoptr(GRegex) word = g_regex_new ("[A-Za-z][A-Za-z’']{2,}", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  if (has_hangul (text) || g_hash_table_contains (names, text))
    return TRUE;
  g_regex_match (word, text, 0, &match);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      g_autofree char *w = g_match_info_fetch (match, 0);

      if (!g_strv_contains (kept_words, w) && !g_hash_table_contains (names, w))
        return FALSE;
    }
  return TRUE;
}

static void
check_text (GPtrArray  *english,
            GHashTable *names,
            GtkWidget  *widget,
            const char *what,
            const char *text)
{
  g_autofree char *plain = NULL;

  if (text == NULL || *text == '\0')
    return;
  /* markup aside */
  if (!pango_parse_markup (text, -1, 0, NULL, &plain, NULL, NULL))
    plain = g_strdup (text);
  if (!reads_korean (plain, names))
    g_ptr_array_add (english, g_strdup_printf ("%s %s: “%s”", G_OBJECT_TYPE_NAME (widget), what,
                                               plain));
}

static void
check_property (GPtrArray  *english,
                GHashTable *names,
                GtkWidget  *widget,
                const char *property)
{
  GParamSpec *spec = g_object_class_find_property (G_OBJECT_GET_CLASS (widget), property);
  g_autofree char *value = NULL;

  if (spec == NULL || spec->value_type != G_TYPE_STRING || !(spec->flags & G_PARAM_READABLE))
    return;
  g_object_get (widget, property, &value, NULL);
  check_text (english, names, widget, property, value);
}

static void
collect (GPtrArray  *english,
         GHashTable *names,
         GtkWidget  *widget)
{
  static const char *const properties[] = { "label", "title", "subtitle", "placeholder-text",
                                            "text", "description", "tooltip-text", NULL };
  for (guint i = 0; properties[i] != NULL; i++)
    if (!(GTK_IS_EDITABLE (widget) && g_strcmp0 (properties[i], "text") == 0))
      check_property (english, names, widget, properties[i]);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (english, names, child);
}

/* the labels of a menu model, submenus and sections included */
static void
collect_menu (GPtrArray  *english,
              GHashTable *names,
              GtkWidget  *owner,
              GMenuModel *model)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *label = NULL;
      g_autoptr(GMenuLinkIter) links = g_menu_model_iterate_item_links (model, i);
      GMenuModel *link;

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_LABEL, "s", &label))
        check_text (english, names, owner, "menu item", label);
      while (g_menu_link_iter_get_next (links, NULL, &link))
        {
          collect_menu (english, names, owner, link);
          g_object_unref (link);
        }
    }
}

static void
collect_menus (GPtrArray  *english,
               GHashTable *names,
               GtkWidget  *widget)
{
  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget)))
    collect_menu (english, names, widget,
                  gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_menus (english, names, child);
}

/* the data's own names (English ones included) are the data, not the UI */
static GHashTable *
data_names (CsGraph *graph)
{
  GHashTable *names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GRegex) word = g_regex_new ("[A-Za-z][A-Za-z’']{2,}", 0, 0, NULL);

  for (guint i = 0; i < cs_graph_get_n_nodes (graph); i++)
    {
      const CsNode *node = cs_graph_get_node (graph, i);
      const char *texts[] = { node->label, node->label_en };

      for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
        {
          g_autoptr(GMatchInfo) match = NULL;

          if (texts[t] == NULL)
            continue;
          g_hash_table_add (names, g_strdup (texts[t]));
          g_regex_match (word, texts[t], 0, &match);
          for (; g_match_info_matches (match); g_match_info_next (match, NULL))
            g_hash_table_add (names, g_match_info_fetch (match, 0));
        }
    }
  /* and so are its own words: relations, types, attribute keys, the file */
  for (guint r = 0; r < cs_graph_get_n_relations (graph); r++)
    g_hash_table_add (names, g_strdup (cs_graph_get_relation_display_name (graph, r)));
  for (guint t = 0; t < cs_graph_get_n_types (graph); t++)
    g_hash_table_add (names, g_strdup (cs_graph_get_type_display_name (graph, t)));
  for (guint i = 0; i < cs_graph_get_n_nodes (graph); i++)
    {
      const CsNode *node = cs_graph_get_node (graph, i);

      for (guint a = 0; node->attributes != NULL && a < node->attributes->len; a++)
        g_hash_table_add (names, g_strdup (((CsAttribute *)node->attributes->pdata[a])->key));
    }
  return names;
}

static void
assert_korean (GPtrArray *english)
{
  if (english->len == 0)
    return;
  for (guint i = 0; i < english->len; i++)
    g_printerr ("# not Korean: %s\n", (char *)english->pdata[i]);
  g_error ("%u texts of the window are not Korean", english->len);
}

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

static void
test_window (void)
{
  g_autoptr(GFile) file = cs_application_get_bundled_file ();
  CsWindow *window = g_object_new (CS_TYPE_WINDOW, NULL);
  g_autoptr(GPtrArray) english = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) names = NULL;
  g_autoptr(GtkBuilder) builder = NULL;
  cairo_surface_t *shot;
  g_autofree char *path = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "korean-window.png",
                                            NULL);
  GObject *overlay;

  /* the catalogue is what the test reads */
  g_assert_cmpstr (_("No matches"), !=, "No matches");

  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  cs_window_open (window, file);
  gtk_window_present (GTK_WINDOW (window));
  wait_until_idle (window);
  cs_test_wait_for_frame (cs_window_get_canvas (window));
  names = data_names (cs_document_get_graph (cs_window_get_document (window)));
  g_hash_table_add (names, g_file_get_basename (file));

  collect (english, names, GTK_WIDGET (window));
  collect_menus (english, names, GTK_WIDGET (window));
  check_text (english, names, GTK_WIDGET (window), "title",
              gtk_window_get_title (GTK_WINDOW (window)));

  /* the shortcuts window */
  builder = gtk_builder_new_from_resource (RESOURCE_BASE "/gtk/help-overlay.ui");
  overlay = gtk_builder_get_object (builder, "help_overlay");
  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));
  collect (english, names, GTK_WIDGET (overlay));
  gtk_window_destroy (GTK_WINDOW (overlay));

  /* the preferences */
  {
    g_autoptr(GSettings) settings = cs_settings_new ();
    CsPreferencesWindow *preferences = cs_preferences_window_new (settings);

    collect (english, names, GTK_WIDGET (preferences));
    gtk_window_destroy (GTK_WINDOW (preferences));
  }

  shot = cs_test_render_widget (GTK_WIDGET (window));
  g_assert_cmpint (cairo_surface_write_to_png (shot, path), ==, CAIRO_STATUS_SUCCESS);
  g_test_message ("screenshot: %s", path);
  cairo_surface_destroy (shot);
  gtk_window_destroy (GTK_WINDOW (window));
  assert_korean (english);
}

int
main (int   argc,
      char *argv[])
{
  cs_test_use_own_state_dir ();
  g_setenv ("LANGUAGE", "ko", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("CONSORTIA_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_printerr ("no display: run the GUI suite under xvfb-run\n");
      return 77;
    }
  adw_init ();
  cs_test_gui_init ();
  g_test_add_func ("/cs/korean/window", test_window);
  return g_test_run ();
}
