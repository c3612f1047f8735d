/* our-caseload-row.h: one plan on the start screen: who, when the review is, and a mark when it is due
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "our-caseload-entry.h"

G_BEGIN_DECLS

#define OUR_TYPE_CASELOAD_ROW (our_caseload_row_get_type ())
G_DECLARE_FINAL_TYPE (OurCaseloadRow, our_caseload_row, OUR, CASELOAD_ROW, GtkWidget)

/* Made once and shown again for other plans as the list scrolls (the
 * start screen's list recycles its rows): our_caseload_row_set_entry()
 * changes everything it shows, and its accessible name and description
 * ("Gwen Morgan, review overdue since 3 March 2027"), which never rest on
 * colour alone. */
GtkWidget         *our_caseload_row_new          (void);
void               our_caseload_row_set_entry    (OurCaseloadRow   *self,
                                                  OurCaseloadEntry *entry);
OurCaseloadEntry  *our_caseload_row_get_entry    (OurCaseloadRow   *self);
/* What a screen reader says for @entry (for a list row holding it). */
void               our_caseload_row_describe     (OurCaseloadEntry *entry,
                                                  char            **label,
                                                  char            **description);

/* A folder as a person reads it: "~/Documents/Care plans". */
char              *our_display_folder            (const char       *folder);

G_END_DECLS
