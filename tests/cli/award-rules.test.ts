/**
 * `parscore award rules | set-rules | rules-form | preview` on the demo province: the rules shown,
 * replaced from JSON and from the sheet (a refused file changes nothing), and previewed on the
 * current data with the reasons.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_COMMENDATION } from '../../shared/campaign/defaults.ts';
import { ResultsV1 } from '../../shared/results/index.ts';
import type { CommendationRules } from '../../shared/schema/awards.ts';
import { cli } from './run.ts';

const tmp = mkdtempSync(join(tmpdir(), 'parscore-award-rules-'));
const ha = join(tmp, 'so-noi-vu');
const out = join(tmp, 'ho-so');
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const campaignHash = () => createHash('sha256').update(readFileSync(join(ha, 'campaign.json'))).digest('hex');
const currentRules = async (): Promise<CommendationRules> => {
  const r = await cli('award', 'rules', ha, '--json');
  expect(r.code, r.err).toBe(0);
  return JSON.parse(r.out) as CommendationRules;
};
const file = (name: string, content: unknown): string => {
  const p = join(tmp, name);
  writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return p;
};
const withCumulativeGk = (): CommendationRules => ({
  ...DEFAULT_COMMENDATION,
  collectives: DEFAULT_COMMENDATION.collectives.map((r) => (r.id === 'gk-tap-the' ? { ...r, cumulative: true } : r)),
});

interface PreviewJson {
  source: { kind: string; file?: string };
  rules: {
    kind: string;
    rule: string;
    selected: { subject: string; agency: string; name: string; satisfied: { key: string; text: string }[] }[];
    excluded: { subject: string; agency: string; reason: { key: string; text: string } }[];
  }[];
}
const preview = async (...args: string[]): Promise<PreviewJson> => {
  const r = await cli('award', 'preview', ha, ...args, '--json');
  expect(r.code, r.err).toBe(0);
  return JSON.parse(r.out) as PreviewJson;
};
const listOf = (p: PreviewJson, rule: string) => p.rules.find((r) => r.rule === rule)!;

beforeAll(async () => {
  const d = await cli('demo', ha, '--agencies', '35', '--seed', '5', '--submissions', out);
  expect(d.code, d.err).toBe(0);
  const files = readdirSync(out).filter((f) => f.endsWith('.parscore')).map((f) => join(out, f));
  const i = await cli('import', ha, ...files);
  expect(i.code, i.out).toBe(0);
  const s = await cli('survey', 'import', ha, join(out, 'agencies', 'dieu-tra-xa-hoi-hoc.xlsx'));
  expect(s.code, s.err).toBe(0);
}, 180_000);

describe('award rules', () => {
  it('shows each rule’s award, level and conditions, in Vietnamese and in English', async () => {
    const vi = await cli('award', 'rules', ha);
    expect(vi.code).toBe(0);
    expect(vi.out).toContain('Khen thưởng tập thể (2 quy định, hình thức cao nhất trước):');
    expect(vi.out).toContain('1. Bằng khen của Chủ tịch UBND tỉnh — mã bk-tap-the; cấp khen: Cấp tỉnh');
    expect(vi.out).toContain('   - Xếp loại được xét: A (Xuất sắc)');
    expect(vi.out).toContain('   - Xếp hạng trong khối: Sở, ban, ngành (hạng 1–3); UBND cấp huyện (hạng 1–2); UBND cấp xã (hạng 1–5)');
    expect(vi.out).toContain('   - Không đề nghị cho tập thể, cá nhân đã có trong danh sách một hình thức cao hơn');
    expect(vi.out).toContain('   - Xếp loại chất lượng năm trước: Hoàn thành xuất sắc nhiệm vụ');
    expect(vi.out).toContain('   - Tối đa 3 người mỗi cơ quan, đơn vị');
    const en = await cli('award', 'rules', ha, '--lang', 'en');
    expect(en.out).toContain('1. Certificate of Merit of the provincial chairman — id bk-tap-the; level: Province');
    expect(en.out).toContain('   - Bands considered: A (Excellent), B (Good)');
  });

  it('--json prints the rules as a rules file', async () => {
    expect(await currentRules()).toEqual(DEFAULT_COMMENDATION);
  });
});

describe('award preview', () => {
  it('prints, per rule, who the current rules propose with the conditions met, and who is left out and why', async () => {
    const r = await cli('award', 'preview', ha);
    expect(r.code, r.err).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toBe('Xem trước theo quy định khen thưởng hiện hành của đợt đánh giá, trên dữ liệu hiện có (chưa ghi gì).');
    expect(lines.filter((l) => /^\d\. /.test(l)).map((l) => l.replace(/:.*/, ''))).toEqual([
      '1. Bằng khen của Chủ tịch UBND tỉnh (bk-tap-the), tập thể',
      '2. Giấy khen của Giám đốc Sở Nội vụ (gk-tap-the), tập thể',
      '3. Bằng khen của Chủ tịch UBND tỉnh (bk-ca-nhan), cá nhân',
      '4. Giấy khen của Giám đốc Sở Nội vụ (gk-ca-nhan), cá nhân',
    ]);
    // The first department on the Bằng khen list, with its reasons; then the Giấy khen says why it is not there.
    const first = lines.find((l) => l.startsWith('     1. ') && l.includes('(S'))!;
    expect(first).toMatch(/^ {5}1\. .+ \(S\d+\): hạng 1; loại A; trong 3 đơn vị dẫn đầu; không bị trừ điểm; không có tài liệu kiểm chứng giả mạo$/);
    const who = /^ {5}1\. (.+ \(S\d+\)):/.exec(first)![1]!;
    const gk = lines.slice(lines.findIndex((l) => l.startsWith('2. ')));
    expect(gk).toContain(`     - ${who}: Đã được đề nghị Bằng khen của Chủ tịch UBND tỉnh (quy định bk-tap-the); mỗi tập thể, cá nhân chỉ được đề nghị hình thức cao nhất đủ điều kiện.`);
    expect(lines.at(-1)).toMatch(/^Tổng cộng: \d+ tập thể và \d+ cá nhân được đề nghị; \d+ trường hợp không được đề nghị\.$/);
  });

  it('selects exactly what consolidate puts in results.json, and no agency is on both collective lists', async () => {
    const p = await preview();
    expect(p.source).toEqual({ kind: 'campaign' });
    const c = await cli('consolidate', ha, '--out', join(tmp, 'ket-qua'));
    expect(c.code, c.err).toBe(0);
    const results = ResultsV1.parse(JSON.parse(readFileSync(join(tmp, 'ket-qua', 'results.json'), 'utf8')));
    for (const rule of ['bk-tap-the', 'gk-tap-the']) {
      expect(listOf(p, rule).selected.map((s) => s.subject)).toEqual(results.commendation.collectives.filter((x) => x.rule === rule).map((x) => x.subject));
    }
    const bk = new Set(listOf(p, 'bk-tap-the').selected.map((s) => s.agency));
    expect(bk.size).toBeGreaterThan(0);
    expect(listOf(p, 'gk-tap-the').selected.filter((s) => bk.has(s.agency))).toEqual([]);
    const why = listOf(p, 'gk-tap-the').excluded.filter((e) => bk.has(e.agency));
    expect(why.map((e) => e.agency).sort()).toEqual([...bk].sort());
    expect(new Set(why.map((e) => e.reason.key))).toEqual(new Set(['awards.fail.higher_award']));
  });

  it('previews a rules file not yet saved, and changes nothing', async () => {
    const before = campaignHash();
    const p = await preview(file('gk-cong-don.json', withCumulativeGk()));
    expect(p.source).toEqual({ kind: 'file', file: 'gk-cong-don.json' });
    const bk = listOf(p, 'bk-tap-the').selected.map((s) => s.agency);
    const gk = new Set(listOf(p, 'gk-tap-the').selected.map((s) => s.agency));
    expect(bk.length).toBeGreaterThan(0);
    for (const a of bk) expect(gk.has(a), a).toBe(true);
    expect(campaignHash()).toBe(before);
    expect(await currentRules()).toEqual(DEFAULT_COMMENDATION);
  });

  it('refuses a bad rules file to preview with the same errors as set-rules', async () => {
    const r = await cli('award', 'preview', ha, file('sai.json', { ...DEFAULT_COMMENDATION, collectives: [{ ...DEFAULT_COMMENDATION.collectives[0], bands: ['S'] }] }));
    expect(r.code).toBe(1);
    expect(r.err).toContain('tệp sai.json · quy định bk-tap-the · trường bands[0]: Xếp loại “S” không có trong các mức xếp loại của đợt đánh giá (A, B, C, D, E).');
  });
});

describe('award set-rules', () => {
  it('refuses bad JSON rules files, naming file, rule and field, and campaign.json stays as it was', async () => {
    const before = campaignHash();
    const gk = DEFAULT_COMMENDATION.collectives[1]!;
    const cases: [string, unknown, string][] = [
      ['truong-la.json', { ...DEFAULT_COMMENDATION, collectives: [DEFAULT_COMMENDATION.collectives[0], { ...gk, xetThem: true }] }, 'tệp truong-la.json · quy định gk-tap-the · trường xetThem: Thông số “xetThem” không có trong quy định khen thưởng'],
      ['loai-la.json', { ...DEFAULT_COMMENDATION, collectives: [DEFAULT_COMMENDATION.collectives[0], { ...gk, bands: ['A', 'B+'] }] }, 'tệp loai-la.json · quy định gk-tap-the · trường bands[1]: Xếp loại “B+” không có trong các mức xếp loại của đợt đánh giá'],
      ['trung-ma.json', { ...DEFAULT_COMMENDATION, collectives: [DEFAULT_COMMENDATION.collectives[0], { ...gk, id: 'bk-tap-the' }] }, 'tệp trung-ma.json · quy định bk-tap-the (collectives[1]) · trường id: Mã quy định “bk-tap-the” đã dùng cho một quy định khác (collectives[0])'],
      ['hong.json', '{ "collectives": [', 'tệp hong.json: Tệp không phải JSON hợp lệ'],
    ];
    for (const [name, content, expected] of cases) {
      const r = await cli('award', 'set-rules', ha, file(name, content));
      expect(r.code, name).toBe(1);
      expect(r.err).toContain(expected);
      expect(r.out).toBe('');
    }
    expect(campaignHash()).toBe(before);
  });

  it('refuses a sheet with a header it does not know, and campaign.json stays as it was', async () => {
    const form = join(tmp, 'mau.xlsx');
    expect((await cli('award', 'rules-form', ha, '--out', form)).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(form);
    const ind = wb.getWorksheet('Cá nhân')!;
    ind.getCell(2, 5).value = 'Cấp khen thưởng đề nghị';
    const bad = join(tmp, 'sai-tieu-de.xlsx');
    await wb.xlsx.writeFile(bad);
    const before = campaignHash();
    const r = await cli('award', 'set-rules', ha, bad);
    expect(r.code).toBe(1);
    expect(r.err).toContain('tệp sai-tieu-de.xlsx · trang tính Cá nhân · dòng 2 · cột E: Cột “Cấp khen thưởng đề nghị” không phải là một thông số của quy định khen thưởng');
    expect(r.err).toContain('tệp sai-tieu-de.xlsx · trang tính Cá nhân · dòng 2: Không tìm thấy cột "Cấp khen" ở dòng tiêu đề của bảng.');
    expect(campaignHash()).toBe(before);
  });

  it('replaces the rules from a JSON file; consolidate then uses them', async () => {
    const r = await cli('award', 'set-rules', ha, file('quy-dinh.json', withCumulativeGk()));
    expect(r.code, r.err).toBe(0);
    expect(r.out).toBe('Đã lưu quy định khen thưởng vào campaign.json: 2 quy định tập thể, 2 quy định cá nhân.');
    expect(await currentRules()).toEqual(withCumulativeGk());
    expect((await cli('award', 'rules', ha)).out).toContain('   - Được đề nghị thêm cả khi đã có trong danh sách một hình thức cao hơn');
    const c = await cli('consolidate', ha, '--out', join(tmp, 'ket-qua-2'));
    expect(c.code, c.err).toBe(0);
    const results = ResultsV1.parse(JSON.parse(readFileSync(join(tmp, 'ket-qua-2', 'results.json'), 'utf8')));
    const bk = results.commendation.collectives.filter((x) => x.rule === 'bk-tap-the').map((x) => x.agency);
    const gk = results.commendation.collectives.filter((x) => x.rule === 'gk-tap-the').map((x) => x.agency);
    expect(bk.length).toBeGreaterThan(0);
    expect(bk.every((a) => gk.includes(a))).toBe(true);
  });

  it('round trip: rules-form writes the current rules, set-rules reads the same rules back; an edited sheet changes them', async () => {
    const form = join(tmp, 'quy-dinh.xlsx');
    const w = await cli('award', 'rules-form', ha, '--out', form);
    expect(w.code, w.err).toBe(0);
    const before = await currentRules();
    expect((await cli('award', 'set-rules', ha, form)).code).toBe(0);
    expect(await currentRules()).toEqual(before);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(form);
    const ws = wb.getWorksheet('Tập thể')!;
    ws.getCell(4, 14).value = 'Không'; // Giấy khen: exclusive again
    ws.getCell(3, 7).value = 2; // Bằng khen: top 2 departments
    await wb.xlsx.writeFile(form);
    const r = await cli('award', 'set-rules', ha, form);
    expect(r.code, r.err).toBe(0);
    const after = await currentRules();
    expect(after.collectives[1]!.cumulative).toBe(false);
    expect(after.collectives[0]!.topN).toEqual({ department: 2, district: 2, commune: 5 });
    expect(after.individuals).toEqual(before.individuals);
  });

  it('warns about the council’s decisions that name a rule the new rules no longer have', async () => {
    const o = await cli('award', 'override', ha, '--rule', 'gk-ca-nhan', '--agency', 'S01', '--subject', 'S01-CN1', '--exclude', '--reason', 'Đã được khen thưởng đột xuất trong năm');
    expect(o.code, o.err).toBe(0);
    const r = await cli('award', 'set-rules', ha, file('bo-gk.json', { collectives: DEFAULT_COMMENDATION.collectives, individuals: [DEFAULT_COMMENDATION.individuals[0]] }));
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain('Lưu ý: quyết định của Hội đồng về “S01-CN1” (cơ quan S01) nêu quy định gk-ca-nhan, không còn trong quy định mới');
    expect((await currentRules()).individuals.map((x) => x.id)).toEqual(['bk-ca-nhan']);
  });
});
