/* our-plan.h: the plan document, the single source of truth the views observe
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "our-goal.h"
#include "our-member.h"

G_BEGIN_DECLS

typedef struct _OurHistory OurHistory;

#define OUR_TYPE_PLAN (our_plan_get_type ())
G_DECLARE_FINAL_TYPE (OurPlan, our_plan, OUR, PLAN, GObject)

/* Signals:
 *   "me-changed" (OurMeField field): a Me field or plan fact changed.
 * Properties: "goals" (GListModel of OurGoal, in the person's order),
 *   "history" (OurHistory), "name" (the name the person likes to be called).
 *
 * Setters are for the store (loading) and for commands: views run commands
 * through our_plan_get_history(). */
OurPlan      *our_plan_new             (void);

const char   *our_plan_get_me_text     (OurPlan     *self,
                                        OurMeField   field);
OurAuthor     our_plan_get_me_author   (OurPlan     *self,
                                        OurMeField   field);
void          our_plan_set_me_text     (OurPlan     *self,
                                        OurMeField   field,
                                        const char  *text,
                                        OurAuthor    author);
const char   *our_plan_get_name        (OurPlan     *self);

GListModel   *our_plan_get_goals       (OurPlan     *self);
guint         our_plan_get_n_goals     (OurPlan     *self);
OurGoal      *our_plan_get_goal        (OurPlan     *self,
                                        guint        position);
OurGoal      *our_plan_find_goal       (OurPlan     *self,
                                        const char  *goal_id,
                                        guint       *position);
OurStep      *our_plan_find_step       (OurPlan     *self,
                                        const char  *step_id,
                                        OurGoal    **goal,
                                        guint       *position);
void          our_plan_insert_goal     (OurPlan     *self,
                                        guint        position,
                                        OurGoal     *goal);
void          our_plan_remove_goal     (OurPlan     *self,
                                        guint        position);
void          our_plan_move_goal       (OurPlan     *self,
                                        guint        from,
                                        guint        to);

/* The support network ("My people"): members in the order they were added.
 * Signal "members-changed" is the GListModel's "items-changed". */
GListModel   *our_plan_get_members     (OurPlan     *self);
guint         our_plan_get_n_members   (OurPlan     *self);
OurMember    *our_plan_get_member      (OurPlan     *self,
                                        guint        position);
OurMember    *our_plan_find_member     (OurPlan     *self,
                                        const char  *member_id,
                                        guint       *position);
void          our_plan_insert_member   (OurPlan     *self,
                                        guint        position,
                                        OurMember   *member);
void          our_plan_remove_member   (OurPlan     *self,
                                        guint        position);
/* The name to show for who helps with @step: the member it names (so that a
 * renamed member shows the new name), else the step's own "who" text. */
const char   *our_plan_get_step_helper_name (OurPlan *self,
                                             OurStep *step);

OurHistory   *our_plan_get_history     (OurPlan     *self);

G_END_DECLS
