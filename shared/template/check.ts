import type { AdjustmentBlock, Indicator, Rule, Template, TemplateItem } from '../schema/template.ts';
import { parseFormula } from '../scoring/formula.ts';
import { type Issue, type IssueParams, issue } from '../util/issue.ts';

/** Max sums are compared with this absolute tolerance (decimal points typed by people, added in binary). */
export const MAX_TOLERANCE = 1e-9;

/**
 * Structural checks that zod cannot express: the tree (codes, parents, cycles, rules on leaves
 * only, max sums), rule parameters, formulas, survey flags, indicators and adjustment blocks.
 * Returns every problem found, in document order; each names the template, the item (or indicator
 * / adjustment) code where there is one, and the field.
 */
export function checkTemplate(t: Template): Issue[] {
  const out: Issue[] = [];
  const at = (item: string | undefined, field: string) =>
    item === undefined ? { template: t.id, field } : { template: t.id, item, field };
  const add = (code: string, item: string | undefined, field: string, params?: IssueParams) =>
    out.push(issue(code, at(item, field), params));

  // Codes: the first occurrence wins for every later lookup.
  const byCode = new Map<string, TemplateItem>();
  for (const it of t.items) {
    if (byCode.has(it.code)) add('template.duplicate_item_code', it.code, 'code', { code: it.code });
    else byCode.set(it.code, it);
  }

  const children = new Map<string, TemplateItem[]>();
  for (const it of t.items) {
    if (it.parent === null) continue;
    if (!byCode.has(it.parent)) {
      add('template.parent_not_found', it.code, 'parent', { parent: it.parent });
      continue;
    }
    const list = children.get(it.parent);
    if (list) list.push(it);
    else children.set(it.parent, [it]);
  }

  const cyclic = findCycles(t.items, byCode, (cycle) =>
    add('template.parent_cycle', cycle[0], 'parent', { cycle: [...cycle, cycle[0]].join(' → ') }),
  );

  for (const it of t.items) {
    if (byCode.get(it.code) !== it) continue; // duplicates were reported above
    const kids = children.get(it.code) ?? [];
    if (kids.length === 0) {
      if (!it.rule) add('template.leaf_without_rule', it.code, 'rule');
      else checkRule(it, it.rule, add);
      if (it.survey && it.rule && it.rule.type !== 'SURVEY') {
        add('template.survey_item_without_survey_rule', it.code, 'rule.type', { rule: it.rule.type });
      }
      if (!it.survey && it.rule?.type === 'SURVEY') add('template.survey_rule_not_survey', it.code, 'rule.type');
    } else {
      if (it.rule) add('template.parent_with_rule', it.code, 'rule');
      const sum = kids.reduce((s, k) => s + k.max, 0);
      if (sum > it.max + MAX_TOLERANCE) add('template.children_exceed_max', it.code, 'max', { sum, max: it.max });
      if (it.survey && !cyclic.has(it.code)) {
        const mixed = firstNonSurveyDescendant(it.code, children);
        if (mixed) add('template.survey_parent_mixed', it.code, 'survey', { child: mixed });
      }
    }
    if (it.survey && it.notApplicableAllowed) add('template.na_on_survey', it.code, 'notApplicableAllowed');
  }

  const roots = t.items.filter((it) => it.parent === null && byCode.get(it.code) === it);
  const rootSum = roots.reduce((s, r) => s + r.max, 0);
  if (Math.abs(rootSum - t.maxPoints) > MAX_TOLERANCE) {
    add('template.roots_max_mismatch', undefined, 'maxPoints', { sum: rootSum, maxPoints: t.maxPoints });
  }

  const indicatorCodes = new Set<string>();
  for (const ind of t.indicators) {
    if (indicatorCodes.has(ind.code)) add('template.duplicate_indicator_code', ind.code, 'code', { code: ind.code });
    indicatorCodes.add(ind.code);
    checkIndicator(ind, t.id, byCode, add);
  }

  checkAdjustments(t.bonus, 'bonus', 'template.duplicate_bonus_code', add);
  checkAdjustments(t.penalty, 'penalty', 'template.duplicate_penalty_code', add);

  const groups = new Set<string>();
  t.appliesTo.forEach((g, i) => {
    if (groups.has(g)) add('template.duplicate_applies_to', undefined, `appliesTo[${i}]`, { group: g });
    groups.add(g);
  });

  return out;
}

type Add = (code: string, item: string | undefined, field: string, params?: IssueParams) => void;

/** The aggregations a figure's type allows: sums, averages and shared values of numbers, coverage of yes/no. */
const AGGREGATES_OF: Record<Indicator['type'], readonly Indicator['aggregate'][]> = {
  number: ['SUM', 'AVERAGE', 'SHARED', 'NONE'],
  count: ['SUM', 'AVERAGE', 'SHARED', 'NONE'],
  boolean: ['COUNT_YES', 'NONE'],
  text: ['NONE'],
};

function checkIndicator(ind: Indicator, templateId: string, byCode: ReadonlyMap<string, TemplateItem>, add: Add): void {
  if (!AGGREGATES_OF[ind.type].includes(ind.aggregate)) {
    add('template.indicator_aggregate_mismatch', ind.code, 'aggregate', { aggregate: ind.aggregate, type: ind.type });
  }
  const numeric = ind.type === 'number' || ind.type === 'count';
  if (!numeric && (ind.min !== undefined || ind.max !== undefined)) {
    add('template.indicator_range_not_number', ind.code, ind.min !== undefined ? 'min' : 'max', { type: ind.type });
  }
  if (ind.min !== undefined && ind.max !== undefined && ind.min > ind.max) {
    add('template.indicator_min_above_max', ind.code, 'min', { min: ind.min, max: ind.max });
  }
  if (ind.type === 'count' && ind.max !== undefined && ind.max < 0) {
    add('template.indicator_count_max_negative', ind.code, 'max', { max: ind.max });
  }
  if (ind.itemTemplate !== undefined && ind.item === undefined) {
    add('template.indicator_template_without_item', ind.code, 'itemTemplate', { itemTemplate: ind.itemTemplate });
  }
  // An item of another template (the ISO checklist) is checked where both are known: checkFigureTies.
  const here = ind.itemTemplate === undefined || ind.itemTemplate === templateId;
  if (here && ind.item !== undefined && !byCode.has(ind.item)) {
    add('template.indicator_item_not_found', ind.code, 'item', { item: ind.item });
  }
}

/**
 * The figures of a ranked template tied to an item of another template (`itemTemplate`): that
 * template must be one the group is assessed against beside it (`others`, by id) and hold the item.
 * Run where the campaign puts templates together (a template alone cannot know its neighbours).
 */
export function checkFigureTies(t: Pick<Template, 'id' | 'indicators'>, others: ReadonlyMap<string, Pick<Template, 'items'>>): Issue[] {
  const out: Issue[] = [];
  for (const ind of t.indicators) {
    if (ind.itemTemplate === undefined || ind.itemTemplate === t.id || ind.item === undefined) continue;
    const other = others.get(ind.itemTemplate);
    const at = { template: t.id, item: ind.code, field: 'itemTemplate' };
    if (!other) out.push(issue('template.indicator_item_template_missing', at, { itemTemplate: ind.itemTemplate }));
    else if (!other.items.some((it) => it.code === ind.item)) {
      out.push(issue('template.indicator_item_not_found_in', { ...at, field: 'item' }, { item: ind.item, itemTemplate: ind.itemTemplate }));
    }
  }
  return out;
}

function checkRule(it: TemplateItem, rule: Rule, add: Add): void {
  switch (rule.type) {
    case 'PERCENT_BANDS':
      rule.bands.forEach((b, i) => {
        if (b.points > it.max + MAX_TOLERANCE) {
          add('template.band_above_max', it.code, `rule.bands[${i}].points`, { points: b.points, max: it.max });
        }
        const prev = rule.bands[i - 1];
        if (prev && !(b.min < prev.min)) {
          add('template.bands_not_descending', it.code, `rule.bands[${i}].min`, { min: b.min, previous: prev.min });
        }
      });
      break;
    case 'MANUAL':
      if (rule.step !== undefined && rule.step > it.max + MAX_TOLERANCE) {
        add('template.step_above_max', it.code, 'rule.step', { step: rule.step, max: it.max });
      }
      break;
    case 'FORMULA': {
      const names = new Set<string>();
      rule.variables.forEach((v, i) => {
        if (names.has(v.name)) add('template.duplicate_variable', it.code, `rule.variables[${i}].name`, { name: v.name });
        names.add(v.name);
        if (v.min !== undefined && v.max !== undefined && v.min > v.max) {
          add('template.variable_min_above_max', it.code, `rule.variables[${i}].min`, { name: v.name, min: v.min, max: v.max });
        }
      });
      const parsed = parseFormula(rule.expression, names);
      if (!parsed.ok) for (const p of parsed.error) add(p.code, it.code, p.at?.field ?? 'rule.expression', p.params);
      break;
    }
    default:
      break;
  }
}

function checkAdjustments(block: AdjustmentBlock, name: string, code: string, add: Add): void {
  const seen = new Set<string>();
  block.items.forEach((a, i) => {
    if (seen.has(a.code)) add(code, a.code, `${name}.items[${i}].code`, { code: a.code });
    seen.add(a.code);
  });
}

/** Reports each parent-link cycle once; returns the codes on cycles. */
function findCycles(items: readonly TemplateItem[], byCode: ReadonlyMap<string, TemplateItem>, report: (cycle: string[]) => void): Set<string> {
  const order = new Map<string, number>();
  items.forEach((it, i) => {
    if (!order.has(it.code)) order.set(it.code, i);
  });
  const done = new Set<string>();
  const onCycle = new Set<string>();
  for (const start of items) {
    if (done.has(start.code)) continue;
    const path: string[] = [];
    const onPath = new Map<string, number>();
    let cur: TemplateItem | undefined = byCode.get(start.code);
    while (cur && !done.has(cur.code)) {
      const seenAt = onPath.get(cur.code);
      if (seenAt !== undefined) {
        const cycle = path.slice(seenAt);
        for (const c of cycle) onCycle.add(c);
        // Start the cycle at its first item in document order, so the report does not depend on the walk.
        const firstAt = cycle.reduce((best, c, i) => ((order.get(c) ?? 0) < (order.get(cycle[best] ?? '') ?? 0) ? i : best), 0);
        report([...cycle.slice(firstAt), ...cycle.slice(0, firstAt)]);
        break;
      }
      onPath.set(cur.code, path.length);
      path.push(cur.code);
      cur = cur.parent === null ? undefined : byCode.get(cur.parent);
    }
    for (const c of path) done.add(c);
  }
  return onCycle;
}

function firstNonSurveyDescendant(code: string, children: ReadonlyMap<string, TemplateItem[]>): string | null {
  const stack = [...(children.get(code) ?? [])].reverse();
  const seen = new Set<string>([code]);
  while (stack.length) {
    const it = stack.pop() as TemplateItem;
    if (seen.has(it.code)) continue;
    seen.add(it.code);
    if (!it.survey) return it.code;
    const kids = children.get(it.code);
    if (kids) for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i] as TemplateItem);
  }
  return null;
}
