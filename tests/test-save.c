/* test-save.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _GNU_SOURCE
#include "config.h"

#include "cs-import.h"
#include "cs-save.h"
#include "test-support.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

/* Saving (src/core/document/cs-save.c): the file is replaced whole or not
 * at all, whatever goes wrong, and says why in words. */

typedef struct
{
  char    *dir;
  char    *path;
  GFile   *file;
  CsGraph *graph;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = g_dir_make_tmp ("cs-save-XXXXXX", NULL);
  g_assert_nonnull (fixture->dir);
  fixture->path = g_build_filename (fixture->dir, "graph.json", NULL);
  fixture->file = g_file_new_for_path (fixture->path);
  fixture->graph = cs_test_load_graph ("bundled", BUNDLED_GRAPH);
}

static void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_remove (path);
      return;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_chmod (child, 0700);
      remove_tree (child);
    }
  g_dir_close (dir);
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_chmod (fixture->dir, 0700);
  remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
  g_clear_object (&fixture->file);
  g_clear_object (&fixture->graph);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char *const *)a, *(const char *const *)b);
}

/* the names in @dir, sorted, joined by spaces */
static char *
listing (const char *dir)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GDir *d = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_dir_close (d);
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **)names->pdata);
}

static char *
contents (const char *path)
{
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

static gboolean
save (Fixture      *fixture,
      CsSaveFlags   flags,
      const char   *etag,
      char        **new_etag,
      GError      **error)
{
  CsSaveContent content = { fixture->graph, .layout_seed = -1 };

  return cs_save_graph (fixture->file, &content, flags, etag, new_etag, NULL, NULL, NULL, error);
}

/* A save writes what the writer makes, gives the file's new entity tag,
 * and keeps the old file as FILE~ when asked */
static void
test_save_and_backup (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *on_disk = NULL;
  g_autofree char *text = NULL;
  g_autofree char *backup = g_strconcat (fixture->path, "~", NULL);
  g_autofree char *names = NULL;
  g_autoptr(GBytes) expected = cs_consortia_writer_to_bytes (fixture->graph, NULL, NULL, NULL, -1,
                                                             NULL);

  g_assert_true (g_file_set_contents (fixture->path, "the old version\n", -1, NULL));
  g_assert_true (save (fixture, CS_SAVE_BACKUP, NULL, &etag, &error));
  g_assert_no_error (error);
  text = contents (fixture->path);
  g_assert_cmpmem (text, strlen (text), g_bytes_get_data (expected, NULL),
                   g_bytes_get_size (expected));
  g_free (text);
  text = contents (backup);
  g_assert_cmpstr (text, ==, "the old version\n");
  on_disk = cs_save_query_etag (fixture->file);
  g_assert_cmpstr (etag, ==, on_disk);
  names = listing (fixture->dir);
  g_assert_cmpstr (names, ==, "graph.json graph.json~");
}

/* Another program changed the file since it was read: the save refuses,
 * with G_IO_ERROR_WRONG_ETAG, and the other program's file stays */
static void
test_changed_on_disk (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *text = NULL;
  g_autofree char *names = NULL;

  g_assert_true (save (fixture, CS_SAVE_NONE, NULL, &etag, &error));
  /* an etag holds the time to the microsecond: be sure it moves */
  g_usleep (20000);
  g_assert_true (g_file_set_contents (fixture->path, "another program's version\n", -1, NULL));
  g_assert_false (save (fixture, CS_SAVE_NONE, etag, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG);
  g_assert_cmpstr (error->message, ==,
                   "the file was changed by another program since it was opened or saved");
  text = contents (fixture->path);
  g_assert_cmpstr (text, ==, "another program's version\n");
  names = listing (fixture->dir);
  g_assert_cmpstr (names, ==, "graph.json");
}

typedef struct
{
  Fixture      *fixture;
  GCancellable *cancellable;
  guint64       last;
  guint         calls;
  gboolean      replace;
  gboolean      cancel;
} Progress;

static void
progress_cb (guint64  done,
             guint64  total,
             gpointer user_data)
{
  Progress *progress = user_data;

  g_assert_cmpuint (done, >=, progress->last);
  g_assert_cmpuint (done, <=, total);
  progress->last = done;
  if (progress->calls++ > 0)
    return;
  if (progress->replace)
    {
      g_usleep (20000);
      g_assert_true (g_file_set_contents (progress->fixture->path, "replaced meanwhile\n", -1,
                                          NULL));
    }
  if (progress->cancel)
    g_cancellable_cancel (progress->cancellable);
}

/* A file replaced while the save writes (after the check at the start) is
 * not overwritten either; a cancelled save leaves the old file; neither
 * leaves a temporary file. Progress only goes forward, to the total. */
static void
test_replaced_during_save (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *json = cs_test_one_line_graph (20000);
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *text = NULL;
  g_autofree char *names = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Progress progress = { fixture, cancellable, .replace = TRUE };
  CsSaveContent content = { .layout_seed = -1 };

  g_clear_object (&fixture->graph);
  fixture->graph = cs_import_data (json, strlen (json), "big.json", NULL, NULL, &error);
  g_assert_no_error (error);
  content.graph = fixture->graph;
  g_assert_true (cs_save_graph (fixture->file, &content, CS_SAVE_NONE, NULL, &etag, progress_cb,
                                &progress, NULL, &error));
  g_assert_cmpuint (progress.last, ==, cs_graph_get_n_nodes (fixture->graph) +
                                           cs_graph_get_n_edges (fixture->graph));
  g_assert_cmpuint (progress.calls, >, 2);

  progress = (Progress) { fixture, cancellable, .replace = TRUE };
  g_assert_false (cs_save_graph (fixture->file, &content, CS_SAVE_NONE, etag, NULL, progress_cb,
                                 &progress, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG);
  g_clear_error (&error);
  text = contents (fixture->path);
  g_assert_cmpstr (text, ==, "replaced meanwhile\n");

  progress = (Progress) { fixture, cancellable, .cancel = TRUE };
  g_assert_false (cs_save_graph (fixture->file, &content, CS_SAVE_NONE, NULL, NULL, progress_cb,
                                 &progress, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_free (text);
  text = contents (fixture->path);
  g_assert_cmpstr (text, ==, "replaced meanwhile\n");
  names = listing (fixture->dir);
  g_assert_cmpstr (names, ==, "graph.json");
}

/* A target that is a folder, a folder that is not there, a path through a
 * file: each a message naming the reason, nothing written */
static void
test_bad_targets (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_build_filename (fixture->dir, "graph.json", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "no", "such", "graph.json", NULL);
  g_autofree char *through = g_build_filename (fixture->dir, "file", "graph.json", NULL);
  g_autofree char *file_path = g_build_filename (fixture->dir, "file", NULL);
  g_autofree char *names = NULL;
  g_autofree char *expected = NULL;
  CsSaveContent content = { fixture->graph, .layout_seed = -1 };
  g_autoptr(GFile) target = NULL;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_false (save (fixture, CS_SAVE_BACKUP, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_assert_cmpstr (error->message, ==, "it is a folder, not a file");
  g_clear_error (&error);

  target = g_file_new_for_path (missing);
  g_assert_false (cs_save_graph (target, &content, CS_SAVE_NONE, NULL, NULL, NULL, NULL, NULL,
                                 &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  expected = g_strdup_printf ("the folder “%s/no/such” does not exist", fixture->dir);
  g_assert_cmpstr (error->message, ==, expected);
  g_clear_error (&error);
  g_clear_object (&target);

  g_assert_true (g_file_set_contents (file_path, "a file", -1, NULL));
  target = g_file_new_for_path (through);
  g_assert_false (cs_save_graph (target, &content, CS_SAVE_NONE, NULL, NULL, NULL, NULL, NULL,
                                 &error));
  g_assert_nonnull (error);
  g_test_message ("through a file: %s", error->message);
  names = listing (fixture->dir);
  g_assert_cmpstr (names, ==, "file graph.json");
}

/* Faults that need a process of their own: a disk that fills up (a file
 * size limit, which fails the write as a full disk does), and a folder
 * the user may not write to (as root, after becoming nobody) */
static void
test_full_disk (Fixture       *fixture,
                gconstpointer  data)
{
  if (g_test_subprocess ())
    {
      struct rlimit limit = { 64 * 1024, 64 * 1024 };
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;
      g_autofree char *names = NULL;

      g_assert_true (g_file_set_contents (fixture->path, "the old version\n", -1, NULL));
      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
      g_assert_false (save (fixture, CS_SAVE_BACKUP, NULL, NULL, &error));
      g_assert_nonnull (error);
      g_printerr ("reason: %s\n", error->message);
      text = contents (fixture->path);
      g_assert_cmpstr (text, ==, "the old version\n");
      names = listing (fixture->dir);
      g_assert_cmpstr (names, ==, "graph.json");
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDOUT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("*reason: *File too large*");
}

/* Root writes anywhere: as root, act as nobody for the save (and back, so
 * the fixture can be cleaned up) */
static void
become_nobody (gboolean nobody)
{
  static gboolean was_root;

  if (nobody && geteuid () == 0)
    {
      was_root = TRUE;
      /* real and effective (access(2) checks the real one), saved root */
      g_assert_cmpint (setresgid (65534, 65534, 0), ==, 0);
      g_assert_cmpint (setresuid (65534, 65534, 0), ==, 0);
    }
  else if (!nobody && was_root)
    {
      g_assert_cmpint (setresuid (0, 0, 0), ==, 0);
      g_assert_cmpint (setresgid (0, 0, 0), ==, 0);
    }
}

static void
test_read_only_folder (Fixture       *fixture,
                       gconstpointer  data)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;
      g_autofree char *names = NULL;

      g_assert_true (g_file_set_contents (fixture->path, "the old version\n", -1, NULL));
      g_assert_cmpint (g_chmod (fixture->path, 0444), ==, 0);
      g_assert_cmpint (g_chmod (fixture->dir, 0555), ==, 0);
      become_nobody (TRUE);
      g_assert_false (save (fixture, CS_SAVE_BACKUP, NULL, NULL, &error));
      become_nobody (FALSE);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
      g_assert_cmpstr (error->message, ==, "the file is read-only");
      g_clear_error (&error);
      text = contents (fixture->path);
      g_assert_cmpstr (text, ==, "the old version\n");
      names = listing (fixture->dir);
      g_assert_cmpstr (names, ==, "graph.json");
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static void
test_read_only_folder_new_file (Fixture       *fixture,
                                gconstpointer  data)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *expected = g_strdup_printf ("the folder “%s” cannot be written to",
                                                   fixture->dir);
      g_autofree char *names = NULL;

      g_assert_cmpint (g_chmod (fixture->dir, 0555), ==, 0);
      become_nobody (TRUE);
      g_assert_false (save (fixture, CS_SAVE_NONE, NULL, NULL, &error));
      become_nobody (FALSE);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
      g_assert_cmpstr (error->message, ==, expected);
      names = listing (fixture->dir);
      g_assert_cmpstr (names, ==, "");
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/cs/save/save-and-backup", test_save_and_backup);
  ADD ("/cs/save/changed-on-disk", test_changed_on_disk);
  ADD ("/cs/save/replaced-during-save", test_replaced_during_save);
  ADD ("/cs/save/bad-targets", test_bad_targets);
  ADD ("/cs/save/full-disk", test_full_disk);
  ADD ("/cs/save/read-only-file", test_read_only_folder);
  ADD ("/cs/save/read-only-folder", test_read_only_folder_new_file);
#undef ADD

  return g_test_run ();
}
