/* cs-render-style.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-render-style.h"

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
  [CS_NODE_TYPE_PERSON] = { "#8c8c8c", "#b5b5b5", CS_SHAPE_CIRCLE, 7 },
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
static const char *hull_light[12] = {
  "#e01b24", "#1c71d8", "#2ec27e", "#e66100", "#9141ac", "#00a5a5",
  "#c64600", "#3d3846", "#a51d2d", "#26a269", "#613583", "#986a44",
};

static const char *hull_dark[12] = {
  "#f66151", "#62a0ea", "#57e389", "#ffa348", "#c061cb", "#33d1d1",
  "#f5c211", "#c0bfbc", "#ff7b7b", "#8ff0a4", "#dc8add", "#cdab8f",
};

/**
 * cs_color_parse:
 * @color: (out): the colour
 * @spec: `#rrggbb` or `#rrggbbaa`
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
  if (spec[0] != '#' || (len != 7 && len != 9))
    return FALSE;
  for (gsize i = 1; i < len; i++)
    {
      if (!g_ascii_isxdigit (spec[i]))
        return FALSE;
    }
  if (sscanf (spec + 1, "%2x%2x%2x", &r, &g, &b) != 3)
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
  style->legend_font_size = 12.0;
}

void
cs_render_style_clear (CsRenderStyle *style)
{
  g_return_if_fail (style != NULL);

  g_clear_pointer (&style->font_family, g_free);
}
