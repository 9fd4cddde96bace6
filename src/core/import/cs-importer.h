/* cs-importer.h
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cs-graph-builder.h"
#include "cs-problem.h"

G_BEGIN_DECLS

/* What the command line or the import dialog says about a file, beyond
 * its bytes; every member optional */
typedef struct
{
  guint       graph;      /* which graph of a file holding several (0: the first) */
  const char *nodes_path; /* a node table for an edge list (CSV); nullable */
  const char *base_path;  /* the file's own path, for messages; nullable */
} CsImportOptions;

#define CS_TYPE_IMPORTER (cs_importer_get_type ())

G_DECLARE_DERIVABLE_TYPE (CsImporter, cs_importer, CS, IMPORTER, GObject)

/* One file format. A format is one subclass in its own file, listed once
 * in cs-importer.c's registry; everything else (the file chooser, the
 * command line, error messages) learns of it from there. */
struct _CsImporterClass
{
  GObjectClass parent_class;

  const char        *name;         /* "consortia": short, for the command line */
  const char        *display_name; /* "Consortia graph": for the file chooser */
  const char *const *mime_types;   /* NULL-terminated */
  const char *const *extensions;   /* NULL-terminated, without the dot */

  /* How sure the importer is, from the first bytes of the file, that it
   * reads it: 0 (not at all) to 100 (certain). Content decides first; the
   * file name's extension only breaks ties. */
  guint     (*sniff) (CsImporter      *self,
                      const char      *head,
                      gsize            length);

  /* Reads @data into @builder. Problems go into @problems with their byte
   * offsets into @data; the load fails when one of them is an error.
   * Runs in a worker thread; it should check @cancellable now and then. */
  gboolean  (*load)  (CsImporter            *self,
                      const char            *data,
                      gsize                  length,
                      const CsImportOptions *options,
                      CsGraphBuilder        *builder,
                      GPtrArray             *problems,
                      GCancellable          *cancellable);
};

const GType *cs_importer_get_types          (guint        *n_types);
CsImporter  *cs_importer_new_for_data       (const char   *data,
                                             gsize         length,
                                             const char   *filename);
const char  *cs_importer_get_name           (CsImporter   *self);
const char  *cs_importer_get_display_name   (CsImporter   *self);
guint        cs_importer_sniff              (CsImporter   *self,
                                             const char   *head,
                                             gsize         length);
gboolean     cs_importer_matches_extension  (CsImporter   *self,
                                             const char   *filename);
gboolean     cs_importer_load               (CsImporter   *self,
                                             const char   *data,
                                             gsize         length,
                                             const CsImportOptions *options,
                                             CsGraphBuilder *builder,
                                             GPtrArray    *problems,
                                             GCancellable *cancellable);

G_END_DECLS
