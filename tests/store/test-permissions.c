/* test-permissions.c: a folder or plan the person may not change is said to be so, in its own sentence
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Root may write anywhere, so each check runs in a child process that, when
 * run as root, first becomes "nobody": the same condition then holds for
 * root (in CI) and for an ordinary user.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <unistd.h>

#include "our-store.h"

static char *tmp_dir;

static void
become_nobody (void)
{
  if (geteuid () == 0 && (setgid (65534) != 0 || setuid (65534) != 0))
    g_error ("could not drop privileges");
}

static char *
make_folder (const char *name,
             int         mode)
{
  char *folder = g_build_filename (tmp_dir, name, NULL);

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  g_assert_cmpint (g_chmod (folder, mode), ==, 0);
  return folder;
}

static char *
write_plan (const char *folder,
            int         mode)
{
  g_autoptr(OurPlan) plan = our_plan_new ();
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (folder, "gwen.ourplan", NULL);

  our_plan_set_me_text (plan, OUR_ME_FIELD_PREFERRED_NAME, "Gwen", OUR_AUTHOR_PERSON);
  g_assert_true (our_store_write_plan (plan, path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (path, mode), ==, 0);
  return path;
}

static guint
count_files (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

/* A new plan in a folder the person may not write to. */
static void
test_new_plan_child (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "closed", "new.ourplan", NULL);
  g_autoptr(OurPlan) plan = our_plan_new ();
  g_autoptr(OurStore) store = NULL;
  g_autoptr(GError) error = NULL;

  become_nobody ();
  store = our_store_create (path, plan, &error);
  g_assert_null (store);
  g_assert_error (error, OUR_STORE_ERROR, OUR_STORE_ERROR_READ_ONLY);
  g_print ("%s\n", error->message);
}

static void
test_new_plan (void)
{
  g_autofree char *folder = make_folder ("closed", 0555);

  g_test_trap_subprocess ("/permissions/new-plan/subprocess", 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("You do not have permission to save in this folder, so the plan was not saved there. Choose another folder.\n");
  g_assert_cmpuint (count_files (folder), ==, 0);
  g_chmod (folder, 0755);
  g_rmdir (folder);
}

/* A plan in a folder the person may not change: it opens, read-only, and
 * says why (saving needs a log file beside the plan). */
static void
test_plan_folder_child (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "shared", "gwen.ourplan", NULL);
  g_autoptr(OurStore) store = NULL;
  g_autoptr(GError) error = NULL;

  become_nobody ();
  store = our_store_open (path, OUR_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (our_store_get_read_only (store));
  g_assert_true (our_session_get_read_only (our_store_get_session (store)));
  g_print ("%s\n", our_store_get_read_only_reason (store));
}

static void
test_plan_folder (void)
{
  g_autofree char *folder = make_folder ("shared", 0755);
  /* The file itself may be changed by anyone: only the folder may not. */
  g_autofree char *path = write_plan (folder, 0666);
  g_autofree char *before = NULL, *after = NULL;

  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));
  g_assert_cmpint (g_chmod (folder, 0555), ==, 0);
  g_test_trap_subprocess ("/permissions/plan-folder/subprocess", 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("You do not have permission to change the folder this plan is in, so it has been opened read-only.\n");
  /* Nothing changed, nothing left beside it. */
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (count_files (folder), ==, 1);
  g_chmod (folder, 0755);
  g_unlink (path);
  g_rmdir (folder);
}

/* A plan the person may not read at all. */
static void
test_plan_unreadable_child (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "locked", "gwen.ourplan", NULL);
  g_autoptr(OurStore) store = NULL;
  g_autoptr(GError) error = NULL;

  become_nobody ();
  store = our_store_open (path, OUR_STORE_OPEN_DEFAULT, &error);
  g_assert_null (store);
  g_print ("%s\n", error->message);
}

static void
test_plan_unreadable (void)
{
  g_autofree char *folder = make_folder ("locked", 0755);
  g_autofree char *path = write_plan (folder, 0);

  g_test_trap_subprocess ("/permissions/plan-unreadable/subprocess", 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("You do not have permission to open this plan.\n");
  g_unlink (path);
  g_rmdir (folder);
}

/* A plan that is someone else's: readable, but not the person's to change.
 * Only root can give a file away, so an ordinary user skips this one. */
static void
test_plan_not_yours_child (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "theirs", "gwen.ourplan", NULL);
  g_autoptr(OurStore) store = NULL;
  g_autoptr(GError) error = NULL;

  become_nobody ();
  store = our_store_open (path, OUR_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (our_store_get_read_only (store));
  g_print ("%s\n", our_store_get_read_only_reason (store));
}

static void
test_plan_not_yours (void)
{
  g_autofree char *folder = NULL;
  g_autofree char *path = NULL;

  if (geteuid () != 0)
    {
      g_test_skip ("Only root can make a plan file that belongs to someone else.");
      return;
    }
  /* The folder is open to all, the file only to its owner (root). */
  folder = make_folder ("theirs", 0777);
  path = write_plan (folder, 0644);
  g_test_trap_subprocess ("/permissions/plan-not-yours/subprocess", 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("You do not have permission to change this plan file, so it has been opened read-only.\n");
  g_unlink (path);
  g_rmdir (folder);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  /* The children find the folders here: the parent made them. */
  tmp_dir = g_strdup (g_getenv ("OURPLAN_PERMISSIONS_DIR"));
  if (tmp_dir == NULL)
    {
      tmp_dir = g_dir_make_tmp ("ourplan-permissions-XXXXXX", NULL);
      g_assert_nonnull (tmp_dir);
      /* "nobody" must be able to go through it. */
      g_assert_cmpint (g_chmod (tmp_dir, 0755), ==, 0);
      g_setenv ("OURPLAN_PERMISSIONS_DIR", tmp_dir, TRUE);
    }

  g_test_add_func ("/permissions/new-plan", test_new_plan);
  g_test_add_func ("/permissions/new-plan/subprocess", test_new_plan_child);
  g_test_add_func ("/permissions/plan-folder", test_plan_folder);
  g_test_add_func ("/permissions/plan-folder/subprocess", test_plan_folder_child);
  g_test_add_func ("/permissions/plan-unreadable", test_plan_unreadable);
  g_test_add_func ("/permissions/plan-unreadable/subprocess", test_plan_unreadable_child);
  g_test_add_func ("/permissions/plan-not-yours", test_plan_not_yours);
  g_test_add_func ("/permissions/plan-not-yours/subprocess", test_plan_not_yours_child);
  status = g_test_run ();

  if (!g_test_subprocess ())
    g_rmdir (tmp_dir);
  return status;
}
