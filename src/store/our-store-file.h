/* our-store-file.h: file safety: the checks before SQLite sees a file, backups, locks and network folders
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>
#include <sys/stat.h>

#include <glib.h>

G_BEGIN_DECLS

/* The fixed header at the start of every SQLite file. */
#define OUR_STORE_HEADER_SIZE 100

guint32      our_store_file_read_be32            (const guint8  *p);
/* Syncs the folder holding @path, so that a rename in it is on disk. */
gboolean     our_store_file_sync_folder          (const char    *path);
gboolean     our_store_file_has_content          (const char    *path);
/* Opens @path for the store's own descriptor and looks at its bytes: is it
 * a plan, is it whole, is it newer than @target_version? Returns the
 * descriptor (with @st and @header filled), or -1 with @error set. Writes
 * nothing. */
int          our_store_file_precheck             (const char    *path,
                                                  int            target_version,
                                                  struct stat   *st,
                                                  guint8         header[OUR_STORE_HEADER_SIZE],
                                                  GError       **error);
/* The full integrity check; @result is "ok" for a sound file. */
int          our_store_file_check_integrity      (sqlite3       *db,
                                                  char         **result);
/* Copies the bytes behind @fd to @backup_path (temporary file, sync,
 * rename): nothing is written to the plan before this returns TRUE. */
gboolean     our_store_file_copy_to_backup       (int            fd,
                                                  const char    *backup_path,
                                                  GError       **error);
/* A name beside @path for the backup made before updating from @version,
 * replacing no other file. */
char        *our_store_file_backup_path          (const char    *path,
                                                  int            version);
/* NFS, SMB/CIFS and FUSE mounts, where WAL's shared memory cannot be
 * trusted (TRUE when unsure). */
gboolean     our_store_file_is_on_network_folder (int            fd);
/* Whether another Our Plan holds the plan behind @fd open for editing. */
gboolean     our_store_file_held_elsewhere       (int            fd);
/* Why plans in the folder of @path cannot be saved, as a sentence, or NULL
 * when they can. */
char        *our_store_file_folder_reason        (const char    *path);

G_END_DECLS
