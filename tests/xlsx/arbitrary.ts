/**
 * Random valid templates for the round-trip property: trees of any shape, every rule type, every
 * optional field present or absent, and texts full of characters that are awkward in a sheet
 * (= + - @ at the start, | [ ] \ ; line breaks, tabs, carriage returns, "_x000D_").
 */
import * as fc from 'fast-check';
import type { AgencyGroup, Rule, TemplateInput, TemplateItemInput } from '../../shared/schema/index.ts';

const unit = fc.constantFrom(
  'a', 'B', 'ă', 'Đ', 'ệ', 'ữ', 'ơ', ' ', ' ', '=', '+', '-', '@', '|', '[', ']', '\\', ';', ':', ',', '.',
  '\n', '\t', '\r', '_', 'x', '0', 'D', '1', '%', '"', "'", '<', '&', '→',
);
export const text = (maxLength = 24) =>
  fc
    .string({ unit, minLength: 1, maxLength })
    .map((s) => s.trim())
    .filter((s) => s !== '');
const localized = fc.record({ vi: text(), en: fc.option(text(), { nil: undefined }) }).map((l) => (l.en === undefined ? { vi: l.vi } : l));
const optional = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
const points = fc.double({ min: 0, max: 100, noNaN: true });
const fraction = fc.double({ min: 0, max: 1, noNaN: true });
const anyNumber = fc.double({ min: -1e6, max: 1e6, noNaN: true }).filter((n) => !Object.is(n, -0));

/** A rule for a leaf whose max is `max`, so that bands and steps fit under it. */
function ruleFor(max: number): fc.Arbitrary<Rule> {
  const rules: fc.Arbitrary<Rule>[] = [
    fc.constant<Rule>({ type: 'BINARY' }),
    fc.uniqueArray(points, { minLength: 1, maxLength: 5 }).chain((mins) =>
      fc.array(fraction, { minLength: mins.length, maxLength: mins.length }).map((fs): Rule => ({
        type: 'PERCENT_BANDS',
        bands: [...mins].sort((a, b) => b - a).map((min, i) => ({ min, points: (fs[i] ?? 0) * max })),
      })),
    ),
    fc.constantFrom('FULL', 'ZERO', 'NOT_APPLICABLE').map((z): Rule => ({ type: 'RATIO', zeroDenominator: z })),
    points.filter((n) => n > 0).map((n): Rule => ({ type: 'COUNT_DEDUCT', perCount: n })),
    fc.constant<Rule>({ type: 'MANUAL' }),
    fc.uniqueArray(
      fc.record({ name: fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,6}$/), label: localized, lo: optional(anyNumber), span: optional(points) }),
      { minLength: 1, maxLength: 3, selector: (v) => v.name },
    ).map((vars): Rule => ({
      type: 'FORMULA',
      expression: vars.map((v, i) => (i === 0 ? `0.5 * ${v.name}` : v.name)).join(' + '),
      variables: vars.map((v) => {
        const out: { name: string; label: { vi: string; en?: string }; min?: number; max?: number } = { name: v.name, label: v.label };
        if (v.lo !== undefined) out.min = v.lo;
        if (v.span !== undefined) out.max = (v.lo ?? 0) + v.span;
        return out;
      }),
    })),
  ];
  if (max > 0) {
    rules.push(fraction.filter((f) => f > 0 && f * max > 0).map((f): Rule => ({ type: 'MANUAL', step: f * max })));
  }
  return fc.oneof(...rules);
}

const nodeArb = fc.record({
  step: fc.integer({ min: -3, max: 1 }),
  max: points,
  extra: optional(points),
  survey: fc.nat(4).map((n) => n === 0),
  title: localized,
  guide: optional(localized),
  evidence: optional(localized),
  na: fc.boolean(),
  isoClauses: optional(fc.array(fc.stringMatching(/^[4-8](\.\d{1,2}){0,2}$/), { maxLength: 3 })),
  isoPhase: optional(fc.constantFrom('build', 'apply', 'announce', 'maintain', 'improve', 'report' as const)),
});

export const templateArb: fc.Arbitrary<TemplateInput> = fc
  .record({
    prefix: fc.constantFrom('', 'TC', 'Mục', 'A-', 'đ'),
    nodes: fc.array(nodeArb, { minLength: 1, maxLength: 14 }),
  })
  .chain(({ prefix, nodes }) => {
    // Depths: the first node is an area; each next node goes at most one level deeper (max 4).
    const depth: number[] = [];
    nodes.forEach((n, i) => {
      const prev = depth[i - 1] ?? 0;
      depth.push(i === 0 ? 1 : Math.max(1, Math.min(prev + 1, 4, prev + n.step)));
    });
    const codes = nodes.map((_, i) => `${prefix}${i + 1}`);
    const parent = depth.map((d, i) => {
      if (d === 1) return null;
      for (let j = i - 1; j >= 0; j--) if (depth[j] === d - 1) return codes[j] ?? null;
      return null;
    });
    const isLeaf = depth.map((d, i) => (depth[i + 1] ?? 0) <= d);
    // Leaves first (their max is known), then parents bottom-up as the sum of their children.
    const max: number[] = nodes.map((n) => n.max);
    for (let i = nodes.length - 1; i >= 0; i--) {
      if (isLeaf[i]) continue;
      const kids = parent.flatMap((p, k) => (p === codes[i] ? [max[k] as number] : []));
      max[i] = kids.reduce((s, k) => s + k, 0) + (nodes[i]?.extra ?? 0);
    }
    const leafRules = fc.tuple(...nodes.map((n, i) => (isLeaf[i] && !n.survey ? ruleFor(max[i] ?? 0) : fc.constant(undefined))));
    return fc.record({
      rules: leafRules,
      id: fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,20}$/),
      version: fc.integer({ min: 1, max: 10_000 }),
      title: localized,
      decisionNo: text(30),
      date: fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }),
      issuer: text(30),
      sample: fc.boolean(),
      sources: fc.array(text(40), { maxLength: 4 }),
      appliesTo: fc.uniqueArray(fc.constantFrom<AgencyGroup>('department', 'district', 'commune'), { minLength: 1, maxLength: 3 }),
      indicators: fc.array(
        fc.record({
          type: fc.constantFrom('number', 'boolean', 'text' as const),
          avg: fc.boolean(),
          title: localized,
          unit: optional(text(20)),
          item: optional(fc.nat()),
        }),
        { maxLength: 4 },
      ),
      bonus: fc.array(fc.record({ title: localized, max: points }), { maxLength: 3 }),
      penalty: fc.array(fc.record({ title: localized, max: points }), { maxLength: 3 }),
      bonusCap: points,
      penaltyCap: points,
    }).map((r): TemplateInput => {
      const items: TemplateItemInput[] = nodes.map((n, i) => {
        const code = codes[i] as string;
        const survey = isLeaf[i] ? n.survey : false;
        const item: TemplateItemInput = { code, parent: parent[i] ?? null, title: n.title, max: max[i] ?? 0 };
        if (isLeaf[i]) item.rule = survey ? { type: 'SURVEY' } : r.rules[i];
        if (n.guide) item.scoringGuide = n.guide;
        if (n.evidence) item.evidenceHint = n.evidence;
        item.survey = survey;
        item.notApplicableAllowed = survey ? false : n.na;
        if (n.isoClauses) item.isoClauses = n.isoClauses;
        if (n.isoPhase) item.isoPhase = n.isoPhase;
        return item;
      });
      const rootsSum = items.filter((it) => it.parent === null).reduce((s, it) => s + it.max, 0);
      return {
        kind: 'parscore.template',
        schemaVersion: 2,
        id: r.id,
        version: r.version,
        title: r.title,
        legalBasis: { decisionNo: r.decisionNo, date: r.date.toISOString().slice(0, 10), issuer: r.issuer },
        sample: r.sample,
        sources: r.sources,
        appliesTo: r.appliesTo,
        maxPoints: rootsSum,
        items,
        indicators: r.indicators.map((ind, i) => {
          const out: TemplateInput['indicators'] extends (infer E)[] | undefined ? E : never = {
            code: `SL${i + 1}`,
            title: ind.title,
            type: ind.type,
            aggregate: ind.type === 'number' ? (ind.avg ? 'AVERAGE' : 'SUM') : ind.type === 'boolean' ? 'COUNT_YES' : 'NONE',
          };
          if (ind.unit !== undefined) out.unit = ind.unit;
          if (ind.item !== undefined) out.item = codes[ind.item % codes.length] as string;
          return out;
        }),
        bonus: { cap: r.bonusCap, items: r.bonus.map((b, i) => ({ code: `T${i + 1}`, title: b.title, max: b.max })) },
        penalty: { cap: r.penaltyCap, items: r.penalty.map((b, i) => ({ code: `TR${i + 1}`, title: b.title, max: b.max })) },
      };
    });
  });
