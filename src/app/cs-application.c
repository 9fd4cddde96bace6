/* cs-application.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-application.h"
#include "cs-window.h"

struct _CsApplication
{
  AdwApplication parent_instance;
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

static void
cs_application_about_action (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  GtkApplication *app = user_data;
  const char *developers[] = { "Consortia contributors", NULL };

  adw_show_about_window (gtk_application_get_active_window (app), "application-name", "Consortia",
                         "application-icon", APP_ID, "version", PACKAGE_VERSION, "comments",
                         "Explore who works with whom: partnership graphs of organisations, "
                         "consortia and models, with every fact's source.",
                         "developers", developers, "license-type", GTK_LICENSE_GPL_3_0, NULL);
}

static void
cs_application_quit_action (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (user_data)));

  /* each window asks about its unsaved changes; the last one closed ends
   * the application */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
}

/* Dark style on or off, over the desktop's own preference */
static void
cs_application_dark_style_action (GSimpleAction *action,
                                  GVariant      *state,
                                  gpointer       user_data)
{
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      g_variant_get_boolean (state) ? ADW_COLOR_SCHEME_FORCE_DARK
                                                                    : ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_simple_action_set_state (action, state);
}

static const GActionEntry app_actions[] = {
  { "about", cs_application_about_action },
  { "quit", cs_application_quit_action },
  { "dark-style", NULL, NULL, "false", cs_application_dark_style_action },
};

static void
cs_application_startup (GApplication *app)
{
  G_APPLICATION_CLASS (cs_application_parent_class)->startup (app);

  gtk_window_set_default_icon_name (APP_ID);
  /* the toggle starts from what the desktop chose */
  g_action_group_change_action_state (
      G_ACTION_GROUP (app), "dark-style",
      g_variant_new_boolean (adw_style_manager_get_dark (adw_style_manager_get_default ())));
}

static void
cs_application_class_init (CsApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->activate = cs_application_activate;
  app_class->open = cs_application_open;
  app_class->startup = cs_application_startup;
}

static void
cs_application_init (CsApplication *self)
{
  static const char *quit_accels[] = { "<Control>q", NULL };

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions),
                                   self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
}
