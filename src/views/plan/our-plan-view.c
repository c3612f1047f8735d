/* our-plan-view.c: the tabs of one open plan and the "who is writing" choice
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "our-agreed-version.h"
#include "our-date-button.h"
#include "our-goals-view.h"
#include "our-me-view.h"
#include "our-people-view.h"
#include "our-board-view.h"
#include "our-safety-view.h"
#include "our-then-and-now-window.h"
#include "our-toast.h"
#include "our-meetings-view.h"
#include "our-plan-view.h"

enum { TAB_ME, TAB_GOALS, TAB_PEOPLE, TAB_BOARD, TAB_SAFETY, TAB_MEETINGS, N_TABS };

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

  OurSession          *session;
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
  [TAB_MEETINGS] = { "meetings", "meetings_page", our_meetings_view_new },
};

enum {
  PROP_0,
  PROP_SESSION,
  PROP_STACK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_person_toggle (OurPlanView *self)
{
  OurPlan *plan = self->session ? our_session_get_plan (self->session) : NULL;
  const char *name = plan ? our_plan_get_name (plan) : "";
  g_autofree char *tooltip = NULL;

  gtk_button_set_label (GTK_BUTTON (self->person_toggle),
                        name[0] != '\0' ? name : _("The person"));
  tooltip = g_strdup_printf (_("Mark what is typed now as written by %s, in their own words"),
                             name[0] != '\0' ? name : _("the person"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->person_toggle), tooltip);
}

static void
update_read_only (OurPlanView *self)
{
  gboolean read_only = self->session != NULL && our_session_get_read_only (self->session);
  const char *reason = read_only ? our_session_get_read_only_reason (self->session) : NULL;

  gtk_revealer_set_reveal_child (self->read_only_revealer, read_only);
  gtk_label_set_label (self->read_only_label, reason ? reason : "");
}

static void
set_tab_session (OurPlanView *self,
                 guint        tab)
{
  GtkWidget *view = self->views[tab];

  if (view == NULL)
    return;
  switch (tab)
    {
    case TAB_ME: our_me_view_set_session (OUR_ME_VIEW (view), self->session); break;
    case TAB_GOALS: our_goals_view_set_session (OUR_GOALS_VIEW (view), self->session); break;
    case TAB_PEOPLE: our_people_view_set_session (OUR_PEOPLE_VIEW (view), self->session); break;
    case TAB_BOARD: our_board_view_set_session (OUR_BOARD_VIEW (view), self->session); break;
    case TAB_SAFETY: our_safety_view_set_session (OUR_SAFETY_VIEW (view), self->session); break;
    case TAB_MEETINGS:
      our_meetings_view_set_session (OUR_MEETINGS_VIEW (view), self->session);
      break;
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
        set_tab_session (self, tab);
      }
}

static void
our_plan_view_dispose (GObject *object)
{
  OurPlanView *self = OUR_PLAN_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), OUR_TYPE_PLAN_VIEW);
  /* The template's outer box has no id, so unparent whatever is left. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self)));)
    gtk_widget_unparent (child);
  g_clear_object (&self->session);

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
    case PROP_SESSION: g_value_set_object (value, self->session); break;
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
    case PROP_SESSION: our_plan_view_set_session (self, g_value_get_object (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* A read-only window on the plan as it was agreed. */
static void
open_version_action_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  OurPlanView *self = OUR_PLAN_VIEW (widget);
  OurPlan *plan = self->session != NULL ? our_session_get_plan (self->session) : NULL;
  OurAgreement *agreement;
  g_autoptr(OurPlan) version = NULL;
  g_autoptr(OurSession) session = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *day = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *title = NULL;
  GtkWidget *window;
  GtkWidget *view;
  GtkRoot *root = gtk_widget_get_root (widget);

  if (plan == NULL
      || (agreement = our_plan_find_agreement (plan, g_variant_get_string (parameter, NULL),
                                               NULL)) == NULL)
    return;
  version = our_agreed_version_decode (agreement, plan, &error);
  if (version == NULL)
    {
      our_toast_show (widget, error->message);
      return;
    }
  day = our_format_date_for_people (our_agreement_get_agreed_on (agreement));
  /* TRANSLATORS: %s is a date in words */
  reason = g_strdup_printf (_("This is the plan as it was agreed on %s. An agreed version cannot be changed."),
                            day != NULL ? day : "");
  session = our_session_new_read_only (version, reason);
  /* TRANSLATORS: a window's title; %s is a date in words */
  title = g_strdup_printf (_("Agreed on %s"), day != NULL ? day : "");

  window = adw_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), title);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 760);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (root));
  gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);
  view = our_plan_view_new ();
  our_plan_view_set_session (OUR_PLAN_VIEW (view), session);
  our_plan_view_set_title (OUR_PLAN_VIEW (view), title);
  adw_window_set_content (ADW_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));
}

/* Then and now: an agreed version beside the plan now. */
static void
compare_version_action_cb (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  OurPlanView *self = OUR_PLAN_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *window;

  if (self->session == NULL)
    return;
  our_session_commit_pending (self->session);
  window = our_then_and_now_window_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        our_session_get_plan (self->session),
                                        g_variant_get_string (parameter, NULL));
  gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);
  gtk_window_present (GTK_WINDOW (window));
}

static void
our_plan_view_class_init (OurPlanViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = our_plan_view_dispose;
  object_class->get_property = our_plan_view_get_property;
  object_class->set_property = our_plan_view_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, OUR_TYPE_SESSION,
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
  gtk_widget_class_install_action (widget_class, "plan.open-version", "s",
                                   open_version_action_cb);
  gtk_widget_class_install_action (widget_class, "plan.compare-version", "s",
                                   compare_version_action_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
our_plan_view_init (OurPlanView *self)
{
  g_autoptr(GSimpleActionGroup) no_session = g_simple_action_group_new ();

  /* The "session" group is in place (empty) before the template's widgets
   * exist, so that the "Writing:" toggles find the session's actions when
   * they are put there: GTK 4.8 does not look again for a group inserted on
   * an ancestor after a child's actions were first looked up. */
  gtk_widget_insert_action_group (GTK_WIDGET (self), "session", G_ACTION_GROUP (no_session));
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

OurSession *
our_plan_view_get_session (OurPlanView *self)
{
  g_return_val_if_fail (OUR_IS_PLAN_VIEW (self), NULL);
  return self->session;
}

void
our_plan_view_set_session (OurPlanView *self,
                           OurSession  *session)
{
  g_return_if_fail (OUR_IS_PLAN_VIEW (self));
  g_return_if_fail (!session || OUR_IS_SESSION (session));

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (our_session_get_plan (self->session), self);
  if (!g_set_object (&self->session, session))
    return;

  /* The "Writing:" toggles and any editor below act on "session.author". */
  if (session != NULL)
    gtk_widget_insert_action_group (GTK_WIDGET (self), "session", our_session_get_actions (session));
  else
    {
      g_autoptr(GSimpleActionGroup) no_session = g_simple_action_group_new ();

      gtk_widget_insert_action_group (GTK_WIDGET (self), "session", G_ACTION_GROUP (no_session));
    }
  for (guint tab = 0; tab < N_TABS; tab++)
    set_tab_session (self, tab);
  if (session != NULL)
    g_signal_connect_object (our_session_get_plan (session), "notify::name",
                             G_CALLBACK (update_person_toggle), self, G_CONNECT_SWAPPED);
  update_person_toggle (self);
  update_read_only (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
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
