/* cs-canvas-card.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-canvas-private.h"
#include "cs-node-summary.h"

#include <math.h>

/* The hover card: what the pointer rests on (a node, or a link when no
 * node is under it) summarised in a card placed beside the neighbourhood
 * the hover brings forward, not over it as GTK's tooltip would be (GTK
 * 4.8 places a tooltip by the pointer, whatever tip area it is given).
 * The card is a child of the canvas that takes no input: the pointer
 * goes through it to the graph. */

/* how long the pointer rests before the card comes; once one has been
 * shown, the next comes at once for a while, as GTK's tooltips do */
#define CARD_DELAY_MS 300
#define CARD_BROWSE_US (600 * G_TIME_SPAN_MILLISECOND)
/* how long the pointer rests off any node before the links under it are
 * looked for: that test goes through every link */
#define EDGE_REST_MS 60
/* how near a link the pointer must be, in pixels */
#define EDGE_TOLERANCE 6.0
/* room between the card and what it keeps clear of, and the canvas's edge */
#define CARD_GAP 14.0
#define CARD_MARGIN 6.0
/* a hub's neighbours beyond this many are not weighed: the card is placed
 * on each hover, and the picture names no more than that of them */
#define CARD_MAX_NEIGHBOURS 400
#define MAX_LINKS_LISTED 8

typedef struct
{
  double x, y, r;
} Disc;

static gboolean
disc_overlaps (const Disc *d,
               double      x0,
               double      y0,
               double      x1,
               double      y1)
{
  double cx = CLAMP (d->x, x0, x1), cy = CLAMP (d->y, y0, y1);

  return (cx - d->x) * (cx - d->x) + (cy - d->y) * (cy - d->y) < d->r * d->r;
}

/* What the card must keep clear of: the hovered node or the link, with
 * the nodes at the other ends; discs[0] matters most (the node, or the
 * pointer on a link) */
static GArray *
collect_discs (CsCanvas *self,
               CsScene  *scene)
{
  CsGraph *graph = _cs_canvas_get_graph (self);
  double zoom = cs_scene_get_zoom (scene);
  GArray *discs = g_array_new (FALSE, FALSE, sizeof (Disc));
  Disc d;

  if (self->hover >= 0)
    {
      const guint *edges;
      guint n_edges;

      cs_scene_node_to_device (scene, self->hover, &d.x, &d.y);
      d.r = MAX (cs_scene_get_node_radius (scene, self->hover) * zoom, 4.0) + CARD_GAP;
      g_array_append_val (discs, d);
      edges = cs_graph_get_incident_edges (graph, self->hover, &n_edges);
      for (guint e = 0; e < n_edges && e < CARD_MAX_NEIGHBOURS; e++)
        {
          const CsEdge *edge = cs_graph_get_edge (graph, edges[e]);
          guint other = edge->source == (guint)self->hover ? edge->target : edge->source;

          cs_scene_node_to_device (scene, other, &d.x, &d.y);
          d.r = MAX (cs_scene_get_node_radius (scene, other) * zoom, 4.0) + CARD_GAP / 2;
          g_array_append_val (discs, d);
        }
    }
  else if (self->hover_edge >= 0)
    {
      const CsEdge *edge = cs_graph_get_edge (graph, self->hover_edge);
      double sx, sy, tx, ty;

      d = (Disc) { self->pointer_x, self->pointer_y, CARD_GAP + 4 };
      g_array_append_val (discs, d);
      cs_scene_node_to_device (scene, edge->source, &sx, &sy);
      cs_scene_node_to_device (scene, edge->target, &tx, &ty);
      /* the ends, and the course between them */
      for (int k = 0; k <= 8; k++)
        {
          double t = k / 8.0;

          d = (Disc) { sx + t * (tx - sx), sy + t * (ty - sy), CARD_GAP / 2 };
          if (k == 0 || k == 8)
            d.r += MAX (cs_scene_get_node_radius (scene, k == 0 ? edge->source : edge->target) *
                            zoom,
                        4.0);
          g_array_append_val (discs, d);
        }
    }
  return discs;
}

static double
card_cost (const GArray *discs,
           double        x,
           double        y,
           double        w,
           double        h)
{
  const Disc *first = &g_array_index (discs, Disc, 0);
  double cost = 0;

  for (guint i = 0; i < discs->len; i++)
    if (disc_overlaps (&g_array_index (discs, Disc, i), x, y, x + w, y + h))
      cost += i == 0 ? 1000 : 10;
  /* near what it describes rather than across the canvas */
  cost += hypot (x + w / 2 - first->x, y + h / 2 - first->y) / 100;
  return cost;
}

/**
 * _cs_canvas_place_card:
 * @self: a canvas with a scene and a hover
 * @w: the card's size
 * @h:
 * @x: (out): where its top left corner goes, in the canvas's pixels
 * @y: (out):
 *
 * Beside the hovered node or link and the neighbours it brings forward,
 * inside the part of the canvas the title and legend leave free: the
 * spot, among a dozen beside the node, beside the neighbourhood's box and
 * in the corners, that covers the fewest of them (the node itself never,
 * where there is room), the nearest of equals.
 */
void
_cs_canvas_place_card (CsCanvas *self,
                       double    w,
                       double    h,
                       double   *x,
                       double   *y)
{
  CsScene *scene = cs_canvas_get_scene (self);
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  g_autoptr(GArray) discs = NULL;
  CsBounds area = { CARD_MARGIN, CARD_MARGIN, width - CARD_MARGIN, height - CARD_MARGIN };
  CsBounds free;
  double bx0 = G_MAXDOUBLE, by0 = G_MAXDOUBLE, bx1 = -G_MAXDOUBLE, by1 = -G_MAXDOUBLE;
  double best = G_MAXDOUBLE;
  const Disc *first;

  *x = CARD_MARGIN;
  *y = CARD_MARGIN;
  if (scene == NULL)
    return;
  discs = collect_discs (self, scene);
  if (discs->len == 0)
    return;
  /* clear of the title and legend where the card fits there */
  cs_scene_get_graph_area (scene, CARD_MARGIN, &free);
  if (self->covered_right > 0)
    free.x1 -= self->covered_right;
  if (free.x1 - free.x0 >= w && free.y1 - free.y0 >= h)
    area = free;
  first = &g_array_index (discs, Disc, 0);
  for (guint i = 0; i < discs->len; i++)
    {
      const Disc *d = &g_array_index (discs, Disc, i);

      bx0 = MIN (bx0, d->x - d->r), by0 = MIN (by0, d->y - d->r);
      bx1 = MAX (bx1, d->x + d->r), by1 = MAX (by1, d->y + d->r);
    }

  {
    double fx = first->x, fy = first->y, fr = first->r;
    double candidates[][2] = {
      /* beside the node (or the pointer on a link) */
      { fx + fr, fy - h / 2 },
      { fx - fr - w, fy - h / 2 },
      { fx - w / 2, fy + fr },
      { fx - w / 2, fy - fr - h },
      { fx + fr, fy + fr },
      { fx - fr - w, fy + fr },
      { fx + fr, fy - fr - h },
      { fx - fr - w, fy - fr - h },
      /* beside the whole neighbourhood */
      { bx1, fy - h / 2 },
      { bx0 - w, fy - h / 2 },
      { fx - w / 2, by1 },
      { fx - w / 2, by0 - h },
      /* the free area's corners */
      { area.x1 - w, area.y0 },
      { area.x1 - w, area.y1 - h },
      { area.x0, area.y1 - h },
      { area.x0, area.y0 },
    };

    for (guint c = 0; c < G_N_ELEMENTS (candidates); c++)
      {
        double cx = CLAMP (candidates[c][0], area.x0, MAX (area.x0, area.x1 - w));
        double cy = CLAMP (candidates[c][1], area.y0, MAX (area.y0, area.y1 - h));
        double cost = card_cost (discs, cx, cy, w, h);

        if (cost < best)
          {
            best = cost;
            *x = cx;
            *y = cy;
          }
      }
  }
}

static char *
card_markup (CsCanvas *self)
{
  CsGraph *graph = _cs_canvas_get_graph (self);

  if (graph == NULL)
    return NULL;
  if (self->hover >= 0 && self->hover < (int)cs_graph_get_n_nodes (graph))
    return cs_node_summary_markup (graph, self->hover, MAX_LINKS_LISTED);
  if (self->hover_edge >= 0 && self->hover_edge < (int)cs_graph_get_n_edges (graph))
    return cs_edge_summary_markup (graph, self->hover_edge);
  return NULL;
}

static void
show_card (CsCanvas *self)
{
  g_autofree char *markup = card_markup (self);

  if (markup == NULL)
    {
      _cs_canvas_hide_card (self);
      return;
    }
  gtk_label_set_markup (GTK_LABEL (self->card), markup);
  gtk_widget_set_visible (self->card, TRUE);
  /* placed in size_allocate, beside what it describes */
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static gboolean
card_delay_cb (gpointer user_data)
{
  CsCanvas *self = user_data;

  self->card_source = 0;
  show_card (self);
  return G_SOURCE_REMOVE;
}

void
_cs_canvas_hide_card (CsCanvas *self)
{
  g_clear_handle_id (&self->card_source, g_source_remove);
  if (self->card == NULL || !gtk_widget_get_visible (self->card))
    return;
  gtk_widget_set_visible (self->card, FALSE);
  self->card_hidden_at = g_get_monotonic_time ();
}

/**
 * _cs_canvas_update_card:
 * @self: a canvas
 *
 * Follows the hover: a card already up (or hidden a moment ago) shows the
 * new node or link at once, else it comes once the pointer rests; none
 * while dragging or with nothing under the pointer.
 */
void
_cs_canvas_update_card (CsCanvas *self)
{
  gboolean something = self->hover >= 0 || self->hover_edge >= 0;

  if (self->card == NULL)
    return;
  if (!something || self->drag_mode != CS_CANVAS_DRAG_NONE)
    {
      _cs_canvas_hide_card (self);
      return;
    }
  if (gtk_widget_get_visible (self->card) ||
      g_get_monotonic_time () - self->card_hidden_at < CARD_BROWSE_US)
    {
      g_clear_handle_id (&self->card_source, g_source_remove);
      show_card (self);
      return;
    }
  g_clear_handle_id (&self->card_source, g_source_remove);
  self->card_source = g_timeout_add (CARD_DELAY_MS, card_delay_cb, self);
}

void
_cs_canvas_allocate_card (CsCanvas *self)
{
  int min_w, nat_w, min_h, nat_h;
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  double x, y;

  if (self->card == NULL || !gtk_widget_get_visible (self->card))
    return;
  gtk_widget_measure (self->card, GTK_ORIENTATION_HORIZONTAL, -1, &min_w, &nat_w, NULL, NULL);
  nat_w = MAX (min_w, MIN (nat_w, width - 2 * (int)CARD_MARGIN));
  gtk_widget_measure (self->card, GTK_ORIENTATION_VERTICAL, nat_w, &min_h, &nat_h, NULL, NULL);
  _cs_canvas_place_card (self, nat_w, nat_h, &x, &y);
  gtk_widget_allocate (self->card, nat_w, nat_h, -1,
                       gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (round (x), round (y))));
}

/* Links under the pointer */

static gboolean
edge_rest_cb (gpointer user_data)
{
  CsCanvas *self = user_data;
  CsScene *scene = cs_canvas_get_scene (self);
  int edge = -1;

  self->edge_source = 0;
  if (scene != NULL && self->hover < 0 && self->drag_mode == CS_CANVAS_DRAG_NONE &&
      self->pointer_inside &&
      cs_renderer_legend_hit_test (scene, self->pointer_x, self->pointer_y, NULL) ==
          CS_LEGEND_HIT_NONE)
    edge = cs_renderer_hit_test_edge (scene, self->pointer_x, self->pointer_y, EDGE_TOLERANCE);
  _cs_canvas_set_hover_edge (self, edge);
  return G_SOURCE_REMOVE;
}

/**
 * _cs_canvas_look_for_edge:
 * @self: a canvas
 *
 * The pointer moved off every node: once it rests, the link under it (if
 * any) becomes the hovered link. The link hovered until then stays so
 * while the pointer runs along it.
 */
void
_cs_canvas_look_for_edge (CsCanvas *self)
{
  g_clear_handle_id (&self->edge_source, g_source_remove);
  self->edge_source = g_timeout_add (EDGE_REST_MS, edge_rest_cb, self);
}

void
_cs_canvas_stop_looking_for_edge (CsCanvas *self)
{
  g_clear_handle_id (&self->edge_source, g_source_remove);
}

void
_cs_canvas_init_card (CsCanvas *self)
{
  self->hover_edge = -1;
  self->card = g_object_new (GTK_TYPE_LABEL,
                             "wrap", TRUE,
                             "wrap-mode", PANGO_WRAP_WORD_CHAR,
                             "max-width-chars", 46,
                             "xalign", 0.0f,
                             "can-target", FALSE,
                             "can-focus", FALSE,
                             "visible", FALSE,
                             NULL);
  gtk_widget_add_css_class (self->card, "hover-card");
  gtk_widget_set_parent (self->card, GTK_WIDGET (self));
}

void
_cs_canvas_dispose_card (CsCanvas *self)
{
  g_clear_handle_id (&self->card_source, g_source_remove);
  g_clear_handle_id (&self->edge_source, g_source_remove);
  g_clear_pointer (&self->card, gtk_widget_unparent);
}
