// ParScore's work on a dataset, stage by stage, in one process (as in the desktop app):
//   import all submission files (verify + validate + store) → consolidate (results + commendation
//   candidates, results.json written) → scoreboard and ranking workbooks.
// Prints one JSON line: { import, consolidate, workbooks } each { ms, peakRssMiB }, plus counts.
//   node --expose-gc --import tsx bench/national/stages.ts <dataset folder>
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { importSubmissions } from '../../electron/services/cycle/import.ts';
import { consolidate } from '../../electron/services/consolidate.ts';
import { defaultFooter } from '../../electron/services/reports/kit/context.ts';
import { writeRanking } from '../../electron/services/reports/ranking.ts';
import { writeScoreboard } from '../../electron/services/reports/scoreboard.ts';
import { WorkspaceStore } from '../../electron/services/store/workspace.ts';
import type { Dataset } from './dataset.ts';
import { RECEIVED_AT } from './dataset.ts';
import { stage } from './measure.ts';

const root = process.argv[2];
if (!root) throw new Error('usage: stages.ts <dataset folder>');
const dataset = JSON.parse(await readFile(join(root, 'dataset.json'), 'utf8')) as Dataset;

const ws = await WorkspaceStore.open(dataset.haDir);
try {
  // As `parscore import` does it: each file read when its turn comes, by the thread that checks it.
  const imported = await stage(() => importSubmissions(ws, dataset.files.map((f) => ({ file: f.path, path: f.path })), { now: RECEIVED_AT }));
  const stored = imported.value.filter((v) => v.verdict === 'accepted').length;
  if (stored !== dataset.files.length) {
    const bad = imported.value.find((v) => v.verdict !== 'accepted');
    throw new Error(`only ${stored} of ${dataset.files.length} files accepted; first other verdict: ${JSON.stringify(bad).slice(0, 600)}`);
  }

  const consolidated = await stage(async () => {
    const r = await consolidate(ws, { now: RECEIVED_AT });
    if (!r.ok) throw new Error(JSON.stringify(r.error).slice(0, 600));
    await writeFile(join(root, 'results.json'), `${JSON.stringify(r.value, null, 2)}\n`);
    return r.value;
  });
  const results = consolidated.value;
  const campaign = ws.campaign();
  if (!campaign) throw new Error('no campaign');

  const workbooks = await stage(async () => {
    const ctx = { results, campaign, lang: 'vi' as const, date: new Date(RECEIVED_AT), footer: defaultFooter(campaign, 'vi'), ws };
    await writeScoreboard(ctx, join(root, 'scoreboard.xlsx'));
    await writeRanking(ctx, join(root, 'ranking.xlsx'));
  });

  console.log(
    JSON.stringify({
      import: imported.figures,
      consolidate: consolidated.figures,
      workbooks: workbooks.figures,
      accepted: stored,
      ranked: results.agencies.filter((a) => a.rank !== null).length,
      candidates: results.commendation.collectives.length + results.commendation.individuals.length,
    }),
  );
} finally {
  await ws.close();
}
