/* fuzz-carer-file.c: libFuzzer target: bring in a carer's plan file and lay out every copy of it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A carer's plan file comes back from a shared PC at home. It is opened
 * read-only, as a carer's copy is, and every kind of printed copy is laid
 * out from it (all the text of the file goes through pango there), for
 * the person, for each carer in it and for the team.
 */
#include "config.h"

#include "fuzz-common.h"
#include "our-copy.h"
#include "our-store.h"

static void
lay_out (OurPlan     *plan,
         OurCopyKind  kind,
         OurMember   *carer)
{
  g_autoptr(GDateTime) made_on = g_date_time_new_utc (2026, 12, 7, 10, 0, 0);
  OurCopyOptions options = { kind, carer ? our_member_get_id (carer) : NULL, FALSE, made_on };
  g_autoptr(OurCopy) copy = our_copy_new (plan, &options, OUR_COPY_A4_WIDTH, OUR_COPY_A4_HEIGHT);

  g_assert (our_copy_get_n_pages (copy) >= 1);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OurStore) store = NULL;
  const char *path;

  fuzz_init ();

  path = fuzz_write_plan (data, size);
  store = our_store_open (path, OUR_STORE_OPEN_READ_ONLY, &error);
  g_assert ((store != NULL) == (error == NULL));
  if (store != NULL)
    {
      OurPlan *plan = our_store_get_plan (store);
      g_autoptr(GPtrArray) carers = our_plan_list_carers (plan);

      g_assert (our_store_get_read_only (store));
      lay_out (plan, OUR_COPY_PERSON, NULL);
      lay_out (plan, OUR_COPY_TEAM, NULL);
      for (guint i = 0; carers != NULL && i < carers->len && i < 3; i++)
        lay_out (plan, OUR_COPY_CARER, g_ptr_array_index (carers, i));
    }
  g_clear_object (&store);
  g_assert (fuzz_victim_intact ());
  fuzz_clear_scratch ();
  return 0;
}
