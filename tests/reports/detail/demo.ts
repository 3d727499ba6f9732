/**
 * The demo workspace of the report tests, built the way the brief does it (demo, import, survey,
 * one appraisal of a PAR item and one of an ISO checklist item, consolidate), plus one agency
 * (S03) whose texts carry formula payloads and a 5,000-character text, and one appraisal comment
 * of 5,000 characters.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { defaultFooter } from '../../../electron/services/reports/kit/context.ts';
import type { ReportContext } from '../../../electron/services/reports/kit/context.ts';
import { WorkspaceStore } from '../../../electron/services/store/workspace.ts';
import { type Results, ResultsV1 } from '../../../shared/results/index.ts';
import { cli } from '../../cli/run.ts';

export const PAYLOADS = ['=HYPERLINK("http://evil.example","bấm")', "+cmd|' /C calc'!A0", '-1+1', '@SUM(A1:A9)', '\tTab đầu dòng', '\r\nXuống dòng'];
export const LONG = 'Giải trình rất dài. '.repeat(250); // 5,000 characters
/** Home Affairs' comment on S02's ISO checklist item A1 (appraised 2 of its self-assessed 4). */
export const ISO_COMMENT = 'Quyết định chưa cử đại diện lãnh đạo về chất lượng';
/** The demo exempts every ninth commune from the ISO checklist with this reason. */
export const EXEMPT_REASON = 'Chưa thuộc đối tượng bắt buộc áp dụng';
/** The agency whose texts carry the payloads, and the item codes that got them (in order). */
export const TAINTED = 'S03';

export interface Demo {
  dir: string;
  ha: string;
  results: Results;
  /** Item codes of S03 given PAYLOADS[i] as explanation, note and first evidence title. */
  taintedItems: string[];
  /** Item of S03 whose explanation is LONG (and whose appraisal comment is LONG). */
  longItem: string;
  cleanup(): void;
}

export async function buildDemo(): Promise<Demo> {
  const dir = mkdtempSync(join(tmpdir(), 'parscore-detail-'));
  const ha = join(dir, 'ha');
  const out = join(dir, 'out');
  const run = async (...argv: string[]): Promise<void> => {
    const r = await cli(...argv);
    expect(r.code, `${argv.join(' ')}\n${r.err}`).toBe(0);
  };
  await run('demo', ha, '--agencies', '60', '--seed', '7', '--submissions', out);
  const files = readdirSync(out).filter((f) => f.endsWith('.parscore')).sort().map((f) => join(out, f));
  await run('import', ha, ...files);
  await run('survey', 'import', ha, join(out, 'agencies', 'dieu-tra-xa-hoi-hoc.xlsx'));
  await run('appraisal', 'set', ha, 'S02', '1.1.2', '0', '--comment', 'Kế hoạch chưa nêu rõ sản phẩm');
  // One ISO checklist item appraised below its self score (4 → 2).
  await run('appraisal', 'set', ha, 'S02', 'A1', '2', '--template', 'iso-9001', '--comment', ISO_COMMENT);

  // Formula payloads and a long text in S03's stored assessment (as Home Affairs holds it).
  const ws = await WorkspaceStore.open(ha);
  let taintedItems: string[] = [];
  let longItem: string | undefined;
  try {
    const a = (await ws.readAssessment(TAINTED))!;
    const codes = Object.keys(a.items).filter((c) => (a.items[c]?.evidence.length ?? 0) > 0);
    taintedItems = codes.slice(0, PAYLOADS.length);
    PAYLOADS.forEach((p, i) => {
      const entry = a.items[taintedItems[i]!]!;
      entry.explanation = p;
      entry.note = p;
      entry.evidence[0] = { ...entry.evidence[0]!, title: p };
    });
    longItem = codes[PAYLOADS.length]!;
    a.items[longItem]!.explanation = LONG;
    await ws.writeAssessment(a);
  } finally {
    await ws.close();
  }
  if (!longItem) throw new Error('no item with evidence left for the long text');
  await run('appraisal', 'set', ha, TAINTED, longItem, '0', '--comment', LONG);
  await run('consolidate', ha, '--out', join(dir, 'results'));
  const results = ResultsV1.parse(JSON.parse(readFileSync(join(dir, 'results', 'results.json'), 'utf8')));
  return { dir, ha, results, taintedItems, longItem, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A report context over the demo workspace (opened read-only; close it after). */
export async function demoContext(demo: Demo): Promise<{ ctx: ReportContext; ws: WorkspaceStore }> {
  const ws = await WorkspaceStore.openReadOnly(demo.ha);
  const campaign = ws.campaign()!;
  return { ws, ctx: { results: demo.results, campaign, lang: 'vi', date: new Date(2025, 0, 10), footer: defaultFooter(campaign, 'vi'), ws } };
}
