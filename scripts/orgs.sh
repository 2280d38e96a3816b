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

. scripts/lib/service-cli.sh
service_cli_prepare orgs

exec dotnet "$DLL" orgs "$@"
