import { timingSafeEqual } from 'node:crypto';

/**
 * Who may talk to the browser mode's server: only pages it served itself, in a browser that opened
 * the address with this run's secret. Pure, so every rule is tested without a socket.
 *  - Host must be this server's own loopback name and port (DNS rebinding: a hostile page that
 *    points its own name at 127.0.0.1 sends its own Host).
 *  - Origin, when sent, must be this server's; state-changing requests (POST) must send it.
 *  - The secret in the printed address (`?k=…`) is exchanged once for a cookie (HttpOnly,
 *    SameSite=Strict) and a redirect to the same page without it; afterwards the cookie is enough.
 *  - Everything else is refused with 403.
 */
export interface GuardConfig {
  port: number;
  secret: string;
  /** Value of the session cookie handed out for the secret. */
  session: string;
}

export interface RequestFacts {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
}

export type Verdict =
  | { kind: 'allow' }
  | { kind: 'exchange'; location: string; cookie: string }
  | { kind: 'forbid'; reason: 'host' | 'origin' | 'secret' | 'cross-site' };

export const COOKIE_NAME = 'parscore_session';

function header(facts: RequestFacts, name: string): string | undefined {
  const v = facts.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

function cookieValue(facts: RequestFacts): string | undefined {
  const raw = header(facts, 'cookie');
  if (!raw) return undefined;
  for (const part of raw.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === COOKIE_NAME) return v.join('=');
  }
  return undefined;
}

export function judge(facts: RequestFacts, cfg: GuardConfig): Verdict {
  const host = header(facts, 'host')?.toLowerCase();
  const hosts = allowedHosts(cfg.port);
  if (!host || !hosts.includes(host)) return { kind: 'forbid', reason: 'host' };
  const origin = header(facts, 'origin');
  if (origin !== undefined && !hosts.some((h) => origin === `http://${h}`)) return { kind: 'forbid', reason: 'origin' };
  if (facts.method !== 'GET' && facts.method !== 'HEAD' && origin === undefined) return { kind: 'forbid', reason: 'origin' };
  // A browser says where a request comes from; another site's page never gets through, even with a cookie.
  const site = header(facts, 'sec-fetch-site');
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return { kind: 'forbid', reason: 'cross-site' };

  const cookie = cookieValue(facts);
  if (cookie !== undefined && same(cookie, cfg.session)) return { kind: 'allow' };

  const url = new URL(facts.url, `http://${host}`);
  const k = url.searchParams.get('k');
  if (facts.method === 'GET' && k !== null && same(k, cfg.secret)) {
    url.searchParams.delete('k');
    const location = `${url.pathname}${url.search}`;
    return { kind: 'exchange', location, cookie: `${COOKIE_NAME}=${cfg.session}; HttpOnly; SameSite=Strict; Path=/` };
  }
  return { kind: 'forbid', reason: 'secret' };
}

/** The host the server may listen on: loopback only. */
export function isLoopbackBind(host: string): boolean {
  return host === '127.0.0.1' || host === 'localhost';
}
