#!/usr/bin/env bash
# Runs the benchmarks of docs/PERFORMANCE.md on this machine: starts PostgreSQL (scripts/postgres.sh), builds
# Release, starts the service in the background on 127.0.0.1 with a fresh database, creates a key with the
# service's own `keys create`, runs `ParseJobs.Bench api`, stops the service, runs `cv-extract`, and prints the
# figures. Extra arguments go to the api benchmark (e.g. --runs 50 --jobs 160 --seconds 10).
set -euo pipefail
cd "$(dirname "$0")/.."

log() { echo "[bench] $*" >&2; }

ADMIN_CONNECTION="$(bash scripts/postgres.sh)"
DATABASE="parsejobs_bench_$(date +%Y%m%d%H%M%S)_$$"
export ConnectionStrings__Postgres="${ADMIN_CONNECTION/Database=parsejobs/Database=${DATABASE}}"
export ASPNETCORE_ENVIRONMENT=Production
# A free loopback port, so that a service another engineer runs on 8080 is not disturbed.
PORT="${PARSEJOBS_BENCH_PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}"
URL="http://127.0.0.1:${PORT}"
WORK="$(mktemp -d)"
SERVICE_LOG="${WORK}/service.log"

log "building Release"
dotnet build ParseJobs.sln -c Release -nologo -v quiet >&2
# The service runs as the container image ships it: published ReadyToRun (src/ParseJobs.Api/Dockerfile), so that
# parser children run precompiled code without tiered compilation. PARSEJOBS_BENCH_JIT=1 runs the plain build.
if [ "${PARSEJOBS_BENCH_JIT:-0}" = "1" ]; then
  APP=(dotnet src/ParseJobs.Api/bin/Release/net10.0/ParseJobs.Api.dll)
else
  log "publishing the service ReadyToRun (as the image)"
  dotnet publish src/ParseJobs.Api -c Release -nologo -v quiet --no-self-contained -r linux-x64 \
    -p:PublishReadyToRun=true -o "${WORK}/app" >&2
  APP=(dotnet "${WORK}/app/ParseJobs.Api.dll")
fi
BENCH=(dotnet bench/ParseJobs.Bench/bin/Release/net10.0/ParseJobs.Bench.dll)

SERVICE_PID=""
cleanup() {
  if [ -n "$SERVICE_PID" ] && kill -0 "$SERVICE_PID" 2>/dev/null; then
    kill "$SERVICE_PID"
    wait "$SERVICE_PID" 2>/dev/null || true
  fi
  # The fresh database goes again (the parsejobs role created it, so it may drop it).
  PGPASSWORD="${PARSEJOBS_PG_PASSWORD:-parsejobs}" dropdb --if-exists -h localhost \
    -p "$(sed -E 's/.*Port=([0-9]+).*/\1/' <<<"$ConnectionStrings__Postgres")" \
    -U "${PARSEJOBS_PG_USER:-parsejobs}" "$DATABASE" 2>/dev/null || log "could not drop database $DATABASE"
  rm -rf "$WORK"
}
trap cleanup EXIT

log "database ${DATABASE}: migrating and creating a key"
"${APP[@]}" migrate >"${WORK}/migrate.log" 2>&1 || { cat "${WORK}/migrate.log" >&2; exit 1; }
KEY="$("${APP[@]}" keys create --org bench --scopes jobs:read,jobs:write | tail -n 1)"

log "starting the service on ${URL} (log: ${SERVICE_LOG})"
"${APP[@]}" --urls "$URL" >"$SERVICE_LOG" 2>&1 &
SERVICE_PID=$!
for _ in $(seq 1 60); do
  if curl -fsS "${URL}/health/ready" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$SERVICE_PID" 2>/dev/null; then cat "$SERVICE_LOG" >&2; log "the service did not start"; exit 1; fi
  sleep 1
done
curl -fsS "${URL}/health/ready" >/dev/null

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
