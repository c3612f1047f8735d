/* our-store-file.c: file safety: the checks before SQLite sees a file, backups, locks and network folders
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <unistd.h>

#include "our-file-format.h"
#include "our-store-error.h"
#include "our-store-file.h"
#include "our-store-sql.h"

static const char sqlite_magic[16] = "SQLite format 3";

guint32
our_store_file_read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

gboolean
our_store_file_sync_folder (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  gboolean ok;

  if (fd < 0)
    return FALSE;
  ok = fsync (fd) == 0 || errno == EINVAL;
  close (fd);
  return ok;
}

gboolean
our_store_file_has_content (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 && st.st_size > 0;
}

/* Opens @path for the store's own descriptor and looks at its bytes: is it a
 * plan, is it whole, is it too new? Returns the descriptor, or -1 with
 * @error set. Writes nothing. */
int
our_store_file_precheck (const char   *path,
                         int           target_version,
                         struct stat  *st,
                         guint8        header[OUR_STORE_HEADER_SIZE],
                         GError      **error)
{
  g_autofree char *journal = NULL;
  g_autofree char *wal = NULL;
  ssize_t got;
  guint32 page_size;
  int fd;

  /* O_NONBLOCK so that a FIFO named like a plan cannot hang us. */
  fd = open (path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
  if (fd < 0)
    {
      int saved = errno;

      if (saved == ENOENT || saved == ENOTDIR)
        g_set_error_literal (error, OUR_STORE_ERROR, OUR_STORE_ERROR_NOT_FOUND,
                             _("This plan could not be found. It may have been moved or deleted."));
      else if (saved == EACCES || saved == EPERM)
        g_set_error_literal (error, OUR_STORE_ERROR, OUR_STORE_ERROR_FAILED,
                             _("You do not have permission to open this plan."));
      else if (saved == ENXIO)
        g_set_error_literal (error, OUR_STORE_ERROR, OUR_STORE_ERROR_NOT_A_PLAN,
                             _("This is not a plan file."));
      else
        g_set_error (error, OUR_STORE_ERROR, OUR_STORE_ERROR_FAILED,
                     _("This plan could not be opened (%s)."), g_strerror (saved));
      return -1;
    }

  if (fstat (fd, st) != 0 || !S_ISREG (st->st_mode))
    {
      g_set_error_literal (error, OUR_STORE_ERROR, OUR_STORE_ERROR_NOT_A_PLAN,
                           _("This is not a plan file."));
      goto refuse;
    }
  if (st->st_size == 0)
    {
      g_set_error_literal (error, OUR_STORE_ERROR, OUR_STORE_ERROR_EMPTY,
                           _("This file is empty, so there is no plan in it."));
      goto refuse;
    }

  got = pread (fd, header, OUR_STORE_HEADER_SIZE, 0);
  if (got < 0)
    {
      g_set_error (error, OUR_STORE_ERROR, OUR_STORE_ERROR_FAILED,
                   _("This plan could not be read (%s)."), g_strerror (errno));
      goto refuse;
    }
  if (memcmp (header, sqlite_magic, MIN ((gsize) got, sizeof sqlite_magic)) != 0)
    {
      g_set_error_literal (error, OUR_STORE_ERROR, OUR_STORE_ERROR_NOT_A_PLAN,
                           _("This file is not a plan made with Our Plan."));
      goto refuse;
    }
  if (got < OUR_STORE_HEADER_SIZE)
    {
      our_store_error_set_damaged (error);
      goto refuse;
    }
  if (our_store_file_read_be32 (header + 68) != OUR_APPLICATION_ID)
    {
      g_set_error_literal (error, OUR_STORE_ERROR, OUR_STORE_ERROR_FOREIGN,
                           _("This file belongs to another program. It is not a plan made with Our Plan."));
      goto refuse;
    }

  page_size = ((guint32) header[16] << 8) | header[17];
  if (page_size == 1)
    page_size = 65536;
  if (page_size < 512 || page_size > 65536 || (page_size & (page_size - 1)) != 0
      || st->st_size < (goffset) page_size)
    {
      our_store_error_set_damaged (error);
      goto refuse;
    }

  /* After a crash SQLite repairs the file from its journal, and until then
   * the header may not match the file's size: only check a file at rest. */
  journal = g_strconcat (path, "-journal", NULL);
  wal = g_strconcat (path, "-wal", NULL);
  if (!our_store_file_has_content (journal) && !our_store_file_has_content (wal))
    {
      guint32 n_pages = our_store_file_read_be32 (header + 28);
      gboolean count_valid = n_pages != 0 && our_store_file_read_be32 (header + 24) == our_store_file_read_be32 (header + 92);

      if (st->st_size % page_size != 0
          || (count_valid && (guint64) st->st_size < (guint64) n_pages * page_size))
        {
          our_store_error_set_damaged (error);
          goto refuse;
        }
    }

  if ((gint32) our_store_file_read_be32 (header + 60) > target_version)
    {
      g_set_error_literal (error, OUR_STORE_ERROR, OUR_STORE_ERROR_TOO_NEW,
                           _("This plan was made with a newer version of Our Plan. Update Our Plan to open it."));
      goto refuse;
    }

  return fd;

refuse:
  close (fd);
  return -1;
}

/* The full check, on every open as in `check`: quick_check does not see an
 * index that has lost rows, on which later edits would go wrong (found by
 * tests/fuzz/fuzz-plan-open.c). Its extra cost is the indexes only. */
int
our_store_file_check_integrity (sqlite3     *db,
                                char       **result)
{
  return our_store_sql_query_text (db, "PRAGMA integrity_check(1)", result);
}

/* Copies the bytes behind @fd to @backup_path (temporary file, sync,
 * rename): nothing is written to the plan before this returns TRUE. */
gboolean
our_store_file_copy_to_backup (int          fd,
                               const char  *backup_path,
                               GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (backup_path);
  g_autofree char *base = g_path_get_basename (backup_path);
  g_autofree char *tmp = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  char buffer[65536];
  off_t offset = 0;
  int out;

  out = g_mkstemp_full (tmp, O_WRONLY | O_CLOEXEC, 0600);
  if (out < 0)
    goto failed;
  for (;;)
    {
      ssize_t got = pread (fd, buffer, sizeof buffer, offset);
      ssize_t done = 0;

      if (got < 0 && errno == EINTR)
        continue;
      if (got < 0)
        goto failed;
      if (got == 0)
        break;
      while (done < got)
        {
          ssize_t put = write (out, buffer + done, got - done);

          if (put < 0 && errno == EINTR)
            continue;
          if (put < 0)
            goto failed;
          done += put;
        }
      offset += got;
    }
  if (fsync (out) != 0 || close (out) != 0)
    {
      out = -1;
      goto failed;
    }
  out = -1;
  if (g_rename (tmp, backup_path) != 0)
    goto failed;
  our_store_file_sync_folder (backup_path);
  return TRUE;

failed:
  {
    int saved = errno;

    if (out >= 0)
      close (out);
    g_unlink (tmp);
    if (saved == ENOSPC)
      g_set_error_literal (error, OUR_STORE_ERROR, OUR_STORE_ERROR_NO_SPACE,
                           _("The disk is full, so this plan cannot be updated to work with this version of Our Plan."));
    else
      g_set_error_literal (error, OUR_STORE_ERROR, OUR_STORE_ERROR_READ_ONLY,
                           _("A safety copy of this plan could not be made, so it has not been updated to work with this version of Our Plan."));
    return FALSE;
  }
}

/* A name for the backup that replaces no other file, not even an earlier
 * backup the person may be keeping. */
char *
our_store_file_backup_path (const char *path,
                            int         version)
{
  char *backup = g_strdup_printf ("%s.before-update-v%d.bak", path, version);

  for (guint n = 2; g_file_test (backup, G_FILE_TEST_EXISTS) && n < 1000; n++)
    {
      g_free (backup);
      backup = g_strdup_printf ("%s.before-update-v%d-%u.bak", path, version, n);
    }
  return backup;
}

/* NFS, SMB/CIFS and FUSE mounts (sshfs, cloud folders): WAL's shared memory
 * cannot be trusted there. */
gboolean
our_store_file_is_on_network_folder (int fd)
{
  static const unsigned long network_magics[] = {
    0x6969,       /* NFS */
    0x517B,       /* SMB */
    0xFF534D42,   /* CIFS */
    0xFE534D42,   /* SMB2 */
    0x65735546,   /* FUSE */
    0x564C,       /* NCP */
    0x73757245,   /* Coda */
  };
  struct statfs info;

  if (fstatfs (fd, &info) != 0)
    return TRUE; /* unsure: the mode that works everywhere */
  for (guint i = 0; i < G_N_ELEMENTS (network_magics); i++)
    if ((unsigned long) info.f_type == network_magics[i])
      return TRUE;
  return FALSE;
}

/* Whether another Our Plan holds the plan open for editing right now. Its
 * side files are then its live log, which SQLite shares safely. */
gboolean
our_store_file_held_elsewhere (int fd)
{
  if (flock (fd, LOCK_EX | LOCK_NB) != 0)
    return errno == EWOULDBLOCK;
  flock (fd, LOCK_UN);
  return FALSE;
}

char *
our_store_file_folder_reason (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  /* Saving needs a log file next to the plan. */
  if (access (dir, W_OK | X_OK) == 0)
    return NULL;
  if (errno == EACCES || errno == EPERM)
    return g_strdup (_("You do not have permission to change the folder this plan is in, so it has been opened read-only."));
  return g_strdup (_("This plan is in a folder that cannot be changed, so it has been opened read-only."));
}

