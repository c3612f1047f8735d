/* our-people-view.c: the "My people" tab: the network diagram, a list of the same members, a summary
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "our-command.h"
#include "our-member-widget.h"
#include "our-network-summary.h"
#include "our-network-view.h"
#include "our-people-view.h"

struct _OurPeopleView
{
  GtkWidget          parent_instance;

  OurSession        *session;
  OurPlan           *plan;         /* the session's */
  gboolean           read_only;
  guint              summary_source;

  GtkSortListModel  *sorted;
  GtkCustomSorter   *sorter;

  GtkToggleButton   *list_toggle;
  GtkMenuButton     *add_button;
  OurNetworkView    *network;
  GtkRevealer       *list_revealer;
  GtkListBox        *list_box;
  GtkLabel          *summary_label;
};

G_DEFINE_FINAL_TYPE (OurPeopleView, our_people_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_READ_ONLY,
  PROP_SHOW_LIST,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Summary */

static gboolean
update_summary_cb (gpointer user_data)
{
  OurPeopleView *self = user_data;
  g_autofree char *summary = NULL;

  self->summary_source = 0;
  if (self->summary_label == NULL)
    return G_SOURCE_REMOVE;
  if (self->plan != NULL)
    summary = our_network_summary (self->plan);
  gtk_label_set_label (self->summary_label, summary ? summary : "");
  return G_SOURCE_REMOVE;
}

/* Many members may change at once (undo, a file opening): one update. */
static void
queue_summary (OurPeopleView *self)
{
  if (self->summary_source == 0 && self->summary_label != NULL)
    self->summary_source = g_idle_add_full (G_PRIORITY_DEFAULT, update_summary_cb, self, NULL);
}

/* The list: closest ring first, clockwise from the top, as the diagram reads */

static int
compare_members (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  OurMember *ma = OUR_MEMBER ((gpointer) a);
  OurMember *mb = OUR_MEMBER ((gpointer) b);
  double aa = our_member_get_angle (ma), ab = our_member_get_angle (mb);

  if (our_member_get_ring (ma) != our_member_get_ring (mb))
    return our_member_get_ring (ma) < our_member_get_ring (mb) ? -1 : 1;
  return aa < ab ? -1 : aa > ab ? 1 : 0;
}

static char *
describe_for_list (OurMember *member)
{
  g_autofree char *helps = our_helps_describe (our_member_get_helps (member));
  const char *relationship = our_member_get_text (member, OUR_MEMBER_TEXT_RELATIONSHIP);
  OurContact contact = our_member_get_contact (member);
  GString *text = g_string_new (NULL);

  if (relationship != NULL && *relationship != '\0')
    g_string_append (text, relationship);
  else
    g_string_append (text, our_member_kind_get_label (our_member_get_kind (member)));
  if (*helps != '\0')
    {
      g_string_append (text, " · ");
      /* TRANSLATORS: in the list of members, e.g. "helps with: emotional, practical" */
      g_string_append_printf (text, _("helps with: %s"), helps);
    }
  if (contact != OUR_CONTACT_UNKNOWN)
    {
      g_string_append (text, " · ");
      g_string_append (text, our_contact_get_label (contact));
    }
  if (our_member_get_wished_for (member))
    {
      g_string_append (text, " · ");
      g_string_append (text, _("I’d like more of this"));
    }
  if (our_member_get_is_carer (member))
    {
      g_string_append (text, " · ");
      g_string_append (text, _("carer"));
    }

  return g_string_free (text, FALSE);
}

static void
sync_row (AdwActionRow *row,
          OurMember    *member)
{
  g_autofree char *subtitle = describe_for_list (member);
  GtkWidget *icon = g_object_get_data (G_OBJECT (row), "kind-icon");
  OurMemberKind kind = our_member_get_kind (member);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), our_member_get_name (member));
  adw_action_row_set_subtitle (row, subtitle);
  if (icon == NULL || GPOINTER_TO_INT (g_object_get_data (G_OBJECT (icon), "kind")) != (int) kind)
    {
      if (icon != NULL)
        adw_action_row_remove (row, icon);
      icon = our_member_kind_icon_new (kind, 32);
      g_object_set_data (G_OBJECT (icon), "kind", GINT_TO_POINTER (kind));
      adw_action_row_add_prefix (row, icon);
      g_object_set_data (G_OBJECT (row), "kind-icon", icon);
    }
}

static void
row_member_notify_cb (AdwActionRow *row,
                      GParamSpec   *pspec,
                      OurMember    *member)
{
  sync_row (row, member);
}

static void
move_clicked_cb (GtkButton *button,
                 OurMember *member)
{
  OurPeopleView *self = OUR_PEOPLE_VIEW (gtk_widget_get_ancestor (GTK_WIDGET (button),
                                                                  OUR_TYPE_PEOPLE_VIEW));
  int delta = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "delta"));
  int ring = (int) our_member_get_ring (member) + delta;

  if (self == NULL || self->plan == NULL || self->read_only ||
      ring < OUR_RING_CLOSEST || ring > OUR_RING_FURTHER)
    return;

  our_session_run_alone (self->session,
                         our_command_new_place_member (our_member_get_id (member), ring,
                                                       our_member_get_angle (member)),
                         NULL);
}

static void
update_move_buttons (GtkWidget *row,
                     OurMember *member)
{
  GtkWidget *closer = g_object_get_data (G_OBJECT (row), "closer");
  GtkWidget *further = g_object_get_data (G_OBJECT (row), "further");
  OurPeopleView *self = OUR_PEOPLE_VIEW (gtk_widget_get_ancestor (row, OUR_TYPE_PEOPLE_VIEW));
  gboolean writable = self == NULL || !self->read_only;

  gtk_widget_set_visible (closer, writable);
  gtk_widget_set_visible (further, writable);
  gtk_widget_set_sensitive (closer, our_member_get_ring (member) > OUR_RING_CLOSEST);
  gtk_widget_set_sensitive (further, our_member_get_ring (member) < OUR_RING_FURTHER);
}

static GtkWidget *
make_move_button (OurMember  *member,
                  const char *icon_name,
                  const char *tooltip,
                  int         delta)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "circular");
  g_object_set_data (G_OBJECT (button), "delta", GINT_TO_POINTER (delta));
  g_signal_connect_object (button, "clicked", G_CALLBACK (move_clicked_cb), member, 0);
  return button;
}

static void
row_ring_notify_cb (GtkWidget  *row,
                    GParamSpec *pspec,
                    OurMember  *member)
{
  update_move_buttons (row, member);
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  OurMember *member = OUR_MEMBER (item);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *closer, *further;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "member", g_object_ref (member), g_object_unref);

  closer = make_move_button (member, "go-up-symbolic", _("Move closer"), -1);
  further = make_move_button (member, "go-down-symbolic", _("Move further out"), 1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), closer);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), further);
  g_object_set_data (G_OBJECT (row), "closer", closer);
  g_object_set_data (G_OBJECT (row), "further", further);

  sync_row (ADW_ACTION_ROW (row), member);
  update_move_buttons (row, member);
  g_signal_connect_object (member, "notify", G_CALLBACK (row_member_notify_cb), row,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (member, "notify::ring", G_CALLBACK (row_ring_notify_cb), row,
                           G_CONNECT_SWAPPED);
  return row;
}

/* A heading over the first member of each ring. */
static void
header_cb (GtkListBoxRow *row,
           GtkListBoxRow *before,
           gpointer       user_data)
{
  OurMember *member = g_object_get_data (G_OBJECT (row), "member");
  OurMember *previous = before ? g_object_get_data (G_OBJECT (before), "member") : NULL;
  GtkWidget *header;

  if (member == NULL ||
      (previous != NULL && our_member_get_ring (previous) == our_member_get_ring (member)))
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  header = gtk_label_new (our_ring_get_label (our_member_get_ring (member)));
  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_widget_add_css_class (header, "heading");
  gtk_widget_set_margin_start (header, 12);
  gtk_widget_set_margin_top (header, 12);
  gtk_widget_set_margin_bottom (header, 6);
  gtk_list_box_row_set_header (row, header);
}

static void
row_activated_cb (OurPeopleView *self,
                  GtkListBoxRow *row)
{
  OurMember *member = g_object_get_data (G_OBJECT (row), "member");

  if (member != NULL)
    {
      our_network_view_select (self->network, member, FALSE);
      our_network_view_edit_member (self->network, member, FALSE);
    }
}

static void
member_notify_cb (OurPeopleView *self,
                  GParamSpec    *pspec,
                  OurMember     *member)
{
  if (g_str_equal (pspec->name, "ring") || g_str_equal (pspec->name, "angle"))
    gtk_sorter_changed (GTK_SORTER (self->sorter), GTK_SORTER_CHANGE_DIFFERENT);
  queue_summary (self);
}

static void
watch_members (OurPeopleView *self,
               guint          position,
               guint          added)
{
  GListModel *members = our_plan_get_members (self->plan);

  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(OurMember) member = g_list_model_get_item (members, i);

      if (g_signal_handler_find (member, G_SIGNAL_MATCH_FUNC | G_SIGNAL_MATCH_DATA, 0, 0, NULL,
                                 member_notify_cb, self) == 0)
        g_signal_connect_object (member, "notify", G_CALLBACK (member_notify_cb), self,
                                 G_CONNECT_SWAPPED);
    }
}

static void
members_changed_cb (OurPeopleView *self,
                    guint          position,
                    guint          removed,
                    guint          added)
{
  watch_members (self, position, added);
  queue_summary (self);
}

/* Adding */

static void
add_action_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  OurPeopleView *self = OUR_PEOPLE_VIEW (widget);
  const char *key = parameter != NULL ? g_variant_get_string (parameter, NULL) : "person";
  OurMemberKind kind = OUR_MEMBER_KIND_PERSON;

  for (guint i = 0; i < OUR_N_MEMBER_KINDS; i++)
    if (g_str_equal (key, our_member_kind_get_key (i)))
      kind = i;

  gtk_menu_button_popdown (self->add_button);
  our_network_view_add_member (self->network, kind);
}

/* The kind chooser: each kind with its picture, as in the diagram. */
static GtkWidget *
build_kind_chooser (void)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *heading = gtk_label_new (_("Add to My people"));

  gtk_widget_add_css_class (heading, "heading");
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_set_margin_start (heading, 8);
  gtk_widget_set_margin_bottom (heading, 6);
  gtk_box_append (GTK_BOX (box), heading);

  for (guint i = 0; i < OUR_N_MEMBER_KINDS; i++)
    {
      GtkWidget *button = gtk_button_new ();
      GtkWidget *content = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *label = gtk_label_new (our_member_kind_get_label (i));

      gtk_box_append (GTK_BOX (content), our_member_kind_icon_new (i, 32));
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_box_append (GTK_BOX (content), label);
      gtk_button_set_child (GTK_BUTTON (button), content);
      gtk_widget_add_css_class (button, "flat");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "people.add");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", our_member_kind_get_key (i));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      our_member_kind_get_label (i),
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
set_read_only (OurPeopleView *self,
               gboolean       read_only)
{
  read_only = !!read_only;
  if (self->read_only == read_only)
    return;

  self->read_only = read_only;
  our_network_view_set_read_only (self->network, read_only);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "people.add",
                                 self->plan != NULL && !read_only);
  gtk_widget_set_visible (GTK_WIDGET (self->add_button), !read_only);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list_box));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      OurMember *member = g_object_get_data (G_OBJECT (row), "member");

      if (member != NULL)
        update_move_buttons (row, member);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
}



static void
disconnect_plan (OurPeopleView *self)
{
  GListModel *members;

  if (self->plan == NULL)
    return;

  members = our_plan_get_members (self->plan);
  g_signal_handlers_disconnect_by_data (members, self);
  for (guint i = 0; i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr(OurMember) member = g_list_model_get_item (members, i);
      g_signal_handlers_disconnect_by_data (member, self);
    }
}

static void
our_people_view_dispose (GObject *object)
{
  OurPeopleView *self = OUR_PEOPLE_VIEW (object);

  g_clear_handle_id (&self->summary_source, g_source_remove);
  disconnect_plan (self);
  if (self->list_box != NULL)
    gtk_list_box_bind_model (self->list_box, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), OUR_TYPE_PEOPLE_VIEW);
  /* The template's outer box has no id, so unparent whatever is left. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self)));)
    gtk_widget_unparent (child);
  g_clear_handle_id (&self->summary_source, g_source_remove);
  g_clear_object (&self->sorted);
  g_clear_object (&self->sorter);
  g_clear_object (&self->plan);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (our_people_view_parent_class)->dispose (object);
}

static void
our_people_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  OurPeopleView *self = OUR_PEOPLE_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION: g_value_set_object (value, self->session); break;
    case PROP_READ_ONLY: g_value_set_boolean (value, self->read_only); break;
    case PROP_SHOW_LIST:
      g_value_set_boolean (value, gtk_toggle_button_get_active (self->list_toggle));
      break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
our_people_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  OurPeopleView *self = OUR_PEOPLE_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION: our_people_view_set_session (self, g_value_get_object (value)); break;
    case PROP_READ_ONLY: set_read_only (self, g_value_get_boolean (value)); break;
    case PROP_SHOW_LIST:
      gtk_toggle_button_set_active (self->list_toggle, g_value_get_boolean (value));
      break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
list_toggled_cb (OurPeopleView *self)
{
  gtk_revealer_set_reveal_child (self->list_revealer,
                                 gtk_toggle_button_get_active (self->list_toggle));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_LIST]);
}

static void
our_people_view_class_init (OurPeopleViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = our_people_view_dispose;
  object_class->get_property = our_people_view_get_property;
  object_class->set_property = our_people_view_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, OUR_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_LIST] =
    g_param_spec_boolean ("show-list", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (OUR_TYPE_NETWORK_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/ourplan/OurPlan/our-people-view.ui");
  gtk_widget_class_bind_template_child (widget_class, OurPeopleView, list_toggle);
  gtk_widget_class_bind_template_child (widget_class, OurPeopleView, add_button);
  gtk_widget_class_bind_template_child (widget_class, OurPeopleView, network);
  gtk_widget_class_bind_template_child (widget_class, OurPeopleView, list_revealer);
  gtk_widget_class_bind_template_child (widget_class, OurPeopleView, list_box);
  gtk_widget_class_bind_template_child (widget_class, OurPeopleView, summary_label);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "people.add", "s", add_action_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "peopleview");
}

static void
our_people_view_init (OurPeopleView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_menu_button_set_popover (self->add_button, build_kind_chooser ());
  g_signal_connect_object (self->list_toggle, "toggled", G_CALLBACK (list_toggled_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_list_box_set_header_func (self->list_box, header_cb, NULL, NULL);
  self->sorter = gtk_custom_sorter_new (compare_members, NULL, NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "people.add", FALSE);
  update_summary_cb (self);
}

GtkWidget *
our_people_view_new (void)
{
  return g_object_new (OUR_TYPE_PEOPLE_VIEW, NULL);
}

void
our_people_view_set_session (OurPeopleView *self,
                             OurSession    *session)
{
  OurPlan *plan = session != NULL ? our_session_get_plan (session) : NULL;
  GListModel *members;

  g_return_if_fail (OUR_IS_PEOPLE_VIEW (self));
  g_return_if_fail (session == NULL || OUR_IS_SESSION (session));

  if (self->session == session)
    return;

  disconnect_plan (self);
  gtk_list_box_bind_model (self->list_box, NULL, NULL, NULL, NULL);
  g_clear_object (&self->sorted);
  g_set_object (&self->plan, plan);
  g_set_object (&self->session, session);
  set_read_only (self, session != NULL && our_session_get_read_only (session));
  our_network_view_set_session (self->network, session);

  if (plan != NULL)
    {
      members = our_plan_get_members (plan);
      self->sorted = gtk_sort_list_model_new (g_object_ref (members),
                                              g_object_ref (GTK_SORTER (self->sorter)));
      gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (self->sorted),
                               create_row_cb, self, NULL);
      watch_members (self, 0, g_list_model_get_n_items (members));
      g_signal_connect_object (members, "items-changed", G_CALLBACK (members_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "people.add",
                                 plan != NULL && !self->read_only);
  update_summary_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

OurPlan *
our_people_view_get_plan (OurPeopleView *self)
{
  g_return_val_if_fail (OUR_IS_PEOPLE_VIEW (self), NULL);
  return self->plan;
}

GtkWidget *
our_people_view_get_network (OurPeopleView *self)
{
  g_return_val_if_fail (OUR_IS_PEOPLE_VIEW (self), NULL);
  return GTK_WIDGET (self->network);
}

GtkWidget *
our_people_view_get_list (OurPeopleView *self)
{
  g_return_val_if_fail (OUR_IS_PEOPLE_VIEW (self), NULL);
  return GTK_WIDGET (self->list_box);
}

const char *
our_people_view_get_summary (OurPeopleView *self)
{
  g_return_val_if_fail (OUR_IS_PEOPLE_VIEW (self), NULL);

  /* A change may still be waiting for its idle update. */
  if (self->summary_source != 0)
    {
      g_clear_handle_id (&self->summary_source, g_source_remove);
      update_summary_cb (self);
    }
  return gtk_label_get_label (self->summary_label);
}
