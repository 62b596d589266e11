#!/usr/bin/env bash
# What two attacks of issue 13 do to everyone else, measured with wrk (Debian's package) on
# loopback: the p50/p99/max latency of GET /health and of a valid user's GET /api/v1/me (token
# cached) from 2 probe connections each, with no attack, then under
#   token flood   200 connections sending made-up secrets for a known token id, back to back
#                 (each costs a BCrypt check at the production cost unless the server refuses it)
#   slow clients  300 authenticated connections sending a body a byte every 10 s and 500 sending
#                 headers a byte every 10 s (scripts/load/slow_clients.py), reopened when ended
# on a fresh embedded store in a temporary directory. Figures go to stdout as a Markdown table.
#
#   scripts/attack-test.sh [--duration 30s]
set -euo pipefail
cd "$(dirname "$0")/.."

duration=30
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) duration="${2%s}"; shift 2 ;;
    *) echo "usage: $0 [--duration 30s]" >&2; exit 2 ;;
  esac
done

command -v wrk >/dev/null || { echo "attack-test: installing wrk" >&2; apt-get install -y -qq wrk >/dev/null; }
command -v curl >/dev/null || { echo "attack-test: curl is needed" >&2; exit 2; }
command -v python3 >/dev/null || { echo "attack-test: python3 is needed" >&2; exit 2; }

./asylex --version >/dev/null # builds the command line if needed

work="$(mktemp -d)"
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

store=(--data "$work/data")
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
base="http://127.0.0.1:$port"
probe="$(./asylex user add probe --role officer --actor attack-test "${store[@]}" 2>/dev/null)"
victim="$(./asylex user add victim --role officer --actor attack-test "${store[@]}" 2>/dev/null)"
victim_id="$(echo "$victim" | cut -d_ -f2)"

./asylex serve --port "$port" "${store[@]}" >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 100); do
  curl -fsS "$base/health" >/dev/null 2>&1 && break
  sleep 0.2
done
curl -fsS "$base/health" >/dev/null || { echo "attack-test: the server did not start:" >&2; cat "$work/server.log" >&2; exit 1; }

probes() { # name: measures /health and a valid user's /api/v1/me for $duration seconds
  ASYLEX_TOKEN="" wrk -t1 -c2 -d"${duration}s" --timeout 60s --latency -s scripts/load/post-json.lua \
    "$base/health" >"$work/$1-health.out" &
  local health=$!
  ASYLEX_TOKEN="$probe" wrk -t1 -c2 -d"${duration}s" --timeout 60s --latency -s scripts/load/post-json.lua \
    "$base/api/v1/me" >"$work/$1-valid.out"
  wait "$health"
}

row() { # name, attack description, attack figures
  python3 - "$work/$1-health.out" "$work/$1-valid.out" "$2" "$3" <<'PY'
import json, sys
def figures(path):
    line = open(path).read().strip().splitlines()[-1]
    f = json.loads(line)
    errors = sum(f["errors"].values())
    if f["requests"] == 0:
        return "no answer in %.0f s | | | %d" % (f["seconds"], errors)
    return "%.1f | %.1f | %.0f | %d" % (f["p50_us"] / 1000, f["p99_us"] / 1000, f["max_us"] / 1000, errors)
print("| %s | %s | %s | %s |" % (sys.argv[3], figures(sys.argv[1]), figures(sys.argv[2]), sys.argv[4]))
PY
}

# Warm-up: the JIT compiles the hot paths; the probe's token is verified and cached.
ASYLEX_TOKEN="$probe" wrk -t1 -c2 -d5s -s scripts/load/post-json.lua "$base/api/v1/me" >/dev/null

echo "| attack | /health p50 ms | p99 ms | max ms | errors | valid user p50 ms | p99 ms | max ms | errors | attack |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|"

probes quiet
row quiet "none" "-"

ASYLEX_TOKEN_ID="$victim_id" wrk -t2 -c200 -d"$((duration + 5))s" --timeout 60s -s scripts/load/token-flood.lua \
  "$base/api/v1/me" >"$work/flood.out" &
flood=$!
sleep 3
probes flood
wait "$flood"
row flood "token flood, 200 connections" "$(tail -n 1 "$work/flood.out")"

python3 scripts/load/slow_clients.py "$port" "$probe" "$((duration + 5))" 300 500 10 >"$work/slow.out" &
slow=$!
sleep 3
probes slow
wait "$slow"
row slow "300 slow bodies + 500 slow headers" "$(tail -n 1 "$work/slow.out")"
