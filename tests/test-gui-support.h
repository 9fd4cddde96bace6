/* test-gui-support.h
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

cairo_surface_t *cs_test_render_widget (GtkWidget *widget);

G_END_DECLS
