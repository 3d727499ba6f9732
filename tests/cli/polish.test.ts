/**
 * Issue 11 (items 6, 8, 9) from the command line: a 2015 campaign imported with the date its files
 * were received, folders wherever submission files are taken, numbers grouped the Vietnamese way,
 * the reports' date and number, and help, version and messages a Vietnamese clerk reads.
 */
import ExcelJS from 'exceljs';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importSubmissions } from '../../electron/services/cycle/import.ts';
import { WorkspaceStore } from '../../electron/services/store/workspace.ts';
import { ResultsV1 } from '../../shared/results/index.ts';
import { IssueError } from '../../shared/util/issue.ts';
import { cli, folderHash } from './run.ts';

const tmp = mkdtempSync(join(tmpdir(), 'parscore-polish-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The Home Affairs workspace of a 2015 demo campaign (self-assessments due 15/12/2015), before any import: copied fresh per test. */
const pristine = join(tmp, 'snv-2015');
const files = join(tmp, 'ho-so');
let copies = 0;
function freshWorkspace(): string {
  const dir = join(tmp, `snv-${++copies}`);
  cpSync(pristine, dir, { recursive: true });
  return dir;
}

beforeAll(async () => {
  const r = await cli('demo', pristine, '--agencies', '6', '--seed', '3', '--year', '2015', '--submissions', files);
  expect(r.code, r.err).toBe(0);
  // The hint names the folder, not thousands of paths.
  expect(r.out).toContain(`npx parscore import ${pristine} ${files} --received-at 2015-12-10`);
}, 120_000);

const submissionFiles = () => readdirSync(files).filter((f) => f.endsWith('.parscore')).sort();

describe('a 2015 campaign, imported with the date its files were received', () => {
  it('is on time and ranked when received before the deadline, and the date is kept and logged', async () => {
    const ha = freshWorkspace();
    const r = await cli('import', ha, files, '--received-at', '2015-12-10');
    expect(r.code, r.out + r.err).toBe(0);
    expect(r.out).toContain('Ngày nhận hồ sơ: 10/12/2015 (hạn nộp 15/12/2015).');
    expect(r.out).toContain(`Tiếp nhận ${submissionFiles().length} · thay thế 0 · trùng 0 · từ chối 0`);
    expect(r.out).not.toContain('nộp sau hạn');

    const c = await cli('consolidate', ha, '--out', join(ha, 'ket-qua'));
    expect(c.code, c.err).toBe(0);
    const results = ResultsV1.parse(JSON.parse(readFileSync(join(ha, 'ket-qua', 'results.json'), 'utf8')));
    expect(results.campaign.year).toBe(2015);
    const submitted = results.agencies.filter((a) => a.submitted);
    expect(submitted).toHaveLength(submissionFiles().length);
    for (const a of submitted) {
      expect(a.late, a.agency.code).toBe(false);
      expect(a.ranked, a.agency.code).toBe(true);
      expect(a.receivedAt).toBe('2015-12-10T00:00:00+07:00');
    }

    const log = await cli('appraisal', 'log', ha, '--json');
    const received = (JSON.parse(log.out) as { field: string; agency: string; old: unknown; new: unknown }[]).filter((e) => e.field === 'received');
    expect(received.map((e) => e.agency).sort()).toEqual(submitted.map((a) => a.agency.code).sort());
    expect(received.every((e) => e.new === '2015-12-10' && e.old === null)).toBe(true);
    const text = await cli('appraisal', 'log', ha);
    expect(text.out).toMatch(/Ngày nhận hồ sơ {2}— → 10\/12\/2015/);
  });

  it('is late, and not ranked, without the date (received today, years after the deadline)', async () => {
    const ha = freshWorkspace();
    const r = await cli('import', ha, files);
    expect(r.code, r.out).toBe(0);
    expect(r.out.split('\n').filter((l) => l.endsWith('— nộp sau hạn'))).toHaveLength(submissionFiles().length);
    expect((await cli('consolidate', ha, '--out', join(ha, 'ket-qua'))).code).toBe(0);
    const results = ResultsV1.parse(JSON.parse(readFileSync(join(ha, 'ket-qua', 'results.json'), 'utf8')));
    const submitted = results.agencies.filter((a) => a.submitted);
    expect(submitted.length).toBeGreaterThan(0);
    expect(submitted.every((a) => a.late && !a.ranked && a.unranked?.key === 'results.unranked.late')).toBe(true);
    const log = JSON.parse((await cli('appraisal', 'log', ha, '--json')).out) as { field: string }[];
    expect(log.some((e) => e.field === 'received')).toBe(false);
  });

  it('refuses a date that is not yyyy-mm-dd, not a day, or not come yet, saying why, and imports nothing', async () => {
    const ha = freshWorkspace();
    const before = folderHash(ha);
    const cases: [string, string][] = [
      ['10/12/2015', '"10/12/2015" không phải một ngày dạng năm-tháng-ngày (yyyy-mm-dd), ví dụ 2015-12-10'],
      ['2015-02-30', 'không có ngày 2015-02-30 trên lịch'],
      ['2999-01-01', 'ngày 2999-01-01 chưa đến'],
    ];
    for (const [value, why] of cases) {
      const r = await cli('import', ha, files, '--received-at', value);
      expect(r.code, value).toBe(2);
      expect(r.err).toContain(`tùy chọn --received-at không nhận giá trị "${value}": ${why}`);
    }
    const en = await cli('import', ha, files, '--received-at', '2015-02-30', '--lang', 'en');
    expect(en.err).toContain('option --received-at does not take "2015-02-30": there is no such day as 2015-02-30');
    expect(folderHash(ha)).toBe(before);
  });

  it('the import service takes the date too, and refuses a bad one before storing anything', async () => {
    const ha = freshWorkspace();
    const before = folderHash(ha);
    const inputs = submissionFiles().map((f) => ({ file: f, path: join(files, f) }));
    const ws = await WorkspaceStore.open(ha);
    try {
      const refused = async (receivedAt: string, now?: string) => {
        const e = await importSubmissions(ws, inputs, { receivedAt, ...(now ? { now } : {}), workers: 0 }).catch((x: unknown) => x);
        expect(e, receivedAt).toBeInstanceOf(IssueError);
        return (e as IssueError).issues.map((i) => i.code);
      };
      expect(await refused('2015-13-01')).toEqual(['cycle.received_not_a_day']);
      expect(await refused('15-12-2015')).toEqual(['cycle.received_format']);
      // Not after the import's own day in Vietnam: 17:30 UTC on the 9th is already the 10th there.
      expect(await refused('2015-12-11', '2015-12-09T17:30:00Z')).toEqual(['cycle.received_future']);
      expect(folderHash(ha)).toBe(before);

      const verdicts = await importSubmissions(ws, inputs, { receivedAt: '2015-12-16', now: '2016-01-04T08:00:00+07:00', workers: 0 });
      expect(verdicts.every((v) => v.verdict === 'accepted' && v.late)).toBe(true);
      expect(ws.index.agencies.filter((a) => a.submission).every((a) => a.submission?.receivedAt === '2015-12-16T00:00:00+07:00' && a.submission.late)).toBe(true);
    } finally {
      await ws.close();
    }
  });
});

describe('a folder wherever submission files are taken', () => {
  it('imports every .parscore directly in a folder, in name order, not its subfolders', async () => {
    const ha = freshWorkspace();
    // The demo folder also holds agencies/campaign.parscore, one level down: not a submission, not read.
    const r = await cli('import', ha, files, '--received-at', '2015-12-01');
    expect(r.code, r.out).toBe(0);
    const named = r.out.split('\n').flatMap((l) => /^✔ (\S+\.parscore):/.exec(l)?.[1] ?? []);
    expect(named).toEqual(submissionFiles());
    expect(r.out).not.toContain('campaign.parscore');
  });

  it('refuses an empty folder or a missing path with exit 3, naming it, and changes nothing', async () => {
    const ha = freshWorkspace();
    const empty = join(tmp, 'thu-muc-trong');
    mkdirSync(empty, { recursive: true });
    writeFileSync(join(empty, 'ghi-chu.txt'), 'không phải hồ sơ');
    const before = folderHash(ha);
    const r = await cli('import', ha, empty);
    expect(r.code).toBe(3);
    expect(r.err).toContain(`Thư mục ${empty} không có tệp .parscore nào`);
    const missing = await cli('import', ha, join(tmp, 'khong-co'));
    expect(missing.code).toBe(3);
    expect(missing.err).toContain('khong-co');
    expect(folderHash(ha)).toBe(before);
  });

  it('verifies every file of a folder, each under its name', async () => {
    const r = await cli('submission', 'verify', files);
    expect(r.code, r.err).toBe(0);
    for (const f of submissionFiles()) expect(r.out).toContain(`— ${f}`);
    expect(r.out.split('\n').filter((l) => l.startsWith('HỢP LỆ'))).toHaveLength(submissionFiles().length);
  });
});

describe('numbers grouped the Vietnamese way in what the command line prints', () => {
  it('prints a count of 1,000 and more as 1.234 (and 1,234 in English)', async () => {
    const ha = freshWorkspace();
    expect((await cli('import', ha, files, '--received-at', '2015-12-10')).code).toBe(0);
    // The demo's survey answers, ten times over (more respondents): more than a thousand rows.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(files, 'agencies', 'dieu-tra-xa-hoi-hoc.xlsx'));
    const sheet = wb.worksheets[0]!;
    const answers: ExcelJS.CellValue[][] = [];
    sheet.eachRow((row, n) => {
      if (n >= 3 && typeof row.getCell(4).value === 'string') answers.push([row.getCell(4).value, row.getCell(5).value, row.getCell(6).value]);
    });
    let n = 3;
    for (let copy = 0; copy < 10; copy++) {
      for (const [agency, item, answer] of answers) {
        sheet.getRow(n).values = [n - 2, `P${copy}-${n}`, 'Người dân', agency, item, answer];
        n++;
      }
    }
    const file = join(tmp, 'dieu-tra-nhieu.xlsx');
    await wb.xlsx.writeFile(file);
    const rows = answers.length * 10;
    expect(rows).toBeGreaterThanOrEqual(1000);
    const thousands = (sep: string) => `${Math.floor(rows / 1000)}${sep}${String(rows % 1000).padStart(3, '0')}`;
    const vi = await cli('survey', 'import', ha, file);
    expect(vi.code, vi.err).toBe(0);
    expect(vi.out).toContain(`Đã nhập phiếu điều tra: ${thousands('.')} dòng`);
    const en = await cli('survey', 'import', ha, file, '--lang', 'en');
    expect(en.out).toContain(`${thousands(',')} rows`);
  });
});

describe('the reports carry the date and number given', () => {
  it('takes the number and date set once for the campaign (campaign issuer) when the command gives none, and refuses a bad one leaving campaign.json as it was', async () => {
    const ha = freshWorkspace();
    expect((await cli('import', ha, files, '--received-at', '2015-12-10')).code).toBe(0);
    const set = await cli('campaign', 'issuer', ha, '--report-number', '46/BC-SNV', '--report-date', '2015-12-21', '--signer-name', 'Nguyễn Văn An');
    expect(set.code, set.err).toBe(0);
    expect(set.out).toContain('số báo cáo: 46/BC-SNV; ngày báo cáo: 21/12/2015');
    const before = readFileSync(join(ha, 'campaign.json'), 'utf8');
    const bad = await cli('campaign', 'issuer', ha, '--signer-name', '   ');
    expect(bad.code).toBe(1);
    expect(bad.err + bad.out).toContain('issuer.signerName');
    expect(readFileSync(join(ha, 'campaign.json'), 'utf8')).toBe(before);
    const out = join(tmp, 'bao-cao-mac-dinh');
    const r = await cli('report', ha, '--out', out, '--only', 'ranking');
    expect(r.code, r.err).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(out, readdirSync(out).find((f) => f.endsWith('.xlsx'))!));
    const line = wb.worksheets[0]!.getRow(3).values as unknown[];
    expect(line).toContain('Số: 46/BC-SNV');
    expect(line).toContain('Minh Sơn, ngày 21 tháng 12 năm 2015');
  });

  it('prints "Số: 45/BC-SNV" and "ngày 20 tháng 12 năm 2015" at the top of every Home Affairs report', async () => {
    const ha = freshWorkspace();
    expect((await cli('import', ha, files, '--received-at', '2015-12-10')).code).toBe(0);
    const out = join(tmp, 'bao-cao');
    const r = await cli('report', ha, '--out', out, '--date', '2015-12-20', '--number', '45/BC-SNV');
    expect(r.code, r.err).toBe(0);
    const books = readdirSync(out).filter((f) => f.endsWith('.xlsx'));
    expect(books.length).toBeGreaterThanOrEqual(7);
    for (const f of books) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(join(out, f));
      for (const ws of wb.worksheets) {
        const line = ws.getRow(3).values as unknown[];
        expect(line, `${f} / ${ws.name}`).toContain('Số: 45/BC-SNV');
        expect(line, `${f} / ${ws.name}`).toContain('Minh Sơn, ngày 20 tháng 12 năm 2015');
      }
    }
    // An agency's own self-assessment report keeps its own (blank) number, with the date given.
    const agencyDir = readdirSync(out).find((f) => statSync(join(out, f)).isDirectory())!;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(out, agencyDir, readdirSync(join(out, agencyDir))[0]!));
    const line = wb.worksheets[0]!.getRow(3).values as unknown[];
    expect(line).toContain('Minh Sơn, ngày 20 tháng 12 năm 2015');
    expect(line).not.toContain('Số: 45/BC-SNV');
  });

  it('refuses a date that is no day and an empty number, with exit 2, writing nothing', async () => {
    const out = join(tmp, 'khong-ghi');
    const bad = await cli('report', pristine, '--out', out, '--date', '2015-02-29');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('không có ngày 2015-02-29 trên lịch');
    const empty = await cli('report', pristine, '--out', out, '--number', '  ');
    expect(empty.code).toBe(2);
    expect(empty.err).toContain('số, ký hiệu văn bản phải có từ 1 đến 60 ký tự');
    expect(() => readdirSync(out)).toThrow();
  });
});

describe('help, version and messages a Vietnamese clerk reads', () => {
  const ENGLISH = ['Usage', 'Options', 'Arguments', 'Commands', 'default', 'display help', '[options]', '[command]', '<workspace>', '<files', '<file>', '<dir>'];

  it('has no English word of commander in the Vietnamese help, and all of them with --lang en', async () => {
    for (const argv of [['--help'], ['import', '--help'], ['campaign', '--help'], ['report', '--help'], ['help', 'demo']]) {
      const r = await cli(...argv);
      expect(r.code, argv.join(' ')).toBe(0);
      for (const word of ENGLISH) expect(r.out, `${argv.join(' ')}: ${word}`).not.toContain(word);
    }
    const top = await cli('--help');
    expect(top.out).toContain('Cách dùng: parscore [tùy-chọn] [lệnh]');
    expect(top.out).toContain('(mặc định: vi)');
    expect(top.out).toMatch(/help \[lệnh\] +hiển thị hướng dẫn của một lệnh/);
    const imp = await cli('import', '--help');
    expect(imp.out).toContain('Cách dùng: parscore import [tùy-chọn] <thư-mục-làm-việc> <tệp-hoặc-thư-mục...>');
    expect(imp.out).toContain('không đọc thư mục con');
    expect(imp.out).toContain('--received-at <năm-tháng-ngày>');
    const en = await cli('import', '--help', '--lang', 'en');
    expect(en.out).toContain('Usage: parscore import [options] <workspace> <files-or-folders...>');
    expect(en.out).toContain('in name order');
  });

  it('prints the package version with --version', async () => {
    const { version } = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8')) as { version: string };
    const r = await cli('--version');
    expect(r.code).toBe(0);
    expect(r.out.trim()).toBe(version);
    expect((await cli('--help')).out).toContain('in số phiên bản của ParScore');
  });

  it('names the local government model and the kinds of file in words, not in codes', async () => {
    const show = await cli('campaign', 'show', pristine);
    expect(show.out).toContain('chính quyền địa phương ba cấp (tỉnh, huyện, xã)');
    expect(show.out).not.toContain('three-tier');
    expect((await cli('campaign', 'show', pristine, '--lang', 'en')).out).toContain('three-tier (province, districts, communes) local government');

    // The campaign file, taken for a submission, then for an appraisal result.
    const campaignFile = join(files, 'agencies', 'campaign.parscore');
    const ha = freshWorkspace();
    const r = await cli('import', ha, campaignFile);
    expect(r.code).toBe(1);
    expect(r.out).toContain('Loại tệp không đúng: đây là tệp đợt đánh giá, trong khi cần hồ sơ tự đánh giá.');
    expect(r.out).not.toContain('parscore.');
    const agency = join(files, 'agencies', readdirSync(join(files, 'agencies')).find((f) => statSync(join(files, 'agencies', f)).isDirectory())!);
    const a = await cli('appraisal', 'import', agency, campaignFile);
    expect(a.code).toBe(1);
    expect(a.err).toContain('đây là tệp đợt đánh giá, trong khi cần tệp kết quả thẩm định');
  });

  it('says a wrong option value in Vietnamese only', async () => {
    const r = await cli('demo', join(tmp, 'x'), '--agencies', 'nhiều');
    expect(r.code).toBe(2);
    expect(r.err).toContain('tùy chọn --agencies không nhận giá trị "nhiều": "nhiều" phải là số nguyên dương');
    expect(r.err).not.toMatch(/is invalid|argument '/);
    const missing = await cli('import');
    expect(missing.err).toContain('thiếu tham số bắt buộc "thư-mục-làm-việc"');
  });

  it('calls a workspace "thư mục làm việc" everywhere in Vietnamese', async () => {
    const r = await cli('import', join(tmp, 'khong-phai'), files);
    expect(r.code).toBe(3);
    expect(r.err).toContain('thư mục làm việc');
    expect(r.err).not.toContain('không gian');
    const catalogues = join(import.meta.dirname, '..', '..', 'shared', 'i18n', 'vi');
    for (const f of readdirSync(catalogues)) {
      const text = readFileSync(join(catalogues, f), 'utf8');
      expect(text, f).not.toMatch(/không gian làm việc/i);
      // "workspace" only in keys, file names (workspace.json) and the command's name (parscore workspace …), never in a message's words.
      const words = text.split('\n').filter((l) => /^\s+'[^']+':/.test(l)).map((l) => l.replace(/^\s+'[^']+':\s*/, '').replace(/workspace\.json|parscore workspace/g, ''));
      for (const w of words) expect(w, f).not.toMatch(/workspace/i);
    }
  });
});

describe('a demo year outside the plausible dates', () => {
  it('is a usage error naming the range, never a stack trace, and writes nothing', async () => {
    const next = new Date().getFullYear() + 1;
    for (const year of [String(next), '1999']) {
      const dir = join(tmp, `demo-${year}`);
      const r = await cli('demo', dir, '--agencies', '3', '--year', year, '--submissions', join(dir, 'out'));
      expect(r.code).toBe(2);
      expect(r.err).toContain(`--year ${year} (2000–${next - 1})`);
      expect(r.err).not.toMatch(/\n\s+at /);
      expect(() => statSync(dir)).toThrow();
    }
  });
});
