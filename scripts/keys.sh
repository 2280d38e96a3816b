#!/usr/bin/env bash
# API keys for the local service, on the same database as scripts/run.sh (ConnectionStrings__Postgres, else the
# local PostgreSQL of scripts/postgres.sh). `create` prints only the key on stdout, so that
#   KEY=$(bash scripts/keys.sh create --org acme --scopes jobs:read,jobs:write)
# works; what the key is goes to stderr. Other commands: `list [--org ORG]`, `revoke KEY_ID|PREFIX`.
# Uses the built service (src/ParseJobs.Api/bin/Release) and builds it only when missing or older than the sources.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ $# -eq 0 ]; then
  echo "usage: bash scripts/keys.sh create --org ORG [--scopes jobs:read,jobs:write] | list [--org ORG] | revoke KEY_ID|PREFIX" >&2
  exit 2
fi

. scripts/lib/service-cli.sh
service_cli_prepare keys

if [ "$1" = "create" ]; then
  out="$(dotnet "$DLL" keys "$@")"
  printf '%s\n' "$out" | sed '$d' >&2   # "Created key … for organisation … Store it now …"
  printf '%s\n' "$out" | tail -n 1
else
  exec dotnet "$DLL" keys "$@"
fi
