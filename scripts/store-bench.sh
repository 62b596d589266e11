#!/usr/bin/env bash
# Case store throughput: imports 100,000 generated cases into an empty store, then assesses and
# stores assessments of 10,000 of them (`case assess --all --limit 10000`), and prints the rates.
# Each is one `./asylex` process, timed from start to end (JVM start included).
#
# Then it prints the bytes per stored assessment: the average size of the receipt's columns, and
# the database's size divided by the number of assessments (SQLite: the file after a checkpoint;
# PostgreSQL: the assessments table with its TOAST and indexes), and the load average.
# ASSESS=N assesses N stored cases instead of 10,000 (at most 100,000).
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
assess="${ASSESS:-10000}"

# The sum of the lengths of the receipt's columns that hold JSON or text, in SQL.
receipt_columns() {
  local cols
  if [ -n "$schema" ]; then
    cols=$(psql -q -At -h 127.0.0.1 -U postgres -d test -c "SELECT string_agg('coalesce(octet_length(' || column_name
        || CASE WHEN data_type = 'bytea' THEN '' ELSE '::text' END || '), 0)', ' + ')
      FROM information_schema.columns WHERE table_schema = '$schema' AND table_name = 'assessments'")
  else
    cols=$(sqlite3 "$work/data/asylex.db" "SELECT group_concat('coalesce(length(CAST(' || name || ' AS BLOB)), 0)', ' + ') FROM pragma_table_info('assessments')")
  fi
  echo "$cols"
}

./asylex --version >/dev/null # builds the command line once, if needed
scripts/generate-cases.sh 100000 1 >"$work/cases.jsonl"
echo "store: ${store[*]}"

start=$(date +%s.%N)
./asylex case import "$work/cases.jsonl" "${opts[@]}"
end=$(date +%s.%N)
awk -v s="$start" -v e="$end" 'BEGIN { printf "import: 100000 cases in %.1f s: %.0f cases/s\n", e - s, 100000 / (e - s) }'

size_after_import=0
if [ -z "$schema" ] && [ -f "$work/data/asylex.db" ]; then
  sqlite3 "$work/data/asylex.db" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
  size_after_import=$(stat -c %s "$work/data/asylex.db")
fi
start=$(date +%s.%N)
./asylex case assess --all --limit "$assess" --as-of 2024-01-01 "${opts[@]}" >/dev/null
end=$(date +%s.%N)
awk -v s="$start" -v e="$end" -v n="$assess" 'BEGIN { printf "assess and store: %d stored cases in %.1f s: %.0f cases/s\n", n, e - s, n / (e - s) }'

# The receipt's columns as they are on the branch measured: every text column of assessments.
columns="$(receipt_columns)"
if [ -n "$schema" ]; then
  psql -q -At -h 127.0.0.1 -U postgres -d test -c "SET search_path = $schema;
    SELECT 'bytes per assessment: columns ' || round(avg($columns)) || ', table with TOAST and indexes '
      || round(pg_total_relation_size('assessments') / count(*)::numeric) FROM assessments"
elif [ -f "$work/data/asylex.db" ]; then
  db="$work/data/asylex.db"
  sqlite3 "$db" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
  n=$(sqlite3 "$db" "SELECT count(*) FROM assessments")
  avg=$(sqlite3 "$db" "SELECT round(avg($columns)) FROM assessments")
  after=$(stat -c %s "$db")
  echo "bytes per assessment: columns $avg, file growth $(( (after - size_after_import) / n )) ($size_after_import -> $after bytes for $n assessments)"
fi
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
