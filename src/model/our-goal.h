/* our-goal.h: a goal in the person's own words, with its small steps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "our-step.h"

G_BEGIN_DECLS

#define OUR_TYPE_GOAL (our_goal_get_type ())
G_DECLARE_FINAL_TYPE (OurGoal, our_goal, OUR, GOAL, GObject)

/* Properties (all notified): "id", "title", "title-author", "why",
 * "why-author", "life-area" (int, OurLifeArea), "symbol" (a symbol name or ""),
 * "progress" (0..10), "status" (int, OurGoalStatus), "steps" (GListModel of
 * OurStep, in order).
 *
 * Setters are for the store and for commands: views run commands. Values out
 * of range are clamped, never trusted. */
OurGoal       *our_goal_new            (const char    *id);
const char    *our_goal_get_id         (OurGoal       *self);

const char    *our_goal_get_text       (OurGoal       *self,
                                        OurGoalText    field);
OurAuthor      our_goal_get_author     (OurGoal       *self,
                                        OurGoalText    field);
void           our_goal_set_text       (OurGoal       *self,
                                        OurGoalText    field,
                                        const char    *text,
                                        OurAuthor      author);

const char    *our_goal_get_title      (OurGoal       *self);
OurLifeArea    our_goal_get_life_area  (OurGoal       *self);
void           our_goal_set_life_area  (OurGoal       *self,
                                        OurLifeArea    area);
const char    *our_goal_get_symbol     (OurGoal       *self);
void           our_goal_set_symbol     (OurGoal       *self,
                                        const char    *symbol);
guint          our_goal_get_progress   (OurGoal       *self);
void           our_goal_set_progress   (OurGoal       *self,
                                        guint          progress);
OurGoalStatus  our_goal_get_status     (OurGoal       *self);
void           our_goal_set_status     (OurGoal       *self,
                                        OurGoalStatus  status);

GListModel    *our_goal_get_steps      (OurGoal       *self);
guint          our_goal_get_n_steps    (OurGoal       *self);
OurStep       *our_goal_get_step       (OurGoal       *self,
                                        guint          position);
OurStep       *our_goal_find_step      (OurGoal       *self,
                                        const char    *step_id,
                                        guint         *position);
void           our_goal_insert_step    (OurGoal       *self,
                                        guint          position,
                                        OurStep       *step);
void           our_goal_remove_step    (OurGoal       *self,
                                        guint          position);

/* A copy with the same id, every value and a copy of every step. */
OurGoal       *our_goal_copy           (OurGoal       *self);
/* Gives @self the fields of @from, keeping its id and its steps (steps are
 * changed by commands of their own). */
void           our_goal_assign         (OurGoal       *self,
                                        OurGoal       *from);

G_END_DECLS
