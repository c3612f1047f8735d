/* our-picture.c: a picture ready for the plan file, never changed once made
 *
 * A picture read from a plan file need not hold its bytes: photos are most
 * of a plan's size, and most are never looked at in full. Such a picture
 * keeps where it came from (the plan file, see our-picture-file.h) and a
 * function that reads its bytes from there each time they are asked for.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "our-picture.h"

struct _OurPicture
{
  GObject  parent_instance;

  char    *id;
  GMutex   lock;      /* over bytes: worker threads read them */
  GBytes  *bytes;     /* NULL while they are only in the source */
  GObject *source;
  OurPictureLoadFunc load;
  char    *mime_type;
  int      width;
  int      height;
};

G_DEFINE_FINAL_TYPE (OurPicture, our_picture, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_BYTES,
  PROP_MIME_TYPE,
  PROP_WIDTH,
  PROP_HEIGHT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
our_picture_constructed (GObject *object)
{
  OurPicture *self = OUR_PICTURE (object);

  G_OBJECT_CLASS (our_picture_parent_class)->constructed (object);

  if (self->bytes == NULL)
    self->bytes = g_bytes_new (NULL, 0);
  /* Without an id given (a new import), the id is the bytes' own hash. */
  if (self->id == NULL || self->id[0] == '\0')
    {
      g_free (self->id);
      self->id = our_picture_compute_id (self->bytes);
    }
  if (self->mime_type == NULL)
    self->mime_type = g_strdup ("");
}

static void
our_picture_finalize (GObject *object)
{
  OurPicture *self = OUR_PICTURE (object);

  g_free (self->id);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_object (&self->source);
  g_mutex_clear (&self->lock);
  g_free (self->mime_type);

  G_OBJECT_CLASS (our_picture_parent_class)->finalize (object);
}

static void
our_picture_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  OurPicture *self = OUR_PICTURE (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_string (value, self->id); break;
    case PROP_BYTES: g_value_take_boxed (value, our_picture_dup_bytes (self)); break;
    case PROP_MIME_TYPE: g_value_set_string (value, self->mime_type); break;
    case PROP_WIDTH: g_value_set_int (value, self->width); break;
    case PROP_HEIGHT: g_value_set_int (value, self->height); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
our_picture_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  OurPicture *self = OUR_PICTURE (object);

  switch (prop_id)
    {
    case PROP_ID: self->id = g_value_dup_string (value); break;
    case PROP_BYTES: self->bytes = g_value_dup_boxed (value); break;
    case PROP_MIME_TYPE: self->mime_type = g_value_dup_string (value); break;
    case PROP_WIDTH: self->width = g_value_get_int (value); break;
    case PROP_HEIGHT: self->height = g_value_get_int (value); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
our_picture_class_init (OurPictureClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = our_picture_constructed;
  object_class->finalize = our_picture_finalize;
  object_class->get_property = our_picture_get_property;
  object_class->set_property = our_picture_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_BYTES] =
    g_param_spec_boxed ("bytes", NULL, NULL, G_TYPE_BYTES, flags);
  properties[PROP_MIME_TYPE] =
    g_param_spec_string ("mime-type", NULL, NULL, NULL, flags);
  properties[PROP_WIDTH] =
    g_param_spec_int ("width", NULL, NULL, 0, G_MAXINT, 0, flags);
  properties[PROP_HEIGHT] =
    g_param_spec_int ("height", NULL, NULL, 0, G_MAXINT, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
our_picture_init (OurPicture *self)
{
  g_mutex_init (&self->lock);
}

/**
 * our_picture_new:
 * @id: (nullable): the id stored with the picture, or %NULL to compute it
 *   from @bytes
 * @bytes: the encoded picture (JPEG or PNG)
 * @mime_type: "image/jpeg" or "image/png"
 * @width: width in pixels
 * @height: height in pixels
 */
OurPicture *
our_picture_new (const char *id,
                 GBytes     *bytes,
                 const char *mime_type,
                 int         width,
                 int         height)
{
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (width >= 0 && height >= 0, NULL);

  return g_object_new (OUR_TYPE_PICTURE,
                       "id", id,
                       "bytes", bytes,
                       "mime-type", mime_type,
                       "width", width,
                       "height", height,
                       NULL);
}

const char *
our_picture_get_id (OurPicture *self)
{
  g_return_val_if_fail (OUR_IS_PICTURE (self), NULL);
  return self->id;
}

/**
 * our_picture_new_stored:
 * @id: the picture's id, as stored
 * @source: where the bytes are (the plan file)
 * @load: reads the bytes of @id from @source, on the thread @source works on
 *
 * A picture whose bytes stay in @source until asked for.
 */
OurPicture *
our_picture_new_stored (const char         *id,
                        const char         *mime_type,
                        int                 width,
                        int                 height,
                        GObject            *source,
                        OurPictureLoadFunc  load)
{
  OurPicture *self;

  g_return_val_if_fail (id != NULL && *id != '\0', NULL);
  g_return_val_if_fail (G_IS_OBJECT (source) && load != NULL, NULL);

  self = g_object_new (OUR_TYPE_PICTURE, "id", id, "mime-type", mime_type,
                       "width", width, "height", height, NULL);
  /* Not the empty bytes a picture without any is given. */
  g_clear_pointer (&self->bytes, g_bytes_unref);
  self->source = g_object_ref (source);
  self->load = load;
  return self;
}

/* Returns: (transfer none) (nullable): the bytes the picture holds; NULL
 * for a picture whose bytes are still only in its source (see
 * our_picture_dup_bytes()) */
GBytes *
our_picture_get_bytes (OurPicture *self)
{
  GBytes *bytes;

  g_return_val_if_fail (OUR_IS_PICTURE (self), NULL);

  g_mutex_lock (&self->lock);
  bytes = self->bytes;
  g_mutex_unlock (&self->lock);
  return bytes;
}

static GBytes *
load_from_source (OurPicture *self)
{
  return self->source != NULL && self->load != NULL ? self->load (self->source, self->id) : NULL;
}

/* Returns: (transfer full) (nullable): the encoded bytes, read from the
 * source if the picture does not hold them; NULL when they cannot be read
 * (the source was closed, or the file no longer has them) */
GBytes *
our_picture_dup_bytes (OurPicture *self)
{
  GBytes *bytes;

  g_return_val_if_fail (OUR_IS_PICTURE (self), NULL);

  g_mutex_lock (&self->lock);
  bytes = self->bytes != NULL ? g_bytes_ref (self->bytes) : NULL;
  g_mutex_unlock (&self->lock);
  return bytes != NULL ? bytes : load_from_source (self);
}

gboolean
our_picture_keep_bytes (OurPicture *self)
{
  GBytes *bytes;

  g_return_val_if_fail (OUR_IS_PICTURE (self), FALSE);

  if (our_picture_get_bytes (self) != NULL)
    return TRUE;
  bytes = load_from_source (self);
  if (bytes == NULL)
    return FALSE;
  g_mutex_lock (&self->lock);
  if (self->bytes == NULL)
    self->bytes = g_steal_pointer (&bytes);
  g_mutex_unlock (&self->lock);
  g_clear_pointer (&bytes, g_bytes_unref);
  return TRUE;
}

const char *
our_picture_get_mime_type (OurPicture *self)
{
  g_return_val_if_fail (OUR_IS_PICTURE (self), NULL);
  return self->mime_type;
}

int
our_picture_get_width (OurPicture *self)
{
  g_return_val_if_fail (OUR_IS_PICTURE (self), 0);
  return self->width;
}

int
our_picture_get_height (OurPicture *self)
{
  g_return_val_if_fail (OUR_IS_PICTURE (self), 0);
  return self->height;
}

/* Returns: (transfer full): the lowercase hex SHA-256 of @bytes */
char *
our_picture_compute_id (GBytes *bytes)
{
  g_return_val_if_fail (bytes != NULL, NULL);
  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
}
