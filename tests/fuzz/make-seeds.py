#!/usr/bin/env python3
# make-seeds.py: regenerates the seed inputs of the plan fuzz targets (tests/fuzz/plan-open, carer-file)
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: tests/fuzz/make-seeds.py BUILD-DIR
#
# Plans are rewritten with 512-byte pages, so that a mutation lands on the
# structure of the file more often than on the middle of a long text.
import hashlib, os, shutil, sqlite3, struct, subprocess, sys, tempfile

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(os.path.dirname(here))
build = os.path.abspath(sys.argv[1])
ourplan = os.path.join(build, "src", "ourplan")
sample = os.path.join(build, "data", "sample.ourplan")
work = tempfile.mkdtemp(prefix="ourplan-seeds-")


def small_pages(source, name):
    path = os.path.join(work, name)
    shutil.copy(source, path)
    db = sqlite3.connect(path)
    db.execute("PRAGMA journal_mode=DELETE")
    # The sample's photo becomes a small picture (with its id, the SHA-256
    # of its bytes): a seed is mutated thousands of times a second.
    tables = {row[0] for row in db.execute("SELECT name FROM sqlite_schema")}
    if "pictures" in tables:
        small_png = read(os.path.join(root, "tests", "data", "pictures", "alpha.png"))
        new_id = hashlib.sha256(small_png).hexdigest()
        old_ids = [row[0] for row in db.execute("SELECT id FROM pictures")]
        for old_id in old_ids:
            db.execute("UPDATE board_items SET picture_id = ? WHERE picture_id = ?", (new_id, old_id))
        db.execute("DELETE FROM pictures")
        if old_ids:
            db.execute("INSERT INTO pictures (id, mime_type, width, height, data)"
                       " VALUES (?, 'image/png', 64, 48, ?)", (new_id, small_png))
    db.commit()
    db.execute("PRAGMA page_size=512")
    db.execute("VACUUM")
    db.close()
    return path


def container(files):
    out = b"OPFZ"
    for kind, data in files:
        out += struct.pack("<BI", kind, len(data)) + data
    return out


def read(path):
    with open(path, "rb") as f:
        return f.read()


def write(folder, name, data):
    os.makedirs(os.path.join(here, folder), exist_ok=True)
    with open(os.path.join(here, folder, name), "wb") as f:
        f.write(data)


def hot_journal(plan):
    """The plan and its rollback journal as a power cut in the middle of a
    write leaves them (sqlite3 keeps the journal while the write is open)."""
    copy = os.path.join(work, "hot.ourplan")
    shutil.copy(plan, copy)
    db = sqlite3.connect(copy, isolation_level=None)
    db.execute("PRAGMA journal_mode=DELETE")
    db.execute("BEGIN")
    db.execute("UPDATE me SET text = 'half written' WHERE rowid = (SELECT min(rowid) FROM me)")
    db.execute("PRAGMA cache_size=1")  # spill pages to the file before commit
    db.execute("CREATE TABLE filler (x)")
    db.execute("INSERT INTO filler SELECT randomblob(400) FROM (SELECT 1 UNION SELECT 2"
               " UNION SELECT 3 UNION SELECT 4 UNION SELECT 5 UNION SELECT 6)")
    data = read(copy)
    journal = read(copy + "-journal")
    db.execute("ROLLBACK")
    db.close()
    return data, journal


def live_wal(plan):
    """The plan and a write-ahead log holding one edit not yet checkpointed."""
    copy = os.path.join(work, "wal.ourplan")
    shutil.copy(plan, copy)
    db = sqlite3.connect(copy, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA wal_autocheckpoint=0")
    db.execute("UPDATE me SET text = 'written in the log' WHERE rowid = (SELECT min(rowid) FROM me)")
    data = read(copy)
    wal = read(copy + "-wal")
    db.close()
    return data, wal


plans = {
    "plan-v1": os.path.join(root, "tests", "data", "plan-v1.ourplan"),
    "plan-v2": os.path.join(root, "tests", "data", "plan-v2.ourplan"),
    "plan-v3": os.path.join(root, "tests", "data", "plan-v3.ourplan"),
    "sample": sample,
}
small = {name: small_pages(path, name + ".ourplan") for name, path in plans.items()}

for name, path in small.items():
    write("plan-open", name + ".ourplan", read(path))
data, journal = hot_journal(small["sample"])
write("plan-open", "sample-hot-journal.opfz", container([(0, data), (1, journal)]))
data, wal = live_wal(small["sample"])
write("plan-open", "sample-wal.opfz", container([(0, data), (2, wal)]))
other = os.path.join(work, "other.db")
db = sqlite3.connect(other)
db.execute("CREATE TABLE notes (x)")
db.execute("INSERT INTO notes VALUES ('someone else''s database')")
db.commit()
db.close()
write("plan-open", "other-database.ourplan", read(other))
_, foreign_wal = live_wal(small["plan-v3"])
write("plan-open", "sample-with-other-plans-wal.opfz",
      container([(0, read(small["sample"])), (2, foreign_wal), (4, b"keep me\n")]))

carer = os.path.join(work, "rhys.ourplan")
subprocess.run([ourplan, "export", "--copy=carer", "--carer=Rhys", "--format=plan",
                sample, carer], check=True, stdout=subprocess.DEVNULL)
write("carer-file", "rhys.ourplan", read(small_pages(carer, "rhys-small.ourplan")))
write("carer-file", "sample.ourplan", read(small["sample"]))

# The picture target's seeds are the picture fixtures themselves
# (tests/data/pictures), used where they are.

shutil.rmtree(work)
