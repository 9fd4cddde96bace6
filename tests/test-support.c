/* test-support.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "test-support.h"

#include "cs-consortia-writer.h"
#include "cs-graph-builder.h"
#include "cs-import.h"
#include "cs-layout.h"

#include <glib/gstdio.h>

#include <fcntl.h>
#include <math.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

/* Loads tests/data/KIND/NAME, or data/NAME when KIND is "bundled". */
CsGraph *
cs_test_load_graph (const char *kind,
                    const char *name)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  CsGraph *graph;

  if (g_str_equal (kind, "bundled"))
    path = g_build_filename (SOURCE_DATADIR, name, NULL);
  else
    path = g_test_build_filename (G_TEST_DIST, "data", kind, name, NULL);
  graph = cs_import_file (path, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (graph);
  return graph;
}

/* Un-premultiplied colour of one ARGB32 or RGB24 pixel. */
void
cs_test_read_pixel (cairo_surface_t *surface,
                    int              x,
                    int              y,
                    CsColor         *color)
{
  const guchar *data;
  guint32 pixel;
  double a;

  cairo_surface_flush (surface);
  g_assert_true (cairo_image_surface_get_format (surface) == CAIRO_FORMAT_ARGB32 ||
                 cairo_image_surface_get_format (surface) == CAIRO_FORMAT_RGB24);
  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (x, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (y, <, cairo_image_surface_get_height (surface));

  data = cairo_image_surface_get_data (surface);
  pixel = *(const guint32 *)(data + y * cairo_image_surface_get_stride (surface) + 4 * x);
  if (cairo_image_surface_get_format (surface) == CAIRO_FORMAT_RGB24)
    pixel |= 0xff000000;
  a = ((pixel >> 24) & 0xff) / 255.0;
  color->alpha = a;
  color->red = a > 0 ? ((pixel >> 16) & 0xff) / 255.0 / a : 0;
  color->green = a > 0 ? ((pixel >> 8) & 0xff) / 255.0 / a : 0;
  color->blue = a > 0 ? (pixel & 0xff) / 255.0 / a : 0;
}

void
cs_test_assert_color (cairo_surface_t *surface,
                      double           x,
                      double           y,
                      const CsColor   *expected,
                      double           tolerance)
{
  CsColor got;

  cs_test_read_pixel (surface, (int)floor (x), (int)floor (y), &got);
  if (fabs (got.red - expected->red) > tolerance ||
      fabs (got.green - expected->green) > tolerance ||
      fabs (got.blue - expected->blue) > tolerance ||
      fabs (got.alpha - expected->alpha) > tolerance)
    {
      g_autofree char *msg = g_strdup_printf (
          "pixel at %.1f,%.1f is rgba(%.3f,%.3f,%.3f,%.3f), expected "
          "rgba(%.3f,%.3f,%.3f,%.3f)",
          x, y, got.red, got.green, got.blue, got.alpha, expected->red, expected->green,
          expected->blue, expected->alpha);
      g_assertion_message (G_LOG_DOMAIN, __FILE__, __LINE__, G_STRFUNC, msg);
    }
}

/* A helper program: from the environment (meson passes the path it found),
 * else by name on PATH. */
char *
cs_test_find_program (const char *env_name,
                      const char *fallback)
{
  const char *path = g_getenv (env_name);

  if (path != NULL && path[0] != '\0')
    return g_strdup (path);
  return g_find_program_in_path (fallback);
}

/* Reads a PNG as ARGB32 whatever its own format, for pixel probes. */
cairo_surface_t *
cs_test_load_png (const char *path)
{
  cairo_surface_t *surface = cairo_image_surface_create_from_png (path);

  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  if (cairo_image_surface_get_format (surface) != CAIRO_FORMAT_ARGB32)
    {
      int w = cairo_image_surface_get_width (surface);
      int h = cairo_image_surface_get_height (surface);
      cairo_surface_t *argb = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
      cairo_t *cr = cairo_create (argb);

      cairo_set_source_surface (cr, surface, 0, 0);
      cairo_paint (cr);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
      surface = argb;
    }
  return surface;
}

/* Runs a helper program; TRUE when it exits with 0. */
gboolean
cs_test_run_tool (const char *const  *argv,
                  char              **out)
{
  g_autoptr(GError) error = NULL;
  int status;

  if (!g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, out, NULL, &status, &error))
    return FALSE;
  return g_spawn_check_wait_status (status, NULL);
}

/**
 * cs_test_one_line_graph:
 * @n: the number of organisations
 *
 * A preferential-attachment graph of @n nodes (two links each) and
 * @n / 5000 + 2 consortia, as Consortia JSON written on one line, as
 * json.dump, networkx and d3 write it; Hangul labels, every tenth node a
 * member of a consortium with a role. The same @n gives the same bytes.
 *
 * Returns: (transfer full): the graph as Consortia JSON
 */
char *
cs_test_one_line_graph (guint n)
{
  static const char *types[] = { "company", "university", "research_institute", "model" };
  g_autoptr(GRand) rand = g_rand_new_with_seed (n);
  g_autoptr(GArray) ends = g_array_new (FALSE, FALSE, sizeof (guint));
  GString *json = g_string_new ("{\"format\": \"consortia-graph\", \"version\": 1, \"graph\": "
                                "{\"title\": \"one line\"}, \"nodes\": [");
  guint n_consortia = n / 5000 + 2;
  gboolean first = TRUE;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (json, "%s{\"id\": \"n%u\", \"label\": \"기관 %u\", \"type\": \"%s\"}",
                            i ? ", " : "", i, i, types[i % G_N_ELEMENTS (types)]);
  for (guint c = 0; c < n_consortia; c++)
    g_string_append_printf (json, ", {\"id\": \"c%u\", \"label\": \"컨소시엄 %u\", "
                            "\"type\": \"consortium\"}", c, c);
  g_string_append (json, "], \"edges\": [");
  for (guint i = 1; i < n; i++)
    for (guint k = 0; k < MIN (i, 2u); k++)
      {
        guint target = ends->len > 0
                           ? g_array_index (ends, guint, g_rand_int_range (rand, 0, ends->len))
                           : 0;

        if (target == i)
          target = 0;
        g_string_append_printf (json, "%s{\"source\": \"n%u\", \"target\": \"n%u\", "
                                "\"relation\": \"partner_of\"}", first ? "" : ", ", i, target);
        first = FALSE;
        g_array_append_val (ends, i);
        g_array_append_val (ends, target);
      }
  for (guint i = 0; i < n; i += 10)
    g_string_append_printf (json, ", {\"source\": \"n%u\", \"target\": \"c%u\", "
                            "\"relation\": \"member_of\", \"role\": \"역할 %u\"}", i,
                            g_rand_int_range (rand, 0, n_consortia), i % 7);
  g_string_append (json, "]}");
  return g_string_free (json, FALSE);
}

/* CPU time of this thread: what the work costs, not what else the
 * machine (a virtual one, shared) did meanwhile */

static void
assert_same_sources (GPtrArray *a,
                     GPtrArray *b)
{
  g_assert_cmpuint (a != NULL ? a->len : 0, ==, b != NULL ? b->len : 0);
  for (guint i = 0; a != NULL && i < a->len; i++)
    {
      const CsSource *x = g_ptr_array_index (a, i), *y = g_ptr_array_index (b, i);

      g_assert_cmpstr (x->file, ==, y->file);
      g_assert_cmpstr (x->quote, ==, y->quote);
    }
}

static void
assert_same_attributes (GPtrArray *a,
                        GPtrArray *b)
{
  g_assert_cmpuint (a != NULL ? a->len : 0, ==, b != NULL ? b->len : 0);
  for (guint i = 0; a != NULL && i < a->len; i++)
    {
      const CsAttribute *x = g_ptr_array_index (a, i), *y = g_ptr_array_index (b, i);

      g_assert_cmpstr (x->key, ==, y->key);
      g_assert_cmpuint (x->claims->len, ==, y->claims->len);
      for (guint c = 0; c < x->claims->len; c++)
        {
          const CsClaim *p = g_ptr_array_index (x->claims, c), *q = g_ptr_array_index (y->claims, c);

          g_assert_cmpstr (p->value, ==, q->value);
          g_assert_cmpstr (p->note, ==, q->note);
          assert_same_sources (p->sources, q->sources);
        }
    }
}

/**
 * cs_test_assert_same_graph:
 * @a: a graph
 * @b: another
 * @layout: whether the saved layout (algorithm, seed, positions, pins)
 *   must match too
 *
 * Every node, edge, attribute, claim, source, event, name and piece of
 * metadata of @a is in @b, in the same order.
 */
void
cs_test_assert_same_graph (CsGraph  *a,
                           CsGraph  *b,
                           gboolean  layout)
{
  guint32 seed_a = 0, seed_b = 0;

  g_assert_cmpstr (cs_graph_get_title (a), ==, cs_graph_get_title (b));
  g_assert_cmpstr (cs_graph_get_title_en (a), ==, cs_graph_get_title_en (b));
  g_assert_cmpstr (cs_graph_get_description (a), ==, cs_graph_get_description (b));
  g_assert_cmpstr (cs_graph_get_date (a), ==, cs_graph_get_date (b));
  if (layout)
    {
      g_assert_cmpstr (cs_graph_get_layout_algorithm (a), ==, cs_graph_get_layout_algorithm (b));
      g_assert_cmpint (cs_graph_get_layout_seed (a, &seed_a), ==,
                       cs_graph_get_layout_seed (b, &seed_b));
      g_assert_cmpuint (seed_a, ==, seed_b);
    }
  g_assert_cmpuint (cs_graph_get_n_articles (a), ==, cs_graph_get_n_articles (b));
  for (guint i = 0; i < cs_graph_get_n_articles (a); i++)
    {
      const CsArticle *x = cs_graph_get_article (a, i), *y = cs_graph_get_article (b, i);

      g_assert_cmpstr (x->file, ==, y->file);
      g_assert_cmpstr (x->title, ==, y->title);
      g_assert_cmpstr (x->publisher, ==, y->publisher);
      g_assert_cmpstr (x->date, ==, y->date);
      g_assert_cmpstr (x->language, ==, y->language);
    }

  g_assert_cmpuint (cs_graph_get_n_nodes (a), ==, cs_graph_get_n_nodes (b));
  for (guint i = 0; i < cs_graph_get_n_nodes (a); i++)
    {
      const CsNode *x = cs_graph_get_node (a, i), *y = cs_graph_get_node (b, i);

      g_assert_cmpstr (x->id, ==, y->id);
      g_assert_cmpstr (x->label, ==, y->label);
      g_assert_cmpstr (x->label_en, ==, y->label_en);
      g_assert_cmpint (x->label_en_outside, ==, y->label_en_outside);
      g_assert_true (g_strv_equal ((const char *const *)x->aliases,
                                   (const char *const *)y->aliases));
      g_assert_cmpstr (cs_graph_get_type_name (a, x->type), ==, cs_graph_get_type_name (b, y->type));
      g_assert_cmpstr (x->description, ==, y->description);
      assert_same_attributes (x->attributes, y->attributes);
      assert_same_sources (x->sources, y->sources);
      g_assert_cmpuint (x->events != NULL ? x->events->len : 0, ==,
                        y->events != NULL ? y->events->len : 0);
      for (guint k = 0; x->events != NULL && k < x->events->len; k++)
        {
          const CsEvent *p = g_ptr_array_index (x->events, k), *q = g_ptr_array_index (y->events, k);

          g_assert_cmpstr (p->date, ==, q->date);
          g_assert_cmpstr (p->until, ==, q->until);
          g_assert_cmpstr (p->stage, ==, q->stage);
          g_assert_cmpint (p->count, ==, q->count);
          g_assert_cmpint (!!p->planned, ==, !!q->planned);
          g_assert_cmpstr (p->label, ==, q->label);
          g_assert_cmpstr (p->label_en, ==, q->label_en);
          assert_same_sources (p->sources, q->sources);
        }
      if (layout)
        {
          g_assert_cmpint (x->has_position, ==, y->has_position);
          g_assert_cmpint (x->pinned, ==, y->pinned);
          if (x->has_position)
            {
              g_assert_cmpfloat (x->x, ==, y->x);
              g_assert_cmpfloat (x->y, ==, y->y);
            }
        }
    }

  g_assert_cmpuint (cs_graph_get_n_edges (a), ==, cs_graph_get_n_edges (b));
  for (guint i = 0; i < cs_graph_get_n_edges (a); i++)
    {
      const CsEdge *x = cs_graph_get_edge (a, i), *y = cs_graph_get_edge (b, i);

      g_assert_cmpstr (x->id, ==, y->id);
      g_assert_cmpuint (x->source, ==, y->source);
      g_assert_cmpuint (x->target, ==, y->target);
      g_assert_cmpstr (cs_graph_get_relation_name (a, x->relation), ==,
                       cs_graph_get_relation_name (b, y->relation));
      g_assert_cmpstr (x->relation_name, ==, y->relation_name);
      g_assert_cmpstr (x->role, ==, y->role);
      g_assert_cmpstr (x->role_en, ==, y->role_en);
      g_assert_cmpstr (x->note, ==, y->note);
      assert_same_attributes (x->attributes, y->attributes);
      assert_same_sources (x->sources, y->sources);
    }
}

static GPtrArray *
copy_sources (GPtrArray *sources)
{
  GPtrArray *copy = g_ptr_array_new_with_free_func ((GDestroyNotify)cs_source_free);

  for (guint i = 0; sources != NULL && i < sources->len; i++)
    {
      const CsSource *source = g_ptr_array_index (sources, i);

      g_ptr_array_add (copy, cs_source_new (source->file, source->quote));
    }
  return copy;
}

static CsAttribute *
copy_attribute (const CsAttribute *attribute)
{
  CsAttribute *copy = cs_attribute_new (attribute->key);

  for (guint c = 0; c < attribute->claims->len; c++)
    {
      const CsClaim *claim = g_ptr_array_index (attribute->claims, c);
      CsClaim *claim_copy = cs_claim_new ();
      g_autoptr(GPtrArray) sources = copy_sources (claim->sources);

      claim_copy->value = g_strdup (claim->value);
      claim_copy->note = g_strdup (claim->note);
      while (sources->len > 0)
        cs_claim_take_source (claim_copy, g_ptr_array_steal_index (sources, 0));
      cs_attribute_take_claim (copy, claim_copy);
    }
  return copy;
}

/**
 * cs_test_rebuild_graph:
 * @graph: a graph read from a file
 *
 * The same graph built again through a #CsGraphBuilder, as an importer of
 * another format builds one: without the text it was read from, so a
 * writer writes it from the model.
 *
 * Returns: (transfer full): the copy
 */
CsGraph *
cs_test_rebuild_graph (CsGraph *graph)
{
  g_autoptr(CsGraphBuilder) builder = cs_graph_builder_new ();
  guint32 seed = 0;
  gboolean has_seed = cs_graph_get_layout_seed (graph, &seed);

  cs_graph_builder_set_metadata (builder, cs_graph_get_title (graph), cs_graph_get_title_en (graph),
                                 cs_graph_get_description (graph), cs_graph_get_date (graph));
  cs_graph_builder_set_layout (builder, cs_graph_get_layout_algorithm (graph), has_seed, seed);
  cs_graph_builder_take_saved_view (builder, cs_saved_view_copy (cs_graph_get_saved_view (graph)));
  for (guint i = 0; i < cs_graph_get_n_articles (graph); i++)
    {
      const CsArticle *article = cs_graph_get_article (graph, i);
      CsArticle *copy = cs_article_new (article->file);

      copy->title = g_strdup (article->title);
      copy->publisher = g_strdup (article->publisher);
      copy->date = g_strdup (article->date);
      copy->language = g_strdup (article->language);
      cs_graph_builder_take_article (builder, copy);
    }
  for (guint i = 0; i < cs_graph_get_n_nodes (graph); i++)
    {
      const CsNode *node = cs_graph_get_node (graph, i);
      CsNode *copy = cs_node_new ();
      g_autoptr(GPtrArray) sources = copy_sources (node->sources);

      copy->id = g_strdup (node->id);
      copy->label = g_strdup (node->label);
      copy->label_en = g_strdup (node->label_en);
      copy->label_en_outside = node->label_en_outside;
      if (node->aliases[0] != NULL)
        copy->aliases = g_strdupv (node->aliases);
      copy->type = cs_graph_builder_intern_type (builder, cs_graph_get_type_name (graph, node->type));
      copy->description = g_strdup (node->description);
      copy->has_position = node->has_position;
      copy->x = node->x;
      copy->y = node->y;
      copy->pinned = node->pinned;
      for (guint a = 0; node->attributes != NULL && a < node->attributes->len; a++)
        cs_node_take_attribute (copy, copy_attribute (g_ptr_array_index (node->attributes, a)));
      for (guint e = 0; node->events != NULL && e < node->events->len; e++)
        {
          const CsEvent *event = g_ptr_array_index (node->events, e);
          CsEvent *event_copy = cs_event_new ();
          g_autoptr(GPtrArray) event_sources = copy_sources (event->sources);

          event_copy->date = g_strdup (event->date);
          event_copy->until = g_strdup (event->until);
          g_free (event_copy->stage);
          event_copy->stage = g_strdup (event->stage);
          event_copy->count = event->count;
          event_copy->planned = event->planned;
          event_copy->label = g_strdup (event->label);
          event_copy->label_en = g_strdup (event->label_en);
          while (event_sources->len > 0)
            cs_event_take_source (event_copy, g_ptr_array_steal_index (event_sources, 0));
          cs_node_take_event (copy, event_copy);
        }
      while (sources->len > 0)
        cs_node_take_source (copy, g_ptr_array_steal_index (sources, 0));
      g_assert_true (cs_graph_builder_take_node (builder, copy));
    }
  for (guint i = 0; i < cs_graph_get_n_edges (graph); i++)
    {
      const CsEdge *edge = cs_graph_get_edge (graph, i);
      CsEdge *copy = cs_edge_new ();
      g_autoptr(GPtrArray) sources = copy_sources (edge->sources);
      const char *relation = edge->relation_name != NULL
                                 ? edge->relation_name
                                 : cs_graph_get_relation_name (graph, edge->relation);

      copy->id = g_strdup (edge->id);
      copy->source = edge->source;
      copy->target = edge->target;
      copy->relation = cs_graph_builder_intern_relation (builder, relation);
      copy->role = g_strdup (edge->role);
      copy->role_en = g_strdup (edge->role_en);
      copy->note = g_strdup (edge->note);
      for (guint a = 0; edge->attributes != NULL && a < edge->attributes->len; a++)
        cs_edge_take_attribute (copy, copy_attribute (g_ptr_array_index (edge->attributes, a)));
      while (sources->len > 0)
        cs_edge_take_source (copy, g_ptr_array_steal_index (sources, 0));
      cs_graph_builder_take_edge (builder, copy);
    }
  return cs_graph_builder_end (g_steal_pointer (&builder));
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

      remove_tree (child);
    }
  g_dir_close (dir);
  g_rmdir (path);
}

static char *own_state_dir;

static void
remove_own_state_dir (void)
{
  remove_tree (own_state_dir);
  g_clear_pointer (&own_state_dir, g_free);
}

/**
 * cs_test_use_own_state_dir:
 *
 * Points XDG_STATE_HOME, XDG_DATA_HOME and XDG_CACHE_HOME, for this process
 * and the apps it starts, at a new folder removed at exit: a recovery copy
 * an app killed by an earlier run left behind is not offered in this one,
 * nor a layout it kept read. Call it first in main().
 */
void
cs_test_use_own_state_dir (void)
{
  g_assert_null (own_state_dir);
  own_state_dir = g_dir_make_tmp ("cs-test-state-XXXXXX", NULL);
  g_assert_nonnull (own_state_dir);
  g_setenv ("XDG_STATE_HOME", own_state_dir, TRUE);
  /* the recent files too */
  {
    g_autofree char *data = g_build_filename (own_state_dir, "data", NULL);

    g_setenv ("XDG_DATA_HOME", data, TRUE);
  }
  /* and the layout cache: a layout kept by an earlier run is not read */
  {
    g_autofree char *cache = g_build_filename (own_state_dir, "cache", NULL);

    g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  }
  atexit (remove_own_state_dir);
}

/* Where the layout of @graph by this very test program is kept between
 * runs: a name made of the program's own bytes (the layout code is linked
 * in statically) and of @graph written out whole, so a change to either
 * is a new name; NULL when the program cannot be read */
static char *
layout_cache_path (CsGraph *graph)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GBytes) written = cs_consortia_writer_to_bytes (graph, NULL, NULL, NULL, -1, NULL);
  g_autofree char *exe = NULL;
  g_autofree char *name = NULL;
  gsize length;
  const char *builddir = g_getenv ("G_TEST_BUILDDIR");

  if (builddir == NULL || written == NULL ||
      !g_file_get_contents ("/proc/self/exe", &exe, &length, NULL))
    return NULL;
  g_checksum_update (checksum, (const guchar *)exe, length);
  g_checksum_update (checksum, g_bytes_get_data (written, NULL), g_bytes_get_size (written));
  name = g_strdup_printf ("%s.positions", g_checksum_get_string (checksum));
  return g_build_filename (builddir, "layout-cache", name, NULL);
}

static CsPositions *
read_cached_layout (const char *path,
                    guint       n_nodes)
{
  g_autofree char *data = NULL;
  gsize length;

  if (path == NULL || !g_file_get_contents (path, &data, &length, NULL) ||
      length != 2 * (gsize)n_nodes * sizeof (double))
    return NULL;
  return cs_positions_new (n_nodes, (const double *)data);
}

/**
 * cs_test_default_layout:
 * @graph: a graph
 * @name: what @graph was read from
 *
 * The layout the window would compute for @graph, computed once per
 * process for each @name: layouts are deterministic, and the tests that
 * only need positions need not pay for one each (many times over under
 * valgrind). The positions are also kept in the build folder, named by
 * this test program's bytes and @graph's, so the runs of the same build
 * under valgrind and beside it compute each once (the thorough consortia
 * layout of the bundled graph takes some 30 s under valgrind); test-layout
 * computes every layout itself.
 *
 * Returns: (transfer full): the positions
 */
CsPositions *
cs_test_default_layout (CsGraph    *graph,
                        const char *name)
{
  static GHashTable *layouts;
  CsPositions *positions;

  if (layouts == NULL)
    layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                     (GDestroyNotify)cs_positions_unref);
  positions = g_hash_table_lookup (layouts, name);
  if (positions == NULL)
    {
      g_autofree char *path = layout_cache_path (graph);

      positions = read_cached_layout (path, cs_graph_get_n_nodes (graph));
      if (positions == NULL)
        {
          g_autoptr(CsLayoutParams) params = cs_layout_params_new_for_graph (graph);
          g_autoptr(GError) error = NULL;

          positions = cs_layout_run (graph, params, NULL, &error);
          g_assert_no_error (error);
          if (path != NULL)
            {
              g_autofree char *dir = g_path_get_dirname (path);

              /* atomic: tests running side by side may write it at once */
              g_mkdir_with_parents (dir, 0755);
              g_file_set_contents (path, (const char *)cs_positions_get_xy (positions),
                                   2 * cs_positions_get_n_nodes (positions) * sizeof (double),
                                   NULL);
            }
        }
      g_hash_table_insert (layouts, g_strdup (name), positions);
    }
  g_assert_cmpuint (cs_positions_get_n_nodes (positions), ==, cs_graph_get_n_nodes (graph));
  return cs_positions_ref (positions);
}

/* Under valgrind or a sanitizer (tests/meson.build sets CS_TEST_BOUNDED)
 * the tests that repeat a check many times repeat it fewer times: they
 * look for memory errors, which the first runs show, at five to fifty
 * times the cost. */
gboolean
cs_test_bounded (void)
{
  return g_getenv ("CS_TEST_BOUNDED") != NULL;
}

/* the app ends with the test, even when an assertion aborts it; its
 * messages go to a file the test reads when it ends early */
static void
start_app_child_setup (gpointer data)
{
  int fd = open (data, O_WRONLY | O_CREAT | O_TRUNC, 0600);

  prctl (PR_SET_PDEATHSIG, SIGTERM);
  if (fd >= 0)
    {
      dup2 (fd, STDERR_FILENO);
      close (fd);
    }
}

/**
 * cs_test_start_app:
 * @argv: the app and its arguments
 * @envp: (nullable): its environment, or %NULL for the test's
 * @out_window: (out) (optional): the X id of its visible window
 *
 * Starts the app and waits up to 30 s for its visible window. An app that
 * ends first fails the test with what it printed; one that could not
 * reach the X server at all ("cannot open display": a busy Xvfb on a
 * loaded machine refuses a connection now and then) is started again, at
 * most three times in all.
 *
 * Returns: the app's process, not reaped
 */
GPid
cs_test_start_app (const char *const  *argv,
                   char              **envp,
                   char              **out_window)
{
  g_autofree char *xdotool = cs_test_find_program ("XDOTOOL", "xdotool");
  g_autofree char *dir = g_dir_make_tmp ("cs-app-XXXXXX", NULL);
  g_autofree char *log = g_build_filename (dir, "stderr.txt", NULL);

  g_assert_nonnull (argv[0]);
  g_assert_nonnull (xdotool);
  for (guint attempt = 1;; attempt++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *pid_text = NULL;
      gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
      gboolean retry = FALSE;
      GPid pid;

      g_assert_true (g_spawn_async (NULL, (char **)argv, envp,
                                    G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL,
                                    start_app_child_setup, log, &pid, &error));
      g_assert_no_error (error);
      pid_text = g_strdup_printf ("%d", pid);
      for (;;)
        {
          const char *search[] = { xdotool, "search", "--onlyvisible", "--pid", pid_text, NULL };
          g_autofree char *id = NULL;
          int status;

          if (cs_test_run_tool (search, &id) && id[0] != '\0')
            {
              g_strstrip (id);
              g_assert_null (strchr (id, '\n'));
              if (out_window != NULL)
                *out_window = g_steal_pointer (&id);
              g_unlink (log);
              g_rmdir (dir);
              return pid;
            }
          if (waitpid (pid, &status, WNOHANG) == pid)
            {
              g_autofree char *printed = NULL;

              g_spawn_close_pid (pid);
              g_file_get_contents (log, &printed, NULL, NULL);
              g_test_message ("the app ended before its window showed (status %d):\n%s",
                              status, printed != NULL ? printed : "");
              g_assert_nonnull (printed);
              g_assert_nonnull (strstr (printed, "cannot open display"));
              g_assert_cmpuint (attempt, <, 3);
              retry = TRUE;
              break;
            }
          g_assert_cmpint (g_get_monotonic_time (), <, deadline);
          g_usleep (50 * 1000);
        }
      if (retry)
        g_usleep (500 * 1000);
    }
}
