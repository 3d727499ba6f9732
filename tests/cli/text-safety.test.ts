/**
 * Bidi overrides and control characters: refused at entry and at import (naming the field and the
 * character as U+XXXX), removed from every workbook cell, shown escaped on the terminal. A nominee's
 * name with U+202E (right-to-left override) used to go into the commendation report.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadIdentity } from '../../electron/services/packages/keys.ts';
import { writeAgencyListForm } from '../../electron/services/xlsx-import/agencies.ts';
import { cleanText } from '../../electron/services/reports/kit/cell.ts';
import { encodeCellText } from '../../electron/services/template-xlsx/write.ts';
import { loadTemplateFile } from '../../electron/services/templates/source.ts';
import { formatIssue } from '../../shared/i18n/index.ts';
import { escapeUnsafe, escapeUnsafeDeep, firstUnsafeChar, stripUnsafe, unsafeTextIssues } from '../../shared/util/text-safety.ts';
import { contentsOf, signedSubmission } from '../cycle/helpers.ts';
import { readOpenpyxlBook } from '../reports/openpyxl.ts';
import { cli, folderHash } from './run.ts';

const RLO = '\u202E';
const tmp = mkdtempSync(join(tmpdir(), 'parscore-text-safety-'));
const ha = join(tmp, 'snv');
const out = join(tmp, 'ho-so');
const agency = (code: string) => join(out, 'agencies', code);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

beforeAll(async () => {
  expect((await cli('demo', ha, '--agencies', '8', '--seed', '3', '--submissions', out)).code).toBe(0);
  const files = readdirSync(out).filter((f) => f.endsWith('.parscore')).map((f) => join(out, f));
  expect((await cli('import', ha, ...files)).code).toBe(0);
}, 120_000);

describe('the unsafe characters', () => {
  it('are the bidi embeddings, overrides and isolates, C0 controls but tab and line breaks, DEL and C1; the marks LRM/RLM stay', () => {
    for (const ch of ['\u202A', '\u202B', '\u202C', '\u202D', RLO, '\u2066', '\u2067', '\u2068', '\u2069', '\u0000', '\u0007', '\u001B', '\u007F', '\u0085', '\u009F']) {
      expect(firstUnsafeChar(`a${ch}b`), JSON.stringify(ch)).not.toBeNull();
    }
    for (const s of ['Nguyễn Thị Lan', 'a\tb\nc\r\n', 'a\u200Eb\u200Fc', '中文 العربية']) expect(firstUnsafeChar(s)).toBeNull();
    expect(firstUnsafeChar(`Lan${RLO}Anh`)).toBe('U+202E');
    expect(stripUnsafe(`Lan ${RLO}Anh\u0007`)).toBe('Lan Anh');
    expect(escapeUnsafe(`Lan ${RLO}Anh`)).toBe('Lan \\u202EAnh');
    expect(JSON.parse(escapeUnsafe(JSON.stringify({ n: `Lan ${RLO}Anh` })))).toEqual({ n: `Lan ${RLO}Anh` }); // JSON output stays valid
    expect(cleanText(`=Lan ${RLO}Anh\u2066`)).toBe("'=Lan Anh");
    expect(encodeCellText(`Lan ${RLO}Anh\u0085\r`)).toBe('Lan Anh_x000D_'); // the forms' cell gate (template, agency list)
    const [i] = unsafeTextIssues({ nominations: [{ fullName: `A${RLO}` }] }, { file: 'x.parscore' }, '');
    expect(formatIssue('vi', i!)).toBe('tệp x.parscore · trường nominations[0].fullName: Văn bản chứa ký tự điều khiển hoặc ký tự đảo chiều hiển thị U+202E, có thể làm người đọc thấy sai nội dung; hãy xóa ký tự này (thường lẫn vào khi sao chép từ nơi khác).');
    // What the window is given to show: every string escaped, numbers and structure kept.
    expect(escapeUnsafeDeep({ ok: true, value: { agencies: [{ code: 'S01', name: `Sở ${RLO}Tư pháp`, index: 81.5, rank: null }] } })).toEqual({
      ok: true,
      value: { agencies: [{ code: 'S01', name: 'Sở \\u202ETư pháp', index: 81.5, rank: null }] },
    });
    // A message never carries the character itself.
    expect(formatIssue('vi', { code: 'cycle.unknown_agency', at: { file: `a${RLO}.parscore` }, params: { agency: `S${RLO}01` } })).not.toContain(RLO);
  });
});

describe('refused at entry and at import, naming the field and the character', () => {
  it('a nominee name with U+202E typed at the agency', async () => {
    const ws = agency('S01');
    const before = folderHash(ws);
    const r = await cli('nomination', 'add', ws, '--individual', '--id', 'CN9', '--full-name', `Nguyễn Thị ${RLO}Lan`, '--gender', 'nữ', '--birth-year', '1985', '--position', 'Trưởng phòng', '--unit', 'Văn phòng', '--rating', 'HTXSNV', '--achievements', 'Tốt', '--award', 'bk-ca-nhan');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/mục CN9 · trường fullName: Văn bản chứa ký tự .* U\+202E/);
    expect(r.err + r.out).not.toContain(RLO);
    expect(folderHash(ws)).toBe(before);
    const note = await cli('item', 'explain', ws, '1.1.1', '--text', 'Giải trình\u0007');
    expect(note.code).toBe(1);
    expect(note.err).toContain('U+0007');
    expect(folderHash(ws)).toBe(before);
  });

  it('a submission carrying one, signed with the agency’s own key, at Home Affairs', async () => {
    const file = readdirSync(out).find((f) => f.startsWith('S01-r1'))!;
    const { submission, files, campaign } = contentsOf(readFileSync(join(out, file)));
    const k = submission.nominations.findIndex((n) => n.kind === 'individual');
    const n = submission.nominations[k]!;
    if (n.kind !== 'individual') throw new Error('no individual nomination');
    n.fullName = `${n.fullName}${RLO}`;
    const next = { ...submission, revision: 2, assessment: { ...submission.assessment, revision: 2 } };
    const forged = join(tmp, 'S01-r2.parscore');
    writeFileSync(forged, await signedSubmission((await loadIdentity(agency('S01')))!, next, files, campaign));
    const before = folderHash(ha);
    const r = await cli('import', ha, forged);
    expect(r.code).toBe(1);
    expect(r.out + r.err).toContain(`trường nominations[${k}].fullName: Văn bản chứa ký tự điều khiển hoặc ký tự đảo chiều hiển thị U+202E`);
    expect(folderHash(ha)).toBe(before);
  });
});

describe('neutralised in every output', () => {
  it('a name planted on disk is stripped from the commendation report and shown escaped by the CLI', async () => {
    // Every nominee of Home Affairs' nominations, and of S02's own list, gets a U+202E before its last word.
    const planted = new Map<string, string>();
    const plant = (path: string): void => {
      const doc = JSON.parse(readFileSync(path, 'utf8')) as { nominations: { kind: string; fullName?: string; name?: string }[] };
      for (const n of doc.nominations) {
        const key = n.kind === 'individual' ? 'fullName' : 'name';
        const v = n[key]!;
        const cut = v.lastIndexOf(' ');
        n[key] = `${v.slice(0, cut + 1)}${RLO}${v.slice(cut + 1)}`;
        planted.set(v, n[key]);
      }
      writeFileSync(path, JSON.stringify(doc, null, 2));
    };
    for (const f of readdirSync(join(ha, 'nominations'))) plant(join(ha, 'nominations', f));
    const reports = join(tmp, 'bao-cao');
    const r = await cli('report', ha, '--out', reports, '--only', 'commendation');
    expect(r.code, r.err).toBe(0);
    const xlsx = readdirSync(reports).find((f) => f.endsWith('.xlsx'))!;
    const cells = readOpenpyxlBook(join(reports, xlsx)).sheets.flatMap((s) => s.rows.flat().map((c) => c.v)).filter((v): v is string => typeof v === 'string');
    expect(cells.some((v) => v.includes(RLO))).toBe(false);
    const names = [...planted.keys()].filter((name) => cells.some((v) => v.includes(name)));
    expect(names.length).toBeGreaterThan(0); // the names are there, without the override

    const ws = agency('S02');
    plant(join(ws, 'nominations.json'));
    const list = await cli('nomination', 'list', ws);
    expect(list.code, list.err).toBe(0);
    expect(list.out).not.toContain(RLO);
    expect(list.out).toContain('\\u202E');
  });
});

describe('an agency list typed in Excel', () => {
  it('with U+202E in an agency name is refused at campaign create, naming the sheet, row and column', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const form = await writeAgencyListForm('vi', [
      { code: 'S01', name: 'Sở Nội vụ', group: 'department', parent: null },
      { code: 'S02', name: 'Sở Tư pháp', group: 'department', parent: null },
    ]);
    await wb.xlsx.load(form as unknown as ArrayBuffer);
    let at = '';
    wb.worksheets[0]!.eachRow((row, r) => row.eachCell((c, col) => {
      if (c.value === 'Sở Tư pháp') {
        c.value = `Sở ${RLO}Tư pháp`;
        at = `dòng ${r} · cột ${String.fromCharCode(64 + col)}`;
      }
    }));
    expect(at).not.toBe('');
    const list = join(tmp, 'ds-rlo.xlsx');
    writeFileSync(list, Buffer.from(await wb.xlsx.writeBuffer()));
    const dir = join(tmp, 'snv-rlo');
    const r = await cli('campaign', 'create', dir, '--year', '2026', '--agencies', list, '--province', 'Minh Sơn');
    expect(r.code).toBe(1);
    expect(r.err).toContain(at);
    expect(r.err).toContain('U+202E');
    expect(r.err).not.toContain(RLO);
    // Typed on the command line, likewise.
    const good = join(tmp, 'ds-tot.xlsx');
    writeFileSync(good, form);
    const typed = await cli('campaign', 'create', dir, '--year', '2026', '--agencies', good, '--province', `Minh ${RLO}Sơn`);
    expect(typed.code).toBe(1);
    expect(typed.err).toContain('trường --province: Văn bản chứa ký tự điều khiển hoặc ký tự đảo chiều hiển thị U+202E');
    expect(() => folderHash(dir)).toThrow(); // nothing created
  });
});

describe('a template file given by the user', () => {
  it('with U+2067 in an item title is refused, naming the file and the field', async () => {
    const t = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'templates', 'criteria', 'par-so-2026.json'), 'utf8')) as { items: { title: { vi: string } }[] };
    t.items[1]!.title.vi = `\u2067${t.items[1]!.title.vi}`;
    const file = join(tmp, 'bo-tieu-chi.json');
    writeFileSync(file, JSON.stringify(t));
    const r = await loadTemplateFile(file);
    expect(r.ok ? [] : r.error.map((i) => [i.code, i.at?.file, i.at?.field, i.params?.char])).toEqual([['doc.unsafe_char', 'bo-tieu-chi.json', 'items[1].title.vi', 'U+2067']]);
  });
});
