/* cs-window.h
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cs-canvas.h"
#include "cs-document.h"
#include "cs-inspector.h"
#include "cs-node-list.h"

G_BEGIN_DECLS

#define CS_TYPE_WINDOW (cs_window_get_type ())

G_DECLARE_FINAL_TYPE (CsWindow, cs_window, CS, WINDOW, AdwApplicationWindow)

CsDocument *cs_window_get_document (CsWindow *self);
CsViewState *cs_window_get_view_state (CsWindow *self);
CsCanvas   *cs_window_get_canvas   (CsWindow *self);
CsInspector *cs_window_get_inspector (CsWindow *self);
CsNodeList *cs_window_get_node_list (CsWindow *self);
gboolean    cs_window_get_inspector_revealed (CsWindow *self);
void        cs_window_open         (CsWindow *self,
                                    GFile    *file);

G_END_DECLS
