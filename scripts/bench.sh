#!/usr/bin/env bash
# Runs the benchmarks of docs/PERFORMANCE.md on this machine: starts PostgreSQL (scripts/postgres.sh), builds
# Release, starts the service in the background on 127.0.0.1 with a fresh database, creates a key with the
# service's own `keys create`, runs `ParseJobs.Bench api`, stops the service, runs `cv-extract`, and prints the
# figures. Extra arguments go to the api benchmark (e.g. --runs 50 --jobs 160 --seconds 10).
set -euo pipefail
cd "$(dirname "$0")/.."

log() { echo "[bench] $*" >&2; }
BENCH_DATABASE_PREFIX=parsejobs_bench
BENCH_SCOPES=jobs:read,jobs:write
# shellcheck source=scripts/bench-service.sh
source scripts/bench-service.sh

RESULTS="${WORK}/results.txt"
"${BENCH[@]}" api --url "$URL" --key "$KEY" "$@" | tee "$RESULTS" >&2

# The same status request with wrk (a C load generator, lighter than the .NET client on 2 shared cores), when installed.
STATUS_PATH="$(sed -n 's/^status endpoint job: //p' "$RESULTS")"
if command -v wrk >/dev/null 2>&1 && [ -n "$STATUS_PATH" ]; then
  wrk -t2 -c16 -d5s -H "Authorization: Bearer ${KEY}" "${URL}${STATUS_PATH}" >/dev/null   # warm-up
  WRK_OUT="$(wrk -t2 -c16 -d10s -H "Authorization: Bearer ${KEY}" "${URL}${STATUS_PATH}")"
  echo "$WRK_OUT" >&2
  echo "status endpoint, wrk -t2 -c16 -d10s: $(sed -n 's/^Requests\/sec: *//p' <<<"$WRK_OUT") requests/s ($(grep -o '[0-9]* requests in [0-9.]*s' <<<"$WRK_OUT"); non-2xx: $(sed -n 's/^ *Non-2xx or 3xx responses: *//p' <<<"$WRK_OUT" | grep . || echo 0))" >>"$RESULTS"
else
  echo "status endpoint, wrk: not installed (apt-get install -y wrk)" >>"$RESULTS"
fi

log "stopping the service"
kill "$SERVICE_PID"; wait "$SERVICE_PID" 2>/dev/null || true; SERVICE_PID=""

"${BENCH[@]}" cv-extract | tee -a "$RESULTS" >&2

echo
echo "== ParseJobs benchmark, $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ) =="
cat "$RESULTS"
