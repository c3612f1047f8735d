/* our-print.h: "Print or save a copy": choose whose copy, then print it (with preview) or save it as a PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "our-copy.h"
#include "our-session.h"

G_BEGIN_DECLS

#define OUR_TYPE_PRINT (our_print_get_type ())
G_DECLARE_FINAL_TYPE (OurPrint, our_print, OUR, PRINT, AdwWindow)

/* A small window (modal over @parent) to choose My copy, a copy for one of
 * the plan's carers, or the team copy, and large print; then "Print…" runs
 * a GtkPrintOperation (with preview; the job is named "Care plan", never the
 * person's name) and "Save as PDF…" asks where to save. Each copy printed or
 * saved adds a line to the copy log, unless @session is read-only. @pdf_first makes "Save as PDF…" the suggested button.
 *
 * Signal "copy-given" (const char *sentence): a copy was printed or saved,
 * e.g. "Sam’s copy printed 12 March", for a toast. */
GtkWidget  *our_print_new            (GtkWindow            *parent,
                                      OurSession           *session,
                                      gboolean              pdf_first);

/* Prints the copy chosen in the window through a GtkPrintOperation, as
 * "Print…" does with GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG. With
 * GTK_PRINT_OPERATION_ACTION_EXPORT the pages go to the PDF at @export_path
 * without a dialog (used by the tests). Returns the operation. */
GtkPrintOperation *our_print_start   (OurPrint             *self,
                                      GtkPrintOperationAction action,
                                      const char           *export_path);

G_END_DECLS
