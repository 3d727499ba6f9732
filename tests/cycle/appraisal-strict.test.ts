/**
 * The agency checks an appraisal file as strictly as Home Affairs checks a submission: a signed file
 * with a score of 1e308 on an item whose max is 1, an unknown item, a status `submitted` … is
 * refused, naming the file, the item and the field, and nothing stored changes.
 */
import { campaignBinding } from '../../electron/services/cycle/common.ts';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { exportAppraisal, importAppraisal, setAppraisalStatus, setAppraisedScore } from '../../electron/services/cycle/appraisal.ts';
import { writePackage } from '../../electron/services/packages/container.ts';
import { loadIdentity } from '../../electron/services/packages/keys.ts';
import { APPRAISAL_PACKAGE_KIND, type Appraisal } from '../../shared/schema/index.ts';
import { cli, folderHash } from '../cli/run.ts';
import { type Province, codes, expectOk, hashTree, importOne, province, submit } from './helpers.ts';

let p: Province | null = null;
afterEach(async () => {
  await p?.close();
  p = null;
});

/** STP submitted, appraised (round 1) at Home Affairs; the genuine appraisal and a signer for variants. */
async function appraised(): Promise<{ prov: Province; appraisal: Appraisal; sign: (a: unknown) => Promise<Uint8Array> }> {
  const prov = await province(['STP']);
  p = prov;
  const s = await submit(prov.agencies.STP!);
  expect((await importOne(prov.ha, s.file, s.bytes)).verdict).toBe('accepted');
  expectOk(await setAppraisedScore(prov.ha, 'STP', '1.2', 1, { round: 1, now: '2026-01-20T08:00:00+07:00' }));
  expectOk(await setAppraisalStatus(prov.ha, 'STP', 'appraised_1', { now: '2026-01-21T08:00:00+07:00' }));
  const appraisal = { ...(await prov.ha.readAppraisal('STP'))!, status: 'appraised_1' as const };
  const haKey = (await loadIdentity(prov.ha.dir))!;
  const sign = (a: unknown): Promise<Uint8Array> =>
    writePackage({
      kind: APPRAISAL_PACKAGE_KIND,
      payload: { path: 'appraisal.json', json: { kind: APPRAISAL_PACKAGE_KIND, schemaVersion: 2, campaign: 'cchc-2025', agency: 'STP', createdAt: '2026-01-21T08:00:00+07:00', appraisal: a } },
      identity: haKey,
      campaign: campaignBinding(prov.ha.campaign()!),
    });
  return { prov, appraisal, sign };
}

describe('an appraisal file signed by Home Affairs is still checked for its content', () => {
  it('refuses scores above the item’s max, unknown and parent items, survey items, adjustments out of bounds and a status no appraisal has', async () => {
    const { prov, appraisal, sign } = await appraised();
    const stp = prov.agencies.STP!;
    const before = await hashTree(stp.dir);
    const item = (score: number) => ({ score, round: 1 as const });
    const cases: [string, Appraisal, string, string | undefined, string][] = [
      ['1e308 on an item of max 1', { ...appraisal, items: { ...appraisal.items, '1.1.1': item(1e308) } }, 'scoring.above_max', '1.1.1', 'appraisal.items.1.1.1.score'],
      ['an unknown item', { ...appraisal, items: { ...appraisal.items, '99.9': item(0.5) } }, 'scoring.unknown_item', '99.9', 'appraisal.items.99.9.score'],
      ['a parent item', { ...appraisal, items: { ...appraisal.items, '1': item(1) } }, 'scoring.not_a_leaf', '1', 'appraisal.items.1.score'],
      ['a survey item', { ...appraisal, items: { ...appraisal.items, '8.3': item(3) } }, 'cycle.survey_item', '8.3', 'appraisal.items.8.3.score'],
      ['a bonus above its max', { ...appraisal, bonus: { TH1: { points: 1.5 } } }, 'scoring.bonus_above_max', 'TH1', 'appraisal.bonus.TH1.points'],
      ['an unknown penalty', { ...appraisal, penalty: { TR9: { points: 1 } } }, 'scoring.unknown_penalty', 'TR9', 'appraisal.penalty.TR9.points'],
      ['an explanation of an unknown item', { ...appraisal, explanations: { '77.1': { text: 'x', evidence: [] } } }, 'cycle.explanation_unknown_item', '77.1', 'appraisal.explanations.77.1'],
      ['the status submitted', { ...appraisal, status: 'submitted' }, 'cycle.appraisal_file_status', undefined, 'appraisal.status'],
      ['the status explained', { ...appraisal, status: 'explained' }, 'cycle.appraisal_file_status', undefined, 'appraisal.status'],
      ['round 2 with the status appraised_1', { ...appraisal, round: 2 }, 'cycle.appraisal_file_round', undefined, 'appraisal.round'],
      ['a score of round 2 in a round-1 file', { ...appraisal, items: { ...appraisal.items, '1.3': { score: 1, round: 2 } } }, 'cycle.appraisal_item_round', '1.3', 'appraisal.items.1.3.round'],
    ];
    for (const [what, variant, code, at, field] of cases) {
      const file = `${what}.parscore`;
      const r = await importAppraisal(stp, await sign(variant), file);
      expect(r.ok ? [] : codes(r.error), what).toEqual([code]);
      if (!r.ok) expect(r.error[0]?.at, what).toMatchObject({ file, agency: 'STP', field, ...(at ? { item: at } : {}) });
    }
    // A block over its cap is named too (here with the entry over its own max).
    const overCap = await importAppraisal(stp, await sign({ ...appraisal, bonus: { TH1: { points: 5 } } }), 'tran.parscore');
    expect(overCap.ok ? [] : codes(overCap.error)).toEqual(['scoring.bonus_above_max', 'cycle.adjustment_above_cap']);
    expect(await hashTree(stp.dir)).toEqual(before);
    // The genuine file goes in.
    expectOk(await importAppraisal(stp, await exportAppraisal(prov.ha, 'STP'), 'STP-tham-dinh-1.parscore'));
  });

  it('refuses a comment with a bidi override, in the file at the agency and typed at Home Affairs', async () => {
    const { prov, appraisal, sign } = await appraised();
    const stp = prov.agencies.STP!;
    const before = await hashTree(stp.dir);
    const file = await sign({ ...appraisal, items: { ...appraisal.items, '1.2': { score: 1, round: 1, comment: 'Thiếu \u202Ebáo cáo' } } });
    const r = await importAppraisal(stp, file, 'tham-dinh.parscore');
    expect(r.ok ? [] : r.error.map((i) => [i.code, i.at?.field, i.params?.char])).toEqual([['doc.unsafe_char', 'appraisal.items.1.2.comment', 'U+202E']]);
    expect(await hashTree(stp.dir)).toEqual(before);
    expectOk(await setAppraisalStatus(prov.ha, 'STP', 'appraising', { reason: 'Mở lại', now: '2026-01-22T08:00:00+07:00' }));
    const haBefore = await hashTree(prov.ha.dir);
    const typed = await setAppraisedScore(prov.ha, 'STP', '1.3', 0, { round: 1, comment: 'Sai\u2066 số liệu' });
    expect(typed.ok ? [] : typed.error.map((i) => [i.code, i.at?.item, i.at?.field, i.params?.char])).toEqual([['doc.unsafe_char', '1.3', 'comment', 'U+2066']]);
    expect(await hashTree(prov.ha.dir)).toEqual(haBefore);
  });

  it('from the command line: the refusal names the file, the item and the field, and the workspace is untouched', async () => {
    const { prov, appraisal, sign } = await appraised();
    const stp = prov.agencies.STP!;
    await stp.close();
    prov.open.splice(prov.open.indexOf(stp), 1);
    const file = join(prov.root, 'tham-dinh-gia.parscore');
    await writeFile(file, await sign({ ...appraisal, items: { ...appraisal.items, '1.1.1': { score: 1e308, round: 1 } } }));
    const before = folderHash(stp.dir);
    const r = await cli('appraisal', 'import', stp.dir, file);
    expect(r.code).toBe(1);
    expect(r.err + r.out).toMatch(/tệp tham-dinh-gia\.parscore .*mục 1\.1\.1 · trường appraisal\.items\.1\.1\.1\.score: Điểm .* vượt điểm tối đa 1/);
    expect(folderHash(stp.dir)).toBe(before);
  });
});
