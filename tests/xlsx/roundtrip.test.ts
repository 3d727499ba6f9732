/**
 * Export then import gives back the very same template: for hand-built templates covering every
 * rule type and optional field, for the built-in templates, and for random templates.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  exportTemplateXlsx,
  importTemplateXlsx,
  readTemplateXlsx,
  writeTemplateXlsx,
} from '../../electron/services/template-xlsx/index.ts';
import type { Template } from '../../shared/schema/index.ts';
import { parseTemplate } from '../../shared/template/parse.ts';
import { templateArb } from './arbitrary.ts';
import { FULL, MINIMAL, TRICKY, valid } from './fixtures.ts';
import { describeFailure, issuesOf } from './helpers.ts';

async function roundTrip(t: Template, lang: 'vi' | 'en'): Promise<Template> {
  const back = await readTemplateXlsx(await writeTemplateXlsx(t, { lang }), 'mẫu.xlsx');
  if (!back.ok) throw new Error(describeFailure(back));
  return back.value;
}

describe('round trip of hand-built templates', () => {
  const cases = { FULL, MINIMAL, TRICKY };
  for (const [name, raw] of Object.entries(cases)) {
    for (const lang of ['vi', 'en'] as const) {
      it(`${name}, sheet in ${lang === 'vi' ? 'Vietnamese' : 'English'}`, async () => {
        const t = valid(raw);
        expect(await roundTrip(t, lang)).toStrictEqual(t);
      });
    }
  }

  it('keeps optional fields absent when absent and present when present', async () => {
    const full = await roundTrip(valid(FULL), 'vi');
    const min = await roundTrip(valid(MINIMAL), 'vi');
    expect(min.title).toStrictEqual({ vi: 'Bộ tối thiểu' });
    expect(min.sources).toStrictEqual([]);
    expect(min.indicators).toStrictEqual([]);
    expect(min.bonus).toStrictEqual({ cap: 0, items: [] });
    const [leaf] = min.items;
    expect(leaf && Object.keys(leaf).sort()).toEqual(['code', 'max', 'notApplicableAllowed', 'parent', 'rule', 'survey', 'title']);
    const byCode = new Map(full.items.map((i) => [i.code, i]));
    expect(byCode.get('1.1')?.isoClauses).toStrictEqual(['4.2.3', '8.2.2']);
    expect(byCode.get('1.3')?.isoClauses).toStrictEqual([]);
    expect('isoClauses' in (byCode.get('1.2') ?? {})).toBe(false);
    expect(byCode.get('1.6')?.rule).toStrictEqual({ type: 'MANUAL' });
    expect(full.indicators.find((i) => i.code === 'SL2')).toStrictEqual({
      code: 'SL2',
      title: { vi: 'Áp dụng ISO 9001' },
      type: 'boolean',
      aggregate: 'COUNT_YES',
    });
    expect(full.bonus.cap).toBe(2);
    expect(full.penalty.cap).toBe(3);
  });

  it('reads text that looks like a spreadsheet formula back as the same text', async () => {
    const t = await roundTrip(valid(TRICKY), 'vi');
    expect(t.title).toStrictEqual({ vi: '=SUM(A1:A9)', en: '+1 (555) 0100' });
    expect(t.legalBasis).toStrictEqual({ decisionNo: '-15/QĐ', date: '2020-02-29', issuer: '@UBND' });
    expect(t.sources.slice(0, 3)).toStrictEqual(['-nguồn', '@nguồn', '+nguồn']);
    expect(t.items[0]?.evidenceHint).toStrictEqual({ vi: '=HYPERLINK("file:///etc/passwd")' });
    expect(t.indicators[0]?.unit).toBe('=đv');
  });
});

describe('round trip of the built-in templates (templates/criteria)', () => {
  const dir = path.resolve('templates/criteria');
  const files = readdirSync(dir).filter((f) => f.endsWith('.json'));

  it('finds the built-in templates', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  for (const file of files) {
    for (const lang of ['vi', 'en'] as const) {
      it(`${file} (${lang})`, async () => {
        const parsed = parseTemplate(JSON.parse(readFileSync(path.join(dir, file), 'utf8')), file);
        if (!parsed.ok) throw new Error(describeFailure(parsed));
        expect(await roundTrip(parsed.value, lang)).toStrictEqual(parsed.value);
      });
    }
  }
});

describe('round trip of random templates', () => {
  it('gives back every valid template unchanged, in both languages', async () => {
    await fc.assert(
      fc.asyncProperty(templateArb, fc.constantFrom('vi' as const, 'en' as const), async (raw, lang) => {
        const parsed = parseTemplate(raw, 'random');
        if (!parsed.ok) throw new Error(`the generator made an invalid template: ${describeFailure(parsed)}`);
        expect(await roundTrip(parsed.value, lang)).toStrictEqual(parsed.value);
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});

describe('files on disk', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'parscore-xlsx-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('exports to a file with a Vietnamese name and imports it back', async () => {
    const t = valid(FULL);
    const file = path.join(dir, 'Bộ chỉ số sở 2025.xlsx');
    const written = await exportTemplateXlsx(t, file);
    expect(written).toMatchObject({ ok: true, value: { file } });
    expect(readdirSync(dir)).toEqual(['Bộ chỉ số sở 2025.xlsx']);
    const back = await importTemplateXlsx(file);
    expect(back).toStrictEqual({ ok: true, value: t });
  });

  it('reports a file that is missing or not a workbook', async () => {
    const missing = issuesOf(await importTemplateXlsx(path.join(dir, 'không có.xlsx')));
    expect(missing).toMatchObject([{ code: 'xlsx.file.read_failed', at: { file: path.join(dir, 'không có.xlsx') } }]);
    const notXlsx = issuesOf(await readTemplateXlsx(Buffer.from('Mã,Tên\n1,Một'), 'bang.csv'));
    expect(notXlsx).toMatchObject([{ code: 'xlsx.file.unreadable', at: { file: 'bang.csv' } }]);
  });

  it('reports a folder that cannot be written, leaving nothing behind', async () => {
    const r = await exportTemplateXlsx(valid(MINIMAL), path.join(dir, 'không-có-thư-mục', 'a.xlsx'));
    expect(issuesOf(r)).toMatchObject([{ code: 'xlsx.file.write_failed' }]);
  });

  it('accepts an ArrayBuffer as well as a Buffer', async () => {
    const t = valid(MINIMAL);
    const buf = await writeTemplateXlsx(t);
    const ab = new ArrayBuffer(buf.length);
    new Uint8Array(ab).set(buf);
    expect(await readTemplateXlsx(ab, 'a.xlsx')).toStrictEqual({ ok: true, value: t });
  });
});
