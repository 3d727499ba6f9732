/**
 * The hostile run: every exchange file kind (campaign file, submission, appraisal file) and every
 * Excel input kind (agency list, criteria template, commendation rules, survey form, self-assessment
 * workbook) mutated at random from a fixed seed — a byte changed, the file cut short, or (for the
 * signed files) the content changed and signed again with the genuine key, as a careless or hostile
 * sender would — and offered to the service that reads it. Each attempt is counted as accepted,
 * refused, crashed (an exception that is not a refusal), hung (no answer within the time limit),
 * state changed (refused, yet the workspace differs) or badly worded (a refusal whose message leaks
 * program text). `npm run test:hostile` runs a long series; the test suite a short one.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import ExcelJS from 'exceljs';
import { exportAppraisal, importAppraisal, setAppraisalStatus, setAppraisedScore } from '../../electron/services/cycle/appraisal.ts';
import { initAgencyWorkspace, openCampaignPackage } from '../../electron/services/cycle/campaign.ts';
import { campaignBinding } from '../../electron/services/cycle/common.ts';
import { importSubmissions } from '../../electron/services/cycle/import.ts';
import { createRng, type Rng } from '../../electron/services/demo/rng.ts';
import { writePackage } from '../../electron/services/packages/container.ts';
import { loadIdentity } from '../../electron/services/packages/keys.ts';
import { exportSelfWorkbook, importSelfWorkbook } from '../../electron/services/self-workbook/index.ts';
import { LOCK_FILE, WorkspaceStore } from '../../electron/services/store/workspace.ts';
import { importSurveyFile, surveyContext } from '../../electron/services/survey/import.ts';
import { readTemplateXlsx, writeTemplateXlsx } from '../../electron/services/template-xlsx/index.ts';
import { readAgencyListXlsx, writeAgencyListForm } from '../../electron/services/xlsx-import/agencies.ts';
import { writeRulesForm } from '../../electron/services/xlsx-import/award-rules.ts';
import { readRulesFile } from '../../electron/services/awards-rules.ts';
import { writeSurveyForm } from '../../electron/services/xlsx-import/survey.ts';
import { formatIssue } from '../../shared/i18n/index.ts';
import { APPRAISAL_PACKAGE_KIND, CAMPAIGN_PACKAGE_KIND, SUBMISSION_KIND } from '../../shared/schema/index.ts';
import { IssueError, type Issue } from '../../shared/util/issue.ts';
import { folderHash } from '../cli/run.ts';
import { ON_TIME, type Province, province, submit } from '../cycle/helpers.ts';
import { unzip } from '../packages/helpers.ts';

export type Verdict = 'accepted' | 'refused' | 'crashed' | 'hung' | 'state_changed' | 'bad_message';
export type Counts = Record<Verdict, number> & { tried: number };
export interface Finding {
  target: string;
  mutation: string;
  verdict: Verdict;
  detail: string;
}

/** What a refusal must never show a clerk: program text. */
const LEAK = /undefined|null is not|TypeError|RangeError|SyntaxError|Cannot read|is not a function|\[object Object\]|at .+\.ts:\d+/;

/** Values a hostile sender puts anywhere. */
const HOSTILE: readonly unknown[] = [
  1e308, -1, -0.5, 2 ** 53 + 1, 0, '', ' ', 'x'.repeat(70_000), 'Tên\u202Egnp.exe', 'a\u0000b', null, true, [], {}, [1, 2], { a: 1 },
  '9999-12-31T23:59:59Z', '1900-01-01', '__proto__', 'constructor', '../../etc/passwd', '=HYPERLINK("http://x")', '99.9', 'NaN', 'có',
];

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Every path to a value inside a JSON document. */
function paths(v: Json, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (at.length > 0) out.push(at);
  if (out.length > 4000) return out;
  if (Array.isArray(v)) v.forEach((x, i) => paths(x, [...at, i], out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) paths(x, [...at, k], out);
  return out;
}

/** The document with one change at a random place: a value replaced, a key removed, a key added (a prototype name too). */
export function mutateJson(doc: Json, rng: Rng): { doc: Json; what: string } {
  const copy = structuredClone(doc);
  const all = paths(copy);
  if (all.length === 0) return { doc: copy, what: 'empty' };
  const path = rng.pick(all);
  let parent: Json = copy;
  for (const k of path.slice(0, -1)) parent = (parent as Record<string | number, Json>)[k]!;
  const key = path[path.length - 1]!;
  const op = rng.int(0, 9);
  const container = parent as Record<string | number, unknown>;
  if (op === 0 && !Array.isArray(parent)) {
    delete container[key];
    return { doc: copy, what: `delete ${path.join('.')}` };
  }
  if (op === 1 && typeof container[key] === 'object' && container[key] !== null && !Array.isArray(container[key])) {
    const name = rng.pick(['__proto__', 'constructor', 'prototype', 'extra', '99.9']);
    Object.defineProperty(container[key], name, { value: rng.pick(HOSTILE), enumerable: true, configurable: true, writable: true });
    return { doc: copy, what: `add key ${name} at ${path.join('.')}` };
  }
  const value = rng.pick(HOSTILE);
  container[key] = structuredClone(value);
  const shown = typeof value === 'string' && value.length > 40 ? `"${value.slice(0, 20)}…" (${value.length})` : JSON.stringify(value);
  return { doc: copy, what: `set ${path.join('.')} = ${shown}` };
}

/** A byte changed, or the file cut short. */
function mutateBytes(bytes: Uint8Array, rng: Rng): { bytes: Uint8Array; what: string } {
  const out = new Uint8Array(bytes);
  if (rng.chance(0.3)) {
    const n = rng.int(0, bytes.length - 1);
    return { bytes: out.slice(0, n), what: `truncate at ${n}` };
  }
  const at = rng.int(0, bytes.length - 1);
  out[at] = (out[at]! ^ (1 << rng.int(0, 7))) & 0xff;
  return { bytes: out, what: `flip a bit of byte ${at}` };
}

/** The payload of a signed file, and its other entries. */
export function contents(bytes: Uint8Array): { path: string; json: Json; files: { path: string; data: Uint8Array }[] } {
  const entries = unzip(bytes);
  const payload = entries.find((e) => !e.name.includes('/') && e.name !== 'manifest.json' && e.name.endsWith('.json'))!;
  return {
    path: payload.name,
    json: JSON.parse(payload.data.toString('utf8')) as Json,
    files: entries.filter((e) => e.name.includes('/')).map((e) => ({ path: e.name, data: new Uint8Array(e.data) })),
  };
}

type Outcome = { ok: true } | { ok: false; issues: readonly Issue[] };
const result = (r: { ok: boolean; error?: readonly Issue[] }): Outcome => (r.ok ? { ok: true } : { ok: false, issues: r.error ?? [] });

/** One kind of input: how to make a genuine one, how to offer it, and where state lives. */
interface Target {
  name: string;
  /** Signed exchange file: content changes are signed again with the genuine key. */
  resign?: (json: Json, files: { path: string; data: Uint8Array }[], path: string) => Promise<Uint8Array>;
  genuine: Uint8Array;
  /** Offers the bytes; `dir` is a fresh copy of the receiving workspace when `workspace` is set. */
  offer: (bytes: Uint8Array, dir: string) => Promise<Outcome>;
  workspace?: string;
}

export interface HostileSetup {
  targets: Target[];
  close(): Promise<void>;
}

/** A province with one department's workspace, and a genuine file of every kind. */
export async function setup(): Promise<HostileSetup> {
  const p: Province = await province(['STP']);
  const tmp = mkdtempSync(join(tmpdir(), 'parscore-hostile-'));
  const ha = p.ha;
  const stp = p.agencies.STP!;
  const haKey = (await loadIdentity(ha.dir))!;
  const stpKey = (await loadIdentity(stp.dir))!;

  const sub = await submit(stp);
  // Home Affairs of the same campaign before it received the submission (the lock is this process's own: not copied).
  const haFresh = join(tmp, 'ha-fresh');
  cpSync(ha.dir, haFresh, { recursive: true, filter: (src) => basename(src) !== LOCK_FILE });
  // Home Affairs holds the submission and an appraisal to send back; snapshots of both workspaces.
  const accepted = await importSubmissions(ha, [{ file: sub.file, bytes: sub.bytes }], { now: ON_TIME });
  if (accepted[0]?.verdict !== 'accepted') throw new Error(`setup: ${JSON.stringify(accepted[0])}`);
  const firstLeaf = p.so.items.find((i) => i.rule)!.code;
  const scored = await setAppraisedScore(ha, 'STP', firstLeaf, 0, { round: 1, comment: 'Chưa có kế hoạch' });
  if (!scored.ok) throw new Error(JSON.stringify(scored.error));
  await setAppraisalStatus(ha, 'STP', 'appraised_1');
  const appraisal = await exportAppraisal(ha, 'STP');
  const selfBook = await exportSelfWorkbook(stp);

  await ha.close();
  await stp.close();
  const haSnap = join(tmp, 'ha');
  const stpSnap = join(tmp, 'stp');
  cpSync(ha.dir, haSnap, { recursive: true });
  cpSync(stp.dir, stpSnap, { recursive: true });

  const withStore = async <T>(dir: string, fn: (ws: WorkspaceStore) => Promise<T>): Promise<T> => {
    const ws = await WorkspaceStore.open(dir);
    try {
      return await fn(ws);
    } finally {
      await ws.close();
    }
  };
  const binding = campaignBinding((await withStore(haSnap, async (ws) => ws.campaign()))!);
  // Re-signed by the genuine sender for the genuine campaign: only the content differs.
  const sign = (kind: string, identity: typeof haKey) => (json: Json, files: { path: string; data: Uint8Array }[], path: string) =>
    writePackage({ kind: kind as typeof SUBMISSION_KIND, payload: { path, json }, files, identity, campaign: binding, createdAt: ON_TIME });

  const template = await writeTemplateXlsx(p.so);
  const list = await writeAgencyListForm('vi', [
    { code: 'S01', name: 'Sở Nội vụ', group: 'department', parent: null },
    { code: 'H01', name: 'UBND huyện Đông Hòa', group: 'district', parent: null },
    { code: 'X001', name: 'UBND xã Hòa Hiệp', group: 'commune', parent: 'H01' },
  ]);
  const campaign = (await withStore(haSnap, async (ws) => ws.campaign()))!;
  const rules = await writeRulesForm('vi', campaign.commendation, campaign.bands);
  const surveyForm = await withStore(haSnap, async (ws) => {
    const c = surveyContext(ws);
    if (!c.ok) throw new Error(JSON.stringify(c.error));
    return fillSurveyScores(await writeSurveyForm('scores', c.value, 'vi'));
  });
  /** Writes bytes where a service reads a file from disk. */
  const onDisk = (dir: string, name: string, bytes: Uint8Array): string => {
    const file = join(dir, '..', `${process.hrtime.bigint()}-${name}`);
    writeFileSync(file, bytes);
    return file;
  };

  const targets: Target[] = [
    {
      name: 'submission (Home Affairs import)',
      genuine: sub.bytes,
      resign: sign(SUBMISSION_KIND, stpKey),
      workspace: haFresh,
      offer: (bytes, dir) => withStore(dir, async (ws) => {
        const [v] = await importSubmissions(ws, [{ file: 'S.parscore', bytes }], { now: ON_TIME });
        return v?.verdict === 'rejected' ? { ok: false, issues: v.reasons } : { ok: true };
      }),
    },
    {
      name: 'appraisal file (agency import)',
      genuine: appraisal,
      resign: sign(APPRAISAL_PACKAGE_KIND, haKey),
      workspace: stpSnap,
      offer: (bytes, dir) => withStore(dir, async (ws) => result(await importAppraisal(ws, bytes, 'TD.parscore'))),
    },
    {
      name: 'campaign file (agency init)',
      genuine: p.campaignFile,
      resign: sign(CAMPAIGN_PACKAGE_KIND, haKey),
      offer: async (bytes, dir) => {
        const opened = await openCampaignPackage(bytes, 'dot.parscore');
        if (!opened.ok) return result(opened);
        const r = await initAgencyWorkspace(join(dir, 'moi'), bytes, 'dot.parscore', { agency: 'STP' });
        if (r.ok) await r.value.close();
        return result(r);
      },
    },
    { name: 'criteria template (.xlsx)', genuine: template, offer: async (bytes) => result(await readTemplateXlsx(Buffer.from(bytes), 'bo-tieu-chi.xlsx')) },
    { name: 'agency list (.xlsx)', genuine: list, offer: async (bytes) => result(await readAgencyListXlsx(Buffer.from(bytes), 'danh-sach.xlsx', { model: 'three-tier' })) },
    {
      name: 'commendation rules (.xlsx)',
      genuine: rules,
      workspace: haSnap,
      offer: (bytes, dir) => withStore(dir, async (ws) => result(await readRulesFile(onDisk(dir, 'quy-dinh.xlsx', bytes), ws.campaign()!))),
    },
    {
      name: 'self-assessment workbook (.xlsx)',
      genuine: selfBook,
      workspace: stpSnap,
      offer: (bytes, dir) => withStore(dir, async (ws) => result(await importSelfWorkbook(ws, Buffer.from(bytes), 'so-tu-danh-gia.xlsx'))),
    },
  ];
  targets.push({
    name: 'survey form (.xlsx)',
    genuine: surveyForm,
    workspace: haSnap,
    offer: (bytes, dir) => withStore(dir, async (ws) => result(await importSurveyFile(ws, onDisk(dir, 'dieu-tra.xlsx', bytes)))),
  });
  return {
    targets,
    async close() {
      await p.close();
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}

/** The blank survey form with a score typed for every item of every agency (an empty form is refused: nothing to import). */
async function fillSurveyScores(form: Uint8Array): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(form) as unknown as ArrayBuffer);
  for (const sheet of wb.worksheets) {
    for (let r = 3; r <= sheet.rowCount; r++) {
      if (!sheet.getCell(r, 2).value) continue;
      for (let c = 4; c <= sheet.columnCount; c++) if (/^\d/.test(String(sheet.getCell(2, c).value ?? ''))) sheet.getCell(r, c).value = 80;
    }
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Cell-level damage to a workbook: values of every hostile kind, a hidden sheet, a formula, a renamed sheet. */
async function mutateWorkbook(bytes: Uint8Array, rng: Rng): Promise<{ bytes: Uint8Array; what: string }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const ws = rng.pick(wb.worksheets);
  const op = rng.int(0, 9);
  if (op === 0) {
    ws.state = 'hidden';
    return { bytes: new Uint8Array(await wb.xlsx.writeBuffer()), what: `hide ${ws.name}` };
  }
  if (op === 1) {
    ws.getCell(rng.int(1, Math.max(3, ws.rowCount)), rng.int(1, 8)).value = { formula: 'SUM(A1:A3)', result: 3 } as ExcelJS.CellFormulaValue;
    return { bytes: new Uint8Array(await wb.xlsx.writeBuffer()), what: `formula on ${ws.name}` };
  }
  if (op === 2) {
    ws.name = `${ws.name.slice(0, 20)} ${rng.int(1, 9)}`;
    return { bytes: new Uint8Array(await wb.xlsx.writeBuffer()), what: `rename ${ws.name}` };
  }
  const r = rng.int(1, Math.max(3, ws.rowCount + 2));
  const c = rng.int(1, Math.max(2, ws.columnCount));
  const v = rng.pick(HOSTILE);
  ws.getCell(r, c).value = typeof v === 'object' && v !== null ? JSON.stringify(v) : (v as string | number | boolean | null);
  return { bytes: new Uint8Array(await wb.xlsx.writeBuffer()), what: `${ws.name}!R${r}C${c} = ${typeof v === 'string' && v.length > 30 ? `${v.slice(0, 12)}…` : JSON.stringify(v)}` };
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T | 'hung'> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([p, new Promise<'hung'>((resolve) => (timer = setTimeout(() => resolve('hung'), ms)))]).finally(() => clearTimeout(timer));
}

/** Runs `attempts` mutations per target from `seed`; returns the counts per target and the findings (everything but accepted/refused). */
export async function run(s: HostileSetup, opts: { seed: number; attempts: number; timeoutMs?: number; onAttempt?: (target: string, n: number) => void }): Promise<{ counts: Record<string, Counts>; findings: Finding[] }> {
  const counts: Record<string, Counts> = {};
  const findings: Finding[] = [];
  const scratch = mkdtempSync(join(tmpdir(), 'parscore-hostile-run-'));
  try {
    for (const [ti, t] of s.targets.entries()) {
      const c: Counts = (counts[t.name] = { tried: 0, accepted: 0, refused: 0, crashed: 0, hung: 0, state_changed: 0, bad_message: 0 });
      const rng = createRng(opts.seed, ti);
      for (let n = 0; n < opts.attempts; n++) {
        opts.onAttempt?.(t.name, n);
        let m: { bytes: Uint8Array; what: string };
        const kind = rng.int(0, 2);
        if (t.resign && kind > 0) {
          const { path, json, files } = contents(t.genuine);
          const changed = mutateJson(json, rng);
          try {
            m = { bytes: await t.resign(changed.doc, files, path), what: `re-signed: ${changed.what}` };
          } catch (e) {
            if (e instanceof IssueError) continue; // the writer itself refuses such content
            throw e;
          }
        } else if (!t.resign && kind > 0) m = await mutateWorkbook(t.genuine, rng);
        else m = mutateBytes(t.genuine, rng);
        c.tried++;
        const dir = join(scratch, `${ti}-${n}`);
        if (t.workspace) cpSync(t.workspace, dir, { recursive: true });
        const before = t.workspace ? folderHash(dir) : '';
        let verdict: Verdict;
        let detail = '';
        try {
          const out = await withTimeout(t.offer(m.bytes, dir), opts.timeoutMs ?? 20_000);
          if (out === 'hung') verdict = 'hung';
          else if (out.ok) verdict = 'accepted';
          else {
            const text = out.issues.map((i) => formatIssue('vi', i)).join('\n');
            if (t.workspace && folderHash(dir) !== before) verdict = 'state_changed';
            else if (out.issues.length === 0 || LEAK.test(text)) {
              verdict = 'bad_message';
              const leak = LEAK.exec(text);
              detail = leak ? text.slice(Math.max(0, leak.index - 200), leak.index + 100) : '(no message)';
            } else verdict = 'refused';
          }
        } catch (e) {
          if (e instanceof IssueError) verdict = t.workspace && folderHash(dir) !== before ? 'state_changed' : 'refused';
          else {
            verdict = 'crashed';
            detail = e instanceof Error ? (e.stack ?? e.message).slice(0, 400) : String(e);
          }
        }
        c[verdict]++;
        if (verdict !== 'accepted' && verdict !== 'refused') findings.push({ target: t.name, mutation: m.what, verdict, detail });
        rmSync(dir, { recursive: true, force: true });
      }
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return { counts, findings };
}
