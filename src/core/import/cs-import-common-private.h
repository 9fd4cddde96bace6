/* cs-import-common-private.h
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cs-graph-builder.h"
#include "cs-problem.h"

G_BEGIN_DECLS

/* What importers of other formats share: ids the Consortia format accepts
 * for names it does not, words for types and relations, text checks. */

/* The Consortia format's ids are letters, digits and _ . : -, starting with
 * a letter or a digit, at most 200 bytes (data/README.md); other formats
 * name nodes with anything. An id map gives each name of the file an id
 * of ours: the name itself when it is one, else one made from it. */
typedef struct _CsIdMap CsIdMap;

#define CS_ID_MAX_LENGTH 200

CsIdMap    *_cs_id_map_new                (void);
void        _cs_id_map_free               (CsIdMap    *self);
void        _cs_id_map_reserve            (CsIdMap    *self,
                                           const char *name);
const char *_cs_id_map_assign             (CsIdMap    *self,
                                           const char *name);
const char *_cs_id_map_lookup             (CsIdMap    *self,
                                           const char *name);
const char *_cs_id_map_make               (CsIdMap    *self,
                                           const char *wanted);
guint       _cs_id_map_get_n_renamed      (CsIdMap    *self);
const char *_cs_id_map_get_first_renamed  (CsIdMap    *self,
                                           const char **id);

gboolean     _cs_import_is_valid_id       (const char *id);
char        *_cs_import_word              (const char *text);
CsAttribute *_cs_import_attribute_new     (const char *key,
                                           const char *value);
gboolean     _cs_import_check_text        (const char *data,
                                           gsize       length,
                                           GPtrArray  *problems);

/* Warnings of one kind past this many are counted, not listed */
#define CS_IMPORT_WARNINGS_PER_KIND 100

void         _cs_import_warn              (GPtrArray     *problems,
                                           guint         *count,
                                           CsImportError  code,
                                           gsize          offset,
                                           const char    *format,
                                           ...) G_GNUC_PRINTF (5, 6);
guint        _cs_import_n_unlisted        (guint          count);
void         _cs_import_warn_rest         (GPtrArray     *problems,
                                           guint          count,
                                           const char    *format,
                                           ...) G_GNUC_PRINTF (3, 4);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CsIdMap, _cs_id_map_free)

G_END_DECLS
