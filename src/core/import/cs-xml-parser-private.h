/* cs-xml-parser-private.h
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cs-problem.h"

G_BEGIN_DECLS

/* libxml2 as the XML importers use it: a streaming (SAX) parse that loads
 * nothing the file names, expands no entity it declares, prints nothing,
 * and reports every problem at its byte offset. */

/* The deepest element read; GraphML and GEXF need a handful of levels */
#define CS_XML_MAX_DEPTH 128

typedef struct _CsXmlParser CsXmlParser;

typedef struct
{
  const char        *name;          /* local name */
  const char        *ns;            /* namespace URI, nullable */
  gsize              offset;        /* of its "<" */
  guint              depth;         /* the root is 1 */
  guint              n_attributes;
  const char *const *attribute_names;  /* local names */
  const char *const *attribute_ns;     /* namespace URIs, nullable */
  const char *const *attribute_values;
} CsXmlElement;

typedef struct
{
  void (*start) (CsXmlParser        *parser,
                 const CsXmlElement *element,
                 gpointer            user_data);
  /* @text: the element's own text when start asked for it, else NULL */
  void (*end)   (CsXmlParser        *parser,
                 const char         *name,
                 const char         *text,
                 gpointer            user_data);
} CsXmlHandler;

gboolean     _cs_xml_parse             (const char          *data,
                                        gsize                length,
                                        const CsXmlHandler  *handler,
                                        gpointer             user_data,
                                        GPtrArray           *problems,
                                        GCancellable        *cancellable);
void         _cs_xml_parser_want_text  (CsXmlParser         *parser);
void         _cs_xml_parser_stop       (CsXmlParser         *parser);
const char  *_cs_xml_element_get       (const CsXmlElement  *element,
                                        const char          *name);
guint        _cs_xml_sniff_root        (const char          *head,
                                        gsize                length,
                                        const char          *root,
                                        const char          *ns_marker);
const char  *_cs_xml_get_library_version (void);

G_END_DECLS
