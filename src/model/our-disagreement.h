/* our-disagreement.h: a part of an agreed plan the person does not agree with, in their words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "our-types.h"

G_BEGIN_DECLS

#define OUR_TYPE_DISAGREEMENT (our_disagreement_get_type ())

G_DECLARE_FINAL_TYPE (OurDisagreement, our_disagreement, OUR, DISAGREEMENT, GObject)

/* Immutable, kept with the agreed version it belongs to. Properties: "id",
 * "part-kind" (OurPartKind), "part-id" (the goal's, member's... id, "" for
 * the plan as a whole and the staying-well plan), "part-label" (what the
 * part was called when this was written, e.g. the goal's title, so it still
 * reads well once the part is gone), "text" and "author". */
OurDisagreement *our_disagreement_new            (const char      *id,
                                                  OurPartKind      part_kind,
                                                  const char      *part_id,
                                                  const char      *part_label,
                                                  const char      *text,
                                                  OurAuthor        author);
const char      *our_disagreement_get_id         (OurDisagreement *self);
OurPartKind      our_disagreement_get_part_kind  (OurDisagreement *self);
const char      *our_disagreement_get_part_id    (OurDisagreement *self);
const char      *our_disagreement_get_part_label (OurDisagreement *self);
const char      *our_disagreement_get_text       (OurDisagreement *self);
OurAuthor        our_disagreement_get_author     (OurDisagreement *self);
/* "A goal: “Get back to swimming”", or "The plan as a whole". */
char            *our_disagreement_describe_part  (OurDisagreement *self);

G_END_DECLS
