import { createHash } from 'node:crypto';
import { appendFile, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { NOMINATIONS_KIND, type Nominations } from '../../electron/services/store/cycle-docs.ts';
import { sha256Hex } from '../../electron/services/store/evidence.ts';
import { JOURNAL_FILE } from '../../electron/services/store/journal.ts';
import { WorkspaceStore } from '../../electron/services/store/workspace.ts';
import type { Appraisal, AuditEntry, SurveyResults } from '../../shared/schema/index.ts';
import { bigAssessment, issuesOf, sampleCampaign, sampleTemplate } from '../store/helpers.ts';
import { TempDirs, hashTree, nominationsFor } from './helpers.ts';

const temp = new TempDirs();
const open: WorkspaceStore[] = [];
afterEach(async () => {
  for (const ws of open.splice(0)) await ws.close();
  await temp.cleanup();
});

async function workspace(): Promise<WorkspaceStore> {
  const ws = await WorkspaceStore.create(join(await temp.make('parscore-cycle-store-'), 'ws'), {
    name: 'Sở Nội vụ tỉnh Minh Sơn',
    role: 'home-affairs',
    campaign: await sampleCampaign(),
    templates: [await sampleTemplate()],
  });
  open.push(ws);
  return ws;
}

async function reopen(ws: WorkspaceStore): Promise<WorkspaceStore> {
  await ws.close();
  open.splice(open.indexOf(ws), 1);
  const again = await WorkspaceStore.open(ws.dir);
  open.push(again);
  return again;
}

const who = { name: 'Sở Nội vụ tỉnh Minh Sơn', fingerprint: 'a'.repeat(64) };
const entry = (n: number): AuditEntry => ({
  at: `2026-01-20T08:${String(n).padStart(2, '0')}:00+07:00`,
  who,
  agency: 'STP',
  field: 'appraised',
  item: `1.${n}`,
  old: null,
  new: n / 2,
  round: 1,
  reason: n % 2 ? 'Đối chiếu hồ sơ' : null,
});

function appraisal(status: Appraisal['status'] = 'appraising'): Appraisal {
  return {
    kind: 'parscore.appraisal',
    schemaVersion: 2,
    additional: {},
    agency: 'STP',
    campaign: 'cchc-2024',
    template: { id: 'par-so-minh-son', version: 1 },
    status,
    revision: 1,
    round: 1,
    items: { '1.2': { score: 1, comment: 'Báo cáo gửi chậm.', round: 1 } },
    bonus: {},
    penalty: {},
    explanations: {},
    falsifiedEvidence: false,
    updatedAt: '2026-01-20T08:00:00+07:00',
  };
}

describe('evidence store', () => {
  it('stores a file under its SHA-256 once, reads it back checked, and reports a damaged copy', async () => {
    const ws = await workspace();
    const data = new Uint8Array(Buffer.from('%PDF-1.7 Kế hoạch số 45/KH-STP'));
    const stored = await ws.putEvidence(data);
    expect(stored).toEqual({ sha256: sha256Hex(data), size: data.byteLength });
    const path = join(ws.dir, 'evidence', stored.sha256);
    expect(ws.evidencePath(stored.sha256)).toBe(path);
    expect(Buffer.from((await ws.readEvidence(stored.sha256))!)).toEqual(Buffer.from(data));
    expect(await ws.hasEvidence(stored.sha256)).toBe(true);
    expect(await ws.hasEvidence('b'.repeat(64))).toBe(false);
    expect(await ws.readEvidence('b'.repeat(64))).toBeNull();
    // Written once: storing it again does not rewrite it.
    const before = await hashTree(ws.dir);
    await ws.putEvidence(data);
    expect(await hashTree(ws.dir)).toEqual(before);
    expect(await readdir(join(ws.dir, 'evidence'))).toEqual([stored.sha256]);
    // Damaged on disk: reading says so; storing the right bytes repairs it.
    await writeFile(path, 'hỏng');
    expect((await issuesOf(ws.readEvidence(stored.sha256))).map((i) => i.code)).toEqual(['store.evidence_corrupt']);
    await ws.putEvidence(data);
    expect(await ws.readEvidence(stored.sha256)).toEqual(data);
    expect((await issuesOf(ws.readEvidence('../workspace.json'))).map((i) => i.code)).toEqual(['store.bad_sha256']);
  });
});

describe('audit log', () => {
  it('appends one entry per line, durably, and reads them back in order with their line numbers', async () => {
    const ws = await workspace();
    await ws.appendAudit([entry(1), entry(2)]);
    await ws.appendAudit([entry(3)]);
    const text = await readFile(join(ws.dir, 'audit.jsonl'), 'utf8');
    expect(text.split('\n')).toHaveLength(4);
    // Version 2 lines: the entry, its schema version and the hash of the line before it.
    expect(JSON.parse(text.split('\n')[2]!)).toEqual({ schemaVersion: 2, ...entry(3), prev: createHash('sha256').update(text.split('\n')[1]!).digest('hex') });
    const log = await ws.readAudit();
    expect(log).toEqual({ issues: [], chain: { breaks: [], unchained: 0 }, entries: [1, 2, 3].map((n) => ({ line: n, entry: entry(n) })) });
  });

  it('refuses an invalid entry and appends nothing of the batch', async () => {
    const ws = await workspace();
    await ws.appendAudit([entry(1)]);
    const bad = { ...entry(2), who: { name: '', fingerprint: 'x' } };
    expect((await issuesOf(ws.appendAudit([entry(3), bad]))).map((i) => i.code)[0]).toBe('store.invalid_document');
    expect((await ws.readAudit()).entries).toHaveLength(1);
  });

  it('reports every corrupt line (skips nothing silently), and keeps appending after a torn last line', async () => {
    const ws = await workspace();
    await ws.appendAudit([entry(1)]);
    const path = join(ws.dir, 'audit.jsonl');
    await appendFile(path, '{"at":"2026-01-20T08:02:00+07:00","who":{"name":"x"}}\nkhông phải JSON\n');
    await appendFile(path, JSON.stringify(entry(4)).slice(0, 40)); // cut short by a crash
    await ws.appendAudit([entry(5)]);
    const log = await ws.readAudit();
    expect(log.entries.map((l) => [l.line, l.entry.item])).toEqual([
      [1, '1.1'],
      [5, '1.5'],
    ]);
    expect(log.issues.map((i) => [i.code, i.at?.row, i.at?.file])).toEqual([
      ['store.audit_bad_line', 2, 'audit.jsonl'],
      ['store.audit_bad_line', 3, 'audit.jsonl'],
      ['store.audit_bad_line', 4, 'audit.jsonl'],
    ]);
  });
});

describe('cycle documents', () => {
  it('appraisals, survey, nominations and received files round-trip and survive reopening', async () => {
    let ws = await workspace();
    expect(await ws.readAppraisal('STP')).toBeNull();
    expect(await ws.readSurvey()).toBeNull();
    expect(await ws.readNominations()).toBeNull();
    await ws.writeAppraisal(appraisal());
    const updated = await ws.updateAppraisal('STP', (a) => ({ ...a!, status: 'appraised_1' }));
    expect(updated.status).toBe('appraised_1');
    expect((await issuesOf(ws.updateAppraisal('STP', (a) => ({ ...a!, agency: 'STC' })))).map((i) => i.code)).toEqual(['store.agency_mismatch']);
    const survey: SurveyResults = { kind: 'parscore.survey', schemaVersion: 1, campaign: 'cchc-2024', results: { STP: { '3.1': 78.5 } }, respondents: {}, sources: [] };
    await ws.writeSurvey(survey);
    const nominations: Nominations = { kind: NOMINATIONS_KIND, schemaVersion: 1, agency: 'STP', campaign: 'cchc-2024', nominations: nominationsFor('STP'), updatedAt: '2026-01-10T09:00:00+07:00' };
    await ws.writeNominations(nominations);
    await ws.putReceived('Sở-GDĐT', 3, new Uint8Array([80, 75, 3, 4]));
    expect((await issuesOf(ws.putReceived('../x', 1, new Uint8Array(1)))).map((i) => i.code)).toEqual(['store.unsafe_code']);
    expect((await issuesOf(ws.putReceived('STP', 0, new Uint8Array(1)))).map((i) => i.code)).toEqual(['store.bad_revision']);

    ws = await reopen(ws);
    expect(await ws.appraisalCodes()).toEqual(['STP']);
    expect((await ws.readAppraisal('STP'))?.status).toBe('appraised_1');
    expect(await ws.readSurvey()).toEqual(survey);
    expect((await ws.readNominations())?.nominations.map((n) => n.id)).toEqual(['STP-TT1', 'STP-CN1']);
    expect(await ws.readReceived('Sở-GDĐT', 3)).toEqual(new Uint8Array([80, 75, 3, 4]));
    expect(await ws.readReceived('Sở-GDĐT', 2)).toBeNull();
    expect((await readdir(join(ws.dir, 'received')))).toEqual(['Sở-GDĐT-r3.parscore']);
  });

  it('a damaged appraisal file is restored from its backup, like every document', async () => {
    let ws = await workspace();
    await ws.writeAppraisal(appraisal('appraising'));
    await ws.writeAppraisal(appraisal('appraised_1'));
    await writeFile(join(ws.dir, 'appraisals', 'STP.json'), '{"kind":"parscore.appraisal", "schem');
    ws = await reopen(ws);
    expect((await ws.readAppraisal('STP'))?.status).toBe('appraising');
    expect(ws.recoveries().map((r) => r.issues[0]?.code)).toEqual(['store.recovered']);
  });

  it('says which agencies have an appraisal or nominations to read: a file, or only backups a read restores it from', async () => {
    let ws = await workspace();
    expect(await ws.agenciesWithDocs('appraisals')).toEqual(new Set());
    await ws.writeAppraisal(appraisal('appraising'));
    await ws.writeAppraisal(appraisal('appraised_1'));
    await ws.transaction(async (tx) => {
      await tx.writeAgencyNominations({ kind: NOMINATIONS_KIND, schemaVersion: 1, agency: 'Sở-GDĐT', campaign: 'cchc-2024', nominations: nominationsFor('Sở-GDĐT'), updatedAt: '2026-01-10T09:00:00+07:00' });
    });
    // The appraisal file lost, its backup left: still listed, and the read brings it back.
    await rm(join(ws.dir, 'appraisals', 'STP.json'));
    ws = await reopen(ws);
    expect(await ws.agenciesWithDocs('appraisals')).toEqual(new Set(['STP']));
    expect(await ws.agenciesWithDocs('nominations')).toEqual(new Set(['Sở-GDĐT']));
    expect((await ws.readAppraisal('STP'))?.status).toBe('appraising');
  });
});

describe('transactions', () => {
  it('a failure puts back every file byte for byte (backups included), removes new files and folders, and keeps memory in step', async () => {
    const ws = await workspace();
    await ws.writeAssessment(bigAssessment('STP', 1, 20));
    await ws.writeAssessment(bigAssessment('STP', 2, 20));
    await ws.writeAppraisal(appraisal());
    await ws.appendAudit([entry(1)]);
    const before = await hashTree(ws.dir);
    const indexBefore = ws.index;
    await expect(
      ws.transaction(async (tx) => {
        await tx.writeAssessment(bigAssessment('STP', 3, 20));
        await tx.writeAssessment(bigAssessment('STC', 1, 5));
        await tx.updateAppraisal('STP', (a) => ({ ...a!, status: 'appraised_1' }));
        await tx.putEvidence(new Uint8Array([1, 2, 3]));
        await tx.putReceived('STP', 3, new Uint8Array([4, 5, 6]));
        await tx.writeAgencyNominations({ kind: NOMINATIONS_KIND, schemaVersion: 1, agency: 'STP', campaign: 'cchc-2024', nominations: [], updatedAt: '2026-01-10T09:00:00+07:00' });
        await tx.appendAudit([entry(2), entry(3)]);
        tx.updateIndex((d) => ({ ...d, name: 'đổi tên' }));
        throw new Error('mất điện giả lập');
      }),
    ).rejects.toThrow('mất điện giả lập');
    expect(await hashTree(ws.dir)).toEqual(before);
    expect(ws.index).toBe(indexBefore);
    expect((await ws.readAssessment('STP'))?.revision).toBe(2);
    expect(await ws.readAssessment('STC')).toBeNull();
    expect(await ws.assessmentCodes()).toEqual(['STP']);
    // The workspace goes on normally: the same writes succeed afterwards.
    await ws.transaction(async (tx) => {
      await tx.writeAssessment(bigAssessment('STC', 1, 5));
      await tx.putReceived('STP', 3, new Uint8Array([4, 5, 6]));
    });
    expect(ws.index.agencies.find((a) => a.code === 'STC')?.hasAssessment).toBe(true);
    expect(await ws.readReceived('STP', 3)).toEqual(new Uint8Array([4, 5, 6]));
    expect(Object.keys(await hashTree(ws.dir))).not.toContain(JOURNAL_FILE);
  });

  it('an interrupted transaction found at open is rolled back (writable) or reported (read-only)', async () => {
    let ws = await workspace();
    await ws.writeAssessment(bigAssessment('STP', 1, 5));
    const before = await hashTree(ws.dir);
    const stpBefore = await readFile(join(ws.dir, 'assessments', 'STP.json'));
    // What a crash leaves: the journal (taken before the writes) and the files it covers, changed.
    await mkdir(join(ws.dir, 'received'));
    const journal = {
      kind: 'parscore.journal',
      schemaVersion: 1,
      startedAt: '2026-01-20T08:00:00Z',
      files: [
        { path: 'assessments/STP.json', data: stpBefore.toString('base64') },
        { path: 'received/STP-r2.parscore', data: null },
      ],
      appends: [{ path: 'audit.jsonl', size: null }],
      dirs: ['received'],
    };
    await writeFile(join(ws.dir, JOURNAL_FILE), JSON.stringify(journal));
    await writeFile(join(ws.dir, 'assessments', 'STP.json'), 'nửa chừng');
    await writeFile(join(ws.dir, 'received', 'STP-r2.parscore'), 'PK');
    await writeFile(join(ws.dir, 'audit.jsonl'), '{}\n');
    await ws.close();
    open.splice(open.indexOf(ws), 1);

    const ro = await WorkspaceStore.openReadOnly(ws.dir);
    expect(ro.recoveries().map((r) => r.issues[0]?.code)).toEqual(['store.transaction_pending']);
    await ro.close();

    ws = await WorkspaceStore.open(ws.dir);
    open.push(ws);
    expect(ws.recoveries().map((r) => [r.issues[0]?.code, r.issues[0]?.params])).toEqual([['store.transaction_rolled_back', { files: 3 }]]);
    const after = await hashTree(ws.dir);
    const noLock = (h: Record<string, string>) => Object.fromEntries(Object.entries(h).filter(([k]) => !k.startsWith('.parscore.lock')));
    expect(noLock(after)).toEqual(noLock(before));
    expect((await ws.readAssessment('STP'))?.revision).toBe(1);
  });

  it('an unreadable journal keeps the workspace closed rather than half-changed', async () => {
    const ws = await workspace();
    await writeFile(join(ws.dir, JOURNAL_FILE), '{"kind":"parscore.journal","files":[{"path":"../../etc/passwd","data":null}]');
    await ws.close();
    open.splice(open.indexOf(ws), 1);
    expect((await issuesOf(WorkspaceStore.open(ws.dir))).map((i) => i.code)).toEqual(['store.journal_unreadable']);
    await writeFile(join(ws.dir, JOURNAL_FILE), JSON.stringify({ kind: 'parscore.journal', schemaVersion: 1, startedAt: 'x', files: [{ path: '../../x', data: null }], appends: [] }));
    expect((await issuesOf(WorkspaceStore.open(ws.dir))).map((i) => i.code)).toEqual(['store.journal_unreadable']);
  });
});
