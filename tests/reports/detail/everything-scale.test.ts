/**
 * The audit workbook for 10,000 agencies (with an ISO checklist beside the PAR template, every
 * ninth commune exempt) from a store that hands out one agency's documents at a time: documents
 * are read one at a time, the heap stays small (rows are committed, not held), and
 * the file has every row.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeEverything } from '../../../electron/services/reports/everything.ts';
import { defaultFooter, type ReportContext } from '../../../electron/services/reports/kit/context.ts';
import type { WorkspaceStore } from '../../../electron/services/store/workspace.ts';
import type { AgencyResult, Results } from '../../../shared/results/schema.ts';
import type { Agency } from '../../../shared/schema/agency.ts';
import type { Appraisal } from '../../../shared/schema/appraisal.ts';
import type { Assessment } from '../../../shared/schema/assessment.ts';
import type { Campaign } from '../../../shared/schema/campaign.ts';
import { binary, buildTemplate, group, leaf, manual, ratioRule, surveyRule } from '../../helpers/template-builder.ts';
import { openpyxlCount } from '../kit/helpers.ts';

const N = 10_000;
const dir = mkdtempSync(path.join(tmpdir(), 'parscore-scale-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const template = buildTemplate(
  [
    group('1', null, 10),
    leaf('1.1', '1', 4, binary()),
    leaf('1.2', '1', 3, manual(0.5)),
    leaf('1.3', '1', 3, ratioRule()),
    group('2', null, 5, { survey: true }),
    leaf('2.1', '2', 5, surveyRule(), { survey: true }),
  ],
  { id: 'par-xa', appliesTo: ['commune'] },
);
const ref = { id: template.id, version: template.version };
// A small ISO checklist beside it; every ninth commune is exempt.
const checklist = buildTemplate(
  [group('A', null, 6, { isoPhase: 'build' }), leaf('A1', 'A', 4, binary()), leaf('A2', 'A', 2, binary()), group('B', null, 4, { isoPhase: 'apply' }), leaf('B1', 'B', 4, binary())],
  { id: 'iso-9001', appliesTo: ['commune'] },
);
const isoRef = { id: checklist.id, version: checklist.version };
const isExempt = (i: number): boolean => i % 9 === 4;
const EXEMPT = Array.from({ length: N }, (_, i) => i + 1).filter(isExempt).length;
const code = (i: number): string => `X${String(i).padStart(5, '0')}`;
const agencies: Agency[] = Array.from({ length: N }, (_, i) => ({ code: code(i + 1), name: `Xã số ${i + 1}`, group: 'commune', parent: null }));

function assessment(agency: string, i: number): Assessment {
  const ev = (n: number) => ({ docNo: `${n}/KH-UBND`, date: '2024-05-06', issuer: `UBND ${agency}`, title: `Kế hoạch số ${n} của ${agency}`, fileName: `KH-${n}.pdf`, size: 1000 + n, sha256: 'a'.repeat(64) });
  return {
    kind: 'parscore.assessment',
    schemaVersion: 2,
    additional: isExempt(i)
      ? {}
      : {
          'iso-9001': {
            template: isoRef,
            items: {
              A1: { input: { kind: 'binary', value: 'yes' }, selfScore: 4, explanation: `Đã có quyết định của ${agency}`, evidence: [ev(4)] },
              A2: { input: { kind: 'binary', value: 'no' }, selfScore: 0, evidence: [] },
              B1: { input: { kind: 'binary', value: 'yes' }, selfScore: 4, evidence: [ev(5)] },
            },
          },
        },
    agency,
    template: ref,
    revision: 1,
    items: {
      '1.1': { input: { kind: 'binary', value: i % 3 === 0 ? 'no' : 'yes' }, selfScore: i % 3 === 0 ? 0 : 4, explanation: `Giải trình của ${agency} về mục 1.1`, evidence: [ev(1), ev(2)] },
      '1.2': { input: { kind: 'manual', value: 2.5 }, selfScore: 2.5, note: `Ghi chú ${i}`, evidence: [ev(3)] },
      '1.3': { input: { kind: 'ratio', numerator: 9, denominator: 10 }, selfScore: 2.7, evidence: [] },
    },
    indicators: {},
    bonus: {},
    penalty: {},
    updatedAt: '2025-01-01T00:00:00Z',
  };
}

function appraisal(agency: string): Appraisal {
  return {
    kind: 'parscore.appraisal',
    schemaVersion: 2,
    additional: {},
    agency,
    campaign: 'cchc-2024',
    template: ref,
    status: 'appraised_1',
    revision: 1,
    round: 1,
    items: { '1.2': { score: 2, comment: 'Chưa đủ tài liệu kiểm chứng', round: 1 } },
    bonus: {},
    penalty: {},
    explanations: {},
    falsifiedEvidence: false,
    updatedAt: '2025-01-01T00:00:00Z',
  };
}

function result(a: Agency, i: number): AgencyResult {
  const pair = (score: number, max: number) => ({ score, max });
  return {
    agency: { code: a.code, name: a.name, group: a.group, parent: null },
    template: ref,
    status: 'submitted',
    submitted: true,
    revision: 1,
    receivedAt: '2025-01-01T00:00:00Z',
    late: false,
    hasAppraisal: i % 10 === 0,
    falsifiedEvidence: false,
    self: pair(9.2, 10),
    appraised: pair(9.2, 10),
    survey: pair(4, 5),
    bonus: 0,
    penalty: 0,
    latePenalty: 0,
    total: 13.2,
    max: 15,
    index: 88,
    indexWithoutSurvey: 92,
    areas: [],
    ranked: true,
    rank: i + 1,
    rankedBy: 'index',
    unranked: null,
    band: 'B',
    additional: [
      isExempt(i + 1)
        ? { template: isoRef, status: 'exempt', iso: true, self: pair(0, 10), appraised: pair(0, 10), percent: null, band: null, phase: null, phases: [], clauses: [] }
        : { template: isoRef, status: 'assessed', iso: true, self: pair(8, 10), appraised: pair(8, 10), percent: 80, band: 'pass', phase: 'apply', phases: [], clauses: [] },
    ],
  };
}

describe('writeEverything at scale', () => {
  it('writes 10,000 agencies reading one agency at a time, within a small heap', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    let reads = 0;
    const before = process.memoryUsage().heapUsed;
    let peak = before;
    const store = {
      template: (r: { id: string }) => (r.id === isoRef.id ? checklist : template),
      async readAssessment(c: string) {
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        await new Promise((r) => setImmediate(r));
        inFlight--;
        if (++reads % 1000 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
        return assessment(c, Number(c.slice(1)));
      },
      async readAppraisal(c: string) {
        return Number(c.slice(1)) % 10 === 0 ? appraisal(c) : null;
      },
      async readSurvey() {
        return { results: Object.fromEntries(agencies.slice(0, 100).map((a) => [a.code, { '2.1': 80 }])) };
      },
      async readAudit() {
        return { entries: [], issues: [] };
      },
    } as unknown as WorkspaceStore;
    const campaign = {
      id: 'cchc-2024',
      year: 2024,
      model: 'two-tier',
      templates: { commune: ref },
      additionalTemplates: { commune: [isoRef] },
      exemptions: agencies.filter((_, i) => isExempt(i + 1)).map((a) => ({ agency: a.code, template: 'iso-9001', reason: 'Chưa áp dụng' })),
      agencies,
      issuer: { parentBody: 'UBND TỈNH MINH SƠN', body: 'SỞ NỘI VỤ', place: 'Minh Sơn', signerTitle: 'GIÁM ĐỐC', signerName: 'Trần Thị Thu Hà' },
    } as unknown as Campaign;
    const results = {
      campaign: { id: 'cchc-2024', year: 2024, title: { vi: 'Chỉ số CCHC năm 2024' }, model: 'two-tier', period: null },
      bands: [{ code: 'B', label: { vi: 'Tốt' }, minIndex: 80 }],
      agencies: agencies.map(result),
    } as unknown as Results;
    const ctx: ReportContext = { results, campaign, lang: 'vi', date: new Date(2025, 0, 10), footer: defaultFooter(campaign, 'vi'), ws: store };
    const file = path.join(dir, 'everything.xlsx');
    const started = performance.now();
    await writeEverything(ctx, file);
    console.log(`everything workbook, ${N} agencies with the checklist: ${Math.round(performance.now() - started)} ms`);

    expect(maxInFlight).toBe(1);
    // Once for the item sheet, once for the evidence sheet, once for the checklist's item sheet (not the exempt).
    expect(reads).toBe(2 * N + (N - EXEMPT));
    const growth = (peak - before) / 2 ** 20;
    // 90,000 rows held as exceljs rows would take well over a gigabyte.
    expect(growth).toBeLessThan(250);

    const counts = openpyxlCount(file);
    expect(counts['Chi tiết chấm điểm']?.rows).toBe(8 + N * template.items.length);
    expect(counts['Tài liệu kiểm chứng']?.rows).toBe(8 + N * 3 + (N - EXEMPT) * 2);
    expect(counts['Chi tiết iso-9001']?.rows).toBe(8 + (N - EXEMPT) * checklist.items.length + EXEMPT);
    expect(counts['Kết quả iso-9001']?.rows).toBe(8 + N);
    expect(counts['UBND cấp xã']?.rows).toBe(8 + N);
    expect(Object.values(counts).every((c) => c.formulas === 0)).toBe(true);
  }, 300_000);
});
