import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, folderHash } from './run.ts';

/*
 * `parscore appraisal export-all`: the window's "export round 1 of every agency" on the command
 * line (review-service.ts exportAll): one signed file per agency appraised in round 1, which the
 * agency reads back; files already in the folder refused by name with nothing written, replaced
 * only with --overwrite.
 */
const tmp = mkdtempSync(join(tmpdir(), 'parscore-review-cli-'));
const ha = join(tmp, 'so-noi-vu');
const out = join(tmp, 'ho-so');
const folder = join(tmp, 'vong-1');
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

beforeAll(async () => {
  expect((await cli('demo', ha, '--agencies', '12', '--seed', '5', '--submissions', out)).code).toBe(0);
  expect((await cli('import', ha, join(out, 'S01-r1.parscore'), join(out, 'S02-r1.parscore'))).code).toBe(0);
}, 120_000);

describe('parscore appraisal export-all', () => {
  it('nothing appraised yet: refused in words, no folder made', async () => {
    const r = await cli('appraisal', 'export-all', ha, '--out', folder);
    expect(r.code).toBe(1);
    expect(r.err).toContain('Chưa có cơ quan nào đã thẩm định xong lần 1');
    expect(existsSync(folder)).toBe(false);
  });

  it('writes one file per agency appraised in round 1; the agency reads its file', async () => {
    for (const code of ['S01', 'S02']) {
      expect((await cli('appraisal', 'set', ha, code, '1.1.1', '0', '--comment', 'Chưa có kế hoạch.')).code).toBe(0);
      expect((await cli('appraisal', 'status', ha, code, 'appraised_1')).code).toBe(0);
    }
    const r = await cli('appraisal', 'export-all', ha, '--out', folder);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('S01-tham-dinh-lan-1.parscore');
    expect(r.out).toContain('S02-tham-dinh-lan-1.parscore');
    const read = await cli('appraisal', 'import', join(out, 'agencies', 'S02'), join(folder, 'S02-tham-dinh-lan-1.parscore'));
    expect(read.code, read.err).toBe(0);
    expect(read.out).toContain('Chưa có kế hoạch.');
  });

  it('files already there: refused by name, nothing written; --overwrite replaces them', async () => {
    const before = folderHash(folder);
    const again = await cli('appraisal', 'export-all', ha, '--out', folder);
    expect(again.code).toBe(1);
    expect(again.err).toContain('S01-tham-dinh-lan-1.parscore, S02-tham-dinh-lan-1.parscore');
    expect(again.err).toContain('chưa ghi gì');
    expect(folderHash(folder)).toBe(before);
    expect((await cli('appraisal', 'export-all', ha, '--out', folder, '--overwrite')).code).toBe(0);
  });
});
