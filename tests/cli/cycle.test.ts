import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ResultsV1 } from '../../shared/results/index.ts';
import { cli, folderHash } from './run.ts';

const tmp = mkdtempSync(join(tmpdir(), 'parscore-cycle-cli-'));
const ha = join(tmp, 'so-noi-vu');
const out = join(tmp, 'ho-so');
let submissions: string[] = [];
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

beforeAll(async () => {
  const r = await cli('demo', ha, '--agencies', '35', '--seed', '5', '--submissions', out);
  expect(r.code, r.err).toBe(0);
  submissions = readdirSync(out).filter((f) => f.endsWith('.parscore')).map((f) => join(out, f));
}, 120_000);

describe('demo → import → survey → consolidate, from the command line', () => {
  it('verifies a submission file: signer, agency, revision and OK', async () => {
    const r = await cli('submission', 'verify', submissions[0]!);
    expect(r.code).toBe(0);
    expect(r.out).toContain('HỢP LỆ');
    expect(r.out).toMatch(/lần gửi 1 · vòng 1/);
  });

  it('rejects a file with one byte changed, naming the file, and the workspace is untouched', async () => {
    const bad = join(tmp, 'sua-doi.parscore');
    const bytes = readFileSync(submissions[1]!);
    bytes[Math.floor(bytes.length / 2)]! ^= 0x01;
    writeFileSync(bad, bytes);
    const v = await cli('submission', 'verify', bad);
    expect(v.code).toBe(1);
    expect(v.out).toContain('KHÔNG HỢP LỆ');
    const before = folderHash(ha);
    const r = await cli('import', ha, bad);
    expect(r.code).toBe(1);
    expect(r.out).toContain('sua-doi.parscore: từ chối');
    expect(folderHash(ha)).toBe(before);
  });

  it('imports every demo submission with a verdict each, and a second import is all duplicates', async () => {
    const r = await cli('import', ha, ...submissions);
    expect(r.code, r.out).toBe(0);
    expect(r.out).toContain(`Tiếp nhận ${submissions.length} · thay thế 0 · trùng 0 · từ chối 0`);
    const again = await cli('import', ha, submissions[0]!);
    expect(again.out).toContain('trùng 1');
  });

  it('imports the survey answers and consolidates into a results.json that matches the published schema', async () => {
    const s = await cli('survey', 'import', ha, join(out, 'agencies', 'dieu-tra-xa-hoi-hoc.xlsx'));
    expect(s.code, s.err).toBe(0);
    const c = await cli('consolidate', ha, '--out', join(tmp, 'ket-qua'));
    expect(c.code, c.err).toBe(0);
    const results = ResultsV1.parse(JSON.parse(readFileSync(join(tmp, 'ket-qua', 'results.json'), 'utf8')));
    expect(results.agencies).toHaveLength(35);
    const ranked = results.agencies.filter((a) => a.rank !== null);
    expect(ranked.length).toBe(submissions.length);
    for (const g of ['department', 'district', 'commune'] as const) {
      const ranks = ranked.filter((a) => a.agency.group === g).map((a) => a.rank!).sort((x, y) => x - y);
      expect(ranks[0]).toBe(1);
    }
    expect(results.agencies.every((a) => a.total <= a.max && (!a.submitted || a.survey.score > 0))).toBe(true);
    expect(results.comparison).toBeNull();

    // Last year's results (here: this year's, relabelled 2023) give the year-over-year comparison.
    const lastYear = { ...results, campaign: { ...results.campaign, id: 'cchc-2023', year: 2023 } };
    const lastYearFile = join(tmp, 'ket-qua-2023.json');
    writeFileSync(lastYearFile, JSON.stringify(lastYear));
    expect((await cli('consolidate', ha, '--out', join(tmp, 'ket-qua-2'), '--history', lastYearFile)).code).toBe(0);
    const withHistory = ResultsV1.parse(JSON.parse(readFileSync(join(tmp, 'ket-qua-2', 'results.json'), 'utf8')));
    expect(withHistory.comparison?.periods.map((p) => p.year)).toEqual([2023, 2024]);
    const trend = withHistory.comparison?.agencies.find((a) => a.agency === 'S01');
    expect(trend?.years.map((y) => y.year)).toEqual([2023, 2024]);
    expect(trend?.deltas[0]?.index).toBe(0); // same figures both years
  });
});

describe('the appraisal round trip, from the command line', () => {
  it('appraises, sends the result back, takes the explanation and a second revision, and locks', async () => {
    const agency = 'S02';
    const agencyWs = join(out, 'agencies', agency);
    expect((await cli('appraisal', 'status', ha, agency, 'appraising')).code).toBe(0);
    const set = await cli('appraisal', 'set', ha, agency, '1.1.2', '0', '--comment', 'Kế hoạch chưa nêu rõ sản phẩm đầu ra', '--reason', 'Thẩm định lần 1');
    expect(set.code, set.err).toBe(0);
    expect((await cli('appraisal', 'set', ha, agency, '1.1.2', '5')).code).toBe(1); // above max
    expect((await cli('appraisal', 'status', ha, agency, 'appraised_1')).code).toBe(0);
    const file = join(tmp, `${agency}-tham-dinh-1.parscore`);
    expect((await cli('appraisal', 'export', ha, agency, '--out', file)).code).toBe(0);

    const got = await cli('appraisal', 'import', agencyWs, file);
    expect(got.code, got.err).toBe(0);
    expect(got.out).toContain('Kế hoạch chưa nêu rõ sản phẩm đầu ra');
    const extra = join(tmp, 'ke-hoach-bo-sung.txt');
    writeFileSync(extra, 'Kế hoạch số 12/KH-STP (bản bổ sung) nêu rõ sản phẩm đầu ra của từng nhiệm vụ.');
    expect((await cli('appraisal', 'explain', agencyWs, '1.1.2', '--text', 'Bổ sung kế hoạch có sản phẩm đầu ra', '--evidence', extra, '--doc-no', '12/KH-STP')).code).toBe(0);
    const r2 = join(tmp, `${agency}-r2.parscore`);
    const exp = await cli('submission', 'export', agencyWs, agency, '--out', r2);
    expect(exp.code, exp.err).toBe(0);
    expect(exp.out).toContain('lần gửi 2, vòng 2');

    const imp = await cli('import', ha, r2);
    expect(imp.code, imp.out).toBe(0);
    expect(imp.out).toContain('thay thế lần gửi 1');
    // Replaying the first revision is refused.
    const replay = await cli('import', ha, submissions.find((f) => f.includes(`${agency}-r1`))!);
    expect(replay.out).toContain('từ chối');

    expect((await cli('appraisal', 'set', ha, agency, '1.1.2', '1', '--round', '2', '--reason', 'Đã giải trình')).code).toBe(0);
    expect((await cli('appraisal', 'status', ha, agency, 'appraised_2')).code).toBe(0);
    expect((await cli('appraisal', 'status', ha, agency, 'locked')).code).toBe(0);
    expect((await cli('appraisal', 'set', ha, agency, '1.1.2', '0', '--round', '2')).code).toBe(1);

    const log = await cli('appraisal', 'log', ha, '--agency', agency, '--json');
    const entries = JSON.parse(log.out) as { field: string; item: string | null; old: unknown; new: unknown; reason: string | null }[];
    expect(entries.some((e) => e.field === 'appraised' && e.item === '1.1.2' && e.new === 0 && e.reason === 'Thẩm định lần 1')).toBe(true);
    expect(entries.some((e) => e.field === 'appraised' && e.item === '1.1.2' && e.old === 0 && e.new === 1)).toBe(true);
    expect(entries.some((e) => e.field === 'status' && e.new === 'locked')).toBe(true);
  }, 60_000);

  it('takes a council decision only with a reason', async () => {
    expect((await cli('award', 'override', ha, '--rule', 'bk-tap-the', '--agency', 'S03', '--exclude', '--reason', 'Có')).code).toBe(1);
    const ok = await cli('award', 'override', ha, '--rule', 'bk-tap-the', '--agency', 'S03', '--exclude', '--reason', 'Hội đồng thi đua quyết định không đề nghị năm nay');
    expect(ok.code, ok.err).toBe(0);
  });

  it('a campaign file copied elsewhere still opens an agency workspace, and an unknown agency is refused', async () => {
    const copy = join(tmp, 'dot-danh-gia.parscore');
    copyFileSync(join(out, 'agencies', 'campaign.parscore'), copy);
    expect((await cli('agency', 'init', join(tmp, 'moi'), '--campaign', copy, '--agency', 'S04')).code).toBe(0);
    const r = await cli('agency', 'init', join(tmp, 'la'), '--campaign', copy, '--agency', 'ZZ99');
    expect(r.code).toBe(1);
    expect(r.err).toContain('ZZ99');
  });
});
