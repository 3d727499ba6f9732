import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ResultsV1 } from '../../shared/results/index.ts';
import { exportSubmission, setAppraisedScore, setNominations } from '../../electron/services/cycle/index.ts';
import { WorkspaceStore } from '../../electron/services/store/workspace.ts';
import { toCellValue } from '../../electron/services/reports/kit/cell.ts';
import { cli } from '../cli/run.ts';

/** Text that a spreadsheet would run as a formula, put into every free-text field a user controls. */
const PAYLOADS = ['=HYPERLINK("http://evil.example","bấm")', '+cmd|\' /C calc\'!A0', '-1+1', '@SUM(A1:A9)', '\tTab đầu dòng', '\r\nXuống dòng'];
const LONG = 'Giải trình rất dài. '.repeat(250); // 5,000 characters

const tmp = mkdtempSync(join(tmpdir(), 'parscore-reports-'));
const ha = join(tmp, 'so-noi-vu');
const out = join(tmp, 'ho-so');
const reports = join(tmp, 'bao-cao');
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

beforeAll(async () => {
  expect((await cli('demo', ha, '--agencies', '40', '--seed', '3', '--submissions', out)).code).toBe(0);
  // One agency puts formula payloads and a very long text into everything it writes, then sends a new revision.
  const aws = await WorkspaceStore.open(join(out, 'agencies', 'S01'));
  try {
    const a = (await aws.readAssessment('S01'))!;
    const codes = Object.keys(a.items);
    PAYLOADS.forEach((p, i) => {
      const entry = a.items[codes[i]!]!;
      entry.explanation = p;
      entry.note = p;
      if (entry.evidence[0]) entry.evidence[0] = { ...entry.evidence[0], title: p, issuer: p };
    });
    a.items[codes[PAYLOADS.length]!]!.explanation = LONG;
    await aws.writeAssessment(a);
    await setNominations(aws, [
      { kind: 'collective', id: 'S01-TT', name: PAYLOADS[0]!, achievements: PAYLOADS[1]!, proposedAward: 'bk-tap-the', note: PAYLOADS[2]! },
      { kind: 'individual', id: 'S01-CN1', fullName: 'Nguyễn Thị Ẩu Ỹ Ờ', gender: 'female', birthYear: 1985, position: PAYLOADS[3]!, unit: PAYLOADS[4]!, ratingThisYear: 'excellent', ratingLastYear: 'excellent', achievements: LONG, discipline: null, initiatives: 1, proposedAward: 'bk-ca-nhan', note: PAYLOADS[5]! },
    ]);
    const r2 = await exportSubmission(aws, { signer: { name: PAYLOADS[0]!, position: PAYLOADS[3]! } });
    (await import('node:fs')).writeFileSync(join(out, r2.fileName), r2.bytes);
  } finally {
    await aws.close();
  }
  const files = readdirSync(out).filter((f) => f.endsWith('.parscore')).sort().map((f) => join(out, f));
  expect((await cli('import', ha, ...files)).code).toBe(0);
  expect((await cli('survey', 'import', ha, join(out, 'agencies', 'dieu-tra-xa-hoi-hoc.xlsx'))).code).toBe(0);
  const ws = await WorkspaceStore.open(ha);
  try {
    const r = await setAppraisedScore(ws, 'S01', '1.1.2', 0, { round: 1, comment: PAYLOADS[0]!, reason: PAYLOADS[1]! });
    expect(r.ok).toBe(true);
    const c = ws.campaign()!;
    await ws.setCampaign({ ...c, agencies: c.agencies.map((x) => (x.code === 'X001' ? { ...x, name: '=HYPERLINK("http://evil.example")' } : x)) });
  } finally {
    await ws.close();
  }
  const r = await cli('report', ha, '--out', reports);
  expect(r.code, r.err).toBe(0);
}, 180_000);

function scan(payloads: string[]) {
  return JSON.parse(execFileSync('/usr/bin/python3', [join(import.meta.dirname, 'scan_xlsx.py'), reports, JSON.stringify(payloads)], { encoding: 'utf8', maxBuffer: 64 << 20 })) as {
    files: number;
    formulas: string[];
    triggers: string[];
    found: Record<string, number>;
    sheets: Record<string, string[]>;
  };
}

describe('every report, read back by an independent reader', () => {
  it('writes every kind of workbook plus one self-assessment report per submitted agency', async () => {
    const top = readdirSync(reports).filter((f) => f.endsWith('.xlsx'));
    expect(top).toHaveLength(8);
    const agencyDir = readdirSync(reports).find((f) => !f.endsWith('.xlsx'))!;
    expect((await cli('consolidate', ha, '--out', join(tmp, 'kq'))).code).toBe(0);
    const results = ResultsV1.parse(JSON.parse(readFileSync(join(tmp, 'kq', 'results.json'), 'utf8')));
    expect(readdirSync(join(reports, agencyDir))).toHaveLength(results.agencies.filter((a) => a.submitted).length);
  });

  it('holds no formula anywhere, and no cell text a spreadsheet would run; the payloads are there, neutralised', () => {
    // What a payload becomes after the one cell gate (a leading ' and line ends as LF), as a reader sees it.
    const expected = PAYLOADS.map((p) => String(toCellValue(p)));
    expect(expected.every((e) => e.startsWith("'"))).toBe(true);
    const s = scan(expected);
    expect(s.formulas).toEqual([]);
    expect(s.triggers).toEqual([]);
    for (const e of expected) expect(s.found[e], e).toBeGreaterThan(0);
  });
});
