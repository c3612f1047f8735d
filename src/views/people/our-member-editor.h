/* our-member-editor.h: the popover to edit one member of the network: name, kind, what they help with
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "our-session.h"

G_BEGIN_DECLS

#define OUR_TYPE_MEMBER_EDITOR (our_member_editor_get_type ())
G_DECLARE_FINAL_TYPE (OurMemberEditor, our_member_editor, OUR, MEMBER_EDITOR, GtkPopover)

/* Name, who they are to me, kind, what they help with, how often we are in
 * touch, "I'd like more of this", carer, notes. Every change is a command on
 * the plan's history; changes from the model (undo) show at once. A name
 * cannot be emptied: the editor says so and the name stays as it was.
 *
 * Signal "delete-member" (OurMember *): the person chose "Remove". */
GtkWidget   *our_member_editor_new            (void);
void         our_member_editor_set_member     (OurMemberEditor *self,
                                               OurSession      *session,
                                               OurMember       *member);
OurMember   *our_member_editor_get_member     (OurMemberEditor *self);
void         our_member_editor_set_read_only  (OurMemberEditor *self,
                                               gboolean         read_only);
/* Puts the keyboard in the name, all of it selected to type over. */
void         our_member_editor_focus_name     (OurMemberEditor *self);

G_END_DECLS
