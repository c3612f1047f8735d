/* our-session.h: one open plan, its undo history, who is writing, and whether it may be changed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "our-history.h"

G_BEGIN_DECLS

#define OUR_TYPE_SESSION (our_session_get_type ())
G_DECLARE_FINAL_TYPE (OurSession, our_session, OUR, SESSION, GObject)

/* Editing state lives here, below the screen, so that any window, tab or
 * headless command sees the same: the views are given the session and change
 * the plan only through our_session_run().
 *
 * Properties: "plan" (OurPlan, construct-only), "history" (OurHistory, or
 * NULL when read-only), "author" (int, OurAuthor: who is writing now),
 * "read-only" (gboolean), "read-only-reason" (string, a sentence for people).
 *
 * Signal "commit-pending": editors holding typing not yet run as a command
 * run it now (before the author changes, before undo, before closing).
 *
 * Actions (our_session_get_actions()): "author", stateful, a string
 * "person" or "coordinator"; disabled when read-only. */
OurSession   *our_session_new              (OurPlan      *plan);
/* A session that cannot change its plan and has no history: a plan open
 * elsewhere, a file that cannot be written, a carer's copy. */
OurSession   *our_session_new_read_only    (OurPlan      *plan,
                                            const char   *reason);

/* A session for a carer's copy: read-only (views show the plan as it is
 * and offer no editing) except for commands that change only the comments
 * (OUR_LIST_COMMENTS), which run, save and undo as usual. */
OurSession   *our_session_new_comments_only (OurPlan     *plan,
                                            const char   *reason);
/* Whether comments may be written although the plan is read-only. */
gboolean      our_session_get_comments_only (OurSession  *self);

OurPlan      *our_session_get_plan         (OurSession   *self);
OurHistory   *our_session_get_history      (OurSession   *self);
gboolean      our_session_get_read_only    (OurSession   *self);
const char   *our_session_get_read_only_reason (OurSession *self);
OurAuthor     our_session_get_author       (OurSession   *self);
void          our_session_set_author       (OurSession   *self,
                                            OurAuthor     author);
GActionGroup *our_session_get_actions      (OurSession   *self);

/* Writes what a command changed through the store (see OurSaveFunc). */
void          our_session_set_save_func    (OurSession   *self,
                                            OurSaveFunc   func,
                                            gpointer      user_data,
                                            GDestroyNotify destroy);

/* As our_history_run(), our_history_record(), our_history_undo() and
 * our_history_redo(); in a read-only session they change nothing and fail
 * with OUR_HISTORY_ERROR_READ_ONLY and the reason. */
gboolean      our_session_run              (OurSession   *self,
                                            OurCommand   *command,
                                            GError      **error);
gboolean      our_session_record           (OurSession   *self,
                                            OurCommand   *command,
                                            GError      **error);
gboolean      our_session_undo             (OurSession   *self,
                                            GError      **error);
gboolean      our_session_redo             (OurSession   *self,
                                            GError      **error);
/* One action of several commands: one undo step with one label, saved in
 * one transaction (our_history_begin_group()). In a read-only session the
 * commands in between fail as our_session_run() does. */
void          our_session_begin_group      (OurSession   *self,
                                            const char   *label);
gboolean      our_session_end_group        (OurSession   *self,
                                            GError      **error);
/* As our_session_run(), but the command is one undo step of its own (a group
 * of one): it neither merges into the step before nor takes in typing after
 * it. For single actions (a drag, a switch, a button). */
gboolean      our_session_run_alone        (OurSession   *self,
                                            OurCommand   *command,
                                            GError      **error);
/* Starts or goes on with an edit session (our_history_begin_edit()):
 * typing under the same @key (for example "contact id:phone") merges into
 * one undo step; another key starts a new one. Without a session, every
 * command is a step of its own. */
void          our_session_begin_edit       (OurSession   *self,
                                            const char   *key);
/* Ends the edit session (e.g. on focus-out). */
void          our_session_end_edit         (OurSession   *self);
/* Emits "commit-pending". */
void          our_session_commit_pending   (OurSession   *self);

G_END_DECLS
