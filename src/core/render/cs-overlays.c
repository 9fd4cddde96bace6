/* cs-overlays.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-render-private.h"

/* What sits over the graph: the title and legend at the top left of the
 * visible area, and the caption naming the sources along the bottom;
 * labels keep clear of them, and a fitted graph leaves them room. */

#define LEGEND_MARGIN  12.0 /* device units */
#define LEGEND_PADDING 10.0

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
double
_cs_render_caption (cairo_t       *cr,
                    cairo_t       *measure,
                    const CsScene *scene)
{
  const CsRenderStyle *style = &scene->content->style;
  g_autofree char *text = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  PangoRectangle logical;
  double height;

  if ((scene->flags & CS_RENDER_CAPTION) == 0 ||
      (text = caption_text (scene->content->graph)) == NULL)
    return 0;
  layout = _cs_render_create_layout (measure, style, 0.85 * style->legend_font_size);
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
      _cs_render_set_color (cr, &style->foreground);
      pango_cairo_show_layout (cr, layout);
      cairo_restore (cr);
    }
  return height;
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

/* a row per type and relation the picture shows, with its count: the
 * data's own names under their names */
static GArray *
legend_rows (const CsScene *scene)
{
  CsGraph *graph = scene->content->graph;
  guint n_types = cs_graph_get_n_types (graph);
  guint n_relations = cs_graph_get_n_relations (graph);
  const guint *type_counts = scene->content->type_counts;
  const guint *relation_counts = scene->content->relation_counts;
  GArray *rows = g_array_new (FALSE, TRUE, sizeof (LegendRow));

  g_array_set_clear_func (rows, (GDestroyNotify)legend_row_clear);
  for (guint t = 0; t < n_types; t++)
    {
      if (type_counts[t] > 0)
        {
          LegendRow row = { ROW_NODE, t,
                            g_strdup_printf ("%s (%u)", cs_graph_get_type_display_name (graph, t),
                                             type_counts[t]) };

          g_array_append_val (rows, row);
        }
    }
  for (guint r = 0; r < n_relations; r++)
    {
      if (relation_counts[r] > 0)
        {
          LegendRow row = { ROW_RELATION, r,
                            g_strdup_printf ("%s (%u)",
                                             cs_graph_get_relation_display_name (graph, r),
                                             relation_counts[r]) };

          g_array_append_val (rows, row);
        }
    }
  if ((scene->flags & CS_RENDER_HULLS) != 0 && scene->content->n_consortia > 0)
    {
      LegendRow row = { ROW_HULLS, 0, g_strdup ("Consortium and its members") };

      g_array_append_val (rows, row);
    }
  return rows;
}

static guint
layout_overlays (cairo_t       *cr,
                 cairo_t       *measure,
                 const CsScene *scene,
                 CsBox         *boxes)
{
  const CsRenderStyle *style = &scene->content->style;
  double y = LEGEND_MARGIN;
  guint n_boxes = 0;

  if ((scene->flags & CS_RENDER_TITLE) != 0)
    {
      const char *title = cs_scene_get_title (scene);
      g_autoptr(PangoLayout) layout = NULL;
      PangoRectangle logical;

      if (title != NULL && title[0] != '\0')
        {
          layout = _cs_render_create_layout (measure, style, 1.5 * style->legend_font_size);
          pango_layout_set_text (layout, title, -1);
          pango_layout_set_width (layout, (int)((scene->width - 2 * LEGEND_MARGIN) * PANGO_SCALE));
          pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
          pango_layout_get_extents (layout, NULL, &logical);
          if (cr != NULL)
            {
              cairo_move_to (cr, LEGEND_MARGIN, y);
              _cs_render_set_color (cr, &style->foreground);
              pango_cairo_show_layout (cr, layout);
            }
          boxes[n_boxes++] = (CsBox){ LEGEND_MARGIN, y,
                                    LEGEND_MARGIN + logical.width / (double)PANGO_SCALE,
                                    y + logical.height / (double)PANGO_SCALE };
          y += logical.height / (double)PANGO_SCALE + 6;
        }
    }

  if ((scene->flags & CS_RENDER_LEGEND) != 0)
    {
      g_autoptr(GArray) rows = legend_rows (scene);
      g_autoptr(PangoLayout) layout = _cs_render_create_layout (measure, style, style->legend_font_size);
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
          _cs_render_set_color (cr, &style->legend_fill);
          cairo_fill_preserve (cr);
          cairo_set_line_width (cr, 1);
          _cs_render_set_color (cr, &style->legend_border);
          cairo_stroke (cr);

          for (guint i = 0; i < rows->len; i++)
            {
              const LegendRow *row = &g_array_index (rows, LegendRow, i);
              double ry = y + LEGEND_PADDING + i * line;
              double cy = ry + line / 2;
              double sx = LEGEND_MARGIN + LEGEND_PADDING;
              PangoRectangle logical;

              if (row->row_kind == ROW_NODE)
                _cs_render_draw_shape (cr, style, &scene->content->type_styles[row->kind],
                                       sx + swatch / 2, cy, 0.32 * line, 1.0);
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
                  const CsEdgeStyle *es = &scene->content->relation_styles[row->kind];

                  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
                  cairo_set_line_width (cr, MAX (es->width, 1.0));
                  _cs_render_set_dash (cr, es->dash, MAX (es->width, 1.0));
                  _cs_render_set_color (cr, &es->color);
                  cairo_move_to (cr, sx, cy);
                  cairo_line_to (cr, sx + swatch, cy);
                  cairo_stroke (cr);
                  cairo_set_dash (cr, NULL, 0, 0);
                }

              pango_layout_set_text (layout, row->text, -1);
              pango_layout_get_extents (layout, NULL, &logical);
              cairo_move_to (cr, sx + swatch + 8, cy - logical.height / (2.0 * PANGO_SCALE));
              _cs_render_set_color (cr, &style->foreground);
              pango_cairo_show_layout (cr, layout);
            }
        }
      boxes[n_boxes++] = (CsBox) { LEGEND_MARGIN, y, LEGEND_MARGIN + w + 1, y + h + 1 };
    }

  return n_boxes;
}

/* The title and legend sit at the top left of the visible area, which
 * starts at (view_x, view_y) of the scene's device space. Lays them out,
 * draws them when @cr is set, and returns the boxes they cover. */
guint
_cs_render_overlays (cairo_t       *cr,
                     cairo_t       *measure,
                     const CsScene *scene,
                     CsBox         *boxes)
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

/**
 * cs_scene_get_graph_area:
 * @self: a scene
 * @margin: room to leave on each side, in device units
 * @area: (out): the part of the device area left for the graph once the
 *   title, legend and caption have their place
 */
void
cs_scene_get_graph_area (const CsScene *self,
                         double         margin,
                         CsBounds      *area)
{
  cairo_surface_t *surface;
  cairo_t *measure;
  CsBox boxes[2];
  guint n_boxes;
  double caption;

  g_return_if_fail (self != NULL);
  g_return_if_fail (area != NULL);

  *area = (CsBounds) { margin, margin, self->width - margin, self->height - margin };

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  measure = cairo_create (surface);
  n_boxes = _cs_render_overlays (NULL, measure, self, boxes);
  caption = _cs_render_caption (NULL, measure, self);
  cairo_destroy (measure);
  cairo_surface_destroy (surface);

  for (guint i = 0; i < n_boxes; i++)
    {
      gboolean full_width = boxes[i].x1 - boxes[i].x0 > 0.5 * self->width;

      /* the title spans the top; the legend takes a column on the left,
       * unless the canvas is too narrow to give it one */
      if (full_width || (boxes[i].x1 + margin) > 0.4 * self->width)
        area->y0 = MAX (area->y0, boxes[i].y1 + margin / 2);
      else
        area->x0 = MAX (area->x0, boxes[i].x1 + margin / 2);
    }
  if (caption > 0)
    area->y1 -= caption + margin / 2;
  if (area->x1 - area->x0 < 50 || area->y1 - area->y0 < 50)
    *area = (CsBounds) { margin, margin, self->width - margin, self->height - margin };
}
