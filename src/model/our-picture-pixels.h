/* our-picture-pixels.h: the one way Our Plan turns picture bytes into pixels, within hard limits
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <gio/gio.h>

G_BEGIN_DECLS

#define OUR_PICTURE_ERROR (our_picture_error_quark ())

/* Every message set with these codes is one plain sentence, marked for
 * translation. A cancelled decode fails with G_IO_ERROR_CANCELLED. */
typedef enum
{
  OUR_PICTURE_ERROR_NOT_A_PICTURE,  /* not a kind of picture Our Plan takes */
  OUR_PICTURE_ERROR_DAMAGED,        /* truncated or corrupted */
  OUR_PICTURE_ERROR_TOO_MANY_PIXELS,/* e.g. 20,000 x 20,000: a decompression bomb */
  OUR_PICTURE_ERROR_FILE_TOO_BIG,   /* more than OUR_PICTURE_MAX_FILE_BYTES */
  OUR_PICTURE_ERROR_OUTSIDE_LINKS,  /* an SVG that refers to files or addresses outside itself */
  OUR_PICTURE_ERROR_UNREADABLE,     /* the file cannot be opened or read */
  OUR_PICTURE_ERROR_FAILED,         /* anything else */
  OUR_PICTURE_ERROR_INNER_PICTURES, /* an SVG with pictures inside it */
} OurPictureError;

GQuark our_picture_error_quark (void);

/* The kinds of picture, as a set. */
typedef enum
{
  OUR_PICTURE_KIND_JPEG = 1 << 0,
  OUR_PICTURE_KIND_PNG  = 1 << 1,
  OUR_PICTURE_KIND_GIF  = 1 << 2,
  OUR_PICTURE_KIND_WEBP = 1 << 3,
  OUR_PICTURE_KIND_BMP  = 1 << 4,
  OUR_PICTURE_KIND_SVG  = 1 << 5,
} OurPictureKinds;

/* What a person may pick from their files. */
#define OUR_PICTURE_KINDS_ANY 0x3F
/* What a plan file holds: the import re-encodes every picture as one of
 * these, so anything else inside a plan came from somewhere else. */
#define OUR_PICTURE_KINDS_STORED (OUR_PICTURE_KIND_JPEG | OUR_PICTURE_KIND_PNG)

/* Raster pictures with more pixels than this are refused before their
 * pixels are allocated (64 megapixels: 256 MB once decoded). */
#define OUR_PICTURE_MAX_PIXELS ((gint64) 64 * 1000 * 1000)
/* Every imported picture is at most this many pixels on its long side, so a
 * stored picture bigger than this square did not come from an import. */
#define OUR_PICTURE_MAX_SIDE 2048
#define OUR_PICTURE_MAX_STORED_PIXELS ((gint64) OUR_PICTURE_MAX_SIDE * OUR_PICTURE_MAX_SIDE)

/* The kind the bytes say they are (the name of a file is never trusted),
 * or 0 for none Our Plan reads. */
OurPictureKinds our_picture_pixels_sniff  (GBytes          *data);

/* Decodes @data, if it is one of @kinds, into at most @max_side pixels on
 * its long side (smaller pictures keep their size; drawings are drawn at
 * their own size, but at least 1024 pixels or @max_side if smaller).
 *
 * Refused, with a sentence: kinds outside @kinds, cut-off files, raster
 * pictures over @max_pixels (checked in the header and again before any
 * pixel is allocated), and SVGs that link outside themselves or hold other
 * pictures (an embedded data: picture would escape every limit here).
 *
 * Blocking and CPU-heavy: call it from a worker thread. The pixbuf keeps
 * the loader's options (such as the EXIF "orientation"). */
GdkPixbuf      *our_picture_pixels_decode (GBytes          *data,
                                           OurPictureKinds  kinds,
                                           int              max_side,
                                           gint64           max_pixels,
                                           GCancellable    *cancellable,
                                           GError         **error);

G_END_DECLS
