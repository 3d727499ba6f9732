import { spawnSync } from 'node:child_process';
import { mkdir, readFile, readdir, stat, utimes, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatIssue } from '../../shared/i18n/index.ts';
import { type Campaign, CampaignDoc, type Template, TemplateDoc, type VersionedKind, WorkspaceIndexDoc } from '../../shared/schema/index.ts';
import type { Recovery } from '../../electron/services/store/json-store.ts';
import { WorkspaceStore } from '../../electron/services/store/workspace.ts';
import { TempDirs, bigAssessment, issuesOf, listDir, sampleCampaign, sampleTemplate } from './helpers.ts';

const temp = new TempDirs();
const open: WorkspaceStore[] = [];
afterEach(async () => {
  for (const ws of open.splice(0)) await ws.close();
  await temp.cleanup();
});

function parsed<T>(kind: VersionedKind<T>, doc: unknown): T {
  const r = kind.parse(doc);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value.value;
}

const track = (ws: WorkspaceStore): WorkspaceStore => {
  open.push(ws);
  return ws;
};

async function newWorkspace(extra: { templates?: Template[]; campaign?: Campaign | null } = {}) {
  const dir = join(await temp.make(), 'Sở Nội vụ — CCHC 2024');
  const campaign = extra.campaign === null ? undefined : (extra.campaign ?? (await sampleCampaign()));
  const ws = track(
    await WorkspaceStore.create(dir, {
      name: 'Sở Nội vụ tỉnh Minh Sơn — Chỉ số CCHC năm 2024',
      role: 'home-affairs',
      campaign,
      templates: extra.templates ?? [await sampleTemplate()],
    }),
  );
  return { dir, ws };
}

async function reopen(ws: WorkspaceStore): Promise<WorkspaceStore> {
  await ws.close();
  return track(await WorkspaceStore.open(ws.dir));
}

describe('create and open', () => {
  it('round-trips a new workspace: index, campaign, templates, layout on disk', async () => {
    const { dir, ws } = await newWorkspace();
    expect(await listDir(dir)).toEqual(['.parscore.lock', 'assessments', 'campaign.json', 'templates', 'workspace.json']);
    expect(await listDir(join(dir, 'templates'))).toEqual(['par-so-minh-son@1.json']);
    expect(ws.index.campaign).toBe('cchc-2024');
    expect(ws.index.agencies.map((a) => [a.code, a.status, a.hasAssessment])).toEqual([
      ['SNV', 'not_submitted', false],
      ['STP', 'not_submitted', false],
      ['STC', 'not_submitted', false],
      ['Sở-GDĐT', 'not_submitted', false],
      ['XA-DONG-HOA', 'not_submitted', false],
    ]);

    const again = await reopen(ws);
    expect(again.index).toEqual(ws.index);
    expect(again.index.name).toBe('Sở Nội vụ tỉnh Minh Sơn — Chỉ số CCHC năm 2024');
    expect(again.campaign()).toEqual(parsed(CampaignDoc, await sampleCampaign()));
    expect(again.template({ id: 'par-so-minh-son', version: 1 })).toEqual(parsed(TemplateDoc, await sampleTemplate()));
    expect(again.template({ id: 'par-so-minh-son', version: 2 })).toBeNull();
    expect(again.templates().map((t) => `${t.id}@${t.version}`)).toEqual(['par-so-minh-son@1']);
    expect(await again.assessmentCodes()).toEqual([]);
    expect(again.recoveries()).toEqual([]);
  });

  it('releases the lock on close, and refuses calls afterwards', async () => {
    const { dir, ws } = await newWorkspace();
    await ws.close();
    expect(await listDir(dir)).not.toContain('.parscore.lock');
    expect((await issuesOf(() => ws.campaign()))[0]).toMatchObject({ code: 'store.closed' });
    expect((await issuesOf(ws.writeAssessment(bigAssessment('STP', 1, 1))))[0]?.code).toBe('store.closed');
  });

  it('refuses to create in a folder that has other files, and changes nothing there', async () => {
    const dir = await temp.make();
    await writeFile(join(dir, 'Báo cáo.docx'), 'x');
    const issues = await issuesOf(WorkspaceStore.create(dir, { name: 'Thử', role: 'agency' }));
    expect(issues[0]).toMatchObject({ code: 'store.folder_not_empty', params: { dir } });
    expect(formatIssue('vi', issues[0]!)).toContain(dir);
    expect(await listDir(dir)).toEqual(['Báo cáo.docx']);
  });

  it('refuses to create over an existing workspace', async () => {
    const { dir, ws } = await newWorkspace();
    await ws.close();
    expect((await issuesOf(WorkspaceStore.create(dir, { name: 'Khác', role: 'agency' })))[0]?.code).toBe('store.already_workspace');
  });

  it('validates everything before touching the disk', async () => {
    const dir = join(await temp.make(), 'new');
    const campaign = { ...(await sampleCampaign()), year: 1990 };
    const issues = await issuesOf(WorkspaceStore.create(dir, { name: 'Thử', role: 'home-affairs', campaign }));
    expect(issues[0]).toMatchObject({ code: 'store.invalid_document', at: { file: 'campaign.json' } });
    expect(issues[1]).toMatchObject({ code: 'doc.schema', at: { field: 'year' } });
    await expect(stat(dir)).rejects.toThrow();
  });

  it('opening a folder that is not a workspace names the folder', async () => {
    const empty = await temp.make();
    for (const dir of [empty, join(empty, 'không-tồn-tại')]) {
      const issues = await issuesOf(WorkspaceStore.open(dir));
      expect(issues).toEqual([{ code: 'store.not_workspace', params: { dir } }]);
      expect(formatIssue('vi', issues[0]!)).toBe(`Thư mục ${dir} không phải là thư mục làm việc ParScore (không có tệp workspace.json hợp lệ).`);
    }
    expect(await listDir(empty)).toEqual([]);
  });

  it('a workspace.json of another kind is not a workspace, and is left as it is', async () => {
    const dir = await temp.make();
    const text = JSON.stringify(await sampleCampaign());
    await writeFile(join(dir, 'workspace.json'), text);
    const issues = await issuesOf(WorkspaceStore.open(dir));
    expect(issues.map((i) => i.code)).toEqual(['store.not_workspace', 'doc.wrong_kind']);
    expect(await readFile(join(dir, 'workspace.json'), 'utf8')).toBe(text);
    expect(await listDir(dir)).toEqual(['workspace.json']); // and the lock was released
  });

  it('refuses a workspace written by a newer version, leaving its bytes untouched', async () => {
    const { dir, ws } = await newWorkspace();
    await ws.close();
    const file = join(dir, 'workspace.json');
    const future = (await readFile(file, 'utf8')).replace(/"schemaVersion": \d+/, `"schemaVersion": ${WorkspaceIndexDoc.latest + 1}`);
    await writeFile(file, future);
    const before = await listDir(dir);
    const issues = await issuesOf(WorkspaceStore.open(dir));
    expect(issues[0]).toMatchObject({ code: 'doc.future_version', at: { file: 'workspace.json' }, params: { version: WorkspaceIndexDoc.latest + 1, latest: WorkspaceIndexDoc.latest } });
    expect(formatIssue('vi', issues[0]!)).toBe(
      `tệp workspace.json: Tài liệu “chỉ mục thư mục làm việc” có phiên bản lược đồ ${WorkspaceIndexDoc.latest + 1}, mới hơn phiên bản ${WorkspaceIndexDoc.latest} mà ParScore này hỗ trợ. Hãy cập nhật ParScore; tệp không bị thay đổi.`,
    );
    expect(await readFile(file, 'utf8')).toBe(future);
    expect(await listDir(dir)).toEqual(before);
  });

  it('removes temp files left by a crash when it opens', async () => {
    const { dir, ws } = await newWorkspace();
    await ws.close();
    await writeFile(join(dir, 'assessments', '.STP.json.4242.0123456789ab.tmp'), '{"half": ');
    await writeFile(join(dir, 'assessments', 'ghi chú.txt'), 'not ours');
    track(await WorkspaceStore.open(dir));
    expect(await listDir(join(dir, 'assessments'))).toEqual(['ghi chú.txt']);
  });
});

describe('assessments', () => {
  it('saves and reads back, across a reopen, as 2-space JSON named by the agency code', async () => {
    const { dir, ws } = await newWorkspace();
    const a = bigAssessment('STP', 1);
    const saved = await ws.writeAssessment(a);
    expect(saved).toEqual(a);
    expect(await ws.readAssessment('STP')).toEqual(a);
    const text = await readFile(join(dir, 'assessments', 'STP.json'), 'utf8');
    expect(text).toBe(`${JSON.stringify(a, null, 2)}\n`);

    const again = await reopen(ws);
    expect(await again.readAssessment('STP')).toEqual(a);
    expect(await again.readAssessment('SNV')).toBeNull();
    expect(await again.assessmentCodes()).toEqual(['STP']);
    // The index records that the agency has an assessment.
    expect(again.index.agencies.find((x) => x.code === 'STP')?.hasAssessment).toBe(true);
  });

  it('keeps Vietnamese letters in file names, whatever Unicode form the code is looked up in', async () => {
    const { dir, ws } = await newWorkspace();
    await ws.writeAssessment(bigAssessment('Sở-GDĐT', 1, 5));
    expect(await listDir(join(dir, 'assessments'))).toEqual(['Sở-GDĐT.json']);
    const again = await reopen(ws);
    expect((await again.readAssessment('Sở-GDĐT'.normalize('NFD')))?.revision).toBe(1);
    expect(await again.assessmentCodes()).toEqual(['Sở-GDĐT']);
  });

  it('hands out copies: changing a returned document changes nothing stored', async () => {
    const { ws } = await newWorkspace();
    const saved = await ws.writeAssessment(bigAssessment('STP', 1, 3));
    saved.revision = 99;
    const read = await ws.readAssessment('STP');
    expect(read?.revision).toBe(1);
    read!.items = {};
    expect(Object.keys((await ws.readAssessment('STP'))!.items)).toHaveLength(3);
    expect(() => {
      (ws.index as { name: string }).name = 'x';
    }).toThrow(TypeError);
  });

  it('rotates backups: after 4 saves bak1..bak3 hold the three previous versions', async () => {
    const { dir, ws } = await newWorkspace();
    for (let rev = 1; rev <= 4; rev++) await ws.writeAssessment(bigAssessment('STP', rev, 10));
    const rev = async (name: string) => JSON.parse(await readFile(join(dir, 'assessments', name), 'utf8')).revision as number;
    expect(await rev('STP.json')).toBe(4);
    expect(await rev('STP.json.bak1')).toBe(3);
    expect(await rev('STP.json.bak2')).toBe(2);
    expect(await rev('STP.json.bak3')).toBe(1);
    expect(await ws.assessmentCodes()).toEqual(['STP']); // backups are not assessments
  });

  it('never writes an invalid assessment', async () => {
    const { dir, ws } = await newWorkspace();
    await ws.writeAssessment(bigAssessment('STP', 1, 2));
    const before = await readFile(join(dir, 'assessments', 'STP.json'));
    const bad = bigAssessment('STP', 2, 2);
    bad.items['1.1'] = { ...bad.items['1.1']!, input: { kind: 'percent', value: -5 } };
    const issues = await issuesOf(ws.writeAssessment(bad));
    expect(issues[0]).toMatchObject({ code: 'store.invalid_document', at: { file: 'assessments/STP.json' } });
    expect(issues[1]).toMatchObject({ code: 'doc.schema', at: { item: '1.1' } });
    expect(await readFile(join(dir, 'assessments', 'STP.json'))).toEqual(before);
    expect((await ws.readAssessment('STP'))?.revision).toBe(1);
  });

  it('serialises read-modify-write per agency: 25 concurrent updates all count', async () => {
    const { dir, ws } = await newWorkspace();
    const seen: (number | null)[] = [];
    const bump = (code: string) =>
      ws.updateAssessment(code, (cur) => {
        seen.push(cur?.revision ?? null);
        return { ...(cur ?? bigAssessment(code, 0, 5)), revision: (cur?.revision ?? 0) + 1 };
      });
    await Promise.all([...Array.from({ length: 25 }, () => bump('STP')), ...Array.from({ length: 10 }, () => bump('SNV'))]);
    expect((await ws.readAssessment('STP'))?.revision).toBe(25);
    expect((await ws.readAssessment('SNV'))?.revision).toBe(10);
    expect(seen.filter((r) => r === null)).toHaveLength(2); // each agency started from nothing exactly once
    expect(JSON.parse(await readFile(join(dir, 'assessments', 'STP.json'), 'utf8')).revision).toBe(25);
  });

  it('refuses an update that changes the agency', async () => {
    const { ws } = await newWorkspace();
    const issues = await issuesOf(ws.updateAssessment('STP', () => bigAssessment('SNV', 1, 1)));
    expect(issues[0]).toMatchObject({ code: 'store.agency_mismatch', params: { expected: 'STP', actual: 'SNV' } });
    expect(await ws.assessmentCodes()).toEqual([]);
  });
});

describe('damaged files in a workspace', () => {
  it('repairs a truncated assessment from its backup and tells the listeners', async () => {
    const { dir, ws } = await newWorkspace();
    for (let rev = 1; rev <= 3; rev++) await ws.writeAssessment(bigAssessment('STP', rev, 30));
    const file = join(dir, 'assessments', 'STP.json');
    const full = await readFile(file);
    await ws.close();
    await writeFile(file, full.subarray(0, full.length - 200));

    const again = track(await WorkspaceStore.open(dir));
    const heard: Recovery[] = [];
    again.onRecovery((r) => heard.push(r));
    expect((await again.readAssessment('STP'))?.revision).toBe(2);
    expect(heard).toHaveLength(1);
    expect(again.recoveries()).toEqual(heard);
    expect(heard[0]?.file).toBe(file);
    expect(heard[0]?.issues[0]).toMatchObject({ code: 'store.recovered', at: { file: 'assessments/STP.json' } });
    const moved = (await readdir(join(dir, 'assessments'))).filter((n) => n.includes('.corrupt-'));
    expect(moved).toHaveLength(1);
    expect(await readFile(join(dir, 'assessments', moved[0]!))).toEqual(full.subarray(0, full.length - 200));
    // The next save carries on normally.
    await again.writeAssessment(bigAssessment('STP', 3, 30));
    expect((await (await reopen(again)).readAssessment('STP'))?.revision).toBe(3);
  });

  it('repairs a damaged workspace.json when opening', async () => {
    const { dir, ws } = await newWorkspace();
    await ws.updateIndex((d) => ({ ...d, name: 'Tên mới' }));
    await ws.close();
    await writeFile(join(dir, 'workspace.json'), '{"kind":"parscore.workspace","schemaVersion":1,"id":');
    const again = track(await WorkspaceStore.open(dir));
    expect(again.index.name).toBe('Sở Nội vụ tỉnh Minh Sơn — Chỉ số CCHC năm 2024');
    expect(again.recoveries().map((r) => r.issues[0]?.at?.file)).toEqual(['workspace.json']);
  });

  it('with no backup: reports the assessment as lost, keeps the bad copy, keeps refusing, and other agencies still work', async () => {
    const { dir, ws } = await newWorkspace();
    await ws.writeAssessment(bigAssessment('STP', 1, 10));
    await ws.writeAssessment(bigAssessment('SNV', 1, 10));
    await ws.close();
    const file = join(dir, 'assessments', 'STP.json');
    await writeFile(file, '{"kind": "parscore.assessment", "items": {');

    const again = track(await WorkspaceStore.open(dir));
    const issues = await issuesOf(again.readAssessment('STP'));
    const moved = (await readdir(join(dir, 'assessments'))).filter((n) => n.includes('.corrupt-'));
    expect(moved).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'store.corrupt_no_backup', at: { file: 'assessments/STP.json' }, params: { movedTo: `assessments/${moved[0]}` } });
    expect(formatIssue('vi', issues[0]!)).toContain(`Bản hỏng được giữ nguyên tại assessments/${moved[0]}`);
    expect(await readFile(join(dir, 'assessments', moved[0]!), 'utf8')).toBe('{"kind": "parscore.assessment", "items": {');
    await expect(stat(file)).rejects.toThrow(); // nothing written in its place
    expect(again.recoveries()).toEqual([expect.objectContaining({ restoredFrom: null })]);

    // Not silently "empty" on the next read or update either.
    expect((await issuesOf(again.readAssessment('STP')))[0]?.code).toBe('store.corrupt_no_backup');
    expect((await issuesOf(again.updateAssessment('STP', (a) => a!)))[0]?.code).toBe('store.corrupt_no_backup');
    expect((await again.readAssessment('SNV'))?.revision).toBe(1);

    // Entering it again is an explicit write, which is allowed.
    await again.writeAssessment(bigAssessment('STP', 5, 2));
    expect((await again.readAssessment('STP'))?.revision).toBe(5);
  });

  it('refuses an assessment from a newer version: not read, not overwritten', async () => {
    const { dir, ws } = await newWorkspace();
    await ws.close();
    const file = join(dir, 'assessments', 'STP.json');
    const future = JSON.stringify({ ...bigAssessment('STP', 3, 2), schemaVersion: 3 });
    await writeFile(file, future);
    const again = track(await WorkspaceStore.open(dir));
    expect((await issuesOf(again.readAssessment('STP')))[0]).toMatchObject({ code: 'doc.future_version', at: { file: 'assessments/STP.json' } });
    expect((await issuesOf(again.writeAssessment(bigAssessment('STP', 4, 2))))[0]?.code).toBe('doc.future_version');
    expect(await readFile(file, 'utf8')).toBe(future);
    expect(await listDir(join(dir, 'assessments'))).toEqual(['STP.json']);
  });

  it('refuses a file of the wrong kind in place of an assessment, leaving it alone', async () => {
    const { dir, ws } = await newWorkspace();
    await ws.close();
    const file = join(dir, 'assessments', 'STP.json');
    const template = JSON.stringify(await sampleTemplate());
    await writeFile(file, template);
    const again = track(await WorkspaceStore.open(dir));
    expect((await issuesOf(again.readAssessment('STP')))[0]).toMatchObject({
      code: 'doc.wrong_kind',
      params: { expected: 'parscore.assessment', actual: 'parscore.template' },
    });
    expect(await readFile(file, 'utf8')).toBe(template);
  });

  it('a campaign.json from a newer version does not block the workspace, but is never overwritten', async () => {
    const { dir, ws } = await newWorkspace();
    await ws.writeAssessment(bigAssessment('STP', 1, 2));
    await ws.close();
    const file = join(dir, 'campaign.json');
    const future = (await readFile(file, 'utf8')).replace(/"schemaVersion": \d+/, '"schemaVersion": 99');
    await writeFile(file, future);
    const again = track(await WorkspaceStore.open(dir));
    expect((await issuesOf(() => again.campaign()))[0]?.code).toBe('doc.future_version');
    expect((await issuesOf(again.setCampaign(await sampleCampaign())))[0]?.code).toBe('doc.future_version');
    expect(await readFile(file, 'utf8')).toBe(future);
    expect((await again.readAssessment('STP'))?.revision).toBe(1);
  });
});

describe('agency codes as file names', () => {
  it('refuses codes that could escape the folder or that Windows cannot store', async () => {
    const { dir, ws } = await newWorkspace();
    const unsafe = ['../evil', '..', 'a/b', 'a\\b', 'C:evil', 'x..y', '.an', 'trailing.', ' lead', 'CON', 'con', 'Nul', 'COM1', 'lpt9', 'AUX.2024', 'a*b', 'q?', 'tab\there', 'x'.repeat(101), ''];
    for (const code of unsafe) {
      const issues = await issuesOf(ws.writeAssessment({ ...bigAssessment('STP', 1, 1), agency: code }));
      expect(issues[0], code).toMatchObject({ code: 'store.unsafe_code', params: { code } });
      expect((await issuesOf(ws.readAssessment(code)))[0]?.code, code).toBe('store.unsafe_code');
    }
    expect(await listDir(join(dir, 'assessments'))).toEqual([]);
    expect(await listDir(join(dir, '..'))).toEqual(['Sở Nội vụ — CCHC 2024']);
    expect(formatIssue('vi', (await issuesOf(ws.readAssessment('CON')))[0]!)).toContain('tên dành riêng của Windows');
  });

  it('keeps ordinary codes, Vietnamese letters included', async () => {
    const { dir, ws } = await newWorkspace();
    const fine = ['SNV', 'Sở-GDĐT', 'UBND.Xã-Đông-Hòa', '1.2.3', 'xã_an_phú', 'COM10', 'CONSOLE', 'LPT'];
    for (const code of fine) await ws.writeAssessment(bigAssessment(code, 1, 1));
    expect((await listDir(join(dir, 'assessments'))).sort()).toEqual(fine.map((c) => `${c}.json`).sort());
    expect((await ws.assessmentCodes()).sort()).toEqual([...fine].sort());
  });

  it('refuses two codes that would share a file on a case-insensitive disk', async () => {
    const { ws } = await newWorkspace();
    await ws.writeAssessment(bigAssessment('STP', 1, 1));
    expect((await issuesOf(ws.writeAssessment(bigAssessment('stp', 1, 1))))[0]).toMatchObject({ code: 'store.code_collision', params: { code: 'stp', other: 'STP' } });
    const issues = await issuesOf(
      ws.updateIndex((d) => ({ ...d, agencies: [...d.agencies, { code: 'snv', name: 'Trùng', group: 'department', parent: null, status: 'not_submitted', hasAssessment: false, pinnedKey: null, submission: null }] })),
    );
    expect(issues[0]).toMatchObject({ code: 'store.code_collision', params: { code: 'snv', other: 'SNV' } });
  });

  it('refuses a workspace whose agency list has unsafe or repeated codes, before writing anything', async () => {
    const base = { name: 'Thử', role: 'home-affairs' as const };
    const a = join(await temp.make(), 'a');
    const agency = (code: string) => ({ code, name: 'Cơ quan', group: 'department' as const });
    expect((await issuesOf(WorkspaceStore.create(a, { ...base, agencies: [agency('SNV'), agency('CON')] })))[0]?.code).toBe('store.unsafe_code');
    expect((await issuesOf(WorkspaceStore.create(a, { ...base, agencies: [agency('SNV'), agency('SNV')] })))[0]?.code).toBe('store.duplicate_agency');
    await expect(stat(a)).rejects.toThrow();
  });
});

describe('index, campaign and templates', () => {
  it('updates the index durably and stamps updatedAt', async () => {
    const { ws } = await newWorkspace();
    const before = ws.index.updatedAt;
    await new Promise((r) => setTimeout(r, 5));
    await ws.updateIndex((d) => ({ ...d, agencies: d.agencies.map((a) => (a.code === 'STP' ? { ...a, status: 'submitted' } : a)) }));
    expect(ws.index.updatedAt > before).toBe(true);
    const again = await reopen(ws);
    expect(again.index.agencies.find((a) => a.code === 'STP')?.status).toBe('submitted');
    expect((await issuesOf(again.updateIndex((d) => ({ ...d, role: 'province' as 'agency' }))))[0]?.code).toBe('store.invalid_document');
  });

  it('stores a template version once: same content is a no-op, different content is refused', async () => {
    const t1 = await sampleTemplate();
    const { ws } = await newWorkspace({ templates: [t1] });
    await ws.putTemplate(t1);
    const changed = { ...t1, title: { vi: 'Bộ chỉ số đã sửa' } };
    const issues = await issuesOf(ws.putTemplate(changed));
    expect(issues[0]).toMatchObject({ code: 'store.template_conflict', params: { id: 'par-so-minh-son', version: 1 } });
    await ws.putTemplate({ ...changed, version: 2 });
    await ws.putTemplate({ ...changed, version: 10 });
    const again = await reopen(ws);
    expect(again.templates().map((t) => `${t.id}@${t.version}`)).toEqual(['par-so-minh-son@1', 'par-so-minh-son@2', 'par-so-minh-son@10']);
    expect(again.template({ id: 'par-so-minh-son', version: 1 })?.title.vi).toBe(t1.title.vi);
    expect((await issuesOf(() => again.template({ id: '../x', version: 1 })))[0]?.code).toBe('store.bad_template_ref');
  });

  it('sets the campaign and points the index at it', async () => {
    const { ws } = await newWorkspace({ campaign: null });
    expect(ws.campaign()).toBeNull();
    expect(ws.index.campaign).toBeNull();
    await ws.setCampaign(await sampleCampaign());
    const again = await reopen(ws);
    expect(again.campaign()?.id).toBe('cchc-2024');
    expect(again.index.campaign).toBe('cchc-2024');
  });
});

describe('one writer per workspace', () => {
  it('a second writer in the same process is refused, naming the holder', async () => {
    const { dir } = await newWorkspace();
    const issues = await issuesOf(WorkspaceStore.open(dir));
    expect(issues[0]).toMatchObject({ code: 'store.locked', params: { dir, pid: String(process.pid), hostname: hostname() } });
    expect(formatIssue('vi', issues[0]!)).toContain(`tiến trình ${process.pid} trên máy ${hostname()}`);
  });

  it('opens read-only beside the writer, and refuses writes', async () => {
    const { dir, ws } = await newWorkspace();
    await ws.writeAssessment(bigAssessment('STP', 1, 2));
    const ro = track(await WorkspaceStore.openReadOnly(dir));
    expect((await ro.readAssessment('STP'))?.revision).toBe(1);
    await ws.writeAssessment(bigAssessment('STP', 2, 2));
    expect((await ro.readAssessment('STP'))?.revision).toBe(2); // read-only re-reads the disk
    expect((await issuesOf(ro.writeAssessment(bigAssessment('STP', 3, 2))))[0]?.code).toBe('store.read_only');
    expect((await issuesOf(ro.updateIndex((d) => d)))[0]?.code).toBe('store.read_only');
    await ro.close();
    expect(await listDir(dir)).toContain('.parscore.lock'); // the writer's lock is untouched
  });

  it('takes over a lock left by a process that has died', async () => {
    const { dir, ws } = await newWorkspace();
    await ws.close();
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    const lock = join(dir, '.parscore.lock');
    await writeFile(lock, JSON.stringify({ pid: dead, hostname: hostname(), startedAt: '2024-12-01T08:00:00.000Z' }));
    const again = track(await WorkspaceStore.open(dir));
    expect(JSON.parse(await readFile(lock, 'utf8'))).toMatchObject({ pid: process.pid, hostname: hostname() });
    expect(again.index.campaign).toBe('cchc-2024');
  });

  it('refuses a lock held on another computer (it cannot be checked)', async () => {
    const { dir, ws } = await newWorkspace();
    await ws.close();
    await writeFile(join(dir, '.parscore.lock'), JSON.stringify({ pid: 1234, hostname: 'MAY-TINH-PHONG-CCHC', startedAt: '2025-01-05T07:30:00.000Z' }));
    const issues = await issuesOf(WorkspaceStore.open(dir));
    expect(issues[0]).toMatchObject({ code: 'store.locked_elsewhere', params: { hostname: 'MAY-TINH-PHONG-CCHC', pid: '1234' } });
  });

  it('an unreadable lock is respected while fresh and taken over once old', async () => {
    const { dir, ws } = await newWorkspace();
    await ws.close();
    const lock = join(dir, '.parscore.lock');
    await writeFile(lock, '');
    expect((await issuesOf(WorkspaceStore.open(dir)))[0]?.code).toBe('store.lock_unreadable');
    const old = new Date(Date.now() - 60_000);
    await utimes(lock, old, old);
    track(await WorkspaceStore.open(dir));
    expect(JSON.parse(await readFile(lock, 'utf8')).pid).toBe(process.pid);
  });

  it('creates the folder of a new workspace when it does not exist yet', async () => {
    const parent = await temp.make();
    await mkdir(join(parent, 'a'));
    const ws = track(await WorkspaceStore.create(join(parent, 'a', 'b', 'c'), { name: 'Xã Đông Hòa', role: 'agency', self: 'XA-DONG-HOA' }));
    expect(ws.index.self).toBe('XA-DONG-HOA');
  });
});
