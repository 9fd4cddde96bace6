/* cs-filter.h
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
  CS_FILTER_STAGE_ANY,
  CS_FILTER_STAGE_APPLIED,                /* teams that applied */
  CS_FILTER_STAGE_PASSED_DOCUMENT_REVIEW, /* teams that passed the document review */
  CS_FILTER_STAGE_SELECTED,               /* the teams selected */
} CsFilterStage;

/* What to show. A node is shown when it passes every part; an edge when
 * both its ends are shown and its relation is. */
typedef struct
{
  guint32        types;      /* bit (1 << CsNodeType) set: shown */
  guint32        relations;  /* bit (1 << CsRelation) set: shown */
  int            consortium; /* a consortium node: it, its lead and members; -1 for all */
  CsFilterStage  stage;      /* teams at a stage, with their leads and members */
  int            around;     /* a node: only what lies within @depth links of it; -1 for all,
                              * CS_FILTER_AROUND_SELECTION for the canvas's selection */
  guint          depth;      /* 1 to 3 */
  gboolean       hide;       /* hide what is filtered out, instead of fading it */
  char           role[64];   /* links whose role (Korean or English) holds this text, and
                              * their ends; "" for all */
} CsFilter;

#define CS_FILTER_AROUND_SELECTION (-2)
#define CS_FILTER_ALL_TYPES     ((1u << CS_N_NODE_TYPES) - 1)
#define CS_FILTER_ALL_RELATIONS ((1u << CS_N_RELATIONS) - 1)

void      cs_filter_init        (CsFilter       *filter);
gboolean  cs_filter_is_active   (const CsFilter *filter);
gboolean  cs_filter_equal       (const CsFilter *a,
                                 const CsFilter *b);
guint8   *cs_filter_apply       (const CsFilter *filter,
                                 CsGraph        *graph,
                                 guint8        **edges_shown);

G_END_DECLS
