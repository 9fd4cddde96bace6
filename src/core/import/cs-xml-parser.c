/* cs-xml-parser.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-xml-parser-private.h"

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlversion.h>

#include <string.h>

/* libxml2 2.9 read safely (PLATFORM.md). The parse is SAX2 from a read
 * callback, so memory stays bounded by what the importer keeps and the
 * read callback can stop on cancellation.
 *
 * - Only XML_PARSE_NONET is set: never NOENT, DTDLOAD or HUGE. The SAX
 *   handler has no getEntity, resolveEntity or externalSubset: libxml2
 *   has no way to load a DTD or an external entity, and expands no
 *   entity but the five predefined ones.
 * - An entity declaration stops the parse with an error: GraphML and GEXF
 *   never need one, and it is how "billion laughs" and XXE files start.
 *   A DOCTYPE that names an external DTD is a warning: it is not read.
 * - HUGE being off keeps libxml2's own limits (10 MB per text or
 *   attribute value, 50,000-byte names); nesting is limited here to
 *   CS_XML_MAX_DEPTH, with a message of ours rather than libxml2's.
 * - Errors go to the SAX handler's structured callback, and errors raised
 *   without a parser (the encoding converters) to a silent thread-local
 *   handler set for the parse, so libxml2 prints nothing.
 * - Offsets are xmlByteConsumed(), a byte offset into the original data
 *   whatever its encoding; an element's offset is that of its "<".
 *
 * Thread safety: xmlInitParser() runs once; the error handlers set are
 * libxml2's per-thread ones, restored after the parse. */

#define MAX_TEXT         (16 * 1024 * 1024)
#define MAX_XML_WARNINGS 20

struct _CsXmlParser
{
  /* borrowed refs */
  const CsXmlHandler *handler;
  gpointer            user_data;
  const char         *data;
  GPtrArray          *problems;
  GCancellable       *cancellable;
  xmlParserCtxtPtr    ctxt;

  /* owned */
  GString            *text;

  /* state */
  gsize               length;
  gsize               position;    /* of the read callback */
  guint               depth;
  guint               text_depth;  /* the element whose text is collected, 0: none */
  guint               n_warnings;
  gboolean            in_start;
  gboolean            stopped;
  gboolean            failed;
  gboolean            cancelled;
};

static gsize
current_offset (CsXmlParser *self)
{
  long consumed = xmlByteConsumed (self->ctxt);

  if (consumed < 0)
    return CS_PROBLEM_NO_OFFSET;
  return MIN ((gsize)consumed, self->length);
}

/* the last @marker starting at or before @offset */
static gsize
back_to (CsXmlParser *self,
         gsize        offset,
         const char  *marker)
{
  gsize n = strlen (marker);

  if (offset == CS_PROBLEM_NO_OFFSET || n > self->length)
    return offset;
  for (gsize i = MIN (offset, self->length - n) + 1; i-- > 0;)
    {
      if (memcmp (self->data + i, marker, n) == 0)
        return i;
    }
  return offset;
}

static void
fail (CsXmlParser   *self,
      CsImportError  code,
      gsize          offset,
      const char    *format,
      ...) G_GNUC_PRINTF (4, 5);

static void
fail (CsXmlParser   *self,
      CsImportError  code,
      gsize          offset,
      const char    *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (self->problems, cs_problem_new (CS_PROBLEM_ERROR, code, offset, NULL, message));
  self->failed = TRUE;
  _cs_xml_parser_stop (self);
}

/* libxml2's message on one line, ending without a newline, starting in
 * lower case when its first word is a plain word */
static char *
tidy_message (const char *message)
{
  g_autofree char *copy = g_strdup (message != NULL ? message : _("unknown error"));
  g_auto (GStrv) lines = g_strsplit (g_strstrip (copy), "\n", -1);
  char *text = g_strjoinv ("; ", lines);

  if (g_ascii_isupper (text[0]) && g_ascii_islower (text[1]))
    text[0] = g_ascii_tolower (text[0]);
  return text;
}

static void
error_cb (void        *user_data,
          xmlErrorPtr  error)
{
  CsXmlParser *self = user_data;
  g_autofree char *message = NULL;

  /* after a stop of ours, libxml2 may still say why it stopped */
  if (self->cancelled || self->failed || self->stopped || error == NULL)
    return;

  message = tidy_message (error->message);
  if (error->level == XML_ERR_FATAL)
    {
      gsize offset = current_offset (self);
      gsize rest = offset;

      while (rest < self->length && g_ascii_isspace (self->data[rest]))
        rest++;
      if (rest >= self->length)
        fail (self, CS_IMPORT_ERROR_SYNTAX, offset,
              /* TRANSLATORS: %s is libxml2's message, in English */
              _("not well-formed XML: %s (the file ends here: it may be cut short)"), message);
      else
        /* TRANSLATORS: %s is libxml2's message, in English */
        fail (self, CS_IMPORT_ERROR_SYNTAX, offset, _("not well-formed XML: %s"), message);
      return;
    }
  if (++self->n_warnings <= MAX_XML_WARNINGS)
    cs_problems_add (self->problems, CS_PROBLEM_WARNING, CS_IMPORT_ERROR_SYNTAX,
                     /* TRANSLATORS: %s is libxml2's warning, in English */
                     current_offset (self), NULL, _("XML: %s"), message);
}

static void
silent_error_cb (void        *user_data,
                 xmlErrorPtr  error)
{
}

static void
silent_generic_cb (void       *user_data,
                   const char *message,
                   ...)
{
}

static int
read_cb (void *context,
         char *buffer,
         int   length)
{
  CsXmlParser *self = context;
  gsize n;

  if (g_cancellable_is_cancelled (self->cancellable))
    {
      self->cancelled = TRUE;
      return -1;
    }
  n = MIN ((gsize)length, self->length - self->position);
  memcpy (buffer, self->data + self->position, n);
  self->position += n;
  return (int)n;
}

static void
start_element_cb (void           *user_data,
                  const xmlChar  *localname,
                  const xmlChar  *prefix,
                  const xmlChar  *uri,
                  int             n_namespaces,
                  const xmlChar **namespaces,
                  int             n_attributes,
                  int             n_defaulted,
                  const xmlChar **attributes)
{
  CsXmlParser *self = user_data;
  g_autofree const char **names = NULL;
  g_autofree const char **ns = NULL;
  g_autofree char **values = NULL;
  CsXmlElement element;

  self->depth++;
  if (self->stopped)
    return;
  if (self->depth > CS_XML_MAX_DEPTH)
    {
      fail (self, CS_IMPORT_ERROR_TOO_DEEP, back_to (self, current_offset (self), "<"),
            _("elements nested deeper than %d levels"), CS_XML_MAX_DEPTH);
      return;
    }

  /* SAX2 gives each attribute as local name, prefix, URI, value, end */
  names = g_new (const char *, n_attributes + 1);
  ns = g_new (const char *, n_attributes + 1);
  values = g_new (char *, n_attributes + 1);
  for (int i = 0; i < n_attributes; i++)
    {
      names[i] = (const char *)attributes[5 * i];
      ns[i] = (const char *)attributes[5 * i + 2];
      values[i] = g_strndup ((const char *)attributes[5 * i + 3],
                             attributes[5 * i + 4] - attributes[5 * i + 3]);
    }
  element = (CsXmlElement) {
    .name = (const char *)localname,
    .ns = (const char *)uri,
    .offset = back_to (self, current_offset (self), "<"),
    .depth = self->depth,
    .n_attributes = n_attributes,
    .attribute_names = names,
    .attribute_ns = ns,
    .attribute_values = (const char *const *)values,
  };
  self->in_start = TRUE;
  self->handler->start (self, &element, self->user_data);
  self->in_start = FALSE;
  for (int i = 0; i < n_attributes; i++)
    g_free (values[i]);
}

static void
end_element_cb (void          *user_data,
                const xmlChar *localname,
                const xmlChar *prefix,
                const xmlChar *uri)
{
  CsXmlParser *self = user_data;
  gboolean own_text = self->text_depth != 0 && self->text_depth == self->depth;

  if (!self->stopped)
    self->handler->end (self, (const char *)localname, own_text ? self->text->str : NULL,
                        self->user_data);
  if (own_text)
    {
      self->text_depth = 0;
      g_string_truncate (self->text, 0);
    }
  self->depth--;
}

static void
characters_cb (void          *user_data,
               const xmlChar *chars,
               int            length)
{
  CsXmlParser *self = user_data;

  if (self->stopped || self->text_depth == 0 || self->text_depth != self->depth)
    return;
  if (self->text->len + length > MAX_TEXT)
    {
      fail (self, CS_IMPORT_ERROR_TOO_LARGE, current_offset (self),
            _("text of an element longer than %d MiB"), MAX_TEXT / (1024 * 1024));
      return;
    }
  g_string_append_len (self->text, (const char *)chars, length);
}

static void
entity_decl_cb (void          *user_data,
                const xmlChar *name,
                int            type,
                const xmlChar *public_id,
                const xmlChar *system_id,
                xmlChar       *content)
{
  CsXmlParser *self = user_data;

  if (self->stopped)
    return;
  fail (self, CS_IMPORT_ERROR_FORMAT, back_to (self, current_offset (self), "<!ENTITY"),
        _("the file declares the entity \"%s\"; Consortia reads no entity declarations (they "
          "can expand without bound or name other files)"),
        (const char *)name);
}

static void
internal_subset_cb (void          *user_data,
                    const xmlChar *name,
                    const xmlChar *external_id,
                    const xmlChar *system_id)
{
  CsXmlParser *self = user_data;
  const char *named = (const char *)(system_id != NULL ? system_id : external_id);

  if (named != NULL && !self->stopped)
    cs_problems_add (self->problems, CS_PROBLEM_WARNING, CS_IMPORT_ERROR_FORMAT,
                     back_to (self, current_offset (self), "<!DOCTYPE"), NULL,
                     /* TRANSLATORS: %s is the DTD the document type names */
                     _("the document type names \"%s\", which is not read"), named);
}

/* Encodings libxml2 converts are fine; in a UTF-8 file (the default),
 * invalid bytes and NULs are found here, with their offsets and a plainer
 * message than libxml2's. */
static gboolean
check_encoding (CsXmlParser *self)
{
  const guchar *d = (const guchar *)self->data;
  gsize n = self->length;
  const char *end = NULL;
  const char *decl_end;
  const guchar *nul;
  gboolean utf8 = TRUE;

  /* UTF-16 or UTF-32, with or without a byte order mark */
  if (n >= 2 && ((d[0] == 0xff && d[1] == 0xfe) || (d[0] == 0xfe && d[1] == 0xff) ||
                 d[0] == 0 || d[1] == 0))
    return TRUE;

  if (n >= 5 && memcmp (d, "<?xml", 5) == 0 &&
      (decl_end = g_strstr_len (self->data, MIN (n, 1024), "?>")) != NULL)
    {
      g_autofree char *decl = g_ascii_strdown (self->data, decl_end - self->data);
      const char *encoding = strstr (decl, "encoding");

      if (encoding != NULL)
        {
          encoding += strlen ("encoding");
          while (*encoding != '\0' && strchr (" \t\r\n=\"'", *encoding) != NULL)
            encoding++;
          utf8 = g_str_has_prefix (encoding, "utf-8") || g_str_has_prefix (encoding, "utf8") ||
                 g_str_has_prefix (encoding, "us-ascii") || g_str_has_prefix (encoding, "ascii");
        }
    }

  nul = memchr (d, '\0', n);
  if (nul != NULL)
    {
      fail (self, CS_IMPORT_ERROR_ENCODING, nul - d,
            _("the file contains a NUL byte at offset %zu (not a text file?)"),
            (size_t)(nul - d));
      return FALSE;
    }
  if (utf8 && !g_utf8_validate (self->data, n, &end))
    {
      gsize offset = end - self->data;

      fail (self, CS_IMPORT_ERROR_ENCODING, offset,
            _("invalid UTF-8 (byte 0x%02x at offset %zu)"), d[offset], (size_t)offset);
      return FALSE;
    }
  return TRUE;
}

/**
 * _cs_xml_parse:
 * @data: the file
 * @length: its length
 * @handler: what to call for each element
 * @user_data: for @handler
 * @problems: (element-type CsProblem): where the problems of the XML go
 * @cancellable: (nullable): stops the parse
 *
 * Returns: %TRUE when the XML was well-formed (or the handler stopped it),
 *   %FALSE with an error in @problems, or when cancelled
 */
gboolean
_cs_xml_parse (const char          *data,
               gsize                length,
               const CsXmlHandler  *handler,
               gpointer             user_data,
               GPtrArray           *problems,
               GCancellable        *cancellable)
{
  static gsize initialised;
  g_autoptr(GString) text = g_string_new (NULL);
  CsXmlParser self = {
    .handler = handler,
    .user_data = user_data,
    .data = data,
    .problems = problems,
    .cancellable = cancellable,
    .text = text,
    .length = length,
  };
  xmlSAXHandler sax = { 0 };
  xmlStructuredErrorFunc old_structured;
  void *old_structured_context;
  xmlGenericErrorFunc old_generic;
  void *old_generic_context;
  gboolean well_formed;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (handler != NULL, FALSE);
  g_return_val_if_fail (problems != NULL, FALSE);

  if (g_once_init_enter (&initialised))
    {
      xmlInitParser ();
      g_once_init_leave (&initialised, 1);
    }

  if (!check_encoding (&self))
    return FALSE;

  sax.initialized = XML_SAX2_MAGIC;
  sax.startElementNs = start_element_cb;
  sax.endElementNs = end_element_cb;
  sax.characters = characters_cb;
  sax.ignorableWhitespace = characters_cb;
  sax.cdataBlock = characters_cb;
  sax.entityDecl = entity_decl_cb;
  sax.internalSubset = internal_subset_cb;
  sax.serror = error_cb;

  old_structured = xmlStructuredError;
  old_structured_context = xmlStructuredErrorContext;
  old_generic = xmlGenericError;
  old_generic_context = xmlGenericErrorContext;
  xmlSetStructuredErrorFunc (NULL, silent_error_cb);
  xmlSetGenericErrorFunc (NULL, silent_generic_cb);

  self.ctxt = xmlCreateIOParserCtxt (&sax, &self, read_cb, NULL, &self, XML_CHAR_ENCODING_NONE);
  if (self.ctxt == NULL)
    {
      xmlSetStructuredErrorFunc (old_structured_context, old_structured);
      xmlSetGenericErrorFunc (old_generic_context, old_generic);
      if (!self.cancelled)
        fail (&self, CS_IMPORT_ERROR_FAILED, CS_PROBLEM_NO_OFFSET, _("libxml2 could not start"));
      return FALSE;
    }
  xmlCtxtUseOptions (self.ctxt, XML_PARSE_NONET);
  xmlParseDocument (self.ctxt);
  well_formed = self.ctxt->wellFormed;
  /* an entity declaration makes libxml2 keep a document of its own to
   * hold it, even when parsing with SAX */
  if (self.ctxt->myDoc != NULL)
    xmlFreeDoc (self.ctxt->myDoc);
  xmlFreeParserCtxt (self.ctxt);

  xmlSetStructuredErrorFunc (old_structured_context, old_structured);
  xmlSetGenericErrorFunc (old_generic_context, old_generic);

  if (self.cancelled)
    return FALSE;
  if (self.n_warnings > MAX_XML_WARNINGS)
    cs_problems_add (problems, CS_PROBLEM_WARNING, CS_IMPORT_ERROR_SYNTAX, CS_PROBLEM_NO_OFFSET,
                     NULL,
                     g_dngettext (GETTEXT_PACKAGE, "and %u more XML warning (not listed)",
                                  "and %u more XML warnings (not listed)",
                                  self.n_warnings - MAX_XML_WARNINGS),
                     self.n_warnings - MAX_XML_WARNINGS);
  if (!self.failed && !well_formed && !self.stopped)
    fail (&self, CS_IMPORT_ERROR_SYNTAX, CS_PROBLEM_NO_OFFSET, _("not well-formed XML"));
  return !self.failed;
}

/* Called from the start handler: the element's own text is collected
 * and given to the end handler. */
void
_cs_xml_parser_want_text (CsXmlParser *parser)
{
  g_return_if_fail (parser != NULL);
  g_return_if_fail (parser->in_start);

  parser->text_depth = parser->depth;
  g_string_truncate (parser->text, 0);
}

/* No more callbacks; the parse returns as soon as libxml2 notices */
void
_cs_xml_parser_stop (CsXmlParser *parser)
{
  g_return_if_fail (parser != NULL);

  if (parser->stopped)
    return;
  parser->stopped = TRUE;
  if (parser->ctxt != NULL)
    xmlStopParser (parser->ctxt);
}

/* Returns: (nullable): the value of the attribute @name without a namespace */
const char *
_cs_xml_element_get (const CsXmlElement *element,
                     const char         *name)
{
  g_return_val_if_fail (element != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < element->n_attributes; i++)
    {
      if (element->attribute_ns[i] == NULL && g_str_equal (element->attribute_names[i], name))
        return element->attribute_values[i];
    }
  return NULL;
}

static const char *
skip_past (const char *p,
           const char *end,
           const char *marker)
{
  const char *found = g_strstr_len (p, end - p, marker);

  return found != NULL ? found + strlen (marker) : NULL;
}

/**
 * _cs_xml_sniff_root:
 * @head: a file's first bytes
 * @length: how many
 * @root: the root element's local name the format has
 * @ns_marker: part of the format's namespace URI
 *
 * Returns: 100 when the root element is @root and @ns_marker appears,
 *   90 without the marker, 60 when @root only appears somewhere, else 0
 */
guint
_cs_xml_sniff_root (const char *head,
                    gsize       length,
                    const char *root,
                    const char *ns_marker)
{
  const char *p = head;
  const char *end = head + length;
  g_autofree char *open = g_strconcat ("<", root, NULL);

  if (length >= 3 && memcmp (head, "\xef\xbb\xbf", 3) == 0)
    p += 3;
  while (p != NULL && p < end)
    {
      const char *name;

      while (p < end && g_ascii_isspace (*p))
        p++;
      if (p >= end || *p != '<')
        return 0;
      if (end - p >= 2 && p[1] == '?')
        p = skip_past (p, end, "?>");
      else if (end - p >= 4 && memcmp (p, "<!--", 4) == 0)
        p = skip_past (p, end, "-->");
      else if (end - p >= 2 && p[1] == '!')
        {
          const char *bracket = memchr (p, '[', end - p);
          const char *close = memchr (p, '>', end - p);

          p = bracket != NULL && close != NULL && bracket < close ? skip_past (p, end, "]>")
                                                                  : skip_past (p, end, ">");
        }
      else
        {
          const char *local;

          name = local = p + 1;
          while (p < end && !g_ascii_isspace (*p) && *p != '>' && *p != '/')
            {
              if (*p == ':')
                local = p + 1;
              p++;
            }
          if ((gsize)(p - local) == strlen (root) && memcmp (local, root, p - local) == 0)
            return g_strstr_len (name, end - name, ns_marker) != NULL ? 100 : 90;
          return 0;
        }
    }
  /* the head ended in the prolog */
  return g_strstr_len (head, length, open) != NULL ? 60 : 0;
}

const char *
_cs_xml_get_library_version (void)
{
  return "libxml2 " LIBXML_DOTTED_VERSION;
}
