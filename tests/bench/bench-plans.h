/* bench-plans.h: the large plan the opening benchmarks share, and scratch clean-up
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define BENCH_LARGE_GOALS 300
#define BENCH_LARGE_STEPS 5

/* Writes a plan of BENCH_LARGE_GOALS goals with BENCH_LARGE_STEPS steps each
 * to big.ourplan in @folder and returns its path. */
char *bench_make_large_plan (const char *folder);
/* Removes @path and everything in it (scratch files, other programs' profiles). */
void  bench_remove_tree     (const char *path);

G_END_DECLS
