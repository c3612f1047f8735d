/* our-side-files.c: the files SQLite keeps beside a plan, and whether they are this plan's
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SQLite trusts whatever it finds next to a database: a rollback journal is
 * rolled in (and the super-journal it names is deleted), a write-ahead log is
 * read as the newest pages of the file. Plan files travel, so a file next to
 * a plan may come from anywhere. The rule: a side file reaches SQLite only
 * when this program wrote it for this plan.
 *
 * - This program never leaves a rollback journal behind: plans are edited
 *   and updated in WAL mode only. A journal with anything in it is foreign.
 * - A write-ahead log is this plan's only when each of its saved
 *   transactions rewrote the plan's identity page (every save bumps a
 *   counter there) and the plan it describes carries the same file identity
 *   as the plan itself. The log is read here with SQLite's own recovery
 *   rules (header checksum, salts, cumulative frame checksums), so this
 *   code and SQLite agree on which frames count.
 * - Side files must be plain files with one name: a link could make SQLite
 *   write or truncate a file elsewhere.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* renameat2 */
#endif
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "our-file-format.h"
#include "our-side-files.h"

#define WAL_HEADER_SIZE 32
#define WAL_FRAME_HEADER_SIZE 24
#define WAL_MAGIC 0x377f0682u
#define WAL_VERSION 3007000u
/* A log larger than this is not one this program wrote for a plan. */
#define MAX_WAL_BYTES ((gsize) 256 << 20)
#define MAX_PLAN_BYTES ((gsize) 2 << 30)

static const char *const suffixes[OUR_N_SIDE_FILES] = {
  [OUR_SIDE_JOURNAL] = "-journal",
  [OUR_SIDE_WAL] = "-wal",
  [OUR_SIDE_SHM] = "-shm",
};

static guint32
be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

static guint32
le32 (const guint8 *p)
{
  return ((guint32) p[3] << 24) | ((guint32) p[2] << 16) | ((guint32) p[1] << 8) | p[0];
}

static void
put_be32 (guint8  *p,
          guint32  value)
{
  p[0] = value >> 24;
  p[1] = value >> 16;
  p[2] = value >> 8;
  p[3] = value;
}

/* SQLite's WAL checksum (fileformat2.html, "Checksum Algorithm"). */
static void
wal_checksum (gboolean      big_endian,
              const guint8 *data,
              gsize         size,
              guint32      *s0,
              guint32      *s1)
{
  for (gsize i = 0; i + 8 <= size; i += 8)
    {
      guint32 x0 = big_endian ? be32 (data + i) : le32 (data + i);
      guint32 x1 = big_endian ? be32 (data + i + 4) : le32 (data + i + 4);

      *s0 += x0 + *s1;
      *s1 += x1 + *s0;
    }
}

static gboolean
is_page_size (guint32 size)
{
  return size >= 512 && size <= 65536 && (size & (size - 1)) == 0;
}

/* Reads @wal the way SQLite's recovery does: a header with a valid checksum,
 * then frames with the header's salts and a running checksum; only frames
 * up to the last commit count. Returns FALSE when the header is not a valid
 * log header (SQLite would then ignore the whole file). */
gboolean
our_wal_scan (const guint8 *wal,
              gsize         size,
              OurWalScan   *scan)
{
  gboolean big_endian;
  guint32 magic, s0 = 0, s1 = 0;
  gsize frame_size;

  memset (scan, 0, sizeof *scan);
  scan->commits = g_array_new (FALSE, FALSE, sizeof (guint32));

  if (size < WAL_HEADER_SIZE)
    return FALSE;
  magic = be32 (wal);
  if ((magic & ~1u) != WAL_MAGIC || be32 (wal + 4) != WAL_VERSION
      || !is_page_size (be32 (wal + 8)))
    return FALSE;
  big_endian = (magic & 1) != 0;
  wal_checksum (big_endian, wal, 24, &s0, &s1);
  if (s0 != be32 (wal + 24) || s1 != be32 (wal + 28))
    return FALSE;

  scan->page_size = be32 (wal + 8);
  frame_size = WAL_FRAME_HEADER_SIZE + scan->page_size;
  for (guint32 i = 0; WAL_HEADER_SIZE + ((gsize) i + 1) * frame_size <= size; i++)
    {
      const guint8 *frame = wal + WAL_HEADER_SIZE + (gsize) i * frame_size;
      guint32 page_number = be32 (frame);
      guint32 commit_size = be32 (frame + 4);

      if (page_number == 0 || memcmp (frame + 8, wal + 16, 8) != 0)
        break;
      wal_checksum (big_endian, frame, 8, &s0, &s1);
      wal_checksum (big_endian, frame + WAL_FRAME_HEADER_SIZE, scan->page_size, &s0, &s1);
      if (s0 != be32 (frame + 16) || s1 != be32 (frame + 20))
        break;
      if (commit_size != 0)
        {
          scan->n_frames = i + 1;
          scan->n_pages = commit_size;
          g_array_append_val (scan->commits, i);
        }
    }
  return TRUE;
}

void
our_wal_scan_clear (OurWalScan *scan)
{
  g_clear_pointer (&scan->commits, g_array_unref);
  memset (scan, 0, sizeof *scan);
}

/* Whether every saved transaction in the log wrote page @page_number. */
gboolean
our_wal_every_commit_writes (const OurWalScan *scan,
                             const guint8     *wal,
                             guint32           page_number)
{
  gsize frame_size = WAL_FRAME_HEADER_SIZE + scan->page_size;
  gboolean written = FALSE;
  guint next_commit = 0;

  if (scan->commits == NULL || scan->commits->len == 0)
    return FALSE;
  for (guint32 i = 0; i < scan->n_frames; i++)
    {
      const guint8 *frame = wal + WAL_HEADER_SIZE + (gsize) i * frame_size;

      written = written || be32 (frame) == page_number;
      if (i == g_array_index (scan->commits, guint32, next_commit))
        {
          if (!written)
            return FALSE;
          written = FALSE;
          next_commit++;
        }
    }
  return TRUE;
}

/* Marks an image as a rollback-journal file whose header tells its true
 * size, so that SQLite can open it from memory. */
static void
patch_header_for_memory (guint8 *image,
                         gsize   size,
                         guint32 page_size)
{
  if (size < 100 || page_size == 0)
    return;
  image[18] = 1;
  image[19] = 1;
  put_be32 (image + 28, (guint32) (size / page_size));
  memcpy (image + 92, image + 24, 4);
}

/* The plan with the log's saved frames written over it, as SQLite would
 * read it. Allocated with sqlite3_malloc64(). */
guint8 *
our_wal_fold (const OurWalScan *scan,
              const guint8     *wal,
              const guint8     *main,
              gsize             main_size,
              gsize            *image_size)
{
  gsize frame_size = WAL_FRAME_HEADER_SIZE + scan->page_size;
  gsize size = (gsize) scan->n_pages * scan->page_size;
  guint8 *image;

  *image_size = 0;
  /* A log can grow the plan only by the pages it holds. */
  if (scan->n_frames == 0 || size == 0 || size > MAX_PLAN_BYTES
      || scan->n_pages > main_size / scan->page_size + scan->n_frames)
    return NULL;
  image = sqlite3_malloc64 (size);
  if (image == NULL)
    return NULL;
  memset (image, 0, size);
  memcpy (image, main, MIN (main_size, size));
  for (guint32 i = 0; i < scan->n_frames; i++)
    {
      const guint8 *frame = wal + WAL_HEADER_SIZE + (gsize) i * frame_size;
      guint32 page_number = be32 (frame);

      if (page_number <= scan->n_pages)
        memcpy (image + (gsize) (page_number - 1) * scan->page_size,
                frame + WAL_FRAME_HEADER_SIZE, scan->page_size);
    }
  patch_header_for_memory (image, size, scan->page_size);
  *image_size = size;
  return image;
}

/* ------------------------------------------------------------------------ */
/* Reading files without following links                                    */

static guint8 *
read_fd (int    fd,
         gsize  size,
         gsize  extra)
{
  guint8 *data = sqlite3_malloc64 (size + extra);
  gsize done = 0;

  if (data == NULL)
    return NULL;
  while (done < size)
    {
      ssize_t got = pread (fd, data + done, size - done, done);

      if (got < 0 && errno == EINTR)
        continue;
      if (got <= 0)
        {
          sqlite3_free (data);
          return NULL;
        }
      done += got;
    }
  return data;
}

/* The whole plan file, header marked for opening from memory. */
guint8 *
our_side_read_plan_image (int    plan_fd,
                          gsize *size)
{
  struct stat st;
  guint8 *image;

  *size = 0;
  if (fstat (plan_fd, &st) != 0 || !S_ISREG (st.st_mode) || st.st_size < 100
      || (gsize) st.st_size > MAX_PLAN_BYTES)
    return NULL;
  image = read_fd (plan_fd, st.st_size, 0);
  if (image == NULL)
    return NULL;
  patch_header_for_memory (image, st.st_size, ((guint32) image[16] << 8 | image[17]) == 1
                           ? 65536 : ((guint32) image[16] << 8 | image[17]));
  *size = st.st_size;
  return image;
}

/* ------------------------------------------------------------------------ */
/* Identity                                                                 */

typedef struct
{
  char    *file_id;
  gint64   identity_page;
  gboolean whole;
  gboolean ours;
} ImageFacts;

static char *
query_text (sqlite3    *db,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return text;
}

/* Looks into an image without changing it. */
static void
read_image_facts (guint8     *image,
                  gsize       size,
                  gboolean    check,
                  ImageFacts *facts)
{
  g_autofree char *app_id = NULL;
  g_autofree char *page = NULL;
  g_autofree char *integrity = NULL;
  sqlite3 *db = NULL;

  memset (facts, 0, sizeof *facts);
  if (sqlite3_open_v2 (":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL)
      != SQLITE_OK)
    goto out;
  sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_VIEW, 0, NULL);
  if (sqlite3_deserialize (db, "main", image, size, size, SQLITE_DESERIALIZE_READONLY)
      != SQLITE_OK)
    goto out;
  sqlite3_exec (db, "PRAGMA cell_size_check = ON", NULL, NULL, NULL);

  app_id = query_text (db, "PRAGMA application_id");
  facts->ours = app_id != NULL && g_ascii_strtoll (app_id, NULL, 10) == (gint32) OUR_APPLICATION_ID;
  if (check)
    {
      integrity = query_text (db, "PRAGMA quick_check(1)");
      facts->whole = g_strcmp0 (integrity, "ok") == 0;
    }
  facts->file_id = query_text (db, "SELECT value FROM plan_info WHERE key = 'file-id'");
  page = query_text (db, "SELECT rootpage FROM sqlite_schema"
                         " WHERE type = 'table' AND name = 'plan_info'");
  facts->identity_page = page != NULL ? g_ascii_strtoll (page, NULL, 10) : 0;

out:
  sqlite3_close (db);
}

/* ------------------------------------------------------------------------ */
/* Inspecting                                                               */

static gboolean
plan_page_size (int      plan_fd,
                guint32 *page_size)
{
  guint8 header[100];

  if (pread (plan_fd, header, sizeof header, 0) != (ssize_t) sizeof header)
    return FALSE;
  *page_size = ((guint32) header[16] << 8) | header[17];
  if (*page_size == 1)
    *page_size = 65536;
  return is_page_size (*page_size);
}

/* Decides whether a log with saved transactions in it is this plan's.
 * When it is and @image is not NULL, hands back the plan with the log
 * folded in. */
static OurSideFileVerdict
vet_wal (const char  *wal_path,
         int          plan_fd,
         guint8     **image,
         gsize       *image_size)
{
  OurSideFileVerdict verdict = OUR_SIDE_FILE_FOREIGN;
  guint8 *wal = NULL;
  guint8 *main = NULL;
  guint8 *folded = NULL;
  gsize main_size = 0, folded_size = 0;
  OurWalScan scan = { 0 };
  ImageFacts main_facts = { 0 }, folded_facts = { 0 };
  guint32 page_size;
  struct stat st;
  int fd;

  fd = open (wal_path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY);
  if (fd < 0)
    return OUR_SIDE_FILE_FOREIGN;
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode) || (gsize) st.st_size > MAX_WAL_BYTES)
    goto out;
  wal = read_fd (fd, st.st_size, 0);
  if (wal == NULL)
    goto out;

  /* A header SQLite would not accept, or a log for pages of another size,
   * cannot be this plan's log. */
  if (!our_wal_scan (wal, st.st_size, &scan) || !plan_page_size (plan_fd, &page_size)
      || scan.page_size != page_size)
    goto out;
  /* A log with no saved transaction: SQLite starts it afresh. */
  if (scan.n_frames == 0)
    {
      verdict = OUR_SIDE_FILE_NONE;
      goto out;
    }

  main = our_side_read_plan_image (plan_fd, &main_size);
  if (main == NULL)
    goto out;
  folded = our_wal_fold (&scan, wal, main, main_size, &folded_size);
  if (folded == NULL)
    goto out;

  read_image_facts (main, main_size, FALSE, &main_facts);
  read_image_facts (folded, folded_size, TRUE, &folded_facts);
  if (main_facts.file_id != NULL && folded_facts.ours && folded_facts.whole
      && g_strcmp0 (main_facts.file_id, folded_facts.file_id) == 0
      && folded_facts.identity_page > 0 && folded_facts.identity_page <= G_MAXUINT32
      && our_wal_every_commit_writes (&scan, wal, (guint32) folded_facts.identity_page))
    {
      verdict = OUR_SIDE_FILE_OURS;
      if (image != NULL)
        {
          *image = g_steal_pointer (&folded);
          *image_size = folded_size;
        }
    }

out:
  g_free (main_facts.file_id);
  g_free (folded_facts.file_id);
  our_wal_scan_clear (&scan);
  sqlite3_free (wal);
  sqlite3_free (main);
  sqlite3_free (folded);
  close (fd);
  return verdict;
}

/* Looks at the files beside @plan_path (already opened as @plan_fd) and
 * says which are the plan's. Changes nothing on the disk. With @want_image,
 * also hands back the plan as SQLite would see it with its own log (or the
 * plain file when there is no log of its own). */
void
our_side_files_inspect (const char   *plan_path,
                        int           plan_fd,
                        gboolean      want_image,
                        OurSideFiles *side)
{
  memset (side, 0, sizeof *side);

  for (guint kind = 0; kind < OUR_N_SIDE_FILES; kind++)
    {
      OurSideFile *file = &side->files[kind];
      struct stat st;

      file->suffix = suffixes[kind];
      file->path = g_strconcat (plan_path, suffixes[kind], NULL);
      if (lstat (file->path, &st) != 0)
        file->verdict = errno == ENOENT ? OUR_SIDE_FILE_NONE : OUR_SIDE_FILE_FOREIGN;
      else if (!S_ISREG (st.st_mode) || st.st_nlink != 1)
        file->verdict = OUR_SIDE_FILE_FOREIGN;
      else if (st.st_size == 0)
        file->verdict = OUR_SIDE_FILE_NONE;
      else if (kind == OUR_SIDE_JOURNAL)
        file->verdict = OUR_SIDE_FILE_FOREIGN;
      else if (kind == OUR_SIDE_SHM)
        file->verdict = OUR_SIDE_FILE_OURS;
      else
        file->verdict = vet_wal (file->path, plan_fd,
                                 want_image ? &side->image : NULL, &side->image_size);
    }

  if (want_image && side->image == NULL)
    side->image = our_side_read_plan_image (plan_fd, &side->image_size);
}

/* Whether any side file is there with something in it. */
gboolean
our_side_files_any_present (const OurSideFiles *side)
{
  for (guint kind = 0; kind < OUR_N_SIDE_FILES; kind++)
    {
      struct stat st;

      if (lstat (side->files[kind].path, &st) == 0 && (st.st_size > 0 || !S_ISREG (st.st_mode)))
        return TRUE;
    }
  return FALSE;
}

gboolean
our_side_files_any_foreign (const OurSideFiles *side)
{
  for (guint kind = 0; kind < OUR_N_SIDE_FILES; kind++)
    if (side->files[kind].verdict == OUR_SIDE_FILE_FOREIGN)
      return TRUE;
  return FALSE;
}

void
our_side_files_clear (OurSideFiles *side)
{
  for (guint kind = 0; kind < OUR_N_SIDE_FILES; kind++)
    g_clear_pointer (&side->files[kind].path, g_free);
  g_clear_pointer (&side->image, sqlite3_free);
  side->image_size = 0;
}

/* ------------------------------------------------------------------------ */
/* Setting aside                                                            */

/* Moves a foreign side file out of SQLite's way, to a name beside it that
 * never replaces another file. The file itself (or the link) is kept as it
 * was. Returns the new name. */
char *
our_side_file_set_aside (const OurSideFile  *file,
                         GError            **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");

  for (guint attempt = 1; attempt < 100; attempt++)
    {
      g_autofree char *target = attempt == 1
        ? g_strdup_printf ("%s.set-aside-%s", file->path, stamp)
        : g_strdup_printf ("%s.set-aside-%s-%u", file->path, stamp, attempt);

      if (renameat2 (AT_FDCWD, file->path, AT_FDCWD, target, RENAME_NOREPLACE) == 0)
        return g_steal_pointer (&target);
      if (errno == EEXIST)
        continue;
      /* Some file systems cannot promise not to replace: a hard link can. */
      if (errno == EINVAL || errno == ENOSYS)
        {
          if (link (file->path, target) == 0)
            {
              if (g_unlink (file->path) == 0)
                return g_steal_pointer (&target);
              g_unlink (target);
            }
          else if (errno == EEXIST)
            continue;
        }
      break;
    }

  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errno),
               "%s", g_strerror (errno));
  return NULL;
}
