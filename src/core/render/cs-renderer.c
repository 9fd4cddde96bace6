/* cs-renderer.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-renderer.h"

#include "cs-raster-private.h"
#include "cs-render-private.h"

#include <math.h>

/* The picture itself: background, consortium outlines, edges and nodes;
 * labels (cs-labels.c), title and legend (cs-overlays.c), the focus drawn
 * over it (cs-focus.c) and hit tests (cs-hit-test.c) use the same
 * geometry. */

#define ARROW_LENGTH     7.0  /* world units */
#define PARALLEL_SPACING 14.0 /* world units between parallel edges */

void
_cs_render_set_color (cairo_t       *cr,
                      const CsColor *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

/* a dash style's lengths, on and off in turn, for a line @width wide;
 * returns how many (0: solid) */
guint
_cs_render_dash_pattern (CsDash  dash,
                         double  width,
                         double *pattern)
{
  double u = MAX (width, 0.5);

  switch (dash)
    {
    case CS_DASH_DASHED:
      pattern[0] = 5 * u;
      pattern[1] = 3 * u;
      return 2;

    case CS_DASH_DOTTED:
      pattern[0] = 0.01;
      pattern[1] = 2.5 * u;
      return 2;

    case CS_DASH_DASH_DOT:
      pattern[0] = 6 * u;
      pattern[1] = 2.5 * u;
      pattern[2] = 0.01;
      pattern[3] = 2.5 * u;
      return 4;

    case CS_DASH_LONG_DASH:
      pattern[0] = 10 * u;
      pattern[1] = 4 * u;
      return 2;

    case CS_DASH_SOLID:
    default:
      return 0;
    }
}

void
_cs_render_set_dash (cairo_t *cr,
                     CsDash   dash,
                     double   width)
{
  double pattern[4];
  guint n = _cs_render_dash_pattern (dash, width, pattern);

  cairo_set_dash (cr, n > 0 ? pattern : NULL, n, 0);
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
double
_cs_render_shape_extent (CsShape shape)
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

double
_cs_render_node_reach (const CsScene *scene,
                       guint          node)
{
  return scene->content->radius[node] *
         _cs_render_shape_extent (cs_scene_get_node_style (scene, node)->shape);
}

void
_cs_render_draw_shape (cairo_t             *cr,
                       const CsRenderStyle *style,
                       const CsNodeStyle   *ns,
                       double               x,
                       double               y,
                       double               r,
                       double               outline)
{
  shape_path (cr, ns->shape, x, y, r);
  _cs_render_set_color (cr, &ns->fill);
  if (outline <= 0)
    {
      /* a dot, too small for an outline */
      cairo_fill (cr);
      return;
    }
  cairo_fill_preserve (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_set_line_width (cr, outline);
  _cs_render_set_color (cr, &style->halo);
  cairo_stroke (cr);

  if (ns->shape == CS_SHAPE_RING)
    {
      /* a consortium: an outer ring marks it as a group */
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, r + 2.5 * outline, 0, 2 * G_PI);
      _cs_render_set_color (cr, &ns->fill);
      cairo_set_line_width (cr, 1.5 * outline);
      cairo_stroke (cr);
    }
}

/* Where an edge runs on the device: trimmed at the outlines of its ends,
 * bent when it is one of several between a pair. FALSE when there is
 * nothing to draw (a loop, or ends that touch). */
gboolean
_cs_render_edge_geometry (const CsScene  *scene,
                          guint           index,
                          CsEdgeGeometry *g)
{
  const CsSceneContent *content = scene->content;
  const CsEdge *edge = cs_graph_get_edge (content->graph, index);
  guint k = content->fan_k[index];
  guint total = content->fan_total[index];
  double z = scene->zoom;
  double x0, y0, x1, y1, dx, dy, len, nx, ny, bend, r0, r1, cx, cy, tx, ty, tlen;

  if (edge->source == edge->target)
    return FALSE;

  cs_scene_node_to_device (scene, edge->source, &x0, &y0);
  cs_scene_node_to_device (scene, edge->target, &x1, &y1);
  dx = x1 - x0;
  dy = y1 - y0;
  len = hypot (dx, dy);
  r0 = _cs_render_node_reach (scene, edge->source) * z + 1;
  r1 = _cs_render_node_reach (scene, edge->target) * z + 1;
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
  g->ex = x1 - tx / tlen * r1;
  g->ey = y1 - ty / tlen * r1;
  {
    double sx = cx - x0, sy = cy - y0, slen = hypot (sx, sy);

    g->x0 = x0 + sx / slen * r0;
    g->y0 = y0 + sy / slen * r0;
  }
  g->ux = tx / tlen;
  g->uy = ty / tlen;
  g->curved = total > 1;
  g->c1x = g->x0 + (cx - g->x0) * 2 / 3;
  g->c1y = g->y0 + (cy - g->y0) * 2 / 3;
  g->c2x = g->ex + (cx - g->ex) * 2 / 3;
  g->c2y = g->ey + (cy - g->ey) * 2 / 3;
  g->mid_x = g->curved ? (g->x0 + 3 * g->c1x + 3 * g->c2x + g->ex) / 8 : (g->x0 + g->ex) / 2;
  g->mid_y = g->curved ? (g->y0 + 3 * g->c1y + 3 * g->c2y + g->ey) / 8 : (g->y0 + g->ey) / 2;
  g->length = hypot (g->ex - g->x0, g->ey - g->y0);
  return TRUE;
}

/* Draws one edge, @width_scale times its usual width; returns in @mid the
 * middle of the drawn curve, or FALSE when nothing was drawn. */
gboolean
_cs_render_draw_edge (cairo_t       *cr,
                      const CsScene *scene,
                      guint          index,
                      double         width_scale,
                      double        *mid_x,
                      double        *mid_y)
{
  const CsSceneContent *content = scene->content;
  const CsEdge *edge = cs_graph_get_edge (content->graph, index);
  const CsEdgeStyle *es = &content->relation_styles[edge->relation];
  double z = scene->zoom;
  CsEdgeGeometry g;

  if (!_cs_render_edge_geometry (scene, index, &g))
    return FALSE;

  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_width (cr, MAX (es->width * z, 0.4) * width_scale);
  _cs_render_set_dash (cr, es->dash, es->width * z * width_scale);
  if (width_scale == 1.0 && content->edge_alpha < 1.0)
    {
      CsColor faint = es->color;

      faint.alpha *= content->edge_alpha;
      _cs_render_set_color (cr, &faint);
    }
  else
    _cs_render_set_color (cr, &es->color);
  cairo_move_to (cr, g.x0, g.y0);
  if (g.curved)
    cairo_curve_to (cr, g.c1x, g.c1y, g.c2x, g.c2y, g.ex, g.ey);
  else
    cairo_line_to (cr, g.ex, g.ey);
  cairo_stroke (cr);

  if (cs_relation_is_directed (edge->relation))
    {
      double a = ARROW_LENGTH * z * MAX (1.0, es->width / 1.5) * MAX (1.0, width_scale * 0.8);

      cairo_set_dash (cr, NULL, 0, 0);
      cairo_move_to (cr, g.ex, g.ey);
      cairo_line_to (cr, g.ex - a * g.ux + 0.45 * a * g.uy, g.ey - a * g.uy - 0.45 * a * g.ux);
      cairo_line_to (cr, g.ex - a * g.ux - 0.45 * a * g.uy, g.ey - a * g.uy + 0.45 * a * g.ux);
      cairo_close_path (cr);
      cairo_fill (cr);
    }
  cairo_set_dash (cr, NULL, 0, 0);

  if (mid_x != NULL)
    *mid_x = g.mid_x;
  if (mid_y != NULL)
    *mid_y = g.mid_y;
  return TRUE;
}

/* How far a node's membership ring reaches past its shape, in device
 * units: a lead, and an organisation of several consortia, wear a ring in
 * the colours of their consortia. */
static double
ring_width (const CsScene *scene)
{
  return CLAMP (2.0 * scene->zoom, 2.0, 4.0);
}

double
_cs_render_ring_extra (const CsScene *scene,
                       guint          node)
{
  const CsSceneContent *content = scene->content;
  guint n = content->member_offsets[node + 1] - content->member_offsets[node];

  if (n == 0 || (n == 1 && !content->leads[node]))
    return 0;
  return 1.5 + ring_width (scene);
}

static void
draw_ring (cairo_t       *cr,
           const CsScene *scene,
           guint          i,
           double         x,
           double         y,
           double         r)
{
  const CsSceneContent *content = scene->content;
  guint first = content->member_offsets[i], n = content->member_offsets[i + 1] - first;
  double w = ring_width (scene), rr = r + 1.5 + w / 2;
  double step;

  if (n == 0 || (n == 1 && !content->leads[i]))
    return;
  /* a halo under the ring keeps it apart from the edges it crosses */
  cairo_new_sub_path (cr);
  cairo_arc (cr, x, y, rr, 0, 2 * G_PI);
  _cs_render_set_color (cr, &content->style.halo);
  cairo_set_line_width (cr, w + 1.5);
  cairo_stroke (cr);
  /* one arc per consortium, from the top, the one it leads first */
  step = 2 * G_PI / n;
  cairo_set_line_width (cr, w);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  for (guint k = 0; k < n; k++)
    {
      double a0 = -G_PI / 2 + k * step;

      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, rr, a0, a0 + step);
      _cs_render_set_color (cr, &content->consortium_colors[content->member_places[first + k]]);
      cairo_stroke (cr);
    }
}

/* The outline round a convex polygon at distance @pad: its sides pushed
 * out, joined by arcs round its corners; one corner is a disc, two are a
 * capsule. One path, without clips or groups, so every surface (and every
 * SVG reader) draws it the same. */
static void
outward_normal (const double *xy,
                guint         a,
                guint         b,
                double        cx,
                double        cy,
                double       *nx,
                double       *ny)
{
  double dx = xy[2 * b] - xy[2 * a], dy = xy[2 * b + 1] - xy[2 * a + 1];
  double len = MAX (hypot (dx, dy), 1e-9);
  double mx = (xy[2 * a] + xy[2 * b]) / 2, my = (xy[2 * a + 1] + xy[2 * b + 1]) / 2;

  *nx = dy / len;
  *ny = -dx / len;
  /* away from the middle of the polygon */
  if (*nx * (mx - cx) + *ny * (my - cy) < 0)
    {
      *nx = -*nx;
      *ny = -*ny;
    }
}

static void
rounded_hull_path (cairo_t      *cr,
                   const double *xy,
                   guint         n,
                   double        pad)
{
  double cx = 0, cy = 0;

  cairo_new_sub_path (cr);
  if (n == 1)
    {
      cairo_arc (cr, xy[0], xy[1], pad, 0, 2 * G_PI);
      cairo_close_path (cr);
      return;
    }
  for (guint i = 0; i < n; i++)
    {
      cx += xy[2 * i] / n;
      cy += xy[2 * i + 1] / n;
    }
  for (guint i = 0; i < n; i++)
    {
      guint prev = (i + n - 1) % n, next = (i + 1) % n;
      double x = xy[2 * i], y = xy[2 * i + 1];
      double inx, iny, outx, outy, a0, a1, turn;

      if (n == 2)
        {
          /* a capsule: half a circle round each end, away from the other */
          a0 = atan2 (y - xy[2 * next + 1], x - xy[2 * next]) - G_PI / 2;
          cairo_arc (cr, x, y, pad, a0, a0 + G_PI);
          continue;
        }
      outward_normal (xy, prev, i, cx, cy, &inx, &iny);
      outward_normal (xy, i, next, cx, cy, &outx, &outy);
      a0 = atan2 (iny, inx);
      a1 = atan2 (outy, outx);
      /* round the corner the short way */
      turn = remainder (a1 - a0, 2 * G_PI);
      if (turn >= 0)
        cairo_arc (cr, x, y, pad, a0, a0 + turn);
      else
        cairo_arc_negative (cr, x, y, pad, a0, a0 + turn);
    }
  cairo_close_path (cr);
}

/* A tinted outline, with a line round it in the consortium's colour, about
 * each consortium and its members (those that lead it or are members of
 * it): where outlines overlap, each line can still be followed. An
 * organisation in several consortia sits inside several outlines. The
 * corners were found when the scene was built, in the renderer's own
 * geometry. */
static void
draw_hulls (cairo_t       *cr,
            const CsScene *scene)
{
  const CsSceneContent *content = scene->content;
  g_autoptr(GArray) xy = g_array_new (FALSE, FALSE, sizeof (double));

  cairo_save (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint pass = 0; pass < 2; pass++)
    for (guint place = 0; place < content->n_hulls; place++)
      {
        guint first = content->hull_offsets[place];
        guint end = content->hull_offsets[place + 1];
        double pad = (content->hull_reach[place] + 8) * scene->zoom;
        double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;
        const CsColor *color = &content->hull_colors[place];
        double faded = content->node_lit != NULL && place < content->n_consortia &&
                               !content->node_lit[content->consortia[place]]
                           ? 0.3
                           : 1.0;

        if (end == first)
          continue;
        g_array_set_size (xy, 0);
        for (guint h = first; h < end; h++)
          {
            double x, y;

            cs_scene_node_to_device (scene, content->hull_corners[h], &x, &y);
            g_array_append_val (xy, x);
            g_array_append_val (xy, y);
            x0 = MIN (x0, x);
            x1 = MAX (x1, x);
            y0 = MIN (y0, y);
            y1 = MAX (y1, y);
          }
        if (x1 + pad < 0 || y1 + pad < 0 || x0 - pad > scene->width || y0 - pad > scene->height)
          continue;
        rounded_hull_path (cr, (const double *)xy->data, end - first, pad);
        /* every tint first, then every line over them */
        if (pass == 0)
          {
            cairo_set_source_rgba (cr, color->red, color->green, color->blue,
                                   (content->style.dark ? 0.14 : 0.09) * faded);
            cairo_fill (cr);
          }
        else
          {
            cairo_set_source_rgba (cr, color->red, color->green, color->blue, 0.75 * faded);
            cairo_set_line_width (cr, MAX (1.2, 1.6 * MIN (scene->zoom, 1.5)));
            cairo_stroke (cr);
          }
      }
  cairo_restore (cr);
}

/* Which part of the picture a pass draws */
typedef enum
{
  PICK_SHOWN,        /* what the filter shows (lit, when the legend highlights) */
  PICK_FILTERED_OUT, /* what the filter leaves out, drawn faint */
  PICK_UNLIT,        /* shown, but faded by the legend's highlight */
} Pick;

static inline gboolean
pick_edge (const CsScene *scene,
           guint          e,
           Pick           pick)
{
  const guint8 *lit = scene->content->edge_lit;

  switch (pick)
    {
    case PICK_FILTERED_OUT:
      return !_cs_scene_edge_shown (scene, e);
    case PICK_UNLIT:
      return _cs_scene_edge_shown (scene, e) && !lit[e];
    case PICK_SHOWN:
    default:
      return _cs_scene_edge_shown (scene, e) && (lit == NULL || lit[e]);
    }
}

static inline gboolean
pick_node (const CsScene *scene,
           guint          i,
           Pick           pick)
{
  const guint8 *lit = scene->content->node_lit;

  switch (pick)
    {
    case PICK_FILTERED_OUT:
      return !cs_scene_is_node_shown (scene, i);
    case PICK_UNLIT:
      return cs_scene_is_node_shown (scene, i) && !lit[i];
    case PICK_SHOWN:
    default:
      return cs_scene_is_node_shown (scene, i) && (lit == NULL || lit[i]);
    }
}

/* whether a box reaches into the surface */
static inline gboolean
on_surface (const CsScene *scene,
            double         x0,
            double         y0,
            double         x1,
            double         y1)
{
  return x1 >= 0 && y1 >= 0 && x0 <= scene->width && y0 <= scene->height;
}

/* An edge's device box, with @pad round it */
static gboolean
edge_on_surface (const CsScene        *scene,
                 const CsEdgeGeometry *g,
                 double                pad)
{
  double x0 = MIN (g->x0, g->ex), x1 = MAX (g->x0, g->ex);
  double y0 = MIN (g->y0, g->ey), y1 = MAX (g->y0, g->ey);

  if (g->curved)
    {
      x0 = MIN (x0, MIN (g->c1x, g->c2x));
      x1 = MAX (x1, MAX (g->c1x, g->c2x));
      y0 = MIN (y0, MIN (g->c1y, g->c2y));
      y1 = MAX (y1, MAX (g->c1y, g->c2y));
    }
  return on_surface (scene, x0 - pad, y0 - pad, x1 + pad, y1 + pad);
}

static void
arrow_path (cairo_t              *cr,
            const CsEdgeGeometry *g,
            double                a)
{
  cairo_move_to (cr, g->ex, g->ey);
  cairo_line_to (cr, g->ex - a * g->ux + 0.45 * a * g->uy, g->ey - a * g->uy - 0.45 * a * g->ux);
  cairo_line_to (cr, g->ex - a * g->ux - 0.45 * a * g->uy, g->ey - a * g->uy + 0.45 * a * g->ux);
  cairo_close_path (cr);
}

/* whether @cr draws into pixels, where thin links are written by
 * cs-raster.c (into a vector file every link stays a cairo stroke) */
static gboolean
draws_pixels (cairo_t *cr)
{
  return cairo_surface_get_type (cairo_get_group_target (cr)) == CAIRO_SURFACE_TYPE_IMAGE;
}

static void
edge_path (cairo_t              *cr,
           const CsEdgeGeometry *g)
{
  cairo_move_to (cr, g->x0, g->y0);
  if (g->curved)
    cairo_curve_to (cr, g->c1x, g->c1y, g->c2x, g->c2y, g->ex, g->ey);
  else
    cairo_line_to (cr, g->ex, g->ey);
}

_Thread_local CsRenderProgress *_cs_render_progress;

void
_cs_render_progress_begin (CsRenderProgress *progress)
{
  _cs_render_progress = progress;
}

void
_cs_render_progress_end (void)
{
  _cs_render_progress = NULL;
}

gboolean
_cs_render_progress_tick_slow (void)
{
  CsRenderProgress *progress = _cs_render_progress;
  double share = progress->n_items > 0 ? MIN (1.0, (double)progress->done / progress->n_items) : 1;
  gint permille = (gint)(1000 * (progress->from + (progress->to - progress->from) * share));

  if (progress->permille != NULL)
    g_atomic_int_set (progress->permille, permille);
  if (progress->func != NULL)
    progress->func (permille, progress->data);
  if (progress->cancellable != NULL && g_cancellable_is_cancelled (progress->cancellable))
    progress->cancelled = TRUE;
  return !progress->cancelled;
}

/* the ticks one cs_renderer_draw() of @scene makes, at most: both passes
 * over the links, the nodes, the nodes looked at for names */
guint64
_cs_render_progress_items (const CsScene *scene)
{
  return 2 * (guint64)cs_graph_get_n_edges (scene->content->graph) +
         2 * (guint64)cs_graph_get_n_nodes (scene->content->graph);
}

/* Dashed links wider than this many pixels keep cairo's round caps (the
 * raster draws a dash's ink, not its rounded ends); solid links of any
 * width are written into the pixels, their ends hidden under the nodes'
 * outlines. Cairo takes up to 200 µs for one long, wide, translucent
 * link. */
#define RASTER_MAX_DASHED_WIDTH 6.0

/* how a pass draws the links of one relation */
typedef struct
{
  double       width;
  double       arrow;
  double       pad;
  gboolean     directed;
  CsColor      color;
  gboolean     rastered;
  CsRasterDash dash;
} RelationPass;

/* The links a pass picks, leaving out those off the surface: in pixels
 * the thin ones first, written by cs-raster.c (cairo 1.16 takes 8 to
 * 50 µs a stroke, and longer for a path of many), then the others and
 * the arrowheads through cairo, one at a time (cairo's SVG and PDF
 * surfaces, too, are several times slower on one path of many links). */
static void
draw_edges (cairo_t       *cr,
            const CsScene *scene,
            Pick           pick,
            double         width_scale)
{
  const CsSceneContent *content = scene->content;
  guint n_relations = MAX (cs_graph_get_n_relations (content->graph), 1);
  guint n_edges = cs_graph_get_n_edges (content->graph);
  g_autofree RelationPass *passes = g_new0 (RelationPass, n_relations);
  CsRaster raster;
  gboolean any_arrows = FALSE, any_stroked = FALSE;
  double z = scene->zoom;

  if (n_edges == 0)
    return;
  cairo_save (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_new_path (cr);
  if (!draws_pixels (cr) || !_cs_raster_begin (&raster, cr))
    raster.surface = NULL;
  for (guint r = 0; r < n_relations; r++)
    {
      const CsEdgeStyle *es = &content->relation_styles[r];
      RelationPass *p = &passes[r];

      p->width = MAX (es->width * z, 0.4) * width_scale;
      p->arrow = ARROW_LENGTH * z * MAX (1.0, es->width / 1.5) * MAX (1.0, width_scale * 0.8);
      p->directed = cs_relation_is_directed (r);
      p->pad = p->width + (p->directed ? p->arrow : 0);
      p->color = es->color;
      if (width_scale == 1.0 && content->edge_alpha < 1.0)
        p->color.alpha *= content->edge_alpha;
      if (raster.surface != NULL &&
          (es->dash == CS_DASH_SOLID ||
           _cs_raster_pixels (&raster, p->width) <= RASTER_MAX_DASHED_WIDTH))
        {
          double pattern[4];
          guint n = _cs_render_dash_pattern (es->dash, es->width * z * width_scale, pattern);

          for (guint i = 0; i < n; i++)
            pattern[i] = _cs_raster_pixels (&raster, pattern[i]);
          _cs_raster_dash_init (&p->dash, pattern, n, _cs_raster_pixels (&raster, p->width));
          p->rastered = TRUE;
        }
    }

  /* the thin links in pixels */
  for (guint e = 0; raster.surface != NULL && e < n_edges && _cs_render_progress_tick (); e++)
    {
      const RelationPass *p = &passes[cs_graph_get_edge (content->graph, e)->relation];
      CsEdgeGeometry g;

      if (!p->rastered)
        {
          any_stroked = TRUE;
          continue;
        }
      any_arrows |= p->directed; /* their heads go through cairo */
      if (!pick_edge (scene, e, pick) || !_cs_render_edge_geometry (scene, e, &g) ||
          !edge_on_surface (scene, &g, p->pad))
        continue;
      if (g.curved)
        _cs_raster_curve (&raster, g.x0, g.y0, g.c1x, g.c1y, g.c2x, g.c2y, g.ex, g.ey, p->width,
                          &p->color, &p->dash);
      else
        _cs_raster_line (&raster, g.x0, g.y0, g.ex, g.ey, p->width, &p->color, &p->dash, NULL);
    }
  if (raster.surface != NULL)
    _cs_raster_end (&raster);

  /* the others, and every arrowhead */
  for (guint e = 0; (raster.surface == NULL || any_stroked || any_arrows) && e < n_edges &&
                    _cs_render_progress_tick ();
       e++)
    {
      CsRelation relation = cs_graph_get_edge (content->graph, e)->relation;
      const RelationPass *p = &passes[relation];
      const CsEdgeStyle *es = &content->relation_styles[relation];
      CsEdgeGeometry g;

      if ((p->rastered && !p->directed) || !pick_edge (scene, e, pick) ||
          !_cs_render_edge_geometry (scene, e, &g) || !edge_on_surface (scene, &g, p->pad))
        continue;
      _cs_render_set_color (cr, &p->color);
      if (!p->rastered)
        {
          cairo_set_line_width (cr, p->width);
          _cs_render_set_dash (cr, es->dash, es->width * z * width_scale);
          edge_path (cr, &g);
          cairo_stroke (cr);
        }
      if (p->directed)
        {
          cairo_set_dash (cr, NULL, 0, 0);
          arrow_path (cr, &g, p->arrow);
          cairo_fill (cr);
        }
    }
  cairo_restore (cr);
}

/* Below this many device pixels of radius a node is a dot of colour: its
 * outline would hide it */
#define OUTLINE_MIN_RADIUS 2.0

/* the node's device centre and radius, FALSE when it lies off the surface */
static inline gboolean
node_on_surface (const CsScene *scene,
                 guint          i,
                 double         extra,
                 double        *x,
                 double        *y,
                 double        *r)
{
  *r = scene->content->radius[i] * scene->zoom + extra;
  cs_scene_node_to_device (scene, i, x, y);
  return on_surface (scene, *x - 2 * *r, *y - 2 * *r, *x + 2 * *r, *y + 2 * *r);
}

static void
draw_pin (cairo_t       *cr,
          const CsScene *scene,
          double         x,
          double         y,
          double         r)
{
  /* a pin head at the top right: this node stays where it was put */
  double pr = MAX (2.5, 0.3 * r);
  double px = x + 0.75 * r, py = y - 0.75 * r;

  cairo_new_sub_path (cr);
  cairo_arc (cr, px, py, pr, 0, 2 * G_PI);
  _cs_render_set_color (cr, &scene->content->style.foreground);
  cairo_fill_preserve (cr);
  _cs_render_set_color (cr, &scene->content->style.halo);
  cairo_set_line_width (cr, MAX (1.0, pr / 2.5));
  cairo_stroke (cr);
}

void
_cs_render_draw_node (cairo_t       *cr,
                      const CsScene *scene,
                      guint          i,
                      double         extra)
{
  double x, y, r;

  if (!node_on_surface (scene, i, extra, &x, &y, &r))
    return;
  _cs_render_draw_shape (cr, &scene->content->style, cs_scene_get_node_style (scene, i), x, y, r,
                         r < OUTLINE_MIN_RADIUS ? 0 : MAX (1.0, 1.5 * scene->zoom));
  draw_ring (cr, scene, i, x, y, _cs_render_node_reach (scene, i) * scene->zoom + extra);
  if (scene->content->pinned != NULL && scene->content->pinned[i])
    draw_pin (cr, scene, x, y, r);
}

/* The nodes a pass picks, in order: the last drawn is on top, as the hit
 * test has it */
static void
draw_nodes (cairo_t       *cr,
            const CsScene *scene,
            Pick           pick)
{
  for (guint i = 0; i < cs_graph_get_n_nodes (scene->content->graph) && _cs_render_progress_tick ();
       i++)
    if (pick_node (scene, i, pick))
      _cs_render_draw_node (cr, scene, i, 0);
}

/* The teams cut at the stage shown: faded, even where the filter hides
 * what it leaves out, each in a dashed red ring with its name under it
 * (when there are at most CUT_NAMES_MAX of them) */
#define CUT_NAMES_MAX 60

static void
draw_cut (cairo_t       *cr,
          const CsScene *scene)
{
  const CsSceneContent *content = scene->content;
  const double dash[] = { 5, 3.5 };
  g_autoptr(PangoLayout) layout = NULL;

  if (content->cut == NULL)
    return;
  layout = _cs_render_create_layout (cr, &content->style, content->style.font_size);
  for (guint i = 0; i < cs_graph_get_n_nodes (content->graph); i++)
    {
      double x, y, r;
      PangoRectangle logical;

      if (!content->cut[i])
        continue;
      cs_scene_node_to_device (scene, i, &x, &y);
      r = _cs_render_node_reach (scene, i) * scene->zoom + 5;
      if (x + 2 * r < 0 || y + 2 * r < 0 || x - 2 * r > scene->width || y - 2 * r > scene->height)
        continue;
      if (content->hide_filtered)
        {
          cairo_push_group (cr);
          _cs_render_draw_node (cr, scene, i, 0);
          cairo_pop_group_to_source (cr);
          cairo_paint_with_alpha (cr, 0.3);
        }
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      _cs_render_set_color (cr, &CS_RENDER_CUT_COLOR);
      cairo_set_line_width (cr, 2);
      cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      /* names while they can be read: a few dozen cut teams, not thousands */
      if (content->n_cut > CUT_NAMES_MAX)
        continue;
      pango_layout_set_text (layout, content->labels[i], -1);
      pango_layout_get_extents (layout, NULL, &logical);
      cairo_move_to (cr, x - logical.width / (2.0 * PANGO_SCALE), y + r + 2);
      pango_cairo_layout_path (cr, layout);
      _cs_render_set_color (cr, &content->style.halo);
      cairo_set_line_width (cr, 3);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_stroke (cr);
      cairo_move_to (cr, x - logical.width / (2.0 * PANGO_SCALE), y + r + 2);
      _cs_render_set_color (cr, &CS_RENDER_CUT_COLOR);
      pango_cairo_show_layout (cr, layout);
    }
}

/**
 * cs_renderer_draw:
 * @cr: a cairo context; device units are the scene's units
 * @scene: what to draw
 *
 * Draws the scene: background, outlines, edges, nodes, labels, then title,
 * legend and caption. The one drawing routine behind the window and every
 * export. Thread safe for a scene no other thread changes.
 */
void
cs_renderer_draw (cairo_t       *cr,
                  const CsScene *scene)
{
  const CsSceneContent *content;
  CsBox reserved[2];
  guint n_reserved;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (scene != NULL);

  content = scene->content;
  cairo_save (cr);

  if ((scene->flags & CS_RENDER_BACKGROUND) != 0)
    {
      _cs_render_set_color (cr, &content->style.background);
      cairo_paint (cr);
    }

  if ((scene->flags & CS_RENDER_HULLS) != 0)
    draw_hulls (cr, scene);

  if ((content->node_shown != NULL || content->edge_shown != NULL) && !content->hide_filtered)
    {
      /* what the filters leave out stays as a faint context */
      cairo_push_group (cr);
      draw_edges (cr, scene, PICK_FILTERED_OUT, 1.0);
      draw_nodes (cr, scene, PICK_FILTERED_OUT);
      cairo_pop_group_to_source (cr);
      cairo_paint_with_alpha (cr, 0.15);
    }
  draw_cut (cr, scene);
  if (content->node_lit != NULL)
    {
      /* a highlight from the legend: the rest steps back */
      cairo_push_group (cr);
      draw_edges (cr, scene, PICK_UNLIT, 1.0);
      draw_nodes (cr, scene, PICK_UNLIT);
      cairo_pop_group_to_source (cr);
      cairo_paint_with_alpha (cr, 0.25);
    }
  draw_edges (cr, scene, PICK_SHOWN, content->edge_lit != NULL ? 1.5 : 1.0);
  draw_nodes (cr, scene, PICK_SHOWN);

  n_reserved = _cs_render_overlays (NULL, cr, scene, reserved);
  if ((scene->flags & CS_RENDER_LABELS) != 0)
    _cs_render_labels (cr, scene, reserved, n_reserved);
  if ((scene->flags & CS_RENDER_OVERLAYS_APART) == 0)
    {
      _cs_render_overlays (cr, cr, scene, reserved);
      _cs_render_caption (cr, cr, scene);
    }

  cairo_restore (cr);
}

/**
 * cs_renderer_layer_margin:
 * @width: a view's size, device units
 * @height:
 *
 * How far past a view a layer kept for panning reaches on every side: a
 * quarter of the view's larger side. A pan within it only moves the
 * layer; a wider margin pans further before a redraw but makes each
 * redraw draw more (at 1920x1080, 2.8 times the view's area, where half
 * the larger side was 5.5 times).
 *
 * Returns: the margin, device units
 */
double
cs_renderer_layer_margin (int width,
                          int height)
{
  return ceil (MAX (width, height) / 4.0);
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
cs_renderer_draw_overlays (cairo_t       *cr,
                           const CsScene *scene)
{
  CsBox boxes[2];

  g_return_if_fail (cr != NULL);
  g_return_if_fail (scene != NULL);

  cairo_save (cr);
  _cs_render_overlays (cr, cr, scene, boxes);
  cairo_restore (cr);
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
cs_renderer_count_missing_glyphs (const CsScene *scene)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  guint missing = 0;

  g_return_val_if_fail (scene != NULL, 0);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cr = cairo_create (surface);
  {
    g_autoptr(PangoLayout) layout =
        _cs_render_create_layout (cr, &scene->content->style, scene->content->style.font_size);

    for (guint i = 0; i < cs_graph_get_n_nodes (scene->content->graph); i++)
      {
        pango_layout_set_text (layout, scene->content->labels[i], -1);
        missing += pango_layout_get_unknown_glyphs_count (layout);
      }
  }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return missing;
}
