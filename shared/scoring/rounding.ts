/**
 * Rounding of published figures, and comparisons that ignore binary floating-point noise.
 *
 * The engine computes every score, maximum and total on exact (unrounded) values. Each figure
 * that leaves the engine (item scores and maxima, base, bonus, penalty, total, max, index, the
 * self and survey parts, explain parameters) is rounded exactly ONCE, by `round2`, and only in
 * `buildReport` (report.ts), where the public report is built from the exact internal tree.
 * So a parent shows round2(Σ exact children), not Σ round2(children): three items of 1/3 point
 * each show 0.33 but their parent shows 1.00. The results (shared/results) derive further figures
 * (total after a late penalty, index with and without the survey, area indexes) from the same exact
 * tree (`scoreAssessmentExact`) and round each of those once, the same way.
 *
 * Noise: two values closer than NOISE relative to their size (absolute near zero) are the same
 * decimal number that binary arithmetic could not hold exactly: 0.1 + 0.2 and 0.3, 80 and
 * 79.99999999999999, 100.49999999999999 and 100.5 (= 1.005 × 100). No figure a person types or a
 * rule derives differs from another at the 12th significant digit, and sums of a few thousand
 * items stay far below it. Everything here is plain arithmetic (no strings): scoring calls it for
 * every item.
 */
export const NOISE = 1e-12;

const tolerance = (a: number, b: number): number => NOISE * Math.max(1, Math.abs(a), Math.abs(b));

/** a and b are the same number up to float noise. */
export function nearlyEqual(a: number, b: number): boolean {
  if (a === b) return true;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return false;
  return Math.abs(a - b) <= tolerance(a, b);
}

/** a ≤ b, up to float noise (79.99999999999999 ≤ 80 ≤ 79.99999999999999). */
export function leq(a: number, b: number): boolean {
  return a <= b || nearlyEqual(a, b);
}

/** a < b, and not merely by float noise. */
export function lt(a: number, b: number): boolean {
  return a < b && !nearlyEqual(a, b);
}

/** x is a whole number up to float noise. */
export function isWhole(x: number): boolean {
  return nearlyEqual(x, Math.round(x));
}

/** Whether `value` is a whole multiple of `step` (0.75 of 0.25 yes, 0.3 of 0.1 yes despite noise). */
export function isMultipleOf(value: number, step: number): boolean {
  return isWhole(value / step);
}

/** x, or the whole number it is up to noise (so floor(0.29 × 100) is 29, not 28). */
export function snapWhole(x: number): number {
  const r = Math.round(x);
  return nearlyEqual(x, r) ? r : x;
}

/** |x| rounded to a whole number, halves up, a half up to noise counting as a half. */
function roundHalfUpAbs(a: number): number {
  let n = Math.floor(a);
  const f = a - n;
  if (f >= 0.5 || Math.abs(f - 0.5) <= tolerance(a, 0)) n += 1;
  return n;
}

/** Whole number, half away from zero (as Excel's ROUND), after removing noise. */
export function roundWhole(x: number): number {
  if (!Number.isFinite(x)) return x;
  const r = roundHalfUpAbs(Math.abs(x));
  return x < 0 && r !== 0 ? -r : r;
}

/**
 * Two decimals, half away from zero (half-up for the non-negative scores), after removing noise:
 * 1.005 → 1.01, 79.995 → 80, 0.1 + 0.2 → 0.3, 2/3 → 0.67. The result is n / 100 for a whole n,
 * which IEEE division makes the double nearest to that decimal.
 */
export function round2(x: number): number {
  if (!Number.isFinite(x)) return x;
  const r = roundHalfUpAbs(Math.abs(x) * 100) / 100;
  return x < 0 && r !== 0 ? -r : r;
}
