/* our-plan-view.h: the tabs of one open plan and the "who is writing" choice
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "our-plan.h"

G_BEGIN_DECLS

#define OUR_TYPE_PLAN_VIEW (our_plan_view_get_type ())
G_DECLARE_FINAL_TYPE (OurPlanView, our_plan_view, OUR, PLAN_VIEW, GtkWidget)

/* Properties: "plan" (OurPlan), "author" (int, OurAuthor: who is writing now),
 * "read-only" (gboolean: every editor insensitive), "stack" (AdwViewStack,
 * for the header's view switcher). */
GtkWidget     *our_plan_view_new          (void);
OurPlan       *our_plan_view_get_plan     (OurPlanView  *self);
void           our_plan_view_set_plan     (OurPlanView  *self,
                                           OurPlan      *plan);
OurAuthor      our_plan_view_get_author   (OurPlanView  *self);
void           our_plan_view_set_author   (OurPlanView  *self,
                                           OurAuthor     author);
gboolean       our_plan_view_get_read_only (OurPlanView *self);
void           our_plan_view_set_read_only (OurPlanView *self,
                                            gboolean     read_only);
void           our_plan_view_set_read_only_reason (OurPlanView *self,
                                                   const char  *reason);
/* The title in the header: the person's name, or a neutral one in private mode. */
void           our_plan_view_set_title    (OurPlanView  *self,
                                           const char   *title);
AdwViewStack  *our_plan_view_get_stack    (OurPlanView  *self);
/* Commits any typing still waiting for its pause (before undo, close). */
void           our_plan_view_commit_pending (OurPlanView *self);

/* The author for text typed inside @widget: that of the plan view it is in,
 * or the coordinator. */
OurAuthor      our_plan_view_author_for   (GtkWidget    *widget);

/* Makes @property of @target follow the "read-only" of the plan view that
 * @widget sits in (inverted with G_BINDING_INVERT_BOOLEAN, e.g. for
 * "editable"), unless *@binding is already set. Call it from map() and
 * g_binding_unbind() the binding in unmap(). */
void           our_plan_view_follow_read_only (GtkWidget     *widget,
                                               gpointer       target,
                                               const char    *property,
                                               GBindingFlags  flags,
                                               GBinding     **binding);

G_END_DECLS
