#!/usr/bin/env bash
# Crash test of `asylex case import` from the shell (the test suite runs the same as
# cli/src/test/java/org/asylex/cli/CaseImportCrashIT.java). For each of ROUNDS rounds: start an
# import of 100,000 cases, kill it with SIGKILL at a random moment (once it has stored cases of
# its own, 0 to 4 s later), then check that every stored case is exactly one line of the
# file (fully present, or absent) and that `asylex audit verify` passes. Each round after the first
# re-runs the killed import. Finally the import is run to completion: exit 0, nothing rejected,
# and an export of the store equals the file byte for byte.
#
# Usage: scripts/crash-test.sh [--rounds N] [--postgres | --db URL]
#   (default)   a new SQLite data directory in a temporary directory
#   --postgres  a fresh schema in the database test on 127.0.0.1:5432 as user postgres (needs psql);
#               dropped at the end
#   --db URL    an empty database of your own, e.g. jdbc:postgresql://host/db?user=u
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

rounds=3
store=()
schema=""
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) rounds="$2"; shift 2 ;;
    --postgres)
      schema="asylex_crash_$(date +%s)_$$"
      psql -q -h 127.0.0.1 -U postgres -d test -c "CREATE SCHEMA $schema"
      store=(--db "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=$schema&user=postgres")
      shift ;;
    --db) store=(--db "$2"); shift 2 ;;
    *) echo "usage: scripts/crash-test.sh [--rounds N] [--postgres | --db URL]" >&2; exit 2 ;;
  esac
done

work="$(mktemp -d)"
cleanup() {
  rm -rf "$work"
  if [ -n "$schema" ]; then psql -q -h 127.0.0.1 -U postgres -d test -c "SET client_min_messages = warning; DROP SCHEMA $schema CASCADE"; fi
}
trap cleanup EXIT
if [ ${#store[@]} -eq 0 ]; then store=(--data "$work/data"); fi
# A killed JVM leaves SQLite's extracted native library in its temp directory: use one in $work.
mkdir -p "$work/tmp"
export ASYLEX_JAVA_OPTS="-Djava.io.tmpdir=$work/tmp"
run=(./asylex)
opts=("${store[@]}" --actor crash-test)

fail() { echo "FAILED: $*" >&2; exit 1; }

./asylex --version >/dev/null # builds the command line once, if needed
cases=100000
scripts/generate-cases.sh "$cases" 20240608 >"$work/cases.jsonl"
sort "$work/cases.jsonl" >"$work/cases.sorted"
echo "store: ${store[*]}; $cases cases; $rounds rounds"

check() { # every stored case is exactly one line of the file; the audit trail verifies
  "${run[@]}" case export "${opts[@]}" >"$work/export.jsonl"
  local extra
  extra="$(sort "$work/export.jsonl" | comm -23 - "$work/cases.sorted" | wc -l)"
  [ "$extra" -eq 0 ] || fail "$extra stored cases are not exactly a line of the file"
  "${run[@]}" audit verify "${opts[@]}" >"$work/verify.txt" || fail "audit verify: $(cat "$work/verify.txt")"
  wc -l <"$work/export.jsonl"
}

count() { # the number of stored cases ('case list --limit 0' reads no case data)
  "${run[@]}" case list --limit 0 "${opts[@]}" | sed -n 's/.*(\([0-9]*\) in all).*/\1/p'
}

previous=0
for round in $(seq 1 "$rounds"); do
  "${run[@]}" case import "$work/cases.jsonl" "${opts[@]}" >"$work/import.log" 2>&1 &
  pid=$!
  while [ "$(count)" -le "$previous" ]; do
    kill -0 "$pid" 2>/dev/null || fail "round $round: the import ended: $(cat "$work/import.log")"
    sleep 0.2
  done
  delay="$(awk -v seed="$RANDOM$round" 'BEGIN { srand(seed); printf "%.2f", rand() * 4 }')"
  sleep "$delay"
  kill -0 "$pid" 2>/dev/null || fail "round $round: the import ended before the kill: $(cat "$work/import.log")"
  kill -9 "$pid"
  wait "$pid" 2>/dev/null || true
  present="$(check)"
  echo "round $round: killed ${delay}s after its first cases were in; $present whole cases present, none partial; $(cat "$work/verify.txt")"
  [ "$present" -gt "$previous" ] || fail "round $round: no more cases than before ($previous before, $present now)"
  previous="$present"
done

"${run[@]}" case import "$work/cases.jsonl" "${opts[@]}" >"$work/import.log" 2>&1 || fail "the re-run failed: $(cat "$work/import.log")"
summary="$(tail -n 1 "$work/import.log")"
echo "re-run: $summary"
echo "$summary" | grep -q "rejected 0$" || fail "lines were rejected"
echo "$summary" | grep -q "exists 0," || fail "cases exist with other facts"
check >/dev/null
cmp -s "$work/export.jsonl" "$work/cases.jsonl" || fail "the store does not hold exactly the file's cases"
echo "all $cases cases present, exactly as in the file; $(cat "$work/verify.txt")"
echo "crash test passed"
