#!/usr/bin/env bash
# Prints samples/cv.html (a fictional person) to samples/cv.pdf with headless Chromium (scripts/test-tools.sh
# installs it; PARSEJOBS_CHROMIUM names another Chrome binary).
set -euo pipefail
cd "$(dirname "$0")"
browser="${PARSEJOBS_CHROMIUM:-$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)}"
[ -n "$browser" ] || { echo "no Chromium or Chrome found; run scripts/test-tools.sh or set PARSEJOBS_CHROMIUM" >&2; exit 1; }
"$browser" --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf="$PWD/cv.pdf" "file://$PWD/cv.html" 2>/dev/null
ls -l cv.pdf
