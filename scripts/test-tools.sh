#!/usr/bin/env bash
# Optional tools some tests use; tests that need a missing tool are reported as skipped.
# Idempotent: installs only what is missing (needs root or sudo for apt-get).
set -euo pipefail

if ! command -v pandoc >/dev/null 2>&1; then
  # pandoc converts markdown to DOCX for DocxLayoutReaderTests (DOCX files as pandoc writes them).
  apt-get install -y pandoc >/dev/null || { apt-get update >/dev/null && apt-get install -y pandoc >/dev/null; }
fi
