/* test-symbol-picker.c: the symbol picker: search, filtered grid, choosing by pointer and keyboard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "test-support.h"

#include <adwaita.h>

#include "our-command.h"
#include "our-goal-card.h"
#include "our-history.h"
#include "our-member-editor.h"
#include "our-symbol-picker.h"
#include "our-symbols.h"
#include "test-session.h"

typedef struct
{
  GtkWidget       *window;
  GtkWidget       *button;
  OurSymbolPicker *picker;
  char            *chosen;
  guint            n_chosen;
} Fixture;

static void
symbol_chosen_cb (OurSymbolPicker *picker,
                  const char      *key,
                  Fixture         *fixture)
{
  g_free (fixture->chosen);
  fixture->chosen = g_strdup (key);
  fixture->n_chosen++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 800, 700);
  fixture->button = gtk_menu_button_new ();
  gtk_menu_button_set_label (GTK_MENU_BUTTON (fixture->button), "Picture");
  gtk_widget_set_halign (fixture->button, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (fixture->button, GTK_ALIGN_START);
  fixture->picker = OUR_SYMBOL_PICKER (our_symbol_picker_new ());
  our_symbol_picker_set_show_none (fixture->picker, TRUE);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (fixture->button), GTK_WIDGET (fixture->picker));
  g_signal_connect (fixture->picker, "symbol-chosen", G_CALLBACK (symbol_chosen_cb), fixture);
  gtk_window_set_child (GTK_WINDOW (fixture->window), fixture->button);
  gtk_window_present (GTK_WINDOW (fixture->window));
  test_wait_mapped (fixture->button);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  test_drain_events ();
  g_clear_pointer (&fixture->chosen, g_free);
}

static GtkWidget *
search_entry (Fixture *fixture)
{
  return test_find_nth (GTK_WIDGET (fixture->picker), GTK_TYPE_SEARCH_ENTRY, 0);
}

static GtkWidget *
flow_box (Fixture *fixture)
{
  return test_find_nth (GTK_WIDGET (fixture->picker), GTK_TYPE_FLOW_BOX, 0);
}

static guint
count_shown (Fixture *fixture)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (flow_box (fixture));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_FLOW_BOX_CHILD (child) && gtk_widget_get_child_visible (child))
      n++;

  return n;
}

static GtkWidget *
nth_shown (Fixture *fixture,
           guint    index)
{
  for (GtkWidget *child = gtk_widget_get_first_child (flow_box (fixture));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_FLOW_BOX_CHILD (child) && gtk_widget_get_child_visible (child) && index-- == 0)
      return child;

  return NULL;
}

static void
open_picker (Fixture *fixture)
{
  gtk_menu_button_popup (GTK_MENU_BUTTON (fixture->button));
  test_wait_mapped (GTK_WIDGET (fixture->picker));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->picker)));
}

/* Types @text and waits for the search box's short pause to pass: the grid
 * follows on "search-changed". Gives up after five seconds. */
static void
type_search (Fixture    *fixture,
             const char *text,
             guint       expected)
{
  gint64 give_up = g_get_monotonic_time () + 5 * G_TIME_SPAN_SECOND;

  gtk_editable_set_text (GTK_EDITABLE (search_entry (fixture)), text);
  while (count_shown (fixture) != expected && g_get_monotonic_time () < give_up)
    test_spin (20);
}

static void
assert_label (GtkWidget  *widget,
              const char *expected)
{
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       expected);
}

static void
test_opens_with_everything (Fixture       *fixture,
                            gconstpointer  data)
{
  GtkRoot *root;
  GtkWidget *focus;

  open_picker (fixture);

  /* The whole library, each tile named for screen readers. */
  g_assert_cmpuint (count_shown (fixture), ==, our_symbols_get_n ());
  g_assert_cmpuint (count_shown (fixture), >=, 48);
  for (guint i = 0; i < our_symbols_get_n (); i++)
    assert_label (nth_shown (fixture, i), our_symbols_get_label (our_symbols_get_key (i)));

  /* The keyboard is in the search box, ready to type. */
  root = gtk_widget_get_root (GTK_WIDGET (fixture->picker));
  focus = gtk_root_get_focus (root);
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, search_entry (fixture)) ||
                 focus == search_entry (fixture));
}

static void
test_search_and_choose (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkWidget *tile;

  open_picker (fixture);

  /* A search word, not the name, finds "Worried". */
  type_search (fixture, "anxious", 1);
  g_assert_cmpuint (count_shown (fixture), ==, 1);
  tile = nth_shown (fixture, 0);
  assert_label (tile, "Worried");

  /* Feelings: more than one, fewer than all. */
  type_search (fixture, "feeling", 9);
  g_assert_cmpuint (count_shown (fixture), >, 1);
  g_assert_cmpuint (count_shown (fixture), <, our_symbols_get_n ());

  /* Nothing found says so. */
  type_search (fixture, "xyzzy", 0);
  g_assert_cmpuint (count_shown (fixture), ==, 0);

  /* Activating a tile (click, Enter or Space on it) chooses it and closes. */
  type_search (fixture, "worried", 1);
  tile = nth_shown (fixture, 0);
  g_assert_true (gtk_widget_activate (tile));
  test_drain_events ();
  g_assert_cmpuint (fixture->n_chosen, ==, 1);
  g_assert_cmpstr (fixture->chosen, ==, "worried");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (fixture->picker)));

  /* Opened again, the search is empty and the whole library is back. */
  open_picker (fixture);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (search_entry (fixture))), ==, "");
  type_search (fixture, "", our_symbols_get_n ());
  g_assert_cmpuint (count_shown (fixture), ==, our_symbols_get_n ());
}

static void
test_enter_in_search (Fixture       *fixture,
                      gconstpointer  data)
{
  open_picker (fixture);

  /* Enter with nothing typed does not choose by surprise. */
  g_signal_emit_by_name (search_entry (fixture), "activate");
  test_drain_events ();
  g_assert_cmpuint (fixture->n_chosen, ==, 0);

  /* Type a word and press Enter: the first match. */
  type_search (fixture, "dog", 1);
  g_signal_emit_by_name (search_entry (fixture), "activate");
  test_drain_events ();
  g_assert_cmpuint (fixture->n_chosen, ==, 1);
  g_assert_cmpstr (fixture->chosen, ==, "pet");
}

static void
test_none_and_escape (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkWidget *none;

  our_symbol_picker_set_none_label (fixture->picker, "_No picture");
  open_picker (fixture);

  /* Escape in the search box closes without choosing. */
  g_signal_emit_by_name (search_entry (fixture), "stop-search");
  test_drain_events ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (fixture->picker)));
  g_assert_cmpuint (fixture->n_chosen, ==, 0);

  /* "No picture" chooses none. */
  open_picker (fixture);
  none = test_find_nth (GTK_WIDGET (fixture->picker), GTK_TYPE_BUTTON, 0);
  g_assert_nonnull (none);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (none)), ==, "_No picture");
  g_signal_emit_by_name (none, "clicked");
  test_drain_events ();
  g_assert_cmpuint (fixture->n_chosen, ==, 1);
  g_assert_cmpstr (fixture->chosen, ==, "");
}

static void
test_current_shows_selected (Fixture       *fixture,
                             gconstpointer  data)
{
  GList *selected;

  our_symbol_picker_set_symbol (fixture->picker, "garden");
  open_picker (fixture);

  selected = gtk_flow_box_get_selected_children (GTK_FLOW_BOX (flow_box (fixture)));
  g_assert_cmpuint (g_list_length (selected), ==, 1);
  assert_label (selected->data, "Garden");
  g_list_free (selected);
}

/* Opens the picker of @button, finds @query and activates the only match. */
static void
choose_with_picker (GtkWidget  *button,
                    const char *query)
{
  OurSymbolPicker *picker;
  Fixture view = { NULL };
  gint64 give_up = g_get_monotonic_time () + 5 * G_TIME_SPAN_SECOND;

  /* Some owners make their picker only when it first opens. */
  test_wait_mapped (button);
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  test_drain_events ();
  picker = OUR_SYMBOL_PICKER (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
  test_wait_mapped (GTK_WIDGET (picker));
  g_assert_true (OUR_IS_SYMBOL_PICKER (picker));
  view.picker = picker;
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (picker)));
  gtk_editable_set_text (GTK_EDITABLE (search_entry (&view)), query);
  while (count_shown (&view) != 1 && g_get_monotonic_time () < give_up)
    test_spin (20);
  g_assert_cmpuint (count_shown (&view), ==, 1);
  g_assert_true (gtk_widget_activate (nth_shown (&view, 0)));
  test_drain_events ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (picker)));
}

static void
run (OurPlan    *plan,
     OurCommand *command)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (our_history_run (test_history_for (plan), command, &error));
  g_assert_no_error (error);
}

static void
test_goal_card (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(OurPlan) plan = our_plan_new ();
  g_autofree char *id = our_new_id ();
  g_autoptr(OurGoal) new_goal = our_goal_new (id);
  OurGoal *goal;
  GtkWidget *card;
  GtkWidget *button;

  run (plan, our_command_new_add_goal (new_goal, -1));
  goal = our_plan_find_goal (plan, id, NULL);
  card = our_goal_card_new (test_session_for (plan), goal);
  gtk_window_set_child (GTK_WINDOW (fixture->window), card);
  test_drain_events ();

  /* The goal's picture button opens the library; a choice is a command. */
  button = test_find_nth (card, GTK_TYPE_MENU_BUTTON, 0);
  choose_with_picker (button, "allotment");
  g_assert_cmpstr (our_goal_get_symbol (goal), ==, "garden");
  assert_label (button, "Picture: Garden. Choose another picture");

  g_assert_true (our_history_undo (test_history_for (plan), NULL));
  g_assert_cmpstr (our_goal_get_symbol (goal), ==, "");
  assert_label (button, "Choose a picture");
}

static void
test_member_editor (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(OurPlan) plan = our_plan_new ();
  g_autofree char *id = our_new_id ();
  g_autoptr(OurMember) new_member = our_member_new (id);
  OurMember *member;
  GtkWidget *editor;
  GtkWidget *button;

  our_member_set_text (new_member, OUR_MEMBER_TEXT_NAME, "Biscuit", OUR_AUTHOR_PERSON);
  run (plan, our_command_new_add_member (new_member, -1));
  member = our_plan_find_member (plan, id, NULL);

  editor = our_member_editor_new ();
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (fixture->button), editor);
  our_member_editor_set_member (OUR_MEMBER_EDITOR (editor), test_session_for (plan), member);
  gtk_menu_button_popup (GTK_MENU_BUTTON (fixture->button));
  test_drain_events ();

  /* A member can show a symbol of the library instead of their kind's. */
  button = test_find_nth (editor, GTK_TYPE_MENU_BUTTON, 0);
  g_assert_nonnull (button);
  assert_label (button, "Choose a picture");
  choose_with_picker (button, "dog");
  g_assert_cmpstr (our_member_get_symbol (member), ==, "pet");
  assert_label (button, "Picture: Pet. Choose another picture");

  g_assert_true (our_history_undo (test_history_for (plan), NULL));
  g_assert_cmpstr (our_member_get_symbol (member), ==, "");

  /* A read-only plan offers no change. */
  our_member_editor_set_read_only (OUR_MEMBER_EDITOR (editor), TRUE);
  g_assert_false (gtk_widget_is_sensitive (button));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/symbol-picker/opens-with-everything", test_opens_with_everything);
  ADD ("/symbol-picker/search-and-choose", test_search_and_choose);
  ADD ("/symbol-picker/enter-in-search", test_enter_in_search);
  ADD ("/symbol-picker/none-and-escape", test_none_and_escape);
  ADD ("/symbol-picker/current-shows-selected", test_current_shows_selected);
  ADD ("/symbol-picker/goal-card", test_goal_card);
  ADD ("/symbol-picker/member-editor", test_member_editor);
#undef ADD

  return g_test_run ();
}
