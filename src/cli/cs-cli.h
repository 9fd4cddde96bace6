/* cs-cli.h
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean cs_cli_is_headless (int    argc,
                             char **argv);
int      cs_cli_main        (int    argc,
                             char **argv);

G_END_DECLS
