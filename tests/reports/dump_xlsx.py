"""Reads a workbook with openpyxl (Debian's python3-openpyxl), independently of exceljs, and prints
one JSON object for the report tests:
  {"formulas": [...], "sheets": [sheet...]}
where "formulas" lists every worksheet part holding an <f> element and every cell openpyxl reads as
a formula, and a sheet gives its name, page setup, print titles, frozen cell, column widths (custom
ones, column A first), merged ranges, row outline levels and every cell of every row from A1:
{"v", "t" (openpyxl's data type), "date", "fmt", "bold", "italic", "font", "size", "wrap", "link", "merged"}
(dates and times as ISO strings; "merged": a merged cell other than the range's first).
With "--count" prints only each sheet's row and formula-cell counts, in read-only mode (big files)."""
import json, re, sys, zipfile
import openpyxl

path = sys.argv[1]
if len(sys.argv) > 2 and sys.argv[2] == "--count":
    wb = openpyxl.load_workbook(path, read_only=True)
    counts = {}
    for ws in wb.worksheets:
        n = 0
        formulas = 0
        for row in ws.iter_rows():
            n += 1
            for c in row:
                if getattr(c, "data_type", None) == "f":
                    formulas += 1
        counts[ws.title] = {"rows": n, "formulas": formulas}
    print(json.dumps(counts, ensure_ascii=False))
    sys.exit(0)

out = {"formulas": [], "sheets": []}
with zipfile.ZipFile(path) as z:
    for part in z.namelist():
        if part.startswith("xl/worksheets/") and part.endswith(".xml") and re.search(rb"<f[ >]", z.read(part)):
            out["formulas"].append(part)
wb = openpyxl.load_workbook(path)
for ws in wb.worksheets:
    rows = []
    for row in ws.iter_rows(min_row=1, max_row=ws.max_row, max_col=ws.max_column):
        cells = []
        for c in row:
            v = c.value
            if hasattr(v, "isoformat"):
                v = v.isoformat()
            if c.data_type == "f":
                out["formulas"].append(f"{ws.title}!{c.coordinate}")
            font = c.font
            cells.append({
                "v": v,
                "t": c.data_type,
                "date": bool(getattr(c, "is_date", False)),
                "fmt": c.number_format,
                "bold": bool(font and font.b),
                "italic": bool(font and font.i),
                "font": font.name if font else None,
                "size": font.sz if font else None,
                "wrap": bool(c.alignment and c.alignment.wrap_text),
                "link": c.hyperlink.target if getattr(c, "hyperlink", None) else None,
                "merged": type(c).__name__ == "MergedCell",
            })
        rows.append(cells)
    widths = [None] * ws.max_column
    for dim in ws.column_dimensions.values():
        if dim.customWidth and dim.min is not None and dim.max is not None:
            for i in range(dim.min, min(dim.max, ws.max_column) + 1):
                widths[i - 1] = dim.width
    ps = ws.page_setup
    m = ws.page_margins
    out["sheets"].append({
        "name": ws.title,
        "freeze": ws.freeze_panes,
        "printTitleRows": ws.print_title_rows,
        "orientation": ps.orientation,
        "paperSize": None if ps.paperSize is None else int(ps.paperSize),
        "fitToWidth": None if ps.fitToWidth is None else int(ps.fitToWidth),
        "fitToHeight": None if ps.fitToHeight is None else int(ps.fitToHeight),
        "fitToPage": bool(ws.sheet_properties.pageSetUpPr and ws.sheet_properties.pageSetUpPr.fitToPage),
        "margins": {"left": m.left, "right": m.right, "top": m.top, "bottom": m.bottom},
        "footer": ws.oddFooter.center.text,
        "widths": widths,
        "merged": sorted(str(r) for r in ws.merged_cells.ranges),
        "outline": {str(k): d.outlineLevel for k, d in ws.row_dimensions.items() if d.outlineLevel},
        "rows": rows,
    })
print(json.dumps(out, ensure_ascii=False))
