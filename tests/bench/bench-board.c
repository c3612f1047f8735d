/* bench-board.c: one frame of a notes board of 200 items (50 of them pictures) drawn to 1600 × 1200
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints the time of the first frame (which decodes the pictures) and the
 * median and worst of the frames after it. Goal: under 8 ms per frame.
 */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <time.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <pango/pangocairo.h>

#include "our-board-render.h"
#include "our-plan.h"
#include "our-symbols.h"

#define N_ITEMS 200
#define N_PICTURES 50
#define N_FRAMES 60

static const char *words[] = {
  "I want to go back to swimming", "Walk the dog every morning", "Call Nia on Sundays",
  "Sleep before midnight", "Cook a proper meal twice a week",
  "Things feel heavy when I stop going out. Going to the choir helps me feel part of something.",
  "Money worries", "Learn to drive", "Hopeful", "Less time on my phone at night",
};

/* A photo-like picture (smooth colour with noise, which JPEG finds hard),
 * the size an import leaves: 2048 pixels on the long side at most. */
static OurPicture *
make_photo (int index)
{
  int width = index % 2 ? 2048 : 1536, height = index % 2 ? 1536 : 2048;
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  guchar *pixels = gdk_pixbuf_get_pixels (pixbuf);
  int stride = gdk_pixbuf_get_rowstride (pixbuf);
  g_autofree char *buffer = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *id = NULL;
  gsize size = 0;
  GRand *rand = g_rand_new_with_seed (index);

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guchar *p = pixels + y * stride + x * 3;
        int noise = g_rand_int_range (rand, -20, 20);

        p[0] = CLAMP ((x * 255 / width + index * 37) % 256 + noise, 0, 255);
        p[1] = CLAMP ((y * 255 / height) + noise, 0, 255);
        p[2] = CLAMP (128 + 100 * sin ((x + y + index * 50) / 200.0) + noise, 0, 255);
      }
  g_rand_free (rand);
  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size, "jpeg", NULL,
                                            "quality", "85", NULL));
  bytes = g_bytes_new (buffer, size);
  id = our_picture_compute_id (bytes);
  return our_picture_new (id, bytes, "image/jpeg", width, height);
}

static OurPlan *
make_board (void)
{
  OurPlan *plan = our_plan_new ();
  GRand *rand = g_rand_new_with_seed (42);
  guint pictures = 0;

  for (int z = 0; z < 3; z++)
    {
      g_autoptr(OurBoardZone) zone = our_board_zone_new (NULL);

      our_board_zone_set_name (zone, z == 0 ? "How I feel now" : z == 1 ? "Where I want to be"
                                                                          : "What helps",
                               OUR_AUTHOR_PERSON);
      our_board_zone_set_box (zone, z * 1100, 0, 1050, 1500);
      our_plan_insert_board_zone (plan, z, zone);
    }

  for (int i = 0; i < N_ITEMS; i++)
    {
      OurBoardItemKind kind = i % 4 == 1 && pictures < N_PICTURES ? OUR_BOARD_ITEM_PICTURE
                              : i % 2 == 0 ? OUR_BOARD_ITEM_NOTE : OUR_BOARD_ITEM_SYMBOL;
      g_autoptr(OurBoardItem) item = our_board_item_new (NULL, kind);
      double size = g_rand_double_range (rand, 110, 220);

      our_board_item_set_box (item, g_rand_double_range (rand, 0, 3100),
                              g_rand_double_range (rand, 0, 1300), size,
                              size * g_rand_double_range (rand, 0.7, 1.2));
      our_board_item_set_rotation (item, g_rand_double_range (rand, -8, 8));
      if (kind == OUR_BOARD_ITEM_NOTE)
        {
          our_board_item_set_text (item, words[i % G_N_ELEMENTS (words)], OUR_AUTHOR_PERSON);
          our_board_item_set_colour (item, i % OUR_N_NOTE_COLOURS);
        }
      else if (kind == OUR_BOARD_ITEM_PICTURE)
        {
          g_autoptr(OurPicture) picture = make_photo (pictures++);

          our_plan_add_picture (plan, picture);
          our_board_item_set_picture_id (item, our_picture_get_id (picture));
        }
      else
        our_board_item_set_symbol (item, our_symbols_get_n () > 0
                                         ? our_symbols_get_key (i % our_symbols_get_n ()) : "home");
      our_plan_insert_board_item (plan, i, item);
    }
  g_rand_free (rand);
  return plan;
}

/* Processor time of this thread, in ms: on a busy machine the wall clock
 * also counts the time other programs had the processor. */
static double
thread_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(OurPlan) plan = NULL;
  PangoContext *context;
  PangoFontDescription *desc;
  cairo_surface_t *surface;
  double times[N_FRAMES], cpu_times[N_FRAMES];
  double first = 0;
  gint64 start;
  double cpu_start;

  setlocale (LC_ALL, "");
  g_print ("Making a board of %d items (%d pictures)…\n", N_ITEMS, N_PICTURES);
  plan = make_board ();

  context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  desc = pango_font_description_from_string ("Cantarell 11");
  pango_context_set_font_description (context, desc);
  pango_font_description_free (desc);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1600, 1200);

  for (int frame = -1; frame < N_FRAMES; frame++)
    {
      cairo_t *cr = cairo_create (surface);

      start = g_get_monotonic_time ();
      cpu_start = thread_ms ();
      cairo_set_source_rgb (cr, 0.96, 0.96, 0.95);
      cairo_paint (cr);
      our_board_render (cr, context, plan, 1600, 1200, FALSE);
      cairo_surface_flush (surface);
      cairo_destroy (cr);
      if (frame < 0)
        first = (g_get_monotonic_time () - start) / 1000.0;
      else
        {
          times[frame] = (g_get_monotonic_time () - start) / 1000.0;
          cpu_times[frame] = thread_ms () - cpu_start;
        }
    }
  qsort (times, N_FRAMES, sizeof (double), compare_doubles);
  qsort (cpu_times, N_FRAMES, sizeof (double), compare_doubles);

  if (argc > 1)
    cairo_surface_write_to_png (surface, argv[1]);
  g_print ("board-render: 200 items (50 pictures), 1600x1200: first frame %.1f ms (decodes the pictures, keeps each item drawn)\n",
           first);
  g_print ("board-render: per frame after that: median %.2f ms, worst %.2f ms (goal < 8 ms) over %d frames\n",
           times[N_FRAMES / 2], times[N_FRAMES - 1], N_FRAMES);
  g_print ("board-render: processor time per frame: median %.2f ms, worst %.2f ms\n",
           cpu_times[N_FRAMES / 2], cpu_times[N_FRAMES - 1]);

  /* Where the time goes: the same frame with one kind of item at a time. */
  for (int kind = 0; kind < OUR_N_BOARD_ITEM_KINDS; kind++)
    {
      GListModel *items = our_plan_get_board_items (plan);
      double kind_times[20];

      for (int frame = 0; frame < 20; frame++)
        {
          cairo_t *cr = cairo_create (surface);

          cpu_start = thread_ms ();
          cairo_scale (cr, 0.45, 0.45);
          for (guint i = 0; i < g_list_model_get_n_items (items); i++)
            {
              g_autoptr(OurBoardItem) item = g_list_model_get_item (items, i);

              if ((int) our_board_item_get_kind (item) == kind)
                our_board_render_item (cr, context, plan, item, FALSE);
            }
          cairo_surface_flush (surface);
          cairo_destroy (cr);
          kind_times[frame] = thread_ms () - cpu_start;
        }
      qsort (kind_times, 20, sizeof (double), compare_doubles);
      g_print ("board-render: drawn afresh each time (as on paper), %s only: median %.2f ms\n",
               our_board_item_kind_get_label (kind), kind_times[10]);
    }

  cairo_surface_destroy (surface);
  g_object_unref (context);
  return 0;
}
