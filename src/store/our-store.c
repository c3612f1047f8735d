/* our-store.c: a plan file (SQLite) that every command is saved to as it happens
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <unistd.h>

#include "our-picture-file.h"
#include "our-session.h"
#include "our-limits.h"
#include "our-side-files.h"
#include "our-store-file.h"
#include "our-store-private.h"

/* Journal mode, chosen by measurement. tests/bench/bench-commit.c, three
 * runs on the development VM (ext4 on a virtio disk, Debian 12, SQLite
 * 3.40.1), 200 commands each, synchronous=FULL in both modes:
 *
 *   raw 4 KiB write + fdatasync (the floor)   median 0.10-0.18 ms
 *   one command, journal_mode=DELETE          median 1.07-1.47 ms (8-11x the floor)
 *   one command, journal_mode=WAL             median 0.33-0.37 ms (2-3.8x the floor)
 *
 * DELETE needs a sync of the journal, of the database and of the folder for
 * every command; WAL needs one sync of the log. Only WAL comes near the goal
 * of at most three times the fsync floor, so plans are edited in WAL mode with
 * synchronous=FULL: every command is on disk before it is reported done (the
 * crash test kills the editor 200 times in both modes and loses nothing).
 *
 * WAL's costs are kept small: the mode is switched on only after the file
 * passed every check, and on close the log is checkpointed (TRUNCATE) and the
 * file switched back to DELETE, so a plan at rest is again one self-contained
 * file that can be copied or e-mailed. After a crash the -wal file next to
 * the plan holds the latest edits until the plan is opened again. WAL needs
 * shared memory, which network folders do not offer reliably, so a plan on a
 * network file system is edited in WAL mode with exclusive locking, which
 * keeps the log's index in this process instead.
 *
 * Plans are never edited or updated in DELETE mode: this program leaves no
 * rollback journal behind, so any -journal beside a plan is not its own and
 * is set aside unread (see our-side-files.c). */
#define OUR_STORE_DEFAULT_JOURNAL OUR_STORE_JOURNAL_WAL

static const OurMigration *
known_migrations (void)
{
  guint n;

  return our_store_get_migrations (&n);
}

static guint
n_known_migrations (void)
{
  guint n;

  our_store_get_migrations (&n);
  return n;
}

static OurStoreJournal forced_journal = OUR_STORE_JOURNAL_DEFAULT;

/* The statements a save uses, prepared once per connection. */
typedef enum
{
  STMT_BEGIN,
  STMT_COMMIT,
  STMT_ROLLBACK,
  STMT_COUNT_SAVE,
  N_STMTS
} StmtId;

static const char *const stmt_sql[N_STMTS] = {
  [STMT_BEGIN] = "BEGIN IMMEDIATE",
  [STMT_COMMIT] = "COMMIT",
  [STMT_ROLLBACK] = "ROLLBACK",
  [STMT_COUNT_SAVE] = "UPDATE plan_info SET value = value + 1 WHERE key = 'saves'",
};

typedef struct
{
  sqlite3       *db;
  sqlite3_stmt  *stmts[N_STMTS];
} Writer;

struct _OurStore
{
  GObject       parent_instance;

  char         *path;
  OurPlan      *plan;
  OurPictureFile *picture_file;  /* where its photos' bytes are */
  /* The plan with its history, or read-only: made once the plan is loaded. */
  OurSession   *session;
  sqlite3      *db;
  Writer        writer;
  /* Opened by us on the plan file: holds the flock that tells other windows
   * the plan is taken, and tells us when the file was moved or deleted.
   * Closed only after sqlite3_close(), since closing any descriptor of a file
   * drops the POSIX locks SQLite holds on it. */
  int           fd;
  dev_t         dev;
  ino_t         ino;

  gboolean      read_only;
  char         *read_only_reason;
  gboolean      saving_stopped;   /* the file cannot take edits any more */
  char         *stopped_reason;   /* the sentence saying why */
  gboolean      wal;
  /* Opened from a copy in memory: the file and its side files are read
   * only once and never touched. */
  gboolean      in_memory;
  /* The file has a plan_info table (version 5 on). */
  gboolean      has_identity;
  /* Sentences for the person about what was found when opening. */
  GPtrArray    *notices;
};

G_DEFINE_FINAL_TYPE (OurStore, our_store, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PATH,
  PROP_PLAN,
  PROP_READ_ONLY,
  PROP_READ_ONLY_REASON,
  PROP_SAVING_STOPPED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------------------ */
/* Small helpers                                                            */

/* ------------------------------------------------------------------------ */
/* Writing rows                                                             */

static int
writer_get (Writer        *writer,
            StmtId         id,
            sqlite3_stmt **stmt)
{
  int rc = SQLITE_OK;

  if (writer->stmts[id] == NULL)
    rc = sqlite3_prepare_v3 (writer->db, stmt_sql[id], -1, SQLITE_PREPARE_PERSISTENT,
                             &writer->stmts[id], NULL);
  *stmt = writer->stmts[id];
  return rc;
}

static void
writer_clear (Writer *writer)
{
  for (guint i = 0; i < N_STMTS; i++)
    g_clear_pointer (&writer->stmts[i], sqlite3_finalize);
  writer->db = NULL;
}

/* Steps a bound statement to its end and makes it ready for the next use. */
static int
finish (sqlite3_stmt *stmt)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return rc == SQLITE_DONE || rc == SQLITE_ROW ? SQLITE_OK : rc;
}

static int
run_simple (Writer *writer,
            StmtId  id)
{
  sqlite3_stmt *stmt;
  int rc = writer_get (writer, id, &stmt);

  return rc != SQLITE_OK ? rc : finish (stmt);
}

/* ------------------------------------------------------------------------ */
/* Checking a file before SQLite sees it                                    */

/* ------------------------------------------------------------------------ */
/* Migrations                                                               */

/* ------------------------------------------------------------------------ */
/* Saving each command                                                      */

static gboolean
file_is_still_there (OurStore *self)
{
  struct stat now, mine;

  if (fstat (self->fd, &mine) != 0 || mine.st_nlink == 0)
    return FALSE;
  if (stat (self->path, &now) != 0)
    return FALSE;
  return now.st_dev == self->dev && now.st_ino == self->ino;
}

/* From now on edits stay in the window only: the file keeps what it had,
 * whole, rather than a later edit without an earlier one. The person is
 * told in @sentence and can save a copy elsewhere. */
static void
stop_saving (OurStore    *self,
             const char  *sentence,
             GError     **error)
{
  if (!self->saving_stopped)
    {
      self->saving_stopped = TRUE;
      self->stopped_reason = g_strdup (sentence);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVING_STOPPED]);
    }
  g_set_error_literal (error, OUR_HISTORY_ERROR, OUR_HISTORY_ERROR_ONLY_IN_WINDOW,
                       self->stopped_reason);
}

static void
stop_saving_file_lost (OurStore  *self,
                       GError   **error)
{
  stop_saving (self, _("The plan file was moved or deleted, so this change is only in this window. Save a copy to keep it."),
               error);
}

static gboolean
save_changes_cb (OurPlan           *plan,
                 const OurChanges  *changes,
                 gpointer           user_data,
                 GError           **error)
{
  OurStore *self = user_data;
  int rc;

  if (self->read_only)
    {
      g_set_error_literal (error, OUR_HISTORY_ERROR, OUR_HISTORY_ERROR_READ_ONLY,
                           _("This plan is open read-only, so it cannot be changed here."));
      return FALSE;
    }
  if (self->saving_stopped)
    {
      stop_saving (self, NULL, error);
      return FALSE;
    }
  if (self->db == NULL || !file_is_still_there (self))
    {
      stop_saving_file_lost (self, error);
      return FALSE;
    }

  rc = run_simple (&self->writer, STMT_BEGIN);
  if (rc == SQLITE_OK)
    rc = our_store_rows_write_changes (self->writer.db, plan, changes);
  /* Marks the transaction as this file's own (see our-side-files.c). */
  if (rc == SQLITE_OK && self->has_identity)
    rc = run_simple (&self->writer, STMT_COUNT_SAVE);
  if (rc == SQLITE_OK)
    rc = run_simple (&self->writer, STMT_COMMIT);
  if (rc == SQLITE_OK)
    return TRUE;

  g_debug ("Saving %s failed: %s (%d)", self->path, sqlite3_errmsg (self->db), rc);
  if (!sqlite3_get_autocommit (self->db))
    run_simple (&self->writer, STMT_ROLLBACK);

  /* A failing disk, a full one or one turned read-only will not take
   * this edit or the next: keep them in the window (see stop_saving()).
   * Only a busy file is worth trying again, so that edit is taken back. */
  switch (rc & 0xff)
    {
    case SQLITE_FULL:
      stop_saving (self, _("The disk is full, so this change is only in this window. "
                           "Save a copy somewhere else to keep it."), error);
      break;
    case SQLITE_READONLY:
      if (rc == SQLITE_READONLY_DBMOVED)
        {
          stop_saving_file_lost (self, error);
          break;
        }
      stop_saving (self, _("This plan’s file cannot be changed any more, so this change is only "
                           "in this window. Save a copy somewhere else to keep it."), error);
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error_literal (error, OUR_HISTORY_ERROR, OUR_HISTORY_ERROR_NOT_SAVED,
                           _("Another program is busy with this plan, so this change was not saved. Try again."));
      break;
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
      if (!file_is_still_there (self))
        {
          stop_saving_file_lost (self, error);
          break;
        }
      stop_saving (self, _("The plan could not be written to the disk, so this change is only "
                           "in this window. Save a copy somewhere else to keep it."), error);
      break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      stop_saving (self, _("The plan file has been damaged, so this change is only in this "
                           "window. Save a copy somewhere else to keep it."), error);
      break;
    default:
      g_set_error (error, OUR_HISTORY_ERROR, OUR_HISTORY_ERROR_NOT_SAVED,
                   _("This change could not be saved (%s)."), sqlite3_errstr (rc));
      break;
    }
  return FALSE;
}

/* Installed when the store closes while others still hold its plan. */
static gboolean
save_closed_cb (OurPlan           *plan,
                const OurChanges  *changes,
                gpointer           user_data,
                GError           **error)
{
  g_set_error_literal (error, OUR_HISTORY_ERROR, OUR_HISTORY_ERROR_READ_ONLY,
                       _("This plan has been closed, so it cannot be changed."));
  return FALSE;
}

/* ------------------------------------------------------------------------ */
/* Opening                                                                  */

static const char *
journal_sql (OurStoreJournal journal)
{
  /* Exclusive locking keeps the log's index in this process: no -shm. It
   * must be set before the log is first used. */
  return journal == OUR_STORE_JOURNAL_WAL
    ? "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;"
    : "PRAGMA locking_mode = EXCLUSIVE; PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;";
}

typedef struct
{
  gboolean  check_only;
  char     *integrity;
  int       file_version;   /* as found, before any update */
  /* Only the name and review date are read (see our_store_read_summary()). */
  gboolean  summary_only;
  char     *summary_name;
  char     *summary_review;
} OpenOptions;

void
our_store_add_notice (OurStore   *self,
                      const char *sentence)
{
  g_return_if_fail (OUR_IS_STORE (self));
  g_return_if_fail (sentence != NULL);

  /* The last is the NULL that ends the list. */
  for (guint i = 0; i + 1 < self->notices->len; i++)
    if (g_str_equal (g_ptr_array_index (self->notices, i), sentence))
      return;
  /* Kept NULL-terminated for our_store_get_notices(). */
  if (self->notices->len > 0)
    g_ptr_array_remove_index (self->notices, self->notices->len - 1);
  g_ptr_array_add (self->notices, g_strdup (sentence));
  g_ptr_array_add (self->notices, NULL);
}

const char * const *
our_store_get_notices (OurStore *self)
{
  static const char *const none[] = { NULL };

  g_return_val_if_fail (OUR_IS_STORE (self), none);
  return self->notices->len > 0 ? (const char * const *) self->notices->pdata : none;
}

/* Moves every side file that is not the plan's own out of SQLite's way.
 * Returns FALSE when one could not be moved. */
static gboolean
set_aside_foreign (OurStore     *self,
                   OurSideFiles *side)
{
  for (guint kind = 0; kind < OUR_N_SIDE_FILES; kind++)
    {
      OurSideFile *file = &side->files[kind];
      g_autoptr(GError) local_error = NULL;
      g_autofree char *moved_to = NULL;
      g_autofree char *name = NULL;
      g_autofree char *sentence = NULL;

      if (file->verdict != OUR_SIDE_FILE_FOREIGN)
        continue;
      moved_to = our_side_file_set_aside (file, &local_error);
      if (moved_to == NULL)
        {
          g_debug ("Could not set %s aside: %s", file->path, local_error->message);
          return FALSE;
        }
      g_debug ("Set %s aside as %s", file->path, moved_to);
      name = g_path_get_basename (moved_to);
      sentence = g_strdup_printf (_("A file left beside this plan did not belong to it, so it was not used. It was moved to “%s” in the same folder."),
                                  name);
      our_store_add_notice (self, sentence);
      file->verdict = OUR_SIDE_FILE_NONE;
    }
  return TRUE;
}

/* Opens the connection: on the file itself, or, when the file must be read
 * without touching it or its side files, on a copy in memory. */
static int
open_connection (OurStore     *self,
                 const char   *real_path,
                 gboolean      in_memory,
                 OurSideFiles *side)
{
  int rc;

  if (!in_memory)
    /* An absolute plain name: SQLite never reads it as a URI, and never
     * follows a link put in the file's place since it was checked. */
    return sqlite3_open_v2 (real_path, &self->db,
                            (self->read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE)
                            | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE | SQLITE_OPEN_NOFOLLOW,
                            NULL);

  if (side->image == NULL)
    return SQLITE_NOMEM;
  rc = sqlite3_open_v2 (":memory:", &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE,
                        NULL);
  if (rc != SQLITE_OK)
    return rc;
  /* Writable in memory only, so that an older plan can be updated there. */
  rc = sqlite3_deserialize (self->db, "main", side->image, side->image_size, side->image_size,
                            SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_RESIZEABLE);
  side->image = NULL;
  side->image_size = 0;
  self->in_memory = TRUE;
  return rc;
}

static void
load_identity (OurStore *self)
{
  g_autofree char *table = NULL;
  g_autofree char *plan_id = NULL;

  our_store_sql_query_text (self->db, "SELECT name FROM sqlite_schema WHERE type = 'table' AND name = 'plan_info'",
                            &table);
  self->has_identity = table != NULL;
  if (self->has_identity
      && our_store_sql_query_text (self->db, "SELECT value FROM plan_info WHERE key = 'plan-id'",
                                   &plan_id) == SQLITE_OK
      && plan_id != NULL && *plan_id != '\0' && g_utf8_validate (plan_id, -1, NULL))
    our_plan_set_plan_id (self->plan, plan_id);
  if (self->has_identity)
    {
      g_autofree char *carer_id = NULL;
      g_autofree char *carer_name = NULL;

      our_store_sql_query_text (self->db, "SELECT value FROM plan_info WHERE key = 'carer-id'"
                                          " AND typeof (value) = 'text'", &carer_id);
      our_store_sql_query_text (self->db, "SELECT value FROM plan_info WHERE key = 'carer-name'"
                                          " AND typeof (value) = 'text'", &carer_name);
      if (carer_id != NULL && *carer_id != '\0' && g_utf8_validate (carer_id, -1, NULL)
          && (carer_name == NULL || g_utf8_validate (carer_name, -1, NULL)))
        our_plan_set_carer (self->plan, carer_id, carer_name);
    }
}

static char *
carer_copy_reason (OurPlan *plan)
{
  const char *carer = our_plan_get_carer_name (plan);
  const char *person = our_plan_get_name (plan);

  if (*carer != '\0' && *person != '\0')
    /* TRANSLATORS: the first %s is a carer's name, the second the person's */
    return g_strdup_printf (_("This is %s’s copy of %s’s plan. You can add comments for the next meeting; the plan itself cannot be changed here."),
                            carer, person);
  return g_strdup (_("This is a carer’s copy of a plan. You can add comments for the next meeting; the plan itself cannot be changed here."));
}

/* Switches the connection to the journal all edits are made in. */
static gboolean
use_journal (OurStore         *self,
             OurStoreJournal   journal,
             GError          **error)
{
  int rc = our_store_sql_exec (self->db, journal_sql (journal));

  if (rc != SQLITE_OK)
    {
      our_store_error_set_from_sqlite (error, self->db, rc);
      return FALSE;
    }
  self->wal = g_strcmp0 (our_store_get_journal_mode (self), "wal") == 0;
  return TRUE;
}

static int
read_summary (sqlite3     *db,
              OpenOptions *options)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "SELECT key, text FROM me WHERE key IN (?, ?)", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, our_me_field_get_key (OUR_ME_FIELD_PREFERRED_NAME), -1,
                         SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, our_me_field_get_key (OUR_ME_FIELD_REVIEW_DATE), -1,
                         SQLITE_STATIC);
    }
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *key = (const char *) sqlite3_column_text (stmt, 0);
      char **target = g_strcmp0 (key, our_me_field_get_key (OUR_ME_FIELD_PREFERRED_NAME)) == 0
                      ? &options->summary_name : &options->summary_review;

      rc = SQLITE_OK;
      g_free (*target);
      *target = our_store_column_text (stmt, 1);
    }
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE ? SQLITE_OK : rc;
}


static OurStore *
open_store (const char          *path,
            OurStoreOpenFlags    flags,
            const OurMigration  *steps,
            guint                n_steps,
            OpenOptions         *options,
            GError             **error)
{
  g_autoptr(OurStore) self = NULL;
  g_autofree char *integrity = NULL;
  g_autoptr(GPtrArray) cuts = NULL;
  g_autofree char *real_path = NULL;
  g_autofree char *backup = NULL;
  g_auto(OurSideFiles) side = { 0 };
  guint8 header[OUR_STORE_HEADER_SIZE];
  struct stat st;
  int target = n_steps > 0 ? steps[n_steps - 1].to_version : 0;
  gboolean held_elsewhere = FALSE;
  gboolean in_memory = FALSE;
  gint64 version = 0;
  OurStoreJournal journal = OUR_STORE_DEFAULT_JOURNAL;
  int rc;

  self = g_object_new (OUR_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  self->fd = our_store_file_precheck (path, target, &st, header, error);
  if (self->fd < 0)
    return NULL;
  self->dev = st.st_dev;
  self->ino = st.st_ino;

  /* SQLite names the side files after the path it is given: give it the
   * file's one true name, which is where they were looked at. */
  real_path = realpath (path, NULL);
  if (real_path == NULL)
    {
      g_set_error_literal (error, OUR_STORE_ERROR, OUR_STORE_ERROR_NOT_FOUND,
                           _("This plan could not be found. It may have been moved or deleted."));
      return NULL;
    }

  if (options->check_only || options->summary_only || (flags & OUR_STORE_OPEN_READ_ONLY) != 0)
    self->read_only_reason = g_strdup (_("This plan has been opened read-only."));
  else if ((st.st_mode & 0222) == 0)
    self->read_only_reason = g_strdup (_("This plan file cannot be changed, so it has been opened read-only."));
  else if (access (path, W_OK) != 0)
    self->read_only_reason = g_strdup (errno == EACCES || errno == EPERM
                                       ? _("You do not have permission to change this plan file, so it has been opened read-only.")
                                       : _("This plan file cannot be changed, so it has been opened read-only."));
  else if (flock (self->fd, LOCK_EX | LOCK_NB) != 0)
    {
      self->read_only_reason = g_strdup (_("This plan is open in another window or on another computer, so it has been opened read-only."));
      held_elsewhere = TRUE;
    }
  else
    self->read_only_reason = our_store_file_folder_reason (path);
  self->read_only = self->read_only_reason != NULL;
  if (self->read_only && !held_elsewhere)
    held_elsewhere = our_store_file_held_elsewhere (self->fd);

  /* Another Our Plan is editing the plan: its log is live and its own, and
   * SQLite reads it safely alongside. Otherwise look at every side file
   * before SQLite does. */
  if (!held_elsewhere)
    {
      our_side_files_inspect (real_path, self->fd, self->read_only, &side);
      if (!self->read_only && !set_aside_foreign (self, &side))
        {
          self->read_only = TRUE;
          g_free (self->read_only_reason);
          self->read_only_reason = g_strdup (_("A file left beside this plan does not belong to it and could not be moved away, so the plan has been opened read-only."));
          our_side_files_clear (&side);
          our_side_files_inspect (real_path, self->fd, TRUE, &side);
        }
      /* Read-only, a plan is read in place only when SQLite would need
       * nothing beside it and nothing to change: then nothing is created. */
      in_memory = self->read_only
        && (our_side_files_any_present (&side) || header[18] != 1 || header[19] != 1
            || (gint32) our_store_file_read_be32 (header + 60) != target);
      if (self->read_only && our_side_files_any_foreign (&side))
        our_store_add_notice (self, options->check_only
                              ? _("A file left beside this plan does not belong to it. It was not used, and opening the plan will move it aside.")
                              : _("A file left beside this plan does not belong to it, so it was not used."));
    }

  rc = open_connection (self, real_path, in_memory, &side);
  if (rc != SQLITE_OK)
    {
      our_store_error_set_from_sqlite (error, self->db, rc);
      return NULL;
    }
  self->writer.db = self->db;

  rc = our_store_sql_harden (self->db);
  /* The start screen shows a list, not the plan: a damaged plan says so
   * when it is opened. */
  if (rc == SQLITE_OK && !options->summary_only)
    rc = our_store_file_check_integrity (self->db, &integrity);
  if (rc != SQLITE_OK)
    {
      our_store_error_set_from_sqlite (error, self->db, rc);
      return NULL;
    }
  if (options->check_only)
    options->integrity = g_strdup (integrity);
  if (!options->summary_only && g_strcmp0 (integrity, "ok") != 0)
    {
      g_debug ("%s fails its check: %s", path, integrity);
      our_store_error_set_damaged (error);
      return NULL;
    }

  rc = our_store_sql_query_int (self->db, "PRAGMA user_version", &version);
  if (rc != SQLITE_OK)
    {
      our_store_error_set_from_sqlite (error, self->db, rc);
      return NULL;
    }
  if (version > target)
    {
      g_set_error_literal (error, OUR_STORE_ERROR, OUR_STORE_ERROR_TOO_NEW,
                           _("This plan was made with a newer version of Our Plan. Update Our Plan to open it."));
      return NULL;
    }
  options->file_version = (int) version;
  /* Every plan ever written has a version; none has a version below 1. */
  if (version < 1)
    {
      our_store_error_set_damaged (error);
      return NULL;
    }

  /* Every version keeps these two in the same place. */
  if (options->summary_only)
    {
      rc = read_summary (self->db, options);
      if (rc != SQLITE_OK)
        {
          our_store_error_set_from_sqlite (error, self->db, rc);
          return NULL;
        }
      return g_steal_pointer (&self);
    }

  if (version < target && self->read_only && !self->in_memory)
    {
      g_set_error_literal (error, OUR_STORE_ERROR, OUR_STORE_ERROR_READ_ONLY,
                           _("This plan was made with an older version of Our Plan and must be updated, but it cannot be changed here."));
      return NULL;
    }

  if (!self->read_only)
    {
      if (forced_journal != OUR_STORE_JOURNAL_DEFAULT)
        journal = forced_journal;
      else if (our_store_file_is_on_network_folder (self->fd))
        journal = OUR_STORE_JOURNAL_EXCLUSIVE;
      else
        journal = OUR_STORE_DEFAULT_JOURNAL;
    }

  if (version < target)
    {
      if (!self->in_memory)
        {
          if (!our_store_schema_try_migration (self->fd, path, (int) version, steps, n_steps, error))
            return NULL;
          /* The backup is the file as it was, holding the saved changes
           * still in the plan's own log if it was left in WAL mode, and
           * taken before the switch to WAL changes the file's header. */
          if (header[18] == 2 && header[19] == 2 && !use_journal (self, journal, error))
            return NULL;
          if (self->wal)
            sqlite3_wal_checkpoint_v2 (self->db, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
          backup = our_store_file_backup_path (path, (int) version);
          if (!our_store_file_copy_to_backup (self->fd, backup, error))
            return NULL;
          /* WAL before anything is written, the update included. */
          if (!use_journal (self, journal, error))
            return NULL;
        }
      if (!our_store_schema_migrate (self->db, path, version, steps, n_steps, error))
        {
          /* The file is as it was: its backup would only be clutter. */
          if (backup != NULL)
            g_unlink (backup);
          return NULL;
        }
      /* Until it is folded in, a log written before the file had an
       * identity could not be told from another file's log. */
      if (self->wal)
        sqlite3_wal_checkpoint_v2 (self->db, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
    }

  self->plan = our_plan_new ();
  /* Photos are most of a plan's size: their bytes stay in the file until
   * shown or written elsewhere. */
  self->picture_file = our_picture_file_new (self->path);
  our_picture_file_attach (self->picture_file, self->db);
  rc = our_store_rows_load (self->db, self->plan, G_OBJECT (self->picture_file),
                            our_picture_file_read);
  if (rc != SQLITE_OK)
    {
      our_store_error_set_from_sqlite (error, self->db, rc);
      return NULL;
    }

  /* A file holding more than Our Plan shows is kept as it is: saved back,
   * it would lose what was cut. */
  cuts = our_store_find_cuts (self->db);
  if (cuts == NULL)
    {
      our_store_error_set_from_sqlite (error, self->db, sqlite3_errcode (self->db));
      return NULL;
    }
  for (guint i = 0; i < cuts->len; i++)
    our_store_add_notice (self, g_ptr_array_index (cuts, i));
  if (cuts->len > 0 && !self->read_only)
    {
      self->read_only = TRUE;
      g_free (self->read_only_reason);
      self->read_only_reason = g_strdup (_("This plan holds more than Our Plan can show, so it has been opened read-only to keep all of it safe."));
    }

  /* Only now, so that a file refused above was not changed at all. */
  if (!self->read_only && !self->wal && !use_journal (self, journal, error))
    return NULL;
  load_identity (self);

  if (self->read_only)
    self->session = our_session_new_read_only (self->plan, self->read_only_reason);
  else if (*our_plan_get_carer_id (self->plan) != '\0')
    {
      /* A carer's copy: the carer writes comments, and nothing else. */
      g_autofree char *reason = carer_copy_reason (self->plan);

      self->session = our_session_new_comments_only (self->plan, reason);
    }
  else
    self->session = our_session_new (self->plan);
  our_session_set_save_func (self->session, save_changes_cb, self, NULL);
  return g_steal_pointer (&self);
}

OurStore *
our_store_open_with_migrations (const char          *path,
                                OurStoreOpenFlags    flags,
                                const OurMigration  *steps,
                                guint                n_steps,
                                GError             **error)
{
  OpenOptions options = { 0 };

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (steps != NULL && n_steps > 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return open_store (path, flags, steps, n_steps, &options, error);
}

gboolean
our_store_read_summary (const char  *path,
                        char       **name,
                        char       **review_date,
                        GError     **error)
{
  OpenOptions options = { .summary_only = TRUE };
  g_autoptr(OurStore) store = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  store = open_store (path, OUR_STORE_OPEN_READ_ONLY, known_migrations (), n_known_migrations (),
                      &options, error);
  if (store != NULL)
    {
      if (name != NULL)
        *name = g_steal_pointer (&options.summary_name);
      if (review_date != NULL)
        *review_date = g_steal_pointer (&options.summary_review);
    }
  g_free (options.summary_name);
  g_free (options.summary_review);
  return store != NULL;
}

OurStore *
our_store_open (const char         *path,
                OurStoreOpenFlags   flags,
                GError            **error)
{
  return our_store_open_with_migrations (path, flags, known_migrations (), n_known_migrations (),
                                         error);
}

/* ------------------------------------------------------------------------ */
/* Writing a whole plan to a new file                                       */

static int
set_plan_id (sqlite3    *db,
             const char *plan_id)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, "UPDATE plan_info SET value = ?1 WHERE key = 'plan-id'", -1,
                               &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, plan_id, -1, SQLITE_STATIC);
      rc = finish (stmt);
    }
  sqlite3_finalize (stmt);
  return rc;
}

/* A carer's copy says whose it is. */
static int
set_carer (sqlite3 *db,
           OurPlan *plan)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, "INSERT OR REPLACE INTO plan_info (key, value)"
                                   " VALUES ('carer-id', ?1), ('carer-name', ?2)", -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, our_plan_get_carer_id (plan), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, our_plan_get_carer_name (plan), -1, SQLITE_STATIC);
      rc = finish (stmt);
    }
  sqlite3_finalize (stmt);
  return rc;
}

static gboolean
write_plan_file (OurPlan     *plan,
                 const char  *path,
                 gboolean     replace,
                 GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *tmp = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  g_autofree char *header_sql = NULL;
  Writer writer = { 0 };
  sqlite3 *db = NULL;
  int saved_errno = 0;
  int rc = SQLITE_OK;
  int fd;

  /* Care plans are private: the file is for its owner only. */
  fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      saved_errno = errno;
      goto failed;
    }

  rc = sqlite3_open_v2 (tmp, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX
                        | SQLITE_OPEN_EXRESCODE, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
      /* The file is synced once, as a whole, before it is renamed. */
      header_sql = g_strdup_printf ("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;"
                                    "PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON;"
                                    "PRAGMA application_id = %d; PRAGMA user_version = %d;",
                                    (gint32) OUR_APPLICATION_ID, OUR_SCHEMA_VERSION);
      rc = our_store_sql_exec (db, header_sql);
    }
  if (rc == SQLITE_OK)
    rc = our_store_sql_exec (db, "BEGIN");
  for (guint i = 0; rc == SQLITE_OK && i < n_known_migrations (); i++)
    rc = our_store_sql_exec (db, known_migrations ()[i].sql);
  if (rc == SQLITE_OK)
    {
      writer.db = db;
      rc = our_store_rows_write_all (writer.db, plan);
      writer_clear (&writer);
    }
  /* A copy is the same person's plan (same plan-id) in a new file (the new
   * file-id the schema step gave it). */
  if (rc == SQLITE_OK && our_plan_get_plan_id (plan) != NULL)
    rc = set_plan_id (db, our_plan_get_plan_id (plan));
  if (rc == SQLITE_OK && *our_plan_get_carer_id (plan) != '\0')
    rc = set_carer (db, plan);
  if (rc == SQLITE_OK)
    rc = our_store_sql_exec (db, "COMMIT");
  if (rc != SQLITE_OK)
    {
      g_debug ("Writing %s failed: %s", path, db ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      goto failed;
    }
  rc = sqlite3_close (db);
  db = NULL;
  if (rc != SQLITE_OK)
    goto failed;

  if (fsync (fd) != 0)
    {
      saved_errno = errno;
      goto failed;
    }
  close (fd);
  fd = -1;

  if (replace)
    {
      if (g_rename (tmp, path) != 0)
        {
          saved_errno = errno;
          goto failed;
        }
    }
  else
    {
      /* A hard link never replaces: it fails when @path appeared meanwhile. */
      if (link (tmp, path) == 0)
        g_unlink (tmp);
      else if (errno == EEXIST)
        {
          saved_errno = EEXIST;
          goto failed;
        }
      else if (!g_file_test (path, G_FILE_TEST_EXISTS) && g_rename (tmp, path) == 0)
        ;
      else
        {
          saved_errno = g_file_test (path, G_FILE_TEST_EXISTS) ? EEXIST : errno;
          goto failed;
        }
    }
  our_store_file_sync_folder (path);
  return TRUE;

failed:
  writer_clear (&writer);
  if (db != NULL)
    sqlite3_close (db);
  if (fd >= 0)
    {
      close (fd);
      g_unlink (tmp);
    }
  else if (saved_errno != 0 || rc != SQLITE_OK)
    g_unlink (tmp);

  if (saved_errno == EEXIST)
    g_set_error_literal (error, OUR_STORE_ERROR, OUR_STORE_ERROR_FAILED,
                         _("There is already a file with this name. Choose another name."));
  else if (saved_errno == ENOSPC || saved_errno == EDQUOT || (rc & 0xff) == SQLITE_FULL)
    g_set_error_literal (error, OUR_STORE_ERROR, OUR_STORE_ERROR_NO_SPACE,
                         _("The disk is full, so the plan was not saved there."));
  else if (saved_errno == EACCES || saved_errno == EPERM)
    g_set_error_literal (error, OUR_STORE_ERROR, OUR_STORE_ERROR_READ_ONLY,
                         _("You do not have permission to save in this folder, so the plan was not saved there. Choose another folder."));
  else if (saved_errno == EROFS
           || (rc & 0xff) == SQLITE_READONLY || (rc & 0xff) == SQLITE_CANTOPEN)
    g_set_error_literal (error, OUR_STORE_ERROR, OUR_STORE_ERROR_READ_ONLY,
                         _("This folder cannot be changed, so the plan was not saved there."));
  else if (saved_errno == ENOENT || saved_errno == ENOTDIR)
    g_set_error_literal (error, OUR_STORE_ERROR, OUR_STORE_ERROR_NOT_FOUND,
                         _("This folder could not be found, so the plan was not saved there."));
  else
    g_set_error (error, OUR_STORE_ERROR, OUR_STORE_ERROR_FAILED,
                 _("The plan could not be saved there (%s)."),
                 saved_errno != 0 ? g_strerror (saved_errno) : sqlite3_errstr (rc));
  return FALSE;
}

gboolean
our_store_write_plan (OurPlan     *plan,
                      const char  *path,
                      GError     **error)
{
  g_return_val_if_fail (OUR_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return write_plan_file (plan, path, TRUE, error);
}

OurStore *
our_store_create (const char  *path,
                  OurPlan     *plan,
                  GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (OUR_IS_PLAN (plan), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error_literal (error, OUR_STORE_ERROR, OUR_STORE_ERROR_FAILED,
                           _("There is already a file with this name. Choose another name."));
      return NULL;
    }
  if (!write_plan_file (plan, path, FALSE, error))
    return NULL;
  return our_store_open (path, OUR_STORE_OPEN_DEFAULT, error);
}

/* ------------------------------------------------------------------------ */
/* Checking                                                                 */

static int
count_rows (sqlite3    *db,
            const char *sql,
            guint      *out)
{
  gint64 n = 0;
  int rc = our_store_sql_query_int (db, sql, &n);

  *out = (guint) CLAMP (n, 0, G_MAXUINT);
  return rc;
}

gboolean
our_store_check (const char      *path,
                 OurStoreReport  *report,
                 GError         **error)
{
  g_autoptr(OurStore) self = NULL;
  OpenOptions options = { .check_only = TRUE };
  gint64 version = 0;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (report != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  memset (report, 0, sizeof *report);
  self = open_store (path, OUR_STORE_OPEN_READ_ONLY, known_migrations (), n_known_migrations (),
                     &options, error);
  if (self == NULL)
    {
      g_free (options.integrity);
      return FALSE;
    }
  report->integrity = g_steal_pointer (&options.integrity);
  report->notices = g_strdupv ((char **) our_store_get_notices (self));

  /* Counted in the plan as opened, updated in memory if it is older. */
  our_store_sql_query_int (self->db, "PRAGMA user_version", &version);
  report->schema_version = options.file_version;
  if (count_rows (self->db, "SELECT count(*) FROM goals", &report->n_goals) != SQLITE_OK
      || count_rows (self->db, "SELECT count(*) FROM steps", &report->n_steps) != SQLITE_OK
      || count_rows (self->db, "SELECT count(*) FROM me WHERE text <> ''",
                     &report->n_me_fields) != SQLITE_OK
      || (version >= 2
          && count_rows (self->db, "SELECT count(*) FROM members", &report->n_members) != SQLITE_OK)
      || (version >= 3
          && (count_rows (self->db, "SELECT count(*) FROM board_items",
                          &report->n_board_items) != SQLITE_OK
              || count_rows (self->db, "SELECT count(*) FROM pictures",
                             &report->n_pictures) != SQLITE_OK))
      || (version >= 4
          && count_rows (self->db, "SELECT count(*) FROM safety_notes",
                         &report->n_safety_notes) != SQLITE_OK))
    {
      if (version >= 1)
        {
          our_store_error_set_damaged (error);
          return FALSE;
        }
    }
  return TRUE;
}

void
our_store_report_clear (OurStoreReport *report)
{
  g_return_if_fail (report != NULL);

  g_clear_pointer (&report->integrity, g_free);
  g_clear_pointer (&report->notices, g_strfreev);
  memset (report, 0, sizeof *report);
}

/* ------------------------------------------------------------------------ */
/* The object                                                               */

void
our_store_close (OurStore *self)
{
  g_return_if_fail (OUR_IS_STORE (self));

  if (self->session != NULL)
    our_session_set_save_func (self->session, save_closed_cb, NULL, NULL);

  writer_clear (&self->writer);
  if (self->db != NULL)
    {
      /* Fold the write-ahead log back into the file and leave it as one
       * self-contained file. Fails harmlessly while another window reads. */
      if (!self->read_only && self->wal)
        {
          sqlite3_wal_checkpoint_v2 (self->db, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
          our_store_sql_exec (self->db, "PRAGMA journal_mode = DELETE");
        }
      if (self->picture_file != NULL)
        our_picture_file_attach (self->picture_file, NULL);
      sqlite3_close_v2 (self->db);
      self->db = NULL;
    }
  /* Only now: closing this descriptor earlier would drop SQLite's locks. */
  if (self->fd >= 0)
    {
      close (self->fd);
      self->fd = -1;
    }
}

static void
our_store_finalize (GObject *object)
{
  OurStore *self = OUR_STORE (object);

  our_store_close (self);
  g_clear_object (&self->picture_file);
  g_clear_object (&self->session);
  g_clear_object (&self->plan);
  g_free (self->path);
  g_free (self->read_only_reason);
  g_free (self->stopped_reason);
  g_ptr_array_unref (self->notices);

  G_OBJECT_CLASS (our_store_parent_class)->finalize (object);
}

static void
our_store_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  OurStore *self = OUR_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH: g_value_set_string (value, self->path); break;
    case PROP_PLAN: g_value_set_object (value, self->plan); break;
    case PROP_READ_ONLY: g_value_set_boolean (value, self->read_only); break;
    case PROP_READ_ONLY_REASON: g_value_set_string (value, self->read_only_reason); break;
    case PROP_SAVING_STOPPED: g_value_set_boolean (value, self->saving_stopped); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
our_store_class_init (OurStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = our_store_finalize;
  object_class->get_property = our_store_get_property;

  properties[PROP_PATH] = g_param_spec_string ("path", NULL, NULL, NULL, flags);
  properties[PROP_PLAN] = g_param_spec_object ("plan", NULL, NULL, OUR_TYPE_PLAN, flags);
  properties[PROP_READ_ONLY] = g_param_spec_boolean ("read-only", NULL, NULL, FALSE, flags);
  properties[PROP_READ_ONLY_REASON] = g_param_spec_string ("read-only-reason", NULL, NULL, NULL,
                                                           flags);
  properties[PROP_SAVING_STOPPED] = g_param_spec_boolean ("saving-stopped", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
our_store_init (OurStore *self)
{
  self->fd = -1;
  self->notices = g_ptr_array_new_with_free_func (g_free);
}

OurPlan *
our_store_get_plan (OurStore *self)
{
  g_return_val_if_fail (OUR_IS_STORE (self), NULL);
  return self->plan;
}

OurSession *
our_store_get_session (OurStore *self)
{
  g_return_val_if_fail (OUR_IS_STORE (self), NULL);
  return self->session;
}

const char *
our_store_get_path (OurStore *self)
{
  g_return_val_if_fail (OUR_IS_STORE (self), NULL);
  return self->path;
}

gboolean
our_store_get_read_only (OurStore *self)
{
  g_return_val_if_fail (OUR_IS_STORE (self), TRUE);
  return self->read_only;
}

const char *
our_store_get_read_only_reason (OurStore *self)
{
  g_return_val_if_fail (OUR_IS_STORE (self), NULL);
  return self->read_only_reason;
}

gboolean
our_store_get_saving_stopped (OurStore *self)
{
  g_return_val_if_fail (OUR_IS_STORE (self), FALSE);
  return self->saving_stopped;
}

void
our_store_set_journal_for_testing (OurStoreJournal journal)
{
  forced_journal = journal;
}

const char *
our_store_get_journal_mode (OurStore *self)
{
  g_autofree char *mode = NULL;

  g_return_val_if_fail (OUR_IS_STORE (self), NULL);

  if (self->db == NULL || our_store_sql_query_text (self->db, "PRAGMA journal_mode", &mode) != SQLITE_OK)
    return NULL;
  return g_intern_string (mode);
}

sqlite3 *
our_store_get_db (OurStore *self)
{
  g_return_val_if_fail (OUR_IS_STORE (self), NULL);
  return self->db;
}
