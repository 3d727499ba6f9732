import { isAscii } from 'node:buffer';
import { hash } from 'node:crypto';
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import yauzl from 'yauzl';
import yazl from 'yazl';
import type { PublicKeyInfo } from '../../../shared/schema/campaign.ts';
import { ManifestDoc } from '../../../shared/schema/index.ts';
import type { CampaignBinding, Manifest, PackageKind } from '../../../shared/schema/package.ts';
import { type Issue, IssueError, type IssueLocation, type Result, fail, issue, ok } from '../../../shared/util/issue.ts';
import { type Identity, fingerprintOf, publicInfo, publicKeyFromB64, signBytes, verifyBytes } from './keys.ts';
import { type KeyProblem, findKeyProblem } from '../../../shared/util/strict-json.ts';
import { decodeUtf8 } from '../utf8.ts';
import { MANIFEST_FILE, entryNameProblem, foldName, isReservedFold, isReservedName } from './names.ts';

/*
 * The signed container that travels between machines (campaign file, submission file, appraisal
 * file), exchange format 2. It is an ordinary zip (any archive tool opens it) holding
 *   manifest.json   ManifestV2: package kind, creation time, signer, campaign (id, uid, Home
 *                   Affairs' key), path/size/SHA-256 of every other entry
 *   <payload>.json  the one entry at the root besides the manifest (pretty-printed UTF-8 JSON)
 *   <dir>/<name>    other files, always inside a folder (e.g. evidence/<sha256>)
 * and the zip's comment, which is the last TRAILER_BYTES bytes of the file:
 *   `PARSCORE-SIGNED/2 Ed25519 <signer's public key, base64 SPKI> <signature, base64>`
 * The signature is Ed25519 over every byte of the file before its last SIGNATURE_B64_BYTES bytes
 * (the signature itself): the zip entries, the central directory, the end record (comment length
 * included) and the comment up to the signature. A verifier reads the key and the signature from
 * the end of the file and checks them over the rest, without reading the zip at all; so any byte
 * changed anywhere, any byte added, and any truncation is refused. Only then is the zip read
 * (within the limits below: the signer may be anyone, until the caller compares the key with the
 * one it pinned). The manifest must name the same key as the trailer.
 * A file without this trailer is refused; one of exchange format 1 (signature.json over the
 * manifest) is refused naming its version (`package.format_version`).
 */

/** Exchange format this build writes and reads. */
export const FORMAT_VERSION = 2;
const TRAILER_PREFIX = `PARSCORE-SIGNED/${FORMAT_VERSION} Ed25519 `;
/** Base64 of a 44-byte Ed25519 SPKI DER, and of a 64-byte signature. */
const KEY_B64_BYTES = 60;
const SIGNATURE_B64_BYTES = 88;
export const TRAILER_BYTES = TRAILER_PREFIX.length + KEY_B64_BYTES + 1 + SIGNATURE_B64_BYTES;
const TRAILER = /^PARSCORE-SIGNED\/2 Ed25519 ([A-Za-z0-9+/]{59}=) ([A-Za-z0-9+/]{86}==)$/;
/** How a trailer of any format version starts, to name the version of a file this build does not read. */
const ANY_TRAILER = /PARSCORE-SIGNED\/(\d{1,4}) /;

export interface PackageLimits {
  /** Size of the whole package file. */
  maxPackageBytes: number;
  /** Entries in the zip, manifest.json included. */
  maxEntries: number;
  /** Uncompressed size of one entry. */
  maxEntryBytes: number;
  /** Uncompressed size of all entries together. */
  maxTotalBytes: number;
  /** Uncompressed ÷ compressed size of an entry (checked for entries above RATIO_FLOOR_BYTES). */
  maxRatio: number;
}

const MiB = 1024 * 1024;

export const DEFAULT_LIMITS: PackageLimits = Object.freeze({
  maxPackageBytes: 512 * MiB,
  maxEntries: 5000,
  maxEntryBytes: 100 * MiB,
  maxTotalBytes: 1024 * MiB,
  maxRatio: 200,
});

/** Entries up to this size are exempt from the ratio limit: small text compresses very well, and cannot amplify much. */
export const RATIO_FLOOR_BYTES = MiB;

/** Fixed zip timestamp (local 1980-01-01 00:00, the DOS epoch) so that equal inputs give equal bytes in any time zone. */
const ZIP_MTIME = new Date(1980, 0, 1, 0, 0, 0);
const ZIP_FILE_MODE = 0o100644;

export interface PackageFile {
  path: string;
  data: Uint8Array;
}

export interface OpenedPackage {
  kind: PackageKind;
  signer: PublicKeyInfo;
  manifest: Manifest;
  payload: unknown;
  payloadPath: string;
  /** Every verified entry except manifest.json and the payload, by path. */
  files: Map<string, Uint8Array>;
  /** Hex SHA-256 of the whole package file (to recognise a re-import of the same file). */
  sha256: string;
}

export interface WritePackageOptions {
  kind: PackageKind;
  /** The payload document, written at the root of the zip (`path` without folders, ending in .json). */
  payload: { path: string; json: unknown };
  /** Other files; each path must be inside a folder (e.g. `evidence/<sha256>`). */
  files?: PackageFile[];
  identity: Identity;
  /** The campaign the file belongs to (recorded in the manifest, covered by the signature). */
  campaign: CampaignBinding;
  /** ISO date-time recorded in the manifest (default: now). */
  createdAt?: string;
}

/**
 * Builds a signed package. The output depends only on the inputs (fixed timestamps, entries in
 * path order). Throws `IssueError` for bad input (paths, payload not serialisable, a package the
 * default limits would refuse on import, an identity whose private key does not match its public key).
 */
export async function writePackage(opts: WritePackageOptions): Promise<Uint8Array> {
  const files = opts.files ?? [];
  const problems: Issue[] = [];
  const seen = new Map<string, string>();
  const claim = (path: string): void => {
    const key = foldName(path);
    const other = seen.get(key);
    if (other !== undefined) problems.push(issue('package.write_duplicate_path', { field: path }, { path, other }));
    else seen.set(key, path);
  };
  const payloadPath = opts.payload.path;
  const payloadProblem = entryNameProblem(payloadPath);
  if (payloadProblem) problems.push(issue(payloadProblem, { field: payloadPath }, { path: payloadPath }));
  else if (payloadPath.includes('/') || !payloadPath.endsWith('.json') || isReservedName(payloadPath)) {
    problems.push(issue('package.write_payload_path', { field: payloadPath }, { path: payloadPath }));
  } else claim(payloadPath);
  for (const f of files) {
    const problem = entryNameProblem(f.path);
    if (problem) problems.push(issue(problem, { field: f.path }, { path: f.path }));
    else if (!f.path.includes('/')) problems.push(issue('package.write_file_path', { field: f.path }, { path: f.path }));
    else claim(f.path);
  }
  if (problems.length) throw new IssueError(problems);

  let payloadText: string | undefined;
  try {
    payloadText = JSON.stringify(opts.payload.json, null, 2);
  } catch (e) {
    throw new IssueError(issue('package.write_payload_not_json', { field: payloadPath }, { detail: e instanceof Error ? e.message : String(e) }));
  }
  if (payloadText === undefined) throw new IssueError(issue('package.write_payload_not_json', { field: payloadPath }, { detail: String(opts.payload.json) }));

  const contents = new Map<string, Uint8Array>([[payloadPath, Buffer.from(`${payloadText}\n`, 'utf8')]]);
  for (const f of files) contents.set(f.path, f.data);
  const paths = [...contents.keys()].sort(compareCodeUnits);

  let total = 0;
  for (const [path, data] of contents) {
    total += data.byteLength;
    if (data.byteLength > DEFAULT_LIMITS.maxEntryBytes) {
      problems.push(issue('package.write_too_large', { field: path }, { path, size: data.byteLength, max: DEFAULT_LIMITS.maxEntryBytes }));
    }
  }
  if (contents.size + 1 > DEFAULT_LIMITS.maxEntries) problems.push(issue('package.write_too_many_entries', {}, { count: contents.size + 1, max: DEFAULT_LIMITS.maxEntries }));
  if (total > DEFAULT_LIMITS.maxTotalBytes) problems.push(issue('package.write_total_too_large', {}, { size: total, max: DEFAULT_LIMITS.maxTotalBytes }));
  if (problems.length) throw new IssueError(problems);

  const manifestDoc: Manifest = {
    kind: 'parscore.manifest',
    schemaVersion: 2,
    packageKind: opts.kind,
    createdAt: opts.createdAt ?? new Date().toISOString(),
    signer: publicInfo(opts.identity),
    campaign: { id: opts.campaign.id, uid: opts.campaign.uid, homeAffairs: opts.campaign.homeAffairs },
    entries: paths.map((path) => {
      const data = contents.get(path) as Uint8Array;
      return { path, size: data.byteLength, sha256: sha256Hex(data) };
    }),
  };
  const manifest = ManifestDoc.parse(manifestDoc, MANIFEST_FILE);
  if (!manifest.ok) throw new IssueError(manifest.error);
  if (publicKeyFromB64(opts.identity.publicKey) === null || opts.identity.publicKey.length !== KEY_B64_BYTES) throw new IssueError(issue('package.identity_mismatch'));
  const manifestBytes = Buffer.from(`${JSON.stringify(manifestDoc, null, 2)}\n`, 'utf8');

  const zip = new yazl.ZipFile();
  const add = (data: Uint8Array, path: string, compress: boolean): void => {
    zip.addBuffer(Buffer.from(data.buffer, data.byteOffset, data.byteLength), path, { mtime: ZIP_MTIME, mode: ZIP_FILE_MODE, compress, forceDosTimestamp: true });
  };
  add(manifestBytes, MANIFEST_FILE, true);
  for (const path of paths) {
    const data = contents.get(path) as Uint8Array;
    // Other files (scans, PDFs, office files) are mostly compressed already: stored as they are.
    // JSON is deflated, unless it would compress beyond the ratio the reader accepts.
    add(data, path, path === payloadPath && !wouldExceedRatio(data));
  }
  // The comment is written with a placeholder signature, then the signature of everything before it put in its place.
  const comment = `${TRAILER_PREFIX}${opts.identity.publicKey} ${'A'.repeat(SIGNATURE_B64_BYTES - 2)}==`;
  const out = await collect(zip, comment);
  if (out.byteLength > DEFAULT_LIMITS.maxPackageBytes) {
    throw new IssueError(issue('package.write_total_too_large', {}, { size: out.byteLength, max: DEFAULT_LIMITS.maxPackageBytes }));
  }
  if (out.subarray(out.byteLength - TRAILER_BYTES).toString('latin1') !== comment) throw new Error('writePackage: the zip written does not end with its comment');
  const signed = out.subarray(0, out.byteLength - SIGNATURE_B64_BYTES);
  let signature = '';
  try {
    signature = signBytes(opts.identity, signed);
  } catch {
    // not an Ed25519 private key: reported below as a mismatch
  }
  if (signature.length !== SIGNATURE_B64_BYTES || !verifyBytes(opts.identity.publicKey, signed, signature)) throw new IssueError(issue('package.identity_mismatch'));
  out.write(signature, out.byteLength - SIGNATURE_B64_BYTES, 'latin1');
  return out;
}

/** The signer's key and signature at the end of a file of exchange format 2, or null when it does not end with them. */
function readTrailer(buf: Buffer): { publicKey: string; signature: string } | null {
  if (buf.byteLength < TRAILER_BYTES) return null;
  const m = TRAILER.exec(buf.subarray(buf.byteLength - TRAILER_BYTES).toString('latin1'));
  return m ? { publicKey: m[1] as string, signature: m[2] as string } : null;
}

/**
 * Why a file without a valid trailer is refused: the exchange format version it names, if it names
 * one (a trailer of another version, or a v1 manifest), else what is wrong with it as a zip, else
 * a missing signature (cut short or changed at its end, or not made by ParScore).
 */
async function withoutTrailer(buf: Buffer, limits: PackageLimits, at: (field?: string) => IssueLocation): Promise<Issue[]> {
  const tail = ANY_TRAILER.exec(buf.subarray(Math.max(0, buf.byteLength - 1024)).toString('latin1'));
  if (tail && Number(tail[1]) !== FORMAT_VERSION) return [issue('package.format_version', at(), { version: Number(tail[1]), supported: FORMAT_VERSION })];
  const scanned = await scanZip(buf, limits, at);
  if (!scanned.ok) return scanned.error;
  const manifestEntry = scanned.value.find((e) => e.name === MANIFEST_FILE);
  if (manifestEntry) {
    const read = extract(buf, manifestEntry, limits, { remaining: limits.maxTotalBytes }, at);
    const json = read.ok ? parseJson(read.value) : null;
    const doc = json?.ok ? json.value.value : null;
    const version = typeof doc === 'object' && doc !== null ? (doc as { schemaVersion?: unknown }).schemaVersion : undefined;
    if (typeof version === 'number' && Number.isInteger(version) && version !== FORMAT_VERSION) {
      return [issue('package.format_version', at(), { version, supported: FORMAT_VERSION })];
    }
  }
  return [issue('package.signature_missing', at())];
}

/** What the checks below read of an entry's headers. */
interface EntryFields {
  compressionMethod: number;
  compressedSize: number;
  uncompressedSize: number;
  crc32: number;
}

/** One entry of the zip as its central directory and local header describe it. */
interface ZipEntry {
  /** A name entryNameProblem accepts. */
  name: string;
  /** foldName(name). */
  fold: string;
  entry: EntryFields;
  /** Offset of the entry's data in the file (after its local header). */
  dataStart: number;
}

/** An entry as yauzl reads it, before its local header is read. */
interface ScannedEntry {
  name: string;
  fold: string;
  entry: yauzl.Entry;
  dataStart: number;
}

/**
 * Opens and verifies a package held in memory. `file` names it in issues (`at.file`; `at.field`
 * is the entry path). Nothing is trusted before it is checked: first the signature over the whole
 * file (its trailer), then the zip's structure and limits (sizes as declared, then enforced while
 * inflating, which stops as soon as a limit is passed), the manifest and its signer, and every
 * entry against the manifest.
 */
export async function readPackage(
  data: Uint8Array,
  file: string,
  opts: { expectKind?: PackageKind; limits?: Partial<PackageLimits> } = {},
): Promise<Result<OpenedPackage>> {
  const limits = resolveLimits(opts.limits);
  const at = (field?: string): IssueLocation => (field === undefined ? { file } : { file, field });

  if (data.byteLength > limits.maxPackageBytes) {
    return fail([issue('package.too_large', at(), { size: data.byteLength, max: limits.maxPackageBytes })]);
  }
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);

  // 1. The signature over every byte but itself, with the key the file ends with.
  const trailer = readTrailer(buf);
  if (!trailer) return fail(await withoutTrailer(buf, limits, at));
  const signerKey = publicKeyFromB64(trailer.publicKey);
  if (!signerKey) return fail([issue('package.signer_key_invalid', at())]);
  if (!verifyBytes(signerKey, buf.subarray(0, buf.byteLength - SIGNATURE_B64_BYTES), trailer.signature)) {
    return fail([issue('package.signature_invalid', at())]);
  }
  const sha256 = sha256Hex(buf);

  // 2. The zip: central directory, local headers, limits (the signer may be anyone).
  const scanned = await scanZip(buf, limits, at);
  if (!scanned.ok) return scanned;
  const entries = scanned.value;
  const problems: Issue[] = [];
  const byName = new Map(entries.map((e) => [e.name, e]));
  const budget = { remaining: limits.maxTotalBytes };

  // 3. manifest.json: present, well-formed, naming the key that signed the file.
  const manifestEntry = byName.get(MANIFEST_FILE);
  if (!manifestEntry) return fail([issue('package.manifest_missing', at(MANIFEST_FILE))]);
  const manifestRead = extract(buf, manifestEntry, limits, budget, at);
  if (!manifestRead.ok) return fail([manifestRead.error]);
  const manifestJson = parseJson(manifestRead.value);
  if (!manifestJson.ok) return fail([issue('package.manifest_not_json', at(MANIFEST_FILE), { detail: manifestJson.error })]);
  const manifestKeys = findKeyProblem(manifestJson.value.text);
  if (manifestKeys) return fail([keyIssue(manifestKeys, MANIFEST_FILE, at)]);
  const manifestDoc = ManifestDoc.parse(manifestJson.value.value, file);
  if (!manifestDoc.ok) return fail([issue('package.manifest_invalid', at(MANIFEST_FILE)), ...inEntry(manifestDoc.error, MANIFEST_FILE)]);
  const manifest = manifestDoc.value.value;
  const signer = manifest.signer;
  if (signer.publicKey !== trailer.publicKey) return fail([issue('package.signer_mismatch', at(MANIFEST_FILE))]);
  if (fingerprintOf(signer.publicKey) !== signer.fingerprint) return fail([issue('package.signer_fingerprint_mismatch', at(MANIFEST_FILE))]);

  if (opts.expectKind !== undefined && manifest.packageKind !== opts.expectKind) {
    return fail([issue('package.wrong_kind', at(), { expected: opts.expectKind, actual: manifest.packageKind })]);
  }

  // 4. The manifest's list against the zip's entries, before any data is read.
  const listed = new Map<string, { size: number; sha256: string }>();
  const listedFold = new Set<string>();
  for (const m of manifest.entries) {
    // A path that names an entry of the zip has had its name checked and folded already.
    const e = byName.get(m.path);
    const problem = e ? null : entryNameProblem(m.path);
    if (problem) {
      problems.push(issue(problem, at(m.path), { path: m.path }));
      continue;
    }
    const fold = e ? e.fold : foldName(m.path);
    if (isReservedFold(fold)) problems.push(issue('package.manifest_reserved', at(m.path), { path: m.path }));
    else if (listedFold.has(fold)) problems.push(issue('package.manifest_duplicate', at(m.path), { path: m.path }));
    else {
      listedFold.add(fold);
      listed.set(m.path, { size: m.size, sha256: m.sha256 });
      if (!e) problems.push(issue('package.entry_missing', at(m.path), { path: m.path }));
      else if (e.entry.uncompressedSize !== m.size) {
        problems.push(issue('package.entry_size_mismatch', at(m.path), { path: m.path, expected: m.size, actual: e.entry.uncompressedSize }));
      }
    }
  }
  for (const e of entries) {
    if (e.name !== MANIFEST_FILE && !listed.has(e.name)) {
      problems.push(issue('package.entry_unlisted', at(e.name), { path: e.name }));
    }
  }
  if (problems.length) return fail(problems);

  const roots = [...listed.keys()].filter((p) => !p.includes('/'));
  if (roots.length === 0) return fail([issue('package.payload_missing', at())]);
  if (roots.length > 1) return fail([issue('package.payload_ambiguous', at(), { paths: roots.join(', ') })]);
  const payloadPath = roots[0] as string;

  // 5. Every listed entry: inflated within the limits, then size and SHA-256 against the manifest.
  const contents = new Map<string, Uint8Array>();
  for (const [path, expected] of listed) {
    const e = byName.get(path) as ZipEntry;
    const read = extract(buf, e, limits, budget, at);
    if (!read.ok) {
      if (read.limit) return fail([read.error]);
      problems.push(read.error);
      continue;
    }
    if (read.value.byteLength !== expected.size) {
      problems.push(issue('package.entry_size_mismatch', at(path), { path, expected: expected.size, actual: read.value.byteLength }));
    } else if (sha256Hex(read.value) !== expected.sha256) {
      problems.push(issue('package.entry_hash_mismatch', at(path), { path }));
    } else contents.set(path, read.value);
  }
  if (problems.length) return fail(problems);

  const payloadBytes = contents.get(payloadPath) as Uint8Array;
  contents.delete(payloadPath);
  const payload = parseJson(payloadBytes);
  if (!payload.ok) return fail([issue('package.payload_not_json', at(payloadPath), { path: payloadPath, detail: payload.error })]);
  const payloadKeys = findKeyProblem(payload.value.text);
  if (payloadKeys) return fail([keyIssue(payloadKeys, payloadPath, at)]);

  return ok({ kind: manifest.packageKind, signer: { ...signer }, manifest, payload: payload.value.value, payloadPath, files: contents, sha256 });
}

/**
 * The zip through yauzl: the central directory (names, duplicates, methods, declared sizes), then
 * the local headers against it and overlaps. Nothing inflated.
 */
async function scanZip(buf: Buffer, limits: PackageLimits, at: (field?: string) => IssueLocation): Promise<Result<ZipEntry[]>> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(buf, { lazyEntries: true, decodeStrings: false, validateEntrySizes: false, autoClose: false });
  } catch (e) {
    return fail([looksLikeZip(buf) ? issue('package.truncated', at(), { detail: message(e) }) : issue('package.not_zip', at())]);
  }
  try {
    if (zip.entryCount > limits.maxEntries) {
      return fail([issue('package.too_many_entries', at(), { count: zip.entryCount, max: limits.maxEntries })]);
    }

    // 1. The central directory: names, duplicates, methods, declared sizes. Nothing inflated yet.
    const entries: ScannedEntry[] = [];
    const problems: Issue[] = [];
    const byFold = new Map<string, string>();
    let declaredTotal = 0;
    try {
      for await (const entry of zip.eachEntry()) {
        const raw = entry.fileNameRaw;
        const name = decodeName(raw, entry.generalPurposeBitFlag);
        if (name === null) {
          const shown = raw.toString('utf8');
          problems.push(issue('package.entry_name_invalid', at(shown), { path: shown }));
          continue;
        }
        const nameProblem = entryNameProblem(name);
        if (nameProblem) {
          problems.push(issue(nameProblem, at(name), { path: name }));
          continue;
        }
        const key = foldName(name);
        const other = byFold.get(key);
        if (other !== undefined) {
          problems.push(issue('package.entry_duplicate', at(name), { path: name, other }));
          continue;
        }
        byFold.set(key, name);
        if (entry.isEncrypted() || (entry.compressionMethod !== 0 && entry.compressionMethod !== 8)) {
          problems.push(issue('package.entry_unsupported', at(name), { path: name, method: entry.compressionMethod }));
          continue;
        }
        const size = entry.uncompressedSize;
        if (size > limits.maxEntryBytes) {
          problems.push(issue('package.entry_too_large', at(name), { path: name, size, max: limits.maxEntryBytes }));
          continue;
        }
        if (ratioExceeded(size, entry.compressedSize, limits.maxRatio)) {
          problems.push(issue('package.entry_ratio', at(name), { path: name, ratio: ratioOf(size, entry.compressedSize), max: limits.maxRatio }));
          continue;
        }
        if (entry.compressionMethod === 0 && entry.compressedSize !== size) {
          problems.push(issue('package.entry_damaged', at(name), { path: name, detail: 'stored size' }));
          continue;
        }
        declaredTotal += size;
        entries.push({ name, fold: key, entry, dataStart: -1 });
      }
    } catch (e) {
      return fail([issue('package.damaged', at(), { detail: message(e) })]);
    }
    if (declaredTotal > limits.maxTotalBytes) problems.push(issue('package.total_too_large', at(), { size: declaredTotal, max: limits.maxTotalBytes }));
    if (problems.length) return fail(problems);

    // 2. Local headers must agree with the central directory, and entries must not share bytes
    //    (overlapping entries are how the densest zip bombs are built).
    const ranges: { start: number; end: number; name: string }[] = [];
    for (const e of entries) {
      let header: yauzl.LocalFileHeader;
      try {
        header = await zip.readLocalFileHeaderPromise(e.entry);
      } catch (err) {
        problems.push(issue('package.entry_damaged', at(e.name), { path: e.name, detail: message(err) }));
        continue;
      }
      if (!headersAgree(e.entry, header)) {
        problems.push(issue('package.entry_header_mismatch', at(e.name), { path: e.name }));
        continue;
      }
      e.dataStart = header.fileDataStart;
      ranges.push({ start: e.entry.relativeOffsetOfLocalHeader, end: header.fileDataStart + e.entry.compressedSize, name: e.name });
    }
    if (problems.length) return fail(problems);
    ranges.sort((a, b) => a.start - b.start);
    for (let i = 1; i < ranges.length; i++) {
      const prev = ranges[i - 1] as (typeof ranges)[number];
      const cur = ranges[i] as (typeof ranges)[number];
      if (cur.start < prev.end) problems.push(issue('package.entries_overlap', at(cur.name), { path: cur.name, other: prev.name }));
    }
    if (problems.length) return fail(problems);

    return ok(
      entries.map((e) => ({
        name: e.name,
        fold: e.fold,
        dataStart: e.dataStart,
        entry: { compressionMethod: e.entry.compressionMethod, compressedSize: e.entry.compressedSize, uncompressedSize: e.entry.uncompressedSize, crc32: e.entry.crc32 },
      })),
    );
  } finally {
    zip.close();
  }
}

/** The defaults, overridden only by given numbers (an explicit `undefined` or NaN never switches a limit off). */
function resolveLimits(given: Partial<PackageLimits> = {}): PackageLimits {
  const out: PackageLimits = { ...DEFAULT_LIMITS };
  for (const key of Object.keys(DEFAULT_LIMITS) as (keyof PackageLimits)[]) {
    const v = given[key];
    if (typeof v === 'number' && !Number.isNaN(v)) out[key] = v;
  }
  return out;
}

type Extracted = { ok: true; value: Buffer } | { ok: false; error: Issue; limit: boolean };

/**
 * Inflates one entry into memory, never past min(declared size, maxEntryBytes, what is left of
 * maxTotalBytes, the ratio limit): the inflater is destroyed as soon as one more byte arrives.
 */
function extract(buf: Buffer, e: ZipEntry, limits: PackageLimits, budget: { remaining: number }, at: (field?: string) => IssueLocation): Extracted {
  const { entry, name } = e;
  const raw = buf.subarray(e.dataStart, e.dataStart + entry.compressedSize);
  const declared = entry.uncompressedSize;
  const ratioCap = Math.max(RATIO_FLOOR_BYTES, Math.floor(limits.maxRatio * entry.compressedSize));
  const cap = Math.min(declared, limits.maxEntryBytes, budget.remaining, ratioCap);
  let out: Buffer;
  if (entry.compressionMethod === 0) {
    if (raw.byteLength > cap) return overLimit(e, cap, limits, budget, at);
    out = Buffer.from(raw); // a copy: the caller's buffer may change after we return
  } else {
    const inflated = inflateBounded(raw, cap);
    if (inflated.kind === 'over') return overLimit(e, cap, limits, budget, at);
    if (inflated.kind === 'error') return { ok: false, limit: false, error: issue('package.entry_damaged', at(name), { path: name, detail: inflated.detail }) };
    out = inflated.data;
  }
  budget.remaining -= out.byteLength;
  if (out.byteLength !== declared) {
    return { ok: false, limit: false, error: issue('package.entry_damaged', at(name), { path: name, detail: `size ${out.byteLength} ≠ ${declared}` }) };
  }
  if (crc32(out) !== entry.crc32) return { ok: false, limit: false, error: issue('package.entry_damaged', at(name), { path: name, detail: 'CRC-32' }) };
  return { ok: true, value: out };
}

/** An entry that would pass `cap`: the declared size was checked against every limit before reading, so normally the header lied. */
function overLimit(e: ZipEntry, cap: number, limits: PackageLimits, budget: { remaining: number }, at: (field?: string) => IssueLocation): Extracted {
  const { name } = e;
  const declared = e.entry.uncompressedSize;
  let error: Issue;
  if (cap === declared) error = issue('package.entry_size_exceeds_declared', at(name), { path: name, declared });
  else if (cap === limits.maxEntryBytes) error = issue('package.entry_too_large', at(name), { path: name, size: declared, max: limits.maxEntryBytes });
  else if (cap === budget.remaining) error = issue('package.total_too_large', at(), { size: limits.maxTotalBytes - budget.remaining + declared, max: limits.maxTotalBytes });
  else error = issue('package.entry_ratio', at(name), { path: name, ratio: ratioOf(declared, e.entry.compressedSize), max: limits.maxRatio });
  return { ok: false, limit: true, error };
}

type Inflated = { kind: 'ok'; data: Buffer } | { kind: 'over' } | { kind: 'error'; detail: string };

/**
 * Inflates at most `cap` bytes: zlib stops (ERR_BUFFER_TOO_LARGE) as soon as the output would pass
 * it, so a zip bomb costs no more than the cap. Synchronous: an entry is small or capped, and the
 * one-shot call costs a fraction of a stream's overhead.
 */
function inflateBounded(raw: Buffer, cap: number): Inflated {
  let out: { buffer: Buffer; engine: { bytesWritten: number } };
  try {
    out = inflateRawSync(raw, { maxOutputLength: Math.max(cap, 1), info: true }) as unknown as typeof out;
  } catch (e) {
    if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') return { kind: 'over' };
    return { kind: 'error', detail: message(e) };
  }
  if (out.buffer.byteLength > cap) return { kind: 'over' };
  // Bytes after the end of the deflate stream are not data anyone would see: refuse them too.
  if (out.engine.bytesWritten !== raw.byteLength) return { kind: 'error', detail: 'trailing bytes after compressed data' };
  return { kind: 'ok', data: out.buffer };
}

/** Same flags, method, time, CRC, sizes and name in the local header as in the central directory. */
function headersAgree(c: yauzl.Entry, l: yauzl.LocalFileHeader): boolean {
  const descriptor = (l.generalPurposeBitFlag & 0x08) !== 0;
  const sizeAgrees = (local: number, central: number): boolean =>
    local === central || local === 0xffffffff || (descriptor && local === 0);
  return (
    l.generalPurposeBitFlag === c.generalPurposeBitFlag &&
    l.compressionMethod === c.compressionMethod &&
    l.lastModFileTime === c.lastModFileTime &&
    l.lastModFileDate === c.lastModFileDate &&
    (l.crc32 === c.crc32 || (descriptor && l.crc32 === 0)) &&
    sizeAgrees(l.compressedSize, c.compressedSize) &&
    sizeAgrees(l.uncompressedSize, c.uncompressedSize) &&
    l.fileName.equals(c.fileNameRaw)
  );
}

/** Names must be UTF-8; a name with non-ASCII bytes must carry the UTF-8 flag (bit 11), or other tools would read it as CP437. */
function decodeName(raw: Buffer, flags: number): string | null {
  if (isAscii(raw)) return raw.toString('latin1');
  if ((flags & 0x800) === 0) return null;
  return decodeUtf8(raw);
}

/** Starts like a zip (a local file header, or the end record of an empty zip) but could not be opened. */
function looksLikeZip(buf: Buffer): boolean {
  if (buf.byteLength < 4 || buf[0] !== 0x50 || buf[1] !== 0x4b) return false;
  return (buf[2] === 0x03 && buf[3] === 0x04) || (buf[2] === 0x05 && buf[3] === 0x06);
}

function ratioExceeded(uncompressed: number, compressed: number, maxRatio: number): boolean {
  return uncompressed > RATIO_FLOOR_BYTES && uncompressed > maxRatio * compressed;
}

function ratioOf(uncompressed: number, compressed: number): number {
  return Math.round(uncompressed / Math.max(compressed, 1));
}

function wouldExceedRatio(data: Uint8Array): boolean {
  if (data.byteLength <= RATIO_FLOOR_BYTES) return false;
  return ratioExceeded(data.byteLength, deflateRawSync(data).byteLength, DEFAULT_LIMITS.maxRatio);
}

/** An entry's JSON and its text (for the key checks). */
function parseJson(bytes: Uint8Array): Result<{ value: unknown; text: string }, string> {
  const text = decodeUtf8(bytes);
  if (text === null) return fail('The encoded data was not valid for encoding utf-8');
  // A BOM is kept as a character (as TextDecoder with ignoreBOM does), so JSON.parse refuses it.
  try {
    return ok({ value: JSON.parse(text), text });
  } catch (e) {
    return fail(message(e));
  }
}

/**
 * A key given twice in one object, or a prototype name, inside a JSON entry: refused even though
 * the signature is valid, since two readers could see two different documents (JSON.parse keeps
 * the last duplicate, zod records drop `__proto__`). The same rule as parseStrictJson, naming the entry.
 */
function keyIssue(p: KeyProblem, entry: string, at: (field?: string) => IssueLocation): Issue {
  const code = p.kind === 'duplicate' ? 'package.entry_duplicate_key' : 'package.entry_prototype_key';
  return issue(code, at(`${entry}: ${p.path}`), { path: entry, key: p.key, keyPath: p.path });
}

/** Schema issues point into manifest.json: their field becomes `<entry>: <field>`. */
function inEntry(issues: Issue[], entry: string): Issue[] {
  return issues.map((i) => ({ ...i, at: { ...i.at, field: i.at?.field ? `${entry}: ${i.at.field}` : entry } }));
}

function sha256Hex(data: Uint8Array): string {
  return hash('sha256', data, 'hex'); // one-shot: no Hash object per entry
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function collect(zip: yazl.ZipFile, comment: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('error', reject);
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.end({ comment, forceZip64Format: false });
  });
}
