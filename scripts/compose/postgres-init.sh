#!/usr/bin/env bash
# Run once by the postgres image on a fresh volume (docker-entrypoint-initdb.d): the service's own login role,
# not a superuser, owning the parsejobs database. The superuser's password stays with the operator.
set -euo pipefail
: "${PARSEJOBS_DB_PASSWORD:?set PARSEJOBS_DB_PASSWORD (see .env.example)}"
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v app_password="$PARSEJOBS_DB_PASSWORD" <<'SQL'
CREATE ROLE parsejobs_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'app_password';
CREATE DATABASE parsejobs OWNER parsejobs_app;
SQL
