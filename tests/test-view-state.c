/* test-view-state.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a window shows, without a window: selection, filter and what it
 * leaves, sizing, labels, layers, and the notifications that tell the
 * canvas, list and panels about each change, once.
 */

#include "config.h"

#include "cs-view-state.h"
#include "test-support.h"

typedef struct
{
  CsGraph     *graph;
  CsViewState *view;
  guint        selection_changed;
  guint        visibility_changed;
  GHashTable  *notified; /* property name → count */
} Fixture;

static void
selection_cb (CsViewState *view,
              Fixture     *f)
{
  f->selection_changed++;
}

static void
visibility_cb (CsViewState *view,
               Fixture     *f)
{
  f->visibility_changed++;
}

static void
notify_cb (CsViewState *view,
           GParamSpec  *pspec,
           Fixture     *f)
{
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (f->notified, pspec->name));

  g_hash_table_insert (f->notified, (gpointer)pspec->name, GUINT_TO_POINTER (n + 1));
}

static guint
notified (Fixture    *f,
          const char *name)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (f->notified, name));
}

static void
reset_counts (Fixture *f)
{
  f->selection_changed = f->visibility_changed = 0;
  g_hash_table_remove_all (f->notified);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->graph = cs_test_load_graph ("good", "small.json");
  f->view = cs_view_state_new ();
  f->notified = g_hash_table_new (g_str_hash, g_str_equal);
  g_signal_connect (f->view, "selection-changed", G_CALLBACK (selection_cb), f);
  g_signal_connect (f->view, "visibility-changed", G_CALLBACK (visibility_cb), f);
  g_signal_connect (f->view, "notify", G_CALLBACK (notify_cb), f);
  cs_view_state_set_graph (f->view, f->graph);
  reset_counts (f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->view);
  g_assert_finalize_object (f->graph);
  g_hash_table_unref (f->notified);
}

static guint
node (Fixture    *f,
      const char *id)
{
  guint index;

  g_assert_true (cs_graph_lookup (f->graph, id, &index));
  return index;
}

/* Replace, extend, toggle: the primary node is the last chosen, and each
 * real change is announced once. */
static void
test_selection (Fixture       *f,
                gconstpointer  data)
{
  guint skt = node (f, "skt"), kaist = node (f, "kaist"), ax = node (f, "ax");
  const guint *selection;
  guint n;

  g_assert_cmpint (cs_view_state_get_selected_node (f->view), ==, -1);
  cs_view_state_select_node (f->view, skt, CS_SELECTION_REPLACE);
  g_assert_cmpint (cs_view_state_get_selected_node (f->view), ==, skt);
  g_assert_cmpuint (f->selection_changed, ==, 1);
  g_assert_cmpuint (notified (f, "selected-node"), ==, 1);
  /* the same again changes nothing */
  cs_view_state_select_node (f->view, skt, CS_SELECTION_REPLACE);
  g_assert_cmpuint (f->selection_changed, ==, 1);

  cs_view_state_select_node (f->view, kaist, CS_SELECTION_EXTEND);
  cs_view_state_select_node (f->view, ax, CS_SELECTION_EXTEND);
  selection = cs_view_state_get_selection (f->view, &n);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpuint (selection[2], ==, ax);
  g_assert_true (cs_view_state_is_selected (f->view, kaist));
  /* extending with a selected node makes it the primary one */
  cs_view_state_select_node (f->view, skt, CS_SELECTION_EXTEND);
  selection = cs_view_state_get_selection (f->view, &n);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpuint (selection[2], ==, skt);
  /* toggling takes it out */
  cs_view_state_select_node (f->view, kaist, CS_SELECTION_TOGGLE);
  g_assert_false (cs_view_state_is_selected (f->view, kaist));
  cs_view_state_get_selection (f->view, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpuint (f->selection_changed, ==, 5);

  /* many at once, one change */
  reset_counts (f);
  {
    guint band[] = { kaist, skt, kaist };

    cs_view_state_select_nodes (f->view, band, G_N_ELEMENTS (band), CS_SELECTION_REPLACE);
  }
  cs_view_state_get_selection (f->view, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpuint (f->selection_changed, ==, 1);

  cs_view_state_select_node (f->view, -1, CS_SELECTION_REPLACE);
  g_assert_cmpint (cs_view_state_get_selected_node (f->view), ==, -1);
  g_assert_false (cs_view_state_is_selected (f->view, skt));
  g_assert_cmpuint (f->selection_changed, ==, 2);
  /* clearing nothing is no change */
  cs_view_state_select_node (f->view, -1, CS_SELECTION_REPLACE);
  g_assert_cmpuint (f->selection_changed, ==, 2);
  /* selection alone never changes what is shown */
  g_assert_cmpuint (f->visibility_changed, ==, 0);
}

/* The filter's result is kept until something it depends on changes. */
static void
test_visibility (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(CsFilter) filter = cs_filter_new ();
  guint skt = node (f, "skt"), kaist = node (f, "kaist");
  const guint8 *shown;
  guint nodes, edges;

  g_assert_null (cs_view_state_get_node_shown (f->view));
  cs_view_state_count_shown (f->view, &nodes, &edges);
  g_assert_cmpuint (nodes, ==, cs_graph_get_n_nodes (f->graph));
  g_assert_cmpuint (edges, ==, cs_graph_get_n_edges (f->graph));

  cs_filter_set_type_shown (filter, "university", FALSE);
  cs_view_state_set_filter (f->view, filter);
  g_assert_cmpuint (f->visibility_changed, ==, 1);
  g_assert_cmpuint (notified (f, "filter"), ==, 1);
  shown = cs_view_state_get_node_shown (f->view);
  g_assert_nonnull (shown);
  g_assert_false (shown[kaist]);
  g_assert_true (shown[skt]);
  /* the view keeps its own copy */
  cs_filter_set_type_shown (filter, "company", FALSE);
  g_assert_true (cs_view_state_get_node_shown (f->view)[skt]);
  /* an equal filter is no change */
  cs_filter_set_type_shown (filter, "company", TRUE);
  cs_view_state_set_filter (f->view, filter);
  g_assert_cmpuint (f->visibility_changed, ==, 1);
  g_assert_cmpuint (notified (f, "filter"), ==, 1);

  /* around the selection: the selection now decides what is shown */
  filter->around = CS_FILTER_AROUND_SELECTION;
  cs_view_state_set_filter (f->view, filter);
  g_assert_cmpuint (f->visibility_changed, ==, 2);
  cs_view_state_count_shown (f->view, &nodes, NULL);
  g_assert_cmpuint (nodes, ==, 0);
  cs_view_state_select_node (f->view, skt, CS_SELECTION_REPLACE);
  g_assert_cmpuint (f->visibility_changed, ==, 3);
  cs_view_state_count_shown (f->view, &nodes, NULL);
  g_assert_cmpuint (nodes, ==, 1 + cs_graph_get_degree (f->graph, skt));
}

/* Sizing, labels and layers notify once per real change, under both
 * their own names and the menu's switches. */
static void
test_options (Fixture       *f,
              gconstpointer  data)
{
  cs_view_state_set_sizing (f->view, CS_NODE_SIZE_UNIFORM);
  cs_view_state_set_sizing (f->view, CS_NODE_SIZE_UNIFORM);
  g_assert_cmpuint (notified (f, "sizing"), ==, 1);
  g_assert_cmpuint (notified (f, "uniform-size"), ==, 1);

  g_object_set (f->view, "english-labels", TRUE, NULL);
  g_assert_cmpint (cs_view_state_get_label_language (f->view), ==, CS_LABEL_LANGUAGE_ENGLISH);
  g_assert_cmpuint (notified (f, "label-language"), ==, 1);

  cs_view_state_set_layer (f->view, CS_LAYER_HULLS, FALSE);
  cs_view_state_set_layer (f->view, CS_LAYER_HULLS, FALSE);
  g_assert_cmpuint (notified (f, "layers"), ==, 1);
  g_assert_cmpuint (notified (f, "show-hulls"), ==, 1);
  g_assert_cmpuint (notified (f, "show-legend"), ==, 0);
  g_assert_cmpuint (cs_view_state_get_layers (f->view), ==,
                    CS_LAYER_LABELS | CS_LAYER_LEGEND | CS_LAYER_ROLES);
  g_object_set (f->view, "show-roles", FALSE, NULL);
  g_assert_cmpuint (notified (f, "show-roles"), ==, 1);
  g_assert_cmpuint (cs_view_state_get_layers (f->view), ==, CS_LAYER_LABELS | CS_LAYER_LEGEND);

  /* density is clamped to 0…1; a value that is not a number leaves the default */
  g_assert_cmpfloat (cs_view_state_get_label_density (f->view), ==, CS_LABEL_DENSITY_DEFAULT);
  cs_view_state_set_label_density (f->view, 0.25);
  cs_view_state_set_label_density (f->view, 0.25);
  g_assert_cmpuint (notified (f, "label-density"), ==, 1);
  cs_view_state_set_label_density (f->view, 7);
  g_assert_cmpfloat (cs_view_state_get_label_density (f->view), ==, 1.0);
  cs_view_state_set_label_density (f->view, -1);
  g_assert_cmpfloat (cs_view_state_get_label_density (f->view), ==, 0.0);

  /* a highlight names a type, a relation or a consortium of the graph */
  {
    CsNodeType company;
    guint id = 99;

    g_assert_true (cs_graph_lookup_type (f->graph, "company", &company));
    g_assert_cmpint (cs_view_state_get_highlight (f->view, &id), ==, CS_HIGHLIGHT_NONE);
    cs_view_state_set_highlight (f->view, CS_HIGHLIGHT_TYPE, company);
    cs_view_state_set_highlight (f->view, CS_HIGHLIGHT_TYPE, company);
    g_assert_cmpuint (notified (f, "highlight-kind"), ==, 1);
    g_assert_cmpint (cs_view_state_get_highlight (f->view, &id), ==, CS_HIGHLIGHT_TYPE);
    g_assert_cmpuint (id, ==, company);
    cs_view_state_set_highlight (f->view, CS_HIGHLIGHT_CONSORTIUM, node (f, "team"));
    g_assert_cmpint (cs_view_state_get_highlight (f->view, &id), ==, CS_HIGHLIGHT_CONSORTIUM);
    g_assert_cmpuint (id, ==, node (f, "team"));
  }
  /* none of these changes what the filter leaves */
  g_assert_cmpuint (f->visibility_changed, ==, 0);
}

/* A new graph: indices of the old one mean nothing, so selection and
 * filter start over; sizing, labels and layers stay. */
static void
test_new_graph (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(CsGraph) other = cs_test_load_graph ("good", "claims.json");
  g_autoptr(CsFilter) filter = cs_filter_new ();

  filter->consortium = 0;
  cs_view_state_set_filter (f->view, filter);
  cs_view_state_select_node (f->view, node (f, "skt"), CS_SELECTION_REPLACE);
  cs_view_state_set_sizing (f->view, CS_NODE_SIZE_UNIFORM);
  cs_view_state_set_highlight (f->view, CS_HIGHLIGHT_CONSORTIUM, node (f, "team"));
  reset_counts (f);

  cs_view_state_set_graph (f->view, other);
  g_assert_true (cs_view_state_get_graph (f->view) == other);
  g_assert_cmpint (cs_view_state_get_selected_node (f->view), ==, -1);
  g_assert_false (cs_filter_is_active (cs_view_state_get_filter (f->view)));
  g_assert_null (cs_view_state_get_node_shown (f->view));
  g_assert_cmpint (cs_view_state_get_sizing (f->view), ==, CS_NODE_SIZE_UNIFORM);
  g_assert_cmpuint (notified (f, "graph"), ==, 1);
  g_assert_cmpuint (notified (f, "filter"), ==, 1);
  g_assert_cmpuint (notified (f, "highlight-kind"), ==, 1);
  g_assert_cmpint (cs_view_state_get_highlight (f->view, NULL), ==, CS_HIGHLIGHT_NONE);
  g_assert_cmpuint (f->selection_changed, ==, 1);
  g_assert_cmpuint (f->visibility_changed, ==, 1);
  g_assert_false (cs_view_state_is_selected (f->view, 0));
  cs_view_state_set_graph (f->view, NULL);
}

/* A copy (an export's snapshot) goes its own way. */
static void
test_copy (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(CsViewState) copy = NULL;
  g_autoptr(CsFilter) filter = cs_filter_new ();
  CsViewport *viewport = cs_view_state_get_viewport (f->view);
  CsBounds visible;
  guint skt = node (f, "skt");

  cs_view_state_select_node (f->view, skt, CS_SELECTION_REPLACE);
  cs_view_state_set_sizing (f->view, CS_NODE_SIZE_UNIFORM);
  cs_viewport_set_size (viewport, 400, 300);
  cs_viewport_set_zoom (viewport, 2);
  cs_viewport_set_offset (viewport, 10, 20);
  copy = cs_view_state_copy (f->view);

  g_assert_true (cs_view_state_get_graph (copy) == f->graph);
  g_assert_cmpint (cs_view_state_get_selected_node (copy), ==, skt);
  g_assert_true (cs_view_state_is_selected (copy, skt));
  g_assert_cmpint (cs_view_state_get_sizing (copy), ==, CS_NODE_SIZE_UNIFORM);
  cs_viewport_get_visible_bounds (cs_view_state_get_viewport (copy), &visible);
  g_assert_cmpfloat (visible.x0, ==, -5);
  g_assert_cmpfloat (visible.y0, ==, -10);
  g_assert_cmpfloat (visible.x1, ==, 195);
  g_assert_cmpfloat (visible.y1, ==, 140);

  cs_filter_set_type_shown (filter, "company", FALSE);
  cs_view_state_set_filter (copy, filter);
  cs_view_state_select_node (copy, -1, CS_SELECTION_REPLACE);
  g_assert_cmpint (cs_view_state_get_selected_node (f->view), ==, skt);
  g_assert_null (cs_view_state_get_node_shown (f->view));
  g_assert_nonnull (cs_view_state_get_node_shown (copy));
}

static void
test_preconditions (Fixture       *f,
                    gconstpointer  data)
{
  if (g_test_subprocess ())
    {
      cs_view_state_select_node (f->view, 1000, CS_SELECTION_REPLACE);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*CRITICAL*node < (int)n_nodes (self)*");
}

/* A filter around the selection stays around the last nodes selected
 * when a click on the background clears the selection */
static void
test_around_cleared_selection (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(CsFilter) filter = cs_filter_new ();
  guint ax = node (f, "ax"), msit = node (f, "msit"), skt = node (f, "skt");
  const guint8 *shown;

  filter->around = CS_FILTER_AROUND_SELECTION;
  filter->depth = 1;
  cs_view_state_set_filter (f->view, filter);
  cs_view_state_select_node (f->view, ax, CS_SELECTION_REPLACE);
  shown = cs_view_state_get_node_shown (f->view);
  g_assert_true (shown[ax] && shown[skt]);
  g_assert_false (shown[msit]);

  f->visibility_changed = 0;
  cs_view_state_select_node (f->view, -1, CS_SELECTION_REPLACE);
  g_assert_cmpint (cs_view_state_get_selected_node (f->view), ==, -1);
  g_assert_cmpuint (f->visibility_changed, ==, 0);
  shown = cs_view_state_get_node_shown (f->view);
  g_assert_true (shown[ax] && shown[skt]);
  g_assert_false (shown[msit]);

  /* a new selection moves it */
  cs_view_state_select_node (f->view, msit, CS_SELECTION_REPLACE);
  shown = cs_view_state_get_node_shown (f->view);
  g_assert_true (shown[msit]);
  g_assert_false (shown[ax]);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func)                                                                            \
  g_test_add ("/cs/view-state/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("selection", test_selection);
  ADD ("visibility", test_visibility);
  ADD ("options", test_options);
  ADD ("new-graph", test_new_graph);
  ADD ("copy", test_copy);
  ADD ("preconditions", test_preconditions);
  ADD ("around-cleared-selection", test_around_cleared_selection);
#undef ADD

  return g_test_run ();
}
