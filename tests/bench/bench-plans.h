/* bench-plans.h: the large plan and the board the benchmarks share, and scratch clean-up
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "our-plan.h"

G_BEGIN_DECLS

#define BENCH_LARGE_GOALS 300
#define BENCH_LARGE_STEPS 5

/* Writes a plan of BENCH_LARGE_GOALS goals with BENCH_LARGE_STEPS steps each
 * to big.ourplan in @folder and returns its path. */
char *bench_make_large_plan (const char *folder);

/* Appends @n_goals goals of BENCH_LARGE_STEPS steps each to @plan, and
 * @n_members people spread over the rings. */
void  bench_add_goals       (OurPlan    *plan,
                             guint       n_goals);
void  bench_add_members     (OurPlan    *plan,
                             guint       n_members);

#define BENCH_LARGE_MEMBERS 300
#define BENCH_BOARD_ITEMS 200
#define BENCH_BOARD_PICTURES 50

/* A notes board of BENCH_BOARD_ITEMS notes, symbols and photos (of them
 * BENCH_BOARD_PICTURES photos, each 2048 x 1536 as an import leaves them),
 * in three areas. */
OurPlan *bench_make_board (void);

/* The whole large plan: the goals, BENCH_LARGE_MEMBERS people and the board,
 * written to whole.ourplan in @folder; returns its path. */
char *bench_make_whole_plan (const char *folder);
/* The same board written to board.ourplan in @folder; returns its path. */
char *bench_make_board_plan (const char *folder);
/* Removes @path and everything in it (scratch files, other programs' profiles). */
void  bench_remove_tree     (const char *path);

G_END_DECLS
