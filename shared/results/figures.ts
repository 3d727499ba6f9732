/**
 * Declared figures at consolidation: every agency's figures are checked against its ranked template
 * with the one check of shared/indicators/validate.ts (the same as at entry, export and import), so
 * a value refused there can never reach the province's totals through a document that bypassed
 * them (an older workspace, a hand-edited file). Refused values leave the aggregates and are listed.
 * And the ties: a yes/no figure tied to an item must agree with that item's score.
 */
import type { Appraisal } from '../schema/appraisal.ts';
import type { Assessment } from '../schema/assessment.ts';
import { checkFigures } from '../indicators/validate.ts';
import { scoreAssessmentExact } from '../scoring/assessment.ts';
import { round2 } from '../scoring/rounding.ts';
import type { ExactTree } from '../scoring/tree.ts';
import type { CompiledTemplate } from '../template/compile.ts';
import { type Issue, issue } from '../util/issue.ts';
import type { DeclaringAgency } from './indicators.ts';

/** The score of the item a yes/no figure is tied to (appraised where Home Affairs appraised it). */
export interface TiedScore {
  /** Template id holding the item. */
  template: string;
  item: string;
  score: number;
  max: number;
}

const EPS = 1e-9;

function scoreOf(ct: CompiledTemplate, tree: ExactTree, item: string): Omit<TiedScore, 'template' | 'item'> | null {
  const idx = ct.index.get(item);
  if (idx === undefined) return null;
  // An item nobody answered, or not applicable, says nothing either way.
  const state = tree.state[idx];
  if (state === 'unanswered' || state === 'notApplicable') return null;
  return { score: tree.score[idx]!, max: tree.effectiveMax[idx]! };
}

/**
 * The scores of the items the template's yes/no figures are tied to, by figure code. `tree` is the
 * agency's scored ranked template; an item of another template (`itemTemplate`, the ISO checklist)
 * is scored from the assessment's entries for it, with the appraisal's scores over them, when that
 * template is among `additional`. Ties that cannot be scored are left out (nothing to compare).
 */
export function tiedScores(
  ct: CompiledTemplate,
  tree: ExactTree,
  assessment: Assessment | null,
  appraisal: Appraisal | null,
  additional: readonly CompiledTemplate[] = [],
): Record<string, TiedScore> {
  const out: Record<string, TiedScore> = {};
  if (!assessment) return out;
  const others = new Map<string, ExactTree | null>();
  const otherTree = (other: CompiledTemplate): ExactTree | null => {
    if (!others.has(other.ref.id)) {
      const entries = assessment.additional[other.ref.id];
      const overrides: Record<string, number> = {};
      for (const [code, x] of Object.entries(appraisal?.additional[other.ref.id]?.items ?? {})) overrides[code] = x.score;
      others.set(other.ref.id, entries ? scoreAssessmentExact(other, { items: entries.items }, { overrides }).exact : null);
    }
    return others.get(other.ref.id) ?? null;
  };
  for (const def of ct.template.indicators) {
    if (def.type !== 'boolean' || def.item === undefined) continue;
    let got: Omit<TiedScore, 'template' | 'item'> | null = null;
    let template = ct.ref.id;
    if (def.itemTemplate === undefined || def.itemTemplate === ct.ref.id) got = scoreOf(ct, tree, def.item);
    else {
      const other = additional.find((x) => x.ref.id === def.itemTemplate);
      const t = other && otherTree(other);
      template = def.itemTemplate;
      if (other && t) got = scoreOf(other, t, def.item);
    }
    if (got) out[def.code] = { template, item: def.item, ...got };
  }
  return out;
}

/** An agency whose figures have been checked: the refused codes are out of `indicators`. */
export interface CheckedAgency extends DeclaringAgency {
  tied?: Record<string, TiedScore>;
}

/**
 * Each agency's figures checked against its template: refused values (and unknown codes) are taken
 * out and reported, naming the agency, the figure's code and title and the value; then each yes/no
 * figure tied to an item is compared with that item's score (yes with 0 points, or no with full
 * points, is reported). Agencies with nothing wrong are passed through as they are.
 */
export function checkDeclaredFigures<T extends CheckedAgency>(agencies: readonly T[]): { agencies: T[]; issues: Issue[] } {
  const issues: Issue[] = [];
  const out = agencies.map((a): T => {
    const values = a.indicators;
    if (!values) return a;
    const at = { agency: a.agency.code, template: a.template.ref.id };
    const found = checkFigures(a.template.template, values, at);
    let checked: T = a;
    if (found.length > 0) {
      issues.push(...found);
      const refused = new Set(found.map((i) => i.at?.item ?? ''));
      const clean: Record<string, (typeof values)[string]> = {};
      for (const [code, v] of Object.entries(values)) if (!refused.has(code)) clean[code] = v;
      checked = { ...a, indicators: clean, refused: [...refused] };
    }
    issues.push(...tieIssues(checked));
    return checked;
  });
  return { agencies: out, issues };
}

function tieIssues(a: CheckedAgency): Issue[] {
  const out: Issue[] = [];
  if (!a.tied || !a.indicators) return out;
  for (const def of a.template.template.indicators) {
    const tie = a.tied[def.code];
    const v = Object.hasOwn(a.indicators, def.code) ? a.indicators[def.code] : undefined;
    if (!tie || typeof v !== 'boolean' || tie.max <= EPS) continue;
    const code = v && tie.score <= EPS ? 'figure.tie_yes_item_zero' : !v && tie.score >= tie.max - EPS ? 'figure.tie_no_item_full' : null;
    if (code === null) continue;
    out.push(
      issue(code, { agency: a.agency.code, template: tie.template, item: def.code, field: 'value' }, {
        code: def.code,
        title: def.title.vi,
        titleEn: def.title.en ?? def.title.vi,
        item: tie.item,
        score: round2(tie.score),
        max: round2(tie.max),
      }),
    );
  }
  return out;
}

/** Issue codes of the figures' checks at consolidation, as the indicators report lists them. */
export const FIGURE_ISSUE_PREFIX = 'figure.';
