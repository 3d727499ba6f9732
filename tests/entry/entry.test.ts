import { closeSync, openSync, ftruncateSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppService } from '../../electron/services/app-service.ts';
import {
  MAX_EVIDENCE_BYTES,
  addItemEvidence,
  addNomination,
  editItemEvidence,
  removeItemEvidence,
  setFigure,
  setItem,
  setItemExplanation,
  setSelfAdjustment,
} from '../../electron/services/entry/index.ts';
import { WorkspaceStore } from '../../electron/services/store/workspace.ts';
import { formatIssue } from '../../shared/i18n/index.ts';
import type { Template } from '../../shared/schema/index.ts';
import { IssueError } from '../../shared/util/issue.ts';
import { TempDirs, builtinTemplate, campaignFor, hashTree } from '../cycle/helpers.ts';

const temp = new TempDirs();
let ws: WorkspaceStore;
let dir: string;
let so: Template;

/** The issues a refused call threw, after proving that the workspace did not change. */
async function refusal(fn: () => Promise<unknown>): Promise<IssueError> {
  const before = await hashTree(dir);
  const e = await fn().then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(IssueError);
  expect(await hashTree(dir)).toEqual(before);
  return e as IssueError;
}

beforeEach(async () => {
  const base = await builtinTemplate('par-so-2026');
  // A count figure with a range, as template v2 allows (SHARED: the template check still refuses SUM on a count).
  so = { ...base, bonus: { ...base.bonus, cap: 1.5 }, indicators: [...base.indicators, { code: 'KK90', title: { vi: 'Số thủ tục hành chính được rà soát' }, type: 'count', aggregate: 'SHARED', max: 500 }] };
  const iso = await builtinTemplate('iso-9001-2008');
  const xa = await builtinTemplate('par-xa-2026');
  const campaign = {
    ...campaignFor(so, xa),
    additionalTemplates: { department: [{ id: iso.id, version: iso.version }] },
    exemptions: [{ agency: 'STC', template: iso.id, reason: 'Chưa thuộc diện áp dụng' }],
  };
  dir = join(await temp.make('parscore-entry-'), 'stp');
  ws = await WorkspaceStore.create(dir, { name: 'Sở Tư pháp', role: 'agency', campaign, templates: [so, xa, iso], self: 'STP' });
});
afterEach(async () => {
  await ws.close();
  await temp.cleanup();
});

describe('item entry', () => {
  it('sets an input scored by the engine, keeps selfScore, and the same value again writes nothing', async () => {
    const r = await setItem(ws, { item: '1.4.2' }, { kind: 'ratio', numerator: 17, denominator: 20 });
    expect(r.changed).toBe(true);
    expect(r.item.score).toBe(0.85);
    expect((await ws.readAssessment('STP'))?.items['1.4.2']?.selfScore).toBe(0.85);
    const before = await hashTree(dir);
    expect((await setItem(ws, { item: '1.4.2' }, { kind: 'ratio', numerator: 17, denominator: 20 })).changed).toBe(false);
    expect(await hashTree(dir)).toEqual(before);
    await setItem(ws, { item: '1.4.2' }, null);
    expect((await ws.readAssessment('STP'))?.items['1.4.2']).toBeUndefined();
  });

  it('refuses a survey item, an unknown item, a value above max, changing nothing', async () => {
    await setItem(ws, { item: '1.1.1' }, { kind: 'binary', value: 'yes' });
    expect((await refusal(() => setItem(ws, { item: '8.1' }, { kind: 'percent', value: 90 }))).issues[0]?.code).toBe('entry.survey_item');
    expect((await refusal(() => setItem(ws, { item: '9.9' }, { kind: 'binary', value: 'yes' }))).issues[0]?.code).toBe('entry.unknown_item');
    const above = await refusal(() => setItem(ws, { item: '1.1.2' }, { kind: 'manual', value: 3 }));
    expect(above.issues[0]?.at).toMatchObject({ agency: 'STP', item: '1.1.2' });
  });

  it('creates the additional ISO 9001 block on first entry; refuses a template not assigned or exempted', async () => {
    await setItem(ws, { item: 'A1', template: 'iso-9001' }, { kind: 'binary', value: 'yes' });
    const a = await ws.readAssessment('STP');
    expect(a?.additional['iso-9001']?.items.A1?.selfScore).not.toBeNull();
    expect(a?.template.id).toBe('par-so');
    expect((await refusal(() => setItem(ws, { item: 'A1', template: 'khac' }, { kind: 'binary', value: 'yes' }))).issues[0]?.code).toBe('entry.template_not_assigned');
    const ex = await refusal(() => setItem(ws, { agency: 'STC', item: 'A1', template: 'iso-9001' }, { kind: 'binary', value: 'yes' }));
    expect(formatIssue('vi', ex.issues[0]!)).toContain('Chưa thuộc diện áp dụng');
  });

  it('AppService.setItemInput still answers the window through the same service', async () => {
    // Before the campaign's self-assessment deadline (15/01/2026): after it the window is read-only (tests/main/integrity.test.ts).
    const app = new AppService(ws, 'vi', () => Date.parse('2026-01-10T09:00:00+07:00'));
    const u = await app.setItemInput({ agency: 'STP', item: '1.1.1', input: { kind: 'binary', value: 'yes' } });
    expect(u.item.score).toBe(1);
    expect(u.ancestors.map((x) => x.code)).toEqual(['1.1', '1']);
  });
});

describe('bonus and penalty', () => {
  it('keeps each item within its max and the block within its cap', async () => {
    await setSelfAdjustment(ws, 'penalty', 'TR1', 2, { note: 'Báo chí phản ánh' });
    await setSelfAdjustment(ws, 'penalty', 'TR3', 2);
    expect((await ws.readAssessment('STP'))?.penalty.TR1).toEqual({ points: 2, note: 'Báo chí phản ánh' });
    expect((await refusal(() => setSelfAdjustment(ws, 'bonus', 'TH1', 1.5))).issues[0]?.code).toBe('scoring.bonus_above_max');
    await setSelfAdjustment(ws, 'bonus', 'TH1', 1);
    // The bonus block's cap is 1.5 here: TH1 1 + TH2 1 is over it, TH2 0.5 is not.
    const cap = await refusal(() => setSelfAdjustment(ws, 'bonus', 'TH2', 1));
    expect(formatIssue('vi', cap.issues[0]!)).toContain('Tổng điểm thưởng 2 vượt mức tối đa 1,5');
    await setSelfAdjustment(ws, 'bonus', 'TH2', 0.5);
    await setSelfAdjustment(ws, 'penalty', 'TR2', 1);
    expect((await ws.readAssessment('STP'))?.penalty.TR2?.points).toBe(1);
  });
});

describe('evidence', () => {
  it('stores the file by hash with its details (date typed dd/mm/yyyy, stored ISO), edits and removes it', async () => {
    const file = join(dir, '..', 'ke-hoach.pdf');
    await writeFile(file, '%PDF-1.7 kế hoạch');
    const { ref } = await addItemEvidence(ws, { item: '1.1.1' }, file, { docNo: '12/KH-STP', date: '15/01/2026', issuer: 'Sở Tư pháp' });
    expect(ref.date).toBe('2026-01-15');
    expect(await ws.readEvidence(ref.sha256!)).toEqual(new Uint8Array(await readFile(file)));
    await editItemEvidence(ws, { item: '1.1.1' }, '12/KH-STP', { title: 'Kế hoạch CCHC', issuer: '' });
    const e = (await ws.readAssessment('STP'))?.items['1.1.1']?.evidence[0];
    expect(e).toMatchObject({ docNo: '12/KH-STP', title: 'Kế hoạch CCHC' });
    expect(e?.issuer).toBeUndefined();
    await setItemExplanation(ws, { item: '1.2' }, 'Chờ phê duyệt');
    expect((await ws.readAssessment('STP'))?.items['1.2']?.explanation).toBe('Chờ phê duyệt');
    await removeItemEvidence(ws, { item: '1.1.1' }, 1);
    expect((await ws.readAssessment('STP'))?.items['1.1.1']).toBeUndefined();
  });

  it('refuses a file above the package entry limit, an unreadable file and a missing number, storing nothing', async () => {
    const big = join(dir, '..', 'qua-lon.pdf');
    const fd = openSync(big, 'w');
    ftruncateSync(fd, MAX_EVIDENCE_BYTES + 1); // sparse: the size is what is checked, before reading
    closeSync(fd);
    const tooBig = await refusal(() => addItemEvidence(ws, { item: '1.1.1' }, big, { docNo: '1/KH' }));
    expect(tooBig.issues[0]?.code).toBe('entry.evidence_too_large');
    expect(formatIssue('vi', tooBig.issues[0]!)).toContain('tối đa 100 MB');
    expect((await refusal(() => addItemEvidence(ws, { item: '1.1.1' }, join(dir, 'khong-co'), { docNo: '1/KH' }))).issues[0]?.code).toBe('entry.evidence_unreadable');
    const small = join(dir, '..', 'nho.pdf');
    await writeFile(small, 'x');
    expect((await refusal(() => addItemEvidence(ws, { item: '1.1.1' }, small, {}))).issues[0]?.code).toBe('entry.evidence_doc_no');
  });
});

describe('figures and nominations', () => {
  it('checks figures by type: a negative or fractional count, a word for a number, an unknown code', async () => {
    expect((await setFigure(ws, 'KK90', { text: '1.675' }).catch((e: IssueError) => e.issues[0]?.code))).toBe('figure.above_max');
    await setFigure(ws, 'KK90', { text: '120' });
    expect((await ws.readAssessment('STP'))?.indicators.KK90).toBe(120);
    expect((await refusal(() => setFigure(ws, 'KK90', { text: '-3' }))).issues[0]?.code).toBe('figure.not_count');
    expect((await refusal(() => setFigure(ws, 'KK90', 2.5))).issues[0]?.code).toBe('figure.not_count');
    expect((await refusal(() => setFigure(ws, 'KK01', { text: 'nhiều' }))).issues[0]?.code).toBe('figure.not_number');
    expect((await refusal(() => setFigure(ws, 'ZZ', { text: '1' }))).issues[0]?.code).toBe('figure.unknown');
  });

  it('refuses a nomination missing a required column, naming it', async () => {
    await addNomination(ws, { kind: 'collective', id: 'TT1', name: 'Phòng Hành chính tư pháp', achievements: 'Dẫn đầu', proposedAward: 'bk-tap-the' });
    const e = await refusal(() => addNomination(ws, { kind: 'collective', id: 'TT2', achievements: 'Dẫn đầu', proposedAward: 'bk-tap-the' }));
    expect(e.issues.map((i) => i.at?.field)).toEqual(['name']);
    expect(formatIssue('en', e.issues[0]!)).toContain('column “name” is missing');
  });
});
