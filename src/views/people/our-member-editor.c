/* our-member-editor.c: the popover to edit one member of the network: name, kind, what they help with
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "our-command.h"
#include "our-member-editor.h"
#include "our-member-widget.h"
#include "our-symbol-picker.h"
#include "our-symbols.h"
#include "our-text-field.h"

struct _OurMemberEditor
{
  GtkPopover      parent_instance;

  OurSession     *session;
  OurPlan        *plan;         /* the session's */
  OurMember      *member;
  gboolean        read_only;
  /* Set while widgets are updated from the model, so that their change
   * signals do not run commands. */
  gboolean        syncing;

  GtkBox         *title_box;
  GtkWidget      *title_icon;
  GtkLabel       *title_label;
  GtkBox         *name_box;
  GtkLabel       *name_error;
  GtkBox         *relationship_box;
  GtkMenuButton  *symbol_button;
  GtkImage       *symbol_image;
  GtkLabel       *symbol_label;
  OurSymbolPicker *symbol_picker;
  GtkDropDown    *kind_dropdown;
  GtkDropDown    *contact_dropdown;
  GtkCheckButton *emotional_check;
  GtkCheckButton *practical_check;
  GtkCheckButton *social_check;
  GtkCheckButton *crisis_check;
  GtkCheckButton *wished_check;
  GtkCheckButton *carer_check;
  GtkBox         *notes_box;
  GtkButton      *remove_button;

  OurTextField   *name_field;
  OurTextField   *relationship_field;
  OurTextField   *notes_field;
};

G_DEFINE_FINAL_TYPE (OurMemberEditor, our_member_editor, GTK_TYPE_POPOVER)

enum {
  DELETE_MEMBER,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
run_command (OurMemberEditor *self,
             OurCommand      *command)
{
  if (self->plan == NULL || self->read_only)
    {
      g_object_unref (command);
      return FALSE;
    }
  /* The window tells the person about a failure (the history's "failed"). */
  return our_session_run (self->session, command, NULL);
}

static OurCommand *
make_name_command (const char *text,
                   OurAuthor   author,
                   gpointer    user_data)
{
  OurMemberEditor *self = user_data;
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  g_autofree char *message = NULL;

  if (self->member == NULL || self->read_only)
    return NULL;

  if (*stripped == '\0')
    {
      /* TRANSLATORS: %s is the name kept when the name box was emptied */
      message = g_strdup_printf (_("A name is needed. It stays “%s” until you type a new one."),
                                 our_member_get_name (self->member));
      gtk_label_set_label (self->name_error, message);
      gtk_widget_set_visible (GTK_WIDGET (self->name_error), TRUE);
      return NULL;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->name_error), FALSE);
  return our_command_new_set_member_text (our_member_get_id (self->member),
                                          OUR_MEMBER_TEXT_NAME, text, author);
}

static OurCommand *
make_text_command (OurMemberEditor *self,
                   OurMemberText    field,
                   const char      *text,
                   OurAuthor        author)
{
  if (self->member == NULL || self->read_only)
    return NULL;
  return our_command_new_set_member_text (our_member_get_id (self->member), field, text, author);
}

static OurCommand *
make_relationship_command (const char *text,
                           OurAuthor   author,
                           gpointer    user_data)
{
  return make_text_command (user_data, OUR_MEMBER_TEXT_RELATIONSHIP, text, author);
}

static OurCommand *
make_notes_command (const char *text,
                    OurAuthor   author,
                    gpointer    user_data)
{
  return make_text_command (user_data, OUR_MEMBER_TEXT_NOTES, text, author);
}

static void
sync_title (OurMemberEditor *self)
{
  OurMemberKind kind = our_member_get_kind (self->member);

  gtk_label_set_label (self->title_label, our_member_get_name (self->member));
  if (self->title_icon != NULL)
    gtk_box_remove (self->title_box, self->title_icon);
  self->title_icon = our_member_kind_icon_new (kind, 40);
  gtk_box_prepend (self->title_box, self->title_icon);
}

/* A symbol from the library, or the kind's own picture when there is none. */
static void
sync_symbol (OurMemberEditor *self)
{
  const char *symbol = our_member_get_symbol (self->member);
  const char *label = our_symbols_get_label (symbol);
  g_autofree char *icon_name = NULL;
  g_autofree char *accessible = NULL;

  if (label != NULL)
    {
      icon_name = our_symbols_get_icon_name (symbol);
      gtk_image_set_from_icon_name (self->symbol_image, icon_name);
      gtk_label_set_label (self->symbol_label, label);
      /* TRANSLATORS: the button to change a member's symbol, for screen readers */
      accessible = g_strdup_printf (_("Picture: %s. Choose another picture"), label);
    }
  else
    {
      gtk_image_set_from_icon_name (self->symbol_image, "insert-image-symbolic");
      gtk_label_set_label (self->symbol_label, _("Choose…"));
      accessible = g_strdup (_("Choose a picture"));
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->symbol_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  our_symbol_picker_set_symbol (self->symbol_picker, label != NULL ? symbol : "");
}

static void
sync_from_model (OurMemberEditor *self)
{
  guint helps;

  if (self->member == NULL)
    return;

  self->syncing = TRUE;

  our_text_field_set_text_from_model (self->name_field,
                                      our_member_get_text (self->member, OUR_MEMBER_TEXT_NAME),
                                      our_member_get_author (self->member, OUR_MEMBER_TEXT_NAME));
  our_text_field_set_text_from_model (self->relationship_field,
                                      our_member_get_text (self->member,
                                                           OUR_MEMBER_TEXT_RELATIONSHIP),
                                      our_member_get_author (self->member,
                                                             OUR_MEMBER_TEXT_RELATIONSHIP));
  our_text_field_set_text_from_model (self->notes_field,
                                      our_member_get_text (self->member, OUR_MEMBER_TEXT_NOTES),
                                      our_member_get_author (self->member, OUR_MEMBER_TEXT_NOTES));
  gtk_drop_down_set_selected (self->kind_dropdown, our_member_get_kind (self->member));
  gtk_drop_down_set_selected (self->contact_dropdown, our_member_get_contact (self->member));

  helps = our_member_get_helps (self->member);
  gtk_check_button_set_active (self->emotional_check, helps & OUR_HELPS_EMOTIONAL);
  gtk_check_button_set_active (self->practical_check, helps & OUR_HELPS_PRACTICAL);
  gtk_check_button_set_active (self->social_check, helps & OUR_HELPS_SOCIAL);
  gtk_check_button_set_active (self->crisis_check, helps & OUR_HELPS_CRISIS);
  gtk_check_button_set_active (self->wished_check, our_member_get_wished_for (self->member));
  gtk_check_button_set_active (self->carer_check, our_member_get_is_carer (self->member));
  sync_title (self);
  sync_symbol (self);

  self->syncing = FALSE;
}

static void
member_notify_cb (OurMemberEditor *self,
                  GParamSpec      *pspec)
{
  if (g_str_equal (pspec->name, "name"))
    gtk_widget_set_visible (GTK_WIDGET (self->name_error), FALSE);
  sync_from_model (self);
}

static void
kind_selected_cb (OurMemberEditor *self)
{
  guint selected = gtk_drop_down_get_selected (self->kind_dropdown);

  if (self->syncing || self->member == NULL || selected == GTK_INVALID_LIST_POSITION ||
      selected == (guint) our_member_get_kind (self->member))
    return;
  if (!run_command (self, our_command_new_set_member_kind (our_member_get_id (self->member),
                                                           selected)))
    sync_from_model (self);
}

static void
contact_selected_cb (OurMemberEditor *self)
{
  guint selected = gtk_drop_down_get_selected (self->contact_dropdown);

  if (self->syncing || self->member == NULL || selected == GTK_INVALID_LIST_POSITION ||
      selected == (guint) our_member_get_contact (self->member))
    return;
  if (!run_command (self, our_command_new_set_member_contact (our_member_get_id (self->member),
                                                              selected)))
    sync_from_model (self);
}

static void
helps_toggled_cb (OurMemberEditor *self)
{
  guint helps = 0;

  if (self->syncing || self->member == NULL)
    return;

  if (gtk_check_button_get_active (self->emotional_check))
    helps |= OUR_HELPS_EMOTIONAL;
  if (gtk_check_button_get_active (self->practical_check))
    helps |= OUR_HELPS_PRACTICAL;
  if (gtk_check_button_get_active (self->social_check))
    helps |= OUR_HELPS_SOCIAL;
  if (gtk_check_button_get_active (self->crisis_check))
    helps |= OUR_HELPS_CRISIS;
  if (helps == our_member_get_helps (self->member))
    return;

  if (!run_command (self, our_command_new_set_member_helps (our_member_get_id (self->member),
                                                            helps)))
    sync_from_model (self);
}

static void
wished_toggled_cb (OurMemberEditor *self)
{
  gboolean active = gtk_check_button_get_active (self->wished_check);

  if (self->syncing || self->member == NULL || active == our_member_get_wished_for (self->member))
    return;
  if (!run_command (self, our_command_new_set_member_wished_for (our_member_get_id (self->member),
                                                                 active)))
    sync_from_model (self);
}

static void
carer_toggled_cb (OurMemberEditor *self)
{
  gboolean active = gtk_check_button_get_active (self->carer_check);

  if (self->syncing || self->member == NULL || active == our_member_get_is_carer (self->member))
    return;
  if (!run_command (self, our_command_new_set_member_carer (our_member_get_id (self->member),
                                                            active)))
    sync_from_model (self);
}

static void
symbol_chosen_cb (OurMemberEditor *self,
                  const char      *symbol)
{
  if (self->member == NULL || g_strcmp0 (symbol, our_member_get_symbol (self->member)) == 0)
    return;
  if (!run_command (self, our_command_new_set_member_symbol (our_member_get_id (self->member),
                                                             symbol)))
    sync_from_model (self);
}

static void
remove_clicked_cb (OurMemberEditor *self)
{
  g_autoptr(OurMember) member = NULL;

  if (self->member == NULL || self->read_only)
    return;
  member = g_object_ref (self->member);
  g_signal_emit (self, signals[DELETE_MEMBER], 0, member);
}

static void
commit_fields (OurMemberEditor *self)
{
  if (self->name_field == NULL)
    return;
  our_text_field_commit (self->name_field);
  our_text_field_commit (self->relationship_field);
  our_text_field_commit (self->notes_field);
}

static void
our_member_editor_closed (GtkPopover *popover)
{
  OurMemberEditor *self = OUR_MEMBER_EDITOR (popover);

  /* Typing still waiting for its pause is kept; an emptied name shows the
   * name that was kept. */
  commit_fields (self);
  gtk_widget_set_visible (GTK_WIDGET (self->name_error), FALSE);
  sync_from_model (self);

  if (GTK_POPOVER_CLASS (our_member_editor_parent_class)->closed != NULL)
    GTK_POPOVER_CLASS (our_member_editor_parent_class)->closed (popover);
}

static void
detach_member (OurMemberEditor *self)
{
  if (self->member != NULL)
    g_signal_handlers_disconnect_by_data (self->member, self);
  g_clear_object (&self->member);
}

static void
our_member_editor_dispose (GObject *object)
{
  OurMemberEditor *self = OUR_MEMBER_EDITOR (object);

  detach_member (self);
  g_clear_object (&self->plan);
  g_clear_object (&self->session);
  gtk_widget_dispose_template (GTK_WIDGET (self), OUR_TYPE_MEMBER_EDITOR);

  G_OBJECT_CLASS (our_member_editor_parent_class)->dispose (object);
}

static void
our_member_editor_class_init (OurMemberEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkPopoverClass *popover_class = GTK_POPOVER_CLASS (klass);

  object_class->dispose = our_member_editor_dispose;
  popover_class->closed = our_member_editor_closed;

  signals[DELETE_MEMBER] =
    g_signal_new ("delete-member", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, OUR_TYPE_MEMBER);

  g_type_ensure (OUR_TYPE_SYMBOL_PICKER);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/ourplan/OurPlan/our-member-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, OurMemberEditor, title_box);
  gtk_widget_class_bind_template_child (widget_class, OurMemberEditor, title_label);
  gtk_widget_class_bind_template_child (widget_class, OurMemberEditor, name_box);
  gtk_widget_class_bind_template_child (widget_class, OurMemberEditor, name_error);
  gtk_widget_class_bind_template_child (widget_class, OurMemberEditor, relationship_box);
  gtk_widget_class_bind_template_child (widget_class, OurMemberEditor, symbol_button);
  gtk_widget_class_bind_template_child (widget_class, OurMemberEditor, symbol_image);
  gtk_widget_class_bind_template_child (widget_class, OurMemberEditor, symbol_label);
  gtk_widget_class_bind_template_child (widget_class, OurMemberEditor, symbol_picker);
  gtk_widget_class_bind_template_child (widget_class, OurMemberEditor, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, OurMemberEditor, contact_dropdown);
  gtk_widget_class_bind_template_child (widget_class, OurMemberEditor, emotional_check);
  gtk_widget_class_bind_template_child (widget_class, OurMemberEditor, practical_check);
  gtk_widget_class_bind_template_child (widget_class, OurMemberEditor, social_check);
  gtk_widget_class_bind_template_child (widget_class, OurMemberEditor, crisis_check);
  gtk_widget_class_bind_template_child (widget_class, OurMemberEditor, wished_check);
  gtk_widget_class_bind_template_child (widget_class, OurMemberEditor, carer_check);
  gtk_widget_class_bind_template_child (widget_class, OurMemberEditor, notes_box);
  gtk_widget_class_bind_template_child (widget_class, OurMemberEditor, remove_button);
  gtk_widget_class_bind_template_callback (widget_class, kind_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, contact_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, helps_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, wished_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, carer_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, remove_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, symbol_chosen_cb);
}

static void
our_member_editor_init (OurMemberEditor *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) contacts = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < OUR_N_MEMBER_KINDS; i++)
    gtk_string_list_append (kinds, our_member_kind_get_label (i));
  for (guint i = 0; i < OUR_N_CONTACTS; i++)
    gtk_string_list_append (contacts, our_contact_get_label (i));
  self->syncing = TRUE;
  gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (kinds));
  gtk_drop_down_set_model (self->contact_dropdown, G_LIST_MODEL (contacts));
  self->syncing = FALSE;

  self->name_field = OUR_TEXT_FIELD (our_text_field_new (_("Name"), FALSE));
  our_text_field_set_command_func (self->name_field, make_name_command, self, NULL);
  gtk_box_append (self->name_box, GTK_WIDGET (self->name_field));

  self->relationship_field = OUR_TEXT_FIELD (our_text_field_new (_("Who they are to me"), FALSE));
  our_text_field_set_placeholder (self->relationship_field,
                                  _("For example: my sister, drop-in on Tuesdays"));
  our_text_field_set_command_func (self->relationship_field, make_relationship_command, self, NULL);
  gtk_box_append (self->relationship_box, GTK_WIDGET (self->relationship_field));

  self->notes_field = OUR_TEXT_FIELD (our_text_field_new (_("Notes"), TRUE));
  our_text_field_set_command_func (self->notes_field, make_notes_command, self, NULL);
  gtk_box_append (self->notes_box, GTK_WIDGET (self->notes_field));
}

GtkWidget *
our_member_editor_new (void)
{
  return g_object_new (OUR_TYPE_MEMBER_EDITOR, NULL);
}

void
our_member_editor_set_member (OurMemberEditor *self,
                              OurSession      *session,
                              OurMember       *member)
{
  OurPlan *plan = session != NULL ? our_session_get_plan (session) : NULL;

  g_return_if_fail (OUR_IS_MEMBER_EDITOR (self));
  g_return_if_fail (session == NULL || OUR_IS_SESSION (session));
  g_return_if_fail (member == NULL || OUR_IS_MEMBER (member));

  if (self->member == member && self->session == session)
    return;

  /* Whatever was typed for the previous member is theirs. */
  commit_fields (self);
  detach_member (self);
  g_set_object (&self->plan, plan);
  g_set_object (&self->session, session);
  our_text_field_set_session (self->name_field, session);
  our_text_field_set_session (self->relationship_field, session);
  our_text_field_set_session (self->notes_field, session);
  gtk_widget_set_visible (GTK_WIDGET (self->name_error), FALSE);

  if (member != NULL)
    {
      self->member = g_object_ref (member);
      g_signal_connect_object (member, "notify", G_CALLBACK (member_notify_cb), self,
                               G_CONNECT_SWAPPED);
      sync_from_model (self);
    }
}

OurMember *
our_member_editor_get_member (OurMemberEditor *self)
{
  g_return_val_if_fail (OUR_IS_MEMBER_EDITOR (self), NULL);
  return self->member;
}

void
our_member_editor_set_read_only (OurMemberEditor *self,
                                 gboolean         read_only)
{
  GtkWidget *controls[] = {
    GTK_WIDGET (self->kind_dropdown), GTK_WIDGET (self->contact_dropdown),
    GTK_WIDGET (self->emotional_check), GTK_WIDGET (self->practical_check),
    GTK_WIDGET (self->social_check), GTK_WIDGET (self->crisis_check),
    GTK_WIDGET (self->wished_check), GTK_WIDGET (self->carer_check),
    GTK_WIDGET (self->symbol_button),
  };

  g_return_if_fail (OUR_IS_MEMBER_EDITOR (self));

  self->read_only = !!read_only;
  for (guint i = 0; i < G_N_ELEMENTS (controls); i++)
    gtk_widget_set_sensitive (controls[i], !self->read_only);
  g_object_set (self->name_field, "editable", !self->read_only, NULL);
  g_object_set (self->relationship_field, "editable", !self->read_only, NULL);
  g_object_set (self->notes_field, "editable", !self->read_only, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->remove_button), !self->read_only);
}

void
our_member_editor_focus_name (OurMemberEditor *self)
{
  g_return_if_fail (OUR_IS_MEMBER_EDITOR (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->name_field));
}
