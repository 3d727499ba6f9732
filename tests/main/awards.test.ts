import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppContext, dispatch } from '../../electron/main/handlers/index.ts';
import { AppService } from '../../electron/services/app-service.ts';
import { importSubmissions } from '../../electron/services/cycle/import.ts';
import { writeDemoCycle } from '../../electron/services/demo/cycle.ts';
import { REPORT_NAMES } from '../../electron/services/reports/index.ts';
import { SettingsStore } from '../../electron/services/settings.ts';
import { WorkspaceStore } from '../../electron/services/store/workspace.ts';
import { importSurveyFile } from '../../electron/services/survey/import.ts';
import type { AuditView, AwardRow, AwardsView, EventName, EventPayload, ReportOptionsView, ReportRunView, RulesView, WrittenReport } from '../../shared/ipc/index.ts';
import { folderHash } from '../cli/run.ts';

/**
 * Issue 14 points 6, 7, 8: the commendation lists, the council's decisions, the reports page and
 * the audit log, through the real dispatch (contract validation, handlers, services, files) on a
 * demo cycle Home Affairs has received.
 */
const root = mkdtempSync(join(tmpdir(), 'parscore-awards-'));
const haDir = join(root, 'snv');
const out = join(root, 'out');
let ha: WorkspaceStore;
let ctx: AppContext;
const events: { event: EventName; payload: unknown }[] = [];

async function ok<T>(channel: string, input: unknown, c = ctx): Promise<T> {
  const r = await dispatch(channel, input, c);
  if (!r.ok) throw new Error(r.error.message);
  return r.value as T;
}

/** The refusal, after checking nothing in the workspace changed. */
async function refused(channel: string, input: unknown, c = ctx): Promise<{ code: string; message: string }> {
  const before = folderHash(haDir);
  const r = await dispatch(channel, input, c);
  expect(folderHash(haDir), `${channel} wrote something`).toBe(before);
  if (r.ok) throw new Error(`${channel} was accepted`);
  return { code: r.error.code, message: r.error.message };
}

const auditLines = () =>
  readFileSync(join(haDir, 'audit.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

beforeAll(async () => {
  await writeDemoCycle(haDir, out, { agencies: 30, seed: 2024 });
  ha = await WorkspaceStore.open(haDir);
  ctx = {
    service: new AppService(ha, 'vi'),
    settings: await SettingsStore.open(join(root, 'user-data')),
    version: '0.0.0',
    mode: 'browser',
    emit: <E extends EventName>(event: E, payload: EventPayload<E>) => void events.push({ event, payload }),
  };
}, 120_000);
afterAll(async () => {
  await ha.close();
  rmSync(root, { recursive: true, force: true });
});

describe('the commendation screen', () => {
  it('says there are no results before any submission is received', async () => {
    const view = await ok<AwardsView>('awards:view', {});
    expect(view).toEqual({ state: 'no-results', rules: [], unknown: [], issues: [] });
    const preview = await ok<{ ok: true; view: AwardsView }>('awards:previewRules', { rules: (await ok<RulesView>('awards:rules', {})).rules });
    expect(preview.view.state).toBe('no-results');
  });

  it('lists per award the candidates with every condition met and the excluded with the first failed, in words', async () => {
    const files = readdirSync(out).filter((f) => f.endsWith('.parscore'));
    await importSubmissions(ha, files.map((f) => ({ file: f, path: join(out, f) })), { workers: 0 });
    const survey = await importSurveyFile(ha, join(out, 'agencies', 'dieu-tra-xa-hoi-hoc.xlsx'));
    expect(survey.ok).toBe(true);
    const view = await ok<AwardsView>('awards:view', {});
    expect(view.state).toBe('ready');
    expect(view.rules.map((r) => r.rule)).toEqual(['bk-tap-the', 'gk-tap-the', 'bk-ca-nhan', 'gk-ca-nhan']);
    const first = view.rules[0]!;
    expect(first.award).toBe('Bằng khen của Chủ tịch UBND tỉnh');
    expect(first.candidates.length).toBeGreaterThan(0);
    for (const c of first.candidates) {
      expect(c.met).toContain('loại A');
      expect(c.met.some((m) => /^hạng \d+$/.test(m))).toBe(true);
      expect(c.failed).toBeNull();
      expect(c.decision).toBeNull();
    }
    expect(first.excluded.length).toBeGreaterThan(0);
    for (const e of first.excluded) expect(e.failed).toMatch(/^Cơ quan, đơn vị |^Đơn vị /);
    // No catalogue key or parameter left unsaid.
    expect(JSON.stringify(view)).not.toMatch(/awards\.(ok|no)\.|\{\w+\}/);
  });

  let target: AwardRow;
  it("refuses the council's decision without a reason, in words, and stores nothing", async () => {
    target = (await ok<AwardsView>('awards:view', {})).rules[0]!.candidates[0]!;
    const r = await refused('awards:override', { rule: target.rule, agency: target.agency, subject: target.subject, action: 'exclude', reason: '   ' });
    expect(r).toEqual({ code: 'awardsui.reason_required', message: 'Hãy ghi lý do (ít nhất 5 ký tự).' });
    expect((await refused('awards:override', { rule: 'khong-co', agency: target.agency, subject: target.subject, action: 'exclude', reason: 'Lý do đủ dài' })).message).toBe('Quy định khen thưởng "khong-co" không có trong đợt đánh giá.');
    expect(existsSync(join(haDir, 'award-overrides.json'))).toBe(false);
  });

  it('stores the decision with its audit line, shows it on the row, and withdraws it with a reason', async () => {
    const lines = auditLines().length;
    const reason = 'Đơn vị đang bị thanh tra, Hội đồng chưa xét.';
    const view = await ok<AwardsView>('awards:override', { rule: target.rule, agency: target.agency, subject: target.subject, action: 'exclude', reason });
    const row = view.rules[0]!.excluded.find((x) => x.subject === target.subject)!;
    expect(row.decision).toMatchObject({ action: 'exclude', reason, by: 'Sở Nội vụ tỉnh Minh Sơn' });
    expect(view.rules[0]!.candidates.some((x) => x.subject === target.subject)).toBe(false);
    expect(JSON.parse(readFileSync(join(haDir, 'award-overrides.json'), 'utf8')).overrides).toMatchObject([{ rule: target.rule, agency: target.agency, subject: target.subject, action: 'exclude', reason }]);
    const added = auditLines().slice(lines);
    expect(added).toMatchObject([{ field: 'award', agency: target.agency, item: target.rule, subject: target.subject, old: null, new: 'exclude', round: null, reason }]);

    const audit = await ok<AuditView>('audit:list', { agency: target.agency });
    expect(audit.rows.every((r) => r.agency === target.agency)).toBe(true);
    const shown = audit.rows.at(-1)!;
    expect(shown).toMatchObject({ who: 'Sở Nội vụ tỉnh Minh Sơn', agencyName: target.agencyName, what: `Quyết định của Hội đồng thi đua - khen thưởng: ${target.rule}, ${target.subject}`, from: '—', to: 'loại khỏi danh sách', round: null, reason });
    expect(shown.when).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);

    const back = await ok<AwardsView>('awards:removeOverride', { rule: target.rule, agency: target.agency, subject: target.subject, reason: 'Thanh tra kết luận không vi phạm.' });
    expect(back.rules[0]!.candidates.find((x) => x.subject === target.subject)?.decision).toBeNull();
    expect(auditLines().at(-1)).toMatchObject({ field: 'award', old: 'exclude', new: null, reason: 'Thanh tra kết luận không vi phạm.' });
    expect(JSON.parse(readFileSync(join(haDir, 'award-overrides.json'), 'utf8')).overrides).toEqual([]);
    expect((await refused('awards:removeOverride', { rule: target.rule, agency: target.agency, subject: target.subject, reason: 'Không còn gì để bỏ.' })).code).toBe('awardsui.no_decision');
  });

  it('hands over the official workbook (the browser mode downloads its bytes)', async () => {
    const r = await ok<WrittenReport>('awards:exportList', {});
    expect(r.fileName).toBe('Danh sách đề nghị khen thưởng.xlsx');
    expect(r.savedTo).toBeNull();
    expect(Buffer.from(r.base64!, 'base64').subarray(0, 2).toString()).toBe('PK');
  });
});

describe('the rules editor', () => {
  it('checks rules at their fields, previews unsaved rules without writing, and saves as set-rules does', async () => {
    const { rules } = await ok<RulesView>('awards:rules', {});
    const before = folderHash(haDir);
    const bad = structuredClone(rules);
    bad.collectives[0]!.topN = { department: 0 };
    bad.collectives[0]!.award.vi = '';
    const problems = await ok<{ ok: false; problems: { path: string; message: string }[] }>('awards:setRules', { rules: bad });
    expect(problems.ok).toBe(false);
    expect(problems.problems.map((p) => p.path)).toEqual(expect.arrayContaining(['collectives.0.topN.department', 'collectives.0.award.vi']));
    for (const p of problems.problems) expect(p.message).not.toMatch(/collectives|topN|Too small|expected/);
    const onlyFirst = structuredClone(rules);
    onlyFirst.collectives[0]!.topN = { department: 1 };
    const preview = await ok<{ ok: true; view: AwardsView }>('awards:previewRules', { rules: onlyFirst });
    expect(preview.view.rules[0]!.candidates.filter((c) => c.agency.startsWith('S')).length).toBe(1);
    expect(folderHash(haDir)).toBe(before);
    const saved = await ok<{ ok: true; rules: RulesView }>('awards:setRules', { rules: onlyFirst });
    expect(saved.rules.rules.collectives[0]!.topN).toEqual({ department: 1 });
    expect(ha.campaign()!.commendation.collectives[0]!.topN).toEqual({ department: 1 });
    await ok('awards:setRules', { rules });
  });
});

describe('the reports page', () => {
  it('offers every report by its file title, with the issuer’s number and date as defaults', async () => {
    const o = await ok<ReportOptionsView>('report:options', {});
    expect(o.reports.map((r) => r.name)).toEqual([...REPORT_NAMES]);
    expect(o.reports.find((r) => r.name === 'ranking')!.title).toBe('Xếp hạng theo nhóm');
    expect(o.reports.find((r) => r.name === 'agencies')!.title).toBe('Báo cáo tự đánh giá của các cơ quan');
    expect(o.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(o.canOpenFolder).toBe(false);
    expect(o.agencies).toBe(ha.index.agencies.filter((a) => a.submission).length);
  });

  it('refuses a folder that is no full path, or none chosen, and writes nothing', async () => {
    expect((await refused('report:write', { names: ['ranking'], folder: 'bao-cao', number: '', date: '', jobId: 'j0' })).code).toBe('reportsui.folder_not_absolute');
    expect((await refused('report:write', { names: [], folder: join(root, 'r0'), number: '', date: '', jobId: 'j0' })).code).toBe('reportsui.none_chosen');
    expect((await refused('report:write', { names: ['ranking'], folder: join(haDir, 'bao-cao'), number: '', date: '', jobId: 'j0' })).code).toBe('reportsui.folder_in_workspace');
    expect((await refused('report:write', { names: ['ranking'], folder: join(root, 'r0'), number: '', date: '2026-02-30', jobId: 'j0' })).code).toBe('service.report_bad_date');
    expect(existsSync(join(root, 'r0'))).toBe(false);
  });

  it('writes the chosen reports with progress, downloads only files of the run, and opens the folder where it can', async () => {
    events.length = 0;
    const folder = join(root, 'bao-cao');
    const run = await ok<ReportRunView>('report:write', { names: ['ranking', 'commendation'], folder, number: '45/BC-SNV', date: '2026-12-05', jobId: 'j1' });
    expect(run.folder).toBe(folder);
    expect(run.files).toEqual(['Xếp hạng theo nhóm.xlsx', 'Danh sách đề nghị khen thưởng.xlsx']);
    const progress = events.filter((e) => e.event === 'job:progress').map((e) => e.payload as { jobId: string; phase: string; done: number; total: number });
    expect(progress.every((p) => p.jobId === 'j1' && p.phase === 'reportsui.job' && p.total === 2)).toBe(true);
    expect(progress.at(-1)!.done).toBe(2);
    const d = await ok<WrittenReport>('report:download', { runId: run.runId, file: 1 });
    expect(d.fileName).toBe('Danh sách đề nghị khen thưởng.xlsx');
    expect(Buffer.from(d.base64!, 'base64').equals(readFileSync(join(folder, 'Danh sách đề nghị khen thưởng.xlsx')))).toBe(true);
    expect((await refused('report:download', { runId: run.runId, file: 2 })).code).toBe('reportsui.run_gone');
    expect((await refused('report:download', { runId: 'khac', file: 0 })).code).toBe('reportsui.run_gone');
    expect((await refused('report:openFolder', { runId: run.runId })).code).toBe('reportsui.cannot_open');
    const opened: string[] = [];
    const desktop: AppContext = { ...ctx, openPath: async (p) => {
        opened.push(p);
        return '';
      } };
    expect(await ok('report:openFolder', { runId: run.runId }, desktop)).toEqual({ opened: true });
    expect(opened).toEqual([folder]);
  });
});

describe('the audit log view', () => {
  it('filters by agency, item, person, round and days, and exports the rows shown as CSV', async () => {
    const all = await ok<AuditView>('audit:list', {});
    expect(all.rows.length).toBe(all.total);
    expect(all.people).toEqual(['Sở Nội vụ tỉnh Minh Sơn']);
    expect(all.problems).toEqual([]);
    const survey = await ok<AuditView>('audit:list', { item: '8.1' });
    expect(survey.rows.length).toBeGreaterThan(0);
    expect(survey.rows.every((r) => r.what === 'Điều tra xã hội học mục 8.1')).toBe(true);
    const round1 = await ok<AuditView>('audit:list', { round: 1 });
    expect(round1.rows.length).toBeGreaterThan(0);
    expect(round1.rows.every((r) => r.round === 1)).toBe(true);
    expect((await ok<AuditView>('audit:list', { from: '2100-01-01' })).rows).toEqual([]);
    expect((await ok<AuditView>('audit:list', { to: '2000-01-01' })).rows).toEqual([]);
    expect((await ok<AuditView>('audit:list', { person: 'Người khác' })).rows).toEqual([]);
    const csv = Buffer.from((await ok<WrittenReport>('audit:export', { item: '8.1' })).base64!, 'base64').toString('utf8');
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(lines.length).toBe(survey.rows.length + 1);
    expect(lines.slice(1).every((l) => l.includes('Điều tra xã hội học mục 8.1'))).toBe(true);
    // A bad filter is said in words, not as a schema path.
    const bad = await dispatch('audit:list', { from: '05/12/2026' }, ctx);
    if (bad.ok) throw new Error('a day the contract cannot read was accepted');
    expect(bad.error.message).not.toMatch(/regex|Invalid|pattern/i);
  });
});
