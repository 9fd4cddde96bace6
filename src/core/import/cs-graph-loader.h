/* cs-graph-loader.h
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cs-graph.h"

G_BEGIN_DECLS

#define CS_GRAPH_LOADER_ERROR (cs_graph_loader_error_quark ())

typedef enum
{
  CS_GRAPH_LOADER_ERROR_FAILED,
  CS_GRAPH_LOADER_ERROR_IO,
  CS_GRAPH_LOADER_ERROR_TOO_LARGE,
  CS_GRAPH_LOADER_ERROR_EMPTY,
  CS_GRAPH_LOADER_ERROR_ENCODING,
  CS_GRAPH_LOADER_ERROR_TOO_DEEP,
  CS_GRAPH_LOADER_ERROR_SYNTAX,
  CS_GRAPH_LOADER_ERROR_ROOT,
  CS_GRAPH_LOADER_ERROR_FORMAT,
  CS_GRAPH_LOADER_ERROR_VERSION,
  CS_GRAPH_LOADER_ERROR_MISSING,
  CS_GRAPH_LOADER_ERROR_TYPE,
  CS_GRAPH_LOADER_ERROR_VALUE,
  CS_GRAPH_LOADER_ERROR_NON_FINITE,
  CS_GRAPH_LOADER_ERROR_DUPLICATE_ID,
  CS_GRAPH_LOADER_ERROR_UNKNOWN_NODE,
  CS_GRAPH_LOADER_ERROR_UNKNOWN_MEMBER,
  CS_GRAPH_LOADER_ERROR_UNKNOWN_SOURCE,
} CsGraphLoaderError;

typedef enum
{
  CS_PROBLEM_ERROR,
  CS_PROBLEM_WARNING,
} CsProblemSeverity;

typedef struct
{
  CsProblemSeverity   severity;
  CsGraphLoaderError  code;
  guint               line;   /* 1-based, 0 when unknown */
  guint               column; /* 1-based, in characters, 0 when unknown */
  char               *path;   /* JSON path such as edges[12].target, nullable */
  char               *message;
} CsProblem;

#define CS_GRAPH_LOADER_MAX_DEPTH 512
#define CS_GRAPH_LOADER_MAX_SIZE  (256 * 1024 * 1024)

GQuark    cs_graph_loader_error_quark (void);
CsGraph  *cs_graph_loader_load_file   (const char       *filename,
                                       GPtrArray       **problems,
                                       GError          **error);
CsGraph  *cs_graph_loader_load_data   (const char       *data,
                                       gsize             length,
                                       const char       *display_name,
                                       GPtrArray       **problems,
                                       GError          **error);
char     *cs_problem_to_string        (const CsProblem  *problem,
                                       const char       *display_name);
void      cs_problem_free             (CsProblem        *problem);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CsProblem, cs_problem_free)

G_END_DECLS
