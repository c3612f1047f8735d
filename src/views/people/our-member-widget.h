/* our-member-widget.h: one member of the network diagram as a real, focusable widget
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "our-network-layout.h"
#include "our-session.h"

G_BEGIN_DECLS

#define OUR_TYPE_MEMBER_WIDGET (our_member_widget_get_type ())
G_DECLARE_FINAL_TYPE (OurMemberWidget, our_member_widget, OUR, MEMBER_WIDGET, GtkWidget)

/* A child of OurNetworkView: draws its member (icon by kind, name) through
 * our_network_render_member(), takes the keyboard focus, and is a button for
 * screen readers, named e.g. "Mum, closest to me, helps with: emotional,
 * practical".
 *
 * Widget actions (each change is one command on the plan's history):
 *   "member.ring-in", "member.ring-out"   (Page Up / Page Down, + / −)
 *   "member.turn-left", "member.turn-right" (Alt+Left / Alt+Right: 10° around
 *                                          the ring; a held key is one undo step)
 *   "member.edit" (Enter), "member.delete" (Delete)
 * They are disabled while the widget is read-only, except "member.edit",
 * which then shows the member without letting it change. */
GtkWidget   *our_member_widget_new            (OurSession       *session,
                                               OurMember        *member);
OurMember   *our_member_widget_get_member     (OurMemberWidget  *self);
void         our_member_widget_set_read_only  (OurMemberWidget  *self,
                                               gboolean          read_only);
void         our_member_widget_set_selected   (OurMemberWidget  *self,
                                               gboolean          selected);
gboolean     our_member_widget_get_selected   (OurMemberWidget  *self);

/* For OurNetworkView: where the layout put the member. The widget's size is
 * the box around its icon and label; get_anchor() gives the icon's centre
 * inside that box and get_origin() the box's top left in layout space. */
void         our_member_widget_set_place      (OurMemberWidget       *self,
                                               const OurNetworkPlace *place,
                                               double                 font_scale);
void         our_member_widget_get_origin     (OurMemberWidget  *self,
                                               double           *x,
                                               double           *y);
void         our_member_widget_get_size       (OurMemberWidget  *self,
                                               double           *width,
                                               double           *height);

/* A small picture of a kind of member, as drawn in the diagram (for the
 * kind chooser and the list). */
GtkWidget   *our_member_kind_icon_new         (OurMemberKind     kind,
                                               int               size);

/* "Mum, closest to me, helps with: emotional, practical" */
char        *our_member_describe              (OurMember        *member);

G_END_DECLS
