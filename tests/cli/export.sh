#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# export.sh OURPLAN SAMPLE CASE: one case of `ourplan export` with no display.
# Copies work on a copy of SAMPLE in a scratch folder; good cases must write
# the copy and log it in the plan, bad ones must say one plain sentence,
# exit 1 and leave no file behind.
set -u
ourplan=$1 sample=$2 case=$3
dir=$(mktemp -d)
trap 'chmod -R u+w "$dir" 2>/dev/null; rm -rf "$dir"' EXIT
plan="$dir/plan.ourplan"
cp "$sample" "$plan"
mkdir "$dir/out"

fail () { echo "FAIL: $*"; exit 1; }

# How many lines the plan's copy log has, and the last one's kind|medium|carer|large.
log_count () {
  python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("select count(*) from copy_log").fetchone()[0])' "$plan"
}
log_last () {
  python3 -c 'import sqlite3,sys; r=sqlite3.connect(sys.argv[1]).execute("select kind,medium,carer_name,large_print from copy_log order by position desc limit 1").fetchone(); print("|".join(map(str,r)))' "$plan"
}

# Runs the export; sets status, out (stdout) and err (stderr).
run () {
  "$ourplan" export "$@" >"$dir/stdout" 2>"$dir/stderr"
  status=$?
  out=$(cat "$dir/stdout") err=$(cat "$dir/stderr")
  echo "exit $status: $out $err"
}

expect_pdf () {
  [ "$status" -eq 0 ] || fail "expected exit 0"
  head -c 4 "$1" | grep -q '%PDF' || fail "$1 is not a PDF"
}

expect_refused () {
  [ "$status" -eq "${2:-1}" ] || fail "expected exit ${2:-1}"
  case "$err" in *.) ;; *) fail "expected a sentence on stderr" ;; esac
  [ -z "$(ls -A "$dir/out")" ] || fail "a file was left behind: $(ls -A "$dir/out")"
  case "$1" in
    -) ;;
    *) case "$err" in *"$1"*) ;; *) fail "expected the message to say “$1”" ;; esac ;;
  esac
}

before=$(log_count)
case "$case" in
  user-pdf)
    run --copy=user "$plan" "$dir/out/my.pdf"
    expect_pdf "$dir/out/my.pdf"
    [ "$(log_count)" -eq $((before + 1)) ] || fail "the copy was not logged"
    [ "$(log_last)" = "0|1||0" ] || fail "logged as $(log_last)"
    ;;
  carer-pdf)
    run --copy=carer --carer rhys "$plan" "$dir/out/rhys.pdf"
    expect_pdf "$dir/out/rhys.pdf"
    [ "$(log_last)" = "1|1|Rhys|0" ] || fail "logged as $(log_last)"
    ;;
  team-large-print)
    run --copy=team --large-print "$plan" "$dir/out/team.pdf"
    expect_pdf "$dir/out/team.pdf"
    [ "$(log_last)" = "2|1||1" ] || fail "logged as $(log_last)"
    ;;
  carer-plan-file)
    run --copy=carer --carer=Rhys --format=plan "$plan" "$dir/out/rhys.ourplan"
    [ "$status" -eq 0 ] || fail "expected exit 0"
    "$ourplan" check "$dir/out/rhys.ourplan" || fail "the carer's plan file does not check"
    [ "$(log_last)" = "1|2|Rhys|0" ] || fail "logged as $(log_last)"
    ;;
  unknown-carer)
    run --copy=carer --carer "Nobody Here" "$plan" "$dir/out/x.pdf"
    expect_refused "Rhys"
    [ "$(log_count)" -eq "$before" ] || fail "a copy that was not made was logged"
    ;;
  missing-folder)
    run --copy=user "$plan" "$dir/out/no-such-folder/my.pdf"
    expect_refused "does not exist"
    ;;
  read-only-folder)
    if [ "$(id -u)" -eq 0 ]; then echo "root may write anywhere: skipped"; exit 77; fi
    chmod a-w "$dir/out"
    run --copy=user "$plan" "$dir/out/my.pdf"
    expect_refused "may not save"
    ;;
  disk-full)
    # The "disk" fills up 40,000 bytes into any file: past the PDF's middle,
    # before the end of the plan file (which is only read).
    python3 -c 'import os, resource, sys
resource.setrlimit(resource.RLIMIT_FSIZE, (40000, 40000))
os.execv(sys.argv[1], sys.argv[1:])' "$ourplan" export --copy=team "$plan" "$dir/out/team.pdf" \
      >"$dir/stdout" 2>"$dir/stderr"
    status=$?
    out=$(cat "$dir/stdout") err=$(cat "$dir/stderr")
    echo "exit $status: $out $err"
    expect_refused "disk is full"
    [ "$(log_count)" -eq "$before" ] || fail "a copy that was not made was logged"
    ;;
  bad-plan)
    printf 'not a plan at all, just words' > "$plan"
    run --copy=user "$plan" "$dir/out/my.pdf"
    expect_refused -
    ;;
  over-the-plan)
    cp "$plan" "$dir/out/plan.ourplan"
    sum=$(sha256sum < "$dir/out/plan.ourplan")
    run --copy=carer --carer Rhys --format=plan "$dir/out/plan.ourplan" "$dir/out/plan.ourplan"
    [ "$status" -eq 1 ] || fail "expected exit 1"
    [ "$(sha256sum < "$dir/out/plan.ourplan")" = "$sum" ] || fail "the plan was changed"
    [ "$(ls -A "$dir/out")" = "plan.ourplan" ] || fail "a file was left behind"
    ;;
  plan-format-needs-carer)
    run --copy=user --format=plan "$plan" "$dir/out/my.ourplan"
    expect_refused "carer" 2
    ;;
  *)
    fail "unknown case $case"
    ;;
esac
case "$err$out" in
  *SQLITE*|*sqlite*|*CRITICAL*|*WARNING*) fail "the output should be plain sentences" ;;
esac
exit 0
