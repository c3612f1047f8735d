/* test-store.c: the plan file keeps every word, refuses bad files untouched, and saves each command
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE
#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <string.h>
#include <unistd.h>

#include "our-history.h"
#include "our-side-files.h"
#include "our-store-private.h"
#include "test-plans.h"

static const char welsh[] = "Dw i'n hoffi cerdded ger yr afon";
static const char diacritics[] = "Siân, Gwenllïan, ŵ ŷ â ê î ô û";
static const char emoji[] = "🌱 a good day 🏞️👩‍👧";
static const char rtl[] = "مرحبا — שלום";

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

typedef struct
{
  char *dir;
} Scratch;

static void
scratch_setup (Scratch       *scratch,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  scratch->dir = g_dir_make_tmp ("ourplan-store-XXXXXX", &error);
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

      g_chmod (child, 0644);
      remove_tree (child);
    }
  g_dir_close (dir);
  g_rmdir (path);
}

static void
scratch_teardown (Scratch       *scratch,
                  gconstpointer  data)
{
  our_store_set_journal_for_testing (OUR_STORE_JOURNAL_DEFAULT);
  remove_tree (scratch->dir);
  g_free (scratch->dir);
}

static char *
scratch_path (Scratch    *scratch,
              const char *name)
{
  return g_build_filename (scratch->dir, name, NULL);
}

static char *
checksum_file (const char *path)
{
  g_autofree char *contents = NULL;
  gsize len = 0;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, len);
}

/* The names in @dir, sorted and joined, to see that nothing was added. */
static char *
list_dir (const char *path)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_dir_close (dir);
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static char *
copy_fixture (Scratch    *scratch,
              const char *name)
{
  g_autofree char *from = g_build_filename (TEST_DATA_DIR, name, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  char *to = scratch_path (scratch, name);
  gsize len;

  g_file_get_contents (from, &contents, &len, &error);
  g_assert_no_error (error);
  g_file_set_contents (to, contents, len, &error);
  g_assert_no_error (error);
  return to;
}

static OurStep *
make_step (const char *what,
           OurAuthor   what_author,
           const char *who,
           OurAuthor   who_author,
           const char *by_when)
{
  OurStep *step = our_step_new (NULL);

  our_step_set_text (step, OUR_STEP_TEXT_WHAT, what, what_author);
  our_step_set_text (step, OUR_STEP_TEXT_WHO, who, who_author);
  our_step_set_text (step, OUR_STEP_TEXT_BY_WHEN, by_when, OUR_AUTHOR_COORDINATOR);
  return step;
}

/* A plan that uses every field, every author and awkward text. */
static OurPlan *
make_full_plan (void)
{
  OurPlan *plan = our_plan_new ();
  g_autoptr(OurGoal) walk = our_goal_new (NULL);
  g_autoptr(OurGoal) money = our_goal_new (NULL);
  g_autoptr(OurGoal) empty = our_goal_new (NULL);
  g_autoptr(OurStep) s1 = make_step (welsh, OUR_AUTHOR_PERSON, "Siân", OUR_AUTHOR_PERSON,
                                     "2026-12-01");
  g_autoptr(OurStep) s2 = make_step (emoji, OUR_AUTHOR_COORDINATOR, rtl, OUR_AUTHOR_COORDINATOR,
                                     "");
  g_autoptr(OurStep) s3 = make_step ("Call the council", OUR_AUTHOR_COORDINATOR,
                                     "Care coordinator", OUR_AUTHOR_PERSON, "2027-01-31");

  for (guint f = 0; f < OUR_N_ME_FIELDS; f++)
    {
      g_autofree char *text = NULL;

      if (our_me_field_is_date (f))
        text = g_strdup_printf ("2026-%02u-%02u", 1 + f % 12, 1 + f);
      else
        text = g_strdup_printf ("%s — %s %u\n%s %s", welsh, diacritics, f, emoji, rtl);
      our_plan_set_me_text (plan, f, text, f % 2 ? OUR_AUTHOR_COORDINATOR : OUR_AUTHOR_PERSON);
    }

  our_goal_set_text (walk, OUR_GOAL_TEXT_TITLE, welsh, OUR_AUTHOR_PERSON);
  our_goal_set_text (walk, OUR_GOAL_TEXT_WHY, diacritics, OUR_AUTHOR_COORDINATOR);
  our_goal_set_life_area (walk, OUR_LIFE_AREA_SOCIAL);
  our_goal_set_symbol (walk, "walking");
  our_goal_set_progress (walk, 7);
  our_goal_set_status (walk, OUR_GOAL_STATUS_PAUSED);
  our_goal_insert_step (walk, 0, s1);
  our_goal_insert_step (walk, 1, s2);

  our_goal_set_text (money, OUR_GOAL_TEXT_TITLE, rtl, OUR_AUTHOR_COORDINATOR);
  our_goal_set_text (money, OUR_GOAL_TEXT_WHY, emoji, OUR_AUTHOR_PERSON);
  our_goal_set_life_area (money, OUR_LIFE_AREA_WORK);
  our_goal_set_symbol (money, "money");
  our_goal_set_progress (money, OUR_PROGRESS_MAX);
  our_goal_set_status (money, OUR_GOAL_STATUS_DONE);
  our_goal_insert_step (money, 0, s3);

  our_plan_insert_goal (plan, 0, walk);
  our_plan_insert_goal (plan, 1, money);
  our_plan_insert_goal (plan, 2, empty);
  return plan;
}

static OurStore *
create_full_store (Scratch     *scratch,
                   const char  *name,
                   char       **path_out)
{
  g_autoptr(OurPlan) plan = make_full_plan ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = scratch_path (scratch, name);
  OurStore *store;

  store = our_store_create (path, plan, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  if (path_out)
    *path_out = g_steal_pointer (&path);
  return store;
}

/* Reads one value from what is on the disk now, the way the next start
 * after a power cut would see it: the file with its log folded in (the log
 * must be recognised as the plan's own). Works while the store holds the
 * file, even with exclusive locking. */
static char *
peek (const char *path,
      const char *sql,
      const char *arg)
{
  g_auto(OurSideFiles) side = { 0 };
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *result = NULL;
  int fd;
  int rc;

  fd = open (path, O_RDONLY | O_CLOEXEC);
  g_assert_cmpint (fd, >=, 0);
  our_side_files_inspect (path, fd, TRUE, &side);
  close (fd);
  g_assert_cmpint (side.files[OUR_SIDE_WAL].verdict, !=, OUR_SIDE_FILE_FOREIGN);
  g_assert_nonnull (side.image);

  rc = sqlite3_open_v2 (":memory:", &db, SQLITE_OPEN_READWRITE, NULL);
  g_assert_cmpint (rc, ==, SQLITE_OK);
  rc = sqlite3_deserialize (db, "main", g_steal_pointer (&side.image), side.image_size,
                            side.image_size, SQLITE_DESERIALIZE_FREEONCLOSE);
  g_assert_cmpint (rc, ==, SQLITE_OK);
  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  if (arg)
    sqlite3_bind_text (stmt, 1, arg, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return result;
}

static void
assert_peek (const char *path,
             const char *sql,
             const char *arg,
             const char *expected)
{
  g_autofree char *value = peek (path, sql, arg);

  g_assert_cmpstr (value, ==, expected);
}

static gboolean
run (OurStore    *store,
     OurCommand  *command,
     GError     **error)
{
  return our_session_run (our_store_get_session (store), command, error);
}

/* ---------------------------------------------------------------------- */
/* Round trip                                                             */

static void
test_round_trip (Scratch       *scratch,
                 gconstpointer  data)
{
  g_autoptr(OurPlan) expected = make_full_plan ();
  g_autoptr(OurStore) created = NULL;
  g_autoptr(OurStore) reopened = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = scratch_path (scratch, "round trip.ourplan");
  g_autofree char *listing = NULL;

  created = our_store_create (path, expected, &error);
  g_assert_no_error (error);
  g_assert_false (our_store_get_read_only (created));
  g_assert_null (our_store_get_read_only_reason (created));
  test_assert_same_plan (our_store_get_plan (created), expected);
  our_store_close (created);

  /* Closed, the plan is one self-contained file in rollback-journal mode. */
  listing = list_dir (scratch->dir);
  g_assert_cmpstr (listing, ==, "round trip.ourplan");

  reopened = our_store_open (path, OUR_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  test_assert_same_plan (our_store_get_plan (reopened), expected);

  /* Private data: only the owner may read the file. */
  {
    GStatBuf st;

    g_assert_cmpint (g_stat (path, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0077, ==, 0);
  }
}

static void
test_round_trip_by_commands (Scratch       *scratch,
                             gconstpointer  data)
{
  g_autoptr(OurPlan) empty = our_plan_new ();
  g_autoptr(OurPlan) source = make_full_plan ();
  g_autoptr(OurStore) store = NULL;
  g_autoptr(OurStore) reopened = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = scratch_path (scratch, "typed.ourplan");
  OurPlan *plan;

  store = our_store_create (path, empty, &error);
  g_assert_no_error (error);
  plan = our_store_get_plan (store);

  /* The same plan, typed in through commands, as a person would. */
  for (guint f = 0; f < OUR_N_ME_FIELDS; f++)
    {
      g_assert_true (run (store, our_command_new_set_me_text (f, our_plan_get_me_text (source, f),
                                                             our_plan_get_me_author (source, f)),
                          &error));
      g_assert_no_error (error);
    }
  for (guint i = 0; i < our_plan_get_n_goals (source); i++)
    {
      g_assert_true (run (store, our_command_new_add_goal (our_plan_get_goal (source, i), -1),
                          &error));
      g_assert_no_error (error);
    }
  test_assert_same_plan (plan, source);
  g_clear_object (&store);

  reopened = our_store_open (path, OUR_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  test_assert_same_plan (our_store_get_plan (reopened), source);
}

static void
test_long_text (Scratch       *scratch,
                gconstpointer  data)
{
  g_autoptr(OurPlan) plan = our_plan_new ();
  g_autoptr(OurStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = scratch_path (scratch, "long.ourplan");
  g_autoptr(GString) long_text = g_string_new (NULL);
  g_autoptr(GString) too_long = g_string_new (NULL);
  const char *loaded;

  /* As much Welsh with diacritics as a field holds is kept whole. */
  while (g_utf8_strlen (long_text->str, -1) + 14 <= OUR_MAX_TEXT_CHARS)
    g_string_append (long_text, "Gwenllïan ŵ ŷ ");
  our_plan_set_me_text (plan, OUR_ME_FIELD_GOOD_DAY, long_text->str, OUR_AUTHOR_PERSON);
  /* Text beyond the limit is cut at a character boundary, never mid-letter
   * (test-limits.c: also when a file holds it). */
  while (too_long->len < OUR_STORE_MAX_TEXT_BYTES + 4096)
    g_string_append (too_long, "ŵ");
  g_string_prepend_c (too_long, 'x');
  our_plan_set_me_text (plan, OUR_ME_FIELD_GOOD_AT, too_long->str, OUR_AUTHOR_PERSON);

  g_assert_true (our_store_write_plan (plan, path, &error));
  g_assert_no_error (error);
  store = our_store_open (path, OUR_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  g_assert_true (g_str_equal (our_plan_get_me_text (our_store_get_plan (store), OUR_ME_FIELD_GOOD_DAY),
                              long_text->str));
  loaded = our_plan_get_me_text (our_store_get_plan (store), OUR_ME_FIELD_GOOD_AT);
  g_assert_true (g_utf8_validate (loaded, -1, NULL));
  g_assert_cmpint (g_utf8_strlen (loaded, -1), ==, OUR_MAX_TEXT_CHARS);
  g_assert_true (g_str_has_prefix (too_long->str, loaded));
}

/* A file with our marks but made by someone else: loose schema, values out
 * of range, NULL ids, bytes that are not UTF-8. It opens, and nothing
 * impossible reaches the model. */
static void
test_untrusted_values (Scratch       *scratch,
                       gconstpointer  data)
{
  g_autofree char *path = scratch_path (scratch, "odd.ourplan");
  g_autoptr(OurStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  sqlite3 *db = NULL;
  OurPlan *plan;
  OurGoal *goal;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sql = g_strdup_printf (
    "PRAGMA application_id = %d; PRAGMA user_version = 1;"
    "CREATE TABLE me (key TEXT PRIMARY KEY, text, author);"
    "CREATE TABLE goals (id TEXT PRIMARY KEY, position, title, title_author, why, why_author,"
    "  life_area, symbol, progress, status);"
    "CREATE TABLE steps (id TEXT PRIMARY KEY, goal_id, position, what, what_author, who,"
    "  who_author, by_when, by_when_author);"
    "INSERT INTO me VALUES ('preferred-name', X'4D61C3', 7);"
    "INSERT INTO me VALUES ('no-such-field', 'ignored', 0);"
    "INSERT INTO me VALUES (NULL, 'no key', 0);"
    "INSERT INTO goals VALUES (NULL, 0, 'no id', 0, '', 0, 0, '', 0, 0);"
    "INSERT INTO goals VALUES ('g1', 'first', 'Odd', -3, NULL, 99, 99, 42, 1000, -1);"
    "INSERT INTO goals VALUES ('g2', 5, 'Fine', 1, 'why', 1, 2, 'home', 3, 2);"
    "INSERT INTO steps VALUES ('s1', 'g1', 0, 'ok', 1, NULL, 5, 'soon', 0);"
    "INSERT INTO steps VALUES ('s2', 'nowhere', 0, 'orphan', 0, '', 0, '', 0);"
    "INSERT INTO steps VALUES (NULL, 'g1', 1, 'no id', 0, '', 0, '', 0);",
    (gint32) OUR_APPLICATION_ID);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = our_store_open (path, OUR_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  plan = our_store_get_plan (store);

  g_assert_true (g_utf8_validate (our_plan_get_me_text (plan, OUR_ME_FIELD_PREFERRED_NAME),
                                  -1, NULL));
  g_assert_true (g_str_has_prefix (our_plan_get_me_text (plan, OUR_ME_FIELD_PREFERRED_NAME),
                                   "Ma"));
  g_assert_cmpint (our_plan_get_me_author (plan, OUR_ME_FIELD_PREFERRED_NAME), ==,
                   OUR_AUTHOR_PERSON);

  g_assert_cmpuint (our_plan_get_n_goals (plan), ==, 2);
  goal = our_plan_find_goal (plan, "g1", NULL);
  g_assert_nonnull (goal);
  g_assert_cmpstr (our_goal_get_text (goal, OUR_GOAL_TEXT_WHY), ==, "");
  g_assert_cmpint (our_goal_get_life_area (goal), ==, OUR_LIFE_AREA_NONE);
  g_assert_cmpuint (our_goal_get_progress (goal), <=, OUR_PROGRESS_MAX);
  g_assert_cmpint (our_goal_get_status (goal), ==, OUR_GOAL_STATUS_ACTIVE);
  g_assert_cmpstr (our_goal_get_symbol (goal), ==, "42");
  g_assert_cmpuint (our_goal_get_n_steps (goal), ==, 1);
  g_assert_cmpstr (our_step_get_text (our_goal_get_step (goal, 0), OUR_STEP_TEXT_WHO), ==, "");

  goal = our_plan_find_goal (plan, "g2", NULL);
  g_assert_nonnull (goal);
  g_assert_cmpint (our_goal_get_life_area (goal), ==, OUR_LIFE_AREA_EDUCATION);
  g_assert_cmpint (our_goal_get_status (goal), ==, OUR_GOAL_STATUS_DONE);
}

/* ---------------------------------------------------------------------- */
/* Bad files                                                              */

typedef struct
{
  const char  *name;
  OurStoreError code;
} BadFile;

static const BadFile bad_files[] = {
  { "empty.ourplan", OUR_STORE_ERROR_EMPTY },
  { "text-renamed.ourplan", OUR_STORE_ERROR_NOT_A_PLAN },
  { "other-database.ourplan", OUR_STORE_ERROR_FOREIGN },
  { "truncated.ourplan", OUR_STORE_ERROR_DAMAGED },
  { "corrupt-page.ourplan", OUR_STORE_ERROR_DAMAGED },
  { "newer-version.ourplan", OUR_STORE_ERROR_TOO_NEW },
};

static void
test_bad_file (Scratch       *scratch,
               gconstpointer  data)
{
  const BadFile *bad = data;
  g_autofree char *path = copy_fixture (scratch, bad->name);
  g_autofree char *before = checksum_file (path);
  g_autofree char *listing = list_dir (scratch->dir);
  g_autofree char *after = NULL;
  g_autofree char *listing_after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(OurStore) store = NULL;
  OurStoreReport report = { 0 };

  store = our_store_open (path, OUR_STORE_OPEN_DEFAULT, &error);
  g_assert_null (store);
  g_assert_error (error, OUR_STORE_ERROR, (int) bad->code);
  g_assert_cmpuint (strlen (error->message), >, 10);
  g_test_message ("%s: %s", bad->name, error->message);
  g_clear_error (&error);

  g_assert_false (our_store_check (path, &report, &error));
  g_assert_error (error, OUR_STORE_ERROR, (int) bad->code);
  our_store_report_clear (&report);

  /* Nothing was written: same bytes, and no journal or log next to it. */
  after = checksum_file (path);
  g_assert_cmpstr (before, ==, after);
  listing_after = list_dir (scratch->dir);
  g_assert_cmpstr (listing, ==, listing_after);
}

static void
test_missing_file (Scratch       *scratch,
                   gconstpointer  data)
{
  g_autofree char *path = scratch_path (scratch, "nowhere.ourplan");
  g_autoptr(GError) error = NULL;
  g_autoptr(OurStore) store = NULL;

  store = our_store_open (path, OUR_STORE_OPEN_DEFAULT, &error);
  g_assert_null (store);
  g_assert_error (error, OUR_STORE_ERROR, OUR_STORE_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  g_clear_error (&error);
  store = our_store_open (scratch->dir, OUR_STORE_OPEN_DEFAULT, &error);
  g_assert_null (store);
  g_assert_error (error, OUR_STORE_ERROR, OUR_STORE_ERROR_NOT_A_PLAN);
}

/* ---------------------------------------------------------------------- */
/* Read-only, held, moved, deleted                                        */

static void
test_read_only_file (Scratch       *scratch,
                     gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *old_text = NULL;
  g_autoptr(OurStore) store = create_full_store (scratch, "locked.ourplan", &path);
  g_autoptr(GError) error = NULL;
  OurPlan *plan;

  g_clear_object (&store);
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  before = checksum_file (path);

  store = our_store_open (path, OUR_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (our_store_get_read_only (store));
  g_assert_nonnull (our_store_get_read_only_reason (store));
  g_assert_cmpuint (strlen (our_store_get_read_only_reason (store)), >, 10);

  plan = our_store_get_plan (store);
  old_text = g_strdup (our_plan_get_me_text (plan, OUR_ME_FIELD_WHAT_MATTERS));
  g_assert_false (run (store, our_command_new_set_me_text (OUR_ME_FIELD_WHAT_MATTERS, "changed",
                                                          OUR_AUTHOR_PERSON),
                       &error));
  g_assert_error (error, OUR_HISTORY_ERROR, OUR_HISTORY_ERROR_READ_ONLY);
  g_assert_cmpstr (our_plan_get_me_text (plan, OUR_ME_FIELD_WHAT_MATTERS), ==, old_text);
  /* A read-only session has no history: there is nothing to undo. */
  g_assert_true (our_session_get_read_only (our_store_get_session (store)));
  g_assert_null (our_session_get_history (our_store_get_session (store)));

  g_clear_object (&store);
  after = checksum_file (path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_open_read_only_flag (Scratch       *scratch,
                          gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(OurStore) store = create_full_store (scratch, "flag.ourplan", &path);
  g_autoptr(GError) error = NULL;

  g_clear_object (&store);
  before = checksum_file (path);
  store = our_store_open (path, OUR_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (our_store_get_read_only (store));
  g_assert_false (run (store,
                       our_command_new_set_progress (our_goal_get_id (
                         our_plan_get_goal (our_store_get_plan (store), 0)), 1),
                       &error));
  g_assert_error (error, OUR_HISTORY_ERROR, OUR_HISTORY_ERROR_READ_ONLY);
  g_clear_object (&store);
  after = checksum_file (path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_held_by_other (Scratch       *scratch,
                    gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(OurStore) first = create_full_store (scratch, "shared.ourplan", &path);
  g_autoptr(OurStore) second = NULL;
  g_autoptr(OurStore) third = NULL;
  g_autoptr(GError) error = NULL;

  second = our_store_open (path, OUR_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_false (our_store_get_read_only (first));
  g_assert_true (our_store_get_read_only (second));
  g_assert_nonnull (strstr (our_store_get_read_only_reason (second), "another window"));

  /* The second window cannot change it; the first still can, and the
   * second window's copy is not overwritten by it. */
  g_assert_false (run (second,
                       our_command_new_set_me_text (OUR_ME_FIELD_GOOD_DAY, "second",
                                                    OUR_AUTHOR_PERSON), &error));
  g_assert_error (error, OUR_HISTORY_ERROR, OUR_HISTORY_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_true (run (first,
                      our_command_new_set_me_text (OUR_ME_FIELD_GOOD_DAY, "first",
                                                   OUR_AUTHOR_PERSON), &error));
  g_assert_no_error (error);
  assert_peek (path, "SELECT text FROM me WHERE key = ?1",
               our_me_field_get_key (OUR_ME_FIELD_GOOD_DAY), "first");

  /* Once both are closed the plan can be changed again. */
  g_clear_object (&second);
  g_clear_object (&first);
  third = our_store_open (path, OUR_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_false (our_store_get_read_only (third));
  g_assert_cmpstr (our_plan_get_me_text (our_store_get_plan (third), OUR_ME_FIELD_GOOD_DAY), ==,
                   "first");
}

static void
check_lost_file (Scratch  *scratch,
                 gboolean  deleted)
{
  g_autofree char *path = NULL;
  g_autofree char *moved = scratch_path (scratch, "moved.ourplan");
  g_autofree char *rescued = scratch_path (scratch, "rescued.ourplan");
  g_autoptr(OurStore) store = create_full_store (scratch, "lost.ourplan", &path);
  g_autoptr(OurStore) reopened = NULL;
  g_autoptr(GError) error = NULL;
  OurPlan *plan = our_store_get_plan (store);

  if (deleted)
    g_assert_cmpint (g_unlink (path), ==, 0);
  else
    g_assert_cmpint (g_rename (path, moved), ==, 0);

  g_assert_false (run (store, our_command_new_set_me_text (OUR_ME_FIELD_WHAT_HELPS,
                                                          "Paned o de", OUR_AUTHOR_PERSON),
                       &error));
  g_assert_error (error, OUR_HISTORY_ERROR, OUR_HISTORY_ERROR_ONLY_IN_WINDOW);
  g_assert_true (our_store_get_saving_stopped (store));
  /* The change stays in the window... */
  g_assert_cmpstr (our_plan_get_me_text (plan, OUR_ME_FIELD_WHAT_HELPS), ==, "Paned o de");
  g_clear_error (&error);
  /* ...and so do later ones. */
  g_assert_false (run (store, our_command_new_set_progress (our_goal_get_id (
                                                             our_plan_get_goal (plan, 0)), 2),
                       &error));
  g_assert_error (error, OUR_HISTORY_ERROR, OUR_HISTORY_ERROR_ONLY_IN_WINDOW);
  g_assert_cmpuint (our_goal_get_progress (our_plan_get_goal (plan, 0)), ==, 2);
  g_clear_error (&error);
  /* Nothing was written in the old place. */
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* "Save a copy" keeps everything. */
  g_assert_true (our_store_write_plan (plan, rescued, &error));
  g_assert_no_error (error);
  reopened = our_store_open (rescued, OUR_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  test_assert_same_plan (our_store_get_plan (reopened), plan);
  g_assert_cmpstr (our_plan_get_me_text (our_store_get_plan (reopened), OUR_ME_FIELD_WHAT_HELPS),
                   ==, "Paned o de");
}

static void
test_moved_while_open (Scratch       *scratch,
                       gconstpointer  data)
{
  check_lost_file (scratch, FALSE);
}

static void
test_deleted_while_open (Scratch       *scratch,
                         gconstpointer  data)
{
  check_lost_file (scratch, TRUE);
}

static void
test_create_refuses_existing (Scratch       *scratch,
                              gconstpointer  data)
{
  g_autofree char *path = copy_fixture (scratch, "text-renamed.ourplan");
  g_autofree char *before = checksum_file (path);
  g_autofree char *after = NULL;
  g_autoptr(OurPlan) plan = make_full_plan ();
  g_autoptr(OurStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *listing = list_dir (scratch->dir);
  g_autofree char *listing_after = NULL;

  store = our_store_create (path, plan, &error);
  g_assert_null (store);
  g_assert_error (error, OUR_STORE_ERROR, OUR_STORE_ERROR_FAILED);
  after = checksum_file (path);
  g_assert_cmpstr (before, ==, after);
  listing_after = list_dir (scratch->dir);
  g_assert_cmpstr (listing, ==, listing_after);
}

static void
test_write_plan_unwritable_folder (Scratch       *scratch,
                                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (scratch->dir, "no such folder", "x.ourplan", NULL);
  g_autoptr(OurPlan) plan = make_full_plan ();
  g_autoptr(GError) error = NULL;

  g_assert_false (our_store_write_plan (plan, path, &error));
  g_assert_nonnull (error);
  g_assert_cmpuint (strlen (error->message), >, 10);
}

/* ---------------------------------------------------------------------- */
/* Every command is in the file when our_history_run() returns             */

static void
test_saved_before_return (Scratch       *scratch,
                          gconstpointer  data)
{
  OurStoreJournal journal = GPOINTER_TO_INT (data);
  g_autofree char *path = NULL;
  g_autoptr(OurStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(OurGoal) new_goal = our_goal_new (NULL);
  g_autoptr(OurStep) new_step = make_step ("Ffonio Mam", OUR_AUTHOR_PERSON, "Mam",
                                           OUR_AUTHOR_PERSON, "2026-12-24");
  OurHistory *history;
  OurPlan *plan;
  const char *walk_id;
  const char *money_id;
  const char *new_id;
  const char *step_id;
  g_autofree char *first_step = NULL;

  our_store_set_journal_for_testing (journal);
  store = create_full_store (scratch, "saved.ourplan", &path);
  g_assert_cmpstr (our_store_get_journal_mode (store), ==,
                   "wal");
  plan = our_store_get_plan (store);
  history = our_session_get_history (our_store_get_session (store));
  walk_id = our_goal_get_id (our_plan_get_goal (plan, 0));
  money_id = our_goal_get_id (our_plan_get_goal (plan, 1));

#define RUN(command) \
  G_STMT_START { \
    g_assert_true (run (store, command, &error)); \
    g_assert_no_error (error); \
  } G_STMT_END

  RUN (our_command_new_set_me_text (OUR_ME_FIELD_REVIEW_DATE, "2027-03-01",
                                    OUR_AUTHOR_COORDINATOR));
  assert_peek (path, "SELECT text || '/' || author FROM me WHERE key = ?1",
               our_me_field_get_key (OUR_ME_FIELD_REVIEW_DATE), "2027-03-01/1");

  RUN (our_command_new_set_goal_text (walk_id, OUR_GOAL_TEXT_TITLE, "Cerdded bob dydd",
                                      OUR_AUTHOR_PERSON));
  assert_peek (path, "SELECT title FROM goals WHERE id = ?1", walk_id, "Cerdded bob dydd");
  RUN (our_command_new_set_goal_text (walk_id, OUR_GOAL_TEXT_WHY, "Mae'n fy helpu",
                                      OUR_AUTHOR_COORDINATOR));
  assert_peek (path, "SELECT why || '/' || why_author FROM goals WHERE id = ?1", walk_id,
               "Mae'n fy helpu/1");
  RUN (our_command_new_set_life_area (walk_id, OUR_LIFE_AREA_MEDICAL));
  assert_peek (path, "SELECT life_area FROM goals WHERE id = ?1", walk_id, "4");
  RUN (our_command_new_set_symbol (walk_id, "sleep"));
  assert_peek (path, "SELECT symbol FROM goals WHERE id = ?1", walk_id, "sleep");
  RUN (our_command_new_set_progress (walk_id, 9));
  assert_peek (path, "SELECT progress FROM goals WHERE id = ?1", walk_id, "9");
  RUN (our_command_new_set_status (walk_id, OUR_GOAL_STATUS_DONE));
  assert_peek (path, "SELECT status FROM goals WHERE id = ?1", walk_id, "2");

  our_goal_set_text (new_goal, OUR_GOAL_TEXT_TITLE, "Sleep before midnight", OUR_AUTHOR_PERSON);
  new_id = our_goal_get_id (new_goal);
  RUN (our_command_new_add_goal (new_goal, 0));
  assert_peek (path, "SELECT title || '@' || position FROM goals WHERE id = ?1", new_id,
               "Sleep before midnight@0");
  assert_peek (path, "SELECT position FROM goals WHERE id = ?1", walk_id, "1");

  RUN (our_command_new_move_goal (new_id, 2));
  {
    g_autoptr(GString) order = g_string_new (NULL);

    for (guint i = 0; i < our_plan_get_n_goals (plan); i++)
      g_string_append_printf (order, "%s%s", i ? "," : "",
                              our_goal_get_id (our_plan_get_goal (plan, i)));
    assert_peek (path,
                 "SELECT group_concat(id, ',') FROM (SELECT id FROM goals ORDER BY position)",
                 NULL, order->str);
  }
  assert_peek (path, "SELECT position FROM goals WHERE id = ?1", new_id, "2");
  assert_peek (path, "SELECT position FROM goals WHERE id = ?1", walk_id, "0");

  step_id = our_step_get_id (new_step);
  RUN (our_command_new_add_step (money_id, new_step, 0));
  assert_peek (path, "SELECT what || '/' || who || '/' || by_when || '@' || position"
               " FROM steps WHERE id = ?1", step_id, "Ffonio Mam/Mam/2026-12-24@0");
  RUN (our_command_new_set_step_text (step_id, OUR_STEP_TEXT_WHO, "Dafydd",
                                      OUR_AUTHOR_COORDINATOR));
  assert_peek (path, "SELECT who || '/' || who_author FROM steps WHERE id = ?1", step_id,
               "Dafydd/1");
  RUN (our_command_new_move_step (step_id, 1));
  assert_peek (path, "SELECT position FROM steps WHERE id = ?1", step_id, "1");

  first_step = g_strdup (our_step_get_id (our_goal_get_step (our_plan_get_goal (plan, 0), 0)));
  RUN (our_command_new_delete_step (first_step));
  assert_peek (path, "SELECT count(*) FROM steps WHERE id = ?1", first_step, "0");

  RUN (our_command_new_delete_goal (money_id));
  assert_peek (path, "SELECT count(*) FROM goals WHERE id = ?1", money_id, "0");
  assert_peek (path, "SELECT count(*) FROM steps WHERE goal_id = ?1", money_id, "0");

  /* Undo and redo are saved too. */
  g_assert_true (our_history_undo (history, &error));
  g_assert_no_error (error);
  assert_peek (path, "SELECT count(*) FROM goals WHERE id = ?1", money_id, "1");
  assert_peek (path, "SELECT count(*) FROM steps WHERE goal_id = ?1", money_id, "2");
  g_assert_true (our_history_undo (history, &error));
  g_assert_no_error (error);
  assert_peek (path, "SELECT count(*) FROM steps WHERE id = ?1", first_step, "1");
  g_assert_true (our_history_redo (history, &error));
  g_assert_no_error (error);
  assert_peek (path, "SELECT count(*) FROM steps WHERE id = ?1", first_step, "0");
  g_assert_true (our_history_redo (history, &error));
  g_assert_no_error (error);
  assert_peek (path, "SELECT count(*) FROM goals WHERE id = ?1", money_id, "0");
#undef RUN

  /* And the whole plan reads back the same after closing. */
  {
    g_autoptr(OurStore) again = NULL;
    g_autofree char *listing = NULL;
    g_autoptr(OurPlan) expected = g_object_ref (plan);

    g_clear_object (&store);
    listing = list_dir (scratch->dir);
    g_assert_cmpstr (listing, ==, "saved.ourplan");
    again = our_store_open (path, OUR_STORE_OPEN_DEFAULT, &error);
    g_assert_no_error (error);
    test_assert_same_plan (our_store_get_plan (again), expected);
  }
}

/* A plan another program keeps writing to while the store has it open... is
 * not allowed: but a command in a closed store's session must not crash. */
static void
test_closed_store (Scratch       *scratch,
                   gconstpointer  data)
{
  g_autoptr(OurStore) store = create_full_store (scratch, "closed.ourplan", NULL);
  g_autoptr(OurSession) session = g_object_ref (our_store_get_session (store));
  OurPlan *plan = our_session_get_plan (session);
  g_autoptr(GError) error = NULL;

  g_clear_object (&store);
  g_assert_false (our_session_run (session,
                                   our_command_new_set_me_text (OUR_ME_FIELD_GOOD_AT, "x",
                                                                OUR_AUTHOR_PERSON), &error));
  g_assert_nonnull (error);
  g_assert_cmpstr (our_plan_get_me_text (plan, OUR_ME_FIELD_GOOD_AT), !=, "x");
}

/* ---------------------------------------------------------------------- */
/* Check and migrations                                                   */

static void
test_check (Scratch       *scratch,
            gconstpointer  data)
{
  g_autofree char *path = copy_fixture (scratch, "plan-v1.ourplan");
  g_autofree char *before = checksum_file (path);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  OurStoreReport report = { 0 };

  g_assert_true (our_store_check (path, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpint (report.schema_version, ==, 1);
  g_assert_cmpstr (report.integrity, ==, "ok");
  g_assert_cmpuint (report.n_goals, ==, 2);
  g_assert_cmpuint (report.n_steps, ==, 3);
  g_assert_cmpuint (report.n_me_fields, ==, 4);
  our_store_report_clear (&report);
  after = checksum_file (path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_fixture_v1_loads (Scratch       *scratch,
                       gconstpointer  data)
{
  g_autofree char *path = copy_fixture (scratch, "plan-v1.ourplan");
  g_autoptr(OurStore) store = NULL;
  g_autoptr(GError) error = NULL;
  OurPlan *plan;
  OurGoal *walk;

  store = our_store_open (path, OUR_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  plan = our_store_get_plan (store);
  g_assert_cmpstr (our_plan_get_me_text (plan, OUR_ME_FIELD_PREFERRED_NAME), ==, "Siân");
  g_assert_cmpstr (our_plan_get_me_text (plan, OUR_ME_FIELD_WHAT_MATTERS), ==, welsh);
  g_assert_cmpstr (our_plan_get_me_text (plan, OUR_ME_FIELD_REVIEW_DATE), ==, "2026-11-21");
  g_assert_cmpuint (our_plan_get_n_goals (plan), ==, 2);
  walk = our_plan_get_goal (plan, 0);
  g_assert_cmpstr (our_goal_get_id (walk), ==, "goal-walk");
  g_assert_cmpint (our_goal_get_life_area (walk), ==, OUR_LIFE_AREA_SOCIAL);
  g_assert_cmpuint (our_goal_get_progress (walk), ==, 4);
  g_assert_cmpuint (our_goal_get_n_steps (walk), ==, 2);
  g_assert_cmpstr (our_step_get_text (our_goal_get_step (walk, 0), OUR_STEP_TEXT_WHO), ==,
                   "Dafydd");
}

static OurMigration *
migrations_plus (const char *sql,
                 guint      *n_out)
{
  guint n;
  const OurMigration *ours = our_store_get_migrations (&n);
  OurMigration *all = g_new0 (OurMigration, n + 1);

  memcpy (all, ours, n * sizeof *ours);
  all[n].to_version = ours[n - 1].to_version + 1;
  all[n].sql = sql;
  *n_out = n + 1;
  return all;
}

static void
test_migration (Scratch       *scratch,
                gconstpointer  data)
{
  g_autofree char *path = copy_fixture (scratch, "plan-v1.ourplan");
  g_autofree char *backup = g_strconcat (path, ".before-update-v1.bak", NULL);
  g_autofree char *original = checksum_file (path);
  g_autofree char *backup_sum = NULL;
  g_autofree OurMigration *steps = NULL;
  g_autoptr(OurStore) store = NULL;
  g_autoptr(GError) error = NULL;
  guint n;
  OurPlan *plan;

  steps = migrations_plus ("ALTER TABLE goals ADD COLUMN colour TEXT NOT NULL DEFAULT 'teal';"
                           "CREATE TABLE carers (id TEXT PRIMARY KEY NOT NULL) STRICT;", &n);
  store = our_store_open_with_migrations (path, OUR_STORE_OPEN_DEFAULT, steps, n, &error);
  g_assert_no_error (error);

  /* A backup of the file as it was... */
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  backup_sum = checksum_file (backup);
  g_assert_cmpstr (backup_sum, ==, original);
  /* ...the data kept, and the version bumped. */
  plan = our_store_get_plan (store);
  g_assert_cmpstr (our_plan_get_me_text (plan, OUR_ME_FIELD_PREFERRED_NAME), ==, "Siân");
  g_assert_cmpuint (our_plan_get_n_goals (plan), ==, 2);
  g_assert_cmpuint (our_goal_get_n_steps (our_plan_get_goal (plan, 0)), ==, 2);
  g_clear_object (&store);
  {
    g_autofree char *version = g_strdup_printf ("%d", OUR_SCHEMA_VERSION + 1);
    assert_peek (path, "PRAGMA user_version", NULL, version);
  }
  assert_peek (path, "SELECT colour FROM goals WHERE id = ?1", "goal-walk", "teal");

  /* This build now refuses the newer file, untouched. */
  {
    g_autofree char *before = checksum_file (path);
    g_autofree char *after = NULL;

    store = our_store_open (path, OUR_STORE_OPEN_DEFAULT, &error);
    g_assert_null (store);
    g_assert_error (error, OUR_STORE_ERROR, OUR_STORE_ERROR_TOO_NEW);
    g_assert_cmpstr (error->message, ==,
                     "This plan was made with a newer version of Our Plan. Update Our Plan to open it.");
    after = checksum_file (path);
    g_assert_cmpstr (before, ==, after);
  }
}

/* The real migrations of this build take a file of version 1 (kept in
 * tests/data) to the current version, keeping everything it had. */
static void
test_migration_from_v1 (Scratch       *scratch,
                        gconstpointer  data)
{
  g_autofree char *path = copy_fixture (scratch, "plan-v1.ourplan");
  g_autofree char *backup = g_strconcat (path, ".before-update-v1.bak", NULL);
  g_autofree char *original = checksum_file (path);
  g_autofree char *backup_sum = NULL;
  g_autofree char *version = g_strdup_printf ("%d", OUR_SCHEMA_VERSION);
  g_autoptr(OurStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(OurMember) member = our_member_new (NULL);
  g_autofree char *member_id = g_strdup (our_member_get_id (member));
  OurPlan *plan;
  OurStep *step;

  store = our_store_open (path, OUR_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  backup_sum = checksum_file (backup);
  g_assert_cmpstr (backup_sum, ==, original);

  plan = our_store_get_plan (store);
  g_assert_cmpstr (our_plan_get_me_text (plan, OUR_ME_FIELD_PREFERRED_NAME), ==, "Siân");
  g_assert_cmpuint (our_plan_get_n_goals (plan), ==, 2);
  g_assert_cmpuint (our_plan_get_n_members (plan), ==, 0);
  step = our_goal_get_step (our_plan_get_goal (plan, 0), 0);
  g_assert_cmpstr (our_step_get_helper_id (step), ==, "");

  /* The new parts work in the migrated file. */
  our_member_set_text (member, OUR_MEMBER_TEXT_NAME, "Dafydd", OUR_AUTHOR_PERSON);
  g_assert_true (run (store, our_command_new_add_member (member, -1), &error));
  g_assert_true (run (store, our_command_new_set_step_helper (our_step_get_id (step), member_id),
                      &error));
  g_assert_no_error (error);
  g_clear_object (&store);
  assert_peek (path, "PRAGMA user_version", NULL, version);
  assert_peek (path, "SELECT name FROM members WHERE id = ?1", member_id, "Dafydd");
  assert_peek (path, "SELECT count(*) FROM steps WHERE helper_id = ?1", member_id, "1");
}

/* Everything about a member goes into the file and comes back; a step that
 * names a member shows the member's new name after a rename. */
static void
test_members_round_trip (Scratch       *scratch,
                         gconstpointer  data)
{
  g_autofree char *path = g_build_filename (scratch->dir, "people.ourplan", NULL);
  g_autoptr(OurPlan) draft = our_plan_new ();
  g_autoptr(OurStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(OurMember) mam = our_member_new ("member-mam");
  g_autoptr(OurGoal) goal = our_goal_new ("goal-swim");
  g_autoptr(OurStep) step = our_step_new ("step-pool");
  OurPlan *plan;
  OurMember *loaded;

  our_goal_insert_step (goal, 0, step);
  our_plan_insert_goal (draft, 0, goal);
  store = our_store_create (path, draft, &error);
  g_assert_no_error (error);
  plan = our_store_get_plan (store);

  our_member_set_text (mam, OUR_MEMBER_TEXT_NAME, "Mam 💛 مريم", OUR_AUTHOR_PERSON);
  g_assert_true (run (store, our_command_new_add_member (mam, -1), NULL));
  g_assert_true (run (store, our_command_new_set_member_text ("member-mam", OUR_MEMBER_TEXT_RELATIONSHIP,
                                                             "my mum", OUR_AUTHOR_COORDINATOR), NULL));
  g_assert_true (run (store, our_command_new_set_member_text ("member-mam", OUR_MEMBER_TEXT_NOTES,
                                                             "Sul yn y capel", OUR_AUTHOR_PERSON), NULL));
  g_assert_true (run (store, our_command_new_set_member_kind ("member-mam", OUR_MEMBER_KIND_PERSON), NULL));
  g_assert_true (run (store, our_command_new_place_member ("member-mam", OUR_RING_CLOSEST, 123.5), NULL));
  g_assert_true (run (store, our_command_new_set_member_helps ("member-mam",
                                                              OUR_HELPS_EMOTIONAL | OUR_HELPS_CRISIS), NULL));
  g_assert_true (run (store, our_command_new_set_member_contact ("member-mam", OUR_CONTACT_DAILY), NULL));
  g_assert_true (run (store, our_command_new_set_member_wished_for ("member-mam", TRUE), NULL));
  g_assert_true (run (store, our_command_new_set_member_carer ("member-mam", TRUE), NULL));
  g_assert_true (run (store, our_command_new_set_step_helper ("step-pool", "member-mam"), NULL));
  /* Each is in the file before the call returned. */
  assert_peek (path, "SELECT name || '/' || relationship || '/' || notes || '/' || ring || '/'"
               " || angle || '/' || helps || '/' || contact || '/' || wished_for || '/' || is_carer"
               " FROM members WHERE id = ?1", "member-mam",
               "Mam 💛 مريم/my mum/Sul yn y capel/0/123.5/10/1/1/1");
  assert_peek (path, "SELECT helper_id FROM steps WHERE id = ?1", "step-pool", "member-mam");

  g_assert_true (run (store, our_command_new_set_member_text ("member-mam", OUR_MEMBER_TEXT_NAME,
                                                             "Mam", OUR_AUTHOR_PERSON), NULL));
  g_clear_object (&store);

  store = our_store_open (path, OUR_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  plan = our_store_get_plan (store);
  loaded = our_plan_find_member (plan, "member-mam", NULL);
  g_assert_nonnull (loaded);
  g_assert_cmpstr (our_member_get_text (loaded, OUR_MEMBER_TEXT_RELATIONSHIP), ==, "my mum");
  g_assert_cmpint (our_member_get_author (loaded, OUR_MEMBER_TEXT_RELATIONSHIP), ==,
                   OUR_AUTHOR_COORDINATOR);
  g_assert_cmpint (our_member_get_ring (loaded), ==, OUR_RING_CLOSEST);
  g_assert_cmpfloat (our_member_get_angle (loaded), ==, 123.5);
  g_assert_cmpuint (our_member_get_helps (loaded), ==, OUR_HELPS_EMOTIONAL | OUR_HELPS_CRISIS);
  g_assert_cmpint (our_member_get_contact (loaded), ==, OUR_CONTACT_DAILY);
  g_assert_true (our_member_get_wished_for (loaded));
  g_assert_true (our_member_get_is_carer (loaded));
  g_clear_object (&step);
  step = g_object_ref (our_plan_find_step (plan, "step-pool", NULL, NULL));
  g_assert_cmpstr (our_plan_get_step_helper_name (plan, step), ==, "Mam");

  /* Deleting the member, keeping the name in the step; undo links it again. */
  g_assert_true (run (store, our_command_new_delete_member ("member-mam", OUR_DELETE_MEMBER_KEEP_NAME),
                      NULL));
  assert_peek (path, "SELECT count(*) FROM members", NULL, "0");
  assert_peek (path, "SELECT who || '/' || helper_id FROM steps WHERE id = ?1", "step-pool", "Mam/");
  g_assert_true (our_history_undo (our_session_get_history (our_store_get_session (store)), NULL));
  assert_peek (path, "SELECT count(*) FROM members", NULL, "1");
  assert_peek (path, "SELECT helper_id FROM steps WHERE id = ?1", "step-pool", "member-mam");
}

/* A member whose ring or angle in the file is out of range is shown at the
 * nearest valid spot, and the file is not changed behind the person's back. */
static void
test_member_out_of_range (Scratch       *scratch,
                          gconstpointer  data)
{
  g_autofree char *path = g_build_filename (scratch->dir, "odd.ourplan", NULL);
  g_autoptr(OurPlan) draft = our_plan_new ();
  g_autoptr(OurMember) member = our_member_new ("member-odd");
  g_autoptr(OurStore) store = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  OurMember *loaded;

  our_plan_insert_member (draft, 0, member);
  g_assert_true (our_store_write_plan (draft, path, &error));
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE members SET ring = 7, angle = -90", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (db);

  store = our_store_open (path, OUR_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  loaded = our_plan_find_member (our_store_get_plan (store), "member-odd", NULL);
  g_assert_cmpint (our_member_get_ring (loaded), ==, OUR_RING_FURTHER);
  g_assert_cmpfloat (our_member_get_angle (loaded), ==, 270.0);
  g_assert_false (our_history_get_can_undo (our_session_get_history (our_store_get_session (store))));
  g_clear_object (&store);
  assert_peek (path, "SELECT ring || '/' || angle FROM members", NULL, "7/-90.0");
}

static void
test_migration_fails (Scratch       *scratch,
                      gconstpointer  data)
{
  g_autofree char *path = copy_fixture (scratch, "plan-v1.ourplan");
  g_autofree char *before = checksum_file (path);
  g_autofree char *after = NULL;
  g_autofree OurMigration *steps = NULL;
  g_autoptr(OurStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  guint n;

  /* The first statement works, the second fails: all must be taken back. */
  steps = migrations_plus ("ALTER TABLE goals ADD COLUMN colour TEXT;"
                           "UPDATE goals SET title = 'lost';"
                           "CREATE TABLE goals (x);", &n);
  store = our_store_open_with_migrations (path, OUR_STORE_OPEN_DEFAULT, steps, n, &error);
  g_assert_null (store);
  g_assert_error (error, OUR_STORE_ERROR, OUR_STORE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "left as it was"));
  g_clear_error (&error);

  after = checksum_file (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));

  /* And this build still opens it as it was. */
  store = our_store_open (path, OUR_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (our_goal_get_title (our_plan_get_goal (our_store_get_plan (store), 0)), ==,
                   "Walk by the river each week");
}

/* A read-only old file cannot be updated on the disk: it is updated in
 * memory and shown read-only, and the file is left untouched. */
static void
test_migration_read_only (Scratch       *scratch,
                          gconstpointer  data)
{
  g_autofree char *path = copy_fixture (scratch, "plan-v1.ourplan");
  g_autofree char *before = checksum_file (path);
  g_autofree char *after = NULL;
  g_autofree OurMigration *steps = NULL;
  g_autoptr(OurStore) store = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  steps = migrations_plus ("ALTER TABLE goals ADD COLUMN colour TEXT;", &n);
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  store = our_store_open_with_migrations (path, OUR_STORE_OPEN_DEFAULT, steps, n, &error);
  g_assert_no_error (error);
  g_assert_true (our_store_get_read_only (store));
  g_assert_cmpstr (our_store_get_journal_mode (store), ==, "memory");
  g_assert_cmpuint (our_plan_get_n_goals (our_store_get_plan (store)), >, 0);
  g_clear_object (&store);
  after = checksum_file (path);
  g_assert_cmpstr (before, ==, after);
}

/* ---------------------------------------------------------------------- */
/* Notes board, staying well, consent and the copy log                    */

static gboolean
file_contains (const char *path,
               const char *needle)
{
  g_autofree char *contents = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  return memmem (contents, len, needle, strlen (needle)) != NULL;
}

static OurPicture *
make_picture (const char *marker)
{
  g_autoptr(GBytes) bytes = g_bytes_new (marker, strlen (marker));
  g_autofree char *id = our_picture_compute_id (bytes);

  return our_picture_new (id, bytes, "image/png", 640, 480);
}

static OurStore *
create_empty_store (Scratch    *scratch,
                    const char *name)
{
  g_autofree char *path = scratch_path (scratch, name);
  g_autoptr(OurPlan) draft = our_plan_new ();
  g_autoptr(GError) error = NULL;
  OurStore *store = our_store_create (path, draft, &error);

  g_assert_no_error (error);
  return store;
}

static void
test_board_round_trip (Scratch       *scratch,
                       gconstpointer  data)
{
  g_autoptr(OurStore) store = create_empty_store (scratch, "board.ourplan");
  g_autofree char *path = g_strdup (our_store_get_path (store));
  g_autoptr(OurPicture) photo = make_picture ("PICTURE-BYTES-MARKER-1");
  g_autoptr(OurBoardItem) first = our_board_item_new ("p1", OUR_BOARD_ITEM_PICTURE);
  g_autoptr(OurBoardItem) second = our_board_item_new ("p2", OUR_BOARD_ITEM_PICTURE);
  g_autoptr(OurBoardItem) note = our_board_item_new ("n1", OUR_BOARD_ITEM_NOTE);
  g_autoptr(OurBoardItem) state = NULL;
  g_autoptr(OurBoardZone) zone = our_board_zone_new ("z1");
  g_autoptr(GError) error = NULL;
  OurPlan *plan = our_store_get_plan (store);
  OurBoardItem *loaded;
  double x, y, w, h;

  our_plan_add_picture (plan, photo);
  our_board_item_set_picture_id (first, our_picture_get_id (photo));
  our_board_item_set_picture_id (second, our_picture_get_id (photo));
  our_board_item_set_text (note, emoji, OUR_AUTHOR_PERSON);
  our_board_item_set_colour (note, OUR_NOTE_COLOUR_BLUE);
  our_board_zone_set_name (zone, "How I feel now", OUR_AUTHOR_PERSON);
  g_assert_true (run (store, our_command_new_add_board_item (first, -1), &error));
  g_assert_true (run (store, our_command_new_add_board_item (second, -1), &error));
  g_assert_true (run (store, our_command_new_add_board_item (note, -1), &error));
  g_assert_true (run (store, our_command_new_add_board_zone (zone, -1), &error));
  state = our_board_item_copy (our_plan_find_board_item (plan, "n1", NULL));
  our_board_item_set_box (state, 120.5, -40, 300, 180);
  our_board_item_set_rotation (state, -5);
  g_assert_true (run (store, our_command_new_update_board_item (state), &error));
  g_assert_true (run (store, our_command_new_restack_board_item ("n1", 0), &error));
  g_assert_no_error (error);

  /* Placed twice, stored once; each change is in the file already. */
  assert_peek (path, "SELECT count(*) FROM pictures", NULL, "1");
  assert_peek (path, "SELECT x || '/' || y || '/' || rotation || '/' || position FROM board_items"
               " WHERE id = ?1", "n1", "120.5/-40.0/355.0/0");

  g_clear_object (&store);
  store = our_store_open (path, OUR_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  plan = our_store_get_plan (store);
  g_assert_cmpuint (our_plan_get_n_board_items (plan), ==, 3);
  loaded = our_plan_find_board_item (plan, "n1", NULL);
  g_assert_cmpstr (our_board_item_get_text (loaded), ==, emoji);
  g_assert_cmpint (our_board_item_get_colour (loaded), ==, OUR_NOTE_COLOUR_BLUE);
  our_board_item_get_box (loaded, &x, &y, &w, &h);
  g_assert_cmpfloat (x, ==, 120.5);
  g_assert_cmpfloat (h, ==, 180);
  g_assert_nonnull (our_plan_get_picture (plan, our_picture_get_id (photo)));
  g_assert_cmpstr (our_board_zone_get_name (our_plan_find_board_zone (plan, "z1", NULL)), ==,
                   "How I feel now");

  /* When nothing shows the picture any more, its bytes leave the file. */
  g_assert_true (run (store, our_command_new_delete_board_item ("p1"), &error));
  assert_peek (path, "SELECT count(*) FROM pictures", NULL, "1");
  g_assert_true (run (store, our_command_new_delete_board_item ("p2"), &error));
  assert_peek (path, "SELECT count(*) FROM pictures", NULL, "0");
  g_clear_object (&store);
  g_assert_false (file_contains (path, "PICTURE-BYTES-MARKER-1"));
}

/* Undoing the delete of the last item that showed a picture puts the
 * picture back in the file. */
static void
test_board_picture_undo (Scratch       *scratch,
                         gconstpointer  data)
{
  g_autoptr(OurStore) store = create_empty_store (scratch, "undo.ourplan");
  g_autofree char *path = g_strdup (our_store_get_path (store));
  g_autoptr(OurPicture) photo = make_picture ("PICTURE-BYTES-MARKER-2");
  g_autoptr(OurBoardItem) item = our_board_item_new ("p1", OUR_BOARD_ITEM_PICTURE);
  g_autoptr(GError) error = NULL;
  OurPlan *plan = our_store_get_plan (store);

  our_plan_add_picture (plan, photo);
  our_board_item_set_picture_id (item, our_picture_get_id (photo));
  g_assert_true (run (store, our_command_new_add_board_item (item, -1), &error));
  g_assert_true (run (store, our_command_new_delete_board_item ("p1"), &error));
  assert_peek (path, "SELECT count(*) FROM pictures", NULL, "0");
  g_assert_true (our_history_undo (our_session_get_history (our_store_get_session (store)), &error));
  g_assert_no_error (error);
  assert_peek (path, "SELECT count(*) FROM pictures", NULL, "1");
  assert_peek (path, "SELECT count(*) FROM board_items", NULL, "1");
}

/* A picture read from a file stays there until asked for; still, undoing
 * the delete of the last item showing it puts its bytes back, and a plan
 * read before its store closed keeps its pictures. */
static void
test_board_stored_picture (Scratch       *scratch,
                           gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(OurPicture) photo = make_picture ("PICTURE-BYTES-MARKER-3");
  g_autoptr(GError) error = NULL;
  g_autoptr(OurPlan) kept = NULL;
  g_autoptr(GBytes) bytes = NULL;
  OurPicture *stored;

  {
    g_autoptr(OurStore) store = create_empty_store (scratch, "stored.ourplan");
    g_autoptr(OurBoardItem) item = our_board_item_new ("p1", OUR_BOARD_ITEM_PICTURE);

    path = g_strdup (our_store_get_path (store));
    our_plan_add_picture (our_store_get_plan (store), photo);
    our_board_item_set_picture_id (item, our_picture_get_id (photo));
    g_assert_true (run (store, our_command_new_add_board_item (item, -1), &error));
  }

  {
    g_autoptr(OurStore) store = our_store_open (path, 0, &error);

    g_assert_no_error (error);
    stored = our_plan_get_picture (our_store_get_plan (store), our_picture_get_id (photo));
    g_assert_nonnull (stored);
    g_assert_null (our_picture_get_bytes (stored));
    bytes = our_picture_dup_bytes (stored);
    g_assert_true (g_bytes_equal (bytes, our_picture_get_bytes (photo)));
    g_clear_pointer (&bytes, g_bytes_unref);

    g_assert_true (run (store, our_command_new_delete_board_item ("p1"), &error));
    assert_peek (path, "SELECT count(*) FROM pictures", NULL, "0");
    /* The file forgot it; the plan did not. */
    g_assert_nonnull (our_picture_get_bytes (stored));
    g_assert_true (our_history_undo (our_session_get_history (our_store_get_session (store)),
                                     &error));
    g_assert_no_error (error);
    assert_peek (path, "SELECT count(*) FROM pictures", NULL, "1");
    assert_peek (path, "SELECT length(data) FROM pictures", NULL, "22");
  }

  {
    g_autoptr(OurStore) store = our_store_open (path, OUR_STORE_OPEN_READ_ONLY, &error);

    g_assert_no_error (error);
    kept = g_object_ref (our_store_get_plan (store));
    our_store_close (store);
  }
  stored = our_plan_get_picture (kept, our_picture_get_id (photo));
  bytes = our_picture_dup_bytes (stored);
  g_assert_nonnull (bytes);
  g_assert_true (g_bytes_equal (bytes, our_picture_get_bytes (photo)));
}

static void
test_safety_round_trip (Scratch       *scratch,
                        gconstpointer  data)
{
  g_autoptr(OurStore) store = create_empty_store (scratch, "safety.ourplan");
  g_autofree char *path = g_strdup (our_store_get_path (store));
  g_autoptr(OurMember) sam = our_member_new ("sam");
  g_autoptr(OurCrisisContact) contact = our_crisis_contact_new ("c1");
  g_autoptr(OurSafetyNote) note = our_safety_note_new ("n1", OUR_SAFETY_NOTE_POSITIVE_RISK);
  g_autoptr(OurSafetyNote) secret = our_safety_note_new ("n2", OUR_SAFETY_NOTE_CONCERN);
  g_autoptr(OurCopyRecord) record =
    our_copy_record_new ("r1", OUR_COPY_CARER, OUR_COPY_PDF, "sam", "Sam",
                         "2027-03-12T10:00:00Z", TRUE);
  g_autoptr(GError) error = NULL;
  OurPlan *plan = our_store_get_plan (store);
  OurSafetyNote *loaded;
  OurCopyRecord *loaded_record;

  our_member_set_text (sam, OUR_MEMBER_TEXT_NAME, "Sam", OUR_AUTHOR_PERSON);
  our_member_set_is_carer (sam, TRUE);
  our_crisis_contact_set_member_id (contact, "sam");
  our_crisis_contact_set_phone (contact, "07700 900123");
  our_crisis_contact_set_when (contact, rtl);
  our_safety_note_set_text (note, "Trying the festival with Rhys", OUR_AUTHOR_COORDINATOR);
  our_safety_note_set_talked (note, TRUE, "2026-11-20");
  our_safety_note_set_written_on (note, "2026-11-19");
  our_safety_note_set_text (secret, "SECRET-NOTE-MARKER about a neighbour", OUR_AUTHOR_COORDINATOR);
  our_safety_note_set_team_only (secret, TRUE);

  g_assert_true (run (store, our_command_new_add_member (sam, -1), &error));
  g_assert_true (run (store, our_command_new_set_well_text (OUR_WELL_FIELD_EARLY_SIGNS, welsh,
                                                           OUR_AUTHOR_PERSON), &error));
  g_assert_true (run (store, our_command_new_add_crisis_contact (contact, -1), &error));
  g_assert_true (run (store, our_command_new_add_safety_note (note, -1), &error));
  g_assert_true (run (store, our_command_new_add_safety_note (secret, -1), &error));
  g_assert_true (run (store, our_command_new_set_consent (OUR_SECTION_GOALS, "sam", TRUE,
                                                         "2026-11-21", OUR_AUTHOR_PERSON), &error));
  g_assert_true (run (store, our_command_new_log_copy (record), &error));
  g_assert_true (run (store, our_command_new_set_member_symbol ("sam", "friends"), &error));
  g_assert_no_error (error);
  assert_peek (path, "SELECT since FROM consent WHERE member_id = ?1", "sam", "2026-11-21");
  assert_peek (path, "SELECT team_only FROM safety_notes WHERE id = ?1", "n2", "1");

  g_clear_object (&store);
  store = our_store_open (path, OUR_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  plan = our_store_get_plan (store);
  g_assert_cmpstr (our_plan_get_well_text (plan, OUR_WELL_FIELD_EARLY_SIGNS), ==, welsh);
  g_assert_cmpstr (our_crisis_contact_get_when (our_plan_find_crisis_contact (plan, "c1", NULL)),
                   ==, rtl);
  loaded = our_plan_find_safety_note (plan, "n1", NULL);
  g_assert_cmpint (our_safety_note_get_kind (loaded), ==, OUR_SAFETY_NOTE_POSITIVE_RISK);
  g_assert_true (our_safety_note_get_talked_together (loaded));
  g_assert_cmpstr (our_safety_note_get_talked_on (loaded), ==, "2026-11-20");
  g_assert_cmpuint (our_plan_count_team_only_notes (plan), ==, 1);
  g_assert_true (our_plan_copy_shows (plan, OUR_COPY_CARER, "sam", OUR_SECTION_GOALS));
  g_assert_false (our_plan_copy_shows (plan, OUR_COPY_CARER, "sam", OUR_SECTION_ME));
  loaded_record = our_plan_find_copy_record (plan, "r1", NULL);
  g_assert_nonnull (loaded_record);
  g_assert_cmpint (our_copy_record_get_medium (loaded_record), ==, OUR_COPY_PDF);
  g_assert_true (our_copy_record_get_large_print (loaded_record));
  g_assert_cmpstr (our_member_get_symbol (our_plan_find_member (plan, "sam", NULL)), ==, "friends");

  /* A deleted note leaves nothing of its words in the file. */
  g_assert_true (run (store, our_command_new_delete_safety_note ("n2"), &error));
  g_assert_no_error (error);
  g_clear_object (&store);
  g_assert_false (file_contains (path, "SECRET-NOTE-MARKER"));
}

/* A file of version 2 (My people, before the board and staying well) is
 * taken to the current version with everything kept. */
static void
test_migration_from_v2 (Scratch       *scratch,
                        gconstpointer  data)
{
  g_autofree char *path = copy_fixture (scratch, "plan-v2.ourplan");
  g_autofree char *backup = g_strconcat (path, ".before-update-v2.bak", NULL);
  g_autofree char *original = checksum_file (path);
  g_autofree char *backup_sum = NULL;
  g_autofree char *version = g_strdup_printf ("%d", OUR_SCHEMA_VERSION);
  g_autoptr(OurStore) store = NULL;
  g_autoptr(OurBoardItem) note = our_board_item_new ("n1", OUR_BOARD_ITEM_NOTE);
  g_autoptr(GError) error = NULL;
  OurPlan *plan;
  OurMember *first;

  store = our_store_open (path, OUR_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  backup_sum = checksum_file (backup);
  g_assert_cmpstr (backup_sum, ==, original);

  plan = our_store_get_plan (store);
  g_assert_cmpstr (our_plan_get_name (plan), ==, "Gwen");
  g_assert_cmpuint (our_plan_get_n_goals (plan), ==, 5);
  g_assert_cmpuint (our_plan_get_n_members (plan), ==, 9);
  first = our_plan_get_member (plan, 0);
  g_assert_cmpstr (our_member_get_name (first), ==, "Bryn");
  g_assert_cmpstr (our_member_get_symbol (first), ==, "");
  g_assert_cmpuint (our_plan_get_n_board_items (plan), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (our_plan_get_safety_notes (plan)), ==, 0);

  our_board_item_set_text (note, "Back to the choir", OUR_AUTHOR_PERSON);
  g_assert_true (run (store, our_command_new_add_board_item (note, -1), &error));
  g_assert_true (run (store, our_command_new_set_well_text (OUR_WELL_FIELD_WHAT_HELPS, "Singing",
                                                           OUR_AUTHOR_PERSON), &error));
  g_assert_no_error (error);
  g_clear_object (&store);
  assert_peek (path, "PRAGMA user_version", NULL, version);
  assert_peek (path, "SELECT text FROM board_items WHERE id = ?1", "n1", "Back to the choir");
  assert_peek (path, "SELECT text FROM staying_well WHERE key = ?1", "what_helps", "Singing");
}

/* A file from elsewhere may hold anything in the board and safety tables:
 * odd values are brought to the nearest valid one, rows without an id are
 * left out, a picture whose bytes do not match its id is not shown, and a
 * safety note whose "team only" mark is unreadable stays with the team. */
static void
test_untrusted_later_values (Scratch       *scratch,
                             gconstpointer  data)
{
  g_autoptr(OurStore) store = create_empty_store (scratch, "odd-board.ourplan");
  g_autofree char *path = g_strdup (our_store_get_path (store));
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  OurPlan *plan;
  OurBoardItem *item;
  OurSafetyNote *note;
  double x, y, w, h;

  g_clear_object (&store);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
    "DROP TABLE board_items;"
    "CREATE TABLE board_items (id, position, kind, text, text_author, colour, picture_id,"
    "  symbol, x, y, width, height, rotation, added_by);"
    "INSERT INTO board_items VALUES ('b1', 0, 99, X'4869C3', 7, -4, 'no-such-picture', 42,"
    "  'left', 1e308, -5, 1e9, -725, 3);"
    "INSERT INTO board_items VALUES (NULL, 1, 0, 'no id', 0, 0, '', '', 0, 0, 100, 100, 0, 0);"
    "INSERT INTO board_items VALUES ('b2', 2, 1, '', 0, 0, 'forged', '', 0, 0, 100, 100, 0, 0);"
    "INSERT INTO pictures VALUES ('forged', 'image/png', 10, 10, X'89504E47');"
    "DROP TABLE safety_notes;"
    "CREATE TABLE safety_notes (id, position, kind, text, text_author, talked_together,"
    "  talked_on, team_only, written_on);"
    "INSERT INTO safety_notes VALUES ('n1', 0, -1, 'odd', 0, 1, 'last tuesday', 'yes', '2026-02-30');"
    "INSERT INTO safety_notes VALUES ('n2', 1, 2, 'plain', 1, 0, '', 0, '2026-11-12');"
    "INSERT INTO consent VALUES ('no-such-section', 'm1', '2026-11-12', 0);"
    "INSERT INTO staying_well VALUES ('no-such-field', 'ignored', 0);",
    NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = our_store_open (path, OUR_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  plan = our_store_get_plan (store);

  g_assert_cmpuint (our_plan_get_n_board_items (plan), ==, 2);
  item = our_plan_find_board_item (plan, "b1", NULL);
  g_assert_cmpint (our_board_item_get_kind (item), ==, OUR_BOARD_ITEM_NOTE);
  g_assert_true (g_utf8_validate (our_board_item_get_text (item), -1, NULL));
  g_assert_cmpint (our_board_item_get_colour (item), ==, OUR_NOTE_COLOUR_YELLOW);
  our_board_item_get_box (item, &x, &y, &w, &h);
  g_assert_cmpfloat (x, ==, 0);
  g_assert_cmpfloat (y, ==, OUR_BOARD_COORD_LIMIT);
  g_assert_cmpfloat (w, ==, OUR_BOARD_ITEM_MIN_SIZE);
  g_assert_cmpfloat (h, ==, OUR_BOARD_ITEM_MAX_SIZE);
  g_assert_cmpfloat (our_board_item_get_rotation (item), ==, 355);
  /* A picture whose id is not an id is left out (one whose bytes do not
   * match its id is not drawn: tests/render/test-board-render.c). */
  g_assert_null (our_plan_get_picture (plan, "forged"));

  note = our_plan_find_safety_note (plan, "n1", NULL);
  g_assert_cmpint (our_safety_note_get_kind (note), ==, OUR_SAFETY_NOTE_CONCERN);
  g_assert_true (our_safety_note_get_team_only (note));
  g_assert_cmpstr (our_safety_note_get_talked_on (note), ==, "");
  g_assert_cmpstr (our_safety_note_get_written_on (note), ==, "");
  g_assert_false (our_safety_note_get_team_only (our_plan_find_safety_note (plan, "n2", NULL)));
  g_assert_cmpuint (our_plan_get_consents (plan)->len, ==, 0);
}

/* A file of version 3 (the notes board, before staying well; made by
 * tests/data/make-plan-v3.sh) keeps its board and gains the safety tables. */
static void
test_migration_from_v3 (Scratch       *scratch,
                        gconstpointer  data)
{
  g_autofree char *path = copy_fixture (scratch, "plan-v3.ourplan");
  g_autofree char *backup = g_strconcat (path, ".before-update-v3.bak", NULL);
  g_autofree char *original = checksum_file (path);
  g_autofree char *backup_sum = NULL;
  g_autofree char *version = g_strdup_printf ("%d", OUR_SCHEMA_VERSION);
  g_autoptr(OurStore) store = NULL;
  g_autoptr(OurSafetyNote) note = our_safety_note_new ("n1", OUR_SAFETY_NOTE_AGREED_ACTION);
  g_autoptr(GError) error = NULL;
  OurPlan *plan;
  OurBoardItem *item;
  double x, y, w, h;

  store = our_store_open (path, OUR_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  backup_sum = checksum_file (backup);
  g_assert_cmpstr (backup_sum, ==, original);

  plan = our_store_get_plan (store);
  g_assert_cmpstr (our_plan_get_name (plan), ==, "Gwen");
  g_assert_cmpuint (our_plan_get_n_members (plan), ==, 9);
  g_assert_cmpstr (our_member_get_symbol (our_plan_get_member (plan, 0)), ==, "pet");
  g_assert_cmpuint (our_plan_get_n_board_items (plan), ==, 2);
  item = our_plan_find_board_item (plan, "note-choir", NULL);
  g_assert_cmpstr (our_board_item_get_text (item), ==, "Back to the choir by spring");
  g_assert_cmpint (our_board_item_get_colour (item), ==, OUR_NOTE_COLOUR_GREEN);
  our_board_item_get_box (item, &x, &y, &w, &h);
  g_assert_cmpfloat (w, ==, 240);
  g_assert_cmpfloat (our_board_item_get_rotation (item), ==, 357);
  g_assert_cmpstr (our_board_item_get_symbol (our_plan_find_board_item (plan, "symbol-hopeful", NULL)),
                   ==, "hopeful");
  g_assert_cmpstr (our_board_zone_get_name (our_plan_find_board_zone (plan, "zone-now", NULL)), ==,
                   "Sut dw i’n teimlo nawr");

  our_safety_note_set_text (note, "Rhys calls round after two quiet days", OUR_AUTHOR_COORDINATOR);
  g_assert_true (run (store, our_command_new_add_safety_note (note, -1), &error));
  g_assert_no_error (error);
  g_clear_object (&store);
  assert_peek (path, "PRAGMA user_version", NULL, version);
  assert_peek (path, "SELECT text FROM safety_notes WHERE id = ?1", "n1",
               "Rhys calls round after two quiet days");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func, data) \
  g_test_add (name, Scratch, data, scratch_setup, func, scratch_teardown)

  ADD ("/store/round-trip/create-and-open", test_round_trip, NULL);
  ADD ("/store/round-trip/by-commands", test_round_trip_by_commands, NULL);
  ADD ("/store/round-trip/long-text", test_long_text, NULL);
  ADD ("/store/open/untrusted-values", test_untrusted_values, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_autofree char *name = g_strdup_printf ("/store/open/bad-file/%s", bad_files[i].name);
      ADD (name, test_bad_file, &bad_files[i]);
    }
  ADD ("/store/open/missing", test_missing_file, NULL);
  ADD ("/store/read-only/file-not-writable", test_read_only_file, NULL);
  ADD ("/store/read-only/asked-for", test_open_read_only_flag, NULL);
  ADD ("/store/read-only/held-by-another-store", test_held_by_other, NULL);
  ADD ("/store/lost/moved-while-open", test_moved_while_open, NULL);
  ADD ("/store/lost/deleted-while-open", test_deleted_while_open, NULL);
  ADD ("/store/create/refuses-existing", test_create_refuses_existing, NULL);
  ADD ("/store/write-plan/missing-folder", test_write_plan_unwritable_folder, NULL);
  ADD ("/store/save/each-command/exclusive-wal", test_saved_before_return,
       GINT_TO_POINTER (OUR_STORE_JOURNAL_EXCLUSIVE));
  ADD ("/store/save/each-command/wal", test_saved_before_return,
       GINT_TO_POINTER (OUR_STORE_JOURNAL_WAL));
  ADD ("/store/save/closed-store", test_closed_store, NULL);
  ADD ("/store/check/plan-v1", test_check, NULL);
  ADD ("/store/migrate/v1-fixture-loads", test_fixture_v1_loads, NULL);
  ADD ("/store/migrate/test-step", test_migration, NULL);
  ADD ("/store/migrate/from-v1", test_migration_from_v1, NULL);
  ADD ("/store/members/round-trip", test_members_round_trip, NULL);
  ADD ("/store/members/out-of-range", test_member_out_of_range, NULL);
  ADD ("/store/migrate/failure-leaves-file", test_migration_fails, NULL);
  ADD ("/store/migrate/read-only", test_migration_read_only, NULL);
  ADD ("/store/migrate/from-v2", test_migration_from_v2, NULL);
  ADD ("/store/migrate/from-v3", test_migration_from_v3, NULL);
  ADD ("/store/board/round-trip", test_board_round_trip, NULL);
  ADD ("/store/board/picture-undo", test_board_picture_undo, NULL);
  ADD ("/store/board/stored-picture", test_board_stored_picture, NULL);
  ADD ("/store/safety/round-trip", test_safety_round_trip, NULL);
  ADD ("/store/open/untrusted-board-and-safety", test_untrusted_later_values, NULL);
#undef ADD

  return g_test_run ();
}
