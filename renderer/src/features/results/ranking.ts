import type { RankingFilter, RankingRow } from '../../../../shared/ipc/index.ts';
import { fold } from '../overview/search.ts';

export type RankSortKey = 'rank' | 'code' | 'name' | 'index' | 'band' | 'survey';
export interface RankSort {
  key: RankSortKey;
  order: 'ascend' | 'descend';
}

const collator = new Intl.Collator('vi', { numeric: true });

/** Per row, what the search looks in: name and code without diacritics. */
export function foldedRows(rows: readonly RankingRow[]): string[] {
  return rows.map((r) => `${fold(r.name)}\u0000${fold(r.code)}`);
}

/** Row indexes in ascending order of `key` (computed once per results and column, then reused). */
export function orderOf(cache: Map<RankSortKey, Int32Array>, rows: readonly RankingRow[], key: RankSortKey): Int32Array {
  const hit = cache.get(key);
  if (hit) return hit;
  const idx = Array.from(rows.keys());
  const num = (r: RankingRow): number => {
    if (key === 'rank') return r.rank ?? Number.POSITIVE_INFINITY; // the unranked after the ranked
    if (key === 'index') return r.submitted ? r.index : Number.NEGATIVE_INFINITY;
    return r.survey;
  };
  if (key === 'name' || key === 'code' || key === 'band') {
    const text = (r: RankingRow) => (key === 'band' ? (r.band ?? '\uffff') : r[key]);
    idx.sort((a, b) => collator.compare(text(rows[a]!), text(rows[b]!)) || a - b);
  } else idx.sort((a, b) => num(rows[a]!) - num(rows[b]!) || a - b);
  const out = Int32Array.from(idx);
  cache.set(key, out);
  return out;
}

export interface RankingQuery {
  group: RankingRow['group'];
  /** '' = every band; '-' = no band. */
  band: string;
  search: string;
  filter: RankingFilter | null;
  sort: RankSort | null;
}

/** The rows shown: the group, the band, the figure clicked through, the search; one pass in the sorted order. */
export function rankingRows(rows: readonly RankingRow[], folded: readonly string[], orders: Map<RankSortKey, Int32Array>, q: RankingQuery): RankingRow[] {
  const s = fold(q.search.trim());
  const codes = q.filter?.codes ? new Set(q.filter.codes) : null;
  const order = q.sort ? orderOf(orders, rows, q.sort.key) : null;
  const n = rows.length;
  const out: RankingRow[] = [];
  for (let k = 0; k < n; k++) {
    const i = order ? order[q.sort!.order === 'descend' ? n - 1 - k : k]! : k;
    const r = rows[i]!;
    if (r.group !== q.group) continue;
    if (q.band === '-' ? r.band !== null : q.band !== '' && r.band !== q.band) continue;
    if (codes && !codes.has(r.code)) continue;
    const f = q.filter;
    if (f?.band !== undefined && r.band !== f.band) continue;
    if (f?.state === 'late' && !r.late) continue;
    if (f?.state === 'unranked' && r.rank !== null) continue;
    if (f?.state === 'submitted' && !r.submitted) continue;
    if (s && !folded[i]!.includes(s)) continue;
    out.push(r);
  }
  return out;
}
