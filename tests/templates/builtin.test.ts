/**
 * The four built-in criteria templates (templates/criteria/*.json): each must load through the real
 * reader (schema + structural checks) and carry the figures of the domain brief, section (c).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ItemEntry, ItemInput } from '../../shared/schema/assessment.ts';
import { type Rule, type Template, type TemplateItem, TemplateV2 } from '../../shared/schema/template.ts';
import { scoreAssessment, scoreItemInput } from '../../shared/scoring/index.ts';
import { compileTemplate } from '../../shared/template/compile.ts';
import { parseTemplate } from '../../shared/template/parse.ts';

const DIR = fileURLToPath(new URL('../../templates/criteria/', import.meta.url));
const SAMPLE_VI = ' (mẫu — thay bằng Quyết định của tỉnh)';
const SAMPLE_EN = " (sample — replace with the province's decision)";

const FILES = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort();

/**
 * Reads a file through the real reader. Should the structural checks refuse it, the schema-valid
 * document is still returned so that the figure tests below say what is wrong; the "parses" test
 * reports the reader's issues.
 */
function load(file: string): Template {
  const raw: unknown = JSON.parse(readFileSync(DIR + file, 'utf8'));
  const r = parseTemplate(raw, file);
  return r.ok ? r.value : TemplateV2.parse(raw);
}

const TEMPLATES = new Map<string, { file: string; t: Template }>();
for (const file of FILES) {
  const t = load(file);
  TEMPLATES.set(t.id, { file, t });
}

function get(id: string): Template {
  const entry = TEMPLATES.get(id);
  if (!entry) throw new Error(`template ${id} not found in ${DIR}`);
  return entry.t;
}

// ---- tree helpers ----------------------------------------------------------------------------
const childrenOf = (t: Template, code: string | null): TemplateItem[] => t.items.filter((i) => i.parent === code);
const roots = (t: Template) => childrenOf(t, null);
const isLeaf = (t: Template, it: TemplateItem) => !t.items.some((c) => c.parent === it.code);
const leaves = (t: Template) => t.items.filter((i) => isLeaf(t, i));
const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);
const maxima = (items: readonly TemplateItem[]) => items.map((i) => i.max);
const rootOf = (t: Template, it: TemplateItem): TemplateItem => {
  let cur = it;
  while (cur.parent !== null) cur = t.items.find((i) => i.code === cur.parent) as TemplateItem;
  return cur;
};
const split = (t: Template) => ({
  appraised: sum(maxima(leaves(t).filter((l) => !l.survey))),
  survey: sum(maxima(leaves(t).filter((l) => l.survey))),
});

/** Every Vietnamese text of a template, with where it sits (for the failure message). */
function vietnameseTexts(t: Template): Array<[string, string]> {
  const out: Array<[string, string]> = [['title', t.title.vi]];
  for (const it of t.items) {
    out.push([`${it.code}.title`, it.title.vi]);
    if (it.scoringGuide) out.push([`${it.code}.scoringGuide`, it.scoringGuide.vi]);
    if (it.evidenceHint) out.push([`${it.code}.evidenceHint`, it.evidenceHint.vi]);
    if (it.rule?.type === 'FORMULA') for (const v of it.rule.variables) out.push([`${it.code}.${v.name}`, v.label.vi]);
  }
  for (const ind of t.indicators) out.push([`indicator ${ind.code}`, ind.title.vi]);
  for (const a of [...t.bonus.items, ...t.penalty.items]) out.push([`adjustment ${a.code}`, a.title.vi]);
  return out;
}

/** Inputs that must earn a leaf its full points, and none at all. */
function inputFor(it: TemplateItem, which: 'best' | 'worst'): ItemInput {
  const best = which === 'best';
  const rule = it.rule as Rule;
  switch (rule.type) {
    case 'BINARY':
      return { kind: 'binary', value: best ? 'yes' : 'no' };
    case 'PERCENT_BANDS':
    case 'SURVEY':
      return { kind: 'percent', value: best ? 100 : 0 };
    case 'RATIO':
      return { kind: 'ratio', numerator: best ? 7 : 0, denominator: 7 };
    case 'COUNT_DEDUCT':
      return { kind: 'count', value: best ? 0 : 100 };
    case 'MANUAL':
      return { kind: 'manual', value: best ? it.max : 0 };
    case 'FORMULA':
      return { kind: 'variables', values: Object.fromEntries(rule.variables.map((v) => [v.name, (best ? v.max : v.min) ?? 0])) };
  }
}

const entry = (input: ItemInput): ItemEntry => ({ input, selfScore: null, evidence: [] });

// ---- the set of files --------------------------------------------------------------------------
describe('built-in templates: the set', () => {
  it('holds exactly the four templates, one per file', () => {
    expect(FILES).toEqual(['iso-9001-2008.json', 'par-huyen-legacy.json', 'par-so-2026.json', 'par-xa-2026.json']);
    expect([...TEMPLATES.keys()].sort()).toEqual(['iso-9001', 'par-huyen', 'par-so', 'par-xa']);
  });
});

// ---- properties every template has ---------------------------------------------------------------
describe.each(FILES)('%s', (file) => {
  const raw: unknown = JSON.parse(readFileSync(DIR + file, 'utf8'));
  const t = load(file);

  it('parses with parseTemplate (schema and structural checks); the PAR templates at schemaVersion 2 (counts, shared values, ranges)', () => {
    const r = parseTemplate(raw, file);
    expect(r.ok ? [] : r.error).toEqual([]);
    expect((raw as { schemaVersion: unknown }).schemaVersion).toBe(file.startsWith('par-') ? 2 : 1);
    expect(t.kind).toBe('parscore.template');
    expect(t.version).toBe(1);
  });

  it('is a sample with the notice in both titles and a ParScore legal basis', () => {
    expect(t.sample).toBe(true);
    expect(t.title.vi.endsWith(SAMPLE_VI)).toBe(true);
    expect(t.title.vi.length).toBeGreaterThan(SAMPLE_VI.length + 10);
    expect(t.title.en?.endsWith(SAMPLE_EN)).toBe(true);
    expect(t.legalBasis.decisionNo).toMatch(/^Mẫu ParScore theo QĐ \S+ ngày \d{2}\/\d{1,2}\/\d{4}$/);
    expect(t.sources.length).toBeGreaterThanOrEqual(5);
    for (const s of t.sources) expect(s).toMatch(/^C-\d{2} https?:\/\/\S+$/);
  });

  it('adds up: roots sum to maxPoints = 100 and every child set sums exactly to its parent', () => {
    // Quarter points only, so binary floating point adds them exactly.
    for (const it of t.items) expect(Number.isInteger(it.max * 4), it.code).toBe(true);
    expect(t.maxPoints).toBe(100);
    expect(sum(maxima(roots(t)))).toBe(100);
    for (const it of t.items) {
      const kids = childrenOf(t, it.code);
      if (kids.length > 0) expect(sum(maxima(kids)), `children of ${it.code}`).toBe(it.max);
    }
  });

  it('has codes that nest under their parent, parents before children', () => {
    const seen = new Set<string>();
    for (const it of t.items) {
      expect(seen.has(it.code), `duplicate ${it.code}`).toBe(false);
      if (it.parent !== null) {
        expect(seen.has(it.parent), `${it.code} before its parent`).toBe(true);
        expect(it.code.startsWith(it.parent), it.code).toBe(true);
        expect(it.code.length).toBeGreaterThan(it.parent.length);
      }
      seen.add(it.code);
    }
  });

  it('gives every leaf a rule, a scoring guide and an evidence hint in both languages; no parent has a rule', () => {
    for (const it of t.items) {
      if (isLeaf(t, it)) {
        expect(it.rule, it.code).toBeDefined();
        expect(it.scoringGuide?.vi, it.code).toBeTruthy();
        expect(it.scoringGuide?.en, it.code).toBeTruthy();
        expect(it.evidenceHint?.vi, it.code).toBeTruthy();
        expect(it.evidenceHint?.en, it.code).toBeTruthy();
      } else {
        expect(it.rule, it.code).toBeUndefined();
      }
      expect(it.title.en, it.code).toBeTruthy();
    }
  });

  it('has NFC-normalised, non-empty Vietnamese texts', () => {
    const texts = vietnameseTexts(t);
    expect(texts.length).toBeGreaterThan(t.items.length);
    for (const [where, s] of texts) {
      expect(s.trim().length, where).toBeGreaterThan(0);
      expect(s === s.normalize('NFC'), where).toBe(true);
    }
    // Written with full diacritics (the official style), not stripped ASCII.
    for (const it of roots(t)) expect(it.title.vi, it.code).toMatch(/[à-ỹĐđ]/u);
  });

  it('states rule parameters the way the brief reads them', () => {
    for (const it of leaves(t)) {
      const r = it.rule as Rule;
      expect(r.type === 'SURVEY', `${it.code} survey flag`).toBe(it.survey);
      if (r.type === 'PERCENT_BANDS') {
        const mins = r.bands.map((b) => b.min);
        const pts = r.bands.map((b) => b.points);
        expect(mins, it.code).toEqual([...mins].sort((a, b) => b - a));
        expect(new Set(mins).size, it.code).toBe(mins.length);
        expect(mins.at(-1), `${it.code} lowest band`).toBe(0);
        expect(pts[0], `${it.code} top band`).toBe(it.max);
        expect(pts, it.code).toEqual([...pts].sort((a, b) => b - a));
      }
      if (r.type === 'COUNT_DEDUCT') expect(r.perCount, it.code).toBeLessThanOrEqual(it.max);
      if (r.type === 'MANUAL' && r.step !== undefined) expect(Number.isInteger(it.max / r.step), it.code).toBe(true);
    }
  });

  it('lets every leaf reach exactly its max and fall to 0 through the scoring engine', () => {
    const ct = compileTemplate(t);
    for (const it of leaves(t)) {
      const best = scoreItemInput(ct, it.code, inputFor(it, 'best'));
      const worst = scoreItemInput(ct, it.code, inputFor(it, 'worst'));
      expect(best.ok && best.value.score, `${it.code} best`).toBe(it.max);
      expect(worst.ok && worst.value.score, `${it.code} worst`).toBe(0);
    }
  });

  it('scores 100 for a perfect self-assessment, split into the appraised and survey parts', () => {
    const ct = compileTemplate(t);
    const items = Object.fromEntries(leaves(t).map((l) => [l.code, entry(inputFor(l, 'best'))]));
    const { report, issues } = scoreAssessment(ct, { items });
    expect(issues).toEqual([]);
    expect(report.total).toBe(100);
    expect(report.index).toBe(100);
    const { appraised, survey } = split(t);
    expect(report.self).toEqual({ score: appraised, max: appraised });
    expect(report.survey).toEqual({ score: survey, max: survey });
    expect(report.leafCount).toBe(leaves(t).length);
  });

  it('links indicators only to existing items, with consistent types', () => {
    const codes = new Set(t.items.map((i) => i.code));
    for (const ind of t.indicators) {
      if (ind.item !== undefined) expect(codes.has(ind.item), ind.code).toBe(true);
      if (ind.aggregate === 'COUNT_YES') expect(ind.type, ind.code).toBe('boolean');
      if (ind.aggregate === 'SUM' || ind.aggregate === 'AVERAGE' || ind.aggregate === 'SHARED') expect(['number', 'count'], ind.code).toContain(ind.type);
    }
  });

  it('keeps bonus and penalty items within their caps', () => {
    for (const block of [t.bonus, t.penalty]) for (const a of block.items) expect(a.max).toBeLessThanOrEqual(block.cap);
  });
});

// ---- the PAR templates ----------------------------------------------------------------------------
const PAR_INDICATORS: Array<[code: string, en: string, type: 'number' | 'count' | 'boolean', aggregate: string]> = [
  ['KK01', 'Legal normative documents issued', 'count', 'SUM'],
  ['KK02', 'Legal normative documents checked', 'count', 'SUM'],
  ['KK03', 'Legal normative documents to amend or supplement', 'count', 'SUM'],
  ['KK04', 'Legal normative documents annulled', 'count', 'SUM'],
  ['KK05', 'Administrative procedures in scope', 'count', 'SUM'],
  ['KK06', 'Administrative procedures simplified', 'count', 'SUM'],
  ['KK07', 'One-stop mechanism in operation', 'boolean', 'COUNT_YES'],
  ['KK08', 'Inter-agency one-stop mechanism in operation', 'boolean', 'COUNT_YES'],
  ['KK09', 'E-office software in use', 'boolean', 'COUNT_YES'],
  ['KK10', 'ISO 9001 QMS built', 'boolean', 'COUNT_YES'],
  ['KK11', 'ISO 9001 QMS announced', 'boolean', 'COUNT_YES'],
  ['KK12', 'ISO 9001 QMS maintained', 'boolean', 'COUNT_YES'],
  ['KK13', 'LAN connected to the provincial network', 'boolean', 'COUNT_YES'],
  ['KK14', 'Dossiers received', 'count', 'SUM'],
  ['KK15', 'Dossiers resolved on time', 'count', 'SUM'],
  ['KK16', 'Full-process online public services', 'count', 'SUM'],
  ['KK17', 'Share of documents sent electronically', 'number', 'AVERAGE'],
  ['KK18', 'CCHC tasks done', 'count', 'SUM'],
  ['KK19', 'CCHC tasks in total', 'count', 'SUM'],
];

describe.each(['par-so', 'par-xa', 'par-huyen'])('PAR template %s', (id) => {
  const t = get(id);

  it('carries the declared-figure list (số liệu kê khai) with types and aggregates', () => {
    // A district's or commune's procedure set is one number for the whole level, not a sum over them.
    const expected = PAR_INDICATORS.map(([code, en, type, aggregate]) => [code, en, type, code === 'KK05' && id !== 'par-so' ? 'SHARED' : aggregate]);
    expect(t.indicators.map((i) => [i.code, i.title.en, i.type, i.aggregate])).toEqual(expected);
    expect(t.indicators.find((i) => i.code === 'KK17')).toMatchObject({ unit: '%', min: 0, max: 100 });
    // The figures behind a scored item point at it: tasks done/total at the plan-completion item.
    expect(t.indicators.find((i) => i.code === 'KK18')?.item).toBe('1.2');
    expect(t.indicators.find((i) => i.code === 'KK19')?.item).toBe('1.2');
  });

  it('has a bonus block capped at 2 and a penalty block capped at 5, with examples', () => {
    expect(t.bonus.cap).toBe(2);
    expect(t.penalty.cap).toBe(5);
    expect(t.bonus.items.map((a) => a.code)).toEqual(['TH1', 'TH2']);
    expect(t.penalty.items.map((a) => a.code)).toEqual(['TR1', 'TR2', 'TR3']);
    expect(t.penalty.items.some((a) => /kiểm chứng không trung thực/u.test(a.title.vi))).toBe(true);
  });

  it('is based on a Bộ Nội vụ decision', () => {
    expect(t.legalBasis.issuer).toBe('Bộ Nội vụ');
  });

  it('scores the unit 766 index by formula', () => {
    const f = t.items.find((i) => i.rule?.type === 'FORMULA' && i.rule.variables.some((v) => v.name === 'd766'));
    expect(f?.rule).toEqual({
      type: 'FORMULA',
      expression: `${f?.max} * d766 / 100`,
      variables: [{ name: 'd766', label: expect.objectContaining({ vi: 'Điểm Chỉ số 766 của đơn vị' }), min: 0, max: 100 }],
    });
  });
});

describe('par-so (sở, ban, ngành; table C.1)', () => {
  const t = get('par-so');

  it('applies to departments under QĐ 876/QĐ-BNV', () => {
    expect(t.appliesTo).toEqual(['department']);
    expect(t.legalBasis).toEqual({ decisionNo: 'Mẫu ParScore theo QĐ 876/QĐ-BNV ngày 10/11/2022', date: '2022-11-10', issuer: 'Bộ Nội vụ' });
  });

  it('has areas 12+8+14+6+10+6+14 appraised and 30 survey (12+12+6): 70/30', () => {
    expect(roots(t).map((r) => [r.code, r.max])).toEqual([
      ['1', 12], ['2', 8], ['3', 14], ['4', 6], ['5', 10], ['6', 6], ['7', 14], ['8', 30],
    ]);
    expect(split(t)).toEqual({ appraised: 70, survey: 30 });
    expect(childrenOf(t, '8').map((c) => [c.code, c.max, c.survey, c.rule?.type])).toEqual([
      ['8.1', 12, true, 'SURVEY'], ['8.2', 12, true, 'SURVEY'], ['8.3', 6, true, 'SURVEY'],
    ]);
  });

  it('encodes every row of C.1, area → criterion → sub-criterion', () => {
    expect(t.items.map((i) => i.code)).toEqual([
      '1', '1.1', '1.1.1', '1.1.2', '1.2', '1.3', '1.4', '1.4.1', '1.4.2', '1.5', '1.6', '1.7',
      '2', '2.1', '2.1.1', '2.1.2', '2.2', '2.2.1', '2.2.2', '2.3', '2.4',
      '3', '3.1', '3.1.1', '3.1.2', '3.2', '3.2.1', '3.2.2', '3.3', '3.4', '3.5', '3.6',
      '4', '4.1', '4.2', '4.3', '4.4',
      '5', '5.1', '5.2', '5.3', '5.4', '5.5',
      '6', '6.1', '6.2', '6.3',
      '7', '7.1', '7.2', '7.3', '7.4', '7.5', '7.5.1', '7.5.2', '7.5.2.1', '7.5.2.2', '7.5.3',
      '8', '8.1', '8.2', '8.3',
    ]);
  });

  it('maps the rule column faithfully', () => {
    const rule = (code: string) => t.items.find((i) => i.code === code)?.rule;
    expect(rule('1.2')).toEqual({ type: 'PERCENT_BANDS', bands: [{ min: 100, points: 3 }, { min: 80, points: 1.5 }, { min: 0, points: 0 }] });
    expect(rule('1.3')).toEqual({ type: 'COUNT_DEDUCT', perCount: 0.5 });
    expect(rule('3.3')).toEqual({
      type: 'PERCENT_BANDS',
      bands: [{ min: 100, points: 3 }, { min: 95, points: 2 }, { min: 90, points: 1 }, { min: 0, points: 0 }],
    });
    expect(rule('3.4')).toEqual({ type: 'RATIO', zeroDenominator: 'FULL' });
    expect(rule('7.1')).toEqual({ type: 'PERCENT_BANDS', bands: [{ min: 95, points: 3 }, { min: 80, points: 1.5 }, { min: 0, points: 0 }] });
    // "BINARY plan + RATIO done" → two sub-items.
    expect([rule('2.2.1')?.type, rule('2.2.2')?.type, rule('3.2.1')?.type, rule('3.2.2')?.type]).toEqual(['BINARY', 'RATIO', 'BINARY', 'RATIO']);
    // ISO maintenance: "1 point each".
    expect(childrenOf(t, '7.5.2').map((c) => [c.max, c.rule?.type])).toEqual([[1, 'BINARY'], [1, 'BINARY']]);
    expect(childrenOf(t, '7.5').map((c) => c.max)).toEqual([1, 2, 1]);
  });

  it('allows "not applicable" only where it is real', () => {
    expect(t.items.filter((i) => i.notApplicableAllowed).map((i) => i.code)).toEqual(['2.1.1', '6.3']);
    expect(t.items.find((i) => i.code === '6.3')?.title.vi).toBe('Tự chủ của đơn vị sự nghiệp công lập trực thuộc');
  });
});

describe('par-xa (xã, phường; table C.3)', () => {
  const t = get('par-xa');

  it('applies to communes under QĐ 876/QĐ-BNV', () => {
    expect(t.appliesTo).toEqual(['commune']);
    expect(t.legalBasis.decisionNo).toBe('Mẫu ParScore theo QĐ 876/QĐ-BNV ngày 10/11/2022');
    expect(t.legalBasis.date).toBe('2022-11-10');
  });

  it('has areas 12+8+20+6+10+8+16 appraised and 20 survey (12+8): 80/20', () => {
    expect(roots(t).map((r) => [r.code, r.max])).toEqual([
      ['1', 12], ['2', 8], ['3', 20], ['4', 6], ['5', 10], ['6', 8], ['7', 16], ['8', 20],
    ]);
    expect(split(t)).toEqual({ appraised: 80, survey: 20 });
    expect(childrenOf(t, '8').map((c) => [c.code, c.max, c.survey])).toEqual([['8.1', 12, true], ['8.2', 8, true]]);
  });

  it('encodes every row of C.3 with its rule', () => {
    const criteria = t.items.filter((i) => /^\d+\.\d+$/.test(i.code)).map((i) => [i.code, i.max]);
    expect(criteria).toEqual([
      ['1.1', 2], ['1.2', 3], ['1.3', 2], ['1.4', 2], ['1.5', 3],
      ['2.1', 3], ['2.2', 2], ['2.3', 3],
      ['3.1', 3], ['3.2', 3], ['3.3', 5], ['3.4', 2], ['3.5', 3], ['3.6', 2], ['3.7', 2],
      ['4.1', 2], ['4.2', 2], ['4.3', 2],
      ['5.1', 3], ['5.2', 2], ['5.3', 3], ['5.4', 2],
      ['6.1', 3], ['6.2', 2], ['6.3', 3],
      ['7.1', 3], ['7.2', 3], ['7.3', 3], ['7.4', 2], ['7.5', 5],
      ['8.1', 12], ['8.2', 8],
    ]);
    const rule = (code: string) => t.items.find((i) => i.code === code)?.rule;
    // "BINARY × 2"
    expect(childrenOf(t, '1.1').map((c) => [c.max, c.rule?.type])).toEqual([[1, 'BINARY'], [1, 'BINARY']]);
    // ISO "1 + 2 + 2"
    expect(childrenOf(t, '7.5').map((c) => c.max)).toEqual([1, 2, 2]);
    expect(rule('3.3')).toEqual({
      type: 'PERCENT_BANDS',
      bands: [{ min: 100, points: 5 }, { min: 95, points: 3 }, { min: 90, points: 1 }, { min: 0, points: 0 }],
    });
    expect(rule('6.1')).toEqual({ type: 'PERCENT_BANDS', bands: [{ min: 100, points: 3 }, { min: 90, points: 1.5 }, { min: 0, points: 0 }] });
    expect(rule('3.4')).toEqual({ type: 'RATIO', zeroDenominator: 'FULL' });
    expect(t.items.some((i) => i.notApplicableAllowed)).toBe(false);
  });
});

describe('par-huyen (legacy districts; table C.2, proposal column)', () => {
  const t = get('par-huyen');

  it('applies to districts under QĐ 1149/QĐ-BNV', () => {
    expect(t.appliesTo).toEqual(['district']);
    expect(t.legalBasis).toEqual({ decisionNo: 'Mẫu ParScore theo QĐ 1149/QĐ-BNV ngày 30/12/2020', date: '2020-12-30', issuer: 'Bộ Nội vụ' });
  });

  it('has exactly 9 areas with the proposed maxima, survey 20 inside area 9: 80/20', () => {
    expect(roots(t)).toHaveLength(9);
    expect(maxima(roots(t))).toEqual([14, 8, 10, 6, 10.5, 6, 14, 9, 22.5]);
    expect(split(t)).toEqual({ appraised: 80, survey: 20 });
    const surveyLeaves = leaves(t).filter((l) => l.survey);
    expect(surveyLeaves.every((l) => rootOf(t, l).code === '9')).toBe(true);
    expect(sum(maxima(surveyLeaves))).toBe(20);
  });

  it('splits each area into criteria, every leaf with a rule', () => {
    for (const area of roots(t)) expect(childrenOf(t, area.code).length, area.code).toBeGreaterThanOrEqual(3);
    expect(leaves(t).every((l) => l.rule !== undefined)).toBe(true);
    // Area 3's on-time rule: 100% → max; 95–<100% → 2/3 max; 90–<95% → 1/3 max.
    const onTime = t.items.find((i) => i.code === '3.2');
    expect(onTime?.rule).toEqual({
      type: 'PERCENT_BANDS',
      bands: [{ min: 100, points: 3 }, { min: 95, points: 2 }, { min: 90, points: 1 }, { min: 0, points: 0 }],
    });
    // Area 7 has the district ISO item and the ISO ratio for communes.
    expect(t.items.find((i) => i.code === '7.6')?.rule).toEqual({ type: 'RATIO', zeroDenominator: 'ZERO' });
  });
});

describe('iso-9001 (ISO 9001:2008 checklist; table C.4)', () => {
  const t = get('iso-9001');
  const PHASE: Record<string, string> = { A: 'build', B: 'apply', C: 'announce', D: 'maintain', E: 'improve' };

  it('applies to all agency groups under QĐ 19/2014/QĐ-TTg', () => {
    expect(t.appliesTo).toEqual(['department', 'district', 'commune']);
    expect(t.legalBasis).toEqual({
      decisionNo: 'Mẫu ParScore theo QĐ 19/2014/QĐ-TTg ngày 05/3/2014',
      date: '2014-03-05',
      issuer: 'Thủ tướng Chính phủ',
    });
  });

  it('has phases A–E of 35/24/12/18/11 and no optional F or G', () => {
    expect(roots(t).map((r) => [r.code, r.max])).toEqual([['A', 35], ['B', 24], ['C', 12], ['D', 18], ['E', 11]]);
    expect(t.items.some((i) => /^[FG]/.test(i.code))).toBe(false);
    expect(split(t)).toEqual({ appraised: 100, survey: 0 });
  });

  it('maps every leaf to ISO 9001:2008 clauses 4–8 and to its phase', () => {
    for (const l of leaves(t)) {
      expect(l.isoClauses?.length, l.code).toBeGreaterThan(0);
      for (const c of l.isoClauses ?? []) {
        const major = Number(c.split('.')[0]);
        expect(major >= 4 && major <= 8, `${l.code} ${c}`).toBe(true);
      }
      expect(l.isoPhase, l.code).toBe(PHASE[rootOf(t, l).code]);
    }
    expect(t.items.find((i) => i.code === 'A2')?.isoClauses).toEqual(['5.3']);
    expect(t.items.find((i) => i.code === 'B3')?.isoClauses).toEqual(['4.2.3']);
  });

  it('scores C3 (re-announcement) as BINARY with "not applicable", the only such item', () => {
    const c3 = t.items.find((i) => i.code === 'C3');
    expect(c3?.rule).toEqual({ type: 'BINARY' });
    expect(c3?.notApplicableAllowed).toBe(true);
    expect(t.items.filter((i) => i.notApplicableAllowed).map((i) => i.code)).toEqual(['C3']);
  });

  it('carries the ISO declared figures', () => {
    expect(t.indicators.map((i) => [i.title.en, i.type, i.aggregate])).toEqual([
      ['QMS built', 'boolean', 'COUNT_YES'],
      ['QMS announced', 'boolean', 'COUNT_YES'],
      ['QMS maintained', 'boolean', 'COUNT_YES'],
      ['Procedures in QMS scope', 'number', 'SUM'],
      ['Administrative procedures (TTHC) in scope', 'number', 'SUM'],
      ['Internal audits this year', 'number', 'SUM'],
    ]);
  });

  it('re-bases to 100 when C3 does not apply', () => {
    const ct = compileTemplate(t);
    const items = Object.fromEntries(
      leaves(t).map((l) => [l.code, entry(l.code === 'C3' ? { kind: 'notApplicable' } : inputFor(l, 'best'))]),
    );
    const { report, issues } = scoreAssessment(ct, { items });
    expect(issues).toEqual([]);
    expect(report.max).toBe(98);
    expect(report.total).toBe(98);
    expect(report.index).toBe(100);
  });
});
