/**
 * The consolidated scoreboard (Bảng tổng hợp kết quả chấm điểm, domain brief §(b)5), streamed (its
 * size grows with the number of agencies). Per group present, two sheets:
 *  - "<group>": one row per agency with one column per area of the group's template holding the
 *    area's points, then the totals (self-assessed, appraised, survey, bonus, penalty, late
 *    penalty, total, index), rank, band and a note. About twenty columns, so that it prints legibly
 *    on A4 landscape fitted to the width;
 *  - "<group> - chi tiết": every agency × area in long format (maximum, self-assessed, appraised,
 *    survey, points, index), under a section row per agency.
 * Then one "Tất cả" sheet with the totals of every agency.
 *
 * Also home of the few helpers the four board reports (scoreboard, ranking, areas, comparison)
 * share: group order and labels, localized text, ranked-first order, the row note.
 */
import { type Lang, type MessageKey, t } from '../../../shared/i18n/index.ts';
import { type AgencyResult, GROUPS, type Results } from '../../../shared/results/index.ts';
import type { AgencyGroup, LocalizedText } from '../../../shared/schema/common.ts';
import { type ReportContext, documentNoOf } from './kit/context.ts';
import { type ColumnSpec, type OfficialSheet, type ReportHeader, newStreamingWorkbook, officialSheet, saveWorkbook } from './kit/sheet.ts';

// ————————————————————————————————————————— shared helpers of the board reports

/** The Vietnamese text, or the English one when the report is in English and the data has one. */
export function localized(text: LocalizedText, lang: Lang): string {
  return lang === 'en' && text.en ? text.en : text.vi;
}

const GROUP_KEYS: Record<AgencyGroup, MessageKey> = {
  department: 'rboard.group.department',
  district: 'rboard.group.district',
  commune: 'rboard.group.commune',
};

export function groupLabel(group: AgencyGroup, lang: Lang): string {
  return t(lang, GROUP_KEYS[group]);
}

const GROUP_SHORT_KEYS: Record<AgencyGroup, MessageKey> = {
  department: 'rboard.group_short.department',
  district: 'rboard.group_short.district',
  commune: 'rboard.group_short.commune',
};

/** The group's name where room is short (inside a sheet name of at most 31 characters). */
export function groupShortLabel(group: AgencyGroup, lang: Lang): string {
  return t(lang, GROUP_SHORT_KEYS[group]);
}

/** The groups present in the results, in the published order (departments, districts, communes). */
export function groupsOf(results: Results): AgencyGroup[] {
  const present = new Set<AgencyGroup>(results.groups.map((g) => g.group));
  for (const a of results.agencies) present.add(a.agency.group);
  return GROUPS.filter((g) => present.has(g));
}

/** A group's agencies: the ranked by rank (ties in published order), then the unranked in published order. */
export function rankedFirst(results: Results, group: AgencyGroup): AgencyResult[] {
  const members = results.agencies.filter((a) => a.agency.group === group);
  const ranked = members.filter((a) => a.rank !== null).sort((x, y) => (x.rank ?? 0) - (y.rank ?? 0));
  return [...ranked, ...members.filter((a) => a.rank === null)];
}

/** An area as a column group or a row label: "3. Cải cách thủ tục hành chính". */
export function areaLabel(code: string, title: LocalizedText | null, lang: Lang): string {
  return title ? t(lang, 'rboard.scoreboard.area', { code, title: localized(title, lang) }) : code;
}

/** The areas of a group's template, in template order (the union, should agencies differ). */
export function areasOf(agencies: readonly AgencyResult[]): { code: string; title: LocalizedText }[] {
  const seen = new Map<string, { code: string; title: LocalizedText }>();
  for (const a of agencies) for (const ar of a.areas) if (!seen.has(ar.code)) seen.set(ar.code, { code: ar.code, title: ar.title });
  return [...seen.values()];
}

/** Why an agency is not ranked, that it was late, penalised, found falsifying or not appraised yet. */
export function agencyNote(a: AgencyResult, lang: Lang): string | null {
  const parts: string[] = [];
  if (a.unranked) parts.push(t(lang, a.unranked.key, a.unranked.params));
  else if (a.late) parts.push(t(lang, 'rboard.note.late'));
  if (a.latePenalty > 0) parts.push(t(lang, 'rboard.note.late_penalty', { points: a.latePenalty }));
  if (a.falsifiedEvidence) parts.push(t(lang, 'rboard.note.falsified'));
  if (a.submitted && !a.hasAppraisal) parts.push(t(lang, 'rboard.note.not_appraised'));
  return parts.length > 0 ? parts.map((p) => p.replace(/[.;]\s*$/, '')).join('; ') : null;
}

/** The official header of a board report's sheet. */
export function boardHeader(ctx: ReportContext, title: string, subtitle?: string): ReportHeader {
  return { issuer: ctx.campaign.issuer, ...documentNoOf(ctx), date: ctx.date, title, ...(subtitle ? { subtitle } : {}), lang: ctx.lang };
}

/** Lets the file stream drain now and then: exceljs' row commit is synchronous (anchors §4.1). */
export async function breathe(rows: number): Promise<void> {
  if (rows > 0 && rows % 500 === 0) await new Promise<void>((resolve) => setImmediate(resolve));
}

// ————————————————————————————————————————— the scoreboard

/** The longest area title a column header of the main sheet shows as it is. */
const SHORT_TITLE_MAX = 34;
/** Once shortened every way but the cut, a title this long is still shown rather than cut. */
const SHORT_TITLE_SLACK = 4;
/** Words a cut title must not end on. */
const DANGLING = /[\s,;:–-]+(?:và|của|đến|cho|với|trong|theo|về|and|of|to|for|the|in|on|with)?$/iu;
/** The abbreviations of Vietnamese administrative writing (longest first), for a title that is too long. */
const ABBREVIATIONS: ReadonlyArray<readonly [RegExp, string]> = [
  [/cán bộ, công chức, viên chức/giu, 'CBCCVC'],
  [/cán bộ, công chức/giu, 'CBCC'],
  [/văn bản quy phạm pháp luật/giu, 'VBQPPL'],
  [/thủ tục hành chính/giu, 'TTHC'],
  [/cải cách hành chính/giu, 'CCHC'],
  [/kinh tế - xã hội/giu, 'KT-XH'],
  // The English titles of a template.
  [/(?:public )?administrative reform/giu, 'PAR'],
  [/administrative/giu, 'admin.'],
];

/**
 * An area's title short enough for a narrow column header ("Chỉ đạo, điều hành" for "Công tác
 * chỉ đạo, điều hành cải cách hành chính"). While it is too long, step by step: only the clause
 * before a ";"; "Công tác X" is X; an area that is not itself "Cải cách …" drops a closing "cải
 * cách hành chính" (what the whole report is about); the usual abbreviations (TTHC, VBQPPL,
 * CBCCVC…); a leading "Xây dựng và"; and last a cut after a word (at a comma if one comes late
 * enough) with "…". The detail sheet carries the full title.
 */
export function shortAreaTitle(title: string): string {
  const steps: ReadonlyArray<(s: string) => string> = [
    (s) => s.split(';')[0]?.trim() || s,
    (s) => s.replace(/^công tác\s+(\p{L})/iu, (_m, c: string) => c.toLocaleUpperCase('vi')),
    (s) => {
      if (/^cải cách(?:\s|$)/iu.test(s)) return s;
      const shorter = s.replace(/\s+cải cách hành chính$/iu, '');
      return shorter.replace(DANGLING, '') === shorter ? shorter : s;
    },
    (s) => ABBREVIATIONS.reduce((acc, [re, abbr]) => acc.replace(re, abbr), s),
    (s) => s.replace(/^xây dựng và\s+(\p{L})/iu, (_m, c: string) => c.toLocaleUpperCase('vi')),
  ];
  let s = title.normalize('NFC').replace(/\s+/g, ' ').trim();
  for (const step of steps) {
    if (s.length <= SHORT_TITLE_MAX) return s;
    s = step(s);
  }
  if (s.length <= SHORT_TITLE_MAX + SHORT_TITLE_SLACK) return s;
  let cut = '';
  for (const word of s.split(' ')) {
    const next = cut ? `${cut} ${word}` : word;
    if (next.length > SHORT_TITLE_MAX - 1) break;
    cut = next;
  }
  const comma = cut.lastIndexOf(',');
  if (comma >= SHORT_TITLE_MAX * 0.6) cut = cut.slice(0, comma);
  for (let prev = ''; prev !== cut; ) {
    prev = cut;
    cut = cut.replace(DANGLING, '');
  }
  return `${cut || s.slice(0, SHORT_TITLE_MAX - 1)}…`;
}

interface Area {
  code: string;
  title: LocalizedText;
  /** The template's maximum: the largest over the agencies (not-applicable items lower an agency's own). */
  max: number;
}

function groupAreas(agencies: readonly AgencyResult[]): Area[] {
  const max = new Map<string, number>();
  for (const a of agencies) for (const ar of a.areas) max.set(ar.code, Math.max(max.get(ar.code) ?? 0, ar.max));
  return areasOf(agencies).map((area) => ({ ...area, max: max.get(area.code) ?? 0 }));
}

interface Layout {
  columns: ColumnSpec[];
  levels: string[];
}

/**
 * The widest the main sheet may be, in character units: fitted to the width of A4 landscape
 * (25.2 cm between the margins) it then prints at about 60 % or more (LibreOffice: 62 %).
 */
const MAIN_WIDTH = 184;
/** An area column: wide enough for "100,00" and for "VBQPPL" in a bold header, at most 10. */
const AREA_WIDTH_MIN = 8;
const AREA_WIDTH_MAX = 10;

/**
 * exceljs leaves a column 9 wide (its default) out of the sheet's <cols>, so that it opens at the
 * application's default width (8.43 in Excel) instead: a width just under 9 is taken for it.
 */
function notDefaultWidth(width: number): number {
  return width === 9 ? 8.9 : width;
}

/** The main sheet: one points column per area, then the totals, under a two-level header. */
function mainLayout(lang: Lang, areas: readonly Area[]): Layout {
  const h = (key: MessageKey) => t(lang, key);
  const head: ColumnSpec[] = [
    { header: h('rboard.col.tt'), width: 4, kind: 'integer' },
    { header: h('rboard.col.code'), width: 6, kind: 'code' },
    { header: h('rboard.col.agency'), width: 18, kind: 'wrap' },
  ];
  const totals: ColumnSpec[] = [
    { header: h('rboard.col.self'), width: 7, kind: 'number2' },
    { header: h('rboard.col.appraised'), width: 8, kind: 'number2' },
    { header: h('rboard.col.survey'), width: 8, kind: 'number2' },
    { header: h('rboard.col.bonus'), width: 7, kind: 'number2' },
    { header: h('rboard.col.penalty'), width: 7, kind: 'number2' },
    { header: h('rboard.col.late_penalty'), width: 7, kind: 'number2' },
    { header: h('rboard.col.total'), width: 8, kind: 'number2' },
    { header: h('rboard.col.index'), width: 8, kind: 'percent2' },
  ];
  const tail: ColumnSpec[] = [
    { header: h('rboard.col.rank'), width: 5.5, kind: 'integer' },
    { header: h('rboard.col.band'), width: 5.5, kind: 'code' },
    { header: h('rboard.col.note'), width: 13, kind: 'wrap' },
  ];
  const fixed = [...head, ...totals, ...tail].reduce((s, c) => s + c.width, 0);
  // The areas share what is left (nine areas: 8 each).
  const share = (MAIN_WIDTH - fixed) / Math.max(1, areas.length);
  const areaWidth = notDefaultWidth(Math.floor(Math.min(AREA_WIDTH_MAX, Math.max(AREA_WIDTH_MIN, share)) * 10) / 10);
  const areaColumns: ColumnSpec[] = areas.map((area) => ({
    header: t(lang, 'rboard.scoreboard.area_column', { code: area.code, title: shortAreaTitle(localized(area.title, lang)), max: area.max }),
    width: areaWidth,
    kind: 'number2',
  }));
  return {
    columns: [...head, ...areaColumns, ...totals, ...tail],
    levels: [
      ...head.map((c) => c.header),
      ...areaColumns.map(() => h('rboard.scoreboard.area_points')),
      ...totals.map(() => h('rboard.scoreboard.totals')),
      ...tail.map((c) => c.header),
    ],
  };
}

/** "Tất cả": the totals of every agency (the areas differ between the groups' templates). */
function allLayout(lang: Lang): Layout {
  const h = (key: MessageKey) => t(lang, key);
  const head: ColumnSpec[] = [
    { header: h('rboard.col.tt'), width: 5, kind: 'integer' },
    { header: h('rboard.col.code'), width: 8, kind: 'code' },
    { header: h('rboard.col.agency'), width: 30, kind: 'wrap' },
  ];
  const totals: ColumnSpec[] = [
    { header: h('rboard.col.max'), width: 8, kind: 'number2' },
    { header: h('rboard.col.self'), width: 9, kind: 'number2' },
    { header: h('rboard.col.appraised'), width: 9, kind: 'number2' },
    { header: h('rboard.col.survey'), width: 8, kind: 'number2' },
    { header: h('rboard.col.bonus'), width: 8, kind: 'number2' },
    { header: h('rboard.col.penalty'), width: 8, kind: 'number2' },
    { header: h('rboard.col.late_penalty'), width: 9, kind: 'number2' },
    { header: h('rboard.col.total'), width: 9, kind: 'number2' },
    { header: h('rboard.col.index'), width: 8, kind: 'percent2' },
  ];
  const tail: ColumnSpec[] = [
    { header: h('rboard.col.rank'), width: 7, kind: 'integer' },
    { header: h('rboard.col.band'), width: 7, kind: 'code' },
    { header: h('rboard.col.note'), width: 28, kind: 'wrap' },
  ];
  return {
    columns: [...head, ...totals, ...tail],
    levels: [...head.map((c) => c.header), ...totals.map(() => h('rboard.scoreboard.totals')), ...tail.map((c) => c.header)],
  };
}

/** The detail sheet: one row per agency × area. */
function detailColumns(lang: Lang): ColumnSpec[] {
  const h = (key: MessageKey) => t(lang, key);
  return [
    { header: h('rboard.col.tt'), width: 5, kind: 'integer' },
    { header: h('rboard.col.code'), width: 8, kind: 'code' },
    { header: h('rboard.col.agency'), width: 28, kind: 'wrap' },
    { header: h('rboard.col.area'), width: 40, kind: 'wrap' },
    { header: h('rboard.col.max'), width: 9.5, kind: 'number2' },
    { header: h('rboard.col.self'), width: 9.5, kind: 'number2' },
    { header: h('rboard.col.appraised'), width: 9.5, kind: 'number2' },
    { header: h('rboard.col.survey'), width: 9.5, kind: 'number2' },
    { header: h('rboard.col.points'), width: 9.5, kind: 'number2' },
    { header: h('rboard.col.index'), width: 9.5, kind: 'percent2' },
  ];
}

/** An agency's area of that code (the last, should it repeat): a search of a few areas, no map per agency. */
function areaOf(a: AgencyResult, code: string): AgencyResult['areas'][number] | undefined {
  for (let j = a.areas.length - 1; j >= 0; j--) {
    const ar = a.areas[j];
    if (ar?.code === code) return ar;
  }
  return undefined;
}

/** A main-sheet row: the area points when `areaCodes` is given ("Tất cả" has the maximum instead). */
function agencyRow(n: number, a: AgencyResult, areaCodes: readonly string[] | null, lang: Lang): unknown[] {
  const row: unknown[] = [n, a.agency.code, a.agency.name];
  if (areaCodes) {
    for (const code of areaCodes) row.push(areaOf(a, code)?.points ?? null);
  } else {
    row.push(a.max);
  }
  row.push(a.self.score, a.appraised.score, a.survey.score, a.bonus, a.penalty, a.latePenalty, a.total, a.index, a.rank, a.band, agencyNote(a, lang));
  return row;
}

/** The group's average index as a bold closing row, its label under the agency name. */
function averageRow(sheet: OfficialSheet, results: Results, group: AgencyGroup, width: number, indexColumn: number, lang: Lang): void {
  const avg = results.groups.find((g) => g.group === group)?.averageIndex ?? null;
  if (avg === null) return;
  const row: unknown[] = new Array<unknown>(width).fill(null);
  row[2] = t(lang, 'rboard.group_average');
  row[indexColumn] = avg;
  sheet.addRow(row, { total: true });
}

/** Writes the rows of one group (`rows`: its agencies ranked first), or says it has none, then its average index. */
async function writeGroupRows(
  sheet: OfficialSheet,
  ctx: ReportContext,
  group: AgencyGroup,
  rows: readonly AgencyResult[],
  areaCodes: readonly string[] | null,
  width: number,
  indexColumn: number,
): Promise<void> {
  const { results, lang } = ctx;
  if (rows.length === 0) {
    sheet.addRow([null, null, t(lang, 'rboard.empty_group')]);
    return;
  }
  let n = 0;
  for (const a of rows) {
    n++;
    sheet.addRow(agencyRow(n, a, areaCodes, lang));
    await breathe(n);
  }
  averageRow(sheet, results, group, width, indexColumn, lang);
}

/**
 * Writes the detail rows of one group: per agency (numbered as on the main sheet) one row per area,
 * each carrying the agency's number, code and name: a long table that filters and pivots in Excel
 * as it is, without a heading row per agency (10,000 merged headings cost exceljs quadratic time).
 */
async function writeDetailRows(sheet: OfficialSheet, ctx: ReportContext, rows: readonly AgencyResult[], areas: readonly Area[]): Promise<void> {
  const { lang } = ctx;
  if (rows.length === 0) {
    sheet.addRow([null, null, t(lang, 'rboard.empty_group')]);
    return;
  }
  // Every agency has the same few areas: each label is put into words once (by code, while the title is the same).
  const labels = new Map<string, readonly [title: string, label: string]>();
  const labelOf = (code: string, title: LocalizedText): string => {
    const text = localized(title, lang);
    const known = labels.get(code);
    if (known !== undefined && known[0] === text) return known[1];
    const label = areaLabel(code, title, lang);
    labels.set(code, [text, label]);
    return label;
  };
  let n = 0;
  let written = 0;
  for (const a of rows) {
    n++;
    for (const area of areas) {
      const ar = areaOf(a, area.code);
      if (!ar) continue;
      sheet.addRow([n, a.agency.code, a.agency.name, labelOf(ar.code, ar.title), ar.max, ar.self, ar.appraised, ar.survey, ar.points, ar.index]);
      await breathe(++written);
    }
  }
}

export async function writeScoreboard(ctx: ReportContext, file: string): Promise<void> {
  const { results, lang } = ctx;
  const title = t(lang, 'rboard.scoreboard.title', { year: String(results.campaign.year) });
  const wb = newStreamingWorkbook(file);
  const groups = groupsOf(results);
  // Each group's agencies in the order of all three sheets.
  const ordered = new Map(groups.map((g) => [g, rankedFirst(results, g)] as const));

  for (const group of groups) {
    const rows = ordered.get(group) ?? [];
    const areas = groupAreas(results.agencies.filter((a) => a.agency.group === group));
    const label = groupLabel(group, lang);
    const { columns, levels } = mainLayout(lang, areas);
    const main = officialSheet(wb, label, boardHeader(ctx, title, t(lang, 'rboard.group_subtitle', { group: label })), columns, {
      landscape: true,
      headerLevels: levels,
    });
    await writeGroupRows(main, ctx, group, rows, areas.map((a) => a.code), columns.length, columns.length - 4);
    await main.finish(ctx.footer);

    const detail = officialSheet(
      wb,
      t(lang, 'rboard.scoreboard.sheet.detail', { group: groupShortLabel(group, lang) }),
      boardHeader(ctx, title, t(lang, 'rboard.scoreboard.detail_subtitle', { group: label })),
      detailColumns(lang),
      { landscape: true },
    );
    await writeDetailRows(detail, ctx, rows, areas);
    await detail.finish(ctx.footer);
  }

  const { columns, levels } = allLayout(lang);
  const all = officialSheet(wb, t(lang, 'rboard.sheet.all'), boardHeader(ctx, title, t(lang, 'rboard.all_subtitle')), columns, { landscape: true, headerLevels: levels });
  for (const group of groups) {
    all.addSectionRow(groupLabel(group, lang));
    await writeGroupRows(all, ctx, group, ordered.get(group) ?? [], null, columns.length, columns.length - 4);
  }
  await all.finish(ctx.footer);
  await saveWorkbook(wb, file);
}
