/**
 * The ISO 9001 summary of a scope: the declared yes/no figures (built, announced, maintained).
 */
import type { Campaign } from '../schema/campaign.ts';
import { declared, type DeclaringAgency, percentOf } from './indicators.ts';
import { ISO_STEPS, type IsoGap, type IsoScope, type IsoStepState, type Scope } from './schema.ts';

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
