/* our-text-field.c: an editable piece of plan text that says who wrote it and saves itself
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "our-history.h"
#include "our-text-field.h"
#include "our-limits.h"
#include "our-toast.h"

/* Typing is saved after this pause, well inside the one second promised. */

struct _OurTextField
{
  GtkWidget           parent_instance;

  GtkWidget          *heading_label;
  GtkWidget          *editor;        /* GtkEntry or GtkTextView */
  GtkWidget          *author_label;

  OurSession         *session;
  char               *heading;
  char               *model_text;    /* what the plan holds, as last seen */
  char               *shown_text;    /* for our_text_field_get_text() */
  char               *placeholder;
  OurAuthor           model_author;
  gboolean            multiline;
  gboolean            updating;      /* showing the model's text, not typing */
  gboolean            inserting_cut; /* putting in the part of a paste that fits */
  guint               commit_source;
  GBinding           *read_only_binding;

  OurTextCommandFunc  command_func;
  gpointer            command_data;
  GDestroyNotify      command_destroy;
};

G_DEFINE_FINAL_TYPE (OurTextField, our_text_field, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_HEADING,
  PROP_MULTILINE,
  PROP_PLACEHOLDER,
  PROP_SESSION,
  PROP_EDITABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
editor_get_text (OurTextField *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  if (!self->multiline)
    return g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->editor)));

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->editor));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
editor_set_text (OurTextField *self,
                 const char   *text)
{
  self->updating = TRUE;
  if (self->multiline)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->editor)), text, -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (self->editor), text);
  self->updating = FALSE;
}

static void
update_author_label (OurTextField *self)
{
  gboolean has_text = self->model_text != NULL && self->model_text[0] != '\0';
  const char *label = our_author_get_label (self->model_author);

  gtk_label_set_label (GTK_LABEL (self->author_label), has_text ? label : "");
  gtk_widget_set_visible (self->author_label, has_text);
  gtk_widget_remove_css_class (self->author_label, "person");
  gtk_widget_remove_css_class (self->author_label, "coordinator");
  gtk_widget_add_css_class (self->author_label,
                            self->model_author == OUR_AUTHOR_PERSON ? "person" : "coordinator");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->editor),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, has_text ? label : "",
                                  -1);
}

void
our_text_field_commit (OurTextField *self)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  OurCommand *command;

  g_return_if_fail (OUR_IS_TEXT_FIELD (self));

  g_clear_handle_id (&self->commit_source, g_source_remove);

  if (self->session == NULL || self->command_func == NULL)
    return;

  text = editor_get_text (self);
  if (g_strcmp0 (text, self->model_text) == 0)
    return;

  command = self->command_func (text, our_session_get_author (self->session),
                                self->command_data);
  if (command == NULL)
    return;

  if (our_session_run (self->session, command, &error) ||
      g_error_matches (error, OUR_HISTORY_ERROR, OUR_HISTORY_ERROR_ONLY_IN_WINDOW))
    {
      /* The plan now holds our words; the owner's notify handler will tell us
       * the same through set_text_from_model(), which is then a no-op. */
      g_free (self->model_text);
      self->model_text = g_steal_pointer (&text);
      update_author_label (self);
    }
  else
    {
      /* Not saved: show what the plan really holds. The window has already
       * told the person why, through the history's "failed" signal. */
      editor_set_text (self, self->model_text ? self->model_text : "");
    }
}

static gboolean
commit_timeout_cb (gpointer user_data)
{
  OurTextField *self = user_data;

  self->commit_source = 0;
  our_text_field_commit (self);
  return G_SOURCE_REMOVE;
}

static void
editor_changed_cb (OurTextField *self)
{
  if (self->updating)
    return;
  g_clear_handle_id (&self->commit_source, g_source_remove);
  self->commit_source = g_timeout_add (OUR_TEXT_FIELD_SAVE_DELAY_MS, commit_timeout_cb, self);
}

/* The model keeps no more than OUR_MAX_TEXT_CHARS (our-limits.h): the
 * editor takes no more either, so what is shown is what is saved. */
static void
buffer_insert_text_cb (GtkTextBuffer *buffer,
                       GtkTextIter   *where,
                       const char    *text,
                       int            length,
                       OurTextField  *self)
{
  int room = OUR_MAX_TEXT_CHARS - gtk_text_buffer_get_char_count (buffer);
  gsize keep;

  if (self->inserting_cut || self->updating)
    return;
  if (length < 0)
    length = (int) strlen (text);
  keep = our_text_cut_length (text, (gsize) MAX (room, 0));
  if (keep >= (gsize) length)
    return;

  g_signal_stop_emission_by_name (buffer, "insert-text");
  if (keep > 0)
    {
      self->inserting_cut = TRUE;
      gtk_text_buffer_insert (buffer, where, text, (int) keep);
      self->inserting_cut = FALSE;
    }
  our_toast_show (GTK_WIDGET (self), _("This is as much writing as one part of the plan can hold."));
}

static void
focus_enter_cb (OurTextField *self)
{
  /* Each visit to a field is one edit session: one undo step, however
   * many pauses the typing has. */
  if (self->session != NULL)
    {
      g_autofree char *key = g_strdup_printf ("text-field:%p", (gpointer) self);
      our_session_begin_edit (self->session, key);
    }
}

static void
focus_leave_cb (OurTextField *self)
{
  our_text_field_commit (self);
  if (self->session != NULL)
    our_session_end_edit (self->session);
}

static void
our_text_field_unmap (GtkWidget *widget)
{
  OurTextField *self = OUR_TEXT_FIELD (widget);

  our_text_field_commit (self);

  GTK_WIDGET_CLASS (our_text_field_parent_class)->unmap (widget);
}

static gboolean
our_text_field_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (OUR_TEXT_FIELD (widget)->editor);
}

static void
set_editable (OurTextField *self,
              gboolean      editable)
{
  if (self->multiline)
    gtk_text_view_set_editable (GTK_TEXT_VIEW (self->editor), editable);
  else
    gtk_editable_set_editable (GTK_EDITABLE (self->editor), editable);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITABLE]);
}

static gboolean
get_editable (OurTextField *self)
{
  if (self->multiline)
    return gtk_text_view_get_editable (GTK_TEXT_VIEW (self->editor));
  return gtk_editable_get_editable (GTK_EDITABLE (self->editor));
}

static void
build_editor (OurTextField *self)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  if (self->multiline)
    {
      GtkTextBuffer *buffer;

      self->editor = gtk_text_view_new ();
      gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (self->editor), GTK_WRAP_WORD_CHAR);
      gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (self->editor), FALSE);
      gtk_text_view_set_top_margin (GTK_TEXT_VIEW (self->editor), 10);
      gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (self->editor), 10);
      gtk_text_view_set_left_margin (GTK_TEXT_VIEW (self->editor), 12);
      gtk_text_view_set_right_margin (GTK_TEXT_VIEW (self->editor), 12);
      buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->editor));
      /* Undo belongs to the plan's history, which also saves. */
      gtk_text_buffer_set_enable_undo (buffer, FALSE);
      g_signal_connect_object (buffer, "changed", G_CALLBACK (editor_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (buffer, "insert-text", G_CALLBACK (buffer_insert_text_cb), self, 0);
    }
  else
    {
      self->editor = gtk_entry_new ();
      gtk_entry_set_max_length (GTK_ENTRY (self->editor), OUR_MAX_TEXT_CHARS);
      gtk_editable_set_enable_undo (GTK_EDITABLE (self->editor), FALSE);
      g_signal_connect_object (self->editor, "changed", G_CALLBACK (editor_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->editor, "activate", G_CALLBACK (our_text_field_commit), self,
                               G_CONNECT_SWAPPED);
    }

  gtk_widget_add_css_class (self->editor, "our-text-editor");
  g_signal_connect_object (focus, "enter", G_CALLBACK (focus_enter_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (focus, "leave", G_CALLBACK (focus_leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (self->editor, focus);
  gtk_widget_insert_after (self->editor, GTK_WIDGET (self), self->heading_label);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->editor),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, self->heading_label, NULL,
                                  -1);
}

static void
our_text_field_constructed (GObject *object)
{
  OurTextField *self = OUR_TEXT_FIELD (object);

  G_OBJECT_CLASS (our_text_field_parent_class)->constructed (object);

  build_editor (self);
  update_author_label (self);
}

static void
our_text_field_dispose (GObject *object)
{
  OurTextField *self = OUR_TEXT_FIELD (object);

  g_clear_handle_id (&self->commit_source, g_source_remove);
  g_clear_pointer (&self->read_only_binding, g_binding_unbind);
  g_clear_pointer (&self->heading_label, gtk_widget_unparent);
  g_clear_pointer (&self->editor, gtk_widget_unparent);
  g_clear_pointer (&self->author_label, gtk_widget_unparent);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);
  if (self->command_destroy)
    g_clear_pointer (&self->command_data, self->command_destroy);
  self->command_func = NULL;

  G_OBJECT_CLASS (our_text_field_parent_class)->dispose (object);
}

static void
our_text_field_finalize (GObject *object)
{
  OurTextField *self = OUR_TEXT_FIELD (object);

  g_free (self->heading);
  g_free (self->model_text);
  g_free (self->shown_text);
  g_free (self->placeholder);

  G_OBJECT_CLASS (our_text_field_parent_class)->finalize (object);
}

static void
our_text_field_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  OurTextField *self = OUR_TEXT_FIELD (object);

  switch (prop_id)
    {
    case PROP_HEADING: g_value_set_string (value, self->heading); break;
    case PROP_MULTILINE: g_value_set_boolean (value, self->multiline); break;
    case PROP_SESSION: g_value_set_object (value, self->session); break;
    case PROP_EDITABLE: g_value_set_boolean (value, get_editable (self)); break;
    case PROP_PLACEHOLDER: g_value_set_string (value, self->placeholder); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
our_text_field_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  OurTextField *self = OUR_TEXT_FIELD (object);

  switch (prop_id)
    {
    case PROP_HEADING:
      g_free (self->heading);
      self->heading = g_value_dup_string (value);
      gtk_label_set_label (GTK_LABEL (self->heading_label), self->heading ? self->heading : "");
      gtk_widget_set_visible (self->heading_label, self->heading && *self->heading);
      break;
    case PROP_MULTILINE:
      self->multiline = g_value_get_boolean (value);
      break;
    case PROP_SESSION:
      our_text_field_set_session (self, g_value_get_object (value));
      break;
    case PROP_EDITABLE:
      set_editable (self, g_value_get_boolean (value));
      break;
    case PROP_PLACEHOLDER:
      our_text_field_set_placeholder (self, g_value_get_string (value));
      break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
our_text_field_class_init (OurTextFieldClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = our_text_field_constructed;
  object_class->dispose = our_text_field_dispose;
  object_class->finalize = our_text_field_finalize;
  object_class->get_property = our_text_field_get_property;
  object_class->set_property = our_text_field_set_property;
  widget_class->unmap = our_text_field_unmap;
  widget_class->grab_focus = our_text_field_grab_focus;

  properties[PROP_HEADING] =
    g_param_spec_string ("heading", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_STATIC_STRINGS);
  properties[PROP_MULTILINE] =
    g_param_spec_boolean ("multiline", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PLACEHOLDER] =
    g_param_spec_string ("placeholder", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, OUR_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EDITABLE] =
    g_param_spec_boolean ("editable", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "our-text-field");
}

static void
our_text_field_init (OurTextField *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 6);

  self->heading_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->heading_label), 0);
  gtk_label_set_wrap (GTK_LABEL (self->heading_label), TRUE);
  gtk_widget_add_css_class (self->heading_label, "heading");
  gtk_widget_set_parent (self->heading_label, GTK_WIDGET (self));

  self->author_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->author_label), 0);
  gtk_widget_add_css_class (self->author_label, "caption");
  gtk_widget_add_css_class (self->author_label, "our-author");
  gtk_widget_set_parent (self->author_label, GTK_WIDGET (self));
}

GtkWidget *
our_text_field_new (const char *heading,
                    gboolean    multiline)
{
  return g_object_new (OUR_TYPE_TEXT_FIELD, "heading", heading, "multiline", multiline, NULL);
}

void
our_text_field_set_session (OurTextField *self,
                            OurSession   *session)
{
  g_return_if_fail (OUR_IS_TEXT_FIELD (self));
  g_return_if_fail (!session || OUR_IS_SESSION (session));

  if (self->session == session)
    return;
  if (self->session != NULL)
    {
      our_text_field_commit (self);
      g_signal_handlers_disconnect_by_data (self->session, self);
    }
  g_clear_pointer (&self->read_only_binding, g_binding_unbind);
  g_set_object (&self->session, session);
  if (session != NULL)
    {
      self->read_only_binding =
        g_object_bind_property (session, "read-only", self, "editable",
                                G_BINDING_SYNC_CREATE | G_BINDING_INVERT_BOOLEAN);
      /* Typing waiting for its pause is run before the author changes,
       * before undo and before the plan closes. */
      g_signal_connect_object (session, "commit-pending", G_CALLBACK (our_text_field_commit),
                               self, G_CONNECT_SWAPPED);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

void
our_text_field_set_command_func (OurTextField       *self,
                                 OurTextCommandFunc  func,
                                 gpointer            user_data,
                                 GDestroyNotify      destroy)
{
  g_return_if_fail (OUR_IS_TEXT_FIELD (self));

  if (self->command_destroy)
    self->command_destroy (self->command_data);
  self->command_func = func;
  self->command_data = user_data;
  self->command_destroy = destroy;
}

void
our_text_field_set_text_from_model (OurTextField *self,
                                    const char   *text,
                                    OurAuthor     author)
{
  g_autofree char *shown = NULL;

  g_return_if_fail (OUR_IS_TEXT_FIELD (self));

  if (text == NULL)
    text = "";

  g_free (self->model_text);
  self->model_text = g_strdup (text);
  self->model_author = author;
  update_author_label (self);

  /* Replacing the text under the cursor would lose typing that is still
   * waiting for its pause; that typing is committed before undo runs. */
  shown = editor_get_text (self);
  if (g_strcmp0 (shown, text) != 0)
    {
      g_clear_handle_id (&self->commit_source, g_source_remove);
      editor_set_text (self, text);
    }
}

const char *
our_text_field_get_text (OurTextField *self)
{
  g_return_val_if_fail (OUR_IS_TEXT_FIELD (self), NULL);

  g_free (self->shown_text);
  self->shown_text = editor_get_text (self);
  return self->shown_text;
}

void
our_text_field_set_placeholder (OurTextField *self,
                                const char   *placeholder)
{
  g_return_if_fail (OUR_IS_TEXT_FIELD (self));

  our_set_string (&self->placeholder, placeholder);
  if (!self->multiline)
    gtk_entry_set_placeholder_text (GTK_ENTRY (self->editor), placeholder);
  else
    gtk_widget_set_tooltip_text (self->editor, placeholder);
}
