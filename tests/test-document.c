/* test-document.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-document.h"
#include "cs-import.h"

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

  return g_test_run ();
}
