// Latency of one assessment save (one item changed in a ~100-item assessment) through the
// workspace store: validate, serialise, temp file + fsync, backup rotation, rename, folder fsync.
//   node --import tsx bench/store-save.ts [--saves 300] [--items 100] [--dir <folder on the disk to measure>]
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { AssessmentDoc } from '../shared/schema/index.ts';
import { WorkspaceStore } from '../electron/services/store/workspace.ts';
import { bigAssessment, percentile, sampleCampaign, sampleTemplate } from '../tests/store/helpers.ts';

const { values } = parseArgs({
  options: { saves: { type: 'string', default: '300' }, items: { type: 'string', default: '100' }, dir: { type: 'string' } },
});
const saves = Number(values.saves);
const items = Number(values.items);
const base = await mkdtemp(join(values.dir ?? tmpdir(), 'parscore-bench-'));

try {
  const ws = await WorkspaceStore.create(join(base, 'ws'), {
    name: 'Đo tốc độ lưu',
    role: 'home-affairs',
    campaign: await sampleCampaign(),
    templates: [await sampleTemplate()],
  });
  const first = await ws.writeAssessment(bigAssessment('STP', 0, items));
  const bytes = Buffer.byteLength(`${JSON.stringify(first, null, 2)}\n`);
  const codes = Object.keys(first.items);

  const save = () =>
    ws.updateAssessment('STP', (a) => {
      const n = a!.revision + 1;
      const code = codes[n % codes.length]!;
      return { ...a!, revision: n, items: { ...a!.items, [code]: { ...a!.items[code]!, note: `Lần lưu ${n}` } }, updatedAt: new Date().toISOString() };
    });
  for (let i = 0; i < 10; i++) await save(); // warm-up

  const times: number[] = [];
  for (let i = 0; i < saves; i++) {
    const t0 = performance.now();
    await save();
    times.push(performance.now() - t0);
  }
  await ws.close();

  // Reference: the same bytes with a plain writeFile (no temp file, no fsync, no backup).
  const plain: number[] = [];
  const text = `${JSON.stringify(first, null, 2)}\n`;
  for (let i = 0; i < Math.min(saves, 200); i++) {
    const t0 = performance.now();
    await writeFile(join(base, 'plain.json'), text);
    plain.push(performance.now() - t0);
  }

  // CPU part of a save: zod validation, serialisation and the copies handed in and out.
  const cpu: number[] = [];
  for (let i = 0; i < Math.min(saves, 200); i++) {
    const t0 = performance.now();
    const r = AssessmentDoc.parse(structuredClone(first), 'STP.json');
    if (!r.ok) throw new Error('invalid');
    structuredClone(r.value.value);
    JSON.stringify(r.value.value, null, 2);
    cpu.push(performance.now() - t0);
  }

  const fmt = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return `p50 ${percentile(s, 50).toFixed(2)} ms · p95 ${percentile(s, 95).toFixed(2)} ms · p99 ${percentile(s, 99).toFixed(2)} ms · max ${(s.at(-1) ?? 0).toFixed(2)} ms`;
  };
  console.log(`store save: ${saves} saves of a ${items}-item assessment (${(bytes / 1024).toFixed(1)} KiB) in ${base}`);
  console.log(`  durable save (updateAssessment): ${fmt(times)}`);
  console.log(`  of which CPU (validate, copy, JSON): ${fmt(cpu)}`);
  console.log(`  reference, plain fs.writeFile:   ${fmt(plain)}`);
} finally {
  await rm(base, { recursive: true, force: true });
}
