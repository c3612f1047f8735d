/* fuzz-replay.c: runs a fuzz target on saved inputs, in the normal test suite (no libFuzzer needed)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: fuzz-replay-TARGET FILE-OR-FOLDER...
 *
 * Each file (each file in a folder) is given to the target once: the seed
 * inputs and every input that once found a bug (the regressions), so a bug
 * fixed stays fixed. A failed assertion or a crash fails the test.
 */
#include "config.h"

#include <stdio.h>

#include "fuzz-common.h"

static guint n_inputs;

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

static void
replay_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, &error))
    g_error ("Cannot read %s: %s", path, error->message);
  fprintf (stderr, "%s (%zu bytes)\n", path, (size_t) length);
  LLVMFuzzerTestOneInput ((const uint8_t *) contents, length);
  n_inputs++;
}

static void
replay (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = NULL;
  const char *name;

  /* A target with no regressions yet has no folder for them. */
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return;
  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      replay_file (path);
      return;
    }
  dir = g_dir_open (path, 0, NULL);
  names = g_ptr_array_new_with_free_func (g_free);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.' && !g_str_has_suffix (name, ".md") && !g_str_has_suffix (name, ".sh"))
      g_ptr_array_add (names, g_build_filename (path, name, NULL));
  g_ptr_array_sort (names, compare_paths);
  for (guint i = 0; i < names->len; i++)
    replay (g_ptr_array_index (names, i));
}

int
main (int   argc,
      char *argv[])
{
  if (argc < 2)
    {
      fprintf (stderr, "Usage: %s FILE-OR-FOLDER...\n", argv[0]);
      return 2;
    }
  for (int i = 1; i < argc; i++)
    replay (argv[i]);
  fuzz_clear_scratch ();
  printf ("%u inputs replayed without a finding\n", n_inputs);
  return n_inputs > 0 ? 0 : 1;
}
