// National-scale benchmark: for 100, 1,000 and 10,000 communes, builds the dataset, runs
// ParScore's import → consolidation → workbooks in a fresh process, then the floor for the same
// work in another, and prints a table of wall time, agencies per second, peak RSS and the ratio
// ParScore ÷ floor, then how time and memory grow with the number of agencies.
// Both processes run esbuild bundles, as the desktop app does (dist/main/index.js and its worker
// bundle, scripts/build.mjs): run from the TypeScript sources through tsx, every module and every
// worker thread would pay for on-the-fly compilation the app never pays (about 2.8 s at 10,000).
// Each size is measured --runs times (default 3; this machine's speed varies by ±15 % from one
// minute to the next, the disk's most), each run on a fresh copy of the Home Affairs workspace; the
// table shows the run with the median whole time and the median floor, and the range of all runs.
//   node --import tsx bench/national/run.ts [--sizes 100,1000,10000] [--runs 3] [--seed 2026] [--dir <folder>] [--json <file>]
import { spawnSync } from 'node:child_process';
import { build } from 'esbuild';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildDataset } from './dataset.ts';
import { type StageFigures, flushDisk } from './measure.ts';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '100,1000,10000' },
    runs: { type: 'string', default: '3' },
    seed: { type: 'string', default: '2026' },
    dir: { type: 'string' },
    json: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs: a whole number, 1 or more');
const sizes = values.sizes.split(',').map(Number);
const seed = Number(values.seed);

interface StagesOut {
  import: StageFigures;
  consolidate: StageFigures;
  workbooks: StageFigures;
  accepted: number;
  ranked: number;
  candidates: number;
}
interface FloorOut {
  read: StageFigures;
  stream: StageFigures;
}
export interface SizeResult {
  agencies: number;
  bytes: number;
  evidenceFiles: number;
  buildMs: number;
  /** The run with the median whole time, and the median floor. */
  parscore: StagesOut;
  floor: FloorOut;
  /** Every run's whole time and floor (ms), in order. */
  wholeMs: number[];
  floorMs: number[];
}

const wholeOf = (p: StagesOut) => p.import.ms + p.consolidate.ms + p.workbooks.ms;
const floorOf = (f: FloorOut) => f.read.ms + f.stream.ms;
/** The median element by a measure (the lower middle for an even count). */
function median<T>(xs: readonly T[], by: (x: T) => number): T {
  return [...xs].sort((a, b) => by(a) - by(b))[Math.floor((xs.length - 1) / 2)]!;
}

/** Bundles the two benchmark processes and the worker threads' module, as scripts/build.mjs bundles the app. */
async function bundle(): Promise<string> {
  const out = join(import.meta.dirname, '..', '.data', 'build');
  const common = { bundle: true, platform: 'node', target: 'node22', logLevel: 'warning', format: 'esm', packages: 'external' } as const;
  await build({ ...common, entryPoints: [join(import.meta.dirname, 'stages.ts')], outfile: join(out, 'stages.mjs') });
  await build({ ...common, entryPoints: [join(import.meta.dirname, 'floor.ts')], outfile: join(out, 'floor.mjs') });
  // Next to the bundle that starts the threads, where electron/services/workers/pool.ts looks for it.
  await build({ ...common, entryPoints: [join(import.meta.dirname, '..', '..', 'electron', 'services', 'workers', 'worker.ts')], outfile: join(out, 'worker.js') });
  return out;
}
const bundles = await bundle();

function child<T>(script: string, root: string): T {
  const r = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=4096', join(bundles, script), root], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${script} failed (${r.status ?? r.signal}):\n${r.stderr}${r.stdout}`);
  const last = r.stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(last) as T;
}

const results: SizeResult[] = [];
console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`);
for (const n of sizes) {
  const root = mkdtempSync(join(values.dir ?? tmpdir(), `parscore-national-${n}-`));
  try {
    const t0 = performance.now();
    const dataset = await buildDataset(root, n, seed);
    const buildMs = performance.now() - t0;
    writeFileSync(join(root, 'dataset.json'), JSON.stringify(dataset));
    flushDisk();
    console.log(`  ${n} agencies: dataset of ${(dataset.bytes / 2 ** 20).toFixed(1)} MiB, ${dataset.evidenceFiles} evidence files, built in ${(buildMs / 1000).toFixed(1)} s (${root})`);
    // The import changes the workspace: every run starts from the same copy of it.
    const pristine = `${dataset.haDir}.pristine`;
    cpSync(dataset.haDir, pristine, { recursive: true });
    const mine: StagesOut[] = [];
    const floors: FloorOut[] = [];
    for (let k = 0; k < runs; k++) {
      if (k > 0) {
        rmSync(dataset.haDir, { recursive: true, force: true });
        cpSync(pristine, dataset.haDir, { recursive: true });
        flushDisk();
      }
      mine.push(child<StagesOut>('stages.mjs', root));
      floors.push(child<FloorOut>('floor.mjs', root));
    }
    results.push({
      agencies: n,
      bytes: dataset.bytes,
      evidenceFiles: dataset.evidenceFiles,
      buildMs,
      parscore: median(mine, wholeOf),
      floor: median(floors, floorOf),
      wholeMs: mine.map(wholeOf),
      floorMs: floors.map(floorOf),
    });
  } finally {
    if (!values.keep) rmSync(root, { recursive: true, force: true });
  }
}

// ── table ──────────────────────────────────────────────────────────────────────────────────────
const fmt = (x: number, d = 0) => x.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
const s = (ms: number) => fmt(ms / 1000, 2);
const pad = (cells: string[], widths: number[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
const widths = [26, 9, 10, 9, 9, 10, 10];
console.log();
console.log(pad(['stage', 'agencies', 'wall s', 'ag/s', 'peak MiB', 'floor s', '÷ floor'], widths));
for (const r of results) {
  const p = r.parscore;
  const total = wholeOf(p);
  const floorTotal = floorOf(r.floor);
  const peak = Math.max(p.import.peakRssMiB, p.consolidate.peakRssMiB, p.workbooks.peakRssMiB);
  const row = (name: string, f: StageFigures, floorMs: number | null) =>
    console.log(pad([name, fmt(r.agencies), s(f.ms), fmt(r.agencies / (f.ms / 1000)), fmt(f.peakRssMiB), floorMs === null ? '—' : s(floorMs), floorMs === null ? '—' : fmt(f.ms / floorMs, 2)], widths));
  row('import (verify+store)', p.import, r.floor.read.ms);
  row('consolidate', p.consolidate, null);
  row('scoreboard + ranking', p.workbooks, r.floor.stream.ms);
  row('whole', { ms: total, peakRssMiB: peak }, floorTotal);
  console.log(pad(['  floor: read+parse', fmt(r.agencies), s(r.floor.read.ms), fmt(r.agencies / (r.floor.read.ms / 1000)), fmt(r.floor.read.peakRssMiB), '', ''], widths));
  console.log(pad(['  floor: stream rows', fmt(r.agencies), s(r.floor.stream.ms), fmt(r.agencies / (r.floor.stream.ms / 1000)), fmt(r.floor.stream.peakRssMiB), '', ''], widths));
  if (r.wholeMs.length > 1) {
    const range = (xs: number[]) => `${s(Math.min(...xs))}–${s(Math.max(...xs))} s`;
    console.log(`  ${r.wholeMs.length} runs: whole ${range(r.wholeMs)}, floor ${range(r.floorMs)} (median shown)`);
  }
}

// ── growth: exponent b in t ∝ n^b between consecutive sizes (1 = linear) ────────────────────────
if (results.length > 1) {
  console.log();
  console.log('growth (exponent b of n^b between sizes; 1.00 = linear, below = better than linear)');
  for (let i = 1; i < results.length; i++) {
    const a = results[i - 1]!;
    const b = results[i]!;
    const k = Math.log(b.agencies / a.agencies);
    const total = (r: SizeResult) => wholeOf(r.parscore);
    const peak = (r: SizeResult) => Math.max(r.parscore.import.peakRssMiB, r.parscore.consolidate.peakRssMiB, r.parscore.workbooks.peakRssMiB);
    const e = (x: number, y: number) => fmt(Math.log(y / x) / k, 2);
    console.log(
      `  ${fmt(a.agencies)} → ${fmt(b.agencies)}: time ${e(total(a), total(b))} (import ${e(a.parscore.import.ms, b.parscore.import.ms)}, consolidate ${e(a.parscore.consolidate.ms, b.parscore.consolidate.ms)}, workbooks ${e(a.parscore.workbooks.ms, b.parscore.workbooks.ms)}), peak RSS ${e(peak(a), peak(b))}`,
    );
  }
}
// ── targets (issue 5, on a 2-core office PC): 10,000 agencies in ≤ 10 s, ≤ 1 GiB, ≤ 1.5 × the floor ──
const national = results.find((r) => r.agencies === 10_000);
if (national) {
  const p = national.parscore;
  const total = wholeOf(p);
  const floorTotal = floorOf(national.floor);
  const peak = Math.max(p.import.peakRssMiB, p.consolidate.peakRssMiB, p.workbooks.peakRssMiB);
  const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
  console.log();
  console.log(`targets at 10,000 agencies: whole ${s(total)} s ≤ 10 s: ${verdict(total <= 10_000)}; peak RSS ${fmt(peak)} MiB ≤ 1,024 MiB: ${verdict(peak <= 1024)}; ${fmt(total / floorTotal, 2)} × floor ≤ 1.5: ${verdict(total / floorTotal <= 1.5)}`);
}
if (values.json) writeFileSync(values.json, JSON.stringify(results, null, 2));
