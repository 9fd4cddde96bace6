/* cs-importer.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-importer.h"

#include "cs-consortia-importer.h"
#include "cs-csv-importer.h"
#include "cs-cytoscape-importer.h"
#include "cs-dot-importer.h"
#include "cs-gexf-importer.h"
#include "cs-gml-importer.h"
#include "cs-graphml-importer.h"
#include "cs-graphology-importer.h"
#include "cs-jgf-importer.h"
#include "cs-node-link-importer.h"
#include "cs-pajek-importer.h"

#include <string.h>

/* How much of a file the importers see to recognise it */
#define SNIFF_LENGTH (64 * 1024)

G_DEFINE_ABSTRACT_TYPE (CsImporter, cs_importer, G_TYPE_OBJECT)

static void
cs_importer_class_init (CsImporterClass *klass)
{
}

static void
cs_importer_init (CsImporter *self)
{
}

/**
 * cs_importer_get_types:
 * @n_types: (out): how many
 *
 * The registry: every format Consortia reads, in the order the file
 * chooser lists them.
 *
 * Returns: (array length=n_types) (transfer none): the importer types
 */
const GType *
cs_importer_get_types (guint *n_types)
{
  static GType types[11];
  static gsize ready;

  g_return_val_if_fail (n_types != NULL, NULL);

  if (g_once_init_enter (&ready))
    {
      types[0] = CS_TYPE_CONSORTIA_IMPORTER;
      types[1] = CS_TYPE_JGF_IMPORTER;
      types[2] = CS_TYPE_NODE_LINK_IMPORTER;
      types[3] = CS_TYPE_CYTOSCAPE_IMPORTER;
      types[4] = CS_TYPE_GRAPHOLOGY_IMPORTER;
      types[5] = CS_TYPE_GRAPHML_IMPORTER;
      types[6] = CS_TYPE_GEXF_IMPORTER;
      types[7] = CS_TYPE_GML_IMPORTER;
      types[8] = CS_TYPE_PAJEK_IMPORTER;
      types[9] = CS_TYPE_DOT_IMPORTER;
      types[10] = CS_TYPE_CSV_IMPORTER;
      g_once_init_leave (&ready, 1);
    }
  *n_types = G_N_ELEMENTS (types);
  return types;
}

/**
 * cs_importer_new_for_data:
 * @data: the file's contents
 * @length: their length
 * @filename: (nullable): the file's name, for its extension
 *
 * Picks the importer whose sniff is surest of @data; among equals, and
 * when none recognises the content, the one that claims the extension.
 *
 * Returns: (transfer full) (nullable): the importer, or %NULL when no
 *   format fits
 */
CsImporter *
cs_importer_new_for_data (const char *data,
                          gsize       length,
                          const char *filename)
{
  g_autoptr(CsImporter) best = NULL;
  guint best_score = 0;
  guint n_types;
  const GType *types = cs_importer_get_types (&n_types);

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  for (guint i = 0; i < n_types; i++)
    {
      g_autoptr(CsImporter) importer = g_object_new (types[i], NULL);
      gboolean extension = filename != NULL && cs_importer_matches_extension (importer, filename);
      /* content first: the extension adds less than one step of certainty */
      guint score = 2 * cs_importer_sniff (importer, data, MIN (length, SNIFF_LENGTH)) + !!extension;

      if (score > best_score)
        {
          best_score = score;
          g_set_object (&best, importer);
        }
    }
  return g_steal_pointer (&best);
}

const char *
cs_importer_get_name (CsImporter *self)
{
  g_return_val_if_fail (CS_IS_IMPORTER (self), NULL);

  return CS_IMPORTER_GET_CLASS (self)->name;
}

const char *
cs_importer_get_display_name (CsImporter *self)
{
  g_return_val_if_fail (CS_IS_IMPORTER (self), NULL);

  return CS_IMPORTER_GET_CLASS (self)->display_name;
}

guint
cs_importer_sniff (CsImporter *self,
                   const char *head,
                   gsize       length)
{
  g_return_val_if_fail (CS_IS_IMPORTER (self), 0);
  g_return_val_if_fail (head != NULL || length == 0, 0);

  return MIN (CS_IMPORTER_GET_CLASS (self)->sniff (self, head != NULL ? head : "", length), 100);
}

/**
 * cs_importer_matches_extension:
 * @self: an importer
 * @filename: a file name or path
 *
 * Returns: %TRUE when @filename ends in one of the format's extensions,
 *   in any case
 */
gboolean
cs_importer_matches_extension (CsImporter *self,
                               const char *filename)
{
  const char *const *extensions;
  const char *dot;

  g_return_val_if_fail (CS_IS_IMPORTER (self), FALSE);
  g_return_val_if_fail (filename != NULL, FALSE);

  extensions = CS_IMPORTER_GET_CLASS (self)->extensions;
  dot = strrchr (filename, '.');
  if (dot == NULL || extensions == NULL || strchr (dot, '/') != NULL)
    return FALSE;
  for (guint i = 0; extensions[i] != NULL; i++)
    {
      if (g_ascii_strcasecmp (dot + 1, extensions[i]) == 0)
        return TRUE;
    }
  return FALSE;
}

gboolean
cs_importer_load (CsImporter            *self,
                  const char            *data,
                  gsize                  length,
                  const CsImportOptions *options,
                  CsGraphBuilder        *builder,
                  GPtrArray      *problems,
                  GCancellable   *cancellable)
{
  g_return_val_if_fail (CS_IS_IMPORTER (self), FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (builder != NULL, FALSE);
  g_return_val_if_fail (problems != NULL, FALSE);

  static const CsImportOptions none = { 0 };

  return CS_IMPORTER_GET_CLASS (self)->load (self, data != NULL ? data : "", length,
                                             options != NULL ? options : &none, builder, problems,
                                             cancellable);
}
