/* our-me-view.h: the "Me" tab: the person in their own words, and the plan facts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "our-session.h"

G_BEGIN_DECLS

#define OUR_TYPE_ME_VIEW (our_me_view_get_type ())
G_DECLARE_FINAL_TYPE (OurMeView, our_me_view, OUR, ME_VIEW, GtkWidget)

GtkWidget  *our_me_view_new       (void);
void        our_me_view_set_session (OurMeView *self,
                                     OurSession *session);

G_END_DECLS
