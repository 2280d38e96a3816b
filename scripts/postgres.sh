#!/usr/bin/env bash
# Makes sure a local PostgreSQL server runs and has the ParseJobs role, then prints an admin connection
# string on stdout (everything else goes to stderr). Installs PostgreSQL with apt-get when it is missing.
# Used by scripts/run.sh and scripts/test.sh when no connection string is configured.
set -euo pipefail

PG_USER="${PARSEJOBS_PG_USER:-parsejobs}"
PG_PASSWORD="${PARSEJOBS_PG_PASSWORD:-parsejobs}"
PG_PORT="${PARSEJOBS_PG_PORT:-5432}"

log() { echo "[postgres] $*" >&2; }

as_postgres() {
  if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi
}

if ! command -v pg_lsclusters >/dev/null 2>&1 || [ -z "$(pg_lsclusters -h 2>/dev/null)" ]; then
  log "PostgreSQL is not installed; installing it with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
fi

read -r version cluster port status _ < <(pg_lsclusters -h | sort -k3 | head -n 1)
PG_PORT="$port"
if [ "$status" != "online" ]; then
  log "starting cluster $version/$cluster on port $port"
  pg_ctlcluster "$version" "$cluster" start >&2
fi

for _ in $(seq 1 30); do
  if as_postgres psql -p "$PG_PORT" -tAc "select 1" >/dev/null 2>&1; then break; fi
  sleep 1
done

# A login role that may create databases (the tests make one database per test run).
as_postgres psql -p "$PG_PORT" -v ON_ERROR_STOP=1 -q >&2 <<SQL
DO \$\$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${PG_USER}') THEN
    CREATE ROLE ${PG_USER} LOGIN CREATEDB PASSWORD '${PG_PASSWORD}';
  END IF;
END
\$\$;
SQL
if ! as_postgres psql -p "$PG_PORT" -tAc "select 1 from pg_database where datname='parsejobs'" | grep -q 1; then
  as_postgres createdb -p "$PG_PORT" -O "$PG_USER" parsejobs >&2
fi

echo "Host=localhost;Port=${PG_PORT};Database=parsejobs;Username=${PG_USER};Password=${PG_PASSWORD}"
