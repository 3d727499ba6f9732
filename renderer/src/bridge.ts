import { METHOD_NAMES, type Channel, type ParscoreApi } from '../../shared/ipc/contract.ts';

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

export const api: ParscoreApi = window.parscore ?? httpBridge();
