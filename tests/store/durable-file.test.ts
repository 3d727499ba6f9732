import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { IssueError } from '../../shared/util/issue.ts';
import { writeFileDurable } from '../../electron/services/store/durable-file.ts';
import { KeyedQueue } from '../../electron/services/store/queue.ts';
import { TempDirs, issuesOf, listDir } from './helpers.ts';

const temp = new TempDirs();
afterEach(() => temp.cleanup());

describe('writeFileDurable', () => {
  it('writes a new file, leaving no temp file and no backup', async () => {
    const dir = await temp.make();
    const file = join(dir, 'a.json');
    await writeFileDurable(file, '{"x":1}\n');
    expect(await readFile(file, 'utf8')).toBe('{"x":1}\n');
    expect(await listDir(dir)).toEqual(['a.json']);
  });

  it('accepts bytes as well as text', async () => {
    const dir = await temp.make();
    const file = join(dir, 'b.bin');
    await writeFileDurable(file, new Uint8Array([0, 1, 2, 255]));
    expect([...(await readFile(file))]).toEqual([0, 1, 2, 255]);
  });

  it('keeps the three previous versions: after 4 saves bak1..bak3 hold versions 3, 2, 1', async () => {
    const dir = await temp.make();
    const file = join(dir, 'doc.json');
    for (let v = 1; v <= 4; v++) await writeFileDurable(file, `version ${v}\n`);
    expect(await readFile(file, 'utf8')).toBe('version 4\n');
    expect(await readFile(`${file}.bak1`, 'utf8')).toBe('version 3\n');
    expect(await readFile(`${file}.bak2`, 'utf8')).toBe('version 2\n');
    expect(await readFile(`${file}.bak3`, 'utf8')).toBe('version 1\n');
    expect(await listDir(dir)).toEqual(['doc.json', 'doc.json.bak1', 'doc.json.bak2', 'doc.json.bak3']);

    // A fifth save drops the oldest.
    await writeFileDurable(file, 'version 5\n');
    expect(await readFile(`${file}.bak1`, 'utf8')).toBe('version 4\n');
    expect(await readFile(`${file}.bak3`, 'utf8')).toBe('version 2\n');
    expect(await listDir(dir)).toHaveLength(4);
  });

  it('makes bak1 a separate file: later saves never change a backup', async () => {
    const dir = await temp.make();
    const file = join(dir, 'doc.json');
    await writeFileDurable(file, 'one');
    await writeFileDurable(file, 'two');
    const bak = await stat(`${file}.bak1`);
    const cur = await stat(file);
    expect(bak.ino).not.toBe(cur.ino);
    await writeFileDurable(file, 'three');
    expect(await readFile(`${file}.bak2`, 'utf8')).toBe('one');
    expect(await readFile(`${file}.bak1`, 'utf8')).toBe('two');
  });

  it('can keep no backups', async () => {
    const dir = await temp.make();
    const file = join(dir, 'nobak.json');
    await writeFileDurable(file, '1', { backups: 0 });
    await writeFileDurable(file, '2', { backups: 0 });
    expect(await listDir(dir)).toEqual(['nobak.json']);
  });

  it('lands concurrent writes to one file in call order (one writer per file)', async () => {
    const dir = await temp.make();
    const file = join(dir, 'race.json');
    const big = (n: number) => `${String(n).padStart(4, '0')}:${'x'.repeat(50_000 + ((n * 7919) % 30_000))}`;
    await Promise.all(Array.from({ length: 40 }, (_, n) => writeFileDurable(file, big(n))));
    expect((await readFile(file, 'utf8')).slice(0, 4)).toBe('0039');
    expect((await readFile(`${file}.bak1`, 'utf8')).slice(0, 4)).toBe('0038');
    expect((await readFile(`${file}.bak2`, 'utf8')).slice(0, 4)).toBe('0037');
    expect((await readFile(`${file}.bak3`, 'utf8')).slice(0, 4)).toBe('0036');
    expect(await listDir(dir)).toHaveLength(4);
  });

  it('treats two spellings of the same path as one file', async () => {
    const dir = await temp.make();
    await mkdir(join(dir, 'sub'));
    const a = join(dir, 'sub', 'f.txt');
    const b = join(dir, 'sub', '..', 'sub', 'f.txt');
    await Promise.all([writeFileDurable(a, 'first'), writeFileDurable(b, 'second'), writeFileDurable(a, 'third')]);
    expect(await readFile(a, 'utf8')).toBe('third');
    expect(await readFile(`${a}.bak1`, 'utf8')).toBe('second');
  });

  it('reports the file when a write fails, as an issue', async () => {
    const dir = await temp.make();
    const file = join(dir, 'missing-folder', 'x.json');
    const issues = await issuesOf(writeFileDurable(file, 'x', { label: 'missing-folder/x.json' }));
    expect(issues[0]).toMatchObject({ code: 'store.write_failed', at: { file: 'missing-folder/x.json' }, params: { detail: 'ENOENT' } });
    await writeFile(join(dir, 'blocker'), '');
    await expect(writeFileDurable(join(dir, 'blocker', 'child.json'), 'never')).rejects.toBeInstanceOf(IssueError);
  });
});

describe('KeyedQueue', () => {
  it('runs tasks of one key in call order, and a failed task does not block the next', async () => {
    const q = new KeyedQueue();
    const log: string[] = [];
    const slow = q.run('k', async () => {
      await new Promise((r) => setTimeout(r, 30));
      log.push('slow');
    });
    const failing = q.run('k', async () => {
      log.push('failing');
      throw new Error('boom');
    });
    const other = q.run('other', async () => {
      log.push('other key');
    });
    const last = q.run('k', async () => {
      log.push('last');
      return 42;
    });
    await expect(failing).rejects.toThrow('boom');
    expect(await last).toBe(42);
    await Promise.all([slow, other]);
    expect(log).toEqual(['other key', 'slow', 'failing', 'last']);
    await q.idle();
  });
});
