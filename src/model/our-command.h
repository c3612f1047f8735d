/* our-command.h: one undoable change to a plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "our-changes.h"
#include "our-plan.h"

G_BEGIN_DECLS

#define OUR_TYPE_COMMAND (our_command_get_type ())
G_DECLARE_FINAL_TYPE (OurCommand, our_command, OUR, COMMAND, GObject)

/* Commands name goals and steps by id, never by pointer, so that undoing a
 * delete and redoing an edit find the same goal again. Each command is run
 * through our_history_run(), which saves it before returning. */

OurCommand  *our_command_new_set_me_text    (OurMeField     field,
                                             const char    *text,
                                             OurAuthor      author);
/* Inserts a copy of @goal (with its steps) at @position (-1: at the end). */
OurCommand  *our_command_new_add_goal       (OurGoal       *goal,
                                             int            position);
OurCommand  *our_command_new_delete_goal    (const char    *goal_id);
OurCommand  *our_command_new_move_goal      (const char    *goal_id,
                                             guint          new_position);
OurCommand  *our_command_new_set_goal_text  (const char    *goal_id,
                                             OurGoalText    field,
                                             const char    *text,
                                             OurAuthor      author);
OurCommand  *our_command_new_set_life_area  (const char    *goal_id,
                                             OurLifeArea    area);
OurCommand  *our_command_new_set_symbol     (const char    *goal_id,
                                             const char    *symbol);
OurCommand  *our_command_new_set_progress   (const char    *goal_id,
                                             guint          progress);
OurCommand  *our_command_new_set_status     (const char    *goal_id,
                                             OurGoalStatus  status);
/* Inserts a copy of @step at @position (-1: at the end) of the goal. */
OurCommand  *our_command_new_add_step       (const char    *goal_id,
                                             OurStep       *step,
                                             int            position);
OurCommand  *our_command_new_delete_step    (const char    *step_id);
OurCommand  *our_command_new_move_step      (const char    *step_id,
                                             guint          new_position);
OurCommand  *our_command_new_set_step_text  (const char    *step_id,
                                             OurStepText    field,
                                             const char    *text,
                                             OurAuthor      author);

/* A short plain-language name for menus and toasts, e.g. "Delete goal". */
const char  *our_command_get_label          (OurCommand    *self);

/* Used by OurHistory. do/undo return FALSE (and change nothing) when the
 * goal or step named is not in the plan. */
gboolean     our_command_do                 (OurCommand    *self,
                                             OurPlan       *plan,
                                             OurChanges    *changes);
gboolean     our_command_undo               (OurCommand    *self,
                                             OurPlan       *plan,
                                             OurChanges    *changes);
/* Folds @next into @self when both set the same text, so that one typing
 * session is one undo step. */
gboolean     our_command_merge              (OurCommand    *self,
                                             OurCommand    *next);

G_END_DECLS
