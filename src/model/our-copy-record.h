/* our-copy-record.h: a line of the copy log: which copy was given, to whom, when
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "our-types.h"

G_BEGIN_DECLS

#define OUR_TYPE_COPY_RECORD (our_copy_record_get_type ())

G_DECLARE_FINAL_TYPE (OurCopyRecord, our_copy_record, OUR, COPY_RECORD, GObject)

/* Immutable. @carer_id and @carer_name are "" unless @kind is
 * OUR_COPY_CARER; @made_at is an ISO 8601 date and time in UTC
 * ("2026-03-12T14:05:00Z"). @large_print: the large-print version. */
OurCopyRecord *our_copy_record_new            (const char     *id,
                                               OurCopyKind     kind,
                                               OurCopyMedium   medium,
                                               const char     *carer_id,
                                               const char     *carer_name,
                                               const char     *made_at,
                                               gboolean        large_print);
const char    *our_copy_record_get_id         (OurCopyRecord  *self);
OurCopyKind    our_copy_record_get_kind       (OurCopyRecord  *self);
OurCopyMedium  our_copy_record_get_medium     (OurCopyRecord  *self);
const char    *our_copy_record_get_carer_id   (OurCopyRecord  *self);
const char    *our_copy_record_get_carer_name (OurCopyRecord  *self);
const char    *our_copy_record_get_made_at    (OurCopyRecord  *self);
gboolean       our_copy_record_get_large_print (OurCopyRecord *self);
/* One plain sentence in local time, e.g. "Sam’s copy printed 12 March",
 * "My copy saved as a PDF 3 April 2027", "Team copy printed 12 March".
 * @person_name: the name the person likes (for "Gwen’s copy"). */
char          *our_copy_record_describe       (OurCopyRecord  *self,
                                               const char     *person_name);

G_END_DECLS
