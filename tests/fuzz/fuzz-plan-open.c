/* fuzz-plan-open.c: libFuzzer target: open a plan file (with any files beside it) as the window and `check` do
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Whatever the bytes, opening must give a plan or a sentence, never crash,
 * leak or touch a file other than the plan and its own side files; `check`
 * must agree with opening.
 */
#include "config.h"

#include "fuzz-common.h"
#include "our-store.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) check_error = NULL;
  g_autoptr(GError) open_error = NULL;
  g_autoptr(OurStore) store = NULL;
  OurStoreReport report = { 0 };
  const char *path;
  gboolean checked;

  fuzz_init ();

  /* check first: it must change nothing, so opening sees the same files. */
  path = fuzz_write_plan (data, size);
  checked = our_store_check (path, &report, &check_error);
  g_assert (checked == (check_error == NULL));
  our_store_report_clear (&report);

  store = our_store_open (path, OUR_STORE_OPEN_DEFAULT, &open_error);
  g_assert ((store != NULL) == (open_error == NULL));
  if (open_error != NULL)
    g_assert (open_error->message != NULL && open_error->message[0] != '\0');
  /* The same verdict: a plan check passes opens, and one it refuses does
   * not. (A file check calls damaged inside may still open read-only.) */
  if (!checked)
    g_assert (store == NULL);
  if (store != NULL)
    {
      OurPlan *plan = our_store_get_plan (store);

      g_assert (OUR_IS_PLAN (plan));
      our_store_close (store);
    }
  g_clear_object (&store);

  g_assert (fuzz_victim_intact ());
  fuzz_clear_scratch ();
  return 0;
}
