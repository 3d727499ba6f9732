// The built app loads the worker thread from its bundle (dist/main/worker.js, written by
// scripts/build.mjs); the sources' tests use the .ts file. This builds the bundle the same way and
// gives it the jobs the import and the consolidation give.
import { build } from 'esbuild';
import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';

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
  it('reads an assessment for the results, and answers null for a file the store must read itself', async () => {
    dir = await mkdtemp(join(tmpdir(), 'parscore-worker-'));
    await build({ bundle: true, platform: 'node', target: 'node22', logLevel: 'warning', entryPoints: [join(root, 'electron/services/workers/worker.ts')], outfile: join(dir, 'worker.js'), format: 'esm', packages: 'external', absWorkingDir: root });
    // packages: 'external' leaves zod & co. to node_modules, as in the app: resolve them from the project.
    await writeFile(join(dir, 'package.json'), '{"type":"module"}');
    await symlink(join(root, 'node_modules'), join(dir, 'node_modules'));
    const assessment = {
      kind: 'parscore.assessment',
      schemaVersion: 1,
      agency: 'X00001',
      template: { id: 'par-xa', version: 1 },
      revision: 1,
      items: { '1.1': { input: { kind: 'binary', value: 'yes' }, selfScore: 1, evidence: [{ docNo: '12/KH-UBND', title: 'Kế hoạch cải cách hành chính năm 2026' }], note: 'Đã ban hành đúng hạn.' } },
      indicators: {},
      bonus: {},
      penalty: {},
      updatedAt: '2026-12-01T08:00:00+07:00',
    };
    await writeFile(join(dir, 'X00001.json'), JSON.stringify(assessment));
    await writeFile(join(dir, 'hỏng.json'), '{"kind": "parscore.assessment", "schem');
    const w = new Worker(join(dir, 'worker.js'), { workerData: null });
    try {
      const ref = (name: string, folder: string) => ({ path: join(dir, name), label: `${folder}/${name}` });
      const answer = (await ask(w, {
        kind: 'agency-docs',
        agencies: [
          { assessment: ref('X00001.json', 'assessments'), nominations: null },
          { assessment: ref('hỏng.json', 'assessments'), nominations: ref('không-có.json', 'nominations') },
        ],
      })) as { kind: string; agencies: { assessment: { items: Record<string, unknown> } | null; nominations: unknown }[] };
      expect(answer.kind).toBe('agency-docs');
      // The inputs and self scores, without the evidence and notes.
      expect(answer.agencies[0]!.assessment!.items['1.1']).toEqual({ input: { kind: 'binary', value: 'yes' }, selfScore: 1, evidence: [] });
      expect(answer.agencies[0]!.nominations).toBeNull();
      // Damaged or absent: null, for the store to read, repair and report.
      expect(answer.agencies[1]).toEqual({ assessment: null, nominations: null });
    } finally {
      await w.terminate();
    }
  }, 60_000);
});
