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
  return facts;
}
