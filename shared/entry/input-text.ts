/**
 * An item's input as a person types it (CLI argument, a form field), read by the item's rule:
 * có/không, kxd|na (không áp dụng), 85% or 17/20, a count, points "2,5", FORMULA "a=3 b=4".
 * The result still goes through the scoring engine, which checks ranges, maxima and steps.
 */
import { parseNumberText } from '../indicators/validate.ts';
import type { ItemInput } from '../schema/assessment.ts';
import type { TemplateItem } from '../schema/template.ts';
import { type Result, fail, issue, ok } from '../util/issue.ts';

const YES = new Set(['có', 'co', 'yes', 'y', 'đạt', 'dat', 'x']);
const NO = new Set(['không', 'khong', 'no', 'n', 'chưa', 'chua']);
const NOT_APPLICABLE = new Set(['kxd', 'kad', 'na', 'n/a', 'không áp dụng', 'khong ap dung']);

export function parseItemInputText(templateId: string, item: TemplateItem, text: string): Result<ItemInput> {
  const s = text.trim().normalize('NFC');
  const w = s.toLocaleLowerCase('vi');
  // One message per rule type, each saying what the rule takes.
  const bad = () => fail([issue(`entry.bad_value_${(item.rule?.type ?? 'none').toLowerCase()}`, { template: templateId, item: item.code, field: 'input' }, { value: s, item: item.code })]);
  if (NOT_APPLICABLE.has(w)) return ok({ kind: 'notApplicable' });
  const rule = item.rule;
  if (!rule) return fail([issue('scoring.not_a_leaf', { template: templateId, item: item.code, field: 'input' })]);
  switch (rule.type) {
    case 'BINARY':
      if (YES.has(w)) return ok({ kind: 'binary', value: 'yes' });
      if (NO.has(w)) return ok({ kind: 'binary', value: 'no' });
      return bad();
    case 'PERCENT_BANDS':
    case 'RATIO': {
      const frac = /^(.+?)\s*\/\s*(.+)$/.exec(s);
      if (frac) {
        const n = parseNumberText(frac[1]!);
        const d = parseNumberText(frac[2]!);
        if (n === null || d === null) return bad();
        return ok({ kind: 'ratio', numerator: n, denominator: d });
      }
      if (rule.type === 'PERCENT_BANDS') {
        const p = parseNumberText(s.replace(/%$/, ''));
        return p === null ? bad() : ok({ kind: 'percent', value: p });
      }
      return bad();
    }
    case 'COUNT_DEDUCT': {
      const n = parseNumberText(s);
      return n === null ? bad() : ok({ kind: 'count', value: n });
    }
    case 'MANUAL': {
      const n = parseNumberText(s);
      return n === null ? bad() : ok({ kind: 'manual', value: n });
    }
    case 'FORMULA': {
      const values: Record<string, number> = {};
      for (const part of s.split(/[\s;]+/).filter(Boolean)) {
        const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.+)$/.exec(part);
        const n = m ? parseNumberText(m[2]!) : null;
        if (!m || n === null) return bad();
        values[m[1]!] = n;
      }
      return Object.keys(values).length === 0 ? bad() : ok({ kind: 'variables', values });
    }
    case 'SURVEY':
      return fail([issue('entry.survey_item', { template: templateId, item: item.code, field: 'input' }, { item: item.code })]);
  }
}
