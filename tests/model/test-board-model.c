/* test-board-model.c: board items and zones keep sane values, copy, compare and describe themselves
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "our-board-item.h"
#include "our-board-zone.h"
#include "our-symbols.h"

static guint notified;

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 gpointer    user_data)
{
  notified++;
}

/* A box dragged far away, a size typed as nothing, a rotation from a broken
 * file: the item keeps values the board can draw. */
static void
test_item_clamping (void)
{
  g_autoptr(OurBoardItem) item = our_board_item_new (NULL, OUR_BOARD_ITEM_NOTE);
  double x, y, w, h;

  g_assert_nonnull (our_board_item_get_id (item));
  g_assert_cmpint (strlen (our_board_item_get_id (item)), >, 0);

  our_board_item_set_box (item, 1e9, -1e9, 1, 1e7);
  our_board_item_get_box (item, &x, &y, &w, &h);
  g_assert_cmpfloat (x, ==, OUR_BOARD_COORD_LIMIT);
  g_assert_cmpfloat (y, ==, -OUR_BOARD_COORD_LIMIT);
  g_assert_cmpfloat (w, ==, OUR_BOARD_ITEM_MIN_SIZE);
  g_assert_cmpfloat (h, ==, OUR_BOARD_ITEM_MAX_SIZE);

  our_board_item_set_box (item, NAN, NAN, NAN, -5);
  our_board_item_get_box (item, &x, &y, &w, &h);
  g_assert_cmpfloat (x, ==, 0);
  g_assert_cmpfloat (y, ==, 0);
  g_assert_cmpfloat (w, ==, OUR_BOARD_ITEM_MIN_SIZE);
  g_assert_cmpfloat (h, ==, OUR_BOARD_ITEM_MIN_SIZE);

  our_board_item_set_rotation (item, 370);
  g_assert_cmpfloat_with_epsilon (our_board_item_get_rotation (item), 10, 1e-9);
  our_board_item_set_rotation (item, -30);
  g_assert_cmpfloat_with_epsilon (our_board_item_get_rotation (item), 330, 1e-9);
  our_board_item_set_rotation (item, -1e-20);
  g_assert_cmpfloat (our_board_item_get_rotation (item), <, 360);
  our_board_item_set_rotation (item, INFINITY);
  g_assert_cmpfloat (our_board_item_get_rotation (item), ==, 0);
  our_board_item_set_rotation (item, NAN);
  g_assert_cmpfloat (our_board_item_get_rotation (item), ==, 0);

  our_board_item_set_colour (item, 99);
  g_assert_cmpint (our_board_item_get_colour (item), ==, OUR_NOTE_COLOUR_YELLOW);
  our_board_item_set_colour (item, OUR_NOTE_COLOUR_PINK);
  g_assert_cmpint (our_board_item_get_colour (item), ==, OUR_NOTE_COLOUR_PINK);
  our_board_item_set_added_by (item, 42);
  g_assert_cmpint (our_board_item_get_added_by (item), ==, OUR_AUTHOR_PERSON);

  our_board_item_set_text (item, NULL, OUR_AUTHOR_COORDINATOR);
  g_assert_cmpstr (our_board_item_get_text (item), ==, "");
  g_assert_cmpint (our_board_item_get_text_author (item), ==, OUR_AUTHOR_COORDINATOR);

  /* An unknown kind from a newer file becomes a note, not a crash. */
  {
    g_autoptr(OurBoardItem) odd = our_board_item_new ("odd", 77);
    g_assert_cmpint (our_board_item_get_kind (odd), ==, OUR_BOARD_ITEM_NOTE);
  }
}

/* Only real changes are announced, so a view does not redraw for nothing. */
static void
test_item_notify (void)
{
  g_autoptr(OurBoardItem) item = our_board_item_new ("a", OUR_BOARD_ITEM_NOTE);

  g_signal_connect (item, "notify", G_CALLBACK (count_notify_cb), NULL);
  notified = 0;
  our_board_item_set_box (item, 10, 20, 100, 80);
  g_assert_cmpuint (notified, ==, 4);
  notified = 0;
  our_board_item_set_box (item, 10, 20, 100, 80);
  our_board_item_set_rotation (item, 0);
  our_board_item_set_text (item, "", OUR_AUTHOR_PERSON);
  g_assert_cmpuint (notified, ==, 0);
  our_board_item_set_box (item, 11, 20, 100, 80);
  g_assert_cmpuint (notified, ==, 1);
}

static void
test_item_copy_assign_equal (void)
{
  g_autoptr(OurBoardItem) item = our_board_item_new ("one", OUR_BOARD_ITEM_SYMBOL);
  g_autoptr(OurBoardItem) copy = NULL;
  g_autoptr(OurBoardItem) other = our_board_item_new ("two", OUR_BOARD_ITEM_SYMBOL);

  our_board_item_set_symbol (item, "home");
  our_board_item_set_box (item, 5, 6, 70, 80);
  our_board_item_set_rotation (item, 15);
  our_board_item_set_added_by (item, OUR_AUTHOR_COORDINATOR);
  our_board_item_set_text (item, "words", OUR_AUTHOR_COORDINATOR);

  copy = our_board_item_copy (item);
  g_assert_true (copy != item);
  g_assert_cmpstr (our_board_item_get_id (copy), ==, "one");
  g_assert_true (our_board_item_equal (item, copy));

  our_board_item_set_rotation (copy, 16);
  g_assert_false (our_board_item_equal (item, copy));

  /* assign takes every value but the id */
  our_board_item_assign (other, item);
  g_assert_cmpstr (our_board_item_get_id (other), ==, "two");
  g_assert_false (our_board_item_equal (item, other));
  g_assert_cmpstr (our_board_item_get_symbol (other), ==, "home");
  g_assert_cmpfloat (our_board_item_get_rotation (other), ==, 15);
  g_assert_cmpint (our_board_item_get_added_by (other), ==, OUR_AUTHOR_COORDINATOR);
  g_assert_cmpstr (our_board_item_get_text (other), ==, "words");

  our_board_item_assign (copy, item);
  g_assert_true (our_board_item_equal (item, copy));
}

static void
test_item_describe (void)
{
  g_autoptr(OurBoardItem) note = our_board_item_new (NULL, OUR_BOARD_ITEM_NOTE);
  g_autoptr(OurBoardItem) picture = our_board_item_new (NULL, OUR_BOARD_ITEM_PICTURE);
  g_autoptr(OurBoardItem) symbol = our_board_item_new (NULL, OUR_BOARD_ITEM_SYMBOL);
  g_autoptr(GString) long_text = g_string_new (NULL);
  g_autofree char *text = NULL;

  our_board_item_set_text (note, "  I want to go back\nto swimming ", OUR_AUTHOR_PERSON);
  text = our_board_item_describe (note);
  g_assert_cmpstr (text, ==, "Note: I want to go back to swimming");
  g_clear_pointer (&text, g_free);

  our_board_item_set_text (note, "", OUR_AUTHOR_PERSON);
  text = our_board_item_describe (note);
  g_assert_cmpstr (text, ==, "Empty note");
  g_clear_pointer (&text, g_free);

  /* A screen reader does not read a whole page for one note. */
  for (int i = 0; i < 1000; i++)
    g_string_append (long_text, "swim ");
  our_board_item_set_text (note, long_text->str, OUR_AUTHOR_PERSON);
  text = our_board_item_describe (note);
  g_assert_cmpuint (g_utf8_strlen (text, -1), <, 260);
  g_assert_true (g_str_has_prefix (text, "Note: swim swim"));
  g_clear_pointer (&text, g_free);

  text = our_board_item_describe (picture);
  g_assert_cmpstr (text, ==, "Picture");
  g_clear_pointer (&text, g_free);

  our_board_item_set_symbol (symbol, "no-such-symbol");
  text = our_board_item_describe (symbol);
  g_assert_cmpstr (text, ==, "Symbol");
  g_clear_pointer (&text, g_free);

  if (our_symbols_get_n () > 0)
    {
      const char *key = our_symbols_get_key (0);
      g_autofree char *expected = g_strdup_printf ("Symbol: %s", our_symbols_get_label (key));

      our_board_item_set_symbol (symbol, key);
      text = our_board_item_describe (symbol);
      g_assert_cmpstr (text, ==, expected);
    }
}

static void
test_zone (void)
{
  g_autoptr(OurBoardZone) zone = our_board_zone_new (NULL);
  g_autoptr(OurBoardZone) copy = NULL;
  double x, y, w, h;

  our_board_zone_set_name (zone, "How I feel now", OUR_AUTHOR_PERSON);
  our_board_zone_set_box (zone, NAN, 2e6, 0, 1e9);
  our_board_zone_get_box (zone, &x, &y, &w, &h);
  g_assert_cmpfloat (x, ==, 0);
  g_assert_cmpfloat (y, ==, OUR_BOARD_COORD_LIMIT);
  g_assert_cmpfloat (w, ==, OUR_BOARD_ITEM_MIN_SIZE);
  g_assert_cmpfloat (h, ==, OUR_BOARD_ITEM_MAX_SIZE);

  copy = our_board_zone_copy (zone);
  g_assert_cmpstr (our_board_zone_get_id (copy), ==, our_board_zone_get_id (zone));
  g_assert_cmpstr (our_board_zone_get_name (copy), ==, "How I feel now");

  {
    g_autoptr(OurBoardZone) other = our_board_zone_new ("other");

    our_board_zone_set_box (zone, 1, 2, 300, 200);
    our_board_zone_assign (other, zone);
    g_assert_cmpstr (our_board_zone_get_id (other), ==, "other");
    our_board_zone_get_box (other, &x, &y, &w, &h);
    g_assert_cmpfloat (x, ==, 1);
    g_assert_cmpfloat (w, ==, 300);
    g_assert_cmpstr (our_board_zone_get_name (other), ==, "How I feel now");
  }

  g_signal_connect (zone, "notify", G_CALLBACK (count_notify_cb), NULL);
  notified = 0;
  our_board_zone_set_name (zone, "How I feel now", OUR_AUTHOR_PERSON);
  g_assert_cmpuint (notified, ==, 0);
  our_board_zone_set_name (zone, "Where I want to be", OUR_AUTHOR_COORDINATOR);
  g_assert_cmpuint (notified, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_setenv ("LANGUAGE", "en", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/board-model/item/clamping", test_item_clamping);
  g_test_add_func ("/board-model/item/notify", test_item_notify);
  g_test_add_func ("/board-model/item/copy-assign-equal", test_item_copy_assign_equal);
  g_test_add_func ("/board-model/item/describe", test_item_describe);
  g_test_add_func ("/board-model/zone", test_zone);

  return g_test_run ();
}
