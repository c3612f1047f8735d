/* our-private-mode.h: the shared-PC privacy preference, read where files are picked
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* TRUE when the "private-mode" setting is on (FALSE when the settings schema
 * is not installed). */
gboolean  our_private_mode_is_on       (void);
/* The file chooser adds what it picks to the desktop's recently used list:
 * in private mode, take @file out of it again. */
void      our_private_mode_forget_pick (GFile *file);

G_END_DECLS
