/* our-store-rows.h: the plan's rows, written to and read from any SQLite connection
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "our-changes.h"
#include "our-plan.h"

G_BEGIN_DECLS

/* Each runs inside the caller's transaction, on any connection holding the
 * plan schema (a plan file, or a database in memory). */
int          our_store_rows_write_changes    (sqlite3             *db,
                                              OurPlan             *plan,
                                              const OurChanges    *changes);
int          our_store_rows_write_all        (sqlite3             *db,
                                              OurPlan             *plan);
/* The plan as an agreed version freezes it: every list but the plan's
 * history (OUR_PLAN_LIST_HISTORY), and no pictures' bytes. */
int          our_store_rows_write_version    (sqlite3             *db,
                                              OurPlan             *plan);
/* With a @picture_source, pictures' bytes stay in the file until asked
 * for, through @load_picture (see our_picture_new_stored()). */
int          our_store_rows_load             (sqlite3             *db,
                                              OurPlan             *plan,
                                              GObject             *picture_source,
                                              OurPictureLoadFunc   load_picture);
/* The bytes of picture @id in @db, or NULL. */
GBytes      *our_store_rows_read_picture     (sqlite3             *db,
                                              const char          *id);

G_END_DECLS
