/** The campaign set-up the window's steps use, on a Home Affairs workspace made empty like the first-run screen does. */
import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CampaignSetupService } from '../../electron/services/campaign-setup/index.ts';
import { openCampaignPackage } from '../../electron/services/cycle/index.ts';
import { defaultFooter } from '../../electron/services/reports/kit/context.ts';
import { WorkspaceStore } from '../../electron/services/store/workspace.ts';
import { writeTemplateXlsx } from '../../electron/services/template-xlsx/index.ts';
import { findBuiltin } from '../../electron/services/templates/builtin.ts';
import { writeAgencyListForm } from '../../electron/services/xlsx-import/agencies.ts';
import type { Agency } from '../../shared/schema/index.ts';
import { IssueError } from '../../shared/util/issue.ts';
import { hashTree } from '../cycle/helpers.ts';

const tmp = mkdtempSync(join(tmpdir(), 'parscore-campaign-setup-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const AGENCIES: Agency[] = [
  { code: 'S01', name: 'Sở Nội vụ', group: 'department', parent: null },
  { code: 'S02', name: 'Sở Tư pháp', group: 'department', parent: null },
  { code: 'X001', name: 'Phường Quang Trung', group: 'commune', parent: null },
];
const BASICS = { year: 2026, title: '', province: 'Minh Sơn', model: 'two-tier' as const };
const SETS = { templates: {}, additional: { department: ['iso-9001'] } };

let n = 0;
/** A file in the test folder (the handler hands the service a path and a name). */
function file(name: string, bytes: Uint8Array): { path: string; file: string } {
  const path = join(tmp, `${++n}-${name}`);
  writeFileSync(path, bytes);
  return { path, file: name };
}

/** The filled agency list with the cells of some rows changed (by code): `{ 'S02': { 3: '', 4: 'bộ' } }` blanks the name and types a wrong group. */
async function listWith(agencies: Agency[], change: Record<string, Record<number, string>> = {}): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await writeAgencyListForm('vi', agencies)) as unknown as ExcelJS.Buffer);
  const sheet = wb.worksheets[0]!;
  sheet.eachRow((row) => {
    const code = String(row.getCell(2).value ?? '');
    for (const [col, v] of Object.entries(change[code] ?? {})) row.getCell(Number(col)).value = v === '' ? null : v;
  });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

let ws: WorkspaceStore;
let setup: CampaignSetupService;
beforeEach(async () => {
  ws = await WorkspaceStore.create(join(tmp, `ha-${++n}`), { name: 'Sở Nội vụ tỉnh Minh Sơn', role: 'home-affairs' });
  setup = new CampaignSetupService({ ws, lang: 'vi' });
});
afterEach(() => ws.close());

async function issuesOf(p: Promise<unknown>): Promise<string[]> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(IssueError);
  return (e as IssueError).issues.map((i) => i.code);
}

describe('the campaign set-up of a Home Affairs workspace made by the first-run screen', () => {
  it('shows every bad row of the agency list with sheet, row and column, stores nothing; the fixed list creates the campaign', async () => {
    const before = await hashTree(ws.dir);
    const bad = file('danh-sach.xlsx', await listWith(AGENCIES, { S02: { 3: '', 4: 'bộ ngành' }, X001: { 2: 'X 001' } }));
    const preview = await setup.readAgencies(bad.path, bad.file, 'two-tier');
    expect(preview.agencies).toEqual([]);
    expect(preview.problems.length).toBeGreaterThanOrEqual(3);
    for (const p of preview.problems) {
      expect(p.sheet).toBe('Danh sách cơ quan');
      expect(p.row).toBeGreaterThan(1);
      expect(p.column).toBeTruthy();
      // In words: no schema path, no code.
      expect(p.message).not.toMatch(/ximport\.|agencies\[/);
    }
    const rows = new Set(preview.problems.map((p) => p.row));
    expect(rows.size).toBeGreaterThanOrEqual(2);
    // Creating with the same file refuses with the same problems; nothing is stored.
    expect((await issuesOf(setup.create(BASICS, bad, SETS))).length).toBe(preview.problems.length);
    expect(await hashTree(ws.dir)).toEqual(before);
    expect(ws.campaign()).toBeNull();

    const good = file('danh-sach.xlsx', await listWith(AGENCIES));
    expect((await setup.readAgencies(good.path, good.file, 'two-tier')).agencies.map((a) => a.code)).toEqual(['S01', 'S02', 'X001']);
    const view = await setup.create(BASICS, good, SETS);
    expect(view.campaign?.title.vi).toBe('Xác định Chỉ số cải cách hành chính năm 2026 tỉnh Minh Sơn');
    expect(view.campaign?.templates).toEqual({ department: { id: 'par-so', version: 1 }, commune: { id: 'par-xa', version: 1 } });
    expect(view.campaign?.additionalTemplates.department).toEqual([{ id: 'iso-9001', version: 1 }]);
    expect(ws.index.agencies.map((a) => [a.code, a.status])).toEqual([
      ['S01', 'not_submitted'],
      ['S02', 'not_submitted'],
      ['X001', 'not_submitted'],
    ]);
    expect(view.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(view.campaign?.homeAffairs?.fingerprint).toBe(view.fingerprint);
    expect(ws.templates().map((x) => x.id).sort()).toEqual(['iso-9001', 'par-so', 'par-xa']);
    // Once made, it is not made twice.
    expect(await issuesOf(setup.create(BASICS, good, SETS))).toEqual(['campaignui.err.exists']);
  });

  it("imports the province's own criteria workbook: errors by sheet, row and column store nothing; the fixed one is stored, chosen, viewable and exported back", async () => {
    const good = file('danh-sach.xlsx', await listWith(AGENCIES));
    await setup.create(BASICS, good, { templates: {}, additional: {} });
    const own = { ...findBuiltin('par-so')!, id: 'par-so-minh-son', version: 2 };
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await writeTemplateXlsx(own)) as unknown as ExcelJS.Buffer);
    const items = wb.worksheets[1]!;
    // The first item's maximum becomes a word, the second's code is emptied.
    items.getRow(2).getCell(findColumn(items, /điểm tối đa/i)).value = 'mười';
    items.getRow(3).getCell(findColumn(items, /^mã/i)).value = null;
    const badFile = file('bo-tieu-chi.xlsx', new Uint8Array(await wb.xlsx.writeBuffer()));
    const before = await hashTree(ws.dir);
    const bad = await setup.importTemplate(badFile.path, badFile.file);
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.problems.length).toBeGreaterThanOrEqual(2);
    for (const p of bad.problems) {
      expect(p.sheet).toBeTruthy();
      expect(p.row).toBeGreaterThan(1);
      expect(p.column).toBeTruthy();
    }
    expect(await hashTree(ws.dir)).toEqual(before);

    const fixed = file('bo-tieu-chi.xlsx', new Uint8Array(await writeTemplateXlsx(own)));
    const ok = await setup.importTemplate(fixed.path, fixed.file);
    expect(ok).toMatchObject({ ok: true, option: { ref: 'par-so-minh-son@2', builtin: false } });
    expect(setup.options().some((o) => o.ref === 'par-so-minh-son@2')).toBe(true);
    const view = await setup.setTemplates({ templates: { department: 'par-so-minh-son@2' }, additional: {} });
    expect(view.campaign?.templates.department).toEqual({ id: 'par-so-minh-son', version: 2 });
    const tree = setup.tree('par-so-minh-son@2');
    expect(tree.length).toBeGreaterThan(0);
    expect(tree[0]!.children.length).toBeGreaterThan(0);
    const back = await setup.templateWorkbook('par-so-minh-son@2');
    expect(back.fileName).toBe('par-so-minh-son@2.xlsx');
    const again = file('lai.xlsx', back.bytes);
    // What is exported reads back as the same set.
    expect(await setup.importTemplate(again.path, again.file)).toMatchObject({ ok: true });
    // A set for another group is refused at its group.
    expect(await issuesOf(setup.setTemplates({ templates: { commune: 'par-so-minh-son@2' }, additional: {} }))).toContain('campaignui.err.template_group');
  });

  it('saves deadlines, rules and issuer step by step; the exported file verifies and says when the campaign changed since', async () => {
    await setup.create(BASICS, file('danh-sach.xlsx', await listWith(AGENCIES)), SETS);
    await setup.setDeadlines({ selfAssessment: '2026-12-15', appraisal1: '2027-01-15' });
    const c = ws.campaign()!;
    await expect(setup.setRules({ bands: [{ ...c.bands[0]!, minIndex: 50 }, { ...c.bands[1]!, minIndex: 60 }], tieBreaks: c.tieBreaks, late: c.late, surveyScale: c.surveyScale })).rejects.toThrow(IssueError);
    await setup.setRules({ bands: c.bands.slice(0, 3), tieBreaks: [{ by: 'SURVEY_SCORE' }], late: { mode: 'penalty', penaltyPoints: 2 }, surveyScale: { A: 100, B: 50, C: 0 } });
    // Without recipients the reports print the usual ones; with them, these.
    await setup.setIssuer({ parentBody: 'UBND TỈNH MINH SƠN', body: 'SỞ NỘI VỤ', place: 'Minh Sơn', signerTitle: 'GIÁM ĐỐC', signerName: 'Trần Thị Thu Hà' });
    expect(defaultFooter(ws.campaign()!, 'vi').recipients).toContain('Lưu: VT, CCHC');
    await setup.setIssuer({ parentBody: 'UBND TỈNH MINH SƠN', body: 'SỞ NỘI VỤ', place: 'Minh Sơn', signerTitle: 'GIÁM ĐỐC', signerName: 'Trần Thị Thu Hà', recipients: ['Bộ Nội vụ', 'UBND tỉnh', 'Lưu: VT'] });
    expect(defaultFooter(ws.campaign()!, 'vi').recipients).toEqual(['Bộ Nội vụ', 'UBND tỉnh', 'Lưu: VT']);
    expect((await setup.view()).exported).toBeNull();

    const out = await setup.exportFile();
    const opened = await openCampaignPackage(out.bytes, out.fileName);
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    expect(opened.value.campaign.deadlines).toEqual({ selfAssessment: '2026-12-15', appraisal1: '2027-01-15' });
    expect(opened.value.campaign.late).toEqual({ mode: 'penalty', penaltyPoints: 2 });
    expect(opened.value.campaign.bands.map((b) => b.code)).toEqual(['A', 'B', 'C']);
    expect(opened.value.campaign.issuer.signerName).toBe('Trần Thị Thu Hà');
    expect(opened.value.campaign.issuer.recipients).toEqual(['Bộ Nội vụ', 'UBND tỉnh', 'Lưu: VT']);
    expect(opened.value.campaign.schemaVersion).toBe(5);
    expect(opened.value.signer.fingerprint).toBe(out.fingerprint);
    expect(opened.value.templates.map((x) => x.id).sort()).toEqual(['iso-9001', 'par-so', 'par-xa']);
    expect((await setup.view()).exported).toMatchObject({ changedSince: false });
    await setup.setDeadlines({ selfAssessment: '2026-12-20' });
    expect((await setup.view()).exported).toMatchObject({ changedSince: true });
  });

  it('refuses changes that would break received submissions, with the reason, and changes nothing', async () => {
    await setup.create(BASICS, file('danh-sach.xlsx', await listWith(AGENCIES)), SETS);
    const submission = { revision: 1, round: 1 as const, receivedAt: '2026-12-01T08:00:00.000Z', late: false, fileSha256: 'a'.repeat(64) };
    await ws.updateIndex((d) => ({ ...d, agencies: d.agencies.map((a) => (a.code === 'S02' ? { ...a, status: 'submitted' as const, submission } : a)) }));
    const before = await hashTree(ws.dir);
    const without = file('bot.xlsx', await listWith(AGENCIES.filter((a) => a.code !== 'S02')));
    expect(await issuesOf(setup.setAgencies(without.path, without.file))).toEqual(['campaignui.err.agency_submitted_removed']);
    expect(await issuesOf(setup.setTemplates({ templates: {}, additional: {} }))).toEqual(['campaignui.err.templates_after_submissions']);
    expect(await issuesOf(setup.setBasics({ ...BASICS, year: 2027 }))).toEqual(['campaignui.err.basics_after_submissions']);
    expect(await hashTree(ws.dir)).toEqual(before);
    // Adding an agency keeps the one that submitted where it stands.
    const more = file('them.xlsx', await listWith([...AGENCIES, { code: 'X002', name: 'Xã Hòa Bình', group: 'commune', parent: null }]));
    const view = await setup.setAgencies(more.path, more.file);
    expect(view.campaign?.agencies.map((a) => a.code)).toEqual(['S01', 'S02', 'X001', 'X002']);
    expect(ws.index.agencies.find((a) => a.code === 'S02')).toMatchObject({ status: 'submitted', submission });
    expect(view.submitted).toBe(1);
  });
});

/** The 1-based column whose header (row 1) matches. */
function findColumn(sheet: ExcelJS.Worksheet, header: RegExp): number {
  let found = 0;
  sheet.getRow(1).eachCell((cell, col) => {
    if (!found && header.test(String(cell.value ?? ''))) found = col;
  });
  if (!found) throw new Error(`no column ${header}`);
  return found;
}
