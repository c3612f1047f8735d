/* test-faults.c: a disk that fails mid-meeting keeps the person's edits in the window and the file as it was
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * With the fault VFS (fault-vfs.c) in front of SQLite, writes fail, syncs
 * fail, the disk fills up or turns read-only while a plan is open, in each
 * journal mode the store uses. Each time: the edit stays in the window (and
 * so do later ones), the store says in a sentence that it stopped saving,
 * nothing more is written to the file, which still opens, whole, holding
 * every edit saved before; and "Save a Copy Elsewhere" keeps everything.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "fault-vfs.h"
#include "our-command.h"
#include "our-history.h"
#include "our-store.h"
#include "our-store-private.h"

typedef struct
{
  FaultKind        fault;
  OurStoreJournal  journal;
  const char      *sentence;
} FaultCase;

static const char full_sentence[] =
  "The disk is full, so this change is only in this window. "
  "Save a copy somewhere else to keep it.";
static const char failing_sentence[] =
  "The plan could not be written to the disk, so this change is only in this window. "
  "Save a copy somewhere else to keep it.";
static const char read_only_sentence[] =
  "This plan’s file cannot be changed any more, so this change is only in this window. "
  "Save a copy somewhere else to keep it.";

static gboolean
run (OurStore    *store,
     OurCommand  *command,
     GError     **error)
{
  return our_session_run (our_store_get_session (store), command, error);
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *child = g_build_filename (dir, name, NULL);

      g_unlink (child);
    }
  g_rmdir (dir);
}

static void
test_fault (gconstpointer data)
{
  const FaultCase *fault = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ourplan-faults-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "meeting.ourplan", NULL);
  g_autofree char *rescued = g_build_filename (dir, "rescued.ourplan", NULL);
  g_autoptr(OurPlan) draft = our_plan_new ();
  g_autoptr(OurGoal) goal = our_goal_new (NULL);
  g_autoptr(OurStore) store = NULL;
  g_autoptr(OurStore) reopened = NULL;
  g_autoptr(OurStore) copy = NULL;
  OurStoreReport report = { 0 };
  OurPlan *plan;

  g_assert_no_error (error);
  our_store_set_journal_for_testing (fault->journal);
  our_goal_set_text (goal, OUR_GOAL_TEXT_TITLE, "Cerdded ger yr afon", OUR_AUTHOR_PERSON);
  our_plan_insert_goal (draft, 0, goal);
  store = our_store_create (path, draft, &error);
  g_assert_no_error (error);
  plan = our_store_get_plan (store);
  g_assert_true (run (store, our_command_new_set_me_text (OUR_ME_FIELD_GOOD_DAY, "Saved first",
                                                         OUR_AUTHOR_PERSON), &error));
  g_assert_no_error (error);

  /* The disk fails in the middle of the meeting. */
  fault_vfs_arm (fault->fault, "meeting.ourplan");
  g_assert_false (run (store, our_command_new_set_me_text (OUR_ME_FIELD_WHAT_HELPS, "Paned o de",
                                                          OUR_AUTHOR_PERSON), &error));
  g_assert_cmpuint (fault_vfs_get_n_failed (), >, 0);
  g_assert_error (error, OUR_HISTORY_ERROR, OUR_HISTORY_ERROR_ONLY_IN_WINDOW);
  g_assert_cmpstr (error->message, ==, fault->sentence);
  g_assert_true (our_store_get_saving_stopped (store));
  /* The edit stays in the window... */
  g_assert_cmpstr (our_plan_get_me_text (plan, OUR_ME_FIELD_WHAT_HELPS), ==, "Paned o de");
  g_clear_error (&error);

  /* ...and so do later ones, even once the disk works again: the file
   * must not hold a later edit without the one before it. */
  fault_vfs_arm (FAULT_NONE, NULL);
  g_assert_false (run (store, our_command_new_set_progress (our_goal_get_id (goal), 7), &error));
  g_assert_error (error, OUR_HISTORY_ERROR, OUR_HISTORY_ERROR_ONLY_IN_WINDOW);
  g_assert_cmpuint (our_goal_get_progress (our_plan_get_goal (plan, 0)), ==, 7);
  g_clear_error (&error);
  /* Undo works in the window too. */
  g_assert_true (our_history_get_can_undo (our_session_get_history (our_store_get_session (store))));

  /* "Save a Copy Elsewhere…" keeps everything. */
  g_assert_true (our_store_write_plan (plan, rescued, &error));
  g_assert_no_error (error);
  copy = our_store_open (rescued, OUR_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (our_plan_get_me_text (our_store_get_plan (copy), OUR_ME_FIELD_WHAT_HELPS), ==,
                   "Paned o de");
  g_assert_cmpuint (our_goal_get_progress (our_plan_get_goal (our_store_get_plan (copy), 0)), ==, 7);
  g_clear_object (&copy);

  /* The original is whole and holds what was saved before the fault. */
  g_clear_object (&store);
  g_assert_true (our_store_check (path, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (report.integrity, ==, "ok");
  our_store_report_clear (&report);
  reopened = our_store_open (path, OUR_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  plan = our_store_get_plan (reopened);
  g_assert_cmpstr (our_plan_get_me_text (plan, OUR_ME_FIELD_GOOD_DAY), ==, "Saved first");
  g_assert_cmpstr (our_plan_get_me_text (plan, OUR_ME_FIELD_WHAT_HELPS), ==, "");
  g_assert_cmpuint (our_goal_get_progress (our_plan_get_goal (plan, 0)), ==, 0);
  g_clear_object (&reopened);

  our_store_set_journal_for_testing (OUR_STORE_JOURNAL_DEFAULT);
  remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  static const struct { const char *name; OurStoreJournal journal; } journals[] = {
    { "wal", OUR_STORE_JOURNAL_WAL },
    { "exclusive", OUR_STORE_JOURNAL_EXCLUSIVE },
  };
  static const struct { const char *name; FaultKind fault; const char *sentence; } faults[] = {
    { "write-error", FAULT_WRITE_ERROR, failing_sentence },
    { "fsync-error", FAULT_FSYNC_ERROR, failing_sentence },
    { "disk-full", FAULT_DISK_FULL, full_sentence },
    { "read-only", FAULT_READ_ONLY, read_only_sentence },
  };

  g_test_init (&argc, &argv, NULL);
  fault_vfs_install ();

  for (guint j = 0; j < G_N_ELEMENTS (journals); j++)
    for (guint f = 0; f < G_N_ELEMENTS (faults); f++)
      {
        g_autofree char *name = g_strdup_printf ("/store/faults/%s/%s", journals[j].name,
                                                 faults[f].name);
        FaultCase *fault = g_new0 (FaultCase, 1);

        fault->fault = faults[f].fault;
        fault->journal = journals[j].journal;
        fault->sentence = faults[f].sentence;
        g_test_add_data_func_full (name, fault, test_fault, g_free);
      }
  return g_test_run ();
}
