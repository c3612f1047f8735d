#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End to end over AT-SPI, as a coordinator and the person would do it: start
Our Plan, make a new plan, go to the Notes board, add a note and write on it,
add a symbol from the library, quit, start again, and find both on the board.

Needs a display, a D-Bus session and the accessibility bus (build-aux/run-tests
provides all three). Usage: test_board.py PATH/TO/ourplan SCHEMA_DIR
"""
import sys

from e2e_support import (Session, find_one, make_new_plan, open_plan_from_start_screen,
                         open_tab, quit_app, rawinput, showing,
                         wait_keyboard_in_text, wait_saved)

PERSON = "Dylan Hughes"
WORDS = "I want to go back to swimming"
BOARD_TAB = ("Notes Board", "Notes board")


def item_named(app, what, predicate, timeout=20):
    # Each item of the board is a real widget: a button named "Note: WORDS",
    # "Symbol: NAME" or "Picture".
    return find_one(app, what,
                    lambda n: n.roleName == "push button" and predicate(n.name or ""),
                    timeout)


def main():
    with Session(sys.argv[1], sys.argv[2]) as session:
        # 1. Start, make a new plan, go to the board.
        process, app = session.start()
        make_new_plan(app, PERSON)
        open_tab(app, BOARD_TAB)

        # 2. Add a Note: the note's editor opens with the keyboard in it.
        add_note = find_one(app, "the Add a Note button",
                            lambda n: n.roleName == "push button" and n.name == "Add a Note"
                            and showing(n))
        add_note.doActionNamed("click")
        item_named(app, "the new, empty note", lambda name: name == "Empty note")
        wait_keyboard_in_text(app, "the keyboard in the note's editor")
        rawinput.typeText(WORDS)
        rawinput.keyCombo("<Control>Return")
        item_named(app, "the note with its words", lambda name: name == "Note: " + WORDS)

        # 3. Add a Symbol: the picker opens with its search box ready; Enter
        # takes the first match.
        add_symbol = find_one(app, "the Add a Symbol button",
                              lambda n: n.roleName in ("toggle button", "push button")
                              and n.name == "Add a Symbol" and showing(n))
        add_symbol.doActionNamed("click")
        wait_keyboard_in_text(app, "the keyboard in the symbol search")
        rawinput.typeText("home")
        # Enter takes the first symbol matching what is typed, at once.
        rawinput.pressKey("Return")
        symbol = item_named(app, "the symbol on the board",
                            lambda name: name.startswith("Symbol: "))
        symbol_name = symbol.name
        wait_saved(session.home, "the note and the symbol in the plan file",
                   "SELECT kind || ':' || coalesce(text, '') FROM board_items",
                   lambda rows: len(rows) == 2 and any(row.endswith(":" + WORDS) for row in rows))
        quit_app(process)

        # 4. Start again, open the plan: the note and the symbol are there.
        process, app = session.start()
        open_plan_from_start_screen(app, PERSON)
        open_tab(app, BOARD_TAB)
        item_named(app, "the note after starting again", lambda name: name == "Note: " + WORDS)
        item_named(app, "the symbol after starting again", lambda name: name == symbol_name)
        quit_app(process)
        print("PASS: a note and a symbol added to the board are there after starting again",
              flush=True)


if __name__ == "__main__":
    main()
