/**
 * `npm run test:hostile [-- --attempts N --seed S]`: the long hostile run (tests/hostile/harness.ts)
 * — every exchange file and Excel input kind mutated N times (default 300) — printing per kind:
 * tried, accepted, refused, crashed, hung, state changed, badly worded; and each finding. Exit 1 if
 * anything crashed, hung, changed state or leaked program text.
 */
import { parseArgs } from 'node:util';
import { run, setup } from '../tests/hostile/harness.ts';

const { values } = parseArgs({ options: { attempts: { type: 'string', default: '300' }, seed: { type: 'string', default: '2026' } } });
const attempts = Number(values.attempts);
const seed = Number(values.seed);
const started = Date.now();
const s = await setup();
try {
  let last = 0;
  const { counts, findings } = await run(s, {
    seed,
    attempts,
    onAttempt: (target, n) => {
      if (Date.now() - last > 5000) {
        last = Date.now();
        process.stderr.write(`  ${target}: ${n}/${attempts}\n`);
      }
    },
  });
  const cols = ['tried', 'accepted', 'refused', 'crashed', 'hung', 'state_changed', 'bad_message'] as const;
  console.log(`hostile run: seed ${seed}, ${attempts} attempts per kind, ${((Date.now() - started) / 1000).toFixed(0)} s`);
  console.log(['kind'.padEnd(36), ...cols.map((c) => c.padStart(13))].join(''));
  for (const [name, c] of Object.entries(counts)) console.log([name.padEnd(36), ...cols.map((k) => String(c[k]).padStart(13))].join(''));
  const sum = (k: (typeof cols)[number]) => Object.values(counts).reduce((a, c) => a + c[k], 0);
  console.log(['total'.padEnd(36), ...cols.map((k) => String(sum(k)).padStart(13))].join(''));
  for (const f of findings.slice(0, 50)) console.log(`✖ ${f.verdict} · ${f.target} · ${f.mutation}\n    ${f.detail.replace(/\n/g, '\n    ')}`);
  if (findings.length > 50) console.log(`… and ${findings.length - 50} more`);
  process.exitCode = findings.length > 0 ? 1 : 0;
} finally {
  await s.close();
}
