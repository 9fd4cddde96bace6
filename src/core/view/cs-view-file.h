/* cs-view-file.h
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cs-saved-view.h"
#include "cs-view-state.h"

G_BEGIN_DECLS

CsSavedView *cs_view_state_save    (CsViewState       *self);
void         cs_view_state_restore (CsViewState       *self,
                                    const CsSavedView *view);
gboolean     cs_view_state_get_camera (const CsSavedView *view,
                                       double            *zoom,
                                       double            *center_x,
                                       double            *center_y);

G_END_DECLS
