/* our-member-buttons.c: a button for each named member of My people, for choosing one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "our-member-buttons.h"

void
our_member_buttons_fill (GtkBox    *box,
                         OurPlan   *plan,
                         GCallback  callback,
                         gpointer   data)
{
  GListModel *members;
  guint n = 0;

  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (box)));)
    gtk_box_remove (box, child);
  if (plan == NULL)
    return;

  members = our_plan_get_members (plan);
  for (guint i = 0; i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr(OurMember) member = g_list_model_get_item (members, i);
      GtkWidget *button;

      if (our_member_get_name (member)[0] == '\0')
        continue;
      button = gtk_button_new_with_label (our_member_get_name (member));
      gtk_label_set_xalign (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), 0);
      gtk_widget_add_css_class (button, "flat");
      g_object_set_data_full (G_OBJECT (button), "member-id",
                              g_strdup (our_member_get_id (member)), g_free);
      g_signal_connect_object (button, "clicked", callback, data, 0);
      gtk_box_append (box, button);
      n++;
    }
  if (n == 0)
    {
      GtkWidget *none = gtk_label_new (_("No one in My people yet."));

      gtk_widget_add_css_class (none, "dim-label");
      gtk_widget_set_margin_start (none, 8);
      gtk_widget_set_margin_end (none, 8);
      gtk_box_append (box, none);
    }
}
