/* our-picture-file.h: where the photos of a plan read from a file are, for as long as they are wanted
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>
#include <sqlite3.h>

G_BEGIN_DECLS

#define OUR_TYPE_PICTURE_FILE (our_picture_file_get_type ())
G_DECLARE_FINAL_TYPE (OurPictureFile, our_picture_file, OUR, PICTURE_FILE, GObject)

/* The pictures a store loads keep one of these (our_picture_new_stored()),
 * never the store itself: a plan may outlive its store. While the store is
 * open, bytes are read through its connection (which holds the file
 * locked), on the store's thread; once it is closed, through a connection
 * of their own to @path, read-only, on any thread. */
OurPictureFile *our_picture_file_new    (const char     *path);
/* The store's connection while it is open (borrowed), or NULL once closed. */
void            our_picture_file_attach (OurPictureFile *self,
                                         sqlite3        *db);
/* An OurPictureLoadFunc. */
GBytes         *our_picture_file_read   (GObject        *source,
                                         const char     *id);

G_END_DECLS
