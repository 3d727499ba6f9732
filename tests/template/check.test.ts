import { describe, expect, it } from 'vitest';
import { formatIssue, hasMessage } from '../../shared/i18n/index.ts';
import { checkFigureTies, checkTemplate } from '../../shared/template/check.ts';
import type { Issue } from '../../shared/util/issue.ts';
import {
  type ItemSpec,
  type TemplateOptions,
  bands,
  binary,
  buildTemplate,
  formula,
  group,
  leaf,
  manual,
  surveyRule,
} from '../helpers/template-builder.ts';

const ID = 'bo-mau';

function check(items: ItemSpec[], opts: TemplateOptions = {}): Issue[] {
  const issues = checkTemplate(buildTemplate(items, { id: ID, ...opts }));
  for (const i of issues) {
    // Every issue renders in both languages, with every placeholder filled.
    expect(hasMessage(i.code)).toBe(true);
    for (const lang of ['vi', 'en'] as const) expect(formatIssue(lang, i)).not.toMatch(/\{\w+\}/);
    expect(i.at?.template).toBe(ID);
  }
  return issues;
}

/** Expects exactly one issue with this code, at this item and field. */
function expectOne(issues: Issue[], code: string, item: string | undefined, field: string): Issue {
  const found = issues.filter((i) => i.code === code);
  expect(found, JSON.stringify(issues)).toHaveLength(1);
  expect(found[0]!.at).toEqual(item === undefined ? { template: ID, field } : { template: ID, item, field });
  return found[0]!;
}

const ok: ItemSpec[] = [group('1', null, 10), leaf('1.1', '1', 4, binary()), leaf('1.2', '1', 6, manual(0.5)), leaf('2', null, 5, bands([90, 5], [50, 2]))];

describe('a sound template', () => {
  it('has no issues', () => {
    expect(check(ok)).toEqual([]);
  });
  it('allows children that add up to less than their parent and a parent of survey items that is not itself survey', () => {
    expect(check([group('1', null, 10), leaf('1.1', '1', 8, binary()), leaf('1.2', '1', 1, surveyRule(), { survey: true })])).toEqual([]);
  });
});

describe('codes and tree links', () => {
  it('duplicate item codes', () => {
    expectOne(check([...ok, leaf('1.1', '1', 0, binary())]), 'template.duplicate_item_code', '1.1', 'code');
  });
  it('a parent code that does not exist', () => {
    const issues = check([...ok, leaf('3.1', '3', 1, binary())], { maxPoints: 15 });
    expect(expectOne(issues, 'template.parent_not_found', '3.1', 'parent').params).toEqual({ parent: '3' });
  });
  it('a cycle in parent links, reported once', () => {
    const issues = check([...ok, group('A', 'C', 1), group('B', 'A', 1), leaf('C', 'B', 1, binary())], { maxPoints: 15 });
    const i = expectOne(issues, 'template.parent_cycle', 'A', 'parent');
    expect(i.params).toEqual({ cycle: 'A → C → B → A' });
  });
  it('an item that is its own parent', () => {
    expectOne(check([...ok, leaf('X', 'X', 1, binary())], { maxPoints: 15 }), 'template.parent_cycle', 'X', 'parent');
  });
  it('a leaf without a rule and a parent with one', () => {
    const issues = check([group('1', null, 10, { rule: { type: 'BINARY' } }), leaf('1.1', '1', 10, binary()), group('2', null, 5)]);
    expectOne(issues, 'template.parent_with_rule', '1', 'rule');
    expectOne(issues, 'template.leaf_without_rule', '2', 'rule');
  });
});

describe('max points', () => {
  it('children adding up to more than their parent', () => {
    const i = expectOne(check([group('1', null, 10), leaf('1.1', '1', 6, binary()), leaf('1.2', '1', 4.5, binary())]), 'template.children_exceed_max', '1', 'max');
    expect(i.params).toEqual({ sum: 10.5, max: 10 });
  });
  it('tolerates float noise in the sum (0.1 + 0.2 of 0.3)', () => {
    expect(check([group('1', null, 0.3), leaf('1.1', '1', 0.1, binary()), leaf('1.2', '1', 0.2, binary())])).toEqual([]);
  });
  it('areas that do not add up to maxPoints, either way', () => {
    expectOne(check(ok, { maxPoints: 100 }), 'template.roots_max_mismatch', undefined, 'maxPoints');
    expectOne(check(ok, { maxPoints: 14 }), 'template.roots_max_mismatch', undefined, 'maxPoints');
  });
});

describe('rule parameters', () => {
  it('PERCENT_BANDS: band points above the item max', () => {
    expectOne(check([leaf('1', null, 2, bands([100, 3], [80, 1]))]), 'template.band_above_max', '1', 'rule.bands[0].points');
  });
  it('PERCENT_BANDS: thresholds out of order', () => {
    const i = expectOne(check([leaf('1', null, 3, bands([80, 1], [100, 3]))]), 'template.bands_not_descending', '1', 'rule.bands[1].min');
    expect(i.params).toEqual({ min: 100, previous: 80 });
  });
  it('PERCENT_BANDS: a repeated threshold', () => {
    expectOne(check([leaf('1', null, 3, bands([100, 3], [80, 2], [80, 1]))]), 'template.bands_not_descending', '1', 'rule.bands[2].min');
  });
  it('MANUAL: a step larger than the max', () => {
    expectOne(check([leaf('1', null, 1, manual(2))]), 'template.step_above_max', '1', 'rule.step');
  });
  it('FORMULA: a syntax error', () => {
    expectOne(check([leaf('1', null, 1, formula('x +', ['x']))]), 'scoring.formula_syntax', '1', 'rule.expression');
  });
  it('FORMULA: a variable used but not declared', () => {
    const i = expectOne(check([leaf('1', null, 1, formula('x + y', ['x']))]), 'scoring.formula_undeclared_variable', '1', 'rule.expression');
    expect(i.params).toEqual({ name: 'y' });
  });
  it('FORMULA: a variable declared twice', () => {
    expectOne(check([leaf('1', null, 1, formula('x', ['x', 'x']))]), 'template.duplicate_variable', '1', 'rule.variables[1].name');
  });
  it('FORMULA: a variable with min above max', () => {
    expectOne(check([leaf('1', null, 1, formula('x', [{ name: 'x', min: 5, max: 1 }]))]), 'template.variable_min_above_max', '1', 'rule.variables[0].min');
  });
});

describe('survey flags', () => {
  it('a SURVEY rule on an item not flagged survey', () => {
    expectOne(check([leaf('1', null, 1, surveyRule())]), 'template.survey_rule_not_survey', '1', 'rule.type');
  });
  it('a survey item with another rule', () => {
    expectOne(check([leaf('1', null, 1, binary(), { survey: true })]), 'template.survey_item_without_survey_rule', '1', 'rule.type');
  });
  it('a survey parent with a non-survey descendant', () => {
    const issues = check([
      group('8', null, 2, { survey: true }),
      group('8.1', '8', 2, { survey: true }),
      leaf('8.1.1', '8.1', 1, surveyRule(), { survey: true }),
      leaf('8.1.2', '8.1', 1, binary()),
    ]);
    const found = issues.filter((i) => i.code === 'template.survey_parent_mixed');
    expect(found.map((i) => [i.at?.item, i.at?.field, i.params?.child])).toEqual([
      ['8', 'survey', '8.1.2'],
      ['8.1', 'survey', '8.1.2'],
    ]);
  });
  it('"not applicable" allowed on a survey item', () => {
    expectOne(check([leaf('1', null, 1, surveyRule(), { survey: true, notApplicableAllowed: true })]), 'template.na_on_survey', '1', 'notApplicableAllowed');
  });
});

describe('indicators, adjustments, groups', () => {
  const ind = (code: string, type: 'number' | 'boolean' | 'text', aggregate: 'SUM' | 'AVERAGE' | 'COUNT_YES' | 'NONE', item?: string) => ({
    code,
    title: { vi: code },
    type,
    aggregate,
    ...(item ? { item } : {}),
  });

  it('accepts aggregates that fit the type', () => {
    const indicators = [ind('a', 'number', 'SUM'), ind('b', 'number', 'AVERAGE'), ind('c', 'boolean', 'COUNT_YES'), ind('d', 'text', 'NONE'), ind('e', 'number', 'NONE', '1.1')];
    expect(check(ok, { indicators })).toEqual([]);
  });
  it.each([
    ['text', 'SUM'],
    ['boolean', 'AVERAGE'],
    ['number', 'COUNT_YES'],
    ['text', 'COUNT_YES'],
  ] as const)('aggregate incompatible with its type: %s with %s', (type, aggregate) => {
    expectOne(check(ok, { indicators: [ind('SL1', type, aggregate)] }), 'template.indicator_aggregate_mismatch', 'SL1', 'aggregate');
  });
  it('an indicator for an item that does not exist, and duplicate indicator codes', () => {
    const issues = check(ok, { indicators: [ind('SL1', 'number', 'SUM', '9.9'), ind('SL1', 'number', 'SUM')] });
    expectOne(issues, 'template.indicator_item_not_found', 'SL1', 'item');
    expectOne(issues, 'template.duplicate_indicator_code', 'SL1', 'code');
  });
  describe('declared figures of version 2 (counts, ranges, SHARED, ties to another template)', () => {
    type V2 = NonNullable<TemplateOptions['indicators']>[number];
    const fig = (code: string, over: Partial<V2>): V2 => ({ code, title: { vi: code }, type: 'count', aggregate: 'SUM', ...over });

    it('accepts counts and numbers summed, averaged or shared, with a range, and a tie to another template', () => {
      const indicators = [
        fig('a', {}),
        fig('b', { aggregate: 'SHARED', min: 0, max: 5000 }),
        fig('c', { type: 'number', aggregate: 'SHARED' }),
        fig('d', { aggregate: 'AVERAGE', min: 0, max: 0 }),
        fig('e', { type: 'boolean', aggregate: 'COUNT_YES', item: 'ISO-C1', itemTemplate: 'iso-9001-2008' }),
        fig('f', { type: 'boolean', aggregate: 'COUNT_YES', item: '1.1', itemTemplate: ID }),
      ];
      expect(check(ok, { indicators })).toEqual([]);
    });
    it.each([
      ['boolean', 'SHARED'],
      ['text', 'SHARED'],
      ['count', 'COUNT_YES'],
      ['boolean', 'SUM'],
    ] as const)('aggregate incompatible with its type: %s with %s', (type, aggregate) => {
      const i = expectOne(check(ok, { indicators: [fig('SL1', { type, aggregate })] }), 'template.indicator_aggregate_mismatch', 'SL1', 'aggregate');
      expect(i.params).toEqual({ aggregate, type });
    });
    it('a range on a yes/no figure, a lowest value above the highest, a count whose highest value is negative', () => {
      const issues = check(ok, {
        indicators: [fig('A', { type: 'boolean', aggregate: 'COUNT_YES', max: 1 }), fig('B', { min: 10, max: 5 }), fig('C', { max: -1 })],
      });
      expectOne(issues, 'template.indicator_range_not_number', 'A', 'max');
      expect(expectOne(issues, 'template.indicator_min_above_max', 'B', 'min').params).toEqual({ min: 10, max: 5 });
      expectOne(issues, 'template.indicator_count_max_negative', 'C', 'max');
      expect(issues).toHaveLength(3);
    });
    it('a template named without its item; an item of this template named through itemTemplate must exist', () => {
      const issues = check(ok, {
        indicators: [fig('A', { type: 'boolean', aggregate: 'COUNT_YES', itemTemplate: 'iso-9001-2008' }), fig('B', { type: 'boolean', aggregate: 'COUNT_YES', item: '7.7', itemTemplate: ID })],
      });
      expectOne(issues, 'template.indicator_template_without_item', 'A', 'itemTemplate');
      expectOne(issues, 'template.indicator_item_not_found', 'B', 'item');
    });
    it('ties to another template are checked once the group’s templates are known', () => {
      const t = buildTemplate(ok, { id: ID, indicators: [fig('A', { type: 'boolean', aggregate: 'COUNT_YES', item: 'C1', itemTemplate: 'iso-9001-2008' }), fig('B', { type: 'boolean', aggregate: 'COUNT_YES', item: 'C9', itemTemplate: 'iso-9001-2008' }), fig('C', { type: 'boolean', aggregate: 'COUNT_YES', item: 'X', itemTemplate: 'khac' })] });
      const isoT = buildTemplate([group('C', null, 10), leaf('C1', 'C', 10, binary())], { id: 'iso-9001-2008' });
      const issues = checkFigureTies(t, new Map([['iso-9001-2008', isoT]]));
      expect(issues.map((i) => [i.code, i.at?.item, i.at?.field])).toEqual([
        ['template.indicator_item_not_found_in', 'B', 'item'],
        ['template.indicator_item_template_missing', 'C', 'itemTemplate'],
      ]);
      expect(formatIssue('vi', issues[0]!)).toBe('bộ tiêu chí bo-mau · mục B · trường item: Số liệu gắn với mục C9 của bộ tiêu chí iso-9001-2008, nhưng bộ tiêu chí đó không có mục này.');
      for (const i of issues) expect(formatIssue('en', i)).not.toMatch(/\{\w+\}/);
    });
  });
  it('duplicate bonus and penalty codes', () => {
    const adj = { cap: 2, items: [{ code: 'T1', title: { vi: 'a' }, max: 1 }, { code: 'T1', title: { vi: 'b' }, max: 1 }] };
    const issues = check(ok, { bonus: adj, penalty: adj });
    expectOne(issues, 'template.duplicate_bonus_code', 'T1', 'bonus.items[1].code');
    expectOne(issues, 'template.duplicate_penalty_code', 'T1', 'penalty.items[1].code');
  });
  it('the same agency group listed twice', () => {
    expectOne(check(ok, { appliesTo: ['department', 'commune', 'department'] }), 'template.duplicate_applies_to', undefined, 'appliesTo[2]');
  });
});
