/* cs-viewport.h
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "cs-positions.h"

G_BEGIN_DECLS

#define CS_VIEWPORT_ZOOM_MIN 0.02
#define CS_VIEWPORT_ZOOM_MAX 16.0
#define CS_VIEWPORT_FIT_ZOOM_MAX 2.0

#define CS_TYPE_VIEWPORT (cs_viewport_get_type ())

G_DECLARE_FINAL_TYPE (CsViewport, cs_viewport, CS, VIEWPORT, GObject)

CsViewport *cs_viewport_new             (void);
double      cs_viewport_get_zoom        (CsViewport     *self);
void        cs_viewport_set_zoom        (CsViewport     *self,
                                         double          zoom);
double      cs_viewport_get_offset_x    (CsViewport     *self);
double      cs_viewport_get_offset_y    (CsViewport     *self);
void        cs_viewport_set_offset      (CsViewport     *self,
                                         double          offset_x,
                                         double          offset_y);
void        cs_viewport_zoom_at         (CsViewport     *self,
                                         double          zoom,
                                         double          widget_x,
                                         double          widget_y);
void        cs_viewport_pan             (CsViewport     *self,
                                         double          dx,
                                         double          dy);
void        cs_viewport_fit             (CsViewport     *self,
                                         const CsBounds *world,
                                         double          width,
                                         double          height,
                                         double          margin);
void        cs_viewport_fit_area        (CsViewport     *self,
                                         const CsBounds *world,
                                         const CsBounds *area);
void        cs_viewport_show_area       (CsViewport     *self,
                                         const CsBounds *world,
                                         const CsBounds *area);
double      cs_viewport_get_width       (CsViewport     *self);
double      cs_viewport_get_height      (CsViewport     *self);
void        cs_viewport_set_size        (CsViewport     *self,
                                         double          width,
                                         double          height);
void        cs_viewport_get_visible_bounds (CsViewport  *self,
                                         CsBounds       *world);
void        cs_viewport_world_to_widget (CsViewport     *self,
                                         double          world_x,
                                         double          world_y,
                                         double         *widget_x,
                                         double         *widget_y);
void        cs_viewport_widget_to_world (CsViewport     *self,
                                         double          widget_x,
                                         double          widget_y,
                                         double         *world_x,
                                         double         *world_y);

G_END_DECLS
