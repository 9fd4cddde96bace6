/* cs-focus.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-renderer.h"

#include "cs-render-private.h"

/* Focus: the hovered node's links come forward with their roles, the rest
 * of the picture fades; selected nodes get a ring. Drawn over the kept
 * picture, so only this is redrawn as the pointer moves. */

/* A hub's links all come forward, but only its best-connected neighbours
 * are named and only their links' roles shown: past a few hundred names
 * there is no room for more, and placing them would cost more than the
 * pointer's next move allows. */
#define FOCUS_MAX_NAMES 300
#define FOCUS_MAX_ROLES 300

typedef struct
{
  guint edge;   /* index into the hovered node's incident edges */
  guint other;  /* the node at its other end */
  guint degree; /* that node's degree */
} FocusLink;

static int
compare_links (const void *a,
               const void *b)
{
  const FocusLink *la = a, *lb = b;

  if (la->degree != lb->degree)
    return la->degree > lb->degree ? -1 : 1;
  return la->edge < lb->edge ? -1 : la->edge > lb->edge;
}

static void
draw_hover (cairo_t       *cr,
            const CsScene *scene,
            guint          hover,
            double         size)
{
  const CsSceneContent *content = scene->content;
  CsGraph *graph = content->graph;
  guint n_edges, n_links = 0, n_named = 0, n_roles = 0;
  const guint *edges = cs_graph_get_incident_edges (graph, hover, &n_edges);
  g_autofree double *mid = g_new (double, 2 * MAX (n_edges, 1));
  g_autofree FocusLink *links = g_new (FocusLink, MAX (n_edges, 1));
  g_autoptr(GHashTable) named = g_hash_table_new (NULL, NULL);
  g_autoptr(CsSpatialGrid) placed = cs_spatial_grid_new (8 * size);
  g_autoptr(PangoLayout) layout = _cs_render_create_layout (cr, &content->style, size);
  g_autoptr(PangoLayout) bold = _cs_render_create_bold_layout (cr, &content->style, size);
  double role_size = MAX (0.85 * size, 10.0);
  g_autoptr(PangoLayout) role_layout = _cs_render_create_layout (cr, &content->style, role_size);
  g_autoptr(GHashTable) role_spots = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) drawn_labels = NULL;
  g_autoptr(GArray) drawn_roles = NULL;
  double drawn_zoom = _cs_scene_get_drawn (scene->content, &drawn_labels, &drawn_roles);
  CsBox legend[2];

  _cs_render_set_color (cr, &content->style.dim);
  cairo_paint (cr);
  /* the legend and title stay as they were */
  if ((scene->flags & CS_RENDER_OVERLAYS_APART) == 0)
    _cs_render_overlays (cr, cr, scene, legend);

  for (guint e = 0; e < n_edges; e++)
    {
      const CsEdge *edge = cs_graph_get_edge (graph, edges[e]);
      guint other = edge->source == hover ? edge->target : edge->source;

      if (_cs_scene_edge_shown (scene, edges[e]) &&
          _cs_render_draw_edge (cr, scene, edges[e], 1.6, &mid[2 * e], &mid[2 * e + 1]))
        links[n_links++] = (FocusLink) { e, other, cs_graph_get_degree (graph, other) };
    }
  for (guint k = 0; k < n_links; k++)
    _cs_render_draw_node (cr, scene, links[k].other, 0);
  _cs_render_draw_node (cr, scene, hover, 2);

  /* the names first, each once: those the picture already shows come
   * forward where they are, the others find a spot beside their node;
   * then the roles where they fit */
  if (n_links > FOCUS_MAX_NAMES)
    qsort (links, n_links, sizeof *links, compare_links);
  g_hash_table_add (named, GUINT_TO_POINTER (hover));
  for (guint k = 0; k < n_links && g_hash_table_size (named) <= FOCUS_MAX_NAMES; k++)
    g_hash_table_add (named, GUINT_TO_POINTER (links[k].other));
  if (drawn_zoom == scene->zoom)
    {
      for (guint d = 0; d < drawn_labels->len; d++)
        {
          const CsDrawnLabel *drawn = &g_array_index (drawn_labels, CsDrawnLabel, d);
          CsBox box = { drawn->x0 * scene->zoom + scene->offset_x,
                        drawn->y0 * scene->zoom + scene->offset_y,
                        drawn->x1 * scene->zoom + scene->offset_x,
                        drawn->y1 * scene->zoom + scene->offset_y };

          if (!g_hash_table_remove (named, GUINT_TO_POINTER (drawn->node)))
            continue;
          cs_spatial_grid_insert (placed, box.x0, box.y0, box.x1, box.y1, 0);
          _cs_render_draw_name (cr, scene, layout, bold, drawn->node, &box, 1.0);
        }
    }
  if (g_hash_table_contains (named, GUINT_TO_POINTER (hover)))
    _cs_render_node_label (cr, scene, layout, bold, hover, placed);
  for (guint k = 0; k < n_links && n_named < FOCUS_MAX_NAMES; k++)
    {
      if (g_hash_table_remove (named, GUINT_TO_POINTER (links[k].other)))
        {
          _cs_render_node_label (cr, scene, layout, bold, links[k].other, placed);
          n_named++;
        }
    }
  /* roles the picture wrote stay where they are */
  if (drawn_zoom == scene->zoom)
    for (guint d = 0; d < drawn_roles->len; d++)
      {
        const CsDrawnLabel *drawn = &g_array_index (drawn_roles, CsDrawnLabel, d);

        g_hash_table_insert (role_spots, GUINT_TO_POINTER (drawn->node), (gpointer)drawn);
      }
  for (guint k = 0; k < n_links && n_roles < FOCUS_MAX_ROLES; k++)
    {
      guint e = links[k].edge;
      const char *role = cs_scene_get_role (scene, edges[e]);
      const CsDrawnLabel *drawn = g_hash_table_lookup (role_spots, GUINT_TO_POINTER (edges[e]));
      PangoRectangle logical;
      double w, h;
      CsBox box;

      if (role == NULL)
        continue;
      n_roles++;
      pango_layout_set_text (role_layout, role, -1);
      pango_layout_get_extents (role_layout, NULL, &logical);
      w = logical.width / (double)PANGO_SCALE;
      h = logical.height / (double)PANGO_SCALE;
      if (drawn != NULL)
        box = (CsBox) { drawn->x0 * scene->zoom + scene->offset_x,
                        drawn->y0 * scene->zoom + scene->offset_y,
                        drawn->x1 * scene->zoom + scene->offset_x,
                        drawn->y1 * scene->zoom + scene->offset_y };
      else
        box = (CsBox) { mid[2 * e] - w / 2, mid[2 * e + 1] - h / 2, mid[2 * e] + w / 2,
                        mid[2 * e + 1] + h / 2 };
      if (drawn == NULL && cs_spatial_grid_overlaps (placed, box.x0, box.y0, box.x1, box.y1, -1))
        continue;
      cs_spatial_grid_insert (placed, box.x0, box.y0, box.x1, box.y1, 0);
      _cs_render_show_text (cr, &content->style, role_layout, box.x0, box.y0, role_size, NULL);
    }
}

/* The link under the pointer comes forward as a node's links do: the rest
 * fades, the link is drawn thicker with both its ends, their names and
 * its role at its middle. */
static void
draw_hover_edge (cairo_t       *cr,
                 const CsScene *scene,
                 guint          edge,
                 double         size)
{
  const CsSceneContent *content = scene->content;
  const CsEdge *e = cs_graph_get_edge (content->graph, edge);
  g_autoptr(CsSpatialGrid) placed = cs_spatial_grid_new (8 * size);
  g_autoptr(PangoLayout) layout = _cs_render_create_layout (cr, &content->style, size);
  g_autoptr(PangoLayout) bold = _cs_render_create_bold_layout (cr, &content->style, size);
  double role_size = MAX (0.85 * size, 10.0);
  const char *role = cs_scene_get_role (scene, edge);
  double mx, my;
  CsBox legend[2];

  _cs_render_set_color (cr, &content->style.dim);
  cairo_paint (cr);
  if ((scene->flags & CS_RENDER_OVERLAYS_APART) == 0)
    _cs_render_overlays (cr, cr, scene, legend);
  if (!_cs_render_draw_edge (cr, scene, edge, 2.4, &mx, &my))
    return;
  _cs_render_draw_node (cr, scene, e->source, 0);
  _cs_render_draw_node (cr, scene, e->target, 0);
  _cs_render_node_label (cr, scene, layout, bold, e->source, placed);
  _cs_render_node_label (cr, scene, layout, bold, e->target, placed);
  if (role != NULL)
    {
      g_autoptr(PangoLayout) role_layout = _cs_render_create_layout (cr, &content->style,
                                                                     role_size);
      PangoRectangle logical;
      double w, h;

      pango_layout_set_text (role_layout, role, -1);
      pango_layout_get_extents (role_layout, NULL, &logical);
      w = logical.width / (double)PANGO_SCALE;
      h = logical.height / (double)PANGO_SCALE;
      _cs_render_show_text (cr, &content->style, role_layout, mx - w / 2, my - h / 2, role_size,
                            NULL);
    }
}

/* What the search finds while the user types: a ring in the match colour
 * round each, and its name, over whatever the picture shows there (the
 * first FOCUS_MAX_NAMES of them: the search gives the best first). */
static void
draw_marked (cairo_t       *cr,
             const CsScene *scene,
             const guint   *marked,
             guint          n_marked,
             double         size)
{
  const CsSceneContent *content = scene->content;
  guint n_nodes = cs_graph_get_n_nodes (content->graph);
  g_autoptr(CsSpatialGrid) placed = cs_spatial_grid_new (8 * size);
  g_autoptr(PangoLayout) layout = _cs_render_create_layout (cr, &content->style, size);
  g_autoptr(PangoLayout) bold = _cs_render_create_bold_layout (cr, &content->style, size);
  g_autoptr(GHashTable) named = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) drawn_labels = NULL;
  g_autoptr(GArray) drawn_roles = NULL;
  double drawn_zoom = _cs_scene_get_drawn (scene->content, &drawn_labels, &drawn_roles);

  for (guint m = 0; m < n_marked; m++)
    {
      guint i = marked[m];
      double x, y;

      if (i >= n_nodes || !cs_scene_is_node_shown (scene, i))
        continue;
      cs_scene_node_to_device (scene, i, &x, &y);
      cairo_new_path (cr);
      cairo_arc (cr, x, y, _cs_render_node_reach (scene, i) * scene->zoom + 6, 0, 2 * G_PI);
      _cs_render_set_color (cr, &content->style.halo);
      cairo_set_line_width (cr, 6);
      cairo_stroke_preserve (cr);
      _cs_render_set_color (cr, &content->style.match);
      cairo_set_line_width (cr, 3);
      cairo_stroke (cr);
    }
  /* the names the picture shows stay where they are, brought forward;
   * the others find a spot beside their node */
  for (guint m = 0; m < n_marked && m < FOCUS_MAX_NAMES; m++)
    if (marked[m] < n_nodes && cs_scene_is_node_shown (scene, marked[m]))
      g_hash_table_add (named, GUINT_TO_POINTER (marked[m]));
  if (drawn_zoom == scene->zoom)
    for (guint d = 0; d < drawn_labels->len; d++)
      {
        const CsDrawnLabel *drawn = &g_array_index (drawn_labels, CsDrawnLabel, d);
        CsBox box = { drawn->x0 * scene->zoom + scene->offset_x,
                      drawn->y0 * scene->zoom + scene->offset_y,
                      drawn->x1 * scene->zoom + scene->offset_x,
                      drawn->y1 * scene->zoom + scene->offset_y };

        if (!g_hash_table_remove (named, GUINT_TO_POINTER (drawn->node)))
          continue;
        cs_spatial_grid_insert (placed, box.x0, box.y0, box.x1, box.y1, 0);
        _cs_render_draw_name (cr, scene, layout, bold, drawn->node, &box, 1.0);
      }
  for (guint m = 0; m < n_marked && m < FOCUS_MAX_NAMES; m++)
    if (g_hash_table_remove (named, GUINT_TO_POINTER (marked[m])))
      _cs_render_node_label (cr, scene, layout, bold, marked[m], placed);
}

/**
 * cs_renderer_draw_focus:
 * @cr: the context the scene was drawn on
 * @scene: the scene
 * @focus: the hovered node or link, the selected nodes and the selected link
 *
 * Draws over cs_renderer_draw()'s picture, so the picture can be kept and
 * only this redrawn as the pointer moves. O(d log d) in the degree d of
 * the hovered node, plus the selected nodes.
 */
void
cs_renderer_draw_focus (cairo_t             *cr,
                        const CsScene       *scene,
                        const CsRenderFocus *focus)
{
  const CsSceneContent *content;
  CsGraph *graph;
  double size;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (scene != NULL);
  g_return_if_fail (focus != NULL);

  content = scene->content;
  graph = content->graph;
  g_return_if_fail (focus->hover < (int)cs_graph_get_n_nodes (graph));

  /* the focus names things at the size the picture does */
  size = cs_scene_get_label_size (scene);
  cairo_save (cr);

  if (focus->hover >= 0)
    draw_hover (cr, scene, focus->hover, size);
  else if (focus->has_hover_edge && focus->hover_edge < cs_graph_get_n_edges (graph) &&
           _cs_scene_edge_shown (scene, focus->hover_edge))
    draw_hover_edge (cr, scene, focus->hover_edge, size);

  /* the selected link: its course in the selection's colour over a halo */
  if (focus->has_edge && focus->edge < cs_graph_get_n_edges (graph))
    {
      CsEdgeGeometry g;

      if (_cs_render_edge_geometry (scene, focus->edge, &g))
        {
          cairo_new_path (cr);
          cairo_move_to (cr, g.x0, g.y0);
          if (g.curved)
            cairo_curve_to (cr, g.c1x, g.c1y, g.c2x, g.c2y, g.ex, g.ey);
          else
            cairo_line_to (cr, g.ex, g.ey);
          cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
          _cs_render_set_color (cr, &content->style.halo);
          cairo_set_line_width (cr, 7);
          cairo_stroke_preserve (cr);
          _cs_render_set_color (cr, &content->style.selection);
          cairo_set_line_width (cr, 3.5);
          cairo_stroke (cr);
        }
    }

  if (focus->n_marked > 0)
    draw_marked (cr, scene, focus->marked, focus->n_marked, size);

  for (guint s = 0; s < focus->n_selected; s++)
    {
      guint i = focus->selected[s];
      double x, y;

      g_return_if_fail (i < cs_graph_get_n_nodes (graph));
      cs_scene_node_to_device (scene, i, &x, &y);
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, _cs_render_node_reach (scene, i) * scene->zoom + 4, 0, 2 * G_PI);
      _cs_render_set_color (cr, &content->style.halo);
      cairo_set_line_width (cr, 5);
      cairo_stroke_preserve (cr);
      _cs_render_set_color (cr, &content->style.selection);
      cairo_set_line_width (cr, 2.5);
      cairo_stroke (cr);
    }

  cairo_restore (cr);
}
