/* our-store-private.h: store internals that tests, fixtures and benchmarks reach into
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "our-changes.h"
#include "our-limits.h"
#include "our-store.h"

G_BEGIN_DECLS

/* One forward step of the schema: the SQL that takes a file from
 * to_version - 1 to to_version. Each step runs in its own transaction, after
 * a backup copy of the file was made next to it. */
typedef struct
{
  int          to_version;
  const char  *sql;
} OurMigration;

/* The migrations this build knows, oldest first. The last one's to_version
 * is OUR_SCHEMA_VERSION. */
const OurMigration  *our_store_get_migrations        (guint               *n_migrations);

/* our_store_open() with another list of migrations: the target version is the
 * last migration's to_version. For tests of the migration machinery. */
OurStore            *our_store_open_with_migrations  (const char          *path,
                                                      OurStoreOpenFlags    flags,
                                                      const OurMigration  *migrations,
                                                      guint                n_migrations,
                                                      GError             **error);

/* Journal modes a store can be forced into, for the benchmark and tests.
 * OUR_STORE_JOURNAL_DEFAULT is the measured choice (see our-store.c). */
typedef enum
{
  OUR_STORE_JOURNAL_DEFAULT,
  /* WAL with exclusive locking: what network folders get. */
  OUR_STORE_JOURNAL_EXCLUSIVE,
  OUR_STORE_JOURNAL_WAL,
} OurStoreJournal;

/* Applies to the stores opened after the call, in this process. */
void                 our_store_set_journal_for_testing (OurStoreJournal  journal);
/* "wal", "delete" or "memory": what the open store's connection uses now. */
const char          *our_store_get_journal_mode      (OurStore            *self);

/* Adds a sentence for our_store_get_notices(); a sentence is kept once. */
void                 our_store_add_notice            (OurStore            *self,
                                                      const char          *sentence);

/* The store's own connection, for tests that look at the file's rows. */
sqlite3             *our_store_get_db                (OurStore            *self);

/* Longest text read from a file, in bytes (a character is at most four):
 * longer text is cut at a character boundary, and the model cuts it to
 * OUR_MAX_TEXT_CHARS characters. */
#define OUR_STORE_MAX_TEXT_BYTES (OUR_MAX_TEXT_CHARS * 4)

/* Reading values from a file that is not trusted (our-store.c). */
char                *our_store_column_text           (sqlite3_stmt        *stmt,
                                                      int                  column);
OurAuthor            our_store_column_author         (sqlite3_stmt        *stmt,
                                                      int                  column);
/* An integer column in [0, @max], else @fallback. */
gint64               our_store_column_clamped        (sqlite3_stmt        *stmt,
                                                      int                  column,
                                                      gint64               max,
                                                      gint64               fallback);

/* What a file holds beyond our-limits.h, as sentences for the person (an
 * empty array when it holds nothing more), or NULL when the file cannot be
 * read (our-store-limits.c). */
GPtrArray           *our_store_find_cuts             (sqlite3             *db);

/* The rows of the notes board, staying well, consent and the copy log
 * (our-store-rows.c). Each runs inside the caller's transaction. */
int                  our_store_rows_write_changes    (sqlite3             *db,
                                                      OurPlan             *plan,
                                                      const OurChanges    *changes);
int                  our_store_rows_write_all        (sqlite3             *db,
                                                      OurPlan             *plan);
int                  our_store_rows_load             (sqlite3             *db,
                                                      OurPlan             *plan);

G_END_DECLS
