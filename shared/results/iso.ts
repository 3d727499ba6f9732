/**
 * The ISO 9001 summary of a scope: the declared yes/no figures (built, announced, maintained), and
 * the checklist assessments (score, band, phase reached, clauses) cross-checked with those figures.
 */
import type { Campaign } from '../schema/campaign.ts';
import { declared, type DeclaringAgency, percentOf } from './indicators.ts';
import type { TemplateRef } from '../schema/template.ts';
import { round2 } from '../scoring/rounding.ts';
import {
  type AdditionalResult,
  ISO_BANDS,
  ISO_CLAUSES,
  ISO_PHASES,
  ISO_STEPS,
  type IsoChecklistScope,
  type IsoDisagreement,
  type IsoGap,
  type IsoScope,
  type IsoStepState,
  type Scope,
} from './schema.ts';

/**
 * ISO 9001 application in a scope: how many agencies declared that they built, announced and
 * maintain their QMS (the campaign's yes/no figures), out of all agencies of the scope, and every
 * agency short of any step with the state of each (no, not declared, no submission).
 */
export function isoSummary(scope: Scope, agencies: readonly DeclaringAgency[], codes: NonNullable<Campaign['isoIndicators']>): IsoScope {
  const counts = { built: 0, announced: 0, maintained: 0, complete: 0 };
  const missing: IsoGap[] = [];
  for (const a of agencies) {
    const state = (code: string): IsoStepState => {
      if (a.indicators === null) return 'no_submission';
      const v = declared(a, code);
      return v === true ? 'yes' : v === false ? 'no' : 'not_declared';
    };
    const steps: Record<(typeof ISO_STEPS)[number], IsoStepState> = {
      built: state(codes.built),
      announced: state(codes.announced),
      maintained: state(codes.maintained),
    };
    const short = ISO_STEPS.filter((s) => steps[s] !== 'yes');
    for (const s of ISO_STEPS) if (steps[s] === 'yes') counts[s]++;
    if (short.length === 0) counts.complete++;
    else missing.push({ agency: a.agency.code, name: a.agency.name, group: a.agency.group, ...steps, missing: short });
  }
  const n = agencies.length;
  const step = (x: number) => ({ count: x, percent: percentOf(x, n) });
  return {
    scope,
    agencies: n,
    built: step(counts.built),
    announced: step(counts.announced),
    maintained: step(counts.maintained),
    complete: step(counts.complete),
    missing,
  };
}

/** What the checklist summary reads of one agency: its checklist result and declared figures. */
export interface ChecklistAgency {
  agency: DeclaringAgency['agency'];
  indicators: DeclaringAgency['indicators'];
  checklist: AdditionalResult;
}

/** Declared step → the checklist phase whose items it claims. */
const STEP_PHASE = { built: 'build', announced: 'announce', maintained: 'maintain' } as const;

/**
 * A declared figure disagrees with the checklist when the agency says "no" while the phase's items
 * scored full points, or "yes" while they scored nothing.
 */
export function isoDisagreements(a: ChecklistAgency, codes: NonNullable<Campaign['isoIndicators']> | null): IsoDisagreement[] {
  if (!codes || a.checklist.status !== 'assessed') return [];
  const out: IsoDisagreement[] = [];
  for (const step of ISO_STEPS) {
    const v = a.indicators && Object.hasOwn(a.indicators, codes[step]) ? a.indicators[codes[step]] : undefined;
    if (typeof v !== 'boolean') continue;
    const phase = a.checklist.phases.find((p) => p.phase === STEP_PHASE[step]);
    if (!phase || phase.max <= 0) continue;
    if ((!v && phase.score >= phase.max) || (v && phase.score <= 0)) {
      out.push({ agency: a.agency.code, name: a.agency.name, group: a.agency.group, step, phase: phase.phase, declared: v, score: phase.score, max: phase.max });
    }
  }
  return out;
}

/** The ISO 9001 checklist assessments of a scope: averages, bands, phases, clauses, disagreements. */
export function isoChecklistSummary(scope: Scope, template: TemplateRef, agencies: readonly ChecklistAgency[], codes: NonNullable<Campaign['isoIndicators']> | null): IsoChecklistScope {
  const assessed = agencies.filter((a) => a.checklist.status === 'assessed' && a.checklist.percent !== null);
  const mean = (xs: number[]): number | null => (xs.length ? round2(xs.reduce((s, x) => s + x, 0) / xs.length) : null);
  const bands: Record<string, number> = Object.fromEntries(ISO_BANDS.map((b) => [b.code, 0]));
  const phases: Record<string, number> = Object.fromEntries([...ISO_PHASES, 'none'].map((p) => [p, 0]));
  for (const a of assessed) {
    if (a.checklist.band) bands[a.checklist.band]! += 1;
    phases[a.checklist.phase ?? 'none']! += 1;
  }
  return {
    scope,
    template,
    applying: agencies.filter((a) => a.checklist.status !== 'exempt').length,
    exempt: agencies.filter((a) => a.checklist.status === 'exempt').length,
    assessed: assessed.length,
    averagePercent: mean(assessed.map((a) => a.checklist.percent!)),
    bands,
    phases,
    clauses: ISO_CLAUSES.map((clause) => ({
      clause,
      averagePercent: mean(assessed.flatMap((a) => a.checklist.clauses.filter((c) => c.clause === clause && c.percent !== null).map((c) => c.percent!))),
    })),
    agencies: agencies.map((a) => ({ agency: a.agency.code, name: a.agency.name, group: a.agency.group, status: a.checklist.status, percent: a.checklist.percent, band: a.checklist.band, phase: a.checklist.phase })),
    disagreements: agencies.flatMap((a) => isoDisagreements(a, codes)),
  };
}
