/* our-safety-note-row.h: one safety note as a card: its kind, words, whether it was talked about, team only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "our-safety-note.h"
#include "our-session.h"

G_BEGIN_DECLS

#define OUR_TYPE_SAFETY_NOTE_ROW (our_safety_note_row_get_type ())
G_DECLARE_FINAL_TYPE (OurSafetyNoteRow, our_safety_note_row, OUR, SAFETY_NOTE_ROW, GtkListBoxRow)

/* Properties: "session" (OurSession) and "note" (OurSafetyNote), both set
 * at construction; "read-only" (gboolean: every control insensitive, no
 * delete button).
 *
 * Every change runs a command through the session; a one-click change is
 * an undo step of its own. Deleting activates "safety.delete-note" (s: the
 * note's id), which the safety view provides, with its toast and Undo. */
GtkWidget  *our_safety_note_row_new        (OurSession       *session,
                                            OurSafetyNote    *note);
const char *our_safety_note_row_get_id     (OurSafetyNoteRow *self);
/* Puts the keyboard in the note's words. */
void        our_safety_note_row_focus_text (OurSafetyNoteRow *self);

/* The style class that colours a note of @kind ("kind-concern" and so on,
 * see ui/style.css), also on the swatches of the "add a note" menu. */
const char *our_safety_note_row_kind_class (OurSafetyNoteKind kind);

G_END_DECLS
