// Consolidation reads the assessments and nominations on worker threads, many agencies per job;
// anything a worker cannot read plainly is read by the store, which repairs and reports. The
// results must not depend on which thread read what.
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RECEIVED_AT, buildDataset } from '../../bench/national/dataset.ts';
import { importSubmissions } from '../../electron/services/cycle/import.ts';
import { setAppraisedScore } from '../../electron/services/cycle/appraisal.ts';
import { consolidate } from '../../electron/services/consolidate.ts';
import { WorkspaceStore } from '../../electron/services/store/workspace.ts';
import { ResultsV1, computeResults } from '../../shared/results/index.ts';
import { compileTemplate } from '../../shared/template/compile.ts';
import { cli } from '../cli/run.ts';

let root = '';
let haDir = '';
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'parscore-consolidate-'));
  // 150 communes: more than one job's worth of agencies per worker.
  const ds = await buildDataset(root, 150, 7);
  haDir = ds.haDir;
  const ws = await WorkspaceStore.open(haDir);
  try {
    const verdicts = await importSubmissions(ws, ds.files.map((f) => ({ file: f.path, path: f.path })), { now: RECEIVED_AT });
    expect(verdicts.filter((v) => v.verdict === 'accepted')).toHaveLength(150);
    // Home Affairs has appraised a few: their appraised scores count in the results.
    for (const code of ['X00003', 'X00007', 'X00090']) {
      const a = await ws.readAssessment(code);
      const item = Object.keys(a!.items)[0]!;
      const r = await setAppraisedScore(ws, code, item, 0, { now: RECEIVED_AT, round: 1, comment: 'Không có văn bản kèm theo.' });
      if (!r.ok) throw new Error(JSON.stringify(r.error));
    }
  } finally {
    await ws.close();
  }
}, 120_000);
afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

async function resultsOf(dir: string, workers: number) {
  const ws = await WorkspaceStore.open(dir);
  try {
    const r = await consolidate(ws, { now: RECEIVED_AT, workers });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    return { results: r.value, recoveries: ws.recoveries().map((x) => [x.file, x.issues[0]?.code]) };
  } finally {
    await ws.close();
  }
}

describe('consolidation on worker threads', () => {
  it('gives the same results as on this thread: every agency scored and ranked, the same candidates', async () => {
    const here = await resultsOf(haDir, 0);
    const threads = await resultsOf(haDir, 2);
    expect(here.results.agencies.filter((a) => a.rank !== null)).toHaveLength(150);
    // The nominations were read: every one is either a candidate or excluded with its reason.
    const c = here.results.commendation;
    expect(c.collectives.length + c.individuals.length + c.excluded.length).toBeGreaterThan(150);
    const appraised = here.results.agencies.filter((a) => ['X00003', 'X00007', 'X00090'].includes(a.agency.code));
    expect(appraised.map((a) => a.hasAppraisal && a.appraised.score < a.self.score)).toEqual([true, true, true]);
    expect(threads.results).toEqual(here.results);
  });

  it('gives the results the engine gives for the documents as the store reads them, one by one', async () => {
    const ws = await WorkspaceStore.open(haDir);
    try {
      const campaign = ws.campaign()!;
      const ct = compileTemplate(ws.template(campaign.templates.commune!)!);
      const agencies = await Promise.all(
        campaign.agencies.map(async (agency) => {
          const submission = ws.index.agencies.find((a) => a.code === agency.code)!.submission!;
          return {
            agency,
            template: ct,
            assessment: await ws.readAssessment(agency.code),
            appraisal: await ws.readAppraisal(agency.code),
            survey: null,
            submission: { revision: submission.revision, receivedAt: submission.receivedAt, late: submission.late },
            nominations: (await ws.readAgencyNominations(agency.code))?.nominations ?? [],
          };
        }),
      );
      const expected = computeResults({ campaign, agencies, generatedAt: RECEIVED_AT, history: [], overrides: [] });
      const r = await consolidate(ws, { now: RECEIVED_AT, workers: 2 });
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      expect(r.value).toEqual(ResultsV1.parse(expected));
    } finally {
      await ws.close();
    }
  });

  it('a damaged assessment, appraisal and nominations file are repaired by the store from their backups, with the same results', async () => {
    const copy = join(root, 'damaged');
    await cp(haDir, copy, { recursive: true });
    const reference = await resultsOf(copy, 0);
    // A backup as the store keeps it, then the file itself cut short (a crash, a full disk …).
    for (const f of ['assessments/X00007.json', 'appraisals/X00090.json', 'nominations/X00031.json']) {
      const good = await readFile(join(copy, f));
      await writeFile(join(copy, `${f}.bak1`), good);
      await writeFile(join(copy, f), good.subarray(0, 100));
    }
    const repaired = await resultsOf(copy, 2);
    expect(repaired.results).toEqual(reference.results);
    expect(repaired.recoveries.map(([file]) => String(file).replace(/\\/g, '/').split('/').slice(-2).join('/')).sort()).toEqual(['appraisals/X00090.json', 'assessments/X00007.json', 'nominations/X00031.json']);
  });
});

// The same with the ISO 9001 checklist beside the PAR index (the demo assigns it to every group and
// exempts every ninth commune): the checklists' assessments and appraisals, and the exemptions,
// must come out the same whichever thread read them.
describe('consolidation on worker threads, with the ISO checklist and exemptions', () => {
  let demoDir = '';
  const ISO = 'iso-9001';
  beforeAll(async () => {
    const dir = join(root, 'demo');
    demoDir = join(dir, 'ha');
    const out = join(dir, 'out');
    const made = await cli('demo', demoDir, '--agencies', '150', '--seed', '11', '--submissions', out);
    expect(made.code, made.err).toBe(0);
    const files = (await readdir(out)).filter((f) => f.endsWith('.parscore')).sort().map((f) => join(out, f));
    const imported = await cli('import', demoDir, ...files);
    expect(imported.code, imported.err).toBe(0);
    const ws = await WorkspaceStore.open(demoDir);
    try {
      // Home Affairs appraises checklist items of a department, a district and a commune below their self score, and one PAR item.
      for (const code of ['S02', 'H01', 'X002']) {
        const a = (await ws.readAssessment(code))!;
        const [item, entry] = Object.entries(a.additional[ISO]!.items).find(([, e]) => (e.selfScore ?? 0) > 0)!;
        const r = await setAppraisedScore(ws, code, item, (entry.selfScore ?? 0) / 2, { now: RECEIVED_AT, round: 1, template: ISO, comment: 'Chưa đủ tài liệu kiểm chứng.' });
        if (!r.ok) throw new Error(JSON.stringify(r.error));
      }
      const par = await ws.readAssessment('X003');
      const r = await setAppraisedScore(ws, 'X003', Object.keys(par!.items)[0]!, 0, { now: RECEIVED_AT, round: 1 });
      if (!r.ok) throw new Error(JSON.stringify(r.error));
    } finally {
      await ws.close();
    }
  }, 240_000);

  it('gives byte for byte the same results.json on two worker threads as on this thread', async () => {
    const here = await resultsOf(demoDir, 0);
    const threads = await resultsOf(demoDir, 2);
    const campaign = JSON.parse(await readFile(join(demoDir, 'campaign.json'), 'utf8')) as { exemptions: { agency: string }[] };
    const exempt = new Set(campaign.exemptions.map((e) => e.agency));
    expect(exempt.size).toBeGreaterThanOrEqual(10);
    const checklists = here.results.agencies.map((a) => [a.agency.code, a.additional[0]!] as const);
    expect(checklists).toHaveLength(150);
    // Every exempt commune is exempt, every other agency that submitted is assessed on the checklist.
    for (const [code, c] of checklists) {
      if (exempt.has(code)) expect(c.status, code).toBe('exempt');
      else if (here.results.agencies.find((a) => a.agency.code === code)!.submitted) expect(c.status, code).toBe('assessed');
    }
    expect(checklists.filter(([, c]) => c.status === 'assessed').length).toBeGreaterThan(120);
    // The three appraised checklists lost the half of one item's points.
    for (const code of ['S02', 'H01', 'X002']) {
      const c = checklists.find(([x]) => x === code)![1];
      expect(c.appraised.score, code).toBeLessThan(c.self.score);
    }
    const all = here.results.isoChecklist!.find((s) => s.scope === 'all')!;
    expect(all.exempt).toBe(exempt.size);
    expect(all.assessed).toBe(checklists.filter(([, c]) => c.status === 'assessed').length);
    expect(`${JSON.stringify(threads.results, null, 2)}\n`).toBe(`${JSON.stringify(here.results, null, 2)}\n`);
    expect(threads.results).toEqual(here.results);
  });

  it('gives the same results when a checklist assessment and appraisal are repaired from their backups on the worker path', async () => {
    const copy = join(root, 'demo-damaged');
    await cp(demoDir, copy, { recursive: true });
    const reference = await resultsOf(copy, 0);
    for (const f of ['assessments/S02.json', 'appraisals/X002.json']) {
      const good = await readFile(join(copy, f));
      await writeFile(join(copy, `${f}.bak1`), good);
      await writeFile(join(copy, f), good.subarray(0, 100));
    }
    const repaired = await resultsOf(copy, 2);
    expect(repaired.results).toEqual(reference.results);
    expect(repaired.recoveries.map(([file]) => String(file).replace(/\\/g, '/').split('/').slice(-2).join('/')).sort()).toEqual(['appraisals/X002.json', 'assessments/S02.json']);
    expect(repaired.results.agencies.find((a) => a.agency.code === 'X002')!.additional[0]!.appraised.score).toBeLessThan(repaired.results.agencies.find((a) => a.agency.code === 'X002')!.additional[0]!.self.score);
  });
});
