import { METHOD_NAMES, type Channel, type ParscoreApi } from '../../shared/ipc/contract.ts';
import { escapeUnsafeDeep } from '../../shared/util/text-safety.ts';

declare global {
  interface Window {
    parscore?: ParscoreApi;
  }
}

/**
 * In the desktop app the preload provides window.parscore. In the browser test mode the same
 * channels are served over HTTP by scripts/web-bridge.ts, backed by the same services.
 */
function httpBridge(): ParscoreApi {
  const entries = (Object.entries(METHOD_NAMES) as [Channel, string][]).map(([channel, method]) => [
    method,
    async (input: unknown) => {
      const res = await fetch(`/ipc/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(input ?? {}),
      });
      return res.json();
    },
  ]);
  return Object.fromEntries(entries) as ParscoreApi;
}

/**
 * Every answer the window shows goes through `escapeUnsafeDeep`: a bidi override or control
 * character planted in a workspace is shown as \u202E, never acted on (shared/util/text-safety.ts).
 */
function neutralised(raw: ParscoreApi): ParscoreApi {
  // By the contract's method names (a contextBridge object is looked up, not enumerated).
  const calls = raw as unknown as Record<string, (input: unknown) => Promise<unknown>>;
  const entries = Object.values(METHOD_NAMES).map((method) => [method, async (input: unknown) => escapeUnsafeDeep(await calls[method]!(input))]);
  return Object.fromEntries(entries) as ParscoreApi;
}

export const api: ParscoreApi = neutralised(window.parscore ?? httpBridge());
