/* bench-plans.c: the large plans the opening benchmarks share, and scratch clean-up
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>

#include "bench-plans.h"
#include "our-store.h"
#include "our-symbols.h"

void
bench_add_goals (OurPlan *plan,
                 guint    n_goals)
{
  for (guint i = 0; i < n_goals; i++)
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
      our_plan_insert_goal (plan, our_plan_get_n_goals (plan), goal);
    }
}

void
bench_add_members (OurPlan *plan,
                   guint    n_members)
{
  GRand *rand = g_rand_new_with_seed (300);
  static const char *names[] = {
    "Mum", "Siân", "Dr Okafor", "The allotment", "Tuesday drop-in", "Rex", "Nain",
    "Community mental health team", "Choir", "Jo from work", "The library", "Discord server",
  };

  for (guint i = 0; i < n_members; i++)
    {
      g_autoptr(OurMember) member = our_member_new (NULL);
      g_autofree char *name = g_strdup_printf ("%s %u", names[i % G_N_ELEMENTS (names)], i);

      our_member_set_text (member, OUR_MEMBER_TEXT_NAME, name, OUR_AUTHOR_PERSON);
      our_member_set_kind (member, i % OUR_N_MEMBER_KINDS);
      our_member_set_place (member, g_rand_int_range (rand, 0, OUR_N_RINGS),
                            g_rand_double_range (rand, 0, 360));
      our_member_set_contact (member, i % OUR_N_CONTACTS);
      our_member_set_wished_for (member, i % 9 == 0);
      our_plan_insert_member (plan, our_plan_get_n_members (plan), member);
    }
  g_rand_free (rand);
}

static char *
write_plan (OurPlan    *plan,
            const char *folder,
            const char *name)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (folder, name, NULL);

  if (!our_store_write_plan (plan, path, &error))
    g_error ("Could not write the benchmark plan: %s", error->message);
  return path;
}

char *
bench_make_large_plan (const char *folder)
{
  g_autoptr(OurPlan) plan = our_plan_new ();

  our_plan_set_me_text (plan, OUR_ME_FIELD_PREFERRED_NAME, "Rhiannon", OUR_AUTHOR_PERSON);
  bench_add_goals (plan, BENCH_LARGE_GOALS);
  return write_plan (plan, folder, "big.ourplan");
}

char *
bench_make_whole_plan (const char *folder)
{
  g_autoptr(OurPlan) plan = bench_make_board ();

  our_plan_set_me_text (plan, OUR_ME_FIELD_PREFERRED_NAME, "Rhiannon", OUR_AUTHOR_PERSON);
  bench_add_goals (plan, BENCH_LARGE_GOALS);
  bench_add_members (plan, BENCH_LARGE_MEMBERS);
  return write_plan (plan, folder, "whole.ourplan");
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

static const char *words[] = {
  "I want to go back to swimming", "Walk the dog every morning", "Call Nia on Sundays",
  "Sleep before midnight", "Cook a proper meal twice a week",
  "Things feel heavy when I stop going out. Going to the choir helps me feel part of something.",
  "Money worries", "Learn to drive", "Hopeful", "Less time on my phone at night",
};

/* A photo-like picture (smooth colour with noise, which JPEG finds hard),
 * the size an import leaves: 2048 pixels on the long side at most. */
static OurPicture *
make_photo (int index)
{
  int width = index % 2 ? 2048 : 1536, height = index % 2 ? 1536 : 2048;
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  guchar *pixels = gdk_pixbuf_get_pixels (pixbuf);
  int stride = gdk_pixbuf_get_rowstride (pixbuf);
  g_autofree char *buffer = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *id = NULL;
  gsize size = 0;
  GRand *rand = g_rand_new_with_seed (index);

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guchar *p = pixels + y * stride + x * 3;
        int noise = g_rand_int_range (rand, -20, 20);

        p[0] = CLAMP ((x * 255 / width + index * 37) % 256 + noise, 0, 255);
        p[1] = CLAMP ((y * 255 / height) + noise, 0, 255);
        p[2] = CLAMP (128 + 100 * sin ((x + y + index * 50) / 200.0) + noise, 0, 255);
      }
  g_rand_free (rand);
  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size, "jpeg", NULL,
                                            "quality", "85", NULL));
  bytes = g_bytes_new (buffer, size);
  id = our_picture_compute_id (bytes);
  return our_picture_new (id, bytes, "image/jpeg", width, height);
}

OurPlan *
bench_make_board (void)
{
  OurPlan *plan = our_plan_new ();
  GRand *rand = g_rand_new_with_seed (42);
  guint pictures = 0;

  for (int z = 0; z < 3; z++)
    {
      g_autoptr(OurBoardZone) zone = our_board_zone_new (NULL);

      our_board_zone_set_name (zone, z == 0 ? "How I feel now" : z == 1 ? "Where I want to be"
                                                                          : "What helps",
                               OUR_AUTHOR_PERSON);
      our_board_zone_set_box (zone, z * 1100, 0, 1050, 1500);
      our_plan_insert_board_zone (plan, z, zone);
    }

  for (int i = 0; i < BENCH_BOARD_ITEMS; i++)
    {
      OurBoardItemKind kind = i % 4 == 1 && pictures < BENCH_BOARD_PICTURES ? OUR_BOARD_ITEM_PICTURE
                              : i % 2 == 0 ? OUR_BOARD_ITEM_NOTE : OUR_BOARD_ITEM_SYMBOL;
      g_autoptr(OurBoardItem) item = our_board_item_new (NULL, kind);
      double size = g_rand_double_range (rand, 110, 220);

      our_board_item_set_box (item, g_rand_double_range (rand, 0, 3100),
                              g_rand_double_range (rand, 0, 1300), size,
                              size * g_rand_double_range (rand, 0.7, 1.2));
      our_board_item_set_rotation (item, g_rand_double_range (rand, -8, 8));
      if (kind == OUR_BOARD_ITEM_NOTE)
        {
          our_board_item_set_text (item, words[i % G_N_ELEMENTS (words)], OUR_AUTHOR_PERSON);
          our_board_item_set_colour (item, i % OUR_N_NOTE_COLOURS);
        }
      else if (kind == OUR_BOARD_ITEM_PICTURE)
        {
          g_autoptr(OurPicture) picture = make_photo (pictures++);

          our_plan_add_picture (plan, picture);
          our_board_item_set_picture_id (item, our_picture_get_id (picture));
        }
      else
        our_board_item_set_symbol (item, our_symbols_get_n () > 0
                                         ? our_symbols_get_key (i % our_symbols_get_n ()) : "home");
      our_plan_insert_board_item (plan, i, item);
    }
  g_rand_free (rand);
  return plan;
}

char *
bench_make_board_plan (const char *folder)
{
  g_autoptr(OurPlan) plan = bench_make_board ();

  return write_plan (plan, folder, "board.ourplan");
}
