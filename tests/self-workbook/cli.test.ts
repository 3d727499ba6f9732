/**
 * An agency's officer works in Excel: `parscore self-workbook export` gives the whole
 * self-assessment (PAR index and ISO 9001 checklist) as a fill-in workbook; the officer fills it in
 * with another program (openpyxl here, LibreOffice re-saves it) and `self-workbook import` brings it
 * back — then the signed submission goes to Home Affairs. Bad workbooks are refused by sheet, row,
 * column and reason, with nothing stored changed.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { WorkspaceStore } from '../../electron/services/store/workspace.ts';
import { writeAgencyListForm } from '../../electron/services/xlsx-import/agencies.ts';
import { cli, folderHash } from '../cli/run.ts';

const PYTHON = '/usr/bin/python3';
const FILL = join(import.meta.dirname, 'fill_workbook.py');

const tmp = mkdtempSync(join(tmpdir(), 'parscore-sbook-cli-'));
const ha = join(tmp, 'snv');
const agencyDir = join(tmp, 'stp-goc');
const exemptDir = join(tmp, 'snv-mien');
const blank = join(tmp, 'so-tu-danh-gia.xlsx');
const blankEn = join(tmp, 'self-assessment.xlsx');
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

type Op = (string | number | null | (string | number | null)[])[];

/** The officer's edits, made with openpyxl; returns the saved file. */
function fill(src: string, ops: Op[]): string {
  const out = join(tmp, `dien-${randomUUID()}.xlsx`);
  execFileSync(PYTHON, [FILL, src, out, JSON.stringify(ops)], { stdio: 'pipe', maxBuffer: 64 * 1024 * 1024 });
  return out;
}

/** Saves the file again with LibreOffice Calc (a profile of its own); returns the re-saved file. */
function resaveWithLibreOffice(file: string): string {
  const profile = join(tmpdir(), `lo-${randomUUID()}`);
  const outDir = join(tmp, `lo-${randomUUID()}`);
  mkdirSync(outDir);
  try {
    execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'xlsx', '--outdir', outDir, file], { stdio: 'pipe', timeout: 180_000 });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  return join(outDir, file.split('/').pop()!);
}

/** A fresh copy of the agency's workspace as it was before any workbook came back. */
function agencyCopy(): string {
  const dir = join(tmp, `stp-${randomUUID()}`);
  cpSync(agencyDir, dir, { recursive: true });
  return dir;
}

async function stored(dir: string) {
  const ws = await WorkspaceStore.openReadOnly(dir);
  try {
    return { assessment: await ws.readAssessment('S02'), nominations: (await ws.readNominations())?.nominations ?? [] };
  } finally {
    await ws.close();
  }
}

const PAR = 'par-so';
const ISO = 'iso-9001';
const EVIDENCE = 'Tài liệu kiểm chứng';
const FIGURES = 'Số liệu kê khai';
const ADJUST = 'Điểm thưởng, điểm trừ';
const COLLECTIVES = 'Đề nghị khen tập thể';
const INDIVIDUALS = 'Đề nghị khen cá nhân';

/** What an officer types into the empty form: every rule type, N/A, both criteria sets, evidence, figures, bonus, nominations. */
const FILLED: Op[] = [
  ['set', PAR, 'A', '1.1.1', 'F', 'Có', null],
  ['set', PAR, 'A', '1.1.2', 'F', 0.5, null],
  ['set', PAR, 'A', '1.2', 'F', 85, null],
  ['set', PAR, 'A', '1.2', 'J', 'Báo cáo tổng hợp đang chờ UBND tỉnh phê duyệt', null],
  ['set', PAR, 'A', '1.3', 'F', 1, null],
  ['set', PAR, 'A', '1.4.2', 'F', 17, null],
  ['set', PAR, 'A', '1.4.2', 'G', 20, null],
  ['set', PAR, 'A', '2.1.1', 'F', 'Không áp dụng', null],
  ['set', PAR, 'A', '3.6', 'F', 'd766=80', null],
  ['set', ISO, 'A', 'A1', 'F', 'có', null],
  ['set', ISO, 'A', 'A2', 'F', 'Không', null],
  ['set', ISO, 'A', 'A3.2', 'F', 3, null],
  ['set', ISO, 'A', 'A3.2', 'G', 4, null],
  ['append', EVIDENCE, [ISO, 'A1', '45/QĐ-STP', '12/03/2026', 'Sở Tư pháp', 'Quyết định thành lập Ban chỉ đạo ISO', null]],
  ['set', FIGURES, 'A', 'KK01', 'E', 1675, null],
  ['set', FIGURES, 'A', 'KK07', 'E', 'Có', null],
  ['set', FIGURES, 'A', 'KK17', 'E', '82,5', null],
  ['set', ADJUST, 'B', 'TH1', 'E', 1, null],
  ['set', ADJUST, 'B', 'TH1', 'F', 'Mô hình một cửa số', null],
  ['append', COLLECTIVES, ['TT1', 'Phòng Hành chính tư pháp', 'Dẫn đầu về số hóa hồ sơ', 'bk-tap-the', null]],
  ['append', INDIVIDUALS, ['CN1', 'Nguyễn Thị Lan', 'Nữ', 1985, 'Trưởng phòng', 'Phòng Hành chính tư pháp', 'HTXSNV', 'Hoàn thành tốt nhiệm vụ', 'Rà soát 12 thủ tục hành chính', null, 2, 'bk-ca-nhan', null]],
];

beforeAll(async () => {
  const list = join(tmp, 'danh-sach.xlsx');
  writeFileSync(
    list,
    await writeAgencyListForm('vi', [
      { code: 'S01', name: 'Sở Nội vụ', group: 'department', parent: null },
      { code: 'S02', name: 'Sở Tư pháp', group: 'department', parent: null },
    ]),
  );
  const ok = async (...a: string[]) => {
    const r = await cli(...a);
    expect(r.code, `${a.join(' ')}\n${r.err}`).toBe(0);
    return r;
  };
  await ok('campaign', 'create', ha, '--year', '2026', '--agencies', list, '--province', 'Minh Sơn', '--template', 'department=par-so', '--template', 'department=iso-9001', '--deadline', '2026-12-31');
  const campaignFile = join(tmp, 'dot.parscore');
  await ok('campaign', 'export', ha, '--out', campaignFile);
  await ok('agency', 'init', agencyDir, '--campaign', campaignFile, '--agency', 'S02');
  // One document already attached in the software: the workbook keeps its file when the row stays.
  const doc = join(tmp, 'ke-hoach.pdf');
  writeFileSync(doc, '%PDF-1.7\nKế hoạch cải cách hành chính năm 2026 của Sở Tư pháp\n');
  await ok('evidence', 'add', agencyDir, '1.1.1', doc, '--doc-no', '12/KH-STP', '--date', '15/01/2026', '--issuer', 'Sở Tư pháp', '--title', 'Kế hoạch CCHC năm 2026');
  await ok('self-workbook', 'export', agencyDir, '--out', blank);
  await ok('self-workbook', 'export', agencyDir, '--out', blankEn, '--sheet-lang', 'en');

  // A second Home Affairs office whose campaign exempts S02 from the ISO checklist.
  await ok('campaign', 'create', exemptDir, '--year', '2026', '--agencies', list, '--province', 'Minh Sơn', '--template', 'department=par-so', '--template', 'department=iso-9001');
  await ok('campaign', 'exempt', exemptDir, '--agency', 'S02', '--template', 'iso-9001', '--reason', 'Chưa xây dựng ISO');
}, 180_000);

describe('the self-assessment workbook, filled in outside ParScore', () => {
  it('has a sheet per criteria set (PAR index, ISO checklist) with max, rule and what to type, and the evidence, figures, bonus and nomination sheets', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(blank);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Hướng dẫn', PAR, ISO, EVIDENCE, FIGURES, ADJUST, COLLECTIVES, INDIVIDUALS]);
    const iso = wb.getWorksheet(ISO)!;
    const row = (ws: ExcelJS.Worksheet, code: string) => ws.getRows(3, ws.rowCount)!.find((r) => r.getCell(1).value === code)!;
    expect(row(iso, 'A1').getCell(3).value).toBe(4);
    expect(row(iso, 'A1').getCell(4).value).toBe('Có: 4 điểm; Không: 0 điểm');
    expect(row(iso, 'A1').getCell(5).value).toBe('Chọn Có hoặc Không');
    expect(iso.getCell(row(iso, 'A1').number, 6).dataValidation).toMatchObject({ type: 'list', formulae: ['"Có,Không"'] });
    expect(wb.getWorksheet(PAR)!.getRow(2).values).toContain('Giá trị / Tử số');
    // The document attached in the software is listed with its details.
    const ev = wb.getWorksheet(EVIDENCE)!.getRow(3).values as unknown[];
    expect(ev.slice(1, 8)).toEqual([PAR, '1.1.1', '12/KH-STP', '15/01/2026', 'Sở Tư pháp', 'Kế hoạch CCHC năm 2026', 'ke-hoach.pdf']);
    const guide = wb.getWorksheet('Hướng dẫn')!;
    const guideText = guide.getSheetValues().flat().filter((v) => typeof v === 'string').join('\n');
    expect(guideText).toContain('Sở Tư pháp');
    expect(guideText).toContain('iso-9001 v1 (bộ tiêu chí bổ sung)');
  });

  it('an agency exempted from the ISO checklist gets no checklist sheet', async () => {
    const file = join(tmp, 'mien.parscore');
    expect((await cli('campaign', 'export', exemptDir, '--out', file)).code).toBe(0);
    const dir = join(tmp, 'stp-mien');
    expect((await cli('agency', 'init', dir, '--campaign', file, '--agency', 'S02')).code).toBe(0);
    const out = join(tmp, 'mien.xlsx');
    expect((await cli('self-workbook', 'export', dir, '--out', out)).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).not.toContain(ISO);
    // The workbook of the campaign without the exemption carries a checklist sheet this agency does not assess.
    const r = await cli('self-workbook', 'import', dir, fill(blank, []));
    expect(r.code).toBe(1);
    expect(r.err).toContain('iso-9001');
  });

  it('filled in with openpyxl, imports every entry; the signed submission then reaches Home Affairs', async () => {
    const dir = agencyCopy();
    const r = await cli('self-workbook', 'import', dir, fill(blank, FILLED));
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/2 bộ tiêu chí, 10 mục có kết quả, 2 tài liệu kiểm chứng, 3 số liệu kê khai, 2 đề nghị khen thưởng/);

    const { assessment: a, nominations } = await stored(dir);
    expect(a?.items['1.1.1']).toMatchObject({ input: { kind: 'binary', value: 'yes' }, selfScore: 1 });
    expect(a?.items['1.1.2']).toMatchObject({ input: { kind: 'manual', value: 0.5 }, selfScore: 0.5 });
    expect(a?.items['1.2']).toMatchObject({ input: { kind: 'percent', value: 85 }, explanation: 'Báo cáo tổng hợp đang chờ UBND tỉnh phê duyệt' });
    expect(a?.items['1.3']?.input).toEqual({ kind: 'count', value: 1 });
    expect(a?.items['1.4.2']?.input).toEqual({ kind: 'ratio', numerator: 17, denominator: 20 });
    expect(a?.items['2.1.1']?.input).toEqual({ kind: 'notApplicable' });
    expect(a?.items['3.6']?.input).toEqual({ kind: 'variables', values: { d766: 80 } });
    // The document attached before keeps its stored file; the new row is a reference with its details.
    expect(a?.items['1.1.1']?.evidence[0]).toMatchObject({ docNo: '12/KH-STP', fileName: 'ke-hoach.pdf', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const iso = a?.additional[ISO]?.items;
    expect(iso?.A1).toMatchObject({ input: { kind: 'binary', value: 'yes' }, selfScore: 4 });
    expect(iso?.A1?.evidence).toEqual([{ docNo: '45/QĐ-STP', date: '2026-03-12', issuer: 'Sở Tư pháp', title: 'Quyết định thành lập Ban chỉ đạo ISO' }]);
    expect(iso?.A2).toMatchObject({ selfScore: 0 });
    expect(iso?.['A3.2']).toMatchObject({ input: { kind: 'ratio', numerator: 3, denominator: 4 }, selfScore: 2.25 });
    expect(a?.indicators).toEqual({ KK01: 1675, KK07: true, KK17: 82.5 });
    expect(a?.bonus).toEqual({ TH1: { points: 1, note: 'Mô hình một cửa số' } });
    expect(nominations).toEqual([
      { kind: 'collective', id: 'TT1', name: 'Phòng Hành chính tư pháp', achievements: 'Dẫn đầu về số hóa hồ sơ', proposedAward: 'bk-tap-the' },
      {
        kind: 'individual',
        id: 'CN1',
        fullName: 'Nguyễn Thị Lan',
        gender: 'female',
        birthYear: 1985,
        position: 'Trưởng phòng',
        unit: 'Phòng Hành chính tư pháp',
        ratingThisYear: 'excellent',
        ratingLastYear: 'good',
        achievements: 'Rà soát 12 thủ tục hành chính',
        discipline: null,
        initiatives: 2,
        proposedAward: 'bk-ca-nhan',
      },
    ]);

    const show = await cli('item', 'show', dir, '1.4.2');
    expect(show.out).toContain('0,85/1,00');

    const sub = join(tmp, `S02-${randomUUID()}.parscore`);
    const exported = await cli('submission', 'export', dir, 'S02', '--out', sub);
    expect(exported.code, exported.err).toBe(0);
    const haCopy = join(tmp, `snv-${randomUUID()}`);
    cpSync(ha, haCopy, { recursive: true });
    const imported = await cli('import', haCopy, sub);
    expect(imported.code, imported.err).toBe(0);
    expect(imported.out).toContain('✔');
    expect(imported.out).not.toContain('iso-9001 chưa');
  });

  it('re-saved by LibreOffice, imports to the same assessment as the openpyxl file', async () => {
    const filled = fill(blank, FILLED);
    const viaOpenpyxl = agencyCopy();
    expect((await cli('self-workbook', 'import', viaOpenpyxl, filled)).code).toBe(0);
    const viaLibreOffice = agencyCopy();
    const r = await cli('self-workbook', 'import', viaLibreOffice, resaveWithLibreOffice(filled));
    expect(r.code, r.err).toBe(0);
    const a = (await stored(viaOpenpyxl)).assessment!;
    const b = (await stored(viaLibreOffice)).assessment!;
    expect({ ...b, updatedAt: '' }).toEqual({ ...a, updatedAt: '' });
    expect((await stored(viaLibreOffice)).nominations).toEqual((await stored(viaOpenpyxl)).nominations);
  }, 180_000);

  it('an English workbook reads English numbers (1,675 is one thousand six hundred seventy-five); a Vietnamese one reads 1.675 so', async () => {
    const en = agencyCopy();
    const r = await cli(
      'self-workbook', 'import', en,
      fill(blankEn, [
        ['set', PAR, 'A', '1.1.1', 'F', 'Yes', null],
        ['set', 'Declared figures', 'A', 'KK01', 'E', '1,675', null],
        ['set', 'Declared figures', 'A', 'KK17', 'E', '82.5', null],
      ]),
      '--lang', 'en',
    );
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('1 items with a value');
    expect((await stored(en)).assessment?.indicators).toEqual({ KK01: 1675, KK17: 82.5 });

    const vi = agencyCopy();
    expect((await cli('self-workbook', 'import', vi, fill(blank, [['set', FIGURES, 'A', 'KK01', 'E', '1.675', null], ['set', FIGURES, 'A', 'KK17', 'E', '82,5', null]]))).code).toBe(0);
    expect((await stored(vi)).assessment?.indicators).toEqual({ KK01: 1675, KK17: 82.5 });
  });
});

describe('a workbook that cannot be taken is refused whole, by sheet, row, column and reason', () => {
  // Each case: the officer's edits, and what the message must say (sheet, row or column, reason).
  const cases: [string, Op[], (string | RegExp)[]][] = [
    ['a changed header', [['header', PAR, 'F', 'Điểm']], ['trang tính par-so · dòng 2 · cột F', '“Giá trị / Tử số”', '“Điểm”']],
    ['a value outside the rule', [...FILLED, ['set', PAR, 'A', '1.1.2', 'F', 5, null]], ['par-so', 'F', '1.1.2']],
    ['an unknown item code', [['append', PAR, ['9.9.9', null, null, null, null, 1]]], ['par-so', '“9.9.9”']],
    ['N/A where the item does not allow it', [['set', PAR, 'A', '1.1.1', 'F', 'kxd', null]], ['dòng 5 · cột F · mục 1.1.1', 'Tiêu chí 1.1.1 không được chọn “Không áp dụng”']],
    ['a yes/no figure typed 1', [['set', FIGURES, 'A', 'KK07', 'E', '1', null]], [`trang tính ${FIGURES} · dòng 9 · cột E · mục KK07`, 'Số liệu KK07 “Cơ chế một cửa đang vận hành” chỉ nhận Có hoặc Không; giá trị “1” không hợp lệ']],
    ['a count typed as a word', [['set', FIGURES, 'A', 'KK01', 'E', 'có', null]], [FIGURES, 'KK01', '“có”']],
    ['a negative count', [['set', FIGURES, 'A', 'KK01', 'E', -3, null]], [FIGURES, 'KK01', '-3']],
    ['a percentage over 100', [['set', FIGURES, 'A', 'KK17', 'E', 120, null]], [FIGURES, 'KK17', '120']],
    ['an unknown figure code', [['append', FIGURES, ['KK99', null, null, null, 5]]], [FIGURES, 'KK99']],
    ['a nomination without its birth year', [['append', INDIVIDUALS, ['CN1', 'Nguyễn Thị Lan', 'Nữ', null, 'Trưởng phòng', 'Phòng Hành chính tư pháp', 'HTXSNV', null, 'Rà soát', null, 0, 'bk-ca-nhan', null]]], [INDIVIDUALS, 'D', 'Năm sinh']],
    ['an evidence date that is no date', [['append', EVIDENCE, [PAR, '1.2', '7/BC-STP', '32/13/2026', null, null, null]]], [EVIDENCE, 'D', '32/13/2026']],
    ['a hidden sheet', [['hide', INDIVIDUALS]], [INDIVIDUALS, /ẩn/]],
    ['merged cells', [['merge', PAR, 'I5:J6']], ['par-so', 'I5:J6']],
    ['a formula', [['formula', PAR, 'F5', '=1/2']], ['trang tính par-so · dòng 5 · cột F', '=1/2']],
    ['a checklist sheet deleted', [['delete_sheet', ISO]], ['iso-9001']],
    ['100,000 rows', [['fill_rows', FIGURES, 100_000]], [FIGURES, 'A1:E100021 (100.021 dòng, 5 cột), vượt giới hạn 20.000 dòng']],
    ['a nominee name with U+202E', [['append', INDIVIDUALS, ['CN1', 'Nguyễn Thị \u202ELan', 'Nữ', 1985, 'Trưởng phòng', 'Phòng Hành chính tư pháp', 'HTXSNV', null, 'Rà soát', null, 0, 'bk-ca-nhan', null]]], [INDIVIDUALS, 'cột B', 'U+202E']],
    ['an explanation with a right-to-left isolate', [['set', PAR, 'A', '1.2', 'J', 'Báo cáo\u2067', null]], ['trang tính par-so · dòng', 'cột J · mục 1.2', 'U+2067']],
    ['an evidence date in 1999', [['append', EVIDENCE, [PAR, '1.2', '7/BC-STP', '12/03/1999', null, null, null]]], [EVIDENCE, 'D', 'Ngày 12/03/1999 nằm ngoài khoảng ngày hợp lý (từ 01/01/2000 đến']],
  ];

  let dir: string;
  beforeAll(async () => {
    // Entries already stored, which a refused workbook must leave as they are.
    dir = agencyCopy();
    expect((await cli('self-workbook', 'import', dir, fill(blank, FILLED))).code).toBe(0);
  }, 60_000);

  it.each(cases)('%s', async (_name, ops, says) => {
    const file = fill(blank, ops);
    const before = folderHash(dir);
    const r = await cli('self-workbook', 'import', dir, file);
    expect(r.code, r.out).toBe(1);
    for (const s of says) {
      if (typeof s === 'string') expect(r.err).toContain(s);
      else expect(r.err).toMatch(s);
    }
    expect(r.err).toContain(file.split('/').pop()!);
    expect(r.err).toContain('Chưa nhập gì: bản tự đánh giá giữ nguyên.');
    expect(r.err).not.toMatch(/undefined|TypeError|Cannot read/);
    expect(folderHash(dir)).toBe(before);
  }, 120_000);

  it('a file that is not a workbook, and a missing file', async () => {
    const junk = join(tmp, 'khong-phai.xlsx');
    writeFileSync(junk, 'Đây không phải tệp Excel');
    const before = folderHash(dir);
    const r = await cli('self-workbook', 'import', dir, junk);
    expect(r.code).toBe(1);
    expect(r.err).toContain('khong-phai.xlsx');
    expect(r.err).not.toMatch(/undefined|TypeError/);
    const missing = await cli('self-workbook', 'import', dir, join(tmp, 'khong-co.xlsx'));
    expect(missing.code).toBe(3);
    expect(missing.err).toContain('Không tìm thấy tệp');
    expect(folderHash(dir)).toBe(before);
  });
});
