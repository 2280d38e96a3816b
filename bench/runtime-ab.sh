#!/usr/bin/env bash
# Same-minute A/B pairs of runtime settings for one publish of the service: A is the publish as it is, B a copy whose
# runtimeconfig.json gets the given configProperties (what a RuntimeHostConfigurationOption in ParseJobs.Api.csproj
# writes; parser children are started from the same folder, so they read it too unless their environment overrides
# it). Each pair runs bench/parent-cpu.sh on A and on B back to back, the order alternating from pair to pair so that
# a load change on the machine does not always fall on the same side.
#   bash bench/runtime-ab.sh PUBLISH_DIR 'System.GC.Concurrent=false System.GC.HeapCount=1' [PAIRS=3] [JOBS=200] [CLIENTS=8]
# A value of "-" removes the property. KIND (cv), FILE, PARSEJOBS_PG_PORT, PORT go to parent-cpu.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

PUBLISH="${1:?publish folder (dotnet publish src/ParseJobs.Api -r linux-x64 -p:PublishReadyToRun=true -o DIR)}"
SETTINGS="${2:?settings, e.g. 'System.GC.Server=false'}"
PAIRS="${3:-3}"
JOBS="${4:-200}"
CLIENTS="${5:-8}"
CONFIG=ParseJobs.Api.runtimeconfig.json
[ -f "$PUBLISH/$CONFIG" ] || { echo "no $CONFIG in $PUBLISH" >&2; exit 2; }

VARIANT="$(mktemp -d)"
trap 'rm -rf "$VARIANT"' EXIT
cp -a "$PUBLISH/." "$VARIANT/"
python3 - "$VARIANT/$CONFIG" "$SETTINGS" <<'PY'
import json, sys
path, settings = sys.argv[1], sys.argv[2].split()
with open(path) as f:
    config = json.load(f)
properties = config["runtimeOptions"].setdefault("configProperties", {})
for setting in settings:
    name, value = setting.split("=", 1)
    if value == "-":
        properties.pop(name, None)
    elif value in ("true", "false"):
        properties[name] = value == "true"
    elif value.lstrip("-").isdigit():
        properties[name] = int(value)
    else:
        properties[name] = value
with open(path, "w") as f:
    json.dump(config, f, indent=2)
PY

run() { # SIDE FOLDER
  local line
  line="$(APP_DLL="$2/ParseJobs.Api.dll" bash bench/parent-cpu.sh "${KIND:-cv}" "$JOBS" "$CLIENTS" | tail -n 1)"
  echo "$1 $(cut -d' ' -f1-3 /proc/loadavg) | $line"
}
echo "B = A + $SETTINGS"
for pair in $(seq 1 "$PAIRS"); do
  if [ $((pair % 2)) = 1 ]; then run A "$PUBLISH"; run B "$VARIANT"; else run B "$VARIANT"; run A "$PUBLISH"; fi
done
