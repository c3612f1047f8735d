/* our-types.h: the small vocabularies a plan is made of (who wrote, life areas, statuses)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Who wrote a piece of text: the person whose plan it is ("in my words") or the
 * coordinator. Kept with every text so that the person's voice stays visible. */
typedef enum
{
  OUR_AUTHOR_PERSON,
  OUR_AUTHOR_COORDINATOR,
} OurAuthor;

/* The eight areas of a Welsh Care and Treatment Plan, or none. The numbers are
 * stored in plan files: never renumber. */
typedef enum
{
  OUR_LIFE_AREA_NONE,
  OUR_LIFE_AREA_ACCOMMODATION,
  OUR_LIFE_AREA_EDUCATION,
  OUR_LIFE_AREA_FINANCE,
  OUR_LIFE_AREA_MEDICAL,
  OUR_LIFE_AREA_PARENTING,
  OUR_LIFE_AREA_PERSONAL_CARE,
  OUR_LIFE_AREA_SOCIAL,
  OUR_LIFE_AREA_WORK,
} OurLifeArea;

#define OUR_N_LIFE_AREAS (OUR_LIFE_AREA_WORK + 1)

/* Stored in plan files: never renumber. */
typedef enum
{
  OUR_GOAL_STATUS_ACTIVE,
  OUR_GOAL_STATUS_PAUSED,
  OUR_GOAL_STATUS_DONE,
} OurGoalStatus;

#define OUR_N_GOAL_STATUSES (OUR_GOAL_STATUS_DONE + 1)

/* The fields of the "Me" tab and the plan facts. Stored by key (see
 * our_me_field_get_key()), so the order may change. Dates are ISO 8601
 * ("2026-11-21") or empty. */
typedef enum
{
  OUR_ME_FIELD_PREFERRED_NAME,
  OUR_ME_FIELD_WHAT_MATTERS,
  OUR_ME_FIELD_GOOD_DAY,
  OUR_ME_FIELD_GOOD_AT,
  OUR_ME_FIELD_WHAT_HELPS,
  OUR_ME_FIELD_WHAT_DOES_NOT_HELP,
  OUR_ME_FIELD_HOW_TO_TALK,
  OUR_ME_FIELD_COORDINATOR_NAME,
  OUR_ME_FIELD_COORDINATOR_CONTACT,
  OUR_ME_FIELD_MADE_ON,
  OUR_ME_FIELD_REVIEW_DATE,
} OurMeField;

#define OUR_N_ME_FIELDS (OUR_ME_FIELD_REVIEW_DATE + 1)

/* The text fields of a goal and of a step. */
typedef enum
{
  OUR_GOAL_TEXT_TITLE,
  OUR_GOAL_TEXT_WHY,
} OurGoalText;

typedef enum
{
  OUR_STEP_TEXT_WHAT,
  OUR_STEP_TEXT_WHO,
  OUR_STEP_TEXT_BY_WHEN,
} OurStepText;

#define OUR_PROGRESS_MAX 10

/* Who or what is in the support network. Stored in plan files: never
 * renumber. */
typedef enum
{
  OUR_MEMBER_KIND_PERSON,
  OUR_MEMBER_KIND_PET,
  OUR_MEMBER_KIND_GROUP,
  OUR_MEMBER_KIND_PLACE,
  OUR_MEMBER_KIND_ACTIVITY,
  OUR_MEMBER_KIND_SERVICE,
  OUR_MEMBER_KIND_ONLINE,
} OurMemberKind;

#define OUR_N_MEMBER_KINDS (OUR_MEMBER_KIND_ONLINE + 1)

/* The three rings of closeness around the person, innermost first. */
typedef enum
{
  OUR_RING_CLOSEST,
  OUR_RING_CLOSE,
  OUR_RING_FURTHER,
} OurRing;

#define OUR_N_RINGS (OUR_RING_FURTHER + 1)

/* What a member helps with: any of them. Stored as bits. */
typedef enum
{
  OUR_HELPS_PRACTICAL = 1 << 0,
  OUR_HELPS_EMOTIONAL = 1 << 1,
  OUR_HELPS_SOCIAL    = 1 << 2,
  OUR_HELPS_CRISIS    = 1 << 3,
} OurHelpsWith;

#define OUR_HELPS_ALL (OUR_HELPS_PRACTICAL | OUR_HELPS_EMOTIONAL | OUR_HELPS_SOCIAL | OUR_HELPS_CRISIS)

/* How often we are in touch. Stored in plan files: never renumber. */
typedef enum
{
  OUR_CONTACT_UNKNOWN,
  OUR_CONTACT_DAILY,
  OUR_CONTACT_WEEKLY,
  OUR_CONTACT_MONTHLY,
  OUR_CONTACT_RARELY,
} OurContact;

#define OUR_N_CONTACTS (OUR_CONTACT_RARELY + 1)

/* The text fields of a member. */
typedef enum
{
  OUR_MEMBER_TEXT_NAME,
  OUR_MEMBER_TEXT_RELATIONSHIP,
  OUR_MEMBER_TEXT_NOTES,
} OurMemberText;

#define OUR_N_MEMBER_TEXTS (OUR_MEMBER_TEXT_NOTES + 1)

/* Notes board (tab 4). Stored in plan files: never renumber. */
typedef enum
{
  OUR_BOARD_ITEM_NOTE,
  OUR_BOARD_ITEM_PICTURE,
  OUR_BOARD_ITEM_SYMBOL,
} OurBoardItemKind;
#define OUR_N_BOARD_ITEM_KINDS (OUR_BOARD_ITEM_SYMBOL + 1)

/* The small palette of sticky-note colours, chosen so that dark text on each
 * keeps a contrast of at least 4.5:1. Stored: never renumber. */
typedef enum
{
  OUR_NOTE_COLOUR_YELLOW,
  OUR_NOTE_COLOUR_GREEN,
  OUR_NOTE_COLOUR_BLUE,
  OUR_NOTE_COLOUR_PINK,
  OUR_NOTE_COLOUR_ORANGE,
  OUR_NOTE_COLOUR_PURPLE,
} OurNoteColour;
#define OUR_N_NOTE_COLOURS (OUR_NOTE_COLOUR_PURPLE + 1)

/* The person's own staying-well texts (tab 5). Stored by key. */
typedef enum
{
  OUR_WELL_FIELD_EARLY_SIGNS,     /* early signs that things are getting hard */
  OUR_WELL_FIELD_WHAT_HELPS,      /* what helps me then */
  OUR_WELL_FIELD_OTHERS_DO,       /* what I want others to do */
} OurWellField;
#define OUR_N_WELL_FIELDS (OUR_WELL_FIELD_OTHERS_DO + 1)

/* The team's safety notes. Stored: never renumber. */
typedef enum
{
  OUR_SAFETY_NOTE_CONCERN,
  OUR_SAFETY_NOTE_AGREED_ACTION,
  OUR_SAFETY_NOTE_POSITIVE_RISK,  /* "what we agreed I will try, and why" */
} OurSafetyNoteKind;
#define OUR_N_SAFETY_NOTE_KINDS (OUR_SAFETY_NOTE_POSITIVE_RISK + 1)

/* The sections of a plan the person shares with carers one by one. Stored
 * by key. */
typedef enum
{
  OUR_SECTION_ME,
  OUR_SECTION_GOALS,
  OUR_SECTION_PEOPLE,
  OUR_SECTION_BOARD,
  OUR_SECTION_STAYING_WELL,       /* staying-well texts and crisis contacts */
  OUR_SECTION_SAFETY_NOTES,       /* the team's notes that are not team-only */
} OurSection;
#define OUR_N_SECTIONS (OUR_SECTION_SAFETY_NOTES + 1)

/* The lists a plan is made of, each described once in the registry
 * (our-plan-lists.h). Not stored: the order may change. */
typedef enum
{
  OUR_LIST_GOALS,
  OUR_LIST_STEPS,                 /* inside each goal */
  OUR_LIST_MEMBERS,
  OUR_LIST_BOARD_ITEMS,
  OUR_LIST_BOARD_ZONES,
  OUR_LIST_CRISIS_CONTACTS,
  OUR_LIST_SAFETY_NOTES,
  OUR_LIST_COPY_LOG,
  OUR_LIST_MEETINGS,
  OUR_LIST_AGREEMENTS,
  OUR_LIST_DISAGREEMENTS,         /* inside each agreement */
  OUR_LIST_COMMENTS,              /* carers' comments */
} OurListId;
#define OUR_N_LISTS (OUR_LIST_COMMENTS + 1)

/* A part of the plan that a disagreement or a carer's comment is about.
 * Stored: never renumber. */
typedef enum
{
  OUR_PART_PLAN,                  /* the plan as a whole */
  OUR_PART_GOAL,
  OUR_PART_MEMBER,                /* someone in My people */
  OUR_PART_BOARD_ITEM,            /* a note or picture on the board */
  OUR_PART_SAFETY_NOTE,
  OUR_PART_STAYING_WELL,          /* the staying-well plan */
} OurPartKind;
#define OUR_N_PART_KINDS (OUR_PART_STAYING_WELL + 1)

/* The text fields of a meeting. */
typedef enum
{
  OUR_MEETING_TEXT_CAME,            /* who came, one name per line */
  OUR_MEETING_TEXT_COULD_NOT_COME,  /* who was invited but could not come */
  OUR_MEETING_TEXT_TALKED_ABOUT,    /* what we talked about, in words */
} OurMeetingText;
#define OUR_N_MEETING_TEXTS (OUR_MEETING_TEXT_TALKED_ABOUT + 1)

/* Whose copy of the plan. Stored: never renumber. */
typedef enum
{
  OUR_COPY_PERSON,                /* "My copy" */
  OUR_COPY_CARER,
  OUR_COPY_TEAM,
} OurCopyKind;
#define OUR_N_COPY_KINDS (OUR_COPY_TEAM + 1)

/* How a copy was given. Stored: never renumber. */
typedef enum
{
  OUR_COPY_PRINTED,
  OUR_COPY_PDF,
  OUR_COPY_PLAN_FILE,
} OurCopyMedium;
#define OUR_N_COPY_MEDIA (OUR_COPY_PLAN_FILE + 1)

const char  *our_author_get_label        (OurAuthor     author);

const char  *our_life_area_get_label     (OurLifeArea   area);
const char  *our_life_area_get_key       (OurLifeArea   area);
gboolean     our_life_area_from_key      (const char   *key,
                                          OurLifeArea  *area);

const char  *our_goal_status_get_label   (OurGoalStatus status);
const char  *our_goal_status_get_key     (OurGoalStatus status);
gboolean     our_goal_status_from_key    (const char   *key,
                                          OurGoalStatus *status);

const char  *our_me_field_get_key        (OurMeField    field);
const char  *our_me_field_get_label      (OurMeField    field);
gboolean     our_me_field_from_key       (const char   *key,
                                          OurMeField   *field);
gboolean     our_me_field_is_date        (OurMeField    field);

gboolean     our_iso_date_is_valid       (const char   *text);

const char  *our_member_kind_get_label   (OurMemberKind kind);
const char  *our_member_kind_get_key     (OurMemberKind kind);
const char  *our_ring_get_label          (OurRing       ring);
const char  *our_helps_get_label         (OurHelpsWith  help);   /* one bit */
/* "emotional, practical" for a set of bits, or "" */
char        *our_helps_describe          (guint         helps);
const char  *our_contact_get_label       (OurContact    contact);

const char  *our_board_item_kind_get_label (OurBoardItemKind kind);
const char  *our_note_colour_get_label   (OurNoteColour colour);
const char  *our_well_field_get_key      (OurWellField  field);
gboolean     our_well_field_from_key     (const char   *key,
                                          OurWellField *field);
/* "Early signs that things are getting hard" */
const char  *our_well_field_get_label    (OurWellField  field);
const char  *our_safety_note_kind_get_label (OurSafetyNoteKind kind);
const char  *our_section_get_key         (OurSection    section);
gboolean     our_section_from_key        (const char   *key,
                                          OurSection   *section);
/* "Me", "My goals", "My people", "Notes board", "Staying well", "Safety notes" */
const char  *our_section_get_label       (OurSection    section);
const char  *our_copy_kind_get_label     (OurCopyKind   kind);
const char  *our_copy_medium_get_label   (OurCopyMedium medium);
/* "a goal", "the plan as a whole", ...: what a part is, for a sentence. */
const char  *our_part_kind_get_label     (OurPartKind   kind);
/* "A goal: “Swimming”", or the kind alone when @label is "" or NULL. */
char        *our_part_describe           (OurPartKind   kind,
                                          const char   *label);

/* A new random id (a UUID) for a goal or step. */
char        *our_new_id                  (void);
/* Sets *@target to @value; TRUE when it changed. */
gboolean     our_set_double              (double       *target,
                                          double        value);
/* Replaces *@target with a copy of @value; TRUE when it changed. */
gboolean     our_set_string              (char        **target,
                                          const char   *value);
/* The same for text a person writes: cut to OUR_MAX_TEXT_CHARS characters. */
gboolean     our_set_text                (char        **target,
                                          const char   *value);
/* @text cut to at most @max_chars characters, at a character boundary: the
 * length in bytes of what is kept. */
gsize        our_text_cut_length         (const char   *text,
                                          gsize         max_chars);

G_END_DECLS
