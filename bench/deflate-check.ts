// Cost of checkDeflateStream (the free bits of every deflated zip entry, run on every package read)
// over the real streams of a folder of packages. Target: ≤ 130 µs per package.
//   node --import tsx bench/deflate-check.ts [--dir <folder of .parscore files>] [--packages 2000] [--rounds 5]
// Without --dir, the packages are those of the national benchmark's dataset (bench/national),
// built for the occasion in a temporary folder.
// The streams are found as readPackage finds them (checkLayout), all loaded before timing; one
// untimed round warms up, then the best of `rounds` timed passes over all streams is reported.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { checkLayout, METHOD_DEFLATED } from '../electron/services/packages/canonical.ts';
import { checkDeflateStream } from '../electron/services/packages/deflate.ts';
import { buildDataset } from './national/dataset.ts';

const { values } = parseArgs({
  options: {
    dir: { type: 'string' },
    packages: { type: 'string', default: '2000' },
    rounds: { type: 'string', default: '5' },
  },
});
const limit = Number(values.packages);
const rounds = Number(values.rounds);
if (!Number.isInteger(limit) || limit < 1 || !Number.isInteger(rounds) || rounds < 1) {
  console.error('usage: bench/deflate-check.ts [--dir <folder of .parscore files>] [--packages 2000] [--rounds 5]');
  process.exit(2);
}

const built = values.dir === undefined ? await mkdtemp(join(tmpdir(), 'parscore-deflate-')) : null;
if (built) await buildDataset(built, limit, 2026);
const dir = values.dir ?? join(built!, 'submissions');
const files = (await readdir(dir)).filter((f) => f.endsWith('.parscore')).sort().slice(0, limit);
const streams: Uint8Array[] = [];
let bytes = 0;
for (const f of files) {
  const buf = await readFile(join(dir, f));
  const layout = checkLayout(buf);
  if (!layout.ok) throw new Error(`${f}: ${layout.deviation.detail}`);
  for (const e of layout.entries) {
    if (e.method !== METHOD_DEFLATED) continue;
    streams.push(buf.subarray(e.dataStart, e.dataStart + e.compressedSize));
    bytes += e.compressedSize;
  }
}
if (streams.length === 0) throw new Error(`no deflated entries in ${dir}`);

function pass(): number {
  const start = process.hrtime.bigint();
  for (const s of streams) {
    if (checkDeflateStream(s)) throw new Error('a stream written by the writer fails the check');
  }
  return Number(process.hrtime.bigint() - start) / 1000;
}

pass();
let best = Infinity;
for (let r = 0; r < rounds; r++) best = Math.min(best, pass());
const perStream = best / streams.length;
const perPackage = best / files.length;
console.log(`${files.length} packages, ${streams.length} deflated streams, ${(bytes / streams.length / 1024).toFixed(1)} KiB per stream on average`);
console.log(`checkDeflateStream: ${perStream.toFixed(1)} µs per stream, ${perPackage.toFixed(1)} µs per package (best of ${rounds})`);
if (built) await rm(built, { recursive: true, force: true });
