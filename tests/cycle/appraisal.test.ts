import { afterEach, describe, expect, it } from 'vitest';
import {
  exportAppraisal,
  importAppraisal,
  markFalsifiedEvidence,
  setAppraisalAdjustment,
  setAppraisalStatus,
  setAppraisedScore,
  setExplanation,
} from '../../electron/services/cycle/appraisal.ts';
import { readAudit } from '../../electron/services/cycle/audit.ts';
import { campaignBinding } from '../../electron/services/cycle/common.ts';
import { writePackage } from '../../electron/services/packages/container.ts';
import { generateIdentity, loadIdentity } from '../../electron/services/packages/keys.ts';
import type { WorkspaceStore } from '../../electron/services/store/workspace.ts';
import { APPRAISAL_PACKAGE_KIND, type AgencyStatus, type Template } from '../../shared/schema/index.ts';
import { type Province, builtinTemplate, codes, expectOk, hashTree, importOne, province, submit } from './helpers.ts';

let p: Province | null = null;
afterEach(async () => {
  await p?.close();
  p = null;
});

/** Home Affairs with STP's round-1 submission imported. */
async function submitted(opts: { so?: Template } = {}): Promise<{ prov: Province; ha: WorkspaceStore; stp: WorkspaceStore }> {
  const prov = await province(['STP'], opts);
  p = prov;
  const s = await submit(prov.agencies.STP!);
  expect((await importOne(prov.ha, s.file, s.bytes)).verdict).toBe('accepted');
  return { prov, ha: prov.ha, stp: prov.agencies.STP! };
}

const status = (ha: WorkspaceStore, code = 'STP'): AgencyStatus | undefined => ha.index.agencies.find((a) => a.code === code)?.status;

describe('appraised scores', () => {
  it('0 to the effective max of a leaf; refusals name agency, item and field and change nothing', async () => {
    const { ha } = await submitted();
    const before = await hashTree(ha.dir);
    const cases: [string, number, string][] = [
      ['1.1.1', 1.5, 'cycle.score_above_max'], // BINARY worth 1
      ['1.1.1', -1, 'cycle.invalid_score'],
      ['1.1.1', Number.NaN, 'cycle.invalid_score'],
      ['1.1', 1, 'cycle.not_a_leaf'],
      ['42', 1, 'cycle.unknown_item'],
      ['8.1', 1, 'cycle.survey_item'],
    ];
    for (const [item, score, code] of cases) {
      const r = await setAppraisedScore(ha, 'STP', item, score, { round: 1 });
      expect(r.ok ? [] : r.error.map((i) => [i.code, i.at])).toEqual([[code, { agency: 'STP', item, field: 'appraised' }]]);
    }
    const notSubmitted = await setAppraisedScore(ha, 'STC', '1.1.1', 1, { round: 1 });
    expect(notSubmitted.ok ? [] : codes(notSubmitted.error)).toEqual(['cycle.not_submitted']);
    const unknown = await setAppraisedScore(ha, 'SXD', '1.1.1', 1, { round: 1 });
    expect(unknown.ok ? [] : codes(unknown.error)).toEqual(['cycle.unknown_agency']);
    const round2 = await setAppraisedScore(ha, 'STP', '1.1.1', 1, { round: 2 });
    expect(round2.ok ? [] : codes(round2.error)).toEqual(['cycle.wrong_round']);
    expect(await hashTree(ha.dir)).toEqual(before);
    expect(status(ha)).toBe('submitted');

    // At the max exactly, then removed again (null): the self score applies again.
    const set = expectOk(await setAppraisedScore(ha, 'STP', '1.1.1', 1, { round: 1, comment: '  Đạt.  ' }));
    expect(set.items['1.1.1']).toEqual({ score: 1, comment: 'Đạt.', round: 1 });
    expect(status(ha)).toBe('appraising');
    const comment = expectOk(await setAppraisedScore(ha, 'STP', '1.1.1', 1, { round: 1, comment: 'Đạt, có đủ minh chứng.' }));
    expect(comment.items['1.1.1']?.comment).toBe('Đạt, có đủ minh chứng.');
    const removed = expectOk(await setAppraisedScore(ha, 'STP', '1.1.1', null, { round: 1, reason: 'Nhập nhầm' }));
    expect(removed.items['1.1.1']).toBeUndefined();
    const log = (await readAudit(ha, { field: 'appraised' })).entries.map((l) => [l.entry.old, l.entry.new, l.entry.reason]);
    expect(log).toEqual([
      [null, 1, null],
      [1, null, 'Nhập nhầm'],
    ]);
  });

  it('bonus and penalty within each entry’s max and the block’s cap', async () => {
    // The province's own decision caps penalties at 3 points (the sample's entries add up to 5).
    const so = await builtinTemplate('par-so-2026');
    const { ha, prov } = await submitted({ so: { ...so, penalty: { ...so.penalty, cap: 3 } } });
    const penalty = prov.so.penalty;
    const [first] = penalty.items;
    expect(penalty.cap).toBe(3);
    const over = await setAppraisalAdjustment(ha, 'STP', 'penalty', first!.code, first!.max + 1);
    expect(over.ok ? [] : over.error.map((i) => [i.code, i.at?.agency, i.at?.item, i.at?.field])).toEqual([['scoring.penalty_above_max', 'STP', first!.code, 'penalty']]);
    const unknown = await setAppraisalAdjustment(ha, 'STP', 'bonus', 'TR1', 1);
    expect(unknown.ok ? [] : codes(unknown.error)).toEqual(['scoring.unknown_bonus']);
    // Fill the block up to its cap, then one more point is refused.
    let total = 0;
    let refused = false;
    for (const item of penalty.items) {
      const r = await setAppraisalAdjustment(ha, 'STP', 'penalty', item.code, item.max, { note: 'Đã xác minh' });
      if (total + item.max <= penalty.cap) {
        expect(r.ok).toBe(true);
        total += item.max;
      } else {
        expect(r.ok ? [] : r.error.map((i) => [i.code, i.params])).toEqual([['cycle.adjustment_above_cap', { block: 'penalty', total: total + item.max, cap: penalty.cap }]]);
        refused = true;
        break;
      }
    }
    expect(refused).toBe(true);
    const a = await ha.readAppraisal('STP');
    expect(Object.values(a?.penalty ?? {}).reduce((s, e) => s + e.points, 0)).toBe(total);
    expect(expectOk(await setAppraisalAdjustment(ha, 'STP', 'penalty', first!.code, null, { reason: 'Rút lại' })).penalty[first!.code]).toBeUndefined();
    const log = (await readAudit(ha, { field: 'penalty' })).entries.map((l) => l.entry);
    expect(log.at(-1)).toMatchObject({ item: first!.code, old: first!.max, new: null, reason: 'Rút lại', round: 1 });
  });
});

describe('status order', () => {
  it('follows the cycle; skipping, going back and explained-by-hand are refused or need a reason', async () => {
    const { ha, stp } = await submitted();
    const refused = async (to: AgencyStatus, code: string, reason?: string) => {
      const before = await hashTree(ha.dir);
      const r = await setAppraisalStatus(ha, 'STP', to, reason ? { reason } : {});
      expect(r.ok ? [] : codes(r.error), `→ ${to}`).toEqual([code]);
      expect(await hashTree(ha.dir)).toEqual(before);
    };
    await refused('appraised_1', 'cycle.bad_transition');
    await refused('locked', 'cycle.bad_transition');
    await refused('explained', 'cycle.explained_by_import');
    await refused('not_submitted', 'cycle.bad_transition');
    expectOk(await setAppraisalStatus(ha, 'STP', 'appraising'));
    expectOk(await setAppraisalStatus(ha, 'STP', 'appraised_1'));
    await refused('explained', 'cycle.explained_by_import');
    await refused('appraising', 'cycle.reason_required');
    await refused('appraised_2', 'cycle.reason_required');
    // Reopen round 1 with a reason, close it again.
    expectOk(await setAppraisalStatus(ha, 'STP', 'appraising', { reason: 'Bổ sung ý kiến của phòng chuyên môn' }));
    expectOk(await setAppraisalStatus(ha, 'STP', 'appraised_1'));
    // Explained comes from the agency's round-2 submission only.
    expectOk(await importAppraisal(stp, await exportAppraisal(ha, 'STP'), 'STP-lan-1.parscore'));
    expectOk(await setExplanation(stp, '1.2', { text: 'Đã bổ sung báo cáo.' }));
    const r2 = await submit(stp, '2026-02-05T09:00:00+07:00');
    expect(await importOne(ha, r2.file, r2.bytes, '2026-02-05T10:00:00+07:00')).toMatchObject({ verdict: 'replaced', status: 'explained' });
    expect(status(ha)).toBe('explained');
    expectOk(await setAppraisalStatus(ha, 'STP', 'appraised_2'));
    expectOk(await setAppraisalStatus(ha, 'STP', 'explained', { reason: 'Xem lại giải trình mục 1.2' }));
    expectOk(await setAppraisalStatus(ha, 'STP', 'appraised_2'));
    expectOk(await setAppraisalStatus(ha, 'STP', 'locked'));
    await refused('appraised_2', 'cycle.agency_locked', 'Mở lại');
    const log = (await readAudit(ha, { field: 'status' })).entries.map((l) => `${String(l.entry.old)}→${String(l.entry.new)}${l.entry.reason && !l.entry.reason.endsWith(')') ? ' *' : ''}`);
    expect(log).toEqual([
      'not_submitted→submitted',
      'submitted→appraising',
      'appraising→appraised_1',
      'appraised_1→appraising *',
      'appraising→appraised_1',
      'appraised_1→explained',
      'explained→appraised_2',
      'appraised_2→explained *',
      'explained→appraised_2',
      'appraised_2→locked',
    ]);
  });

  it('skipping the explanation round needs a reason; an agency that never submitted can be locked with one', async () => {
    const { ha } = await submitted();
    expectOk(await setAppraisalStatus(ha, 'STP', 'appraising'));
    expectOk(await setAppraisalStatus(ha, 'STP', 'appraised_1'));
    expectOk(await setAppraisalStatus(ha, 'STP', 'appraised_2', { reason: 'Quá hạn giải trình, cơ quan không gửi giải trình' }));
    expect(status(ha)).toBe('appraised_2');
    const noReason = await setAppraisalStatus(ha, 'STC', 'locked');
    expect(noReason.ok ? [] : codes(noReason.error)).toEqual(['cycle.reason_required']);
    expectOk(await setAppraisalStatus(ha, 'STC', 'locked', { reason: 'Không nộp hồ sơ tự đánh giá' }));
    expect(status(ha, 'STC')).toBe('locked');
    const late = await setAppraisedScore(ha, 'STP', '1.1.1', 1, { round: 2 });
    expect(late.ok ? [] : codes(late.error)).toEqual(['cycle.round_closed']);
  });

  it('falsified evidence: needs a reason, is audited, can be withdrawn', async () => {
    const { ha } = await submitted();
    const noReason = await markFalsifiedEvidence(ha, 'STP', true, '  ');
    expect(noReason.ok ? [] : codes(noReason.error)).toEqual(['cycle.reason_required']);
    expect(expectOk(await markFalsifiedEvidence(ha, 'STP', true, 'Quyết định 45/QĐ-STP bị tẩy xóa ngày ban hành')).falsifiedEvidence).toBe(true);
    expect(expectOk(await markFalsifiedEvidence(ha, 'STP', false, 'Đã xác minh lại bản gốc')).falsifiedEvidence).toBe(false);
    const log = (await readAudit(ha, { field: 'falsified' })).entries.map((l) => [l.entry.old, l.entry.new, l.entry.reason]);
    expect(log).toEqual([
      [false, true, 'Quyết định 45/QĐ-STP bị tẩy xóa ngày ban hành'],
      [true, false, 'Đã xác minh lại bản gốc'],
    ]);
    const nothing = await markFalsifiedEvidence(ha, 'STC', true, 'x');
    expect(nothing.ok ? [] : codes(nothing.error)).toEqual(['cycle.not_submitted']);
  });
});

describe('the appraisal file', () => {
  it('is exported only once a round is appraised', async () => {
    const { ha } = await submitted();
    await expect(exportAppraisal(ha, 'STP')).rejects.toMatchObject({ issues: [{ code: 'cycle.appraisal_not_ready', params: { status: 'submitted' } }] });
    expectOk(await setAppraisalStatus(ha, 'STP', 'appraising'));
    await expect(exportAppraisal(ha, 'STP')).rejects.toMatchObject({ issues: [{ code: 'cycle.appraisal_not_ready' }] });
    expectOk(await setAppraisalStatus(ha, 'STP', 'appraised_1'));
    expect((await exportAppraisal(ha, 'STP')).byteLength).toBeGreaterThan(500);
  });

  it('the agency refuses one not signed by the Home Affairs key it pinned, for another agency, or older than the one it holds', async () => {
    const { ha, stp, prov } = await submitted();
    expectOk(await setAppraisedScore(ha, 'STP', '1.2', 1, { round: 1, now: '2026-01-20T08:00:00+07:00' }));
    expectOk(await setAppraisalStatus(ha, 'STP', 'appraised_1', { now: '2026-01-21T08:00:00+07:00' }));
    const genuine = await exportAppraisal(ha, 'STP');
    const appraisal = (await ha.readAppraisal('STP'))!;
    const before = await hashTree(stp.dir);

    const forger = generateIdentity('Sở Nội vụ tỉnh Minh Sơn');
    const payload = { kind: APPRAISAL_PACKAGE_KIND, schemaVersion: 2, campaign: 'cchc-2025', agency: 'STP', createdAt: '2026-01-21T08:00:00+07:00', appraisal };
    const forged = await writePackage({ kind: APPRAISAL_PACKAGE_KIND, payload: { path: 'appraisal.json', json: payload }, identity: forger, campaign: campaignBinding(ha.campaign()!) });
    const r1 = await importAppraisal(stp, forged, 'gia-mao.parscore');
    expect(r1.ok ? [] : codes(r1.error)).toEqual(['cycle.not_signed_by_home_affairs']);

    const haKey = (await loadIdentity(ha.dir))!;
    const other = { ...payload, agency: 'STC', appraisal: { ...appraisal, agency: 'STC' } };
    const forOther = await writePackage({ kind: APPRAISAL_PACKAGE_KIND, payload: { path: 'appraisal.json', json: other }, identity: haKey, campaign: campaignBinding(ha.campaign()!) });
    const r2 = await importAppraisal(stp, forOther, 'STC.parscore');
    expect(r2.ok ? [] : codes(r2.error)).toEqual(['cycle.other_agency']);

    const tampered = new Uint8Array(genuine);
    const mid = Math.floor(tampered.length / 2);
    tampered[mid] = tampered[mid]! ^ 0xff;
    const r3 = await importAppraisal(stp, tampered, 'hong.parscore');
    expect(r3.ok ? [] : r3.error[0]?.code).toMatch(/^package\./);
    const asSubmission = await importAppraisal(stp, prov.campaignFile, 'cchc-2025.parscore');
    expect(asSubmission.ok ? [] : codes(asSubmission.error)).toEqual(['package.wrong_kind']);
    expect(await hashTree(stp.dir)).toEqual(before);

    expectOk(await importAppraisal(stp, genuine, 'STP-lan-1.parscore'));
    const older = { ...payload, appraisal: { ...appraisal, updatedAt: '2026-01-01T08:00:00+07:00' } };
    const olderFile = await writePackage({ kind: APPRAISAL_PACKAGE_KIND, payload: { path: 'appraisal.json', json: older }, identity: haKey, campaign: campaignBinding(ha.campaign()!) });
    const r4 = await importAppraisal(stp, olderFile, 'cu.parscore');
    expect(r4.ok ? [] : codes(r4.error)).toEqual(['cycle.appraisal_older']);
  });

  it('explanations are kept when the appraisal is imported again, and closed after round 2', async () => {
    const { ha, stp } = await submitted();
    const early = await setExplanation(stp, '1.2', { text: 'x' });
    expect(early.ok ? [] : codes(early.error)).toEqual(['cycle.no_appraisal_received']);
    expectOk(await setAppraisalStatus(ha, 'STP', 'appraising'));
    expectOk(await setAppraisalStatus(ha, 'STP', 'appraised_1'));
    const file = await exportAppraisal(ha, 'STP');
    expectOk(await importAppraisal(stp, file, 'a.parscore'));
    expectOk(await setExplanation(stp, '1.2', { text: 'Đã bổ sung.' }));
    const missing = await setExplanation(stp, '1.3', { text: 'Kèm tệp', evidence: [{ docNo: '1/BC', sha256: 'c'.repeat(64) }] });
    expect(missing.ok ? [] : codes(missing.error)).toEqual(['cycle.evidence_missing_local']);
    const empty = await setExplanation(stp, '1.3', { text: '   ' });
    expect(empty.ok ? [] : codes(empty.error)).toEqual(['doc.schema']);
    const again = expectOk(await importAppraisal(stp, file, 'a.parscore'));
    expect(Object.keys(again.explanations)).toEqual(['1.2']);
    expect(expectOk(await setExplanation(stp, '1.2', null)).explanations).toEqual({});
    expectOk(await setAppraisalStatus(ha, 'STP', 'appraised_2', { reason: 'Không giải trình' }));
    expectOk(await importAppraisal(stp, await exportAppraisal(ha, 'STP'), 'b.parscore'));
    const closed = await setExplanation(stp, '1.2', { text: 'Muộn' });
    expect(closed.ok ? [] : codes(closed.error)).toEqual(['cycle.explanations_closed']);
  });
});
