/* cs-graph-builder.h
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cs-graph.h"

G_BEGIN_DECLS

/* How an importer makes a graph: nodes, edges and articles are taken one by
 * one, type and relation names are interned into the graph's vocabulary,
 * and cs_graph_builder_end() seals the result, which is immutable from then
 * on. A builder belongs to one thread. */
typedef struct _CsGraphBuilder CsGraphBuilder;

CsGraphBuilder *cs_graph_builder_new              (void);
void            cs_graph_builder_free             (CsGraphBuilder *self);
CsGraph        *cs_graph_builder_end              (CsGraphBuilder *self);
void            cs_graph_builder_set_metadata     (CsGraphBuilder *self,
                                                   const char     *title,
                                                   const char     *title_en,
                                                   const char     *description,
                                                   const char     *date);
void            cs_graph_builder_set_layout       (CsGraphBuilder *self,
                                                   const char     *algorithm,
                                                   gboolean        has_seed,
                                                   guint32         seed);
void            cs_graph_builder_take_saved_view (CsGraphBuilder *self,
                                                   CsSavedView    *view);
void            cs_graph_builder_set_source       (CsGraphBuilder *self,
                                                   const char     *format,
                                                   GBytes         *text);
void            cs_graph_builder_set_file_graphs  (CsGraphBuilder *self,
                                                   guint           n_graphs,
                                                   guint           index);
void            cs_graph_builder_take_article     (CsGraphBuilder *self,
                                                   CsArticle      *article);
gboolean        cs_graph_builder_has_article      (CsGraphBuilder *self,
                                                   const char     *file);
CsNodeType      cs_graph_builder_intern_type      (CsGraphBuilder *self,
                                                   const char     *name);
CsRelation      cs_graph_builder_intern_relation  (CsGraphBuilder *self,
                                                   const char     *name);
gboolean        cs_graph_builder_take_node        (CsGraphBuilder *self,
                                                   CsNode         *node);
gboolean        cs_graph_builder_lookup           (CsGraphBuilder *self,
                                                   const char     *id,
                                                   guint          *index);
guint           cs_graph_builder_get_n_nodes      (CsGraphBuilder *self);
const CsNode   *cs_graph_builder_get_node         (CsGraphBuilder *self,
                                                   guint           index);
void            cs_graph_builder_take_edge        (CsGraphBuilder *self,
                                                   CsEdge         *edge);
guint           cs_graph_builder_get_n_edges      (CsGraphBuilder *self);

/* The parts of a graph. Their lists start empty (sharing one empty array,
 * so a node without attributes costs nothing) and grow through the
 * _take_ functions, never by adding to the arrays directly. */
CsNode      *cs_node_new              (void);
void         cs_node_free             (CsNode      *node);
void         cs_node_take_attribute   (CsNode      *node,
                                       CsAttribute *attribute);
void         cs_node_take_event       (CsNode      *node,
                                       CsEvent     *event);
void         cs_node_take_source      (CsNode      *node,
                                       CsSource    *source);
CsEdge      *cs_edge_new              (void);
void         cs_edge_free             (CsEdge      *edge);
void         cs_edge_take_attribute   (CsEdge      *edge,
                                       CsAttribute *attribute);
void         cs_edge_take_source      (CsEdge      *edge,
                                       CsSource    *source);
CsSource    *cs_source_new            (const char  *file,
                                       const char  *quote);
void         cs_source_free           (CsSource    *source);
CsClaim     *cs_claim_new             (void);
void         cs_claim_free            (CsClaim     *claim);
void         cs_claim_take_source     (CsClaim     *claim,
                                       CsSource    *source);
CsAttribute *cs_attribute_new         (const char  *key);
void         cs_attribute_free        (CsAttribute *attribute);
void         cs_attribute_take_claim  (CsAttribute *attribute,
                                       CsClaim     *claim);
CsEvent     *cs_event_new             (void);
void         cs_event_free            (CsEvent     *event);
void         cs_event_take_source     (CsEvent     *event,
                                       CsSource    *source);
CsArticle   *cs_article_new           (const char  *file);
void         cs_article_free          (CsArticle   *article);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CsGraphBuilder, cs_graph_builder_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CsNode, cs_node_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CsEdge, cs_edge_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CsSource, cs_source_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CsClaim, cs_claim_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CsAttribute, cs_attribute_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CsEvent, cs_event_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CsArticle, cs_article_free)

G_END_DECLS
