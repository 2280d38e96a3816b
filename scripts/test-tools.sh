#!/usr/bin/env bash
# Tools the test suite uses besides .NET and PostgreSQL, installed with apt-get when missing (idempotent):
# chromium prints the HTML test documents to PDF (as the CV themes are printed) and renders the batch report page
# (tests/ParseJobs.Api.Tests/Batches/Report: those tests fail, never skip, without it), pandoc converts markdown to
# DOCX as pandoc users' files are written, poppler-utils' pdftoppm renders the candidate profile PDF's first page
# (tests/ParseJobs.Api.Tests/Ats/Pdf). CI starts from a fresh machine; scripts/test.sh calls this first.
set -euo pipefail

missing=()
# The fonts are what the tests' HTML asks for; with them the printed PDFs are the same on every machine.
[ -x /usr/bin/chromium ] || [ -x /usr/bin/google-chrome ] || [ -n "${PARSEJOBS_CHROMIUM:-}" ] || missing+=(chromium)
[ -d /usr/share/fonts/truetype/liberation ] || missing+=(fonts-liberation)
[ -d /usr/share/fonts/truetype/dejavu ] || missing+=(fonts-dejavu-core)
command -v pandoc >/dev/null 2>&1 || missing+=(pandoc)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
[ ${#missing[@]} -eq 0 ] && exit 0

as_root=()
if [ "$(id -u)" -ne 0 ]; then
  if ! sudo -n true 2>/dev/null; then
    echo "missing test tools: ${missing[*]}; installing them needs root: apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  as_root=(sudo -n)
fi
echo "[test-tools] installing ${missing[*]}" >&2
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
