/* our-date-button.h: a date shown in plain words, chosen from a calendar, or none
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define OUR_TYPE_DATE_BUTTON (our_date_button_get_type ())
G_DECLARE_FINAL_TYPE (OurDateButton, our_date_button, OUR, DATE_BUTTON, GtkWidget)

/* Property "date": ISO 8601 ("2027-03-01") or "" for no date. The button shows
 * the date in words through @format (a translated format with one %s, e.g.
 * "by %s"), or @empty_label; @accessible_name says what the date is for.
 * The popover offers a calendar, "No Date" and "Set Date". Signal
 * "date-chosen" (const char *iso, "" for none) when the person sets one: the
 * owner runs a command, and "date" is then set from the model. In a plan
 * that may not be changed the owner makes it insensitive: the date can be
 * read but not changed. */
GtkWidget   *our_date_button_new             (const char    *accessible_name,
                                              const char    *format,
                                              const char    *empty_label);
const char  *our_date_button_get_date        (OurDateButton *self);
void         our_date_button_set_date        (OurDateButton *self,
                                              const char    *iso_date);
/* What the button shows, e.g. "by 3 March 2027". */
const char  *our_date_button_get_label       (OurDateButton *self);
/* "3 March 2027", or NULL when @iso_date is not a valid date. */
char        *our_format_date_for_people      (const char    *iso_date);

G_END_DECLS
