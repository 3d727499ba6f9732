/**
 * Messages stay readable: no English library text inside a Vietnamese sentence (the library's
 * words go to the technician's log with PARSCORE_DEBUG=1), long values clipped, at most a hundred
 * issues per file printed, then "… và N lỗi khác".
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printIssues } from '../../electron/cli/context.ts';
import { readRulesFile } from '../../electron/services/awards-rules.ts';
import { readJsonFile } from '../../electron/services/json-file.ts';
import { readTemplateXlsx } from '../../electron/services/template-xlsx/index.ts';
import { readAgencyListXlsx, readSurveyXlsx } from '../../electron/services/xlsx-import/index.ts';
import { formatIssue } from '../../shared/i18n/index.ts';
import { parseTemplate } from '../../shared/template/parse.ts';
import { type Issue, type Result, issue, issuesToShow } from '../../shared/util/issue.ts';
import { sheetOf, surveyContext } from './helpers.ts';

/** Words of the libraries' messages (zod, JSON.parse, JSZip, yauzl, Node) that must never reach the user. */
const LIBRARY_WORDS =
  /\b(invalid input|expected|received|undefined|unexpected token|JSON at position|end of central directory|signature|not found|cannot read|properties of|ENOENT|EACCES|EISDIR|is not valid|crc32|invalid distance)\b/i;

const CAMPAIGN = { bands: [{ code: 'XS' }, { code: 'T' }] } as never;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'parscore-msg-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function file(name: string, data: string | Buffer): Promise<string> {
  const p = join(dir, name);
  await writeFile(p, data);
  return p;
}

const issuesOf = (r: Result<unknown>): Issue[] => (r.ok ? [] : r.error);

describe('no library text in the messages of hostile inputs', () => {
  it('damaged zips, wrong JSON types, broken JSON and missing files are told in plain words only', async () => {
    const good = await sheetOf([['Mã', 'Tên', 'Nhóm'], ['S01', 'Sở Nội vụ', 'sở']]);
    const cut = good.subarray(0, Math.floor(good.length / 2));
    const flipped = Buffer.from(good);
    const mid = Math.floor(good.length / 2);
    flipped[mid] = (flipped[mid] ?? 0) ^ 0xff;
    const all: Issue[] = [];
    for (const bytes of [cut, flipped, Buffer.from('PK not really a zip'), Buffer.from('just text')]) {
      all.push(...issuesOf(await readTemplateXlsx(bytes, 'mau.xlsx')));
      all.push(...issuesOf(await readAgencyListXlsx(bytes, 'ds.xlsx', { model: 'two-tier' })));
      all.push(...issuesOf(await readSurveyXlsx(bytes, 'dt.xlsx', surveyContext())));
    }
    all.push(...issuesOf(parseTemplate({ kind: 'parscore.template', schemaVersion: 1, id: 7, items: 'x' }, 'mau.json')));
    all.push(...issuesOf(parseTemplate({ kind: 'parscore.template', schemaVersion: 1, id: 'a', title: { vi: 1 }, items: [{ code: 1, max: 'ten' }] }, 'mau.json')));
    all.push(...issuesOf(await readJsonFile(await file('hong.json', '{"kind": "parscore.template", '))));
    all.push(...issuesOf(await readJsonFile(join(dir, 'khong-co.json'))));
    all.push(...issuesOf(await readRulesFile(await file('qd.json', '{ nope'), CAMPAIGN)));
    all.push(...issuesOf(await readRulesFile(await file('qd2.json', JSON.stringify({ collectives: 'x', individuals: [{ band: 5 }] })), CAMPAIGN)));
    all.push(...issuesOf(await readRulesFile(join(dir, 'khong-co.xlsx'), CAMPAIGN)));
    // An issue that still carries a library's words as its detail (as the store's do) shows none of them.
    all.push(issue('store.read_failed', { file: 'a.json' }, { detail: "Cannot read properties of undefined (reading 'x')" }));
    all.push(issue('store.read_failed', { file: 'a.json' }, { detail: 'ENOENT' }));

    expect(all.length).toBeGreaterThan(15);
    for (const i of all) {
      const vi = formatIssue('vi', i);
      expect(vi, i.code).not.toMatch(LIBRARY_WORDS);
      expect(vi, i.code).not.toContain('{');
    }
    const shown = all.map((i) => formatIssue('vi', i)).join('\n');
    expect(shown).toContain('không tìm thấy tệp');
    expect(shown).toContain('cần một số');
    expect(shown).toContain('chạy lại với PARSCORE_DEBUG=1');
  });

  it('the library words go to stderr with PARSCORE_DEBUG=1 only', () => {
    const lines: string[] = [];
    const ctx = { lang: 'vi' as const, out: () => undefined, err: (l: string) => void lines.push(l) };
    const hidden = issue('store.read_failed', { file: 'a.json' }, { detail: 'EBADF: bad file descriptor' });
    printIssues(ctx, [hidden]);
    expect(lines.join('\n')).not.toContain('EBADF');
    process.env.PARSCORE_DEBUG = '1';
    try {
      printIssues(ctx, [hidden]);
    } finally {
      delete process.env.PARSCORE_DEBUG;
    }
    expect(lines.at(-1)).toBe('[parscore debug] store.read_failed: EBADF: bad file descriptor');
  });
});

describe('floods stay readable', () => {
  it('a 65,000-character name is shown clipped to 120 characters with "…"', () => {
    const name = 'Đ'.repeat(65_000);
    const vi = formatIssue('vi', issue('package.entries_overlap', { file: 'S01.parscore' }, { path: name, other: 'manifest.json' }));
    expect(vi.length).toBeLessThan(300);
    expect(vi).toContain(`“${'Đ'.repeat(119)}…”`);
    expect(formatIssue('vi', issue('doc.schema', { file: 'x'.repeat(500), field: 'a' }, { detail: 'required' }))).toContain(`tệp ${'x'.repeat(119)}… ·`);
  });

  it('2,000 issues of one file print 100 lines and "… và 1.900 lỗi khác"; another file keeps its own', () => {
    const many = Array.from({ length: 2000 }, (_, n) => issue('package.entries_overlap', { file: 'S01.parscore' }, { path: `e${n}`, other: `e${n + 1}` }));
    const lines: string[] = [];
    printIssues({ lang: 'vi', out: () => undefined, err: (l) => void lines.push(l) }, [...many, issue('doc.schema', { file: 'S02.parscore' }, { detail: 'required' })]);
    expect(lines[0]).toBe('Có 2.001 lỗi:');
    expect(lines).toHaveLength(1 + 100 + 1 + 1);
    expect(lines[101]).toBe('  tệp S01.parscore: … và 1.900 lỗi khác');
    expect(lines[102]).toContain('tệp S02.parscore');
    const en = issuesToShow(many).map((i) => formatIssue('en', i));
    expect(en.at(-1)).toBe('file S01.parscore: … and 1,900 more');
  });
});
