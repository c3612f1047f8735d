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

/* Reads the bytes of the picture @id from @source (a new reference, or NULL
 * when they cannot be read). */
typedef GBytes *(*OurPictureLoadFunc) (GObject    *source,
                                       const char *id);

/* A picture whose bytes stay in @source (its plan file) until they are
 * asked for: photos are most of a plan's size. */
OurPicture  *our_picture_new_stored    (const char         *id,
                                        const char         *mime_type,
                                        int                 width,
                                        int                 height,
                                        GObject            *source,
                                        OurPictureLoadFunc  load);
const char  *our_picture_get_id        (OurPicture  *self);
/* The bytes the picture holds, or NULL while they are only in its source. */
GBytes      *our_picture_get_bytes     (OurPicture  *self);
/* The bytes, read from the source when the picture does not hold them (a
 * new reference, or NULL when they cannot be read). While its file is
 * open, a stored picture reads them through the store's connection, so
 * only on the thread that uses the plan: worker threads are given the
 * bytes, never the picture to read them from. */
GBytes      *our_picture_dup_bytes     (OurPicture  *self);
/* Reads the bytes from the source and holds them from now on, as before
 * the source forgets them (the store, removing a picture nothing shows any
 * more, while undo may bring it back). FALSE if they cannot be read. */
gboolean     our_picture_keep_bytes    (OurPicture  *self);
const char  *our_picture_get_mime_type (OurPicture  *self);
int          our_picture_get_width     (OurPicture  *self);
int          our_picture_get_height    (OurPicture  *self);

/* The id a picture with these encoded bytes has (a new string). */
char        *our_picture_compute_id    (GBytes      *bytes);

G_END_DECLS
