/* cs-consortia-writer.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-consortia-writer.h"

#include "cs-json-output.h"
#include "cs-json-tree.h"

#include <json-glib/json-glib.h>
#include <string.h>

/* Writes a graph in Consortia's own JSON format (data/README.md).
 *
 * A graph read from that format is written back as it was read, with only
 * what the window changes put in: each node's x, y and pinned, the layout
 * in graph.layout and the view. Every other member, the order of members
 * and of elements, values the model keeps as text (a number stays a
 * number) and "x-" members it does not read at all come back unchanged;
 * a file written on one line stays on one line.
 *
 * A graph from any other source is written from the model: every member
 * the importer (cs-consortia-importer.c) reads, so that reading the file
 * back gives the same nodes, edges, attributes, sources, stages and
 * positions. A value the model holds as text (every attribute value) is
 * written as a string; a claim list of one claim with neither note nor
 * sources is written as that plain value, as the importer reads it. */

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value);
}

static void
add_sources (JsonBuilder *builder,
             GPtrArray   *sources)
{
  if (sources == NULL || sources->len == 0)
    return;
  json_builder_set_member_name (builder, "sources");
  json_builder_begin_array (builder);
  for (guint i = 0; i < sources->len; i++)
    {
      const CsSource *source = g_ptr_array_index (sources, i);

      if (source->quote == NULL)
        json_builder_add_string_value (builder, source->file);
      else
        {
          json_builder_begin_object (builder);
          add_string (builder, "file", source->file);
          add_string (builder, "quote", source->quote);
          json_builder_end_object (builder);
        }
    }
  json_builder_end_array (builder);
}

static void
add_attributes (JsonBuilder *builder,
                GPtrArray   *attributes)
{
  if (attributes == NULL || attributes->len == 0)
    return;
  json_builder_set_member_name (builder, "attributes");
  json_builder_begin_object (builder);
  for (guint i = 0; i < attributes->len; i++)
    {
      const CsAttribute *attribute = g_ptr_array_index (attributes, i);
      const CsClaim *first = g_ptr_array_index (attribute->claims, 0);

      json_builder_set_member_name (builder, attribute->key);
      if (attribute->claims->len == 1 && first->note == NULL &&
          (first->sources == NULL || first->sources->len == 0))
        {
          json_builder_add_string_value (builder, first->value);
          continue;
        }
      json_builder_begin_array (builder);
      for (guint c = 0; c < attribute->claims->len; c++)
        {
          const CsClaim *claim = g_ptr_array_index (attribute->claims, c);

          json_builder_begin_object (builder);
          add_string (builder, "value", claim->value);
          add_string (builder, "note", claim->note);
          add_sources (builder, claim->sources);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);
}

static void
add_metadata (JsonBuilder *builder,
              CsGraph     *graph,
              const char  *layout_algorithm,
              gint64       layout_seed)
{
  const char *algorithm = layout_algorithm;
  guint32 seed = 0;
  gboolean has_seed = layout_seed >= 0;

  if (algorithm == NULL)
    algorithm = cs_graph_get_layout_algorithm (graph);
  if (has_seed)
    seed = (guint32)layout_seed;
  else
    has_seed = cs_graph_get_layout_seed (graph, &seed);

  json_builder_set_member_name (builder, "graph");
  json_builder_begin_object (builder);
  add_string (builder, "title", cs_graph_get_title (graph));
  add_string (builder, "title_en", cs_graph_get_title_en (graph));
  add_string (builder, "description", cs_graph_get_description (graph));
  add_string (builder, "date", cs_graph_get_date (graph));
  if (cs_graph_get_n_articles (graph) > 0)
    {
      json_builder_set_member_name (builder, "sources");
      json_builder_begin_array (builder);
      for (guint i = 0; i < cs_graph_get_n_articles (graph); i++)
        {
          const CsArticle *article = cs_graph_get_article (graph, i);

          json_builder_begin_object (builder);
          add_string (builder, "file", article->file);
          add_string (builder, "title", article->title);
          add_string (builder, "publisher", article->publisher);
          add_string (builder, "date", article->date);
          add_string (builder, "language", article->language);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }
  if (algorithm != NULL || has_seed)
    {
      json_builder_set_member_name (builder, "layout");
      json_builder_begin_object (builder);
      add_string (builder, "algorithm", algorithm);
      if (has_seed)
        {
          json_builder_set_member_name (builder, "seed");
          json_builder_add_int_value (builder, seed);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
}


static void
add_strings (JsonBuilder *builder,
             const char  *member,
             char       **strings)
{
  if (strings == NULL)
    return;
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; strings[i] != NULL; i++)
    json_builder_add_string_value (builder, strings[i]);
  json_builder_end_array (builder);
}

static void
add_boolean (JsonBuilder *builder,
             const char  *member,
             gboolean     value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_boolean_value (builder, value);
}

/* the "view" member's value */
static JsonNode *
view_to_json (const CsSavedView *view)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  if (view->hidden_types != NULL || view->hidden_relations != NULL || view->consortium != NULL ||
      view->stage != NULL || view->around != NULL || view->depth > 0 || view->has_hide ||
      view->role != NULL)
    {
      json_builder_set_member_name (builder, "filter");
      json_builder_begin_object (builder);
      add_strings (builder, "hidden_types", view->hidden_types);
      add_strings (builder, "hidden_relations", view->hidden_relations);
      add_string (builder, "consortium", view->consortium);
      add_string (builder, "stage", view->stage);
      add_string (builder, "around", view->around);
      if (view->depth > 0)
        {
          json_builder_set_member_name (builder, "depth");
          json_builder_add_int_value (builder, view->depth);
        }
      if (view->has_hide)
        add_boolean (builder, "hide", view->hide);
      add_string (builder, "role", view->role);
      json_builder_end_object (builder);
    }
  add_string (builder, "sizing", view->sizing);
  add_string (builder, "labels", view->labels);
  if (view->has_label_density)
    {
      json_builder_set_member_name (builder, "label_density");
      json_builder_add_double_value (builder, view->label_density);
    }
  if (view->has_layers)
    {
      json_builder_set_member_name (builder, "layers");
      json_builder_begin_object (builder);
      add_boolean (builder, "labels", view->show_labels);
      add_boolean (builder, "legend", view->show_legend);
      add_boolean (builder, "hulls", view->show_hulls);
      add_boolean (builder, "roles", view->show_roles);
      json_builder_end_object (builder);
    }
  if (view->has_legend_collapsed)
    add_boolean (builder, "legend_collapsed", view->legend_collapsed);
  if (view->style[0] != NULL || view->style[1] != NULL || view->style[2] != NULL ||
      view->style[3] != NULL)
    {
      static const char *const channels[] = { "color", "size", "shape", "group" };

      json_builder_set_member_name (builder, "style");
      json_builder_begin_object (builder);
      for (guint c = 0; c < G_N_ELEMENTS (channels); c++)
        if (view->style[c] != NULL)
          {
            json_builder_set_member_name (builder, channels[c]);
            if (view->style[c][0] == '\0')
              json_builder_add_null_value (builder);
            else
              json_builder_add_string_value (builder, view->style[c]);
          }
      json_builder_end_object (builder);
    }
  if (view->has_camera)
    {
      json_builder_set_member_name (builder, "zoom");
      json_builder_add_double_value (builder, view->zoom);
      json_builder_set_member_name (builder, "center");
      json_builder_begin_array (builder);
      json_builder_add_double_value (builder, view->center_x);
      json_builder_add_double_value (builder, view->center_y);
      json_builder_end_array (builder);
    }
  add_strings (builder, "selection", view->selection);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static void
add_node (JsonBuilder    *builder,
          CsGraph        *graph,
          guint           index,
          CsPositions    *positions,
          const gboolean *pinned)
{
  const CsNode *node = cs_graph_get_node (graph, index);
  gboolean has_position = positions != NULL || node->has_position;

  json_builder_begin_object (builder);
  add_string (builder, "id", node->id);
  add_string (builder, "label", node->label);
  add_string (builder, "label_en", node->label_en);
  /* the model keeps only whether the English name comes from outside */
  if (node->label_en_outside)
    add_string (builder, "label_en_origin", "outside");
  if (node->aliases != NULL && node->aliases[0] != NULL)
    {
      json_builder_set_member_name (builder, "aliases");
      json_builder_begin_array (builder);
      for (guint i = 0; node->aliases[i] != NULL; i++)
        json_builder_add_string_value (builder, node->aliases[i]);
      json_builder_end_array (builder);
    }
  add_string (builder, "type", cs_graph_get_type_name (graph, node->type));
  add_string (builder, "description", node->description);
  add_attributes (builder, node->attributes);
  if (node->events != NULL && node->events->len > 0)
    {
      json_builder_set_member_name (builder, "events");
      json_builder_begin_array (builder);
      for (guint i = 0; i < node->events->len; i++)
        {
          const CsEvent *event = g_ptr_array_index (node->events, i);

          json_builder_begin_object (builder);
          add_string (builder, "date", event->date);
          add_string (builder, "until", event->until);
          add_string (builder, "stage", event->stage);
          add_string (builder, "label", event->label);
          add_string (builder, "label_en", event->label_en);
          if (event->count >= 0)
            {
              json_builder_set_member_name (builder, "count");
              json_builder_add_int_value (builder, event->count);
            }
          if (event->planned)
            add_boolean (builder, "planned", TRUE);
          add_sources (builder, event->sources);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }
  add_sources (builder, node->sources);
  if (has_position)
    {
      json_builder_set_member_name (builder, "x");
      json_builder_add_double_value (builder, positions != NULL
                                                  ? cs_positions_get_x (positions, index)
                                                  : node->x);
      json_builder_set_member_name (builder, "y");
      json_builder_add_double_value (builder, positions != NULL
                                                  ? cs_positions_get_y (positions, index)
                                                  : node->y);
      if (pinned != NULL ? pinned[index] : node->pinned)
        {
          json_builder_set_member_name (builder, "pinned");
          json_builder_add_boolean_value (builder, TRUE);
        }
    }
  json_builder_end_object (builder);
}

static void
add_edge (JsonBuilder *builder,
          CsGraph     *graph,
          guint        index)
{
  const CsEdge *edge = cs_graph_get_edge (graph, index);

  json_builder_begin_object (builder);
  add_string (builder, "id", edge->id);
  add_string (builder, "source", cs_graph_get_node (graph, edge->source)->id);
  add_string (builder, "target", cs_graph_get_node (graph, edge->target)->id);
  add_string (builder, "relation", edge->relation_name != NULL
                                       ? edge->relation_name
                                       : cs_graph_get_relation_name (graph, edge->relation));
  add_string (builder, "role", edge->role);
  add_string (builder, "role_en", edge->role_en);
  add_string (builder, "note", edge->note);
  add_attributes (builder, edge->attributes);
  add_sources (builder, edge->sources);
  json_builder_end_object (builder);
}

/* The document from the model alone */
static JsonNode *
build_from_model (CsGraph           *graph,
                  CsPositions       *positions,
                  const gboolean    *pinned,
                  const char        *layout_algorithm,
                  gint64             layout_seed,
                  const CsSavedView *view)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  add_string (builder, "format", "consortia-graph");
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, 1);
  add_metadata (builder, graph, layout_algorithm, layout_seed);
  json_builder_set_member_name (builder, "nodes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < cs_graph_get_n_nodes (graph); i++)
    add_node (builder, graph, i, positions, pinned);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "edges");
  json_builder_begin_array (builder);
  for (guint i = 0; i < cs_graph_get_n_edges (graph); i++)
    add_edge (builder, graph, i);
  json_builder_end_array (builder);
  if (view != NULL)
    {
      json_builder_set_member_name (builder, "view");
      json_builder_add_value (builder, view_to_json (view));
    }
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* @object with @member set to @value: in its place when it was there,
 * after @after (or last) when not */
static void
set_member_after (JsonObject *object,
                  const char *member,
                  JsonNode   *value,
                  const char *after)
{
  g_autoptr(JsonObject) copy = NULL;
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  if (json_object_has_member (object, member) || after == NULL ||
      !json_object_has_member (object, after))
    {
      json_object_set_member (object, member, value);
      return;
    }
  /* JsonObject appends only: move the members that follow @after behind
   * the new one */
  copy = json_object_new ();
  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &node))
    json_object_set_member (copy, name, json_node_ref (node));
  json_object_iter_init_ordered (&iter, copy);
  while (json_object_iter_next_ordered (&iter, &name, &node))
    json_object_remove_member (object, name);
  json_object_iter_init_ordered (&iter, copy);
  while (json_object_iter_next_ordered (&iter, &name, &node))
    {
      json_object_set_member (object, name, json_node_ref (node));
      if (g_str_equal (name, after))
        json_object_set_member (object, member, value);
    }
}

static void
patch_layout (JsonObject *root,
              CsGraph    *graph,
              const char *layout_algorithm,
              gint64      layout_seed)
{
  JsonNode *graph_node = json_object_get_member (root, "graph");
  JsonObject *metadata, *layout;

  if (layout_algorithm == NULL && layout_seed < 0)
    return;
  if (graph_node == NULL)
    {
      graph_node = json_node_new (JSON_NODE_OBJECT);
      json_node_take_object (graph_node, json_object_new ());
      set_member_after (root, "graph", graph_node, "version");
    }
  metadata = json_node_get_object (graph_node);
  if (!json_object_has_member (metadata, "layout"))
    json_object_set_object_member (metadata, "layout", json_object_new ());
  layout = json_object_get_object_member (metadata, "layout");
  if (layout_algorithm != NULL)
    json_object_set_string_member (layout, "algorithm", layout_algorithm);
  if (layout_seed >= 0)
    json_object_set_int_member (layout, "seed", layout_seed);
}

static void
patch_nodes (JsonObject     *root,
             CsGraph        *graph,
             CsPositions    *positions,
             const gboolean *pinned)
{
  JsonArray *nodes = json_object_get_array_member (root, "nodes");

  for (guint i = 0; i < json_array_get_length (nodes); i++)
    {
      JsonObject *object = json_array_get_object_element (nodes, i);
      guint index;

      /* the file opened: each node an object with an id of the graph's */
      if (!cs_graph_lookup (graph, json_object_get_string_member (object, "id"), &index))
        g_assert_not_reached ();
      if (positions != NULL)
        {
          json_object_set_double_member (object, "x", cs_positions_get_x (positions, index));
          json_object_set_double_member (object, "y", cs_positions_get_y (positions, index));
        }
      if (pinned != NULL && pinned[index])
        json_object_set_boolean_member (object, "pinned", TRUE);
      else if (pinned != NULL)
        json_object_remove_member (object, "pinned");
    }
}

/* The document as read, with what the window changes put in; NULL when
 * the text no longer reads as the graph (it was read before, so only a
 * failing allocation could do that) */
static JsonNode *
patch_source (CsGraph           *graph,
              GBytes            *text,
              CsPositions       *positions,
              const gboolean    *pinned,
              const char        *layout_algorithm,
              gint64             layout_seed,
              const CsSavedView *view)
{
  gsize length;
  const char *data = g_bytes_get_data (text, &length);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify)cs_problem_free);
  g_autoptr(CsJsonTree) tree = cs_json_tree_parse (data, length, problems);
  JsonObject *root;

  if (tree == NULL || !JSON_NODE_HOLDS_OBJECT (cs_json_tree_get_root (tree)))
    return NULL;
  root = json_node_get_object (cs_json_tree_get_root (tree));
  patch_layout (root, graph, layout_algorithm, layout_seed);
  patch_nodes (root, graph, positions, pinned);
  if (view != NULL)
    json_object_set_member (root, "view", view_to_json (view));
  return json_node_ref (cs_json_tree_get_root (tree));
}

/* a file written on one line is saved on one line */
static gboolean
source_is_pretty (GBytes *text)
{
  gsize length;
  const char *data = g_bytes_get_data (text, &length);

  while (length > 0 && g_ascii_isspace (data[length - 1]))
    length--;
  return memchr (data, '\n', length) != NULL;
}

/*
 * build:
 * @graph: a #CsGraph
 * @positions: (nullable): a position for every node, written as its `x`
 *   and `y`; %NULL keeps the positions the file had
 * @pinned: (array) (nullable): per node, whether it is pinned; %NULL keeps
 *   the file's pins
 * @layout_algorithm: (nullable): the layout to record in `graph.layout`, or
 *   %NULL for the graph's own
 * @layout_seed: the seed to record, or -1 for the graph's own
 * @view: (nullable): the view to record in `view`; %NULL keeps the file's
 * @pretty: (out) (optional): whether the text is best written indented
 *
 * The Consortia JSON document for @graph: the file it was read from with
 * these changes when it was read from our format, else built from the
 * model. Reading it back gives the same graph with these positions, pins,
 * layout and view. Safe in a worker thread.
 *
 * Returns: (transfer full): the document's root
 */
static JsonNode *
build (CsGraph           *graph,
       CsPositions       *positions,
       const gboolean    *pinned,
       const char        *layout_algorithm,
       gint64             layout_seed,
       const CsSavedView *view,
       gboolean          *pretty)
{
  GBytes *text;
  JsonNode *root = NULL;

  text = cs_graph_get_source_text (graph);
  if (text != NULL && g_strcmp0 (cs_graph_get_source_format (graph), "consortia") == 0)
    root = patch_source (graph, text, positions, pinned, layout_algorithm, layout_seed, view);
  if (pretty != NULL)
    *pretty = root == NULL || source_is_pretty (text);
  if (root == NULL)
    root = build_from_model (graph, positions, pinned, layout_algorithm, layout_seed,
                             view != NULL ? view : cs_graph_get_saved_view (graph));
  return root;
}

/**
 * cs_consortia_writer_to_bytes:
 * @graph: a #CsGraph
 * @positions: (nullable): a position for every node, written as its `x`
 *   and `y`; %NULL keeps the positions the file had
 * @pinned: (array) (nullable): per node, whether it is pinned; %NULL keeps
 *   the file's pins
 * @layout_algorithm: (nullable): the layout to record in `graph.layout`, or
 *   %NULL for the graph's own
 * @layout_seed: the seed to record, or -1 for the graph's own
 * @view: (nullable): the view to record in `view`; %NULL keeps the file's
 *
 * The Consortia JSON document for @graph: the file it was read from with
 * these changes when it was read from our format, else built from the
 * model. Reading it back gives the same graph with these positions, pins,
 * layout and view. Safe in a worker thread.
 *
 * Returns: (transfer full): the document as UTF-8 text ending with a
 *   newline
 */
GBytes *
cs_consortia_writer_to_bytes (CsGraph           *graph,
                              CsPositions       *positions,
                              const gboolean    *pinned,
                              const char        *layout_algorithm,
                              gint64             layout_seed,
                              const CsSavedView *view)
{
  g_autoptr(JsonNode) root = NULL;
  gboolean pretty;

  g_return_val_if_fail (CS_IS_GRAPH (graph), NULL);
  g_return_val_if_fail (positions == NULL ||
                        cs_positions_get_n_nodes (positions) == cs_graph_get_n_nodes (graph),
                        NULL);
  g_return_val_if_fail (layout_seed >= -1 && layout_seed <= G_MAXUINT32, NULL);

  root = build (graph, positions, pinned, layout_algorithm, layout_seed, view, &pretty);
  return cs_json_output_to_bytes (root, pretty);
}

/**
 * cs_consortia_writer_write:
 * @graph: a #CsGraph
 * @positions: (nullable): as for cs_consortia_writer_to_bytes()
 * @pinned: (array) (nullable): as for cs_consortia_writer_to_bytes()
 * @layout_algorithm: (nullable): as for cs_consortia_writer_to_bytes()
 * @layout_seed: as for cs_consortia_writer_to_bytes()
 * @view: (nullable): as for cs_consortia_writer_to_bytes()
 * @stream: where to write the text
 * @progress: (nullable) (scope call): told how far the writing has got
 * @user_data: data for @progress
 * @cancellable: (nullable): a #GCancellable
 * @error: a #GIOError from @stream
 *
 * Writes what cs_consortia_writer_to_bytes() returns to @stream as it is
 * made, without holding all of the text. Safe in a worker thread.
 *
 * Returns: %TRUE when all of it was written
 */
gboolean
cs_consortia_writer_write (CsGraph           *graph,
                           CsPositions       *positions,
                           const gboolean    *pinned,
                           const char        *layout_algorithm,
                           gint64             layout_seed,
                           const CsSavedView *view,
                           GOutputStream     *stream,
                           CsWriterProgress   progress,
                           gpointer           user_data,
                           GCancellable      *cancellable,
                           GError           **error)
{
  g_autoptr(JsonNode) root = NULL;
  gboolean pretty;

  g_return_val_if_fail (CS_IS_GRAPH (graph), FALSE);
  g_return_val_if_fail (positions == NULL ||
                        cs_positions_get_n_nodes (positions) == cs_graph_get_n_nodes (graph),
                        FALSE);
  g_return_val_if_fail (layout_seed >= -1 && layout_seed <= G_MAXUINT32, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  root = build (graph, positions, pinned, layout_algorithm, layout_seed, view, &pretty);
  return cs_json_output_write (root, pretty, stream, progress, user_data, cancellable, error);
}
