/* our-caseload-view.h: the start screen: the coordinator's plans, review dates, search
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define OUR_TYPE_CASELOAD_VIEW (our_caseload_view_get_type ())
G_DECLARE_FINAL_TYPE (OurCaseloadView, our_caseload_view, OUR, CASELOAD_VIEW, GtkWidget)

/* Lists the plans in the plans folder (GSettings "plans-folder"; "" means a
 * "Care plans" folder in the documents directory, created when missing) and
 * the recently opened ones (GSettings "recent-plans"), each with the person's
 * name and next review date (overdue and due soon marked). Scans off the
 * main thread. Activating a plan activates the action "win.open-path" with
 * the file's path as a string parameter; its buttons activate "win.new-plan"
 * and "win.open". */
GtkWidget  *our_caseload_view_new       (void);
/* Scans again (after a plan was created or changed). */
void        our_caseload_view_reload    (OurCaseloadView *self);
/* The plans folder in use, created if missing. */
char       *our_caseload_get_plans_folder (void);

G_END_DECLS
