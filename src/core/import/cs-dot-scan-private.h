/* cs-dot-scan-private.h
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* What Consortia reads of a DOT file at most; cgraph holds the whole graph
 * in memory and takes about 17 µs an edge (1,000,000 edges: 17 s, 300 MB) */
#define CS_DOT_MAX_NODES        1000000
#define CS_DOT_MAX_EDGES        1000000
#define CS_DOT_MAX_MEMBERSHIPS  4000000  /* a node or edge in a subgraph */
#define CS_DOT_MAX_VALUES       32000000 /* attribute values cgraph keeps */
#define CS_DOT_MAX_DEPTH        512      /* subgraphs in subgraphs */

/* A first pass over a DOT file with a lexer of our own that splits it as
 * cgraph's does: where each graph of the file starts and ends, what the
 * graph asked for would cost cgraph at most (a statement linking two
 * subgraphs makes an edge for every pair of their nodes, so a small file
 * can ask for billions), and where its nodes, subgraphs and edges are
 * written, which cgraph does not say. */
typedef struct
{
  gboolean    found;      /* the file holds the graph asked for */
  guint       n_graphs;   /* graphs in the file (up to the one asked for, when
                           * it does not close) */
  gsize       start;      /* the graph's bytes: from the end of the one before */
  gsize       end;        /* to its closing brace */
  gboolean    closed;     /* it has one */
  gsize       header;     /* its first token */
  gsize       trailing;   /* text after the last graph, or CS_PROBLEM_NO_OFFSET;
                           * without a graph, the first text */
  guint       start_line; /* the line of @start as cgraph counts them (below) */
  gsize       unclosed;   /* a string or comment of the graph that is never
                           * closed, or CS_PROBLEM_NO_OFFSET */
  char        unclosed_kind; /* '"', '<' or '/' (a comment) */

  GHashTable *nodes;      /* node name → offset of its first mention + 1 */
  GHashTable *subgraphs;  /* subgraph name → offset of its first "subgraph" + 1 */
  GHashTable *edges;      /* "tail\x1fhead" → GArray of the offsets of the edge
                           * operators between those two nodes, in order */
  GHashTable *attributes; /* the graph's own attribute → offset of its first setting + 1 */

  /* where _cs_dot_scan_line_start() got to */
  const char *walk_data;
  gsize       walk_length;
  gsize       walk_pos;
  guint       walk_line;
  guint       walk_state;
  guint       walk_nest;
} CsDotScan;

CsDotScan *_cs_dot_scan_new            (const char    *data,
                                        gsize          length,
                                        guint          graph,
                                        GPtrArray     *problems,
                                        GCancellable  *cancellable);
void       _cs_dot_scan_free           (CsDotScan     *self);
gsize      _cs_dot_scan_node_offset    (CsDotScan     *self,
                                        const char    *name);
gsize      _cs_dot_scan_subgraph_offset (CsDotScan    *self,
                                        const char    *name);
gsize      _cs_dot_scan_edge_offset    (CsDotScan     *self,
                                        const char    *tail,
                                        const char    *head,
                                        guint          nth);
gsize      _cs_dot_scan_attribute_offset (CsDotScan   *self,
                                        const char    *name);
gsize      _cs_dot_scan_line_start     (CsDotScan     *self,
                                        guint          line);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CsDotScan, _cs_dot_scan_free)

G_END_DECLS
