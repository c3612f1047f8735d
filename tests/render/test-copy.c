/* test-copy.c: each printed copy shows exactly what it may, on pages that are drawn and never cut text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A plan with a unique marker word in every field is written as each copy;
 * pdftotext (poppler-utils) must find exactly the markers that copy may show.
 * The carer's plan file is checked byte by byte the same way.
 */
#include "config.h"

#include <errno.h>
#include <locale.h>
#include <math.h>
#include <string.h>
#include <sys/resource.h>
#include <signal.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "our-command.h"
#include "our-copy.h"
#include "our-history.h"
#include "our-store.h"
#include "test-session.h"

/* What a marker belongs to. FACT: on every copy's front page. */
typedef enum
{
  FACT = -1,
  TEAM_ONLY = -2,
} MarkerKind;

typedef struct
{
  const char *marker;
  int         section;     /* an OurSection, FACT or TEAM_ONLY */
} Marker;

static const Marker markers[] = {
  { "QzName", FACT },
  { "QzCoordinator", FACT },
  { "QzReachMe", FACT },
  { "QzMeMatters", OUR_SECTION_ME },
  { "QzMeGoodDay", OUR_SECTION_ME },
  { "QzMeGoodAt", OUR_SECTION_ME },
  { "QzMeHelps", OUR_SECTION_ME },
  { "QzMeNotHelp", OUR_SECTION_ME },
  { "QzMeTalk", OUR_SECTION_ME },
  { "QzGoalTitle", OUR_SECTION_GOALS },
  { "QzGoalWhy", OUR_SECTION_GOALS },
  { "QzStepWhat", OUR_SECTION_GOALS },
  { "QzStepWho", OUR_SECTION_GOALS },
  { "QzFriendName", OUR_SECTION_PEOPLE },
  { "QzFriendKin", OUR_SECTION_PEOPLE },
  { "QzFriendNotes", OUR_SECTION_PEOPLE },
  { "QzCarerAKin", OUR_SECTION_PEOPLE },
  { "QzCarerANotes", OUR_SECTION_PEOPLE },
  { "QzBoardNote", OUR_SECTION_BOARD },
  { "QzOtherNote", OUR_SECTION_BOARD },
  { "QzZoneName", OUR_SECTION_BOARD },
  { "QzWellSigns", OUR_SECTION_STAYING_WELL },
  { "QzWellHelps", OUR_SECTION_STAYING_WELL },
  { "QzWellOthers", OUR_SECTION_STAYING_WELL },
  { "QzCrisisName", OUR_SECTION_STAYING_WELL },
  { "QzCrisisPhone", OUR_SECTION_STAYING_WELL },
  { "QzCrisisWhen", OUR_SECTION_STAYING_WELL },
  { "QzSafetyShared", OUR_SECTION_SAFETY_NOTES },
  { "QzSafetyRisk", OUR_SECTION_SAFETY_NOTES },
  { "QzSafetyPrivate", TEAM_ONLY },
};

/* The carers' names: each is on its own copy's front page ("Copy for …"). */
#define CARER_A "QzCarerAName"
#define CARER_B "QzCarerBName"
#define CARER_A_ID "carer-a"
#define CARER_B_ID "carer-b"

/* Carer A may see these; carer B nothing. */
static const OurSection shared_with_a[] = {
  OUR_SECTION_ME, OUR_SECTION_GOALS, OUR_SECTION_STAYING_WELL,
};

static char *tmp_dir;

static OurMember *
new_member (const char *id,
            const char *name,
            const char *kin,
            const char *notes,
            gboolean    carer)
{
  OurMember *member = our_member_new (id);

  our_member_set_text (member, OUR_MEMBER_TEXT_NAME, name, OUR_AUTHOR_PERSON);
  our_member_set_text (member, OUR_MEMBER_TEXT_RELATIONSHIP, kin, OUR_AUTHOR_PERSON);
  our_member_set_text (member, OUR_MEMBER_TEXT_NOTES, notes, OUR_AUTHOR_PERSON);
  our_member_set_is_carer (member, carer);
  our_member_set_helps (member, OUR_HELPS_EMOTIONAL);
  return member;
}

static OurPlan *
new_marked_plan (void)
{
  OurPlan *plan = our_plan_new ();
  g_autoptr(OurGoal) goal = our_goal_new ("goal-1");
  g_autoptr(OurStep) step = our_step_new ("step-1");
  g_autoptr(OurBoardItem) note = our_board_item_new ("note-1", OUR_BOARD_ITEM_NOTE);
  g_autoptr(OurBoardItem) other = our_board_item_new ("note-2", OUR_BOARD_ITEM_NOTE);
  g_autoptr(OurBoardItem) symbol = our_board_item_new ("symbol-1", OUR_BOARD_ITEM_SYMBOL);
  g_autoptr(OurBoardZone) zone = our_board_zone_new ("zone-1");
  g_autoptr(OurCrisisContact) contact = our_crisis_contact_new ("contact-1");
  g_autoptr(OurSafetyNote) shared = our_safety_note_new ("safety-1", OUR_SAFETY_NOTE_AGREED_ACTION);
  g_autoptr(OurSafetyNote) risk = our_safety_note_new ("safety-2", OUR_SAFETY_NOTE_POSITIVE_RISK);
  g_autoptr(OurSafetyNote) held = our_safety_note_new ("safety-3", OUR_SAFETY_NOTE_CONCERN);

  our_plan_set_me_text (plan, OUR_ME_FIELD_PREFERRED_NAME, "QzName", OUR_AUTHOR_PERSON);
  our_plan_set_me_text (plan, OUR_ME_FIELD_COORDINATOR_NAME, "QzCoordinator", OUR_AUTHOR_COORDINATOR);
  our_plan_set_me_text (plan, OUR_ME_FIELD_COORDINATOR_CONTACT, "QzReachMe", OUR_AUTHOR_COORDINATOR);
  our_plan_set_me_text (plan, OUR_ME_FIELD_REVIEW_DATE, "2027-03-12", OUR_AUTHOR_COORDINATOR);
  our_plan_set_me_text (plan, OUR_ME_FIELD_MADE_ON, "2026-11-02", OUR_AUTHOR_COORDINATOR);
  our_plan_set_me_text (plan, OUR_ME_FIELD_WHAT_MATTERS, "My dog. QzMeMatters", OUR_AUTHOR_PERSON);
  our_plan_set_me_text (plan, OUR_ME_FIELD_GOOD_DAY, "QzMeGoodDay", OUR_AUTHOR_PERSON);
  our_plan_set_me_text (plan, OUR_ME_FIELD_GOOD_AT, "QzMeGoodAt", OUR_AUTHOR_PERSON);
  our_plan_set_me_text (plan, OUR_ME_FIELD_WHAT_HELPS, "QzMeHelps", OUR_AUTHOR_PERSON);
  our_plan_set_me_text (plan, OUR_ME_FIELD_WHAT_DOES_NOT_HELP, "QzMeNotHelp", OUR_AUTHOR_PERSON);
  our_plan_set_me_text (plan, OUR_ME_FIELD_HOW_TO_TALK, "QzMeTalk", OUR_AUTHOR_PERSON);

  our_goal_set_text (goal, OUR_GOAL_TEXT_TITLE, "Sing again QzGoalTitle", OUR_AUTHOR_PERSON);
  our_goal_set_text (goal, OUR_GOAL_TEXT_WHY, "QzGoalWhy", OUR_AUTHOR_PERSON);
  our_goal_set_symbol (goal, "home");
  our_goal_set_progress (goal, 4);
  our_step_set_text (step, OUR_STEP_TEXT_WHAT, "QzStepWhat", OUR_AUTHOR_PERSON);
  our_step_set_text (step, OUR_STEP_TEXT_WHO, "QzStepWho", OUR_AUTHOR_PERSON);
  our_step_set_text (step, OUR_STEP_TEXT_BY_WHEN, "2026-12-01", OUR_AUTHOR_PERSON);
  our_goal_insert_step (goal, 0, step);
  our_plan_insert_goal (plan, 0, goal);

  {
    g_autoptr(OurMember) friend = new_member ("friend", "QzFriendName", "QzFriendKin",
                                              "QzFriendNotes", FALSE);
    g_autoptr(OurMember) carer_a = new_member (CARER_A_ID, CARER_A, "QzCarerAKin",
                                               "QzCarerANotes", TRUE);
    g_autoptr(OurMember) carer_b = new_member (CARER_B_ID, CARER_B, "", "", TRUE);

    our_member_set_place (friend, OUR_RING_CLOSE, 90);
    our_member_set_place (carer_a, OUR_RING_CLOSEST, 200);
    our_member_set_place (carer_b, OUR_RING_FURTHER, 300);
    our_plan_insert_member (plan, 0, friend);
    our_plan_insert_member (plan, 1, carer_a);
    our_plan_insert_member (plan, 2, carer_b);
  }

  our_board_item_set_text (note, "QzBoardNote", OUR_AUTHOR_PERSON);
  our_board_item_set_box (note, 40, 60, 180, 160);
  our_board_item_set_text (other, "QzOtherNote", OUR_AUTHOR_PERSON);
  our_board_item_set_colour (other, OUR_NOTE_COLOUR_GREEN);
  our_board_item_set_box (other, 420, 80, 180, 160);
  our_board_item_set_rotation (other, 6);
  our_board_item_set_symbol (symbol, "home");
  our_board_item_set_box (symbol, 260, 260, 120, 120);
  our_board_zone_set_name (zone, "QzZoneName", OUR_AUTHOR_PERSON);
  our_board_zone_set_box (zone, 0, 0, 360, 420);
  our_plan_insert_board_zone (plan, 0, zone);
  our_plan_insert_board_item (plan, 0, note);
  our_plan_insert_board_item (plan, 1, other);
  our_plan_insert_board_item (plan, 2, symbol);

  our_plan_set_well_text (plan, OUR_WELL_FIELD_EARLY_SIGNS, "QzWellSigns", OUR_AUTHOR_PERSON);
  our_plan_set_well_text (plan, OUR_WELL_FIELD_WHAT_HELPS, "QzWellHelps", OUR_AUTHOR_PERSON);
  our_plan_set_well_text (plan, OUR_WELL_FIELD_OTHERS_DO, "QzWellOthers", OUR_AUTHOR_PERSON);
  our_crisis_contact_set_name (contact, "QzCrisisName");
  our_crisis_contact_set_phone (contact, "QzCrisisPhone");
  our_crisis_contact_set_when (contact, "QzCrisisWhen");
  our_plan_insert_crisis_contact (plan, 0, contact);

  our_safety_note_set_text (shared, "QzSafetyShared", OUR_AUTHOR_COORDINATOR);
  our_safety_note_set_talked (shared, TRUE, "2026-03-12");
  our_safety_note_set_text (risk, "QzSafetyRisk", OUR_AUTHOR_COORDINATOR);
  our_safety_note_set_text (held, "QzSafetyPrivate", OUR_AUTHOR_COORDINATOR);
  our_safety_note_set_team_only (held, TRUE);
  our_plan_insert_safety_note (plan, 0, shared);
  our_plan_insert_safety_note (plan, 1, risk);
  our_plan_insert_safety_note (plan, 2, held);

  for (guint i = 0; i < G_N_ELEMENTS (shared_with_a); i++)
    our_plan_set_consent (plan, shared_with_a[i], CARER_A_ID, "2026-11-02", OUR_AUTHOR_PERSON);
  /* Given, then taken back: carer A must not see the safety notes. */
  our_plan_set_consent (plan, OUR_SECTION_SAFETY_NOTES, CARER_A_ID, "2026-11-01", OUR_AUTHOR_PERSON);
  our_plan_set_consent (plan, OUR_SECTION_SAFETY_NOTES, CARER_A_ID, NULL, OUR_AUTHOR_PERSON);
  return plan;
}

static gboolean
shared_with_carer_a (int section)
{
  for (guint i = 0; i < G_N_ELEMENTS (shared_with_a); i++)
    if ((int) shared_with_a[i] == section)
      return TRUE;
  return FALSE;
}

/* Whether the copy @kind (for @carer when a carer's) may show @marker. */
static gboolean
may_show (const Marker *marker,
          OurCopyKind   kind,
          const char   *carer)
{
  switch (kind)
    {
    case OUR_COPY_TEAM:
      return TRUE;
    case OUR_COPY_PERSON:
      return marker->section != TEAM_ONLY;
    case OUR_COPY_CARER:
    default:
      if (marker->section == FACT)
        return TRUE;
      return g_str_equal (carer, CARER_A_ID) && shared_with_carer_a (marker->section);
    }
}

static char *
write_copy (OurPlan        *plan,
            OurCopyKind     kind,
            const char     *carer_id,
            gboolean        large_print,
            const char     *name,
            guint          *n_pages)
{
  OurCopyOptions options = { kind, carer_id, large_print, NULL };
  g_autoptr(OurCopy) copy = our_copy_new (plan, &options, OUR_COPY_A4_WIDTH, OUR_COPY_A4_HEIGHT);
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (tmp_dir, name, NULL);

  g_assert_true (our_copy_write_pdf (copy, path, &error));
  g_assert_no_error (error);
  if (n_pages != NULL)
    *n_pages = our_copy_get_n_pages (copy);
  return path;
}

static char *
run_tool (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", argv[0], err);
  return out;
}

static char *
pdf_text (const char *pdf,
          int         page)
{
  g_autofree char *first = g_strdup_printf ("%d", page);

  if (page > 0)
    {
      const char *argv[] = { "pdftotext", "-enc", "UTF-8", "-f", first, "-l", first, pdf, "-", NULL };
      return run_tool (argv);
    }
  else
    {
      const char *argv[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
      return run_tool (argv);
    }
}

static gboolean
have_poppler (void)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *pdftoppm = g_find_program_in_path ("pdftoppm");

  if (pdftotext == NULL || pdftoppm == NULL)
    {
      g_test_skip ("pdftotext and pdftoppm (poppler-utils) are not installed");
      return FALSE;
    }
  return TRUE;
}

static void
assert_markers (const char  *text,
                OurCopyKind  kind,
                const char  *carer,
                const char  *what)
{
  for (guint i = 0; i < G_N_ELEMENTS (markers); i++)
    {
      gboolean shown = strstr (text, markers[i].marker) != NULL;

      if (shown != may_show (&markers[i], kind, carer))
        g_error ("%s: %s should %sbe there", what, markers[i].marker,
                 shown ? "not " : "");
    }
}

static void
test_markers_distinct (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (markers); i++)
    for (guint j = 0; j < G_N_ELEMENTS (markers); j++)
      if (i != j)
        g_assert_null (strstr (markers[i].marker, markers[j].marker));
}

static void
test_copy_markers (void)
{
  g_autoptr(OurPlan) plan = new_marked_plan ();
  struct { OurCopyKind kind; const char *carer; const char *file; } copies[] = {
    { OUR_COPY_PERSON, NULL, "person.pdf" },
    { OUR_COPY_CARER, CARER_A_ID, "carer-a.pdf" },
    { OUR_COPY_CARER, CARER_B_ID, "carer-b.pdf" },
    { OUR_COPY_TEAM, NULL, "team.pdf" },
  };

  if (!have_poppler ())
    return;

  for (guint i = 0; i < G_N_ELEMENTS (copies); i++)
    {
      g_autofree char *pdf = write_copy (plan, copies[i].kind, copies[i].carer, FALSE,
                                         copies[i].file, NULL);
      g_autofree char *text = pdf_text (pdf, 0);

      assert_markers (text, copies[i].kind, copies[i].carer, copies[i].file);

      /* Whose copy, on the front page and in every footer. */
      switch (copies[i].kind)
        {
        case OUR_COPY_PERSON:
          g_assert_nonnull (strstr (text, "QzName’s copy"));
          /* Says that a held-back note exists, never what it says. */
          g_assert_nonnull (strstr (text, "There is 1 more note that the team keeps private."));
          g_assert_nonnull (strstr (text, "Talked about together on 12 March 2026"));
          g_assert_nonnull (strstr (text, "12 March 2027"));
          break;
        case OUR_COPY_CARER:
          g_assert_nonnull (strstr (text, g_str_equal (copies[i].carer, CARER_A_ID)
                                          ? "Copy for " CARER_A : "Copy for " CARER_B));
          g_assert_null (strstr (text, g_str_equal (copies[i].carer, CARER_A_ID)
                                       ? CARER_B : CARER_A));
          g_assert_null (strstr (text, "keeps private"));
          g_assert_nonnull (strstr (text, "12 March 2027"));
          break;
        case OUR_COPY_TEAM:
        default:
          g_assert_nonnull (strstr (text, "Team copy"));
          g_assert_nonnull (strstr (text, CARER_A));
          g_assert_nonnull (strstr (text, CARER_B));
          g_assert_nonnull (strstr (text, "Team only"));
          break;
        }
      g_assert_nonnull (strstr (text, "Page 1 of "));
      g_assert_nonnull (strstr (text, "Made on "));
      g_unlink (pdf);
    }
}

/* Sections with nothing in them are left out, not printed empty. */
static void
test_copy_empty_sections (void)
{
  g_autoptr(OurPlan) plan = our_plan_new ();
  g_autoptr(OurSafetyNote) held = our_safety_note_new ("held", OUR_SAFETY_NOTE_CONCERN);
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  guint n_pages = 0;

  if (!have_poppler ())
    return;
  our_plan_set_me_text (plan, OUR_ME_FIELD_PREFERRED_NAME, "Ceri", OUR_AUTHOR_PERSON);
  our_plan_set_me_text (plan, OUR_ME_FIELD_GOOD_DAY, "A walk by the sea.", OUR_AUTHOR_PERSON);
  our_safety_note_set_text (held, "About a neighbour.", OUR_AUTHOR_COORDINATOR);
  our_safety_note_set_team_only (held, TRUE);
  our_plan_insert_safety_note (plan, 0, held);

  pdf = write_copy (plan, OUR_COPY_PERSON, NULL, FALSE, "sparse.pdf", &n_pages);
  text = pdf_text (pdf, 0);
  g_assert_nonnull (strstr (text, "A walk by the sea."));
  g_assert_nonnull (strstr (text, "There is 1 note that the team keeps private."));
  g_assert_null (strstr (text, "About a neighbour."));
  g_assert_null (strstr (text, "My goals"));
  g_assert_null (strstr (text, "My people"));
  g_assert_null (strstr (text, "Notes board"));
  g_assert_null (strstr (text, "Staying well"));
  g_assert_null (strstr (text, "What matters to me"));
  g_assert_cmpuint (n_pages, ==, 2);
  g_unlink (pdf);
}

/* ------------------------------------------------------------ pixels */

typedef struct
{
  double inked;        /* share of pixels that are not white */
  double coloured;     /* share of strongly coloured pixels (not text grey) */
} Ink;

static Ink
measure_png (const char *png)
{
  cairo_surface_t *surface = cairo_image_surface_create_from_png (png);
  Ink ink = { 0, 0 };
  guint inked = 0, coloured = 0, total;
  int width, height, stride;
  guchar *data;

  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_flush (surface);
  width = cairo_image_surface_get_width (surface);
  height = cairo_image_surface_get_height (surface);
  stride = cairo_image_surface_get_stride (surface);
  data = cairo_image_surface_get_data (surface);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint32 pixel = *(guint32 *) (data + y * stride + 4 * x);
        int r = pixel >> 16 & 0xff, g = pixel >> 8 & 0xff, b = pixel & 0xff;
        int max = MAX (r, MAX (g, b)), min = MIN (r, MIN (g, b));

        if (min < 235)
          inked++;
        if (max - min > 12)
          coloured++;
      }
  total = (guint) (width * height);
  ink.inked = (double) inked / total;
  ink.coloured = (double) coloured / total;
  cairo_surface_destroy (surface);
  return ink;
}

static void
test_copy_pages_drawn (void)
{
  g_autoptr(OurPlan) plan = new_marked_plan ();
  struct { OurCopyKind kind; const char *carer; } copies[] = {
    { OUR_COPY_PERSON, NULL }, { OUR_COPY_CARER, CARER_A_ID }, { OUR_COPY_CARER, CARER_B_ID },
    { OUR_COPY_TEAM, NULL },
  };

  if (!have_poppler ())
    return;

  for (guint c = 0; c < G_N_ELEMENTS (copies); c++)
    {
      guint n_pages = 0;
      g_autofree char *name = g_strdup_printf ("pages-%u.pdf", c);
      g_autofree char *pdf = write_copy (plan, copies[c].kind, copies[c].carer, FALSE, name, &n_pages);
      g_autofree char *prefix = g_build_filename (tmp_dir, "page", NULL);
      const char *argv[] = { "pdftoppm", "-r", "40", "-png", pdf, prefix, NULL };
      gboolean saw_people = FALSE, saw_board = FALSE;
      g_autofree char *out = run_tool (argv);

      for (guint p = 1; p <= n_pages; p++)
        {
          /* pdftoppm numbers pages with as many digits as the last has. */
          g_autofree char *file = g_strdup_printf ("%s-%0*u.png", prefix,
                                                   n_pages >= 10 ? 2 : 1, p);
          g_autofree char *text = pdf_text (pdf, (int) p);
          Ink ink;

          g_assert_true (g_file_test (file, G_FILE_TEST_EXISTS));
          ink = measure_png (file);
          g_test_message ("copy %u page %u: inked %.3f coloured %.3f", c, p, ink.inked, ink.coloured);
          /* Every page has something on it besides its footer. */
          g_assert_cmpfloat (ink.inked, >, 0.01);
          if (strstr (text, "My people") != NULL)
            {
              /* The diagram: coloured rings and icons, not just words. */
              g_assert_cmpfloat (ink.coloured, >, 0.05);
              saw_people = TRUE;
            }
          if (strstr (text, "Notes board") != NULL)
            {
              g_assert_cmpfloat (ink.coloured, >, 0.05);
              saw_board = TRUE;
            }
          if (strstr (text, "QzMeMatters") != NULL)
            /* A page of words has little colour: the test above means something. */
            g_assert_cmpfloat (ink.coloured, <, 0.03);
          g_unlink (file);
        }
      g_assert_cmpint (saw_people, ==, copies[c].kind != OUR_COPY_CARER);
      g_assert_cmpint (saw_board, ==, copies[c].kind != OUR_COPY_CARER);
      g_unlink (pdf);
    }
}

/* ------------------------------------------------------------ words on the page */

typedef struct
{
  char   *word;
  double  x_min, y_min, x_max, y_max;
  guint   page;
} Word;

static void
word_free (gpointer data)
{
  Word *word = data;

  g_free (word->word);
  g_free (word);
}

static double
attribute_double (const char *line,
                  const char *name)
{
  g_autofree char *key = g_strdup_printf ("%s=\"", name);
  const char *at = strstr (line, key);

  g_assert_nonnull (at);
  return g_ascii_strtod (at + strlen (key), NULL);
}

/* Every word with its box, from pdftotext -bbox. */
static GPtrArray *
pdf_words (const char *pdf,
           double     *page_height)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", "-bbox", pdf, "-", NULL };
  g_autofree char *html = run_tool (argv);
  g_auto(GStrv) lines = g_strsplit (html, "\n", -1);
  GPtrArray *words = g_ptr_array_new_with_free_func (word_free);
  guint page = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = g_strstrip (lines[i]);

      if (g_str_has_prefix (line, "<page "))
        {
          page++;
          *page_height = attribute_double (line, "height");
        }
      else if (g_str_has_prefix (line, "<word "))
        {
          Word *word = g_new0 (Word, 1);
          const char *start = strchr (line, '>') + 1;
          const char *end = strstr (start, "</word>");

          word->word = g_strndup (start, end - start);
          word->x_min = attribute_double (line, "xMin");
          word->y_min = attribute_double (line, "yMin");
          word->x_max = attribute_double (line, "xMax");
          word->y_max = attribute_double (line, "yMax");
          word->page = page;
          g_ptr_array_add (words, word);
        }
    }
  return words;
}

/* The tallest box of @marker: its size as printed in the text (the diagram
 * prints names smaller too). */
static double
marker_height (GPtrArray  *words,
               const char *marker)
{
  double height = 0;

  for (guint i = 0; i < words->len; i++)
    {
      Word *word = g_ptr_array_index (words, i);

      if (strstr (word->word, marker) != NULL)
        height = MAX (height, word->y_max - word->y_min);
    }
  return height;
}

static void
test_copy_large_print (void)
{
  g_autoptr(OurPlan) plan = new_marked_plan ();
  g_autofree char *normal_pdf = NULL;
  g_autofree char *large_pdf = NULL;
  g_autoptr(GPtrArray) normal = NULL;
  g_autoptr(GPtrArray) large = NULL;
  double page_height = 0, per_point;
  guint normal_pages = 0, large_pages = 0;

  if (!have_poppler ())
    return;
  normal_pdf = write_copy (plan, OUR_COPY_PERSON, NULL, FALSE, "normal.pdf", &normal_pages);
  large_pdf = write_copy (plan, OUR_COPY_PERSON, NULL, TRUE, "large.pdf", &large_pages);
  normal = pdf_words (normal_pdf, &page_height);
  large = pdf_words (large_pdf, &page_height);

  /* The normal copy's body text is 11.5 pt: that gives the font's box
   * height per point, to read the large-print sizes with. */
  per_point = marker_height (normal, "QzMeGoodDay") / 11.5;
  g_assert_cmpfloat (per_point, >, 0.5);
  for (guint i = 0; i < G_N_ELEMENTS (markers); i++)
    {
      if (markers[i].section == TEAM_ONLY)
        continue;
      /* Every text of the plan is printed at 16 pt or more somewhere. */
      if (marker_height (large, markers[i].marker) / per_point < OUR_COPY_LARGE_PRINT_SIZE - 0.2)
        g_error ("%s is printed at %.1f pt in large print", markers[i].marker,
                 marker_height (large, markers[i].marker) / per_point);
    }
  g_assert_cmpuint (large_pages, >=, normal_pages);
  g_unlink (normal_pdf);
  g_unlink (large_pdf);
}

/* 300 goals flow over many pages; no line is cut by a page's end. */
static void
test_copy_long_plan (void)
{
  g_autoptr(OurPlan) plan = our_plan_new ();
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) words = NULL;
  double page_height = 0, footer_top;
  guint n_pages = 0;

  if (!have_poppler ())
    return;
  our_plan_set_me_text (plan, OUR_ME_FIELD_PREFERRED_NAME, "Ceri", OUR_AUTHOR_PERSON);
  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *id = g_strdup_printf ("goal-%u", i);
      g_autofree char *title = g_strdup_printf ("Goal QzLong%03u", i);
      g_autoptr(OurGoal) goal = our_goal_new (id);
      GString *why = g_string_new (NULL);

      /* Long reasons, some longer than half a page. */
      for (guint w = 0; w < 8 + (i % 7) * (i % 5 == 0 ? 60 : 6); w++)
        g_string_append_printf (why, "word%u ", w);
      g_string_append_printf (why, "QzWhyEnd%03u", i);
      our_goal_set_text (goal, OUR_GOAL_TEXT_TITLE, title, OUR_AUTHOR_PERSON);
      our_goal_set_text (goal, OUR_GOAL_TEXT_WHY, why->str, OUR_AUTHOR_PERSON);
      our_goal_set_symbol (goal, i % 2 ? "home" : "");
      our_goal_set_progress (goal, i % 11);
      for (guint s = 0; s < i % 4; s++)
        {
          g_autofree char *step_id = g_strdup_printf ("step-%u-%u", i, s);
          g_autoptr(OurStep) step = our_step_new (step_id);

          our_step_set_text (step, OUR_STEP_TEXT_WHAT, "A small step to take", OUR_AUTHOR_PERSON);
          our_goal_insert_step (goal, s, step);
        }
      our_plan_insert_goal (plan, i, goal);
      g_string_free (why, TRUE);
    }

  pdf = write_copy (plan, OUR_COPY_TEAM, NULL, FALSE, "long.pdf", &n_pages);
  g_assert_cmpuint (n_pages, >, 30);
  text = pdf_text (pdf, 0);
  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *title = g_strdup_printf ("Goal QzLong%03u", i);
      g_autofree char *end = g_strdup_printf ("QzWhyEnd%03u", i);

      g_assert_nonnull (strstr (text, title));
      g_assert_nonnull (strstr (text, end));
    }

  /* Every word sits inside its page, and only the footer below the
   * content: nothing runs into the footer or off the paper. */
  words = pdf_words (pdf, &page_height);
  g_assert_cmpfloat (page_height, >, 800);
  footer_top = page_height - 56 - 26;
  for (guint i = 0; i < words->len; i++)
    {
      Word *word = g_ptr_array_index (words, i);

      g_assert_cmpfloat (word->y_min, >=, 0);
      g_assert_cmpfloat (word->y_max, <=, page_height);
      if (word->y_min < footer_top)
        g_assert_cmpfloat (word->y_max, <=, footer_top + 1);
    }
  g_unlink (pdf);
}

/* Printers offer other papers: a copy on A5 and on US Letter keeps every
 * word on the paper, and every marker is still there. */
static void
test_copy_other_paper (void)
{
  g_autoptr(OurPlan) plan = new_marked_plan ();
  struct { const char *name; double width, height; } papers[] = {
    { "a5.pdf", 419.53, 595.28 }, { "letter.pdf", 612, 792 },
  };

  if (!have_poppler ())
    return;
  for (guint p = 0; p < G_N_ELEMENTS (papers); p++)
    {
      OurCopyOptions options = { OUR_COPY_TEAM, NULL, TRUE, NULL };
      g_autoptr(OurCopy) copy = our_copy_new (plan, &options, papers[p].width, papers[p].height);
      g_autofree char *path = g_build_filename (tmp_dir, papers[p].name, NULL);
      g_autoptr(GPtrArray) words = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;
      double page_height = 0;

      g_assert_true (our_copy_write_pdf (copy, path, &error));
      g_assert_no_error (error);
      text = pdf_text (path, 0);
      assert_markers (text, OUR_COPY_TEAM, NULL, papers[p].name);
      words = pdf_words (path, &page_height);
      g_assert_cmpfloat (fabs (page_height - papers[p].height), <, 1);
      for (guint i = 0; i < words->len; i++)
        {
          Word *word = g_ptr_array_index (words, i);

          g_assert_cmpfloat (word->x_min, >=, 0);
          g_assert_cmpfloat (word->x_max, <=, papers[p].width);
          g_assert_cmpfloat (word->y_max, <=, papers[p].height);
        }
      g_unlink (path);
    }
}

/* ------------------------------------------------------------ the carer's plan file */

static gboolean
bytes_contain (GBytes     *bytes,
               const char *marker)
{
  gsize size;
  const guchar *data = g_bytes_get_data (bytes, &size);
  gsize length = strlen (marker);

  for (gsize i = 0; i + length <= size; i++)
    if (data[i] == (guchar) marker[0] && memcmp (data + i, marker, length) == 0)
      return TRUE;
  return FALSE;
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
test_carer_plan_file (void)
{
  g_autoptr(OurPlan) source = new_marked_plan ();
  g_autofree char *path = g_build_filename (tmp_dir, "source.ourplan", NULL);
  g_autofree char *out = g_build_filename (tmp_dir, "carer-a.ourplan", NULL);
  g_autoptr(OurStore) store = NULL;
  g_autoptr(OurPlan) carer_copy = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  const char *edited[] = { "QzOldMeMatters", "QzOldFriendName", "QzOldBoardNote", "QzOldSafety",
                           "QzOldWellSigns", "QzDeletedGoal", "QzDeletedNote", NULL };
  OurPlan *plan;

  g_unlink (path);
  store = our_store_create (path, source, &error);
  g_assert_no_error (error);
  plan = our_store_get_plan (store);

  /* Old words, edited and deleted before the copy is made. */
  run (plan, our_command_new_set_me_text (OUR_ME_FIELD_WHAT_MATTERS, "QzOldMeMatters", OUR_AUTHOR_PERSON));
  run (plan, our_command_new_set_me_text (OUR_ME_FIELD_WHAT_MATTERS, "My dog. QzMeMatters", OUR_AUTHOR_PERSON));
  run (plan, our_command_new_set_member_text ("friend", OUR_MEMBER_TEXT_NAME, "QzOldFriendName", OUR_AUTHOR_PERSON));
  run (plan, our_command_new_set_member_text ("friend", OUR_MEMBER_TEXT_NAME, "QzFriendName", OUR_AUTHOR_PERSON));
  run (plan, our_command_new_set_well_text (OUR_WELL_FIELD_EARLY_SIGNS, "QzOldWellSigns", OUR_AUTHOR_PERSON));
  run (plan, our_command_new_set_well_text (OUR_WELL_FIELD_EARLY_SIGNS, "QzWellSigns", OUR_AUTHOR_PERSON));
  {
    g_autoptr(OurBoardItem) note = our_board_item_new ("note-deleted", OUR_BOARD_ITEM_NOTE);
    g_autoptr(OurSafetyNote) safety = our_safety_note_new ("safety-deleted", OUR_SAFETY_NOTE_CONCERN);
    g_autoptr(OurGoal) goal = our_goal_new ("goal-deleted");

    our_board_item_set_text (note, "QzDeletedNote", OUR_AUTHOR_PERSON);
    our_safety_note_set_text (safety, "QzOldSafety", OUR_AUTHOR_COORDINATOR);
    our_goal_set_text (goal, OUR_GOAL_TEXT_TITLE, "QzDeletedGoal", OUR_AUTHOR_PERSON);
    run (plan, our_command_new_add_board_item (note, -1));
    run (plan, our_command_new_delete_board_item ("note-deleted"));
    run (plan, our_command_new_add_safety_note (safety, -1));
    run (plan, our_command_new_delete_safety_note ("safety-deleted"));
    run (plan, our_command_new_add_goal (goal, -1));
    run (plan, our_command_new_delete_goal ("goal-deleted"));
  }

  carer_copy = our_plan_new_carer_copy (plan, CARER_A_ID);
  g_assert_true (our_store_write_plan (carer_copy, out, &error));
  g_assert_no_error (error);

  file = g_file_new_for_path (out);
  bytes = g_file_load_bytes (file, NULL, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (markers); i++)
    {
      gboolean in_file = bytes_contain (bytes, markers[i].marker);

      if (in_file != may_show (&markers[i], OUR_COPY_CARER, CARER_A_ID))
        g_error ("carer's plan file: %s should %sbe there", markers[i].marker,
                 in_file ? "not " : "");
    }
  for (guint i = 0; edited[i] != NULL; i++)
    if (bytes_contain (bytes, edited[i]))
      g_error ("carer's plan file: the old words %s are still in it", edited[i]);
  g_assert_false (bytes_contain (bytes, CARER_B));

  our_store_close (store);
  g_unlink (out);
  g_unlink (path);
}

/* ------------------------------------------------------------ bad places */

static guint
count_files (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  guint n = 0;

  if (dir == NULL)
    return 0;
  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static OurCopy *
new_copy (void)
{
  g_autoptr(OurPlan) plan = new_marked_plan ();
  OurCopyOptions options = { OUR_COPY_TEAM, NULL, FALSE, NULL };

  return our_copy_new (plan, &options, OUR_COPY_A4_WIDTH, OUR_COPY_A4_HEIGHT);
}

static void
test_write_missing_folder (void)
{
  g_autoptr(OurCopy) copy = new_copy ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (tmp_dir, "no-such-folder", "copy.pdf", NULL);

  g_assert_false (our_copy_write_pdf (copy, path, &error));
  g_assert_error (error, OUR_COPY_ERROR, OUR_COPY_ERROR_NO_FOLDER);
  g_assert_true (g_str_has_suffix (error->message, "."));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_write_read_only_child (void)
{
  g_autoptr(OurCopy) copy = new_copy ();
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_build_filename (tmp_dir, "read-only", NULL);
  g_autofree char *path = g_build_filename (folder, "copy.pdf", NULL);

  /* Root may write anywhere: become nobody first. */
  if (geteuid () == 0 && (setgid (65534) != 0 || setuid (65534) != 0))
    g_error ("could not drop privileges");
  g_assert_false (our_copy_write_pdf (copy, path, &error));
  g_assert_error (error, OUR_COPY_ERROR, OUR_COPY_ERROR_READ_ONLY);
  g_print ("%s\n", error->message);
}

static void
test_write_read_only (void)
{
  g_autofree char *folder = g_build_filename (tmp_dir, "read-only", NULL);

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  g_assert_cmpint (g_chmod (tmp_dir, 0755), ==, 0);
  g_assert_cmpint (g_chmod (folder, 0555), ==, 0);
  g_test_trap_subprocess ("/copy/write/read-only/subprocess", 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("*may not save in the folder*");
  g_assert_cmpuint (count_files (folder), ==, 0);
  g_chmod (folder, 0755);
  g_rmdir (folder);
}

/* A folder inside one that may not be looked into: it cannot be seen, but
 * it is there. The sentence says "may not", never "does not exist". The
 * parent is closed to its owner too, so this holds as root (made nobody)
 * and as an ordinary user. */
static void
test_write_hidden_folder_child (void)
{
  g_autoptr(OurCopy) copy = new_copy ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (tmp_dir, "closed", "inside", "copy.pdf", NULL);

  if (geteuid () == 0 && (setgid (65534) != 0 || setuid (65534) != 0))
    g_error ("could not drop privileges");
  g_assert_false (our_copy_check_folder (path, &error));
  g_assert_error (error, OUR_COPY_ERROR, OUR_COPY_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (our_copy_write_pdf (copy, path, &error));
  g_assert_error (error, OUR_COPY_ERROR, OUR_COPY_ERROR_READ_ONLY);
  g_print ("%s\n", error->message);
}

static void
test_write_hidden_folder (void)
{
  g_autofree char *closed = g_build_filename (tmp_dir, "closed", NULL);
  g_autofree char *inside = g_build_filename (closed, "inside", NULL);

  g_assert_cmpint (g_mkdir_with_parents (inside, 0755), ==, 0);
  g_assert_cmpint (g_chmod (tmp_dir, 0755), ==, 0);
  g_assert_cmpint (g_chmod (closed, 0), ==, 0);
  g_test_trap_subprocess ("/copy/write/hidden-folder/subprocess", 0, G_TEST_SUBPROCESS_DEFAULT);
  g_chmod (closed, 0755);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("*may not save in the folder*");
  g_rmdir (inside);
  g_rmdir (closed);
}

static void
test_write_disk_full_child (void)
{
  g_autoptr(OurCopy) copy = new_copy ();
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_build_filename (tmp_dir, "small-disk", NULL);
  g_autofree char *path = g_build_filename (folder, "copy.pdf", NULL);
  struct rlimit limit = { 20000, 20000 };

  /* The disk "fills up" after 20 kB: write() fails instead of killing us. */
  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  g_assert_false (our_copy_write_pdf (copy, path, &error));
  g_assert_error (error, OUR_COPY_ERROR, OUR_COPY_ERROR_NO_SPACE);
  g_print ("%s\n", error->message);
}

static void
test_write_disk_full (void)
{
  g_autofree char *folder = g_build_filename (tmp_dir, "small-disk", NULL);

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  g_test_trap_subprocess ("/copy/write/disk-full/subprocess", 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("*disk is full*");
  /* Neither the copy nor its temporary file is left behind. */
  g_assert_cmpuint (count_files (folder), ==, 0);
  g_rmdir (folder);
}

static void
test_write_replaces (void)
{
  g_autoptr(OurCopy) copy = new_copy ();
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_build_filename (tmp_dir, "replace", NULL);
  g_autofree char *path = g_build_filename (folder, "copy.pdf", NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_assert_true (our_copy_write_pdf (copy, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF"));
  /* The title a viewer or a print spool shows is never the person's name. */
  g_assert_null (g_strstr_len (contents, length, "QzName"));
  g_assert_cmpuint (count_files (folder), ==, 1);
  g_unlink (path);
  g_rmdir (folder);
}

static void
write_async_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  GError **error = data;

  our_copy_write_pdf_finish (OUR_COPY (source), result, error);
  if (*error == NULL)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_EXISTS, "done");
}

/* The window saves a copy a page at a time; cancelling leaves no file. */
static void
test_write_async (void)
{
  g_autoptr(OurCopy) copy = new_copy ();
  g_autofree char *folder = g_build_filename (tmp_dir, "async", NULL);
  g_autofree char *path = g_build_filename (folder, "copy.pdf", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *contents = NULL;
  GError *error = NULL;

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  our_copy_write_pdf_async (copy, path, NULL, write_async_cb, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);    /* "done", no failure */
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF"));
  g_assert_cmpuint (count_files (folder), ==, 1);
  g_unlink (path);

  our_copy_write_pdf_async (copy, path, cancellable, write_async_cb, &error);
  g_main_context_iteration (NULL, FALSE);
  g_cancellable_cancel (cancellable);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  /* The task lets go of its temporary file when it is freed. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (count_files (folder), ==, 0);
  g_rmdir (folder);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "en", TRUE);
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, NULL);

  /* Subprocesses share the parent's scratch folder. */
  if (g_getenv ("OURPLAN_TEST_COPY_DIR") != NULL)
    tmp_dir = g_strdup (g_getenv ("OURPLAN_TEST_COPY_DIR"));
  else
    {
      tmp_dir = g_dir_make_tmp ("test-copy-XXXXXX", NULL);
      g_assert_nonnull (tmp_dir);
      g_setenv ("OURPLAN_TEST_COPY_DIR", tmp_dir, TRUE);
    }

  g_test_add_func ("/copy/markers/distinct", test_markers_distinct);
  g_test_add_func ("/copy/markers/each-copy", test_copy_markers);
  g_test_add_func ("/copy/markers/carer-plan-file", test_carer_plan_file);
  g_test_add_func ("/copy/sections/empty-left-out", test_copy_empty_sections);
  g_test_add_func ("/copy/pages/drawn", test_copy_pages_drawn);
  g_test_add_func ("/copy/pages/large-print", test_copy_large_print);
  g_test_add_func ("/copy/pages/300-goals", test_copy_long_plan);
  g_test_add_func ("/copy/pages/other-paper", test_copy_other_paper);
  g_test_add_func ("/copy/write/missing-folder", test_write_missing_folder);
  g_test_add_func ("/copy/write/read-only", test_write_read_only);
  g_test_add_func ("/copy/write/read-only/subprocess", test_write_read_only_child);
  g_test_add_func ("/copy/write/hidden-folder", test_write_hidden_folder);
  g_test_add_func ("/copy/write/hidden-folder/subprocess", test_write_hidden_folder_child);
  g_test_add_func ("/copy/write/disk-full", test_write_disk_full);
  g_test_add_func ("/copy/write/disk-full/subprocess", test_write_disk_full_child);
  g_test_add_func ("/copy/write/replaces", test_write_replaces);
  g_test_add_func ("/copy/write/async", test_write_async);

  status = g_test_run ();
  if (!g_test_subprocess ())
    g_rmdir (tmp_dir);     /* empty by now, unless a test failed */
  g_free (tmp_dir);
  return status;
}
