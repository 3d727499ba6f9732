import { MANIFEST_FILE, SIGNATURE_FILE } from './names.ts';

/*
 * The exact bytes writePackage produces, checked field by field so that a package differing from
 * them anywhere is refused — also in zip bookkeeping no reader interprets (versions, attributes,
 * disk numbers, extra fields, comments, padding bits), which neither the signature nor the SHA-256
 * manifest covers.
 *
 * What yazl 3 writes for `addBuffer(data, name, { mtime: 1980-01-01 00:00 local, mode: 0o100644,
 * forceDosTimestamp: true, compress })`, entry after entry from offset 0, then the central
 * directory in the same order, then the end record, and nothing else:
 *
 *   local header       PK\3\4, needs 2.0, flags = UTF-8 names only (no data descriptor: sizes and
 *                      CRC are known in advance), method 0 or 8, DOS time 00:00:00, date 1980-01-01,
 *                      CRC-32, sizes, name length, no extra field; then the name and the data
 *   central header     PK\1\2, made by Unix / spec 6.3, needs 2.0, the local header's flags,
 *                      method, time, date, CRC-32, sizes and name; no extra field (the "UT"
 *                      timestamp is left out by forceDosTimestamp), no comment, disk 0, internal
 *                      attributes 0, external attributes regular file rw-r--r--, offset of the
 *                      entry's local header
 *   end record         PK\5\6, disk 0 / 0, entry counts, size and offset of the central directory,
 *                      no comment. Never zip64: the writer's limits (512 MiB, 5000 entries) stay
 *                      far below what would need it.
 *
 * The writer's choices, checked once the content is verified (checkWriterChoices): manifest.json,
 * signature.json, then the other entries in path order; those two and the payload deflated (a
 * payload may be stored only above RATIO_FLOOR_BYTES: the writer stores one that would deflate
 * beyond the ratio limit), files inside folders stored. Deflate data cannot be compared with the writer's (zlib versions compress
 * differently); it is checked by content (CRC-32, size, SHA-256) and, for the bits its content
 * leaves free, by checkDeflateStream (deflate.ts).
 */

const LOCAL_SIGNATURE = 0x04034b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const END_SIGNATURE = 0x06054b50;
const LOCAL_FIXED = 30;
const CENTRAL_FIXED = 46;
const END_FIXED = 22;

/** Version needed to extract: 2.0 (deflate, folders). */
export const ZIP_VERSION_NEEDED = 20;
/** Version made by: Unix (3), spec 6.3 (63). */
export const ZIP_VERSION_MADE_BY = (3 << 8) | 63;
/** General purpose flags: bit 11, names are UTF-8. */
export const ZIP_FLAGS = 0x0800;
/** DOS time of 00:00:00. */
export const ZIP_DOS_TIME = 0x0000;
/** DOS date of 1980-01-01 (day 1, month 1, year 1980 + 0). */
export const ZIP_DOS_DATE = (0 << 9) | (1 << 5) | 1;
/** External attributes: a Unix regular file, mode 0644, in the high 16 bits. */
export const ZIP_EXTERNAL_ATTRIBUTES = (0o100644 << 16) >>> 0;
export const METHOD_STORED = 0;
export const METHOD_DEFLATED = 8;

/** Where the bytes first differ from what the writer produces. */
export interface Deviation {
  /** Offset in the package file of the first byte that differs. */
  offset: number;
  /** The entry whose header or data holds that byte, if any. */
  entry?: string;
  /** The record and field, in zip terms: "central directory header of evidence/…: external attributes". */
  detail: string;
}

/** One entry as laid out in a package file that passed checkLayout. */
export interface LaidOutEntry {
  name: string;
  /** The name's bytes and the general purpose flags (bit 11: UTF-8). */
  nameRaw: Buffer;
  flags: number;
  method: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  /** Offset of the local header. */
  localHeader: number;
  /** Offset of the data, right after the local header and name. */
  dataStart: number;
}

export type LayoutResult = { ok: true; entries: LaidOutEntry[] } | { ok: false; deviation: Deviation };

type Where = { part: string; entry?: string };

function deviation(offset: number, where: Where, field: string): Deviation {
  const detail = `${where.part}${where.entry === undefined ? '' : ` of ${where.entry}`}: ${field}`;
  return where.entry === undefined ? { offset, detail } : { offset, entry: where.entry, detail };
}

/** A little-endian field that must hold `expected`: null, or the deviation at its first differing byte. */
function field(buf: Buffer, offset: number, width: 2 | 4, expected: number, where: Where, name: string): Deviation | null {
  for (let k = 0; k < width; k++) {
    if (offset + k >= buf.byteLength) return deviation(buf.byteLength, where, `${name} (the file ends here)`);
    if (buf[offset + k] !== ((expected >>> (8 * k)) & 0xff)) return deviation(offset + k, where, name);
  }
  return null;
}

/** Bytes that must equal `expected`: null, or the deviation at the first that differs. */
function bytes(buf: Buffer, offset: number, expected: Buffer, where: Where, name: string): Deviation | null {
  for (let k = 0; k < expected.byteLength; k++) {
    if (offset + k >= buf.byteLength) return deviation(buf.byteLength, where, `${name} (the file ends here)`);
    if (buf[offset + k] !== expected[k]) return deviation(offset + k, where, name);
  }
  return null;
}

/** The first field of the central directory header at `p` that differs from what the writer writes for `local`. */
function centralHeaderDeviation(buf: Buffer, p: number, local: LaidOutEntry): Deviation | null {
  const where: Where = { part: 'central directory header', entry: local.name };
  return (
    field(buf, p + 4, 2, ZIP_VERSION_MADE_BY, where, 'version made by') ??
    field(buf, p + 6, 2, ZIP_VERSION_NEEDED, where, 'version needed to extract') ??
    field(buf, p + 8, 2, local.flags, where, 'general purpose flags') ??
    field(buf, p + 10, 2, local.method, where, 'compression method') ??
    field(buf, p + 12, 2, ZIP_DOS_TIME, where, 'last modified time') ??
    field(buf, p + 14, 2, ZIP_DOS_DATE, where, 'last modified date') ??
    field(buf, p + 16, 4, local.crc32, where, 'CRC-32') ??
    field(buf, p + 20, 4, local.compressedSize, where, 'compressed size') ??
    field(buf, p + 24, 4, local.uncompressedSize, where, 'uncompressed size') ??
    field(buf, p + 28, 2, local.nameRaw.byteLength, where, 'file name length') ??
    field(buf, p + 30, 2, 0, where, 'extra field length') ??
    field(buf, p + 32, 2, 0, where, 'file comment length') ??
    field(buf, p + 34, 2, 0, where, 'disk number') ??
    field(buf, p + 36, 2, 0, where, 'internal attributes') ??
    field(buf, p + 38, 4, ZIP_EXTERNAL_ATTRIBUTES, where, 'external attributes') ??
    field(buf, p + 42, 4, local.localHeader, where, 'offset of local header') ??
    bytes(buf, p + CENTRAL_FIXED, local.nameRaw, where, 'file name')
  );
}

/** The first field of the local header at `p` that differs from what the writer writes. */
function localHeaderDeviation(buf: Buffer, p: number, where: Where): Deviation | null {
  const method = buf.readUInt16LE(p + 8);
  return (
    field(buf, p + 4, 2, ZIP_VERSION_NEEDED, where, 'version needed to extract') ??
    field(buf, p + 6, 2, ZIP_FLAGS, where, 'general purpose flags') ??
    (method === METHOD_STORED || method === METHOD_DEFLATED ? null : field(buf, p + 8, 2, METHOD_DEFLATED, where, 'compression method')) ??
    field(buf, p + 10, 2, ZIP_DOS_TIME, where, 'last modified time') ??
    field(buf, p + 12, 2, ZIP_DOS_DATE, where, 'last modified date') ??
    field(buf, p + 28, 2, 0, where, 'extra field length')
  );
}

/**
 * Reads the whole file as the writer lays it out, from its first byte to its last: every local
 * header, its name and data, contiguous from offset 0; the central directory right after, one
 * header per entry in the same order, agreeing with the local header; the end record right after,
 * and the end of the file right after that. The first byte that differs is reported.
 */
export function checkLayout(buf: Buffer): LayoutResult {
  const locals: LaidOutEntry[] = [];
  let p = 0;
  while (p + 4 <= buf.byteLength && buf.readUInt32LE(p) === LOCAL_SIGNATURE) {
    const index = locals.length;
    if (p + LOCAL_FIXED > buf.byteLength) return { ok: false, deviation: deviation(buf.byteLength, { part: `local header #${index + 1}` }, 'cut short') };
    const nameLength = buf.readUInt16LE(p + 26);
    const nameRaw = buf.subarray(p + LOCAL_FIXED, Math.min(p + LOCAL_FIXED + nameLength, buf.byteLength));
    const where: Where = { part: 'local header', entry: nameRaw.toString('utf8') };
    const method = buf.readUInt16LE(p + 8);
    // The fields as the writer writes them, compared whole (the usual case); field by field below
    // only to say which byte differs.
    const expected =
      buf.readUInt16LE(p + 4) === ZIP_VERSION_NEEDED &&
      buf.readUInt16LE(p + 6) === ZIP_FLAGS &&
      (method === METHOD_STORED || method === METHOD_DEFLATED) &&
      buf.readUInt16LE(p + 10) === ZIP_DOS_TIME &&
      buf.readUInt16LE(p + 12) === ZIP_DOS_DATE &&
      buf.readUInt16LE(p + 28) === 0;
    const problem = expected ? null : localHeaderDeviation(buf, p, where);
    if (problem) return { ok: false, deviation: problem };
    const compressedSize = buf.readUInt32LE(p + 18);
    const dataStart = p + LOCAL_FIXED + nameLength;
    if (dataStart + compressedSize > buf.byteLength) return { ok: false, deviation: deviation(p + 18, where, 'compressed size (past the end of the file)') };
    locals.push({
      nameRaw,
      name: where.entry as string,
      flags: buf.readUInt16LE(p + 6),
      method,
      crc32: buf.readUInt32LE(p + 14),
      compressedSize,
      uncompressedSize: buf.readUInt32LE(p + 22),
      localHeader: p,
      dataStart,
    });
    p = dataStart + compressedSize;
  }
  if (locals.length === 0) {
    return { ok: false, deviation: field(buf, 0, 4, LOCAL_SIGNATURE, { part: 'first local header' }, 'signature') ?? deviation(0, { part: 'first local header' }, 'signature') };
  }

  const centralStart = p;
  let count = 0;
  while (p + 4 <= buf.byteLength && buf.readUInt32LE(p) === CENTRAL_SIGNATURE) {
    const local = locals[count];
    if (!local) return { ok: false, deviation: deviation(p, { part: `central directory header #${count + 1}` }, 'no local header for it') };
    const nameLength = local.nameRaw.byteLength;
    const expected =
      p + CENTRAL_FIXED + nameLength <= buf.byteLength &&
      buf.readUInt16LE(p + 4) === ZIP_VERSION_MADE_BY &&
      buf.readUInt16LE(p + 6) === ZIP_VERSION_NEEDED &&
      buf.readUInt16LE(p + 8) === local.flags &&
      buf.readUInt16LE(p + 10) === local.method &&
      buf.readUInt16LE(p + 12) === ZIP_DOS_TIME &&
      buf.readUInt16LE(p + 14) === ZIP_DOS_DATE &&
      buf.readUInt32LE(p + 16) === local.crc32 &&
      buf.readUInt32LE(p + 20) === local.compressedSize &&
      buf.readUInt32LE(p + 24) === local.uncompressedSize &&
      buf.readUInt16LE(p + 28) === nameLength &&
      buf.readUInt32LE(p + 30) === 0 && // extra field and comment lengths
      buf.readUInt32LE(p + 34) === 0 && // disk number and internal attributes
      buf.readUInt32LE(p + 38) === ZIP_EXTERNAL_ATTRIBUTES &&
      buf.readUInt32LE(p + 42) === local.localHeader &&
      buf.compare(local.nameRaw, 0, nameLength, p + CENTRAL_FIXED, p + CENTRAL_FIXED + nameLength) === 0;
    const problem = expected ? null : centralHeaderDeviation(buf, p, local);
    if (problem) return { ok: false, deviation: problem };
    p += CENTRAL_FIXED + local.nameRaw.byteLength;
    count++;
  }
  if (count < locals.length) {
    const where: Where = { part: 'central directory header', entry: (locals[count] as LaidOutEntry).name };
    return { ok: false, deviation: field(buf, p, 4, CENTRAL_SIGNATURE, where, 'signature') ?? deviation(p, where, 'signature') };
  }

  const end: Where = { part: 'end of central directory record' };
  const problem =
    field(buf, p, 4, END_SIGNATURE, end, 'signature') ??
    field(buf, p + 4, 2, 0, end, 'number of this disk') ??
    field(buf, p + 6, 2, 0, end, 'disk where the central directory starts') ??
    field(buf, p + 8, 2, count, end, 'number of entries on this disk') ??
    field(buf, p + 10, 2, count, end, 'total number of entries') ??
    field(buf, p + 12, 4, p - centralStart, end, 'size of the central directory') ??
    field(buf, p + 16, 4, centralStart, end, 'offset of the central directory') ??
    field(buf, p + 20, 2, 0, end, 'comment length');
  if (problem) return { ok: false, deviation: problem };
  if (p + END_FIXED !== buf.byteLength) return { ok: false, deviation: deviation(p + END_FIXED, { part: 'after the end of central directory record' }, 'trailing bytes') };

  return { ok: true, entries: locals };
}

/** Order of entries as the writer adds them: manifest.json, signature.json, then by path (UTF-16 code units). */
function orderKey(name: string): [number, string] {
  return [name === MANIFEST_FILE ? 0 : name === SIGNATURE_FILE ? 1 : 2, name];
}

function before(a: string, b: string): boolean {
  const [ra, na] = orderKey(a);
  const [rb, nb] = orderKey(b);
  return ra !== rb ? ra < rb : na < nb;
}

/**
 * The choices the writer makes for entries: their order, and which are deflated. `storedPayloadFloor`
 * is the size above which a payload may be stored (the writer stores one that would deflate beyond
 * the ratio limit; smaller ones are exempt from that limit and always deflated).
 */
export function checkWriterChoices(entries: readonly LaidOutEntry[], storedPayloadFloor: number): Deviation | null {
  let previous: LaidOutEntry | undefined;
  for (const e of entries) {
    const where: Where = { part: 'local header', entry: e.name };
    if (previous && !before(previous.name, e.name)) {
      return deviation(e.localHeader + LOCAL_FIXED, where, `file name (entries are written as manifest.json, signature.json, then in path order; this one comes after ${previous.name})`);
    }
    previous = e;
    const inFolder = e.name.includes('/');
    const reserved = e.name === MANIFEST_FILE || e.name === SIGNATURE_FILE;
    const allowed = inFolder ? [METHOD_STORED] : reserved || e.uncompressedSize <= storedPayloadFloor ? [METHOD_DEFLATED] : [METHOD_DEFLATED, METHOD_STORED];
    if (!allowed.includes(e.method)) {
      const expected = allowed[0] as number;
      const what = inFolder ? 'files inside folders are stored' : 'JSON entries at the root are deflated';
      return deviation(e.localHeader + 8 + (((e.method ^ expected) & 0xff) === 0 ? 1 : 0), where, `compression method (${what})`);
    }
  }
  return null;
}
