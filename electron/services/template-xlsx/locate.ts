/**
 * Places an issue of the template check (which names an item code and a field, or a document
 * path) at the sheet, row and column the user typed it in.
 */
import type { Issue, IssueLocation } from '../../../shared/util/issue.ts';
import {
  adjustmentFieldColumn,
  indicatorFieldColumn,
  itemFieldColumn,
  type Positions,
  type SheetMap,
} from './read.ts';
import { columnLetter } from './text.ts';
import type { InfoKey } from './vocab.ts';

type ListName = 'items' | 'indicators' | 'bonus' | 'penalty';

const INDICATOR_ONLY_FIELDS = new Set(['type', 'unit', 'aggregate', 'item']);

const INFO_FIELDS: Record<string, InfoKey> = {
  id: 'id',
  version: 'version',
  title: 'titleVi',
  'title.vi': 'titleVi',
  'title.en': 'titleEn',
  legalBasis: 'decisionNo',
  'legalBasis.decisionNo': 'decisionNo',
  'legalBasis.date': 'date',
  'legalBasis.issuer': 'issuer',
  sample: 'sample',
  appliesTo: 'appliesTo',
  maxPoints: 'maxPoints',
  'bonus.cap': 'bonusCap',
  'penalty.cap': 'penaltyCap',
};

function columnFor(list: ListName, field: string, map: SheetMap<string>): string | undefined {
  let f: string | undefined;
  if (list === 'items') {
    f = itemFieldColumn(field);
    // Without a "Mã cha" column the parent came from "Cấp".
    if (f === 'parent' && !map.cols.has('parent')) f = 'level';
  } else if (list === 'indicators') f = indicatorFieldColumn(field);
  else f = adjustmentFieldColumn(field);
  const col = f === undefined ? undefined : map.cols.get(f);
  return col === undefined ? undefined : columnLetter(col);
}

function isDuplicateReport(i: Issue): boolean {
  const f = i.at?.field ?? '';
  return /duplicate/.test(i.code) && (f === 'code' || f.endsWith('.code'));
}

function guessList(i: Issue, item: string, pos: Positions): ListName {
  const f = i.at?.field ?? '';
  if (/indicator/.test(i.code)) return 'indicators';
  if (/bonus/.test(i.code)) return 'bonus';
  if (/penalty/.test(i.code)) return 'penalty';
  if (INDICATOR_ONLY_FIELDS.has(f)) return 'indicators';
  for (const list of ['items', 'indicators', 'bonus', 'penalty'] as const) if (pos[list].codes.includes(item)) return list;
  return 'items';
}

/** Returns a function placing each issue; it keeps state so repeated duplicates land on successive rows. */
export function issuePlacer(pos: Positions): (i: Issue) => Issue {
  const duplicatesSeen = new Map<string, number>();

  const placeInList = (i: Issue, list: ListName, index: number | undefined, field: string): Issue => {
    const map = pos[list] as SheetMap<string>;
    const at: IssueLocation = { ...i.at, sheet: map.sheet };
    let row: number | undefined;
    if (index !== undefined) row = map.rows[index];
    else if (i.at?.item !== undefined) {
      const rows = map.codes.flatMap((c, k) => (c === i.at?.item ? [map.rows[k] as number] : []));
      let k = 0;
      if (isDuplicateReport(i) && rows.length > 1) {
        const key = `${list}\u0000${i.at.item}\u0000${i.code}`;
        const n = duplicatesSeen.get(key) ?? 0;
        duplicatesSeen.set(key, n + 1);
        k = Math.min(n + 1, rows.length - 1);
      }
      row = rows[k];
    }
    if (row !== undefined) at.row = row;
    const column = columnFor(list, field, map);
    if (column !== undefined) at.column = column;
    return { ...i, at };
  };

  return (i: Issue): Issue => {
    const field = i.at?.field ?? '';

    // A path into a list: items[3].max, indicators[0].unit, bonus.items[1].code
    const m = /^(items|indicators)\[(\d+)\]\.?(.*)$/.exec(field) ?? null;
    if (m) return placeInList(i, m[1] as ListName, Number(m[2]), m[3] ?? '');
    const a = /^(bonus|penalty)\.items\[(\d+)\]\.?(.*)$/.exec(field);
    if (a) return placeInList(i, a[1] as ListName, Number(a[2]), a[3] ?? '');

    if (i.at?.item !== undefined) return placeInList(i, guessList(i, i.at.item, pos), undefined, field);

    // Document-level fields live in "Thông tin".
    const info = pos.info;
    const at: IssueLocation = { ...i.at };
    const src = /^sources(?:\[(\d+)\])?/.exec(field);
    const key = INFO_FIELDS[field] ?? (field.startsWith('appliesTo') ? 'appliesTo' : undefined);
    let row: number | undefined;
    if (src) row = info.sources[Number(src[1] ?? 0)];
    else if (key !== undefined) row = info.rows[key];
    if (src || key !== undefined) {
      at.sheet = info.sheet;
      if (row !== undefined) at.row = row;
      if (row !== undefined && info.valueCol !== undefined) at.column = columnLetter(info.valueCol);
    } else if (field === 'items') at.sheet = pos.items.sheet;
    else if (field === 'indicators') at.sheet = pos.indicators.sheet;
    else if (field === 'bonus.items' || field === 'penalty.items') at.sheet = pos.bonus.sheet;
    return { ...i, at };
  };
}
