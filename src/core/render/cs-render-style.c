/* cs-render-style.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-render-style.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* Colours after Tableau 10, which stays distinguishable for the common
 * colour-vision deficiencies; shapes carry the type as well. */
static const struct
{
  const char *light;
  const char *dark;
  CsShape     shape;
  double      radius;
} node_defaults[CS_N_NODE_TYPES] = {
  [CS_NODE_TYPE_COMPANY] = { "#4c78a8", "#6f9fd8", CS_SHAPE_CIRCLE, 11 },
  [CS_NODE_TYPE_UNIVERSITY] = { "#f58518", "#ffa24a", CS_SHAPE_SQUARE, 11 },
  [CS_NODE_TYPE_RESEARCH_INSTITUTE] = { "#e45756", "#ff7b7a", CS_SHAPE_HEXAGON, 11 },
  [CS_NODE_TYPE_GOVERNMENT] = { "#2a8c86", "#5cc7c0", CS_SHAPE_OCTAGON, 13 },
  [CS_NODE_TYPE_PUBLIC_AGENCY] = { "#54a24b", "#7fcf74", CS_SHAPE_DIAMOND, 11 },
  [CS_NODE_TYPE_CONSORTIUM] = { "#9b5d8f", "#c98dbd", CS_SHAPE_RING, 18 },
  [CS_NODE_TYPE_MODEL] = { "#d4a900", "#f2cf3b", CS_SHAPE_TRIANGLE, 11 },
  [CS_NODE_TYPE_PRODUCT] = { "#e8738a", "#ff9db0", CS_SHAPE_TRIANGLE_DOWN, 10 },
  [CS_NODE_TYPE_CHIP] = { "#9d755d", "#c9a28a", CS_SHAPE_SQUARE, 10 },
  /* people lavender, apart from the grey of "other" */
  [CS_NODE_TYPE_PERSON] = { "#7c7fb8", "#a9acf0", CS_SHAPE_CIRCLE, 7 },
  [CS_NODE_TYPE_PROGRAMME] = { "#3b3b8f", "#8f8fe6", CS_SHAPE_STAR, 22 },
  [CS_NODE_TYPE_OTHER] = { "#6b6b6b", "#9a9a9a", CS_SHAPE_CIRCLE, 9 },
};

static const struct
{
  const char *light;
  const char *dark;
  CsDash      dash;
  double      width;
} edge_defaults[CS_N_RELATIONS] = {
  [CS_RELATION_MEMBER_OF] = { "#8a93a6", "#7d879b", CS_DASH_SOLID, 1.3 },
  [CS_RELATION_LEADS] = { "#9b5d8f", "#c98dbd", CS_DASH_SOLID, 3.0 },
  [CS_RELATION_DEVELOPS] = { "#2e8b57", "#5fc98b", CS_DASH_DASHED, 1.6 },
  [CS_RELATION_SUPPLIES] = { "#d2691e", "#f0944f", CS_DASH_DASH_DOT, 1.6 },
  [CS_RELATION_PARTNER_OF] = { "#4c78a8", "#6f9fd8", CS_DASH_DOTTED, 1.8 },
  [CS_RELATION_FUNDS] = { "#b8860b", "#e0b040", CS_DASH_LONG_DASH, 1.8 },
  [CS_RELATION_ADVISES] = { "#8a2be2", "#b57cf0", CS_DASH_DOTTED, 1.4 },
  [CS_RELATION_WORKS_AT] = { "#a0a0a0", "#808080", CS_DASH_SOLID, 1.0 },
  [CS_RELATION_AFFILIATE_OF] = { "#555555", "#aaaaaa", CS_DASH_LONG_DASH, 1.4 },
  [CS_RELATION_RUNS] = { "#3b3b8f", "#8f8fe6", CS_DASH_SOLID, 2.2 },
  [CS_RELATION_APPLIED_TO] = { "#b0b0c8", "#5c5c78", CS_DASH_DASHED, 1.0 },
  [CS_RELATION_USES] = { "#20a0a0", "#4fd0d0", CS_DASH_DASHED, 1.3 },
  [CS_RELATION_VERSION_OF] = { "#c0a000", "#e0c840", CS_DASH_DOTTED, 1.3 },
  [CS_RELATION_OTHER] = { "#999999", "#777777", CS_DASH_DASHED, 1.0 },
};

/* Consortium outlines: twelve hues far from each other and from the node
 * colours' saturation, drawn translucent. */
/* Consortium colours, after Paul Tol's qualitative schemes: twelve hues
 * that stay apart (CIE ΔE76 ≥ 18 between any two) and mostly apart for the
 * common colour-vision deficiencies. They mark a consortium's outline, its
 * lead's ring, its members' rings and its legend entry. */
static const char *hull_light[12] = {
  "#0077bb", "#ee7733", "#117733", "#cc3311", "#aa4499", "#33bbee",
  "#999933", "#882255", "#ddaa33", "#44aa99", "#332288", "#ee3377",
};

static const char *hull_dark[12] = {
  "#4da6e0", "#ffa060", "#4fbf6f", "#ff5a4a", "#d67fd0", "#70e0ff",
  "#c8c850", "#b0507a", "#f5cc55", "#3fbfae", "#8f84e8", "#ff8fc0",
};

/**
 * cs_color_parse:
 * @color: (out): the colour
 * @spec: `#rgb`, `#rrggbb` or `#rrggbbaa`
 *
 * Returns: %TRUE when @spec is a colour
 */
gboolean
cs_color_parse (CsColor    *color,
                const char *spec)
{
  guint r, g, b, a = 255;
  gsize len;

  g_return_val_if_fail (color != NULL, FALSE);
  g_return_val_if_fail (spec != NULL, FALSE);

  len = strlen (spec);
  if (spec[0] != '#' || (len != 4 && len != 7 && len != 9))
    return FALSE;
  for (gsize i = 1; i < len; i++)
    {
      if (!g_ascii_isxdigit (spec[i]))
        return FALSE;
    }
  if (len == 4)
    {
      /* #rgb: each digit twice */
      r = g_ascii_xdigit_value (spec[1]) * 17;
      g = g_ascii_xdigit_value (spec[2]) * 17;
      b = g_ascii_xdigit_value (spec[3]) * 17;
    }
  else if (sscanf (spec + 1, "%2x%2x%2x", &r, &g, &b) != 3)
    return FALSE;
  if (len == 9 && sscanf (spec + 7, "%2x", &a) != 1)
    return FALSE;

  *color = (CsColor) { r / 255.0, g / 255.0, b / 255.0, a / 255.0 };
  return TRUE;
}

static CsColor
color (const char *spec)
{
  CsColor c = { 0, 0, 0, 1 };
  gboolean ok = cs_color_parse (&c, spec);

  g_assert (ok);
  return c;
}

/**
 * cs_render_style_init_default:
 * @style: (out caller-allocates): the style to fill
 * @dark: %TRUE for the dark palette
 *
 * Fills @style with the built-in palette. Free with cs_render_style_clear().
 */
void
cs_render_style_init_default (CsRenderStyle *style,
                              gboolean       dark)
{
  g_return_if_fail (style != NULL);

  memset (style, 0, sizeof *style);
  style->dark = !!dark;
  style->background = color (dark ? "#1e1e1e" : "#ffffff");
  style->foreground = color (dark ? "#eeeeee" : "#1f1f1f");
  style->halo = color (dark ? "#1e1e1ed0" : "#ffffffd0");
  style->legend_fill = color (dark ? "#2a2a2ae8" : "#fafafae8");
  style->legend_border = color (dark ? "#555555" : "#c8c8c8");
  style->selection = color (dark ? "#78aeed" : "#1c71d8");
  style->match = color (dark ? "#f8e45c" : "#e66100");
  style->dim = color (dark ? "#1e1e1ebb" : "#ffffffbb");
  for (guint i = 0; i < G_N_ELEMENTS (style->hulls); i++)
    style->hulls[i] = color ((dark ? hull_dark : hull_light)[i]);

  for (guint i = 0; i < CS_N_NODE_TYPES; i++)
    {
      style->nodes[i].fill = color (dark ? node_defaults[i].dark : node_defaults[i].light);
      style->nodes[i].shape = node_defaults[i].shape;
      style->nodes[i].radius = node_defaults[i].radius;
    }
  for (guint i = 0; i < CS_N_RELATIONS; i++)
    {
      style->edges[i].color = color (dark ? edge_defaults[i].dark : edge_defaults[i].light);
      style->edges[i].dash = edge_defaults[i].dash;
      style->edges[i].width = edge_defaults[i].width;
    }

  /* "Sans" resolves Latin to the system sans and Hangul to the installed CJK
   * font (NanumGothic or Noto Sans CJK) through fontconfig's fallback. */
  style->font_family = g_strdup ("Sans");
  style->font_size = 11.0;
  style->min_label_pixels = 6.0;
  style->label_min_pixels = 11.0;
  style->label_max_pixels = 20.0;
  style->legend_font_size = 12.0;
}

/**
 * cs_render_style_copy:
 * @dest: (out caller-allocates): the copy; free with cs_render_style_clear()
 * @src: a style
 */
void
cs_render_style_copy (CsRenderStyle       *dest,
                      const CsRenderStyle *src)
{
  g_return_if_fail (dest != NULL);
  g_return_if_fail (src != NULL);

  *dest = *src;
  dest->font_family = g_strdup (src->font_family);
}

/* FNV-1a: the same name gives the same style in every run and build */
static guint32
name_hash (const char *name)
{
  guint32 hash = 2166136261u;

  for (const guchar *p = (const guchar *)name; *p; p++)
    hash = (hash ^ *p) * 16777619u;
  return hash;
}

/* a hue from the hash, at the lightness and saturation of the palette */
static CsColor
hashed_color (guint32  hash,
              gboolean dark)
{
  double h = (hash % 360) / 60.0;
  double s = 0.55, l = dark ? 0.66 : 0.44;
  double c = (1 - fabs (2 * l - 1)) * s;
  double x = c * (1 - fabs (fmod (h, 2) - 1));
  double m = l - c / 2;
  double rgb[3] = { 0, 0, 0 };

  switch ((int)h)
    {
    case 0: rgb[0] = c; rgb[1] = x; break;
    case 1: rgb[0] = x; rgb[1] = c; break;
    case 2: rgb[1] = c; rgb[2] = x; break;
    case 3: rgb[1] = x; rgb[2] = c; break;
    case 4: rgb[0] = x; rgb[2] = c; break;
    default: rgb[0] = c; rgb[2] = x; break;
    }
  return (CsColor) { rgb[0] + m, rgb[1] + m, rgb[2] + m, 1 };
}

/**
 * cs_render_style_get_node_style:
 * @style: a style
 * @graph: the graph whose vocabulary names @type
 * @type: a type id of @graph
 * @out: (out): the type's style
 *
 * A known type has its own style; any other gets one made from its name:
 * the same name always looks the same, and the ring stays the mark of a
 * consortium.
 */
void
cs_render_style_get_node_style (const CsRenderStyle *style,
                                CsGraph             *graph,
                                CsNodeType           type,
                                CsNodeStyle         *out)
{
  static const CsShape shapes[] = {
    CS_SHAPE_CIRCLE,        CS_SHAPE_SQUARE,  CS_SHAPE_DIAMOND, CS_SHAPE_TRIANGLE,
    CS_SHAPE_TRIANGLE_DOWN, CS_SHAPE_HEXAGON, CS_SHAPE_OCTAGON,
  };
  guint32 hash;

  g_return_if_fail (style != NULL);
  g_return_if_fail (CS_IS_GRAPH (graph));
  g_return_if_fail (out != NULL);

  if (type < CS_N_NODE_TYPES)
    {
      *out = style->nodes[type];
      return;
    }
  hash = name_hash (cs_graph_get_type_name (graph, type));
  *out = (CsNodeStyle) {
    .fill = hashed_color (hash, style->dark),
    .shape = shapes[(hash >> 16) % G_N_ELEMENTS (shapes)],
    .radius = 10,
  };
}

/**
 * cs_render_style_get_edge_style:
 * @style: a style
 * @graph: the graph whose vocabulary names @relation
 * @relation: a relation id of @graph
 * @out: (out): the relation's style, made from its name when the format
 *   does not know it
 */
void
cs_render_style_get_edge_style (const CsRenderStyle *style,
                                CsGraph             *graph,
                                CsRelation           relation,
                                CsEdgeStyle         *out)
{
  static const CsDash dashes[] = {
    CS_DASH_SOLID, CS_DASH_DASHED, CS_DASH_DOTTED, CS_DASH_DASH_DOT, CS_DASH_LONG_DASH,
  };
  guint32 hash;

  g_return_if_fail (style != NULL);
  g_return_if_fail (CS_IS_GRAPH (graph));
  g_return_if_fail (out != NULL);

  if (relation < CS_N_RELATIONS)
    {
      *out = style->edges[relation];
      return;
    }
  hash = name_hash (cs_graph_get_relation_name (graph, relation));
  *out = (CsEdgeStyle) {
    .color = hashed_color (hash, style->dark),
    .dash = dashes[(hash >> 16) % G_N_ELEMENTS (dashes)],
    .width = 1.4,
  };
}

static gboolean
color_equal (const CsColor *a,
             const CsColor *b)
{
  return a->red == b->red && a->green == b->green && a->blue == b->blue && a->alpha == b->alpha;
}

gboolean
cs_node_style_equal (const CsNodeStyle *a,
                     const CsNodeStyle *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return color_equal (&a->fill, &b->fill) && a->shape == b->shape && a->radius == b->radius;
}

gboolean
cs_edge_style_equal (const CsEdgeStyle *a,
                     const CsEdgeStyle *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return color_equal (&a->color, &b->color) && a->dash == b->dash && a->width == b->width;
}

void
cs_render_style_clear (CsRenderStyle *style)
{
  g_return_if_fail (style != NULL);

  g_clear_pointer (&style->font_family, g_free);
}
