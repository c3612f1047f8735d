#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End to end over AT-SPI, as a coordinator and the person would do it: start
Our Plan, make a new plan, go to My People, add someone, move them one ring
closer with the keyboard, quit, start again, and find them in the closer ring.

Needs a display, a D-Bus session and the accessibility bus (build-aux/run-tests
provides all three). Usage: test_people.py PATH/TO/ourplan SCHEMA_DIR
"""
import os
import shutil
import subprocess
import sys
import tempfile
import time

os.environ.setdefault("GTK_MODULES", "gail:atk-bridge")

from dogtail import config, rawinput, tree  # noqa: E402

config.searchCutoffCount = 10
config.defaultDelay = 0.3
config.actionDelay = 0.3
config.logDebugToStdOut = False
config.logDebugToFile = False

started = []
MEMBER = "Auntie Bron"
PERSON = "Cerys Morgan"


def fail(message):
    print("FAIL: " + message, flush=True)
    sys.exit(1)


def wait_for(what, find, timeout=20):
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            found = find()
        except Exception:  # the tree changes under us while the app starts
            found = None
        if found:
            return found
        time.sleep(0.3)
    fail("gave up waiting for " + what)


def start(exe, env):
    print("starting " + exe, flush=True)
    process = subprocess.Popen([exe], env=env)
    started.append(process)
    app = wait_for("the application on the accessibility bus",
                   lambda: next((a for a in tree.root.applications()
                                 if a.get_process_id() == process.pid), None))
    return process, app


def find_all(node, predicate):
    return node.findChildren(predicate, recursive=True, showingOnly=False)


def find_one(node, what, predicate, timeout=20):
    return wait_for(what, lambda: next(iter(find_all(node, predicate)), None), timeout)


def showing(n):
    # GTK 4.8 does not report the "showing" state over AT-SPI, so this can
    # only tell a sensitive widget from an insensitive one.
    try:
        return n.sensitive
    except Exception:
        return False


def text_of(node):
    # dogtail's .text asks for the text up to offset -1, which GTK 4.8
    # answers with nothing: ask for the real length.
    try:
        text = node.queryText()
        return text.getText(0, text.characterCount) or ""
    except Exception:
        return ""


def quit_app(process):
    rawinput.keyCombo("<Control>q")
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        fail("the app did not quit on Ctrl+Q")


def member_named(app, what, prefix, timeout=20):
    # Each member of the diagram is a real widget: a button named
    # "NAME, RING" or "NAME, RING, helps with: ...".
    return find_one(app, what,
                    lambda n: n.roleName == "push button" and (n.name or "").startswith(prefix),
                    timeout)


def open_people_tab(app):
    tab = find_one(app, "the My People tab",
                   lambda n: n.name in ("My People", "My people") and showing(n)
                   and n.roleName in ("toggle button", "page tab", "push button",
                                      "radio button"))
    tab.doActionNamed("click")


def main():
    exe, schema_dir = sys.argv[1], sys.argv[2]
    home = tempfile.mkdtemp(prefix="ourplan-e2e-")
    env = dict(os.environ)
    env.update({
        "HOME": home,
        "XDG_CONFIG_HOME": os.path.join(home, ".config"),
        "XDG_DATA_HOME": os.path.join(home, ".local", "share"),
        "XDG_CACHE_HOME": os.path.join(home, ".cache"),
        "GSETTINGS_BACKEND": "keyfile",
        "GSETTINGS_SCHEMA_DIR": schema_dir,
        "GTK_A11Y": "atspi",
        "GSK_RENDERER": "cairo",
        "LANGUAGE": "en",
    })
    env.pop("NO_AT_BRIDGE", None)

    try:
        # 1. Start, make a new plan.
        process, app = start(exe, env)
        new_plan = find_one(app, "the New Plan button",
                            lambda n: n.roleName == "push button" and n.name == "New Plan"
                            and showing(n))
        new_plan.doActionNamed("click")
        name_entry = find_one(app, "the name box of the new plan dialog",
                              lambda n: n.name == "The name the person likes to be called"
                              and n.roleName in ("text", "entry"))
        name_entry.text = PERSON
        make = find_one(app, "the Make the Plan button",
                        lambda n: n.roleName == "push button" and "Make the Plan" in n.name
                        and n.sensitive)
        make.doActionNamed("click")

        # 2. My People: Add, choose "A person" from the kinds.
        open_people_tab(app)
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
        time.sleep(1)
        rawinput.typeText(MEMBER)
        rawinput.pressKey("Return")
        time.sleep(0.5)
        member_named(app, "the renamed member in the middle ring", MEMBER + ", close to me")
        rawinput.pressKey("Escape")
        time.sleep(0.5)
        rawinput.pressKey("Page_Up")
        member_named(app, "the member moved one ring closer", MEMBER + ", closest to me")
        time.sleep(1)
        quit_app(process)

        # 4. Start again, open the plan: the member is there, in the closest ring.
        process, app = start(exe, env)
        find_one(app, "the plan on the start screen",
                 lambda n: PERSON in (n.name or "") and showing(n)
                 and n.roleName in ("list item", "push button", "table row", "row",
                                    "list box item"))
        # GTK 4.8 cannot move focus over AT-SPI: search and press Enter.
        search = find_one(app, "the search box", lambda n: n.name == "Search plans by name")
        search.text = PERSON
        time.sleep(0.5)
        rawinput.pressKey("Return")
        open_people_tab(app)
        member_named(app, "the member saved in the closest ring", MEMBER + ", closest to me")
        quit_app(process)
        print("PASS: the member moved closer with the keyboard is there after starting again",
              flush=True)
    finally:
        for process in started:
            if process.poll() is None:
                process.kill()
                process.wait()
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
