/* cs-application.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cs-application.h"
#include "cs-preferences-window.h"
#include "cs-settings.h"
#include "cs-window.h"

struct _CsApplication
{
  AdwApplication  parent_instance;

  /* owned, from startup on; NULL when the schema is missing */
  GSettings      *settings;
};

G_DEFINE_FINAL_TYPE (CsApplication, cs_application, ADW_TYPE_APPLICATION)

CsApplication *
cs_application_new (void)
{
  /* NON_UNIQUE: every invocation gets its own window and process, which is
   * what scripts and tests expect, and needs no session bus. */
  return g_object_new (CS_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
}

/**
 * cs_application_get_bundled_file:
 *
 * Returns: (transfer full): the bundled graph's file, see
 *   cs_document_find_bundled_graph()
 */
GFile *
cs_application_get_bundled_file (void)
{
  g_autofree char *path = cs_document_find_bundled_graph ();

  return g_file_new_for_path (path);
}

static CsWindow *
new_window (CsApplication *self)
{
  return g_object_new (CS_TYPE_WINDOW, "application", self, NULL);
}

static void
cs_application_activate (GApplication *app)
{
  CsWindow *window = new_window (CS_APPLICATION (app));
  g_autoptr(GFile) file = cs_application_get_bundled_file ();

  cs_window_open (window, file);
  gtk_window_present (GTK_WINDOW (window));
}

static void
cs_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  for (int i = 0; i < n_files; i++)
    {
      CsWindow *window = new_window (CS_APPLICATION (app));

      cs_window_open (window, files[i]);
      gtk_window_present (GTK_WINDOW (window));
    }
}

/* the articles the open graph's facts come from, "title (publisher,
 * date)" each, for the About window's credits */
static GStrv
data_sources (GtkWindow *window)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  CsGraph *graph;

  if (!CS_IS_WINDOW (window) ||
      (graph = cs_document_get_graph (cs_window_get_document (CS_WINDOW (window)))) == NULL)
    return g_strv_builder_end (builder);
  for (guint i = 0; i < cs_graph_get_n_articles (graph); i++)
    {
      const CsArticle *article = cs_graph_get_article (graph, i);

      if (article->title != NULL || article->publisher != NULL)
        {
          g_autofree char *text = cs_graph_describe_article (graph, article->file, -1);

          g_strv_builder_add (builder, text);
        }
    }
  return g_strv_builder_end (builder);
}

static void
cs_application_about_action (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  GtkApplication *app = user_data;
  GtkWindow *parent = gtk_application_get_active_window (app);
  const char *developers[] = { _("Consortia contributors"), NULL };
  g_auto(GStrv) sources = data_sources (parent);
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW, "transient-for", parent, "modal", TRUE,
                        "application-name", "Consortia", "application-icon", APP_ID, "version",
                        PACKAGE_VERSION, "comments",
                        _("Explore who works with whom: partnership graphs of organisations, "
                          "consortia and models, with every fact's source."),
                        "developers", developers, "license-type", GTK_LICENSE_GPL_3_0,
                        /* TRANSLATORS: your name(s) and e-mail address(es), one a line;
                         * the About window lists them as the translators */
                        "translator-credits", _("translator-credits"), NULL);
  if (sources[0] != NULL)
    adw_about_window_add_acknowledgement_section (ADW_ABOUT_WINDOW (about),
                                                  /* TRANSLATORS: the About window's
                                                   * list of the articles the open
                                                   * graph's facts come from */
                                                  _("Data Sources"), (const char **)sources);
  gtk_window_present (GTK_WINDOW (about));
}

/* Ctrl+Q closes every window as its close button would, so each one saves
 * its state (and may ask first); the app ends with the last of them. */
static void
cs_application_quit_action (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  GtkApplication *app = user_data;
  /* a closed window leaves the application's list */
  GList *windows = g_list_copy (gtk_application_get_windows (app));

  for (GList *l = windows; l != NULL; l = l->next)
    g_object_ref (l->data);
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_list_free_full (windows, g_object_unref);
}

/* Dark style on or off, over the desktop's own preference, and so in the
 * next run too */
static void
cs_application_dark_style_action (GSimpleAction *action,
                                  GVariant      *state,
                                  gpointer       user_data)
{
  CsApplication *self = user_data;
  gboolean dark = g_variant_get_boolean (state);

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                           : ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_simple_action_set_state (action, state);
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "color-scheme", dark ? "dark" : "light");
}

/* the toggle shows the style in use, the desktop's until it is set */
static void
cs_application_style_dark_notify_cb (CsApplication   *self,
                                     GParamSpec      *pspec,
                                     AdwStyleManager *manager)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "dark-style");

  g_simple_action_set_state (G_SIMPLE_ACTION (action),
                             g_variant_new_boolean (adw_style_manager_get_dark (manager)));
}

/* the style the settings name: the desktop's, light or dark (the
 * preferences and the menu's toggle both write it) */
static void
cs_application_color_scheme_cb (CsApplication *self,
                                const char    *key,
                                GSettings     *settings)
{
  g_autofree char *scheme = g_settings_get_string (settings, "color-scheme");
  AdwColorScheme color_scheme = ADW_COLOR_SCHEME_DEFAULT;

  if (g_str_equal (scheme, "dark"))
    color_scheme = ADW_COLOR_SCHEME_FORCE_DARK;
  else if (g_str_equal (scheme, "light"))
    color_scheme = ADW_COLOR_SCHEME_FORCE_LIGHT;
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), color_scheme);
}

/* Ctrl+, */
static void
cs_application_preferences_action (GSimpleAction *action,
                                   GVariant      *parameter,
                                   gpointer       user_data)
{
  CsApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  CsPreferencesWindow *preferences;

  if (self->settings == NULL)
    return;
  preferences = cs_preferences_window_new (self->settings);
  gtk_window_set_transient_for (GTK_WINDOW (preferences), parent);
  gtk_window_present (GTK_WINDOW (preferences));
}

static const GActionEntry app_actions[] = {
  { "about", cs_application_about_action },
  { "preferences", cs_application_preferences_action },
  { "quit", cs_application_quit_action },
  { "dark-style", NULL, NULL, "false", cs_application_dark_style_action },
};

static void
cs_application_startup (GApplication *app)
{
  CsApplication *self = CS_APPLICATION (app);
  AdwStyleManager *manager;

  G_APPLICATION_CLASS (cs_application_parent_class)->startup (app);

  gtk_window_set_default_icon_name (APP_ID);
  self->settings = cs_settings_new ();
  manager = adw_style_manager_get_default ();
  if (self->settings != NULL)
    {
      cs_application_color_scheme_cb (self, "color-scheme", self->settings);
      g_signal_connect_object (self->settings, "changed::color-scheme",
                               G_CALLBACK (cs_application_color_scheme_cb), self,
                               G_CONNECT_SWAPPED);
    }
  g_signal_connect_object (manager, "notify::dark",
                           G_CALLBACK (cs_application_style_dark_notify_cb), self,
                           G_CONNECT_SWAPPED);
  cs_application_style_dark_notify_cb (self, NULL, manager);
}

static void
cs_application_shutdown (GApplication *app)
{
  CsApplication *self = CS_APPLICATION (app);

  /* a backend that writes later (dconf) writes now */
  g_settings_sync ();
  g_clear_object (&self->settings);

  G_APPLICATION_CLASS (cs_application_parent_class)->shutdown (app);
}

static void
cs_application_dispose (GObject *object)
{
  CsApplication *self = CS_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (cs_application_parent_class)->dispose (object);
}

static void
cs_application_class_init (CsApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = cs_application_dispose;
  app_class->activate = cs_application_activate;
  app_class->open = cs_application_open;
  app_class->startup = cs_application_startup;
  app_class->shutdown = cs_application_shutdown;
}

static void
cs_application_init (CsApplication *self)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions),
                                   self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences",
                                         preferences_accels);
}
