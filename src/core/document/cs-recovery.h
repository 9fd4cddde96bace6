/* cs-recovery.h
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* One window's recovery slot: where a copy of its unsaved changes goes */
typedef struct _CsRecovery CsRecovery;

/* A copy left by a window that is gone: its process stopped (crashed, was
 * killed) with changes unsaved */
typedef struct
{
  GFile     *copy;     /* the graph with the changes */
  GFile     *original; /* the file they were changes of; nullable */
  char      *etag;     /* that file's entity tag then; nullable */
  char      *title;
  GDateTime *time;     /* when the copy was written */
  /* private */
  char      *base;
  int        lock_fd;
} CsRecoveryEntry;

CsRecovery *cs_recovery_new                (GError             **error);
GFile      *cs_recovery_get_copy_file      (CsRecovery          *self);
gboolean    cs_recovery_commit             (CsRecovery          *self,
                                            GFile               *original,
                                            const char          *etag,
                                            const char          *title,
                                            GError             **error);
void        cs_recovery_clear              (CsRecovery          *self);
void        cs_recovery_free               (CsRecovery          *self);
char       *cs_recovery_get_dir            (void);

GPtrArray  *cs_recovery_find_left          (void);
void        cs_recovery_entry_discard      (CsRecoveryEntry     *entry);
void        cs_recovery_entry_free         (CsRecoveryEntry     *entry);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CsRecovery, cs_recovery_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CsRecoveryEntry, cs_recovery_entry_free)

G_END_DECLS
