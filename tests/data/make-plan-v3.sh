#!/bin/sh
# make-plan-v3.sh: makes plan-v3.ourplan, what a plan file of schema version 3
# (the notes board, before staying well) looks like, for the migration test
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Run from anywhere: ./tests/data/make-plan-v3.sh (needs the sqlite3 shell).
# It takes plan-v2.ourplan (Gwen's plan as version 2 wrote it) and applies a
# frozen copy of the version 3 migration of src/store/our-store.c, then adds
# a zone, a note, a symbol and a member's symbol. The SQL below must not
# follow later changes: it is what version 3 was.
set -eu

cd "$(dirname "$0")"
rm -f plan-v3.ourplan
cp plan-v2.ourplan plan-v3.ourplan
sqlite3 plan-v3.ourplan <<'SQL'
ALTER TABLE members ADD COLUMN symbol TEXT NOT NULL DEFAULT '';
CREATE TABLE pictures (  id TEXT PRIMARY KEY NOT NULL,  mime_type TEXT NOT NULL,  width INTEGER NOT NULL,  height INTEGER NOT NULL,  data BLOB NOT NULL) STRICT;
CREATE TABLE board_items (  id TEXT PRIMARY KEY NOT NULL,  position INTEGER NOT NULL DEFAULT 0,  kind INTEGER NOT NULL DEFAULT 0,  text TEXT NOT NULL DEFAULT '',  text_author INTEGER NOT NULL DEFAULT 0,  colour INTEGER NOT NULL DEFAULT 0,  picture_id TEXT NOT NULL DEFAULT '',  symbol TEXT NOT NULL DEFAULT '',  x REAL NOT NULL DEFAULT 0,  y REAL NOT NULL DEFAULT 0,  width REAL NOT NULL DEFAULT 200,  height REAL NOT NULL DEFAULT 200,  rotation REAL NOT NULL DEFAULT 0,  added_by INTEGER NOT NULL DEFAULT 0) STRICT;
CREATE TABLE board_zones (  id TEXT PRIMARY KEY NOT NULL,  position INTEGER NOT NULL DEFAULT 0,  name TEXT NOT NULL DEFAULT '',  name_author INTEGER NOT NULL DEFAULT 0,  x REAL NOT NULL DEFAULT 0,  y REAL NOT NULL DEFAULT 0,  width REAL NOT NULL DEFAULT 400,  height REAL NOT NULL DEFAULT 300) STRICT;
INSERT INTO board_zones (id, position, name, name_author, x, y, width, height)
  VALUES ('zone-now', 0, 'Sut dw i’n teimlo nawr', 0, 40, 40, 600, 500);
INSERT INTO board_items (id, position, kind, text, text_author, colour, picture_id, symbol,
                         x, y, width, height, rotation, added_by)
  VALUES ('note-choir', 0, 0, 'Back to the choir by spring', 0, 1, '', '', 80, 100, 240, 160, 357, 0);
INSERT INTO board_items (id, position, kind, text, text_author, colour, picture_id, symbol,
                         x, y, width, height, rotation, added_by)
  VALUES ('symbol-hopeful', 1, 2, '', 0, 0, '', 'hopeful', 360, 100, 120, 120, 0, 1);
UPDATE members SET symbol = 'pet' WHERE name = 'Bryn';
PRAGMA user_version = 3;
SQL
