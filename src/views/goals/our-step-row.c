/* our-step-row.c: one small step of a goal: what, who helps, by when
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "our-command.h"
#include "our-date-button.h"
#include "our-step-row.h"
#include "our-text-field.h"

struct _OurStepRow
{
  GtkListBoxRow  parent_instance;

  OurSession    *session;
  OurPlan       *plan;         /* the session's */
  OurStep       *step;

  OurTextField  *what_field;
  OurTextField  *who_field;
  GtkMenuButton *helper_button;
  OurMember     *helper;       /* the member named as who helps, if any */
  gboolean       read_only;
  OurDateButton *date_button;
  GtkButton     *delete_button;
};

G_DEFINE_FINAL_TYPE (OurStepRow, our_step_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_STEP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
run_command (OurStepRow *self,
             OurCommand *command)
{
  /* A failure is told to the person by the window through the history's
   * "failed" signal; here the row only shows the model again. */
  our_session_run (self->session, command, NULL);
}

static OurCommand *
make_what_command (const char *text,
                   OurAuthor   author,
                   gpointer    user_data)
{
  return our_command_new_set_step_text (our_step_get_id (user_data),
                                        OUR_STEP_TEXT_WHAT, text, author);
}

static OurCommand *
make_who_command (const char *text,
                  OurAuthor   author,
                  gpointer    user_data)
{
  return our_command_new_set_step_text (our_step_get_id (user_data),
                                        OUR_STEP_TEXT_WHO, text, author);
}

static void sync_from_model (OurStepRow *self);

/* Who helps, when it is a member of My people: the field shows the member's
 * name, following renames, and is changed by choosing someone else. */
static void
sync_helper (OurStepRow *self)
{
  OurMember *member = our_plan_find_member (self->plan, our_step_get_helper_id (self->step), NULL);

  if (member != self->helper)
    {
      if (self->helper != NULL)
        g_signal_handlers_disconnect_by_data (self->helper, self);
      g_set_object (&self->helper, member);
      if (member != NULL)
        g_signal_connect_object (member, "notify::name", G_CALLBACK (sync_from_model), self,
                                 G_CONNECT_SWAPPED);
    }

  if (member != NULL)
    our_text_field_set_text_from_model (self->who_field, our_member_get_name (member),
                                        our_member_get_author (member, OUR_MEMBER_TEXT_NAME));
  else
    our_text_field_set_text_from_model (self->who_field,
                                        our_step_get_text (self->step, OUR_STEP_TEXT_WHO),
                                        our_step_get_author (self->step, OUR_STEP_TEXT_WHO));
  g_object_set (self->who_field, "editable", !self->read_only && member == NULL, NULL);
}

static void
helper_chosen_cb (GtkButton  *button,
                  OurStepRow *self)
{
  const char *member_id = g_object_get_data (G_OBJECT (button), "member-id");

  gtk_menu_button_popdown (self->helper_button);
  if (g_strcmp0 (member_id, our_step_get_helper_id (self->step)) == 0)
    return;
  run_command (self, our_command_new_set_step_helper (our_step_get_id (self->step), member_id));
}

static GtkWidget *
helper_choice_new (OurStepRow *self,
                   const char *label,
                   const char *member_id)
{
  GtkWidget *button = gtk_button_new_with_label (label);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_halign (gtk_button_get_child (GTK_BUTTON (button)), GTK_ALIGN_START);
  g_object_set_data_full (G_OBJECT (button), "member-id", g_strdup (member_id), g_free);
  g_signal_connect_object (button, "clicked", G_CALLBACK (helper_chosen_cb), self, 0);
  return button;
}

/* Built each time it opens, so it lists My people as they are now. */
static void
create_helper_popover_cb (GtkMenuButton *menu_button,
                          gpointer       user_data)
{
  OurStepRow *self = user_data;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *popover = gtk_popover_new ();
  guint n = our_plan_get_n_members (self->plan);

  for (guint i = 0; i < n; i++)
    {
      OurMember *member = our_plan_get_member (self->plan, i);
      const char *relationship = our_member_get_text (member, OUR_MEMBER_TEXT_RELATIONSHIP);
      g_autofree char *label = relationship[0] != '\0'
        ? g_strdup_printf ("%s (%s)", our_member_get_name (member), relationship)
        : g_strdup (our_member_get_name (member));

      gtk_box_append (GTK_BOX (box), helper_choice_new (self, label, our_member_get_id (member)));
    }
  if (n == 0)
    {
      GtkWidget *empty = gtk_label_new (_("No-one is in My people yet."));

      gtk_widget_add_css_class (empty, "dim-label");
      gtk_widget_set_margin_top (empty, 6);
      gtk_widget_set_margin_bottom (empty, 6);
      gtk_box_append (GTK_BOX (box), empty);
    }
  gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  gtk_box_append (GTK_BOX (box), helper_choice_new (self, _("Nobody from My people"), ""));

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 360);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), box);
  gtk_popover_set_child (GTK_POPOVER (popover), scroller);
  gtk_menu_button_set_popover (menu_button, popover);
}

static void
sync_from_model (OurStepRow *self)
{
  const char *what = our_step_get_text (self->step, OUR_STEP_TEXT_WHAT);
  g_autofree char *name = NULL;

  our_text_field_set_text_from_model (self->what_field, what,
                                      our_step_get_author (self->step, OUR_STEP_TEXT_WHAT));
  sync_helper (self);
  our_date_button_set_date (self->date_button,
                            our_step_get_text (self->step, OUR_STEP_TEXT_BY_WHEN));

  name = *what != '\0' ? g_strdup_printf (_("Step: %s"), what) : g_strdup (_("New step"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
}

static void
step_notify_cb (OurStepRow *self,
                GParamSpec *pspec,
                OurStep    *step)
{
  sync_from_model (self);
}

static void
date_chosen_cb (OurStepRow *self,
                const char *iso_date)
{
  run_command (self,
               our_command_new_set_step_text (our_step_get_id (self->step),
                                              OUR_STEP_TEXT_BY_WHEN, iso_date,
                                              our_session_get_author (self->session)));
}

static void
delete_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  OurStepRow *self = OUR_STEP_ROW (widget);
  g_autoptr(GtkWidget) list = NULL;
  GtkListBoxRow *neighbour;
  int index;

  if (gtk_widget_get_parent (widget) != NULL)
    list = g_object_ref (gtk_widget_get_parent (widget));
  index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (self));

  g_object_ref (self);
  run_command (self, our_command_new_delete_step (our_step_get_id (self->step)));

  /* Keep the keyboard near where it was: the next step, the one before, or
   * the "Add a step" button that follows the list in the goal's card. */
  if (list != NULL && GTK_IS_LIST_BOX (list) && gtk_widget_get_parent (widget) == NULL)
    {
      neighbour = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), index);
      if (neighbour == NULL && index > 0)
        neighbour = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), index - 1);

      if (OUR_IS_STEP_ROW (neighbour))
        our_step_row_focus_what (OUR_STEP_ROW (neighbour));
      else if (gtk_widget_get_next_sibling (list) != NULL)
        gtk_widget_child_focus (gtk_widget_get_next_sibling (list), GTK_DIR_TAB_FORWARD);
    }
  g_object_unref (self);
}

static void
our_step_row_constructed (GObject *object)
{
  OurStepRow *self = OUR_STEP_ROW (object);

  G_OBJECT_CLASS (our_step_row_parent_class)->constructed (object);

  g_assert (OUR_IS_SESSION (self->session));
  self->plan = g_object_ref (our_session_get_plan (self->session));
  g_assert (OUR_IS_STEP (self->step));

  our_text_field_set_session (self->what_field, self->session);
  our_text_field_set_command_func (self->what_field, make_what_command,
                                   g_object_ref (self->step), g_object_unref);
  our_text_field_set_session (self->who_field, self->session);
  our_text_field_set_command_func (self->who_field, make_who_command,
                                   g_object_ref (self->step), g_object_unref);

  g_signal_connect_object (self->step, "notify", G_CALLBACK (step_notify_cb), self,
                           G_CONNECT_SWAPPED);
  /* A member named here may be deleted, or come back with undo. */
  g_signal_connect_object (our_plan_get_members (self->plan), "items-changed",
                           G_CALLBACK (sync_from_model), self, G_CONNECT_SWAPPED);
  gtk_menu_button_set_create_popup_func (self->helper_button, create_helper_popover_cb, self, NULL);
  /* Mapping the text field binds it to the plan's read-only state; a field
   * that shows a member of My people stays closed to typing all the same. */
  g_signal_connect (self, "map", G_CALLBACK (sync_helper), NULL);
  sync_from_model (self);
}

static void
our_step_row_dispose (GObject *object)
{
  OurStepRow *self = OUR_STEP_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), OUR_TYPE_STEP_ROW);
  if (self->helper != NULL)
    g_signal_handlers_disconnect_by_data (self->helper, self);
  g_clear_object (&self->helper);
  g_clear_object (&self->step);
  g_clear_object (&self->plan);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (our_step_row_parent_class)->dispose (object);
}

static void
our_step_row_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  OurStepRow *self = OUR_STEP_ROW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_STEP:
      g_value_set_object (value, self->step);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
our_step_row_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  OurStepRow *self = OUR_STEP_ROW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;
    case PROP_STEP:
      self->step = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
our_step_row_class_init (OurStepRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = our_step_row_constructed;
  object_class->dispose = our_step_row_dispose;
  object_class->get_property = our_step_row_get_property;
  object_class->set_property = our_step_row_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, OUR_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_STEP] =
    g_param_spec_object ("step", NULL, NULL, OUR_TYPE_STEP,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (OUR_TYPE_TEXT_FIELD);
  g_type_ensure (OUR_TYPE_DATE_BUTTON);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/ourplan/OurPlan/our-step-row.ui");
  gtk_widget_class_bind_template_child (widget_class, OurStepRow, what_field);
  gtk_widget_class_bind_template_child (widget_class, OurStepRow, who_field);
  gtk_widget_class_bind_template_child (widget_class, OurStepRow, helper_button);
  gtk_widget_class_bind_template_child (widget_class, OurStepRow, date_button);
  gtk_widget_class_bind_template_child (widget_class, OurStepRow, delete_button);

  gtk_widget_class_install_action (widget_class, "step.delete", NULL, delete_action_cb);
}

static void
our_step_row_init (OurStepRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (self->date_button, "date-chosen", G_CALLBACK (date_chosen_cb), self,
                           G_CONNECT_SWAPPED);
}

GtkWidget *
our_step_row_new (OurSession *session,
                  OurStep    *step)
{
  g_return_val_if_fail (OUR_IS_SESSION (session), NULL);
  g_return_val_if_fail (OUR_IS_STEP (step), NULL);

  return g_object_new (OUR_TYPE_STEP_ROW, "session", session, "step", step, NULL);
}

OurStep *
our_step_row_get_step (OurStepRow *self)
{
  g_return_val_if_fail (OUR_IS_STEP_ROW (self), NULL);

  return self->step;
}

void
our_step_row_set_read_only (OurStepRow *self,
                            gboolean    read_only)
{
  g_return_if_fail (OUR_IS_STEP_ROW (self));

  /* Text stays readable (not greyed out); only changing it is prevented. */
  self->read_only = read_only;
  g_object_set (self->what_field, "editable", !read_only, NULL);
  sync_helper (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->helper_button), !read_only);
  gtk_widget_set_sensitive (GTK_WIDGET (self->date_button), !read_only);
  gtk_widget_set_visible (GTK_WIDGET (self->delete_button), !read_only);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "step.delete", !read_only);
}

void
our_step_row_focus_what (OurStepRow *self)
{
  g_return_if_fail (OUR_IS_STEP_ROW (self));

  if (!gtk_widget_grab_focus (GTK_WIDGET (self->what_field)))
    gtk_widget_child_focus (GTK_WIDGET (self->what_field), GTK_DIR_TAB_FORWARD);
}
