/* cs-overlays.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-renderer.h"

#include "cs-render-private.h"

#include <glib/gi18n-lib.h>

/* What sits over the graph: the title and legend at the top left of the
 * visible area, and the caption naming the sources along the bottom;
 * labels keep clear of them, and a fitted graph leaves them room. */

#define LEGEND_MARGIN  12.0 /* device units */
#define LEGEND_PADDING 10.0

/* "Sources: title (publisher, date) · …", from the graph's article list */
static char *
caption_text (CsGraph *graph)
{
  g_autoptr(GString) str = NULL;

  if (cs_graph_get_n_articles (graph) == 0)
    return NULL;
  str = g_string_new (NULL);
  for (guint i = 0; i < cs_graph_get_n_articles (graph); i++)
    {
      g_autofree char *article =
          cs_graph_describe_article (graph, cs_graph_get_article (graph, i)->file, -1);

      g_string_append_printf (str, "%s%s", i > 0 ? " · " : "", article);
    }
  /* TRANSLATORS: the caption under an exported picture, or the end of a
   * node's tooltip: the articles the graph's facts come from */
  return g_strdup_printf (_("Sources: %s"), str->str);
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

/* The legend: only what the picture shows, in three groups (the kinds of
 * organisation, the kinds of link, the consortia in their colours), in as
 * many columns as keep it short. On the canvas it has a header that folds
 * it away, and each entry can be clicked to highlight what it stands for. */

typedef enum
{
  ROW_TOGGLE,
  ROW_HEADER,
  ROW_NODE,
  ROW_RELATION,
  ROW_CONSORTIUM,
  ROW_SCALE,       /* a value of an attribute that drives the look */
  ROW_CUT,         /* the teams cut at the stage shown */
} RowKind;

typedef struct
{
  RowKind   row_kind;
  guint     kind;  /* type, relation or consortium place; a scale's channel */
  guint     entry; /* a scale's entry */
  char     *text;
  double    width; /* of the text */
  CsBox     box;   /* where the row was laid out, relative to the overlays */
} LegendRow;

static void
legend_row_clear (LegendRow *row)
{
  g_free (row->text);
}

static gboolean
legend_interactive (const CsScene *scene)
{
  return (scene->flags & CS_RENDER_OVERLAYS_APART) != 0;
}

static gboolean
legend_folded (const CsScene *scene)
{
  return legend_interactive (scene) && scene->content->legend_collapsed;
}

static void
add_row (GArray     *rows,
         RowKind     row_kind,
         guint       kind,
         char       *text)
{
  LegendRow row = { row_kind, kind, 0, text, 0, { 0 } };

  g_array_append_val (rows, row);
}

/* an attribute's values as the picture shows them, under "Colour: key" */
static void
add_scale_rows (GArray             *rows,
                const CsStyleScale *scale)
{
  char *header = NULL;

  switch (scale->channel)
    {
    case CS_STYLE_COLOR:
      /* TRANSLATORS: a legend's heading: the node attribute whose values
       * the colours stand for */
      header = g_strdup_printf (_("Colour: %s"), scale->key);
      break;
    case CS_STYLE_SIZE:
      /* TRANSLATORS: a legend's heading: the node attribute whose numbers
       * the sizes stand for */
      header = g_strdup_printf (_("Size: %s"), scale->key);
      break;
    case CS_STYLE_SHAPE:
      /* TRANSLATORS: a legend's heading: the node attribute whose values
       * the shapes stand for */
      header = g_strdup_printf (_("Shape: %s"), scale->key);
      break;
    case CS_STYLE_GROUP:
    default:
      /* TRANSLATORS: a legend's heading: the node attribute whose values
       * the outlines around groups of nodes stand for */
      header = g_strdup_printf (_("Groups: %s"), scale->key);
      break;
    }
  add_row (rows, ROW_HEADER, 3 + scale->channel, header);
  for (guint e = 0; e < scale->entries->len; e++)
    {
      const CsScaleEntry *entry = &g_array_index (scale->entries, CsScaleEntry, e);

      /* groups are outlines: those past the palette, and a node alone,
       * have none */
      if (scale->channel == CS_STYLE_GROUP && (e >= scale->n_categories || entry->count < 2))
        continue;
      add_row (rows, ROW_SCALE, scale->channel,
               entry->count > 0 ? g_strdup_printf ("%s (%u)", entry->text, entry->count)
                                : g_strdup (entry->text));
      g_array_index (rows, LegendRow, rows->len - 1).entry = e;
    }
}

/* the rows, each group under its header; the data's own names under their
 * names, each with the count the picture shows */
static GArray *
legend_rows (const CsScene *scene)
{
  const CsSceneContent *content = scene->content;
  CsGraph *graph = content->graph;
  guint n_types = cs_graph_get_n_types (graph);
  guint n_relations = cs_graph_get_n_relations (graph);
  guint n_nodes = cs_graph_get_n_nodes (graph);
  GArray *rows = g_array_new (FALSE, TRUE, sizeof (LegendRow));
  gboolean any = FALSE;
  guint n_shown_types;

  g_array_set_clear_func (rows, (GDestroyNotify)legend_row_clear);
  if (legend_interactive (scene))
    add_row (rows, ROW_TOGGLE, 0, g_strdup (_("Legend")));
  if (legend_folded (scene))
    return rows;

  /* the stage shown heads the legend: its date and counts, who was cut */
  if (content->stage_text != NULL)
    {
      /* TRANSLATORS: a legend's heading: the stage of the contest the
       * picture shows, with its date and counts ("Selected · 2025-08 · 5
       * stated, 5 named") */
      add_row (rows, ROW_HEADER, 7, g_strdup_printf (_("Stage: %s"), content->stage_text));
      if (content->n_cut > 0)
        add_row (rows, ROW_CUT, 0,
                 /* TRANSLATORS: a legend entry: how many teams were cut at
                  * the stage the picture shows */
                 g_strdup_printf (_("Cut at this stage (%u)"), content->n_cut));
    }

  /* with an attribute's colours, the types only tell their shapes apart */
  n_shown_types = 0;
  for (guint t = 0; t < n_types; t++)
    n_shown_types += content->type_counts[t] > 0;
  if (content->scales[CS_STYLE_COLOR] != NULL &&
      (content->scales[CS_STYLE_SHAPE] != NULL || n_shown_types < 2))
    n_types = 0;
  for (guint c = 0; c < CS_N_STYLE_CHANNELS; c++)
    if (content->scales[c] != NULL && (c != CS_STYLE_GROUP || (scene->flags & CS_RENDER_HULLS)))
      add_scale_rows (rows, content->scales[c]);
  for (guint t = 0; t < n_types; t++)
    if (content->type_counts[t] > 0)
      {
        if (!any)
          /* TRANSLATORS: a legend's heading over the node types
           * (organisations, models, products, chips, people) */
          add_row (rows, ROW_HEADER, 0, g_strdup (_("Organisations and things")));
        any = TRUE;
        add_row (rows, ROW_NODE, t,
                 g_strdup_printf ("%s (%u)", cs_graph_get_type_display_name (graph, t),
                                  content->type_counts[t]));
      }
  any = FALSE;
  for (guint r = 0; r < n_relations; r++)
    if (content->relation_counts[r] > 0)
      {
        if (!any)
          /* TRANSLATORS: a legend's heading over the kinds of link */
          add_row (rows, ROW_HEADER, 1, g_strdup (C_("legend", "Links")));
        any = TRUE;
        add_row (rows, ROW_RELATION, r,
                 g_strdup_printf ("%s (%u)", cs_graph_get_relation_display_name (graph, r),
                                  content->relation_counts[r]));
      }
  if ((scene->flags & CS_RENDER_HULLS) != 0 && content->n_consortia > 0 &&
      content->scales[CS_STYLE_GROUP] == NULL)
    {
      g_autofree guint *members = g_new0 (guint, content->n_consortia);

      /* members a consortium's outline holds, its lead among them */
      for (guint i = 0; i < n_nodes; i++)
        if (cs_scene_is_node_shown (scene, i))
          for (guint k = content->member_offsets[i]; k < content->member_offsets[i + 1]; k++)
            members[content->member_places[k]]++;
      /* TRANSLATORS: a legend's heading over the consortia, each with how
       * many members its outline holds */
      add_row (rows, ROW_HEADER, 2, g_strdup (_("Consortia (members)")));
      for (guint place = 0; place < content->n_consortia; place++)
        if (cs_scene_is_node_shown (scene, content->consortia[place]))
          add_row (rows, ROW_CONSORTIUM, place,
                   g_strdup_printf ("%s (%u)", content->labels[content->consortia[place]],
                                    members[place]));
    }
  if (rows->len == (legend_interactive (scene) ? 1u : 0u))
    g_array_set_size (rows, 0);
  return rows;
}

static gboolean
row_is_lit (const CsScene   *scene,
            const LegendRow *row)
{
  const CsSceneContent *content = scene->content;

  switch (row->row_kind)
    {
    case ROW_NODE:
      return content->highlight_kind == CS_HIGHLIGHT_TYPE && content->highlight_id == row->kind;
    case ROW_RELATION:
      return content->highlight_kind == CS_HIGHLIGHT_RELATION && content->highlight_id == row->kind;
    case ROW_CONSORTIUM:
      return content->highlight_kind == CS_HIGHLIGHT_CONSORTIUM &&
             content->highlight_id == content->consortia[row->kind];
    case ROW_TOGGLE:
    case ROW_HEADER:
    default:
      return FALSE;
    }
}

/* a small outline, tinted and stroked as on the picture */
static void
draw_outline_swatch (cairo_t             *cr,
                     const CsRenderStyle *style,
                     const CsColor       *color,
                     double               sx,
                     double               cy,
                     double               swatch,
                     double               line)
{
  double h = 0.62 * line, r = h / 2;

  cairo_new_sub_path (cr);
  cairo_arc (cr, sx + r, cy, r, G_PI / 2, 3 * G_PI / 2);
  cairo_arc (cr, sx + swatch - r, cy, r, -G_PI / 2, G_PI / 2);
  cairo_close_path (cr);
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, style->dark ? 0.3 : 0.2);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, 1.0);
  cairo_set_line_width (cr, 2);
  cairo_stroke (cr);
}

static void
draw_swatch (cairo_t         *cr,
             const CsScene   *scene,
             const LegendRow *row,
             double           sx,
             double           cy,
             double           swatch,
             double           line)
{
  const CsSceneContent *content = scene->content;
  const CsRenderStyle *style = &content->style;

  switch (row->row_kind)
    {
    case ROW_NODE:
      {
        CsNodeStyle node_style = content->type_styles[row->kind];

        /* an attribute colours the nodes: the type is its shape */
        if (content->scales[CS_STYLE_COLOR] != NULL)
          node_style.fill = (CsColor) { 0.62, 0.62, 0.62, 1 };
        _cs_render_draw_shape (cr, style, &node_style, sx + swatch / 2, cy, 0.32 * line, 1.0);
      }
      break;
    case ROW_SCALE:
      {
        const CsStyleScale *scale = content->scales[row->kind];
        const CsScaleEntry *entry = &g_array_index (scale->entries, CsScaleEntry, row->entry);
        CsNodeStyle node_style = { entry->color, CS_SHAPE_CIRCLE, 0 };
        double r = 0.32 * line;

        if (scale->channel == CS_STYLE_GROUP)
          {
            draw_outline_swatch (cr, style, &entry->color, sx, cy, swatch, line);
            break;
          }
        if (scale->channel == CS_STYLE_SHAPE)
          {
            node_style.shape = row->entry < scale->n_categories ? entry->shape : CS_SHAPE_RING;
            node_style.fill = (CsColor) { 0.62, 0.62, 0.62, 1 };
          }
        else if (scale->channel == CS_STYLE_SIZE)
          {
            /* the largest fills the swatch, the others in proportion */
            double largest = g_array_index (scale->entries, CsScaleEntry,
                                            scale->entries->len - 1).radius;

            r = MAX (0.1 * line, 0.45 * line * entry->radius / largest);
          }
        _cs_render_draw_shape (cr, style, &node_style, sx + swatch / 2, cy, r, 1.0);
      }
      break;
    case ROW_RELATION:
      {
        const CsEdgeStyle *es = &content->relation_styles[row->kind];

        cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
        cairo_set_line_width (cr, MAX (es->width, 1.0));
        _cs_render_set_dash (cr, es->dash, MAX (es->width, 1.0));
        _cs_render_set_color (cr, &es->color);
        cairo_move_to (cr, sx, cy);
        cairo_line_to (cr, sx + swatch, cy);
        cairo_stroke (cr);
        cairo_set_dash (cr, NULL, 0, 0);
      }
      break;
    case ROW_CONSORTIUM:
      draw_outline_swatch (cr, style, &content->consortium_colors[row->kind], sx, cy, swatch, line);
      break;
    case ROW_CUT:
      {
        const double dash[] = { 3, 2 };

        cairo_new_sub_path (cr);
        cairo_arc (cr, sx + swatch / 2, cy, 0.36 * line, 0, 2 * G_PI);
        _cs_render_set_color (cr, &CS_RENDER_CUT_COLOR);
        cairo_set_line_width (cr, 1.5);
        cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
        cairo_stroke (cr);
        cairo_set_dash (cr, NULL, 0, 0);
      }
      break;
    case ROW_TOGGLE:
      {
        /* a chevron: down when open, right when folded */
        double a = 0.22 * line;

        cairo_save (cr);
        cairo_translate (cr, sx + swatch / 2, cy);
        if (legend_folded (scene))
          cairo_rotate (cr, -G_PI / 2);
        cairo_move_to (cr, -a, -a / 2);
        cairo_line_to (cr, 0, a / 2);
        cairo_line_to (cr, a, -a / 2);
        cairo_restore (cr);
        _cs_render_set_color (cr, &style->foreground);
        cairo_set_line_width (cr, 1.5);
        cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
        cairo_stroke (cr);
      }
      break;
    case ROW_HEADER:
    default:
      break;
    }
}

/* Lays the legend out at (x, y) relative to the overlays; draws it when @cr
 * is set. Returns its box; @rows get their boxes. */
static CsBox
layout_legend (cairo_t       *cr,
               cairo_t       *measure,
               const CsScene *scene,
               GArray        *rows,
               double         x,
               double         y)
{
  const CsRenderStyle *style = &scene->content->style;
  g_autoptr(PangoLayout) layout = _cs_render_create_layout (measure, style, style->legend_font_size);
  g_autoptr(PangoLayout) bold =
      _cs_render_create_bold_layout (measure, style, style->legend_font_size);
  double line = 1.5 * style->legend_font_size;
  double swatch = 2.0 * style->legend_font_size;
  double item_width = 0, header_width = 0, column, w, h = 0;
  double max_height = MAX (0.55 * (scene->height - 2 * scene->view_y) - y, 6 * line);
  guint cols = 1;

  for (guint i = 0; i < rows->len; i++)
    {
      LegendRow *row = &g_array_index (rows, LegendRow, i);
      PangoRectangle logical;
      PangoLayout *l = row->row_kind == ROW_HEADER ? bold : layout;

      pango_layout_set_text (l, row->text, -1);
      pango_layout_get_extents (l, NULL, &logical);
      row->width = logical.width / (double)PANGO_SCALE;
      if (row->row_kind == ROW_HEADER)
        header_width = MAX (header_width, row->width);
      else
        item_width = MAX (item_width, swatch + 6 + row->width);
    }
  column = item_width + 12;

  /* as few columns as keep the legend within about half the height, and
   * within a third of the width */
  for (cols = 1; cols <= 3; cols++)
    {
      guint n_lines = 0, in_group = 0;

      for (guint i = 0; i <= rows->len; i++)
        {
          const LegendRow *row = i < rows->len ? &g_array_index (rows, LegendRow, i) : NULL;

          if (row == NULL || row->row_kind == ROW_HEADER || row->row_kind == ROW_TOGGLE)
            {
              n_lines += (in_group + cols - 1) / cols;
              in_group = 0;
              if (row != NULL)
                n_lines++;
            }
          else
            in_group++;
        }
      h = n_lines * line;
      if (h <= max_height || cols == 3 || (cols + 1) * column > scene->width / 3)
        break;
    }
  w = MAX (cols * column - 12, header_width);
  w = MAX (w, swatch + 6 + (rows->len > 0 ? g_array_index (rows, LegendRow, 0).width : 0));
  w += 2 * LEGEND_PADDING;
  h += 2 * LEGEND_PADDING;

  if (cr != NULL)
    {
      cairo_rectangle (cr, x + 0.5, y + 0.5, w, h);
      _cs_render_set_color (cr, &style->legend_fill);
      cairo_fill_preserve (cr);
      cairo_set_line_width (cr, 1);
      _cs_render_set_color (cr, &style->legend_border);
      cairo_stroke (cr);
    }

  {
    double ry = y + LEGEND_PADDING;
    guint group_start = 0, group_len = 0;

    for (guint i = 0; i < rows->len; i++)
      {
        LegendRow *row = &g_array_index (rows, LegendRow, i);
        double rx = x + LEGEND_PADDING, cy;
        guint col = 0, r = 0, per_col;

        if (row->row_kind == ROW_HEADER || row->row_kind == ROW_TOGGLE)
          {
            /* the group under it, filled column by column */
            group_start = i + 1;
            group_len = 0;
            while (group_start + group_len < rows->len &&
                   g_array_index (rows, LegendRow, group_start + group_len).row_kind != ROW_HEADER)
              group_len++;
            row->box = (CsBox) { x, ry, x + w, ry + line };
            if (cr != NULL)
              {
                PangoLayout *l = row->row_kind == ROW_HEADER ? bold : layout;
                double tx = row->row_kind == ROW_TOGGLE ? rx + swatch + 6 : rx;

                if (row->row_kind == ROW_TOGGLE)
                  draw_swatch (cr, scene, row, rx, ry + line / 2, swatch, line);
                pango_layout_set_text (l, row->text, -1);
                cairo_move_to (cr, tx, ry + (line - style->legend_font_size * 1.2) / 2);
                _cs_render_set_color (cr, &style->foreground);
                pango_cairo_show_layout (cr, l);
              }
            ry += line;
            if (row->row_kind == ROW_TOGGLE)
              group_len = 0;
            continue;
          }
        per_col = (group_len + cols - 1) / cols;
        col = (i - group_start) / MAX (per_col, 1);
        r = (i - group_start) % MAX (per_col, 1);
        rx += col * column;
        cy = ry + r * line + line / 2;
        row->box = (CsBox) { rx - 4, cy - line / 2, rx + column - 8, cy + line / 2 };
        if (cr != NULL)
          {
            if (row_is_lit (scene, row))
              {
                cairo_rectangle (cr, row->box.x0, row->box.y0, row->box.x1 - row->box.x0,
                                 row->box.y1 - row->box.y0);
                cairo_set_source_rgba (cr, style->selection.red, style->selection.green,
                                       style->selection.blue, 0.22);
                cairo_fill (cr);
              }
            draw_swatch (cr, scene, row, rx, cy, swatch, line);
            pango_layout_set_text (layout, row->text, -1);
            cairo_move_to (cr, rx + swatch + 6, cy - style->legend_font_size * 0.6);
            _cs_render_set_color (cr, &style->foreground);
            pango_cairo_show_layout (cr, layout);
          }
        /* past the group's last row, the lines it took */
        if (i + 1 == group_start + group_len)
          ry += per_col * line;
      }
  }
  return (CsBox) { x, y, x + w + 1, y + h + 1 };
}

static guint
layout_overlays (cairo_t       *cr,
                 cairo_t       *measure,
                 const CsScene *scene,
                 CsBox         *boxes,
                 GArray       **rows_out)
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

      if (rows->len > 0)
        boxes[n_boxes++] = layout_legend (cr, measure, scene, rows, LEGEND_MARGIN, y);
      if (rows_out != NULL)
        *rows_out = g_steal_pointer (&rows);
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
  n = layout_overlays (cr, measure, scene, boxes, NULL);
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

/**
 * cs_renderer_legend_hit_test:
 * @scene: a scene drawn with %CS_RENDER_OVERLAYS_APART (the canvas's)
 * @x: a point, in device units
 * @y:
 * @id: (out) (optional): the type, relation or consortium node the entry
 *   stands for
 *
 * Returns: what of the legend lies under the point: an entry, the header
 *   that folds it, the rest of its box, or %CS_LEGEND_HIT_NONE
 */
CsLegendHit
cs_renderer_legend_hit_test (const CsScene *scene,
                             double         x,
                             double         y,
                             guint         *id)
{
  cairo_surface_t *surface;
  cairo_t *measure;
  g_autoptr(GArray) rows = NULL;
  CsBox boxes[2];
  guint n_boxes;
  CsLegendHit hit = CS_LEGEND_HIT_NONE;

  g_return_val_if_fail (scene != NULL, CS_LEGEND_HIT_NONE);

  if ((scene->flags & CS_RENDER_LEGEND) == 0)
    return CS_LEGEND_HIT_NONE;
  x -= scene->view_x;
  y -= scene->view_y;
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  measure = cairo_create (surface);
  n_boxes = layout_overlays (NULL, measure, scene, boxes, &rows);
  cairo_destroy (measure);
  cairo_surface_destroy (surface);
  if (rows == NULL || rows->len == 0 || n_boxes == 0)
    return CS_LEGEND_HIT_NONE;
  if (!(x >= boxes[n_boxes - 1].x0 && x < boxes[n_boxes - 1].x1 && y >= boxes[n_boxes - 1].y0 &&
        y < boxes[n_boxes - 1].y1))
    return CS_LEGEND_HIT_NONE;

  hit = CS_LEGEND_HIT_BOX;
  for (guint i = 0; i < rows->len; i++)
    {
      const LegendRow *row = &g_array_index (rows, LegendRow, i);

      if (!(x >= row->box.x0 && x < row->box.x1 && y >= row->box.y0 && y < row->box.y1))
        continue;
      switch (row->row_kind)
        {
        case ROW_TOGGLE:
          hit = CS_LEGEND_HIT_TOGGLE;
          break;
        case ROW_NODE:
          hit = CS_LEGEND_HIT_TYPE;
          break;
        case ROW_RELATION:
          hit = CS_LEGEND_HIT_RELATION;
          break;
        case ROW_CONSORTIUM:
          hit = CS_LEGEND_HIT_CONSORTIUM;
          break;
        case ROW_HEADER:
        default:
          continue;
        }
      if (id != NULL)
        *id = row->row_kind == ROW_CONSORTIUM ? scene->content->consortia[row->kind] : row->kind;
      break;
    }
  return hit;
}
