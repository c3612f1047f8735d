#!/bin/sh
# make-bad-files.sh: makes the plan files the store tests open, good and bad
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Run from anywhere: ./tests/data/make-bad-files.sh
# Needs the sqlite3 command line shell (Debian package sqlite3) and dd.
# The files are committed; run this again only to change them. The v1 schema
# below is a frozen copy of schema version 1 (src/store/our-store.c): it must
# not follow later changes, since plan-v1.ourplan is what a v1 file looks like.
set -eu

cd "$(dirname "$0")"

APP_ID=1330991696 # 0x4F555250, "OURP"

schema_v1='
CREATE TABLE me (
  key TEXT PRIMARY KEY NOT NULL,
  text TEXT NOT NULL DEFAULT '"''"',
  author INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE TABLE goals (
  id TEXT PRIMARY KEY NOT NULL,
  position INTEGER NOT NULL DEFAULT 0,
  title TEXT NOT NULL DEFAULT '"''"',
  title_author INTEGER NOT NULL DEFAULT 0,
  why TEXT NOT NULL DEFAULT '"''"',
  why_author INTEGER NOT NULL DEFAULT 0,
  life_area INTEGER NOT NULL DEFAULT 0,
  symbol TEXT NOT NULL DEFAULT '"''"',
  progress INTEGER NOT NULL DEFAULT 0,
  status INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE TABLE steps (
  id TEXT PRIMARY KEY NOT NULL,
  goal_id TEXT NOT NULL REFERENCES goals (id) ON DELETE CASCADE,
  position INTEGER NOT NULL DEFAULT 0,
  what TEXT NOT NULL DEFAULT '"''"',
  what_author INTEGER NOT NULL DEFAULT 0,
  who TEXT NOT NULL DEFAULT '"''"',
  who_author INTEGER NOT NULL DEFAULT 0,
  by_when TEXT NOT NULL DEFAULT '"''"',
  by_when_author INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX steps_by_goal ON steps (goal_id, position);
'

rm -f ./*.ourplan

# plan-v1.ourplan: a small, valid plan of schema version 1.
sqlite3 plan-v1.ourplan <<SQL
PRAGMA application_id = $APP_ID;
PRAGMA user_version = 1;
$schema_v1
INSERT INTO me VALUES ('preferred-name', 'Siân', 0);
INSERT INTO me VALUES ('what-matters', 'Dw i''n hoffi cerdded ger yr afon', 0);
INSERT INTO me VALUES ('coordinator-name', 'Gwenllïan Jones', 1);
INSERT INTO me VALUES ('review-date', '2026-11-21', 1);
INSERT INTO goals VALUES ('goal-walk', 0, 'Walk by the river each week', 0,
  'It clears my head', 0, 7, 'walking', 4, 0);
INSERT INTO goals VALUES ('goal-money', 1, 'Sort out my bills', 0,
  'So I can sleep', 1, 3, 'money', 1, 1);
INSERT INTO steps VALUES ('step-1', 'goal-walk', 0, 'Find a walking group', 0,
  'Dafydd', 0, '2026-12-01', 1);
INSERT INTO steps VALUES ('step-2', 'goal-walk', 1, 'Buy boots', 0, '', 0, '', 0);
INSERT INTO steps VALUES ('step-3', 'goal-money', 0, 'Call the council', 1,
  'Care coordinator', 1, '2026-12-10', 1);
SQL

# big.ourplan (not committed): a valid plan spread over many pages, for the
# damaged files below.
sqlite3 big.ourplan <<SQL
PRAGMA application_id = $APP_ID;
PRAGMA user_version = 1;
$schema_v1
INSERT INTO me VALUES ('preferred-name', 'Sam', 0);
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 60)
INSERT INTO goals SELECT 'goal-' || i, i, 'Goal number ' || i, 0,
  printf('%.300c', 'w'), 0, i % 9, '', i % 11, i % 3 FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 180)
INSERT INTO steps SELECT 'step-' || i, 'goal-' || (1 + i % 60), i / 60,
  printf('%.100c', 's'), 0, 'Someone', 1, '2026-01-01', 0 FROM n;
SQL
page_size=$(sqlite3 big.ourplan 'PRAGMA page_size')
size=$(wc -c < big.ourplan)

# empty.ourplan: zero bytes (a failed download, a full disk).
: > empty.ourplan

# text-renamed.ourplan: a text file someone renamed.
printf 'My plan\nGoals: walk more, sleep better\n' > text-renamed.ourplan

# other-database.ourplan: a SQLite database of another program
# (application_id 0, tables of its own).
sqlite3 other-database.ourplan <<SQL
CREATE TABLE songs (title TEXT, artist TEXT);
INSERT INTO songs VALUES ('Calon Lân', 'Traditional');
SQL

# truncated.ourplan: the first half of a valid plan (a copy cut short).
head -c $((size / 2 / page_size * page_size)) big.ourplan > truncated.ourplan

# corrupt-page.ourplan: a valid plan with one leaf page of the goals table
# overwritten by text, so that quick_check fails.
cp big.ourplan corrupt-page.ourplan
page=$(sqlite3 big.ourplan \
  "SELECT pageno FROM dbstat WHERE name = 'goals' AND pagetype = 'leaf' ORDER BY pageno LIMIT 1 OFFSET 2")
yes 'this is not a page of a plan ' | head -c "$page_size" > garbage.tmp
dd if=garbage.tmp of=corrupt-page.ourplan bs="$page_size" seek=$((page - 1)) conv=notrunc status=none
rm -f garbage.tmp

# newer-version.ourplan: a valid plan from a future Our Plan (user_version 99).
cp plan-v1.ourplan newer-version.ourplan
sqlite3 newer-version.ourplan 'PRAGMA user_version = 99'

rm -f big.ourplan
echo "page $page of $((size / page_size)) overwritten in corrupt-page.ourplan"
ls -l ./*.ourplan
