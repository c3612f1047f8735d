/* our-cli.h: the headless command line (no display needed)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* TRUE when argv names a headless command such as "check". */
gboolean  our_cli_handles   (int    argc,
                             char **argv);
/* Runs it and returns the exit status. */
int       our_cli_run       (int    argc,
                             char **argv);

G_END_DECLS
