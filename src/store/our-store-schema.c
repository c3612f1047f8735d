/* our-store-schema.c: the schema of plan files, one step per version, and taking a file forward
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "our-file-format.h"
#include "our-side-files.h"
#include "our-store-error.h"
#include "our-store-rows.h"
#include "our-store-schema.h"
#include "our-store-sql.h"

/* The schema, one step per version. Never edit a released step: add one. */
static const char schema_v1[] =
  "CREATE TABLE me ("
  "  key TEXT PRIMARY KEY NOT NULL,"
  "  text TEXT NOT NULL DEFAULT '',"
  "  author INTEGER NOT NULL DEFAULT 0"
  ") STRICT;"
  "CREATE TABLE goals ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  title TEXT NOT NULL DEFAULT '',"
  "  title_author INTEGER NOT NULL DEFAULT 0,"
  "  why TEXT NOT NULL DEFAULT '',"
  "  why_author INTEGER NOT NULL DEFAULT 0,"
  "  life_area INTEGER NOT NULL DEFAULT 0,"
  "  symbol TEXT NOT NULL DEFAULT '',"
  "  progress INTEGER NOT NULL DEFAULT 0,"
  "  status INTEGER NOT NULL DEFAULT 0"
  ") STRICT;"
  "CREATE TABLE steps ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  goal_id TEXT NOT NULL REFERENCES goals (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  what TEXT NOT NULL DEFAULT '',"
  "  what_author INTEGER NOT NULL DEFAULT 0,"
  "  who TEXT NOT NULL DEFAULT '',"
  "  who_author INTEGER NOT NULL DEFAULT 0,"
  "  by_when TEXT NOT NULL DEFAULT '',"
  "  by_when_author INTEGER NOT NULL DEFAULT 0"
  ") STRICT;"
  "CREATE INDEX steps_by_goal ON steps (goal_id, position);";

/* Version 2: My people. Steps may name a member of the network as who
 * helps; the link is by id, so it survives the member being renamed. */
static const char schema_v2[] =
  "ALTER TABLE steps ADD COLUMN helper_id TEXT NOT NULL DEFAULT '';"
  "CREATE TABLE members ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  name TEXT NOT NULL DEFAULT '',"
  "  name_author INTEGER NOT NULL DEFAULT 0,"
  "  relationship TEXT NOT NULL DEFAULT '',"
  "  relationship_author INTEGER NOT NULL DEFAULT 0,"
  "  notes TEXT NOT NULL DEFAULT '',"
  "  notes_author INTEGER NOT NULL DEFAULT 0,"
  "  kind INTEGER NOT NULL DEFAULT 0,"
  "  ring INTEGER NOT NULL DEFAULT 1,"
  "  angle REAL NOT NULL DEFAULT 0,"
  "  helps INTEGER NOT NULL DEFAULT 0,"
  "  contact INTEGER NOT NULL DEFAULT 0,"
  "  wished_for INTEGER NOT NULL DEFAULT 0,"
  "  is_carer INTEGER NOT NULL DEFAULT 0"
  ") STRICT;";

/* Version 3: the notes board, and a symbol for members of My people.
 * Pictures are kept once, by the SHA-256 of their bytes. */
static const char schema_v3[] =
  "ALTER TABLE members ADD COLUMN symbol TEXT NOT NULL DEFAULT '';"
  "CREATE TABLE pictures ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  mime_type TEXT NOT NULL,"
  "  width INTEGER NOT NULL,"
  "  height INTEGER NOT NULL,"
  "  data BLOB NOT NULL"
  ") STRICT;"
  "CREATE TABLE board_items ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  kind INTEGER NOT NULL DEFAULT 0,"
  "  text TEXT NOT NULL DEFAULT '',"
  "  text_author INTEGER NOT NULL DEFAULT 0,"
  "  colour INTEGER NOT NULL DEFAULT 0,"
  "  picture_id TEXT NOT NULL DEFAULT '',"
  "  symbol TEXT NOT NULL DEFAULT '',"
  "  x REAL NOT NULL DEFAULT 0,"
  "  y REAL NOT NULL DEFAULT 0,"
  "  width REAL NOT NULL DEFAULT 200,"
  "  height REAL NOT NULL DEFAULT 200,"
  "  rotation REAL NOT NULL DEFAULT 0,"
  "  added_by INTEGER NOT NULL DEFAULT 0"
  ") STRICT;"
  "CREATE TABLE board_zones ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  name TEXT NOT NULL DEFAULT '',"
  "  name_author INTEGER NOT NULL DEFAULT 0,"
  "  x REAL NOT NULL DEFAULT 0,"
  "  y REAL NOT NULL DEFAULT 0,"
  "  width REAL NOT NULL DEFAULT 400,"
  "  height REAL NOT NULL DEFAULT 300"
  ") STRICT;";

/* Version 4: staying well and safety, consent, and the copy log. */
static const char schema_v4[] =
  "CREATE TABLE staying_well ("
  "  key TEXT PRIMARY KEY NOT NULL,"
  "  text TEXT NOT NULL DEFAULT '',"
  "  author INTEGER NOT NULL DEFAULT 0"
  ") STRICT;"
  "CREATE TABLE crisis_contacts ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  member_id TEXT NOT NULL DEFAULT '',"
  "  name TEXT NOT NULL DEFAULT '',"
  "  phone TEXT NOT NULL DEFAULT '',"
  "  when_text TEXT NOT NULL DEFAULT '',"
  "  author INTEGER NOT NULL DEFAULT 0"
  ") STRICT;"
  "CREATE TABLE safety_notes ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  kind INTEGER NOT NULL DEFAULT 0,"
  "  text TEXT NOT NULL DEFAULT '',"
  "  text_author INTEGER NOT NULL DEFAULT 0,"
  "  talked_together INTEGER NOT NULL DEFAULT 0,"
  "  talked_on TEXT NOT NULL DEFAULT '',"
  "  team_only INTEGER NOT NULL DEFAULT 0,"
  "  written_on TEXT NOT NULL DEFAULT ''"
  ") STRICT;"
  "CREATE TABLE consent ("
  "  section TEXT NOT NULL,"
  "  member_id TEXT NOT NULL,"
  "  since TEXT NOT NULL DEFAULT '',"
  "  agreed_by INTEGER NOT NULL DEFAULT 0,"
  "  PRIMARY KEY (section, member_id)"
  ") STRICT;"
  "CREATE TABLE copy_log ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  kind INTEGER NOT NULL DEFAULT 0,"
  "  medium INTEGER NOT NULL DEFAULT 0,"
  "  carer_id TEXT NOT NULL DEFAULT '',"
  "  carer_name TEXT NOT NULL DEFAULT '',"
  "  made_at TEXT NOT NULL DEFAULT '',"
  "  large_print INTEGER NOT NULL DEFAULT 0"
  ") STRICT;";

/* Version 5: the plan's identity. plan-id names the person's plan and is
 * carried into every copy of it; file-id is new for every file written, so
 * that a file can tell its own write-ahead log from another's; every save
 * bumps "saves", so that each saved transaction rewrites this one small
 * page (see our-side-files.c). Keep this table to a few short rows. */
static const char schema_v5[] =
  "CREATE TABLE plan_info ("
  "  key TEXT PRIMARY KEY NOT NULL,"
  "  value ANY NOT NULL"
  ") STRICT;"
  "INSERT INTO plan_info (key, value) VALUES"
  "  ('plan-id', lower (hex (randomblob (16)))),"
  "  ('file-id', lower (hex (randomblob (16)))),"
  "  ('saves', 0);";

/* Version 6: meetings. Who came and who could not are names, one per
 * line. */
static const char schema_v6[] =
  "CREATE TABLE meetings ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  held_on TEXT NOT NULL DEFAULT '',"
  "  came TEXT NOT NULL DEFAULT '',"
  "  came_author INTEGER NOT NULL DEFAULT 1,"
  "  could_not_come TEXT NOT NULL DEFAULT '',"
  "  could_not_come_author INTEGER NOT NULL DEFAULT 1,"
  "  talked_about TEXT NOT NULL DEFAULT '',"
  "  talked_about_author INTEGER NOT NULL DEFAULT 1"
  ") STRICT;";

/* Version 7: agreed versions. Each holds the whole plan as it was, frozen
 * (see our-agreed-version.c), and names the pictures it shows so that the
 * file keeps them; the person's disagreements are kept with it. */
static const char schema_v7[] =
  "CREATE TABLE agreements ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  agreed_on TEXT NOT NULL DEFAULT '',"
  "  agreed_by TEXT NOT NULL DEFAULT '',"
  "  with_person INTEGER NOT NULL DEFAULT 0,"
  "  review_on TEXT NOT NULL DEFAULT '',"
  "  picture_ids TEXT NOT NULL DEFAULT '',"
  "  snapshot BLOB"
  ") STRICT;"
  "CREATE TABLE disagreements ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  agreement_id TEXT NOT NULL REFERENCES agreements (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  part_kind INTEGER NOT NULL DEFAULT 0,"
  "  part_id TEXT NOT NULL DEFAULT '',"
  "  part_label TEXT NOT NULL DEFAULT '',"
  "  text TEXT NOT NULL DEFAULT '',"
  "  author INTEGER NOT NULL DEFAULT 0"
  ") STRICT;"
  "CREATE INDEX disagreements_by_agreement ON disagreements (agreement_id, position);";

/* Version 8: carers' comments, written in a carer's copy and brought into
 * the plan. */
static const char schema_v8[] =
  "CREATE TABLE comments ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  carer_id TEXT NOT NULL DEFAULT '',"
  "  carer_name TEXT NOT NULL DEFAULT '',"
  "  written_on TEXT NOT NULL DEFAULT '',"
  "  part_kind INTEGER NOT NULL DEFAULT 0,"
  "  part_id TEXT NOT NULL DEFAULT '',"
  "  part_label TEXT NOT NULL DEFAULT '',"
  "  text TEXT NOT NULL DEFAULT '',"
  "  talked_about_on TEXT NOT NULL DEFAULT ''"
  ") STRICT;";

static const OurMigration migrations[] = {
  { 1, schema_v1 },
  { 2, schema_v2 },
  { 3, schema_v3 },
  { 4, schema_v4 },
  { 5, schema_v5 },
  { 6, schema_v6 },
  { 7, schema_v7 },
  { 8, schema_v8 },
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == OUR_SCHEMA_VERSION);

/* Takes the file from @version to the last step's version. Every step runs
 * inside one transaction, so that a file is either wholly updated or, when
 * any step fails, left exactly as it was (the uncommitted write-ahead log
 * is ignored). The caller made a backup copy first. */
gboolean
our_store_schema_migrate (sqlite3             *db,
                          const char          *path,
                          int                  version,
                          const OurMigration  *steps,
                          guint                n_steps,
                          GError             **error)
{
  g_autofree char *set_version = NULL;
  int target = version;
  int rc;

  for (guint i = 0; i < n_steps; i++)
    {
      if (steps[i].to_version <= target)
        continue;
      if (steps[i].to_version != target + 1)
        {
          g_set_error_literal (error, OUR_STORE_ERROR, OUR_STORE_ERROR_FAILED,
                               _("This plan could not be updated to work with this version of Our Plan."));
          return FALSE;
        }
      target = steps[i].to_version;
    }
  if (target == version)
    return TRUE;

  rc = our_store_sql_exec (db, "BEGIN IMMEDIATE");
  for (guint i = 0; rc == SQLITE_OK && i < n_steps; i++)
    if (steps[i].to_version > version)
      rc = our_store_sql_exec (db, steps[i].sql);
  if (rc == SQLITE_OK)
    {
      set_version = g_strdup_printf ("PRAGMA user_version = %d", target);
      rc = our_store_sql_exec (db, set_version);
    }
  if (rc == SQLITE_OK)
    rc = our_store_sql_exec (db, "COMMIT");
  if (rc != SQLITE_OK)
    {
      g_debug ("Updating %s from version %d to %d failed: %s",
               path, version, target, sqlite3_errmsg (db));
      if (!sqlite3_get_autocommit (db))
        our_store_sql_exec (db, "ROLLBACK");
      if ((rc & 0xff) == SQLITE_FULL)
        g_set_error_literal (error, OUR_STORE_ERROR, OUR_STORE_ERROR_NO_SPACE,
                             _("The disk is full, so this plan cannot be updated to work with this version of Our Plan."));
      else if (our_store_error_is_corrupt (rc))
        our_store_error_set_damaged (error);
      else
        g_set_error_literal (error, OUR_STORE_ERROR, OUR_STORE_ERROR_FAILED,
                             _("This plan could not be updated to work with this version of Our Plan, so it was left as it was."));
      return FALSE;
    }
  return TRUE;
}

/* Runs the update on a copy of the file in memory first: an update that
 * cannot work is refused before the file, or anything beside it, is
 * touched. */
gboolean
our_store_schema_try_migration (int                  fd,
                                const char          *path,
                                int                  version,
                                const OurMigration  *steps,
                                guint                n_steps,
                                GError             **error)
{
  gsize size = 0;
  guint8 *image = our_side_read_plan_image (fd, &size);
  sqlite3 *db = NULL;
  gboolean ok;

  if (image == NULL)
    {
      our_store_error_set_damaged (error);
      return FALSE;
    }
  if (sqlite3_open_v2 (":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX
                       | SQLITE_OPEN_EXRESCODE, NULL) != SQLITE_OK)
    sqlite3_free (image);
  else if (sqlite3_deserialize (db, "main", image, size, size,
                                SQLITE_DESERIALIZE_FREEONCLOSE
                                | SQLITE_DESERIALIZE_RESIZEABLE) == SQLITE_OK
           && our_store_sql_harden (db) == SQLITE_OK)
    {
      ok = our_store_schema_migrate (db, path, version, steps, n_steps, error);
      if (ok)
        {
          g_autoptr(OurPlan) plan = our_plan_new ();
          int rc = our_store_rows_load (db, plan, NULL, NULL);

          if (rc != SQLITE_OK)
            {
              our_store_error_set_from_sqlite (error, db, rc);
              ok = FALSE;
            }
        }
      sqlite3_close (db);
      return ok;
    }
  sqlite3_close (db);
  g_set_error_literal (error, OUR_STORE_ERROR, OUR_STORE_ERROR_FAILED,
                       _("There is not enough memory to open this plan."));
  return FALSE;
}

const OurMigration *
our_store_get_migrations (guint *n_migrations)
{
  if (n_migrations != NULL)
    *n_migrations = G_N_ELEMENTS (migrations);
  return migrations;
}

