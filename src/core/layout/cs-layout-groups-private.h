/* cs-layout-groups-private.h
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cs-graph.h"

G_BEGIN_DECLS

/* What a node is to the programme's structure, as the layouts that show
 * it (consortia, sugiyama) read the graph. */
typedef enum
{
  CS_LAYOUT_ROLE_OTHER,
  CS_LAYOUT_ROLE_CONSORTIUM,
  CS_LAYOUT_ROLE_LEAD,       /* the lead at a consortium's heart */
  CS_LAYOUT_ROLE_MEMBER,     /* leads or belongs to exactly one consortium */
  CS_LAYOUT_ROLE_BRIDGE,     /* belongs to several */
  CS_LAYOUT_ROLE_PROGRAMME,
  CS_LAYOUT_ROLE_GOVERNMENT, /* a government node, or what runs a programme */
} CsLayoutRole;

typedef enum
{
  CS_LAYOUT_GROUP_CONSORTIUM, /* a consortium, its lead, members and what hangs off them */
  CS_LAYOUT_GROUP_BRIDGE,     /* an organisation of several consortia and what hangs off it */
  CS_LAYOUT_GROUP_CENTRE,     /* programmes and governments */
  CS_LAYOUT_GROUP_REST,       /* whatever no link ties to the others */
} CsLayoutGroupKind;

typedef struct
{
  CsLayoutGroupKind  kind;
  guint              heart;  /* the node at its heart, G_MAXUINT for the rest */
  guint              anchor; /* the consortium node of a consortium group, else = heart */
  GArray            *nodes;  /* guint, in index order */
} CsLayoutGroup;

typedef struct
{
  guint          n_nodes;
  CsLayoutRole  *roles;
  guint         *group;     /* per node, an index into groups */
  GPtrArray     *groups;    /* CsLayoutGroup */
  guint          centre;    /* the centre group, or G_MAXUINT */
  guint          n_consortia;
} CsLayoutGroups;

CsLayoutGroups *_cs_layout_groups_new     (CsGraph               *graph);
CsLayoutGroups *_cs_layout_groups_new_from_partition (CsGraph          *graph,
                                           const guint           *partition);
void            _cs_layout_groups_free    (CsLayoutGroups        *self);
guint          *_cs_layout_groups_layers  (const CsLayoutGroups  *self,
                                           CsGraph               *graph);
guint          *_cs_layout_dfs_order      (CsGraph               *graph,
                                           guint                  root);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CsLayoutGroups, _cs_layout_groups_free)

G_END_DECLS
