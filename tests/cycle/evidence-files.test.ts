import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openSubmission } from '../../electron/services/cycle/submission.ts';
import { generateIdentity } from '../../electron/services/packages/keys.ts';
import { SUBMISSION_KIND } from '../../shared/schema/index.ts';
import { BINDING } from '../packages/helpers.ts';
import { signedSubmission } from './helpers.ts';

/*
 * The evidence files of a submission against its list (checkEvidenceFiles): the hashes come from
 * the manifest the package reader verified, not from hashing the files a second time, and a
 * package whose files are all listed skips the search for unlisted ones.
 */

const identity = generateIdentity('Xã Tân Lập');
const sha = (data: Uint8Array): string => createHash('sha256').update(data).digest('hex');
const A = new TextEncoder().encode('Quyết định 231/QĐ-UBND');
const B = new TextEncoder().encode('Công văn 91/CV-UBND');
const listedA = { sha256: sha(A), fileName: 'QD-231.txt', size: A.byteLength };
const listedB = { sha256: sha(B), fileName: 'CV-91.txt', size: B.byteLength };

function submission(evidence: unknown[]): unknown {
  return {
    kind: SUBMISSION_KIND,
    schemaVersion: 1,
    campaign: 'cchc-2026',
    agency: 'X00001',
    revision: 1,
    round: 1,
    createdAt: '2026-12-07T08:27:00+07:00',
    signer: { name: 'Chủ tịch UBND', position: 'Chủ tịch' },
    assessment: { kind: 'parscore.assessment', schemaVersion: 1, agency: 'X00001', template: { id: 'par-xa', version: 1 }, updatedAt: '2026-12-07T08:27:00+07:00' },
    evidence,
  };
}

async function problems(evidence: unknown[], files: { path: string; data: Uint8Array }[]): Promise<unknown> {
  const r = await openSubmission(await signedSubmission(identity, submission(evidence), files, BINDING), 'X00001-r1.parscore');
  return r.ok ? [] : r.error.map((i) => ({ code: i.code, field: i.at?.field, params: i.params }));
}

describe('evidence files of a submission', () => {
  it('every file listed and present: accepted', async () => {
    expect(await problems([listedA, listedB], [{ path: `evidence/${listedA.sha256}`, data: A }, { path: `evidence/${listedB.sha256}`, data: B }])).toEqual([]);
  });

  it('a file under another hash than its name is reported with the hash of its bytes', async () => {
    expect(await problems([listedA], [{ path: `evidence/${listedA.sha256}`, data: B }])).toEqual([
      { code: 'cycle.evidence_hash_mismatch', field: 'evidence[0]', params: { sha256: listedA.sha256, actual: sha(B), fileName: 'QD-231.txt' } },
    ]);
  });

  it('listed twice, missing, of another size, unlisted: each reported, the list first', async () => {
    const other = new TextEncoder().encode('x');
    expect(
      await problems(
        [listedA, listedA, listedB, { ...listedA, sha256: sha(other), size: 5 }],
        [
          { path: `evidence/${listedA.sha256}`, data: A },
          { path: `evidence/${sha(other)}`, data: other },
          { path: 'evidence/unlisted', data: other },
          { path: 'notes/readme.txt', data: other },
        ],
      ),
    ).toEqual([
      { code: 'cycle.evidence_listed_twice', field: 'evidence[1]', params: { sha256: listedA.sha256, fileName: 'QD-231.txt' } },
      { code: 'cycle.evidence_missing', field: 'evidence[2]', params: { sha256: listedB.sha256, fileName: 'CV-91.txt' } },
      { code: 'cycle.evidence_size_mismatch', field: 'evidence[3]', params: { fileName: 'QD-231.txt', expected: 5, actual: 1 } },
      { code: 'cycle.evidence_unlisted', field: 'evidence/unlisted', params: { path: 'evidence/unlisted' } },
      { code: 'cycle.evidence_unlisted', field: 'notes/readme.txt', params: { path: 'notes/readme.txt' } },
    ]);
  });

  it('as many files as listed hashes found, but one listed twice and one file unlisted: the unlisted one is still found', async () => {
    expect(await problems([listedA, listedA], [{ path: `evidence/${listedA.sha256}`, data: A }, { path: `evidence/${listedB.sha256}`, data: B }])).toEqual([
      { code: 'cycle.evidence_listed_twice', field: 'evidence[1]', params: { sha256: listedA.sha256, fileName: 'QD-231.txt' } },
      { code: 'cycle.evidence_unlisted', field: `evidence/${listedB.sha256}`, params: { path: `evidence/${listedB.sha256}` } },
    ]);
  });
});
