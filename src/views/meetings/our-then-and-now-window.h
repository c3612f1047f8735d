/* our-then-and-now-window.h: the plan then and now, side by side
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "our-plan.h"

G_BEGIN_DECLS

#define OUR_TYPE_THEN_AND_NOW_WINDOW (our_then_and_now_window_get_type ())
G_DECLARE_FINAL_TYPE (OurThenAndNowWindow, our_then_and_now_window, OUR, THEN_AND_NOW_WINDOW,
                      AdwWindow)

/* A window comparing an agreed version of @plan (@then_id, or the latest
 * when NULL) with the plan now; both can be changed to any agreed version.
 * Goals with their progress then and now on one scale, people on two
 * diagrams and in words, safety notes and the staying-well plan. */
GtkWidget   *our_then_and_now_window_new          (GtkWindow            *parent,
                                                   OurPlan              *plan,
                                                   const char           *then_id);
/* What the comparison found, in words (for tests and the screen reader). */
const char  *our_then_and_now_window_get_summary  (OurThenAndNowWindow  *self);
/* How many rows each part shows. */
guint        our_then_and_now_window_count_rows   (OurThenAndNowWindow  *self,
                                                   OurPartKind           part);
/* Picks the versions compared: @then_id and @now_id (NULL for the plan now). */
void         our_then_and_now_window_compare      (OurThenAndNowWindow  *self,
                                                   const char           *then_id,
                                                   const char           *now_id);

G_END_DECLS
