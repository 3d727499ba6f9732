import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppContext, dispatch } from '../../electron/main/handlers/index.ts';
import { AppService } from '../../electron/services/app-service.ts';
import { writeDemoCycle } from '../../electron/services/demo/cycle.ts';
import { generateIdentity } from '../../electron/services/packages/keys.ts';
import { SettingsStore } from '../../electron/services/settings.ts';
import { WorkspaceStore } from '../../electron/services/store/workspace.ts';
import type { InboxResult, JobProgress } from '../../shared/ipc/index.ts';
import { folderHash } from '../cli/run.ts';
import { contentsOf, signedSubmission } from '../cycle/helpers.ts';

/**
 * Issue 14 point 2: the inbox's channels through the real dispatch (contract validation, handler,
 * service, importSubmissions, files): the three ways files come in, every verdict, the received
 * date, a changed key accepted explicitly, and a cancel that leaves each file whole or untouched.
 */
const root = mkdtempSync(join(tmpdir(), 'parscore-inbox-'));
const out = join(root, 'out');
const haDir = join(root, 'snv');
let ha: WorkspaceStore;
let ctx: AppContext;
let desktop: AppContext;
const events: JobProgress[] = [];
let onEvent: (p: JobProgress) => void = () => {};

const files = () => readdirSync(out).filter((f) => f.endsWith('.parscore')).sort();
const b64 = (path: string) => readFileSync(path).toString('base64');

async function ok<T>(channel: string, input: unknown, c = ctx): Promise<T> {
  const r = await dispatch(channel, input, c);
  if (!r.ok) throw new Error(r.error.message);
  return r.value as T;
}

async function refused(channel: string, input: unknown, c = ctx): Promise<{ code: string; messages: string[] }> {
  const before = folderHash(haDir);
  const r = await dispatch(channel, input, c);
  expect(folderHash(haDir), `${channel} wrote something`).toBe(before);
  if (r.ok) throw new Error(`${channel} was accepted`);
  return { code: r.error.code, messages: r.error.issues ?? [r.error.message] };
}

const stored = (code: string) => ha.index.agencies.find((a) => a.code === code)!;
const receivedFiles = () => (existsSync(join(haDir, 'received')) ? readdirSync(join(haDir, 'received')) : []);

beforeAll(async () => {
  await writeDemoCycle(haDir, out, { agencies: 12, seed: 7, year: 2025 });
  ha = await WorkspaceStore.open(haDir);
  const settings = await SettingsStore.open(join(root, 'user-data'));
  const emit = ((_e: string, p: JobProgress) => (events.push(p), onEvent(p))) as AppContext['emit'];
  ctx = { service: new AppService(ha, 'vi'), settings, version: '0.0.0', mode: 'browser', emit };
  desktop = { ...ctx, mode: 'electron' };
}, 120_000);
afterAll(async () => {
  await ha.close();
  rmSync(root, { recursive: true, force: true });
});

describe('inbox:* through the real dispatch', () => {
  it('imports files from a folder (only the ones named), with progress events naming the file and the rate', async () => {
    const [a, b] = files();
    events.length = 0;
    const r = await ok<InboxResult>('inbox:import', { jobId: 'j1', source: { folder: out, only: [a, b] } });
    expect(r.verdicts.map((v) => [v.file, v.verdict, v.revision, v.late])).toEqual([
      [a, 'accepted', 1, true],
      [b, 'accepted', 1, true],
    ]);
    expect(r.counts).toMatchObject({ accepted: 2, rejected: 0, cancelled: 0 });
    expect(r.cancelled).toBe(false);
    expect(stored(r.verdicts[0]!.agency!).status).toBe('submitted');
    const mine = events.filter((e) => e.jobId === 'j1');
    expect(mine[0]).toMatchObject({ phase: 'inbox.job.import', done: 0, total: 2 });
    expect(mine.at(-1)).toMatchObject({ done: 2, total: 2, current: b });
    expect(mine.every((e) => typeof e.rate === 'number')).toBe(true);
  });

  it('takes the bytes staged by the browser mode; a tampered file is rejected with its reasons and stores nothing; the same file again is a duplicate', async () => {
    const [a, , c] = files();
    const tampered = readFileSync(join(out, c!));
    const k = Math.floor(tampered.length / 2);
    tampered[k] = tampered[k]! ^ 0xff;
    const staged = await ok<{ batch: string; staged: number }>('inbox:stage', {
      files: [
        { name: a, bytesBase64: b64(join(out, a!)) },
        { name: `sua-${c}`, bytesBase64: tampered.toString('base64') },
      ],
    });
    expect(staged.staged).toBe(2);
    const before = folderHash(haDir);
    const r = await ok<InboxResult>('inbox:import', { jobId: 'j2', source: { batch: staged.batch } });
    expect(r.verdicts.map((v) => v.verdict)).toEqual(['duplicate', 'rejected']);
    expect(r.verdicts[0]!.reasons[0]).toContain('đã được nhận trước đó');
    const bad = r.verdicts[1]!;
    expect(bad.reasons.length).toBeGreaterThan(0);
    expect(bad.reasons.join('\n')).toMatch(/chữ ký|bị sửa/i);
    expect(bad.ref).toEqual({ kind: 'batch', index: 1 });
    // Neither the duplicate nor the refused file changed anything.
    expect(folderHash(haDir)).toBe(before);
    // A batch is taken once.
    expect((await refused('inbox:import', { jobId: 'j3', source: { batch: staged.batch } })).messages[0]).toContain('kéo thả lại');
    // A batch dropped by the window (inbox:discard) is gone too; a chunk added to an unknown batch is refused.
    const other = await ok<{ batch: string }>('inbox:stage', { files: [{ name: a, bytesBase64: b64(join(out, a!)) }] });
    expect(await ok('inbox:discard', { batch: other.batch })).toEqual({ discarded: true });
    expect(await ok('inbox:discard', { batch: other.batch })).toEqual({ discarded: false });
    expect((await refused('inbox:import', { jobId: 'j3', source: { batch: other.batch } })).messages[0]).toContain('kéo thả lại');
    expect((await refused('inbox:stage', { batch: other.batch, files: [{ name: a, bytesBase64: b64(join(out, a!)) }] })).messages[0]).toContain('kéo thả lại');
    // A file name with a folder in it is refused by the contract, in words.
    expect((await refused('inbox:stage', { files: [{ name: '../x.parscore', bytesBase64: 'AA==' }] })).code).toBe('IPC_VALIDATION');
  });

  it('refuses a received date after today or malformed, before reading anything; dates the batch and judges lateness on it (the 2025 campaign is past its deadline: undated files are late)', async () => {
    const [, , c] = files();
    const future = await refused('inbox:import', { jobId: 'j4', source: { folder: out, only: [c] }, receivedAt: '2999-01-01' });
    expect(future.messages[0]).toContain('chưa đến');
    expect((await refused('inbox:import', { jobId: 'j4', source: { folder: out, only: [c] }, receivedAt: '01/12/2026' })).messages[0]).toContain('yyyy-mm-dd');
    const deadline = ha.campaign()!.deadlines.selfAssessment!;
    const r = await ok<InboxResult>('inbox:import', { jobId: 'j4', source: { folder: out, only: [c] }, receivedAt: deadline });
    expect(r.verdicts[0]).toMatchObject({ verdict: 'accepted', late: false });
    expect(r.receivedAt).toBe(deadline);
    expect(stored(r.verdicts[0]!.agency!).submission!.receivedAt.slice(0, 10) <= deadline).toBe(true);
  });

  it('refuses file paths from the browser mode, a relative or missing folder, a folder without submissions — nothing changes', async () => {
    const empty = mkdtempSync(join(root, 'trong-'));
    writeFileSync(join(empty, 'ghi-chu.txt'), 'không phải hồ sơ');
    expect((await refused('inbox:import', { jobId: 'j5', source: { paths: [join(out, files()[3]!)] } })).messages[0]).toContain('không nhận đường dẫn');
    expect((await refused('inbox:import', { jobId: 'j5', source: { folder: 'ho-so' } })).messages[0]).toContain('đường dẫn đầy đủ');
    expect((await refused('inbox:import', { jobId: 'j5', source: { folder: join(root, 'khong-co') } })).messages[0]).toContain('Không có thư mục');
    expect((await refused('inbox:import', { jobId: 'j5', source: { folder: empty } })).messages[0]).toContain('không có tệp hồ sơ');
    // The contract: a malformed batch id or fingerprint is refused in words.
    expect((await refused('inbox:import', { jobId: 'j5', source: { batch: '../x' } })).code).toBe('IPC_VALIDATION');
  });

  it('a file signed with a changed key is refused with both fingerprints; accepted explicitly, it replaces the revision and the decision is audited', async () => {
    const [a] = files();
    const agency = a!.split('-')[0]!;
    const { submission, files: parts, campaign } = contentsOf(readFileSync(join(out, a!)));
    const next = { ...submission, revision: 2, assessment: { ...submission.assessment, revision: 2 } };
    const newKey = generateIdentity('Máy mới');
    const path = join(root, `${agency}-r2-khoa-moi.parscore`);
    writeFileSync(path, await signedSubmission(newKey, next, parts, campaign));
    const oldKey = stored(agency).pinnedKey!.fingerprint;

    const before = folderHash(haDir);
    const r = await ok<InboxResult>('inbox:import', { jobId: 'j6', source: { paths: [path] } }, desktop);
    expect(folderHash(haDir)).toBe(before);
    const row = r.verdicts[0]!;
    expect(row.verdict).toBe('rejected');
    expect(row.reasons[0]).toContain('Khóa ký đã thay đổi');
    expect(row.keyChange).toEqual({ agency, from: oldKey, to: newKey.fingerprint });

    // Accepted for another agency: still refused.
    const other = await ok<InboxResult>('inbox:import', { jobId: 'j6', source: { paths: [path] }, acceptKeys: [{ agency: 'S99', fingerprint: newKey.fingerprint }] }, desktop);
    expect(other.verdicts[0]!.verdict).toBe('rejected');
    expect(folderHash(haDir)).toBe(before);

    const again = await ok<InboxResult>('inbox:import', { jobId: 'j6', source: { paths: [row.ref.kind === 'path' ? row.ref.path : ''] }, acceptKeys: [{ agency, fingerprint: row.keyChange!.to }] }, desktop);
    expect(again.verdicts[0]).toMatchObject({ verdict: 'replaced', revision: 2, previousRevision: 1, keyAccepted: { from: oldKey, to: newKey.fingerprint } });
    expect(stored(agency).pinnedKey!.fingerprint).toBe(newKey.fingerprint);
    const audit = readFileSync(join(haDir, 'audit.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { field: string; agency: string; old: unknown; new: unknown });
    expect(audit.some((e) => e.field === 'key' && e.agency === agency && e.old === oldKey && e.new === newKey.fingerprint)).toBe(true);
  });

  it('cancel: stops before the next file; each file is stored whole or not at all, and the verdicts say which', async () => {
    const rest = files().slice(3);
    expect(rest.length).toBeGreaterThanOrEqual(5);
    const staged = await ok<{ batch: string }>('inbox:stage', { files: rest.map((name) => ({ name, bytesBase64: b64(join(out, name)) })) });
    const before = new Map(rest.map((f) => [f, stored(f.split('-')[0]!).status]));
    expect([...before.values()].every((s) => s === 'not_submitted')).toBe(true);
    let cancelled: Promise<unknown> | null = null;
    // The user presses Stop as soon as the first file is reported.
    onEvent = (p) => {
      if (p.jobId === 'j7' && p.done >= 1 && !cancelled) cancelled = dispatch('inbox:cancel', { jobId: 'j7' }, ctx);
    };
    const r = await ok<InboxResult>('inbox:import', { jobId: 'j7', source: { batch: staged.batch } });
    onEvent = () => {};
    expect(await cancelled).toEqual({ ok: true, value: { cancelled: true } });
    expect(r.cancelled).toBe(true);
    expect(r.counts.cancelled).toBeGreaterThan(0);
    expect(r.counts.accepted).toBeGreaterThan(0);
    const held = receivedFiles();
    for (const v of r.verdicts) {
      const code = v.file.split('-')[0]!;
      if (v.verdict === 'accepted') {
        expect(stored(code).status, v.file).toBe('submitted');
        expect(held, v.file).toContain(`${code}-r1.parscore`);
        expect(existsSync(join(haDir, 'assessments', `${code}.json`)), v.file).toBe(true);
      } else {
        expect(v.verdict).toBe('cancelled');
        expect(stored(code).status, v.file).toBe('not_submitted');
        expect(stored(code).submission ?? null, v.file).toBeNull();
        expect(held.some((f) => f.startsWith(`${code}-r`)), v.file).toBe(false);
      }
    }
    // Done files come first, in order: the table's "done" are exactly the first ones.
    const firstCancelled = r.verdicts.findIndex((v) => v.verdict === 'cancelled');
    expect(r.verdicts.slice(firstCancelled).every((v) => v.verdict === 'cancelled')).toBe(true);
    // Nothing runs any more under that id.
    expect(await ok('inbox:cancel', { jobId: 'j7' })).toEqual({ cancelled: false });
    // The cancelled files import afterwards as if never tried.
    const later = r.verdicts.filter((v) => v.verdict === 'cancelled').map((v) => v.file);
    const again = await ok<InboxResult>('inbox:import', { jobId: 'j8', source: { folder: out, only: later } });
    expect(again.verdicts.every((v) => v.verdict === 'accepted')).toBe(true);
  });
});
