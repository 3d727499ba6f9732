import type { CompiledTemplate } from '../template/compile.ts';
import type { Explain, LeafValue } from './rules.ts';

export type ItemState = 'scored' | 'partial' | 'unanswered' | 'notApplicable';

/** What is known about a leaf: its scored input, an input that failed (scored as unanswered), or nothing. */
export type LeafSlot = LeafValue | 'invalid' | undefined;

/** The exact (unrounded) scores of a whole tree and its totals, indexed like `CompiledTemplate.nodes`. */
export interface ExactTree {
  readonly score: Float64Array;
  readonly effectiveMax: Float64Array;
  readonly state: ItemState[];
  readonly explain: (Explain | undefined)[];
  readonly base: number;
  readonly bonus: number;
  readonly penalty: number;
  readonly total: number;
  readonly max: number;
  readonly index: number;
  readonly self: { score: number; max: number };
  readonly survey: { score: number; max: number };
  readonly answered: number;
  readonly leafCount: number;
}

const UNANSWERED: Explain = { key: 'scoring.explain.unanswered', params: {} };
const INVALID: Explain = { key: 'scoring.explain.invalid', params: {} };

const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));

/**
 * Sums the tree bottom-up with "not applicable" re-basing: a N/A leaf's max leaves every ancestor's
 * max and the template total; a parent whose children are all N/A is itself N/A.
 * `bonusSum` / `penaltySum` are the valid adjustment entries before their caps.
 */
export function scoreTree(ct: CompiledTemplate, slots: readonly LeafSlot[], bonusSum: number, penaltySum: number): ExactTree {
  const n = ct.nodes.length;
  const score = new Float64Array(n);
  const effectiveMax = new Float64Array(n);
  const state = new Array<ItemState>(n);
  const explain = new Array<Explain | undefined>(n);
  let answered = 0;
  let leafCount = 0;

  for (const i of ct.postOrder) {
    const node = ct.nodes[i]!;
    const max = node.item.max;
    if (node.leaf) {
      leafCount++;
      const slot = slots[i];
      if (slot === undefined || slot === 'invalid') {
        score[i] = 0;
        effectiveMax[i] = max;
        state[i] = 'unanswered';
        explain[i] = slot === undefined ? UNANSWERED : INVALID;
      } else if (slot.notApplicable) {
        score[i] = 0;
        effectiveMax[i] = 0;
        state[i] = 'notApplicable';
        explain[i] = slot.explain;
        answered++;
      } else {
        score[i] = clamp(slot.score ?? 0, 0, max);
        effectiveMax[i] = max;
        state[i] = 'scored';
        explain[i] = slot.explain;
        answered++;
      }
      continue;
    }
    let sum = 0;
    let removed = 0;
    let na = 0;
    let done = 0;
    let open = 0;
    for (const c of node.children) {
      sum += score[c]!;
      removed += ct.nodes[c]!.item.max - effectiveMax[c]!;
      const s = state[c];
      if (s === 'notApplicable') na++;
      else if (s === 'scored') done++;
      else if (s === 'unanswered') open++;
    }
    const k = node.children.length;
    if (na === k) {
      score[i] = 0;
      effectiveMax[i] = 0;
      state[i] = 'notApplicable';
    } else {
      effectiveMax[i] = clamp(max - removed, 0, max);
      score[i] = clamp(sum, 0, effectiveMax[i]!);
      state[i] = done + na === k ? 'scored' : open + na === k ? 'unanswered' : 'partial';
    }
  }

  let base = 0;
  let removed = 0;
  for (const r of ct.rootIdx) {
    base += score[r]!;
    removed += ct.nodes[r]!.item.max - effectiveMax[r]!;
  }
  const max = Math.max(0, ct.template.maxPoints - removed);
  const bonus = Math.min(bonusSum, ct.template.bonus.cap);
  const penalty = Math.min(penaltySum, ct.template.penalty.cap);
  const total = clamp(base + bonus - penalty, 0, max);
  const index = max > 0 ? (total / max) * 100 : 0;

  let surveyScore = 0;
  let surveyMax = 0;
  for (const s of ct.surveyTops) {
    surveyScore += score[s]!;
    surveyMax += effectiveMax[s]!;
  }
  return {
    score,
    effectiveMax,
    state,
    explain,
    base,
    bonus,
    penalty,
    total,
    max,
    index,
    self: { score: Math.max(0, base - surveyScore), max: Math.max(0, max - surveyMax) },
    survey: { score: surveyScore, max: surveyMax },
    answered,
    leafCount,
  };
}
