/* our-store-limits.c: what a plan file holds beyond what Our Plan shows
 *
 * The loaders read no more than our-limits.h allows; this says, in a
 * sentence for each part, where a file held more, so that the person is told
 * and the plan is opened read-only rather than saved back cut.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "our-store-private.h"

/* Tables whose text a person writes (every TEXT column is looked at). */
static const char * const text_tables[] = {
  "me", "goals", "steps", "members", "board_items", "board_zones",
  "crisis_contacts", "safety_notes", "staying_well", "meetings", "agreements", "disagreements",
  "comments",
};

static gboolean
query_exceeds (sqlite3    *db,
               const char *sql,
               gint64      limit,
               int        *rc)
{
  sqlite3_stmt *stmt = NULL;
  gboolean exceeds = FALSE;

  *rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (*rc == SQLITE_OK)
    {
      sqlite3_bind_int64 (stmt, 1, limit);
      *rc = sqlite3_step (stmt);
      if (*rc == SQLITE_ROW)
        {
          exceeds = sqlite3_column_int64 (stmt, 0) != 0;
          *rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);
  return exceeds;
}

static gboolean
text_is_too_long (sqlite3    *db,
                  const char *table,
                  int        *rc)
{
  g_autofree char *pragma = g_strdup_printf ("PRAGMA table_info(\"%s\")", table);
  sqlite3_stmt *stmt = NULL;
  gboolean too_long = FALSE;

  *rc = sqlite3_prepare_v2 (db, pragma, -1, &stmt, NULL);
  while (*rc == SQLITE_OK && !too_long && (*rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *column = (const char *) sqlite3_column_text (stmt, 1);
      const char *type = (const char *) sqlite3_column_text (stmt, 2);
      g_autofree char *sql = NULL;

      *rc = SQLITE_OK;
      if (column == NULL || type == NULL || g_ascii_strcasecmp (type, "TEXT") != 0
          || strchr (column, '"') != NULL)
        continue;
      /* length() counts characters, as OUR_MAX_TEXT_CHARS does. */
      sql = g_strdup_printf ("SELECT EXISTS (SELECT 1 FROM \"%s\" WHERE length(\"%s\") > ?)",
                             table, column);
      too_long = query_exceeds (db, sql, OUR_MAX_TEXT_CHARS, rc);
    }
  if (*rc == SQLITE_DONE)
    *rc = SQLITE_OK;
  sqlite3_finalize (stmt);
  return too_long;
}

GPtrArray *
our_store_find_cuts (sqlite3 *db)
{
  g_autoptr(GPtrArray) cuts = g_ptr_array_new_with_free_func (g_free);
  int rc = SQLITE_OK;

#define COUNT_OVER(table) "SELECT (SELECT count(*) FROM " table ") > ?"
  if (query_exceeds (db, COUNT_OVER ("goals"), OUR_MAX_GOALS, &rc))
    g_ptr_array_add (cuts, g_strdup_printf (_("This plan holds more goals than Our Plan can show: only the first %d are shown."),
                                            OUR_MAX_GOALS));
  if (rc == SQLITE_OK
      && query_exceeds (db, "SELECT EXISTS (SELECT 1 FROM steps GROUP BY goal_id"
                            " HAVING count(*) > ?)", OUR_MAX_STEPS_PER_GOAL, &rc))
    g_ptr_array_add (cuts, g_strdup_printf (_("A goal in this plan has more steps than Our Plan can show: only the first %d of each are shown."),
                                            OUR_MAX_STEPS_PER_GOAL));
  if (rc == SQLITE_OK && query_exceeds (db, COUNT_OVER ("members"), OUR_MAX_MEMBERS, &rc))
    g_ptr_array_add (cuts, g_strdup_printf (_("This plan holds more people and things that help than Our Plan can show: only the first %d are shown."),
                                            OUR_MAX_MEMBERS));
  if (rc == SQLITE_OK && query_exceeds (db, COUNT_OVER ("board_items"), OUR_MAX_BOARD_ITEMS, &rc))
    g_ptr_array_add (cuts, g_strdup_printf (_("This plan holds more things on its notes board than Our Plan can show: only the first %d are shown."),
                                            OUR_MAX_BOARD_ITEMS));
  if (rc == SQLITE_OK && query_exceeds (db, COUNT_OVER ("board_zones"), OUR_MAX_BOARD_ZONES, &rc))
    g_ptr_array_add (cuts, g_strdup_printf (_("This plan holds more areas on its notes board than Our Plan can show: only the first %d are shown."),
                                            OUR_MAX_BOARD_ZONES));
  if (rc == SQLITE_OK
      && query_exceeds (db, COUNT_OVER ("crisis_contacts"), OUR_MAX_CRISIS_CONTACTS, &rc))
    g_ptr_array_add (cuts, g_strdup_printf (_("This plan holds more people to contact in a crisis than Our Plan can show: only the first %d are shown."),
                                            OUR_MAX_CRISIS_CONTACTS));
  if (rc == SQLITE_OK && query_exceeds (db, COUNT_OVER ("safety_notes"), OUR_MAX_SAFETY_NOTES, &rc))
    g_ptr_array_add (cuts, g_strdup_printf (_("This plan holds more safety notes than Our Plan can show: only the first %d are shown."),
                                            OUR_MAX_SAFETY_NOTES));
  if (rc == SQLITE_OK && query_exceeds (db, COUNT_OVER ("copy_log"), OUR_MAX_COPY_RECORDS, &rc))
    g_ptr_array_add (cuts, g_strdup_printf (_("This plan lists more copies than Our Plan can show: only the first %d are shown."),
                                            OUR_MAX_COPY_RECORDS));
  if (rc == SQLITE_OK && query_exceeds (db, COUNT_OVER ("meetings"), OUR_MAX_MEETINGS, &rc))
    g_ptr_array_add (cuts, g_strdup_printf (_("This plan lists more meetings than Our Plan can show: only the first %d are shown."),
                                            OUR_MAX_MEETINGS));
  if (rc == SQLITE_OK && query_exceeds (db, COUNT_OVER ("agreements"), OUR_MAX_AGREEMENTS, &rc))
    g_ptr_array_add (cuts, g_strdup_printf (_("This plan holds more agreed versions than Our Plan can show: only the first %d are shown."),
                                            OUR_MAX_AGREEMENTS));
  if (rc == SQLITE_OK
      && query_exceeds (db, "SELECT EXISTS (SELECT 1 FROM disagreements GROUP BY agreement_id"
                            " HAVING count(*) > ?)", OUR_MAX_DISAGREEMENTS_PER_AGREEMENT, &rc))
    g_ptr_array_add (cuts, g_strdup_printf (_("An agreed version of this plan lists more disagreements than Our Plan can show: only the first %d of each are shown."),
                                            OUR_MAX_DISAGREEMENTS_PER_AGREEMENT));
  if (rc == SQLITE_OK && query_exceeds (db, COUNT_OVER ("comments"), OUR_MAX_COMMENTS, &rc))
    g_ptr_array_add (cuts, g_strdup_printf (_("This plan holds more carers’ comments than Our Plan can show: only the first %d are shown."),
                                            OUR_MAX_COMMENTS));
  if (rc == SQLITE_OK && query_exceeds (db, COUNT_OVER ("consent"), OUR_MAX_CONSENTS, &rc))
    g_ptr_array_add (cuts, g_strdup (_("This plan holds more choices about what each person may see than Our Plan can read: the rest were left out, so less is shared.")));
#undef COUNT_OVER

  for (guint i = 0; rc == SQLITE_OK && i < G_N_ELEMENTS (text_tables); i++)
    if (text_is_too_long (db, text_tables[i], &rc))
      {
        g_ptr_array_add (cuts, g_strdup_printf (_("Some writing in this plan is longer than Our Plan can show: it is cut at %d characters."),
                                                OUR_MAX_TEXT_CHARS));
        break;
      }

  return rc == SQLITE_OK ? g_steal_pointer (&cuts) : NULL;
}
