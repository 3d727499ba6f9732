/**
 * The ISO 9001 summary, the headline indicators summary and the commendation lists, written from
 * the demo's real results (and from edited copies of them) and read back with exceljs and with
 * Debian's openpyxl.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatReason } from '../../../shared/awards/format.ts';
import type { Candidate } from '../../../shared/awards/schema.ts';
import { type Lang, t } from '../../../shared/i18n/index.ts';
import { type IndicatorFigure, type Results, ResultsV1 } from '../../../shared/results/index.ts';
import { writeCommendation } from '../../../electron/services/reports/commendation.ts';
import { figurePhrase, headlinePhrase, isFigureIssue, writeIndicators } from '../../../electron/services/reports/indicators.ts';
import { writeIsoSummary } from '../../../electron/services/reports/iso.ts';
import { type ReportContext, defaultFooter } from '../../../electron/services/reports/kit/context.ts';
import { type Demo, buildDemo } from './demo.ts';
import { type Book, type Cell, type Sheet, type Value, readBoth, sheetOf, strings, table, values } from './read.ts';

const tmp = mkdtempSync(join(tmpdir(), 'parscore-lists-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let demo: Demo;
beforeAll(async () => {
  demo = await buildDemo(join(tmp, 'demo'));
}, 240_000);

const DATE = new Date(2025, 1, 5);
let fileNo = 0;

function ctxOf(results: Results, lang: Lang = 'vi'): ReportContext {
  return { results, campaign: demo.campaign, lang, date: DATE, footer: defaultFooter(demo.campaign, lang) };
}

type Writer = (ctx: ReportContext, file: string) => Promise<void>;

/** Writes a report and reads it back with both readers, which must agree cell by cell. */
async function write(writer: Writer, results: Results, lang: Lang = 'vi'): Promise<Book> {
  const file = join(tmp, `report-${++fileNo}.xlsx`);
  await writer(ctxOf(results, lang), file);
  const { exceljs, openpyxl } = await readBoth(file);
  expect(openpyxl.sheets.map((s) => s.name)).toEqual(exceljs.sheets.map((s) => s.name));
  for (const [i, a] of exceljs.sheets.entries()) {
    const b = openpyxl.sheets[i]!;
    expect([b.orientation, b.titleRows, b.frozenRows], a.name).toEqual([a.orientation, a.titleRows, a.frozenRows]);
    const n = Math.max(a.rows.length, b.rows.length);
    for (let r = 0; r < n; r++) {
      expect(values(b.rows[r]), `${a.name} row ${r + 1}`).toEqual(values(a.rows[r]));
      for (const [c, cell] of (a.rows[r] ?? []).entries()) {
        if (cell?.v === null || cell === null) continue;
        const other = b.rows[r]?.[c];
        expect([other?.fmt, other?.bold], `${a.name} row ${r + 1} column ${c + 1}`).toEqual([cell.fmt, cell.bold]);
      }
    }
  }
  expect(exceljs.formulas).toEqual([]);
  expect(openpyxl.formulas).toEqual([]);
  return exceljs;
}

const clone = (r: Results): Results => structuredClone(r);
const header = (s: Sheet, row = s.titleRows[1]): Value[] => values(s.rows[row - 1]);
const trim = (v: Value[]): Value[] => {
  const out = [...v];
  while (out.length > 0 && (out[out.length - 1] === null || out[out.length - 1] === '')) out.pop();
  return out;
};
const isSection = (row: readonly (Cell | null)[]): boolean => typeof row[0]?.v === 'string' && row.slice(1).every((c) => c === null);
/** The numbered rows of a table (not its sections nor its notes). */
const dataRows = (s: Sheet): (Cell | null)[][] => table(s).filter((x) => typeof x[0]?.v === 'number');
/** The text of the sheet's title and subtitle rows. */
const titleOf = (s: Sheet): string[] => [String(s.rows[4]?.[0]?.v ?? ''), String(s.rows[5]?.[0]?.v ?? '')];
/** The common page layout of a table: headers repeated on every page and frozen. */
function expectLayout(s: Sheet, orientation: 'landscape' | 'portrait', headerRows: number): void {
  expect(s.orientation).toBe(orientation);
  expect(s.titleRows[1] - s.titleRows[0] + 1).toBe(headerRows);
  expect(s.frozenRows).toBe(s.titleRows[1]);
}

describe('ISO 9001 application summary', () => {
  it('counts per group and for the whole province, as in results.json', async () => {
    const iso = demo.results.iso!;
    expect(iso.length).toBeGreaterThan(1);
    const book = await write(writeIsoSummary, demo.results);
    // The demo assesses the ISO 9001 checklist too: its three sheets follow the declared figures.
    expect(book.sheets.map((s) => s.name)).toEqual(['Tổng hợp ISO 9001', 'Đơn vị chưa đủ các bước', 'Bộ tiêu chí ISO', 'Kết quả ISO từng đơn vị', 'Chênh lệch kê khai']);
    expect(demo.results.isoChecklist!.find((x) => x.scope === 'all')!.exempt).toBeGreaterThan(0);
    const s = sheetOf(book, 'Tổng hợp ISO 9001');
    expectLayout(s, 'landscape', 2);
    expect(titleOf(s)).toEqual([
      'TỔNG HỢP TÌNH HÌNH ÁP DỤNG HỆ THỐNG QUẢN LÝ CHẤT LƯỢNG THEO TIÊU CHUẨN TCVN ISO 9001:2008',
      '(Kèm theo kết quả xác định Chỉ số cải cách hành chính năm 2024)',
    ]);
    expect(header(s, s.titleRows[0])).toEqual(['STT', 'Khối cơ quan, đơn vị', 'Số cơ quan, đơn vị', 'Xây dựng', null, null, 'Công bố', null, null, 'Duy trì', null, null, 'Đủ cả ba bước']);
    expect(header(s)).toEqual([null, null, null, ...Array.from({ length: 4 }, () => ['Số lượng', 'Tỷ lệ x/y', 'Tỷ lệ (%)']).flat()]);
    const rows = table(s);
    expect(rows).toHaveLength(iso.length);
    const groups = iso.filter((x) => x.scope !== 'all');
    for (const [i, scope] of iso.entries()) {
      const row = rows[i]!;
      const label = scope.scope === 'all' ? 'Toàn tỉnh' : t('vi', `results.group.${scope.scope}`);
      const expected: Value[] = [scope.scope === 'all' ? null : groups.indexOf(scope) + 1, label, scope.agencies];
      for (const step of [scope.built, scope.announced, scope.maintained, scope.complete]) expected.push(step.count, `${step.count}/${scope.agencies}`, step.percent);
      expect(values(row)).toEqual(trim(expected));
      expect(row.map((c) => c?.fmt)).toEqual(['#,##0', 'General', '#,##0', ...Array.from({ length: 4 }, () => ['#,##0', 'General', '0.00']).flat()]);
      expect(row[1]!.bold).toBe(scope.scope === 'all');
    }
  });

  it('lists every agency short of a step, per group, with each step as declared', async () => {
    const iso = demo.results.iso!;
    const book = await write(writeIsoSummary, demo.results);
    const s = sheetOf(book, 'Đơn vị chưa đủ các bước');
    expectLayout(s, 'landscape', 1);
    expect(header(s)).toEqual(['STT', 'Mã', 'Tên cơ quan, đơn vị', 'Xây dựng', 'Công bố', 'Duy trì', 'Bước còn thiếu']);
    const expected: Value[][] = [];
    iso
      .filter((x) => x.scope !== 'all')
      .forEach((scope, i) => {
        expected.push([`${['I', 'II', 'III'][i]}. ${t('vi', `results.group.${scope.scope}`)} (${scope.agencies} cơ quan, đơn vị)`]);
        scope.missing.forEach((g, j) =>
          expected.push([
            j + 1,
            g.agency,
            g.name,
            t('vi', `results.iso_state.${g.built}`),
            t('vi', `results.iso_state.${g.announced}`),
            t('vi', `results.iso_state.${g.maintained}`),
            g.missing.map((m) => ({ built: 'Xây dựng', announced: 'Công bố', maintained: 'Duy trì' })[m]).join('; '),
          ]),
        );
      });
    expect(table(s).map(values)).toEqual(expected);
    // The demo has an agency that sent nothing: shown as such.
    expect(table(s).flatMap((r) => values(r))).toContain('Chưa nộp kết quả tự đánh giá');
  });

  it('says so on one sheet when the campaign names no ISO figures', async () => {
    const r = clone(demo.results);
    r.iso = null;
    const book = await write(writeIsoSummary, r);
    expect(book.sheets.map((s) => s.name)).toEqual(['Tổng hợp ISO 9001', 'Bộ tiêu chí ISO', 'Kết quả ISO từng đơn vị', 'Chênh lệch kê khai']);
    const rows = table(book.sheets[0]!);
    expect(rows.map(values)).toEqual([[t('vi', 'rlist.iso.not_configured')]]);
    expect(book.sheets[0]!.rows.flat().some((c) => typeof c?.v === 'string' && c.v.includes('Trần Thị Thu Hà'))).toBe(true);
  });

  it('shows a group without agencies and a group without gaps', async () => {
    const r = clone(demo.results);
    const iso = r.iso!;
    const empty = { count: 0, percent: null };
    const district = iso.find((x) => x.scope === 'district')!;
    Object.assign(district, { agencies: 0, built: empty, announced: empty, maintained: empty, complete: empty, missing: [] });
    iso.find((x) => x.scope === 'commune')!.missing = [];
    // A department that declared nothing about one step.
    const dept = iso.find((x) => x.scope === 'department')!;
    Object.assign(dept.missing[0]!, { built: 'not_declared', announced: 'yes', maintained: 'yes', missing: ['built'] });
    expect(ResultsV1.safeParse(r).success).toBe(true);
    const book = await write(writeIsoSummary, r);
    const summary = table(sheetOf(book, 'Tổng hợp ISO 9001'));
    expect(values(summary[1])).toEqual([2, 'UBND cấp huyện', 0, 0, '0/0', null, 0, '0/0', null, 0, '0/0', null, 0, '0/0']);
    const gaps = table(sheetOf(book, 'Đơn vị chưa đủ các bước')).map(values);
    expect(gaps).toContainEqual([null, null, 'Khối không có cơ quan, đơn vị nào.']);
    expect(gaps).toContainEqual([null, null, 'Tất cả cơ quan, đơn vị của khối đã xây dựng, công bố và duy trì hệ thống quản lý chất lượng.']);
    const first = dept.missing[0]!;
    expect(gaps).toContainEqual([1, first.agency, first.name, 'Chưa kê khai', 'Có', 'Có', 'Xây dựng']);
  });

  it('speaks English when asked', async () => {
    const book = await write(writeIsoSummary, demo.results, 'en');
    expect(book.sheets.map((s) => s.name)).toEqual(['ISO 9001 summary', 'Agencies with steps missing', 'ISO checklist', 'ISO per agency', 'Declared vs checklist']);
    expect(table(book.sheets[0]!).at(-1)![1]!.v).toBe('Whole province');
  });
});

describe('headline indicators summary', () => {
  const UNIT: Record<IndicatorFigure['aggregate'], string> = { SUM: 'Tổng cộng', AVERAGE: 'Bình quân', COUNT_YES: 'Tỷ lệ x/y', SHARED: 'Giá trị chung của khối' };

  const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI'];
  const pickT = (lang: Lang, x: { vi: string; en?: string }) => (lang === 'en' ? (x.en ?? x.vi) : x.vi);

  function expectedRows(r: Results, lang: Lang = 'vi'): Value[][] {
    const rows: Value[][] = [];
    // The campaign's headlines first (figures adding groups up), each followed by its parts.
    const first = r.headlines.length > 0 ? 1 : 0;
    if (first) rows.push([t(lang, 'rlist.ind.headlines', { no: 'I' })]);
    r.headlines.forEach((h, i) => {
      rows.push(trim([i + 1, h.code, pickT(lang, h.title), h.unit, t(lang, 'rlist.ind.aggregate.HEADLINE'), h.value, null, null, null, headlinePhrase(lang, h)]));
      for (const p of h.parts) {
        const group = t(lang, `results.group.${p.group}`);
        const phrase = p.state === 'ok' ? figurePhrase(lang, p.group, { code: p.indicator, title: p.title!, unit: h.unit, agencies: 1, declared: 1, refused: 0, aggregate: 'SUM', value: p.value }) : t(lang, `rlist.ind.part.${p.state}`, { group, indicator: p.indicator });
        rows.push(trim([null, p.indicator, `– ${group}: ${p.title ? pickT(lang, p.title) : p.indicator}`, h.unit, p.aggregate ? t(lang, `rlist.ind.aggregate.${p.aggregate}`) : null, p.value, null, null, null, phrase]));
      }
    });
    r.indicators.forEach((scope, i) => {
      const label = scope.scope === 'all' ? t(lang, 'rlist.scope.all') : t(lang, `results.group.${scope.scope}`);
      rows.push([t(lang, 'rlist.section_count', { no: ROMAN[i + first]!, label, count: String(scope.agencies) })]);
      if (scope.figures.length === 0) rows.push([null, null, t(lang, 'rlist.ind.no_figures')]);
      scope.figures.forEach((f, j) => {
        const yes = f.aggregate === 'COUNT_YES';
        rows.push(
          trim([
            j + 1,
            f.code,
            lang === 'en' ? (f.title.en ?? f.title.vi) : f.title.vi,
            f.unit ?? null,
            lang === 'vi' ? UNIT[f.aggregate] : t(lang, `rlist.ind.aggregate.${f.aggregate}`),
            yes || f.declared === 0 ? null : f.value,
            yes ? f.yes : null,
            yes ? f.of : null,
            yes ? f.percent : null,
            figurePhrase(lang, scope.scope, f),
            f.agencies,
            f.declared,
          ]),
        );
      });
    });
    // Then what was left out of the figures or disagrees, agency by agency.
    const problems = r.issues.filter((i) => isFigureIssue(i.code));
    if (problems.length > 0) rows.push([t(lang, 'rlist.ind.problems', { no: ROMAN[first + r.indicators.length]! })]);
    problems.forEach((i, n) => rows.push(trim([n + 1, i.at?.agency ?? null, t(lang, i.code, i.params ?? {})])));
    return rows;
  }

  it('holds every declared figure per group and for the province, with the phrase a review quotes', async () => {
    const book = await write(writeIndicators, demo.results);
    expect(book.sheets.map((s) => s.name)).toEqual(['Số liệu chủ yếu']);
    const s = book.sheets[0]!;
    expectLayout(s, 'landscape', 1);
    expect(titleOf(s)).toEqual(['TỔNG HỢP SỐ LIỆU CHỦ YẾU VỀ CẢI CÁCH HÀNH CHÍNH', '(Theo số liệu kê khai của các cơ quan, đơn vị năm 2024)']);
    expect(header(s)).toEqual([
      'STT',
      'Mã',
      'Số liệu',
      'Đơn vị tính',
      'Cách tổng hợp',
      'Giá trị',
      'Số cơ quan, đơn vị đạt (x)',
      'Tổng số cơ quan, đơn vị (y)',
      'Tỷ lệ (%)',
      'Cách nêu trong báo cáo',
      'Số cơ quan, đơn vị áp dụng',
      'Số cơ quan, đơn vị đã kê khai',
    ]);
    const rows = table(s);
    expect(rows.map(values)).toEqual(expectedRows(demo.results));
    // Numbers are numbers, with the report's formats.
    const data = rows.filter((r) => !isSection(r));
    for (const r of data) expect([r[0]?.fmt, r[5]?.fmt, r[6]?.fmt, r[7]?.fmt, r[8]?.fmt, r[10]?.fmt, r[11]?.fmt]).toEqual(['#,##0', '#,##0.00', '#,##0', '#,##0', '0.00', '#,##0', '#,##0']);
    // The phrases of the review, from the demo's own figures.
    const dept = demo.results.indicators.find((x) => x.scope === 'department')!;
    const kk07 = dept.figures.find((f) => f.code === 'KK07')!;
    expect(kk07.aggregate).toBe('COUNT_YES');
    const row07 = rows.find((r) => r[1]?.v === 'KK07')!;
    if (kk07.aggregate === 'COUNT_YES') expect(row07[9]!.v).toBe(`${kk07.yes}/${kk07.of} sở, ban, ngành`);
    const district = demo.results.indicators.find((x) => x.scope === 'district')!;
    const full = district.figures.find((f) => f.aggregate === 'COUNT_YES' && f.yes === f.of);
    if (full?.aggregate === 'COUNT_YES') expect(figurePhrase('vi', 'district', full)).toBe(`${full.of}/${full.of} huyện`);
    expect(full).toBeDefined();
  });

  it('groups thousands the Vietnamese way in the phrases, and keeps the counts as numbers with a grouping format', async () => {
    const base = { code: 'X', title: { vi: 'X' }, agencies: 16162, declared: 16162, refused: 0 };
    expect(figurePhrase('vi', 'all', { ...base, unit: 'văn bản', aggregate: 'SUM', value: 1675 })).toBe('1.675 văn bản');
    expect(figurePhrase('vi', 'all', { ...base, unit: null, aggregate: 'SUM', value: 1675.5 })).toBe('1.675,5');
    expect(figurePhrase('vi', 'commune', { ...base, unit: null, aggregate: 'COUNT_YES', yes: 1675, of: 16162, percent: 10.36 })).toBe('1.675/16.162 xã (10,36%)');
    expect(figurePhrase('en', 'all', { ...base, unit: 'documents', aggregate: 'SUM', value: 1675 })).toBe('1,675 documents');
    expect(figurePhrase('en', 'commune', { ...base, unit: null, aggregate: 'COUNT_YES', yes: 1675, of: 16162, percent: 10.36 })).toContain('1,675/16,162');

    // The report itself: the demo's first commune figures made a national size.
    const results: Results = structuredClone(demo.results);
    const communes = results.indicators.find((x) => x.scope === 'commune')!;
    communes.agencies = 16162;
    const sum = communes.figures.find((f) => f.aggregate === 'SUM')!;
    const count = communes.figures.find((f) => f.aggregate === 'COUNT_YES')!;
    Object.assign(sum, { value: 1675, unit: 'văn bản' });
    Object.assign(count, { yes: 1675, of: 16162, percent: 10.36, agencies: 16162, declared: 16162 });
    const book = await write(writeIndicators, ResultsV1.parse(results));
    const s = book.sheets[0]!;
    const rows = table(s);
    const row = (code: string) => rows.find((r) => r[1]?.v === code && r[9]?.v !== undefined && String(r[9]?.v).includes('1.675'))!;
    expect(row(sum.code)[9]?.v).toBe('1.675 văn bản');
    expect(row(count.code)[9]?.v).toBe('1.675/16.162 xã (10,36%)');
    expect([row(count.code)[6], row(count.code)[7]].map((c) => [c?.v, c?.fmt])).toEqual([
      [1675, '#,##0'],
      [16162, '#,##0'],
    ]);
    expect(strings(book).some((x) => x.s.endsWith(`${t('vi', 'results.group.commune')} (16.162 cơ quan, đơn vị)`))).toBe(true);
  });

  it('quotes communes as a percentage, averages and sums with their units', () => {
    const base = { code: 'X', title: { vi: 'X' }, agencies: 31, declared: 31, refused: 0 };
    expect(figurePhrase('vi', 'commune', { ...base, unit: null, aggregate: 'COUNT_YES', yes: 31, of: 31, percent: 100 })).toBe('100% xã');
    expect(figurePhrase('vi', 'commune', { ...base, unit: null, aggregate: 'COUNT_YES', yes: 27, of: 31, percent: 87.1 })).toBe('27/31 xã (87,1%)');
    expect(figurePhrase('vi', 'department', { ...base, unit: null, aggregate: 'COUNT_YES', yes: 18, of: 21, percent: 85.71 })).toBe('18/21 sở, ban, ngành');
    expect(figurePhrase('vi', 'district', { ...base, unit: null, aggregate: 'COUNT_YES', yes: 8, of: 8, percent: 100 })).toBe('8/8 huyện');
    expect(figurePhrase('vi', 'all', { ...base, unit: 'văn bản', aggregate: 'SUM', value: 266 })).toBe('266 văn bản');
    expect(figurePhrase('vi', 'all', { ...base, unit: '%', aggregate: 'AVERAGE', value: 94.56 })).toBe('bình quân 94,56%');
    expect(figurePhrase('vi', 'all', { ...base, unit: '%', aggregate: 'AVERAGE', declared: 0, value: null })).toBe('chưa kê khai');
    expect(figurePhrase('en', 'department', { ...base, unit: null, aggregate: 'COUNT_YES', yes: 18, of: 21, percent: 85.71 })).toBe('18/21 departments');
    expect(figurePhrase('en', 'commune', { ...base, unit: null, aggregate: 'COUNT_YES', yes: 31, of: 31, percent: 100 })).toBe('100% of communes');
  });

  it('shows a group without figures, a figure nobody declared and a province with no figures at all', async () => {
    const r = clone(demo.results);
    r.indicators.find((x) => x.scope === 'department')!.figures = [];
    const commune = r.indicators.find((x) => x.scope === 'commune')!;
    const avg = commune.figures.find((f) => f.aggregate === 'AVERAGE')!;
    Object.assign(avg, { value: null, declared: 0 });
    const yes = commune.figures.find((f) => f.aggregate === 'COUNT_YES')!;
    Object.assign(yes, { yes: commune.agencies, of: commune.agencies, percent: 100 });
    expect(ResultsV1.safeParse(r).success).toBe(true);
    const book = await write(writeIndicators, r);
    const rows = table(book.sheets[0]!);
    expect(rows.map(values)).toEqual(expectedRows(r));
    expect(rows.map(values)).toContainEqual([null, null, 'Không có số liệu kê khai được tổng hợp cho khối này.']);
    const avgRow = rows.find((x) => x[1]?.v === avg.code && x[9]?.v === 'chưa kê khai');
    expect(avgRow?.[5]?.v).toBeNull();
    expect(rows.some((x) => x[1]?.v === yes.code && x[9]?.v === '100% xã')).toBe(true);

    const none = clone(demo.results);
    Object.assign(none, { indicators: [], headlines: [], issues: [] });
    const empty = await write(writeIndicators, none);
    expect(table(empty.sheets[0]!).map(values)).toEqual([['Đợt đánh giá chưa có số liệu kê khai nào được tổng hợp.']]);
  });

  it('speaks English when asked', async () => {
    const book = await write(writeIndicators, demo.results, 'en');
    expect(book.sheets.map((s) => s.name)).toEqual(['Headline figures']);
    expect(table(book.sheets[0]!).map(values)).toEqual(expectedRows(demo.results, 'en'));
  });
});

describe('commendation lists', () => {
  const COLUMNS = ['Giới tính', 'Năm sinh', 'Chức vụ', 'Đơn vị công tác', 'Chỉ số CCHC (%)', 'Xếp hạng / Xếp loại', 'Tóm tắt thành tích', 'Hình thức đề nghị', 'Cấp khen', 'Nội dung ghi trên Bằng khen', 'Ghi chú'];
  const SHEETS = ['Tập thể', 'Cá nhân', 'Không đủ điều kiện', 'Quyết định của Hội đồng'];
  const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI'];

  /** The expected table of a list sheet: a section per rule of the campaign, its candidates in order. */
  function expectedList(r: Results, kind: 'collective' | 'individual'): { sections: string[]; rows: Candidate[] } {
    const rules = kind === 'collective' ? demo.campaign.commendation.collectives : demo.campaign.commendation.individuals;
    const list = kind === 'collective' ? r.commendation.collectives : r.commendation.individuals;
    const sections: string[] = [];
    const rows: Candidate[] = [];
    rules.forEach((rule, i) => {
      const mine = list.filter((c) => c.rule === rule.id);
      sections.push(`${ROMAN[i]}. ${rule.award.vi}: ${mine.length} ${kind === 'collective' ? 'tập thể' : 'cá nhân'}`);
      rows.push(...mine);
    });
    return { sections, rows };
  }

  function rankBand(r: Results, c: Candidate): string {
    const band = r.bands.find((b) => b.code === c.agencyBand);
    const b = band ? `${band.code} (${band.label.vi})` : null;
    if (c.agencyRank !== null && b) return `Hạng ${c.agencyRank} / Loại ${b}`;
    if (c.agencyRank !== null) return `Hạng ${c.agencyRank}`;
    return b ? `Không xếp hạng / Loại ${b}` : 'Không xếp hạng';
  }

  function checkList(r: Results, sheet: Sheet, kind: 'collective' | 'individual'): void {
    expectLayout(sheet, 'landscape', 1);
    expect(header(sheet)).toEqual(['STT', kind === 'collective' ? 'Tên tập thể' : 'Họ và tên', ...COLUMNS]);
    expect(titleOf(sheet)).toEqual([
      'DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG THÀNH TÍCH TRONG CÔNG TÁC CẢI CÁCH HÀNH CHÍNH NĂM 2024',
      '(Kèm theo Tờ trình số        /TTr-SNV ngày      tháng      năm 2025 của Sở Nội vụ)',
    ]);
    const { sections, rows } = expectedList(r, kind);
    const got = table(sheet);
    expect(got.filter(isSection).map((x) => x[0]!.v)).toEqual(sections);
    const data = got.filter((x) => !isSection(x) && typeof x[0]?.v === 'number');
    expect(data).toHaveLength(rows.length);
    data.forEach((row, i) => {
      const c = rows[i]!;
      const v = values(row);
      expect(v.slice(0, 12), c.subject).toEqual([
        c.stt,
        c.name,
        c.gender === null ? null : c.gender === 'male' ? 'Nam' : 'Nữ',
        c.birthYear,
        c.position,
        c.unit,
        c.agencyIndex,
        rankBand(r, c),
        c.achievements,
        c.proposedAward.vi,
        t('vi', `awards.level.${c.level}`),
        c.certificateWording.vi,
      ]);
      // The birth year is a year: never grouped.
      expect([row[0]!.fmt, row[3]!.fmt, row[6]!.fmt]).toEqual(['#,##0', '0', '0.00']);
      const note = String(v[12]);
      expect(note).toContain('Đạt: ');
      if (c.override) expect(note).toContain(`Đưa vào danh sách theo quyết định của Hội đồng Thi đua – Khen thưởng (${c.override.by}`);
    });
  }

  it('lists collectives and individuals in the brief’s columns, a section per award, as in results.json', async () => {
    const r = demo.results;
    expect(r.commendation.collectives.length).toBeGreaterThan(0);
    expect(r.commendation.individuals.length).toBeGreaterThan(0);
    const book = await write(writeCommendation, r);
    expect(book.sheets.map((s) => s.name)).toEqual(SHEETS);
    checkList(r, sheetOf(book, 'Tập thể'), 'collective');
    checkList(r, sheetOf(book, 'Cá nhân'), 'individual');
    // The note names the conditions met, briefly.
    const first = table(sheetOf(book, 'Tập thể')).find((x) => x[0]?.v === 1)!;
    expect(first[12]!.v).toBe('Đạt: hạng 1; loại A; trong 3 đơn vị dẫn đầu; không bị trừ điểm; không có tài liệu kiểm chứng giả mạo.');
  });

  it('lists every nominee left out with the rule and the reason', async () => {
    const r = demo.results;
    expect(r.commendation.excluded.length).toBeGreaterThan(0);
    const book = await write(writeCommendation, r);
    const s = sheetOf(book, 'Không đủ điều kiện');
    expectLayout(s, 'landscape', 1);
    expect(header(s)).toEqual(['STT', 'Đối tượng', 'Họ và tên / Tên tập thể', 'Cơ quan, đơn vị', 'Khối', 'Hình thức khen thưởng được xét', 'Lý do chưa đủ điều kiện', 'Ghi chú']);
    const rows = table(s).filter((x) => !isSection(x));
    expect(rows).toHaveLength(r.commendation.excluded.length);
    const rules = [...demo.campaign.commendation.collectives, ...demo.campaign.commendation.individuals];
    const seen = rows.map((x) => values(x));
    for (const e of r.commendation.excluded) {
      const rule = rules.find((x) => x.id === e.rule);
      expect(seen).toContainEqual(
        trim([
          expect.any(Number) as unknown as number,
          e.kind === 'collective' ? 'Tập thể' : 'Cá nhân',
          e.name,
          e.agencyName,
          t('vi', `results.group.${e.group}`),
          rule ? `${rule.award.vi} (${rule.id})` : e.rule,
          formatReason('vi', e.reason),
          null,
        ]),
      );
    }
    // Awards are exclusive: an agency on the Bằng khen list is left out of the Giấy khen's, and the sheet says why.
    const bk = new Set(r.commendation.collectives.filter((c) => c.rule === 'bk-tap-the').map((c) => c.agency));
    expect(r.commendation.collectives.filter((c) => c.rule === 'gk-tap-the' && bk.has(c.agency))).toEqual([]);
    const higher = seen.filter((v) => v[5] === 'Giấy khen của Giám đốc Sở Nội vụ (gk-tap-the)' && bk.has(r.commendation.excluded.find((e) => e.name === v[2] && e.rule === 'gk-tap-the')?.agency ?? ''));
    expect(higher.length).toBeGreaterThan(0);
    for (const v of higher) {
      expect(v[6]).toBe('Đã được đề nghị Bằng khen của Chủ tịch UBND tỉnh (quy định bk-tap-the); mỗi tập thể, cá nhân chỉ được đề nghị hình thức cao nhất đủ điều kiện.');
    }
  });

  it('lists the council’s decisions; says so when there are none; empty awards keep their section', async () => {
    const r = clone(demo.results);
    expect(r.commendation.overrides).toEqual([]);
    const plain = await write(writeCommendation, r);
    expect(table(sheetOf(plain, 'Quyết định của Hội đồng')).map(values)).toEqual([[t('vi', 'rlist.award.no_overrides')]]);

    // No individual qualifies, nobody is left out.
    r.commendation.individuals = [];
    r.commendation.excluded = [];
    const book = await write(writeCommendation, r);
    const ind = table(sheetOf(book, 'Cá nhân')).map(values);
    for (const [i, rule] of demo.campaign.commendation.individuals.entries()) {
      expect(ind).toContainEqual([`${ROMAN[i]}. ${rule.award.vi}: 0 cá nhân`]);
    }
    expect(ind.filter((x) => x[1] === 'Không có tập thể, cá nhân nào đủ điều kiện.')).toHaveLength(demo.campaign.commendation.individuals.length);
    expect(table(sheetOf(book, 'Không đủ điều kiện')).map(values)).toEqual([['Không có tập thể, cá nhân nào được đề nghị mà chưa đủ điều kiện.']]);
  });

  describe('free text a nominee or the council wrote', () => {
    const PAYLOADS = ['=HYPERLINK("http://evil.example","bấm")', "+cmd|' /C calc'!A0", '-1+1', '@SUM(A1:A9)', '\tTab đầu dòng', '\r\nXuống dòng', '\nLF đầu dòng', '\rCR đầu dòng'];
    const P = PAYLOADS.length;
    const DIACRITICS =
      'Nguyễn Thị Ẩu Ỹ Ờ àáảãạ ăằắẳẵặ âầấẩẫậ èéẻẽẹ êềếểễệ ìíỉĩị òóỏõọ ôồốổỗộ ơờớởỡợ ùúủũụ ưừứửữự ỳýỷỹỵ đ ÀÁẢÃẠ ĂẰẮẲẴẶ ÂẦẤẨẪẬ ÈÉẺẼẸ ÊỀẾỂỄỆ ÌÍỈĨỊ ÒÓỎÕỌ ÔỒỐỔỖỘ ƠỜỚỞỠỢ ÙÚỦŨỤ ƯỪỨỬỮỰ ỲÝỶỸỴ Đ';
    const LONG = 'Thành tích rất dài. '.repeat(250);
    const HUGE = 'Quá dài. '.repeat(4500);
    const AT = '2025-01-20T09:30:00+07:00';
    /** What any XML reader gives back: XML turns CR LF and a lone CR into LF (the "'" stays first). */
    const back = (s: string): string => s.replace(/\r\n?/g, '\n');
    let r: Results;
    let book: Book;

    beforeAll(async () => {
      r = clone(demo.results);
      const c = r.commendation;
      expect(c.collectives.length).toBeGreaterThan(P);
      expect(c.individuals.length).toBeGreaterThan(P + 1);
      PAYLOADS.forEach((p, i) => {
        Object.assign(c.collectives[i]!, { name: p, unit: PAYLOADS[(i + 1) % P]!, achievements: PAYLOADS[(i + 2) % P]!, note: PAYLOADS[(i + 3) % P]! });
        Object.assign(c.individuals[i]!, {
          name: p,
          position: PAYLOADS[(i + 1) % P]!,
          unit: PAYLOADS[(i + 2) % P]!,
          achievements: PAYLOADS[(i + 3) % P]!,
          note: PAYLOADS[(i + 4) % P]!,
        });
        c.excluded[i]!.name = p;
        c.excluded[i]!.agencyName = PAYLOADS[(i + 1) % P]!;
      });
      Object.assign(c.individuals[P]!, { name: DIACRITICS, achievements: LONG, agencyRank: null });
      c.individuals[P + 1]!.achievements = HUGE;
      // The council put a collective on the list and took a nominee off it.
      const inc = c.collectives[P]!;
      inc.override = { action: 'include', reason: PAYLOADS[0]!, by: PAYLOADS[1]!, at: AT };
      inc.unmet = { key: 'awards.fail.top_n', params: { rank: 5, topN: 3 } };
      const exc = c.excluded[P]!;
      exc.override = { action: 'exclude', reason: PAYLOADS[2]!, by: 'Hội đồng TĐKT', at: AT };
      exc.reason = { key: 'awards.fail.override_excluded', params: { reason: PAYLOADS[2]!, by: 'Hội đồng TĐKT' } };
      c.overrides = PAYLOADS.map((p, i) => ({
        rule: inc.rule,
        subject: i === 0 ? inc.subject : `${inc.agency}-X${i}`,
        agency: inc.agency,
        action: i % 2 === 0 ? 'include' : 'exclude',
        reason: `${p} (lý do)`,
        by: p,
        at: AT,
      }));
      expect(ResultsV1.safeParse(r).error).toBeUndefined();
      book = await write(writeCommendation, r);
    });

    it('comes out as text starting with an apostrophe, and no cell is a formula', () => {
      const all = strings(book);
      // No cell a spreadsheet would take as a formula (write() has checked there is no <f> at all).
      expect(all.filter((x) => /^[=+\-@\t\r\n]/.test(x.s))).toEqual([]);
      const exact = (sheet: string, s: string) => all.filter((x) => x.sheet === sheet && x.s === s).length;
      for (const p of PAYLOADS) {
        const q = back(`'${p}`);
        // Names, position, unit, achievements on both lists; names and agencies of those left out.
        for (const sheet of ['Tập thể', 'Cá nhân', 'Không đủ điều kiện']) expect(exact(sheet, q), `${sheet}: ${JSON.stringify(p)}`).toBeGreaterThanOrEqual(2);
        // The nominee's own note leads the "Ghi chú" cell.
        expect(all.some((x) => x.sheet === 'Cá nhân' && x.c === 13 && x.s.startsWith(`${q}\nĐạt: `)), JSON.stringify(p)).toBe(true);
        // The council's reason and who decided, on the decisions sheet.
        expect(exact('Quyết định của Hội đồng', `${q} (lý do)`)).toBe(1);
        expect(exact('Quyết định của Hội đồng', q)).toBe(1);
      }
    });

    it('puts each payload in the column it belongs to', () => {
      const coll = dataRows(sheetOf(book, 'Tập thể'));
      const ind = dataRows(sheetOf(book, 'Cá nhân'));
      const q = (i: number): string => back(`'${PAYLOADS[i % P]}`);
      PAYLOADS.forEach((_, i) => {
        expect([coll[i]![1]!.v, coll[i]![5]!.v, coll[i]![8]!.v]).toEqual([q(i), q(i + 1), q(i + 2)]);
        expect(String(coll[i]![12]!.v).startsWith(`${q(i + 3)}\n`)).toBe(true);
        expect([ind[i]![1]!.v, ind[i]![4]!.v, ind[i]![5]!.v, ind[i]![8]!.v]).toEqual([q(i), q(i + 1), q(i + 2), q(i + 3)]);
        expect(String(ind[i]![12]!.v).startsWith(`${q(i + 4)}\n`)).toBe(true);
      });
    });

    it('keeps every Vietnamese diacritic, a 5,000-character summary whole, and cuts only past Excel’s limit', () => {
      const ind = dataRows(sheetOf(book, 'Cá nhân'));
      const row = ind[P]!;
      expect(row[1]!.v).toBe(DIACRITICS);
      const band = r.bands.find((b) => b.code === r.commendation.individuals[P]!.agencyBand)!;
      expect(row[7]!.v).toBe(`Không xếp hạng / Loại ${band.code} (${band.label.vi})`);
      expect(row[8]!.v).toBe(LONG);
      expect(LONG).toHaveLength(5000);
      const huge = String(ind[P + 1]![8]!.v);
      expect(huge).toHaveLength(32767);
      expect(huge.endsWith('…')).toBe(true);
      expect(HUGE.startsWith(huge.slice(0, -1))).toBe(true);
    });

    it('marks the council’s inclusion in the note, its exclusion among those left out, and lists its decisions', () => {
      const coll = dataRows(sheetOf(book, 'Tập thể'));
      const note = String(coll[P]![12]!.v);
      expect(note).toContain(`Đưa vào danh sách theo quyết định của Hội đồng Thi đua – Khen thưởng (${PAYLOADS[1]}, 20/01/2025): ${PAYLOADS[0]}`);
      expect(note).toContain('Chưa đạt theo quy định: Cơ quan, đơn vị xếp hạng 5, ngoài 3 đơn vị dẫn đầu của khối.');
      const out = table(sheetOf(book, 'Không đủ điều kiện')).find((x) => x[7]?.v === 'Theo quyết định của Hội đồng Thi đua – Khen thưởng (Hội đồng TĐKT, 20/01/2025).');
      expect(out?.[6]?.v).toBe(`Hội đồng Thi đua – Khen thưởng quyết định không đề nghị: ${PAYLOADS[2]} (Hội đồng TĐKT).`);

      const s = sheetOf(book, 'Quyết định của Hội đồng');
      expectLayout(s, 'landscape', 1);
      expect(header(s)).toEqual(['STT', 'Hình thức khen thưởng được xét', 'Mã', 'Họ và tên / Tên tập thể', 'Cơ quan, đơn vị', 'Quyết định', 'Lý do', 'Người quyết định', 'Ngày quyết định']);
      const rows = table(s);
      expect(rows).toHaveLength(P);
      const inc = r.commendation.collectives[P]!;
      const rule = demo.campaign.commendation.collectives.find((x) => x.id === inc.rule)!;
      expect(values(rows[0])).toEqual([1, `${rule.award.vi} (${rule.id})`, inc.subject, inc.name, inc.agencyName, 'Đưa vào danh sách', `'${PAYLOADS[0]} (lý do)`, `'${PAYLOADS[0]}`, '2025-01-20']);
      expect(rows[0]![8]!.fmt).toBe('dd/mm/yyyy');
      expect(rows[1]![5]!.v).toBe('Đưa ra khỏi danh sách');
      expect(rows[1]![3]!.v).toBeNull();
    });
  });

  it('speaks English when asked', async () => {
    const book = await write(writeCommendation, demo.results, 'en');
    expect(book.sheets.map((s) => s.name)).toEqual(['Collectives', 'Individuals', 'Not eligible', 'Council decisions']);
    expect(header(book.sheets[1]!)).toEqual([
      'No.',
      'Full name',
      'Gender',
      'Year of birth',
      'Position',
      'Workplace',
      'PAR Index (%)',
      'Rank / Band',
      'Achievements in brief',
      'Proposed award',
      'Level',
      'Wording on the certificate',
      'Notes',
    ]);
    const first = table(book.sheets[0]!).find((x) => x[0]?.v === 1)!;
    expect(first[12]!.v).toBe('Meets: rank 1; band A; within the top 3; no penalty points; no falsified evidence.');
  });
});
