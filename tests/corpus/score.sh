#!/usr/bin/env bash
# Scores today's extractor on the widened corpus, offline: the bench's `corpus` subcommand writes one
# prediction per document (layout extractor -> CV extractor, as the service does), score.py of the
# development corpus scores them, families.py reports per family.
# usage: bash tests/corpus/score.sh [--family F ...] [--exclude F ...] [--markdown] [--json OUT]
# env: CORPUS_PREDS (default ~/.cache/corpus-families-preds; emptied first), CORPUS_SCORER (path of score.py)
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
PREDS=${CORPUS_PREDS:-${XDG_CACHE_HOME:-$HOME/.cache}/corpus-families-preds}
SCORER=${CORPUS_SCORER:-}
if [ -z "$SCORER" ]; then
  for c in "$ROOT/../shared/corpus/resumes/score.py"; do [ -f "$c" ] && { SCORER=$c; break; }; done
fi
[ -n "$SCORER" ] && [ -f "$SCORER" ] || { echo "score.py of the development corpus not found; set CORPUS_SCORER" >&2; exit 1; }
rm -rf "$PREDS"; mkdir -p "$PREDS"
dotnet run --project "$ROOT/bench/ParseJobs.Bench" -c Release -- corpus --docs "$HERE/docs" --out "$PREDS" >&2
python3 "$HERE/families.py" "$SCORER" "$HERE/truth" "$PREDS" "$@"
