/* our-copy.h: the printed copies of a plan (My copy, a carer's copy, the team copy) laid out in pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "our-plan.h"

G_BEGIN_DECLS

/* A4 in points, the default page. */
#define OUR_COPY_A4_WIDTH  595.2756
#define OUR_COPY_A4_HEIGHT 841.8898

/* The body text of a large-print copy is at least this size, in points. */
#define OUR_COPY_LARGE_PRINT_SIZE 16.0

#define OUR_COPY_ERROR (our_copy_error_quark ())

/* Every message set with these codes is one plain sentence. */
typedef enum
{
  OUR_COPY_ERROR_NO_FOLDER,      /* the folder does not exist */
  OUR_COPY_ERROR_READ_ONLY,      /* cannot write in that folder */
  OUR_COPY_ERROR_NO_SPACE,       /* the disk filled up (or a file-size limit) */
  OUR_COPY_ERROR_FAILED,         /* anything else */
} OurCopyError;

GQuark our_copy_error_quark (void);

typedef struct
{
  OurCopyKind  kind;
  const char  *carer_id;       /* the member the carer copy is for */
  gboolean     large_print;    /* body text at least 16 pt */
  GDateTime   *made_on;        /* the date in every footer; NULL: now */
} OurCopyOptions;

#define OUR_TYPE_COPY (our_copy_get_type ())

G_DECLARE_FINAL_TYPE (OurCopy, our_copy, OUR, COPY, GObject)

/* Lays out a copy of @plan on pages of @page_width × @page_height points
 * (nonsense sizes give A4). The words are read now; the notes board's
 * picture is drawn from @plan when its page is drawn. Only what
 * @options->kind (and, for a carer, what the person shared with that carer)
 * may see is laid out at all; sections with nothing in them are left out.
 * No GTK, no display needed. */
OurCopy     *our_copy_new              (OurPlan              *plan,
                                        const OurCopyOptions *options,
                                        double                page_width,
                                        double                page_height);
guint        our_copy_get_n_pages      (OurCopy              *self);
void         our_copy_get_page_size    (OurCopy              *self,
                                        double               *width,
                                        double               *height);
/* Draws page @page (0-based) with its top left at the origin, in points. */
void         our_copy_render_page      (OurCopy              *self,
                                        cairo_t              *cr,
                                        guint                 page);
/* Whose copy it is, as every footer says: "Gwen’s copy", "Copy for Sam",
 * "Team copy". */
const char  *our_copy_get_owner_label  (OurCopy              *self);
/* Whether a copy can be saved at @path: its folder is there and may be
 * written to; else a sentence saying which of the two it is. */
gboolean     our_copy_check_folder     (const char           *path,
                                        GError              **error);
/* Writes every page to a PDF at @path through a temporary file in the same
 * folder that is synced and renamed into place. On failure no file is left
 * behind and @error holds one plain sentence. The PDF's title is "Care
 * plan": never the person's name. */
gboolean     our_copy_write_pdf        (OurCopy              *self,
                                        const char           *path,
                                        GError              **error);

/* The same, one page per turn of the main loop so that a window keeps
 * answering; cancelling removes the temporary file. */
void         our_copy_write_pdf_async  (OurCopy              *self,
                                        const char           *path,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data);
gboolean     our_copy_write_pdf_finish (OurCopy              *self,
                                        GAsyncResult         *result,
                                        GError              **error);

/* A new line for the copy log saying that a copy made with @options was
 * given as @medium now (for our_command_new_log_copy()). */
OurCopyRecord *our_copy_new_log_record (OurPlan              *plan,
                                        const OurCopyOptions *options,
                                        OurCopyMedium         medium);

G_END_DECLS
