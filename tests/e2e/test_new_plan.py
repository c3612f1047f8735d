#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End to end over AT-SPI, as a coordinator would do it: start Our Plan, make a
new plan, type a goal, quit, start again, and find the goal still there.

Needs a display, a D-Bus session and the accessibility bus (build-aux/run-tests
provides all three). Usage: test_new_plan.py PATH/TO/ourplan SCHEMA_DIR
"""
import sys

from e2e_support import (Session, find_one, make_new_plan, open_plan_from_start_screen,
                         open_tab, quit_app, rawinput, showing, text_of,
                         wait_keyboard_in_text, wait_saved)

GOAL = "Go swimming on Saturdays with Siân"
PERSON = "Sam Llewelyn"
GOALS_TAB = ("My Goals", "My goals")


def main():
    with Session(sys.argv[1], sys.argv[2]) as session:
        # 1. Start, make a new plan.
        process, app = session.start()
        make_new_plan(app, PERSON)

        # 2. The goals tab, add a goal, type its title where the keyboard is.
        open_tab(app, GOALS_TAB)
        add = find_one(app, "the Add a Goal button",
                       lambda n: n.roleName == "push button" and showing(n)
                       and n.name.lower().startswith("add a goal"))
        add.doActionNamed("click")
        wait_keyboard_in_text(app, "the keyboard in the new goal's title")
        rawinput.typeText(GOAL)
        # Typing is saved after a pause of under a second.
        wait_saved(session.home, "the goal's title in the plan file",
                   "SELECT title FROM goals", lambda titles: GOAL in titles)
        quit_app(process)

        # 3. Start again: the plan is on the start screen, and the goal is in it.
        process, app = session.start()
        open_plan_from_start_screen(app, PERSON)
        open_tab(app, GOALS_TAB)
        find_one(app, "the goal typed before quitting",
                 lambda n: n.roleName in ("text", "entry") and GOAL in text_of(n))
        quit_app(process)
        print("PASS: the goal typed before quitting is there after starting again", flush=True)


if __name__ == "__main__":
    main()
