/* our-network-view.h: the support-network diagram: rings drawn by the container, one child widget per member
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "our-network-layout.h"
#include "our-session.h"

G_BEGIN_DECLS

#define OUR_TYPE_NETWORK_VIEW (our_network_view_get_type ())
G_DECLARE_FINAL_TYPE (OurNetworkView, our_network_view, OUR, NETWORK_VIEW, GtkWidget)

/* The diagram of "My people". Its children are OurMemberWidgets, one per
 * member of the plan, placed with our_network_layout_new() in the widget's
 * size (so the diagram zooms to fit); the rings, the person at the centre
 * and the lines are drawn by the view itself. It follows the plan's members
 * and changes them only through commands: drag a member to another ring or
 * around its ring (one undo step per drag), click to select, double-click
 * to edit.
 *
 * Properties: "session" (OurSession), "read-only" (gboolean: nothing can be moved,
 * added, edited or deleted; set from the session's),
 * "selected" (OurMember or NULL).
 * Signal "member-added" (OurMember *) after our_network_view_add_member(). */
GtkWidget  *our_network_view_new              (void);
void        our_network_view_set_session (OurNetworkView *self,
                                          OurSession *session);
OurPlan    *our_network_view_get_plan         (OurNetworkView *self);
gboolean    our_network_view_get_read_only    (OurNetworkView *self);
void        our_network_view_set_read_only    (OurNetworkView *self,
                                               gboolean        read_only);
OurMember  *our_network_view_get_selected     (OurNetworkView *self);
/* Selects @member (NULL for none), and puts the keyboard on it if @focus. */
void        our_network_view_select           (OurNetworkView *self,
                                               OurMember      *member,
                                               gboolean        focus);
/* The child widget showing @member, or NULL. */
GtkWidget  *our_network_view_get_member_widget (OurNetworkView *self,
                                                OurMember      *member);

/* Adds a member of @kind with a plain default name ("New person") in the
 * freest spot of the middle ring, selects it and opens its editor with the
 * name ready to type over. Returns FALSE when read-only or not saved. */
gboolean    our_network_view_add_member       (OurNetworkView *self,
                                               OurMemberKind   kind);
/* Opens the editor popover on @member; with @focus_name the name is selected
 * for typing. */
void        our_network_view_edit_member      (OurNetworkView *self,
                                               OurMember      *member,
                                               gboolean        focus_name);
GtkWidget  *our_network_view_get_editor       (OurNetworkView *self);
/* The layout of the last allocation (rings, places), or NULL before it. */
const OurNetworkLayout *our_network_view_get_layout (OurNetworkView *self);
/* Removes @member with an undo toast; if goal steps name it as who helps,
 * first asks in a dialog whether they keep the name or forget who helps. */
void        our_network_view_delete_member    (OurNetworkView *self,
                                               OurMember      *member);

/* Dragging, in the view's coordinates. The gesture calls these; tests and
 * the benchmark call them directly. drag_begin() returns FALSE when there is
 * no member under the point (or the view is read-only). */
gboolean    our_network_view_drag_begin       (OurNetworkView *self,
                                               double          x,
                                               double          y);
void        our_network_view_drag_update      (OurNetworkView *self,
                                               double          x,
                                               double          y);
/* Snaps to the ring under the point (the nearest one outside them all) at
 * the point's angle, as one command, and animates into place. */
void        our_network_view_drag_end         (OurNetworkView *self,
                                               double          x,
                                               double          y);
void        our_network_view_drag_cancel      (OurNetworkView *self);

G_END_DECLS
