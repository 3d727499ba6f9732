import type { WorkspaceSummary } from '../../../../shared/ipc/index.ts';
import { AGENCY_STATUSES } from '../../../../shared/schema/agency.ts';

type Row = WorkspaceSummary['agencies'][number];
export type SortKey = 'code' | 'name' | 'status' | 'progress' | 'self' | 'index';
export interface SortState {
  key: SortKey;
  order: 'ascend' | 'descend';
}

/** The order statuses go through in a campaign (the overview sorts by it, not by the label's letters). */
const STATUS_ORDER: readonly string[] = AGENCY_STATUSES;
const collator = new Intl.Collator('vi', { numeric: true });

/** A number per row for the numeric columns: rows without scores first when ascending. */
function numberOf(key: SortKey, a: Row): number {
  const s = a.score;
  if (key === 'status') return a.problem ? -1 : STATUS_ORDER.indexOf(a.status);
  if (!s) return Number.NEGATIVE_INFINITY;
  if (key === 'progress') return s.leafCount ? s.answered / s.leafCount : 0;
  if (key === 'self') return s.self;
  return s.index;
}

/**
 * The rows' indexes in ascending order of `key`, computed once per summary and column (`cache` is
 * made anew with each summary): switching the direction, the tab or the search reuses it.
 * Ties keep the summary's order.
 */
export function sortedOrder(cache: Map<SortKey, Int32Array>, rows: readonly Row[], key: SortKey): Int32Array {
  const hit = cache.get(key);
  if (hit) return hit;
  const idx = Int32Array.from(rows.keys());
  if (key === 'code' || key === 'name') {
    const text = rows.map((a) => (key === 'code' ? a.code : a.name));
    idx.sort((x, y) => collator.compare(text[x]!, text[y]!) || x - y);
  } else {
    const v = Float64Array.from(rows, (a) => numberOf(key, a));
    idx.sort((x, y) => v[x]! - v[y]! || x - y);
  }
  cache.set(key, idx);
  return idx;
}
