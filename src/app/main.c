/* main.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-application.h"
#include "cs-cli.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CsApplication) app = NULL;

  /* --export, --info and --list-layouts never open a display */
  if (cs_cli_is_headless (argc, argv))
    return cs_cli_main (argc, argv);

  app = cs_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
