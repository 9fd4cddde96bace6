/* cs-graph.h
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "cs-saved-view.h"

G_BEGIN_DECLS

/* A node's type. The format's known types have these ids and their own
 * styles; any other name in a graph's data gets an id from
 * CS_N_NODE_TYPES on, in the order it first appears, and keeps its name
 * (cs_graph_get_type_name()). */
typedef enum
{
  CS_NODE_TYPE_COMPANY,
  CS_NODE_TYPE_UNIVERSITY,
  CS_NODE_TYPE_RESEARCH_INSTITUTE,
  CS_NODE_TYPE_GOVERNMENT,
  CS_NODE_TYPE_PUBLIC_AGENCY,
  CS_NODE_TYPE_CONSORTIUM,
  CS_NODE_TYPE_MODEL,
  CS_NODE_TYPE_PRODUCT,
  CS_NODE_TYPE_CHIP,
  CS_NODE_TYPE_PERSON,
  CS_NODE_TYPE_PROGRAMME,
  CS_NODE_TYPE_OTHER,
  CS_N_NODE_TYPES
} CsNodeType;

/* An edge's relation: the known ones, then a graph's own names from
 * CS_N_RELATIONS on, as for #CsNodeType. */
typedef enum
{
  CS_RELATION_MEMBER_OF,
  CS_RELATION_LEADS,
  CS_RELATION_DEVELOPS,
  CS_RELATION_SUPPLIES,
  CS_RELATION_PARTNER_OF,
  CS_RELATION_FUNDS,
  CS_RELATION_ADVISES,
  CS_RELATION_WORKS_AT,
  CS_RELATION_AFFILIATE_OF,
  CS_RELATION_RUNS,
  CS_RELATION_APPLIED_TO,
  CS_RELATION_USES,
  CS_RELATION_VERSION_OF,
  CS_RELATION_OTHER,
  CS_N_RELATIONS
} CsRelation;

typedef struct
{
  char *file;
  char *quote; /* nullable */
} CsSource;

typedef struct
{
  char      *value; /* the scalar as text */
  char      *note;  /* nullable */
  GPtrArray *sources; /* CsSource */
} CsClaim;

typedef struct
{
  char      *key;
  GPtrArray *claims; /* CsClaim, at least one */
} CsAttribute;

/* A dated result or happening of a node. @stage is a snake_case word:
 * applied, passed_document_review, selected, … or one of the data's own;
 * "other" is a happening that is no stage (a mark on the timeline), and
 * words starting failed_ or not_ record a team that was cut. An event with
 * a @count or @planned speaks of the stage as a whole (how many are in the
 * running, a stage still to come), not of its node. See cs-stages.h. */
typedef struct
{
  char      *date;     /* nullable: YYYY, YYYY-MM or YYYY-MM-DD */
  char      *until;    /* nullable: the end of a span that starts at @date */
  char      *stage;
  char      *label;    /* nullable */
  char      *label_en; /* nullable */
  int        count;    /* the stated number in the running after it; -1 for none */
  gboolean   planned;
  GPtrArray *sources;
} CsEvent;

typedef struct
{
  char      *file;
  char      *title;     /* nullable */
  char      *publisher; /* nullable */
  char      *date;      /* nullable */
  char      *language;  /* nullable */
} CsArticle;

typedef struct
{
  char       *id;
  char       *label;
  char       *label_en;    /* nullable */
  gboolean    label_en_outside;
  char      **aliases;     /* never NULL */
  CsNodeType  type;
  char       *description; /* nullable */
  GPtrArray  *attributes;  /* CsAttribute */
  GPtrArray  *events;      /* CsEvent */
  GPtrArray  *sources;     /* CsSource */
  gboolean    has_position;
  double      x;
  double      y;
  gboolean    pinned;
} CsNode;

typedef struct
{
  char       *id;            /* nullable */
  guint       source;
  guint       target;
  CsRelation  relation;
  const char *relation_name; /* as written; owned by the graph */
  char       *role;          /* nullable */
  char       *role_en;       /* nullable */
  char       *note;          /* nullable */
  GPtrArray  *attributes;    /* CsAttribute */
  GPtrArray  *sources;       /* CsSource */
} CsEdge;

#define CS_TYPE_GRAPH (cs_graph_get_type ())

G_DECLARE_FINAL_TYPE (CsGraph, cs_graph, CS, GRAPH, GObject)

guint             cs_graph_get_n_nodes          (CsGraph     *self);
guint             cs_graph_get_n_edges          (CsGraph     *self);
const CsNode     *cs_graph_get_node             (CsGraph     *self,
                                                 guint        index);
const CsEdge     *cs_graph_get_edge             (CsGraph     *self,
                                                 guint        index);
gboolean          cs_graph_lookup               (CsGraph     *self,
                                                 const char  *id,
                                                 guint       *index);
guint             cs_graph_get_degree           (CsGraph     *self,
                                                 guint        node);
const guint      *cs_graph_get_incident_edges   (CsGraph     *self,
                                                 guint        node,
                                                 guint       *n_edges);
const char       *cs_graph_get_title            (CsGraph     *self);
const char       *cs_graph_get_title_en         (CsGraph     *self);
const char       *cs_graph_get_description      (CsGraph     *self);
const char       *cs_graph_get_date             (CsGraph     *self);
guint             cs_graph_get_n_articles       (CsGraph     *self);
const CsArticle  *cs_graph_get_article          (CsGraph     *self,
                                                 guint        index);
char             *cs_graph_describe_article     (CsGraph     *self,
                                                 const char  *file,
                                                 int          title_chars);
const char       *cs_graph_get_layout_algorithm (CsGraph     *self);
const CsSavedView *cs_graph_get_saved_view      (CsGraph     *self);
const char       *cs_graph_get_source_format    (CsGraph     *self);
guint             cs_graph_get_n_file_graphs    (CsGraph     *self,
                                                 guint       *index);
GBytes           *cs_graph_get_source_text      (CsGraph     *self);
gboolean          cs_graph_get_layout_seed      (CsGraph     *self,
                                                 guint32     *seed);
guint             cs_graph_count_type           (CsGraph     *self,
                                                 CsNodeType   type);
guint             cs_graph_count_relation       (CsGraph     *self,
                                                 CsRelation   relation);
guint             cs_graph_get_n_types          (CsGraph     *self);
const char       *cs_graph_get_type_name        (CsGraph     *self,
                                                 CsNodeType   type);
const char       *cs_graph_get_type_display_name (CsGraph    *self,
                                                 CsNodeType   type);
gboolean          cs_graph_lookup_type          (CsGraph     *self,
                                                 const char  *name,
                                                 CsNodeType  *type);
guint             cs_graph_get_n_relations      (CsGraph     *self);
const char       *cs_graph_get_relation_name    (CsGraph     *self,
                                                 CsRelation   relation);
const char       *cs_graph_get_relation_display_name (CsGraph *self,
                                                 CsRelation   relation);
gboolean          cs_graph_lookup_relation      (CsGraph     *self,
                                                 const char  *name,
                                                 CsRelation  *relation);

const char       *cs_node_type_to_string        (CsNodeType   type);
gboolean          cs_node_type_from_string      (const char  *str,
                                                 CsNodeType  *type);
const char       *cs_node_type_get_display_name (CsNodeType   type);
const char       *cs_relation_to_string         (CsRelation   relation);
gboolean          cs_relation_from_string       (const char  *str,
                                                 CsRelation  *relation);
gboolean          cs_relation_is_directed       (CsRelation   relation);
const char       *cs_relation_get_display_name  (CsRelation   relation);
char             *cs_stage_get_display_name     (const char  *stage);
char             *cs_stage_get_title            (const char  *stage);
gboolean          cs_stage_is_known             (const char  *stage);

G_END_DECLS
