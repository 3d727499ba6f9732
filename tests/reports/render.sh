#!/usr/bin/env bash
# Renders every workbook of a report folder to PDF and PNG pages with LibreOffice, for people to
# look at (the page layout, the repeated headers, the signature block).
#   bash tests/reports/render.sh REPORT_DIR [OUT_DIR]
# Needs Debian's libreoffice-calc-nogui and poppler-utils (apt-get install -y libreoffice-calc-nogui poppler-utils fonts-liberation).
set -euo pipefail
src=${1:?report folder}
out=${2:-tests/.artifacts/report-pages}
mkdir -p "$out"
profile=$(mktemp -d)
find "$src" -name '*.xlsx' -print0 | head -z -n 12 | while IFS= read -r -d '' f; do
  soffice -env:UserInstallation=file://"$profile" --headless --convert-to pdf --outdir "$out" "$f" >/dev/null 2>&1
  pdf="$out/$(basename "${f%.xlsx}").pdf"
  pdftoppm -png -r 55 -f 1 -l 2 "$pdf" "${pdf%.pdf}"
  echo "$pdf: $(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}') page(s)"
done
rm -rf "$profile"
