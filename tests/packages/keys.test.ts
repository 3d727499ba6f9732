import { createHash } from 'node:crypto';
import { readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PublicKeyInfo } from '../../shared/schema/campaign.ts';
import { IssueError } from '../../shared/util/issue.ts';
import {
  fingerprintOf,
  generateIdentity,
  loadIdentity,
  publicInfo,
  saveIdentity,
  signBytes,
  verifyBytes,
} from '../../electron/services/packages/keys.ts';
import { tempDir } from './helpers.ts';

let dir = '';
let cleanup: () => Promise<void> = async () => undefined;
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
});
afterEach(async () => {
  await cleanup();
});

async function issueCode(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
  } catch (e) {
    if (e instanceof IssueError) return e.issues[0]?.code;
    throw e;
  }
  return undefined;
}

describe('identity', () => {
  it('generates an Ed25519 identity whose fingerprint is the SHA-256 of the SPKI DER', () => {
    const id = generateIdentity('Sở Nội vụ tỉnh Thử Nghiệm');
    const der = Buffer.from(id.publicKey, 'base64');
    expect(der.byteLength).toBe(44);
    expect(id.fingerprint).toBe(createHash('sha256').update(der).digest('hex'));
    expect(fingerprintOf(id.publicKey)).toBe(id.fingerprint);
    expect(id.privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(PublicKeyInfo.parse(publicInfo(id))).toEqual({ name: id.name, publicKey: id.publicKey, fingerprint: id.fingerprint });
  });

  it('refuses an empty name', () => {
    expect(() => generateIdentity('   ')).toThrow(IssueError);
  });

  it('two identities have different keys', () => {
    expect(generateIdentity('A').fingerprint).not.toBe(generateIdentity('A').fingerprint);
  });

  it('signs and verifies bytes', () => {
    const id = generateIdentity('Sở Nội vụ');
    const data = Buffer.from('nội dung cần ký');
    const sig = signBytes(id, data);
    expect(verifyBytes(id.publicKey, data, sig)).toBe(true);
  });

  it('verifyBytes is false for a tampered signature', () => {
    const id = generateIdentity('Sở Nội vụ');
    const data = Buffer.from('nội dung cần ký');
    const sig = Buffer.from(signBytes(id, data), 'base64');
    sig[10] = (sig[10] as number) ^ 0x01;
    expect(verifyBytes(id.publicKey, data, sig.toString('base64'))).toBe(false);
  });

  it('verifyBytes is false for changed data, another key, non-canonical base64 and junk', () => {
    const id = generateIdentity('A');
    const other = generateIdentity('B');
    const data = Buffer.from('abc');
    const sig = signBytes(id, data);
    expect(verifyBytes(id.publicKey, Buffer.from('abd'), sig)).toBe(false);
    expect(verifyBytes(other.publicKey, data, sig)).toBe(false);
    // 64 bytes → 86 base64 characters + "==": the last character carries 4 unused bits.
    const last = sig[85] as string;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    const sibling = alphabet[alphabet.indexOf(last) ^ 1] as string;
    const nonCanonical = `${sig.slice(0, 85)}${sibling}==`;
    expect(Buffer.from(nonCanonical, 'base64').equals(Buffer.from(sig, 'base64'))).toBe(true);
    expect(verifyBytes(id.publicKey, data, nonCanonical)).toBe(false);
    expect(verifyBytes(id.publicKey, data, '')).toBe(false);
    expect(verifyBytes('not a key', data, sig)).toBe(false);
    expect(verifyBytes(Buffer.alloc(44).toString('base64'), data, sig)).toBe(false);
  });

  it('saves and loads an identity (round trip through real files)', async () => {
    const id = generateIdentity('UBND xã Thử');
    await saveIdentity(dir, id);
    expect(await loadIdentity(dir)).toEqual(id);
    const pub = JSON.parse(await readFile(join(dir, 'keys', 'identity.json'), 'utf8')) as unknown;
    expect(pub).toEqual(publicInfo(id));
    expect(await readFile(join(dir, 'keys', 'identity.key'), 'utf8')).toBe(id.privateKeyPem);
  });

  it.runIf(process.platform !== 'win32')('writes the private key with mode 0600', async () => {
    const id = generateIdentity('Sở Nội vụ');
    await saveIdentity(dir, id);
    expect((await stat(join(dir, 'keys', 'identity.key'))).mode & 0o777).toBe(0o600);
    // also after replacing it
    await saveIdentity(dir, generateIdentity('Sở Nội vụ'));
    expect((await stat(join(dir, 'keys', 'identity.key'))).mode & 0o777).toBe(0o600);
  });

  it('keeps a replaced private key instead of losing it', async () => {
    const first = generateIdentity('Sở Nội vụ');
    const second = generateIdentity('Sở Nội vụ');
    await saveIdentity(dir, first);
    await saveIdentity(dir, second);
    expect((await loadIdentity(dir))?.fingerprint).toBe(second.fingerprint);
    const archived = join(dir, 'keys', `identity-${first.fingerprint.slice(0, 16)}.key`);
    expect(await readFile(archived, 'utf8')).toBe(first.privateKeyPem);
    if (process.platform !== 'win32') expect((await stat(archived)).mode & 0o777).toBe(0o600);
    const files = await readdir(join(dir, 'keys'));
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('loadIdentity returns null for a workspace without keys', async () => {
    expect(await loadIdentity(dir)).toBeNull();
  });

  it('refuses to save an identity whose private key is not its public key', async () => {
    const a = generateIdentity('A');
    const b = generateIdentity('B');
    expect(await issueCode(saveIdentity(dir, { ...a, privateKeyPem: b.privateKeyPem }))).toBe('package.identity_mismatch');
  });

  it('loadIdentity reports a missing private key', async () => {
    await saveIdentity(dir, generateIdentity('A'));
    await rm(join(dir, 'keys', 'identity.key'));
    expect(await issueCode(loadIdentity(dir))).toBe('package.identity_key_missing');
  });

  it('loadIdentity reports a damaged private key', async () => {
    await saveIdentity(dir, generateIdentity('A'));
    await writeFile(join(dir, 'keys', 'identity.key'), 'garbage');
    expect(await issueCode(loadIdentity(dir))).toBe('package.identity_damaged');
  });

  it('loadIdentity reports a damaged public part', async () => {
    await saveIdentity(dir, generateIdentity('A'));
    await writeFile(join(dir, 'keys', 'identity.json'), '{"name":');
    expect(await issueCode(loadIdentity(dir))).toBe('package.identity_damaged');
  });

  it('loadIdentity reports a public part that belongs to another key', async () => {
    await saveIdentity(dir, generateIdentity('A'));
    await writeFile(join(dir, 'keys', 'identity.json'), JSON.stringify(publicInfo(generateIdentity('A'))));
    expect(await issueCode(loadIdentity(dir))).toBe('package.identity_mismatch');
  });
});
