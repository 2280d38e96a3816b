#!/usr/bin/env bash
# Makes sure a local PostgreSQL server runs and has the ParseJobs role, then prints its connection string on
# stdout (everything else goes to stderr). Used by scripts/run.sh, keys.sh and test.sh when no connection string
# is configured. Works as root and as a user with sudo; on Debian/Ubuntu it installs PostgreSQL (apt-get) when
# missing and creates a cluster when none exists. Elsewhere it says what it needs and stops.
set -euo pipefail

PG_USER="${PARSEJOBS_PG_USER:-parsejobs}"
PG_PASSWORD="${PARSEJOBS_PG_PASSWORD:-parsejobs}"

log() { echo "[postgres] $*" >&2; }
die() { echo "[postgres] ERROR: $*" >&2; exit 1; }

# Root runs commands directly; anyone else through sudo (non-interactive: a script must not hang on a prompt).
as_root() {
  if [ "$(id -u)" = "0" ]; then "$@"
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo -n "$@"
  else die "'$*' needs root: run as root, allow sudo without a password, or set ConnectionStrings__Postgres (run.sh, keys.sh) / PARSEJOBS_TEST_POSTGRES (test.sh) to a server you have."
  fi
}
as_postgres() { "${PG_AS[@]}" "$@"; }

if ! command -v pg_lsclusters >/dev/null 2>&1; then
  if command -v initdb >/dev/null 2>&1 || command -v postgres >/dev/null 2>&1 || command -v pg_ctl >/dev/null 2>&1; then
    die "a PostgreSQL without Debian's cluster tools (pg_lsclusters) is installed. Start it yourself and set ConnectionStrings__Postgres / PARSEJOBS_TEST_POSTGRES, e.g. Host=localhost;Port=5432;Database=parsejobs;Username=$PG_USER;Password=$PG_PASSWORD (the user needs CREATEDB for the tests)."
  fi
  command -v apt-get >/dev/null 2>&1 || die "PostgreSQL is not installed and this is not a Debian/Ubuntu machine (no apt-get). Install PostgreSQL 15 or later and set ConnectionStrings__Postgres / PARSEJOBS_TEST_POSTGRES."
  log "PostgreSQL is not installed; installing it with apt-get"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
fi

# Installed, but no cluster (a removed one, or a package installed without the default cluster): create one.
if [ -z "$(pg_lsclusters -h 2>/dev/null)" ]; then
  version="$(ls /usr/lib/postgresql 2>/dev/null | sort -n | tail -n 1)"
  [ -n "$version" ] || die "pg_lsclusters exists but no PostgreSQL server version is installed under /usr/lib/postgresql; install the 'postgresql' package."
  log "no PostgreSQL cluster exists; creating $version/main"
  as_root pg_createcluster "$version" main >&2 || die "pg_createcluster $version main failed (see above)."
fi

# The cluster on the requested port, else the first online one, else the first one.
want="${PARSEJOBS_PG_PORT:-}"
line="$(pg_lsclusters -h | awk -v p="$want" 'p != "" && $3 == p {print; exit}')"
[ -n "$line" ] || line="$(pg_lsclusters -h | awk '$4 == "online" {print; exit}')"
[ -n "$line" ] || line="$(pg_lsclusters -h | sort -k3 | head -n 1)"
read -r version cluster PG_PORT status _ <<<"$line"
if [ "$status" != "online" ]; then
  log "starting cluster $version/$cluster on port $PG_PORT"
  as_root pg_ctlcluster "$version" "$cluster" start >&2 || die "could not start cluster $version/$cluster; see its log under /var/log/postgresql."
fi

if [ "$(id -u)" = "0" ]; then PG_AS=(runuser -u postgres --)
elif [ "$(id -un)" = "postgres" ]; then PG_AS=(env)
elif command -v sudo >/dev/null 2>&1 && sudo -n -u postgres true 2>/dev/null; then PG_AS=(sudo -n -u postgres)
else die "setting up the role and database needs the postgres user: run as root, allow sudo without a password, or set ConnectionStrings__Postgres (run.sh, keys.sh) / PARSEJOBS_TEST_POSTGRES (test.sh) to a server you have."
fi

ready=""
for _ in $(seq 1 30); do
  if as_postgres psql -p "$PG_PORT" -tAc "select 1" >/dev/null 2>&1; then ready=1; break; fi
  sleep 1
done
[ -n "$ready" ] || die "cluster $version/$cluster on port $PG_PORT does not answer psql as 'postgres' after 30 s."

# A login role that may create databases (the tests make one database per test host).
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
