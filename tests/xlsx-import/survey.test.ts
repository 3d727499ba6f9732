import { describe, expect, it } from 'vitest';
import { readSurveyXlsx, surveyItemsOfTemplate, writeSurveyForm } from '../../electron/services/xlsx-import/index.ts';
import { SurveyResultsV1, TemplateV2 } from '../../shared/schema/index.ts';
import { AGENCIES, bookOf, edit, issuesOf, loadWorkbook, onlyIssue, sheetOf, surveyContext, valueOf } from './helpers.ts';

const CTX = surveyContext();

describe('survey scores: one row per agency, a column per survey question', () => {
  it('reads a province sheet: title, reordered columns, comma decimals, "%" and a percent-formatted cell', async () => {
    const buf = await sheetOf(
      [
        ['STT', 'Tên cơ quan, đơn vị', '8.2', 'Mã cơ quan, đơn vị', 8.1, 'Câu 7.1', '7.2 (%)', 'Ghi chú'],
        [1, 'Sở Nội vụ', '85,5', 'SNV', 85, null, null, null],
        [2, 'Sở Tài chính', 0.575, 'STC', '90%', null, null, 'đã khảo sát'],
        [3, 'UBND huyện Tân Lạc', null, 'H01', 70.25, null, null, null],
        [4, 'UBND xã Phong Phú', null, 'x0101', null, 60, '75,25 %', null],
        [5, 'UBND thị trấn Mãn Đức', null, 'X0102', null, null, null, 'chưa khảo sát'],
      ],
      {
        title: 'KẾT QUẢ ĐIỀU TRA XÃ HỘI HỌC NĂM 2024',
        fmt: (ws) => {
          ws.getCell('C5').numFmt = '0.0%';
        },
      },
    );
    const got = valueOf(await readSurveyXlsx(buf, 'dtxhh.xlsx', CTX));
    expect(got).toEqual({
      mode: 'scores',
      results: {
        SNV: { '8.1': 85, '8.2': 85.5 },
        // 0.575 shown as 57.5%: exactly 57.5, not 0.575 × 100 = 57.49999999999999.
        STC: { '8.1': 90, '8.2': 57.5 },
        H01: { '8.1': 70.25 },
        X0101: { '7.1': 60, '7.2': 75.25 },
      },
      respondents: {},
      rows: 5,
    });
    expect(SurveyResultsV1.safeParse({ kind: 'parscore.survey', schemaVersion: 1, campaign: 'cchc-2024', results: got.results }).success).toBe(true);
  });

  it('reads a two-line header: agency columns merged down, question codes under a merged group title', async () => {
    const buf = await sheetOf(
      [
        ['Mã cơ quan, đơn vị', 'Tên cơ quan, đơn vị', 'Chỉ số hài lòng (%)', null],
        [null, null, '8.1', '8.2'],
        ['SNV', 'Sở Nội vụ', 91, 92.5],
      ],
      {
        fmt: (ws) => {
          ws.mergeCells('A1:A2');
          ws.mergeCells('B1:B2');
          ws.mergeCells('C1:D1');
        },
      },
    );
    expect(valueOf(await readSurveyXlsx(buf, 'd.xlsx', CTX)).results).toEqual({ SNV: { '8.1': 91, '8.2': 92.5 } });
  });

  it('reads English headers, and agencies given by name', async () => {
    const buf = await sheetOf([
      ['Agency code', 'Agency name', '8.1', '8.2'],
      ['SNV', null, 80, 90],
      [null, 'Sở Tài chính', 70, null],
    ]);
    expect(valueOf(await readSurveyXlsx(buf, 'en.xlsx', CTX)).results).toEqual({ SNV: { '8.1': 80, '8.2': 90 }, STC: { '8.1': 70 } });
  });

  it('an unknown agency code', async () => {
    const buf = await sheetOf([
      ['Mã cơ quan, đơn vị', '8.1'],
      ['SNV', 80],
      ['SXD', 75],
    ]);
    const i = onlyIssue(await readSurveyXlsx(buf, 'd.xlsx', CTX));
    expect(i.code).toBe('ximport.survey.agency_unknown');
    expect(i.at).toMatchObject({ sheet: 'Sheet1', row: 3, column: 'A' });
    expect(i.vi).toContain('"SXD"');
  });

  it('a value for a question outside the agency’s criteria', async () => {
    const buf = await sheetOf([
      ['Mã cơ quan, đơn vị', '8.1', '7.1'],
      ['SNV', 80, null],
      ['X0101', 75, 60],
    ]);
    const i = onlyIssue(await readSurveyXlsx(buf, 'd.xlsx', CTX));
    expect(i.code).toBe('ximport.survey.item_not_survey');
    expect(i.at).toMatchObject({ row: 3, column: 'B', agency: 'X0101', item: '8.1' });
    expect(i.vi).toContain('"8.1"');
    expect(i.vi).toContain('"X0101"');
    expect(i.vi).toContain('UBND cấp xã');
  });

  it('a column headed by a code that is no survey question', async () => {
    const buf = await sheetOf([
      ['Mã cơ quan, đơn vị', '8.1', '9.9'],
      ['SNV', 80, 10],
    ]);
    const i = onlyIssue(await readSurveyXlsx(buf, 'd.xlsx', CTX));
    expect(i.code).toBe('ximport.survey.column_not_survey');
    expect(i.at).toMatchObject({ row: 1, column: 'C' });
    expect(i.vi).toContain('"9.9"');
  });

  it.each([
    [120, '0', '"120"'],
    ['-5', '0', '"-5"'],
    [1.2, '0%', '"120%"'],
    ['100,5%', '0', '"100,5%"'],
  ] as const)('a percent out of 0–100: %j', async (value, fmt, shown) => {
    const buf = await sheetOf(
      [
        ['Mã cơ quan, đơn vị', '8.1', '8.2'],
        ['SNV', 80, value],
      ],
      { fmt: (ws) => void (ws.getCell('C2').numFmt = fmt) },
    );
    const i = onlyIssue(await readSurveyXlsx(buf, 'd.xlsx', CTX));
    expect(i.code).toBe('ximport.survey.percent_range');
    expect(i.at).toMatchObject({ row: 2, column: 'C', agency: 'SNV', item: '8.2' });
    expect(i.vi).toContain(shown);
  });

  it('a cell that is not a percent', async () => {
    const buf = await sheetOf([
      ['Mã cơ quan, đơn vị', '8.1'],
      ['SNV', 'tốt'],
    ]);
    const i = onlyIssue(await readSurveyXlsx(buf, 'd.xlsx', CTX));
    expect(i.code).toBe('ximport.survey.not_percent');
    expect(i.at).toMatchObject({ row: 2, column: 'B' });
    expect(i.vi).toContain('"tốt"');
  });

  it('a duplicate agency row names both rows', async () => {
    const buf = await sheetOf([
      ['Mã cơ quan, đơn vị', '8.1'],
      ['SNV', 80],
      ['STC', 70],
      ['snv', 81],
    ]);
    const i = onlyIssue(await readSurveyXlsx(buf, 'd.xlsx', CTX));
    expect(i.code).toBe('ximport.survey.agency_duplicate');
    expect(i.at).toMatchObject({ row: 4, column: 'A' });
    expect(i.vi).toContain('"SNV"');
    expect(i.vi).toContain('dòng 2');
    expect(i.vi).toContain('dòng 4');
  });

  it('no data rows', async () => {
    const buf = await sheetOf([['Mã cơ quan, đơn vị', '8.1', '8.2']]);
    const i = onlyIssue(await readSurveyXlsx(buf, 'd.xlsx', CTX));
    expect(i.code).toBe('ximport.no_rows');
  });

  it('rows of agencies with every cell empty', async () => {
    const buf = await sheetOf([
      ['Mã cơ quan, đơn vị', '8.1', '8.2'],
      ['SNV', null, null],
    ]);
    expect(onlyIssue(await readSurveyXlsx(buf, 'd.xlsx', CTX)).code).toBe('ximport.survey.no_data');
  });

  it('a sheet of neither layout', async () => {
    const buf = await sheetOf([['Mã cơ quan, đơn vị', 'Ghi chú'], ['SNV', 'x']]);
    const i = onlyIssue(await readSurveyXlsx(buf, 'd.xlsx', CTX));
    expect(i.code).toBe('ximport.survey.layout_unknown');
    expect(i.vi).toContain('"Mã câu hỏi"');
  });
});

describe('survey answers: one row per answer of a respondent', () => {
  const HEADER = ['Mã phiếu', 'Đối tượng', 'Mã cơ quan', 'Câu hỏi', 'Trả lời'];

  it('averages the scale percents per agency and question, and counts respondents', async () => {
    const buf = await sheetOf(
      [
        HEADER,
        ['P1', 'Người dân', 'SNV', '8.1', 'A'],
        ['P2', 'Người dân', 'SNV', '8.1', 'B'],
        ['P3', 'Doanh nghiệp', 'SNV', '8.1', 'b'],
        ['P4', 'Doanh nghiệp', 'SNV', '8.1', 'D'],
        ['P1', 'Người dân', 'SNV', '8.2', 'A'],
        ['P2', 'Người dân', 'SNV', '8.2', 'A'],
        ['P3', 'Doanh nghiệp', 'SNV', '8.2', 'C'],
        ['P4', 'Doanh nghiệp', 'SNV', '8.2', null],
        ['P1', 'Người dân', 'stc', 8.1, 'c'],
        ['P2', 'Người dân', 'STC', '8.1', 'B.'],
        // The same form number in another respondent group is another person.
        ['P1', 'Doanh nghiệp', 'STC', '8.2', 'A'],
      ],
      { title: 'TỔNG HỢP PHIẾU ĐIỀU TRA XÃ HỘI HỌC' },
    );
    const got = valueOf(await readSurveyXlsx(buf, 'phieu.xlsx', CTX));
    expect(got.mode).toBe('answers');
    expect(got.rows).toBe(11);
    expect(got.results).toEqual({
      SNV: { '8.1': (100 + 60 + 60 + 0) / 4, '8.2': (100 + 100 + 20) / 3 },
      STC: { '8.1': (20 + 60) / 2, '8.2': 100 },
    });
    expect(got.results.SNV?.['8.1']).toBe(55);
    expect(got.respondents).toEqual({ SNV: 4, STC: 3 });
  });

  it('without respondent ids, counts the most answers to one question', async () => {
    const buf = await sheetOf([
      ['Agency code', 'Item code', 'Answer'],
      ['SNV', '8.1', 'A'],
      ['SNV', '8.1', 'B'],
      ['SNV', '8.1', 'B'],
      ['SNV', '8.1', 'D'],
      ['SNV', '8.2', 'A'],
      ['X0101', '7.1', 'C'],
    ]);
    const got = valueOf(await readSurveyXlsx(buf, 'answers.xlsx', CTX));
    expect(got.results).toEqual({ SNV: { '8.1': 55, '8.2': 100 }, X0101: { '7.1': 20 } });
    expect(got.respondents).toEqual({ SNV: 4, X0101: 1 });
  });

  it('uses the campaign’s own scale', async () => {
    const ctx = surveyContext({ A: 100, B: 75, C: 50, D: 25, E: 0 });
    const buf = await sheetOf([
      HEADER,
      ['1', null, 'X0101', '7.1', 'A'],
      ['2', null, 'X0101', '7.1', 'B'],
      ['3', null, 'X0101', '7.1', 'e'],
      ['4', null, 'X0101', '7.1', 'E'],
      ['5', null, 'X0101', '7.1', 'C'],
      ['1', null, 'X0101', '7.2', 'D'],
    ]);
    const got = valueOf(await readSurveyXlsx(buf, 'phieu.xlsx', ctx));
    expect(got.results).toEqual({ X0101: { '7.1': (100 + 75 + 0 + 0 + 50) / 5, '7.2': 25 } });
    expect(got.respondents).toEqual({ X0101: 5 });
  });

  it('keeps means exact (no rounding)', async () => {
    const buf = await sheetOf([
      ['Mã cơ quan, đơn vị', 'Mã câu hỏi', 'Phương án trả lời'],
      ['SNV', '8.1', 'A'],
      ['SNV', '8.1', 'A'],
      ['SNV', '8.1', 'C'],
    ]);
    expect(valueOf(await readSurveyXlsx(buf, 'p.xlsx', CTX)).results.SNV?.['8.1']).toBe(220 / 3);
  });

  it('a letter not on the scale', async () => {
    const buf = await sheetOf([HEADER, ['P1', null, 'SNV', '8.1', 'A'], ['P2', null, 'SNV', '8.1', 'E']]);
    const i = onlyIssue(await readSurveyXlsx(buf, 'p.xlsx', CTX));
    expect(i.code).toBe('ximport.survey.answer_unknown');
    expect(i.at).toMatchObject({ row: 3, column: 'E', agency: 'SNV' });
    expect(i.vi).toContain('"E"');
    expect(i.vi).toContain('A, B, C, D');
  });

  it('an unknown agency code', async () => {
    const buf = await sheetOf([HEADER, ['P1', null, 'SXD', '8.1', 'A']]);
    const i = onlyIssue(await readSurveyXlsx(buf, 'p.xlsx', CTX));
    expect(i.code).toBe('ximport.survey.agency_unknown');
    expect(i.at).toMatchObject({ row: 2, column: 'C' });
    expect(i.vi).toContain('"SXD"');
  });

  it('a question outside the agency’s criteria', async () => {
    const buf = await sheetOf([HEADER, ['P1', null, 'SNV', '7.1', 'A']]);
    const i = onlyIssue(await readSurveyXlsx(buf, 'p.xlsx', CTX));
    expect(i.code).toBe('ximport.survey.item_not_survey');
    expect(i.at).toMatchObject({ row: 2, column: 'D', agency: 'SNV' });
    expect(i.vi).toContain('"7.1"');
    expect(i.vi).toContain('"SNV"');
  });

  it('the same respondent answering one question twice', async () => {
    const buf = await sheetOf([HEADER, ['P1', null, 'SNV', '8.1', 'A'], ['P1', null, 'SNV', '8.1', 'B']]);
    const i = onlyIssue(await readSurveyXlsx(buf, 'p.xlsx', CTX));
    expect(i.code).toBe('ximport.survey.answer_duplicate');
    expect(i.at).toMatchObject({ row: 3, column: 'A' });
    expect(i.vi).toContain('dòng 2');
  });

  it('a missing agency or question code', async () => {
    const buf = await sheetOf([HEADER, ['P1', null, null, '8.1', 'A'], ['P2', null, 'SNV', null, 'A']]);
    const list = issuesOf(await readSurveyXlsx(buf, 'p.xlsx', CTX));
    expect(list.map((i) => [i.code, i.at?.row, i.at?.column])).toEqual([
      ['ximport.survey.agency_required', 2, 'C'],
      ['ximport.survey.item_required', 3, 'D'],
    ]);
  });

  it('no answer rows', async () => {
    const buf = await sheetOf([HEADER]);
    expect(onlyIssue(await readSurveyXlsx(buf, 'p.xlsx', CTX)).code).toBe('ximport.no_rows');
  });
});

describe('survey workbooks of several sheets', () => {
  it('reads a table on every sheet (a sheet per agency group), skipping sheets without one', async () => {
    const buf = await bookOf([
      { name: 'Ghi chú', rows: [['Số liệu do Viện Khoa học xã hội tổng hợp']] },
      { name: 'Sở', rows: [['Mã cơ quan, đơn vị', '8.1. Mức độ hài lòng về tiếp cận dịch vụ'], ['SNV', 80]] },
      { name: 'Xã', rows: [['Mã cơ quan, đơn vị', '7.1', '7.2'], ['X0101', 60, 65.5]] },
    ]);
    expect(valueOf(await readSurveyXlsx(buf, 'd.xlsx', CTX))).toEqual({
      mode: 'scores',
      results: { SNV: { '8.1': 80 }, X0101: { '7.1': 60, '7.2': 65.5 } },
      respondents: {},
      rows: 2,
    });
  });

  it('an agency on two sheets names both places', async () => {
    const buf = await bookOf([
      { name: 'Sở', rows: [['Mã cơ quan, đơn vị', '8.1'], ['STC', 70], ['SNV', 80]] },
      { name: 'Bổ sung', rows: [['Mã cơ quan, đơn vị', '8.2'], ['SNV', 90]] },
    ]);
    const i = onlyIssue(await readSurveyXlsx(buf, 'd.xlsx', CTX));
    expect(i.code).toBe('ximport.survey.agency_duplicate_sheets');
    expect(i.vi).toBe('tệp d.xlsx · trang tính Bổ sung · dòng 2 · cột A · cơ quan SNV: Cơ quan, đơn vị "SNV" có hai dòng: dòng 3 của trang tính "Sở" và dòng 2 ở đây.');
  });

  it('a respondent answering on two sheets names the first sheet', async () => {
    const header = ['Mã phiếu', 'Mã cơ quan', 'Câu hỏi', 'Trả lời'];
    const buf = await bookOf([
      { name: 'Đợt 1', rows: [header, ['P1', 'SNV', '8.1', 'A']] },
      { name: 'Đợt 2', rows: [header, ['P2', 'SNV', '8.1', 'B'], ['P1', 'SNV', '8.1', 'C']] },
    ]);
    const i = onlyIssue(await readSurveyXlsx(buf, 'p.xlsx', CTX));
    expect(i.code).toBe('ximport.survey.answer_duplicate_sheets');
    expect(i.at).toMatchObject({ sheet: 'Đợt 2', row: 3, column: 'A' });
    expect(i.vi).toContain('ở dòng 2 của trang tính "Đợt 1"');
  });

  it('a percent table and an answer table in one file', async () => {
    const buf = await bookOf([
      { name: 'Tỷ lệ', rows: [['Mã cơ quan, đơn vị', '8.1'], ['SNV', 80]] },
      { name: 'Phiếu', rows: [['Mã cơ quan', 'Câu hỏi', 'Trả lời'], ['SNV', '8.1', 'A']] },
    ]);
    const i = onlyIssue(await readSurveyXlsx(buf, 'd.xlsx', CTX));
    expect(i.code).toBe('ximport.survey.layout_mixed_answers');
    expect(i.vi).toBe(
      'tệp d.xlsx · trang tính Phiếu · dòng 1: Trang tính này là bảng phiếu trả lời, còn trang tính "Tỷ lệ" là bảng tỷ lệ %; mỗi lần chỉ nhập được một dạng bảng, hãy tách hai bảng ra hai tệp.',
    );
  });

  it('a workbook with no survey table at all names the sheets searched', async () => {
    const buf = await bookOf([
      { name: 'Kế hoạch', rows: [['KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2025'], ['Nội dung', 'Thời gian']] },
      { name: 'Dự toán', rows: [['Khoản mục', 'Số tiền'], ['Tập huấn', 12000000]] },
    ]);
    const i = onlyIssue(await readSurveyXlsx(buf, 'ke-hoach.xlsx', CTX));
    expect(i.code).toBe('ximport.survey.not_found');
    expect(i.vi).toBe(
      'tệp ke-hoach.xlsx: Tệp không có bảng kết quả điều tra xã hội học: trong 10 dòng đầu của trang tính "Kế hoạch", "Dự toán" không có dòng tiêu đề nào có cột "Mã cơ quan, đơn vị" cùng các cột mã câu hỏi (bảng tỷ lệ %) hoặc các cột "Mã câu hỏi" và "Phương án trả lời" (bảng phiếu trả lời). Hãy kiểm tra lại đã chọn đúng tệp chưa.',
    );
  });
});

describe('survey forms', () => {
  it.each(['vi', 'en'] as const)('the %s scores form, filled in, reads back', async (lang) => {
    const blank = await writeSurveyForm('scores', CTX, lang);
    const filled = await edit(blank, (wb) => {
      /** The cell of an agency × question, found as a clerk would: the agency's row, the column headed by the code. */
      const cell = (agency: string, code: string) => {
        for (const ws of wb.worksheets) {
          for (let r = 3; r <= ws.rowCount; r++) {
            if (ws.getCell(r, 2).value !== agency) continue;
            for (let c = 4; c <= ws.columnCount; c++) if (String(ws.getCell(2, c).value).startsWith(`${code}. `)) return ws.getCell(r, c);
            throw new Error(`no column ${code} on ${ws.name}`);
          }
        }
        throw new Error(`no row ${agency}`);
      };
      cell('SNV', '8.1').value = 85;
      cell('SNV', '8.2').value = '85,5';
      cell('H01', '8.3').value = 40;
      cell('X0102', '7.1').value = 66.5;
    });
    const got = valueOf(await readSurveyXlsx(filled, 'form.xlsx', CTX));
    expect(got).toEqual({
      mode: 'scores',
      results: { SNV: { '8.1': 85, '8.2': 85.5 }, H01: { '8.3': 40 }, X0102: { '7.1': 66.5 } },
      respondents: {},
      rows: AGENCIES.length,
    });
  });

  it('the scores form has a sheet per agency group with its agencies and its own questions, titled in the headers', async () => {
    const wb = await loadWorkbook(await writeSurveyForm('scores', CTX, 'vi'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Kết quả ĐTXHH - Sở, ban, ngành', 'Kết quả ĐTXHH - UBND cấp huyện', 'Kết quả ĐTXHH - UBND cấp xã', 'Hướng dẫn']);
    const table = (name: string) => {
      const ws = wb.getWorksheet(name);
      if (!ws) throw new Error(`no sheet ${name}`);
      const headers = [];
      for (let c = 1; c <= ws.columnCount; c++) headers.push(ws.getCell(2, c).value);
      const agencies = [];
      for (let r = 3; r <= ws.rowCount; r++) if (ws.getCell(r, 2).value !== null) agencies.push(ws.getCell(r, 2).value);
      return { headers, agencies };
    };
    expect(table('Kết quả ĐTXHH - Sở, ban, ngành')).toEqual({
      headers: ['STT', 'Mã cơ quan, đơn vị', 'Tên cơ quan, đơn vị', '8.1. Mức độ hài lòng về tiếp cận dịch vụ', '8.2. Mức độ hài lòng về công chức giải quyết TTHC'],
      agencies: ['SNV', 'STC'],
    });
    expect(table('Kết quả ĐTXHH - UBND cấp xã')).toEqual({
      headers: ['STT', 'Mã cơ quan, đơn vị', 'Tên cơ quan, đơn vị', '7.1. Mức độ hài lòng của người dân', '7.2. Mức độ hài lòng của tổ chức'],
      agencies: ['X0101', 'X0102'],
    });
    expect(table('Kết quả ĐTXHH - UBND cấp huyện').headers.slice(3)).toEqual([
      '8.1. Mức độ hài lòng về tiếp cận dịch vụ',
      '8.2. Mức độ hài lòng về công chức giải quyết TTHC',
      '8.3. Mức độ hài lòng về kết quả giải quyết TTHC',
    ]);
  });

  it('a code shared by two groups is titled by each group’s own template, on its sheet and in the guide', async () => {
    const ctx = surveyContext();
    ctx.surveyItems.set('commune', [
      { code: '8.1', title: 'Người dân đánh giá tại Bộ phận Một cửa' },
      { code: '8.2', title: 'Cán bộ, công chức thôn đánh giá' },
    ]);
    const wb = await loadWorkbook(await writeSurveyForm('scores', ctx, 'vi'));
    const header = (sheet: string, col: string) => wb.getWorksheet(sheet)?.getCell(`${col}2`).value;
    expect(header('Kết quả ĐTXHH - UBND cấp xã', 'D')).toBe('8.1. Người dân đánh giá tại Bộ phận Một cửa');
    expect(header('Kết quả ĐTXHH - Sở, ban, ngành', 'D')).toBe('8.1. Mức độ hài lòng về tiếp cận dịch vụ');
    const guide = wb.getWorksheet('Hướng dẫn');
    const rows: unknown[][] = [];
    guide?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const at = rows.findIndex((r) => r[0] === 'Mã câu hỏi');
    expect(rows[at]).toEqual(['Mã câu hỏi', 'Sở, ban, ngành', 'UBND cấp huyện', 'UBND cấp xã']);
    expect(rows[at + 1]).toEqual(['8.1', 'Mức độ hài lòng về tiếp cận dịch vụ', 'Mức độ hài lòng về tiếp cận dịch vụ', 'Người dân đánh giá tại Bộ phận Một cửa']);
    // 8.3 is the districts' only: empty under the other groups.
    expect(rows[at + 3]).toEqual(['8.3', undefined, 'Mức độ hài lòng về kết quả giải quyết TTHC']);
    // A commune's 8.1 filled in on its sheet goes to the commune.
    const filled = await edit(await writeSurveyForm('scores', ctx, 'vi'), (w) => {
      const ws = w.getWorksheet('Kết quả ĐTXHH - UBND cấp xã');
      if (!ws) throw new Error('no commune sheet');
      ws.getCell('D3').value = 90;
    });
    expect(valueOf(await readSurveyXlsx(filled, 'form.xlsx', ctx)).results).toEqual({ X0101: { '8.1': 90 } });
  });

  it.each(['vi', 'en'] as const)('the %s answers form, filled in, reads back', async (lang) => {
    const blank = await writeSurveyForm('answers', CTX, lang);
    const filled = await edit(blank, (wb) => {
      const ws = wb.worksheets[0];
      if (!ws) throw new Error('no sheet');
      const rows = [
        ['P1', 'Người dân', 'SNV', '8.1', 'A'],
        ['P2', 'Người dân', 'SNV', '8.1', 'B'],
        ['P3', 'Người dân', 'SNV', '8.1', 'B'],
        ['P4', 'Người dân', 'SNV', '8.1', 'D'],
        ['P1', null, 'X0101', '7.2', 'c'],
      ];
      rows.forEach((r, i) => r.forEach((v, j) => (ws.getCell(3 + i, 2 + j).value = v)));
    });
    const got = valueOf(await readSurveyXlsx(filled, 'form.xlsx', CTX));
    expect(got).toEqual({ mode: 'answers', results: { SNV: { '8.1': 55 }, X0101: { '7.2': 20 } }, respondents: { SNV: 4, X0101: 1 }, rows: 5 });
  });

  it('the answers form offers the scale letters and shows the scale in its guide', async () => {
    const wb = await loadWorkbook(await writeSurveyForm('answers', surveyContext({ A: 100, B: 75, C: 50, D: 25, E: 0 }), 'vi'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Phiếu trả lời ĐTXHH', 'Hướng dẫn']);
    const ws = wb.worksheets[0];
    expect(ws?.getCell('F3').dataValidation?.formulae?.[0]).toBe('"A,B,C,D,E"');
    const guide = wb.getWorksheet('Hướng dẫn');
    const cells: unknown[] = [];
    guide?.eachRow((row) => row.eachCell((c) => cells.push(c.value)));
    expect(cells).toEqual(expect.arrayContaining(['E', 0, 'D', 25, 'Mức độ hài lòng của tổ chức', 'UBND xã Phong Phú']));
  });
});

describe('survey items of a template', () => {
  it('are the leaves marked as surveyed with the SURVEY rule', () => {
    const tpl = TemplateV2.parse({
      kind: 'parscore.template',
      schemaVersion: 2,
      id: 'par-so',
      version: 1,
      title: { vi: 'Bộ tiêu chí' },
      legalBasis: { decisionNo: '1/QĐ-UBND', date: '2024-01-01', issuer: 'UBND tỉnh' },
      sample: false,
      appliesTo: ['department'],
      maxPoints: 10,
      items: [
        { code: '8', parent: null, title: { vi: 'Sự hài lòng' }, max: 10, survey: true },
        { code: '8.1', parent: '8', title: { vi: 'Tiếp cận dịch vụ' }, max: 5, rule: { type: 'SURVEY' }, survey: true },
        { code: '8.2', parent: '8', title: { vi: 'Tự chấm' }, max: 5, rule: { type: 'MANUAL' } },
      ],
      bonus: { cap: 0, items: [] },
      penalty: { cap: 0, items: [] },
    });
    expect(surveyItemsOfTemplate(tpl)).toEqual([{ code: '8.1', title: 'Tiếp cận dịch vụ' }]);
  });
});
