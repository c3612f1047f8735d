/* our-types.c: labels and stable keys for the plan's small vocabularies
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "our-types.h"
#include "our-limits.h"

static const char *life_area_keys[OUR_N_LIFE_AREAS] = {
  "none", "accommodation", "education", "finance", "medical",
  "parenting", "personal-care", "social", "work",
};

static const char *status_keys[OUR_N_GOAL_STATUSES] = {
  "active", "paused", "done",
};

static const char *me_field_keys[OUR_N_ME_FIELDS] = {
  "preferred-name", "what-matters", "good-day", "good-at", "what-helps",
  "what-does-not-help", "how-to-talk", "coordinator-name", "coordinator-contact",
  "made-on", "review-date",
};

const char *
our_author_get_label (OurAuthor author)
{
  return author == OUR_AUTHOR_PERSON ? _("In my words") : _("Written by the coordinator");
}

const char *
our_life_area_get_label (OurLifeArea area)
{
  switch (area)
    {
    case OUR_LIFE_AREA_NONE: return _("No life area");
    case OUR_LIFE_AREA_ACCOMMODATION: return _("Where I live");
    case OUR_LIFE_AREA_EDUCATION: return _("Learning and training");
    case OUR_LIFE_AREA_FINANCE: return _("Money");
    case OUR_LIFE_AREA_MEDICAL: return _("Health and treatment");
    case OUR_LIFE_AREA_PARENTING: return _("Parenting and caring for others");
    case OUR_LIFE_AREA_PERSONAL_CARE: return _("Looking after myself and my body");
    case OUR_LIFE_AREA_SOCIAL: return _("Friends, culture and faith");
    case OUR_LIFE_AREA_WORK: return _("Work and things to do");
    default: return _("No life area");
    }
}

const char *
our_life_area_get_key (OurLifeArea area)
{
  if ((guint) area >= OUR_N_LIFE_AREAS)
    area = OUR_LIFE_AREA_NONE;
  return life_area_keys[area];
}

static gboolean
find_key (const char  *key,
          const char **keys,
          guint        n_keys,
          guint       *index)
{
  if (key == NULL)
    return FALSE;
  for (guint i = 0; i < n_keys; i++)
    if (g_str_equal (key, keys[i]))
      {
        *index = i;
        return TRUE;
      }
  return FALSE;
}

gboolean
our_life_area_from_key (const char  *key,
                        OurLifeArea *area)
{
  guint index;

  if (!find_key (key, life_area_keys, OUR_N_LIFE_AREAS, &index))
    return FALSE;
  *area = index;
  return TRUE;
}

const char *
our_goal_status_get_label (OurGoalStatus status)
{
  switch (status)
    {
    case OUR_GOAL_STATUS_PAUSED: return _("On hold for now");
    case OUR_GOAL_STATUS_DONE: return _("Done");
    case OUR_GOAL_STATUS_ACTIVE:
    default: return _("Working on it");
    }
}

const char *
our_goal_status_get_key (OurGoalStatus status)
{
  if ((guint) status >= OUR_N_GOAL_STATUSES)
    status = OUR_GOAL_STATUS_ACTIVE;
  return status_keys[status];
}

gboolean
our_goal_status_from_key (const char    *key,
                          OurGoalStatus *status)
{
  guint index;

  if (!find_key (key, status_keys, OUR_N_GOAL_STATUSES, &index))
    return FALSE;
  *status = index;
  return TRUE;
}

const char *
our_me_field_get_key (OurMeField field)
{
  g_return_val_if_fail ((guint) field < OUR_N_ME_FIELDS, NULL);
  return me_field_keys[field];
}

const char *
our_me_field_get_label (OurMeField field)
{
  switch (field)
    {
    case OUR_ME_FIELD_PREFERRED_NAME: return _("The name I like to be called");
    case OUR_ME_FIELD_WHAT_MATTERS: return _("What matters to me");
    case OUR_ME_FIELD_GOOD_DAY: return _("A good day for me");
    case OUR_ME_FIELD_GOOD_AT: return _("What I’m good at");
    case OUR_ME_FIELD_WHAT_HELPS: return _("What helps me");
    case OUR_ME_FIELD_WHAT_DOES_NOT_HELP: return _("What doesn’t help");
    case OUR_ME_FIELD_HOW_TO_TALK: return _("How I like people to talk with me");
    case OUR_ME_FIELD_COORDINATOR_NAME: return _("My care coordinator");
    case OUR_ME_FIELD_COORDINATOR_CONTACT: return _("How to reach them");
    case OUR_ME_FIELD_MADE_ON: return _("Plan made on");
    case OUR_ME_FIELD_REVIEW_DATE: return _("We agreed to look at it again on");
    default: g_return_val_if_reached (NULL);
    }
}

gboolean
our_me_field_from_key (const char *key,
                       OurMeField *field)
{
  guint index;

  if (!find_key (key, me_field_keys, OUR_N_ME_FIELDS, &index))
    return FALSE;
  *field = index;
  return TRUE;
}

gboolean
our_me_field_is_date (OurMeField field)
{
  return field == OUR_ME_FIELD_MADE_ON || field == OUR_ME_FIELD_REVIEW_DATE;
}

/* TRUE for a real calendar date written as YYYY-MM-DD. */
gboolean
our_iso_date_is_valid (const char *text)
{
  guint year, month, day;
  char rest;

  if (text == NULL || strlen (text) != 10)
    return FALSE;
  if (sscanf (text, "%4u-%2u-%2u%c", &year, &month, &day, &rest) != 3)
    return FALSE;
  return g_date_valid_dmy (day, month, year);
}

char *
our_new_id (void)
{
  return g_uuid_string_random ();
}

gboolean
our_set_string (char       **target,
                const char  *value)
{
  if (g_strcmp0 (*target, value) == 0)
    return FALSE;
  g_free (*target);
  *target = g_strdup (value);
  return TRUE;
}

gsize
our_text_cut_length (const char *text,
                     gsize       max_chars)
{
  gsize bytes = strlen (text);

  /* A character is at least one byte: most text needs no counting. */
  if (bytes <= max_chars)
    return bytes;
  glong n_chars = g_utf8_strlen (text, -1);

  if ((gsize) n_chars <= max_chars)
    return bytes;
  return (gsize) (g_utf8_offset_to_pointer (text, (glong) max_chars) - text);
}

gboolean
our_set_text (char       **target,
              const char  *value)
{
  gsize keep = our_text_cut_length (value, OUR_MAX_TEXT_CHARS);
  g_autofree char *cut = NULL;

  if (value[keep] != '\0')
    value = cut = g_strndup (value, keep);
  return our_set_string (target, value);
}

static const char *member_kind_keys[OUR_N_MEMBER_KINDS] = {
  "person", "pet", "group", "place", "activity", "service", "online",
};

const char *
our_member_kind_get_key (OurMemberKind kind)
{
  if ((guint) kind >= OUR_N_MEMBER_KINDS)
    kind = OUR_MEMBER_KIND_PERSON;
  return member_kind_keys[kind];
}

const char *
our_member_kind_get_label (OurMemberKind kind)
{
  switch (kind)
    {
    case OUR_MEMBER_KIND_PET: return _("A pet");
    case OUR_MEMBER_KIND_GROUP: return _("A group");
    case OUR_MEMBER_KIND_PLACE: return _("A place");
    case OUR_MEMBER_KIND_ACTIVITY: return _("Something I do");
    case OUR_MEMBER_KIND_SERVICE: return _("A service");
    case OUR_MEMBER_KIND_ONLINE: return _("Online");
    case OUR_MEMBER_KIND_PERSON:
    default: return _("A person");
    }
}

const char *
our_ring_get_label (OurRing ring)
{
  switch (ring)
    {
    case OUR_RING_CLOSEST: return _("Closest to me");
    case OUR_RING_FURTHER: return _("Further out");
    case OUR_RING_CLOSE:
    default: return _("Close to me");
    }
}

const char *
our_helps_get_label (OurHelpsWith help)
{
  switch (help)
    {
    case OUR_HELPS_PRACTICAL: return _("practical");
    case OUR_HELPS_EMOTIONAL: return _("emotional");
    case OUR_HELPS_SOCIAL: return _("social");
    case OUR_HELPS_CRISIS: return _("in a crisis");
    default: g_return_val_if_reached ("");
    }
}

/* The bits in the order people name them: feelings first, crisis last. */
char *
our_helps_describe (guint helps)
{
  static const OurHelpsWith order[] = {
    OUR_HELPS_EMOTIONAL, OUR_HELPS_PRACTICAL, OUR_HELPS_SOCIAL, OUR_HELPS_CRISIS,
  };
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    if (helps & order[i])
      {
        if (text->len > 0)
          /* TRANSLATORS: between the things a member helps with */
          g_string_append (text, _(", "));
        g_string_append (text, our_helps_get_label (order[i]));
      }
  return g_string_free (text, FALSE);
}

const char *
our_contact_get_label (OurContact contact)
{
  switch (contact)
    {
    case OUR_CONTACT_DAILY: return _("Every day or so");
    case OUR_CONTACT_WEEKLY: return _("Every week or so");
    case OUR_CONTACT_MONTHLY: return _("Every month or so");
    case OUR_CONTACT_RARELY: return _("Now and then");
    case OUR_CONTACT_UNKNOWN:
    default: return _("Not said");
    }
}

const char *
our_board_item_kind_get_label (OurBoardItemKind kind)
{
  switch (kind)
    {
    case OUR_BOARD_ITEM_PICTURE: return _("Picture");
    case OUR_BOARD_ITEM_SYMBOL: return _("Symbol");
    case OUR_BOARD_ITEM_NOTE:
    default: return _("Note");
    }
}

const char *
our_note_colour_get_label (OurNoteColour colour)
{
  switch (colour)
    {
    case OUR_NOTE_COLOUR_GREEN: return _("Green");
    case OUR_NOTE_COLOUR_BLUE: return _("Blue");
    case OUR_NOTE_COLOUR_PINK: return _("Pink");
    case OUR_NOTE_COLOUR_ORANGE: return _("Orange");
    case OUR_NOTE_COLOUR_PURPLE: return _("Purple");
    case OUR_NOTE_COLOUR_YELLOW:
    default: return _("Yellow");
    }
}

static const char *well_field_keys[OUR_N_WELL_FIELDS] = {
  "early_signs", "what_helps", "others_do",
};

const char *
our_well_field_get_key (OurWellField field)
{
  g_return_val_if_fail ((guint) field < OUR_N_WELL_FIELDS, NULL);
  return well_field_keys[field];
}

gboolean
our_well_field_from_key (const char   *key,
                         OurWellField *field)
{
  guint index;

  if (!find_key (key, well_field_keys, OUR_N_WELL_FIELDS, &index))
    return FALSE;
  *field = index;
  return TRUE;
}

const char *
our_well_field_get_label (OurWellField field)
{
  switch (field)
    {
    case OUR_WELL_FIELD_WHAT_HELPS: return _("What helps me then");
    case OUR_WELL_FIELD_OTHERS_DO: return _("What I want others to do");
    case OUR_WELL_FIELD_EARLY_SIGNS:
    default: return _("Early signs that things are getting hard");
    }
}

const char *
our_safety_note_kind_get_label (OurSafetyNoteKind kind)
{
  switch (kind)
    {
    case OUR_SAFETY_NOTE_AGREED_ACTION: return _("What we agreed to do");
    case OUR_SAFETY_NOTE_POSITIVE_RISK: return _("A risk we agreed I will take, and why");
    case OUR_SAFETY_NOTE_CONCERN:
    default: return _("Something we are worried about");
    }
}

static const char *section_keys[OUR_N_SECTIONS] = {
  "me", "goals", "people", "board", "staying_well", "safety_notes",
};

const char *
our_section_get_key (OurSection section)
{
  g_return_val_if_fail ((guint) section < OUR_N_SECTIONS, NULL);
  return section_keys[section];
}

gboolean
our_section_from_key (const char *key,
                      OurSection *section)
{
  guint index;

  if (!find_key (key, section_keys, OUR_N_SECTIONS, &index))
    return FALSE;
  *section = index;
  return TRUE;
}

const char *
our_section_get_label (OurSection section)
{
  switch (section)
    {
    case OUR_SECTION_GOALS: return _("My goals");
    case OUR_SECTION_PEOPLE: return _("My people");
    case OUR_SECTION_BOARD: return _("Notes board");
    case OUR_SECTION_STAYING_WELL: return _("Staying well");
    case OUR_SECTION_SAFETY_NOTES: return _("Safety notes");
    case OUR_SECTION_ME:
    default: return _("Me");
    }
}

const char *
our_copy_kind_get_label (OurCopyKind kind)
{
  switch (kind)
    {
    case OUR_COPY_CARER: return _("Carer copy");
    case OUR_COPY_TEAM: return _("Team copy");
    case OUR_COPY_PERSON:
    default: return _("My copy");
    }
}

const char *
our_copy_medium_get_label (OurCopyMedium medium)
{
  switch (medium)
    {
    case OUR_COPY_PDF: return _("saved as a PDF");
    case OUR_COPY_PLAN_FILE: return _("saved as a plan file");
    case OUR_COPY_PRINTED:
    default: return _("printed");
    }
}

const char *
our_part_kind_get_label (OurPartKind kind)
{
  switch (kind)
    {
    case OUR_PART_GOAL: return _("A goal");
    case OUR_PART_MEMBER: return _("Someone in my people");
    case OUR_PART_BOARD_ITEM: return _("Something on the board");
    case OUR_PART_SAFETY_NOTE: return _("A safety note");
    case OUR_PART_STAYING_WELL: return _("The staying-well plan");
    case OUR_PART_PLAN:
    default: return _("The plan as a whole");
    }
}

char *
our_part_describe (OurPartKind  kind,
                   const char  *label)
{
  if (label == NULL || label[0] == '\0')
    return g_strdup (our_part_kind_get_label (kind));
  /* TRANSLATORS: a part of the plan and its name, e.g. A goal: “Swimming” */
  return g_strdup_printf (_("%s: “%s”"), our_part_kind_get_label (kind), label);
}

gboolean
our_set_double (double *target,
                double  value)
{
  if (*target == value)
    return FALSE;
  *target = value;
  return TRUE;
}
