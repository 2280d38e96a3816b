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

if [ -z "${ConnectionStrings__Postgres:-}" ]; then
  ConnectionStrings__Postgres="$(bash scripts/postgres.sh)"
  export ConnectionStrings__Postgres
fi

DLL=src/ParseJobs.Api/bin/Release/net10.0/ParseJobs.Api.dll
newer_source() {
  find src Directory.Build.props Directory.Packages.props \( -name bin -o -name obj \) -prune -o \
    -type f \( -name '*.cs' -o -name '*.csproj' -o -name '*.props' -o -name '*.json' -o -name '*.tsv' \) -newer "$DLL" -print -quit
}
if [ ! -f "$DLL" ] || [ -n "$(newer_source)" ]; then
  echo "[keys] building the service (first use or changed sources)" >&2
  dotnet build src/ParseJobs.Api -c Release -v quiet -nologo >&2
  touch "$DLL" # an up-to-date build leaves the dll's time alone: do not rebuild next time
fi

# Warnings only: the command's own lines are the output.
export Serilog__MinimumLevel__Default="${Serilog__MinimumLevel__Default:-Warning}"
if [ "$1" = "create" ]; then
  out="$(dotnet "$DLL" keys "$@")"
  printf '%s\n' "$out" | sed '$d' >&2   # "Created key … for organisation … Store it now …"
  printf '%s\n' "$out" | tail -n 1
else
  exec dotnet "$DLL" keys "$@"
fi
