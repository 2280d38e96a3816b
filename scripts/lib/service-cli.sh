# Sourced by scripts/keys.sh and scripts/orgs.sh: the local database of scripts/run.sh (ConnectionStrings__Postgres,
# else the local PostgreSQL of scripts/postgres.sh) and the built service, built only when missing or older than
# the sources. Sets DLL; the caller runs `dotnet "$DLL" <command> …`. $1 names the caller in messages.
service_cli_prepare() {
  local name="$1"
  if [ -z "${ConnectionStrings__Postgres:-}" ]; then
    ConnectionStrings__Postgres="$(bash scripts/postgres.sh)"
    export ConnectionStrings__Postgres
  fi

  DLL=src/ParseJobs.Api/bin/Release/net10.0/ParseJobs.Api.dll
  if [ ! -f "$DLL" ] || [ -n "$(find src Directory.Build.props Directory.Packages.props \( -name bin -o -name obj \) -prune -o \
      -type f \( -name '*.cs' -o -name '*.csproj' -o -name '*.props' -o -name '*.json' -o -name '*.tsv' \) -newer "$DLL" -print -quit)" ]; then
    echo "[$name] building the service (first use or changed sources)" >&2
    dotnet build src/ParseJobs.Api -c Release -v quiet -nologo >&2
    touch "$DLL" # an up-to-date build leaves the dll's time alone: do not rebuild next time
  fi

  # Warnings only: the command's own lines are the output.
  export Serilog__MinimumLevel__Default="${Serilog__MinimumLevel__Default:-Warning}"
}
