#!/usr/bin/env bash
# Issue 11's batch figures (docs/PERFORMANCE.md), started like scripts/bench.sh: PostgreSQL (scripts/postgres.sh), a
# fresh database, the service published ReadyToRun (as the image) on a free loopback port with default settings, a key
# with the batches scopes from the service's own `keys create`; then `ParseJobs.Bench batch` (500 mixed PDF/DOCX/TXT
# CVs in a ZIP, submit→completed, median of 3 runs; a 50-candidate sync call, median of 5) with the service's process
# id, so that it reports the service's CPU seconds per candidate. Extra arguments go to the benchmark
# (e.g. --candidates 500 --runs 3 --sync-runs 5).
set -euo pipefail
cd "$(dirname "$0")/.."

log() { echo "[bench-batch] $*" >&2; }

ADMIN_CONNECTION="$(bash scripts/postgres.sh)"
DATABASE="parsejobs_bench_batch_$(date +%Y%m%d%H%M%S)_$$"
export ConnectionStrings__Postgres="${ADMIN_CONNECTION/Database=parsejobs/Database=${DATABASE}}"
export ASPNETCORE_ENVIRONMENT=Production
PORT="${PARSEJOBS_BENCH_PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}"
URL="http://127.0.0.1:${PORT}"
WORK="$(mktemp -d)"
SERVICE_LOG="${WORK}/service.log"

log "building Release"
dotnet build ParseJobs.sln -c Release -nologo -v quiet >&2
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
  PGPASSWORD="${PARSEJOBS_PG_PASSWORD:-parsejobs}" dropdb --if-exists -h localhost \
    -p "$(sed -E 's/.*Port=([0-9]+).*/\1/' <<<"$ConnectionStrings__Postgres")" \
    -U "${PARSEJOBS_PG_USER:-parsejobs}" "$DATABASE" 2>/dev/null || log "could not drop database $DATABASE"
  rm -rf "$WORK"
}
trap cleanup EXIT

log "database ${DATABASE}: migrating and creating a key"
"${APP[@]}" migrate >"${WORK}/migrate.log" 2>&1 || { cat "${WORK}/migrate.log" >&2; exit 1; }
KEY="$("${APP[@]}" keys create --org bench --scopes batches:read,batches:write | tail -n 1)"

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
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
"${BENCH[@]}" batch --url "$URL" --key "$KEY" --service-pid "$SERVICE_PID" "$@" | tee "$RESULTS" >&2 || {
  log "the benchmark failed; the service's last log lines:"; tail -n 40 "$SERVICE_LOG" >&2; exit 1; }
# Other work on the machine shares the cores: the load average says how much.
echo "load average before / after: ${LOAD_BEFORE} / $(cut -d' ' -f1-3 /proc/loadavg)" >>"$RESULTS"

echo
echo "== ParseJobs batch benchmark, $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ) =="
cat "$RESULTS"
