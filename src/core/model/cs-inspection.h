/* cs-inspection.h
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "cs-graph.h"

G_BEGIN_DECLS

/* Everything the graph says about one node, in sections of rows, each row
 * with its sources: what the inspector panel shows and `--inspect` prints. */

/* one source of a row: the quote, and the article named as a reader
 * would look for it */
typedef struct
{
  char *quote;   /* nullable */
  char *article; /* "title (publisher, date)", or the file when the graph lists no such article */
  char *brief;   /* the short form, for a row of the panel: "아이뉴스24, 2025-08" */
} CsInspectCitation;

typedef struct
{
  char      *text;      /* "SK텔레콤 컨소시엄 — 멀티모달 설계 (multimodal design)" */
  char      *detail;    /* nullable: stage results, figures, notes */
  char      *sources;   /* nullable: "“quote” — title (publisher, date) · …" */
  GPtrArray *citations; /* nullable: CsInspectCitation, the sources one by one */
  int        node;      /* the node the row leads to, or -1 */
} CsInspectRow;

typedef struct
{
  char      *title;
  GPtrArray *rows; /* CsInspectRow */
} CsInspectSection;

typedef struct
{
  guint      node;
  char      *title;    /* the Korean name */
  char      *subtitle; /* English name and type */
  GPtrArray *sections; /* CsInspectSection, empty ones left out */
} CsInspection;

CsInspection *cs_inspection_new      (CsGraph            *graph,
                                      guint               node,
                                      const double       *betweenness,
                                      guint               betweenness_sources);
CsInspection *cs_inspection_new_for_nodes (CsGraph         *graph,
                                           const guint     *nodes,
                                           guint            n_nodes);
CsInspection *cs_inspection_new_for_edge  (CsGraph         *graph,
                                           guint            edge);
void          cs_inspection_free     (CsInspection       *self);
char         *cs_inspection_to_text  (const CsInspection *self);
void          cs_inspection_add_note (CsInspection       *self,
                                      const char         *title,
                                      const char         *text,
                                      const char         *detail);
const CsInspectSection *cs_inspection_find_section (const CsInspection *self,
                                                    const char         *title);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CsInspection, cs_inspection_free)

G_END_DECLS
