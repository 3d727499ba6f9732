/**
 * The campaign's agency list as a province keeps it in Excel: code, name, group and, for the
 * communes of the three-tier model, the district they belong to. Layout: docs/imports.md.
 */
import { firstUnsafeChar } from '../../../shared/util/text-safety.ts';
import type ExcelJS from 'exceljs';
import { type Lang, t } from '../../../shared/i18n/index.ts';
import { Agency, type AgencyGroup, Code } from '../../../shared/schema/index.ts';
import { type Result, fail, ok } from '../../../shared/util/issue.ts';
import { columnLetter } from '../template-xlsx/text.ts';
import { GROUPS, vocab } from '../template-xlsx/vocab.ts';
import {
  type CellAt,
  cellAt,
  cellText,
  Collector,
  codeKey,
  type ColumnSpec,
  findTable,
  type FormColumn,
  GuideWriter,
  guarded,
  HeaderWords,
  isRowEmpty,
  loadWorkbook,
  newWorkbook,
  put,
  quote,
  reportDuplicateHeaders,
  rowParam,
  S_BOLD,
  S_NUMBER,
  S_TEXT,
  S_TITLE,
  setupForm,
  sheetRange,
  SPARE_ROWS,
  validate,
  workbookBuffer,
} from './common.ts';

export type AgencyModel = 'three-tier' | 'two-tier';

/** Most agencies a campaign holds (CampaignV1.agencies). */
export const MAX_AGENCIES = 20000;
const MAX_NAME = 300;

type Field = 'code' | 'name' | 'group' | 'parent';
const COLUMNS: readonly ColumnSpec<Field>[] = [
  { field: 'code', header: 'ximport.col.agency.code', aliases: 'ximport.col.agency.code.aliases' },
  { field: 'name', header: 'ximport.col.agency.name', aliases: 'ximport.col.agency.name.aliases' },
  { field: 'group', header: 'ximport.col.agency.group', aliases: 'ximport.col.agency.group.aliases' },
  { field: 'parent', header: 'ximport.col.agency.parent', aliases: 'ximport.col.agency.parent.aliases' },
];
const REQUIRED: readonly Field[] = ['code', 'name', 'group'];
const HEADERS = new HeaderWords(COLUMNS);

/** Group words of the agency list (Sở, ban, ngành; UBND cấp huyện; UBND cấp xã; xã, phường …). */
export const AGENCY_GROUPS = vocab<AgencyGroup>([
  { value: 'department', key: 'ximport.group.department', aliases: 'ximport.group.department.aliases' },
  { value: 'district', key: 'ximport.group.district', aliases: 'ximport.group.district.aliases' },
  { value: 'commune', key: 'ximport.group.commune', aliases: 'ximport.group.commune.aliases' },
]);

/** A group typed in a cell: the words of this list, else those of the template sheet. */
export function readGroupWord(s: string): AgencyGroup | undefined {
  return AGENCY_GROUPS.read(s) ?? GROUPS.read(s);
}

interface Row {
  row: number;
  code?: string;
  name?: string;
  group?: AgencyGroup;
  parent?: string;
}

/**
 * Reads the agency list. Every problem is reported with its sheet, row and column (up to about a
 * hundred); a list with any problem gives no agencies at all.
 */
export async function readAgencyListXlsx(data: Buffer | ArrayBuffer, file: string, opts: { model: AgencyModel }): Promise<Result<Agency[]>> {
  const wb = await loadWorkbook(data, file, 'agencies');
  if (!wb.ok) return wb;
  return guarded(file, () => readAgencySheet(wb.value, file, opts.model));
}

function readAgencySheet(wb: ExcelJS.Workbook, file: string, model: AgencyModel): Result<Agency[]> {
  const c = new Collector(file);
  const found = findTable(
    wb,
    HEADERS,
    (s) => REQUIRED.every((f) => s.cols.has(f)),
    (s) => s.cols.size,
  );
  if (!found) return fail([{ code: 'ximport.file.no_sheet', at: { file } }]);
  const { scan } = found;
  const { ws, lang } = scan;
  const sheet = ws.name;
  reportDuplicateHeaders(scan, c);
  for (const f of REQUIRED) {
    if (!scan.cols.has(f)) c.add('ximport.header.missing', { sheet, row: scan.row }, { header: HEADERS.label(f, lang) });
  }
  if (c.count > 0) return fail(c.result());

  const col = (f: Field): number | undefined => scan.cols.get(f);
  const place = (row: number, f: Field, agency?: string) => {
    const n = col(f);
    const at: { sheet: string; row: number; column?: string; agency?: string } = { sheet, row };
    if (n !== undefined) at.column = columnLetter(n);
    if (agency !== undefined) at.agency = agency;
    return at;
  };
  const cell = (row: number, f: Field): CellAt | undefined => {
    const n = col(f);
    return n === undefined ? undefined : cellAt(ws, row, n);
  };
  const text = (row: number, f: Field): string | undefined => {
    const at = cell(row, f);
    if (!at) return undefined;
    const v = cellText(at.read);
    if (v.kind === 'bad') {
      c.add(v.code, place(row, f), v.params);
      return undefined;
    }
    return v.kind === 'text' ? v.text : undefined;
  };
  const groupWord = (g: AgencyGroup) => AGENCY_GROUPS.word(g, lang);

  // ── Rows, one by one ──────────────────────────────────────────────────────────────────────────
  const rows: Row[] = [];
  const firstRowOf = new Map<string, number>();
  const mapped = [...scan.cols.values()];
  for (let r = scan.row + 1; r <= ws.rowCount; r++) {
    if (isRowEmpty(ws, r, mapped)) continue;
    const row: Row = { row: r };
    rows.push(row);
    const codeCell = cell(r, 'code');
    const code = text(r, 'code');
    if (code === undefined) {
      if (codeCell?.read.kind === 'empty') c.add('ximport.agency.code_required', place(r, 'code'));
    } else if (!Code.safeParse(code).success) {
      c.add('ximport.agency.code_invalid', place(r, 'code'), { value: quote(code) });
    } else {
      const key = codeKey(code);
      const first = firstRowOf.get(key);
      if (first !== undefined) {
        c.add('ximport.agency.code_duplicate', place(r, 'code', code), { value: code, first: rowParam(first), second: rowParam(r) });
      } else {
        firstRowOf.set(key, r);
        row.code = code;
      }
    }
    const shownCode = code ?? '';

    const nameCell = cell(r, 'name');
    const name = text(r, 'name');
    if (name === undefined) {
      if (nameCell?.read.kind === 'empty') c.add('ximport.agency.name_required', place(r, 'name', code), { code: shownCode });
    } else if (name.length > MAX_NAME) {
      c.add('ximport.agency.name_too_long', place(r, 'name', code), { value: quote(name, 60), length: name.length, max: MAX_NAME });
    } else if (firstUnsafeChar(name) !== null) {
      c.add('doc.unsafe_char', { ...place(r, 'name', code), field: 'name' }, { char: firstUnsafeChar(name)! });
    } else {
      row.name = name;
    }

    const groupCell = cell(r, 'group');
    const g = text(r, 'group');
    if (g === undefined) {
      if (groupCell?.read.kind === 'empty') c.add('ximport.agency.group_required', place(r, 'group', code), { code: shownCode });
    } else {
      const group = readGroupWord(g);
      if (group === undefined) {
        c.add('ximport.agency.group_unknown', place(r, 'group', code), { value: quote(g) });
      } else {
        row.group = group;
        if (group === 'district' && model === 'two-tier') c.add('ximport.agency.district_two_tier', place(r, 'group', code), { code: shownCode });
      }
    }

    const parent = text(r, 'parent');
    if (parent !== undefined) row.parent = parent;
  }

  if (rows.length === 0) {
    c.add('ximport.no_rows', { sheet, row: scan.row });
    return fail(c.result());
  }
  if (rows.length > MAX_AGENCIES) c.add('ximport.agency.too_many_rows', { sheet }, { n: rows.length, max: MAX_AGENCIES });

  // ── Parents (the whole list is known now) ─────────────────────────────────────────────────────
  const byKey = new Map<string, Row>();
  const byName = new Map<string, Row[]>();
  for (const row of rows) {
    if (row.code !== undefined) byKey.set(codeKey(row.code), row);
    if (row.name !== undefined) {
      const k = codeKey(row.name);
      byName.set(k, [...(byName.get(k) ?? []), row]);
    }
  }
  const resolve = (s: string): Row | undefined => {
    const exact = byKey.get(codeKey(s));
    if (exact) return exact;
    const named = byName.get(codeKey(s));
    return named && named.length === 1 ? named[0] : undefined;
  };
  const parents = new Map<Row, string>();
  const communesWithoutParent: Row[] = [];
  for (const row of rows) {
    const code = row.code ?? '';
    if (row.parent === undefined) {
      if (model === 'three-tier' && row.group === 'commune') communesWithoutParent.push(row);
      continue;
    }
    if (row.group !== undefined && row.group !== 'commune') {
      c.add('ximport.agency.parent_not_commune', place(row.row, 'parent', row.code), { code, group: groupWord(row.group), value: quote(row.parent) });
      continue;
    }
    if (model === 'two-tier') {
      c.add('ximport.agency.parent_two_tier', place(row.row, 'parent', row.code), { value: quote(row.parent) });
      continue;
    }
    const p = resolve(row.parent);
    if (!p) {
      c.add('ximport.agency.parent_not_found', place(row.row, 'parent', row.code), { value: quote(row.parent) });
    } else if (p.group !== undefined && p.group !== 'district') {
      c.add('ximport.agency.parent_not_district', place(row.row, 'parent', row.code), { value: row.parent, group: groupWord(p.group) });
    } else if (p.code !== undefined) {
      parents.set(row, p.code);
    }
  }
  if (communesWithoutParent.length > 0) {
    if (!scan.cols.has('parent')) {
      c.add('ximport.header.missing', { sheet, row: scan.row }, { header: HEADERS.label('parent', lang) });
    } else {
      for (const row of communesWithoutParent) c.add('ximport.agency.parent_required', place(row.row, 'parent', row.code), { code: row.code ?? '' });
    }
  }
  if (c.count > 0) return fail(c.result());

  const out: Agency[] = [];
  for (const row of rows) {
    if (row.code === undefined || row.name === undefined || row.group === undefined) continue; // reported above
    out.push(Agency.parse({ code: row.code, name: row.name, group: row.group, parent: parents.get(row) ?? null }));
  }
  return ok(out);
}

// ── The blank (or filled) form ──────────────────────────────────────────────────────────────────

/**
 * The agency list form: a title, the headers (STT, code, name, group, parent code), the given
 * agencies if any, a drop-down of the group words, and a guide sheet.
 */
export async function writeAgencyListForm(lang: Lang, agencies: readonly Agency[] = []): Promise<Buffer> {
  const wb = newWorkbook(t(lang, 'ximport.title.agencies'));
  const cols: FormColumn[] = [
    { header: t(lang, 'ximport.col.no'), width: 6, text: false },
    { header: t(lang, 'ximport.col.agency.code'), width: 14, text: true },
    { header: t(lang, 'ximport.col.agency.name'), width: 50, text: true },
    { header: t(lang, 'ximport.col.agency.group'), width: 20, text: true },
    { header: t(lang, 'ximport.col.agency.parent'), width: 20, text: true },
  ];
  const { ws, first } = setupForm(wb, t(lang, 'ximport.sheet.agencies'), t(lang, 'ximport.title.agencies'), cols);
  agencies.forEach((a, i) => {
    const r = first + i;
    put(ws.getCell(r, 1), i + 1, S_NUMBER);
    put(ws.getCell(r, 2), a.code, S_TEXT);
    put(ws.getCell(r, 3), a.name, S_TEXT);
    put(ws.getCell(r, 4), AGENCY_GROUPS.word(a.group, lang), S_TEXT);
    put(ws.getCell(r, 5), a.parent, S_TEXT);
  });

  const guide = new GuideWriter(wb, lang, [28, 80]);
  guide.paragraph(t(lang, 'ximport.guide.agencies.title'), S_TITLE);
  guide.paragraph(t(lang, 'ximport.guide.general'));
  guide.skip();
  guide.table(
    [t(lang, 'ximport.guide.col.column'), t(lang, 'ximport.guide.col.meaning')],
    [
      [t(lang, 'ximport.col.agency.code'), t(lang, 'ximport.guide.agencies.code')],
      [t(lang, 'ximport.col.agency.name'), t(lang, 'ximport.guide.agencies.name')],
      [t(lang, 'ximport.col.agency.group'), t(lang, 'ximport.guide.agencies.group')],
      [t(lang, 'ximport.col.agency.parent'), t(lang, 'ximport.guide.agencies.parent')],
    ],
  );
  guide.skip();
  guide.paragraph(t(lang, 'ximport.guide.groups'), S_BOLD);
  const groups = guide.table(
    [t(lang, 'ximport.col.agency.group')],
    AGENCY_GROUPS.values.map((g) => [AGENCY_GROUPS.word(g, lang)]),
  );

  // The group words hold commas, so the list refers to the guide's cells instead of a literal list.
  validate(ws, `D${first}:D${first + agencies.length + SPARE_ROWS}`, {
    type: 'list',
    allowBlank: true,
    formulae: [sheetRange(guide.ws.name, 1, groups.first, groups.last)],
    showErrorMessage: false,
    showInputMessage: true,
    promptTitle: t(lang, 'ximport.input.group.title'),
    prompt: t(lang, 'ximport.input.group.text'),
  });
  return workbookBuffer(wb);
}
