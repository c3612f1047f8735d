/* bench-network.c: how long the network diagram takes to lay out and to draw, printed as figures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-network
 *
 * layout: median time of our_network_layout_new() for 50, 300 and 1,000
 *         members in a 1600 × 1200 box (goal for 1,000: under 50 ms).
 * render: median time of one frame of our_network_render() to a 1600 × 1200
 *         image surface for 50, 300 and 1,000 members (goal for 300: under
 *         4 ms): "redraw" is a frame like the one before (the layout's caches
 *         of shaped labels, icons and background are warm); "changed" is the
 *         first frame of a new layout (every cache cold), as after a move.
 */
#include "config.h"

#include <pango/pangocairo.h>

#include "our-network-render.h"

#define WIDTH 1600
#define HEIGHT 1200

static const char *names[] = {
  "Mum", "Rhys (my brother)", "Bryn", "Nia", "Caffi Tŷ Coch", "Côr Cymunedol choir",
  "Dafydd Pryce", "Community mental health team", "Radio Cymru", "Elin",
  "Dr Morgan at the surgery", "Walking up to the reservoir", "سارة الحلبي", "Gwenllïan",
};

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (GArray *times)
{
  g_array_sort (times, compare_doubles);
  return g_array_index (times, double, times->len / 2);
}

static double
max_of (GArray *times)
{
  g_array_sort (times, compare_doubles);
  return g_array_index (times, double, times->len - 1);
}

typedef struct
{
  guint            n;
  OurNetworkItem  *items;
  OurNetworkLine  *lines;
  GPtrArray       *names;
} Network;

static void
network_init (Network *net,
              guint    n,
              GRand   *rand)
{
  net->n = n;
  net->items = g_new0 (OurNetworkItem, n);
  net->lines = g_new0 (OurNetworkLine, n);
  net->names = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < n; i++)
    {
      char *name = g_strdup_printf ("%s %u", names[g_rand_int_range (rand, 0, G_N_ELEMENTS (names))], i);

      g_ptr_array_add (net->names, name);
      net->items[i].name = name;
      net->items[i].ring = g_rand_int_range (rand, 0, OUR_N_RINGS);
      net->items[i].angle = g_rand_double_range (rand, 0, 360);
      net->lines[i].kind = g_rand_int_range (rand, 0, OUR_N_MEMBER_KINDS);
      net->lines[i].contact = g_rand_int_range (rand, 0, OUR_N_CONTACTS);
      net->lines[i].wished_for = g_rand_int_range (rand, 0, 6) == 0;
    }
}

static void
network_clear (Network *net)
{
  g_free (net->items);
  g_free (net->lines);
  g_ptr_array_unref (net->names);
}

int
main (int   argc,
      char *argv[])
{
  static const guint sizes[] = { 50, 300, 1000 };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);
  PangoContext *context = pango_cairo_create_context (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Cantarell 11");
  const OurNetworkStyle *style = our_network_style_get (FALSE);
  GRand *rand = g_rand_new_with_seed (2026);

  pango_context_set_font_description (context, font);
  pango_font_description_free (font);

  g_print ("Network diagram, %d x %d\n", WIDTH, HEIGHT);
  g_print ("%8s  %12s  %12s  %14s  %14s\n", "members", "layout (ms)", "layout max", "redraw (ms)", "changed (ms)");

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      Network net;
      g_autoptr(GArray) layout_times = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) redraw_times = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) changed_times = g_array_new (FALSE, FALSE, sizeof (double));
      OurNetworkLayout *layout;

      network_init (&net, sizes[s], rand);

      /* Warm up fonts and shaping caches once. */
      layout = our_network_layout_new (context, net.items, net.n, WIDTH, HEIGHT);
      our_network_render (cr, context, layout, net.lines, "Gwen", style);
      our_network_layout_free (layout);

      for (guint k = 0; k < 30; k++)
        {
          gint64 start = g_get_monotonic_time ();
          double ms;

          layout = our_network_layout_new (context, net.items, net.n, WIDTH, HEIGHT);
          ms = (g_get_monotonic_time () - start) / 1000.0;
          g_array_append_val (layout_times, ms);

          /* The first frame of a new layout: nothing cached. */
          start = g_get_monotonic_time ();
          our_network_render (cr, context, layout, net.lines, "Gwen", style);
          cairo_surface_flush (surface);
          ms = (g_get_monotonic_time () - start) / 1000.0;
          g_array_append_val (changed_times, ms);
          our_network_layout_free (layout);
        }

      layout = our_network_layout_new (context, net.items, net.n, WIDTH, HEIGHT);
      our_network_render (cr, context, layout, net.lines, "Gwen", style);
      for (guint k = 0; k < 200; k++)
        {
          gint64 start = g_get_monotonic_time ();
          double ms;

          our_network_render (cr, context, layout, net.lines, "Gwen", style);
          cairo_surface_flush (surface);
          ms = (g_get_monotonic_time () - start) / 1000.0;
          g_array_append_val (redraw_times, ms);
        }
      our_network_layout_free (layout);

      g_print ("%8u  %12.2f  %12.2f  %14.2f  %14.2f\n", net.n, median (layout_times),
               max_of (layout_times), median (redraw_times), median (changed_times));
      network_clear (&net);
    }

  g_print ("Goals: layout of 1,000 under 50 ms; a frame of 300 under 4 ms.\n");

  g_rand_free (rand);
  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return 0;
}
