/* test-goals.c: the "My goals" tab: cards, progress scale, steps, delete with undo, reorder
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "test-support.h"

#include <adwaita.h>
#include <math.h>

#include "our-command.h"
#include "our-choice-button.h"
#include "our-date-button.h"
#include "our-goal-card.h"
#include "our-goal-placeholder.h"
#include "our-goals-view.h"
#include "our-history.h"
#include "our-progress-render.h"
#include "our-progress-scale.h"
#include "our-step-row.h"
#include "our-symbols.h"
#include "our-text-field.h"
#include "test-session.h"

/* Helpers */

typedef struct
{
  OurPlan      *plan;
  GtkWidget    *window;
  GtkWidget    *overlay;
  OurGoalsView *view;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->plan = our_plan_new ();
  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1000, 800);
  fixture->overlay = adw_toast_overlay_new ();
  fixture->view = OUR_GOALS_VIEW (our_goals_view_new ());
  our_goals_view_set_session (fixture->view, test_session_for (fixture->plan));
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (fixture->overlay), GTK_WIDGET (fixture->view));
  gtk_window_set_child (GTK_WINDOW (fixture->window), fixture->overlay);
  gtk_window_present (GTK_WINDOW (fixture->window));
  test_wait_mapped (fixture->window);
  test_drain_events ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  test_drain_events ();
  g_clear_object (&fixture->plan);
}

static void
run (Fixture    *fixture,
     OurCommand *command)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (our_history_run (test_history_for (fixture->plan), command, &error));
  g_assert_no_error (error);
}

static OurGoal *
add_goal (Fixture    *fixture,
          const char *title)
{
  g_autofree char *id = our_new_id ();
  g_autoptr(OurGoal) goal = our_goal_new (id);

  run (fixture, our_command_new_add_goal (goal, -1));
  run (fixture, our_command_new_set_goal_text (id, OUR_GOAL_TEXT_TITLE, title,
                                               OUR_AUTHOR_PERSON));
  return our_plan_find_goal (fixture->plan, id, NULL);
}

static OurGoalCard *
card_at (Fixture *fixture,
         guint    index)
{
  return OUR_GOAL_CARD (test_find_nth (GTK_WIDGET (fixture->view), OUR_TYPE_GOAL_CARD, index));
}

static guint
n_cards (Fixture *fixture)
{
  return test_count_descendants (GTK_WIDGET (fixture->view), OUR_TYPE_GOAL_CARD);
}

static void
assert_label (GtkWidget  *widget,
              const char *expected)
{
  char *message = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                      GTK_ACCESSIBLE_PROPERTY_LABEL, expected);

  if (message != NULL)
    g_error ("%s: %s", G_OBJECT_TYPE_NAME (widget), message);
}

/* Rendering */

static void
test_progress_value_at (void)
{
  /* Ten steps across 100 pixels: each tenth sets its own step. */
  g_assert_cmpuint (our_progress_value_at (100, 10, -1), ==, 0);
  g_assert_cmpuint (our_progress_value_at (100, 10, 0), ==, 1);
  g_assert_cmpuint (our_progress_value_at (100, 10, 9.9), ==, 1);
  g_assert_cmpuint (our_progress_value_at (100, 10, 10), ==, 2);
  g_assert_cmpuint (our_progress_value_at (100, 10, 45), ==, 5);
  g_assert_cmpuint (our_progress_value_at (100, 10, 99.9), ==, 10);
  /* Past the end is the end; nonsense sets nothing. */
  g_assert_cmpuint (our_progress_value_at (100, 10, 500), ==, 10);
  g_assert_cmpuint (our_progress_value_at (0, 10, 5), ==, 0);
  g_assert_cmpuint (our_progress_value_at (100, 0, 5), ==, 0);
  g_assert_cmpuint (our_progress_value_at (100, 10, NAN), ==, 0);
}

static gboolean
pixel_is (cairo_surface_t *surface,
          int              x,
          int              y,
          guint32          argb)
{
  guint32 *row = (guint32 *) (cairo_image_surface_get_data (surface) +
                              y * cairo_image_surface_get_stride (surface));

  return row[x] == argb;
}

static void
test_progress_render (void)
{
  const OurProgressColors colors = {
    .filled = { 1, 0, 0, 1 },
    .empty = { 0, 0, 1, 1 },
    .outline = { 0, 0, 0, 0 },
  };
  const int width = 400, height = 60;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);
  guint red = 0, blue = 0;

  our_progress_render (cr, 0, 0, width, height, 4, 10, &colors);
  cairo_surface_flush (surface);

  /* Near the bottom of each step, where every step is drawn: the first four
   * are filled, the other six are still to go. */
  for (guint step = 0; step < 10; step++)
    {
      int x = width / 10 * step + width / 20;

      if (step < 4)
        g_assert_true (pixel_is (surface, x, height - 4, 0xffff0000));
      else
        g_assert_true (pixel_is (surface, x, height - 4, 0xff0000ff));
      g_assert_cmpuint (our_progress_value_at (width, 10, x), ==, step + 1);
    }

  /* The steps grow: the first one leaves the top of its box empty. */
  g_assert_true (pixel_is (surface, width / 20, 2, 0x00000000));
  g_assert_true (pixel_is (surface, width - width / 20, 4, 0xff0000ff));

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        red += pixel_is (surface, x, y, 0xffff0000);
        blue += pixel_is (surface, x, y, 0xff0000ff);
      }
  g_assert_cmpuint (red, >, 1000);
  g_assert_cmpuint (blue, >, red);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* The goals view */

static void
test_add_goal (Fixture       *fixture,
               gconstpointer  data)
{
  GtkWidget *empty = test_find_nth (GTK_WIDGET (fixture->view), ADW_TYPE_STATUS_PAGE, 0);
  GtkStack *stack = GTK_STACK (test_find_nth (GTK_WIDGET (fixture->view), GTK_TYPE_STACK, 0));
  OurGoalCard *card;
  GtkWidget *focus;

  /* An empty plan says so, with a way to start. */
  g_assert_nonnull (empty);
  g_assert_true (gtk_stack_get_visible_child (stack) == empty);
  g_assert_cmpuint (n_cards (fixture), ==, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "goals.add", NULL));
  test_drain_events ();

  g_assert_cmpuint (our_plan_get_n_goals (fixture->plan), ==, 1);
  g_assert_cmpuint (n_cards (fixture), ==, 1);
  g_assert_false (gtk_stack_get_visible_child (stack) == empty);

  card = card_at (fixture, 0);
  g_assert_true (our_goal_card_get_goal (card) == our_plan_get_goal (fixture->plan, 0));
  assert_label (GTK_WIDGET (card), "New goal");

  /* The keyboard is in the new goal's title, ready for the person's words. */
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, test_find_nth (GTK_WIDGET (card),
                                                          OUR_TYPE_TEXT_FIELD, 0)));

  /* Adding is one undoable change. */
  g_assert_true (our_history_undo (test_history_for (fixture->plan), NULL));
  test_drain_events ();
  g_assert_cmpuint (our_plan_get_n_goals (fixture->plan), ==, 0);
  g_assert_cmpuint (n_cards (fixture), ==, 0);
  g_assert_true (gtk_stack_get_visible_child (stack) == empty);
}

static void
test_progress_scale (Fixture       *fixture,
                     gconstpointer  data)
{
  OurGoal *goal = add_goal (fixture, "Walk by the river every morning");
  OurGoalCard *card = card_at (fixture, 0);
  OurProgressScale *scale = OUR_PROGRESS_SCALE (test_find_nth (GTK_WIDGET (card),
                                                          OUR_TYPE_PROGRESS_SCALE, 0));
  char *message;

  g_assert_nonnull (scale);
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (scale)));
  g_assert_true (gtk_test_accessible_has_role (GTK_ACCESSIBLE (scale),
                                               GTK_ACCESSIBLE_ROLE_SLIDER));

  /* The keys (Right, +, End) run these actions. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (scale), "progress.increase", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (scale), "progress.increase", NULL));
  g_assert_cmpuint (our_goal_get_progress (goal), ==, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (scale), "progress.last", NULL));
  g_assert_cmpuint (our_goal_get_progress (goal), ==, 10);
  our_progress_scale_request_value (scale, 4);
  g_assert_cmpuint (our_goal_get_progress (goal), ==, 4);
  g_assert_cmpuint (our_progress_scale_get_value (scale), ==, 4);

  message = gtk_test_accessible_check_property (GTK_ACCESSIBLE (scale),
                                                GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT,
                                                "4 out of 10");
  g_assert_null (message);
  message = gtk_test_accessible_check_property (GTK_ACCESSIBLE (scale),
                                                GTK_ACCESSIBLE_PROPERTY_VALUE_NOW, 4.0);
  g_assert_null (message);

  /* The card says it in words too. */
  {
    gboolean found = FALSE;

    for (guint i = 0; !found; i++)
      {
        GtkWidget *label = test_find_nth (GTK_WIDGET (card), GTK_TYPE_LABEL, i);

        g_assert_nonnull (label);
        found = g_strcmp0 (gtk_label_get_label (GTK_LABEL (label)), "4 of 10") == 0;
      }
  }

  /* A run of changes to one scale is one undo step; the scale follows the
   * model back. */
  g_assert_true (our_history_undo (test_history_for (fixture->plan), NULL));
  g_assert_cmpuint (our_goal_get_progress (goal), ==, 0);
  g_assert_cmpuint (our_progress_scale_get_value (scale), ==, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (scale), "progress.last", NULL));
  g_assert_cmpuint (our_goal_get_progress (goal), ==, 10);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (scale), "progress.first", NULL));
  g_assert_cmpuint (our_goal_get_progress (goal), ==, 0);
}

static void
test_delete_and_undo (Fixture       *fixture,
                      gconstpointer  data)
{
  OurGoal *goal = add_goal (fixture, "Walk by the river every morning");
  g_autofree char *id = g_strdup (our_goal_get_id (goal));
  OurTextField *title;
  GtkWidget *undo_button = NULL;

  add_goal (fixture, "Cook a meal with my sister");
  test_drain_events ();
  g_assert_cmpuint (n_cards (fixture), ==, 2);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (card_at (fixture, 0)), "goal.delete",
                                             NULL));
  test_drain_events ();
  g_assert_cmpuint (our_plan_get_n_goals (fixture->plan), ==, 1);
  g_assert_null (our_plan_find_goal (fixture->plan, id, NULL));
  g_assert_cmpuint (n_cards (fixture), ==, 1);

  /* A toast offers to take it back. */
  for (guint i = 0; undo_button == NULL; i++)
    {
      GtkWidget *button = test_find_nth (fixture->overlay, GTK_TYPE_BUTTON, i);

      g_assert_nonnull (button);
      if (g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), "win.undo") == 0)
        undo_button = button;
    }

  g_assert_true (our_history_undo (test_history_for (fixture->plan), NULL));
  test_drain_events ();
  g_assert_cmpuint (our_plan_get_n_goals (fixture->plan), ==, 2);
  g_assert_cmpuint (n_cards (fixture), ==, 2);
  g_assert_cmpstr (our_goal_get_id (our_goal_card_get_goal (card_at (fixture, 0))), ==, id);

  title = OUR_TEXT_FIELD (test_find_nth (GTK_WIDGET (card_at (fixture, 0)), OUR_TYPE_TEXT_FIELD, 0));
  g_assert_cmpstr (our_text_field_get_text (title), ==, "Walk by the river every morning");
  assert_label (GTK_WIDGET (card_at (fixture, 0)), "Goal: Walk by the river every morning");
}

static void
assert_order (Fixture    *fixture,
              const char *first,
              const char *second,
              const char *third)
{
  const char *titles[] = { first, second, third };

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      g_assert_cmpstr (our_goal_get_title (our_plan_get_goal (fixture->plan, i)), ==, titles[i]);
      g_assert_cmpstr (our_goal_get_title (our_goal_card_get_goal (card_at (fixture, i))), ==,
                       titles[i]);
    }
}

static GtkWidget *
find_button_for_action (GtkWidget  *widget,
                        const char *action_name)
{
  for (guint i = 0;; i++)
    {
      GtkWidget *button = test_find_nth (widget, GTK_TYPE_BUTTON, i);

      if (button == NULL ||
          g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), action_name) == 0)
        return button;
    }
}

static void
test_move (Fixture       *fixture,
           gconstpointer  data)
{
  OurGoalCard *card;
  GtkWidget *title;
  GtkWidget *focus;

  add_goal (fixture, "A");
  add_goal (fixture, "B");
  add_goal (fixture, "C");
  test_drain_events ();

  card = card_at (fixture, 0);
  title = test_find_nth (GTK_WIDGET (card), OUR_TYPE_TEXT_FIELD, 0);
  gtk_widget_grab_focus (title);
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_true (gtk_widget_is_ancestor (focus, title));

  /* Alt+Down runs this action. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (card), "goal.move-down", NULL));
  test_drain_events ();
  assert_order (fixture, "B", "A", "C");
  /* The same card moved, and the keyboard stayed in it. */
  g_assert_true (card_at (fixture, 1) == card);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (fixture->window)) == focus);
  /* Its buttons still work. */
  g_assert_true (gtk_widget_is_sensitive (find_button_for_action (GTK_WIDGET (card),
                                                                  "goal.add-step")));
  g_assert_true (gtk_widget_is_sensitive (find_button_for_action (GTK_WIDGET (card),
                                                                  "goal.delete")));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (card), "goal.move-down", NULL));
  test_drain_events ();
  assert_order (fixture, "B", "C", "A");

  /* The last goal cannot go further down. */
  gtk_widget_activate_action (GTK_WIDGET (card), "goal.move-down", NULL);
  test_drain_events ();
  assert_order (fixture, "B", "C", "A");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (card), "goal.move-up", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (card), "goal.move-up", NULL));
  test_drain_events ();
  assert_order (fixture, "A", "B", "C");
  g_assert_true (gtk_root_get_focus (GTK_ROOT (fixture->window)) == focus);

  g_assert_true (our_history_undo (test_history_for (fixture->plan), NULL));
  test_drain_events ();
  assert_order (fixture, "B", "A", "C");
}

static void
test_steps (Fixture       *fixture,
            gconstpointer  data)
{
  OurGoal *goal = add_goal (fixture, "Walk by the river every morning");
  OurGoalCard *card = card_at (fixture, 0);
  g_autofree char *words = NULL;
  OurDateButton *date_button;
  OurStepRow *row;
  OurStep *step;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (card), "goal.add-step", NULL));
  test_drain_events ();
  g_assert_cmpuint (our_goal_get_n_steps (goal), ==, 1);
  row = OUR_STEP_ROW (test_find_nth (GTK_WIDGET (card), OUR_TYPE_STEP_ROW, 0));
  g_assert_nonnull (row);
  step = our_step_row_get_step (row);
  g_assert_true (step == our_goal_get_step (goal, 0));

  /* The keyboard is in the new step's "what". */
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)),
                                         GTK_WIDGET (row)));

  /* Its words come from the model, also after undo. */
  run (fixture, our_command_new_set_step_text (our_step_get_id (step), OUR_STEP_TEXT_WHO,
                                               "My sister", OUR_AUTHOR_PERSON));
  g_assert_cmpstr (our_text_field_get_text (OUR_TEXT_FIELD (test_find_nth (GTK_WIDGET (row),
                                                                      OUR_TYPE_TEXT_FIELD, 1))),
                   ==, "My sister");
  g_assert_true (our_history_undo (test_history_for (fixture->plan), NULL));
  g_assert_cmpstr (our_text_field_get_text (OUR_TEXT_FIELD (test_find_nth (GTK_WIDGET (row),
                                                                      OUR_TYPE_TEXT_FIELD, 1))),
                   ==, "");

  /* By when: shown in words on the row's date button. */
  run (fixture, our_command_new_set_step_text (our_step_get_id (step), OUR_STEP_TEXT_BY_WHEN,
                                               "2027-03-03", OUR_AUTHOR_COORDINATOR));
  date_button = OUR_DATE_BUTTON (test_find_nth (GTK_WIDGET (row), OUR_TYPE_DATE_BUTTON, 0));
  g_assert_cmpstr (our_date_button_get_date (date_button), ==, "2027-03-03");
  g_assert_cmpstr (our_date_button_get_label (date_button), ==, "by 3 March 2027");
  g_assert_true (our_history_undo (test_history_for (fixture->plan), NULL));
  g_assert_cmpstr (our_date_button_get_label (date_button), ==, "No date yet");
  words = our_format_date_for_people ("2027-03-03");
  g_assert_cmpstr (words, ==, "3 March 2027");
  g_assert_null (our_format_date_for_people ("2027-02-30"));
  g_assert_null (our_format_date_for_people (""));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "step.delete", NULL));
  test_drain_events ();
  g_assert_cmpuint (our_goal_get_n_steps (goal), ==, 0);
  g_assert_cmpuint (test_count_descendants (GTK_WIDGET (card), OUR_TYPE_STEP_ROW), ==, 0);
}

static void
test_choices (Fixture       *fixture,
              gconstpointer  data)
{
  OurGoal *goal = add_goal (fixture, "Find paid work");
  OurGoalCard *card = card_at (fixture, 0);
  OurChoiceButton *areas = OUR_CHOICE_BUTTON (test_find_nth (GTK_WIDGET (card), OUR_TYPE_CHOICE_BUTTON, 0));
  OurChoiceButton *statuses = OUR_CHOICE_BUTTON (test_find_nth (GTK_WIDGET (card), OUR_TYPE_CHOICE_BUTTON, 1));
  GtkMenuButton *areas_button = GTK_MENU_BUTTON (test_find_nth (GTK_WIDGET (areas), GTK_TYPE_MENU_BUTTON, 0));
  g_autofree char *area_name = NULL;
  GtkWidget *coverage = NULL;
  g_autofree char *expected = NULL;

  /* "No life area" and the eight areas; the three statuses. */
  g_assert_cmpuint (our_choice_button_get_n_choices (areas), ==, 9);
  g_assert_cmpuint (our_choice_button_get_n_choices (statuses), ==, 3);

  /* The menu is made when first opened, with one item per choice. */
  g_assert_null (gtk_menu_button_get_menu_model (areas_button));
  gtk_menu_button_popup (areas_button);
  g_assert_nonnull (gtk_menu_button_get_menu_model (areas_button));
  g_assert_cmpint (g_menu_model_get_n_items (gtk_menu_button_get_menu_model (areas_button)), ==, 9);
  gtk_menu_button_popdown (areas_button);

  /* Choosing from the menu runs its action. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (areas), "choice.selected", "u",
                                             (guint32) OUR_LIFE_AREA_WORK));
  g_assert_cmpint (our_goal_get_life_area (goal), ==, OUR_LIFE_AREA_WORK);
  area_name = g_strdup_printf ("Life area: %s", our_life_area_get_label (OUR_LIFE_AREA_WORK));
  assert_label (GTK_WIDGET (areas_button), area_name);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (statuses), "choice.selected", "u",
                                             (guint32) OUR_GOAL_STATUS_DONE));
  g_assert_cmpint (our_goal_get_status (goal), ==, OUR_GOAL_STATUS_DONE);

  /* The view says which parts of life the plan covers. */
  expected = g_strdup_printf ("Covers %s. 7 life areas not covered yet.",
                              our_life_area_get_label (OUR_LIFE_AREA_WORK));
  for (guint i = 0; coverage == NULL; i++)
    {
      GtkWidget *label = test_find_nth (GTK_WIDGET (fixture->view), GTK_TYPE_LABEL, i);

      g_assert_nonnull (label);
      if (g_strcmp0 (gtk_label_get_label (GTK_LABEL (label)), expected) == 0)
        coverage = label;
    }

  g_assert_true (our_history_undo (test_history_for (fixture->plan), NULL));
  g_assert_true (our_history_undo (test_history_for (fixture->plan), NULL));
  g_assert_cmpuint (our_choice_button_get_selected (areas), ==, OUR_LIFE_AREA_NONE);
  g_assert_cmpuint (our_choice_button_get_selected (statuses), ==, OUR_GOAL_STATUS_ACTIVE);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (coverage)), ==, "No life areas chosen yet.");

  /* A picture from the built-in set, named for screen readers. */
  run (fixture, our_command_new_set_symbol (our_goal_get_id (goal), "work"));
  assert_label (test_find_nth (GTK_WIDGET (card), GTK_TYPE_MENU_BUTTON, 0),
                "Picture: Work. Choose another picture");
  run (fixture, our_command_new_set_symbol (our_goal_get_id (goal), ""));
  assert_label (test_find_nth (GTK_WIDGET (card), GTK_TYPE_MENU_BUTTON, 0), "Choose a picture");
}

static gboolean
has_name (GtkWidget *widget)
{
  GtkAccessible *accessible = GTK_ACCESSIBLE (widget);

  if (gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL) ||
      gtk_test_accessible_has_relation (accessible, GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    return TRUE;

  /* A button named by the words it shows. */
  for (guint i = 0;; i++)
    {
      GtkWidget *label = test_find_nth (widget, GTK_TYPE_LABEL, i);

      if (label == NULL)
        return FALSE;
      if (gtk_widget_get_visible (label) && *gtk_label_get_label (GTK_LABEL (label)) != '\0')
        return TRUE;
    }
}

static void
check_names (GtkWidget *widget,
             guint     *n_checked)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      /* The parts GTK builds inside its own widgets are its business. */
      if (GTK_IS_DROP_DOWN (child) || GTK_IS_MENU_BUTTON (child) || OUR_IS_PROGRESS_SCALE (child) ||
          GTK_IS_ENTRY (child) || GTK_IS_TEXT_VIEW (child))
        {
          if (!has_name (child))
            g_error ("%s has no accessible name", G_OBJECT_TYPE_NAME (child));
          (*n_checked)++;
          continue;
        }
      if (GTK_IS_BUTTON (child))
        {
          if (!has_name (child))
            g_error ("button %s has no accessible name",
                     gtk_widget_get_tooltip_text (child) ?: "(no tooltip)");
          (*n_checked)++;
        }
      if (GTK_IS_CALENDAR (child))
        continue;
      check_names (child, n_checked);
    }
}

static void
test_accessible_names (Fixture       *fixture,
                       gconstpointer  data)
{
  OurGoalCard *card;
  guint n_checked = 0;

  add_goal (fixture, "Walk by the river every morning");
  card = card_at (fixture, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (card), "goal.add-step", NULL));
  test_drain_events ();

  assert_label (GTK_WIDGET (card), "Goal: Walk by the river every morning");
  g_assert_true (gtk_test_accessible_has_role (GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_ROLE_GROUP));

  /* Every control of the card, of its step and of the picture chooser. */
  check_names (GTK_WIDGET (card), &n_checked);
  g_assert_cmpuint (n_checked, >=, 10);
  for (guint i = 0; i < our_symbols_get_n (); i++)
    g_assert_nonnull (our_symbols_get_label (our_symbols_get_key (i)));
  g_assert_null (our_symbols_get_label ("dragon"));
}

static void
test_read_only (Fixture       *fixture,
                gconstpointer  data)
{
  OurGoalCard *card;
  GtkWidget *scale;
  GtkWidget *title;
  gboolean editable = TRUE;

  add_goal (fixture, "Walk by the river every morning");
  g_object_set (fixture->view, "read-only", TRUE, NULL);
  test_drain_events ();

  card = card_at (fixture, 0);
  scale = test_find_nth (GTK_WIDGET (card), OUR_TYPE_PROGRESS_SCALE, 0);
  title = test_find_nth (GTK_WIDGET (card), OUR_TYPE_TEXT_FIELD, 0);
  g_object_get (title, "editable", &editable, NULL);
  g_assert_false (editable);
  g_assert_false (gtk_widget_is_sensitive (scale));
  g_assert_false (gtk_widget_is_sensitive (test_find_nth (GTK_WIDGET (card), OUR_TYPE_CHOICE_BUTTON, 0)));

  /* Nothing can be added, moved or deleted. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "goals.add", NULL);
  gtk_widget_activate_action (GTK_WIDGET (card), "goal.delete", NULL);
  test_drain_events ();
  g_assert_cmpuint (our_plan_get_n_goals (fixture->plan), ==, 1);

  g_object_set (fixture->view, "read-only", FALSE, NULL);
  g_assert_true (gtk_widget_is_sensitive (scale));
}

/* A step whose helper is a member of My people shows the member's name, also
 * after a rename, and the name is not typed over. */
static void
test_step_helper (Fixture       *fixture,
                  gconstpointer  data)
{
  OurGoal *goal = add_goal (fixture, "Swim again");
  g_autoptr(OurStep) step = our_step_new (NULL);
  g_autoptr(OurMember) member = our_member_new (NULL);
  g_autofree char *member_id = g_strdup (our_member_get_id (member));
  OurTextField *who;
  gboolean editable;

  our_member_set_text (member, OUR_MEMBER_TEXT_NAME, "Nia", OUR_AUTHOR_PERSON);
  run (fixture, our_command_new_add_member (member, -1));
  run (fixture, our_command_new_add_step (our_goal_get_id (goal), step, -1));
  test_drain_events ();
  who = OUR_TEXT_FIELD (test_find_nth (GTK_WIDGET (card_at (fixture, 0)), OUR_TYPE_TEXT_FIELD, 3));
  g_assert_cmpstr (our_text_field_get_text (who), ==, "");

  run (fixture, our_command_new_set_step_helper (our_step_get_id (step), member_id));
  g_assert_cmpstr (our_text_field_get_text (who), ==, "Nia");
  g_object_get (who, "editable", &editable, NULL);
  g_assert_false (editable);

  run (fixture, our_command_new_set_member_text (member_id, OUR_MEMBER_TEXT_NAME, "Nia Jones",
                                                 OUR_AUTHOR_PERSON));
  g_assert_cmpstr (our_text_field_get_text (who), ==, "Nia Jones");

  /* Back to free text when nobody from My people helps. */
  g_assert_true (our_history_undo (test_history_for (fixture->plan), NULL));
  g_assert_true (our_history_undo (test_history_for (fixture->plan), NULL));
  g_assert_cmpstr (our_text_field_get_text (who), ==, "");
  g_object_get (who, "editable", &editable, NULL);
  g_assert_true (editable);
}

/* Waits, frame after frame, until @done holds of @view, for at most ten
 * seconds: cards are built after a frame has shown where they are. */
static gboolean
wait_for (OurGoalsView *view,
          gboolean    (*done) (OurGoalsView *view))
{
  gint64 give_up = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND;

  while (!done (view) && g_get_monotonic_time () < give_up)
    {
      gtk_widget_queue_draw (GTK_WIDGET (view));
      test_drain_events ();
      g_usleep (2000);
    }
  return done (view);
}

static GtkWidget *
slots_box (OurGoalsView *view)
{
  GtkWidget *card = test_find_nth (GTK_WIDGET (view), OUR_TYPE_GOAL_CARD, 0);

  return card != NULL ? gtk_widget_get_parent (card)
                      : gtk_widget_get_parent (test_find_nth (GTK_WIDGET (view),
                                                              OUR_TYPE_GOAL_PLACEHOLDER, 0));
}

static OurGoal *
slot_goal (GtkWidget *slot)
{
  return OUR_IS_GOAL_CARD (slot) ? our_goal_card_get_goal (OUR_GOAL_CARD (slot))
                                 : our_goal_placeholder_get_goal (OUR_GOAL_PLACEHOLDER (slot));
}

/* Every goal has one shown slot, a card or a placeholder, in the plan's order. */
static void
assert_slots_in_order (OurGoalsView *view,
                       OurPlan      *plan)
{
  guint i = 0;

  for (GtkWidget *slot = gtk_widget_get_first_child (slots_box (view)); slot != NULL;
       slot = gtk_widget_get_next_sibling (slot))
    {
      if (!gtk_widget_get_visible (slot))
        continue;
      g_assert_true (OUR_IS_GOAL_CARD (slot) || OUR_IS_GOAL_PLACEHOLDER (slot));
      g_assert_cmpuint (i, <, our_plan_get_n_goals (plan));
      g_assert_true (slot_goal (slot) == our_plan_get_goal (plan, i));
      i++;
    }
  g_assert_cmpuint (i, ==, our_plan_get_n_goals (plan));
}

static GtkWidget *
last_slot (OurGoalsView *view)
{
  return gtk_widget_get_last_child (slots_box (view));
}

static gboolean
last_is_card (OurGoalsView *view)
{
  return OUR_IS_GOAL_CARD (last_slot (view));
}

static gboolean
first_is_card (OurGoalsView *view)
{
  return OUR_IS_GOAL_CARD (gtk_widget_get_first_child (slots_box (view)));
}

static gboolean
first_is_placeholder (OurGoalsView *view)
{
  return OUR_IS_GOAL_PLACEHOLDER (gtk_widget_get_first_child (slots_box (view)));
}

static gboolean
focus_in_a_title (OurGoalsView *view)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (view)));
  GtkWidget *card = focus != NULL ? gtk_widget_get_ancestor (focus, OUR_TYPE_GOAL_CARD) : NULL;

  return card != NULL &&
         gtk_widget_is_ancestor (focus, test_find_nth (card, OUR_TYPE_TEXT_FIELD, 0));
}

/* A long plan has cards only for the goals in and near the view, and
 * placeholders in their places for the rest; scrolling builds the cards
 * that come near and lets go of those far away; the keyboard reaches
 * every goal; and changes keep every goal in the plan's order. */
static void
test_long_plan (void)
{
  g_autoptr(OurPlan) plan = our_plan_new ();
  OurHistory *history = test_history_for (plan);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *overlay = adw_toast_overlay_new ();
  OurGoalsView *view = OUR_GOALS_VIEW (our_goals_view_new ());
  GtkAdjustment *adjustment;
  GtkWidget *far, *card;
  g_autofree char *moved_id = NULL;
  g_autofree char *deleted_id = NULL;
  OurGoal *far_goal;
  guint n;

  for (guint i = 0; i < 30; i++)
    {
      g_autoptr(OurGoal) goal = our_goal_new (NULL);
      g_autofree char *title = g_strdup_printf ("Goal %u", i);

      our_goal_set_text (goal, OUR_GOAL_TEXT_TITLE, title, OUR_AUTHOR_PERSON);
      for (guint s = 0; s < 3; s++)
        {
          g_autoptr(OurStep) step = our_step_new (NULL);

          our_step_set_text (step, OUR_STEP_TEXT_WHAT, "A small step", OUR_AUTHOR_PERSON);
          our_goal_insert_step (goal, s, step);
        }
      our_plan_insert_goal (plan, i, goal);
    }
  moved_id = g_strdup (our_goal_get_id (our_plan_get_goal (plan, 20)));
  deleted_id = g_strdup (our_goal_get_id (our_plan_get_goal (plan, 2)));

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 800);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (view));
  gtk_window_set_child (GTK_WINDOW (window), overlay);
  gtk_window_present (GTK_WINDOW (window));
  our_goals_view_set_session (view, test_session_for (plan));
  test_wait_mapped (window);
  test_drain_events ();

  n = test_count_descendants (GTK_WIDGET (view), OUR_TYPE_GOAL_CARD);
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (n, <, 30);
  assert_slots_in_order (view, plan);
  /* A placeholder carries its goal's name for screen readers. */
  assert_label (last_slot (view), "Goal: Goal 29");

  /* Changes among the cards and past them. */
  g_assert_true (our_history_run (history, our_command_new_delete_goal (deleted_id), NULL));
  g_assert_true (our_history_run (history, our_command_new_move_goal (moved_id, 0), NULL));
  g_assert_true (our_history_run (history, our_command_new_set_progress (moved_id, 3), NULL));
  test_drain_events ();
  g_assert_cmpuint (our_plan_get_n_goals (plan), ==, 29);
  assert_slots_in_order (view, plan);
  /* The goal moved to the top from far away gets its card. */
  g_assert_true (wait_for (view, first_is_card));

  /* Scrolled to the end: the last goals have cards, the first ones not. */
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (
                 gtk_widget_get_ancestor (slots_box (view), GTK_TYPE_SCROLLED_WINDOW)));
  for (guint round = 0; round < 50 && !last_is_card (view); round++)
    {
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
      wait_for (view, last_is_card);
    }
  g_assert_true (last_is_card (view));
  g_assert_true (wait_for (view, first_is_placeholder));
  g_assert_cmpuint (test_count_descendants (GTK_WIDGET (view), OUR_TYPE_GOAL_CARD), <, 29);
  assert_slots_in_order (view, plan);

  /* The keyboard on a goal far from sight brings its card, with the focus
   * in its title. */
  far = gtk_widget_get_first_child (slots_box (view));
  far_goal = our_goal_placeholder_get_goal (OUR_GOAL_PLACEHOLDER (far));
  g_assert_true (gtk_widget_grab_focus (far));
  g_assert_true (wait_for (view, focus_in_a_title));
  card = gtk_widget_get_ancestor (gtk_root_get_focus (GTK_ROOT (window)), OUR_TYPE_GOAL_CARD);
  g_assert_true (our_goal_card_get_goal (OUR_GOAL_CARD (card)) == far_goal);
  assert_slots_in_order (view, plan);

  /* Typing there goes into the plan as in any card. */
  g_assert_true (our_history_run (history, our_command_new_set_goal_text (
                   our_goal_get_id (far_goal), OUR_GOAL_TEXT_TITLE, "Back to swimming",
                   OUR_AUTHOR_PERSON), NULL));
  test_drain_events ();
  assert_label (card, "Goal: Back to swimming");

  gtk_window_destroy (GTK_WINDOW (window));
  test_drain_events ();
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/render/progress/value-at", test_progress_value_at);
  g_test_add_func ("/render/progress/draw", test_progress_render);
  g_test_add_func ("/goals/long-plan", test_long_plan);
  g_test_add ("/goals/step-helper", Fixture, NULL, fixture_set_up, test_step_helper,
              fixture_tear_down);
  g_test_add ("/goals/add", Fixture, NULL, fixture_set_up, test_add_goal, fixture_tear_down);
  g_test_add ("/goals/progress", Fixture, NULL, fixture_set_up, test_progress_scale,
              fixture_tear_down);
  g_test_add ("/goals/delete-undo", Fixture, NULL, fixture_set_up, test_delete_and_undo,
              fixture_tear_down);
  g_test_add ("/goals/move", Fixture, NULL, fixture_set_up, test_move, fixture_tear_down);
  g_test_add ("/goals/steps", Fixture, NULL, fixture_set_up, test_steps, fixture_tear_down);
  g_test_add ("/goals/choices", Fixture, NULL, fixture_set_up, test_choices, fixture_tear_down);
  g_test_add ("/goals/accessible", Fixture, NULL, fixture_set_up, test_accessible_names,
              fixture_tear_down);
  g_test_add ("/goals/read-only", Fixture, NULL, fixture_set_up, test_read_only,
              fixture_tear_down);

  return g_test_run ();
}
