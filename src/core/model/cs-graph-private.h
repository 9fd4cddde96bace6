/* cs-graph-private.h
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cs-graph.h"

G_BEGIN_DECLS

/* Construction, for the loader only: a graph is immutable once sealed. */
CsGraph  *_cs_graph_new          (void);
void      _cs_graph_set_metadata (CsGraph     *self,
                                  const char  *title,
                                  const char  *title_en,
                                  const char  *description,
                                  const char  *date);
void      _cs_graph_set_layout   (CsGraph     *self,
                                  const char  *algorithm,
                                  gboolean     has_seed,
                                  guint32      seed);
void      _cs_graph_take_article (CsGraph     *self,
                                  CsArticle   *article);
gboolean  _cs_graph_has_article  (CsGraph     *self,
                                  const char  *file);
gboolean  _cs_graph_take_node    (CsGraph     *self,
                                  CsNode      *node);
void      _cs_graph_take_edge    (CsGraph     *self,
                                  CsEdge      *edge);
void      _cs_graph_seal         (CsGraph     *self);

CsNode      *_cs_node_new       (void);
void         _cs_node_free      (CsNode      *node);
CsEdge      *_cs_edge_new       (void);
void         _cs_edge_free      (CsEdge      *edge);
CsSource    *_cs_source_new     (const char  *file,
                                 const char  *quote);
void         _cs_source_free    (CsSource    *source);
CsClaim     *_cs_claim_new      (void);
void         _cs_claim_free     (CsClaim     *claim);
CsAttribute *_cs_attribute_new  (const char  *key);
void         _cs_attribute_free (CsAttribute *attribute);
CsEvent     *_cs_event_new      (void);
void         _cs_event_free     (CsEvent     *event);
CsArticle   *_cs_article_new    (const char  *file);
void         _cs_article_free   (CsArticle   *article);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CsNode, _cs_node_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CsEdge, _cs_edge_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CsClaim, _cs_claim_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CsAttribute, _cs_attribute_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CsEvent, _cs_event_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CsArticle, _cs_article_free)

G_END_DECLS
