/**
 * Setting and clearing one item's input (ranked template or an additional one), validated and scored
 * by the scoring engine; the item's selfScore is recomputed and the assessment saved durably.
 */
import type { ItemInput } from '../../../shared/schema/index.ts';
import { type ItemScore, type ScoreReport, scoreAssessment, setItemInput } from '../../../shared/scoring/index.ts';
import type { CompiledTemplate } from '../../../shared/template/compile.ts';
import { IssueError, issue } from '../../../shared/util/issue.ts';
import type { WorkspaceStore } from '../store/workspace.ts';
import { type EntryTarget, type Resolved, changeAssessment, itemsOf, resolve, withItems } from './context.ts';

export interface ItemResult {
  item: ItemScore;
  /** Parent first, area last. */
  ancestors: ItemScore[];
  /** The whole target template's scores after the change. */
  report: ScoreReport;
  /** False when the value was already there (nothing written). */
  changed: boolean;
}

/** Refuses codes that are not leaves and items scored by the sociological survey, naming the item. */
export function requireSelfScoredLeaf(r: Resolved, code: string): void {
  const at = { agency: r.agency.code, template: r.template.id, item: code };
  const item = r.ct.byCode.get(code);
  if (!item) throw new IssueError(issue('entry.unknown_item', { ...at, field: 'code' }, { item: code, template: r.template.id }));
  if (!item.rule) throw new IssueError(issue('entry.not_a_leaf', { ...at, field: 'input' }, { item: code }));
  if (item.survey || item.rule.type === 'SURVEY') throw new IssueError(issue('entry.survey_item', { ...at, field: 'input' }, { item: code }));
}

/**
 * Sets (input) or clears (null) one item's self-assessment input. Refused with an IssueError naming
 * the agency, template and item: unknown item, a parent item, a survey item, an input the rule does
 * not take or out of range (the engine's check). A refused entry writes nothing; the same value again
 * writes nothing.
 */
export async function setItem(ws: WorkspaceStore, target: EntryTarget & { item: string }, input: ItemInput | null): Promise<ItemResult> {
  const r = resolve(ws, target);
  requireSelfScoredLeaf(r, target.item);
  const { value, changed } = await changeAssessment(ws, r, (a) => {
    const items = itemsOf(a, r);
    const prev = Object.hasOwn(items, target.item) ? items[target.item] : undefined;
    if (input === null && prev === undefined) {
      const report = scoreAssessment(r.ct, { items }).report;
      return { next: a, value: pick(r.ct, report, target.item) };
    }
    const s = setItemInput(r.ct, { ...a, items, bonus: r.additional ? {} : a.bonus, penalty: r.additional ? {} : a.penalty }, target.item, input);
    if (!s.ok) throw new IssueError(s.error.map((i) => ({ ...i, at: { ...i.at, agency: r.agency.code } })));
    const nextItems = { ...s.value.assessment.items };
    const e = nextItems[target.item]!;
    // A cleared entry with nothing else on it is dropped, so that clearing undoes a set exactly.
    if (input === null && e.evidence.length === 0 && e.note === undefined && e.explanation === undefined) delete nextItems[target.item];
    return { next: withItems(a, r, nextItems), value: { item: s.value.item, ancestors: s.value.ancestors, report: s.value.report } };
  });
  return { ...value, changed };
}

function pick(ct: CompiledTemplate, report: ScoreReport, code: string): Omit<ItemResult, 'changed'> {
  const idx = ct.nodes.findIndex((n) => n.code === code);
  const node = ct.nodes[idx]!;
  return { item: report.items[code]!, ancestors: node.ancestors.map((a) => report.items[ct.nodes[a]!.code]!), report };
}

/** The target template's scores for the agency (an empty assessment if none yet), and its entries. */
export async function itemScores(ws: WorkspaceStore, target: EntryTarget = {}): Promise<{ resolved: Resolved; report: ScoreReport; items: ReturnType<typeof itemsOf> }> {
  const r = resolve(ws, target);
  const a = await ws.readAssessment(r.agency.code);
  const items = a ? itemsOf(a, r) : {};
  const report = scoreAssessment(r.ct, r.additional === null && a ? a : { items }).report;
  return { resolved: r, report, items };
}
