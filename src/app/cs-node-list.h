/* cs-node-list.h
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cs-view-state.h"

G_BEGIN_DECLS

#define CS_TYPE_NODE_LIST (cs_node_list_get_type ())

G_DECLARE_FINAL_TYPE (CsNodeList, cs_node_list, CS, NODE_LIST, GtkWidget)

void        cs_node_list_set_view_state (CsNodeList  *self,
                                         CsViewState *view);
GListModel *cs_node_list_get_model     (CsNodeList *self);
int         cs_node_list_get_selected  (CsNodeList *self);
void        cs_node_list_sort_by       (CsNodeList *self,
                                        const char *column,
                                        gboolean    descending);

G_END_DECLS
