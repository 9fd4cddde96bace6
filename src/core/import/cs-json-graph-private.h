/* cs-json-graph-private.h
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cs-graph-builder.h"
#include "cs-importer.h"
#include "cs-json-tree.h"

G_BEGIN_DECLS

/* What the importers of other programs' JSON graphs (JSON Graph Format,
 * node-link, Cytoscape.js, graphology) share. Each walks its own shape of
 * json-glib tree and hands nodes and edges to a CsJsonGraph, which:
 *
 * - keeps the file's ids for finding edges' ends, and gives every node an
 *   id our format accepts (the file's own when it is one);
 * - drops duplicate nodes and edges to unknown nodes, and keeps self-loops
 *   and parallel edges, with a warning for each (at most
 *   CS_JSON_GRAPH_MAX_LISTED of a kind, then their number);
 * - labels a node without one by its id, and says how many there were;
 * - turns every other value into an attribute, numbers as the shortest
 *   text that reads back as the same number, lists and objects as JSON;
 * - gathers what the file says about the graph as a whole into its title,
 *   description and date.
 *
 * Nodes come first (_cs_json_graph_add_node()), then
 * _cs_json_graph_end_nodes(), then edges, then _cs_json_graph_finish(). */
typedef struct _CsJsonGraph CsJsonGraph;

#define CS_JSON_GRAPH_MAX_LISTED 50
#define CS_JSON_GRAPH_NO_NODE    G_MAXUINT

CsJsonGraph *_cs_json_graph_new             (CsJsonTree        *tree,
                                             CsGraphBuilder    *builder,
                                             GPtrArray         *problems,
                                             GCancellable      *cancellable);
void         _cs_json_graph_free            (CsJsonGraph       *self);
void         _cs_json_graph_report          (CsJsonGraph       *self,
                                             CsProblemSeverity  severity,
                                             CsImportError      code,
                                             JsonNode          *at,
                                             const CsJsonPath  *path,
                                             const char        *member,
                                             const char        *format,
                                             ...) G_GNUC_PRINTF (7, 8);
gboolean     _cs_json_graph_is_cancelled    (CsJsonGraph       *self,
                                             guint              i);
JsonNode    *_cs_json_graph_get_member      (CsJsonGraph       *self,
                                             JsonNode          *object,
                                             const CsJsonPath  *path,
                                             const char        *member,
                                             JsonNodeType       type,
                                             gboolean           required);
gboolean     _cs_json_graph_expect_root     (CsJsonGraph       *self,
                                             JsonNode          *root,
                                             const char        *what);
gboolean     _cs_json_graph_expect_one      (CsJsonGraph       *self,
                                             JsonNode          *at,
                                             const CsImportOptions *options);

void         _cs_json_graph_set_directed    (CsJsonGraph       *self,
                                             gboolean           directed,
                                             gboolean           multigraph);
void         _cs_json_graph_set_ends_by_index (CsJsonGraph     *self,
                                             gboolean           by_index);
void         _cs_json_graph_read_graph_data (CsJsonGraph       *self,
                                             JsonObject        *object,
                                             const char *const *skip);
void         _cs_json_graph_add_info        (CsJsonGraph       *self,
                                             const char        *key,
                                             JsonNode          *value);

char        *_cs_json_graph_value_text      (JsonNode          *value);
const char  *_cs_json_graph_find_label      (JsonObject        *object,
                                             char             **label);
gboolean     _cs_json_graph_read_position   (CsJsonGraph       *self,
                                             CsNode            *node,
                                             JsonNode          *x,
                                             JsonNode          *y,
                                             JsonNode          *at,
                                             const CsJsonPath  *path);
void         _cs_json_graph_node_attributes (CsJsonGraph       *self,
                                             CsNode            *node,
                                             JsonObject        *object,
                                             const char *const *skip,
                                             guint              n_skip,
                                             JsonObject        *earlier,
                                             const char        *scope);
void         _cs_json_graph_edge_attributes (CsJsonGraph       *self,
                                             CsEdge            *edge,
                                             JsonObject        *object,
                                             const char *const *skip,
                                             guint              n_skip,
                                             JsonObject        *earlier,
                                             const char        *scope);
gboolean     _cs_json_graph_read_relation   (CsJsonGraph       *self,
                                             CsEdge            *edge,
                                             JsonNode          *value);
gboolean     _cs_json_graph_read_type       (CsJsonGraph       *self,
                                             CsNode            *node,
                                             JsonNode          *value);

char        *_cs_json_graph_read_id         (CsJsonGraph       *self,
                                             JsonNode          *value,
                                             const CsJsonPath  *path,
                                             const char        *member);
guint        _cs_json_graph_add_node        (CsJsonGraph       *self,
                                             CsNode            *node,
                                             char              *id,
                                             JsonNode          *at,
                                             const CsJsonPath  *path);
void         _cs_json_graph_skip_node       (CsJsonGraph       *self);
CsNode      *_cs_json_graph_find_node       (CsJsonGraph       *self,
                                             const char        *id,
                                             guint             *index);
guint        _cs_json_graph_get_n_nodes     (CsJsonGraph       *self);
void         _cs_json_graph_end_nodes       (CsJsonGraph       *self);

gboolean     _cs_json_graph_resolve_end     (CsJsonGraph       *self,
                                             JsonNode          *edge,
                                             const CsJsonPath  *path,
                                             const char        *member,
                                             JsonNode          *value,
                                             guint             *index);
void         _cs_json_graph_add_edge        (CsJsonGraph       *self,
                                             CsEdge            *edge,
                                             char              *id,
                                             gboolean           directed,
                                             JsonNode          *at,
                                             const CsJsonPath  *path);
void         _cs_json_graph_add_member_edge (CsJsonGraph       *self,
                                             guint              member,
                                             guint              group);
void         _cs_json_graph_finish          (CsJsonGraph       *self);

/* Recognising a format from the first bytes of a file, before parsing:
 * the member names seen at the top of the document. A name is "nodes" (a
 * member of the top-level object), "graph.options" (a member of the
 * object in its "graph"), "nodes[0].id" (of the first element of its
 * "nodes" array) or "[0].group" (of the first element of a top-level
 * array). */
typedef struct _CsJsonSniff CsJsonSniff;

CsJsonSniff *_cs_json_sniff_new             (const char        *head,
                                             gsize              length);
void         _cs_json_sniff_free            (CsJsonSniff       *self);
gboolean     _cs_json_sniff_is_object       (CsJsonSniff       *self);
gboolean     _cs_json_sniff_is_array        (CsJsonSniff       *self);
gboolean     _cs_json_sniff_has             (CsJsonSniff       *self,
                                             const char        *name);
gboolean     _cs_json_sniff_cut_in          (CsJsonSniff       *self,
                                             const char        *member);

/* JSON_NODE_HOLDS_*() for a member that may be missing */
static inline gboolean
_cs_json_is (JsonNode     *node,
             JsonNodeType  type)
{
  return node != NULL && JSON_NODE_TYPE (node) == type;
}

#define cs_json_graph_warn(self, code, at, path, member, ...) \
  _cs_json_graph_report (self, CS_PROBLEM_WARNING, CS_IMPORT_ERROR_##code, at, path, member, \
                         __VA_ARGS__)
#define cs_json_graph_error(self, code, at, path, member, ...) \
  _cs_json_graph_report (self, CS_PROBLEM_ERROR, CS_IMPORT_ERROR_##code, at, path, member, \
                         __VA_ARGS__)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CsJsonGraph, _cs_json_graph_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CsJsonSniff, _cs_json_sniff_free)

G_END_DECLS
