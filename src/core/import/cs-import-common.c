/* cs-import-common.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-import-common-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

struct _CsIdMap
{
  GHashTable *reserved; /* names of the file that are ids: they keep themselves */
  GHashTable *taken;    /* every id given out or reserved */
  GHashTable *ids;      /* name → id */
  GHashTable *next;     /* base of made ids → the next number to try */
  guint       n_renamed;
  char       *first_name;
  char       *first_id;
};

CsIdMap *
_cs_id_map_new (void)
{
  CsIdMap *self = g_new0 (CsIdMap, 1);

  self->reserved = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->next = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return self;
}

void
_cs_id_map_free (CsIdMap *self)
{
  if (self == NULL)
    return;

  g_hash_table_unref (self->reserved);
  g_hash_table_unref (self->taken);
  g_hash_table_unref (self->ids);
  g_hash_table_unref (self->next);
  g_free (self->first_name);
  g_free (self->first_id);
  g_free (self);
}

gboolean
_cs_import_is_valid_id (const char *id)
{
  gsize len = strlen (id);

  if (len == 0 || len > CS_ID_MAX_LENGTH || !g_ascii_isalnum (id[0]))
    return FALSE;
  for (const char *p = id; *p; p++)
    {
      if (!g_ascii_isalnum (*p) && strchr ("_.:-", *p) == NULL)
        return FALSE;
    }
  return TRUE;
}

/* Call for every name of the file before the first _cs_id_map_assign():
 * made ids then never take a name the file uses itself. */
void
_cs_id_map_reserve (CsIdMap    *self,
                    const char *name)
{
  g_assert (self != NULL && name != NULL);

  if (_cs_import_is_valid_id (name) && !g_hash_table_contains (self->reserved, name))
    {
      g_hash_table_add (self->reserved, g_strdup (name));
      g_hash_table_add (self->taken, g_strdup (name));
    }
}

/* An id from @wanted no one has yet: the ASCII letters and digits of it,
 * each run of other characters made one "_", and a number after it when
 * that is taken; "node-1", "node-2"… when nothing of it is left. */
static char *
make_unique (CsIdMap    *self,
             const char *wanted)
{
  GString *base = g_string_new (NULL);
  gboolean gap = FALSE;
  guint next;
  char *id;

  for (const char *p = wanted; *p != '\0' && base->len < CS_ID_MAX_LENGTH - 12; p++)
    {
      if (g_ascii_isalnum (*p) || (base->len > 0 && strchr ("_.:-", *p) != NULL))
        {
          if (gap && base->len > 0)
            g_string_append_c (base, '_');
          g_string_append_c (base, *p);
          gap = FALSE;
        }
      else
        gap = TRUE;
    }
  if (base->len == 0)
    g_string_assign (base, "node");
  else if (!g_hash_table_contains (self->taken, base->str))
    return g_string_free (base, FALSE);

  next = GPOINTER_TO_UINT (g_hash_table_lookup (self->next, base->str));
  if (next == 0)
    next = g_str_equal (base->str, "node") ? 1 : 2;
  do
    {
      id = g_strdup_printf ("%s-%u", base->str, next++);
      if (!g_hash_table_contains (self->taken, id))
        break;
      g_free (id);
    }
  while (TRUE);
  g_hash_table_insert (self->next, g_string_free (base, FALSE), GUINT_TO_POINTER (next));
  return id;
}

/* The id for @name, the same every time: @name itself when it is an id,
 * else a new one (the first of those is remembered for the message that
 * says so). */
const char *
_cs_id_map_assign (CsIdMap    *self,
                   const char *name)
{
  const char *id = g_hash_table_lookup (self->ids, name);
  char *made;

  g_assert (self != NULL && name != NULL);

  if (id != NULL)
    return id;
  if (g_hash_table_contains (self->reserved, name) ||
      (_cs_import_is_valid_id (name) && !g_hash_table_contains (self->taken, name)))
    made = g_strdup (name);
  else
    {
      made = make_unique (self, name);
      if (self->n_renamed++ == 0)
        {
          self->first_name = g_strdup (name);
          self->first_id = g_strdup (made);
        }
    }
  g_hash_table_add (self->taken, g_strdup (made));
  g_hash_table_insert (self->ids, g_strdup (name), made);
  return made;
}

const char *
_cs_id_map_lookup (CsIdMap    *self,
                   const char *name)
{
  g_assert (self != NULL && name != NULL);

  return g_hash_table_lookup (self->ids, name);
}

/* An id no name of the map has, from @wanted, for something the file
 * names in another namespace (a subgraph); owned by the map */
const char *
_cs_id_map_make (CsIdMap    *self,
                 const char *wanted)
{
  char *made;

  g_assert (self != NULL && wanted != NULL);

  if (_cs_import_is_valid_id (wanted) && !g_hash_table_contains (self->taken, wanted))
    made = g_strdup (wanted);
  else
    made = make_unique (self, wanted);
  g_hash_table_add (self->taken, made);
  return made;
}

guint
_cs_id_map_get_n_renamed (CsIdMap *self)
{
  g_assert (self != NULL);

  return self->n_renamed;
}

const char *
_cs_id_map_get_first_renamed (CsIdMap     *self,
                              const char **id)
{
  g_assert (self != NULL && id != NULL);

  *id = self->first_id;
  return self->first_name;
}

/* @text as a type or relation word (lower-case snake_case): "Research
 * Institute" is research_institute; NULL when it cannot be one */
char *
_cs_import_word (const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  GString *word = g_string_new (NULL);

  for (const char *p = stripped; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (word, g_ascii_tolower (*p));
      else if ((*p == ' ' || *p == '-' || *p == '_') && word->len > 0 &&
               word->str[word->len - 1] != '_')
        g_string_append_c (word, '_');
      else
        {
          g_string_free (word, TRUE);
          return NULL;
        }
    }
  if (word->len == 0 || !g_ascii_islower (word->str[0]) || word->str[word->len - 1] == '_')
    {
      g_string_free (word, TRUE);
      return NULL;
    }
  return g_string_free (word, FALSE);
}

CsAttribute *
_cs_import_attribute_new (const char *key,
                          const char *value)
{
  CsAttribute *attribute = cs_attribute_new (key);
  CsClaim *claim = cs_claim_new ();

  claim->value = g_strdup (value);
  cs_attribute_take_claim (attribute, claim);
  return attribute;
}

/* Text formats read as UTF-8: what is not is an error at its place (the
 * model, GTK and Pango take only UTF-8) */
gboolean
_cs_import_check_text (const char *data,
                       gsize       length,
                       GPtrArray  *problems)
{
  const guchar *d = (const guchar *)data;
  const char *end = NULL;
  const guchar *nul;

  if (length >= 2 && ((d[0] == 0xff && d[1] == 0xfe) || (d[0] == 0xfe && d[1] == 0xff)))
    {
      cs_problems_add (problems, CS_PROBLEM_ERROR, CS_IMPORT_ERROR_ENCODING, 0, NULL,
                       _("the file is UTF-16 encoded; save it as UTF-8"));
      return FALSE;
    }
  nul = memchr (d, '\0', length);
  if (nul != NULL)
    {
      cs_problems_add (problems, CS_PROBLEM_ERROR, CS_IMPORT_ERROR_ENCODING, nul - d, NULL,
                       _("the file contains a NUL byte at offset %zu (UTF-16 or UTF-32 "
                         "text, or not a text file); save it as UTF-8"),
                       (size_t)(nul - d));
      return FALSE;
    }
  if (!g_utf8_validate (data, length, &end))
    {
      gsize offset = end - data;

      cs_problems_add (problems, CS_PROBLEM_ERROR, CS_IMPORT_ERROR_ENCODING, offset, NULL,
                       _("invalid UTF-8 (byte 0x%02x at offset %zu); save the file as UTF-8"),
                       d[offset], (size_t)offset);
      return FALSE;
    }
  return TRUE;
}

/* A warning of a kind @count counts; listed while there are few of them */
void
_cs_import_warn (GPtrArray     *problems,
                 guint         *count,
                 CsImportError  code,
                 gsize          offset,
                 const char    *format,
                 ...)
{
  g_autofree char *message = NULL;
  va_list args;

  if (++*count > CS_IMPORT_WARNINGS_PER_KIND)
    return;
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (problems, cs_problem_new (CS_PROBLEM_WARNING, code, offset, NULL, message));
}

/* How many of @count warnings of a kind are not listed: the number for
 * the plural form, and the %u, of _cs_import_warn_rest()'s message */
guint
_cs_import_n_unlisted (guint count)
{
  return count > CS_IMPORT_WARNINGS_PER_KIND ? count - CS_IMPORT_WARNINGS_PER_KIND : 0;
}

/* Says how many of @count warnings of a kind were not listed, when some
 * were not: @format is a whole sentence from g_dngettext() for
 * _cs_import_n_unlisted (@count), "%u more self-loops are not listed" */
void
_cs_import_warn_rest (GPtrArray  *problems,
                      guint       count,
                      const char *format,
                      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  if (count <= CS_IMPORT_WARNINGS_PER_KIND)
    return;
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (problems, cs_problem_new (CS_PROBLEM_WARNING, CS_IMPORT_ERROR_VALUE,
                                             CS_PROBLEM_NO_OFFSET, NULL, message));
}
