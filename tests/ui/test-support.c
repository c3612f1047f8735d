/* test-support.c: helpers the widget tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "test-support.h"

void
test_drain_events (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

void
test_wait_mapped (GtkWidget *widget)
{
  gint64 give_up = g_get_monotonic_time () + 5 * G_TIME_SPAN_SECOND;

  while (!gtk_widget_get_mapped (widget) && g_get_monotonic_time () < give_up)
    {
      test_drain_events ();
      g_usleep (2000);
    }
  test_drain_events ();
}

void
test_spin (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < until)
    {
      test_drain_events ();
      g_usleep (2000);
    }
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type,
                 guint     *skip)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        {
          if (*skip == 0)
            return child;
          (*skip)--;
        }
      found = find_descendant (child, type, skip);
      if (found != NULL)
        return found;
    }

  return NULL;
}

GtkWidget *
test_find_nth (GtkWidget *widget,
               GType      type,
               guint      index)
{
  return find_descendant (widget, type, &index);
}

guint
test_count_descendants (GtkWidget *widget,
                        GType      type)
{
  guint n = 0;

  while (test_find_nth (widget, type, n) != NULL)
    n++;

  return n;
}
