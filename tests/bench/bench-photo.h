/* bench-photo.h: what the picture benchmarks share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gdk-pixbuf/gdk-pixbuf.h>

G_BEGIN_DECLS

#define PHOTO_WIDTH 4000
#define PHOTO_HEIGHT 3000

/* A PHOTO_WIDTH x PHOTO_HEIGHT picture with light, shapes and sensor noise,
 * so that JPEG cannot shrink it much (as with a real photo). */
GdkPixbuf  *bench_make_photo        (void);
/* A new folder in $OURPLAN_BENCH_DIR, else $G_TEST_BUILDDIR, else the
 * temporary folder, named after @name. */
char       *bench_make_scratch_dir  (const char *name);
/* Sort @values (doubles) and return the middle one / the largest. */
double      bench_median            (GArray     *values);
double      bench_max_of            (GArray     *values);

G_END_DECLS
