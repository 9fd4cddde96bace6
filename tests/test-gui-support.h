/* test-gui-support.h
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cs-canvas.h"

G_BEGIN_DECLS

cairo_surface_t  *cs_test_render_widget      (GtkWidget  *widget);
AdwMessageDialog *cs_test_wait_for_dialog    (GtkWindow  *parent,
                                              const char *heading);
void              cs_test_iterate            (void);
void              cs_test_wait_for_frame     (CsCanvas   *canvas);
void              cs_test_gui_init           (void);
guint             cs_test_check_accessible   (GtkWidget  *root);
void              cs_test_respond            (GtkWindow  *parent,
                                              const char *heading,
                                              const char *response);

G_END_DECLS
