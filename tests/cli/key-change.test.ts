/**
 * An agency's signing key changed (a new computer, a lost key): Home Affairs refuses its file and
 * says what to type once the new key is confirmed by phone; with `--accept-key CODE=FINGERPRINT` the
 * file is taken, the new key recorded and the decision printed and logged.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateIdentity, loadIdentity } from '../../electron/services/packages/keys.ts';
import { contentsOf, signedSubmission } from '../cycle/helpers.ts';
import { cli, folderHash } from './run.ts';

const tmp = mkdtempSync(join(tmpdir(), 'parscore-key-change-'));
const ha = join(tmp, 'snv');
const out = join(tmp, 'ho-so');
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

beforeAll(async () => {
  expect((await cli('demo', ha, '--agencies', '6', '--seed', '5', '--submissions', out)).code).toBe(0);
  const files = readdirSync(out).filter((f) => f.endsWith('.parscore')).map((f) => join(out, f));
  expect((await cli('import', ha, ...files)).code).toBe(0);
}, 120_000);

describe('a file signed with an agency’s new key', () => {
  it('the agency can read its whole key fingerprint to Home Affairs: submission export prints it', async () => {
    const dir = join(out, 'agencies', 'S02');
    const id = (await loadIdentity(dir))!;
    const r = await cli('submission', 'export', dir, 'S02', '--out', join(tmp, 'S02-again.parscore'));
    expect(r.code).toBe(0);
    expect(r.out).toContain(`dấu vân tay ${id.fingerprint}`);
  });

  it('is refused with the command to accept it; accepted with --accept-key for that agency and key only, and logged', async () => {
    const file = readdirSync(out).find((f) => f.startsWith('S01-r1'))!;
    const { submission, files, campaign } = contentsOf(readFileSync(join(out, file)));
    const next = { ...submission, revision: 2, assessment: { ...submission.assessment, revision: 2 } };
    const newKey = generateIdentity('Sở Nội vụ — máy mới');
    const resigned = join(tmp, 'S01-r2.parscore');
    writeFileSync(resigned, await signedSubmission(newKey, next, files, campaign));

    const before = folderHash(ha);
    const refused = await cli('import', ha, resigned);
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('Khóa ký đã thay đổi');
    expect(refused.out).toContain(`--accept-key S01=${newKey.fingerprint}`);
    expect(folderHash(ha)).toBe(before);

    // A wrong form of the decision is a usage error naming the value; nothing is read.
    const typo = await cli('import', ha, resigned, '--accept-key', `S01=${newKey.fingerprint.slice(0, 16)}`);
    expect(typo.code).not.toBe(0);
    expect(typo.err).toContain('MÃ=DẤU_VÂN_TAY');
    // The key accepted for another agency decides nothing for S01.
    expect((await cli('import', ha, resigned, '--accept-key', `S02=${newKey.fingerprint}`)).code).toBe(1);
    expect(folderHash(ha)).toBe(before);

    const accepted = await cli('import', ha, resigned, '--accept-key', `S01=${newKey.fingerprint}`);
    expect(accepted.code).toBe(0);
    expect(accepted.out).toMatch(/✔ .*S01-r2\.parscore/);
    expect(accepted.out).toContain(`ĐÃ THAY khóa ký của cơ quan theo quyết định chấp nhận: `);
    expect(accepted.out).toContain(`→ ${newKey.fingerprint}`);
    const log = await cli('appraisal', 'log', ha, '--agency', 'S01');
    expect(log.out).toMatch(new RegExp(`S01 {2}Khóa ký của cơ quan .*${newKey.fingerprint}`));
    const check = await cli('workspace', 'check', ha);
    expect(check.code).toBe(0);
  });
});
