#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End to end over AT-SPI, as a coordinator would do it: start Our Plan, make a
new plan, type a goal, quit, start again, and find the goal still there.

Needs a display, a D-Bus session and the accessibility bus (build-aux/run-tests
provides all three). Usage: test_new_plan.py PATH/TO/ourplan SCHEMA_DIR
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
GOAL = "Go swimming on Saturdays with Siân"
PERSON = "Sam Llewelyn"


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

        # 2. The goals tab, add a goal, type its title where the keyboard is.
        goals_tab = find_one(app, "the My Goals tab",
                             lambda n: n.name in ("My Goals", "My goals") and showing(n)
                             and n.roleName in ("toggle button", "page tab", "push button",
                                                "radio button"))
        goals_tab.doActionNamed("click")
        add = find_one(app, "the Add a Goal button",
                       lambda n: n.roleName == "push button" and showing(n)
                       and n.name.lower().startswith("add a goal"))
        add.doActionNamed("click")
        time.sleep(1)
        rawinput.typeText(GOAL)
        # Typing is saved after a pause of under a second.
        time.sleep(2)
        quit_app(process)

        plans = os.path.join(home, "Care plans")
        files = [f for f in os.listdir(plans) if f.endswith(".ourplan")] if os.path.isdir(plans) else []
        if not files:
            # The documents folder may be configured; look anywhere in HOME.
            for root, _, names in os.walk(home):
                files += [os.path.join(root, f) for f in names if f.endswith(".ourplan")]
        if not files:
            fail("no plan file was made")

        # 3. Start again: the plan is on the start screen, and the goal is in it.
        process, app = start(exe, env)
        row = find_one(app, "the plan on the start screen",
                       lambda n: PERSON in (n.name or "") and showing(n)
                       and n.roleName in ("list item", "push button", "table row", "row",
                                          "list box item"))
        # GTK 4.8 gives list rows no AT-SPI action and cannot move focus
        # over AT-SPI: search for the person and press Enter, as a keyboard
        # user would.
        search = find_one(app, "the search box", lambda n: n.name == "Search plans by name")
        search.text = PERSON
        time.sleep(0.5)
        rawinput.pressKey("Return")
        goals_tab = find_one(app, "the My Goals tab",
                             lambda n: n.name in ("My Goals", "My goals") and showing(n)
                             and n.roleName in ("toggle button", "page tab", "push button",
                                                "radio button"))
        goals_tab.doActionNamed("click")
        find_one(app, "the goal typed before quitting",
                 lambda n: n.roleName in ("text", "entry") and GOAL in text_of(n))
        quit_app(process)
        print("PASS: the goal typed before quitting is there after starting again", flush=True)
    finally:
        for process in started:
            if process.poll() is None:
                process.kill()
                process.wait()
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
