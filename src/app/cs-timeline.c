/* cs-timeline.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cs-timeline.h"

#include "cs-stages.h"

#include <math.h>
#include <stdlib.h>

/* The strip under the canvas: "All", then the stages of the graph's
 * events in order, each with its date and counts, planned ones drawn
 * hollow; the dated happenings of other nodes as marks between them.
 * Clicking, dragging or the arrow keys show a stage (the view's filter
 * follows); a click on a mark selects its node; the play button steps
 * through the stages. Hidden when the graph has no stages. */

#define ALL_WIDTH   56.0 /* the "All" slot at the left */
#define LINE_Y      13.0
#define STOP_RADIUS 6.0
#define MARK_RADIUS 4.0
#define PLAY_STEP_MS 1400

struct _CsTimeline
{
  GtkWidget       parent_instance;

  /* template children */
  GtkWidget      *box;
  GtkButton      *play;
  GtkDrawingArea *strip;

  /* owned */
  CsViewState    *view;
  CsGraph        *built_for;
  double         *mark_xs;      /* nullable: per mark, where it is drawn */
  int             marks_width;  /* the strip's width they were placed for */

  /* state */
  int             stage;        /* shown, or -1 for all */
  guint           play_source;
  guint           updating : 1;
};

G_DEFINE_FINAL_TYPE (CsTimeline, cs_timeline, GTK_TYPE_WIDGET)

static const CsStages *
get_stages (CsTimeline *self)
{
  CsGraph *graph = self->view != NULL ? cs_view_state_get_graph (self->view) : NULL;

  return graph != NULL ? cs_stages_get (graph) : NULL;
}

static guint
n_stages (CsTimeline *self)
{
  const CsStages *stages = get_stages (self);

  return stages != NULL ? cs_stages_get_n_stages (stages) : 0;
}

/* Geometry, in the strip's coordinates */

static double
stop_x (CsTimeline *self,
        int         stage)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self->strip));
  guint n = MAX (n_stages (self), 1);

  if (stage < 0)
    return ALL_WIDTH / 2;
  return ALL_WIDTH + (stage + 0.5) * (width - ALL_WIDTH) / n;
}

static double
slot_width (CsTimeline *self)
{
  return (gtk_widget_get_width (GTK_WIDGET (self->strip)) - ALL_WIDTH) / MAX (n_stages (self), 1);
}

/* a date as a number that orders and spaces dates: YYYY, YYYY-MM and
 * YYYY-MM-DD at their first day */
static double
day_number (const char *date)
{
  int year = 0, month = 1, day = 1;

  if (date == NULL || sscanf (date, "%d-%d-%d", &year, &month, &day) < 1)
    return NAN;
  return year * 372.0 + (month - 1) * 31.0 + (day - 1);
}

/* Where the marks sit, computed once per graph and width: a mark goes
 * between the stops whose dates hold its date, in proportion (clear of
 * the stops); the marks of a stretch that has no dates at both ends (before
 * the first dated stage, after the last) are spread evenly along it, in
 * date order. Stages without a date take the one before them. */
static const double *
mark_xs (CsTimeline *self)
{
  const CsStages *stages = get_stages (self);
  int width = gtk_widget_get_width (GTK_WIDGET (self->strip));
  guint n, n_marks;
  const CsStageMark *marks;
  g_autofree double *days = NULL;
  g_autofree int *segment = NULL;
  g_autofree double *t = NULL;
  double previous = NAN;

  if (stages == NULL)
    return NULL;
  if (self->mark_xs != NULL && self->marks_width == width)
    return self->mark_xs;
  n = cs_stages_get_n_stages (stages);
  marks = cs_stages_get_marks (stages, &n_marks);
  g_clear_pointer (&self->mark_xs, g_free);
  self->mark_xs = g_new0 (double, MAX (n_marks, 1));
  self->marks_width = width;
  days = g_new (double, MAX (n, 1));
  for (guint s = 0; s < n; s++)
    {
      double d = day_number (cs_stages_get_stage (stages, s)->date);

      days[s] = isnan (d) ? previous : d;
      if (!isnan (days[s]))
        previous = days[s];
    }
  segment = g_new (int, MAX (n_marks, 1));
  t = g_new (double, MAX (n_marks, 1));
  for (guint m = 0; m < n_marks; m++)
    {
      double when = day_number (marks[m].event->date);
      int before = -1, after = -1;

      for (guint s = 0; s < n; s++)
        if (!isnan (days[s]) && days[s] <= when)
          before = s;
      for (guint s = before + 1; s < n && after < 0; s++)
        if (!isnan (days[s]) && (before < 0 || days[s] > days[before]))
          after = s;
      if (before >= 0 && after >= 0)
        {
          /* between two dated stops: by date, from the later of them */
          segment[m] = after - 1;
          t[m] = CLAMP ((when - days[before]) / (days[after] - days[before]), 0.2, 0.8);
          t[m] = (stop_x (self, before) + t[m] * (stop_x (self, after) - stop_x (self, before)) -
                  stop_x (self, after - 1)) / slot_width (self);
        }
      else
        {
          /* before the first date (in the stretch up to the first dated
           * stop) or after the last: spread below */
          segment[m] = before < 0 ? (after > 0 ? after - 1 : -1) : (int)n - 1;
          t[m] = NAN;
        }
    }
  for (guint m = 0; m < n_marks; m++)
    {
      guint rank = 0, count = 0;

      if (!isnan (t[m]))
        {
          self->mark_xs[m] = stop_x (self, segment[m]) + t[m] * slot_width (self);
          continue;
        }
      /* marks are in date order: rank among the undated stretch's */
      for (guint k = 0; k < n_marks; k++)
        if (isnan (t[k]) && segment[k] == segment[m])
          {
            rank += k < m;
            count++;
          }
      self->mark_xs[m] = stop_x (self, segment[m]) +
                         (0.2 + 0.6 * (rank + 1) / (count + 1)) *
                             (segment[m] < 0 ? ALL_WIDTH / 2 + 0.5 * slot_width (self)
                                             : slot_width (self));
      if (segment[m] == (int)n - 1)
        self->mark_xs[m] = stop_x (self, segment[m]) +
                           (0.1 + 0.3 * (rank + 1) / (count + 1)) * slot_width (self);
    }
  return self->mark_xs;
}

static int
mark_at (CsTimeline *self,
         double      x,
         double      y)
{
  const CsStages *stages = get_stages (self);
  guint n_marks;
  int best = -1;
  double best_distance = 7;

  if (stages == NULL || fabs (y - LINE_Y) > 9)
    return -1;
  cs_stages_get_marks (stages, &n_marks);
  for (guint m = 0; m < n_marks; m++)
    {
      double distance = fabs (mark_xs (self)[m] - x);

      if (distance < best_distance)
        {
          best_distance = distance;
          best = m;
        }
    }
  return best;
}

static int
stage_at (CsTimeline *self,
          double      x)
{
  guint n = n_stages (self);
  double width = gtk_widget_get_width (GTK_WIDGET (self->strip));
  int stage;

  if (n == 0 || x < ALL_WIDTH)
    return -1;
  stage = (int)floor ((x - ALL_WIDTH) / ((width - ALL_WIDTH) / n));
  return CLAMP (stage, 0, (int)n - 1);
}

/* Drawing */

/* "2025-07-25" (or "planned", "2027 · planned") and "10 stated, 10 named" */
static void
stage_lines (const CsStages *stages,
             guint           stage,
             char          **when,
             char          **counts)
{
  const CsStageInfo *info = cs_stages_get_stage (stages, stage);
  g_autoptr(GString) date = g_string_new (NULL);

  if (info->date != NULL)
    g_string_append (date, info->date);
  if (info->until != NULL && g_strcmp0 (info->until, info->date) != 0)
    g_string_append_printf (date, " – %s", info->until);
  if (info->planned)
    {
      if (date->len > 0)
        g_string_append (date, " · ");
      /* TRANSLATORS: under a stage of the timeline: no source says it has
       * happened yet */
      g_string_append (date, _("planned"));
    }
  if (info->n_cut > 0)
    {
      if (date->len > 0)
        g_string_append (date, " · ");
      /* TRANSLATORS: under a stage of the timeline: how many of those in
       * the running at the stage before are out at this one */
      g_string_append_printf (date, _("%u cut"), info->n_cut);
    }
  *when = g_string_free (g_steal_pointer (&date), FALSE);
  if (info->stated >= 0 && info->n_named > 0)
    /* TRANSLATORS: under a stage of the timeline: how many the sources say
     * are in the running ("stated"), and how many of them the graph names */
    *counts = g_strdup_printf (_("%d stated, %u named"), info->stated, info->n_named);
  else if (info->stated >= 0)
    /* TRANSLATORS: how many the sources say are in the running at a stage */
    *counts = g_strdup_printf (_("%d stated"), info->stated);
  else
    /* TRANSLATORS: how many in the running at a stage the graph names */
    *counts = g_strdup_printf (_("%u named"), info->n_named);
}

/* @text centred in at most @max_lines lines of @width, ellipsised past them */
static PangoLayout *
create_text_layout (GtkWidget  *widget,
                    const char *text,
                    gboolean    bold,
                    double      width,
                    int         max_lines)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, text);
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

  /* a little smaller than the window's text: six stages fit a laptop */
  pango_attr_list_insert (attrs, pango_attr_scale_new (0.9));
  if (bold)
    pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_layout_set_attributes (layout, attrs);
  pango_layout_set_width (layout, (int)(MAX (width, 10) * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  if (max_lines > 1)
    {
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_height (layout, -max_lines);
    }
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  return layout;
}

static double
text_height (GtkWidget  *widget,
             const char *text,
             gboolean    bold,
             double      width,
             int         max_lines)
{
  g_autoptr(PangoLayout) layout = create_text_layout (widget, text, bold, width, max_lines);
  PangoRectangle logical;

  pango_layout_get_pixel_extents (layout, NULL, &logical);
  return logical.height;
}

static void
show_text (cairo_t     *cr,
           GtkWidget   *widget,
           const char  *text,
           gboolean     bold,
           double       x,
           double       y,
           double       width,
           int          max_lines)
{
  g_autoptr(PangoLayout) layout = create_text_layout (widget, text, bold, width, max_lines);

  cairo_move_to (cr, x - MAX (width, 10) / 2, y);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_strip (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        user_data)
{
  CsTimeline *self = user_data;
  const CsStages *stages = get_stages (self);
  GtkWidget *widget = GTK_WIDGET (area);
  const GdkRGBA accent = { 0.21, 0.52, 0.89, 1 };
  GdkRGBA fg;
  guint n, n_marks;
  double slot, line, name_height = 0;

  if (stages == NULL || (n = cs_stages_get_n_stages (stages)) == 0)
    return;
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS
  slot = (width - ALL_WIDTH) / n;
  /* a long name takes two lines rather than losing its end (six stages at
   * 1200 pixels leave each 190); the lines under the names stay in a row */
  line = text_height (widget, "Ag", FALSE, slot - 8, 1);
  for (guint s = 0; s < n; s++)
    {
      g_autofree char *name = cs_stage_get_title (cs_stages_get_stage (stages, s)->name);

      name_height = MAX (name_height, text_height (widget, name, TRUE, slot - 8, 2));
    }

  /* the line, solid to the last stage that happened, dashed after */
  cairo_set_line_width (cr, 2);
  cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.35);
  cairo_move_to (cr, stop_x (self, -1), LINE_Y);
  cairo_line_to (cr, stop_x (self, n - 1), LINE_Y);
  cairo_stroke (cr);

  /* "All" */
  cairo_new_sub_path (cr);
  cairo_arc (cr, stop_x (self, -1), LINE_Y, STOP_RADIUS - 1, 0, 2 * G_PI);
  if (self->stage < 0)
    gdk_cairo_set_source_rgba (cr, &accent);
  else
    cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.6);
  cairo_fill (cr);
  gdk_cairo_set_source_rgba (cr, self->stage < 0 ? &accent : &fg);
  /* TRANSLATORS: the timeline's first stop, which shows every stage at once;
   * keep it short (it has 52 pixels) */
  show_text (cr, widget, C_("timeline", "All"), self->stage < 0, stop_x (self, -1), LINE_Y + 10,
             ALL_WIDTH - 4, 1);

  for (guint s = 0; s < n; s++)
    {
      const CsStageInfo *info = cs_stages_get_stage (stages, s);
      g_autofree char *name = cs_stage_get_title (info->name);
      g_autofree char *when = NULL;
      g_autofree char *counts = NULL;
      gboolean current = (int)s == self->stage;
      double x = stop_x (self, s), r = current ? STOP_RADIUS + 2 : STOP_RADIUS, y;

      stage_lines (stages, s, &when, &counts);

      cairo_new_sub_path (cr);
      cairo_arc (cr, x, LINE_Y, r, 0, 2 * G_PI);
      if (info->planned)
        {
          const double dash[] = { 2.5, 2 };

          /* planned: hollow, dashed */
          gdk_cairo_set_source_rgba (cr, current ? &accent : &fg);
          cairo_set_line_width (cr, 1.5);
          cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
        }
      else
        {
          gdk_cairo_set_source_rgba (cr, current ? &accent : &fg);
          cairo_fill (cr);
        }
      if (current && gtk_widget_has_focus (widget))
        {
          cairo_new_sub_path (cr);
          cairo_arc (cr, x, LINE_Y, r + 3, 0, 2 * G_PI);
          gdk_cairo_set_source_rgba (cr, &accent);
          cairo_set_line_width (cr, 1.5);
          cairo_stroke (cr);
        }
      gdk_cairo_set_source_rgba (cr, current ? &accent : &fg);
      y = LINE_Y + 10;
      show_text (cr, widget, name, current, x, y, slot - 8, 2);
      y += name_height;
      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.7);
      show_text (cr, widget, when, FALSE, x, y, slot - 8, 1);
      show_text (cr, widget, counts, FALSE, x, y + line, slot - 8, 1);
    }

  /* the marks: small diamonds on the line */
  cs_stages_get_marks (stages, &n_marks);
  for (guint m = 0; m < n_marks; m++)
    {
      double x = mark_xs (self)[m];

      cairo_move_to (cr, x, LINE_Y - MARK_RADIUS - 1);
      cairo_line_to (cr, x + MARK_RADIUS, LINE_Y);
      cairo_line_to (cr, x, LINE_Y + MARK_RADIUS + 1);
      cairo_line_to (cr, x - MARK_RADIUS, LINE_Y);
      cairo_close_path (cr);
      cairo_set_source_rgba (cr, 0.90, 0.57, 0.13, 1);
      cairo_fill_preserve (cr);
      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.5);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);
    }
}

/* The view */

static void
update_accessible (CsTimeline *self)
{
  const CsStages *stages = get_stages (self);
  g_autofree char *text = NULL;

  if (stages != NULL && self->stage >= 0 && self->stage < (int)cs_stages_get_n_stages (stages))
    {
      g_autofree char *name = cs_stage_get_title (cs_stages_get_stage (stages, self->stage)->name);
      g_autofree char *described = cs_stages_describe (stages, self->stage);

      text = g_strdup_printf ("%s, %s", name, described);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->strip),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MIN, -1.0,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MAX,
                                  (double)MAX ((int)n_stages (self) - 1, -1),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_NOW, (double)self->stage,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT,
                                  text != NULL ? text : _("All stages"), -1);
}

/* the view's filter → the stage shown */
static void
cs_timeline_filter_cb (CsTimeline *self)
{
  const CsStages *stages = get_stages (self);
  const CsFilter *filter;

  if (self->updating || stages == NULL)
    return;
  filter = cs_view_state_get_filter (self->view);
  self->stage = cs_stages_lookup (stages, filter->stage);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->strip));
}

static void
cs_timeline_graph_cb (CsTimeline *self)
{
  CsGraph *graph = cs_view_state_get_graph (self->view);

  if (graph == self->built_for)
    return;
  g_set_object (&self->built_for, graph);
  g_clear_pointer (&self->mark_xs, g_free);
  cs_timeline_set_playing (self, FALSE);
  self->stage = -1;
  gtk_widget_set_visible (GTK_WIDGET (self), n_stages (self) > 0);
  cs_timeline_filter_cb (self);
}

/**
 * cs_timeline_set_view_state:
 * @self: a #CsTimeline
 * @view: the view whose filter shows a stage
 */
void
cs_timeline_set_view_state (CsTimeline  *self,
                            CsViewState *view)
{
  g_return_if_fail (CS_IS_TIMELINE (self));
  g_return_if_fail (CS_IS_VIEW_STATE (view));

  if (self->view != NULL)
    g_signal_handlers_disconnect_by_data (self->view, self);
  g_set_object (&self->view, view);
  g_signal_connect_object (view, "notify::graph", G_CALLBACK (cs_timeline_graph_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (view, "notify::filter", G_CALLBACK (cs_timeline_filter_cb), self,
                           G_CONNECT_SWAPPED);
  g_clear_object (&self->built_for);
  cs_timeline_graph_cb (self);
}

/**
 * cs_timeline_get_stage:
 * @self: a #CsTimeline
 *
 * Returns: the stage shown, in the order of cs_stages_get_stage(), or -1
 *   when every stage is
 */
int
cs_timeline_get_stage (CsTimeline *self)
{
  g_return_val_if_fail (CS_IS_TIMELINE (self), -1);

  return self->stage;
}

/**
 * cs_timeline_set_stage:
 * @self: a #CsTimeline
 * @stage: a stage, or -1 for all
 *
 * Shows @stage: the view's filter keeps its other parts and takes the
 * stage's word.
 */
void
cs_timeline_set_stage (CsTimeline *self,
                       int         stage)
{
  const CsStages *stages;
  g_autoptr(CsFilter) filter = NULL;

  g_return_if_fail (CS_IS_TIMELINE (self));

  stages = get_stages (self);
  if (stages == NULL)
    return;
  stage = CLAMP (stage, -1, (int)cs_stages_get_n_stages (stages) - 1);
  if (stage == self->stage)
    return;
  self->stage = stage;
  filter = cs_filter_copy (cs_view_state_get_filter (self->view));
  cs_filter_set_stage (filter, stage >= 0 ? cs_stages_get_stage (stages, stage)->name : NULL);
  self->updating = TRUE;
  cs_view_state_set_filter (self->view, filter);
  self->updating = FALSE;
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->strip));
}

/* Playing */

static gboolean
play_step_cb (gpointer user_data)
{
  CsTimeline *self = user_data;

  cs_timeline_set_stage (self, self->stage + 1);
  if (self->stage >= (int)n_stages (self) - 1)
    {
      self->play_source = 0;
      cs_timeline_set_playing (self, FALSE);
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

gboolean
cs_timeline_get_playing (CsTimeline *self)
{
  g_return_val_if_fail (CS_IS_TIMELINE (self), FALSE);

  return self->play_source != 0;
}

/**
 * cs_timeline_set_playing:
 * @self: a #CsTimeline
 * @playing: whether to step through the stages
 *
 * Playing shows each stage in turn, from the one after the stage shown
 * (from the first when the last is shown), and stops at the last.
 */
void
cs_timeline_set_playing (CsTimeline *self,
                         gboolean    playing)
{
  g_return_if_fail (CS_IS_TIMELINE (self));

  if (playing == (self->play_source != 0))
    return;
  if (playing)
    {
      if (n_stages (self) == 0)
        return;
      if (self->stage >= (int)n_stages (self) - 1)
        cs_timeline_set_stage (self, -1);
      cs_timeline_set_stage (self, self->stage + 1);
      self->play_source = g_timeout_add (PLAY_STEP_MS, play_step_cb, self);
    }
  else
    g_clear_handle_id (&self->play_source, g_source_remove);
  gtk_button_set_icon_name (self->play, playing ? "media-playback-pause-symbolic"
                                                : "media-playback-start-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->play),
                               playing ? _("Pause (Space)") : _("Play the stages (Space)"));
}

static void
cs_timeline_play_cb (CsTimeline *self)
{
  cs_timeline_set_playing (self, !cs_timeline_get_playing (self));
}

/* The pointer and the keys */

static void
cs_timeline_pressed_cb (GtkGestureClick *gesture,
                        int              n_press,
                        double           x,
                        double           y,
                        CsTimeline      *self)
{
  const CsStages *stages = get_stages (self);
  int mark = mark_at (self, x, y);

  gtk_widget_grab_focus (GTK_WIDGET (self->strip));
  if (stages == NULL)
    return;
  cs_timeline_set_playing (self, FALSE);
  if (mark >= 0)
    {
      cs_timeline_activate_mark (self, mark);
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      return;
    }
  cs_timeline_set_stage (self, stage_at (self, x));
}

static void
cs_timeline_drag_update_cb (GtkGestureDrag *gesture,
                            double          dx,
                            double          dy,
                            CsTimeline     *self)
{
  double x, y;

  if (gtk_gesture_drag_get_start_point (gesture, &x, &y) && mark_at (self, x, y) < 0)
    cs_timeline_set_stage (self, stage_at (self, x + dx));
}

/* timeline.previous, .next, .first, .last and .play: the arrow keys,
 * Home, End and Space while the timeline has the focus */
static void
cs_timeline_step_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  CsTimeline *self = CS_TIMELINE (widget);

  if (g_str_equal (action_name, "timeline.play"))
    {
      cs_timeline_play_cb (self);
      return;
    }
  cs_timeline_set_playing (self, FALSE);
  if (g_str_equal (action_name, "timeline.previous"))
    cs_timeline_set_stage (self, self->stage - 1);
  else if (g_str_equal (action_name, "timeline.next"))
    cs_timeline_set_stage (self, self->stage + 1);
  else if (g_str_equal (action_name, "timeline.first"))
    cs_timeline_set_stage (self, -1);
  else
    cs_timeline_set_stage (self, (int)n_stages (self) - 1);
}

/**
 * cs_timeline_activate_mark:
 * @self: a #CsTimeline
 * @mark: a mark, in the order of cs_stages_get_marks()
 *
 * What a click on the mark does: selects its node.
 */
void
cs_timeline_activate_mark (CsTimeline *self,
                           guint       mark)
{
  const CsStages *stages;
  const CsStageMark *marks;
  guint n_marks;

  g_return_if_fail (CS_IS_TIMELINE (self));

  stages = get_stages (self);
  if (stages == NULL)
    return;
  marks = cs_stages_get_marks (stages, &n_marks);
  g_return_if_fail (mark < n_marks);
  cs_view_state_select_node (self->view, marks[mark].node, CS_SELECTION_REPLACE);
}

static gboolean
cs_timeline_query_tooltip_cb (GtkWidget  *strip,
                              int         x,
                              int         y,
                              gboolean    keyboard,
                              GtkTooltip *tooltip,
                              CsTimeline *self)
{
  const CsStages *stages = get_stages (self);
  int mark, stage;
  g_autofree char *text = NULL;

  if (stages == NULL)
    return FALSE;
  mark = keyboard ? -1 : mark_at (self, x, y);
  if (mark >= 0)
    {
      guint n_marks;
      const CsStageMark *marks = cs_stages_get_marks (stages, &n_marks);
      const CsEvent *event = marks[mark].event;
      const CsNode *node = cs_graph_get_node (cs_view_state_get_graph (self->view),
                                              marks[mark].node);
      const char *label = event->label != NULL ? event->label : event->label_en;
      g_autofree char *when = event->until != NULL
                                  ? g_strdup_printf ("%s – %s", event->date, event->until)
                                  : g_strdup (event->date);
      g_autofree char *what = label != NULL ? g_strdup_printf ("%s: %s", node->label, label)
                                            : g_strdup (node->label);

      /* TRANSLATORS: the tooltip of a mark on the timeline: a date (or
       * "date – date"), then the node and what happened to it */
      text = g_strdup_printf (_("%s — %s\n(click to select it)"), when, what);
    }
  else
    {
      stage = keyboard ? self->stage : stage_at (self, x);
      if (stage < 0)
        text = g_strdup (_("Every stage: the whole graph"));
      else
        {
          const CsStageInfo *info = cs_stages_get_stage (stages, stage);
          const char *label = info->label_en != NULL ? info->label_en : info->label;
          g_autofree char *name = cs_stage_get_title (info->name);
          g_autofree char *described = cs_stages_describe (stages, stage);

          text = g_strdup_printf ("%s — %s%s%s", name, described, label != NULL ? "\n" : "",
                                  label != NULL ? label : "");
        }
    }
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* where @stage's stop is drawn, in the timeline's coordinates */
gboolean
cs_timeline_get_stop_point (CsTimeline *self,
                            int         stage,
                            double      *x,
                            double      *y)
{
  g_return_val_if_fail (CS_IS_TIMELINE (self), FALSE);

  if (stage >= (int)n_stages (self))
    return FALSE;
  return gtk_widget_translate_coordinates (GTK_WIDGET (self->strip), GTK_WIDGET (self),
                                           stop_x (self, stage), LINE_Y, x, y);
}

/**
 * cs_timeline_count_cut_names:
 * @self: a #CsTimeline
 *
 * Returns: how many stage names do not fit their slot at the strip's
 *   width, even on two lines (they are drawn ellipsised)
 */
guint
cs_timeline_count_cut_names (CsTimeline *self)
{
  const CsStages *stages;
  guint n, cut = 0;

  g_return_val_if_fail (CS_IS_TIMELINE (self), 0);

  stages = get_stages (self);
  n = stages != NULL ? cs_stages_get_n_stages (stages) : 0;
  for (guint s = 0; s < n; s++)
    {
      g_autofree char *name = cs_stage_get_title (cs_stages_get_stage (stages, s)->name);
      g_autoptr(PangoLayout) layout =
          create_text_layout (GTK_WIDGET (self->strip), name, TRUE, slot_width (self) - 8, 2);

      cut += pango_layout_is_ellipsized (layout);
    }
  return cut;
}

/* where mark @mark is drawn, in the timeline's coordinates */
gboolean
cs_timeline_get_mark_point (CsTimeline *self,
                            guint       mark,
                            double     *x,
                            double     *y)
{
  const CsStages *stages;
  guint n_marks;

  g_return_val_if_fail (CS_IS_TIMELINE (self), FALSE);

  stages = get_stages (self);
  if (stages == NULL)
    return FALSE;
  cs_stages_get_marks (stages, &n_marks);
  if (mark >= n_marks)
    return FALSE;
  return gtk_widget_translate_coordinates (GTK_WIDGET (self->strip), GTK_WIDGET (self),
                                           mark_xs (self)[mark], LINE_Y, x, y);
}

static void
cs_timeline_dispose (GObject *object)
{
  CsTimeline *self = (CsTimeline *)object;

  g_clear_handle_id (&self->play_source, g_source_remove);
  if (self->view != NULL)
    g_signal_handlers_disconnect_by_data (self->view, self);
  g_clear_object (&self->view);
  g_clear_object (&self->built_for);
  g_clear_pointer (&self->mark_xs, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), CS_TYPE_TIMELINE);

  G_OBJECT_CLASS (cs_timeline_parent_class)->dispose (object);
}

static void
cs_timeline_class_init (CsTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cs_timeline_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/cs-timeline.ui");
  gtk_widget_class_bind_template_child (widget_class, CsTimeline, box);
  gtk_widget_class_bind_template_child (widget_class, CsTimeline, play);
  gtk_widget_class_bind_template_child (widget_class, CsTimeline, strip);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "timeline");

  gtk_widget_class_install_action (widget_class, "timeline.previous", NULL,
                                   cs_timeline_step_action);
  gtk_widget_class_install_action (widget_class, "timeline.next", NULL, cs_timeline_step_action);
  gtk_widget_class_install_action (widget_class, "timeline.first", NULL, cs_timeline_step_action);
  gtk_widget_class_install_action (widget_class, "timeline.last", NULL, cs_timeline_step_action);
  gtk_widget_class_install_action (widget_class, "timeline.play", NULL, cs_timeline_step_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "timeline.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Left, 0, "timeline.previous",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "timeline.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Right, 0, "timeline.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, 0, "timeline.first", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_End, 0, "timeline.last", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "timeline.play", NULL);
}

static void
cs_timeline_init (CsTimeline *self)
{
  GtkGesture *click, *drag;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->stage = -1;
  gtk_drawing_area_set_draw_func (self->strip, draw_strip, self, NULL);
  g_signal_connect_object (self->play, "clicked", G_CALLBACK (cs_timeline_play_cb), self,
                           G_CONNECT_SWAPPED);

  click = gtk_gesture_click_new ();
  g_signal_connect (click, "pressed", G_CALLBACK (cs_timeline_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->strip), GTK_EVENT_CONTROLLER (click));
  drag = gtk_gesture_drag_new ();
  g_signal_connect (drag, "drag-update", G_CALLBACK (cs_timeline_drag_update_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->strip), GTK_EVENT_CONTROLLER (drag));
  g_signal_connect (self->strip, "query-tooltip", G_CALLBACK (cs_timeline_query_tooltip_cb),
                    self);
  g_signal_connect_swapped (self->strip, "notify::has-focus",
                            G_CALLBACK (gtk_widget_queue_draw), self->strip);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}
