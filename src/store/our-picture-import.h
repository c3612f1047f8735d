/* our-picture-import.h: turns a picture file a person picked into a small, metadata-free OurPicture
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "our-picture.h"
#include "our-picture-pixels.h"

G_BEGIN_DECLS

/* Files larger than this are refused before they are read (50 MB). */
#define OUR_PICTURE_MAX_FILE_BYTES ((goffset) 50 * 1000 * 1000)

/* Decodes @data (JPEG, PNG, GIF (first frame), WebP when the system can read
 * it, BMP or SVG), turns it upright as its EXIF orientation says, scales it
 * so that the long side is at most OUR_PICTURE_MAX_SIDE and re-encodes the
 * pixels alone, as JPEG, or PNG when it has transparency: no EXIF, GPS
 * position, comments or other metadata survive. SVGs that refer to anything
 * outside themselves, or hold pictures, are refused; nothing is ever
 * fetched (see our-picture-pixels.h).
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
