/* our-goal-placeholder.c: a goal that is far from sight, kept as one light widget until it is scrolled near
 *
 * A goal's card with its steps is about a megabyte of widgets; a plan of
 * hundreds of goals cannot keep them all. The goals view shows cards for
 * what is on screen and near it, and this stand-in for the rest.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "our-goal-card.h"
#include "our-goal-placeholder.h"

struct _OurGoalPlaceholder
{
  GtkWidget  parent_instance;

  OurGoal   *goal;
};

G_DEFINE_FINAL_TYPE (OurGoalPlaceholder, our_goal_placeholder, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_GOAL,
  N_PROPS
};

enum {
  WANTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
sync_name (OurGoalPlaceholder *self)
{
  g_autofree char *name = our_goal_card_name_for (self->goal);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void
focus_enter_cb (OurGoalPlaceholder *self)
{
  g_signal_emit (self, signals[WANTED], 0);
}

static void
our_goal_placeholder_constructed (GObject *object)
{
  OurGoalPlaceholder *self = OUR_GOAL_PLACEHOLDER (object);

  G_OBJECT_CLASS (our_goal_placeholder_parent_class)->constructed (object);

  g_signal_connect_object (self->goal, "notify::title", G_CALLBACK (sync_name), self,
                           G_CONNECT_SWAPPED);
  sync_name (self);
}

static void
our_goal_placeholder_dispose (GObject *object)
{
  OurGoalPlaceholder *self = OUR_GOAL_PLACEHOLDER (object);

  g_clear_object (&self->goal);

  G_OBJECT_CLASS (our_goal_placeholder_parent_class)->dispose (object);
}

static void
our_goal_placeholder_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  OurGoalPlaceholder *self = OUR_GOAL_PLACEHOLDER (object);

  switch (prop_id)
    {
    case PROP_GOAL:
      g_value_set_object (value, self->goal);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
our_goal_placeholder_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  OurGoalPlaceholder *self = OUR_GOAL_PLACEHOLDER (object);

  switch (prop_id)
    {
    case PROP_GOAL:
      self->goal = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
our_goal_placeholder_class_init (OurGoalPlaceholderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = our_goal_placeholder_constructed;
  object_class->dispose = our_goal_placeholder_dispose;
  object_class->get_property = our_goal_placeholder_get_property;
  object_class->set_property = our_goal_placeholder_set_property;

  properties[PROP_GOAL] =
    g_param_spec_object ("goal", NULL, NULL, OUR_TYPE_GOAL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[WANTED] = g_signal_new ("wanted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_css_name (widget_class, "goalplaceholder");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
our_goal_placeholder_init (OurGoalPlaceholder *self)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "card");
  g_signal_connect_swapped (focus, "enter", G_CALLBACK (focus_enter_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);
}

GtkWidget *
our_goal_placeholder_new (OurGoal *goal,
                          int      height)
{
  GtkWidget *self;

  g_return_val_if_fail (OUR_IS_GOAL (goal), NULL);

  self = g_object_new (OUR_TYPE_GOAL_PLACEHOLDER, "goal", goal, NULL);
  gtk_widget_set_size_request (self, -1, MAX (height, 1));
  return self;
}

OurGoal *
our_goal_placeholder_get_goal (OurGoalPlaceholder *self)
{
  g_return_val_if_fail (OUR_IS_GOAL_PLACEHOLDER (self), NULL);

  return self->goal;
}
