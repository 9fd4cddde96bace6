/* main.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "cs-application.h"
#include "cs-cli.h"
#include "cs-install.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CsApplication) app = NULL;
  g_autofree char *toolkit = NULL;
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  char *app_argv[3] = { argv[0], NULL, NULL };
  g_autofree char *localedir = cs_install_get_localedir ();
  int status;

  /* the messages in the language of the session (LANGUAGE, LC_MESSAGES);
   * installed with the program, or the build's own (CONSORTIA_LOCALEDIR) */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* the versions of the libraries linked in, read without a display */
  toolkit = g_strdup_printf ("GTK %u.%u.%u\nlibadwaita %u.%u.%u\n", gtk_get_major_version (),
                             gtk_get_minor_version (), gtk_get_micro_version (),
                             adw_get_major_version (), adw_get_minor_version (),
                             adw_get_micro_version ());

  /* every option is read before a display is opened: the headless commands
   * run and exit here */
  status = cs_cli_main (argc, argv, toolkit, &file);
  if (status >= 0)
    return status;

  app = cs_application_new ();
  /* an absolute path: a file whose name starts with “-” is not read as an
   * option by GApplication */
  if (file != NULL)
    path = g_canonicalize_filename (file, NULL);
  app_argv[1] = path;
  return g_application_run (G_APPLICATION (app), path != NULL ? 2 : 1, app_argv);
}
