import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppContext, dispatch } from '../../electron/main/handlers/index.ts';
import { AppService } from '../../electron/services/app-service.ts';
import { consolidate } from '../../electron/services/consolidate.ts';
import { writeDemoWorkspace } from '../../electron/services/demo/write.ts';
import { setFigure, setItem, setSelfAdjustment } from '../../electron/services/entry/index.ts';
import { SettingsStore } from '../../electron/services/settings.ts';
import { WorkspaceStore } from '../../electron/services/store/workspace.ts';
import type { AgencyAssessmentView, FiguresView, WorkspaceSummary } from '../../shared/ipc/index.ts';
import { IssueError } from '../../shared/util/issue.ts';
import { folderHash } from '../cli/run.ts';
import { type Province, province } from '../cycle/helpers.ts';

const root = mkdtempSync(join(tmpdir(), 'parscore-integrity-'));
const demo = join(root, 'demo');

async function contextFor(ws: WorkspaceStore, now?: () => number): Promise<AppContext> {
  return {
    service: new AppService(ws, 'vi', now),
    settings: await SettingsStore.open(join(root, `user-data-${Math.random().toString(36).slice(2)}`)),
    version: '0.0.0',
    mode: 'browser',
    emit: () => {},
  };
}

/** The results a consolidation gives now (its timestamp aside). */
async function resultsOf(ws: WorkspaceStore): Promise<string> {
  const r = await consolidate(ws, { now: '2026-03-01T00:00:00Z', workers: 0, allowMissing: true });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return JSON.stringify(r.value);
}

beforeAll(async () => {
  await writeDemoWorkspace(demo, { agencies: 24, seed: 5 });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('a Home Affairs workspace: a received self-assessment is read-only (issue 13 point 8)', () => {
  let ws: WorkspaceStore;
  let ctx: AppContext;
  const dir = join(root, 'ha');
  beforeAll(async () => {
    cpSync(demo, dir, { recursive: true });
    ws = await WorkspaceStore.open(dir);
    ctx = await contextFor(ws);
  });
  afterAll(() => ws.close());

  it('over IPC: the change is refused in the user’s words, and the workspace and the results are unchanged', async () => {
    const got = await dispatch('assessment:get', { agency: 'S01' }, ctx);
    if (!got.ok) throw new Error(got.error.message);
    const view = got.value as AgencyAssessmentView;
    expect(view.assessment).not.toBeNull();
    expect(view.readOnly?.reason).toContain('hồ sơ có chữ ký');
    expect(view.readOnly?.reason).toContain('chỉ chấm điểm thẩm định');
    const leaf = view.template.items.find((i) => i.rule?.type === 'BINARY')!;
    const current = view.assessment!.items[leaf.code]?.input;
    const other = current?.kind === 'binary' && current.value === 'yes' ? 'no' : 'yes';

    const results = await resultsOf(ws);
    const before = folderHash(dir);
    const r = await dispatch('assessment:setItemInput', { agency: 'S01', item: leaf.code, input: { kind: 'binary', value: other } }, ctx);
    expect(r).toMatchObject({ ok: false, error: { code: 'integrity.received_read_only' } });
    expect(!r.ok && r.error.message).toBe(
      'cơ quan S01: Bản tự đánh giá đã nhận của cơ quan S01 là hồ sơ có chữ ký của cơ quan; Sở Nội vụ không sửa được phần tự đánh giá, chỉ chấm điểm thẩm định và ghi ý kiến.',
    );
    // Clearing is a change too.
    expect(await dispatch('assessment:setItemInput', { agency: 'S01', item: leaf.code, input: null }, ctx)).toMatchObject({ ok: false, error: { code: 'integrity.received_read_only' } });
    // An agency with no self-assessment received yet cannot be given one by Home Affairs either.
    const none = (await ws.assessmentCodes()).length < ws.index.agencies.length ? ws.index.agencies.find((a) => !a.hasAssessment) : undefined;
    if (none) expect(await dispatch('assessment:setItemInput', { agency: none.code, item: leaf.code, input: { kind: 'binary', value: 'yes' } }, ctx)).toMatchObject({ ok: false });
    expect(folderHash(dir)).toBe(before);
    expect(await resultsOf(ws)).toBe(results);
    const again = await dispatch('assessment:get', { agency: 'S01' }, ctx);
    expect(again.ok && (again.value as AgencyAssessmentView).assessment?.items[leaf.code]?.input).toEqual(current);
  });

  it('in English once the user switched language', async () => {
    await dispatch('settings:setLang', { lang: 'en' }, ctx);
    ctx.service.setLang('en');
    try {
      const r = await dispatch('assessment:setItemInput', { agency: 'S02', item: '1.1', input: null }, ctx);
      expect(!r.ok && r.error.message).toContain('signed submission');
      const view = await dispatch('assessment:get', { agency: 'S02' }, ctx);
      expect(view.ok && (view.value as AgencyAssessmentView).readOnly?.reason).toContain('only enter appraisal scores');
    } finally {
      await dispatch('settings:setLang', { lang: 'vi' }, ctx);
      ctx.service.setLang('vi');
    }
  });

  it('going on late is no way around a received file: refused as read-only', async () => {
    expect(await dispatch('assessment:continueLate', { agency: 'S03' }, ctx)).toMatchObject({ ok: false, error: { code: 'integrity.received_read_only' } });
  });

  it('in the services: every self-assessment writer refuses, the command line’s included', async () => {
    const view = await ctx.service.assessment('S03');
    const leaf = view.template.items.find((i) => i.rule?.type === 'BINARY')!;
    const before = folderHash(dir);
    const refused = async (p: Promise<unknown>) => {
      const e = await p.then(() => null, (x: unknown) => x);
      expect(e).toBeInstanceOf(IssueError);
      expect((e as IssueError).issues[0]?.code).toBe('integrity.received_read_only');
    };
    await refused(setItem(ws, { agency: 'S03', item: leaf.code }, { kind: 'binary', value: 'yes' }));
    await refused(setSelfAdjustment(ws, 'bonus', 'TH1', 0.5, { agency: 'S03' }));
    const figure = view.template.indicators.find((d) => d.type === 'count' || d.type === 'number');
    if (figure) await refused(setFigure(ws, figure.code, { text: '3' }, { agency: 'S03' }));
    expect(folderHash(dir)).toBe(before);
  });
});

describe('an agency workspace', () => {
  let p: Province;
  let ws: WorkspaceStore;
  const beforeDeadline = () => Date.parse('2026-01-10T09:00:00+07:00');
  beforeAll(async () => {
    p = await province(['STP']);
    ws = p.agencies.STP!;
  });
  afterAll(() => p.close());

  it('an unchanged value writes nothing: the same report, the file’s bytes and time, the backups as they were', async () => {
    const ctx = await contextFor(ws, beforeDeadline);
    const view = (await ctx.service.assessment('STP')) as AgencyAssessmentView;
    expect(view.readOnly).toBeNull();
    // 10/01 09:00 to the end of 15/01: five whole days left.
    expect(view.deadline).toEqual({ phase: 'self', day: '2026-01-15', daysLeft: 5 });
    const leaf = view.template.items.find((i) => i.rule?.type === 'BINARY')!;
    // One real change first, so that there is a backup rotation to disturb.
    const stored = view.assessment?.items[leaf.code]?.input;
    const input = { kind: 'binary', value: stored?.kind === 'binary' && stored.value === 'yes' ? 'no' : 'yes' } as const;
    const first = await dispatch('assessment:setItemInput', { agency: 'STP', item: leaf.code, input }, ctx);
    expect(first.ok).toBe(true);
    const file = join(ws.dir, 'assessments', 'STP.json');
    const bytes = readFileSync(file);
    const mtime = statSync(file).mtimeMs;
    const listing = readdirSync(join(ws.dir, 'assessments')).sort();
    const backups = listing.filter((n) => n.includes('.bak')).map((n) => [n, readFileSync(join(ws.dir, 'assessments', n)).toString('base64')]);
    expect(backups.length).toBeGreaterThan(0);
    const before = folderHash(ws.dir);

    const again = await dispatch('assessment:setItemInput', { agency: 'STP', item: leaf.code, input }, ctx);
    expect(again.ok).toBe(true);
    expect(again.ok && again.value).toEqual(first.ok && first.value);
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(statSync(file).mtimeMs).toBe(mtime);
    expect(readdirSync(join(ws.dir, 'assessments')).sort()).toEqual(listing);
    expect(backups.map(([n]) => [n, readFileSync(join(ws.dir, 'assessments', n!)).toString('base64')])).toEqual(backups);
    expect(folderHash(ws.dir)).toBe(before);
  });

  it('after the self-assessment deadline the window is read-only with the date, and IPC refuses', async () => {
    const ctx = await contextFor(ws, () => Date.parse('2026-01-16T09:00:00+07:00'));
    const got = await dispatch('assessment:get', { agency: 'STP' }, ctx);
    expect(got.ok && (got.value as AgencyAssessmentView).readOnly).toMatchObject({ code: 'integrity.past_deadline', reason: expect.stringContaining('15/01/2026') });
    expect(got.ok && (got.value as AgencyAssessmentView).deadline).toEqual({ phase: 'self', day: '2026-01-15', daysLeft: -1 });
    const before = folderHash(ws.dir);
    const r = await dispatch('assessment:setItemInput', { agency: 'STP', item: '1.1.1', input: null }, ctx);
    expect(r).toMatchObject({ ok: false, error: { code: 'integrity.past_deadline' } });
    expect(folderHash(ws.dir)).toBe(before);
  });

  it('past the deadline the officer may go on for a late submission, told first what the campaign does with it', async () => {
    const ctx = await contextFor(ws, () => Date.parse('2026-01-16T09:00:00+07:00'));
    const got = await dispatch('assessment:get', { agency: 'STP' }, ctx);
    const view = got.ok ? (got.value as AgencyAssessmentView) : null;
    expect(view?.late?.consequence).toMatch(/^Hồ sơ gửi sau hạn/);
    expect(view?.late?.continuing).toBeUndefined();
    const late = await dispatch('assessment:continueLate', { agency: 'STP' }, ctx);
    expect(late.ok).toBe(true);
    const after = late.ok ? (late.value as AgencyAssessmentView) : null;
    expect(after?.readOnly).toBeNull();
    expect(after?.late).toMatchObject({ continuing: true });
    const r = await dispatch('assessment:setItemInput', { agency: 'STP', item: '1.1.1', input: { kind: 'binary', value: 'yes' } }, ctx);
    expect(r.ok).toBe(true);
    // The same rule for every entry of the window: figures, bonus and penalty, nominations too.
    const listed = await dispatch('figures:list', { agency: 'STP' }, ctx);
    const figure = listed.ok ? (listed.value as FiguresView).figures.find((f) => f.def.type === 'count') : undefined;
    expect(figure).toBeDefined();
    expect(await dispatch('figures:set', { agency: 'STP', code: figure!.def.code, value: 3 }, ctx)).toMatchObject({ ok: true });
    // For this session only: a new window asks again.
    const fresh = await contextFor(ws, () => Date.parse('2026-01-16T09:00:00+07:00'));
    expect(await dispatch('assessment:setItemInput', { agency: 'STP', item: '1.1.1', input: null }, fresh)).toMatchObject({ ok: false, error: { code: 'integrity.past_deadline' } });
  });

  it('another agency’s self-assessment cannot be entered here', async () => {
    const ctx = await contextFor(ws, beforeDeadline);
    const before = folderHash(ws.dir);
    // The window does not list it (this workspace's index has its own agency only) …
    expect(await dispatch('assessment:setItemInput', { agency: 'STC', item: '1.1.1', input: { kind: 'binary', value: 'yes' } }, ctx)).toMatchObject({ ok: false });
    // … and the service, which finds it in the campaign, refuses to create its file.
    const e = await setItem(ws, { agency: 'STC', item: '1.1.1' }, { kind: 'binary', value: 'yes' }).then(() => null, (x: unknown) => x);
    expect(e instanceof IssueError && e.issues[0]?.code).toBe('integrity.other_agency');
    expect(folderHash(ws.dir)).toBe(before);
  });
});

describe('an agency workspace whose appraisal file is damaged', () => {
  it('cannot tell whether the cycle is closed: read-only, naming the file, nothing written', async () => {
    const p = await province(['STP']);
    try {
      const ws = p.agencies.STP!;
      mkdirSync(join(ws.dir, 'appraisals'), { recursive: true });
      writeFileSync(join(ws.dir, 'appraisals', 'STP.json'), '{"kind":"parscore.appraisal",');
      const ctx = await contextFor(ws, () => Date.parse('2026-01-10T09:00:00+07:00'));
      const got = await dispatch('assessment:get', { agency: 'STP' }, ctx);
      expect(got.ok && (got.value as AgencyAssessmentView).readOnly?.reason).toMatch(/^tệp appraisals\/STP\.json: /);
      const before = folderHash(ws.dir);
      expect(await dispatch('assessment:setItemInput', { agency: 'STP', item: '1.1.1', input: null }, ctx)).toMatchObject({ ok: false });
      expect(folderHash(ws.dir)).toBe(before);
    } finally {
      await p.close();
    }
  });
});

describe('a damaged assessment file marks its agency in the overview (issue 13 point 9)', () => {
  it('the summary lists every agency; the damaged one says what is wrong and what to do', async () => {
    const dir = join(root, 'damaged');
    cpSync(demo, dir, { recursive: true });
    const victim = readdirSync(join(dir, 'assessments')).filter((n) => n.endsWith('.json')).sort()[1]!.replace(/\.json$/, '');
    writeFileSync(join(dir, 'assessments', `${victim}.json`), '{"kind":"parscore.assessment", "items": {');
    const ws = await WorkspaceStore.open(dir);
    try {
      const ctx = await contextFor(ws);
      const r = await dispatch('workspace:summary', {}, ctx);
      if (!r.ok) throw new Error(r.error.message);
      const s = r.value as WorkspaceSummary;
      expect(s.agencies).toHaveLength(24);
      const bad = s.agencies.find((a) => a.code === victim)!;
      expect(bad.score).toBeNull();
      expect(bad.problem?.message).toContain(`assessments/${victim}.json`);
      expect(bad.problem?.action).toContain('parscore import');
      const rest = s.agencies.filter((a) => a.code !== victim);
      expect(rest.every((a) => a.problem === null)).toBe(true);
      expect(rest.filter((a) => a.score !== null).length).toBeGreaterThan(15);
      // A second call (the file now moved aside) still marks it and still shows the rest.
      const again = await dispatch('workspace:summary', {}, ctx);
      const still = again.ok ? (again.value as WorkspaceSummary).agencies.find((a) => a.code === victim)?.problem : null;
      expect(still?.action).toContain('parscore import');
      expect(again.ok && (again.value as WorkspaceSummary).agencies.filter((a) => a.problem !== null)).toHaveLength(1);
    } finally {
      await ws.close();
    }
  });
});
