/* our-choice-button.h: one choice out of a short list, shown on a button that opens a menu
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define OUR_TYPE_CHOICE_BUTTON (our_choice_button_get_type ())
G_DECLARE_FINAL_TYPE (OurChoiceButton, our_choice_button, OUR, CHOICE_BUTTON, GtkWidget)

/* A light stand-in for GtkDropDown, which costs about 230 KiB a widget in
 * GTK 4.8 (it builds its list and popover at once): a plan of 300 goals has
 * 600 of them. The menu of choices is made only when it is first opened.
 *
 * Properties: "selected" (guint, notified: the position of the choice),
 * "heading" (string: what is chosen, for the accessible name, e.g. "Life
 * area"). Widget action "choice.selected" (uint) picks a choice. */
GtkWidget   *our_choice_button_new          (void);
/* The choices, in order (copied). */
void         our_choice_button_set_choices  (OurChoiceButton    *self,
                                             const char * const *labels);
guint        our_choice_button_get_n_choices (OurChoiceButton   *self);
const char  *our_choice_button_get_choice   (OurChoiceButton    *self,
                                             guint               position);
guint        our_choice_button_get_selected (OurChoiceButton    *self);
void         our_choice_button_set_selected (OurChoiceButton    *self,
                                             guint               position);
void         our_choice_button_set_heading  (OurChoiceButton    *self,
                                             const char         *heading);

G_END_DECLS
