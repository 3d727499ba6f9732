import { afterEach, describe, expect, it } from 'vitest';
import { importSubmissions, type ImportVerdict, type RejectedVerdict } from '../../electron/services/cycle/import.ts';
import { verifySubmission } from '../../electron/services/cycle/submission.ts';
import { generateIdentity, publicInfo } from '../../electron/services/packages/keys.ts';
import type { WorkspaceStore } from '../../electron/services/store/workspace.ts';
import type { Submission } from '../../shared/schema/index.ts';
import { buildZip, craft, layout, listing, manifestBytes, payloadBytes, sha256, signZip, unzip } from '../packages/helpers.ts';
import {
  JUST_LATE,
  LAST_MINUTE,
  ON_TIME,
  type Province,
  codes,
  contentsOf,
  hashTree,
  identityOf,
  importOne,
  province,
  signedSubmission,
  submit,
} from './helpers.ts';

let p: Province | null = null;
afterEach(async () => {
  await p?.close();
  p = null;
});

async function setup(agencies: string[] = ['STP']): Promise<Province> {
  p = await province(agencies);
  return p;
}

/** Imports one file and checks that it was rejected and that Home Affairs' folder did not change by a single byte. */
async function rejected(ha: WorkspaceStore, file: string, bytes: Uint8Array, opts: { now?: string; limits?: Record<string, number> } = {}): Promise<RejectedVerdict> {
  const before = await hashTree(ha.dir);
  const indexBefore = JSON.stringify(ha.index);
  const [v] = await importSubmissions(ha, [{ file, bytes }], { now: opts.now ?? ON_TIME, ...(opts.limits ? { limits: opts.limits } : {}) });
  expect(v?.verdict).toBe('rejected');
  expect(await hashTree(ha.dir)).toEqual(before);
  expect(JSON.stringify(ha.index)).toBe(indexBefore);
  if (v?.verdict !== 'rejected') throw new Error('not rejected');
  for (const r of v.reasons) expect(r.at?.file, JSON.stringify(r)).toBe(file);
  return v;
}

/** STP's first submission imported: its key is pinned, revision 1 stored. */
async function withFirstImport(): Promise<{ p: Province; stp: WorkspaceStore; first: { bytes: Uint8Array; revision: number; file: string } }> {
  const prov = await setup(['STP']);
  const stp = prov.agencies.STP!;
  const first = await submit(stp);
  const v = await importOne(prov.ha, first.file, first.bytes);
  expect(v.verdict).toBe('accepted');
  return { p: prov, stp, first };
}

/** A copy of STP's next submission with `edit` applied to the document, signed with `by` (default: STP's own key). */
async function variant(stp: WorkspaceStore, edit: (s: Submission) => void, opts: { by?: Parameters<typeof signedSubmission>[0]; files?: (f: { path: string; data: Uint8Array }[]) => { path: string; data: Uint8Array }[] } = {}): Promise<Uint8Array> {
  const next = await submit(stp);
  const { submission, files, campaign } = contentsOf(next.bytes);
  edit(submission);
  return signedSubmission(opts.by ?? (await identityOf(stp)), submission, opts.files ? opts.files(files) : files, campaign);
}

describe('import refuses bad files and changes nothing', () => {
  it('any byte changed in a signed file: every change is refused, zip metadata the signature does not cover included', async () => {
    const { stp, p: prov } = await withFirstImport();
    const s = await submit(stp);
    const genuine = await verifySubmission(s.bytes, s.file);
    expect(genuine.ok).toBe(true);
    const accepted: number[] = [];
    for (let i = 0; i < s.bytes.length; i++) {
      const b = new Uint8Array(s.bytes);
      b[i] = b[i]! ^ 0x01;
      const r = await verifySubmission(b, s.file);
      if (r.ok) accepted.push(i);
    }
    expect(accepted).toEqual([]);
    // Through the whole import, with the folder checked: a byte in the manifest, the signature, each evidence file, the payload.
    const entries = layout(s.bytes);
    expect(entries.map((e) => e.name)).toContain('submission.json');
    for (const at of entries.map((e) => e.dataStart + Math.floor(e.compressedSize / 2))) {
      const b = new Uint8Array(s.bytes);
      b[at] = b[at]! ^ 0xff;
      const v = await rejected(prov.ha, s.file, b);
      expect(codes(v.reasons).every((c) => c.startsWith('package.')), codes(v.reasons).join()).toBe(true);
    }
  });

  it('a truncated file', async () => {
    const prov = await setup();
    const s = await submit(prov.agencies.STP!);
    for (const cut of [s.bytes.length - 1, s.bytes.length - 30, Math.floor(s.bytes.length / 2), 10]) {
      const v = await rejected(prov.ha, s.file, s.bytes.subarray(0, cut));
      expect(codes(v.reasons)).toHaveLength(1);
      expect(['package.truncated', 'package.not_zip', 'package.damaged']).toContain(codes(v.reasons)[0]);
    }
    expect((await rejected(prov.ha, s.file, new Uint8Array(0))).reasons[0]?.code).toMatch(/^package\./);
  });

  it('an unsigned file (the same entries, no signature at the end)', async () => {
    const prov = await setup();
    const s = await submit(prov.agencies.STP!);
    const entries = unzip(s.bytes);
    const v = await rejected(prov.ha, s.file, buildZip(entries.map((e) => ({ name: e.name, data: e.data }))));
    expect(codes(v.reasons)).toEqual(['package.signature_missing']);
  });

  it('a file signed with another key than the one pinned at the agency’s first import', async () => {
    const { stp, p: prov } = await withFirstImport();
    const impostor = generateIdentity('Sở Tư pháp');
    const bytes = await variant(stp, () => undefined, { by: impostor });
    const v = await rejected(prov.ha, 'STP-r2.parscore', bytes);
    expect(v.reasons).toEqual([
      { code: 'cycle.key_mismatch', at: { file: 'STP-r2.parscore', agency: 'STP' }, params: { expected: stp.index.identity!.fingerprint, actual: impostor.fingerprint, agency: 'STP' } },
    ]);
  });

  it('a first submission signed with a key already pinned to another agency', async () => {
    const prov = await setup(['STP', 'XA-DONG-HOA']);
    const s = await submit(prov.agencies.STP!);
    expect((await importOne(prov.ha, s.file, s.bytes)).verdict).toBe('accepted');
    const xa = await submit(prov.agencies['XA-DONG-HOA']!);
    const { submission, files, campaign } = contentsOf(xa.bytes);
    const v = await rejected(prov.ha, xa.file, await signedSubmission(await identityOf(prov.agencies.STP!), submission, files, campaign));
    expect(codes(v.reasons)).toEqual(['cycle.key_of_other_agency']);
    expect(v.reasons[0]?.params?.other).toBe('STP');
  });

  it('a submission for another campaign', async () => {
    const prov = await setup();
    const bytes = await variant(prov.agencies.STP!, (s) => {
      s.campaign = 'cchc-2024';
      s.assessment.campaign = 'cchc-2024';
    });
    const v = await rejected(prov.ha, 'STP-2024.parscore', bytes);
    expect(v.reasons).toEqual([{ code: 'cycle.other_campaign', at: { file: 'STP-2024.parscore', agency: 'STP', field: 'campaign' }, params: { expected: 'cchc-2025', actual: 'cchc-2024' } }]);
  });

  it('an agency the campaign does not list', async () => {
    const prov = await setup();
    const bytes = await variant(prov.agencies.STP!, (s) => {
      s.agency = 'SXD';
      s.assessment.agency = 'SXD';
    });
    const v = await rejected(prov.ha, 'SXD-r1.parscore', bytes);
    expect(v.reasons).toEqual([{ code: 'cycle.unknown_agency', at: { file: 'SXD-r1.parscore', agency: 'SXD', field: 'agency' }, params: { agency: 'SXD' } }]);
    expect(v.agency).toBe('SXD');
  });

  it('a replayed older revision', async () => {
    const prov = await setup();
    const stp = prov.agencies.STP!;
    const r1 = await submit(stp);
    const r2 = await submit(stp);
    expect((await importOne(prov.ha, r2.file, r2.bytes)).verdict).toBe('accepted');
    const v = await rejected(prov.ha, r1.file, r1.bytes);
    expect(v.reasons).toEqual([{ code: 'cycle.replayed_revision', at: { file: r1.file, agency: 'STP', field: 'revision' }, params: { revision: 1, stored: 2 } }]);
  });

  it('another file claiming a revision already stored', async () => {
    const { stp, p: prov } = await withFirstImport();
    const bytes = await variant(stp, (s) => {
      s.revision = 1;
      s.assessment.revision = 1;
      s.signer.name = 'Người khác';
    });
    expect(codes((await rejected(prov.ha, 'STP-r1b.parscore', bytes)).reasons)).toEqual(['cycle.revision_conflict']);
  });

  it('a score above max inside a validly signed submission: the item and field are named', async () => {
    const prov = await setup();
    const bytes = await variant(prov.agencies.STP!, (s) => {
      // 1.1.2 is a MANUAL item worth at most 1 point.
      s.assessment.items['1.1.2'] = { input: { kind: 'manual', value: 5 }, selfScore: 5, evidence: [] };
    });
    const v = await rejected(prov.ha, 'STP-r1.parscore', bytes);
    const above = v.reasons.find((r) => r.code === 'scoring.above_max');
    expect(above).toMatchObject({ at: { file: 'STP-r1.parscore', agency: 'STP', item: '1.1.2', field: 'assessment.items.1.1.2.input.value' }, params: { value: 5, max: 1 } });
    expect(v.reasons.find((r) => r.code === 'cycle.self_score_above_max')).toMatchObject({ at: { item: '1.1.2' }, params: { score: 5, max: 1 } });
  });

  it('inputs the engine refuses: an unknown item, a parent item, a survey item, a bonus above its max', async () => {
    const prov = await setup();
    const bytes = await variant(prov.agencies.STP!, (s) => {
      s.assessment.items['99.9'] = { input: { kind: 'binary', value: 'yes' }, selfScore: 1, evidence: [] };
      s.assessment.items['1.1'] = { input: { kind: 'binary', value: 'yes' }, selfScore: null, evidence: [] };
      s.assessment.items['8.1'] = { input: { kind: 'percent', value: 100 }, selfScore: 12, evidence: [] };
      s.assessment.bonus = { TH1: { points: 5 } };
    });
    const v = await rejected(prov.ha, 'STP-r1.parscore', bytes);
    expect(codes(v.reasons).sort()).toEqual(['cycle.survey_item_input', 'scoring.bonus_above_max', 'scoring.not_a_leaf', 'scoring.unknown_item'].sort());
  });

  it('a template other than the campaign’s for the agency’s group', async () => {
    const prov = await setup();
    const bytes = await variant(prov.agencies.STP!, (s) => {
      s.assessment.template = { id: 'par-xa', version: 1 };
    });
    const v = await rejected(prov.ha, 'STP-r1.parscore', bytes);
    expect(v.reasons).toEqual([
      { code: 'cycle.template_mismatch', at: { file: 'STP-r1.parscore', agency: 'STP', field: 'assessment.template' }, params: { expected: 'par-so@1', actual: 'par-xa@1', group: 'department' } },
    ]);
  });

  it('a document that fails its schema: the path is named', async () => {
    const prov = await setup();
    const bytes = await variant(prov.agencies.STP!, (s) => {
      (s as { revision: unknown }).revision = -3;
      (s.assessment.items['1.2'] as { note: unknown }).note = 42;
    });
    const v = await rejected(prov.ha, 'STP-r1.parscore', bytes);
    expect(codes(v.reasons)).toEqual(['doc.schema', 'doc.schema']);
    expect(v.reasons.map((r) => r.at?.field).sort()).toEqual(['assessment.items.1.2.note', 'revision']);
  });

  it('an evidence file listed but not included', async () => {
    const prov = await setup();
    const bytes = await variant(prov.agencies.STP!, () => undefined, { files: (f) => f.slice(1) });
    const v = await rejected(prov.ha, 'STP-r1.parscore', bytes);
    expect(codes(v.reasons)).toEqual(['cycle.evidence_missing']);
    expect(v.reasons[0]?.at).toMatchObject({ file: 'STP-r1.parscore', agency: 'STP', field: expect.stringMatching(/^evidence\[[01]\]$/) });
  });

  it('an evidence file whose content does not match its hash', async () => {
    const prov = await setup();
    const bytes = await variant(prov.agencies.STP!, () => undefined, {
      files: (f) =>
        f.map((x, i) => {
          if (i !== 0) return x;
          const data = new Uint8Array(x.data);
          data[100] = data[100]! ^ 0xff;
          return { path: x.path, data };
        }),
    });
    const v = await rejected(prov.ha, 'STP-r1.parscore', bytes);
    expect(codes(v.reasons)).toEqual(['cycle.evidence_hash_mismatch']);
  });

  it('an evidence reference by hash whose file is not in the submission at all', async () => {
    const prov = await setup();
    let dropped = '';
    const bytes = await variant(
      prov.agencies.STP!,
      (s) => {
        dropped = s.evidence[0]!.sha256;
        s.evidence = s.evidence.slice(1);
      },
      { files: (f) => f.filter((x) => x.path !== `evidence/${dropped}`) },
    );
    const v = await rejected(prov.ha, 'STP-r1.parscore', bytes);
    expect(codes(v.reasons)).toEqual(['cycle.evidence_not_included']);
    expect(v.reasons[0]?.at).toMatchObject({ agency: 'STP', field: expect.stringMatching(/^assessment\.items\..+\.evidence\[0\]$/) });
  });

  it('an oversize file', async () => {
    const prov = await setup();
    const s = await submit(prov.agencies.STP!);
    const v = await rejected(prov.ha, s.file, s.bytes, { limits: { maxPackageBytes: 4096 } });
    expect(codes(v.reasons)).toEqual(['package.too_large']);
  });

  it('a zip bomb, duplicate entries, an unsafe path', async () => {
    const prov = await setup();
    const id = await identityOf(prov.agencies.STP!);
    const s = await submit(prov.agencies.STP!);
    const payload = unzip(s.bytes).find((e) => e.name === 'submission.json')!.data;
    const zeros = Buffer.alloc(40 * 1024 * 1024);
    const bomb = craft(id, [{ path: 'submission.json', data: payload }, { path: `evidence/${sha256(zeros)}`, data: zeros }]);
    expect(codes((await rejected(prov.ha, 'bomb.parscore', bomb)).reasons)).toEqual(['package.entry_ratio']);
    const files = [{ path: 'submission.json', data: payload }];
    const twice = craft(id, files, { extra: [{ name: 'submission.json', data: payload }] });
    expect(codes((await rejected(prov.ha, 'twice.parscore', twice)).reasons)).toEqual(['package.entry_duplicate']);
    const manifest = manifestBytes('parscore.submission', listing(files), publicInfo(id));
    const unsafe = signZip(
      buildZip([
        { name: 'manifest.json', data: manifest },
        { name: 'submission.json', data: payload },
        { name: '../../workspace.json', data: payloadBytes({ kind: 'parscore.workspace' }) },
      ]),
      id,
    );
    const v = await rejected(prov.ha, 'unsafe.parscore', unsafe);
    expect(v.reasons).toHaveLength(1);
    expect(v.reasons[0]?.code).toMatch(/^package\.entry_name/);
  });

  it('a campaign file or an appraisal file given as a submission', async () => {
    const prov = await setup();
    const v = await rejected(prov.ha, 'cchc-2025.parscore', prov.campaignFile);
    expect(v.reasons).toEqual([{ code: 'package.wrong_kind', at: { file: 'cchc-2025.parscore' }, params: { expected: 'parscore.submission', actual: 'parscore.campaign-package' } }]);
  });
});

describe('duplicates', () => {
  it('the same file twice: the second is a duplicate and changes nothing', async () => {
    const { p: prov, first } = await withFirstImport();
    const before = await hashTree(prov.ha.dir);
    const v = await importOne(prov.ha, 'copy of STP-r1.parscore', first.bytes);
    expect(v).toMatchObject({ verdict: 'duplicate', agency: 'STP', revision: 1, reason: { code: 'cycle.duplicate', params: { revision: 1 } } });
    expect(await hashTree(prov.ha.dir)).toEqual(before);
  });

  it('the same signed content in a re-wrapped zip (a metadata byte changed) is refused, not taken for a duplicate', async () => {
    const { p: prov, first } = await withFirstImport();
    const b = new Uint8Array(first.bytes);
    b[4] = b[4]! ^ 0x01; // "version needed to extract" of the first local header: covered by the signature, as every byte
    const check = await verifySubmission(b, 'x');
    expect(check.ok ? [] : codes(check.error)).toEqual(['package.signature_invalid']);
    const before = await hashTree(prov.ha.dir);
    expect((await importOne(prov.ha, 'rewrapped.parscore', b)).verdict).toBe('rejected');
    expect(await hashTree(prov.ha.dir)).toEqual(before);
  });

  it('the same agency twice in one batch: a newer revision replaces, an identical file is a duplicate, anything else is refused', async () => {
    const prov = await setup(['STP', 'XA-DONG-HOA']);
    const stp = prov.agencies.STP!;
    const r1 = await submit(stp);
    const r2 = await submit(stp);
    const xa = await submit(prov.agencies['XA-DONG-HOA']!);
    const verdicts = await importSubmissions(
      prov.ha,
      [
        { file: 'a/STP-r2.parscore', bytes: r2.bytes },
        { file: 'b/STP-r2.parscore', bytes: r2.bytes },
        { file: 'STP-r1.parscore', bytes: r1.bytes },
        { file: xa.file, bytes: xa.bytes },
      ],
      { now: ON_TIME },
    );
    expect(verdicts.map((v) => v.verdict)).toEqual(['accepted', 'duplicate', 'rejected', 'accepted']);
    expect(verdicts[1]).toMatchObject({ reason: { code: 'cycle.duplicate_in_batch', params: { other: 'a/STP-r2.parscore' } } });
    expect((verdicts[2] as RejectedVerdict).reasons).toEqual([
      { code: 'cycle.batch_duplicate_agency', at: { file: 'STP-r1.parscore', agency: 'STP' }, params: { revision: 1, other: 'a/STP-r2.parscore', otherRevision: 2 } },
    ]);
    const r3 = await submit(stp);
    const r4 = await submit(stp);
    const next = await importSubmissions(prov.ha, [{ file: r3.file, bytes: r3.bytes }, { file: r4.file, bytes: r4.bytes }], { now: ON_TIME });
    expect(next).toMatchObject([
      { verdict: 'replaced', revision: 3, previousRevision: 2 },
      { verdict: 'replaced', revision: 4, previousRevision: 3 },
    ]);
    expect(prov.ha.index.agencies.find((a) => a.code === 'STP')?.submission?.revision).toBe(4);
  });
});

describe('deadline', () => {
  const late = (vs: ImportVerdict[]) => vs.map((v) => (v.verdict === 'accepted' || v.verdict === 'replaced' ? v.late : v.verdict));

  it('accepts after the self-assessment deadline (end of the day in Vietnam time) and flags it late', async () => {
    const prov = await setup(['STP', 'XA-DONG-HOA']);
    const stp = await submit(prov.agencies.STP!);
    const xa = await submit(prov.agencies['XA-DONG-HOA']!);
    expect(late(await importSubmissions(prov.ha, [{ file: stp.file, bytes: stp.bytes }], { now: LAST_MINUTE }))).toEqual([false]);
    expect(late(await importSubmissions(prov.ha, [{ file: xa.file, bytes: xa.bytes }], { now: JUST_LATE }))).toEqual([true]);
    expect(prov.ha.index.agencies.find((a) => a.code === 'XA-DONG-HOA')?.submission).toMatchObject({ late: true, receivedAt: JUST_LATE });
    expect(prov.ha.index.agencies.find((a) => a.code === 'STP')?.submission).toMatchObject({ late: false, receivedAt: LAST_MINUTE });
    // A newer revision after the deadline makes the stored submission late as well.
    const again = await submit(prov.agencies.STP!);
    expect(late(await importSubmissions(prov.ha, [{ file: again.file, bytes: again.bytes }], { now: '2026-02-01T08:00:00+07:00' }))).toEqual([true]);
  });
});
