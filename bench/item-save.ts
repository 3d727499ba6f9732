// Latency of "one item edit saved" as the desktop UI does it (AppService.setItemInput: read the
// agency's assessment, set one item, rescore, durable write) in a workspace holding 10, 1,000 and
// 10,000 communes' self-assessments (template par-xa). Target: p95 ≤ 20 ms. The workspace is the
// edited agency's own (role agency, self = that commune): a Home Affairs workspace takes no self
// inputs any more (issue 13 point 8), so the former series "a different random agency each edit"
// is gone; the store still holds every file, so its size is what varies.
//   node --import tsx bench/item-save.ts [--sizes 10,1000,10000] [--edits 200] [--seed 2024]
//                                        [--dir <folder on the disk to measure>] [--json]
// Each workspace is built in a fresh temp folder (removed at the end) through the store itself
// (WorkspaceStore.create, then writeAssessment for every agency, 64 at a time), closed and
// reopened before measuring. One series per size: the agency edited repeatedly (the first edit
// reads its file, later ones hit the store's cache). 10 warm-up edits precede it.
import { mkdtemp, rm, statfs } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { ItemInput, TemplateItem } from '../shared/schema/index.ts';
import { compileTemplate } from '../shared/template/compile.ts';
import { AppService } from '../electron/services/app-service.ts';
import { createRng } from '../electron/services/demo/rng.ts';
import { WorkspaceStore } from '../electron/services/store/workspace.ts';
import { communeAssessment, communeTemplate, communes, nationalCampaign } from './national/dataset.ts';
import { flushDisk } from './national/measure.ts';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10,1000,10000' },
    edits: { type: 'string', default: '200' },
    seed: { type: 'string', default: '2024' },
    dir: { type: 'string' },
    json: { type: 'boolean', default: false },
  },
});
const sizes = values.sizes.split(',').map((s) => Number(s.trim()));
const edits = Number(values.edits);
const seed = Number(values.seed);
if (sizes.some((n) => !Number.isInteger(n) || n < 1 || n > 20_000) || !Number.isInteger(edits) || edits < 1 || !Number.isInteger(seed)) {
  console.error('usage: bench/item-save.ts [--sizes 10,1000,10000] [--edits 200] [--seed 2024] [--dir <folder>] [--json]');
  process.exit(2);
}

const WARM_UP = 10;
/** Assessments written at once while populating (each write is durable; fsyncs overlap). */
const POPULATE_CHUNK = 64;
const TARGET_P95_MS = 20;

const template = communeTemplate();
const compiled = compileTemplate(template);

// ── data ───────────────────────────────────────────────────────────────────────────────────────

/** Two valid inputs per self-scored rule; an edit sets whichever differs from the current one. */
function inputPair(item: TemplateItem): [ItemInput, ItemInput] | null {
  const rule = item.rule;
  switch (rule?.type) {
    case 'BINARY':
      return [{ kind: 'binary', value: 'yes' }, { kind: 'binary', value: 'no' }];
    case 'PERCENT_BANDS':
      return [{ kind: 'percent', value: 100 }, { kind: 'percent', value: 85 }];
    case 'RATIO':
      return [{ kind: 'ratio', numerator: 12, denominator: 12 }, { kind: 'ratio', numerator: 9, denominator: 12 }];
    case 'COUNT_DEDUCT':
      return [{ kind: 'count', value: 0 }, { kind: 'count', value: 1 }];
    case 'MANUAL':
      return [{ kind: 'manual', value: item.max }, { kind: 'manual', value: 0 }];
    case 'FORMULA':
      return [
        { kind: 'variables', values: Object.fromEntries(rule.variables.map((v) => [v.name, v.max ?? 100])) },
        { kind: 'variables', values: Object.fromEntries(rule.variables.map((v) => [v.name, v.min ?? 0])) },
      ];
    default:
      return null; // SURVEY and headings: not self-scored
  }
}

const editable = template.items.flatMap((item) => {
  const pair = inputPair(item);
  return pair ? [{ code: item.code, pair }] : [];
});

// ── measuring ──────────────────────────────────────────────────────────────────────────────────

interface Stats {
  edits: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

function stats(times: number[]): Stats {
  const s = [...times].sort((a, b) => a - b);
  const r2 = (x: number) => Math.round(x * 100) / 100;
  return { edits: s.length, p50: r2(percentile(s, 50)), p95: r2(percentile(s, 95)), p99: r2(percentile(s, 99)), max: r2(s.at(-1)!) };
}

interface SizeResult {
  assessments: number;
  populateMs: number;
  openMs: number;
  same: Stats;
}

async function measureSize(base: string, n: number): Promise<SizeResult> {
  const dir = join(base, `ws-${n}`);
  const agencies = communes(n, seed);
  const t0 = performance.now();
  const created = await WorkspaceStore.create(dir, {
    name: "Bộ Nội vụ — Vụ Cải cách hành chính",
    role: 'agency',
    self: agencies[0]!.code,
    campaign: nationalCampaign(agencies, template),
    templates: [template],
    // As writeDemoWorkspace does: the index says up front which agencies have a file, so the
    // writes below do not each rewrite the (large) index.
    agencies: agencies.map((a) => ({ ...a, status: 'submitted', hasAssessment: true })),
  });
  try {
    for (let i = 0; i < n; i += POPULATE_CHUNK) {
      await Promise.all(agencies.slice(i, i + POPULATE_CHUNK).map((a, j) => created.writeAssessment(communeAssessment(seed, i + j, a, template, compiled).assessment)));
    }
  } finally {
    await created.close();
  }
  const populateMs = performance.now() - t0;
  flushDisk();

  const t1 = performance.now();
  const ws = await WorkspaceStore.open(dir);
  const openMs = performance.now() - t1;
  try {
    // Before the campaign's deadlines, after which the window takes no self inputs.
    const app = new AppService(ws, 'vi', () => Date.parse('2000-01-01T00:00:00Z'));
    const index = new Map(agencies.map((a, k) => [a.code, k]));
    /** What the bench has set so far, by agency then item; otherwise the generated input. */
    const set = new Map<string, Map<string, string>>();
    const current = (code: string, item: string): string | undefined => {
      const mine = set.get(code)?.get(item);
      if (mine !== undefined) return mine;
      const input = communeAssessment(seed, index.get(code)!, agencies[index.get(code)!]!, template, compiled).assessment.items[item]?.input;
      return input === undefined ? undefined : JSON.stringify(input);
    };
    const rng = createRng(seed, 1_000_000 + n);
    const edit = async (code: string, times: number[] | null): Promise<void> => {
      const { code: item, pair } = rng.pick(editable);
      const input = JSON.stringify(pair[0]) === current(code, item) ? pair[1] : pair[0];
      const t = performance.now();
      await app.setItemInput({ agency: code, item, input });
      const ms = performance.now() - t;
      times?.push(ms);
      let mine = set.get(code);
      if (!mine) set.set(code, (mine = new Map()));
      mine.set(item, JSON.stringify(input));
    };
    const one = agencies[0]!.code;
    for (let i = 0; i < WARM_UP; i++) await edit(one, null);
    const same: number[] = [];
    for (let i = 0; i < edits; i++) await edit(one, same);

    return { assessments: n, populateMs, openMs, same: stats(same) };
  } finally {
    await ws.close();
    await rm(dir, { recursive: true, force: true });
  }
}

// ── report ─────────────────────────────────────────────────────────────────────────────────────

const FS_TYPES: Record<number, string> = {
  0xef53: 'ext4', 0x01021994: 'tmpfs', 0x58465342: 'xfs', 0x9123683e: 'btrfs', 0x6969: 'nfs', 0x794c7630: 'overlayfs',
  0x5346544e: 'ntfs', 0x4d44: 'fat', 0x2011bab0: 'exfat', 0x65735546: 'fuse', 0x00c36400: 'ceph', 0x2fc12fc1: 'zfs',
};

function table(title: string, rows: { n: number; s: Stats }[]): void {
  const cols = ['assessments', 'edits', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms'];
  const w = cols.map((c) => c.length);
  const line = (cells: string[]) => cells.map((c, i) => c.padStart(w[i]!)).join(' | ');
  console.log(`\n${title}`);
  console.log(line(cols));
  console.log(w.map((x) => '-'.repeat(x)).join('-|-'));
  for (const { n, s } of rows) {
    console.log(line([n.toLocaleString('en-US'), String(s.edits), s.p50.toFixed(2), s.p95.toFixed(2), s.p99.toFixed(2), s.max.toFixed(2)]));
  }
}

const started = performance.now();
const base = await mkdtemp(join(values.dir ?? tmpdir(), 'parscore-bench-'));
const results: SizeResult[] = [];
try {
  const fs = await statfs(base).then((s) => FS_TYPES[s.type] ?? `type 0x${s.type.toString(16)}`, () => 'unknown');
  console.log(`item save: AppService.setItemInput, template ${template.id}@${template.version} (${editable.length} editable items), seed ${seed}`);
  console.log(`disk: ${base} (${fs})`);
  for (const n of sizes) {
    const r = await measureSize(base, n);
    results.push(r);
    console.log(`  ${n.toLocaleString('en-US')} assessments: populated in ${(r.populateMs / 1000).toFixed(1)} s, reopened in ${r.openMs.toFixed(0)} ms`);
  }
} finally {
  await rm(base, { recursive: true, force: true });
}

table('The agency edited repeatedly (its own workspace):', results.map((r) => ({ n: r.assessments, s: r.same })));
const over = results.filter((r) => r.same.p95 > TARGET_P95_MS);
console.log(`\ntarget p95 <= ${TARGET_P95_MS} ms: ${over.length === 0 ? 'met at every size' : `MISSED at ${over.map((r) => r.assessments.toLocaleString('en-US')).join(', ')}`}`);
console.log(`whole bench: ${((performance.now() - started) / 1000).toFixed(1)} s`);
if (values.json) {
  const row = (s: Stats) => ({ p50: s.p50, p95: s.p95, p99: s.p99, max: s.max, edits: s.edits });
  console.log(JSON.stringify({ itemSave: results.map((r) => ({ assessments: r.assessments, ...row(r.same) })) }));
}
