/* cs-inspector.h
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cs-document.h"
#include "cs-view-state.h"

G_BEGIN_DECLS

#define CS_TYPE_INSPECTOR (cs_inspector_get_type ())

G_DECLARE_FINAL_TYPE (CsInspector, cs_inspector, CS, INSPECTOR, GtkWidget)

void      cs_inspector_set_view_state (CsInspector *self,
                                       CsViewState *view);
void      cs_inspector_set_document   (CsInspector *self,
                                       CsDocument  *document);
int       cs_inspector_get_node  (CsInspector *self);
void      cs_inspector_set_node  (CsInspector *self,
                                  int          node);
char     *cs_inspector_dup_text  (CsInspector *self);

G_END_DECLS
