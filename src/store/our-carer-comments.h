/* our-carer-comments.h: reading the comments a carer wrote in their copy, to bring them into the plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "our-plan.h"

G_BEGIN_DECLS

/* The comments in the carer's copy at @path that @plan does not hold yet,
 * as new OurComment objects to add (each with the copy's carer as its
 * writer, not yet talked about), in the order they were written. An empty
 * array when every comment is already in. NULL with one plain sentence in
 * @error when the file cannot be read, is not a carer's copy, does not say
 * which plan it belongs to, or belongs to another person's plan (the
 * sentence names whose). The file is only read. */
GPtrArray  *our_carer_comments_read   (const char  *path,
                                       OurPlan     *plan,
                                       GError     **error);

G_END_DECLS
