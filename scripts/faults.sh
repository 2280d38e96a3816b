#!/usr/bin/env bash
# Fault scenarios (kill -9 of a worker, PostgreSQL restarts, SIGTERM, connection exhaustion, oversize uploads)
# against a PostgreSQL cluster of its own (initdb in a temp dir, 127.0.0.1:${FAULTS_PG_PORT:-5499}), one API
# process (127.0.0.1:${FAULTS_API_PORT:-8106}) and two worker processes. Prints accepted, lost, duplicated, ghost
# and 5xx counts per scenario (docs/RELIABILITY.md). Never touches another cluster.
#   bash scripts/faults.sh                 all scenarios (about 10 minutes on 2 busy cores)
#   bash scripts/faults.sh exhaust kill9   some of them
set -euo pipefail
cd "$(dirname "$0")/.."
command -v psql >/dev/null || { echo "[faults] needs the PostgreSQL server and client (bash scripts/postgres.sh installs them)" >&2; exit 1; }
dotnet build src/ParseJobs.Api -c Release -v quiet -nologo >&2
exec python3 scripts/faults.py "$@"
