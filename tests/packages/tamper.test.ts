import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Issue, Result } from '../../shared/util/issue.ts';
import { type OpenedPackage, readPackage, writePackage } from '../../electron/services/packages/container.ts';
import { generateIdentity } from '../../electron/services/packages/keys.ts';
import { CREATED_AT, type EntryLayout, flip, layout, rezip, sha256, tempDir, throughFile, unzip } from './helpers.ts';

/*
 * A package file changed in any byte is refused: the signature and the SHA-256 manifest cover the
 * content, the layout check covers every other byte (versions, flags, attributes, disk numbers,
 * extra fields, comments, counts, offsets; the free bits of deflate data). A flipped byte in the
 * data of an entry, in a name or in a size is refused for that; one in zip bookkeeping no reader
 * interprets is refused as not canonical, naming that very byte.
 */

const id = generateIdentity('UBND xã Thử Nghiệm');
const payload = { kind: 'parscore.submission', agency: 'XA-01', note: 'Báo cáo tự đánh giá', values: [10, 8.5, 0] };
const evidence = Buffer.from(Array.from({ length: 200 }, (_, i) => (i * 7) % 256));
const evidencePath = `evidence/${sha256(evidence)}`;
const minutes = Buffer.from('%PDF-1.7\nBiên bản họp ngày 02/03/2025 — Quyết định 12/QĐ-UBND\n%%EOF\n', 'utf8');
const minutesPath = `evidence/${sha256(minutes)}`;
let original: Buffer;
let zip: EntryLayout[];
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
      createdAt: CREATED_AT,
    }),
  );
  zip = layout(original);
});
afterAll(async () => {
  await cleanup();
});

/** manifest.json, signature.json, then the others in path order, as writePackage adds them. */
function byWriterOrder(a: string, b: string): number {
  const rank = (n: string) => (n === 'manifest.json' ? 0 : n === 'signature.json' ? 1 : 2);
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}

function entry(name: string): EntryLayout {
  const e = zip.find((x) => x.name === name);
  if (!e) throw new Error(name);
  return e;
}

/** Offsets at the start, in the middle and at the end of an entry's data. */
function offsetsIn(name: string): number[] {
  const e = entry(name);
  return [e.dataStart, e.dataStart + Math.floor(e.compressedSize / 2), e.dataStart + e.compressedSize - 1];
}

function contentOf(name: string): Buffer {
  const e = unzip(original).find((x) => x.name === name);
  if (!e) throw new Error(name);
  return e.data;
}

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
    p.manifest.createdAt === CREATED_AT
  );
}

describe('a byte flipped in the package file', () => {
  it('the untouched file is accepted (control)', async () => {
    expect(sameContent(await readPackage(original, 'x.parscore', {}))).toBe(true);
  });

  it('inside the payload entry data: rejected', async () => {
    for (const at of offsetsIn('submission.json')) {
      const res = await readPackage(await throughFile(dir, 'flipped.parscore', flip(original, at)), 'flipped.parscore', {});
      expect(res.ok, `offset ${at}`).toBe(false);
      expect(codes(res)[0]).toBe('package.entry_damaged');
    }
  });

  it('inside the manifest entry data: rejected', async () => {
    for (const at of offsetsIn('manifest.json')) {
      const res = await readPackage(flip(original, at), 'x', {});
      expect(res.ok, `offset ${at}`).toBe(false);
    }
  });

  it('inside the signature entry data: rejected', async () => {
    for (const at of offsetsIn('signature.json')) {
      const res = await readPackage(flip(original, at), 'x', {});
      expect(res.ok, `offset ${at}`).toBe(false);
    }
  });

  it('inside a stored evidence file: rejected as damaged (CRC-32)', async () => {
    for (const at of [...offsetsIn(evidencePath), ...offsetsIn(minutesPath)]) {
      const res = await readPackage(flip(original, at, 0x01), 'x', {});
      expect(codes(res), `offset ${at}`).toContain('package.entry_damaged');
    }
  });

  it('inside an entry name: rejected', async () => {
    const e = entry('submission.json');
    for (const at of [e.localHeader + 30, e.central + 46 + 3]) {
      expect((await readPackage(flip(original, at, 0x01), 'x', {})).ok, `offset ${at}`).toBe(false);
    }
  });

  it('at every offset, with two masks: always rejected; in zip bookkeeping as not canonical, naming that very byte', async () => {
    const started = Date.now();
    expect(zip.map((e) => e.name)).toEqual(['manifest.json', 'signature.json', minutesPath, evidencePath, 'submission.json'].sort(byWriterOrder));
    const accepted: string[] = [];
    const misplaced: string[] = [];
    const byCode = new Map<string, number>();
    for (let at = 0; at < original.byteLength; at++) {
      for (const mask of [0xff, 0x01]) {
        const res = await readPackage(flip(original, at, mask), 'x', {});
        if (res.ok) {
          accepted.push(`offset ${at} mask ${mask}`);
          continue;
        }
        const first = res.error[0] as Issue;
        byCode.set(first.code, (byCode.get(first.code) ?? 0) + 1);
        if (first.code !== 'package.not_canonical') continue;
        // In zip bookkeeping the byte named is the one flipped; in deflate data, a byte of that entry's data.
        const inData = zip.find((e) => at >= e.dataStart && at < e.dataStart + e.compressedSize);
        const offset = Number(first.params?.offset);
        const named = inData ? first.at?.field === inData.name && offset >= inData.dataStart && offset < inData.dataStart + inData.compressedSize : offset === at;
        if (!named) misplaced.push(`offset ${at} mask ${mask}: ${JSON.stringify(first)}`);
      }
    }
    expect(accepted).toEqual([]);
    expect(misplaced).toEqual([]);
    // The bytes only the layout check looks at (version made by, attributes, disk numbers…) are there, refused.
    expect(byCode.get('package.not_canonical')).toBeGreaterThan(50);
    // Most flips are refused before anything is inflated or verified: the whole sweep stays quick.
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('every bit of every byte outside the entries’ data, flipped alone: rejected', async () => {
    const accepted: string[] = [];
    for (let at = 0; at < original.byteLength; at++) {
      if (zip.some((e) => at >= e.dataStart && at < e.dataStart + e.compressedSize)) continue;
      for (let bit = 0; bit < 8; bit++) {
        if ((await readPackage(flip(original, at, 1 << bit), 'x', {})).ok) accepted.push(`offset ${at} bit ${bit}`);
      }
    }
    expect(accepted).toEqual([]);
  });

  it('any change to the first or last byte of deflate data (block header, padding bits after the final block): rejected', async () => {
    const deflated = zip.filter((e) => e.method === 8);
    expect(deflated.map((e) => e.name)).toEqual(['manifest.json', 'signature.json', 'submission.json']);
    for (const e of deflated) {
      for (const at of [e.dataStart, e.dataStart + e.compressedSize - 1]) {
        for (let mask = 1; mask < 256; mask++) {
          const res = await readPackage(flip(original, at, mask), 'x', {});
          expect(res.ok, `${e.name} offset ${at} mask ${mask}`).toBe(false);
        }
      }
    }
  });

  it('a padding bit set after the final deflate block: not canonical, naming that byte of that entry', async () => {
    const found: string[] = [];
    for (const e of zip.filter((x) => x.method === 8)) {
      const last = e.dataStart + e.compressedSize - 1;
      // zlib fills the last byte with zero bits after the end of the stream: the high bits, when there are any.
      for (let bit = 7; bit >= 1; bit--) {
        const res = await readPackage(flip(original, last, 1 << bit), 'pkg.parscore', {});
        expect(res.ok).toBe(false);
        if (res.ok || !/padding bits after/.test(String(res.error[0]?.params?.detail))) continue;
        expect(codes(res)).toEqual(['package.not_canonical']);
        expect(res.error[0]).toMatchObject({ at: { file: 'pkg.parscore', field: e.name }, params: { offset: last, detail: `data of ${e.name}: padding bits after the end of the deflate stream` } });
        found.push(`${e.name} bit ${bit}`);
      }
    }
    expect(found.length).toBeGreaterThan(0);
  });
});

describe('content changed and re-zipped with correct CRCs', () => {
  it('any byte of manifest.json changed: rejected', async () => {
    const m = contentOf('manifest.json');
    for (let i = 0; i < m.byteLength; i++) {
      const changed = rezip(original, (es) => es.map((e) => (e.name === 'manifest.json' ? { name: e.name, data: flip(e.data, i, 0x01) } : e)));
      const res = await readPackage(changed, 'x', {});
      expect(res.ok, `manifest byte ${i}`).toBe(false);
    }
  });

  it('the manifest re-written with another date: signature invalid', async () => {
    const changed = rezip(original, (es) =>
      es.map((e) => (e.name === 'manifest.json' ? { name: e.name, data: Buffer.from(e.data.toString('utf8').replace(CREATED_AT, '2025-03-09T08:00:00.000+07:00')) } : e)),
    );
    expect(codes(await readPackage(changed, 'x', {}))).toEqual(['package.signature_invalid']);
  });

  it('any byte of the payload changed: rejected as a SHA-256 mismatch', async () => {
    const p = contentOf('submission.json');
    for (let i = 0; i < p.byteLength; i += 7) {
      const changed = rezip(original, (es) => es.map((e) => (e.name === 'submission.json' ? { name: e.name, data: flip(e.data, i, 0x01) } : e)));
      expect(codes(await readPackage(changed, 'x', {})), `payload byte ${i}`).toEqual(['package.entry_hash_mismatch']);
    }
  });

  it('any byte of signature.json changed: rejected, except the signer name, which the signature does not cover', async () => {
    const s = contentOf('signature.json');
    const text = s.toString('utf8');
    const nameStart = Buffer.byteLength(text.slice(0, text.indexOf(JSON.stringify(id.name))), 'utf8') + 1;
    const nameEnd = nameStart + Buffer.byteLength(id.name, 'utf8');
    for (let i = 0; i < s.byteLength; i++) {
      const changed = rezip(original, (es) => es.map((e) => (e.name === 'signature.json' ? { name: e.name, data: flip(e.data, i, 0x01) } : e)));
      const res = await readPackage(changed, 'x', {});
      if (i >= nameStart && i < nameEnd && res.ok) {
        // Only the self-declared name changed; the key, the fingerprint and the content are the original.
        expect(res.value.signer.fingerprint).toBe(id.fingerprint);
        expect(res.value.signer.publicKey).toBe(id.publicKey);
        expect(res.value.payload).toEqual(payload);
      } else expect(res.ok, `signature byte ${i}`).toBe(false);
    }
  });
});

describe('a damaged or foreign file', () => {
  it('a truncated file is rejected as truncated', async () => {
    for (const len of [original.byteLength - 1, original.byteLength - 22, Math.floor(original.byteLength / 2), 40, 4]) {
      const res = await readPackage(await throughFile(dir, 'cut.parscore', original.subarray(0, len)), 'cut.parscore', {});
      expect(codes(res), `length ${len}`).toEqual(['package.truncated']);
      if (!res.ok) expect(res.error[0]?.at).toEqual({ file: 'cut.parscore' });
    }
  });

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
