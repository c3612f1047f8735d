/* our-store.h: a plan file (SQLite) that every command is saved to as it happens
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "our-plan.h"
#include "our-file-format.h"
#include "our-session.h"
#include "our-store-error.h"

G_BEGIN_DECLS

typedef enum
{
  OUR_STORE_OPEN_DEFAULT   = 0,
  /* Open read-only even when the file could be written. */
  OUR_STORE_OPEN_READ_ONLY = 1 << 0,
} OurStoreOpenFlags;

#define OUR_TYPE_STORE (our_store_get_type ())
G_DECLARE_FINAL_TYPE (OurStore, our_store, OUR, STORE, GObject)

/* Opens, checks and (after a backup copy) migrates a plan file, then loads
 * its plan into a session whose every command is saved in its own
 * transaction before our_session_run() returns. Never changes a
 * file it refuses. A file another Our Plan holds open, or that cannot be
 * written, is opened read-only: see our_store_get_read_only_reason(). */
/* Reads only the person's name and the review date of the plan at @path
 * (each NULL when the plan has none), for the start screen: checked and
 * opened read-only as our_store_open() would, changing nothing on disk, but
 * without the full check or reading the rest of the plan. */
gboolean     our_store_read_summary         (const char         *path,
                                             char              **name,
                                             char              **review_date,
                                             GError            **error);
OurStore    *our_store_open                 (const char         *path,
                                             OurStoreOpenFlags   flags,
                                             GError            **error);
/* Writes @plan into a new plan file at @path (through a temporary file that is
 * synced and renamed into place), then opens it. Fails if @path exists. */
OurStore    *our_store_create               (const char         *path,
                                             OurPlan            *plan,
                                             GError            **error);
/* Writes the whole of @plan to @path as a new, closed plan file (temporary
 * file, sync, rename; replaces @path). For "save a copy" and the sample. */
gboolean     our_store_write_plan           (OurPlan            *plan,
                                             const char         *path,
                                             GError            **error);

OurPlan     *our_store_get_plan             (OurStore           *self);
/* The plan with its history and who is writing, saving every command
 * through this store; read-only (with the reason) when the file may not be
 * changed. Views are given this. */
OurSession  *our_store_get_session          (OurStore           *self);
const char  *our_store_get_path             (OurStore           *self);
gboolean     our_store_get_read_only        (OurStore           *self);
/* A sentence saying why the plan is read-only, or NULL. */
const char  *our_store_get_read_only_reason (OurStore           *self);
/* Sentences to show the person once after opening (NULL-terminated; empty
 * when there is nothing to say): files set aside, limits reached. */
const char * const *our_store_get_notices   (OurStore           *self);
/* TRUE (property "saving-stopped", notified) once the file stopped taking
 * edits while open: moved or deleted, the disk full, failing or turned
 * read-only. Edits then stay in the window only (OUR_HISTORY_ERROR_ONLY_IN_WINDOW
 * says why in a sentence) and the file keeps what it held, whole; the
 * person saves a copy elsewhere to keep them. */
gboolean     our_store_get_saving_stopped   (OurStore           *self);
/* Saves everything still pending and leaves the file as one self-contained
 * file. Also done on finalize. */
void         our_store_close                (OurStore           *self);

/* For `ourplan check`: opens the plan exactly as the window does, but
 * read-only, and changes nothing on the disk. On failure @report is left
 * empty (our_store_report_clear() is still safe to call). */
typedef struct
{
  int      schema_version;
  char    *integrity;        /* "ok" or SQLite's first complaint */
  guint    n_goals;
  guint    n_steps;
  guint    n_me_fields;      /* Me fields that hold text */
  guint    n_members;        /* people and things in "My people" */
  guint    n_board_items;    /* notes, pictures and symbols on the board */
  guint    n_pictures;       /* pictures kept in the file */
  guint    n_safety_notes;
  char   **notices;          /* what opening the plan would tell the person */
} OurStoreReport;

gboolean     our_store_check                (const char         *path,
                                             OurStoreReport     *report,
                                             GError            **error);
void         our_store_report_clear         (OurStoreReport     *report);

G_END_DECLS
