import { useSyncExternalStore } from 'react';

/** Screens by hash ("#/agency/S02"): works from app:// and from the browser mode alike, and survives a reload. */
export type Route = { screen: 'overview' } | { screen: 'agency'; code: string } | { screen: 'not-found' };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '') || '/';
  if (path === '/') return { screen: 'overview' };
  const m = /^\/agency\/([A-Za-z0-9._-]{1,40})$/.exec(path);
  if (m) return { screen: 'agency', code: m[1]! };
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
