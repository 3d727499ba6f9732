// The built app loads the worker thread from its bundle (dist/main/worker.js, written by
// scripts/build.mjs); the sources' tests use the .ts file. This builds the bundle the same way and
// gives it the job the consolidation gives.
import { build } from 'esbuild';
import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { scoreAgency } from '../../shared/results/index.ts';
import { compileTemplate } from '../../shared/template/compile.ts';
import { ON_TIME, builtinTemplate, campaignFor, filledAssessment } from '../cycle/helpers.ts';

const root = join(import.meta.dirname, '..', '..');
let dir = '';
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

function ask(w: Worker, job: unknown): Promise<unknown> {
  return new Promise((resolve, reject) => {
    w.once('message', (m: { result?: unknown; error?: string }) => (m.error ? reject(new Error(m.error)) : resolve(m.result)));
    w.once('error', reject);
    w.postMessage({ id: 1, job });
  });
}

describe('the bundled worker (dist/main/worker.js)', () => {
  it('scores an agency for the results as this thread does, and hands back a file the store must read itself', async () => {
    dir = await mkdtemp(join(tmpdir(), 'parscore-worker-'));
    await build({ bundle: true, platform: 'node', target: 'node22', logLevel: 'warning', entryPoints: [join(root, 'electron/services/workers/worker.ts')], outfile: join(dir, 'worker.js'), format: 'esm', packages: 'external', absWorkingDir: root });
    // packages: 'external' leaves zod & co. to node_modules, as in the app: resolve them from the project.
    await writeFile(join(dir, 'package.json'), '{"type":"module"}');
    await symlink(join(root, 'node_modules'), join(dir, 'node_modules'));
    const [so, xa] = [await builtinTemplate('par-so-2026'), await builtinTemplate('par-xa-2026')];
    const campaign = campaignFor(so, xa);
    const agency = campaign.agencies.find((a) => a.code === 'XA-DONG-HOA')!;
    const assessment = filledAssessment(xa, agency.code, campaign.id);
    await writeFile(join(dir, 'XA-DONG-HOA.json'), JSON.stringify(assessment));
    await writeFile(join(dir, 'hỏng.json'), '{"kind": "parscore.assessment", "schem');
    const submission = { revision: 1, receivedAt: ON_TIME, late: false };
    const ctx = { campaign, now: ON_TIME, limits: {}, templates: { department: { template: so }, commune: { template: xa } } };
    const w = new Worker(join(dir, 'worker.js'), { workerData: ctx });
    try {
      const ref = (name: string, folder: string) => ({ path: join(dir, name), label: `${folder}/${name}` });
      const request = (file: string) => ({ agency, survey: null, submission, assessment: ref(file, 'assessments'), appraisal: null, nominations: null });
      const answer = (await ask(w, { kind: 'agency-scores', agencies: [request('XA-DONG-HOA.json'), request('hỏng.json')] })) as { kind: string; agencies: ({ scored: Record<string, unknown> } | { docs: unknown })[] };
      expect(answer.kind).toBe('agency-scores');
      const { template: _, ...here } = scoreAgency(campaign, { agency, template: compileTemplate(xa), assessment, appraisal: null, survey: null, submission, nominations: [] });
      expect(here.result.self.score).toBeGreaterThan(0);
      expect(answer.agencies[0]).toEqual({ scored: here });
      // Damaged: nothing read, for the store to read, repair and report.
      expect(answer.agencies[1]).toEqual({ docs: { assessment: null, appraisal: null, nominations: null } });
    } finally {
      await w.terminate();
    }
  }, 60_000);
});
