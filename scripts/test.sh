#!/usr/bin/env bash
# Runs the whole test suite. Without PARSEJOBS_TEST_POSTGRES it starts a local PostgreSQL (installing it
# when missing) and points the integration tests at it; they create and drop their own databases.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${PARSEJOBS_TEST_POSTGRES:-}" ]; then
  PARSEJOBS_TEST_POSTGRES="$(bash scripts/postgres.sh)"
  export PARSEJOBS_TEST_POSTGRES
fi

dotnet test ParseJobs.sln -c Release --logger "console;verbosity=normal" "$@"
