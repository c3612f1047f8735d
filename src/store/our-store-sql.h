/* our-store-sql.h: small SQLite helpers: reading untrusted values, one-row queries, a hardened connection
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "our-limits.h"
#include "our-types.h"

G_BEGIN_DECLS

/* Longest text read from a file, in bytes (a character is at most four):
 * longer text is cut at a character boundary, and the model cuts it to
 * OUR_MAX_TEXT_CHARS characters. */
#define OUR_STORE_MAX_TEXT_BYTES (OUR_MAX_TEXT_CHARS * 4)

/* Reading values from a file that is not trusted. */
char       *our_store_column_text      (sqlite3_stmt  *stmt,
                                        int            column);
OurAuthor   our_store_column_author    (sqlite3_stmt  *stmt,
                                        int            column);
/* An integer column in [0, @max], else @fallback. */
gint64      our_store_column_clamped   (sqlite3_stmt  *stmt,
                                        int            column,
                                        gint64         max,
                                        gint64         fallback);

int         our_store_sql_exec         (sqlite3       *db,
                                        const char    *sql);
/* Runs a one-row statement and gives its first column as text (NULL when
 * there is no row) or as a number. */
int         our_store_sql_query_text   (sqlite3       *db,
                                        const char    *sql,
                                        char         **out);
int         our_store_sql_query_int    (sqlite3       *db,
                                        const char    *sql,
                                        gint64        *out);
/* Sets up a freshly opened connection so that a hostile file can do as
 * little as possible. */
int         our_store_sql_harden       (sqlite3       *db);

G_END_DECLS
