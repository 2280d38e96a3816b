#!/usr/bin/env bash
# Makes sure a private MariaDB server runs for the tests (the DATABASE candidate source's mysql type), then prints
# a MySqlConnector connection string on stdout (everything else goes to stderr). Used by scripts/test.sh when
# PARSEJOBS_TEST_MYSQL is not set. The server is our own instance, not the system's: its own datadir, socket and
# port under PARSEJOBS_MARIADB_DIR (default <temp>/parsejobs-mariadb), listening on 127.0.0.1 only, started again
# when it is not running (idempotent). Works as root (the server then runs as the mysql user) and as a user with
# sudo (for the install only); on Debian/Ubuntu it installs mariadb-server (apt-get) when missing.
set -euo pipefail

DB_USER="${PARSEJOBS_MARIADB_USER:-parsejobs}"
DB_PASSWORD="${PARSEJOBS_MARIADB_PASSWORD:-parsejobs}"
PORT="${PARSEJOBS_MARIADB_PORT:-3307}"
DIR="${PARSEJOBS_MARIADB_DIR:-${TMPDIR:-/tmp}/parsejobs-mariadb}"
DATA="$DIR/data"
SOCKET="$DIR/mariadb.sock"
PID_FILE="$DIR/mariadb.pid"

log() { echo "[mariadb] $*" >&2; }
die() { echo "[mariadb] ERROR: $*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" = "0" ]; then "$@"
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo -n "$@"
  else die "'$*' needs root: run as root, allow sudo without a password, or set PARSEJOBS_TEST_MYSQL to a MySQL/MariaDB server you have (a user that may create databases)."
  fi
}

server_bin() { command -v mariadbd 2>/dev/null || command -v mysqld 2>/dev/null || ls /usr/sbin/mariadbd /usr/sbin/mysqld 2>/dev/null | head -n 1; }

if [ -z "$(server_bin)" ] || ! command -v mariadb-install-db >/dev/null 2>&1; then
  command -v apt-get >/dev/null 2>&1 || die "MariaDB is not installed and this is not a Debian/Ubuntu machine (no apt-get). Install MariaDB 10.6 or later, or set PARSEJOBS_TEST_MYSQL."
  log "MariaDB is not installed; installing mariadb-server with apt-get"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
  # The package's own service is not needed (policy-rc.d may refuse to start it): this script runs its own instance.
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq mariadb-server >&2
fi
SERVER="$(server_bin)"
[ -n "$SERVER" ] || die "mariadb-server is installed but no mariadbd binary was found."

# Root runs the server as the mysql user (mariadbd refuses root); anyone else as themselves.
if [ "$(id -u)" = "0" ]; then
  if id mysql >/dev/null 2>&1; then RUN_AS=mysql; else RUN_AS=root; fi
else
  RUN_AS="$(id -un)"
fi

mkdir -p "$DIR"
chmod 0700 "$DIR"
[ "$RUN_AS" = "$(id -un)" ] || chown "$RUN_AS" "$DIR"

client() { mariadb --no-defaults --protocol=socket --socket="$SOCKET" -u root "$@"; }
ping() { mariadb-admin --no-defaults --protocol=socket --socket="$SOCKET" -u root --connect-timeout=2 ping >/dev/null 2>&1; }

if ! ping; then
  if [ ! -d "$DATA/mysql" ]; then
    log "creating the datadir $DATA"
    rm -rf "$DATA"
    # root@localhost logs in through the socket as the OS user that runs this script (unix_socket), no password.
    mariadb-install-db --no-defaults --datadir="$DATA" --user="$RUN_AS" --auth-root-authentication-method=socket \
      --auth-root-socket-user="$(id -un)" --skip-test-db >"$DIR/install.log" 2>&1 \
      || die "mariadb-install-db failed; see $DIR/install.log"
  fi
  log "starting MariaDB on 127.0.0.1:$PORT (datadir $DATA)"
  rm -f "$SOCKET" "$PID_FILE"
  # setsid: the server outlives this script (and the test run that started it), like the PostgreSQL cluster.
  setsid "$SERVER" --no-defaults --datadir="$DATA" --user="$RUN_AS" --port="$PORT" --bind-address=127.0.0.1 \
    --socket="$SOCKET" --pid-file="$PID_FILE" --log-error="$DIR/error.log" --skip-name-resolve \
    --innodb-buffer-pool-size=32M --max-connections=200 </dev/null >/dev/null 2>&1 &
  ready=""
  for _ in $(seq 1 60); do
    if ping; then ready=1; break; fi
    sleep 0.5
  done
  [ -n "$ready" ] || die "MariaDB did not answer within 30 s; see $DIR/error.log"
fi

# A login with a password over TCP, that may create the tests' own databases.
client -e "
CREATE USER IF NOT EXISTS '${DB_USER}'@'127.0.0.1' IDENTIFIED BY '${DB_PASSWORD}';
ALTER USER '${DB_USER}'@'127.0.0.1' IDENTIFIED BY '${DB_PASSWORD}';
GRANT ALL PRIVILEGES ON *.* TO '${DB_USER}'@'127.0.0.1';
FLUSH PRIVILEGES;" || die "could not create the user ${DB_USER}; see $DIR/error.log"

echo "Server=127.0.0.1;Port=${PORT};User ID=${DB_USER};Password=${DB_PASSWORD}"
