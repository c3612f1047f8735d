/* our-board-canvas-actions.c: running commands on the board, the item and area actions and their keys
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "our-board-canvas-private.h"
#include "our-board-render.h"
#include "our-focus-order.h"
#include "our-limits.h"
#include "our-text-field.h"
#include "our-toast.h"

gboolean
our_board_canvas_run (OurBoardCanvas *self,
                      OurCommand     *command)
{
  if (!our_board_canvas_is_writable (self))
    {
      g_object_unref (command);
      return FALSE;
    }
  /* The window tells the person about a failure (the history's "failed"). */
  return our_session_run (self->session, command, NULL);
}

/* One action, one undo step of its own. */
gboolean
our_board_canvas_run_alone (OurBoardCanvas *self,
                            OurCommand     *command)
{
  if (!our_board_canvas_is_writable (self))
    {
      g_object_unref (command);
      return FALSE;
    }
  return our_session_run_alone (self->session, command, NULL);
}

gboolean
our_board_canvas_update_item (OurBoardCanvas *self,
                              OurBoardItem   *new_state)
{
  return our_board_canvas_run (self, our_command_new_update_board_item (new_state));
}

void
our_board_canvas_show_toast (OurBoardCanvas *self,
                             const char     *message,
                             gboolean        with_undo)
{
  GtkWidget *overlay;
  AdwToast *toast;

  g_return_if_fail (OUR_IS_BOARD_CANVAS (self));

  overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  if (overlay == NULL)
    return;
  toast = adw_toast_new (message);
  if (with_undo)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo");
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
    }
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

void
our_board_canvas_delete_item (OurBoardCanvas *self,
                              OurBoardItem   *item)
{
  g_autoptr(OurBoardItem) held = NULL;

  g_return_if_fail (OUR_IS_BOARD_CANVAS (self));
  g_return_if_fail (OUR_IS_BOARD_ITEM (item));

  if (!our_board_canvas_is_writable (self))
    return;
  held = g_object_ref (item);
  if (our_board_canvas_run (self, our_command_new_delete_board_item (our_board_item_get_id (held))))
    our_board_canvas_show_toast (self, _("Removed from the board"), TRUE);
}

gboolean
our_board_canvas_add_item (OurBoardCanvas *self,
                           OurBoardItem   *item)
{
  OurBoardItem *added;

  g_return_val_if_fail (OUR_IS_BOARD_CANVAS (self), FALSE);
  g_return_val_if_fail (OUR_IS_BOARD_ITEM (item), FALSE);

  if (!our_board_canvas_is_writable (self)
      || our_toast_if_full (GTK_WIDGET (self),
                            g_list_model_get_n_items (our_plan_get_board_items (self->plan)),
                            OUR_MAX_BOARD_ITEMS,
                            _("The notes board already holds as many things as Our Plan can keep.")))
    return FALSE;
  our_board_item_set_added_by (item, our_session_get_author (self->session));
  if (!our_board_canvas_run_alone (self, our_command_new_add_board_item (item, -1)))
    return FALSE;
  added = our_plan_find_board_item (self->plan, our_board_item_get_id (item), NULL);
  if (added != NULL)
    our_board_canvas_select (self, added, TRUE);
  return TRUE;
}

OurBoardItem *
our_board_canvas_get_current_item (OurBoardCanvas *self)
{
  return self->selected != NULL ? our_board_item_widget_get_item (self->selected) : NULL;
}

/* The item actions (and so their keys) work only on a selected item of a
 * plan that can change; Escape only leaves resize mode. */
void
our_board_canvas_update_actions (OurBoardCanvas *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  OurBoardItem *item = our_board_canvas_get_current_item (self);
  gboolean can = item != NULL && our_board_canvas_is_writable (self);
  gboolean note = item != NULL && our_board_item_get_kind (item) == OUR_BOARD_ITEM_NOTE;
  const char *names[] = { "item.delete", "item.resize", "item.front", "item.back",
                          "item.duplicate", "item.nudge", "item.toggle-resizing", "item.menu",
                          "item.activate" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    gtk_widget_action_set_enabled (widget, names[i], can);
  gtk_widget_action_set_enabled (widget, "item.edit", can && note);
  gtk_widget_action_set_enabled (widget, "item.colour", can && note);
  gtk_widget_action_set_enabled (widget, "item.stop-resizing", can && self->resizing);
  gtk_widget_action_set_enabled (widget, "zone.rename", our_board_canvas_is_writable (self));
  gtk_widget_action_set_enabled (widget, "zone.remove", our_board_canvas_is_writable (self));
  gtk_widget_action_set_enabled (widget, "zone.rename-id", our_board_canvas_is_writable (self));
  gtk_widget_action_set_enabled (widget, "zone.remove-id", our_board_canvas_is_writable (self));
}

static void
nudge (OurBoardCanvas *self,
       double          dx,
       double          dy)
{
  OurBoardItem *item = our_board_canvas_get_current_item (self);
  g_autoptr(OurBoardItem) state = NULL;
  gint64 now = g_get_monotonic_time ();
  double x, y, w, h;

  if (item == NULL || !our_board_canvas_is_writable (self))
    return;

  /* A key held down repeats: that is one change for undo. */
  if (now - self->last_key > KEY_MERGE_USEC)
    our_session_end_edit (self->session);
  self->last_key = now;
  {
    g_autofree char *key = g_strdup_printf ("board-keys:%s", our_board_item_get_id (item));
    our_session_begin_edit (self->session, key);
  }

  state = our_board_item_copy (item);
  our_board_item_get_box (item, &x, &y, &w, &h);
  if (self->resizing)
    our_board_item_set_box (state, x, y, w + dx, h + dy);
  else
    our_board_item_set_box (state, x + dx, y + dy, w, h);
  if (our_board_item_equal (state, item))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  our_board_canvas_update_item (self, state);
}

static void
nudge_action_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  double dx, dy;

  g_variant_get (parameter, "(dd)", &dx, &dy);
  nudge (OUR_BOARD_CANVAS (widget), dx, dy);
}

static void
key_action_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  OurBoardCanvas *self = OUR_BOARD_CANVAS (widget);
  OurBoardItem *item = our_board_canvas_get_current_item (self);

  if (item == NULL)
    return;
  if (g_str_equal (action_name, "item.toggle-resizing"))
    our_board_canvas_set_resizing (self, !self->resizing);
  else if (g_str_equal (action_name, "item.stop-resizing"))
    our_board_canvas_set_resizing (self, FALSE);
  else if (g_str_equal (action_name, "item.activate"))
    {
      if (self->resizing)
        our_board_canvas_set_resizing (self, FALSE);
      else if (our_board_item_get_kind (item) == OUR_BOARD_ITEM_NOTE)
        our_board_canvas_edit_note (self, item);
    }
  else if (g_str_equal (action_name, "item.menu"))
    our_board_canvas_show_menu (self, item, NULL, -1, -1);
}

void
our_board_canvas_show_menu (OurBoardCanvas *self,
                            OurBoardItem   *item,
                            OurBoardZone   *zone,
                            double          x,
                            double          y)
{
  g_autoptr(GMenu) menu = g_menu_new ();

  if (!our_board_canvas_is_writable (self))
    return;

  if (self->menu != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->menu));
      self->menu = NULL;
    }
  g_set_object (&self->menu_zone, zone);

  if (item != NULL)
    {
      g_autoptr(GMenu) first = g_menu_new ();
      g_autoptr(GMenu) order = g_menu_new ();
      g_autoptr(GMenu) last = g_menu_new ();

      if (our_board_item_get_kind (item) == OUR_BOARD_ITEM_NOTE)
        {
          g_autoptr(GMenu) colours = g_menu_new ();

          g_menu_append (first, _("_Write on It"), "item.edit");
          for (int c = 0; c < OUR_N_NOTE_COLOURS; c++)
            {
              g_autoptr(GMenuItem) entry = g_menu_item_new (our_note_colour_get_label (c), NULL);

              g_menu_item_set_action_and_target_value (entry, "item.colour",
                                                       g_variant_new_int32 (c));
              g_menu_append_item (colours, entry);
            }
          g_menu_append_submenu (first, _("_Colour"), G_MENU_MODEL (colours));
        }
      g_menu_append (order, _("Bring to _Front"), "item.front");
      g_menu_append (order, _("Send to _Back"), "item.back");
      g_menu_append (order, _("_Resize with Arrow Keys"), "item.resize");
      g_menu_append (last, _("D_uplicate"), "item.duplicate");
      g_menu_append (last, _("_Remove from the Board"), "item.delete");
      if (g_menu_model_get_n_items (G_MENU_MODEL (first)) > 0)
        g_menu_append_section (menu, NULL, G_MENU_MODEL (first));
      g_menu_append_section (menu, NULL, G_MENU_MODEL (order));
      g_menu_append_section (menu, NULL, G_MENU_MODEL (last));
    }
  else if (zone != NULL)
    {
      g_menu_append (menu, _("_Name, Place and Size…"), "zone.rename");
      g_menu_append (menu, _("_Remove This Part"), "zone.remove");
    }
  else
    return;

  self->menu = GTK_POPOVER (gtk_popover_menu_new_from_model (G_MENU_MODEL (menu)));
  gtk_widget_set_parent (GTK_WIDGET (self->menu), GTK_WIDGET (self));
  gtk_popover_set_has_arrow (self->menu, x < 0);
  if (x >= 0)
    gtk_popover_set_pointing_to (self->menu, &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  else if (item != NULL)
    our_board_canvas_point_popover_at (self, self->menu, item);
  gtk_popover_popup (self->menu);
}

void
our_board_canvas_show_item_menu (OurBoardCanvas *self)
{
  g_return_if_fail (OUR_IS_BOARD_CANVAS (self));

  if (our_board_canvas_get_current_item (self) == NULL)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  our_board_canvas_show_menu (self, our_board_canvas_get_current_item (self), NULL, -1, -1);
}

static void
item_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  OurBoardCanvas *self = OUR_BOARD_CANVAS (widget);
  OurBoardItem *item = our_board_canvas_get_current_item (self);
  guint position = 0;

  if (item == NULL || !our_board_canvas_is_writable (self))
    return;
  our_plan_find_board_item (self->plan, our_board_item_get_id (item), &position);

  if (g_str_equal (action_name, "item.edit"))
    our_board_canvas_edit_note (self, item);
  else if (g_str_equal (action_name, "item.delete"))
    our_board_canvas_delete_item (self, item);
  else if (g_str_equal (action_name, "item.resize"))
    our_board_canvas_set_resizing (self, TRUE);
  else if (g_str_equal (action_name, "item.front") || g_str_equal (action_name, "item.back"))
    {
      guint n = our_plan_get_n_board_items (self->plan);
      guint to = g_str_equal (action_name, "item.front") ? n - 1 : 0;
      GtkWidget *child = GTK_WIDGET (self->selected);

      if (to == position)
        return;
      if (gtk_widget_get_focus_child (widget) == child || gtk_widget_has_focus (child))
        {
          g_free (self->refocus_id);
          self->refocus_id = g_strdup (our_board_item_get_id (item));
        }
      our_board_canvas_run_alone (self, our_command_new_restack_board_item (our_board_item_get_id (item), to));
      if (self->refocus_id != NULL)
        {
          /* Not moved after all: forget it. */
          g_clear_pointer (&self->refocus_id, g_free);
        }
    }
  else if (g_str_equal (action_name, "item.duplicate"))
    {
      g_autoptr(OurBoardItem) copy = our_board_item_new (NULL, our_board_item_get_kind (item));
      double x, y, w, h;

      our_board_item_assign (copy, item);
      our_board_item_get_box (item, &x, &y, &w, &h);
      our_board_item_set_box (copy, x + 24, y + 24, w, h);
      our_board_canvas_add_item (self, copy);
    }
  else if (g_str_equal (action_name, "item.colour"))
    {
      g_autoptr(OurBoardItem) state = our_board_item_copy (item);

      our_board_item_set_colour (state, g_variant_get_int32 (parameter));
      our_session_begin_group (self->session, NULL);
      our_board_canvas_update_item (self, state);
      our_session_end_group (self->session, NULL);
    }
}

static void
zone_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  OurBoardCanvas *self = OUR_BOARD_CANVAS (widget);
  g_autoptr(OurBoardZone) zone = NULL;

  if (!our_board_canvas_is_writable (self))
    return;
  /* From the board's own menu, or by id from the "Zones" menu. */
  if (parameter != NULL)
    {
      OurBoardZone *found = our_plan_find_board_zone (self->plan,
                                                      g_variant_get_string (parameter, NULL),
                                                      NULL);
      zone = found ? g_object_ref (found) : NULL;
    }
  else if (self->menu_zone != NULL)
    zone = g_object_ref (self->menu_zone);
  if (zone == NULL)
    return;
  if (g_str_has_prefix (action_name, "zone.rename"))
    our_board_canvas_rename_zone (self, zone);
  else if (g_str_has_prefix (action_name, "zone.remove"))
    {
      if (our_board_canvas_run (self, our_command_new_delete_board_zone (our_board_zone_get_id (zone))))
        our_board_canvas_show_toast (self, _("Part of the board removed"), TRUE);
    }
}

/* The widget's actions and the keys bound to them. */
void
our_board_canvas_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "item.edit", NULL, item_action_cb);
  gtk_widget_class_install_action (widget_class, "item.delete", NULL, item_action_cb);
  gtk_widget_class_install_action (widget_class, "item.resize", NULL, item_action_cb);
  gtk_widget_class_install_action (widget_class, "item.front", NULL, item_action_cb);
  gtk_widget_class_install_action (widget_class, "item.back", NULL, item_action_cb);
  gtk_widget_class_install_action (widget_class, "item.duplicate", NULL, item_action_cb);
  gtk_widget_class_install_action (widget_class, "item.colour", "i", item_action_cb);
  gtk_widget_class_install_action (widget_class, "zone.rename", NULL, zone_action_cb);
  gtk_widget_class_install_action (widget_class, "zone.remove", NULL, zone_action_cb);
  gtk_widget_class_install_action (widget_class, "zone.rename-id", "s", zone_action_cb);
  gtk_widget_class_install_action (widget_class, "zone.remove-id", "s", zone_action_cb);

  gtk_widget_class_install_action (widget_class, "item.nudge", "(dd)", nudge_action_cb);
  gtk_widget_class_install_action (widget_class, "item.toggle-resizing", NULL, key_action_cb);
  gtk_widget_class_install_action (widget_class, "item.stop-resizing", NULL, key_action_cb);
  gtk_widget_class_install_action (widget_class, "item.activate", NULL, key_action_cb);
  gtk_widget_class_install_action (widget_class, "item.menu", NULL, key_action_cb);

  /* The keys work on the item that has the keyboard (it is the selected
   * one); the arrows move it, or resize it in resize mode. */
  {
    const struct { guint key, kp_key; double dx, dy; } arrows[] = {
      { GDK_KEY_Left, GDK_KEY_KP_Left, -1, 0 },
      { GDK_KEY_Right, GDK_KEY_KP_Right, 1, 0 },
      { GDK_KEY_Up, GDK_KEY_KP_Up, 0, -1 },
      { GDK_KEY_Down, GDK_KEY_KP_Down, 0, 1 },
    };

    for (guint i = 0; i < G_N_ELEMENTS (arrows); i++)
      {
        gtk_widget_class_add_binding_action (widget_class, arrows[i].key, 0, "item.nudge", "(dd)",
                                             arrows[i].dx * KEY_STEP, arrows[i].dy * KEY_STEP);
        gtk_widget_class_add_binding_action (widget_class, arrows[i].kp_key, 0, "item.nudge",
                                             "(dd)", arrows[i].dx * KEY_STEP,
                                             arrows[i].dy * KEY_STEP);
        gtk_widget_class_add_binding_action (widget_class, arrows[i].key, GDK_SHIFT_MASK,
                                             "item.nudge", "(dd)", arrows[i].dx * KEY_BIG_STEP,
                                             arrows[i].dy * KEY_BIG_STEP);
      }
  }
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, 0, "item.toggle-resizing", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_R, GDK_SHIFT_MASK,
                                       "item.toggle-resizing", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK,
                                       "item.toggle-resizing", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "item.stop-resizing", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "item.activate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "item.activate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "item.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "item.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_BackSpace, 0, "item.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "item.menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "item.menu",
                                       NULL);
}
