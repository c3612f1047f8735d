/* fuzz-common.h: what the fuzz targets share: a scratch folder and plan files with side files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <stddef.h>
#include <stdint.h>

G_BEGIN_DECLS

/* The libFuzzer entry point each target defines; fuzz-replay.c calls it on
 * saved inputs in the normal test suite. */
int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

/* An input for the plan targets is either a plan file as it is, or, after
 * the four bytes "OPFZ", a plan file and the files beside it:
 *
 *   "OPFZ" { u8 kind, u32 little-endian length, length bytes } ...
 *
 * where kind 0 is the plan itself, 1 its "-journal", 2 its "-wal", 3 its
 * "-shm" and 4 a "victim.txt" that a hostile journal may name (it must
 * still be there afterwards). Anything cut short ends the list. */
#define FUZZ_CONTAINER_MAGIC "OPFZ"

typedef enum
{
  FUZZ_FILE_PLAN,
  FUZZ_FILE_JOURNAL,
  FUZZ_FILE_WAL,
  FUZZ_FILE_SHM,
  FUZZ_FILE_VICTIM,
  FUZZ_N_FILES,
} FuzzFile;

/* Writes the plan of @data (and its side files) into an empty scratch
 * folder kept for the life of the process; returns the plan's path. */
const char *fuzz_write_plan   (const uint8_t *data,
                               size_t         size);
/* TRUE if the victim file written by fuzz_write_plan() is still as it was
 * (or none was written). */
gboolean    fuzz_victim_intact (void);
/* Empties the scratch folder. */
void        fuzz_clear_scratch (void);
/* Quiet, fixed settings for every target: no debug output, C locale,
 * warnings not fatal (a hostile file may make a library warn). */
void        fuzz_init          (void);

G_END_DECLS
