/* our-safety-note-row.c: one safety note as a card: its kind, words, whether it was talked about, team only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "our-choice-button.h"
#include "our-command.h"
#include "our-date-button.h"
#include "our-safety-note-row.h"
#include "our-text-field.h"

struct _OurSafetyNoteRow
{
  GtkListBoxRow    parent_instance;

  OurSession      *session;
  OurSafetyNote   *note;
  gboolean         read_only;
  /* Set while the controls show the model's values, so that they do not
   * run commands of their own. */
  gboolean         syncing;

  GtkWidget       *card;
  OurChoiceButton *kind_button;
  GtkWidget       *team_badge;
  GtkWidget       *delete_button;
  OurTextField    *text_field;
  GtkCheckButton  *talked_check;
  OurDateButton   *talked_date;
  GtkSwitch       *team_switch;
  GtkLabel        *team_explain;
  GtkLabel        *written_label;
};

G_DEFINE_FINAL_TYPE (OurSafetyNoteRow, our_safety_note_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_NOTE,
  PROP_READ_ONLY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
text_heading (OurSafetyNoteKind kind)
{
  switch (kind)
    {
    case OUR_SAFETY_NOTE_AGREED_ACTION: return _("What we agreed to do");
    case OUR_SAFETY_NOTE_POSITIVE_RISK: return _("What I will try, and why it is worth it");
    case OUR_SAFETY_NOTE_CONCERN:
    default: return _("What we are worried about");
    }
}

const char *
our_safety_note_row_kind_class (OurSafetyNoteKind kind)
{
  switch (kind)
    {
    case OUR_SAFETY_NOTE_AGREED_ACTION: return "kind-agreed-action";
    case OUR_SAFETY_NOTE_POSITIVE_RISK: return "kind-positive-risk";
    case OUR_SAFETY_NOTE_CONCERN:
    default: return "kind-concern";
    }
}

/* @words: also show the note's words (not while another value changes: the
 * words being typed are the person's until their pause). */
static void
sync_from_note (OurSafetyNoteRow *self,
                gboolean          words)
{
  OurSafetyNoteKind kind = our_safety_note_get_kind (self->note);
  g_autofree char *written_words = our_format_date_for_people (our_safety_note_get_written_on (self->note));
  gboolean talked = our_safety_note_get_talked_together (self->note);
  gboolean team_only = our_safety_note_get_team_only (self->note);

  self->syncing = TRUE;

  for (guint i = 0; i < OUR_N_SAFETY_NOTE_KINDS; i++)
    gtk_widget_remove_css_class (self->card, our_safety_note_row_kind_class (i));
  gtk_widget_add_css_class (self->card, our_safety_note_row_kind_class (kind));
  if (team_only)
    gtk_widget_add_css_class (self->card, "team-only");
  else
    gtk_widget_remove_css_class (self->card, "team-only");

  our_choice_button_set_selected (self->kind_button, kind);
  g_object_set (self->text_field, "heading", text_heading (kind), NULL);
  if (words)
    our_text_field_set_text_from_model (self->text_field, our_safety_note_get_text (self->note),
                                        our_safety_note_get_text_author (self->note));
  gtk_check_button_set_active (self->talked_check, talked);
  gtk_widget_set_visible (GTK_WIDGET (self->talked_date), talked);
  our_date_button_set_date (self->talked_date, our_safety_note_get_talked_on (self->note));
  gtk_switch_set_active (self->team_switch, team_only);
  gtk_widget_set_visible (self->team_badge, team_only);

  if (written_words != NULL)
    {
      /* TRANSLATORS: under a safety note, e.g. "Written 21 November 2026" */
      g_autofree char *text = g_strdup_printf (_("Written %s"), written_words);
      gtk_label_set_label (self->written_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->written_label), written_words != NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  our_safety_note_kind_get_label (kind), -1);
  self->syncing = FALSE;
}

static void
note_notify_cb (OurSafetyNoteRow *self,
                GParamSpec       *pspec)
{
  sync_from_note (self, g_str_equal (pspec->name, "text") || g_str_equal (pspec->name, "text-author"));
}

/* A copy of the note, ready for a one-click change: words still waiting
 * for their pause are saved first, so that the change does not show the
 * old words over them. NULL while the row shows the model's values. */
static OurSafetyNote *
begin_change (OurSafetyNoteRow *self)
{
  if (self->read_only || self->syncing)
    return NULL;
  our_text_field_commit (self->text_field);
  return our_safety_note_copy (self->note);
}

/* A change made with one click: an undo step of its own. A failure is told
 * by the window through the history's "failed" signal. */
static void
run_change (OurSafetyNoteRow *self,
            OurSafetyNote    *state)
{
  our_session_begin_group (self->session, NULL);
  our_session_run (self->session, our_command_new_update_safety_note (state), NULL);
  our_session_end_group (self->session, NULL);
}

static OurCommand *
text_command (const char *text,
              OurAuthor   author,
              gpointer    user_data)
{
  OurSafetyNoteRow *self = user_data;
  g_autoptr(OurSafetyNote) state = our_safety_note_copy (self->note);
  g_autofree char *key = g_strdup_printf ("%s:text", our_safety_note_get_id (self->note));

  our_safety_note_set_text (state, text, author);
  /* Updates of one field merge into one undo step (a typing session). */
  our_session_begin_edit (self->session, key);
  return our_command_new_update_safety_note (state);
}

static void
kind_selected_cb (OurSafetyNoteRow *self)
{
  /* Read before begin_change(): saving pending words shows the model's values. */
  guint kind = our_choice_button_get_selected (self->kind_button);
  g_autoptr(OurSafetyNote) state = NULL;

  if (kind >= OUR_N_SAFETY_NOTE_KINDS || kind == our_safety_note_get_kind (self->note) ||
      (state = begin_change (self)) == NULL)
    return;
  our_safety_note_set_kind (state, kind);
  run_change (self, state);
}

static void
talked_toggled_cb (OurSafetyNoteRow *self)
{
  gboolean talked = gtk_check_button_get_active (self->talked_check);
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(OurSafetyNote) state = NULL;
  g_autofree char *today = NULL;

  if (talked == our_safety_note_get_talked_together (self->note) ||
      (state = begin_change (self)) == NULL)
    return;
  /* Marked during the meeting: today, unless another date is chosen. */
  now = g_date_time_new_now_local ();
  today = g_date_time_format (now, "%Y-%m-%d");
  our_safety_note_set_talked (state, talked, today);
  run_change (self, state);
}

static void
talked_date_chosen_cb (OurSafetyNoteRow *self,
                       const char       *iso)
{
  g_autoptr(OurSafetyNote) state = begin_change (self);

  if (state == NULL)
    return;
  our_safety_note_set_talked (state, TRUE, iso);
  run_change (self, state);
}

static void
team_only_cb (OurSafetyNoteRow *self)
{
  gboolean team_only = gtk_switch_get_active (self->team_switch);
  g_autoptr(OurSafetyNote) state = NULL;

  if (team_only == our_safety_note_get_team_only (self->note) ||
      (state = begin_change (self)) == NULL)
    return;
  our_safety_note_set_team_only (state, team_only);
  run_change (self, state);
}

static void
set_read_only (OurSafetyNoteRow *self,
               gboolean          read_only)
{
  read_only = !!read_only;
  if (self->read_only == read_only)
    return;
  self->read_only = read_only;

  gtk_widget_set_sensitive (GTK_WIDGET (self->kind_button), !read_only);
  gtk_widget_set_sensitive (GTK_WIDGET (self->talked_check), !read_only);
  gtk_widget_set_sensitive (GTK_WIDGET (self->talked_date), !read_only);
  gtk_widget_set_sensitive (GTK_WIDGET (self->team_switch), !read_only);
  gtk_widget_set_visible (self->delete_button, !read_only);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
}

static void
our_safety_note_row_constructed (GObject *object)
{
  OurSafetyNoteRow *self = OUR_SAFETY_NOTE_ROW (object);

  G_OBJECT_CLASS (our_safety_note_row_parent_class)->constructed (object);

  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->delete_button), "s",
                                    our_safety_note_get_id (self->note));
  our_text_field_set_session (self->text_field, self->session);
  our_text_field_set_command_func (self->text_field, text_command, self, NULL);
  sync_from_note (self, TRUE);
  g_signal_connect_object (self->note, "notify", G_CALLBACK (note_notify_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
our_safety_note_row_dispose (GObject *object)
{
  OurSafetyNoteRow *self = OUR_SAFETY_NOTE_ROW (object);

  g_clear_object (&self->note);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (our_safety_note_row_parent_class)->dispose (object);
}

static void
our_safety_note_row_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  OurSafetyNoteRow *self = OUR_SAFETY_NOTE_ROW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_NOTE:
      g_value_set_object (value, self->note);
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
our_safety_note_row_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  OurSafetyNoteRow *self = OUR_SAFETY_NOTE_ROW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;
    case PROP_NOTE:
      self->note = g_value_dup_object (value);
      break;
    case PROP_READ_ONLY:
      set_read_only (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
our_safety_note_row_class_init (OurSafetyNoteRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = our_safety_note_row_constructed;
  object_class->dispose = our_safety_note_row_dispose;
  object_class->get_property = our_safety_note_row_get_property;
  object_class->set_property = our_safety_note_row_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, OUR_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTE] =
    g_param_spec_object ("note", NULL, NULL, OUR_TYPE_SAFETY_NOTE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (OUR_TYPE_CHOICE_BUTTON);
  g_type_ensure (OUR_TYPE_DATE_BUTTON);
  g_type_ensure (OUR_TYPE_TEXT_FIELD);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/ourplan/OurPlan/our-safety-note-row.ui");
  gtk_widget_class_bind_template_child (widget_class, OurSafetyNoteRow, card);
  gtk_widget_class_bind_template_child (widget_class, OurSafetyNoteRow, kind_button);
  gtk_widget_class_bind_template_child (widget_class, OurSafetyNoteRow, team_badge);
  gtk_widget_class_bind_template_child (widget_class, OurSafetyNoteRow, delete_button);
  gtk_widget_class_bind_template_child (widget_class, OurSafetyNoteRow, text_field);
  gtk_widget_class_bind_template_child (widget_class, OurSafetyNoteRow, talked_check);
  gtk_widget_class_bind_template_child (widget_class, OurSafetyNoteRow, talked_date);
  gtk_widget_class_bind_template_child (widget_class, OurSafetyNoteRow, team_switch);
  gtk_widget_class_bind_template_child (widget_class, OurSafetyNoteRow, team_explain);
  gtk_widget_class_bind_template_child (widget_class, OurSafetyNoteRow, written_label);
  gtk_widget_class_bind_template_callback (widget_class, kind_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, talked_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, talked_date_chosen_cb);
  gtk_widget_class_bind_template_callback (widget_class, team_only_cb);
}

static void
our_safety_note_row_init (OurSafetyNoteRow *self)
{
  const char *kinds[OUR_N_SAFETY_NOTE_KINDS + 1] = { NULL };

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < OUR_N_SAFETY_NOTE_KINDS; i++)
    kinds[i] = our_safety_note_kind_get_label (i);
  our_choice_button_set_choices (self->kind_button, kinds);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->team_switch),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  gtk_label_get_label (self->team_explain), -1);
}

GtkWidget *
our_safety_note_row_new (OurSession    *session,
                         OurSafetyNote *note)
{
  g_return_val_if_fail (OUR_IS_SESSION (session), NULL);
  g_return_val_if_fail (OUR_IS_SAFETY_NOTE (note), NULL);

  return g_object_new (OUR_TYPE_SAFETY_NOTE_ROW, "session", session, "note", note, NULL);
}

const char *
our_safety_note_row_get_id (OurSafetyNoteRow *self)
{
  g_return_val_if_fail (OUR_IS_SAFETY_NOTE_ROW (self), NULL);

  return our_safety_note_get_id (self->note);
}

void
our_safety_note_row_focus_text (OurSafetyNoteRow *self)
{
  g_return_if_fail (OUR_IS_SAFETY_NOTE_ROW (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->text_field));
}
