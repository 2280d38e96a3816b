#!/usr/bin/env bash
# Runs ParseJobs (API + worker) on http://localhost:8080 (PARSEJOBS_URL changes it). With no ConnectionStrings__Postgres set it starts a
# local PostgreSQL first. Prints the Swagger URL and a development API key before the service starts.
set -euo pipefail
cd "$(dirname "$0")/.."

URL="${PARSEJOBS_URL:-http://localhost:8080}"
if [ -z "${ConnectionStrings__Postgres:-}" ]; then
  ConnectionStrings__Postgres="$(bash scripts/postgres.sh)"
  export ConnectionStrings__Postgres
fi
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"

dotnet build src/ParseJobs.Api -c Release -v quiet -nologo >&2
APP=(dotnet src/ParseJobs.Api/bin/Release/net10.0/ParseJobs.Api.dll)

"${APP[@]}" migrate >&2
KEY="$("${APP[@]}" keys create --org dev --scopes jobs:read,jobs:write,batches:read,batches:write,ats:create-pdf,projects:read,admin | tail -n 1)"
OPERATOR_KEY="$("${APP[@]}" keys create --operator | tail -n 1)"

cat <<MSG

  ParseJobs is starting.
  Swagger UI:          ${URL}/swagger
  Development API key: ${KEY}
  Try it:              curl -H "Authorization: Bearer ${KEY}" -F file=@samples/cv.pdf ${URL}/v1/parse
  More keys:           bash scripts/keys.sh create --org acme --scopes jobs:read,jobs:write
  Hangfire dashboard:  ${URL}/hangfire/login with the operator key ${OPERATOR_KEY}

MSG
exec "${APP[@]}" --urls "$URL"
