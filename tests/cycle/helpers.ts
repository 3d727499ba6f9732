/**
 * A province for the cycle tests, on real temp folders: Home Affairs' workspace with a campaign
 * built on the real built-in templates (par-so for departments, par-xa for communes) and its own
 * key, the campaign file, agency workspaces created from it (each with its own key), assessments
 * filled through the scoring engine, evidence files and nominations.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { exportCampaignPackage, initAgencyWorkspace } from '../../electron/services/cycle/campaign.ts';
import { setupHomeAffairs } from '../../electron/services/cycle/identity.ts';
import { importSubmissions, type ImportVerdict } from '../../electron/services/cycle/import.ts';
import { addEvidence, exportSubmission, setNominations } from '../../electron/services/cycle/submission.ts';
import { writePackage } from '../../electron/services/packages/container.ts';
import { type Identity, loadIdentity } from '../../electron/services/packages/keys.ts';
import { WorkspaceStore } from '../../electron/services/store/workspace.ts';
import {
  type Assessment,
  type Campaign,
  type ItemInput,
  type Nomination,
  SUBMISSION_KIND,
  type Submission,
  type Template,
  type CampaignBinding,
  type Manifest,
} from '../../shared/schema/index.ts';
import { setItemInput } from '../../shared/scoring/assessment.ts';
import { compileTemplate } from '../../shared/template/compile.ts';
import { parseTemplate } from '../../shared/template/parse.ts';
import type { Issue } from '../../shared/util/issue.ts';
import { TempDirs } from '../store/helpers.ts';
import { unzip } from '../packages/helpers.ts';

export { TempDirs };

const BUILTIN = join(import.meta.dirname, '..', '..', 'templates', 'criteria');

export async function builtinTemplate(name: 'par-so-2026' | 'par-xa-2026' | 'par-huyen-legacy' | 'iso-9001-2008'): Promise<Template> {
  const r = parseTemplate(JSON.parse(await readFile(join(BUILTIN, `${name}.json`), 'utf8')) as unknown, `${name}.json`);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

/** Before the self-assessment deadline (2026-01-15, Vietnam time). */
export const ON_TIME = '2026-01-10T09:00:00+07:00';
/** Still on time: 23:30 on the deadline day in Vietnam (16:30 UTC). */
export const LAST_MINUTE = '2026-01-15T16:30:00Z';
/** 00:30 the day after the deadline in Vietnam (17:30 UTC on the deadline day). */
export const JUST_LATE = '2026-01-15T17:30:00Z';

export function campaignFor(so: Template, xa: Template): Campaign {
  return {
    kind: 'parscore.campaign',
    schemaVersion: 5,
    uid: '5d0c7a52-3e8f-4b6a-9f21-7c4e1d2b3a90',
    additionalTemplates: {}, exemptions: [], headlines: [],
    id: 'cchc-2025',
    title: { vi: 'Xác định Chỉ số cải cách hành chính năm 2025 của các sở, ban, ngành và UBND cấp xã tỉnh Minh Sơn' },
    year: 2025,
    model: 'two-tier',
    templates: { department: { id: so.id, version: so.version }, commune: { id: xa.id, version: xa.version } },
    agencies: [
      { code: 'STP', name: 'Sở Tư pháp', group: 'department', parent: null },
      { code: 'STC', name: 'Sở Tài chính', group: 'department', parent: null },
      { code: 'XA-DONG-HOA', name: 'UBND xã Đông Hòa', group: 'commune', parent: null },
    ],
    deadlines: { selfAssessment: '2026-01-15', explanation: '2026-02-10', appraisal1: '2026-02-01', appraisal2: '2026-02-25' },
    bands: [
      { code: 'A', label: { vi: 'Tốt' }, minIndex: 80 },
      { code: 'B', label: { vi: 'Khá' }, minIndex: 65 },
      { code: 'C', label: { vi: 'Trung bình' }, minIndex: 0 },
    ],
    tieBreaks: [],
    issuer: { parentBody: 'UBND TỈNH MINH SƠN', body: 'SỞ NỘI VỤ', place: 'Minh Sơn', signerTitle: 'GIÁM ĐỐC', signerName: 'Nguyễn Thị Thanh Hương' },
    communeAppraiser: 'province',
    late: { mode: 'not_ranked', penaltyPoints: 0 },
    surveyScale: { A: 100, B: 60, C: 20, D: 0 },
    commendation: { collectives: [], individuals: [] },
    isoIndicators: null,
    homeAffairs: null,
  };
}

/** A valid input for a leaf, by rule type (what a focal officer would type). */
export function inputFor(t: Template, code: string): ItemInput | null {
  const item = t.items.find((i) => i.code === code);
  const rule = item?.rule;
  if (!item || !rule || item.survey) return null;
  switch (rule.type) {
    case 'BINARY':
      return { kind: 'binary', value: 'yes' };
    case 'PERCENT_BANDS':
      return { kind: 'percent', value: 92 };
    case 'RATIO':
      return { kind: 'ratio', numerator: 9, denominator: 10 };
    case 'COUNT_DEDUCT':
      return { kind: 'count', value: 1 };
    case 'MANUAL':
      return { kind: 'manual', value: item.max / 2 };
    case 'FORMULA':
      return { kind: 'variables', values: Object.fromEntries(rule.variables.map((v) => [v.name, v.max ?? 1])) };
    default:
      return null;
  }
}

/** Every non-survey leaf answered through the scoring engine (setItemInput), with a note on some. */
export function filledAssessment(t: Template, agency: string, campaign: string): Assessment {
  const ct = compileTemplate(t);
  let a: Assessment = {
    kind: 'parscore.assessment',
    schemaVersion: 2,
    additional: {},
    agency,
    campaign,
    template: { id: t.id, version: t.version },
    revision: 0,
    items: {},
    indicators: {},
    bonus: {},
    penalty: {},
    updatedAt: ON_TIME,
  };
  for (const node of ct.nodes) {
    if (!node.leaf) continue;
    const input = inputFor(t, node.code);
    if (!input) continue;
    const r = setItemInput(ct, a, node.code, input);
    if (!r.ok) throw new Error(`${node.code}: ${JSON.stringify(r.error)}`);
    a = r.value.assessment;
  }
  return a;
}

export function nominationsFor(agency: string): Nomination[] {
  return [
    {
      kind: 'collective',
      id: `${agency}-TT1`,
      name: `Văn phòng ${agency}`,
      achievements: 'Hoàn thành xuất sắc nhiệm vụ cải cách hành chính; 100% hồ sơ giải quyết đúng hạn.',
      proposedAward: 'bk-tap-the',
    },
    {
      kind: 'individual',
      id: `${agency}-CN1`,
      fullName: 'Nguyễn Thị Lan Anh',
      gender: 'female',
      birthYear: 1986,
      position: 'Chánh Văn phòng',
      unit: 'Văn phòng',
      ratingThisYear: 'excellent',
      ratingLastYear: 'good',
      achievements: 'Chủ trì rà soát, đơn giản hóa 12 thủ tục hành chính.',
      discipline: null,
      initiatives: 1,
      proposedAward: 'bk-ca-nhan',
    },
  ];
}

export interface Province {
  temp: TempDirs;
  root: string;
  so: Template;
  xa: Template;
  ha: WorkspaceStore;
  campaignFile: Uint8Array;
  agencies: Record<string, WorkspaceStore>;
  open: WorkspaceStore[];
  close(): Promise<void>;
}

/** Home Affairs set up, the campaign file out, and agency workspaces for `agencies`, each filled in (assessment, evidence, nominations). */
/**
 * `uid`: another campaign uid (another province running a campaign of the same id, year and title);
 * every province made without one shares the same uid, each with its own Home Affairs key.
 */
export async function province(agencies: string[] = ['STP', 'XA-DONG-HOA'], opts: { so?: Template; iso?: Template; exemptions?: Campaign['exemptions']; uid?: string } = {}): Promise<Province> {
  const temp = new TempDirs();
  const root = await temp.make('parscore-cycle-');
  const so = opts.so ?? (await builtinTemplate('par-so-2026'));
  const xa = await builtinTemplate('par-xa-2026');
  const campaign = campaignFor(so, xa);
  // With `iso`: departments assess themselves against the ISO 9001 checklist beside the PAR index.
  if (opts.iso) campaign.additionalTemplates = { department: [{ id: opts.iso.id, version: opts.iso.version }] };
  if (opts.exemptions) campaign.exemptions = opts.exemptions;
  if (opts.uid) campaign.uid = opts.uid;
  const ha = await WorkspaceStore.create(join(root, 'Sở Nội vụ'), {
    name: 'Sở Nội vụ tỉnh Minh Sơn — CCHC 2025',
    role: 'home-affairs',
    campaign,
    templates: opts.iso ? [so, xa, opts.iso] : [so, xa],
  });
  const open: WorkspaceStore[] = [ha];
  const id = await setupHomeAffairs(ha, { name: 'Sở Nội vụ tỉnh Minh Sơn' });
  if (!id.ok) throw new Error(JSON.stringify(id.error));
  const campaignFile = await exportCampaignPackage(ha, { now: '2025-12-01T08:00:00+07:00' });
  const out: Province = {
    temp,
    root,
    so,
    xa,
    ha,
    campaignFile,
    agencies: {},
    open,
    async close() {
      for (const ws of open.splice(0)) await ws.close();
      await temp.cleanup();
    },
  };
  for (const code of agencies) out.agencies[code] = await agencyWorkspace(out, code);
  return out;
}

export async function agencyWorkspace(p: Province, code: string): Promise<WorkspaceStore> {
  const r = await initAgencyWorkspace(join(p.root, `agency-${code}`), p.campaignFile, 'cchc-2025.parscore', { agency: code });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  const ws = r.value;
  p.open.push(ws);
  const t = code.startsWith('XA') ? p.xa : p.so;
  const a = filledAssessment(t, code, 'cchc-2025');
  // Two evidence files on real disk, attached to the first two leaves.
  const srcDir = join(p.root, `docs-${code}`);
  await mkdir(srcDir, { recursive: true });
  const leaves = Object.keys(a.items).slice(0, 2);
  for (const [i, item] of leaves.entries()) {
    const file = join(srcDir, `${item}-ke-hoach-${i + 1}.pdf`);
    await writeFile(file, Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from(`${code} ${item} Kế hoạch cải cách hành chính năm 2025\n`), Buffer.alloc(2048 + i * 13, i + 1)]));
    const ref = await addEvidence(ws, file, { docNo: `${10 + i}/KH-${code}`, date: '2025-01-10', issuer: code, title: 'Kế hoạch cải cách hành chính năm 2025' });
    a.items[item] = { ...a.items[item]!, evidence: [ref] };
  }
  await ws.writeAssessment(a);
  await setNominations(ws, nominationsFor(code), { now: ON_TIME });
  return ws;
}

export const SIGNER = { name: 'Trần Văn Minh', position: 'Phó Giám đốc' };

export async function submit(ws: WorkspaceStore, now = ON_TIME): Promise<{ bytes: Uint8Array; revision: number; file: string }> {
  const s = await exportSubmission(ws, { signer: SIGNER, now });
  return { bytes: s.bytes, revision: s.revision, file: s.fileName };
}

export async function identityOf(ws: WorkspaceStore): Promise<Identity> {
  const id = await loadIdentity(ws.dir);
  if (!id) throw new Error('no identity');
  return id;
}

/** The submission document and files inside a package (for crafting variants). */
export function contentsOf(bytes: Uint8Array): { submission: Submission; files: { path: string; data: Uint8Array }[]; campaign: CampaignBinding } {
  const entries = unzip(bytes);
  const payload = entries.find((e) => e.name === 'submission.json');
  const manifest = entries.find((e) => e.name === 'manifest.json');
  if (!payload || !manifest) throw new Error('no submission.json');
  return {
    campaign: (JSON.parse(manifest.data.toString('utf8')) as Manifest).campaign,
    submission: JSON.parse(payload.data.toString('utf8')) as Submission,
    files: entries.filter((e) => e.name.includes('/')).map((e) => ({ path: e.name, data: new Uint8Array(e.data) })),
  };
}

/** A validly signed submission package with any content, for the campaign `campaign` (see contentsOf). */
export function signedSubmission(identity: Identity, submission: unknown, files: { path: string; data: Uint8Array }[], campaign: CampaignBinding): Promise<Uint8Array> {
  return writePackage({ kind: SUBMISSION_KIND, payload: { path: 'submission.json', json: submission }, files, identity, campaign, createdAt: ON_TIME });
}

/** Path → SHA-256 of every file under `dir` (to prove that nothing changed). */
export async function hashTree(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = async (d: string, prefix: string): Promise<void> => {
    for (const e of (await readdir(d, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
      const rel = prefix ? `${prefix}/${e.name}` : e.name;
      if (e.isDirectory()) {
        out[`${rel}/`] = 'dir';
        await walk(join(d, e.name), rel);
      } else out[rel] = createHash('sha256').update(await readFile(join(d, e.name))).digest('hex');
    }
  };
  await walk(dir, '');
  return out;
}

export async function importOne(ha: WorkspaceStore, file: string, bytes: Uint8Array, now = ON_TIME): Promise<ImportVerdict> {
  const [v] = await importSubmissions(ha, [{ file, bytes }], { now });
  if (!v) throw new Error('no verdict');
  return v;
}

export function codes(issues: readonly Issue[]): string[] {
  return issues.map((i) => i.code);
}

export function expectOk<T>(r: { ok: true; value: T } | { ok: false; error: Issue[] }): T {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.error, null, 1)}`);
  return r.value;
}
