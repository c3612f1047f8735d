/* our-store-private.h: store internals that tests, fixtures and benchmarks reach into
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "our-changes.h"
#include "our-limits.h"
#include "our-store.h"
#include "our-store-rows.h"
#include "our-store-schema.h"
#include "our-store-sql.h"

G_BEGIN_DECLS

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

/* What a file holds beyond our-limits.h, as sentences for the person (an
 * empty array when it holds nothing more), or NULL when the file cannot be
 * read (our-store-limits.c). */
GPtrArray           *our_store_find_cuts             (sqlite3             *db);

G_END_DECLS
