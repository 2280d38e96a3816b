#!/usr/bin/env bash
# Issue 12's ATS figures (docs/PERFORMANCE.md), started like scripts/bench.sh (scripts/bench-service.sh): a fresh
# database, the service published ReadyToRun on a free loopback port, a key with the scopes the benchmark needs; then
# `ParseJobs.Bench ats`: a fake HR4YOU on loopback with N applicants, create-pdf, every candidate imported (fetch, parse,
# two profile PDFs), medians over runs, service CPU per candidate. Extra arguments go to the benchmark
# (e.g. --applicants 50 --runs 3).
set -euo pipefail
cd "$(dirname "$0")/.."

log() { echo "[bench-ats] $*" >&2; }
BENCH_DATABASE_PREFIX=parsejobs_bench_ats
BENCH_SCOPES=admin,ats:create-pdf,projects:read
# shellcheck source=scripts/bench-service.sh
source scripts/bench-service.sh

RESULTS="${WORK}/results.txt"
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
"${BENCH[@]}" ats --url "$URL" --key "$KEY" --service-pid "$SERVICE_PID" "$@" | tee "$RESULTS" >&2 || {
  log "the benchmark failed; the service's last log lines:"; tail -n 40 "$SERVICE_LOG" >&2; exit 1; }
echo "load average before / after: ${LOAD_BEFORE} / $(cut -d' ' -f1-3 /proc/loadavg)" >>"$RESULTS"

echo
echo "== ParseJobs ATS benchmark, $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ) =="
cat "$RESULTS"
