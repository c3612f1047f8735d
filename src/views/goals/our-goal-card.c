/* our-goal-card.c: one goal as a card: its picture, words, life area, status, progress and steps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "our-choice-button.h"
#include "our-command.h"
#include "our-goal-card.h"
#include "our-progress-scale.h"
#include "our-step-row.h"
#include "our-symbol-catalog.h"
#include "our-symbol-picker.h"
#include "our-symbols.h"
#include "our-text-field.h"
#include "our-toast.h"
#include "our-limits.h"

#define FALLBACK_SYMBOL_ICON "insert-image-symbolic"

struct _OurGoalCard
{
  GtkWidget         parent_instance;

  OurSession       *session;
  OurPlan          *plan;         /* the session's */
  OurGoal          *goal;
  gboolean          read_only;
  /* Set while widgets are updated from the model, so that their change
   * signals do not run commands. */
  gboolean          syncing;

  GtkImage         *drag_handle;
  GtkMenuButton    *symbol_button;
  GtkImage         *symbol_image;
  OurSymbolPicker  *symbol_picker;
  OurTextField     *title_field;
  GtkMenuButton    *menu_button;
  OurTextField     *why_field;
  OurChoiceButton  *life_area_button;
  OurChoiceButton  *status_button;
  OurProgressScale *progress_scale;
  GtkLabel         *progress_label;
  GtkListBox       *steps_list;
  GtkButton        *add_step_button;
  GtkButton        *delete_button;

  GtkDragSource    *drag_source;
};

G_DEFINE_FINAL_TYPE (OurGoalCard, our_goal_card, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_GOAL,
  PROP_READ_ONLY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
run_command (OurGoalCard *self,
             OurCommand  *command)
{
  /* The window tells the person about a failure (the history's "failed"
   * signal); the card only has to show the model again. */
  return our_session_run (self->session, command, NULL);
}

static OurCommand *
make_title_command (const char *text,
                    OurAuthor   author,
                    gpointer    user_data)
{
  return our_command_new_set_goal_text (our_goal_get_id (user_data),
                                        OUR_GOAL_TEXT_TITLE, text, author);
}

static OurCommand *
make_why_command (const char *text,
                  OurAuthor   author,
                  gpointer    user_data)
{
  return our_command_new_set_goal_text (our_goal_get_id (user_data),
                                        OUR_GOAL_TEXT_WHY, text, author);
}

static void
focus_inside (GtkWidget *widget)
{
  if (!gtk_widget_grab_focus (widget))
    gtk_widget_child_focus (widget, GTK_DIR_TAB_FORWARD);
}

/* Syncing from the model */

static void
sync_symbol (OurGoalCard *self)
{
  const char *symbol = our_goal_get_symbol (self->goal);
  const char *label = our_symbols_get_label (symbol);
  g_autofree char *icon_name = NULL;
  g_autofree char *accessible = NULL;
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (self)));

  if (label != NULL)
    icon_name = our_symbols_get_icon_name (symbol);
  /* An unknown name (from a newer version, or a damaged file) or a symbol
   * whose picture is missing shows a neutral picture instead. */
  if (icon_name == NULL || !gtk_icon_theme_has_icon (theme, icon_name))
    {
      g_free (icon_name);
      icon_name = g_strdup (FALLBACK_SYMBOL_ICON);
    }

  gtk_image_set_from_icon_name (self->symbol_image, icon_name);

  if (label != NULL)
    accessible = g_strdup_printf (_("Picture: %s. Choose another picture"), label);
  else
    accessible = g_strdup (_("Choose a picture"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->symbol_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  gtk_widget_set_opacity (GTK_WIDGET (self->symbol_image), label != NULL ? 1.0 : 0.4);

  /* The chosen picture shows selected in the picker. */
  if (self->symbol_picker != NULL)
    our_symbol_picker_set_symbol (self->symbol_picker, label != NULL ? symbol : "");
}

static void
sync_progress (OurGoalCard *self)
{
  guint progress = our_goal_get_progress (self->goal);
  g_autofree char *text = NULL;

  our_progress_scale_set_value (self->progress_scale, progress);
  /* TRANSLATORS: a goal's progress on its scale, e.g. "4 of 10" */
  text = g_strdup_printf (_("%u of %u"), progress, (guint) OUR_PROGRESS_MAX);
  gtk_label_set_label (self->progress_label, text);
}

static void
sync_name (OurGoalCard *self)
{
  g_autofree char *name = our_goal_card_name_for (self->goal);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
}

static void
sync_from_model (OurGoalCard *self)
{
  self->syncing = TRUE;

  our_text_field_set_text_from_model (self->title_field,
                                      our_goal_get_text (self->goal, OUR_GOAL_TEXT_TITLE),
                                      our_goal_get_author (self->goal, OUR_GOAL_TEXT_TITLE));
  our_text_field_set_text_from_model (self->why_field,
                                      our_goal_get_text (self->goal, OUR_GOAL_TEXT_WHY),
                                      our_goal_get_author (self->goal, OUR_GOAL_TEXT_WHY));
  our_choice_button_set_selected (self->life_area_button, our_goal_get_life_area (self->goal));
  our_choice_button_set_selected (self->status_button, our_goal_get_status (self->goal));
  sync_symbol (self);
  sync_progress (self);
  sync_name (self);

  self->syncing = FALSE;
}

static void
goal_notify_cb (OurGoalCard *self,
                GParamSpec  *pspec,
                OurGoal     *goal)
{
  /* Steps follow their own list model. */
  if (g_str_equal (pspec->name, "steps"))
    return;

  sync_from_model (self);
}

/* Edits */

static void
life_area_selected_cb (OurGoalCard *self)
{
  guint selected = our_choice_button_get_selected (self->life_area_button);

  if (self->syncing || selected >= OUR_N_LIFE_AREAS ||
      selected == (guint) our_goal_get_life_area (self->goal))
    return;

  if (!run_command (self, our_command_new_set_life_area (our_goal_get_id (self->goal), selected)))
    sync_from_model (self);
}

static void
status_selected_cb (OurGoalCard *self)
{
  guint selected = our_choice_button_get_selected (self->status_button);

  if (self->syncing || selected >= OUR_N_GOAL_STATUSES ||
      selected == (guint) our_goal_get_status (self->goal))
    return;

  if (!run_command (self, our_command_new_set_status (our_goal_get_id (self->goal), selected)))
    sync_from_model (self);
}

static gboolean
progress_change_value_cb (OurGoalCard      *self,
                          guint             value,
                          OurProgressScale *scale)
{
  g_autofree char *key = g_strdup_printf ("progress:%s", our_goal_get_id (self->goal));

  /* A run of changes to the scale, until it loses focus, is one undo step. */
  our_session_begin_edit (self->session, key);
  /* The scale shows the model's value again through "notify::progress";
   * after a failure the model is unchanged, so show it as it is. */
  if (!run_command (self, our_command_new_set_progress (our_goal_get_id (self->goal), value)))
    sync_from_model (self);

  return TRUE;
}

static void
progress_focus_leave_cb (OurGoalCard *self)
{
  if (self->session != NULL)
    our_session_end_edit (self->session);
}

static void
symbol_chosen_cb (OurGoalCard *self,
                  const char  *symbol)
{
  if (self->read_only || g_strcmp0 (symbol, our_goal_get_symbol (self->goal)) == 0)
    return;

  if (!run_command (self, our_command_new_set_symbol (our_goal_get_id (self->goal), symbol)))
    sync_from_model (self);
}

/* The picker is made the first time the button opens it: a plan shows many
 * goal cards, and most pictures are never changed. */
static void
create_symbol_picker_cb (GtkMenuButton *button,
                         gpointer       user_data)
{
  OurGoalCard *self = user_data;
  const char *symbol = our_goal_get_symbol (self->goal);

  self->symbol_picker = OUR_SYMBOL_PICKER (our_symbol_picker_new ());
  our_symbol_picker_set_show_none (self->symbol_picker, TRUE);
  our_symbol_picker_set_none_label (self->symbol_picker, _("_No picture"));
  our_symbol_picker_set_symbol (self->symbol_picker, our_symbols_has (symbol) ? symbol : "");
  g_signal_connect_object (self->symbol_picker, "symbol-chosen", G_CALLBACK (symbol_chosen_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_menu_button_set_popover (button, GTK_WIDGET (self->symbol_picker));
  /* Made once: the button keeps this popover from now on. */
  gtk_menu_button_set_create_popup_func (button, NULL, NULL, NULL);
}

static GtkWidget *
create_step_row_cb (gpointer item,
                    gpointer user_data)
{
  OurGoalCard *self = user_data;
  GtkWidget *row = our_step_row_new (self->session, OUR_STEP (item));

  our_step_row_set_read_only (OUR_STEP_ROW (row), self->read_only);
  return row;
}

static void
add_step_action_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  OurGoalCard *self = OUR_GOAL_CARD (widget);
  g_autofree char *id = our_new_id ();
  g_autoptr(OurStep) step = our_step_new (id);
  GtkListBoxRow *row;
  guint n;

  if (our_toast_if_full (widget, our_goal_get_n_steps (self->goal), OUR_MAX_STEPS_PER_GOAL,
                         _("This goal already has as many steps as Our Plan can keep."))
      || !run_command (self, our_command_new_add_step (our_goal_get_id (self->goal), step, -1)))
    return;

  n = our_goal_get_n_steps (self->goal);
  row = n > 0 ? gtk_list_box_get_row_at_index (self->steps_list, n - 1) : NULL;
  if (OUR_IS_STEP_ROW (row))
    our_step_row_focus_what (OUR_STEP_ROW (row));
}

static void
move_by (OurGoalCard *self,
         int          delta)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  g_autoptr(GtkWidget) keep_focus = NULL;
  guint position;

  if (our_plan_find_goal (self->plan, our_goal_get_id (self->goal), &position) == NULL)
    return;
  if ((delta < 0 && position == 0) ||
      (delta > 0 && position + 1 >= our_plan_get_n_goals (self->plan)))
    return;

  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
    keep_focus = g_object_ref (focus);

  run_command (self, our_command_new_move_goal (our_goal_get_id (self->goal), position + delta));

  /* The view keeps this very card across the move, but taking it out of its
   * place drops the keyboard focus: give it back where it was. */
  if (gtk_widget_get_root (GTK_WIDGET (self)) == NULL)
    return;
  if (keep_focus != NULL && GTK_IS_TEXT (keep_focus) &&
      gtk_widget_is_ancestor (keep_focus, GTK_WIDGET (self)))
    /* Selecting the whole title would let the next key press replace it. */
    gtk_text_grab_focus_without_selecting (GTK_TEXT (keep_focus));
  else if (keep_focus != NULL && gtk_widget_is_ancestor (keep_focus, GTK_WIDGET (self)))
    focus_inside (keep_focus);
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->menu_button));
}

static void
move_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  move_by (OUR_GOAL_CARD (widget), g_str_equal (action_name, "goal.move-up") ? -1 : 1);
}

static void
delete_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  OurGoalCard *self = OUR_GOAL_CARD (widget);
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  AdwToast *toast;

  /* The card goes away with its goal: hold on to what is needed after. */
  g_object_ref (self);
  if (overlay != NULL)
    g_object_ref (overlay);

  if (run_command (self, our_command_new_delete_goal (our_goal_get_id (self->goal))) &&
      overlay != NULL)
    {
      toast = adw_toast_new (_("Goal deleted"));
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo");
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
    }

  g_clear_object (&overlay);
  g_object_unref (self);
}

/* Dragging to reorder */

static GdkContentProvider *
drag_prepare_cb (GtkDragSource *source,
                 double         x,
                 double         y,
                 OurGoalCard   *self)
{
  if (self->read_only)
    return NULL;

  return gdk_content_provider_new_typed (OUR_TYPE_GOAL, self->goal);
}

static void
drag_begin_cb (GtkDragSource *source,
               GdkDrag       *drag,
               OurGoalCard   *self)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (self));
  graphene_point_t point;

  if (!gtk_widget_compute_point (GTK_WIDGET (self->drag_handle), GTK_WIDGET (self),
                                 &GRAPHENE_POINT_INIT (0, 0), &point))
    point = GRAPHENE_POINT_INIT (0, 0);

  gtk_drag_source_set_icon (source, paintable, (int) point.x + 8, (int) point.y + 8);
  gtk_widget_add_css_class (GTK_WIDGET (self), "dragged");
}

static void
drag_end_cb (GtkDragSource *source,
             GdkDrag       *drag,
             gboolean       delete_data,
             OurGoalCard   *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self), "dragged");
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         OurGoalCard   *self)
{
  OurGoal *dropped = g_value_get_object (value);
  guint to;

  if (self->read_only || !OUR_IS_GOAL (dropped) || dropped == self->goal)
    return FALSE;
  if (our_plan_find_goal (self->plan, our_goal_get_id (dropped), NULL) == NULL ||
      our_plan_find_goal (self->plan, our_goal_get_id (self->goal), &to) == NULL)
    return FALSE;

  /* The dropped goal takes this card's place: above it when coming from
   * below, below it when coming from above. */
  return run_command (self, our_command_new_move_goal (our_goal_get_id (dropped), to));
}

/* GObject */

static void
our_goal_card_constructed (GObject *object)
{
  OurGoalCard *self = OUR_GOAL_CARD (object);

  G_OBJECT_CLASS (our_goal_card_parent_class)->constructed (object);

  g_assert (OUR_IS_SESSION (self->session));
  g_assert (OUR_IS_GOAL (self->goal));

  our_text_field_set_session (self->title_field, self->session);
  our_text_field_set_command_func (self->title_field, make_title_command,
                                   g_object_ref (self->goal), g_object_unref);
  our_text_field_set_session (self->why_field, self->session);
  our_text_field_set_command_func (self->why_field, make_why_command,
                                   g_object_ref (self->goal), g_object_unref);

  gtk_list_box_bind_model (self->steps_list, our_goal_get_steps (self->goal),
                           create_step_row_cb, self, NULL);

  g_signal_connect_object (self->goal, "notify", G_CALLBACK (goal_notify_cb), self,
                           G_CONNECT_SWAPPED);
  sync_from_model (self);
}

static void
our_goal_card_dispose (GObject *object)
{
  OurGoalCard *self = OUR_GOAL_CARD (object);
  GtkWidget *child;

  if (self->steps_list != NULL)
    gtk_list_box_bind_model (self->steps_list, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), OUR_TYPE_GOAL_CARD);
  /* The template's outer box has no name, so it is not among the children
   * dispose_template() clears. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->goal);
  g_clear_object (&self->plan);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (our_goal_card_parent_class)->dispose (object);
}

static void
our_goal_card_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  OurGoalCard *self = OUR_GOAL_CARD (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_GOAL:
      g_value_set_object (value, self->goal);
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
our_goal_card_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  OurGoalCard *self = OUR_GOAL_CARD (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      self->plan = g_object_ref (our_session_get_plan (self->session));
      break;
    case PROP_GOAL:
      self->goal = g_value_dup_object (value);
      break;
    case PROP_READ_ONLY:
      our_goal_card_set_read_only (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
our_goal_card_class_init (OurGoalCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = our_goal_card_constructed;
  object_class->dispose = our_goal_card_dispose;
  object_class->get_property = our_goal_card_get_property;
  object_class->set_property = our_goal_card_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, OUR_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_GOAL] =
    g_param_spec_object ("goal", NULL, NULL, OUR_TYPE_GOAL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (OUR_TYPE_TEXT_FIELD);
  g_type_ensure (OUR_TYPE_CHOICE_BUTTON);
  g_type_ensure (OUR_TYPE_PROGRESS_SCALE);
  g_type_ensure (OUR_TYPE_SYMBOL_PICKER);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/ourplan/OurPlan/our-goal-card.ui");
  gtk_widget_class_bind_template_child (widget_class, OurGoalCard, drag_handle);
  gtk_widget_class_bind_template_child (widget_class, OurGoalCard, symbol_button);
  gtk_widget_class_bind_template_child (widget_class, OurGoalCard, symbol_image);
  gtk_widget_class_bind_template_child (widget_class, OurGoalCard, title_field);
  gtk_widget_class_bind_template_child (widget_class, OurGoalCard, menu_button);
  gtk_widget_class_bind_template_child (widget_class, OurGoalCard, why_field);
  gtk_widget_class_bind_template_child (widget_class, OurGoalCard, life_area_button);
  gtk_widget_class_bind_template_child (widget_class, OurGoalCard, status_button);
  gtk_widget_class_bind_template_child (widget_class, OurGoalCard, progress_scale);
  gtk_widget_class_bind_template_child (widget_class, OurGoalCard, progress_label);
  gtk_widget_class_bind_template_child (widget_class, OurGoalCard, steps_list);
  gtk_widget_class_bind_template_child (widget_class, OurGoalCard, add_step_button);
  gtk_widget_class_bind_template_child (widget_class, OurGoalCard, delete_button);

  gtk_widget_class_install_action (widget_class, "goal.move-up", NULL, move_action_cb);
  gtk_widget_class_install_action (widget_class, "goal.move-down", NULL, move_action_cb);
  gtk_widget_class_install_action (widget_class, "goal.delete", NULL, delete_action_cb);
  gtk_widget_class_install_action (widget_class, "goal.add-step", NULL, add_step_action_cb);

  /* Menus show the last shortcut added for an action: keypad ones first. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Up, GDK_ALT_MASK,
                                       "goal.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK,
                                       "goal.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Down, GDK_ALT_MASK,
                                       "goal.move-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK,
                                       "goal.move-down", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "goalcard");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
our_goal_card_init (OurGoalCard *self)
{
  const char *areas[OUR_N_LIFE_AREAS + 1] = { NULL };
  const char *statuses[OUR_N_GOAL_STATUSES + 1] = { NULL };
  GtkDropTarget *drop_target;
  GtkEventController *focus;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_menu_button_set_create_popup_func (self->symbol_button, create_symbol_picker_cb, self, NULL);

  /* The enums count from 0 in the order shown, "No life area" first. */
  for (guint i = 0; i < OUR_N_LIFE_AREAS; i++)
    areas[i] = i == OUR_LIFE_AREA_NONE ? _("No life area") : our_life_area_get_label (i);
  our_choice_button_set_choices (self->life_area_button, areas);
  for (guint i = 0; i < OUR_N_GOAL_STATUSES; i++)
    statuses[i] = our_goal_status_get_label (i);
  our_choice_button_set_choices (self->status_button, statuses);

  g_signal_connect_swapped (self->life_area_button, "notify::selected",
                            G_CALLBACK (life_area_selected_cb), self);
  g_signal_connect_swapped (self->status_button, "notify::selected",
                            G_CALLBACK (status_selected_cb), self);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (progress_focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->progress_scale), focus);
  g_signal_connect_swapped (self->progress_scale, "change-value",
                            G_CALLBACK (progress_change_value_cb), self);

  self->drag_source = gtk_drag_source_new ();
  gtk_drag_source_set_actions (self->drag_source, GDK_ACTION_MOVE);
  g_signal_connect (self->drag_source, "prepare", G_CALLBACK (drag_prepare_cb), self);
  g_signal_connect (self->drag_source, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (self->drag_source, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->drag_handle),
                             GTK_EVENT_CONTROLLER (self->drag_source));
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self->drag_handle), "grab");

  drop_target = gtk_drop_target_new (OUR_TYPE_GOAL, GDK_ACTION_MOVE);
  g_signal_connect (drop_target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop_target));
}

GtkWidget *
our_goal_card_new (OurSession *session,
                   OurGoal    *goal)
{
  g_return_val_if_fail (OUR_IS_SESSION (session), NULL);
  g_return_val_if_fail (OUR_IS_GOAL (goal), NULL);

  return g_object_new (OUR_TYPE_GOAL_CARD, "session", session, "goal", goal, NULL);
}

OurGoal *
our_goal_card_get_goal (OurGoalCard *self)
{
  g_return_val_if_fail (OUR_IS_GOAL_CARD (self), NULL);

  return self->goal;
}

void
our_goal_card_set_read_only (OurGoalCard *self,
                             gboolean     read_only)
{
  GtkWidget *editors[] = {
    GTK_WIDGET (self->symbol_button),
    GTK_WIDGET (self->life_area_button),
    GTK_WIDGET (self->status_button),
    GTK_WIDGET (self->progress_scale),
  };

  g_return_if_fail (OUR_IS_GOAL_CARD (self));

  read_only = !!read_only;
  if (read_only == self->read_only)
    return;

  self->read_only = read_only;

  for (guint i = 0; i < G_N_ELEMENTS (editors); i++)
    gtk_widget_set_sensitive (editors[i], !read_only);
  /* Words stay readable (not greyed out); only changing them is prevented. */
  g_object_set (self->title_field, "editable", !read_only, NULL);
  g_object_set (self->why_field, "editable", !read_only, NULL);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->steps_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (OUR_IS_STEP_ROW (row))
      our_step_row_set_read_only (OUR_STEP_ROW (row), read_only);
  /* What only changes the plan is not offered at all. */
  gtk_widget_set_visible (GTK_WIDGET (self->drag_handle), !read_only);
  gtk_widget_set_visible (GTK_WIDGET (self->menu_button), !read_only);
  gtk_widget_set_visible (GTK_WIDGET (self->add_step_button), !read_only);
  gtk_widget_set_visible (GTK_WIDGET (self->delete_button), !read_only);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "goal.delete", !read_only);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "goal.add-step", !read_only);
  if (read_only)
    {
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "goal.move-up", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "goal.move-down", FALSE);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
}

void
our_goal_card_set_position (OurGoalCard *self,
                            guint        position,
                            guint        n_goals)
{
  g_return_if_fail (OUR_IS_GOAL_CARD (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "goal.move-up",
                                 !self->read_only && position > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "goal.move-down",
                                 !self->read_only && position + 1 < n_goals);
}

void
our_goal_card_focus_title (OurGoalCard *self)
{
  g_return_if_fail (OUR_IS_GOAL_CARD (self));

  /* Without selecting: a selected title would be replaced by the next key. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->title_field));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_ENTRY (child) && gtk_entry_grab_focus_without_selecting (GTK_ENTRY (child)))
      return;

  focus_inside (GTK_WIDGET (self->title_field));
}

char *
our_goal_card_name_for (OurGoal *goal)
{
  const char *title = our_goal_get_title (goal);

  if (title != NULL && *title != '\0')
    /* TRANSLATORS: the name of a goal's card for screen readers */
    return g_strdup_printf (_("Goal: %s"), title);
  return g_strdup (_("New goal"));
}
