/* test-meeting-model.c: a meeting's date, names and words, as read from anywhere
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "our-limits.h"
#include "our-meeting.h"

static void
test_names (void)
{
  g_autoptr(OurMeeting) meeting = our_meeting_new (NULL, "2026-11-12");
  g_auto(GStrv) names = NULL;
  g_autofree char *joined = NULL;
  const char *list[] = { "Gwen", "Dafydd Pryce", NULL };

  g_assert_cmpuint (strlen (our_meeting_get_id (meeting)), >, 0);
  our_meeting_set_text (meeting, OUR_MEETING_TEXT_CAME, "  Gwen \n\n Dafydd Pryce\n  \nRhys",
                        OUR_AUTHOR_PERSON);
  names = our_meeting_dup_names (meeting, OUR_MEETING_TEXT_CAME);
  g_assert_cmpuint (g_strv_length (names), ==, 3);
  g_assert_cmpstr (names[0], ==, "Gwen");
  g_assert_cmpstr (names[1], ==, "Dafydd Pryce");
  g_assert_cmpstr (names[2], ==, "Rhys");
  g_assert_true (our_meeting_has_name (meeting, OUR_MEETING_TEXT_CAME, "dafydd pryce"));
  g_assert_true (our_meeting_has_name (meeting, OUR_MEETING_TEXT_CAME, " RHYS "));
  g_assert_false (our_meeting_has_name (meeting, OUR_MEETING_TEXT_CAME, "Dafydd"));
  g_assert_false (our_meeting_has_name (meeting, OUR_MEETING_TEXT_COULD_NOT_COME, "Gwen"));
  g_assert_false (our_meeting_has_name (meeting, OUR_MEETING_TEXT_CAME, NULL));

  joined = our_meeting_join_names (list);
  g_assert_cmpstr (joined, ==, "Gwen\nDafydd Pryce");
}

static void
test_odd_values (void)
{
  g_autoptr(OurMeeting) meeting = our_meeting_new ("m1", "12/11/2026");
  g_autoptr(OurMeeting) copy = NULL;
  g_autofree char *huge = g_strnfill (OUR_MAX_TEXT_CHARS + 50, 'a');

  /* A date that is not one is kept as "no date", never shown wrong. */
  g_assert_cmpstr (our_meeting_get_held_on (meeting), ==, "");
  our_meeting_set_held_on (meeting, "2026-02-30");
  g_assert_cmpstr (our_meeting_get_held_on (meeting), ==, "");
  our_meeting_set_held_on (meeting, "2026-02-28");
  g_assert_cmpstr (our_meeting_get_held_on (meeting), ==, "2026-02-28");

  /* Text is cut to what a plan holds; an unknown author is the coordinator. */
  our_meeting_set_text (meeting, OUR_MEETING_TEXT_TALKED_ABOUT, huge, 17);
  g_assert_cmpuint (g_utf8_strlen (our_meeting_get_text (meeting, OUR_MEETING_TEXT_TALKED_ABOUT), -1),
                    ==, OUR_MAX_TEXT_CHARS);
  g_assert_cmpint (our_meeting_get_author (meeting, OUR_MEETING_TEXT_TALKED_ABOUT), ==,
                   OUR_AUTHOR_COORDINATOR);

  copy = our_meeting_copy (meeting);
  g_assert_cmpstr (our_meeting_get_id (copy), ==, "m1");
  g_assert_cmpstr (our_meeting_get_held_on (copy), ==, "2026-02-28");
  g_assert_cmpstr (our_meeting_get_text (copy, OUR_MEETING_TEXT_TALKED_ABOUT), ==,
                   our_meeting_get_text (meeting, OUR_MEETING_TEXT_TALKED_ABOUT));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/meeting-model/names", test_names);
  g_test_add_func ("/meeting-model/odd-values", test_odd_values);

  return g_test_run ();
}
