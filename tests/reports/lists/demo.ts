/**
 * Builds the demo's results in-process (the same steps as `parscore demo … --submissions`, `import`,
 * `survey import`, `consolidate`), so these tests depend on the services only.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Results } from '../../../shared/results/index.ts';
import type { Campaign } from '../../../shared/schema/campaign.ts';
import { consolidate } from '../../../electron/services/consolidate.ts';
import { importSubmissions } from '../../../electron/services/cycle/index.ts';
import { writeDemoCycle } from '../../../electron/services/demo/cycle.ts';
import { WorkspaceStore } from '../../../electron/services/store/workspace.ts';
import { importSurveyFile } from '../../../electron/services/survey/import.ts';

export interface Demo {
  results: Results;
  campaign: Campaign;
}

export async function buildDemo(root: string, agencies = 60, seed = 7): Promise<Demo> {
  const ha = join(root, 'ha');
  const out = join(root, 'out');
  const cycle = await writeDemoCycle(ha, out, { agencies, seed });
  const ws = await WorkspaceStore.open(ha);
  try {
    const names = (await readdir(out)).filter((f) => f.endsWith('.parscore')).sort();
    const inputs = await Promise.all(names.map(async (f) => ({ file: join(out, f), bytes: new Uint8Array(await readFile(join(out, f))) })));
    const verdicts = await importSubmissions(ws, inputs);
    const rejected = verdicts.filter((v) => v.verdict === 'rejected');
    if (rejected.length) throw new Error(`demo import rejected ${rejected.length} file(s)`);
    const s = await importSurveyFile(ws, cycle.surveyFile);
    if (!s.ok) throw new Error(`demo survey import failed: ${JSON.stringify(s.error)}`);
    const r = await consolidate(ws, { history: [] });
    if (!r.ok) throw new Error(`demo consolidate failed: ${JSON.stringify(r.error)}`);
    const campaign = ws.campaign();
    if (!campaign) throw new Error('demo workspace has no campaign');
    return { results: r.value, campaign };
  } finally {
    await ws.close();
  }
}
