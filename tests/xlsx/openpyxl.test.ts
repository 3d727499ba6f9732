/**
 * An exported workbook read by an independent reader: Python's openpyxl (Debian python3-openpyxl).
 * Checks what a person opening the file would see: sheet names, headers, Vietnamese text, numbers
 * stored as numbers, formula-looking text stored as text, frozen header, fonts and wrapping.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeTemplateXlsx } from '../../electron/services/template-xlsx/index.ts';
import { FULL, TRICKY, valid } from './fixtures.ts';

const PYTHON = '/usr/bin/python3';

// Prints, as JSON, every sheet's name, frozen cell, and each non-empty cell with its type and style.
const SCRIPT = String.raw`
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = {"sheets": wb.sheetnames, "data": {}}
for ws in wb.worksheets:
    cells = {}
    for row in ws.iter_rows():
        for c in row:
            if c.value is None:
                continue
            cells[c.coordinate] = {
                "v": c.value, "t": c.data_type, "font": c.font.name, "bold": bool(c.font.b),
                "wrap": bool(c.alignment.wrap_text), "fmt": c.number_format,
            }
    widths = {k: d.width for k, d in ws.column_dimensions.items()}
    out["data"][ws.title] = {"freeze": ws.freeze_panes, "cells": cells, "widths": widths,
                             "validations": [str(dv.sqref) for dv in ws.data_validations.dataValidation]}
print(json.dumps(out, ensure_ascii=False))
`;

interface CellInfo {
  v: string | number | boolean;
  t: string;
  font: string;
  bold: boolean;
  wrap: boolean;
  fmt: string;
}
interface SheetInfo {
  freeze: string | null;
  cells: Record<string, CellInfo>;
  widths: Record<string, number>;
  validations: string[];
}
interface Dump {
  sheets: string[];
  data: Record<string, SheetInfo>;
}

let dir = '';
function readWithOpenpyxl(buf: Buffer, name: string): Dump {
  const file = path.join(dir, name);
  writeFileSync(file, buf);
  const json = execFileSync(PYTHON, ['-c', SCRIPT, file], { encoding: 'utf8' });
  return JSON.parse(json) as Dump;
}

function sheetOf(d: Dump, name: string): SheetInfo {
  const s = d.data[name];
  if (!s) throw new Error(`openpyxl found no sheet ${name}; sheets: ${d.sheets.join(', ')}`);
  return s;
}

function cell(s: SheetInfo, address: string): CellInfo {
  const c = s.cells[address];
  if (!c) throw new Error(`cell ${address} is empty`);
  return c;
}

function headerRow(s: SheetInfo): (string | number | boolean)[] {
  const out: (string | number | boolean)[] = [];
  for (let i = 0; i < 26; i++) {
    const c = s.cells[`${String.fromCharCode(65 + i)}1`];
    if (!c) break;
    out.push(c.v);
  }
  return out;
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'parscore-openpyxl-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('an exported workbook opened by openpyxl', () => {
  let vi: Dump;
  let en: Dump;
  beforeAll(async () => {
    vi = readWithOpenpyxl(await writeTemplateXlsx(valid(FULL)), 'bo-chi-so.xlsx');
    en = readWithOpenpyxl(await writeTemplateXlsx(valid(FULL), { lang: 'en' }), 'template-en.xlsx');
  });

  it('has the five sheets, named in Vietnamese by default and in English on request', () => {
    expect(vi.sheets).toEqual(['Thông tin', 'Tiêu chí', 'Số liệu kê khai', 'Điểm thưởng, trừ', 'Hướng dẫn']);
    expect(en.sheets).toEqual(['Information', 'Criteria', 'Declared figures', 'Bonus and penalty', 'Guide']);
  });

  it('has the documented header rows, bold and frozen', () => {
    const items = sheetOf(vi, 'Tiêu chí');
    expect(headerRow(items)).toEqual([
      'Mã', 'Mã cha', 'Cấp', 'Tên tiêu chí', 'Tên tiêu chí (tiếng Anh)', 'Điểm tối đa', 'Loại quy tắc', 'Tham số',
      'Cho phép KAD', 'ĐTXHH', 'Cách tính điểm', 'Cách tính điểm (tiếng Anh)', 'Tài liệu kiểm chứng',
      'Tài liệu kiểm chứng (tiếng Anh)', 'Điều khoản ISO', 'Giai đoạn ISO',
    ]);
    expect(headerRow(sheetOf(vi, 'Thông tin'))).toEqual(['Thông tin', 'Giá trị']);
    expect(headerRow(sheetOf(vi, 'Số liệu kê khai'))).toEqual(['Mã', 'Tên số liệu', 'Tên số liệu (tiếng Anh)', 'Kiểu', 'Đơn vị tính', 'Cách tổng hợp', 'Giá trị nhỏ nhất', 'Giá trị lớn nhất', 'Mã tiêu chí', 'Bộ tiêu chí của mục']);
    expect(headerRow(sheetOf(vi, 'Điểm thưởng, trừ'))).toEqual(['Loại', 'Mã', 'Nội dung', 'Nội dung (tiếng Anh)', 'Điểm tối đa']);
    expect(headerRow(sheetOf(en, 'Criteria')).slice(0, 8)).toEqual(['Code', 'Parent code', 'Level', 'Title (Vietnamese)', 'Title (English)', 'Max points', 'Rule type', 'Parameters']);
    for (const name of ['Thông tin', 'Tiêu chí', 'Số liệu kê khai', 'Điểm thưởng, trừ']) {
      const s = sheetOf(vi, name);
      expect(s.freeze, name).toBe('A2');
      expect(cell(s, 'A1')).toMatchObject({ bold: true, font: 'Times New Roman' });
    }
  });

  it('keeps Vietnamese diacritics exactly', () => {
    const info = sheetOf(vi, 'Thông tin');
    expect(cell(info, 'A4').v).toBe('Tên bộ tiêu chí');
    expect(cell(info, 'B4').v).toBe('Bộ chỉ số CCHC các sở, ban, ngành năm 2025');
    expect(cell(info, 'B8').v).toBe('Ủy ban nhân dân tỉnh Mẫu');
    expect(cell(info, 'B7').v).toBe('15/03/2025');
    const items = sheetOf(vi, 'Tiêu chí');
    expect(cell(items, 'D2').v).toBe('Công tác chỉ đạo, điều hành CCHC');
    expect(cell(items, 'G4').v).toBe('Theo mức %');
    expect(cell(items, 'H4').v).toBe('100: 3; 80: 1,5; 0: 0');
    expect(cell(items, 'H6').v).toBe('mỗi lần: 0,25');
  });

  it('stores points and levels as numbers, codes as text', () => {
    const items = sheetOf(vi, 'Tiêu chí');
    expect(cell(items, 'F2')).toMatchObject({ v: 12, t: 'n' });
    expect(cell(items, 'F4')).toMatchObject({ v: 3, t: 'n' });
    expect(cell(items, 'C3')).toMatchObject({ v: 2, t: 'n' });
    expect(cell(items, 'A3')).toMatchObject({ v: '1.1', t: 's', fmt: '@' });
    expect(cell(sheetOf(vi, 'Điểm thưởng, trừ'), 'E3')).toMatchObject({ v: 1.5, t: 'n' });
    expect(cell(sheetOf(vi, 'Thông tin'), 'B11')).toMatchObject({ v: 20, t: 'n' });
  });

  it('uses Times New Roman, wraps long text and gives the text columns room', () => {
    const items = sheetOf(vi, 'Tiêu chí');
    expect(cell(items, 'D3')).toMatchObject({ font: 'Times New Roman', wrap: true });
    expect(items.widths.D).toBeGreaterThanOrEqual(40);
    expect(items.widths.A).toBeLessThan(items.widths.D ?? 0);
  });

  it('offers drop-down lists for the rule type and the yes/no columns', () => {
    const items = sheetOf(vi, 'Tiêu chí');
    expect(items.validations.some((r) => r.startsWith('G2:G'))).toBe(true);
    expect(items.validations.some((r) => r.startsWith('I2:I'))).toBe(true);
  });

  it('writes the guide with every rule type', () => {
    const guide = sheetOf(vi, 'Hướng dẫn');
    const texts = Object.values(guide.cells).map((c) => String(c.v));
    for (const word of ['Có/Không', 'Theo mức %', 'Tỷ lệ', 'Trừ theo số lần', 'Chấm trực tiếp', 'Điều tra XHH', 'Công thức']) {
      expect(texts.some((s) => s.startsWith(word)), word).toBe(true);
    }
    expect(texts).toContain('100: 3; 80: 1,5; 0: 0');
  });
});

describe('text that looks like a formula, opened by openpyxl', () => {
  it('is stored as a plain text cell, never as a formula', async () => {
    const d = readWithOpenpyxl(await writeTemplateXlsx(valid(TRICKY)), 'tricky.xlsx');
    const info = sheetOf(d, 'Thông tin');
    expect(cell(info, 'B4')).toMatchObject({ v: '=SUM(A1:A9)', t: 's' });
    expect(cell(info, 'B5')).toMatchObject({ v: '+1 (555) 0100', t: 's' });
    expect(cell(info, 'B6')).toMatchObject({ v: '-15/QĐ', t: 's' });
    expect(cell(info, 'B8')).toMatchObject({ v: '@UBND', t: 's' });
    const items = sheetOf(d, 'Tiêu chí');
    expect(cell(items, 'M2')).toMatchObject({ v: '=HYPERLINK("file:///etc/passwd")', t: 's' });
    const all = Object.values(d.data).flatMap((s) => Object.values(s.cells));
    expect(all.filter((c) => c.t === 'f')).toEqual([]);
  });
});
