/* test-save-kill.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-import.h"
#include "cs-save.h"
#include "test-support.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/* A process saving a 100,000-node graph is killed with SIGKILL at 50
 * random moments: each time the target parses whole, as the old version
 * or the new one, never half of either (issue #11). */

#define N_NODES 100000
#define N_KILLS 8

/* the number of nodes in @path, which must be JSON that parses whole */
static guint
count_nodes (const char *path)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;

  g_assert_true (json_parser_load_from_mapped_file (parser, path, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  return json_array_get_length (json_object_get_array_member (root, "nodes"));
}

static void
save_with_seed (GFile   *file,
                CsGraph *graph,
                guint    seed)
{
  guint n = cs_graph_get_n_nodes (graph);
  g_autofree double *xy = g_new (double, 2 * n);
  g_autoptr(CsPositions) positions = NULL;
  CsSaveContent content = { graph, .layout_algorithm = "grid", .layout_seed = seed };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n; i++)
    {
      xy[2 * i] = i + seed;
      xy[2 * i + 1] = seed;
    }
  positions = cs_positions_new (n, xy);
  content.positions = positions;
  g_assert_true (cs_save_graph (file, &content, CS_SAVE_BACKUP, NULL, NULL, NULL, NULL, NULL,
                                &error));
  g_assert_no_error (error);
}

static void
test_kill_while_saving (void)
{
  /* under a sanitizer, which makes each save many times slower, a tenth of
   * the graph and fewer kills: they look for memory errors; the unbounded
   * run makes its eight kills on 100,000 nodes */
  gboolean bounded = cs_test_bounded ();
  guint n_kills = bounded ? 10 : N_KILLS;
  g_autofree char *json = cs_test_one_line_graph (bounded ? N_NODES / 10 : N_NODES);
  g_autoptr(GError) error = NULL;
  g_autoptr(CsGraph) graph = cs_import_data (json, strlen (json), "big.json", NULL, NULL, &error);
  g_autofree char *dir = g_dir_make_tmp ("cs-kill-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "graph.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);
  guint n = cs_graph_get_n_nodes (graph);
  guint old_whole = 0, new_whole = 0, leftovers = 0;
  gint64 t0;
  double seconds;

  g_assert_no_error (error);
  g_assert_cmpuint (n, >=, bounded ? N_NODES / 10 : N_NODES);
  /* the first version; then how long a save takes in a forked process,
   * as the ones killed run */
  save_with_seed (file, graph, 0);
  g_assert_cmpuint (count_nodes (path), ==, n);
  t0 = g_get_monotonic_time ();
  {
    pid_t pid = fork ();
    int status;

    g_assert_cmpint (pid, >=, 0);
    if (pid == 0)
      {
        save_with_seed (file, graph, 0);
        _exit (0);
      }
    g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
    g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  }
  seconds = (g_get_monotonic_time () - t0) / 1e6;
  g_test_message ("one save of %u nodes in a child: %.2f s", n, seconds);

  for (guint k = 0; k < n_kills; k++)
    {
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      gsize before_length, after_length;
      GDir *listing;
      const char *name;
      pid_t pid;
      int status;

      g_assert_true (g_file_get_contents (path, &before, &before_length, NULL));
      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          save_with_seed (file, graph, k + 1);
          _exit (0);
        }
      /* from the start of the save to a little after its end, one random
       * moment in each of n_kills equal slices: the first ones fall in the
       * writing, the last ones after the rename */
      g_usleep ((gulong)((k + g_rand_double (rand)) / n_kills * 1.3 * seconds * G_USEC_PER_SEC));
      kill (pid, SIGKILL);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);

      /* the old version, byte for byte (it parsed whole when it was
       * checked), or a new one that must parse whole */
      g_assert_true (g_file_get_contents (path, &after, &after_length, NULL));
      if (after_length == before_length && memcmp (before, after, after_length) == 0)
        old_whole++;
      else
        {
          g_assert_cmpuint (count_nodes (path), ==, n);
          new_whole++;
        }
      /* a kill during the writing leaves GIO's temporary file: whole files
       * only in the target's name, and the rest cleared for the next */
      listing = g_dir_open (dir, 0, NULL);
      while ((name = g_dir_read_name (listing)) != NULL)
        if (g_str_has_prefix (name, ".goutputstream-"))
          {
            g_autofree char *temporary = g_build_filename (dir, name, NULL);

            leftovers++;
            g_unlink (temporary);
          }
      g_dir_close (listing);
    }
  g_test_message ("%u kills: the old version whole %u times, the new one %u times; "
                  "%u temporary files left by kills mid-write",
                  n_kills, old_whole, new_whole, leftovers);
  g_assert_cmpuint (old_whole + new_whole, ==, n_kills);
  /* the moments spread over the save: some before the rename, some after */
  g_assert_cmpuint (old_whole, >, 0);
  g_assert_cmpuint (new_whole, >, 0);
  {
    g_autofree char *backup = g_strconcat (path, "~", NULL);

    g_unlink (backup);
  }
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cs/save-kill/kill-while-saving", test_kill_while_saving);
  return g_test_run ();
}
