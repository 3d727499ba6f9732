import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppContext, dispatch } from '../../electron/main/handlers/index.ts';
import { AppService } from '../../electron/services/app-service.ts';
import { writeDemoCycle } from '../../electron/services/demo/cycle.ts';
import { SettingsStore } from '../../electron/services/settings.ts';
import { WorkspaceStore } from '../../electron/services/store/workspace.ts';

const root = mkdtempSync(join(tmpdir(), 'parscore-item-errors-'));
let ws: WorkspaceStore;
let ctx: AppContext;

beforeAll(async () => {
  // The agency's own workspace (Home Affairs takes no self inputs), deadlines from today.
  await writeDemoCycle(join(root, 'snv'), join(root, 'out'), { agencies: 6, seed: 5 });
  ws = await WorkspaceStore.open(join(root, 'out', 'agencies', 'S01'));
  ctx = { service: new AppService(ws, 'vi'), settings: await SettingsStore.open(join(root, 'user-data')), version: '0.0.0', mode: 'browser', emit: () => {}, onLangChange: () => {} };
});
afterAll(async () => {
  await ws.close();
  rmSync(root, { recursive: true, force: true });
});

describe('assessment:setItemInput refused: the message for the field', () => {
  it('names the agency and the item, says what is wrong, and carries no schema path nor template id', async () => {
    const r = await dispatch('assessment:setItemInput', { agency: 'S01', item: '1.1.2', input: { kind: 'manual', value: 5 } }, ctx);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.message).toBe('cơ quan S01 · mục 1.1.2: Điểm 5 vượt điểm tối đa 1.');
    expect(r.error.message).not.toMatch(/input|par-so|trường/);
    // A save that goes through still answers with the new scores.
    const okay = await dispatch('assessment:setItemInput', { agency: 'S01', item: '1.1.2', input: { kind: 'manual', value: 0.5 } }, ctx);
    expect(okay).toMatchObject({ ok: true, value: { item: { code: '1.1.2', score: 0.5 } } });
  });
});
