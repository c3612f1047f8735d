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
/* Moves a member to @ring at @angle. Consecutive moves of one member in one
 * edit session merge into one undo step (our_history_begin_edit()). */
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
/* A symbol key from the library, or "" for the kind's own pictogram. */
OurCommand  *our_command_new_set_member_symbol (const char *member_id,
                                                const char *symbol);
/* Names a member (or "" for nobody) as who helps with a step. */
OurCommand  *our_command_new_set_step_helper (const char   *step_id,
                                              const char   *member_id);

/* Commands for any list of the registry (our-plan-lists.h). @parent_id is
 * the id of the parent item for a child list (the goal of a step), NULL for
 * the plan's own lists. An added item and an update's new state are copied
 * when the list's items can change, so the caller's object stays its own.
 * Moving is for ordered lists; updating for editable ones. */
OurCommand  *our_command_new_add_item    (OurListId      list,
                                          const char    *parent_id,
                                          gpointer       item,
                                          int            position);
OurCommand  *our_command_new_delete_item (OurListId      list,
                                          const char    *parent_id,
                                          const char    *item_id);
OurCommand  *our_command_new_update_item (OurListId      list,
                                          const char    *parent_id,
                                          gpointer       new_state);
OurCommand  *our_command_new_move_item   (OurListId      list,
                                          const char    *parent_id,
                                          const char    *item_id,
                                          guint          new_position);

/* Notes board. Adds a copy of @item at stacking @position (-1: on top). A
 * picture item's picture must already be in the plan (our_plan_add_picture). */
OurCommand  *our_command_new_add_board_item (OurBoardItem  *item,
                                             int            position);
OurCommand  *our_command_new_delete_board_item (const char *item_id);
/* Gives the item every value of @new_state (same id). Consecutive updates of
 * one item in one edit session merge into one undo step
 * (our_history_begin_edit()), so typing in a note or a held key is one step. */
OurCommand  *our_command_new_update_board_item (OurBoardItem *new_state);
/* Moves an item in the stacking order (0: bottom). */
OurCommand  *our_command_new_restack_board_item (const char *item_id,
                                                 guint       new_position);
OurCommand  *our_command_new_add_board_zone (OurBoardZone  *zone,
                                             int            position);
OurCommand  *our_command_new_delete_board_zone (const char *zone_id);
/* Merges like board item updates. */
OurCommand  *our_command_new_update_board_zone (OurBoardZone *new_state);

/* Staying well & safety. */
OurCommand  *our_command_new_set_well_text  (OurWellField   field,
                                             const char    *text,
                                             OurAuthor      author);
OurCommand  *our_command_new_add_crisis_contact (OurCrisisContact *contact,
                                                 int               position);
OurCommand  *our_command_new_delete_crisis_contact (const char *contact_id);
/* Merges like board item updates. */
OurCommand  *our_command_new_update_crisis_contact (OurCrisisContact *new_state);
OurCommand  *our_command_new_add_safety_note (OurSafetyNote *note,
                                              int            position);
OurCommand  *our_command_new_delete_safety_note (const char *note_id);
/* Merges like board item updates. */
OurCommand  *our_command_new_update_safety_note (OurSafetyNote *new_state);

/* Consent: lets @member_id see @section (@shared TRUE, recorded as agreed
 * on @date — ISO, NULL for today — by @agreed_by) or not. */
OurCommand  *our_command_new_set_consent    (OurSection     section,
                                             const char    *member_id,
                                             gboolean       shared,
                                             const char    *date,
                                             OurAuthor      agreed_by);
/* Adds a line to the copy log. */
OurCommand  *our_command_new_log_copy       (OurCopyRecord *record);

/* Whether @self (a group: every command in it) only adds, deletes,
 * updates or moves items of @list. */
gboolean     our_command_changes_only_list (OurCommand   *self,
                                            OurListId     list);

/* A short plain-language name for menus and toasts, e.g. "Delete goal". */
const char  *our_command_get_label          (OurCommand    *self);

/* Several commands as one undo step with one label (@label, or that of the
 * first command when NULL): see our_history_begin_group(). Done in order,
 * undone backwards, all or nothing. */
OurCommand  *our_command_new_group          (const char    *label);
/* Adds @command (takes ownership), already done, to @group; typing merges
 * into the command before it as it would in the history. */
void         our_command_group_add          (OurCommand    *group,
                                             OurCommand    *command);
guint        our_command_group_get_size     (OurCommand    *group);

/* Why doing or undoing a command last failed. */
typedef enum
{
  OUR_COMMAND_DONE,
  /* The part of the plan it names is no longer there. */
  OUR_COMMAND_GONE,
  /* Something with the same id is already in the plan (a copy of the same
   * thing brought in twice, or an item added again). */
  OUR_COMMAND_DUPLICATE,
  /* The list already holds as many as a plan can keep (our-limits.h). */
  OUR_COMMAND_FULL,
} OurCommandOutcome;

OurCommandOutcome our_command_get_outcome  (OurCommand    *self);

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
