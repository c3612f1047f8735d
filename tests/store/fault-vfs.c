/* fault-vfs.c: a SQLite VFS for tests that makes the disk fail on request
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * It wraps the default VFS (unix) and passes every call through, except
 * that while a fault is armed, writes (and truncation) or syncs of the
 * files it names fail with the result code a real disk would give.
 */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "fault-vfs.h"

typedef struct
{
  sqlite3_file  base;
  sqlite3_file *real;       /* the default VFS's file, right after this */
  char         *name;
} FaultFile;

static sqlite3_vfs fault_vfs;
static sqlite3_vfs *real_vfs;
static sqlite3_io_methods fault_methods;
static GMutex fault_lock;
static FaultKind armed;
static char *armed_name;
static guint n_failed;

static gboolean
fails (FaultFile *file,
       FaultKind  kind)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&fault_lock);

  if (armed != kind || file->name == NULL)
    return FALSE;
  if (armed_name != NULL && strstr (file->name, armed_name) == NULL)
    return FALSE;
  n_failed++;
  return TRUE;
}

static int
write_failure (FaultFile *file)
{
  if (fails (file, FAULT_WRITE_ERROR))
    return SQLITE_IOERR_WRITE;
  if (fails (file, FAULT_DISK_FULL))
    return SQLITE_FULL;
  if (fails (file, FAULT_READ_ONLY))
    return SQLITE_READONLY;
  return SQLITE_OK;
}

static int
fault_close (sqlite3_file *base)
{
  FaultFile *file = (FaultFile *) base;
  int rc = file->real->pMethods ? file->real->pMethods->xClose (file->real) : SQLITE_OK;

  g_clear_pointer (&file->name, g_free);
  return rc;
}

static int
fault_read (sqlite3_file *base, void *buffer, int amount, sqlite3_int64 offset)
{
  FaultFile *file = (FaultFile *) base;
  return file->real->pMethods->xRead (file->real, buffer, amount, offset);
}

static int
fault_write (sqlite3_file *base, const void *buffer, int amount, sqlite3_int64 offset)
{
  FaultFile *file = (FaultFile *) base;
  int rc = write_failure (file);

  return rc != SQLITE_OK ? rc : file->real->pMethods->xWrite (file->real, buffer, amount, offset);
}

static int
fault_truncate (sqlite3_file *base, sqlite3_int64 size)
{
  FaultFile *file = (FaultFile *) base;
  int rc = write_failure (file);

  if (rc == SQLITE_IOERR_WRITE)
    rc = SQLITE_IOERR_TRUNCATE;
  return rc != SQLITE_OK ? rc : file->real->pMethods->xTruncate (file->real, size);
}

static int
fault_sync (sqlite3_file *base, int flags)
{
  FaultFile *file = (FaultFile *) base;

  if (fails (file, FAULT_FSYNC_ERROR))
    return SQLITE_IOERR_FSYNC;
  return file->real->pMethods->xSync (file->real, flags);
}

static int
fault_file_size (sqlite3_file *base, sqlite3_int64 *size)
{
  FaultFile *file = (FaultFile *) base;
  return file->real->pMethods->xFileSize (file->real, size);
}

static int
fault_lock_file (sqlite3_file *base, int level)
{
  FaultFile *file = (FaultFile *) base;
  return file->real->pMethods->xLock (file->real, level);
}

static int
fault_unlock (sqlite3_file *base, int level)
{
  FaultFile *file = (FaultFile *) base;
  return file->real->pMethods->xUnlock (file->real, level);
}

static int
fault_check_reserved_lock (sqlite3_file *base, int *out)
{
  FaultFile *file = (FaultFile *) base;
  return file->real->pMethods->xCheckReservedLock (file->real, out);
}

static int
fault_file_control (sqlite3_file *base, int op, void *arg)
{
  FaultFile *file = (FaultFile *) base;
  return file->real->pMethods->xFileControl (file->real, op, arg);
}

static int
fault_sector_size (sqlite3_file *base)
{
  FaultFile *file = (FaultFile *) base;
  return file->real->pMethods->xSectorSize (file->real);
}

static int
fault_device_characteristics (sqlite3_file *base)
{
  FaultFile *file = (FaultFile *) base;
  return file->real->pMethods->xDeviceCharacteristics (file->real);
}

static int
fault_shm_map (sqlite3_file *base, int region, int size, int extend, void volatile **out)
{
  FaultFile *file = (FaultFile *) base;
  return file->real->pMethods->xShmMap (file->real, region, size, extend, out);
}

static int
fault_shm_lock (sqlite3_file *base, int offset, int n, int flags)
{
  FaultFile *file = (FaultFile *) base;
  return file->real->pMethods->xShmLock (file->real, offset, n, flags);
}

static void
fault_shm_barrier (sqlite3_file *base)
{
  FaultFile *file = (FaultFile *) base;
  file->real->pMethods->xShmBarrier (file->real);
}

static int
fault_shm_unmap (sqlite3_file *base, int delete_flag)
{
  FaultFile *file = (FaultFile *) base;
  return file->real->pMethods->xShmUnmap (file->real, delete_flag);
}

/* No memory-mapped reads: every read goes through xRead. */
static int
fault_fetch (sqlite3_file *base, sqlite3_int64 offset, int amount, void **out)
{
  *out = NULL;
  return SQLITE_OK;
}

static int
fault_unfetch (sqlite3_file *base, sqlite3_int64 offset, void *page)
{
  return SQLITE_OK;
}

static int
fault_open (sqlite3_vfs *vfs, sqlite3_filename name, sqlite3_file *base, int flags, int *out_flags)
{
  FaultFile *file = (FaultFile *) base;
  int rc;

  memset (file, 0, sizeof *file);
  file->real = (sqlite3_file *) (file + 1);
  memset (file->real, 0, real_vfs->szOsFile);
  rc = real_vfs->xOpen (real_vfs, name, file->real, flags, out_flags);
  if (file->real->pMethods == NULL)
    {
      base->pMethods = NULL;
      return rc;
    }
  file->name = g_strdup (name);
  base->pMethods = &fault_methods;
  return rc;
}

static int
fault_delete (sqlite3_vfs *vfs, const char *name, int sync_dir)
{
  return real_vfs->xDelete (real_vfs, name, sync_dir);
}

static int
fault_access (sqlite3_vfs *vfs, const char *name, int flags, int *out)
{
  return real_vfs->xAccess (real_vfs, name, flags, out);
}

static int
fault_full_pathname (sqlite3_vfs *vfs, const char *name, int size, char *out)
{
  return real_vfs->xFullPathname (real_vfs, name, size, out);
}

static void *
fault_dl_open (sqlite3_vfs *vfs, const char *name)
{
  return real_vfs->xDlOpen (real_vfs, name);
}

static void
fault_dl_error (sqlite3_vfs *vfs, int size, char *out)
{
  real_vfs->xDlError (real_vfs, size, out);
}

static void (*fault_dl_sym (sqlite3_vfs *vfs, void *handle, const char *symbol)) (void)
{
  return real_vfs->xDlSym (real_vfs, handle, symbol);
}

static void
fault_dl_close (sqlite3_vfs *vfs, void *handle)
{
  real_vfs->xDlClose (real_vfs, handle);
}

static int
fault_randomness (sqlite3_vfs *vfs, int size, char *out)
{
  return real_vfs->xRandomness (real_vfs, size, out);
}

static int
fault_sleep (sqlite3_vfs *vfs, int microseconds)
{
  return real_vfs->xSleep (real_vfs, microseconds);
}

static int
fault_current_time (sqlite3_vfs *vfs, double *out)
{
  return real_vfs->xCurrentTime (real_vfs, out);
}

static int
fault_get_last_error (sqlite3_vfs *vfs, int size, char *out)
{
  return real_vfs->xGetLastError ? real_vfs->xGetLastError (real_vfs, size, out) : 0;
}

static int
fault_current_time_int64 (sqlite3_vfs *vfs, sqlite3_int64 *out)
{
  return real_vfs->xCurrentTimeInt64 (real_vfs, out);
}

void
fault_vfs_install (void)
{
  if (real_vfs != NULL)
    return;
  real_vfs = sqlite3_vfs_find (NULL);
  g_assert (real_vfs != NULL && real_vfs->iVersion >= 2);

  fault_methods = (sqlite3_io_methods) {
    .iVersion = 3,
    .xClose = fault_close,
    .xRead = fault_read,
    .xWrite = fault_write,
    .xTruncate = fault_truncate,
    .xSync = fault_sync,
    .xFileSize = fault_file_size,
    .xLock = fault_lock_file,
    .xUnlock = fault_unlock,
    .xCheckReservedLock = fault_check_reserved_lock,
    .xFileControl = fault_file_control,
    .xSectorSize = fault_sector_size,
    .xDeviceCharacteristics = fault_device_characteristics,
    .xShmMap = fault_shm_map,
    .xShmLock = fault_shm_lock,
    .xShmBarrier = fault_shm_barrier,
    .xShmUnmap = fault_shm_unmap,
    .xFetch = fault_fetch,
    .xUnfetch = fault_unfetch,
  };
  fault_vfs = (sqlite3_vfs) {
    .iVersion = 2,
    .szOsFile = (int) sizeof (FaultFile) + real_vfs->szOsFile,
    .mxPathname = real_vfs->mxPathname,
    .zName = "ourplan-fault",
    .xOpen = fault_open,
    .xDelete = fault_delete,
    .xAccess = fault_access,
    .xFullPathname = fault_full_pathname,
    .xDlOpen = fault_dl_open,
    .xDlError = fault_dl_error,
    .xDlSym = fault_dl_sym,
    .xDlClose = fault_dl_close,
    .xRandomness = fault_randomness,
    .xSleep = fault_sleep,
    .xCurrentTime = fault_current_time,
    .xGetLastError = fault_get_last_error,
    .xCurrentTimeInt64 = fault_current_time_int64,
  };
  g_assert (sqlite3_vfs_register (&fault_vfs, 1) == SQLITE_OK);
}

void
fault_vfs_arm (FaultKind   kind,
               const char *name_part)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&fault_lock);

  armed = kind;
  g_free (armed_name);
  armed_name = g_strdup (name_part);
  n_failed = 0;
}

guint
fault_vfs_get_n_failed (void)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&fault_lock);

  return n_failed;
}
