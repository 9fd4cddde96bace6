/* test-labels.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-export.h"
#include "cs-layout.h"
#include "cs-renderer.h"
#include "test-support.h"

#include <math.h>

/* What a reader can rely on in the picture of the bundled graph: the
 * names that are always there, their size and room, roles on links,
 * consortia told apart by colour, the legend's entries. */

typedef struct
{
  CsGraph       *graph;
  CsPositions   *positions;
  CsRenderStyle  style;
} Fixture;

/* the bundled graph's default layout, computed once for every test: the
 * thorough consortia layout is the slowest part under valgrind */

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->graph = cs_test_load_graph ("bundled", BUNDLED_GRAPH);
  f->positions = cs_test_default_layout (f->graph, BUNDLED_GRAPH);
  cs_render_style_init_default (&f->style, FALSE);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  cs_render_style_clear (&f->style);
  cs_positions_unref (f->positions);
  g_assert_finalize_object (f->graph);
}

static guint
node (Fixture    *f,
      const char *id)
{
  guint index = G_MAXUINT;

  g_assert_true (cs_graph_lookup (f->graph, id, &index));
  return index;
}

static gboolean
bounds_overlap (const CsBounds *a,
                const CsBounds *b)
{
  return a->x0 < b->x1 && b->x0 < a->x1 && a->y0 < b->y1 && b->y0 < a->y1;
}

/* distance from a point to a box, 0 inside */
static double
box_distance (const CsBounds *b,
              double          x,
              double          y)
{
  double dx = MAX (MAX (b->x0 - x, 0), x - b->x1);
  double dy = MAX (MAX (b->y0 - y, 0), y - b->y1);

  return hypot (dx, dy);
}

/* draws @scene on a surface of its size, recording names and roles */
static void
draw_scene (CsScene *scene,
            GArray  *labels,
            GArray  *roles)
{
  cairo_surface_t *surface = cairo_image_surface_create (
      CAIRO_FORMAT_ARGB32, (int)cs_scene_get_width (scene), (int)cs_scene_get_height (scene));
  cairo_t *cr = cairo_create (surface);

  cs_scene_set_placed_labels (scene, labels);
  cs_scene_set_placed_roles (scene, roles);
  cs_renderer_draw (cr, scene);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cs_scene_set_placed_labels (scene, NULL);
  cs_scene_set_placed_roles (scene, NULL);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
zoom_about_middle (CsScene *scene,
                   double   factor)
{
  double w = cs_scene_get_width (scene) / 2, h = cs_scene_get_height (scene) / 2;

  cs_scene_set_transform (scene, cs_scene_get_zoom (scene) * factor,
                          w - (w - cs_scene_get_offset_x (scene)) * factor,
                          h - (h - cs_scene_get_offset_y (scene)) * factor);
}

/* Every name that must be shown is, for each such node on screen; names
 * are 11 px or more; a name not forced covers no other name and no node.
 * Returns how many were forced. */
static guint
check_labels (CsScene *scene,
              GArray  *labels,
              gboolean all_must_be_in_view)
{
  CsGraph *graph = cs_scene_get_graph (scene);
  guint n_nodes = cs_graph_get_n_nodes (graph), n_forced = 0, n_guaranteed = 0;
  g_autofree guint *times = g_new0 (guint, n_nodes);
  double zoom = cs_scene_get_zoom (scene);

  for (guint k = 0; k < labels->len; k++)
    {
      const CsPlacedLabel *a = &g_array_index (labels, CsPlacedLabel, k);

      times[a->node]++;
      /* 11 px text is at least 11 px tall */
      g_assert_cmpfloat (a->bounds.y1 - a->bounds.y0, >=, 11.0);
      g_assert_cmpfloat (a->bounds.y1 - a->bounds.y0, <=, 20.0 * 1.6);
      n_forced += a->forced;
      if (a->forced)
        continue;
      for (guint j = 0; j < labels->len; j++)
        if (j != k)
          g_assert_false (bounds_overlap (&a->bounds, &g_array_index (labels, CsPlacedLabel, j).bounds));
      for (guint i = 0; i < n_nodes; i++)
        {
          double x, y;

          if (i == a->node || !cs_scene_is_node_shown (scene, i))
            continue;
          cs_scene_node_to_device (scene, i, &x, &y);
          /* a node's disc, a little inside its drawn reach */
          g_assert_cmpfloat (box_distance (&a->bounds, x, y), >=,
                             0.9 * cs_scene_get_node_radius (scene, i) * zoom);
        }
    }
  for (guint i = 0; i < n_nodes; i++)
    {
      double x, y;

      g_assert_cmpuint (times[i], <=, 1);
      cs_scene_node_to_device (scene, i, &x, &y);
      if (!cs_scene_get_label_guaranteed (scene, i) || !cs_scene_is_node_shown (scene, i))
        continue;
      if (x < 0 || y < 0 || x > cs_scene_get_width (scene) || y > cs_scene_get_height (scene))
        {
          g_assert_false (all_must_be_in_view);
          continue;
        }
      n_guaranteed++;
      if (times[i] != 1)
        g_error ("%s is not named", cs_scene_get_label (scene, i));
    }
  g_assert_cmpuint (n_guaranteed, >, 0);
  return n_forced;
}

static void
test_guaranteed_every_zoom (Fixture       *f,
                            gconstpointer  data)
{
  const double zooms[] = { 0.05, 0.2, 0.5, 1.0, 2.0, 4.0, 8.0 };

  for (guint z = 0; z < G_N_ELEMENTS (zooms); z++)
    {
      /* bounded: the farthest, the fit and the nearest */
      if (cs_test_bounded () && zooms[z] != 0.05 && zooms[z] != 1.0 && zooms[z] != 8.0)
        continue;

      g_autoptr(CsScene) scene =
          cs_scene_new (f->graph, f->positions, NULL, NULL, &f->style, 1200, 800);
      g_autoptr(GArray) labels = g_array_new (FALSE, FALSE, sizeof (CsPlacedLabel));
      guint forced;

      cs_scene_fit (scene, 20);
      zoom_about_middle (scene, zooms[z]);
      draw_scene (scene, labels, NULL);
      forced = check_labels (scene, labels, zooms[z] <= 1.0);
      g_test_message ("zoom ×%.2f of fit: %u names, %u forced, size %.1f px", zooms[z], labels->len,
                      forced, cs_scene_get_label_size (scene));
      g_assert_cmpfloat (cs_scene_get_label_size (scene), >=, 11.0);
      g_assert_cmpfloat (cs_scene_get_label_size (scene), <=, 20.0);
    }
}

/* A filter that leaves only the consortia names them all; the selected
 * node's name keeps clear of its ring. */
static void
test_filtered_and_selected (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(CsViewState) view = cs_view_state_new ();
  g_autoptr(CsScene) scene = NULL;
  g_autoptr(GArray) labels = g_array_new (FALSE, FALSE, sizeof (CsPlacedLabel));
  g_autoptr(CsFilter) filter = NULL;
  guint upstage = node (f, "team-upstage"), bionexus = node (f, "team-bionexus");
  gboolean named_upstage = FALSE, named_bionexus = FALSE;
  double x, y, r;

  cs_view_state_set_graph (view, f->graph);
  filter = cs_filter_new ();
  for (guint t = 0; t < cs_graph_get_n_types (f->graph); t++)
    if (t != CS_NODE_TYPE_CONSORTIUM)
      cs_filter_set_type_shown (filter, cs_graph_get_type_name (f->graph, t), FALSE);
  cs_view_state_set_filter (view, filter);
  cs_view_state_select_node (view, upstage, CS_SELECTION_REPLACE);
  scene = cs_scene_new (f->graph, f->positions, NULL, view, &f->style, 1200, 800);
  cs_scene_fit (scene, 20);
  draw_scene (scene, labels, NULL);
  check_labels (scene, labels, TRUE);
  cs_scene_node_to_device (scene, upstage, &x, &y);
  r = cs_scene_get_node_radius (scene, upstage) * cs_scene_get_zoom (scene);
  for (guint k = 0; k < labels->len; k++)
    {
      const CsPlacedLabel *a = &g_array_index (labels, CsPlacedLabel, k);

      if (a->node == upstage)
        {
          named_upstage = TRUE;
          /* the ring reaches 6.5 px past the node */
          g_assert_cmpfloat (box_distance (&a->bounds, x, y), >=, r + 6.5);
        }
      named_bionexus |= a->node == bionexus;
    }
  g_assert_true (named_upstage);
  g_assert_true (named_bionexus);
  g_assert_false (cs_scene_is_node_shown (scene, node (f, "skt")));
}

/* Only the names that must be shown at density 0; more as it rises. */
static void
test_density (Fixture       *f,
              gconstpointer  data)
{
  const double densities[] = { 0.0, 0.5, 1.0 };
  guint counts[3];

  for (guint d = 0; d < 3; d++)
    {
      g_autoptr(CsViewState) view = cs_view_state_new ();
      g_autoptr(CsScene) scene = NULL;
      g_autoptr(GArray) labels = g_array_new (FALSE, FALSE, sizeof (CsPlacedLabel));

      cs_view_state_set_graph (view, f->graph);
      cs_view_state_set_label_density (view, densities[d]);
      scene = cs_scene_new (f->graph, f->positions, NULL, view, &f->style, 1600, 1200);
      cs_scene_fit (scene, 20);
      draw_scene (scene, labels, NULL);
      counts[d] = labels->len;
      if (d == 0)
        for (guint k = 0; k < labels->len; k++)
          g_assert_true (cs_scene_get_label_guaranteed (
              scene, g_array_index (labels, CsPlacedLabel, k).node));
      g_test_message ("density %.1f: %u names", densities[d], labels->len);
    }
  g_assert_cmpuint (counts[0], <, counts[1]);
  g_assert_cmpuint (counts[1], <, counts[2]);
}

/* The dataset's own title at A4 landscape, in PNG and PDF: the names stay,
 * clear of the title and legend. */
static void
test_long_title_export (Fixture       *f,
                        gconstpointer  data)
{
  const CsExportFormat formats[] = { CS_EXPORT_FORMAT_PNG, CS_EXPORT_FORMAT_PDF };

  for (guint k = 0; k < G_N_ELEMENTS (formats); k++)
    {
      CsExportOptions options;
      g_autoptr(CsScene) scene = NULL;
      g_autoptr(GArray) labels = g_array_new (FALSE, FALSE, sizeof (CsPlacedLabel));
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      CsBounds area;
      guint forced;

      cs_export_options_init (&options);
      options.format = formats[k];
      options.width = 1123;
      options.height = 794;
      options.title = TRUE;
      options.legend = TRUE;
      scene = cs_export_build_scene (f->graph, f->positions, NULL, NULL, &options);
      g_assert_nonnull (cs_scene_get_title (scene));
      g_assert_cmpuint (strlen (cs_scene_get_title (scene)), >, 20);
      cs_scene_set_placed_labels (scene, labels);
      bytes = cs_export_scene_to_bytes (scene, &options, NULL, &error);
      g_assert_no_error (error);
      cs_scene_set_placed_labels (scene, NULL);
      forced = check_labels (scene, labels, TRUE);
      cs_scene_get_graph_area (scene, 0, &area);
      for (guint i = 0; i < labels->len; i++)
        {
          const CsBounds *b = &g_array_index (labels, CsPlacedLabel, i).bounds;

          /* in the part the title and legend leave */
          g_assert_true (b->x0 >= area.x0 - 0.5 || b->y0 >= area.y0 - 0.5);
        }
      g_test_message ("%s with the title: %u names, %u forced",
                      formats[k] == CS_EXPORT_FORMAT_PNG ? "PNG" : "PDF", labels->len, forced);
      g_assert_cmpuint (labels->len, >=, 30);
    }
}

/* Hovering brings the names the picture shows forward where they are: no
 * node is named twice, and none moves. */
static void
test_focus_not_doubled (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(CsScene) scene = cs_scene_new (f->graph, f->positions, NULL, NULL, &f->style, 1200, 800);
  g_autoptr(GArray) base = g_array_new (FALSE, FALSE, sizeof (CsPlacedLabel));
  g_autoptr(GArray) focused = g_array_new (FALSE, FALSE, sizeof (CsPlacedLabel));
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1200, 800);
  cairo_t *cr = cairo_create (surface);
  CsRenderFocus focus = { .hover = (int)node (f, "team-skt") };
  guint n_nodes = cs_graph_get_n_nodes (f->graph), moved = 0, kept = 0;
  g_autofree int *at = g_new (int, n_nodes);
  g_autofree guint *times = g_new0 (guint, n_nodes);

  cs_scene_fit (scene, 20);
  cs_scene_set_placed_labels (scene, base);
  cs_renderer_draw (cr, scene);
  cs_scene_set_placed_labels (scene, focused);
  cs_renderer_draw_focus (cr, scene, &focus);
  cs_scene_set_placed_labels (scene, NULL);
  for (guint i = 0; i < n_nodes; i++)
    at[i] = -1;
  for (guint k = 0; k < base->len; k++)
    at[g_array_index (base, CsPlacedLabel, k).node] = k;
  /* the focus records only names it had to place anew */
  for (guint k = 0; k < focused->len; k++)
    {
      const CsPlacedLabel *a = &g_array_index (focused, CsPlacedLabel, k);

      times[a->node]++;
      g_assert_cmpuint (times[a->node], ==, 1);
      moved += at[a->node] >= 0;
    }
  for (guint i = 0; i < n_nodes; i++)
    kept += at[i] >= 0 && times[i] == 0;
  g_test_message ("focus on SK Telecom's consortium: %u names placed anew, %u shown where they were",
                  focused->len, kept);
  g_assert_cmpuint (moved, ==, 0);
  g_assert_cmpuint (kept, >, 5);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static guint
count_roles (Fixture        *f,
             CsViewState    *view,
             double          zoom,
             guint           centre,
             gboolean        roles_flag,
             GArray         *roles)
{
  g_autoptr(CsScene) scene = cs_scene_new (f->graph, f->positions, NULL, view, &f->style, 1200, 800);
  double x, y;

  cs_scene_fit (scene, 20);
  if (!roles_flag)
    cs_scene_set_flags (scene, cs_scene_get_flags (scene) & ~CS_RENDER_ROLES);
  if (zoom > 0)
    {
      cs_scene_set_transform (scene, zoom, 0, 0);
      cs_scene_node_to_device (scene, centre, &x, &y);
      cs_scene_set_transform (scene, zoom, 600 - x, 400 - y);
    }
  draw_scene (scene, NULL, roles);
  for (guint k = 0; k < roles->len; k++)
    {
      guint e = g_array_index (roles, CsPlacedRole, k).edge;

      g_assert_nonnull (cs_scene_get_role (scene, e));
    }
  return roles->len;
}

/* Roles are written on links when zoomed in, or at any zoom for a
 * consortium selected or highlighted; not with the layer off; in English
 * when the labels are. */
static void
test_roles_on_links (Fixture       *f,
                     gconstpointer  data)
{
  guint skt = node (f, "team-skt");
  g_autoptr(GArray) roles = g_array_new (FALSE, FALSE, sizeof (CsPlacedRole));
  g_autoptr(CsViewState) view = cs_view_state_new ();
  guint n;

  cs_view_state_set_graph (view, f->graph);
  /* at the fitted zoom, nothing selected: none */
  g_assert_cmpuint (count_roles (f, view, 0, skt, TRUE, roles), ==, 0);
  /* zoomed into SK Telecom's consortium */
  g_array_set_size (roles, 0);
  n = count_roles (f, view, 2.0, skt, TRUE, roles);
  g_test_message ("zoom 2 on SK Telecom's consortium: %u roles", n);
  g_assert_cmpuint (n, >=, 4);
  g_array_set_size (roles, 0);
  g_assert_cmpuint (count_roles (f, view, 2.0, skt, FALSE, roles), ==, 0);

  /* selected at the fitted zoom: only its members' roles, where they fit */
  cs_view_state_select_node (view, skt, CS_SELECTION_REPLACE);
  g_array_set_size (roles, 0);
  n = count_roles (f, view, 0, skt, TRUE, roles);
  g_test_message ("SK Telecom's consortium selected, whole graph in view: %u roles", n);
  g_assert_cmpuint (n, >=, 1);
  for (guint k = 0; k < roles->len; k++)
    {
      const CsEdge *e = cs_graph_get_edge (f->graph, g_array_index (roles, CsPlacedRole, k).edge);

      g_assert_true (e->source == skt || e->target == skt);
    }

  /* an export of the consortium shows them */
  {
    CsExportOptions options;
    g_autoptr(CsScene) scene = NULL;
    g_autoptr(GBytes) bytes = NULL;

    cs_export_options_init (&options);
    options.scope = CS_EXPORT_SCOPE_SELECTION;
    options.width = 1200;
    options.height = 800;
    scene = cs_export_build_scene (f->graph, f->positions, NULL, view, &options);
    g_array_set_size (roles, 0);
    cs_scene_set_placed_roles (scene, roles);
    bytes = cs_export_scene_to_bytes (scene, &options, NULL, NULL);
    g_assert_nonnull (bytes);
    cs_scene_set_placed_roles (scene, NULL);
    g_test_message ("export of SK Telecom's consortium: %u roles", roles->len);
    g_assert_cmpuint (roles->len, >=, 6);
  }

  /* in English */
  cs_view_state_set_label_language (view, CS_LABEL_LANGUAGE_ENGLISH);
  {
    g_autoptr(CsScene) scene = cs_scene_new (f->graph, f->positions, NULL, view, &f->style, 1200, 800);
    gboolean english = FALSE;

    for (guint e = 0; e < cs_graph_get_n_edges (f->graph); e++)
      if (cs_graph_get_edge (f->graph, e)->role_en != NULL)
        {
          g_assert_cmpstr (cs_scene_get_role (scene, e), ==, cs_graph_get_edge (f->graph, e)->role_en);
          english = TRUE;
        }
    g_assert_true (english);
  }

  /* a highlight from the legend shows them too */
  cs_view_state_select_node (view, -1, CS_SELECTION_REPLACE);
  cs_view_state_set_highlight (view, CS_HIGHLIGHT_CONSORTIUM, skt);
  g_array_set_size (roles, 0);
  g_assert_cmpuint (count_roles (f, view, 0, skt, TRUE, roles), >=, 1);
  for (guint k = 0; k < roles->len; k++)
    {
      const CsEdge *e = cs_graph_get_edge (f->graph, g_array_index (roles, CsPlacedRole, k).edge);

      g_assert_true (e->source == skt || e->target == skt);
    }
}

static void
to_lab (const CsColor *c,
        double        *lab)
{
  double rgb[3] = { c->red, c->green, c->blue }, xyz[3], f[3];
  const double white[3] = { 0.95047, 1.0, 1.08883 };

  for (guint i = 0; i < 3; i++)
    rgb[i] = rgb[i] <= 0.04045 ? rgb[i] / 12.92 : pow ((rgb[i] + 0.055) / 1.055, 2.4);
  xyz[0] = 0.4124 * rgb[0] + 0.3576 * rgb[1] + 0.1805 * rgb[2];
  xyz[1] = 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
  xyz[2] = 0.0193 * rgb[0] + 0.1192 * rgb[1] + 0.9505 * rgb[2];
  for (guint i = 0; i < 3; i++)
    {
      double t = xyz[i] / white[i];

      f[i] = t > 0.008856 ? cbrt (t) : 7.787 * t + 16.0 / 116;
    }
  lab[0] = 116 * f[1] - 16;
  lab[1] = 500 * (f[0] - f[1]);
  lab[2] = 200 * (f[1] - f[2]);
}

/* Twelve consortium colours, each clearly apart from every other (CIE76
 * ΔE ≥ 15) on light and dark backgrounds; the bundled graph's twelve
 * consortia take all twelve. */
static void
test_consortium_colours (Fixture       *f,
                         gconstpointer  data)
{
  for (guint dark = 0; dark < 2; dark++)
    {
      CsRenderStyle style;
      g_autoptr(CsScene) scene = NULL;
      g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      double least = G_MAXDOUBLE;

      cs_render_style_init_default (&style, dark);
      g_assert_cmpuint (G_N_ELEMENTS (style.hulls), >=, 12);
      for (guint a = 0; a < G_N_ELEMENTS (style.hulls); a++)
        for (guint b = a + 1; b < G_N_ELEMENTS (style.hulls); b++)
          {
            double la[3], lb[3];

            to_lab (&style.hulls[a], la);
            to_lab (&style.hulls[b], lb);
            least = MIN (least, sqrt ((la[0] - lb[0]) * (la[0] - lb[0]) +
                                      (la[1] - lb[1]) * (la[1] - lb[1]) +
                                      (la[2] - lb[2]) * (la[2] - lb[2])));
          }
      g_test_message ("%s palette: least ΔE76 between two consortium colours %.1f",
                      dark ? "dark" : "light", least);
      g_assert_cmpfloat (least, >=, 15);

      scene = cs_scene_new (f->graph, f->positions, NULL, NULL, &style, 800, 600);
      for (guint i = 0; i < cs_graph_get_n_nodes (f->graph); i++)
        {
          CsColor c;

          if (cs_graph_get_node (f->graph, i)->type != CS_NODE_TYPE_CONSORTIUM)
            continue;
          g_assert_cmpint (cs_scene_get_consortium_color (scene, i, &c), >=, 0);
          g_hash_table_add (seen, g_strdup_printf ("%.3f,%.3f,%.3f", c.red, c.green, c.blue));
          /* the consortium node wears its colour */
          g_assert_cmpfloat (fabs (cs_scene_get_node_style (scene, i)->fill.red - c.red), <, 1e-6);
        }
      g_assert_cmpuint (g_hash_table_size (seen), ==, 12);
      cs_render_style_clear (&style);
    }
}

static gboolean
near_color (const CsColor *a,
            const CsColor *b,
            double         tolerance)
{
  return fabs (a->red - b->red) < tolerance && fabs (a->green - b->green) < tolerance &&
         fabs (a->blue - b->blue) < tolerance;
}

/* An organisation in several consortia wears a ring with each one's
 * colour; a lead, one in its own. */
static void
test_membership_rings (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(CsScene) scene = cs_scene_new (f->graph, f->positions, NULL, NULL, &f->style, 1200, 900);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1200, 900);
  cairo_t *cr = cairo_create (surface);
  const char *ids[] = { "kaist", "skt" };
  CsScene *s = scene;

  cs_scene_fit (scene, 20);
  /* close enough that rings are a few pixels wide */
  cs_scene_set_transform (scene, 3 * cs_scene_get_zoom (scene), 0, 0);
  for (guint k = 0; k < G_N_ELEMENTS (ids); k++)
    {
      guint i = node (f, ids[k]), n_places;
      const guint *places = cs_scene_get_node_consortia (s, i, &n_places);
      double x, y, r;

      cs_scene_node_to_device (s, i, &x, &y);
      cs_scene_set_transform (s, cs_scene_get_zoom (s), cs_scene_get_offset_x (s) + 600 - x,
                              cs_scene_get_offset_y (s) + 450 - y);
      cairo_save (cr);
      cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
      cairo_paint (cr);
      cairo_restore (cr);
      cs_renderer_draw (cr, s);
      cairo_surface_flush (surface);
      cs_scene_node_to_device (s, i, &x, &y);
      r = cs_scene_get_node_radius (s, i) * cs_scene_get_zoom (s);
      g_assert_cmpuint (n_places, >=, 1);
      if (k == 0)
        g_assert_cmpuint (n_places, >=, 2);
      for (guint p = 0; p < n_places; p++)
        {
          CsColor want = { 0 };
          guint found = 0;
          guint consortium = G_MAXUINT;

          /* the consortium node at that place */
          for (guint c = 0; c < cs_graph_get_n_nodes (f->graph) && consortium == G_MAXUINT; c++)
            {
              CsColor cc;

              if (cs_scene_get_consortium_color (s, c, &cc) == (int)places[p] &&
                  cs_graph_get_node (f->graph, c)->type == CS_NODE_TYPE_CONSORTIUM)
                {
                  consortium = c;
                  want = cc;
                }
            }
          g_assert_cmpuint (consortium, !=, G_MAXUINT);
          for (int a = 0; a < 360; a += 3)
            for (double d = r; d < r + 14; d += 0.5)
              {
                CsColor px;

                cs_test_read_pixel (surface, x + d * cos (a * G_PI / 180),
                                    y + d * sin (a * G_PI / 180), &px);
                found += near_color (&px, &want, 0.06);
              }
          g_test_message ("%s: %u ring pixels in the colour of %s", ids[k], found,
                          cs_scene_get_label (s, consortium));
          g_assert_cmpuint (found, >, 8);
        }
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* A consortium highlighted from the legend stays as it is; the rest fades. */
static void
test_highlight_fades (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(CsViewState) view = cs_view_state_new ();
  g_autoptr(CsScene) scene = NULL;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1200, 800);
  cairo_t *cr = cairo_create (surface);
  guint skt = node (f, "team-skt"), member = node (f, "krafton"), other = node (f, "team-kt");
  CsColor px;
  double x, y;

  cs_view_state_set_graph (view, f->graph);
  cs_view_state_set_highlight (view, CS_HIGHLIGHT_CONSORTIUM, skt);
  scene = cs_scene_new (f->graph, f->positions, NULL, view, &f->style, 1200, 800);
  cs_scene_fit (scene, 20);
  g_assert_true (cs_scene_is_node_lit (scene, skt));
  g_assert_true (cs_scene_is_node_lit (scene, member));
  g_assert_false (cs_scene_is_node_lit (scene, other));
  cs_renderer_draw (cr, scene);
  cairo_surface_flush (surface);
  cs_scene_node_to_device (scene, member, &x, &y);
  cs_test_assert_color (surface, x, y, &cs_scene_get_node_style (scene, member)->fill, 2 / 255.0);
  cs_scene_node_to_device (scene, other, &x, &y);
  cs_test_read_pixel (surface, x, y, &px);
  g_assert_false (near_color (&px, &cs_scene_get_node_style (scene, other)->fill, 0.1));
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* The canvas's legend: a header that folds it, an entry per kind of node,
 * kind of link and consortium the picture shows; an export's has no
 * header. */
static void
test_legend_entries (Fixture       *f,
                     gconstpointer  data)
{
  for (guint folded = 0; folded < 2; folded++)
    {
      g_autoptr(CsViewState) view = cs_view_state_new ();
      g_autoptr(CsScene) scene = NULL;
      g_autoptr(GHashTable) types = g_hash_table_new (NULL, NULL);
      g_autoptr(GHashTable) relations = g_hash_table_new (NULL, NULL);
      g_autoptr(GHashTable) consortia = g_hash_table_new (NULL, NULL);
      guint toggles = 0, in_box = 0;

      cs_view_state_set_graph (view, f->graph);
      cs_view_state_set_legend_collapsed (view, folded);
      scene = cs_scene_new (f->graph, f->positions, NULL, view, &f->style, 1400, 900);
      cs_scene_set_flags (scene, cs_scene_get_flags (scene) | CS_RENDER_OVERLAYS_APART);
      /* rows are 18 px tall, columns about 150 px wide */
      for (double y = 0; y < 600; y += cs_test_bounded () ? 9 : 6)
        for (double x = 0; x < 450; x += cs_test_bounded () ? 32 : 16)
          {
            guint id = G_MAXUINT;

            switch (cs_renderer_legend_hit_test (scene, x, y, &id))
              {
              case CS_LEGEND_HIT_TOGGLE:
                toggles++;
                break;
              case CS_LEGEND_HIT_TYPE:
                g_hash_table_add (types, GUINT_TO_POINTER (id));
                break;
              case CS_LEGEND_HIT_RELATION:
                g_hash_table_add (relations, GUINT_TO_POINTER (id));
                break;
              case CS_LEGEND_HIT_CONSORTIUM:
                g_assert_cmpint (cs_graph_get_node (f->graph, id)->type, ==,
                                 CS_NODE_TYPE_CONSORTIUM);
                g_hash_table_add (consortia, GUINT_TO_POINTER (id));
                break;
              case CS_LEGEND_HIT_BOX:
                in_box++;
                break;
              case CS_LEGEND_HIT_NONE:
              default:
                break;
              }
          }
      g_assert_cmpuint (toggles, >, 0);
      if (folded)
        {
          g_assert_cmpuint (g_hash_table_size (types) + g_hash_table_size (relations) +
                                g_hash_table_size (consortia), ==, 0);
        }
      else
        {
          /* the bundled graph has twelve kinds of node, fourteen kinds of
           * link (two of them its own: judges, compared_with) and twelve
           * consortia */
          g_assert_cmpuint (g_hash_table_size (types), ==, 12);
          g_assert_cmpuint (g_hash_table_size (relations), ==, 14);
          g_assert_cmpuint (g_hash_table_size (consortia), ==, 12);
        }
    }
  {
    g_autoptr(CsScene) exported = cs_scene_new (f->graph, f->positions, NULL, NULL, &f->style, 1400, 900);

    for (double y = 0; y < 60; y += 3)
      for (double x = 0; x < 200; x += 10)
        g_assert_cmpint (cs_renderer_legend_hit_test (exported, x, y, NULL), !=,
                         CS_LEGEND_HIT_TOGGLE);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/cs/labels/guaranteed-every-zoom", test_guaranteed_every_zoom);
  ADD ("/cs/labels/filtered-and-selected", test_filtered_and_selected);
  ADD ("/cs/labels/density", test_density);
  ADD ("/cs/labels/long-title-export", test_long_title_export);
  ADD ("/cs/labels/focus-not-doubled", test_focus_not_doubled);
  ADD ("/cs/labels/roles-on-links", test_roles_on_links);
  ADD ("/cs/render/consortium-colours", test_consortium_colours);
  ADD ("/cs/render/membership-rings", test_membership_rings);
  ADD ("/cs/render/highlight-fades", test_highlight_fades);
  ADD ("/cs/render/legend-entries", test_legend_entries);
#undef ADD

  return g_test_run ();
}
