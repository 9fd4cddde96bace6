/* cs-node-item.h
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "cs-graph.h"

G_BEGIN_DECLS

#define CS_TYPE_NODE_ITEM (cs_node_item_get_type ())

G_DECLARE_FINAL_TYPE (CsNodeItem, cs_node_item, CS, NODE_ITEM, GObject)

CsNodeItem *cs_node_item_new           (CsGraph    *graph,
                                        guint       node);
guint       cs_node_item_get_node      (CsNodeItem *self);
const char *cs_node_item_get_label     (CsNodeItem *self);
const char *cs_node_item_get_label_en  (CsNodeItem *self);
const char *cs_node_item_get_type_name (CsNodeItem *self);
guint       cs_node_item_get_degree    (CsNodeItem *self);
guint       cs_node_item_get_consortia (CsNodeItem *self);

G_END_DECLS
