/* cs-save.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-save.h"

#include <glib/gi18n-lib.h>

/* Saving a graph file, the one way the window and `consortia --export
 * OUT.json` write one. GIO's g_file_replace() writes a temporary file in
 * the target's folder, flushes it to disk (fsync) and renames it over the
 * target when the stream is closed, keeping the old file as FILE~ when
 * asked: at any moment, a kill included, the target is the old file or
 * the new one, whole. A write that fails must not be followed by a plain
 * close, which would rename the partial file over the target (as
 * g_file_replace_contents() does after a failed write, measured on GLib
 * 2.74): the stream is closed with a cancelled cancellable instead, which
 * deletes the temporary file and leaves the target alone. */

static char *
folder_name (GFile *file)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);

  return parent != NULL ? g_file_get_parse_name (parent) : g_strdup ("/");
}

/* GIO's messages name a path or not, and some only say "Error writing to
 * file": a reason alone, in words a user can act on */
static void
explain (GFile   *file,
         GError **error)
{
  g_autofree char *folder = folder_name (file);
  GError *old = *error;
  const char *reason = NULL;
  g_autofree char *owned = NULL;

  if (old->domain != G_IO_ERROR)
    return;
  switch (old->code)
    {
    case G_IO_ERROR_NO_SPACE:
      reason = _("the disk is full");
      break;
    case G_IO_ERROR_IS_DIRECTORY:
      reason = _("it is a folder, not a file");
      break;
    case G_IO_ERROR_NOT_FOUND:
      /* TRANSLATORS: the folder a file was to be saved in */
      reason = owned = g_strdup_printf (_("the folder “%s” does not exist"), folder);
      break;
    case G_IO_ERROR_NOT_DIRECTORY:
      /* TRANSLATORS: what was to be the folder a file is saved in */
      reason = owned = g_strdup_printf (_("“%s” is not a folder"), folder);
      break;
    case G_IO_ERROR_PERMISSION_DENIED:
    case G_IO_ERROR_READ_ONLY:
      {
        g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_ACCESS_CAN_WRITE,
                                                       G_FILE_QUERY_INFO_NONE, NULL, NULL);

        if (info != NULL && !g_file_info_get_attribute_boolean (info,
                                                                G_FILE_ATTRIBUTE_ACCESS_CAN_WRITE))
          reason = _("the file is read-only");
        else
          /* TRANSLATORS: the folder a file was to be saved in */
          reason = owned = g_strdup_printf (_("the folder “%s” cannot be written to"), folder);
      }
      break;
    case G_IO_ERROR_WRONG_ETAG:
      reason = _("the file was changed by another program since it was opened or saved");
      break;
    default:
      break;
    }
  if (reason == NULL)
    return;
  *error = g_error_new_literal (old->domain, old->code, reason);
  g_error_free (old);
}

/**
 * cs_save_graph:
 * @file: where to save
 * @content: what to write
 * @flags: #CsSaveFlags
 * @etag: (nullable): the entity tag @file had when it was read or last
 *   saved: the save fails with %G_IO_ERROR_WRONG_ETAG when another program
 *   changed it since; %NULL to replace whatever is there
 * @new_etag: (out) (optional) (transfer full): the entity tag of the file
 *   written
 * @progress: (nullable) (scope call): told how far the writing has got
 * @user_data: data for @progress
 * @cancellable: (nullable): a #GCancellable
 * @error: a #GIOError whose message is the reason alone
 *
 * Writes @content as Consortia JSON (cs_consortia_writer_write()) to
 * @file through a temporary file flushed to disk and renamed over it.
 * On failure or cancellation @file is as it was and no temporary file is
 * left. Blocks: run it in a worker thread for a big graph.
 *
 * Returns: %TRUE when @file holds the new text
 */
gboolean
cs_save_graph (GFile                *file,
               const CsSaveContent  *content,
               CsSaveFlags           flags,
               const char           *etag,
               char                **new_etag,
               CsWriterProgress      progress,
               gpointer              user_data,
               GCancellable         *cancellable,
               GError              **error)
{
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GCancellable) abandon = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean backup = (flags & CS_SAVE_BACKUP) != 0;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (content != NULL && CS_IS_GRAPH (content->graph), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stream = g_file_replace (file, etag, backup, G_FILE_CREATE_NONE, cancellable, &local_error);
  /* a folder where no backup can be made still gets the file */
  if (stream == NULL && backup &&
      g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANT_CREATE_BACKUP))
    {
      g_clear_error (&local_error);
      stream = g_file_replace (file, etag, FALSE, G_FILE_CREATE_NONE, cancellable, &local_error);
    }
  if (stream == NULL)
    {
      explain (file, &local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (!cs_consortia_writer_write (content->graph, content->positions, content->pinned,
                                  content->layout_algorithm, content->layout_seed, content->view,
                                  G_OUTPUT_STREAM (stream), progress, user_data, cancellable,
                                  &local_error))
    {
      abandon = g_cancellable_new ();
      g_cancellable_cancel (abandon);
      g_output_stream_close (G_OUTPUT_STREAM (stream), abandon, NULL);
      explain (file, &local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  /* the last moment to give up: after this the new file is in place;
   * another program may have replaced the file while this one was written */
  if (etag != NULL && !g_cancellable_is_cancelled (cancellable))
    {
      g_autofree char *now = cs_save_query_etag (file);

      if (now != NULL && !g_str_equal (now, etag))
        g_set_error_literal (&local_error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG,
                             _("the file was changed by another program"));
    }
  if (local_error != NULL || g_cancellable_set_error_if_cancelled (cancellable, &local_error) ||
      !g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, &local_error))
    {
      if (!g_output_stream_is_closed (G_OUTPUT_STREAM (stream)))
        {
          abandon = g_cancellable_new ();
          g_cancellable_cancel (abandon);
          g_output_stream_close (G_OUTPUT_STREAM (stream), abandon, NULL);
        }
      explain (file, &local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (new_etag != NULL)
    *new_etag = g_file_output_stream_get_etag (stream);
  return TRUE;
}

/**
 * cs_save_query_etag:
 * @file: a file
 *
 * Returns: (transfer full) (nullable): @file's entity tag as it is on disk
 *   now, %NULL when it cannot be read (it is gone, for example)
 */
char *
cs_save_query_etag (GFile *file)
{
  g_autoptr(GFileInfo) info = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE, G_FILE_QUERY_INFO_NONE, NULL,
                            NULL);
  if (info == NULL)
    return NULL;
  return g_strdup (g_file_info_get_etag (info));
}
