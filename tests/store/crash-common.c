/* crash-common.c: a plan described as facts, shared by the crash test and its editor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "crash-common.h"

static void
append_escaped (GString    *out,
                const char *text)
{
  g_autofree char *escaped = g_strescape (text, NULL);

  g_string_append (out, escaped);
  g_string_append_c (out, '|');
}

char *
crash_me_fact (OurPlan    *plan,
               OurMeField  field)
{
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, "%d|", our_plan_get_me_author (plan, field));
  append_escaped (out, our_plan_get_me_text (plan, field));
  return g_string_free (out, FALSE);
}

char *
crash_goal_fact (OurGoal *goal)
{
  GString *out = g_string_new (NULL);

  for (int f = OUR_GOAL_TEXT_TITLE; f <= OUR_GOAL_TEXT_WHY; f++)
    {
      append_escaped (out, our_goal_get_text (goal, f));
      g_string_append_printf (out, "%d|", our_goal_get_author (goal, f));
    }
  append_escaped (out, our_goal_get_symbol (goal));
  g_string_append_printf (out, "%d|%u|%d|", our_goal_get_life_area (goal),
                          our_goal_get_progress (goal), our_goal_get_status (goal));
  for (guint i = 0; i < our_goal_get_n_steps (goal); i++)
    {
      OurStep *step = our_goal_get_step (goal, i);

      g_string_append_printf (out, "[%s|", our_step_get_id (step));
      for (int f = OUR_STEP_TEXT_WHAT; f <= OUR_STEP_TEXT_BY_WHEN; f++)
        {
          append_escaped (out, our_step_get_text (step, f));
          g_string_append_printf (out, "%d|", our_step_get_author (step, f));
        }
      append_escaped (out, our_step_get_helper_id (step));
      g_string_append_c (out, ']');
    }
  return g_string_free (out, FALSE);
}

char *
crash_order_fact (OurPlan *plan)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < our_plan_get_n_goals (plan); i++)
    g_string_append_printf (out, "%s,", our_goal_get_id (our_plan_get_goal (plan, i)));
  return g_string_free (out, FALSE);
}

char *
crash_member_fact (OurMember *member)
{
  GString *out = g_string_new (NULL);

  for (int f = 0; f < OUR_N_MEMBER_TEXTS; f++)
    {
      append_escaped (out, our_member_get_text (member, f));
      g_string_append_printf (out, "%d|", our_member_get_author (member, f));
    }
  g_string_append_printf (out, "%d|%d|%.6f|%u|%d|%d|%d|", our_member_get_kind (member),
                          our_member_get_ring (member), our_member_get_angle (member),
                          our_member_get_helps (member), our_member_get_contact (member),
                          our_member_get_wished_for (member), our_member_get_is_carer (member));
  return g_string_free (out, FALSE);
}

char *
crash_members_fact (OurPlan *plan)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < our_plan_get_n_members (plan); i++)
    g_string_append_printf (out, "%s,", our_member_get_id (our_plan_get_member (plan, i)));
  return g_string_free (out, FALSE);
}

char *
crash_item_fact (OurBoardItem *item)
{
  GString *out = g_string_new (NULL);
  double x, y, w, h;

  our_board_item_get_box (item, &x, &y, &w, &h);
  append_escaped (out, our_board_item_get_text (item));
  g_string_append_printf (out, "%d|%d|%.3f|%.3f|%.3f|%.3f|%.3f|",
                          our_board_item_get_text_author (item), our_board_item_get_colour (item),
                          x, y, w, h, our_board_item_get_rotation (item));
  return g_string_free (out, FALSE);
}

static char *
ids_fact (GListModel   *list,
          const char *(*get_id) (gpointer item))
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);

      g_string_append_printf (out, "%s,", get_id (item));
    }
  return g_string_free (out, FALSE);
}

char *
crash_items_fact (OurPlan *plan)
{
  return ids_fact (our_plan_get_board_items (plan), (const char *(*) (gpointer)) our_board_item_get_id);
}

char *
crash_well_fact (OurPlan      *plan,
                 OurWellField  field)
{
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, "%d|", our_plan_get_well_author (plan, field));
  append_escaped (out, our_plan_get_well_text (plan, field));
  return g_string_free (out, FALSE);
}

char *
crash_note_fact (OurSafetyNote *note)
{
  GString *out = g_string_new (NULL);

  append_escaped (out, our_safety_note_get_text (note));
  g_string_append_printf (out, "%d|%d|%d|%s|", our_safety_note_get_kind (note),
                          our_safety_note_get_team_only (note),
                          our_safety_note_get_talked_together (note),
                          our_safety_note_get_talked_on (note));
  return g_string_free (out, FALSE);
}

char *
crash_notes_fact (OurPlan *plan)
{
  return ids_fact (our_plan_get_safety_notes (plan), (const char *(*) (gpointer)) our_safety_note_get_id);
}

GHashTable *
crash_plan_facts (OurPlan *plan)
{
  GHashTable *facts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint f = 0; f < OUR_N_ME_FIELDS; f++)
    g_hash_table_insert (facts, g_strconcat ("me:", our_me_field_get_key (f), NULL),
                         crash_me_fact (plan, f));
  for (guint i = 0; i < our_plan_get_n_goals (plan); i++)
    {
      OurGoal *goal = our_plan_get_goal (plan, i);

      g_hash_table_insert (facts, g_strconcat ("goal:", our_goal_get_id (goal), NULL),
                           crash_goal_fact (goal));
    }
  g_hash_table_insert (facts, g_strdup ("order"), crash_order_fact (plan));
  for (guint i = 0; i < our_plan_get_n_members (plan); i++)
    {
      OurMember *member = our_plan_get_member (plan, i);

      g_hash_table_insert (facts, g_strconcat ("member:", our_member_get_id (member), NULL),
                           crash_member_fact (member));
    }
  g_hash_table_insert (facts, g_strdup ("members"), crash_members_fact (plan));
  for (guint i = 0; i < our_plan_get_n_board_items (plan); i++)
    {
      g_autoptr(OurBoardItem) item = g_list_model_get_item (our_plan_get_board_items (plan), i);

      g_hash_table_insert (facts, g_strconcat ("item:", our_board_item_get_id (item), NULL),
                           crash_item_fact (item));
    }
  g_hash_table_insert (facts, g_strdup ("items"), crash_items_fact (plan));
  for (guint f = 0; f < OUR_N_WELL_FIELDS; f++)
    g_hash_table_insert (facts, g_strconcat ("well:", our_well_field_get_key (f), NULL),
                         crash_well_fact (plan, f));
  for (guint i = 0; i < g_list_model_get_n_items (our_plan_get_board_zones (plan)); i++)
    {
      g_autoptr(OurBoardZone) zone = g_list_model_get_item (our_plan_get_board_zones (plan), i);

      g_hash_table_insert (facts, g_strconcat ("zone:", our_board_zone_get_id (zone), NULL),
                           crash_zone_fact (zone));
    }
  g_hash_table_insert (facts, g_strdup ("zones"), crash_zones_fact (plan));
  for (guint i = 0; i < g_list_model_get_n_items (our_plan_get_crisis_contacts (plan)); i++)
    {
      g_autoptr(OurCrisisContact) contact =
        g_list_model_get_item (our_plan_get_crisis_contacts (plan), i);

      g_hash_table_insert (facts, g_strconcat ("contact:", our_crisis_contact_get_id (contact), NULL),
                           crash_contact_fact (contact));
    }
  g_hash_table_insert (facts, g_strdup ("contacts"), crash_contacts_fact (plan));
  g_hash_table_insert (facts, g_strdup ("consents"), crash_consents_fact (plan));
  for (guint i = 0; i < g_list_model_get_n_items (our_plan_get_safety_notes (plan)); i++)
    {
      g_autoptr(OurSafetyNote) note = g_list_model_get_item (our_plan_get_safety_notes (plan), i);

      g_hash_table_insert (facts, g_strconcat ("note:", our_safety_note_get_id (note), NULL),
                           crash_note_fact (note));
    }
  g_hash_table_insert (facts, g_strdup ("notes"), crash_notes_fact (plan));
  return facts;
}

char *
crash_zone_fact (OurBoardZone *zone)
{
  GString *out = g_string_new (NULL);
  double x, y, w, h;

  our_board_zone_get_box (zone, &x, &y, &w, &h);
  append_escaped (out, our_board_zone_get_name (zone));
  g_string_append_printf (out, "%d|%.3f|%.3f|%.3f|%.3f|", our_board_zone_get_name_author (zone),
                          x, y, w, h);
  return g_string_free (out, FALSE);
}

char *
crash_zones_fact (OurPlan *plan)
{
  return ids_fact (our_plan_get_board_zones (plan), (const char *(*) (gpointer)) our_board_zone_get_id);
}

char *
crash_contact_fact (OurCrisisContact *contact)
{
  GString *out = g_string_new (NULL);

  append_escaped (out, our_crisis_contact_get_name (contact));
  append_escaped (out, our_crisis_contact_get_phone (contact));
  append_escaped (out, our_crisis_contact_get_when (contact));
  append_escaped (out, our_crisis_contact_get_member_id (contact));
  g_string_append_printf (out, "%d|", our_crisis_contact_get_author (contact));
  return g_string_free (out, FALSE);
}

char *
crash_contacts_fact (OurPlan *plan)
{
  return ids_fact (our_plan_get_crisis_contacts (plan),
                   (const char *(*) (gpointer)) our_crisis_contact_get_id);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

char *
crash_consents_fact (OurPlan *plan)
{
  GPtrArray *consents = our_plan_get_consents (plan);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < consents->len; i++)
    {
      const OurConsent *consent = g_ptr_array_index (consents, i);

      g_ptr_array_add (lines, g_strdup_printf ("%s:%s:%s:%d", our_section_get_key (consent->section),
                                               consent->member_id, consent->since,
                                               consent->agreed_by));
    }
  g_ptr_array_sort (lines, compare_strings);
  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (out, "%s,", (char *) g_ptr_array_index (lines, i));
  return g_string_free (out, FALSE);
}
