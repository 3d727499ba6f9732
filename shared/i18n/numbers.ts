/**
 * The one way numbers are written for people, in every output (CLI messages, reports, the
 * window): Vietnamese groups thousands with a dot and uses a decimal comma (1.675; 16.162;
 * 1.675,50), English the other way round (1,675; 1,675.50). Every number of 1,000 and more is
 * grouped. Years are names, not quantities: they are never grouped (see `t`).
 *
 * Typed-in values that are read back (the template and survey sheets' text cells, the input
 * fields) are written ungrouped on purpose, so that they parse again: see
 * `electron/services/template-xlsx/text.ts`.
 */
import type { Lang } from './index.ts';

const cache = new Map<string, Intl.NumberFormat>();

/** One formatter per language and decimals (building one costs far more than using it: reports format millions of numbers). */
function formatter(lang: Lang, minDecimals: number, maxDecimals: number): Intl.NumberFormat {
  const key = `${lang}:${minDecimals}:${maxDecimals}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-US', { minimumFractionDigits: minDecimals, maximumFractionDigits: maxDecimals, useGrouping: true });
    cache.set(key, f);
  }
  return f;
}

/** A count or figure: 1.675 and 8,5 in Vietnamese, 1,675 and 8.5 in English; at most `maxDecimals` decimals, trailing zeros dropped. */
export function formatNumber(lang: Lang, n: number, maxDecimals = 2): string {
  return formatter(lang, 0, maxDecimals).format(n);
}

/** Points, indexes and percents as they are published, with exactly two decimals: "8,50", "1.675,50". */
export function formatPoints(lang: Lang, n: number): string {
  return formatter(lang, 2, 2).format(n);
}

/** A year, or any other number that names something rather than counts it: never grouped ("2015"). */
export function formatYear(n: number): string {
  return String(n);
}
