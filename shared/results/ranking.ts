import type { ClassificationBand, TieBreakRule } from '../schema/campaign.ts';
import { leq } from '../scoring/rounding.ts';
import type * as z from 'zod';
import type { RankedBy } from './schema.ts';

type TieBreak = z.infer<typeof TieBreakRule>;

/** The published (rounded) figures an agency is ranked on. */
export interface RankingKey {
  index: number;
  appraised: number;
  survey: number;
  self: number;
  /** Points by area code. */
  areas: ReadonlyMap<string, number>;
}

export interface Placed {
  rank: number;
  rankedBy: RankedBy;
}

/** The figure of one tie-break level (an area the template does not have counts as 0 points). */
function tieValue(k: RankingKey, tb: TieBreak): number {
  switch (tb.by) {
    case 'APPRAISED_SCORE':
      return k.appraised;
    case 'AREA_SCORE':
      return tb.area === undefined ? 0 : (k.areas.get(tb.area) ?? 0);
    case 'SURVEY_SCORE':
      return k.survey;
    case 'SELF_SCORE':
      return k.self;
  }
}

/**
 * The first level at which a and b differ, with the sign (positive: a ahead): 0 is the index,
 * 1.. the tie-breaks; `level` is -1 when they are equal on every level.
 */
function firstDifference(a: RankingKey, b: RankingKey, tieBreaks: readonly TieBreak[]): { level: number; sign: number } {
  if (a.index !== b.index) return { level: 0, sign: Math.sign(a.index - b.index) };
  for (let i = 0; i < tieBreaks.length; i++) {
    const x = tieValue(a, tieBreaks[i]!);
    const y = tieValue(b, tieBreaks[i]!);
    if (x !== y) return { level: i + 1, sign: Math.sign(x - y) };
  }
  return { level: -1, sign: 0 };
}

/**
 * Standard competition ranking (1, 2, 2, 4) on the published index, higher first; agencies with
 * the same index are ordered by the tie-breaks in turn (higher first), and those still equal share
 * a rank. Figures are compared as published (2 decimals), so what looks equal in the table is equal.
 * Returns, per key, its rank and what settled its place.
 */
export function rankGroup(keys: readonly RankingKey[], tieBreaks: readonly TieBreak[]): Placed[] {
  const order = keys.map((_, i) => i);
  order.sort((i, j) => -firstDifference(keys[i]!, keys[j]!, tieBreaks).sign);
  const out = new Array<Placed>(keys.length);
  // Sorted lexicographically, an agency shares the longest run of equal levels with a neighbour, so
  // what separated it from every agency with its index is the deeper of its two neighbours' levels.
  const level = (i: number, j: number): number => {
    const d = firstDifference(keys[i]!, keys[j]!, tieBreaks).level;
    return d === -1 ? Number.POSITIVE_INFINITY : d;
  };
  let rank = 0;
  order.forEach((i, pos) => {
    const before = pos > 0 ? level(order[pos - 1]!, i) : 0;
    const after = pos + 1 < order.length ? level(i, order[pos + 1]!) : 0;
    if (before !== Number.POSITIVE_INFINITY) rank = pos + 1;
    const deepest = Math.max(before, after);
    let rankedBy: RankedBy;
    if (deepest === Number.POSITIVE_INFINITY) rankedBy = 'tie';
    else if (deepest === 0) rankedBy = 'index';
    else rankedBy = tieBreaks[deepest - 1]!.by;
    out[i] = { rank, rankedBy };
  });
  return out;
}

/**
 * The highest band whose minimum the published index reaches (79.995 is published as 80.00 and
 * reaches an 80 band; 79.994 is published as 79.99 and does not). Null when no band is reached.
 */
export function bandFor(index: number, bands: readonly ClassificationBand[]): string | null {
  let best: ClassificationBand | null = null;
  for (const b of bands) if (leq(b.minIndex, index) && (best === null || b.minIndex > best.minIndex)) best = b;
  return best?.code ?? null;
}

/** The code of the highest band (band A). */
export function topBand(bands: readonly ClassificationBand[]): string | null {
  let best: ClassificationBand | null = null;
  for (const b of bands) if (best === null || b.minIndex > best.minIndex) best = b;
  return best?.code ?? null;
}
