import { constants, crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatIssue, formatNumber } from '../../shared/i18n/index.ts';
import type { Result } from '../../shared/util/issue.ts';
import { checkLayout, checkWriterChoices, ZIP_EXTERNAL_ATTRIBUTES, ZIP_VERSION_MADE_BY } from '../../electron/services/packages/canonical.ts';
import { RATIO_FLOOR_BYTES, type OpenedPackage, readPackage, writePackage } from '../../electron/services/packages/container.ts';
import { checkDeflateStream } from '../../electron/services/packages/deflate.ts';
import { generateIdentity } from '../../electron/services/packages/keys.ts';
import { CREATED_AT, layout, sha256 } from './helpers.ts';

/*
 * The layout readPackage accepts is exactly the one writePackage writes. A zip writer of our own
 * reproduces the writer's bytes exactly; each variant below changes one thing a zip tool could
 * write differently, with the content (and so the signature and the manifest) left as it is.
 */

const id = generateIdentity('Sở Tư pháp');
const payload = { kind: 'parscore.submission', agency: 'STP', note: 'Tự đánh giá năm 2025', items: { '1.1': 2, '1.2': 0.5 } };
const scan = Buffer.from(Array.from({ length: 300 }, (_, i) => (i * 13) % 256));
const pdf = Buffer.from('%PDF-1.7\nBiên bản\n%%EOF\n', 'utf8');
let original: Buffer;

beforeAll(async () => {
  original = Buffer.from(
    await writePackage({
      kind: 'parscore.submission',
      payload: { path: 'submission.json', json: payload },
      files: [
        { path: `evidence/${sha256(scan)}`, data: scan },
        { path: `evidence/${sha256(pdf)}`, data: pdf },
      ],
      identity: id,
      createdAt: CREATED_AT,
    }),
  );
});

function codes(r: Result<OpenedPackage>): string[] {
  return r.ok ? [] : r.error.map((i) => i.code);
}

/** One entry as it is in the file: its name, method, CRC-32, size and compressed bytes. */
interface Part {
  name: string;
  method: number;
  crc: number;
  size: number;
  body: Buffer;
}

function partsOf(zip: Buffer): Part[] {
  return layout(zip).map((e) => {
    const body = zip.subarray(e.dataStart, e.dataStart + e.compressedSize);
    const data = e.method === 8 ? inflateRawSync(body) : body;
    return { name: e.name, method: e.method, crc: crc32(data), size: data.byteLength, body: Buffer.from(body) };
  });
}

/** What one variant changes; per-entry changes apply to entry `entry` (default 0). */
interface Variant {
  entry?: number;
  needed?: number;
  flags?: number;
  time?: number;
  date?: number;
  madeBy?: number;
  internal?: number;
  external?: number;
  disk?: number;
  localExtra?: Buffer;
  centralExtra?: Buffer;
  centralComment?: Buffer;
  descriptor?: boolean;
  gapAfter?: Buffer;
  leading?: Buffer;
  zip64?: boolean;
  zipComment?: Buffer;
  trailing?: Buffer;
}

/** A zip of `parts`, written field by field as yazl writes one (with `v` applied). */
function assemble(parts: Part[], v: Variant = {}): Buffer {
  const chunks: Buffer[] = [];
  let offset = 0;
  const push = (b: Buffer): void => {
    chunks.push(b);
    offset += b.byteLength;
  };
  const none = Buffer.alloc(0);
  if (v.leading) push(v.leading);
  const at: number[] = [];
  const pick = <T>(i: number, value: T | undefined, otherwise: T): T => (i === (v.entry ?? 0) && value !== undefined ? value : otherwise);
  parts.forEach((p, i) => {
    const name = Buffer.from(p.name, 'utf8');
    const descriptor = pick(i, v.descriptor, false);
    const extra = pick(i, v.localExtra, none);
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(pick(i, v.needed, 20), 4);
    h.writeUInt16LE(pick(i, v.flags, 0x0800) | (descriptor ? 0x08 : 0), 6);
    h.writeUInt16LE(p.method, 8);
    h.writeUInt16LE(pick(i, v.time, 0), 10);
    h.writeUInt16LE(pick(i, v.date, 0x21), 12);
    if (!descriptor) {
      h.writeUInt32LE(p.crc, 14);
      h.writeUInt32LE(p.body.byteLength, 18);
      h.writeUInt32LE(p.size, 22);
    }
    h.writeUInt16LE(name.byteLength, 26);
    h.writeUInt16LE(extra.byteLength, 28);
    at.push(offset);
    push(Buffer.concat([h, name, extra, p.body]));
    if (descriptor) {
      const d = Buffer.alloc(16);
      d.writeUInt32LE(0x08074b50, 0);
      d.writeUInt32LE(p.crc, 4);
      d.writeUInt32LE(p.body.byteLength, 8);
      d.writeUInt32LE(p.size, 12);
      push(d);
    }
    const gap = pick(i, v.gapAfter, none);
    if (gap.byteLength) push(gap);
  });
  const cdStart = offset;
  parts.forEach((p, i) => {
    const name = Buffer.from(p.name, 'utf8');
    const extra = pick(i, v.centralExtra, none);
    const comment = pick(i, v.centralComment, none);
    const h = Buffer.alloc(46);
    h.writeUInt32LE(0x02014b50, 0);
    h.writeUInt16LE(pick(i, v.madeBy, 0x033f), 4);
    h.writeUInt16LE(pick(i, v.needed, 20), 6);
    h.writeUInt16LE(pick(i, v.flags, 0x0800) | (pick(i, v.descriptor, false) ? 0x08 : 0), 8);
    h.writeUInt16LE(p.method, 10);
    h.writeUInt16LE(pick(i, v.time, 0), 12);
    h.writeUInt16LE(pick(i, v.date, 0x21), 14);
    h.writeUInt32LE(p.crc, 16);
    h.writeUInt32LE(p.body.byteLength, 20);
    h.writeUInt32LE(p.size, 24);
    h.writeUInt16LE(name.byteLength, 28);
    h.writeUInt16LE(extra.byteLength, 30);
    h.writeUInt16LE(comment.byteLength, 32);
    h.writeUInt16LE(pick(i, v.disk, 0), 34);
    h.writeUInt16LE(pick(i, v.internal, 0), 36);
    h.writeUInt32LE(pick(i, v.external, (0o100644 << 16) >>> 0), 38);
    h.writeUInt32LE(at[i] as number, 42);
    push(Buffer.concat([h, name, extra, comment]));
  });
  const cdSize = offset - cdStart;
  if (v.zip64) {
    const record = Buffer.alloc(56);
    record.writeUInt32LE(0x06064b50, 0);
    record.writeBigUInt64LE(44n, 4);
    record.writeUInt16LE(0x033f, 12);
    record.writeUInt16LE(45, 14);
    record.writeBigUInt64LE(BigInt(parts.length), 24);
    record.writeBigUInt64LE(BigInt(parts.length), 32);
    record.writeBigUInt64LE(BigInt(cdSize), 40);
    record.writeBigUInt64LE(BigInt(cdStart), 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeBigUInt64LE(BigInt(offset), 8);
    locator.writeUInt32LE(1, 16);
    push(Buffer.concat([record, locator]));
  }
  const comment = v.zipComment ?? none;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cdSize, 12);
  end.writeUInt32LE(cdStart, 16);
  end.writeUInt16LE(comment.byteLength, 20);
  push(Buffer.concat([end, comment]));
  if (v.trailing) push(v.trailing);
  return Buffer.concat(chunks);
}

/** An Info-ZIP "UT" extended timestamp, as yazl writes it in the central directory without forceDosTimestamp. */
function utExtra(): Buffer {
  const b = Buffer.alloc(9);
  b.writeUInt16LE(0x5455, 0);
  b.writeUInt16LE(5, 2);
  b.writeUInt8(3, 4);
  b.writeUInt32LE(1735689600, 5);
  return b;
}

describe('the layout writePackage writes', () => {
  it('is reproduced byte for byte by the test zip writer, so that each variant below differs in one thing only', () => {
    expect(assemble(partsOf(original)).equals(original)).toBe(true);
    const central = layout(original)[0]?.central as number;
    expect(original.readUInt16LE(central + 4)).toBe(ZIP_VERSION_MADE_BY);
    expect(original.readUInt32LE(central + 38)).toBe(ZIP_EXTERNAL_ATTRIBUTES);
  });

  it('passes the layout check and the writer-choice check', () => {
    const laid = checkLayout(original);
    expect(laid.ok).toBe(true);
    if (!laid.ok) return;
    const others = [`evidence/${sha256(scan)}`, `evidence/${sha256(pdf)}`, 'submission.json'].sort();
    expect(laid.entries.map((e) => e.name)).toEqual(['manifest.json', 'signature.json', ...others]);
    expect(laid.entries.map((e) => e.method)).toEqual(['manifest.json', 'signature.json', ...others].map((n) => (n.startsWith('evidence/') ? 0 : 8)));
    expect(checkWriterChoices(laid.entries, RATIO_FLOOR_BYTES)).toBeNull();
  });

  it('a payload the writer stores because it compresses too well is accepted stored', async () => {
    const big = { kind: 'parscore.submission', filler: '0'.repeat(RATIO_FLOOR_BYTES + 10) };
    const zip = Buffer.from(await writePackage({ kind: 'parscore.submission', payload: { path: 'submission.json', json: big }, identity: id, createdAt: CREATED_AT }));
    expect(layout(zip).find((e) => e.name === 'submission.json')?.method).toBe(0);
    const res = await readPackage(zip, 'big.parscore', {});
    expect(res.ok).toBe(true);
  });
});

describe('the same content laid out otherwise: refused as not canonical', () => {
  const evidence = 2; // the first evidence file (stored)
  const cases: [string, Variant][] = [
    ['version needed to extract 1.0', { needed: 10 }],
    ['version needed to extract 4.5 (zip64)', { needed: 45, entry: evidence }],
    ['version made by MS-DOS, spec 2.0', { madeBy: 0x0014 }],
    ['version made by Unix, spec 3.0', { madeBy: 0x031e, entry: evidence }],
    ['the "maximum compression" flag bit', { flags: 0x0802 }],
    ['no UTF-8 flag on an ASCII name', { flags: 0, entry: evidence }],
    ['another modification time', { time: 0x6000 }],
    ['another modification date', { date: 0x5a21, entry: evidence }],
    ['MS-DOS external attributes', { external: 0x20 }],
    ['an executable file mode', { external: (0o100755 << 16) >>> 0, entry: evidence }],
    ['the "text file" internal attribute', { internal: 1 }],
    ['disk number 1', { disk: 1, entry: evidence }],
    ['an extra field in a local header', { localExtra: utExtra() }],
    ['an extra field in the central directory (yazl without forceDosTimestamp)', { centralExtra: utExtra(), entry: evidence }],
    ['a file comment', { centralComment: Buffer.from('scan') }],
    ['a data descriptor after the data', { descriptor: true, entry: evidence }],
    ['bytes between two entries', { gapAfter: Buffer.alloc(16), entry: 1 }],
    ['bytes before the first entry (offsets moved to match)', { leading: Buffer.from('MZ\u0090\u0000'.repeat(8), 'latin1') }],
    ['zip64 end records', { zip64: true }],
    ['a zip comment', { zipComment: Buffer.from('ParScore') }],
    ['bytes after the end record', { trailing: Buffer.alloc(8) }],
  ];
  for (const [what, variant] of cases) {
    it(what, async () => {
      const zip = assemble(partsOf(original), variant);
      expect(zip.equals(original)).toBe(false);
      const res = await readPackage(zip, 'other.parscore', {});
      expect(res.ok).toBe(false);
      // A zip tool's trailing bytes break the end record before our check: refused all the same.
      if (!variant.trailing) expect(codes(res)).toEqual(['package.not_canonical']);
    });
  }

  it('entries in another order', async () => {
    const parts = partsOf(original);
    const swapped = [...parts.slice(0, 2), parts[3] as Part, parts[2] as Part, ...parts.slice(4)];
    const res = await readPackage(assemble(swapped), 'x', {});
    expect(codes(res)).toEqual(['package.not_canonical']);
    if (!res.ok) expect(res.error[0]?.params?.detail).toMatch(/in path order/);
  });

  it('an evidence file deflated, or manifest.json stored', async () => {
    const deflate = (p: Part): Part => ({ ...p, method: 8, body: deflateRawSync(p.method === 8 ? inflateRawSync(p.body) : p.body) });
    const store = (p: Part): Part => ({ ...p, method: 0, body: p.method === 8 ? inflateRawSync(p.body) : p.body });
    const parts = partsOf(original);
    for (const changed of [parts.map((p, i) => (i === evidence ? deflate(p) : p)), parts.map((p, i) => (i === 0 ? store(p) : p))]) {
      const res = await readPackage(assemble(changed), 'x', {});
      expect(codes(res)).toEqual(['package.not_canonical']);
      if (!res.ok) expect(res.error[0]?.params?.detail).toMatch(/compression method/);
    }
  });

  it('names the byte and the field, in both languages', async () => {
    const zip = assemble(partsOf(original), { external: 0x20, entry: evidence });
    const e = layout(zip)[evidence];
    const res = await readPackage(zip, 'STP.parscore', {});
    expect(res.ok).toBe(false);
    if (res.ok || !e) return;
    const issue = res.error[0];
    expect(issue).toEqual({
      code: 'package.not_canonical',
      at: { file: 'STP.parscore', field: e.name },
      params: { offset: e.central + 38, detail: `central directory header of ${e.name}: external attributes` },
    });
    if (!issue) return;
    expect(formatIssue('vi', issue)).toContain(`Tệp gói không đúng cấu trúc mà ParScore ghi ra (byte ${formatNumber('vi', e.central + 38)}: central directory header of ${e.name}: external attributes)`);
    expect(formatIssue('en', issue)).toContain('not laid out exactly as ParScore writes it');
    expect(formatIssue('en', issue)).not.toMatch(/\{\w+\}/);
  });
});

describe('the free bits of deflate data', () => {
  const texts = [
    Buffer.alloc(0),
    Buffer.from('a'),
    Buffer.from(JSON.stringify(payload, null, 2)),
    Buffer.from(JSON.stringify({ entries: Array.from({ length: 40 }, (_, i) => ({ path: `evidence/${sha256(Buffer.from([i]))}`, size: i * 37 })) }, null, 2)),
    Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 7919) % 251)),
    Buffer.from('Biên bản họp — Quyết định 12/QĐ-UBND\n'.repeat(200)),
  ];
  const settings = [
    { level: 6 },
    { level: 1 },
    { level: 9 },
    { level: 0 },
    { level: 6, strategy: constants.Z_FIXED },
    { level: 6, strategy: constants.Z_HUFFMAN_ONLY },
  ];

  /** Short texts over a small alphabet (seeded): dynamic blocks with few or no matches, where zlib's trees have the most free bits. */
  function smallAlphabetTexts(): Buffer[] {
    let seed = 12345;
    const next = (): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x80000000;
    };
    const alphabet = 'abcdefg {}"\n:,0123';
    return Array.from({ length: 5 }, () => Buffer.from(Array.from({ length: 50 + Math.floor(next() * 300) }, () => alphabet.charCodeAt(Math.floor(next() * alphabet.length)))));
  }

  /** Applies `change` to `raw`; true when zlib still inflates it to `content`. */
  function sameContent(raw: Buffer, content: Buffer, at: number, mask: number): Buffer | null {
    const changed = Buffer.from(raw);
    changed[at] = (changed[at] as number) ^ mask;
    try {
      return inflateRawSync(changed).equals(content) ? changed : null;
    } catch {
      return null;
    }
  }

  it('zlib output passes, whatever the level or strategy', () => {
    for (const t of [...texts, ...smallAlphabetTexts()]) {
      for (const s of settings) expect(checkDeflateStream(deflateRawSync(t, s)), `${t.byteLength} ${JSON.stringify(s)}`).toBeNull();
    }
  });

  it('every single-bit change zlib inflates to the same content is found (tree descriptions, padding)', () => {
    const missed: string[] = [];
    let same = 0;
    for (const [n, t] of smallAlphabetTexts().entries()) {
      for (const s of [{ level: 1 }, { level: 6 }]) {
        const raw = deflateRawSync(t, s);
        for (let at = 0; at < raw.byteLength; at++) {
          for (let bit = 0; bit < 8; bit++) {
            const changed = sameContent(raw, t, at, 1 << bit);
            if (!changed) continue;
            same++;
            if (!checkDeflateStream(changed)) missed.push(`text ${n} level ${s.level} byte ${at} bit ${bit}`);
          }
        }
      }
    }
    expect(missed).toEqual([]);
    // Such changes exist in these streams (unused distance codes, padding): the loop did meet them.
    expect(same).toBeGreaterThan(10);
  });

  it('any change to the first or last bytes that zlib inflates to the same content is found (stored blocks, padding)', () => {
    const missed: string[] = [];
    let same = 0;
    for (const t of texts.slice(0, 4)) {
      for (const s of [{ level: 6 }, { level: 0 }, { level: 6, strategy: constants.Z_FIXED }]) {
        const raw = deflateRawSync(t, s);
        const offsets = new Set([0, 1, 2, 3, raw.byteLength - 2, raw.byteLength - 1].filter((i) => i >= 0 && i < raw.byteLength));
        for (const at of offsets) {
          for (let mask = 1; mask < 256; mask++) {
            const changed = sameContent(raw, t, at, mask);
            if (!changed) continue;
            same++;
            if (!checkDeflateStream(changed)) missed.push(`${t.byteLength} ${JSON.stringify(s)} byte ${at} mask ${mask}`);
          }
        }
      }
    }
    expect(missed).toEqual([]);
    expect(same).toBeGreaterThan(20);
  });
});

describe('what the layout check leaves to the content checks', () => {
  it('the JSON entries deflated by another zlib (here: level 1, fixed codes) are accepted: matches are not compared', async () => {
    const parts = partsOf(original).map((p) => (p.method === 8 ? { ...p, body: deflateRawSync(inflateRawSync(p.body), { level: 1, strategy: constants.Z_FIXED }) } : p));
    const zip = assemble(parts);
    expect(zip.equals(original)).toBe(false);
    expect((await readPackage(zip, 'x', {})).ok).toBe(true);
  });
});
