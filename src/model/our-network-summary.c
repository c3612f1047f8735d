/* our-network-summary.c: one or two plain sentences about the support network
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Only what the members say for certain: their kinds, their rings, what
 * they help with and whether the person would like more of them. Nothing is
 * guessed from names or relationships.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "our-network-summary.h"

/* More than this share of one kind makes the network "mostly" that kind. */
#define MOSTLY 0.6

typedef struct
{
  guint n;
  guint by_kind[OUR_N_MEMBER_KINDS];
  guint kinds;            /* how many different kinds */
  guint closest;          /* members in the closest ring */
  guint crisis;           /* members who help in a crisis */
  guint wished;           /* connections the person would like more of */
} Counts;

static void
count_members (OurPlan *plan,
               Counts  *c)
{
  memset (c, 0, sizeof *c);
  c->n = our_plan_get_n_members (plan);
  for (guint i = 0; i < c->n; i++)
    {
      OurMember *member = our_plan_get_member (plan, i);
      OurMemberKind kind = our_member_get_kind (member);

      if ((guint) kind < OUR_N_MEMBER_KINDS)
        c->by_kind[kind]++;
      if (our_member_get_ring (member) == OUR_RING_CLOSEST)
        c->closest++;
      if (our_member_get_helps (member) & OUR_HELPS_CRISIS)
        c->crisis++;
      if (our_member_get_wished_for (member))
        c->wished++;
    }
  for (guint k = 0; k < OUR_N_MEMBER_KINDS; k++)
    if (c->by_kind[k] > 0)
      c->kinds++;
}

/* Each sentence twice: to the person ("your support"), and about them by
 * @name for the copies others read ("Gwen’s support"). */

/* What kind of network it is, or NULL when there is nothing plain to say. */
static char *
describe_kind (const Counts *c,
               const char   *name)
{
  guint people = c->by_kind[OUR_MEMBER_KIND_PERSON];
  guint services = c->by_kind[OUR_MEMBER_KIND_SERVICE];

  if (c->n == 1)
    return name ? g_strdup_printf (_("There is one name in %s’s network so far."), name)
                : g_strdup (_("There is one name in your network so far."));
  if (services == c->n)
    return name ? g_strdup_printf (_("Everyone listed is a service, not someone from %s’s own life."), name)
                : g_strdup (_("Everyone listed is a service, not someone from your own life."));
  if (people > MOSTLY * c->n)
    return name ? g_strdup_printf (_("Most of %1$s’s support comes from people %1$s knows."), name)
                : g_strdup (_("Most of your support comes from people you know."));
  if (services > MOSTLY * c->n)
    return name ? g_strdup_printf (_("Most of %s’s support comes from services."), name)
                : g_strdup (_("Most of your support comes from services."));
  if (c->kinds >= 3)
    return name ? g_strdup_printf (_("%s’s support is varied: it comes from different kinds of people, places and things."), name)
                : g_strdup (_("Your support is varied: it comes from different kinds of people, places and things."));
  return NULL;
}

/* Where the network is thin, the most pressing first, or NULL. */
static char *
describe_gap (const Counts *c,
              const char   *name)
{
  if (c->crisis == 0)
    return name ? g_strdup_printf (_("No-one is listed who helps %s in a crisis."), name)
                : g_strdup (_("You have no-one listed who helps in a crisis."));
  if (c->closest == 0)
    return name ? g_strdup_printf (_("No-one is in %s’s closest ring yet."), name)
                : g_strdup (_("No-one is in your closest ring yet."));
  if (c->wished > 0 && name != NULL)
    return g_strdup_printf (ngettext ("%s would like more of %u of these.",
                                      "%s would like more of %u of these.",
                                      c->wished),
                            name, c->wished);
  if (c->wished > 0)
    return g_strdup_printf (ngettext ("You would like more of %u of these.",
                                      "You would like more of %u of these.",
                                      c->wished),
                            c->wished);
  return NULL;
}

char *
our_network_summary_about (OurPlan    *plan,
                           const char *name)
{
  g_autofree char *kind = NULL;
  g_autofree char *gap = NULL;
  Counts c;

  g_return_val_if_fail (OUR_IS_PLAN (plan), g_strdup (""));

  if (name != NULL && *name == '\0')
    name = NULL;
  count_members (plan, &c);
  if (c.n == 0)
    return name ? g_strdup_printf (_("No-one is listed in %s’s network yet."), name)
                : g_strdup (_("Who helps you day to day? Add the people, pets, places and groups that matter to you."));

  kind = describe_kind (&c, name);
  gap = describe_gap (&c, name);
  if (kind && gap)
    return g_strdup_printf ("%s %s", kind, gap);
  if (kind)
    return g_steal_pointer (&kind);
  if (gap)
    return g_steal_pointer (&gap);
  /* Varied enough, nothing missing: say so plainly. */
  if (name != NULL)
    return g_strdup_printf (ngettext ("There is %u name in %s’s network.",
                                      "There are %u names in %s’s network.",
                                      c.n),
                            c.n, name);
  return g_strdup_printf (ngettext ("There is %u name in your network.",
                                    "There are %u names in your network.",
                                    c.n),
                          c.n);
}

char *
our_network_summary (OurPlan *plan)
{
  return our_network_summary_about (plan, NULL);
}
