/* cs-attribute-style.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-render-private.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Style by attribute: the scene builder's part that turns the attributes
 * the view chose (cs_view_state_get_style_attribute()) into each node's
 * fill, size, shape and group, and into the scales the legend shows.
 *
 * - colour: a file's own colours as they are; a few values (categorical,
 *   numbers among them) a colour each, the most common first; numbers a
 *   ramp from the smallest to the largest
 * - size: numbers, the area growing with the value
 * - shape: a few values, a shape each
 * - group: a few values, an outline round the nodes of each
 *
 * Values past the palette are "other values"; nodes without the attribute
 * keep their type's look. Linear in the nodes and their attributes. */

#define MAX_COLOR_CATEGORIES 12
#define MAX_SHAPE_CATEGORIES 8
#define RAMP_STOPS           5
#define MIN_RADIUS           4.0 /* world units, the smallest value */
#define MAX_RADIUS           18.0 /* the largest */
#define MAX_LEGEND_TEXT      40   /* characters of a value the legend writes */

static const CsShape category_shapes[MAX_SHAPE_CATEGORIES] = {
  CS_SHAPE_CIRCLE, CS_SHAPE_SQUARE,        CS_SHAPE_DIAMOND, CS_SHAPE_TRIANGLE,
  CS_SHAPE_HEXAGON, CS_SHAPE_TRIANGLE_DOWN, CS_SHAPE_STAR,    CS_SHAPE_OCTAGON,
};

/* viridis, from low to high: light to dark, readable on both themes */
static const CsColor ramp[RAMP_STOPS] = {
  { 0.992, 0.906, 0.145, 1 }, { 0.369, 0.788, 0.384, 1 }, { 0.129, 0.569, 0.549, 1 },
  { 0.231, 0.322, 0.545, 1 }, { 0.267, 0.004, 0.329, 1 },
};

static const CsColor no_value = { 0.62, 0.62, 0.62, 1 };

void
_cs_style_scale_free (CsStyleScale *scale)
{
  if (scale == NULL)
    return;
  g_free (scale->key);
  for (guint i = 0; i < scale->entries->len; i++)
    g_free (g_array_index (scale->entries, CsScaleEntry, i).text);
  g_array_unref (scale->entries);
  g_free (scale->category);
  g_free (scale->part_colors);
  g_free (scale);
}

static CsColor
ramp_color (double t)
{
  double at = CLAMP (t, 0, 1) * (RAMP_STOPS - 1);
  guint i = MIN ((guint)at, RAMP_STOPS - 2);
  double f = at - i;

  return (CsColor) { ramp[i].red + f * (ramp[i + 1].red - ramp[i].red),
                     ramp[i].green + f * (ramp[i + 1].green - ramp[i].green),
                     ramp[i].blue + f * (ramp[i + 1].blue - ramp[i].blue), 1 };
}

static double
size_radius (double t)
{
  /* the area follows the value */
  return MIN_RADIUS + (MAX_RADIUS - MIN_RADIUS) * sqrt (CLAMP (t, 0, 1));
}

static char *
legend_text (const char *value)
{
  glong length = g_utf8_strlen (value, -1);
  g_autofree char *cut = NULL;

  if (length <= MAX_LEGEND_TEXT)
    /* TRANSLATORS: a legend entry: the nodes whose attribute is an empty
     * text */
    return g_strdup (value[0] != '\0' ? value : _("(empty)"));
  cut = g_utf8_substring (value, 0, MAX_LEGEND_TEXT - 1);
  return g_strconcat (cut, "…", NULL);
}

static char *
number_text (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.4g", value));
}

/* a kept value, to order those that are all numbers */
typedef struct
{
  const CsAttributePart *part;
  guint                  place; /* in count order */
  double                 number;
} Kept;

static int
compare_numbers (const void *a,
                 const void *b)
{
  const Kept *ka = a, *kb = b;

  return (ka->number > kb->number) - (ka->number < kb->number);
}

static void
add_entry (CsStyleScale *scale,
           char         *text,
           guint         count,
           const CsColor *color,
           CsShape       shape,
           double        radius)
{
  CsScaleEntry entry = { text, count, color != NULL ? *color : no_value, shape, radius };

  g_array_append_val (scale->entries, entry);
}

/* Each node's value among the @max_kept most common (numbers in their
 * order when every kept value is one): scale->category holds the entry
 * index, then "other values" and "no value" when some nodes are such. */
static void
build_categories (CsStyleScale        *scale,
                  CsGraph             *graph,
                  guint                max_kept,
                  const CsRenderStyle *style)
{
  guint n_nodes = cs_graph_get_n_nodes (graph);
  const CsAttributePartition *partition =
      cs_attribute_summary_get_partition (cs_attribute_summary_get (graph), graph, scale->key);
  const GArray *parts = partition->parts;
  const guint *part_of = partition->part_of;
  guint n_kept = MIN (parts->len, max_kept), n_other = 0, n_missing = 0;
  g_autofree Kept *kept = g_new (Kept, MAX (n_kept, 1));
  g_autofree guint *entry_of = g_new (guint, MAX (n_kept, 1));
  gboolean all_numbers = TRUE;

  for (guint k = 0; k < n_kept; k++)
    {
      kept[k] = (Kept) { &g_array_index (parts, CsAttributePart, k), k, 0 };
      all_numbers = all_numbers && cs_attribute_value_get_number (kept[k].part->value,
                                                                  &kept[k].number);
    }
  if (all_numbers)
    qsort (kept, n_kept, sizeof (Kept), compare_numbers);
  for (guint k = 0; k < n_kept; k++)
    {
      const CsColor *color = &style->hulls[k % G_N_ELEMENTS (style->hulls)];

      entry_of[kept[k].place] = k;
      add_entry (scale, legend_text (kept[k].part->value), kept[k].part->count, color,
                 category_shapes[k % MAX_SHAPE_CATEGORIES], 0);
    }
  scale->category = g_new (guint, MAX (n_nodes, 1));
  for (guint i = 0; i < n_nodes; i++)
    {
      if (part_of[i] == CS_ATTRIBUTE_PART_NONE)
        {
          scale->category[i] = CS_STYLE_NO_VALUE;
          n_missing++;
        }
      else if (part_of[i] >= n_kept)
        {
          scale->category[i] = CS_STYLE_OTHER_VALUE;
          n_other++;
        }
      else
        scale->category[i] = entry_of[part_of[i]];
    }
  scale->n_categories = n_kept;
  if (n_other > 0)
    add_entry (scale,
               /* TRANSLATORS: a legend entry: the nodes with the values
                * past the most common ones, which have no colour or shape
                * of their own */
               g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u other value", "%u other values",
                                             parts->len - n_kept),
                                parts->len - n_kept),
               n_other, &no_value, CS_SHAPE_RING, 0);
  if (n_missing > 0)
    /* TRANSLATORS: a legend entry: the nodes without the attribute */
    add_entry (scale, g_strdup (_("No value")), n_missing, &no_value, CS_SHAPE_CIRCLE, 0);
}

/* the legend's stops of a numeric scale: the smallest, the largest, and
 * between them */
static void
build_stops (CsStyleScale *scale,
             guint         n_stops)
{
  for (guint s = 0; s < n_stops; s++)
    {
      double t = (double)s / (n_stops - 1);
      CsColor color = scale->kind == CS_SCALE_RAMP ? ramp_color (t) : no_value;

      add_entry (scale, number_text (scale->min + t * (scale->max - scale->min)), 0, &color,
                 CS_SHAPE_CIRCLE, size_radius (t));
    }
}

/**
 * _cs_style_scale_new:
 * @graph: the scene's graph
 * @channel: what of the look
 * @key: an attribute that can drive @channel
 * @style: the scene's style, for the palette
 *
 * Returns: (transfer full): how @key's values map to @channel, with
 *   category (for categories) per node
 */
CsStyleScale *
_cs_style_scale_new (CsGraph             *graph,
                     CsStyleChannel       channel,
                     const char          *key,
                     const CsRenderStyle *style)
{
  const CsAttributeInfo *info = cs_attribute_summary_lookup (cs_attribute_summary_get (graph), key);
  CsStyleScale *scale;

  g_return_val_if_fail (info != NULL && cs_attribute_info_can_drive (info, channel), NULL);

  scale = g_new0 (CsStyleScale, 1);
  scale->channel = channel;
  scale->key = g_strdup (key);
  scale->entries = g_array_new (FALSE, FALSE, sizeof (CsScaleEntry));
  scale->min = info->min;
  scale->max = info->max;
  /* borrowed from the graph's attribute summary, which the scene's graph
   * keeps */
  scale->numbers = cs_attribute_summary_get_numbers (cs_attribute_summary_get (graph), graph, key);

  switch (channel)
    {
    case CS_STYLE_COLOR:
      if (cs_attribute_info_is_colors (info))
        {
          /* the file's colours: the legend names the most common */
          const CsAttributePartition *partition =
              cs_attribute_summary_get_partition (cs_attribute_summary_get (graph), graph, key);

          scale->kind = CS_SCALE_FILE_COLORS;
          build_categories (scale, graph, MAX_COLOR_CATEGORIES, style);
          /* each distinct value parsed once; alpha 0 for one that is none */
          scale->part_of = partition->part_of;
          scale->part_colors = g_new0 (CsColor, MAX (partition->parts->len, 1));
          for (guint k = 0; k < partition->parts->len; k++)
            if (cs_color_parse (&scale->part_colors[k],
                                g_array_index (partition->parts, CsAttributePart, k).value))
              scale->part_colors[k].alpha = 1;
          for (guint k = 0; k < scale->n_categories; k++)
            {
              CsScaleEntry *entry = &g_array_index (scale->entries, CsScaleEntry, k);

              if (!cs_color_parse (&entry->color, entry->text))
                entry->color = no_value;
              entry->color.alpha = 1;
            }
        }
      else if (cs_attribute_info_is_categorical (info) && info->n_values <= MAX_COLOR_CATEGORIES)
        {
          scale->kind = CS_SCALE_CATEGORIES;
          build_categories (scale, graph, MAX_COLOR_CATEGORIES, style);
        }
      else if (cs_attribute_info_is_numeric (info))
        {
          scale->kind = CS_SCALE_RAMP;
          build_stops (scale, RAMP_STOPS);
        }
      else
        {
          scale->kind = CS_SCALE_CATEGORIES;
          build_categories (scale, graph, MAX_COLOR_CATEGORIES, style);
        }
      break;
    case CS_STYLE_SIZE:
      scale->kind = CS_SCALE_SIZES;
      build_stops (scale, 3);
      break;
    case CS_STYLE_SHAPE:
      scale->kind = CS_SCALE_CATEGORIES;
      build_categories (scale, graph, MAX_SHAPE_CATEGORIES, style);
      break;
    case CS_STYLE_GROUP:
    case CS_N_STYLE_CHANNELS:
    default:
      scale->kind = CS_SCALE_CATEGORIES;
      build_categories (scale, graph, CS_ATTRIBUTE_MAX_GROUPS, style);
      break;
    }
  return scale;
}

/* where a node's number falls between the smallest and the largest, or
 * FALSE when it has none */
static gboolean
scale_position (const CsStyleScale *scale,
                guint               node,
                double             *t)
{
  double number = scale->numbers[node];

  if (isnan (number))
    return FALSE;
  *t = scale->max > scale->min ? (number - scale->min) / (scale->max - scale->min) : 0;
  return TRUE;
}

/**
 * _cs_style_scale_apply:
 * @scale: a scale of the scene's graph
 * @graph: the graph
 * @node: a node index
 * @node_style: (inout): the node's look, changed as @scale says
 * @radius: (inout): its radius
 *
 * A node without the attribute keeps its look; one with a value past the
 * palette is drawn grey (colour) or as a ring (shape).
 */
void
_cs_style_scale_apply (const CsStyleScale *scale,
                       CsGraph            *graph,
                       guint               node,
                       CsNodeStyle        *node_style,
                       double             *radius)
{
  double t;

  switch (scale->kind)
    {
    case CS_SCALE_FILE_COLORS:
      if (scale->part_of[node] != CS_ATTRIBUTE_PART_NONE &&
          scale->part_colors[scale->part_of[node]].alpha > 0)
        node_style->fill = scale->part_colors[scale->part_of[node]];
      break;
    case CS_SCALE_CATEGORIES:
      if (scale->category[node] == CS_STYLE_NO_VALUE)
        break;
      if (scale->channel == CS_STYLE_COLOR)
        node_style->fill = scale->category[node] == CS_STYLE_OTHER_VALUE
                               ? no_value
                               : g_array_index (scale->entries, CsScaleEntry,
                                                scale->category[node]).color;
      else if (scale->channel == CS_STYLE_SHAPE)
        node_style->shape = scale->category[node] == CS_STYLE_OTHER_VALUE
                                ? CS_SHAPE_RING
                                : g_array_index (scale->entries, CsScaleEntry,
                                                 scale->category[node]).shape;
      break;
    case CS_SCALE_RAMP:
      if (scale_position (scale, node, &t))
        node_style->fill = ramp_color (t);
      break;
    case CS_SCALE_SIZES:
      *radius = scale_position (scale, node, &t) ? size_radius (t) : 0.75 * MIN_RADIUS;
      break;
    default:
      break;
    }
}
