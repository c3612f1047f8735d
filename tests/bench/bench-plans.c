/* bench-plans.c: the large plan the opening benchmarks share, and scratch clean-up
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "bench-plans.h"
#include "our-store.h"

char *
bench_make_large_plan (const char *folder)
{
  g_autoptr(OurPlan) plan = our_plan_new ();
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (folder, "big.ourplan", NULL);

  our_plan_set_me_text (plan, OUR_ME_FIELD_PREFERRED_NAME, "Rhiannon", OUR_AUTHOR_PERSON);
  for (guint i = 0; i < BENCH_LARGE_GOALS; i++)
    {
      g_autoptr(OurGoal) goal = our_goal_new (NULL);
      g_autofree char *title = g_strdup_printf ("Goal %u: walk a little further by the river", i);

      our_goal_set_text (goal, OUR_GOAL_TEXT_TITLE, title, OUR_AUTHOR_PERSON);
      our_goal_set_text (goal, OUR_GOAL_TEXT_WHY, "Because it clears my head and I sleep better.",
                         OUR_AUTHOR_PERSON);
      our_goal_set_life_area (goal, 1 + i % 8);
      our_goal_set_progress (goal, i % 11);
      our_goal_set_symbol (goal, "walking");
      for (guint s = 0; s < BENCH_LARGE_STEPS; s++)
        {
          g_autoptr(OurStep) step = our_step_new (NULL);
          our_step_set_text (step, OUR_STEP_TEXT_WHAT, "Walk to the bridge and back", OUR_AUTHOR_PERSON);
          our_step_set_text (step, OUR_STEP_TEXT_WHO, "My sister Siân", OUR_AUTHOR_PERSON);
          our_step_set_text (step, OUR_STEP_TEXT_BY_WHEN, "2027-04-01", OUR_AUTHOR_COORDINATOR);
          our_goal_insert_step (goal, s, step);
        }
      our_plan_insert_goal (plan, i, goal);
    }
  if (!our_store_write_plan (plan, path, &error))
    g_error ("Could not write the benchmark plan: %s", error->message);
  return path;
}

void
bench_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        bench_remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}
