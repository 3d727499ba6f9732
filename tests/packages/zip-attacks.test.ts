import { constants, deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { Result } from '../../shared/util/issue.ts';
import { type OpenedPackage, TRAILER_BYTES, readPackage, writePackage } from '../../electron/services/packages/container.ts';
import { generateIdentity } from '../../electron/services/packages/keys.ts';
import { BINDING, buildZip, craft, layout, listing, localBlock, manifestBytes, payloadBytes, sha256, signZip, utf8 } from './helpers.ts';
import { publicInfo } from '../../electron/services/packages/keys.ts';

/*
 * Zips no honest writer produces, each signed properly so that only the attack itself can be the
 * reason for the refusal (the signer may be anyone until the caller compares its key). Without the
 * key, the same attacks on a genuine file never reach the zip reader: see the last block.
 */

const id = generateIdentity('Sở Nội vụ');
const payload = payloadBytes({ kind: 'parscore.submission', ok: true });
const base = [{ path: 'submission.json', data: payload }];
const MiB = 1024 * 1024;

function codes(r: Result<OpenedPackage>): string[] {
  return r.ok ? [] : r.error.map((i) => i.code);
}

/** A package whose signed manifest lists `path` with `data`, and whose zip holds that entry as given. */
function withEntry(path: string | Buffer, data: Uint8Array, override: Parameters<typeof craft>[2] = {}): Buffer {
  const name = typeof path === 'string' ? path : path.toString('latin1');
  return craft(id, base, { listed: listing([...base, { path: name, data }]), extra: [{ name: path, data }], ...override });
}

/** `mib` MiB of zeros as raw deflate, built from byte-aligned full-flush chunks (fast to make, ~1 KiB per MiB). */
function zerosDeflated(mib: number): Buffer {
  const chunk = deflateRawSync(Buffer.alloc(MiB), { finishFlush: constants.Z_FULL_FLUSH });
  const final = deflateRawSync(Buffer.alloc(0));
  return Buffer.concat([...Array.from({ length: mib }, () => chunk), final]);
}

describe('sanity', () => {
  it('a hand-built, properly signed package is accepted', async () => {
    // Laid out as writePackage would: entries in path order, files inside folders stored.
    const files = [{ path: 'evidence/ok.txt', data: utf8('ok') }, ...base];
    const res = await readPackage(craft(id, files, { override: { 'evidence/ok.txt': { method: 0 } } }), 'x', {});
    expect(res.ok).toBe(true);
    if (res.ok) expect(Buffer.from(res.value.files.get('evidence/ok.txt') as Uint8Array).toString()).toBe('ok');
  });
});

describe('entry names', () => {
  const cases: [string, string][] = [
    ['../evil.json', 'package.entry_name_dotdot'],
    ['evidence/../../evil.json', 'package.entry_name_dotdot'],
    ['/etc/passwd', 'package.entry_name_absolute'],
    ['C:\\x', 'package.entry_name_drive'],
    ['c:x', 'package.entry_name_drive'],
    ['a\\..\\b', 'package.entry_name_backslash'],
    ['\\\\server\\share\\x', 'package.entry_name_backslash'],
  ];
  for (const [name, code] of cases) {
    it(`refuses an entry named ${JSON.stringify(name)}`, async () => {
      const res = await readPackage(withEntry(name, utf8('x')), 'bad.parscore', {});
      expect(codes(res)).toEqual([code]);
      if (!res.ok) expect(res.error[0]?.at).toEqual({ file: 'bad.parscore', field: name });
    });
  }

  it('refuses an entry with an empty name', async () => {
    const zip = craft(id, base, { extra: [{ name: '', data: utf8('x') }] });
    expect(codes(await readPackage(zip, 'x', {}))).toEqual(['package.entry_name_empty']);
  });

  it('refuses names with empty or "." segments, a trailing dot, or a colon', async () => {
    for (const name of ['evidence//x', 'evidence/./x', 'evidence/x.', 'evidence/x:stream', 'evidence/']) {
      expect(codes(await readPackage(withEntry(name, utf8('x')), 'x', {})), name).toEqual(['package.entry_name_invalid']);
    }
  });

  it('refuses a name with a control character', async () => {
    expect(codes(await readPackage(withEntry('evidence/a\u0000b', utf8('x')), 'x', {}))).toEqual(['package.entry_name_invalid']);
  });

  it('refuses a non-ASCII name without the UTF-8 flag', async () => {
    const zip = craft(id, base, { extra: [{ name: utf8('evidence/biên'), data: utf8('x'), flags: 0 }] });
    expect(codes(await readPackage(zip, 'x', {}))).toEqual(['package.entry_name_invalid']);
  });

  it('refuses a name that is not valid UTF-8', async () => {
    const zip = craft(id, base, { extra: [{ name: Buffer.from([0x65, 0x2f, 0xc3, 0x28]), data: utf8('x') }] });
    expect(codes(await readPackage(zip, 'x', {}))).toEqual(['package.entry_name_invalid']);
  });
});

describe('duplicate entries', () => {
  it('refuses the same name twice', async () => {
    const zip = craft(id, base, { extra: [{ name: 'submission.json', data: utf8('{"other":1}') }] });
    const res = await readPackage(zip, 'dup.parscore', {});
    expect(codes(res)).toEqual(['package.entry_duplicate']);
    if (!res.ok) expect(res.error[0]).toMatchObject({ at: { file: 'dup.parscore', field: 'submission.json' }, params: { path: 'submission.json', other: 'submission.json' } });
  });

  it('refuses names that differ only by case', async () => {
    const zip = craft(id, base, { extra: [{ name: 'evidence/A.pdf', data: utf8('1') }, { name: 'Evidence/a.PDF', data: utf8('2') }] });
    expect(codes(await readPackage(zip, 'x', {}))).toEqual(['package.entry_duplicate']);
  });

  it('refuses names that differ only by Unicode normalisation (NFC)', async () => {
    const zip = craft(id, base, { extra: [{ name: 'evidence/bi\u00ean', data: utf8('1') }, { name: 'evidence/bie\u0302n', data: utf8('2') }] });
    expect(codes(await readPackage(zip, 'x', {}))).toEqual(['package.entry_duplicate']);
  });

  it('refuses a second manifest.json in another case', async () => {
    const zip = craft(id, base, { extra: [{ name: 'MANIFEST.json', data: utf8('{}') }] });
    expect(codes(await readPackage(zip, 'x', {}))).toEqual(['package.entry_duplicate']);
  });
});

describe('zip bombs and sizes', () => {
  it('refuses ~50 MB of zeros compressed to a few dozen KB (ratio above the limit), without inflating it', async () => {
    const zeros = Buffer.alloc(50 * MiB);
    const compressed = deflateRawSync(zeros, { level: 9 });
    expect(compressed.byteLength).toBeLessThan(64 * 1024);
    const zip = craft(id, base, { listed: listing([...base, { path: 'evidence/zeros', data: zeros }]), extra: [{ name: 'evidence/zeros', data: zeros, compressed }] });
    const started = Date.now();
    const res = await readPackage(zip, 'bomb.parscore', { limits: { maxRatio: 20 } });
    expect(codes(res)).toEqual(['package.entry_ratio']);
    if (!res.ok) expect(res.error[0]?.params).toMatchObject({ path: 'evidence/zeros', max: 20 });
    expect(Date.now() - started).toBeLessThan(2000);
    // the default ratio limit (200) refuses it too
    expect(codes(await readPackage(zip, 'bomb.parscore', {}))).toEqual(['package.entry_ratio']);
  });

  it('refuses an entry whose header understates its size, stopping as soon as it inflates past it', async () => {
    // 4 GiB of zeros in ~4 MB of deflate data, declared (central and local header) as 1000 bytes.
    const compressed = zerosDeflated(4096);
    const declared = Buffer.alloc(1000);
    const zip = craft(id, base, {
      listed: listing([...base, { path: 'evidence/liar', data: declared }]),
      extra: [{ name: 'evidence/liar', data: declared, compressed }],
    });
    const started = Date.now();
    const res = await readPackage(zip, 'liar.parscore', {});
    expect(codes(res)).toEqual(['package.entry_size_exceeds_declared']);
    if (!res.ok) expect(res.error[0]).toMatchObject({ at: { field: 'evidence/liar' }, params: { declared: 1000 } });
    // Inflating 4 GiB would take far longer (and would not fit in memory).
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('refuses an entry with bytes after the end of its deflate stream, or a stream cut short', async () => {
    const data = Buffer.from('{"ghi-chú": "Biên bản kiểm tra công tác cải cách hành chính"}\n'.repeat(40), 'utf8');
    const whole = deflateRawSync(data);
    const trailing = craft(id, base, { listed: listing([...base, { path: 'evidence/a.json', data }]), extra: [{ name: 'evidence/a.json', data, compressed: Buffer.concat([whole, Buffer.from([0])]) }] });
    const res = await readPackage(trailing, 'x', {});
    expect(codes(res)).toEqual(['package.entry_damaged']);
    if (!res.ok) expect(res.error[0]?.params).toMatchObject({ path: 'evidence/a.json', detail: 'trailing bytes after compressed data' });
    const cut = craft(id, base, { listed: listing([...base, { path: 'evidence/a.json', data }]), extra: [{ name: 'evidence/a.json', data, compressed: whole.subarray(0, whole.byteLength - 3) }] });
    expect(codes(await readPackage(cut, 'x', {}))).toEqual(['package.entry_damaged']);
  });

  it('refuses an entry whose declared size is above maxEntryBytes', async () => {
    const data = Buffer.alloc(3000, 1);
    const res = await readPackage(withEntry('evidence/big', data), 'x', { limits: { maxEntryBytes: 2000 } });
    expect(codes(res)).toEqual(['package.entry_too_large']);
    if (!res.ok) expect(res.error[0]?.params).toEqual({ path: 'evidence/big', size: 3000, max: 2000 });
  });

  it('refuses a package whose entries add up to more than maxTotalBytes', async () => {
    const a = Buffer.alloc(600, 1);
    const b = Buffer.alloc(600, 2);
    const files = [...base, { path: 'evidence/a', data: a }, { path: 'evidence/b', data: b }];
    const zip = craft(id, files);
    expect(codes(await readPackage(zip, 'x', { limits: { maxTotalBytes: 1000 } }))).toEqual(['package.total_too_large']);
  });

  it('an explicitly undefined limit keeps its default', async () => {
    const zeros = Buffer.alloc(50 * MiB);
    const zip = craft(id, base, { listed: listing([...base, { path: 'evidence/zeros', data: zeros }]), extra: [{ name: 'evidence/zeros', data: zeros, compressed: zerosDeflated(50) }] });
    expect(codes(await readPackage(zip, 'x', { limits: { maxRatio: undefined, maxEntryBytes: Number.NaN } }))).toEqual(['package.entry_ratio']);
  });

  it('refuses a package with too many entries before reading them', async () => {
    const files = [...base, ...Array.from({ length: 5 }, (_, i) => ({ path: `evidence/${i}`, data: utf8(String(i)) }))];
    const res = await readPackage(craft(id, files), 'x', { limits: { maxEntries: 6 } });
    expect(codes(res)).toEqual(['package.too_many_entries']);
    if (!res.ok) expect(res.error[0]?.params).toEqual({ count: 7, max: 6 });
  });

  it('refuses entries that share their compressed data (overlapping entries)', async () => {
    const inner = { name: 'evidence/b', data: utf8('inner'), method: 0 };
    const block = localBlock(inner);
    const outer = { name: 'evidence/a', data: block, method: 0 };
    const files = [...base, { path: 'evidence/a', data: block }, { path: 'evidence/b', data: utf8('inner') }];
    const manifest = manifestBytes('parscore.submission', listing(files), publicInfo(id));
    const first = buildZip([{ name: 'manifest.json', data: manifest }, { name: 'submission.json', data: payload }, outer]);
    const outerData = layout(first).find((e) => e.name === 'evidence/a')?.dataStart as number;
    const zip = signZip(
      buildZip([
        { name: 'manifest.json', data: manifest },
        { name: 'submission.json', data: payload },
        outer,
        { ...inner, pointAt: outerData },
      ]),
      id,
    );
    expect(codes(await readPackage(zip, 'x', {}))).toEqual(['package.entries_overlap']);
  });
});

describe('damaged or unusual entries', () => {
  it('refuses a local header that disagrees with the central directory', async () => {
    const zip = withEntry('evidence/a', utf8('x'), { extra: [{ name: 'evidence/a', data: utf8('x'), localName: 'evidence/b' }] });
    expect(codes(await readPackage(zip, 'x', {}))).toEqual(['package.entry_header_mismatch']);
  });

  it('refuses an unsupported compression method', async () => {
    const zip = withEntry('evidence/a', utf8('x'), { extra: [{ name: 'evidence/a', data: utf8('x'), method: 12 }] });
    expect(codes(await readPackage(zip, 'x', {}))).toEqual(['package.entry_unsupported']);
  });

  it('refuses an encrypted entry', async () => {
    const zip = withEntry('evidence/a', utf8('x'), { extra: [{ name: 'evidence/a', data: utf8('x'), flags: 0x801 }] });
    expect(codes(await readPackage(zip, 'x', {}))).toEqual(['package.entry_unsupported']);
  });

  it('refuses an entry whose CRC-32 is wrong', async () => {
    const zip = withEntry('evidence/a', utf8('x'), { extra: [{ name: 'evidence/a', data: utf8('x'), crc: 12345 }] });
    const res = await readPackage(zip, 'x', {});
    expect(codes(res)).toEqual(['package.entry_damaged']);
    if (!res.ok) expect(res.error[0]?.params).toEqual({ path: 'evidence/a', detail: 'CRC-32' });
  });

  it('refuses deflate data that is not valid', async () => {
    const data = utf8('hello');
    const zip = withEntry('evidence/a', data, { extra: [{ name: 'evidence/a', data, compressed: Buffer.from([0xff, 0xff, 0xff, 0xff]) }] });
    expect(codes(await readPackage(zip, 'x', {}))).toEqual(['package.entry_damaged']);
  });

  it('refuses bytes hidden after the end of the deflate stream', async () => {
    const data = utf8('hello');
    const compressed = Buffer.concat([deflateRawSync(data), utf8('hidden')]);
    const zip = withEntry('evidence/a', data, { extra: [{ name: 'evidence/a', data, compressed }] });
    expect(codes(await readPackage(zip, 'x', {}))).toEqual(['package.entry_damaged']);
  });

  it('refuses a stored entry whose compressed and uncompressed sizes differ', async () => {
    const data = utf8('hello');
    const zip = withEntry('evidence/a', data, { extra: [{ name: 'evidence/a', data, method: 0, size: 4 }] });
    expect(codes(await readPackage(zip, 'x', {}))).toEqual(['package.entry_damaged']);
  });

  it('sha256 is that of the whole file: the same content in a zip laid out otherwise, signed, is another file', async () => {
    const a = craft(id, base);
    const b = craft(id, base, { override: { 'submission.json': { method: 0 } } });
    const ra = await readPackage(a, 'a', {});
    const rb = await readPackage(b, 'b', {});
    expect(ra.ok && ra.value.sha256).toBe(sha256(a));
    expect(rb.ok && rb.value.sha256).toBe(sha256(b));
    expect(sha256(a)).not.toBe(sha256(b));
  });
});

describe('the same attacks on a genuine file, without its key', () => {
  it('each is refused at the signature, before the zip is read', async () => {
    const genuine = Buffer.from(
      await writePackage({ kind: 'parscore.submission', payload: { path: 'submission.json', json: { kind: 'parscore.submission', ok: true } }, files: [{ path: 'evidence/a', data: utf8('biên bản') }], identity: id, campaign: BINDING }),
    );
    const [manifest, evidence] = layout(genuine);
    const trailer = genuine.subarray(genuine.byteLength - TRAILER_BYTES);
    const body = genuine.subarray(0, genuine.byteLength - TRAILER_BYTES);
    const edited = (edit: (b: Buffer) => void): Buffer => {
      const b = Buffer.from(genuine);
      edit(b);
      return b;
    };
    const attacks: Record<string, Buffer> = {
      // An entry renamed in the central directory only (a name other tools would extract elsewhere).
      'central name': edited((b) => b.write('E', evidence!.central + 46, 'latin1')),
      // The method changed to stored, the data-descriptor flag set, a size understated.
      'method': edited((b) => b.writeUInt16LE(0, manifest!.central + 10)),
      'flags': edited((b) => b.writeUInt16LE(0x808, manifest!.localHeader + 6)),
      'declared size': edited((b) => b.writeUInt32LE(1, evidence!.central + 24)),
      // An entry pointed at another's data (overlap), bytes hidden between entries, an entry put before the others.
      'offset': edited((b) => b.writeUInt32LE(manifest!.localHeader, evidence!.central + 42)),
      'hidden bytes': Buffer.concat([genuine.subarray(0, evidence!.localHeader), utf8('hidden'), genuine.subarray(evidence!.localHeader)]),
      'entry put first': Buffer.concat([localBlock({ name: 'evidence/b', data: utf8('thêm') }), body, trailer]),
      // The comment length changed so that the trailer would be read as something else.
      'comment length': edited((b) => b.writeUInt16LE(TRAILER_BYTES - 1, genuine.byteLength - TRAILER_BYTES - 2)),
    };
    for (const [what, bytes] of Object.entries(attacks)) {
      expect(bytes.equals(genuine), what).toBe(false);
      expect(codes(await readPackage(bytes, 'x', {})), what).toEqual(['package.signature_invalid']);
    }
    expect((await readPackage(genuine, 'x', {})).ok).toBe(true);
  });
});
