/* bench-drag.c: drag a member across a diagram of 300, time from each motion to the end of its frame
 *
 * Calls the network view's own drag-update (what the pointer's motion calls)
 * and waits for the frame clock to finish painting the frame that shows it.
 * Between motions it waits 20 ms, as a pointer moving at 50 events a second
 * would, so that each frame starts at once rather than on the next tick.
 * Prints the median and worst motion frame; then the frame that shows each
 * of a dozen drops (from the drop to the end of its frame) and the work of
 * each frame of the glide into place that follows. Goal: no frame over 16 ms.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <time.h>

#include "bench-plans.h"
#include "our-command.h"
#include "our-network-view.h"
#include "test-session.h"

#define N_MEMBERS 300
#define N_MOTIONS 240
#define N_DROPS 12

static gboolean painted;
static gint64 frame_start, frame_cpu_start;
static double frame_work_ms, frame_cpu_ms;

/* This thread's processor time: on a busy machine, wall-clock figures also
 * count time spent waiting for a processor. */
static gint64
cpu_time (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static void
before_paint_cb (GdkFrameClock *clock,
                 gpointer       user_data)
{
  frame_start = g_get_monotonic_time ();
  frame_cpu_start = cpu_time ();
}

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  painted = TRUE;
  frame_work_ms = (g_get_monotonic_time () - frame_start) / 1000.0;
  frame_cpu_ms = (cpu_time () - frame_cpu_start) / 1000.0;
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

  our_plan_set_me_text (plan, OUR_ME_FIELD_PREFERRED_NAME, "Rhiannon", OUR_AUTHOR_PERSON);
  bench_add_members (plan, N_MEMBERS);
  return plan;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(OurPlan) plan = NULL;
  g_autoptr(GArray) frames = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) frames_cpu = g_array_new (FALSE, FALSE, sizeof (double));
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
  our_network_view_set_session (network, test_session_for (plan));
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
  our_network_view_select (network, our_plan_get_member (plan, 0), TRUE);
  gtk_widget_queue_draw (GTK_WIDGET (network));
  wait_for_frame (clock);
  if (!our_network_view_drag_begin (network, start_x, start_y))
    g_error ("Could not grab the first member");

  /* Twice round the diagram, in and out across the rings. */
  for (guint i = 0; i < N_MOTIONS; i++)
    {
      double t = (double) i / N_MOTIONS;
      double radius = layout->ring_radius[OUR_RING_FURTHER] * (0.55 + 0.45 * sin (t * 6 * G_PI));
      double angle = t * 4 * G_PI;
      gint64 before, cpu_before;
      double ms;

      g_usleep (20000);
      before = g_get_monotonic_time ();
      cpu_before = cpu_time ();
      our_network_view_drag_update (network,
                                    layout->centre_x + radius * sin (angle),
                                    layout->centre_y - radius * cos (angle));
      wait_for_frame (clock);
      ms = (g_get_monotonic_time () - before) / 1000.0;
      g_array_append_val (frames, ms);
      ms = (cpu_time () - cpu_before) / 1000.0;
      g_array_append_val (frames_cpu, ms);
      if (ms > 16)
        over++;
    }

  g_array_sort (frames, compare_doubles);
  worst = g_array_index (frames, double, frames->len - 1);
  g_print ("motion frames, dragging across %u members (%d×%d, %u motions): median %.2f ms, "
           "90th %.2f ms, worst %.2f ms, over 16 ms: %.0f\n",
           N_MEMBERS, gtk_widget_get_width (GTK_WIDGET (network)),
           gtk_widget_get_height (GTK_WIDGET (network)), N_MOTIONS,
           g_array_index (frames, double, frames->len / 2),
           g_array_index (frames, double, frames->len * 9 / 10), worst, over);
  g_array_sort (frames_cpu, compare_doubles);
  g_print ("  processor time: median %.2f ms, worst %.2f ms\n",
           g_array_index (frames_cpu, double, frames_cpu->len / 2),
           g_array_index (frames_cpu, double, frames_cpu->len - 1));

  /* The drop: the member is placed (one command), the diagram laid out
   * again and painted; then members glide into place. The first drop ends
   * the drag above; more drops follow, each of another member into another
   * ring, a few motions after it is picked up. */
  {
    g_autoptr(GArray) drops = g_array_new (FALSE, FALSE, sizeof (double));
    g_autoptr(GArray) glides = g_array_new (FALSE, FALSE, sizeof (double));
    g_autoptr(GArray) presses = g_array_new (FALSE, FALSE, sizeof (double));
    g_autoptr(GArray) drops_cpu = g_array_new (FALSE, FALSE, sizeof (double));
    g_autoptr(GArray) glides_cpu = g_array_new (FALSE, FALSE, sizeof (double));
    guint glide_over = 0, n_frames_over = (guint) over;

    for (guint d = 0; d < N_DROPS; d++)
      {
        guint index = (d * 37 + 11) % N_MEMBERS;
        int ring = (int) (d % OUR_N_RINGS);
        double angle = 25.0 + d * 47.0, to_x, to_y;
        gint64 before, cpu_before;
        double ms;

        layout = our_network_view_get_layout (network);
        to_x = layout->centre_x + layout->ring_radius[ring] * sin (angle * G_PI / 180);
        to_y = layout->centre_y - layout->ring_radius[ring] * cos (angle * G_PI / 180);
        if (d > 0)
          {
            const OurNetworkPlace *place = &layout->places[index];
            double from_x = place->x, from_y = place->y;

            /* Pressing the pointer on a member selects it, in a frame of its
             * own before the drag starts. */
            gint64 press;
            double press_ms;

            g_usleep (20000);
            press = g_get_monotonic_time ();
            our_network_view_select (network, our_plan_get_member (plan, index), TRUE);
            gtk_widget_queue_draw (GTK_WIDGET (network));
            wait_for_frame (clock);
            press_ms = (g_get_monotonic_time () - press) / 1000.0;
            g_array_append_val (presses, press_ms);
            if (press_ms > 16)
              n_frames_over++;
            if (!our_network_view_drag_begin (network, from_x, from_y))
              g_error ("Could not grab member %u", index);
            for (guint k = 1; k <= 4; k++)
              {
                our_network_view_drag_update (network, from_x + (to_x - from_x) * k / 4,
                                              from_y + (to_y - from_y) * k / 4);
                wait_for_frame (clock);
              }
          }

        g_usleep (20000);
        before = g_get_monotonic_time ();
        cpu_before = cpu_time ();
        our_network_view_drag_end (network, to_x, to_y);
        wait_for_frame (clock);
        ms = (g_get_monotonic_time () - before) / 1000.0;
        g_array_append_val (drops, ms);
        ms = (cpu_time () - cpu_before) / 1000.0;
        g_array_append_val (drops_cpu, ms);
        if (ms > 16)
          n_frames_over++;

        /* Each glide frame's own work (frames come at the display's pace). */
        before = g_get_monotonic_time ();
        while (g_get_monotonic_time () - before < 400 * G_TIME_SPAN_MILLISECOND)
          {
            wait_for_frame (clock);
            g_array_append_val (glides, frame_work_ms);
            g_array_append_val (glides_cpu, frame_cpu_ms);
            if (frame_work_ms > 16)
              {
                glide_over++;
                n_frames_over++;
              }
            gtk_widget_queue_draw (GTK_WIDGET (network));
          }
      }

    g_array_sort (presses, compare_doubles);
    g_print ("press frames (%u members selected by a press, before their drag): median %.2f ms, "
             "worst %.2f ms\n",
             presses->len, g_array_index (presses, double, presses->len / 2),
             g_array_index (presses, double, presses->len - 1));
    g_array_sort (drops, compare_doubles);
    g_array_sort (glides, compare_doubles);
    g_print ("drop frames (%u drops, from the drop to the end of its frame): median %.2f ms, "
             "worst %.2f ms\n",
             N_DROPS, g_array_index (drops, double, drops->len / 2),
             g_array_index (drops, double, drops->len - 1));
    g_print ("glide frames (%u, work per frame): median %.2f ms, worst %.2f ms, over 16 ms: %u\n",
             glides->len, g_array_index (glides, double, glides->len / 2),
             g_array_index (glides, double, glides->len - 1), glide_over);
    g_array_sort (drops_cpu, compare_doubles);
    g_array_sort (glides_cpu, compare_doubles);
    g_print ("  processor time: drop median %.2f ms, worst %.2f ms; glide median %.2f ms, "
             "worst %.2f ms\n",
             g_array_index (drops_cpu, double, drops_cpu->len / 2),
             g_array_index (drops_cpu, double, drops_cpu->len - 1),
             g_array_index (glides_cpu, double, glides_cpu->len / 2),
             g_array_index (glides_cpu, double, glides_cpu->len - 1));
    g_print ("all frames over 16 ms: %u (goal: none)\n", n_frames_over);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
