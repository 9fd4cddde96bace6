/* cs-metrics.h
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cs-graph.h"

G_BEGIN_DECLS

double *cs_metrics_betweenness (CsGraph       *graph,
                                GCancellable  *cancellable,
                                guint         *n_sources,
                                GError       **error);

G_END_DECLS
