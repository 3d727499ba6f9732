/**
 * The nomination form's values and their reading into a nomination: the same zod schema as the
 * service (shared/schema/nomination.ts), with every error in the user's words at its column.
 */
import * as z from 'zod';
import { parseNumberText } from '../../../../shared/indicators/validate.ts';
import { type Nomination, Nomination as NominationSchema, type Rating } from '../../../../shared/schema/index.ts';
import { BIRTH_YEARS } from '../../../../shared/schema/plausible-dates.ts';

export interface NominationFormValues {
  kind: 'collective' | 'individual';
  id: string;
  name: string;
  fullName: string;
  gender: '' | 'male' | 'female';
  birthYear: string;
  position: string;
  unit: string;
  ratingThisYear: '' | Rating;
  /** '' = none (no rating last year). */
  ratingLastYear: '' | Rating;
  achievements: string;
  discipline: string;
  initiatives: string;
  proposedAward: string;
  note: string;
}

export const EMPTY_FORM: NominationFormValues = { kind: 'individual', id: '', name: '', fullName: '', gender: '', birthYear: '', position: '', unit: '', ratingThisYear: '', ratingLastYear: '', achievements: '', discipline: '', initiatives: '', proposedAward: '', note: '' };

/** A stored nomination in the form. */
export function formOf(n: Nomination): NominationFormValues {
  if (n.kind === 'collective') return { ...EMPTY_FORM, kind: 'collective', id: n.id, name: n.name, achievements: n.achievements, proposedAward: n.proposedAward, note: n.note ?? '' };
  return {
    ...EMPTY_FORM,
    kind: 'individual',
    id: n.id,
    fullName: n.fullName,
    gender: n.gender,
    birthYear: String(n.birthYear),
    position: n.position,
    unit: n.unit,
    ratingThisYear: n.ratingThisYear,
    ratingLastYear: n.ratingLastYear ?? '',
    achievements: n.achievements,
    discipline: n.discipline ?? '',
    initiatives: String(n.initiatives),
    proposedAward: n.proposedAward,
    note: n.note ?? '',
  };
}

/** A number typed the Vietnamese way, or the text as typed (for the schema to refuse at its column). */
const num = (s: string): number | string | undefined => (s.trim() === '' ? undefined : (parseNumberText(s) ?? s));

/**
 * The columns the service takes: only the kind's own; empty choices absent (the schema says "missing"),
 * an empty rating of last year or discipline null (none), an empty note null (removed).
 */
export function columnsOf(v: NominationFormValues): Record<string, string | number | null> {
  const put = (o: Record<string, string | number | null>, k: string, x: string | number | null | undefined) => {
    if (x !== undefined && x !== '') o[k] = x;
  };
  const out: Record<string, string | number | null> = { kind: v.kind };
  put(out, 'id', v.id.trim());
  if (v.kind === 'collective') put(out, 'name', v.name);
  else {
    put(out, 'fullName', v.fullName);
    put(out, 'gender', v.gender);
    put(out, 'birthYear', num(v.birthYear));
    put(out, 'position', v.position);
    put(out, 'unit', v.unit);
    put(out, 'ratingThisYear', v.ratingThisYear);
    out.ratingLastYear = v.ratingLastYear === '' ? null : v.ratingLastYear;
    out.discipline = v.discipline.trim() === '' ? null : v.discipline;
    out.initiatives = num(v.initiatives) ?? 0;
  }
  put(out, 'achievements', v.achievements);
  put(out, 'proposedAward', v.proposedAward);
  out.note = v.note.trim() === '' ? null : v.note.trim();
  return out;
}

/** Columns chosen from a list: "Hãy chọn …" rather than "Hãy nhập …". */
const CHOSEN = new Set(['kind', 'gender', 'ratingThisYear', 'ratingLastYear', 'proposedAward']);

/**
 * The form's schema: the values read into columns, then the service's own nomination schema
 * (a null note stands for "none" there). Messages from the catalogue, naming the column.
 */
export function nominationFormSchema(t: (key: string, p?: Record<string, string | number>) => string) {
  const error: z.core.$ZodErrorMap = (iss) => {
    const field = String(iss.path?.[0] ?? 'kind');
    const label = t(`nominations.col.${field}`);
    if (iss.input === undefined || iss.input === null || (iss.code === 'too_small' && iss.origin === 'string')) return t(CHOSEN.has(field) ? 'nominations.err.choose' : 'nominations.err.required', { field: label });
    if (iss.code === 'too_big' && iss.origin === 'string') return t('nominations.err.too_long', { field: label, max: Number(iss.maximum) });
    if (field === 'birthYear' && (iss.code === 'too_small' || iss.code === 'too_big')) return t('nominations.err.range', { field: label, min: String(BIRTH_YEARS.earliest), max: String(BIRTH_YEARS.latest) });
    if (field === 'initiatives' && (iss.code === 'too_small' || iss.code === 'too_big')) return t('nominations.err.range', { field: label, min: 0, max: 50 });
    if (field === 'id') return t('nominations.err.code', { field: label });
    return t('nominations.err.invalid', { field: label });
  };
  const schema = z.preprocess((v) => {
    const c = columnsOf(v as NominationFormValues);
    if (c.note === null) delete c.note;
    return c;
  }, NominationSchema);
  return { schema: schema as unknown as z.ZodType<Nomination, NominationFormValues>, error };
}
