import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { overridesFile, readOverrides } from '../../electron/services/consolidate.ts';
import { WorkspaceStore } from '../../electron/services/store/workspace.ts';
import { ValidatedJsonFile } from '../../electron/services/store/json-store.ts';
import { AwardOverridesDoc } from '../../shared/schema/index.ts';
import { TempDirs, issuesOf, sampleCampaign, sampleTemplate } from './helpers.ts';

const temp = new TempDirs();
const open: WorkspaceStore[] = [];
afterEach(async () => {
  for (const ws of open.splice(0)) await ws.close();
  await temp.cleanup();
});

async function workspace(): Promise<{ dir: string; ws: WorkspaceStore }> {
  const dir = join(await temp.make(), 'snv');
  const ws = await WorkspaceStore.create(dir, { name: 'Sở Nội vụ tỉnh Minh Sơn', role: 'home-affairs', campaign: await sampleCampaign(), templates: [await sampleTemplate()] });
  open.push(ws);
  return { dir, ws };
}

const decision = { rule: 'bk-tap-the', subject: 'S01', agency: 'S01', action: 'exclude' as const, reason: 'Hội đồng quyết định không đề nghị.', by: 'Sở Nội vụ', at: '2026-12-05T08:00:00+07:00' };
const doc = { kind: 'parscore.award-overrides' as const, schemaVersion: 1 as const, overrides: [decision] };

describe('a workspace document written in a transaction (tx.writeDocument)', () => {
  it('lands with the rest, as its file reads it back', async () => {
    const { ws } = await workspace();
    await ws.transaction(async (tx) => tx.writeDocument(overridesFile(ws), doc));
    expect(await readOverrides(ws)).toEqual([decision]);
  });

  it('writes nothing when the transaction fails, or when the document is invalid', async () => {
    const { dir, ws } = await workspace();
    await expect(
      ws.transaction(async (tx) => {
        await tx.writeDocument(overridesFile(ws), doc);
        throw new Error('later step failed');
      }),
    ).rejects.toThrow('later step failed');
    expect(existsSync(join(dir, 'award-overrides.json'))).toBe(false);
    const issues = await issuesOf(ws.transaction(async (tx) => tx.writeDocument(overridesFile(ws), { ...doc, overrides: [{ ...decision, reason: '' }] })));
    expect(issues[0]?.code).toBe('store.invalid_document');
    expect(existsSync(join(dir, 'award-overrides.json'))).toBe(false);
  });

  it('refuses a file outside the workspace', async () => {
    const { ws } = await workspace();
    const other = join(await temp.make(), 'award-overrides.json');
    await expect(ws.transaction(async (tx) => tx.writeDocument(new ValidatedJsonFile(other, AwardOverridesDoc, { label: 'award-overrides.json' }), doc))).rejects.toThrow('not a file of the workspace');
    expect(existsSync(other)).toBe(false);
    expect(await readFile(join(ws.dir, 'workspace.json'), 'utf8')).toContain('Sở Nội vụ tỉnh Minh Sơn');
  });
});
