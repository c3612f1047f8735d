/* our-plan.h: the plan document, the single source of truth the views observe
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "our-goal.h"

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

OurHistory   *our_plan_get_history     (OurPlan     *self);

G_END_DECLS
