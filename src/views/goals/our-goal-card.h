/* our-goal-card.h: one goal as a card: its picture, words, life area, status, progress and steps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "our-session.h"

G_BEGIN_DECLS

#define OUR_TYPE_GOAL_CARD (our_goal_card_get_type ())
G_DECLARE_FINAL_TYPE (OurGoalCard, our_goal_card, OUR, GOAL_CARD, GtkWidget)

/* Properties: "session" (OurSession), "goal" (OurGoal), both set at construction;
 * "read-only" (gboolean: every editor insensitive).
 *
 * Widget actions: "goal.move-up", "goal.move-down" (also Alt+Up, Alt+Down
 * anywhere in the card), "goal.delete" (shows a toast with Undo),
 * "goal.add-step". Every edit runs a command through the session.
 * The goal's picture comes from the symbol library (our-symbols.h), chosen
 * with an OurSymbolPicker. */
GtkWidget   *our_goal_card_new            (OurSession  *session,
                                           OurGoal     *goal);
OurGoal     *our_goal_card_get_goal       (OurGoalCard *self);
void         our_goal_card_set_read_only  (OurGoalCard *self,
                                           gboolean     read_only);
/* Tells the card where it stands, to enable moving up and down. */
void         our_goal_card_set_position   (OurGoalCard *self,
                                           guint        position,
                                           guint        n_goals);
/* Puts the keyboard in the goal's title. */
void         our_goal_card_focus_title    (OurGoalCard *self);

/* The name screen readers give a goal's card, e.g. "Goal: Get back to
 * swimming" (a new string). */
char        *our_goal_card_name_for       (OurGoal     *goal);

G_END_DECLS
