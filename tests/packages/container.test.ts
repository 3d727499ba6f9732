import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IssueError } from '../../shared/util/issue.ts';
import { DEFAULT_LIMITS, readPackage, writePackage } from '../../electron/services/packages/container.ts';
import { generateIdentity } from '../../electron/services/packages/keys.ts';
import { BINDING, CREATED_AT, layout, sha256, tempDir, throughFile, unzip } from './helpers.ts';

const id = generateIdentity('Sở Nội vụ tỉnh Thử Nghiệm');
const payload = { kind: 'parscore.submission', agency: 'SO-TC', note: 'Tự đánh giá năm 2025 — “đạt”', items: [1, 2.5, null] };
const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(3000, 7), Buffer.from([0, 255, 128])]);
const scan = Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 31) % 251));
const files = [
  { path: `evidence/${sha256(pdf)}`, data: pdf },
  { path: `evidence/${sha256(scan)}`, data: scan },
];

let dir = '';
let cleanup: () => Promise<void> = async () => undefined;
beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
});
afterAll(async () => {
  await cleanup();
});

function write(extra: Partial<Parameters<typeof writePackage>[0]> = {}): Promise<Uint8Array> {
  return writePackage({ kind: 'parscore.submission', payload: { path: 'submission.json', json: payload }, files, identity: id, campaign: BINDING, createdAt: CREATED_AT, ...extra });
}

async function writeError(extra: Partial<Parameters<typeof writePackage>[0]>): Promise<string[]> {
  try {
    await write(extra);
  } catch (e) {
    if (e instanceof IssueError) return e.issues.map((i) => i.code);
    throw e;
  }
  return [];
}

describe('package round trip', () => {
  it('writes a package to a real file and reads back the same payload, files and signer', async () => {
    const bytes = await write();
    const fromDisk = await throughFile(dir, 'SO-TC.parscore', bytes);
    const res = await readPackage(fromDisk, 'SO-TC.parscore', { expectKind: 'parscore.submission' });
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    const p = res.value;
    expect(p.kind).toBe('parscore.submission');
    expect(p.payload).toEqual(payload);
    expect(p.payloadPath).toBe('submission.json');
    expect([...p.files.keys()].sort()).toEqual(files.map((f) => f.path).sort());
    for (const f of files) expect(Buffer.from(p.files.get(f.path) as Uint8Array).equals(f.data)).toBe(true);
    expect(p.signer).toEqual({ name: id.name, publicKey: id.publicKey, fingerprint: id.fingerprint });
    expect(p.signer.fingerprint).toBe(id.fingerprint);
    expect(p.sha256).toBe(sha256(fromDisk));
    expect(p.manifest.createdAt).toBe(CREATED_AT);
    expect(p.manifest.packageKind).toBe('parscore.submission');
  });

  it('lays the zip out as manifest.json, then the entries in path order', async () => {
    const entries = unzip(await write());
    expect(entries.map((e) => e.name)).toEqual(['manifest.json', ...files.map((f) => f.path).sort(), 'submission.json']);
    const manifest = JSON.parse((entries[0] as { data: Buffer }).data.toString('utf8')) as { entries: { path: string; size: number; sha256: string }[] };
    expect(manifest.entries.map((e) => e.path)).toEqual([...files.map((f) => f.path).sort(), 'submission.json']);
    const payloadEntry = entries.find((e) => e.name === 'submission.json') as { data: Buffer };
    expect(payloadEntry.data.toString('utf8')).toBe(`${JSON.stringify(payload, null, 2)}\n`);
    expect(manifest.entries.find((e) => e.path === 'submission.json')?.sha256).toBe(sha256(payloadEntry.data));
  });

  it('stores evidence files as they are and deflates the JSON entries', async () => {
    const methods = Object.fromEntries(layout(await write()).map((e) => [e.name, e.method]));
    expect(methods['manifest.json']).toBe(8);
    expect(methods['submission.json']).toBe(8);
    for (const f of files) expect(methods[f.path]).toBe(0);
  });

  it('gives byte-identical output for the same inputs, whatever the order of files', async () => {
    const a = await write();
    const b = await write({ files: [...files].reverse() });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('sha256 tells two different files apart (re-import detection)', async () => {
    const a = await readPackage(await write(), 'a.parscore', {});
    const b = await readPackage(await write({ createdAt: '2025-03-02T08:00:00.000+07:00' }), 'b.parscore', {});
    expect(a.ok && b.ok).toBe(true);
    if (a.ok && b.ok) expect(a.value.sha256).not.toBe(b.value.sha256);
  });

  it('round-trips a package with a payload only, and each package kind', async () => {
    for (const kind of ['parscore.campaign-package', 'parscore.submission', 'parscore.appraisal-package'] as const) {
      const bytes = await writePackage({ kind, payload: { path: 'doc.json', json: { kind } }, identity: id, campaign: BINDING });
      const res = await readPackage(bytes, 'x', { expectKind: kind });
      expect(res.ok).toBe(true);
      if (res.ok) {
        expect(res.value.files.size).toBe(0);
        expect(res.value.payload).toEqual({ kind });
      }
    }
  });

  it('round-trips Vietnamese file names inside folders', async () => {
    const data = Buffer.from('biên bản');
    const res = await readPackage(await write({ files: [{ path: 'evidence/Biên bản họp.txt', data }] }), 'x', {});
    expect(res.ok).toBe(true);
    if (res.ok) expect(Buffer.from(res.value.files.get('evidence/Biên bản họp.txt') as Uint8Array).toString()).toBe('biên bản');
  });

  it('has the documented default limits', () => {
    expect(DEFAULT_LIMITS).toEqual({ maxPackageBytes: 512 * 2 ** 20, maxEntries: 5000, maxEntryBytes: 100 * 2 ** 20, maxTotalBytes: 2 ** 30, maxRatio: 200 });
  });
});

describe('writePackage refuses bad input', () => {
  it('a payload path inside a folder or not .json', async () => {
    expect(await writeError({ payload: { path: 'docs/submission.json', json: {} } })).toEqual(['package.write_payload_path']);
    expect(await writeError({ payload: { path: 'submission.txt', json: {} } })).toEqual(['package.write_payload_path']);
  });

  it('a payload named like a reserved entry', async () => {
    expect(await writeError({ payload: { path: 'Manifest.json', json: {} } })).toEqual(['package.write_payload_path']);
  });

  it('a file at the root', async () => {
    expect(await writeError({ files: [{ path: 'evil.pdf', data: Buffer.alloc(1) }] })).toEqual(['package.write_file_path']);
  });

  it('unsafe file paths', async () => {
    const codes = await writeError({
      files: [
        { path: '../evil.json', data: Buffer.alloc(1) },
        { path: '/etc/passwd', data: Buffer.alloc(1) },
        { path: 'C:\\x', data: Buffer.alloc(1) },
        { path: 'a\\..\\b', data: Buffer.alloc(1) },
        { path: '', data: Buffer.alloc(1) },
      ],
    });
    expect(codes).toEqual(['package.entry_name_dotdot', 'package.entry_name_absolute', 'package.entry_name_drive', 'package.entry_name_backslash', 'package.entry_name_empty']);
  });

  it('two files whose names differ only by case or Unicode normalisation', async () => {
    const d = Buffer.alloc(1);
    expect(await writeError({ files: [{ path: 'evidence/A', data: d }, { path: 'evidence/a', data: d }] })).toEqual(['package.write_duplicate_path']);
    expect(await writeError({ files: [{ path: 'evidence/\u00e9', data: d }, { path: 'evidence/e\u0301', data: d }] })).toEqual(['package.write_duplicate_path']);
  });

  it('a payload that is not JSON-serialisable', async () => {
    expect(await writeError({ payload: { path: 'submission.json', json: undefined } })).toEqual(['package.write_payload_not_json']);
    expect(await writeError({ payload: { path: 'submission.json', json: { n: 1n } } })).toEqual(['package.write_payload_not_json']);
  });

  it('an invalid createdAt', async () => {
    expect(await writeError({ createdAt: 'yesterday' })).toEqual(['doc.schema']);
  });

  it('an identity whose private key is not its public key', async () => {
    const other = generateIdentity('B');
    expect(await writeError({ identity: { ...id, privateKeyPem: other.privateKeyPem } })).toEqual(['package.identity_mismatch']);
    expect(await writeError({ identity: { ...id, privateKeyPem: 'junk' } })).toEqual(['package.identity_mismatch']);
  });
});
