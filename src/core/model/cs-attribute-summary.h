/* cs-attribute-summary.h
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "cs-graph.h"

G_BEGIN_DECLS

/* What of a node's look an attribute can drive (the "style by attribute"
 * control): its fill, its size, its shape, the outline it sits in */
typedef enum
{
  CS_STYLE_COLOR,
  CS_STYLE_SIZE,
  CS_STYLE_SHAPE,
  CS_STYLE_GROUP,
  CS_N_STYLE_CHANNELS
} CsStyleChannel;

/* Distinct values are counted up to this many and one more ("many") */
#define CS_ATTRIBUTE_MAX_COUNTED 64

/* A categorical attribute has at most this many values */
#define CS_ATTRIBUTE_MAX_CATEGORIES 24

typedef struct
{
  const char *key;      /* owned by the summary */
  guint       n_nodes;  /* nodes that have it */
  guint       n_numbers; /* of those, how many hold a finite number */
  guint       n_colors; /* of those, how many hold a colour (#rgb, #rrggbb, #rrggbbaa) */
  guint       n_values; /* distinct values, at most CS_ATTRIBUTE_MAX_COUNTED + 1 */
  double      min;      /* of the numbers */
  double      max;
} CsAttributeInfo;

/* The node attributes of a graph, each with what kind of values it holds,
 * in the order they first appear. Built once per graph, in one pass over
 * the attributes (linear), and kept with it. */
typedef struct _CsAttributeSummary CsAttributeSummary;

const CsAttributeSummary *cs_attribute_summary_get       (CsGraph                  *graph);
guint                     cs_attribute_summary_get_n_keys (const CsAttributeSummary *self);
const CsAttributeInfo    *cs_attribute_summary_get_info  (const CsAttributeSummary *self,
                                                          guint                     index);
const CsAttributeInfo    *cs_attribute_summary_lookup    (const CsAttributeSummary *self,
                                                          const char               *key);
const char               *cs_attribute_summary_pick      (const CsAttributeSummary *self,
                                                          CsGraph                  *graph,
                                                          CsStyleChannel            channel);

gboolean                  cs_attribute_info_is_numeric   (const CsAttributeInfo    *info);
gboolean                  cs_attribute_info_is_categorical (const CsAttributeInfo  *info);
gboolean                  cs_attribute_info_is_colors    (const CsAttributeInfo    *info);
gboolean                  cs_attribute_info_can_drive    (const CsAttributeInfo    *info,
                                                          CsStyleChannel            channel);

/* Outlines (and the layout's groups) go round this many values at most */
#define CS_ATTRIBUTE_MAX_GROUPS 12

/* a node's part in a partition when it has no value */
#define CS_ATTRIBUTE_PART_NONE  G_MAXUINT

typedef struct
{
  const char *value; /* the graph's */
  guint       count; /* nodes with it */
  guint       first; /* the first of them */
} CsAttributePart;

/* The nodes by their value of a key, the most common value first */
typedef struct
{
  GArray *parts;   /* CsAttributePart, every distinct value */
  guint  *part_of; /* per node, its value's place in parts, or CS_ATTRIBUTE_PART_NONE */
} CsAttributePartition;

const CsAttributePartition *cs_attribute_summary_get_partition (const CsAttributeSummary *self,
                                                          CsGraph                  *graph,
                                                          const char               *key);
const double             *cs_attribute_summary_get_numbers (const CsAttributeSummary *self,
                                                          CsGraph                  *graph,
                                                          const char               *key);
guint                    *cs_attribute_groups            (CsGraph                  *graph,
                                                          const char               *key);
const char               *cs_node_get_attribute_value    (const CsNode             *node,
                                                          const char               *key);
gboolean                  cs_attribute_value_get_number  (const char               *value,
                                                          double                   *number);
gboolean                  cs_attribute_value_is_color    (const char               *value);
const char               *cs_style_channel_to_string     (CsStyleChannel            channel);

G_END_DECLS
