/* our-caseload-entry.h: one plan on the start screen: its name, its review date, or why it cannot be read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* A review within this many days is "due soon". */
#define OUR_CASELOAD_DUE_SOON_DAYS 28

/* In the order the start screen lists them. */
typedef enum
{
  OUR_REVIEW_OVERDUE,
  OUR_REVIEW_DUE_SOON,
  OUR_REVIEW_SCHEDULED,
  OUR_REVIEW_NO_DATE,
  OUR_REVIEW_UNREADABLE,
} OurReviewStatus;

#define OUR_TYPE_CASELOAD_ENTRY (our_caseload_entry_get_type ())
G_DECLARE_FINAL_TYPE (OurCaseloadEntry, our_caseload_entry, OUR, CASELOAD_ENTRY, GObject)

/* Reads only what the start screen shows of the plan at @path (its name and
 * review date), the way the app opens plans and changing nothing on disk.
 * @recent: opened recently, from outside the plans folder. */
OurCaseloadEntry *our_caseload_entry_new_for_file     (const char        *path,
                                                       gboolean           recent,
                                                       const GDate       *today);
const char       *our_caseload_entry_get_path         (OurCaseloadEntry  *self);
/* The person's name, or the file's name when the plan has none. */
const char       *our_caseload_entry_get_name         (OurCaseloadEntry  *self);
OurReviewStatus   our_caseload_entry_get_status       (OurCaseloadEntry  *self);
/* The review date, or NULL when none is agreed. */
const GDate      *our_caseload_entry_get_review       (OurCaseloadEntry  *self);
int               our_caseload_entry_get_days_to_review (OurCaseloadEntry *self);
/* Why the file could not be read, in a sentence, or NULL. */
const char       *our_caseload_entry_get_problem      (OurCaseloadEntry  *self);
gboolean          our_caseload_entry_get_recent       (OurCaseloadEntry  *self);
/* The start screen's order: overdue first, then by review date, then no
 * date, then unreadable files; by name within each. */
int               our_caseload_entry_compare          (OurCaseloadEntry  *a,
                                                       OurCaseloadEntry  *b);
/* Whether the two would show the same on the start screen. */
gboolean          our_caseload_entry_equal            (OurCaseloadEntry  *a,
                                                       OurCaseloadEntry  *b);
/* Whether @folded_text (g_utf8_casefold'ed) is in the name. */
gboolean          our_caseload_entry_matches          (OurCaseloadEntry  *self,
                                                       const char        *folded_text);

G_END_DECLS
