import { type Lang, t } from '../i18n/index.ts';
import { RATINGS, type Rating } from '../schema/nomination.ts';
import type { Reason } from './schema.ts';

const isRating = (x: string): x is Rating => (RATINGS as readonly string[]).includes(x);

/**
 * A reason as text. Parameters named `rating` or `allowed` hold personal rating codes
 * ("excellent", "good, complete"); they are shown by their names in the user's language.
 */
export function formatReason(lang: Lang, r: Reason): string {
  const params: Record<string, string | number> = { ...r.params };
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
