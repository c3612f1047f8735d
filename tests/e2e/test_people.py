#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End to end over AT-SPI, as a coordinator and the person would do it: start
Our Plan, make a new plan, go to My People, add someone, move them one ring
closer with the keyboard, quit, start again, and find them in the closer ring.

Needs a display, a D-Bus session and the accessibility bus (build-aux/run-tests
provides all three). Usage: test_people.py PATH/TO/ourplan SCHEMA_DIR
"""
import sys

from e2e_support import (Session, find_one, make_new_plan, open_plan_from_start_screen,
                         has_keyboard, open_tab, quit_app, rawinput, showing,
                         wait_for, wait_keyboard_in_text, wait_saved)

MEMBER = "Auntie Bron"
PERSON = "Cerys Morgan"
PEOPLE_TAB = ("My People", "My people")


def member_named(app, what, prefix, timeout=20):
    # Each member of the diagram is a real widget: a button named
    # "NAME, RING" or "NAME, RING, helps with: ...".
    return find_one(app, what,
                    lambda n: n.roleName == "push button" and (n.name or "").startswith(prefix),
                    timeout)


def main():
    with Session(sys.argv[1], sys.argv[2]) as session:
        # 1. Start, make a new plan.
        process, app = session.start()
        make_new_plan(app, PERSON)

        # 2. My People: Add, choose "A person" from the kinds.
        open_tab(app, PEOPLE_TAB)
        add = find_one(app, "the Add button",
                       lambda n: n.roleName in ("toggle button", "push button")
                       and n.name == "Add" and showing(n))
        add.doActionNamed("click")
        person = find_one(app, "A person in the kind chooser",
                          lambda n: n.roleName == "push button" and n.name == "A person")
        person.doActionNamed("click")

        # 3. The editor opens with the name ready to type over: type it,
        # Enter keeps it, Escape closes the editor and gives the keyboard
        # back to the new member; Page Up moves them one ring closer.
        member_named(app, "the new member in the middle ring", "New person, close to me")
        name_box = wait_keyboard_in_text(app, "the keyboard in the new member's name")
        rawinput.typeText(MEMBER)
        rawinput.pressKey("Return")
        member_named(app, "the renamed member in the middle ring", MEMBER + ", close to me")
        rawinput.pressKey("Escape")
        # The editor closes and gives the keyboard back to the member.
        wait_for("the member's editor to close", lambda: not has_keyboard(name_box, editable=True))
        rawinput.pressKey("Page_Up")
        member_named(app, "the member moved one ring closer", MEMBER + ", closest to me")
        wait_saved(session.home, "the member in the closest ring in the plan file",
                   "SELECT name || ':' || ring FROM members",
                   lambda rows: MEMBER + ":0" in rows)
        quit_app(process)

        # 4. Start again, open the plan: the member is there, in the closest ring.
        process, app = session.start()
        open_plan_from_start_screen(app, PERSON)
        open_tab(app, PEOPLE_TAB)
        member_named(app, "the member saved in the closest ring", MEMBER + ", closest to me")
        quit_app(process)
        print("PASS: the member moved closer with the keyboard is there after starting again",
              flush=True)


if __name__ == "__main__":
    main()
