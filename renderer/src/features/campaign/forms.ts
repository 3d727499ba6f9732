/**
 * The set-up's forms: text fields read into the service's own schemas (shared/campaign/setup.ts),
 * every error in the user's words at its field (never a schema path or the validator's English).
 */
import { CampaignBasics, CampaignDeadlines, CampaignIssuer, CampaignRules } from '../../../../shared/campaign/setup.ts';
import { parseNumberText } from '../../../../shared/indicators/validate.ts';
import type { Campaign } from '../../../../shared/schema/index.ts';
import { z } from '../../ui/zod.ts';

type T = (key: string, p?: Record<string, string | number>) => string;

/** One error map for every step: "Hãy nhập …", "… quá dài", "… từ a đến b", "… không hợp lệ". */
export function errorMap(t: T, label: (path: readonly PropertyKey[]) => string): z.core.$ZodErrorMap {
  return (iss) => {
    const path = iss.path ?? [];
    const field = label(path);
    // "Hãy nhập tỉnh": the label said inside the sentence, not as a heading.
    const inside = field.charAt(0).toLocaleLowerCase('vi') + field.slice(1);
    if (iss.input === undefined || iss.input === null || (iss.code === 'too_small' && iss.origin === 'string')) return t('campaignui.err.required', { field: inside });
    if (iss.code === 'too_big' && iss.origin === 'string') return t('campaignui.err.too_long', { field, max: Number(iss.maximum) });
    if ((iss.code === 'too_small' || iss.code === 'too_big') && iss.origin === 'number') return t('campaignui.err.range', { field });
    if (iss.code === 'invalid_format' && iss.format === 'date') return t('campaignui.err.date', { field });
    return t('campaignui.err.invalid', { field });
  };
}

/** A number typed the Vietnamese way (8,5) or as digits; the text itself when it is none (refused at its field). */
const num = (s: unknown) => (typeof s === 'string' ? (s.trim() === '' ? undefined : (parseNumberText(s.trim()) ?? s)) : s);

export interface BasicsValues {
  year: string;
  title: string;
  province: string;
  model: 'two-tier' | 'three-tier';
}
export const basicsOf = (c: Campaign | null): BasicsValues =>
  c ? { year: String(c.year), title: c.title.vi, province: c.issuer.place, model: c.model } : { year: String(new Date().getFullYear()), title: '', province: '', model: 'two-tier' };
export const basicsSchema = z.preprocess((v) => ({ ...(v as BasicsValues), year: num((v as BasicsValues).year) }), CampaignBasics) as unknown as z.ZodType<CampaignBasics, BasicsValues>;

/** dd/mm/yyyy (or d/m/yyyy) as yyyy-mm-dd; an empty text is no deadline; anything else stays as typed (refused). */
export function isoOfTyped(s: string): string | undefined {
  const x = s.trim();
  if (x === '') return undefined;
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(x);
  return m ? `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : x;
}
export const typedOfIso = (iso: string | undefined) => (iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : '');

export const PHASES = ['selfAssessment', 'appraisal1', 'explanation', 'appraisal2'] as const;
export type DeadlineValues = Record<(typeof PHASES)[number], string>;
export const deadlinesOf = (c: Campaign | null): DeadlineValues => ({
  selfAssessment: typedOfIso(c?.deadlines.selfAssessment),
  appraisal1: typedOfIso(c?.deadlines.appraisal1),
  explanation: typedOfIso(c?.deadlines.explanation),
  appraisal2: typedOfIso(c?.deadlines.appraisal2),
});
export const deadlinesSchema = z.preprocess(
  (v) => Object.fromEntries(Object.entries(v as DeadlineValues).flatMap(([k, s]) => { const iso = isoOfTyped(s); return iso === undefined ? [] : [[k, iso]]; })),
  CampaignDeadlines,
) as unknown as z.ZodType<z.infer<typeof CampaignDeadlines>, DeadlineValues>;

export interface RulesValues {
  bands: { code: string; label: string; labelEn: string; minIndex: string }[];
  tieBreaks: string[];
  lateMode: 'rank_flagged' | 'not_ranked' | 'penalty';
  penaltyPoints: string;
  scale: { letter: string; percent: string }[];
}
export const TIE_BREAKS = ['APPRAISED_SCORE', 'AREA_SCORE:3', 'SURVEY_SCORE', 'SELF_SCORE'] as const;
export const rulesOf = (c: Campaign): RulesValues => ({
  bands: c.bands.map((b) => ({ code: b.code, label: b.label.vi, labelEn: b.label.en ?? '', minIndex: String(b.minIndex).replace('.', ',') })),
  tieBreaks: c.tieBreaks.map((r) => (r.area ? `${r.by}:${r.area}` : r.by)),
  lateMode: c.late.mode,
  penaltyPoints: String(c.late.penaltyPoints).replace('.', ','),
  scale: Object.entries(c.surveyScale).map(([letter, p]) => ({ letter, percent: String(p).replace('.', ',') })),
});
export const rulesSchema = z.preprocess((raw) => {
  const v = raw as RulesValues;
  return {
    bands: v.bands.map((b) => ({ code: b.code, label: b.labelEn.trim() ? { vi: b.label, en: b.labelEn } : { vi: b.label }, minIndex: num(b.minIndex) })),
    tieBreaks: v.tieBreaks.map((s) => { const [by, area] = s.split(':'); return area ? { by, area } : { by }; }),
    late: { mode: v.lateMode, penaltyPoints: v.lateMode === 'penalty' ? num(v.penaltyPoints) : 0 },
    surveyScale: Object.fromEntries(v.scale.map((s) => [s.letter, num(s.percent)])),
  };
}, CampaignRules) as unknown as z.ZodType<CampaignRules, RulesValues>;

export interface IssuerValues {
  parentBody: string;
  body: string;
  place: string;
  signerTitle: string;
  signerName: string;
  /** "Nơi nhận", one per line. */
  recipients: string;
}
/** The campaign's issuer in the form; the recipients the reports print today when none were set (`usual`). */
export const issuerOf = (c: Campaign, usual: readonly string[]): IssuerValues => ({
  parentBody: c.issuer.parentBody,
  body: c.issuer.body,
  place: c.issuer.place,
  signerTitle: c.issuer.signerTitle,
  signerName: c.issuer.signerName === '…' ? '' : c.issuer.signerName,
  recipients: (c.issuer.recipients ?? usual).join('\n'),
});
export const issuerSchema = z.preprocess((raw) => {
  const { recipients, ...v } = raw as IssuerValues;
  const lines = recipients.split('\n').map((l) => l.trim()).filter(Boolean);
  return lines.length > 0 ? { ...v, recipients: lines } : v;
}, CampaignIssuer) as unknown as z.ZodType<z.infer<typeof CampaignIssuer>, IssuerValues>;
