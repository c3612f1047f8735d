/* our-store-rows.c: the rows of the notes board, staying well, consent and the copy log
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every list here is written the same way: an item named in OurChanges is
 * written whole when it is in the plan and deleted when it is not, and the
 * positions of the whole list are rewritten when its order changed. Values
 * read back are not trusted: the model's setters clamp them.
 */
#include "config.h"

#include <math.h>

#include "our-limits.h"
#include "our-store-private.h"

/* Pictures larger than this in a file are not loaded (the importer never
 * writes more than a few megabytes). */
#define MAX_PICTURE_BYTES (64 * 1024 * 1024)

typedef int (*BindRowFunc) (sqlite3_stmt *stmt, gpointer item);

typedef struct
{
  const char  *table;
  const char  *upsert_sql;     /* ?1 id, ?2 position, then the item's own columns */
  GListModel *(*list) (OurPlan *plan);
  gpointer    (*find) (OurPlan *plan, const char *id, guint *position);
  const char *(*get_id) (gpointer item);
  BindRowFunc   bind;
  gsize         ids_offset;
  gsize         order_offset;  /* 0: no order flag */
} RowFamily;

static int
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
  return SQLITE_OK;
}

static int
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
  return SQLITE_OK;
}

static int
bind_crisis_contact (sqlite3_stmt *stmt,
                     gpointer      data)
{
  OurCrisisContact *contact = data;

  sqlite3_bind_text (stmt, 3, our_crisis_contact_get_member_id (contact), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, our_crisis_contact_get_name (contact), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, our_crisis_contact_get_phone (contact), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, our_crisis_contact_get_when (contact), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 7, our_crisis_contact_get_author (contact));
  return SQLITE_OK;
}

static int
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
  return SQLITE_OK;
}

static int
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
  return SQLITE_OK;
}

#define LIST(f)   ((GListModel *(*) (OurPlan *)) (f))
#define FIND(f)   ((gpointer (*) (OurPlan *, const char *, guint *)) (f))
#define GET_ID(f) ((const char *(*) (gpointer)) (f))

static const RowFamily families[] = {
  {
    "board_items",
    "INSERT OR REPLACE INTO board_items (id, position, kind, text, text_author, colour,"
    " picture_id, symbol, x, y, width, height, rotation, added_by)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
    LIST (our_plan_get_board_items), FIND (our_plan_find_board_item),
    GET_ID (our_board_item_get_id), bind_board_item,
    G_STRUCT_OFFSET (OurChanges, board_item_ids), G_STRUCT_OFFSET (OurChanges, board_order),
  },
  {
    "board_zones",
    "INSERT OR REPLACE INTO board_zones (id, position, name, name_author, x, y, width, height)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    LIST (our_plan_get_board_zones), FIND (our_plan_find_board_zone),
    GET_ID (our_board_zone_get_id), bind_board_zone,
    G_STRUCT_OFFSET (OurChanges, zone_ids), G_STRUCT_OFFSET (OurChanges, zone_order),
  },
  {
    "crisis_contacts",
    "INSERT OR REPLACE INTO crisis_contacts (id, position, member_id, name, phone,"
    " when_text, author) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    LIST (our_plan_get_crisis_contacts), FIND (our_plan_find_crisis_contact),
    GET_ID (our_crisis_contact_get_id), bind_crisis_contact,
    G_STRUCT_OFFSET (OurChanges, crisis_contact_ids),
    G_STRUCT_OFFSET (OurChanges, crisis_contact_order),
  },
  {
    "safety_notes",
    "INSERT OR REPLACE INTO safety_notes (id, position, kind, text, text_author,"
    " talked_together, talked_on, team_only, written_on)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    LIST (our_plan_get_safety_notes), FIND (our_plan_find_safety_note),
    GET_ID (our_safety_note_get_id), bind_safety_note,
    G_STRUCT_OFFSET (OurChanges, safety_note_ids),
    G_STRUCT_OFFSET (OurChanges, safety_note_order),
  },
  {
    "copy_log",
    "INSERT OR REPLACE INTO copy_log (id, position, kind, medium, carer_id, carer_name,"
    " made_at, large_print) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    LIST (our_plan_get_copy_log), FIND (our_plan_find_copy_record),
    GET_ID (our_copy_record_get_id), bind_copy_record,
    G_STRUCT_OFFSET (OurChanges, copy_record_ids), 0,
  },
};

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

static int
write_row (sqlite3_stmt    *stmt,
           const RowFamily *family,
           gpointer         item,
           guint            position)
{
  int rc;

  sqlite3_bind_text (stmt, 1, family->get_id (item), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, position);
  family->bind (stmt, item);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* Writes every item of the family at its position. */
static int
write_family_all (sqlite3         *db,
                  OurPlan         *plan,
                  const RowFamily *family)
{
  GListModel *list = family->list (plan);
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, family->upsert_sql, -1, &stmt, NULL);

  for (guint i = 0; rc == SQLITE_OK && i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);

      rc = write_row (stmt, family, item, i);
    }
  sqlite3_finalize (stmt);
  return rc;
}

static int
write_family_changes (sqlite3          *db,
                      OurPlan          *plan,
                      const RowFamily  *family,
                      const OurChanges *changes)
{
  GPtrArray *ids = G_STRUCT_MEMBER (GPtrArray *, changes, family->ids_offset);
  gboolean order = family->order_offset != 0
                   && G_STRUCT_MEMBER (gboolean, changes, family->order_offset);
  int rc = SQLITE_OK;

  for (guint i = 0; ids != NULL && rc == SQLITE_OK && i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      guint position;
      gpointer item = family->find (plan, id, &position);

      if (item == NULL)
        {
          g_autofree char *sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?1", family->table);
          rc = run_sql (db, sql, id, NULL);
        }
      else if (!order)
        {
          sqlite3_stmt *stmt = NULL;

          rc = sqlite3_prepare_v2 (db, family->upsert_sql, -1, &stmt, NULL);
          if (rc == SQLITE_OK)
            rc = write_row (stmt, family, item, position);
          sqlite3_finalize (stmt);
        }
    }
  /* A new order rewrites every row's position, which also writes new items. */
  if (rc == SQLITE_OK && order)
    rc = write_family_all (db, plan, family);
  return rc;
}

/* Each picture a board item shows is in the file once; pictures nothing
 * shows any more are removed (secure_delete wipes their bytes). */
static int
write_pictures (sqlite3 *db,
                OurPlan *plan,
                gboolean remove_unused)
{
  GListModel *items = our_plan_get_board_items (plan);
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db,
                           "INSERT OR IGNORE INTO pictures (id, mime_type, width, height, data)"
                           " VALUES (?1, ?2, ?3, ?4, ?5)", -1, &stmt, NULL);
  for (guint i = 0; rc == SQLITE_OK && i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(OurBoardItem) item = g_list_model_get_item (items, i);
      OurPicture *picture = our_plan_get_picture (plan, our_board_item_get_picture_id (item));
      GBytes *bytes;

      if (picture == NULL)
        continue;
      bytes = our_picture_get_bytes (picture);
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
  if (rc == SQLITE_OK && remove_unused)
    rc = run_sql (db, "DELETE FROM pictures WHERE id NOT IN"
                      " (SELECT picture_id FROM board_items)", NULL, NULL);
  return rc;
}

static int
write_well_field (sqlite3      *db,
                  OurPlan      *plan,
                  OurWellField  field)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db,
                               "INSERT OR REPLACE INTO staying_well (key, text, author)"
                               " VALUES (?1, ?2, ?3)", -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, our_well_field_get_key (field), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, our_plan_get_well_text (plan, field), -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 3, our_plan_get_well_author (plan, field));
      rc = sqlite3_step (stmt);
      rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
    }
  sqlite3_finalize (stmt);
  return rc;
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
  int rc = SQLITE_OK;

  for (guint i = 0; rc == SQLITE_OK && i < G_N_ELEMENTS (families); i++)
    rc = write_family_changes (db, plan, &families[i], changes);
  if (rc == SQLITE_OK && (changes->board_item_ids != NULL || changes->board_order))
    rc = write_pictures (db, plan, TRUE);
  for (guint f = 0; rc == SQLITE_OK && f < OUR_N_WELL_FIELDS; f++)
    if ((changes->well_fields & (1u << f)) != 0)
      rc = write_well_field (db, plan, f);
  if (rc == SQLITE_OK && changes->consent_sections != 0)
    rc = write_consent (db, plan, changes->consent_sections);
  return rc;
}

int
our_store_rows_write_all (sqlite3 *db,
                          OurPlan *plan)
{
  int rc = SQLITE_OK;

  for (guint i = 0; rc == SQLITE_OK && i < G_N_ELEMENTS (families); i++)
    rc = write_family_all (db, plan, &families[i]);
  if (rc == SQLITE_OK)
    rc = write_pictures (db, plan, FALSE);
  for (guint f = 0; rc == SQLITE_OK && f < OUR_N_WELL_FIELDS; f++)
    if (*our_plan_get_well_text (plan, f) != '\0')
      rc = write_well_field (db, plan, f);
  if (rc == SQLITE_OK)
    rc = write_consent (db, plan, (1u << OUR_N_SECTIONS) - 1);
  return rc;
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

static double
column_finite (sqlite3_stmt *stmt,
               int           column)
{
  double value = sqlite3_column_double (stmt, column);

  return isfinite (value) ? value : 0.0;
}

typedef void (*LoadRowFunc) (sqlite3_stmt *stmt, const char *id, OurPlan *plan, guint n);

/* @sql ends in "LIMIT ?": no more than @max rows are read (our-limits.h). */
static int
load_rows (sqlite3     *db,
           OurPlan     *plan,
           const char  *sql,
           guint        max,
           LoadRowFunc  load_row)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt = NULL;
  guint n = 0;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    sqlite3_bind_int64 (stmt, 1, max);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *id = column_new_id (stmt, seen);

      rc = SQLITE_OK;
      if (id != NULL)
        load_row (stmt, id, plan, n++);
    }
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

static void
load_board_item (sqlite3_stmt *stmt,
                 const char   *id,
                 OurPlan      *plan,
                 guint         n)
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
  our_plan_insert_board_item (plan, n, item);
}

static void
load_board_zone (sqlite3_stmt *stmt,
                 const char   *id,
                 OurPlan      *plan,
                 guint         n)
{
  g_autoptr(OurBoardZone) zone = our_board_zone_new (id);
  g_autofree char *name = our_store_column_text (stmt, 1);

  our_board_zone_set_name (zone, name, our_store_column_author (stmt, 2));
  our_board_zone_set_box (zone, column_finite (stmt, 3), column_finite (stmt, 4),
                          column_finite (stmt, 5), column_finite (stmt, 6));
  our_plan_insert_board_zone (plan, n, zone);
}

static void
load_crisis_contact (sqlite3_stmt *stmt,
                     const char   *id,
                     OurPlan      *plan,
                     guint         n)
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
  our_plan_insert_crisis_contact (plan, n, contact);
}

static void
load_safety_note (sqlite3_stmt *stmt,
                  const char   *id,
                  OurPlan      *plan,
                  guint         n)
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
  our_plan_insert_safety_note (plan, n, note);
}

static void
load_copy_record (sqlite3_stmt *stmt,
                  const char   *id,
                  OurPlan      *plan,
                  guint         n)
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
  our_plan_insert_copy_record (plan, n, record);
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

static int
load_pictures (sqlite3 *db,
               OurPlan *plan)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db,
                               "SELECT id, mime_type, width, height, data FROM pictures"
                               " WHERE id IN (SELECT picture_id FROM board_items"
                               "              ORDER BY position, rowid LIMIT ?)",
                               -1, &stmt, NULL);

  /* Only the pictures of the things shown (see load_rows). */
  if (rc == SQLITE_OK)
    sqlite3_bind_int64 (stmt, 1, OUR_MAX_BOARD_ITEMS);

  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *id = (const char *) sqlite3_column_text (stmt, 0);
      g_autofree char *mime_type = our_store_column_text (stmt, 1);
      const void *data = sqlite3_column_blob (stmt, 4);
      gsize size = (gsize) sqlite3_column_bytes (stmt, 4);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(OurPicture) picture = NULL;

      rc = SQLITE_OK;
      if (id == NULL || !looks_like_picture_id (id) || data == NULL
          || size == 0 || size > MAX_PICTURE_BYTES
          || !(g_str_equal (mime_type, "image/png") || g_str_equal (mime_type, "image/jpeg")))
        continue;
      /* The id is the SHA-256 of the bytes; the renderer checks it when it
       * first decodes the picture, in a worker thread (hashing every
       * picture here would hold up opening the plan). */
      bytes = g_bytes_new (data, size);
      picture = our_picture_new (id, bytes, mime_type,
                                 (int) our_store_column_clamped (stmt, 2, 65535, 1),
                                 (int) our_store_column_clamped (stmt, 3, 65535, 1));
      our_plan_add_picture (plan, picture);
    }
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

static int
load_well_and_consent (sqlite3 *db,
                       OurPlan *plan)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, "SELECT key, text, author FROM staying_well", -1, &stmt, NULL);

  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *key = (const char *) sqlite3_column_text (stmt, 0);
      OurWellField field;
      g_autofree char *text = NULL;

      rc = SQLITE_OK;
      if (key == NULL || !our_well_field_from_key (key, &field))
        continue;
      text = our_store_column_text (stmt, 1);
      our_plan_set_well_text (plan, field, text, our_store_column_author (stmt, 2));
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return rc;

  rc = sqlite3_prepare_v2 (db, "SELECT section, member_id, since, agreed_by FROM consent"
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
our_store_rows_load (sqlite3 *db,
                     OurPlan *plan)
{
  int rc;

  rc = load_rows (db, plan,
                  "SELECT id, kind, text, text_author, colour, picture_id, symbol,"
                  " x, y, width, height, rotation, added_by FROM board_items"
                  " ORDER BY position, rowid LIMIT ?", OUR_MAX_BOARD_ITEMS, load_board_item);
  if (rc == SQLITE_OK)
    rc = load_pictures (db, plan);
  if (rc == SQLITE_OK)
    rc = load_rows (db, plan,
                    "SELECT id, name, name_author, x, y, width, height FROM board_zones"
                    " ORDER BY position, rowid LIMIT ?", OUR_MAX_BOARD_ZONES, load_board_zone);
  if (rc == SQLITE_OK)
    rc = load_rows (db, plan,
                    "SELECT id, member_id, name, phone, when_text, author FROM crisis_contacts"
                    " ORDER BY position, rowid LIMIT ?", OUR_MAX_CRISIS_CONTACTS,
                    load_crisis_contact);
  if (rc == SQLITE_OK)
    rc = load_rows (db, plan,
                    "SELECT id, kind, text, text_author, talked_together, talked_on,"
                    " team_only, written_on FROM safety_notes ORDER BY position, rowid LIMIT ?",
                    OUR_MAX_SAFETY_NOTES, load_safety_note);
  if (rc == SQLITE_OK)
    rc = load_rows (db, plan,
                    "SELECT id, kind, medium, carer_id, carer_name, made_at, large_print"
                    " FROM copy_log ORDER BY position, rowid LIMIT ?", OUR_MAX_COPY_RECORDS,
                    load_copy_record);
  if (rc == SQLITE_OK)
    rc = load_well_and_consent (db, plan);
  return rc;
}
