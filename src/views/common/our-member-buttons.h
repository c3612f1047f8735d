/* our-member-buttons.h: a button for each named member of My people, for choosing one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "our-plan.h"

G_BEGIN_DECLS

/* Fills @box with one flat button per named member of @plan, each calling
 * @callback (GtkButton *button, gpointer @data) with the member's id as the
 * button's "member-id" data; or says that My people is empty. */
void        our_member_buttons_fill  (GtkBox    *box,
                                      OurPlan   *plan,
                                      GCallback  callback,
                                      gpointer   data);

G_END_DECLS
