/* cs-stage-panels.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-stage-panels.h"

#include "cs-filter.h"
#include "cs-render-private.h"
#include "cs-renderer.h"
#include "cs-stages.h"

#include <glib/gi18n-lib.h>
#include <math.h>

/* The figure: the title across the top, a line saying how to read it, the
 * panels in a grid chosen to draw the graph as large as it fits, the
 * caption along the bottom. Every panel frames the same world box, so a
 * node sits at the same place in each. */

#define PANEL_PAD 10.0 /* inside a panel's border, device units */
#define PANEL_GAP 8.0  /* between panels */

struct _CsStagePanels
{
  gatomicrefcount  ref_count;
  GPtrArray       *scenes;   /* CsScene, one per stage */
  GPtrArray       *headings; /* char *: the stage's name */
  GPtrArray       *details;  /* char *: its date, counts, who was cut */
  CsBounds        *boxes;    /* per panel, device units */
  CsScene         *frame;    /* the whole figure: background, title, caption */
  char            *key;      /* nullable: how to read the panels */
  double           key_y;
  double           header;   /* a panel's heading, device units */
  gboolean         background;
};

static double
heading_height (const CsRenderStyle *style)
{
  return PANEL_PAD + 1.3 * style->legend_font_size + 1.25 * style->legend_font_size + 4;
}

/* the columns that draw @world largest in @area */
static guint
best_columns (guint           n,
              const CsBounds *area,
              const CsBounds *world,
              double          header)
{
  double ww = MAX (world->x1 - world->x0, 1), wh = MAX (world->y1 - world->y0, 1);
  double best = -1;
  guint best_cols = 1;

  for (guint cols = 1; cols <= n; cols++)
    {
      guint rows = (n + cols - 1) / cols;
      double pw = (area->x1 - area->x0 - (cols - 1) * PANEL_GAP) / cols;
      double ph = (area->y1 - area->y0 - (rows - 1) * PANEL_GAP) / rows;
      double scale = MIN ((pw - 2 * PANEL_PAD) / ww, (ph - header - PANEL_PAD) / wh);

      if (scale > best)
        {
          best = scale;
          best_cols = cols;
        }
    }
  return best_cols;
}

/**
 * cs_stage_panels_new:
 * @graph: the graph
 * @positions: its positions, the same in every panel
 * @pinned: (nullable): per node, drawn with a pin
 * @view: (nullable): what the panels show besides the stage: the filter's
 *   other parts, whether it hides or fades, sizing, labels and layers
 * @options: the figure's size, title, legend, caption and background
 *
 * Call it on the thread that owns @view; the panels can then be drawn in
 * any thread.
 *
 * Returns: (transfer full) (nullable): the panels, or %NULL when the
 *   graph's events make no stage
 */
CsStagePanels *
cs_stage_panels_new (CsGraph               *graph,
                     CsPositions           *positions,
                     const gboolean        *pinned,
                     CsViewState           *view,
                     const CsExportOptions *options)
{
  const CsStages *stages;
  g_autoptr(CsViewState) own_view = NULL;
  CsStagePanels *self;
  CsExportOptions panel_options;
  CsBounds world = { 0, 0, 0, 0 }, area;
  CsRenderFlags flags;
  guint n, cols, rows;
  double pw, ph;

  g_return_val_if_fail (CS_IS_GRAPH (graph), NULL);
  g_return_val_if_fail (positions != NULL, NULL);
  g_return_val_if_fail (view == NULL || CS_IS_VIEW_STATE (view), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  stages = cs_stages_get (graph);
  n = cs_stages_get_n_stages (stages);
  if (n == 0)
    return NULL;
  if (view == NULL)
    {
      view = own_view = cs_view_state_new ();
      cs_view_state_set_graph (view, graph);
    }

  self = g_new0 (CsStagePanels, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->scenes = g_ptr_array_new_with_free_func ((GDestroyNotify)cs_scene_unref);
  self->headings = g_ptr_array_new_with_free_func (g_free);
  self->details = g_ptr_array_new_with_free_func (g_free);
  self->boxes = g_new0 (CsBounds, n);
  self->background = options->background != CS_EXPORT_BACKGROUND_TRANSPARENT;

  /* each panel a scene of the view at its stage */
  panel_options = *options;
  panel_options.scope = CS_EXPORT_SCOPE_ALL;
  panel_options.legend = FALSE;
  panel_options.title = FALSE;
  panel_options.caption = FALSE;
  for (guint s = 0; s < n; s++)
    {
      g_autoptr(CsViewState) at_stage = cs_view_state_copy (view);
      g_autoptr(CsFilter) filter = cs_filter_copy (cs_view_state_get_filter (view));
      g_autofree char *heading = cs_stage_get_title (cs_stages_get_stage (stages, s)->name);
      CsScene *scene;
      CsBounds bounds;

      cs_filter_set_stage (filter, cs_stages_get_stage (stages, s)->name);
      cs_view_state_set_filter (at_stage, filter);
      scene = cs_export_build_scene (graph, positions, pinned, at_stage, &panel_options);
      cs_scene_set_flags (scene, cs_scene_get_flags (scene) & CS_RENDER_LAYER_FLAGS &
                                     ~CS_RENDER_LEGEND);
      cs_scene_get_world_bounds (scene, &bounds);
      if (s == 0)
        world = bounds;
      world = (CsBounds) { MIN (world.x0, bounds.x0), MIN (world.y0, bounds.y0),
                           MAX (world.x1, bounds.x1), MAX (world.y1, bounds.y1) };
      g_ptr_array_add (self->scenes, scene);
      g_ptr_array_add (self->headings, g_steal_pointer (&heading));
      g_ptr_array_add (self->details, cs_stages_summarise (stages, s));
    }

  /* the figure: title and caption as an export draws them */
  self->frame = cs_scene_copy (g_ptr_array_index (self->scenes, 0));
  cs_scene_set_size (self->frame, options->width, options->height);
  flags = CS_RENDER_BACKGROUND;
  if (options->title)
    flags |= CS_RENDER_TITLE;
  if (options->caption)
    flags |= CS_RENDER_CAPTION;
  cs_scene_set_flags (self->frame, flags);
  cs_scene_set_title (self->frame, options->title_text);
  {
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
    cairo_t *measure = cairo_create (surface);
    double margin = CS_EXPORT_MARGIN / 2, caption;
    CsBox boxes[2];
    guint n_boxes;

    n_boxes = _cs_render_overlays (NULL, measure, self->frame, boxes);
    caption = _cs_render_caption (NULL, measure, self->frame);
    cairo_destroy (measure);
    cairo_surface_destroy (surface);
    area = (CsBounds) { margin, margin, options->width - margin, options->height - margin };
    for (guint i = 0; i < n_boxes; i++)
      area.y0 = MAX (area.y0, boxes[i].y1 + margin / 2);
    if (caption > 0)
      area.y1 -= caption + margin;
  }
  if (options->legend)
    {
      const CsRenderStyle *style = cs_scene_get_style (self->frame);

      self->key = g_strdup (cs_view_state_get_filter (view)->hide
                                /* TRANSLATORS: the key over the panels of
                                 * consortia --export --stages --hide */
                                ? _("Each panel shows the teams in the running at that stage, "
                                    "with their members; a dashed red ring marks a team cut "
                                    "there.")
                                /* TRANSLATORS: the key over the panels of
                                 * consortia --export --stages */
                                : _("Each panel shows the teams in the running at that stage, "
                                    "with their members; the others are faded, and a dashed "
                                    "red ring marks a team cut there."));
      self->key_y = area.y0;
      area.y0 += 1.6 * style->legend_font_size;
    }

  self->header = heading_height (cs_scene_get_style (self->frame));
  cols = best_columns (n, &area, &world, self->header);
  rows = (n + cols - 1) / cols;
  pw = (area.x1 - area.x0 - (cols - 1) * PANEL_GAP) / cols;
  ph = (area.y1 - area.y0 - (rows - 1) * PANEL_GAP) / rows;
  for (guint s = 0; s < n; s++)
    {
      CsScene *scene = g_ptr_array_index (self->scenes, s);
      double x = area.x0 + (s % cols) * (pw + PANEL_GAP);
      double y = area.y0 + (s / cols) * (ph + PANEL_GAP);

      self->boxes[s] = (CsBounds) { x, y, x + pw, y + ph };
      cs_scene_set_size (scene, MAX (pw - 2 * PANEL_PAD, 1),
                         MAX (ph - self->header - PANEL_PAD, 1));
      cs_scene_fit_bounds (scene, &world, 10);
    }
  return self;
}

CsStagePanels *
cs_stage_panels_ref (CsStagePanels *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
cs_stage_panels_unref (CsStagePanels *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_ptr_array_unref (self->scenes);
  g_ptr_array_unref (self->headings);
  g_ptr_array_unref (self->details);
  g_free (self->boxes);
  cs_scene_unref (self->frame);
  g_free (self->key);
  g_free (self);
}

guint
cs_stage_panels_get_n_panels (const CsStagePanels *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->scenes->len;
}

/**
 * cs_stage_panels_get_scene:
 * @self: the panels
 * @panel: one of them, in the order of the stages
 *
 * Returns: (transfer none): the scene the panel draws, framed at the
 *   panel's size (its graph area, below the heading)
 */
CsScene *
cs_stage_panels_get_scene (const CsStagePanels *self,
                           guint                panel)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (panel < self->scenes->len, NULL);

  return g_ptr_array_index (self->scenes, panel);
}

/* where @panel sits in the figure, border included, in device units */
void
cs_stage_panels_get_box (const CsStagePanels *self,
                         guint                panel,
                         CsBounds            *box)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (panel < self->scenes->len);
  g_return_if_fail (box != NULL);

  *box = self->boxes[panel];
}

/* the stage's name, as the panel is headed: "Selected" */
const char *
cs_stage_panels_get_heading (const CsStagePanels *self,
                             guint                panel)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (panel < self->scenes->len, NULL);

  return g_ptr_array_index (self->headings, panel);
}

/**
 * cs_stage_panels_draw:
 * @cr: a cairo context in device units
 * @self: the panels
 *
 * Draws the figure. Thread safe for panels no other thread changes.
 */
void
cs_stage_panels_draw (cairo_t             *cr,
                      const CsStagePanels *self)
{
  const CsRenderStyle *style;
  g_autoptr(PangoLayout) bold = NULL;
  g_autoptr(PangoLayout) regular = NULL;
  CsBox boxes[2];

  g_return_if_fail (cr != NULL);
  g_return_if_fail (self != NULL);

  style = cs_scene_get_style (self->frame);
  cairo_save (cr);
  if (self->background)
    {
      _cs_render_set_color (cr, &style->background);
      cairo_paint (cr);
    }
  _cs_render_overlays (cr, cr, self->frame, boxes);
  _cs_render_caption (cr, cr, self->frame);

  bold = _cs_render_create_bold_layout (cr, style, 1.15 * style->legend_font_size);
  regular = _cs_render_create_layout (cr, style, style->legend_font_size);
  if (self->key != NULL)
    {
      pango_layout_set_text (regular, self->key, -1);
      cairo_move_to (cr, self->boxes[0].x0, self->key_y);
      _cs_render_set_color (cr, &style->foreground);
      pango_cairo_show_layout (cr, regular);
    }

  for (guint s = 0; s < self->scenes->len; s++)
    {
      const CsBounds *box = &self->boxes[s];
      double width = box->x1 - box->x0 - 2 * PANEL_PAD;

      cairo_rectangle (cr, box->x0 + 0.5, box->y0 + 0.5, box->x1 - box->x0 - 1,
                       box->y1 - box->y0 - 1);
      cairo_set_line_width (cr, 1);
      _cs_render_set_color (cr, &style->legend_border);
      cairo_stroke (cr);

      _cs_render_set_color (cr, &style->foreground);
      pango_layout_set_width (bold, (int)(width * PANGO_SCALE));
      pango_layout_set_ellipsize (bold, PANGO_ELLIPSIZE_END);
      pango_layout_set_text (bold, g_ptr_array_index (self->headings, s), -1);
      cairo_move_to (cr, box->x0 + PANEL_PAD, box->y0 + PANEL_PAD);
      pango_cairo_show_layout (cr, bold);
      pango_layout_set_width (regular, (int)(width * PANGO_SCALE));
      pango_layout_set_ellipsize (regular, PANGO_ELLIPSIZE_END);
      pango_layout_set_text (regular, g_ptr_array_index (self->details, s), -1);
      cairo_move_to (cr, box->x0 + PANEL_PAD,
                     box->y0 + PANEL_PAD + 1.3 * style->legend_font_size + 2);
      pango_cairo_show_layout (cr, regular);

      cairo_save (cr);
      cairo_translate (cr, box->x0 + PANEL_PAD, box->y0 + self->header);
      cairo_rectangle (cr, 0, 0, cs_scene_get_width (g_ptr_array_index (self->scenes, s)),
                       cs_scene_get_height (g_ptr_array_index (self->scenes, s)));
      cairo_clip (cr);
      cs_renderer_draw (cr, g_ptr_array_index (self->scenes, s));
      cairo_restore (cr);
    }
  cairo_restore (cr);
}
