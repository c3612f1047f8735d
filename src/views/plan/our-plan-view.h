/* our-plan-view.h: the tabs of one open plan and the "who is writing" choice
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "our-session.h"

G_BEGIN_DECLS

#define OUR_TYPE_PLAN_VIEW (our_plan_view_get_type ())
G_DECLARE_FINAL_TYPE (OurPlanView, our_plan_view, OUR, PLAN_VIEW, GtkWidget)

/* Properties: "session" (OurSession: the plan, who is writing and whether it
 * may be changed; its actions are inserted as "session"), "stack"
 * (AdwViewStack, for the header's view switcher). */
GtkWidget     *our_plan_view_new          (void);
OurSession    *our_plan_view_get_session  (OurPlanView  *self);
void           our_plan_view_set_session  (OurPlanView  *self,
                                           OurSession   *session);
/* The title in the header: the person's name, or a neutral one in private mode. */
void           our_plan_view_set_title    (OurPlanView  *self,
                                           const char   *title);
AdwViewStack  *our_plan_view_get_stack    (OurPlanView  *self);

G_END_DECLS
