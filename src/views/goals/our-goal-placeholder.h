/* our-goal-placeholder.h: a goal that is far from sight, kept as one light widget until it is scrolled near
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "our-goal.h"

G_BEGIN_DECLS

#define OUR_TYPE_GOAL_PLACEHOLDER (our_goal_placeholder_get_type ())
G_DECLARE_FINAL_TYPE (OurGoalPlaceholder, our_goal_placeholder, OUR, GOAL_PLACEHOLDER, GtkWidget)

/* Properties: "goal" (OurGoal, construct-only).
 *
 * It takes the height its card had (or is thought to have), so that the
 * list keeps its length and the scroll bar its place, and it carries the
 * goal's name for screen readers. It can take the keyboard focus: Tab
 * reaches every goal. Signal "wanted": the keyboard arrived, so the goals
 * view should put the goal's card in its place now. */
GtkWidget *our_goal_placeholder_new      (OurGoal            *goal,
                                          int                 height);
OurGoal   *our_goal_placeholder_get_goal (OurGoalPlaceholder *self);

G_END_DECLS
