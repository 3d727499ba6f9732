import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../shared/util/issue.ts';
import { type OpenedPackage, TRAILER_BYTES, readPackage, writePackage } from '../../electron/services/packages/container.ts';
import { generateIdentity, publicInfo } from '../../electron/services/packages/keys.ts';
import { BINDING, CREATED_AT, buildZip, flip, listing, payloadBytes, rezip, sha256, signZip, tempDir, throughFile, unzip, utf8 } from './helpers.ts';

/*
 * Exchange format 2: a package file changed in any byte, cut short or lengthened is refused. The
 * signature at the end of the file covers every byte before it, so a changed byte anywhere (entry
 * data, names, sizes, any zip bookkeeping, the end record, the key in the trailer) fails the
 * signature, and a change in the signature itself fails it too; no zip-layout or deflate analysis.
 */

const id = generateIdentity('UBND xã Thử Nghiệm');
const payload = { kind: 'parscore.submission', agency: 'XA-01', note: 'Báo cáo tự đánh giá', values: [10, 8.5, 0] };
const evidence = Buffer.from(Array.from({ length: 200 }, (_, i) => (i * 7) % 256));
const evidencePath = `evidence/${sha256(evidence)}`;
const minutes = Buffer.from('%PDF-1.7\nBiên bản họp ngày 02/03/2025 — Quyết định 12/QĐ-UBND\n%%EOF\n', 'utf8');
const minutesPath = `evidence/${sha256(minutes)}`;
let original: Buffer;
let dir = '';
let cleanup: () => Promise<void> = async () => undefined;

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  original = Buffer.from(
    await writePackage({
      kind: 'parscore.submission',
      payload: { path: 'submission.json', json: payload },
      files: [
        { path: evidencePath, data: evidence },
        { path: minutesPath, data: minutes },
      ],
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

function sameContent(r: Result<OpenedPackage>): boolean {
  if (!r.ok) return false;
  const p = r.value;
  return (
    JSON.stringify(p.payload) === JSON.stringify(payload) &&
    p.files.size === 2 &&
    Buffer.from(p.files.get(evidencePath) as Uint8Array).equals(evidence) &&
    Buffer.from(p.files.get(minutesPath) as Uint8Array).equals(minutes) &&
    p.signer.fingerprint === id.fingerprint &&
    p.signer.name === id.name &&
    JSON.stringify(p.manifest.campaign) === JSON.stringify(BINDING) &&
    p.manifest.createdAt === CREATED_AT
  );
}

describe('the file as written', () => {
  it('is accepted, and is an ordinary zip ending with its signature in the zip comment', async () => {
    expect(sameContent(await readPackage(await throughFile(dir, 'x.parscore', original), 'x.parscore', {}))).toBe(true);
    expect(unzip(original).map((e) => e.name)).toEqual(['manifest.json', minutesPath, evidencePath, 'submission.json'].sort((a, b) => (a === 'manifest.json' ? -1 : b === 'manifest.json' ? 1 : a < b ? -1 : 1)));
    const tail = original.subarray(original.byteLength - TRAILER_BYTES).toString('latin1');
    expect(tail).toMatch(new RegExp(`^PARSCORE-SIGNED/2 Ed25519 ${id.publicKey.replace(/[+/]/g, '\\$&')} [A-Za-z0-9+/]{86}==$`));
    // The end record's comment length is the trailer's: archive tools see the trailer as the zip comment.
    expect(original.readUInt16LE(original.byteLength - TRAILER_BYTES - 2)).toBe(TRAILER_BYTES);
  });
});

describe('a byte flipped in the package file', () => {
  it('at every offset, with two masks: always rejected; before the signature, as an invalid signature', async () => {
    const accepted: string[] = [];
    const notSignature: string[] = [];
    const sigStart = original.byteLength - 88;
    for (let at = 0; at < original.byteLength; at++) {
      for (const mask of [0xff, 0x01]) {
        const res = await readPackage(flip(original, at, mask), 'x', {});
        if (res.ok) accepted.push(`offset ${at} mask ${mask}`);
        // Bytes of the zip (before the trailer) are refused by the signature, never by a zip check first.
        else if (at < sigStart - TRAILER_BYTES + 88 && at < original.byteLength - TRAILER_BYTES && codes(res)[0] !== 'package.signature_invalid') notSignature.push(`offset ${at} mask ${mask}: ${codes(res).join(',')}`);
      }
    }
    expect(accepted).toEqual([]);
    expect(notSignature).toEqual([]);
  });

  it('every bit of every byte of the trailer (prefix, key, signature), flipped alone: rejected', async () => {
    const accepted: string[] = [];
    for (let at = original.byteLength - TRAILER_BYTES - 22; at < original.byteLength; at++) {
      for (let bit = 0; bit < 8; bit++) {
        const res = await readPackage(flip(original, at, 1 << bit), 'x', {});
        if (res.ok) accepted.push(`offset ${at} bit ${bit}`);
      }
    }
    expect(accepted).toEqual([]);
  });
});

describe('a file cut short or lengthened', () => {
  it('every truncation is rejected, naming the file', async () => {
    const accepted: number[] = [];
    const seen = new Set<string>();
    for (let len = 0; len < original.byteLength; len++) {
      const res = await readPackage(original.subarray(0, len), 'cut.parscore', {});
      if (res.ok) accepted.push(len);
      else {
        seen.add(codes(res)[0] as string);
        expect(res.error[0]?.at?.file).toBe('cut.parscore');
      }
    }
    expect(accepted).toEqual([]);
    // Cut anywhere, the trailer is gone and the zip's end record with it (or says a longer comment): truncated, or not a zip at all.
    expect([...seen].sort()).toEqual(['package.not_zip', 'package.truncated']);
  });

  it('bytes added before or after the file: rejected', async () => {
    for (const data of [Buffer.concat([original, Buffer.from([0])]), Buffer.concat([original, utf8('\n')]), Buffer.concat([Buffer.from([0]), original]), Buffer.concat([original, original])]) {
      expect((await readPackage(data, 'x', {})).ok).toBe(false);
    }
  });
});

describe('content changed', () => {
  it('re-zipped by an archive tool (no signature comment): the signature is missing', async () => {
    const changed = rezip(original, (es) => es.map((e) => (e.name === 'submission.json' ? { name: e.name, data: utf8('{"kind":"x"}\n') } : e)));
    expect(codes(await readPackage(changed, 'x', {}))).toEqual(['package.signature_missing']);
  });

  it('re-signed by another key: opened, naming the other key (the caller compares it with the key it pinned)', async () => {
    const other = generateIdentity('Người khác');
    const resigned = (m: Buffer): Buffer => payloadBytes({ ...(JSON.parse(m.toString('utf8')) as object), signer: publicInfo(other) });
    const entries = unzip(original).map((e) => (e.name === 'manifest.json' ? { name: e.name, data: resigned(e.data) } : e));
    const res = await readPackage(signZip(buildZip(entries.map((e) => ({ name: e.name, data: e.data }))), other), 'x', {});
    expect(res.ok && res.value.signer.fingerprint).toBe(other.fingerprint);
  });

  it('a manifest naming another signer than the key that signed: refused', async () => {
    const other = generateIdentity('Người khác');
    const res = await readPackage(signZip(buildZip(unzip(original).map((e) => ({ name: e.name, data: e.data }))), other), 'x', {});
    expect(codes(res)).toEqual(['package.signer_mismatch']);
  });

  it('a payload changed and signed again with the same key but the old manifest: a SHA-256 mismatch', async () => {
    const entries = unzip(original).map((e) => (e.name === 'submission.json' ? { name: e.name, data: payloadBytes({ ...payload, values: [10, 9.5, 0] }) } : e));
    const res = await readPackage(signZip(buildZip(entries.map((e) => ({ name: e.name, data: e.data }))), id), 'x', {});
    expect(codes(res)).toEqual(['package.entry_hash_mismatch']);
  });
});

describe('a file of exchange format 1, or of a later one', () => {
  it('a v1 file (manifest and signature.json, no signature comment) is refused naming version 1', async () => {
    const files = [{ path: 'submission.json', data: payloadBytes(payload) }];
    const manifest = utf8(`${JSON.stringify({ kind: 'parscore.manifest', schemaVersion: 1, packageKind: 'parscore.submission', createdAt: CREATED_AT, entries: listing(files) }, null, 2)}\n`);
    const v1 = buildZip([
      { name: 'manifest.json', data: manifest },
      { name: 'signature.json', data: utf8('{"kind":"parscore.signature","schemaVersion":1}\n') },
      { name: 'submission.json', data: files[0]!.data },
    ]);
    const res = await readPackage(v1, 'cu.parscore', {});
    expect(res.ok ? [] : res.error).toEqual([{ code: 'package.format_version', at: { file: 'cu.parscore' }, params: { version: 1, supported: 2 } }]);
  });

  it('a file whose trailer names format 3 is refused naming version 3', async () => {
    const later = Buffer.from(original);
    later.write('3', original.byteLength - TRAILER_BYTES + 'PARSCORE-SIGNED/'.length, 'latin1');
    const res = await readPackage(later, 'moi.parscore', {});
    expect(res.ok ? [] : res.error).toEqual([{ code: 'package.format_version', at: { file: 'moi.parscore' }, params: { version: 3, supported: 2 } }]);
  });
});

describe('a damaged or foreign file', () => {
  it('a file that is not a zip is rejected as not a zip', async () => {
    for (const data of [Buffer.from(JSON.stringify(payload)), Buffer.from('%PDF-1.7\n%âãÏÓ\n'), Buffer.alloc(0), Buffer.alloc(2048, 0x42)]) {
      const res = await readPackage(await throughFile(dir, 'other.parscore', data), 'other.parscore', {});
      expect(codes(res)).toEqual(['package.not_zip']);
    }
  });

  it('a file larger than the limit is rejected before it is parsed', async () => {
    const res = await readPackage(original, 'x', { limits: { maxPackageBytes: original.byteLength - 1 } });
    expect(codes(res)).toEqual(['package.too_large']);
    if (!res.ok) expect(res.error[0]?.params).toEqual({ size: original.byteLength, max: original.byteLength - 1 });
  });
});
