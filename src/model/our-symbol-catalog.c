/* our-symbol-catalog.c: the built-in symbol library's names and search words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "our-symbol-catalog.h"

/* In the order the picker shows them: daily life, health, people, things to
 * do, getting about, weather, then feelings. Every key has an SVG in
 * icons/symbols/ (tests/render/test-symbols.c checks both ways). */
static const struct {
  const char *key;
  const char *label;
  const char *keywords;
} symbols[] = {
  /* TRANSLATORS: each symbol has a name and search words. Translate the
   * search words as single words separated by spaces; add more if useful. */
  { "home", N_("Home"), N_("house flat room living place stay housing accommodation") },
  { "sleep", N_("Sleep"), N_("bed night rest moon bedtime nap") },
  { "food", N_("Food"), N_("meal eat eating dinner lunch breakfast bowl") },
  { "cooking", N_("Cooking"), N_("cook kitchen pan pot recipe meal baking") },
  { "drink", N_("Drink"), N_("water glass thirsty drinking juice") },
  { "coffee", N_("Coffee"), N_("tea cafe cup mug drink break") },
  { "shopping", N_("Shopping"), N_("shop shops bag supermarket buy groceries") },
  { "money", N_("Money"), N_("cash coins pay bills budget debt finance wages") },
  { "forms", N_("Forms"), N_("benefits paperwork letter bills clipboard office job centre") },
  { "work", N_("Work"), N_("job briefcase office employment career occupation") },
  { "study", N_("Study"), N_("learn college school course education training book") },
  { "reading", N_("Reading"), N_("books read library novel magazine") },
  { "computer", N_("Computer"), N_("laptop internet online email screen") },
  { "phone", N_("Phone"), N_("mobile call text message contact") },
  { "letter", N_("Letter"), N_("post mail envelope email message card") },
  { "calendar", N_("Calendar"), N_("appointment date diary day plan meeting review") },
  { "key", N_("Key"), N_("independence my own place lock door keys") },
  { "medication", N_("Medication"), N_("medicine tablets pills prescription drugs") },
  { "doctor", N_("Doctor"), N_("gp nurse health check appointment stethoscope") },
  { "hospital", N_("Hospital"), N_("ward clinic health building emergency") },
  { "bath", N_("Bath"), N_("self-care wash shower bathe clean relax") },
  { "crisis", N_("Help in a crisis"), N_("crisis emergency help lifebuoy urgent rescue") },
  { "safe", N_("Safe"), N_("safety protected secure shield okay") },
  { "family", N_("Family"), N_("parents mum dad relatives brother sister") },
  { "partner", N_("Partner"), N_("husband wife boyfriend girlfriend couple love") },
  { "children", N_("Children"), N_("kids baby son daughter parenting pram buggy") },
  { "friends", N_("Friends"), N_("friend mates people company social group") },
  { "talking", N_("Talking"), N_("talk listen chat conversation speak words") },
  { "hug", N_("Support"), N_("hug comfort care arm someone with me") },
  { "love", N_("Love"), N_("heart care affection kindness") },
  { "pet", N_("Pet"), N_("dog cat animal paw walkies") },
  { "volunteering", N_("Volunteering"), N_("volunteer helping giving charity kindness hand") },
  { "faith", N_("Faith"), N_("religion church mosque temple synagogue prayer spiritual belief candle") },
  { "walking", N_("Walking"), N_("walk steps feet footprints outdoors hike stroll") },
  { "exercise", N_("Exercise"), N_("gym sport fitness weights keep fit") },
  { "cycling", N_("Cycling"), N_("bike bicycle ride cycle") },
  { "swimming", N_("Swimming"), N_("swim pool water sea beach") },
  { "music", N_("Music"), N_("songs listen sing singing choir band notes radio concert") },
  { "art", N_("Art"), N_("painting drawing paint craft creative") },
  { "television", N_("Television"), N_("tv watch programmes films screen") },
  { "cinema", N_("Cinema"), N_("film films movie pictures theatre") },
  { "garden", N_("Garden"), N_("flower plants growing allotment outdoors") },
  { "nature", N_("Nature"), N_("tree park countryside outdoors woods green fresh air") },
  { "bus", N_("Bus"), N_("travel transport journey coach") },
  { "train", N_("Train"), N_("travel transport railway journey station") },
  { "car", N_("Car"), N_("drive driving lift travel transport") },
  { "weather", N_("Weather"), N_("sun cloud sunny outside day") },
  { "rain", N_("Rain"), N_("rainy weather wet cloud umbrella") },
  { "happy", N_("Happy"), N_("feeling glad smile joy good cheerful") },
  { "calm", N_("Calm"), N_("feeling relaxed peaceful content settled") },
  { "proud", N_("Proud"), N_("feeling pleased did it confident") },
  { "star", N_("Well done"), N_("star achievement success proud goal reached") },
  { "hopeful", N_("Hopeful"), N_("feeling hope sunrise future better looking forward") },
  { "sad", N_("Sad"), N_("feeling unhappy low down crying tears depressed") },
  { "worried", N_("Worried"), N_("feeling anxious nervous scared afraid stress panic") },
  { "angry", N_("Angry"), N_("feeling cross annoyed frustrated mad upset") },
  { "tired", N_("Tired"), N_("feeling sleepy exhausted no energy worn out") },
  { "lonely", N_("Lonely"), N_("feeling alone isolated missing someone on my own") },
};

/* Parsed SVGs by key; the headless exporter may draw from worker threads. */
static int
find_symbol (const char *key)
{
  if (key == NULL)
    return -1;

  for (guint i = 0; i < G_N_ELEMENTS (symbols); i++)
    if (g_str_equal (symbols[i].key, key))
      return (int) i;

  return -1;
}

guint
our_symbols_get_n (void)
{
  return G_N_ELEMENTS (symbols);
}

const char *
our_symbols_get_key (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (symbols), NULL);

  return symbols[index].key;
}

const char *
our_symbols_get_label (const char *key)
{
  int i = find_symbol (key);

  return i >= 0 ? _(symbols[i].label) : NULL;
}

const char *
our_symbols_get_keywords (const char *key)
{
  int i = find_symbol (key);

  return i >= 0 ? _(symbols[i].keywords) : NULL;
}

gboolean
our_symbols_has (const char *key)
{
  return find_symbol (key) >= 0;
}

/* Lower case without accents, so "cafe" finds "Café" and "CALM" finds "calm". */
static char *
fold_for_search (const char *text)
{
  g_autofree char *decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);
  g_autoptr(GString) bare = g_string_new (NULL);

  if (decomposed == NULL)
    return g_strdup ("");

  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_type (c) != G_UNICODE_NON_SPACING_MARK)
        g_string_append_unichar (bare, c);
    }

  return g_utf8_casefold (bare->str, -1);
}

gboolean
our_symbols_match (const char *key,
                   const char *query)
{
  g_autofree char *haystack = NULL;
  g_autofree char *folded_query = NULL;
  g_auto(GStrv) words = NULL;
  int i = find_symbol (key);

  if (i < 0)
    return FALSE;
  if (query == NULL)
    return TRUE;

  /* Both languages: a coordinator may search in English while the plan is
   * shown in Welsh. */
  {
    g_autofree char *all = g_strjoin (" ", symbols[i].key,
                                      symbols[i].label, symbols[i].keywords,
                                      _(symbols[i].label), _(symbols[i].keywords),
                                      NULL);
    haystack = fold_for_search (all);
  }
  folded_query = fold_for_search (query);
  words = g_strsplit_set (folded_query, " \t\n", -1);

  /* Every word typed must be found: "feel sad" finds Sad, not Happy. */
  for (guint w = 0; words[w] != NULL; w++)
    if (*words[w] != '\0' && strstr (haystack, words[w]) == NULL)
      return FALSE;

  return TRUE;
}

char *
our_symbols_get_icon_name (const char *key)
{
  g_return_val_if_fail (key != NULL, NULL);

  return g_strconcat ("our-symbol-", key, NULL);
}
