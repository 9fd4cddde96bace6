/* cs-timeline.h
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cs-view-state.h"

G_BEGIN_DECLS

#define CS_TYPE_TIMELINE (cs_timeline_get_type ())

G_DECLARE_FINAL_TYPE (CsTimeline, cs_timeline, CS, TIMELINE, GtkWidget)

void      cs_timeline_set_view_state (CsTimeline  *self,
                                      CsViewState *view);
int       cs_timeline_get_stage      (CsTimeline  *self);
void      cs_timeline_set_stage      (CsTimeline  *self,
                                      int          stage);
gboolean  cs_timeline_get_playing    (CsTimeline  *self);
void      cs_timeline_set_playing    (CsTimeline  *self,
                                      gboolean     playing);
gboolean  cs_timeline_get_stop_point (CsTimeline  *self,
                                      int          stage,
                                      double      *x,
                                      double      *y);
guint     cs_timeline_count_cut_names (CsTimeline *self);
void      cs_timeline_activate_mark  (CsTimeline  *self,
                                      guint        mark);
gboolean  cs_timeline_get_mark_point (CsTimeline  *self,
                                      guint        mark,
                                      double      *x,
                                      double      *y);

G_END_DECLS
