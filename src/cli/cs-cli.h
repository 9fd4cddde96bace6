/* cs-cli.h
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

int cs_cli_main (int          argc,
                 char       **argv,
                 const char  *toolkit_versions,
                 char       **window_file);

G_END_DECLS
