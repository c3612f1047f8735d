/* our-store-sql.c: small SQLite helpers: reading untrusted values, one-row queries, a hardened connection
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "our-store-sql.h"

/* How long a save waits for a reader in another window before giving up. */
#define BUSY_TIMEOUT_MS 3000
/* No single value a plan file hands us may be larger than this. */
#define MAX_VALUE_BYTES (64 * 1024 * 1024)

/* Text from a file is not trusted: NULL becomes "", anything that is not
 * UTF-8 is repaired, and text longer than OUR_STORE_MAX_TEXT_BYTES is cut at
 * a character boundary. */
char *
our_store_column_text (sqlite3_stmt *stmt,
                       int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);
  gsize len;

  if (text == NULL)
    return g_strdup ("");
  len = (gsize) sqlite3_column_bytes (stmt, column);
  if (len > OUR_STORE_MAX_TEXT_BYTES)
    {
      len = OUR_STORE_MAX_TEXT_BYTES;
      while (len > 0 && ((guchar) text[len] & 0xC0) == 0x80)
        len--;
    }
  if (g_utf8_validate_len (text, len, NULL))
    return g_strndup (text, len);
  return g_utf8_make_valid (text, len);
}

OurAuthor
our_store_column_author (sqlite3_stmt *stmt,
                         int           column)
{
  return sqlite3_column_int64 (stmt, column) == OUR_AUTHOR_COORDINATOR
    ? OUR_AUTHOR_COORDINATOR : OUR_AUTHOR_PERSON;
}

gint64
our_store_column_clamped (sqlite3_stmt *stmt,
                          int           column,
                          gint64        max,
                          gint64        fallback)
{
  gint64 value = sqlite3_column_int64 (stmt, column);

  if (sqlite3_column_type (stmt, column) != SQLITE_INTEGER || value < 0 || value > max)
    return fallback;
  return value;
}

int
our_store_sql_exec (sqlite3    *db,
                    const char *sql)
{
  return sqlite3_exec (db, sql, NULL, NULL, NULL);
}

/* Runs a one-row PRAGMA and returns its first column as text. */
int
our_store_sql_query_text (sqlite3     *db,
                          const char  *sql,
                          char       **out)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  *out = NULL;
  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return rc;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      const char *text = (const char *) sqlite3_column_text (stmt, 0);
      *out = g_strdup (text ? text : "");
      rc = SQLITE_OK;
    }
  else if (rc == SQLITE_DONE)
    rc = SQLITE_OK;
  sqlite3_finalize (stmt);
  return rc;
}

int
our_store_sql_query_int (sqlite3    *db,
                         const char *sql,
                         gint64     *out)
{
  g_autofree char *text = NULL;
  int rc = our_store_sql_query_text (db, sql, &text);

  *out = text ? g_ascii_strtoll (text, NULL, 10) : 0;
  return rc;
}

/* Sets up a freshly opened connection so that a hostile file can do as
 * little as possible. */
int
our_store_sql_harden (sqlite3 *db)
{
  int rc;

  sqlite3_extended_result_codes (db, 1);
  sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_VIEW, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_DQS_DDL, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_DQS_DML, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, NULL);
  sqlite3_limit (db, SQLITE_LIMIT_LENGTH, MAX_VALUE_BYTES);
  sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);
  rc = our_store_sql_exec (db,
                           "PRAGMA cell_size_check = ON;"
                           "PRAGMA secure_delete = ON;"
                           "PRAGMA foreign_keys = ON;"
                           "PRAGMA mmap_size = 0;");
  return rc;
}

