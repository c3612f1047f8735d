/* make-sample.c: turns the readable sample plan (a key file) into a .ourplan file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: ourplan-make-sample data/sample-plan.ini OUT.ourplan
 *
 * Run at build time, so the sample stays a file people can read and correct
 * (data/sample-plan.ini explains its format). Anything the model would quietly
 * clamp or drop — an unknown key, a bad date, a progress of 12 — is refused
 * here with the group and key named, so that a typo breaks the build instead
 * of the demo.
 */

#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "our-agreed-version.h"
#include "our-plan.h"
#include "our-picture-import.h"
#include "our-store.h"
#include "our-symbols.h"

#define SAMPLE_ERROR (sample_error_quark ())
static G_DEFINE_QUARK (ourplan-make-sample-error, sample_error)


/* Names the group and key, so that a typo in the sample is quick to find. */
static void
set_problem (GError     **error,
             const char  *group,
             const char  *key,
             const char  *problem)
{
  if (key != NULL)
    g_set_error (error, SAMPLE_ERROR, 0, "[%s] %s: %s", group, key, problem);
  else
    g_set_error (error, SAMPLE_ERROR, 0, "[%s]: %s", group, problem);
}

static gboolean
parse_author (GKeyFile    *keyfile,
              const char  *group,
              OurAuthor   *author,
              GError     **error)
{
  g_autofree char *value = g_key_file_get_string (keyfile, group, "written-by", NULL);

  if (value == NULL || g_str_equal (value, "person"))
    *author = OUR_AUTHOR_PERSON;
  else if (g_str_equal (value, "coordinator"))
    *author = OUR_AUTHOR_COORDINATOR;
  else
    {
      set_problem (error, group, "written-by", "must be “person” or “coordinator”");
      return FALSE;
    }
  return TRUE;
}

/* Every key of a group must be one of @allowed: a misspelt key would
 * otherwise vanish from the sample without a word. */
static gboolean
check_keys (GKeyFile           *keyfile,
            const char         *group,
            const char * const *allowed,
            GError            **error)
{
  g_auto(GStrv) keys = g_key_file_get_keys (keyfile, group, NULL, NULL);

  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    if (!g_strv_contains (allowed, keys[i]))
      {
        set_problem (error, group, keys[i], "unknown key");
        return FALSE;
      }
  return TRUE;
}

static gboolean
load_me (GKeyFile  *keyfile,
         OurPlan   *plan,
         GError   **error)
{
  g_auto(GStrv) keys = NULL;
  g_auto(GStrv) by_coordinator = NULL;

  if (!g_key_file_has_group (keyfile, "me"))
    {
      set_problem (error, "me", NULL, "the group is missing");
      return FALSE;
    }

  by_coordinator = g_key_file_get_string_list (keyfile, "me", "written-by-coordinator",
                                               NULL, NULL);
  for (guint i = 0; by_coordinator != NULL && by_coordinator[i] != NULL; i++)
    {
      OurMeField field;

      if (!our_me_field_from_key (by_coordinator[i], &field))
        {
          set_problem (error, "me", "written-by-coordinator",
                       "names a field that does not exist");
          return FALSE;
        }
    }

  keys = g_key_file_get_keys (keyfile, "me", NULL, NULL);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      OurMeField field;
      OurAuthor author = OUR_AUTHOR_PERSON;
      g_autofree char *text = NULL;

      if (g_str_equal (keys[i], "written-by-coordinator"))
        continue;
      if (!our_me_field_from_key (keys[i], &field))
        {
          set_problem (error, "me", keys[i], "unknown key");
          return FALSE;
        }

      text = g_key_file_get_string (keyfile, "me", keys[i], error);
      if (text == NULL)
        return FALSE;
      if (our_me_field_is_date (field) && !our_iso_date_is_valid (text))
        {
          set_problem (error, "me", keys[i], "not a date written as YYYY-MM-DD");
          return FALSE;
        }

      if (by_coordinator != NULL &&
          g_strv_contains ((const char * const *) by_coordinator, keys[i]))
        author = OUR_AUTHOR_COORDINATOR;
      our_plan_set_me_text (plan, field, text, author);
    }
  return TRUE;
}

static OurGoal *
load_goal (GKeyFile    *keyfile,
           const char  *group,
           GError     **error)
{
  static const char * const allowed[] = {
    "title", "why", "life-area", "symbol", "progress", "status", "written-by", NULL,
  };
  g_autoptr(OurGoal) goal = NULL;
  g_autofree char *title = NULL;
  g_autofree char *why = NULL;
  g_autofree char *area_key = NULL;
  g_autofree char *symbol = NULL;
  g_autofree char *status_key = NULL;
  OurAuthor author;
  OurLifeArea area = OUR_LIFE_AREA_NONE;
  OurGoalStatus status = OUR_GOAL_STATUS_ACTIVE;
  int progress = 0;

  if (!check_keys (keyfile, group, allowed, error) ||
      !parse_author (keyfile, group, &author, error))
    return NULL;

  title = g_key_file_get_string (keyfile, group, "title", NULL);
  if (title == NULL || *g_strstrip (title) == '\0')
    {
      set_problem (error, group, "title", "every goal needs a title");
      return NULL;
    }
  why = g_key_file_get_string (keyfile, group, "why", NULL);

  area_key = g_key_file_get_string (keyfile, group, "life-area", NULL);
  if (area_key != NULL && !our_life_area_from_key (area_key, &area))
    {
      set_problem (error, group, "life-area", "not one of the eight life areas or “none”");
      return NULL;
    }

  symbol = g_key_file_get_string (keyfile, group, "symbol", NULL);
  if (symbol != NULL && *symbol != '\0' && !our_symbols_has (symbol))
    {
      set_problem (error, group, "symbol", "not a symbol in icons/symbols/");
      return NULL;
    }

  if (g_key_file_has_key (keyfile, group, "progress", NULL))
    {
      g_autoptr(GError) local_error = NULL;

      progress = g_key_file_get_integer (keyfile, group, "progress", &local_error);
      if (local_error != NULL || progress < 0 || progress > OUR_PROGRESS_MAX)
        {
          set_problem (error, group, "progress", "must be a whole number from 0 to 10");
          return NULL;
        }
    }

  status_key = g_key_file_get_string (keyfile, group, "status", NULL);
  if (status_key != NULL && !our_goal_status_from_key (status_key, &status))
    {
      set_problem (error, group, "status", "must be “active”, “paused” or “done”");
      return NULL;
    }

  goal = our_goal_new (NULL);
  our_goal_set_text (goal, OUR_GOAL_TEXT_TITLE, title, author);
  our_goal_set_text (goal, OUR_GOAL_TEXT_WHY, why != NULL ? why : "", author);
  our_goal_set_life_area (goal, area);
  our_goal_set_symbol (goal, symbol != NULL ? symbol : "");
  our_goal_set_progress (goal, (guint) progress);
  our_goal_set_status (goal, status);

  return g_steal_pointer (&goal);
}

static gboolean
parse_choice (GKeyFile           *keyfile,
              const char         *group,
              const char         *key,
              const char * const *choices,
              int                 fallback,
              int                *value,
              GError            **error)
{
  g_autofree char *text = g_key_file_get_string (keyfile, group, key, NULL);

  *value = fallback;
  if (text == NULL)
    return TRUE;
  for (int i = 0; choices[i] != NULL; i++)
    if (g_str_equal (g_strstrip (text), choices[i]))
      {
        *value = i;
        return TRUE;
      }
  set_problem (error, group, key, "not one of the words this key takes");
  return FALSE;
}

/* [member N]: someone or something in My people. */
static OurMember *
load_member (GKeyFile    *keyfile,
             const char  *group,
             GError     **error)
{
  static const char * const allowed[] = {
    "name", "relationship", "notes", "kind", "ring", "angle", "helps", "contact",
    "wished-for", "carer", "symbol", "written-by", NULL
  };
  static const char * const kinds[] = {
    "person", "pet", "group", "place", "activity", "service", "online", NULL
  };
  static const char * const rings[] = { "closest", "close", "further", NULL };
  static const char * const contacts[] = { "unknown", "daily", "weekly", "monthly", "rarely", NULL };
  static const char * const helps[] = { "practical", "emotional", "social", "crisis", NULL };
  g_autoptr(OurMember) member = our_member_new (NULL);
  g_autofree char *name = NULL;
  g_auto(GStrv) help_list = NULL;
  OurAuthor author;
  int kind, ring, contact;
  guint help_bits = 0;

  if (!check_keys (keyfile, group, allowed, error) ||
      !parse_author (keyfile, group, &author, error) ||
      !parse_choice (keyfile, group, "kind", kinds, OUR_MEMBER_KIND_PERSON, &kind, error) ||
      !parse_choice (keyfile, group, "ring", rings, OUR_RING_CLOSE, &ring, error) ||
      !parse_choice (keyfile, group, "contact", contacts, OUR_CONTACT_UNKNOWN, &contact, error))
    return NULL;

  name = g_key_file_get_string (keyfile, group, "name", NULL);
  if (name == NULL || *g_strstrip (name) == '\0')
    {
      set_problem (error, group, "name", "every member needs a name");
      return NULL;
    }
  our_member_set_text (member, OUR_MEMBER_TEXT_NAME, name, author);
  for (OurMemberText f = OUR_MEMBER_TEXT_RELATIONSHIP; f <= OUR_MEMBER_TEXT_NOTES; f++)
    {
      g_autofree char *text = g_key_file_get_string (keyfile, group,
                                                     f == OUR_MEMBER_TEXT_NOTES ? "notes"
                                                                                : "relationship",
                                                     NULL);
      our_member_set_text (member, f, text, author);
    }
  help_list = g_key_file_get_string_list (keyfile, group, "helps", NULL, NULL);
  for (guint i = 0; help_list != NULL && help_list[i] != NULL; i++)
    {
      guint j;

      for (j = 0; helps[j] != NULL && !g_str_equal (g_strstrip (help_list[i]), helps[j]); j++)
        ;
      if (helps[j] == NULL)
        {
          set_problem (error, group, "helps", "use practical, emotional, social or crisis");
          return NULL;
        }
      help_bits |= 1u << j;
    }
  our_member_set_kind (member, kind);
  our_member_set_place (member, ring, g_key_file_get_double (keyfile, group, "angle", NULL));
  our_member_set_helps (member, help_bits);
  our_member_set_contact (member, contact);
  our_member_set_wished_for (member, g_key_file_get_boolean (keyfile, group, "wished-for", NULL));
  our_member_set_is_carer (member, g_key_file_get_boolean (keyfile, group, "carer", NULL));
  {
    g_autofree char *symbol = g_key_file_get_string (keyfile, group, "symbol", NULL);

    if (symbol != NULL && !our_symbols_has (g_strstrip (symbol)))
      {
        set_problem (error, group, "symbol", "not a symbol of the library in icons/symbols/");
        return NULL;
      }
    our_member_set_symbol (member, symbol);
  }
  return g_steal_pointer (&member);
}

static OurStep *
load_step (GKeyFile    *keyfile,
           const char  *group,
           GHashTable  *members,
           GError     **error)
{
  static const char * const allowed[] = { "what", "who", "helper", "by-when", "written-by", NULL };
  g_autofree char *helper = NULL;
  g_autoptr(OurStep) step = NULL;
  g_autofree char *what = NULL;
  g_autofree char *who = NULL;
  g_autofree char *by_when = NULL;
  OurAuthor author;

  if (!check_keys (keyfile, group, allowed, error) ||
      !parse_author (keyfile, group, &author, error))
    return NULL;

  what = g_key_file_get_string (keyfile, group, "what", NULL);
  if (what == NULL || *g_strstrip (what) == '\0')
    {
      set_problem (error, group, "what", "every step needs a “what”");
      return NULL;
    }
  who = g_key_file_get_string (keyfile, group, "who", NULL);
  by_when = g_key_file_get_string (keyfile, group, "by-when", NULL);
  if (by_when != NULL && *by_when != '\0' && !our_iso_date_is_valid (by_when))
    {
      set_problem (error, group, "by-when", "not a date written as YYYY-MM-DD");
      return NULL;
    }

  step = our_step_new (NULL);
  our_step_set_text (step, OUR_STEP_TEXT_WHAT, what, author);
  our_step_set_text (step, OUR_STEP_TEXT_WHO, who != NULL ? who : "", author);
  our_step_set_text (step, OUR_STEP_TEXT_BY_WHEN, by_when != NULL ? by_when : "", author);

  helper = g_key_file_get_string (keyfile, group, "helper", NULL);
  if (helper != NULL)
    {
      OurMember *member = g_hash_table_lookup (members, g_strstrip (helper));

      if (member == NULL)
        {
          set_problem (error, group, "helper", "no [member …] group of that name comes before it");
          return NULL;
        }
      our_step_set_helper_id (step, our_member_get_id (member));
    }

  return g_steal_pointer (&step);
}

/* [staying-well]: the person's own staying-well texts. */
static gboolean
load_staying_well (GKeyFile  *keyfile,
                   OurPlan   *plan,
                   GError   **error)
{
  static const char * const allowed[] = {
    "early-signs", "what-helps", "others-do", "written-by", NULL,
  };
  static const char * const keys[OUR_N_WELL_FIELDS] = { "early-signs", "what-helps", "others-do" };
  OurAuthor author;

  if (!g_key_file_has_group (keyfile, "staying-well"))
    return TRUE;
  if (!check_keys (keyfile, "staying-well", allowed, error)
      || !parse_author (keyfile, "staying-well", &author, error))
    return FALSE;
  for (guint f = 0; f < OUR_N_WELL_FIELDS; f++)
    {
      g_autofree char *text = g_key_file_get_string (keyfile, "staying-well", keys[f], NULL);

      if (text != NULL)
        our_plan_set_well_text (plan, f, text, author);
    }
  return TRUE;
}

/* [contact N]: who to call in a crisis, a [member N] group or a name. */
static gboolean
load_contact (GKeyFile    *keyfile,
              const char  *group,
              OurPlan     *plan,
              GHashTable  *members,
              GError     **error)
{
  static const char * const allowed[] = { "member", "name", "phone", "when", "written-by", NULL };
  g_autoptr(OurCrisisContact) contact = our_crisis_contact_new (NULL);
  g_autofree char *member = g_key_file_get_string (keyfile, group, "member", NULL);
  g_autofree char *name = g_key_file_get_string (keyfile, group, "name", NULL);
  g_autofree char *phone = g_key_file_get_string (keyfile, group, "phone", NULL);
  g_autofree char *when = g_key_file_get_string (keyfile, group, "when", NULL);
  OurAuthor author;

  if (!check_keys (keyfile, group, allowed, error) || !parse_author (keyfile, group, &author, error))
    return FALSE;
  if (member != NULL)
    {
      OurMember *found = g_hash_table_lookup (members, g_strstrip (member));

      if (found == NULL)
        {
          set_problem (error, group, "member", "no [member …] group of that name comes before it");
          return FALSE;
        }
      our_crisis_contact_set_member_id (contact, our_member_get_id (found));
    }
  else if (name == NULL || *name == '\0')
    {
      set_problem (error, group, NULL, "needs a member or a name");
      return FALSE;
    }
  our_crisis_contact_set_name (contact, name);
  our_crisis_contact_set_phone (contact, phone);
  our_crisis_contact_set_when (contact, when);
  our_crisis_contact_set_author (contact, author);
  our_plan_insert_crisis_contact (plan, G_MAXUINT, contact);
  return TRUE;
}

static gboolean
parse_date (GKeyFile    *keyfile,
            const char  *group,
            const char  *key,
            char       **date,
            GError     **error)
{
  *date = g_key_file_get_string (keyfile, group, key, NULL);
  if (*date != NULL && !our_iso_date_is_valid (*date))
    {
      set_problem (error, group, key, "not a date like 2026-11-21");
      return FALSE;
    }
  return TRUE;
}

/* [safety N]: one of the team's safety notes. */
static gboolean
load_safety_note (GKeyFile    *keyfile,
                  const char  *group,
                  OurPlan     *plan,
                  GError     **error)
{
  static const char * const allowed[] = {
    "kind", "text", "talked-on", "team-only", "written-on", "written-by", NULL,
  };
  static const char * const kinds[] = { "concern", "agreed-action", "positive-risk", NULL };
  g_autofree char *text = g_key_file_get_string (keyfile, group, "text", NULL);
  g_autofree char *talked_on = NULL;
  g_autofree char *written_on = NULL;
  g_autoptr(OurSafetyNote) note = NULL;
  OurAuthor author;
  int kind;

  if (!check_keys (keyfile, group, allowed, error)
      || !parse_author (keyfile, group, &author, error)
      || !parse_choice (keyfile, group, "kind", kinds, 0, &kind, error)
      || !parse_date (keyfile, group, "talked-on", &talked_on, error)
      || !parse_date (keyfile, group, "written-on", &written_on, error))
    return FALSE;
  if (text == NULL || *text == '\0')
    {
      set_problem (error, group, "text", "every safety note needs words");
      return FALSE;
    }
  note = our_safety_note_new (NULL, kind);
  our_safety_note_set_text (note, text, author);
  our_safety_note_set_talked (note, talked_on != NULL, talked_on);
  our_safety_note_set_team_only (note, g_key_file_get_boolean (keyfile, group, "team-only", NULL));
  our_safety_note_set_written_on (note, written_on);
  our_plan_insert_safety_note (plan, G_MAXUINT, note);
  return TRUE;
}

/* [meeting N]: a meeting about the plan; who came and who could not are
 * names separated by ";". */
static gboolean
load_meeting (GKeyFile    *keyfile,
              const char  *group,
              OurPlan     *plan,
              GError     **error)
{
  static const char * const allowed[] = {
    "held-on", "came", "could-not-come", "talked-about", "written-by", NULL,
  };
  static const char * const keys[OUR_N_MEETING_TEXTS] = {
    [OUR_MEETING_TEXT_CAME] = "came",
    [OUR_MEETING_TEXT_COULD_NOT_COME] = "could-not-come",
    [OUR_MEETING_TEXT_TALKED_ABOUT] = "talked-about",
  };
  g_autofree char *held_on = NULL;
  g_autoptr(OurMeeting) meeting = NULL;
  OurAuthor author;

  if (!check_keys (keyfile, group, allowed, error)
      || !parse_author (keyfile, group, &author, error)
      || !parse_date (keyfile, group, "held-on", &held_on, error))
    return FALSE;
  if (held_on == NULL)
    {
      set_problem (error, group, "held-on", "every meeting needs its date");
      return FALSE;
    }
  meeting = our_meeting_new (NULL, held_on);
  for (guint f = 0; f < OUR_N_MEETING_TEXTS; f++)
    {
      g_autofree char *text = NULL;

      if (f == OUR_MEETING_TEXT_TALKED_ABOUT)
        text = g_key_file_get_string (keyfile, group, keys[f], NULL);
      else
        {
          g_auto(GStrv) names = g_key_file_get_string_list (keyfile, group, keys[f], NULL, NULL);
          text = our_meeting_join_names ((const char * const *) names);
        }
      our_meeting_set_text (meeting, f, text, f == OUR_MEETING_TEXT_TALKED_ABOUT
                                              ? author : OUR_AUTHOR_COORDINATOR);
    }
  our_plan_insert_meeting (plan, G_MAXUINT, meeting);
  return TRUE;
}

/* [consent N]: the sections a carer ([member N] marked carer) may see. */
static gboolean
load_consent (GKeyFile    *keyfile,
              const char  *group,
              OurPlan     *plan,
              GHashTable  *members,
              GError     **error)
{
  static const char * const allowed[] = { "carer", "sections", "since", "written-by", NULL };
  g_autofree char *carer = g_key_file_get_string (keyfile, group, "carer", NULL);
  g_auto(GStrv) sections = g_key_file_get_string_list (keyfile, group, "sections", NULL, NULL);
  g_autofree char *since = NULL;
  OurMember *member;
  OurAuthor author;

  if (!check_keys (keyfile, group, allowed, error)
      || !parse_author (keyfile, group, &author, error)
      || !parse_date (keyfile, group, "since", &since, error))
    return FALSE;
  member = carer ? g_hash_table_lookup (members, g_strstrip (carer)) : NULL;
  if (member == NULL || !our_member_get_is_carer (member))
    {
      set_problem (error, group, "carer", "must name a [member …] group marked carer=true");
      return FALSE;
    }
  for (guint i = 0; sections != NULL && sections[i] != NULL; i++)
    {
      OurSection section;

      if (!our_section_from_key (g_strstrip (sections[i]), &section))
        {
          set_problem (error, group, "sections", "not a section (me, goals, people, board,"
                                                 " staying_well, safety_notes)");
          return FALSE;
        }
      our_plan_set_consent (plan, section, our_member_get_id (member),
                            since ? since : "2026-11-12", author);
    }
  return TRUE;
}

static gboolean
parse_box (GKeyFile    *keyfile,
           const char  *group,
           double       box[4],
           GError     **error)
{
  static const char * const keys[4] = { "x", "y", "width", "height" };

  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(GError) local_error = NULL;

      box[i] = g_key_file_get_double (keyfile, group, keys[i], &local_error);
      if (local_error != NULL)
        {
          set_problem (error, group, keys[i], "needs a number");
          return FALSE;
        }
    }
  return TRUE;
}

/* [zone N]: a named area of the board. */
static gboolean
load_zone (GKeyFile    *keyfile,
           const char  *group,
           OurPlan     *plan,
           GError     **error)
{
  static const char * const allowed[] = { "name", "x", "y", "width", "height", "written-by", NULL };
  g_autofree char *name = g_key_file_get_string (keyfile, group, "name", NULL);
  g_autoptr(OurBoardZone) zone = our_board_zone_new (NULL);
  double box[4];
  OurAuthor author;

  if (!check_keys (keyfile, group, allowed, error)
      || !parse_author (keyfile, group, &author, error)
      || !parse_box (keyfile, group, box, error))
    return FALSE;
  our_board_zone_set_name (zone, name, author);
  our_board_zone_set_box (zone, box[0], box[1], box[2], box[3]);
  our_plan_insert_board_zone (plan, G_MAXUINT, zone);
  return TRUE;
}

/* [note N] and [symbol N]: things on the board, bottom to top. */
static gboolean
load_board_item (GKeyFile    *keyfile,
                 const char  *group,
                 OurPlan     *plan,
                 GError     **error)
{
  static const char * const allowed[] = {
    "text", "colour", "symbol", "x", "y", "width", "height", "rotation", "written-by", NULL,
  };
  static const char * const colours[] = {
    "yellow", "green", "blue", "pink", "orange", "purple", NULL,
  };
  gboolean is_note = g_str_has_prefix (group, "note ");
  g_autoptr(OurBoardItem) item = NULL;
  g_autofree char *text = g_key_file_get_string (keyfile, group, "text", NULL);
  g_autofree char *symbol = g_key_file_get_string (keyfile, group, "symbol", NULL);
  double box[4];
  OurAuthor author;
  int colour;

  if (!check_keys (keyfile, group, allowed, error)
      || !parse_author (keyfile, group, &author, error)
      || !parse_choice (keyfile, group, "colour", colours, 0, &colour, error)
      || !parse_box (keyfile, group, box, error))
    return FALSE;
  item = our_board_item_new (NULL, is_note ? OUR_BOARD_ITEM_NOTE : OUR_BOARD_ITEM_SYMBOL);
  if (is_note && (text == NULL || *text == '\0'))
    {
      set_problem (error, group, "text", "every note needs words");
      return FALSE;
    }
  if (!is_note && (symbol == NULL || !our_symbols_has (symbol)))
    {
      set_problem (error, group, "symbol", "not a symbol of the library in icons/symbols/");
      return FALSE;
    }
  our_board_item_set_text (item, text, author);
  our_board_item_set_symbol (item, symbol);
  our_board_item_set_colour (item, colour);
  our_board_item_set_box (item, box[0], box[1], box[2], box[3]);
  our_board_item_set_rotation (item, g_key_file_get_double (keyfile, group, "rotation", NULL));
  our_board_item_set_added_by (item, author);
  our_plan_insert_board_item (plan, G_MAXUINT, item);
  return TRUE;
}

/* [picture N]: a picture on the board, from a file next to the sample,
 * imported the way the app imports one (downscaled, metadata dropped). */
static gboolean
load_picture (GKeyFile    *keyfile,
              const char  *group,
              const char  *sample_dir,
              OurPlan     *plan,
              GError     **error)
{
  static const char * const allowed[] = {
    "file", "x", "y", "width", "height", "rotation", "written-by", NULL,
  };
  g_autofree char *file = g_key_file_get_string (keyfile, group, "file", NULL);
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(OurPicture) picture = NULL;
  g_autoptr(OurBoardItem) item = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length;
  double box[4];
  OurAuthor author;

  if (!check_keys (keyfile, group, allowed, error)
      || !parse_author (keyfile, group, &author, error)
      || !parse_box (keyfile, group, box, error))
    return FALSE;
  if (file == NULL)
    {
      set_problem (error, group, "file", "every picture needs a file");
      return FALSE;
    }
  path = g_build_filename (sample_dir, file, NULL);
  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      set_problem (error, group, "file", local_error->message);
      return FALSE;
    }
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  picture = our_picture_import_bytes (bytes, NULL, &local_error);
  if (picture == NULL)
    {
      set_problem (error, group, "file", local_error->message);
      return FALSE;
    }
  our_plan_add_picture (plan, picture);
  item = our_board_item_new (NULL, OUR_BOARD_ITEM_PICTURE);
  our_board_item_set_picture_id (item, our_picture_get_id (picture));
  our_board_item_set_box (item, box[0], box[1], box[2], box[3]);
  our_board_item_set_rotation (item, g_key_file_get_double (keyfile, group, "rotation", NULL));
  our_board_item_set_added_by (item, author);
  our_plan_insert_board_item (plan, G_MAXUINT, item);
  return TRUE;
}

/* The groups of the later tabs; FALSE with @error set on a problem, and
 * *@handled FALSE for a group that is none of them. */
static gboolean
load_later_group (GKeyFile    *keyfile,
                  const char  *group,
                  const char  *sample_dir,
                  OurPlan     *plan,
                  GHashTable  *members,
                  gboolean    *handled,
                  GError     **error)
{
  *handled = TRUE;
  if (g_str_equal (group, "staying-well"))
    return TRUE; /* read once, by load_staying_well() */
  if (g_str_has_prefix (group, "contact "))
    return load_contact (keyfile, group, plan, members, error);
  if (g_str_has_prefix (group, "safety "))
    return load_safety_note (keyfile, group, plan, error);
  if (g_str_has_prefix (group, "consent "))
    return load_consent (keyfile, group, plan, members, error);
  if (g_str_has_prefix (group, "meeting "))
    return load_meeting (keyfile, group, plan, error);
  if (g_str_has_prefix (group, "zone "))
    return load_zone (keyfile, group, plan, error);
  if (g_str_has_prefix (group, "note ") || g_str_has_prefix (group, "symbol "))
    return load_board_item (keyfile, group, plan, error);
  if (g_str_has_prefix (group, "picture "))
    return load_picture (keyfile, group, sample_dir, plan, error);
  *handled = FALSE;
  return TRUE;
}

/* "goal 1:4" → the group "goal 1" and the value "4"; FALSE with @error set
 * when either is missing or the group is not in @groups. */
static gboolean
split_group_value (const char  *entry,
                   const char  *group,
                   const char  *key,
                   GHashTable  *groups,
                   gpointer    *item,
                   char       **value,
                   GError     **error)
{
  const char *colon = strchr (entry, ':');
  g_autofree char *name = colon != NULL ? g_strndup (entry, colon - entry) : g_strdup (entry);

  *item = g_hash_table_lookup (groups, g_strstrip (name));
  if (*item == NULL || (value != NULL && colon == NULL))
    {
      set_problem (error, group, key, "each entry is “goal N:value” or “member N:value” of a group above");
      return FALSE;
    }
  if (value != NULL)
    *value = g_strstrip (g_strdup (colon + 1));
  return TRUE;
}

static void
add_all (GHashTable *to,
         GHashTable *from)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, from);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (to, key, value);
}

/* The plan as it was then: @now changed back by the then-… keys of @group. */
static OurPlan *
make_then (GKeyFile    *keyfile,
           const char  *group,
           OurPlan     *now,
           GHashTable  *goals,
           GHashTable  *members,
           GError     **error)
{
  static const char * const rings[] = { "closest", "close", "further", NULL };
  g_autoptr(GHashTable) items = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *ids = NULL;
  g_autoptr(GBytes) snapshot = our_agreed_version_encode (now, &ids, error);
  g_autoptr(OurAgreement) copy = NULL;
  g_autoptr(OurPlan) then = NULL;
  g_auto(GStrv) without = g_key_file_get_string_list (keyfile, group, "then-without", NULL, NULL);
  g_auto(GStrv) progress = g_key_file_get_string_list (keyfile, group, "then-progress", NULL, NULL);
  g_auto(GStrv) ring = g_key_file_get_string_list (keyfile, group, "then-ring", NULL, NULL);
  g_autofree char *review = g_key_file_get_string (keyfile, group, "review-on", NULL);

  if (snapshot == NULL)
    return NULL;
  copy = our_agreement_new (NULL, NULL, NULL, FALSE, NULL, snapshot, ids);
  then = our_agreed_version_decode (copy, now, error);
  if (then == NULL)
    return NULL;
  add_all (items, goals);
  add_all (items, members);

  for (guint i = 0; without != NULL && without[i] != NULL; i++)
    {
      gpointer item;
      guint position;

      if (!split_group_value (without[i], group, "then-without", items, &item, NULL, error))
        return NULL;
      if (OUR_IS_GOAL (item) && our_plan_find_goal (then, our_goal_get_id (item), &position))
        our_plan_remove_goal (then, position);
      else if (OUR_IS_MEMBER (item) && our_plan_find_member (then, our_member_get_id (item), &position))
        our_plan_remove_member (then, position);
    }
  for (guint i = 0; progress != NULL && progress[i] != NULL; i++)
    {
      gpointer item;
      g_autofree char *value = NULL;
      OurGoal *goal;

      if (!split_group_value (progress[i], group, "then-progress", goals, &item, &value, error))
        return NULL;
      goal = our_plan_find_goal (then, our_goal_get_id (item), NULL);
      if (goal != NULL)
        our_goal_set_progress (goal, (int) g_ascii_strtoll (value, NULL, 10));
    }
  for (guint i = 0; ring != NULL && ring[i] != NULL; i++)
    {
      gpointer item;
      g_autofree char *value = NULL;
      OurMember *member;

      if (!split_group_value (ring[i], group, "then-ring", members, &item, &value, error))
        return NULL;
      member = our_plan_find_member (then, our_member_get_id (item), NULL);
      for (guint r = 0; member != NULL && rings[r] != NULL; r++)
        if (g_str_equal (value, rings[r]))
          our_member_set_place (member, r, our_member_get_angle (member));
    }
  our_plan_set_me_text (then, OUR_ME_FIELD_REVIEW_DATE, review, OUR_AUTHOR_COORDINATOR);
  return g_steal_pointer (&then);
}

/* [agreement N]: a version agreed in the past. The plan as it was then is
 * the plan of the sample changed back by then-without (goals and members
 * not there yet), then-progress ("goal N:progress") and then-ring
 * ("member N:ring"). not-agreed-about and not-agreed: a part ("plan",
 * "staying-well" or "goal N") and what the person did not agree with. */
static gboolean
load_agreement (GKeyFile    *keyfile,
                const char  *group,
                OurPlan     *plan,
                GHashTable  *goals,
                GHashTable  *members,
                GError     **error)
{
  static const char * const allowed[] = {
    "agreed-on", "agreed-by", "with-person", "review-on", "then-without", "then-progress",
    "then-ring", "not-agreed-about", "not-agreed", NULL,
  };
  g_autofree char *agreed_on = NULL;
  g_autofree char *review_on = NULL;
  g_auto(GStrv) names = g_key_file_get_string_list (keyfile, group, "agreed-by", NULL, NULL);
  g_autofree char *agreed_by = NULL;
  g_autofree char *about = g_key_file_get_string (keyfile, group, "not-agreed-about", NULL);
  g_autofree char *not_agreed = g_key_file_get_string (keyfile, group, "not-agreed", NULL);
  g_autofree char *ids = NULL;
  g_autoptr(OurPlan) then = NULL;
  g_autoptr(GBytes) snapshot = NULL;
  g_autoptr(OurAgreement) agreement = NULL;

  if (!check_keys (keyfile, group, allowed, error)
      || !parse_date (keyfile, group, "agreed-on", &agreed_on, error)
      || !parse_date (keyfile, group, "review-on", &review_on, error))
    return FALSE;
  if (agreed_on == NULL || review_on == NULL)
    {
      set_problem (error, group, NULL, "every agreement needs agreed-on and review-on");
      return FALSE;
    }
  then = make_then (keyfile, group, plan, goals, members, error);
  if (then == NULL || (snapshot = our_agreed_version_encode (then, &ids, error)) == NULL)
    return FALSE;
  agreed_by = our_meeting_join_names ((const char * const *) names);
  agreement = our_agreement_new (NULL, agreed_on, agreed_by,
                                 g_key_file_get_boolean (keyfile, group, "with-person", NULL),
                                 review_on, snapshot, ids);
  if (not_agreed != NULL)
    {
      g_autoptr(OurDisagreement) disagreement = NULL;
      OurGoal *goal = about != NULL ? g_hash_table_lookup (goals, about) : NULL;

      if (goal != NULL)
        disagreement = our_disagreement_new (NULL, OUR_PART_GOAL, our_goal_get_id (goal),
                                             our_goal_get_text (goal, OUR_GOAL_TEXT_TITLE),
                                             not_agreed, OUR_AUTHOR_PERSON);
      else if (g_strcmp0 (about, "staying-well") == 0)
        disagreement = our_disagreement_new (NULL, OUR_PART_STAYING_WELL, NULL, NULL, not_agreed,
                                             OUR_AUTHOR_PERSON);
      else if (about == NULL || g_str_equal (about, "plan"))
        disagreement = our_disagreement_new (NULL, OUR_PART_PLAN, NULL, NULL, not_agreed,
                                             OUR_AUTHOR_PERSON);
      else
        {
          set_problem (error, group, "not-agreed-about", "“plan”, “staying-well” or “goal N”");
          return FALSE;
        }
      our_agreement_insert_disagreement (agreement, 0, disagreement);
    }
  our_plan_insert_agreement (plan, G_MAXUINT, agreement);
  return TRUE;
}

/* Reads the key file at @path into a new plan. Goals and steps keep the order
 * of their groups in the file. */
static OurPlan *
load_sample (const char  *path,
             GError     **error)
{
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autoptr(OurPlan) plan = NULL;
  g_autoptr(GHashTable) goals = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                       g_free, g_object_unref);
  g_autoptr(GHashTable) members = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                         g_free, g_object_unref);
  g_auto(GStrv) groups = NULL;
  g_autofree char *sample_dir = g_path_get_dirname (path);

  if (!g_key_file_load_from_file (keyfile, path, G_KEY_FILE_NONE, error))
    return NULL;

  plan = our_plan_new ();
  if (!load_me (keyfile, plan, error) || !load_staying_well (keyfile, plan, error))
    return NULL;

  groups = g_key_file_get_groups (keyfile, NULL);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      const char *group = groups[i];
      const char *step_part;

      /* Agreed versions freeze the plan once everything else is read. */
      if (g_str_equal (group, "me") || g_str_has_prefix (group, "agreement "))
        continue;
      if (g_str_has_prefix (group, "member "))
        {
          OurMember *member = load_member (keyfile, group, error);

          if (member == NULL)
            return NULL;
          our_plan_insert_member (plan, our_plan_get_n_members (plan), member);
          g_hash_table_insert (members, g_strdup (group), member);
          continue;
        }
      {
        gboolean handled;

        if (!load_later_group (keyfile, group, sample_dir, plan, members, &handled, error))
          return NULL;
        if (handled)
          continue;
      }
      if (!g_str_has_prefix (group, "goal "))
        {
          set_problem (error, group, NULL,
                       "unknown group; expected [me], [member N], [goal N], [goal N step M],"
                       " [staying-well], [contact N], [safety N], [consent N], [meeting N], [zone N],"
                       " [note N], [symbol N], [picture N] or [agreement N]");
          return NULL;
        }

      step_part = strstr (group, " step ");
      if (step_part == NULL)
        {
          OurGoal *goal = load_goal (keyfile, group, error);

          if (goal == NULL)
            return NULL;
          our_plan_insert_goal (plan, our_plan_get_n_goals (plan), goal);
          g_hash_table_insert (goals, g_strdup (group), goal);
        }
      else
        {
          g_autofree char *goal_group = g_strndup (group, step_part - group);
          OurGoal *goal = g_hash_table_lookup (goals, goal_group);
          g_autoptr(OurStep) step = NULL;

          if (goal == NULL)
            {
              set_problem (error, group, NULL,
                           "the step comes before its goal, or the goal is missing");
              return NULL;
            }
          step = load_step (keyfile, group, members, error);
          if (step == NULL)
            return NULL;
          our_goal_insert_step (goal, our_goal_get_n_steps (goal), step);
        }
    }

  if (our_plan_get_n_goals (plan) == 0)
    {
      set_problem (error, "goal 1", NULL, "the sample has no goals");
      return NULL;
    }
  for (guint i = 0; groups[i] != NULL; i++)
    if (g_str_has_prefix (groups[i], "agreement ")
        && !load_agreement (keyfile, groups[i], plan, goals, members, error))
      return NULL;

  return g_steal_pointer (&plan);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OurPlan) plan = NULL;

  setlocale (LC_ALL, "");
  g_set_prgname ("ourplan-make-sample");

  if (argc != 3)
    {
      g_printerr ("Usage: %s SAMPLE.ini OUT.ourplan\n", g_get_prgname ());
      return EXIT_FAILURE;
    }

  plan = load_sample (argv[1], &error);
  if (plan == NULL)
    {
      g_printerr ("%s: %s: %s\n", g_get_prgname (), argv[1], error->message);
      return EXIT_FAILURE;
    }

  if (!our_store_write_plan (plan, argv[2], &error))
    {
      g_printerr ("%s: %s: %s\n", g_get_prgname (), argv[2], error->message);
      return EXIT_FAILURE;
    }

  return EXIT_SUCCESS;
}
