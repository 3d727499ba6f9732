"""Fills in a ParScore self-assessment workbook with openpyxl (Debian's python3-openpyxl), as an
officer using a program other than Excel would, and saves it.
  fill_workbook.py IN OUT OPS_JSON
OPS_JSON is a list of operations, applied in order; a sheet is named as the officer sees it:
  ["set", sheet, key_col, key, col, value, number_format|null]
      the row whose cell in column key_col (a letter) holds key (text compared as typed), from row 3;
      a key that is a number is the row itself
  ["append", sheet, [values from column A]]   the row after the last row with anything in it
  ["header", sheet, col, text]                 changes a header (row 2)
  ["hide", sheet]                              hides a sheet
  ["merge", sheet, range]                      merges cells
  ["formula", sheet, cell, "=..."]             types a formula
  ["fill_rows", sheet, n]                      types n more rows (a code in column A)
  ["delete_sheet", sheet]"""
import json
import sys

import openpyxl

src, dst, ops = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
wb = openpyxl.load_workbook(src)


def last_row(ws):
    for r in range(ws.max_row, 0, -1):
        if any(c.value is not None for c in ws[r]):
            return r
    return 0


def find_row(ws, key_col, key):
    if isinstance(key, int):
        return key
    for r in range(3, ws.max_row + 1):
        v = ws[f"{key_col}{r}"].value
        if v is not None and str(v) == key:
            return r
    raise SystemExit(f"no row with {key!r} in column {key_col} of {ws.title}")


for op in ops:
    kind, ws = op[0], wb[op[1]]
    if kind == "set":
        _, _, key_col, key, col, value, fmt = op
        cell = ws[f"{col}{find_row(ws, key_col, key)}"]
        cell.value = value
        if fmt:
            cell.number_format = fmt
    elif kind == "append":
        r = last_row(ws) + 1
        for i, v in enumerate(op[2]):
            ws.cell(r, i + 1).value = v
    elif kind == "header":
        ws[f"{op[2]}2"].value = op[3]
    elif kind == "hide":
        ws.sheet_state = "hidden"
    elif kind == "merge":
        ws.merge_cells(op[2])
    elif kind == "formula":
        ws[op[2]].value = op[3]
    elif kind == "fill_rows":
        start = last_row(ws) + 1
        for r in range(start, start + op[2]):
            ws.cell(r, 1).value = f"X{r}"
    elif kind == "delete_sheet":
        del wb[op[1]]
    else:
        raise SystemExit("unknown operation " + kind)
wb.save(dst)
