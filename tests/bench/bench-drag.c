/* bench-drag.c: drag a member across a diagram of 300, time from each motion to the end of its frame
 *
 * Calls the network view's own drag-update (what the pointer's motion calls)
 * and waits for the frame clock to finish painting the frame that shows it.
 * Between motions it waits 20 ms, as a pointer moving at 50 events a second
 * would, so that each frame starts at once rather than on the next tick.
 * Prints the median and worst frame. Goal: no frame over 16 ms.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <math.h>

#include "our-command.h"
#include "our-network-view.h"

#define N_MEMBERS 300
#define N_MOTIONS 240

static gboolean painted;
static gint64 frame_start;
static double frame_work_ms;

static void
before_paint_cb (GdkFrameClock *clock,
                 gpointer       user_data)
{
  frame_start = g_get_monotonic_time ();
}

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  painted = TRUE;
  frame_work_ms = (g_get_monotonic_time () - frame_start) / 1000.0;
}

static void
wait_for_frame (GdkFrameClock *clock)
{
  painted = FALSE;
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

static OurPlan *
make_plan (void)
{
  OurPlan *plan = our_plan_new ();
  GRand *rand = g_rand_new_with_seed (300);
  static const char *names[] = {
    "Mum", "Siân", "Dr Okafor", "The allotment", "Tuesday drop-in", "Rex", "Nain",
    "Community mental health team", "Choir", "Jo from work", "The library", "Discord server",
  };

  our_plan_set_me_text (plan, OUR_ME_FIELD_PREFERRED_NAME, "Rhiannon", OUR_AUTHOR_PERSON);
  for (guint i = 0; i < N_MEMBERS; i++)
    {
      g_autoptr(OurMember) member = our_member_new (NULL);
      g_autofree char *name = g_strdup_printf ("%s %u", names[i % G_N_ELEMENTS (names)], i);

      our_member_set_text (member, OUR_MEMBER_TEXT_NAME, name, OUR_AUTHOR_PERSON);
      our_member_set_kind (member, i % OUR_N_MEMBER_KINDS);
      our_member_set_place (member, g_rand_int_range (rand, 0, OUR_N_RINGS),
                            g_rand_double_range (rand, 0, 360));
      our_member_set_contact (member, i % OUR_N_CONTACTS);
      our_member_set_wished_for (member, i % 9 == 0);
      our_plan_insert_member (plan, i, member);
    }
  g_rand_free (rand);
  return plan;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(OurPlan) plan = NULL;
  g_autoptr(GArray) frames = g_array_new (FALSE, FALSE, sizeof (double));
  const OurNetworkLayout *layout;
  OurNetworkView *network;
  GdkFrameClock *clock;
  GtkWidget *window;
  double start_x, start_y, worst, over = 0;

  gtk_init ();
  adw_init ();

  plan = make_plan ();
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1600, 1200);
  network = OUR_NETWORK_VIEW (our_network_view_new ());
  our_network_view_set_plan (network, plan);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (network));
  gtk_window_present (GTK_WINDOW (window));

  while ((clock = gtk_widget_get_frame_clock (GTK_WIDGET (network))) == NULL ||
         our_network_view_get_layout (network) == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_signal_connect (clock, "before-paint", G_CALLBACK (before_paint_cb), NULL);
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), NULL);
  for (int i = 0; i < 5; i++)
    {
      gtk_widget_queue_draw (GTK_WIDGET (network));
      wait_for_frame (clock);
    }

  layout = our_network_view_get_layout (network);
  start_x = layout->places[0].x;
  start_y = layout->places[0].y;
  if (!our_network_view_drag_begin (network, start_x, start_y))
    g_error ("Could not grab the first member");

  /* Twice round the diagram, in and out across the rings. */
  for (guint i = 0; i < N_MOTIONS; i++)
    {
      double t = (double) i / N_MOTIONS;
      double radius = layout->ring_radius[OUR_RING_FURTHER] * (0.55 + 0.45 * sin (t * 6 * G_PI));
      double angle = t * 4 * G_PI;
      gint64 before;
      double ms;

      g_usleep (20000);
      before = g_get_monotonic_time ();
      our_network_view_drag_update (network,
                                    layout->centre_x + radius * sin (angle),
                                    layout->centre_y - radius * cos (angle));
      wait_for_frame (clock);
      ms = (g_get_monotonic_time () - before) / 1000.0;
      g_array_append_val (frames, ms);
      if (ms > 16)
        over++;
    }

  /* The drop: the diagram is laid out again, then the member glides into
   * place. Each glide frame's own work is timed (frames come at the
   * display's pace). */
  {
    gint64 before = g_get_monotonic_time ();
    double drop_ms, glide_worst = 0;
    guint n_glide = 0;

    our_network_view_drag_end (network, layout->centre_x,
                               layout->centre_y - layout->ring_radius[OUR_RING_CLOSEST]);
    wait_for_frame (clock);
    drop_ms = (g_get_monotonic_time () - before) / 1000.0;
    before = g_get_monotonic_time ();
    while (g_get_monotonic_time () - before < 400 * G_TIME_SPAN_MILLISECOND)
      {
        wait_for_frame (clock);
        glide_worst = MAX (glide_worst, frame_work_ms);
        n_glide++;
        gtk_widget_queue_draw (GTK_WIDGET (network));
      }
    g_print ("drop (layout of %u again and repaint): %.2f ms; then %u frames gliding into place, "
             "worst %.2f ms of work\n", N_MEMBERS, drop_ms, n_glide, glide_worst);
  }

  g_array_sort (frames, compare_doubles);
  worst = g_array_index (frames, double, frames->len - 1);
  g_print ("drag across %u members (%d×%d, %u motions): median %.2f ms, 90th %.2f ms, "
           "worst %.2f ms, frames over 16 ms: %.0f (goal: none)\n",
           N_MEMBERS, gtk_widget_get_width (GTK_WIDGET (network)),
           gtk_widget_get_height (GTK_WIDGET (network)), N_MOTIONS,
           g_array_index (frames, double, frames->len / 2),
           g_array_index (frames, double, frames->len * 9 / 10), worst, over);

  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
