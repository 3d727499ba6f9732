/**
 * The agency's self-assessment report on the demo workspace, read back with openpyxl and exceljs:
 * every template item with the engine's self scores, the appraisal of 1.1.2, the evidence, the
 * totals of results.json, the declared figures, the header and signature blocks, and no formula.
 */
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeAgencyReport } from '../../../electron/services/reports/agency.ts';
import { toCellValue } from '../../../electron/services/reports/kit/cell.ts';
import type { ReportContext } from '../../../electron/services/reports/kit/context.ts';
import type { WorkspaceStore } from '../../../electron/services/store/workspace.ts';
import type { AgencyResult } from '../../../shared/results/schema.ts';
import type { Assessment } from '../../../shared/schema/assessment.ts';
import { scoreAssessment } from '../../../shared/scoring/index.ts';
import { type CompiledTemplate, compileTemplate } from '../../../shared/template/compile.ts';
import { openpyxlDump, type PyBook, type PySheet, worksheetXml } from '../kit/helpers.ts';
import { defaultFooter } from '../../../electron/services/reports/kit/context.ts';
import type { Results } from '../../../shared/results/schema.ts';
import type { Template } from '../../../shared/schema/template.ts';
import { isoFixture } from '../../results/iso-fixture.ts';
import { buildDemo, type Demo, demoContext, EXEMPT_REASON, ISO_COMMENT, LONG, PAYLOADS, TAINTED } from './demo.ts';

let demo: Demo;
let ctx: ReportContext;
let ws: WorkspaceStore;

beforeAll(async () => {
  demo = await buildDemo();
  ({ ctx, ws } = await demoContext(demo));
}, 180_000);
afterAll(async () => {
  await ws?.close();
  demo?.cleanup();
});

/** Rows of a sheet as column letter → cell, keyed by row number. */
function rows(sheet: PySheet): Map<number, Record<string, PySheet['cells'][string]>> {
  const out = new Map<number, Record<string, PySheet['cells'][string]>>();
  for (const [addr, cell] of Object.entries(sheet.cells)) {
    const m = /^([A-Z]+)(\d+)$/.exec(addr)!;
    const r = Number(m[2]);
    if (!out.has(r)) out.set(r, {});
    out.get(r)![m[1]!] = cell;
  }
  return out;
}

const HEADER_ROWS = 8; // rows 1–3 header block, 5 title, 6 subtitle, 8 column headers

describe('the agency report of S02', () => {
  let book: PyBook;
  let main: PySheet;
  let file = '';
  let ct: CompiledTemplate;
  let assessment: Assessment;
  let result: AgencyResult;
  let byCode: Map<string, Record<string, PySheet['cells'][string]>>;
  let byLabel: Map<string, Record<string, PySheet['cells'][string]>>;

  beforeAll(async () => {
    file = path.join(demo.dir, 'S02.xlsx');
    await writeAgencyReport(ctx, 'S02', file);
    book = openpyxlDump(file);
    main = book.data[book.sheets[0]!]!;
    result = demo.results.agencies.find((r) => r.agency.code === 'S02')!;
    ct = compileTemplate(ws.template(result.template)!);
    assessment = (await ws.readAssessment('S02'))!;
    byCode = new Map();
    byLabel = new Map();
    for (const [r, cells] of rows(main)) {
      if (r <= HEADER_ROWS) continue;
      const code = cells['A']?.v;
      if (typeof code === 'string' && code !== '') byCode.set(code, cells);
      const label = cells['B']?.v;
      if (typeof label === 'string') byLabel.set(label, cells);
    }
  });

  it('has the two sheets, the official header and the agency as subtitle', () => {
    expect(book.sheets).toEqual(['Kết quả tự đánh giá', 'Số liệu kê khai', 'Bộ tiêu chí iso-9001']);
    expect(main.cells['A1']?.v).toBe('UBND TỈNH MINH SƠN');
    expect(main.cells['A2']).toMatchObject({ v: 'SỞ NỘI VỤ', bold: true });
    expect(main.cells['A5']?.v).toBe(`BÁO CÁO KẾT QUẢ TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM ${demo.results.campaign.year}`);
    expect(main.cells['A6']?.v).toBe('Sở Nội vụ');
    expect(Object.values(main.cells).find((c) => c.v === 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')?.bold).toBe(true);
    expect(main.paperSize).toBe(9);
    expect(main.orientation).toBe('landscape');
    expect(main.printTitleRows).toBe('$8:$8');
    expect(main.freeze).toBe('A9');
  });

  it('lists every item of its template, in order, with the self scores of scoreAssessment', () => {
    const listed = [...rows(main)].filter(([r]) => r > HEADER_ROWS).map(([, c]) => c['A']?.v).filter((v) => typeof v === 'string' && ct.index.has(v));
    expect(listed).toEqual(ct.nodes.map((n) => n.code));
    const engine = scoreAssessment(ct, assessment).report;
    let compared = 0;
    for (const node of ct.nodes) {
      const cells = byCode.get(node.code)!;
      expect(cells['C']?.v).toBe(node.item.max);
      const s = engine.items[node.code]!;
      if (node.item.survey) {
        expect(cells['E']).toBeUndefined();
        continue;
      }
      if (s.state === 'notApplicable') continue;
      expect(cells['E']?.v, node.code).toBe(s.score);
      expect(cells['E']?.fmt).toBe('#,##0.00');
      compared++;
    }
    expect(compared).toBeGreaterThan(40);
  });

  it('shows the declared figures in words and the evidence references', () => {
    let withEvidence = 0;
    for (const [code, entry] of Object.entries(assessment.items)) {
      const cells = byCode.get(code)!;
      if (entry.input?.kind === 'binary') expect(cells['D']?.v).toBe(entry.input.value === 'yes' ? 'Có' : 'Không');
      if (entry.input?.kind === 'ratio' && entry.input.denominator > 0) expect(String(cells['D']?.v)).toMatch(/^\d+\/\d+ \(\d+,\d\d%\)$/);
      if (entry.input?.kind === 'count') expect(cells['D']?.v).toBe(`${entry.input.value} lần`);
      for (const ref of entry.evidence) {
        expect(String(cells['F']?.v)).toContain(ref.docNo);
        if (ref.date) expect(String(cells['F']?.v)).toContain(`${ref.date.slice(8, 10)}/${ref.date.slice(5, 7)}/${ref.date.slice(0, 4)}`);
        withEvidence++;
      }
      if (entry.explanation) expect(cells['G']?.v).toBe(entry.explanation);
    }
    expect(withEvidence).toBeGreaterThan(10);
  });

  it('shows the appraised score and comment of 1.1.2, and the survey items with their survey score', () => {
    expect(byCode.get('1.1.2')?.['I']?.v).toBe(0);
    expect(byCode.get('1.1.2')?.['J']?.v).toBe('Kế hoạch chưa nêu rõ sản phẩm');
    // Other items: appraised = self where not appraised, no comment.
    expect(byCode.get('1.1.1')?.['I']?.v).toBe(byCode.get('1.1.1')?.['E']?.v);
    expect(byCode.get('1.1.1')?.['J']).toBeUndefined();
    const survey = ct.nodes.filter((n) => n.item.survey && n.leaf);
    expect(survey.length).toBeGreaterThan(0);
    for (const n of survey) {
      const cells = byCode.get(n.code)!;
      expect(typeof cells['H']?.v).toBe('number');
      expect(String(cells['D']?.v)).toMatch(/^Điều tra xã hội học: \d/);
    }
  });

  it('ends with the totals of results.json', () => {
    const get = (label: string, col: string) => byLabel.get(label)?.[col]?.v;
    expect(get('Tổng điểm tự đánh giá (không gồm điểm điều tra xã hội học)', 'E')).toBe(result.self.score);
    expect(get('Tổng điểm tự đánh giá (không gồm điểm điều tra xã hội học)', 'C')).toBe(result.self.max);
    expect(get('Tổng điểm thẩm định (không gồm điểm điều tra xã hội học)', 'I')).toBe(result.appraised.score);
    expect(get('Điểm điều tra xã hội học', 'H')).toBe(result.survey.score);
    expect(get('Điểm thưởng', 'I')).toBe(result.bonus);
    expect(get('Điểm trừ', 'I')).toBe(result.penalty);
    expect(get('TỔNG ĐIỂM', 'I')).toBe(result.total);
    expect(get('TỔNG ĐIỂM', 'C')).toBe(result.max);
    expect(get('CHỈ SỐ CẢI CÁCH HÀNH CHÍNH (%)', 'I')).toBe(result.index);
    expect(byLabel.get('TỔNG ĐIỂM')?.['I']?.bold).toBe(true);
    // The appraisal lowered 1.1.2 from its self score: the appraised total is lower.
    expect(result.appraised.score).toBeLessThan(result.self.score);
  });

  it('has the bonus and penalty blocks', () => {
    for (const item of ct.template.bonus.items) expect(byCode.get(item.code)?.['C']?.v).toBe(item.max);
    for (const item of ct.template.penalty.items) expect(byCode.get(item.code)?.['C']?.v).toBe(item.max);
    expect(byLabel.get('ĐIỂM THƯỞNG')?.['C']?.v).toBe(ct.template.bonus.cap);
    expect(byLabel.get('ĐIỂM TRỪ')?.['C']?.v).toBe(ct.template.penalty.cap);
  });

  it("ends with the head's signature block", () => {
    const texts = Object.values(main.cells).map((c) => c.v);
    expect(texts).toContain('Nơi nhận:');
    expect(texts).toContain('– Sở Nội vụ;');
    expect(texts).toContain('– Lưu: VT.');
    expect(texts).toContain('THỦ TRƯỞNG CƠ QUAN');
  });

  it('lists every declared figure on the second sheet', () => {
    const sheet = book.data['Số liệu kê khai']!;
    const byInd = new Map([...rows(sheet)].filter(([r]) => r > HEADER_ROWS).map(([, c]) => [c['B']?.v, c]));
    for (const ind of ct.template.indicators) {
      const cells = byInd.get(ind.code)!;
      expect(cells, ind.code).toBeDefined();
      const v = assessment.indicators[ind.code];
      if (typeof v === 'number') expect(cells['E']?.v).toBe(v);
      else if (typeof v === 'boolean') expect(cells['E']?.v).toBe(v ? 'Có' : 'Không');
      else if (typeof v === 'string') expect(cells['E']?.v).toBe(toCellValue(v));
    }
  });

  it('reads back with exceljs, with Times New Roman and no formula', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const sheet = wb.getWorksheet('Kết quả tự đánh giá')!;
    expect(sheet.getCell('A1').value).toBe('UBND TỈNH MINH SƠN');
    expect(sheet.getCell('A1').font.name).toBe('Times New Roman');
    let formulas = 0;
    wb.eachSheet((s) => s.eachRow((r) => r.eachCell((c) => void (c.type === ExcelJS.ValueType.Formula && formulas++))));
    expect(formulas).toBe(0);
    for (const xml of await worksheetXml(file)) expect(xml).not.toMatch(/<f[ >]/);
  });
});

describe('agency reports of a district and a commune', () => {
  it('puts the district above a commune (three-tier model) and the province above a district', async () => {
    const campaign = ctx.campaign;
    const commune = campaign.agencies.find((a) => a.group === 'commune' && a.parent && demo.results.agencies.some((r) => r.agency.code === a.code && r.submitted))!;
    const district = campaign.agencies.find((a) => a.code === commune.parent)!;
    const f1 = path.join(demo.dir, 'commune.xlsx');
    await writeAgencyReport(ctx, commune.code, f1);
    const c = Object.values(openpyxlDump(f1).data)[0]!;
    expect(c.cells['A1']?.v).toBe(`UBND ${district.name.toLocaleUpperCase('vi')}`);
    expect(c.cells['A2']?.v).toBe(`UBND ${commune.name.toLocaleUpperCase('vi')}`);
    const f2 = path.join(demo.dir, 'district.xlsx');
    await writeAgencyReport(ctx, district.code, f2);
    const d = Object.values(openpyxlDump(f2).data)[0]!;
    expect(d.cells['A1']?.v).toBe('UBND TỈNH MINH SƠN');
    expect(d.cells['A2']?.v).toBe(`UBND ${district.name.toLocaleUpperCase('vi')}`);
  });

  it('refuses an unknown agency', async () => {
    await expect(writeAgencyReport(ctx, 'NOPE', path.join(demo.dir, 'nope.xlsx'))).rejects.toThrow(/NOPE/);
  });
});

describe('formula payloads in an agency report', () => {
  it('come out as text starting with an apostrophe, and no cell is a formula', async () => {
    const file = path.join(demo.dir, `${TAINTED}.xlsx`);
    await writeAgencyReport(ctx, TAINTED, file);
    const sheet = Object.values(openpyxlDump(file).data)[0]!;
    const values = Object.values(sheet.cells);
    for (const c of values) {
      expect(c.t).not.toBe('f');
      if (typeof c.v === 'string') expect(c.v).not.toMatch(/^[=+\-@\t\r\n]/);
    }
    for (const p of PAYLOADS) expect(values.some((c) => c.v === toCellValue(p)), p).toBe(true);
    expect(toCellValue(PAYLOADS[0])).toBe(`'${PAYLOADS[0]}`);
    expect(values.some((c) => c.v === LONG)).toBe(true);
    for (const xml of await worksheetXml(file)) expect(xml).not.toMatch(/<f[ >]/);
  });
});

/** The ISO checklist sheet's rows below the header: by item code, and by the label in column B. */
function isoSheet(file: string): { sheet: PySheet; byCode: Map<string, Record<string, PySheet['cells'][string]>>; byLabel: Map<string, Record<string, PySheet['cells'][string]>>; codes: string[] } {
  const book = openpyxlDump(file);
  const sheet = book.data['Bộ tiêu chí iso-9001']!;
  const byCode = new Map<string, Record<string, PySheet['cells'][string]>>();
  const byLabel = new Map<string, Record<string, PySheet['cells'][string]>>();
  const codes: string[] = [];
  for (const [r, cells] of rows(sheet)) {
    if (r <= HEADER_ROWS) continue;
    const code = cells['A']?.v;
    if (typeof code === 'string' && /^[A-E][\d.]*$/.test(code)) {
      byCode.set(code, cells);
      codes.push(code);
    } else if (typeof cells['B']?.v === 'string') byLabel.set(cells['B'].v, cells);
  }
  return { sheet, byCode, byLabel, codes };
}

describe('the ISO 9001 checklist sheet of an agency report (demo)', () => {
  it("lists S02's checklist items with the stored self scores, A1's appraisal, the evidence and the totals of results.json", async () => {
    const file = path.join(demo.dir, 'S02-iso.xlsx');
    await writeAgencyReport(ctx, 'S02', file);
    const { sheet, byCode, byLabel, codes } = isoSheet(file);
    const result = demo.results.agencies.find((r) => r.agency.code === 'S02')!.additional[0]!;
    const iso = compileTemplate(ws.template(result.template)!);
    expect(sheet.cells['A5']?.v).toBe(`BÁO CÁO KẾT QUẢ TỰ ĐÁNH GIÁ THEO BỘ TIÊU CHÍ BỔ SUNG NĂM ${demo.results.campaign.year}`);
    expect(sheet.cells['A6']?.v).toBe('Sở Nội vụ');
    expect(String(sheet.cells['A9']?.v)).toMatch(/^Bộ tiêu chí đánh giá việc áp dụng Hệ thống quản lý chất lượng .*\(mã iso-9001, phiên bản 1\)$/);
    expect(codes).toEqual(iso.nodes.map((n) => n.code));
    const stored = (await ws.readAssessment('S02'))!.additional['iso-9001']!.items;
    let refs = 0;
    for (const [code, entry] of Object.entries(stored)) {
      const cells = byCode.get(code)!;
      if (entry.input?.kind !== 'notApplicable' && entry.selfScore !== null) expect(cells['E']?.v, code).toBe(entry.selfScore);
      if (entry.input?.kind === 'binary') expect(cells['D']?.v).toBe(entry.input.value === 'yes' ? 'Có' : 'Không');
      if (entry.explanation) expect(cells['G']?.v).toBe(entry.explanation);
      for (const ref of entry.evidence) {
        const text = String(cells['F']?.v);
        expect(text).toContain(ref.docNo);
        if (ref.date) expect(text).toContain(`${ref.date.slice(8, 10)}/${ref.date.slice(5, 7)}/${ref.date.slice(0, 4)}`);
        if (ref.issuer) expect(text).toContain(ref.issuer);
        if (ref.title) expect(text).toContain(ref.title);
        refs++;
      }
    }
    expect(refs).toBeGreaterThan(10);
    expect([byCode.get('A1')?.['E']?.v, byCode.get('A1')?.['H']?.v, byCode.get('A1')?.['I']?.v]).toEqual([4, 2, ISO_COMMENT]);
    // A2 is not appraised: its appraised score is its self score.
    expect(byCode.get('A2')?.['H']?.v).toBe(byCode.get('A2')?.['E']?.v);
    expect(byLabel.get('Tổng điểm tự đánh giá')?.['E']?.v).toBe(result.self.score);
    expect(byLabel.get('Tổng điểm tự đánh giá')?.['E']?.v as number).toBeCloseTo(Object.values(stored).reduce((s, e) => s + (e.selfScore ?? 0), 0), 1);
    expect(byLabel.get('Tổng điểm thẩm định')?.['H']?.v).toBe(result.appraised.score);
    expect(result.appraised.score).toBeCloseTo(result.self.score - 2, 2);
    expect(byLabel.get('Tỷ lệ đạt (%)')?.['H']?.v).toBe(result.percent);
    expect(byLabel.has(`Xếp loại: ${({ good: 'Đạt tốt', pass: 'Đạt', remedy: 'Đạt có khắc phục', fail: 'Không đạt' } as const)[result.band!]}`)).toBe(true);
    expect([...byLabel.keys()].some((k) => /^Giai đoạn đã đạt: (Đã |Chưa đạt)/.test(k))).toBe(true);
  });

  it('says "Không áp dụng (miễn)" with the reason for an exempt commune, and lists no item', async () => {
    const code = ctx.campaign.exemptions[0]!.agency;
    const file = path.join(demo.dir, `${code}-iso.xlsx`);
    await writeAgencyReport(ctx, code, file);
    const { sheet, codes } = isoSheet(file);
    expect(codes).toEqual([]);
    const texts = Object.values(sheet.cells).map((c) => c.v);
    expect(texts).toContain(`Không áp dụng (miễn) — lý do: ${EXEMPT_REASON}`);
    expect(texts).toContain('THỦ TRƯỞNG CƠ QUAN');
  });
});

describe('the ISO 9001 checklist sheet on the hand-computed fixture', () => {
  async function fixtureReport(code: string): Promise<ReturnType<typeof isoSheet>> {
    const f = await isoFixture();
    const templates: Template[] = [f.iso.template, f.dept.template];
    const store = {
      template: (ref: { id: string }) => templates.find((x) => x.id === ref.id) ?? null,
      readAssessment: async (c: string) => f.agencies.find((a) => a.agency.code === c)?.assessment ?? null,
      readAppraisal: async (c: string) => f.agencies.find((a) => a.agency.code === c)?.appraisal ?? null,
      readSurvey: async () => null,
    } as unknown as WorkspaceStore;
    const fctx: ReportContext = { results: f.results as Results, campaign: f.campaign, lang: 'vi', date: new Date(2026, 0, 15), footer: defaultFooter(f.campaign, 'vi'), ws: store };
    const file = path.join(demo.dir, `fixture-${code}.xlsx`);
    await writeAgencyReport(fctx, code, file);
    return isoSheet(file);
  }

  it('S1: self 74, B2 appraised 8 → 82 of 100, 82,00 %, "Đạt", phase reached "announced"', async () => {
    const { byCode, byLabel } = await fixtureReport('S1');
    expect(byCode.get('A')?.['E']?.v).toBe(35);
    expect(byCode.get('B')?.['E']?.v).toBe(10);
    expect(byCode.get('B')?.['H']?.v).toBe(18);
    expect([byCode.get('B2')?.['E']?.v, byCode.get('B2')?.['H']?.v]).toEqual([0, 8]);
    expect(byCode.get('D')?.['E']?.v).toBe(6);
    expect([byLabel.get('Tổng điểm tự đánh giá')?.['C']?.v, byLabel.get('Tổng điểm tự đánh giá')?.['E']?.v]).toEqual([100, 74]);
    expect(byLabel.get('Tổng điểm thẩm định')?.['H']?.v).toBe(82);
    expect(byLabel.get('Tỷ lệ đạt (%)')?.['H']?.v).toBe(82);
    expect(byLabel.has('Xếp loại: Đạt')).toBe(true);
    expect(byLabel.has('Giai đoạn đã đạt: Đã công bố')).toBe(true);
  });

  it('S2: 18 of 100 self-assessed, no appraisal column, "Không đạt", phase reached "built"', async () => {
    const { byCode, byLabel } = await fixtureReport('S2');
    expect(byCode.get('A')?.['E']?.v).toBe(18);
    expect(byCode.get('A5')?.['E']?.v).toBe(5);
    expect(byCode.get('A')?.['H']).toBeUndefined();
    expect(byLabel.has('Tổng điểm thẩm định')).toBe(false);
    expect(byLabel.get('Tỷ lệ đạt (%)')?.['E']?.v).toBe(18);
    expect(byLabel.has('Xếp loại: Không đạt')).toBe(true);
    expect(byLabel.has('Giai đoạn đã đạt: Đã xây dựng')).toBe(true);
  });

  it('S3: exempt, with the reason the campaign gives', async () => {
    const { sheet, codes } = await fixtureReport('S3');
    expect(codes).toEqual([]);
    expect(Object.values(sheet.cells).map((c) => c.v)).toContain('Không áp dụng (miễn) — lý do: Chưa thuộc đối tượng áp dụng');
  });
});
