#!/usr/bin/env bash
# Debian packages the tests use: an independent xlsx reader (openpyxl), and — for the UI and report
# rendering checks — Chromium, LibreOffice Calc and poppler. Skips apt when everything is present.
set -euo pipefail
need=()
/usr/bin/python3 -c 'import openpyxl' 2>/dev/null || need+=(python3-openpyxl)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" python3 >/dev/null
fi
