/* bench-window.h: helpers of the benchmarks that time a window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

/* Runs the main loop until the end of the next frame @window paints. */
void bench_wait_for_paint    (GtkWidget     *window);
/* For qsort() on doubles. */
int  bench_compare_doubles   (gconstpointer  a,
                              gconstpointer  b);
