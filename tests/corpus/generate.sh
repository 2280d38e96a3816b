#!/usr/bin/env bash
# Regenerates tests/corpus/docs, truth and manifest.csv (the widened CV corpus; README.md).
# usage: bash tests/corpus/generate.sh [--only FAMILY[,FAMILY...]]
# Installs what is missing: Debian packages (root or sudo) and the pinned npm packages, the latter into the
# scratch folder $CORPUS_WORK (default ~/.cache/corpus-families-gen), never into the repository.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
WORK=${CORPUS_WORK:-${XDG_CACHE_HOME:-$HOME/.cache}/corpus-families-gen}
mkdir -p "$WORK"

# tool or TeX file -> the Debian package that brings it (node and npm must come with the machine: Debian's
# nodejs package conflicts with NodeSource builds)
declare -A PKG=([pandoc]=pandoc [pdftotext]=poppler-utils [pdflatex]=texlive-latex-recommended [python3]=python3
  [chromium]=chromium [moderncv.cls]=texlive-latex-extra [europasscv.cls]=texlive-latex-extra [lmodern.sty]=lmodern [soul.sty]=texlive-plain-generic)
need=()
for tool in node npm; do command -v "$tool" >/dev/null || { echo "missing $tool: install Node.js >= 20 with npm" >&2; exit 1; }; done
for tool in pandoc pdftotext pdflatex python3; do command -v "$tool" >/dev/null || need+=("${PKG[$tool]}"); done
command -v "${PARSEJOBS_CHROMIUM:-chromium}" >/dev/null || need+=(chromium)
for f in moderncv.cls europasscv.cls lmodern.sty soul.sty; do { command -v kpsewhich >/dev/null && kpsewhich "$f" >/dev/null; } || need+=("${PKG[$f]}"); done
if [ ${#need[@]} -gt 0 ]; then
  pkgs=$(printf '%s\n' "${need[@]}" texlive-fonts-recommended fonts-dejavu fonts-liberation2 | sort -u | tr '\n' ' ')
  echo "installing: $pkgs" >&2
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends $pkgs
fi

if ! cmp -s "$HERE/gen/package-lock.json" "$WORK/package-lock.json" || [ ! -d "$WORK/node_modules/@faker-js/faker" ]; then
  cp "$HERE/gen/package.json" "$HERE/gen/package-lock.json" "$WORK/"
  (cd "$WORK" && npm ci --no-audit --no-fund --ignore-scripts)
fi
# run a copy of the scripts inside the scratch folder, so that imports resolve against its node_modules
rm -rf "$WORK/run"; mkdir -p "$WORK/run"
cp "$HERE"/gen/*.mjs "$HERE"/gen/*.py "$WORK/run/"
node "$WORK/run/generate.mjs" --out "$HERE" --work "$WORK" --nm "$WORK/node_modules" "$@"
