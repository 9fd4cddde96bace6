/* test-translations.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each catalogue of po/LINGUAS against the messages the sources hold
 * today: extracted afresh from po/POTFILES.in (as `meson compile
 * consortia-pot` does) and merged, it has no untranslated or fuzzy entry,
 * and msgfmt -c finds nothing wrong (placeholders, plural forms, one
 * mnemonic where the English has one).
 */

#include "config.h"

#include "test-support.h"

#include <glib/gstdio.h>
#include <string.h>

static char *
run_tool (const char *const *argv,
          const char        *cwd)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  char *err = NULL;
  int status;

  g_assert_true (g_spawn_sync (cwd, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
                               &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("%s: %s\n%s", argv[0], error->message, err);
  return err;
}

static void
test_complete (gconstpointer data)
{
  const char *language = data;
  g_autofree char *root = g_path_get_dirname (g_getenv ("G_TEST_SRCDIR"));
  g_autofree char *dir = g_dir_make_tmp ("cs-po-XXXXXX", NULL);
  g_autofree char *pot = g_build_filename (dir, "consortia.pot", NULL);
  g_autofree char *merged = g_build_filename (dir, "merged.po", NULL);
  g_autofree char *po_name = g_strconcat (language, ".po", NULL);
  g_autofree char *po = g_build_filename (root, "po", po_name, NULL);
  g_autofree char *potfiles = g_build_filename (root, "po", "POTFILES.in", NULL);
  g_autofree char *xgettext = cs_test_find_program ("XGETTEXT", "xgettext");
  g_autofree char *msgmerge = cs_test_find_program ("MSGMERGE", "msgmerge");
  g_autofree char *msgfmt = cs_test_find_program ("MSGFMT", "msgfmt");
  g_autofree char *stats = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  guint translated = 0;

  /* the keywords of meson's glib preset, and po/meson.build's own */
  {
    const char *argv[] = { xgettext, "--package-name=consortia", "--from-code=UTF-8",
                           "--add-comments=TRANSLATORS", "--keyword=_", "--keyword=N_",
                           "--keyword=C_:1c,2", "--keyword=NC_:1c,2", "--keyword=g_dcgettext:2",
                           "--keyword=g_dngettext:2,3", "--keyword=g_dpgettext2:2c,3",
                           "--keyword=Q_:1g", "--flag=N_:1:pass-c-format",
                           "--flag=C_:2:pass-c-format", "--flag=NC_:2:pass-c-format",
                           "--flag=g_dngettext:2:pass-c-format",
                           "--flag=g_strdup_printf:1:c-format",
                           "--flag=g_string_printf:2:c-format",
                           "--flag=g_string_append_printf:2:c-format",
                           "--flag=g_error_new:3:c-format",
                           "--flag=g_set_error:4:c-format",
                           "--flag=g_printf:1:c-format",
                           "--flag=g_printerr:1:c-format",
                           "--files-from", potfiles, "-o", pot, NULL };
    g_free (run_tool (argv, root));
  }
  {
    const char *argv[] = { msgmerge, "--quiet", "--no-fuzzy-matching", "-o", merged, po, pot,
                           NULL };
    g_free (run_tool (argv, NULL));
  }
  {
    const char *argv[] = { msgfmt, "--check", "--check-accelerators=_", "--statistics", "-o",
                           "/dev/null", merged, NULL };
    stats = run_tool (argv, NULL);
  }
  g_strstrip (stats);
  g_test_message ("%s: %s", language, stats);
  g_assert_cmpint (sscanf (stats, "%u translated message", &translated), ==, 1);
  g_assert_cmpuint (translated, >, 300);
  expected = g_strdup_printf ("%u translated message%s.", translated, translated == 1 ? "" : "s");
  /* "N translated messages, M fuzzy translations, K untranslated messages." */
  g_assert_cmpstr (stats, ==, expected);

  /* entries no source has any more are left out of the file */
  g_assert_true (g_file_get_contents (po, &contents, NULL, &error));
  g_assert_no_error (error);
  g_assert_null (strstr (contents, "\n#~ msgid"));
  g_assert_null (strstr (contents, "#, fuzzy"));

  g_remove (pot);
  g_remove (merged);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *root = NULL;
  g_autofree char *linguas_path = NULL;
  g_autofree char *linguas = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;

  g_test_init (&argc, &argv, NULL);
  root = g_path_get_dirname (g_getenv ("G_TEST_SRCDIR"));
  linguas_path = g_build_filename (root, "po", "LINGUAS", NULL);
  g_assert_true (g_file_get_contents (linguas_path, &linguas, NULL, &error));
  g_assert_no_error (error);
  lines = g_strsplit (linguas, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *path = NULL;

      g_strstrip (lines[i]);
      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;
      path = g_strdup_printf ("/cs/translations/%s/complete", lines[i]);
      g_test_add_data_func_full (path, g_strdup (lines[i]), test_complete, g_free);
    }
  return g_test_run ();
}
