/* cs-problem.h
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CS_IMPORT_ERROR (cs_import_error_quark ())

typedef enum
{
  CS_IMPORT_ERROR_FAILED,
  CS_IMPORT_ERROR_IO,
  CS_IMPORT_ERROR_TOO_LARGE,
  CS_IMPORT_ERROR_EMPTY,
  CS_IMPORT_ERROR_ENCODING,
  CS_IMPORT_ERROR_TOO_DEEP,
  CS_IMPORT_ERROR_SYNTAX,
  CS_IMPORT_ERROR_ROOT,
  CS_IMPORT_ERROR_FORMAT,
  CS_IMPORT_ERROR_VERSION,
  CS_IMPORT_ERROR_MISSING,
  CS_IMPORT_ERROR_TYPE,
  CS_IMPORT_ERROR_VALUE,
  CS_IMPORT_ERROR_NON_FINITE,
  CS_IMPORT_ERROR_DUPLICATE_ID,
  CS_IMPORT_ERROR_UNKNOWN_NODE,
  CS_IMPORT_ERROR_UNKNOWN_MEMBER,
  CS_IMPORT_ERROR_UNKNOWN_SOURCE,
  CS_IMPORT_ERROR_UNKNOWN_FORMAT,
  CS_IMPORT_ERROR_OPTION, /* an import option the file cannot meet (--graph, --nodes) */
} CsImportError;

typedef enum
{
  CS_PROBLEM_ERROR,
  CS_PROBLEM_WARNING,
} CsProblemSeverity;

#define CS_PROBLEM_NO_OFFSET G_MAXSIZE

/* One problem in a file. Importers give its byte offset; the line and
 * column are worked out once, for all the problems of a file together
 * (cs_problems_resolve_positions()). */
typedef struct
{
  CsProblemSeverity  severity;
  CsImportError      code;
  gsize              offset; /* byte offset, CS_PROBLEM_NO_OFFSET when unknown */
  guint              line;   /* 1-based, 0 when unknown */
  guint              column; /* 1-based, in characters, 0 when unknown */
  char              *path;   /* where in the data, such as edges[12].target; nullable */
  char              *message;
  char              *file;   /* another file than the one read (a node table); nullable */
} CsProblem;

GQuark      cs_import_error_quark          (void);
CsProblem  *cs_problem_new                 (CsProblemSeverity  severity,
                                            CsImportError      code,
                                            gsize              offset,
                                            const char        *path,
                                            const char        *message);
void        cs_problem_free                (CsProblem         *problem);
char       *cs_problem_to_string           (const CsProblem   *problem,
                                            const char        *display_name);
GPtrArray  *cs_problems_new                (void);
void        cs_problems_add                (GPtrArray         *problems,
                                            CsProblemSeverity  severity,
                                            CsImportError      code,
                                            gsize              offset,
                                            const char        *path,
                                            const char        *format,
                                            ...) G_GNUC_PRINTF (6, 7);
guint       cs_problems_count_errors       (GPtrArray         *problems);
gsize       cs_problems_bom_length         (const char        *data,
                                            gsize              length);
void        cs_problems_resolve_positions  (GPtrArray         *problems,
                                            const char        *data,
                                            gsize              length);
void        cs_problems_set_error          (GPtrArray         *problems,
                                            const char        *display_name,
                                            GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CsProblem, cs_problem_free)

G_END_DECLS
