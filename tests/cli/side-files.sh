#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# side-files.sh OURPLAN SAMPLE CASE: the command line with a hostile file
# beside the plan or a name SQLite could misread. `check` must change
# nothing; `export` must never touch a file outside the plan and its side
# files, and must say in a sentence what it set aside.
set -u
ourplan=$(realpath "$1") sample=$(realpath "$2") case=$3
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cd "$dir" || exit 1
listing() { (cd "$dir" && find . -type f -o -type l | sort | xargs sha256sum 2>/dev/null); }
die() { echo "FAIL: $*"; exit 1; }

case "$case" in
  hostile-journal)
    # A journal that names victim.txt as its super-journal: SQLite on its
    # own deletes victim.txt when it opens the plan.
    cp "$sample" plan.ourplan
    echo precious > victim.txt
    python3 - "$dir/victim.txt" <<'PY' || die "could not make the journal"
import struct, sys
page, name = 4096, sys.argv[1].encode()
magic = bytes.fromhex('d9d505f920a163d7')
header = (magic + struct.pack('>IIIII', 0, 12345, 2, 512, page)).ljust(512, b'\0')
record = struct.pack('>I', 0x40000000 // page + 1) + name + struct.pack('>II', len(name), sum(name)) + magic
open('plan.ourplan-journal', 'wb').write(header + record)
PY
    before=$(listing)
    out=$("$ourplan" check plan.ourplan 2>&1) || die "check refused the plan: $out"
    echo "$out"
    case "$out" in *"does not belong"*) ;; *) die "check did not mention the journal" ;; esac
    [ "$(listing)" = "$before" ] || die "check changed the folder"
    err=$("$ourplan" export --copy=user plan.ourplan out.pdf 2>&1 >/dev/null) || die "export failed: $err"
    echo "$err"
    [ "$(cat victim.txt 2>/dev/null)" = precious ] || die "victim.txt was changed or deleted"
    [ ! -e plan.ourplan-journal ] || die "the journal is still beside the plan"
    ls plan.ourplan-journal.set-aside-* >/dev/null 2>&1 || die "the journal was not kept aside"
    case "$err" in *"did not belong"*) ;; *) die "export did not say what it set aside" ;; esac
    ;;
  uri-names)
    # Each name opens exactly the file of that name, not plan.ourplan (which
    # is not a plan at all) nor an empty database in memory.
    echo "not a plan" > plan.ourplan
    for name in 'file:plan.ourplan' 'plan.ourplan?mode=memory' 'plan.ourplan?vfs=unix-none'; do
      cp "$sample" "$name"
      "$ourplan" export --copy=user "$name" "out.pdf" >/dev/null 2>&1 || die "export of $name failed"
      [ -s out.pdf ] || die "no copy of $name"
      rm -f out.pdf
      out=$("$ourplan" check "$name") || die "check of $name failed"
      case "$out" in *"Goals: 0"*) die "check of $name read an empty plan" ;; esac
    done
    ;;
  *) die "unknown case $case" ;;
esac
exit 0
