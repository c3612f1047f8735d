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

void
test_save_picture (GtkWidget  *window,
                   const char *name)
{
  const char *folder = g_getenv ("OURPLAN_TEST_PICTURES");
  GtkNative *native = gtk_widget_get_native (window);
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  int width, height;

  if (folder == NULL || native == NULL)
    return;
  width = gtk_widget_get_width (window);
  height = gtk_widget_get_height (window);
  paintable = gtk_widget_paintable_new (window);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return;
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (native), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  file = g_strconcat (name, ".png", NULL);
  path = g_build_filename (folder, file, NULL);
  gdk_texture_save_to_png (texture, path);
}
