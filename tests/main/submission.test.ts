import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppContext, dispatch } from '../../electron/main/handlers/index.ts';
import { AppService } from '../../electron/services/app-service.ts';
import { verifySubmission } from '../../electron/services/cycle/submission.ts';
import { writeDemoCycle } from '../../electron/services/demo/cycle.ts';
import { SettingsStore } from '../../electron/services/settings.ts';
import { WorkspaceStore } from '../../electron/services/store/workspace.ts';
import type { SendCheckResult, SentSubmission } from '../../shared/ipc/index.ts';

const root = mkdtempSync(join(tmpdir(), 'parscore-send-'));
let ws: WorkspaceStore;
let ctx: AppContext;

beforeAll(async () => {
  await writeDemoCycle(join(root, 'snv'), join(root, 'out'), { agencies: 6, seed: 5 });
  ws = await WorkspaceStore.open(join(root, 'out', 'agencies', 'S01'));
  ctx = { service: new AppService(ws, 'vi'), settings: await SettingsStore.open(join(root, 'user-data')), version: '0.0.0', mode: 'browser', emit: () => {}, onLangChange: () => {} };
});
afterAll(async () => {
  await ws.close();
  rmSync(root, { recursive: true, force: true });
});

async function check(): Promise<SendCheckResult> {
  const r = await dispatch('submission:check', { agency: 'S01' }, ctx);
  if (!r.ok) throw new Error(r.error.message);
  return r.value as SendCheckResult;
}

describe('submission:check and submission:export through the dispatch', () => {
  it('lists a cleared answer at its item, in the user’s words, and no longer once answered', async () => {
    const cleared = await dispatch('assessment:setItemInput', { agency: 'S01', item: '1.1.1', input: null }, ctx);
    expect(cleared.ok).toBe(true);
    const before = await check();
    expect(before.readOnly).toBeNull();
    expect(before.signer.position).toBe('Thủ trưởng cơ quan');
    const line = before.lines.find((l) => l.item === '1.1.1');
    expect(line).toMatchObject({ kind: 'unanswered', message: expect.stringMatching(/^Mục 1\.1\.1 chưa trả lời: /) });
    const answered = await dispatch('assessment:setItemInput', { agency: 'S01', item: '1.1.1', input: { kind: 'binary', value: 'yes' } }, ctx);
    expect(answered.ok).toBe(true);
    const after = await check();
    expect(after.lines.some((l) => l.item === '1.1.1' && l.kind === 'unanswered')).toBe(false);
  });

  it('exports the signed file (browser mode: the bytes) that verifies, with the next revision and the whole fingerprint', async () => {
    const r = await dispatch('submission:export', { agency: 'S01', signer: { name: 'Nguyễn Văn A', position: 'Giám đốc' } }, ctx);
    if (!r.ok) throw new Error(r.error.message);
    const sent = r.value as SentSubmission;
    expect(sent.fileName).toBe(`S01-r${sent.revision}.parscore`);
    expect(sent.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(sent.savedTo).toBeNull();
    const bytes = new Uint8Array(Buffer.from(sent.base64 ?? '', 'base64'));
    const v = await verifySubmission(bytes, sent.fileName);
    expect(v).toMatchObject({ ok: true, value: { agency: 'S01', revision: sent.revision, sha256: sent.sha256, signer: { name: 'Nguyễn Văn A', position: 'Giám đốc' } } });
  });

  it('Electron: asks where to save; a cancelled dialog exports nothing', async () => {
    const revision = ws.index.agencies.find((a) => a.code === 'S01')?.submission?.revision;
    let asked = '';
    const cancel: AppContext = { ...ctx, saveFile: async (name) => ((asked = name), null) };
    const r = await dispatch('submission:export', { agency: 'S01', signer: { name: 'A', position: 'B' } }, cancel);
    expect(r).toMatchObject({ ok: true, value: { savedTo: null, base64: null } });
    expect(asked).toBe(`S01-r${(revision ?? 0) + 1}.parscore`);
    expect(ws.index.agencies.find((a) => a.code === 'S01')?.submission?.revision).toBe(revision);
  });

  it('refuses an empty signer with a message at the field', async () => {
    const r = await dispatch('submission:export', { agency: 'S01', signer: { name: ' ', position: 'B' } }, ctx);
    expect(r.ok).toBe(false);
  });
});

describe('in the Home Affairs workspace', () => {
  it('sending is refused: read-only, said with the reason', async () => {
    const hws = await WorkspaceStore.open(join(root, 'snv'));
    try {
      const hctx: AppContext = { ...ctx, service: new AppService(hws, 'vi') };
      const c = await dispatch('submission:check', { agency: 'S01' }, hctx);
      expect(c).toMatchObject({ ok: true, value: { readOnly: expect.any(String) } });
      const r = await dispatch('submission:export', { agency: 'S01', signer: { name: 'A', position: 'B' } }, hctx);
      expect(r.ok).toBe(false);
    } finally {
      await hws.close();
    }
  });
});
