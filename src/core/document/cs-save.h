/* cs-save.h
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cs-consortia-writer.h"
#include "cs-graph.h"
#include "cs-positions.h"

G_BEGIN_DECLS

typedef enum /*< flags >*/
{
  CS_SAVE_NONE   = 0,
  CS_SAVE_BACKUP = 1 << 0, /* keep the file replaced as FILE~ beside it */
} CsSaveFlags;

/* What one save writes: the graph and what the window adds to it. The
 * arrays are borrowed for the time of the call. */
typedef struct
{
  CsGraph           *graph;
  CsPositions       *positions;        /* nullable: the file's own */
  const gboolean    *pinned;           /* nullable: the file's own */
  const char        *layout_algorithm; /* nullable: the file's own */
  gint64             layout_seed;      /* -1: the file's own */
  const CsSavedView *view;             /* nullable: none */
} CsSaveContent;

gboolean  cs_save_graph          (GFile                *file,
                                  const CsSaveContent  *content,
                                  CsSaveFlags           flags,
                                  const char           *etag,
                                  char                **new_etag,
                                  CsWriterProgress      progress,
                                  gpointer              user_data,
                                  GCancellable         *cancellable,
                                  GError              **error);
char     *cs_save_query_etag     (GFile                *file);

G_END_DECLS
