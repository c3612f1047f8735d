/* our-people-view.h: the "My people" tab: the network diagram, a list of the same members, a summary
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "our-session.h"

G_BEGIN_DECLS

#define OUR_TYPE_PEOPLE_VIEW (our_people_view_get_type ())
G_DECLARE_FINAL_TYPE (OurPeopleView, our_people_view, OUR, PEOPLE_VIEW, GtkWidget)

/* Properties: "session" (OurSession), "read-only" (set from the
 * session), "show-list" (gboolean: the list of members beside the diagram).
 * Widget action "people.add" (string: a kind's key, e.g. "person" or "pet")
 * adds a member of that kind and opens its editor. */
GtkWidget   *our_people_view_new           (void);
void         our_people_view_set_session (OurPeopleView *self,
                                          OurSession *session);
OurPlan     *our_people_view_get_plan      (OurPeopleView *self);
GtkWidget   *our_people_view_get_network   (OurPeopleView *self);
GtkWidget   *our_people_view_get_list      (OurPeopleView *self);
const char  *our_people_view_get_summary   (OurPeopleView *self);

G_END_DECLS
