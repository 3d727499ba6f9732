/**
 * Test helpers for packages: a hand-rolled zip writer (so that tests can build the malformed zips
 * no library would write: duplicate names, backslashes, lying sizes), a small zip reader to find
 * where each entry lives in a file, and builders for signed manifests.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import type { PublicKeyInfo } from '../../shared/schema/campaign.ts';
import type { CampaignBinding, PackageKind } from '../../shared/schema/package.ts';
import { TRAILER_BYTES } from '../../electron/services/packages/container.ts';
import { type Identity, publicInfo, signBytes } from '../../electron/services/packages/keys.ts';

export const CREATED_AT = '2025-03-01T08:00:00.000+07:00';

/** The campaign the test packages belong to. */
export const BINDING: CampaignBinding = { id: 'cchc-2025', uid: '0b6c1f0e-2a53-4c1e-9d8e-5f7a3b2c1d00', homeAffairs: 'ab'.repeat(32) };

export interface RawEntry {
  name: string | Buffer;
  data: Uint8Array;
  /** 0 stored, 8 deflated (default 8). */
  method?: number;
  /** Compressed bytes to write instead of deflating `data` (for bombs and lies). */
  compressed?: Uint8Array;
  /** Declared uncompressed size (default: data.length). */
  size?: number;
  /** Declared CRC-32 (default: that of data). */
  crc?: number;
  /** General purpose flags (default: UTF-8 names). */
  flags?: number;
  /** Name in the local header (default: same as central). */
  localName?: string;
  /** Write no local header and data: the central record points at this offset instead (overlaps). */
  pointAt?: number;
}

/** The local header and data of one entry, as buildZip writes them (to embed in another entry). */
export function localBlock(e: RawEntry): Buffer {
  const zip = buildZip([e]);
  return zip.subarray(0, layout(zip)[0]?.central);
}

/**
 * Writes a zip byte by byte (no zip64, no comment), with the same header fields as writePackage
 * (yazl): only the entries, their order and their methods are the caller's.
 */
export function buildZip(entries: RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = typeof e.name === 'string' ? Buffer.from(e.name, 'utf8') : e.name;
    const localName = e.localName === undefined ? name : Buffer.from(e.localName, 'utf8');
    const method = e.method ?? 8;
    const body = e.compressed ? Buffer.from(e.compressed) : method === 8 ? deflateRawSync(e.data) : Buffer.from(e.data);
    const size = e.size ?? e.data.byteLength;
    const crc = e.crc ?? crc32(e.data);
    const flags = e.flags ?? 0x800;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(0x21, 12); // 1980-01-01
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.byteLength, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(localName.byteLength, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(0x033f, 4); // made by Unix, spec 6.3, as yazl writes it
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.byteLength, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.byteLength, 28);
    central.writeUInt32LE((0o100644 << 16) >>> 0, 38);
    central.writeUInt32LE(e.pointAt ?? offset, 42);
    centrals.push(Buffer.concat([central, name]));
    if (e.pointAt !== undefined) continue;
    const localBlock = Buffer.concat([local, localName, body]);
    locals.push(localBlock);
    offset += localBlock.byteLength;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cd.byteLength, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}

export interface EntryLayout {
  name: string;
  method: number;
  /** Offset of the entry's data (compressed bytes) in the file. */
  dataStart: number;
  compressedSize: number;
  localHeader: number;
  central: number;
}

/** Where each entry of a well-formed zip (comment-free, or signed with a trailer of TRAILER_BYTES) lives. */
export function layout(zip: Uint8Array): EntryLayout[] {
  const buf = Buffer.from(zip);
  let eocd = buf.byteLength - 22;
  if (buf.readUInt32LE(eocd) !== 0x06054b50) eocd -= TRAILER_BYTES;
  if (buf.readUInt32LE(eocd) !== 0x06054b50) throw new Error('no end record');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out: EntryLayout[] = [];
  for (let i = 0; i < count; i++) {
    const method = buf.readUInt16LE(p + 10);
    const compressedSize = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const localHeader = buf.readUInt32LE(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    const dataStart = localHeader + 30 + buf.readUInt16LE(localHeader + 26) + buf.readUInt16LE(localHeader + 28);
    out.push({ name, method, dataStart, compressedSize, localHeader, central: p });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/** The entries of a zip, inflated, in order. */
export function unzip(zip: Uint8Array): { name: string; data: Buffer }[] {
  const buf = Buffer.from(zip);
  return layout(buf).map((e) => {
    const raw = buf.subarray(e.dataStart, e.dataStart + e.compressedSize);
    return { name: e.name, data: e.method === 8 ? inflateRawSync(raw) : Buffer.from(raw) };
  });
}

/** The compression method writePackage uses for an entry: files inside folders stored, JSON at the root deflated. */
export function writerMethod(name: string): number {
  return name.includes('/') ? 0 : 8;
}

/**
 * Rebuilds a zip from its entries after `edit` (correct CRCs and sizes: only the content changes),
 * in the order `edit` returns them, each compressed as writePackage would (or all with `method`).
 */
export function rezip(zip: Uint8Array, edit: (entries: { name: string; data: Buffer }[]) => { name: string; data: Uint8Array }[], method?: number): Buffer {
  return buildZip(edit(unzip(zip)).map((e) => ({ name: e.name, data: e.data, method: method ?? writerMethod(e.name) })));
}

export function sha256(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

export function utf8(s: string): Buffer {
  return Buffer.from(s, 'utf8');
}

export interface ListedEntry {
  path: string;
  size: number;
  sha256: string;
}

export function listing(files: { path: string; data: Uint8Array }[]): ListedEntry[] {
  return files.map((f) => ({ path: f.path, size: f.data.byteLength, sha256: sha256(f.data) }));
}

export function manifestBytes(kind: PackageKind, entries: ListedEntry[], signer: PublicKeyInfo, campaign: CampaignBinding = BINDING): Buffer {
  return utf8(`${JSON.stringify({ kind: 'parscore.manifest', schemaVersion: 2, packageKind: kind, createdAt: CREATED_AT, signer, campaign, entries }, null, 2)}\n`);
}

/**
 * Signs a comment-free zip as exchange format 2 does, written from the format's description: the
 * zip comment is `PARSCORE-SIGNED/2 Ed25519 <key> <signature>`, the signature over every byte before it.
 */
export function signZip(zip: Uint8Array, by: Identity, key: string = by.publicKey): Buffer {
  const prefix = utf8(`PARSCORE-SIGNED/2 Ed25519 ${key} `);
  const body = Buffer.from(zip);
  if (body.readUInt32LE(body.byteLength - 22) !== 0x06054b50 || body.readUInt16LE(body.byteLength - 2) !== 0) throw new Error('signZip: not a comment-free zip');
  body.writeUInt16LE(prefix.byteLength + 88, body.byteLength - 2);
  const signed = Buffer.concat([body, prefix]);
  return Buffer.concat([signed, utf8(signBytes(by, signed))]);
}

export interface CraftOptions {
  kind?: PackageKind;
  /** Manifest entries (default: those of `files`). */
  listed?: ListedEntry[];
  /** Zip entries added after the listed files, not in the default manifest. */
  extra?: RawEntry[];
  /** Per-file overrides of the zip entry (e.g. lying sizes), by path. */
  override?: Record<string, Partial<RawEntry>>;
  /** The signer the manifest names (default: the one who signs). */
  claimed?: PublicKeyInfo;
}

/** A properly signed package whose zip is written by hand, so that any entry can be malformed. */
export function craft(id: Identity, files: { path: string; data: Uint8Array }[], opts: CraftOptions = {}): Buffer {
  const manifest = manifestBytes(opts.kind ?? 'parscore.submission', opts.listed ?? listing(files), opts.claimed ?? publicInfo(id));
  const entries: RawEntry[] = [
    { name: 'manifest.json', data: manifest },
    ...files.map((f) => ({ name: f.path, data: f.data, ...opts.override?.[f.path] })),
    ...(opts.extra ?? []),
  ];
  return signZip(buildZip(entries), id);
}

/** A payload as writePackage would write it. */
export function payloadBytes(json: unknown): Buffer {
  return utf8(`${JSON.stringify(json, null, 2)}\n`);
}

export async function tempDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'parscore-pkg-'));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Writes bytes to a real file and reads them back, as an import from disk would. */
export async function throughFile(dir: string, name: string, data: Uint8Array): Promise<Buffer> {
  const path = join(dir, name);
  await writeFile(path, data);
  return readFile(path);
}

export function flip(data: Uint8Array, offset: number, mask = 0xff): Buffer {
  const out = Buffer.from(data);
  out[offset] = (out[offset] as number) ^ mask;
  return out;
}
