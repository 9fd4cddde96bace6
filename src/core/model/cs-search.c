/* cs-search.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-search.h"

#include <string.h>

#define HANGUL_FIRST     0xac00
#define HANGUL_LAST      0xd7a3
#define HANGUL_PER_LEAD  588 /* 21 vowels × 28 finals */

/* The 19 leading consonants of Hangul syllables, as the compatibility jamo
 * a keyboard types. */
static const gunichar initial_jamo[19] = {
  0x3131, 0x3132, 0x3134, 0x3137, 0x3138, 0x3139, 0x3141, 0x3142, 0x3143, 0x3145,
  0x3146, 0x3147, 0x3148, 0x3149, 0x314a, 0x314b, 0x314c, 0x314d, 0x314e,
};

/**
 * cs_search_normalize:
 * @text: a UTF-8 name
 *
 * Composes, folds case, and drops spaces and punctuation, so
 * "SK 텔레콤", "sk텔레콤" and "SK텔레콤" compare equal.
 *
 * Returns: (transfer full): the folded text
 */
char *
cs_search_normalize (const char *text)
{
  g_autofree char *folded = NULL;
  g_autofree char *composed = NULL;
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  /* composed, not compatibility forms: NFKC would turn the jamo a keyboard
   * types (ㅅ) into conjoining ones */
  composed = g_utf8_normalize (text, -1, G_NORMALIZE_DEFAULT_COMPOSE);
  folded = g_utf8_casefold (composed != NULL ? composed : text, -1);
  out = g_string_new (NULL);
  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c) || (c >= 0x3131 && c <= 0x318e))
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/**
 * cs_search_initials:
 * @text: a UTF-8 name
 *
 * Returns: (transfer full): the initial consonant of each Hangul syllable
 *   of @text, in order (other characters are left out)
 */
char *
cs_search_initials (const char *text)
{
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  out = g_string_new (NULL);
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= HANGUL_FIRST && c <= HANGUL_LAST)
        g_string_append_unichar (out, initial_jamo[(c - HANGUL_FIRST) / HANGUL_PER_LEAD]);
    }
  return g_string_free (out, FALSE);
}

static gboolean
is_all_initials (const char *text)
{
  if (*text == '\0')
    return FALSE;
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean found = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (initial_jamo) && !found; i++)
        found = initial_jamo[i] == c;
      if (!found)
        return FALSE;
    }
  return TRUE;
}

/* how @query fits @name, or -1 when it does not */
static int
match_name (const char *name,
            const char *query,
            gboolean    initials_only)
{
  g_autofree char *normal = cs_search_normalize (name);

  if (initials_only)
    {
      g_autofree char *initials = cs_search_initials (name);

      return strstr (initials, query) != NULL ? CS_MATCH_INITIALS : -1;
    }
  if (g_str_equal (normal, query))
    return CS_MATCH_EXACT;
  if (g_str_has_prefix (normal, query))
    return CS_MATCH_PREFIX;
  /* the start of a later word: "cloud" in "NAVER Cloud" */
  {
    /* split on whole characters: g_strsplit_set() splits on bytes, and the
     * bytes of "·" also occur inside Hangul syllables */
    g_auto(GStrv) dots = g_strsplit (name, "·", -1);
    g_autofree char *spaced = g_strjoinv (" ", dots);
    g_auto(GStrv) words = g_strsplit_set (spaced, " /()-", -1);

    for (guint i = 1; words[i] != NULL; i++)
      {
        g_autofree char *word = cs_search_normalize (words[i]);

        if (word[0] != '\0' && g_str_has_prefix (word, query))
          return CS_MATCH_PREFIX;
      }
  }
  if (strstr (normal, query) != NULL)
    return CS_MATCH_INFIX;
  return -1;
}

static int
compare_hits (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  const CsSearchHit *x = a;
  const CsSearchHit *y = b;
  CsGraph *graph = user_data;

  if (x->kind != y->kind)
    return (int)x->kind - (int)y->kind;
  /* among equals, the better-connected first: more likely the one meant */
  if (cs_graph_get_degree (graph, x->node) != cs_graph_get_degree (graph, y->node))
    return (int)cs_graph_get_degree (graph, y->node) - (int)cs_graph_get_degree (graph, x->node);
  return (x->node > y->node) - (x->node < y->node);
}

/**
 * cs_search:
 * @graph: a #CsGraph
 * @query: what the user typed: part of a Korean or English name or alias,
 *   in any case, or Hangul initial consonants
 * @limit: the most hits to return, 0 for all
 *
 * Returns: (transfer full) (element-type CsSearchHit): the matching nodes,
 *   best first: whole names, then starts of words, then anywhere, then
 *   initials; ties go to the better-connected node
 */
GArray *
cs_search (CsGraph    *graph,
           const char *query,
           guint       limit)
{
  g_autofree char *normal = NULL;
  GArray *hits;
  gboolean initials_only;

  g_return_val_if_fail (CS_IS_GRAPH (graph), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  hits = g_array_new (FALSE, FALSE, sizeof (CsSearchHit));
  normal = cs_search_normalize (query);
  if (normal[0] == '\0')
    return hits;
  initials_only = is_all_initials (normal);

  for (guint i = 0; i < cs_graph_get_n_nodes (graph); i++)
    {
      const CsNode *node = cs_graph_get_node (graph, i);
      CsSearchHit best = { i, 0, NULL };
      int best_kind = -1;
      const char *names[64];
      guint n_names = 0;

      names[n_names++] = node->label;
      if (node->label_en != NULL)
        names[n_names++] = node->label_en;
      for (guint a = 0; node->aliases[a] != NULL && n_names < G_N_ELEMENTS (names); a++)
        names[n_names++] = node->aliases[a];

      for (guint k = 0; k < n_names; k++)
        {
          int kind = match_name (names[k], normal, initials_only);

          if (kind >= 0 && (best_kind < 0 || kind < best_kind))
            {
              best_kind = kind;
              best.matched = names[k];
            }
        }
      if (best_kind >= 0)
        {
          best.kind = best_kind;
          g_array_append_val (hits, best);
        }
    }

  g_array_sort_with_data (hits, compare_hits, graph);
  if (limit > 0 && hits->len > limit)
    g_array_set_size (hits, limit);
  return hits;
}

/* Levenshtein distance over characters (GLib has none) */
static guint
edit_distance (const char *a,
               const char *b)
{
  glong la = 0, lb = 0;
  g_autofree gunichar *ua = g_utf8_to_ucs4_fast (a, -1, &la);
  g_autofree gunichar *ub = g_utf8_to_ucs4_fast (b, -1, &lb);
  g_autofree guint *row = g_new (guint, lb + 1);

  for (glong j = 0; j <= lb; j++)
    row[j] = j;
  for (glong i = 1; i <= la; i++)
    {
      guint diagonal = row[0];

      row[0] = i;
      for (glong j = 1; j <= lb; j++)
        {
          guint above = row[j];

          row[j] = MIN (MIN (row[j] + 1, row[j - 1] + 1), diagonal + (ua[i - 1] != ub[j - 1]));
          diagonal = above;
        }
    }
  return row[lb];
}

typedef struct
{
  const char *name;
  guint       distance;
} Candidate;

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *x = a;
  const Candidate *y = b;

  if (x->distance != y->distance)
    return (int)x->distance - (int)y->distance;
  return g_strcmp0 (x->name, y->name);
}

/**
 * cs_search_closest_names:
 * @graph: a #CsGraph
 * @query: a name that matched nothing
 * @limit: how many suggestions at most
 *
 * Returns: (transfer full) (element-type utf8): the node labels nearest to
 *   @query in spelling, for a "did you mean" message
 */
GPtrArray *
cs_search_closest_names (CsGraph    *graph,
                         const char *query,
                         guint       limit)
{
  g_autofree char *normal = NULL;
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (CS_IS_GRAPH (graph), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  normal = cs_search_normalize (query);
  for (guint i = 0; i < cs_graph_get_n_nodes (graph); i++)
    {
      const CsNode *node = cs_graph_get_node (graph, i);
      g_autofree char *label = cs_search_normalize (node->label);
      g_autofree char *english = node->label_en ? cs_search_normalize (node->label_en) : NULL;
      Candidate c = { node->label, edit_distance (normal, label) };

      if (english != NULL)
        c.distance = MIN (c.distance, edit_distance (normal, english));
      g_array_append_val (candidates, c);
    }
  g_array_sort (candidates, compare_candidates);
  for (guint i = 0; i < candidates->len && names->len < limit; i++)
    g_ptr_array_add (names, g_strdup (g_array_index (candidates, Candidate, i).name));
  return names;
}
