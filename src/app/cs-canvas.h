/* cs-canvas.h
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cs-document.h"
#include "cs-renderer.h"
#include "cs-scene.h"
#include "cs-view-state.h"

G_BEGIN_DECLS

#define CS_TYPE_CANVAS (cs_canvas_get_type ())

G_DECLARE_FINAL_TYPE (CsCanvas, cs_canvas, CS, CANVAS, GtkWidget)

GtkWidget   *cs_canvas_new              (void);
CsDocument  *cs_canvas_get_document     (CsCanvas    *self);
void         cs_canvas_set_document     (CsCanvas    *self,
                                         CsDocument  *document);
CsViewState *cs_canvas_get_view_state   (CsCanvas    *self);
void         cs_canvas_set_view_state   (CsCanvas    *self,
                                         CsViewState *view);
gboolean     cs_canvas_get_dark         (CsCanvas    *self);
void         cs_canvas_set_dark         (CsCanvas    *self,
                                         gboolean     dark);
CsScene     *cs_canvas_get_scene        (CsCanvas    *self);
guint        cs_canvas_get_n_frames     (CsCanvas    *self);
guint        cs_canvas_get_n_layers_drawn (CsCanvas  *self);
int          cs_canvas_get_hover_node   (CsCanvas    *self);
int          cs_canvas_get_hover_edge   (CsCanvas    *self);
void         cs_canvas_set_marked       (CsCanvas    *self,
                                         const guint *nodes,
                                         guint        n_nodes);
const guint *cs_canvas_get_marked       (CsCanvas    *self,
                                         guint       *n_nodes);
void         cs_canvas_fit              (CsCanvas    *self);
void         cs_canvas_look_at          (CsCanvas    *self,
                                         double       zoom,
                                         double       center_x,
                                         double       center_y);
gboolean     cs_canvas_get_transitioning (CsCanvas   *self);
void         cs_canvas_set_covered_right (CsCanvas   *self,
                                          double      width);
void         cs_canvas_focus_node       (CsCanvas    *self,
                                         guint        node);
void         cs_canvas_centre_node      (CsCanvas    *self,
                                         guint        node);

G_END_DECLS
