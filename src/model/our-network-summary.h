/* our-network-summary.h: one or two plain sentences about the support network
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "our-plan.h"

G_BEGIN_DECLS

/* One or two sentences computed from the members, saying only what the data
 * supports, e.g. "Most of your support comes from family. You have no-one
 * listed who helps in a crisis." An empty network gives a sentence inviting
 * the person to add someone. Translatable; never NULL. */
char  *our_network_summary  (OurPlan *plan);
/* The same about the person, by @name, for the copies others read: "Most of
 * Gwen’s support comes from people Gwen knows." @name NULL or "": as
 * our_network_summary(). */
char  *our_network_summary_about (OurPlan    *plan,
                                  const char *name);

G_END_DECLS
