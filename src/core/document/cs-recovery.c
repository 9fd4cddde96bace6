/* cs-recovery.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-recovery.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <glib/gstdio.h>
#include <sys/file.h>
#include <unistd.h>

/* Recovery copies, as text editors keep them: each window with unsaved
 * changes writes a copy of its document into
 * $XDG_STATE_HOME/consortia/recovery/ a few seconds after the last change
 * (ID.json, written atomically by the save code), and a key file saying
 * what it is a copy of (ID.info). The window holds a lock on ID.lock
 * (flock) for as long as it lives; the kernel lets it go when the process
 * ends, however it ends. A copy whose lock can be taken is one a window
 * left behind: the next start offers it. Saving or discarding the changes
 * removes the copy. */

struct _CsRecovery
{
  char *base; /* the path without its extension */
  int   lock_fd;
};

#define GROUP "Recovery"

/**
 * cs_recovery_get_dir:
 *
 * Returns: (transfer full): the folder of the recovery copies
 */
char *
cs_recovery_get_dir (void)
{
  return g_build_filename (g_get_user_state_dir (), "consortia", "recovery", NULL);
}

static char *
with_extension (const char *base,
                const char *extension)
{
  return g_strconcat (base, extension, NULL);
}

/* an open, locked file, or -1 (with errno) when another process holds it */
static int
take_lock (const char *path)
{
  int fd = g_open (path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);

  if (fd < 0)
    return -1;
  if (flock (fd, LOCK_EX | LOCK_NB) != 0)
    {
      int saved = errno;

      close (fd);
      errno = saved;
      return -1;
    }
  return fd;
}

/**
 * cs_recovery_new:
 * @error: a #GIOError
 *
 * Makes a recovery slot for one window, locked while it lives.
 *
 * Returns: (transfer full) (nullable): the slot, or %NULL when the folder
 *   cannot be made
 */
CsRecovery *
cs_recovery_new (GError **error)
{
  g_autofree char *dir = cs_recovery_get_dir ();
  g_autofree char *id = g_uuid_string_random ();
  g_autofree char *lock = NULL;
  CsRecovery *self;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "%s: %s", dir,
                   g_strerror (saved));
      return NULL;
    }
  self = g_new0 (CsRecovery, 1);
  self->base = g_build_filename (dir, id, NULL);
  lock = with_extension (self->base, ".lock");
  self->lock_fd = take_lock (lock);
  if (self->lock_fd < 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "%s: %s", lock,
                   g_strerror (saved));
      g_free (self->base);
      g_free (self);
      return NULL;
    }
  return self;
}

/**
 * cs_recovery_get_copy_file:
 * @self: a #CsRecovery
 *
 * Returns: (transfer full): where the copy of the changes goes
 *   (cs_document_save_copy_async() writes it); cs_recovery_commit() after
 */
GFile *
cs_recovery_get_copy_file (CsRecovery *self)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  path = with_extension (self->base, ".json");
  return g_file_new_for_path (path);
}

/**
 * cs_recovery_commit:
 * @self: a #CsRecovery whose copy is written
 * @original: (nullable): the file the copy is of
 * @etag: (nullable): its entity tag as the document last read or saved it
 * @title: the document's title
 * @error: a #GFileError
 *
 * Records what the copy is of, so a later start can offer it.
 *
 * Returns: %TRUE when recorded
 */
gboolean
cs_recovery_commit (CsRecovery  *self,
                    GFile       *original,
                    const char  *etag,
                    const char  *title,
                    GError     **error)
{
  g_autoptr(GKeyFile) info = g_key_file_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *time = g_date_time_format_iso8601 (now);
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (original == NULL || G_IS_FILE (original), FALSE);

  if (original != NULL)
    {
      g_autofree char *uri = g_file_get_uri (original);

      g_key_file_set_string (info, GROUP, "original", uri);
    }
  if (etag != NULL)
    g_key_file_set_string (info, GROUP, "etag", etag);
  g_key_file_set_string (info, GROUP, "title", title != NULL ? title : "");
  g_key_file_set_string (info, GROUP, "time", time);
  text = g_key_file_to_data (info, NULL, NULL);
  path = with_extension (self->base, ".info");
  return g_file_set_contents_full (path, text, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}

static void
remove_files (const char *base)
{
  const char *extensions[] = { ".info", ".json" };

  for (guint i = 0; i < G_N_ELEMENTS (extensions); i++)
    {
      g_autofree char *path = with_extension (base, extensions[i]);

      g_remove (path);
    }
}

/**
 * cs_recovery_clear:
 * @self: a #CsRecovery
 *
 * Removes the copy: the changes are saved or given up.
 */
void
cs_recovery_clear (CsRecovery *self)
{
  g_return_if_fail (self != NULL);

  remove_files (self->base);
}

void
cs_recovery_free (CsRecovery *self)
{
  g_autofree char *lock = NULL;

  if (self == NULL)
    return;
  remove_files (self->base);
  lock = with_extension (self->base, ".lock");
  g_remove (lock);
  close (self->lock_fd);
  g_free (self->base);
  g_free (self);
}

static gint
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const CsRecoveryEntry *x = *(CsRecoveryEntry *const *)a;
  const CsRecoveryEntry *y = *(CsRecoveryEntry *const *)b;

  return g_date_time_compare (x->time, y->time);
}

/**
 * cs_recovery_find_left:
 *
 * The copies windows left behind, oldest first, each locked by this
 * process until it is freed or discarded (so two starts do not both offer
 * it). A slot whose process is gone without a copy is cleaned away.
 *
 * Returns: (transfer full) (element-type CsRecoveryEntry): the copies
 */
GPtrArray *
cs_recovery_find_left (void)
{
  g_autofree char *dir_path = cs_recovery_get_dir ();
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify)cs_recovery_entry_free);
  GDir *dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return entries;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *id = NULL;
      g_autofree char *base = NULL;
      g_autofree char *lock = NULL;
      g_autofree char *info_path = NULL;
      g_autofree char *copy_path = NULL;
      g_autofree char *time = NULL;
      g_autofree char *original = NULL;
      g_autoptr(GKeyFile) info = g_key_file_new ();
      CsRecoveryEntry *entry;
      int fd;

      if (!g_str_has_suffix (name, ".lock"))
        continue;
      id = g_strndup (name, strlen (name) - strlen (".lock"));
      base = g_build_filename (dir_path, id, NULL);
      lock = with_extension (base, ".lock");
      if ((fd = take_lock (lock)) < 0)
        continue; /* a window that lives */
      info_path = with_extension (base, ".info");
      copy_path = with_extension (base, ".json");
      if (!g_file_test (copy_path, G_FILE_TEST_IS_REGULAR) ||
          !g_key_file_load_from_file (info, info_path, G_KEY_FILE_NONE, NULL) ||
          (time = g_key_file_get_string (info, GROUP, "time", NULL)) == NULL)
        {
          /* nothing to offer: a window that had no unsaved changes */
          remove_files (base);
          g_remove (lock);
          close (fd);
          continue;
        }
      entry = g_new0 (CsRecoveryEntry, 1);
      entry->base = g_steal_pointer (&base);
      entry->lock_fd = fd;
      entry->copy = g_file_new_for_path (copy_path);
      original = g_key_file_get_string (info, GROUP, "original", NULL);
      entry->original = original != NULL ? g_file_new_for_uri (original) : NULL;
      entry->etag = g_key_file_get_string (info, GROUP, "etag", NULL);
      entry->title = g_key_file_get_string (info, GROUP, "title", NULL);
      entry->time = g_date_time_new_from_iso8601 (time, NULL);
      if (entry->time == NULL)
        entry->time = g_date_time_new_from_unix_utc (0);
      g_ptr_array_add (entries, entry);
    }
  g_dir_close (dir);
  g_ptr_array_sort (entries, compare_entries);
  return entries;
}

/**
 * cs_recovery_entry_discard:
 * @entry: a #CsRecoveryEntry
 *
 * Removes the copy for good.
 */
void
cs_recovery_entry_discard (CsRecoveryEntry *entry)
{
  g_autofree char *lock = NULL;

  g_return_if_fail (entry != NULL);

  remove_files (entry->base);
  lock = with_extension (entry->base, ".lock");
  g_remove (lock);
}

void
cs_recovery_entry_free (CsRecoveryEntry *entry)
{
  if (entry == NULL)
    return;
  g_clear_object (&entry->copy);
  g_clear_object (&entry->original);
  g_free (entry->etag);
  g_free (entry->title);
  g_clear_pointer (&entry->time, g_date_time_unref);
  if (entry->lock_fd >= 0)
    close (entry->lock_fd);
  g_free (entry->base);
  g_free (entry);
}
