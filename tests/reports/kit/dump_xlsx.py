"""Reads a workbook with openpyxl (an independent reader) and prints, as JSON, what the report tests
check: per sheet the page setup, print titles, frozen panes, merged ranges and every non-empty cell
with its type, font and number format. With "--count" prints only each sheet's row count (read-only
mode, for big files)."""
import json, sys
import openpyxl

path = sys.argv[1]
if len(sys.argv) > 2 and sys.argv[2] == "--count":
    wb = openpyxl.load_workbook(path, read_only=True)
    out = {}
    for ws in wb.worksheets:
        n = 0
        formulas = 0
        for row in ws.iter_rows():
            n += 1
            for c in row:
                if getattr(c, "data_type", None) == "f":
                    formulas += 1
        out[ws.title] = {"rows": n, "formulas": formulas}
    print(json.dumps(out, ensure_ascii=False))
    sys.exit(0)

wb = openpyxl.load_workbook(path)
out = {"sheets": wb.sheetnames, "data": {}}
for ws in wb.worksheets:
    cells = {}
    for row in ws.iter_rows():
        for c in row:
            if c.value is None:
                continue
            v = c.value
            cells[c.coordinate] = {
                "v": v.isoformat() if hasattr(v, "isoformat") else v,
                "t": c.data_type,
                "date": bool(c.is_date),
                "font": c.font.name,
                "size": c.font.sz,
                "bold": bool(c.font.b),
                "italic": bool(c.font.i),
                "fmt": c.number_format,
                "wrap": bool(c.alignment.wrap_text),
                "link": c.hyperlink.target if c.hyperlink else None,
            }
    ps = ws.page_setup
    m = ws.page_margins
    out["data"][ws.title] = {
        "maxRow": ws.max_row,
        "freeze": ws.freeze_panes,
        "printTitleRows": ws.print_title_rows,
        "paperSize": None if ps.paperSize is None else int(ps.paperSize),
        "orientation": ps.orientation,
        "fitToWidth": None if ps.fitToWidth is None else int(ps.fitToWidth),
        "fitToHeight": None if ps.fitToHeight is None else int(ps.fitToHeight),
        "fitToPage": bool(ws.sheet_properties.pageSetUpPr and ws.sheet_properties.pageSetUpPr.fitToPage),
        "margins": {"left": m.left, "right": m.right, "top": m.top, "bottom": m.bottom},
        "footer": ws.oddFooter.center.text,
        "merged": sorted(str(r) for r in ws.merged_cells.ranges),
        "outline": {str(k): d.outlineLevel for k, d in ws.row_dimensions.items() if d.outlineLevel},
        "cells": cells,
    }
print(json.dumps(out, ensure_ascii=False))
