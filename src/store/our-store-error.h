/* our-store-error.h: what went wrong with a plan file, in a sentence for the person
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

#define OUR_STORE_ERROR (our_store_error_quark ())

/* Every message set with these codes is one plain sentence a coordinator
 * understands, marked for translation. */
typedef enum
{
  OUR_STORE_ERROR_NOT_FOUND,     /* no file at that path */
  OUR_STORE_ERROR_EMPTY,         /* zero bytes */
  OUR_STORE_ERROR_NOT_A_PLAN,    /* not a SQLite file at all */
  OUR_STORE_ERROR_FOREIGN,       /* a SQLite database of another program */
  OUR_STORE_ERROR_DAMAGED,       /* truncated or corrupted */
  OUR_STORE_ERROR_TOO_NEW,       /* made by a newer Our Plan */
  OUR_STORE_ERROR_READ_ONLY,     /* cannot write here */
  OUR_STORE_ERROR_FILE_LOST,     /* moved or deleted while open */
  OUR_STORE_ERROR_NO_SPACE,      /* the disk is full */
  OUR_STORE_ERROR_FAILED,        /* anything else, with SQLite's words */
} OurStoreError;

GQuark our_store_error_quark (void);

/* Whether a SQLite result code means the file is damaged. */
gboolean     our_store_error_is_corrupt      (int        rc);
void         our_store_error_set_damaged     (GError   **error);
/* Sets @error from a SQLite failure met while opening or loading a file. */
void         our_store_error_set_from_sqlite (GError   **error,
                                              sqlite3   *db,
                                              int        rc);

G_END_DECLS
