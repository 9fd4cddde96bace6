/* cs-renderer.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-renderer.h"

#include "cs-hull.h"
#include "cs-spatial-grid.h"
#include "cs-viewport.h"

#include <math.h>
#include <pango/pangocairo.h>

#define LABEL_GAP          2.0  /* world units between a node and its label */
#define LEGEND_MARGIN      12.0 /* device units */
#define LEGEND_PADDING     10.0
#define ARROW_LENGTH       7.0  /* world units */
#define PARALLEL_SPACING   14.0 /* world units between parallel edges */
#define HIT_SLOP           3.0  /* device units */

typedef struct
{
  double x0, y0, x1, y1;
} Box;

/**
 * cs_render_scene_init:
 * @scene: (out caller-allocates): the scene
 * @graph: the graph
 * @positions: one position per node of @graph
 * @style: the style
 * @width: the device width
 * @height: the device height
 *
 * Sets up a scene with the default flags and zoom 1; use
 * cs_render_scene_fit() to frame the whole graph.
 */
void
cs_render_scene_init (CsRenderScene       *scene,
                      CsGraph             *graph,
                      CsPositions         *positions,
                      const CsRenderStyle *style,
                      double               width,
                      double               height)
{
  g_return_if_fail (scene != NULL);
  g_return_if_fail (CS_IS_GRAPH (graph));
  g_return_if_fail (positions != NULL);
  g_return_if_fail (cs_positions_get_n_nodes (positions) == cs_graph_get_n_nodes (graph));
  g_return_if_fail (style != NULL);

  *scene = (CsRenderScene) {
    .graph = graph,
    .positions = positions,
    .style = style,
    .flags = CS_RENDER_DEFAULT_FLAGS,
    .width = width,
    .height = height,
    .zoom = 1.0,
  };
}

/**
 * cs_renderer_get_node_radius:
 * @scene: a scene
 * @node: a node index
 *
 * Returns: the node's radius in world units: its type's radius, grown a
 *   little with its degree
 */
double
cs_renderer_get_node_radius (const CsRenderScene *scene,
                             guint                node)
{
  const CsNode *n;

  g_return_val_if_fail (scene != NULL, 0);

  n = cs_graph_get_node (scene->graph, node);
  if (scene->sizing == CS_NODE_SIZE_UNIFORM)
    return scene->style->nodes[n->type].radius;
  return scene->style->nodes[n->type].radius +
         1.2 * sqrt ((double)MIN (cs_graph_get_degree (scene->graph, node), 60));
}

void
cs_renderer_node_to_device (const CsRenderScene *scene,
                            guint                node,
                            double              *x,
                            double              *y)
{
  g_return_if_fail (scene != NULL);

  if (x != NULL)
    *x = cs_positions_get_x (scene->positions, node) * scene->zoom + scene->offset_x;
  if (y != NULL)
    *y = cs_positions_get_y (scene->positions, node) * scene->zoom + scene->offset_y;
}

/**
 * cs_render_scene_get_world_bounds:
 * @scene: a scene
 * @bounds: (out): the world box that holds every node with its radius and
 *   room for its label, leaving out nodes the scene hides
 */
void
cs_render_scene_get_world_bounds (const CsRenderScene *scene,
                                  CsBounds            *bounds)
{
  guint n_nodes;

  g_return_if_fail (scene != NULL);
  g_return_if_fail (bounds != NULL);

  *bounds = (CsBounds) { 0, 0, 0, 0 };
  n_nodes = cs_graph_get_n_nodes (scene->graph);
  for (guint i = 0, seen = 0; i < n_nodes; i++)
    {
      double x = cs_positions_get_x (scene->positions, i);
      double y = cs_positions_get_y (scene->positions, i);
      double r = cs_renderer_get_node_radius (scene, i);
      /* labels are centred below the node: leave room for a typical one */
      double half_label = 4 * scene->style->font_size;
      double below = r + LABEL_GAP + 1.5 * scene->style->font_size;

      /* hidden nodes take no room; faded ones stay in the picture */
      if (scene->hide_filtered && scene->node_shown != NULL && !scene->node_shown[i])
        continue;
      if (seen++ == 0)
        *bounds = (CsBounds) { x, y, x, y };
      bounds->x0 = MIN (bounds->x0, x - MAX (r, half_label));
      bounds->x1 = MAX (bounds->x1, x + MAX (r, half_label));
      bounds->y0 = MIN (bounds->y0, y - r);
      bounds->y1 = MAX (bounds->y1, y + below);
    }
}

static guint draw_overlays (cairo_t             *cr,
                            cairo_t             *measure,
                            const CsRenderScene *scene,
                            Box                 *boxes);
static PangoLayout *create_layout (cairo_t             *cr,
                                   const CsRenderStyle *style,
                                   double               size);
static void set_color (cairo_t       *cr,
                       const CsColor *color);

/* "Sources: 000 아이뉴스24, 2025-08-07 · …", from the graph's article list */
static char *
caption_text (CsGraph *graph)
{
  GString *str;

  if (cs_graph_get_n_articles (graph) == 0)
    return NULL;
  str = g_string_new ("Sources: ");
  for (guint i = 0; i < cs_graph_get_n_articles (graph); i++)
    {
      const CsArticle *article = cs_graph_get_article (graph, i);

      if (i > 0)
        g_string_append (str, " · ");
      g_string_append (str, article->file);
      if (article->publisher != NULL)
        g_string_append_printf (str, ", %s", article->publisher);
      if (article->date != NULL)
        g_string_append_printf (str, ", %s", article->date);
    }
  return g_string_free (str, FALSE);
}

/* Lays the caption out across the bottom; draws it when @cr is set.
 * Returns its height, 0 when there is none. */
static double
draw_caption (cairo_t             *cr,
              cairo_t             *measure,
              const CsRenderScene *scene)
{
  g_autofree char *text = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  PangoRectangle logical;
  double height;

  if ((scene->flags & CS_RENDER_CAPTION) == 0 || (text = caption_text (scene->graph)) == NULL)
    return 0;
  layout = create_layout (measure, scene->style, 0.85 * scene->style->legend_font_size);
  pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, (int)((scene->width - 2 * LEGEND_MARGIN) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_get_extents (layout, NULL, &logical);
  height = logical.height / (double)PANGO_SCALE;
  if (cr != NULL)
    {
      cairo_save (cr);
      cairo_move_to (cr, scene->view_x + LEGEND_MARGIN,
                     scene->view_y + scene->height - LEGEND_MARGIN - height);
      set_color (cr, &scene->style->foreground);
      pango_cairo_show_layout (cr, layout);
      cairo_restore (cr);
    }
  return height;
}

/**
 * cs_render_scene_get_graph_area:
 * @scene: a scene
 * @margin: room to leave on each side, in device units
 * @area: (out): the part of the device area left for the graph once the
 *   title and legend have their place
 */
void
cs_render_scene_get_graph_area (const CsRenderScene *scene,
                                double               margin,
                                CsBounds            *area)
{
  cairo_surface_t *surface;
  cairo_t *measure;
  Box boxes[2];
  guint n_boxes;

  g_return_if_fail (scene != NULL);
  g_return_if_fail (area != NULL);

  *area = (CsBounds) { margin, margin, scene->width - margin, scene->height - margin };

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  measure = cairo_create (surface);
  n_boxes = draw_overlays (NULL, measure, scene, boxes);
  cairo_destroy (measure);
  cairo_surface_destroy (surface);

  for (guint i = 0; i < n_boxes; i++)
    {
      gboolean full_width = boxes[i].x1 - boxes[i].x0 > 0.5 * scene->width;

      /* the title spans the top; the legend takes a column on the left,
       * unless the canvas is too narrow to give it one */
      if (full_width || (boxes[i].x1 + margin) > 0.4 * scene->width)
        area->y0 = MAX (area->y0, boxes[i].y1 + margin / 2);
      else
        area->x0 = MAX (area->x0, boxes[i].x1 + margin / 2);
    }
  {
    cairo_surface_t *one = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
    cairo_t *cr = cairo_create (one);
    double caption = draw_caption (NULL, cr, scene);

    if (caption > 0)
      area->y1 -= caption + margin / 2;
    cairo_destroy (cr);
    cairo_surface_destroy (one);
  }
  if (area->x1 - area->x0 < 50 || area->y1 - area->y0 < 50)
    *area = (CsBounds) { margin, margin, scene->width - margin, scene->height - margin };
}

/**
 * cs_render_scene_fit:
 * @scene: a scene
 * @margin: room to leave on each side, in device units
 *
 * Sets the zoom and offset so the whole graph fits the scene's size, clear
 * of the title and legend.
 */
void
cs_render_scene_fit (CsRenderScene *scene,
                     double         margin)
{
  g_autoptr(CsViewport) viewport = cs_viewport_new ();
  CsBounds bounds;
  CsBounds area;

  g_return_if_fail (scene != NULL);

  cs_render_scene_get_world_bounds (scene, &bounds);
  cs_render_scene_get_graph_area (scene, margin, &area);
  cs_viewport_fit_area (viewport, &bounds, &area);
  scene->zoom = cs_viewport_get_zoom (viewport);
  scene->offset_x = cs_viewport_get_offset_x (viewport);
  scene->offset_y = cs_viewport_get_offset_y (viewport);
}

static void
set_color (cairo_t       *cr,
           const CsColor *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

static void
set_dash (cairo_t *cr,
          CsDash   dash,
          double   width)
{
  double u = MAX (width, 0.5);
  double dashed[] = { 5 * u, 3 * u };
  double dotted[] = { 0.01, 2.5 * u };
  double dash_dot[] = { 6 * u, 2.5 * u, 0.01, 2.5 * u };
  double long_dash[] = { 10 * u, 4 * u };

  switch (dash)
    {
    case CS_DASH_DASHED:
      cairo_set_dash (cr, dashed, G_N_ELEMENTS (dashed), 0);
      break;

    case CS_DASH_DOTTED:
      cairo_set_dash (cr, dotted, G_N_ELEMENTS (dotted), 0);
      break;

    case CS_DASH_DASH_DOT:
      cairo_set_dash (cr, dash_dot, G_N_ELEMENTS (dash_dot), 0);
      break;

    case CS_DASH_LONG_DASH:
      cairo_set_dash (cr, long_dash, G_N_ELEMENTS (long_dash), 0);
      break;

    case CS_DASH_SOLID:
    default:
      cairo_set_dash (cr, NULL, 0, 0);
      break;
    }
}

static void
polygon_path (cairo_t *cr,
              double   x,
              double   y,
              double   r,
              guint    sides,
              double   rotation)
{
  for (guint i = 0; i < sides; i++)
    {
      double a = rotation + 2 * G_PI * i / sides;

      if (i == 0)
        cairo_move_to (cr, x + r * cos (a), y + r * sin (a));
      else
        cairo_line_to (cr, x + r * cos (a), y + r * sin (a));
    }
  cairo_close_path (cr);
}

static void
shape_path (cairo_t *cr,
            CsShape  shape,
            double   x,
            double   y,
            double   r)
{
  switch (shape)
    {
    case CS_SHAPE_SQUARE:
      cairo_rectangle (cr, x - 0.86 * r, y - 0.86 * r, 1.72 * r, 1.72 * r);
      break;

    case CS_SHAPE_DIAMOND:
      polygon_path (cr, x, y, 1.15 * r, 4, -G_PI / 2);
      break;

    case CS_SHAPE_TRIANGLE:
      polygon_path (cr, x, y + 0.15 * r, 1.3 * r, 3, -G_PI / 2);
      break;

    case CS_SHAPE_TRIANGLE_DOWN:
      polygon_path (cr, x, y - 0.15 * r, 1.3 * r, 3, G_PI / 2);
      break;

    case CS_SHAPE_HEXAGON:
      polygon_path (cr, x, y, 1.05 * r, 6, 0);
      break;

    case CS_SHAPE_OCTAGON:
      polygon_path (cr, x, y, 1.03 * r, 8, G_PI / 8);
      break;

    case CS_SHAPE_STAR:
      for (guint i = 0; i < 10; i++)
        {
          double a = -G_PI / 2 + G_PI * i / 5;
          double rr = (i % 2 == 0) ? 1.3 * r : 0.6 * r;

          if (i == 0)
            cairo_move_to (cr, x + rr * cos (a), y + rr * sin (a));
          else
            cairo_line_to (cr, x + rr * cos (a), y + rr * sin (a));
        }
      cairo_close_path (cr);
      break;

    case CS_SHAPE_RING:
    case CS_SHAPE_CIRCLE:
    default:
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      cairo_close_path (cr);
      break;
    }
}

/* how far a shape reaches from its centre, in radii: edges end there */
static double
shape_extent (CsShape shape)
{
  switch (shape)
    {
    case CS_SHAPE_SQUARE:
      return 1.0;
    case CS_SHAPE_DIAMOND:
      return 1.1;
    case CS_SHAPE_TRIANGLE:
    case CS_SHAPE_TRIANGLE_DOWN:
      return 1.05;
    case CS_SHAPE_STAR:
      return 1.1;
    case CS_SHAPE_RING:
      return 1.3;
    case CS_SHAPE_HEXAGON:
    case CS_SHAPE_OCTAGON:
    case CS_SHAPE_CIRCLE:
    default:
      return 1.03;
    }
}

static double
node_reach (const CsRenderScene *scene,
            guint                node)
{
  CsNodeType type = cs_graph_get_node (scene->graph, node)->type;

  return cs_renderer_get_node_radius (scene, node) * shape_extent (scene->style->nodes[type].shape);
}

static void
draw_shape (cairo_t             *cr,
            const CsRenderStyle *style,
            CsNodeType           type,
            double               x,
            double               y,
            double               r,
            double               outline)
{
  const CsNodeStyle *ns = &style->nodes[type];

  shape_path (cr, ns->shape, x, y, r);
  set_color (cr, &ns->fill);
  cairo_fill_preserve (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_set_line_width (cr, outline);
  set_color (cr, &style->halo);
  cairo_stroke (cr);

  if (ns->shape == CS_SHAPE_RING)
    {
      /* a consortium: an outer ring marks it as a group */
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, r + 2.5 * outline, 0, 2 * G_PI);
      set_color (cr, &ns->fill);
      cairo_set_line_width (cr, 1.5 * outline);
      cairo_stroke (cr);
    }
}

static gboolean
node_shown (const CsRenderScene *scene,
            guint                node)
{
  return scene->node_shown == NULL || scene->node_shown[node];
}

static gboolean
edge_shown (const CsRenderScene *scene,
            guint                edge)
{
  return scene->edge_shown == NULL || scene->edge_shown[edge];
}

static guint64
pair_key (guint a,
          guint b)
{
  return ((guint64)MIN (a, b) << 32) | MAX (a, b);
}

/* Parallel edges (several claims about one pair) are drawn as a fan: for
 * each of @edges (in graph order), its place @k in its pair's fan of @total. */
static void
edge_fans (const CsRenderScene *scene,
           const guint         *edges,
           guint                n,
           guint               *k,
           guint               *total)
{
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0; i < n; i++)
    {
      const CsEdge *edge = cs_graph_get_edge (scene->graph, edges != NULL ? edges[i] : i);
      gint64 key = pair_key (edge->source, edge->target);
      gpointer value = g_hash_table_lookup (counts, &key);

      k[i] = GPOINTER_TO_UINT (value);
      if (value == NULL)
        {
          gint64 *stored = g_new (gint64, 1);

          *stored = key;
          g_hash_table_insert (counts, stored, GUINT_TO_POINTER (1));
        }
      else
        g_hash_table_insert (counts, g_memdup2 (&key, sizeof key), GUINT_TO_POINTER (k[i] + 1));
    }
  for (guint i = 0; i < n; i++)
    {
      const CsEdge *edge = cs_graph_get_edge (scene->graph, edges != NULL ? edges[i] : i);
      gint64 key = pair_key (edge->source, edge->target);

      total[i] = GPOINTER_TO_UINT (g_hash_table_lookup (counts, &key));
    }
}

/* Draws one edge, @width_scale times its usual width; returns in @mid the
 * middle of the drawn curve, or FALSE when nothing was drawn. */
static gboolean
draw_edge (cairo_t             *cr,
           const CsRenderScene *scene,
           guint                index,
           guint                k,
           guint                total,
           double               width_scale,
           double              *mid_x,
           double              *mid_y)
{
  const CsEdge *edge = cs_graph_get_edge (scene->graph, index);
  const CsEdgeStyle *es = &scene->style->edges[edge->relation];
  double z = scene->zoom;
  double x0, y0, x1, y1, dx, dy, len, nx, ny, bend, r0, r1, cx, cy;
  double ex, ey, tx, ty, tlen, c1x, c1y, c2x, c2y;

  if (edge->source == edge->target)
    return FALSE;

  cs_renderer_node_to_device (scene, edge->source, &x0, &y0);
  cs_renderer_node_to_device (scene, edge->target, &x1, &y1);
  dx = x1 - x0;
  dy = y1 - y0;
  len = hypot (dx, dy);
  r0 = node_reach (scene, edge->source) * z + 1;
  r1 = node_reach (scene, edge->target) * z + 1;
  if (len < 1e-6 || len <= r0 + r1)
    return FALSE;
  nx = -dy / len;
  ny = dx / len;
  /* keep the fan's side the same whatever the edge's direction */
  if (edge->source > edge->target)
    {
      nx = -nx;
      ny = -ny;
    }
  bend = (k - (total - 1) / 2.0) * PARALLEL_SPACING * z;
  cx = (x0 + x1) / 2 + 2 * bend * nx;
  cy = (y0 + y1) / 2 + 2 * bend * ny;

  /* trim at the node outlines along the curve's end tangents */
  tx = x1 - cx;
  ty = y1 - cy;
  tlen = hypot (tx, ty);
  ex = x1 - tx / tlen * r1;
  ey = y1 - ty / tlen * r1;
  {
    double sx = cx - x0, sy = cy - y0, slen = hypot (sx, sy);

    x0 += sx / slen * r0;
    y0 += sy / slen * r0;
  }
  c1x = x0 + (cx - x0) * 2 / 3;
  c1y = y0 + (cy - y0) * 2 / 3;
  c2x = ex + (cx - ex) * 2 / 3;
  c2y = ey + (cy - ey) * 2 / 3;

  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_width (cr, MAX (es->width * z, 0.4) * width_scale);
  set_dash (cr, es->dash, es->width * z * width_scale);
  set_color (cr, &es->color);
  cairo_move_to (cr, x0, y0);
  if (total > 1)
    cairo_curve_to (cr, c1x, c1y, c2x, c2y, ex, ey);
  else
    cairo_line_to (cr, ex, ey);
  cairo_stroke (cr);

  if (cs_relation_is_directed (edge->relation))
    {
      double a = ARROW_LENGTH * z * MAX (1.0, es->width / 1.5) * MAX (1.0, width_scale * 0.8);
      double ux = tx / tlen, uy = ty / tlen;

      cairo_set_dash (cr, NULL, 0, 0);
      cairo_move_to (cr, ex, ey);
      cairo_line_to (cr, ex - a * ux + 0.45 * a * uy, ey - a * uy - 0.45 * a * ux);
      cairo_line_to (cr, ex - a * ux - 0.45 * a * uy, ey - a * uy + 0.45 * a * ux);
      cairo_close_path (cr);
      cairo_fill (cr);
    }
  cairo_set_dash (cr, NULL, 0, 0);

  if (mid_x != NULL)
    *mid_x = total > 1 ? (x0 + 3 * c1x + 3 * c2x + ex) / 8 : (x0 + ex) / 2;
  if (mid_y != NULL)
    *mid_y = total > 1 ? (y0 + 3 * c1y + 3 * c2y + ey) / 8 : (y0 + ey) / 2;
  return TRUE;
}

/* the edges that are shown, or (@shown FALSE) those filtered out */
static void
draw_edges (cairo_t             *cr,
            const CsRenderScene *scene,
            gboolean             shown)
{
  guint n_edges = cs_graph_get_n_edges (scene->graph);
  g_autofree guint *k = g_new (guint, MAX (n_edges, 1));
  g_autofree guint *total = g_new (guint, MAX (n_edges, 1));

  edge_fans (scene, NULL, n_edges, k, total);
  for (guint i = 0; i < n_edges; i++)
    if (edge_shown (scene, i) == shown)
      draw_edge (cr, scene, i, k[i], total[i], 1.0, NULL, NULL);
}

static void
draw_node (cairo_t             *cr,
           const CsRenderScene *scene,
           guint                i,
           double               extra)
{
  const CsNode *node = cs_graph_get_node (scene->graph, i);
  double x, y;
  double r = cs_renderer_get_node_radius (scene, i) * scene->zoom + extra;

  cs_renderer_node_to_device (scene, i, &x, &y);
  if (x + 2 * r < 0 || y + 2 * r < 0 || x - 2 * r > scene->width || y - 2 * r > scene->height)
    return;
  draw_shape (cr, scene->style, node->type, x, y, r, MAX (1.0, 1.5 * scene->zoom));

  if (scene->pinned != NULL && scene->pinned[i])
    {
      /* a pin head at the top right: this node stays where it was put */
      double pr = MAX (2.5, 0.3 * r);
      double px = x + 0.75 * r, py = y - 0.75 * r;

      cairo_new_sub_path (cr);
      cairo_arc (cr, px, py, pr, 0, 2 * G_PI);
      set_color (cr, &scene->style->foreground);
      cairo_fill_preserve (cr);
      set_color (cr, &scene->style->halo);
      cairo_set_line_width (cr, MAX (1.0, pr / 2.5));
      cairo_stroke (cr);
    }
}

/**
 * cs_renderer_get_consortium_color:
 * @scene: a scene
 * @node: a node index
 * @color: (out) (optional): the colour of its outline
 *
 * Consortia take the hull colours in turn, in file order.
 *
 * Returns: the consortium's place among the graph's consortia, or -1 when
 *   @node is not a consortium
 */
int
cs_renderer_get_consortium_color (const CsRenderScene *scene,
                                  guint                node,
                                  CsColor             *color)
{
  int place = 0;

  g_return_val_if_fail (scene != NULL, -1);

  if (cs_graph_get_node (scene->graph, node)->type != CS_NODE_TYPE_CONSORTIUM)
    return -1;
  for (guint i = 0; i < node; i++)
    place += cs_graph_get_node (scene->graph, i)->type == CS_NODE_TYPE_CONSORTIUM;
  if (color != NULL)
    *color = scene->style->hulls[place % G_N_ELEMENTS (scene->style->hulls)];
  return place;
}

/* A translucent outline around each consortium and its members (those that
 * lead it or are members of it); an organisation in several consortia sits
 * inside several outlines. */
static void
draw_hulls (cairo_t             *cr,
            const CsRenderScene *scene)
{
  guint n_nodes = cs_graph_get_n_nodes (scene->graph);
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) hull = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint c = 0; c < n_nodes; c++)
    {
      const guint *edges;
      guint n_edges;
      double pad = 0;
      CsColor color;

      if (!node_shown (scene, c) || cs_renderer_get_consortium_color (scene, c, &color) < 0)
        continue;

      g_array_set_size (points, 0);
      edges = cs_graph_get_incident_edges (scene->graph, c, &n_edges);
      for (guint e = 0; e <= n_edges; e++)
        {
          guint member;
          double x, y;

          if (e < n_edges)
            {
              const CsEdge *edge = cs_graph_get_edge (scene->graph, edges[e]);

              if (edge->target != c ||
                  (edge->relation != CS_RELATION_MEMBER_OF && edge->relation != CS_RELATION_LEADS))
                continue;
              member = edge->source;
              if (!node_shown (scene, member))
                continue;
            }
          else
            member = c;
          cs_renderer_node_to_device (scene, member, &x, &y);
          g_array_append_val (points, x);
          g_array_append_val (points, y);
          pad = MAX (pad, node_reach (scene, member) * scene->zoom);
        }
      if (points->len < 4)
        continue;

      pad += 8 * scene->zoom;
      /* the group's surface is only as large as the clip: keep it to the
       * hull's box */
      {
        double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;

        for (guint p = 0; p < points->len / 2; p++)
          {
            x0 = MIN (x0, g_array_index (points, double, 2 * p));
            x1 = MAX (x1, g_array_index (points, double, 2 * p));
            y0 = MIN (y0, g_array_index (points, double, 2 * p + 1));
            y1 = MAX (y1, g_array_index (points, double, 2 * p + 1));
          }
        if (x1 + pad < 0 || y1 + pad < 0 || x0 - pad > scene->width || y0 - pad > scene->height)
          continue;
        cairo_save (cr);
        cairo_rectangle (cr, floor (x0 - pad - 1), floor (y0 - pad - 1),
                         ceil (x1 - x0 + 2 * pad + 2), ceil (y1 - y0 + 2 * pad + 2));
        cairo_clip (cr);
      }
      cairo_push_group (cr);
      cs_hull_compute ((const double *)points->data, points->len / 2, hull);
      for (guint h = 0; h < hull->len; h++)
        {
          guint p = g_array_index (hull, guint, h);
          double x = g_array_index (points, double, 2 * p);
          double y = g_array_index (points, double, 2 * p + 1);

          if (h == 0)
            cairo_move_to (cr, x, y);
          else
            cairo_line_to (cr, x, y);
        }
      cairo_close_path (cr);
      cairo_set_source_rgb (cr, color.red, color.green, color.blue);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_set_line_width (cr, 2 * pad);
      cairo_stroke_preserve (cr);
      cairo_fill (cr);
      cairo_pop_group_to_source (cr);
      cairo_paint_with_alpha (cr, scene->style->dark ? 0.16 : 0.10);
      cairo_restore (cr);
    }
}

static PangoLayout *
create_layout (cairo_t             *cr,
               const CsRenderStyle *style,
               double               size)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoContext *context = pango_layout_get_context (layout);
  g_autoptr(PangoFontDescription) font = pango_font_description_new ();
  cairo_font_options_t *options = cairo_font_options_create ();

  /* the same metrics on screen, in PNG, SVG and PDF, at any zoom */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (context, FALSE);
  pango_layout_context_changed (layout);

  pango_font_description_set_family (font, style->font_family);
  pango_font_description_set_absolute_size (font, MAX (size, 0.1) * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  return layout;
}

/* Text with a halo of the background's colour, so it reads over lines; in
 * @color, or the foreground colour when %NULL. */
static void
show_text (cairo_t             *cr,
           const CsRenderStyle *style,
           PangoLayout         *layout,
           double               x,
           double               y,
           double               size,
           const CsColor       *color)
{
  cairo_move_to (cr, x, y);
  pango_cairo_layout_path (cr, layout);
  set_color (cr, &style->halo);
  cairo_set_line_width (cr, MAX (2.5, size / 4));
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke (cr);
  cairo_move_to (cr, x, y);
  set_color (cr, color != NULL ? color : &style->foreground);
  pango_cairo_show_layout (cr, layout);
}

static gboolean
boxes_overlap (const Box *a,
               const Box *b)
{
  return a->x0 < b->x1 && b->x0 < a->x1 && a->y0 < b->y1 && b->y0 < a->y1;
}

static int
label_priority (CsGraph *graph,
                guint    node)
{
  CsNodeType type = cs_graph_get_node (graph, node)->type;
  int bonus = (type == CS_NODE_TYPE_PROGRAMME) ? 100000 :
              (type == CS_NODE_TYPE_CONSORTIUM) ? 50000 :
              (type == CS_NODE_TYPE_PERSON) ? -1000 : 0;

  return bonus + (int)cs_graph_get_degree (graph, node);
}

static int
compare_priority (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  CsGraph *graph = user_data;
  guint na = *(const guint *)a;
  guint nb = *(const guint *)b;
  int pa = label_priority (graph, na);
  int pb = label_priority (graph, nb);

  if (pa != pb)
    return pb - pa;
  return (na > nb) - (na < nb);
}

/* Labels in priority order; one that would cover a placed label or another
 * node is left out, so no two labels ever overlap. */
static void
draw_labels (cairo_t             *cr,
             const CsRenderScene *scene,
             const Box           *reserved,
             guint                n_reserved)
{
  double size = scene->style->font_size * scene->zoom;
  guint n_nodes = cs_graph_get_n_nodes (scene->graph);
  g_autoptr(PangoLayout) layout = NULL;
  g_autoptr(GArray) order = NULL;
  g_autoptr(CsSpatialGrid) placed = NULL;
  g_autoptr(CsSpatialGrid) nodes = NULL;

  if (size < scene->style->min_label_pixels || n_nodes == 0)
    return;

  layout = create_layout (cr, scene->style, size);
  order = g_array_sized_new (FALSE, FALSE, sizeof (guint), n_nodes);
  placed = cs_spatial_grid_new (8 * size);
  nodes = cs_spatial_grid_new (8 * size);

  for (guint i = 0; i < n_nodes; i++)
    {
      double x, y, r = cs_renderer_get_node_radius (scene, i) * scene->zoom;

      cs_renderer_node_to_device (scene, i, &x, &y);
      cs_spatial_grid_insert (nodes, x - r, y - r, x + r, y + r, i);
      g_array_append_val (order, i);
    }
  g_array_sort_with_data (order, compare_priority, scene->graph);

  for (guint k = 0; k < n_nodes; k++)
    {
      guint i = g_array_index (order, guint, k);
      const CsNode *node = cs_graph_get_node (scene->graph, i);
      PangoRectangle ink, logical;

      if (!node_shown (scene, i))
        continue;
      double x, y, r, w, h, gap;
      Box candidates[4];
      Box box = { 0 };
      gboolean blocked = TRUE;

      cs_renderer_node_to_device (scene, i, &x, &y);
      if (x < -scene->width || x > 2 * scene->width || y < -scene->height || y > 2 * scene->height)
        continue;

      r = cs_renderer_get_node_radius (scene, i) * scene->zoom;
      pango_layout_set_text (layout, node->label, -1);
      pango_layout_get_extents (layout, &ink, &logical);
      w = logical.width / (double)PANGO_SCALE;
      h = logical.height / (double)PANGO_SCALE;
      gap = LABEL_GAP * scene->zoom;

      /* below the node, else above, right or left of it */
      candidates[0] = (Box) { x - w / 2, y + r + gap, x + w / 2, y + r + gap + h };
      candidates[1] = (Box) { x - w / 2, y - r - gap - h, x + w / 2, y - r - gap };
      candidates[2] = (Box) { x + r + gap, y - h / 2, x + r + gap + w, y + h / 2 };
      candidates[3] = (Box) { x - r - gap - w, y - h / 2, x - r - gap, y + h / 2 };
      for (guint c = 0; c < G_N_ELEMENTS (candidates); c++)
        {
          box = candidates[c];
          blocked = cs_spatial_grid_overlaps (placed, box.x0, box.y0, box.x1, box.y1, -1) ||
                    cs_spatial_grid_overlaps (nodes, box.x0, box.y0, box.x1, box.y1, i);
          for (guint j = 0; !blocked && j < n_reserved; j++)
            blocked = boxes_overlap (&box, &reserved[j]);
          if (!blocked)
            break;
        }
      if (blocked)
        continue;
      cs_spatial_grid_insert (placed, box.x0, box.y0, box.x1, box.y1, i);
      if (scene->placed_labels != NULL)
        {
          CsPlacedLabel label = { i, { box.x0, box.y0, box.x1, box.y1 } };

          g_array_append_val (scene->placed_labels, label);
        }
      show_text (cr, scene->style, layout, box.x0, box.y0, size, NULL);
    }
}

/* Focus: the hovered node's links come forward with their roles, the
 * rest of the picture fades; selected nodes get a ring. */

typedef struct
{
  Box   box;
  char *text;
} PlacedText;

static gboolean
place_box (GArray    *placed,
           const Box *box)
{
  for (guint j = 0; j < placed->len; j++)
    {
      if (boxes_overlap (box, &g_array_index (placed, Box, j)))
        return FALSE;
    }
  g_array_append_val (placed, *box);
  return TRUE;
}

static void
draw_node_label (cairo_t             *cr,
                 const CsRenderScene *scene,
                 PangoLayout         *layout,
                 double               size,
                 guint                i,
                 GArray              *placed)
{
  PangoRectangle logical;
  double x, y, r, w, h;
  Box box;

  cs_renderer_node_to_device (scene, i, &x, &y);
  r = cs_renderer_get_node_radius (scene, i) * scene->zoom;
  pango_layout_set_text (layout, cs_graph_get_node (scene->graph, i)->label, -1);
  pango_layout_get_extents (layout, NULL, &logical);
  w = logical.width / (double)PANGO_SCALE;
  h = logical.height / (double)PANGO_SCALE;
  box = (Box) { x - w / 2, y + r + 2, x + w / 2, y + r + 2 + h };
  if (!place_box (placed, &box))
    {
      box = (Box) { x - w / 2, y - r - 2 - h, x + w / 2, y - r - 2 };
      if (!place_box (placed, &box))
        return;
    }
  show_text (cr, scene->style, layout, box.x0, box.y0, size, NULL);
}

/**
 * cs_renderer_draw_focus:
 * @cr: the context the scene was drawn on
 * @scene: the scene
 * @focus: the hovered and selected nodes
 *
 * Draws over cs_renderer_draw()'s picture, so the picture can be kept and
 * only this redrawn as the pointer moves.
 */
void
cs_renderer_draw_focus (cairo_t             *cr,
                        const CsRenderScene *scene,
                        const CsRenderFocus *focus)
{
  double size;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (scene != NULL);
  g_return_if_fail (focus != NULL);
  g_return_if_fail (focus->hover < (int)cs_graph_get_n_nodes (scene->graph));

  /* labels in focus stay readable when the picture is zoomed out */
  size = MAX (scene->style->font_size * scene->zoom, 11.0);
  cairo_save (cr);

  if (focus->hover >= 0)
    {
      guint hover = focus->hover;
      guint n_edges;
      const guint *edges = cs_graph_get_incident_edges (scene->graph, hover, &n_edges);
      g_autofree guint *k = g_new (guint, MAX (n_edges, 1));
      g_autofree guint *total = g_new (guint, MAX (n_edges, 1));
      g_autofree double *mid = g_new (double, 2 * MAX (n_edges, 1));
      g_autofree gboolean *drawn = g_new0 (gboolean, MAX (n_edges, 1));
      g_autoptr(GArray) placed = g_array_new (FALSE, FALSE, sizeof (Box));
      g_autoptr(PangoLayout) layout = create_layout (cr, scene->style, size);
      g_autoptr(PangoLayout) role_layout = create_layout (cr, scene->style, 0.9 * size);

      Box legend[2];

      set_color (cr, &scene->style->dim);
      cairo_paint (cr);
      /* the legend and title stay as they were */
      if ((scene->flags & CS_RENDER_OVERLAYS_APART) == 0)
        draw_overlays (cr, cr, scene, legend);

      edge_fans (scene, edges, n_edges, k, total);
      for (guint e = 0; e < n_edges; e++)
        drawn[e] = edge_shown (scene, edges[e]) && draw_edge (cr, scene, edges[e], k[e], total[e],
                                                              1.6, &mid[2 * e], &mid[2 * e + 1]);
      for (guint e = 0; e < n_edges; e++)
        {
          const CsEdge *edge = cs_graph_get_edge (scene->graph, edges[e]);

          if (drawn[e])
            draw_node (cr, scene, edge->source == hover ? edge->target : edge->source, 0);
        }
      draw_node (cr, scene, hover, 2);

      /* the names first, each once, then the roles where they fit */
      draw_node_label (cr, scene, layout, size, hover, placed);
      for (guint e = 0; e < n_edges; e++)
        {
          const CsEdge *edge = cs_graph_get_edge (scene->graph, edges[e]);
          guint other = edge->source == hover ? edge->target : edge->source;
          gboolean seen = other == hover || !drawn[e];

          for (guint f = 0; f < e && !seen; f++)
            {
              const CsEdge *earlier = cs_graph_get_edge (scene->graph, edges[f]);

              seen = (earlier->source == hover ? earlier->target : earlier->source) == other;
            }
          if (!seen)
            draw_node_label (cr, scene, layout, size, other, placed);
        }
      for (guint e = 0; e < n_edges; e++)
        {
          const CsEdge *edge = cs_graph_get_edge (scene->graph, edges[e]);
          PangoRectangle logical;
          double w, h;
          Box box;

          if (!drawn[e] || edge->role == NULL || edge->role[0] == '\0')
            continue;
          pango_layout_set_text (role_layout, edge->role, -1);
          pango_layout_get_extents (role_layout, NULL, &logical);
          w = logical.width / (double)PANGO_SCALE;
          h = logical.height / (double)PANGO_SCALE;
          box = (Box){ mid[2 * e] - w / 2, mid[2 * e + 1] - h / 2, mid[2 * e] + w / 2,
                       mid[2 * e + 1] + h / 2 };
          if (place_box (placed, &box))
            show_text (cr, scene->style, role_layout, box.x0, box.y0, 0.9 * size, NULL);
        }
    }

  for (guint s = 0; s < focus->n_selected; s++)
    {
      guint i = focus->selected[s];
      double x, y;

      g_return_if_fail (i < cs_graph_get_n_nodes (scene->graph));
      cs_renderer_node_to_device (scene, i, &x, &y);
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, node_reach (scene, i) * scene->zoom + 4, 0, 2 * G_PI);
      set_color (cr, &scene->style->halo);
      cairo_set_line_width (cr, 5);
      cairo_stroke_preserve (cr);
      set_color (cr, &scene->style->selection);
      cairo_set_line_width (cr, 2.5);
      cairo_stroke (cr);
    }

  cairo_restore (cr);
}

typedef enum
{
  ROW_NODE,
  ROW_RELATION,
  ROW_HULLS,
} RowKind;

typedef struct
{
  RowKind   row_kind;
  guint     kind;
  char     *text;
} LegendRow;

static void
legend_row_clear (LegendRow *row)
{
  g_free (row->text);
}

static GArray *
legend_rows (const CsRenderScene *scene)
{
  GArray *rows = g_array_new (FALSE, TRUE, sizeof (LegendRow));

  g_array_set_clear_func (rows, (GDestroyNotify)legend_row_clear);
  for (guint t = 0; t < CS_N_NODE_TYPES; t++)
    {
      guint count = 0;

      for (guint i = 0; i < cs_graph_get_n_nodes (scene->graph); i++)
        count += node_shown (scene, i) && cs_graph_get_node (scene->graph, i)->type == t;

      if (count > 0)
        {
          LegendRow row = { ROW_NODE, t,
                            g_strdup_printf ("%s (%u)", cs_node_type_get_display_name (t), count) };

          g_array_append_val (rows, row);
        }
    }
  for (guint r = 0; r < CS_N_RELATIONS; r++)
    {
      guint count = 0;

      for (guint e = 0; e < cs_graph_get_n_edges (scene->graph); e++)
        count += edge_shown (scene, e) && cs_graph_get_edge (scene->graph, e)->relation == r;

      if (count > 0)
        {
          LegendRow row = { ROW_RELATION, r,
                            g_strdup_printf ("%s (%u)", cs_relation_get_display_name (r), count) };

          g_array_append_val (rows, row);
        }
    }
  if ((scene->flags & CS_RENDER_HULLS) != 0 &&
      cs_graph_count_type (scene->graph, CS_NODE_TYPE_CONSORTIUM) > 0)
    {
      LegendRow row = { ROW_HULLS, 0, g_strdup ("Consortium and its members") };

      g_array_append_val (rows, row);
    }
  return rows;
}

/* Lays out the title and legend; draws them when @cr is not NULL. Returns
 * the boxes they cover so labels keep clear of them. */
static guint layout_overlays (cairo_t             *cr,
                              cairo_t             *measure,
                              const CsRenderScene *scene,
                              Box                 *boxes);

/* The title and legend sit at the top left of the visible area, which
 * starts at (view_x, view_y) of the scene's device space. */
static guint
draw_overlays (cairo_t             *cr,
               cairo_t             *measure,
               const CsRenderScene *scene,
               Box                 *boxes)
{
  guint n;

  if (cr != NULL)
    {
      cairo_save (cr);
      cairo_translate (cr, scene->view_x, scene->view_y);
    }
  n = layout_overlays (cr, measure, scene, boxes);
  if (cr != NULL)
    cairo_restore (cr);
  for (guint i = 0; i < n; i++)
    {
      boxes[i].x0 += scene->view_x;
      boxes[i].x1 += scene->view_x;
      boxes[i].y0 += scene->view_y;
      boxes[i].y1 += scene->view_y;
    }
  return n;
}

static guint
layout_overlays (cairo_t             *cr,
                 cairo_t             *measure,
                 const CsRenderScene *scene,
                 Box                 *boxes)
{
  const CsRenderStyle *style = scene->style;
  double y = LEGEND_MARGIN;
  guint n_boxes = 0;

  if ((scene->flags & CS_RENDER_TITLE) != 0)
    {
      const char *title = scene->title != NULL ? scene->title : cs_graph_get_title (scene->graph);
      g_autoptr(PangoLayout) layout = NULL;
      PangoRectangle logical;

      if (title != NULL && title[0] != '\0')
        {
          layout = create_layout (measure, style, 1.5 * style->legend_font_size);
          pango_layout_set_text (layout, title, -1);
          pango_layout_set_width (layout, (int)((scene->width - 2 * LEGEND_MARGIN) * PANGO_SCALE));
          pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
          pango_layout_get_extents (layout, NULL, &logical);
          if (cr != NULL)
            {
              cairo_move_to (cr, LEGEND_MARGIN, y);
              set_color (cr, &style->foreground);
              pango_cairo_show_layout (cr, layout);
            }
          boxes[n_boxes++] = (Box){ LEGEND_MARGIN, y,
                                    LEGEND_MARGIN + logical.width / (double)PANGO_SCALE,
                                    y + logical.height / (double)PANGO_SCALE };
          y += logical.height / (double)PANGO_SCALE + 6;
        }
    }

  if ((scene->flags & CS_RENDER_LEGEND) != 0)
    {
      g_autoptr(GArray) rows = legend_rows (scene);
      g_autoptr(PangoLayout) layout = create_layout (measure, style, style->legend_font_size);
      double line = 1.6 * style->legend_font_size;
      double swatch = 2.2 * style->legend_font_size;
      double text_width = 0;
      double w, h;

      if (rows->len == 0)
        return n_boxes;

      for (guint i = 0; i < rows->len; i++)
        {
          PangoRectangle logical;

          pango_layout_set_text (layout, g_array_index (rows, LegendRow, i).text, -1);
          pango_layout_get_extents (layout, NULL, &logical);
          text_width = MAX (text_width, logical.width / (double)PANGO_SCALE);
        }
      w = 2 * LEGEND_PADDING + swatch + 8 + text_width;
      h = 2 * LEGEND_PADDING + rows->len * line;

      if (cr != NULL)
        {
          cairo_rectangle (cr, LEGEND_MARGIN + 0.5, y + 0.5, w, h);
          set_color (cr, &style->legend_fill);
          cairo_fill_preserve (cr);
          cairo_set_line_width (cr, 1);
          set_color (cr, &style->legend_border);
          cairo_stroke (cr);

          for (guint i = 0; i < rows->len; i++)
            {
              const LegendRow *row = &g_array_index (rows, LegendRow, i);
              double ry = y + LEGEND_PADDING + i * line;
              double cy = ry + line / 2;
              double sx = LEGEND_MARGIN + LEGEND_PADDING;
              PangoRectangle logical;

              if (row->row_kind == ROW_NODE)
                draw_shape (cr, style, row->kind, sx + swatch / 2, cy, 0.32 * line, 1.0);
              else if (row->row_kind == ROW_HULLS)
                {
                  /* three outlines' colours, as the consortia take them */
                  for (guint c = 0; c < 3; c++)
                    {
                      const CsColor *hull = &style->hulls[c];

                      cairo_rectangle (cr, sx + c * swatch / 3, cy - 0.3 * line, swatch / 3,
                                       0.6 * line);
                      cairo_set_source_rgba (cr, hull->red, hull->green, hull->blue,
                                             style->dark ? 0.35 : 0.25);
                      cairo_fill (cr);
                    }
                }
              else
                {
                  const CsEdgeStyle *es = &style->edges[row->kind];

                  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
                  cairo_set_line_width (cr, MAX (es->width, 1.0));
                  set_dash (cr, es->dash, MAX (es->width, 1.0));
                  set_color (cr, &es->color);
                  cairo_move_to (cr, sx, cy);
                  cairo_line_to (cr, sx + swatch, cy);
                  cairo_stroke (cr);
                  cairo_set_dash (cr, NULL, 0, 0);
                }

              pango_layout_set_text (layout, row->text, -1);
              pango_layout_get_extents (layout, NULL, &logical);
              cairo_move_to (cr, sx + swatch + 8, cy - logical.height / (2.0 * PANGO_SCALE));
              set_color (cr, &style->foreground);
              pango_cairo_show_layout (cr, layout);
            }
        }
      boxes[n_boxes++] = (Box) { LEGEND_MARGIN, y, LEGEND_MARGIN + w + 1, y + h + 1 };
    }

  return n_boxes;
}

/**
 * cs_renderer_draw:
 * @cr: a cairo context; device units are the scene's units
 * @scene: what to draw
 *
 * Draws the scene: background, edges, nodes, labels, then title and legend.
 * The one drawing routine behind the window and every export.
 */
void
cs_renderer_draw (cairo_t             *cr,
                  const CsRenderScene *scene)
{
  guint n_nodes;
  Box reserved[2];
  guint n_reserved;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (scene != NULL);
  g_return_if_fail (CS_IS_GRAPH (scene->graph));

  cairo_save (cr);

  if ((scene->flags & CS_RENDER_BACKGROUND) != 0)
    {
      set_color (cr, &scene->style->background);
      cairo_paint (cr);
    }

  if ((scene->flags & CS_RENDER_HULLS) != 0)
    draw_hulls (cr, scene);

  n_nodes = cs_graph_get_n_nodes (scene->graph);
  if ((scene->node_shown != NULL || scene->edge_shown != NULL) && !scene->hide_filtered)
    {
      /* what the filters leave out stays as a faint context */
      cairo_push_group (cr);
      draw_edges (cr, scene, FALSE);
      for (guint i = 0; i < n_nodes; i++)
        if (!node_shown (scene, i))
          draw_node (cr, scene, i, 0);
      cairo_pop_group_to_source (cr);
      cairo_paint_with_alpha (cr, 0.15);
    }
  draw_edges (cr, scene, TRUE);
  for (guint i = 0; i < n_nodes; i++)
    if (node_shown (scene, i))
      draw_node (cr, scene, i, 0);

  n_reserved = draw_overlays (NULL, cr, scene, reserved);
  if ((scene->flags & CS_RENDER_LABELS) != 0)
    draw_labels (cr, scene, reserved, n_reserved);
  if ((scene->flags & CS_RENDER_OVERLAYS_APART) == 0)
    {
      draw_overlays (cr, cr, scene, reserved);
      draw_caption (cr, cr, scene);
    }

  cairo_restore (cr);
}

/**
 * cs_renderer_draw_overlays:
 * @cr: a cairo context
 * @scene: a scene drawn with %CS_RENDER_OVERLAYS_APART
 *
 * Draws the title and legend alone, for a caller that keeps the rest of
 * the picture and moves it under them.
 */
void
cs_renderer_draw_overlays (cairo_t             *cr,
                           const CsRenderScene *scene)
{
  Box boxes[2];

  g_return_if_fail (cr != NULL);
  g_return_if_fail (scene != NULL);

  cairo_save (cr);
  draw_overlays (cr, cr, scene, boxes);
  cairo_restore (cr);
}

/**
 * cs_renderer_hit_test:
 * @scene: a scene
 * @x: a device x
 * @y: a device y
 *
 * Uses the drawing's own geometry: the node drawn last wins.
 *
 * Returns: the index of the node under (@x, @y), or -1
 */
int
cs_renderer_hit_test (const CsRenderScene *scene,
                      double               x,
                      double               y)
{
  g_return_val_if_fail (scene != NULL, -1);

  for (guint i = cs_graph_get_n_nodes (scene->graph); i-- > 0;)
    {
      double nx, ny;
      double r = cs_renderer_get_node_radius (scene, i) * scene->zoom + HIT_SLOP;

      if (!node_shown (scene, i))
        continue;
      cs_renderer_node_to_device (scene, i, &nx, &ny);
      if ((x - nx) * (x - nx) + (y - ny) * (y - ny) <= r * r)
        return i;
    }
  return -1;
}

/**
 * cs_renderer_build_hit_index:
 * @scene: a scene
 *
 * Indexes the nodes' hit areas for cs_renderer_hit_test_indexed(). The
 * index stays valid until the scene's positions, zoom or offset change.
 *
 * Returns: (transfer full): the index
 */
CsSpatialGrid *
cs_renderer_build_hit_index (const CsRenderScene *scene)
{
  CsSpatialGrid *index;

  g_return_val_if_fail (scene != NULL, NULL);

  index = cs_spatial_grid_new (64);
  for (guint i = 0; i < cs_graph_get_n_nodes (scene->graph); i++)
    {
      double x, y;
      double r = cs_renderer_get_node_radius (scene, i) * scene->zoom + HIT_SLOP;

      if (!node_shown (scene, i))
        continue;
      cs_renderer_node_to_device (scene, i, &x, &y);
      cs_spatial_grid_insert (index, x - r, y - r, x + r, y + r, i);
    }
  return index;
}

/**
 * cs_renderer_hit_test_indexed:
 * @scene: a scene
 * @index: its index from cs_renderer_build_hit_index()
 * @x: a device x
 * @y: a device y
 *
 * Like cs_renderer_hit_test(), looking only at the nodes near the point.
 *
 * Returns: the node under (@x, @y), or -1
 */
int
cs_renderer_hit_test_indexed (const CsRenderScene *scene,
                              CsSpatialGrid       *index,
                              double               x,
                              double               y)
{
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (guint));
  int best = -1;

  g_return_val_if_fail (scene != NULL, -1);
  g_return_val_if_fail (index != NULL, -1);

  cs_spatial_grid_query_point (index, x, y, candidates);
  for (guint c = 0; c < candidates->len; c++)
    {
      guint i = g_array_index (candidates, guint, c);
      double nx, ny;
      double r = cs_renderer_get_node_radius (scene, i) * scene->zoom + HIT_SLOP;

      cs_renderer_node_to_device (scene, i, &nx, &ny);
      /* the node drawn last is on top */
      if ((x - nx) * (x - nx) + (y - ny) * (y - ny) <= r * r && (int)i > best)
        best = i;
    }
  return best;
}

/**
 * cs_renderer_count_missing_glyphs:
 * @scene: a scene
 *
 * Counts the characters in node labels that no installed font can show
 * (they would be drawn as boxes).
 *
 * Returns: the number of missing glyphs
 */
guint
cs_renderer_count_missing_glyphs (const CsRenderScene *scene)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  guint missing = 0;

  g_return_val_if_fail (scene != NULL, 0);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cr = cairo_create (surface);
  {
    g_autoptr(PangoLayout) layout = create_layout (cr, scene->style, scene->style->font_size);

    for (guint i = 0; i < cs_graph_get_n_nodes (scene->graph); i++)
      {
        pango_layout_set_text (layout, cs_graph_get_node (scene->graph, i)->label, -1);
        missing += pango_layout_get_unknown_glyphs_count (layout);
      }
  }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return missing;
}
