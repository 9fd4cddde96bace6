/* cs-filter-panel.h
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cs-view-state.h"

G_BEGIN_DECLS

#define CS_TYPE_FILTER_PANEL (cs_filter_panel_get_type ())

G_DECLARE_FINAL_TYPE (CsFilterPanel, cs_filter_panel, CS, FILTER_PANEL, GtkWidget)

void cs_filter_panel_set_view_state (CsFilterPanel *self,
                                     CsViewState   *view);

G_END_DECLS
