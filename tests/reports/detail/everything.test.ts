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
import { buildDemo, type Demo, demoContext, EXEMPT_REASON, ISO_COMMENT, LONG, PAYLOADS, TAINTED } from './demo.ts';

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
    expect(book.sheets).toEqual(['Chi tiết chấm điểm', 'Chi tiết iso-9001', 'Tài liệu kiểm chứng', 'Sở, ban, ngành', 'UBND cấp huyện', 'UBND cấp xã', 'Kết quả iso-9001', 'Nhật ký thay đổi']);
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
      // The ISO checklist's evidence, its items named as the audit log names them.
      for (const [item, entry] of Object.entries(assessment?.additional['iso-9001']?.items ?? {})) for (const ref of entry.evidence) expected.push(`${a.code}|iso-9001/${item}|${ref.sha256}|${ref.size}`);
    }
    expect(rows.map((r) => `${r['A']?.v}|${r['C']?.v}|${r['J']?.v}|${r['I']?.v}`).sort()).toEqual(expected.sort());
    expect(expected.filter((e) => e.includes('|iso-9001/')).length).toBeGreaterThan(100);
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
    const isoRow = rows.find((r) => r['D']?.v === 'S02' && r['F']?.v === 'iso-9001/A1')!;
    expect(isoRow['E']?.v).toBe('Điểm thẩm định');
    expect(isoRow['H']?.v).toBe(2);
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

describe('the ISO 9001 checklist sheets of the everything workbook', () => {
  let iso: CompiledTemplate;
  let rows: Cells[];
  let exempt: Set<string>;
  const ddmmyyyy = (d: string): string => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
  beforeAll(() => {
    iso = compileTemplate(ws.template(ctx.campaign.additionalTemplates.department![0]!)!);
    rows = dataRows(book.data['Chi tiết iso-9001']!);
    exempt = new Set(ctx.campaign.exemptions.map((e) => e.agency));
  });

  it('say which template and version they show', () => {
    for (const name of ['Chi tiết iso-9001', 'Kết quả iso-9001']) {
      expect(String(book.data[name]!.cells['A6']?.v)).toMatch(/^Bộ tiêu chí đánh giá việc áp dụng Hệ thống quản lý chất lượng theo Tiêu chuẩn quốc gia TCVN ISO 9001:2008 .*\(mã iso-9001, phiên bản 1\)$/);
    }
    expect(book.data['Chi tiết iso-9001']!.cells['A5']?.v).toBe(`CHI TIẾT KẾT QUẢ TỰ ĐÁNH GIÁ, THẨM ĐỊNH THEO BỘ TIÊU CHÍ BỔ SUNG NĂM ${demo.results.campaign.year}`);
  });

  it('list the 35 checklist items of every agency applying it, and one "not applicable" row per exempt agency', () => {
    expect(iso.nodes).toHaveLength(35);
    expect(exempt.size).toBeGreaterThanOrEqual(3);
    expect(rows).toHaveLength((ctx.campaign.agencies.length - exempt.size) * 35 + exempt.size);
    for (const code of exempt) {
      const own = rows.filter((r) => r['A']?.v === code);
      expect(own).toHaveLength(1);
      expect(own[0]!['E']?.v).toBe(`Không áp dụng (miễn) — lý do: ${EXEMPT_REASON}`);
      expect(own[0]!['O']?.v).toBe('Không áp dụng (miễn)');
      expect(own[0]!['D']).toBeUndefined();
      expect(own[0]!['H']).toBeUndefined();
    }
  });

  it('show per item the stored self score, the appraised score and comment, the explanation and the evidence', () => {
    let compared = 0;
    let refs = 0;
    for (const r of rows) {
      const code = String(r['A']?.v);
      if (exempt.has(code)) continue;
      const { assessment, appraisal } = docs.get(code)!;
      const item = String(r['D']?.v);
      const node = iso.nodes[iso.index.get(item)!]!;
      expect(r['F']?.v).toBe(node.item.max);
      if (!assessment) {
        expect(r['O']?.v).toBe('Chưa nộp');
        expect(r['H']).toBeUndefined();
        continue;
      }
      const entry = assessment.additional['iso-9001']?.items[item];
      const appraised = appraisal?.additional['iso-9001']?.items[item];
      if (node.leaf && entry?.input && entry.input.kind !== 'notApplicable' && entry.selfScore !== null) {
        expect(r['H']?.v, `${code} ${item}`).toBe(entry.selfScore);
        // Not appraised: the appraised column repeats the self score once there is an appraisal.
        if (appraisal && !appraised) expect(r['I']?.v).toBe(entry.selfScore);
        compared++;
      }
      if (!appraisal) expect(r['I']).toBeUndefined();
      expect(r['K']?.v ?? null).toBe(toCellValue(entry?.explanation ?? null));
      for (const ref of entry?.evidence ?? []) {
        const text = String(r['N']?.v);
        expect(text).toContain(ref.docNo);
        if (ref.date) expect(text).toContain(ddmmyyyy(ref.date));
        if (ref.issuer) expect(text).toContain(ref.issuer);
        if (ref.title) expect(text).toContain(ref.title);
        refs++;
      }
    }
    expect(compared).toBeGreaterThan(1000);
    expect(refs).toBeGreaterThan(200);
    const a1 = rows.find((r) => r['A']?.v === 'S02' && r['D']?.v === 'A1')!;
    expect([a1['H']?.v, a1['I']?.v, a1['J']?.v, a1['O']?.v]).toEqual([4, 2, ISO_COMMENT, 'Đã thẩm định (vòng 1)']);
    // Phase A (build) of S02: the sum of its leaves' self scores, and 2 points less once appraised.
    const stored = docs.get('S02')!.assessment!.additional['iso-9001']!.items;
    const build = iso.nodes.filter((n) => n.leaf && n.code.startsWith('A')).reduce((s, n) => s + (stored[n.code]?.selfScore ?? 0), 0);
    const a = rows.find((r) => r['A']?.v === 'S02' && r['D']?.v === 'A')!;
    expect(a['H']?.v as number).toBeCloseTo(build, 1);
    expect(a['I']?.v as number).toBeCloseTo(build - 2, 1);
  });

  it('give per agency the checklist totals, percent, ISO band and phase of results.json, and the exempt with the reason', () => {
    const res = dataRows(book.data['Kết quả iso-9001']!);
    expect(res).toHaveLength(ctx.campaign.agencies.length);
    const band = (p: number): string => (p >= 85 ? 'Đạt tốt' : p >= 70 ? 'Đạt' : p >= 50 ? 'Đạt có khắc phục' : 'Không đạt');
    let assessed = 0;
    for (const r of res) {
      const code = String(r['A']?.v);
      const checklist = demo.results.agencies.find((x) => x.agency.code === code)!.additional[0]!;
      if (exempt.has(code)) {
        expect([r['D']?.v, r['E'], r['H'], r['K']?.v]).toEqual(['Không áp dụng (miễn)', undefined, undefined, EXEMPT_REASON]);
        continue;
      }
      if (checklist.status !== 'assessed') {
        expect(r['D']?.v).toBe('Chưa đánh giá');
        continue;
      }
      assessed++;
      expect([r['E']?.v, r['F']?.v, r['G']?.v, r['H']?.v]).toEqual([checklist.self.score, checklist.appraised.score, checklist.appraised.max, checklist.percent]);
      // The percent is the appraised points over the points of the items that apply (100 less any "not applicable").
      expect(r['G']?.v as number).toBeLessThanOrEqual(100);
      expect(r['H']?.v as number).toBeCloseTo(((r['F']?.v as number) / (r['G']?.v as number)) * 100, 1);
      expect(r['I']?.v).toBe(band(checklist.percent!));
      expect(r['J']?.v).toMatch(/^(Đã (xây dựng|áp dụng|công bố|duy trì|cải tiến)|Chưa đạt giai đoạn nào)$/);
    }
    expect(assessed).toBeGreaterThan(40);
    // S02's stored checklist, added up by hand: the self total; A1's appraisal takes 2 points off.
    const stored = Object.values(docs.get('S02')!.assessment!.additional['iso-9001']!.items);
    const s02 = res.find((r) => r['A']?.v === 'S02')!;
    expect(s02['E']?.v as number).toBeCloseTo(stored.reduce((s, e) => s + (e.selfScore ?? 0), 0), 1);
    expect(s02['F']?.v as number).toBeCloseTo((s02['E']?.v as number) - 2, 2);
    expect(s02['H']?.v as number).toBeCloseTo(((s02['F']?.v as number) / (s02['G']?.v as number)) * 100, 1);
  });
});
