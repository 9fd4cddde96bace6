/* cs-labels.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-render-private.h"
#include "cs-spatial-grid.h"

#include <math.h>
#include <stdlib.h>

/* Node names: placed in order of importance where they cover no other
 * name and no node, so no two labels ever overlap. */

PangoLayout *
_cs_render_create_layout (cairo_t             *cr,
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
void
_cs_render_show_text (cairo_t             *cr,
                      const CsRenderStyle *style,
                      PangoLayout         *layout,
                      double               x,
                      double               y,
                      double               size,
                      const CsColor       *color)
{
  double r = MAX (1.25, size / 8);

  switch (cairo_surface_get_type (cairo_get_target (cr)))
    {
    case CAIRO_SURFACE_TYPE_PDF:
    case CAIRO_SURFACE_TYPE_SVG:
    case CAIRO_SURFACE_TYPE_PS:
      /* on paper and in SVG, the letters' outline stroked: exact at any
       * magnification */
      cairo_save (cr);
      cairo_move_to (cr, x, y);
      pango_cairo_layout_path (cr, layout);
      _cs_render_set_color (cr, &style->halo);
      cairo_set_line_width (cr, 2 * r);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_stroke (cr);
      cairo_restore (cr);
      break;
    default:
      /* on pixels, the text in the halo's colour at eight offsets round
       * it: the same look for a fraction of a stroke's cost, since the
       * glyphs come from cairo's cache */
      _cs_render_set_color (cr, &style->halo);
      for (guint k = 0; k < 8; k++)
        {
          cairo_move_to (cr, x + r * cos (k * G_PI / 4), y + r * sin (k * G_PI / 4));
          pango_cairo_show_layout (cr, layout);
        }
      break;
    }
  cairo_move_to (cr, x, y);
  _cs_render_set_color (cr, color != NULL ? color : &style->foreground);
  pango_cairo_show_layout (cr, layout);
}

/* Names are placed in order of importance: first those a reader must
 * always find (the selection, the programme, every consortium and every
 * lead), then the others while room and the label density allow. A name
 * covers no other name, no node, and neither the title nor the legend;
 * one that must be shown and finds no free spot is written anyway, as
 * close as it can be, and counted as forced. Roles on links come after
 * the names, where they fit. */

#define LABEL_GAP_PIXELS     2.0  /* between a node's reach and its name */
#define SELECTION_CLEARANCE  7.0  /* the selection ring's reach past the node */
#define ROLES_MIN_ZOOM       1.2  /* roles on every link from this zoom on */
#define OUTLINE_NAME_SPAN    9.0  /* outlines taller than this many lines are named at their top */

typedef struct
{
  double key;
  guint  node;
} Ranked;

static int
compare_ranked (const void *a,
                const void *b)
{
  const Ranked *ra = a, *rb = b;

  if (ra->key != rb->key)
    return ra->key > rb->key ? -1 : 1;
  return (ra->node > rb->node) - (ra->node < rb->node);
}

static double
label_priority (const CsSceneContent *content,
                guint                 node)
{
  CsNodeType type = cs_graph_get_node (content->graph, node)->type;
  double degree = cs_graph_get_degree (content->graph, node);

  if (content->selected != NULL && content->selected[node])
    return 4e9 + degree;
  if (type == CS_NODE_TYPE_PROGRAMME)
    return 3e9 + degree;
  if (content->consortium_place[node] >= 0)
    return 2e9 + degree;
  if (content->guaranteed[node])
    return 1e9 + degree;
  return degree - (type == CS_NODE_TYPE_PERSON ? 1e6 : 0);
}

/* how far from a node's centre its name must keep, in device units */
static double
label_clearance (const CsScene *scene,
                 guint          node)
{
  const CsSceneContent *content = scene->content;
  double r = _cs_render_node_reach (scene, node) * scene->zoom + _cs_render_ring_extra (scene, node);

  if (content->selected != NULL && content->selected[node])
    r += SELECTION_CLEARANCE;
  return r + LABEL_GAP_PIXELS;
}

typedef struct
{
  cairo_t       *cr;
  const CsScene *scene;
  CsSpatialGrid *placed;  /* names and roles drawn so far */
  CsSpatialGrid *nodes;   /* every drawn node's reach */
  const CsBox   *reserved;
  guint          n_reserved;
  CsBox          area;    /* the part of the device a name should stay in */
  CsBox          visible; /* what the canvas shows of it: a node in view keeps its name there */
  GArray        *drawn_labels; /* of CsDrawnLabel: what this draw placed, published at its end */
  GArray        *drawn_roles;
} Placer;

static gboolean
box_free (const Placer *p,
          const CsBox  *box,
          int           self,
          gboolean      check_nodes,
          gboolean      check_area)
{
  if (check_area && (box->x0 < p->area.x0 || box->y0 < p->area.y0 || box->x1 > p->area.x1 ||
                     box->y1 > p->area.y1))
    return FALSE;
  for (guint j = 0; j < p->n_reserved; j++)
    if (_cs_box_overlaps (box, &p->reserved[j]))
      return FALSE;
  if (cs_spatial_grid_overlaps (p->placed, box->x0, box->y0, box->x1, box->y1, -1))
    return FALSE;
  if (check_nodes && cs_spatial_grid_overlaps (p->nodes, box->x0, box->y0, box->x1, box->y1, self))
    return FALSE;
  return TRUE;
}

/* The spots round a node at distance @d: below, above, right, left, then
 * the four corners. */
static void
candidate_boxes (double x,
                 double y,
                 double d,
                 double w,
                 double h,
                 CsBox  out[8])
{
  double k = d * G_SQRT2 / 2;

  out[0] = (CsBox) { x - w / 2, y + d, x + w / 2, y + d + h };
  out[1] = (CsBox) { x - w / 2, y - d - h, x + w / 2, y - d };
  out[2] = (CsBox) { x + d, y - h / 2, x + d + w, y + h / 2 };
  out[3] = (CsBox) { x - d - w, y - h / 2, x - d, y + h / 2 };
  out[4] = (CsBox) { x + k, y + k, x + k + w, y + k + h };
  out[5] = (CsBox) { x - k - w, y + k, x - k, y + k + h };
  out[6] = (CsBox) { x + k, y - k - h, x + k + w, y - k };
  out[7] = (CsBox) { x - k - w, y - k - h, x - k, y - k };
}

/* whether a leader line from @node to @box would pass over another node */
static gboolean
leader_clear (const Placer *p,
              guint         node,
              double        x,
              double        y,
              const CsBox  *box)
{
  double bx = CLAMP (x, box->x0, box->x1), by = CLAMP (y, box->y0, box->y1);
  double len = hypot (bx - x, by - y);
  guint steps = (guint)(len / 3) + 1;

  for (guint k = 1; k <= steps; k++)
    {
      double t = (double)k / steps, px = x + t * (bx - x), py = y + t * (by - y);

      if (cs_spatial_grid_overlaps (p->nodes, px - 1, py - 1, px + 1, py + 1, node))
        return FALSE;
    }
  return TRUE;
}

/* Finds a spot for a name of @w × @h beside @node. Returns FALSE when
 * there is none; with @must, there always is one, and @forced tells
 * whether it covers something. */
static gboolean
find_spot (const Placer *placer,
           guint         node,
           double        w,
           double        h,
           double        pad,
           gboolean      must,
           CsBox        *box,
           gboolean     *forced)
{
  const CsScene *scene = placer->scene;
  double x, y, d = label_clearance (scene, node);
  CsBox candidates[8];
  Placer local = *placer;
  const Placer *p = &local;

  cs_scene_node_to_device (scene, node, &x, &y);
  if (x >= placer->visible.x0 && x <= placer->visible.x1 && y >= placer->visible.y0 &&
      y <= placer->visible.y1)
    local.area = placer->visible;
  *forced = FALSE;
  /* a padded box keeps the names that are not always shown further
   * apart, so fewer of them fit at a lower label density */
  candidate_boxes (x, y, d, w, h, candidates);
  for (guint c = 0; c < G_N_ELEMENTS (candidates); c++)
    {
      CsBox padded = { candidates[c].x0 - pad, candidates[c].y0 - pad, candidates[c].x1 + pad,
                       candidates[c].y1 + pad };

      if (box_free (p, &padded, node, TRUE, TRUE))
        {
          *box = candidates[c];
          return TRUE;
        }
    }
  if (!must)
    return FALSE;

  /* a name that must be shown tries rings further out, clear of nodes,
   * then clear of other names only; past the first ring a leader line
   * ties it to its node. Only when nothing is clear does it cover
   * another name. */
  for (guint pass = 0; pass < 3; pass++)
    for (guint ring = pass < 2 ? 1 : 0; ring <= (pass < 2 ? 12u : 4u); ring++)
      {
        candidate_boxes (x, y, d + ring * 1.3 * h, w, h, candidates);
        for (guint c = 0; c < G_N_ELEMENTS (candidates); c++)
          if (box_free (p, &candidates[c], node, pass < 2, TRUE) &&
              (pass > 0 || leader_clear (p, node, x, y, &candidates[c])))
            {
              *box = candidates[c];
              *forced = pass == 2 && cs_spatial_grid_overlaps (p->nodes, box->x0, box->y0,
                                                               box->x1, box->y1, node);
              return TRUE;
            }
      }
  candidate_boxes (x, y, d, w, h, candidates);
  for (guint c = 0; c < G_N_ELEMENTS (candidates); c++)
    if (box_free (p, &candidates[c], node, FALSE, FALSE))
      {
        *box = candidates[c];
        *forced = TRUE;
        return TRUE;
      }
  *box = candidates[0];
  *forced = TRUE;
  return TRUE;
}

/* A thin line from a node to a name placed away from it; the nodes it
 * passes over are drawn again on top of it. */
static void
draw_leader (cairo_t       *cr,
             const Placer  *p,
             guint          node,
             const CsBox   *box)
{
  const CsScene *scene = p->scene;
  double x, y, bx, by, dx, dy, len, r = _cs_render_node_reach (scene, node) * scene->zoom;
  g_autoptr(GArray) under = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GHashTable) crossed = g_hash_table_new (NULL, NULL);
  guint steps;

  cs_scene_node_to_device (scene, node, &x, &y);
  bx = CLAMP (x, box->x0, box->x1);
  by = CLAMP (y, box->y0, box->y1);
  dx = bx - x;
  dy = by - y;
  len = hypot (dx, dy);
  /* beside its node it needs none */
  if (len < label_clearance (scene, node) + 4)
    return;
  cairo_move_to (cr, x + dx / len * (r + 1), y + dy / len * (r + 1));
  cairo_line_to (cr, bx, by);
  cairo_set_source_rgba (cr, scene->content->style.foreground.red,
                         scene->content->style.foreground.green,
                         scene->content->style.foreground.blue, 0.5);
  cairo_set_line_width (cr, 0.8);
  cairo_stroke (cr);

  steps = (guint)(len / 3) + 1;
  for (guint k = 1; k <= steps; k++)
    {
      g_array_set_size (under, 0);
      cs_spatial_grid_query_point (p->nodes, x + dx * k / steps, y + dy * k / steps, under);
      for (guint u = 0; u < under->len; u++)
        {
          guint other = g_array_index (under, guint, u);

          if (other != node && g_hash_table_add (crossed, GUINT_TO_POINTER (other)) &&
              cs_scene_is_node_shown (scene, other) && cs_scene_is_node_lit (scene, other))
            _cs_render_draw_node (cr, scene, other, 0);
        }
    }
}

/* the consortium's colour, darkened (or lightened on a dark background)
 * until text in it reads */
static CsColor
text_color (const CsRenderStyle *style,
            const CsColor       *color)
{
  CsColor c = *color;
  double mix = 0.45;

  c.red = mix * style->foreground.red + (1 - mix) * color->red;
  c.green = mix * style->foreground.green + (1 - mix) * color->green;
  c.blue = mix * style->foreground.blue + (1 - mix) * color->blue;
  c.alpha = 1;
  return c;
}

static CsDrawnLabel
to_world (const CsScene *scene,
          guint          what,
          const CsBox   *box)
{
  double z = scene->zoom;

  return (CsDrawnLabel) { what, (box->x0 - scene->offset_x) / z, (box->y0 - scene->offset_y) / z,
                          (box->x1 - scene->offset_x) / z, (box->y1 - scene->offset_y) / z };
}

static void
record_label (const Placer *p,
              guint         node,
              const CsBox  *box,
              gboolean      forced)
{
  const CsScene *scene = p->scene;
  CsDrawnLabel drawn = to_world (scene, node, box);

  g_array_append_val (p->drawn_labels, drawn);
  if (scene->placed_labels != NULL)
    {
      CsPlacedLabel label = { node, { box->x0, box->y0, box->x1, box->y1 }, forced };

      g_array_append_val (scene->placed_labels, label);
    }
}

static void
measure (PangoLayout *layout,
         const char  *text,
         double      *w,
         double      *h)
{
  PangoRectangle logical;

  pango_layout_set_text (layout, text, -1);
  pango_layout_get_extents (layout, NULL, &logical);
  *w = logical.width / (double)PANGO_SCALE;
  *h = logical.height / (double)PANGO_SCALE;
}

PangoLayout *
_cs_render_create_bold_layout (cairo_t             *cr,
                               const CsRenderStyle *style,
                               double               size)
{
  PangoLayout *layout = _cs_render_create_layout (cr, style, size);
  g_autoptr(PangoFontDescription) font =
      pango_font_description_copy (pango_layout_get_font_description (layout));

  pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  return layout;
}

/* A node's name at @box: a consortium's in bold, in its colour. Leaves the
 * layout holding the name. */
void
_cs_render_draw_name (cairo_t       *cr,
                      const CsScene *scene,
                      PangoLayout   *regular,
                      PangoLayout   *bold,
                      guint          node,
                      const CsBox   *box,
                      double         alpha)
{
  const CsSceneContent *content = scene->content;
  int place = content->consortium_place[node];
  PangoLayout *layout = place >= 0 ? bold : regular;
  CsColor color = place >= 0 ? text_color (&content->style, &content->consortium_colors[place])
                             : content->style.foreground;
  PangoFontDescription *font = (PangoFontDescription *)pango_layout_get_font_description (layout);

  color.alpha *= alpha;
  pango_layout_set_text (layout, content->labels[node], -1);
  _cs_render_show_text (cr, &content->style, layout, box->x0, box->y0,
                        pango_font_description_get_size (font) / (double)PANGO_SCALE, &color);
}

/* whether a link belongs to a consortium in focus: selected, or
 * highlighted from the legend */
static gboolean
edge_in_focus (const CsScene *scene,
               guint          e)
{
  const CsSceneContent *content = scene->content;
  const CsEdge *edge = cs_graph_get_edge (content->graph, e);
  int place = content->consortium_place[edge->target] >= 0   ? (int)edge->target
              : content->consortium_place[edge->source] >= 0 ? (int)edge->source
                                                             : -1;

  if (place < 0)
    return FALSE;
  if (content->selected != NULL && content->selected[place])
    return TRUE;
  return content->highlight_kind == CS_HIGHLIGHT_CONSORTIUM &&
         content->highlight_id == (guint)place;
}

/* @focused: the roles of a consortium in focus, which come before the
 * names not always shown; else the others, when zoomed in */
static gboolean
edge_role_wanted (const CsScene *scene,
                  guint          e,
                  gboolean       focused)
{
  const CsSceneContent *content = scene->content;

  if (!_cs_scene_edge_shown (scene, e) || (content->edge_lit != NULL && !content->edge_lit[e]))
    return FALSE;
  if (cs_scene_get_role (scene, e) == NULL)
    return FALSE;
  if (edge_in_focus (scene, e))
    return focused;
  return !focused && scene->zoom >= ROLES_MIN_ZOOM;
}

/* Roles on their links: in the middle of the link, else a third of the
 * way along either side, where they cover no name and no node. */
static void
draw_roles (const Placer *p,
            double        size,
            gboolean      focused)
{
  const CsScene *scene = p->scene;
  const CsSceneContent *content = scene->content;
  guint n_edges = cs_graph_get_n_edges (content->graph);
  double role_size = MAX (0.85 * size, 10.0);
  g_autoptr(PangoLayout) layout = _cs_render_create_layout (p->cr, &content->style, role_size);

  for (guint e = 0; e < n_edges; e++)
    {
      static const double along[] = { 0.5, 0.35, 0.65, 0.22, 0.78 };
      const CsEdge *edge;
      CsEdgeGeometry g;
      double w, h;
      int place;

      if (!edge_role_wanted (scene, e, focused) || !_cs_render_edge_geometry (scene, e, &g))
        continue;
      if (MAX (g.x0, g.ex) < p->area.x0 || MIN (g.x0, g.ex) > p->area.x1 ||
          MAX (g.y0, g.ey) < p->area.y0 || MIN (g.y0, g.ey) > p->area.y1)
        continue;
      measure (layout, cs_scene_get_role (scene, e), &w, &h);
      if (g.length < h)
        continue;
      for (guint a = 0; a < G_N_ELEMENTS (along); a++)
        {
          double t = along[a];
          double x = g.curved && a == 0 ? g.mid_x : g.x0 + t * (g.ex - g.x0);
          double y = g.curved && a == 0 ? g.mid_y : g.y0 + t * (g.ey - g.y0);
          CsBox box = { x - w / 2, y - h / 2, x + w / 2, y + h / 2 };
          CsColor color;

          if (!box_free (p, &box, -1, TRUE, TRUE))
            continue;
          cs_spatial_grid_insert (p->placed, box.x0, box.y0, box.x1, box.y1, e);
          edge = cs_graph_get_edge (content->graph, e);
          place = content->consortium_place[edge->target] >= 0
                      ? content->consortium_place[edge->target]
                      : content->consortium_place[edge->source];
          color = place >= 0 ? text_color (&content->style, &content->consortium_colors[place])
                             : content->style.foreground;
          _cs_render_show_text (p->cr, &content->style, layout, box.x0, box.y0, role_size, &color);
          {
            CsDrawnLabel drawn = to_world (scene, e, &box);

            g_array_append_val (p->drawn_roles, drawn);
          }
          if (scene->placed_roles != NULL)
            {
              CsPlacedRole role = { e, { box.x0, box.y0, box.x1, box.y1 } };

              g_array_append_val (scene->placed_roles, role);
            }
          break;
        }
    }
}

/* A tall outline, zoomed into, carries its consortium's name along its
 * top, so it stays named when its consortium node is far off; the outline
 * of an attribute's group, which has no node to name it, always does. */
static void
name_outlines (const Placer *p,
               PangoLayout  *bold,
               double        size)
{
  const CsScene *scene = p->scene;
  const CsSceneContent *content = scene->content;
  g_autofree char *group_name = NULL;

  for (guint place = 0; place < content->n_hulls; place++)
    {
      guint first = content->hull_offsets[place], end = content->hull_offsets[place + 1];
      gboolean group = place >= content->n_consortia;
      guint node = group ? G_MAXUINT : content->consortia[place];
      const char *name;
      double top_x = 0, top_y = G_MAXDOUBLE, bottom_x = 0, bottom_y = -G_MAXDOUBLE, w, h, pad;
      CsColor color;
      CsBox box;

      if (end - first < 2 || (!group && !cs_scene_is_node_shown (scene, node)))
        continue;
      for (guint k = first; k < end; k++)
        {
          double x, y;

          cs_scene_node_to_device (scene, content->hull_corners[k], &x, &y);
          if (y < top_y)
            {
              top_y = y;
              top_x = x;
            }
          if (y > bottom_y)
            {
              bottom_y = y;
              bottom_x = x;
            }
        }
      if (!group && bottom_y - top_y < OUTLINE_NAME_SPAN * size)
        continue;
      pad = (content->hull_reach[place] + 8) * scene->zoom;
      if (group)
        {
          const CsStyleScale *groups = content->scales[CS_STYLE_GROUP];
          const char *value =
              g_array_index (groups->entries, CsScaleEntry, place - content->n_consortia).text;

          /* a number alone says little: "club 1" */
          g_free (group_name);
          group_name = cs_attribute_value_get_number (value, NULL)
                           ? g_strdup_printf ("%s %s", groups->key, value)
                           : g_strdup (value);
          name = group_name;
        }
      else
        name = content->labels[node];
      measure (bold, name, &w, &h);
      /* just inside the outline's top; a group's name, which nothing else
       * writes, may also sit just above it or at its bottom */
      {
        CsBox spots[] = {
          { top_x - w / 2, top_y - pad + 2, top_x + w / 2, top_y - pad + 2 + h },
          { top_x - w / 2, top_y - pad - 2 - h, top_x + w / 2, top_y - pad - 2 },
          { bottom_x - w / 2, bottom_y + pad - 2 - h, bottom_x + w / 2, bottom_y + pad - 2 },
          { bottom_x - w / 2, bottom_y + pad + 2, bottom_x + w / 2, bottom_y + pad + 2 + h },
        };
        guint n_spots = group ? G_N_ELEMENTS (spots) : 1, k;

        for (k = 0; k < n_spots; k++)
          if (box_free (p, &spots[k], -1, TRUE, TRUE))
            break;
        if (k == n_spots)
          continue;
        box = spots[k];
      }
      cs_spatial_grid_insert (p->placed, box.x0, box.y0, box.x1, box.y1, node);
      color = text_color (&content->style, &content->hull_colors[place]);
      _cs_render_show_text (p->cr, &content->style, bold, box.x0, box.y0, size, &color);
    }
}

/* Node names, then the roles on links; @reserved: the title's and
 * legend's boxes. */
void
_cs_render_labels (cairo_t       *cr,
                   const CsScene *scene,
                   const CsBox   *reserved,
                   guint          n_reserved)
{
  CsSceneContent *content = scene->content;
  double size = cs_scene_get_label_size (scene);
  guint n_nodes = cs_graph_get_n_nodes (content->graph);
  g_autoptr(PangoLayout) layout = NULL;
  g_autoptr(PangoLayout) bold = NULL;
  g_autoptr(CsSpatialGrid) placed = NULL;
  g_autoptr(CsSpatialGrid) nodes = NULL;
  g_autofree Ranked *order = NULL;
  double density = CLAMP (content->label_density, 0.0, 1.0);
  double pad = (1.0 - density) * size;
  guint n_order = 0, n_others = 0, budget;
  gboolean roles_first_done = FALSE;
  Placer p;

  g_autoptr(GArray) drawn_labels = g_array_new (FALSE, FALSE, sizeof (CsDrawnLabel));
  g_autoptr(GArray) drawn_roles = g_array_new (FALSE, FALSE, sizeof (CsDrawnLabel));

  if (n_nodes == 0)
    {
      _cs_scene_publish_drawn (content, drawn_labels, drawn_roles, scene->zoom);
      return;
    }

  layout = _cs_render_create_layout (cr, &content->style, size);
  bold = _cs_render_create_bold_layout (cr, &content->style, size);
  placed = cs_spatial_grid_new (8 * size);
  nodes = cs_spatial_grid_new (8 * size);
  order = g_new (Ranked, n_nodes);
  p = (Placer) { cr, scene, placed, nodes, reserved, n_reserved,
                 { scene->view_x, scene->view_y, scene->width - scene->view_x,
                   scene->height - scene->view_y } };
  p.drawn_labels = drawn_labels;
  p.drawn_roles = drawn_roles;
  /* the canvas draws a margin round what is visible, for panning: the
   * nodes there get names too */
  p.visible = p.area;
  if (scene->view_x > 0 || scene->view_y > 0)
    p.area = (CsBox) { 0, 0, scene->width, scene->height };

  for (guint i = 0; i < n_nodes && _cs_render_progress_tick (); i++)
    {
      double x, y, r = label_clearance (scene, i) - LABEL_GAP_PIXELS;
      gboolean shown = cs_scene_is_node_shown (scene, i);

      cs_scene_node_to_device (scene, i, &x, &y);
      /* off the picture a node neither blocks a name nor has one */
      if (x + r < p.area.x0 - 4 * size || x - r > p.area.x1 + 4 * size ||
          y + r < p.area.y0 - 4 * size || y - r > p.area.y1 + 4 * size)
        continue;
      /* a node the filter hides is not drawn, so it blocks nothing; a dimmed
       * one is drawn and keeps its space */
      if (shown || !content->hide_filtered)
        cs_spatial_grid_insert (nodes, x - r, y - r, x + r, y + r, i);
      if (!shown || x < p.area.x0 || x > p.area.x1 || y < p.area.y0 || y > p.area.y1)
        continue;
      if (!content->guaranteed[i] && !(content->selected != NULL && content->selected[i]) &&
          (density <= 0 || (content->node_lit != NULL && !content->node_lit[i])))
        continue;
      order[n_order++] = (Ranked) { label_priority (content, i), i };
    }
  qsort (order, n_order, sizeof *order, compare_ranked);

  /* past a screenful of attempts, more names could not fit anyway */
  budget = (guint)(density * (p.area.x1 - p.area.x0) * (p.area.y1 - p.area.y0) /
                   (3.0 * size * size)) + 16;

  for (guint k = 0; k < n_order; k++)
    {
      guint i = order[k].node;
      gboolean must = order[k].key >= 1e9;
      PangoLayout *l = content->consortium_place[i] >= 0 ? bold : layout;
      gboolean forced;
      double w, h;
      CsBox box;

      if (!must && !roles_first_done)
        {
          /* the roles of a consortium in focus matter more than the
           * names that are not always shown */
          roles_first_done = TRUE;
          if ((scene->flags & CS_RENDER_ROLES) != 0)
            draw_roles (&p, size, TRUE);
        }
      if (!must && n_others++ >= budget)
        break;
      measure (l, content->labels[i], &w, &h);
      if (!find_spot (&p, i, w, h, must ? 0 : pad, must, &box, &forced))
        continue;
      cs_spatial_grid_insert (placed, box.x0, box.y0, box.x1, box.y1, i);
      record_label (&p, i, &box, forced);
      if (must)
        draw_leader (cr, &p, i, &box);
      _cs_render_draw_name (cr, scene, layout, bold, i, &box,
                            content->node_lit != NULL && !content->node_lit[i] ? 0.4 : 1.0);
    }

  if ((scene->flags & CS_RENDER_HULLS) != 0)
    name_outlines (&p, bold, size);
  if ((scene->flags & CS_RENDER_ROLES) != 0)
    {
      if (!roles_first_done)
        draw_roles (&p, size, TRUE);
      draw_roles (&p, size, FALSE);
    }
  _cs_scene_publish_drawn (content, drawn_labels, drawn_roles, scene->zoom);
}

static gboolean
place_box (CsSpatialGrid *placed,
           const CsBox   *box)
{
  if (cs_spatial_grid_overlaps (placed, box->x0, box->y0, box->x1, box->y1, -1))
    return FALSE;
  cs_spatial_grid_insert (placed, box->x0, box->y0, box->x1, box->y1, 0);
  return TRUE;
}

/* one name in the focus that the picture left out: beside its node where
 * it covers no other name of the focus */
void
_cs_render_node_label (cairo_t       *cr,
                       const CsScene *scene,
                       PangoLayout   *layout,
                       PangoLayout   *bold,
                       guint          i,
                       CsSpatialGrid *placed)
{
  PangoLayout *l = scene->content->consortium_place[i] >= 0 ? bold : layout;
  double x, y, d, w, h;
  CsBox candidates[8];

  cs_scene_node_to_device (scene, i, &x, &y);
  d = label_clearance (scene, i);
  measure (l, scene->content->labels[i], &w, &h);
  candidate_boxes (x, y, d, w, h, candidates);
  for (guint c = 0; c < G_N_ELEMENTS (candidates); c++)
    {
      if (!place_box (placed, &candidates[c]))
        continue;
      if (scene->placed_labels != NULL)
        {
          CsPlacedLabel label = { i, { candidates[c].x0, candidates[c].y0, candidates[c].x1,
                                       candidates[c].y1 }, FALSE };

          g_array_append_val (scene->placed_labels, label);
        }
      _cs_render_draw_name (cr, scene, layout, bold, i, &candidates[c], 1.0);
      return;
    }
}
