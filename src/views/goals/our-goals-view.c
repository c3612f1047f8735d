/* our-goals-view.c: the "My goals" tab: goals as cards, added, edited, reordered in place
 *
 * A card with its steps is about a megabyte of widgets, so a plan of
 * hundreds of goals cannot have a card for each: only the goals on screen
 * and near it have one, and every other goal keeps its place in the list
 * as an OurGoalPlaceholder of the same height. Scrolling builds the cards
 * coming near and lets go of those far away (never one holding the
 * keyboard focus), so the memory a plan takes does not grow with its
 * length. The children of cards_box, cards and placeholders, are called
 * slots below.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "our-command.h"
#include "our-goal-card.h"
#include "our-goal-placeholder.h"
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

  /* The height each goal's card had when last laid out (OurGoal → int),
   * which its placeholder takes; and their sum and count, for an estimate
   * of the goals never built. */
  GHashTable *heights;
  double      measured_sum;
  guint       n_measured;

  gulong      after_paint_handler;  /* to update the built range */
  GtkWidget  *wanted;               /* a placeholder the keyboard came to */
  guint       wanted_source;
  gulong      layout_handler;       /* to keep the view still */
  /* Placeholders above the top of the view that became cards, with their
   * old height: after the next layout the view scrolls by the difference,
   * so that what is on screen does not move. */
  GPtrArray  *grown_above;
  GArray     *grown_above_heights;

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

/* The shown slots, in the model's order; parked slots are hidden. */
static GtkWidget *
skip_parked (GtkWidget *child)
{
  while (child != NULL && !gtk_widget_get_visible (child))
    child = gtk_widget_get_next_sibling (child);

  return child;
}

static GtkWidget *
first_slot (OurGoalsView *self)
{
  return skip_parked (gtk_widget_get_first_child (GTK_WIDGET (self->cards_box)));
}

static GtkWidget *
next_slot (GtkWidget *slot)
{
  return skip_parked (gtk_widget_get_next_sibling (slot));
}

static GtkWidget *
get_slot_at (OurGoalsView *self,
             guint         position)
{
  GtkWidget *child = first_slot (self);

  for (guint i = 0; child != NULL && i < position; i++)
    child = next_slot (child);

  return child;
}

static OurGoal *
slot_get_goal (GtkWidget *slot)
{
  if (OUR_IS_GOAL_CARD (slot))
    return our_goal_card_get_goal (OUR_GOAL_CARD (slot));
  return our_goal_placeholder_get_goal (OUR_GOAL_PLACEHOLDER (slot));
}

static GtkWidget *
find_slot (OurGoalsView *self,
           const char   *goal_id)
{
  for (GtkWidget *child = first_slot (self); child != NULL; child = next_slot (child))
    if (g_strcmp0 (our_goal_get_id (slot_get_goal (child)), goal_id) == 0)
      return child;

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

  for (GtkWidget *child = first_slot (self); child != NULL; child = next_slot (child), position++)
    if (OUR_IS_GOAL_CARD (child))
      our_goal_card_set_position (OUR_GOAL_CARD (child), position, n);

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

static void
goal_life_area_cb (OurGoalsView *self)
{
  update_coverage (self);
}

static GtkWidget *
new_card (OurGoalsView *self,
          OurGoal      *goal)
{
  GtkWidget *card = our_goal_card_new (self->session, goal);

  our_goal_card_set_read_only (OUR_GOAL_CARD (card), self->read_only);
  if (g_signal_handler_find (goal, G_SIGNAL_MATCH_FUNC | G_SIGNAL_MATCH_DATA, 0, 0, NULL,
                             goal_life_area_cb, self) == 0)
    g_signal_connect_object (goal, "notify::life-area", G_CALLBACK (goal_life_area_cb), self,
                             G_CONNECT_SWAPPED);
  return card;
}

/* A first guess at a card's height, before any was laid out: a card
 * without steps, and what each step row adds. */
#define CARD_HEIGHT_GUESS 420
#define STEP_HEIGHT_GUESS 64

static int
estimate_height (OurGoalsView *self,
                 OurGoal      *goal)
{
  gpointer known = g_hash_table_lookup (self->heights, goal);
  double average;

  if (known != NULL)
    return GPOINTER_TO_INT (known);
  average = self->n_measured > 0 ? self->measured_sum / self->n_measured : CARD_HEIGHT_GUESS;
  /* Steps make the most difference between one card and another. */
  return (int) average + STEP_HEIGHT_GUESS * ((int) our_goal_get_n_steps (goal) - 2);
}

static void remember_height (OurGoalsView *self,
                             GtkWidget    *card);
static void placeholder_wanted_cb (OurGoalsView       *self,
                                   OurGoalPlaceholder *placeholder);

static GtkWidget *
new_placeholder (OurGoalsView *self,
                 OurGoal      *goal)
{
  GtkWidget *placeholder = our_goal_placeholder_new (goal, estimate_height (self, goal));

  g_signal_connect_object (placeholder, "wanted", G_CALLBACK (placeholder_wanted_cb), self,
                           G_CONNECT_SWAPPED);
  return placeholder;
}

/* Puts @replacement where @slot is, in the same state. */
static void
swap_slot (OurGoalsView *self,
           GtkWidget    *slot,
           GtkWidget    *replacement)
{
  gtk_box_insert_child_after (self->cards_box, replacement, slot);
  gtk_box_remove (self->cards_box, slot);
}

/* The card of the goal at @slot, built now if it has a placeholder. */
static OurGoalCard *
ensure_card (OurGoalsView *self,
             GtkWidget    *slot)
{
  GtkWidget *card;
  guint position = 0;

  if (OUR_IS_GOAL_CARD (slot))
    return OUR_GOAL_CARD (slot);

  card = new_card (self, slot_get_goal (slot));
  swap_slot (self, slot, card);
  for (GtkWidget *child = first_slot (self); child != NULL && child != card; child = next_slot (child))
    position++;
  our_goal_card_set_position (OUR_GOAL_CARD (card), position, our_plan_get_n_goals (self->plan));
  return OUR_GOAL_CARD (card);
}

static gboolean
holds_focus (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static void
remember_height (OurGoalsView *self,
                 GtkWidget    *card)
{
  OurGoal *goal = our_goal_card_get_goal (OUR_GOAL_CARD (card));
  int height = gtk_widget_get_height (card);

  if (height <= 0)
    return;
  if (!g_hash_table_contains (self->heights, goal))
    {
      self->measured_sum += height - STEP_HEIGHT_GUESS * ((int) our_goal_get_n_steps (goal) - 2);
      self->n_measured++;
    }
  g_hash_table_replace (self->heights, g_object_ref (goal), GINT_TO_POINTER (height));
}

static void
release_card (OurGoalsView *self,
              GtkWidget    *card)
{
  remember_height (self, card);
  swap_slot (self, card, new_placeholder (self, our_goal_card_get_goal (OUR_GOAL_CARD (card))));
}

/* The slot a goal coming into the list gets: its parked one if it was just
 * moved, a card if it lands among cards (or the list has none), and a
 * placeholder otherwise, until it is scrolled near. */
static GtkWidget *
take_slot_for (OurGoalsView *self,
               OurGoal      *goal,
               GtkWidget    *before)
{
  GtkWidget *slot = NULL;
  GtkWidget *after;
  gpointer parked_goal;

  if (g_hash_table_steal_extended (self->parked_cards, goal, &parked_goal, (gpointer *) &slot))
    {
      g_object_unref (parked_goal);
      return slot;
    }

  after = before != NULL ? next_slot (before) : first_slot (self);
  if ((before == NULL && after == NULL) ||
      (before != NULL && OUR_IS_GOAL_CARD (before)) ||
      (after != NULL && OUR_IS_GOAL_CARD (after)))
    slot = new_card (self, goal);
  else
    slot = new_placeholder (self, goal);

  return g_object_ref_sink (slot);
}

/* How far beyond the visible part cards are built, and how far before
 * they are let go, in pages: the gap between keeps a card that is just
 * out of sight from being built and let go over and over. */
#define BUILD_PAGES 1.0
#define RELEASE_PAGES 3.0
/* Time spent building cards per frame, in microseconds: the window answers
 * in between. */
#define BUILD_TURN_USEC 30000

static void queue_range_update (OurGoalsView *self);
static void queue_reveal_focus (OurGoalsView *self);

/* Cards for the goals in and near the view, placeholders for the rest. */
static void
update_range (OurGoalsView *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  double page = gtk_adjustment_get_page_size (adjustment);
  double build_margin = MAX (page * BUILD_PAGES, 400);
  double release_margin = MAX (page * RELEASE_PAGES, 1600);
  gint64 until = g_get_monotonic_time () + BUILD_TURN_USEC;
  gboolean more = FALSE;
  GtkWidget *child;

  if (page <= 0 || !gtk_widget_get_mapped (GTK_WIDGET (self->cards_box)))
    return;

  child = first_slot (self);
  while (child != NULL)
    {
      GtkWidget *next = next_slot (child);
      GtkWidget *card;
      graphene_rect_t bounds;
      double top, bottom;

      if (!gtk_widget_compute_bounds (child, GTK_WIDGET (self->scroller), &bounds))
        break;
      top = bounds.origin.y;
      bottom = top + bounds.size.height;

      if (OUR_IS_GOAL_CARD (child))
        {
          remember_height (self, child);
          if ((bottom < -release_margin || top > page + release_margin) &&
              !holds_focus (child) && !gtk_widget_has_css_class (child, "dragged"))
            release_card (self, child);
        }
      else if (bottom >= -build_margin && top <= page + build_margin)
        {
          if (g_get_monotonic_time () >= until)
            {
              more = TRUE;
              break;
            }
          card = GTK_WIDGET (ensure_card (self, child));
          if (top < 0)
            {
              /* It grows or shrinks above what is on screen. */
              g_ptr_array_add (self->grown_above, g_object_ref (card));
              g_array_append_val (self->grown_above_heights, bounds.size.height);
            }
        }
      child = next;
    }

  if (more)
    queue_range_update (self);
}

/* After a layout: scrolls by what the cards built above the view added,
 * so that what is on screen stays where it was. */
static void
layout_cb (GdkFrameClock *clock,
           OurGoalsView  *self)
{
  GtkAdjustment *adjustment;
  double shift = 0;
  guint i = 0;

  while (i < self->grown_above->len)
    {
      GtkWidget *card = g_ptr_array_index (self->grown_above, i);
      int height = gtk_widget_get_height (card);

      if (gtk_widget_get_parent (card) == GTK_WIDGET (self->cards_box) && height <= 0)
        {
          i++;  /* not laid out yet */
          continue;
        }
      if (gtk_widget_get_parent (card) == GTK_WIDGET (self->cards_box))
        shift += height - g_array_index (self->grown_above_heights, double, i);
      g_ptr_array_remove_index (self->grown_above, i);
      g_array_remove_index (self->grown_above_heights, i);
    }

  if (shift != 0)
    {
      adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + shift);
    }
}

static void
after_paint_cb (GdkFrameClock *clock,
                OurGoalsView  *self)
{
  g_clear_signal_handler (&self->after_paint_handler, clock);
  update_range (self);
}

static void
queue_range_update (OurGoalsView *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (clock == NULL || self->after_paint_handler != 0 || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;

  self->after_paint_handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb),
                                                self);
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_AFTER_PAINT);
}

static gboolean
build_wanted_cb (gpointer user_data)
{
  OurGoalsView *self = user_data;

  self->wanted_source = 0;
  if (self->wanted == NULL)
    return G_SOURCE_REMOVE;
  /* Still where the keyboard found it, and still holding the focus. */
  if (gtk_widget_get_parent (self->wanted) == GTK_WIDGET (self->cards_box) &&
      gtk_widget_has_focus (self->wanted))
    {
      our_goal_card_focus_title (ensure_card (self, self->wanted));
      queue_reveal_focus (self);
    }
  g_clear_object (&self->wanted);
  return G_SOURCE_REMOVE;
}

/* The keyboard came to a goal far from sight: once the focus has settled
 * (the placeholder cannot go while it is taking the focus), its card
 * takes its place and the focus. */
static void
placeholder_wanted_cb (OurGoalsView       *self,
                       OurGoalPlaceholder *placeholder)
{
  g_set_object (&self->wanted, GTK_WIDGET (placeholder));
  if (self->wanted_source == 0)
    self->wanted_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, build_wanted_cb, self, NULL);
}

/* Cards built at once when a plan is shown: enough to fill a large screen. */
#define FIRST_CARDS 6

static void
show_goals (OurGoalsView *self)
{
  GListModel *goals = our_plan_get_goals (self->plan);
  guint n = g_list_model_get_n_items (goals);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(OurGoal) goal = g_list_model_get_item (goals, i);

      gtk_box_append (self->cards_box, i < FIRST_CARDS ? new_card (self, goal)
                                                       : new_placeholder (self, goal));
    }
  queue_range_update (self);
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
        our_goal_card_focus_title (ensure_card (self, get_slot_at (self, MIN ((guint) self->lost_focus_at,
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

  child = get_slot_at (self, position);

  for (guint i = 0; i < removed && child != NULL; i++)
    {
      GtkWidget *next = next_slot (child);
      OurGoal *goal = slot_get_goal (child);
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

  before = position > 0 ? get_slot_at (self, position - 1) : NULL;
  for (guint i = 0; i < added; i++)
    {
      g_autoptr(OurGoal) goal = g_list_model_get_item (goals, position + i);
      g_autoptr(GtkWidget) slot = take_slot_for (self, goal, before);

      if (gtk_widget_get_parent (slot) == GTK_WIDGET (self->cards_box))
        {
          gtk_box_reorder_child_after (self->cards_box, slot, before);
          gtk_widget_set_visible (slot, TRUE);
        }
      else
        gtk_box_insert_child_after (self->cards_box, slot, before);
      before = slot;
    }

  if (self->tidy_source == 0 && (g_hash_table_size (self->parked_cards) > 0 ||
                                 self->lost_focus_at >= 0))
    self->tidy_source = g_idle_add_full (G_PRIORITY_DEFAULT, tidy_cb, self, NULL);

  update_positions (self);
  update_coverage (self);
  queue_reveal_focus (self);
  queue_range_update (self);
}

static void
remove_all_cards (OurGoalsView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->cards_box))) != NULL)
    gtk_box_remove (self->cards_box, child);
  g_hash_table_remove_all (self->parked_cards);
  g_hash_table_remove_all (self->heights);
  self->measured_sum = 0;
  self->n_measured = 0;
  g_ptr_array_set_size (self->grown_above, 0);
  g_array_set_size (self->grown_above_heights, 0);
}

static void
add_goal_action_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  OurGoalsView *self = OUR_GOALS_VIEW (widget);
  g_autofree char *id = NULL;
  g_autoptr(OurGoal) goal = NULL;
  GtkWidget *slot;

  if (self->plan == NULL || self->read_only
      || our_toast_if_full (widget, our_plan_get_n_goals (self->plan), OUR_MAX_GOALS,
                            _("This plan already holds as many goals as Our Plan can keep.")))
    return;

  id = our_new_id ();
  goal = our_goal_new (id);
  if (!our_session_run (self->session, our_command_new_add_goal (goal, -1), NULL))
    return;

  slot = find_slot (self, id);
  if (slot != NULL)
    our_goal_card_focus_title (ensure_card (self, slot));
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
    if (OUR_IS_GOAL_CARD (child))
      our_goal_card_set_read_only (OUR_GOAL_CARD (child), read_only);
  update_actions (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
}


static void
our_goals_view_map (GtkWidget *widget)
{
  OurGoalsView *self = OUR_GOALS_VIEW (widget);

  GTK_WIDGET_CLASS (our_goals_view_parent_class)->map (widget);

  self->layout_handler = g_signal_connect (gtk_widget_get_frame_clock (widget), "layout",
                                           G_CALLBACK (layout_cb), self);
  queue_range_update (self);
}

static void
our_goals_view_unmap (GtkWidget *widget)
{
  OurGoalsView *self = OUR_GOALS_VIEW (widget);
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);

  g_clear_signal_handler (&self->reveal_handler, clock);
  g_clear_signal_handler (&self->after_paint_handler, clock);
  g_clear_signal_handler (&self->layout_handler, clock);

  GTK_WIDGET_CLASS (our_goals_view_parent_class)->unmap (widget);
}

static void
our_goals_view_dispose (GObject *object)
{
  OurGoalsView *self = OUR_GOALS_VIEW (object);

  g_clear_handle_id (&self->tidy_source, g_source_remove);
  g_clear_handle_id (&self->wanted_source, g_source_remove);
  g_clear_object (&self->wanted);
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
  g_clear_pointer (&self->heights, g_hash_table_unref);
  g_clear_pointer (&self->grown_above, g_ptr_array_unref);
  g_clear_pointer (&self->grown_above_heights, g_array_unref);

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
  widget_class->map = our_goals_view_map;
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
  g_type_ensure (OUR_TYPE_GOAL_PLACEHOLDER);

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
  GtkAdjustment *adjustment;

  self->lost_focus_at = -1;
  self->parked_cards = g_hash_table_new_full (g_direct_hash, g_direct_equal,
                                              g_object_unref, g_object_unref);
  self->heights = g_hash_table_new_full (g_direct_hash, g_direct_equal, g_object_unref, NULL);
  self->grown_above = g_ptr_array_new_with_free_func (g_object_unref);
  self->grown_above_heights = g_array_new (FALSE, FALSE, sizeof (double));

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Scrolling, and a new size of window, bring other goals near. */
  adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  g_signal_connect_object (adjustment, "value-changed", G_CALLBACK (queue_range_update), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (adjustment, "changed", G_CALLBACK (queue_range_update), self,
                           G_CONNECT_SWAPPED);

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
