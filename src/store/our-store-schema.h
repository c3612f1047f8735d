/* our-store-schema.h: the schema of plan files, one step per version, and taking a file forward
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include <glib.h>

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
const OurMigration  *our_store_get_migrations       (guint               *n_migrations);

/* Takes the file from @version to the last step's version, in one
 * transaction: wholly updated, or left as it was. The caller made a backup
 * copy first. */
gboolean             our_store_schema_migrate       (sqlite3             *db,
                                                     const char          *path,
                                                     int                  version,
                                                     const OurMigration  *steps,
                                                     guint                n_steps,
                                                     GError             **error);
/* Runs the update on a copy of the file behind @fd in memory first, and
 * loads the plan from it: an update that cannot work is refused before the
 * file, or anything beside it, is touched. */
gboolean             our_store_schema_try_migration (int                  fd,
                                                     const char          *path,
                                                     int                  version,
                                                     const OurMigration  *steps,
                                                     guint                n_steps,
                                                     GError             **error);

G_END_DECLS
