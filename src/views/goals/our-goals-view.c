/* our-goals-view.c: the "My goals" tab: goals as cards, added, edited, reordered in place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "our-command.h"
#include "our-goal-card.h"
#include "our-goals-view.h"
#include "our-toast.h"
#include "our-limits.h"

struct _OurGoalsView
{
  GtkWidget   parent_instance;

  OurSession *session;
  OurPlan    *plan;         /* the session's */
  gboolean    read_only;

  /* Cards taken out by "items-changed" stay in the box, hidden, until the
   * main loop is idle: a move is a removal then an insertion, and the card
   * that comes back keeps its widgets, any typing and the keyboard focus.
   * (Taking a card out of the box and back in also loses its widget
   * actions with GTK 4.8: its buttons turn insensitive.) */
  GHashTable *parked_cards;     /* OurGoal → OurGoalCard */
  guint       tidy_source;
  /* Where a card holding the keyboard focus was removed, or -1. */
  int         lost_focus_at;

  gulong      reveal_handler;   /* on the frame clock, while waiting */

  /* A long plan is shown a few cards at a time: the first ones at once, the
   * rest while the main loop is idle, so that the first frame comes quickly
   * and the window never freezes. Goals from built_cards on have no card
   * yet; anything that changes the goals builds them all first. */
  guint       built_cards;
  guint       build_source;

  GtkStack   *stack;
  GtkScrolledWindow *scroller;
  GtkLabel   *coverage_label;
  GtkButton  *add_button;
  GtkButton  *empty_add_button;
  GtkBox     *cards_box;
};

G_DEFINE_FINAL_TYPE (OurGoalsView, our_goals_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_READ_ONLY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The shown cards, in the model's order; parked cards are hidden. */
static GtkWidget *
skip_parked (GtkWidget *child)
{
  while (child != NULL && !gtk_widget_get_visible (child))
    child = gtk_widget_get_next_sibling (child);

  return child;
}

static GtkWidget *
first_card (OurGoalsView *self)
{
  return skip_parked (gtk_widget_get_first_child (GTK_WIDGET (self->cards_box)));
}

static GtkWidget *
next_card (GtkWidget *card)
{
  return skip_parked (gtk_widget_get_next_sibling (card));
}

static GtkWidget *
get_card_at (OurGoalsView *self,
             guint         position)
{
  GtkWidget *child = first_card (self);

  for (guint i = 0; child != NULL && i < position; i++)
    child = next_card (child);

  return child;
}

static OurGoalCard *
find_card (OurGoalsView *self,
           const char   *goal_id)
{
  for (GtkWidget *child = first_card (self); child != NULL; child = next_card (child))
    {
      OurGoal *goal = our_goal_card_get_goal (OUR_GOAL_CARD (child));

      if (g_strcmp0 (our_goal_get_id (goal), goal_id) == 0)
        return OUR_GOAL_CARD (child);
    }

  return NULL;
}

/* Which of the eight life areas the goals cover, so that a plan shows the
 * parts of life it leaves out. */
static void
update_coverage (OurGoalsView *self)
{
  gboolean covered[OUR_N_LIFE_AREAS] = { FALSE, };
  g_autoptr(GString) list = g_string_new (NULL);
  g_autofree char *text = NULL;
  guint n_covered = 0;
  guint n_missing;
  guint n_goals = self->plan != NULL ? our_plan_get_n_goals (self->plan) : 0;

  for (guint i = 0; i < n_goals; i++)
    {
      OurLifeArea area = our_goal_get_life_area (our_plan_get_goal (self->plan, i));

      if (area > OUR_LIFE_AREA_NONE && area < OUR_N_LIFE_AREAS)
        covered[area] = TRUE;
    }

  for (guint area = OUR_LIFE_AREA_NONE + 1; area < OUR_N_LIFE_AREAS; area++)
    {
      if (!covered[area])
        continue;
      if (n_covered++ > 0)
        /* TRANSLATORS: between the names of life areas in a list */
        g_string_append (list, _(", "));
      g_string_append (list, our_life_area_get_label (area));
    }

  n_missing = OUR_N_LIFE_AREAS - 1 - n_covered;
  if (n_covered == 0)
    text = g_strdup (_("No life areas chosen yet."));
  else if (n_missing == 0)
    text = g_strdup_printf (_("Covers every life area: %s."), list->str);
  else
    /* TRANSLATORS: %s is a list of life areas, %u how many of the eight are
     * not covered by any goal */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Covers %s. %u life area not covered yet.",
                                         "Covers %s. %u life areas not covered yet.",
                                         n_missing),
                            list->str, n_missing);

  gtk_label_set_label (self->coverage_label, text);
}

static void
update_positions (OurGoalsView *self)
{
  guint n = self->plan != NULL ? our_plan_get_n_goals (self->plan) : 0;
  guint position = 0;

  for (GtkWidget *child = first_card (self); child != NULL; child = next_card (child))
    our_goal_card_set_position (OUR_GOAL_CARD (child), position++, n);

  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "goals" : "empty");
}

static gboolean
focus_is_lost (OurGoalsView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  /* Nothing focused, or the focus fell back on a container of the cards. */
  return focus == NULL ||
         focus == GTK_WIDGET (self->cards_box) ||
         gtk_widget_is_ancestor (GTK_WIDGET (self->cards_box), focus);
}

static gboolean
unpark_cb (gpointer key,
           gpointer value,
           gpointer user_data)
{
  OurGoalsView *self = user_data;

  gtk_box_remove (self->cards_box, value);
  return TRUE;
}

static gboolean
tidy_cb (gpointer user_data)
{
  OurGoalsView *self = user_data;
  guint n;

  self->tidy_source = 0;
  g_hash_table_foreach_remove (self->parked_cards, unpark_cb, self);

  /* After a delete, put the keyboard on the card that took the deleted
   * one's place, the one before it, or the button to add a goal. */
  if (self->lost_focus_at >= 0 && gtk_widget_get_mapped (GTK_WIDGET (self)) &&
      focus_is_lost (self))
    {
      n = self->plan != NULL ? our_plan_get_n_goals (self->plan) : 0;
      if (n > 0)
        our_goal_card_focus_title (OUR_GOAL_CARD (get_card_at (self, MIN ((guint) self->lost_focus_at,
                                                                          n - 1))));
      else
        gtk_widget_grab_focus (GTK_WIDGET (self->empty_add_button));
    }
  self->lost_focus_at = -1;

  return G_SOURCE_REMOVE;
}

/* Cards that were just added or moved are laid out in the next frame; only
 * then can the view scroll so that the keyboard focus is in sight. */
static void
reveal_focus_cb (GdkFrameClock *clock,
                 OurGoalsView  *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *content = gtk_scrolled_window_get_child (self->scroller);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  graphene_rect_t bounds;
  double value, page, top, bottom;

  g_clear_signal_handler (&self->reveal_handler, clock);

  if (focus == NULL || content == NULL ||
      !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->cards_box)) ||
      !gtk_widget_compute_bounds (focus, content, &bounds))
    return;

  value = gtk_adjustment_get_value (adjustment);
  page = gtk_adjustment_get_page_size (adjustment);
  top = bounds.origin.y - 48;
  bottom = bounds.origin.y + bounds.size.height + 48;

  if (top < value)
    gtk_adjustment_set_value (adjustment, top);
  else if (bottom > value + page)
    gtk_adjustment_set_value (adjustment, MIN (top, bottom - page));
}

static void
queue_reveal_focus (OurGoalsView *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (clock == NULL || self->reveal_handler != 0 || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;

  self->reveal_handler = g_signal_connect (clock, "after-paint", G_CALLBACK (reveal_focus_cb), self);
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_AFTER_PAINT);
}

static void
goal_life_area_cb (OurGoalsView *self)
{
  update_coverage (self);
}

static GtkWidget *
take_card_for (OurGoalsView *self,
               OurGoal      *goal)
{
  GtkWidget *card = NULL;
  gpointer parked_goal;

  if (g_hash_table_steal_extended (self->parked_cards, goal, &parked_goal, (gpointer *) &card))
    {
      g_object_unref (parked_goal);
      return card;
    }

  card = our_goal_card_new (self->session, goal);
  our_goal_card_set_read_only (OUR_GOAL_CARD (card), self->read_only);

  if (g_signal_handler_find (goal, G_SIGNAL_MATCH_FUNC | G_SIGNAL_MATCH_DATA, 0, 0, NULL,
                             goal_life_area_cb, self) == 0)
    g_signal_connect_object (goal, "notify::life-area", G_CALLBACK (goal_life_area_cb), self,
                             G_CONNECT_SWAPPED);

  return g_object_ref_sink (card);
}

/* Cards built at once when a plan is shown: enough to fill a large screen. */
#define FIRST_CARDS 6
/* Time spent building cards per idle turn afterwards, in microseconds: the
 * window answers in between, and fewer turns mean fewer relayouts. */
#define BUILD_TURN_USEC 40000

static void
build_cards (OurGoalsView *self,
             guint         count)
{
  GListModel *goals = our_plan_get_goals (self->plan);
  guint n = g_list_model_get_n_items (goals);
  GtkWidget *last = gtk_widget_get_last_child (GTK_WIDGET (self->cards_box));

  count = MIN (count, n - MIN (self->built_cards, n));
  for (guint i = 0; i < count; i++)
    {
      g_autoptr(OurGoal) goal = g_list_model_get_item (goals, self->built_cards);
      g_autoptr(GtkWidget) card = take_card_for (self, goal);

      gtk_box_insert_child_after (self->cards_box, card, last);
      last = card;
      self->built_cards++;
    }
}

static gboolean
build_more_cards_cb (gpointer user_data)
{
  OurGoalsView *self = user_data;
  gint64 until = g_get_monotonic_time () + BUILD_TURN_USEC;

  while (self->built_cards < our_plan_get_n_goals (self->plan) &&
         g_get_monotonic_time () < until)
    build_cards (self, 1);
  update_positions (self);
  if (self->built_cards < our_plan_get_n_goals (self->plan))
    return G_SOURCE_CONTINUE;

  self->build_source = 0;
  return G_SOURCE_REMOVE;
}

static void
show_goals (OurGoalsView *self)
{
  self->built_cards = 0;
  build_cards (self, FIRST_CARDS);
  if (self->built_cards < our_plan_get_n_goals (self->plan))
    self->build_source = g_idle_add_full (G_PRIORITY_LOW, build_more_cards_cb, self, NULL);
}

static void
goals_changed_cb (OurGoalsView *self,
                  guint         position,
                  guint         removed,
                  guint         added,
                  GListModel   *goals)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *child;
  GtkWidget *before;

  /* While cards are still being built, only goals [0, built_cards) have one:
   * a change past them is picked up by the building itself, and a change
   * among them moves the end of the built part. */
  if (self->build_source != 0)
    {
      guint built = self->built_cards;

      if (position >= built)
        {
          update_coverage (self);
          return;
        }
      self->built_cards = position + added + (built > position + removed
                                              ? built - position - removed : 0);
      removed = MIN (removed, built - position);
    }
  child = get_card_at (self, position);

  for (guint i = 0; i < removed && child != NULL; i++)
    {
      GtkWidget *next = next_card (child);
      OurGoal *goal = our_goal_card_get_goal (OUR_GOAL_CARD (child));
      GtkWidget *old;

      if (focus != NULL && gtk_widget_is_ancestor (focus, child))
        self->lost_focus_at = position;

      old = g_hash_table_lookup (self->parked_cards, goal);
      if (old != NULL && old != child)
        gtk_box_remove (self->cards_box, old);
      g_hash_table_replace (self->parked_cards, g_object_ref (goal), g_object_ref (child));
      gtk_widget_set_visible (child, FALSE);
      child = next;
    }

  before = position > 0 ? get_card_at (self, position - 1) : NULL;
  for (guint i = 0; i < added; i++)
    {
      g_autoptr(OurGoal) goal = g_list_model_get_item (goals, position + i);
      g_autoptr(GtkWidget) card = take_card_for (self, goal);

      if (gtk_widget_get_parent (card) == GTK_WIDGET (self->cards_box))
        {
          gtk_box_reorder_child_after (self->cards_box, card, before);
          gtk_widget_set_visible (card, TRUE);
        }
      else
        gtk_box_insert_child_after (self->cards_box, card, before);
      before = card;
    }

  if (self->tidy_source == 0 && (g_hash_table_size (self->parked_cards) > 0 ||
                                 self->lost_focus_at >= 0))
    self->tidy_source = g_idle_add_full (G_PRIORITY_DEFAULT, tidy_cb, self, NULL);

  update_positions (self);
  update_coverage (self);
  queue_reveal_focus (self);
}

static void
remove_all_cards (OurGoalsView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->cards_box))) != NULL)
    gtk_box_remove (self->cards_box, child);
  g_hash_table_remove_all (self->parked_cards);
}

static void
add_goal_action_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  OurGoalsView *self = OUR_GOALS_VIEW (widget);
  g_autofree char *id = NULL;
  g_autoptr(OurGoal) goal = NULL;
  OurGoalCard *card;

  if (self->plan == NULL || self->read_only
      || our_toast_if_full (widget, our_plan_get_n_goals (self->plan), OUR_MAX_GOALS,
                            _("This plan already holds as many goals as Our Plan can keep.")))
    return;

  id = our_new_id ();
  goal = our_goal_new (id);
  if (!our_session_run (self->session, our_command_new_add_goal (goal, -1), NULL))
    return;

  card = find_card (self, id);
  if (card != NULL)
    our_goal_card_focus_title (card);
}

static void
update_actions (OurGoalsView *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "goals.add",
                                 self->plan != NULL && !self->read_only);
  gtk_widget_set_visible (GTK_WIDGET (self->add_button), !self->read_only);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_add_button), !self->read_only);
  if (self->read_only)
    adw_status_page_set_description (ADW_STATUS_PAGE (gtk_stack_get_child_by_name (self->stack,
                                                                                    "empty")),
                                     _("This plan has no goals."));
  else
    adw_status_page_set_description (ADW_STATUS_PAGE (gtk_stack_get_child_by_name (self->stack,
                                                                                    "empty")),
                                     _("A goal is something you want, in your own words, with "
                                       "small steps to get there and people to help."));
}

static void
set_read_only (OurGoalsView *self,
               gboolean      read_only)
{
  read_only = !!read_only;
  if (read_only == self->read_only)
    return;

  self->read_only = read_only;
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->cards_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    our_goal_card_set_read_only (OUR_GOAL_CARD (child), read_only);
  update_actions (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
}


static void
our_goals_view_unmap (GtkWidget *widget)
{
  OurGoalsView *self = OUR_GOALS_VIEW (widget);

  if (self->reveal_handler != 0)
    g_clear_signal_handler (&self->reveal_handler, gtk_widget_get_frame_clock (widget));

  GTK_WIDGET_CLASS (our_goals_view_parent_class)->unmap (widget);
}

static void
our_goals_view_dispose (GObject *object)
{
  OurGoalsView *self = OUR_GOALS_VIEW (object);

  g_clear_handle_id (&self->tidy_source, g_source_remove);
  g_clear_handle_id (&self->build_source, g_source_remove);
  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (our_plan_get_goals (self->plan), self);
  if (self->parked_cards != NULL)
    g_hash_table_remove_all (self->parked_cards);
  gtk_widget_dispose_template (GTK_WIDGET (self), OUR_TYPE_GOALS_VIEW);
  g_clear_object (&self->plan);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (our_goals_view_parent_class)->dispose (object);
}

static void
our_goals_view_finalize (GObject *object)
{
  OurGoalsView *self = OUR_GOALS_VIEW (object);

  g_clear_pointer (&self->parked_cards, g_hash_table_unref);

  G_OBJECT_CLASS (our_goals_view_parent_class)->finalize (object);
}

static void
our_goals_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  OurGoalsView *self = OUR_GOALS_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
our_goals_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  OurGoalsView *self = OUR_GOALS_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      our_goals_view_set_session (self, g_value_get_object (value));
      break;
    case PROP_READ_ONLY:
      set_read_only (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
our_goals_view_class_init (OurGoalsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = our_goals_view_dispose;
  object_class->finalize = our_goals_view_finalize;
  object_class->get_property = our_goals_view_get_property;
  object_class->set_property = our_goals_view_set_property;
  widget_class->unmap = our_goals_view_unmap;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, OUR_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * OurGoalsView:read-only:
   *
   * Whether every editor is insensitive and nothing can be added, moved or
   * deleted. It follows its session's "read-only".
   */
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (OUR_TYPE_GOAL_CARD);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/ourplan/OurPlan/our-goals-view.ui");
  gtk_widget_class_bind_template_child (widget_class, OurGoalsView, stack);
  gtk_widget_class_bind_template_child (widget_class, OurGoalsView, scroller);
  gtk_widget_class_bind_template_child (widget_class, OurGoalsView, coverage_label);
  gtk_widget_class_bind_template_child (widget_class, OurGoalsView, add_button);
  gtk_widget_class_bind_template_child (widget_class, OurGoalsView, empty_add_button);
  gtk_widget_class_bind_template_child (widget_class, OurGoalsView, cards_box);

  gtk_widget_class_install_action (widget_class, "goals.add", NULL, add_goal_action_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "goalsview");
}

static void
our_goals_view_init (OurGoalsView *self)
{
  self->lost_focus_at = -1;
  self->parked_cards = g_hash_table_new_full (g_direct_hash, g_direct_equal,
                                              g_object_unref, g_object_unref);

  gtk_widget_init_template (GTK_WIDGET (self));

  update_actions (self);
  update_positions (self);
  update_coverage (self);
}

GtkWidget *
our_goals_view_new (void)
{
  return g_object_new (OUR_TYPE_GOALS_VIEW, NULL);
}

void
our_goals_view_set_session (OurGoalsView *self,
                            OurSession   *session)
{
  OurPlan *plan = session != NULL ? our_session_get_plan (session) : NULL;
  GListModel *goals;

  g_return_if_fail (OUR_IS_GOALS_VIEW (self));
  g_return_if_fail (session == NULL || OUR_IS_SESSION (session));

  if (self->session == session)
    return;

  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (our_plan_get_goals (self->plan), self);
  g_clear_handle_id (&self->build_source, g_source_remove);
  remove_all_cards (self);
  g_set_object (&self->plan, plan);
  g_set_object (&self->session, session);
  set_read_only (self, session != NULL && our_session_get_read_only (session));

  if (plan != NULL)
    {
      goals = our_plan_get_goals (plan);
      g_signal_connect_object (goals, "items-changed", G_CALLBACK (goals_changed_cb), self,
                               G_CONNECT_SWAPPED);
      show_goals (self);
    }

  update_actions (self);
  update_positions (self);
  update_coverage (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

OurPlan *
our_goals_view_get_plan (OurGoalsView *self)
{
  g_return_val_if_fail (OUR_IS_GOALS_VIEW (self), NULL);

  return self->plan;
}
