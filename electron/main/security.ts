/**
 * URL rules of the window, as pure functions so they are tested without Electron. Parse, never
 * match substrings: "https://evil.example/?next=app://parscore" must not pass as internal.
 */
export const APP_ORIGIN = 'app://parscore';

export function isInternalUrl(raw: string, devOrigin?: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  if (url.protocol === 'app:' && url.host === 'parscore') return true;
  if (devOrigin) {
    try {
      return url.origin === new URL(devOrigin).origin;
    } catch {
      return false;
    }
  }
  return false;
}

/** Links the user may open in the system browser or mail client. */
export function isSafeExternalUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    if (url.username || url.password) return false;
    return url.protocol === 'https:' || url.protocol === 'http:' || url.protocol === 'mailto:';
  } catch {
    return false;
  }
}

/** Resolves an app:// request path inside the renderer folder, or null if it tries to leave it. */
export function resolveAppPath(root: string, requestUrl: string, join: (...p: string[]) => string, sep: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== 'app:' || url.host !== 'parscore') return null;
  const rel = decodeURIComponent(url.pathname).replace(/^\/+/, '') || 'index.html';
  if (rel.split(/[\\/]/).some((seg) => seg === '..') || rel.includes('\0')) return null;
  const full = join(root, rel);
  const base = root.endsWith(sep) ? root : root + sep;
  return full.startsWith(base) ? full : null;
}

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
