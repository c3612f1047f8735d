/* our-carer-comments.c: reading the comments a carer wrote in their copy, to bring them into the plan
 *
 * The copy is opened read-only through the store, so a damaged, foreign or
 * newer file gets the store's own sentence and nothing is changed; its
 * comments come through the store's loaders, which mend what was edited by
 * hand. A comment is matched by its id, so a file brought in twice adds
 * nothing the second time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "our-carer-comments.h"
#include "our-limits.h"
#include "our-store.h"
#include "our-store-error.h"

GPtrArray *
our_carer_comments_read (const char  *path,
                         OurPlan     *plan,
                         GError     **error)
{
  g_autoptr(OurStore) store = NULL;
  g_autoptr(GPtrArray) comments = NULL;
  OurPlan *copy;
  GListModel *written;
  guint room;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (OUR_IS_PLAN (plan), NULL);

  store = our_store_open (path, OUR_STORE_OPEN_READ_ONLY, error);
  if (store == NULL)
    return NULL;
  copy = our_store_get_plan (store);

  if (*our_plan_get_carer_id (copy) == '\0')
    {
      g_set_error_literal (error, OUR_STORE_ERROR, OUR_STORE_ERROR_FOREIGN,
                           _("This file is a plan, not a carer’s copy, so it has no comments to bring in."));
      our_store_close (store);
      return NULL;
    }
  if (our_plan_get_plan_id (copy) == NULL || *our_plan_get_plan_id (copy) == '\0')
    {
      g_set_error_literal (error, OUR_STORE_ERROR, OUR_STORE_ERROR_FOREIGN,
                           _("This carer’s copy does not say which plan it belongs to, so its comments cannot be brought in."));
      our_store_close (store);
      return NULL;
    }
  if (g_strcmp0 (our_plan_get_plan_id (copy), our_plan_get_plan_id (plan)) != 0)
    {
      const char *name = our_plan_get_name (copy);

      if (*name != '\0')
        /* TRANSLATORS: %s is the name of the person whose plan the file is a copy of */
        g_set_error (error, OUR_STORE_ERROR, OUR_STORE_ERROR_FOREIGN,
                     _("This carer’s copy is of %s’s plan, not this one, so nothing was brought in."),
                     name);
      else
        g_set_error_literal (error, OUR_STORE_ERROR, OUR_STORE_ERROR_FOREIGN,
                             _("This carer’s copy is of another person’s plan, not this one, so nothing was brought in."));
      our_store_close (store);
      return NULL;
    }

  comments = g_ptr_array_new_with_free_func (g_object_unref);
  written = our_plan_get_comments (copy);
  room = OUR_MAX_COMMENTS - MIN (OUR_MAX_COMMENTS,
                                 g_list_model_get_n_items (our_plan_get_comments (plan)));
  for (guint i = 0; i < g_list_model_get_n_items (written) && comments->len < room; i++)
    {
      g_autoptr(OurComment) comment = g_list_model_get_item (written, i);
      OurComment *brought;

      if (our_plan_find_comment (plan, our_comment_get_id (comment), NULL) != NULL
          || *our_comment_get_text (comment) == '\0')
        continue;
      /* Whatever a hand-edited row says, the copy's carer wrote it. */
      brought = our_comment_new (our_comment_get_id (comment), our_plan_get_carer_id (copy),
                                 our_plan_get_carer_name (copy),
                                 our_comment_get_written_on (comment),
                                 our_comment_get_part_kind (comment),
                                 our_comment_get_part_id (comment),
                                 our_comment_get_part_label (comment));
      our_comment_set_text (brought, our_comment_get_text (comment));
      g_ptr_array_add (comments, brought);
    }
  our_store_close (store);
  return g_steal_pointer (&comments);
}
