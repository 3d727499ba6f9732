/**
 * The board reports (scoreboard, ranking, per-area analysis, period comparison) written from a real
 * consolidation of the demo province and read back with exceljs and with Debian's openpyxl: the
 * figures are those of results.json, the layout is the official one (two-level headers, print
 * titles, frozen header, landscape), agencies without a submission or late are listed with the
 * reason, and no text becomes a formula.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeAreaAnalysis } from '../../../electron/services/reports/areas.ts';
import { writeComparison } from '../../../electron/services/reports/comparison.ts';
import { writeRanking } from '../../../electron/services/reports/ranking.ts';
import { shortAreaTitle, writeScoreboard } from '../../../electron/services/reports/scoreboard.ts';
import { formatNumber, t } from '../../../shared/i18n/index.ts';
import type { AgencyResult, AgencyTrend, Results } from '../../../shared/results/index.ts';
import type { AgencyGroup } from '../../../shared/schema/common.ts';
import { round2 } from '../../../shared/scoring/rounding.ts';
import { type BoardFixture, DIACRITICS, GAP, LATE, NEW_IN_THIS_YEAR, RENAMED, buildBoardFixture, contextOf } from './fixture.ts';
import { type CellDump, type SheetDump, type WorkbookDump, firstDataRow, headerRows, readBoth, rowsWithCode, sheet, texts, twoHeaderRows, values } from './read.ts';

const tmp = mkdtempSync(join(tmpdir(), 'parscore-board-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const GROUP_VI: Record<AgencyGroup, string> = { department: 'Sở, ban, ngành', district: 'UBND cấp huyện', commune: 'UBND cấp xã' };
const GROUP_SHORT_VI: Record<AgencyGroup, string> = { department: 'Sở, ban, ngành', district: 'Cấp huyện', commune: 'Cấp xã' };
const GROUPS: AgencyGroup[] = ['department', 'district', 'commune'];

/** What a text cell holds: formula-looking text behind an apostrophe. */
function shown(s: string): string {
  return /^[=+\-@\t\r\n]/.test(s) ? `'${s}` : s;
}

/** The reason an agency is not ranked, as the note shows it (without its full stop). */
function reason(a: AgencyResult): string {
  return t('vi', a.unranked!.key, a.unranked!.params).replace(/\.$/, '');
}

function byGroup(r: Results, g: AgencyGroup): AgencyResult[] {
  const members = r.agencies.filter((a) => a.agency.group === g);
  return [...members.filter((a) => a.rank !== null).sort((x, y) => x.rank! - y.rank!), ...members.filter((a) => a.rank === null)];
}

let f: BoardFixture;
let edge: Results;
const books: Record<string, WorkbookDump[]> = {};

/** Both readers' view of a workbook written by the test. */
function both(name: string): WorkbookDump[] {
  const d = books[name];
  if (!d) throw new Error(`workbook ${name} not written`);
  return d;
}

beforeAll(async () => {
  f = await buildBoardFixture(tmp);
  // Edge cases on top of the real results: a group left empty, a group with nobody ranked, every
  // way a tie can be settled.
  edge = structuredClone(f.results);
  edge.agencies = edge.agencies
    .filter((a) => a.agency.group !== 'district')
    .map((a) => (a.agency.group === 'commune' ? { ...a, ranked: false, rank: null, rankedBy: null, unranked: { key: 'results.unranked.late', params: {} } } : a));
  edge.groups = edge.groups.map((g) => (g.group === 'district' ? { ...g, agencies: 0, submitted: 0, ranked: 0, late: 0, averageIndex: null, bands: {} } : g));
  const deps = edge.agencies.filter((a) => a.agency.group === 'department' && a.rank !== null);
  deps[0]!.rankedBy = 'AREA_SCORE';
  deps[1]!.rankedBy = 'APPRAISED_SCORE';
  deps[2]!.rankedBy = 'tie';
  deps[3]!.rankedBy = 'SURVEY_SCORE';
  // The demo has no appraisal yet (appraised = self): on the edge results every department area
  // figure differs from the others, so that no column can stand in for another unnoticed.
  for (const a of edge.agencies.filter((x) => x.agency.group === 'department')) {
    a.areas = a.areas.map((ar, k) => {
      const self = round2(ar.max * 0.9);
      const appraised = round2(ar.max * 0.7);
      const survey = round2(0.25 + (k % 3) * 0.5);
      const points = round2(appraised + survey);
      return { ...ar, self, appraised, survey, points, index: round2((points / ar.max) * 100) };
    });
    a.self.score = round2(a.self.score - 1.5);
    a.appraised.score = round2(a.appraised.score - 3);
  }

  const jobs: [string, (file: string) => Promise<void>][] = [
    ['scoreboard', (file) => writeScoreboard(contextOf(f, f.results), file)],
    ['ranking', (file) => writeRanking(contextOf(f, f.results), file)],
    ['areas', (file) => writeAreaAnalysis(contextOf(f, f.results), file)],
    ['areas80', (file) => writeAreaAnalysis(contextOf(f, f.results), file, { threshold: 80 })],
    ['comparison-none', (file) => writeComparison(contextOf(f, f.results), file)],
    ['comparison', (file) => writeComparison(contextOf(f, f.withHistory), file)],
    ['scoreboard-edge', (file) => writeScoreboard(contextOf(f, edge), file)],
    ['scoreboard-en', (file) => writeScoreboard(contextOf(f, f.results, 'en'), file)],
    ['ranking-edge', (file) => writeRanking(contextOf(f, edge), file)],
    ['areas-edge', (file) => writeAreaAnalysis(contextOf(f, edge), file)],
    ['ranking-en', (file) => writeRanking(contextOf(f, f.results, 'en'), file)],
    ['comparison-en', (file) => writeComparison(contextOf(f, f.withHistory, 'en'), file)],
  ];
  for (const [name, write] of jobs) {
    const file = join(tmp, `${name}.xlsx`);
    await write(file);
    books[name] = await readBoth(file);
  }
}, 240_000);

/** Checks the official layout of a sheet: header rows repeated on print, frozen under them, landscape or not, fit to width. */
function expectLayout(s: SheetDump, headerRowCount: number, landscape: boolean): void {
  const m = /^(\d+):(\d+)$/.exec(s.printTitleRows ?? '');
  expect(m, `${s.name}: print titles`).not.toBeNull();
  expect(Number(m![2]) - Number(m![1]) + 1, `${s.name}: header rows`).toBe(headerRowCount);
  expect(s.freeze, `${s.name}: frozen header`).toBe(`A${Number(m![2]) + 1}`);
  expect(s.orientation, `${s.name}: orientation`).toBe(landscape ? 'landscape' : 'portrait');
  expect(s.fitToWidth).toBe(1);
}

function cellAt(s: SheetDump, row: number, col: number): CellDump {
  const c = s.rows[row - 1]?.[col];
  if (!c) throw new Error(`${s.name}: no cell at row ${row}, column ${col + 1}`);
  return c;
}

/** Column formats of a data row, by kind: every given column holds a number with that format. */
function expectFormats(s: SheetDump, row: number, formats: Record<number, string>): void {
  for (const [col, fmt] of Object.entries(formats)) {
    const c = cellAt(s, row, Number(col));
    if (c.v === null) continue;
    expect(c.t, `${s.name} row ${row} col ${Number(col) + 1} type`).toBe('n');
    expect(c.fmt, `${s.name} row ${row} col ${Number(col) + 1} format`).toBe(fmt);
  }
}

describe('the demo results the reports are built from', () => {
  it('hold the cases the reports must show', () => {
    const r = f.results;
    expect(r.groups.map((g) => g.group)).toEqual(GROUPS);
    const late = r.agencies.find((a) => a.agency.code === LATE)!;
    expect(late.late).toBe(true);
    expect(late.unranked?.key).toBe('results.unranked.late');
    expect(r.agencies.some((a) => !a.submitted && a.unranked?.key === 'results.unranked.no_submission')).toBe(true);
    for (const [code, name] of Object.entries(RENAMED)) expect(r.agencies.find((a) => a.agency.code === code)?.agency.name).toBe(name);
    expect(r.comparison).toBeNull();
    expect(f.withHistory.comparison?.periods.map((p) => p.year)).toEqual([r.campaign.year - 2, r.campaign.year - 1, r.campaign.year]);
  });
});

const TOTALS_VI = ['Tự đánh giá', 'Thẩm định', 'ĐTXHH', 'Điểm thưởng', 'Điểm trừ', 'Trừ điểm nộp muộn', 'Tổng điểm', 'Chỉ số (%)'];
const DETAIL_VI = ['TT', 'Mã', 'Cơ quan, đơn vị', 'Lĩnh vực', 'Điểm tối đa', 'Tự đánh giá', 'Thẩm định', 'ĐTXHH', 'Tổng điểm', 'Chỉ số (%)'];

/** A group's detail sheet. */
function detailName(g: AgencyGroup): string {
  return `${GROUP_SHORT_VI[g]} - chi tiết`;
}

/** The areas of a group's template with their maximum (the largest over the agencies), in template order. */
function templateAreas(r: Results, g: AgencyGroup): { code: string; title: string; max: number }[] {
  const out = new Map<string, { code: string; title: string; max: number }>();
  for (const a of r.agencies.filter((x) => x.agency.group === g)) {
    for (const ar of a.areas) {
      const seen = out.get(ar.code);
      if (!seen) out.set(ar.code, { code: ar.code, title: ar.title.vi, max: ar.max });
      else seen.max = Math.max(seen.max, ar.max);
    }
  }
  return [...out.values()];
}

function widthOf(s: SheetDump): number {
  return s.widths.reduce<number>((sum, w) => sum + (w ?? 8.43), 0);
}

/** A group's main sheet: every agency in rank order with its area points, totals, rank, band and note, then the average. */
function expectMainRows(d: WorkbookDump, r: Results, g: AgencyGroup): void {
  const s = sheet(d, GROUP_VI[g]);
  const agencies = byGroup(r, g);
  const areaCodes = templateAreas(r, g).map((ar) => ar.code);
  const start = firstDataRow(s);
  const codes = agencies.map((_, i) => values(s, start + i)[1]);
  expect(codes, `${d.reader} ${g}: order`).toEqual(agencies.map((a) => a.agency.code));
  agencies.forEach((a, i) => {
    const row = start + i;
    const expected: unknown[] = [i + 1, a.agency.code, shown(a.agency.name)];
    for (const code of areaCodes) expected.push(a.areas.find((x) => x.code === code)?.points ?? null);
    expected.push(a.self.score, a.appraised.score, a.survey.score, a.bonus, a.penalty, a.latePenalty, a.total, a.index, a.rank, a.band);
    const got = values(s, row);
    expect(got.slice(0, expected.length), `${d.reader} ${g} ${a.agency.code}`).toEqual(expected);
    expect(got).toHaveLength(expected.length + 1);
    const note = got[expected.length];
    if (a.unranked) expect(note, `${d.reader} ${a.agency.code} note`).toContain(reason(a));
    const formats: Record<number, string> = { 0: '#,##0' };
    areaCodes.forEach((_, k) => (formats[3 + k] = '#,##0.00'));
    const tot = 3 + areaCodes.length;
    for (let j = 0; j < 7; j++) formats[tot + j] = '#,##0.00';
    formats[tot + 7] = '0.00';
    formats[tot + 8] = '#,##0';
    expectFormats(s, row, formats);
  });
  // The group's average closes the table, in bold.
  const avgRow = start + agencies.length;
  const avg = values(s, avgRow);
  expect(avg[2]).toBe('Chỉ số bình quân của khối');
  expect(avg[avg.length - 4]).toBe(r.groups.find((x) => x.group === g)!.averageIndex);
  expect(cellAt(s, avgRow, 2).bold).toBe(true);
  expect(s.rows.slice(avgRow).some((row) => typeof row[0]?.v === 'number')).toBe(false);
}

/** A group's detail sheet: per agency (numbered as on the main sheet) one row per area in template order, agencies one after another. */
function expectDetailRows(d: WorkbookDump, r: Results, g: AgencyGroup): void {
  const s = sheet(d, detailName(g));
  expect(headerRows(s)).toEqual([DETAIL_VI]);
  const agencies = byGroup(r, g);
  const areaCodes = templateAreas(r, g).map((ar) => ar.code);
  let previous = 0;
  agencies.forEach((a, i) => {
    const rows = rowsWithCode(s, a.agency.code);
    expect(rows, `${d.reader} ${g} ${a.agency.code}`).toHaveLength(a.areas.length);
    // Straight after the previous agency's rows (the first right under the header).
    if (previous > 0) expect(rows[0]!, `${d.reader} ${a.agency.code}: in order`).toBe(previous + 1);
    previous = rows.at(-1)!;
    const ordered = areaCodes.flatMap((code) => a.areas.filter((ar) => ar.code === code));
    ordered.forEach((ar, k) => {
      const row = rows[k]!;
      expect(row).toBe(rows[0]! + k);
      expect(values(s, row), `${d.reader} ${a.agency.code} area ${ar.code}`).toEqual([
        i + 1, a.agency.code, shown(a.agency.name), `${ar.code}. ${ar.title.vi}`, ar.max, ar.self, ar.appraised, ar.survey, ar.points, ar.index,
      ]);
      expectFormats(s, row, { 0: '#,##0', 4: '#,##0.00', 5: '#,##0.00', 6: '#,##0.00', 7: '#,##0.00', 8: '#,##0.00', 9: '0.00' });
    });
  });
  const dataRows = s.rows.filter((row) => typeof row[0]?.v === 'number' && typeof row[4]?.v === 'number');
  expect(dataRows, `${d.reader} ${g}: agency × area rows`).toHaveLength(agencies.reduce((n, a) => n + a.areas.length, 0));
}

describe('writeScoreboard', () => {
  it('has per group a main sheet and a detail sheet, then "Tất cả", with the official layout on A4', () => {
    for (const d of both('scoreboard')) {
      expect(d.sheets.map((s) => s.name), d.reader).toEqual([...GROUPS.flatMap((g) => [GROUP_VI[g], detailName(g)]), 'Tất cả']);
      for (const g of GROUPS) {
        expectLayout(sheet(d, GROUP_VI[g]), 2, true);
        expectLayout(sheet(d, detailName(g)), 1, true);
      }
      expectLayout(sheet(d, 'Tất cả'), 2, true);
      for (const s of d.sheets) {
        expect(s.paperSize, `${d.reader} ${s.name}: A4`).toBe(9);
        expect(s.name.length).toBeLessThanOrEqual(31);
      }
      const title = `BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM ${f.results.campaign.year}`;
      expect(texts(d)).toContain(title);
    }
  });

  it('keeps the main sheets narrow enough to print legibly on A4 landscape fitted to the width', () => {
    for (const d of both('scoreboard')) {
      for (const g of GROUPS) {
        const s = sheet(d, GROUP_VI[g]);
        const areas = templateAreas(f.results, g);
        expect(areas.length, g).toBeLessThanOrEqual(9);
        // 25.2 cm between the margins: 186 character units print at 60 % or more.
        expect(s.widths.length, `${d.reader} ${g}: columns`).toBe(3 + areas.length + 11);
        expect(s.widths.length).toBeLessThanOrEqual(23);
        expect(s.widths.every((w) => w !== null), `${d.reader} ${g}: every width set`).toBe(true);
        expect(widthOf(s), `${d.reader} ${g}: width`).toBeLessThanOrEqual(186);
        const detail = sheet(d, detailName(g));
        expect(detail.widths.every((w) => w !== null), `${d.reader} ${g}: every detail width set`).toBe(true);
        expect(widthOf(detail)).toBeLessThanOrEqual(140);
      }
    }
  });

  it('gives each area of the group template one column (code, short title, maximum) under a two-level header', () => {
    for (const d of both('scoreboard')) {
      for (const g of GROUPS) {
        const s = sheet(d, GROUP_VI[g]);
        const areas = templateAreas(f.results, g);
        const [top, bottom] = twoHeaderRows(s);
        expect(top, `${d.reader} ${g}`).toEqual([
          'TT', 'Mã', 'Cơ quan, đơn vị',
          'Điểm đạt theo lĩnh vực', ...areas.slice(1).map(() => null),
          'Tổng hợp kết quả', ...TOTALS_VI.slice(1).map(() => null),
          'Xếp hạng', 'Xếp loại', 'Ghi chú',
        ]);
        expect(bottom, `${d.reader} ${g}`).toEqual([
          null, null, null,
          ...areas.map((ar) => `${ar.code}. ${shortAreaTitle(ar.title)} (${formatNumber('vi', ar.max)})`),
          ...TOTALS_VI,
          null, null, null,
        ]);
        // A short title is never longer than a narrow header holds.
        for (const ar of areas) {
          expect(shortAreaTitle(ar.title).length, ar.title).toBeLessThanOrEqual(38);
        }
      }
      // The demo templates: the area titles as the province writes them short.
      const [, dep] = twoHeaderRows(sheet(d, GROUP_VI.department));
      expect(dep[3]).toBe('1. Chỉ đạo, điều hành (12)');
      const [, dist] = twoHeaderRows(sheet(d, GROUP_VI.district));
      expect(dist.slice(3, 12)).toEqual([
        '1. Chỉ đạo, điều hành (14)',
        '2. Tổ chức thực hiện VBQPPL (8)',
        '3. Cải cách thủ tục hành chính (10)',
        '4. Cải cách tổ chức bộ máy hành chính (6)',
        '5. Nâng cao chất lượng đội ngũ CBCCVC (10,5)',
        '6. Cải cách tài chính công (6)',
        '7. Hiện đại hóa hành chính (14)',
        '8. Thực hiện cơ chế một cửa… (9)',
        '9. Tác động của CCHC đến phát triển KT-XH (22,5)',
      ]);
      const [top, bottom] = twoHeaderRows(sheet(d, 'Tất cả'));
      expect(top).toEqual(['TT', 'Mã', 'Cơ quan, đơn vị', 'Tổng hợp kết quả', null, null, null, null, null, null, null, null, 'Xếp hạng', 'Xếp loại', 'Ghi chú']);
      expect(bottom.slice(3, 12)).toEqual(['Điểm tối đa', 'Tự đánh giá', 'Thẩm định', 'ĐTXHH', 'Điểm thưởng', 'Điểm trừ', 'Trừ điểm nộp muộn', 'Tổng điểm', 'Chỉ số (%)']);
    }
  });

  it('shortens an area title step by step and cuts it only as a last resort', () => {
    expect(shortAreaTitle('Công tác chỉ đạo, điều hành cải cách hành chính')).toBe('Chỉ đạo, điều hành');
    expect(shortAreaTitle('Cải cách thủ tục hành chính')).toBe('Cải cách thủ tục hành chính');
    expect(shortAreaTitle('Xây dựng và phát triển chính quyền điện tử, chính quyền số; áp dụng ISO 9001')).toBe('Phát triển chính quyền điện tử…');
    expect(shortAreaTitle('Cải cách thủ tục hành chính và thực hiện cơ chế một cửa, một cửa liên thông')).toBe('Cải cách TTHC và thực hiện cơ chế…');
    expect(shortAreaTitle('Direction and management of administrative reform')).toBe('Direction and management of PAR');
    expect(shortAreaTitle('Ngắn')).toBe('Ngắn');
    const long = 'Một lĩnh vực có tên rất dài mà không có dấu phẩy nào để cắt cho gọn';
    const short = shortAreaTitle(long);
    expect(short.endsWith('…')).toBe(true);
    expect(long.startsWith(short.slice(0, -1))).toBe(true);
    expect(short.length).toBeLessThanOrEqual(34);
  });

  it('lists every agency of a group on its main sheet, ranked first by rank, with its area points and totals from results.json', () => {
    for (const d of both('scoreboard')) for (const g of GROUPS) expectMainRows(d, f.results, g);
    // Figures that all differ: each column holds its own.
    for (const d of both('scoreboard-edge')) expectMainRows(d, edge, 'department');
  });

  it('has every agency × area of a group on its detail sheet: maximum, self-assessed, appraised, survey, points, index', () => {
    for (const d of both('scoreboard')) for (const g of GROUPS) expectDetailRows(d, f.results, g);
    for (const d of both('scoreboard-edge')) for (const g of ['department', 'commune'] as const) expectDetailRows(d, edge, g);
  });

  it('puts every agency once on "Tất cả", by group, with its totals and the reason it is not ranked', () => {
    for (const d of both('scoreboard')) {
      const s = sheet(d, 'Tất cả');
      for (const a of f.results.agencies) {
        const rows = rowsWithCode(s, a.agency.code);
        expect(rows, `${d.reader} ${a.agency.code}`).toHaveLength(1);
        const got = values(s, rows[0]!);
        expect(got.slice(1, 14)).toEqual([a.agency.code, shown(a.agency.name), a.max, a.self.score, a.appraised.score, a.survey.score, a.bonus, a.penalty, a.latePenalty, a.total, a.index, a.rank, a.band]);
        if (a.unranked) expect(got[14]).toContain(reason(a));
        if (a.submitted && !a.hasAppraisal) expect(got[14]).toContain('Chưa thẩm định');
      }
      const sections = s.rows.map((r) => r[0]?.v).filter((v) => typeof v === 'string' && Object.values(GROUP_VI).includes(v));
      expect(sections).toEqual(GROUPS.map((g) => GROUP_VI[g]));
    }
  });

  it('says so for a group without agencies and still lists a group where nobody is ranked', () => {
    for (const d of both('scoreboard-edge')) {
      const empty = sheet(d, GROUP_VI.district);
      expect(values(empty, firstDataRow(empty))[2]).toBe('Không có cơ quan, đơn vị nào trong khối này.');
      const emptyDetail = sheet(d, detailName('district'));
      expect(values(emptyDetail, firstDataRow(emptyDetail))[2]).toBe('Không có cơ quan, đơn vị nào trong khối này.');
      const communes = sheet(d, GROUP_VI.commune);
      for (const a of edge.agencies.filter((x) => x.agency.group === 'commune')) {
        const row = values(communes, rowsWithCode(communes, a.agency.code)[0]!);
        expect(row[row.length - 3]).toBeNull();
        expect(row[row.length - 1]).toContain('Không xếp hạng: nộp kết quả tự đánh giá sau thời hạn');
        expect(rowsWithCode(sheet(d, detailName('commune')), a.agency.code)).toHaveLength(a.areas.length);
      }
    }
  });

  it('speaks English when asked, with sheet names that fit', () => {
    for (const d of both('scoreboard-en')) {
      expect(d.sheets.map((s) => s.name)).toEqual([
        'Departments and agencies', 'Departments - details',
        'District People’s Committees', 'Districts - details',
        'Commune People’s Committees', 'Communes - details',
        'All',
      ]);
      const [top, bottom] = twoHeaderRows(sheet(d, 'Departments and agencies'));
      expect(top[3]).toBe('Points by area');
      expect(bottom[3]).toBe('1. Direction and management of PAR (12)');
      expect(headerRows(sheet(d, 'Departments - details'))[0]?.slice(3, 6)).toEqual(['Area', 'Maximum', 'Self-assessed']);
    }
  });
});

describe('writeRanking', () => {
  it('has one sheet per group: rank, agency, total, index with and without the survey, band, how the rank was decided', () => {
    for (const d of both('ranking')) {
      expect(d.sheets.map((s) => s.name)).toEqual(GROUPS.map((g) => GROUP_VI[g]));
      for (const g of GROUPS) {
        const s = sheet(d, GROUP_VI[g]);
        expectLayout(s, 1, true);
        expect(headerRows(s)[0]).toEqual(['Xếp hạng', 'Mã', 'Cơ quan, đơn vị', 'Tổng điểm', 'Chỉ số (%)', 'Chỉ số không tính ĐTXHH (%)', 'Xếp loại', 'Mức xếp loại', 'Căn cứ xếp hạng', 'Ghi chú']);
        const agencies = byGroup(f.results, g);
        const ranked = agencies.filter((a) => a.rank !== null);
        const start = firstDataRow(s);
        ranked.forEach((a, i) => {
          const row = values(s, start + i);
          const band = f.results.bands.find((b) => b.code === a.band)!;
          expect(row.slice(0, 9), `${d.reader} ${a.agency.code}`).toEqual([a.rank, a.agency.code, shown(a.agency.name), a.total, a.index, a.indexWithoutSurvey, a.band, band.label.vi, 'Theo chỉ số']);
          expectFormats(s, start + i, { 0: '#,##0', 3: '#,##0.00', 4: '0.00', 5: '0.00' });
        });
        const unranked = agencies.filter((a) => a.rank === null);
        if (unranked.length === 0) continue;
        expect(values(s, start + ranked.length)[0]).toBe('Cơ quan, đơn vị không xếp hạng');
        unranked.forEach((a, i) => {
          const row = values(s, start + ranked.length + 1 + i);
          expect(row.slice(0, 6)).toEqual([null, a.agency.code, shown(a.agency.name), a.total, a.index, a.indexWithoutSurvey]);
          expect(row[9]).toContain(reason(a));
        });
      }
    }
  });

  it('names the tie-break that settled a place, from the catalogue', () => {
    const deps = edge.agencies.filter((a) => a.agency.group === 'department' && a.rank !== null);
    const area3 = deps[0]!.areas.find((ar) => ar.code === '3')!;
    for (const d of both('ranking-edge')) {
      const s = sheet(d, GROUP_VI.department);
      const how = (code: string) => values(s, rowsWithCode(s, code)[0]!)[8];
      expect(how(deps[0]!.agency.code)).toBe(`Cùng chỉ số; xếp theo điểm lĩnh vực 3. ${area3.title.vi}`);
      expect(how(deps[1]!.agency.code)).toBe('Cùng chỉ số; xếp theo điểm thẩm định');
      expect(how(deps[2]!.agency.code)).toBe('Đồng hạng');
      expect(how(deps[3]!.agency.code)).toBe('Cùng chỉ số; xếp theo điểm ĐTXHH');
      expect(values(sheet(d, GROUP_VI.district), firstDataRow(sheet(d, GROUP_VI.district)))[2]).toBe('Không có cơ quan, đơn vị nào trong khối này.');
      const communes = sheet(d, GROUP_VI.commune);
      expect(values(communes, firstDataRow(communes))[0]).toBe('Cơ quan, đơn vị không xếp hạng');
    }
  });

  it('speaks English when asked', () => {
    for (const d of both('ranking-en')) {
      expect(d.sheets.map((s) => s.name)).toEqual(['Departments and agencies', 'District People’s Committees', 'Commune People’s Committees']);
      const s = sheet(d, 'Departments and agencies');
      expect(headerRows(s)[0]?.slice(0, 3)).toEqual(['Rank', 'Code', 'Agency']);
      const late = values(s, rowsWithCode(s, LATE)[0]!);
      expect(late[9]).toContain('Not ranked: self-assessment submitted after the deadline');
    }
  });
});

interface Expected {
  count: number;
  average: number | null;
  min: number | null;
  max: number | null;
  minNames: string[];
  maxNames: string[];
  below: number;
}

function expectedStats(r: Results, g: AgencyGroup, code: string, threshold: number): Expected {
  const figures = r.agencies
    .filter((a) => a.agency.group === g && a.submitted)
    .flatMap((a) => {
      const ar = a.areas.find((x) => x.code === code);
      return ar && ar.index !== null ? [{ name: a.agency.name, index: ar.index }] : [];
    });
  const idx = figures.map((x) => x.index);
  const min = idx.length ? Math.min(...idx) : null;
  const max = idx.length ? Math.max(...idx) : null;
  return {
    count: idx.length,
    average: idx.length ? round2(idx.reduce((s, x) => s + x, 0) / idx.length) : null,
    min,
    max,
    minNames: figures.filter((x) => x.index === min).map((x) => x.name),
    maxNames: figures.filter((x) => x.index === max).map((x) => x.name),
    below: idx.filter((x) => x < threshold).length,
  };
}

describe('writeAreaAnalysis', () => {
  it('gives per group and area the average, lowest and highest index (with the agency) and how many are below 70%', () => {
    for (const d of both('areas')) {
      expect(d.sheets.map((s) => s.name)).toEqual(['Theo lĩnh vực', 'Dưới ngưỡng 70%']);
      const s = sheet(d, 'Theo lĩnh vực');
      expectLayout(s, 2, true);
      const [top, bottom] = twoHeaderRows(s);
      expect(top).toEqual(['Mã', 'Lĩnh vực', 'Số cơ quan, đơn vị', 'Chỉ số bình quân (%)', 'Thấp nhất', null, 'Cao nhất', null, 'Số dưới ngưỡng']);
      expect(bottom).toEqual([null, null, null, null, 'Chỉ số (%)', 'Cơ quan, đơn vị', 'Chỉ số (%)', 'Cơ quan, đơn vị', null]);
      let row = firstDataRow(s);
      for (const g of GROUPS) {
        expect(values(s, row++)[0]).toBe(GROUP_VI[g]);
        const areas = f.results.agencies.find((a) => a.agency.group === g)!.areas;
        areas.forEach((ar) => {
          const e = expectedStats(f.results, g, ar.code, 70);
          const got = values(s, row);
          expect(got.slice(0, 5), `${d.reader} ${g} ${ar.code}`).toEqual([ar.code, ar.title.vi, e.count, e.average, e.min]);
          expect(got[6]).toBe(e.max);
          expect(got[8]).toBe(e.below);
          expect(String(got[5])).toContain(shown(e.minNames[0]!));
          expect(String(got[7])).toContain(shown(e.maxNames[0]!));
          if (e.maxNames.length > 2) expect(String(got[7])).toContain(`và ${e.maxNames.length - 2} cơ quan, đơn vị khác`);
          expectFormats(s, row, { 2: '#,##0', 3: '0.00', 4: '0.00', 6: '0.00', 8: '#,##0' });
          row++;
        });
      }
    }
  });

  it('lists the agencies below the threshold area by area, with points, maximum and index', () => {
    for (const [book, threshold] of [['areas', 70], ['areas80', 80]] as const) {
      for (const d of both(book)) {
        const s = sheet(d, `Dưới ngưỡng ${threshold}%`);
        expectLayout(s, 1, false);
        expect(headerRows(s)[0]).toEqual(['TT', 'Mã', 'Cơ quan, đơn vị', 'Lĩnh vực', 'Tổng điểm', 'Điểm tối đa', 'Chỉ số (%)']);
        const expected = f.results.agencies
          .filter((a) => a.submitted)
          .flatMap((a) => a.areas.filter((ar) => ar.index !== null && ar.index < threshold).map((ar) => `${a.agency.code}|${ar.code}|${ar.points}|${ar.max}|${ar.index}`));
        const got: string[] = [];
        for (let r = firstDataRow(s); r <= s.rows.length; r++) {
          const v = values(s, r);
          if (typeof v[0] === 'number' && typeof v[6] === 'number') {
            got.push(`${String(v[1])}|${String(v[3])}|${v[4]}|${v[5]}|${v[6]}`);
            expectFormats(s, r, { 0: '#,##0', 4: '#,##0.00', 5: '#,##0.00', 6: '0.00' });
            const a = f.results.agencies.find((x) => x.agency.code === v[1])!;
            expect(v[2]).toBe(shown(a.agency.name));
          }
        }
        expect(got.sort(), `${d.reader} ${threshold}`).toEqual(expected.sort());
        expect(expected.length).toBeGreaterThan(0);
      }
    }
  });

  it('handles an empty group and refuses a threshold outside 0–100', async () => {
    for (const d of both('areas-edge')) {
      const s = sheet(d, 'Theo lĩnh vực');
      const i = s.rows.findIndex((r) => r[0]?.v === GROUP_VI.district);
      expect(values(s, i + 2)[1]).toBe('Không có cơ quan, đơn vị nào trong khối này.');
    }
    await expect(writeAreaAnalysis(contextOf(f, f.results), join(tmp, 'bad.xlsx'), { threshold: 120 })).rejects.toThrow('Ngưỡng phải là một số từ 0 đến 100');
  });
});

function trendYear(a: AgencyTrend, year: number) {
  return a.years.find((y) => y.year === year);
}

describe('writeComparison', () => {
  it('says that no earlier year was given and how to give one', () => {
    for (const d of both('comparison-none')) {
      expect(d.sheets.map((s) => s.name)).toEqual(['So sánh']);
      const all = texts(d);
      expect(all).toContain(`Chưa so sánh được: khi tổng hợp kết quả năm ${f.results.campaign.year} chưa cung cấp kết quả của năm nào trước đó.`);
      expect(all.some((x) => x.includes('parscore consolidate') && x.includes('--history'))).toBe(true);
    }
  });

  it('puts the years side by side per agency with the change between consecutive years', () => {
    const c = f.withHistory.comparison!;
    const years = c.periods.map((p) => p.year);
    for (const d of both('comparison')) {
      expect(d.sheets.map((s) => s.name)).toEqual(['Theo năm', ...GROUPS.map((g) => `Lĩnh vực - ${GROUP_SHORT_VI[g]}`), 'Tổng hợp nhiều năm', 'Bình quân theo khối']);
      const s = sheet(d, 'Theo năm');
      expectLayout(s, 2, true);
      const [top, bottom] = twoHeaderRows(s);
      expect(top).toEqual([
        'TT', 'Mã', 'Cơ quan, đơn vị',
        ...years.flatMap((y) => [`Năm ${y}`, null, null]),
        ...years.slice(1).flatMap((y, i) => [`Năm ${y} so với năm ${years[i]}`, null]),
        'Ghi chú',
      ]);
      expect(bottom).toEqual([null, null, null, ...years.flatMap(() => ['Chỉ số (%)', 'Xếp hạng', 'Xếp loại']), ...years.slice(1).flatMap(() => ['Tăng, giảm chỉ số (%)', 'Tăng, giảm thứ hạng']), null]);
      for (const a of c.agencies) {
        const rows = rowsWithCode(s, a.agency);
        expect(rows, `${d.reader} ${a.agency}`).toHaveLength(1);
        const got = values(s, rows[0]!);
        expect(got[2]).toBe(shown(a.name));
        years.forEach((y, i) => {
          const ay = trendYear(a, y);
          const cells = got.slice(3 + 3 * i, 6 + 3 * i);
          expect(cells, `${a.agency} ${y}`).toEqual(ay?.submitted ? [ay.index, ay.rank, ay.band] : [null, null, null]);
        });
        years.slice(1).forEach((y, i) => {
          const delta = a.deltas.find((x) => x.to === y);
          const at = 3 + 3 * years.length + 2 * i;
          expect(got.slice(at, at + 2), `${a.agency} → ${y}`).toEqual([delta?.index ?? null, delta?.rank ?? null]);
        });
        expectFormats(s, rows[0]!, { 3: '0.00', 4: '#,##0' });
      }
      const note = (code: string) => String(values(s, rowsWithCode(s, code)[0]!).at(-1));
      expect(note(NEW_IN_THIS_YEAR)).toContain(`Năm ${years[0]}: không có trong danh sách`);
      expect(note(GAP)).toContain(`Năm ${years[1]}: không nộp hồ sơ tự đánh giá`);
      expect(note(GAP)).toContain(`Năm ${years[2]} so với năm ${years[0]}`);
    }
  });

  it('has the per-area index changes per group, the multi-year summary and the group averages', () => {
    const c = f.withHistory.comparison!;
    for (const d of both('comparison')) {
      for (const g of GROUPS) {
        const s = sheet(d, `Lĩnh vực - ${GROUP_SHORT_VI[g]}`);
        expectLayout(s, 2, true);
        const areas = f.results.agencies.find((a) => a.agency.group === g)!.areas;
        const [top, bottom] = twoHeaderRows(s);
        expect(top.slice(0, 7)).toEqual(['TT', 'Mã', 'Cơ quan, đơn vị', 'Từ năm', 'Đến năm', 'Tăng, giảm chỉ số (%)', 'Tăng, giảm chỉ số theo lĩnh vực (%)']);
        expect(bottom.slice(6, 6 + areas.length)).toEqual(areas.map((ar) => `${ar.code}. ${ar.title.vi}`));
        for (const a of c.agencies.filter((x) => x.group === g)) {
          const rows = rowsWithCode(s, a.agency);
          expect(rows.length, `${d.reader} ${a.agency}`).toBe(Math.max(1, a.deltas.length));
          a.deltas.forEach((delta, i) => {
            const got = values(s, rows[i]!);
            const expected = [delta.from, delta.to, delta.index, ...areas.map((ar) => delta.areas.find((x) => x.code === ar.code)?.index ?? null)];
            expect(got.slice(3, 6 + areas.length), `${a.agency} ${delta.from}→${delta.to}`).toEqual(expected);
          });
        }
      }
      const s = sheet(d, 'Tổng hợp nhiều năm');
      expectLayout(s, 2, true);
      const [top, bottom] = twoHeaderRows(s);
      expect(top.slice(0, 11)).toEqual(['TT', 'Mã', 'Cơ quan, đơn vị', 'Số năm có số liệu', 'Chỉ số bình quân (%)', 'Năm cao nhất', null, 'Năm thấp nhất', null, 'Số năm xếp loại A', 'Số năm theo xếp loại']);
      expect(bottom.slice(5, 15)).toEqual(['Năm', 'Chỉ số (%)', 'Năm', 'Chỉ số (%)', null, 'A', 'B', 'C', 'D', 'E']);
      for (const a of c.agencies) {
        const got = values(s, rowsWithCode(s, a.agency)[0]!);
        const m = a.summary;
        expect(got.slice(3, 15), `${d.reader} ${a.agency}`).toEqual([
          m.years,
          m.averageIndex,
          m.best?.year ?? null,
          m.best?.index ?? null,
          m.worst?.year ?? null,
          m.worst?.index ?? null,
          m.yearsInTopBand,
          ...['A', 'B', 'C', 'D', 'E'].map((b) => m.bandYears[b] ?? 0),
        ]);
      }
      const avg = sheet(d, 'Bình quân theo khối');
      for (const g of c.groups) {
        const i = avg.rows.findIndex((r) => r[0]?.v === GROUP_VI[g.group]);
        g.years.forEach((y, k) => expect(values(avg, i + 2 + k).slice(0, 4)).toEqual([y.year, y.agencies, y.submitted, y.averageIndex]));
      }
    }
  });

  it('speaks English when asked', () => {
    for (const d of both('comparison-en')) {
      expect(d.sheets.map((s) => s.name)).toEqual(['By year', 'Areas - Departments', 'Areas - Districts', 'Areas - Communes', 'Multi-year summary', 'Averages by block']);
    }
  });
});

describe('every board workbook', () => {
  it('keeps names as text: every diacritic intact, formula-looking names behind an apostrophe, and no formula anywhere', () => {
    for (const [name, dumps] of Object.entries(books)) {
      for (const d of dumps) {
        expect(d.formulas, `${name} ${d.reader}`).toEqual([]);
        for (const s of d.sheets) {
          for (const row of s.rows) {
            for (const c of row) {
              expect(c.t, `${name} ${d.reader} ${s.name}`).not.toBe('f');
              if (typeof c.v === 'string') expect(/^[=+\-@\t\r\n]/.test(c.v), `${name} ${d.reader} ${s.name}: ${c.v.slice(0, 30)}`).toBe(false);
            }
          }
        }
        if (name.startsWith('comparison-none') || name.startsWith('areas')) continue;
        const all = texts(d);
        expect(all, `${name} ${d.reader}`).toContain(DIACRITICS.normalize('NFC'));
        for (const tricky of ['+Sở Ảo', '=HYPERLINK("http://x")', '@Xã Ổn']) expect(all, `${name} ${d.reader}`).toContain(`'${tricky}`);
      }
    }
  });

  it('streams 10,000 agencies into workbooks that read back complete', async () => {
    const big = structuredClone(f.results);
    const template = big.agencies.filter((a) => a.agency.group === 'commune');
    big.agencies = [
      ...big.agencies.filter((a) => a.agency.group !== 'commune'),
      ...Array.from({ length: 10_000 }, (_, i) => {
        const a = structuredClone(template[i % template.length]!);
        a.agency = { ...a.agency, code: `Y${String(i).padStart(5, '0')}`, name: `Xã Số ${i}` };
        a.rank = a.rank === null ? null : i + 1;
        return a;
      }),
    ];
    const file = join(tmp, 'big-scoreboard.xlsx');
    const started = Date.now();
    await writeScoreboard(contextOf(f, big), file);
    await writeRanking(contextOf(f, big), join(tmp, 'big-ranking.xlsx'));
    await writeAreaAnalysis(contextOf(f, big), join(tmp, 'big-areas.xlsx'));
    expect(Date.now() - started).toBeLessThan(120_000);
    let rows = 0;
    const seen = new Set<string>();
    const mentions = new Map<string, number>();
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {});
    let sheetNo = 0;
    for await (const ws of reader) {
      // The sheets in workbook order: per group main and detail, then "Tất cả" (the 7th).
      const name = String(++sheetNo);
      for await (const row of ws) {
        rows++;
        const code = (row as ExcelJS.Row).getCell(2).value;
        if (typeof code === 'string' && /^Y\d{5}$/.test(code)) {
          seen.add(code);
          mentions.set(name, (mentions.get(name) ?? 0) + 1);
        }
      }
    }
    // Each agency once on its group's sheet and on "Tất cả", and once per area on the detail sheet.
    const areas = template[0]!.areas.length;
    expect(seen.size).toBe(10_000);
    expect(Object.fromEntries(mentions)).toEqual({ 5: 10_000, 6: 10_000 * areas, 7: 10_000 });
    expect(rows).toBeGreaterThan((2 + areas) * 10_000);
  }, 180_000);
});
