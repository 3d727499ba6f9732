import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppContext, dispatch } from '../../electron/main/handlers/index.ts';
import { AppService } from '../../electron/services/app-service.ts';
import { writeDemoCycle } from '../../electron/services/demo/cycle.ts';
import { listFigures } from '../../electron/services/entry/figures.ts';
import { listNominations } from '../../electron/services/entry/nominations.ts';
import { SettingsStore } from '../../electron/services/settings.ts';
import { WorkspaceStore } from '../../electron/services/store/workspace.ts';
import type { AdjustmentsView, FiguresView, NominationsView } from '../../shared/ipc/index.ts';
import { folderHash } from '../cli/run.ts';

/**
 * Issue 13 point 7: the window's declared figures, the agency's own bonus and penalty and its
 * nominations, through the real dispatch (contract validation, handlers, services, files).
 */
const root = mkdtempSync(join(tmpdir(), 'parscore-declared-'));
const own = join(root, 'out', 'agencies', 'S01');
const haDir = join(root, 'snv');
let ws: WorkspaceStore;
let ha: WorkspaceStore;
let ctx: AppContext;
let haCtx: AppContext;
let lateCtx: AppContext;

async function contextFor(store: WorkspaceStore, name: string, now?: () => number): Promise<AppContext> {
  return { service: new AppService(store, 'vi', now), settings: await SettingsStore.open(join(root, `user-data-${name}`)), version: '0.0.0', mode: 'browser', emit: () => {} };
}

async function ok<T>(channel: string, input: unknown, c = ctx): Promise<T> {
  const r = await dispatch(channel, input, c);
  if (!r.ok) throw new Error(r.error.message);
  return r.value as T;
}

/** The refusal's messages, after checking nothing in `dir` changed. */
async function refused(channel: string, input: unknown, c = ctx, dir = own): Promise<{ code: string; messages: string[] }> {
  const before = folderHash(dir);
  const r = await dispatch(channel, input, c);
  expect(folderHash(dir), `${channel} wrote something`).toBe(before);
  if (r.ok) throw new Error(`${channel} was accepted`);
  return { code: r.error.code, messages: r.error.issues ?? [r.error.message] };
}

const person = { kind: 'individual', id: 'S01-CN9', fullName: 'Nguyễn Thị Lan', gender: 'female', birthYear: 1982, position: 'Phó Giám đốc', unit: 'Sở Tài chính', ratingThisYear: 'excellent', ratingLastYear: 'excellent', achievements: 'Chủ trì số hóa hồ sơ thủ tục hành chính.', discipline: null, initiatives: 1, proposedAward: 'bk-ca-nhan' };

beforeAll(async () => {
  await writeDemoCycle(haDir, join(root, 'out'), { agencies: 6, seed: 5 });
  ws = await WorkspaceStore.open(own);
  ha = await WorkspaceStore.open(haDir);
  ctx = await contextFor(ws, 'own');
  haCtx = await contextFor(ha, 'ha');
  lateCtx = await contextFor(ws, 'late', () => Date.parse('2100-01-01T00:00:00Z'));
});
afterAll(async () => {
  await ws.close();
  await ha.close();
  rmSync(root, { recursive: true, force: true });
});

describe('figures:* through the real dispatch', () => {
  it('lists the figures with their units and range, sets one (typed or as text) and clears it', async () => {
    const view = await ok<FiguresView>('figures:list', { agency: 'S01' });
    expect(view.readOnly).toBeNull();
    const kk17 = view.figures.find((f) => f.def.code === 'KK17')!;
    expect(kk17.def).toMatchObject({ unit: '%', min: 0, max: 100, type: 'number' });
    expect(await ok('figures:set', { agency: 'S01', code: 'KK17', value: 87.5 })).toMatchObject({ value: 87.5, changed: true });
    expect(await ok('figures:set', { agency: 'S01', code: 'KK01', value: { text: '1.675' } })).toMatchObject({ value: 1675, changed: true });
    const same = folderHash(own);
    expect(await ok('figures:set', { agency: 'S01', code: 'KK17', value: 87.5 })).toMatchObject({ changed: false });
    expect(folderHash(own)).toBe(same);
    expect(await ok('figures:set', { agency: 'S01', code: 'KK07', value: false })).toMatchObject({ value: false });
    expect(await ok('figures:set', { agency: 'S01', code: 'KK07', value: null })).toMatchObject({ value: null });
    const stored = await listFigures(ws, { agency: 'S01' });
    expect(stored.find((f) => f.def.code === 'KK17')?.value).toBe(87.5);
    expect(stored.find((f) => f.def.code === 'KK01')?.value).toBe(1675);
    expect(stored.find((f) => f.def.code === 'KK07')?.value).toBeNull();
  });

  it('refuses a wrong figure in the figure’s words, writing nothing', async () => {
    const over = await refused('figures:set', { agency: 'S01', code: 'KK17', value: 150 });
    expect(over.code).toBe('figure.above_max');
    expect(over.messages[0]).toMatch(/^Số liệu KK17 “.+” không được lớn hơn 100; giá trị 150 không hợp lệ\.$/);
    const text = await refused('figures:set', { agency: 'S01', code: 'KK01', value: { text: 'mười' } });
    expect(text.messages[0]).toContain('phải là một số; giá trị “mười” không hợp lệ');
    const frac = await refused('figures:set', { agency: 'S01', code: 'KK01', value: 2.5 });
    expect(frac.messages[0]).toContain('phải là số nguyên không âm');
    const unknown = await refused('figures:set', { agency: 'S01', code: 'KK99', value: 1 });
    expect(unknown.code).toBe('figure.unknown');
    // Never a schema path or the validator's English.
    for (const m of [over, text, frac, unknown].flatMap((x) => x.messages)) expect(m).not.toMatch(/value\b|Too|expected|input\./);
  });
});

describe('adjustments:* through the real dispatch', () => {
  it('lists each code with its maximum and the caps, sets a bonus within them with its reason', async () => {
    const view = await ok<AdjustmentsView>('adjustments:list', { agency: 'S01' });
    expect(view.bonus.cap).toBe(2);
    expect(view.bonus.items.map((i) => [i.code, i.max])).toEqual([['TH1', 1], ['TH2', 1]]);
    expect(view.penalty.items.length).toBeGreaterThan(0);
    const set = await ok<AdjustmentsView & { changed: boolean }>('adjustments:set', { agency: 'S01', block: 'bonus', code: 'TH1', points: 1, note: 'QĐ 12/QĐ-UBND ngày 05/03/2026 công nhận mô hình' });
    expect(set.changed).toBe(true);
    expect(set.bonus.items[0]).toMatchObject({ code: 'TH1', points: 1, note: 'QĐ 12/QĐ-UBND ngày 05/03/2026 công nhận mô hình' });
    expect(set.bonus.total).toBe(1);
    expect(set.total).toBeGreaterThan(view.total);
    expect((await ws.readAssessment('S01'))?.bonus.TH1).toEqual({ points: 1, note: 'QĐ 12/QĐ-UBND ngày 05/03/2026 công nhận mô hình' });
  });

  it('refuses points over the item’s maximum, naming the item, writing nothing', async () => {
    const over = await refused('adjustments:set', { agency: 'S01', block: 'bonus', code: 'TH2', points: 1.5 });
    expect(over.code).toBe('scoring.bonus_above_max');
    expect(over.messages[0]).toBe('mục TH2: Điểm thưởng 1,5 vượt mức tối đa 1 của mục.');
    const unknown = await refused('adjustments:set', { agency: 'S01', block: 'penalty', code: 'TH1', points: 1 });
    expect(unknown.messages[0]).toContain('TH1');
    const negative = await refused('adjustments:set', { agency: 'S01', block: 'bonus', code: 'TH2', points: -1 });
    expect(negative.messages[0]).not.toMatch(/Too|expected/);
  });
});

describe('nominations:* through the real dispatch', () => {
  it('lists the proposals with the campaign’s awards; adds, edits and removes one', async () => {
    const view = await ok<NominationsView>('nominations:list', { agency: 'S01' });
    expect(view.awards.collective.map((a) => a.id)).toContain('bk-tap-the');
    expect(view.awards.individual.map((a) => a.id)).toContain('bk-ca-nhan');
    const n0 = view.nominations.length;
    expect(await ok('nominations:add', { agency: 'S01', nomination: { ...person, note: null } })).toMatchObject({ nomination: { id: 'S01-CN9', fullName: 'Nguyễn Thị Lan' } });
    const edited = await ok<{ changed: boolean }>('nominations:edit', { agency: 'S01', id: 'S01-CN9', patch: { position: 'Giám đốc', note: 'Đề nghị lần đầu' } });
    expect(edited.changed).toBe(true);
    expect((await listNominations(ws)).find((n) => n.id === 'S01-CN9')).toMatchObject({ position: 'Giám đốc', note: 'Đề nghị lần đầu' });
    // A cleared note is removed from the proposal.
    await ok('nominations:edit', { agency: 'S01', id: 'S01-CN9', patch: { note: null } });
    expect((await listNominations(ws)).find((n) => n.id === 'S01-CN9')).not.toHaveProperty('note');
    await ok('nominations:remove', { agency: 'S01', id: 'S01-CN9' });
    expect(await listNominations(ws)).toHaveLength(n0);
  });

  it('refuses missing and wrong columns all at once, naming each column in Vietnamese, writing nothing', async () => {
    const bad = await refused('nominations:add', { agency: 'S01', nomination: { ...person, fullName: '', birthYear: 1800, gender: 'x' } });
    expect(bad.messages).toHaveLength(3);
    expect(bad.messages.join('\n')).toContain('thiếu cột “Họ và tên”');
    expect(bad.messages.join('\n')).toContain('“Giới tính”');
    expect(bad.messages.join('\n')).toMatch(/1800/);
    for (const m of bad.messages) expect(m).not.toMatch(/fullName|gender|birthYear|nominations\.json/);
    const dup = await refused('nominations:add', { agency: 'S01', nomination: { kind: 'collective', id: (await listNominations(ws))[0]?.id ?? 'S01-TT', name: 'Sở', achievements: 'x', proposedAward: 'bk-tap-the' } });
    expect(dup.code).toBe('entry.nomination_duplicate');
    const missing = await refused('nominations:remove', { agency: 'S01', id: 'KHONG-CO' });
    expect(missing.messages[0]).toContain('Không có đề nghị khen thưởng mã KHONG-CO');
  });
});

describe('read-only: refused where the self-assessment may not change', () => {
  it('in the Home Affairs workspace every change is refused with the reason, nothing written', async () => {
    const view = await ok<FiguresView>('figures:list', { agency: 'S01' }, haCtx);
    expect(view.readOnly?.code).toBe('integrity.received_read_only');
    for (const [c, input] of [
      ['figures:set', { agency: 'S01', code: 'KK17', value: 50 }],
      ['adjustments:set', { agency: 'S01', block: 'bonus', code: 'TH1', points: 1 }],
      ['nominations:add', { agency: 'S01', nomination: person }],
      ['nominations:remove', { agency: 'S01', id: 'S01-TT' }],
    ] as const) {
      const r = await refused(c, input, haCtx, haDir);
      expect(r.code, c).toBe('integrity.received_read_only');
    }
  });

  it('after the deadline the window refuses with the date (the lists say why)', async () => {
    const view = await ok<NominationsView>('nominations:list', { agency: 'S01' }, lateCtx);
    expect(view.readOnly).toMatchObject({ code: 'integrity.past_deadline', reason: expect.stringMatching(/\d{2}\/\d{2}\/\d{4}/) });
    expect((await refused('figures:set', { agency: 'S01', code: 'KK17', value: 50 }, lateCtx)).code).toBe('integrity.past_deadline');
    expect((await refused('adjustments:set', { agency: 'S01', block: 'bonus', code: 'TH2', points: 1 }, lateCtx)).code).toBe('integrity.past_deadline');
    expect((await refused('nominations:edit', { agency: 'S01', id: 'S01-TT', patch: { name: 'X' } }, lateCtx)).code).toBe('integrity.past_deadline');
  });
});
