/* cs-hull.h
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

void cs_hull_compute (const double *xy,
                      guint         n,
                      GArray       *hull);

G_END_DECLS
