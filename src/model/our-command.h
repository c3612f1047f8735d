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

/* My people. */
/* Inserts a copy of @member at @position (-1: at the end). */
OurCommand  *our_command_new_add_member     (OurMember     *member,
                                             int            position);
/* What happens to steps that name a member being deleted. */
typedef enum
{
  /* The steps keep the member's name as plain text. */
  OUR_DELETE_MEMBER_KEEP_NAME,
  /* The steps no longer say who helps. */
  OUR_DELETE_MEMBER_CLEAR_STEPS,
} OurDeleteMemberSteps;
OurCommand  *our_command_new_delete_member  (const char    *member_id,
                                             OurDeleteMemberSteps steps);
OurCommand  *our_command_new_set_member_text (const char   *member_id,
                                              OurMemberText field,
                                              const char   *text,
                                              OurAuthor     author);
OurCommand  *our_command_new_set_member_kind (const char   *member_id,
                                              OurMemberKind kind);
/* Moves a member to @ring at @angle. Consecutive moves of one member merge
 * into one undo step until our_history_break_merge(). */
OurCommand  *our_command_new_place_member   (const char    *member_id,
                                             int            ring,
                                             double         angle);
OurCommand  *our_command_new_set_member_helps (const char  *member_id,
                                               guint        helps);
OurCommand  *our_command_new_set_member_contact (const char *member_id,
                                                 OurContact  contact);
OurCommand  *our_command_new_set_member_wished_for (const char *member_id,
                                                    gboolean    wished_for);
OurCommand  *our_command_new_set_member_carer (const char  *member_id,
                                               gboolean     is_carer);
/* Names a member (or "" for nobody) as who helps with a step. */
OurCommand  *our_command_new_set_step_helper (const char   *step_id,
                                              const char   *member_id);

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
