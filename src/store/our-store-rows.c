/* our-store-rows.c: the plan's rows, written to and read from any SQLite connection
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every list of the registry (our-plan-lists.h) is written the same way: an
 * item named in OurChanges is written whole (with its child lists) when it
 * is in the plan and deleted when it is not, and the positions of the whole
 * list are rewritten when its order changed. Each list has one bind/load
 * pair below. Values read back are not trusted: the model's setters clamp
 * them. Nothing here knows which file the connection is on, so a whole plan
 * can be written into and read back from a database in memory.
 */
#include "config.h"

#include <math.h>

#include "our-limits.h"
#include "our-plan-lists.h"
#include "our-store-rows.h"
#include "our-store-sql.h"

/* Pictures larger than this in a file are not loaded (the importer never
 * writes more than a few megabytes). */
#define MAX_PICTURE_BYTES (64 * 1024 * 1024)

/* Binds the item's own columns, from ?3 (?4 in a child list, whose ?3 is
 * the parent's id). */
typedef void (*BindRowFunc) (sqlite3_stmt *stmt, gpointer item);
/* Makes an item from a row of the list's select_sql (column 0 is the id,
 * column 1 the parent's id in a child list). */
typedef gpointer (*LoadRowFunc) (sqlite3_stmt *stmt, const char *id);

typedef struct
{
  OurListId     list;
  const char   *upsert_sql;     /* ?1 id, ?2 position, [?3 parent], then the bound columns */
  const char   *select_sql;     /* in the list's order, ending in "LIMIT ?" */
  const char   *parent_column;  /* child lists: the column naming the parent */
  BindRowFunc   bind;
  LoadRowFunc   load;
} RowList;

static double
column_finite (sqlite3_stmt *stmt,
               int           column)
{
  double value = sqlite3_column_double (stmt, column);

  return isfinite (value) ? value : 0.0;
}

static void
bind_goal (sqlite3_stmt *stmt,
           gpointer      data)
{
  OurGoal *goal = data;

  for (int f = OUR_GOAL_TEXT_TITLE; f <= OUR_GOAL_TEXT_WHY; f++)
    {
      sqlite3_bind_text (stmt, 3 + 2 * f, our_goal_get_text (goal, f), -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 4 + 2 * f, our_goal_get_author (goal, f));
    }
  sqlite3_bind_int (stmt, 7, our_goal_get_life_area (goal));
  sqlite3_bind_text (stmt, 8, our_goal_get_symbol (goal), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 9, (int) our_goal_get_progress (goal));
  sqlite3_bind_int (stmt, 10, our_goal_get_status (goal));
}

static gpointer
load_goal (sqlite3_stmt *stmt,
           const char   *id)
{
  OurGoal *goal = our_goal_new (id);

  for (int f = OUR_GOAL_TEXT_TITLE; f <= OUR_GOAL_TEXT_WHY; f++)
    {
      g_autofree char *text = our_store_column_text (stmt, 1 + 2 * f);
      our_goal_set_text (goal, f, text, our_store_column_author (stmt, 2 + 2 * f));
    }
  our_goal_set_life_area (goal, our_store_column_clamped (stmt, 5, OUR_N_LIFE_AREAS - 1,
                                                          OUR_LIFE_AREA_NONE));
  {
    g_autofree char *symbol = our_store_column_text (stmt, 6);
    our_goal_set_symbol (goal, symbol);
  }
  our_goal_set_progress (goal, our_store_column_clamped (stmt, 7, OUR_PROGRESS_MAX, 0));
  our_goal_set_status (goal, our_store_column_clamped (stmt, 8, OUR_N_GOAL_STATUSES - 1,
                                                       OUR_GOAL_STATUS_ACTIVE));
  return goal;
}

static void
bind_step (sqlite3_stmt *stmt,
           gpointer      data)
{
  OurStep *step = data;

  for (int f = OUR_STEP_TEXT_WHAT; f <= OUR_STEP_TEXT_BY_WHEN; f++)
    {
      sqlite3_bind_text (stmt, 4 + 2 * f, our_step_get_text (step, f), -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 5 + 2 * f, our_step_get_author (step, f));
    }
  sqlite3_bind_text (stmt, 10, our_step_get_helper_id (step), -1, SQLITE_STATIC);
}

static gpointer
load_step (sqlite3_stmt *stmt,
           const char   *id)
{
  OurStep *step = our_step_new (id);
  g_autofree char *helper_id = our_store_column_text (stmt, 8);

  for (int f = OUR_STEP_TEXT_WHAT; f <= OUR_STEP_TEXT_BY_WHEN; f++)
    {
      g_autofree char *text = our_store_column_text (stmt, 2 + 2 * f);
      our_step_set_text (step, f, text, our_store_column_author (stmt, 3 + 2 * f));
    }
  our_step_set_helper_id (step, helper_id);
  return step;
}

static void
bind_member (sqlite3_stmt *stmt,
             gpointer      data)
{
  OurMember *member = data;

  for (int f = 0; f < OUR_N_MEMBER_TEXTS; f++)
    {
      sqlite3_bind_text (stmt, 3 + 2 * f, our_member_get_text (member, f), -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 4 + 2 * f, our_member_get_author (member, f));
    }
  sqlite3_bind_int (stmt, 9, our_member_get_kind (member));
  sqlite3_bind_int (stmt, 10, our_member_get_ring (member));
  sqlite3_bind_double (stmt, 11, our_member_get_angle (member));
  sqlite3_bind_int (stmt, 12, (int) our_member_get_helps (member));
  sqlite3_bind_int (stmt, 13, our_member_get_contact (member));
  sqlite3_bind_int (stmt, 14, our_member_get_wished_for (member));
  sqlite3_bind_int (stmt, 15, our_member_get_is_carer (member));
  sqlite3_bind_text (stmt, 16, our_member_get_symbol (member), -1, SQLITE_STATIC);
}

/* A ring or angle out of range is shown at the nearest valid spot; the file
 * keeps what it had until the person moves that member, which is a command
 * with its own undo. */
static gpointer
load_member (sqlite3_stmt *stmt,
             const char   *id)
{
  OurMember *member = our_member_new (id);
  g_autofree char *symbol = our_store_column_text (stmt, 14);
  sqlite3_int64 ring = sqlite3_column_int64 (stmt, 8);

  for (int f = 0; f < OUR_N_MEMBER_TEXTS; f++)
    {
      g_autofree char *text = our_store_column_text (stmt, 1 + 2 * f);
      our_member_set_text (member, f, text, our_store_column_author (stmt, 2 + 2 * f));
    }
  our_member_set_kind (member, our_store_column_clamped (stmt, 7, OUR_N_MEMBER_KINDS - 1,
                                                         OUR_MEMBER_KIND_PERSON));
  our_member_set_place (member, (int) CLAMP (ring, 0, OUR_N_RINGS - 1),
                        sqlite3_column_double (stmt, 9));
  our_member_set_helps (member, (guint) (sqlite3_column_int64 (stmt, 10) & OUR_HELPS_ALL));
  our_member_set_contact (member, our_store_column_clamped (stmt, 11, OUR_N_CONTACTS - 1,
                                                            OUR_CONTACT_UNKNOWN));
  our_member_set_wished_for (member, sqlite3_column_int64 (stmt, 12) != 0);
  our_member_set_is_carer (member, sqlite3_column_int64 (stmt, 13) != 0);
  our_member_set_symbol (member, symbol);
  return member;
}

static void
bind_board_item (sqlite3_stmt *stmt,
                 gpointer      data)
{
  OurBoardItem *item = data;
  double x, y, w, h;

  our_board_item_get_box (item, &x, &y, &w, &h);
  sqlite3_bind_int (stmt, 3, our_board_item_get_kind (item));
  sqlite3_bind_text (stmt, 4, our_board_item_get_text (item), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 5, our_board_item_get_text_author (item));
  sqlite3_bind_int (stmt, 6, our_board_item_get_colour (item));
  sqlite3_bind_text (stmt, 7, our_board_item_get_picture_id (item), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, our_board_item_get_symbol (item), -1, SQLITE_STATIC);
  sqlite3_bind_double (stmt, 9, x);
  sqlite3_bind_double (stmt, 10, y);
  sqlite3_bind_double (stmt, 11, w);
  sqlite3_bind_double (stmt, 12, h);
  sqlite3_bind_double (stmt, 13, our_board_item_get_rotation (item));
  sqlite3_bind_int (stmt, 14, our_board_item_get_added_by (item));
}

static void
bind_board_zone (sqlite3_stmt *stmt,
                 gpointer      data)
{
  OurBoardZone *zone = data;
  double x, y, w, h;

  our_board_zone_get_box (zone, &x, &y, &w, &h);
  sqlite3_bind_text (stmt, 3, our_board_zone_get_name (zone), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, our_board_zone_get_name_author (zone));
  sqlite3_bind_double (stmt, 5, x);
  sqlite3_bind_double (stmt, 6, y);
  sqlite3_bind_double (stmt, 7, w);
  sqlite3_bind_double (stmt, 8, h);
}

static void
bind_crisis_contact (sqlite3_stmt *stmt,
                     gpointer      data)
{
  OurCrisisContact *contact = data;

  sqlite3_bind_text (stmt, 3, our_crisis_contact_get_member_id (contact), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, our_crisis_contact_get_name (contact), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, our_crisis_contact_get_phone (contact), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, our_crisis_contact_get_when (contact), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 7, our_crisis_contact_get_author (contact));
}

static void
bind_safety_note (sqlite3_stmt *stmt,
                  gpointer      data)
{
  OurSafetyNote *note = data;

  sqlite3_bind_int (stmt, 3, our_safety_note_get_kind (note));
  sqlite3_bind_text (stmt, 4, our_safety_note_get_text (note), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 5, our_safety_note_get_text_author (note));
  sqlite3_bind_int (stmt, 6, our_safety_note_get_talked_together (note));
  sqlite3_bind_text (stmt, 7, our_safety_note_get_talked_on (note), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 8, our_safety_note_get_team_only (note));
  sqlite3_bind_text (stmt, 9, our_safety_note_get_written_on (note), -1, SQLITE_STATIC);
}

static void
bind_copy_record (sqlite3_stmt *stmt,
                  gpointer      data)
{
  OurCopyRecord *record = data;

  sqlite3_bind_int (stmt, 3, our_copy_record_get_kind (record));
  sqlite3_bind_int (stmt, 4, our_copy_record_get_medium (record));
  sqlite3_bind_text (stmt, 5, our_copy_record_get_carer_id (record), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, our_copy_record_get_carer_name (record), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, our_copy_record_get_made_at (record), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 8, our_copy_record_get_large_print (record));
}

static void
bind_meeting (sqlite3_stmt *stmt,
              gpointer      data)
{
  OurMeeting *meeting = data;

  sqlite3_bind_text (stmt, 3, our_meeting_get_held_on (meeting), -1, SQLITE_STATIC);
  for (int f = 0; f < OUR_N_MEETING_TEXTS; f++)
    {
      sqlite3_bind_text (stmt, 4 + 2 * f, our_meeting_get_text (meeting, f), -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 5 + 2 * f, our_meeting_get_author (meeting, f));
    }
}

static gpointer
load_meeting (sqlite3_stmt *stmt,
              const char   *id)
{
  g_autofree char *held_on = our_store_column_text (stmt, 1);
  OurMeeting *meeting = our_meeting_new (id, held_on);

  for (int f = 0; f < OUR_N_MEETING_TEXTS; f++)
    {
      g_autofree char *text = our_store_column_text (stmt, 2 + 2 * f);
      our_meeting_set_text (meeting, f, text, our_store_column_author (stmt, 3 + 2 * f));
    }
  return meeting;
}

/* A picture id is a SHA-256 in lowercase hex (see our-picture.h). */
static gboolean
looks_like_picture_id (const char *id)
{
  gsize length = 0;

  for (; id[length] != '\0'; length++)
    if (!g_ascii_isdigit (id[length]) && !(id[length] >= 'a' && id[length] <= 'f'))
      return FALSE;
  return length == 64;
}

static void
bind_agreement (sqlite3_stmt *stmt,
                gpointer      data)
{
  OurAgreement *agreement = data;
  GBytes *snapshot = our_agreement_get_snapshot (agreement);

  sqlite3_bind_text (stmt, 3, our_agreement_get_agreed_on (agreement), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, our_agreement_get_agreed_by (agreement), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 5, our_agreement_get_with_person (agreement));
  sqlite3_bind_text (stmt, 6, our_agreement_get_review_on (agreement), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, our_agreement_get_picture_ids (agreement), -1, SQLITE_STATIC);
  if (snapshot != NULL)
    sqlite3_bind_blob64 (stmt, 8, g_bytes_get_data (snapshot, NULL), g_bytes_get_size (snapshot),
                         SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, 8);
}

/* Picture ids are 64 hex digits, space-separated; anything else is left
 * out, so that the pictures clean-up can match them as text. */
static char *
column_picture_ids (sqlite3_stmt *stmt,
                    int           column)
{
  g_autofree char *text = our_store_column_text (stmt, column);
  g_auto(GStrv) ids = g_strsplit (text, " ", -1);
  g_autoptr(GString) kept = g_string_new ("");

  for (guint i = 0; ids[i] != NULL; i++)
    if (looks_like_picture_id (ids[i]))
      g_string_append_printf (kept, "%s%s", kept->len > 0 ? " " : "", ids[i]);
  return g_string_free (g_steal_pointer (&kept), FALSE);
}

static gpointer
load_agreement (sqlite3_stmt *stmt,
                const char   *id)
{
  g_autofree char *agreed_on = our_store_column_text (stmt, 1);
  g_autofree char *agreed_by = our_store_column_text (stmt, 2);
  g_autofree char *review_on = our_store_column_text (stmt, 4);
  g_autofree char *picture_ids = column_picture_ids (stmt, 5);
  g_autoptr(GBytes) snapshot = NULL;

  /* A snapshot that is not a blob, or is empty, is a damaged version: it is
   * listed, and shown as damaged when opened. */
  if (sqlite3_column_type (stmt, 6) == SQLITE_BLOB && sqlite3_column_bytes (stmt, 6) > 0)
    snapshot = g_bytes_new (sqlite3_column_blob (stmt, 6), (gsize) sqlite3_column_bytes (stmt, 6));
  return our_agreement_new (id, agreed_on, agreed_by, sqlite3_column_int (stmt, 3) != 0,
                            review_on, snapshot, picture_ids);
}

static void
bind_disagreement (sqlite3_stmt *stmt,
                   gpointer      data)
{
  OurDisagreement *disagreement = data;

  sqlite3_bind_int (stmt, 4, our_disagreement_get_part_kind (disagreement));
  sqlite3_bind_text (stmt, 5, our_disagreement_get_part_id (disagreement), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, our_disagreement_get_part_label (disagreement), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, our_disagreement_get_text (disagreement), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 8, our_disagreement_get_author (disagreement));
}

static gpointer
load_disagreement (sqlite3_stmt *stmt,
                   const char   *id)
{
  g_autofree char *part_id = our_store_column_text (stmt, 3);
  g_autofree char *part_label = our_store_column_text (stmt, 4);
  g_autofree char *text = our_store_column_text (stmt, 5);

  return our_disagreement_new (id, our_store_column_clamped (stmt, 2, OUR_N_PART_KINDS - 1,
                                                             OUR_PART_PLAN),
                               part_id, part_label, text, our_store_column_author (stmt, 6));
}

static void
bind_comment (sqlite3_stmt *stmt,
              gpointer      data)
{
  OurComment *comment = data;

  sqlite3_bind_text (stmt, 3, our_comment_get_carer_id (comment), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, our_comment_get_carer_name (comment), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, our_comment_get_written_on (comment), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 6, our_comment_get_part_kind (comment));
  sqlite3_bind_text (stmt, 7, our_comment_get_part_id (comment), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, our_comment_get_part_label (comment), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, our_comment_get_text (comment), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 10, our_comment_get_talked_about_on (comment), -1, SQLITE_STATIC);
}

static gpointer
load_comment (sqlite3_stmt *stmt,
              const char   *id)
{
  g_autofree char *carer_id = our_store_column_text (stmt, 1);
  g_autofree char *carer_name = our_store_column_text (stmt, 2);
  g_autofree char *written_on = our_store_column_text (stmt, 3);
  g_autofree char *part_id = our_store_column_text (stmt, 5);
  g_autofree char *part_label = our_store_column_text (stmt, 6);
  g_autofree char *text = our_store_column_text (stmt, 7);
  g_autofree char *talked_about_on = our_store_column_text (stmt, 8);
  OurComment *comment = our_comment_new (id, carer_id, carer_name, written_on,
                                         our_store_column_clamped (stmt, 4, OUR_N_PART_KINDS - 1,
                                                                   OUR_PART_PLAN),
                                         part_id, part_label);

  our_comment_set_text (comment, text);
  our_comment_set_talked_about_on (comment, talked_about_on);
  return comment;
}

static gpointer load_board_item (sqlite3_stmt *stmt, const char *id);
static gpointer load_board_zone (sqlite3_stmt *stmt, const char *id);
static gpointer load_crisis_contact (sqlite3_stmt *stmt, const char *id);
static gpointer load_safety_note (sqlite3_stmt *stmt, const char *id);
static gpointer load_copy_record (sqlite3_stmt *stmt, const char *id);

static const RowList row_lists[] = {
  {
    OUR_LIST_GOALS,
    /* An upsert, not a replace: replacing a goal's row would delete its steps. */
    "INSERT INTO goals (id, position, title, title_author, why, why_author,"
    " life_area, symbol, progress, status) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"
    " ON CONFLICT (id) DO UPDATE SET position = excluded.position,"
    " title = excluded.title, title_author = excluded.title_author,"
    " why = excluded.why, why_author = excluded.why_author,"
    " life_area = excluded.life_area, symbol = excluded.symbol,"
    " progress = excluded.progress, status = excluded.status",
    "SELECT id, title, title_author, why, why_author, life_area, symbol, progress, status"
    " FROM goals ORDER BY position, rowid LIMIT ?",
    NULL, bind_goal, load_goal,
  },
  {
    OUR_LIST_STEPS,
    "INSERT OR REPLACE INTO steps (id, position, goal_id, what, what_author, who, who_author,"
    " by_when, by_when_author, helper_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    "SELECT id, goal_id, what, what_author, who, who_author, by_when, by_when_author,"
    " helper_id FROM steps ORDER BY goal_id, position, rowid LIMIT ?",
    "goal_id", bind_step, load_step,
  },
  {
    OUR_LIST_MEMBERS,
    "INSERT OR REPLACE INTO members (id, position, name, name_author, relationship,"
    " relationship_author, notes, notes_author, kind, ring, angle, helps, contact,"
    " wished_for, is_carer, symbol)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
    "SELECT id, name, name_author, relationship, relationship_author, notes, notes_author,"
    " kind, ring, angle, helps, contact, wished_for, is_carer, symbol FROM members"
    " ORDER BY position, rowid LIMIT ?",
    NULL, bind_member, load_member,
  },
  {
    OUR_LIST_BOARD_ITEMS,
    "INSERT OR REPLACE INTO board_items (id, position, kind, text, text_author, colour,"
    " picture_id, symbol, x, y, width, height, rotation, added_by)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
    "SELECT id, kind, text, text_author, colour, picture_id, symbol,"
    " x, y, width, height, rotation, added_by FROM board_items ORDER BY position, rowid LIMIT ?",
    NULL, bind_board_item, load_board_item,
  },
  {
    OUR_LIST_BOARD_ZONES,
    "INSERT OR REPLACE INTO board_zones (id, position, name, name_author, x, y, width, height)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    "SELECT id, name, name_author, x, y, width, height FROM board_zones"
    " ORDER BY position, rowid LIMIT ?",
    NULL, bind_board_zone, load_board_zone,
  },
  {
    OUR_LIST_CRISIS_CONTACTS,
    "INSERT OR REPLACE INTO crisis_contacts (id, position, member_id, name, phone,"
    " when_text, author) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    "SELECT id, member_id, name, phone, when_text, author FROM crisis_contacts"
    " ORDER BY position, rowid LIMIT ?",
    NULL, bind_crisis_contact, load_crisis_contact,
  },
  {
    OUR_LIST_SAFETY_NOTES,
    "INSERT OR REPLACE INTO safety_notes (id, position, kind, text, text_author,"
    " talked_together, talked_on, team_only, written_on)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    "SELECT id, kind, text, text_author, talked_together, talked_on,"
    " team_only, written_on FROM safety_notes ORDER BY position, rowid LIMIT ?",
    NULL, bind_safety_note, load_safety_note,
  },
  {
    OUR_LIST_COPY_LOG,
    "INSERT OR REPLACE INTO copy_log (id, position, kind, medium, carer_id, carer_name,"
    " made_at, large_print) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    "SELECT id, kind, medium, carer_id, carer_name, made_at, large_print"
    " FROM copy_log ORDER BY position, rowid LIMIT ?",
    NULL, bind_copy_record, load_copy_record,
  },
  {
    OUR_LIST_MEETINGS,
    "INSERT OR REPLACE INTO meetings (id, position, held_on, came, came_author,"
    " could_not_come, could_not_come_author, talked_about, talked_about_author)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    "SELECT id, held_on, came, came_author, could_not_come, could_not_come_author,"
    " talked_about, talked_about_author FROM meetings ORDER BY position, rowid LIMIT ?",
    NULL, bind_meeting, load_meeting,
  },
  {
    OUR_LIST_AGREEMENTS,
    "INSERT OR REPLACE INTO agreements (id, position, agreed_on, agreed_by, with_person,"
    " review_on, picture_ids, snapshot) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    "SELECT id, agreed_on, agreed_by, with_person, review_on, picture_ids, snapshot"
    " FROM agreements ORDER BY position, rowid LIMIT ?",
    NULL, bind_agreement, load_agreement,
  },
  {
    OUR_LIST_DISAGREEMENTS,
    "INSERT OR REPLACE INTO disagreements (id, position, agreement_id, part_kind, part_id,"
    " part_label, text, author) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    "SELECT id, agreement_id, part_kind, part_id, part_label, text, author FROM disagreements"
    " ORDER BY agreement_id, position, rowid LIMIT ?",
    "agreement_id", bind_disagreement, load_disagreement,
  },
  {
    OUR_LIST_COMMENTS,
    "INSERT OR REPLACE INTO comments (id, position, carer_id, carer_name, written_on, part_kind,"
    " part_id, part_label, text, talked_about_on)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    "SELECT id, carer_id, carer_name, written_on, part_kind, part_id, part_label, text,"
    " talked_about_on FROM comments ORDER BY position, rowid LIMIT ?",
    NULL, bind_comment, load_comment,
  },
};

/* Every list of the registry has its bind/load pair here, in its place. */
G_STATIC_ASSERT (G_N_ELEMENTS (row_lists) == OUR_N_LISTS);

static const RowList *
row_list_for (OurListId list)
{
  g_assert (row_lists[list].list == list);
  return &row_lists[list];
}

static int
run_sql (sqlite3    *db,
         const char *sql,
         const char *text1,
         const char *text2)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      if (text1 != NULL)
        sqlite3_bind_text (stmt, 1, text1, -1, SQLITE_STATIC);
      if (text2 != NULL)
        sqlite3_bind_text (stmt, 2, text2, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      rc = rc == SQLITE_DONE || rc == SQLITE_ROW ? SQLITE_OK : rc;
    }
  sqlite3_finalize (stmt);
  return rc;
}

/* Statements are prepared once per write or load of the plan. */
typedef struct
{
  sqlite3       *db;
  sqlite3_stmt  *upsert[OUR_N_LISTS];
} RowWriter;

static void
row_writer_clear (RowWriter *writer)
{
  for (guint i = 0; i < OUR_N_LISTS; i++)
    g_clear_pointer (&writer->upsert[i], sqlite3_finalize);
}

static int write_item (RowWriter *writer, const OurPlanList *list, const char *parent_id,
                       gpointer item, guint position);

/* Rewrites the child lists of @item (the steps of a goal) whole. */
static int
write_children (RowWriter         *writer,
                const OurPlanList *list,
                gpointer           item)
{
  const char *id = list->get_item_id (item);
  int rc = SQLITE_OK;

  for (guint c = 0; rc == SQLITE_OK && c < OUR_N_LISTS; c++)
    {
      const OurPlanList *child = our_plan_lists_get (c);
      g_autofree char *sql = NULL;
      GListModel *children;

      if (child->parent != list->id)
        continue;
      sql = g_strdup_printf ("DELETE FROM %s WHERE %s = ?1", child->key,
                             row_list_for (c)->parent_column);
      rc = run_sql (writer->db, sql, id, NULL);
      children = child->get_list (item);
      for (guint i = 0; rc == SQLITE_OK && i < g_list_model_get_n_items (children); i++)
        {
          g_autoptr(GObject) child_item = g_list_model_get_item (children, i);
          rc = write_item (writer, child, id, child_item, i);
        }
    }
  return rc;
}

static int
write_item (RowWriter         *writer,
            const OurPlanList *list,
            const char        *parent_id,
            gpointer           item,
            guint              position)
{
  const RowList *rows = row_list_for (list->id);
  sqlite3_stmt *stmt;
  int rc = SQLITE_OK;

  if (writer->upsert[list->id] == NULL)
    rc = sqlite3_prepare_v2 (writer->db, rows->upsert_sql, -1, &writer->upsert[list->id], NULL);
  if (rc != SQLITE_OK)
    return rc;
  stmt = writer->upsert[list->id];
  sqlite3_bind_text (stmt, 1, list->get_item_id (item), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, position);
  if (parent_id != NULL)
    sqlite3_bind_text (stmt, 3, parent_id, -1, SQLITE_STATIC);
  rows->bind (stmt, item);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    return rc;
  return write_children (writer, list, item);
}

static int
delete_item (RowWriter         *writer,
             const OurPlanList *list,
             const char        *id)
{
  g_autofree char *sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?1", list->key);
  int rc = SQLITE_OK;

  for (guint c = 0; rc == SQLITE_OK && c < OUR_N_LISTS; c++)
    if (our_plan_lists_get (c)->parent == list->id)
      {
        g_autofree char *children_sql =
          g_strdup_printf ("DELETE FROM %s WHERE %s = ?1", our_plan_lists_get (c)->key,
                           row_list_for (c)->parent_column);
        rc = run_sql (writer->db, children_sql, id, NULL);
      }
  return rc == SQLITE_OK ? run_sql (writer->db, sql, id, NULL) : rc;
}

/* Writes every item of the list at its position. */
static int
write_list_all (RowWriter         *writer,
                OurPlan           *plan,
                const OurPlanList *list)
{
  GListModel *items = list->get_list (plan);
  int rc = SQLITE_OK;

  for (guint i = 0; rc == SQLITE_OK && i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (items, i);
      rc = write_item (writer, list, NULL, item, i);
    }
  return rc;
}

/* Rewrites the position of every item; an item the file does not have yet
 * is written whole. */
static int
write_positions (RowWriter         *writer,
                 OurPlan           *plan,
                 const OurPlanList *list)
{
  g_autofree char *sql = g_strdup_printf ("UPDATE %s SET position = ?2 WHERE id = ?1", list->key);
  GListModel *items = list->get_list (plan);
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (writer->db, sql, -1, &stmt, NULL);

  for (guint i = 0; rc == SQLITE_OK && i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (items, i);

      sqlite3_bind_text (stmt, 1, list->get_item_id (item), -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 2, i);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
      if (rc == SQLITE_OK && sqlite3_changes (writer->db) == 0)
        rc = write_item (writer, list, NULL, item, i);
    }
  sqlite3_finalize (stmt);
  return rc;
}

static int
write_list_changes (RowWriter         *writer,
                    OurPlan           *plan,
                    const OurPlanList *list,
                    const OurChanges  *changes)
{
  int rc = SQLITE_OK;

  for (guint i = 0; rc == SQLITE_OK && i < our_changes_get_n_items (changes, list->id); i++)
    {
      const char *id = our_changes_get_item (changes, list->id, i);
      guint position;
      gpointer item = list->find (plan, id, &position);

      rc = item != NULL ? write_item (writer, list, NULL, item, position)
                        : delete_item (writer, list, id);
    }
  if (rc == SQLITE_OK && changes->order[list->id])
    rc = write_positions (writer, plan, list);
  return rc;
}

/* The pictures the file keeps: those the board shows, and those an agreed
 * version shows (picture ids are hex, so matching them as text is exact). */
#define PICTURE_IS_SHOWN \
  "(pictures.id IN (SELECT picture_id FROM board_items)" \
  " OR EXISTS (SELECT 1 FROM agreements WHERE instr (agreements.picture_ids, pictures.id) > 0))"

/* Before the file forgets pictures nothing shows any more, the plan's
 * pictures that only point into it take their bytes: undo may show them
 * again. */
static int
keep_unused_pictures (sqlite3 *db,
                      OurPlan *plan)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, "SELECT id FROM pictures WHERE NOT " PICTURE_IS_SHOWN, -1, &stmt, NULL);

  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      OurPicture *picture = our_plan_get_picture (plan, (const char *) sqlite3_column_text (stmt, 0));

      rc = SQLITE_OK;
      if (picture != NULL && !our_picture_keep_bytes (picture))
        g_debug ("Picture %s could not be kept before leaving the file",
                 our_picture_get_id (picture));
    }
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* The ids of the pictures the board and the agreed versions show, each
 * once (borrowed from the plan's items). */
static GPtrArray *
find_shown_pictures (OurPlan *plan)
{
  GListModel *items = our_plan_get_board_items (plan);
  GListModel *agreements = our_plan_get_agreements (plan);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *shown = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(OurBoardItem) item = g_list_model_get_item (items, i);
      const char *id = our_board_item_get_picture_id (item);

      if (*id != '\0' && g_hash_table_add (seen, (gpointer) id))
        g_ptr_array_add (shown, g_strdup (id));
    }
  for (guint i = 0; i < g_list_model_get_n_items (agreements); i++)
    {
      g_autoptr(OurAgreement) agreement = g_list_model_get_item (agreements, i);
      g_auto(GStrv) ids = g_strsplit (our_agreement_get_picture_ids (agreement), " ", -1);

      for (guint j = 0; ids[j] != NULL; j++)
        if (*ids[j] != '\0' && !g_hash_table_contains (seen, ids[j]))
          {
            char *id = g_strdup (ids[j]);

            g_ptr_array_add (shown, id);
            g_hash_table_add (seen, id);
          }
    }
  return shown;
}

/* Each picture a board item or an agreed version shows is in the file
 * once; pictures nothing shows any more are removed (secure_delete wipes
 * their bytes). */
static int
write_pictures (sqlite3 *db,
                OurPlan *plan,
                gboolean remove_unused)
{
  g_autoptr(GPtrArray) shown = find_shown_pictures (plan);
  sqlite3_stmt *stmt = NULL;
  sqlite3_stmt *exists = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db,
                           "INSERT OR IGNORE INTO pictures (id, mime_type, width, height, data)"
                           " VALUES (?1, ?2, ?3, ?4, ?5)", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db, "SELECT 1 FROM pictures WHERE id = ?1", -1, &exists, NULL);
  for (guint i = 0; rc == SQLITE_OK && i < shown->len; i++)
    {
      OurPicture *picture = our_plan_get_picture (plan, g_ptr_array_index (shown, i));
      g_autoptr(GBytes) bytes = NULL;
      gboolean stored;

      if (picture == NULL)
        continue;
      /* The id is the bytes' hash: a picture already there is the same. */
      sqlite3_bind_text (exists, 1, our_picture_get_id (picture), -1, SQLITE_STATIC);
      stored = sqlite3_step (exists) == SQLITE_ROW;
      sqlite3_reset (exists);
      if (stored)
        continue;
      bytes = our_picture_dup_bytes (picture);
      if (bytes == NULL)
        {
          /* Its source was closed before it was written anywhere else. */
          g_debug ("Picture %s could not be read to be written", our_picture_get_id (picture));
          continue;
        }
      sqlite3_bind_text (stmt, 1, our_picture_get_id (picture), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, our_picture_get_mime_type (picture), -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 3, our_picture_get_width (picture));
      sqlite3_bind_int (stmt, 4, our_picture_get_height (picture));
      sqlite3_bind_blob64 (stmt, 5, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                           SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
    }
  sqlite3_finalize (stmt);
  sqlite3_finalize (exists);
  if (rc == SQLITE_OK && remove_unused)
    rc = keep_unused_pictures (db, plan);
  if (rc == SQLITE_OK && remove_unused)
    rc = run_sql (db, "DELETE FROM pictures WHERE NOT " PICTURE_IS_SHOWN, NULL, NULL);
  return rc;
}

/* The Me tab's fields and the staying-well texts: one row per key. */
static int
write_keyed_text (sqlite3    *db,
                  const char *table,
                  const char *key,
                  const char *text,
                  OurAuthor   author)
{
  g_autofree char *sql = g_strdup_printf ("INSERT OR REPLACE INTO %s (key, text, author)"
                                          " VALUES (?1, ?2, ?3)", table);
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, text, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 3, author);
      rc = sqlite3_step (stmt);
      rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
    }
  sqlite3_finalize (stmt);
  return rc;
}

static int
write_me_field (sqlite3    *db,
                OurPlan    *plan,
                OurMeField  field)
{
  return write_keyed_text (db, "me", our_me_field_get_key (field),
                           our_plan_get_me_text (plan, field), our_plan_get_me_author (plan, field));
}

static int
write_well_field (sqlite3      *db,
                  OurPlan      *plan,
                  OurWellField  field)
{
  return write_keyed_text (db, "staying_well", our_well_field_get_key (field),
                           our_plan_get_well_text (plan, field),
                           our_plan_get_well_author (plan, field));
}

/* Rewrites the consent rows of the sections in @sections (bits). */
static int
write_consent (sqlite3 *db,
               OurPlan *plan,
               guint32  sections)
{
  GPtrArray *consents = our_plan_get_consents (plan);
  sqlite3_stmt *stmt = NULL;
  int rc = SQLITE_OK;

  for (guint s = 0; rc == SQLITE_OK && s < OUR_N_SECTIONS; s++)
    if ((sections & (1u << s)) != 0)
      rc = run_sql (db, "DELETE FROM consent WHERE section = ?1", our_section_get_key (s), NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db,
                             "INSERT OR REPLACE INTO consent (section, member_id, since, agreed_by)"
                             " VALUES (?1, ?2, ?3, ?4)", -1, &stmt, NULL);
  for (guint i = 0; rc == SQLITE_OK && i < consents->len; i++)
    {
      const OurConsent *consent = g_ptr_array_index (consents, i);

      if ((sections & (1u << consent->section)) == 0)
        continue;
      sqlite3_bind_text (stmt, 1, our_section_get_key (consent->section), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, consent->member_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, consent->since, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 4, consent->agreed_by);
      rc = sqlite3_step (stmt);
      rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);
  return rc;
}

int
our_store_rows_write_changes (sqlite3          *db,
                              OurPlan          *plan,
                              const OurChanges *changes)
{
  RowWriter writer = { db, { NULL } };
  int rc = SQLITE_OK;

  for (guint f = 0; rc == SQLITE_OK && f < OUR_N_ME_FIELDS; f++)
    if ((changes->me_fields & (1u << f)) != 0)
      rc = write_me_field (db, plan, f);
  for (guint i = 0; rc == SQLITE_OK && i < OUR_N_LISTS; i++)
    if (our_plan_lists_get (i)->parent == OUR_N_LISTS)
      rc = write_list_changes (&writer, plan, our_plan_lists_get (i), changes);
  row_writer_clear (&writer);
  if (rc == SQLITE_OK && (our_changes_get_n_items (changes, OUR_LIST_BOARD_ITEMS) > 0
                          || changes->order[OUR_LIST_BOARD_ITEMS]
                          || our_changes_get_n_items (changes, OUR_LIST_AGREEMENTS) > 0))
    rc = write_pictures (db, plan, TRUE);
  for (guint f = 0; rc == SQLITE_OK && f < OUR_N_WELL_FIELDS; f++)
    if ((changes->well_fields & (1u << f)) != 0)
      rc = write_well_field (db, plan, f);
  if (rc == SQLITE_OK && changes->consent_sections != 0)
    rc = write_consent (db, plan, changes->consent_sections);
  return rc;
}

/* Writes the whole plan; @version: as an agreed version freezes it, without
 * the plan's history and without the pictures' bytes (the version names
 * its pictures instead). */
static int
write_whole (sqlite3  *db,
             OurPlan  *plan,
             gboolean  version)
{
  RowWriter writer = { db, { NULL } };
  int rc = SQLITE_OK;

  /* A field never written stays out of the file. */
  for (guint f = 0; rc == SQLITE_OK && f < OUR_N_ME_FIELDS; f++)
    if (*our_plan_get_me_text (plan, f) != '\0'
        || our_plan_get_me_author (plan, f) != OUR_AUTHOR_PERSON)
      rc = write_me_field (db, plan, f);
  for (guint i = 0; rc == SQLITE_OK && i < OUR_N_LISTS; i++)
    {
      const OurPlanList *list = our_plan_lists_get (i);

      if (list->parent == OUR_N_LISTS && !(version && (list->flags & OUR_PLAN_LIST_HISTORY)))
        rc = write_list_all (&writer, plan, list);
    }
  row_writer_clear (&writer);
  if (rc == SQLITE_OK && !version)
    rc = write_pictures (db, plan, FALSE);
  for (guint f = 0; rc == SQLITE_OK && f < OUR_N_WELL_FIELDS; f++)
    if (*our_plan_get_well_text (plan, f) != '\0'
        || our_plan_get_well_author (plan, f) != OUR_AUTHOR_PERSON)
      rc = write_well_field (db, plan, f);
  if (rc == SQLITE_OK)
    rc = write_consent (db, plan, (1u << OUR_N_SECTIONS) - 1);
  return rc;
}

int
our_store_rows_write_all (sqlite3 *db,
                          OurPlan *plan)
{
  return write_whole (db, plan, FALSE);
}

int
our_store_rows_write_version (sqlite3 *db,
                              OurPlan *plan)
{
  return write_whole (db, plan, TRUE);
}

/* ------------------------------------------------------------------------ */
/* Loading                                                                  */

/* An id column that can name an item: non-empty UTF-8, not seen before. */
static const char *
column_new_id (sqlite3_stmt *stmt,
               GHashTable   *seen)
{
  const char *id = (const char *) sqlite3_column_text (stmt, 0);

  if (id == NULL || *id == '\0' || !g_utf8_validate (id, -1, NULL)
      || !g_hash_table_add (seen, g_strdup (id)))
    return NULL;
  return id;
}

static gpointer
load_board_item (sqlite3_stmt *stmt,
                 const char   *id)
{
  g_autoptr(OurBoardItem) item = NULL;
  g_autofree char *text = our_store_column_text (stmt, 2);
  g_autofree char *picture_id = our_store_column_text (stmt, 5);
  g_autofree char *symbol = our_store_column_text (stmt, 6);

  item = our_board_item_new (id, our_store_column_clamped (stmt, 1, OUR_N_BOARD_ITEM_KINDS - 1,
                                                           OUR_BOARD_ITEM_NOTE));
  our_board_item_set_text (item, text, our_store_column_author (stmt, 3));
  our_board_item_set_colour (item, our_store_column_clamped (stmt, 4, OUR_N_NOTE_COLOURS - 1,
                                                             OUR_NOTE_COLOUR_YELLOW));
  our_board_item_set_picture_id (item, picture_id);
  our_board_item_set_symbol (item, symbol);
  our_board_item_set_box (item, column_finite (stmt, 7), column_finite (stmt, 8),
                          column_finite (stmt, 9), column_finite (stmt, 10));
  our_board_item_set_rotation (item, column_finite (stmt, 11));
  our_board_item_set_added_by (item, our_store_column_author (stmt, 12));
  return g_steal_pointer (&item);
}

static gpointer
load_board_zone (sqlite3_stmt *stmt,
                 const char   *id)
{
  g_autoptr(OurBoardZone) zone = our_board_zone_new (id);
  g_autofree char *name = our_store_column_text (stmt, 1);

  our_board_zone_set_name (zone, name, our_store_column_author (stmt, 2));
  our_board_zone_set_box (zone, column_finite (stmt, 3), column_finite (stmt, 4),
                          column_finite (stmt, 5), column_finite (stmt, 6));
  return g_steal_pointer (&zone);
}

static gpointer
load_crisis_contact (sqlite3_stmt *stmt,
                     const char   *id)
{
  g_autoptr(OurCrisisContact) contact = our_crisis_contact_new (id);
  g_autofree char *member_id = our_store_column_text (stmt, 1);
  g_autofree char *name = our_store_column_text (stmt, 2);
  g_autofree char *phone = our_store_column_text (stmt, 3);
  g_autofree char *when = our_store_column_text (stmt, 4);

  our_crisis_contact_set_member_id (contact, member_id);
  our_crisis_contact_set_name (contact, name);
  our_crisis_contact_set_phone (contact, phone);
  our_crisis_contact_set_when (contact, when);
  our_crisis_contact_set_author (contact, our_store_column_author (stmt, 5));
  return g_steal_pointer (&contact);
}

static gpointer
load_safety_note (sqlite3_stmt *stmt,
                  const char   *id)
{
  g_autoptr(OurSafetyNote) note = NULL;
  g_autofree char *text = our_store_column_text (stmt, 2);
  g_autofree char *talked_on = our_store_column_text (stmt, 5);
  g_autofree char *written_on = our_store_column_text (stmt, 7);

  note = our_safety_note_new (id, our_store_column_clamped (stmt, 1, OUR_N_SAFETY_NOTE_KINDS - 1,
                                                            OUR_SAFETY_NOTE_CONCERN));
  our_safety_note_set_text (note, text, our_store_column_author (stmt, 3));
  our_safety_note_set_talked (note, sqlite3_column_int64 (stmt, 4) != 0,
                              our_iso_date_is_valid (talked_on) ? talked_on : "");
  /* Anything but a clear "no" keeps a note back: safer to over-protect. */
  our_safety_note_set_team_only (note, sqlite3_column_int64 (stmt, 6) != 0
                                       || sqlite3_column_type (stmt, 6) != SQLITE_INTEGER);
  our_safety_note_set_written_on (note, our_iso_date_is_valid (written_on) ? written_on : "");
  return g_steal_pointer (&note);
}

static gpointer
load_copy_record (sqlite3_stmt *stmt,
                  const char   *id)
{
  g_autoptr(OurCopyRecord) record = NULL;
  g_autofree char *carer_id = our_store_column_text (stmt, 3);
  g_autofree char *carer_name = our_store_column_text (stmt, 4);
  g_autofree char *made_at = our_store_column_text (stmt, 5);

  record = our_copy_record_new (id,
                                our_store_column_clamped (stmt, 1, OUR_N_COPY_KINDS - 1, OUR_COPY_TEAM),
                                our_store_column_clamped (stmt, 2, OUR_N_COPY_MEDIA - 1, OUR_COPY_PRINTED),
                                carer_id, carer_name, made_at,
                                sqlite3_column_int64 (stmt, 6) != 0);
  return g_steal_pointer (&record);
}

/* Reads the rows of @list into their containers, in order: a row whose id
 * was seen before, or whose parent is not in the plan, is left out, and no
 * container gets more than the list's limit. */
static int
load_list (sqlite3           *db,
           OurPlan           *plan,
           const OurPlanList *list)
{
  const RowList *rows = row_list_for (list->id);
  const OurPlanList *parent = list->parent != OUR_N_LISTS ? our_plan_lists_get (list->parent) : NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, rows->select_sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    sqlite3_bind_int64 (stmt, 1, (sqlite3_int64) list->max_items
                                 * (parent != NULL ? parent->max_items : 1));
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gpointer container = plan;
      const char *id;
      guint n;

      rc = SQLITE_OK;
      if (parent != NULL)
        {
          const char *parent_id = (const char *) sqlite3_column_text (stmt, 1);

          container = parent_id != NULL ? parent->find (plan, parent_id, NULL) : NULL;
          if (container == NULL)
            continue;
        }
      n = g_list_model_get_n_items (list->get_list (container));
      if (n >= list->max_items || (id = column_new_id (stmt, seen)) == NULL)
        continue;
      {
        g_autoptr(GObject) item = rows->load (stmt, id);
        list->insert (container, n, item);
      }
    }
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE ? SQLITE_OK : rc;
}


/* With a @source, each picture's bytes stay in the file until asked for
 * (our_picture_new_stored()); without, they are read now. */
static int
load_pictures (sqlite3            *db,
               OurPlan            *plan,
               GObject            *source,
               OurPictureLoadFunc  load)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db,
                               source != NULL
                               ? "SELECT id, mime_type, width, height, NULL, length(data),"
                                 " typeof(data) = 'blob' FROM pictures"
                                 " WHERE id IN (SELECT picture_id FROM board_items"
                                 "              ORDER BY position, rowid LIMIT ?1)"
                                 " OR EXISTS (SELECT 1 FROM (SELECT picture_ids FROM agreements"
                                 "                           LIMIT ?2) AS a"
                                 "            WHERE instr (a.picture_ids, pictures.id) > 0)"
                               : "SELECT id, mime_type, width, height, data, length(data),"
                                 " typeof(data) = 'blob' FROM pictures"
                                 " WHERE id IN (SELECT picture_id FROM board_items"
                                 "              ORDER BY position, rowid LIMIT ?1)"
                                 " OR EXISTS (SELECT 1 FROM (SELECT picture_ids FROM agreements"
                                 "                           LIMIT ?2) AS a"
                                 "            WHERE instr (a.picture_ids, pictures.id) > 0)",
                               -1, &stmt, NULL);

  /* Only the pictures of the things shown (see load_rows). */
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_int64 (stmt, 1, OUR_MAX_BOARD_ITEMS);
      sqlite3_bind_int64 (stmt, 2, OUR_MAX_AGREEMENTS);
    }

  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *id = (const char *) sqlite3_column_text (stmt, 0);
      g_autofree char *mime_type = our_store_column_text (stmt, 1);
      sqlite3_int64 size = sqlite3_column_int64 (stmt, 5);
      int width = (int) our_store_column_clamped (stmt, 2, 65535, 1);
      int height = (int) our_store_column_clamped (stmt, 3, 65535, 1);
      g_autoptr(OurPicture) picture = NULL;

      rc = SQLITE_OK;
      if (id == NULL || !looks_like_picture_id (id) || sqlite3_column_int (stmt, 6) != 1
          || size <= 0 || size > MAX_PICTURE_BYTES
          || !(g_str_equal (mime_type, "image/png") || g_str_equal (mime_type, "image/jpeg")))
        continue;
      /* The id is the SHA-256 of the bytes; the renderer checks it when it
       * first decodes the picture, in a worker thread (hashing every
       * picture here would hold up opening the plan). */
      if (source != NULL)
        picture = our_picture_new_stored (id, mime_type, width, height, source, load);
      else
        {
          g_autoptr(GBytes) bytes = g_bytes_new (sqlite3_column_blob (stmt, 4), (gsize) size);

          picture = our_picture_new (id, bytes, mime_type, width, height);
        }
      our_plan_add_picture (plan, picture);
    }
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

GBytes *
our_store_rows_read_picture (sqlite3    *db,
                             const char *id)
{
  sqlite3_stmt *stmt = NULL;
  GBytes *bytes = NULL;

  if (db == NULL ||
      sqlite3_prepare_v2 (db, "SELECT data FROM pictures WHERE id = ?1 AND typeof(data) = 'blob'",
                          -1, &stmt, NULL) != SQLITE_OK)
    return NULL;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_bytes (stmt, 0) > 0 &&
      sqlite3_column_bytes (stmt, 0) <= MAX_PICTURE_BYTES)
    bytes = g_bytes_new (sqlite3_column_blob (stmt, 0), (gsize) sqlite3_column_bytes (stmt, 0));
  sqlite3_finalize (stmt);
  return bytes;
}

/* Reads the key/text/author rows of @table; keys this version does not
 * know may come from a newer minor version and are left be. */
static int
load_keyed_texts (sqlite3    *db,
                  const char *table,
                  void      (*set) (OurPlan *plan, const char *key, const char *text,
                                    OurAuthor author),
                  OurPlan    *plan)
{
  g_autofree char *sql = g_strdup_printf ("SELECT key, text, author FROM %s", table);
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *key = (const char *) sqlite3_column_text (stmt, 0);
      g_autofree char *text = NULL;

      rc = SQLITE_OK;
      if (key == NULL)
        continue;
      text = our_store_column_text (stmt, 1);
      set (plan, key, text, our_store_column_author (stmt, 2));
    }
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

static void
set_me_text (OurPlan    *plan,
             const char *key,
             const char *text,
             OurAuthor   author)
{
  OurMeField field;

  if (our_me_field_from_key (key, &field))
    our_plan_set_me_text (plan, field, text, author);
}

static void
set_well_text (OurPlan    *plan,
               const char *key,
               const char *text,
               OurAuthor   author)
{
  OurWellField field;

  if (our_well_field_from_key (key, &field))
    our_plan_set_well_text (plan, field, text, author);
}

static int
load_consent (sqlite3 *db,
              OurPlan *plan)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, "SELECT section, member_id, since, agreed_by FROM consent"
                                   " ORDER BY rowid LIMIT ?", -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    sqlite3_bind_int64 (stmt, 1, OUR_MAX_CONSENTS);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *key = (const char *) sqlite3_column_text (stmt, 0);
      g_autofree char *member_id = our_store_column_text (stmt, 1);
      g_autofree char *since = our_store_column_text (stmt, 2);
      OurSection section;

      rc = SQLITE_OK;
      if (key == NULL || !our_section_from_key (key, &section) || *member_id == '\0')
        continue;
      our_plan_set_consent (plan, section, member_id,
                            our_iso_date_is_valid (since) ? since : "",
                            our_store_column_author (stmt, 3));
    }
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

int
our_store_rows_load (sqlite3            *db,
                     OurPlan            *plan,
                     GObject            *picture_source,
                     OurPictureLoadFunc  load_picture)
{
  int rc = load_keyed_texts (db, "me", set_me_text, plan);

  /* Parents come before their children in the registry. */
  for (guint i = 0; rc == SQLITE_OK && i < OUR_N_LISTS; i++)
    rc = load_list (db, plan, our_plan_lists_get (i));
  if (rc == SQLITE_OK)
    rc = load_pictures (db, plan, picture_source, load_picture);
  if (rc == SQLITE_OK)
    rc = load_keyed_texts (db, "staying_well", set_well_text, plan);
  if (rc == SQLITE_OK)
    rc = load_consent (db, plan);
  return rc;
}
