/* cs-search.h
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
  CS_MATCH_EXACT,    /* the whole name */
  CS_MATCH_PREFIX,   /* the start of the name or of one of its words */
  CS_MATCH_INFIX,    /* anywhere in the name */
  CS_MATCH_INITIALS, /* Hangul initial consonants: ㅅㅋ for 에스케이텔레콤 */
} CsMatchKind;

typedef struct
{
  guint        node;
  CsMatchKind  kind;
  const char  *matched; /* the name that matched: label, English label or alias */
} CsSearchHit;

char    *cs_search_normalize       (const char *text);
char    *cs_search_initials        (const char *text);
GArray  *cs_search                 (CsGraph    *graph,
                                    const char *query,
                                    guint       limit);
GPtrArray *cs_search_closest_names (CsGraph    *graph,
                                    const char *query,
                                    guint       limit);

G_END_DECLS
