/* cs-foreign-graph-private.h
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cs-graph-builder.h"
#include "cs-problem.h"

G_BEGIN_DECLS

/* What every importer of another program's format does the same way:
 * ids Consortia can save, labels from the usual keys, positions from x and
 * y, duplicate ids, edges to unknown nodes, self-loops and parallel edges,
 * each reported as a warning at its place (the first few of a kind, then
 * how many more). Edges are resolved at the end, so a file may name a node
 * in an edge before it declares it. */

/* The longest id read, in bytes; a longer one is an error */
#define CS_FOREIGN_MAX_ID_LENGTH 4096

typedef enum
{
  CS_FOREIGN_WARNING_DUPLICATE_NODE,
  CS_FOREIGN_WARNING_UNKNOWN_NODE,
  CS_FOREIGN_WARNING_SELF_LOOP,
  CS_FOREIGN_WARNING_PARALLEL_EDGE,
  CS_FOREIGN_WARNING_NODE_ID,
  CS_FOREIGN_WARNING_EDGE_ID,
  CS_FOREIGN_WARNING_VALUE,
  CS_FOREIGN_WARNING_UNSUPPORTED,
  CS_FOREIGN_WARNING_OTHER,
  CS_FOREIGN_N_WARNINGS
} CsForeignWarning;

/* A node as a file describes it, before it is taken */
typedef struct
{
  char      *id;           /* as the file writes it */
  gsize      offset;
  char      *label;        /* the format's own label, nullable: else the usual keys, else the id */
  char      *description;  /* nullable */
  GPtrArray *attributes;   /* CsAttribute, in the file's order */
  gboolean   has_position;
  double     x;
  double     y;
} CsForeignNode;

typedef struct
{
  char      *id;           /* nullable */
  char      *source;       /* node ids as the file writes them */
  char      *target;
  gsize      offset;
  gboolean   directed;
  GPtrArray *attributes;   /* CsAttribute */
} CsForeignEdge;

typedef struct _CsForeignGraph CsForeignGraph;

CsForeignGraph *_cs_foreign_graph_new            (CsGraphBuilder   *builder,
                                                  GPtrArray        *problems,
                                                  const char       *format);
void            _cs_foreign_graph_free           (CsForeignGraph   *self);
void            _cs_foreign_graph_warn           (CsForeignGraph   *self,
                                                  CsForeignWarning  kind,
                                                  gsize             offset,
                                                  const char       *format,
                                                  ...) G_GNUC_PRINTF (4, 5);
void            _cs_foreign_graph_error          (CsForeignGraph   *self,
                                                  CsImportError     code,
                                                  gsize             offset,
                                                  const char       *format,
                                                  ...) G_GNUC_PRINTF (4, 5);
gboolean        _cs_foreign_graph_failed         (CsForeignGraph   *self);
gboolean        _cs_foreign_graph_check_text     (CsForeignGraph   *self,
                                                  const char       *data,
                                                  gsize             length);
gboolean        _cs_foreign_graph_check_choice   (CsForeignGraph   *self,
                                                  guint             n_graphs,
                                                  guint             chosen,
                                                  gsize             offset,
                                                  const char       *id);
gboolean        _cs_foreign_graph_check_id       (CsForeignGraph   *self,
                                                  const char       *id,
                                                  gsize             offset,
                                                  const char       *what);
void            _cs_foreign_graph_set_metadata   (CsForeignGraph   *self,
                                                  const char       *title,
                                                  const char       *description,
                                                  const char       *date);
gboolean        _cs_foreign_graph_take_node      (CsForeignGraph   *self,
                                                  CsForeignNode    *node);
void            _cs_foreign_graph_take_edge      (CsForeignGraph   *self,
                                                  CsForeignEdge    *edge);
guint           _cs_foreign_graph_get_n_nodes    (CsForeignGraph   *self);
guint           _cs_foreign_graph_get_n_edges    (CsForeignGraph   *self);
gboolean        _cs_foreign_graph_finish         (CsForeignGraph   *self,
                                                  GCancellable     *cancellable);

CsForeignNode  *_cs_foreign_node_new             (const char       *id,
                                                  gsize             offset);
void            _cs_foreign_node_free            (CsForeignNode    *node);
gboolean        _cs_foreign_node_set_position    (CsForeignNode    *node,
                                                  double            x,
                                                  double            y);
CsForeignEdge  *_cs_foreign_edge_new             (const char       *source,
                                                  const char       *target,
                                                  gsize             offset);
void            _cs_foreign_edge_free            (CsForeignEdge    *edge);

GPtrArray      *_cs_foreign_attributes_new       (void);
void            _cs_foreign_attributes_add       (GPtrArray        *attributes,
                                                  const char       *key,
                                                  const char       *value,
                                                  const char       *note);
const char     *_cs_foreign_attributes_get       (GPtrArray        *attributes,
                                                  const char       *key);
gboolean        _cs_foreign_parse_double         (const char       *text,
                                                  double           *value);
gboolean        _cs_foreign_parse_integer        (const char       *text,
                                                  gint64           *value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CsForeignGraph, _cs_foreign_graph_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CsForeignNode, _cs_foreign_node_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CsForeignEdge, _cs_foreign_edge_free)

G_END_DECLS
