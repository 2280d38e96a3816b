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
BENCH_DATABASE_PREFIX=parsejobs_bench_batch
BENCH_SCOPES=batches:read,batches:write
# shellcheck source=scripts/bench-service.sh
source scripts/bench-service.sh

RESULTS="${WORK}/results.txt"
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
"${BENCH[@]}" batch --url "$URL" --key "$KEY" --service-pid "$SERVICE_PID" "$@" | tee "$RESULTS" >&2 || {
  log "the benchmark failed; the service's last log lines:"; tail -n 40 "$SERVICE_LOG" >&2; exit 1; }
# Other work on the machine shares the cores: the load average says how much.
echo "load average before / after: ${LOAD_BEFORE} / $(cut -d' ' -f1-3 /proc/loadavg)" >>"$RESULTS"

echo
echo "== ParseJobs batch benchmark, $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ) =="
cat "$RESULTS"
