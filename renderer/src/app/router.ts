import { useSyncExternalStore } from 'react';

/**
 * Screens by hash ("#/agency/S02", "#/agency/S02/item/1.1.1" with that item selected, "#/send/S02"
 * the check before sending, "#/agency/S02/set/iso-9001[/item/A1]" an additional criteria set): works from app:// and from the browser mode alike, and survives a reload.
 */
export type Route =
  | { screen: 'overview' }
  | { screen: 'agency'; code: string; item: string | null; set?: string }
  | { screen: 'send'; code: string }
  | { screen: 'not-found' }
  | { screen: DeclaredScreen; code: string }
  | { screen: HaScreen }
  /** Home Affairs appraises one agency ("#/review/S02", "#/review/S02/set/iso-9001/item/A1"). */
  | { screen: 'review'; code: string; item: string | null; set?: string };

/**
 * Home Affairs' sections, in the order of the year's work ("#/campaign", "#/inbox" …); 'overview'
 * is the agencies' list and status board at "#/".
 */
export const HA_SECTIONS = ['overview', 'campaign', 'inbox', 'survey', 'results', 'awards', 'reports', 'audit'] as const;
export type HaSection = (typeof HA_SECTIONS)[number];
export type HaScreen = Exclude<HaSection, 'overview'>;

/** The agency's declared figures, its own bonus and penalty, its nominations ("#/agency/S02/figures"). */
export type DeclaredScreen = 'figures' | 'adjustments' | 'nominations';

const CODE = '[A-Za-z0-9._-]{1,40}';

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '') || '/';
  if (path === '/') return { screen: 'overview' };
  const m = new RegExp(`^/agency/(${CODE})(?:/set/(${CODE}))?(?:/item/(${CODE}))?$`).exec(path);
  if (m) return { screen: 'agency', code: m[1]!, item: m[3] ?? null, ...(m[2] ? { set: m[2] } : {}) };
  const r = new RegExp(`^/review/(${CODE})(?:/set/(${CODE}))?(?:/item/(${CODE}))?$`).exec(path);
  if (r) return { screen: 'review', code: r[1]!, item: r[3] ?? null, ...(r[2] ? { set: r[2] } : {}) };
  const section = path.slice(1);
  if (section !== 'overview' && (HA_SECTIONS as readonly string[]).includes(section)) return { screen: section as HaScreen };
  const s = new RegExp(`^/send/(${CODE})$`).exec(path);
  if (s) return { screen: 'send', code: s[1]! };
  const d = new RegExp(`^/agency/(${CODE})/(figures|adjustments|nominations)$`).exec(path);
  if (d) return { screen: d[2] as DeclaredScreen, code: d[1]! };
  return { screen: 'not-found' };
}

function subscribe(cb: () => void): () => void {
  window.addEventListener('hashchange', cb);
  return () => window.removeEventListener('hashchange', cb);
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}

export function navigate(path: string): void {
  window.location.hash = path;
}

/** The hash path of an agency's criteria set (null = the ranked one), with an item selected. */
export function agencyPath(code: string, set: string | null, item: string | null = null): string {
  return `/agency/${code}${set ? `/set/${set}` : ''}${item ? `/item/${item}` : ''}`;
}

/** The hash path of Home Affairs' appraisal of an agency's criteria set (null = the ranked one). */
export function reviewPath(code: string, set: string | null, item: string | null = null): string {
  return `/review/${code}${set ? `/set/${set}` : ''}${item ? `/item/${item}` : ''}`;
}
