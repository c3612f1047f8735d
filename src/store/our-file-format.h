/* our-file-format.h: what marks a file as a plan, and which version of the format it is
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by the store and the checks that look at a plan file before it is
 * opened (side files, the start screen's summary).
 */
#pragma once

/* "OURP": marks a SQLite file as a plan (PRAGMA application_id). */
#define OUR_APPLICATION_ID 0x4F555250
/* PRAGMA user_version of the files this build writes. */
#define OUR_SCHEMA_VERSION 8
#define OUR_PLAN_FILE_EXTENSION ".ourplan"
