// Home Affairs' inbox in the window on a national-size batch, in Debian's Chromium through the
// browser mode (the real renderer, bridge, IPC and services; issue 14 point 9).
//   node --import tsx bench/inbox-ui.ts [--agencies 1000] [--overview-agencies 10000] [--seed 2024] [--dir <folder>] [--no-build] [--smoke]
// What is measured (Playwright library, /usr/bin/chromium, 1360×860, Vietnamese):
//   import        the demo's submissions (`parscore demo --agencies N --submissions`, one file per
//                 agency) picked at once in the inbox's file picker: from the pick to the verdicts'
//                 summary shown. In the browser mode the window reads every file and sends the
//                 bytes ahead in 4 MB requests (inbox:stage), then inbox:import runs with progress.
//   long tasks    PerformanceObserver('longtask') in the page during the import: the longest
//                 renderer task and how many took over 100 ms.
//   progress gap  the largest time between two changes of the progress text (count, file, rate),
//                 from the pick to the summary; the target is ≤ 250 ms.
//   cancel        the same files picked again (each is checked again: duplicates), the progress
//                 screenshotted half-way, Stop pressed: the time from Stop to the window's answer.
//   overview      the overview with the status board on a --overview-agencies demo workspace
//                 (the same measure as bench/ui.ts "first row visible", plus the board): from the
//                 navigation to the board's and the first row's being visible; target ≤ 1 s.
// --smoke: 40 agencies, overview on 200.
import { cpSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright';
import { writeDemoCycle } from '../electron/services/demo/cycle.ts';
import { writeDemoWorkspace } from '../electron/services/demo/write.ts';
import { CHROMIUM, type Server, buildRenderer, launchChromium, root, startServer, stopServer } from './lib/browser-mode.ts';

const { values } = parseArgs({
  options: {
    agencies: { type: 'string' },
    'overview-agencies': { type: 'string' },
    seed: { type: 'string', default: '2024' },
    dir: { type: 'string' },
    'no-build': { type: 'boolean', default: false },
    smoke: { type: 'boolean', default: false },
  },
});
const smoke = values.smoke;
const agencies = Number(values.agencies ?? (smoke ? 40 : 1000));
const overviewAgencies = Number(values['overview-agencies'] ?? (smoke ? 200 : 10000));
const seed = Number(values.seed);
if (![agencies, overviewAgencies, seed].every(Number.isInteger) || agencies < 12 || overviewAgencies < 12) {
  console.error('usage: bench/inbox-ui.ts [--agencies 1000] [--overview-agencies 10000] [--seed 2024] [--dir <folder>] [--no-build] [--smoke]');
  process.exit(2);
}
const TARGET = { gap: 250, longTask: 100, overview: 1000 };
const SCREENS = join(root, 'test-results', 'screens');
const r0 = (x: number) => x.toFixed(0);
const s1 = (ms: number) => (ms / 1000).toFixed(1);

/**
 * Before the app loads: every job:progress event the window receives, timestamped (the bridge's
 * EventSource listeners are wrapped; plain JavaScript).
 */
const EVENT_HOOK = `(() => {
  if (window.__progressEvents) return;
  window.__progressEvents = [];
  const add = EventSource.prototype.addEventListener;
  EventSource.prototype.addEventListener = function (type, fn, opts) {
    if (type !== 'job:progress') return add.call(this, type, fn, opts);
    return add.call(this, type, function (e) { try { const p = JSON.parse(e.data); window.__progressEvents.push({ at: performance.now(), done: p.done, phase: p.phase }); } catch {} return fn.call(this, e); }, opts);
  };
})()`;

/** The page's recorder (plain JavaScript): long tasks and the times the progress text changed. */
const RECORDER = `(() => {
  const rec = { tasks: [], changes: [], t0: 0 };
  window.__inboxBench = rec;
  new PerformanceObserver((list) => { for (const e of list.getEntries()) rec.tasks.push({ start: e.startTime, ms: e.duration }); }).observe({ type: 'longtask', buffered: false });
  let last = '';
  const look = () => {
    const el = document.querySelector('[data-testid="inbox-progress-text"]');
    const cur = document.querySelector('[data-testid="inbox-current"]');
    const now = el ? el.textContent + '|' + (cur ? cur.textContent : '') : '';
    if (now && now !== last) { rec.changes.push(performance.now()); last = now; }
  };
  new MutationObserver(look).observe(document.body, { subtree: true, childList: true, characterData: true });
})()`;

interface ImportFigures {
  /** Picking → the last file read and sent (the browser mode's staging). */
  stagedMs: number;
  /** Largest gap between two job:progress events received, from the first to the last. */
  eventGap: number;
  events: number;
  totalMs: number;
  longest: number;
  over100: number;
  gap: number;
  updates: number;
  summary: string;
}

async function measuredImport(page: Page, files: string[]): Promise<ImportFigures> {
  await page.evaluate(RECORDER);
  await page.evaluate('window.__inboxBench.t0 = performance.now()');
  const t0 = performance.now();
  await page.getByTestId('inbox-file-input').setInputFiles(files);
  await page.getByTestId('inbox-summary').waitFor({ state: 'visible', timeout: 30 * 60_000 });
  const totalMs = performance.now() - t0;
  const rec = (await page.evaluate('(() => { const r = window.__inboxBench; return { tasks: r.tasks, changes: r.changes, t0: r.t0, end: performance.now(), events: window.__progressEvents.filter((e) => e.at >= r.t0) }; })()')) as {
    tasks: { start: number; ms: number }[];
    changes: number[];
    t0: number;
    end: number;
    events: { at: number; done: number; phase: string }[];
  };
  let eventGap = 0;
  for (let k = 1; k < rec.events.length; k++) eventGap = Math.max(eventGap, rec.events[k]!.at - rec.events[k - 1]!.at);
  const stagedMs = (rec.events[0]?.at ?? rec.end) - rec.t0;
  const marks = [...rec.changes.filter((c) => c >= rec.t0)];
  let gap = 0;
  // From the first progress shown to the last: the window said nothing for at most `gap` ms.
  for (let k = 1; k < marks.length; k++) gap = Math.max(gap, marks[k]! - marks[k - 1]!);
  const tasks = rec.tasks.filter((x) => x.start >= rec.t0);
  if (process.env.BENCH_DEBUG) console.error(JSON.stringify({ tasks: tasks.map((x) => [Math.round(x.start - rec.t0), Math.round(x.ms)]), events: rec.events.map((e) => [Math.round(e.at - rec.t0), e.done, e.phase]), end: Math.round(rec.end - rec.t0) }));
  return {
    stagedMs,
    eventGap,
    events: rec.events.length,
    totalMs,
    longest: Math.max(0, ...tasks.map((x) => x.ms)),
    over100: tasks.filter((x) => x.ms > 100).length,
    gap,
    updates: marks.length,
    summary: await page.getByTestId('inbox-summary').innerText(),
  };
}

async function cancelRun(page: Page, files: string[]): Promise<{ stopMs: number; note: string }> {
  await page.getByTestId('inbox-file-input').setInputFiles(files);
  // Half-way through the checking (the rate is shown once main checks files).
  await page.waitForFunction(
    (half) => {
      const m = /^(\d[\d.]*)\/(\d[\d.]*) tệp ·/.exec(document.querySelector('[data-testid="inbox-progress-text"]')?.textContent ?? '');
      return m !== null && Number(m[1]!.replaceAll('.', '')) >= half;
    },
    Math.floor(files.length / 2),
    { timeout: 30 * 60_000, polling: 50 },
  );
  mkdirSync(SCREENS, { recursive: true });
  await page.screenshot({ path: join(SCREENS, 'inbox-progress-vi.png') });
  const t0 = performance.now();
  // A small batch may be done before Stop is pressed (the smoke run): said so.
  await page.getByTestId('inbox-cancel').click({ timeout: 5000 }).catch(() => undefined);
  const note = page.getByTestId('inbox-cancelled-note').or(page.getByTestId('inbox-done-note'));
  await note.waitFor({ state: 'visible', timeout: 60_000 });
  const stopMs = performance.now() - t0;
  await page.screenshot({ path: join(SCREENS, 'inbox-cancelled-vi.png') });
  return { stopMs, note: await note.innerText() };
}

async function overviewFigure(page: Page, server: Server): Promise<{ first: number; later: number }> {
  const open = async () => {
    const t0 = performance.now();
    await page.goto(`${server.base}/?k=${server.secret}`);
    await page.getByTestId('status-board').waitFor({ state: 'visible', timeout: 120_000 });
    await page.locator('[data-testid^="agency-row-"]').first().waitFor({ state: 'visible', timeout: 120_000 });
    return performance.now() - t0;
  };
  const first = await open();
  const later = await open();
  return { first, later };
}

async function main(): Promise<void> {
  buildRenderer(values['no-build'], smoke);
  const base = values.dir ?? (await mkdtemp(join(tmpdir(), 'parscore-bench-inbox-')));
  const ha = join(base, `cycle-${agencies}`, 'snv');
  const out = join(base, `cycle-${agencies}`, 'out');
  const big = join(base, `overview-${overviewAgencies}`);
  const userData = join(base, 'user-data');
  const servers: Server[] = [];
  const browser = await launchChromium();
  try {
    const g0 = performance.now();
    // A fresh Home Affairs workspace each run (nothing imported yet): a copy of the demo's, which is
    // made once and kept with --dir (a 1,000-agency cycle takes minutes to make).
    const pristine = join(base, `cycle-${agencies}`, 'snv-pristine');
    if (!existsSync(join(pristine, 'workspace.json')) || !existsSync(join(out, 'agencies'))) {
      await rm(join(base, `cycle-${agencies}`), { recursive: true, force: true });
      await writeDemoCycle(pristine, out, { agencies, seed });
    }
    await rm(ha, { recursive: true, force: true });
    cpSync(pristine, ha, { recursive: true });
    const files = readdirSync(out).filter((f) => f.endsWith('.parscore')).sort().map((f) => join(out, f));
    const made = performance.now() - g0;

    const page = await browser.newPage({ viewport: { width: 1360, height: 860 }, locale: 'vi-VN' });
    await page.addInitScript(EVENT_HOOK);
    const s = await startServer(ha, userData);
    servers.push(s);
    await page.goto(`${s.base}/?k=${s.secret}#/inbox`);
    await page.getByTestId('inbox-drop').waitFor({ state: 'visible' });
    const imp = await measuredImport(page, files);
    const cancel = await cancelRun(page, files);
    await stopServer(s);

    if (!existsSync(join(big, 'workspace.json'))) await writeDemoWorkspace(big, { agencies: overviewAgencies, seed });
    const s2 = await startServer(big, userData);
    servers.push(s2);
    const ov = await overviewFigure(page, s2);

    const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
    console.log(`inbox-ui: browser mode in ${CHROMIUM}, 1360×860; ${files.length.toLocaleString('en-US')} submission files of a ${agencies.toLocaleString('en-US')}-agency demo cycle (seed ${seed}, made or copied in ${s1(made)} s)`);
    console.log(`  import of ${files.length} files picked in the window → verdicts shown: ${s1(imp.totalMs)} s (${(files.length / (imp.totalMs / 1000)).toFixed(1)} files/s) — ${imp.summary.split('\n')[0]}`);
    console.log(`  renderer long tasks during the import: longest ${r0(imp.longest)} ms, ${imp.over100} over ${TARGET.longTask} ms — ${verdict(imp.over100 === 0)}`);
    console.log(`  of which reading and sending the files (inbox:stage): ${s1(imp.stagedMs)} s; then inbox:import with progress`);
    console.log(`  largest gap between job:progress events received (import): ${r0(imp.eventGap)} ms over ${imp.events} events; target ≤ ${TARGET.gap} ms — ${verdict(imp.eventGap <= TARGET.gap)}`);
    console.log(`  largest gap between changes of the progress text shown (reading + import): ${r0(imp.gap)} ms over ${imp.updates} changes`);
    console.log(`  the same files again, Stop pressed half-way → the window's answer: ${r0(cancel.stopMs)} ms — "${cancel.note.split('\n')[0]}"`);
    console.log(`  overview with the status board, ${overviewAgencies.toLocaleString('en-US')} agencies: first navigation ${r0(ov.first)} ms (the server's first summary), then ${r0(ov.later)} ms; target ≤ ${TARGET.overview} ms — ${verdict(ov.later <= TARGET.overview)}`);
  } finally {
    await browser.close();
    for (const x of servers) await stopServer(x);
    if (!values.dir) await rm(base, { recursive: true, force: true });
  }
}

await main();
