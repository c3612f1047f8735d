/* our-application.h: the application: windows, app-wide actions, the --demo option
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define OUR_TYPE_APPLICATION (our_application_get_type ())
G_DECLARE_FINAL_TYPE (OurApplication, our_application, OUR, APPLICATION, AdwApplication)

OurApplication *our_application_new           (void);
/* Starts opening the plans named in @argv as the application starts (see
 * our-application.c); call before g_application_run(). */
void            our_application_open_early    (OurApplication *self,
                                               int             argc,
                                               char          **argv);
GSettings      *our_application_get_settings  (OurApplication *self);
/* Remembers @path in the recent plans, unless private mode is on. */
void            our_application_add_recent    (OurApplication *self,
                                               const char     *path);
/* Copies the bundled sample plan to the user's data folder and returns the
 * copy's path. */
char           *our_application_copy_sample   (GError        **error);

G_END_DECLS
