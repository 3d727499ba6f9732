// The overview of a large Home Affairs workspace, on the service side: how long from "open this
// folder" to the summary the window draws (issue 13 point 10: usable ≤ 1 s at 10,000 agencies).
//   node --import tsx bench/overview.ts [--agencies 10000] [--runs 5] [--seed 2024] [--dir <folder>]
// The workspace is made by the demo generator (electron/services/demo/write.ts, as `parscore demo`
// makes it: departments, districts and communes, most of them with a self-assessment), then, for
// each run, opened afresh (WorkspaceStore.open + AppService) and summarised:
//   open          WorkspaceStore.open (index, campaign, templates, the assessment folder listed)
//   dispatch      the window's first workspace:summary through handlers/index.ts dispatch, as IPC and the
//                 browser mode call it (AppService.summary: the summaries of store/summaries.ts, checked
//                 against a stat of each assessment file)
//   json          JSON.stringify of the answer (what crosses the bridge), and its size
//   next summary  a second AppService.summary() in the same session (after a save the window asks again)
// One more figure: the first open of the same workspace without summaries.json (an old workspace),
// which scores every assessment once and stores the result.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { dispatch } from '../electron/main/handlers/index.ts';
import type { AppContext } from '../electron/main/handlers/index.ts';
import { AppService } from '../electron/services/app-service.ts';
import { writeDemoWorkspace } from '../electron/services/demo/write.ts';
import { SettingsStore } from '../electron/services/settings.ts';
import { SUMMARIES_FILE } from '../electron/services/store/summaries.ts';
import { WorkspaceStore } from '../electron/services/store/workspace.ts';

const { values } = parseArgs({
  options: {
    agencies: { type: 'string', default: '10000' },
    runs: { type: 'string', default: '5' },
    seed: { type: 'string', default: '2024' },
    dir: { type: 'string' },
  },
});
const agencies = Number(values.agencies);
const runs = Number(values.runs);
const seed = Number(values.seed);
if (!Number.isInteger(agencies) || agencies < 1 || agencies > 20_000 || !Number.isInteger(runs) || runs < 1) {
  console.error('usage: bench/overview.ts [--agencies 10000] [--runs 5] [--seed 2024] [--dir <folder>]');
  process.exit(2);
}
const TARGET_MS = 1000;

const ms = (t0: number) => performance.now() - t0;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const f = (x: number) => x.toFixed(1).padStart(8);

interface Run {
  open: number;
  dispatch: number;
  /** A second AppService.summary() in the same session. */
  again: number;
  json: number;
  bytes: number;
  total: number;
}

async function once(dir: string, userData: string): Promise<Run> {
  const t0 = performance.now();
  const ws = await WorkspaceStore.open(dir);
  const open = ms(t0);
  try {
    const service = new AppService(ws, 'vi');
    const settings = await SettingsStore.open(userData);
    const ctx: AppContext = { service, settings, version: 'bench', mode: 'browser', emit: () => undefined };
    // The window's first call, as it makes it.
    const t2 = performance.now();
    const r = await dispatch('workspace:summary', {}, ctx);
    const viaDispatch = ms(t2);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    const t3 = performance.now();
    const text = JSON.stringify(r);
    const json = ms(t3);
    // A later call (after a save, the window asks again).
    const t1 = performance.now();
    const s = await service.summary();
    const again = ms(t1);
    if (s.agencies.length !== agencies) throw new Error(`summary has ${s.agencies.length} agencies, expected ${agencies}`);
    return { open, dispatch: viaDispatch, json, bytes: Buffer.byteLength(text), total: open + viaDispatch + json, again };
  } finally {
    await ws.close();
  }
}

async function main(): Promise<void> {
  const base = values.dir ?? (await mkdtemp(join(tmpdir(), 'parscore-bench-overview-')));
  const dir = join(base, 'ws');
  const userData = join(base, 'user-data');
  try {
    const tg = performance.now();
    // With --dir, a workspace made by an earlier run is used again (making 10,000 takes minutes).
    if (existsSync(join(dir, 'workspace.json'))) console.log(`overview: the demo workspace in ${dir} (made earlier), seed ${seed}`);
    else {
      const demo = await writeDemoWorkspace(dir, { agencies, seed });
      console.log(`overview: demo workspace of ${agencies.toLocaleString('en-US')} agencies (${demo.submitted.toLocaleString('en-US')} with a self-assessment), seed ${seed}, made in ${(ms(tg) / 1000).toFixed(1)} s`);
    }
    const results: Run[] = [];
    for (let k = 0; k < runs; k++) results.push(await once(dir, userData));
    console.log('\nrun |  open ms | dispatch ms | JSON ms | open+dispatch+JSON ms | next summary ms | JSON bytes');
    results.forEach((r, k) => console.log(`${String(k + 1).padStart(3)} | ${f(r.open)} | ${f(r.dispatch)}    | ${f(r.json)} | ${f(r.total)}              | ${f(r.again)}        | ${r.bytes.toLocaleString('en-US')}`));
    const first = results[0]!;
    const med = median(results.map((r) => r.total));
    // An old workspace (no summaries.json): every assessment read and scored once, then stored.
    await rm(join(dir, SUMMARIES_FILE));
    const old = await once(dir, userData);
    const after = await once(dir, userData);
    console.log(`without summaries.json (an old workspace): first open+summary ${old.total.toFixed(0)} ms (every assessment scored once and stored), the next ${after.total.toFixed(0)} ms`);
    const ok = first.total <= TARGET_MS && med <= TARGET_MS;
    console.log(
      `overview ${agencies.toLocaleString('en-US')} agencies: open+summary through the dispatch first ${first.total.toFixed(0)} ms, median ${med.toFixed(0)} ms of ${runs}, ${(first.bytes / 1e6).toFixed(2)} MB JSON; target ≤ ${TARGET_MS} ms (the window's part: bench/ui.ts) — ${ok ? 'met' : 'MISSED'}`,
    );
  } finally {
    if (!values.dir) await rm(base, { recursive: true, force: true });
  }
}

await main();
