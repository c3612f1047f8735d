/* our-plan-view.c: the tabs of one open plan and the "who is writing" choice
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "our-goals-view.h"
#include "our-me-view.h"
#include "our-people-view.h"
#include "our-board-view.h"
#include "our-safety-view.h"
#include "our-plan-view.h"
#include "our-text-field.h"

enum { TAB_ME, TAB_GOALS, TAB_PEOPLE, TAB_BOARD, TAB_SAFETY, N_TABS };

struct _OurPlanView
{
  GtkWidget            parent_instance;

  AdwHeaderBar        *header_bar;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewStack        *stack;
  GtkToggleButton     *person_toggle;
  GtkToggleButton     *coordinator_toggle;
  GtkRevealer         *read_only_revealer;
  GtkLabel            *read_only_label;
  /* One AdwBin per tab in the template; the tab's view goes in it when the
   * tab is first shown (NULL until then). */
  AdwBin              *pages[N_TABS];
  GtkWidget           *views[N_TABS];

  OurPlan             *plan;
  OurAuthor            author;
  gboolean             read_only;
};

G_DEFINE_FINAL_TYPE (OurPlanView, our_plan_view, GTK_TYPE_WIDGET)

/* In the order of the template's pages: the page's name and its AdwBin's id. */
static const struct
{
  const char *name;
  const char *page_id;
  GtkWidget *(*new_view) (void);
} tabs[N_TABS] = {
  [TAB_ME] = { "me", "me_page", our_me_view_new },
  [TAB_GOALS] = { "goals", "goals_page", our_goals_view_new },
  [TAB_PEOPLE] = { "people", "people_page", our_people_view_new },
  [TAB_BOARD] = { "board", "board_page", our_board_view_new },
  [TAB_SAFETY] = { "safety", "safety_page", our_safety_view_new },
};

enum {
  PROP_0,
  PROP_PLAN,
  PROP_AUTHOR,
  PROP_READ_ONLY,
  PROP_STACK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_person_toggle (OurPlanView *self)
{
  const char *name = self->plan ? our_plan_get_name (self->plan) : "";
  g_autofree char *tooltip = NULL;

  gtk_button_set_label (GTK_BUTTON (self->person_toggle),
                        name[0] != '\0' ? name : _("The person"));
  tooltip = g_strdup_printf (_("Mark what is typed now as written by %s, in their own words"),
                             name[0] != '\0' ? name : _("the person"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->person_toggle), tooltip);
}

static void
set_tab_plan (OurPlanView *self,
              guint        tab)
{
  GtkWidget *view = self->views[tab];

  if (view == NULL)
    return;
  switch (tab)
    {
    case TAB_ME: our_me_view_set_plan (OUR_ME_VIEW (view), self->plan); break;
    case TAB_GOALS: our_goals_view_set_plan (OUR_GOALS_VIEW (view), self->plan); break;
    case TAB_PEOPLE: our_people_view_set_plan (OUR_PEOPLE_VIEW (view), self->plan); break;
    case TAB_BOARD: our_board_view_set_plan (OUR_BOARD_VIEW (view), self->plan); break;
    case TAB_SAFETY: our_safety_view_set_plan (OUR_SAFETY_VIEW (view), self->plan); break;
    default: g_assert_not_reached ();
    }
}

/* A tab is built when it is first shown: a plan opens to its first frame
 * without building, styling and measuring the tabs no one is looking at
 * (the view stack measures every page it holds). */
static void
build_visible_tab (OurPlanView *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->stack);

  for (guint tab = 0; tab < N_TABS; tab++)
    if (self->views[tab] == NULL && g_strcmp0 (name, tabs[tab].name) == 0)
      {
        self->views[tab] = tabs[tab].new_view ();
        adw_bin_set_child (self->pages[tab], self->views[tab]);
        set_tab_plan (self, tab);
      }
}

static void
author_toggled_cb (OurPlanView *self)
{
  our_plan_view_set_author (self,
                            gtk_toggle_button_get_active (self->coordinator_toggle)
                              ? OUR_AUTHOR_COORDINATOR : OUR_AUTHOR_PERSON);
}

static void
our_plan_view_dispose (GObject *object)
{
  OurPlanView *self = OUR_PLAN_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), OUR_TYPE_PLAN_VIEW);
  /* The template's outer box has no id, so unparent whatever is left. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self)));)
    gtk_widget_unparent (child);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (our_plan_view_parent_class)->dispose (object);
}

static void
our_plan_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  OurPlanView *self = OUR_PLAN_VIEW (object);

  switch (prop_id)
    {
    case PROP_PLAN: g_value_set_object (value, self->plan); break;
    case PROP_AUTHOR: g_value_set_int (value, self->author); break;
    case PROP_READ_ONLY: g_value_set_boolean (value, self->read_only); break;
    case PROP_STACK: g_value_set_object (value, self->stack); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
our_plan_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  OurPlanView *self = OUR_PLAN_VIEW (object);

  switch (prop_id)
    {
    case PROP_PLAN: our_plan_view_set_plan (self, g_value_get_object (value)); break;
    case PROP_AUTHOR: our_plan_view_set_author (self, g_value_get_int (value)); break;
    case PROP_READ_ONLY: our_plan_view_set_read_only (self, g_value_get_boolean (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
our_plan_view_class_init (OurPlanViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = our_plan_view_dispose;
  object_class->get_property = our_plan_view_get_property;
  object_class->set_property = our_plan_view_set_property;

  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, OUR_TYPE_PLAN,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_AUTHOR] =
    g_param_spec_int ("author", NULL, NULL, OUR_AUTHOR_PERSON, OUR_AUTHOR_COORDINATOR,
                      OUR_AUTHOR_PERSON,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STACK] =
    g_param_spec_object ("stack", NULL, NULL, ADW_TYPE_VIEW_STACK,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/ourplan/OurPlan/our-plan-view.ui");
  gtk_widget_class_bind_template_child (widget_class, OurPlanView, header_bar);
  gtk_widget_class_bind_template_child (widget_class, OurPlanView, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, OurPlanView, stack);
  gtk_widget_class_bind_template_child (widget_class, OurPlanView, person_toggle);
  gtk_widget_class_bind_template_child (widget_class, OurPlanView, coordinator_toggle);
  gtk_widget_class_bind_template_child (widget_class, OurPlanView, read_only_revealer);
  gtk_widget_class_bind_template_child (widget_class, OurPlanView, read_only_label);
  for (guint tab = 0; tab < N_TABS; tab++)
    gtk_widget_class_bind_template_child_full (widget_class, tabs[tab].page_id, FALSE,
                                               G_STRUCT_OFFSET (OurPlanView, pages)
                                                 + tab * sizeof (AdwBin *));
  gtk_widget_class_bind_template_callback (widget_class, author_toggled_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
our_plan_view_init (OurPlanView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (self->stack, "notify::visible-child",
                           G_CALLBACK (build_visible_tab), self, G_CONNECT_SWAPPED);
  build_visible_tab (self);
  update_person_toggle (self);
}

GtkWidget *
our_plan_view_new (void)
{
  return g_object_new (OUR_TYPE_PLAN_VIEW, NULL);
}

OurPlan *
our_plan_view_get_plan (OurPlanView *self)
{
  g_return_val_if_fail (OUR_IS_PLAN_VIEW (self), NULL);
  return self->plan;
}

void
our_plan_view_set_plan (OurPlanView *self,
                        OurPlan     *plan)
{
  g_return_if_fail (OUR_IS_PLAN_VIEW (self));
  g_return_if_fail (!plan || OUR_IS_PLAN (plan));

  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (self->plan, self);
  if (!g_set_object (&self->plan, plan))
    return;

  for (guint tab = 0; tab < N_TABS; tab++)
    set_tab_plan (self, tab);
  if (plan != NULL)
    g_signal_connect_object (plan, "notify::name", G_CALLBACK (update_person_toggle), self,
                             G_CONNECT_SWAPPED);
  update_person_toggle (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
}

OurAuthor
our_plan_view_get_author (OurPlanView *self)
{
  g_return_val_if_fail (OUR_IS_PLAN_VIEW (self), OUR_AUTHOR_COORDINATOR);
  return self->author;
}

void
our_plan_view_set_author (OurPlanView *self,
                          OurAuthor    author)
{
  g_return_if_fail (OUR_IS_PLAN_VIEW (self));

  /* Text typed so far belongs to whoever was writing until now. */
  our_plan_view_commit_pending (self);

  gtk_toggle_button_set_active (author == OUR_AUTHOR_COORDINATOR ? self->coordinator_toggle
                                                                 : self->person_toggle, TRUE);
  if (self->author == author)
    return;
  self->author = author;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTHOR]);
}

gboolean
our_plan_view_get_read_only (OurPlanView *self)
{
  g_return_val_if_fail (OUR_IS_PLAN_VIEW (self), FALSE);
  return self->read_only;
}

/* The sentence says why, e.g. that the plan is open elsewhere. */
void
our_plan_view_set_read_only (OurPlanView *self,
                             gboolean     read_only)
{
  g_return_if_fail (OUR_IS_PLAN_VIEW (self));

  read_only = !!read_only;
  if (self->read_only == read_only)
    return;
  self->read_only = read_only;
  gtk_revealer_set_reveal_child (self->read_only_revealer, read_only);
  gtk_widget_set_sensitive (GTK_WIDGET (self->person_toggle), !read_only);
  gtk_widget_set_sensitive (GTK_WIDGET (self->coordinator_toggle), !read_only);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
}

void
our_plan_view_set_read_only_reason (OurPlanView *self,
                                    const char  *reason)
{
  g_return_if_fail (OUR_IS_PLAN_VIEW (self));
  gtk_label_set_label (self->read_only_label, reason ? reason : "");
}

AdwViewStack *
our_plan_view_get_stack (OurPlanView *self)
{
  g_return_val_if_fail (OUR_IS_PLAN_VIEW (self), NULL);
  return self->stack;
}

void
our_plan_view_set_title (OurPlanView *self,
                         const char  *title)
{
  g_return_if_fail (OUR_IS_PLAN_VIEW (self));
  adw_view_switcher_title_set_title (self->switcher_title, title);
}

static void
commit_fields_below (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (OUR_IS_TEXT_FIELD (child))
        our_text_field_commit (OUR_TEXT_FIELD (child));
      else
        commit_fields_below (child);
    }
}

void
our_plan_view_commit_pending (OurPlanView *self)
{
  g_return_if_fail (OUR_IS_PLAN_VIEW (self));
  commit_fields_below (GTK_WIDGET (self));
}

OurAuthor
our_plan_view_author_for (GtkWidget *widget)
{
  GtkWidget *view = gtk_widget_get_ancestor (widget, OUR_TYPE_PLAN_VIEW);

  if (view == NULL)
    return OUR_AUTHOR_COORDINATOR;
  return OUR_PLAN_VIEW (view)->author;
}

void
our_plan_view_follow_read_only (GtkWidget     *widget,
                                gpointer       target,
                                const char    *property,
                                GBindingFlags  flags,
                                GBinding     **binding)
{
  GtkWidget *plan_view;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (binding != NULL);

  if (*binding != NULL)
    return;
  plan_view = gtk_widget_get_ancestor (widget, OUR_TYPE_PLAN_VIEW);
  if (plan_view != NULL)
    *binding = g_object_bind_property (plan_view, "read-only", target, property,
                                       flags | G_BINDING_SYNC_CREATE);
}
