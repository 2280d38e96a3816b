#!/usr/bin/env bash
# Runs the whole test suite. Without PARSEJOBS_TEST_POSTGRES it starts a local PostgreSQL (installing it
# when missing) and points the integration tests at it; they create and drop their own databases. Without
# PARSEJOBS_TEST_MYSQL it does the same with a private MariaDB (scripts/mariadb.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/test-tools.sh

if [ -z "${PARSEJOBS_TEST_POSTGRES:-}" ]; then
  PARSEJOBS_TEST_POSTGRES="$(bash scripts/postgres.sh)"
  export PARSEJOBS_TEST_POSTGRES
fi

# The DATABASE source's MySQL tests run against a real MariaDB: a private instance (installed when missing).
if [ -z "${PARSEJOBS_TEST_MYSQL:-}" ]; then
  PARSEJOBS_TEST_MYSQL="$(bash scripts/mariadb.sh)"
  export PARSEJOBS_TEST_MYSQL
fi

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
status=0
dotnet test ParseJobs.sln -c Release --logger "console;verbosity=normal" "$@" 2>&1 | tee "$log" || status=$?

# Test hosts log to an in-memory sink (tests/ParseJobs.Api.Tests/Infrastructure/TestLogSink.cs): a JSON log line
# in the runner's output means a host or child process writes to the console again.
leaked="$(grep -c '^{"@t"' "$log" || true)"
if [ "$leaked" != "0" ]; then echo "[test] $leaked log lines leaked into the test output" >&2; fi

# One closing line over all test assemblies: "N passed, N failed, N skipped".
awk '/^[[:space:]]+Passed: [0-9]+/{p+=$2} /^[[:space:]]+Failed: [0-9]+/{f+=$2} /^[[:space:]]+Skipped: [0-9]+/{s+=$2}
     END {printf "%d passed, %d failed, %d skipped\n", p, f, s}' "$log"
exit "$status"
