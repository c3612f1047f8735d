# SPDX-License-Identifier: GPL-3.0-or-later
"""What the end-to-end journeys share: starting Our Plan with a home folder of
its own, finding widgets over AT-SPI, making a new plan, opening it again.

GTK 4.8 over AT-SPI has no "showing" state, cannot move focus (grabFocus
fails), and answers dogtail's .text with nothing: drive buttons with their
"click" action, set text through the text interface, send keys with
dogtail.rawinput to whatever has focus, and read text with text_of().
"""
import glob
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.parse

os.environ.setdefault("GTK_MODULES", "gail:atk-bridge")

from dogtail import config, rawinput, tree  # noqa: E402

config.searchCutoffCount = 10
config.defaultDelay = 0.3
config.actionDelay = 0.3
config.logDebugToStdOut = False
config.logDebugToFile = False

TAB_ROLES = ("toggle button", "page tab", "push button", "radio button")


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


def plan_rows(home, sql):
    """What the plan files under @home hold now, read the way SQLite lets a
    second reader see a plan that is open (never written). None while a
    file cannot be read yet."""
    rows = []
    for path in glob.glob(os.path.join(home, "**", "*.ourplan"), recursive=True):
        try:
            db = sqlite3.connect("file:" + urllib.parse.quote(path) + "?mode=ro", uri=True,
                                 timeout=5)
            try:
                rows += [row[0] for row in db.execute(sql)]
            finally:
                db.close()
        except sqlite3.Error:
            return None
    return rows


def wait_saved(home, what, sql, predicate):
    """Waits until the plan file holds what @predicate wants of the rows
    @sql reads: a test waits on the file's contents, never on a fixed time."""
    def check():
        rows = plan_rows(home, sql)
        return rows is not None and predicate(rows)
    wait_for(what, check)


def has_keyboard(node, editable=False):
    """Whether @node has the keyboard focus (and takes typing)."""
    try:
        states = node.getState()
    except Exception:
        return False
    from dogtail.tree import pyatspi  # noqa: E402 (dogtail brings pyatspi)
    return states.contains(pyatspi.STATE_FOCUSED) and (
        not editable or states.contains(pyatspi.STATE_EDITABLE))


def wait_keyboard_in_text(app, what):
    """Waits until a box that takes typing has the keyboard."""
    return find_one(app, what, lambda n: has_keyboard(n, editable=True))


def find_all(node, predicate):
    return node.findChildren(predicate, recursive=True, showingOnly=False)


def find_one(node, what, predicate, timeout=20):
    return wait_for(what, lambda: next(iter(find_all(node, predicate)), None), timeout)


def showing(n):
    # Without a "showing" state this can only tell a sensitive widget from an
    # insensitive one.
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


class Session:
    """Our Plan with a home folder of its own; stops every app it started."""

    def __init__(self, exe, schema_dir):
        self.exe = exe
        self.home = tempfile.mkdtemp(prefix="ourplan-e2e-")
        self.started = []
        self.env = dict(os.environ)
        self.env.update({
            "HOME": self.home,
            "XDG_CONFIG_HOME": os.path.join(self.home, ".config"),
            "XDG_DATA_HOME": os.path.join(self.home, ".local", "share"),
            "XDG_CACHE_HOME": os.path.join(self.home, ".cache"),
            "GSETTINGS_BACKEND": "keyfile",
            "GSETTINGS_SCHEMA_DIR": schema_dir,
            "GTK_A11Y": "atspi",
            "GSK_RENDERER": "cairo",
            "LANGUAGE": "en",
        })
        self.env.pop("NO_AT_BRIDGE", None)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        for process in self.started:
            if process.poll() is None:
                process.kill()
                process.wait()
        shutil.rmtree(self.home, ignore_errors=True)
        return False

    def start(self):
        print("starting " + self.exe, flush=True)
        process = subprocess.Popen([self.exe], env=self.env)
        self.started.append(process)
        app = wait_for("the application on the accessibility bus",
                       lambda: next((a for a in tree.root.applications()
                                     if a.get_process_id() == process.pid), None))
        return process, app


def quit_app(process):
    rawinput.keyCombo("<Control>q")
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        fail("the app did not quit on Ctrl+Q")


def make_new_plan(app, person):
    """From the start screen: New Plan, the person's name, Make the Plan."""
    new_plan = find_one(app, "the New Plan button",
                        lambda n: n.roleName == "push button" and n.name == "New Plan"
                        and showing(n))
    new_plan.doActionNamed("click")
    name_entry = find_one(app, "the name box of the new plan dialog",
                          lambda n: n.name == "The name the person likes to be called"
                          and n.roleName in ("text", "entry"))
    name_entry.text = person
    make = find_one(app, "the Make the Plan button",
                    lambda n: n.roleName == "push button" and "Make the Plan" in n.name
                    and n.sensitive)
    make.doActionNamed("click")


def open_plan_from_start_screen(app, person):
    """Finds the person's plan on the start screen and opens it. GTK 4.8
    gives list rows no action and cannot move focus over AT-SPI: search for
    the person and press Enter, as a keyboard user would."""
    find_one(app, "the plan on the start screen",
             lambda n: person in (n.name or "") and showing(n)
             and n.roleName in ("list item", "push button", "table row", "row",
                                "list box item"))
    search = find_one(app, "the search box", lambda n: n.name == "Search plans by name")
    search.text = person
    # Enter opens the first plan matching what is typed, at once: there is
    # no need to wait for the search's pause.
    rawinput.pressKey("Return")


def open_tab(app, names):
    tab = find_one(app, "the " + names[0] + " tab",
                   lambda n: n.name in names and showing(n) and n.roleName in TAB_ROLES)
    tab.doActionNamed("click")
