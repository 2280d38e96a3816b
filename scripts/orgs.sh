#!/usr/bin/env bash
# Organisation commands for the local service, on the same database as scripts/run.sh (ConnectionStrings__Postgres,
# else the local PostgreSQL of scripts/postgres.sh), like scripts/keys.sh:
#   bash scripts/orgs.sh retention --org acme [--completed-days N|default] [--failed-days N|default]
#   bash scripts/orgs.sh erase --org acme      # deletes the organisation and all its data; asks nothing
# Uses the built service (src/ParseJobs.Api/bin/Release) and builds it only when missing or older than the sources.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ $# -eq 0 ]; then
  echo "usage: bash scripts/orgs.sh retention --org ORG [--completed-days N|default] [--failed-days N|default] | erase --org ORG" >&2
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
  echo "[orgs] building the service (first use or changed sources)" >&2
  dotnet build src/ParseJobs.Api -c Release -v quiet -nologo >&2
  touch "$DLL"
fi

export Serilog__MinimumLevel__Default="${Serilog__MinimumLevel__Default:-Warning}"
exec dotnet "$DLL" orgs "$@"
