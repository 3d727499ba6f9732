/**
 * The rules editor's values and their check: the service's own zod schema (CommendationRules), with
 * every error in the user's words at its field. Number fields the user emptied are absent (not 0).
 */
import type * as z from 'zod';
import type { CollectiveAwardRule, CommendationRules, IndividualAwardRule } from '../../../../shared/schema/index.ts';

export type RulesFormValues = z.input<typeof CommendationRules> & { collectives: z.input<typeof CollectiveAwardRule>[]; individuals: z.input<typeof IndividualAwardRule>[] };

export const NEW_COLLECTIVE = (n: number, band: string): z.input<typeof CollectiveAwardRule> => ({
  id: `tap-the-${n}`,
  award: { vi: '', en: '' },
  level: 'province',
  bands: [band],
  noPenalty: true,
  consecutiveYears: 1,
  requireNomination: false,
  cumulative: false,
  certificateWording: { vi: '' },
});

export const NEW_INDIVIDUAL = (n: number, band: string): z.input<typeof IndividualAwardRule> => ({
  id: `ca-nhan-${n}`,
  award: { vi: '', en: '' },
  level: 'province',
  agencyBands: [band],
  ratingThisYear: ['excellent'],
  noDiscipline: true,
  minInitiatives: 0,
  capPerAgency: 1,
  cumulative: false,
  certificateWording: { vi: '' },
});

function cleanObject(o: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) {
    if (v === undefined || v === null) continue;
    // An empty English name or top-N of no group is "not given".
    if ((k === 'topN' || k === 'agencyTopN') && typeof v === 'object') {
      const groups = cleanObject(v as Record<string, unknown>);
      if (Object.keys(groups).length > 0) out[k] = groups;
      continue;
    }
    if ((k === 'award' || k === 'certificateWording') && typeof v === 'object') {
      const text = v as { vi?: string; en?: string };
      out[k] = text.en ? { vi: text.vi ?? '', en: text.en } : { vi: text.vi ?? '' };
      continue;
    }
    if (k === 'ratingLastYear' && Array.isArray(v) && v.length === 0) continue;
    out[k] = v;
  }
  return out;
}

/** The form's values as a rules document: empty optional fields dropped. */
export function rulesOf(v: RulesFormValues): { collectives: Record<string, unknown>[]; individuals: Record<string, unknown>[] } {
  return { collectives: v.collectives.map((r) => cleanObject(r as Record<string, unknown>)), individuals: v.individuals.map((r) => cleanObject(r as Record<string, unknown>)) };
}

/** Zod's issue in the user's words (the form shows it at the field). */
export function rulesErrorMap(t: (k: string, p?: Record<string, string | number>) => string) {
  return (iss: { code?: string; origin?: string; minimum?: unknown; maximum?: unknown; expected?: string; input?: unknown }): string => {
    const n = (x: unknown) => (typeof x === 'number' || typeof x === 'bigint' ? Number(x) : 0);
    switch (iss.code) {
      case 'too_small':
        if (iss.origin === 'string') return t('awardsui.rules.err.required');
        if (iss.origin === 'array') return t('awardsui.rules.err.choose', { min: n(iss.minimum) });
        return t('awardsui.rules.err.min', { min: n(iss.minimum) });
      case 'too_big':
        if (iss.origin === 'string') return t('awardsui.rules.err.long', { max: n(iss.maximum) });
        return t('awardsui.rules.err.max', { max: n(iss.maximum) });
      case 'invalid_type':
        if (iss.input === undefined || iss.input === null) return t('awardsui.rules.err.required');
        return iss.expected === 'number' ? t('awardsui.rules.err.number') : t('awardsui.rules.err.invalid');
      case 'invalid_format':
        return t('awardsui.rules.err.code');
      case 'not_multiple_of':
        return t('awardsui.rules.err.integer');
      default:
        return t('awardsui.rules.err.invalid');
    }
  };
}

export type { CommendationRules };
