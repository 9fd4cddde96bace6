/* cs-layout-private.h
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cs-layout.h"

G_BEGIN_DECLS

/* For the modules that call igraph (cs-layout.c, cs-metrics.c): igraph's
 * handlers and random generator are process-wide, so every call holds this
 * lock, taken with _cs_igraph_lock() after which the handlers are ours. */
void     _cs_igraph_lock   (void);
gboolean _cs_igraph_trylock (void);
void     _cs_igraph_unlock (void);
void     _cs_igraph_set_cancellable (GCancellable *cancellable);
const char *_cs_igraph_reason (void);

double  *_cs_metrics_betweenness_sampled (CsGraph       *graph,
                                          guint          sample,
                                          GCancellable  *cancellable,
                                          GError       **error);

G_END_DECLS
