/* cs-source-check.h
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "cs-graph.h"

G_BEGIN_DECLS

typedef enum
{
  CS_SOURCE_NO_QUOTE,      /* the citation names its article only */
  CS_SOURCE_NO_ARTICLE,    /* the article is not in the folder */
  CS_SOURCE_QUOTE_MISSING, /* the quote is not in the article */
} CsSourceIssueKind;

typedef struct
{
  CsSourceIssueKind  kind;
  char              *where; /* what cites it: "node kaist", "edge team-skt → skt (leads)", … */
  char              *file;
  char              *quote; /* nullable */
} CsSourceIssue;

/* What a check of a graph's citations against its articles found */
typedef struct
{
  guint      n_citations;
  guint      n_quoted;
  guint      n_verified; /* quotes found in their article */
  GPtrArray *issues;     /* CsSourceIssue, in the graph's order */
} CsSourceReport;

CsSourceReport *cs_source_check       (CsGraph        *graph,
                                       const char     *folder);
void            cs_source_report_free (CsSourceReport *report);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CsSourceReport, cs_source_report_free)

G_END_DECLS
