/* cs-scene.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-scene.h"

#include "cs-hull.h"
#include "cs-render-private.h"
#include "cs-stages.h"
#include "cs-viewport.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

G_DEFINE_BOXED_TYPE (CsScene, cs_scene, cs_scene_ref, cs_scene_unref)

/* up to this many links are drawn opaque */
#define EDGES_OPAQUE 1500

static void
content_unref (CsSceneContent *content)
{
  if (!g_atomic_ref_count_dec (&content->ref_count))
    return;

  g_clear_object (&content->graph);
  g_clear_pointer (&content->positions, cs_positions_unref);
  cs_render_style_clear (&content->style);
  g_free (content->type_styles);
  g_free (content->relation_styles);
  g_free (content->type_counts);
  g_free (content->relation_counts);
  g_free (content->selected);
  g_free (content->guaranteed);
  g_clear_pointer (&content->drawn_labels, g_array_unref);
  g_clear_pointer (&content->drawn_roles, g_array_unref);
  g_mutex_clear (&content->drawn_lock);
  g_free (content->node_lit);
  g_free (content->edge_lit);
  g_free (content->member_offsets);
  g_free (content->member_places);
  g_free (content->leads);
  g_free (content->consortium_colors);
  g_free (content->consortium_styles);
  for (guint c = 0; c < CS_N_STYLE_CHANNELS; c++)
    g_clear_pointer (&content->scales[c], _cs_style_scale_free);
  g_free (content->node_styles);
  g_free (content->hull_colors);
  g_free (content->radius);
  g_free (content->labels);
  g_free (content->node_shown);
  g_free (content->edge_shown);
  g_free (content->stage_text);
  g_free (content->cut);
  g_free (content->pinned);
  g_free (content->consortium_place);
  g_free (content->consortia);
  g_free (content->hull_offsets);
  g_free (content->hull_corners);
  g_free (content->hull_reach);
  g_free (content->fan_k);
  g_free (content->fan_total);
  g_free (content);
}

/* what a draw placed, for the focus drawn over it: taken whole */
void
_cs_scene_publish_drawn (CsSceneContent *content,
                         GArray         *labels,
                         GArray         *roles,
                         double          zoom)
{
  g_mutex_lock (&content->drawn_lock);
  g_array_unref (content->drawn_labels);
  g_array_unref (content->drawn_roles);
  content->drawn_labels = g_array_ref (labels);
  content->drawn_roles = g_array_ref (roles);
  content->drawn_zoom = zoom;
  g_mutex_unlock (&content->drawn_lock);
}

/* what the last draw placed, and the zoom it placed them at (0 before
 * any): @labels and @roles receive references */
double
_cs_scene_get_drawn (CsSceneContent  *content,
                     GArray         **labels,
                     GArray         **roles)
{
  double zoom;

  g_mutex_lock (&content->drawn_lock);
  *labels = g_array_ref (content->drawn_labels);
  *roles = g_array_ref (content->drawn_roles);
  zoom = content->drawn_zoom;
  g_mutex_unlock (&content->drawn_lock);
  return zoom;
}

/* The stage the filter shows: its line for the legend, and the teams cut
 * there, which are drawn even when the filter hides the rest */
static void
set_stage (CsSceneContent *content,
           const char     *name)
{
  const CsStages *stages;
  const CsStageInfo *info;
  g_autofree char *display = NULL;
  g_autofree char *described = NULL;
  int stage;

  if (name == NULL)
    return;
  stages = cs_stages_get (content->graph);
  stage = cs_stages_lookup (stages, name);
  if (stage < 0)
    return;
  info = cs_stages_get_stage (stages, stage);
  display = cs_stage_get_title (info->name);
  described = cs_stages_describe (stages, stage);
  content->stage_text = described[0] != '\0' ? g_strdup_printf ("%s · %s", display, described)
                                             : g_strdup (display);
  if (info->n_cut > 0)
    {
      content->cut = g_new0 (guint8, MAX (cs_graph_get_n_nodes (content->graph), 1));
      for (guint i = 0; i < info->n_cut; i++)
        content->cut[info->cut[i]] = 1;
      content->n_cut = info->n_cut;
    }
}

static gboolean
content_node_shown (const CsSceneContent *content,
                    guint                 node)
{
  return content->node_shown == NULL || content->node_shown[node];
}

typedef struct
{
  guint64 pair;
  guint   edge;
} PairEdge;

static int
compare_pairs (gconstpointer a,
               gconstpointer b)
{
  const PairEdge *pa = a, *pb = b;

  if (pa->pair != pb->pair)
    return pa->pair < pb->pair ? -1 : 1;
  return (pa->edge > pb->edge) - (pa->edge < pb->edge);
}

/* each edge's place in the fan of edges between the same two nodes, in
 * graph order: O(m log m) once, instead of a table per frame */
static void
build_fans (CsSceneContent *content)
{
  guint n_edges = cs_graph_get_n_edges (content->graph);
  g_autofree PairEdge *pairs = g_new (PairEdge, MAX (n_edges, 1));

  content->fan_k = g_new (guint, MAX (n_edges, 1));
  content->fan_total = g_new (guint, MAX (n_edges, 1));
  for (guint e = 0; e < n_edges; e++)
    {
      const CsEdge *edge = cs_graph_get_edge (content->graph, e);

      pairs[e].pair = ((guint64)MIN (edge->source, edge->target) << 32) |
                      MAX (edge->source, edge->target);
      pairs[e].edge = e;
    }
  qsort (pairs, n_edges, sizeof *pairs, compare_pairs);
  for (guint start = 0; start < n_edges;)
    {
      guint end = start;

      while (end < n_edges && pairs[end].pair == pairs[start].pair)
        end++;
      for (guint i = start; i < end; i++)
        {
          content->fan_k[pairs[i].edge] = i - start;
          content->fan_total[pairs[i].edge] = end - start;
        }
      start = end;
    }
}

/* an outline round @members (at least two), appended to @corners; the
 * widest member's reach */
static double
add_hull (CsSceneContent *content,
          GArray         *members,
          GArray         *corners)
{
  g_autoptr(GArray) xy = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) hull = g_array_new (FALSE, FALSE, sizeof (guint));
  double reach = 0;

  for (guint m = 0; m < members->len; m++)
    {
      guint node = g_array_index (members, guint, m);
      const CsNodeStyle *style = &content->type_styles[cs_graph_get_node (content->graph, node)->type];
      double x = cs_positions_get_x (content->positions, node);
      double y = cs_positions_get_y (content->positions, node);

      g_array_append_val (xy, x);
      g_array_append_val (xy, y);
      reach = MAX (reach, content->radius[node] * _cs_render_shape_extent (style->shape));
    }
  cs_hull_compute ((const double *)xy->data, members->len, hull);
  for (guint h = 0; h < hull->len; h++)
    g_array_append_val (corners, g_array_index (members, guint, g_array_index (hull, guint, h)));
  return reach;
}

/* the outline of each consortium: round it, those that lead it or are
 * members of it, as far as the filter shows them; when an attribute
 * groups the nodes, round the nodes of each of its values instead */
static void
build_hulls (CsSceneContent *content)
{
  CsGraph *graph = content->graph;
  guint n_nodes = cs_graph_get_n_nodes (graph);
  const CsStyleScale *groups = content->scales[CS_STYLE_GROUP];
  g_autoptr(GArray) corners = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) members = g_array_new (FALSE, FALSE, sizeof (guint));
  guint place = 0;

  content->consortium_place = g_new (int, MAX (n_nodes, 1));
  content->n_consortia = cs_graph_count_type (graph, CS_NODE_TYPE_CONSORTIUM);
  content->n_hulls = content->n_consortia + (groups != NULL ? groups->n_categories : 0);
  content->consortia = g_new (guint, MAX (content->n_consortia, 1));
  content->hull_offsets = g_new0 (guint, content->n_hulls + 1);
  content->hull_reach = g_new0 (double, MAX (content->n_hulls, 1));

  for (guint c = 0; c < n_nodes; c++)
    {
      const guint *edges;
      guint n_edges;
      double reach = 0;

      if (cs_graph_get_node (graph, c)->type != CS_NODE_TYPE_CONSORTIUM)
        {
          content->consortium_place[c] = -1;
          continue;
        }
      content->consortium_place[c] = place;
      content->consortia[place] = c;

      g_array_set_size (members, 0);
      if (content_node_shown (content, c) && groups == NULL)
        {
          edges = cs_graph_get_incident_edges (graph, c, &n_edges);
          g_array_append_val (members, c);
          for (guint e = 0; e < n_edges; e++)
            {
              const CsEdge *edge = cs_graph_get_edge (graph, edges[e]);

              if (edge->target == c && edge->source != c &&
                  (edge->relation == CS_RELATION_MEMBER_OF || edge->relation == CS_RELATION_LEADS) &&
                  content_node_shown (content, edge->source))
                g_array_append_val (members, edge->source);
            }
        }
      /* a consortium alone has no outline */
      if (members->len >= 2)
        reach = add_hull (content, members, corners);
      content->hull_reach[place] = reach;
      content->hull_offsets[place + 1] = corners->len;
      place++;
    }

  if (groups != NULL)
    {
      /* the nodes of each group, in one pass */
      g_autofree guint *counts = g_new0 (guint, groups->n_categories + 1);
      g_autofree guint *order = g_new (guint, MAX (n_nodes, 1));

      for (guint i = 0; i < n_nodes; i++)
        if (groups->category[i] < groups->n_categories && content_node_shown (content, i))
          counts[groups->category[i] + 1]++;
      for (guint g = 0; g < groups->n_categories; g++)
        counts[g + 1] += counts[g];
      for (guint i = 0; i < n_nodes; i++)
        if (groups->category[i] < groups->n_categories && content_node_shown (content, i))
          order[counts[groups->category[i]]++] = i;
      for (guint g = 0, start = 0; g < groups->n_categories; g++)
        {
          double reach = 0;

          /* counts[g] now ends group g */
          g_array_set_size (members, 0);
          g_array_append_vals (members, order + start, counts[g] - start);
          start = counts[g];
          if (members->len >= 2)
            reach = add_hull (content, members, corners);
          content->hull_reach[place] = reach;
          content->hull_offsets[place + 1] = corners->len;
          place++;
        }
    }
  content->hull_corners = (guint *)g_array_free (g_steal_pointer (&corners), FALSE);
}

/* which consortia each node leads or belongs to, the one it leads first:
 * its rings; and whose names are always drawn */
static void
build_memberships (CsSceneContent *content)
{
  CsGraph *graph = content->graph;
  guint n_nodes = cs_graph_get_n_nodes (graph);
  guint n_edges = cs_graph_get_n_edges (graph);
  g_autofree guint *count = g_new0 (guint, MAX (n_nodes, 1));
  g_autofree guint *fill = NULL;

  content->leads = g_new0 (guint8, MAX (n_nodes, 1));
  content->member_offsets = g_new0 (guint, n_nodes + 1);
  for (guint e = 0; e < n_edges; e++)
    {
      const CsEdge *edge = cs_graph_get_edge (graph, e);

      if ((edge->relation == CS_RELATION_MEMBER_OF || edge->relation == CS_RELATION_LEADS) &&
          edge->source != edge->target && content->consortium_place[edge->target] >= 0)
        count[edge->source]++;
    }
  for (guint i = 0; i < n_nodes; i++)
    content->member_offsets[i + 1] = content->member_offsets[i] + count[i];
  content->member_places = g_new (guint, MAX (content->member_offsets[n_nodes], 1));
  fill = g_new0 (guint, MAX (n_nodes, 1));
  /* leads first, then memberships, each in graph order */
  for (guint pass = 0; pass < 2; pass++)
    for (guint e = 0; e < n_edges; e++)
      {
        const CsEdge *edge = cs_graph_get_edge (graph, e);
        guint s = edge->source;
        guint place;
        gboolean seen = FALSE;

        if (edge->source == edge->target || content->consortium_place[edge->target] < 0 ||
            edge->relation != (pass == 0 ? CS_RELATION_LEADS : CS_RELATION_MEMBER_OF))
          continue;
        place = content->consortium_place[edge->target];
        if (pass == 0)
          content->leads[s] = 1;
        /* a pair written twice (two claims) is one membership */
        for (guint k = 0; k < fill[s] && !seen; k++)
          seen = content->member_places[content->member_offsets[s] + k] == place;
        if (!seen)
          content->member_places[content->member_offsets[s] + fill[s]++] = place;
      }
  /* the counts included repeated claims: close the gaps */
  {
    guint out = 0;

    for (guint i = 0; i < n_nodes; i++)
      {
        guint start = content->member_offsets[i];

        content->member_offsets[i] = out;
        for (guint k = 0; k < fill[i]; k++)
          content->member_places[out++] = content->member_places[start + k];
      }
    content->member_offsets[n_nodes] = out;
  }

  content->guaranteed = g_new0 (guint8, MAX (n_nodes, 1));
  for (guint i = 0; i < n_nodes; i++)
    content->guaranteed[i] = content->consortium_place[i] >= 0 || content->leads[i] ||
                             (content->selected != NULL && content->selected[i]) ||
                             cs_graph_get_node (graph, i)->type == CS_NODE_TYPE_PROGRAMME;
}

/* what a legend click brings forward: the rest fades */
static void
build_highlight (CsSceneContent *content)
{
  CsGraph *graph = content->graph;
  guint n_nodes = cs_graph_get_n_nodes (graph);
  guint n_edges = cs_graph_get_n_edges (graph);
  guint id = content->highlight_id;

  if (content->highlight_kind == CS_HIGHLIGHT_NONE)
    return;
  content->node_lit = g_new0 (guint8, MAX (n_nodes, 1));
  content->edge_lit = g_new0 (guint8, MAX (n_edges, 1));
  switch (content->highlight_kind)
    {
    case CS_HIGHLIGHT_TYPE:
      for (guint i = 0; i < n_nodes; i++)
        content->node_lit[i] = cs_graph_get_node (graph, i)->type == id;
      for (guint e = 0; e < n_edges; e++)
        {
          const CsEdge *edge = cs_graph_get_edge (graph, e);

          content->edge_lit[e] = content->node_lit[edge->source] && content->node_lit[edge->target];
        }
      break;

    case CS_HIGHLIGHT_RELATION:
      for (guint e = 0; e < n_edges; e++)
        {
          const CsEdge *edge = cs_graph_get_edge (graph, e);

          if (edge->relation == id)
            content->edge_lit[e] = content->node_lit[edge->source] =
                content->node_lit[edge->target] = 1;
        }
      break;

    case CS_HIGHLIGHT_CONSORTIUM:
    default:
      if (id < n_nodes)
        {
          guint n;
          const guint *edges = cs_graph_get_incident_edges (graph, id, &n);

          content->node_lit[id] = 1;
          for (guint k = 0; k < n; k++)
            {
              const CsEdge *edge = cs_graph_get_edge (graph, edges[k]);

              if (edge->target == id &&
                  (edge->relation == CS_RELATION_MEMBER_OF || edge->relation == CS_RELATION_LEADS))
                content->edge_lit[edges[k]] = content->node_lit[edge->source] = 1;
            }
        }
      break;
    }
}

/**
 * cs_scene_new:
 * @graph: the graph
 * @positions: one position per node of @graph
 * @pinned: (nullable) (array): per node, %TRUE to draw it pinned
 * @view: (nullable): what is shown: filter, sizing, labels and layers;
 *   %NULL for the defaults
 * @style: the colours and sizes
 * @width: the device width
 * @height: the device height
 *
 * The one scene builder: the canvas and every export call it, so a file
 * shows what the screen shows. O(nodes + edges log edges). The scene
 * starts at zoom 1 with no offset; see cs_scene_fit(). Call it on the
 * thread that owns @view.
 *
 * Returns: (transfer full): the scene
 */
CsScene *
cs_scene_new (CsGraph             *graph,
              CsPositions         *positions,
              const gboolean      *pinned,
              CsViewState         *view,
              const CsRenderStyle *style,
              double               width,
              double               height)
{
  CsSceneContent *content;
  CsScene *self;
  guint n_nodes, n_edges;
  CsNodeSizing sizing = CS_NODE_SIZE_DEGREE;
  CsLabelLanguage language = CS_LABEL_LANGUAGE_ORIGINAL;
  CsLayers layers = CS_LAYERS_DEFAULT;

  g_return_val_if_fail (CS_IS_GRAPH (graph), NULL);
  g_return_val_if_fail (positions != NULL, NULL);
  g_return_val_if_fail (cs_positions_get_n_nodes (positions) == cs_graph_get_n_nodes (graph), NULL);
  g_return_val_if_fail (view == NULL || CS_IS_VIEW_STATE (view), NULL);
  g_return_val_if_fail (view == NULL || cs_view_state_get_graph (view) == NULL ||
                            cs_view_state_get_graph (view) == graph,
                        NULL);
  g_return_val_if_fail (style != NULL, NULL);

  n_nodes = cs_graph_get_n_nodes (graph);
  n_edges = cs_graph_get_n_edges (graph);
  content = g_new0 (CsSceneContent, 1);
  content->drawn_labels = g_array_new (FALSE, FALSE, sizeof (CsDrawnLabel));
  content->drawn_roles = g_array_new (FALSE, FALSE, sizeof (CsDrawnLabel));
  g_mutex_init (&content->drawn_lock);
  g_atomic_ref_count_init (&content->ref_count);
  content->graph = g_object_ref (graph);
  content->positions = cs_positions_ref (positions);
  cs_render_style_copy (&content->style, style);

  if (view != NULL)
    {
      const guint8 *node_shown = NULL, *edge_shown = NULL;

      sizing = cs_view_state_get_sizing (view);
      language = cs_view_state_get_label_language (view);
      layers = cs_view_state_get_layers (view);
      if (cs_view_state_get_graph (view) == graph)
        {
          node_shown = cs_view_state_get_node_shown (view);
          edge_shown = cs_view_state_get_edge_shown (view);
        }
      if (node_shown != NULL)
        content->node_shown = g_memdup2 (node_shown, MAX (n_nodes, 1));
      if (edge_shown != NULL)
        content->edge_shown = g_memdup2 (edge_shown, MAX (n_edges, 1));
      content->hide_filtered = cs_view_state_get_filter (view)->hide &&
                               (node_shown != NULL || edge_shown != NULL);
      if (cs_view_state_get_graph (view) == graph)
        set_stage (content, cs_view_state_get_filter (view)->stage);
      content->label_density = cs_view_state_get_label_density (view);
      content->english = language == CS_LABEL_LANGUAGE_ENGLISH;
      content->legend_collapsed = cs_view_state_get_legend_collapsed (view);
      if (cs_view_state_get_graph (view) == graph)
        {
          guint n_selected;
          const guint *selection = cs_view_state_get_selection (view, &n_selected);

          if (n_selected > 0)
            {
              content->selected = g_new0 (guint8, MAX (n_nodes, 1));
              for (guint k = 0; k < n_selected; k++)
                content->selected[selection[k]] = 1;
            }
          content->highlight_kind = cs_view_state_get_highlight (view, &content->highlight_id);
        }
    }
  else
    content->label_density = CS_LABEL_DENSITY_DEFAULT;
  if (pinned != NULL)
    content->pinned = g_memdup2 (pinned, MAX (n_nodes, 1) * sizeof (gboolean));
  content->layer_flags = ((layers & CS_LAYER_LABELS) ? CS_RENDER_LABELS : 0) |
                         ((layers & CS_LAYER_LEGEND) ? CS_RENDER_LEGEND : 0) |
                         ((layers & CS_LAYER_HULLS) ? CS_RENDER_HULLS : 0) |
                         ((layers & CS_LAYER_ROLES) ? CS_RENDER_ROLES : 0);

  content->type_styles = g_new (CsNodeStyle, cs_graph_get_n_types (graph));
  for (guint t = 0; t < cs_graph_get_n_types (graph); t++)
    cs_render_style_get_node_style (style, graph, t, &content->type_styles[t]);
  content->relation_styles = g_new (CsEdgeStyle, MAX (cs_graph_get_n_relations (graph), 1));
  for (guint r = 0; r < cs_graph_get_n_relations (graph); r++)
    cs_render_style_get_edge_style (style, graph, r, &content->relation_styles[r]);

  /* the attributes that drive the look */
  for (guint c = 0; c < CS_N_STYLE_CHANNELS; c++)
    {
      const char *key = view != NULL ? cs_view_state_get_style_attribute (view, c) : "";

      if (key[0] != '\0' && cs_view_state_get_graph (view) == graph)
        content->scales[c] = _cs_style_scale_new (graph, c, key, style);
    }

  content->radius = g_new (double, MAX (n_nodes, 1));
  content->labels = g_new (const char *, MAX (n_nodes, 1));
  for (guint i = 0; i < n_nodes; i++)
    {
      const CsNode *node = cs_graph_get_node (graph, i);

      content->radius[i] = content->type_styles[node->type].radius;
      if (content->scales[CS_STYLE_SIZE] != NULL)
        _cs_style_scale_apply (content->scales[CS_STYLE_SIZE], graph, i, NULL, &content->radius[i]);
      else if (sizing == CS_NODE_SIZE_DEGREE)
        content->radius[i] += 1.2 * sqrt ((double)MIN (cs_graph_get_degree (graph, i), 60));
      content->labels[i] = language == CS_LABEL_LANGUAGE_ENGLISH && node->label_en != NULL &&
                                   node->label_en[0] != '\0'
                               ? node->label_en
                               : node->label;
    }
  content->type_counts = g_new0 (guint, MAX (cs_graph_get_n_types (graph), 1));
  content->relation_counts = g_new0 (guint, MAX (cs_graph_get_n_relations (graph), 1));
  for (guint i = 0; i < n_nodes; i++)
    if (content_node_shown (content, i))
      content->type_counts[cs_graph_get_node (graph, i)->type]++;
  {
    guint n_shown = 0;

    for (guint e = 0; e < n_edges; e++)
      if (content->edge_shown == NULL || content->edge_shown[e])
        {
          content->relation_counts[cs_graph_get_edge (graph, e)->relation]++;
          n_shown++;
        }
    /* thousands of links drawn opaque are one blot over the nodes: the
     * more there are, the fainter each (the focus draws its own whole) */
    content->edge_alpha = n_shown > EDGES_OPAQUE ? MAX ((double)EDGES_OPAQUE / n_shown, 0.1)
                                                 : 1.0;
  }
  build_fans (content);
  build_hulls (content);
  build_memberships (content);
  build_highlight (content);
  content->consortium_colors = g_new (CsColor, MAX (content->n_consortia, 1));
  content->consortium_styles = g_new (CsNodeStyle, MAX (content->n_consortia, 1));
  for (guint place = 0; place < content->n_consortia; place++)
    {
      content->consortium_colors[place] =
          content->style.hulls[place % G_N_ELEMENTS (content->style.hulls)];
      content->consortium_styles[place] =
          content->type_styles[cs_graph_get_node (graph, content->consortia[place])->type];
      content->consortium_styles[place].fill = content->consortium_colors[place];
    }
  content->hull_colors = g_new (CsColor, MAX (content->n_hulls, 1));
  for (guint place = 0; place < content->n_hulls; place++)
    content->hull_colors[place] =
        place < content->n_consortia
            ? content->consortium_colors[place]
            : g_array_index (content->scales[CS_STYLE_GROUP]->entries, CsScaleEntry,
                             place - content->n_consortia).color;
  if (content->scales[CS_STYLE_COLOR] != NULL || content->scales[CS_STYLE_SHAPE] != NULL)
    {
      content->node_styles = g_new (CsNodeStyle, MAX (n_nodes, 1));
      for (guint i = 0; i < n_nodes; i++)
        {
          int place = content->consortium_place[i];

          content->node_styles[i] = place >= 0 ? content->consortium_styles[place]
                                               : content->type_styles[cs_graph_get_node (graph, i)->type];
          for (guint c = CS_STYLE_COLOR; c <= CS_STYLE_SHAPE; c++)
            if (c != CS_STYLE_SIZE && content->scales[c] != NULL)
              _cs_style_scale_apply (content->scales[c], graph, i, &content->node_styles[i], NULL);
        }
    }

  self = g_new0 (CsScene, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->content = content;
  self->flags = CS_RENDER_BACKGROUND | content->layer_flags;
  self->width = width;
  self->height = height;
  self->zoom = 1.0;
  return self;
}

/**
 * cs_scene_copy:
 * @self: a scene
 *
 * Returns: (transfer full): a scene drawing the same things, whose size,
 *   transform and flags can be changed apart; cheap, what is drawn is shared
 */
CsScene *
cs_scene_copy (const CsScene *self)
{
  CsScene *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  g_atomic_ref_count_init (&copy->ref_count);
  g_atomic_ref_count_inc (&self->content->ref_count);
  copy->title = g_strdup (self->title);
  return copy;
}

CsScene *
cs_scene_ref (CsScene *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
cs_scene_unref (CsScene *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  content_unref (self->content);
  g_free (self->title);
  g_free (self);
}

static gboolean
same_bytes (gconstpointer a,
            gconstpointer b,
            gsize         size)
{
  if (a == NULL || b == NULL)
    return a == b;
  return memcmp (a, b, size) == 0;
}

/**
 * cs_scene_equal_content:
 * @a: a scene
 * @b: another
 *
 * Whether @a and @b draw the same things the same way: graph, positions,
 * pins, what the filter shows, sizes, labels, styles and layers. Where
 * they are drawn (size, zoom, offset) and the surface's flags (background,
 * title, caption) are not compared.
 *
 * Returns: %TRUE when they are the same picture
 */
gboolean
cs_scene_equal_content (const CsScene *a,
                        const CsScene *b)
{
  const CsSceneContent *ca, *cb;
  guint n_nodes, n_edges;

  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  ca = a->content;
  cb = b->content;
  if (ca == cb)
    return TRUE;
  if (ca->graph != cb->graph || !cs_positions_equal (ca->positions, cb->positions))
    return FALSE;
  n_nodes = cs_graph_get_n_nodes (ca->graph);
  n_edges = cs_graph_get_n_edges (ca->graph);
  if (g_strcmp0 (ca->stage_text, cb->stage_text) != 0 || ca->n_cut != cb->n_cut ||
      (ca->n_cut > 0 && !same_bytes (ca->cut, cb->cut, n_nodes)))
    return FALSE;
  if (ca->layer_flags != cb->layer_flags || ca->hide_filtered != cb->hide_filtered ||
      !same_bytes (ca->node_shown, cb->node_shown, n_nodes) ||
      !same_bytes (ca->edge_shown, cb->edge_shown, n_edges) ||
      !same_bytes (ca->pinned, cb->pinned, n_nodes * sizeof (gboolean)) ||
      !same_bytes (ca->radius, cb->radius, n_nodes * sizeof (double)) ||
      !same_bytes (ca->labels, cb->labels, n_nodes * sizeof (const char *)) ||
      !same_bytes (ca->selected, cb->selected, n_nodes) ||
      !same_bytes (ca->node_lit, cb->node_lit, n_nodes) ||
      !same_bytes (ca->edge_lit, cb->edge_lit, n_edges) || ca->label_density != cb->label_density ||
      ca->legend_collapsed != cb->legend_collapsed || ca->edge_alpha != cb->edge_alpha)
    return FALSE;
  if ((ca->node_styles == NULL) != (cb->node_styles == NULL))
    return FALSE;
  for (guint i = 0; ca->node_styles != NULL && i < n_nodes; i++)
    if (!cs_node_style_equal (&ca->node_styles[i], &cb->node_styles[i]))
      return FALSE;
  for (guint c = 0; c < CS_N_STYLE_CHANNELS; c++)
    if ((ca->scales[c] == NULL) != (cb->scales[c] == NULL) ||
        (ca->scales[c] != NULL && strcmp (ca->scales[c]->key, cb->scales[c]->key) != 0))
      return FALSE;
  for (guint t = 0; t < cs_graph_get_n_types (ca->graph); t++)
    if (!cs_node_style_equal (&ca->type_styles[t], &cb->type_styles[t]))
      return FALSE;
  for (guint r = 0; r < cs_graph_get_n_relations (ca->graph); r++)
    if (!cs_edge_style_equal (&ca->relation_styles[r], &cb->relation_styles[r]))
      return FALSE;
  return TRUE;
}

/**
 * cs_scene_get_graph:
 * @self: a scene
 *
 * Returns: (transfer none): the graph drawn
 */
CsGraph *
cs_scene_get_graph (const CsScene *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->content->graph;
}

/**
 * cs_scene_get_positions:
 * @self: a scene
 *
 * Returns: (transfer none): where each node is, in world units
 */
CsPositions *
cs_scene_get_positions (const CsScene *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->content->positions;
}

/**
 * cs_scene_get_style:
 * @self: a scene
 *
 * Returns: (transfer none): the style it is drawn in
 */
const CsRenderStyle *
cs_scene_get_style (const CsScene *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return &self->content->style;
}

/**
 * cs_scene_get_node_shown:
 * @self: a scene
 *
 * Returns: (transfer none) (nullable): per node, 0 when the filter leaves
 *   it out; %NULL when all are shown
 */
const guint8 *
cs_scene_get_node_shown (const CsScene *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->content->node_shown;
}

const guint8 *
cs_scene_get_edge_shown (const CsScene *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->content->edge_shown;
}

gboolean
cs_scene_get_hide_filtered (const CsScene *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->content->hide_filtered;
}

gboolean
cs_scene_is_node_shown (const CsScene *self,
                        guint          node)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return content_node_shown (self->content, node);
}

/**
 * cs_scene_get_label:
 * @self: a scene
 * @node: a node index
 *
 * Returns: the node's name in the view's label language
 */
const char *
cs_scene_get_label (const CsScene *self,
                    guint          node)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (node < cs_graph_get_n_nodes (self->content->graph), NULL);

  return self->content->labels[node];
}

/**
 * cs_scene_get_node_style:
 * @self: a scene
 * @node: a node index
 *
 * Returns: (transfer none): the node's look: its type's, a consortium's
 *   colour, or what the attributes that drive colour and shape make of it
 */
const CsNodeStyle *
cs_scene_get_node_style (const CsScene *self,
                         guint          node)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (node < cs_graph_get_n_nodes (self->content->graph), NULL);

  if (self->content->node_styles != NULL)
    return &self->content->node_styles[node];
  /* a consortium in its own colour, the one of its outline and legend row */
  if (self->content->consortium_place[node] >= 0)
    return &self->content->consortium_styles[self->content->consortium_place[node]];
  return &self->content->type_styles[cs_graph_get_node (self->content->graph, node)->type];
}

/**
 * cs_scene_get_node_radius:
 * @self: a scene
 * @node: a node index
 *
 * Returns: the node's radius in world units: its type's radius, grown a
 *   little with its degree unless the view sizes every node the same
 */
double
cs_scene_get_node_radius (const CsScene *self,
                          guint          node)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (node < cs_graph_get_n_nodes (self->content->graph), 0);

  return self->content->radius[node];
}

/**
 * cs_scene_get_consortium_color:
 * @self: a scene
 * @node: a node index
 * @color: (out) (optional): the colour of its outline
 *
 * Consortia take the outline colours in turn, in file order.
 *
 * Returns: the consortium's place among the graph's consortia, or -1 when
 *   @node is not a consortium
 */
int
cs_scene_get_consortium_color (const CsScene *self,
                               guint          node,
                               CsColor       *color)
{
  int place;

  g_return_val_if_fail (self != NULL, -1);
  g_return_val_if_fail (node < cs_graph_get_n_nodes (self->content->graph), -1);

  place = self->content->consortium_place[node];
  if (place >= 0 && color != NULL)
    *color = self->content->consortium_colors[place];
  return place;
}

CsRenderFlags
cs_scene_get_flags (const CsScene *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->flags;
}

/**
 * cs_scene_set_flags:
 * @self: a scene
 * @flags: what to draw
 *
 * The layers (labels, legend, outlines) come from the view state; a
 * surface may leave some out, and adds its own background, title,
 * caption or overlays.
 */
void
cs_scene_set_flags (CsScene       *self,
                    CsRenderFlags  flags)
{
  g_return_if_fail (self != NULL);

  self->flags = flags;
}

const char *
cs_scene_get_title (const CsScene *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->title != NULL ? self->title : cs_graph_get_title (self->content->graph);
}

void
cs_scene_set_title (CsScene    *self,
                    const char *title)
{
  g_return_if_fail (self != NULL);

  g_free (self->title);
  self->title = g_strdup (title);
}

double
cs_scene_get_width (const CsScene *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->width;
}

double
cs_scene_get_height (const CsScene *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->height;
}

void
cs_scene_set_size (CsScene *self,
                   double   width,
                   double   height)
{
  g_return_if_fail (self != NULL);

  self->width = width;
  self->height = height;
}

double
cs_scene_get_zoom (const CsScene *self)
{
  g_return_val_if_fail (self != NULL, 1);

  return self->zoom;
}

double
cs_scene_get_offset_x (const CsScene *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->offset_x;
}

double
cs_scene_get_offset_y (const CsScene *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->offset_y;
}

/**
 * cs_scene_set_transform:
 * @self: a scene
 * @zoom: device units per world unit
 * @offset_x: device x of the world origin
 * @offset_y: device y of the world origin
 */
void
cs_scene_set_transform (CsScene *self,
                        double   zoom,
                        double   offset_x,
                        double   offset_y)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (isfinite (zoom) && zoom > 0);

  self->zoom = zoom;
  self->offset_x = offset_x;
  self->offset_y = offset_y;
}

/**
 * cs_scene_set_view_origin:
 * @self: a scene
 * @view_x: where the visible area starts in device units
 * @view_y: the same, vertically
 *
 * For a surface larger than what is seen (the canvas's kept layer): the
 * title and legend are placed at the visible area's corner.
 */
void
cs_scene_set_view_origin (CsScene *self,
                          double   view_x,
                          double   view_y)
{
  g_return_if_fail (self != NULL);

  self->view_x = view_x;
  self->view_y = view_y;
}

/**
 * cs_scene_set_placed_labels:
 * @self: a scene
 * @placed: (nullable) (element-type CsPlacedLabel): receives a
 *   #CsPlacedLabel per name drawn, by cs_renderer_draw() and by the focus
 *   of cs_renderer_draw_focus(), from the next draw on; borrowed
 */
void
cs_scene_set_placed_labels (CsScene *self,
                            GArray  *placed)
{
  g_return_if_fail (self != NULL);

  self->placed_labels = placed;
}

void
cs_scene_node_to_device (const CsScene *self,
                         guint          node,
                         double        *x,
                         double        *y)
{
  g_return_if_fail (self != NULL);

  if (x != NULL)
    *x = cs_positions_get_x (self->content->positions, node) * self->zoom + self->offset_x;
  if (y != NULL)
    *y = cs_positions_get_y (self->content->positions, node) * self->zoom + self->offset_y;
}

/* the box of the nodes the scene draws (@shown_only: those the filter or
 * stage keeps, faded ones left out too); FALSE when there is none */
static gboolean
nodes_bounds (const CsScene *self,
              gboolean       shown_only,
              CsBounds      *bounds)
{
  const CsSceneContent *content = self->content;
  guint n_nodes = cs_graph_get_n_nodes (content->graph);
  gboolean seen = FALSE;

  *bounds = (CsBounds) { 0, 0, 0, 0 };
  for (guint i = 0; i < n_nodes; i++)
    {
      double x = cs_positions_get_x (content->positions, i);
      double y = cs_positions_get_y (content->positions, i);
      double r = content->radius[i];
      /* labels are centred below the node: leave room for a typical one */
      double half_label = 4 * content->style.font_size;
      double below = r + CS_RENDER_LABEL_GAP + 1.5 * content->style.font_size;

      /* hidden nodes take no room; faded ones stay in the picture */
      if ((shown_only || content->hide_filtered) && !content_node_shown (content, i))
        continue;
      if (!seen)
        *bounds = (CsBounds) { x, y, x, y };
      seen = TRUE;
      bounds->x0 = MIN (bounds->x0, x - MAX (r, half_label));
      bounds->x1 = MAX (bounds->x1, x + MAX (r, half_label));
      bounds->y0 = MIN (bounds->y0, y - r);
      bounds->y1 = MAX (bounds->y1, y + below);
    }
  return seen;
}

/**
 * cs_scene_get_world_bounds:
 * @self: a scene
 * @bounds: (out): the world box that holds every node with its radius and
 *   room for its label, leaving out nodes the scene hides
 */
void
cs_scene_get_world_bounds (const CsScene *self,
                           CsBounds      *bounds)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (bounds != NULL);

  nodes_bounds (self, FALSE, bounds);
}

/**
 * cs_scene_get_shown_bounds:
 * @self: a scene
 * @bounds: (out): the world box of the nodes the filter and stage keep,
 *   faded ones left out, as cs_scene_get_world_bounds() measures them
 *
 * Returns: %FALSE when the filter keeps no node
 */
gboolean
cs_scene_get_shown_bounds (const CsScene *self,
                           CsBounds      *bounds)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (bounds != NULL, FALSE);

  return nodes_bounds (self, TRUE, bounds);
}

/**
 * cs_scene_fit_bounds:
 * @self: a scene
 * @world: the world box to show
 * @margin: room to leave on each side, in device units
 *
 * Sets the zoom and offset so @world fills the scene's size, clear of the
 * title and legend.
 */
void
cs_scene_fit_bounds (CsScene        *self,
                     const CsBounds *world,
                     double          margin)
{
  g_autoptr(CsViewport) viewport = cs_viewport_new ();
  CsBounds area;

  g_return_if_fail (self != NULL);
  g_return_if_fail (world != NULL);

  cs_scene_get_graph_area (self, margin, &area);
  cs_viewport_fit_area (viewport, world, &area);
  cs_scene_set_transform (self, cs_viewport_get_zoom (viewport),
                          cs_viewport_get_offset_x (viewport), cs_viewport_get_offset_y (viewport));
}

/**
 * cs_scene_fit:
 * @self: a scene
 * @margin: room to leave on each side, in device units
 *
 * Frames the whole graph, clear of the title and legend.
 */
void
cs_scene_fit (CsScene *self,
              double   margin)
{
  CsBounds bounds;

  g_return_if_fail (self != NULL);

  cs_scene_get_world_bounds (self, &bounds);
  cs_scene_fit_bounds (self, &bounds, margin);
}

/**
 * cs_scene_get_node_consortia:
 * @self: a scene
 * @node: a node index
 * @n_consortia: (out): how many
 *
 * Returns: (array length=n_consortia): the places (see
 *   cs_scene_get_consortium_color()) of the consortia @node leads or
 *   belongs to, the one it leads first
 */
const guint *
cs_scene_get_node_consortia (const CsScene *self,
                             guint          node,
                             guint         *n_consortia)
{
  const CsSceneContent *content;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (n_consortia != NULL, NULL);
  g_return_val_if_fail (node < cs_graph_get_n_nodes (self->content->graph), NULL);

  content = self->content;
  *n_consortia = content->member_offsets[node + 1] - content->member_offsets[node];
  return content->member_places + content->member_offsets[node];
}

/**
 * cs_scene_get_label_guaranteed:
 * @self: a scene
 * @node: a node index
 *
 * Returns: whether the node's name is drawn whenever the node is: a
 *   consortium, a lead, the programme or a selected node
 */
gboolean
cs_scene_get_label_guaranteed (const CsScene *self,
                               guint          node)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (node < cs_graph_get_n_nodes (self->content->graph), FALSE);

  return self->content->guaranteed[node];
}

/**
 * cs_scene_is_node_lit:
 * @self: a scene
 * @node: a node index
 *
 * Returns: %FALSE when the view's highlight fades the node
 */
gboolean
cs_scene_is_node_lit (const CsScene *self,
                      guint          node)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (node < cs_graph_get_n_nodes (self->content->graph), FALSE);

  return self->content->node_lit == NULL || self->content->node_lit[node];
}

/**
 * cs_scene_get_role:
 * @self: a scene
 * @edge: an edge index
 *
 * Returns: (nullable): the member's role on that link, in the view's label
 *   language (Korean, or English where the data gives it)
 */
const char *
cs_scene_get_role (const CsScene *self,
                   guint          edge)
{
  const CsEdge *e;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (edge < cs_graph_get_n_edges (self->content->graph), NULL);

  e = cs_graph_get_edge (self->content->graph, edge);
  if (self->content->english && e->role_en != NULL && e->role_en[0] != '\0')
    return e->role_en;
  return e->role != NULL && e->role[0] != '\0' ? e->role : NULL;
}

/**
 * cs_scene_set_placed_roles:
 * @self: a scene
 * @placed: (nullable) (element-type CsPlacedRole): receives a
 *   #CsPlacedRole per role drawn on a link, from the next draw on; borrowed
 */
void
cs_scene_set_placed_roles (CsScene *self,
                           GArray  *placed)
{
  g_return_if_fail (self != NULL);

  self->placed_roles = placed;
}

/**
 * cs_scene_get_label_size:
 * @self: a scene
 *
 * Returns: the size names are drawn at on the device, at the scene's zoom:
 *   the style's font size zoomed, kept between its smallest and largest
 *   sizes on screen
 */
double
cs_scene_get_label_size (const CsScene *self)
{
  const CsRenderStyle *style;

  g_return_val_if_fail (self != NULL, 0);

  style = &self->content->style;
  return CLAMP (style->font_size * self->zoom, style->label_min_pixels, style->label_max_pixels);
}
