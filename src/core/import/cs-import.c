/* cs-import.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-import.h"

#include "cs-importer.h"

#include <csv.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <libxml/xmlversion.h>

#include <string.h>

/* The one way into a graph: whatever the format, the file is mapped,
 * recognised by its content, read by its importer into a builder, and
 * every problem gets its line and column in one pass at the end. */

static gboolean
is_blank (const char *data,
          gsize       length)
{
  for (gsize i = 0; i < length; i++)
    {
      if (!g_ascii_isspace (data[i]))
        return FALSE;
    }
  return TRUE;
}

static char *
format_names (void)
{
  GString *names = g_string_new (NULL);
  guint n_types;
  const GType *types = cs_importer_get_types (&n_types);

  for (guint i = 0; i < n_types; i++)
    {
      g_autoptr(CsImporter) importer = g_object_new (types[i], NULL);

      g_string_append_printf (names, "%s%s", i > 0 ? ", " : "",
                              cs_importer_get_display_name (importer));
    }
  return g_string_free (names, FALSE);
}

/**
 * cs_import_data:
 * @data: the file's bytes
 * @length: the number of bytes in @data
 * @display_name: (nullable): the name to put in messages, usually the file
 *   name; its extension helps recognise the format
 * @cancellable: (nullable): stops the import
 * @problems: (out) (optional) (transfer full) (element-type CsProblem):
 *   every problem found, errors and warnings
 * @error: the first error, formatted as `FILE:LINE:COL: PATH: problem`, or
 *   %G_IO_ERROR_CANCELLED
 *
 * Reads a graph in any format Consortia knows. Never aborts on bad input;
 * linear in @length. Thread safe.
 *
 * Returns: (transfer full) (nullable): the graph, or %NULL when there is an error
 */
CsGraph *
cs_import_data (const char    *data,
                gsize          length,
                const char    *display_name,
                GCancellable  *cancellable,
                GPtrArray    **problems,
                GError       **error)
{
  return cs_import_data_full (data, length, display_name, NULL, cancellable, problems, error);
}

/**
 * cs_import_data_full:
 * @data: the file's bytes
 * @length: their number
 * @display_name: (nullable): the file's name, for messages
 * @options: (nullable): what the command line or the import dialog says
 *   beyond the bytes
 * @cancellable: (nullable): a #GCancellable
 * @problems: (out) (optional) (transfer full): as for cs_import_data()
 * @error: as for cs_import_data()
 *
 * As cs_import_data(), with options for the importer.
 *
 * Returns: (transfer full) (nullable): the graph
 */
CsGraph *
cs_import_data_full (const char             *data,
                     gsize                   length,
                     const char             *display_name,
                     const CsImportOptions  *options,
                     GCancellable           *cancellable,
                     GPtrArray             **problems,
                     GError                **error)
{
  g_autoptr(GPtrArray) found = cs_problems_new ();
  g_autoptr(CsGraphBuilder) builder = NULL;
  g_autoptr(CsImporter) importer = NULL;
  gboolean ok = FALSE;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = data != NULL ? data : "";

  if (length > CS_IMPORT_MAX_SIZE)
    cs_problems_add (found, CS_PROBLEM_ERROR, CS_IMPORT_ERROR_TOO_LARGE, CS_PROBLEM_NO_OFFSET, NULL,
                     _("the file is larger than %d MiB"), CS_IMPORT_MAX_SIZE / (1024 * 1024));
  else if (is_blank (data + cs_problems_bom_length (data, length),
                     length - cs_problems_bom_length (data, length)))
    cs_problems_add (found, CS_PROBLEM_ERROR, CS_IMPORT_ERROR_EMPTY, CS_PROBLEM_NO_OFFSET, NULL,
                     _("the file is empty"));
  else if ((importer = cs_importer_new_for_data (data, length, display_name)) == NULL)
    {
      g_autofree char *names = format_names ();

      cs_problems_add (found, CS_PROBLEM_ERROR, CS_IMPORT_ERROR_UNKNOWN_FORMAT,
                       CS_PROBLEM_NO_OFFSET, NULL,
                       /* TRANSLATORS: %s lists the formats' names, “GraphML, GML, …” */
                       _("not a graph format Consortia reads (it reads: %s)"), names);
    }
  else
    {
      builder = cs_graph_builder_new ();
      /* the format it came from (Save writes our own format elsewhere); an
       * importer that keeps the text for its writer says so itself */
      cs_graph_builder_set_source (builder, cs_importer_get_name (importer), NULL);
      ok = cs_importer_load (importer, data, length, options, builder, found, cancellable);
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  cs_problems_resolve_positions (found, data, length);
  if (problems != NULL)
    *problems = g_ptr_array_ref (found);

  if (!ok || cs_problems_count_errors (found) > 0)
    {
      if (cs_problems_count_errors (found) == 0)
        cs_problems_add (found, CS_PROBLEM_ERROR, CS_IMPORT_ERROR_FAILED, CS_PROBLEM_NO_OFFSET,
                         NULL,
                         /* TRANSLATORS: %s is the importer's name, such as graphml */
                         _("the %s importer failed without saying why"),
                         cs_importer_get_name (importer));
      cs_problems_set_error (found, display_name, error);
      return NULL;
    }

  return cs_graph_builder_end (g_steal_pointer (&builder));
}

/**
 * cs_import_file:
 * @filename: a path in the GLib file name encoding
 * @cancellable: (nullable): stops the import
 * @problems: (out) (optional) (transfer full) (element-type CsProblem):
 *   every problem found
 * @error: the first error
 *
 * Maps and reads a graph file; see cs_import_data(). Messages name the
 * file as @filename is written. Thread safe.
 *
 * Returns: (transfer full) (nullable): the graph
 */
CsGraph *
cs_import_file (const char    *filename,
                GCancellable  *cancellable,
                GPtrArray    **problems,
                GError       **error)
{
  return cs_import_file_full (filename, NULL, cancellable, problems, error);
}

/**
 * cs_import_file_full:
 * @filename: the file
 * @options: (nullable): what the command line or the import dialog says
 *   beyond the bytes
 * @cancellable: (nullable): a #GCancellable
 * @problems: (out) (optional) (transfer full): as for cs_import_file()
 * @error: as for cs_import_file()
 *
 * As cs_import_file(), with options for the importer.
 *
 * Returns: (transfer full) (nullable): the graph
 */
CsGraph *
cs_import_file_full (const char             *filename,
                     const CsImportOptions  *options,
                     GCancellable           *cancellable,
                     GPtrArray             **problems,
                     GError                **error)
{
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *display_name = NULL;

  g_return_val_if_fail (filename != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display_name = g_filename_display_name (filename);
  mapped = g_mapped_file_new (filename, FALSE, &local_error);
  if (mapped == NULL)
    {
      if (problems != NULL)
        {
          *problems = cs_problems_new ();
          g_ptr_array_add (*problems, cs_problem_new (CS_PROBLEM_ERROR, CS_IMPORT_ERROR_IO,
                                                      CS_PROBLEM_NO_OFFSET, NULL,
                                                      local_error->message));
        }
      g_set_error (error, CS_IMPORT_ERROR, CS_IMPORT_ERROR_IO, "%s", local_error->message);
      return NULL;
    }

  return cs_import_data_full (g_mapped_file_get_contents (mapped),
                              g_mapped_file_get_length (mapped), display_name, options,
                              cancellable, problems, error);
}

/**
 * cs_import_get_library_version:
 *
 * Returns: the parsers' versions, one line each: json-glib, libxml2,
 *   Graphviz's cgraph and libcsv
 */
const char *
cs_import_get_library_version (void)
{
  return "json-glib " JSON_VERSION_S "\n"
         "libxml2 " LIBXML_DOTTED_VERSION "\n"
         "cgraph (Graphviz) " CS_CGRAPH_VERSION "\n"
         "libcsv " G_STRINGIFY (CSV_MAJOR) "." G_STRINGIFY (CSV_MINOR) "." G_STRINGIFY (CSV_RELEASE);
}
