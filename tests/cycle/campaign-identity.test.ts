import { afterEach, describe, expect, it } from 'vitest';
import { exportAppraisal, importAppraisal, setAppraisalStatus } from '../../electron/services/cycle/appraisal.ts';
import { initAgencyWorkspace } from '../../electron/services/cycle/campaign.ts';
import { type RejectedVerdict, importSubmissions } from '../../electron/services/cycle/import.ts';
import { generateIdentity } from '../../electron/services/packages/keys.ts';
import type { WorkspaceStore } from '../../electron/services/store/workspace.ts';
import { formatIssue } from '../../shared/i18n/index.ts';
import type { Manifest } from '../../shared/schema/index.ts';
import { buildZip, payloadBytes, unzip } from '../packages/helpers.ts';
import { ON_TIME, type Province, codes, contentsOf, expectOk, hashTree, identityOf, importOne, province, signedSubmission, submit } from './helpers.ts';

/*
 * Campaign identity (issue 12): campaign ids such as `cchc-2025` repeat across provinces, and agency
 * keys are pinned on first use; so every exchange file names its campaign's random uid and Home
 * Affairs' key, and a file of another campaign is refused at first contact, before any key is pinned.
 */

const OTHER_UID = '9a1e4c2b-7d3f-4e5a-8b6c-0f1e2d3c4b5a';

const provinces: Province[] = [];
afterEach(async () => {
  for (const p of provinces.splice(0)) await p.close();
});

async function make(agencies: string[], opts: { uid?: string } = {}): Promise<Province> {
  const p = await province(agencies, opts);
  provinces.push(p);
  return p;
}

/** One file offered to Home Affairs: refused, with the workspace and its index unchanged byte for byte. */
async function refusedAtHomeAffairs(ha: WorkspaceStore, file: string, bytes: Uint8Array): Promise<RejectedVerdict> {
  const before = await hashTree(ha.dir);
  const indexBefore = JSON.stringify(ha.index);
  const [v] = await importSubmissions(ha, [{ file, bytes }], { now: ON_TIME });
  if (v?.verdict !== 'rejected') throw new Error(`not rejected: ${JSON.stringify(v)}`);
  expect(await hashTree(ha.dir)).toEqual(before);
  expect(JSON.stringify(ha.index)).toBe(indexBefore);
  return v;
}

/** The same file laid out as exchange format 1: manifest v1 and signature.json, no signature at the end. */
function asFormat1(bytes: Uint8Array): Buffer {
  const entries = unzip(bytes);
  const manifest = JSON.parse(entries.find((e) => e.name === 'manifest.json')!.data.toString('utf8')) as Manifest;
  const v1 = { kind: manifest.kind, schemaVersion: 1, packageKind: manifest.packageKind, createdAt: manifest.createdAt, entries: manifest.entries };
  const signature = { kind: 'parscore.signature', schemaVersion: 1, algorithm: 'Ed25519', publicKey: manifest.signer.publicKey, signature: 'A'.repeat(86) + '==' };
  return buildZip([
    { name: 'manifest.json', data: payloadBytes(v1) },
    { name: 'signature.json', data: payloadBytes(signature) },
    ...entries.filter((e) => e.name !== 'manifest.json').map((e) => ({ name: e.name, data: e.data, method: e.name.includes('/') ? 0 : 8 })),
  ]);
}

describe('a submission of another campaign', () => {
  it('of another province, with the same campaign id, year and title: refused at the first import, saying it belongs to another campaign', async () => {
    const ours = await make([]);
    const theirs = await make(['STP'], { uid: OTHER_UID });
    expect(theirs.ha.campaign()!.id).toBe(ours.ha.campaign()!.id);
    expect(theirs.ha.campaign()!.year).toBe(ours.ha.campaign()!.year);
    expect(theirs.ha.campaign()!.title).toEqual(ours.ha.campaign()!.title);
    // Nothing of STP is known at our Home Affairs yet: no key pinned, no submission.
    expect(ours.ha.index.agencies.find((a) => a.code === 'STP')?.pinnedKey ?? null).toBeNull();

    const s = await submit(theirs.agencies.STP!);
    const v = await refusedAtHomeAffairs(ours.ha, s.file, s.bytes);
    expect(codes(v.reasons)).toEqual(['cycle.other_campaign_uid']);
    const vi = formatIssue('vi', v.reasons[0]!);
    expect(vi).toContain(`tệp ${s.file}`);
    expect(vi).toContain('Tệp của một đợt đánh giá khác');
    expect(vi).toContain(OTHER_UID);
    expect(formatIssue('en', v.reasons[0]!)).toMatch(/another (assessment )?campaign/i);
    // Nothing was pinned by the refused file.
    expect(ours.ha.index.agencies.find((a) => a.code === 'STP')?.pinnedKey ?? null).toBeNull();
  });

  it('signed for another Home Affairs key (same campaign uid): refused at the first import', async () => {
    const ours = await make([]);
    const theirs = await make(['STP']);
    expect(theirs.ha.campaign()!.uid).toBe(ours.ha.campaign()!.uid);
    expect(theirs.ha.campaign()!.homeAffairs!.fingerprint).not.toBe(ours.ha.campaign()!.homeAffairs!.fingerprint);
    const s = await submit(theirs.agencies.STP!);
    const v = await refusedAtHomeAffairs(ours.ha, s.file, s.bytes);
    expect(v.reasons).toEqual([
      {
        code: 'cycle.other_home_affairs_key',
        at: { file: s.file, agency: 'STP', field: 'manifest.json: campaign.homeAffairs' },
        params: { expected: ours.ha.campaign()!.homeAffairs!.fingerprint, actual: theirs.ha.campaign()!.homeAffairs!.fingerprint },
      },
    ]);
    expect(formatIssue('vi', v.reasons[0]!)).toContain('Tệp của một đợt đánh giá khác');
  });

  it('our own agency’s content put into another campaign’s manifest and signed with its own key: refused', async () => {
    const ours = await make(['STP']);
    const s = await submit(ours.agencies.STP!);
    const { submission, files, campaign } = contentsOf(s.bytes);
    const bytes = await signedSubmission(await identityOf(ours.agencies.STP!), submission, files, { ...campaign, uid: OTHER_UID });
    const v = await refusedAtHomeAffairs(ours.ha, s.file, bytes);
    expect(codes(v.reasons)).toEqual(['cycle.other_campaign_uid']);
    // The genuine file is then accepted: the refusal pinned nothing.
    expect((await importOne(ours.ha, s.file, s.bytes)).verdict).toBe('accepted');
  });
});

describe('a submission re-signed with another key', () => {
  it('after the first import: reported as a key change (the file, the agency, both fingerprints), never accepted', async () => {
    const ours = await make(['STP']);
    const stp = ours.agencies.STP!;
    const first = await submit(stp);
    expect((await importOne(ours.ha, first.file, first.bytes)).verdict).toBe('accepted');
    const pinned = ours.ha.index.agencies.find((a) => a.code === 'STP')!.pinnedKey!;

    // The agency's next file, unchanged but for its signature: the same campaign, another key.
    const next = await submit(stp);
    const { submission, files, campaign } = contentsOf(next.bytes);
    const other = generateIdentity('Sở Tư pháp');
    const resigned = await signedSubmission(other, submission, files, campaign);
    const v = await refusedAtHomeAffairs(ours.ha, next.file, resigned);
    expect(v.reasons).toEqual([{ code: 'cycle.key_mismatch', at: { file: next.file, agency: 'STP' }, params: { expected: pinned.fingerprint, actual: other.fingerprint, agency: 'STP' } }]);
    const vi = formatIssue('vi', v.reasons[0]!);
    expect(vi).toContain('Khóa ký đã thay đổi');
    expect(vi).toContain(pinned.fingerprint);
    expect(vi).toContain(other.fingerprint);
    expect(formatIssue('en', v.reasons[0]!)).toMatch(/key.*changed|changed.*key/i);
    // The genuine next revision is accepted, and the pinned key is still the agency's own.
    expect((await importOne(ours.ha, next.file, next.bytes)).verdict).toBe('replaced');
    expect(ours.ha.index.agencies.find((a) => a.code === 'STP')!.pinnedKey).toEqual(pinned);
  });
});

describe('a changed agency key accepted by Home Affairs', () => {
  it('only for that agency and that exact key: the new key replaces the recorded one, on the audit log; the old key is then refused', async () => {
    const ours = await make(['STP', 'STC']);
    const stp = ours.agencies.STP!;
    const first = await submit(stp);
    expect((await importOne(ours.ha, first.file, first.bytes)).verdict).toBe('accepted');
    const pinned = ours.ha.index.agencies.find((a) => a.code === 'STP')!.pinnedKey!;
    const next = await submit(stp);
    const { submission, files, campaign } = contentsOf(next.bytes);
    const newKey = generateIdentity('Sở Tư pháp (máy mới)');
    const resigned = await signedSubmission(newKey, submission, files, campaign);

    // Accepting another key, or this key for another agency, decides nothing.
    const stranger = generateIdentity('?');
    for (const acceptKeys of [[{ agency: 'STP', fingerprint: stranger.fingerprint }], [{ agency: 'STC', fingerprint: newKey.fingerprint }]]) {
      const before = await hashTree(ours.ha.dir);
      const [v] = await importSubmissions(ours.ha, [{ file: next.file, bytes: resigned }], { now: ON_TIME, acceptKeys });
      expect(v?.verdict === 'rejected' ? codes(v.reasons) : v).toEqual(['cycle.key_mismatch']);
      expect(await hashTree(ours.ha.dir)).toEqual(before);
    }

    const [v] = await importSubmissions(ours.ha, [{ file: next.file, bytes: resigned }], { now: ON_TIME, acceptKeys: [{ agency: 'STP', fingerprint: newKey.fingerprint.toUpperCase() }] });
    expect(v).toMatchObject({ verdict: 'replaced', agency: 'STP', keyChanged: { from: pinned.fingerprint, to: newKey.fingerprint } });
    expect(ours.ha.index.agencies.find((a) => a.code === 'STP')!.pinnedKey!.fingerprint).toBe(newKey.fingerprint);
    const audit = await ours.ha.readAudit();
    expect(audit.entries.map((l) => l.entry).filter((e) => e.field === 'key')).toMatchObject([{ agency: 'STP', old: pinned.fingerprint, new: newKey.fingerprint, reason: `${next.file} (r${submission.revision})` }]);
    expect(audit.chain.breaks).toEqual([]);

    // From now on the agency's old key is the stranger.
    const third = await submit(stp);
    const old = await refusedAtHomeAffairs(ours.ha, third.file, third.bytes);
    expect(old.reasons).toMatchObject([{ code: 'cycle.key_mismatch', params: { expected: newKey.fingerprint, actual: pinned.fingerprint } }]);
  });
});

describe('an appraisal file of another campaign', () => {
  it('is refused at the agency, saying it belongs to another campaign, with nothing changed', async () => {
    const ours = await make(['STP']);
    const theirs = await make(['STP'], { uid: OTHER_UID });
    // Their Home Affairs appraises their STP and sends the appraisal file back.
    const s = await submit(theirs.agencies.STP!);
    expect((await importOne(theirs.ha, s.file, s.bytes)).verdict).toBe('accepted');
    expectOk(await setAppraisalStatus(theirs.ha, 'STP', 'appraising'));
    expectOk(await setAppraisalStatus(theirs.ha, 'STP', 'appraised_1'));
    const appraisal = await exportAppraisal(theirs.ha, 'STP');
    // Our STP (same agency code, same campaign id) is given their file.
    const stp = ours.agencies.STP!;
    const before = await hashTree(stp.dir);
    const r = await importAppraisal(stp, appraisal, 'STP-tham-dinh.parscore');
    expect(r.ok ? [] : codes(r.error)).toEqual(['cycle.other_campaign_uid']);
    if (!r.ok) expect(formatIssue('vi', r.error[0]!)).toContain('Tệp của một đợt đánh giá khác');
    expect(await hashTree(stp.dir)).toEqual(before);

    // Same uid, another Home Affairs key.
    const twin = await make(['STP']);
    const t = await submit(twin.agencies.STP!);
    expect((await importOne(twin.ha, t.file, t.bytes)).verdict).toBe('accepted');
    expectOk(await setAppraisalStatus(twin.ha, 'STP', 'appraising'));
    expectOk(await setAppraisalStatus(twin.ha, 'STP', 'appraised_1'));
    const r2 = await importAppraisal(stp, await exportAppraisal(twin.ha, 'STP'), 'STP-tham-dinh.parscore');
    expect(r2.ok ? [] : codes(r2.error)).toEqual(['cycle.other_home_affairs_key']);
    expect(await hashTree(stp.dir)).toEqual(before);
  });
});

describe('a file of exchange format 1', () => {
  it('is refused naming format version 1: a submission at Home Affairs, an appraisal at the agency, a campaign file at setup', async () => {
    const ours = await make(['STP']);
    const stp = ours.agencies.STP!;
    const s = await submit(stp);
    const v = await refusedAtHomeAffairs(ours.ha, s.file, asFormat1(s.bytes));
    expect(v.reasons).toEqual([{ code: 'package.format_version', at: { file: s.file }, params: { version: 1, supported: 2 } }]);
    expect(formatIssue('vi', v.reasons[0]!)).toContain('định dạng trao đổi phiên bản 1');

    expect((await importOne(ours.ha, s.file, s.bytes)).verdict).toBe('accepted');
    expectOk(await setAppraisalStatus(ours.ha, 'STP', 'appraising'));
    expectOk(await setAppraisalStatus(ours.ha, 'STP', 'appraised_1'));
    const before = await hashTree(stp.dir);
    const r = await importAppraisal(stp, asFormat1(await exportAppraisal(ours.ha, 'STP')), 'td.parscore');
    expect(r.ok ? [] : r.error.map((i) => [i.code, i.params?.version])).toEqual([['package.format_version', 1]]);
    expect(await hashTree(stp.dir)).toEqual(before);

    const init = await initAgencyWorkspace(`${ours.root}/moi`, asFormat1(ours.campaignFile), 'cchc-2025.parscore', { agency: 'STC' });
    expect(init.ok ? [] : init.error.map((i) => [i.code, i.params?.version])).toEqual([['package.format_version', 1]]);
  });
});
