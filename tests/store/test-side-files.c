/* test-side-files.c: files left beside a plan never decide what happens to it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each test puts a file that this program did not write for the plan next
 * to it (a rollback journal, a write-ahead log, a link), or gives the plan a
 * name SQLite could read as something else, and checks that the plan opens
 * as it is, that nothing outside the plan and its side files is touched, and
 * that the person is told in a sentence. The hostile files are made the way
 * SQLite itself makes them, so that without the store's checks SQLite would
 * act on them (the first test shows SQLite deleting the victim file).
 */
#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "our-command.h"
#include "our-history.h"
#include "our-side-files.h"
#include "our-store-private.h"
#include "test-session.h"

typedef struct
{
  char *dir;
} Scratch;

static void
scratch_set_up (Scratch       *scratch,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  scratch->dir = g_dir_make_tmp ("ourplan-side-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_unlink (path);
      return;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_dir_close (dir);
  g_rmdir (path);
}

static void
scratch_tear_down (Scratch       *scratch,
                   gconstpointer  data)
{
  remove_tree (scratch->dir);
  g_free (scratch->dir);
}

/* ---------------------------------------------------------------------- */
/* Making plans and side files                                            */

static char *
make_plan (Scratch    *scratch,
           const char *name,
           const char *person)
{
  g_autofree char *path = g_build_filename (scratch->dir, name, NULL);
  g_autoptr(OurPlan) plan = our_plan_new ();
  g_autoptr(OurStore) store = NULL;
  g_autoptr(GError) error = NULL;

  our_plan_set_me_text (plan, OUR_ME_FIELD_PREFERRED_NAME, person, OUR_AUTHOR_PERSON);
  our_plan_set_me_text (plan, OUR_ME_FIELD_WHAT_MATTERS, "Walking by the river.",
                        OUR_AUTHOR_PERSON);
  store = our_store_create (path, plan, &error);
  g_assert_no_error (error);
  our_store_close (store);
  return g_steal_pointer (&path);
}

static char *
read_bytes (const char *path,
            gsize      *size)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, size, &error);
  g_assert_no_error (error);
  return contents;
}

static void
write_bytes (const char *path,
             const char *bytes,
             gsize       size)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, bytes, size, &error);
  g_assert_no_error (error);
}

static void
copy_file (const char *from,
           const char *to)
{
  gsize size = 0;
  g_autofree char *bytes = read_bytes (from, &size);

  write_bytes (to, bytes, size);
}

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Every name in the folder with a checksum of its bytes (or its link). */
static char *
describe_folder (const char *path)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      g_autofree char *target = g_file_read_link (child, NULL);
      g_autofree char *sum = NULL;

      if (target == NULL)
        {
          gsize size = 0;
          g_autofree char *bytes = read_bytes (child, &size);

          sum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guint8 *) bytes, size);
        }
      g_ptr_array_add (lines, g_strdup_printf ("%s %s", name, target ? target : sum));
    }
  g_dir_close (dir);
  g_ptr_array_sort (lines, compare_lines);
  g_ptr_array_add (lines, NULL);
  return g_strjoinv ("\n", (char **) lines->pdata);
}

/* The folder holds exactly the files (and contents) @expected describes. */
static void
assert_folder_is (const char *path,
                  const char *expected)
{
  g_autofree char *now = describe_folder (path);

  g_assert_cmpstr (now, ==, expected);
}

/* Copies the plan and its live side files while @path is still open
 * elsewhere: what is on the disk after a power cut at this moment. */
static void
snapshot_with_side_files (const char *path,
                          const char *to)
{
  static const char *const suffixes[] = { "", "-wal", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *from = g_strconcat (path, suffixes[i], NULL);
      g_autofree char *dest = g_strconcat (to, suffixes[i], NULL);

      if (g_file_test (from, G_FILE_TEST_EXISTS))
        copy_file (from, dest);
    }
}

static void
exec_or_die (sqlite3    *db,
             const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

/* A rollback journal SQLite itself wrote for @db_path, in the middle of a
 * transaction that rewrote every row: a hot journal, copied out. */
static char *
capture_hot_journal (const char *db_path,
                     const char *update_sql,
                     gsize      *size)
{
  g_autofree char *journal = g_strconcat (db_path, "-journal", NULL);
  sqlite3 *db = NULL;
  char *bytes;

  g_assert_cmpint (sqlite3_open (db_path, &db), ==, SQLITE_OK);
  exec_or_die (db, "PRAGMA journal_mode = DELETE");
  exec_or_die (db, "BEGIN IMMEDIATE");
  exec_or_die (db, update_sql);
  /* Spill the changed pages so the journal is written and synced. */
  exec_or_die (db, "PRAGMA cache_size = 1");
  exec_or_die (db, update_sql);
  bytes = read_bytes (journal, size);
  g_assert_cmpuint (*size, >, 512);
  exec_or_die (db, "ROLLBACK");
  sqlite3_close (db);
  return bytes;
}

/* The journal a hostile file would carry: nothing to roll back, but a
 * super-journal name, which makes SQLite delete that file afterwards. */
static GByteArray *
hostile_journal (guint32     page_size,
                 const char *victim)
{
  static const guint8 magic[8] = { 0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7 };
  GByteArray *journal = g_byte_array_new ();
  guint8 header[512] = { 0 };
  guint32 fields[5] = { 0, 12345, 2, 512, page_size };
  guint32 name_sum = 0;
  guint32 word;

  memcpy (header, magic, 8);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      word = GUINT32_TO_BE (fields[i]);
      memcpy (header + 8 + 4 * i, &word, 4);
    }
  g_byte_array_append (journal, header, sizeof header);
  word = GUINT32_TO_BE (0x40000000 / page_size + 1);
  g_byte_array_append (journal, (const guint8 *) &word, 4);
  g_byte_array_append (journal, (const guint8 *) victim, strlen (victim));
  for (const char *c = victim; *c; c++)
    name_sum += (guint8) *c;
  word = GUINT32_TO_BE ((guint32) strlen (victim));
  g_byte_array_append (journal, (const guint8 *) &word, 4);
  word = GUINT32_TO_BE (name_sum);
  g_byte_array_append (journal, (const guint8 *) &word, 4);
  g_byte_array_append (journal, magic, 8);
  return journal;
}

static char *
preferred_name (OurStore *store)
{
  return g_strdup (our_plan_get_me_text (our_store_get_plan (store), OUR_ME_FIELD_PREFERRED_NAME));
}

static gboolean
has_notice (OurStore   *store,
            const char *words)
{
  for (const char * const *notice = our_store_get_notices (store); *notice != NULL; notice++)
    if (strstr (*notice, words) != NULL)
      return TRUE;
  return FALSE;
}

/* Opens @path and checks it is Alice's plan as written, that the side file
 * with @suffix was set aside unchanged and that the person was told. */
static void
assert_opens_and_sets_aside (const char *path,
                             const char *suffix,
                             const char *person)
{
  g_autofree char *side = g_strconcat (path, suffix, NULL);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *side_bytes = NULL;
  g_autofree char *before = NULL;
  g_autofree char *name = NULL;
  g_autoptr(OurStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *moved_prefix = NULL;
  gboolean found_moved = FALSE;
  gsize side_size = 0;
  GDir *listing;
  const char *entry;

  side_bytes = read_bytes (side, &side_size);

  /* check: the same verdict, and nothing changes on the disk. */
  {
    OurStoreReport report = { 0 };

    before = describe_folder (dir);
    g_assert_true (our_store_check (path, &report, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (report.integrity, ==, "ok");
    g_assert_nonnull (report.notices);
    g_assert_nonnull (report.notices[0]);
    g_assert_nonnull (strstr (report.notices[0], "does not belong"));
    our_store_report_clear (&report);
    assert_folder_is (dir, before);
  }

  /* Read-only: not used, not moved. */
  store = our_store_open (path, OUR_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  name = preferred_name (store);
  g_assert_cmpstr (name, ==, person);
  g_assert_true (has_notice (store, "does not belong"));
  g_clear_object (&store);
  g_clear_pointer (&name, g_free);
  assert_folder_is (dir, before);

  /* For editing: moved aside, kept as it was. */
  store = our_store_open (path, OUR_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_false (our_store_get_read_only (store));
  name = preferred_name (store);
  g_assert_cmpstr (name, ==, person);
  g_assert_true (has_notice (store, "It was moved to"));
  g_assert_false (g_file_test (side, G_FILE_TEST_IS_SYMLINK));

  {
    g_autofree char *side_name = g_path_get_basename (side);

    moved_prefix = g_strconcat (side_name, ".set-aside-", NULL);
  }
  listing = g_dir_open (dir, 0, NULL);
  while ((entry = g_dir_read_name (listing)) != NULL)
    if (g_str_has_prefix (entry, moved_prefix))
      {
        g_autofree char *moved = g_build_filename (dir, entry, NULL);
        g_autofree char *moved_bytes = NULL;
        gsize moved_size = 0;

        moved_bytes = read_bytes (moved, &moved_size);
        g_assert_cmpmem (moved_bytes, moved_size, side_bytes, side_size);
        found_moved = TRUE;
      }
  g_dir_close (listing);
  g_assert_true (found_moved);

  /* And edits still work and stay. */
  g_assert_true (our_history_run (our_session_get_history (our_store_get_session (store)),
                                  our_command_new_set_me_text (OUR_ME_FIELD_GOOD_DAY,
                                                               "Sunshine", OUR_AUTHOR_PERSON),
                                  &error));
  g_assert_no_error (error);
  g_clear_object (&store);
  /* Closed, the plan is one file again: nothing beside it. */
  g_assert_false (g_file_test (side, G_FILE_TEST_EXISTS));
  store = our_store_open (path, OUR_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (our_plan_get_me_text (our_store_get_plan (store), OUR_ME_FIELD_GOOD_DAY), ==,
                   "Sunshine");
}

/* ---------------------------------------------------------------------- */
/* Rollback journals                                                      */

/* Defect 1: a hot journal naming a super-journal made SQLite delete it. */
static void
test_journal_super_victim (Scratch       *scratch,
                           gconstpointer  data)
{
  g_autofree char *path = make_plan (scratch, "alice.ourplan", "Alice");
  g_autofree char *journal_path = g_strconcat (path, "-journal", NULL);
  g_autofree char *victim = g_build_filename (scratch->dir, "victim.txt", NULL);
  g_autofree char *control = g_build_filename (scratch->dir, "control.db", NULL);
  g_autofree char *control_journal = g_strconcat (control, "-journal", NULL);
  g_autoptr(GByteArray) journal = NULL;
  g_autofree char *victim_bytes = NULL;
  sqlite3 *db = NULL;
  gsize size = 0;

  /* The attack works on SQLite left to itself... */
  g_assert_cmpint (sqlite3_open (control, &db), ==, SQLITE_OK);
  exec_or_die (db, "CREATE TABLE t (x); INSERT INTO t VALUES (1);");
  sqlite3_close (db);
  write_bytes (victim, "precious", 8);
  journal = hostile_journal (4096, victim);
  write_bytes (control_journal, (const char *) journal->data, journal->len);
  g_assert_cmpint (sqlite3_open (control, &db), ==, SQLITE_OK);
  exec_or_die (db, "SELECT * FROM t");
  sqlite3_close (db);
  g_assert_false (g_file_test (victim, G_FILE_TEST_EXISTS));
  g_unlink (control);

  /* ...but not on a plan. */
  write_bytes (victim, "precious", 8);
  write_bytes (journal_path, (const char *) journal->data, journal->len);
  assert_opens_and_sets_aside (path, "-journal", "Alice");
  victim_bytes = read_bytes (victim, &size);
  g_assert_cmpmem (victim_bytes, size, "precious", 8);
}

/* Defect 4: another plan's journal was rolled into this one. */
static void
test_journal_other_plan (Scratch       *scratch,
                         gconstpointer  data)
{
  g_autofree char *alice = make_plan (scratch, "alice.ourplan", "Alice");
  g_autofree char *bob = make_plan (scratch, "bob.ourplan", "Bob");
  g_autofree char *alice_journal = g_strconcat (alice, "-journal", NULL);
  g_autofree char *journal = NULL;
  gsize size = 0;

  journal = capture_hot_journal (bob, "UPDATE me SET text = text || ' (changed)'", &size);
  write_bytes (alice_journal, journal, size);
  assert_opens_and_sets_aside (alice, "-journal", "Alice");
}

/* Defect 5: a journal of an unrelated database wrecked a good plan. */
static void
test_journal_unrelated (Scratch       *scratch,
                        gconstpointer  data)
{
  g_autofree char *alice = make_plan (scratch, "alice.ourplan", "Alice");
  g_autofree char *other = g_build_filename (scratch->dir, "music.db", NULL);
  g_autofree char *alice_journal = g_strconcat (alice, "-journal", NULL);
  g_autofree char *journal = NULL;
  sqlite3 *db = NULL;
  gsize size = 0;

  g_assert_cmpint (sqlite3_open (other, &db), ==, SQLITE_OK);
  exec_or_die (db, "PRAGMA page_size = 4096; CREATE TABLE songs (title TEXT);"
                   "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)"
                   " INSERT INTO songs SELECT printf ('Song %d with a long title', i) FROM n;");
  sqlite3_close (db);
  journal = capture_hot_journal (other, "UPDATE songs SET title = upper (title)", &size);
  write_bytes (alice_journal, journal, size);
  assert_opens_and_sets_aside (alice, "-journal", "Alice");
}

/* ---------------------------------------------------------------------- */
/* Write-ahead logs                                                       */

/* A live log SQLite wrote for @db_path with @sql in it, copied out. */
static char *
capture_wal (const char *db_path,
             const char *setup_sql,
             gsize      *size)
{
  g_autofree char *wal = g_strconcat (db_path, "-wal", NULL);
  sqlite3 *db = NULL;
  char *bytes;

  g_assert_cmpint (sqlite3_open (db_path, &db), ==, SQLITE_OK);
  exec_or_die (db, "PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0;");
  exec_or_die (db, setup_sql);
  bytes = read_bytes (wal, size);
  g_assert_cmpuint (*size, >, 32);
  sqlite3_close (db);
  return bytes;
}

/* Puts the live log of a database made by @sql beside Alice's plan. */
static void
assert_foreign_wal_set_aside (Scratch    *scratch,
                              const char *sql)
{
  g_autofree char *alice = make_plan (scratch, "alice.ourplan", "Alice");
  g_autofree char *other = g_build_filename (scratch->dir, "other.db", NULL);
  g_autofree char *alice_wal = g_strconcat (alice, "-wal", NULL);
  g_autofree char *wal = NULL;
  gsize size = 0;

  wal = capture_wal (other, sql, &size);
  write_bytes (alice_wal, wal, size);
  assert_opens_and_sets_aside (alice, "-wal", "Alice");
}

/* Defect 2: a log from another database replaced the plan. */
static void
test_wal_foreign_database (Scratch       *scratch,
                           gconstpointer  data)
{
  assert_foreign_wal_set_aside (scratch, "PRAGMA page_size = 4096; CREATE TABLE songs (title TEXT);"
                                         "INSERT INTO songs VALUES ('one'), ('two');");
}

/* Defect 3: another person's log leaked into the plan and its copies. */
static void
test_wal_other_plan (Scratch       *scratch,
                     gconstpointer  data)
{
  g_autofree char *alice = make_plan (scratch, "alice.ourplan", "Alice");
  g_autofree char *bob = make_plan (scratch, "bob.ourplan", "Bob");
  g_autofree char *bob_copy = g_build_filename (scratch->dir, "bob-copy", NULL);
  g_autofree char *bob_copy_wal = g_strconcat (bob_copy, "-wal", NULL);
  g_autofree char *alice_wal = g_strconcat (alice, "-wal", NULL);
  g_autoptr(OurStore) store = NULL;
  g_autoptr(GError) error = NULL;

  /* Bob's plan, edited in this program, with its log not yet folded in. */
  store = our_store_open (bob, OUR_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (our_store_get_journal_mode (store), ==, "wal");
  g_assert_true (our_history_run (our_session_get_history (our_store_get_session (store)),
                                  our_command_new_set_me_text (OUR_ME_FIELD_PREFERRED_NAME,
                                                               "Bob's secret", OUR_AUTHOR_PERSON),
                                  &error));
  g_assert_no_error (error);
  snapshot_with_side_files (bob, bob_copy);
  g_clear_object (&store);

  copy_file (bob_copy_wal, alice_wal);
  assert_opens_and_sets_aside (alice, "-wal", "Alice");
}

/* The plan's own log, left by a crash, is this plan's: it is used. */
static void
test_wal_own_after_crash (Scratch       *scratch,
                          gconstpointer  data)
{
  g_autofree char *alice = make_plan (scratch, "alice.ourplan", "Alice");
  g_autofree char *crashed = g_build_filename (scratch->dir, "crashed.ourplan", NULL);
  g_autofree char *crashed_wal = g_strconcat (crashed, "-wal", NULL);
  g_autofree char *before = NULL;
  g_autoptr(OurStore) store = NULL;
  g_autoptr(GError) error = NULL;
  OurStoreReport report = { 0 };

  store = our_store_open (alice, OUR_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *text = g_strdup_printf ("Edit %u", i);

      g_assert_true (our_history_run (our_session_get_history (our_store_get_session (store)),
                                      our_command_new_set_me_text (OUR_ME_FIELD_GOOD_DAY, text,
                                                                   OUR_AUTHOR_PERSON),
                                      &error));
      g_assert_no_error (error);
    }
  snapshot_with_side_files (alice, crashed);
  g_clear_object (&store);
  g_assert_true (g_file_test (crashed_wal, G_FILE_TEST_EXISTS));

  /* check reads the log without writing anything beside the plan. */
  before = describe_folder (scratch->dir);
  g_assert_true (our_store_check (crashed, &report, &error));
  g_assert_no_error (error);
  g_assert_null (report.notices[0]);
  our_store_report_clear (&report);
  assert_folder_is (scratch->dir, before);

  store = our_store_open (crashed, OUR_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (our_plan_get_me_text (our_store_get_plan (store), OUR_ME_FIELD_GOOD_DAY), ==,
                   "Edit 2");
  g_clear_object (&store);
  assert_folder_is (scratch->dir, before);

  store = our_store_open (crashed, OUR_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_null (our_store_get_notices (store)[0]);
  g_assert_cmpstr (our_plan_get_me_text (our_store_get_plan (store), OUR_ME_FIELD_GOOD_DAY), ==,
                   "Edit 2");
}

/* Defect 11: a stray log for pages of another size was called damage. */
static void
test_wal_other_page_size (Scratch       *scratch,
                          gconstpointer  data)
{
  assert_foreign_wal_set_aside (scratch, "PRAGMA page_size = 1024; VACUUM; CREATE TABLE t (x);"
                                         "INSERT INTO t VALUES (1);");
}

/* A side file that is a link could make SQLite write through it. */
static void
test_side_file_links (Scratch       *scratch,
                      gconstpointer  data)
{
  g_autofree char *alice = make_plan (scratch, "alice.ourplan", "Alice");
  g_autofree char *victim = g_build_filename (scratch->dir, "victim.txt", NULL);
  g_autofree char *alice_shm = g_strconcat (alice, "-shm", NULL);
  g_autofree char *alice_wal = g_strconcat (alice, "-wal", NULL);
  g_autofree char *victim_bytes = NULL;
  gsize size = 0;

  write_bytes (victim, "precious", 8);
  g_assert_cmpint (symlink (victim, alice_shm), ==, 0);
  assert_opens_and_sets_aside (alice, "-shm", "Alice");
  g_assert_cmpint (link (victim, alice_wal), ==, 0);
  assert_opens_and_sets_aside (alice, "-wal", "Alice");
  victim_bytes = read_bytes (victim, &size);
  g_assert_cmpmem (victim_bytes, size, "precious", 8);
}

/* ---------------------------------------------------------------------- */
/* Names                                                                  */

/* Defect 6: names that look like SQLite URIs open exactly that file. */
static void
test_uri_like_names (Scratch       *scratch,
                     gconstpointer  data)
{
  static const char *const names[] = {
    "file:x.ourplan", "y.ourplan?mode=memory", "z.ourplan?vfs=unix-none", "w.ourplan#frag",
  };
  g_autofree char *cwd = g_get_current_dir ();

  g_assert_cmpint (chdir (scratch->dir), ==, 0);
  g_free (make_plan (scratch, "x.ourplan", "Someone else"));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = make_plan (scratch, names[i], "Alice");
      g_autoptr(OurStore) store = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *name = NULL;
      OurStoreReport report = { 0 };

      /* Relative, as typed on a command line. */
      g_assert_true (our_store_check (names[i], &report, &error));
      g_assert_no_error (error);
      our_store_report_clear (&report);
      store = our_store_open (names[i], OUR_STORE_OPEN_DEFAULT, &error);
      g_assert_no_error (error);
      name = preferred_name (store);
      g_assert_cmpstr (name, ==, "Alice");
      g_assert_true (our_history_run (our_session_get_history (our_store_get_session (store)),
                                      our_command_new_set_me_text (OUR_ME_FIELD_GOOD_DAY, names[i],
                                                                   OUR_AUTHOR_PERSON),
                                      &error));
      g_assert_no_error (error);
      g_clear_object (&store);
      store = our_store_open (path, OUR_STORE_OPEN_READ_ONLY, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (our_plan_get_me_text (our_store_get_plan (store), OUR_ME_FIELD_GOOD_DAY),
                       ==, names[i]);
    }
  g_assert_cmpint (chdir (cwd), ==, 0);
}

/* Defect 11: a socket named like a plan gets a sentence, not errno words. */
static void
test_socket (Scratch       *scratch,
             gconstpointer  data)
{
  g_autofree char *path = g_build_filename (scratch->dir, "socket.ourplan", NULL);
  struct sockaddr_un address = { .sun_family = AF_UNIX };
  g_autoptr(OurStore) store = NULL;
  g_autoptr(GError) error = NULL;
  OurStoreReport report = { 0 };
  int fd;

  g_assert_cmpuint (strlen (path), <, sizeof address.sun_path);
  strcpy (address.sun_path, path);
  fd = socket (AF_UNIX, SOCK_STREAM, 0);
  g_assert_cmpint (bind (fd, (struct sockaddr *) &address, sizeof address), ==, 0);

  store = our_store_open (path, OUR_STORE_OPEN_DEFAULT, &error);
  g_assert_null (store);
  g_assert_error (error, OUR_STORE_ERROR, OUR_STORE_ERROR_NOT_A_PLAN);
  g_assert_cmpstr (error->message, ==, "This is not a plan file.");
  g_clear_error (&error);
  g_assert_false (our_store_check (path, &report, &error));
  g_assert_error (error, OUR_STORE_ERROR, OUR_STORE_ERROR_NOT_A_PLAN);
  our_store_report_clear (&report);
  close (fd);
}

/* ---------------------------------------------------------------------- */
/* check agrees with open                                                 */

/* Defect 7: check passed files that every open refused. */
static void
test_check_agrees (Scratch       *scratch,
                   gconstpointer  data)
{
  static const char *const breakages[] = {
    "ALTER TABLE goals DROP COLUMN why",
    "DROP TABLE copy_log",
    "PRAGMA user_version = -1",
  };

  for (guint i = 0; i < G_N_ELEMENTS (breakages); i++)
    {
      g_autofree char *name = g_strdup_printf ("broken-%u.ourplan", i);
      g_autofree char *path = make_plan (scratch, name, "Alice");
      g_autofree char *before = NULL;
      g_autoptr(OurStore) store = NULL;
      g_autoptr(GError) check_error = NULL;
      g_autoptr(GError) open_error = NULL;
      OurStoreReport report = { 0 };
      sqlite3 *db = NULL;

      g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
      exec_or_die (db, breakages[i]);
      sqlite3_close (db);
      before = describe_folder (scratch->dir);

      g_assert_false (our_store_check (path, &report, &check_error));
      our_store_report_clear (&report);
      store = our_store_open (path, OUR_STORE_OPEN_DEFAULT, &open_error);
      g_assert_null (store);
      g_assert_nonnull (check_error);
      g_assert_nonnull (open_error);
      g_assert_cmpint (check_error->code, ==, open_error->code);
      g_assert_cmpstr (check_error->message, ==, open_error->message);
      assert_folder_is (scratch->dir, before);
    }
}

/* Defect 11: a failed update leaves no backup behind, however often tried. */
static void
test_failed_update_leaves_no_backup (Scratch       *scratch,
                                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (scratch->dir, "old.ourplan", NULL);
  g_autofree char *fixture = g_build_filename (TEST_DATA_DIR, "plan-v3.ourplan", NULL);
  g_autofree char *before = NULL;
  g_autofree OurMigration *steps = NULL;
  const OurMigration *known;
  guint n_known;

  copy_file (fixture, path);
  known = our_store_get_migrations (&n_known);
  steps = g_new0 (OurMigration, n_known + 1);
  memcpy (steps, known, n_known * sizeof *known);
  steps[n_known].to_version = known[n_known - 1].to_version + 1;
  steps[n_known].sql = "CREATE TABLE goals (x);";

  before = describe_folder (scratch->dir);
  for (guint attempt = 0; attempt < 3; attempt++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(OurStore) store = our_store_open_with_migrations (path, OUR_STORE_OPEN_DEFAULT,
                                                                  steps, n_known + 1, &error);

      g_assert_null (store);
      g_assert_error (error, OUR_STORE_ERROR, OUR_STORE_ERROR_FAILED);
    }
  assert_folder_is (scratch->dir, before);
}

static char *
info_value (const char *path,
            const char *key)
{
  g_autofree char *sql = g_strdup_printf ("SELECT value FROM plan_info WHERE key = '%s'", key);
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db = NULL;
  char *value = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

/* Copies of a plan (a saved copy, a carer's copy) carry its plan-id, each in
 * a file of its own (file-id), so one copy's log is never taken for
 * another's. */
static void
test_copies_keep_plan_identity (Scratch       *scratch,
                                gconstpointer  data)
{
  g_autofree char *alice = make_plan (scratch, "alice.ourplan", "Alice");
  g_autofree char *copy = g_build_filename (scratch->dir, "copy.ourplan", NULL);
  g_autofree char *carer = g_build_filename (scratch->dir, "carer.ourplan", NULL);
  g_autofree char *plan_id = info_value (alice, "plan-id");
  g_autofree char *file_id = info_value (alice, "file-id");
  g_autofree char *copy_file_id = NULL;
  g_autofree char *copy_plan_id = NULL;
  g_autofree char *carer_plan_id = NULL;
  g_autoptr(OurStore) store = NULL;
  g_autoptr(OurPlan) carer_plan = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (plan_id);
  g_assert_nonnull (file_id);
  store = our_store_open (alice, OUR_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (our_plan_get_plan_id (our_store_get_plan (store)), ==, plan_id);

  g_assert_true (our_store_write_plan (our_store_get_plan (store), copy, &error));
  g_assert_no_error (error);
  carer_plan = our_plan_new_carer_copy (our_store_get_plan (store), "nobody");
  g_assert_true (our_store_write_plan (carer_plan, carer, &error));
  g_assert_no_error (error);

  copy_plan_id = info_value (copy, "plan-id");
  copy_file_id = info_value (copy, "file-id");
  carer_plan_id = info_value (carer, "plan-id");
  g_assert_cmpstr (copy_plan_id, ==, plan_id);
  g_assert_cmpstr (carer_plan_id, ==, plan_id);
  g_assert_cmpstr (copy_file_id, !=, file_id);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("LANGUAGE", "en", TRUE);

#define ADD(name, func) \
  g_test_add (name, Scratch, NULL, scratch_set_up, func, scratch_tear_down)

  ADD ("/side-files/journal/super-journal-victim", test_journal_super_victim);
  ADD ("/side-files/journal/other-plan", test_journal_other_plan);
  ADD ("/side-files/journal/unrelated-database", test_journal_unrelated);
  ADD ("/side-files/wal/foreign-database", test_wal_foreign_database);
  ADD ("/side-files/wal/other-plan", test_wal_other_plan);
  ADD ("/side-files/wal/own-after-crash", test_wal_own_after_crash);
  ADD ("/side-files/wal/other-page-size", test_wal_other_page_size);
  ADD ("/side-files/links", test_side_file_links);
  ADD ("/side-files/names/uri-like", test_uri_like_names);
  ADD ("/side-files/names/socket", test_socket);
  ADD ("/side-files/check/agrees-with-open", test_check_agrees);
  ADD ("/side-files/update/failed-leaves-no-backup", test_failed_update_leaves_no_backup);
  ADD ("/side-files/identity/copies", test_copies_keep_plan_identity);

  return g_test_run ();
}
