import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatIssue, hasMessage } from '../../shared/i18n/index.ts';
import type { Result } from '../../shared/util/issue.ts';
import { type OpenedPackage, readPackage, writePackage } from '../../electron/services/packages/container.ts';
import { generateIdentity, publicInfo } from '../../electron/services/packages/keys.ts';
import { BINDING, CREATED_AT, buildZip, craft, listing, manifestBytes, payloadBytes, rezip, sha256, signZip, tempDir, throughFile, unzip, utf8 } from './helpers.ts';

/* Signature, manifest and payload checks, on packages written by writePackage and then altered (and signed again, so that the checks after the signature are reached). */

const id = generateIdentity('UBND xã A');
const other = generateIdentity('UBND xã B');
const payload = { kind: 'parscore.submission', agency: 'XA-A', revision: 3 };
const evidence = utf8('biên bản họp');
const evidencePath = `evidence/${sha256(evidence)}`;
let original: Buffer;
let dir = '';
let cleanup: () => Promise<void> = async () => undefined;

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  original = Buffer.from(
    await writePackage({
      kind: 'parscore.submission',
      payload: { path: 'submission.json', json: payload },
      files: [{ path: evidencePath, data: evidence }],
      identity: id,
      campaign: BINDING,
      createdAt: CREATED_AT,
    }),
  );
});
afterAll(async () => {
  await cleanup();
});

function codes(r: Result<OpenedPackage>): string[] {
  return r.ok ? [] : r.error.map((i) => i.code);
}

function manifestOf(zip: Uint8Array): Buffer {
  return unzip(zip).find((e) => e.name === 'manifest.json')?.data as Buffer;
}

/** The original package with entry `name` replaced by `data` (or removed when null), signed again by `id`. */
function replace(name: string, data: Uint8Array | null): Buffer {
  return signZip(rezip(original, (es) => es.flatMap((e) => (e.name !== name ? [e] : data === null ? [] : [{ name, data: Buffer.from(data) }]))), id);
}

/** The original manifest with `edit` applied, serialised as the writer does. */
function manifestWith(edit: (m: Record<string, unknown>) => Record<string, unknown>): Buffer {
  return payloadBytes(edit(JSON.parse(manifestOf(original).toString('utf8')) as Record<string, unknown>));
}

async function open(zip: Uint8Array, expectKind?: OpenedPackage['kind']): Promise<Result<OpenedPackage>> {
  return readPackage(await throughFile(dir, 'pkg.parscore', zip), 'pkg.parscore', expectKind ? { expectKind } : {});
}

describe('signature', () => {
  it('an unsigned package (the same entries re-zipped, no signature at the end) is refused', async () => {
    const res = await open(rezip(original, (es) => es));
    expect(codes(res)).toEqual(['package.signature_missing']);
    if (!res.ok) expect(res.error[0]?.at).toEqual({ file: 'pkg.parscore' });
  });

  it('a package without manifest.json is refused', async () => {
    expect(codes(await open(replace('manifest.json', null)))).toEqual(['package.manifest_missing']);
  });

  it('a signature made with another key while the trailer names the first key is refused', async () => {
    const forged = signZip(rezip(original, (es) => es), other, id.publicKey);
    expect(codes(await open(forged))).toEqual(['package.signature_invalid']);
  });

  it("another key's valid signature, its own key in the manifest, is valid and names that key as the signer", async () => {
    const entries = unzip(original).map((e) => (e.name === 'manifest.json' ? { name: e.name, data: manifestWith((m) => ({ ...m, signer: publicInfo(other) })) } : e));
    const res = await open(signZip(buildZip(entries.map((e) => ({ name: e.name, data: e.data }))), other));
    expect(res.ok).toBe(true);
    if (res.ok) {
      expect(res.value.signer.fingerprint).toBe(other.fingerprint);
      expect(res.value.signer.name).toBe('UBND xã B');
      expect(res.value.payload).toEqual(payload);
    }
  });

  it('a manifest naming another key than the one that signed is refused', async () => {
    expect(codes(await open(replace('manifest.json', manifestWith((m) => ({ ...m, signer: publicInfo(other) })))))).toEqual(['package.signer_mismatch']);
  });

  it('a signer whose fingerprint does not match its public key is refused', async () => {
    const claimed = { ...publicInfo(id), fingerprint: other.fingerprint };
    expect(codes(await open(replace('manifest.json', manifestWith((m) => ({ ...m, signer: claimed })))))).toEqual(['package.signer_fingerprint_mismatch']);
  });

  it('a trailer key that is not Ed25519 is refused', async () => {
    const x = generateKeyPairSync('x25519').publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
    expect(x).toHaveLength(60);
    expect(codes(await open(signZip(rezip(original, (es) => es), id, x)))).toEqual(['package.signer_key_invalid']);
  });

  it('a manifest changed after signing is refused', async () => {
    const m = manifestOf(original).toString('utf8').replace('"parscore.submission"', '"parscore.appraisal-package"');
    const zip = rezip(original, (es) => es.map((e) => (e.name === 'manifest.json' ? { name: e.name, data: utf8(m) } : e)));
    // Its old signature put back at the end: it does not cover these bytes.
    const trailer = original.subarray(original.byteLength - 175);
    const body = Buffer.from(zip);
    body.writeUInt16LE(175, body.byteLength - 2);
    expect(codes(await open(Buffer.concat([body, trailer])))).toEqual(['package.signature_invalid']);
  });
});

describe('manifest', () => {
  it('manifest.json that is not JSON is refused', async () => {
    expect(codes(await open(replace('manifest.json', utf8('not json'))))).toEqual(['package.manifest_not_json']);
  });

  it('manifest.json with a byte-order mark is refused (it is not the signed form)', async () => {
    const m = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), manifestOf(original)]);
    expect(codes(await open(replace('manifest.json', m)))).toEqual(['package.manifest_not_json']);
  });

  it('a signed manifest that does not match its schema is refused', async () => {
    const files = [{ path: 'submission.json', data: payloadBytes(payload) }];
    const bad = utf8(JSON.stringify({ kind: 'parscore.manifest', schemaVersion: 2, packageKind: 'parscore.submission', createdAt: CREATED_AT, signer: publicInfo(id), campaign: BINDING, entries: listing(files), extra: 1 }));
    const zip = signZip(
      rezip(original, () => [
        { name: 'manifest.json', data: bad },
        { name: 'submission.json', data: payloadBytes(payload) },
      ]),
      id,
    );
    const res = await open(zip);
    expect(codes(res)[0]).toBe('package.manifest_invalid');
    expect(codes(res).slice(1).every((c) => c === 'doc.schema')).toBe(true);
  });

  it('a signed manifest naming a key twice is refused, naming manifest.json and the key', async () => {
    // The duplicate comes last, so JSON.parse would keep it: another campaign than the one the first key names.
    const text = manifestOf(original).toString('utf8');
    const twice = utf8(text.replace(/\n}\n$/, `,\n  "campaign": ${JSON.stringify({ ...BINDING, uid: '11111111-2222-4333-8444-555555555555' })}\n}\n`));
    expect(twice.toString('utf8')).not.toBe(text);
    const res = await open(replace('manifest.json', twice));
    expect(codes(res)).toEqual(['package.entry_duplicate_key']);
    if (res.ok) return;
    expect(res.error[0]?.at).toEqual({ file: 'pkg.parscore', field: 'manifest.json: campaign' });
    expect(formatIssue('vi', res.error[0]!)).toContain('Trong “manifest.json” của tệp gói, khóa “campaign” xuất hiện hai lần');
  });

  it('a package of another kind than expected is refused', async () => {
    const res = await open(original, 'parscore.appraisal-package');
    expect(codes(res)).toEqual(['package.wrong_kind']);
    if (!res.ok) expect(res.error[0]?.params).toEqual({ expected: 'parscore.appraisal-package', actual: 'parscore.submission' });
    expect((await open(original, 'parscore.submission')).ok).toBe(true);
  });

  it('an extra file not listed in the manifest is refused', async () => {
    const zip = signZip(rezip(original, (es) => [...es, { name: 'evidence/extra.pdf', data: utf8('%PDF') }]), id);
    const res = await open(zip);
    expect(codes(res)).toEqual(['package.entry_unlisted']);
    if (!res.ok) expect(res.error[0]?.at).toEqual({ file: 'pkg.parscore', field: 'evidence/extra.pdf' });
  });

  it('a file listed in the manifest but missing from the zip is refused', async () => {
    const res = await open(replace(evidencePath, null));
    expect(codes(res)).toEqual(['package.entry_missing']);
    if (!res.ok) expect(res.error[0]?.params).toEqual({ path: evidencePath });
  });

  it('a file whose size differs from the manifest is refused', async () => {
    const res = await open(replace(evidencePath, Buffer.concat([evidence, utf8('!')])));
    expect(codes(res)).toEqual(['package.entry_size_mismatch']);
    if (!res.ok) expect(res.error[0]?.params).toEqual({ path: evidencePath, expected: evidence.byteLength, actual: evidence.byteLength + 1 });
  });

  it('a file whose SHA-256 differs from the manifest is refused', async () => {
    const changed = Buffer.from(evidence);
    changed[0] = (changed[0] as number) ^ 1;
    expect(codes(await open(replace(evidencePath, changed)))).toEqual(['package.entry_hash_mismatch']);
  });

  it('a manifest listing a reserved name (signature.json of format 1, in any case) is refused', async () => {
    const files = [{ path: 'submission.json', data: payloadBytes(payload) }];
    const zip = craft(id, files, { listed: [...listing(files), { path: 'Signature.json', size: 1, sha256: sha256(utf8('x')) }] });
    expect(codes(await open(zip))).toEqual(['package.manifest_reserved']);
  });

  it('a manifest listing the same path twice is refused', async () => {
    const files = [{ path: 'submission.json', data: payloadBytes(payload) }];
    const zip = craft(id, files, { listed: [...listing(files), ...listing(files)] });
    expect(codes(await open(zip))).toEqual(['package.manifest_duplicate']);
  });

  it('a manifest listing an unsafe path is refused', async () => {
    const files = [{ path: 'submission.json', data: payloadBytes(payload) }];
    const zip = craft(id, files, { listed: [...listing(files), { path: '../x', size: 1, sha256: sha256(utf8('x')) }] });
    expect(codes(await open(zip))).toEqual(['package.entry_name_dotdot']);
  });
});

describe('payload', () => {
  it('a payload that is not JSON is refused', async () => {
    const files = [{ path: 'submission.json', data: utf8('{"kind": "parscore.submission",') }];
    const res = await open(craft(id, files));
    expect(codes(res)).toEqual(['package.payload_not_json']);
    if (!res.ok) expect(res.error[0]?.at).toEqual({ file: 'pkg.parscore', field: 'submission.json' });
  });

  it('a payload that is not UTF-8 is refused', async () => {
    const files = [{ path: 'submission.json', data: Buffer.from([0x22, 0xff, 0x22]) }];
    expect(codes(await open(craft(id, files)))).toEqual(['package.payload_not_json']);
  });

  it('a signed payload naming a key twice, at any depth, is refused naming the entry and the key path', async () => {
    const text = '{"kind": "parscore.submission", "assessment": {"items": {"1.1": {"score": 0}, "1.1": {"score": 1}}}}';
    const res = await open(craft(id, [{ path: 'submission.json', data: utf8(text) }]));
    expect(codes(res)).toEqual(['package.entry_duplicate_key']);
    if (res.ok) return;
    expect(res.error[0]?.at).toEqual({ file: 'pkg.parscore', field: 'submission.json: assessment.items.1.1' });
    expect(res.error[0]?.params).toEqual({ path: 'submission.json', key: '1.1', keyPath: 'assessment.items.1.1' });
    expect(formatIssue('en', res.error[0]!)).toContain('In “submission.json” of the package, the key “1.1” appears twice');
  });

  it('a signed payload with a prototype-name key (__proto__, constructor, prototype) is refused, never dropped', async () => {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const text = `{"kind": "parscore.submission", "explanations": {"${key}": {"text": "x"}}}`;
      const res = await open(craft(id, [{ path: 'submission.json', data: utf8(text) }]));
      expect(codes(res)).toEqual(['package.entry_prototype_key']);
      if (res.ok) continue;
      expect(res.error[0]?.at).toEqual({ file: 'pkg.parscore', field: `submission.json: explanations.${key}` });
      expect(formatIssue('vi', res.error[0]!)).toContain(`Trong “submission.json” của tệp gói, khóa “${key}”`);
    }
  });

  it('a manifest with a prototype-name key is refused naming manifest.json', async () => {
    const text = manifestOf(original).toString('utf8').replace('{\n', '{\n  "__proto__": {"schemaVersion": 2},\n');
    const res = await open(replace('manifest.json', utf8(text)));
    expect(codes(res)).toEqual(['package.entry_prototype_key']);
    if (!res.ok) expect(res.error[0]?.at).toEqual({ file: 'pkg.parscore', field: 'manifest.json: __proto__' });
  });

  it('a package without a document at its root is refused', async () => {
    const files = [{ path: 'evidence/a', data: utf8('a') }];
    expect(codes(await open(craft(id, files)))).toEqual(['package.payload_missing']);
  });

  it('a package with two documents at its root is refused', async () => {
    const files = [
      { path: 'a.json', data: utf8('{}') },
      { path: 'b.json', data: utf8('{}') },
    ];
    const res = await open(craft(id, files));
    expect(codes(res)).toEqual(['package.payload_ambiguous']);
    if (!res.ok) expect(res.error[0]?.params).toEqual({ paths: 'a.json, b.json' });
  });

  it('a hand-made manifest in any order is accepted, and the manifest is returned as signed', async () => {
    // The zip as writePackage lays it out (entries in path order, the evidence file stored); the manifest in another order.
    const files = [
      { path: evidencePath, data: evidence },
      { path: 'submission.json', data: payloadBytes(payload) },
    ];
    const listed = listing([...files].reverse());
    const res = await open(craft(id, files, { listed, override: { [evidencePath]: { method: 0 } } }));
    expect(res.ok).toBe(true);
    if (res.ok) expect(res.value.manifest).toEqual(JSON.parse(manifestBytes('parscore.submission', listed, publicInfo(id)).toString('utf8')));
  });
});

describe('messages', () => {
  it('every issue is a known key and renders in both languages with its location', async () => {
    const res = await open(replace(evidencePath, null));
    expect(res.ok).toBe(false);
    if (res.ok) return;
    for (const i of res.error) {
      expect(hasMessage(i.code)).toBe(true);
      expect(formatIssue('vi', i)).toBe(`tệp pkg.parscore · trường ${evidencePath}: Thành phần “${evidencePath}” có trong bảng kê nhưng không có trong tệp gói.`);
      expect(formatIssue('en', i)).not.toMatch(/\{\w+\}/);
    }
  });
});
