/* our-safety-view.c: the "Staying well & safety" tab: early signs, crisis contacts, team notes
 *
 * Each crisis contact is an OurCrisisContactRow, each safety note an
 * OurSafetyNoteRow (their own files, with templates in ui/safety/).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "our-choice-button.h"
#include "our-command.h"
#include "our-date-button.h"
#include "our-crisis-contact-row.h"
#include "our-member-buttons.h"
#include "our-safety-note-row.h"
#include "our-safety-view.h"
#include "our-text-field.h"
#include "our-toast.h"
#include "our-limits.h"

struct _OurSafetyView
{
  GtkWidget       parent_instance;

  OurSession     *session;
  OurPlan        *plan;         /* the session's */
  gboolean        read_only;
  /* The card to give the keyboard to once the list has made it. */
  char           *focus_id;
  gboolean        focus_phone;

  GtkWidget      *scroller;
  GtkBox         *well_box;
  GtkMenuButton  *add_contact_button;
  GtkWidget      *contacts_empty;
  GtkListBox     *contacts_list;
  GtkMenuButton  *add_note_button;
  GtkWidget      *notes_empty;
  GtkListBox     *notes_list;

  GtkWidget      *well_fields[OUR_N_WELL_FIELDS];
  GtkWidget      *contact_picker;   /* the box of members in the add popover */
};

G_DEFINE_FINAL_TYPE (OurSafetyView, our_safety_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_READ_ONLY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
run_command (OurSafetyView *self,
             OurCommand    *command)
{
  if (self->plan == NULL || command == NULL)
    {
      g_clear_object (&command);
      return;
    }
  /* A failure is told by the window through the history's "failed" signal. */
  our_session_run (self->session, command, NULL);
}

/* A change made with one click: an undo step of its own. */
static void
run_single (OurSafetyView *self,
            OurCommand    *command)
{
  if (self->plan == NULL)
    {
      g_clear_object (&command);
      return;
    }
  our_session_begin_group (self->session, NULL);
  run_command (self, command);
  our_session_end_group (self->session, NULL);
}

static void
show_undo_toast (OurSafetyView *self,
                 const char    *title)
{
  our_toast_show_undo (GTK_WIDGET (self), title);
}

static char *
today_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  return g_date_time_format (now, "%Y-%m-%d");
}

static GtkWidget *
find_row (GtkListBox *list,
          const char *id)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      const char *row_id = OUR_IS_SAFETY_NOTE_ROW (row)
                           ? our_safety_note_row_get_id (OUR_SAFETY_NOTE_ROW (row))
                           : OUR_IS_CRISIS_CONTACT_ROW (row)
                           ? our_crisis_contact_row_get_id (OUR_CRISIS_CONTACT_ROW (row))
                           : NULL;

      if (row_id != NULL && g_strcmp0 (row_id, id) == 0)
        return row;
    }
  return NULL;
}

/* The person's own words: early signs, what helps, what others should do */

static OurCommand *
well_text_command (const char *text,
                   OurAuthor   author,
                   gpointer    user_data)
{
  return our_command_new_set_well_text (GPOINTER_TO_INT (user_data), text, author);
}

static const char *
well_placeholder (OurWellField field)
{
  switch (field)
    {
    case OUR_WELL_FIELD_WHAT_HELPS:
      return _("For example: a walk with the dog, music, talking to my sister");
    case OUR_WELL_FIELD_OTHERS_DO:
      return _("For example: check in with me, help with shopping, don’t crowd me");
    case OUR_WELL_FIELD_EARLY_SIGNS:
    default:
      return _("For example: I stop sleeping, I stay in, I stop answering the phone");
    }
}

static void
show_well_field (OurSafetyView *self,
                 OurWellField   field)
{
  our_text_field_set_text_from_model (OUR_TEXT_FIELD (self->well_fields[field]),
                                      our_plan_get_well_text (self->plan, field),
                                      our_plan_get_well_author (self->plan, field));
}

static void
well_changed_cb (OurSafetyView *self,
                 int            field)
{
  if ((guint) field < OUR_N_WELL_FIELDS)
    show_well_field (self, field);
}

static void
build_well_fields (OurSafetyView *self)
{
  for (guint i = 0; i < OUR_N_WELL_FIELDS; i++)
    {
      GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      GtkWidget *field = our_text_field_new (our_well_field_get_label (i), TRUE);

      gtk_widget_add_css_class (card, "safety-card");
      gtk_widget_add_css_class (card, "safety-well");
      our_text_field_set_command_func (OUR_TEXT_FIELD (field), well_text_command,
                                       GINT_TO_POINTER (i), NULL);
      our_text_field_set_placeholder (OUR_TEXT_FIELD (field), well_placeholder (i));
      gtk_widget_set_name (field, our_well_field_get_key (i));
      gtk_box_append (GTK_BOX (card), field);
      gtk_box_append (self->well_box, card);
      self->well_fields[i] = field;
    }
}

/* Crisis contacts */

static GtkWidget *
create_contact_row_cb (gpointer item,
                       gpointer user_data)
{
  OurSafetyView *self = user_data;
  GtkWidget *row = our_crisis_contact_row_new (self->session, OUR_CRISIS_CONTACT (item));

  g_object_bind_property (self, "read-only", row, "read-only", G_BINDING_SYNC_CREATE);
  return row;
}

static void
remove_contact_action_cb (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  OurSafetyView *self = OUR_SAFETY_VIEW (widget);

  if (self->plan == NULL || self->read_only)
    return;
  run_single (self, our_command_new_delete_crisis_contact (g_variant_get_string (parameter, NULL)));
  show_undo_toast (self, _("Crisis contact removed"));
}

/* A member renamed or taken out of My people: each contact naming one shows it. */
static void
sync_all_contacts (OurSafetyView *self)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->contacts_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (OUR_IS_CRISIS_CONTACT_ROW (row))
      our_crisis_contact_row_sync_member (OUR_CRISIS_CONTACT_ROW (row));
}

static GtkWidget *
make_popover_heading (const char *text)
{
  GtkWidget *heading = gtk_label_new (text);

  gtk_widget_add_css_class (heading, "heading");
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_set_margin_start (heading, 8);
  gtk_widget_set_margin_top (heading, 4);
  gtk_widget_set_margin_bottom (heading, 6);
  return heading;
}

/* Safety notes */

static GtkWidget *
create_note_row_cb (gpointer item,
                    gpointer user_data)
{
  OurSafetyView *self = user_data;
  GtkWidget *row = our_safety_note_row_new (self->session, OUR_SAFETY_NOTE (item));

  g_object_bind_property (self, "read-only", row, "read-only", G_BINDING_SYNC_CREATE);
  return row;
}

static void
delete_note_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  OurSafetyView *self = OUR_SAFETY_VIEW (widget);

  if (self->plan == NULL || self->read_only)
    return;
  run_single (self, our_command_new_delete_safety_note (g_variant_get_string (parameter, NULL)));
  show_undo_toast (self, _("Safety note deleted"));
}

/* Lists, empty states, focus for what was just added */

static void
update_empty_states (OurSafetyView *self)
{
  gboolean has_contacts = FALSE, has_notes = FALSE;

  if (self->plan != NULL)
    {
      has_contacts = g_list_model_get_n_items (our_plan_get_crisis_contacts (self->plan)) > 0;
      has_notes = g_list_model_get_n_items (our_plan_get_safety_notes (self->plan)) > 0;
    }
  gtk_widget_set_visible (self->contacts_empty, !has_contacts);
  gtk_widget_set_visible (GTK_WIDGET (self->contacts_list), has_contacts);
  gtk_widget_set_visible (self->notes_empty, !has_notes);
  gtk_widget_set_visible (GTK_WIDGET (self->notes_list), has_notes);
}

static void
focus_new_card (OurSafetyView *self)
{
  GtkWidget *row;

  if (self->focus_id == NULL)
    return;

  if ((row = find_row (self->contacts_list, self->focus_id)) != NULL)
    our_crisis_contact_row_focus (OUR_CRISIS_CONTACT_ROW (row), self->focus_phone);
  else if ((row = find_row (self->notes_list, self->focus_id)) != NULL)
    our_safety_note_row_focus_text (OUR_SAFETY_NOTE_ROW (row));
  g_clear_pointer (&self->focus_id, g_free);
}

static void
lists_changed_cb (OurSafetyView *self)
{
  update_empty_states (self);
}

static void
member_notify_cb (OurSafetyView *self)
{
  sync_all_contacts (self);
}

static void
watch_members (OurSafetyView *self,
               guint          position,
               guint          added)
{
  GListModel *members = our_plan_get_members (self->plan);

  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(OurMember) member = g_list_model_get_item (members, i);

      if (g_signal_handler_find (member, G_SIGNAL_MATCH_FUNC | G_SIGNAL_MATCH_DATA, 0, 0, NULL,
                                 member_notify_cb, self) == 0)
        g_signal_connect_object (member, "notify::name", G_CALLBACK (member_notify_cb), self,
                                 G_CONNECT_SWAPPED);
    }
}

static void
members_changed_cb (OurSafetyView *self,
                    guint          position,
                    guint          removed,
                    guint          added)
{
  watch_members (self, position, added);
  sync_all_contacts (self);
}

/* Adding */

static void
add_contact (OurSafetyView *self,
             const char    *member_id)
{
  g_autoptr(OurCrisisContact) contact = our_crisis_contact_new (NULL);
  OurMember *member = NULL;

  if (self->plan == NULL || self->read_only)
    return;
  if (our_toast_if_full (GTK_WIDGET (self),
                         g_list_model_get_n_items (our_plan_get_crisis_contacts (self->plan)),
                         OUR_MAX_CRISIS_CONTACTS,
                         _("This plan already holds as many people to contact as Our Plan can keep.")))
    return;

  if (member_id != NULL && member_id[0] != '\0')
    member = our_plan_find_member (self->plan, member_id, NULL);
  if (member != NULL)
    {
      our_crisis_contact_set_member_id (contact, member_id);
      our_crisis_contact_set_name (contact, our_member_get_name (member));
    }
  our_crisis_contact_set_author (contact, our_session_get_author (self->session));

  g_free (self->focus_id);
  self->focus_id = g_strdup (our_crisis_contact_get_id (contact));
  self->focus_phone = member != NULL;
  /* In the order they were added: who to try first is at the top. */
  run_single (self, our_command_new_add_crisis_contact (contact, -1));
  focus_new_card (self);
}

static void
add_contact_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  OurSafetyView *self = OUR_SAFETY_VIEW (widget);

  gtk_menu_button_popdown (self->add_contact_button);
  add_contact (self, parameter ? g_variant_get_string (parameter, NULL) : "");
}

static void
add_note_action_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  OurSafetyView *self = OUR_SAFETY_VIEW (widget);
  int kind = parameter ? g_variant_get_int32 (parameter) : OUR_SAFETY_NOTE_CONCERN;
  g_autoptr(OurSafetyNote) note = NULL;
  g_autofree char *today = today_iso ();

  gtk_menu_button_popdown (self->add_note_button);
  if (self->plan == NULL || self->read_only
      || our_toast_if_full (widget, g_list_model_get_n_items (our_plan_get_safety_notes (self->plan)),
                            OUR_MAX_SAFETY_NOTES,
                            _("This plan already holds as many safety notes as Our Plan can keep.")))
    return;
  if (kind < 0 || kind >= OUR_N_SAFETY_NOTE_KINDS)
    kind = OUR_SAFETY_NOTE_CONCERN;

  note = our_safety_note_new (NULL, kind);
  our_safety_note_set_written_on (note, today);
  our_safety_note_set_text (note, "", our_session_get_author (self->session));

  g_free (self->focus_id);
  self->focus_id = g_strdup (our_safety_note_get_id (note));
  /* Newest first: the new card is at the top, next to the Add button. */
  run_single (self, our_command_new_add_safety_note (note, 0));
  focus_new_card (self);
}

static void
add_member_contact_cb (GtkButton     *button,
                       OurSafetyView *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "safety.add-contact", "s",
                              g_object_get_data (G_OBJECT (button), "member-id"));
}

static void
contact_popover_show_cb (OurSafetyView *self)
{
  our_member_buttons_fill (GTK_BOX (self->contact_picker), self->plan,
                                       G_CALLBACK (add_member_contact_cb), self);
}

static GtkWidget *
build_contact_chooser (OurSafetyView *self)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *someone = gtk_button_new_with_label (_("Someone Else…"));

  self->contact_picker = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_box_append (GTK_BOX (box), make_popover_heading (_("Someone from My people")));
  gtk_box_append (GTK_BOX (box), self->contact_picker);
  gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  gtk_widget_add_css_class (someone, "flat");
  gtk_label_set_xalign (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (someone))), 0);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (someone), "safety.add-contact");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (someone), "s", "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (someone),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Someone else: type a name"),
                                  -1);
  gtk_box_append (GTK_BOX (box), someone);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  g_signal_connect_object (popover, "show", G_CALLBACK (contact_popover_show_cb), self,
                           G_CONNECT_SWAPPED);
  return popover;
}

static GtkWidget *
build_note_chooser (void)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  gtk_box_append (GTK_BOX (box), make_popover_heading (_("Add a safety note")));
  for (guint i = 0; i < OUR_N_SAFETY_NOTE_KINDS; i++)
    {
      GtkWidget *button = gtk_button_new ();
      GtkWidget *content = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
      GtkWidget *swatch = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
      GtkWidget *label = gtk_label_new (our_safety_note_kind_get_label (i));

      gtk_widget_add_css_class (swatch, "safety-swatch");
      gtk_widget_add_css_class (swatch, our_safety_note_row_kind_class (i));
      gtk_box_append (GTK_BOX (content), swatch);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_box_append (GTK_BOX (content), label);
      gtk_button_set_child (GTK_BUTTON (button), content);
      gtk_widget_add_css_class (button, "flat");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "safety.add-note");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "i", (gint32) i);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      our_safety_note_kind_get_label (i),
                                      -1);
      gtk_box_append (GTK_BOX (box), button);
    }
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  return popover;
}

/* Read-only */

static void
update_actions (OurSafetyView *self)
{
  gboolean writable = self->plan != NULL && !self->read_only;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "safety.add-contact", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "safety.add-note", writable);
  gtk_widget_set_visible (GTK_WIDGET (self->add_contact_button), !self->read_only);
  gtk_widget_set_visible (GTK_WIDGET (self->add_note_button), !self->read_only);
}

static void
set_read_only (OurSafetyView *self,
               gboolean       read_only)
{
  read_only = !!read_only;
  if (self->read_only == read_only)
    return;
  self->read_only = read_only;
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
}



static void
disconnect_plan (OurSafetyView *self)
{
  GListModel *members;

  if (self->plan == NULL)
    return;

  g_signal_handlers_disconnect_by_data (self->plan, self);
  g_signal_handlers_disconnect_by_data (our_plan_get_crisis_contacts (self->plan), self);
  g_signal_handlers_disconnect_by_data (our_plan_get_safety_notes (self->plan), self);
  members = our_plan_get_members (self->plan);
  g_signal_handlers_disconnect_by_data (members, self);
  for (guint i = 0; i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr(OurMember) member = g_list_model_get_item (members, i);
      g_signal_handlers_disconnect_by_data (member, self);
    }
}

static void
our_safety_view_dispose (GObject *object)
{
  OurSafetyView *self = OUR_SAFETY_VIEW (object);

  disconnect_plan (self);
  /* The cards' fields save what is still being typed as they go: the plan
   * must still be there. */
  if (self->contacts_list != NULL)
    gtk_list_box_bind_model (self->contacts_list, NULL, NULL, NULL, NULL);
  if (self->notes_list != NULL)
    gtk_list_box_bind_model (self->notes_list, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), OUR_TYPE_SAFETY_VIEW);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self)));)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->focus_id, g_free);
  g_clear_object (&self->plan);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (our_safety_view_parent_class)->dispose (object);
}

static void
our_safety_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  OurSafetyView *self = OUR_SAFETY_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION: g_value_set_object (value, self->session); break;
    case PROP_READ_ONLY: g_value_set_boolean (value, self->read_only); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
our_safety_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  OurSafetyView *self = OUR_SAFETY_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION: our_safety_view_set_session (self, g_value_get_object (value)); break;
    case PROP_READ_ONLY: set_read_only (self, g_value_get_boolean (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
our_safety_view_class_init (OurSafetyViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = our_safety_view_dispose;
  object_class->get_property = our_safety_view_get_property;
  object_class->set_property = our_safety_view_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, OUR_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/ourplan/OurPlan/our-safety-view.ui");
  gtk_widget_class_bind_template_child (widget_class, OurSafetyView, scroller);
  gtk_widget_class_bind_template_child (widget_class, OurSafetyView, well_box);
  gtk_widget_class_bind_template_child (widget_class, OurSafetyView, add_contact_button);
  gtk_widget_class_bind_template_child (widget_class, OurSafetyView, contacts_empty);
  gtk_widget_class_bind_template_child (widget_class, OurSafetyView, contacts_list);
  gtk_widget_class_bind_template_child (widget_class, OurSafetyView, add_note_button);
  gtk_widget_class_bind_template_child (widget_class, OurSafetyView, notes_empty);
  gtk_widget_class_bind_template_child (widget_class, OurSafetyView, notes_list);

  gtk_widget_class_install_action (widget_class, "safety.add-contact", "s", add_contact_action_cb);
  gtk_widget_class_install_action (widget_class, "safety.remove-contact", "s",
                                   remove_contact_action_cb);
  gtk_widget_class_install_action (widget_class, "safety.add-note", "i", add_note_action_cb);
  gtk_widget_class_install_action (widget_class, "safety.delete-note", "s", delete_note_action_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "safetyview");
}

static void
our_safety_view_init (OurSafetyView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  build_well_fields (self);
  gtk_menu_button_set_popover (self->add_contact_button, build_contact_chooser (self));
  gtk_menu_button_set_popover (self->add_note_button, build_note_chooser ());
  update_actions (self);
  update_empty_states (self);
}

GtkWidget *
our_safety_view_new (void)
{
  return g_object_new (OUR_TYPE_SAFETY_VIEW, NULL);
}

OurPlan *
our_safety_view_get_plan (OurSafetyView *self)
{
  g_return_val_if_fail (OUR_IS_SAFETY_VIEW (self), NULL);
  return self->plan;
}

void
our_safety_view_set_session (OurSafetyView *self,
                             OurSession    *session)
{
  OurPlan *plan = session != NULL ? our_session_get_plan (session) : NULL;
  GListModel *members;

  g_return_if_fail (OUR_IS_SAFETY_VIEW (self));
  g_return_if_fail (session == NULL || OUR_IS_SESSION (session));

  if (self->session == session)
    return;

  disconnect_plan (self);
  gtk_list_box_bind_model (self->contacts_list, NULL, NULL, NULL, NULL);
  gtk_list_box_bind_model (self->notes_list, NULL, NULL, NULL, NULL);
  g_set_object (&self->plan, plan);
  g_set_object (&self->session, session);
  set_read_only (self, session != NULL && our_session_get_read_only (session));

  for (guint i = 0; i < OUR_N_WELL_FIELDS; i++)
    {
      our_text_field_set_session (OUR_TEXT_FIELD (self->well_fields[i]), self->session);
      if (plan != NULL)
        show_well_field (self, i);
      else
        our_text_field_set_text_from_model (OUR_TEXT_FIELD (self->well_fields[i]), "",
                                            OUR_AUTHOR_PERSON);
    }

  if (plan != NULL)
    {
      g_signal_connect_object (plan, "well-changed", G_CALLBACK (well_changed_cb), self,
                               G_CONNECT_SWAPPED);
      /* Connected before the lists are bound: the empty states change after
       * the list has made the new card. */
      gtk_list_box_bind_model (self->contacts_list, our_plan_get_crisis_contacts (plan),
                               create_contact_row_cb, self, NULL);
      gtk_list_box_bind_model (self->notes_list, our_plan_get_safety_notes (plan),
                               create_note_row_cb, self, NULL);
      g_signal_connect_object (our_plan_get_crisis_contacts (plan), "items-changed",
                               G_CALLBACK (lists_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (our_plan_get_safety_notes (plan), "items-changed",
                               G_CALLBACK (lists_changed_cb), self, G_CONNECT_SWAPPED);
      members = our_plan_get_members (plan);
      watch_members (self, 0, g_list_model_get_n_items (members));
      g_signal_connect_object (members, "items-changed", G_CALLBACK (members_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }

  update_actions (self);
  update_empty_states (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

GtkWidget *
our_safety_view_get_card (OurSafetyView *self,
                          const char    *item_id)
{
  GtkWidget *row;

  g_return_val_if_fail (OUR_IS_SAFETY_VIEW (self), NULL);
  g_return_val_if_fail (item_id != NULL, NULL);

  row = find_row (self->contacts_list, item_id);
  if (row == NULL)
    row = find_row (self->notes_list, item_id);
  return row;
}
