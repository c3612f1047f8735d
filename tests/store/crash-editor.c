/* crash-editor.c: edits a plan at random until it is killed, reporting each acknowledged edit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: crash-editor PLAN SEED [exclusive|wal]
 *
 * Before each command it writes "TRY KEY..." (the facts the command may
 * change, see crash-common.h); once our_history_run() has returned TRUE, it
 * writes "F KEY VALUE" (or "D KEY" for a goal that is gone) for each of them
 * and "OK", in one write(). test-crash.c kills it at a random moment and
 * checks that every acknowledged fact is in the file.
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <unistd.h>

#include "crash-common.h"
#include "our-history.h"
#include "our-store-private.h"

#define MAX_GOALS 10
#define MAX_STEPS 5

static const char *const words[] = {
  "cerdded", "afon", "Siân", "Gwenllïan", "ŵ", "ŷ", "walk", "sleep", "money",
  "🌱", "🏞️", "مرحبا", "שלום", "friends", "bore da", "te", "Dafydd", "2026-12-01",
};

static GRand *rng;

static char *
random_text (void)
{
  GString *out = g_string_new (NULL);
  int n = g_rand_int_range (rng, 0, 5);

  for (int i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, words[g_rand_int_range (rng, 0, G_N_ELEMENTS (words))]);
    }
  return g_string_free (out, FALSE);
}

static OurAuthor
random_author (void)
{
  return g_rand_boolean (rng) ? OUR_AUTHOR_PERSON : OUR_AUTHOR_COORDINATOR;
}

static OurStep *
random_step (void)
{
  OurStep *step = our_step_new (NULL);

  for (int f = OUR_STEP_TEXT_WHAT; f <= OUR_STEP_TEXT_BY_WHEN; f++)
    {
      g_autofree char *text = f == OUR_STEP_TEXT_BY_WHEN ? g_strdup ("2027-02-03") : random_text ();
      our_step_set_text (step, f, text, random_author ());
    }
  return step;
}

static void
write_all (const char *data,
           gsize       len)
{
  while (len > 0)
    {
      ssize_t n = write (STDOUT_FILENO, data, len);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        exit (5);
      data += n;
      len -= n;
    }
}

static char *
fact_for_key (OurPlan    *plan,
              const char *key)
{
  OurMeField field;

  if (g_str_has_prefix (key, "me:") && our_me_field_from_key (key + 3, &field))
    return crash_me_fact (plan, field);
  if (g_str_has_prefix (key, "goal:"))
    {
      OurGoal *goal = our_plan_find_goal (plan, key + 5, NULL);
      return goal ? crash_goal_fact (goal) : NULL;
    }
  if (g_str_equal (key, "order"))
    return crash_order_fact (plan);
  if (g_str_has_prefix (key, "member:"))
    {
      OurMember *member = our_plan_find_member (plan, key + 7, NULL);
      return member ? crash_member_fact (member) : NULL;
    }
  if (g_str_equal (key, "members"))
    return crash_members_fact (plan);
  if (g_str_has_prefix (key, "item:"))
    {
      OurBoardItem *item = our_plan_find_board_item (plan, key + 5, NULL);
      return item ? crash_item_fact (item) : NULL;
    }
  if (g_str_equal (key, "items"))
    return crash_items_fact (plan);
  if (g_str_has_prefix (key, "well:"))
    {
      OurWellField field;

      g_assert_true (our_well_field_from_key (key + 5, &field));
      return crash_well_fact (plan, field);
    }
  if (g_str_has_prefix (key, "note:"))
    {
      OurSafetyNote *note = our_plan_find_safety_note (plan, key + 5, NULL);
      return note ? crash_note_fact (note) : NULL;
    }
  if (g_str_equal (key, "notes"))
    return crash_notes_fact (plan);
  if (g_str_has_prefix (key, "zone:"))
    {
      OurBoardZone *zone = our_plan_find_board_zone (plan, key + 5, NULL);
      return zone ? crash_zone_fact (zone) : NULL;
    }
  if (g_str_equal (key, "zones"))
    return crash_zones_fact (plan);
  if (g_str_has_prefix (key, "contact:"))
    {
      OurCrisisContact *contact = our_plan_find_crisis_contact (plan, key + 8, NULL);
      return contact ? crash_contact_fact (contact) : NULL;
    }
  if (g_str_equal (key, "contacts"))
    return crash_contacts_fact (plan);
  if (g_str_equal (key, "consents"))
    return crash_consents_fact (plan);
  g_assert_not_reached ();
}

/* A command about My people, and the facts it may change. */
static OurCommand *
random_member_command (OurPlan    *plan,
                       GPtrArray  *keys,
                       const char *text)
{
  guint n = our_plan_get_n_members (plan);
  OurMember *member = n > 0 ? our_plan_get_member (plan, g_rand_int_range (rng, 0, n)) : NULL;
  const char *id = member ? our_member_get_id (member) : NULL;
  int dice = g_rand_int_range (rng, 0, 100);

  if (member == NULL || (dice < 15 && n < 12))
    {
      g_autoptr(OurMember) draft = our_member_new (NULL);

      our_member_set_text (draft, OUR_MEMBER_TEXT_NAME, text, random_author ());
      our_member_set_place (draft, g_rand_int_range (rng, 0, OUR_N_RINGS),
                            g_rand_double_range (rng, 0, 360));
      g_ptr_array_add (keys, g_strconcat ("member:", our_member_get_id (draft), NULL));
      g_ptr_array_add (keys, g_strdup ("members"));
      return our_command_new_add_member (draft, -1);
    }

  g_ptr_array_add (keys, g_strconcat ("member:", id, NULL));
  if (dice < 25)
    {
      /* Steps that name the member change too. */
      for (guint g = 0; g < our_plan_get_n_goals (plan); g++)
        {
          OurGoal *goal = our_plan_get_goal (plan, g);

          for (guint i = 0; i < our_goal_get_n_steps (goal); i++)
            if (g_str_equal (our_step_get_helper_id (our_goal_get_step (goal, i)), id))
              {
                g_ptr_array_add (keys, g_strconcat ("goal:", our_goal_get_id (goal), NULL));
                break;
              }
        }
      g_ptr_array_add (keys, g_strdup ("members"));
      /* What the member may see, and a crisis contact that is the member,
       * go with them. */
      g_ptr_array_add (keys, g_strdup ("consents"));
      for (guint i = 0; i < g_list_model_get_n_items (our_plan_get_crisis_contacts (plan)); i++)
        {
          g_autoptr(OurCrisisContact) contact =
            g_list_model_get_item (our_plan_get_crisis_contacts (plan), i);

          g_ptr_array_add (keys, g_strconcat ("contact:", our_crisis_contact_get_id (contact), NULL));
        }
      return our_command_new_delete_member (id, g_rand_boolean (rng) ? OUR_DELETE_MEMBER_KEEP_NAME
                                                                     : OUR_DELETE_MEMBER_CLEAR_STEPS);
    }
  if (dice < 45)
    return our_command_new_place_member (id, g_rand_int_range (rng, 0, OUR_N_RINGS),
                                         g_rand_double_range (rng, 0, 360));
  if (dice < 60)
    return our_command_new_set_member_text (id, g_rand_int_range (rng, 0, OUR_N_MEMBER_TEXTS),
                                            text, random_author ());
  if (dice < 68)
    return our_command_new_set_member_kind (id, g_rand_int_range (rng, 0, OUR_N_MEMBER_KINDS));
  if (dice < 76)
    return our_command_new_set_member_helps (id, g_rand_int_range (rng, 0, OUR_HELPS_ALL + 1));
  if (dice < 84)
    return our_command_new_set_member_contact (id, g_rand_int_range (rng, 0, OUR_N_CONTACTS));
  if (dice < 90)
    return our_command_new_set_member_wished_for (id, g_rand_boolean (rng));
  if (dice < 94 || our_plan_get_n_goals (plan) == 0)
    return our_command_new_set_member_carer (id, g_rand_boolean (rng));
  {
    OurGoal *goal = our_plan_get_goal (plan, g_rand_int_range (rng, 0, our_plan_get_n_goals (plan)));
    guint n_steps = our_goal_get_n_steps (goal);

    if (n_steps == 0)
      return our_command_new_set_member_carer (id, g_rand_boolean (rng));
    g_ptr_array_set_size (keys, 0);
    g_ptr_array_add (keys, g_strconcat ("goal:", our_goal_get_id (goal), NULL));
    return our_command_new_set_step_helper (
      our_step_get_id (our_goal_get_step (goal, g_rand_int_range (rng, 0, n_steps))),
      g_rand_boolean (rng) ? id : "");
  }
}

/* A command about the notes board or staying well, and the facts it may
 * change. */
static OurCommand *
random_later_command (OurPlan    *plan,
                      GPtrArray  *keys,
                      const char *text)
{
  guint n_items = our_plan_get_n_board_items (plan);
  g_autoptr(OurBoardItem) item = n_items > 0
    ? g_list_model_get_item (our_plan_get_board_items (plan), g_rand_int_range (rng, 0, n_items)) : NULL;
  GListModel *notes = our_plan_get_safety_notes (plan);
  guint n_notes = g_list_model_get_n_items (notes);
  g_autoptr(OurSafetyNote) note = n_notes > 0
    ? g_list_model_get_item (notes, g_rand_int_range (rng, 0, n_notes)) : NULL;
  int dice = g_rand_int_range (rng, 0, 100);

  if (dice < 15)
    {
      OurWellField field = g_rand_int_range (rng, 0, OUR_N_WELL_FIELDS);

      g_ptr_array_add (keys, g_strconcat ("well:", our_well_field_get_key (field), NULL));
      return our_command_new_set_well_text (field, text, random_author ());
    }
  if (dice < 35 && (note == NULL || n_notes < 8))
    {
      g_autoptr(OurSafetyNote) draft = our_safety_note_new (NULL, g_rand_int_range (rng, 0, OUR_N_SAFETY_NOTE_KINDS));

      our_safety_note_set_text (draft, text, OUR_AUTHOR_COORDINATOR);
      our_safety_note_set_team_only (draft, g_rand_boolean (rng));
      g_ptr_array_add (keys, g_strconcat ("note:", our_safety_note_get_id (draft), NULL));
      g_ptr_array_add (keys, g_strdup ("notes"));
      return our_command_new_add_safety_note (draft, -1);
    }
  if (dice < 45 && note != NULL)
    {
      g_ptr_array_add (keys, g_strconcat ("note:", our_safety_note_get_id (note), NULL));
      g_ptr_array_add (keys, g_strdup ("notes"));
      return our_command_new_delete_safety_note (our_safety_note_get_id (note));
    }
  if (dice < 55 && note != NULL)
    {
      g_autoptr(OurSafetyNote) state = our_safety_note_copy (note);

      our_safety_note_set_talked (state, g_rand_boolean (rng), "2026-11-20");
      our_safety_note_set_team_only (state, g_rand_boolean (rng));
      g_ptr_array_add (keys, g_strconcat ("note:", our_safety_note_get_id (note), NULL));
      return our_command_new_update_safety_note (state);
    }
  if (item == NULL || (dice < 70 && n_items < 12))
    {
      g_autoptr(OurBoardItem) draft = our_board_item_new (NULL, OUR_BOARD_ITEM_NOTE);

      our_board_item_set_text (draft, text, random_author ());
      our_board_item_set_box (draft, g_rand_double_range (rng, -500, 1500),
                              g_rand_double_range (rng, -500, 1500), 200, 150);
      g_ptr_array_add (keys, g_strconcat ("item:", our_board_item_get_id (draft), NULL));
      g_ptr_array_add (keys, g_strdup ("items"));
      return our_command_new_add_board_item (draft, g_rand_int_range (rng, -1, (int) n_items + 1));
    }
  g_ptr_array_add (keys, g_strconcat ("item:", our_board_item_get_id (item), NULL));
  if (dice < 78)
    {
      g_ptr_array_add (keys, g_strdup ("items"));
      return our_command_new_delete_board_item (our_board_item_get_id (item));
    }
  if (dice < 85)
    {
      g_ptr_array_add (keys, g_strdup ("items"));
      return our_command_new_restack_board_item (our_board_item_get_id (item),
                                                 g_rand_int_range (rng, 0, n_items));
    }
  {
    g_autoptr(OurBoardItem) state = our_board_item_copy (item);
    double x, y, w, h;

    our_board_item_get_box (state, &x, &y, &w, &h);
    our_board_item_set_box (state, x + g_rand_double_range (rng, -50, 50),
                            y + g_rand_double_range (rng, -50, 50), w, h);
    our_board_item_set_rotation (state, g_rand_double_range (rng, -20, 20));
    if (g_rand_boolean (rng))
      our_board_item_set_text (state, text, random_author ());
    our_board_item_set_colour (state, g_rand_int_range (rng, 0, OUR_N_NOTE_COLOURS));
    return our_command_new_update_board_item (state);
  }
}

/* A command about the board's areas, the crisis contacts or what a carer
 * may see, and the facts it may change. */
static OurCommand *
random_other_list_command (OurPlan    *plan,
                           GPtrArray  *keys,
                           const char *text)
{
  GListModel *zones = our_plan_get_board_zones (plan);
  GListModel *contacts = our_plan_get_crisis_contacts (plan);
  guint n_zones = g_list_model_get_n_items (zones);
  guint n_contacts = g_list_model_get_n_items (contacts);
  g_autoptr(OurBoardZone) zone = n_zones > 0
    ? g_list_model_get_item (zones, g_rand_int_range (rng, 0, n_zones)) : NULL;
  g_autoptr(OurCrisisContact) contact = n_contacts > 0
    ? g_list_model_get_item (contacts, g_rand_int_range (rng, 0, n_contacts)) : NULL;
  guint n_members = our_plan_get_n_members (plan);
  int dice = g_rand_int_range (rng, 0, 100);

  if (dice < 15 && (zone == NULL || n_zones < 5))
    {
      g_autoptr(OurBoardZone) draft = our_board_zone_new (NULL);

      our_board_zone_set_name (draft, text, random_author ());
      our_board_zone_set_box (draft, g_rand_double_range (rng, 0, 2000),
                              g_rand_double_range (rng, 0, 2000), 400, 300);
      g_ptr_array_add (keys, g_strconcat ("zone:", our_board_zone_get_id (draft), NULL));
      g_ptr_array_add (keys, g_strdup ("zones"));
      return our_command_new_add_board_zone (draft, g_rand_int_range (rng, -1, (int) n_zones + 1));
    }
  if (dice < 22 && zone != NULL)
    {
      g_ptr_array_add (keys, g_strconcat ("zone:", our_board_zone_get_id (zone), NULL));
      g_ptr_array_add (keys, g_strdup ("zones"));
      return our_command_new_delete_board_zone (our_board_zone_get_id (zone));
    }
  if (dice < 35 && zone != NULL)
    {
      g_autoptr(OurBoardZone) state = our_board_zone_copy (zone);
      double x, y, w, h;

      our_board_zone_get_box (state, &x, &y, &w, &h);
      our_board_zone_set_box (state, x + g_rand_double_range (rng, -40, 40), y, w + 10, h);
      our_board_zone_set_name (state, text, random_author ());
      g_ptr_array_add (keys, g_strconcat ("zone:", our_board_zone_get_id (zone), NULL));
      return our_command_new_update_board_zone (state);
    }
  if (dice < 55 && (contact == NULL || n_contacts < 5))
    {
      g_autoptr(OurCrisisContact) draft = our_crisis_contact_new (NULL);

      our_crisis_contact_set_name (draft, text);
      our_crisis_contact_set_phone (draft, "029 2000 0000");
      our_crisis_contact_set_when (draft, "any time");
      g_ptr_array_add (keys, g_strconcat ("contact:", our_crisis_contact_get_id (draft), NULL));
      g_ptr_array_add (keys, g_strdup ("contacts"));
      return our_command_new_add_crisis_contact (draft, g_rand_int_range (rng, -1,
                                                                          (int) n_contacts + 1));
    }
  if (dice < 62 && contact != NULL)
    {
      g_ptr_array_add (keys, g_strconcat ("contact:", our_crisis_contact_get_id (contact), NULL));
      g_ptr_array_add (keys, g_strdup ("contacts"));
      return our_command_new_delete_crisis_contact (our_crisis_contact_get_id (contact));
    }
  if (dice < 75 && contact != NULL)
    {
      g_autoptr(OurCrisisContact) state = our_crisis_contact_copy (contact);

      our_crisis_contact_set_when (state, text);
      g_ptr_array_add (keys, g_strconcat ("contact:", our_crisis_contact_get_id (contact), NULL));
      return our_command_new_update_crisis_contact (state);
    }
  if (n_members > 0)
    {
      OurMember *member = our_plan_get_member (plan, g_rand_int_range (rng, 0, n_members));

      g_ptr_array_add (keys, g_strdup ("consents"));
      return our_command_new_set_consent (g_rand_int_range (rng, 0, OUR_N_SECTIONS),
                                          our_member_get_id (member), g_rand_boolean (rng),
                                          "2026-12-01", random_author ());
    }
  g_ptr_array_add (keys, g_strdup ("zones"));
  g_ptr_array_add (keys, g_strdup ("contacts"));
  return NULL;
}

/* Picks a command and the facts it may change. Returns NULL for undo (*undo
 * TRUE) or redo (*redo TRUE). */
static OurCommand *
random_command (OurPlan    *plan,
                GPtrArray  *keys,
                gboolean   *undo,
                gboolean   *redo)
{
  guint n_goals = our_plan_get_n_goals (plan);
  int dice = g_rand_int_range (rng, 0, 100);
  OurGoal *goal = n_goals > 0 ? our_plan_get_goal (plan, g_rand_int_range (rng, 0, n_goals)) : NULL;
  guint n_steps = goal ? our_goal_get_n_steps (goal) : 0;
  OurStep *step = n_steps > 0 ? our_goal_get_step (goal, g_rand_int_range (rng, 0, n_steps)) : NULL;
  g_autofree char *text = random_text ();
  const char *goal_id = goal ? our_goal_get_id (goal) : NULL;

  *undo = *redo = FALSE;
  if (dice >= 90)
    {
      *undo = dice < 95;
      *redo = !*undo;
      return NULL;
    }

  /* One command in six is about My people, one in six about the notes
   * board, staying well or safety notes, one in six about the other lists. */
  switch (g_rand_int_range (rng, 0, 6))
    {
    case 0: return random_member_command (plan, keys, text);
    case 1: return random_later_command (plan, keys, text);
    case 2:
      {
        OurCommand *command = random_other_list_command (plan, keys, text);

        if (command != NULL)
          return command;
        g_ptr_array_set_size (keys, 0);
      }
      break;
    default: break;
    }

  if (goal != NULL)
    g_ptr_array_add (keys, g_strconcat ("goal:", goal_id, NULL));

  if (dice < 15)
    {
      OurMeField field = g_rand_int_range (rng, 0, OUR_N_ME_FIELDS);

      g_ptr_array_set_size (keys, 0);
      g_ptr_array_add (keys, g_strconcat ("me:", our_me_field_get_key (field), NULL));
      return our_command_new_set_me_text (field, our_me_field_is_date (field)
                                                  ? (g_rand_boolean (rng) ? "2026-05-04" : "")
                                                  : text,
                                          random_author ());
    }
  if (goal != NULL && dice >= 25 && dice < 30)
    {
      g_ptr_array_add (keys, g_strdup ("order"));
      return our_command_new_delete_goal (goal_id);
    }
  if (goal != NULL && dice >= 30 && dice < 35)
    {
      g_ptr_array_add (keys, g_strdup ("order"));
      return our_command_new_move_goal (goal_id, g_rand_int_range (rng, 0, n_goals));
    }
  if (goal != NULL && dice >= 35 && dice < 45)
    return our_command_new_set_goal_text (goal_id, g_rand_int_range (rng, 0, 2), text,
                                          random_author ());
  if (goal != NULL && dice >= 45 && dice < 50)
    return our_command_new_set_life_area (goal_id, g_rand_int_range (rng, 0, OUR_N_LIFE_AREAS));
  if (goal != NULL && dice >= 50 && dice < 55)
    return our_command_new_set_symbol (goal_id, g_rand_boolean (rng) ? "home" : "friends");
  if (goal != NULL && dice >= 55 && dice < 60)
    return our_command_new_set_progress (goal_id, g_rand_int_range (rng, 0, OUR_PROGRESS_MAX + 1));
  if (goal != NULL && dice >= 60 && dice < 65)
    return our_command_new_set_status (goal_id, g_rand_int_range (rng, 0, OUR_N_GOAL_STATUSES));
  if (goal != NULL && dice >= 65 && dice < 73 && n_steps < MAX_STEPS)
    {
      g_autoptr(OurStep) new_step = random_step ();
      return our_command_new_add_step (goal_id, new_step,
                                       g_rand_int_range (rng, -1, (int) n_steps + 1));
    }
  if (step != NULL && dice >= 73 && dice < 77)
    return our_command_new_delete_step (our_step_get_id (step));
  if (step != NULL && dice >= 77 && dice < 81)
    return our_command_new_move_step (our_step_get_id (step), g_rand_int_range (rng, 0, n_steps));
  if (step != NULL && dice >= 81)
    return our_command_new_set_step_text (our_step_get_id (step),
                                          g_rand_int_range (rng, 0, OUR_STEP_TEXT_BY_WHEN),
                                          text, random_author ());

  /* Otherwise add a goal, or delete one when there are plenty. */
  g_ptr_array_set_size (keys, 0);
  g_ptr_array_add (keys, g_strdup ("order"));
  if (goal != NULL && n_goals >= MAX_GOALS)
    {
      g_ptr_array_add (keys, g_strconcat ("goal:", goal_id, NULL));
      return our_command_new_delete_goal (goal_id);
    }
  {
    g_autoptr(OurGoal) new_goal = our_goal_new (NULL);
    int n = g_rand_int_range (rng, 0, 3);

    our_goal_set_text (new_goal, OUR_GOAL_TEXT_TITLE, text, random_author ());
    our_goal_set_progress (new_goal, g_rand_int_range (rng, 0, 11));
    for (int i = 0; i < n; i++)
      {
        g_autoptr(OurStep) new_step = random_step ();
        our_goal_insert_step (new_goal, i, new_step);
      }
    g_ptr_array_add (keys, g_strconcat ("goal:", our_goal_get_id (new_goal), NULL));
    return our_command_new_add_goal (new_goal, g_rand_int_range (rng, -1, (int) n_goals + 1));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OurStore) store = NULL;
  g_autoptr(GPtrArray) undo_keys = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) redo_keys = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  OurHistory *history;
  OurPlan *plan;

  if (argc != 3 && argc != 4)
    {
      g_printerr ("Usage: %s PLAN SEED [exclusive|wal]\n", argv[0]);
      return 2;
    }
  if (argc == 4)
    our_store_set_journal_for_testing (g_str_equal (argv[3], "wal") ? OUR_STORE_JOURNAL_WAL
                                                                   : OUR_STORE_JOURNAL_EXCLUSIVE);
  rng = g_rand_new_with_seed ((guint32) g_ascii_strtoull (argv[2], NULL, 10));

  store = our_store_open (argv[1], OUR_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    {
      g_printerr ("crash-editor: %s\n", error->message);
      return 3;
    }
  if (our_store_get_read_only (store))
    {
      g_printerr ("crash-editor: %s\n", our_store_get_read_only_reason (store));
      return 3;
    }
  plan = our_store_get_plan (store);
  history = our_session_get_history (our_store_get_session (store));

  for (;;)
    {
      g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GString) line = g_string_new ("TRY");
      g_autoptr(GString) block = g_string_new (NULL);
      OurCommand *command;
      gboolean undo, redo, ok;

      command = random_command (plan, keys, &undo, &redo);
      if (undo || redo)
        {
          GPtrArray *stack = undo ? undo_keys : redo_keys;

          if (stack->len == 0)
            continue;
          GPtrArray *top = g_ptr_array_index (stack, stack->len - 1);

          for (guint i = 0; i < top->len; i++)
            g_ptr_array_add (keys, g_strdup (g_ptr_array_index (top, i)));
        }
      for (guint i = 0; i < keys->len; i++)
        g_string_append_printf (line, " %s", (char *) g_ptr_array_index (keys, i));
      g_string_append_c (line, '\n');
      write_all (line->str, line->len);

      our_history_end_edit (history);
      if (undo)
        ok = our_history_undo (history, &error);
      else if (redo)
        ok = our_history_redo (history, &error);
      else
        ok = our_history_run (history, command, &error);

      if (!ok)
        {
          g_printerr ("crash-editor: %s\n", error ? error->message : "nothing to do");
          return 4;
        }

      if (undo)
        g_ptr_array_add (redo_keys, g_ptr_array_steal_index (undo_keys, undo_keys->len - 1));
      else if (redo)
        g_ptr_array_add (undo_keys, g_ptr_array_steal_index (redo_keys, redo_keys->len - 1));
      else
        {
          g_ptr_array_set_size (redo_keys, 0);
          g_ptr_array_add (undo_keys, g_ptr_array_ref (keys));
        }

      for (guint i = 0; i < keys->len; i++)
        {
          const char *key = g_ptr_array_index (keys, i);
          g_autofree char *fact = fact_for_key (plan, key);

          if (fact != NULL)
            g_string_append_printf (block, "F %s %s\n", key, fact);
          else
            g_string_append_printf (block, "D %s\n", key);
        }
      g_string_append (block, "OK\n");
      write_all (block->str, block->len);
    }
}
