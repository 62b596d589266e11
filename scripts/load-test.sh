#!/usr/bin/env bash
# Load test of the HTTP API with wrk (Debian's package): throughput and p50/p90/p99 latency at 16
# concurrent connections on loopback, for
#   baseline   GET /health (no authentication, no work: what the server and wrk cost alone)
#   stateless  POST /api/v1/assessments (examples/conscript-refusing-service.json)
#   stored     POST /api/v1/cases/{id}/assessments (assess a stored case and store the receipt)
#   report     GET /assessments/{id} (the web UI's assessment report page, signed in with a
#              browser session; it reads the receipt and appends its assessment.read audit event)
# on a fresh embedded store (SQLite) in a temporary directory, or PostgreSQL with --postgres.
# Figures go to stdout as a Markdown table; compare the rows with the baseline of the same run.
#
#   scripts/load-test.sh [--duration 30s] [--connections 16] [--postgres]
set -euo pipefail
cd "$(dirname "$0")/.."

duration=30s
connections=16
postgres=false
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) duration="$2"; shift 2 ;;
    --connections) connections="$2"; shift 2 ;;
    --postgres) postgres=true; shift ;;
    *) echo "usage: $0 [--duration 30s] [--connections 16] [--postgres]" >&2; exit 2 ;;
  esac
done

command -v wrk >/dev/null || { echo "load-test: installing wrk" >&2; apt-get install -y -qq wrk >/dev/null; }
command -v curl >/dev/null || { echo "load-test: curl is needed" >&2; exit 2; }

./asylex --version >/dev/null # builds the command line if needed

work="$(mktemp -d)"
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

if $postgres; then
  db="asylex_load_$$"
  psql -h 127.0.0.1 -U postgres -d test -qc "CREATE DATABASE $db" >/dev/null
  store=(--db "jdbc:postgresql://127.0.0.1:5432/$db?user=postgres")
  trap 'cleanup; psql -h 127.0.0.1 -U postgres -d test -qc "DROP DATABASE IF EXISTS $db" >/dev/null' EXIT
else
  store=(--data "$work/data")
fi

port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
base="http://127.0.0.1:$port"
token="$(./asylex user add load --role officer --actor load-test "${store[@]}")"
printf 'wrk measures the report page\n' | ./asylex user password load --actor load-test "${store[@]}"

./asylex serve --port "$port" "${store[@]}" >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 100); do
  curl -fsS "$base/health" >/dev/null 2>&1 && break
  sleep 0.2
done
curl -fsS "$base/health" >/dev/null || { echo "load-test: the server did not start:" >&2; cat "$work/server.log" >&2; exit 1; }

facts="$(cat examples/conscript-refusing-service.json)"
printf '{"asOf":"2023-01-15","facts":%s}' "$facts" >"$work/stateless.json"
printf '{"facts":%s}' "$facts" >"$work/case.json"
printf '{"asOf":"2023-01-15"}' >"$work/assess-case.json"
case_id="$(curl -fsS -X POST "$base/api/v1/cases" -H "Authorization: Bearer $token" \
  -H 'Content-Type: application/json' --data-binary @"$work/case.json" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')"

# A browser session for the report page: the sign-in form's token, then the session cookie.
jar="$work/cookies"
csrf="$(curl -fsS -c "$jar" "$base/sign-in" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -n 1)"
curl -fsS -b "$jar" -c "$jar" -o /dev/null --data-urlencode "csrf=$csrf" --data-urlencode "name=load" \
  --data-urlencode "password=wrk measures the report page" "$base/sign-in"
session="asylex-session=$(awk '$6 == "asylex-session" {print $7}' "$jar")"
assessment_id="$(curl -fsS -X POST "$base/api/v1/cases/$case_id/assessments" \
  -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  --data-binary @"$work/assess-case.json" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')"
test "$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $session" "$base/assessments/$assessment_id")" = 200 \
  || { echo "load-test: the report page did not answer 200 to the session" >&2; exit 1; }

run() { # name path [body-file] [cookie]
  local name="$1" path="$2" body="${3:-}" cookie="${4:-}"
  ASYLEX_TOKEN="$token" ASYLEX_BODY_FILE="$body" ASYLEX_COOKIE="$cookie" \
    wrk -t2 -c"$connections" -d"$duration" --latency -s scripts/load/post-json.lua "$base$path" \
    >"$work/$name.out"
  echo "$name $(tail -n 1 "$work/$name.out")" >>"$work/results"
}

# Warm-up: the JIT compiles the hot paths before anything is measured.
ASYLEX_TOKEN="$token" ASYLEX_BODY_FILE="$work/stateless.json" \
  wrk -t2 -c"$connections" -d10s -s scripts/load/post-json.lua "$base/api/v1/assessments" >/dev/null
ASYLEX_TOKEN="$token" ASYLEX_BODY_FILE="$work/assess-case.json" \
  wrk -t2 -c"$connections" -d5s -s scripts/load/post-json.lua "$base/api/v1/cases/$case_id/assessments" >/dev/null

run baseline /health
run stateless /api/v1/assessments "$work/stateless.json"
run stored "/api/v1/cases/$case_id/assessments" "$work/assess-case.json"
ASYLEX_COOKIE="$session" wrk -t2 -c"$connections" -d5s -s scripts/load/post-json.lua \
  "$base/assessments/$assessment_id" >/dev/null
run report "/assessments/$assessment_id" "" "$session"

python3 - "$work/results" "$connections" "$duration" "$($postgres && echo PostgreSQL || echo SQLite)" <<'PY'
import json, sys
rows = [l.split(" ", 1) for l in open(sys.argv[1]) if l.strip()]
data = {name: json.loads(js) for name, js in rows}
base = data["baseline"]["rps"]
print(f"wrk, {sys.argv[2]} connections, {sys.argv[3]} per route, store {sys.argv[4]}, nproc 2\n")
print("| route | requests/s | vs baseline | p50 ms | p90 ms | p99 ms | max ms | errors |")
print("|---|---:|---:|---:|---:|---:|---:|---:|")
bad = 0
for name in ["baseline", "stateless", "stored", "report"]:
    d = data[name]
    errors = sum(d["errors"].values())
    bad += errors
    print(f"| {name} | {d['rps']:.0f} | {d['rps']/base:.2f} | {d['p50_us']/1000:.2f} | "
          f"{d['p90_us']/1000:.2f} | {d['p99_us']/1000:.2f} | {d['max_us']/1000:.1f} | {errors} |")
sys.exit(1 if bad else 0)
PY
