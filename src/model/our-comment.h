/* our-comment.h: a carer's comment on a part of the plan, written at home and brought back in clinic
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "our-types.h"

G_BEGIN_DECLS

#define OUR_TYPE_COMMENT (our_comment_get_type ())

G_DECLARE_FINAL_TYPE (OurComment, our_comment, OUR, COMMENT, GObject)

/* Properties (all notified): "id", "carer-id" and "carer-name" (who wrote
 * it), "written-on" (ISO date), "part-kind" (OurPartKind), "part-id" (the
 * goal's, member's, note's... id; "" for the plan as a whole and the
 * staying-well plan), "part-label" (what the part was called when the
 * comment was written), "text", and "talked-about-on" (ISO date the comment
 * was talked about in a meeting, "" until then). */
OurComment  *our_comment_new                 (const char   *id,
                                              const char   *carer_id,
                                              const char   *carer_name,
                                              const char   *written_on,
                                              OurPartKind   part_kind,
                                              const char   *part_id,
                                              const char   *part_label);
OurComment  *our_comment_copy                (OurComment   *self);
/* Takes every value but the id from @from, notifying what changed. */
void         our_comment_assign              (OurComment   *self,
                                              OurComment   *from);
const char  *our_comment_get_id              (OurComment   *self);
const char  *our_comment_get_carer_id        (OurComment   *self);
const char  *our_comment_get_carer_name      (OurComment   *self);
const char  *our_comment_get_written_on      (OurComment   *self);
OurPartKind  our_comment_get_part_kind       (OurComment   *self);
const char  *our_comment_get_part_id         (OurComment   *self);
const char  *our_comment_get_part_label      (OurComment   *self);
const char  *our_comment_get_text            (OurComment   *self);
void         our_comment_set_text            (OurComment   *self,
                                              const char   *text);
const char  *our_comment_get_talked_about_on (OurComment   *self);
/* "" (or anything that is not a date) for not yet talked about. */
void         our_comment_set_talked_about_on (OurComment   *self,
                                              const char   *date);
/* "A goal: “Swimming”", or "The plan as a whole". */
char        *our_comment_describe_part       (OurComment   *self);

G_END_DECLS
