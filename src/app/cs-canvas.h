/* cs-canvas.h
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cs-document.h"
#include "cs-filter.h"
#include "cs-renderer.h"
#include "cs-viewport.h"

G_BEGIN_DECLS

typedef enum
{
  CS_SELECTION_REPLACE, /* the node alone */
  CS_SELECTION_EXTEND,  /* add the node (Shift) */
  CS_SELECTION_TOGGLE,  /* add or remove the node (Ctrl) */
} CsSelectionMode;

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
void        cs_canvas_focus_node    (CsCanvas      *self,
                                     guint          node);
void        cs_canvas_centre_node   (CsCanvas      *self,
                                     guint          node);
const guint *cs_canvas_get_selection (CsCanvas     *self,
                                     guint         *n_selected);
int         cs_canvas_get_selected_node (CsCanvas  *self);
void        cs_canvas_select_node   (CsCanvas      *self,
                                     int            node,
                                     CsSelectionMode mode);
int         cs_canvas_get_hover_node (CsCanvas     *self);
gboolean    cs_canvas_get_show_legend (CsCanvas    *self);
void        cs_canvas_set_show_legend (CsCanvas    *self,
                                     gboolean       value);
gboolean    cs_canvas_get_show_hulls (CsCanvas     *self);
void        cs_canvas_set_show_hulls (CsCanvas     *self,
                                     gboolean       value);
const CsFilter *cs_canvas_get_filter (CsCanvas    *self);
void        cs_canvas_set_filter    (CsCanvas      *self,
                                     const CsFilter *filter);
void        cs_canvas_count_shown   (CsCanvas      *self,
                                     guint         *n_nodes,
                                     guint         *n_edges);
gboolean    cs_canvas_get_uniform_size (CsCanvas   *self);
void        cs_canvas_set_uniform_size (CsCanvas   *self,
                                     gboolean       uniform);

G_END_DECLS
