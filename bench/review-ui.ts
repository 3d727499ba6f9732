// Home Affairs opens the appraisal screen of one agency in a large workspace, in Debian's Chromium
// through the browser mode (the real renderer, bridge, IPC and services; issue 14 point 9: every
// screen of a 10,000-agency workspace usable ≤ 1 s).
//   node --import tsx bench/review-ui.ts [--agencies 10000] [--runs 5] [--seed 2024] [--dir <folder>] [--no-build] [--smoke]
// What is measured (Playwright library, /usr/bin/chromium, 1360×860):
//   open review   from the click on an agency's name in the overview to the frame where the
//                 appraisal screen shows its tree, its first item's panel and the totals (its two
//                 calls through the bridge: assessment:get and review:get). The first open (the
//                 screen's code chunk loaded) and the median of the next ones, each for another agency.
//   review:get    the call alone, through the browser mode's HTTP bridge (median).
// --smoke: 200 agencies, 2 runs (a check that it still runs, not a measurement).
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright';
import { writeDemoWorkspace } from '../electron/services/demo/write.ts';
import { CHROMIUM, type Server, buildRenderer, launchChromium, median, r1, startServer, stopServer } from './lib/browser-mode.ts';

const { values } = parseArgs({
  options: {
    agencies: { type: 'string', default: '10000' },
    runs: { type: 'string', default: '5' },
    seed: { type: 'string', default: '2024' },
    dir: { type: 'string' },
    'no-build': { type: 'boolean', default: false },
    smoke: { type: 'boolean', default: false },
  },
});
const agencies = values.smoke ? 200 : Number(values.agencies);
const runs = values.smoke ? 2 : Number(values.runs);
const seed = Number(values.seed);
if (![agencies, runs, seed].every(Number.isInteger) || agencies < 12 || runs < 1) {
  console.error('usage: bench/review-ui.ts [--agencies 10000] [--runs 5] [--seed 2024] [--dir <folder>] [--no-build] [--smoke]');
  process.exit(2);
}
const TARGET_MS = 1000;

/** The page's side of one timed open (plain JavaScript): click the agency's name, wait for tree, panel and totals. */
const TIMED_OPEN = `async (code) => {
    const ready = () => document.querySelector('[data-testid="review-tree"] [role="treeitem"]') && document.querySelector('[data-testid="review-panel"]') && document.querySelector('[data-testid="review-total-appraised"]');
    const t0 = performance.now();
    document.querySelector(\`[data-testid="agency-row-\${code}"] button\`).click();
    return new Promise((resolve) => {
      const check = () => {
        if (ready()) requestAnimationFrame(() => resolve(performance.now() - t0));
        else if (performance.now() - t0 > 10000) resolve(Number.POSITIVE_INFINITY);
        else requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    });
  }`;

async function figures(page: Page, server: Server): Promise<{ first: number; later: number[]; call: number[]; codes: string[] }> {
  await page.goto(`${server.base}/?k=${server.secret}`);
  await page.locator('[data-testid^="agency-row-"]').first().waitFor({ state: 'visible', timeout: 120_000 });
  const ids = await page.locator('[data-testid^="agency-row-"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-testid')!.slice('agency-row-'.length)));
  const codes = ids.slice(0, runs + 1);
  const times: number[] = [];
  for (const code of codes) {
    await page.locator(`[data-testid="agency-row-${code}"]`).waitFor({ state: 'visible', timeout: 60_000 });
    times.push((await page.evaluate(`(${TIMED_OPEN})(${JSON.stringify(code)})`)) as number);
    await page.evaluate(() => {
      window.location.hash = '#/';
    });
  }
  const call: number[] = [];
  for (const code of codes) {
    const t0 = performance.now();
    const r = await page.request.post(`${server.base}/ipc/review:get`, { data: { agency: code }, headers: { origin: server.base } });
    if (!((await r.json()) as { ok: boolean }).ok) throw new Error(`review:get ${code} failed`);
    call.push(performance.now() - t0);
  }
  return { first: times[0]!, later: times.slice(1), call, codes };
}

async function main(): Promise<void> {
  buildRenderer(values['no-build'], values.smoke);
  const base = values.dir ?? (await mkdtemp(join(tmpdir(), 'parscore-bench-review-')));
  const ha = join(base, `ws-${agencies}`);
  const userData = join(base, 'user-data');
  const browser = await launchChromium();
  let server: Server | null = null;
  try {
    if (!existsSync(join(ha, 'workspace.json'))) await writeDemoWorkspace(ha, { agencies, seed });
    const page = await browser.newPage({ viewport: { width: 1360, height: 860 }, locale: 'vi-VN' });
    server = await startServer(ha, userData);
    const f = await figures(page, server);
    const worst = Math.max(f.first, ...f.later);
    console.log(`review-ui: browser mode in ${CHROMIUM}, ${agencies.toLocaleString('en-US')}-agency demo workspace (seed ${seed}), 1360×860${values.smoke ? ' — smoke run' : ''}`);
    console.log(`  open an agency's appraisal screen (click → tree, panel and totals drawn): first ${r1(f.first)} ms (its code loaded), then median ${r1(median(f.later))} ms, max ${r1(Math.max(...f.later))} ms of ${f.later.length} (${f.codes.slice(1).join(', ')}); target ≤ ${TARGET_MS} ms — ${worst <= TARGET_MS ? 'met' : 'MISSED'}`);
    console.log(`  review:get through the HTTP bridge: median ${r1(median(f.call))} ms, max ${r1(Math.max(...f.call))} ms of ${f.call.length}`);
  } finally {
    await browser.close();
    if (server) await stopServer(server);
    if (!values.dir) await rm(base, { recursive: true, force: true });
  }
}

await main();
