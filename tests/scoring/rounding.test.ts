import { describe, expect, it } from 'vitest';
import { isMultipleOf, leq, lt, nearlyEqual, round2, roundWhole, snapWhole } from '../../shared/scoring/rounding.ts';

describe('round2: two decimals, half-up, after removing float noise', () => {
  it.each([
    [1.005, 1.01],
    [79.995, 80],
    [0.1 + 0.2, 0.3],
    [2 / 3, 0.67],
    [1 / 3, 0.33],
    [1.125, 1.13],
    [1.124, 1.12],
    [0.005, 0.01],
    [0.0049, 0],
    [100, 100],
    [0, 0],
    [8.345, 8.35],
    [12.3449, 12.34],
  ])('round2(%s) = %s', (x, expected) => {
    expect(round2(x)).toBe(expected);
  });

  it('rounds negative values half away from zero and never returns -0', () => {
    expect(round2(-1.005)).toBe(-1.01);
    expect(Object.is(round2(-0.001), 0)).toBe(true);
  });

  it('rounds a sum of thirds to the whole it is', () => {
    expect(round2(1 / 3 + 1 / 3 + 1 / 3)).toBe(1);
    expect(round2(0.1 * 3)).toBe(0.3);
  });
});

describe('comparisons up to float noise', () => {
  it('takes 79.99999999999999 for 80 and keeps real decimals apart', () => {
    expect(nearlyEqual(79.99999999999999, 80)).toBe(true);
    expect(leq(80, 79.99999999999999)).toBe(true);
    expect(lt(79.99999999999999, 80)).toBe(false);
    expect(nearlyEqual(79.9999, 80)).toBe(false);
    expect(lt(79.9999, 80)).toBe(true);
    expect(nearlyEqual(0.57 * 100, 57)).toBe(true);
    expect(nearlyEqual(0.1 + 0.2 - 0.3, 0)).toBe(true);
  });

  it('never takes infinities or NaN for finite numbers', () => {
    expect(nearlyEqual(Number.POSITIVE_INFINITY, 1e300)).toBe(false);
    expect(nearlyEqual(Number.NaN, Number.NaN)).toBe(false);
    expect(leq(Number.NaN, 1)).toBe(false);
  });

  it('recognises multiples of a step despite noise', () => {
    expect(isMultipleOf(0.75, 0.25)).toBe(true);
    expect(isMultipleOf(0.3, 0.1)).toBe(true);
    expect(isMultipleOf(0.3, 0.25)).toBe(false);
  });

  it('snaps near-whole numbers and rounds halves away from zero', () => {
    expect(Math.floor(snapWhole(0.29 * 100))).toBe(29);
    expect(snapWhole(28.5)).toBe(28.5);
    expect(roundWhole(2.5)).toBe(3);
    expect(roundWhole(-2.5)).toBe(-3);
    expect(roundWhole(100.49999999999999)).toBe(101);
    expect(roundWhole(2.4)).toBe(2);
  });
});
