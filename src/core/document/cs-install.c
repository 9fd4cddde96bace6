/* cs-install.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-install.h"

/* Where the running program was installed. Nothing of the source or build
 * tree is compiled in: an installed program finds its data beside itself
 * (<prefix>/bin/consortia → <prefix>/share/…), so a tree installed under
 * one prefix and moved, or installed with DESTDIR, still runs; when the
 * program does not sit in a bin folder (run from the build tree) the
 * configured prefix's folders are used, and the build points the tests
 * and `meson devenv` at its own files through the environment
 * (CONSORTIA_DATA_DIR, CONSORTIA_LOCALEDIR, GSETTINGS_SCHEMA_DIR). */

/* the prefix the running program sits in, or NULL */
static char *
find_prefix (void)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *bindir = NULL;
  g_autofree char *tail = NULL;
  char *prefix;

  if (exe == NULL || g_path_is_absolute (INSTALL_BINDIR))
    return NULL;
  bindir = g_path_get_dirname (exe);
  /* <prefix>/<bindir>, with bindir "bin" unless configured otherwise */
  tail = g_build_filename (G_DIR_SEPARATOR_S, INSTALL_BINDIR, NULL);
  if (!g_str_has_suffix (bindir, tail) || strlen (bindir) == strlen (tail))
    return NULL;
  prefix = g_strndup (bindir, strlen (bindir) - strlen (tail));
  return prefix;
}

static char *
installed_dir (const char *relative,
               const char *configured)
{
  g_autofree char *prefix = NULL;
  g_autofree char *dir = NULL;

  if (g_path_is_absolute (relative))
    return g_strdup (relative);
  prefix = find_prefix ();
  if (prefix == NULL)
    return g_strdup (configured);
  dir = g_build_filename (prefix, relative, NULL);
  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    return g_strdup (configured);
  return g_steal_pointer (&dir);
}

/**
 * cs_install_get_datadir:
 *
 * The data folder installed with the running program (`<prefix>/share`):
 * the bundled graph is in its `consortia` folder, the schemas in
 * `glib-2.0/schemas`.
 *
 * Returns: (transfer full): the folder's path
 */
char *
cs_install_get_datadir (void)
{
  return installed_dir (INSTALL_DATADIR, DATADIR);
}

/**
 * cs_install_get_localedir:
 *
 * The message catalogues: `$CONSORTIA_LOCALEDIR` (the build's own, for the
 * tests), else those installed with the running program.
 *
 * Returns: (transfer full): the folder's path
 */
char *
cs_install_get_localedir (void)
{
  const char *dir = g_getenv ("CONSORTIA_LOCALEDIR");

  if (dir != NULL && *dir != '\0')
    return g_strdup (dir);
  return installed_dir (INSTALL_LOCALEDIR, LOCALEDIR);
}
