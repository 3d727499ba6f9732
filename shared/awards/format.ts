import { type Lang, hasMessage, t } from '../i18n/index.ts';
import { RATINGS, type Rating } from '../schema/nomination.ts';
import type { Reason } from './schema.ts';

const isRating = (x: string): x is Rating => (RATINGS as readonly string[]).includes(x);

/**
 * A reason as text. Parameters named `rating` or `allowed` hold personal rating codes
 * ("excellent", "good, complete"); they are shown by their names in the user's language.
 */
export function formatReason(lang: Lang, r: Reason): string {
  const params: Record<string, string | number> = { ...r.params };
  // A parameter `x_en` is the English text of `x` (an award's name, kept in both languages).
  for (const [name, v] of Object.entries(r.params)) {
    if (name.endsWith('_en') && lang === 'en') params[name.slice(0, -3)] = v;
  }
  for (const name of ['rating', 'allowed'] as const) {
    const v = params[name];
    if (typeof v !== 'string') continue;
    params[name] = v
      .split(',')
      .map((s) => s.trim())
      .map((s) => (isRating(s) ? t(lang, `awards.rating.${s}`) : s))
      .join('; ');
  }
  return t(lang, r.key, params);
}

/** A condition met, briefly ("hạng 1", "loại A", "không bị kỷ luật"); the full sentence when no short form exists. */
export function briefReason(lang: Lang, r: Reason): string {
  const met = /^awards\.ok\.(.+)$/.exec(r.key);
  const short = met ? `rlist.ok.${met[1]}` : '';
  if (short !== '' && hasMessage(short)) return formatReason(lang, { key: short, params: r.params });
  return formatReason(lang, r).replace(/\.\s*$/, '');
}
