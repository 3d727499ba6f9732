import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppService } from '../../electron/services/app-service.ts';
import { writeDemoWorkspace } from '../../electron/services/demo/write.ts';
import { WorkspaceStore } from '../../electron/services/store/workspace.ts';
import { initAgencyWorkspace } from '../../electron/services/cycle/index.ts';
import { IssueError } from '../../shared/util/issue.ts';
import { type Province, province } from '../cycle/helpers.ts';

const root = mkdtempSync(join(tmpdir(), 'parscore-app-'));
const dir = join(root, 'ws');
let ws: WorkspaceStore;
let service: AppService;

beforeAll(async () => {
  await writeDemoWorkspace(dir, { agencies: 35, seed: 11 });
  ws = await WorkspaceStore.open(dir);
  service = new AppService(ws, 'vi');
});
afterAll(async () => {
  await ws.close();
  rmSync(root, { recursive: true, force: true });
});

describe('the service behind the desktop screens', () => {
  it('summarises every agency with its status and provisional scores', async () => {
    const s = await service.summary();
    expect(s.campaign?.year).toBe(2024);
    expect(s.agencies).toHaveLength(35);
    const submitted = s.agencies.filter((a) => a.status === 'submitted');
    expect(submitted.length).toBeGreaterThan(25);
    for (const a of submitted) {
      expect(a.score).not.toBeNull();
      expect(a.score!.total).toBeLessThanOrEqual(a.score!.max);
    }
    for (const a of s.agencies.filter((x) => x.status === 'not_submitted')) expect(a.score).toBeNull();
  });

});

// Self inputs are the agency's own: entered in its workspace (a Home Affairs workspace refuses them, tests/main/integrity.test.ts).
describe('the service behind the agency officer’s screen', () => {
  let p: Province;
  let stp: WorkspaceStore;
  let agency: AppService;
  const beforeDeadline = () => Date.parse('2026-01-10T09:00:00+07:00');
  beforeAll(async () => {
    p = await province(['STP']);
    stp = p.agencies.STP!;
    agency = new AppService(stp, 'vi', beforeDeadline);
  });
  afterAll(() => p.close());

  it('saves one item: returns the item, its ancestors and totals, and writes only that agency file', async () => {
    const view = await agency.assessment('STP');
    const leaf = view.template.items.find((i) => i.rule?.type === 'BINARY')!;
    const before = readFileSync(join(stp.dir, 'nominations.json'), 'utf8');
    const yes = await agency.setItemInput({ agency: 'STP', item: leaf.code, input: { kind: 'binary', value: 'yes' } });
    expect(yes.item.score).toBe(leaf.max);
    expect(yes.ancestors.map((a) => a.code)).toContain(view.template.items.find((i) => i.code === leaf.parent)?.code ?? leaf.code);
    const no = await agency.setItemInput({ agency: 'STP', item: leaf.code, input: { kind: 'binary', value: 'no' } });
    expect(no.item.score).toBe(0);
    expect(no.report.total).toBeCloseTo(yes.report.total - leaf.max, 2);
    const saved = JSON.parse(readFileSync(join(stp.dir, 'assessments', 'STP.json'), 'utf8'));
    expect(saved.items[leaf.code].input).toEqual({ kind: 'binary', value: 'no' });
    expect(saved.items[leaf.code].selfScore).toBe(0);
    expect(readFileSync(join(stp.dir, 'nominations.json'), 'utf8')).toBe(before);
  });

  it('refuses a score above max, naming agency and item, and leaves the file unchanged', async () => {
    const view = await agency.assessment('STP');
    const manual = view.template.items.find((i) => i.rule?.type === 'MANUAL')!;
    const before = readFileSync(join(stp.dir, 'assessments', 'STP.json'), 'utf8');
    const err = await agency.setItemInput({ agency: 'STP', item: manual.code, input: { kind: 'manual', value: manual.max + 5 } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IssueError);
    expect((err as IssueError).issues[0]?.at).toMatchObject({ agency: 'STP', item: manual.code });
    expect(readFileSync(join(stp.dir, 'assessments', 'STP.json'), 'utf8')).toBe(before);
  });

  it('starts an assessment for an agency that has none yet', async () => {
    const init = await initAgencyWorkspace(join(p.root, 'moi'), p.campaignFile, 'dot.parscore', { agency: 'STC' });
    if (!init.ok) throw new Error(JSON.stringify(init.error));
    p.open.push(init.value);
    const fresh = new AppService(init.value, 'vi', beforeDeadline);
    const view = await fresh.assessment('STC');
    expect(view.assessment).toBeNull();
    const leaf = view.template.items.find((i) => i.rule?.type === 'BINARY')!;
    const r = await fresh.setItemInput({ agency: 'STC', item: leaf.code, input: { kind: 'binary', value: 'yes' } });
    expect(r.report.answered).toBe(1);
    expect((await fresh.summary()).agencies.find((a) => a.code === 'STC')?.score?.answered).toBe(1);
  });
});
