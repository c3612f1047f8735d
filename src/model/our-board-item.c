/* our-board-item.c: one note, picture or symbol on the notes board
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "our-board-item.h"
#include "our-symbol-catalog.h"

struct _OurBoardItem
{
  GObject           parent_instance;

  char             *id;
  OurBoardItemKind  kind;
  char             *text;
  OurAuthor         text_author;
  OurNoteColour     colour;
  char             *picture_id;
  char             *symbol;
  double            x;
  double            y;
  double            width;
  double            height;
  double            rotation;
  OurAuthor         added_by;
};

G_DEFINE_FINAL_TYPE (OurBoardItem, our_board_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_KIND,
  PROP_TEXT,
  PROP_TEXT_AUTHOR,
  PROP_COLOUR,
  PROP_PICTURE_ID,
  PROP_SYMBOL,
  PROP_X,
  PROP_Y,
  PROP_WIDTH,
  PROP_HEIGHT,
  PROP_ROTATION,
  PROP_ADDED_BY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
our_board_item_finalize (GObject *object)
{
  OurBoardItem *self = OUR_BOARD_ITEM (object);

  g_free (self->id);
  g_free (self->text);
  g_free (self->picture_id);
  g_free (self->symbol);

  G_OBJECT_CLASS (our_board_item_parent_class)->finalize (object);
}

static void
our_board_item_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  OurBoardItem *self = OUR_BOARD_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_string (value, self->id); break;
    case PROP_KIND: g_value_set_int (value, self->kind); break;
    case PROP_TEXT: g_value_set_string (value, self->text); break;
    case PROP_TEXT_AUTHOR: g_value_set_int (value, self->text_author); break;
    case PROP_COLOUR: g_value_set_int (value, self->colour); break;
    case PROP_PICTURE_ID: g_value_set_string (value, self->picture_id); break;
    case PROP_SYMBOL: g_value_set_string (value, self->symbol); break;
    case PROP_X: g_value_set_double (value, self->x); break;
    case PROP_Y: g_value_set_double (value, self->y); break;
    case PROP_WIDTH: g_value_set_double (value, self->width); break;
    case PROP_HEIGHT: g_value_set_double (value, self->height); break;
    case PROP_ROTATION: g_value_set_double (value, self->rotation); break;
    case PROP_ADDED_BY: g_value_set_int (value, self->added_by); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
our_board_item_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  OurBoardItem *self = OUR_BOARD_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      if (self->id == NULL)
        self->id = our_new_id ();
      break;
    case PROP_KIND:
      self->kind = g_value_get_int (value);
      break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
our_board_item_class_init (OurBoardItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                G_PARAM_STATIC_STRINGS;

  object_class->finalize = our_board_item_finalize;
  object_class->get_property = our_board_item_get_property;
  object_class->set_property = our_board_item_set_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, construct);
  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL, 0, OUR_N_BOARD_ITEM_KINDS - 1, 0, construct);
  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, "", flags);
  properties[PROP_TEXT_AUTHOR] =
    g_param_spec_int ("text-author", NULL, NULL, 0, OUR_AUTHOR_COORDINATOR, 0, flags);
  properties[PROP_COLOUR] =
    g_param_spec_int ("colour", NULL, NULL, 0, OUR_N_NOTE_COLOURS - 1, 0, flags);
  properties[PROP_PICTURE_ID] = g_param_spec_string ("picture-id", NULL, NULL, "", flags);
  properties[PROP_SYMBOL] = g_param_spec_string ("symbol", NULL, NULL, "", flags);
  properties[PROP_X] = g_param_spec_double ("x", NULL, NULL, -OUR_BOARD_COORD_LIMIT,
                                            OUR_BOARD_COORD_LIMIT, 0, flags);
  properties[PROP_Y] = g_param_spec_double ("y", NULL, NULL, -OUR_BOARD_COORD_LIMIT,
                                            OUR_BOARD_COORD_LIMIT, 0, flags);
  properties[PROP_WIDTH] = g_param_spec_double ("width", NULL, NULL, OUR_BOARD_ITEM_MIN_SIZE,
                                                OUR_BOARD_ITEM_MAX_SIZE, 160, flags);
  properties[PROP_HEIGHT] = g_param_spec_double ("height", NULL, NULL, OUR_BOARD_ITEM_MIN_SIZE,
                                                 OUR_BOARD_ITEM_MAX_SIZE, 160, flags);
  properties[PROP_ROTATION] = g_param_spec_double ("rotation", NULL, NULL, 0, 360, 0, flags);
  properties[PROP_ADDED_BY] =
    g_param_spec_int ("added-by", NULL, NULL, 0, OUR_AUTHOR_COORDINATOR, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
our_board_item_init (OurBoardItem *self)
{
  self->text = g_strdup ("");
  self->picture_id = g_strdup ("");
  self->symbol = g_strdup ("");
  self->width = 160;
  self->height = 160;
}

/**
 * our_board_item_new:
 * @id: (nullable): a stable id, or %NULL for a new one
 * @kind: note, picture or symbol; fixed for the item's life
 */
OurBoardItem *
our_board_item_new (const char       *id,
                    OurBoardItemKind  kind)
{
  if ((guint) kind >= OUR_N_BOARD_ITEM_KINDS)
    kind = OUR_BOARD_ITEM_NOTE;
  return g_object_new (OUR_TYPE_BOARD_ITEM, "id", id, "kind", (int) kind, NULL);
}

OurBoardItem *
our_board_item_copy (OurBoardItem *self)
{
  OurBoardItem *copy;

  g_return_val_if_fail (OUR_IS_BOARD_ITEM (self), NULL);

  copy = our_board_item_new (self->id, self->kind);
  our_board_item_assign (copy, self);
  return copy;
}

void
our_board_item_assign (OurBoardItem *self,
                       OurBoardItem *from)
{
  g_return_if_fail (OUR_IS_BOARD_ITEM (self));
  g_return_if_fail (OUR_IS_BOARD_ITEM (from));

  if (self == from)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  our_board_item_set_text (self, from->text, from->text_author);
  our_board_item_set_colour (self, from->colour);
  our_board_item_set_picture_id (self, from->picture_id);
  our_board_item_set_symbol (self, from->symbol);
  our_board_item_set_box (self, from->x, from->y, from->width, from->height);
  our_board_item_set_rotation (self, from->rotation);
  our_board_item_set_added_by (self, from->added_by);
  g_object_thaw_notify (G_OBJECT (self));
}

gboolean
our_board_item_equal (OurBoardItem *a,
                      OurBoardItem *b)
{
  g_return_val_if_fail (OUR_IS_BOARD_ITEM (a), FALSE);
  g_return_val_if_fail (OUR_IS_BOARD_ITEM (b), FALSE);

  return g_strcmp0 (a->id, b->id) == 0 &&
         a->kind == b->kind &&
         g_strcmp0 (a->text, b->text) == 0 &&
         a->text_author == b->text_author &&
         a->colour == b->colour &&
         g_strcmp0 (a->picture_id, b->picture_id) == 0 &&
         g_strcmp0 (a->symbol, b->symbol) == 0 &&
         a->x == b->x && a->y == b->y &&
         a->width == b->width && a->height == b->height &&
         a->rotation == b->rotation &&
         a->added_by == b->added_by;
}

const char *
our_board_item_get_id (OurBoardItem *self)
{
  g_return_val_if_fail (OUR_IS_BOARD_ITEM (self), NULL);
  return self->id;
}

OurBoardItemKind
our_board_item_get_kind (OurBoardItem *self)
{
  g_return_val_if_fail (OUR_IS_BOARD_ITEM (self), OUR_BOARD_ITEM_NOTE);
  return self->kind;
}

const char *
our_board_item_get_text (OurBoardItem *self)
{
  g_return_val_if_fail (OUR_IS_BOARD_ITEM (self), NULL);
  return self->text;
}

OurAuthor
our_board_item_get_text_author (OurBoardItem *self)
{
  g_return_val_if_fail (OUR_IS_BOARD_ITEM (self), OUR_AUTHOR_PERSON);
  return self->text_author;
}

void
our_board_item_set_text (OurBoardItem *self,
                         const char   *text,
                         OurAuthor     author)
{
  g_return_if_fail (OUR_IS_BOARD_ITEM (self));

  author = author == OUR_AUTHOR_COORDINATOR ? OUR_AUTHOR_COORDINATOR : OUR_AUTHOR_PERSON;
  if (our_set_text (&self->text, text ? text : ""))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
  if (self->text_author != author)
    {
      self->text_author = author;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT_AUTHOR]);
    }
}

OurNoteColour
our_board_item_get_colour (OurBoardItem *self)
{
  g_return_val_if_fail (OUR_IS_BOARD_ITEM (self), OUR_NOTE_COLOUR_YELLOW);
  return self->colour;
}

void
our_board_item_set_colour (OurBoardItem  *self,
                           OurNoteColour  colour)
{
  g_return_if_fail (OUR_IS_BOARD_ITEM (self));

  if ((guint) colour >= OUR_N_NOTE_COLOURS)
    colour = OUR_NOTE_COLOUR_YELLOW;
  if (self->colour == colour)
    return;
  self->colour = colour;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLOUR]);
}

const char *
our_board_item_get_picture_id (OurBoardItem *self)
{
  g_return_val_if_fail (OUR_IS_BOARD_ITEM (self), NULL);
  return self->picture_id;
}

void
our_board_item_set_picture_id (OurBoardItem *self,
                               const char   *picture_id)
{
  g_return_if_fail (OUR_IS_BOARD_ITEM (self));

  if (our_set_string (&self->picture_id, picture_id ? picture_id : ""))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PICTURE_ID]);
}

const char *
our_board_item_get_symbol (OurBoardItem *self)
{
  g_return_val_if_fail (OUR_IS_BOARD_ITEM (self), NULL);
  return self->symbol;
}

void
our_board_item_set_symbol (OurBoardItem *self,
                           const char   *symbol)
{
  g_return_if_fail (OUR_IS_BOARD_ITEM (self));

  if (our_set_string (&self->symbol, symbol ? symbol : ""))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SYMBOL]);
}

void
our_board_item_get_box (OurBoardItem *self,
                        double       *x,
                        double       *y,
                        double       *width,
                        double       *height)
{
  g_return_if_fail (OUR_IS_BOARD_ITEM (self));

  if (x)
    *x = self->x;
  if (y)
    *y = self->y;
  if (width)
    *width = self->width;
  if (height)
    *height = self->height;
}

static double
clamp_value (double value,
             double low,
             double high)
{
  if (isnan (value))
    value = 0;
  return CLAMP (value, low, high);
}

void
our_board_box_clamp (double *x,
                     double *y,
                     double *width,
                     double *height)
{
  *x = clamp_value (*x, -OUR_BOARD_COORD_LIMIT, OUR_BOARD_COORD_LIMIT);
  *y = clamp_value (*y, -OUR_BOARD_COORD_LIMIT, OUR_BOARD_COORD_LIMIT);
  *width = clamp_value (*width, OUR_BOARD_ITEM_MIN_SIZE, OUR_BOARD_ITEM_MAX_SIZE);
  *height = clamp_value (*height, OUR_BOARD_ITEM_MIN_SIZE, OUR_BOARD_ITEM_MAX_SIZE);
}

void
our_board_item_set_box (OurBoardItem *self,
                        double        x,
                        double        y,
                        double        width,
                        double        height)
{
  g_return_if_fail (OUR_IS_BOARD_ITEM (self));

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

double
our_board_item_get_rotation (OurBoardItem *self)
{
  g_return_val_if_fail (OUR_IS_BOARD_ITEM (self), 0);
  return self->rotation;
}

void
our_board_item_set_rotation (OurBoardItem *self,
                             double        degrees)
{
  g_return_if_fail (OUR_IS_BOARD_ITEM (self));

  if (!isfinite (degrees))
    degrees = 0;
  degrees = fmod (degrees, 360.0);
  if (degrees < 0)
    degrees += 360.0;
  if (degrees >= 360.0)  /* -1e-20 + 360 rounds to 360 */
    degrees = 0;
  if (our_set_double (&self->rotation, degrees))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROTATION]);
}

OurAuthor
our_board_item_get_added_by (OurBoardItem *self)
{
  g_return_val_if_fail (OUR_IS_BOARD_ITEM (self), OUR_AUTHOR_PERSON);
  return self->added_by;
}

void
our_board_item_set_added_by (OurBoardItem *self,
                             OurAuthor     author)
{
  g_return_if_fail (OUR_IS_BOARD_ITEM (self));

  author = author == OUR_AUTHOR_COORDINATOR ? OUR_AUTHOR_COORDINATOR : OUR_AUTHOR_PERSON;
  if (self->added_by == author)
    return;
  self->added_by = author;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ADDED_BY]);
}

/* The first line of a note, shortened, so that a screen reader does not read
 * a whole page when focus lands on the note. */
#define DESCRIBE_MAX_CHARS 200

char *
our_board_item_describe (OurBoardItem *self)
{
  g_return_val_if_fail (OUR_IS_BOARD_ITEM (self), NULL);

  switch (self->kind)
    {
    case OUR_BOARD_ITEM_NOTE:
      {
        g_autofree char *words = g_strstrip (g_strdup (self->text));
        GString *flat;

        if (*words == '\0')
          return g_strdup (_("Empty note"));

        /* Line breaks read as pauses, not as separate items. */
        flat = g_string_new (NULL);
        for (const char *p = words; *p; p = g_utf8_next_char (p))
          {
            gunichar c = g_utf8_get_char (p);
            if (c == '\n' || c == '\r' || c == '\t')
              {
                if (flat->len > 0 && flat->str[flat->len - 1] != ' ')
                  g_string_append_c (flat, ' ');
              }
            else
              g_string_append_unichar (flat, c);
          }
        if (g_utf8_strlen (flat->str, -1) > DESCRIBE_MAX_CHARS)
          {
            const char *end = g_utf8_offset_to_pointer (flat->str, DESCRIBE_MAX_CHARS);
            g_string_truncate (flat, end - flat->str);
            g_string_append (flat, "…");
          }
        {
          g_autofree char *text = g_string_free (flat, FALSE);
          /* TRANSLATORS: how a screen reader names a sticky note; %s is its text */
          return g_strdup_printf (_("Note: %s"), text);
        }
      }
    case OUR_BOARD_ITEM_PICTURE:
      return g_strdup (_("Picture"));
    case OUR_BOARD_ITEM_SYMBOL:
      {
        const char *label = our_symbols_get_label (self->symbol);
        if (label == NULL)
          return g_strdup (_("Symbol"));
        /* TRANSLATORS: how a screen reader names a symbol; %s is its name, e.g. "Hopeful" */
        return g_strdup_printf (_("Symbol: %s"), label);
      }
    default:
      g_assert_not_reached ();
    }
  return NULL;
}
