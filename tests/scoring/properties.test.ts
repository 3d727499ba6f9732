import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasMessage } from '../../shared/i18n/index.ts';
import type { Assessment, ItemInput } from '../../shared/schema/assessment.ts';
import type { Template, TemplateItem } from '../../shared/schema/template.ts';
import { round2, scoreAssessment, setAdjustment, setItemInput } from '../../shared/scoring/index.ts';
import { checkTemplate } from '../../shared/template/check.ts';
import { compileTemplate } from '../../shared/template/compile.ts';
import { type ItemSpec, buildTemplate, emptyAssessment } from '../helpers/template-builder.ts';

type RuleSpec = NonNullable<ItemSpec['rule']>;

const MAXES = [0.1, 0.2, 0.25, 0.5, 1, 1.5, 2, 3, 4, 10, 1 / 3, 2.05];
const FORMULAS = ['x * y / 10', 'x > y ? x - y : y - x', 'min(x, 3) + max(y, 0) - 1', 'x / y', 'round(x * 1.5) % 7', '!(x == y) && abs(x) || ceil(y / 3)'];

const arbRule = (max: number): fc.Arbitrary<RuleSpec> =>
  fc.oneof(
    fc.constant<RuleSpec>({ type: 'BINARY' }),
    fc
      .uniqueArray(fc.integer({ min: 0, max: 24 }), { minLength: 1, maxLength: 4 })
      .chain((mins) =>
        fc.tuple(...mins.map(() => fc.constantFrom(1, 0.5, 0.25, 0))).map((fractions): RuleSpec => ({
          type: 'PERCENT_BANDS',
          bands: [...mins].sort((a, b) => b - a).map((m, i) => ({ min: m * 5, points: max * (fractions[i] ?? 0) })),
        })),
      ),
    fc.constantFrom('FULL', 'ZERO', 'NOT_APPLICABLE').map((zeroDenominator): RuleSpec => ({ type: 'RATIO', zeroDenominator })),
    fc.constantFrom(0.1, 0.25, 0.5, 1).map((perCount): RuleSpec => ({ type: 'COUNT_DEDUCT', perCount })),
    fc.constantFrom(undefined, 0.25, 0.5).map((step): RuleSpec => (step !== undefined && step <= max ? { type: 'MANUAL', step } : { type: 'MANUAL' })),
    fc.tuple(fc.constantFrom(...FORMULAS), fc.boolean()).map(([expression, bounded]): RuleSpec => ({
      type: 'FORMULA',
      expression,
      variables: ['x', 'y'].map((name) => (bounded ? { name, label: { vi: name }, min: -10, max: 10 } : { name, label: { vi: name } })),
    })),
  );

interface LeafShape {
  kind: 'leaf';
  max: number;
  rule: RuleSpec;
  na: boolean;
}
interface GroupShape {
  kind: 'group';
  slack: number;
  children: Shape[];
}
type Shape = LeafShape | GroupShape;

const arbLeaf: fc.Arbitrary<LeafShape> = fc
  .constantFrom(...MAXES)
  .chain((max) => fc.record({ kind: fc.constant('leaf' as const), max: fc.constant(max), rule: arbRule(max), na: fc.boolean() }));

const arbShape = (depth: number): fc.Arbitrary<Shape> =>
  depth === 0
    ? arbLeaf
    : fc.oneof(
        arbLeaf,
        fc.record({
          kind: fc.constant('group' as const),
          slack: fc.constantFrom(0, 0, 0, 0.5),
          children: fc.array(arbShape(depth - 1), { minLength: 1, maxLength: 4 }),
        }),
      );

/** Flattens shapes into items with codes "1", "1.2", …; a parent's max is its children's sum plus slack. */
function flatten(shapes: Shape[], parent: string | null, out: ItemSpec[]): number {
  let sum = 0;
  shapes.forEach((s, i) => {
    const code = parent === null ? String(i + 1) : `${parent}.${i + 1}`;
    if (s.kind === 'leaf') {
      out.push({ code, parent, max: s.max, rule: s.rule, notApplicableAllowed: s.na });
      sum += s.max;
    } else {
      const at = out.length;
      out.push({ code, parent, max: 0 });
      const max = flatten(s.children, code, out) + s.slack;
      out[at] = { code, parent, max };
      sum += max;
    }
  });
  return sum;
}

const arbTemplate: fc.Arbitrary<Template> = fc
  .record({
    areas: fc.array(arbShape(2), { minLength: 1, maxLength: 4 }),
    survey: fc.array(fc.constantFrom(...MAXES), { maxLength: 3 }),
    bonus: fc.record({ cap: fc.constantFrom(0, 1, 2), maxes: fc.array(fc.constantFrom(0.5, 1, 2), { maxLength: 3 }) }),
    penalty: fc.record({ cap: fc.constantFrom(0, 2, 5), maxes: fc.array(fc.constantFrom(0.5, 1, 3), { maxLength: 3 }) }),
  })
  .map(({ areas, survey, bonus, penalty }) => {
    const items: ItemSpec[] = [];
    flatten(areas, null, items);
    if (survey.length > 0) {
      const code = String(areas.length + 1);
      items.push({ code, parent: null, max: survey.reduce((s, m) => s + m, 0), survey: true });
      survey.forEach((max, i) => items.push({ code: `${code}.${i + 1}`, parent: code, max, survey: true, rule: { type: 'SURVEY' } }));
    }
    const block = (b: { cap: number; maxes: number[] }, prefix: string) => ({
      cap: b.cap,
      items: b.maxes.map((max, i) => ({ code: `${prefix}${i + 1}`, title: { vi: `${prefix}${i + 1}` }, max })),
    });
    return buildTemplate(items, { id: 'gen', bonus: block(bonus, 'T'), penalty: block(penalty, 'P') });
  });

const arbNumber = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });

/** Inputs of every kind, valid or not for the item they land on. */
const arbInput: fc.Arbitrary<ItemInput> = fc.oneof(
  fc.constantFrom<ItemInput>({ kind: 'binary', value: 'yes' }, { kind: 'binary', value: 'no' }, { kind: 'notApplicable' }),
  fc.oneof(arbNumber(0, 150), fc.integer({ min: 0, max: 120 })).map((value): ItemInput => ({ kind: 'percent', value })),
  fc.tuple(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 12 })).map(([numerator, denominator]): ItemInput => ({ kind: 'ratio', numerator, denominator })),
  fc.integer({ min: 0, max: 12 }).map((value): ItemInput => ({ kind: 'count', value })),
  fc.oneof(arbNumber(-1, 11), fc.integer({ min: 0, max: 40 }).map((q) => q * 0.25)).map((value): ItemInput => ({ kind: 'manual', value })),
  fc
    .record({ x: fc.integer({ min: -12, max: 12 }), y: fc.integer({ min: -12, max: 12 }), extra: fc.boolean() })
    .map(({ x, y, extra }): ItemInput => ({ kind: 'variables', values: extra ? { x, y, z: 1 } : { x, y } })),
);

/** Inputs shaped for the item's rule (mostly accepted), so that edits do not all bounce. */
function arbFitting(item: TemplateItem): fc.Arbitrary<ItemInput> {
  const rule = item.rule!;
  const ratioInput = fc
    .tuple(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 12 }))
    .map(([a, b]): ItemInput => ({ kind: 'ratio', numerator: Math.min(a, b), denominator: Math.max(a, b) }));
  const na = fc.constant<ItemInput>({ kind: 'notApplicable' });
  const fitting = ((): fc.Arbitrary<ItemInput> => {
    switch (rule.type) {
      case 'BINARY':
        return fc.constantFrom<ItemInput>({ kind: 'binary', value: 'yes' }, { kind: 'binary', value: 'no' });
      case 'PERCENT_BANDS':
        return fc.oneof(arbNumber(0, 110).map((value): ItemInput => ({ kind: 'percent', value })), ratioInput);
      case 'RATIO':
        return ratioInput;
      case 'COUNT_DEDUCT':
        return fc.integer({ min: 0, max: 12 }).map((value): ItemInput => ({ kind: 'count', value }));
      case 'MANUAL': {
        const step = rule.step ?? 0.01;
        return fc.integer({ min: 0, max: Math.floor(item.max / step) }).map((q): ItemInput => ({ kind: 'manual', value: q * step }));
      }
      case 'SURVEY':
        return arbNumber(0, 100).map((value): ItemInput => ({ kind: 'percent', value }));
      case 'FORMULA':
        return fc.record({ x: fc.integer({ min: -10, max: 10 }), y: fc.integer({ min: -10, max: 10 }) }).map((values): ItemInput => ({ kind: 'variables', values }));
    }
  })();
  return item.notApplicableAllowed ? fc.oneof(fitting, fitting, na) : fitting;
}

const arbCase = arbTemplate.chain((t) => {
  const leafItems = t.items.filter((it) => it.rule);
  const leaves = leafItems.map((it) => it.code);
  const arbEdit = fc
    .constantFrom(...leafItems)
    .chain((item) => fc.tuple(fc.constant(item.code), fc.option(fc.oneof({ arbitrary: arbFitting(item), weight: 3 }, { arbitrary: arbInput, weight: 1 }), { nil: null, freq: 8 })));
  // Points as a fraction of the item's max (1.25 is above it and must be refused), or on an unknown code.
  const adjustments = (block: Template['bonus']) =>
    fc.array(
      fc.oneof(
        { arbitrary: fc.tuple(fc.constantFrom('X1'), arbNumber(0, 4)), weight: 1 },
        ...(block.items.length > 0
          ? [{ arbitrary: fc.tuple(fc.constantFrom(...block.items), fc.constantFrom(0, 0.5, 1, 1, 1.25)).map(([a, f]): [string, number] => [a.code, a.max * f]), weight: 4 }]
          : []),
      ),
      { maxLength: 4 },
    );
  return fc.record({
    template: fc.constant(t),
    // Sometimes every leaf gets an input first, so totals near the max (and the clamp there) are reached.
    prefill: fc.option(fc.tuple(...leafItems.map((item) => arbFitting(item).map((input): [string, ItemInput] => [item.code, input]))), { nil: null }),
    edits: fc.array(arbEdit, { maxLength: 25 }),
    unknown: fc.array(fc.tuple(fc.constantFrom(...leaves, 'X9'), arbInput), { maxLength: 3 }),
    bonus: adjustments(t.bonus),
    penalty: adjustments(t.penalty),
  });
});

function checkInvariants(a: Assessment, ct: ReturnType<typeof compileTemplate>): void {
  const { report, issues } = scoreAssessment(ct, a);
  for (const i of issues) expect(hasMessage(i.code), i.code).toBe(true);
  expect(report.total).toBeGreaterThanOrEqual(0);
  expect(report.total).toBeLessThanOrEqual(report.max);
  expect(report.max).toBeLessThanOrEqual(round2(ct.template.maxPoints));
  expect(report.index).toBeGreaterThanOrEqual(0);
  expect(report.index).toBeLessThanOrEqual(100);
  for (const item of Object.values(report.items)) {
    expect(item.score).toBeGreaterThanOrEqual(0);
    expect(item.score).toBeLessThanOrEqual(item.effectiveMax);
    expect(item.effectiveMax).toBeLessThanOrEqual(item.max);
    // Published with at most two decimals.
    expect(Math.abs(item.score * 100 - Math.round(item.score * 100))).toBeLessThan(1e-6);
    if (item.explain) expect(hasMessage(item.explain.key), item.explain.key).toBe(true);
  }
  // The self and survey parts make up the base and the max (up to the one rounding of each figure).
  expect(Math.abs(report.self.score + report.survey.score - report.base)).toBeLessThanOrEqual(0.011);
  expect(Math.abs(report.self.max + report.survey.max - report.max)).toBeLessThanOrEqual(0.011);
  expect(report.answered).toBeLessThanOrEqual(report.leafCount);
}

describe('scoring properties over generated templates and inputs', () => {
  it('generated templates pass checkTemplate', () => {
    fc.assert(
      fc.property(arbTemplate, (t) => {
        expect(checkTemplate(t)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps every figure in range, and setItemInput agrees with scoreAssessment', () => {
    fc.assert(
      fc.property(arbCase, ({ template, prefill, edits, bonus, penalty }) => {
        const ct = compileTemplate(template);
        let a = emptyAssessment(template);
        for (const [code, input] of [...(prefill ?? []), ...edits]) {
          const before = JSON.stringify(a);
          const r = setItemInput(ct, a, code, input);
          if (!r.ok) {
            expect(r.error.length).toBeGreaterThan(0);
            for (const i of r.error) expect(i.at).toMatchObject({ template: 'gen', item: code });
            expect(JSON.stringify(a)).toBe(before);
            continue;
          }
          const fresh = scoreAssessment(ct, r.value.assessment);
          expect(fresh.issues).toEqual([]);
          expect(r.value.report).toEqual(fresh.report);
          expect(r.value.item).toEqual(fresh.report.items[code]);
          const entry = r.value.assessment.items[code]!;
          const item = fresh.report.items[code]!;
          expect(entry.selfScore).toBe(item.state === 'scored' ? item.score : null);
          a = r.value.assessment;
          checkInvariants(a, ct);
        }
        for (const [block, entries] of [['bonus', bonus], ['penalty', penalty]] as const) {
          for (const [code, points] of entries) {
            const r = setAdjustment(ct, a, block, code, points);
            if (r.ok) {
              expect(r.value.report).toEqual(scoreAssessment(ct, r.value.assessment).report);
              a = r.value.assessment;
            }
          }
        }
        checkInvariants(a, ct);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on stored inputs of any kind, scoring refused ones as unanswered', () => {
    fc.assert(
      fc.property(arbCase, ({ template, edits, unknown }) => {
        const ct = compileTemplate(template);
        const a = emptyAssessment(template);
        for (const [code, input] of [...edits, ...unknown]) if (input) a.items[code] = { input, selfScore: null, evidence: [] };
        const { report, issues } = scoreAssessment(ct, a);
        checkInvariants(a, ct);
        for (const i of issues) {
          expect(i.at?.template).toBe('gen');
          const item = report.items[i.at!.item!];
          if (item) expect(item.state).toBe('unanswered');
          else expect(i.code).toBe('scoring.unknown_item');
        }
      }),
      { numRuns: 300 },
    );
  });
});
