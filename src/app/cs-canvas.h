/* cs-canvas.h
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cs-document.h"
#include "cs-renderer.h"
#include "cs-viewport.h"

G_BEGIN_DECLS

#define CS_TYPE_CANVAS (cs_canvas_get_type ())

G_DECLARE_FINAL_TYPE (CsCanvas, cs_canvas, CS, CANVAS, GtkWidget)

GtkWidget  *cs_canvas_new           (void);
CsDocument *cs_canvas_get_document  (CsCanvas      *self);
void        cs_canvas_set_document  (CsCanvas      *self,
                                     CsDocument    *document);
CsViewport *cs_canvas_get_viewport  (CsCanvas      *self);
gboolean    cs_canvas_get_dark      (CsCanvas      *self);
void        cs_canvas_set_dark      (CsCanvas      *self,
                                     gboolean       dark);
void        cs_canvas_fit           (CsCanvas      *self);
gboolean    cs_canvas_get_scene     (CsCanvas      *self,
                                     CsRenderScene *scene);
guint       cs_canvas_get_n_frames  (CsCanvas      *self);

G_END_DECLS
