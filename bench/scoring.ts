// Scoring engine speed: compile a built-in template once, then score one realistic self-assessment
// and set one item at a time, as the desktop UI does on every edit. Prints microseconds per call.
//   node --import tsx bench/scoring.ts
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { demoAssessment } from '../electron/services/demo/assessment.ts';
import { createRng } from '../electron/services/demo/rng.ts';
import { scoreAssessment, setItemInput } from '../shared/scoring/index.ts';
import { compileTemplate } from '../shared/template/compile.ts';
import { parseTemplate } from '../shared/template/parse.ts';

const parsed = parseTemplate(JSON.parse(readFileSync(join(import.meta.dirname, '..', 'templates', 'criteria', 'par-so-2026.json'), 'utf8')));
if (!parsed.ok) throw new Error('template');
const t0 = performance.now();
const ct = compileTemplate(parsed.value);
const compileMs = performance.now() - t0;
const a = demoAssessment({ template: parsed.value, agency: { code: 'S01', name: 'Sở Nội vụ', group: 'department', parent: null }, abbr: 'SNV', campaign: 'cchc-2024', year: 2024, quality: 0.85, rng: createRng(1, 1), updatedAt: '2024-12-01T08:00:00+07:00' });
const leaves = parsed.value.items.filter((i) => i.rule?.type === 'BINARY').map((i) => i.code);

function time(label: string, n: number, fn: (i: number) => void): void {
  for (let i = 0; i < Math.min(n, 200); i++) fn(i); // warm up
  const start = performance.now();
  for (let i = 0; i < n; i++) fn(i);
  const us = ((performance.now() - start) * 1000) / n;
  console.log(`${label.padEnd(44)} ${us.toFixed(1).padStart(8)} µs/call  (${n} calls)`);
}

console.log(`template par-so: ${parsed.value.items.length} items; compile ${compileMs.toFixed(2)} ms (once)`);
time('scoreAssessment (whole tree, totals)', 20_000, () => scoreAssessment(ct, a));
time('setItemInput (one item, ancestors, totals)', 20_000, (i) => setItemInput(ct, a, leaves[i % leaves.length]!, { kind: 'binary', value: i % 2 ? 'yes' : 'no' }));
