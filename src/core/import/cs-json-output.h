/* cs-json-output.h
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Called now and then while the elements of the top-level arrays are
 * written: @done of @total written so far. */
typedef void (*CsJsonProgress) (guint64  done,
                                guint64  total,
                                gpointer user_data);

gboolean  cs_json_output_write    (JsonNode        *root,
                                   gboolean         pretty,
                                   GOutputStream   *stream,
                                   CsJsonProgress   progress,
                                   gpointer         user_data,
                                   GCancellable    *cancellable,
                                   GError         **error);
GBytes   *cs_json_output_to_bytes (JsonNode        *root,
                                   gboolean         pretty);

G_END_DECLS
