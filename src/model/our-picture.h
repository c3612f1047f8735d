/* our-picture.h: a picture ready for the plan file: its encoded bytes, kind and size, never changed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define OUR_TYPE_PICTURE (our_picture_get_type ())
G_DECLARE_FINAL_TYPE (OurPicture, our_picture, OUR, PICTURE, GObject)

/* Properties (all construct-only): "id", "bytes", "mime-type", "width",
 * "height".
 *
 * The id is the lowercase hex SHA-256 of the encoded bytes, so a picture
 * placed twice on a board is stored once in the plan file. The bytes are
 * what the import made of the file a person picked (see
 * our-picture-import.h): JPEG or PNG, at most 2048 pixels on the long side,
 * without metadata. */
OurPicture  *our_picture_new           (const char  *id,
                                        GBytes      *bytes,
                                        const char  *mime_type,
                                        int          width,
                                        int          height);
const char  *our_picture_get_id        (OurPicture  *self);
GBytes      *our_picture_get_bytes     (OurPicture  *self);
const char  *our_picture_get_mime_type (OurPicture  *self);
int          our_picture_get_width     (OurPicture  *self);
int          our_picture_get_height    (OurPicture  *self);

/* The id a picture with these encoded bytes has (a new string). */
char        *our_picture_compute_id    (GBytes      *bytes);

G_END_DECLS
