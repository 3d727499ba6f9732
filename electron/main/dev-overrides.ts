/**
 * Environment variables meant for development and tests only: the Vite dev server the window
 * loads (and trusts for IPC) and the userData folder. A packaged app ignores them, so that no
 * environment variable can make an installed ParScore load another origin and treat it as its own.
 * User settings (PARSCORE_LANG, PARSCORE_WORKSPACE, --workspace) are not overrides and stay.
 */
export interface DevOverrides {
  /** Origin of the dev server (`npm run dev`), loopback http(s) only. */
  devOrigin?: string;
  /** userData folder for tests (e2e smoke test). */
  userData?: string;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The dev server's origin when it is a loopback http(s) URL; anything else is ignored. */
function loopbackOrigin(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  try {
    const url = new URL(raw);
    return (url.protocol === 'http:' || url.protocol === 'https:') && LOOPBACK.has(url.hostname) ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

export function devOverrides(app: { isPackaged: boolean }, env: NodeJS.ProcessEnv): DevOverrides {
  if (app.isPackaged) return {};
  const out: DevOverrides = {};
  const devOrigin = loopbackOrigin(env.PARSCORE_DEV_SERVER);
  if (devOrigin) out.devOrigin = devOrigin;
  if (env.PARSCORE_USER_DATA) out.userData = env.PARSCORE_USER_DATA;
  return out;
}
