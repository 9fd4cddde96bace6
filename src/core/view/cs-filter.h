/* cs-filter.h
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "cs-graph.h"

G_BEGIN_DECLS

#define CS_FILTER_AROUND_SELECTION (-2)

/* What to show. A node is shown when it passes every part; an edge when
 * both its ends are shown and its relation is. Types and relations are
 * named, so a vocabulary of the data's own is filtered like the known one,
 * and names a graph does not have are simply not hidden. */
typedef struct
{
  char          **hidden_types;     /* type names left out; never NULL */
  char          **hidden_relations; /* relation names left out; never NULL */
  int             consortium;       /* a consortium node: it, its lead and members; -1 for all */
  char           *stage;            /* a stage word: the teams in the running then, their
                                     * leads and members, and what belongs to no team;
                                     * nullable for every stage (cs-stages.h) */
  int             around;           /* a node: only what lies within @depth links of it; -1
                                     * for all, CS_FILTER_AROUND_SELECTION for the selection */
  guint           depth;            /* 1 to 3 */
  gboolean        hide;             /* hide what is filtered out, instead of fading it */
  char           *role;             /* links whose role (Korean or English) holds this text,
                                     * and their ends; nullable */
} CsFilter;

#define CS_TYPE_FILTER (cs_filter_get_type ())

GType      cs_filter_get_type           (void) G_GNUC_CONST;
CsFilter  *cs_filter_new                (void);
CsFilter  *cs_filter_copy               (const CsFilter *filter);
void       cs_filter_free               (CsFilter       *filter);
gboolean   cs_filter_is_active          (const CsFilter *filter);
gboolean   cs_filter_equal              (const CsFilter *a,
                                         const CsFilter *b);
gboolean   cs_filter_get_type_shown     (const CsFilter *filter,
                                         const char     *type);
void       cs_filter_set_type_shown     (CsFilter       *filter,
                                         const char     *type,
                                         gboolean        shown);
gboolean   cs_filter_get_relation_shown (const CsFilter *filter,
                                         const char     *relation);
void       cs_filter_set_relation_shown (CsFilter       *filter,
                                         const char     *relation,
                                         gboolean        shown);
void       cs_filter_set_role           (CsFilter       *filter,
                                         const char     *role);
void       cs_filter_set_stage          (CsFilter       *filter,
                                         const char     *stage);
guint8    *cs_filter_apply              (const CsFilter *filter,
                                         CsGraph        *graph,
                                         const guint    *selection,
                                         guint           n_selection,
                                         guint8        **edges_shown);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CsFilter, cs_filter_free)

G_END_DECLS
