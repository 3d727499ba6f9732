import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { JOURNAL_FILE, JOURNAL_SAVED_DIR, Journal, recoverJournal } from '../../electron/services/store/journal.ts';
import { TempDirs } from './helpers.ts';

// A disk without hard links (FAT/exFAT USB sticks, some network shares): link() fails with EPERM.
const calls = vi.hoisted(() => ({ link: 0 }));
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  return {
    ...real,
    linkSync: () => {
      calls.link++;
      throw Object.assign(new Error('EPERM: operation not permitted, link'), { code: 'EPERM' });
    },
  };
});

const temp = new TempDirs();
afterEach(() => temp.cleanup());

describe('the undo journal on a disk without hard links', () => {
  it('keeps the files it protects in the journal itself, and a crash is still rolled back byte for byte', async () => {
    const dir = await temp.make();
    await writeFile(join(dir, 'workspace.json'), '{"chỉ mục":1}');
    await mkdir(join(dir, 'docs'));
    await writeFile(join(dir, 'docs', 'a.json'), 'tài liệu A');
    const journal = new Journal(dir);
    await journal.protectMany({
      files: [
        { rel: 'workspace.json', exists: true },
        { rel: 'docs/a.json', exists: true },
        { rel: 'docs/b.json', exists: false },
      ],
    });
    expect(calls.link).toBe(1); // tried once, then not again for this journal
    const doc = JSON.parse(await readFile(join(dir, JOURNAL_FILE), 'utf8')) as { files: { path: string; data: string | null; saved?: string }[] };
    expect(doc.files.map((f) => [f.path, f.saved, f.data && Buffer.from(f.data, 'base64').toString()])).toEqual([
      ['workspace.json', undefined, '{"chỉ mục":1}'],
      ['docs/a.json', undefined, 'tài liệu A'],
      ['docs/b.json', undefined, null],
    ]);
    // The commit's writes, then a crash before the journal is removed.
    await writeFile(join(dir, 'tmp'), '{"chỉ mục":2}');
    await rename(join(dir, 'tmp'), join(dir, 'workspace.json'));
    await writeFile(join(dir, 'docs', 'a.json'), 'nửa chừng');
    await writeFile(join(dir, 'docs', 'b.json'), 'mới');
    expect(await recoverJournal(dir)).toHaveLength(3);
    expect(await readFile(join(dir, 'workspace.json'), 'utf8')).toBe('{"chỉ mục":1}');
    expect(await readFile(join(dir, 'docs', 'a.json'), 'utf8')).toBe('tài liệu A');
    expect(existsSync(join(dir, 'docs', 'b.json'))).toBe(false);
    expect(existsSync(join(dir, JOURNAL_FILE))).toBe(false);
    expect(existsSync(join(dir, JOURNAL_SAVED_DIR))).toBe(false);
  });
});
