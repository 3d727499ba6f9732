import { existsSync } from 'node:fs';
import { cp, mkdir, readFile, readdir, rename, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { JOURNAL_FILE, JOURNAL_SAVED_DIR, Journal, recoverJournal } from '../../electron/services/store/journal.ts';
import { TempDirs } from './helpers.ts';

const temp = new TempDirs();
afterEach(() => temp.cleanup());

/** A workspace-like folder: an index with backups, a document, an append-only log. */
async function folder(): Promise<string> {
  const dir = await temp.make();
  await writeFile(join(dir, 'workspace.json'), '{"v":3}');
  for (let n = 1; n <= 3; n++) await writeFile(join(dir, `workspace.json.bak${n}`), `{"v":${3 - n}}`);
  await mkdir(join(dir, 'docs'));
  await writeFile(join(dir, 'docs', 'a.json'), 'tài liệu A');
  await writeFile(join(dir, 'audit.jsonl'), 'dòng 1\n');
  return dir;
}

async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = async (rel: string): Promise<void> => {
    for (const e of await readdir(join(dir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) await walk(r);
      else out[r] = await readFile(join(dir, r), 'utf8');
    }
  };
  await walk('');
  return out;
}

/** What a commit does to the files: replaced by renames (never written in place), appended, created. */
async function change(dir: string): Promise<void> {
  await writeFile(join(dir, 'tmp-index'), '{"v":4}');
  await rename(join(dir, 'workspace.json.bak2'), join(dir, 'workspace.json.bak3'));
  await rename(join(dir, 'workspace.json.bak1'), join(dir, 'workspace.json.bak2'));
  await rename(join(dir, 'workspace.json'), join(dir, 'workspace.json.bak1'));
  await rename(join(dir, 'tmp-index'), join(dir, 'workspace.json'));
  await writeFile(join(dir, 'docs', 'tmp-a'), 'tài liệu A, sửa');
  await rename(join(dir, 'docs', 'tmp-a'), join(dir, 'docs', 'a.json'));
  await writeFile(join(dir, 'docs', 'b.json'), 'tài liệu B mới');
  await mkdir(join(dir, 'new'));
  await writeFile(join(dir, 'new', 'c.json'), 'C');
  await writeFile(join(dir, 'audit.jsonl'), 'dòng 1\ndòng 2\n');
}

async function protectAll(dir: string): Promise<Journal> {
  const journal = new Journal(dir);
  await journal.protectMany({
    files: [
      ...['workspace.json', 'workspace.json.bak1', 'workspace.json.bak2', 'workspace.json.bak3', 'docs/a.json'].map((rel) => ({ rel, exists: true })),
      { rel: 'docs/b.json', exists: false },
      { rel: 'new/c.json', exists: false },
    ],
    dirs: ['new'],
    appends: ['audit.jsonl'],
  });
  return journal;
}

describe('the undo journal', () => {
  it('keeps the files it protects as hard links, not copies, in one journal write', async () => {
    const dir = await folder();
    await protectAll(dir);
    const doc = JSON.parse(await readFile(join(dir, JOURNAL_FILE), 'utf8')) as { files: { path: string; data: string | null; saved?: string }[] };
    expect(doc.files.filter((f) => f.saved !== undefined).map((f) => f.path)).toEqual(['workspace.json', 'workspace.json.bak1', 'workspace.json.bak2', 'workspace.json.bak3', 'docs/a.json']);
    expect(doc.files.every((f) => f.data === null)).toBe(true);
    expect(await readdir(join(dir, JOURNAL_SAVED_DIR))).toHaveLength(5);
  });

  it('a rollback puts every file back byte for byte and leaves no trace', async () => {
    const dir = await folder();
    const before = await snapshot(dir);
    const journal = await protectAll(dir);
    await change(dir);
    await journal.rollback();
    expect(await snapshot(dir)).toEqual(before);
  });

  it('after a crash, the next open finds the journal and rolls back, and a rollback cut short is done again', async () => {
    const dir = await folder();
    const before = await snapshot(dir);
    await protectAll(dir);
    await change(dir);
    // Kept aside to play a first recovery that died after putting files back, before removing the journal.
    const journalBytes = await readFile(join(dir, JOURNAL_FILE));
    const aside = join(await temp.make(), 'saved');
    await cp(join(dir, JOURNAL_SAVED_DIR), aside, { recursive: true });
    expect(await recoverJournal(dir)).toHaveLength(8);
    expect(await snapshot(dir)).toEqual(before);

    await writeFile(join(dir, JOURNAL_FILE), journalBytes);
    await cp(aside, join(dir, JOURNAL_SAVED_DIR), { recursive: true });
    await writeFile(join(dir, 'docs', 'a.json'), 'hỏng giữa chừng');
    expect(await recoverJournal(dir)).toHaveLength(8);
    expect(await snapshot(dir)).toEqual(before);
  });

  it('a commit removes the journal and its links; links left without a journal are removed at open', async () => {
    const dir = await folder();
    const journal = await protectAll(dir);
    await change(dir);
    const after = Object.fromEntries(Object.entries(await snapshot(dir)).filter(([k]) => !k.startsWith('.parscore-journal')));
    await journal.commit();
    expect(existsSync(join(dir, JOURNAL_FILE))).toBe(false);
    expect(existsSync(join(dir, JOURNAL_SAVED_DIR))).toBe(false);
    expect(await snapshot(dir)).toEqual(after);

    // A transaction that died after linking, before writing its journal.
    await new Journal(dir).protectMany({ files: [{ rel: 'docs/a.json', exists: true }] });
    await readFile(join(dir, JOURNAL_FILE)); // written…
    await unlink(join(dir, JOURNAL_FILE)); // …and think of it as never written
    expect(await recoverJournal(dir)).toBeNull();
    expect(existsSync(join(dir, JOURNAL_SAVED_DIR))).toBe(false);
    expect(await snapshot(dir)).toEqual(after);
  });
});
