"""Independent check of every workbook in a folder (openpyxl + the raw XML): no formula anywhere, no
cell text that a spreadsheet would take as a formula, and the figures a test asks for.
Prints one JSON object: {"files": n, "formulas": [...], "triggers": [...], "found": {payload: count}}."""
import json, os, re, sys, zipfile
import openpyxl

folder, payloads = sys.argv[1], json.loads(sys.argv[2])
out = {"files": 0, "formulas": [], "triggers": [], "found": {p: 0 for p in payloads}, "sheets": {}}
for root, _, names in os.walk(folder):
    for name in sorted(names):
        if not name.endswith(".xlsx"):
            continue
        path = os.path.join(root, name)
        out["files"] += 1
        with zipfile.ZipFile(path) as z:
            for part in z.namelist():
                if part.startswith("xl/worksheets/") and part.endswith(".xml") and re.search(rb"<f[ >]", z.read(part)):
                    out["formulas"].append(f"{name}:{part}")
        wb = openpyxl.load_workbook(path, read_only=True)
        out["sheets"][name] = wb.sheetnames
        for ws in wb.worksheets:
            for row in ws.iter_rows():
                for c in row:
                    v = c.value
                    if getattr(c, "data_type", None) == "f":
                        out["formulas"].append(f"{name}:{ws.title}:{c.coordinate}")
                    if isinstance(v, str):
                        if v[:1] in ("=", "+", "-", "@", "\t", "\r", "\n"):
                            out["triggers"].append(f"{name}:{ws.title}:{c.coordinate}:{v[:30]!r}")
                        for p in payloads:
                            if p in v:
                                out["found"][p] += 1
print(json.dumps(out, ensure_ascii=False))
