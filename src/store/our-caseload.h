/* our-caseload.h: the coordinator's plans for the start screen, read off the main thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "our-caseload-entry.h"

G_BEGIN_DECLS

#define OUR_TYPE_CASELOAD (our_caseload_get_type ())
G_DECLARE_FINAL_TYPE (OurCaseload, our_caseload, OUR, CASELOAD, GObject)

/* A GListModel of OurCaseloadEntry, in the start screen's order (see
 * our_caseload_entry_compare()). */
OurCaseload *our_caseload_new        (void);
/* Looks through @folder, then the @recent plans outside it, in a worker
 * thread that reads only each plan's name and review date. Entries arrive
 * in batches as they are read; an entry already listed is replaced, and
 * when the look is done the files no longer there leave the list. A new
 * scan stops the one before. */
void         our_caseload_scan       (OurCaseload        *self,
                                      const char         *folder,
                                      const char * const *recent);
/* A scan is under way ("scanning" notifies). */
gboolean     our_caseload_get_scanning (OurCaseload      *self);
/* Whether a file of that name is a plan the list shows (not hidden, not a
 * backup or a side file). */
gboolean     our_caseload_is_plan_file_name (const char  *name);
/* At least one scan has finished ("loaded" notifies). */
gboolean     our_caseload_get_loaded (OurCaseload        *self);

G_END_DECLS
