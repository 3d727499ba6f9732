"""Fills in a ParScore survey form with openpyxl (Debian's python3-openpyxl), as a clerk using a
program other than Excel would, and saves it; prints the zip's part names as JSON.
  fill_survey.py IN OUT SPEC_JSON
SPEC_JSON: {"scores": [[agency, code, value, number_format or null], ...],
            "answers": [[respondent, group, agency, item, answer], ...],
            "note": [sheet index, cell, text] or null,
            "keep": [sheet names to keep] or null (the other sheets are deleted)}
A scores cell is found as a person finds it: the row whose column B holds the agency code, on any
sheet, and the column whose header (row 2) starts with "<code>. "."""
import json, sys, zipfile
import openpyxl
from openpyxl.comments import Comment

src, dst, spec = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
wb = openpyxl.load_workbook(src)


def scores_cell(agency, code):
    for ws in wb.worksheets:
        for r in range(3, ws.max_row + 1):
            if ws.cell(r, 2).value != agency:
                continue
            for c in range(4, ws.max_column + 1):
                if str(ws.cell(2, c).value or "").startswith(code + ". "):
                    return ws.cell(r, c)
            raise SystemExit("no column %s on %s" % (code, ws.title))
    raise SystemExit("no row " + agency)


for agency, code, value, fmt in spec.get("scores", []):
    cell = scores_cell(agency, code)
    cell.value = value
    if fmt:
        cell.number_format = fmt
ws = wb.worksheets[0]
for i, row in enumerate(spec.get("answers", [])):
    ws.cell(3 + i, 1).value = i + 1
    for j, v in enumerate(row):
        ws.cell(3 + i, 2 + j).value = v
if spec.get("note"):
    sheet, ref, text = spec["note"]
    wb.worksheets[sheet][ref].comment = Comment(text, "Nguyễn Văn An")
if spec.get("keep"):
    for name in list(wb.sheetnames):
        if name not in spec["keep"]:
            del wb[name]
wb.save(dst)
print(json.dumps(zipfile.ZipFile(dst).namelist()))
