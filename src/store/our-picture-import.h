/* our-picture-import.h: turns a picture file a person picked into a small, metadata-free OurPicture
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "our-picture.h"

G_BEGIN_DECLS

#define OUR_PICTURE_ERROR (our_picture_error_quark ())

/* Every message set with these codes is one plain sentence, marked for
 * translation. A cancelled import fails with G_IO_ERROR_CANCELLED. */
typedef enum
{
  OUR_PICTURE_ERROR_NOT_A_PICTURE,  /* not a kind of picture Our Plan takes */
  OUR_PICTURE_ERROR_DAMAGED,        /* truncated or corrupted */
  OUR_PICTURE_ERROR_TOO_MANY_PIXELS,/* e.g. 20,000 x 20,000: a decompression bomb */
  OUR_PICTURE_ERROR_FILE_TOO_BIG,   /* more than OUR_PICTURE_MAX_FILE_BYTES */
  OUR_PICTURE_ERROR_OUTSIDE_LINKS,  /* an SVG that refers to files or addresses outside itself */
  OUR_PICTURE_ERROR_UNREADABLE,     /* the file cannot be opened or read */
  OUR_PICTURE_ERROR_FAILED,         /* anything else */
} OurPictureError;

GQuark our_picture_error_quark (void);

/* Files larger than this are refused before they are read (50 MB). */
#define OUR_PICTURE_MAX_FILE_BYTES ((goffset) 50 * 1000 * 1000)
/* Raster pictures with more pixels than this are refused before they are
 * decoded (64 megapixels). */
#define OUR_PICTURE_MAX_PIXELS ((gint64) 64 * 1000 * 1000)
/* Every imported picture is at most this many pixels on its long side. */
#define OUR_PICTURE_MAX_SIDE 2048

/* Decodes @data (JPEG, PNG, GIF (first frame), WebP when the system can read
 * it, BMP or SVG), turns it upright as its EXIF orientation says, scales it
 * so that the long side is at most OUR_PICTURE_MAX_SIDE and re-encodes the
 * pixels alone, as JPEG, or PNG when it has transparency: no EXIF, GPS
 * position, comments or other metadata survive. SVGs that refer to anything
 * outside themselves are refused; nothing is ever fetched.
 *
 * Blocking and CPU-heavy: call it from a thread, or use
 * our_picture_import_file_async(). */
OurPicture *our_picture_import_bytes        (GBytes               *data,
                                             GCancellable         *cancellable,
                                             GError              **error);

/* Reads @file (refusing it by size before reading) and imports it, all in a
 * worker thread; @callback runs in the thread-default main context of the
 * caller. */
void        our_picture_import_file_async   (GFile                *file,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
OurPicture *our_picture_import_file_finish  (GAsyncResult         *result,
                                             GError              **error);

G_END_DECLS
