/* our-step-row.c: one small step of a goal: what, who helps, by when
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "our-command.h"
#include "our-date-button.h"
#include "our-history.h"
#include "our-plan-view.h"
#include "our-step-row.h"
#include "our-text-field.h"

struct _OurStepRow
{
  GtkListBoxRow  parent_instance;

  OurPlan       *plan;
  OurStep       *step;

  OurTextField  *what_field;
  OurTextField  *who_field;
  OurDateButton *date_button;
  GtkButton     *delete_button;
};

G_DEFINE_FINAL_TYPE (OurStepRow, our_step_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  PROP_0,
  PROP_PLAN,
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
  our_history_run (our_plan_get_history (self->plan), command, NULL);
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

static void
sync_from_model (OurStepRow *self)
{
  const char *what = our_step_get_text (self->step, OUR_STEP_TEXT_WHAT);
  g_autofree char *name = NULL;

  our_text_field_set_text_from_model (self->what_field, what,
                                      our_step_get_author (self->step, OUR_STEP_TEXT_WHAT));
  our_text_field_set_text_from_model (self->who_field,
                                      our_step_get_text (self->step, OUR_STEP_TEXT_WHO),
                                      our_step_get_author (self->step, OUR_STEP_TEXT_WHO));
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
                                              our_plan_view_author_for (GTK_WIDGET (self))));
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

  g_assert (OUR_IS_PLAN (self->plan));
  g_assert (OUR_IS_STEP (self->step));

  our_text_field_set_plan (self->what_field, self->plan);
  our_text_field_set_command_func (self->what_field, make_what_command,
                                   g_object_ref (self->step), g_object_unref);
  our_text_field_set_plan (self->who_field, self->plan);
  our_text_field_set_command_func (self->who_field, make_who_command,
                                   g_object_ref (self->step), g_object_unref);

  g_signal_connect_object (self->step, "notify", G_CALLBACK (step_notify_cb), self,
                           G_CONNECT_SWAPPED);
  sync_from_model (self);
}

static void
our_step_row_dispose (GObject *object)
{
  OurStepRow *self = OUR_STEP_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), OUR_TYPE_STEP_ROW);
  g_clear_object (&self->step);
  g_clear_object (&self->plan);

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
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
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
    case PROP_PLAN:
      self->plan = g_value_dup_object (value);
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

  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, OUR_TYPE_PLAN,
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
our_step_row_new (OurPlan *plan,
                  OurStep *step)
{
  g_return_val_if_fail (OUR_IS_PLAN (plan), NULL);
  g_return_val_if_fail (OUR_IS_STEP (step), NULL);

  return g_object_new (OUR_TYPE_STEP_ROW, "plan", plan, "step", step, NULL);
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
  g_object_set (self->what_field, "editable", !read_only, NULL);
  g_object_set (self->who_field, "editable", !read_only, NULL);
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
