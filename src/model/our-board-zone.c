/* our-board-zone.c: a named area of the notes board, e.g. "How I feel now"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "our-board-item.h"
#include "our-board-zone.h"

struct _OurBoardZone
{
  GObject    parent_instance;

  char      *id;
  char      *name;
  OurAuthor  name_author;
  double     x;
  double     y;
  double     width;
  double     height;
};

G_DEFINE_FINAL_TYPE (OurBoardZone, our_board_zone, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_NAME_AUTHOR,
  PROP_X,
  PROP_Y,
  PROP_WIDTH,
  PROP_HEIGHT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
our_board_zone_finalize (GObject *object)
{
  OurBoardZone *self = OUR_BOARD_ZONE (object);

  g_free (self->id);
  g_free (self->name);

  G_OBJECT_CLASS (our_board_zone_parent_class)->finalize (object);
}

static void
our_board_zone_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  OurBoardZone *self = OUR_BOARD_ZONE (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_string (value, self->id); break;
    case PROP_NAME: g_value_set_string (value, self->name); break;
    case PROP_NAME_AUTHOR: g_value_set_int (value, self->name_author); break;
    case PROP_X: g_value_set_double (value, self->x); break;
    case PROP_Y: g_value_set_double (value, self->y); break;
    case PROP_WIDTH: g_value_set_double (value, self->width); break;
    case PROP_HEIGHT: g_value_set_double (value, self->height); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
our_board_zone_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  OurBoardZone *self = OUR_BOARD_ZONE (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      if (self->id == NULL)
        self->id = our_new_id ();
      break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
our_board_zone_class_init (OurBoardZoneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = our_board_zone_finalize;
  object_class->get_property = our_board_zone_get_property;
  object_class->set_property = our_board_zone_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, "", flags);
  properties[PROP_NAME_AUTHOR] =
    g_param_spec_int ("name-author", NULL, NULL, 0, OUR_AUTHOR_COORDINATOR, 0, flags);
  properties[PROP_X] = g_param_spec_double ("x", NULL, NULL, -OUR_BOARD_COORD_LIMIT,
                                            OUR_BOARD_COORD_LIMIT, 0, flags);
  properties[PROP_Y] = g_param_spec_double ("y", NULL, NULL, -OUR_BOARD_COORD_LIMIT,
                                            OUR_BOARD_COORD_LIMIT, 0, flags);
  properties[PROP_WIDTH] = g_param_spec_double ("width", NULL, NULL, OUR_BOARD_ITEM_MIN_SIZE,
                                                OUR_BOARD_ITEM_MAX_SIZE, 400, flags);
  properties[PROP_HEIGHT] = g_param_spec_double ("height", NULL, NULL, OUR_BOARD_ITEM_MIN_SIZE,
                                                 OUR_BOARD_ITEM_MAX_SIZE, 300, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
our_board_zone_init (OurBoardZone *self)
{
  self->name = g_strdup ("");
  self->width = 400;
  self->height = 300;
}

/**
 * our_board_zone_new:
 * @id: (nullable): a stable id, or %NULL for a new one
 */
OurBoardZone *
our_board_zone_new (const char *id)
{
  return g_object_new (OUR_TYPE_BOARD_ZONE, "id", id, NULL);
}

OurBoardZone *
our_board_zone_copy (OurBoardZone *self)
{
  OurBoardZone *copy;

  g_return_val_if_fail (OUR_IS_BOARD_ZONE (self), NULL);

  copy = our_board_zone_new (self->id);
  our_board_zone_assign (copy, self);
  return copy;
}

void
our_board_zone_assign (OurBoardZone *self,
                       OurBoardZone *from)
{
  g_return_if_fail (OUR_IS_BOARD_ZONE (self));
  g_return_if_fail (OUR_IS_BOARD_ZONE (from));

  if (self == from)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  our_board_zone_set_name (self, from->name, from->name_author);
  our_board_zone_set_box (self, from->x, from->y, from->width, from->height);
  g_object_thaw_notify (G_OBJECT (self));
}

const char *
our_board_zone_get_id (OurBoardZone *self)
{
  g_return_val_if_fail (OUR_IS_BOARD_ZONE (self), NULL);
  return self->id;
}

const char *
our_board_zone_get_name (OurBoardZone *self)
{
  g_return_val_if_fail (OUR_IS_BOARD_ZONE (self), NULL);
  return self->name;
}

OurAuthor
our_board_zone_get_name_author (OurBoardZone *self)
{
  g_return_val_if_fail (OUR_IS_BOARD_ZONE (self), OUR_AUTHOR_PERSON);
  return self->name_author;
}

void
our_board_zone_set_name (OurBoardZone *self,
                         const char   *name,
                         OurAuthor     author)
{
  g_return_if_fail (OUR_IS_BOARD_ZONE (self));

  author = author == OUR_AUTHOR_COORDINATOR ? OUR_AUTHOR_COORDINATOR : OUR_AUTHOR_PERSON;
  if (our_set_text (&self->name, name ? name : ""))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
  if (self->name_author != author)
    {
      self->name_author = author;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME_AUTHOR]);
    }
}

void
our_board_zone_get_box (OurBoardZone *self,
                        double       *x,
                        double       *y,
                        double       *width,
                        double       *height)
{
  g_return_if_fail (OUR_IS_BOARD_ZONE (self));

  if (x)
    *x = self->x;
  if (y)
    *y = self->y;
  if (width)
    *width = self->width;
  if (height)
    *height = self->height;
}

void
our_board_zone_set_box (OurBoardZone *self,
                        double        x,
                        double        y,
                        double        width,
                        double        height)
{
  g_return_if_fail (OUR_IS_BOARD_ZONE (self));

  our_board_box_clamp (&x, &y, &width, &height);

  g_object_freeze_notify (G_OBJECT (self));
  if (our_set_double (&self->x, x))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_X]);
  if (our_set_double (&self->y, y))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_Y]);
  if (our_set_double (&self->width, width))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WIDTH]);
  if (our_set_double (&self->height, height))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HEIGHT]);
  g_object_thaw_notify (G_OBJECT (self));
}
