/* our-picture-file.c: where the photos of a plan read from a file are, for as long as they are wanted
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "our-picture-file.h"
#include "our-store-rows.h"
#include "our-store-sql.h"

struct _OurPictureFile
{
  GObject  parent_instance;

  GMutex   lock;
  char    *path;
  sqlite3 *db;     /* the store's, while it is open */
};

G_DEFINE_FINAL_TYPE (OurPictureFile, our_picture_file, G_TYPE_OBJECT)

static void
our_picture_file_finalize (GObject *object)
{
  OurPictureFile *self = OUR_PICTURE_FILE (object);

  g_free (self->path);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (our_picture_file_parent_class)->finalize (object);
}

static void
our_picture_file_class_init (OurPictureFileClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = our_picture_file_finalize;
}

static void
our_picture_file_init (OurPictureFile *self)
{
  g_mutex_init (&self->lock);
}

OurPictureFile *
our_picture_file_new (const char *path)
{
  OurPictureFile *self;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (OUR_TYPE_PICTURE_FILE, NULL);
  self->path = g_strdup (path);
  return self;
}

void
our_picture_file_attach (OurPictureFile *self,
                         sqlite3        *db)
{
  g_return_if_fail (OUR_IS_PICTURE_FILE (self));

  g_mutex_lock (&self->lock);
  self->db = db;
  g_mutex_unlock (&self->lock);
}

GBytes *
our_picture_file_read (GObject    *source,
                       const char *id)
{
  OurPictureFile *self = OUR_PICTURE_FILE (source);
  sqlite3 *db = NULL;
  GBytes *bytes = NULL;

  g_mutex_lock (&self->lock);
  if (self->db != NULL)
    bytes = our_store_rows_read_picture (self->db, id);
  else if (sqlite3_open_v2 (self->path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX
                            | SQLITE_OPEN_EXRESCODE | SQLITE_OPEN_NOFOLLOW, NULL) == SQLITE_OK
           && our_store_sql_harden (db) == SQLITE_OK)
    bytes = our_store_rows_read_picture (db, id);
  if (db != NULL)
    sqlite3_close (db);
  g_mutex_unlock (&self->lock);
  return bytes;
}
