/* cs-settings-private.h
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cs-settings.h"

G_BEGIN_DECLS

GSettings *_cs_settings_new_from (GSettingsSchemaSource *installed,
                                  const char            *build_dir);

G_END_DECLS
