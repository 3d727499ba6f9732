/**
 * The survey forms from `parscore survey form`, filled in and saved again by programs other than
 * exceljs (openpyxl, LibreOffice), imported with `parscore survey import` into a Home Affairs
 * workspace with the real templates (departments, districts and communes share question codes with
 * different questions); and damaged or foreign files, refused in Vietnamese with nothing stored.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import yazl from 'yazl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkspaceStore } from '../../electron/services/store/workspace.ts';
import { cli, folderHash } from '../cli/run.ts';
import { edit, toBuffer } from './helpers.ts';

const PYTHON = '/usr/bin/python3';
const FILL = join(import.meta.dirname, 'fill_survey.py');

const tmp = mkdtempSync(join(tmpdir(), 'parscore-survey-resaved-'));
const demo = join(tmp, 'so-noi-vu');
const scoresForm = join(tmp, 'mau-ty-le.xlsx');
const answersForm = join(tmp, 'mau-phieu.xlsx');
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

beforeAll(async () => {
  // Two departments (par-so), one district (par-huyen), three communes (par-xa), with the signing key.
  const d = await cli('demo', demo, '--agencies', '6', '--seed', '3', '--submissions', join(tmp, 'ho-so'));
  expect(d.code, d.err).toBe(0);
  for (const [mode, out] of [
    ['scores', scoresForm],
    ['answers', answersForm],
  ] as const) {
    const r = await cli('survey', 'form', demo, '--out', out, '--mode', mode);
    expect(r.code, r.err).toBe(0);
  }
}, 120_000);

/** A fresh copy of the demo workspace, so that each import starts from nothing stored. */
function workspace(): string {
  const dir = join(tmp, `ws-${randomUUID()}`);
  cpSync(demo, dir, { recursive: true });
  return dir;
}

async function storedSurvey(dir: string) {
  const ws = await WorkspaceStore.openReadOnly(dir);
  try {
    return await ws.readSurvey();
  } finally {
    await ws.close();
  }
}

interface FillSpec {
  scores?: [string, string, string | number, string | null][];
  answers?: (string | null)[][];
  note?: [number, string, string];
  keep?: string[];
}

/** Fills a form in with openpyxl and saves it; returns the saved file's zip part names. */
function fillWithOpenpyxl(src: string, dst: string, spec: FillSpec): string[] {
  return JSON.parse(execFileSync(PYTHON, [FILL, src, dst, JSON.stringify(spec)], { encoding: 'utf8' })) as string[];
}

/** Saves files again with LibreOffice Calc, all in one run (each run takes seconds), with a profile of its own. */
function resaveWithLibreOffice(files: string[], outDir: string): void {
  const profile = join(tmpdir(), `lo-${randomUUID()}`);
  mkdirSync(outDir, { recursive: true });
  try {
    execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'xlsx', '--outdir', outDir, ...files], { stdio: 'pipe', timeout: 180_000 });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

function zipText(file: string, part: string): string {
  return execFileSync(PYTHON, ['-c', 'import sys, zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]).decode("utf8"))', file, part], { encoding: 'utf8' });
}

/** The cell of an agency × question on the exceljs-read scores form (the row of the code, the column headed "<code>. …"). */
function scoresCell(wb: ExcelJS.Workbook, agency: string, code: string): ExcelJS.Cell {
  for (const ws of wb.worksheets) {
    for (let r = 3; r <= ws.rowCount; r++) {
      if (ws.getCell(r, 2).value !== agency) continue;
      for (let c = 4; c <= ws.columnCount; c++) if (String(ws.getCell(2, c).value).startsWith(`${code}. `)) return ws.getCell(r, c);
      throw new Error(`no column ${code} on ${ws.name}`);
    }
  }
  throw new Error(`no row ${agency}`);
}

const SCORES: FillSpec['scores'] = [
  ['S01', '8.1', 85, null],
  ['S02', '8.3', '90,5', null],
  ['H01', '9.4.2', 72.25, null],
  ['X002', '8.1', 66, null],
  ['X003', '8.2', 0.75, '0%'],
];
const SCORES_STORED = { S01: { '8.1': 85 }, S02: { '8.3': 90.5 }, H01: { '9.4.2': 72.25 }, X002: { '8.1': 66 }, X003: { '8.2': 75 } };
/** Types SCORES into the exceljs-read percent form. */
function fillScores(wb: ExcelJS.Workbook): void {
  for (const [agency, code, value, fmt] of SCORES ?? []) {
    const cell = scoresCell(wb, agency, code);
    cell.value = value;
    // A style of its own: exceljs shares one style object between cells read with the same style.
    if (fmt) cell.style = { ...cell.style, numFmt: fmt };
  }
}

const ANSWERS = [
  ['P1', 'Người dân', 'X001', '8.1', 'A'],
  ['P2', 'Người dân', 'X001', '8.1', 'B'],
  ['P1', 'Người dân', 'X001', '8.2', 'C'],
  ['P1', 'Doanh nghiệp', 'S01', '8.3', 'a'],
];
const ANSWERS_STORED = { X001: { '8.1': 80, '8.2': 20 }, S01: { '8.3': 100 } };

async function importInto(dir: string, file: string) {
  const r = await cli('survey', 'import', dir, file);
  expect(r.code, r.err).toBe(0);
  return storedSurvey(dir);
}

describe('survey forms saved again by other programs', () => {
  it('the percent form filled in with openpyxl, with a note added, imports and stores the percents', async () => {
    const filled = join(tmp, 'ty-le-openpyxl.xlsx');
    const parts = fillWithOpenpyxl(scoresForm, filled, { scores: SCORES, note: [0, 'C3', 'Đã đối chiếu với phiếu gốc'] });
    // openpyxl keeps notes under its own part names, reached by absolute paths: what broke the import.
    expect(parts).toContain('xl/comments/comment1.xml');
    expect(zipText(filled, 'xl/worksheets/_rels/sheet1.xml.rels')).toContain('Target="/xl/comments/comment1.xml"');
    const dir = workspace();
    const s = await importInto(dir, filled);
    expect(s?.results).toEqual(SCORES_STORED);
    expect(s?.sources.map((x) => [x.file, x.mode, x.rows])).toEqual([['ty-le-openpyxl.xlsx', 'scores', 6]]);
  });

  it('the answer form filled in with openpyxl imports and stores the means and respondents', async () => {
    const filled = join(tmp, 'phieu-openpyxl.xlsx');
    fillWithOpenpyxl(answersForm, filled, { answers: ANSWERS, note: [0, 'F3', 'Phiếu viết tay'] });
    const dir = workspace();
    const s = await importInto(dir, filled);
    expect(s?.results).toEqual(ANSWERS_STORED);
    expect(s?.respondents).toEqual({ X001: 2, S01: 1 });
  });

  it('both forms filled in and saved again by LibreOffice Calc import', async () => {
    const src = join(tmp, 'lo-src');
    mkdirSync(src, { recursive: true });
    const scores = join(src, 'ty-le-lo.xlsx');
    const answers = join(src, 'phieu-lo.xlsx');
    writeFileSync(
      scores,
      await edit(readFileSync(scoresForm), (wb) => {
        fillScores(wb);
        const ws = wb.worksheets[0];
        if (ws) ws.getCell('C3').note = 'Đã đối chiếu với phiếu gốc';
      }),
    );
    writeFileSync(
      answers,
      await edit(readFileSync(answersForm), (wb) => {
        const ws = wb.worksheets[0];
        if (!ws) throw new Error('no sheet');
        ANSWERS.forEach((row, i) => row.forEach((v, j) => (ws.getCell(3 + i, 2 + j).value = v)));
      }),
    );
    const out = join(tmp, 'lo-out');
    resaveWithLibreOffice([scores, answers], out);
    const resaved = join(out, 'ty-le-lo.xlsx');
    expect(zipText(resaved, 'docProps/app.xml')).toContain('LibreOffice');

    const dir = workspace();
    expect((await importInto(dir, resaved))?.results).toEqual(SCORES_STORED);
    const dir2 = workspace();
    const s = await importInto(dir2, join(out, 'phieu-lo.xlsx'));
    expect(s?.results).toEqual(ANSWERS_STORED);
    expect(s?.respondents).toEqual({ X001: 2, S01: 1 });
  }, 240_000);

  it('the percent form opened and saved again by exceljs imports', async () => {
    const once = await edit(readFileSync(scoresForm), (wb) => {
      fillScores(wb);
    });
    const file = join(tmp, 'ty-le-exceljs.xlsx');
    writeFileSync(file, await edit(once, () => {}));
    expect((await importInto(workspace(), file))?.results).toEqual(SCORES_STORED);
  });
});

describe('each agency group sees its own template’s questions', () => {
  it('the percent form has a sheet per group, headed by that group’s question titles', () => {
    // Read by openpyxl, independently of exceljs.
    const script = String.raw`
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
print(json.dumps({ws.title: {"headers": [c.value for c in ws[2]], "agencies": [ws.cell(r, 2).value for r in range(3, ws.max_row + 1) if ws.cell(r, 2).value]} for ws in wb.worksheets[:-1]}, ensure_ascii=False))`;
    const sheets = JSON.parse(execFileSync(PYTHON, ['-c', script, scoresForm], { encoding: 'utf8' })) as Record<string, { headers: string[]; agencies: string[] }>;
    const head = ['STT', 'Mã cơ quan, đơn vị', 'Tên cơ quan, đơn vị'];
    expect(sheets).toEqual({
      'Kết quả ĐTXHH - Sở, ban, ngành': {
        headers: [
          ...head,
          '8.1. Lãnh đạo Ủy ban nhân dân cấp xã đánh giá',
          '8.2. Người dân, doanh nghiệp đánh giá chất lượng phục vụ',
          '8.3. Công chức, viên chức trong đơn vị đánh giá',
        ],
        agencies: ['S01', 'S02'],
      },
      'Kết quả ĐTXHH - UBND cấp huyện': {
        headers: [
          ...head,
          '9.4.1. Đại biểu Hội đồng nhân dân, lãnh đạo cơ quan chuyên môn và lãnh đạo Ủy ban nhân dân cấp xã đánh giá',
          '9.4.2. Người dân, tổ chức đánh giá',
        ],
        agencies: ['H01'],
      },
      'Kết quả ĐTXHH - UBND cấp xã': {
        headers: [...head, '8.1. Người dân đánh giá tại Bộ phận Một cửa', '8.2. Cán bộ, công chức và người đứng đầu thôn, tổ dân phố đánh giá'],
        agencies: ['X001', 'X002', 'X003'],
      },
    });
  });
});

describe('damaged or foreign files are refused in Vietnamese, and nothing is stored', () => {
  const cases: [string, () => Promise<Buffer> | Buffer, string][] = [
    ['an empty file', () => Buffer.alloc(0), 'Tệp rỗng (0 byte), không có nội dung nào; hãy chép lại tệp từ bản gốc.'],
    [
      'a CSV renamed to .xlsx',
      () => Buffer.from('Mã cơ quan;8.1\nS01;85\n', 'utf8'),
      'Tệp không phải tệp Excel .xlsx (có thể là tệp CSV, PDF, văn bản hoặc ảnh được đổi đuôi thành .xlsx). Hãy mở tệp bằng Excel và lưu dưới dạng Excel Workbook (.xlsx).',
    ],
    [
      'an old .xls workbook',
      () => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(4096)]),
      'Tệp là bảng tính Excel 97–2003 (.xls) hoặc tệp Excel có đặt mật khẩu mở; chỉ đọc được tệp .xlsx không đặt mật khẩu. Hãy mở tệp bằng Excel, bỏ mật khẩu nếu có, rồi lưu dưới dạng Excel Workbook (.xlsx).',
    ],
    [
      'the form cut short (a copy that did not finish)',
      () => {
        const b = readFileSync(scoresForm);
        return b.subarray(0, Math.floor(b.length / 2));
      },
      'Tệp Excel bị hỏng hoặc không đầy đủ (có thể chép hoặc tải về chưa xong). Hãy chép lại tệp từ bản gốc, hoặc mở bằng Excel rồi lưu lại.',
    ],
    [
      'a zip that is no workbook',
      () =>
        new Promise<Buffer>((resolve) => {
          const z = new yazl.ZipFile();
          z.addBuffer(Buffer.from('<w:document/>'), 'word/document.xml');
          const chunks: Buffer[] = [];
          z.outputStream.on('data', (c: Buffer) => chunks.push(c));
          z.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
          z.end();
        }),
      'Tệp là tệp nén nhưng không phải bảng tính Excel (có thể là tệp Word .docx, PowerPoint .pptx hoặc tệp .zip được đổi đuôi). Hãy chọn đúng tệp bảng tính Excel (.xlsx).',
    ],
    [
      'another workbook (a budget)',
      async () => {
        const wb = new ExcelJS.Workbook();
        const ws = wb.addWorksheet('Dự toán');
        ws.addRows([
          ['DỰ TOÁN KINH PHÍ CẢI CÁCH HÀNH CHÍNH NĂM 2025'],
          ['Khoản mục', 'Số tiền (đồng)'],
          ['Tập huấn', 12_000_000],
        ]);
        return toBuffer(wb);
      },
      'Tệp không có bảng kết quả điều tra xã hội học: trong 10 dòng đầu của trang tính "Dự toán" không có dòng tiêu đề nào có cột "Mã cơ quan, đơn vị" cùng các cột mã câu hỏi (bảng tỷ lệ %) hoặc các cột "Mã câu hỏi" và "Phương án trả lời" (bảng phiếu trả lời). Hãy kiểm tra lại đã chọn đúng tệp chưa.',
    ],
  ];

  it.each(cases)('%s', async (_name, make, message) => {
    const dir = workspace();
    const file = join(tmp, `hong-${randomUUID().slice(0, 8)}.xlsx`);
    writeFileSync(file, await make());
    const before = folderHash(dir);
    const r = await cli('survey', 'import', dir, file);
    expect(r.code).toBe(1);
    const name = file.split('/').at(-1) ?? '';
    expect(r.err).toBe(`Có 1 lỗi:\n  ✖ tệp ${name}: ${message}`);
    expect(r.err).not.toMatch(/Cannot read|undefined|Error|zip file|central directory|signature|JSZip/i);
    expect(folderHash(dir)).toBe(before);
  });

  it('the agency list form given for the survey names the sheet and row it looked at', async () => {
    const dir = workspace();
    const file = join(tmp, 'danh-sach.xlsx');
    const f = await cli('campaign', 'agencies-form', '--out', file);
    expect(f.code, f.err).toBe(0);
    const before = folderHash(dir);
    const r = await cli('survey', 'import', dir, file);
    expect(r.code).toBe(1);
    expect(r.err).toContain(
      'tệp danh-sach.xlsx · trang tính Danh sách cơ quan · dòng 2: Không nhận ra dạng bảng: bảng tỷ lệ % cần cột "Mã cơ quan, đơn vị" và các cột mang mã câu hỏi',
    );
    expect(folderHash(dir)).toBe(before);
  });

  it('the form with its data sheets deleted (only the guide left) says so', async () => {
    const dir = workspace();
    const file = join(tmp, 'chi-con-huong-dan.xlsx');
    fillWithOpenpyxl(scoresForm, file, { keep: ['Hướng dẫn'] });
    const before = folderHash(dir);
    const r = await cli('survey', 'import', dir, file);
    expect(r.code).toBe(1);
    expect(r.err).toBe(
      'Có 1 lỗi:\n  ✖ tệp chi-con-huong-dan.xlsx: Tệp chỉ còn trang tính "Hướng dẫn" của mẫu, trang tính ghi kết quả đã bị xoá. Hãy ghi kết quả vào trang tính nhập số liệu của mẫu (hoặc tải lại mẫu) rồi nhập lại.',
    );
    expect(folderHash(dir)).toBe(before);
  });

  it('a form with a damaged part inside the zip', async () => {
    const dir = workspace();
    const file = join(tmp, 'hong-ben-trong.xlsx');
    const bytes = Buffer.from(readFileSync(scoresForm));
    // Scramble the compressed data of the first sheet: the zip's directory is intact, a part is not.
    const at = bytes.indexOf('xl/worksheets/sheet1.xml') + 'xl/worksheets/sheet1.xml'.length;
    for (let i = at + 10; i < at + 200; i++) bytes[i] = (bytes[i] ?? 0) ^ 0x5a;
    writeFileSync(file, bytes);
    const before = folderHash(dir);
    const r = await cli('survey', 'import', dir, file);
    expect(r.code).toBe(1);
    expect(r.err).toBe(
      'Có 1 lỗi:\n  ✖ tệp hong-ben-trong.xlsx: Tệp Excel bị hỏng hoặc không đầy đủ (có thể chép hoặc tải về chưa xong). Hãy chép lại tệp từ bản gốc, hoặc mở bằng Excel rồi lưu lại.',
    );
    expect(r.err).not.toMatch(/Cannot read|undefined|Error|zip|central directory|signature|invalid|CRC/i);
    expect(folderHash(dir)).toBe(before);
  });
});
