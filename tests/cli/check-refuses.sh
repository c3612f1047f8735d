#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# check-refuses.sh OURPLAN FILE: `ourplan check FILE` must exit 1 (not crash),
# say one plain sentence on stderr, and leave FILE byte-for-byte unchanged.
set -u
ourplan=$1 file=$2
before=$(sha256sum "$file" 2>/dev/null || echo missing)
err=$("$ourplan" check "$file" 2>&1 >/dev/null)
status=$?
after=$(sha256sum "$file" 2>/dev/null || echo missing)
echo "exit $status: $err"
[ "$status" -eq 1 ] || { echo "expected exit status 1"; exit 1; }
case "$err" in
  *.) ;;
  *) echo "expected a sentence on stderr"; exit 1 ;;
esac
case "$err" in
  *SQLITE*|*sqlite*|*malformed*) echo "the message should not be SQLite's words"; exit 1 ;;
esac
[ "$before" = "$after" ] || { echo "the file was changed"; exit 1; }
exit 0
