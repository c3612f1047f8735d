/* our-date-button.h: a date shown in plain words, chosen from a calendar, or none
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define OUR_TYPE_DATE_BUTTON (our_date_button_get_type ())
G_DECLARE_FINAL_TYPE (OurDateButton, our_date_button, OUR, DATE_BUTTON, GtkWidget)

/* Property "date": ISO 8601 ("2027-03-01") or "" for no date; "empty-label":
 * what to show when there is no date; "accessible-name": what the button is
 * for. Signal "date-chosen" (const char *iso) when the person picks a date or
 * "No date" — the owner runs a command; "date" is then set from the model. */
GtkWidget   *our_date_button_new             (const char    *accessible_name,
                                              const char    *empty_label);
const char  *our_date_button_get_date        (OurDateButton *self);
void         our_date_button_set_date        (OurDateButton *self,
                                              const char    *iso_date);
/* "3 March 2027", or NULL when @iso_date is not a valid date. */
char        *our_format_date_for_people      (const char    *iso_date);

G_END_DECLS
