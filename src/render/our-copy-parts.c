/* our-copy-parts.c: the parts of each printed copy: cover, Me, goals, my people, the board, staying well, safety notes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <unistd.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "our-board-render.h"
#include "our-copy-private.h"
#include "our-network-layout.h"
#include "our-network-render.h"
#include "our-network-summary.h"
#include "our-progress-render.h"
#include "our-symbols.h"

/* ------------------------------------------------------------ the parts */

static const OurMeField me_fields[] = {
  OUR_ME_FIELD_WHAT_MATTERS, OUR_ME_FIELD_GOOD_DAY, OUR_ME_FIELD_GOOD_AT,
  OUR_ME_FIELD_WHAT_HELPS, OUR_ME_FIELD_WHAT_DOES_NOT_HELP, OUR_ME_FIELD_HOW_TO_TALK,
};

/* Whether this copy prints @section: shared with whoever the copy is for,
 * and with something in it (empty sections are left out). */
static gboolean
prints_section (OurCopy    *self,
                OurSection  section)
{
  GListModel *notes;
  gboolean any = FALSE;

  if (!our_plan_copy_shows (self->plan, self->kind, self->carer_id, section))
    return FALSE;
  switch (section)
    {
    case OUR_SECTION_ME:
      for (guint i = 0; i < G_N_ELEMENTS (me_fields); i++)
        any |= our_copy_has_text (our_plan_get_me_text (self->plan, me_fields[i]));
      return any;
    case OUR_SECTION_GOALS:
      return our_plan_get_n_goals (self->plan) > 0;
    case OUR_SECTION_PEOPLE:
      return our_plan_get_n_members (self->plan) > 0;
    case OUR_SECTION_BOARD:
      return g_list_model_get_n_items (our_plan_get_board_items (self->plan)) > 0 ||
             g_list_model_get_n_items (our_plan_get_board_zones (self->plan)) > 0;
    case OUR_SECTION_STAYING_WELL:
      for (guint i = 0; i < OUR_N_WELL_FIELDS; i++)
        any |= our_copy_has_text (our_plan_get_well_text (self->plan, i));
      return any || g_list_model_get_n_items (our_plan_get_crisis_contacts (self->plan)) > 0;
    case OUR_SECTION_SAFETY_NOTES:
      notes = our_plan_get_safety_notes (self->plan);
      if (self->kind == OUR_COPY_TEAM)
        return g_list_model_get_n_items (notes) > 0;
      /* The person's copy says when the team holds notes back. */
      if (self->kind == OUR_COPY_PERSON && our_plan_count_team_only_notes (self->plan) > 0)
        return TRUE;
      return g_list_model_get_n_items (notes) > our_plan_count_team_only_notes (self->plan);
    default:
      return FALSE;
    }
}

static const char *
person_name (OurCopy *self)
{
  return our_plan_get_me_text (self->plan, OUR_ME_FIELD_PREFERRED_NAME);
}

void
our_copy_add_cover (OurCopy *self)
{
  const char *name = person_name (self);
  const char *coordinator = our_plan_get_me_text (self->plan, OUR_ME_FIELD_COORDINATOR_NAME);
  const char *contact = our_plan_get_me_text (self->plan, OUR_ME_FIELD_COORDINATOR_CONTACT);
  g_autofree char *review = our_copy_format_date (our_plan_get_me_text (self->plan, OUR_ME_FIELD_REVIEW_DATE));
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *made = NULL;
  g_autoptr(PangoLayout) big = NULL;
  g_autoptr(PangoLayout) sub = NULL;
  double width = our_copy_content_width (self);
  double panel_top, pad = self->body_size * 1.4;
  /* Large print keeps the cover on one page: its gaps do not grow. */
  double gap = MIN (self->body_size, 12.0);
  Item *panel;
  Page *page;

  self->y = self->top + (self->page_height - self->top) * 0.08;

  switch (self->kind)
    {
    case OUR_COPY_PERSON:
      title = g_strdup (our_copy_has_text (name) ? name : _("My plan"));
      subtitle = g_strdup (our_copy_has_text (name) ? _("My plan") : "");
      break;
    case OUR_COPY_CARER:
      title = g_strdup (self->owner_label);
      subtitle = our_copy_has_text (name) ? g_strdup_printf (_("%s’s plan"), name) : g_strdup (_("A care plan"));
      break;
    case OUR_COPY_TEAM:
    default:
      title = g_strdup (_("Team copy"));
      subtitle = our_copy_has_text (name) ? g_strdup_printf (_("%s’s plan"), name) : g_strdup (_("A care plan"));
      break;
    }

  our_copy_add_drawing (self, self->left, 56, 5, our_copy_draw_rule, (gpointer) &accent, NULL);
  our_copy_add_space (self, self->body_size * 1.2);
  big = our_copy_new_layout (self, MIN (self->body_size * 3.1, 40), PANGO_WEIGHT_BOLD, width);
  pango_layout_set_text (big, title, -1);
  pango_layout_set_line_spacing (big, 1.1);
  our_copy_add_text (self, big, 0, &ink, NULL, NULL);
  if (*subtitle)
    {
      our_copy_add_space (self, 4);
      sub = our_copy_new_layout (self, MAX (self->body_size * 1.7, 22), PANGO_WEIGHT_NORMAL, width);
      pango_layout_set_text (sub, subtitle, -1);
      our_copy_add_text (self, sub, 0, &dim_ink, NULL, NULL);
    }

  /* The next review date in large type, on a soft panel. */
  our_copy_add_space (self, gap * 3);
  panel_top = self->y;
  page = self->page;
  panel = our_copy_add_item (self, page, self->left, panel_top, width, 0);
  panel->draw = our_copy_draw_panel;
  panel->data = (gpointer) &pale_accent;
  self->y += pad;
  if (review != NULL)
    {
      g_autoptr(PangoLayout) date = our_copy_new_layout (self, MIN (self->body_size * 3.6, 44), PANGO_WEIGHT_BOLD,
                                                         width - 2 * pad);

      our_copy_add_paragraph (self, STYLE_LABEL, pad, &accent,
                              self->kind == OUR_COPY_PERSON ? _("My next review") : _("Next review"));
      our_copy_add_space (self, 2);
      pango_layout_set_text (date, review, -1);
      pango_layout_set_line_spacing (date, 1.05);
      our_copy_add_text (self, date, pad, &accent, NULL, NULL);
    }
  else
    our_copy_add_paragraph (self, STYLE_LABEL, pad, &accent, _("No review date has been agreed yet."));
  self->y += pad;
  if (self->page == page)
    panel->height = self->y - panel_top;

  if (our_copy_has_text (coordinator) || our_copy_has_text (contact))
    {
      our_copy_add_space (self, gap * 2.2);
      our_copy_add_paragraph (self, STYLE_LABEL, 0, &accent,
                              self->kind == OUR_COPY_PERSON ? _("My care coordinator") : _("Care coordinator"));
      our_copy_add_space (self, 2);
      if (our_copy_has_text (coordinator))
        our_copy_add_paragraph (self, STYLE_TITLE, 0, &ink, coordinator);
      if (our_copy_has_text (contact))
        {
          g_autofree char *reach = g_strdup_printf (_("How to reach them: %s"), contact);

          our_copy_add_paragraph (self, STYLE_BODY, 0, &ink, reach);
        }
    }

  /* What the following pages hold, so a missing part is noticed. */
  {
    GString *parts = g_string_new (NULL);

    for (guint i = 0; i < OUR_N_SECTIONS; i++)
      if (prints_section (self, i))
        {
          if (parts->len > 0)
            g_string_append (parts, "   ·   ");
          g_string_append (parts, our_section_get_label (i));
        }
    if (parts->len > 0)
      {
        our_copy_add_space (self, gap * 2.2);
        our_copy_add_label (self, _("In this copy"), 0, &accent);
        our_copy_add_paragraph (self, STYLE_BODY, 0, &ink, parts->str);
      }
    g_string_free (parts, TRUE);
  }

  our_copy_add_space (self, gap * 2.2);
  if (self->kind == OUR_COPY_CARER)
    {
      g_autofree char *why = NULL;

      if (our_copy_has_text (name))
        why = g_strdup_printf (_("This copy holds only the parts of the plan that %s chose to "
                                 "share with you."), name);
      else
        why = g_strdup (_("This copy holds only the parts of the plan that were shared with you."));
      our_copy_add_paragraph (self, STYLE_BODY, 0, &dim_ink, why);
    }
  else if (self->kind == OUR_COPY_TEAM)
    our_copy_add_paragraph (self, STYLE_BODY, 0, &dim_ink,
                            _("This copy holds everything in the plan, including notes the team keeps "
                            "private. Keep it safe."));

  made = g_strdup_printf (_("This copy was made on %s."), self->made_on_text);
  our_copy_add_space (self, self->body_size * 0.4);
  our_copy_add_paragraph (self, STYLE_BODY, 0, &dim_ink, made);
}

void
our_copy_add_me (OurCopy *self)
{
  const OurMeField *fields = me_fields;
  g_autofree char *made = NULL;

  if (!prints_section (self, OUR_SECTION_ME))
    return;

  our_copy_break_page (self);
  our_copy_add_heading (self, our_section_get_label (OUR_SECTION_ME), &accent);
  for (guint i = 0; i < G_N_ELEMENTS (me_fields); i++)
    {
      const char *text = our_plan_get_me_text (self->plan, fields[i]);

      if (our_copy_has_text (text))
        our_copy_add_labelled_text (self, our_me_field_get_label (fields[i]), text,
                                    our_plan_get_me_author (self->plan, fields[i]), &accent);
    }
  made = our_copy_format_date (our_plan_get_me_text (self->plan, OUR_ME_FIELD_MADE_ON));
  if (made != NULL)
    {
      g_autofree char *line = g_strdup_printf (_("We first made this plan on %s."), made);

      our_copy_add_space (self, self->body_size * 1.2);
      our_copy_add_paragraph (self, STYLE_SMALL, 0, &dim_ink, line);
    }
}

static void
add_goal (OurCopy *self,
          OurGoal *goal,
          gboolean first)
{
  const char *symbol = our_goal_get_symbol (goal);
  const char *why = our_goal_get_text (goal, OUR_GOAL_TEXT_WHY);
  const char *title = our_goal_get_title (goal);
  gboolean with_symbol = our_copy_has_text (symbol) && our_symbols_has (symbol);
  double symbol_size = self->body_size * 3.4;
  double indent = with_symbol ? symbol_size + self->body_size * 1.1 : 0;
  g_autoptr(PangoLayout) title_layout = NULL;
  g_autoptr(PangoLayout) value = NULL;
  g_autofree char *value_text = NULL;
  double scale_width = MIN (our_copy_content_width (self) * 0.45, self->body_size * 16);
  double scale_height = self->body_size * 2;
  GString *details = g_string_new (NULL);
  OurGoalStatus status = our_goal_get_status (goal);
  OurLifeArea area = our_goal_get_life_area (goal);
  double row_top;
  Page *row_page = NULL;
  int title_height;
  Item *item;

  if (!first)
    {
      our_copy_add_space (self, self->body_size * 1.3);
      our_copy_keep_together (self, 1.0 + self->body_size * 6);
      our_copy_add_drawing (self, self->left, our_copy_content_width (self), 0.75, our_copy_draw_rule, (gpointer) &rule, NULL);
      our_copy_add_space (self, self->body_size * 1.3);
    }

  /* The title with the goal's symbol beside it, kept with the progress. */
  title_layout = our_copy_styled_layout (self, STYLE_TITLE, our_copy_content_width (self) - indent,
                                         our_copy_has_text (title) ? title : _("A goal without a title yet"));
  pango_layout_get_size (title_layout, NULL, &title_height);
  our_copy_keep_together (self, MAX ((double) title_height / PANGO_SCALE, with_symbol ? symbol_size : 0)
                          + scale_height + 4 * our_copy_line_height (self, STYLE_BODY));
  our_copy_add_text (self, title_layout, indent, &ink, &row_page, &row_top);
  if (with_symbol && row_page != NULL)
    {
      item = our_copy_add_item (self, row_page, self->left, row_top, symbol_size, symbol_size);
      item->draw = our_copy_draw_symbol;
      item->data = g_strdup (symbol);
      item->destroy = g_free;
      if (row_page == self->page)
        self->y = MAX (self->y, row_top + symbol_size - scale_height - self->body_size * 0.8);
    }

  if (status != OUR_GOAL_STATUS_ACTIVE)
    g_string_append (details, our_goal_status_get_label (status));
  if (area != OUR_LIFE_AREA_NONE)
    {
      if (details->len > 0)
        g_string_append (details, " · ");
      g_string_append_printf (details, _("Part of life: %s"), our_life_area_get_label (area));
    }
  if (details->len > 0)
    our_copy_add_paragraph (self, STYLE_SMALL, indent, &dim_ink, details->str);
  g_string_free (details, TRUE);

  /* Progress: the same scale as on screen, with its value in words. */
  our_copy_add_space (self, self->body_size * 0.6);
  our_copy_keep_together (self, scale_height);
  row_top = self->y;
  item = our_copy_add_drawing (self, self->left + indent, scale_width, scale_height, our_copy_draw_progress,
                               GUINT_TO_POINTER (our_goal_get_progress (goal)), NULL);
  value_text = g_strdup_printf (_("%u out of %u"), our_goal_get_progress (goal), OUR_PROGRESS_MAX);
  value = our_copy_styled_layout (self, STYLE_BODY, our_copy_content_width (self) - indent - scale_width, value_text);
  item = our_copy_add_item (self, self->page, item->x + scale_width + self->body_size, item->y,
                            our_copy_content_width (self) - indent - scale_width - self->body_size, scale_height);
  item->draw = our_copy_draw_layout;
  item->data = g_steal_pointer (&value);
  item->destroy = g_object_unref;

  if (our_copy_has_text (why))
    {
      our_copy_add_space (self, self->body_size * 0.8);
      our_copy_add_label (self, _("Why it matters"), indent, &accent);
      our_copy_add_paragraph (self, STYLE_BODY, indent, &ink, why);
      our_copy_add_attribution (self, indent, our_goal_get_author (goal, OUR_GOAL_TEXT_WHY));
    }

  if (our_goal_get_n_steps (goal) > 0)
    {
      our_copy_add_space (self, self->body_size * 0.8);
      our_copy_add_label (self, _("Small steps"), indent, &accent);
    }
  for (guint i = 0; i < our_goal_get_n_steps (goal); i++)
    {
      OurStep *step = our_goal_get_step (goal, i);
      const char *what = our_step_get_text (step, OUR_STEP_TEXT_WHAT);
      const char *who = our_plan_get_step_helper_name (self->plan, step);
      g_autofree char *when = our_copy_format_date (our_step_get_text (step, OUR_STEP_TEXT_BY_WHEN));
      GString *markup = g_string_new (NULL);
      g_autofree char *escaped = g_markup_escape_text (our_copy_has_text (what) ? what : "…", -1);
      double saved_left = self->left;

      g_string_append (markup, escaped);
      if (our_copy_has_text (who) || when != NULL)
        {
          g_string_append (markup, "\n<span foreground=\"#5e5c64\">");
          if (our_copy_has_text (who))
            {
              g_autofree char *who_escaped = g_markup_escape_text (who, -1);
              g_autofree char *line = g_strdup_printf (_("Who helps: %s"), who_escaped);

              g_string_append (markup, line);
            }
          if (our_copy_has_text (who) && when != NULL)
            g_string_append (markup, "   ·   ");
          if (when != NULL)
            {
              g_autofree char *line = g_strdup_printf (_("By %s"), when);

              g_string_append (markup, line);
            }
          g_string_append (markup, "</span>");
        }
      self->left += indent;
      our_copy_add_bullet (self, markup->str, &accent);
      self->left = saved_left;
      g_string_free (markup, TRUE);
    }
}

void
our_copy_add_goals (OurCopy *self)
{
  guint n = our_plan_get_n_goals (self->plan);

  if (!prints_section (self, OUR_SECTION_GOALS))
    return;
  our_copy_break_page (self);
  our_copy_add_heading (self, our_section_get_label (OUR_SECTION_GOALS), &accent);
  for (guint i = 0; i < n; i++)
    add_goal (self, our_plan_get_goal (self->plan, i), i == 0);
}

void
our_copy_add_people (OurCopy *self)
{
  guint n = our_plan_get_n_members (self->plan);
  g_autofree OurNetworkItem *items = NULL;
  g_autofree char *summary = NULL;
  Diagram *diagram;
  double width = our_copy_content_width (self);
  double height;
  const char *name = person_name (self);

  if (!prints_section (self, OUR_SECTION_PEOPLE))
    return;
  our_copy_break_page (self);
  our_copy_add_heading (self, our_section_get_label (OUR_SECTION_PEOPLE), &accent);
  /* My copy speaks to the person; the others speak about them. */
  summary = our_network_summary_about (self->plan, self->kind == OUR_COPY_PERSON ? NULL : name);
  our_copy_add_paragraph (self, STYLE_BODY, 0, &ink, summary);
  our_copy_add_space (self, self->body_size);

  /* The diagram as big as the page allows, on this page or the next. */
  height = MIN (width * 0.92, (self->bottom - self->top) * 0.8);
  if (our_copy_room_left (self) < height)
    {
      if (our_copy_room_left (self) >= width * 0.7)
        height = our_copy_room_left (self);
      else
        our_copy_start_page (self);
    }
  items = g_new0 (OurNetworkItem, n);
  diagram = g_new0 (Diagram, 1);
  diagram->lines = g_new0 (OurNetworkLine, n);
  diagram->n_lines = n;
  for (guint i = 0; i < n; i++)
    {
      OurMember *member = our_plan_get_member (self->plan, i);

      items[i].ring = our_member_get_ring (member);
      items[i].angle = our_member_get_angle (member);
      items[i].name = our_member_get_name (member);
      diagram->lines[i].kind = our_member_get_kind (member);
      diagram->lines[i].contact = our_member_get_contact (member);
      diagram->lines[i].wished_for = our_member_get_wished_for (member);
      diagram->lines[i].symbol = g_strdup (our_member_get_symbol (member));
    }
  diagram->layout = our_network_layout_new (self->context, items, n, width, height);
  diagram->centre_name = g_strdup (our_copy_has_text (name) ? name : _("Me"));
  our_copy_add_drawing (self, self->left, width, height, our_copy_draw_diagram, diagram, our_copy_diagram_free);

  our_copy_add_space (self, self->body_size * 1.2);
  our_copy_add_label (self, self->kind == OUR_COPY_PERSON ? _("Who and what helps me") : _("Who and what helps"),
                      0, &accent);
  for (guint i = 0; i < n; i++)
    {
      OurMember *member = our_plan_get_member (self->plan, i);
      const char *relationship = our_member_get_text (member, OUR_MEMBER_TEXT_RELATIONSHIP);
      const char *notes = our_member_get_text (member, OUR_MEMBER_TEXT_NOTES);
      g_autofree char *helps = our_helps_describe (our_member_get_helps (member));
      g_autofree char *escaped = g_markup_escape_text (our_member_get_name (member), -1);
      GString *markup = g_string_new (NULL);
      GString *facts = g_string_new (our_member_kind_get_label (our_member_get_kind (member)));
      OurContact contact = our_member_get_contact (member);
      static OurRgba colours[OUR_N_MEMBER_KINDS];
      OurMemberKind kind = our_member_get_kind (member);

      colours[kind] = our_member_kind_get_colour (kind, FALSE);
      g_string_append_printf (markup, "<b>%s</b>", escaped);
      if (our_copy_has_text (relationship))
        {
          g_autofree char *rel = g_markup_escape_text (relationship, -1);

          g_string_append_printf (markup, " — %s", rel);
        }
      g_string_append_printf (facts, " · %s", our_ring_get_label (our_member_get_ring (member)));
      if (helps != NULL && *helps)
        {
          g_string_append (facts, " · ");
          g_string_append_printf (facts, _("helps with: %s"), helps);
        }
      if (contact != OUR_CONTACT_UNKNOWN)
        g_string_append_printf (facts, " · %s", our_contact_get_label (contact));
      if (our_member_get_wished_for (member))
        g_string_append_printf (facts, " · %s",
                                self->kind == OUR_COPY_PERSON ? _("I’d like more of this")
                                                              : _("would like more of this"));
      if (our_member_get_is_carer (member))
        g_string_append_printf (facts, " · %s", _("carer"));
      {
        g_autofree char *facts_escaped = g_markup_escape_text (facts->str, -1);

        g_string_append_printf (markup, "\n<span foreground=\"#5e5c64\">%s</span>", facts_escaped);
      }
      if (our_copy_has_text (notes))
        {
          g_autofree char *notes_escaped = g_markup_escape_text (notes, -1);

          g_string_append_printf (markup, "\n%s", notes_escaped);
        }
      our_copy_add_bullet (self, markup->str, &colours[kind]);
      g_string_free (markup, TRUE);
      g_string_free (facts, TRUE);
    }
}

void
our_copy_add_board (OurCopy *self)
{
  GListModel *items = our_plan_get_board_items (self->plan);
  GListModel *zones = our_plan_get_board_zones (self->plan);
  guint n_items = g_list_model_get_n_items (items);
  guint n_zones = g_list_model_get_n_items (zones);
  double bx, by, bw, bh, width = our_copy_content_width (self), height;

  if (!prints_section (self, OUR_SECTION_BOARD))
    return;
  our_copy_break_page (self);
  our_copy_add_heading (self, our_section_get_label (OUR_SECTION_BOARD), &accent);

  /* The board as a picture, keeping its shape, then in words. */
  if (our_board_get_extents (self->plan, &bx, &by, &bw, &bh) && bw > 0 && bh > 0)
    {
      height = CLAMP (width * bh / bw, width * 0.3, (self->bottom - self->top) * 0.75);
      if (our_copy_room_left (self) < height && our_copy_room_left (self) >= height * 0.6)
        height = our_copy_room_left (self);
      our_copy_add_drawing (self, self->left, width, height, our_copy_draw_board, NULL, NULL);
      our_copy_add_space (self, self->body_size * 1.2);
    }

  if (n_zones > 0)
    {
      GString *names = g_string_new (NULL);

      for (guint i = 0; i < n_zones; i++)
        {
          g_autoptr(OurBoardZone) zone = g_list_model_get_item (zones, i);

          if (!our_copy_has_text (our_board_zone_get_name (zone)))
            continue;
          if (names->len > 0)
            g_string_append (names, ", ");
          g_string_append (names, our_board_zone_get_name (zone));
        }
      if (names->len > 0)
        {
          g_autofree char *line = g_strdup_printf (_("Parts of the board: %s"), names->str);

          our_copy_add_paragraph (self, STYLE_BODY, 0, &ink, line);
        }
      g_string_free (names, TRUE);
    }
  if (n_items > 0)
    {
      our_copy_add_space (self, self->body_size * 0.6);
      our_copy_add_label (self, self->kind == OUR_COPY_PERSON ? _("What is on my board") : _("What is on the board"),
                          0, &accent);
    }
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(OurBoardItem) item = g_list_model_get_item (items, i);
      g_autofree char *text = our_board_item_describe (item);
      g_autofree char *escaped = g_markup_escape_text (text, -1);

      our_copy_add_bullet (self, escaped, &accent);
    }
}

void
our_copy_add_staying_well (OurCopy *self)
{
  GListModel *contacts = our_plan_get_crisis_contacts (self->plan);
  guint n_contacts = g_list_model_get_n_items (contacts);

  if (!prints_section (self, OUR_SECTION_STAYING_WELL))
    return;

  our_copy_break_page (self);
  our_copy_add_heading (self, our_section_get_label (OUR_SECTION_STAYING_WELL), &well_accent);
  for (guint i = 0; i < OUR_N_WELL_FIELDS; i++)
    {
      const char *text = our_plan_get_well_text (self->plan, i);

      if (our_copy_has_text (text))
        our_copy_add_labelled_text (self, our_well_field_get_label (i), text,
                                    our_plan_get_well_author (self->plan, i), &well_accent);
    }
  if (n_contacts == 0)
    return;

  our_copy_add_space (self, self->body_size * 1.4);
  our_copy_add_label (self, _("Who to contact when things get hard"), 0, &well_accent);
  for (guint i = 0; i < n_contacts; i++)
    {
      g_autoptr(OurCrisisContact) contact = g_list_model_get_item (contacts, i);
      const char *phone = our_crisis_contact_get_phone (contact);
      const char *when = our_crisis_contact_get_when (contact);
      g_autofree char *name = g_markup_escape_text (our_plan_get_crisis_contact_name (self->plan, contact), -1);
      GString *markup = g_string_new (NULL);

      g_string_append_printf (markup, "<b>%s</b>", name);
      if (our_copy_has_text (phone))
        {
          g_autofree char *escaped = g_markup_escape_text (phone, -1);

          g_string_append_printf (markup, "   <b>%s</b>", escaped);
        }
      if (our_copy_has_text (when))
        {
          g_autofree char *escaped = g_markup_escape_text (when, -1);

          g_string_append_printf (markup, "\n<span foreground=\"#5e5c64\">%s</span>", escaped);
        }
      our_copy_add_bullet (self, markup->str, &well_accent);
      g_string_free (markup, TRUE);
    }
}

void
our_copy_add_safety_notes (OurCopy *self)
{
  GListModel *notes = our_plan_get_safety_notes (self->plan);
  guint n = g_list_model_get_n_items (notes);
  guint n_team_only = our_plan_count_team_only_notes (self->plan);
  guint n_shown = 0;
  gboolean heading = FALSE;

  if (!prints_section (self, OUR_SECTION_SAFETY_NOTES))
    return;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(OurSafetyNote) note = g_list_model_get_item (notes, i);
      gboolean team_only = our_safety_note_get_team_only (note);
      g_autofree char *talked = our_copy_format_date (our_safety_note_get_talked_on (note));
      g_autofree char *written = our_copy_format_date (our_safety_note_get_written_on (note));
      g_autoptr(GString) facts = g_string_new (NULL);
      double saved_left;
      Page *page = NULL;
      double top = 0;
      Item *item;

      if (team_only && self->kind != OUR_COPY_TEAM)
        continue;
      if (!heading)
        {
          if (self->page->items->len > 0 && our_copy_room_left (self) < (self->bottom - self->top) * 0.3)
            our_copy_start_page (self);
          our_copy_add_heading (self, our_section_get_label (OUR_SECTION_SAFETY_NOTES), &well_accent);
          heading = TRUE;
        }

      our_copy_add_space (self, self->body_size * (n_shown > 0 ? 1.0 : 0.4));
      our_copy_keep_together (self, 4 * our_copy_line_height (self, STYLE_BODY));
      saved_left = self->left;
      self->left += self->body_size * 0.9;
      {
        g_autoptr(PangoLayout) kind = our_copy_styled_layout (self, STYLE_LABEL, our_copy_content_width (self),
                                                              our_safety_note_kind_get_label (our_safety_note_get_kind (note)));

        our_copy_add_text (self, kind, 0, &well_accent, &page, &top);
      }
      if (team_only)
        our_copy_add_paragraph (self, STYLE_LABEL, 0, &ink,
                                _("Team only: this note is not in the person’s copy or any carer’s copy."));
      our_copy_add_paragraph (self, STYLE_BODY, 0, &ink, our_safety_note_get_text (note));
      if (our_safety_note_get_talked_together (note))
        {
          if (talked != NULL)
            g_string_append_printf (facts, _("Talked about together on %s"), talked);
          else
            g_string_append (facts, _("Talked about together"));
        }
      else
        g_string_append (facts, _("Not yet talked about together"));
      if (written != NULL)
        {
          g_string_append (facts, "   ·   ");
          g_string_append_printf (facts, _("Written on %s"), written);
        }
      our_copy_add_paragraph (self, STYLE_SMALL, 0, &dim_ink, facts->str);
      self->left = saved_left;

      /* A bar down the left of the note, on the page where it starts. */
      if (page != NULL)
        {
          item = our_copy_add_item (self, page, self->left, top, 3,
                                    page == self->page ? self->y - top : self->bottom - top);
          item->draw = our_copy_draw_rule;
          item->data = (gpointer) (team_only ? &ink : &well_accent);
        }
      n_shown++;
    }

  /* The person's copy says that held-back notes exist, never what they say. */
  if (self->kind == OUR_COPY_PERSON && n_team_only > 0)
    {
      g_autofree char *line = NULL;

      if (!heading)
        {
          our_copy_add_heading (self, our_section_get_label (OUR_SECTION_SAFETY_NOTES), &well_accent);
          heading = TRUE;
        }
      if (n_shown > 0)
        line = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "There is %u more note that the team keeps private.",
                                             "There are %u more notes that the team keeps private.",
                                             n_team_only), n_team_only);
      else
        line = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "There is %u note that the team keeps private.",
                                             "There are %u notes that the team keeps private.",
                                             n_team_only), n_team_only);
      {
        g_autofree char *markup = g_markup_printf_escaped ("%s\n<span size=\"%d\">%s</span>", line,
                                                          (int) (our_copy_style_size (self, STYLE_SMALL) * PANGO_SCALE),
                                                          _("You can ask your care coordinator about it."));

        our_copy_add_space (self, self->body_size * 0.9);
        our_copy_add_markup (self, 0, &dim_ink, markup, NULL, NULL);
      }
    }
}

