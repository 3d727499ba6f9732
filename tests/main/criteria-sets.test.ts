import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppContext, dispatch } from '../../electron/main/handlers/index.ts';
import { AppService } from '../../electron/services/app-service.ts';
import { writeDemoCycle } from '../../electron/services/demo/cycle.ts';
import type { AgencyAssessmentView } from '../../shared/ipc/index.ts';
import { SettingsStore } from '../../electron/services/settings.ts';
import { WorkspaceStore } from '../../electron/services/store/workspace.ts';

const root = mkdtempSync(join(tmpdir(), 'parscore-criteria-sets-'));
const opened: WorkspaceStore[] = [];

async function contextFor(agency: string): Promise<AppContext> {
  const ws = await WorkspaceStore.open(join(root, 'out', 'agencies', agency));
  opened.push(ws);
  return { service: new AppService(ws, 'vi'), settings: await SettingsStore.open(join(root, 'user-data')), version: '0.0.0', mode: 'browser', emit: () => {}, onLangChange: () => {} };
}
/** assessment:get's answer (the dispatch is untyped: the contract's output). */
async function view(input: { agency: string; template?: string }, c: AppContext = ctx): Promise<AgencyAssessmentView> {
  const r = await dispatch('assessment:get', input, c);
  if (!r.ok) throw new Error(r.error.message);
  return r.value as AgencyAssessmentView;
}
const file = (agency: string) => readFileSync(join(root, 'out', 'agencies', agency, 'assessments', `${agency}.json`), 'utf8');

let ctx: AppContext;
beforeAll(async () => {
  // The demo's departments have ISO 9001 beside the PAR index; some communes are exempted from it.
  await writeDemoCycle(join(root, 'snv'), join(root, 'out'), { agencies: 12, seed: 2024 });
  ctx = await contextFor('S01');
});
afterAll(async () => {
  for (const ws of opened) await ws.close();
  rmSync(root, { recursive: true, force: true });
});

describe('the ISO 9001 checklist beside the PAR index, through the dispatch', () => {
  it('lists both criteria sets, the ranked one first, each with its progress', async () => {
    const r = { value: await view({ agency: 'S01' }, ctx) };
    expect(r.value.additional).toBeNull();
    expect(r.value.sets.map((s) => [s.id, s.ranked, s.exempted])).toEqual([
      [r.value.template.id, true, null],
      ['iso-9001', false, null],
    ]);
    expect(r.value.sets[1]!.progress!.total).toBeGreaterThan(20);
    expect(r.value.sets[0]!.progress!.total).toBeGreaterThan(20);
  });

  it('answers an ISO item: its set counts it, the ranked assessment does not change', async () => {
    // The demo has part of the checklist answered: A1 is cleared first, then answered.
    expect((await dispatch('assessment:setItemInput', { agency: 'S01', template: 'iso-9001', item: 'A1', input: null }, ctx)).ok).toBe(true);
    const before = { value: await view({ agency: 'S01' }, ctx) };
    const answered = before.value.sets[1]!.progress!.answered;
    const set = await dispatch('assessment:setItemInput', { agency: 'S01', template: 'iso-9001', item: 'A1', input: { kind: 'binary', value: 'yes' } }, ctx);
    expect(set).toMatchObject({ ok: true, value: { item: { code: 'A1', score: 4 } } });
    const iso = { value: await view({ agency: 'S01', template: 'iso-9001' }, ctx) };
    expect(iso.value.additional).toBe('iso-9001');
    expect(iso.value.template.id).toBe('iso-9001');
    expect(iso.value.entries.A1?.input).toEqual({ kind: 'binary', value: 'yes' });
    expect(iso.value.report.items.A1?.score).toBe(4);
    expect(iso.value.sets[1]!.progress!.answered).toBe(answered + 1);
    const after = { value: await view({ agency: 'S01' }, ctx) };
    expect(after.value.assessment!.items).toEqual(before.value.assessment!.items);
    expect(after.value.report.total).toBe(before.value.report.total);
    expect(JSON.parse(file('S01')).additional['iso-9001'].items.A1.input).toEqual({ kind: 'binary', value: 'yes' });
  });

  it('keeps the ISO explanation with the ISO item', async () => {
    const r = await dispatch('entry:setExplanation', { agency: 'S01', template: 'iso-9001', item: 'A1', text: 'Quyết định đang trình ký' }, ctx);
    expect(r).toMatchObject({ ok: true, value: { explanation: 'Quyết định đang trình ký', changed: true } });
    const stored = JSON.parse(file('S01'));
    expect(stored.additional['iso-9001'].items.A1.explanation).toBe('Quyết định đang trình ký');
    expect(stored.items.A1).toBeUndefined();
  });

  it('lists the ISO items still missing in the check before sending, each at its set and item', async () => {
    expect((await dispatch('assessment:setItemInput', { agency: 'S01', template: 'iso-9001', item: 'A1', input: null }, ctx)).ok).toBe(true);
    const check = await ctx.service.sendCheck('S01');
    const line = check.lines.find((l) => l.set === 'iso-9001' && l.item === 'A1');
    expect(line).toMatchObject({ kind: 'unanswered', message: expect.stringMatching(/^ISO 9001:2008 · Mục A1 chưa trả lời: Quyết định thành lập Ban chỉ đạo ISO/) });
    // The ranked template's lines carry no set.
    expect(check.lines.filter((l) => l.set === undefined).every((l) => !/^A\d/.test(l.item ?? ''))).toBe(true);
  });

  it('refuses, in words and writing nothing, a set the agency does not have', async () => {
    const before = file('S01');
    const unknown = await dispatch('assessment:setItemInput', { agency: 'S01', template: 'khong-co', item: 'A1', input: { kind: 'binary', value: 'no' } }, ctx);
    expect(unknown).toMatchObject({ ok: false, error: { message: expect.stringContaining('Bộ tiêu chí “khong-co” không được giao cho nhóm') } });
    const got = await dispatch('assessment:get', { agency: 'S01', template: 'par-xa' }, ctx);
    expect(got).toMatchObject({ ok: false, error: { message: expect.stringContaining('Bộ tiêu chí “par-xa” không được giao') } });
    const explain = await dispatch('entry:setExplanation', { agency: 'S01', template: 'khong-co', item: 'A1', text: 'x' }, ctx);
    expect(explain.ok).toBe(false);
    expect(file('S01')).toBe(before);
  });

  it('shows an exempted set with its reason and refuses entries into it', async () => {
    const campaign = opened[0]!.campaign()!;
    const exemption = campaign.exemptions[0]!;
    const other = await contextFor(exemption.agency);
    const shown = { value: await view({ agency: exemption.agency }, other) };
    expect(shown.value.sets.find((s) => s.id === 'iso-9001')).toMatchObject({ exempted: exemption.reason, progress: null });
    const refused = await dispatch('assessment:setItemInput', { agency: exemption.agency, template: 'iso-9001', item: 'A1', input: { kind: 'binary', value: 'yes' } }, other);
    expect(refused).toMatchObject({ ok: false, error: { message: expect.stringContaining('được miễn áp dụng bộ tiêu chí “iso-9001” (lý do: Chưa thuộc đối tượng bắt buộc áp dụng)') } });
    expect((await dispatch('assessment:get', { agency: exemption.agency, template: 'iso-9001' }, other)).ok).toBe(false);
  });
});
