/* our-board-canvas-editors.c: the notes board's note and area editors
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

static void
commit_note (OurBoardCanvas *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->editor_text);
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  g_autoptr(OurBoardItem) state = NULL;

  /* Deleted (or undone) while being edited: nothing to save to. */
  if (self->editing == NULL || !our_board_canvas_is_writable (self)
      || !our_plan_find_board_item (self->plan, our_board_item_get_id (self->editing), NULL))
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (g_strcmp0 (text, our_board_item_get_text (self->editing)) == 0)
    return;

  /* One visit to the editor is one undo step: its saves merge, since the
   * visit began with a break (our_board_canvas_edit_note()). */
  state = our_board_item_copy (self->editing);
  our_board_item_set_text (state, text, our_session_get_author (self->session));
  our_board_canvas_update_item (self, state);
}

static gboolean
save_typing_cb (gpointer user_data)
{
  OurBoardCanvas *self = user_data;

  self->note_save_id = 0;
  if (!our_board_canvas_note_too_long (self))
    commit_note (self);
  return G_SOURCE_REMOVE;
}

gboolean
our_board_canvas_note_too_long (OurBoardCanvas *self)
{
  return gtk_text_buffer_get_char_count (gtk_text_view_get_buffer (self->editor_text)) >
         OUR_NOTE_TEXT_MAX;
}

static void
editor_text_changed_cb (OurBoardCanvas *self)
{
  gboolean too_long = our_board_canvas_note_too_long (self);

  if (too_long)
    {
      g_autofree char *message =
        g_strdup_printf (_("A note holds up to %d letters. Shorten it, or split it into two notes."),
                         OUR_NOTE_TEXT_MAX);
      gtk_label_set_label (self->editor_error, message);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->editor_error), too_long);

  /* What is typed is in the plan file within a second, like every edit,
   * not only when the editor closes. */
  g_clear_handle_id (&self->note_save_id, g_source_remove);
  if (self->editing != NULL && !too_long)
    self->note_save_id = g_timeout_add (OUR_TEXT_FIELD_SAVE_DELAY_MS, save_typing_cb, self);
}

static void
editor_done_cb (OurBoardCanvas *self)
{
  if (our_board_canvas_note_too_long (self))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  gtk_popover_popdown (self->editor);
}

static gboolean
editor_key_cb (GtkEventControllerKey *controller,
               guint                  keyval,
               guint                  keycode,
               GdkModifierType        state,
               OurBoardCanvas        *self)
{
  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter) && (state & GDK_CONTROL_MASK))
    {
      editor_done_cb (self);
      return TRUE;
    }
  return FALSE;
}

static void
editor_closed_cb (OurBoardCanvas *self)
{
  g_autoptr(OurBoardItem) item = g_steal_pointer (&self->editing);
  OurBoardItemWidget *child;

  self->editing = item;
  g_clear_handle_id (&self->note_save_id, g_source_remove);
  if (our_board_canvas_note_too_long (self))
    our_board_canvas_show_toast (self, _("The note was too long to keep the change."), FALSE);
  else
    commit_note (self);
  our_session_end_edit (self->session);
  self->editing = NULL;

  child = item != NULL ? our_board_canvas_find_child (self, item, NULL) : NULL;
  if (child != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (child));
}

static void
ensure_editor (OurBoardCanvas *self)
{
  GtkWidget *box, *scrolled, *button_box, *done, *hint;
  GtkEventController *keys;

  if (self->editor != NULL)
    return;

  self->editor = GTK_POPOVER (gtk_popover_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->editor), GTK_WIDGET (self));
  gtk_popover_set_position (self->editor, GTK_POS_BOTTOM);
  g_signal_connect_object (self->editor, "closed", G_CALLBACK (editor_closed_cb), self,
                           G_CONNECT_SWAPPED);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_size_request (scrolled, 320, 180);
  self->editor_text = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_wrap_mode (self->editor_text, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (self->editor_text, 8);
  gtk_text_view_set_right_margin (self->editor_text, 8);
  gtk_text_view_set_top_margin (self->editor_text, 8);
  gtk_text_view_set_bottom_margin (self->editor_text, 8);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->editor_text),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Words on the note"), -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->editor_text));
  gtk_box_append (GTK_BOX (box), scrolled);
  g_signal_connect_object (gtk_text_view_get_buffer (self->editor_text), "changed",
                           G_CALLBACK (editor_text_changed_cb), self, G_CONNECT_SWAPPED);
  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (editor_key_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->editor_text), keys);

  self->editor_error = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->editor_error, TRUE);
  gtk_label_set_xalign (self->editor_error, 0);
  gtk_label_set_max_width_chars (self->editor_error, 40);
  gtk_widget_add_css_class (GTK_WIDGET (self->editor_error), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->editor_error), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->editor_error));

  button_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  hint = gtk_label_new (_("Ctrl+Enter when done"));
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_widget_set_hexpand (hint, TRUE);
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  gtk_box_append (GTK_BOX (button_box), hint);
  done = gtk_button_new_with_mnemonic (_("_Done"));
  gtk_widget_add_css_class (done, "suggested-action");
  g_signal_connect_object (done, "clicked", G_CALLBACK (editor_done_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (button_box), done);
  gtk_box_append (GTK_BOX (box), button_box);

  gtk_popover_set_child (self->editor, box);
}

void
our_board_canvas_point_popover_at (OurBoardCanvas *self,
                                   GtkPopover     *popover,
                                   OurBoardItem   *item)
{
  double bx, by, bw, bh, x0, y0, x1, y1;

  our_board_item_get_bounds (item, &bx, &by, &bw, &bh);
  our_board_canvas_to_widget (self, bx, by, &x0, &y0);
  our_board_canvas_to_widget (self, bx + bw, by + bh, &x1, &y1);
  x0 = CLAMP (x0, 0, gtk_widget_get_width (GTK_WIDGET (self)));
  x1 = CLAMP (x1, 0, gtk_widget_get_width (GTK_WIDGET (self)));
  y0 = CLAMP (y0, 0, gtk_widget_get_height (GTK_WIDGET (self)));
  y1 = CLAMP (y1, 0, gtk_widget_get_height (GTK_WIDGET (self)));
  gtk_popover_set_pointing_to (popover, &(GdkRectangle) { (int) x0, (int) y0,
                                                          MAX (1, (int) (x1 - x0)),
                                                          MAX (1, (int) (y1 - y0)) });
}

void
our_board_canvas_edit_note (OurBoardCanvas *self,
                            OurBoardItem   *item)
{
  GtkTextBuffer *buffer;

  g_return_if_fail (OUR_IS_BOARD_CANVAS (self));
  g_return_if_fail (OUR_IS_BOARD_ITEM (item));

  if (!our_board_canvas_is_writable (self) || our_board_item_get_kind (item) != OUR_BOARD_ITEM_NOTE)
    return;

  ensure_editor (self);
  /* Setting the text is not typing: no save for it. */
  g_clear_object (&self->editing);
  buffer = gtk_text_view_get_buffer (self->editor_text);
  gtk_text_buffer_set_text (buffer, our_board_item_get_text (item), -1);
  g_set_object (&self->editing, item);
  /* Typing in the note, however many pauses, is one undo step. */
  {
    g_autofree char *key = g_strdup_printf ("board-note:%s", our_board_item_get_id (item));
    our_session_begin_edit (self->session, key);
  }
  our_board_canvas_point_popover_at (self, self->editor, item);
  gtk_popover_popup (self->editor);
  gtk_widget_grab_focus (GTK_WIDGET (self->editor_text));
}

static void
zone_entry_activate_cb (OurBoardCanvas *self)
{
  gtk_popover_popdown (self->zone_editor);
}

/* Saves the name typed so far; the saves of one visit merge into one undo
 * step (the visit began with a break, in rename_zone()). */
static void
commit_zone_name (OurBoardCanvas *self)
{
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->zone_entry));
  g_autoptr(OurBoardZone) state = NULL;

  if (self->zone_editing == NULL || !our_board_canvas_is_writable (self)
      || g_strcmp0 (name, our_board_zone_get_name (self->zone_editing)) == 0
      || !our_plan_find_board_zone (self->plan, our_board_zone_get_id (self->zone_editing), NULL))
    return;
  state = our_board_zone_copy (self->zone_editing);
  our_board_zone_set_name (state, name, our_session_get_author (self->session));
  our_board_canvas_run (self, our_command_new_update_board_zone (state));
}

static gboolean
save_zone_name_cb (gpointer user_data)
{
  OurBoardCanvas *self = user_data;

  self->zone_save_id = 0;
  commit_zone_name (self);
  return G_SOURCE_REMOVE;
}

static void
zone_entry_changed_cb (OurBoardCanvas *self)
{
  g_clear_handle_id (&self->zone_save_id, g_source_remove);
  if (self->zone_editing != NULL)
    self->zone_save_id = g_timeout_add (OUR_TEXT_FIELD_SAVE_DELAY_MS, save_zone_name_cb, self);
}

/* The place and size fields, so that a zone can be moved and resized from
 * the keyboard too; each change is saved at once and the visit stays one
 * undo step. */
static void
zone_box_changed_cb (OurBoardCanvas *self)
{
  g_autoptr(OurBoardZone) state = NULL;
  double box[4], x, y, w, h;

  if (self->zone_syncing || self->zone_editing == NULL || !our_board_canvas_is_writable (self)
      || !our_plan_find_board_zone (self->plan, our_board_zone_get_id (self->zone_editing), NULL))
    return;
  for (guint i = 0; i < 4; i++)
    box[i] = gtk_spin_button_get_value (self->zone_box[i]);
  our_board_zone_get_box (self->zone_editing, &x, &y, &w, &h);
  if (box[0] == x && box[1] == y && box[2] == w && box[3] == h)
    return;
  state = our_board_zone_copy (self->zone_editing);
  our_board_zone_set_box (state, box[0], box[1], box[2], box[3]);
  our_board_canvas_run (self, our_command_new_update_board_zone (state));
}

static GtkWidget *
make_zone_box_fields (OurBoardCanvas *self)
{
  const char *labels[4] = {
    N_("From the left"), N_("From the top"), N_("Width"), N_("Height"),
  };
  GtkWidget *grid = gtk_grid_new ();

  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  for (guint i = 0; i < 4; i++)
    {
      GtkWidget *label = gtk_label_new (_(labels[i]));
      double low = i < 2 ? -OUR_BOARD_COORD_LIMIT : OUR_BOARD_ITEM_MIN_SIZE;
      double high = i < 2 ? OUR_BOARD_COORD_LIMIT : OUR_BOARD_ITEM_MAX_SIZE;
      GtkWidget *spin = gtk_spin_button_new_with_range (low, high, 10);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), 0);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                      label, NULL, -1);
      g_signal_connect_object (spin, "value-changed", G_CALLBACK (zone_box_changed_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_grid_attach (GTK_GRID (grid), label, (i % 2) * 2, i / 2, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), spin, (i % 2) * 2 + 1, i / 2, 1, 1);
      self->zone_box[i] = GTK_SPIN_BUTTON (spin);
    }
  return grid;
}

static void
zone_editor_closed_cb (OurBoardCanvas *self)
{
  g_clear_handle_id (&self->zone_save_id, g_source_remove);
  commit_zone_name (self);
  our_session_end_edit (self->session);
  g_clear_object (&self->zone_editing);
}

void
our_board_canvas_rename_zone (OurBoardCanvas *self,
                              OurBoardZone   *zone)
{
  double x, y, w, h, x0, y0;

  if (!our_board_canvas_is_writable (self))
    return;
  if (self->zone_editor == NULL)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *label = gtk_label_new (_("Name of this part of the board"));

      self->zone_editor = GTK_POPOVER (gtk_popover_new ());
      gtk_widget_set_parent (GTK_WIDGET (self->zone_editor), GTK_WIDGET (self));
      g_signal_connect_object (self->zone_editor, "closed", G_CALLBACK (zone_editor_closed_cb),
                               self, G_CONNECT_SWAPPED);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_box_append (GTK_BOX (box), label);
      self->zone_entry = GTK_ENTRY (gtk_entry_new ());
      gtk_entry_set_max_length (self->zone_entry, 200);
      gtk_widget_set_size_request (GTK_WIDGET (self->zone_entry), 280, -1);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (self->zone_entry),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
      g_signal_connect_object (self->zone_entry, "activate", G_CALLBACK (zone_entry_activate_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->zone_entry, "changed", G_CALLBACK (zone_entry_changed_cb),
                               self, G_CONNECT_SWAPPED);
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->zone_entry));
      {
        GtkWidget *heading = gtk_label_new (_("Where it is and its size"));

        gtk_label_set_xalign (GTK_LABEL (heading), 0);
        gtk_widget_set_margin_top (heading, 6);
        gtk_box_append (GTK_BOX (box), heading);
        gtk_box_append (GTK_BOX (box), make_zone_box_fields (self));
      }
      gtk_popover_set_child (self->zone_editor, box);
    }

  /* Setting the fields is not typing: no save for it. */
  g_clear_object (&self->zone_editing);
  gtk_editable_set_text (GTK_EDITABLE (self->zone_entry), our_board_zone_get_name (zone));
  {
    double box[4];

    our_board_zone_get_box (zone, &box[0], &box[1], &box[2], &box[3]);
    self->zone_syncing = TRUE;
    for (guint i = 0; i < 4; i++)
      gtk_spin_button_set_value (self->zone_box[i], box[i]);
    self->zone_syncing = FALSE;
  }
  g_set_object (&self->zone_editing, zone);
  /* The name and the box of one visit to the area's editor are one step. */
  {
    g_autofree char *key = g_strdup_printf ("board-zone:%s", our_board_zone_get_id (zone));
    our_session_begin_edit (self->session, key);
  }
  our_board_zone_get_box (zone, &x, &y, &w, &h);
  our_board_canvas_to_widget (self, x + 16, y + 12, &x0, &y0);
  gtk_popover_set_pointing_to (self->zone_editor,
                               &(GdkRectangle) { (int) CLAMP (x0, 0, gtk_widget_get_width (GTK_WIDGET (self))),
                                                 (int) CLAMP (y0, 0, gtk_widget_get_height (GTK_WIDGET (self))),
                                                 1, (int) (24 * self->zoom) });
  gtk_popover_popup (self->zone_editor);
  gtk_widget_grab_focus (GTK_WIDGET (self->zone_entry));
}
