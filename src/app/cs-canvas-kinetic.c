/* cs-canvas-kinetic.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-canvas-private.h"

#include <math.h>

/* Kinetic panning: a pan let go with speed glides on, slowing down
 * exponentially, one step per frame of the frame clock. */

#define KINETIC_DECAY     4.0  /* per second */
#define KINETIC_MIN_SPEED 20.0 /* px per second */

static gboolean
kinetic_tick_cb (GtkWidget     *widget,
                 GdkFrameClock *clock,
                 gpointer       user_data)
{
  CsCanvas *self = CS_CANVAS (widget);
  gint64 now = gdk_frame_clock_get_frame_time (clock);
  double dt = (now - self->kinetic_time) / (double)G_USEC_PER_SEC;
  double decay;

  self->kinetic_time = now;
  if (dt <= 0)
    return G_SOURCE_CONTINUE;
  if (self->view == NULL)
    {
      self->kinetic_tick = 0;
      return G_SOURCE_REMOVE;
    }
  decay = exp (-KINETIC_DECAY * dt);
  cs_viewport_pan (cs_view_state_get_viewport (self->view), self->kinetic_vx * dt,
                   self->kinetic_vy * dt);
  self->kinetic_vx *= decay;
  self->kinetic_vy *= decay;
  if (hypot (self->kinetic_vx, self->kinetic_vy) < KINETIC_MIN_SPEED)
    {
      self->kinetic_tick = 0;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

/* starts a glide at (@vx, @vy) px per second, unless that is too slow to
 * be meant */
void
_cs_canvas_start_kinetic (CsCanvas *self,
                          double    vx,
                          double    vy)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (clock == NULL || hypot (vx, vy) < 4 * KINETIC_MIN_SPEED)
    return;
  _cs_canvas_stop_kinetic (self);
  self->kinetic_vx = vx;
  self->kinetic_vy = vy;
  self->kinetic_time = gdk_frame_clock_get_frame_time (clock);
  self->kinetic_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), kinetic_tick_cb, NULL,
                                                     NULL);
}

void
_cs_canvas_stop_kinetic (CsCanvas *self)
{
  if (self->kinetic_tick != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->kinetic_tick);
      self->kinetic_tick = 0;
    }
}
