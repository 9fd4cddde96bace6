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
  cairo_move_to (cr, x, y);
  pango_cairo_layout_path (cr, layout);
  _cs_render_set_color (cr, &style->halo);
  cairo_set_line_width (cr, MAX (2.5, size / 4));
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke (cr);
  cairo_move_to (cr, x, y);
  _cs_render_set_color (cr, color != NULL ? color : &style->foreground);
  pango_cairo_show_layout (cr, layout);
}

typedef struct
{
  int   priority;
  guint node;
} Ranked;

static int
compare_ranked (gconstpointer a,
                gconstpointer b)
{
  const Ranked *ra = a, *rb = b;

  if (ra->priority != rb->priority)
    return ra->priority > rb->priority ? -1 : 1;
  return (ra->node > rb->node) - (ra->node < rb->node);
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

/* Labels in priority order; one that would cover a placed label or another
 * node is left out. */
void
_cs_render_labels (cairo_t       *cr,
                   const CsScene *scene,
                   const CsBox   *reserved,
                   guint          n_reserved)
{
  const CsSceneContent *content = scene->content;
  double size = content->style.font_size * scene->zoom;
  guint n_nodes = cs_graph_get_n_nodes (content->graph);
  g_autoptr(PangoLayout) layout = NULL;
  g_autofree Ranked *order = NULL;
  g_autoptr(CsSpatialGrid) placed = NULL;
  g_autoptr(CsSpatialGrid) nodes = NULL;
  guint n_order = 0;

  if (size < content->style.min_label_pixels || n_nodes == 0)
    return;

  layout = _cs_render_create_layout (cr, &content->style, size);
  order = g_new (Ranked, n_nodes);
  placed = cs_spatial_grid_new (8 * size);
  nodes = cs_spatial_grid_new (8 * size);

  for (guint i = 0; i < n_nodes; i++)
    {
      double x, y, r = content->radius[i] * scene->zoom;

      gboolean shown = cs_scene_is_node_shown (scene, i);

      cs_scene_node_to_device (scene, i, &x, &y);
      /* far off the picture a node neither blocks a label nor has one */
      if (x + r < -scene->width || x - r > 2 * scene->width || y + r < -scene->height ||
          y - r > 2 * scene->height)
        continue;
      /* a node the filter hides is not drawn, so it blocks nothing; a dimmed
       * one is drawn and keeps its space */
      if (shown || !content->hide_filtered)
        cs_spatial_grid_insert (nodes, x - r, y - r, x + r, y + r, i);
      if (shown)
        order[n_order++] = (Ranked) { label_priority (content->graph, i), i };
    }
  qsort (order, n_order, sizeof *order, compare_ranked);

  for (guint k = 0; k < n_order; k++)
    {
      guint i = order[k].node;
      PangoRectangle logical;
      double x, y, r, w, h, gap;
      CsBox candidates[4];
      CsBox box = { 0 };
      gboolean blocked = TRUE;

      cs_scene_node_to_device (scene, i, &x, &y);
      r = content->radius[i] * scene->zoom;
      pango_layout_set_text (layout, content->labels[i], -1);
      pango_layout_get_extents (layout, NULL, &logical);
      w = logical.width / (double)PANGO_SCALE;
      h = logical.height / (double)PANGO_SCALE;
      gap = CS_RENDER_LABEL_GAP * scene->zoom;

      /* below the node, else above, right or left of it */
      candidates[0] = (CsBox) { x - w / 2, y + r + gap, x + w / 2, y + r + gap + h };
      candidates[1] = (CsBox) { x - w / 2, y - r - gap - h, x + w / 2, y - r - gap };
      candidates[2] = (CsBox) { x + r + gap, y - h / 2, x + r + gap + w, y + h / 2 };
      candidates[3] = (CsBox) { x - r - gap - w, y - h / 2, x - r - gap, y + h / 2 };
      for (guint c = 0; c < G_N_ELEMENTS (candidates); c++)
        {
          box = candidates[c];
          blocked = cs_spatial_grid_overlaps (placed, box.x0, box.y0, box.x1, box.y1, -1) ||
                    cs_spatial_grid_overlaps (nodes, box.x0, box.y0, box.x1, box.y1, i);
          for (guint j = 0; !blocked && j < n_reserved; j++)
            blocked = _cs_box_overlaps (&box, &reserved[j]);
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
      _cs_render_show_text (cr, &content->style, layout, box.x0, box.y0, size, NULL);
    }
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

/* one name in the focus: below its node, else above, where it covers no
 * other name of the focus */
void
_cs_render_node_label (cairo_t       *cr,
                       const CsScene *scene,
                       PangoLayout   *layout,
                       guint          i,
                       CsSpatialGrid *placed)
{
  PangoFontDescription *font = (PangoFontDescription *)pango_layout_get_font_description (layout);
  double size = pango_font_description_get_size (font) / (double)PANGO_SCALE;
  PangoRectangle logical;
  double x, y, r, w, h;
  CsBox box;

  cs_scene_node_to_device (scene, i, &x, &y);
  r = scene->content->radius[i] * scene->zoom;
  pango_layout_set_text (layout, scene->content->labels[i], -1);
  pango_layout_get_extents (layout, NULL, &logical);
  w = logical.width / (double)PANGO_SCALE;
  h = logical.height / (double)PANGO_SCALE;
  box = (CsBox) { x - w / 2, y + r + 2, x + w / 2, y + r + 2 + h };
  if (!place_box (placed, &box))
    {
      box = (CsBox) { x - w / 2, y - r - 2 - h, x + w / 2, y - r - 2 };
      if (!place_box (placed, &box))
        return;
    }
  if (scene->placed_labels != NULL)
    {
      CsPlacedLabel label = { i, { box.x0, box.y0, box.x1, box.y1 } };

      g_array_append_val (scene->placed_labels, label);
    }
  _cs_render_show_text (cr, &scene->content->style, layout, box.x0, box.y0, size, NULL);
}
