/**
 * An agency's result on an additional template (the ISO 9001 checklist beside the PAR index): self
 * and appraised score (an appraised item replaces the self score, as for the ranked template), the
 * ISO result band, the phase reached and the compliance per ISO clause. Never ranked.
 *
 * Phase reached: a phase (build → apply → announce → maintain → improve) is met when its items score
 * at least PHASE_THRESHOLD (half) of the phase's points; the phase reached is the last met phase whose
 * every earlier phase is met too (an agency that announced a QMS it never built has reached nothing).
 * 'report' items count for the score but are not a step of the ladder.
 */
import type { AdditionalAppraisal } from '../schema/appraisal.ts';
import type { AdditionalAssessment, ItemEntry } from '../schema/assessment.ts';
import { scoreAssessmentExact } from '../scoring/assessment.ts';
import { round2 } from '../scoring/rounding.ts';
import type { ExactTree } from '../scoring/tree.ts';
import type { CompiledTemplate } from '../template/compile.ts';
import type { Issue } from '../util/issue.ts';
import { type AdditionalResult, ISO_BANDS, ISO_CLAUSES, ISO_PHASES, type IsoBand, type IsoPhase } from './schema.ts';

/** A phase is met at this share of its points. */
export const PHASE_THRESHOLD = 0.5;

/** The ISO band of a checklist percent (ISO_BANDS is ordered from the highest floor down). */
export function isoBandFor(percent: number): IsoBand {
  for (const b of ISO_BANDS) if (percent >= b.min) return b.code;
  return ISO_BANDS[ISO_BANDS.length - 1]!.code;
}

/** Whether a template is an ISO checklist: its items carry ISO phases. */
export function isIsoChecklist(ct: CompiledTemplate): boolean {
  return ct.template.items.some((i) => i.isoPhase !== undefined);
}

function phaseOf(ct: CompiledTemplate, idx: number): string | undefined {
  const node = ct.nodes[idx]!;
  if (node.item.isoPhase) return node.item.isoPhase;
  for (const a of node.ancestors) if (ct.nodes[a]!.item.isoPhase) return ct.nodes[a]!.item.isoPhase;
  return undefined;
}

/** Main clauses (4..8) of a leaf: its own, else the nearest ancestor's; "7.5.1" counts for 7. */
function clausesOf(ct: CompiledTemplate, idx: number): string[] {
  const node = ct.nodes[idx]!;
  for (const i of [idx, ...node.ancestors]) {
    const c = ct.nodes[i]!.item.isoClauses;
    if (c && c.length) return [...new Set(c.map((x) => x.split('.')[0]!))].filter((x) => (ISO_CLAUSES as readonly string[]).includes(x));
  }
  return [];
}

/** Points and max per phase and per clause over the leaves of a scored tree. */
function tally(ct: CompiledTemplate, t: ExactTree) {
  const phases = new Map<string, { score: number; max: number }>();
  const clauses = new Map<string, { score: number; max: number }>();
  const add = (m: Map<string, { score: number; max: number }>, k: string, score: number, max: number) => {
    const e = m.get(k) ?? { score: 0, max: 0 };
    e.score += score;
    e.max += max;
    m.set(k, e);
  };
  for (const node of ct.nodes) {
    if (!node.leaf) continue;
    const score = t.score[node.idx]!;
    const max = t.effectiveMax[node.idx]!;
    const p = phaseOf(ct, node.idx);
    if (p) add(phases, p, score, max);
    // A leaf citing several clauses counts its points toward each of them.
    for (const c of clausesOf(ct, node.idx)) add(clauses, c, score, max);
  }
  return { phases, clauses };
}

export interface AdditionalInput {
  template: CompiledTemplate;
  assessment: AdditionalAssessment | null;
  appraisal: AdditionalAppraisal | null;
  exempt: boolean;
}

/** Scores one additional template of one agency (pure). */
export function scoreAdditional(input: AdditionalInput): { result: AdditionalResult; issues: Issue[] } {
  const { template: ct, assessment, appraisal } = input;
  const ref = { ...ct.ref };
  const empty = { score: 0, max: round2(ct.template.maxPoints) };
  const iso = isIsoChecklist(ct);
  const none = { template: ref, iso, self: empty, appraised: empty, percent: null, band: null, phase: null, phases: [], clauses: [] };
  if (input.exempt) return { result: { ...none, status: 'exempt' }, issues: [] };
  if (!assessment) return { result: { ...none, status: 'not_assessed' }, issues: [] };
  const items: Record<string, ItemEntry> = assessment.items;
  const overrides: Record<string, number> = {};
  for (const [code, item] of Object.entries(appraisal?.items ?? {})) overrides[code] = item.score;
  const self = scoreAssessmentExact(ct, { items });
  const run = scoreAssessmentExact(ct, { items }, { overrides });
  const t = run.exact;
  const percent = t.self.max > 0 ? round2((t.self.score / t.self.max) * 100) : null;
  const { phases, clauses } = tally(ct, t);
  const phaseRows = ISO_PHASES.filter((p) => phases.has(p)).map((p) => {
    const e = phases.get(p)!;
    return { phase: p, score: round2(e.score), max: round2(e.max), met: e.max > 0 && e.score >= e.max * PHASE_THRESHOLD };
  });
  let reached: IsoPhase | null = null;
  for (const r of phaseRows) {
    if (!r.met) break;
    reached = r.phase;
  }
  return {
    result: {
      template: ref,
      status: 'assessed',
      iso,
      self: { score: round2(self.exact.self.score), max: round2(self.exact.self.max) },
      appraised: { score: round2(t.self.score), max: round2(t.self.max) },
      percent,
      band: iso && percent !== null ? isoBandFor(percent) : null,
      phase: iso ? reached : null,
      phases: iso ? phaseRows : [],
      clauses: iso
        ? ISO_CLAUSES.filter((c) => clauses.has(c)).map((c) => {
            const e = clauses.get(c)!;
            return { clause: c, score: round2(e.score), max: round2(e.max), percent: e.max > 0 ? round2((e.score / e.max) * 100) : null };
          })
        : [],
    },
    issues: run.issues,
  };
}
