import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { writeFileDurable } from '../../electron/services/store/durable-file.ts';
import { TempDirs, listDir } from './helpers.ts';

// A disk without hard links (FAT/exFAT USB sticks, some network shares): link() fails with EPERM.
const calls = vi.hoisted(() => ({ link: 0 }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...real,
    link: async () => {
      calls.link++;
      throw Object.assign(new Error('EPERM: operation not permitted, link'), { code: 'EPERM' });
    },
  };
});

const temp = new TempDirs();
afterEach(() => temp.cleanup());

describe('writeFileDurable on a disk without hard links', () => {
  it('falls back to copying the previous version into bak1', async () => {
    const dir = await temp.make();
    const file = join(dir, 'doc.json');
    for (let v = 1; v <= 4; v++) await writeFileDurable(file, `version ${v}\n`);
    expect(await readFile(file, 'utf8')).toBe('version 4\n');
    expect(await readFile(`${file}.bak1`, 'utf8')).toBe('version 3\n');
    expect(await readFile(`${file}.bak2`, 'utf8')).toBe('version 2\n');
    expect(await readFile(`${file}.bak3`, 'utf8')).toBe('version 1\n');
    expect(calls.link).toBe(3); // tried on every save that had a previous version, then copied
    expect((await stat(`${file}.bak1`)).nlink).toBe(1);
    expect(await listDir(dir)).toEqual(['doc.json', 'doc.json.bak1', 'doc.json.bak2', 'doc.json.bak3']);
  });
});
