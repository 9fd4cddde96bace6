/* test-install.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Installs the build into a temporary folder (`meson install --destdir`)
 * and runs the installed program there with an environment that names
 * nothing of the source or build tree: it must find its bundled graph,
 * schema and translations beside itself, and its files must make a
 * desktop integrate it (the MIME type, the desktop file).
 */

#include "config.h"

#include "test-support.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>

static char *destdir;
static char *prefix;
static char *home;

static char *
installed (const char *first,
           ...)
{
  va_list args;
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  const char *part;

  g_ptr_array_add (parts, prefix);
  va_start (args, first);
  for (part = first; part != NULL; part = va_arg (args, const char *))
    g_ptr_array_add (parts, (char *)part);
  va_end (args);
  g_ptr_array_add (parts, NULL);
  return g_build_filenamev ((char **)parts->pdata);
}

/* An environment with only what a desktop session has: no CONSORTIA_*,
 * GSETTINGS_SCHEMA_DIR or XDG_DATA_DIRS pointing into the trees; the
 * sanitizers' options pass through. */
static char **
clean_environ (const char *language)
{
  static const char *const kept[] = { "DISPLAY", "XAUTHORITY", "ASAN_OPTIONS", "LSAN_OPTIONS",
                                      "UBSAN_OPTIONS", "GSK_RENDERER", "GDK_DEBUG", "GDK_BACKEND",
                                      "GTK_A11Y", "NO_AT_BRIDGE" };
  char **envp = g_new0 (char *, 1);

  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    if (g_getenv (kept[i]) != NULL)
      envp = g_environ_setenv (envp, kept[i], g_getenv (kept[i]), TRUE);
  envp = g_environ_setenv (envp, "PATH", "/usr/bin:/bin", TRUE);
  envp = g_environ_setenv (envp, "HOME", home, TRUE);
  envp = g_environ_setenv (envp, "XDG_CONFIG_HOME", home, TRUE);
  envp = g_environ_setenv (envp, "XDG_CACHE_HOME", home, TRUE);
  envp = g_environ_setenv (envp, "XDG_DATA_HOME", home, TRUE);
  envp = g_environ_setenv (envp, "GSETTINGS_BACKEND", "memory", TRUE);
  envp = g_environ_setenv (envp, "LC_ALL", "C.UTF-8", TRUE);
  if (language != NULL)
    envp = g_environ_setenv (envp, "LANGUAGE", language, TRUE);
  return envp;
}

static int
run_installed (const char *language,
               const char *const *args,
               char      **out,
               char      **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) envp = clean_environ (language);
  g_autoptr(GError) error = NULL;
  int status;

  g_ptr_array_add (argv, installed ("bin", "consortia", NULL));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, g_strdup (args[i]));
  g_ptr_array_add (argv, NULL);
  /* run from a folder of its own, far from the trees */
  g_assert_true (g_spawn_sync (home, (char **)argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL, out,
                               err, &status, &error));
  g_assert_no_error (error);
  if (g_spawn_check_wait_status (status, &error))
    return 0;
  return error->code;
}

static gboolean
has_hangul (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0xac00 && c <= 0xd7a3)
        return TRUE;
    }
  return FALSE;
}

static void
run_tool (const char *const *argv,
          char              **envp)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **)argv, envp, G_SPAWN_DEFAULT, NULL, NULL, NULL, &err,
                               &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("%s failed: %s\n%s", argv[0], error->message, err);
}

static gboolean
contains (const char *data,
          gsize       length,
          const char *text)
{
  gsize n = strlen (text);

  for (gsize i = 0; i + n <= length; i++)
    if (data[i] == text[0] && memcmp (data + i, text, n) == 0)
      return TRUE;
  return FALSE;
}

/* No path of the source or build tree is written into the program (the
 * install is stripped, as packages are: debug information names the
 * build folder) */
static void
test_no_tree_paths (void)
{
  g_autofree char *binary = installed ("bin", "consortia", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (binary, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 100000);
  g_assert_false (contains (contents, length, SOURCE_ROOT));
  g_assert_false (contains (contents, length, BUILD_ROOT));
}

/* The headless commands read the installed bundled graph */
static void
test_headless (void)
{
  const char *info[] = { "--info", NULL };
  g_autofree char *png = g_build_filename (home, "bundled.png", NULL);
  const char *export[] = { "--export", png, NULL };
  g_autofree char *bundled = installed ("share", "consortia", "sovereign-ai-2025.json", NULL);
  g_autofree char *expected = g_strdup_printf ("File: %s\n", bundled);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  cairo_surface_t *surface;

  g_assert_cmpint (run_installed (NULL, info, &out, &err), ==, 0);
  g_assert_true (g_str_has_prefix (out, expected));
  g_assert_nonnull (strstr (out, "\nNodes: "));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_installed (NULL, export, &out, &err), ==, 0);
  surface = cs_test_load_png (png);
  g_assert_cmpint (cairo_image_surface_get_width (surface), >=, 800);
  cairo_surface_destroy (surface);
}

/* The installed catalogue: Korean help and messages with LANGUAGE=ko,
 * English without */
static void
test_translations (void)
{
  const char *help[] = { "--help", NULL };
  g_autofree char *bad = g_build_filename (home, "bad.json", NULL);
  const char *missing[] = { "--info", bad, NULL };
  g_autofree char *prefix_text = g_strdup_printf ("consortia: %s:1:", bad);
  g_autofree char *mo = installed ("share", "locale", "ko", "LC_MESSAGES", "consortia.mo", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_true (g_file_test (mo, G_FILE_TEST_IS_REGULAR));
  /* a node without its label */
  g_assert_true (g_file_set_contents (bad,
                                      "{\"format\": \"consortia-graph\", \"version\": 1, "
                                      "\"graph\": {\"title\": \"x\"}, \"nodes\": [{\"id\": "
                                      "\"a\", \"type\": \"company\"}], \"edges\": []}",
                                      -1, NULL));
  g_assert_cmpint (run_installed (NULL, help, &out, &err), ==, 0);
  g_assert_false (has_hangul (out));
  g_assert_nonnull (strstr (out, "--export"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_installed ("ko", help, &out, &err), ==, 0);
  g_assert_true (has_hangul (out));
  g_assert_nonnull (strstr (out, "--export"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_installed (NULL, missing, &out, &err), ==, 1);
  g_assert_true (g_str_has_prefix (err, prefix_text));
  g_assert_false (has_hangul (err));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_installed ("ko", missing, &out, &err), ==, 1);
  g_assert_true (g_str_has_prefix (err, prefix_text));
  g_assert_true (has_hangul (err));
}

/* The window opens the installed bundled graph, with the installed schema */
static void
test_window (void)
{
  g_autofree char *binary = installed ("bin", "consortia", NULL);
  const char *argv[] = { binary, NULL };
  g_auto(GStrv) envp = clean_environ (NULL);
  g_autofree char *xdotool = cs_test_find_program ("XDOTOOL", "xdotool");
  g_autofree char *window = NULL;
  g_autofree char *name = NULL;
  int status;
  GPid pid;

  /* a warning (the schema not found, a critical) ends the app */
  envp = g_environ_setenv (envp, "G_DEBUG", "fatal-warnings", TRUE);
  pid = cs_test_start_app (argv, envp, &window);
  {
    const char *get_name[] = { xdotool, "getwindowname", window, NULL };

    /* the bundled graph's title, after the load */
    for (guint i = 0; i < 300; i++)
      {
        g_clear_pointer (&name, g_free);
        g_assert_true (cs_test_run_tool (get_name, &name));
        if (strstr (name, "독자 AI") != NULL)
          break;
        g_usleep (100000);
      }
  }
  g_assert_nonnull (strstr (name, "독자 AI"));
  /* alive until told to end: no warning made it abort (a schema not
   * found is one) */
  g_assert_cmpint (kill (pid, SIGTERM), ==, 0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status) || (WIFEXITED (status) && WEXITSTATUS (status) == 0));
  if (WIFSIGNALED (status))
    g_assert_cmpint (WTERMSIG (status), ==, SIGTERM);
}

/* The MIME type tells our JSON from other JSON, and the desktop file
 * claims only it */
static void
test_desktop_integration (void)
{
  g_autofree char *mime = installed ("share", "mime", NULL);
  g_autofree char *share = installed ("share", NULL);
  g_autofree char *update = cs_test_find_program ("UPDATE_MIME_DATABASE", "update-mime-database");
  g_autofree char *gio = cs_test_find_program ("GIO", "gio");
  g_autofree char *bundled = installed ("share", "consortia", "sovereign-ai-2025.json", NULL);
  g_autofree char *plain = g_build_filename (home, "plain.json", NULL);
  g_autofree char *desktop = installed ("share", "applications", APP_ID ".desktop", NULL);
  g_autofree char *data_dirs = g_strdup_printf ("%s:/usr/share", share);
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *types = NULL;
  const char *update_argv[] = { update, mime, NULL };
  g_auto(GStrv) envp = clean_environ (NULL);

  run_tool (update_argv, NULL);
  g_assert_true (g_file_set_contents (plain, "{\"nodes\": []}\n", -1, NULL));
  envp = g_environ_setenv (envp, "XDG_DATA_DIRS", data_dirs, TRUE);
  {
    const char *argv[] = { gio, "info", "-a", "standard::content-type", bundled, plain, NULL };
    g_autofree char *out = NULL;
    g_autofree char *expected = NULL;
    int status;

    g_assert_true (g_spawn_sync (NULL, (char **)argv, envp, G_SPAWN_DEFAULT, NULL, NULL, &out,
                                 NULL, &status, &error));
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    expected = g_strdup_printf ("  standard::content-type: %s\n",
                                "application/x-consortia-graph+json");
    g_assert_nonnull (strstr (out, expected));
    g_assert_nonnull (strstr (out, "  standard::content-type: application/json\n"));
    /* the bundled graph's line comes first */
    g_assert_true (strstr (out, expected) < strstr (out, "content-type: application/json"));
  }

  g_assert_true (g_key_file_load_from_file (keys, desktop, G_KEY_FILE_KEEP_TRANSLATIONS, &error));
  g_assert_no_error (error);
  types = g_key_file_get_string (keys, "Desktop Entry", "MimeType", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (types, ==, "application/x-consortia-graph+json;");
  /* translated for Korean desktops */
  {
    g_autofree char *comment = g_key_file_get_locale_string (keys, "Desktop Entry", "Comment", "ko",
                                                             &error);

    g_assert_no_error (error);
    g_assert_true (has_hangul (comment));
  }
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);

        remove_tree (child);
      }
  g_remove (path);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *meson = cs_test_find_program ("MESON", "meson");
  g_autofree char *schemas = NULL;
  g_autofree char *compile = cs_test_find_program ("GLIB_COMPILE_SCHEMAS", "glib-compile-schemas");
  int status;

  g_test_init (&argc, &argv, NULL);

  destdir = g_dir_make_tmp ("cs-install-XXXXXX", NULL);
  prefix = g_build_filename (destdir, INSTALL_PREFIX, NULL);
  home = g_build_filename (destdir, "home", NULL);
  g_assert_cmpint (g_mkdir (home, 0700), ==, 0);
  {
    const char *install[] = { meson, "install", "-C", BUILD_ROOT, "--no-rebuild", "--quiet", "--strip",
                              "--destdir", destdir, NULL };

    run_tool (install, NULL);
  }
  /* what the post-install step does for an install without DESTDIR */
  schemas = installed ("share", "glib-2.0", "schemas", NULL);
  {
    const char *argv_compile[] = { compile, "--strict", schemas, NULL };

    run_tool (argv_compile, NULL);
  }

  g_test_add_func ("/cs/install/no-tree-paths", test_no_tree_paths);
  g_test_add_func ("/cs/install/headless", test_headless);
  g_test_add_func ("/cs/install/translations", test_translations);
  g_test_add_func ("/cs/install/window", test_window);
  g_test_add_func ("/cs/install/desktop-integration", test_desktop_integration);
  status = g_test_run ();

  remove_tree (destdir);
  g_free (destdir);
  g_free (prefix);
  g_free (home);
  return status;
}
