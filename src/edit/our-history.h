/* our-history.h: runs commands, saves each one, and undoes and redoes them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "our-command.h"

G_BEGIN_DECLS

#define OUR_HISTORY_ERROR (our_history_error_quark ())

typedef enum
{
  /* The change could not be saved and was taken back. */
  OUR_HISTORY_ERROR_NOT_SAVED,
  /* The plan is open read-only: nothing was changed. */
  OUR_HISTORY_ERROR_READ_ONLY,
  /* The change is kept in the window but its file cannot take it (moved,
   * deleted, the disk full, failing or read-only): the person must save a
   * copy elsewhere to keep it. */
  OUR_HISTORY_ERROR_ONLY_IN_WINDOW,
  /* The goal or step the command names is no longer in the plan. */
  OUR_HISTORY_ERROR_GONE,
  /* Something with the same id is already in the plan: nothing was added. */
  OUR_HISTORY_ERROR_DUPLICATE,
  /* The list holds as many as a plan can keep: nothing was added. */
  OUR_HISTORY_ERROR_FULL,
} OurHistoryError;

GQuark our_history_error_quark (void);

/* Writes what a command changed, durably, before returning. On failure it sets
 * @error in OUR_HISTORY_ERROR; with OUR_HISTORY_ERROR_ONLY_IN_WINDOW the change is
 * kept in the model, with any other code it is taken back. */
typedef gboolean (*OurSaveFunc) (OurPlan           *plan,
                                 const OurChanges  *changes,
                                 gpointer           user_data,
                                 GError           **error);

#define OUR_TYPE_HISTORY (our_history_get_type ())
G_DECLARE_FINAL_TYPE (OurHistory, our_history, OUR, HISTORY, GObject)

/* Properties (notified): "can-undo", "can-redo", "undo-label", "redo-label".
 * Signal "failed" (GError *error) is emitted whenever run/undo/redo fails, so
 * that one place in the window can tell the person. */
OurHistory  *our_history_new             (OurPlan      *plan);
void         our_history_set_save_func   (OurHistory   *self,
                                          OurSaveFunc   func,
                                          gpointer      user_data,
                                          GDestroyNotify destroy);
/* Does @command (takes ownership), saves it, and records it for undo.
 * Returns FALSE with @error if it could not be done or saved. */
gboolean     our_history_run             (OurHistory   *self,
                                          OurCommand   *command,
                                          GError      **error);
/* Does @command and saves it like our_history_run(), but keeps it out of
 * undo: for records of what happened outside the plan, such as a copy
 * printed, which Undo (meant for the last edit) must not take away. */
gboolean     our_history_record          (OurHistory   *self,
                                          OurCommand   *command,
                                          GError      **error);
gboolean     our_history_undo            (OurHistory   *self,
                                          GError      **error);
gboolean     our_history_redo            (OurHistory   *self,
                                          GError      **error);
gboolean     our_history_get_can_undo    (OurHistory   *self);
gboolean     our_history_get_can_redo    (OurHistory   *self);
const char  *our_history_get_undo_label  (OurHistory   *self);
const char  *our_history_get_redo_label  (OurHistory   *self);
/* Groups the commands run until the matching our_history_end_group() into
 * one undo step, labelled @label (or as the first command when NULL), and
 * saves them together, in one transaction, when the group ends. Groups nest:
 * only the outermost one counts. Undo and redo wait for the group's end.
 * A group is begun and ended in one go, never left open while the main loop
 * runs, so that nothing else joins it and every edit is saved at once. */
void         our_history_begin_group     (OurHistory   *self,
                                          const char   *label);
/* Saves the group and records it for undo. Returns FALSE with @error as
 * our_history_run() would: on failure every command of the group is taken
 * back, unless the change is kept in the window only. */
gboolean     our_history_end_group       (OurHistory   *self,
                                          GError      **error);
gboolean     our_history_get_in_group    (OurHistory   *self);
/* Edit sessions. Each command is an undo step of its own, except inside an
 * edit session: from our_history_begin_edit() to our_history_end_edit()
 * (typing in one field from focus-in to focus-out, a key held down),
 * commands that can merge (our_command_merge()) become one step, as long as
 * that step is still the newest. Beginning a session under another @key
 * ends the one before; beginning it under the same key goes on with it.
 * Undo, redo, groups and records start the next step afresh. */
void         our_history_begin_edit      (OurHistory   *self,
                                          const char   *key);
void         our_history_end_edit        (OurHistory   *self);
/* The key of the open edit session, or NULL. */
const char  *our_history_get_edit_key    (OurHistory   *self);
/* Forgets everything (after loading). */
void         our_history_clear           (OurHistory   *self);

G_END_DECLS
