/* cs-problem.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-problem.h"

#include <glib/gi18n-lib.h>
#include <string.h>

G_DEFINE_QUARK (cs-import-error-quark, cs_import_error)

/**
 * cs_problem_new:
 * @severity: an error, or a warning the file still loads with
 * @code: what kind of problem
 * @offset: the byte offset it is at, or %CS_PROBLEM_NO_OFFSET
 * @path: (nullable): where in the data, such as `edges[12].target`
 * @message: what is wrong
 *
 * Returns: (transfer full): the problem
 */
CsProblem *
cs_problem_new (CsProblemSeverity  severity,
                CsImportError      code,
                gsize              offset,
                const char        *path,
                const char        *message)
{
  CsProblem *problem = g_new0 (CsProblem, 1);

  g_return_val_if_fail (message != NULL, NULL);

  problem->severity = severity;
  problem->code = code;
  problem->offset = offset;
  problem->path = g_strdup (path);
  problem->message = g_strdup (message);
  return problem;
}

void
cs_problem_free (CsProblem *problem)
{
  if (problem == NULL)
    return;

  g_free (problem->path);
  g_free (problem->message);
  g_free (problem->file);
  g_free (problem);
}

/**
 * cs_problem_to_string:
 * @problem: a #CsProblem
 * @display_name: (nullable): the file name to start the text with
 *
 * Formats @problem as `FILE:LINE:COL: PATH: message`, leaving out the parts
 * that are unknown; FILE is the problem's own file when it has one.
 *
 * Returns: (transfer full): the text
 */
char *
cs_problem_to_string (const CsProblem *problem,
                      const char      *display_name)
{
  GString *str;

  g_return_val_if_fail (problem != NULL, NULL);

  str = g_string_new (problem->file != NULL ? problem->file : display_name);
  if (problem->line > 0)
    g_string_append_printf (str, "%s%u:%u", str->len ? ":" : "", problem->line, problem->column);
  if (str->len > 0)
    g_string_append (str, ": ");
  if (problem->severity == CS_PROBLEM_WARNING)
    /* TRANSLATORS: put before a problem the file still loads with, as in
     * “FILE:LINE:COL: warning: nodes[3]: …”; keep the colon and the space */
    g_string_append (str, _("warning: "));
  if (problem->path != NULL && problem->path[0] != '\0')
    g_string_append_printf (str, "%s: ", problem->path);
  g_string_append (str, problem->message);

  return g_string_free (str, FALSE);
}

/**
 * cs_problems_new:
 *
 * Returns: (transfer full) (element-type CsProblem): an empty list
 */
GPtrArray *
cs_problems_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify)cs_problem_free);
}

void
cs_problems_add (GPtrArray         *problems,
                 CsProblemSeverity  severity,
                 CsImportError      code,
                 gsize              offset,
                 const char        *path,
                 const char        *format,
                 ...)
{
  g_autofree char *message = NULL;
  va_list args;

  g_return_if_fail (problems != NULL);
  g_return_if_fail (format != NULL);

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (problems, cs_problem_new (severity, code, offset, path, message));
}

guint
cs_problems_count_errors (GPtrArray *problems)
{
  guint n = 0;

  g_return_val_if_fail (problems != NULL, 0);

  for (guint i = 0; i < problems->len; i++)
    n += ((const CsProblem *)g_ptr_array_index (problems, i))->severity == CS_PROBLEM_ERROR;
  return n;
}

static int
compare_offsets (gconstpointer a,
                 gconstpointer b)
{
  const CsProblem *pa = *(CsProblem *const *)a;
  const CsProblem *pb = *(CsProblem *const *)b;

  return (pa->offset > pb->offset) - (pa->offset < pb->offset);
}

/**
 * cs_problems_bom_length:
 * @data: a file's first bytes
 * @length: how many
 *
 * Returns: 3 when @data starts with a UTF-8 byte order mark, else 0
 */
gsize
cs_problems_bom_length (const char *data,
                        gsize       length)
{
  g_return_val_if_fail (data != NULL || length == 0, 0);

  return length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;
}

/**
 * cs_problems_resolve_positions:
 * @problems: (element-type CsProblem): problems with byte offsets into @data
 * @data: the text they were found in
 * @length: its length in bytes
 *
 * Sets each problem's line and column (in characters, as editors count
 * them) from its offset, in one pass over @data whatever the number of
 * problems: O(@length + p log p).
 */
void
cs_problems_resolve_positions (GPtrArray  *problems,
                               const char *data,
                               gsize       length)
{
  g_autoptr(GPtrArray) sorted = NULL;
  gsize cursor;
  guint line = 1;
  guint column = 1;

  g_return_if_fail (problems != NULL);
  g_return_if_fail (data != NULL || length == 0);

  sorted = g_ptr_array_sized_new (problems->len);
  for (guint i = 0; i < problems->len; i++)
    {
      CsProblem *problem = g_ptr_array_index (problems, i);

      if (problem->offset != CS_PROBLEM_NO_OFFSET && problem->offset <= length)
        g_ptr_array_add (sorted, problem);
    }
  g_ptr_array_sort (sorted, compare_offsets);
  cursor = cs_problems_bom_length (data, length);

  for (guint i = 0; i < sorted->len; i++)
    {
      CsProblem *problem = g_ptr_array_index (sorted, i);

      for (; cursor < problem->offset; cursor++)
        {
          guchar c = data[cursor];

          if (c == '\n')
            {
              line++;
              column = 1;
            }
          /* a character starts at every byte that does not continue one */
          else if ((c & 0xc0) != 0x80)
            column++;
        }
      problem->line = line;
      problem->column = column;
    }
}

/**
 * cs_problems_set_error:
 * @problems: (element-type CsProblem): problems with at least one error
 * @display_name: (nullable): the file's name for the message
 * @error: set to the first error, as `FILE:LINE:COL: PATH: problem (and N
 *   more problems)`
 */
void
cs_problems_set_error (GPtrArray   *problems,
                       const char  *display_name,
                       GError     **error)
{
  const CsProblem *first = NULL;
  g_autofree char *text = NULL;
  guint n_errors;

  g_return_if_fail (problems != NULL);

  n_errors = cs_problems_count_errors (problems);
  for (guint i = 0; first == NULL && i < problems->len; i++)
    {
      const CsProblem *problem = g_ptr_array_index (problems, i);

      if (problem->severity == CS_PROBLEM_ERROR)
        first = problem;
    }
  g_return_if_fail (first != NULL);

  text = cs_problem_to_string (first, display_name);
  if (n_errors > 1)
    g_set_error (error, CS_IMPORT_ERROR, first->code,
                 /* TRANSLATORS: %s is the first problem, “FILE:LINE:COL: PATH: problem”;
                  * %u is how many other problems the file has */
                 g_dngettext (GETTEXT_PACKAGE, "%s (and %u more problem)",
                              "%s (and %u more problems)", n_errors - 1),
                 text, n_errors - 1);
  else
    g_set_error_literal (error, CS_IMPORT_ERROR, first->code, text);
}
