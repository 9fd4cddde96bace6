/* test-document.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-document.h"
#include "cs-import.h"
#include "cs-layout-cache.h"
#include "cs-node-radii.h"
#include "cs-recovery.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

static GFile *
fixture (const char *kind,
         const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", kind, name, NULL);

  return g_file_new_for_path (path);
}

static void
count_cb (GObject    *object,
          GParamSpec *pspec,
          guint      *count)
{
  (*count)++;
}

static void
done_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *result;
}

static void
test_load_async (void)
{
  g_autoptr(CsDocument) document = cs_document_new ();
  g_autoptr(GFile) file = fixture ("good", "small.json");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  guint graph_notify = 0, busy_notify = 0, title_notify = 0;

  g_signal_connect (document, "notify::graph", G_CALLBACK (count_cb), &graph_notify);
  g_signal_connect (document, "notify::busy", G_CALLBACK (count_cb), &busy_notify);
  g_signal_connect (document, "notify::title", G_CALLBACK (count_cb), &title_notify);

  cs_document_load_async (document, file, NULL, done_cb, &result);
  g_assert_true (cs_document_get_busy (document));
  g_assert_true (cs_document_load_finish (document, wait_for (&result), &error));
  g_assert_no_error (error);
  g_assert_false (cs_document_get_busy (document));

  g_assert_cmpuint (graph_notify, ==, 1);
  g_assert_cmpuint (busy_notify, ==, 2);
  g_assert_cmpuint (title_notify, ==, 1);
  g_assert_cmpstr (cs_document_get_title (document), ==, "작은 그래프");
  g_assert_true (g_file_equal (cs_document_get_file (document), file));
  g_assert_cmpuint (cs_graph_get_n_nodes (cs_document_get_graph (document)), ==, 6);
  g_assert_cmpuint (cs_positions_get_n_nodes (cs_document_get_positions (document)), ==, 6);
  g_assert_cmpuint (cs_document_get_seed (document), ==, 7);
  g_assert_cmpint (cs_document_get_algorithm (document), ==, CS_LAYOUT_CONSORTIA);
}

/* A failed load leaves the open graph, its positions and its file as they
 * were, and says why. */
static void
test_failed_load_keeps_graph (void)
{
  g_autoptr(CsDocument) document = cs_document_new ();
  g_autoptr(GFile) good = fixture ("good", "small.json");
  g_autoptr(GFile) bad = fixture ("bad", "duplicate-id.json");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  CsGraph *graph;
  CsPositions *positions;
  guint graph_notify = 0;

  g_assert_true (cs_document_load (document, good, NULL, &error));
  graph = cs_document_get_graph (document);
  positions = cs_document_get_positions (document);
  g_signal_connect (document, "notify::graph", G_CALLBACK (count_cb), &graph_notify);

  cs_document_load_async (document, bad, NULL, done_cb, &result);
  g_assert_false (cs_document_load_finish (document, wait_for (&result), &error));
  g_assert_error (error, CS_IMPORT_ERROR, CS_IMPORT_ERROR_DUPLICATE_ID);
  g_assert_true (cs_document_get_graph (document) == graph);
  g_assert_true (cs_document_get_positions (document) == positions);
  g_assert_true (g_file_equal (cs_document_get_file (document), good));
  g_assert_cmpuint (graph_notify, ==, 0);
  g_assert_false (cs_document_get_busy (document));
}

static void
test_relayout (void)
{
  g_autoptr(CsDocument) document = cs_document_new ();
  g_autoptr(GFile) file = fixture ("good", "partial-positions.json");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CsPositions) before = NULL;
  CsGraph *graph;
  guint positions_notify = 0;

  g_assert_true (cs_document_load (document, file, NULL, &error));
  graph = cs_document_get_graph (document);
  before = cs_positions_ref (cs_document_get_positions (document));
  g_signal_connect (document, "notify::positions", G_CALLBACK (count_cb), &positions_notify);

  cs_document_relayout_async (document, CS_LAYOUT_KAMADA_KAWAI, 99, -1, NULL, done_cb, &result);
  g_assert_true (cs_document_relayout_finish (document, wait_for (&result), &error));
  g_assert_no_error (error);

  g_assert_cmpuint (positions_notify, ==, 1);
  g_assert_true (cs_document_get_graph (document) == graph);
  g_assert_false (cs_positions_equal (before, cs_document_get_positions (document)));
  g_assert_cmpint (cs_document_get_algorithm (document), ==, CS_LAYOUT_KAMADA_KAWAI);
  g_assert_cmpuint (cs_document_get_seed (document), ==, 99);
  /* pinned nodes stay where the file put them; the others are laid out */
  for (guint i = 0; i < cs_graph_get_n_nodes (graph); i++)
    {
      const CsNode *node = cs_graph_get_node (graph, i);

      g_assert_cmpint (cs_document_get_pinned (document, i), ==, node->pinned);
      if (node->pinned)
        {
          g_assert_cmpfloat (cs_positions_get_x (cs_document_get_positions (document), i), ==,
                             node->x);
          g_assert_cmpfloat (cs_positions_get_y (cs_document_get_positions (document), i), ==,
                             node->y);
        }
    }

  /* a new layout is one undoable step */
  g_assert_true (cs_document_get_can_undo (document));
  g_assert_true (cs_document_undo (document));
  g_assert_true (cs_positions_equal (before, cs_document_get_positions (document)));
}

static void
test_move_pin_undo_redo (void)
{
  g_autoptr(CsDocument) document = cs_document_new ();
  g_autoptr(GFile) file = fixture ("good", "small.json");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CsPositions) start = NULL;
  g_autoptr(CsPositions) moved = NULL;
  guint undo_notify = 0, redo_notify = 0;
  const guint nodes[] = { 1, 3 };
  const double xy[] = { 500, -20, -300, 40 };

  g_assert_true (cs_document_load (document, file, NULL, &error));
  start = cs_positions_ref (cs_document_get_positions (document));
  g_signal_connect (document, "notify::can-undo", G_CALLBACK (count_cb), &undo_notify);
  g_signal_connect (document, "notify::can-redo", G_CALLBACK (count_cb), &redo_notify);
  g_assert_false (cs_document_get_can_undo (document));
  g_assert_false (cs_document_undo (document));

  cs_document_move_nodes (document, G_N_ELEMENTS (nodes), nodes, xy, TRUE);
  moved = cs_positions_ref (cs_document_get_positions (document));
  g_assert_cmpfloat (cs_positions_get_x (moved, 1), ==, 500);
  g_assert_cmpfloat (cs_positions_get_y (moved, 3), ==, 40);
  g_assert_cmpfloat (cs_positions_get_x (moved, 0), ==, cs_positions_get_x (start, 0));
  g_assert_true (cs_document_get_pinned (document, 1));
  g_assert_true (cs_document_get_pinned (document, 3));
  g_assert_false (cs_document_get_pinned (document, 0));
  g_assert_cmpuint (undo_notify, ==, 1);

  g_assert_true (cs_document_undo (document));
  g_assert_true (cs_positions_equal (start, cs_document_get_positions (document)));
  g_assert_false (cs_document_get_pinned (document, 1));
  g_assert_false (cs_document_get_can_undo (document));
  g_assert_true (cs_document_get_can_redo (document));

  g_assert_true (cs_document_redo (document));
  g_assert_true (cs_positions_equal (moved, cs_document_get_positions (document)));
  g_assert_true (cs_document_get_pinned (document, 3));
  g_assert_false (cs_document_redo (document));

  /* a new step clears what could be redone */
  g_assert_true (cs_document_undo (document));
  cs_document_set_pinned (document, 0, TRUE);
  g_assert_true (cs_document_get_pinned (document, 0));
  g_assert_false (cs_document_get_can_redo (document));
  g_assert_true (cs_positions_equal (start, cs_document_get_positions (document)));

  /* a relayout keeps pinned nodes */
  cs_document_relayout_async (document, CS_LAYOUT_FRUCHTERMAN_REINGOLD, 1234, -1, NULL, done_cb,
                              &result);
  g_assert_true (cs_document_relayout_finish (document, wait_for (&result), &error));
  g_assert_cmpfloat (cs_positions_get_x (cs_document_get_positions (document), 0), ==,
                     cs_positions_get_x (start, 0));
  g_assert_cmpfloat (cs_positions_get_y (cs_document_get_positions (document), 0), ==,
                     cs_positions_get_y (start, 0));
  g_assert_false (cs_positions_equal (start, cs_document_get_positions (document)));
}

static void
test_cancelled_load (void)
{
  g_autoptr(CsDocument) document = cs_document_new ();
  g_autoptr(GFile) file = fixture ("good", "small.json");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  cs_document_load_async (document, file, cancellable, done_cb, &result);
  g_assert_false (cs_document_load_finish (document, wait_for (&result), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (cs_document_get_graph (document));
}

static char *
copy_fixture (const char *name,
              char      **dir_out)
{
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "good", name, NULL);
  g_autofree char *dir = g_dir_make_tmp ("cs-doc-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *text = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (source, &text, &length, NULL));
  g_assert_true (g_file_set_contents (path, text, length, NULL));
  *dir_out = g_steal_pointer (&dir);
  return g_steal_pointer (&path);
}

static void
remove_dir (const char *dir)
{
  GDir *d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_remove (path);
    }
  if (d != NULL)
    g_dir_close (d);
  g_rmdir (dir);
}

static gboolean
save_and_wait (CsDocument           *document,
               GFile                *file,
               const CsSavedView    *view,
               CsDocumentSaveFlags   flags,
               GError              **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  cs_document_save_async (document, file, view, flags, NULL, done_cb, &result);
  g_assert_true (cs_document_get_saving (document));
  return cs_document_save_finish (document, wait_for (&result), error);
}

/* Moving marks the document modified; saving clears it; undoing past the
 * save marks it again, redoing back clears it; a view change marks it.
 * Reopening the saved file gives the positions to the last bit, the pins,
 * the layout and the view. */
static void
test_save_modified_reopen (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = copy_fixture ("small.json", &dir);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CsDocument) document = cs_document_new ();
  g_autoptr(CsDocument) reopened = cs_document_new ();
  g_autoptr(CsSavedView) view = cs_saved_view_new ();
  g_autoptr(GError) error = NULL;
  guint modified_notify = 0;
  const double xy[2] = { 123.456789012345, -0.1 };
  guint node = 2;
  CsPositions *positions, *positions_again;

  g_assert_true (cs_document_load (document, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (cs_document_get_can_save_in_place (document));
  g_assert_nonnull (cs_document_get_etag (document));
  g_signal_connect (document, "notify::modified", G_CALLBACK (count_cb), &modified_notify);
  g_assert_false (cs_document_get_modified (document));

  cs_document_move_nodes (document, 1, &node, xy, TRUE);
  g_assert_true (cs_document_get_modified (document));
  g_assert_cmpuint (modified_notify, ==, 1);
  cs_document_move_nodes (document, 1, &node, xy, TRUE);
  g_assert_cmpuint (modified_notify, ==, 1);

  view->labels = g_strdup ("english");
  view->has_camera = TRUE;
  view->zoom = 2.5;
  view->center_x = 10;
  view->center_y = 20;
  g_assert_true (save_and_wait (document, NULL, view, CS_DOCUMENT_SAVE_NONE, &error));
  g_assert_no_error (error);
  g_assert_false (cs_document_get_modified (document));
  g_assert_cmpuint (modified_notify, ==, 2);
  g_assert_false (cs_document_get_saving (document));

  g_assert_true (cs_document_undo (document));
  g_assert_true (cs_document_get_modified (document));
  g_assert_true (cs_document_redo (document));
  g_assert_false (cs_document_get_modified (document));
  cs_document_mark_view_changed (document);
  g_assert_true (cs_document_get_modified (document));
  g_assert_cmpuint (modified_notify, ==, 5);

  g_assert_true (cs_document_load (reopened, file, NULL, &error));
  g_assert_no_error (error);
  positions = cs_document_get_positions (document);
  positions_again = cs_document_get_positions (reopened);
  g_assert_true (cs_positions_equal (positions, positions_again));
  g_assert_cmpfloat (cs_positions_get_x (positions_again, node), ==, xy[0]);
  g_assert_true (cs_document_get_pinned (reopened, node));
  g_assert_cmpint (cs_document_get_algorithm (reopened), ==, cs_document_get_algorithm (document));
  g_assert_cmpuint (cs_document_get_seed (reopened), ==, cs_document_get_seed (document));
  g_assert_true (cs_saved_view_equal (cs_graph_get_saved_view (cs_document_get_graph (reopened)),
                                      view));
  remove_dir (dir);
}

/* Another program changes the file: the save says so and keeps its
 * version; with OVERWRITE it goes ahead. Save As writes a new file, which
 * becomes the document's, and leaves the old one alone. */
static void
test_save_changed_on_disk_and_save_as (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = copy_fixture ("small.json", &dir);
  g_autofree char *other_path = g_build_filename (dir, "other.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) other = g_file_new_for_path (other_path);
  g_autoptr(CsDocument) document = cs_document_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  guint node = 0;
  const double xy[2] = { 5, 5 };

  g_assert_true (cs_document_load (document, file, NULL, &error));
  cs_document_move_nodes (document, 1, &node, xy, FALSE);
  g_usleep (20000);
  g_assert_true (g_file_set_contents (path, "{}", -1, NULL));
  g_assert_false (save_and_wait (document, NULL, NULL, CS_DOCUMENT_SAVE_NONE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG);
  g_clear_error (&error);
  g_assert_true (cs_document_get_modified (document));
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_cmpstr (text, ==, "{}");

  g_assert_true (save_and_wait (document, other, NULL, CS_DOCUMENT_SAVE_NONE, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_equal (cs_document_get_file (document), other));
  g_assert_false (cs_document_get_modified (document));
  g_clear_pointer (&text, g_free);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_cmpstr (text, ==, "{}");

  /* the other file changed too: overwrite it when told to */
  g_usleep (20000);
  g_assert_true (g_file_set_contents (other_path, "[]", -1, NULL));
  cs_document_move_nodes (document, 1, &node, xy, TRUE);
  g_assert_false (save_and_wait (document, NULL, NULL, CS_DOCUMENT_SAVE_NONE, &error));
  g_clear_error (&error);
  g_assert_true (save_and_wait (document, NULL, NULL, CS_DOCUMENT_SAVE_OVERWRITE, &error));
  g_assert_no_error (error);
  g_clear_pointer (&text, g_free);
  g_assert_true (g_file_get_contents (other_path, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "\"pinned\": true"));
  remove_dir (dir);
}

/* A file of another program's format is never written over: Save asks
 * where (can-save-in-place is FALSE) until a Save As has written a file of
 * ours, which Save then writes; the original stays byte for byte. */
static void
test_foreign_file_saved_as_ours (void)
{
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "import", "basic.graphml",
                                                   NULL);
  g_autofree char *dir = g_dir_make_tmp ("cs-doc-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "basic.graphml", NULL);
  g_autofree char *ours_path = g_build_filename (dir, "basic.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) ours = g_file_new_for_path (ours_path);
  g_autoptr(CsDocument) document = cs_document_new ();
  g_autoptr(CsDocument) reopened = cs_document_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *original = NULL;
  g_autofree char *after = NULL;
  g_autofree char *saved = NULL;
  gsize original_length, after_length;
  guint node = 0;
  const double xy[2] = { 42.5, -7.25 };

  g_assert_true (g_file_get_contents (source, &original, &original_length, NULL));
  g_assert_true (g_file_set_contents (path, original, original_length, NULL));
  g_assert_true (cs_document_load (document, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (cs_graph_get_source_format (cs_document_get_graph (document)), ==, "graphml");
  g_assert_false (cs_document_get_can_save_in_place (document));

  cs_document_move_nodes (document, 1, &node, xy, TRUE);
  g_assert_true (save_and_wait (document, ours, NULL, CS_DOCUMENT_SAVE_NONE, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_equal (cs_document_get_file (document), ours));
  g_assert_true (cs_document_get_can_save_in_place (document));
  g_assert_true (g_file_get_contents (path, &after, &after_length, NULL));
  g_assert_cmpmem (after, after_length, original, original_length);

  /* Save now writes the file of ours */
  cs_document_move_nodes (document, 1, &node, xy, FALSE);
  g_assert_true (cs_document_get_modified (document));
  g_assert_true (save_and_wait (document, NULL, NULL, CS_DOCUMENT_SAVE_NONE, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (ours_path, &saved, NULL, NULL));
  g_assert_nonnull (strstr (saved, "\"pinned\": true"));
  g_assert_true (cs_document_load (reopened, ours, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (cs_graph_get_n_nodes (cs_document_get_graph (reopened)), ==,
                    cs_graph_get_n_nodes (cs_document_get_graph (document)));
  g_assert_true (cs_document_get_can_save_in_place (reopened));

  /* a recovered copy made the changes of no file of ours: Save asks */
  cs_document_adopt (reopened, NULL, NULL);
  g_assert_false (cs_document_get_can_save_in_place (reopened));
  g_assert_true (cs_document_get_modified (reopened));

  g_clear_pointer (&after, g_free);
  g_assert_true (g_file_get_contents (path, &after, &after_length, NULL));
  g_assert_cmpmem (after, after_length, original, original_length);
  remove_dir (dir);
}

/* A recovery copy written by a process that then dies is found by the
 * next one, with what it was a copy of; one whose window lives is not;
 * restored and adopted, it is the unsaved state of the original file */
static void
test_recovery (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = copy_fixture ("small.json", &dir);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) left = NULL;
  g_autoptr(CsRecovery) alive = NULL;
  g_autoptr(CsDocument) restored = cs_document_new ();
  g_autoptr(GError) error = NULL;
  CsRecoveryEntry *entry;
  const double xy[2] = { 777.25, -3 };
  guint node = 1;

  if (g_test_subprocess ())
    {
      g_autoptr(CsDocument) document = cs_document_new ();
      g_autoptr(GAsyncResult) result = NULL;
      CsRecovery *recovery = cs_recovery_new (&error);
      g_autoptr(GFile) copy = cs_recovery_get_copy_file (recovery);
      g_autoptr(GFile) original = g_file_new_for_path (g_getenv ("CS_TEST_ORIGINAL"));

      g_assert_true (cs_document_load (document, original, NULL, &error));
      cs_document_move_nodes (document, 1, &node, xy, TRUE);
      cs_document_save_copy_async (document, copy, NULL, NULL, done_cb, &result);
      g_assert_true (cs_document_save_copy_finish (document, wait_for (&result), &error));
      g_assert_true (cs_recovery_commit (recovery, original, cs_document_get_etag (document),
                                         "작은 그래프", &error));
      /* and dies, its slot not freed */
      _exit (0);
    }

  alive = cs_recovery_new (&error);
  g_assert_no_error (error);
  g_setenv ("CS_TEST_ORIGINAL", path, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();

  left = cs_recovery_find_left ();
  g_assert_cmpuint (left->len, ==, 1);
  entry = g_ptr_array_index (left, 0);
  g_assert_true (g_file_equal (entry->original, file));
  g_assert_cmpstr (entry->title, ==, "작은 그래프");
  g_assert_nonnull (entry->etag);
  g_assert_true (cs_document_load (restored, entry->copy, NULL, &error));
  g_assert_no_error (error);
  cs_document_adopt (restored, entry->original, entry->etag);
  g_assert_true (cs_document_get_modified (restored));
  g_assert_true (g_file_equal (cs_document_get_file (restored), file));
  g_assert_cmpfloat (cs_positions_get_x (cs_document_get_positions (restored), node), ==, xy[0]);
  g_assert_true (cs_document_get_pinned (restored, node));
  /* while this process holds it, nobody else is offered it */
  {
    g_autoptr(GPtrArray) again = cs_recovery_find_left ();

    g_assert_cmpuint (again->len, ==, 0);
  }
  cs_recovery_entry_discard (entry);
  g_ptr_array_set_size (left, 0);
  {
    g_autoptr(GPtrArray) again = cs_recovery_find_left ();

    g_assert_cmpuint (again->len, ==, 0);
  }
  remove_dir (dir);
}

/* the names in the layout cache's folder */
static GPtrArray *
cache_entries (void)
{
  g_autofree char *dir = cs_layout_cache_get_dir ();
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (folder != NULL && (name = g_dir_read_name (folder)) != NULL)
    g_ptr_array_add (names, g_build_filename (dir, name, NULL));
  return names;
}

static CsPositions *
load_positions (GFile *file)
{
  g_autoptr(CsDocument) document = cs_document_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (cs_document_load (document, file, NULL, &error));
  g_assert_no_error (error);
  return cs_positions_ref (cs_document_get_positions (document));
}

/* A file opened again is drawn with the layout it had: the layout is kept
 * under a key made of the file's bytes and the parameters; a damaged
 * entry is laid out again and replaced; a changed file is another key. */
static void
test_layout_cache (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cs-cache-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "graph.json", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GFile) source = fixture ("good", "small.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CsPositions) first = NULL;
  g_autoptr(CsPositions) again = NULL;
  g_autoptr(CsPositions) fake = NULL;
  g_autoptr(CsPositions) relaid = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GBytes) entry = NULL;
  g_autofree char *key = NULL;
  g_autofree double *xy = NULL;
  gsize length;
  guint n;

  g_assert_true (g_file_get_contents (g_file_peek_path (source), &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, length, NULL));

  first = load_positions (file);
  n = cs_positions_get_n_nodes (first);
  entries = cache_entries ();
  g_assert_cmpuint (entries->len, ==, 1);
  again = load_positions (file);
  g_assert_true (cs_positions_equal (first, again));

  /* what the cache holds is what the document shows: another layout
   * stored under the file's key is the one it opens with */
  {
    g_autoptr(CsGraph) graph = cs_import_file_full (path, &(CsImportOptions){ 0 }, NULL, NULL,
                                                    NULL);
    g_autoptr(CsLayoutParams) params = cs_node_radii_new_layout_params (graph);
    g_autoptr(CsPositions) looked_up = NULL;

    key = cs_layout_cache_key_for_file (file, NULL, 0, params, NULL, NULL);
    g_assert_nonnull (key);
    g_assert_true (g_str_has_suffix (g_ptr_array_index (entries, 0), key));
    looked_up = cs_layout_cache_lookup (key, n);
    g_assert_true (cs_positions_equal (looked_up, first));
    /* not for a graph of another size */
    g_assert_null (cs_layout_cache_lookup (key, n + 1));
    g_assert_true (g_file_test (g_ptr_array_index (entries, 0), G_FILE_TEST_EXISTS));
  }
  xy = g_new (double, 2 * n);
  for (guint i = 0; i < 2 * n; i++)
    xy[i] = 1000.0 + i;
  fake = cs_positions_new (n, xy);
  g_assert_true (cs_layout_cache_store (key, fake, NULL));
  g_clear_pointer (&again, cs_positions_unref);
  again = load_positions (file);
  g_assert_true (cs_positions_equal (again, fake));

  /* a damaged entry: ignored, removed, laid out again and kept again */
  entry = cs_layout_cache_entry_new (key, first);
  g_assert_true (g_file_set_contents (g_ptr_array_index (entries, 0),
                                      g_bytes_get_data (entry, NULL),
                                      g_bytes_get_size (entry) - 3, NULL));
  relaid = load_positions (file);
  g_assert_true (cs_positions_equal (relaid, first));
  g_clear_pointer (&again, cs_positions_unref);
  again = cs_layout_cache_lookup (key, n);
  g_assert_true (cs_positions_equal (again, first));

  /* one byte more (a space at the end): another key, a second entry */
  {
    g_autofree char *longer = g_strconcat (contents, " ", NULL);

    g_assert_true (g_file_set_contents (path, longer, length + 1, NULL));
  }
  g_clear_pointer (&again, cs_positions_unref);
  again = load_positions (file);
  g_assert_true (cs_positions_equal (again, first));
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = cache_entries ();
  g_assert_cmpuint (entries->len, ==, 2);

  g_unlink (path);
  g_rmdir (dir);
}

/* the cache keeps its newest 64 entries */
static void
test_layout_cache_pruned (void)
{
  g_autoptr(CsPositions) positions = cs_positions_new (1, (double[]){ 1, 2 });
  g_autoptr(GPtrArray) entries = NULL;

  for (guint i = 0; i < 70; i++)
    {
      g_autofree char *key = g_compute_checksum_for_data (G_CHECKSUM_SHA256,
                                                          (const guchar *)&i, sizeof i);

      g_assert_true (cs_layout_cache_store (key, positions, NULL));
    }
  entries = cache_entries ();
  g_assert_cmpuint (entries->len, ==, 64);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cs/document/load-async", test_load_async);
  g_test_add_func ("/cs/document/failed-load-keeps-graph", test_failed_load_keeps_graph);
  g_test_add_func ("/cs/document/relayout", test_relayout);
  g_test_add_func ("/cs/document/cancelled-load", test_cancelled_load);
  g_test_add_func ("/cs/document/move-pin-undo-redo", test_move_pin_undo_redo);
  g_test_add_func ("/cs/document/save-modified-reopen", test_save_modified_reopen);
  g_test_add_func ("/cs/document/save-changed-on-disk-and-save-as",
                   test_save_changed_on_disk_and_save_as);
  g_test_add_func ("/cs/document/foreign-file-saved-as-ours", test_foreign_file_saved_as_ours);
  g_test_add_func ("/cs/document/recovery", test_recovery);
  g_test_add_func ("/cs/document/layout-cache", test_layout_cache);
  g_test_add_func ("/cs/document/layout-cache-pruned", test_layout_cache_pruned);

  return g_test_run ();
}
