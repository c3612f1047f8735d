/* our-side-files.h: the files SQLite keeps beside a plan, and whether they are this plan's
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What a file beside a plan (PLAN-journal, PLAN-wal, PLAN-shm) is to it. */
typedef enum
{
  /* Not there, or empty: SQLite finds nothing in it. */
  OUR_SIDE_FILE_NONE,
  /* This plan's own: a write-ahead log whose saved changes are this plan's,
   * or the log's shared-memory index (SQLite rebuilds it from the log). */
  OUR_SIDE_FILE_OURS,
  /* Not this plan's: it must never reach SQLite. */
  OUR_SIDE_FILE_FOREIGN,
} OurSideFileVerdict;

typedef struct
{
  const char          *suffix;  /* "-journal", "-wal" or "-shm" */
  char                *path;
  OurSideFileVerdict   verdict;
} OurSideFile;

typedef enum
{
  OUR_SIDE_JOURNAL,
  OUR_SIDE_WAL,
  OUR_SIDE_SHM,
  OUR_N_SIDE_FILES,
} OurSideKind;

typedef struct
{
  OurSideFile  files[OUR_N_SIDE_FILES];
  /* The plan as SQLite would see it with its own write-ahead log folded in,
   * in rollback-journal mode so that it can be opened from memory. Allocated
   * with sqlite3_malloc64(); NULL unless asked for. */
  guint8      *image;
  gsize        image_size;
} OurSideFiles;

/* One pass over a write-ahead log, as SQLite's recovery reads it. */
typedef struct
{
  guint32  page_size;
  guint32  n_frames;       /* valid frames up to and including the last commit */
  guint32  n_pages;        /* database size in pages after the last commit */
  GArray  *commits;        /* guint32: index of each commit frame */
} OurWalScan;

gboolean  our_wal_scan               (const guint8   *wal,
                                      gsize           size,
                                      OurWalScan     *scan);
void      our_wal_scan_clear         (OurWalScan     *scan);
gboolean  our_wal_every_commit_writes (const OurWalScan *scan,
                                       const guint8     *wal,
                                       guint32           page_number);
guint8   *our_wal_fold               (const OurWalScan *scan,
                                      const guint8     *wal,
                                      const guint8     *main,
                                      gsize             main_size,
                                      gsize            *image_size);

void      our_side_files_inspect     (const char     *plan_path,
                                      int             plan_fd,
                                      gboolean        want_image,
                                      OurSideFiles   *side);
gboolean  our_side_files_any_present (const OurSideFiles *side);
gboolean  our_side_files_any_foreign (const OurSideFiles *side);
void      our_side_files_clear       (OurSideFiles   *side);

guint8   *our_side_read_plan_image   (int             plan_fd,
                                      gsize          *size);

char     *our_side_file_set_aside    (const OurSideFile *file,
                                      GError           **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (OurSideFiles, our_side_files_clear)

G_END_DECLS
