/* our-picture.c: a picture ready for the plan file, never changed once made
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "our-picture.h"

struct _OurPicture
{
  GObject  parent_instance;

  char    *id;
  GBytes  *bytes;
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
    case PROP_BYTES: g_value_set_boxed (value, self->bytes); break;
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

/* Returns: (transfer none): the encoded bytes */
GBytes *
our_picture_get_bytes (OurPicture *self)
{
  g_return_val_if_fail (OUR_IS_PICTURE (self), NULL);
  return self->bytes;
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
