/* cs-install.h
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *cs_install_get_datadir   (void);
char *cs_install_get_localedir (void);

G_END_DECLS
