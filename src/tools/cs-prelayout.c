/* cs-prelayout.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* consortia-prelayout GRAPH OUT: a layout cache entry (cs-layout-cache.c)
 * for GRAPH as the window lays it out, written when the program is built
 * so the bundled graph opens without its layout being computed. The
 * window's own path: the importer, the renderer's radii, the layout. */

#include "config.h"

#include <stdio.h>

#include "cs-import.h"
#include "cs-layout-cache.h"
#include "cs-node-radii.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(CsGraph) graph = NULL;
  g_autoptr(CsLayoutParams) params = NULL;
  g_autoptr(CsPositions) positions = NULL;
  g_autoptr(GBytes) entry = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;
  CsImportOptions options = { 0 };

  if (argc != 3)
    {
      fprintf (stderr, "usage: %s GRAPH OUT\n", argv[0]);
      return 2;
    }
  file = g_file_new_for_commandline_arg (argv[1]);
  graph = cs_import_file_full (argv[1], &options, NULL, NULL, &error);
  if (graph != NULL)
    {
      params = cs_node_radii_new_layout_params (graph);
      key = cs_layout_cache_key_for_file (file, NULL, 0, params, NULL, &error);
    }
  if (key != NULL)
    positions = cs_layout_run (graph, params, NULL, &error);
  if (positions != NULL)
    {
      entry = cs_layout_cache_entry_new (key, positions);
      g_file_set_contents (argv[2], g_bytes_get_data (entry, NULL), g_bytes_get_size (entry),
                           &error);
    }
  if (error != NULL)
    {
      fprintf (stderr, "%s: %s: %s\n", argv[0], argv[1], error->message);
      return 1;
    }
  return 0;
}
