/* cs-consortia-writer.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-consortia-writer.h"

#include <json-glib/json-glib.h>

/* Writes a graph in Consortia's own JSON format (data/README.md), every
 * member the importer (cs-consortia-importer.c) reads, so that reading the
 * file back gives the same nodes, edges, attributes, sources, stages and
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
          add_string (builder, "stage", cs_stage_to_string (event->stage));
          add_string (builder, "label", event->label);
          add_string (builder, "label_en", event->label_en);
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
 *
 * Writes @graph as Consortia JSON (format version 1), indented. Reading it
 * back with cs_import_data() gives the same graph with these positions:
 * a file whose every node has a position opens as it was laid out.
 *
 * Returns: (transfer full): the UTF-8 text
 */
GBytes *
cs_consortia_writer_to_bytes (CsGraph        *graph,
                              CsPositions    *positions,
                              const gboolean *pinned,
                              const char     *layout_algorithm,
                              gint64          layout_seed)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;
  gsize length = 0;
  char *text;

  g_return_val_if_fail (CS_IS_GRAPH (graph), NULL);
  g_return_val_if_fail (positions == NULL ||
                        cs_positions_get_n_nodes (positions) == cs_graph_get_n_nodes (graph),
                        NULL);
  g_return_val_if_fail (layout_seed >= -1 && layout_seed <= G_MAXUINT32, NULL);

  builder = json_builder_new ();
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
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, &length);
  /* a file ends with a newline */
  text = g_realloc (text, length + 2);
  text[length++] = '\n';
  text[length] = '\0';
  return g_bytes_new_take (text, length);
}

/**
 * cs_consortia_writer_write_file:
 * @graph: a #CsGraph
 * @positions: (nullable): as for cs_consortia_writer_to_bytes()
 * @pinned: (array) (nullable): as for cs_consortia_writer_to_bytes()
 * @layout_algorithm: (nullable): as for cs_consortia_writer_to_bytes()
 * @layout_seed: as for cs_consortia_writer_to_bytes()
 * @filename: where to write
 * @cancellable: (nullable): a #GCancellable
 * @error: a #GIOError
 *
 * Writes @graph to @filename through a temporary file that replaces it
 * only once complete: a failure leaves the old file as it was, never half
 * a file.
 *
 * Returns: %TRUE when the file is written
 */
gboolean
cs_consortia_writer_write_file (CsGraph         *graph,
                                CsPositions     *positions,
                                const gboolean  *pinned,
                                const char      *layout_algorithm,
                                gint64           layout_seed,
                                const char      *filename,
                                GCancellable    *cancellable,
                                GError         **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (CS_IS_GRAPH (graph), FALSE);
  g_return_val_if_fail (filename != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = cs_consortia_writer_to_bytes (graph, positions, pinned, layout_algorithm, layout_seed);
  file = g_file_new_for_path (filename);
  return g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                  NULL, /* make_backup = */ FALSE,
                                  G_FILE_CREATE_REPLACE_DESTINATION, NULL, cancellable, error);
}
