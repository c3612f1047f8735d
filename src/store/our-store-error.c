/* our-store-error.c: what went wrong with a plan file, in a sentence for the person
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "our-store-error.h"

G_DEFINE_QUARK (our-store-error-quark, our_store_error)

gboolean
our_store_error_is_corrupt (int rc)
{
  int primary = rc & 0xff;

  return primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB;
}

void
our_store_error_set_damaged (GError **error)
{
  g_set_error_literal (error, OUR_STORE_ERROR, OUR_STORE_ERROR_DAMAGED,
                       _("This plan file is damaged and cannot be opened. A backup copy may still be good."));
}

/* Sets @error from a SQLite failure met while opening or loading a file. */
void
our_store_error_set_from_sqlite (GError  **error,
                                 sqlite3  *db,
                                 int       rc)
{
  int primary = rc & 0xff;

  /* SQLITE_ERROR while reading our own tables means they are missing or
   * mangled: from the person's point of view the file is damaged. */
  if (our_store_error_is_corrupt (rc) || primary == SQLITE_ERROR || primary == SQLITE_MISMATCH
      || primary == SQLITE_TOOBIG || primary == SQLITE_RANGE)
    our_store_error_set_damaged (error);
  else if (primary == SQLITE_NOMEM)
    g_set_error_literal (error, OUR_STORE_ERROR, OUR_STORE_ERROR_FAILED,
                         _("There is not enough memory to open this plan."));
  else if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED)
    g_set_error_literal (error, OUR_STORE_ERROR, OUR_STORE_ERROR_FAILED,
                         _("Another program is busy with this plan. Try again in a moment."));
  else if (primary == SQLITE_FULL)
    g_set_error_literal (error, OUR_STORE_ERROR, OUR_STORE_ERROR_NO_SPACE,
                         _("The disk is full, so this plan cannot be opened."));
  else if (primary == SQLITE_READONLY)
    g_set_error_literal (error, OUR_STORE_ERROR, OUR_STORE_ERROR_READ_ONLY,
                         _("This plan needs to be repaired, but it cannot be changed here."));
  else
    g_set_error (error, OUR_STORE_ERROR, OUR_STORE_ERROR_FAILED,
                 _("This plan could not be opened (%s)."),
                 db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
}

