/* fault-vfs.h: a SQLite VFS for tests that makes the disk fail on request
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  FAULT_NONE,
  FAULT_WRITE_ERROR,   /* every write fails, as on a failing disk */
  FAULT_FSYNC_ERROR,   /* writes go through, but syncing them fails */
  FAULT_DISK_FULL,     /* every write fails with "disk full" */
  FAULT_READ_ONLY,     /* the disk turned read-only (a USB stick's lock, a remount) */
} FaultKind;

/* Puts the fault VFS in front of SQLite's default one, for every database
 * opened after this. Without a fault armed it changes nothing. */
void       fault_vfs_install       (void);
/* From now on, files whose name contains @name_part (NULL: every file) fail
 * as @kind says. FAULT_NONE stops it. */
void       fault_vfs_arm           (FaultKind   kind,
                                    const char *name_part);
/* How many operations failed since the last fault_vfs_arm(). */
guint      fault_vfs_get_n_failed  (void);

G_END_DECLS
