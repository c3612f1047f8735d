#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End to end over AT-SPI, as the person and the coordinator would do it:
start Our Plan, make a new plan, open the Staying Well tab, write an early
sign, add a safety note and mark it "Team only", quit, start again, and find
both the early sign and the team-only note.

Needs a display, a D-Bus session and the accessibility bus (build-aux/run-tests
provides all three). Usage: test_safety.py PATH/TO/ourplan SCHEMA_DIR
"""
import sys

from e2e_support import (Session, fail, find_all, find_one, make_new_plan,
                         open_plan_from_start_screen, open_tab, plan_rows, quit_app, showing,
                         text_of, wait_for)

PERSON = "Ffion Hughes"
EARLY_SIGN = "I stop opening the curtains"
NOTE = "Her neighbour's worries are about someone else, so they stay with the team"
SAFETY_TAB = ("Staying Well", "Staying well")
EARLY_SIGNS = "Early signs that things are getting hard"


def early_signs_box(app):
    return find_one(app, "the early signs box",
                    lambda n: n.roleName in ("text", "entry") and n.name == EARLY_SIGNS)


def team_only_switch(app):
    return find_one(app, "the Team only switch of the note",
                    lambda n: n.name == "Team only"
                    and n.roleName in ("switch", "toggle button", "check box"))


def is_on(node):
    states = node.getState()
    from dogtail.tree import pyatspi  # noqa: E402 (dogtail brings pyatspi)
    return states.contains(pyatspi.STATE_CHECKED) or states.contains(pyatspi.STATE_PRESSED)


def saved_note_texts(home):
    return plan_rows(home, "SELECT text FROM safety_notes")


def saved_team_only(home):
    return plan_rows(home, "SELECT team_only FROM safety_notes")


def main():
    with Session(sys.argv[1], sys.argv[2]) as session:
        # 1. Start, make a new plan, go to Staying Well.
        process, app = session.start()
        make_new_plan(app, PERSON)
        open_tab(app, SAFETY_TAB)

        # 2. An early sign, in the person's words.
        box = early_signs_box(app)
        box.text = EARLY_SIGN
        find_one(app, "the early sign in its box",
                 lambda n: n.name == EARLY_SIGNS and EARLY_SIGN in text_of(n))

        # 3. Add a note ("Something we are worried about"), write its words,
        # then mark it Team only.
        add = find_one(app, "the Add Note button",
                       lambda n: n.name == "Add Note" and showing(n)
                       and n.roleName in ("toggle button", "push button"))
        add.doActionNamed("click")
        concern = find_one(app, "the concern kind in the note chooser",
                           lambda n: n.roleName == "push button"
                           and n.name == "Something we are worried about")
        concern.doActionNamed("click")
        # The new note's words, written as the early sign was; then mark it.
        words = find_one(app, "the new note's words box",
                         lambda n: n.roleName in ("text", "entry") and showing(n)
                         and n.name == "What we are worried about" and not text_of(n))
        words.text = NOTE
        # Saved after a pause, the words show the note anew: a switch found
        # before then could be one about to go. Wait until the file has them.
        wait_for("the note's words in the plan file",
                 lambda: saved_note_texts(session.home) == [NOTE] or None)
        switch = team_only_switch(app)
        # GTK 4.8 offers a switch as a check box with a "toggle" action.
        switch.doActionNamed("toggle" if "toggle" in switch.actions else "click")
        # Found afresh each time: on a busy machine the note may be shown
        # anew (its words saved) before the switch's state arrives.
        wait_for("the Team only switch to turn on",
                 lambda: is_on(team_only_switch(app)) or None)
        wait_for("the note marked Team only in the plan file",
                 lambda: saved_team_only(session.home) == [1] or None)
        quit_app(process)

        # 4. Start again: both are there, and the note is still team only.
        process, app = session.start()
        open_plan_from_start_screen(app, PERSON)
        open_tab(app, SAFETY_TAB)
        find_one(app, "the early sign written before quitting",
                 lambda n: n.name == EARLY_SIGNS and EARLY_SIGN in text_of(n))
        find_one(app, "the note written before quitting",
                 lambda n: n.roleName in ("text", "entry") and NOTE in text_of(n))
        wait_for("the note still marked Team only",
                 lambda: is_on(team_only_switch(app)) or None)
        badges = find_all(app, lambda n: n.roleName == "label" and n.name == "Team only")
        if not badges:
            fail("the team-only note shows no Team only mark")
        quit_app(process)
        print("PASS: the early sign and the team-only note are there after starting again",
              flush=True)


if __name__ == "__main__":
    main()
