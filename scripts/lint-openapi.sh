#!/usr/bin/env bash
# Lints the API description as the server serves it (GET /openapi.json) with Spectral
# (spectral:oas) and Redocly (recommended), and fails on any error or warning.
#
#   scripts/lint-openapi.sh                 start ./asylex serve on a scratch store and lint its /openapi.json
#   scripts/lint-openapi.sh URL             lint the document at URL, e.g. http://127.0.0.1:8080/openapi.json
#   scripts/lint-openapi.sh FILE            lint a saved copy
#
# The linters' versions are pinned in scripts/openapi-lint/package-lock.json and installed there
# with `npm ci` (node and npm needed); their rule sets are .spectral.yaml and redocly.yaml beside it.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tools="$root/scripts/openapi-lint"
work="$(mktemp -d)"
server=""
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

doc="$work/openapi.json"
case "${1:-}" in
  http://* | https://*) curl -fsS "$1" -o "$doc" ;;
  "")
    port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
    "$root/asylex" serve --port "$port" --data "$work/data" >"$work/server.log" 2>&1 &
    server=$!
    for _ in $(seq 1 150); do curl -fsS "http://127.0.0.1:$port/openapi.json" -o "$doc" 2>/dev/null && break; sleep 0.2; done
    if [ ! -s "$doc" ]; then echo "lint-openapi: the server did not answer; its log:" >&2; cat "$work/server.log" >&2; exit 1; fi
    ;;
  *) cp "$1" "$doc" ;;
esac

# Installed once per lock file: a changed lock file installs again.
if [ ! -f "$tools/node_modules/.package-lock.json" ] || [ "$tools/package-lock.json" -nt "$tools/node_modules/.package-lock.json" ]; then
  (cd "$tools" && npm ci --no-audit --no-fund --loglevel=error)
fi
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true

status=0
echo "== Spectral (spectral:oas)"
if ! (cd "$tools" && npx --no-install spectral lint --ruleset .spectral.yaml --fail-severity=warn "$doc"); then
  status=1
fi
echo "== Redocly (recommended)"
# Redocly exits 0 on warnings: its JSON totals decide; the readable report is printed when they are not 0.
totals="$(cd "$tools" && npx --no-install redocly lint --config redocly.yaml --format=json "$doc" 2>/dev/null \
  | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const t=JSON.parse(s).totals;console.log(t.errors+" "+t.warnings)})')"
read -r errors warnings <<<"$totals"
echo "errors: $errors, warnings: $warnings"
if [ "$errors" != 0 ] || [ "$warnings" != 0 ]; then
  (cd "$tools" && npx --no-install redocly lint --config redocly.yaml "$doc" 2>&1) | grep -v '[║╔╚]' || true
  status=1
fi
exit "$status"
