"""Reads a workbook with openpyxl (Debian's python3-openpyxl), independently of exceljs, and prints
one JSON object: per sheet its name, frozen cell, print title rows, orientation, fit-to-width,
paper size, column widths, merged ranges and every cell (value, data type, number format, bold); plus any <f> formula element
found in the raw sheet XML."""
import datetime, json, re, sys, zipfile
import openpyxl

path = sys.argv[1]
out = {"sheets": [], "formulas": []}
with zipfile.ZipFile(path) as z:
    for part in z.namelist():
        if part.startswith("xl/worksheets/") and part.endswith(".xml") and re.search(rb"<f[ >]", z.read(part)):
            out["formulas"].append(part)
wb = openpyxl.load_workbook(path)
for ws in wb.worksheets:
    rows = []
    for row in ws.iter_rows():
        cells = []
        for c in row:
            v = c.value
            if isinstance(v, (datetime.datetime, datetime.date)):
                v = v.isoformat()
            if c.data_type == "f":
                out["formulas"].append(f"{ws.title}!{c.coordinate}")
            cells.append({"v": v, "t": c.data_type if v is not None else "", "fmt": c.number_format, "bold": bool(c.font and c.font.b)})
        rows.append(cells)
    titles = ws.print_title_rows
    widths = [None] * ws.max_column
    for dim in ws.column_dimensions.values():
        if dim.customWidth and dim.min is not None and dim.max is not None:
            for i in range(dim.min, min(dim.max, ws.max_column) + 1):
                widths[i - 1] = dim.width
    paper = ws.page_setup.paperSize
    out["sheets"].append({
        "name": ws.title,
        "freeze": ws.freeze_panes,
        "printTitleRows": titles.replace("$", "") if titles else None,
        "orientation": ws.page_setup.orientation,
        "fitToWidth": ws.page_setup.fitToWidth,
        "paperSize": int(paper) if paper is not None else None,
        "widths": widths,
        "merged": sorted(str(m) for m in ws.merged_cells.ranges),
        "rows": rows,
    })
print(json.dumps(out, ensure_ascii=False))
