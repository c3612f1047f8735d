/* our-agreement.h: the plan agreed on a day, by whom, until when, frozen as it was
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "our-disagreement.h"

G_BEGIN_DECLS

#define OUR_TYPE_AGREEMENT (our_agreement_get_type ())

G_DECLARE_FINAL_TYPE (OurAgreement, our_agreement, OUR, AGREEMENT, GObject)

/* An agreed version never changes once made: its properties are read-only.
 * "id"; "agreed-on" and "review-on" (ISO dates: the day it was agreed, and
 * the next review agreed then); "agreed-by" (names, one per line);
 * "with-person" (the person was there and agreed); "snapshot" (GBytes: the
 * whole plan as it was, encoded by the store, see our-agreed-version.h);
 * "picture-ids" (the pictures the snapshot shows, by id, space-separated,
 * so that the file keeps them). Its disagreements are a list of their own
 * (OUR_LIST_DISAGREEMENTS), added with it or after it. */
OurAgreement *our_agreement_new                (const char    *id,
                                                const char    *agreed_on,
                                                const char    *agreed_by,
                                                gboolean       with_person,
                                                const char    *review_on,
                                                GBytes        *snapshot,
                                                const char    *picture_ids);
const char   *our_agreement_get_id             (OurAgreement  *self);
const char   *our_agreement_get_agreed_on      (OurAgreement  *self);
const char   *our_agreement_get_agreed_by      (OurAgreement  *self);
gboolean      our_agreement_get_with_person    (OurAgreement  *self);
const char   *our_agreement_get_review_on      (OurAgreement  *self);
/* (nullable): a version whose snapshot is missing (a damaged file) */
GBytes       *our_agreement_get_snapshot       (OurAgreement  *self);
const char   *our_agreement_get_picture_ids    (OurAgreement  *self);

/* OurDisagreement, in the order they were written. */
GListModel      *our_agreement_get_disagreements  (OurAgreement    *self);
void             our_agreement_insert_disagreement (OurAgreement   *self,
                                                    guint           position,
                                                    OurDisagreement *disagreement);
void             our_agreement_remove_disagreement (OurAgreement   *self,
                                                    guint           position);
OurDisagreement *our_agreement_find_disagreement  (OurAgreement    *self,
                                                   const char      *id,
                                                   guint           *position);

/* The agreement of @agreements (OurAgreement) made last: the latest date,
 * and of those the one added last; NULL when there is none. */
OurAgreement *our_agreement_find_latest        (GListModel    *agreements);

G_END_DECLS
