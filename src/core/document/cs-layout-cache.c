/* cs-layout-cache.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The layouts of files opened before, so a graph opened again is drawn at
 * once instead of laid out again (a second for the bundled graph, twenty
 * for 100,000 nodes). An entry is named by a key: the SHA-256 of the
 * file's bytes (and its node table's), the graph's index in it, every
 * layout parameter, and a digest of the code that reads and lays out
 * (cs-layout-code-hash.h, made by the build), so a file changed in any
 * byte, other parameters or another build miss.
 *
 * Entries are looked for in the program's resources first (the bundled
 * graph's layout, computed when the program is built), then in
 * $XDG_CACHE_HOME/consortia/layouts, which keeps the newest
 * CACHE_MAX_ENTRIES. An entry is a small header (magic, key, node count)
 * and the positions as little-endian doubles; one that does not read
 * back whole and finite is ignored and removed. */

#include "config.h"

#include "cs-layout-cache.h"
#include "cs-layout-code-hash.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <utime.h>
#include <math.h>
#include <string.h>

#define MAGIC             "CSLAYOUT1\n"
#define MAGIC_LENGTH      10
#define KEY_LENGTH        64 /* SHA-256 in hex */
#define HEADER_LENGTH     (MAGIC_LENGTH + KEY_LENGTH + 6) /* key, '\n', count, 2 pad */
#define CACHE_MAX_ENTRIES 64
#define CACHE_RESOURCES   RESOURCE_BASE "/layout-cache"
/* raised when the entries' form changes */
#define CACHE_VERSION     1

static gboolean
checksum_stream (GChecksum     *checksum,
                 GFile         *file,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(GFileInputStream) in = g_file_read (file, cancellable, error);
  g_autofree guchar *buffer = NULL;
  gssize n_read;

  if (in == NULL)
    return FALSE;
  buffer = g_malloc (1 << 16);
  while ((n_read = g_input_stream_read (G_INPUT_STREAM (in), buffer, 1 << 16, cancellable,
                                        error)) > 0)
    g_checksum_update (checksum, buffer, n_read);
  return n_read == 0;
}

/**
 * cs_layout_cache_key_for_file:
 * @file: the graph's file
 * @nodes: (nullable): its node table (a CSV edge list's)
 * @graph: which graph of the file (GraphML and GEXF can hold several)
 * @params: the layout's parameters
 * @cancellable: (nullable): stops reading
 * @error: where an unreadable file is told
 *
 * Returns: (transfer full) (nullable): the key of the layout @params give
 *   the graph in @file
 */
char *
cs_layout_cache_key_for_file (GFile                 *file,
                              GFile                 *nodes,
                              guint                  graph,
                              const CsLayoutParams  *params,
                              GCancellable          *cancellable,
                              GError               **error)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  guint32 header[3] = { CACHE_VERSION, graph, nodes != NULL };

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (params != NULL, NULL);

  /* a bare hex token from the build: G_STRINGIFY makes it a string */
  g_checksum_update (checksum, (const guchar *)G_STRINGIFY (CS_LAYOUT_CODE_DIGEST),
                     strlen (G_STRINGIFY (CS_LAYOUT_CODE_DIGEST)));
  g_checksum_update (checksum, (const guchar *)header, sizeof header);
  if (!checksum_stream (checksum, file, cancellable, error))
    return NULL;
  if (nodes != NULL && !checksum_stream (checksum, nodes, cancellable, error))
    return NULL;
  cs_layout_params_update_checksum (params, checksum);
  return g_strdup (g_checksum_get_string (checksum));
}

/**
 * cs_layout_cache_entry_new:
 * @key: a key from cs_layout_cache_key_for_file()
 * @positions: the layout
 *
 * Returns: (transfer full): the entry as it is stored
 */
GBytes *
cs_layout_cache_entry_new (const char  *key,
                           CsPositions *positions)
{
  guint32 n = cs_positions_get_n_nodes (positions);
  gsize length = HEADER_LENGTH + 2 * (gsize)n * sizeof (double);
  guchar *data = g_malloc0 (length);
  const double *xy = cs_positions_get_xy (positions);
  guint32 n_le = GUINT32_TO_LE (n);

  g_return_val_if_fail (key != NULL && strlen (key) == KEY_LENGTH, NULL);

  memcpy (data, MAGIC, MAGIC_LENGTH);
  memcpy (data + MAGIC_LENGTH, key, KEY_LENGTH);
  data[MAGIC_LENGTH + KEY_LENGTH] = '\n';
  memcpy (data + MAGIC_LENGTH + KEY_LENGTH + 1, &n_le, sizeof n_le);
  for (gsize i = 0; i < 2 * (gsize)n; i++)
    {
      guint64 bits;

      memcpy (&bits, &xy[i], sizeof bits);
      bits = GUINT64_TO_LE (bits);
      memcpy (data + HEADER_LENGTH + i * sizeof bits, &bits, sizeof bits);
    }
  return g_bytes_new_take (data, length);
}

/* the positions in @bytes when it is a whole entry for @key of @n_nodes;
 * @damaged tells an entry that is not whole from one of another graph */
static CsPositions *
read_entry (GBytes     *bytes,
            const char *key,
            guint       n_nodes,
            gboolean   *damaged)
{
  gsize length;
  const guchar *data = g_bytes_get_data (bytes, &length);
  g_autofree double *xy = NULL;
  guint32 n;

  *damaged = FALSE;
  if (length < HEADER_LENGTH || memcmp (data, MAGIC, MAGIC_LENGTH) != 0)
    {
      *damaged = TRUE;
      return NULL;
    }
  if (memcmp (data + MAGIC_LENGTH, key, KEY_LENGTH) != 0)
    return NULL;
  memcpy (&n, data + MAGIC_LENGTH + KEY_LENGTH + 1, sizeof n);
  n = GUINT32_FROM_LE (n);
  if (length != HEADER_LENGTH + 2 * (gsize)n * sizeof (double))
    {
      *damaged = TRUE;
      return NULL;
    }
  if (n != n_nodes)
    return NULL;
  xy = g_new (double, 2 * (gsize)MAX (n, 1));
  for (gsize i = 0; i < 2 * (gsize)n; i++)
    {
      guint64 bits;

      memcpy (&bits, data + HEADER_LENGTH + i * sizeof bits, sizeof bits);
      bits = GUINT64_FROM_LE (bits);
      memcpy (&xy[i], &bits, sizeof bits);
      if (!isfinite (xy[i]))
        {
          *damaged = TRUE;
          return NULL;
        }
    }
  return cs_positions_new (n, xy);
}

/**
 * cs_layout_cache_get_dir:
 *
 * Returns: (transfer full): where layouts are kept between runs
 */
char *
cs_layout_cache_get_dir (void)
{
  return g_build_filename (g_get_user_cache_dir (), "consortia", "layouts", NULL);
}

static CsPositions *
lookup_resources (const char *key,
                  guint       n_nodes)
{
  g_auto(GStrv) names = g_resources_enumerate_children (CACHE_RESOURCES,
                                                        G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      g_autofree char *path = g_build_path ("/", CACHE_RESOURCES, names[i], NULL);
      g_autoptr(GBytes) bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE,
                                                         NULL);
      gboolean damaged;
      CsPositions *positions = bytes != NULL ? read_entry (bytes, key, n_nodes, &damaged) : NULL;

      if (positions != NULL)
        return positions;
    }
  return NULL;
}

/**
 * cs_layout_cache_lookup:
 * @key: a key from cs_layout_cache_key_for_file()
 * @n_nodes: the graph's nodes
 *
 * Returns: (transfer full) (nullable): the layout kept under @key, or
 *   %NULL when there is none, or not of @n_nodes, or it is damaged (then
 *   it is removed)
 */
CsPositions *
cs_layout_cache_lookup (const char *key,
                        guint       n_nodes)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GBytes) bytes = NULL;
  CsPositions *positions;
  gboolean damaged;

  g_return_val_if_fail (key != NULL, NULL);

  if (strlen (key) != KEY_LENGTH)
    return NULL;
  if ((positions = lookup_resources (key, n_nodes)) != NULL)
    return positions;

  dir = cs_layout_cache_get_dir ();
  path = g_build_filename (dir, key, NULL);
  mapped = g_mapped_file_new (path, FALSE, NULL);
  if (mapped == NULL)
    return NULL;
  bytes = g_mapped_file_get_bytes (mapped);
  positions = read_entry (bytes, key, n_nodes, &damaged);
  if (damaged)
    g_unlink (path);
  else if (positions != NULL)
    /* used: the newest, for pruning */
    g_utime (path, NULL);
  return positions;
}

typedef struct
{
  char *path;
  gint64 mtime;
} Entry;

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const Entry *ea = a, *eb = b;

  return ea->mtime < eb->mtime ? 1 : ea->mtime > eb->mtime ? -1 : 0;
}

/* keeps the newest CACHE_MAX_ENTRIES */
static void
prune (const char *dir)
{
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  g_autoptr(GArray) entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  const char *name;

  if (folder == NULL)
    return;
  while ((name = g_dir_read_name (folder)) != NULL)
    {
      GStatBuf st;
      Entry entry;

      if (strlen (name) != KEY_LENGTH)
        continue;
      entry.path = g_build_filename (dir, name, NULL);
      if (g_stat (entry.path, &st) != 0)
        {
          g_free (entry.path);
          continue;
        }
      entry.mtime = st.st_mtime;
      g_array_append_val (entries, entry);
    }
  g_array_sort (entries, compare_newest_first);
  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = &g_array_index (entries, Entry, i);

      if (i >= CACHE_MAX_ENTRIES)
        g_unlink (entry->path);
      g_free (entry->path);
    }
}

/**
 * cs_layout_cache_store:
 * @key: a key from cs_layout_cache_key_for_file()
 * @positions: the layout
 * @error: where a failed write is told
 *
 * Keeps @positions under @key (written whole or not at all), and the
 * newest entries only.
 *
 * Returns: %TRUE when it was kept
 */
gboolean
cs_layout_cache_store (const char   *key,
                       CsPositions  *positions,
                       GError      **error)
{
  g_autofree char *dir = cs_layout_cache_get_dir ();
  g_autofree char *path = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize length;
  const char *data;

  g_return_val_if_fail (key != NULL && strlen (key) == KEY_LENGTH, FALSE);
  g_return_val_if_fail (positions != NULL, FALSE);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   /* TRANSLATORS: a folder's path, then why it could not
                    * be made */
                   _("Could not make the layout cache folder %s: %s"), dir, g_strerror (saved));
      return FALSE;
    }
  path = g_build_filename (dir, key, NULL);
  bytes = cs_layout_cache_entry_new (key, positions);
  data = g_bytes_get_data (bytes, &length);
  /* a cache: no need to wait for the disk, but never a half entry */
  if (!g_file_set_contents_full (path, data, length, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error))
    return FALSE;
  prune (dir);
  return TRUE;
}
