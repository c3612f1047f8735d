/* our-text-field.h: an editable piece of plan text that says who wrote it and saves itself
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "our-session.h"

G_BEGIN_DECLS

/* How long a pause in typing is before what was typed is saved. Other
 * editors (the board's notes) use the same. */
#define OUR_TEXT_FIELD_SAVE_DELAY_MS 700

/* Builds the command that stores @text written by @author. */
typedef OurCommand *(*OurTextCommandFunc) (const char *text,
                                           OurAuthor   author,
                                           gpointer    user_data);

#define OUR_TYPE_TEXT_FIELD (our_text_field_get_type ())
G_DECLARE_FINAL_TYPE (OurTextField, our_text_field, OUR, TEXT_FIELD, GtkWidget)

/* A heading, the text (one line or several), and a small note of who wrote it
 * ("In my words" or "Written by the coordinator").
 *
 * Typing is committed as a command after a pause of at most 700 ms, on focus
 * out, on Enter (one-line fields) and when the widget is unmapped; the author
 * is the "who is writing" of its session, and it is not editable while the
 * session is read-only. Updates from the
 * model (undo, redo) are shown with our_text_field_set_text_from_model(),
 * which does not commit anything.
 *
 * Properties: "heading" (visible label, also the accessible name), "multiline",
 * "placeholder" (shown when empty), "session" (OurSession). */
GtkWidget   *our_text_field_new                   (const char         *heading,
                                                   gboolean            multiline);
void         our_text_field_set_session           (OurTextField       *self,
                                                   OurSession         *session);
void         our_text_field_set_command_func      (OurTextField       *self,
                                                   OurTextCommandFunc  func,
                                                   gpointer            user_data,
                                                   GDestroyNotify      destroy);
void         our_text_field_set_text_from_model   (OurTextField       *self,
                                                   const char         *text,
                                                   OurAuthor           author);
const char  *our_text_field_get_text              (OurTextField       *self);
/* Commits now if the text differs from the model's. */
void         our_text_field_commit                (OurTextField       *self);
void         our_text_field_set_placeholder       (OurTextField       *self,
                                                   const char         *placeholder);

G_END_DECLS
