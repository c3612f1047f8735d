/* our-goals-view.h: the "My goals" tab: goals as cards, added, edited, reordered in place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "our-session.h"

G_BEGIN_DECLS

#define OUR_TYPE_GOALS_VIEW (our_goals_view_get_type ())
G_DECLARE_FINAL_TYPE (OurGoalsView, our_goals_view, OUR, GOALS_VIEW, GtkWidget)

/* Property "session" (OurSession). Widget action "goals.add" adds a goal and puts
 * the keyboard in its title. */
GtkWidget  *our_goals_view_new       (void);
void        our_goals_view_set_session (OurGoalsView *self,
                                        OurSession *session);
OurPlan    *our_goals_view_get_plan  (OurGoalsView *self);

G_END_DECLS
