"""Reads a workbook with openpyxl (an independent reader) and prints it as one JSON object:
{"formulas": [...], "sheets": [{"name", "orientation", "printTitleRows", "freeze", "rows": [[cell…]…]}]}
where a cell is [value, data_type, number_format, bold] (merged cells other than the first: null
value), dates as ISO strings. "formulas" lists every <f> element of the raw XML and every cell
openpyxl reads as a formula."""
import datetime, json, re, sys, zipfile
import openpyxl

path = sys.argv[1]
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
            if type(c).__name__ == "MergedCell":
                cells.append(None)
                continue
            v = c.value
            if c.data_type == "f":
                out["formulas"].append(f"{ws.title}!{c.coordinate}")
            if isinstance(v, (datetime.datetime, datetime.date)):
                v = v.isoformat()
            cells.append([v, c.data_type, c.number_format, bool(c.font and c.font.b)])
        rows.append(cells)
    out["sheets"].append({
        "name": ws.title,
        "orientation": ws.page_setup.orientation,
        "printTitleRows": ws.print_title_rows,
        "freeze": ws.freeze_panes,
        "rows": rows,
    })
print(json.dumps(out, ensure_ascii=False))
