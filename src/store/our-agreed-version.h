/* our-agreed-version.h: freezing the whole plan into an agreed version, and opening one again
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A version is the plan's rows, written through the registry into a plan
 * database in memory and kept as that database's image, compressed. So a
 * version holds every list the plan has, is read back by the same loaders
 * as a plan file (hostile values included), and a version written by an
 * older Our Plan is taken forward by the same migrations. Pictures are kept
 * once, in the plan file, by id (see our_agreement_get_picture_ids()).
 */
#pragma once

#include "our-plan.h"

G_BEGIN_DECLS

/* The snapshot of @plan as it is now, and the ids of the pictures it shows
 * (space-separated, for our_agreement_new()). NULL with @error set when
 * there is not enough memory. */
GBytes   *our_agreed_version_encode (OurPlan       *plan,
                                     char         **picture_ids,
                                     GError       **error);

/* The plan as it was when @agreement was made, its pictures taken from
 * @live (the open plan, which keeps them); NULL with a sentence in @error
 * when the version is damaged or was made by a newer Our Plan. */
OurPlan  *our_agreed_version_decode (OurAgreement  *agreement,
                                     OurPlan       *live,
                                     GError       **error);

G_END_DECLS
