import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AUDIT_GENESIS, type AuditEntry } from '../../shared/schema/index.ts';
import { appendAuditLines, lineHash, readAuditLines } from '../../electron/services/store/audit-log.ts';

/*
 * The audit log's hash chain (shared/schema/audit.ts), one fixture per line version under
 * tests/fixtures/audit/: v1 lines (no hash) read as "not chained (older log)", v2 lines each carry
 * the SHA-256 of the line before (of the genesis string for the first).
 */
const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'audit');
const who = { name: 'Sở Nội vụ tỉnh Minh Sơn', fingerprint: 'a'.repeat(64) };
const entry = (n: number): AuditEntry => ({ at: `2026-01-2${n}T08:00:00+07:00`, who, agency: 'S01', field: 'appraised', item: `1.${n}`, old: null, new: n, round: 1, reason: null });

let dir: string;
let log: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'parscore-audit-'));
  log = join(dir, 'audit.jsonl');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const lines = () => readFileSync(log, 'utf8').trimEnd().split('\n');

describe('audit log hash chain', () => {
  it('v1 fixture: every entry read, not chained (older log), no break', async () => {
    copyFileSync(join(FIXTURES, 'v1.jsonl'), log);
    const r = await readAuditLines(log, 'audit.jsonl');
    expect(r.issues).toEqual([]);
    expect(r.entries).toHaveLength(2);
    expect(r.chain).toEqual({ breaks: [], unchained: 2 });
  });

  it('v2 fixture: chained from the genesis string, entries read without the chain fields', async () => {
    copyFileSync(join(FIXTURES, 'v2.jsonl'), log);
    const r = await readAuditLines(log, 'audit.jsonl');
    expect(r.chain).toEqual({ breaks: [], unchained: 0 });
    expect(r.entries.map((l) => ['prev' in l.entry, 'schemaVersion' in l.entry])).toEqual([[false, false], [false, false], [false, false]]);
    expect((JSON.parse(lines()[0]!) as { prev: string }).prev).toBe(lineHash(AUDIT_GENESIS));
  });

  it('appending to a v1 log chains the new lines on to the last older line', async () => {
    copyFileSync(join(FIXTURES, 'v1.jsonl'), log);
    await appendAuditLines(log, 'audit.jsonl', [entry(3), entry(4)]);
    const all = lines();
    expect((JSON.parse(all[2]!) as { prev: string }).prev).toBe(lineHash(all[1]!));
    expect((await readAuditLines(log, 'audit.jsonl')).chain).toEqual({ breaks: [], unchained: 2 });
  });

  it('an edited, removed or reordered line, or an unchained line inserted, breaks the chain at the line named', async () => {
    await appendAuditLines(log, 'audit.jsonl', [1, 2, 3, 4].map(entry));
    const good = lines();
    const cases: [string[], string, number][] = [
      [good.map((l, i) => (i === 1 ? l.replace('"new":2', '"new":9') : l)), 'wsafe.check.audit_break', 3],
      [good.filter((_, i) => i !== 0), 'wsafe.check.audit_break', 1],
      [[good[0]!, good[2]!, good[1]!, good[3]!], 'wsafe.check.audit_break', 2],
      [[...good.slice(0, 2), JSON.stringify(entry(7)), ...good.slice(2)], 'wsafe.check.audit_unchained_after', 3],
    ];
    for (const [text, code, line] of cases) {
      writeFileSync(log, `${text.join('\n')}\n`);
      const r = await readAuditLines(log, 'audit.jsonl');
      expect(r.chain.breaks[0], text.join('\n')).toMatchObject({ code, at: { file: 'audit.jsonl', row: line } });
    }
  });

  it('after a line torn by a crash the next append chains on to the torn bytes (the torn line is reported, the chain holds)', async () => {
    await appendAuditLines(log, 'audit.jsonl', [entry(1)]);
    writeFileSync(log, `${readFileSync(log, 'utf8')}{"schemaVersion":2,"at":"20`);
    await appendAuditLines(log, 'audit.jsonl', [entry(2)]);
    const r = await readAuditLines(log, 'audit.jsonl');
    expect(r.issues.map((i) => i.code)).toEqual(['store.audit_bad_line']);
    expect(r.chain.breaks).toEqual([]);
    expect(r.entries.map((l) => l.line)).toEqual([1, 3]);
  });
});
