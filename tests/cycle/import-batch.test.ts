import { spawn } from 'node:child_process';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importSubmissions, type RejectedVerdict } from '../../electron/services/cycle/import.ts';
import { JOURNAL_FILE } from '../../electron/services/store/journal.ts';
import { WorkspaceStore } from '../../electron/services/store/workspace.ts';
import { ON_TIME, type Province, codes, hashTree, province, submit } from './helpers.ts';

let p: Province | null = null;
afterEach(async () => {
  await p?.close();
  p = null;
});

async function threeFiles(): Promise<{ prov: Province; files: { file: string; bytes: Uint8Array }[] }> {
  const prov = await province(['STP', 'XA-DONG-HOA']);
  p = prov;
  const a = await submit(prov.agencies.STP!);
  const b = await submit(prov.agencies['XA-DONG-HOA']!);
  const c = await submit(prov.agencies.STP!);
  return { prov, files: [a, b, c].map((s) => ({ file: s.file, bytes: s.bytes })) };
}

describe('progress and cancellation', () => {
  it('reports progress after each file, with the totals', async () => {
    const { prov, files } = await threeFiles();
    const seen: string[] = [];
    const verdicts = await importSubmissions(prov.ha, [...files, { file: 'rác.parscore', bytes: new Uint8Array([1, 2, 3]) }], {
      now: ON_TIME,
      onProgress: (x) => seen.push(`${x.done}/${x.total} ${x.file}`),
    });
    expect(verdicts.map((v) => v.verdict)).toEqual(['accepted', 'accepted', 'replaced', 'rejected']);
    expect(seen).toEqual(['1/4 STP-r1.parscore', '2/4 XA-DONG-HOA-r1.parscore', '3/4 STP-r2.parscore', '4/4 rác.parscore']);
  });

  it('cancelled between files: the files done are kept, the rest are cancelled and leave nothing', async () => {
    const { prov, files } = await threeFiles();
    const controller = new AbortController();
    const verdicts = await importSubmissions(prov.ha, files, {
      now: ON_TIME,
      signal: controller.signal,
      onProgress: (x) => {
        if (x.done === 1) controller.abort();
      },
    });
    expect(verdicts.map((v) => v.verdict)).toEqual(['accepted', 'cancelled', 'cancelled']);
    expect(verdicts.map((v) => v.file)).toEqual(files.map((f) => f.file));
    expect(prov.ha.index.agencies.map((a) => [a.code, a.status])).toEqual([
      ['STP', 'submitted'],
      ['STC', 'not_submitted'],
      ['XA-DONG-HOA', 'not_submitted'],
    ]);
    expect(await readdir(join(prov.ha.dir, 'received'))).toEqual(['STP-r1.parscore']);
    expect(await prov.ha.readAssessment('XA-DONG-HOA')).toBeNull();
  });

  it('cancelled before the first file: nothing is read or written, and the workspace carries on normally', async () => {
    const { prov, files } = await threeFiles();
    const before = await hashTree(prov.ha.dir);
    const controller = new AbortController();
    controller.abort();
    const verdicts = await importSubmissions(prov.ha, files, { now: ON_TIME, signal: controller.signal });
    expect(verdicts.map((v) => v.verdict)).toEqual(['cancelled', 'cancelled', 'cancelled']);
    expect(await hashTree(prov.ha.dir)).toEqual(before);
    expect(prov.ha.index.agencies.every((a) => a.submission === null && !a.hasAssessment)).toBe(true);
    const again = await importSubmissions(prov.ha, files, { now: ON_TIME });
    expect(again.map((v) => v.verdict)).toEqual(['accepted', 'accepted', 'replaced']);
  });

  it('checked on worker threads, files get the same verdicts and store the same documents as on this thread', async () => {
    const { prov, files } = await threeFiles();
    const garbage = { file: 'rác.parscore', bytes: new Uint8Array([80, 75, 3, 4, 1, 2, 3]) };
    const verdicts = await importSubmissions(prov.ha, [...files, garbage], { now: ON_TIME, workers: 2 });
    expect(verdicts.map((v) => v.verdict)).toEqual(['accepted', 'accepted', 'replaced', 'rejected']);
    expect(codes((verdicts[3] as RejectedVerdict).reasons)).toEqual(['package.truncated']);
    // The bytes went to a worker and back: the file kept is the one given, byte for byte.
    expect(Buffer.from((await prov.ha.readReceived('STP', 2))!)).toEqual(Buffer.from(files[2]!.bytes));
    expect((await prov.ha.readAssessment('STP'))?.items).toEqual((await prov.agencies.STP!.readAssessment('STP'))?.items);
    expect((await prov.ha.readAgencyNominations('STP'))?.nominations.length).toBeGreaterThan(0);
    expect(prov.ha.index.agencies.find((a) => a.code === 'STP')).toMatchObject({ status: 'submitted', hasAssessment: true, submission: { revision: 2 } });
  });

  it('files given by path are read by the thread that checks them; a path that cannot be read is rejected', async () => {
    const { prov, files } = await threeFiles();
    const dir = join(prov.root, 'nhận');
    await mkdir(dir);
    const paths = await Promise.all(
      files.slice(0, 2).map(async (f) => {
        const path = join(dir, f.file);
        await writeFile(path, f.bytes);
        return { file: f.file, path };
      }),
    );
    for (const workers of [0, 2]) {
      const verdicts = await importSubmissions(prov.ha, [paths[0]!, { file: 'mất.parscore', path: join(dir, 'mất.parscore') }, paths[1]!], { now: ON_TIME, workers });
      // The second time, the same files are duplicates: the verdicts come from the same checks either way.
      expect(verdicts.map((v) => v.verdict)).toEqual(workers === 0 ? ['accepted', 'rejected', 'accepted'] : ['duplicate', 'rejected', 'duplicate']);
      expect(codes((verdicts[1] as RejectedVerdict).reasons)).toEqual(['cycle.import_read_failed']);
    }
    expect(Buffer.from((await prov.ha.readReceived('STP', 1))!)).toEqual(Buffer.from(files[0]!.bytes));
  });

  it('files given as readers are read in turn; one that cannot be read is rejected and the others go on', async () => {
    const { prov, files } = await threeFiles();
    const read: string[] = [];
    const inputs = files.slice(0, 2).map((f) => ({ file: f.file, read: async () => (read.push(f.file), f.bytes) }));
    const verdicts = await importSubmissions(prov.ha, [inputs[0]!, { file: 'đã-xóa.parscore', read: () => Promise.reject(new Error('ENOENT')) }, inputs[1]!], { now: ON_TIME });
    expect(verdicts.map((v) => v.verdict)).toEqual(['accepted', 'rejected', 'accepted']);
    expect(codes((verdicts[1] as RejectedVerdict).reasons)).toEqual(['cycle.import_read_failed']);
    expect((verdicts[1] as RejectedVerdict).sha256).toBeNull();
    expect(read).toEqual([files[0]!.file, files[1]!.file]);
  });

  it('a write failing in the middle of a file: everything that file wrote is undone, the next file goes on', async () => {
    const { prov, files } = await threeFiles();
    // Something in the way of STP's assessment file (written after its evidence, received file and nominations).
    await mkdir(join(prov.ha.dir, 'assessments', 'STP.json'));
    const before = await hashTree(prov.ha.dir);
    const verdicts = await importSubmissions(prov.ha, files.slice(0, 2), { now: ON_TIME });
    expect(verdicts.map((v) => v.verdict)).toEqual(['rejected', 'accepted']);
    expect(codes((verdicts[0] as RejectedVerdict).reasons)).toEqual(['cycle.import_write_failed', 'store.read_failed']);
    const after = await hashTree(prov.ha.dir);
    // Only the commune's files changed: nothing of STP's is left.
    const changed = Object.keys(after).filter((k) => after[k] !== before[k]);
    expect(changed.filter((k) => k.includes('STP'))).toEqual([]);
    for (const k of Object.keys(before)) if (!k.startsWith('workspace.json') && k !== 'audit.jsonl') expect(after[k], k).toBe(before[k]);
    expect(prov.ha.index.agencies.find((a) => a.code === 'STP')).toMatchObject({ status: 'not_submitted', submission: null, pinnedKey: null });
    expect(await readdir(join(prov.ha.dir, 'received'))).toEqual(['XA-DONG-HOA-r1.parscore']);
    expect(after[JOURNAL_FILE]).toBeUndefined();
  });
});

function runChild(args: string[]): Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string }> {
  const root = join(import.meta.dirname, '..', '..');
  const proc = spawn(process.execPath, ['--import', 'tsx', join(root, 'tests', 'cycle', 'crash-import-child.ts'), ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  proc.stdout.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr.on('data', (d: Buffer) => (out += d.toString()));
  return new Promise((resolve) => proc.on('exit', (code, signal) => resolve({ code, signal, out })));
}

describe('a crash in the middle of an import', () => {
  it('the process killed inside the transaction: the next open undoes every file of the submission', async () => {
    const prov = await province(['STP']);
    p = prov;
    const s = await submit(prov.agencies.STP!);
    const file = join(prov.root, s.file);
    await writeFile(file, s.bytes);
    await prov.ha.close();
    prov.open.splice(prov.open.indexOf(prov.ha), 1);
    const withoutLock = (h: Record<string, string>) => Object.fromEntries(Object.entries(h).filter(([k]) => !k.startsWith('.parscore.lock')));
    const before = withoutLock(await hashTree(prov.ha.dir));

    const crashed = await runChild([prov.ha.dir, file, ON_TIME, 'kill']);
    expect(crashed.signal, crashed.out).toBe('SIGKILL');
    const mid = await hashTree(prov.ha.dir);
    expect(mid[JOURNAL_FILE]).toBeDefined(); // killed with the journal in place
    expect(Object.keys(mid).some((k) => k.startsWith('received/STP-r1'))).toBe(true); // and the files written

    const ws = await WorkspaceStore.open(prov.ha.dir);
    prov.open.push(ws);
    expect(ws.recoveries().map((r) => r.issues[0]?.code)).toEqual(['store.transaction_rolled_back']);
    expect(withoutLock(await hashTree(prov.ha.dir))).toEqual(before);
    expect(ws.index.agencies.find((a) => a.code === 'STP')?.submission).toBeNull();
    await ws.close();
    prov.open.pop();

    // The same file imported again, without a crash, goes through.
    const ok = await runChild([prov.ha.dir, file, ON_TIME]);
    expect(ok.out).toContain('["accepted"]');
  }, 60_000);
});
