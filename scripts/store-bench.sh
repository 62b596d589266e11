#!/usr/bin/env bash
# Case store throughput: imports 100,000 generated cases into an empty store, then assesses and
# stores assessments of 10,000 of them (`case assess --all --limit 10000`), and prints the rates.
# Each is one `./asylex` process, timed from start to end (JVM start included).
#
# Usage: scripts/store-bench.sh [--postgres | --db URL]
#   (default)   a new SQLite data directory in a temporary directory
#   --postgres  a fresh schema in the database test on 127.0.0.1:5432 as user postgres (needs psql)
#   --db URL    an empty database of your own
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

store=()
schema=""
case "${1:-}" in
  --postgres)
    schema="asylex_bench_$(date +%s)_$$"
    psql -q -h 127.0.0.1 -U postgres -d test -c "CREATE SCHEMA $schema"
    store=(--db "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=$schema&user=postgres") ;;
  --db) store=(--db "$2") ;;
  "") ;;
  *) echo "usage: scripts/store-bench.sh [--postgres | --db URL]" >&2; exit 2 ;;
esac
work="$(mktemp -d)"
cleanup() {
  rm -rf "$work"
  if [ -n "$schema" ]; then psql -q -h 127.0.0.1 -U postgres -d test -c "SET client_min_messages = warning; DROP SCHEMA $schema CASCADE"; fi
}
trap cleanup EXIT
if [ ${#store[@]} -eq 0 ]; then store=(--data "$work/data"); fi
opts=("${store[@]}" --actor bench)

./asylex --version >/dev/null # builds the command line once, if needed
scripts/generate-cases.sh 100000 1 >"$work/cases.jsonl"
echo "store: ${store[*]}"

start=$(date +%s.%N)
./asylex case import "$work/cases.jsonl" "${opts[@]}"
end=$(date +%s.%N)
awk -v s="$start" -v e="$end" 'BEGIN { printf "import: 100000 cases in %.1f s: %.0f cases/s\n", e - s, 100000 / (e - s) }'

start=$(date +%s.%N)
./asylex case assess --all --limit 10000 --as-of 2024-01-01 "${opts[@]}" >/dev/null
end=$(date +%s.%N)
awk -v s="$start" -v e="$end" 'BEGIN { printf "assess and store: 10000 stored cases in %.1f s: %.0f cases/s\n", e - s, 10000 / (e - s) }'
