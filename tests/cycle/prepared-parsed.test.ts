import { describe, expect, it } from 'vitest';
import { NOMINATIONS_KIND, type Nominations, NominationsDoc } from '../../electron/services/store/cycle-docs.ts';
import { serialize } from '../../electron/services/store/json-store.ts';
import {
  type PreparedDocument,
  prepareAgencyNominations,
  prepareAssessment,
  prepareParsedAssessment,
  prepareParsedNominations,
} from '../../electron/services/store/prepared.ts';
import { type Assessment, AssessmentDoc, SUBMISSION_KIND, type Submission, SubmissionDoc, SubmissionV2, defineVersioned } from '../../shared/schema/index.ts';
import { IssueError } from '../../shared/util/issue.ts';
import { builtinTemplate, filledAssessment, nominationsFor } from './helpers.ts';

/*
 * inspectSubmission stores the documents of a parsed submission without parsing them again
 * (prepareParsedAssessment / prepareParsedNominations): what they produce must be exactly what the
 * full parse (prepareAssessment / prepareAgencyNominations) produces, and what the store's schemas
 * accept as they are.
 */

const NOW = '2026-11-01T00:00:00Z';
/** A prepared document's text (its bytes are UTF-8). */
const text = (d: PreparedDocument): string => new TextDecoder().decode(d.bytes);
const HASH = (c: string): string => c.repeat(64);

/** A submission as the national dataset's: a commune's full assessment with evidence, notes and explanations, figures, nominations. */
async function datasetLike(opts: { campaignInAssessment?: boolean } = {}): Promise<Submission> {
  const xa = await builtinTemplate('par-xa-2026');
  const a = filledAssessment(xa, 'X00001', 'cchc-2026-toan-quoc');
  const codes = Object.keys(a.items);
  const items: Record<string, unknown> = {};
  codes.forEach((code, i) => {
    const entry = a.items[code] as Assessment['items'][string];
    items[code] = {
      ...entry,
      ...(i % 3 === 0 ? { explanation: 'Tài liệu kiểm chứng đang được số hóa, sẽ bổ sung trong thời gian giải trình.' } : {}),
      ...(i % 4 === 1 ? { note: '  ghi chú  ' } : {}),
      evidence:
        i % 2 === 0
          ? [
              {
                docNo: ` ${i}/QĐ-UBND `,
                date: '2026-04-14',
                issuer: 'Xã Tân Lập (Thành phố Minh Sơn)',
                title: 'Quyết định về ban hành kế hoạch kịp thời',
                fileName: `QD-${i}-2026.txt`,
                size: 536,
                sha256: HASH(i % 16 === 0 ? 'a' : 'b'),
              },
            ]
          : [],
    };
  });
  const { campaign: _omitted, ...withoutCampaign } = a;
  const raw = {
    kind: SUBMISSION_KIND,
    schemaVersion: 2,
    campaign: 'cchc-2026-toan-quoc',
    agency: 'X00001',
    revision: 1,
    round: 1,
    createdAt: '2026-12-07T08:27:00+07:00',
    signer: { name: 'Chủ tịch UBND Xã Tân Lập', position: 'Chủ tịch UBND' },
    assessment: {
      ...(opts.campaignInAssessment === false ? withoutCampaign : a),
      revision: 1,
      items,
      indicators: { KK01: 1, KK05: 82.5, KK07: true, KK08: false, KK09: 'có' },
    },
    nominations: nominationsFor('X00001').map((n) => ({ ...n, achievements: ` ${n.achievements} ` })),
    evidence: [
      { sha256: HASH('a'), fileName: 'QD-0-2026.txt', size: 536 },
      { sha256: HASH('b'), fileName: 'QD-2-2026.txt', size: 536 },
    ],
  };
  const parsed = SubmissionDoc.parse(raw, 'submission.json');
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  return parsed.value.value;
}

/** f's result, checking that it parsed neither document kind. */
function withoutParsing(f: () => PreparedDocument): PreparedDocument {
  const kinds = [AssessmentDoc, NominationsDoc] as const;
  const parses = kinds.map((k) => k.parse);
  let calls = 0;
  for (const k of kinds) {
    const parse = k.parse;
    k.parse = (raw, file) => {
      calls++;
      return parse(raw, file) as never;
    };
  }
  try {
    const out = f();
    expect(calls).toBe(0);
    return out;
  } finally {
    kinds.forEach((k, i) => {
      k.parse = parses[i] as never;
    });
  }
}

function thrown(f: () => PreparedDocument): unknown {
  try {
    f();
  } catch (e) {
    return e instanceof IssueError ? e.issues : e;
  }
  return 'no error';
}

describe('documents of a parsed submission, stored without a second parse', () => {
  it.each([true, false])('the assessment is the one the full parse gives, and the store schema takes it as it is (campaign in the submitted assessment: %s)', async (campaignInAssessment) => {
    const s = await datasetLike({ campaignInAssessment });
    const set = { agency: 'X00001', campaign: 'cchc-2026-toan-quoc', revision: s.revision };
    const fast = withoutParsing(() => prepareParsedAssessment(s.assessment, set, 'assessments/X00001.json'));
    const full = prepareAssessment({ ...s.assessment, ...set }, 'assessments/X00001.json');
    expect(fast).toEqual(full);
    const reparsed = AssessmentDoc.parse(JSON.parse(text(fast)), 'assessments/X00001.json');
    if (!reparsed.ok) throw new Error(JSON.stringify(reparsed.error));
    expect(serialize(reparsed.value.value)).toBe(text(fast));
    expect(Object.keys(JSON.parse(text(fast)) as object)).toEqual(['kind', 'schemaVersion', 'agency', 'campaign', 'template', 'revision', 'items', 'indicators', 'bonus', 'penalty', 'updatedAt', 'additional']);
  });

  it('the nominations are the ones the full parse gives, and the store schema takes them as they are', async () => {
    const s = await datasetLike();
    const doc: Nominations = { kind: NOMINATIONS_KIND, schemaVersion: 1, agency: 'X00001', campaign: 'cchc-2026-toan-quoc', nominations: s.nominations, updatedAt: NOW };
    const fast = withoutParsing(() => prepareParsedNominations(doc, 'nominations/X00001.json'));
    expect(fast).toEqual(prepareAgencyNominations(doc, 'nominations/X00001.json'));
    const reparsed = NominationsDoc.parse(JSON.parse(text(fast)), 'nominations/X00001.json');
    if (!reparsed.ok) throw new Error(JSON.stringify(reparsed.error));
    expect(serialize(reparsed.value.value)).toBe(text(fast));
  });

  it('a field set from outside the submission that the schema refuses is reported as the full parse reports it', async () => {
    const s = await datasetLike();
    const label = 'assessments/X 1.json';
    for (const set of [
      { agency: 'X 1', campaign: 'cchc-2026-toan-quoc', revision: 1 },
      { agency: 'X00001', campaign: 'Not A Slug', revision: 1 },
      { agency: 'X00001', campaign: 'cchc-2026-toan-quoc', revision: -1 },
    ]) {
      const issues = thrown(() => prepareParsedAssessment(s.assessment, set, label));
      expect(issues).toEqual(thrown(() => prepareAssessment({ ...s.assessment, ...set }, label)));
      expect(issues).toMatchObject([{ code: 'store.invalid_document' }, { code: 'doc.schema' }]);
    }
    const base: Nominations = { kind: NOMINATIONS_KIND, schemaVersion: 1, agency: 'X00001', campaign: 'cchc-2026-toan-quoc', nominations: s.nominations, updatedAt: NOW };
    const refused: Nominations[] = [{ ...base, updatedAt: 'yesterday' }, { ...base, agency: '' }, { ...base, campaign: 'Not A Slug' }];
    for (const n of refused) {
      expect(thrown(() => prepareParsedNominations(n, 'nominations/X00001.json'))).toEqual(thrown(() => prepareAgencyNominations(n, 'nominations/X00001.json')));
    }
  });

  it('a key the schema does not know takes the full parse, which refuses it', async () => {
    const s = await datasetLike();
    const extra = { ...s.assessment, extra: 1 } as Assessment;
    const set = { agency: 'X00001', campaign: 'cchc-2026-toan-quoc', revision: 1 };
    expect(thrown(() => prepareParsedAssessment(extra, set, 'a.json'))).toEqual(thrown(() => prepareAssessment({ ...extra, ...set }, 'a.json')));
  });
});

describe('versioned documents parsed through the compiled schema', () => {
  it('once compiled (after a few parses), gives the same values and the same issues', async () => {
    const s = await datasetLike();
    const hot = defineVersioned<Submission>({ kind: SUBMISSION_KIND, versions: { 2: SubmissionV2 }, migrations: {}, latest: SubmissionV2 });
    for (let i = 0; i < 20; i++) expect(hot.parse(s, 'f')).toEqual(SubmissionDoc.parse(s, 'f'));
    const variants: unknown[] = [
      { ...s, agency: 'X 1' },
      { ...s, revision: 0, round: 3 },
      { ...s, evidence: [{ sha256: 'A'.repeat(64), fileName: ' ', size: -1 }] },
      { ...s, assessment: { ...s.assessment, items: { '1.1.1': { input: { kind: 'binary', value: 'maybe' }, evidence: [{}] } } } },
      { ...s, nominations: [{ kind: 'team' }, { ...s.nominations[0], extra: true }] },
      { ...s, signer: { name: '   ', position: 'x'.repeat(201) }, createdAt: '2026-13-01' },
    ];
    for (const v of variants) {
      // A fresh kind parses with zod's runtime parser (not yet compiled): the reference.
      const cold = defineVersioned<Submission>({ kind: SUBMISSION_KIND, versions: { 2: SubmissionV2 }, migrations: {}, latest: SubmissionV2 });
      const expected = cold.parse(v, 'f');
      expect(expected.ok).toBe(false);
      expect(hot.parse(v, 'f')).toEqual(expected);
    }
  });
});
