/**
 * The zip of a workbook written by another program, tidied so that exceljs can read it: openpyxl
 * links notes and tables by absolute paths under its own part names, which exceljs 4.4 cannot
 * resolve ("Cannot read properties of undefined (reading 'comments')", "… (reading 'name')").
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yazl from 'yazl';
import { afterAll, describe, expect, it } from 'vitest';
import { readAgencyListXlsx, readSurveyXlsx } from '../../electron/services/xlsx-import/index.ts';
import { tidyRels } from '../../electron/services/xlsx-import/package.ts';
import { onlyIssue, surveyContext, valueOf } from './helpers.ts';

const PYTHON = '/usr/bin/python3';
const tmp = mkdtempSync(join(tmpdir(), 'parscore-xlsx-package-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Runs an openpyxl script that saves a workbook to sys.argv[1]; returns the file's bytes. */
function openpyxlBook(name: string, script: string): Buffer {
  const file = join(tmp, name);
  execFileSync(PYTHON, ['-c', `import sys, openpyxl\n${script}`, file]);
  return readFileSync(file);
}

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

describe('links of a sheet, as exceljs can resolve them', () => {
  it('drops the links to notes and their drawing, makes absolute paths relative, leaves web links alone', () => {
    const xml =
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Type="${REL}/hyperlink" Target="https://dichvucong.gov.vn/" TargetMode="External" Id="rId1"/>` +
      `<Relationship Type="${REL}/table" Target="/xl/tables/table1.xml" Id="rId2"/>` +
      `<Relationship Type="${REL}/comments" Target="/xl/comments/comment1.xml" Id="comments"/>` +
      `<Relationship Type="${REL}/vmlDrawing" Target="/xl/drawings/commentsDrawing1.vml" Id="anysvml"></Relationship>` +
      `</Relationships>`;
    expect(tidyRels(xml, 'xl/worksheets', true)).toBe(
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Type="${REL}/hyperlink" Target="https://dichvucong.gov.vn/" TargetMode="External" Id="rId1"/>` +
        `<Relationship Type="${REL}/table" Target="../tables/table1.xml" Id="rId2"/>` +
        `</Relationships>`,
    );
  });

  it('leaves links exceljs resolves untouched (undefined: the file is read as it is)', () => {
    const xml = `<Relationships><Relationship Id='rId1' Type='${REL}/comments' Target='../comments1.xml'/></Relationships>`;
    expect(tidyRels(xml, 'xl/drawings', false)).toBeUndefined();
    expect(tidyRels(`<Relationships><Relationship Id="rId1" Type="${REL}/image" Target="../media/image1.png"/></Relationships>`, 'xl/drawings', false)).toBeUndefined();
  });
});

describe('workbooks saved by openpyxl', () => {
  it('a survey table formatted as an Excel table, with a web link and a note, imports', async () => {
    const buf = openpyxlBook(
      'bang.xlsx',
      String.raw`
from openpyxl.worksheet.table import Table
from openpyxl.comments import Comment
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Kết quả"
for row in [["Mã cơ quan, đơn vị", "8.1", "8.2"], ["SNV", 80, 91.5], ["STC", 70, None]]:
    ws.append(row)
ws.add_table(Table(displayName="KetQua", ref="A1:C3"))
ws["A2"].hyperlink = "https://dichvucong.gov.vn"
ws["B2"].comment = Comment("Theo phiếu tổng hợp", "Nguyễn Văn An")
wb.save(sys.argv[1])`,
    );
    expect(valueOf(await readSurveyXlsx(buf, 'bang.xlsx', surveyContext())).results).toEqual({ SNV: { '8.1': 80, '8.2': 91.5 }, STC: { '8.1': 70 } });
  });

  it('an agency list with a note imports too (the same loader)', async () => {
    const buf = openpyxlBook(
      'ds.xlsx',
      String.raw`
from openpyxl.comments import Comment
wb = openpyxl.Workbook()
ws = wb.active
for row in [["Mã", "Tên cơ quan, đơn vị", "Nhóm"], ["SNV", "Sở Nội vụ", "Sở"], ["X01", "UBND xã Phong Phú", "Xã"]]:
    ws.append(row)
ws["B3"].comment = Comment("Tên theo Nghị quyết sáp nhập", "Nguyễn Văn An")
wb.save(sys.argv[1])`,
    );
    expect(valueOf(await readAgencyListXlsx(buf, 'ds.xlsx', { model: 'two-tier' }))).toEqual([
      { code: 'SNV', name: 'Sở Nội vụ', group: 'department', parent: null },
      { code: 'X01', name: 'UBND xã Phong Phú', group: 'commune', parent: null },
    ]);
  });
});

describe('files that are not .xlsx workbooks', () => {
  it('an OpenDocument spreadsheet (.ods) renamed to .xlsx', async () => {
    const ods = await new Promise<Buffer>((resolve) => {
      const z = new yazl.ZipFile();
      z.addBuffer(Buffer.from('application/vnd.oasis.opendocument.spreadsheet'), 'mimetype', { compress: false });
      z.addBuffer(Buffer.from('<office:document-content/>'), 'content.xml');
      const chunks: Buffer[] = [];
      z.outputStream.on('data', (c: Buffer) => chunks.push(c));
      z.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
      z.end();
    });
    const i = onlyIssue(await readSurveyXlsx(ods, 'ket-qua.xlsx', surveyContext()));
    expect(i.vi).toBe('tệp ket-qua.xlsx: Tệp là bảng tính OpenDocument (.ods); hãy mở bằng LibreOffice hoặc Excel và lưu dưới dạng Excel Workbook (.xlsx).');
  });
});
