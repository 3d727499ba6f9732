import type { TemplateRef } from '../schema/template.ts';
import type { CompiledTemplate } from '../template/compile.ts';
import { round2 } from './rounding.ts';
import type { Explain } from './rules.ts';
import type { ExactTree, ItemState } from './tree.ts';

export interface ItemScore {
  code: string;
  parent: string | null;
  /** 0 for an area (root). */
  depth: number;
  max: number;
  /** The max once "not applicable" children are taken out (0 for a N/A item). */
  effectiveMax: number;
  score: number;
  state: ItemState;
  survey: boolean;
  /** How a leaf's score was derived (a scoring.explain.* message); absent on parents. */
  explain?: Explain;
}

export interface ScorePart {
  score: number;
  max: number;
}

/** The published scores: every figure rounded once to 2 decimals. */
export interface ScoreReport {
  template: TemplateRef;
  /** Every item by code. Object key order is not document order for codes like "1", "2" (JS puts integer keys first): walk `roots` and the template's children for that. */
  items: Record<string, ItemScore>;
  /** Area codes in document order. */
  roots: string[];
  base: number;
  bonus: number;
  penalty: number;
  total: number;
  /** maxPoints re-based for "not applicable" items. */
  max: number;
  /** total ÷ max × 100 (0 when max is 0). */
  index: number;
  /** The self-assessed / appraised part (everything not scored by the survey). */
  self: ScorePart;
  /** The sociological-survey part. */
  survey: ScorePart;
  /** Leaves scored or marked not applicable. */
  answered: number;
  leafCount: number;
}

function roundExplain(e: Explain): Explain {
  const params: Explain['params'] = {};
  for (const k in e.params) {
    const v = e.params[k]!;
    params[k] = typeof v === 'number' ? round2(v) : v;
  }
  return { key: e.key, params };
}

/** The one place where exact values become published figures (see rounding.ts). */
export function buildReport(ct: CompiledTemplate, exact: ExactTree): ScoreReport {
  const items: Record<string, ItemScore> = {};
  for (const node of ct.nodes) {
    const i = node.idx;
    const out: ItemScore = {
      code: node.code,
      parent: node.item.parent,
      depth: node.depth,
      max: round2(node.item.max),
      effectiveMax: round2(exact.effectiveMax[i]!),
      score: round2(exact.score[i]!),
      state: exact.state[i]!,
      survey: node.item.survey,
    };
    const e = exact.explain[i];
    if (node.leaf && e) out.explain = roundExplain(e);
    items[node.code] = out;
  }
  return {
    template: { ...ct.ref },
    items,
    roots: ct.roots.map((r) => r.code),
    base: round2(exact.base),
    bonus: round2(exact.bonus),
    penalty: round2(exact.penalty),
    total: round2(exact.total),
    max: round2(exact.max),
    index: round2(exact.index),
    self: { score: round2(exact.self.score), max: round2(exact.self.max) },
    survey: { score: round2(exact.survey.score), max: round2(exact.survey.max) },
    answered: exact.answered,
    leafCount: exact.leafCount,
  };
}
