import ExcelJS from 'exceljs';
import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppContext, dispatch } from '../../electron/main/handlers/index.ts';
import { AppService } from '../../electron/services/app-service.ts';
import { writeDemoCycle } from '../../electron/services/demo/cycle.ts';
import { SettingsStore } from '../../electron/services/settings.ts';
import { WorkspaceStore } from '../../electron/services/store/workspace.ts';
import type { JobProgress, ResultsView, SurveyPreview, SurveyScoresView } from '../../shared/ipc/index.ts';
import type { Results } from '../../shared/results/schema.ts';
import { cli, folderHash } from '../cli/run.ts';

/**
 * Issue 14 points 4 and 5 through the real dispatch: the survey's preview (bad rows → every error
 * with sheet/row/column, nothing stored), storing it, its scores; results:consolidate storing the
 * results in the workspace, results:get from them (no re-scoring), staleness, earlier years.
 */
const root = mkdtempSync(join(tmpdir(), 'parscore-results-ui-'));
const haDir = join(root, 'snv');
const prevDir = join(root, 'prev');
let ha: WorkspaceStore;
let ctx: AppContext;
const progress: JobProgress[] = [];
let surveyFile = '';
let prevResults = '';
let year = 0;

async function ok<T>(channel: string, input: unknown): Promise<T> {
  const r = await dispatch(channel, input, ctx);
  if (!r.ok) throw new Error(r.error.message);
  return r.value as T;
}
const bytes = (path: string, name: string) => ({ name, bytesBase64: readFileSync(path).toString('base64') });

/** The demo's survey file with one answer that is not on the scale (sheet row 5, column F). */
async function withBadRow(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(surveyFile);
  wb.worksheets[0]!.getCell('F5').value = 'Z';
  const out = join(root, 'dieu-tra-loi.xlsx');
  await wb.xlsx.writeFile(out);
  return out;
}

beforeAll(async () => {
  const demo = await writeDemoCycle(haDir, join(root, 'out'), { agencies: 12, seed: 7 });
  surveyFile = demo.surveyFile;
  expect((await cli('import', haDir, join(root, 'out'))).code).toBe(0);
  // An earlier year, consolidated with the CLI: the file the comparison loads.
  year = (JSON.parse(readFileSync(join(haDir, 'campaign.json'), 'utf8')) as { year: number }).year;
  await writeDemoCycle(prevDir, join(root, 'prev-out'), { agencies: 12, seed: 7, year: year - 1 });
  expect((await cli('import', prevDir, join(root, 'prev-out'))).code).toBe(0);
  expect((await cli('consolidate', prevDir, '--out', join(root, 'prev-results'))).code).toBe(0);
  prevResults = join(root, 'prev-results', 'results.json');
  ha = await WorkspaceStore.open(haDir);
  ctx = { service: new AppService(ha, 'vi'), settings: await SettingsStore.open(join(root, 'user-data')), version: '0.0.0', mode: 'browser', emit: (e, p) => (e === 'job:progress' ? void progress.push(p as JobProgress) : undefined) };
}, 120_000);
afterAll(async () => {
  await ha.close();
  rmSync(root, { recursive: true, force: true });
});

describe('the survey in the window', () => {
  it('previews a file with a bad row as its errors, with sheet, row and column, and stores nothing', async () => {
    const before = folderHash(haDir);
    const p = await ok<SurveyPreview>('survey:preview', { file: bytes(await withBadRow(), 'dieu-tra-loi.xlsx') });
    expect(p.agencies).toEqual([]);
    expect(p.errors.length).toBe(1);
    expect(p.errors[0]).toContain('dieu-tra-loi.xlsx');
    expect(p.errors[0]).toMatch(/Phiếu trả lời ĐTXHH/);
    expect(p.errors[0]).toMatch(/dòng 5/);
    expect(p.errors[0]).toMatch(/cột F/);
    // Storing the bad file is refused the same way, and nothing is stored either.
    const r = await dispatch('survey:store', { file: bytes(await withBadRow(), 'dieu-tra-loi.xlsx') }, ctx);
    expect(r.ok).toBe(false);
    expect(folderHash(haDir)).toBe(before);
    expect((await ok<SurveyScoresView>('survey:scores', {})).importedAt).toBeNull();
  });

  it('previews a good file per agency (points of the survey items), stores it on confirmation, and gives the stored scores', async () => {
    const before = folderHash(haDir);
    const p = await ok<SurveyPreview>('survey:preview', { file: bytes(surveyFile, 'dieu-tra.xlsx') });
    expect(p.errors).toEqual([]);
    expect(p.mode).toBe('answers');
    expect(p.agencies.length).toBe(12);
    expect(folderHash(haDir)).toBe(before); // a preview stores nothing
    const stored = await ok<{ agencies: number }>('survey:store', { file: bytes(surveyFile, 'dieu-tra.xlsx') });
    expect(stored.agencies).toBe(12);
    const one = await ok<SurveyScoresView>('survey:scores', { agency: p.agencies[0]!.code });
    expect(one.agencies).toEqual([p.agencies[0]]);
    expect(one.sources.at(-1)?.file).toBe('dieu-tra.xlsx');
  });
});

describe('the results in the window', () => {
  it('says there are no results before the first consolidation', async () => {
    expect(await ok<ResultsView | null>('results:get', {})).toBeNull();
  });

  it('consolidates with progress, stores results/results.json (the same figures as the CLI), and the dashboard is built from it', async () => {
    const r = await ok<{ agencies: number; ranked: number }>('results:consolidate', {});
    expect(r.agencies).toBe(12);
    expect(progress.at(-1)).toMatchObject({ phase: 'resultsui.job.consolidate', done: 12, total: 12 });
    const stored = JSON.parse(readFileSync(join(haDir, 'results', 'results.json'), 'utf8')) as Results;
    const view = (await ok<ResultsView>('results:get', {}))!;
    expect(view.stale).toBe(false);
    expect(view.rows.map((x) => [x.code, x.rank, x.index, x.band])).toEqual(stored.agencies.map((a) => [a.agency.code, a.rank, a.index, a.band]));
    expect(view.rows.find((x) => x.survey > 0)).toBeDefined(); // the survey stored before counts
    for (const g of stored.groups) {
      const vg = view.groups.find((x) => x.group === g.group)!;
      expect(Object.fromEntries(vg.bands.filter((b) => b.count > 0).map((b) => [b.code, b.count]))).toEqual(g.bands);
    }
    // An agency that did not submit is listed with its reason in words.
    const missing = stored.agencies.find((a) => !a.submitted);
    if (missing) expect(view.rows.find((x) => x.code === missing.agency.code)?.unranked).toMatch(/Không xếp hạng/);
    // The ISO card in the province's wording.
    const iso = view.cards.find((c) => c.key === 'iso:department:complete');
    const dep = stored.iso!.find((s) => s.scope === 'department')!;
    expect(iso?.phrase).toBe(`${dep.complete.count}/${dep.agencies} sở, ban, ngành`);
    expect(iso?.filter?.codes?.length).toBe(dep.complete.count);
    // Reading again: no re-scoring, the same view (from memory).
    expect(await ok<ResultsView>('results:get', {})).toEqual(view);
  });

  it('stores each language\'s dashboard beside the results, and never uses one older than results.json', async () => {
    expect(existsSync(join(haDir, 'results', 'dashboard.vi.json'))).toBe(true);
    expect(existsSync(join(haDir, 'results', 'dashboard.en.json'))).toBe(true);
    // results.json replaced from outside (`parscore consolidate --out <workspace>/results`): the dashboard follows it.
    const file = join(haDir, 'results', 'results.json');
    const r = JSON.parse(readFileSync(file, 'utf8')) as Results;
    const later = new Date(Date.parse(r.generatedAt) + 60_000).toISOString();
    writeFileSync(file, JSON.stringify({ ...r, generatedAt: later }));
    const future = new Date(Date.now() + 5_000);
    utimesSync(file, future, future);
    expect((await ok<ResultsView>('results:get', {}))!.generatedAt).toBe(later);
    ctx.service.setLang('en');
    try {
      expect((await ok<ResultsView>('results:get', {}))!.cards.find((c) => c.key === 'iso:department:complete')?.phrase).toMatch(/departments$/);
    } finally {
      ctx.service.setLang('vi');
    }
    await ok('results:consolidate', {}); // back to results made here
    expect((await ok<ResultsView>('results:get', {}))!.generatedAt).not.toBe(later);
  });

  it("gives an agency's areas against its group's averages", async () => {
    const view = (await ok<ResultsView>('results:get', {}))!;
    const code = view.rows.find((x) => x.submitted)!.code;
    const a = await ok<{ areas: { index: number | null; groupAverage: number | null }[] }>('results:agency', { agency: code });
    expect(a.areas.length).toBeGreaterThan(0);
    expect(a.areas.every((x) => x.groupAverage !== null)).toBe(true);
  });

  it('says when the stored results are older than the last change of the workspace', async () => {
    await new Promise((r) => setTimeout(r, 20));
    await ok('survey:store', { file: bytes(surveyFile, 'dieu-tra-2.xlsx') });
    const view = (await ok<ResultsView>('results:get', {}))!;
    expect(view.stale).toBe(true);
    await ok('results:consolidate', {});
    expect((await ok<ResultsView>('results:get', {}))!.stale).toBe(false);
  });

  it("loads an earlier year's results for the trend, and refuses a file that is not results without keeping it", async () => {
    const junk = join(root, 'junk.json');
    writeFileSync(junk, JSON.stringify({ kind: 'something' }));
    const before = folderHash(haDir);
    const bad = await dispatch('results:loadEarlier', { file: bytes(junk, 'junk.json') }, ctx);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message).toMatch(/junk\.json.*không phải tệp kết quả/);
    expect(folderHash(haDir)).toBe(before);
    const y = await ok<{ year: number }>('results:loadEarlier', { file: bytes(prevResults, 'results.json') });
    expect(y.year).toBe(year - 1);
    const view = (await ok<ResultsView>('results:get', {}))!;
    const prev = JSON.parse(readFileSync(prevResults, 'utf8')) as Results;
    expect(view.trend.map((p) => p.year)).toEqual([prev.campaign.year, view.campaign.year]);
    expect(view.trend[0]!.groups.find((g) => g.group === 'department')?.averageIndex).toBe(prev.groups.find((g) => g.group === 'department')?.averageIndex);
  });
});
