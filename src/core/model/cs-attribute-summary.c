/* cs-attribute-summary.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-attribute-summary.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* The node attributes a graph holds, read for the "style by attribute"
 * control: which keys there are, which hold numbers (they can size nodes),
 * which a few values (they can colour, shape or group them), which hold
 * colours of their own (a GEXF file's viz:color). Plain GLib. */

typedef struct
{
  CsAttributeInfo  info;
  GHashTable      *values; /* const char * (the graph's) -> NULL, up to MAX_COUNTED + 1 */
} Entry;

struct _CsAttributeSummary
{
  GPtrArray  *entries; /* Entry, in first appearance order */
  GHashTable *by_key;  /* key -> Entry */
  /* made when first asked for, under summary_lock */
  GHashTable *partitions; /* key -> CsAttributePartition */
  GHashTable *numbers;    /* key -> double per node */
};

static GMutex summary_lock;

static void
entry_free (Entry *entry)
{
  g_free ((char *)entry->info.key);
  g_clear_pointer (&entry->values, g_hash_table_unref);
  g_free (entry);
}

static void
partition_free (CsAttributePartition *partition)
{
  g_array_unref (partition->parts);
  g_free (partition->part_of);
  g_free (partition);
}

static void
summary_free (CsAttributeSummary *self)
{
  g_ptr_array_unref (self->entries);
  g_hash_table_unref (self->by_key);
  g_hash_table_unref (self->partitions);
  g_hash_table_unref (self->numbers);
  g_free (self);
}

/**
 * cs_attribute_value_get_number:
 * @value: (nullable): an attribute's value
 * @number: (out) (optional): the number it holds
 *
 * Returns: %TRUE when @value is a finite number, written as C writes one
 */
gboolean
cs_attribute_value_get_number (const char *value,
                               double     *number)
{
  char *end = NULL;
  double d;

  if (value == NULL || value[0] == '\0' || g_ascii_isspace (value[0]))
    return FALSE;
  d = g_ascii_strtod (value, &end);
  if (end == value || *end != '\0' || !isfinite (d))
    return FALSE;
  if (number != NULL)
    *number = d;
  return TRUE;
}

/**
 * cs_attribute_value_is_color:
 * @value: (nullable): an attribute's value
 *
 * Returns: %TRUE when @value is a colour as files write them: #rgb,
 *   #rrggbb or #rrggbbaa
 */
gboolean
cs_attribute_value_is_color (const char *value)
{
  gsize length;

  if (value == NULL || value[0] != '#')
    return FALSE;
  length = strlen (value + 1);
  if (length != 3 && length != 6 && length != 8)
    return FALSE;
  for (gsize i = 1; i <= length; i++)
    if (!g_ascii_isxdigit (value[i]))
      return FALSE;
  return TRUE;
}

/**
 * cs_node_get_attribute_value:
 * @node: a node
 * @key: an attribute's key
 *
 * Returns: (nullable): the value of the node's first claim of @key
 */
const char *
cs_node_get_attribute_value (const CsNode *node,
                             const char   *key)
{
  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);

  for (guint a = 0; a < node->attributes->len; a++)
    {
      const CsAttribute *attribute = g_ptr_array_index (node->attributes, a);

      if (strcmp (attribute->key, key) == 0 && attribute->claims->len > 0)
        return ((const CsClaim *)g_ptr_array_index (attribute->claims, 0))->value;
    }
  return NULL;
}

static int
compare_parts (const void *a,
               const void *b)
{
  const CsAttributePart *pa = a, *pb = b;

  if (pa->count != pb->count)
    return pa->count > pb->count ? -1 : 1;
  return (pa->first > pb->first) - (pa->first < pb->first);
}

static CsAttributePartition *
partition_new (CsGraph    *graph,
               const char *key)
{
  guint n_nodes = cs_graph_get_n_nodes (graph);
  g_autoptr(GHashTable) index = g_hash_table_new (g_str_hash, g_str_equal);
  CsAttributePartition *partition = g_new0 (CsAttributePartition, 1);
  g_autofree guint *place = NULL;
  guint *part;

  partition->parts = g_array_new (FALSE, FALSE, sizeof (CsAttributePart));
  partition->part_of = part = g_new (guint, MAX (n_nodes, 1));
  for (guint i = 0; i < n_nodes; i++)
    {
      const char *value = cs_node_get_attribute_value (cs_graph_get_node (graph, i), key);
      gpointer found;

      if (value == NULL)
        part[i] = CS_ATTRIBUTE_PART_NONE;
      else if (g_hash_table_lookup_extended (index, value, NULL, &found))
        g_array_index (partition->parts, CsAttributePart, (part[i] = GPOINTER_TO_UINT (found)))
            .count++;
      else
        {
          CsAttributePart entry = { value, 1, i };

          part[i] = partition->parts->len;
          g_hash_table_insert (index, (char *)value, GUINT_TO_POINTER (partition->parts->len));
          g_array_append_val (partition->parts, entry);
        }
    }
  qsort (partition->parts->data, partition->parts->len, sizeof (CsAttributePart), compare_parts);
  /* the places in count order, found by each value's first node */
  place = g_new (guint, MAX (partition->parts->len, 1));
  for (guint k = 0; k < partition->parts->len; k++)
    place[part[g_array_index (partition->parts, CsAttributePart, k).first]] = k;
  for (guint i = 0; i < n_nodes; i++)
    if (part[i] != CS_ATTRIBUTE_PART_NONE)
      part[i] = place[part[i]];
  return partition;
}

/**
 * cs_attribute_summary_get_partition:
 * @self: the summary of @graph
 * @graph: a #CsGraph
 * @key: an attribute's key
 *
 * The nodes by their value of @key, the most common value first (ties to
 * the one that comes first): what colours, shapes and outlines by a
 * category, and the layout's groups, are made of. Made on the first call
 * (linear) and kept with the summary. Any thread.
 *
 * Returns: (transfer none): the partition
 */
const CsAttributePartition *
cs_attribute_summary_get_partition (const CsAttributeSummary *self,
                                    CsGraph                  *graph,
                                    const char               *key)
{
  CsAttributePartition *partition;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (CS_IS_GRAPH (graph), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  g_mutex_lock (&summary_lock);
  partition = g_hash_table_lookup (self->partitions, key);
  if (partition == NULL)
    {
      partition = partition_new (graph, key);
      g_hash_table_insert (self->partitions, g_strdup (key), partition);
    }
  g_mutex_unlock (&summary_lock);
  return partition;
}

/**
 * cs_attribute_summary_get_numbers:
 * @self: the summary of @graph
 * @graph: a #CsGraph
 * @key: an attribute's key
 *
 * Made on the first call and kept, as cs_attribute_summary_get_partition().
 *
 * Returns: (transfer none): per node, the number its value of @key holds,
 *   or NAN
 */
const double *
cs_attribute_summary_get_numbers (const CsAttributeSummary *self,
                                  CsGraph                  *graph,
                                  const char               *key)
{
  double *numbers;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (CS_IS_GRAPH (graph), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  g_mutex_lock (&summary_lock);
  numbers = g_hash_table_lookup (self->numbers, key);
  if (numbers == NULL)
    {
      guint n_nodes = cs_graph_get_n_nodes (graph);

      numbers = g_new (double, MAX (n_nodes, 1));
      for (guint i = 0; i < n_nodes; i++)
        if (!cs_attribute_value_get_number (
                cs_node_get_attribute_value (cs_graph_get_node (graph, i), key), &numbers[i]))
          numbers[i] = NAN;
      g_hash_table_insert (self->numbers, g_strdup (key), numbers);
    }
  g_mutex_unlock (&summary_lock);
  return numbers;
}

/**
 * cs_attribute_groups:
 * @graph: a #CsGraph
 * @key: an attribute's key
 *
 * The groups @key outlines: its CS_ATTRIBUTE_MAX_GROUPS most common
 * values, as cs_layout_params_set_groups() takes them.
 *
 * Returns: (transfer full): per node, its group from 0, or %G_MAXUINT
 */
guint *
cs_attribute_groups (CsGraph    *graph,
                     const char *key)
{
  const CsAttributePartition *partition =
      cs_attribute_summary_get_partition (cs_attribute_summary_get (graph), graph, key);
  guint n_nodes = cs_graph_get_n_nodes (graph);
  guint *groups = g_new (guint, MAX (n_nodes, 1));

  for (guint i = 0; i < n_nodes; i++)
    groups[i] = partition->part_of[i] < CS_ATTRIBUTE_MAX_GROUPS ? partition->part_of[i] : G_MAXUINT;
  return groups;
}

static CsAttributeSummary *
summary_new (CsGraph *graph)
{
  CsAttributeSummary *self = g_new0 (CsAttributeSummary, 1);
  guint n_nodes = cs_graph_get_n_nodes (graph);

  self->entries = g_ptr_array_new_with_free_func ((GDestroyNotify)entry_free);
  self->by_key = g_hash_table_new (g_str_hash, g_str_equal);
  self->partitions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify)partition_free);
  self->numbers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < n_nodes; i++)
    {
      const CsNode *node = cs_graph_get_node (graph, i);

      for (guint a = 0; a < node->attributes->len; a++)
        {
          const CsAttribute *attribute = g_ptr_array_index (node->attributes, a);
          const char *value;
          Entry *entry;
          double number;

          if (attribute->claims->len == 0)
            continue;
          entry = g_hash_table_lookup (self->by_key, attribute->key);
          if (entry == NULL)
            {
              entry = g_new0 (Entry, 1);
              entry->info.key = g_strdup (attribute->key);
              entry->values = g_hash_table_new (g_str_hash, g_str_equal);
              g_ptr_array_add (self->entries, entry);
              g_hash_table_insert (self->by_key, (char *)entry->info.key, entry);
            }
          else if (cs_node_get_attribute_value (node, attribute->key) !=
                   ((const CsClaim *)g_ptr_array_index (attribute->claims, 0))->value)
            continue; /* the key again on the same node: the first one counts */
          value = ((const CsClaim *)g_ptr_array_index (attribute->claims, 0))->value;
          entry->info.n_nodes++;
          if (cs_attribute_value_get_number (value, &number))
            {
              if (entry->info.n_numbers == 0)
                entry->info.min = entry->info.max = number;
              entry->info.min = MIN (entry->info.min, number);
              entry->info.max = MAX (entry->info.max, number);
              entry->info.n_numbers++;
            }
          if (cs_attribute_value_is_color (value))
            entry->info.n_colors++;
          if (entry->values != NULL)
            {
              g_hash_table_add (entry->values, (char *)value);
              entry->info.n_values = g_hash_table_size (entry->values);
              /* past the cap the count says "many" and the set goes */
              if (entry->info.n_values > CS_ATTRIBUTE_MAX_COUNTED)
                g_clear_pointer (&entry->values, g_hash_table_unref);
            }
        }
    }
  for (guint e = 0; e < self->entries->len; e++)
    g_clear_pointer (&((Entry *)g_ptr_array_index (self->entries, e))->values,
                     g_hash_table_unref);
  return self;
}

/**
 * cs_attribute_summary_get:
 * @graph: a #CsGraph
 *
 * The graph's node attributes; made on the first call (O(attributes)) and
 * kept with the graph, which does not change. Any thread.
 *
 * Returns: (transfer none): the summary, alive as long as @graph
 */
const CsAttributeSummary *
cs_attribute_summary_get (CsGraph *graph)
{
  CsAttributeSummary *self;

  g_return_val_if_fail (CS_IS_GRAPH (graph), NULL);

  g_mutex_lock (&summary_lock);
  self = g_object_get_data (G_OBJECT (graph), "cs-attribute-summary");
  if (self == NULL)
    {
      self = summary_new (graph);
      g_object_set_data_full (G_OBJECT (graph), "cs-attribute-summary", self,
                              (GDestroyNotify)summary_free);
    }
  g_mutex_unlock (&summary_lock);
  return self;
}

guint
cs_attribute_summary_get_n_keys (const CsAttributeSummary *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->entries->len;
}

const CsAttributeInfo *
cs_attribute_summary_get_info (const CsAttributeSummary *self,
                               guint                     index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->entries->len, NULL);

  return &((Entry *)g_ptr_array_index (self->entries, index))->info;
}

/**
 * cs_attribute_summary_lookup:
 * @self: a summary
 * @key: an attribute's key
 *
 * Returns: (nullable): what @key holds, %NULL when no node has it
 */
const CsAttributeInfo *
cs_attribute_summary_lookup (const CsAttributeSummary *self,
                             const char               *key)
{
  Entry *entry;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);

  entry = g_hash_table_lookup (self->by_key, key);
  return entry != NULL ? &entry->info : NULL;
}

/* every node that has it holds a number, and not all the same one */
gboolean
cs_attribute_info_is_numeric (const CsAttributeInfo *info)
{
  g_return_val_if_fail (info != NULL, FALSE);

  return info->n_nodes > 0 && info->n_numbers == info->n_nodes && info->min < info->max;
}

/* a few values, each shared (a key every node holds a value of its own,
 * such as a name, is not a category) */
gboolean
cs_attribute_info_is_categorical (const CsAttributeInfo *info)
{
  g_return_val_if_fail (info != NULL, FALSE);

  return info->n_values >= 2 && info->n_values <= CS_ATTRIBUTE_MAX_CATEGORIES &&
         info->n_values < info->n_nodes;
}

/* nine values in ten or more are colours */
gboolean
cs_attribute_info_is_colors (const CsAttributeInfo *info)
{
  g_return_val_if_fail (info != NULL, FALSE);

  return info->n_nodes > 0 && info->n_colors * 10 >= info->n_nodes * 9;
}

/**
 * cs_attribute_info_can_drive:
 * @info: an attribute
 * @channel: what of the look
 *
 * Colour takes categories (a colour each), numbers (a ramp) or the file's
 * own colours; size takes numbers; shape and grouping take categories.
 *
 * Returns: %TRUE when @info can drive @channel
 */
gboolean
cs_attribute_info_can_drive (const CsAttributeInfo *info,
                             CsStyleChannel         channel)
{
  g_return_val_if_fail (info != NULL, FALSE);

  switch (channel)
    {
    case CS_STYLE_COLOR:
      return cs_attribute_info_is_colors (info) || cs_attribute_info_is_categorical (info) ||
             cs_attribute_info_is_numeric (info);
    case CS_STYLE_SIZE:
      return cs_attribute_info_is_numeric (info);
    case CS_STYLE_SHAPE:
    case CS_STYLE_GROUP:
      return cs_attribute_info_is_categorical (info);
    case CS_N_STYLE_CHANNELS:
    default:
      return FALSE;
    }
}

/* two kinds of node or more: the types say what things are */
static gboolean
types_say_something (CsGraph *graph)
{
  guint kinds = 0;

  for (guint t = 0; t < cs_graph_get_n_types (graph); t++)
    if (t != CS_NODE_TYPE_OTHER && cs_graph_count_type (graph, t) > 0)
      kinds++;
  return kinds >= 2;
}

/* "Modularity Class", "modularity-class" and "modularity_class" alike */
static gboolean
same_name (const char *key,
           const char *name)
{
  for (; *key != '\0' && *name != '\0'; key++, name++)
    {
      char k = strchr (" -", *key) != NULL ? '_' : g_ascii_tolower (*key);

      if (k != *name)
        return FALSE;
    }
  return *key == '\0' && *name == '\0';
}

static const CsAttributeInfo *
pick_named (const CsAttributeSummary *self,
            const char *const        *names,
            CsStyleChannel            channel,
            guint                     at_least)
{
  for (guint k = 0; names[k] != NULL; k++)
    for (guint e = 0; e < self->entries->len; e++)
      {
        const CsAttributeInfo *info = cs_attribute_summary_get_info (self, e);

        if (same_name (info->key, names[k]) && info->n_nodes >= at_least &&
            cs_attribute_info_can_drive (info, channel))
          return info;
      }
  return NULL;
}

/**
 * cs_attribute_summary_pick:
 * @self: the summary of @graph
 * @graph: a #CsGraph
 * @channel: what of the look
 *
 * What drives @channel when the user has not said: the node types when
 * they tell two kinds of thing apart (as in the programme's graph); else,
 * for colour, the file's own colours, then a well-known grouping key
 * (group, community, modularity_class, …), then the category most nodes
 * have; for size, a well-known measure (size, weight, …) held as numbers.
 * Each only when half the nodes or more have it. Shapes and groups stay
 * with the types and consortia.
 *
 * Returns: "" for the node types, else an attribute's key (the summary's)
 */
const char *
cs_attribute_summary_pick (const CsAttributeSummary *self,
                           CsGraph                  *graph,
                           CsStyleChannel            channel)
{
  static const char *const color_names[] = { "color",    "colour",    "community", "group",
                                              "modularity_class", "modularity", "cluster",
                                              "class",    "category",  "kind",  "partition",
                                              "module",   "club",      "faction", "party",
                                              NULL };
  static const char *const size_names[] = { "size",       "weight",      "value",    "score",
                                             "pagerank",   "centrality",  "betweenness",
                                             "degree",     NULL };
  const CsAttributeInfo *info = NULL;
  guint half;

  g_return_val_if_fail (self != NULL, "");
  g_return_val_if_fail (CS_IS_GRAPH (graph), "");

  if (types_say_something (graph))
    return "";
  half = (cs_graph_get_n_nodes (graph) + 1) / 2;
  switch (channel)
    {
    case CS_STYLE_COLOR:
      info = pick_named (self, color_names, channel, half);
      if (info == NULL)
        for (guint e = 0; e < self->entries->len; e++)
          {
            const CsAttributeInfo *candidate = cs_attribute_summary_get_info (self, e);

            if (candidate->n_nodes >= half && candidate->n_values <= 12 &&
                cs_attribute_info_is_categorical (candidate) &&
                (info == NULL || candidate->n_nodes > info->n_nodes ||
                 (candidate->n_nodes == info->n_nodes && candidate->n_values < info->n_values)))
              info = candidate;
          }
      break;
    case CS_STYLE_SIZE:
      info = pick_named (self, size_names, channel, half);
      break;
    case CS_STYLE_SHAPE:
    case CS_STYLE_GROUP:
    case CS_N_STYLE_CHANNELS:
    default:
      break;
    }
  return info != NULL ? info->key : "";
}

const char *
cs_style_channel_to_string (CsStyleChannel channel)
{
  static const char *const names[] = { "color", "size", "shape", "group" };

  g_return_val_if_fail (channel < CS_N_STYLE_CHANNELS, NULL);

  return names[channel];
}
