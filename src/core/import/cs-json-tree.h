/* cs-json-tree.h
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "cs-problem.h"

G_BEGIN_DECLS

/* JSON reading for every JSON-based importer: json-glib's tree, the byte
 * offset of any value in it (found for all values at once, the first time
 * one is asked for), and the limits json-glib does not have. */
typedef struct _CsJsonTree CsJsonTree;

#define CS_JSON_MAX_DEPTH 512

CsJsonTree  *cs_json_tree_parse       (const char  *data,
                                       gsize        length,
                                       GPtrArray   *problems);
void         cs_json_tree_free        (CsJsonTree  *self);
JsonNode    *cs_json_tree_get_root    (CsJsonTree  *self);
gsize        cs_json_tree_get_offset  (CsJsonTree  *self,
                                       JsonNode    *node);

/* Where a value sits in the document, as a chain on the caller's stack
 * that only becomes text when a problem is reported:
 *
 *   CsJsonPath nodes = CS_JSON_PATH_MEMBER (NULL, "nodes");
 *   CsJsonPath node = CS_JSON_PATH_ELEMENT (&nodes, i);   → nodes[12]
 */
typedef struct _CsJsonPath CsJsonPath;

struct _CsJsonPath
{
  const CsJsonPath *parent;
  const char       *member; /* NULL for an array element */
  guint             index;
};

#define CS_JSON_PATH_MEMBER(parent, name) ((CsJsonPath) { (parent), (name), 0 })
#define CS_JSON_PATH_ELEMENT(parent, i)   ((CsJsonPath) { (parent), NULL, (i) })

char        *cs_json_path_to_string   (const CsJsonPath *path,
                                       const char       *member);

const char  *cs_json_describe         (JsonNode    *node);
gboolean     cs_json_holds            (JsonNode    *node,
                                       GType        type);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CsJsonTree, cs_json_tree_free)

G_END_DECLS
