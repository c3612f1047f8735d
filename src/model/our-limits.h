/* our-limits.h: how much a plan can hold — what a person could write, and no more
 *
 * A plan file can come from anywhere. These limits keep a hostile or broken
 * file from making Our Plan (its window, its copies) take minutes or gigabytes:
 * a file that holds more is shown cut to them, read-only, with a sentence
 * saying so, and every edit stays within them. Each is far beyond what a
 * meeting writes (the sample plan holds 5 goals, 9 people and 13 things on
 * its board).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

/* Characters in one piece of text: about eight printed pages. */
#define OUR_MAX_TEXT_CHARS      20000

#define OUR_MAX_GOALS             500
#define OUR_MAX_STEPS_PER_GOAL    100
#define OUR_MAX_MEMBERS           500
/* Notes, pictures and symbols on the board, each drawn on its one page. */
#define OUR_MAX_BOARD_ITEMS      1000
#define OUR_MAX_BOARD_ZONES       200
#define OUR_MAX_CRISIS_CONTACTS   100
#define OUR_MAX_SAFETY_NOTES      500
/* One is added for every copy made: a lifetime of meetings. */
#define OUR_MAX_COPY_RECORDS   100000
/* Four meetings a year for a lifetime, many times over. */
#define OUR_MAX_MEETINGS        10000
/* An agreed version for every meeting, and more. */
#define OUR_MAX_AGREEMENTS      1000
#define OUR_MAX_DISAGREEMENTS_PER_AGREEMENT 200
/* Every carer commenting on every part, many times over. */
#define OUR_MAX_COMMENTS        10000
/* What each person may see, for each part of the plan. */
#define OUR_MAX_CONSENTS        (OUR_MAX_MEMBERS * OUR_N_SECTIONS)
