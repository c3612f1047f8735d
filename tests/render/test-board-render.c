/* test-board-render.c: every kind of board item draws where it should, turned, and long notes stay in their box
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <sys/resource.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <pango/pangocairo.h>

#include "our-board-render.h"
#include "our-picture-pixels.h"
#include "our-plan.h"
#include "our-symbols.h"

typedef PangoContext TestContext;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestContext, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (cairo_surface_t, cairo_surface_destroy)

static PangoContext *
new_context (void)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  PangoFontDescription *desc = pango_font_description_from_string ("Cantarell 11");

  pango_context_set_font_description (context, desc);
  pango_font_description_free (desc);
  return context;
}

/* A picture of one colour, encoded as PNG like the import makes them. */
static OurPicture *
make_picture (guint32 rgba,
              int     width,
              int     height)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, TRUE, 8, width, height);
  g_autofree char *buffer = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *id = NULL;
  gsize size = 0;

  gdk_pixbuf_fill (pixbuf, rgba);
  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size, "png", NULL, NULL));
  bytes = g_bytes_new (buffer, size);
  id = our_picture_compute_id (bytes);
  return our_picture_new (id, bytes, "image/png", width, height);
}

static guint32
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  unsigned char *data;
  int stride;

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  return ((guint32 *) (gpointer) (data + y * stride))[x];
}

static guint
alpha_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  return pixel_at (surface, x, y) >> 24;
}

/* Counts opaque pixels inside (x0, y0)–(x1, y1) and how many are painted
 * outside it. */
static void
count_painted (cairo_surface_t *surface,
               int              x0,
               int              y0,
               int              x1,
               int              y1,
               guint           *inside,
               guint           *outside)
{
  int w = cairo_image_surface_get_width (surface);
  int h = cairo_image_surface_get_height (surface);

  *inside = *outside = 0;
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        guint a = alpha_at (surface, x, y);
        gboolean in = x >= x0 && x < x1 && y >= y0 && y < y1;

        if (in && a == 255)
          (*inside)++;
        else if (!in && a > 0)
          (*outside)++;
      }
}

static OurPlan *
plan_with_item (OurBoardItemKind kind,
                OurBoardItem   **out_item)
{
  OurPlan *plan = our_plan_new ();
  g_autoptr(OurBoardItem) item = our_board_item_new (NULL, kind);

  our_board_item_set_box (item, 50, 60, 120, 100);
  switch (kind)
    {
    case OUR_BOARD_ITEM_NOTE:
      our_board_item_set_text (item, "I want to go back to swimming", OUR_AUTHOR_PERSON);
      break;
    case OUR_BOARD_ITEM_PICTURE:
      {
        g_autoptr(OurPicture) picture = make_picture (0xd02020ff, 300, 200);
        our_plan_add_picture (plan, picture);
        our_board_item_set_picture_id (item, our_picture_get_id (picture));
      }
      break;
    case OUR_BOARD_ITEM_SYMBOL:
      our_board_item_set_symbol (item, our_symbols_get_n () > 0 ? our_symbols_get_key (0) : "home");
      break;
    default:
      g_assert_not_reached ();
    }
  our_plan_insert_board_item (plan, 0, item);
  *out_item = item;
  return plan;
}

/* Each kind fills its box, and stays in it (but for a soft shadow). */
static void
test_every_kind (void)
{
  g_autoptr(TestContext) context = new_context ();

  for (int kind = 0; kind < OUR_N_BOARD_ITEM_KINDS; kind++)
    for (int dark = 0; dark <= 1; dark++)
      {
        g_autoptr(cairo_surface_t) surface =
          cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 260, 260);
        OurBoardItem *item;
        g_autoptr(OurPlan) plan = plan_with_item (kind, &item);
        cairo_t *cr = cairo_create (surface);
        guint inside, outside;

        our_board_render_item (cr, context, plan, item, dark);
        cairo_destroy (cr);

        /* Most of the box is painted (a note's folded corner is not). */
        count_painted (surface, 50, 60, 170, 160, &inside, &outside);
        g_test_message ("kind %d: %u inside, %u outside", kind, inside, outside);
        g_assert_cmpuint (inside, >, 120 * 100 * 9 / 10);
        /* Outside, only the shadow's rim (at most 12 units round the box). */
        count_painted (surface, 50 - 12, 60 - 12, 170 + 12, 160 + 12, &inside, &outside);
        g_assert_cmpuint (outside, ==, 0);
      }
}

/* The picture's own pixels are shown, not a placeholder. */
static void
test_picture_pixels (void)
{
  g_autoptr(TestContext) context = new_context ();
  g_autoptr(cairo_surface_t) surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 260, 260);
  OurBoardItem *item;
  g_autoptr(OurPlan) plan = plan_with_item (OUR_BOARD_ITEM_PICTURE, &item);
  cairo_t *cr = cairo_create (surface);
  guint32 p;

  our_board_render_item (cr, context, plan, item, FALSE);
  cairo_destroy (cr);
  p = pixel_at (surface, 110, 110);
  g_assert_cmpuint ((p >> 16) & 0xff, >, 0xc0);
  g_assert_cmpuint ((p >> 8) & 0xff, <, 0x40);
  g_assert_cmpuint (p & 0xff, <, 0x40);
}

/* A picture as a plan file from elsewhere may hold it: any bytes at all,
 * with an id that matches them (the store checks that much). */
static OurPicture *
foreign_picture (const char *fixture,
                 int         width,
                 int         height)
{
  g_autofree char *path = g_build_filename (TEST_DATA_DIR, "pictures", fixture, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  char *contents = NULL;
  gsize length = 0;
  g_autoptr(GBytes) bytes = NULL;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  bytes = g_bytes_new_take (contents, length);
  id = our_picture_compute_id (bytes);
  return our_picture_new (id, bytes, "image/png", width, height);
}

/* A good picture under another picture's id: its bytes were changed
 * behind the plan's back. */
static OurPicture *
forged_picture (void)
{
  g_autoptr(OurPicture) real = make_picture (0xd02020ff, 300, 200);
  g_autoptr(OurPicture) other = make_picture (0x20d020ff, 300, 200);

  return our_picture_new (our_picture_get_id (other), our_picture_get_bytes (real), "image/png",
                          300, 200);
}

static OurPlan *
plan_with_picture (OurPicture    *picture,
                   OurBoardItem **out_item)
{
  OurPlan *plan = our_plan_new ();
  g_autoptr(OurBoardItem) item = our_board_item_new (NULL, OUR_BOARD_ITEM_PICTURE);

  our_board_item_set_box (item, 50, 60, 120, 100);
  our_plan_add_picture (plan, picture);
  our_board_item_set_picture_id (item, our_picture_get_id (picture));
  our_plan_insert_board_item (plan, 0, item);
  *out_item = item;
  return plan;
}

/* The grey of the frame drawn where a picture cannot be shown. */
static gboolean
is_placeholder_grey (guint32 p)
{
  guint r = (p >> 16) & 0xff, g = (p >> 8) & 0xff, b = p & 0xff;

  return ABS ((int) r - 0xdd) < 8 && ABS ((int) g - 0xdd) < 8 && ABS ((int) b - 0xdb) < 8;
}

/* Only what the import writes (JPEG, PNG, at most 2048 x 2048) is decoded
 * from a plan: an SVG, a GIF or a pixel bomb inside a plan file shows as a
 * crossed-out frame, whatever its row says it is, and so does a picture
 * whose bytes are not those its id says. */
static void
test_picture_foreign (void)
{
  static const struct { const char *fixture; int width, height; } foreign[] = {
    { "drawing.svg", 48, 24 },
    { "svg-inline-bomb.svg", 100, 100 },
    { "animation.gif", 40, 30 },
    { "bomb-20000.png", 300, 200 },
    { "not-a-picture.png", 300, 200 },
    { "truncated.jpg", 320, 240 },
  };
  g_autoptr(TestContext) context = new_context ();

  for (guint i = 0; i <= G_N_ELEMENTS (foreign); i++)
    {
      g_autoptr(OurPicture) picture = i < G_N_ELEMENTS (foreign)
                                      ? foreign_picture (foreign[i].fixture, foreign[i].width,
                                                         foreign[i].height)
                                      : forged_picture ();
      g_autoptr(cairo_surface_t) surface =
        cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 260, 260);
      OurBoardItem *item;
      g_autoptr(OurPlan) plan = plan_with_picture (picture, &item);
      cairo_t *cr = cairo_create (surface);

      our_board_render_item (cr, context, plan, item, FALSE);
      cairo_destroy (cr);
      g_test_message ("%s: %08x", i < G_N_ELEMENTS (foreign) ? foreign[i].fixture : "forged",
                      pixel_at (surface, 60, 70));
      g_assert_true (is_placeholder_grey (pixel_at (surface, 60, 70)));
    }
}

/* A stored picture larger than any import leaves (here 3000 x 3000) is not
 * decoded either, and the pixel bomb costs no memory. */
static void
test_picture_too_many_pixels (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(TestContext) context = new_context ();
      g_autoptr(OurPicture) large = make_picture (0x20d020ff, 3000, 3000);
      g_autoptr(OurPicture) bomb = foreign_picture ("bomb-20000.png", 20000, 20000);
      struct rusage before, after;

      getrusage (RUSAGE_SELF, &before);
      for (int i = 0; i < 2; i++)
        {
          g_autoptr(cairo_surface_t) surface =
            cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 260, 260);
          OurBoardItem *item;
          g_autoptr(OurPlan) plan = plan_with_picture (i == 0 ? large : bomb, &item);
          cairo_t *cr = cairo_create (surface);

          /* Drawn at full size on paper, the bomb would take 1.6 GB. */
          cairo_scale (cr, 8, 8);
          cairo_translate (cr, -50, -60);
          our_board_render_item (cr, context, plan, item, FALSE);
          cairo_destroy (cr);
          g_assert_true (is_placeholder_grey (pixel_at (surface, 40, 40)));
        }
      getrusage (RUSAGE_SELF, &after);
      g_printerr ("Peak memory: %ld KB before, %ld KB after\n", before.ru_maxrss, after.ru_maxrss);
      g_assert_cmpint (after.ru_maxrss - before.ru_maxrss, <, 200 * 1024);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/* A picture is decoded at the size it is shown (a power of two on its long
 * side), and once for any number of things showing it at that size. */
static void
test_picture_decoded_once (void)
{
  g_autoptr(TestContext) context = new_context ();
  g_autoptr(OurPicture) picture = make_picture (0x2020d0ff, 2048, 1536);
  g_autoptr(OurPlan) plan = our_plan_new ();
  g_autoptr(cairo_surface_t) surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 800, 600);
  cairo_t *cr;
  guint decodes;

  our_board_render_clear_cache ();
  our_plan_add_picture (plan, picture);
  for (int i = 0; i < 1000; i++)
    {
      g_autoptr(OurBoardItem) item = our_board_item_new (NULL, OUR_BOARD_ITEM_PICTURE);

      our_board_item_set_box (item, (i % 40) * 130, (i / 40) * 110, 120, 100);
      our_board_item_set_picture_id (item, our_picture_get_id (picture));
      our_plan_insert_board_item (plan, i, item);
    }

  decodes = our_board_render_get_n_decodes ();
  cr = cairo_create (surface);
  our_board_render (cr, context, plan, 800, 600, FALSE);
  cairo_destroy (cr);
  g_assert_cmpuint (our_board_render_get_n_decodes () - decodes, ==, 1);

  /* The whole board fits 800 pixels: each picture is under 30 pixels wide,
   * so the smallest size was decoded, not the whole picture. */
  g_assert_true (our_board_render_picture_is_ready (picture, 64));
  g_assert_false (our_board_render_picture_is_ready (picture, 2048));
}

typedef struct
{
  OurPicture   *picture;
  GMainContext *context;
  guint         pending;
} Loads;

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Loads *loads = user_data;

  g_assert_true (our_board_render_load_picture_finish (result, NULL));
  loads->pending--;
  g_main_context_wakeup (loads->context);
}

/* Many workers asking at once for the same picture at the same size wait
 * for one decode. */
static void
test_picture_decoded_once_threads (void)
{
  g_autoptr(OurPicture) picture = make_picture (0x20d0d0ff, 2048, 2048);
  Loads loads = { picture, g_main_context_default (), 16 };
  guint decodes;

  our_board_render_clear_cache ();
  decodes = our_board_render_get_n_decodes ();
  for (guint i = 0; i < 16; i++)
    our_board_render_load_picture_async (picture, 512, NULL, loaded_cb, &loads);
  while (loads.pending > 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (our_board_render_get_n_decodes () - decodes, ==, 1);
  g_assert_true (our_board_render_picture_is_ready (picture, 512));
}

/* A note turned a quarter round covers a tall box instead of a wide one. */
static void
test_rotated (void)
{
  g_autoptr(TestContext) context = new_context ();
  g_autoptr(cairo_surface_t) surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 300, 300);
  OurBoardItem *item;
  g_autoptr(OurPlan) plan = plan_with_item (OUR_BOARD_ITEM_NOTE, &item);
  cairo_t *cr = cairo_create (surface);
  double bx, by, bw, bh;

  /* 200 × 40 centred on (150, 150); turned 90°: x 130–170, y 50–250. */
  our_board_item_set_box (item, 50, 130, 200, 40);
  our_board_item_set_rotation (item, 90);
  our_board_render_item (cr, context, plan, item, FALSE);
  cairo_destroy (cr);

  g_assert_cmpuint (alpha_at (surface, 150, 60), ==, 255);
  g_assert_cmpuint (alpha_at (surface, 150, 240), >, 0);
  g_assert_cmpuint (alpha_at (surface, 60, 150), ==, 0);
  g_assert_cmpuint (alpha_at (surface, 240, 150), ==, 0);

  our_board_item_get_bounds (item, &bx, &by, &bw, &bh);
  g_assert_cmpfloat_with_epsilon (bx, 130, 1e-6);
  g_assert_cmpfloat_with_epsilon (by, 50, 1e-6);
  g_assert_cmpfloat_with_epsilon (bw, 40, 1e-6);
  g_assert_cmpfloat_with_epsilon (bh, 200, 1e-6);

  /* 45°: the corners reach beyond the box's own width. */
  our_board_item_set_rotation (item, 45);
  our_board_item_get_bounds (item, &bx, &by, &bw, &bh);
  g_assert_cmpfloat_with_epsilon (bw, 240 / sqrt (2), 1e-6);
}

/* 10,000 characters on a small note: drawn in its box, no text outside. */
static void
test_long_note (void)
{
  g_autoptr(TestContext) context = new_context ();
  g_autoptr(cairo_surface_t) surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 400, 400);
  OurBoardItem *item;
  g_autoptr(OurPlan) plan = plan_with_item (OUR_BOARD_ITEM_NOTE, &item);
  g_autoptr(GString) text = g_string_new (NULL);
  cairo_t *cr;
  guint inside, outside;
  guint dark_pixels = 0;

  while (g_utf8_strlen (text->str, -1) < 10000)
    g_string_append (text, "I want to go back to swimming on Tuesdays with Nia. ");
  g_string_truncate (text, 10000);
  our_board_item_set_text (item, text->str, OUR_AUTHOR_PERSON);
  our_board_item_set_box (item, 100, 100, 150, 150);

  cr = cairo_create (surface);
  our_board_render_item (cr, context, plan, item, FALSE);
  cairo_destroy (cr);

  count_painted (surface, 100 - 12, 100 - 12, 250 + 12, 250 + 12, &inside, &outside);
  g_assert_cmpuint (outside, ==, 0);

  /* There is text: dark pixels inside the note. */
  for (int y = 100; y < 250; y++)
    for (int x = 100; x < 250; x++)
      if (((pixel_at (surface, x, y) >> 8) & 0xff) < 0x80)
        dark_pixels++;
  g_assert_cmpuint (dark_pixels, >, 100);
}

static double
luminance (const OurRgba *c)
{
  double v[3] = { c->red, c->green, c->blue };

  for (int i = 0; i < 3; i++)
    v[i] = v[i] <= 0.03928 ? v[i] / 12.92 : pow ((v[i] + 0.055) / 1.055, 2.4);
  return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2];
}

/* Dark text on every note colour keeps WCAG's 4.5:1, light and dark. */
static void
test_palette_contrast (void)
{
  for (int dark = 0; dark <= 1; dark++)
    {
      OurRgba text = our_board_style_get (dark)->text;

      for (int c = 0; c < OUR_N_NOTE_COLOURS; c++)
        {
          OurRgba paper = our_note_colour_get_rgba (c, dark);
          double l1 = luminance (&paper), l2 = luminance (&text);
          double contrast = (MAX (l1, l2) + 0.05) / (MIN (l1, l2) + 0.05);

          g_test_message ("colour %d dark %d: %.1f:1", c, dark, contrast);
          g_assert_cmpfloat (contrast, >=, 4.5);
        }
    }
}

/* The printed board: everything fits the page box, centred. */
static void
test_whole_board (void)
{
  g_autoptr(TestContext) context = new_context ();
  g_autoptr(OurPlan) plan = our_plan_new ();
  g_autoptr(OurBoardZone) zone = our_board_zone_new (NULL);
  g_autoptr(cairo_surface_t) surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 400, 200);
  cairo_t *cr;
  double x, y, w, h;
  guint inside, outside;

  g_assert_false (our_board_get_extents (plan, &x, &y, &w, &h));
  g_assert_cmpfloat (w, ==, 0);

  for (int i = 0; i < 5; i++)
    {
      g_autoptr(OurBoardItem) item = our_board_item_new (NULL, OUR_BOARD_ITEM_NOTE);

      our_board_item_set_box (item, -500 + i * 300, 1000, 200, 200);
      our_board_item_set_colour (item, i % OUR_N_NOTE_COLOURS);
      our_plan_insert_board_item (plan, i, item);
    }
  our_board_zone_set_name (zone, "How I feel now", OUR_AUTHOR_PERSON);
  our_board_zone_set_box (zone, -520, 900, 700, 320);
  our_plan_insert_board_zone (plan, 0, zone);

  g_assert_true (our_board_get_extents (plan, &x, &y, &w, &h));
  g_assert_cmpfloat (x, ==, -520);
  g_assert_cmpfloat (y, ==, 900);
  g_assert_cmpfloat (w, ==, 1420);
  g_assert_cmpfloat (h, ==, 320);

  cr = cairo_create (surface);
  our_board_render (cr, context, plan, 400, 200, FALSE);
  cairo_destroy (cr);

  /* 1444 wide into 400: scale ≈ 0.28, height ≈ 95, centred vertically. */
  count_painted (surface, 0, 40, 400, 160, &inside, &outside);
  g_assert_cmpuint (outside, ==, 0);
  g_assert_cmpuint (inside, >, 400 * 30);
  g_assert_cmpuint (alpha_at (surface, 200, 100), ==, 255);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_setenv ("LANGUAGE", "en", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/board-render/every-kind", test_every_kind);
  g_test_add_func ("/board-render/picture-pixels", test_picture_pixels);
  g_test_add_func ("/board-render/picture/foreign", test_picture_foreign);
  g_test_add_func ("/board-render/picture/too-many-pixels", test_picture_too_many_pixels);
  g_test_add_func ("/board-render/picture/decoded-once", test_picture_decoded_once);
  g_test_add_func ("/board-render/picture/decoded-once-threads",
                   test_picture_decoded_once_threads);
  g_test_add_func ("/board-render/rotated", test_rotated);
  g_test_add_func ("/board-render/long-note", test_long_note);
  g_test_add_func ("/board-render/palette-contrast", test_palette_contrast);
  g_test_add_func ("/board-render/whole-board", test_whole_board);

  return g_test_run ();
}
