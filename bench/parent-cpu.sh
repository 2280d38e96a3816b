#!/usr/bin/env bash
# CPU per job of the service process (the "parent": HTTP, database, Hangfire, the job's own work) and of its parser
# children, for one job kind. Starts the Release build on 127.0.0.1 with a fresh database, submits JOBS uploads of
# samples/cv.pdf with CLIENTS concurrent curl clients (no status polling, so that polls do not count), waits until
# all are completed in the database, and divides the CPU time both used meanwhile by JOBS (after a warm-up).
#   bash bench/parent-cpu.sh [cv|document] [JOBS=200] [CLIENTS=8]
# APP_DLL names another build (e.g. one of an older commit, to compare); PORT defaults to 8092; FILE the upload
# (default samples/cv.pdf; `ParseJobs.Bench sample --out F` writes issue 10's two-page two-column CV);
# CONNECTION_EXTRA is appended to the connection string (e.g. ";SSL Mode=Prefer" for the build before LoopbackTls);
# TRACE=1 records dotnet-trace thread-time samples of the service for TRACE_SECONDS (20) of the measured jobs
# (TRACE_OUT.nettrace and TRACE_OUT.speedscope.json, default /tmp/service; bench/speedscope-top.py aggregates them;
# CPU_TIME-leaf samples are the ones on a CPU).
# The last figure is the service's peak resident memory (VmHWM).
# PostgreSQL: the CPU of the whole cluster the service uses (postmaster, its live processes and those it reaped) and,
# when the cluster loads pg_stat_statements (shared_preload_libraries), the statements per job. Both count every
# database of that cluster: use a private one (PARSEJOBS_PG_PORT, see scripts/postgres.sh) for figures that hold.
set -euo pipefail
cd "$(dirname "$0")/.."

KIND="${1:-cv}"
JOBS="${2:-200}"
CLIENTS="${3:-8}"
PORT="${PORT:-8092}"
APP_DLL="${APP_DLL:-src/ParseJobs.Api/bin/Release/net10.0/ParseJobs.Api.dll}"
FILE="${FILE:-samples/cv.pdf}"
case "$KIND" in
  cv) ENDPOINT=/v1/parse; JOB_KIND=cv_parse ;;
  document) ENDPOINT=/v1/documents; JOB_KIND=document_parse ;;
  *) echo "kind is cv or document" >&2; exit 2 ;;
esac

ADMIN="$(bash scripts/postgres.sh)"
DATABASE="parsejobs_cpu_$(date +%Y%m%d%H%M%S)_$$"
export ConnectionStrings__Postgres="${ADMIN/Database=parsejobs/Database=${DATABASE}}${CONNECTION_EXTRA:-}"
export ASPNETCORE_ENVIRONMENT=Production
PG_PORT="$(sed -E 's/.*Port=([0-9]+).*/\1/' <<<"$ADMIN")"
export PGPASSWORD="${PARSEJOBS_PG_PASSWORD:-parsejobs}"
PSQL=(psql -h localhost -p "$PG_PORT" -U "${PARSEJOBS_PG_USER:-parsejobs}" -d "$DATABASE" -tAq)
WORK="$(mktemp -d)"
SERVICE_PID=""
cleanup() {
  if [ -n "$SERVICE_PID" ] && kill -0 "$SERVICE_PID" 2>/dev/null; then kill "$SERVICE_PID"; wait "$SERVICE_PID" 2>/dev/null || true; fi
  dropdb --if-exists -h localhost -p "$PG_PORT" -U "${PARSEJOBS_PG_USER:-parsejobs}" "$DATABASE" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
PG_DATA="$(pg_lsclusters -h 2>/dev/null | awk -v p="$PG_PORT" '$3 == p {print $6; exit}')"
POSTMASTER="$( [ -n "$PG_DATA" ] && head -n 1 "$PG_DATA/postmaster.pid" 2>/dev/null || true)"
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else sudo -n -u postgres "$@"; fi; }
SUPER_PSQL=(as_postgres psql -p "$PG_PORT" -d "$DATABASE" -tAq)

dotnet "$APP_DLL" migrate >"$WORK/migrate.log" 2>&1 || { cat "$WORK/migrate.log" >&2; exit 1; }
KEY="$(dotnet "$APP_DLL" keys create --org cpu --scopes jobs:read,jobs:write | tail -n 1)"
dotnet "$APP_DLL" --urls "http://127.0.0.1:${PORT}" >"$WORK/service.log" 2>&1 &
SERVICE_PID=$!
for _ in $(seq 1 60); do curl -fsS "http://127.0.0.1:${PORT}/health/ready" >/dev/null 2>&1 && break; sleep 1; done

submit() { # N uploads, CLIENTS at a time
  seq 1 "$1" | xargs -P "$CLIENTS" -I{} curl -fsS -o /dev/null -H "Authorization: Bearer $KEY" -F "file=@${FILE}" "http://127.0.0.1:${PORT}${ENDPOINT}"
}
wait_completed() { # until N jobs of the kind are completed
  until [ "$("${PSQL[@]}" -c "select count(*) from parsejobs.jobs where kind = '$1' and status = 'Completed'" 2>/dev/null || echo 0)" -ge "$2" ]; do sleep 0.2; done
}
# Ticks of the service process and of its children (live ones, plus those it reaped: cutime, cstime).
ticks() {
  local children=0
  for child in $(pgrep -P "$SERVICE_PID" || true); do
    children=$((children + $(awk '{print $14 + $15}' "/proc/$child/stat" 2>/dev/null || echo 0)))
  done
  echo "$(awk '{print $14 + $15}' "/proc/$SERVICE_PID/stat") $(( $(awk '{print $16 + $17}' "/proc/$SERVICE_PID/stat") + children ))"
}
pg_ticks() { # the cluster's processes: the postmaster's own, its children's and what it reaped
  [ -n "$POSTMASTER" ] || { echo 0; return; }
  local total
  total=$(awk '{print $14 + $15 + $16 + $17}' "/proc/$POSTMASTER/stat")
  for child in $(pgrep -P "$POSTMASTER" || true); do
    total=$((total + $(awk '{print $14 + $15}' "/proc/$child/stat" 2>/dev/null || echo 0)))
  done
  echo "$total"
}
statements() { # calls recorded by pg_stat_statements for this database, without this script's own completion polls
  "${SUPER_PSQL[@]}" -c "select coalesce(sum(calls), 0) from pg_stat_statements s join pg_database d on d.oid = s.dbid
    where d.datname = current_database() and s.query not like '%from parsejobs.jobs where kind =%' and s.query not like '%pg_stat_statements%'" 2>/dev/null || echo -1
}

"${PSQL[@]}" -c "select 1" >/dev/null || { echo "cannot query $DATABASE" >&2; exit 1; }
KIND_STORED="$([ "$KIND" = cv ] && echo CvParse || echo DocumentParse)"

submit 20; wait_completed "$KIND_STORED" 20 # warm-up: JIT, pools, parser children
"${SUPER_PSQL[@]}" -c "create extension if not exists pg_stat_statements" >/dev/null 2>&1 || true
"${SUPER_PSQL[@]}" -c "select pg_stat_statements_reset()" >/dev/null 2>&1 || true
read -r PARENT_BEFORE CHILDREN_BEFORE < <(ticks)
PG_BEFORE=$(pg_ticks)
TRACE_PID=""
if [ "${TRACE:-0}" = 1 ]; then
  "${DOTNET_TRACE:-dotnet-trace}" collect -p "$SERVICE_PID" --profile dotnet-sampled-thread-time --duration 00:00:00:"${TRACE_SECONDS:-20}" -o "${TRACE_OUT:-/tmp/service}.nettrace" >"${TRACE_OUT:-/tmp/service}.log" 2>&1 &
  TRACE_PID=$!
  sleep 3
fi
STARTED=$(date +%s.%N)
submit "$JOBS"; wait_completed "$KIND_STORED" $((JOBS + 20))
SECONDS_TAKEN=$(echo "$(date +%s.%N) - $STARTED" | bc)
read -r PARENT_AFTER CHILDREN_AFTER < <(ticks)
PG_AFTER=$(pg_ticks)
STATEMENTS=$(statements)
if [ -n "${STATEMENTS_OUT:-}" ]; then
  "${SUPER_PSQL[@]}" -F $'\t' -c "select calls, left(regexp_replace(query, '\s+', ' ', 'g'), 160) from pg_stat_statements s join pg_database d on d.oid = s.dbid
    where d.datname = current_database() order by calls desc" >"$STATEMENTS_OUT" 2>/dev/null || true
fi
if [ -n "$TRACE_PID" ]; then
  wait "$TRACE_PID" || true
  "${DOTNET_TRACE:-dotnet-trace}" convert --format speedscope -o "${TRACE_OUT:-/tmp/service}" "${TRACE_OUT:-/tmp/service}.nettrace" >&2
fi
HZ=$(getconf CLK_TCK)
PEAK_MB=$(awk '/^VmHWM:/ {printf "%.0f", $2 / 1024}' "/proc/$SERVICE_PID/status")
awk -v mb="$PEAK_MB" -v p=$((PARENT_AFTER - PARENT_BEFORE)) -v c=$((CHILDREN_AFTER - CHILDREN_BEFORE)) -v g=$((PG_AFTER - PG_BEFORE)) -v st="$STATEMENTS" -v n="$JOBS" -v hz="$HZ" -v s="$SECONDS_TAKEN" -v k="$JOB_KIND" \
  'BEGIN { printf "%s, %d jobs in %.1f s (%.1f/s): service %.1f ms CPU per job, parser children %.1f ms CPU per job, PostgreSQL %.1f ms CPU per job, %s statements per job, service peak RSS %s MB\n", k, n, s, n / s, p * 1000 / hz / n, c * 1000 / hz / n, g * 1000 / hz / n, (st < 0 ? "?" : sprintf("%.1f", st / n)), mb }'
