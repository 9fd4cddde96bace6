/* fuzz-import.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-consortia-writer.h"
#include "cs-import.h"
#include "cs-importer.h"

#include <string.h>

/* A libFuzzer target for one importer (FUZZ_IMPORTER, set by the build), or
 * for the whole way in when it is "any": detection by content, the import,
 * the problems' positions, and, for a graph that loads, the writer and a
 * second import of what it wrote, which must load. Any crash, leak,
 * sanitizer report, GLib critical or hang is a bug (issue #12); a crash's
 * input is kept in tests/data/fuzz/ as a regression test. */

static CsImporter *
importer_named (const char *name)
{
  guint n_types;
  const GType *types = cs_importer_get_types (&n_types);

  for (guint i = 0; i < n_types; i++)
    {
      CsImporter *importer = g_object_new (types[i], NULL);

      if (g_str_equal (cs_importer_get_name (importer), name))
        return importer;
      g_object_unref (importer);
    }
  g_error ("no importer named “%s”", name);
}

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  static gboolean ready;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(CsGraph) graph = NULL;
  g_autoptr(GError) error = NULL;

  if (!ready)
    {
      /* a critical is a bug the fuzzer must see as a crash */
      g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
      ready = TRUE;
    }

  if (g_str_equal (FUZZ_IMPORTER, "any"))
    graph = cs_import_data ((const char *)data, size, "fuzz", NULL, &problems, &error);
  else
    {
      g_autoptr(CsImporter) importer = importer_named (FUZZ_IMPORTER);
      CsGraphBuilder *builder = cs_graph_builder_new ();

      problems = g_ptr_array_new_with_free_func ((GDestroyNotify)cs_problem_free);
      if (cs_importer_load (importer, (const char *)data, size, NULL, builder, problems, NULL) &&
          cs_problems_count_errors (problems) == 0)
        graph = cs_graph_builder_end (builder);
      else
        cs_graph_builder_free (builder);
      cs_problems_resolve_positions (problems, (const char *)data, size);
    }

  if (graph != NULL)
    {
      g_autoptr(GBytes) text = cs_consortia_writer_to_bytes (graph, NULL, NULL, NULL, -1, NULL);
      g_autoptr(GError) again_error = NULL;
      g_autoptr(CsGraph) again = cs_import_data (g_bytes_get_data (text, NULL),
                                                 g_bytes_get_size (text), "written", NULL, NULL,
                                                 &again_error);

      /* what the writer writes, the importer reads */
      if (again == NULL)
        g_error ("the written graph does not load: %s", again_error->message);
      if (cs_graph_get_n_nodes (again) != cs_graph_get_n_nodes (graph) ||
          cs_graph_get_n_edges (again) != cs_graph_get_n_edges (graph))
        g_error ("the written graph lost nodes or edges");
    }
  return 0;
}
