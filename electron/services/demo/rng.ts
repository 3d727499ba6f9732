import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/** A small deterministic random source for demo data (same seed → same province, byte for byte). */
export interface Rng {
  int(min: number, max: number): number;
  float(): number;
  chance(p: number): boolean;
  pick<T>(list: readonly T[]): T;
  /** Normal distribution (Box–Muller). */
  normal(mean: number, sd: number): number;
  hex(bytes: number): string;
}

export function createRng(seed: number, stream = 0): Rng {
  // Each stream (e.g. one agency) gets its own generator, so agency k's data does not depend on N.
  const g = xoroshiro128plus((Math.imul(seed | 0, 0x9e3779b1) ^ Math.imul(stream + 1, 0x85ebca6b)) | 0);
  const float = () => uniformFloat64(g);
  return {
    int: (min, max) => uniformInt(g, min, max),
    float,
    chance: (p) => float() < p,
    pick: <T,>(list: readonly T[]): T => list[uniformInt(g, 0, list.length - 1)]!,
    normal: (mean, sd) => {
      const u = Math.max(float(), 1e-12);
      const v = float();
      return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
    hex: (bytes) => Array.from({ length: bytes }, () => uniformInt(g, 0, 255).toString(16).padStart(2, '0')).join(''),
  };
}
