#!/usr/bin/env bash
# Sourced by the benchmark scripts (scripts/bench.sh, scripts/bench-batch.sh): PostgreSQL (scripts/postgres.sh), a
# fresh database, the service built Release and published ReadyToRun (as the image; PARSEJOBS_BENCH_JIT=1 runs the
# plain build) on a free loopback port, a key with BENCH_SCOPES from the service's own `keys create`, and a trap that
# stops the service and drops the database. Sets URL, KEY, SERVICE_PID, SERVICE_LOG, WORK, APP and BENCH.
# The caller defines log() and BENCH_DATABASE_PREFIX and BENCH_SCOPES first.

ADMIN_CONNECTION="$(bash scripts/postgres.sh)"
DATABASE="${BENCH_DATABASE_PREFIX}_$(date +%Y%m%d%H%M%S)_$$"
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
KEY="$("${APP[@]}" keys create --org bench --scopes "$BENCH_SCOPES" | tail -n 1)"

log "starting the service on ${URL} (log: ${SERVICE_LOG})"
"${APP[@]}" --urls "$URL" >"$SERVICE_LOG" 2>&1 &
SERVICE_PID=$!
for _ in $(seq 1 60); do
  if curl -fsS "${URL}/health/ready" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$SERVICE_PID" 2>/dev/null; then cat "$SERVICE_LOG" >&2; log "the service did not start"; exit 1; fi
  sleep 1
done
curl -fsS "${URL}/health/ready" >/dev/null
