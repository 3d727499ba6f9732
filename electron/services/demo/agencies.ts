import type { Agency } from '../../../shared/schema/index.ts';
import { COMMUNE_KINDS, COMMUNE_NAMES, DEPARTMENTS, DISTRICTS } from './province.ts';
import type { Rng } from './rng.ts';

const DIRECTIONS = ['', ' Đông', ' Tây', ' Nam', ' Bắc', ' Thượng', ' Hạ', ' Trung'];

/**
 * How many of each group for a province of n agencies: the news item's 21 departments and 8
 * districts once there is room, the rest communes spread over the districts.
 */
export function groupSizes(n: number): { departments: number; districts: number; communes: number } {
  if (n >= DEPARTMENTS.length + DISTRICTS.length + 1) {
    return { departments: DEPARTMENTS.length, districts: DISTRICTS.length, communes: n - DEPARTMENTS.length - DISTRICTS.length };
  }
  const departments = Math.max(1, Math.round(n * 0.3));
  const districts = Math.max(1, Math.round(n * 0.1));
  return { departments, districts, communes: Math.max(1, n - departments - districts) };
}

function communeStem(k: number): string {
  const base = COMMUNE_NAMES[k % COMMUNE_NAMES.length]!;
  const round = Math.floor(k / COMMUNE_NAMES.length);
  if (round < DIRECTIONS.length) return base + DIRECTIONS[round]!;
  return `${base} ${round - DIRECTIONS.length + 2}`;
}

/** "Xã", "Phường" or "Thị trấn", by their weights, for a uniform draw r in [0, 1). */
export function communeKind(r: number): string {
  let acc = 0;
  for (const kind of COMMUNE_KINDS) {
    acc += kind.weight;
    if (r < acc) return kind.prefix;
  }
  return COMMUNE_KINDS[0]!.prefix;
}

export function demoAgencies(n: number, rng: Rng): Agency[] {
  const sizes = groupSizes(n);
  const out: Agency[] = [];
  const pad = (i: number, w: number) => String(i).padStart(w, '0');
  for (let i = 0; i < sizes.departments; i++) {
    out.push({ code: `S${pad(i + 1, 2)}`, name: DEPARTMENTS[i % DEPARTMENTS.length]!.name, group: 'department', parent: null });
  }
  for (let i = 0; i < sizes.districts; i++) {
    const d = DISTRICTS[i % DISTRICTS.length]!;
    out.push({ code: `H${pad(i + 1, 2)}`, name: i < DISTRICTS.length ? d.name : `${d.name} ${Math.floor(i / DISTRICTS.length) + 1}`, group: 'district', parent: null });
  }
  const width = Math.max(3, String(sizes.communes).length);
  for (let k = 0; k < sizes.communes; k++) {
    const prefix = communeKind(rng.float());
    out.push({ code: `X${pad(k + 1, width)}`, name: `${prefix} ${communeStem(k)}`, group: 'commune', parent: `H${pad((k % sizes.districts) + 1, 2)}` });
  }
  return out;
}
