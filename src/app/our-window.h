/* our-window.h: a window that shows the caseload or one open plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "our-store.h"

G_BEGIN_DECLS

#define OUR_TYPE_WINDOW (our_window_get_type ())
G_DECLARE_FINAL_TYPE (OurWindow, our_window, OUR, WINDOW, AdwApplicationWindow)

/* @settings: the application's (window size, private mode), or NULL.
 * Signal "plan-opened" (const char *path): a plan is now shown, for the
 * list of recent plans. */
OurWindow   *our_window_new            (AdwApplication *application,
                                        GSettings      *settings);
/* Opens the plan at @path in this window, or tells the person in a dialog why
 * it cannot be opened. Returns TRUE when it opened. */
gboolean     our_window_open_path      (OurWindow      *self,
                                        const char     *path);
/* Shows @store, opened elsewhere (see our-application.c), in this window;
 * without a store, tells the person why in a dialog, from @error. */
gboolean     our_window_show_opened    (OurWindow      *self,
                                        OurStore       *store,
                                        const GError   *error);
/* The open plan's file, or NULL on the caseload. */
const char  *our_window_get_path       (OurWindow      *self);
OurStore    *our_window_get_store      (OurWindow      *self);
/* Saves typing still waiting for its pause and closes the plan. */
void         our_window_close_plan     (OurWindow      *self);

G_END_DECLS
