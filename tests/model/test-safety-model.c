/* test-safety-model.c: safety notes, crisis contacts and copy-log lines keep what they are given
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "our-copy-record.h"
#include "our-crisis-contact.h"
#include "our-safety-note.h"

/* Records the names of the properties notified, "a,b,c". */
static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           GString    *seen)
{
  if (seen->len > 0)
    g_string_append_c (seen, ',');
  g_string_append (seen, pspec->name);
}

static GString *
watch (gpointer object)
{
  GString *seen = g_string_new (NULL);

  g_signal_connect (object, "notify", G_CALLBACK (notify_cb), seen);
  return seen;
}

static void
unwatch (gpointer  object,
         GString  *seen)
{
  g_signal_handlers_disconnect_by_data (object, seen);
  g_string_free (seen, TRUE);
}

static void
test_safety_note_values (void)
{
  g_autoptr(OurSafetyNote) note = our_safety_note_new (NULL, OUR_SAFETY_NOTE_POSITIVE_RISK);
  g_autoptr(OurSafetyNote) named = our_safety_note_new ("note-1", 99);
  GString *seen;
  gboolean team_only;
  int kind;

  /* A new note has an id of its own, and a nonsense kind reads as a concern. */
  g_assert_nonnull (our_safety_note_get_id (note));
  g_assert_cmpuint (strlen (our_safety_note_get_id (note)), >, 0);
  g_assert_cmpstr (our_safety_note_get_id (named), ==, "note-1");
  g_assert_cmpint (our_safety_note_get_kind (note), ==, OUR_SAFETY_NOTE_POSITIVE_RISK);
  g_assert_cmpint (our_safety_note_get_kind (named), ==, OUR_SAFETY_NOTE_CONCERN);
  g_assert_cmpstr (our_safety_note_get_text (note), ==, "");
  g_assert_false (our_safety_note_get_talked_together (note));
  g_assert_cmpstr (our_safety_note_get_talked_on (note), ==, "");
  g_assert_false (our_safety_note_get_team_only (note));

  seen = watch (note);
  our_safety_note_set_text (note, "Walking home alone after the evening class", OUR_AUTHOR_PERSON);
  our_safety_note_set_text (note, "Walking home alone after the evening class", OUR_AUTHOR_PERSON);
  g_assert_cmpstr (seen->str, ==, "text");
  our_safety_note_set_text (note, NULL, OUR_AUTHOR_COORDINATOR);
  g_assert_cmpstr (our_safety_note_get_text (note), ==, "");
  g_assert_cmpint (our_safety_note_get_text_author (note), ==, OUR_AUTHOR_COORDINATOR);
  g_assert_cmpstr (seen->str, ==, "text,text,text-author");
  /* An author out of range (a damaged file) is the person's own words. */
  our_safety_note_set_text (note, "x", 7);
  g_assert_cmpint (our_safety_note_get_text_author (note), ==, OUR_AUTHOR_PERSON);

  our_safety_note_set_kind (note, OUR_SAFETY_NOTE_AGREED_ACTION);
  g_object_get (note, "kind", &kind, NULL);
  g_assert_cmpint (kind, ==, OUR_SAFETY_NOTE_AGREED_ACTION);
  our_safety_note_set_kind (note, -3);
  g_assert_cmpint (our_safety_note_get_kind (note), ==, OUR_SAFETY_NOTE_CONCERN);

  g_string_truncate (seen, 0);
  our_safety_note_set_team_only (note, 5);
  our_safety_note_set_team_only (note, TRUE);
  g_object_get (note, "team-only", &team_only, NULL);
  g_assert_true (team_only);
  g_assert_cmpstr (seen->str, ==, "team-only");
  unwatch (note, seen);
}

static void
test_safety_note_talked (void)
{
  g_autoptr(OurSafetyNote) note = our_safety_note_new (NULL, OUR_SAFETY_NOTE_CONCERN);
  GString *seen = watch (note);

  our_safety_note_set_talked (note, TRUE, "2027-03-12");
  g_assert_true (our_safety_note_get_talked_together (note));
  g_assert_cmpstr (our_safety_note_get_talked_on (note), ==, "2027-03-12");
  /* Both told, once each (in either order: they change together). */
  g_assert_true (g_str_equal (seen->str, "talked-together,talked-on") ||
                 g_str_equal (seen->str, "talked-on,talked-together"));

  /* Not talked about: no date kept, whatever is passed. */
  our_safety_note_set_talked (note, FALSE, "2027-03-12");
  g_assert_false (our_safety_note_get_talked_together (note));
  g_assert_cmpstr (our_safety_note_get_talked_on (note), ==, "");

  /* Talked about, date not known or not a date: kept without one. */
  our_safety_note_set_talked (note, TRUE, "the 31st of February");
  g_assert_true (our_safety_note_get_talked_together (note));
  g_assert_cmpstr (our_safety_note_get_talked_on (note), ==, "");
  our_safety_note_set_talked (note, TRUE, "2027-02-31");
  g_assert_cmpstr (our_safety_note_get_talked_on (note), ==, "");
  our_safety_note_set_talked (note, TRUE, NULL);
  g_assert_cmpstr (our_safety_note_get_talked_on (note), ==, "");

  our_safety_note_set_written_on (note, "2026-11-21");
  g_assert_cmpstr (our_safety_note_get_written_on (note), ==, "2026-11-21");
  our_safety_note_set_written_on (note, "yesterday");
  g_assert_cmpstr (our_safety_note_get_written_on (note), ==, "");
  unwatch (note, seen);
}

static void
test_safety_note_copy_assign (void)
{
  g_autoptr(OurSafetyNote) note = our_safety_note_new ("n1", OUR_SAFETY_NOTE_POSITIVE_RISK);
  g_autoptr(OurSafetyNote) copy = NULL;
  g_autoptr(OurSafetyNote) other = our_safety_note_new ("n2", OUR_SAFETY_NOTE_CONCERN);
  GString *seen;

  our_safety_note_set_text (note, "Gwen takes the bus to town alone", OUR_AUTHOR_PERSON);
  our_safety_note_set_talked (note, TRUE, "2027-01-05");
  our_safety_note_set_team_only (note, TRUE);
  our_safety_note_set_written_on (note, "2027-01-04");

  copy = our_safety_note_copy (note);
  g_assert_true (copy != note);
  g_assert_cmpstr (our_safety_note_get_id (copy), ==, "n1");
  g_assert_cmpint (our_safety_note_get_kind (copy), ==, OUR_SAFETY_NOTE_POSITIVE_RISK);
  g_assert_cmpstr (our_safety_note_get_text (copy), ==, "Gwen takes the bus to town alone");
  g_assert_cmpint (our_safety_note_get_text_author (copy), ==, OUR_AUTHOR_PERSON);
  g_assert_true (our_safety_note_get_talked_together (copy));
  g_assert_cmpstr (our_safety_note_get_talked_on (copy), ==, "2027-01-05");
  g_assert_true (our_safety_note_get_team_only (copy));
  g_assert_cmpstr (our_safety_note_get_written_on (copy), ==, "2027-01-04");

  /* Changing the copy leaves the original alone. */
  our_safety_note_set_text (copy, "changed", OUR_AUTHOR_COORDINATOR);
  g_assert_cmpstr (our_safety_note_get_text (note), ==, "Gwen takes the bus to town alone");

  /* assign takes everything but the id, and notifies what changed. */
  seen = watch (other);
  our_safety_note_assign (other, note);
  g_assert_cmpstr (our_safety_note_get_id (other), ==, "n2");
  g_assert_cmpint (our_safety_note_get_kind (other), ==, OUR_SAFETY_NOTE_POSITIVE_RISK);
  g_assert_cmpstr (our_safety_note_get_talked_on (other), ==, "2027-01-05");
  g_assert_true (our_safety_note_get_team_only (other));
  g_assert_nonnull (strstr (seen->str, "team-only"));
  g_assert_nonnull (strstr (seen->str, "talked-on"));
  g_assert_null (strstr (seen->str, "text-author"));  /* both the person's */
  g_string_truncate (seen, 0);
  our_safety_note_assign (other, note);
  g_assert_cmpstr (seen->str, ==, "");
  unwatch (other, seen);
}

static void
test_crisis_contact (void)
{
  g_autoptr(OurCrisisContact) contact = our_crisis_contact_new (NULL);
  g_autoptr(OurCrisisContact) copy = NULL;
  g_autoptr(OurCrisisContact) other = our_crisis_contact_new ("c2");
  GString *seen = watch (contact);
  g_autofree char *phone = NULL;

  g_assert_cmpuint (strlen (our_crisis_contact_get_id (contact)), >, 0);
  g_assert_cmpstr (our_crisis_contact_get_member_id (contact), ==, "");
  g_assert_cmpstr (our_crisis_contact_get_name (contact), ==, "");

  our_crisis_contact_set_name (contact, "Crisis team");
  our_crisis_contact_set_phone (contact, "01234 567890");
  our_crisis_contact_set_when (contact, "at night and weekends");
  our_crisis_contact_set_member_id (contact, "m-7");
  our_crisis_contact_set_author (contact, OUR_AUTHOR_COORDINATOR);
  our_crisis_contact_set_phone (contact, "01234 567890");
  g_assert_cmpstr (seen->str, ==, "name,phone,when,member-id,author");
  g_object_get (contact, "phone", &phone, NULL);
  g_assert_cmpstr (phone, ==, "01234 567890");

  our_crisis_contact_set_when (contact, NULL);
  g_assert_cmpstr (our_crisis_contact_get_when (contact), ==, "");
  our_crisis_contact_set_author (contact, 42);
  g_assert_cmpint (our_crisis_contact_get_author (contact), ==, OUR_AUTHOR_PERSON);
  our_crisis_contact_set_author (contact, OUR_AUTHOR_COORDINATOR);

  copy = our_crisis_contact_copy (contact);
  g_assert_cmpstr (our_crisis_contact_get_id (copy), ==, our_crisis_contact_get_id (contact));
  g_assert_cmpstr (our_crisis_contact_get_name (copy), ==, "Crisis team");
  g_assert_cmpstr (our_crisis_contact_get_phone (copy), ==, "01234 567890");
  g_assert_cmpstr (our_crisis_contact_get_member_id (copy), ==, "m-7");
  g_assert_cmpint (our_crisis_contact_get_author (copy), ==, OUR_AUTHOR_COORDINATOR);
  our_crisis_contact_set_name (copy, "Someone else");
  g_assert_cmpstr (our_crisis_contact_get_name (contact), ==, "Crisis team");

  our_crisis_contact_assign (other, contact);
  g_assert_cmpstr (our_crisis_contact_get_id (other), ==, "c2");
  g_assert_cmpstr (our_crisis_contact_get_name (other), ==, "Crisis team");
  g_assert_cmpstr (our_crisis_contact_get_when (other), ==, "");
  unwatch (contact, seen);
}

/* 12 March this year (+@year_offset) at midday UTC, a date no nearby time zone moves. */
static char *
midday (int year_offset)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_strdup_printf ("%04d-03-12T12:00:00Z", g_date_time_get_year (now) + year_offset);
}

static void
assert_describes (OurCopyRecord *record,
                  const char    *person,
                  const char    *expected)
{
  g_autofree char *text = our_copy_record_describe (record, person);
  g_assert_cmpstr (text, ==, expected);
}

static void
test_copy_record (void)
{
  g_autofree char *this_year = midday (0);
  g_autofree char *next_year = midday (1);
  g_autofree char *next_year_words = g_strdup_printf ("Team copy printed 12 March %d",
                                                      atoi (next_year));
  g_autoptr(OurCopyRecord) carer = NULL;
  g_autoptr(OurCopyRecord) mine = NULL;
  g_autoptr(OurCopyRecord) pdf = NULL;
  g_autoptr(OurCopyRecord) file = NULL;
  g_autoptr(OurCopyRecord) team = NULL;
  g_autoptr(OurCopyRecord) large = NULL;
  g_autoptr(OurCopyRecord) odd = NULL;
  g_autoptr(OurCopyRecord) undated = NULL;

  carer = our_copy_record_new ("r1", OUR_COPY_CARER, OUR_COPY_PRINTED, "m-1", "Sam", this_year,
                               FALSE);
  g_assert_cmpstr (our_copy_record_get_id (carer), ==, "r1");
  g_assert_cmpint (our_copy_record_get_kind (carer), ==, OUR_COPY_CARER);
  g_assert_cmpint (our_copy_record_get_medium (carer), ==, OUR_COPY_PRINTED);
  g_assert_cmpstr (our_copy_record_get_carer_id (carer), ==, "m-1");
  g_assert_cmpstr (our_copy_record_get_carer_name (carer), ==, "Sam");
  g_assert_cmpstr (our_copy_record_get_made_at (carer), ==, this_year);
  g_assert_false (our_copy_record_get_large_print (carer));
  assert_describes (carer, "Gwen", "Sam’s copy printed 12 March");

  /* The person's copy is named after the person, or "My copy". */
  mine = our_copy_record_new (NULL, OUR_COPY_PERSON, OUR_COPY_PRINTED, "m-1", "Sam", this_year,
                              FALSE);
  g_assert_cmpuint (strlen (our_copy_record_get_id (mine)), >, 0);
  g_assert_cmpstr (our_copy_record_get_carer_id (mine), ==, "");
  g_assert_cmpstr (our_copy_record_get_carer_name (mine), ==, "");
  assert_describes (mine, "Gwen", "Gwen’s copy printed 12 March");
  assert_describes (mine, "", "My copy printed 12 March");
  assert_describes (mine, NULL, "My copy printed 12 March");

  pdf = our_copy_record_new (NULL, OUR_COPY_PERSON, OUR_COPY_PDF, NULL, NULL, this_year, FALSE);
  assert_describes (pdf, NULL, "My copy saved as a PDF 12 March");

  file = our_copy_record_new (NULL, OUR_COPY_CARER, OUR_COPY_PLAN_FILE, "m-2", "Dylan", this_year,
                              FALSE);
  assert_describes (file, "Gwen", "Dylan’s copy saved as a plan file 12 March");

  /* Another year is said. */
  team = our_copy_record_new (NULL, OUR_COPY_TEAM, OUR_COPY_PRINTED, NULL, NULL, next_year, FALSE);
  assert_describes (team, "Gwen", next_year_words);

  large = our_copy_record_new (NULL, OUR_COPY_PERSON, OUR_COPY_PDF, NULL, NULL, this_year, TRUE);
  g_assert_true (our_copy_record_get_large_print (large));
  assert_describes (large, "Gwen", "Gwen’s large-print copy saved as a PDF 12 March");

  /* Values from a damaged file: still one plain sentence, never a crash. */
  odd = our_copy_record_new (NULL, 17, 23, NULL, NULL, "not a time", FALSE);
  g_assert_cmpint (our_copy_record_get_kind (odd), ==, OUR_COPY_PERSON);
  g_assert_cmpint (our_copy_record_get_medium (odd), ==, OUR_COPY_PRINTED);
  assert_describes (odd, "Gwen", "Gwen’s copy printed");
  undated = our_copy_record_new (NULL, OUR_COPY_CARER, OUR_COPY_PDF, "m-3", "", NULL, FALSE);
  assert_describes (undated, NULL, "A carer’s copy saved as a PDF");
}

int
main (int    argc,
      char **argv)
{
  /* The copy log speaks in local time: pin it, and the month names. */
  g_setenv ("TZ", "Europe/London", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/safety-model/note/values", test_safety_note_values);
  g_test_add_func ("/safety-model/note/talked-together", test_safety_note_talked);
  g_test_add_func ("/safety-model/note/copy-assign", test_safety_note_copy_assign);
  g_test_add_func ("/safety-model/crisis-contact", test_crisis_contact);
  g_test_add_func ("/safety-model/copy-record/describe", test_copy_record);

  return g_test_run ();
}
