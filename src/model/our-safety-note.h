/* our-safety-note.h: one of the team's safety notes, written and talked about together
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "our-types.h"

G_BEGIN_DECLS

#define OUR_TYPE_SAFETY_NOTE (our_safety_note_get_type ())

G_DECLARE_FINAL_TYPE (OurSafetyNote, our_safety_note, OUR, SAFETY_NOTE, GObject)

/* Properties (all notified): "id", "kind" (int, OurSafetyNoteKind), "text",
 * "text-author", "talked-together" (gboolean: talked about with the person),
 * "talked-on" (ISO date or ""), "team-only" (gboolean: held back from every
 * copy but the team's, e.g. about someone else), "written-on" (ISO date). */
OurSafetyNote     *our_safety_note_new           (const char        *id,
                                                  OurSafetyNoteKind  kind);
OurSafetyNote     *our_safety_note_copy          (OurSafetyNote     *self);
/* Takes every value but the id from @from, notifying what changed. */
void               our_safety_note_assign        (OurSafetyNote     *self,
                                                  OurSafetyNote     *from);
const char        *our_safety_note_get_id        (OurSafetyNote     *self);
OurSafetyNoteKind  our_safety_note_get_kind      (OurSafetyNote     *self);
void               our_safety_note_set_kind      (OurSafetyNote     *self,
                                                  OurSafetyNoteKind  kind);
const char        *our_safety_note_get_text      (OurSafetyNote     *self);
OurAuthor          our_safety_note_get_text_author (OurSafetyNote   *self);
void               our_safety_note_set_text      (OurSafetyNote     *self,
                                                  const char        *text,
                                                  OurAuthor          author);
gboolean           our_safety_note_get_talked_together (OurSafetyNote *self);
/* The date it was talked about ("" when not). */
const char        *our_safety_note_get_talked_on (OurSafetyNote     *self);
/* @date: ISO date; ignored (kept "") when @together is FALSE. */
void               our_safety_note_set_talked    (OurSafetyNote     *self,
                                                  gboolean           together,
                                                  const char        *date);
gboolean           our_safety_note_get_team_only (OurSafetyNote     *self);
void               our_safety_note_set_team_only (OurSafetyNote     *self,
                                                  gboolean           team_only);
const char        *our_safety_note_get_written_on (OurSafetyNote    *self);
void               our_safety_note_set_written_on (OurSafetyNote    *self,
                                                   const char       *date);

G_END_DECLS
