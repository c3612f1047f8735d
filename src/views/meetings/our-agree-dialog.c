/* our-agree-dialog.c: "Agree this Plan": who agreed, the next review, and anything not agreed
 *
 * The version is frozen by the store (our-agreed-version.h) from the plan as
 * it is once the review date is set, so the agreed version holds the date
 * it was agreed to be reviewed by. Everything is one group of commands: one
 * undo takes the whole agreement back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "our-agree-dialog.h"
#include "our-agreed-version.h"
#include "our-command.h"
#include "our-date-button.h"
#include "our-limits.h"
#include "our-plan-lists.h"
#include "our-toast.h"

/* A part of the plan the person may say they do not agree with. */
typedef struct
{
  OurPartKind  kind;
  char        *id;
  char        *label;
} Part;

struct _OurAgreeDialog
{
  AdwWindow       parent_instance;

  OurSession     *session;
  GPtrArray      *parts;          /* Part, in the order of part_row's list */
  GPtrArray      *disagreements;  /* OurDisagreement, written so far */
  GtkWidget      *review_button;  /* OurDateButton */

  AdwPreferencesGroup *who_group;
  AdwActionRow   *person_row;
  GtkSwitch      *person_switch;
  AdwEntryRow    *others_row;
  AdwActionRow   *review_row;
  AdwPreferencesGroup *disagree_group;
  AdwComboRow    *part_row;
  AdwEntryRow    *disagree_row;
  GtkListBox     *disagreements_list;
  GtkLabel       *error_label;
};

G_DEFINE_FINAL_TYPE (OurAgreeDialog, our_agree_dialog, ADW_TYPE_WINDOW)

static void
part_free (gpointer data)
{
  Part *part = data;

  g_free (part->id);
  g_free (part->label);
  g_free (part);
}

static void
add_part (OurAgreeDialog *self,
          GtkStringList  *names,
          OurPartKind     kind,
          const char     *id,
          const char     *label)
{
  Part *part = g_new0 (Part, 1);
  g_autofree char *shown = NULL;
  /* Long notes are named by their start. */
  gsize cut = our_text_cut_length (label != NULL ? label : "", 60);
  g_autofree char *short_label = g_strndup (label != NULL ? label : "", cut);

  part->kind = kind;
  part->id = g_strdup (id != NULL ? id : "");
  part->label = g_strdup (short_label);
  shown = our_part_describe (kind, short_label);
  g_ptr_array_add (self->parts, part);
  gtk_string_list_append (names, shown);
}

/* Every part the plan has now: the whole plan, the staying-well plan, each
 * goal, each person and each safety note. */
static void
fill_parts (OurAgreeDialog *self)
{
  OurPlan *plan = our_session_get_plan (self->session);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GListModel *goals = our_plan_get_goals (plan);
  GListModel *members = our_plan_get_members (plan);
  GListModel *notes = our_plan_get_safety_notes (plan);

  add_part (self, names, OUR_PART_PLAN, NULL, NULL);
  add_part (self, names, OUR_PART_STAYING_WELL, NULL, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (goals); i++)
    {
      g_autoptr(OurGoal) goal = g_list_model_get_item (goals, i);
      add_part (self, names, OUR_PART_GOAL, our_goal_get_id (goal),
                our_goal_get_text (goal, OUR_GOAL_TEXT_TITLE));
    }
  for (guint i = 0; i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr(OurMember) member = g_list_model_get_item (members, i);
      add_part (self, names, OUR_PART_MEMBER, our_member_get_id (member),
                our_member_get_text (member, OUR_MEMBER_TEXT_NAME));
    }
  for (guint i = 0; i < g_list_model_get_n_items (notes); i++)
    {
      g_autoptr(OurSafetyNote) note = g_list_model_get_item (notes, i);
      add_part (self, names, OUR_PART_SAFETY_NOTE, our_safety_note_get_id (note),
                our_safety_note_get_text (note));
    }
  adw_combo_row_set_model (self->part_row, G_LIST_MODEL (names));
}

static char *
today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  return g_date_time_format (now, "%Y-%m-%d");
}

static void
update_actions (OurAgreeDialog *self)
{
  const char *date = our_date_button_get_date (OUR_DATE_BUTTON (self->review_button));
  g_autofree char *now = today ();
  /* A review is in the future: a date already gone would be overdue at once. */
  gboolean has_review = our_iso_date_is_valid (date) && g_strcmp0 (date, now) > 0;
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->disagree_row))));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agree.agree", has_review);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agree.add-disagreement",
                                 text[0] != '\0'
                                 && self->disagreements->len < OUR_MAX_DISAGREEMENTS_PER_AGREEMENT);
  adw_action_row_set_subtitle (self->review_row,
                               has_review ? ""
                               : our_iso_date_is_valid (date)
                               ? _("Choose a day after today.")
                               : _("Choose a date to agree the plan."));
}

static void
set_review_date (OurAgreeDialog *self,
                 const char     *date)
{
  our_date_button_set_date (OUR_DATE_BUTTON (self->review_button), date);
  update_actions (self);
}

static void
review_chosen_cb (OurAgreeDialog *self,
                  const char     *date)
{
  set_review_date (self, date);
}

static void
review_in_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  OurAgreeDialog *self = OUR_AGREE_DIALOG (widget);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_months (now, g_variant_get_int32 (parameter));
  g_autofree char *date = g_date_time_format (then, "%Y-%m-%d");

  set_review_date (self, date);
}

static void
rebuild_disagreements (OurAgreeDialog *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->disagreements_list))) != NULL)
    gtk_list_box_remove (self->disagreements_list, child);
  for (guint i = 0; i < self->disagreements->len; i++)
    {
      OurDisagreement *disagreement = g_ptr_array_index (self->disagreements, i);
      g_autofree char *part = our_disagreement_describe_part (disagreement);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     our_disagreement_get_text (disagreement));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), part);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, _("Take this out"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Take this out"), -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "agree.remove-disagreement");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "i", (gint32) i);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      gtk_list_box_append (self->disagreements_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->disagreements_list), self->disagreements->len > 0);
  update_actions (self);
}

static void
add_disagreement_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  OurAgreeDialog *self = OUR_AGREE_DIALOG (widget);
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->disagree_row))));
  guint selected = adw_combo_row_get_selected (self->part_row);
  Part *part;

  if (text[0] == '\0' || selected >= self->parts->len
      || self->disagreements->len >= OUR_MAX_DISAGREEMENTS_PER_AGREEMENT)
    return;
  part = g_ptr_array_index (self->parts, selected);
  g_ptr_array_add (self->disagreements,
                   our_disagreement_new (NULL, part->kind, part->id, part->label, text,
                                         our_session_get_author (self->session)));
  gtk_editable_set_text (GTK_EDITABLE (self->disagree_row), "");
  rebuild_disagreements (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->disagree_row));
}

static void
remove_disagreement_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  OurAgreeDialog *self = OUR_AGREE_DIALOG (widget);
  gint32 position = g_variant_get_int32 (parameter);

  if (position < 0 || (guint) position >= self->disagreements->len)
    return;
  g_ptr_array_remove_index (self->disagreements, position);
  rebuild_disagreements (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->disagree_row));
}

/* The names of who agreed, one per line: the person when they were there,
 * then the others typed. */
static char *
agreed_by (OurAgreeDialog *self)
{
  OurPlan *plan = our_session_get_plan (self->session);
  g_auto(GStrv) others = g_strsplit (gtk_editable_get_text (GTK_EDITABLE (self->others_row)),
                                     ",", -1);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  if (gtk_switch_get_active (self->person_switch) && our_plan_get_name (plan)[0] != '\0')
    g_ptr_array_add (names, (gpointer) our_plan_get_name (plan));
  for (guint i = 0; others[i] != NULL; i++)
    if (g_strstrip (others[i])[0] != '\0')
      g_ptr_array_add (names, others[i]);
  g_ptr_array_add (names, NULL);
  return g_strjoinv ("\n", (char **) names->pdata);
}

static void
show_error (OurAgreeDialog *self,
            const char     *sentence)
{
  gtk_label_set_text (self->error_label, sentence);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

static void
agree_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  OurAgreeDialog *self = OUR_AGREE_DIALOG (widget);
  OurPlan *plan = our_session_get_plan (self->session);
  const char *review_on = our_date_button_get_date (OUR_DATE_BUTTON (self->review_button));
  g_autofree char *agreed_on = today ();
  g_autofree char *names = agreed_by (self);
  g_autofree char *picture_ids = NULL;
  g_autoptr(GBytes) snapshot = NULL;
  g_autoptr(OurAgreement) agreement = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *toast = NULL;
  g_autofree char *review_words = NULL;
  gboolean ok = TRUE;
  gboolean review_changed = FALSE;
  gboolean ended;

  if (!our_iso_date_is_valid (review_on) || g_strcmp0 (review_on, agreed_on) <= 0)
    return;
  if (g_list_model_get_n_items (our_plan_get_agreements (plan)) >= OUR_MAX_AGREEMENTS)
    {
      show_error (self, _("This plan already holds as many agreed versions as it can."));
      return;
    }
  /* Typing still waiting for its pause belongs in the agreed version. */
  our_session_commit_pending (self->session);

  our_session_begin_group (self->session, _("Agree the plan"));
  if (g_strcmp0 (our_plan_get_me_text (plan, OUR_ME_FIELD_REVIEW_DATE), review_on) != 0)
    ok = review_changed =
      our_session_run (self->session,
                       our_command_new_set_me_text (OUR_ME_FIELD_REVIEW_DATE, review_on,
                                                    our_session_get_author (self->session)),
                       &error);
  if (ok)
    ok = (snapshot = our_agreed_version_encode (plan, &picture_ids, &error)) != NULL;
  if (ok)
    {
      agreement = our_agreement_new (NULL, agreed_on, names,
                                     gtk_switch_get_active (self->person_switch), review_on,
                                     snapshot, picture_ids);
      for (guint i = 0; i < self->disagreements->len; i++)
        our_agreement_insert_disagreement (agreement, i, g_ptr_array_index (self->disagreements, i));
      ok = our_session_run (self->session,
                            our_command_new_add_item (OUR_LIST_AGREEMENTS, NULL, agreement, -1),
                            &error);
    }
  /* A group that cannot be saved is taken back whole by the history; one
   * that stopped part way is undone here, so nothing is half agreed. */
  ended = our_session_end_group (self->session, ok ? &error : NULL);
  if (!ended)
    ok = FALSE;
  else if (!ok && review_changed)
    our_session_undo (self->session, NULL);
  if (!ok)
    {
      show_error (self, error != NULL ? error->message
                                      : _("The plan could not be agreed, so nothing was changed."));
      return;
    }

  review_words = our_format_date_for_people (review_on);
  /* TRANSLATORS: %s is a date in words */
  toast = g_strdup_printf (_("Plan agreed. Next review %s."), review_words);
  if (gtk_window_get_transient_for (GTK_WINDOW (self)) != NULL)
    our_toast_show (GTK_WIDGET (gtk_window_get_transient_for (GTK_WINDOW (self))), toast);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
our_agree_dialog_dispose (GObject *object)
{
  OurAgreeDialog *self = OUR_AGREE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), OUR_TYPE_AGREE_DIALOG);
  g_clear_object (&self->session);
  g_clear_pointer (&self->parts, g_ptr_array_unref);
  g_clear_pointer (&self->disagreements, g_ptr_array_unref);

  G_OBJECT_CLASS (our_agree_dialog_parent_class)->dispose (object);
}

static void
our_agree_dialog_class_init (OurAgreeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = our_agree_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/ourplan/OurPlan/our-agree-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, OurAgreeDialog, who_group);
  gtk_widget_class_bind_template_child (widget_class, OurAgreeDialog, person_row);
  gtk_widget_class_bind_template_child (widget_class, OurAgreeDialog, person_switch);
  gtk_widget_class_bind_template_child (widget_class, OurAgreeDialog, others_row);
  gtk_widget_class_bind_template_child (widget_class, OurAgreeDialog, review_row);
  gtk_widget_class_bind_template_child (widget_class, OurAgreeDialog, disagree_group);
  gtk_widget_class_bind_template_child (widget_class, OurAgreeDialog, part_row);
  gtk_widget_class_bind_template_child (widget_class, OurAgreeDialog, disagree_row);
  gtk_widget_class_bind_template_child (widget_class, OurAgreeDialog, disagreements_list);
  gtk_widget_class_bind_template_child (widget_class, OurAgreeDialog, error_label);

  gtk_widget_class_install_action (widget_class, "agree.agree", NULL, agree_action);
  gtk_widget_class_install_action (widget_class, "agree.review-in", "i", review_in_action);
  gtk_widget_class_install_action (widget_class, "agree.add-disagreement", NULL,
                                   add_disagreement_action);
  gtk_widget_class_install_action (widget_class, "agree.remove-disagreement", "i",
                                   remove_disagreement_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
our_agree_dialog_init (OurAgreeDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->parts = g_ptr_array_new_with_free_func (part_free);
  self->disagreements = g_ptr_array_new_with_free_func (g_object_unref);

  self->review_button = our_date_button_new (_("Next review"), NULL, _("Choose a date"));
  gtk_widget_set_valign (self->review_button, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (self->review_row, self->review_button);
  adw_action_row_set_activatable_widget (self->review_row, self->review_button);
  g_signal_connect_object (self->review_button, "date-chosen", G_CALLBACK (review_chosen_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->disagree_row, "changed", G_CALLBACK (update_actions), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->disagree_row, "entry-activated",
                           G_CALLBACK (gtk_widget_activate_action), self, G_CONNECT_SWAPPED);
}

GtkWidget *
our_agree_dialog_new (GtkWindow  *parent,
                      OurSession *session)
{
  OurAgreeDialog *self;
  OurPlan *plan;
  const char *name;
  const char *coordinator;
  const char *review;
  g_autofree char *now = today ();
  g_autofree char *now_words = our_format_date_for_people (now);
  g_autofree char *person_title = NULL;
  g_autofree char *disagree_words = NULL;
  g_autofree char *when = NULL;

  g_return_val_if_fail (OUR_IS_SESSION (session), NULL);

  self = g_object_new (OUR_TYPE_AGREE_DIALOG, "transient-for", parent, NULL);
  self->session = g_object_ref (session);
  plan = our_session_get_plan (session);
  name = our_plan_get_name (plan);
  coordinator = our_plan_get_me_text (plan, OUR_ME_FIELD_COORDINATOR_NAME);

  /* TRANSLATORS: %s is today's date in words */
  when = g_strdup_printf (_("Today, %s."), now_words);
  adw_preferences_group_set_description (self->who_group, when);
  if (name[0] != '\0')
    /* TRANSLATORS: %s is the person's name */
    person_title = g_strdup_printf (_("%s was here and agreed"), name);
  else
    person_title = g_strdup (_("The person whose plan it is was here and agreed"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->person_row), person_title);
  gtk_editable_set_text (GTK_EDITABLE (self->others_row), coordinator);

  if (name[0] != '\0')
    /* TRANSLATORS: %s is the person's name */
    disagree_words = g_strdup_printf (_("Anything %s does not agree with, in their own words. It is kept with this agreed version and shown on the copies."), name);
  else
    disagree_words = g_strdup (_("Anything the person does not agree with, in their own words. It is kept with this agreed version and shown on the copies."));
  adw_preferences_group_set_description (self->disagree_group, disagree_words);

  /* A review date already agreed for the future is kept unless changed. */
  review = our_plan_get_me_text (plan, OUR_ME_FIELD_REVIEW_DATE);
  if (our_iso_date_is_valid (review) && g_strcmp0 (review, now) > 0)
    our_date_button_set_date (OUR_DATE_BUTTON (self->review_button), review);

  fill_parts (self);
  update_actions (self);
  return GTK_WIDGET (self);
}

const char *
our_agree_dialog_get_review_date (OurAgreeDialog *self)
{
  g_return_val_if_fail (OUR_IS_AGREE_DIALOG (self), NULL);
  return our_date_button_get_date (OUR_DATE_BUTTON (self->review_button));
}
