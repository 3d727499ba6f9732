/**
 * The audit workbook on the demo workspace: one row per agency × item whose values are the stored
 * documents', every evidence file, the results per group, the audit log, continuation sheets, and
 * formula payloads kept as text.
 */
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeEverything, writeEverythingWith } from '../../../electron/services/reports/everything.ts';
import { toCellValue } from '../../../electron/services/reports/kit/cell.ts';
import type { ReportContext } from '../../../electron/services/reports/kit/context.ts';
import type { WorkspaceStore } from '../../../electron/services/store/workspace.ts';
import type { Assessment } from '../../../shared/schema/assessment.ts';
import type { Appraisal } from '../../../shared/schema/appraisal.ts';
import { type CompiledTemplate, compileTemplate } from '../../../shared/template/compile.ts';
import { openpyxlCount, openpyxlDump, type PyBook, type PySheet, worksheetXml } from '../kit/helpers.ts';
import { buildDemo, type Demo, demoContext, LONG, PAYLOADS, TAINTED } from './demo.ts';

let demo: Demo;
let ctx: ReportContext;
let ws: WorkspaceStore;
let file = '';
let book: PyBook;
const HEADER_ROWS = 8;

type Cells = Record<string, PySheet['cells'][string]>;
function dataRows(sheet: PySheet): Cells[] {
  const out = new Map<number, Cells>();
  for (const [addr, cell] of Object.entries(sheet.cells)) {
    const m = /^([A-Z]+)(\d+)$/.exec(addr)!;
    const r = Number(m[2]);
    if (r <= HEADER_ROWS) continue;
    if (!out.has(r)) out.set(r, {});
    out.get(r)![m[1]!] = cell;
  }
  return [...out.entries()].sort((a, b) => a[0] - b[0]).map(([, c]) => c);
}

const docs = new Map<string, { assessment: Assessment | null; appraisal: Appraisal | null; ct: CompiledTemplate }>();

beforeAll(async () => {
  demo = await buildDemo();
  ({ ctx, ws } = await demoContext(demo));
  file = path.join(demo.dir, 'everything.xlsx');
  await writeEverything(ctx, file);
  book = openpyxlDump(file);
  for (const a of ctx.campaign.agencies) {
    const ref = ctx.campaign.templates[a.group]!;
    docs.set(a.code, { assessment: await ws.readAssessment(a.code), appraisal: await ws.readAppraisal(a.code), ct: compileTemplate(ws.template(ref)!) });
  }
}, 180_000);
afterAll(async () => {
  await ws?.close();
  demo?.cleanup();
});

describe('the everything workbook', () => {
  it('has the item, evidence, group and audit sheets', () => {
    expect(book.sheets).toEqual(['Chi tiết chấm điểm', 'Tài liệu kiểm chứng', 'Sở, ban, ngành', 'UBND cấp huyện', 'UBND cấp xã', 'Nhật ký thay đổi']);
    const detail = book.data['Chi tiết chấm điểm']!;
    expect(detail.cells['A1']?.v).toBe('UBND TỈNH MINH SƠN');
    expect(detail.cells['A2']?.v).toBe('SỞ NỘI VỤ');
    expect(detail.orientation).toBe('landscape');
    expect(detail.freeze).toBe('A9');
    expect(detail.printTitleRows).toBe('$8:$8');
  });

  it('has one row per agency × item', () => {
    const rows = dataRows(book.data['Chi tiết chấm điểm']!);
    const expected = ctx.campaign.agencies.reduce((n, a) => n + docs.get(a.code)!.ct.nodes.length, 0);
    expect(rows).toHaveLength(expected);
    const pairs = new Set(rows.map((r) => `${r['A']?.v}|${r['D']?.v}`));
    expect(pairs.size).toBe(expected);
    for (const a of ctx.campaign.agencies) for (const n of docs.get(a.code)!.ct.nodes) expect(pairs.has(`${a.code}|${n.code}`)).toBe(true);
  });

  it('shows the stored documents: self scores, texts, appraisal, survey, evidence', async () => {
    const rows = dataRows(book.data['Chi tiết chấm điểm']!);
    const survey = (await ws.readSurvey())!.results;
    let leaves = 0;
    for (const r of rows) {
      const code = String(r['A']?.v);
      const item = String(r['D']?.v);
      const { assessment, appraisal, ct } = docs.get(code)!;
      const node = ct.nodes[ct.index.get(item)!]!;
      expect(r['B']?.v).toBe(toCellValue(ctx.campaign.agencies.find((a) => a.code === code)!.name));
      expect(r['F']?.v).toBe(node.item.max);
      if (!assessment) {
        expect(r['P']?.v).toBe('Chưa nộp');
        expect(r['H']).toBeUndefined();
        continue;
      }
      const entry = assessment.items[item];
      if (node.item.survey) {
        const pct = survey[code]?.[item];
        if (node.leaf && pct !== undefined) expect(r['J']?.v).toBe(pct);
        continue;
      }
      if (node.leaf && entry && entry.input && entry.input.kind !== 'notApplicable' && entry.selfScore !== null && !appraisal?.items[item]) {
        expect(r['H']?.v, `${code} ${item}`).toBe(entry.selfScore);
        leaves++;
      }
      expect(r['L']?.v ?? null).toBe(toCellValue(entry?.explanation ?? null));
      expect(r['N']?.v ?? null).toBe(toCellValue(entry?.note ?? null));
      for (const ref of entry?.evidence ?? []) expect(String(r['O']?.v)).toContain(String(toCellValue(ref.docNo)));
      const appraised = appraisal?.items[item];
      if (appraised) {
        expect(r['I']?.v).toBe(appraised.score);
        expect(r['K']?.v).toBe(toCellValue(appraised.comment ?? null));
        expect(r['P']?.v).toBe(`Đã thẩm định (vòng ${appraised.round})`);
      }
      if (!appraisal) expect(r['I']).toBeUndefined();
    }
    expect(leaves).toBeGreaterThan(1000);
    const s02 = rows.find((r) => r['A']?.v === 'S02' && r['D']?.v === '1.1.2')!;
    expect(s02['I']?.v).toBe(0);
    expect(s02['K']?.v).toBe('Kế hoạch chưa nêu rõ sản phẩm');
  });

  it('lists every evidence file with its hash', () => {
    const rows = dataRows(book.data['Tài liệu kiểm chứng']!);
    const expected: string[] = [];
    for (const a of ctx.campaign.agencies) {
      const { assessment } = docs.get(a.code)!;
      for (const [item, entry] of Object.entries(assessment?.items ?? {})) for (const ref of entry.evidence) expected.push(`${a.code}|${item}|${ref.sha256}|${ref.size}`);
    }
    expect(rows.map((r) => `${r['A']?.v}|${r['C']?.v}|${r['J']?.v}|${r['I']?.v}`).sort()).toEqual(expected.sort());
    const dated = rows.find((r) => r['E'])!;
    expect(dated['E']).toMatchObject({ date: true, fmt: 'dd/mm/yyyy' });
  });

  it('has a summary row per agency in each group with the results figures', () => {
    for (const [sheet, group] of [
      ['Sở, ban, ngành', 'department'],
      ['UBND cấp huyện', 'district'],
      ['UBND cấp xã', 'commune'],
    ] as const) {
      const rows = dataRows(book.data[sheet]!);
      const expected = demo.results.agencies.filter((r) => r.agency.group === group);
      expect(rows.map((r) => r['A']?.v)).toEqual(expected.map((r) => r.agency.code));
      rows.forEach((r, i) => {
        const res = expected[i]!;
        expect(r['K']?.v ?? 0).toBe(res.total);
        expect(r['M']?.v ?? 0).toBe(res.index);
        expect(r['O']?.v ?? null).toBe(res.rank);
        if (res.submitted) expect(r['F']?.v).toBe(res.appraised.score);
      });
    }
  });

  it('copies the audit log', async () => {
    const log = await ws.readAudit();
    const rows = dataRows(book.data['Nhật ký thay đổi']!);
    expect(rows).toHaveLength(log.entries.length + log.issues.length);
    const appraisedRow = rows.find((r) => r['D']?.v === 'S02' && r['F']?.v === '1.1.2')!;
    expect(appraisedRow['E']?.v).toBe('Điểm thẩm định');
    expect(appraisedRow['H']?.v).toBe(0);
  });

  it('keeps formula payloads and long texts as text, and no cell is a formula', async () => {
    const all = Object.values(book.data).flatMap((s) => Object.values(s.cells));
    for (const c of all) {
      expect(c.t).not.toBe('f');
      if (typeof c.v === 'string') expect(c.v).not.toMatch(/^[=+\-@\t\r\n]/);
    }
    const rows = dataRows(book.data['Chi tiết chấm điểm']!).filter((r) => r['A']?.v === TAINTED);
    demo.taintedItems.forEach((item, i) => {
      const r = rows.find((x) => x['D']?.v === item)!;
      const expected = toCellValue(PAYLOADS[i]!) as string;
      expect(expected.startsWith("'")).toBe(true);
      expect(r['L']?.v).toBe(expected);
      expect(r['N']?.v).toBe(expected);
    });
    const long = rows.find((x) => x['D']?.v === demo.longItem)!;
    expect(long['L']?.v).toBe(LONG);
    const comment = (await ws.readAppraisal(TAINTED))!.items[demo.longItem]!.comment!;
    expect(comment.length).toBeGreaterThanOrEqual(LONG.trim().length);
    expect(long['K']?.v).toBe(comment);
    const evidence = dataRows(book.data['Tài liệu kiểm chứng']!).filter((r) => r['A']?.v === TAINTED);
    const stored = (await ws.readAssessment(TAINTED))!;
    for (const item of demo.taintedItems) {
      const title = stored.items[item]!.evidence[0]!.title!;
      expect(evidence.some((r) => r['C']?.v === item && r['G']?.v === toCellValue(title))).toBe(true);
    }
    expect(evidence.some((r) => r['G']?.v === `'${PAYLOADS[0]}`)).toBe(true);
    for (const xml of await worksheetXml(file)) expect(xml).not.toMatch(/<f[ >]/);
  });

  it('reads back with exceljs', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const sheet = wb.getWorksheet('Chi tiết chấm điểm')!;
    expect(sheet.getCell('A9').value).toBe('S01');
    expect(sheet.getCell('A9').font.name).toBe('Times New Roman');
    expect(sheet.getCell('F9').numFmt).toBe('#,##0.00');
  });

  it('continues a full sheet on a new one', async () => {
    const small = path.join(demo.dir, 'everything-small.xlsx');
    await writeEverythingWith(ctx, small, { rowsPerSheet: 1000 });
    const counts = openpyxlCount(small);
    const detail = Object.entries(counts).filter(([name]) => name.startsWith('Chi tiết chấm điểm'));
    expect(detail.map(([n]) => n)).toEqual(['Chi tiết chấm điểm', 'Chi tiết chấm điểm (2)', 'Chi tiết chấm điểm (3)', 'Chi tiết chấm điểm (4)']);
    const total = detail.reduce((n, [, c]) => n + c.rows - HEADER_ROWS, 0);
    expect(total).toBe(dataRows(book.data['Chi tiết chấm điểm']!).length);
  });
});
