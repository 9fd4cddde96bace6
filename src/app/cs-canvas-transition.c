/* cs-canvas-transition.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-canvas-private.h"

#include <math.h>

/* Transitions: when the document's positions change under the canvas (a
 * layout, an undo), the nodes glide from where they were shown to where
 * they now are, so the reader can follow them. A drag the user just made
 * lands where it was dropped, without gliding. */

#define TRANSITION_USEC (300 * G_USEC_PER_SEC / 1000)

static gboolean
animations_enabled (CsCanvas *self)
{
  gboolean enabled = TRUE;

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-enable-animations", &enabled,
                NULL);
  return enabled;
}

void
_cs_canvas_finish_transition (CsCanvas *self)
{
  if (self->transition_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->transition_tick);
  self->transition_tick = 0;
  g_clear_pointer (&self->transition_from, cs_positions_unref);
  if (self->transition != NULL)
    {
      g_clear_pointer (&self->transition, cs_positions_unref);
      _cs_canvas_invalidate_scene (self);
    }
}

static gboolean
transition_tick_cb (GtkWidget     *widget,
                    GdkFrameClock *clock,
                    gpointer       user_data)
{
  CsCanvas *self = CS_CANVAS (widget);
  CsPositions *to = self->document != NULL ? cs_document_get_positions (self->document) : NULL;
  guint n = self->transition_from != NULL ? cs_positions_get_n_nodes (self->transition_from) : 0;
  double t, eased;
  const double *a, *b;
  g_autofree double *xy = NULL;

  if (self->transition_start == 0)
    self->transition_start = gdk_frame_clock_get_frame_time (clock);
  t = (double)(gdk_frame_clock_get_frame_time (clock) - self->transition_start) / TRANSITION_USEC;
  if (to == NULL || cs_positions_get_n_nodes (to) != n || t >= 1.0)
    {
      self->transition_tick = 0;
      _cs_canvas_finish_transition (self);
      return G_SOURCE_REMOVE;
    }

  /* fast at first, settling at the end */
  eased = 1.0 - pow (1.0 - MAX (t, 0.0), 3);
  a = cs_positions_get_xy (self->transition_from);
  b = cs_positions_get_xy (to);
  xy = g_new (double, 2 * MAX (n, 1));
  for (guint i = 0; i < 2 * n; i++)
    xy[i] = a[i] + (b[i] - a[i]) * eased;
  g_clear_pointer (&self->transition, cs_positions_unref);
  self->transition = cs_positions_new (n, xy);
  _cs_canvas_invalidate_scene (self);
  return G_SOURCE_CONTINUE;
}

/* The document's positions changed: glide there from what was shown. */
void
_cs_canvas_positions_changed (CsCanvas *self)
{
  CsPositions *to = cs_document_get_positions (self->document);
  g_autoptr(CsPositions) from = NULL;

  /* from where the nodes are on screen now, mid-way through a glide too */
  if (self->transition != NULL)
    from = cs_positions_ref (self->transition);
  else if (self->shown_positions != NULL)
    from = cs_positions_ref (self->shown_positions);
  g_clear_pointer (&self->shown_positions, cs_positions_unref);
  if (to != NULL)
    self->shown_positions = cs_positions_ref (to);

  _cs_canvas_finish_transition (self);
  if (from == NULL || to == NULL || self->committing_drag ||
      cs_positions_get_n_nodes (from) != cs_positions_get_n_nodes (to) ||
      cs_positions_get_n_nodes (to) > CS_CANVAS_TRANSITION_MAX_NODES ||
      cs_positions_equal (from, to) || !gtk_widget_get_mapped (GTK_WIDGET (self)) ||
      !animations_enabled (self))
    return;

  self->transition_from = g_steal_pointer (&from);
  self->transition = cs_positions_ref (self->transition_from);
  self->transition_start = 0;
  self->transition_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), transition_tick_cb,
                                                         NULL, NULL);
}

/* A new graph: nothing to glide from. */
void
_cs_canvas_forget_positions (CsCanvas *self)
{
  _cs_canvas_finish_transition (self);
  g_clear_pointer (&self->shown_positions, cs_positions_unref);
  if (self->document != NULL && cs_document_get_positions (self->document) != NULL)
    self->shown_positions = cs_positions_ref (cs_document_get_positions (self->document));
}

/**
 * cs_canvas_get_transitioning:
 * @self: a #CsCanvas
 *
 * Returns: whether nodes are gliding to new positions now
 */
gboolean
cs_canvas_get_transitioning (CsCanvas *self)
{
  g_return_val_if_fail (CS_IS_CANVAS (self), FALSE);

  return self->transition != NULL;
}
