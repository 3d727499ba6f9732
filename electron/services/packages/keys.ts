import { createPrivateKey, createPublicKey, generateKeyPairSync, hash, type KeyObject, randomBytes, sign, verify } from 'node:crypto';
import { constants } from 'node:fs';
import { chmod, copyFile, mkdir, open, readFile, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { PublicKeyInfo } from '../../../shared/schema/campaign.ts';
import { IssueError, issue } from '../../../shared/util/issue.ts';
import { errorDetail, errno, fsyncDir, renameDurable, writeFileDurable } from '../store/durable-file.ts';

/*
 * The workspace's Ed25519 signing identity. The private key (PKCS#8 PEM) lives in
 * `keys/identity.key` (mode 0600 on POSIX), its public part in `keys/identity.json`. Public keys
 * travel as base64 SPKI DER; a fingerprint is the hex SHA-256 of those DER bytes.
 */

export interface Identity {
  name: string;
  /** Base64 SPKI DER. */
  publicKey: string;
  /** Hex SHA-256 of the SPKI DER. */
  fingerprint: string;
  /** PKCS#8 PEM. */
  privateKeyPem: string;
}

export const KEYS_DIR = 'keys';
export const IDENTITY_KEY_FILE = 'identity.key';
export const IDENTITY_PUBLIC_FILE = 'identity.json';

/** An Ed25519 SPKI DER is always 44 bytes, a signature 64. */
const ED25519_SPKI_BYTES = 44;
const ED25519_SIGNATURE_BYTES = 64;
/** SEQUENCE { SEQUENCE { OID 1.3.101.112 }, BIT STRING (33 bytes) }: all but the key itself. */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export function generateIdentity(name: string): Identity {
  const checked = checkName(name);
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return {
    name: checked,
    publicKey: der.toString('base64'),
    fingerprint: sha256Hex(der),
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

export function publicInfo(id: Identity): PublicKeyInfo {
  return { name: id.name, publicKey: id.publicKey, fingerprint: id.fingerprint };
}

/** Hex SHA-256 of the DER bytes a base64 public key stands for. */
export function fingerprintOf(publicKeyB64: string): string {
  return sha256Hex(Buffer.from(publicKeyB64, 'base64'));
}

/** Base64 Ed25519 signature of `data`. */
export function signBytes(id: Identity, data: Uint8Array): string {
  return sign(null, data, createPrivateKey(id.privateKeyPem)).toString('base64');
}

/**
 * True only if `signatureB64` is a canonical base64 Ed25519 signature of `data` by the key
 * `publicKey` (canonical base64 SPKI DER of an Ed25519 key, or the key itself). Never throws.
 */
export function verifyBytes(publicKey: string | KeyObject, data: Uint8Array, signatureB64: string): boolean {
  const key = typeof publicKey === 'string' ? publicKeyFromB64(publicKey) : publicKey;
  const sig = canonicalBase64(signatureB64);
  if (!key || !sig || sig.length !== ED25519_SIGNATURE_BYTES) return false;
  try {
    return verify(null, data, key, sig);
  } catch {
    return false;
  }
}

/** Keys imported lately, by canonical base64 (one-to-one with the DER bytes): a key seen again is not imported again. */
const importedKeys = new Map<string, KeyObject | null>();
const IMPORTED_KEYS_KEPT = 64;

/** The Ed25519 public key a base64 SPKI DER stands for, or null if it is not one (or not canonical base64). */
export function publicKeyFromB64(publicKeyB64: string): KeyObject | null {
  const known = importedKeys.get(publicKeyB64);
  if (known !== undefined) return known;
  const key = importPublicKey(publicKeyB64);
  if (typeof publicKeyB64 === 'string') {
    if (importedKeys.size >= IMPORTED_KEYS_KEPT) importedKeys.delete(importedKeys.keys().next().value as string);
    importedKeys.set(publicKeyB64, key);
  }
  return key;
}

function importPublicKey(publicKeyB64: string): KeyObject | null {
  const der = canonicalBase64(publicKeyB64);
  if (!der || der.length !== ED25519_SPKI_BYTES || !der.subarray(0, ED25519_SPKI_PREFIX.length).equals(ED25519_SPKI_PREFIX)) return null;
  try {
    // The SPKI of an Ed25519 key is a fixed prefix and the 32-byte key: imported as a JWK, which
    // is ten times faster than OpenSSL's DER decoder (it counts when thousands of files are checked).
    const key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: der.subarray(ED25519_SPKI_PREFIX.length).toString('base64url') }, format: 'jwk' });
    return key.asymmetricKeyType === 'ed25519' ? key : null;
  } catch {
    return null;
  }
}

/**
 * Writes `keys/identity.key` (created with mode 0600, fsynced, renamed into place) and then
 * `keys/identity.json` (the public part). A different key already in place is kept as
 * `keys/identity-<first 16 hex of its fingerprint>.key` (mode 0600), never overwritten, so that a
 * replaced identity can still be recovered. Throws `IssueError` (`package.identity_mismatch` when
 * the private key does not belong to the public key, `package.identity_write_failed` on I/O errors).
 */
export async function saveIdentity(workspaceDir: string, id: Identity): Promise<void> {
  const dir = join(workspaceDir, KEYS_DIR);
  const keyFile = join(dir, IDENTITY_KEY_FILE);
  const pubFile = join(dir, IDENTITY_PUBLIC_FILE);
  checkName(id.name);
  const derived = publicOfPrivate(id.privateKeyPem);
  if (!derived || derived.publicKey !== id.publicKey || derived.fingerprint !== id.fingerprint) {
    throw new IssueError(issue('package.identity_mismatch', { file: keyFile }));
  }
  try {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    await archiveOldKey(dir, keyFile, id.privateKeyPem);
    await writePrivateFile(keyFile, id.privateKeyPem);
    await writeFileDurable(pubFile, `${JSON.stringify(publicInfo(id), null, 2)}\n`, { backups: 0, label: pubFile });
  } catch (e) {
    if (e instanceof IssueError) throw e;
    throw new IssueError(issue('package.identity_write_failed', { file: keyFile }, { detail: errorDetail(e) }));
  }
}

/**
 * Reads the workspace identity; null when it has none (neither file exists). The private key is
 * authoritative: the public key is derived from it and must match `identity.json`. Throws
 * `IssueError`: `package.identity_key_missing` (public part without its private key),
 * `package.identity_unreadable` (an I/O error), `package.identity_damaged` (a file invalid), `package.identity_mismatch`.
 */
export async function loadIdentity(workspaceDir: string): Promise<Identity | null> {
  const dir = join(workspaceDir, KEYS_DIR);
  const keyFile = join(dir, IDENTITY_KEY_FILE);
  const pubFile = join(dir, IDENTITY_PUBLIC_FILE);
  const pem = await readOptional(keyFile);
  const pub = await readOptional(pubFile);
  if (pem === null && pub === null) return null;
  if (pem === null) throw new IssueError(issue('package.identity_key_missing', { file: keyFile }));
  const derived = publicOfPrivate(pem);
  if (!derived) throw new IssueError(issue('package.identity_damaged', { file: keyFile }));
  if (pub === null) throw new IssueError(issue('package.identity_damaged', { file: pubFile }));
  let info: PublicKeyInfo;
  try {
    const parsed = PublicKeyInfo.safeParse(JSON.parse(pub));
    if (!parsed.success) throw new Error('invalid');
    info = parsed.data;
  } catch {
    throw new IssueError(issue('package.identity_damaged', { file: pubFile }));
  }
  if (info.publicKey !== derived.publicKey || info.fingerprint !== derived.fingerprint) {
    throw new IssueError(issue('package.identity_mismatch', { file: pubFile }));
  }
  return { name: info.name, publicKey: derived.publicKey, fingerprint: derived.fingerprint, privateKeyPem: pem };
}

function checkName(name: string): string {
  const parsed = PublicKeyInfo.shape.name.safeParse(name);
  if (!parsed.success) throw new IssueError(issue('package.identity_bad_name', {}, { max: 300 }));
  return parsed.data;
}

function sha256Hex(data: Uint8Array): string {
  return hash('sha256', data, 'hex');
}

/** Decodes base64 only if it is in canonical form (Node's decoder silently skips junk and unused bits). */
function canonicalBase64(b64: string): Buffer | null {
  if (typeof b64 !== 'string' || !/^[A-Za-z0-9+/]+={0,2}$/.test(b64)) return null;
  const bytes = Buffer.from(b64, 'base64');
  return bytes.toString('base64') === b64 ? bytes : null;
}

function publicOfPrivate(pem: string): { publicKey: string; fingerprint: string } | null {
  try {
    const priv = createPrivateKey(pem);
    if (priv.asymmetricKeyType !== 'ed25519') return null;
    const der = createPublicKey(priv).export({ type: 'spki', format: 'der' });
    return { publicKey: der.toString('base64'), fingerprint: sha256Hex(der) };
  } catch {
    return null;
  }
}

async function readOptional(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (e) {
    if (errno(e) === 'ENOENT') return null;
    throw new IssueError(issue('package.identity_unreadable', { file }, { detail: errorDetail(e) }));
  }
}

async function archiveOldKey(dir: string, keyFile: string, newPem: string): Promise<void> {
  const old = await readOptional(keyFile).catch(() => null);
  if (old === null || old === newPem) return;
  const oldPub = publicOfPrivate(old);
  const tag = oldPub ? oldPub.fingerprint.slice(0, 16) : `damaged-${randomBytes(6).toString('hex')}`;
  const archived = join(dir, `identity-${tag}.key`);
  try {
    await copyFile(keyFile, archived, constants.COPYFILE_EXCL); // never overwrite an archived key
  } catch (e) {
    if (errno(e) !== 'EEXIST') throw e;
    return;
  }
  await chmod(archived, 0o600);
  const fh = await open(archived, 'r+');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
  await fsyncDir(dir);
}

/** Temp file created with mode 0600 (never readable by others, not even briefly), fsynced, renamed over `file`. */
async function writePrivateFile(file: string, text: string): Promise<void> {
  const tmp = join(dirname(file), `.${IDENTITY_KEY_FILE}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const fh = await open(tmp, 'wx', 0o600);
  try {
    await fh.writeFile(text);
    await fh.sync();
  } catch (e) {
    await fh.close().catch(() => undefined);
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
  await fh.close();
  try {
    await chmod(tmp, 0o600);
    await renameDurable(tmp, file);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
}
