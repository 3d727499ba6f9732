#!/usr/bin/env bash
# Debian packages the tests use: an independent xlsx reader and writer (openpyxl), LibreOffice Calc
# (the survey forms saved again by another program; the report rendering checks) and, for the UI
# checks, Chromium. Skips apt when everything is present.
set -euo pipefail
need=()
/usr/bin/python3 -c 'import openpyxl' 2>/dev/null || need+=(python3-openpyxl)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-calc-nogui)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" python3 >/dev/null
fi
